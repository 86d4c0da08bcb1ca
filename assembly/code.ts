/**
 * Code objects: every field CPython 3.11 marshals, the counts derived from them, and a mutable copy
 * of the instructions for the eval loop's inline caches (PEP 659: the CACHE units after
 * LOAD_ATTR, CALL, ... are rewritten in place, and instructions are specialized in place).
 *
 *   offset 0   [ refcnt u32                    | type u32 -> code                       ]
 *          8   [ argcount i32                  | posonlyargcount i32                    ]
 *         16   [ kwonlyargcount i32            | stacksize i32                          ]
 *         24   [ flags i32                     | firstlineno i32                        ]
 *         32   [ nlocalsplus i32               | nlocals i32                            ]  derived
 *         40   [ ncellvars i32                 | nfreevars i32                          ]  derived
 *         48   [ code u32 -> bytes             | consts u32 -> tuple                    ]
 *         56   [ names u32 -> tuple of str     | localsplusnames u32 -> tuple of str    ]
 *         64   [ localspluskinds u32 -> bytes  | filename u32 -> str                    ]
 *         72   [ name u32 -> str               | qualname u32 -> str                    ]
 *         80   [ linetable u32 -> bytes        | exceptiontable u32 -> bytes            ]
 *         88   [ adaptive u32 -> raw block     | adaptiveSize u32 (bytes, = len(co_code))]
 *                (adaptive is 0 when co_code is empty)
 *
 * Block size 96, plus the adaptive block. The object fields are pointers, not tagged Values: the
 * validation below guarantees each is a heap object of the stated type. The code object owns one
 * reference to each. `code` is co_code as Python sees it: "deoptimized" as CPython 3.11's
 * _PyCode_GetCode returns it (specialized opcodes read as their base opcode, bytes 3.11 defines
 * no opcode for as 0, inline cache units as zeros). For compiler output that changes nothing; for
 * corrupt or hand-made data it also means the eval loop never starts from a specialized
 * instruction whose caches it did not fill. `adaptive` starts as a copy of `code`.
 *
 * The deoptimization table (base opcode per byte) is assembly/opcodes.generated.ts's DEOPT,
 * generated from CPython's opcode module like every other opcode fact.
 *
 * Entry points: codeValidate, codeDeopt, codeNew, codeBlockSize, the CODE_* field offsets.
 */
import { alloc, free } from "./heap";
import { ObjHeader, initHeader } from "./object";
import { Value } from "./values";
import {
  typeObject,
  kindOfValue,
  KIND_CODE,
  KIND_BYTES,
  KIND_TUPLE,
  KIND_STR,
  raise,
  raiseMemory,
  ERR_SYSTEM,
  ERR_VALUE,
} from "./types";
import { bytesLength, bytesData, bytesFromMemory } from "./bytes";
import { tupleSize, tupleItem } from "./tuple";
import { CACHE_ENTRIES, DEOPT } from "./opcodes.generated";

@unmanaged
export class CodeObject extends ObjHeader {
  argcount: i32;
  posonlyargcount: i32;
  kwonlyargcount: i32;
  stacksize: i32;
  flags: i32;
  firstlineno: i32;
  nlocalsplus: i32;
  nlocals: i32;
  ncellvars: i32;
  nfreevars: i32;
  code: u32;
  consts: u32;
  names: u32;
  localsplusnames: u32;
  localspluskinds: u32;
  filename: u32;
  name: u32;
  qualname: u32;
  linetable: u32;
  exceptiontable: u32;
  adaptive: u32;
  adaptiveSize: u32;
}

export const CODE_SIZE: usize = 96;
// @ts-ignore: compile-time check
if (offsetof<CodeObject>() != CODE_SIZE || CODE_SIZE != 96) ERROR("CodeObject layout (types.ts defineType says 96)");

/** Offset of the first object field (code); the ten object fields follow in marshal order. */
export const CODE_FIRST_FIELD: usize = 48;
export const CODE_FIELD_COUNT: usize = 10;
// @ts-ignore: compile-time check
if (offsetof<CodeObject>("code") != CODE_FIRST_FIELD || offsetof<CodeObject>("exceptiontable") != CODE_FIRST_FIELD + 36)
  ERROR("CodeObject field order");

