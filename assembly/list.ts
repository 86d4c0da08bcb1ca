/**
 * list: CPython 3.11's list semantics on the VecObject layout of tuple.ts (size, capacity, items
 * block of `capacity` Values; the block is absent when capacity is 0). Items are owned references.
 *
 * Mutation discipline (as CPython's listobject.c): an operation first makes the list consistent,
 * then drops the references it removed, because a decref may one day run Python code (__del__)
 * that looks at the list. Comparisons that may run Python code hold a reference to the items they
 * compare, and loops re-read the size every step (the list may change under them).
 *
 * Iterators (block 16): [ header | seq u32 (0 once exhausted) | index u32/i32 ]:
 * list_iterator (KIND_LIST_ITER) counts up, list_reverseiterator (KIND_LIST_REVITER) counts down.
 *
 * Item comparisons go through itemEq / itemLess / itemCompare, which answer pairs of small ints,
 * bools, floats, strs and None here (int/float mixes when a double holds the int exactly) and
 * pass every other pair to ops.ts (the generic protocol).
 *
 * Entry points: listNew, listNewEmpty, listAppend, listAppendSteal, listGetItem, listSetItem,
 * listDelItem, listInsert, listSubscript, listAssignSubscript, listSlice, listSliceRange,
 * listAssignSlice, listAssignRange, listConcat, listRepeat, listExtend, listInplaceConcat,
 * listContains, listEq, listCompare, listClear, listReverse, listIterNew/Next,
 * listRevIterNew/Next, listFromIterable, seqFast, getIterFast/iterNextFast, seqGetIter/seqIterNext
 * (the __getitem__ iterator); itemEq, itemLess,
 * itemCompare.
 */
import { alloc, free, heapRealloc } from "./heap";
import { gcSafePoint } from "./gc";
import { initHeader, IMMORTAL_REFCNT } from "./object";
import { Value, NULL, NONE, TRUE, FALSE, isSmallInt, getSmallInt, isObject, makeBool, makeSmallInt } from "./values";
import {
  typeObject,
  kindOf,
  errorType,
  KIND_LIST,
  KIND_TUPLE,
  KIND_FLOAT,
  KIND_STR,
  KIND_INT,
  KIND_SLICE,
  KIND_RANGE,
  KIND_LIST_ITER,
  KIND_LIST_REVITER,
  KIND_TUPLE_ITER,
  KIND_RANGE_ITER,
  KIND_SEQ_ITER,
  EXC_StopIteration,
  errorClear,
  raiseMemory,
  raiseMsg,
  raiseBegin,
  errText,
  errInt,
  errTypeName,
  EXC_TypeError,
  EXC_ValueError,
  EXC_IndexError,
} from "./types";
import { incref, decref, increfObject, decrefChild } from "./refcount";
import { strCompare } from "./str-ops";
import { pendingMatches } from "./exceptions";
import { VecObject, VEC_HEADER_SIZE, vecAlloc, vecSize, vecItems, vecCapacity, tupleSize, tupleItem } from "./tuple";
import { strLength, strKind, strData, strCodePoint, strEqual } from "./str";
import { floatValue } from "./float";
import { bigSign, bigNDigits, bigDigit } from "./int";
import { objEq, objLess, objCompare, objGetIter, objIterNext, objGetItem, CMP_LT, CMP_LE, CMP_EQ, CMP_NE, CMP_GT, CMP_GE } from "./ops";
import {
  isIntValue,
  subscriptIndex,
  indexOut,
  sliceUnpack,
  sliceAdjustIndices,
  sliceStartOut,
  sliceStopOut,
  sliceStepOut,
} from "./slice";
import { tupleIterNew, tupleIterNext } from "./tuple-methods";
import { rangeIterNew, rangeIterNext } from "./range";

export const SEQ_ITER_SIZE: usize = 16;
const MAX_LIST_SIZE: u64 = 0x1ffffff0;

// ---------------------------------------------------------------------------------------------------
// Raw access (no checks)

// @ts-ignore: decorator
@inline export function listItemsPtr(p: usize): usize {
  return vecItems(p);
}
// @ts-ignore: decorator
@inline export function listSize(p: usize): usize {
  return <usize>vecSize(p);
}
/** Item i, borrowed (0 <= i < size). */
// @ts-ignore: decorator
@inline export function listItem(p: usize, i: usize): Value {
  return load<u64>(vecItems(p) + (i << 3));
}
/** Stores item i without touching counts (the list takes the caller's reference). */
// @ts-ignore: decorator
@inline export function listSetItemRaw(p: usize, i: usize, v: Value): void {
  store<u64>(vecItems(p) + (i << 3), v);
}

// @ts-ignore: decorator
@inline function isKind(v: Value, kind: u32): bool {
  return isObject(v) && kindOf(<usize>v) == kind;
}

// ---------------------------------------------------------------------------------------------------
// Construction and storage

/** A list of n NULL slots (size n) for the caller to fill with listSetItemRaw; 0 on MemoryError. */
export function listNew(n: usize): usize {
  const p = vecAlloc(KIND_LIST, n);
  if (p == 0) return 0;
  changetype<VecObject>(p).size = <u32>n;
  return p;
}

