/**
 * The generic object protocol: what every part of the VM calls when it must act on a value of any
 * type (repr, str, hash, ==, <, truth, format, call, iteration, attributes, items, len). CPython's
 * PyObject_Repr / PyObject_Hash / PyObject_RichCompare / PyObject_Call / PyObject_GetIter family.
 *
 * Each function dispatches on the value's kind: builtin kinds go straight to their implementation;
 * instances of classes made at run time (heap types) first look for the dunder method in their
 * MRO and call it (which may run Python code through the eval loop).
 *
 * Conventions (assembly/README.md): a returned Value or str pointer is a new reference; arguments
 * are borrowed; failure returns NULL/0 (or -1 for i32/i64 results) with an exception set (types.ts).
 */
import { Value, NULL, NONE, TRUE, FALSE, isSmallInt, getSmallInt, makeSmallInt, isObject, makeBool } from "./values";
import { intToStr } from "./int-ops";
import {
  kindOf,
  kindOfValue,
  typeOf,
  typeObject,
  typeName,
  raiseMsg,
  raiseBegin,
  raiseObject,
  raiseWithValue,
  errText,
  errStrObject,
  errTypeName,
  errorType,
  errorObject,
  errorClear,
  ERR_OBJECT,
  KIND_INT,
  KIND_BOOL,
  KIND_FLOAT,
  KIND_COMPLEX,
  KIND_STR,
  KIND_BYTES,
  KIND_BYTEARRAY,
  KIND_TUPLE,
  KIND_LIST,
  KIND_DICT,
  KIND_SET,
  KIND_FROZENSET,
  KIND_NONE,
  KIND_TYPE,
  KIND_FUNCTION,
  KIND_METHOD,
  KIND_BUILTIN,
  KIND_METHOD_DESCR,
  KIND_CLASSMETHOD,
  KIND_STATICMETHOD,
  KIND_PROPERTY,
  KIND_OBJECT,
  KIND_EXCEPTION,
  KIND_MODULE,
  KIND_RANGE,
  KIND_SLICE,
  KIND_GENERATOR,
  KIND_DICT_KEYS,
  KIND_DICT_ITEMS,
  KIND_DICT_VALUES,
  KIND_CELL,
  KIND_CODE,
  EXC_TypeError,
  EXC_AttributeError,
  EXC_StopIteration,
  EXC_IndexError,
  EXC_KeyError,
  EXC_ValueError,
  EXC_SystemError,
  EXC_RecursionError,
  EXC_NotImplementedError,
  TPFLAG_UNHASHABLE,
} from "./types";
import { incref, decref } from "./refcount";
import { tupleAlloc, tupleSetItem, tupleSize, tupleItem, EMPTY_TUPLE, vecSize, vecItems } from "./tuple";
import { strEqual, strLength, strEqualLiteral } from "./str";
import { typeLookup, typeMro, isSubtype, isHeapType, typeDict, T_DICTOFFSET, isType } from "./typeobj";
import {
  N_REPR,
  N_STR,
  N_HASH,
  N_BOOL,
  N_LEN,
  N_ITER,
  N_NEXT,
  N_GETITEM,
  N_SETITEM,
  N_DELITEM,
  N_CONTAINS,
  N_CALL,
  N_GETATTR,
  N_GETATTRIBUTE,
  N_SETATTR,
  N_DELATTR,
  N_FORMAT,
  N_GET,
  N_SET,
  N_DELETE,
  N_ENTER,
  N_EXIT,
  N_NEG,
  N_POS,
  N_INVERT,
  N_INDEX,
  N_EMPTY,
  N_MATCH_ARGS,
  CMP_NAMES,
  CMP_SWAPPED,
  CMP_SYMBOLS,
  NB_NAMES,
  NB_RNAMES,
  NB_INAMES,
  NB_SYMBOLS,
} from "./names";
import { callFunction } from "./eval";
import { builtinFn, builtinSelf, methodNew, builtinNew } from "./function";
import * as num from "./number";
import * as coll from "./collections";
import * as attr from "./attributes";
import * as rep from "./reprs";
import { genSend, genIterNext, sendReturnedFlag } from "./generator";
import { excNew, excType, isException } from "./exceptions";
import { hashValue } from "./hash";
import { typeCall } from "./construct";
import { UNARY_NEGATIVE as OP_UNARY_NEGATIVE, UNARY_POSITIVE as OP_UNARY_POSITIVE } from "./opcodes.generated";

// Rich comparison operators, CPython's numbering (COMPARE_OP's oparg).
export const CMP_LT: i32 = 0;
export const CMP_LE: i32 = 1;
export const CMP_EQ: i32 = 2;
export const CMP_NE: i32 = 3;
export const CMP_GT: i32 = 4;
export const CMP_GE: i32 = 5;

/** NotImplemented, an immortal static object (header only). */
import { NOT_IMPLEMENTED } from "./singletons";
export { NOT_IMPLEMENTED };

// ---------------------------------------------------------------------------------------------------
// Calling dunder methods of heap types

