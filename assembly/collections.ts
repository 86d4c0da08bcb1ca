/**
 * The builtin containers behind the generic protocol (ops.ts): comparison, truth, len, items,
 * `in`, iteration for builtin kinds, and the container-building helpers the eval loop uses
 * (BUILD_*, LIST_EXTEND, DICT_MERGE, UNPACK_*, MATCH_*). Each dispatches on kind to the type's
 * own module (list.ts, tuple-methods.ts, str-ops.ts, set.ts, dict, range.ts, ...).
 */
import { Value, NULL, NONE, TRUE, FALSE, isSmallInt, getSmallInt, makeSmallInt, isObject, makeBool } from "./values";
import { codeRichCompare } from "./code-eq";
import { dictUpdateArg } from "./dict";
import { sliceRichCompare } from "./slice";
import { rangeNonEmpty } from "./range-long";
import {
  kindOf,
  kindOfValue,
  typeOf,
  typeObject,
  typeName,
  raiseMsg,
  raiseBegin,
  raiseWithValue,
  errText,
  errInt,
  errStrObject,
  errTypeName,
  errorType,
  KIND_INT,
  KIND_BOOL,
  KIND_FLOAT,
  KIND_COMPLEX,
  KIND_STR,
  KIND_BYTES,
  KIND_TUPLE,
  KIND_LIST,
  KIND_DICT,
  KIND_SET,
  KIND_FROZENSET,
  KIND_RANGE,
  KIND_CODE,
  KIND_SLICE,
  KIND_GENERATOR,
  KIND_LIST_ITER,
  KIND_LIST_REVITER,
  KIND_TUPLE_ITER,
  KIND_RANGE_ITER,
  KIND_SET_ITER,
  KIND_STR_ITER,
  KIND_DICT_KEYITER,
  KIND_DICT_VALUEITER,
  KIND_DICT_ITEMITER,
  KIND_DICT_KEYS,
  KIND_DICT_VALUES,
  KIND_DICT_ITEMS,
  KIND_ENUMERATE,
  KIND_ZIP,
  KIND_MAP,
  KIND_FILTER,
  KIND_REVERSED,
  KIND_CALLABLE_ITER,
  KIND_SEQ_ITER,
  KIND_BYTES_ITER,
  KIND_TYPE,
  EXC_TypeError,
  EXC_ValueError,
  EXC_KeyError,
  EXC_IndexError,
} from "./types";
import { incref, decref } from "./refcount";
import { tupleAlloc, tupleSetItem, tupleSize, tupleItem, EMPTY_TUPLE, vecSize, vecItems } from "./tuple";
import { strEqual, strLength, strEqualLiteral } from "./str";
import { floatValue, complexReal, complexImag } from "./float";
import { NOT_IMPLEMENTED } from "./singletons";
import * as I from "./int-ops";
import { isIntLike, asInt, toF64 } from "./number";
import { strCompare, strContains, strGetItem } from "./str-ops";
import { strSubscript, strIterNew, strIterNext } from "./str-iter";
import {
  listNew,
  listAppendSteal as listAppendStealImpl,
  listExtend as listExtendImpl,
  listSubscript,
  listAssignSubscript,
  listContains,
  listCompare,
  listIterNew,
  listIterNext,
  listRevIterNext,
  listFromIterable,
  seqIterNext,
  seqGetIter,
} from "./list";
import { listRepeat, listClear as listClearImpl } from "./list";
import { tupleSubscript, tupleContains, tupleCompare, tupleIterNew, tupleIterNext, tupleFromIterable } from "./tuple-methods";
import { rangeSubscript, rangeContains, rangeEq, rangeLen, rangeIterNew, rangeIterNext } from "./range";
import { sliceNew as sliceNewImpl } from "./slice";
import {
  setNew,
  setAdd as setAddImpl,
  setContains,
  setUpdate as setUpdateImpl,
  setRichCompare,
  setIterNew,
  setIterNext,
} from "./set";
import * as D from "./dict";
import { objEq, objGetIter, objIterNext, objCall, objHash, objGetAttr, objLen, objGetItem, userSlot, objIsTrue } from "./ops";
import { bytesCompare, bytesSubscript, bytesContains, bytesIterNew, bytesIterNext } from "./bytes-ops";
import { bytearrayCompare, bytearraySubscript, bytearrayAssSubscript, bytearrayInplace } from "./bytearray";
import { KIND_BYTEARRAY } from "./types";
import { KIND_MAPPINGPROXY } from "./types";
import { mappingProxyTarget } from "./mappingproxy";
import { objContains, objCompare } from "./ops";
import { genIterNext } from "./generator";
import { KIND_CORO_WRAPPER } from "./types";
import { KIND_ASYNC_GEN_ASEND, KIND_ASYNC_GEN_ATHROW, KIND_ANEXT_AWAITABLE } from "./types";
import { agAwaitableNext } from "./async-gen";
import { builtinIterNext as iterToolsNext } from "./itertools";
import { N_KEYS, N_MATCH_ARGS, N_GETITEM } from "./names";
import { isSubtype, typeLookup } from "./typeobj";
import { dictViewRichCompare } from "./dict";
import { dictViewNew, dictIterNew as dictIterNewP, dictIterNext as dictIterNextP, dictViewContains, dictViewLen, dictEqual, dictCopy } from "./dict";

/** Scratch slots for dictNext (position u32, key, value); no Python code runs between uses. */
const ITER_POS: usize = memory.data(8, 8);
const ITER_KEY: usize = memory.data(8, 8);
const ITER_VALUE: usize = memory.data(8, 8);

// ---------------------------------------------------------------------------------------------------
// Comparison and truth

