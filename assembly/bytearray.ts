/**
 * bytearray: a mutable, growable byte string (CPython 3.11's behaviour and messages).
 *
 *   offset 0   [ refcnt u32              | type u32 -> bytearray ]
 *          8   [ size u32                | capacity u32          ]
 *         16   [ items u32 -> byte block | 0 u32                 ]
 *
 * Block 24 bytes; the items block is `capacity` bytes (no block while capacity is 0). size sits at
 * offset 8 as bytes' length does, so len() reads both the same way; bytes-ops.ts `bufData`/`bufLen`
 * read either layout, which is how the non-mutating methods (find, split, decode, ...) are shared.
 *
 * Entry points: baNew, baFromData, bytearrayCall (the constructor), bytearraySubscript,
 * bytearrayAssSubscript (item/slice assignment and deletion), bytearrayCompare, bytearrayConcat,
 * bytearrayRepeat, bytearrayInplace (+= *=), bytearrayFreeBlocks / BYTEARRAY_SIZE (refcount.ts),
 * registerBytearrayMethods. repr, `in` and iteration are bytes-ops.ts's (bytesRepr, bytesContains,
 * bytesIterNew), which read bytearrays too.
 *
 * Conventions: arguments borrowed, results new references; NULL / -1 with an exception set on error.
 */
import { alloc, free } from "./heap";
import { initHeader } from "./object";
import { Value, NULL, NONE, TRUE, FALSE, isSmallInt, getSmallInt, makeSmallInt, isObject } from "./values";
import {
  kindOf,
  kindOfValue,
  typeObject,
  raiseMsg,
  raiseBegin,
  raiseMemory,
  errText,
  errInt,
  errTypeName,
  errorType,
  KIND_BYTES,
  KIND_BYTEARRAY,
  KIND_STR,
  KIND_SLICE,
  KIND_INT,
  KIND_FLOAT,
  KIND_COMPLEX,
  KIND_BOOL,
  EXC_TypeError,
  EXC_ValueError,
  EXC_IndexError,
  EXC_OverflowError,
  EXC_BufferError,
} from "./types";
import { decref, increfObject } from "./refcount";
import { bytesData, bytesLength } from "./bytes";
import { NOT_IMPLEMENTED } from "./singletons";
import { isIntValue, intClampI64, subscriptIndex, asSsize, indexOut, bigToI64, sliceIndicesFor, sliceStartOut, sliceStepOut } from "./slice";
import { addMethod, arg, kwCount, noKeywords, checkArgCount } from "./native";
import { objGetIter, objIterNext } from "./ops";
import { isBytesLike, bufData, bufLen, registerBytesMethodsOn, parseArgs, parsedArg, strEncodeWith, bytesCompare, byteInRange } from "./bytes-ops";

export const BYTEARRAY_SIZE: usize = 24;
const MAX_SIZE: usize = 0x7ffffff0;

// ---------------------------------------------------------------------------------------------------
// Layout

// @ts-ignore: decorator
@inline export function baLen(p: usize): usize {
  return <usize>load<u32>(p, 8);
}
// @ts-ignore: decorator
@inline function baCap(p: usize): usize {
  return <usize>load<u32>(p, 12);
}
// @ts-ignore: decorator
@inline export function baData(p: usize): usize {
  return <usize>load<u32>(p, 16);
}

// @ts-ignore: decorator
@inline export function isByteArray(v: Value): bool {
  return isObject(v) && kindOf(<usize>v) == KIND_BYTEARRAY;
}

/** A new bytearray of n zero bytes (capacity n). 0 with MemoryError. */
export function baNew(n: usize): usize {
  if (n > MAX_SIZE) return raiseMemory();
  const p = alloc(BYTEARRAY_SIZE);
  if (p == 0) return raiseMemory();
  if (n > 0) {
    const items = alloc(n);
    if (items == 0) {
      free(p, BYTEARRAY_SIZE);
      return raiseMemory();
    }
    store<u32>(p, <u32>items, 16);
  }
  initHeader(p, typeObject(KIND_BYTEARRAY));
  store<u32>(p, <u32>n, 8);
  store<u32>(p, <u32>n, 12);
  return p;
}

