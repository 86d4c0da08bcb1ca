/**
 * The methods of list (append, extend, insert, pop, remove, index, count, reverse, copy, clear,
 * sort), native calling convention (native.ts), with CPython 3.11's argument handling and messages.
 *
 * sort is a stable merge sort without wasm recursion: natural runs (strictly descending ones
 * reversed in place) extended to a minimum length by binary insertion, then merged pairwise,
 * bottom up, through a temporary buffer, skipping merges whose halves are already in order. As in
 * CPython: the list is emptied while it sorts (so the key function or a comparison that mutates it
 * is detected: "list modified during sort"), keys are computed first, reverse=True reverses before
 * and after a forward sort (equal keys keep their order), and a failing comparison leaves the list
 * holding all of its items. Comparisons take a fast path when all keys are small ints, all floats
 * or all strs; mixed keys go through list.ts's itemLess (ops.objLess for the unknown kinds).
 *
 * Entry points: registerListMethods, listSort, listPop, listIndexOf.
 */
import { alloc, free } from "./heap";
import { Value, NULL, NONE, TRUE, FALSE, isSmallInt, getSmallInt, isObject, makeSmallInt } from "./values";
import {
  typeObject,
  kindOf,
  KIND_LIST,
  KIND_FLOAT,
  KIND_STR,
  KIND_TUPLE,
  KIND_FUNCTION,
  TPFLAG_HEAPTYPE,
  typeOf,
  raiseMemory,
  raiseMsg,
  raiseBegin,
  errText,
  errInt,
  errStrObject,
  errTypeName,
  EXC_TypeError,
  EXC_ValueError,
  EXC_IndexError,
  EXC_OverflowError,
} from "./types";
import { incref, decref } from "./refcount";
import { VecObject, vecItems } from "./tuple";
import { strEqualLiteral } from "./str";
import { floatValue } from "./float";
import { objCall, callMethod1, objIsTrue } from "./ops";
import { typeLookup } from "./typeobj";
import { CMP_NAMES } from "./names";
import { CMP_LT, NOT_IMPLEMENTED } from "./ops";
import { addMethod, checkArgCount, noKeywords, arg, kwCount } from "./native";
import { asSsize, indexArgNotNone, indexOut, isIntValue, intClampI64, reprSimple } from "./slice";
import { tupleItem, tupleSize } from "./tuple";
import {
  listSize,
  listItem,
  listAppend,
  listExtend,
  listInsert,
  listRemoveAt,
  listTakeAt,
  listSliceRange,
  listClear,
  listReverse,
  reverseValues,
  itemEq,
  itemLess,
} from "./list";
import { strCompare } from "./str-ops";

// ---------------------------------------------------------------------------------------------------
// Simple methods

function listAppendMethod(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("list.append", kwnames) || !checkArgCount("list.append", nargs, 1, 1)) return NULL;
  return listAppend(<usize>self, arg(args, 0)) < 0 ? NULL : NONE;
}

function listExtendMethod(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("list.extend", kwnames) || !checkArgCount("list.extend", nargs, 1, 1)) return NULL;
  return listExtend(<usize>self, arg(args, 0)) < 0 ? NULL : NONE;
}

function listInsertMethod(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("list.insert", kwnames)) return NULL;
  if (nargs != 2) {
    raiseBegin(EXC_TypeError);
    errText("insert expected 2 arguments, got ");
    errInt(nargs);
    return NULL;
  }
  if (!asSsize(arg(args, 0))) return NULL;
  return listInsert(<usize>self, indexOut, arg(args, 1)) < 0 ? NULL : NONE;
}

/** list.pop(i): removes and returns item i (negative counts from the end). */
export function listPop(p: usize, i: i64): Value {
  const n = <i64>listSize(p);
  if (n == 0) return raiseMsg(EXC_IndexError, "pop from empty list");
  if (i < 0) i += n;
  if (i < 0 || i >= n) return raiseMsg(EXC_IndexError, "pop index out of range");
  return listTakeAt(p, <usize>i);
}

function listPopMethod(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("list.pop", kwnames) || !checkArgCount("pop", nargs, 0, 1)) return NULL;
  let i: i64 = -1;
  if (nargs == 1) {
    if (!asSsize(arg(args, 0))) return NULL;
    i = indexOut;
  }
  return listPop(<usize>self, i);
}