/** a OP b for builtin kinds; NOT_IMPLEMENTED when a's type has no answer for b. */
export function builtinCompare(a: Value, b: Value, op: i32): Value {
  if (isIntLike(a)) {
    if (isIntLike(b)) return cmpResult(I.intCompare(asInt(a), asInt(b)), op);
    if (isObject(b) && kindOf(<usize>b) == KIND_FLOAT) return floatCmp(I.intCompareF64(asInt(a), floatValue(<usize>b)), op);
    if (isObject(b) && kindOf(<usize>b) == KIND_COMPLEX) return complexEq(a, b, op);
    return <u64>NOT_IMPLEMENTED;
  }
  const ka = kindOfValue(a);
  const kb = kindOfValue(b);
  // Bound methods are equal when bound to the same object with the same function.
  if (ka == KIND_METHOD && kb == KIND_METHOD && (op == 2 || op == 3)) {
    const same = load<u64>(<usize>a + 16) == load<u64>(<usize>b + 16) && load<u64>(<usize>a + 8) == load<u64>(<usize>b + 8);
    return makeBool(op == 2 ? same : !same);
  }
  switch (ka) {
    case KIND_FLOAT: {
      const x = floatValue(<usize>a);
      if (kb == KIND_FLOAT) {
        const y = floatValue(<usize>b);
        return floatCmp(x < y ? -1 : x > y ? 1 : x == y ? 0 : 2, op);
      }
      if (isIntLike(b)) {
        const c = I.intCompareF64(asInt(b), x);
        return floatCmp(c == 2 ? 2 : -c, op);
      }
      if (kb == KIND_COMPLEX) return complexEq(a, b, op);
      return <u64>NOT_IMPLEMENTED;
    }
    case KIND_COMPLEX:
      return complexEq(a, b, op);
    case KIND_STR: {
      if (kb != KIND_STR) return <u64>NOT_IMPLEMENTED;
      if (op == 2) return makeBool(a == b || strEqual(<usize>a, <usize>b));
      if (op == 3) return makeBool(!(a == b || strEqual(<usize>a, <usize>b)));
      return cmpResult(strCompare(<usize>a, <usize>b), op);
    }
    case KIND_BYTES: {
      if (kb != KIND_BYTES) return <u64>NOT_IMPLEMENTED;
      return cmpResult(bytesCompare(<usize>a, <usize>b), op);
    }
    case KIND_BYTEARRAY:
      return bytearrayCompare(a, b, op);
    case KIND_TUPLE:
      if (kb != KIND_TUPLE) return <u64>NOT_IMPLEMENTED;
      return tupleCompare(<usize>a, <usize>b, op);
    case KIND_LIST:
      if (kb != KIND_LIST) return <u64>NOT_IMPLEMENTED;
      return listCompare(<usize>a, <usize>b, op);
    case KIND_SET:
    case KIND_FROZENSET: {
      if (kb != KIND_SET && kb != KIND_FROZENSET) return <u64>NOT_IMPLEMENTED;
      const r = setRichCompare(<usize>a, <usize>b, op);
      return r < 0 ? NULL : makeBool(r != 0);
    }
    case KIND_DICT_KEYS:
    case KIND_DICT_ITEMS: {
      const r = dictViewRichCompare(<usize>a, b, op);
      if (r == -2) return <u64>NOT_IMPLEMENTED;
      return r < 0 ? NULL : makeBool(r != 0);
    }
    case KIND_DICT: {
      if (kb != KIND_DICT || (op != 2 && op != 3)) return <u64>NOT_IMPLEMENTED;
      const r = dictEqual(<usize>a, <usize>b);
      if (r < 0) return NULL;
      return makeBool((r != 0) == (op == 2));
    }
    case KIND_CODE:
      return codeRichCompare(a, b, op);
    case KIND_MAPPINGPROXY:
      return objCompare(mappingProxyTarget(<usize>a), b, op); // the mapping's comparison
    case KIND_SLICE:
      return kb == KIND_SLICE ? sliceRichCompare(<usize>a, <usize>b, op) : <u64>NOT_IMPLEMENTED;
    case KIND_RANGE: {
      if (kb != KIND_RANGE || (op != 2 && op != 3)) return <u64>NOT_IMPLEMENTED;
      const r = rangeEq(<usize>a, <usize>b);
      if (r < 0) return NULL;
      return makeBool((r != 0) == (op == 2));
    }
  }
  return <u64>NOT_IMPLEMENTED;
}

function cmpResult(c: i32, op: i32): Value {
  switch (op) {
    case 0:
      return makeBool(c < 0);
    case 1:
      return makeBool(c <= 0);
    case 2:
      return makeBool(c == 0);
    case 3:
      return makeBool(c != 0);
    case 4:
      return makeBool(c > 0);
    default:
      return makeBool(c >= 0);
  }
}

/** c: -1/0/1, or 2 for unordered (NaN). */
function floatCmp(c: i32, op: i32): Value {
  if (c == 2) return makeBool(op == 3);
  return cmpResult(c, op);
}

function complexEq(a: Value, b: Value, op: i32): Value {
  if (op != 2 && op != 3) return <u64>NOT_IMPLEMENTED;
  let ar: f64, ai: f64, br: f64, bi: f64;
  if (kindOfValue(a) == KIND_COMPLEX) {
    ar = complexReal(<usize>a);
    ai = complexImag(<usize>a);
  } else {
    ar = toF64(a);
    ai = 0;
  }
  const kb = kindOfValue(b);
  if (kb == KIND_COMPLEX) {
    br = complexReal(<usize>b);
    bi = complexImag(<usize>b);
  } else if (kb == KIND_FLOAT || isIntLike(b)) {
    br = toF64(b);
    bi = 0;
  } else {
    return <u64>NOT_IMPLEMENTED;
  }
  const eq = ar == br && ai == bi;
  return makeBool(eq == (op == 2));
}

import { bigNDigits } from "./int";
export function builtinIsTrue(v: Value): i32 {
  if (!isObject(v)) return 1; // ints and immediates were handled by the caller
  const p = <usize>v;
  switch (kindOf(p)) {
    case KIND_INT:
      return bigNDigits(p) != 0 ? 1 : 0; // only an int subclass instance can be a zero here
    case KIND_FLOAT:
      return floatValue(p) != 0 ? 1 : 0;
    case KIND_COMPLEX:
      return complexReal(p) != 0 || complexImag(p) != 0 ? 1 : 0;
    case KIND_STR:
      return strLength(p) != 0 ? 1 : 0;
    case KIND_BYTES:
      return load<u32>(p + 8) != 0 ? 1 : 0;
    case KIND_TUPLE:
      return tupleSize(p) != 0 ? 1 : 0;
    case KIND_LIST:
      return vecSize(p) != 0 ? 1 : 0;
    case KIND_RANGE:
      return rangeNonEmpty(p) ? 1 : 0; // len() may overflow where truth cannot
  }
  const n = builtinLenOrMinus(v);
  if (n >= 0) return n != 0 ? 1 : 0;
  return 1;
}

// ---------------------------------------------------------------------------------------------------
// len, items, `in`

