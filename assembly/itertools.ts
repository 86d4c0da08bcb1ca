/**
 * The iterator objects behind the builtins enumerate, zip, map, filter, reversed and the two-argument
 * iter(callable, sentinel), with CPython 3.11's behaviour and argument errors. Each owns its
 * references; builtinIterNext dispatches next() by kind (NULL without an exception when exhausted,
 * NULL with one on error).
 *
 * Layouts (all fields owned):
 *
 *   enumerate (KIND_ENUMERATE), 24:          [ header ][ it Value ][ count Value (small or big int) ]
 *   zip (KIND_ZIP), 16 + 8n:                 [ header ][ n u32 | strict u32 ][ iterator Values ... ]
 *   map (KIND_MAP), 24 + 8n:                 [ header ][ func Value ][ n u32 | 0 ][ iterator Values ... ]
 *   filter (KIND_FILTER), 24:                [ header ][ func Value (None: truth) ][ it Value ]
 *   reversed (KIND_REVERSED), 24:            [ header ][ seq Value (0 once exhausted) ][ index i64 ]
 *   callable_iterator (KIND_CALLABLE_ITER), 24: [ header ][ callable Value (0 once exhausted) ][ sentinel Value ]
 *
 * As in CPython, reversed and callable_iterator drop what they hold once exhausted; enumerate, zip,
 * map and filter keep their iterators and ask them again on every next() (an iterator that resumes
 * after StopIteration is seen resuming, exactly as CPython does); the iterators they hold release
 * their own containers when exhausted.
 *
 * Values of other types go through ops.ts (objGetIter, objIterNext, objCall, objEq, objIsTrue,
 * objLen, objGetItem, userSlot).
 */
import { pendingMatches } from "./exceptions";
import { alloc, free } from "./heap";
import { initHeader } from "./object";
import { Value, NULL, NONE, TRUE, FALSE, isSmallInt, getSmallInt, makeSmallInt, isObject, SMALL_INT_MAX } from "./values";
import {
  kindOf,
  typeOf,
  typeObject,
  raiseMsg,
  raiseBegin,
  raiseMemory,
  errText,
  errInt,
  errStrObject,
  errTypeName,
  errorType,
  errorObject,
  errorClear,
  ERR_OBJECT,
  KIND_INT,
  KIND_BOOL,
  KIND_STR,
  KIND_BYTES,
  KIND_BYTEARRAY,
  KIND_TUPLE,
  KIND_LIST,
  KIND_RANGE,
  KIND_DICT,
  KIND_DICT_KEYS,
  KIND_DICT_VALUES,
  KIND_DICT_ITEMS,
  KIND_ENUMERATE,
  KIND_ZIP,
  KIND_MAP,
  KIND_FILTER,
  KIND_REVERSED,
  KIND_CALLABLE_ITER,
  EXC_TypeError,
  EXC_ValueError,
  EXC_IndexError,
  EXC_StopIteration,
  EXC_COUNT,
  EXC_BASE,
} from "./types";
import { incref, decref, decrefChild } from "./refcount";
import { tupleAlloc, tupleSetItem, tupleSize, tupleItem } from "./tuple";
import { strEqualLiteral } from "./str";
import { bytesLength, bytesData } from "./bytes";
import { bigAlloc, bigNDigits, bigSign, bigDigit, intFromI64, BIGINT_HEADER_SIZE, DIGIT_MASK } from "./int";
import { isIntValue, bigToI64, indexOut } from "./slice";
import { listRevIterNew, listFromIterable } from "./list";
import { rangeReversed } from "./range";
import { arg, kwCount } from "./native";
import { objGetIter, objIterNext, objCall, objEq, objIsTrue, objLen, objGetItem, userSlot, callMethod0 } from "./ops";
import { N_REVERSED, N_GETITEM } from "./names";
import { excType } from "./exceptions";
import { isSubtype } from "./typeobj";

export const ENUMERATE_SIZE: usize = 24;
export const FILTER_SIZE: usize = 24;
export const REVERSED_SIZE: usize = 24;
export const CALLABLE_ITER_SIZE: usize = 24;
const ZIP_HEADER: usize = 16;
const MAP_HEADER: usize = 24;
const MAX_ITERS: i32 = 0x1000000;

// ---------------------------------------------------------------------------------------------------
// Helpers

export { pendingMatches }; // exceptions.ts has the one definition

