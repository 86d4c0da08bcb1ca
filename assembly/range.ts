/**
 * range objects and their iterators.
 *
 * range (block 40):
 *
 *   offset 0   [ refcnt u32 | type u32 -> range ]
 *          8   [ start i64                      ]
 *         16   [ stop i64                       ]
 *         24   [ step i64 (never 0)             ]
 *         32   [ length u64                     ]
 *
 * range_iterator (block 32), also what reversed(range) gives (as in CPython):
 *
 *   offset 0   [ refcnt u32 | type u32 -> range_iterator ]
 *          8   [ next i64                                ]
 *         16   [ step i64                                ]
 *         24   [ remaining u64                           ]
 *
 * Bounds are i64 rather than arbitrary ints: every range whose start, stop and step fit in 64 bits
 * works exactly (lengths up to 2**64 - 1 are kept as u64, and an element start + i*step is computed
 * with wrapping u64 arithmetic, exact because the true value lies between start and stop). The gap:
 * arguments beyond 64 bits, and slices whose results leave 64 bits, raise OverflowError where
 * CPython would compute with big ints (to be lifted with assembly/int-ops.ts).
 *
 * Entry points: rangeCall (the range() builtin), rangeFromI64, rangeLen, rangeStartValue/
 * StopValue/StepValue/LengthValue, rangeItem, rangeSubscript, rangeContains, rangeEq, rangeRepr,
 * rangeIterNew, rangeIterNext, rangeReversed, registerRangeMethods.
 */
import { alloc } from "./heap";
import { initHeader } from "./object";
import { Value, NULL, NONE, isObject, isSmallInt, makeSmallInt, makeObject } from "./values";
import {
  typeObject,
  kindOf,
  KIND_RANGE,
  KIND_RANGE_ITER,
  KIND_SLICE,
  KIND_INT,
  errorClear,
  raiseMemory,
  raiseMsg,
  raiseBegin,
  errText,
  errStrObject,
  errTypeName,
  EXC_TypeError,
  EXC_ValueError,
  EXC_IndexError,
  EXC_OverflowError,
} from "./types";
import { decref } from "./refcount";
import { intFromI64, bigAlloc, BIGINT_HEADER_SIZE, DIGIT_MASK } from "./int";
import {
  isIntValue,
  asSsize,
  bigToI64,
  indexOut,
  sliceUnpack,
  sliceAdjustIndices,
  sliceStartOut,
  sliceStopOut,
  sliceStepOut,
  sliceStep,
  strFromI64,
  reprSimple,
} from "./slice";
import { itemEq } from "./list";
import { addMethod, checkArgCount, noKeywords, arg } from "./native";
import {
  rangeIsLong,
  rangeField,
  R_START,
  R_STOP,
  R_STEP,
  R_LENGTH,
  rangeCallGeneric,
  longRangeLen,
  longRangeItem,
  rangeSliceGeneric,
  rangeFindGeneric,
  rangeEqGeneric,
  longRangeRepr,
  rangeReprJoin,
  longRangeIterNew,
  longRangeReversed,
  longRangeIterNext,
  isLongRangeIter,
  longContains,
  longSearch,
  longSearchPosition,
} from "./range-long";

export const RANGE_SIZE: usize = 48; // offset 40: the long-form flag (range-long.ts)
export const RANGE_ITER_SIZE: usize = 32;
const I64_MAX: i64 = 0x7fffffffffffffff;

// @ts-ignore: decorator
@inline export function rangeStart(r: usize): i64 {
  return load<i64>(r, 8);
}
// @ts-ignore: decorator
@inline export function rangeStop(r: usize): i64 {
  return load<i64>(r, 16);
}
// @ts-ignore: decorator
@inline export function rangeStep(r: usize): i64 {
  return load<i64>(r, 24);
}
// @ts-ignore: decorator
@inline export function rangeLength(r: usize): u64 {
  return load<u64>(r, 32);
}

function lengthOf(start: i64, stop: i64, step: i64): u64 {
  if (step > 0) return start < stop ? (<u64>stop - <u64>start - 1) / <u64>step + 1 : 0;
  return start > stop ? (<u64>start - <u64>stop - 1) / (<u64>0 - <u64>step) + 1 : 0;
}

/** range(start, stop, step) from i64 bounds (step != 0). */
export function rangeFromI64(start: i64, stop: i64, step: i64): Value {
  const r = alloc(RANGE_SIZE);
  if (r == 0) return raiseMemory();
  initHeader(r, typeObject(KIND_RANGE));
  store<i64>(r, start, 8);
  store<i64>(r, stop, 16);
  store<i64>(r, step, 24);
  store<u64>(r, lengthOf(start, stop, step), 32);
  return <Value>r;
}

