/**
 * isinstance() / issubclass() with CPython's protocol (PyObject_IsInstance / PyObject_IsSubclass):
 * exact-type shortcut, tuples (nested), a metaclass's __instancecheck__ / __subclasscheck__,
 * types.UnionType members, an instance's __class__ when its class overrides it, and the
 * TypeErrors for arguments that are not classes.
 */
import { Value, NULL, NONE, isObject } from "./values";
import {
  kindOf,
  typeOf,
  typeObject,
  raiseMsg,
  errorType,
  errorClear,
  KIND_TYPE,
  KIND_TUPLE,
  KIND_UNION,
  KIND_GENERIC_ALIAS,
  KIND_METHOD_DESCR,
  KIND_GETSET_DESCR,
  EXC_TypeError,
  EXC_AttributeError,
} from "./types";
import { decref } from "./refcount";
import { tupleSize, tupleItem } from "./tuple";
import { typeLookup, isSubtype, isHeapType } from "./typeobj";
import { N_CLASS, strLiteral } from "./names";
import { objGetAttr, callMethod1, objIsTrue } from "./ops";
import { unionArgs } from "./generic-alias";

const MSG_INST = "isinstance() arg 2 must be a type, a tuple of types, or a union";
const MSG_SUB1 = "issubclass() arg 1 must be a class";
const MSG_SUB2 = "issubclass() arg 2 must be a class, a tuple of classes, or a union";
const MSG_GENERIC_INST = "isinstance() argument 2 cannot be a parameterized generic";
const MSG_GENERIC_SUB = "issubclass() argument 2 cannot be a parameterized generic";

let nInstancecheck: usize = 0;
let nSubclasscheck: usize = 0;

function isTypeValue(v: Value): bool {
  return isObject(v) && kindOf(<usize>v) == KIND_TYPE;
}

/** A metaclass's Python-level __instancecheck__ / __subclasscheck__ (borrowed), or NULL. */
function userCheck(cls: Value, sub: bool): Value {
  const meta = typeOf(cls);
  if (!isHeapType(meta)) return NULL;
  if (nInstancecheck == 0) {
    nInstancecheck = strLiteral("__instancecheck__");
    nSubclasscheck = strLiteral("__subclasscheck__");
  }
  const d = typeLookup(meta, sub ? nSubclasscheck : nInstancecheck);
  if (d == NULL || (isObject(d) && kindOf(<usize>d) == KIND_METHOD_DESCR)) return NULL;
  return d;
}

function callCheck(d: Value, cls: Value, x: Value): i32 {
  const r = callMethod1(d, cls, x);
  if (r == NULL) return -1;
  const t = objIsTrue(r);
  decref(r);
  return t;
}

/** isinstance(v, cls): 1/0, -1 with an exception. */
export function isInstanceOf(v: Value, cls: Value): i32 {
  const t = typeOf(v);
  if (<usize>cls == t) return 1;
  if (isTypeValue(cls)) {
    if (typeOf(cls) == typeObject(KIND_TYPE)) return objectIsInstance(v, t, <usize>cls);
    const d = userCheck(cls, false);
    if (d != NULL) return callCheck(d, cls, v);
    return objectIsInstance(v, t, <usize>cls);
  }
  if (isObject(cls)) {
    const k = kindOf(<usize>cls);
    if (k == KIND_TUPLE || k == KIND_UNION) return anyOf(v, <usize>cls, k == KIND_UNION, false);
    if (k == KIND_GENERIC_ALIAS) {
      raiseMsg(EXC_TypeError, MSG_GENERIC_INST);
      return -1;
    }
    const d = userCheck(cls, false);
    if (d != NULL) return callCheck(d, cls, v);
  }
  raiseMsg(EXC_TypeError, MSG_INST);
  return -1;
}

/**
 * isinstance / issubclass against a tuple or a union: 1 at the first member that matches, 0, or
 * -1 with an exception (a union may not hold a parameterized generic).
 */
function anyOf(x: Value, classes: usize, isUnion: bool, sub: bool): i32 {
  const items = isUnion ? unionArgs(classes) : classes;
  const n = <usize>tupleSize(items);
  for (let i: usize = 0; i < n; i++) {
    const item = tupleItem(items, i);
    if (isUnion && isObject(item) && kindOf(<usize>item) == KIND_GENERIC_ALIAS) {
      raiseMsg(EXC_TypeError, sub ? MSG_GENERIC_SUB : MSG_GENERIC_INST);
      return -1;
    }
    const r = sub ? isSubclassOf(x, item) : isInstanceOf(x, item);
    if (r != 0) return r;
  }
  return 0;
}

/** The real-class test, then the instance's own __class__ when its class overrides that attribute. */
function objectIsInstance(v: Value, t: usize, cls: usize): i32 {
  if (isSubtype(t, cls)) return 1;
  if (!isHeapType(t)) return 0;
  const cd = typeLookup(t, N_CLASS);
  if (cd == NULL || (isObject(cd) && kindOf(<usize>cd) == KIND_GETSET_DESCR)) return 0;
  const icls = objGetAttr(v, N_CLASS);
  if (icls == NULL) {
    if (errorType() == EXC_AttributeError) {
      errorClear();
      return 0;
    }
    return -1;
  }
  const r = isTypeValue(icls) && <usize>icls != t && isSubtype(<usize>icls, cls) ? 1 : 0;
  decref(icls);
  return r;
}

/** issubclass(c, cls): 1/0, -1 with an exception. */
export function isSubclassOf(c: Value, cls: Value): i32 {
  if (isTypeValue(cls)) {
    if (typeOf(cls) != typeObject(KIND_TYPE)) {
      const d = userCheck(cls, true);
      if (d != NULL) return callCheck(d, cls, c);
    }
    if (c == cls) return 1;
    if (!isTypeValue(c)) {
      raiseMsg(EXC_TypeError, MSG_SUB1);
      return -1;
    }
    return isSubtype(<usize>c, <usize>cls) ? 1 : 0;
  }
  if (isObject(cls)) {
    const k = kindOf(<usize>cls);
    if (k == KIND_TUPLE || k == KIND_UNION) return anyOf(c, <usize>cls, k == KIND_UNION, true);
    if (k == KIND_GENERIC_ALIAS) {
      raiseMsg(EXC_TypeError, MSG_GENERIC_SUB);
      return -1;
    }
    const d = userCheck(cls, true);
    if (d != NULL) return callCheck(d, cls, c);
  }
  if (!isTypeValue(c)) {
    raiseMsg(EXC_TypeError, MSG_SUB1);
    return -1;
  }
  raiseMsg(EXC_TypeError, MSG_SUB2);
  return -1;
}

export { NULL, NONE };