/** A new bytearray holding a copy of [src, src + n). */
export function baFromData(src: usize, n: usize): usize {
  const p = baNew(n);
  if (p != 0 && n > 0) memory.copy(baData(p), src, n);
  return p;
}

/** Frees the items block (refcount.ts freeShallow; the 24-byte block is freed by the caller). */
export function bytearrayFreeBlocks(p: usize): void {
  const cap = baCap(p);
  if (cap != 0) free(baData(p), cap);
}

/**
 * Sets the size to n: grows the items block (over-allocating a little when growing by small steps,
 * so appends are amortized O(1)), zeroes bytes that become visible, shrinks the block when less than
 * half of it would be used. false with MemoryError.
 */
function baResize(p: usize, n: usize): bool {
  const cap = baCap(p);
  const size = baLen(p);
  if (n <= cap && n >= cap >> 1) {
    if (n > size) memory.fill(baData(p) + size, 0, n - size);
    store<u32>(p, <u32>n, 8);
    return true;
  }
  if (n > MAX_SIZE) {
    raiseMemory();
    return false;
  }
  let ncap = n;
  if (n > cap && <u64>n <= <u64>cap + (<u64>cap >> 3)) ncap = n + (n >> 3) + (n < 9 ? 3 : 6);
  if (ncap > MAX_SIZE) ncap = MAX_SIZE;
  let items: usize = 0;
  if (ncap != 0) {
    items = alloc(ncap);
    if (items == 0) {
      raiseMemory();
      return false;
    }
    const keep = size < n ? size : n;
    if (keep != 0) memory.copy(items, baData(p), keep);
  }
  if (cap != 0) free(baData(p), cap);
  store<u32>(p, <u32>items, 16);
  store<u32>(p, <u32>ncap, 12);
  store<u32>(p, <u32>n, 8);
  return true;
}

// ---------------------------------------------------------------------------------------------------
// Byte values

/** _getbytevalue: an int in range(256), else -1 with TypeError / ValueError (CPython's messages). */
function byteArg(v: Value): i32 {
  return byteInRange(v, "byte must be in range(0, 256)");
}

function raiseNotInteger(v: Value): void {
  raiseBegin(EXC_TypeError);
  errText("'");
  errTypeName(v);
  errText("' object cannot be interpreted as an integer");
}

// ---------------------------------------------------------------------------------------------------
// Construction

/** A new bytearray of the ints an iterator yields (each in range(256)). */
function baFromIterator(it: Value): usize {
  const r = baNew(0);
  if (r == 0) return 0;
  while (true) {
    const v = objIterNext(it);
    if (v == NULL) {
      if (errorType() != 0) {
        decref(<Value>r);
        return 0;
      }
      return r;
    }
    const c = byteArg(v);
    decref(v);
    if (c < 0 || !baResize(r, baLen(r) + 1)) {
      decref(<Value>r);
      return 0;
    }
    store<u8>(baData(r) + baLen(r) - 1, <u8>c);
  }
  return r;
}

/**
 * A new bytearray from an iterable of ints (after bytes-like objects, which the callers copy):
 * TypeError "cannot convert 'X' object to bytearray" (`what` = null) or "can't extend bytearray
 * with X" when it is not iterable.
 */
function baFromIterable(v: Value, forExtend: bool): usize {
  const it = objGetIter(v);
  if (it == NULL) {
    if (errorType() == EXC_TypeError) {
      raiseBegin(EXC_TypeError);
      if (forExtend) {
        errText("can't extend bytearray with ");
        errTypeName(v);
      } else {
        errText("cannot convert '");
        errTypeName(v);
        errText("' object to bytearray");
      }
    }
    return 0;
  }
  const r = baFromIterator(it);
  decref(it);
  return r;
}