/** Whether v's type was made by a class statement (its dunders may be Python functions). */
// @ts-ignore: decorator
@inline export function isHeapInstance(v: Value): bool {
  return isObject(v) && isHeapType(typeOf(v));
}

/**
 * The dunder `name` of v's type, if a heap type defines it in Python or inherits one that is not a
 * builtin's own (borrowed), else NULL. Builtin slots answer for builtin methods, so a method
 * descriptor (native method) is ignored here.
 */
export function userSlot(v: Value, name: usize): Value {
  if (!isHeapInstance(v)) return NULL;
  const d = typeLookup(typeOf(v), name);
  if (d == NULL || (isObject(d) && kindOf(<usize>d) == KIND_METHOD_DESCR)) return NULL;
  return d;
}

/** Calls descriptor `d` found on v's type as a method of v with `n` arguments at `args`. */
export function callDescr(d: Value, self: Value, args: usize, n: i32): Value {
  // Arguments go in a small heap array [self, args...]: the eval loop's convention.
  const buf = argBuf(n + 1);
  if (buf == 0) return NULL;
  store<u64>(buf, self);
  for (let i = 0; i < n; i++) store<u64>(buf + (<usize>(i + 1) << 3), load<u64>(args + (<usize>i << 3)));
  let r: Value;
  if (isObject(d) && kindOf(<usize>d) == KIND_FUNCTION) {
    r = callFunction(<usize>d, buf, n + 1, 0);
  } else if (isObject(d) && kindOf(<usize>d) == KIND_METHOD_DESCR) {
    const fn = builtinFn(<usize>d);
    r = fn(self, buf + 8, n, 0);
  } else if (isObject(d) && kindOf(<usize>d) == KIND_STATICMETHOD) {
    r = objCall(load<u64>(<usize>d + 8), buf + 8, n, 0);
  } else {
    const bound = attr.descrGet(d, self, <u64>typeOf(self));
    if (bound == NULL) {
      argBufFree(buf, n + 1);
      return NULL;
    }
    r = objCall(bound, buf + 8, n, 0);
    decref(bound);
  }
  argBufFree(buf, n + 1);
  return r;
}

import { alloc, free } from "./heap";

/**
 * Argument arrays of native-to-Python calls (dunder methods: one per comparison of a sort) come
 * from a small LIFO stack of static memory instead of the heap: calls nest, so they are freed in
 * reverse order. The callee copies what it keeps (bindArgs). When the stack is full (deep nesting
 * of dunder calls), the heap takes over.
 */
const ARG_STACK_BYTES: usize = 16384;
const ARG_STACK: usize = memory.data(<i32>ARG_STACK_BYTES, 8);
let argTop: usize = 0;

export function argBuf(n: i32): usize {
  const bytes = <usize>n << 3;
  if (argTop + bytes <= ARG_STACK_BYTES) {
    const p = ARG_STACK + argTop;
    argTop += bytes;
    return p;
  }
  const p = alloc(bytes);
  if (p == 0) raiseBegin(EXC_SystemError);
  return p;
}
export function argBufFree(p: usize, n: i32): void {
  const bytes = <usize>n << 3;
  if (p - ARG_STACK < ARG_STACK_BYTES) argTop -= bytes;
  else free(p, bytes);
}

/** Calls v.name() found on the type (0 args). */
export function callMethod0(d: Value, self: Value): Value {
  return callDescr(d, self, 0, 0);
}
/** Calls v.name(a) found on the type (1 arg). */
export function callMethod1(d: Value, self: Value, a: Value): Value {
  if (isObject(d) && kindOf(<usize>d) == KIND_FUNCTION) {
    // The usual case, a method written in Python: [self, a] straight to the function.
    const buf = argBuf(2);
    if (buf == 0) return NULL;
    store<u64>(buf, self);
    store<u64>(buf + 8, a);
    const r = callFunction(<usize>d, buf, 2, 0);
    argBufFree(buf, 2);
    return r;
  }
  const buf = argBuf(1);
  if (buf == 0) return NULL;
  store<u64>(buf, a);
  const r = callDescr(d, self, buf, 1);
  argBufFree(buf, 1);
  return r;
}
export function callMethod2(d: Value, self: Value, a: Value, b: Value): Value {
  const buf = argBuf(2);
  if (buf == 0) return NULL;
  store<u64>(buf, a);
  store<u64>(buf + 8, b);
  const r = callDescr(d, self, buf, 2);
  argBufFree(buf, 2);
  return r;
}

// ---------------------------------------------------------------------------------------------------
// repr, str, format

/** repr(v) as a new str object pointer; 0 on error. */
export function objRepr(v: Value): usize {
  if (isSmallInt(v)) return intToStr(v, 10, false); // the commonest case, without the slot lookup
  const d = userSlot(v, N_REPR);
  if (d != NULL) {
    if (!enterC(WHILE_REPR)) return 0;
    const r = callMethod0(d, v);
    leaveC();
    if (r == NULL) return 0;
    if (!isObject(r) || kindOf(<usize>r) != KIND_STR) {
      raiseBegin(EXC_TypeError);
      errText("__repr__ returned non-string (type ");
      errTypeName(r);
      errText(")");
      decref(r);
      return 0;
    }
    return <usize>r;
  }
  return rep.builtinRepr(v);
}