/** len() for builtin kinds without raising: -1 when the kind has no length. */
function builtinLenOrMinus(v: Value): i64 {
  if (!isObject(v)) return -1;
  const p = <usize>v;
  switch (kindOf(p)) {
    case KIND_STR:
      return <i64>strLength(p);
    case KIND_BYTES:
      return <i64>load<u32>(p + 8);
    case KIND_BYTEARRAY:
      return <i64>load<u32>(p + 8);
    case KIND_TUPLE:
      return <i64>tupleSize(p);
    case KIND_LIST:
      return <i64>vecSize(p);
    case KIND_DICT:
      return <i64>load<u32>(p + 8);
    case KIND_SET:
    case KIND_FROZENSET:
      return <i64>load<u32>(p + 12);
    case KIND_RANGE:
      return rangeLen(p);
    case KIND_DICT_KEYS:
    case KIND_DICT_VALUES:
    case KIND_DICT_ITEMS:
      return <i64>dictViewLen(p);
    case KIND_MAPPINGPROXY:
      return objLen(mappingProxyTarget(p));
  }
  return -1;
}

export function builtinLen(v: Value): i64 {
  const n = builtinLenOrMinus(v);
  if (n >= 0 || errorType() != 0) return n;
  raiseBegin(EXC_TypeError);
  errText("object of type '");
  errTypeName(v);
  errText("' has no len()");
  return -1;
}

export function builtinGetItem(v: Value, key: Value): Value {
  if (isObject(v)) {
    const p = <usize>v;
    switch (kindOf(p)) {
      case KIND_LIST:
        return listSubscript(p, key);
      case KIND_TUPLE:
        return tupleSubscript(p, key);
      case KIND_STR:
        return strSubscript(p, key);
      case KIND_DICT:
        return dictSubscript(p, key);
      case KIND_RANGE:
        return rangeSubscript(p, key);
      case KIND_BYTES:
        return bytesSubscript(p, key);
      case KIND_BYTEARRAY:
        return bytearraySubscript(p, key);
      case KIND_TYPE: {
        // list[int] and friends: __class_getitem__ (generic-alias.ts).
        return typeSubscript(p, key);
      }
      case KIND_MAPPINGPROXY:
        return objGetItem(mappingProxyTarget(p), key);
    }
  }
  raiseBegin(EXC_TypeError);
  errText("'");
  errTypeName(v);
  errText("' object is not subscriptable");
  return NULL;
}

import { N_MISSING } from "./names";
/** d[key] with __missing__ for dict subclasses and KeyError(key). */
function dictSubscript(d: usize, key: Value): Value {
  const h = objHash(key);
  if (h == -1 && errorType() != 0) return NULL;
  const v = D.dictGetItem(d, key);
  if (v != NULL) {
    incref(v);
    return v;
  }
  if (errorType() != 0) return NULL;
  const missing = userSlot(<u64>d, N_MISSING);
  if (missing != NULL) {
    const ops = changetype<usize>(0);
    return callMissing(missing, <u64>d, key);
  }
  raiseWithValue(EXC_KeyError, key);
  return NULL;
}

import { callMethod1 } from "./ops";
function callMissing(m: Value, d: Value, key: Value): Value {
  return callMethod1(m, d, key);
}

export function builtinSetItem(v: Value, key: Value, value: Value): i32 {
  if (isObject(v)) {
    const p = <usize>v;
    switch (kindOf(p)) {
      case KIND_LIST:
        return listAssignSubscript(p, key, value);
      case KIND_BYTEARRAY:
        return bytearrayAssSubscript(p, key, value);
      case KIND_DICT: {
        const h = objHash(key);
        if (h == -1 && errorType() != 0) return -1;
        if (value == NULL) return D.dictDelItem(p, key);
        return D.dictSetItem(p, key, value);
      }
    }
  }
  raiseBegin(EXC_TypeError);
  errText("'");
  errTypeName(v);
  // CPython says "doesn't" only on its sequence path (an index key); other keys get "does not".
  const idx = isSmallInt(key) || key == TRUE || key == FALSE || kindOfValue(key) == KIND_INT;
  errText(value != NULL ? "' object does not support item assignment" : idx ? "' object doesn't support item deletion" : "' object does not support item deletion");
  return -1;
}

export function builtinContains(container: Value, item: Value): i32 {
  if (isObject(container)) {
    const p = <usize>container;
    switch (kindOf(p)) {
      case KIND_MAPPINGPROXY:
        return objContains(mappingProxyTarget(p), item);
      case KIND_LIST:
        return listContains(p, item);
      case KIND_TUPLE:
        return tupleContains(p, item);
      case KIND_STR: {
        if (!isObject(item) || kindOf(<usize>item) != KIND_STR) {
          raiseBegin(EXC_TypeError);
          errText("'in <string>' requires string as left operand, not ");
          errTypeName(item);
          return -1;
        }
        return strContains(p, <usize>item);
      }
      case KIND_DICT: {
        const h = objHash(item);
        if (h == -1 && errorType() != 0) return -1;
        const v = D.dictGetItem(p, item);
        if (v == NULL && errorType() != 0) return -1;
        return v != NULL ? 1 : 0;
      }
      case KIND_SET:
      case KIND_FROZENSET:
        return setContains(p, item);
      case KIND_RANGE:
        return rangeContains(p, item);
      case KIND_BYTES:
        return bytesContains(p, item);
      case KIND_BYTEARRAY:
        return bytesContains(p, item);
      case KIND_DICT_KEYS:
      case KIND_DICT_ITEMS:
      case KIND_DICT_VALUES:
        return dictViewContains(p, item);
    }
  }
  // Fall back to iteration (CPython's _PySequence_IterSearch).
  const it = objGetIter(container);
  if (it == NULL) {
    if (errorType() == EXC_TypeError) {
      raiseBegin(EXC_TypeError);
      errText("argument of type '");
      errTypeName(container);
      errText("' is not iterable");
    }
    return -1;
  }
  while (true) {
    const x = objIterNext(it);
    if (x == NULL) {
      decref(it);
      return errorType() != 0 ? -1 : 0;
    }
    const eq = objEq(x, item);
    decref(x);
    if (eq != 0) {
      decref(it);
      return eq;
    }
  }
  return 0;
}

// ---------------------------------------------------------------------------------------------------
// Iteration