/** bytearray(x) with one argument (no encoding): count, bytes-like, or iterable of ints. */
function baFromSource(x: Value): usize {
  if (isObject(x)) {
    const k = kindOf(<usize>x);
    if (k == KIND_STR) return raiseMsg(EXC_TypeError, "string argument without an encoding");
    if (k == KIND_BYTES || k == KIND_BYTEARRAY) return baFromData(bufData(<usize>x), bufLen(<usize>x));
  }
  if (isIntValue(x)) {
    let n: i64;
    if (isSmallInt(x)) n = getSmallInt(x);
    else if (x == TRUE || x == FALSE) n = x == TRUE ? 1 : 0;
    else if (bigToI64(<usize>x)) n = indexOut;
    else return raiseMsg(EXC_OverflowError, "cannot fit 'int' into an index-sized integer");
    if (n < 0) return raiseMsg(EXC_ValueError, "negative count");
    if (n > <i64>MAX_SIZE) return raiseMemory();
    return baNew(<usize>n);
  }
  return baFromIterable(x, false);
}

/** bytearray([source[, encoding[, errors]]]) in the native calling convention. */
export function bytearrayCall(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!parseArgs("bytearray", args, nargs, kwnames, "source,encoding,errors", 3)) return NULL;
  const x = parsedArg(0);
  const enc = parsedArg(1);
  const errs = parsedArg(2);
  if (enc != NULL && kindOfValue(enc) != KIND_STR) return argNotStr("encoding", enc);
  if (errs != NULL && kindOfValue(errs) != KIND_STR) return argNotStr("errors", errs);
  if (x == NULL) {
    if (enc != NULL || errs != NULL) return noStringArg(enc != NULL);
    return <Value>baNew(0);
  }
  if (kindOfValue(x) == KIND_STR) {
    if (enc == NULL) return <Value>raiseMsg(EXC_TypeError, "string argument without an encoding");
    const b = strEncodeWith(x, enc, errs);
    if (b == NULL) return NULL;
    const r = isBytesLike(b) ? baFromData(bufData(<usize>b), bufLen(<usize>b)) : raiseMsg(EXC_TypeError, "encoder did not return a bytes object");
    decref(b);
    return <Value>r;
  }
  if (enc != NULL || errs != NULL) return noStringArg(enc != NULL);
  return <Value>baFromSource(x);
}

function argNotStr(name: string, v: Value): Value {
  raiseBegin(EXC_TypeError);
  errText("bytearray() argument '");
  errText(name);
  errText("' must be str, not ");
  errTypeName(v);
  return NULL;
}

function noStringArg(encoding: bool): Value {
  return <Value>raiseMsg(EXC_TypeError, encoding ? "encoding without a string argument" : "errors without a string argument");
}

// ---------------------------------------------------------------------------------------------------
// Subscripts

import { hasIndexSlot, getItemViaIndex, setItemViaIndex } from "./index-protocol";
function raiseBadIndexType(key: Value): void {
  raiseBegin(EXC_TypeError);
  errText("bytearray indices must be integers or slices, not ");
  errTypeName(key);
}

/** An int subscript as i64 (IndexError "cannot fit 'int' into an index-sized integer"). */
function intKey(key: Value): bool {
  if (isSmallInt(key)) {
    indexOut = getSmallInt(key);
    return true;
  }
  return subscriptIndex(key);
}

/** ba[key]: an int index gives an int, a slice a new bytearray. */
export function bytearraySubscript(p: usize, key: Value): Value {
  const n = <i64>baLen(p);
  if (isIntValue(key)) {
    if (!intKey(key)) return NULL;
    let i = indexOut;
    if (i < 0) i += n;
    if (i < 0 || i >= n) return <Value>raiseMsg(EXC_IndexError, "bytearray index out of range");
    return makeSmallInt(<i64>load<u8>(baData(p) + <usize>i));
  }
  if (isObject(key) && kindOf(<usize>key) == KIND_SLICE) {
    const count = sliceIndicesFor(<usize>key, n);
    if (count < 0) return NULL;
    const start = sliceStartOut;
    const step = sliceStepOut;
    if (step == 1) return <Value>baFromData(baData(p) + <usize>start, <usize>count);
    const r = baNew(<usize>count);
    if (r == 0) return NULL;
    const src = baData(p);
    const dst = baData(r);
    let i = start;
    for (let j: usize = 0; j < <usize>count; j++, i += step) store<u8>(dst + j, load<u8>(src + <usize>i));
    return <Value>r;
  }
  if (hasIndexSlot(key)) return getItemViaIndex(<Value>p, key);
  raiseBadIndexType(key);
  return NULL;
}

