/**
 * tuple operations (the layout is tuple.ts's): indexing, slicing, concatenation, repetition,
 * membership, rich comparison, iteration, tuple(iterable), and the methods index/count.
 *
 * CPython's identity shortcuts are kept because `is` can observe them: t[:] and t * 1 give t itself,
 * t + () gives t, and every empty result is the empty-tuple singleton.
 *
 * tuple_iterator (KIND_TUPLE_ITER, block 16): [ header | seq u32 (0 once exhausted) | index u32 ].
 *
 * Entry points: tupleGetItem, tupleSubscript, tupleSlice, tupleSliceRange, tupleConcat,
 * tupleRepeat, tupleContains, tupleCompare, tupleIterNew/Next, tupleFromIterable,
 * registerTupleMethods.
 */
import { alloc } from "./heap";
import { initHeader, IMMORTAL_REFCNT } from "./object";
import { Value, NULL, isSmallInt, getSmallInt, isObject, makeSmallInt } from "./values";
import {
  typeObject,
  kindOf,
  KIND_TUPLE,
  KIND_LIST,
  KIND_SLICE,
  KIND_TUPLE_ITER,
  raiseMemory,
  raiseMsg,
  raiseBegin,
  errText,
  errTypeName,
  EXC_TypeError,
  EXC_ValueError,
  EXC_IndexError,
} from "./types";
import { incref, decref, increfObject } from "./refcount";
import { EMPTY_TUPLE, TUPLE_HEADER_SIZE, tupleAlloc, tupleSize, tupleItem, vecItems, vecSize } from "./tuple";
import { isIntValue, subscriptIndex, indexOut, indexArgNotNone, sliceUnpack, sliceAdjustIndices, sliceStartOut, sliceStepOut } from "./slice";
import { SEQ_ITER_SIZE, itemEq, seqCompare, getIterFast, listFromIterator } from "./list";
import { addMethod, checkArgCount, noKeywords, arg } from "./native";

const MAX_TUPLE_SIZE: i64 = 0x1ffffff0;

// @ts-ignore: decorator
@inline function items(t: usize): usize {
  return t + TUPLE_HEADER_SIZE;
}

/** t[i] (negative counts from the end): new reference, or IndexError "tuple index out of range". */
export function tupleGetItem(t: usize, i: i64): Value {
  const n = <i64>tupleSize(t);
  if (i < 0) i += n;
  if (<u64>i >= <u64>n) return raiseMsg(EXC_IndexError, "tuple index out of range");
  const v = tupleItem(t, <usize>i);
  incref(v);
  return v;
}

import { hasIndexSlot, getItemViaIndex } from "./index-protocol";
/** t[key] for an int or slice key. */
export function tupleSubscript(t: usize, key: Value): Value {
  if (isSmallInt(key)) return tupleGetItem(t, getSmallInt(key));
  if (isIntValue(key)) {
    if (!subscriptIndex(key)) return NULL;
    return tupleGetItem(t, indexOut);
  }
  if (isObject(key) && kindOf(<usize>key) == KIND_SLICE) return tupleSlice(t, <usize>key);
  if (hasIndexSlot(key)) return getItemViaIndex(<Value>t, key);
  raiseBegin(EXC_TypeError);
  errText("tuple indices must be integers or slices, not ");
  errTypeName(key);
  return NULL;
}

/** A tuple of `n` items copied (and counted) from a Value array. */
function tupleFromArray(src: usize, n: usize): Value {
  if (n == 0) return <Value>EMPTY_TUPLE;
  const r = tupleAlloc(n);
  if (r == 0) return NULL;
  for (let i: usize = 0; i < n; i++) {
    const v = load<u64>(src + (i << 3));
    incref(v);
    store<u64>(items(r) + (i << 3), v);
  }
  return <Value>r;
}

