/**
 * printf-style % formatting of instances of user classes: the numeric conversions CPython applies
 * before formatting (mainformatlong's PyNumber_Long / PyNumber_Index, PyFloat_AsDouble, %c's
 * PyLong_AsLong through __index__). The formatter in str-methods.ts then sees a builtin number.
 *
 * Entry points: isUserObject, percentIntArg, percentFloatArg, percentCharCode.
 */
import { Value, NULL, isSmallInt, getSmallInt } from "./values";
import { kindOf, errorType, errorClear, raiseMsg, KIND_INT, KIND_FLOAT, EXC_TypeError, EXC_OverflowError } from "./types";
import { decref } from "./refcount";
import { N_INDEX, N_INT, N_FLOAT } from "./names";
import { userSlot, isHeapInstance } from "./ops";
import { numberIndex } from "./index-protocol";
import { intOf, floatOf } from "./construct";

/** Whether v needs converting: an instance of a user class that is not an int/float subclass. */
export function isUserObject(v: Value): bool {
  if (!isHeapInstance(v)) return false;
  const k = kindOf(<usize>v);
  return k != KIND_INT && k != KIND_FLOAT;
}

/**
 * The int %d/%i/%u/%o/%x/%X format for a user object (isUserObject) with __index__/__int__/__float__:
 * PyNumber_Index (o/x/X) or PyNumber_Long (d/i/u). A new reference; NULL with no exception when
 * the object is not a number (the formatter then raises its "%X format: ..." TypeError), NULL with
 * the exception after another error.
 */
export function percentIntArg(v: Value, conv: u32): Value {
  if (userSlot(v, N_INDEX) == NULL && userSlot(v, N_INT) == NULL && userSlot(v, N_FLOAT) == NULL) return NULL;
  const r = conv == 0x6f || conv == 0x78 || conv == 0x58 ? numberIndex(v) : intOf(v);
  if (r == NULL && errorType() == EXC_TypeError) errorClear();
  return r;
}

/** The float %e/%f/%g format for a user object: __float__ (or __index__); NULL as percentIntArg. */
export function percentFloatArg(v: Value): Value {
  if (userSlot(v, N_FLOAT) == NULL && userSlot(v, N_INDEX) == NULL) return NULL;
  return floatOf(v);
}

/** %c of a user object: its __index__ as a code point, else -1 with CPython's error. */
export function percentCharCode(v: Value): i64 {
  if (userSlot(v, N_INDEX) == NULL) {
    raiseMsg(EXC_TypeError, "%c requires int or char");
    return -1;
  }
  const x = numberIndex(v);
  if (x == NULL) return -1;
  const c: i64 = isSmallInt(x) ? getSmallInt(x) : -1;
  decref(x);
  if (c < 0 || c > 0x10ffff) {
    raiseMsg(EXC_OverflowError, "%c arg not in range(0x110000)");
    return -1;
  }
  return c;
}