/** An empty list with room for `capacity` items. */
export function listNewEmpty(capacity: usize): usize {
  return vecAlloc(KIND_LIST, capacity);
}

/**
 * Makes room for `newSize` items and sets the size (slots past the old size hold garbage: callers
 * fill them). Grows by about 1/8 over the request so appends are amortized O(1); gives memory back
 * when the size drops below half the capacity. Growing can fail (false, MemoryError, the list
 * unchanged); shrinking cannot.
 */
function listResize(p: usize, newSize: usize): bool {
  const o = changetype<VecObject>(p);
  const cap = <usize>o.capacity;
  if (newSize <= cap && newSize >= (cap >> 1)) {
    o.size = <u32>newSize;
    return true;
  }
  if (<u64>newSize > MAX_LIST_SIZE) {
    raiseMemory();
    return false;
  }
  let next = (newSize + (newSize >> 3) + 6) & ~(<usize>3);
  if (newSize == 0) next = 0;
  if (next > <usize>MAX_LIST_SIZE) next = newSize;
  let items: usize = 0;
  if (next > cap && cap != 0) {
    // Growing: in place when the heap can (heap.ts heapRealloc).
    items = heapRealloc(<usize>o.items, cap << 3, next << 3);
    if (items == 0) {
      raiseMemory();
      return false;
    }
    o.items = <u32>items;
    o.capacity = <u32>next;
    o.size = <u32>newSize;
    return true;
  }
  if (next != 0) {
    items = alloc(next << 3);
    if (items == 0) {
      // Shrinking can always keep the bigger block.
      if (newSize <= cap) {
        o.size = <u32>newSize;
        return true;
      }
      raiseMemory();
      return false;
    }
  }
  const keep = newSize < <usize>o.size ? newSize : <usize>o.size;
  if (cap != 0) {
    if (keep != 0) memory.copy(items, <usize>o.items, keep << 3);
    free(<usize>o.items, cap << 3);
  }
  o.items = <u32>items;
  o.capacity = <u32>next;
  o.size = <u32>newSize;
  return true;
}

/** Appends v, taking over the caller's reference; -1 with MemoryError (then v is dropped). */
export function listAppendSteal(p: usize, v: Value): i32 {
  const o = changetype<VecObject>(p);
  const n = <usize>o.size;
  if (n < <usize>o.capacity) {
    store<u64>(<usize>o.items + (n << 3), v);
    o.size = <u32>(n + 1);
    return 0;
  }
  if (!listResize(p, n + 1)) {
    decref(v);
    return -1;
  }
  store<u64>(vecItems(p) + (n << 3), v);
  return 0;
}

/** Appends v (borrowed: the list takes a new reference); -1 with MemoryError. */
export function listAppend(p: usize, v: Value): i32 {
  incref(v);
  return listAppendSteal(p, v);
}

/** list.insert semantics: where < 0 counts from the end, clipped to [0, size]. v borrowed. */
export function listInsert(p: usize, where: i64, v: Value): i32 {
  const n = <i64>listSize(p);
  if (where < 0) {
    where += n;
    if (where < 0) where = 0;
  }
  if (where > n) where = n;
  if (!listResize(p, <usize>n + 1)) return -1;
  const items = vecItems(p);
  const at = <usize>where;
  memory.copy(items + ((at + 1) << 3), items + (at << 3), (<usize>n - at) << 3);
  incref(v);
  store<u64>(items + (at << 3), v);
  return 0;
}

// ---------------------------------------------------------------------------------------------------
// Indexing

/** list[i] for an i64 index (negative counts from the end): new reference, or IndexError. */
export function listGetItem(p: usize, i: i64): Value {
  const n = <i64>listSize(p);
  if (i < 0) i += n;
  if (<u64>i >= <u64>n) return raiseMsg(EXC_IndexError, "list index out of range");
  const v = listItem(p, <usize>i);
  incref(v);
  return v;
}

/** list[i] = v (v borrowed); -1 with IndexError "list assignment index out of range". */
export function listSetItem(p: usize, i: i64, v: Value): i32 {
  const n = <i64>listSize(p);
  if (i < 0) i += n;
  if (<u64>i >= <u64>n) {
    raiseMsg(EXC_IndexError, "list assignment index out of range");
    return -1;
  }
  incref(v);
  const slot = vecItems(p) + (<usize>i << 3);
  const old = load<u64>(slot);
  store<u64>(slot, v);
  decref(old);
  return 0;
}

/** del list[i]; -1 with IndexError "list assignment index out of range". */
export function listDelItem(p: usize, i: i64): i32 {
  const n = <i64>listSize(p);
  if (i < 0) i += n;
  if (<u64>i >= <u64>n) {
    raiseMsg(EXC_IndexError, "list assignment index out of range");
    return -1;
  }
  return listRemoveAt(p, <usize>i);
}

/** Removes the item at i (in range), shrinking the block when it gets sparse. */
export function listRemoveAt(p: usize, i: usize): i32 {
  decref(listTakeAt(p, i));
  return 0;
}