/** str(v) as a new str object pointer; 0 on error. */
export function objStr(v: Value): usize {
  if (isSmallInt(v)) return intToStr(v, 10, false); // int's __str__ is its __repr__; no slot lookups
  if (isObject(v) && typeOf(v) == typeObject(KIND_STR)) {
    incref(v);
    return <usize>v;
  }
  // object.__str__ calls the type's __repr__ slot, unchecked: a bad result is __str__'s error.
  let d = userSlot(v, N_STR);
  if (d == NULL && !(isObject(v) && kindOf(<usize>v) == KIND_EXCEPTION)) d = userSlot(v, N_REPR);
  if (d != NULL) {
    if (!enterC(WHILE_STR)) return 0;
    const r = callMethod0(d, v);
    leaveC();
    if (r == NULL) return 0;
    if (!isObject(r) || kindOf(<usize>r) != KIND_STR) {
      raiseBegin(EXC_TypeError);
      errText("__str__ returned non-string (type ");
      errTypeName(r);
      errText(")");
      decref(r);
      return 0;
    }
    return <usize>r;
  }
  // object.__str__ is repr(self), which may be a user __repr__; exceptions have their own.
  if (isObject(v) && kindOf(<usize>v) == KIND_EXCEPTION) return rep.builtinStr(v);
  if (isObject(v) && kindOf(<usize>v) == KIND_STR) return strExact(<usize>v); // str.__str__ of a subclass
  if (isObject(v) && kindOf(<usize>v) == KIND_MAPPINGPROXY) return mappingProxyStr(<usize>v); // str(mapping)
  return objRepr(v);
}

import { mappingProxyStr } from "./mappingproxy";
import { KIND_MAPPINGPROXY } from "./types";
/** format(v, spec) (spec: a str object pointer) as a new str object pointer; 0 on error. */
export function objFormat(v: Value, spec: usize): usize {
  const d = userSlot(v, N_FORMAT);
  if (d != NULL) {
    const r = callMethod1(d, v, <u64>spec);
    if (r == NULL) return 0;
    if (!isObject(r) || kindOf(<usize>r) != KIND_STR) {
      raiseBegin(EXC_TypeError);
      errText("__format__ must return a str, not ");
      errTypeName(r);
      decref(r);
      return 0;
    }
    return <usize>r;
  }
  // format(x, '') is str(x) for every builtin __format__ (a subclass's __str__/__repr__ shows).
  if (isHeapInstance(v) && strLength(spec) == 0) return objStr(v);
  return rep.builtinFormat(v, spec);
}

/** FORMAT_VALUE: conversion (0 none, 1 str, 2 repr, 3 ascii) then format with spec (NULL = ""). */
export function formatValue(v: Value, conversion: i32, spec: Value): Value {
  let x = v;
  let owned = false;
  if (conversion == 1) {
    x = <u64>objStr(v);
    owned = true;
  } else if (conversion == 2) {
    x = <u64>objRepr(v);
    owned = true;
  } else if (conversion == 3) {
    x = <u64>rep.objAscii(v);
    owned = true;
  }
  if (x == NULL) return NULL;
  let r: usize;
  if (spec == NULL && isObject(x) && typeOf(x) == typeObject(KIND_STR)) {
    incref(x);
    r = <usize>x;
  } else {
    r = objFormat(x, spec == NULL ? N_EMPTY : <usize>spec);
  }
  if (owned) decref(x);
  return <u64>r;
}

// ---------------------------------------------------------------------------------------------------
// hash, equality, comparison, truth

/** hash(v); -1 on error. */
import { bigToI64, indexOut } from "./slice";
export function objHash(v: Value): i64 {
  if (isHeapInstance(v)) {
    const d = typeLookup(typeOf(v), N_HASH);
    if (d == NONE) {
      raiseBegin(EXC_TypeError);
      errText("unhashable type: '");
      errTypeName(v);
      errText("'");
      return -1;
    }
    if (d != NULL && !(isObject(d) && kindOf(<usize>d) == KIND_METHOD_DESCR)) {
      const r = callMethod0(d, v);
      if (r == NULL) return -1;
      if (!isSmallInt(r) && kindOfValue(r) != KIND_INT && kindOfValue(r) != KIND_BOOL) {
        decref(r);
        raiseMsg(EXC_TypeError, "__hash__ method should return an integer");
        return -1;
      }
      // slot_tp_hash: a result within i64 is the hash as it is; only bigger ones are hashed.
      let h: i64 = isSmallInt(r) ? getSmallInt(r) : r == TRUE ? 1 : r == FALSE ? 0 : bigToI64(<usize>r) ? indexOut : hashValue(r);
      decref(r);
      return h == -1 ? -2 : h;
    }
    // Instances of plain classes hash by identity; exceptions too.
    const k = kindOf(<usize>v);
    if (k == KIND_OBJECT || k == KIND_EXCEPTION) return identityHash(v);
  }
  return hashValue(v);
}