/** _PyArg_CheckPositional: "filter expected 2 arguments, got 1", "iter expected at most 2 arguments, got 3". */
function checkPositional(name: string, nargs: i32, min: i32, max: i32): bool {
  if (nargs >= min && nargs <= max) return true;
  const n = nargs < min ? min : max;
  raiseBegin(EXC_TypeError);
  errText(name);
  errText(" expected ");
  if (min != max) errText(nargs < min ? "at least " : "at most ");
  errInt(n);
  errText(n == 1 ? " argument, got " : " arguments, got ");
  errInt(nargs);
  return false;
}

/** _PyArg_NoKwnames: "map() takes no keyword arguments". */
function noKwnames(name: string, kwnames: usize): bool {
  if (kwCount(kwnames) == 0) return true;
  raiseBegin(EXC_TypeError);
  errText(name);
  errText("() takes no keyword arguments");
  return false;
}

/** Drops the n Values at p (NULLs allowed). */
function dropValues(p: usize, n: usize): void {
  for (let i: usize = 0; i < n; i++) decrefChild(load<u64>(p + (i << 3)));
}

// Argument vectors for calls made from next(): a LIFO stack in static memory (calls nest, and a
// callee may run another map's next), with heap blocks when it is full.
const ARG_STACK_SLOTS: usize = 2048;
const ARG_STACK: usize = memory.data(<i32>(ARG_STACK_SLOTS * 8), 8);
let argTop: usize = 0;

function argsAcquire(n: usize): usize {
  if (argTop + n <= ARG_STACK_SLOTS) {
    const p = ARG_STACK + (argTop << 3);
    argTop += n;
    return p;
  }
  const p = alloc(n << 3);
  if (p == 0) raiseMemory();
  return p;
}

function argsRelease(p: usize, n: usize): void {
  if (p >= ARG_STACK && p < ARG_STACK + (ARG_STACK_SLOTS << 3)) argTop -= n;
  else free(p, n << 3);
}

/** An int counter plus one (new reference); a small int stays immediate until it overflows. */
function intPlusOne(v: Value): Value {
  if (isSmallInt(v)) {
    const n = getSmallInt(v);
    if (n < SMALL_INT_MAX) return makeSmallInt(n + 1);
    return intFromI64(n + 1);
  }
  const p = <usize>v;
  if (bigToI64(p) && indexOut != I64.MAX_VALUE) return intFromI64(indexOut + 1);
  // Magnitude beyond i64: +1 on it (positive) or -1 (negative); the result stays big.
  const nd = <usize>bigNDigits(p);
  const neg = bigSign(p) < 0;
  if (!neg) {
    let carry = true;
    for (let i: usize = 0; i < nd; i++) {
      if (bigDigit(p, i) != DIGIT_MASK) {
        carry = false;
        break;
      }
    }
    const r = bigAlloc(carry ? nd + 1 : nd, false);
    if (r == 0) return NULL;
    let c: u32 = 1;
    for (let i: usize = 0; i < nd; i++) {
      const d = bigDigit(p, i) + c;
      c = d >> 30;
      store<u32>(r + BIGINT_HEADER_SIZE + (i << 2), d & DIGIT_MASK);
    }
    if (carry) store<u32>(r + BIGINT_HEADER_SIZE + (nd << 2), 1);
    return <Value>r;
  }
  // Negative: magnitude - 1 (the top digit may vanish).
  let top = nd;
  if (bigDigit(p, nd - 1) == 1) {
    let lowZero = true;
    for (let i: usize = 0; i + 1 < nd; i++) {
      if (bigDigit(p, i) != 0) {
        lowZero = false;
        break;
      }
    }
    if (lowZero) top = nd - 1;
  }
  const r = bigAlloc(top, true);
  if (r == 0) return NULL;
  let borrow: u32 = 1;
  for (let i: usize = 0; i < top; i++) {
    let d = bigDigit(p, i);
    if (borrow != 0) {
      if (d == 0) d = DIGIT_MASK;
      else {
        d -= 1;
        borrow = 0;
      }
    }
    store<u32>(r + BIGINT_HEADER_SIZE + (i << 2), d);
  }
  return <Value>r;
}

// ---------------------------------------------------------------------------------------------------
// enumerate