/** Replaces ba[lo:hi] (0 <= lo <= hi <= len) by the n bytes at src (src must not be ba's own buffer). */
function setLinear(p: usize, lo: usize, hi: usize, src: usize, n: usize): bool {
  const size = baLen(p);
  const old = hi - lo;
  if (n < old) {
    const d = baData(p);
    if (n != 0) memory.copy(d + lo, src, n);
    memory.copy(d + lo + n, d + hi, size - hi);
    return baResize(p, size - (old - n));
  }
  if (n > old) {
    if (<u64>size + <u64>(n - old) > <u64>MAX_SIZE) {
      raiseMemory();
      return false;
    }
    if (!baResize(p, size + (n - old))) return false;
    const d = baData(p);
    memory.copy(d + lo + n, d + hi, size - hi);
  }
  if (n != 0) memory.copy(baData(p) + lo, src, n);
  return true;
}

/** Deletes the `count` bytes start, start+step, ... (step != 1, either sign). */
function deleteExtended(p: usize, start: i64, step: i64, count: i64): bool {
  if (count <= 0) return true;
  let lo = start;
  let st = step;
  if (st < 0) {
    // The same positions walked upwards.
    lo = start + st * (count - 1);
    st = -st;
  }
  const d = baData(p);
  const size = <i64>baLen(p);
  // Compact: every kept byte from lo on moves down past the deleted ones.
  let w = lo;
  let r = lo;
  let k: i64 = 0;
  while (r < size) {
    if (k < count && r == lo + k * st) {
      k++;
    } else {
      store<u8>(d + <usize>w, load<u8>(d + <usize>r));
      w++;
    }
    r++;
  }
  return baResize(p, <usize>(size - count));
}