/** Identity hash: the address rotated by 4 bits, as CPython's _Py_HashPointer. */
export function identityHash(v: Value): i64 {
  const y = <u64>v;
  let h = <i64>((y >> 4) | (y << 60));
  if (h == -1) h = -2;
  return h;
}

/** a == b as 1/0, or -1 on error (identity implies equality, as in CPython's containers). */
export function objEq(a: Value, b: Value): i32 {
  if (a == b) return 1;
  const r = objCompare(a, b, CMP_EQ);
  if (r == NULL) return -1;
  if (r == TRUE) return 1;
  if (r == FALSE) return 0;
  const t = objIsTrue(r);
  decref(r);
  return t;
}

/** a < b as 1/0, -1 on error. */
export function objLess(a: Value, b: Value): i32 {
  if (isSmallInt(a & b)) return getSmallInt(a) < getSmallInt(b) ? 1 : 0;
  const r = objCompare(a, b, CMP_LT);
  if (r == NULL) return -1;
  if (r == TRUE) return 1;
  if (r == FALSE) return 0;
  const t = objIsTrue(r);
  decref(r);
  return t;
}

/** COMPARE_OP on two small ints. */
// @ts-ignore: decorator
@inline export function smallIntCompare(a: Value, b: Value, op: i32): Value {
  const x = <i64>a;
  const y = <i64>b; // the tag bit is the same on both: ordering is preserved
  switch (op) {
    case CMP_LT:
      return makeBool(x < y);
    case CMP_LE:
      return makeBool(x <= y);
    case CMP_EQ:
      return makeBool(x == y);
    case CMP_NE:
      return makeBool(x != y);
    case CMP_GT:
      return makeBool(x > y);
    default:
      return makeBool(x >= y);
  }
}

/**
 * a OP b (CMP_*) as a new reference; NULL on error. CPython's do_richcompare: the reflected
 * method of b first when b's type is a proper subclass of a's and overrides it, then a's method,
 * then b's reflected one; == and != fall back to identity; ordering raises TypeError.
 */
export function objCompare(a: Value, b: Value, op: i32): Value {
  const ta = typeOf(a);
  const tb = typeOf(b);
  if (isHeapType(ta) || isHeapType(tb)) {
    // PyObject_RichCompare's recursion charge (only Python methods can recurse).
    if (!enterC(IN_COMPARISON)) return NULL;
    const r = objCompareTypes(a, b, op, ta, tb);
    leaveC();
    return r;
  }
  return objCompareTypes(a, b, op, ta, tb);
}

function objCompareTypes(a: Value, b: Value, op: i32, ta: usize, tb: usize): Value {
  let checkedReverse = false;
  if (ta != tb && isSubtype(tb, ta) && isHeapType(tb)) {
    const rd = typeLookup(tb, unchecked(CMP_NAMES[unchecked(CMP_SWAPPED[op])]));
    if (rd != NULL && !(isObject(rd) && kindOf(<usize>rd) == KIND_METHOD_DESCR)) {
      checkedReverse = true;
      const r = callMethod1(rd, b, a);
      if (r == NULL) return NULL;
      if (r != <u64>NOT_IMPLEMENTED) return r;
      decref(r);
    }
  }
  let r = compareOne(a, b, op);
  if (r == NULL) return NULL;
  if (r != <u64>NOT_IMPLEMENTED) return r;
  if (!checkedReverse) {
    r = compareOne(b, a, unchecked(CMP_SWAPPED[op]));
    if (r == NULL) return NULL;
    if (r != <u64>NOT_IMPLEMENTED) return r;
  }
  if (op == CMP_EQ || op == CMP_NE) {
    const ns = namespaceCompare(a, b, op); // types.SimpleNamespace compares its dict
    if (ns != NULL) return ns;
  }
  if (op == CMP_EQ) return makeBool(a == b);
  if (op == CMP_NE) return makeBool(a != b);
  raiseBegin(EXC_TypeError);
  errText("'");
  errText(unchecked(CMP_SYMBOLS[op]));
  errText("' not supported between instances of '");
  errTypeName(a);
  errText("' and '");
  errTypeName(b);
  errText("'");
  return NULL;
}

/** One side of a rich comparison: a's __op__(b), or NotImplemented (not a new reference). */
function compareOne(a: Value, b: Value, op: i32): Value {
  const d = userSlot(a, unchecked(CMP_NAMES[op]));
  if (d != NULL) return callMethod1(d, a, b);
  if (op == CMP_NE) {
    // object.__ne__: the inverse of __eq__ unless that is NotImplemented.
    const e = userSlot(a, unchecked(CMP_NAMES[CMP_EQ]));
    if (e != NULL) {
      const r = callMethod1(e, a, b);
      if (r == NULL || r == <u64>NOT_IMPLEMENTED) return r;
      const t = objIsTrue(r);
      decref(r);
      if (t < 0) return NULL;
      return makeBool(t == 0);
    }
  }
  return coll.builtinCompare(a, b, op);
}

