/**
 * CodeObject: CPython 3.11's code object, immutable, with every co_* field that 3.11 marshals and the
 * derived ones (co_varnames, co_cellvars, co_freevars, co_nlocals). Compiler, marshal, dis and both
 * VMs share this one type.
 *
 * Entry points: `new CodeObject(fields)`, `code.replace(changes)` (a new object, as
 * types.CodeType.replace), `code.co_lines()`, `code.co_positions()`, `code.exceptionTable()`.
 * The location table is decoded in linetable.ts and the exception table in exceptiontable.ts.
 */
import { PyError, typeError, valueError } from "./errors.js";
import { typeName, type PyObject } from "./objects.js";
import { decodeLines, decodePositions, type LineRange, type Position } from "./linetable.js";
import { decodeExceptionTable, type ExceptionTableEntry } from "./exceptiontable.js";

/** localsplus kinds (Include/internal/pycore_code.h in 3.11). */
export const CO_FAST_LOCAL = 0x20;
export const CO_FAST_CELL = 0x40;
export const CO_FAST_FREE = 0x80;

/** co_flags bits (Include/cpython/code.h in 3.11). */
export const CO_OPTIMIZED = 0x0001;
export const CO_NEWLOCALS = 0x0002;
export const CO_VARARGS = 0x0004;
export const CO_VARKEYWORDS = 0x0008;
export const CO_NESTED = 0x0010;
export const CO_GENERATOR = 0x0020;
export const CO_NOFREE = 0x0040;
export const CO_COROUTINE = 0x0080;
export const CO_ITERABLE_COROUTINE = 0x0100;
export const CO_ASYNC_GENERATOR = 0x0200;

/** The fields marshal stores, in marshal order. Everything else is derived from them. */
export interface CodeFields {
  co_argcount: number;
  co_posonlyargcount: number;
  co_kwonlyargcount: number;
  co_stacksize: number;
  co_flags: number;
  co_code: Uint8Array;
  co_consts: readonly PyObject[];
  co_names: readonly string[];
  co_localsplusnames: readonly string[];
  co_localspluskinds: Uint8Array;
  co_filename: string;
  co_name: string;
  co_qualname: string;
  co_firstlineno: number;
  co_linetable: Uint8Array;
  co_exceptiontable: Uint8Array;
}

/** What replace() accepts: the names types.CodeType.replace takes in 3.11, with their kinds. */
const REPLACEABLE: Record<string, "int" | "bytes" | "tuple" | "strtuple" | "str"> = {
  co_argcount: "int",
  co_posonlyargcount: "int",
  co_kwonlyargcount: "int",
  co_nlocals: "int",
  co_stacksize: "int",
  co_flags: "int",
  co_firstlineno: "int",
  co_code: "bytes",
  co_consts: "tuple",
  co_names: "strtuple",
  co_varnames: "strtuple",
  co_freevars: "strtuple",
  co_cellvars: "strtuple",
  co_filename: "str",
  co_name: "str",
  co_qualname: "str",
  co_linetable: "bytes",
  co_exceptiontable: "bytes",
};

export type CodeChanges = Partial<
  Omit<CodeFields, "co_localsplusnames" | "co_localspluskinds"> & {
    co_nlocals: number;
    co_varnames: readonly string[];
    co_freevars: readonly string[];
    co_cellvars: readonly string[];
  }
>;

export class CodeObject implements CodeFields {
  readonly co_argcount: number;
  readonly co_posonlyargcount: number;
  readonly co_kwonlyargcount: number;
  readonly co_stacksize: number;
  readonly co_flags: number;
  readonly co_code: Uint8Array;
  readonly co_consts: readonly PyObject[];
  readonly co_names: readonly string[];
  readonly co_localsplusnames: readonly string[];
  readonly co_localspluskinds: Uint8Array;
  readonly co_filename: string;
  readonly co_name: string;
  readonly co_qualname: string;
  readonly co_firstlineno: number;
  readonly co_linetable: Uint8Array;
  readonly co_exceptiontable: Uint8Array;

  readonly co_varnames: readonly string[];
  readonly co_cellvars: readonly string[];
  readonly co_freevars: readonly string[];
  readonly co_nlocals: number;

