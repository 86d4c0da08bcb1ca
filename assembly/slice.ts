/**
 * slice objects, and the integer-index conversions every sequence type shares (CPython's
 * PySlice_Unpack / PySlice_AdjustIndices / _PyEval_SliceIndex / PyNumber_AsSsize_t), plus two small
 * text helpers (repr of ints/None without the generic protocol, concatenation of str objects) that
 * slice and range reprs use.
 *
 * slice (block 32):
 *
 *   offset 0   [ refcnt u32 | type u32 -> slice ]
 *          8   [ start Value                    ]
 *         16   [ stop Value                     ]
 *         24   [ step Value                     ]
 *
 * The three fields are owned references (None when omitted), any object (slice('a') is legal;
 * only using it as an index checks them).
 *
 * Conversions set the static out slot `indexOut` and return true, or raise and return false:
 * an i64 cannot carry an error marker. Accepted "ints" are small ints, big ints and bools (bool is
 * an int subclass); objects with __index__ are not handled yet (they raise the TypeError).
 *
 * Entry points: sliceNew, sliceCall (the slice() builtin), sliceStart/Stop/Step, sliceUnpack +
 * sliceAdjustIndices (results in sliceStartOut/sliceStopOut/sliceStepOut), sliceIndicesFor,
 * sliceRepr, registerSliceMethods (slice.indices); isIntValue, intClampI64, bigToI64,
 * asSsize, indexArgNotNone, subscriptIndex; strFromI64, reprSimple.
 */
import { alloc } from "./heap";
import { initHeader } from "./object";
import { Value, NULL, NONE, TRUE, FALSE, isSmallInt, getSmallInt, isObject, makeSmallInt } from "./values";
import {
  typeObject,
  kindOf,
  KIND_SLICE,
  KIND_INT,
  KIND_STR,
  raiseMemory,
  raiseMsg,
  raiseBegin,
  errText,
  errTypeName,
  EXC_TypeError,
  EXC_ValueError,
  EXC_OverflowError,
  EXC_IndexError,
} from "./types";
import { incref, decref, decrefChild } from "./refcount";
import { bigNDigits, bigSign, bigDigit, intFromI64 } from "./int";
import { StrObject, strAlloc, strLength, strKind, strData, strInitStatic, strStaticSize } from "./str";
import { tupleAlloc, tupleSetItem } from "./tuple";
import { objRepr } from "./ops";
import { addMethod, checkArgCount, noKeywords, arg } from "./native";

export const SLICE_SIZE: usize = 32;
const I64_MAX: i64 = 0x7fffffffffffffff;
const I64_MIN: i64 = -0x7fffffffffffffff - 1;

// ---------------------------------------------------------------------------------------------------
// Integer conversions

/** The out slot of the conversions below. */
export let indexOut: i64 = 0;

/** Whether v is an int for indexing purposes: small int, big int, or bool. */
export function isIntValue(v: Value): bool {
  if (isSmallInt(v)) return true;
  if (v == TRUE || v == FALSE) return true;
  return isObject(v) && kindOf(<usize>v) == KIND_INT;
}

/**
 * Exact i64 value of big int p into indexOut when it fits (true), else false (no exception).
 * Big ints have magnitude >= 2**62, so at most three 30-bit digits can fit.
 */
export function bigToI64(p: usize): bool {
  const nd = bigNDigits(p);
  if (nd > 3) return false;
  let m: u64 = nd > 0 ? <u64>bigDigit(p, 0) : 0; // (an int subclass instance can be a zero)
  if (nd > 1) m |= <u64>bigDigit(p, 1) << 30;
  if (nd > 2) {
    const top = bigDigit(p, 2);
    if (top > 8) return false;
    m |= <u64>top << 60;
  }
  if (bigSign(p) < 0) {
    if (m > (<u64>1 << 63)) return false;
    indexOut = <i64>(<u64>0 - m);
  } else {
    if (m > <u64>I64_MAX) return false;
    indexOut = <i64>m;
  }
  return true;
}

/** An int value (isIntValue) as i64, clamped to the i64 range (what slice indices do). */
export function intClampI64(v: Value): i64 {
  if (isSmallInt(v)) return getSmallInt(v);
  if (v == TRUE) return 1;
  if (v == FALSE) return 0;
  const p = <usize>v;
  if (bigToI64(p)) return indexOut;
  return bigSign(p) < 0 ? I64_MIN : I64_MAX;
}