/** enumerate(iterable, start): start an int (NULL: 0); the iterable's iterator is taken here. */
export function enumerateNew(iterable: Value, start: Value): Value {
  let count: Value = makeSmallInt(0);
  if (start != NULL) {
    if (!isIntValue(start)) {
      raiseBegin(EXC_TypeError);
      errText("'");
      errTypeName(start);
      errText("' object cannot be interpreted as an integer");
      return NULL;
    }
    count = start == TRUE ? makeSmallInt(1) : start == FALSE ? makeSmallInt(0) : start;
  }
  const it = objGetIter(iterable);
  if (it == NULL) return NULL;
  const e = alloc(ENUMERATE_SIZE);
  if (e == 0) {
    decref(it);
    return <Value>raiseMemory();
  }
  initHeader(e, typeObject(KIND_ENUMERATE));
  incref(count);
  store<u64>(e, it, 8);
  store<u64>(e, count, 16);
  return <Value>e;
}

function enumerateNext(e: usize): Value {
  const item = objIterNext(load<u64>(e, 8));
  if (item == NULL) return NULL;
  const count = load<u64>(e, 16);
  const next = intPlusOne(count);
  if (next == NULL) {
    decref(item);
    return NULL;
  }
  const t = tupleAlloc(2);
  if (t == 0) {
    decref(item);
    decref(next);
    return NULL;
  }
  // The tuple takes over the counter's reference; the object keeps the incremented one.
  tupleSetItem(t, 0, count);
  tupleSetItem(t, 1, item);
  store<u64>(e, next, 16);
  return <Value>t;
}

/** enumerate(iterable, start=0): CPython's enum_vectorcall argument handling. */
export function builtinEnumerate(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  const nkw = kwCount(kwnames);
  if (nargs + nkw == 2) {
    if (nkw == 1) {
      if (!enumKeyword(kwnames, 0, "start")) return NULL;
    } else if (nkw == 2) {
      if (strEqualLiteral(<usize>tupleItem(kwnames, 0), "start")) {
        if (!enumKeyword(kwnames, 1, "iterable")) return NULL;
        return enumerateNew(arg(args, 1), arg(args, 0));
      }
      if (!enumKeyword(kwnames, 0, "iterable") || !enumKeyword(kwnames, 1, "start")) return NULL;
    }
    return enumerateNew(arg(args, 0), arg(args, 1));
  }
  if (nargs + nkw == 1) {
    if (nkw == 1 && !enumKeyword(kwnames, 0, "iterable")) return NULL;
    return enumerateNew(arg(args, 0), NULL);
  }
  if (nargs == 0) return <Value>raiseMsg(EXC_TypeError, "enumerate() missing required argument 'iterable'");
  raiseBegin(EXC_TypeError);
  errText("enumerate() takes at most 2 arguments (");
  errInt(nargs + nkw);
  errText(" given)");
  return NULL;
}

function enumKeyword(kwnames: usize, i: i32, name: string): bool {
  const k = <usize>tupleItem(kwnames, i);
  if (strEqualLiteral(k, name)) return true;
  raiseBegin(EXC_TypeError);
  errText("'");
  errStrObject(k);
  errText("' is an invalid keyword argument for enumerate()");
  return false;
}

// ---------------------------------------------------------------------------------------------------
// zip

/** zip(*iterables, strict=strict): iterables is an array of n Values (borrowed). */
export function zipNew(iterables: usize, n: i32, strict: bool): Value {
  if (n < 0 || n > MAX_ITERS) return <Value>raiseMemory();
  const size = ZIP_HEADER + (<usize>n << 3);
  const z = alloc(size);
  if (z == 0) return <Value>raiseMemory();
  for (let i: usize = 0; i < <usize>n; i++) {
    const it = objGetIter(load<u64>(iterables + (i << 3)));
    if (it == NULL) {
      dropValues(z + ZIP_HEADER, i);
      free(z, size);
      return NULL;
    }
    store<u64>(z + ZIP_HEADER + (i << 3), it);
  }
  initHeader(z, typeObject(KIND_ZIP));
  store<u32>(z, <u32>n, 8);
  store<u32>(z, strict ? 1 : 0, 12);
  return <Value>z;
}

function zipNext(z: usize): Value {
  const n = <usize>load<u32>(z, 8);
  if (n == 0) return NULL;
  const iters = z + ZIP_HEADER;
  const t = tupleAlloc(n);
  if (t == 0) return NULL;
  for (let i: usize = 0; i < n; i++) {
    const item = objIterNext(load<u64>(iters + (i << 3)));
    if (item == NULL) {
      decref(<Value>t); // the items set so far; the unset slots are NULL (alloc zeroes)
      if (load<u32>(z, 12) != 0) zipStrictCheck(iters, n, i);
      return NULL;
    }
    tupleSetItem(t, i, item);
  }
  return <Value>t;
}