/** ba[key] = value, or del ba[key] when value is NULL: 0, or -1 with an exception. */
export function bytearrayAssSubscript(p: usize, key: Value, value: Value): i32 {
  if (isIntValue(key)) {
    if (!intKey(key)) return -1;
    let i = indexOut;
    let c: i32 = 0;
    if (value != NULL) {
      c = byteArg(value);
      if (c < 0) return -1;
    }
    const n = <i64>baLen(p);
    if (i < 0) i += n;
    if (i < 0 || i >= n) {
      raiseMsg(EXC_IndexError, "bytearray index out of range");
      return -1;
    }
    if (value != NULL) {
      store<u8>(baData(p) + <usize>i, <u8>c);
      return 0;
    }
    const d = baData(p);
    memory.copy(d + <usize>i, d + <usize>i + 1, <usize>(n - i - 1));
    return baResize(p, <usize>(n - 1)) ? 0 : -1;
  }
  if (!(isObject(key) && kindOf(<usize>key) == KIND_SLICE)) {
    if (hasIndexSlot(key)) return setItemViaIndex(<Value>p, key, value);
    raiseBadIndexType(key);
    return -1;
  }
  const count = sliceIndicesFor(<usize>key, <i64>baLen(p));
  if (count < 0) return -1;
  let start = sliceStartOut;
  const step = sliceStepOut;
  // The bytes to store: a bytearray other than ba as is, anything else copied into a temporary.
  let src: usize = 0;
  let n: usize = 0;
  let tmp: usize = 0;
  if (value != NULL) {
    if (isByteArray(value) && <usize>value != p) {
      src = baData(<usize>value);
      n = baLen(<usize>value);
    } else {
      const k = kindOfValue(value);
      if (k == KIND_INT || k == KIND_BOOL || k == KIND_FLOAT || k == KIND_COMPLEX || k == KIND_STR) {
        raiseMsg(EXC_TypeError, "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
        return -1;
      }
      tmp = isBytesLike(value) ? baFromData(bufData(<usize>value), bufLen(<usize>value)) : baFromIterable(value, false);
      if (tmp == 0) return -1;
      src = baData(tmp);
      n = baLen(tmp);
      // Making the copy may have run Python code that resized ba: the slice is taken again.
      const again = sliceIndicesFor(<usize>key, <i64>baLen(p));
      if (again < 0) {
        decref(<Value>tmp);
        return -1;
      }
      start = sliceStartOut;
      return finishAssign(p, start, step, again, src, n, tmp);
    }
  }
  return finishAssign(p, start, step, count, src, n, tmp);
}

function finishAssign(p: usize, start: i64, step: i64, count: i64, src: usize, n: usize, tmp: usize): i32 {
  let ok = true;
  if (step == 1) {
    ok = setLinear(p, <usize>start, <usize>(start + count), src, n);
  } else if (n == 0) {
    // An empty value deletes an extended slice (CPython's behaviour, for del and for = b"").
    ok = deleteExtended(p, start, step, count);
  } else if (<i64>n != count) {
    raiseBegin(EXC_ValueError);
    errText("attempt to assign bytes of size ");
    errInt(<i64>n);
    errText(" to extended slice of size ");
    errInt(count);
    ok = false;
  } else {
    const d = baData(p);
    let i = start;
    for (let j: usize = 0; j < n; j++, i += step) store<u8>(d + <usize>i, load<u8>(src + j));
  }
  if (tmp != 0) decref(<Value>tmp);
  return ok ? 0 : -1;
}

// ---------------------------------------------------------------------------------------------------
// Operators

/** a OP b (CMP_* 0..5) for a bytearray a: NotImplemented unless b is bytes-like. */
export function bytearrayCompare(a: Value, b: Value, op: i32): Value {
  if (!isBytesLike(b)) return <Value>NOT_IMPLEMENTED;
  const c = bytesCompare(<usize>a, <usize>b);
  let r: bool;
  switch (op) {
    case 0:
      r = c < 0;
      break;
    case 1:
      r = c <= 0;
      break;
    case 2:
      r = c == 0;
      break;
    case 3:
      r = c != 0;
      break;
    case 4:
      r = c > 0;
      break;
    default:
      r = c >= 0;
  }
  return r ? TRUE : FALSE;
}

/** a + b for a bytearray a: a new bytearray; NotImplemented unless b is bytes-like (ops.ts raises). */
export function bytearrayConcat(a: Value, b: Value): Value {
  if (!isBytesLike(b)) return <Value>NOT_IMPLEMENTED;
  const na = baLen(<usize>a);
  const nb = bufLen(<usize>b);
  if (<u64>na + <u64>nb > <u64>MAX_SIZE) return <Value>raiseMemory();
  const r = baNew(na + nb);
  if (r == 0) return NULL;
  if (na != 0) memory.copy(baData(r), baData(<usize>a), na);
  if (nb != 0) memory.copy(baData(r) + na, bufData(<usize>b), nb);
  return <Value>r;
}

/** Fills [d + len, d + total) by doubling copies of the first len bytes (len > 0). */
function fillRepeat(d: usize, len: usize, total: usize): void {
  if (len == 1) {
    memory.fill(d + 1, load<u8>(d), total - 1);
    return;
  }
  let done = len;
  while (done < total) {
    const c = done <= total - done ? done : total - done;
    memory.copy(d + done, d, c);
    done += c;
  }
}

/** The size of `len` bytes repeated n times, or -1 with MemoryError (n > 0, len > 0). */
function repeatSize(len: usize, n: i64): i64 {
  if (<u64>n > <u64>MAX_SIZE / <u64>len) {
    raiseMemory();
    return -1;
  }
  return <i64>len * n;
}

/** a * n: a new bytearray (n <= 0 gives an empty one). */
export function bytearrayRepeat(a: usize, n: i64): Value {
  const len = baLen(a);
  if (n <= 0 || len == 0) return <Value>baNew(0);
  const total = repeatSize(len, n);
  if (total < 0) return NULL;
  const r = baNew(<usize>total);
  if (r == 0) return NULL;
  memory.copy(baData(r), baData(a), len);
  fillRepeat(baData(r), len, <usize>total);
  return <Value>r;
}

/**
 * a += b / a *= b (base: BINARY_OP's 0 / 5) in place; a new reference to a, or NotImplemented for
 * other operators. CPython raises here directly rather than trying b's methods.
 */
export function bytearrayInplace(a: Value, b: Value, base: i32): Value {
  const p = <usize>a;
  if (base == 0) {
    if (!isBytesLike(b)) {
      raiseBegin(EXC_TypeError);
      errText("can't concat ");
      errTypeName(b);
      errText(" to bytearray");
      return NULL;
    }
    // CPython holds b's buffer while resizing a: a += a fails the same way.
    if (<usize>b == p && baLen(p) != 0) return <Value>raiseMsg(EXC_BufferError, "Existing exports of data: object cannot be re-sized");
    const n = bufLen(<usize>b);
    if (n != 0) {
      const size = baLen(p);
      if (<u64>size + <u64>n > <u64>MAX_SIZE) return <Value>raiseMemory();
      if (!baResize(p, size + n)) return NULL;
      memory.copy(baData(p) + size, bufData(<usize>b), n);
    }
    increfObject(p);
    return a;
  }
  if (base == 5) {
    if (!isIntValue(b)) {
      raiseBegin(EXC_TypeError);
      errText("can't multiply sequence by non-int of type '");
      errTypeName(b);
      errText("'");
      return NULL;
    }
    let n: i64;
    if (isSmallInt(b)) n = getSmallInt(b);
    else if (b == TRUE || b == FALSE) n = b == TRUE ? 1 : 0;
    else if (bigToI64(<usize>b)) n = indexOut;
    else if (intClampI64(b) < 0) n = 0;
    else return <Value>raiseMsg(EXC_OverflowError, "cannot fit 'int' into an index-sized integer");
    const len = baLen(p);
    if (n <= 0 || len == 0) {
      if (!baResize(p, 0)) return NULL;
    } else if (n > 1) {
      const total = repeatSize(len, n);
      if (total < 0 || !baResize(p, <usize>total)) return NULL;
      fillRepeat(baData(p), len, <usize>total);
    }
    increfObject(p);
    return a;
  }
  return <Value>NOT_IMPLEMENTED;
}

// ---------------------------------------------------------------------------------------------------
// Methods that change the bytearray

function m_append(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("bytearray.append", kwnames) || !checkArgCount("bytearray.append", nargs, 1, 1)) return NULL;
  const c = byteArg(arg(args, 0));
  if (c < 0) return NULL;
  const p = <usize>self;
  const n = baLen(p);
  if (!baResize(p, n + 1)) return NULL;
  store<u8>(baData(p) + n, <u8>c);
  return NONE;
}