/** bool(v) as 1/0, -1 on error. */
export function objIsTrue(v: Value): i32 {
  if (v == TRUE) return 1;
  if (v == FALSE || v == NONE) return 0;
  if (isSmallInt(v)) return v != makeSmallInt(0) ? 1 : 0;
  if (isHeapInstance(v)) {
    const d = userSlot(v, N_BOOL);
    if (d != NULL) {
      const r = callMethod0(d, v);
      if (r == NULL) return -1;
      if (r != TRUE && r != FALSE) {
        raiseBegin(EXC_TypeError);
        errText("__bool__ should return bool, returned ");
        errTypeName(r);
        decref(r);
        return -1;
      }
      return r == TRUE ? 1 : 0;
    }
    const l = userSlot(v, N_LEN);
    if (l != NULL) {
      const n = objLen(v);
      return n < 0 ? -1 : n != 0 ? 1 : 0;
    }
  }
  return coll.builtinIsTrue(v);
}

// ---------------------------------------------------------------------------------------------------
// Arithmetic

/** BINARY_OP on two small ints: the common operators without overflow, else NULL (no exception). */
// @ts-ignore: decorator
@inline export function smallIntBinary(a: Value, b: Value, op: i32): Value {
  const x = getSmallInt(a);
  const y = getSmallInt(b);
  switch (op) {
    case 0: // +
    case 13: {
      const r = x + y;
      if (r >= -(<i64>1 << 62) && r < (<i64>1 << 62)) return makeSmallInt(r);
      return NULL;
    }
    case 10: // -
    case 23: {
      const r = x - y;
      if (r >= -(<i64>1 << 62) && r < (<i64>1 << 62)) return makeSmallInt(r);
      return NULL;
    }
    case 5: // *
    case 18: {
      if (x > -0x80000000 && x < 0x80000000 && y > -0x80000000 && y < 0x80000000) return makeSmallInt(x * y);
      return NULL;
    }
    case 1: // &
    case 14:
      return a & b;
    case 7: // |
    case 20:
      return a | b;
    case 12: // ^
    case 25:
      return makeSmallInt(x ^ y);
    case 6: // %
    case 19: {
      if (y <= 0) return NULL;
      let r = x % y;
      if (r < 0) r += y;
      return makeSmallInt(r);
    }
    case 2: // //
    case 15: {
      if (y <= 0) return NULL;
      let q = x / y;
      if (x % y < 0) q--;
      return makeSmallInt(q);
    }
  }
  return NULL;
}

/**
 * BINARY_OP (oparg: 0-12 binary, 13-25 in place). CPython's binary_op1 / binary_iop1: in-place
 * method first for in-place operators, then the reflected method of a proper subclass, the left
 * operand's method, the right operand's reflected method; TypeError when all say NotImplemented.
 */
export function binaryOp(a: Value, b: Value, op: i32): Value {
  const base = op >= 13 ? op - 13 : op;
  if (op >= 13) {
    // In-place: user __iop__, then the builtin in-place forms (list +=, set |=, ...).
    const d = userSlot(a, unchecked(NB_INAMES[base]));
    if (d != NULL) {
      const r = callMethod1(d, a, b);
      if (r != <u64>NOT_IMPLEMENTED) return r;
      decref(r);
    } else {
      const r = coll.builtinInplace(a, b, base);
      if (r != <u64>NOT_IMPLEMENTED) return r;
    }
  }
  const ta = typeOf(a);
  const tb = typeOf(b);
  const heapA = isHeapType(ta);
  const heapB = isHeapType(tb);
  if (!heapA && !heapB) {
    const r = num.builtinBinary(a, b, base);
    if (r != <u64>NOT_IMPLEMENTED) return r;
    return binopError(a, b, op);
  }
  let triedB = false;
  if (ta != tb && heapB && isSubtype(tb, ta)) {
    const rd = userSlot(b, unchecked(NB_RNAMES[base]));
    // Only a subclass that overrides the reflected method goes first (method_is_overloaded).
    if (rd != NULL && typeLookup(ta, unchecked(NB_RNAMES[base])) != rd) {
      triedB = true;
      const r = callMethod1(rd, b, a);
      if (r != <u64>NOT_IMPLEMENTED) return r;
      decref(r);
    }
  }
  const d = userSlot(a, unchecked(NB_NAMES[base]));
  if (d != NULL) {
    const r = callMethod1(d, a, b);
    if (r != <u64>NOT_IMPLEMENTED) return r;
    decref(r);
  } else if (!(heapB && widerNumber(b, a))) {
    // (int's slot leaves a float subclass to its reflected method: 1 + F(2.0).)
    const r = num.builtinBinary(a, b, base);
    if (r != <u64>NOT_IMPLEMENTED) return r;
  }
  if (!triedB && ta != tb) {
    const rd = userSlot(b, unchecked(NB_RNAMES[base]));
    if (rd != NULL) {
      const r = callMethod1(rd, b, a);
      if (r != <u64>NOT_IMPLEMENTED) return r;
      decref(r);
    } else if (!heapA || isHeapType(tb)) {
      // A builtin right operand (e.g. 2 * Vector → int's reflected forms are builtin only).
      const r = num.builtinBinary(a, b, base);
      if (r != <u64>NOT_IMPLEMENTED) return r;
    }
  }
  return binopError(a, b, op);
}

