/**
 * range objects beyond 64 bits, and the range operations that work on int objects (CPython's
 * rangeobject.c computes everything with PyLong; range.ts keeps the i64 fast form).
 *
 * A long range is range.ts's block with the flag at offset 40 set; its fields are then int Values
 * (owned references) instead of i64s:
 *
 *   offset 8 [ start Value ]  16 [ stop Value ]  24 [ step Value ]  32 [ length Value ]  40 [ 1 u32 ]
 *
 * A range is long exactly when some bound or its length does not fit an i64, as CPython's choice
 * between range_iterator and longrange_iterator (C long is 64 bits). The longrange_iterator is a
 * variant type of KIND_RANGE_ITER (type-variants.ts) with Values in range.ts's iterator block:
 *
 *   offset 8 [ next Value ]  16 [ step Value ]  24 [ remaining Value ]
 *
 * Entry points: rangeIsLong, rangeField (start/stop/step/length of either form as an int),
 * rangeFromValues, rangeCallGeneric, longRangeLen, longRangeItem, rangeSliceGeneric,
 * rangeFindGeneric, rangeEqGeneric, longRangeRepr, longRangeHash, longRangeIterNew,
 * longRangeReversed, longRangeIterNext, longIterRemaining, rangeLongDeallocChildren.
 *
 * Conventions: arguments borrowed, results new references; NULL with an exception set on error.
 */
import { alloc } from "./heap";
import { initHeader, typeOfObject } from "./object";
import { Value, NULL, NONE, TRUE, FALSE, isSmallInt, getSmallInt, makeSmallInt, isObject } from "./values";
import { typeObject, kindOf, raiseMsg, raiseBegin, raiseMemory, errText, errTypeName, KIND_RANGE, KIND_RANGE_ITER, KIND_INT, EXC_ValueError, EXC_IndexError, EXC_OverflowError, EXC_TypeError } from "./types";
import { decref, incref, decrefChild } from "./refcount";
import { intFromI64 } from "./int";
import { intAdd, intSub, intMul, intFloorDiv, intMod, intCompare, intSign, intNeg, intEq } from "./int-ops";
import { bigToI64, indexOut, sliceStart, sliceStop, sliceStep, reprSimple, ensureLiterals, LIT_RANGE_OPEN, LIT_COMMA, LIT_CLOSE, partsReset, partsAdd, partsJoin } from "./slice";
import { numberIndex } from "./index-protocol";
import { itemEq } from "./list";
import { isIntValue } from "./slice";
import { tupleAlloc, tupleSetItem } from "./tuple";
import { hashValue } from "./hash";
import { arg } from "./native";
import { RANGE_SIZE, RANGE_ITER_SIZE, rangeFromI64, intFromU64 } from "./range";
import { variantType, VARIANT_LONGRANGE_ITER } from "./type-variants";

export const R_START: usize = 8;
export const R_STOP: usize = 16;
export const R_STEP: usize = 24;
export const R_LENGTH: usize = 32;
const R_LONG: usize = 40;

// @ts-ignore: decorator
@inline export function rangeIsLong(r: usize): bool {
  return load<u32>(r, R_LONG) != 0;
}

/** Field `off` (R_START/STOP/STEP/LENGTH) of either form as an int (new reference). */
export function rangeField(r: usize, off: usize): Value {
  if (rangeIsLong(r)) {
    const v = load<u64>(r + off);
    incref(v);
    return v;
  }
  if (off == R_LENGTH) return intFromU64(load<u64>(r + off));
  return intFromI64(load<i64>(r + off));
}

/** Whether an int fits an i64 (the value into fitOut). */
let fitOut: i64 = 0;
function fitsI64(v: Value): bool {
  if (isSmallInt(v)) {
    fitOut = getSmallInt(v);
    return true;
  }
  if (!bigToI64(<usize>v)) return false;
  fitOut = indexOut;
  return true;
}

/** Decrefs up to four values (0 skipped). */
function drop4(a: Value, b: Value, c: Value, d: Value): void {
  if (a != NULL) decrefChild(a);
  if (b != NULL) decrefChild(b);
  if (c != NULL) decrefChild(c);
  if (d != NULL) decrefChild(d);
}