/** An int from a u64 (a big int above i64's range). */
export function intFromU64(m: u64): Value {
  if (m <= <u64>I64_MAX) return intFromI64(<i64>m);
  const p = bigAlloc(3, false);
  if (p == 0) return NULL;
  store<u32>(p + BIGINT_HEADER_SIZE, <u32>(m & DIGIT_MASK));
  store<u32>(p + BIGINT_HEADER_SIZE + 4, <u32>((m >> 30) & DIGIT_MASK));
  store<u32>(p + BIGINT_HEADER_SIZE + 8, <u32>(m >> 60));
  return makeObject(p);
}

/** A range() argument as i64 into indexOut (TypeError for non-ints; OverflowError beyond 64 bits). */
function rangeArg(v: Value): bool {
  return asSsize(v);
}

/** range(stop) / range(start, stop[, step]): the builtin, native calling convention. */
export function rangeCall(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("range", kwnames)) return NULL;
  if (!checkArgCount("range", nargs, 1, 3)) return NULL;
  // Anything but small ints (big ints, bools, __index__ objects) takes the int-object path.
  for (let i = 0; i < nargs; i++) if (!isSmallInt(arg(args, i))) return rangeCallGeneric(args, nargs);
  if (nargs == 1) {
    if (!rangeArg(arg(args, 0))) return NULL;
    return rangeFromI64(0, indexOut, 1);
  }
  if (!rangeArg(arg(args, 0))) return NULL;
  const start = indexOut;
  if (!rangeArg(arg(args, 1))) return NULL;
  const stop = indexOut;
  let step: i64 = 1;
  if (nargs == 3) {
    if (!rangeArg(arg(args, 2))) return NULL;
    step = indexOut;
    if (step == 0) return raiseMsg(EXC_ValueError, "range() arg 3 must not be zero");
  }
  return rangeFromI64(start, stop, step);
}

/** len(range); -1 with OverflowError when the length exceeds the C ssize_t range. */
export function rangeLen(r: usize): i64 {
  if (rangeIsLong(r)) return longRangeLen(r);
  const n = rangeLength(r);
  if (n > <u64>I64_MAX) {
    raiseMsg(EXC_OverflowError, "Python int too large to convert to C ssize_t");
    return -1;
  }
  return <i64>n;
}

export function rangeStartValue(r: usize): Value {
  return rangeField(r, R_START);
}
export function rangeStopValue(r: usize): Value {
  return rangeField(r, R_STOP);
}
export function rangeStepValue(r: usize): Value {
  return rangeField(r, R_STEP);
}
export function rangeLengthValue(r: usize): Value {
  return rangeField(r, R_LENGTH);
}

/** Element k (0 <= k < length) as i64: exact through wrapping arithmetic. */
// @ts-ignore: decorator
@inline function elementAt(r: usize, k: u64): i64 {
  return <i64>(<u64>rangeStart(r) + k * <u64>rangeStep(r));
}

/** range[i] for an i64 index (negative counts from the end). */
export function rangeItem(r: usize, i: i64): Value {
  const n = rangeLength(r);
  let k: u64;
  if (i < 0) {
    const m = <u64>0 - <u64>i;
    if (m > n) return raiseMsg(EXC_IndexError, "range object index out of range");
    k = n - m;
  } else {
    k = <u64>i;
    if (k >= n) return raiseMsg(EXC_IndexError, "range object index out of range");
  }
  return intFromI64(elementAt(r, k));
}

let boundOut: i64 = 0;

/** start + k*step for k in [-1, length] into boundOut; false (OverflowError) beyond i64. */
function boundAt(r: usize, k: i64): bool {
  const n = rangeLength(r);
  const step = rangeStep(r);
  let base: i64;
  let add: i64;
  if (k >= 0 && <u64>k < n) {
    boundOut = elementAt(r, <u64>k);
    return true;
  }
  if (k < 0) {
    // start - step
    base = rangeStart(r);
    add = -step;
    if (step == -I64_MAX - 1) return overflow();
  } else if (n == 0) {
    boundOut = rangeStart(r);
    return true;
  } else {
    // one step past the last element
    base = elementAt(r, n - 1);
    add = step;
  }
  const s = base + add;
  if (((base ^ s) & (add ^ s)) < 0) return overflow();
  boundOut = s;
  return true;
}

function overflow(): bool {
  raiseMsg(EXC_OverflowError, "Python int too large to convert to C ssize_t");
  return false;
}