export function builtinGetIter(v: Value): Value {
  if (isObject(v)) {
    const p = <usize>v;
    switch (kindOf(p)) {
      case KIND_MAPPINGPROXY:
        return objGetIter(mappingProxyTarget(p));
      case KIND_LIST:
        return listIterNew(p);
      case KIND_TUPLE:
        return tupleIterNew(p);
      case KIND_STR:
        return strIterNew(p);
      case KIND_RANGE:
        return rangeIterNew(p);
      case KIND_DICT:
        return <u64>dictIterNewP(p, KIND_DICT_KEYITER);
      case KIND_DICT_KEYS:
        return <u64>dictIterNewP(<usize>load<u32>(p + 8), KIND_DICT_KEYITER);
      case KIND_DICT_VALUES:
        return <u64>dictIterNewP(<usize>load<u32>(p + 8), KIND_DICT_VALUEITER);
      case KIND_DICT_ITEMS:
        return <u64>dictIterNewP(<usize>load<u32>(p + 8), KIND_DICT_ITEMITER);
      case KIND_SET:
      case KIND_FROZENSET:
        return <u64>setIterNew(p);
      case KIND_BYTES:
        return bytesIterNew(p);
      case KIND_BYTEARRAY:
        return bytesIterNew(p);
    }
    if (isBuiltinIterator(v)) {
      incref(v);
      return v;
    }
    // Old-style sequence iteration through __getitem__.
    if (userSlot(v, N_GETITEM) != NULL) return seqGetIter(v);
  }
  raiseBegin(EXC_TypeError);
  errText("'");
  errTypeName(v);
  errText("' object is not iterable");
  return NULL;
}

export function isBuiltinIterator(v: Value): bool {
  if (!isObject(v)) return false;
  switch (kindOf(<usize>v)) {
    case KIND_LIST_ITER:
    case KIND_LIST_REVITER:
    case KIND_TUPLE_ITER:
    case KIND_RANGE_ITER:
    case KIND_SET_ITER:
    case KIND_STR_ITER:
    case KIND_DICT_KEYITER:
    case KIND_DICT_VALUEITER:
    case KIND_DICT_ITEMITER:
    case KIND_GENERATOR:
    case KIND_ENUMERATE:
    case KIND_ZIP:
    case KIND_MAP:
    case KIND_FILTER:
    case KIND_REVERSED:
    case KIND_CALLABLE_ITER:
    case KIND_SEQ_ITER:
    case KIND_BYTES_ITER:
    case KIND_CORO_WRAPPER:
    case KIND_ASYNC_GEN_ASEND:
    case KIND_ASYNC_GEN_ATHROW:
    case KIND_ANEXT_AWAITABLE:
      return true;
  }
  return false;
}

export function builtinIterNext(it: Value): Value {
  if (isObject(it)) {
    const p = <usize>it;
    switch (kindOf(p)) {
      case KIND_LIST_ITER:
        return listIterNext(p);
      case KIND_LIST_REVITER:
        return listRevIterNext(p);
      case KIND_TUPLE_ITER:
        return tupleIterNext(p);
      case KIND_RANGE_ITER:
        return rangeIterNext(p);
      case KIND_SET_ITER:
        return setIterNext(p);
      case KIND_STR_ITER:
        return strIterNext(p);
      case KIND_DICT_KEYITER:
      case KIND_DICT_VALUEITER:
      case KIND_DICT_ITEMITER:
        return dictIterNextP(p);
      case KIND_GENERATOR:
        return genIterNext(p);
      case KIND_CORO_WRAPPER:
        return genIterNext(<usize>load<u32>(p + 8)); // coroutine.__await__()'s iterator
      case KIND_ASYNC_GEN_ASEND:
      case KIND_ASYNC_GEN_ATHROW:
      case KIND_ANEXT_AWAITABLE:
        return agAwaitableNext(p); // async-gen.ts
      case KIND_SEQ_ITER:
        return seqIterNext(it);
      case KIND_BYTES_ITER:
        return bytesIterNext(p);
      case KIND_ENUMERATE:
      case KIND_ZIP:
      case KIND_MAP:
      case KIND_FILTER:
      case KIND_REVERSED:
      case KIND_CALLABLE_ITER:
        return iterToolsNext(p);
    }
  }
  raiseBegin(EXC_TypeError);
  errText("'");
  errTypeName(it);
  errText("' object is not an iterator");
  return NULL;
}

// ---------------------------------------------------------------------------------------------------
// In-place operators of builtin containers

/** list += iterable, set |= set, ...: a new reference, or NOT_IMPLEMENTED. */
export function builtinInplace(a: Value, b: Value, base: i32): Value {
  if (!isObject(a)) return <u64>NOT_IMPLEMENTED;
  const p = <usize>a;
  const k = kindOf(p);
  if (k == KIND_BYTEARRAY) return bytearrayInplace(a, b, base);
  if (k == KIND_LIST && typeOf(a) == typeObject(KIND_LIST)) {
    if (base == 0) {
      if (listExtendImpl(p, b) < 0) return NULL;
      incref(a);
      return a;
    }
    if (base == 5 && isIntLike(b)) {
      // list *= n: repeat in place (the list object stays the same).
      const r = listRepeat(p, isSmallInt(asInt(b)) ? getSmallInt(asInt(b)) : I.intSign(asInt(b)) < 0 ? 0 : 0x7fffffff);
      if (r == NULL) return NULL;
      listClearImpl(p);
      const ok = listExtendImpl(p, r) >= 0;
      decref(r);
      if (!ok) return NULL;
      incref(a);
      return a;
    }
    return <u64>NOT_IMPLEMENTED;
  }
  if (k == KIND_SET && isObject(b)) {
    const kb = kindOf(<usize>b);
    if (kb != KIND_SET && kb != KIND_FROZENSET) return <u64>NOT_IMPLEMENTED;
    let r: i32 = 0;
    if (base == 7) r = setUpdateImpl(p, b);
    else if (base == 1) r = setIntersectionUpdate(p, ARGS1(b), 1);
    else if (base == 10) r = setDifferenceUpdate(p, b);
    else if (base == 12) r = setSymmetricDifferenceUpdate(p, b);
    else return <u64>NOT_IMPLEMENTED;
    if (r < 0) return NULL;
    incref(a);
    return a;
  }
  if (k == KIND_DICT && base == 7) {
    // dict |= x takes what dict.update takes: a mapping or an iterable of pairs.
    if (dictUpdateArg(p, b) < 0) return NULL;
    incref(a);
    return a;
  }
  return <u64>NOT_IMPLEMENTED;
}

// ---------------------------------------------------------------------------------------------------
// Builders for the eval loop

/** A list of the n values at `src`, taking over their references. */
export function listFromArray(src: usize, n: usize): Value {
  const l = listNew(n);
  if (l == 0) return NULL;
  if (n > 0) memory.copy(vecItems(l), src, n << 3);
  return <u64>l;
}