/** Position of the first item == x in [start, stop) (clipped as list.index does), -1 if none, -2 on error. */
export function listIndexOf(p: usize, x: Value, start: i64, stop: i64): i64 {
  for (let i = start; i < stop && i < <i64>listSize(p); i++) {
    const r = itemEq(listItem(p, <usize>i), x);
    if (r < 0) return -2;
    if (r > 0) return i;
  }
  return -1;
}

function clipIndexArg(x: i64, n: i64): i64 {
  if (x < 0) {
    x += n;
    if (x < 0) x = 0;
  }
  return x;
}

function listRemoveMethod(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("list.remove", kwnames) || !checkArgCount("list.remove", nargs, 1, 1)) return NULL;
  const p = <usize>self;
  const i = listIndexOf(p, arg(args, 0), 0, <i64>listSize(p));
  if (i == -2) return NULL;
  if (i < 0) return raiseMsg(EXC_ValueError, "list.remove(x): x not in list");
  // The comparison may have run code that shrank the list (then there is nothing left to remove).
  if (<usize>i < listSize(p)) listRemoveAt(p, <usize>i);
  return NONE;
}

function listIndexMethod(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("list.index", kwnames) || !checkArgCount("index", nargs, 1, 3)) return NULL;
  const p = <usize>self;
  let start: i64 = 0;
  let stop: i64 = 0x7fffffffffffffff;
  if (nargs > 1) {
    if (!indexArgNotNone(arg(args, 1))) return NULL;
    start = clipIndexArg(indexOut, <i64>listSize(p));
  }
  if (nargs > 2) {
    if (!indexArgNotNone(arg(args, 2))) return NULL;
    stop = clipIndexArg(indexOut, <i64>listSize(p));
  }
  const x = arg(args, 0);
  const i = listIndexOf(p, x, start, stop);
  if (i == -2) return NULL;
  if (i >= 0) return makeSmallInt(i);
  const s = reprSimple(x);
  if (s == 0) return NULL;
  raiseBegin(EXC_ValueError);
  errStrObject(s);
  errText(" is not in list");
  decref(<Value>s);
  return NULL;
}

function listCountMethod(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("list.count", kwnames) || !checkArgCount("list.count", nargs, 1, 1)) return NULL;
  const p = <usize>self;
  const x = arg(args, 0);
  let count: i64 = 0;
  for (let i: usize = 0; i < listSize(p); i++) {
    const r = itemEq(listItem(p, i), x);
    if (r < 0) return NULL;
    count += r;
  }
  return makeSmallInt(count);
}

function listReverseMethod(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("list.reverse", kwnames) || !checkArgCount("list.reverse", nargs, 0, 0)) return NULL;
  listReverse(<usize>self);
  return NONE;
}

function listCopyMethod(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("list.copy", kwnames) || !checkArgCount("list.copy", nargs, 0, 0)) return NULL;
  return <Value>listSliceRange(<usize>self, 0, <i64>listSize(<usize>self));
}

function listClearMethod(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("list.clear", kwnames) || !checkArgCount("list.clear", nargs, 0, 0)) return NULL;
  listClear(<usize>self);
  return NONE;
}

// ---------------------------------------------------------------------------------------------------
// sort

const MODE_ANY: i32 = 0;
const MODE_INT: i32 = 1;
const MODE_FLOAT: i32 = 2;
const MODE_STR: i32 = 3;
/** Exact tuples, all non-empty, whose first items are all small ints (CPython's unsafe_tuple_compare). */
const MODE_TUPLE_INT: i32 = 4;
/** Exact tuples, all non-empty, whose first items are all exact strs. */
const MODE_TUPLE_STR: i32 = 5;
/** Instances of one class made by a class statement (CPython's unsafe_object_compare). */
const MODE_INSTANCE: i32 = 6;

/** a < b under the sort's mode: 1/0, -1 on error. The mode is a parameter: sorts can nest. */
// @ts-ignore: decorator
@inline function lt(mode: i32, a: Value, b: Value): i32 {
  if (mode == MODE_INT) return getSmallInt(a) < getSmallInt(b) ? 1 : 0;
  if (mode == MODE_FLOAT) return floatValue(<usize>a) < floatValue(<usize>b) ? 1 : 0;
  if (mode == MODE_STR) return strCompare(<usize>a, <usize>b) < 0 ? 1 : 0;
  if (mode == MODE_TUPLE_INT || mode == MODE_TUPLE_STR) return tupleLess(mode, a, b);
  if (mode == MODE_INSTANCE) return instanceLess(a, b);
  return itemLess(a, b);
}

