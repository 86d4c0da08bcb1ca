/**
 * `==` between code objects, as CPython 3.11's code_richcompare: the name, argument counts, flags,
 * first line, bytecode, names, localsplus names, location and exception tables must be equal, and
 * the constants must be equal *as constants* (_PyCode_ConstantKey: 1, 1.0 and True differ, 0.0 and
 * -0.0 differ, tuples and frozensets compare element keys). co_filename, co_qualname and
 * co_stacksize are not compared, as in CPython. Entry point: `codeEquals(a, b)`.
 */
import { CodeObject } from "./code.js";
import { PyComplex, PyFrozenSet, SurrogateStr, strCodePoints, type PyObject } from "./objects.js";

export function codeEquals(a: CodeObject, b: CodeObject): boolean {
  if (a === b) return true;
  return (
    a.co_name === b.co_name &&
    a.co_argcount === b.co_argcount &&
    a.co_posonlyargcount === b.co_posonlyargcount &&
    a.co_kwonlyargcount === b.co_kwonlyargcount &&
    a.co_flags === b.co_flags &&
    a.co_firstlineno === b.co_firstlineno &&
    bytesEqual(a.co_code, b.co_code) &&
    arraysEqual(a.co_consts, b.co_consts, constEquals) &&
    arraysEqual(a.co_names, b.co_names, Object.is) &&
    arraysEqual(a.co_localsplusnames, b.co_localsplusnames, Object.is) &&
    bytesEqual(a.co_linetable, b.co_linetable) &&
    bytesEqual(a.co_exceptiontable, b.co_exceptiontable)
  );
}

/** Equality of constant keys: same type and equal value, with the float sign of zero significant. */
export function constEquals(a: PyObject, b: PyObject): boolean {
  // Numbers first: 0 === -0 in JS. NaN equals NaN here; CPython's answer depends on object identity.
  if (typeof a === "number" || typeof b === "number") return Object.is(a, b);
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if ((a instanceof SurrogateStr || typeof a === "string") && (b instanceof SurrogateStr || typeof b === "string")) {
    return arraysEqual(strCodePoints(a), strCodePoints(b), Object.is);
  }
  if (a instanceof Uint8Array && b instanceof Uint8Array) return bytesEqual(a, b);
  if (Array.isArray(a) && Array.isArray(b)) return arraysEqual(a, b, constEquals);
  if (a instanceof PyComplex && b instanceof PyComplex) return Object.is(a.real, b.real) && Object.is(a.imag, b.imag);
  if (a instanceof PyFrozenSet && b instanceof PyFrozenSet) {
    return a.items.length === b.items.length && a.items.every((x) => b.items.some((y) => constEquals(x, y)));
  }
  if (a instanceof CodeObject && b instanceof CodeObject) return codeEquals(a, b);
  return false;
}

function arraysEqual<T>(a: readonly T[], b: readonly T[], eq: (x: T, y: T) => boolean): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!eq(a[i], b[i])) return false;
  return true;
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