/** Takes the item at i (in range) out of the list: the list's reference becomes the caller's. */
export function listTakeAt(p: usize, i: usize): Value {
  const n = listSize(p);
  const items = vecItems(p);
  const v = load<u64>(items + (i << 3));
  memory.copy(items + (i << 3), items + ((i + 1) << 3), (n - i - 1) << 3);
  listResize(p, n - 1); // shrinking cannot fail
  return v;
}

import { hasIndexSlot, getItemViaIndex, setItemViaIndex } from "./index-protocol";
function raiseIndicesType(seq: string, key: Value): void {
  raiseBegin(EXC_TypeError);
  errText(seq);
  errText(" indices must be integers or slices, not ");
  errTypeName(key);
}

/** list[key] for an int or slice key. */
export function listSubscript(p: usize, key: Value): Value {
  if (isSmallInt(key)) return listGetItem(p, getSmallInt(key));
  if (isIntValue(key)) {
    if (!subscriptIndex(key)) return NULL;
    return listGetItem(p, indexOut);
  }
  if (isKind(key, KIND_SLICE)) return <Value>listSlice(p, <usize>key);
  if (hasIndexSlot(key)) return getItemViaIndex(<Value>p, key);
  raiseIndicesType("list", key);
  return NULL;
}

/** list[key] = v, or del list[key] when v is NULL; 0, or -1 with an exception. */
export function listAssignSubscript(p: usize, key: Value, v: Value): i32 {
  if (isIntValue(key)) {
    if (!subscriptIndex(key)) return -1;
    return v == NULL ? listDelItem(p, indexOut) : listSetItem(p, indexOut, v);
  }
  if (isKind(key, KIND_SLICE)) return listAssignSlice(p, <usize>key, v);
  if (hasIndexSlot(key)) return setItemViaIndex(<Value>p, key, v);
  raiseIndicesType("list", key);
  return -1;
}

// ---------------------------------------------------------------------------------------------------
// Slices

/** A new list of items [lo, hi), clipped to the list. */
export function listSliceRange(p: usize, lo: i64, hi: i64): usize {
  const n = <i64>listSize(p);
  if (lo < 0) lo = 0;
  else if (lo > n) lo = n;
  if (hi < lo) hi = lo;
  else if (hi > n) hi = n;
  const len = <usize>(hi - lo);
  const r = listNew(len);
  if (r == 0) return 0;
  const src = vecItems(p) + (<usize>lo << 3);
  const dst = vecItems(r);
  for (let i: usize = 0; i < len; i++) {
    const v = load<u64>(src + (i << 3));
    incref(v);
    store<u64>(dst + (i << 3), v);
  }
  return r;
}

/** list[slice] as a new list. */
export function listSlice(p: usize, slice: usize): usize {
  if (!sliceUnpack(slice)) return 0;
  const len = sliceAdjustIndices(<i64>listSize(p));
  const start = sliceStartOut;
  const step = sliceStepOut;
  if (step == 1) return listSliceRange(p, start, start + len);
  const r = listNew(<usize>len);
  if (r == 0) return 0;
  const src = vecItems(p);
  const dst = vecItems(r);
  let at = start;
  for (let i: usize = 0; i < <usize>len; i++) {
    const v = load<u64>(src + (<usize>at << 3));
    incref(v);
    store<u64>(dst + (i << 3), v);
    at += step;
  }
  return r;
}

/**
 * PySequence_Fast: v itself when it is a list or tuple (new reference), else list(v); when v is
 * not iterable the TypeError says `msg`.
 */
export function seqFast(v: Value, msg: string): Value {
  if (isObject(v)) {
    const k = kindOf(<usize>v);
    if (k == KIND_LIST || k == KIND_TUPLE) {
      increfObject(<usize>v);
      return v;
    }
  }
  const it = getIterFast(v);
  if (it == NULL) {
    if (errorType() == EXC_TypeError) raiseMsg(EXC_TypeError, msg);
    return NULL;
  }
  const r = listFromIterator(it);
  decref(it);
  return <Value>r;
}

// @ts-ignore: decorator
@inline function fastSize(s: usize): usize {
  return kindOf(s) == KIND_LIST ? listSize(s) : <usize>tupleSize(s);
}
// @ts-ignore: decorator
@inline function fastItems(s: usize): usize {
  return kindOf(s) == KIND_LIST ? vecItems(s) : s + 16;
}

/** Drops n references stored at buf and frees the buffer (n * 8 bytes). */
function dropBuffer(buf: usize, n: usize): void {
  if (n == 0) return;
  for (let i: usize = 0; i < n; i++) decref(load<u64>(buf + (i << 3)));
  free(buf, n << 3);
}

/**
 * list[lo:hi] = v (v any iterable; NULL deletes), indices clipped as list_ass_slice does.
 * 0, or -1 with an exception (TypeError "can only assign an iterable", MemoryError).
 */