/** ba.extend(x) for a bytes-like or an iterable of ints; unchanged when it fails. */
export function bytearrayExtend(p: usize, x: Value): bool {
  if (isBytesLike(x)) {
    const n = bufLen(<usize>x);
    if (n == 0) return true;
    const size = baLen(p);
    if (<u64>size + <u64>n > <u64>MAX_SIZE) {
      raiseMemory();
      return false;
    }
    // When x is ba itself its data moves on resize: copy from the new block.
    const self = <usize>x == p;
    const src = self ? 0 : bufData(<usize>x);
    if (!baResize(p, size + n)) return false;
    memory.copy(baData(p) + size, self ? baData(p) : src, n);
    return true;
  }
  const tmp = baFromIterable(x, true);
  if (tmp == 0) return false;
  const ok = bytearrayExtend(p, <Value>tmp);
  decref(<Value>tmp);
  return ok;
}

function m_extend(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("bytearray.extend", kwnames) || !checkArgCount("bytearray.extend", nargs, 1, 1)) return NULL;
  return bytearrayExtend(<usize>self, arg(args, 0)) ? NONE : NULL;
}

function m_insert(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("bytearray.insert", kwnames)) return NULL;
  if (nargs != 2) {
    raiseBegin(EXC_TypeError);
    errText("insert expected 2 arguments, got ");
    errInt(nargs);
    return NULL;
  }
  if (!asSsize(arg(args, 0))) return NULL;
  let where = indexOut;
  const c = byteArg(arg(args, 1));
  if (c < 0) return NULL;
  const p = <usize>self;
  const n = <i64>baLen(p);
  if (where < 0) {
    where += n;
    if (where < 0) where = 0;
  }
  if (where > n) where = n;
  if (!baResize(p, <usize>(n + 1))) return NULL;
  const d = baData(p);
  memory.copy(d + <usize>where + 1, d + <usize>where, <usize>(n - where));
  store<u8>(d + <usize>where, <u8>c);
  return NONE;
}