/** range[slice]: another range (CPython computes the new bounds from the slice's indices). */
export function rangeSlice(r: usize, slice: usize): Value {
  if (rangeIsLong(r)) return rangeSliceGeneric(r, slice);
  const n = rangeLength(r);
  if (!sliceUnpack(slice)) return NULL;
  sliceAdjustIndices(<i64>n);
  // The step exactly as given (sliceUnpack clamps i64's minimum), or OverflowError beyond 64 bits.
  const sv = sliceStep(slice);
  let sstep = sliceStepOut;
  if (isObject(sv)) {
    if (kindOf(<usize>sv) != KIND_INT || !bigToI64(<usize>sv)) return rangeSliceGeneric(r, slice);
    sstep = indexOut;
  }
  const sstop = sliceStopOut;
  // Bounds or step beyond 64 bits: computed with int objects instead.
  if (!boundAt(r, sliceStartOut)) return sliceOverflow(r, slice);
  const start = boundOut;
  if (!boundAt(r, sstop)) return sliceOverflow(r, slice);
  const stop = boundOut;
  const step = rangeStep(r);
  const prod = sstep * step;
  // (sstep is never 0 or i64's minimum: sliceUnpack rejects the one and clamps the other.)
  if ((sstep == -1 && step == -I64_MAX - 1) || prod / sstep != step) return rangeSliceGeneric(r, slice);
  return rangeFromI64(start, stop, prod);
}

function sliceOverflow(r: usize, slice: usize): Value {
  errorClear();
  return rangeSliceGeneric(r, slice);
}

import { hasIndexSlot, getItemViaIndex } from "./index-protocol";
/** range[key] for an int or slice key. */
export function rangeSubscript(r: usize, key: Value): Value {
  if (rangeIsLong(r) && (isIntValue(key) || hasIndexSlot(key))) return longRangeItem(r, key);
  if (isIntValue(key)) {
    if (!asSsize(key)) {
      // Beyond 64 bits: out of range for every range this file can hold.
      return raiseMsg(EXC_IndexError, "range object index out of range");
    }
    return rangeItem(r, indexOut);
  }
  if (isObject(key) && kindOf(<usize>key) == KIND_SLICE) return rangeSlice(r, <usize>key);
  if (hasIndexSlot(key)) return getItemViaIndex(<Value>r, key);
  raiseBegin(EXC_TypeError);
  errText("range indices must be integers or slices, not ");
  errTypeName(key);
  return NULL;
}

let positionOut: u64 = 0;

/** Whether the int x (i64) is an element; its position into positionOut. */
function findInt(r: usize, x: i64): bool {
  const start = rangeStart(r);
  const step = rangeStep(r);
  let d: u64;
  let s: u64;
  if (step > 0) {
    if (x < start || x >= rangeStop(r)) return false;
    d = <u64>x - <u64>start;
    s = <u64>step;
  } else {
    if (x > start || x <= rangeStop(r)) return false;
    d = <u64>start - <u64>x;
    s = <u64>0 - <u64>step;
  }
  if (d % s != 0) return false;
  positionOut = d / s;
  return true;
}

/** An int value as i64 when it fits (into indexOut); ints beyond 64 bits are in no range. */
function intFits(v: Value): bool {
  if (isObject(v)) return bigToI64(<usize>v);
  asSsize(v); // small int or bool: cannot fail
  return true;
}

/**
 * Iterates the range comparing each element with x (CPython's _PySequence_IterSearch, used for
 * non-int x): mode 0 finds (position into positionOut, returns 1/0), mode 1 counts. -1 on error.
 */
function searchGeneric(r: usize, x: Value, count: bool): i64 {
  if (rangeIsLong(r)) {
    const f = longSearch(r, x, count);
    positionOut = <u64>longSearchPosition();
    return f;
  }
  const n = rangeLength(r);
  let found: i64 = 0;
  for (let k: u64 = 0; k < n; k++) {
    const e = intFromI64(elementAt(r, k));
    if (e == NULL) return -1;
    const c = itemEq(e, x);
    decref(e);
    if (c < 0) return -1;
    if (c > 0) {
      if (!count) {
        positionOut = k;
        return 1;
      }
      found++;
    }
  }
  return found;
}

/** x in range as 1/0, -1 on error (O(1) for ints). */
export function rangeContains(r: usize, x: Value): i32 {
  if (rangeIsLong(r)) return longContains(r, x);
  if (isIntValue(x)) return intFits(x) && findInt(r, indexOut) ? 1 : 0;
  return <i32>searchGeneric(r, x, false);
}