/** strict=True: iterator i ran out; the others must run out at the same step. */
function zipStrictCheck(iters: usize, n: usize, i: usize): void {
  if (errorType() != 0) {
    if (!pendingMatches(EXC_StopIteration)) return;
    errorClear();
  }
  if (i > 0) {
    zipLengthError(i, "shorter");
    return;
  }
  for (let j: usize = 1; j < n; j++) {
    const item = objIterNext(load<u64>(iters + (j << 3)));
    if (item != NULL) {
      decref(item);
      zipLengthError(j, "longer");
      return;
    }
    if (errorType() != 0) {
      if (!pendingMatches(EXC_StopIteration)) return;
      errorClear();
    }
  }
}

/** ValueError "zip() argument 3 is shorter than arguments 1-2" (i: the 0-based culprit). */
function zipLengthError(i: usize, what: string): void {
  raiseBegin(EXC_ValueError);
  errText("zip() argument ");
  errInt(<i64>i + 1);
  errText(" is ");
  errText(what);
  errText(i == 1 ? " than argument " : " than arguments 1-");
  errInt(<i64>i);
}

/** zip(*iterables, strict=False): "|$p:zip" keyword parsing as CPython's zip_new. */
export function builtinZip(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  const nkw = kwCount(kwnames);
  let strict = false;
  if (nkw > 0) {
    if (nkw > 1) {
      raiseBegin(EXC_TypeError);
      errText("zip() takes at most 1 keyword argument (");
      errInt(nkw);
      errText(" given)");
      return NULL;
    }
    const k = <usize>tupleItem(kwnames, 0);
    if (!strEqualLiteral(k, "strict")) {
      raiseBegin(EXC_TypeError);
      errText("'");
      errStrObject(k);
      errText("' is an invalid keyword argument for zip()");
      return NULL;
    }
    const t = objIsTrue(arg(args, nargs));
    if (t < 0) return NULL;
    strict = t != 0;
  }
  return zipNew(args, nargs, strict);
}

// ---------------------------------------------------------------------------------------------------
// map

/** map(func, *iterables): iterables is an array of n >= 1 Values (borrowed). */
export function mapNew(func: Value, iterables: usize, n: i32): Value {
  if (n < 0 || n > MAX_ITERS) return <Value>raiseMemory();
  const size = MAP_HEADER + (<usize>n << 3);
  const m = alloc(size);
  if (m == 0) return <Value>raiseMemory();
  for (let i: usize = 0; i < <usize>n; i++) {
    const it = objGetIter(load<u64>(iterables + (i << 3)));
    if (it == NULL) {
      dropValues(m + MAP_HEADER, i);
      free(m, size);
      return NULL;
    }
    store<u64>(m + MAP_HEADER + (i << 3), it);
  }
  initHeader(m, typeObject(KIND_MAP));
  incref(func);
  store<u64>(m, func, 8);
  store<u32>(m, <u32>n, 16);
  return <Value>m;
}

function mapNext(m: usize): Value {
  const n = <usize>load<u32>(m, 16);
  const iters = m + MAP_HEADER;
  if (n == 1) {
    // One iterable: the common case, one argument slot.
    const item = objIterNext(load<u64>(iters));
    if (item == NULL) return NULL;
    const a = argsAcquire(1);
    if (a == 0) {
      decref(item);
      return NULL;
    }
    store<u64>(a, item);
    const r = objCall(load<u64>(m, 8), a, 1, 0);
    argsRelease(a, 1);
    decref(item);
    return r;
  }
  const a = argsAcquire(n);
  if (a == 0) return NULL;
  for (let i: usize = 0; i < n; i++) {
    const item = objIterNext(load<u64>(iters + (i << 3)));
    if (item == NULL) {
      dropValues(a, i);
      argsRelease(a, n);
      return NULL;
    }
    store<u64>(a + (i << 3), item);
  }
  const r = objCall(load<u64>(m, 8), a, <i32>n, 0);
  dropValues(a, n);
  argsRelease(a, n);
  return r;
}

/** map(func, iterable, ...): at least two arguments, no keywords. */
export function builtinMap(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKwnames("map", kwnames)) return NULL;
  if (nargs < 2) return <Value>raiseMsg(EXC_TypeError, "map() must have at least two arguments.");
  return mapNew(arg(args, 0), args + 8, nargs - 1);
}

// ---------------------------------------------------------------------------------------------------
// filter