function m_pop(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("bytearray.pop", kwnames)) return NULL;
  if (nargs > 1) {
    raiseBegin(EXC_TypeError);
    errText("pop expected at most 1 argument, got ");
    errInt(nargs);
    return NULL;
  }
  let i: i64 = -1;
  if (nargs == 1) {
    if (!asSsize(arg(args, 0))) return NULL;
    i = indexOut;
  }
  const p = <usize>self;
  const n = <i64>baLen(p);
  if (n == 0) return <Value>raiseMsg(EXC_IndexError, "pop from empty bytearray");
  if (i < 0) i += n;
  if (i < 0 || i >= n) return <Value>raiseMsg(EXC_IndexError, "pop index out of range");
  const d = baData(p);
  const c = <i64>load<u8>(d + <usize>i);
  memory.copy(d + <usize>i, d + <usize>i + 1, <usize>(n - i - 1));
  if (!baResize(p, <usize>(n - 1))) return NULL;
  return makeSmallInt(c);
}

function m_remove(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("bytearray.remove", kwnames) || !checkArgCount("bytearray.remove", nargs, 1, 1)) return NULL;
  const c = byteArg(arg(args, 0));
  if (c < 0) return NULL;
  const p = <usize>self;
  const n = baLen(p);
  const d = baData(p);
  for (let i: usize = 0; i < n; i++) {
    if (<i32>load<u8>(d + i) == c) {
      memory.copy(d + i, d + i + 1, n - i - 1);
      return baResize(p, n - 1) ? NONE : NULL;
    }
  }
  return <Value>raiseMsg(EXC_ValueError, "value not found in bytearray");
}

function m_clear(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("bytearray.clear", kwnames) || !checkArgCount("bytearray.clear", nargs, 0, 0)) return NULL;
  return baResize(<usize>self, 0) ? NONE : NULL;
}

function m_copy(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("bytearray.copy", kwnames) || !checkArgCount("bytearray.copy", nargs, 0, 0)) return NULL;
  return <Value>baFromData(baData(<usize>self), baLen(<usize>self));
}

function m_reverse(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("bytearray.reverse", kwnames) || !checkArgCount("bytearray.reverse", nargs, 0, 0)) return NULL;
  const p = <usize>self;
  const d = baData(p);
  let a: usize = 0;
  let z = baLen(p);
  while (z > a + 1) {
    z--;
    const t = load<u8>(d + a);
    store<u8>(d + a, load<u8>(d + z));
    store<u8>(d + z, t);
    a++;
  }
  return NONE;
}

// ---------------------------------------------------------------------------------------------------
// Registration

export function registerBytearrayMethods(): void {
  const t = typeObject(KIND_BYTEARRAY);
  registerBytesMethodsOn(t);
  addMethod(t, "append", m_append);
  addMethod(t, "extend", m_extend);
  addMethod(t, "insert", m_insert);
  addMethod(t, "pop", m_pop);
  addMethod(t, "remove", m_remove);
  addMethod(t, "clear", m_clear);
  addMethod(t, "copy", m_copy);
  addMethod(t, "reverse", m_reverse);
}
