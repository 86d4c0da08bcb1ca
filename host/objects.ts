/**
 * The host-side Python value model: how a Python object that marshal, code objects and dis can hold
 * is represented in TypeScript. Every other host module (marshal, repr, hash, dis, code objects)
 * reads and writes these shapes; none invents its own.
 *
 *   Python           TypeScript
 *   None             null
 *   bool             boolean
 *   int              bigint                 (exact, any size; True is not 1 here: the types differ)
 *   float            number
 *   complex          PyComplex
 *   str              string                 (UTF-16; see SurrogateStr for the one case it cannot hold)
 *   bytes            Uint8Array
 *   tuple            readonly PyObject[]    (a JS array; lists have their own class, so no ambiguity)
 *   list             PyList
 *   dict             PyDict
 *   set, frozenset   PySet, PyFrozenSet     (elements kept in iteration order)
 *   Ellipsis         Ellipsis
 *   StopIteration    StopIteration          (the exception *type*, as marshal's TYPE_STOPITER holds it)
 *   code             CodeObject (host/code.ts)
 *
 * Why str is a JS string: it is what every consumer wants, and a Python str maps to UTF-16 one-to-one
 * except when it holds a high surrogate code point immediately followed by a low one ('\ud800\udc00'
 * is two code points in Python, but the same two units in JS read as one astral character). The
 * standard library has a few dozen such constants (test_unicode, test_codecs, test_json), so those
 * strings alone are held as SurrogateStr, which keeps the code points.
 */
import type { CodeObject } from "./code.js";

export type PyObject =
  | null
  | boolean
  | bigint
  | number
  | string
  | SurrogateStr
  | PyComplex
  | Uint8Array
  | PyTuple
  | PyList
  | PyDict
  | PySet
  | PyFrozenSet
  | PyEllipsisType
  | PyStopIterationType
  | CodeObject;

export type PyTuple = readonly PyObject[];

export class PyComplex {
  constructor(
    readonly real: number,
    readonly imag: number,
  ) {}
}

/** A Python str whose code points include a high surrogate directly followed by a low surrogate. */
export class SurrogateStr {
  constructor(readonly codePoints: readonly number[]) {}
  /** The JS string with the same UTF-16 units (loses the pair/two-code-points distinction). */
  toJSString(): string {
    let s = "";
    for (const cp of this.codePoints) s += String.fromCodePoint(cp);
    return s;
  }
}

export class PyList {
  constructor(readonly items: PyObject[] = []) {}
}

export class PyDict {
  constructor(readonly entries: [PyObject, PyObject][] = []) {}
}

export class PySet {
  constructor(readonly items: PyObject[] = []) {}
}

export class PyFrozenSet {
  constructor(readonly items: readonly PyObject[] = []) {}
}

export class PyEllipsisType {
  private constructor() {}
  static readonly instance = new PyEllipsisType();
}
export const Ellipsis = PyEllipsisType.instance;

export class PyStopIterationType {
  private constructor() {}
  static readonly instance = new PyStopIterationType();
}
export const StopIteration = PyStopIterationType.instance;

export function isTuple(v: PyObject): v is PyTuple {
  return Array.isArray(v);
}

export function isStr(v: PyObject): v is string | SurrogateStr {
  return typeof v === "string" || v instanceof SurrogateStr;
}

/** The code points of a Python str. */
export function strCodePoints(s: string | SurrogateStr): number[] {
  if (s instanceof SurrogateStr) return s.codePoints.slice();
  const out: number[] = [];
  for (const ch of s) out.push(ch.codePointAt(0)!);
  return out;
}

/**
 * Builds the value for a Python str from its code points: a JS string unless a surrogate pair of code
 * points would merge into one astral character.
 */
export function strFromCodePoints(cps: ArrayLike<number>): string | SurrogateStr {
  for (let i = 0; i + 1 < cps.length; i++) {
    if (cps[i] >= 0xd800 && cps[i] <= 0xdbff && cps[i + 1] >= 0xdc00 && cps[i + 1] <= 0xdfff) {
      return new SurrogateStr(Array.from(cps));
    }
  }
  let s = "";
  const CHUNK = 8192;
  for (let i = 0; i < cps.length; i += CHUNK) {
    s += String.fromCodePoint(...Array.prototype.slice.call(cps, i, i + CHUNK));
  }
  return s;
}

/** The Python type name of a value, as `type(v).__name__` gives it. */
export function typeName(v: PyObject): string {
  if (v === null) return "NoneType";
  switch (typeof v) {
    case "boolean":
      return "bool";
    case "bigint":
      return "int";
    case "number":
      return "float";
    case "string":
      return "str";
  }
  if (v instanceof SurrogateStr) return "str";
  if (v instanceof Uint8Array) return "bytes";
  if (Array.isArray(v)) return "tuple";
  if (v instanceof PyComplex) return "complex";
  if (v instanceof PyList) return "list";
  if (v instanceof PyDict) return "dict";
  if (v instanceof PySet) return "set";
  if (v instanceof PyFrozenSet) return "frozenset";
  if (v === Ellipsis) return "ellipsis";
  if (v === StopIteration) return "type";
  return "code";
}