  constructor(f: CodeFields) {
    if (f.co_localsplusnames.length !== f.co_localspluskinds.length) {
      throw valueError("code: co_localsplusnames and co_localspluskinds differ in length");
    }
    this.co_argcount = f.co_argcount;
    this.co_posonlyargcount = f.co_posonlyargcount;
    this.co_kwonlyargcount = f.co_kwonlyargcount;
    this.co_stacksize = f.co_stacksize;
    this.co_flags = f.co_flags;
    this.co_code = f.co_code;
    this.co_consts = Object.freeze(f.co_consts.slice());
    this.co_names = Object.freeze(f.co_names.slice());
    this.co_localsplusnames = Object.freeze(f.co_localsplusnames.slice());
    this.co_localspluskinds = f.co_localspluskinds;
    this.co_filename = f.co_filename;
    this.co_name = f.co_name;
    this.co_qualname = f.co_qualname;
    this.co_firstlineno = f.co_firstlineno;
    this.co_linetable = f.co_linetable;
    this.co_exceptiontable = f.co_exceptiontable;

    const varnames: string[] = [];
    const cellvars: string[] = [];
    const freevars: string[] = [];
    // CPython counts free variables as the entries that are FREE and neither LOCAL nor CELL, then
    // takes that many of the names with the FREE bit: the same for compiler output, and for odd
    // kind bytes (FREE|CELL) in hand-made or corrupt data it is what CPython reports.
    let nfree = 0;
    for (let i = 0; i < this.co_localsplusnames.length; i++) {
      const kind = this.co_localspluskinds[i];
      const name = this.co_localsplusnames[i];
      if (kind & CO_FAST_LOCAL) varnames.push(name);
      if (kind & CO_FAST_CELL) cellvars.push(name);
      if ((kind & (CO_FAST_LOCAL | CO_FAST_CELL)) === 0 && kind & CO_FAST_FREE) nfree++;
    }
    for (let i = 0; i < this.co_localsplusnames.length && freevars.length < nfree; i++) {
      if (this.co_localspluskinds[i] & CO_FAST_FREE) freevars.push(this.co_localsplusnames[i]);
    }
    this.co_varnames = Object.freeze(varnames);
    this.co_cellvars = Object.freeze(cellvars);
    this.co_freevars = Object.freeze(freevars);
    this.co_nlocals = varnames.length;
    Object.freeze(this);
  }

  /** The marshalled fields, in marshal order. */
  fields(): CodeFields {
    return {
      co_argcount: this.co_argcount,
      co_posonlyargcount: this.co_posonlyargcount,
      co_kwonlyargcount: this.co_kwonlyargcount,
      co_stacksize: this.co_stacksize,
      co_flags: this.co_flags,
      co_code: this.co_code,
      co_consts: this.co_consts,
      co_names: this.co_names,
      co_localsplusnames: this.co_localsplusnames,
      co_localspluskinds: this.co_localspluskinds,
      co_filename: this.co_filename,
      co_name: this.co_name,
      co_qualname: this.co_qualname,
      co_firstlineno: this.co_firstlineno,
      co_linetable: this.co_linetable,
      co_exceptiontable: this.co_exceptiontable,
    };
  }