/**
 * Tuples whose first items differ are ordered by those alone (ints and strs compare without side
 * effects, so skipping the generic == step changes nothing); otherwise the generic comparison.
 */
function tupleLess(mode: i32, a: Value, b: Value): i32 {
  const x = tupleItem(<usize>a, 0);
  const y = tupleItem(<usize>b, 0);
  if (x != y) {
    if (mode == MODE_TUPLE_INT) return getSmallInt(x) < getSmallInt(y) ? 1 : 0;
    const c = strCompare(<usize>x, <usize>y);
    if (c != 0) return c < 0 ? 1 : 0;
  }
  // Equal first items (the usual case inside a merge: neighbours share prefixes). The items after
  // them are compared the same way while they are small ints or exact strs.
  const na = <usize>tupleSize(<usize>a);
  const nb = <usize>tupleSize(<usize>b);
  const n = na < nb ? na : nb;
  for (let i: usize = 1; i < n; i++) {
    const u = tupleItem(<usize>a, i);
    const v = tupleItem(<usize>b, i);
    if (u == v) continue;
    if (isSmallInt(u) && isSmallInt(v)) return getSmallInt(u) < getSmallInt(v) ? 1 : 0;
    const strType = typeObject(KIND_STR);
    if (!isObject(u) || !isObject(v) || typeOf(u) != strType || typeOf(v) != strType) return itemLess(a, b);
    const c = strCompare(<usize>u, <usize>v);
    if (c != 0) return c < 0 ? 1 : 0;
  }
  return na < nb ? 1 : 0;
}

/**
 * a.__lt__(b) called directly when it is a function written in Python (looked up each time: the
 * class may change during the sort); NotImplemented, or anything else, takes the generic path —
 * which calls __lt__ again, exactly as CPython's unsafe_object_compare does.
 */
function instanceLess(a: Value, b: Value): i32 {
  const d = typeLookup(typeOf(a), unchecked(CMP_NAMES[CMP_LT]));
  if (d == NULL || !isObject(d) || kindOf(<usize>d) != KIND_FUNCTION) return itemLess(a, b);
  incref(a);
  incref(b);
  const r = callMethod1(d, a, b);
  let t: i32;
  if (r == NULL) t = -1;
  else if (r == TRUE) t = 1;
  else if (r == FALSE) t = 0;
  else if (r == <u64>NOT_IMPLEMENTED) {
    decref(r);
    t = itemLess(a, b);
  } else {
    t = objIsTrue(r);
    decref(r);
  }
  decref(a);
  decref(b);
  return t;
}

/** The fast comparison that applies to all n keys, or MODE_ANY. */
function sortModeOf(keys: usize, n: usize): i32 {
  const first = load<u64>(keys);
  let mode = MODE_ANY;
  if (isSmallInt(first)) mode = MODE_INT;
  else if (isObject(first)) {
    const k = kindOf(<usize>first);
    if (k == KIND_FLOAT) mode = MODE_FLOAT;
    else if (k == KIND_STR) mode = MODE_STR;
    else if (typeOf(first) == typeObject(KIND_TUPLE) && tupleSize(<usize>first) > 0) {
      const x = tupleItem(<usize>first, 0);
      if (isSmallInt(x)) mode = MODE_TUPLE_INT;
      else if (isObject(x) && typeOf(x) == typeObject(KIND_STR)) mode = MODE_TUPLE_STR;
    } else if ((load<u32>(typeOf(first), 12) & TPFLAG_HEAPTYPE) != 0) mode = MODE_INSTANCE;
  }
  if (mode == MODE_ANY) return mode;
  const type = typeOf(first);
  for (let i: usize = 1; i < n; i++) {
    const v = load<u64>(keys + (i << 3));
    if (mode == MODE_INT) {
      if (!isSmallInt(v)) return MODE_ANY;
    } else if (!isObject(v)) {
      return MODE_ANY;
    } else if (mode == MODE_FLOAT || mode == MODE_STR) {
      if (kindOf(<usize>v) != (mode == MODE_FLOAT ? KIND_FLOAT : KIND_STR)) return MODE_ANY;
    } else if (typeOf(v) != type) {
      return MODE_ANY;
    } else if (mode == MODE_TUPLE_INT || mode == MODE_TUPLE_STR) {
      if (tupleSize(<usize>v) == 0) return MODE_ANY;
      const x = tupleItem(<usize>v, 0);
      if (mode == MODE_TUPLE_INT ? !isSmallInt(x) : !isObject(x) || typeOf(x) != typeObject(KIND_STR)) return MODE_ANY;
    }
  }
  return mode;
}