function raiseNotInteger(v: Value): void {
  raiseBegin(EXC_TypeError);
  errText("'");
  errTypeName(v);
  errText("' object cannot be interpreted as an integer");
}

/**
 * PyNumber_AsSsize_t(v, OverflowError) of PyNumber_Index(v): exact i64 into indexOut; TypeError
 * "'X' object cannot be interpreted as an integer", OverflowError for ints beyond i64.
 */
export function asSsize(v: Value): bool {
  if (isSmallInt(v)) {
    indexOut = getSmallInt(v);
    return true;
  }
  if (!isIntValue(v)) {
    if (!hasIndexSlot(v)) {
      raiseNotInteger(v);
      return false;
    }
    const x = numberIndex(v);
    if (x == NULL) return false;
    const ok = asSsize(x);
    decref(x);
    return ok;
  }
  if (v == TRUE || v == FALSE) {
    indexOut = v == TRUE ? 1 : 0;
    return true;
  }
  if (bigToI64(<usize>v)) return true;
  raiseMsg(EXC_OverflowError, "Python int too large to convert to C ssize_t");
  return false;
}

/**
 * A subscript index (list[i], tuple[i]) for an int value: exact i64 into indexOut, or IndexError
 * "cannot fit 'int' into an index-sized integer". The caller has checked isIntValue.
 */
export function subscriptIndex(v: Value): bool {
  if (isSmallInt(v)) {
    indexOut = getSmallInt(v);
    return true;
  }
  if (v == TRUE || v == FALSE) {
    indexOut = v == TRUE ? 1 : 0;
    return true;
  }
  if (bigToI64(<usize>v)) return true;
  raiseMsg(EXC_IndexError, "cannot fit 'int' into an index-sized integer");
  return false;
}

import { hasIndexSlot, numberIndex } from "./index-protocol";
/** An object with __index__ as a clamped i64 (PyNumber_AsSsize_t(v, NULL)) into indexOut. */
function clampViaIndex(v: Value): bool {
  const x = numberIndex(v);
  if (x == NULL) return false;
  indexOut = intClampI64(x);
  decref(x);
  return true;
}

/** _PyEval_SliceIndexNotNone (list.index/tuple.index start and stop): clamped i64 into indexOut. */
export function indexArgNotNone(v: Value): bool {
  if (!isIntValue(v)) {
    if (hasIndexSlot(v)) return clampViaIndex(v);
    raiseMsg(EXC_TypeError, "slice indices must be integers or have an __index__ method");
    return false;
  }
  indexOut = intClampI64(v);
  return true;
}

/** _PyEval_SliceIndex for a non-None slice field: clamped i64 into indexOut. */
// @ts-ignore: decorator
@inline function sliceIndex(v: Value): bool {
  // small ints inline: slicing with them is the common case (fannkuch spent ~6% in these calls)
  if (isSmallInt(v)) {
    indexOut = getSmallInt(v);
    return true;
  }
  return sliceIndexSlow(v);
}
function sliceIndexSlow(v: Value): bool {
  if (!isIntValue(v)) {
    if (hasIndexSlot(v)) return clampViaIndex(v);
    raiseMsg(EXC_TypeError, "slice indices must be integers or None or have an __index__ method");
    return false;
  }
  indexOut = intClampI64(v);
  return true;
}

// ---------------------------------------------------------------------------------------------------
// slice objects

// @ts-ignore: decorator
@inline export function sliceStart(p: usize): Value {
  return load<u64>(p, 8);
}
// @ts-ignore: decorator
@inline export function sliceStop(p: usize): Value {
  return load<u64>(p, 16);
}
// @ts-ignore: decorator
@inline export function sliceStep(p: usize): Value {
  return load<u64>(p, 24);
}

/** A new slice(start, stop, step); arguments borrowed (NULL counts as None). */
export function sliceNew(start: Value, stop: Value, step: Value): Value {
  const p = alloc(SLICE_SIZE);
  if (p == 0) return raiseMemory();
  initHeader(p, typeObject(KIND_SLICE));
  if (start == NULL) start = NONE;
  if (stop == NULL) stop = NONE;
  if (step == NULL) step = NONE;
  incref(start);
  incref(stop);
  incref(step);
  store<u64>(p, start, 8);
  store<u64>(p, stop, 16);
  store<u64>(p, step, 24);
  return <Value>p;
}