/** filter(func, iterable): func None (or bool) keeps the true items. */
export function filterNew(func: Value, iterable: Value): Value {
  const it = objGetIter(iterable);
  if (it == NULL) return NULL;
  const f = alloc(FILTER_SIZE);
  if (f == 0) {
    decref(it);
    return <Value>raiseMemory();
  }
  initHeader(f, typeObject(KIND_FILTER));
  incref(func);
  store<u64>(f, func, 8);
  store<u64>(f, it, 16);
  return <Value>f;
}

function filterNext(f: usize): Value {
  const func = load<u64>(f, 8);
  const it = load<u64>(f, 16);
  const truth = func == NONE || func == <Value>typeObject(KIND_BOOL);
  while (true) {
    const item = objIterNext(it);
    if (item == NULL) return NULL;
    let ok: i32;
    if (truth) {
      ok = objIsTrue(item);
    } else {
      const a = argsAcquire(1);
      if (a == 0) {
        decref(item);
        return NULL;
      }
      store<u64>(a, item);
      const good = objCall(func, a, 1, 0);
      argsRelease(a, 1);
      if (good == NULL) {
        decref(item);
        return NULL;
      }
      ok = objIsTrue(good);
      decref(good);
    }
    if (ok > 0) return item;
    decref(item);
    if (ok < 0) return NULL;
  }
  return NULL;
}

/** filter(function or None, iterable). */
export function builtinFilter(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKwnames("filter", kwnames)) return NULL;
  if (!checkPositional("filter", nargs, 2, 2)) return NULL;
  return filterNew(arg(args, 0), arg(args, 1));
}

// ---------------------------------------------------------------------------------------------------
// reversed

function notReversible(seq: Value): Value {
  raiseBegin(EXC_TypeError);
  errText("'");
  errTypeName(seq);
  errText("' object is not reversible");
  return NULL;
}

/** A reversed object over a sequence of n items (the generic __len__/__getitem__ protocol). */
function reversedObject(seq: Value, n: i64): Value {
  const r = alloc(REVERSED_SIZE);
  if (r == 0) return <Value>raiseMemory();
  initHeader(r, typeObject(KIND_REVERSED));
  incref(seq);
  store<u64>(r, seq, 8);
  store<i64>(r, n - 1, 16);
  return <Value>r;
}

/**
 * reversed(seq): __reversed__ when the class defines one (None: not reversible); lists and ranges
 * get their own reverse iterators; tuples, str, bytes and classes with __getitem__ (and __len__)
 * a reversed object; dicts and their views the reverse of their iteration order.
 */
export function reversedNew(seq: Value): Value {
  const d = userSlot(seq, N_REVERSED);
  if (d == NONE) return notReversible(seq);
  if (d != NULL) return callMethod0(d, seq);
  if (isObject(seq)) {
    const p = <usize>seq;
    switch (kindOf(p)) {
      case KIND_LIST:
        return listRevIterNew(p);
      case KIND_RANGE:
        return rangeReversed(p);
      case KIND_TUPLE:
      case KIND_STR:
      case KIND_BYTES:
      case KIND_BYTEARRAY: {
        // Subclasses may override __len__ (and __getitem__, which reversedItem respects).
        const n = objLen(seq);
        if (n < 0) return NULL;
        return reversedObject(seq, n);
      }
      case KIND_DICT:
      case KIND_DICT_KEYS:
      case KIND_DICT_VALUES:
      case KIND_DICT_ITEMS: {
        // Insertion order reversed (CPython's dict_reverse*iterator types are not modelled).
        const l = listFromIterable(seq);
        if (l == 0) return NULL;
        const r = listRevIterNew(l);
        decref(<Value>l);
        return r;
      }
    }
    if (userSlot(seq, N_GETITEM) != NULL) {
      const n = objLen(seq);
      if (n < 0) return NULL;
      return reversedObject(seq, n);
    }
  }
  return notReversible(seq);
}

function reversedNext(r: usize): Value {
  const seq = load<u64>(r, 8);
  if (seq == NULL) return NULL;
  const i = load<i64>(r, 16);
  if (i >= 0) {
    const item = reversedItem(seq, i);
    if (item != NULL) {
      store<i64>(r, i - 1, 16);
      return item;
    }
    if (pendingMatches(EXC_IndexError) || pendingMatches(EXC_StopIteration)) errorClear();
  }
  // Exhausted, or an error: either way the sequence is let go (as CPython does).
  store<i64>(r, -1, 16);
  store<u64>(r, NULL, 8);
  decref(seq);
  return NULL;
}