export function listAssignRange(p: usize, lo: i64, hi: i64, v: Value): i32 {
  let seq: Value = NULL;
  let m: usize = 0;
  if (v != NULL) {
    // a[i:j] = a: copy first, the items move under us otherwise.
    seq = v == <Value>p ? <Value>listSliceRange(p, 0, <i64>listSize(p)) : seqFast(v, "can only assign an iterable");
    if (seq == NULL) return -1;
    m = fastSize(<usize>seq);
  }
  const n = <i64>listSize(p);
  if (lo < 0) lo = 0;
  else if (lo > n) lo = n;
  if (hi < lo) hi = lo;
  else if (hi > n) hi = n;
  const removed = <usize>(hi - lo);
  const newSize = <usize>n - removed + m;
  if (newSize == 0) {
    if (seq != NULL) decref(seq);
    listClear(p);
    return 0;
  }
  // Keep the removed references until the list is consistent again: dropping one may run code
  // (__del__) that sees the list. Items that are not heap objects (small ints) hold no reference
  // to drop, so a range of them needs no buffer (fannkuch's perm[:k+1] = perm[k::-1]).
  let rec: usize = 0;
  if (removed != 0 && !noHeapObjects(vecItems(p) + (<usize>lo << 3), removed)) {
    rec = alloc(removed << 3);
    if (rec == 0) {
      if (seq != NULL) decref(seq);
      raiseMemory();
      return -1;
    }
    memory.copy(rec, vecItems(p) + (<usize>lo << 3), removed << 3);
  }
  const tail = <usize>(n - hi);
  if (m < removed) {
    const items = vecItems(p);
    memory.copy(items + ((<usize>lo + m) << 3), items + (<usize>hi << 3), tail << 3);
    listResize(p, newSize); // shrinking cannot fail
  } else if (m > removed) {
    if (!listResize(p, newSize)) {
      if (rec != 0) free(rec, removed << 3);
      decref(seq);
      return -1;
    }
    const items = vecItems(p);
    memory.copy(items + ((<usize>lo + m) << 3), items + (<usize>hi << 3), tail << 3);
  }
  if (m != 0) {
    const src = fastItems(<usize>seq);
    const dst = vecItems(p) + (<usize>lo << 3);
    for (let i: usize = 0; i < m; i++) {
      const x = load<u64>(src + (i << 3));
      incref(x);
      store<u64>(dst + (i << 3), x);
    }
  }
  if (seq != NULL) decref(seq);
  if (rec != 0) dropBuffer(rec, removed);
  return 0;
}

/** Whether none of the n values at p is a heap object (nothing to decref). */
function noHeapObjects(p: usize, n: usize): bool {
  for (let i: usize = 0; i < n; i++) if (isObject(load<u64>(p + (i << 3)))) return false;
  return true;
}

/**
 * list[slice] = v, or del list[slice] when v is NULL. Extended slices need an iterable of exactly
 * the slice's length ("attempt to assign sequence of size X to extended slice of size Y").
 */
export function listAssignSlice(p: usize, slice: usize, v: Value): i32 {
  if (!sliceUnpack(slice)) return -1;
  let len = sliceAdjustIndices(<i64>listSize(p));
  let start = sliceStartOut;
  let stop = sliceStopOut;
  let step = sliceStepOut;
  if (step == 1) return listAssignRange(p, start, stop, v);
  if (v == NULL) return listDeleteExtended(p, start, step, len);
  const seq = v == <Value>p ? <Value>listSliceRange(p, 0, <i64>listSize(p)) : seqFast(v, "must assign iterable to extended slice");
  if (seq == NULL) return -1;
  // Building the sequence may have run code that resized the list: index against its size now.
  if (!sliceUnpack(slice)) {
    decref(seq);
    return -1;
  }
  len = sliceAdjustIndices(<i64>listSize(p));
  start = sliceStartOut;
  step = sliceStepOut;
  const m = fastSize(<usize>seq);
  if (<i64>m != len) {
    decref(seq);
    raiseBegin(EXC_ValueError);
    errText("attempt to assign sequence of size ");
    errInt(<i64>m);
    errText(" to extended slice of size ");
    errInt(len);
    return -1;
  }
  if (m == 0) {
    decref(seq);
    return 0;
  }
  const rec = alloc(m << 3);
  if (rec == 0) {
    decref(seq);
    raiseMemory();
    return -1;
  }
  const src = fastItems(<usize>seq);
  const items = vecItems(p);
  let at = start;
  for (let i: usize = 0; i < m; i++) {
    const slot = items + (<usize>at << 3);
    store<u64>(rec + (i << 3), load<u64>(slot));
    const x = load<u64>(src + (i << 3));
    incref(x);
    store<u64>(slot, x);
    at += step;
  }
  decref(seq);
  dropBuffer(rec, m);
  return 0;
}

/** del list[start::step] (step != 1, len items selected). */
function listDeleteExtended(p: usize, start: i64, step: i64, len: i64): i32 {
  if (len <= 0) return 0;
  // Walk upwards whatever the step's sign.
  if (step < 0) {
    start = start + step * (len - 1);
    step = -step;
  }
  const count = <usize>len;
  const rec = alloc(count << 3);
  if (rec == 0) {
    raiseMemory();
    return -1;
  }
  const n = listSize(p);
  const items = vecItems(p);
  let w = <usize>start; // write position
  let k: usize = 0; // removed so far
  let i = <usize>start;
  while (i < n) {
    if (k < count && i == <usize>start + k * <usize>step) {
      store<u64>(rec + (k << 3), load<u64>(items + (i << 3)));
      k++;
    } else {
      store<u64>(items + (w << 3), load<u64>(items + (i << 3)));
      w++;
    }
    i++;
  }
  listResize(p, n - count); // shrinking cannot fail
  dropBuffer(rec, count);
  return 0;
}