/** Drops the three fields (refcount.ts's dealloc case). */
export function sliceDeallocChildren(p: usize): void {
  decrefChild(sliceStart(p));
  decrefChild(sliceStop(p));
  decrefChild(sliceStep(p));
}

/** slice(stop) / slice(start, stop[, step]): the builtin, native calling convention. */
export function sliceCall(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("slice", kwnames)) return NULL;
  if (!checkArgCount("slice", nargs, 1, 3)) return NULL;
  if (nargs == 1) return sliceNew(NONE, arg(args, 0), NONE);
  return sliceNew(arg(args, 0), arg(args, 1), nargs == 3 ? arg(args, 2) : NONE);
}

export let sliceStartOut: i64 = 0;
export let sliceStopOut: i64 = 0;
export let sliceStepOut: i64 = 1;

/**
 * PySlice_Unpack: the fields as i64 into sliceStartOut/StopOut/StepOut (step first, as CPython
 * evaluates them); None start/stop become the extreme for the step's direction; false with
 * TypeError / ValueError "slice step cannot be zero".
 */
export function sliceUnpack(p: usize): bool {
  let step: i64 = 1;
  const sv = sliceStep(p);
  if (sv != NONE) {
    if (!sliceIndex(sv)) return false;
    step = indexOut;
    if (step == 0) {
      raiseMsg(EXC_ValueError, "slice step cannot be zero");
      return false;
    }
    // -step must not overflow (CPython clamps the same way).
    if (step < -I64_MAX) step = -I64_MAX;
  }
  const a = sliceStart(p);
  let start: i64;
  if (a == NONE) start = step < 0 ? I64_MAX : 0;
  else {
    if (!sliceIndex(a)) return false;
    start = indexOut;
  }
  const b = sliceStop(p);
  let stop: i64;
  if (b == NONE) stop = step < 0 ? I64_MIN : I64_MAX;
  else {
    if (!sliceIndex(b)) return false;
    stop = indexOut;
  }
  sliceStartOut = start;
  sliceStopOut = stop;
  sliceStepOut = step;
  return true;
}

/**
 * PySlice_AdjustIndices: clips sliceStartOut/StopOut to a sequence of `length` (>= 0) and returns
 * the number of items the slice selects.
 */
// @ts-ignore: decorator
@inline export function sliceAdjustIndices(length: i64): i64 {
  const step = sliceStepOut;
  const start = sliceClip(sliceStartOut, length, step);
  const stop = sliceClip(sliceStopOut, length, step);
  sliceStartOut = start;
  sliceStopOut = stop;
  return sliceCount(start, stop, step);
}

/** A start or stop index clipped to a sequence of `length` as PySlice_AdjustIndices does. */
// @ts-ignore: decorator
@inline export function sliceClip(i: i64, length: i64, step: i64): i64 {
  if (i < 0) {
    i += length;
    if (i < 0) i = step < 0 ? -1 : 0;
  } else if (i >= length) {
    i = step < 0 ? length - 1 : length;
  }
  return i;
}

/** The number of items start:stop:step selects, for clipped bounds (their differences fit: both lie in [-1, length]). */
// @ts-ignore: decorator
@inline export function sliceCount(start: i64, stop: i64, step: i64): i64 {
  if (step < 0) return stop < start ? (start - stop - 1) / -step + 1 : 0;
  return start < stop ? (stop - start - 1) / step + 1 : 0;
}

/** sliceUnpack then sliceAdjustIndices: the slice length, or -1 with an exception. */
export function sliceIndicesFor(p: usize, length: i64): i64 {
  if (!sliceUnpack(p)) return -1;
  return sliceAdjustIndices(length);
}

