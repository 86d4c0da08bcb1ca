/**
 * The exception side of the eval loop: turning `raise X` operands into exception objects and
 * `except X` matching, with CPython's TypeErrors for things that are not exceptions.
 */
import { Value, NULL, isObject } from "./values";
import { kindOf, typeOf, raiseMsg, raiseBegin, errText, errTypeName, KIND_TYPE, KIND_TUPLE, KIND_EXCEPTION, EXC_TypeError, TPFLAG_EXCEPTION } from "./types";
import { incref, decref } from "./refcount";
import { tupleSize, tupleItem } from "./tuple";
import { isSubtype } from "./typeobj";
import { objCall } from "./ops";
import { excType } from "./exceptions";
import { EXC_BaseException } from "./exceptions.generated";

function isExceptionClass(v: Value): bool {
  return isObject(v) && kindOf(<usize>v) == KIND_TYPE && isSubtype(<usize>v, excType(EXC_BaseException));
}

/** `raise v`: v itself when it is an exception instance, v() when it is an exception class. New reference. */
export function makeException(v: Value): Value {
  if (isObject(v) && kindOf(<usize>v) == KIND_EXCEPTION) {
    incref(v);
    return v;
  }
  if (isExceptionClass(v)) {
    const e = objCall(v, 0, 0, 0);
    if (e == NULL) return NULL;
    if (!(isObject(e) && kindOf(<usize>e) == KIND_EXCEPTION)) {
      raiseBegin(EXC_TypeError);
      errText("calling ");
      errTypeName(v);
      errText(" should have returned an instance of BaseException, not ");
      errTypeName(e);
      decref(e);
      return NULL;
    }
    return e;
  }
  raiseMsg(EXC_TypeError, "exceptions must derive from BaseException");
  return NULL;
}

/** `except type`: 1/0, or -1 (TypeError) when type is not an exception class or a tuple of them. */
export function exceptionMatches(exc: Value, type: Value): i32 {
  if (isObject(type) && kindOf(<usize>type) == KIND_TUPLE) {
    const n = <usize>tupleSize(<usize>type);
    for (let i: usize = 0; i < n; i++) {
      if (!isExceptionClass(tupleItem(<usize>type, i))) {
        raiseMsg(EXC_TypeError, "catching classes that do not inherit from BaseException is not allowed");
        return -1;
      }
    }
    for (let i: usize = 0; i < n; i++) {
      if (isSubtype(typeOf(exc), <usize>tupleItem(<usize>type, i))) return 1;
    }
    return 0;
  }
  if (!isExceptionClass(type)) {
    raiseMsg(EXC_TypeError, "catching classes that do not inherit from BaseException is not allowed");
    return -1;
  }
  return isSubtype(typeOf(exc), <usize>type) ? 1 : 0;
}