/** Removes every item (the block is freed); items are dropped last to first, as CPython does. */
export function listClear(p: usize): void {
  const o = changetype<VecObject>(p);
  const items = <usize>o.items;
  const n = <usize>o.size;
  const cap = <usize>o.capacity;
  o.items = 0;
  o.size = 0;
  o.capacity = 0;
  for (let i = n; i > 0; i--) decref(load<u64>(items + ((i - 1) << 3)));
  if (cap != 0) free(items, cap << 3);
}

/** Reverses the items in place. */
export function listReverse(p: usize): void {
  reverseValues(vecItems(p), listSize(p));
}

export function reverseValues(a: usize, n: usize): void {
  if (n < 2) return;
  let lo = a;
  let hi = a + ((n - 1) << 3);
  while (lo < hi) {
    const t = load<u64>(lo);
    store<u64>(lo, load<u64>(hi));
    store<u64>(hi, t);
    lo += 8;
    hi -= 8;
  }
}

// ---------------------------------------------------------------------------------------------------
// Concatenation and repetition

/** a + b (b must be a list: TypeError 'can only concatenate list (not "X") to list'). */
export function listConcat(a: usize, b: Value): Value {
  if (!isKind(b, KIND_LIST)) {
    raiseBegin(EXC_TypeError);
    errText('can only concatenate list (not "');
    errTypeName(b);
    errText('") to list');
    return NULL;
  }
  const bp = <usize>b;
  const na = listSize(a);
  const nb = listSize(bp);
  if (<u64>na + <u64>nb > MAX_LIST_SIZE) return raiseMemory();
  const r = listNew(na + nb);
  if (r == 0) return NULL;
  copyIncref(vecItems(r), vecItems(a), na);
  copyIncref(vecItems(r) + (na << 3), vecItems(bp), nb);
  return <Value>r;
}

function copyIncref(dst: usize, src: usize, n: usize): void {
  for (let i: usize = 0; i < n; i++) {
    const v = load<u64>(src + (i << 3));
    incref(v);
    store<u64>(dst + (i << 3), v);
  }
}

/** a * n (n <= 0 gives []); MemoryError when the result cannot exist. */
export function listRepeat(a: usize, n: i64): Value {
  const size = <i64>listSize(a);
  if (n <= 0 || size == 0) return <Value>listNew(0);
  if (n > <i64>MAX_LIST_SIZE || size * n > <i64>MAX_LIST_SIZE) return raiseMemory();
  const total = <usize>(size * n);
  const r = listNew(total);
  if (r == 0) return NULL;
  const src = vecItems(a);
  const dst = vecItems(r);
  const sz = <usize>size;
  for (let j: usize = 0; j < sz; j++) {
    const v = load<u64>(src + (j << 3));
    // One count update per distinct item, not per copy.
    if (isObject(v)) {
      const rc = load<u32>(<usize>v);
      if (rc < IMMORTAL_REFCNT) store<u32>(<usize>v, rc + <u32>n);
    }
    for (let k: usize = 0; k < <usize>n; k++) store<u64>(dst + ((k * sz + j) << 3), v);
  }
  return <Value>r;
}

/**
 * list.extend(v) / list += v: appends every item of any iterable (lists and tuples copied
 * directly; extending a list with itself doubles it). 0, or -1 with an exception.
 */
export function listExtend(p: usize, v: Value): i32 {
  if (isObject(v)) {
    const k = kindOf(<usize>v);
    if (k == KIND_LIST || k == KIND_TUPLE) {
      const s = <usize>v;
      const m = fastSize(s);
      if (m == 0) return 0;
      const n = listSize(p);
      if (<u64>n + <u64>m > MAX_LIST_SIZE) {
        raiseMemory();
        return -1;
      }
      if (!listResize(p, n + m)) return -1;
      // Read the source after resizing: it may be p itself.
      copyIncref(vecItems(p) + (n << 3), fastItems(s), m);
      return 0;
    }
  }
  const it = getIterFast(v);
  if (it == NULL) return -1;
  const r = appendFromIterator(p, it);
  decref(it);
  return r;
}

/** Appends what the iterator yields; 0 at exhaustion, -1 with an exception. */
function appendFromIterator(p: usize, it: Value): i32 {
  while (true) {
    gcSafePoint();
    const x = iterNextFast(it);
    if (x == NULL) return errorType() != 0 ? -1 : 0;
    if (listAppendSteal(p, x) < 0) return -1;
  }
  return 0;
}

/** a += b: extends a in place and returns it (new reference), or NULL. */
export function listInplaceConcat(a: usize, b: Value): Value {
  if (listExtend(a, b) < 0) return NULL;
  increfObject(a);
  return <Value>a;
}