/** The number of elements of range(start, stop, step) (step != 0) as an int. */
function lengthValue(start: Value, stop: Value, step: Value): Value {
  const up = intSign(step) > 0;
  const lo = up ? start : stop;
  const hi = up ? stop : start;
  if (intCompare(lo, hi) >= 0) return makeSmallInt(0);
  // (hi - lo - 1) // |step| + 1
  const diff = intSub(hi, lo);
  if (diff == NULL) return NULL;
  const d1 = intSub(diff, makeSmallInt(1));
  decref(diff);
  if (d1 == NULL) return NULL;
  const st = up ? step : intNeg(step);
  if (st == NULL) {
    decref(d1);
    return NULL;
  }
  const q = intFloorDiv(d1, st);
  decref(d1);
  if (!up) decref(st);
  if (q == NULL) return NULL;
  const n = intAdd(q, makeSmallInt(1));
  decref(q);
  return n;
}

/** range(start, stop, step) from ints (borrowed; step != 0): the i64 form when everything fits. */
export function rangeFromValues(start: Value, stop: Value, step: Value): Value {
  const len = lengthValue(start, stop, step);
  if (len == NULL) return NULL;
  if (fitsI64(start)) {
    const a = fitOut;
    if (fitsI64(stop)) {
      const b = fitOut;
      if (fitsI64(step)) {
        const c = fitOut;
        if (fitsI64(len)) {
          decref(len);
          return rangeFromI64(a, b, c);
        }
      }
    }
  }
  const r = alloc(RANGE_SIZE);
  if (r == 0) {
    decref(len);
    return raiseMemory();
  }
  initHeader(r, typeObject(KIND_RANGE));
  incref(start);
  incref(stop);
  incref(step);
  store<u64>(r, start, R_START);
  store<u64>(r, stop, R_STOP);
  store<u64>(r, step, R_STEP);
  store<u64>(r, len, R_LENGTH);
  store<u32>(r, 1, R_LONG);
  return <Value>r;
}

/** range(...) when some argument is not a small int: each through __index__, any size. */
export function rangeCallGeneric(args: usize, nargs: i32): Value {
  const a = numberIndex(arg(args, 0));
  if (a == NULL) return NULL;
  if (nargs == 1) {
    const r = rangeFromValues(makeSmallInt(0), a, makeSmallInt(1));
    decref(a);
    return r;
  }
  const b = numberIndex(arg(args, 1));
  if (b == NULL) {
    decref(a);
    return NULL;
  }
  let c: Value = makeSmallInt(1);
  if (nargs == 3) {
    c = numberIndex(arg(args, 2));
    if (c == NULL) {
      drop4(a, b, NULL, NULL);
      return NULL;
    }
    if (intSign(c) == 0) {
      drop4(a, b, c, NULL);
      return raiseMsg(EXC_ValueError, "range() arg 3 must not be zero");
    }
  }
  const r = rangeFromValues(a, b, c);
  drop4(a, b, c, NULL);
  return r;
}

/** len() of a long range: OverflowError when the length leaves the C ssize_t range. */
export function longRangeLen(r: usize): i64 {
  if (fitsI64(load<u64>(r, R_LENGTH))) return fitOut;
  raiseMsg(EXC_OverflowError, "Python int too large to convert to C ssize_t");
  return -1;
}

/** Whether a range of either form has elements. */
export function rangeNonEmpty(r: usize): bool {
  if (rangeIsLong(r)) return load<u64>(r, R_LENGTH) != makeSmallInt(0);
  return load<u64>(r, R_LENGTH) != 0;
}

/** start + k*step for an int k (borrowed), either form. */
function elementValue(r: usize, k: Value): Value {
  const step = rangeField(r, R_STEP);
  if (step == NULL) return NULL;
  const m = intMul(k, step);
  decref(step);
  if (m == NULL) return NULL;
  const start = rangeField(r, R_START);
  if (start == NULL) {
    decref(m);
    return NULL;
  }
  const e = intAdd(start, m);
  decref(start);
  decref(m);
  return e;
}

/** r[key] for an int key of any size on a long range (negative counts from the end). */
export function longRangeItem(r: usize, key: Value): Value {
  const len = load<u64>(r, R_LENGTH);
  let k = numberIndex(key);
  if (k == NULL) return NULL;
  if (intSign(k) < 0) {
    const k2 = intAdd(k, len);
    decref(k);
    if (k2 == NULL) return NULL;
    k = k2;
  }
  if (intSign(k) < 0 || intCompare(k, len) >= 0) {
    decref(k);
    return raiseMsg(EXC_IndexError, "range object index out of range");
  }
  const e = elementValue(r, k);
  decref(k);
  return e;
}