// Indices into the arrays codeValidate/codeNew take: ints in marshal order, then the object fields.
export const CI_ARGCOUNT = 0;
export const CI_POSONLY = 1;
export const CI_KWONLY = 2;
export const CI_STACKSIZE = 3;
export const CI_FLAGS = 4;
export const CI_FIRSTLINENO = 5;
export const CF_CODE = 0;
export const CF_CONSTS = 1;
export const CF_NAMES = 2;
export const CF_LPNAMES = 3;
export const CF_LPKINDS = 4;
export const CF_FILENAME = 5;
export const CF_NAME = 6;
export const CF_QUALNAME = 7;
export const CF_LINETABLE = 8;
export const CF_EXCTABLE = 9;

// localsplus kinds and co_flags bits (Include/internal/pycore_code.h, Include/cpython/code.h, 3.11)
const CO_FAST_LOCAL: u32 = 0x20;
const CO_FAST_CELL: u32 = 0x40;
const CO_FAST_FREE: u32 = 0x80;
const CO_VARARGS: i32 = 0x4;
const CO_VARKEYWORDS: i32 = 0x8;

/** What _PyCode_Validate's PyErr_BadInternalCall() says in the python3.11 this project targets. */
const CODE_BAD_ARGUMENT = "Objects/codeobject.c:250: bad argument to internal function";

// @ts-ignore: decorator
@inline export function codeBlockSize(p: usize): usize {
  return CODE_SIZE;
}
// @ts-ignore: decorator
@inline export function codeField(p: usize, i: usize): usize {
  return <usize>load<u32>(p + CODE_FIRST_FIELD + (i << 2));
}

// @ts-ignore: decorator
@inline function int(ints: usize, i: i32): i32 {
  return load<i32>(ints + (<usize>i << 2));
}
// @ts-ignore: decorator
@inline function field(fields: usize, i: i32): Value {
  return load<u64>(fields + (<usize>i << 3));
}

/**
 * The checks CPython 3.11 applies when marshal builds a code object (_PyCode_Validate, then
 * _PyCode_New's interning of names), in their order, with their exceptions. `ints` holds 6 i32s,
 * `fields` 10 Values (CI_* / CF_* order). Raises and returns false on the first failure.
 */
export function codeValidate(ints: usize, fields: usize): bool {
  const argcount = int(ints, CI_ARGCOUNT);
  const posonly = int(ints, CI_POSONLY);
  const kwonly = int(ints, CI_KWONLY);
  const flags = int(ints, CI_FLAGS);
  const lpnames = field(fields, CF_LPNAMES);
  const lpkinds = field(fields, CF_LPKINDS);
  if (
    argcount < posonly ||
    posonly < 0 ||
    kwonly < 0 ||
    int(ints, CI_STACKSIZE) < 0 ||
    flags < 0 ||
    kindOfValue(field(fields, CF_CODE)) != KIND_BYTES ||
    kindOfValue(field(fields, CF_CONSTS)) != KIND_TUPLE ||
    kindOfValue(field(fields, CF_NAMES)) != KIND_TUPLE ||
    kindOfValue(lpnames) != KIND_TUPLE ||
    kindOfValue(lpkinds) != KIND_BYTES ||
    tupleSize(<usize>lpnames) != bytesLength(<usize>lpkinds) ||
    kindOfValue(field(fields, CF_NAME)) != KIND_STR ||
    kindOfValue(field(fields, CF_QUALNAME)) != KIND_STR ||
    kindOfValue(field(fields, CF_FILENAME)) != KIND_STR ||
    kindOfValue(field(fields, CF_LINETABLE)) != KIND_BYTES ||
    kindOfValue(field(fields, CF_EXCTABLE)) != KIND_BYTES
  ) {
    raise(ERR_SYSTEM, CODE_BAD_ARGUMENT);
    return false;
  }
  if ((bytesLength(<usize>field(fields, CF_CODE)) & 1) != 0) {
    raise(ERR_VALUE, "code: co_code is malformed");
    return false;
  }
  const kinds = bytesData(<usize>lpkinds);
  const n = <usize>bytesLength(<usize>lpkinds);
  let nlocals: i64 = 0;
  for (let i: usize = 0; i < n; i++) if ((<u32>load<u8>(kinds + i) & CO_FAST_LOCAL) != 0) nlocals++;
  const nplain =
    nlocals -
    <i64>argcount -
    <i64>kwonly -
    <i64>((flags & CO_VARARGS) != 0 ? 1 : 0) -
    <i64>((flags & CO_VARKEYWORDS) != 0 ? 1 : 0);
  if (nplain < 0) {
    raise(ERR_VALUE, "code: co_varnames is too small");
    return false;
  }
  if (!allStr(<usize>field(fields, CF_NAMES)) || !allStr(<usize>lpnames)) {
    raise(ERR_SYSTEM, "non-string found in code slot");
    return false;
  }
  return true;
}