  /**
   * A new code object with some fields changed, as types.CodeType.replace() in 3.11, raising what
   * 3.11 raises, in its order: unknown names first (in the order given), then argument conversion
   * (in parameter order), negative counts, PyCode_NewWithPosOnlyArgs' checks, non-str names last.
   * co_localsplusnames/kinds are always rebuilt from co_varnames, co_cellvars and co_freevars, as
   * 3.11 does; co_nlocals must still equal len(co_varnames). Ints may be JS integers, bigints or
   * booleans; names must be JS strings.
   */
  replace(changes: CodeChanges | Record<string, unknown>): CodeObject {
    const ch = changes as Record<string, unknown>;
    for (const key of Object.keys(ch)) {
      if (!Object.hasOwn(REPLACEABLE, key)) throw typeError(`'${key}' is an invalid keyword argument for replace()`);
    }
    const arg: Record<string, unknown> = {};
    for (const [key, kind] of Object.entries(REPLACEABLE)) {
      if (Object.hasOwn(ch, key)) arg[key] = convertReplaceArg(key, kind, ch[key]);
    }
    for (const [key, kind] of Object.entries(REPLACEABLE)) {
      if (kind === "int" && key in arg && (arg[key] as number) < 0) {
        throw valueError(`${key} must be a positive integer`);
      }
    }
    const f = this.fields();
    for (const key of Object.keys(f) as (keyof CodeFields)[]) {
      if (key in arg) (f as unknown as Record<string, unknown>)[key] = arg[key];
    }
    const varnames = (arg.co_varnames as readonly unknown[] | undefined) ?? this.co_varnames;
    const cellvars = (arg.co_cellvars as readonly unknown[] | undefined) ?? this.co_cellvars;
    const freevars = (arg.co_freevars as readonly unknown[] | undefined) ?? this.co_freevars;
    const names: unknown[] = [...varnames];
    const kinds: number[] = varnames.map(() => CO_FAST_LOCAL);
    for (const cell of cellvars) {
      const at = varnames.indexOf(cell);
      if (at >= 0) kinds[at] |= CO_FAST_CELL;
      else {
        names.push(cell);
        kinds.push(CO_FAST_CELL);
      }
    }
    for (const free of freevars) {
      names.push(free);
      kinds.push(CO_FAST_FREE);
    }

    // PyCode_NewWithPosOnlyArgs and _PyCode_Validate, in 3.11's order.
    if (f.co_argcount < f.co_posonlyargcount) {
      throw new PyError("SystemError", "Objects/codeobject.c:250: bad argument to internal function");
    }
    if (f.co_code.length % 2 !== 0) throw valueError("code: co_code is malformed");
    const argSlots =
      f.co_argcount + f.co_kwonlyargcount + (f.co_flags & CO_VARARGS ? 1 : 0) + (f.co_flags & CO_VARKEYWORDS ? 1 : 0);
    if (varnames.length < argSlots) throw valueError("code: co_varnames is too small");
    const nlocals = "co_nlocals" in arg ? (arg.co_nlocals as number) : this.co_nlocals;
    if (nlocals !== varnames.length) throw valueError("code: co_nlocals != len(co_varnames)");
    if (![...f.co_names, ...names].every((n) => typeof n === "string")) {
      throw new PyError("SystemError", "non-string found in code slot");
    }
    f.co_localsplusnames = names as string[];
    f.co_localspluskinds = Uint8Array.from(kinds);
    return new CodeObject(f);
  }

  /** (start, end, line) ranges of bytecode offsets, as code.co_lines() yields them. */
  co_lines(): LineRange[] {
    return decodeLines(this.co_linetable, this.co_firstlineno, this.co_code.length);
  }

  /** (line, endLine, col, endCol) for every code unit, as code.co_positions() yields them. */
  co_positions(): Position[] {
    return decodePositions(this.co_linetable, this.co_firstlineno, this.co_code.length);
  }

  /** The decoded exception table. */
  exceptionTable(): ExceptionTableEntry[] {
    return decodeExceptionTable(this.co_exceptiontable);
  }

  /** Nested code objects in co_consts (functions, classes, comprehensions, lambdas). */
  nestedCode(): CodeObject[] {
    return this.co_consts.filter((c): c is CodeObject => c instanceof CodeObject);
  }
}

/** A replace() argument converted as 3.11's argument clinic converts it, or its TypeError. */
function convertReplaceArg(key: string, kind: (typeof REPLACEABLE)[string], value: unknown): unknown {
  if (kind === "int") {
    let n: number | bigint;
    if (typeof value === "boolean") n = value ? 1 : 0;
    else if (typeof value === "bigint" || (typeof value === "number" && Number.isInteger(value))) n = value;
    else throw typeError(`'${pyTypeOf(value)}' object cannot be interpreted as an integer`);
    if (n < -0x80000000 || n > 0x7fffffff) throw new PyError("OverflowError", "Python int too large to convert to C int");
    return Number(n);
  }
  const ok =
    kind === "bytes" ? value instanceof Uint8Array
    : kind === "str" ? typeof value === "string"
    : Array.isArray(value);
  if (!ok) {
    const word = kind === "strtuple" ? "tuple" : kind;
    throw typeError(`replace() argument '${key}' must be ${word}, not ${value === null ? "None" : pyTypeOf(value)}`);
  }
  return value;
}

/** type(value).__name__ for a value given to replace(), where a JS integer stands for an int. */
function pyTypeOf(v: unknown): string {
  if (typeof v === "number") return Number.isInteger(v) ? "int" : "float";
  if (typeof v !== "object" && typeof v !== "bigint" && typeof v !== "string" && typeof v !== "boolean") return typeof v;
  const name = typeName(v as PyObject);
  return name === "code" && !(v instanceof CodeObject) ? "object" : name;
}