/** list(v): a new list of v's items; fast for lists and tuples. */
export function listFromIterable(v: Value): usize {
  if (isObject(v)) {
    const k = kindOf(<usize>v);
    if (k == KIND_LIST || k == KIND_TUPLE) {
      const s = <usize>v;
      const m = fastSize(s);
      const r = listNew(m);
      if (r == 0) return 0;
      copyIncref(vecItems(r), fastItems(s), m);
      return r;
    }
  }
  const it = getIterFast(v);
  if (it == NULL) return 0;
  const r = listFromIterator(it);
  decref(it);
  return r;
}

/** A new list of everything an iterator yields. */
export function listFromIterator(it: Value): usize {
  const r = listNew(0);
  if (r == 0) return 0;
  if (appendFromIterator(r, it) < 0) {
    decref(<Value>r);
    return 0;
  }
  return r;
}

// ---------------------------------------------------------------------------------------------------
// Item comparisons: small ints, floats and strs answered here, the rest by the generic protocol.

// Operands the fast paths understand: small ints and bools (as ints), big ints, floats, strs, None.
const P_OTHER: i32 = 0;
const P_INT: i32 = 1;
const P_FLOAT: i32 = 2;
const P_STR: i32 = 3;
const P_NONE: i32 = 4;
const P_BIG: i32 = 5;

function primKind(v: Value): i32 {
  if (isSmallInt(v) || v == TRUE || v == FALSE) return P_INT;
  if (v == NONE) return P_NONE;
  if (isObject(v)) {
    const k = kindOf(<usize>v);
    if (k == KIND_FLOAT) return P_FLOAT;
    if (k == KIND_STR) return P_STR;
    // (an int subclass instance may hold a small value: the generic comparison handles it)
    if (k == KIND_INT) return load<u32>(<usize>v, 4) == <u32>typeObject(KIND_INT) ? P_BIG : P_OTHER;
  }
  return P_OTHER;
}

// @ts-ignore: decorator
@inline function isIntKind(k: i32): bool {
  return k == P_INT || k == P_BIG;
}

// @ts-ignore: decorator
@inline function intOf(v: Value): i64 {
  return isSmallInt(v) ? getSmallInt(v) : v == TRUE ? 1 : 0;
}

/**
 * Order of two ints (small, bool or big) as -1/0/1. Big ints are canonical (magnitude beyond
 * every small int), so a small one is always between the negative and the positive big ones.
 */