/** A set of the n values at `src` (references borrowed). */
export function setFromArray(src: usize, n: usize): Value {
  const s = setNew(KIND_SET);
  if (s == 0) return NULL;
  for (let i: usize = 0; i < n; i++) {
    if (setAddImpl(s, load<u64>(src + (i << 3))) < 0) {
      decref(<u64>s);
      return NULL;
    }
  }
  return <u64>s;
}

/** d[key] = value with hashing errors (borrowed arguments). */
export function dictSet(d: usize, key: Value, value: Value): i32 {
  const h = objHash(key);
  if (h == -1 && errorType() != 0) return -1;
  return D.dictSetItem(d, key, value);
}

import { sbNew, sbAppendStr, sbFinish, sbDiscard } from "./str-ops";
/** BUILD_STRING: the concatenation of n str objects at `src` (borrowed). */
export function strJoinArray(src: usize, n: usize): Value {
  let total: usize = 0;
  for (let i: usize = 0; i < n; i++) total += <usize>strLength(<usize>load<u64>(src + (i << 3)));
  const sb = sbNew(total);
  if (sb == 0) return NULL;
  for (let i: usize = 0; i < n; i++) {
    if (!sbAppendStr(sb, <usize>load<u64>(src + (i << 3)))) {
      sbDiscard(sb);
      return NULL;
    }
  }
  const r = sbFinish(sb);
  return r == 0 ? NULL : <u64>r;
}

export function listAppendSteal(l: usize, v: Value): bool {
  return listAppendStealImpl(l, v) >= 0;
}

export function setAdd(s: usize, v: Value): i32 {
  return setAddImpl(s, v);
}

export function listExtend(l: usize, it: Value): bool {
  return listExtendImpl(l, it) >= 0;
}

/** LIST_EXTEND's error for a non-iterable (the *x in a call or display). */
export function fixExtendError(it: Value): void {
  if (errorType() == EXC_TypeError && !isIterable(it)) {
    raiseBegin(EXC_TypeError);
    errText("Value after * must be an iterable, not ");
    errTypeName(it);
  }
}

function isIterable(v: Value): bool {
  if (!isObject(v)) return false;
  const k = kindOf(<usize>v);
  if (k == KIND_LIST || k == KIND_TUPLE || k == KIND_STR || k == KIND_DICT || k == KIND_SET || k == KIND_FROZENSET || k == KIND_RANGE || k == KIND_BYTES || k == KIND_BYTEARRAY) return true;
  return isBuiltinIterator(v) || userSlot(v, N_ITER_NAME()) != NULL || userSlot(v, N_GETITEM) != NULL;
}
import { N_ITER } from "./names";
function N_ITER_NAME(): usize {
  return N_ITER;
}

export function setUpdate(s: usize, it: Value): bool {
  return setUpdateImpl(s, it) >= 0;
}

/**
 * dict.update(other) (DICT_UPDATE) or, with `merge`, a ** argument (DICT_MERGE): a mapping whose
 * keys must be new ("f() got multiple values for keyword argument 'x'") and whose type must be
 * a mapping ("f() argument after ** must be a mapping, not int").
 */
export function dictUpdate(d: usize, other: Value, merge: bool, func: Value): bool {
  if (isObject(other) && kindOf(<usize>other) == KIND_DICT) {
    store<u32>(ITER_POS, 0);
    while (D.dictNext(<usize>other, ITER_POS, ITER_KEY, ITER_VALUE)) {
      const k = load<u64>(ITER_KEY);
      if (merge && D.dictGetItem(d, k) != NULL) {
        multipleValues(func, k);
        return false;
      }
      if (D.dictSetItem(d, k, load<u64>(ITER_VALUE)) < 0) return false;
    }
    return true;
  }
  // A mapping with keys() and __getitem__.
  const keysFn = objGetAttrOrNull(other, N_KEYS);
  if (keysFn == NULL) {
    raiseBegin(EXC_TypeError);
    if (merge) {
      errFuncName(func);
      errText(" argument after ** must be a mapping, not ");
    } else {
      errText("'");
      errTypeName(other);
      errText("' object is not a mapping");
      return false;
    }
    errTypeName(other);
    return false;
  }
  const keys = objCall(keysFn, 0, 0, 0);
  decref(keysFn);
  if (keys == NULL) return false;
  const it = objGetIter(keys);
  decref(keys);
  if (it == NULL) return false;
  while (true) {
    const k = objIterNext(it);
    if (k == NULL) break;
    if (merge && D.dictGetItem(d, k) != NULL) {
      multipleValues(func, k);
      decref(k);
      decref(it);
      return false;
    }
    const v = objGetItem(other, k);
    if (v == NULL || dictSet(d, k, v) < 0) {
      decref(k);
      decref(v);
      decref(it);
      return false;
    }
    decref(k);
    decref(v);
  }
  decref(it);
  return errorType() == 0;
}

function objGetAttrOrNull(v: Value, name: usize): Value {
  const r = objGetAttr(v, name);
  if (r == NULL) errorClearLocal();
  return r;
}
import { errorClear } from "./types";
function errorClearLocal(): void {
  errorClear();
}

import { KIND_FUNCTION, KIND_BUILTIN, KIND_METHOD } from "./types";
import { FN_QUALNAME } from "./function";
function errFuncName(func: Value): void {
  if (isObject(func)) {
    const k = kindOf(<usize>func);
    if (k == KIND_FUNCTION) {
      // CPython's _PyObject_FunctionStr: module-qualified unless the module is builtins.
      const m = load<u64>(<usize>func + 48);
      if (isObject(m) && kindOf(<usize>m) == KIND_STR && !strEqualLiteral(<usize>m, "builtins")) {
        errStrObject(<usize>m);
        errText(".");
      }
      errStrObject(<usize>load<u32>(<usize>func + FN_QUALNAME));
      errText("()");
      return;
    }
    if (k == KIND_BUILTIN) {
      errStrObject(<usize>load<u32>(<usize>func + 12));
      errText("()");
      return;
    }
    if (k == KIND_METHOD) {
      errFuncName(load<u64>(<usize>func + 8));
      return;
    }
    if (k == KIND_TYPE) {
      errStrObject(typeName(<usize>func));
      errText("()");
      return;
    }
  }
  errTypeName(func);
  errText(" object");
}

function multipleValues(func: Value, key: Value): void {
  raiseBegin(EXC_TypeError);
  errFuncName(func);
  errText(" got multiple values for keyword argument '");
  if (isObject(key) && kindOf(<usize>key) == KIND_STR) errStrObject(<usize>key);
  errText("'");
}