function allStr(tuple: usize): bool {
  const n = <usize>tupleSize(tuple);
  for (let i: usize = 0; i < n; i++) if (kindOfValue(tupleItem(tuple, i)) != KIND_STR) return false;
  return true;
}

/**
 * co_code as CPython 3.11 exposes it. Returns `code` itself when nothing changes (the common case;
 * no copy), a new bytes object otherwise, or 0 after MemoryError.
 */
export function codeDeopt(code: usize): usize {
  const n = <usize>bytesLength(code);
  const d = bytesData(code);
  let out: usize = 0;
  let i: usize = 0;
  while (i < n) {
    const op = <usize>load<u8>(d + i);
    const base = unchecked(DEOPT[<i32>op]);
    if (<usize>base != op) {
      if (out == 0 && (out = bytesFromMemory(d, n)) == 0) return 0;
      store<u8>(bytesData(out) + i, base);
    }
    let end = i + 2 + 2 * <usize>unchecked(CACHE_ENTRIES[<i32>op]);
    if (end > n) end = n;
    for (i += 2; i < end; i += 2) {
      if (load<u16>(d + i) != 0) {
        if (out == 0 && (out = bytesFromMemory(d, n)) == 0) return 0;
        store<u16>(bytesData(out) + i, 0);
      }
    }
  }
  return out != 0 ? out : code;
}

/**
 * A code object from validated fields (codeValidate passed, co_code already deoptimized). Takes
 * over the references in `fields` on success; 0 after MemoryError (the references stay the caller's).
 */
export function codeNew(ints: usize, fields: usize): usize {
  const code = <usize>field(fields, CF_CODE);
  const codeLength = <usize>bytesLength(code);
  const p = alloc(CODE_SIZE);
  if (p == 0) return raiseMemory();
  let adaptive: usize = 0;
  if (codeLength != 0) {
    adaptive = alloc(codeLength);
    if (adaptive == 0) {
      free(p, CODE_SIZE);
      return raiseMemory();
    }
    memory.copy(adaptive, bytesData(code), codeLength);
  }
  initHeader(p, typeObject(KIND_CODE));
  const c = changetype<CodeObject>(p);
  c.argcount = int(ints, CI_ARGCOUNT);
  c.posonlyargcount = int(ints, CI_POSONLY);
  c.kwonlyargcount = int(ints, CI_KWONLY);
  c.stacksize = int(ints, CI_STACKSIZE);
  c.flags = int(ints, CI_FLAGS);
  c.firstlineno = int(ints, CI_FIRSTLINENO);
  for (let i: usize = 0; i < CODE_FIELD_COUNT; i++) {
    store<u32>(p + CODE_FIRST_FIELD + (i << 2), <u32>load<u64>(fields + (i << 3)));
  }
  c.adaptive = <u32>adaptive;
  c.adaptiveSize = <u32>codeLength;
  // Derived counts, as CPython computes them (co_nfreevars: the FREE entries that are neither LOCAL
  // nor CELL; host/code.ts explains why that differs from "has the FREE bit" only for odd data).
  const kinds = bytesData(<usize>c.localspluskinds);
  const n = <usize>bytesLength(<usize>c.localspluskinds);
  let nlocals = 0;
  let ncells = 0;
  let nfree = 0;
  for (let i: usize = 0; i < n; i++) {
    const k = <u32>load<u8>(kinds + i);
    if ((k & CO_FAST_LOCAL) != 0) nlocals++;
    if ((k & CO_FAST_CELL) != 0) ncells++;
    if ((k & (CO_FAST_LOCAL | CO_FAST_CELL)) == 0 && (k & CO_FAST_FREE) != 0) nfree++;
  }
  c.nlocalsplus = <i32>n;
  c.nlocals = nlocals;
  c.ncellvars = ncells;
  c.nfreevars = nfree;
  return p;
}