/** t[lo:hi], clipped; the whole tuple gives t itself. */
export function tupleSliceRange(t: usize, lo: i64, hi: i64): Value {
  const n = <i64>tupleSize(t);
  if (lo < 0) lo = 0;
  else if (lo > n) lo = n;
  if (hi < lo) hi = lo;
  else if (hi > n) hi = n;
  if (lo == 0 && hi == n) {
    increfObject(t);
    return <Value>t;
  }
  return tupleFromArray(items(t) + (<usize>lo << 3), <usize>(hi - lo));
}

/** t[slice]. */
export function tupleSlice(t: usize, slice: usize): Value {
  if (!sliceUnpack(slice)) return NULL;
  const len = sliceAdjustIndices(<i64>tupleSize(t));
  const start = sliceStartOut;
  const step = sliceStepOut;
  if (step == 1) return tupleSliceRange(t, start, start + len);
  if (len <= 0) return <Value>EMPTY_TUPLE;
  const r = tupleAlloc(<usize>len);
  if (r == 0) return NULL;
  let at = start;
  for (let i: usize = 0; i < <usize>len; i++) {
    const v = tupleItem(t, <usize>at);
    incref(v);
    store<u64>(items(r) + (i << 3), v);
    at += step;
  }
  return <Value>r;
}

/** a + b (b must be a tuple: TypeError 'can only concatenate tuple (not "X") to tuple'). */
export function tupleConcat(a: usize, b: Value): Value {
  if (!isObject(b) || kindOf(<usize>b) != KIND_TUPLE) {
    raiseBegin(EXC_TypeError);
    errText('can only concatenate tuple (not "');
    errTypeName(b);
    errText('") to tuple');
    return NULL;
  }
  const bp = <usize>b;
  const na = <usize>tupleSize(a);
  const nb = <usize>tupleSize(bp);
  if (nb == 0) {
    increfObject(a);
    return <Value>a;
  }
  if (na == 0) {
    increfObject(bp);
    return b;
  }
  if (<i64>(na + nb) > MAX_TUPLE_SIZE) return raiseMemory();
  const r = tupleAlloc(na + nb);
  if (r == 0) return NULL;
  for (let i: usize = 0; i < na; i++) {
    const v = tupleItem(a, i);
    incref(v);
    store<u64>(items(r) + (i << 3), v);
  }
  for (let i: usize = 0; i < nb; i++) {
    const v = tupleItem(bp, i);
    incref(v);
    store<u64>(items(r) + ((na + i) << 3), v);
  }
  return <Value>r;
}

/** t * n: n <= 0 gives (), n == 1 (or an empty t) gives t itself. */
export function tupleRepeat(t: usize, n: i64): Value {
  const size = <i64>tupleSize(t);
  if (size == 0 || n == 1) {
    increfObject(t);
    return <Value>t;
  }
  if (n <= 0) return <Value>EMPTY_TUPLE;
  if (n > MAX_TUPLE_SIZE || size * n > MAX_TUPLE_SIZE) return raiseMemory();
  const r = tupleAlloc(<usize>(size * n));
  if (r == 0) return NULL;
  const sz = <usize>size;
  for (let j: usize = 0; j < sz; j++) {
    const v = tupleItem(t, j);
    if (isObject(v)) {
      const rc = load<u32>(<usize>v);
      if (rc < IMMORTAL_REFCNT) store<u32>(<usize>v, rc + <u32>n);
    }
    for (let k: usize = 0; k < <usize>n; k++) store<u64>(items(r) + ((k * sz + j) << 3), v);
  }
  return <Value>r;
}

/** x in t as 1/0, -1 on error. */
export function tupleContains(t: usize, v: Value): i32 {
  const n = <usize>tupleSize(t);
  for (let i: usize = 0; i < n; i++) {
    const r = itemEq(tupleItem(t, i), v);
    if (r != 0) return r;
  }
  return 0;
}