export function listToTuple(l: usize): Value {
  const n = <usize>vecSize(l);
  if (n == 0) return <u64>EMPTY_TUPLE;
  const t = tupleAlloc(n);
  if (t == 0) return NULL;
  const items = vecItems(l);
  for (let i: usize = 0; i < n; i++) {
    const v = load<u64>(items + (i << 3));
    incref(v);
    tupleSetItem(t, i, v);
  }
  return <u64>t;
}

/**
 * UNPACK_SEQUENCE: writes the n items of `seq` at dst .. dst + 8n in reverse order (the first item
 * ends on top of the stack). Writes nothing unless it succeeds.
 */
export function unpackSequence(seq: Value, n: usize, dst: usize): bool {
  if (isObject(seq)) {
    const p = <usize>seq;
    const k = kindOf(p);
    if (k == KIND_TUPLE || k == KIND_LIST) {
      const size = k == KIND_TUPLE ? <usize>tupleSize(p) : <usize>vecSize(p);
      const items = k == KIND_TUPLE ? p + 16 : vecItems(p);
      if (size != n) {
        unpackCountError(n, size, size < n);
        return false;
      }
      for (let i: usize = 0; i < n; i++) {
        const v = load<u64>(items + (i << 3));
        incref(v);
        store<u64>(dst + ((n - 1 - i) << 3), v);
      }
      return true;
    }
  }
  return unpackIterable(seq, n, 0, false, dst);
}

function unpackCountError(expected: usize, got: usize, tooFew: bool): void {
  raiseBegin(EXC_ValueError);
  if (tooFew) {
    errText("not enough values to unpack (expected ");
    errInt(<i64>expected);
    errText(", got ");
    errInt(<i64>got);
    errText(")");
  } else {
    errText("too many values to unpack (expected ");
    errInt(<i64>expected);
    errText(")");
  }
}

/** Shared by UNPACK_SEQUENCE on iterables and UNPACK_EX: goes through a list of all items. */
function unpackIterable(seq: Value, before: usize, after: usize, star: bool, dst: usize): bool {
  const it = objGetIter(seq);
  if (it == NULL) {
    if (errorType() == EXC_TypeError) {
      raiseBegin(EXC_TypeError);
      errText("cannot unpack non-iterable ");
      errTypeName(seq);
      errText(" object");
    }
    return false;
  }
  const l = listNew(0);
  if (l == 0) {
    decref(it);
    return false;
  }
  if (!star) {
    // Take at most before + 1 items: more is an error without consuming the rest.
    while (<usize>vecSize(l) <= before) {
      const x = objIterNext(it);
      if (x == NULL) break;
      listAppendStealImpl(l, x);
    }
    decref(it);
    if (errorType() != 0) {
      decref(<u64>l);
      return false;
    }
    const got = <usize>vecSize(l);
    if (got != before) {
      unpackCountError(before, got > before ? usize.MAX_VALUE : got, got < before);
      decref(<u64>l);
      return false;
    }
    const items = vecItems(l);
    for (let i: usize = 0; i < before; i++) {
      const v = load<u64>(items + (i << 3));
      incref(v);
      store<u64>(dst + ((before - 1 - i) << 3), v);
    }
    decref(<u64>l);
    return true;
  }
  while (true) {
    const x = objIterNext(it);
    if (x == NULL) break;
    listAppendStealImpl(l, x);
  }
  decref(it);
  if (errorType() != 0) {
    decref(<u64>l);
    return false;
  }
  const got = <usize>vecSize(l);
  if (got < before + after) {
    raiseBegin(EXC_ValueError);
    errText("not enough values to unpack (expected at least ");
    errInt(<i64>(before + after));
    errText(", got ");
    errInt(<i64>got);
    errText(")");
    decref(<u64>l);
    return false;
  }
  const total = before + 1 + after;
  const items = vecItems(l);
  // Order on the stack (top first): before items, the starred list, after items.
  for (let i: usize = 0; i < before; i++) {
    const v = load<u64>(items + (i << 3));
    incref(v);
    store<u64>(dst + ((total - 1 - i) << 3), v);
  }
  const middleCount = got - before - after;
  const middle = listNew(middleCount);
  if (middle == 0) {
    decref(<u64>l);
    return false;
  }
  for (let i: usize = 0; i < middleCount; i++) {
    const v = load<u64>(items + ((before + i) << 3));
    incref(v);
    store<u64>(vecItems(middle) + (i << 3), v);
  }
  store<u64>(dst + ((total - 1 - before) << 3), <u64>middle);
  for (let i: usize = 0; i < after; i++) {
    const v = load<u64>(items + ((before + middleCount + i) << 3));
    incref(v);
    store<u64>(dst + ((after - 1 - i) << 3), v);
  }
  decref(<u64>l);
  return true;
}

export function unpackEx(seq: Value, before: usize, after: usize, dst: usize): bool {
  return unpackIterable(seq, before, after, true, dst);
}

// ---------------------------------------------------------------------------------------------------
// Name lookups in class bodies and module namespaces (a dict, or any mapping)

/** locals[name] (borrowed for dicts; NEW reference for other mappings — see mappingGetOwned). */
import { pendingMatches } from "./exceptions";
export function mappingGet(m: usize, key: Value): Value {
  if (kindOf(m) == KIND_DICT && typeOf(<u64>m) == typeObject(KIND_DICT)) {
    const v = D.dictGetItem(m, key);
    if (v != NULL) incref(v);
    return v;
  }
  // A missing key is any KeyError (a subclass, or one raised by a Python __getitem__), as LOAD_NAME has it.
  const v = objGetItem(<u64>m, key);
  if (v == NULL && pendingMatches(EXC_KeyError)) errorClear();
  return v;
}

export function mappingSet(m: usize, key: Value, value: Value): i32 {
  if (kindOf(m) == KIND_DICT && typeOf(<u64>m) == typeObject(KIND_DICT)) return D.dictSetItem(m, key, value);
  return objSetItemGeneric(<u64>m, key, value);
}

export function mappingDel(m: usize, key: Value): i32 {
  if (kindOf(m) == KIND_DICT) return D.dictDelItem(m, key);
  return objSetItemGeneric(<u64>m, key, NULL);
}

import { objSetItem } from "./ops";
function objSetItemGeneric(m: Value, key: Value, value: Value): i32 {
  return objSetItem(m, key, value);
}

export function sliceNew(start: Value, stop: Value, step: Value): Value {
  return sliceNewImpl(start, stop, step);
}

// ---------------------------------------------------------------------------------------------------
// Pattern matching support