// @ts-ignore: decorator
@inline function at(a: usize, i: usize): Value {
  return load<u64>(a + (i << 3));
}
// @ts-ignore: decorator
@inline function put(a: usize, i: usize, v: Value): void {
  store<u64>(a + (i << 3), v);
}

/** Shortest run length: between 32 and 64 so that n / minrun is (close to) a power of two. */
function minRunLength(n: usize): usize {
  let extra: usize = 0;
  while (n >= 64) {
    extra |= n & 1;
    n >>= 1;
  }
  return n + extra;
}

/**
 * Length of the run starting at lo (>= 1): non-descending, or strictly descending (then reversed,
 * which keeps stability since no two of its items are equal). -1 on error (nothing moved).
 */
function countRun(mode: i32, K: usize, V: usize, lo: usize, n: usize): isize {
  if (lo + 1 >= n) return 1;
  let c = lt(mode, at(K, lo + 1), at(K, lo));
  if (c < 0) return -1;
  let i = lo + 2;
  if (c != 0) {
    while (i < n) {
      c = lt(mode, at(K, i), at(K, i - 1));
      if (c < 0) return -1;
      if (c == 0) break;
      i++;
    }
    reverseValues(K + (lo << 3), i - lo);
    if (V != 0) reverseValues(V + (lo << 3), i - lo);
  } else {
    while (i < n) {
      c = lt(mode, at(K, i), at(K, i - 1));
      if (c < 0) return -1;
      if (c != 0) break;
      i++;
    }
  }
  return <isize>(i - lo);
}

/** Sorts [lo, hi) given that [lo, start) is sorted: binary insertion. -1 on error (a permutation kept). */
function binaryInsertion(mode: i32, K: usize, V: usize, lo: usize, hi: usize, start: usize): i32 {
  for (let i = start; i < hi; i++) {
    const pivot = at(K, i);
    let l = lo;
    let r = i;
    while (l < r) {
      const m = (l + r) >> 1;
      const c = lt(mode, pivot, at(K, m));
      if (c < 0) return -1;
      if (c != 0) r = m;
      else l = m + 1;
    }
    // Equal keys: the pivot lands after them (stability).
    memory.copy(K + ((l + 1) << 3), K + (l << 3), (i - l) << 3);
    put(K, l, pivot);
    if (V != 0) {
      const pv = at(V, i);
      memory.copy(V + ((l + 1) << 3), V + (l << 3), (i - l) << 3);
      put(V, l, pv);
    }
  }
  return 0;
}

/**
 * Merges the sorted neighbours [lo, mid) and [mid, hi) (both non-empty) through the temporaries
 * TK/TV. On error the items still in the temporary go back into the gap they left: a permutation.
 */