/** int < float < complex: whether b's builtin number type is above a's (0 for non-numbers). */
function numberRank(k: u32): i32 {
  if (k == KIND_INT || k == KIND_BOOL) return 1;
  if (k == KIND_FLOAT) return 2;
  return k == KIND_COMPLEX ? 3 : 0;
}
function widerNumber(b: Value, a: Value): bool {
  const ra = numberRank(kindOfValue(a));
  return ra != 0 && numberRank(kindOfValue(b)) > ra;
}

function binopError(a: Value, b: Value, op: i32): Value {
  if (errorType() != 0) return NULL;
  const base = op >= 13 ? op - 13 : op;
  if (base == 7) {
    // type.__or__ / __ror__, the last methods tried: int | str is a types.UnionType.
    const u = unionOr(a, b);
    if (u != <u64>NOT_IMPLEMENTED) return u;
  }
  if (base == 5) {
    // seq * n where n has __index__ (CPython's sequence_repeat).
    const r = repeatViaIndex(a, b, op);
    if (r != NULL || errorType() != 0) return r;
  }
  raiseBegin(EXC_TypeError);
  // Sequences have their own messages (CPython's sq_concat / sq_repeat errors).
  const ka = kindOfValue(a);
  if (base == 0 && (ka == KIND_STR || ka == KIND_LIST || ka == KIND_TUPLE) && !isHeapInstance(a)) {
    errText("can only concatenate ");
    errTypeName(a);
    errText(" (not \"");
    errTypeName(b);
    errText("\") to ");
    errTypeName(a);
    return NULL;
  }
  if (base == 0 && (ka == KIND_BYTES || ka == KIND_BYTEARRAY) && !isHeapInstance(a)) {
    errText("can't concat ");
    errTypeName(b);
    errText(" to ");
    errTypeName(a);
    return NULL;
  }
  if (base == 5) {
    const kb = kindOfValue(b);
    const seqA = ka == KIND_STR || ka == KIND_LIST || ka == KIND_TUPLE || ka == KIND_BYTES || ka == KIND_BYTEARRAY;
    const seqB = kb == KIND_STR || kb == KIND_LIST || kb == KIND_TUPLE || kb == KIND_BYTES || kb == KIND_BYTEARRAY;
    if (seqA || seqB) {
      errText("can't multiply sequence by non-int of type '");
      errTypeName(seqA ? b : a);
      errText("'");
      return NULL;
    }
  }
  if (base == 8 && op < 13) {
    errText("unsupported operand type(s) for ** or pow(): '");
  } else {
    errText("unsupported operand type(s) for ");
    errText(unchecked(NB_SYMBOLS[base]));
    if (op >= 13) errText("=");
    errText(": '");
  }
  errTypeName(a);
  errText("' and '");
  errTypeName(b);
  errText("'");
  return NULL;
}

/** UNARY_NEGATIVE / UNARY_POSITIVE / UNARY_INVERT. */
export function unaryOp(a: Value, op: i32): Value {
  const name = op == OP_UNARY_NEGATIVE ? N_NEG : op == OP_UNARY_POSITIVE ? N_POS : N_INVERT;
  const d = userSlot(a, name);
  if (d != NULL) return callMethod0(d, a);
  const r = num.builtinUnary(a, op);
  if (r != <u64>NOT_IMPLEMENTED) return r;
  if (errorType() != 0) return NULL;
  raiseBegin(EXC_TypeError);
  errText("bad operand type for unary ");
  errText(op == OP_UNARY_NEGATIVE ? "-" : op == OP_UNARY_POSITIVE ? "+" : "~");
  errText(": '");
  errTypeName(a);
  errText("'");
  return NULL;
}

// ---------------------------------------------------------------------------------------------------
// Containers

import { lenFromResult, repeatViaIndex } from "./index-protocol";
/** len(v); -1 on error. */
export function objLen(v: Value): i64 {
  const d = userSlot(v, N_LEN);
  if (d != NULL) {
    const r = callMethod0(d, v);
    if (r == NULL) return -1;
    if (isSmallInt(r) && getSmallInt(r) >= 0) return getSmallInt(r);
    const n = lenFromResult(r); // bools, big ints, __index__, errors
    decref(r);
    return n;
  }
  return coll.builtinLen(v);
}

/** v[key]; new reference or NULL. */
export function objGetItem(v: Value, key: Value): Value {
  const d = userSlot(v, N_GETITEM);
  if (d != NULL) return callMethod1(d, v, key);
  return coll.builtinGetItem(v, key);
}

/** v[key] = value, or del v[key] when value is NULL; 0 or -1. */
export function objSetItem(v: Value, key: Value, value: Value): i32 {
  const d = userSlot(v, value == NULL ? N_DELITEM : N_SETITEM);
  if (d != NULL) {
    const r = value == NULL ? callMethod1(d, v, key) : callMethod2(d, v, key, value);
    if (r == NULL) return -1;
    decref(r);
    return 0;
  }
  return coll.builtinSetItem(v, key, value);
}