export function isMapping(v: Value): bool {
  if (!isObject(v)) return false;
  const k = kindOf(<usize>v);
  return k == KIND_DICT;
}

export function isSequence(v: Value): bool {
  if (!isObject(v)) return false;
  const k = kindOf(<usize>v);
  return k == KIND_LIST || k == KIND_TUPLE || k == KIND_RANGE;
}

/** MATCH_KEYS: a tuple of the values for `keys` in mapping `subject`, or None when one is missing. */
export function matchKeys(subject: Value, keys: Value): Value {
  const n = <usize>tupleSize(<usize>keys);
  const t = n == 0 ? EMPTY_TUPLE : tupleAlloc(n);
  if (t == 0) return NULL;
  for (let i: usize = 0; i < n; i++) {
    const k = tupleItem(<usize>keys, i);
    const v = matchKeyGet(subject, k);
    if (v == NULL) {
      // Fill the rest so the tuple can be released.
      for (let j = i; j < n; j++) tupleSetItem(t, j, NONE);
      decref(<u64>t);
      if (errorType() != 0) return NULL;
      return NONE;
    }
    tupleSetItem(t, i, v);
  }
  return <u64>t;
}

/**
 * One key of a mapping pattern: subject[key] for an exact dict, else subject.get(key, <dummy>) as
 * CPython's match_keys (so a dict subclass's __missing__ is not consulted). New reference; NULL
 * without an exception when the key is missing.
 */
function matchKeyGet(subject: Value, key: Value): Value {
  if (isObject(subject) && typeOf(subject) == typeObject(KIND_DICT)) return mappingGet(<usize>subject, key);
  if (matchGetName == 0) {
    matchGetName = strLiteral("get");
    matchDummy = alloc(16);
    if (matchDummy == 0) return NULL;
    initStaticHeader(matchDummy, typeObject(KIND_OBJECT));
  }
  const get = objGetAttr(subject, matchGetName);
  if (get == NULL) return NULL;
  const buf = alloc(16);
  if (buf == 0) {
    decref(get);
    return NULL;
  }
  store<u64>(buf, key);
  store<u64>(buf + 8, <u64>matchDummy);
  const v = objCall(get, buf, 2, 0);
  free(buf, 16);
  decref(get);
  if (v == <u64>matchDummy) {
    decref(v);
    return NULL;
  }
  return v;
}
let matchGetName: usize = 0;
let matchDummy: usize = 0;
import { initStaticHeader } from "./object";
import { strLiteral } from "./names";
import { KIND_OBJECT } from "./types";

/**
 * MATCH_CLASS: isinstance(subject, type) and the attributes for `count` positional sub-patterns
 * (via __match_args__) and the keyword names in `kwargs`; a tuple of them, or None.
 */
export function matchClass(subject: Value, type: Value, count: usize, kwargs: Value): Value {
  if (!isObject(type) || kindOf(<usize>type) != KIND_TYPE) {
    raiseMsg(EXC_TypeError, "called match pattern must be a type");
    return NULL;
  }
  if (!isSubtype(typeOf(subject), <usize>type)) return NONE;
  const nkw = <usize>tupleSize(<usize>kwargs);
  const t = tupleAlloc(count + nkw);
  if (t == 0) return NULL;
  for (let i: usize = 0; i < count + nkw; i++) tupleSetItem(t, i, NONE);
  let matchArgs: Value = NULL;
  if (count > 0) {
    matchArgs = objGetAttr(type, N_MATCH_ARGS);
    if (matchArgs == NULL) {
      errorClear();
      // Builtins that match themselves: bool, bytearray, bytes, dict, float, frozenset, int, list, set, str, tuple.
      if (count == 1 && isSelfMatching(<usize>type)) {
        incref(subject);
        const old = tupleItem(t, 0);
        tupleSetItem(t, 0, subject);
        decref(old);
      } else {
        raiseBegin(EXC_TypeError);
        errStrObject(typeName(<usize>type));
        errText("() accepts 0 positional sub-patterns (");
        errInt(<i64>count);
        errText(" given)");
        decref(<u64>t);
        return NULL;
      }
    } else {
      if (!isObject(matchArgs) || kindOf(<usize>matchArgs) != KIND_TUPLE) {
        raiseBegin(EXC_TypeError);
        errText("");
        errStrObject(typeName(<usize>type));
        errText(".__match_args__ must be a tuple (got ");
        errTypeName(matchArgs);
        errText(")");
        decref(matchArgs);
        decref(<u64>t);
        return NULL;
      }
      const avail = <usize>tupleSize(<usize>matchArgs);
      if (count > avail) {
        raiseBegin(EXC_TypeError);
        errStrObject(typeName(<usize>type));
        errText("() accepts ");
        errInt(<i64>avail);
        errText(" positional sub-pattern");
        if (avail != 1) errText("s");
        errText(" (");
        errInt(<i64>count);
        errText(" given)");
        decref(matchArgs);
        decref(<u64>t);
        return NULL;
      }
      for (let i: usize = 0; i < count; i++) {
        const name = tupleItem(<usize>matchArgs, i);
        const v = objGetAttr(subject, <usize>name);
        if (v == NULL) {
          decref(matchArgs);
          decref(<u64>t);
          if (errorType() == 16 /* AttributeError */) {
            errorClear();
            return NONE;
          }
          return NULL;
        }
        const old = tupleItem(t, i);
        tupleSetItem(t, i, v);
        decref(old);
      }
      decref(matchArgs);
    }
  }
  for (let i: usize = 0; i < nkw; i++) {
    const name = tupleItem(<usize>kwargs, i);
    const v = objGetAttr(subject, <usize>name);
    if (v == NULL) {
      decref(<u64>t);
      if (isAttributeError()) {
        errorClear();
        return NONE;
      }
      return NULL;
    }
    const old = tupleItem(t, count + i);
    tupleSetItem(t, count + i, v);
    decref(old);
  }
  return <u64>t;
}

import { EXC_AttributeError, ERR_OBJECT, errorObject } from "./types";
import { excType } from "./exceptions";
function isAttributeError(): bool {
  const t = errorType();
  if (t == EXC_AttributeError) return true;
  if (t == ERR_OBJECT) return isSubtype(typeOf(errorObject()), excType(EXC_AttributeError));
  return false;
}

function isSelfMatching(t: usize): bool {
  const k = load<u32>(t + 8);
  return (
    k == KIND_BOOL ||
    k == KIND_BYTEARRAY ||
    k == KIND_BYTES ||
    k == KIND_DICT ||
    k == KIND_FLOAT ||
    k == KIND_FROZENSET ||
    k == KIND_INT ||
    k == KIND_LIST ||
    k == KIND_SET ||
    k == KIND_STR ||
    k == KIND_TUPLE
  );
}