function intOrder(a: Value, ka: i32, b: Value, kb: i32): i32 {
  if (ka == P_INT && kb == P_INT) {
    const x = intOf(a);
    const y = intOf(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (ka == P_INT) return bigSign(<usize>b) > 0 ? -1 : 1;
  if (kb == P_INT) return bigSign(<usize>a) > 0 ? 1 : -1;
  const p = <usize>a;
  const q = <usize>b;
  const sa = bigSign(p);
  if (sa != bigSign(q)) return sa;
  const na = bigNDigits(p);
  const nb = bigNDigits(q);
  let mag: i32 = 0;
  if (na != nb) mag = na < nb ? -1 : 1;
  else {
    for (let i = <i32>na - 1; i >= 0; i--) {
      const x = bigDigit(p, <usize>i);
      const y = bigDigit(q, <usize>i);
      if (x != y) {
        mag = x < y ? -1 : 1;
        break;
      }
    }
  }
  return sa > 0 ? mag : -mag;
}

/** A number as f64 when that is exact (floats; small ints within 2**53); false otherwise. */
let numOut: f64 = 0;
function exactDouble(v: Value, kind: i32): bool {
  if (kind == P_FLOAT) {
    numOut = floatValue(<usize>v);
    return true;
  }
  if (kind != P_INT) return false;
  const n = intOf(v);
  if (n < -(<i64>1 << 53) || n > (<i64>1 << 53)) return false;
  numOut = <f64>n;
  return true;
}

/**
 * Three-way answer for pairs of primitive operands: 0/1 for ==, or -1 when the generic protocol
 * must decide (other kinds, ints too large for an exact comparison with a float).
 */
function primitiveEq(a: Value, b: Value): i32 {
  const ka = primKind(a);
  const kb = primKind(b);
  if (ka == P_OTHER || kb == P_OTHER) return -1;
  if (isIntKind(ka) && isIntKind(kb)) return intOrder(a, ka, b, kb) == 0 ? 1 : 0;
  if (ka == P_STR && kb == P_STR) return strEqual(<usize>a, <usize>b) ? 1 : 0;
  const na = isIntKind(ka) || ka == P_FLOAT;
  const nb = isIntKind(kb) || kb == P_FLOAT;
  if (na && nb) {
    if (!exactDouble(a, ka)) return -1;
    const x = numOut;
    if (!exactDouble(b, kb)) return -1;
    return x == numOut ? 1 : 0;
  }
  // Different primitive kinds that are not both numbers (None, str, number) are never equal;
  // None equals only itself, and identity was checked by the caller.
  return 0;
}

/** a == b as 1/0, -1 on error; identity implies equality (CPython's containers do the same). */
export function itemEq(a: Value, b: Value): i32 {
  if (a == b) return 1;
  if (isSmallInt(a) && isSmallInt(b)) return 0;
  const r = primitiveEq(a, b);
  if (r >= 0) return r;
  incref(a);
  incref(b);
  const e = objEq(a, b);
  decref(a);
  decref(b);
  return e;
}

const CMP_SYMBOLS: StaticArray<string> = ["<", "<=", "==", "!=", ">", ">="];

/**
 * For primitive pairs: a OP b as 1/0; -1 when the generic protocol must decide; -2 with TypeError
 * "'<' not supported between instances of 'int' and 'str'" for orderings of kinds that have none
 * (no builtin primitive orders against another kind except int/float/bool among themselves).
 */
function primitiveCompare(a: Value, b: Value, op: i32): i32 {
  const ka = primKind(a);
  const kb = primKind(b);
  if (isIntKind(ka) && isIntKind(kb)) return cmpResult(intOrder(a, ka, b, kb), op) ? 1 : 0;
  if (ka == P_STR && kb == P_STR) return cmpResult(strCompare(<usize>a, <usize>b), op) ? 1 : 0;
  const na = isIntKind(ka) || ka == P_FLOAT;
  const nb = isIntKind(kb) || kb == P_FLOAT;
  if (na && nb) {
    if (!exactDouble(a, ka)) return -1;
    const x = numOut;
    if (!exactDouble(b, kb)) return -1;
    const y = numOut;
    // Direct tests: with a NaN every ordering is false and != is true.
    switch (op) {
      case CMP_LT:
        return x < y ? 1 : 0;
      case CMP_LE:
        return x <= y ? 1 : 0;
      case CMP_EQ:
        return x == y ? 1 : 0;
      case CMP_NE:
        return x != y ? 1 : 0;
      case CMP_GT:
        return x > y ? 1 : 0;
    }
    return x >= y ? 1 : 0;
  }
  if (ka == P_OTHER || kb == P_OTHER) return -1;
  if (op == CMP_EQ || op == CMP_NE) {
    const e = primitiveEq(a, b);
    return e < 0 ? -1 : (e == 1) == (op == CMP_EQ) ? 1 : 0;
  }
  raiseBegin(EXC_TypeError);
  errText("'");
  errText(unchecked(CMP_SYMBOLS[op]));
  errText("' not supported between instances of '");
  errTypeName(a);
  errText("' and '");
  errTypeName(b);
  errText("'");
  return -2;
}

/** a < b as 1/0, -1 on error. */
export function itemLess(a: Value, b: Value): i32 {
  if (isSmallInt(a) && isSmallInt(b)) return getSmallInt(a) < getSmallInt(b) ? 1 : 0;
  const r = primitiveCompare(a, b, CMP_LT);
  if (r >= 0) return r;
  if (r == -2) return -1;
  incref(a);
  incref(b);
  const e = objLess(a, b);
  decref(a);
  decref(b);
  return e;
}

function cmpResult(c: i32, op: i32): bool {
  switch (op) {
    case CMP_LT:
      return c < 0;
    case CMP_LE:
      return c <= 0;
    case CMP_EQ:
      return c == 0;
    case CMP_NE:
      return c != 0;
    case CMP_GT:
      return c > 0;
  }
  return c >= 0;
}

/** a OP b (ops.ts CMP_*) as a new reference (True/False for the primitive kinds), NULL on error. */
export function itemCompare(a: Value, b: Value, op: i32): Value {
  const r = primitiveCompare(a, b, op);
  if (r >= 0) return makeBool(r != 0);
  if (r == -2) return NULL;
  incref(a);
  incref(b);
  const e = objCompare(a, b, op);
  decref(a);
  decref(b);
  return e;
}

/**
 * Rich comparison of two sequences given by (items pointer, size) re-read through `seqA`/`seqB`
 * each step (lists may change during comparisons). The shared core of list and tuple compares.
 */
export function seqCompare(a: usize, b: usize, op: i32): Value {
  if ((op == CMP_EQ || op == CMP_NE) && fastSize(a) != fastSize(b)) return makeBool(op == CMP_NE);
  let i: usize = 0;
  while (i < fastSize(a) && i < fastSize(b)) {
    const x = load<u64>(fastItems(a) + (i << 3));
    const y = load<u64>(fastItems(b) + (i << 3));
    const e = itemEq(x, y);
    if (e < 0) return NULL;
    if (e == 0) break;
    i++;
  }
  const na = fastSize(a);
  const nb = fastSize(b);
  if (i >= na || i >= nb) {
    return makeBool(cmpResult(na < nb ? -1 : na > nb ? 1 : 0, op));
  }
  if (op == CMP_EQ) return FALSE;
  if (op == CMP_NE) return TRUE;
  return itemCompare(load<u64>(fastItems(a) + (i << 3)), load<u64>(fastItems(b) + (i << 3)), op);
}

/** list OP list (both lists): a new reference, NULL on error. */
export function listCompare(a: usize, b: usize, op: i32): Value {
  return seqCompare(a, b, op);
}

/** list == list as 1/0, -1 on error. */
export function listEq(a: usize, b: usize): i32 {
  const r = seqCompare(a, b, CMP_EQ);
  if (r == NULL) return -1;
  if (r == TRUE) return 1;
  if (r == FALSE) return 0;
  decref(r);
  return -1; // unreachable for EQ through seqCompare: it only returns True/False
}

/** x in list as 1/0, -1 on error. */
export function listContains(p: usize, v: Value): i32 {
  for (let i: usize = 0; i < listSize(p); i++) {
    const r = itemEq(listItem(p, i), v);
    if (r != 0) return r;
  }
  return 0;
}

// ---------------------------------------------------------------------------------------------------
// Iterators

function seqIterAlloc(kind: u32, seq: usize, index: u32): Value {
  const it = alloc(SEQ_ITER_SIZE);
  if (it == 0) return raiseMemory();
  initHeader(it, typeObject(kind));
  increfObject(seq);
  store<u32>(it, <u32>seq, 8);
  store<u32>(it, index, 12);
  return <Value>it;
}

/** iter(list). */
export function listIterNew(p: usize): Value {
  return seqIterAlloc(KIND_LIST_ITER, p, 0);
}

/** next(list_iterator): new reference, or NULL (no exception) when exhausted. */
export function listIterNext(it: usize): Value {
  const seq = <usize>load<u32>(it, 8);
  if (seq == 0) return NULL;
  const i = <usize>load<u32>(it, 12);
  if (i < listSize(seq)) {
    store<u32>(it, <u32>(i + 1), 12);
    const v = listItem(seq, i);
    incref(v);
    return v;
  }
  store<u32>(it, 0, 8);
  decref(<Value>seq);
  return NULL;
}

/** reversed(list). */
export function listRevIterNew(p: usize): Value {
  return seqIterAlloc(KIND_LIST_REVITER, p, <u32>(<i32>listSize(p) - 1));
}

/** next(list_reverseiterator). */
export function listRevIterNext(it: usize): Value {
  const seq = <usize>load<u32>(it, 8);
  if (seq == 0) return NULL;
  const i = load<i32>(it, 12);
  if (i >= 0 && <usize>i < listSize(seq)) {
    store<i32>(it, i - 1, 12);
    const v = listItem(seq, <usize>i);
    incref(v);
    return v;
  }
  store<i32>(it, -1, 12);
  store<u32>(it, 0, 8);
  decref(<Value>seq);
  return NULL;
}

/** Drops the sequence an iterator holds (refcount.ts's dealloc case for the four seq iterators). */
export function seqIterDeallocChildren(it: usize): void {
  const seq = <usize>load<u32>(it, 8);
  if (seq != 0) decrefChild(<Value>seq);
}

/** iter(v): this file's kinds directly, others through ops.objGetIter. */
export function getIterFast(v: Value): Value {
  if (!isObject(v)) return raiseNotIterable(v); // ints, bools, None
  if (isObject(v)) {
    switch (kindOf(<usize>v)) {
      case KIND_INT:
      case KIND_FLOAT:
        return raiseNotIterable(v);
      case KIND_LIST:
        return listIterNew(<usize>v);
      case KIND_TUPLE:
        return tupleIterNew(<usize>v);
      case KIND_RANGE:
        return rangeIterNew(<usize>v);
      case KIND_LIST_ITER:
      case KIND_LIST_REVITER:
      case KIND_TUPLE_ITER:
      case KIND_RANGE_ITER:
      case KIND_SEQ_ITER:
        increfObject(<usize>v);
        return v;
    }
  }
  return objGetIter(v);
}

function raiseNotIterable(v: Value): Value {
  raiseBegin(EXC_TypeError);
  errText("'");
  errTypeName(v);
  errText("' object is not iterable");
  return NULL;
}

/** next(it) with the iterators of lists, tuples and ranges done here. */
export function iterNextFast(it: Value): Value {
  if (isObject(it)) {
    switch (kindOf(<usize>it)) {
      case KIND_LIST_ITER:
        return listIterNext(<usize>it);
      case KIND_LIST_REVITER:
        return listRevIterNext(<usize>it);
      case KIND_TUPLE_ITER:
        return tupleIterNext(<usize>it);
      case KIND_RANGE_ITER:
        return rangeIterNext(<usize>it);
      case KIND_SEQ_ITER:
        return seqIterNext(it);
    }
  }
  return objIterNext(it);
}

/**
 * iter(obj) for an object that only has __getitem__ (CPython's `iterator` type, KIND_SEQ_ITER):
 * same layout as the list iterator; obj[0], obj[1], ... until IndexError or StopIteration.
 */
export function seqGetIter(v: Value): Value {
  if (!isObject(v)) return raiseNotIterable(v);
  return seqIterAlloc(KIND_SEQ_ITER, <usize>v, 0);
}

/** next() of a KIND_SEQ_ITER: new reference, NULL without exception once the sequence ends. */
export function seqIterNext(it: Value): Value {
  const p = <usize>it;
  const seq = <usize>load<u32>(p, 8);
  if (seq == 0) return NULL;
  const i = load<u32>(p, 12);
  const v = objGetItem(<Value>seq, makeSmallInt(<i64>i));
  if (v != NULL) {
    store<u32>(p, i + 1, 12);
    return v;
  }
  if (!pendingMatches(EXC_IndexError) && !pendingMatches(EXC_StopIteration)) return NULL;
  errorClear();
  store<u32>(p, 0, 8);
  decref(<Value>seq);
  return NULL;
}