function mergeRuns(mode: i32, K: usize, V: usize, TK: usize, TV: usize, lo: usize, mid: usize, hi: usize): i32 {
  let c = lt(mode, at(K, mid), at(K, mid - 1));
  if (c <= 0) return c; // already in order (or error)
  // Items of the left run not greater than the right run's first stay where they are.
  const first = at(K, mid);
  let l = lo;
  let r = mid - 1;
  while (l < r) {
    const m = (l + r) >> 1;
    c = lt(mode, first, at(K, m));
    if (c < 0) return -1;
    if (c != 0) r = m;
    else l = m + 1;
  }
  const na = mid - l;
  memory.copy(TK, K + (l << 3), na << 3);
  if (V != 0) memory.copy(TV, V + (l << 3), na << 3);
  let a: usize = 0;
  let b = mid;
  let d = l;
  // The right run's first item is known to go first.
  put(K, d, at(K, b));
  if (V != 0) put(V, d, at(V, b));
  d++;
  b++;
  let err: i32 = 0;
  while (a < na && b < hi) {
    c = lt(mode, at(K, b), at(TK, a));
    if (c < 0) {
      err = -1;
      break;
    }
    if (c != 0) {
      put(K, d, at(K, b));
      if (V != 0) put(V, d, at(V, b));
      b++;
    } else {
      put(K, d, at(TK, a));
      if (V != 0) put(V, d, at(TV, a));
      a++;
    }
    d++;
  }
  // What is left of the temporary fills the gap exactly (d + (na - a) == b).
  memory.copy(K + (d << 3), TK + (a << 3), (na - a) << 3);
  if (V != 0) memory.copy(V + (d << 3), TV + (a << 3), (na - a) << 3);
  return err;
}

/** Stable sort of keys K[0, n) carrying values V (0 when the keys are the values). 0 or -1. */
function sortCore(mode: i32, K: usize, V: usize, n: usize): i32 {
  if (n < 2) return 0;
  const minrun = minRunLength(n);
  const maxRuns = n / minrun + 2;
  const runs = alloc(maxRuns << 3);
  const TK = alloc(n << 3);
  const TV = V != 0 ? alloc(n << 3) : 0;
  let result: i32 = 0;
  if (runs == 0 || TK == 0 || (V != 0 && TV == 0)) {
    raiseMemory();
    result = -1;
  } else {
    result = sortRuns(mode, K, V, TK, TV, n, minrun, runs);
  }
  if (runs != 0) free(runs, maxRuns << 3);
  if (TK != 0) free(TK, n << 3);
  if (TV != 0) free(TV, n << 3);
  return result;
}

function sortRuns(mode: i32, K: usize, V: usize, TK: usize, TV: usize, n: usize, minrun: usize, runs: usize): i32 {
  // Pass 1: runs of at least minrun items; their ends go in `runs`.
  let nr: usize = 0;
  let lo: usize = 0;
  while (lo < n) {
    const got = countRun(mode, K, V, lo, n);
    if (got < 0) return -1;
    let len = <usize>got;
    if (len < minrun) {
      const force = n - lo < minrun ? n - lo : minrun;
      if (binaryInsertion(mode, K, V, lo, lo + force, lo + len) < 0) return -1;
      len = force;
    }
    lo += len;
    put(runs, nr++, <u64>lo);
  }
  // Pass 2: merge neighbouring runs pairwise until one is left.
  while (nr > 1) {
    let w: usize = 0;
    let start: usize = 0;
    let j: usize = 0;
    for (; j + 1 < nr; j += 2) {
      const mid = <usize>at(runs, j);
      const end = <usize>at(runs, j + 1);
      if (mergeRuns(mode, K, V, TK, TV, start, mid, end) < 0) return -1;
      put(runs, w++, <u64>end);
      start = end;
    }
    if (j < nr) put(runs, w++, at(runs, j));
    nr = w;
  }
  return 0;
}

/**
 * list.sort(key=key, reverse=reverse) (key NULL or None: the items themselves). 0, or -1 with an
 * exception; the list always ends holding all its items.
 */
export function listSort(p: usize, key: Value, reverse: bool): i32 {
  return sortList(p, key, 0, reverse);
}

/**
 * Sorts list p by precomputed keys: the items of list `keyList` (same length; ValueError
 * otherwise), key i belonging to item i. Stable, reverse as list.sort. For sorted()-like callers
 * that have their keys already, and for tests of stability.
 */
export function listSortByKeys(p: usize, keyList: usize, reverse: bool): i32 {
  if (listSize(keyList) != listSize(p) || keyList == p) {
    raiseMsg(EXC_ValueError, "sort keys must be a separate list of the same length");
    return -1;
  }
  return sortList(p, NULL, keyList, reverse);
}