import { sliceLongIndices, sliceGStart, sliceGStop, sliceGStep } from "./range-long";
import { intSign } from "./int-ops";
/** slice.indices(length): (start, stop, step) for a sequence of that length, any sizes. */
function sliceIndicesMethod(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("slice.indices", kwnames)) return NULL;
  if (!checkArgCount("slice.indices", nargs, 1, 1)) return NULL;
  const length = numberIndex(arg(args, 0));
  if (length == NULL) return NULL;
  if (intSign(length) < 0) {
    decref(length);
    return raiseMsg(EXC_ValueError, "length should not be negative");
  }
  // Computed with ints of any size, as CPython's _PySlice_GetLongIndices.
  const ok = sliceLongIndices(<usize>self, length);
  decref(length);
  if (!ok) return NULL;
  const t = tupleAlloc(3);
  if (t == 0) {
    decref(sliceGStart);
    decref(sliceGStop);
    decref(sliceGStep);
    return NULL;
  }
  tupleSetItem(t, 0, sliceGStart);
  tupleSetItem(t, 1, sliceGStop);
  tupleSetItem(t, 2, sliceGStep);
  return <Value>t;
}

/** repr(slice): "slice(1, None, 2)". New str pointer or 0. */
export function sliceRepr(p: usize): usize {
  ensureLiterals();
  const a = reprSimple(sliceStart(p));
  if (a == 0) return 0;
  const b = reprSimple(sliceStop(p));
  if (b == 0) {
    decref(<Value>a);
    return 0;
  }
  const c = reprSimple(sliceStep(p));
  if (c == 0) {
    decref(<Value>a);
    decref(<Value>b);
    return 0;
  }
  partsReset();
  partsAdd(LIT_SLICE_OPEN);
  partsAdd(a);
  partsAdd(LIT_COMMA);
  partsAdd(b);
  partsAdd(LIT_COMMA);
  partsAdd(c);
  partsAdd(LIT_CLOSE);
  const r = partsJoin();
  decref(<Value>a);
  decref(<Value>b);
  decref(<Value>c);
  return r;
}

/** slice op slice: as the tuples (start, stop, step) compare (the same object: equal). */
export function sliceRichCompare(a: usize, b: usize, op: i32): Value {
  if (a == b) return op == 2 || op == 1 || op == 5 ? TRUE : FALSE; // ==, <=, >=
  const ta = tupleAlloc(3);
  const tb = tupleAlloc(3);
  if (ta == 0 || tb == 0) {
    if (ta != 0) decref(<Value>ta);
    if (tb != 0) decref(<Value>tb);
    return NULL;
  }
  for (let i = 0; i < 3; i++) {
    const x = load<u64>(a + 8 + (<usize>i << 3));
    const y = load<u64>(b + 8 + (<usize>i << 3));
    incref(x);
    incref(y);
    tupleSetItem(ta, i, x);
    tupleSetItem(tb, i, y);
  }
  const r = tupleCompare(ta, tb, op);
  decref(<Value>ta);
  decref(<Value>tb);
  return r;
}
import { tupleCompare } from "./tuple-methods";

export function registerSliceMethods(): void {
  addMethod(typeObject(KIND_SLICE), "indices", sliceIndicesMethod);
}

// ---------------------------------------------------------------------------------------------------
// Text helpers: ASCII str objects for small ints and the immediates, and joining str objects.

const LIT_ARENA_SIZE: usize = 512;
const LIT_ARENA: usize = memory.data(<i32>LIT_ARENA_SIZE, 8);
let litTop: usize = 0;

/** An immortal str for an ASCII literal (start-up only). */
export function staticStr(s: string): usize {
  const p = LIT_ARENA + litTop;
  litTop += strStaticSize(s);
  if (litTop > LIT_ARENA_SIZE) unreachable(); // a static table: fails the first run, never later
  strInitStatic(p, s);
  return p;
}

// Built on first use: module start-up order (import cycles through refcount.ts) may run this file's
// top level before types.ts has set up the str type.
export let LIT_NONE: usize = 0;
export let LIT_TRUE: usize = 0;
export let LIT_FALSE: usize = 0;
export let LIT_COMMA: usize = 0;
export let LIT_CLOSE: usize = 0;
export let LIT_SLICE_OPEN: usize = 0;
export let LIT_RANGE_OPEN: usize = 0;

/** Makes sure the literal strs above exist (cheap after the first call). */
export function ensureLiterals(): void {
  if (LIT_NONE != 0) return;
  LIT_NONE = staticStr("None");
  LIT_TRUE = staticStr("True");
  LIT_FALSE = staticStr("False");
  LIT_COMMA = staticStr(", ");
  LIT_CLOSE = staticStr(")");
  LIT_SLICE_OPEN = staticStr("slice(");
  LIT_RANGE_OPEN = staticStr("range(");
}