/** seq[i] (0 <= i): tuples and bytes directly, anything else through __getitem__. */
function reversedItem(seq: Value, i: i64): Value {
  const p = <usize>seq;
  switch (kindOf(p)) {
    case KIND_TUPLE:
      if (i < <i64>tupleSize(p) && typeOf(seq) == typeObject(KIND_TUPLE)) {
        const v = tupleItem(p, <usize>i);
        incref(v);
        return v;
      }
      break;
    case KIND_BYTES:
      if (typeOf(seq) == typeObject(KIND_BYTES)) {
        if (i < <i64>bytesLength(p)) return makeSmallInt(<i64>load<u8>(bytesData(p) + <usize>i));
        return <Value>raiseMsg(EXC_IndexError, "index out of range");
      }
      break;
  }
  return objGetItem(seq, makeSmallInt(i));
}

/** reversed(sequence): one positional argument. */
export function builtinReversed(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKwnames("reversed", kwnames)) return NULL;
  if (!checkPositional("reversed", nargs, 1, 1)) return NULL;
  return reversedNew(arg(args, 0));
}

// ---------------------------------------------------------------------------------------------------
// iter(callable, sentinel)

/** iter(callable, sentinel): calls callable() until the result equals sentinel. */
export function callableIterNew(callable: Value, sentinel: Value): Value {
  const c = alloc(CALLABLE_ITER_SIZE);
  if (c == 0) return <Value>raiseMemory();
  initHeader(c, typeObject(KIND_CALLABLE_ITER));
  incref(callable);
  incref(sentinel);
  store<u64>(c, callable, 8);
  store<u64>(c, sentinel, 16);
  return <Value>c;
}

function callableIterExhaust(c: usize): void {
  const f = load<u64>(c, 8);
  const s = load<u64>(c, 16);
  store<u64>(c, NULL, 8);
  store<u64>(c, NULL, 16);
  decref(f);
  decref(s);
}

function callableIterNext(c: usize): Value {
  const f = load<u64>(c, 8);
  if (f == NULL) return NULL;
  const r = objCall(f, 0, 0, 0);
  if (r == NULL) {
    if (pendingMatches(EXC_StopIteration)) {
      errorClear();
      callableIterExhaust(c);
    }
    return NULL;
  }
  // sentinel == result, in that order (CPython's PyObject_RichCompareBool(sentinel, result)).
  const eq = objEq(load<u64>(c, 16), r);
  if (eq == 0) return r;
  decref(r);
  if (eq > 0) callableIterExhaust(c);
  return NULL;
}

// ---------------------------------------------------------------------------------------------------
// Dispatch, sizes, deallocation

/** next() of the iterators of this file: new reference; NULL (no exception) when exhausted. */
export function builtinIterNext(it: usize): Value {
  switch (kindOf(it)) {
    case KIND_ENUMERATE:
      return enumerateNext(it);
    case KIND_ZIP:
      return zipNext(it);
    case KIND_MAP:
      return mapNext(it);
    case KIND_FILTER:
      return filterNext(it);
    case KIND_REVERSED:
      return reversedNext(it);
    case KIND_CALLABLE_ITER:
      return callableIterNext(it);
  }
  raiseBegin(EXC_TypeError);
  errText("'");
  errTypeName(<Value>it);
  errText("' object is not an iterator");
  return NULL;
}

/** The block size of an iterator of this file (refcount.ts's objectBlockSize). */
export function iterToolsBlockSize(p: usize): usize {
  switch (kindOf(p)) {
    case KIND_ZIP:
      return ZIP_HEADER + (<usize>load<u32>(p, 8) << 3);
    case KIND_MAP:
      return MAP_HEADER + (<usize>load<u32>(p, 16) << 3);
  }
  return 24; // enumerate, filter, reversed, callable_iterator
}

/** Drops the references an iterator of this file holds (refcount.ts's dealloc). */
export function iterToolsDeallocChildren(p: usize): void {
  switch (kindOf(p)) {
    case KIND_ZIP:
      dropValues(p + ZIP_HEADER, <usize>load<u32>(p, 8));
      return;
    case KIND_MAP:
      decrefChild(load<u64>(p, 8));
      dropValues(p + MAP_HEADER, <usize>load<u32>(p, 16));
      return;
    case KIND_REVERSED:
      decrefChild(load<u64>(p, 8)); // the index at 16 is no Value
      return;
  }
  // enumerate, filter, callable_iterator: two Values (NULL once released).
  decrefChild(load<u64>(p, 8));
  decrefChild(load<u64>(p, 16));
}