/** t OP u for two tuples: new reference (True/False, or what the deciding items' compare gave). */
export function tupleCompare(a: usize, b: usize, op: i32): Value {
  return seqCompare(a, b, op);
}

/** iter(t). */
export function tupleIterNew(t: usize): Value {
  const it = alloc(SEQ_ITER_SIZE);
  if (it == 0) return raiseMemory();
  initHeader(it, typeObject(KIND_TUPLE_ITER));
  increfObject(t);
  store<u32>(it, <u32>t, 8);
  return <Value>it;
}

/** next(tuple_iterator): new reference, or NULL (no exception) when exhausted. */
export function tupleIterNext(it: usize): Value {
  const t = <usize>load<u32>(it, 8);
  if (t == 0) return NULL;
  const i = <usize>load<u32>(it, 12);
  if (i < <usize>tupleSize(t)) {
    store<u32>(it, <u32>(i + 1), 12);
    const v = tupleItem(t, i);
    incref(v);
    return v;
  }
  store<u32>(it, 0, 8);
  decref(<Value>t);
  return NULL;
}

/** tuple(v): v itself for a tuple, a copy of a list's items, else whatever iterating v yields. */
export function tupleFromIterable(v: Value): Value {
  if (isObject(v)) {
    const k = kindOf(<usize>v);
    // Exact types only: a subclass's tuple() is a plain tuple, made through its own __iter__.
    const exact = !isHeapType(typeOf(v));
    if (k == KIND_TUPLE && exact) {
      increfObject(<usize>v);
      return v;
    }
    if (k == KIND_LIST && exact) return tupleFromArray(vecItems(<usize>v), <usize>vecSize(<usize>v));
  }
  const it = getIterFast(v);
  if (it == NULL) return NULL;
  const l = listFromIterator(it);
  decref(it);
  if (l == 0) return NULL;
  const r = tupleFromArray(vecItems(l), <usize>vecSize(l));
  decref(<Value>l);
  return r;
}

// ---------------------------------------------------------------------------------------------------
// Methods

/** Clips a start/stop argument of index() to [0, n] the way CPython's index methods do. */
function clipIndexArg(x: i64, n: i64): i64 {
  if (x < 0) {
    x += n;
    if (x < 0) x = 0;
  }
  return x;
}

function tupleIndex(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("tuple.index", kwnames)) return NULL;
  if (!checkArgCount("index", nargs, 1, 3)) return NULL;
  const t = <usize>self;
  const n = <i64>tupleSize(t);
  let start: i64 = 0;
  let stop: i64 = n;
  if (nargs > 1) {
    if (!indexArgNotNone(arg(args, 1))) return NULL;
    start = clipIndexArg(indexOut, n);
  }
  if (nargs > 2) {
    if (!indexArgNotNone(arg(args, 2))) return NULL;
    stop = clipIndexArg(indexOut, n);
  }
  const x = arg(args, 0);
  for (let i = start; i < stop && i < n; i++) {
    const r = itemEq(tupleItem(t, <usize>i), x);
    if (r < 0) return NULL;
    if (r > 0) return makeSmallInt(i);
  }
  return raiseMsg(EXC_ValueError, "tuple.index(x): x not in tuple");
}

function tupleCount(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("tuple.count", kwnames)) return NULL;
  if (!checkArgCount("tuple.count", nargs, 1, 1)) return NULL;
  const t = <usize>self;
  const n = <usize>tupleSize(t);
  const x = arg(args, 0);
  let count: i64 = 0;
  for (let i: usize = 0; i < n; i++) {
    const r = itemEq(tupleItem(t, i), x);
    if (r < 0) return NULL;
    count += r;
  }
  return makeSmallInt(count);
}

export function registerTupleMethods(): void {
  const t = typeObject(KIND_TUPLE);
  addMethod(t, "index", tupleIndex);
  addMethod(t, "count", tupleCount);
}
import { isHeapType } from "./typeobj";
import { typeOf } from "./types";