// ---------------------------------------------------------------------------------------------------
// Slicing (_PySlice_GetLongIndices, then the bounds mapped through the range)

/** A slice field as an int clamped to [lower, upper] after adding length to negatives; `def` for None. */
function sliceBound(v: Value, def: Value, length: Value, lower: Value, upper: Value): Value {
  if (v == NONE) {
    incref(def);
    return def;
  }
  let x = numberIndexForSlice(v);
  if (x == NULL) return NULL;
  if (intSign(x) < 0) {
    const y = intAdd(x, length);
    decref(x);
    if (y == NULL) return NULL;
    x = y;
    if (intCompare(x, lower) < 0) {
      decref(x);
      incref(lower);
      return lower;
    }
  } else if (intCompare(x, upper) > 0) {
    decref(x);
    incref(upper);
    return upper;
  }
  return x;
}

/** A slice index through __index__, with the slice's TypeError message. */
function numberIndexForSlice(v: Value): Value {
  if (isSmallInt(v) || (isObject(v) && kindOf(<usize>v) == KIND_INT)) {
    incref(v);
    return v;
  }
  const x = numberIndex(v);
  if (x == NULL && isTypeError()) {
    raiseMsg(EXC_TypeError, "slice indices must be integers or None or have an __index__ method");
  }
  return x;
}

import { errorType } from "./types";
function isTypeError(): bool {
  return errorType() == EXC_TypeError;
}

/** Results of sliceLongIndices (new references, owned by the caller after a true return). */
export let sliceGStart: Value = 0;
export let sliceGStop: Value = 0;
export let sliceGStep: Value = 0;

/**
 * _PySlice_GetLongIndices: the slice's (start, stop, step) for a sequence of `length` items (an int
 * >= 0, borrowed), computed with ints of any size, into sliceGStart/Stop/Step. false on error.
 */
export function sliceLongIndices(slice: usize, length: Value): bool {
  let step: Value = makeSmallInt(1);
  const sv = sliceStep(slice);
  if (sv != NONE) {
    step = numberIndexForSlice(sv);
    if (step == NULL) return false;
    if (intSign(step) == 0) {
      decref(step);
      raiseMsg(EXC_ValueError, "slice step cannot be zero");
      return false;
    }
  }
  const back = intSign(step) < 0;
  const lower = back ? makeSmallInt(-1) : makeSmallInt(0);
  const upper = back ? intSub(length, makeSmallInt(1)) : length;
  if (upper == NULL) {
    decref(step);
    return false;
  }
  if (!back) incref(upper);
  const start = sliceBound(sliceStart(slice), back ? upper : lower, length, lower, upper);
  const stop = start == NULL ? NULL : sliceBound(sliceStop(slice), back ? lower : upper, length, lower, upper);
  decref(upper);
  if (stop == NULL) {
    drop4(step, start, NULL, NULL);
    return false;
  }
  sliceGStart = start;
  sliceGStop = stop;
  sliceGStep = step;
  return true;
}

/** range[slice] computed with ints: works for both forms and any sizes. */
export function rangeSliceGeneric(r: usize, slice: usize): Value {
  const length = rangeField(r, R_LENGTH);
  if (length == NULL) return NULL;
  const ok = sliceLongIndices(slice, length);
  decref(length);
  if (!ok) return NULL;
  const start = sliceGStart;
  const stop = sliceGStop;
  const step = sliceGStep;
  // New bounds: the elements at the slice's start and stop; the steps multiply.
  const nstart = elementValue(r, start);
  const nstop = nstart == NULL ? NULL : elementValue(r, stop);
  const rstep = nstop == NULL ? NULL : rangeField(r, R_STEP);
  const nstep = rstep == NULL ? NULL : intMul(step, rstep);
  drop4(start, stop, step, rstep);
  let res: Value = NULL;
  if (nstep != NULL) res = rangeFromValues(nstart, nstop, nstep);
  drop4(nstart, nstop, nstep, NULL);
  return res;
}

// ---------------------------------------------------------------------------------------------------
// Membership, equality, repr, hash

/**
 * The position of the int x in the range as an int (new reference), NONE (not a reference) when
 * x is not an element, NULL on error.
 */