function sortList(p: usize, key: Value, keyList: usize, reverse: bool): i32 {
  const o = changetype<VecObject>(p);
  const items = <usize>o.items;
  const n = <usize>o.size;
  const cap = <usize>o.capacity;
  o.items = 0;
  o.size = 0;
  o.capacity = 0;
  let result: i32 = 0;
  let keys: usize = 0;
  let keyFailed = false;
  if (keyList != 0 && n > 0) {
    keys = alloc(n << 3);
    if (keys == 0) {
      raiseMemory();
      keyFailed = true;
    } else {
      for (let i: usize = 0; i < n; i++) {
        const k = listItem(keyList, i);
        incref(k);
        put(keys, i, k);
      }
    }
  } else if (key != NULL && key != NONE && n > 0) {
    keys = alloc(n << 3);
    if (keys == 0) {
      raiseMemory();
      keyFailed = true;
    } else {
      for (let i: usize = 0; i < n; i++) {
        const k = objCall(key, items + (i << 3), 1, 0);
        if (k == NULL) {
          for (let j = i; j > 0; j--) decref(at(keys, j - 1));
          free(keys, n << 3);
          keys = 0;
          keyFailed = true;
          break;
        }
        put(keys, i, k);
      }
    }
  }
  if (!keyFailed) {
    const K = keys != 0 ? keys : items;
    const V = keys != 0 ? items : 0;
    if (reverse && n > 1) {
      reverseValues(K, n);
      if (V != 0) reverseValues(V, n);
    }
    result = n < 2 ? 0 : sortCore(sortModeOf(K, n), K, V, n);
    if (keys != 0) {
      for (let i: usize = 0; i < n; i++) decref(at(keys, i));
      free(keys, n << 3);
    }
    if (result == 0 && (o.items != 0 || o.size != 0)) {
      raiseMsg(EXC_ValueError, "list modified during sort");
      result = -1;
    }
    if (reverse && n > 1) reverseValues(items, n);
  } else {
    result = -1;
  }
  // Put the items back; whatever was added meanwhile is dropped.
  const finalItems = <usize>o.items;
  const finalSize = <usize>o.size;
  const finalCap = <usize>o.capacity;
  o.items = <u32>items;
  o.size = <u32>n;
  o.capacity = <u32>cap;
  for (let i = finalSize; i > 0; i--) decref(at(finalItems, i - 1));
  if (finalCap != 0) free(finalItems, finalCap << 3);
  return result;
}

/** sort's reverse argument: an int that fits a C int, used as a truth value. */
function reverseFlag(v: Value): i32 {
  if (!isIntValue(v)) {
    raiseBegin(EXC_TypeError);
    errText("'");
    errTypeName(v);
    errText("' object cannot be interpreted as an integer");
    return -1;
  }
  const x = intClampI64(v);
  if (x < -2147483648 || x > 2147483647) {
    raiseMsg(EXC_OverflowError, "Python int too large to convert to C int");
    return -1;
  }
  return x != 0 ? 1 : 0;
}

function listSortMethod(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (nargs > 0) return raiseMsg(EXC_TypeError, "sort() takes no positional arguments");
  let key: Value = NULL;
  let rev: Value = NULL;
  const nk = kwCount(kwnames);
  for (let i = 0; i < nk; i++) {
    const name = <usize>tupleItem(kwnames, <usize>i);
    if (strEqualLiteral(name, "key")) key = arg(args, nargs + i);
    else if (strEqualLiteral(name, "reverse")) rev = arg(args, nargs + i);
    else {
      raiseBegin(EXC_TypeError);
      errText("'");
      errStrObject(name);
      errText("' is an invalid keyword argument for sort()");
      return NULL;
    }
  }
  let reverse = false;
  if (rev != NULL) {
    const f = reverseFlag(rev);
    if (f < 0) return NULL;
    reverse = f != 0;
  }
  return listSort(<usize>self, key, reverse) < 0 ? NULL : NONE;
}

export function registerListMethods(): void {
  const t = typeObject(KIND_LIST);
  addMethod(t, "append", listAppendMethod);
  addMethod(t, "extend", listExtendMethod);
  addMethod(t, "insert", listInsertMethod);
  addMethod(t, "pop", listPopMethod);
  addMethod(t, "remove", listRemoveMethod);
  addMethod(t, "index", listIndexMethod);
  addMethod(t, "count", listCountMethod);
  addMethod(t, "reverse", listReverseMethod);
  addMethod(t, "copy", listCopyMethod);
  addMethod(t, "clear", listClearMethod);
  addMethod(t, "sort", listSortMethod);
}