/** str(n) of an i64 as a new ASCII str pointer; 0 with MemoryError. */
export function strFromI64(n: i64): usize {
  const neg = n < 0;
  let m: u64 = neg ? <u64>0 - <u64>n : <u64>n;
  let digits: usize = 1;
  for (let t = m; t >= 10; t /= 10) digits++;
  const len = digits + (neg ? 1 : 0);
  const p = strAlloc(len, 1);
  if (p == 0) return 0;
  changetype<StrObject>(p).ascii = 1;
  const d = strData(p);
  if (neg) store<u8>(d, 0x2d);
  for (let i = len; i > (neg ? 1 : 0); i--) {
    store<u8>(d + i - 1, <u8>(0x30 + <u32>(m % 10)));
    m /= 10;
  }
  return p;
}

/** repr(v) with ints within i64, None, True and False done here; anything else through ops.objRepr. */
export function reprSimple(v: Value): usize {
  ensureLiterals();
  if (isSmallInt(v)) return strFromI64(getSmallInt(v));
  if (v == NONE) return LIT_NONE;
  if (v == TRUE) return LIT_TRUE;
  if (v == FALSE) return LIT_FALSE;
  if (isObject(v)) {
    const k = kindOf(<usize>v);
    if (k == KIND_INT && bigToI64(<usize>v)) return strFromI64(indexOut);
    if (k == KIND_STR) {
      const r = plainStrRepr(<usize>v);
      if (r != 0) return r;
    }
  }
  return objRepr(v);
}

/**
 * repr of a str of printable ASCII without quotes or backslashes: the text in single quotes.
 * 0 (no exception) for every other str, which needs the full repr rules.
 */
function plainStrRepr(p: usize): usize {
  const n = <usize>strLength(p);
  if (strKind(p) != 1) return 0;
  const d = strData(p);
  for (let i: usize = 0; i < n; i++) {
    const c = load<u8>(d + i);
    if (c < 0x20 || c > 0x7e || c == 0x27 || c == 0x5c) return 0;
  }
  const r = strAlloc(n + 2, 1);
  if (r == 0) return 0;
  changetype<StrObject>(r).ascii = 1;
  store<u8>(strData(r), 0x27);
  memory.copy(strData(r) + 1, d, n);
  store<u8>(strData(r) + n + 1, 0x27);
  return r;
}

// Up to 16 parts joined by partsJoin; callers compute every part first (reprs may reenter).
const MAX_PARTS: i32 = 16;
const PARTS: usize = memory.data(MAX_PARTS * 4, 8);
let partCount: i32 = 0;

export function partsReset(): void {
  partCount = 0;
}
/** Adds a str pointer (borrowed) to the parts being joined. */
export function partsAdd(s: usize): void {
  if (partCount >= MAX_PARTS) return;
  store<u32>(PARTS + (<usize>partCount << 2), <u32>s);
  partCount++;
}

/** The concatenation of the parts as a new str (canonical kind), 0 with MemoryError. */
export function partsJoin(): usize {
  let len: usize = 0;
  let kind: u32 = 1;
  let ascii = true;
  for (let i: i32 = 0; i < partCount; i++) {
    const s = <usize>load<u32>(PARTS + (<usize>i << 2));
    len += <usize>strLength(s);
    if (strKind(s) > kind) kind = strKind(s);
    if (changetype<StrObject>(s).ascii == 0) ascii = false;
  }
  const r = strAlloc(len, kind);
  if (r == 0) return 0;
  changetype<StrObject>(r).ascii = ascii ? 1 : 0;
  let at: usize = 0;
  for (let i: i32 = 0; i < partCount; i++) {
    const s = <usize>load<u32>(PARTS + (<usize>i << 2));
    const n = <usize>strLength(s);
    const k = strKind(s);
    if (k == kind) {
      memory.copy(strData(r) + at * <usize>kind, strData(s), n * <usize>kind);
    } else {
      for (let j: usize = 0; j < n; j++) {
        const c: u32 = k == 1 ? <u32>load<u8>(strData(s) + j) : <u32>load<u16>(strData(s) + (j << 1));
        if (kind == 2) store<u16>(strData(r) + ((at + j) << 1), <u16>c);
        else store<u32>(strData(r) + ((at + j) << 2), c);
      }
    }
    at += n;
  }
  return r;
}

