/**
 * The generic object protocol: what every part of the VM calls when it must act on a value of any
 * type (repr, str, hash, ==, <, truth, format, call, iteration, attributes, len). CPython's
 * PyObject_Repr / PyObject_Hash / PyObject_RichCompare / PyObject_Call / PyObject_GetIter family.
 *
 * These dispatch on the value's type: builtin kinds go straight to their implementation, instances
 * of Python classes to their dunder methods (which may run Python code through the eval loop).
 *
 * Conventions (assembly/README.md): a returned Value or str pointer is a new reference; arguments
 * are borrowed; failure returns NULL/0 (or -1 for i32/i64 results) with an exception set (types.ts).
 */
import { Value, NULL } from "./values";
import { raiseMsg, EXC_SystemError } from "./types";

// Rich comparison operators, CPython's numbering (COMPARE_OP's oparg).
export const CMP_LT: i32 = 0;
export const CMP_LE: i32 = 1;
export const CMP_EQ: i32 = 2;
export const CMP_NE: i32 = 3;
export const CMP_GT: i32 = 4;
export const CMP_GE: i32 = 5;

function notYet(): void {
  raiseMsg(EXC_SystemError, "generic object protocol not wired yet");
}

/** repr(v) as a new str object pointer; 0 on error. */
export function objRepr(v: Value): usize {
  notYet();
  return 0;
}

/** str(v) as a new str object pointer; 0 on error. */
export function objStr(v: Value): usize {
  notYet();
  return 0;
}

/** hash(v); -1 on error (a real hash of -1 is reported as -2, as CPython does). */
export function objHash(v: Value): i64 {
  notYet();
  return -1;
}

/** a == b as 1/0, or -1 on error (identity implies equality, as in CPython's containers). */
export function objEq(a: Value, b: Value): i32 {
  if (a == b) return 1;
  notYet();
  return -1;
}

/** a OP b (CMP_*) as a new reference (usually True/False); NULL on error. */
export function objCompare(a: Value, b: Value, op: i32): Value {
  notYet();
  return NULL;
}

/** a < b as 1/0, -1 on error (what sorting and min/max use). */
export function objLess(a: Value, b: Value): i32 {
  notYet();
  return -1;
}

/** bool(v) as 1/0, -1 on error. */
export function objIsTrue(v: Value): i32 {
  notYet();
  return -1;
}

/** format(v, spec) (spec: a str object pointer) as a new str object pointer; 0 on error. */
export function objFormat(v: Value, spec: usize): usize {
  notYet();
  return 0;
}

/** callable(*args, **kw) in the native.ts convention; new reference or NULL on error. */
export function objCall(callable: Value, args: usize, nargs: i32, kwnames: usize): Value {
  notYet();
  return NULL;
}

/** iter(v); new reference or NULL on error. */
export function objGetIter(v: Value): Value {
  notYet();
  return NULL;
}

/** next(it): new reference; NULL with no exception set when exhausted; NULL with one on error. */
export function objIterNext(it: Value): Value {
  notYet();
  return NULL;
}

/** getattr(v, name) (name: str object pointer); new reference or NULL on error. */
export function objGetAttr(v: Value, name: usize): Value {
  notYet();
  return NULL;
}

/** len(v); -1 on error. */
export function objLen(v: Value): i64 {
  notYet();
  return -1;
}