export function rangeFindGeneric(r: usize, x: Value): Value {
  if (x == TRUE || x == FALSE) x = makeSmallInt(x == TRUE ? 1 : 0);
  const start = rangeField(r, R_START);
  const stop = rangeField(r, R_STOP);
  const step = rangeField(r, R_STEP);
  if (start == NULL || stop == NULL || step == NULL) {
    drop4(start, stop, step, NULL);
    return NULL;
  }
  let inside: bool;
  if (intSign(step) > 0) inside = intCompare(start, x) <= 0 && intCompare(x, stop) < 0;
  else inside = intCompare(stop, x) < 0 && intCompare(x, start) <= 0;
  let res: Value = NONE;
  if (inside) {
    const d = intSub(x, start);
    const m = d == NULL ? NULL : intMod(d, step);
    if (m == NULL) res = NULL;
    else if (m != makeSmallInt(0)) res = NONE;
    else res = intFloorDiv(d, step);
    if (d != NULL) decref(d);
    if (m != NULL) decref(m);
  }
  drop4(start, stop, step, NULL);
  return res;
}

/** range == range for any forms: same length, and same start (and step) where they matter. */
export function rangeEqGeneric(a: usize, b: usize): i32 {
  const la = rangeField(a, R_LENGTH);
  const lb = rangeField(b, R_LENGTH);
  let r: i32 = -1;
  if (la != NULL && lb != NULL) {
    if (!intEq(la, lb)) r = 0;
    else if (la == makeSmallInt(0)) r = 1;
    else r = fieldsEqual(a, b, R_START) && (la == makeSmallInt(1) || fieldsEqual(a, b, R_STEP)) ? 1 : 0;
  }
  drop4(la, lb, NULL, NULL);
  return r;
}

function fieldsEqual(a: usize, b: usize, off: usize): bool {
  const x = rangeField(a, off);
  const y = rangeField(b, off);
  const eq = x != NULL && y != NULL && intEq(x, y);
  drop4(x, y, NULL, NULL);
  return eq;
}

/** repr of a long range: "range(start, stop)" or "range(start, stop, step)". */
export function longRangeRepr(r: usize): usize {
  const a = reprSimple(load<u64>(r, R_START));
  const b = a == 0 ? 0 : reprSimple(load<u64>(r, R_STOP));
  const withStep = load<u64>(r, R_STEP) != makeSmallInt(1);
  const c = b == 0 || !withStep ? 0 : reprSimple(load<u64>(r, R_STEP));
  return rangeReprJoin(a, b, c, withStep);
}

/**
 * "range(a, b)" or "range(a, b, c)" from the reprs of start, stop and step (new references, taken
 * over; 0 where making one failed, the later ones then 0 too; c is 0 without withStep).
 */
export function rangeReprJoin(a: usize, b: usize, c: usize, withStep: bool): usize {
  ensureLiterals();
  if (b == 0 || (withStep && c == 0)) {
    drop4(<Value>a, <Value>b, NULL, NULL);
    return 0;
  }
  partsReset();
  partsAdd(LIT_RANGE_OPEN);
  partsAdd(a);
  partsAdd(LIT_COMMA);
  partsAdd(b);
  if (withStep) {
    partsAdd(LIT_COMMA);
    partsAdd(c);
  }
  partsAdd(LIT_CLOSE);
  const s = partsJoin();
  drop4(<Value>a, <Value>b, <Value>c, NULL);
  return s;
}

/** hash(range): CPython hashes (len, start, step) with None for what the length makes irrelevant. */
export function longRangeHash(r: usize): i64 {
  const t = tupleAlloc(3);
  if (t == 0) return -1;
  const len = rangeField(r, R_LENGTH);
  if (len == NULL) {
    decref(<Value>t);
    return -1;
  }
  tupleSetItem(t, 0, len);
  const empty = len == makeSmallInt(0);
  tupleSetItem(t, 1, empty ? NONE : rangeField(r, R_START));
  tupleSetItem(t, 2, empty || len == makeSmallInt(1) ? NONE : rangeField(r, R_STEP));
  const h = hashValue(<Value>t);
  decref(<Value>t);
  return h;
}

/** x in a long range: O(1) for ints, a walk comparing elements otherwise. 1/0, -1 on error. */
export function longContains(r: usize, x: Value): i32 {
  if (isIntValue(x)) {
    const pos = rangeFindGeneric(r, x);
    if (pos == NULL) return -1;
    if (pos == NONE) return 0;
    decref(pos);
    return 1;
  }
  return <i32>longSearch(r, x, false);
}