/** range == range (same sequence of elements) as 1/0. */
export function rangeEq(a: usize, b: usize): i32 {
  if (a == b) return 1;
  if (rangeIsLong(a) || rangeIsLong(b)) return rangeEqGeneric(a, b);
  const n = rangeLength(a);
  if (n != rangeLength(b)) return 0;
  if (n == 0) return 1;
  if (rangeStart(a) != rangeStart(b)) return 0;
  if (n == 1) return 1;
  return rangeStep(a) == rangeStep(b) ? 1 : 0;
}

/** repr(range): "range(0, 10)" or "range(0, 10, 2)". New str pointer or 0. */
export function rangeRepr(r: usize): usize {
  if (rangeIsLong(r)) return longRangeRepr(r);
  const a = strFromI64(rangeStart(r));
  const b = a == 0 ? 0 : strFromI64(rangeStop(r));
  const withStep = rangeStep(r) != 1;
  const c = b == 0 || !withStep ? 0 : strFromI64(rangeStep(r));
  return rangeReprJoin(a, b, c, withStep);
}

// ---------------------------------------------------------------------------------------------------
// Iterators

function iterAlloc(next: i64, step: i64, remaining: u64): Value {
  const it = alloc(RANGE_ITER_SIZE);
  if (it == 0) return raiseMemory();
  initHeader(it, typeObject(KIND_RANGE_ITER));
  store<i64>(it, next, 8);
  store<i64>(it, step, 16);
  store<u64>(it, remaining, 24);
  return <Value>it;
}

/** iter(range). */
export function rangeIterNew(r: usize): Value {
  if (rangeIsLong(r)) return longRangeIterNew(r);
  return iterAlloc(rangeStart(r), rangeStep(r), rangeLength(r));
}

/** reversed(range): counts down from the last element (the negated step wraps harmlessly). */
export function rangeReversed(r: usize): Value {
  // CPython's conditions for a plain range_iterator: -step and start - step fit a C long.
  const st = rangeStep(r);
  const a = rangeStart(r);
  if (rangeIsLong(r) || st == -I64_MAX - 1 || (st > 0 ? a < -I64_MAX - 1 + st : a > I64_MAX + st)) return longRangeReversed(r);
  const n = rangeLength(r);
  const last = n == 0 ? rangeStart(r) : elementAt(r, n - 1);
  return iterAlloc(last, <i64>(<u64>0 - <u64>rangeStep(r)), n);
}

/** next(range_iterator): new reference, or NULL (no exception) when exhausted. */
export function rangeIterNext(it: usize): Value {
  if (isLongRangeIter(it)) return longRangeIterNext(it);
  const left = load<u64>(it, 24);
  if (left == 0) return NULL;
  const v = load<i64>(it, 8);
  store<i64>(it, <i64>(<u64>v + <u64>load<i64>(it, 16)), 8);
  store<u64>(it, left - 1, 24);
  return intFromI64(v);
}

/** The iterator's remaining count (length_hint). */
export function rangeIterRemaining(it: usize): u64 {
  return load<u64>(it, 24);
}

// ---------------------------------------------------------------------------------------------------
// Methods

function rangeIndexMethod(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("range.index", kwnames)) return NULL;
  if (!checkArgCount("range.index", nargs, 1, 1)) return NULL;
  const r = <usize>self;
  const x = arg(args, 0);
  if (isIntValue(x) && rangeIsLong(r)) {
    const pos = rangeFindGeneric(r, x);
    if (pos != NONE) return pos;
  }
  if (isIntValue(x)) {
    if (!rangeIsLong(r) && intFits(x) && findInt(r, indexOut)) return intFromU64(positionOut);
    const s = reprInt(x);
    if (s == 0) return NULL;
    raiseBegin(EXC_ValueError);
    errStrObject(s);
    errText(" is not in range");
    decref(<Value>s);
    return NULL;
  }
  const f = searchGeneric(r, x, false);
  if (f < 0) return NULL;
  if (f > 0) return intFromU64(positionOut);
  return raiseMsg(EXC_ValueError, "sequence.index(x): x not in sequence");
}

/** repr of an int value: those within i64 here, bigger ones through the generic protocol. */
function reprInt(x: Value): usize {
  return reprSimple(x);
}

function rangeCountMethod(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("range.count", kwnames)) return NULL;
  if (!checkArgCount("range.count", nargs, 1, 1)) return NULL;
  const r = <usize>self;
  const x = arg(args, 0);
  if (isIntValue(x)) {
    const c = rangeContains(r, x);
    return c < 0 ? NULL : makeSmallInt(c);
  }
  const c = searchGeneric(r, x, true);
  if (c < 0) return NULL;
  return makeSmallInt(c);
}

export function registerRangeMethods(): void {
  const t = typeObject(KIND_RANGE);
  addMethod(t, "index", rangeIndexMethod);
  addMethod(t, "count", rangeCountMethod);
}