/** `item in container`: 1/0, -1 on error. */
export function objContains(container: Value, item: Value): i32 {
  const d = userSlot(container, N_CONTAINS);
  if (d != NULL) {
    const r = callMethod1(d, container, item);
    if (r == NULL) return -1;
    const t = objIsTrue(r);
    decref(r);
    return t;
  }
  return coll.builtinContains(container, item);
}

/** iter(v); new reference or NULL on error. */
export function objGetIter(v: Value): Value {
  const d = userSlot(v, N_ITER);
  if (d == NONE) {
    raiseBegin(EXC_TypeError);
    errText("'");
    errTypeName(v);
    errText("' object is not iterable");
    return NULL;
  }
  if (d != NULL) {
    const it = callMethod0(d, v);
    if (it == NULL) return NULL;
    if (!isIterator(it)) {
      raiseBegin(EXC_TypeError);
      errText("iter() returned non-iterator of type '");
      errTypeName(it);
      errText("'");
      decref(it);
      return NULL;
    }
    return it;
  }
  return coll.builtinGetIter(v);
}

/** callable(v). */
export function isCallable(v: Value): bool {
  if (isObject(v)) {
    const k = kindOf(<usize>v);
    if (k == KIND_TYPE || k == KIND_FUNCTION || k == KIND_METHOD || k == KIND_BUILTIN || k == KIND_METHOD_DESCR || k == KIND_STATICMETHOD || k == KIND_GENERIC_ALIAS) return true;
  }
  return userSlot(v, N_CALL) != NULL;
}

/** Whether v has __next__. */
export function isIterator(v: Value): bool {
  if (userSlot(v, N_NEXT) != NULL) return true;
  return coll.isBuiltinIterator(v);
}

/** next(it): new reference; NULL with no exception set when exhausted; NULL with one on error. */
export function objIterNext(it: Value): Value {
  const d = userSlot(it, N_NEXT);
  if (d != NULL) {
    const r = callMethod0(d, it);
    if (r == NULL && pendingIsStopIteration()) clearError();
    return r;
  }
  return coll.builtinIterNext(it);
}

/** Whether the pending exception is a StopIteration (by id or object). */
export function pendingIsStopIteration(): bool {
  const t = errorType();
  if (t == EXC_StopIteration) return true;
  if (t == ERR_OBJECT) return isSubtype(typeOf(errorObject()), excType(EXC_StopIteration));
  return false;
}

export function clearError(): void {
  errorClear();
}

export function isGenerator(v: Value): bool {
  return isObject(v) && kindOf(<usize>v) == KIND_GENERATOR;
}

/** Set by sendValue: the receiver returned (the value is its return value) instead of yielding. */
export let sendReturned: bool = false;

/** SEND: receiver.send(value) (or next() when value is None and receiver is not a generator). */
export function sendValue(receiver: Value, value: Value): Value {
  if (isGenerator(receiver) || (isObject(receiver) && kindOf(<usize>receiver) == KIND_COROUTINE)) {
    const r = genSend(<usize>receiver, value);
    sendReturned = sendReturnedFlag();
    return r;
  }
  if (isObject(receiver) && (kindOf(<usize>receiver) == KIND_ASYNC_GEN_ASEND || kindOf(<usize>receiver) == KIND_ASYNC_GEN_ATHROW)) {
    const r = agAwaitableSend(<usize>receiver, value); // async-gen.ts
    sendReturned = agStepDone;
    return r;
  }
  sendReturned = false;
  let r: Value;
  if (value == NONE) {
    r = objIterNext(receiver);
    if (r == NULL && errorType() == 0) {
      sendReturned = true;
      incref(NONE);
      return NONE;
    }
  } else {
    r = attr.callMethodByName(receiver, "send", value);
  }
  if (r == NULL && pendingIsStopIteration()) {
    const v = stopIterationValue();
    sendReturned = true;
    return v;
  }
  return r;
}

/** The value of the pending StopIteration (new reference), clearing it. */
export function stopIterationValue(): Value {
  if (errorType() == ERR_OBJECT) {
    const e = errorObject();
    const v = load<u64>(<usize>e + 40);
    incref(v);
    errorClear();
    return v;
  }
  errorClear();
  return NONE;
}

// Re-exports for the eval loop: the container helpers live in collections.ts, attributes in
// attributes.ts; eval.ts reaches everything through `ops`.
export {
  listFromArray,
  setFromArray,
  dictSet,
  strJoinArray,
  listAppendSteal,
  setAdd,
  listExtend,
  fixExtendError,
  setUpdate,
  dictUpdate,
  listToTuple,
  unpackSequence,
  unpackEx,
  mappingGet,
  mappingSet,
  mappingDel,
  sliceNew,
  isMapping,
  isSequence,
  matchKeys,
  matchClass,
} from "./collections";
export { objGetAttr, objSetAttr, loadMethod, methodOut, selfOut, beforeWith, callExit } from "./attributes";
export { makeException, exceptionMatches } from "./excops";

