/**
 * Code objects' attributes (co_argcount ... co_exceptiontable, co_varnames/co_cellvars/co_freevars
 * derived from co_localsplusnames and co_localspluskinds as CPython derives them).
 */
import { Value, NULL, makeSmallInt } from "./values";
import { CodeObject } from "./code";
import { tupleAlloc, tupleSetItem, tupleSize, tupleItem, EMPTY_TUPLE } from "./tuple";
import { incref } from "./refcount";
import { strEqualLiteral } from "./str";

const CO_FAST_LOCAL: u32 = 0x20;
const CO_FAST_CELL: u32 = 0x40;
const CO_FAST_FREE: u32 = 0x80;

function own(p: usize): Value {
  incref(<u64>p);
  return <u64>p;
}

/** The names whose kind has `bit` (and, for free variables, neither LOCAL nor CELL), as a tuple. */
function namesWithKind(c: CodeObject, bit: u32): Value {
  const names = <usize>c.localsplusnames;
  const kinds = <usize>c.localspluskinds + 24;
  const n = <usize>tupleSize(names);
  let count: usize = 0;
  for (let i: usize = 0; i < n; i++) if (matches(<u32>load<u8>(kinds + i), bit)) count++;
  if (count == 0) return <u64>EMPTY_TUPLE;
  const t = tupleAlloc(count);
  if (t == 0) return NULL;
  let j: usize = 0;
  for (let i: usize = 0; i < n; i++) {
    if (!matches(<u32>load<u8>(kinds + i), bit)) continue;
    const s = tupleItem(names, i);
    incref(s);
    tupleSetItem(t, j++, s);
  }
  return <u64>t;
}

function matches(k: u32, bit: u32): bool {
  if (bit == CO_FAST_FREE) return (k & CO_FAST_FREE) != 0 && (k & (CO_FAST_LOCAL | CO_FAST_CELL)) == 0;
  return (k & bit) != 0;
}

export function codeAttr(p: usize, name: usize): Value {
  const c = changetype<CodeObject>(p);
  if (strEqualLiteral(name, "co_argcount")) return makeSmallInt(c.argcount);
  if (strEqualLiteral(name, "co_posonlyargcount")) return makeSmallInt(c.posonlyargcount);
  if (strEqualLiteral(name, "co_kwonlyargcount")) return makeSmallInt(c.kwonlyargcount);
  if (strEqualLiteral(name, "co_nlocals")) return makeSmallInt(c.nlocals);
  if (strEqualLiteral(name, "co_stacksize")) return makeSmallInt(c.stacksize);
  if (strEqualLiteral(name, "co_flags")) return makeSmallInt(c.flags);
  if (strEqualLiteral(name, "co_firstlineno")) return makeSmallInt(c.firstlineno);
  if (strEqualLiteral(name, "co_code") || strEqualLiteral(name, "_co_code_adaptive")) return own(<usize>c.code);
  if (strEqualLiteral(name, "co_consts")) return own(<usize>c.consts);
  if (strEqualLiteral(name, "co_names")) return own(<usize>c.names);
  if (strEqualLiteral(name, "co_varnames")) return namesWithKind(c, CO_FAST_LOCAL);
  if (strEqualLiteral(name, "co_cellvars")) return namesWithKind(c, CO_FAST_CELL);
  if (strEqualLiteral(name, "co_freevars")) return namesWithKind(c, CO_FAST_FREE);
  if (strEqualLiteral(name, "co_filename")) return own(<usize>c.filename);
  if (strEqualLiteral(name, "co_name")) return own(<usize>c.name);
  if (strEqualLiteral(name, "co_qualname")) return own(<usize>c.qualname);
  if (strEqualLiteral(name, "co_linetable")) return own(<usize>c.linetable);
  if (strEqualLiteral(name, "co_exceptiontable")) return own(<usize>c.exceptiontable);
  return NULL;
}