// ---------------------------------------------------------------------------------------------------
// Calls with a tuple and a dict (CALL_FUNCTION_EX)

/**
 * `f(*args, **kwargs)` spread into vectorcall form: a block holding the positional values (`self`
 * first when it is not NULL), then the keyword values, with a tuple of the keyword names. Items are
 * borrowed from `callargs` (converted to a tuple first when it is not one: the block owns that
 * tuple) and `kwargs`. Read it with exItems / exNpos / exKwnames; release it with exSpreadFree.
 * 0 with an exception pending on error; `func` names the callee in the messages.
 */
const EX_OWNED: usize = 0; // u64: the tuple made from a non-tuple callargs, or NULL
const EX_KWNAMES: usize = 8; // u32: tuple of str, or 0
const EX_NPOS: usize = 12; // u32
const EX_TOTAL: usize = 16; // u32: positional + keyword values
const EX_ITEMS: usize = 24;
export function exSpread(func: Value, self: Value, callargs: Value, kwargs: Value): usize {
  let args = callargs;
  let owned: Value = NULL;
  if (!isObject(args) || kindOf(<usize>args) != KIND_TUPLE) {
    args = tupleFromIterable(callargs);
    if (args == NULL) {
      if (errorType() == EXC_TypeError) {
        raiseBegin(EXC_TypeError);
        errFuncName(func);
        errText(" argument after * must be an iterable, not ");
        errTypeName(callargs);
      }
      return 0;
    }
    owned = args;
  }
  const lead: usize = self == NULL ? 0 : 1;
  const np = lead + <usize>tupleSize(<usize>args);
  const nk: usize = kwargs == NULL ? 0 : <usize>load<u32>(<usize>kwargs + 8);
  const kwnames = nk == 0 ? 0 : tupleAlloc(nk);
  const ex = alloc(EX_ITEMS + ((np + nk) << 3));
  if ((nk != 0 && kwnames == 0) || ex == 0) {
    if (kwnames != 0) decref(<u64>kwnames);
    if (ex != 0) free(ex, EX_ITEMS + ((np + nk) << 3));
    if (owned != NULL) decref(owned);
    return 0;
  }
  store<u64>(ex + EX_OWNED, owned);
  store<u32>(ex + EX_KWNAMES, <u32>kwnames);
  store<u32>(ex + EX_NPOS, <u32>np);
  store<u32>(ex + EX_TOTAL, <u32>(np + nk));
  const items = ex + EX_ITEMS;
  if (lead != 0) store<u64>(items, self);
  memory.copy(items + (lead << 3), <usize>args + 16, (np - lead) << 3);
  store<u32>(ITER_POS, 0);
  for (let i: usize = 0; i < nk; i++) {
    D.dictNext(<usize>kwargs, ITER_POS, ITER_KEY, ITER_VALUE);
    const k = load<u64>(ITER_KEY);
    if (!isObject(k) || kindOf(<usize>k) != KIND_STR) {
      for (let j: usize = i; j < nk; j++) tupleSetItem(kwnames, j, NONE);
      exSpreadFree(ex);
      raiseMsg(EXC_TypeError, "keywords must be strings");
      return 0;
    }
    incref(k);
    tupleSetItem(kwnames, i, k);
    store<u64>(items + ((np + i) << 3), load<u64>(ITER_VALUE));
  }
  return ex;
}
// @ts-ignore: decorator
@inline export function exItems(ex: usize): usize {
  return ex + EX_ITEMS;
}
// @ts-ignore: decorator
@inline export function exNpos(ex: usize): i32 {
  return load<i32>(ex + EX_NPOS);
}
// @ts-ignore: decorator
@inline export function exKwnames(ex: usize): usize {
  return <usize>load<u32>(ex + EX_KWNAMES);
}
export function exSpreadFree(ex: usize): void {
  const kwnames = exKwnames(ex);
  if (kwnames != 0) decref(<u64>kwnames);
  const owned = load<u64>(ex + EX_OWNED);
  if (owned != NULL) decref(owned);
  free(ex, EX_ITEMS + (<usize>load<u32>(ex + EX_TOTAL) << 3));
}

/** CALL_FUNCTION_EX for any callable (eval.ts runs Python functions' frames itself). */
export function callWithTupleAndDict(func: Value, callargs: Value, kwargs: Value): Value {
  const nk = kwargs == NULL ? 0 : load<u32>(<usize>kwargs + 8);
  if (nk == 0 && isObject(callargs) && kindOf(<usize>callargs) == KIND_TUPLE) {
    return objCall(func, <usize>callargs + 16, <i32>tupleSize(<usize>callargs), 0);
  }
  const ex = exSpread(func, NULL, callargs, kwargs);
  if (ex == 0) return NULL;
  const r = objCall(func, exItems(ex), exNpos(ex), exKwnames(ex));
  exSpreadFree(ex);
  return r;
}

import { alloc, free } from "./heap";

// ---------------------------------------------------------------------------------------------------
// dict | dict, dict views with set operators

export function dictOr(a: usize, b: usize): Value {
  const d = <u64>dictCopy(a);
  if (d == NULL) return NULL;
  if (!dictUpdate(<usize>d, <u64>b, false, NULL)) {
    decref(d);
    return NULL;
  }
  return d;
}

import { setFromIterable, setIntersectionUpdate, setDifferenceUpdate, setSymmetricDifferenceUpdate } from "./set";
const ARG_SLOT: usize = memory.data(8, 8);
/** One Value in a static slot, as an `others` array of length 1. */
function ARGS1(v: Value): usize {
  store<u64>(ARG_SLOT, v);
  return ARG_SLOT;
}
import { binaryOp } from "./ops";
/** keys() / items() views with | & - ^: computed on sets of their items. */
export function viewSetOp(a: Value, b: Value, op: i32): Value {
  // dict.ts has CPython's dictviews_* (any iterable on the other side, either order).
  let r: usize = 0;
  if (op == 7) r = D.dictViewOr(a, b); // |
  else if (op == 1) r = D.dictViewAnd(a, b); // &
  else if (op == 10) r = D.dictViewSub(a, b); // -
  else r = D.dictViewXor(a, b); // ^
  return r == 0 ? NULL : <Value>r;
}

export { listFromIterable, dictViewNew };
import { typeSubscript } from "./generic-alias";
import { KIND_METHOD } from "./types";