let searchPosition: i64 = 0;

/** Position of the last match of longSearch (find mode). */
export function longSearchPosition(): i64 {
  return searchPosition;
}

/**
 * Walks a long range comparing each element with x (_PySequence_IterSearch): find mode returns
 * 1/0 (position in longSearchPosition), count mode the count. -1 on error.
 */
export function longSearch(r: usize, x: Value, count: bool): i64 {
  const it = longRangeIterNew(r);
  if (it == NULL) return -1;
  let found: i64 = 0;
  let k: i64 = 0;
  while (true) {
    const e = longRangeIterNext(<usize>it);
    if (e == NULL) break;
    const c = itemEq(e, x);
    decref(e);
    if (c < 0) {
      found = -1;
      break;
    }
    if (c > 0) {
      if (!count) {
        searchPosition = k;
        found = 1;
        break;
      }
      found++;
    }
    k++;
  }
  decref(it);
  return errorType() != 0 ? -1 : found;
}

// ---------------------------------------------------------------------------------------------------
// longrange_iterator

// @ts-ignore: decorator
@inline export function isLongRangeIter(it: usize): bool {
  return typeOfObject(it) != typeObject(KIND_RANGE_ITER);
}

/** A longrange_iterator from next, step and count (references taken over; NULL ones mean an error). */
function longIterAlloc(next: Value, step: Value, remaining: Value): Value {
  if (next == NULL || step == NULL || remaining == NULL) {
    drop4(next, step, remaining, NULL);
    return NULL;
  }
  const it = alloc(RANGE_ITER_SIZE);
  if (it == 0) {
    drop4(next, step, remaining, NULL);
    return raiseMemory();
  }
  initHeader(it, variantType(VARIANT_LONGRANGE_ITER));
  store<u64>(it, next, 8);
  store<u64>(it, step, 16);
  store<u64>(it, remaining, 24);
  return <Value>it;
}

/** iter(range) for a range that needs a longrange_iterator. */
export function longRangeIterNew(r: usize): Value {
  return longIterAlloc(rangeField(r, R_START), rangeField(r, R_STEP), rangeField(r, R_LENGTH));
}

/** reversed(range) as a longrange_iterator: from the last element down by -step. */
export function longRangeReversed(r: usize): Value {
  const len = rangeField(r, R_LENGTH);
  if (len == NULL) return NULL;
  let last: Value;
  if (len == makeSmallInt(0)) last = rangeField(r, R_START);
  else {
    const k = intSub(len, makeSmallInt(1));
    last = k == NULL ? NULL : elementValue(r, k);
    if (k != NULL) decref(k);
  }
  const step = rangeField(r, R_STEP);
  const neg = step == NULL ? NULL : intNeg(step);
  if (step != NULL) decref(step);
  return longIterAlloc(last, neg, len);
}

/** next(longrange_iterator): new reference, or NULL (no exception) when exhausted. */
export function longRangeIterNext(it: usize): Value {
  const left = load<u64>(it, 24);
  if (left == makeSmallInt(0)) return NULL;
  const v = load<u64>(it, 8);
  const next = intAdd(v, load<u64>(it, 16));
  if (next == NULL) return NULL;
  const rest = intSub(left, makeSmallInt(1));
  if (rest == NULL) {
    decref(next);
    return NULL;
  }
  decref(left);
  store<u64>(it, next, 8);
  store<u64>(it, rest, 24);
  return v; // the reference the iterator held
}

/** The remaining count of a longrange_iterator (new reference). */
export function longIterRemaining(it: usize): Value {
  const v = load<u64>(it, 24);
  incref(v);
  return v;
}

/** Drops the ints a long range or longrange_iterator holds (refcount.ts's dealloc case). */
export function rangeLongDeallocChildren(p: usize): void {
  if (kindOf(p) == KIND_RANGE) {
    if (!rangeIsLong(p)) return;
    drop4(load<u64>(p, R_START), load<u64>(p, R_STOP), load<u64>(p, R_STEP), load<u64>(p, R_LENGTH));
    return;
  }
  if (isLongRangeIter(p)) drop4(load<u64>(p, 8), load<u64>(p, 16), load<u64>(p, 24), NULL);
}