// ---------------------------------------------------------------------------------------------------
// Calls

/** callable(*args, **kw) in the native.ts convention; new reference or NULL on error. */
export function objCall(callable: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (isObject(callable)) {
    const p = <usize>callable;
    switch (kindOf(p)) {
      case KIND_FUNCTION:
        return callFunction(p, args, nargs, kwnames);
      case KIND_BUILTIN:
        return builtinFn(p)(builtinSelf(p), args, nargs, kwnames);
      case KIND_METHOD: {
        const nkw = kwnames == 0 ? 0 : <i32>tupleSize(kwnames);
        const total = nargs + nkw;
        const buf = argBuf(total + 1);
        if (buf == 0) return NULL;
        store<u64>(buf, load<u64>(p + 16));
        memory.copy(buf + 8, args, <usize>total << 3);
        const r = objCall(load<u64>(p + 8), buf, nargs + 1, kwnames);
        argBufFree(buf, total + 1);
        return r;
      }
      case KIND_TYPE: {
        if (!isHeapType(p)) return typeCall(p, args, nargs, kwnames);
        // A class has no vectorcall in CPython: tp_call counts against the recursion limit.
        if (!enterC(WHILE_CALLING)) return NULL;
        const r = typeCall(p, args, nargs, kwnames);
        leaveC();
        return r;
      }
      case KIND_METHOD_DESCR: {
        // str.upper("x"): the first argument is self.
        if (nargs < 1) {
          raiseBegin(EXC_TypeError);
          errText("unbound method ");
          errStrObject(<usize>load<u32>(p + 12));
          errText("() needs an argument");
          return NULL;
        }
        const owner = <usize>load<u32>(p + 16);
        const self = load<u64>(args);
        if (load<i32>(p + 20) == 0 && !isSubtype(typeOf(self), owner)) {
          raiseBegin(EXC_TypeError);
          errText("descriptor '");
          errStrObject(<usize>load<u32>(p + 12));
          errText("' for '");
          errStrObject(typeName(owner));
          errText("' objects doesn't apply to a '");
          errTypeName(self);
          errText("' object");
          return NULL;
        }
        return builtinFn(p)(self, args + 8, nargs - 1, kwnames);
      }
      case KIND_STATICMETHOD:
        return objCall(load<u64>(p + 8), args, nargs, kwnames);
      case KIND_GENERIC_ALIAS:
        return genericAliasCall(p, args, nargs, kwnames);
    }
  }
  const d = userSlot(callable, N_CALL);
  if (d != NULL) {
    const nkw = kwnames == 0 ? 0 : <i32>tupleSize(kwnames);
    const total = nargs + nkw;
    const buf = argBuf(total + 1);
    if (buf == 0) return NULL;
    store<u64>(buf, callable);
    memory.copy(buf + 8, args, <usize>total << 3);
    let r: Value = NULL;
    if (enterC(WHILE_CALLING)) {
      if (isObject(d) && kindOf(<usize>d) == KIND_FUNCTION) {
        r = callFunction(<usize>d, buf, nargs + 1, kwnames);
      } else {
        r = objCall(d, buf, nargs + 1, kwnames);
      }
      leaveC();
    }
    argBufFree(buf, total + 1);
    return r;
  }
  raiseBegin(EXC_TypeError);
  errText("'");
  errTypeName(callable);
  errText("' object is not callable");
  return NULL;
}

/** CALL_FUNCTION_EX: func(*callargs, **kwargs) (kwargs NULL or a dict). */
export function callWithTupleAndDict(func: Value, callargs: Value, kwargs: Value): Value {
  return coll.callWithTupleAndDict(func, callargs, kwargs);
}

/** Calls `f(a)` with one positional argument. */
export function call1(f: Value, a: Value): Value {
  const buf = argBuf(1);
  if (buf == 0) return NULL;
  store<u64>(buf, a);
  const r = objCall(f, buf, 1, 0);
  argBufFree(buf, 1);
  return r;
}

/** Calls `f()`. */
export function call0(f: Value): Value {
  return objCall(f, 0, 0, 0);
}

export { NONE, genIterNext };
import { KIND_COROUTINE } from "./types";
import { KIND_ASYNC_GEN_ASEND, KIND_ASYNC_GEN_ATHROW } from "./types";
import { agAwaitableSend, agStepDone } from "./async-gen";
import { namespaceCompare } from "./mod-types";
import { enterC, leaveC, WHILE_CALLING, WHILE_REPR, WHILE_STR, IN_COMPARISON } from "./recursion";
import { genericAliasCall, unionOr } from "./generic-alias";
import { KIND_GENERIC_ALIAS } from "./types";
import { sbNew, sbAppendStr, sbFinish } from "./str-ops";
/** A plain str with the text of s (an instance of a str subclass). */
function strExact(s: usize): usize {
  const sb = sbNew(<usize>load<u32>(s + 8));
  if (sb == 0) return 0;
  sbAppendStr(sb, s);
  return sbFinish(sb);
}
