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
import type { PyObject } from "./objects.js";
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
    for (let i = 0; i < this.co_localsplusnames.length; i++) {
      const kind = this.co_localspluskinds[i];
      const name = this.co_localsplusnames[i];
      if (kind & CO_FAST_LOCAL) varnames.push(name);
      if (kind & CO_FAST_CELL) cellvars.push(name);
      if (kind & CO_FAST_FREE) freevars.push(name);
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
   * A new code object with some fields changed, as types.CodeType.replace() in 3.11. Unknown names
   * and values of the wrong type raise TypeError with CPython's wording. co_varnames, co_cellvars and
   * co_freevars rebuild co_localsplusnames/kinds the way PyCode_NewWithPosOnlyArgs does.
   */
  replace(changes: CodeChanges | Record<string, unknown>): CodeObject {
    const ch = changes as Record<string, unknown>;
    for (const [key, value] of Object.entries(ch)) {
      const kind = REPLACEABLE[key];
      if (kind === undefined) throw typeError(`replace() got an unexpected keyword argument '${key}'`);
      checkReplaceType(key, kind, value);
    }
    const f = this.fields();
    for (const key of Object.keys(f) as (keyof CodeFields)[]) {
      if (key in ch) (f as unknown as Record<string, unknown>)[key] = ch[key];
    }
    if ("co_varnames" in ch || "co_cellvars" in ch || "co_freevars" in ch) {
      const varnames = (ch.co_varnames as readonly string[] | undefined) ?? this.co_varnames;
      const cellvars = (ch.co_cellvars as readonly string[] | undefined) ?? this.co_cellvars;
      const freevars = (ch.co_freevars as readonly string[] | undefined) ?? this.co_freevars;
      const names: string[] = [...varnames];
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
      f.co_localsplusnames = names;
      f.co_localspluskinds = Uint8Array.from(kinds);
    }
    const nlocals = "co_nlocals" in ch ? (ch.co_nlocals as number) : undefined;
    const out = new CodeObject(f);
    if (nlocals !== undefined && nlocals !== out.co_nlocals) {
      throw valueError("code: co_nlocals != len(co_varnames)");
    }
    return out;
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

const TYPE_WORD = { int: "int", bytes: "bytes", tuple: "tuple", strtuple: "tuple", str: "str" } as const;

function checkReplaceType(key: string, kind: keyof typeof TYPE_WORD, value: unknown): void {
  let ok: boolean;
  switch (kind) {
    case "int":
      ok = typeof value === "number" && Number.isInteger(value);
      if (ok && ((value as number) < -0x80000000 || (value as number) > 0x7fffffff)) {
        throw new PyError("OverflowError", "Python int too large to convert to C int");
      }
      break;
    case "bytes":
      ok = value instanceof Uint8Array;
      break;
    case "tuple":
      ok = Array.isArray(value);
      break;
    case "strtuple":
      ok = Array.isArray(value);
      if (ok) {
        for (const item of value as unknown[]) {
          if (typeof item !== "string") {
            throw typeError(`name tuples must contain only strings, not ${describeJsType(item)}`);
          }
        }
      }
      break;
    case "str":
      ok = typeof value === "string";
      break;
  }
  if (!ok) {
    throw typeError(`replace() argument '${key}' must be ${TYPE_WORD[kind]}, not ${describeJsType(value)}`);
  }
}

function describeJsType(v: unknown): string {
  if (v === null) return "NoneType";
  if (typeof v === "number") return Number.isInteger(v) ? "int" : "float";
  if (typeof v === "bigint") return "int";
  if (typeof v === "string") return "str";
  if (typeof v === "boolean") return "bool";
  if (v instanceof Uint8Array) return "bytes";
  if (Array.isArray(v)) return "tuple";
  if (v instanceof CodeObject) return "code";
  return typeof v === "object" ? (v.constructor?.name ?? "object") : typeof v;
}
