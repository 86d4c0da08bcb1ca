/**
 * bytes operations and methods (CPython 3.11's behaviour and messages) on the bytes.ts layout.
 *
 *   bytesConcat, bytesRepeat, bytesCompare, bytesSubscript, bytesContains, bytesIterNew/Next,
 *   bytesRepr, bytesFromValue (bytes(x)), bytesCall (the bytes() builtin), bytesDecode, strDecode
 *   (str(b, encoding, errors)), bytesToStrLatin1, bytesJoin, bytesReplace, bytesHex, bytesFromHex,
 *   registerBytesMethods (decode, hex, fromhex, find/rfind/index/rindex/count, startswith/endswith,
 *   join, split/rsplit, strip/lstrip/rstrip, replace, partition/rpartition, removeprefix/suffix,
 *   upper/lower/swapcase, is* tests).
 *
 * Results of length 0 and 1 are immortal statics (CPython caches the same objects), so slicing and
 * splitting into single bytes never allocate. Operations that change nothing hand back the object
 * itself when it is an exact bytes (CPython's "return self"), as `is` can observe.
 *
 * "bytes-like" means bytes or bytearray (memoryview to come: isBytesLike is the hook); their data is
 * read through bufData/bufLen, so the methods serve bytearray too (registerBytesMethodsOn), with
 * results of self's type (bytearray methods always make new objects) and "bytearray.x" in messages.
 * Objects with __index__ are not accepted as ints yet (slice.ts's isIntValue decides).
 *
 * bytes_iterator (KIND_BYTES_ITER), block 16: [ header | seq u32 -> bytes (0 once exhausted) | index u32 ].
 *
 * Conventions: arguments borrowed, results new references; NULL / -1 with an exception set on error.
 */
import { alloc, free } from "./heap";
import { initHeader, initStaticHeader, typeOfObject } from "./object";
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
  errByte,
  errHex2,
  errStrObject,
  errTypeName,
  typeName,
  errorType,
  errorMessagePtr,
  errorMessageLength,
  errBytes,
  KIND_BYTES,
  KIND_BYTEARRAY,
  KIND_STR,
  KIND_TUPLE,
  KIND_LIST,
  KIND_SLICE,
  KIND_BYTES_ITER,
  EXC_TypeError,
  EXC_ValueError,
  EXC_IndexError,
  EXC_OverflowError,
  EXC_LookupError,
  EXC_UnicodeDecodeError,
} from "./types";
import { incref, decref, increfObject } from "./refcount";
import { BytesObject, BYTES_HEADER_SIZE, bytesAlloc, bytesLength, bytesData } from "./bytes";
import { StrObject, strAlloc, strLength, strKind, strData, strEqualLiteral } from "./str";
import { strEmpty, findChar, searchFwd, searchBwd, adjustRange, rangeStart, rangeEnd } from "./str-ops";
import { isIntValue, intClampI64, subscriptIndex, asSsize, indexOut, bigToI64, sliceIndicesFor, sliceStartOut, sliceStepOut } from "./slice";
import { tupleSize, tupleItem, tupleAlloc, tupleSetItem, vecSize, vecItems } from "./tuple";
import { listNewEmpty, listAppendSteal, seqFast } from "./list";
import { addMethod, arg, kwCount, noKeywords, checkArgCount, METHOD_CLASS, registeredMethodCount, registeredMethodType, registeredMethodName, registeredMethodFn, NativeFn } from "./native";
import { objGetIter, objIterNext, objLen } from "./ops";
import { baNew, baFromData } from "./bytearray";
import { strPercentFormat, strIsMappingHook, strSubscriptHook } from "./str-methods";
import { registerBytesTextMethods } from "./bytes-text";
import { variantType, VARIANT_BYTEARRAY_ITER } from "./type-variants";

const I64_MAX: i64 = 0x7fffffffffffffff;
export const BYTES_ITER_SIZE: usize = 16;

// ---------------------------------------------------------------------------------------------------
// Static bytes: b"" and the 256 one-byte objects (immortal)

const BYTE_SLOT: usize = 32; // 24-byte header + 1 data byte, 8-aligned
const STATIC_BYTES: usize = memory.data(257 * <i32>BYTE_SLOT, 8);
const EMPTY_SLOT: usize = STATIC_BYTES + 256 * BYTE_SLOT;
// Built on first use: module start-up order (import cycles through refcount.ts) may run this file's
// top level before types.ts has set up the bytes type.
let staticsReady = false;

function initStaticBytes(): void {
  staticsReady = true;
  for (let c: usize = 0; c <= 256; c++) {
    const p = STATIC_BYTES + c * BYTE_SLOT;
    initStaticHeader(p, typeObject(KIND_BYTES));
    changetype<BytesObject>(p).length = c == 256 ? 0 : 1;
    changetype<BytesObject>(p).hash = -1;
    store<u8>(p + BYTES_HEADER_SIZE, <u8>c);
  }
}

/** b"" (immortal; counts as a new reference). */
export function bytesEmpty(): usize {
  if (!staticsReady) initStaticBytes();
  return EMPTY_SLOT;
}

/** The one-byte bytes object for c (immortal). */
export function bytesOfByte(c: u32): usize {
  if (!staticsReady) initStaticBytes();
  return STATIC_BYTES + <usize>(c & 0xff) * BYTE_SLOT;
}

/** A bytes object with a copy of [src, src + n): statics for n < 2. 0 on MemoryError. */
export function bytesCopy(src: usize, n: usize): usize {
  if (n == 0) return bytesEmpty();
  if (n == 1) return bytesOfByte(<u32>load<u8>(src));
  const p = bytesAlloc(n);
  if (p != 0) memory.copy(bufData(p), src, n);
  return p;
}

/** A fresh bytes object of n bytes for the caller to fill (never a static). */
// @ts-ignore: decorator
@inline function bytesRaw(n: usize): usize {
  return bytesAlloc(n);
}

// @ts-ignore: decorator
@inline export function isBytes(v: Value): bool {
  return isObject(v) && kindOf(<usize>v) == KIND_BYTES;
}

/** Whether v provides bytes (the buffer protocol's place): bytes or bytearray; memoryview to come. */
// @ts-ignore: decorator
@inline export function isBytesLike(v: Value): bool {
  if (!isObject(v)) return false;
  const k = kindOf(<usize>v);
  return k == KIND_BYTES || k == KIND_BYTEARRAY;
}

// @ts-ignore: decorator
@inline function isArray(p: usize): bool {
  return kindOf(p) == KIND_BYTEARRAY;
}

/** The data of a bytes-like object: inline for bytes, the items block of a bytearray (moves when it is resized). */
// @ts-ignore: decorator
@inline export function bufData(p: usize): usize {
  return isArray(p) ? <usize>load<u32>(p, 16) : p + BYTES_HEADER_SIZE;
}

/** The length of a bytes-like object (offset 8 in both layouts). */
// @ts-ignore: decorator
@inline export function bufLen(p: usize): u32 {
  return load<u32>(p, 8);
}

/** A new object of b's type (bytes or bytearray) holding a copy of [src, src + n). */
export function likeCopy(b: usize, src: usize, n: usize): usize {
  return isArray(b) ? baFromData(src, n) : bytesCopy(src, n);
}

/** A fresh object of b's type with n bytes to fill (through bufData). */
export function likeRaw(b: usize, n: usize): usize {
  return isArray(b) ? baNew(n) : bytesRaw(n);
}

// @ts-ignore: decorator
@inline function isExactBytes(p: usize): bool {
  return typeOfObject(p) == typeObject(KIND_BYTES);
}

/** b[i:j] (0 <= i <= j <= len) of b's type: b itself when that is all of an exact bytes. */
export function bytesSub(b: usize, i: usize, j: usize): usize {
  if (isArray(b)) return baFromData(bufData(b) + i, j - i);
  if (i == 0 && j == <usize>bufLen(b) && isExactBytes(b)) {
    increfObject(b);
    return b;
  }
  return bytesCopy(bufData(b) + i, j - i);
}

/** b itself (exact bytes) or a copy (of b's type): what "nothing changed" returns. */
export function bytesSelf(b: usize): Value {
  return <Value>bytesSub(b, 0, <usize>bufLen(b));
}

export function raiseNeedBytes(v: Value): usize {
  raiseBegin(EXC_TypeError);
  errText("a bytes-like object is required, not '");
  errTypeName(v);
  errText("'");
  return 0;
}

// ---------------------------------------------------------------------------------------------------
// Operators

/** a + b (both bytes). */
export function bytesConcat(a: usize, b: usize): Value {
  const na = <usize>bufLen(a);
  const nb = <usize>bufLen(b);
  if (na == 0 && isExactBytes(b)) {
    increfObject(b);
    return <Value>b;
  }
  if (nb == 0 && isExactBytes(a)) {
    increfObject(a);
    return <Value>a;
  }
  if (na + nb > 0x7ffffff0) return <Value>raiseMemory();
  const r = bytesRaw(na + nb);
  if (r == 0) return NULL;
  memory.copy(bufData(r), bufData(a), na);
  memory.copy(bufData(r) + na, bufData(b), nb);
  return <Value>r;
}

/** b * n (n <= 0 gives b""). OverflowError "repeated bytes are too long" beyond ssize_t. */
export function bytesRepeat(b: usize, n: i64): Value {
  const len = <i64>bufLen(b);
  if (n <= 0 || len == 0) return <Value>bytesEmpty();
  if (n == 1 && isExactBytes(b)) {
    increfObject(b);
    return <Value>b;
  }
  if (len > I64_MAX / n) return <Value>raiseMsg(EXC_OverflowError, "repeated bytes are too long");
  const total = len * n;
  if (total > 0x7ffffff0) return <Value>raiseMemory();
  if (total == 1) return <Value>bytesOfByte(<u32>load<u8>(bufData(b)));
  const r = bytesRaw(<usize>total);
  if (r == 0) return NULL;
  const d = bufData(r);
  const t = <usize>total;
  if (len == 1) {
    memory.fill(d, load<u8>(bufData(b)), t);
  } else {
    // Doubling copies: log2(n) memory.copy calls.
    memory.copy(d, bufData(b), <usize>len);
    let done = <usize>len;
    while (done < t) {
      const c = done <= t - done ? done : t - done;
      memory.copy(d + done, d, c);
      done += c;
    }
  }
  return <Value>r;
}

/** Lexicographic order of two bytes objects: -1, 0 or 1. */
export function bytesCompare(a: usize, b: usize): i32 {
  if (a == b) return 0;
  const na = <usize>bufLen(a);
  const nb = <usize>bufLen(b);
  const r = memory.compare(bufData(a), bufData(b), na < nb ? na : nb);
  if (r != 0) return r < 0 ? -1 : 1;
  return na < nb ? -1 : na > nb ? 1 : 0;
}

/** b[key]: an int index gives an int, a slice a bytes. */
import { hasIndexSlot, getItemViaIndex } from "./index-protocol";
export function bytesSubscript(b: usize, key: Value): Value {
  const n = <i64>bufLen(b);
  if (isIntValue(key)) {
    let i: i64;
    if (isSmallInt(key)) i = getSmallInt(key);
    else {
      if (!subscriptIndex(key)) return NULL;
      i = indexOut;
    }
    if (i < 0) i += n;
    if (i < 0 || i >= n) return <Value>raiseMsg(EXC_IndexError, "index out of range");
    return makeSmallInt(<i64>load<u8>(bufData(b) + <usize>i));
  }
  if (isObject(key) && kindOf(<usize>key) == KIND_SLICE) {
    const count = sliceIndicesFor(<usize>key, n);
    if (count < 0) return NULL;
    const start = sliceStartOut;
    const step = sliceStepOut;
    if (step == 1) return <Value>bytesSub(b, <usize>start, <usize>(start + count));
    if (count == 0) return <Value>bytesEmpty();
    if (count == 1) return <Value>bytesOfByte(<u32>load<u8>(bufData(b) + <usize>start));
    const r = bytesRaw(<usize>count);
    if (r == 0) return NULL;
    const src = bufData(b);
    const dst = bufData(r);
    let i = start;
    for (let j: usize = 0; j < <usize>count; j++, i += step) store<u8>(dst + j, load<u8>(src + <usize>i));
    return <Value>r;
  }
  if (hasIndexSlot(key)) return getItemViaIndex(<Value>b, key);
  raiseBegin(EXC_TypeError);
  errText("byte indices must be integers or slices, not ");
  errTypeName(key);
  return NULL;
}

/** First index of needle [nd, nd+nn) in d[a:b) (forward) or last (backward); -1 if none. */
function rawFind(d: usize, a: usize, b: usize, nd: usize, nn: usize, backward: bool): isize {
  if (b < a || b - a < nn) return -1;
  if (nn == 0) return backward ? <isize>b : <isize>a;
  return backward ? searchBwd(d, 1, a, b, nd, nn) : searchFwd(d, 1, a, b, nd, nn);
}

/** `item in b`: 1/0, -1 on error. item: an int in range(256) or bytes. */
export function bytesContains(b: usize, item: Value): i32 {
  const n = <usize>bufLen(b);
  if (isIntValue(item)) {
    const c = intClampI64(item);
    if (c < 0 || c > 255) {
      raiseMsg(EXC_ValueError, "byte must be in range(0, 256)");
      return -1;
    }
    return findChar(bufData(b), 1, 0, n, <u32>c) >= 0 ? 1 : 0;
  }
  if (isBytesLike(item)) {
    const s = <usize>item;
    return rawFind(bufData(b), 0, n, bufData(s), <usize>bufLen(s), false) >= 0 ? 1 : 0;
  }
  raiseNeedBytes(item);
  return -1;
}

// ---------------------------------------------------------------------------------------------------
// Iteration

/** iter(b). */
export function bytesIterNew(b: usize): Value {
  const it = alloc(BYTES_ITER_SIZE);
  if (it == 0) return <Value>raiseMemory();
  initHeader(it, isArray(b) ? variantType(VARIANT_BYTEARRAY_ITER) : typeObject(KIND_BYTES_ITER));
  increfObject(b);
  store<u32>(it, <u32>b, 8);
  store<u32>(it, 0, 12);
  return <Value>it;
}

/** next(bytes_iterator): an int, or NULL (no exception) when exhausted (the bytes is released). */
export function bytesIterNext(it: usize): Value {
  const b = <usize>load<u32>(it, 8);
  if (b == 0) return NULL;
  const i = load<u32>(it, 12);
  if (i < bufLen(b)) {
    store<u32>(it, i + 1, 12);
    return makeSmallInt(<i64>load<u8>(bufData(b) + <usize>i));
  }
  store<u32>(it, 0, 8);
  decref(<Value>b);
  return NULL;
}

/** The iterator's remaining count (length_hint). */
export function bytesIterRemaining(it: usize): i64 {
  const b = <usize>load<u32>(it, 8);
  return b == 0 ? 0 : <i64>bufLen(b) - <i64>load<u32>(it, 12);
}

/** Drops the bytes an iterator holds (refcount.ts's dealloc case). */
export function bytesIterDeallocChildren(it: usize): void {
  const b = <usize>load<u32>(it, 8);
  if (b != 0) decref(<Value>b);
}

// ---------------------------------------------------------------------------------------------------
// repr

const HEX = "0123456789abcdef";

// @ts-ignore: decorator
@inline function hexDigit(v: u32): u8 {
  return <u8>HEX.charCodeAt(<i32>(v & 15));
}

/**
 * repr(b) as a new str: b'...' (b"..." when the data has ' and no "), \t \n \r \\ \xhh escapes;
 * bytearray(b'...') for a bytearray.
 */
export function bytesRepr(b: usize): usize {
  const n = <usize>bufLen(b);
  const d = bufData(b);
  const quote: u32 = findChar(d, 1, 0, n, 0x27) >= 0 && findChar(d, 1, 0, n, 0x22) < 0 ? 0x22 : 0x27;
  // bytearray(b'...'): the type's name around it, and ' escaped whichever quote is used.
  const arr = isArray(b);
  let name: usize = 0;
  let nameLen: usize = 0;
  if (arr) {
    name = typeName(typeOfObject(b));
    if (strKind(name) != 1 || changetype<StrObject>(name).ascii == 0) name = typeName(typeObject(KIND_BYTEARRAY));
    nameLen = <usize>strLength(name);
  }
  const esc: u32 = arr ? 0x27 : quote;
  let len: usize = arr ? nameLen + 5 : 3;
  for (let i: usize = 0; i < n; i++) {
    const c = <u32>load<u8>(d + i);
    if (c == esc || c == 0x5c || c == 0x09 || c == 0x0a || c == 0x0d) len += 2;
    else if (c < 0x20 || c >= 0x7f) len += 4;
    else len += 1;
  }
  const r = strAlloc(len, 1);
  if (r == 0) return 0;
  changetype<StrObject>(r).ascii = 1;
  let o = strData(r);
  if (arr) {
    memory.copy(o, strData(name), nameLen);
    o += nameLen;
    store<u8>(o++, 0x28);
  }
  store<u8>(o++, 0x62);
  store<u8>(o++, <u8>quote);
  for (let i: usize = 0; i < n; i++) {
    const c = <u32>load<u8>(d + i);
    if (c == esc || c == 0x5c) {
      store<u8>(o++, 0x5c);
      store<u8>(o++, <u8>c);
    } else if (c == 0x09) {
      store<u16>(o, 0x745c); // "\t"
      o += 2;
    } else if (c == 0x0a) {
      store<u16>(o, 0x6e5c); // "\n"
      o += 2;
    } else if (c == 0x0d) {
      store<u16>(o, 0x725c); // "\r"
      o += 2;
    } else if (c < 0x20 || c >= 0x7f) {
      store<u8>(o++, 0x5c);
      store<u8>(o++, 0x78);
      store<u8>(o++, hexDigit(c >> 4));
      store<u8>(o++, hexDigit(c));
    } else {
      store<u8>(o++, <u8>c);
    }
  }
  store<u8>(o, <u8>quote);
  if (arr) store<u8>(o + 1, 0x29);
  return r;
}

// ---------------------------------------------------------------------------------------------------
// bytes(x) and the bytes() builtin

/** One item of an iterable given to bytes(): an int in range(256), else -1 with an exception. */
function byteValue(v: Value): i32 {
  return byteInRange(v, "bytes must be in range(0, 256)");
}

/**
 * An int in range(256) (bytes() items, bytearray's _getbytevalue), else -1 with TypeError or
 * ValueError(rangeMessage).
 */
export function byteInRange(v: Value, rangeMessage: string): i32 {
  if (isSmallInt(v)) {
    const c = getSmallInt(v);
    if (c >= 0 && c <= 255) return <i32>c;
  } else if (!isIntValue(v)) {
    raiseBegin(EXC_TypeError);
    errText("'");
    errTypeName(v);
    errText("' object cannot be interpreted as an integer");
    return -1;
  } else {
    const c = intClampI64(v);
    if (c >= 0 && c <= 255) return <i32>c;
  }
  raiseMsg(EXC_ValueError, rangeMessage);
  return -1;
}

/** bytes from `n` Values at `items` (a list's or tuple's). */
function bytesFromArray(items: usize, n: usize): Value {
  const r = bytesRaw(n);
  if (r == 0) return NULL;
  const d = bufData(r);
  for (let i: usize = 0; i < n; i++) {
    const c = byteValue(load<u64>(items + (i << 3)));
    if (c < 0) {
      decref(<Value>r);
      return NULL;
    }
    store<u8>(d + i, <u8>c);
  }
  return <Value>r;
}

/** bytes from an iterator (a growing scratch block, copied once at the end). */
function bytesFromIterator(it: Value): Value {
  let cap: usize = 64;
  let buf = alloc(cap);
  if (buf == 0) return <Value>raiseMemory();
  let n: usize = 0;
  while (true) {
    const v = objIterNext(it);
    if (v == NULL) {
      if (errorType() != 0) {
        free(buf, cap);
        return NULL;
      }
      break;
    }
    const c = byteValue(v);
    decref(v);
    if (c < 0) {
      free(buf, cap);
      return NULL;
    }
    if (n == cap) {
      const ncap = cap << 1;
      const nb = ncap > 0x7ffffff0 ? 0 : alloc(ncap);
      if (nb == 0) {
        free(buf, cap);
        return <Value>raiseMemory();
      }
      memory.copy(nb, buf, n);
      free(buf, cap);
      buf = nb;
      cap = ncap;
    }
    store<u8>(buf + n++, <u8>c);
  }
  const r = bytesCopy(buf, n);
  free(buf, cap);
  return <Value>r;
}

/**
 * bytes(x) with one argument: an int gives that many zero bytes, bytes itself, a list/tuple/iterable
 * of ints in range(256) their bytes; str raises "string argument without an encoding".
 */
export function bytesFromValue(v: Value): Value {
  if (isObject(v)) {
    const k = kindOf(<usize>v);
    if (k == KIND_BYTES) {
      if (isExactBytes(<usize>v)) {
        increfObject(<usize>v);
        return v;
      }
      return <Value>bytesCopy(bufData(<usize>v), <usize>bufLen(<usize>v));
    }
    if (k == KIND_BYTEARRAY) return <Value>bytesCopy(bufData(<usize>v), <usize>bufLen(<usize>v));
    if (k == KIND_STR) return <Value>raiseMsg(EXC_TypeError, "string argument without an encoding");
  }
  if (isIntValue(v)) {
    if (!isSmallInt(v) && !sizeArg(v)) return NULL;
    const n = isSmallInt(v) ? getSmallInt(v) : gIndex;
    if (n < 0) return <Value>raiseMsg(EXC_ValueError, "negative count");
    if (n == 0) return <Value>bytesEmpty();
    if (n > 0x7ffffff0) return <Value>raiseMemory();
    return <Value>bytesRaw(<usize>n);
  }
  if (isObject(v)) {
    const k = kindOf(<usize>v);
    if (k == KIND_LIST) return bytesFromArray(vecItems(<usize>v), <usize>vecSize(<usize>v));
    if (k == KIND_TUPLE) return bytesFromArray(<usize>v + 16, <usize>tupleSize(<usize>v));
  }
  const it = objGetIter(v);
  if (it == NULL) {
    if (errorType() == EXC_TypeError) {
      raiseBegin(EXC_TypeError);
      errText("cannot convert '");
      errTypeName(v);
      errText("' object to bytes");
    }
    return NULL;
  }
  const r = bytesFromIterator(it);
  decref(it);
  return r;
}

/** An int's exact i64 into indexOut; OverflowError "cannot fit 'int' into an index-sized integer". */
function sizeArg(v: Value): bool {
  if (v == TRUE || v == FALSE) {
    gIndex = v == TRUE ? 1 : 0;
    return true;
  }
  if (bigToI64(<usize>v)) {
    gIndex = indexOut;
    return true;
  }
  raiseMsg(EXC_OverflowError, "cannot fit 'int' into an index-sized integer");
  return false;
}

let strEncodeFn: NativeFn | null = null;

/** str.encode as registered by str-methods.ts (found once in the method table). */
function findStrEncode(): bool {
  if (strEncodeFn != null) return true;
  const t = typeObject(KIND_STR);
  const n = registeredMethodCount();
  for (let i = 0; i < n; i++) {
    if (registeredMethodType(i) == t && registeredMethodName(i) == "encode") {
      strEncodeFn = registeredMethodFn(i);
      return true;
    }
  }
  return false;
}

/**
 * bytes([source[, encoding[, errors]]]), the builtin in the native calling convention (self is
 * ignored: bytes subclasses are the class machinery's business).
 */
export function bytesCall(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!parseArgs("bytes", args, nargs, kwnames, "source,encoding,errors", 3)) return NULL;
  const x = parsedArg(0);
  const enc = parsedArg(1);
  const errs = parsedArg(2);
  if (enc != NULL && !(isObject(enc) && kindOf(<usize>enc) == KIND_STR)) {
    raiseBegin(EXC_TypeError);
    errText("bytes() argument 'encoding' must be str, not ");
    errTypeName(enc);
    return NULL;
  }
  if (errs != NULL && !(isObject(errs) && kindOf(<usize>errs) == KIND_STR)) {
    raiseBegin(EXC_TypeError);
    errText("bytes() argument 'errors' must be str, not ");
    errTypeName(errs);
    return NULL;
  }
  if (x == NULL) {
    if (enc != NULL || errs != NULL) {
      return <Value>raiseMsg(EXC_TypeError, enc != NULL ? "encoding without a string argument" : "errors without a string argument");
    }
    return <Value>bytesEmpty();
  }
  if (enc != NULL || errs != NULL) {
    if (!(isObject(x) && kindOf(<usize>x) == KIND_STR)) {
      return <Value>raiseMsg(EXC_TypeError, enc != NULL ? "encoding without a string argument" : "errors without a string argument");
    }
    return strEncodeWith(x, enc, errs);
  }
  return bytesFromValue(x);
}

/** str x encoded: str.encode(encoding, errors), NULL names meaning the defaults. */
export function strEncodeWith(x: Value, enc: Value, errs: Value): Value {
  if (!findStrEncode()) return <Value>raiseMsg(EXC_LookupError, "str.encode is not available");
  store<u64>(CALL_ARGS, enc != NULL ? enc : <Value>STR_UTF8_LITERAL());
  store<u64>(CALL_ARGS + 8, errs != NULL ? errs : <Value>STR_STRICT_LITERAL());
  const fn = changetype<NativeFn>(changetype<usize>(strEncodeFn));
  return fn(x, CALL_ARGS, 2, 0);
}
const CALL_ARGS: usize = memory.data(16, 8);

// Immortal "utf-8" / "strict" str objects, made on first use.
const LIT_AREA: usize = memory.data(64, 8);
let litReady = false;
function makeLiterals(): void {
  if (litReady) return;
  litReady = true;
  initLit(LIT_AREA, "utf-8");
  initLit(LIT_AREA + 32, "strict");
}
function initLit(p: usize, s: string): void {
  initStaticHeader(p, typeObject(KIND_STR));
  const o = changetype<StrObject>(p);
  o.length = <u32>s.length;
  o.kind = 1;
  o.ascii = 1;
  o.hash = -1;
  for (let i = 0; i < s.length; i++) store<u8>(p + 24 + <usize>i, <u8>s.charCodeAt(i));
}
function STR_UTF8_LITERAL(): usize {
  makeLiterals();
  return LIT_AREA;
}
function STR_STRICT_LITERAL(): usize {
  makeLiterals();
  return LIT_AREA + 32;
}

// ---------------------------------------------------------------------------------------------------
// Argument helpers with CPython's message styles

import { parseArgs, parsedArg, tupleArgCount } from "./arg-parse";
export { parseArgs, parsedArg };

/** Whether a method's self (an instance, or the type of a classmethod) is of the bytearray type. */
function selfIsArray(self: Value): bool {
  if (!isObject(self)) return false;
  const p = <usize>self;
  return p == typeObject(KIND_BYTEARRAY) || isArray(p);
}

const QUAL_COPY: usize = memory.data(1024, 8);

/** For a bytearray self, rewrites the pending "bytes.name..." message as "bytearray.name...". */
function requalify(self: Value): void {
  if (!selfIsArray(self)) return;
  const t = errorType();
  let n = errorMessageLength();
  if (n > 1024) n = 1024;
  if (n < 5) return;
  memory.copy(QUAL_COPY, errorMessagePtr(), n);
  raiseBegin(t);
  errText("bytearray");
  errBytes(QUAL_COPY + 5, n - 5);
}

/** noKeywords with a "bytes.name" qualified name, said as "bytearray.name" for bytearrays. */
export function qNoKeywords(self: Value, qname: string, kwnames: usize): bool {
  if (noKeywords(qname, kwnames)) return true;
  requalify(self);
  return false;
}

/** checkArgCount with a "bytes.name" qualified name, said as "bytearray.name" for bytearrays. */
export function qArgCount(self: Value, qname: string, nargs: i32, min: i32, max: i32): bool {
  if (checkArgCount(qname, nargs, min, max)) return true;
  requalify(self);
  return false;
}

/** Result of sliceIndexArg. */
let gIndex: i64 = 0;

/** _PyEval_SliceIndex: None/NULL keep `def`, ints clamp to i64; result in gIndex. */
function sliceIndexArg(v: Value, def: i64): bool {
  if (v == NULL || v == NONE) {
    gIndex = def;
    return true;
  }
  if (isIntValue(v)) {
    gIndex = intClampI64(v);
    return true;
  }
  raiseMsg(EXC_TypeError, "slice indices must be integers or None or have an __index__ method");
  return false;
}

/** The "sub" of find/count/index: an int byte or a bytes (subPtr/subLen), else TypeError/ValueError. */
let subPtr: usize = 0;
let subLen: usize = 0;
const SUB_BYTE: usize = memory.data(8, 8);

function parseSub(v: Value): bool {
  if (isBytesLike(v)) {
    subPtr = bufData(<usize>v);
    subLen = <usize>bufLen(<usize>v);
    return true;
  }
  if (isIntValue(v)) {
    const c = intClampI64(v);
    if (c < 0 || c > 255) {
      raiseMsg(EXC_ValueError, "byte must be in range(0, 256)");
      return false;
    }
    store<u8>(SUB_BYTE, <u8>c);
    subPtr = SUB_BYTE;
    subLen = 1;
    return true;
  }
  raiseBegin(EXC_TypeError);
  errText("argument should be integer or bytes-like object, not '");
  errTypeName(v);
  errText("'");
  return false;
}

/** Py_ISSPACE: the ASCII whitespace bytes.split() and strip() use. */
// @ts-ignore: decorator
@inline function isSpaceByte(c: u32): bool {
  return c == 0x20 || (c >= 0x09 && c <= 0x0d);
}

// ---------------------------------------------------------------------------------------------------
// find / rfind / index / rindex / count

let findStart: i64 = 0;
let findEnd: i64 = 0;

/** (sub[, start[, end]]) of find-like methods: sub in subPtr/subLen, bounds in findStart/findEnd. */
function parseFindArgs(self: Value, fname: string, qname: string, args: usize, nargs: i32, kwnames: usize): bool {
  if (!qNoKeywords(self, qname, kwnames) || !tupleArgCount(fname, nargs, 1, 3)) return false;
  if (!sliceIndexArg(nargs > 1 ? arg(args, 1) : NULL, 0)) return false;
  findStart = gIndex;
  if (!sliceIndexArg(nargs > 2 ? arg(args, 2) : NULL, I64_MAX)) return false;
  findEnd = gIndex;
  return parseSub(arg(args, 0));
}

/** Index of sub in b[start:end] with slice-semantics bounds, or -1. */
function findIn(b: usize, start: i64, end: i64, backward: bool): i64 {
  adjustRange(<i64>bufLen(b), start, end);
  const a = rangeStart;
  const e = rangeEnd;
  if (e - a < <i64>subLen) return -1;
  return <i64>rawFind(bufData(b), <usize>a, <usize>e, subPtr, subLen, backward);
}

function findMethod(self: Value, args: usize, nargs: i32, kwnames: usize, backward: bool, raises: bool, fname: string, qname: string): Value {
  if (!parseFindArgs(self, fname, qname, args, nargs, kwnames)) return NULL;
  const r = findIn(<usize>self, findStart, findEnd, backward);
  if (r < 0 && raises) return <Value>raiseMsg(EXC_ValueError, "subsection not found");
  return makeSmallInt(r);
}

function m_find(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return findMethod(self, args, nargs, kwnames, false, false, "find", "bytes.find");
}
function m_rfind(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return findMethod(self, args, nargs, kwnames, true, false, "rfind", "bytes.rfind");
}
function m_index(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return findMethod(self, args, nargs, kwnames, false, true, "index", "bytes.index");
}
function m_rindex(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return findMethod(self, args, nargs, kwnames, true, true, "rindex", "bytes.rindex");
}

/** Non-overlapping occurrences of [nd, nd+nn) in d[a:e), at most maxCount. */
function countIn(d: usize, a: usize, e: usize, nd: usize, nn: usize, maxCount: i64): i64 {
  if (e < a || e - a < nn) return 0;
  if (nn == 0) {
    const c = <i64>(e - a) + 1;
    return c < maxCount ? c : maxCount;
  }
  let count: i64 = 0;
  let i = a;
  while (count < maxCount) {
    const r = searchFwd(d, 1, i, e, nd, nn);
    if (r < 0) break;
    count++;
    i = <usize>r + nn;
  }
  return count;
}

function m_count(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!parseFindArgs(self, "count", "bytes.count", args, nargs, kwnames)) return NULL;
  const b = <usize>self;
  adjustRange(<i64>bufLen(b), findStart, findEnd);
  const a = rangeStart;
  const e = rangeEnd;
  if (e < a) return makeSmallInt(0);
  return makeSmallInt(countIn(bufData(b), <usize>a, <usize>e, subPtr, subLen, I64_MAX));
}

// ---------------------------------------------------------------------------------------------------
// startswith / endswith

function tailMatch(b: usize, sub: usize, start: i64, end: i64, atEnd: bool): bool {
  adjustRange(<i64>bufLen(b), start, end);
  const a = rangeStart;
  const sl = <i64>bufLen(sub);
  const last = rangeEnd - sl;
  if (last < a) return false;
  if (sl == 0) return true;
  const pos = <usize>(atEnd ? last : a);
  return memory.compare(bufData(b) + pos, bufData(sub), <usize>sl) == 0;
}

function startsEnds(self: Value, args: usize, nargs: i32, kwnames: usize, atEnd: bool): Value {
  const fname = atEnd ? "endswith" : "startswith";
  if (!qNoKeywords(self, atEnd ? "bytes.endswith" : "bytes.startswith", kwnames) || !tupleArgCount(fname, nargs, 1, 3)) return NULL;
  if (!sliceIndexArg(nargs > 1 ? arg(args, 1) : NULL, 0)) return NULL;
  const start = gIndex;
  if (!sliceIndexArg(nargs > 2 ? arg(args, 2) : NULL, I64_MAX)) return NULL;
  const end = gIndex;
  const x = arg(args, 0);
  const b = <usize>self;
  if (isBytesLike(x)) return tailMatch(b, <usize>x, start, end, atEnd) ? TRUE : FALSE;
  if (isObject(x) && kindOf(<usize>x) == KIND_TUPLE) {
    const t = <usize>x;
    const n = <usize>tupleSize(t);
    for (let i: usize = 0; i < n; i++) {
      const v = tupleItem(t, i);
      if (!isBytesLike(v)) return <Value>raiseNeedBytes(v);
      if (tailMatch(b, <usize>v, start, end, atEnd)) return TRUE;
    }
    return FALSE;
  }
  raiseBegin(EXC_TypeError);
  errText(fname);
  errText(" first arg must be bytes or a tuple of bytes, not ");
  errTypeName(x);
  return NULL;
}

function m_startswith(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return startsEnds(self, args, nargs, kwnames, false);
}
function m_endswith(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return startsEnds(self, args, nargs, kwnames, true);
}

// ---------------------------------------------------------------------------------------------------
// join

/** sep.join(iterable): every item must be bytes-like; the result has sep's type. */
export function bytesJoin(sep: usize, iterable: Value): Value {
  const seq = seqFast(iterable, "can only join an iterable");
  if (seq == NULL) return NULL;
  const s = <usize>seq;
  const isList = kindOf(s) == KIND_LIST;
  const n = isList ? <usize>vecSize(s) : <usize>tupleSize(s);
  const items = isList ? vecItems(s) : s + 16;
  if (n == 0) {
    decref(seq);
    return <Value>likeCopy(sep, 0, 0);
  }
  if (n == 1 && !isArray(sep)) {
    const v = load<u64>(items);
    if (isBytes(v) && isExactBytes(<usize>v)) {
      incref(v);
      decref(seq);
      return v;
    }
  }
  const sn = <usize>bufLen(sep);
  let total: u64 = <u64>sn * <u64>(n - 1);
  for (let i: usize = 0; i < n; i++) {
    const v = load<u64>(items + (i << 3));
    if (!isBytesLike(v)) {
      raiseBegin(EXC_TypeError);
      errText("sequence item ");
      errInt(<i64>i);
      errText(": expected a bytes-like object, ");
      errTypeName(v);
      errText(" found");
      decref(seq);
      return NULL;
    }
    total += <u64>bufLen(<usize>v);
  }
  if (total > 0x7ffffff0) {
    decref(seq);
    return <Value>raiseMemory();
  }
  const r = likeRaw(sep, <usize>total);
  if (r == 0) {
    decref(seq);
    return NULL;
  }
  let o = bufData(r);
  for (let i: usize = 0; i < n; i++) {
    if (i > 0 && sn > 0) {
      memory.copy(o, bufData(sep), sn);
      o += sn;
    }
    const v = <usize>load<u64>(items + (i << 3));
    const m = <usize>bufLen(v);
    memory.copy(o, bufData(v), m);
    o += m;
  }
  decref(seq);
  return <Value>r;
}

function m_join(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!qNoKeywords(self, "bytes.join", kwnames) || !qArgCount(self, "bytes.join", nargs, 1, 1)) return NULL;
  return bytesJoin(<usize>self, arg(args, 0));
}

// ---------------------------------------------------------------------------------------------------
// split / rsplit

/** Appends b[i:j] to list; false (list untouched) on MemoryError. */
export function listAddSub(list: usize, b: usize, i: usize, j: usize): bool {
  const s = bytesSub(b, i, j);
  if (s == 0) return false;
  return listAppendSteal(list, <Value>s) == 0;
}

export function failList(list: usize): Value {
  decref(<Value>list);
  return NULL;
}

function reverseItems(list: usize): void {
  const items = vecItems(list);
  let a: usize = 0;
  let z = <usize>vecSize(list);
  while (z > a + 1) {
    z--;
    const t = load<u64>(items + (a << 3));
    store<u64>(items + (a << 3), load<u64>(items + (z << 3)));
    store<u64>(items + (z << 3), t);
    a++;
  }
}

function splitWhitespace(b: usize, maxsplit: i64, backward: bool): Value {
  const n = <usize>bufLen(b);
  const d = bufData(b);
  const list = listNewEmpty(0);
  if (list == 0) return NULL;
  let splits: i64 = 0;
  if (!backward) {
    let i: usize = 0;
    while (true) {
      while (i < n && isSpaceByte(<u32>load<u8>(d + i))) i++;
      if (i == n) break;
      if (splits >= maxsplit) {
        // The rest, with its trailing whitespace kept.
        if (!listAddSub(list, b, i, n)) return failList(list);
        break;
      }
      const j = i;
      while (i < n && !isSpaceByte(<u32>load<u8>(d + i))) i++;
      if (!listAddSub(list, b, j, i)) return failList(list);
      splits++;
    }
  } else {
    let i = n;
    while (true) {
      while (i > 0 && isSpaceByte(<u32>load<u8>(d + i - 1))) i--;
      if (i == 0) break;
      if (splits >= maxsplit) {
        if (!listAddSub(list, b, 0, i)) return failList(list);
        break;
      }
      const j = i;
      while (i > 0 && !isSpaceByte(<u32>load<u8>(d + i - 1))) i--;
      if (!listAddSub(list, b, i, j)) return failList(list);
      splits++;
    }
    reverseItems(list);
  }
  return <Value>list;
}

function splitSep(b: usize, sep: usize, maxsplit: i64, backward: bool): Value {
  const n = <usize>bufLen(b);
  const nn = <usize>bufLen(sep);
  if (nn == 0) return <Value>raiseMsg(EXC_ValueError, "empty separator");
  const d = bufData(b);
  const nd = bufData(sep);
  const list = listNewEmpty(0);
  if (list == 0) return NULL;
  let splits: i64 = 0;
  if (!backward) {
    let i: usize = 0;
    while (splits < maxsplit) {
      const r = searchFwd(d, 1, i, n, nd, nn);
      if (r < 0) break;
      if (!listAddSub(list, b, i, <usize>r)) return failList(list);
      i = <usize>r + nn;
      splits++;
    }
    if (!listAddSub(list, b, i, n)) return failList(list);
  } else {
    let j = n;
    while (splits < maxsplit) {
      const r = searchBwd(d, 1, 0, j, nd, nn);
      if (r < 0) break;
      if (!listAddSub(list, b, <usize>r + nn, j)) return failList(list);
      j = <usize>r;
      splits++;
    }
    if (!listAddSub(list, b, 0, j)) return failList(list);
    reverseItems(list);
  }
  return <Value>list;
}

function splitCommon(self: Value, args: usize, nargs: i32, kwnames: usize, backward: bool): Value {
  if (!parseArgs(backward ? "rsplit" : "split", args, nargs, kwnames, "sep,maxsplit", 2)) return NULL;
  const sep = parsedArg(0);
  const ms = parsedArg(1);
  let maxsplit: i64 = -1;
  if (ms != NULL) {
    if (!asSsize(ms)) return NULL;
    maxsplit = indexOut;
  }
  if (maxsplit < 0) maxsplit = I64_MAX;
  const b = <usize>self;
  if (sep == NULL || sep == NONE) return splitWhitespace(b, maxsplit, backward);
  if (!isBytesLike(sep)) return <Value>raiseNeedBytes(sep);
  return splitSep(b, <usize>sep, maxsplit, backward);
}

function m_split(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return splitCommon(self, args, nargs, kwnames, false);
}
function m_rsplit(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return splitCommon(self, args, nargs, kwnames, true);
}

// ---------------------------------------------------------------------------------------------------
// partition / rpartition

import { tuple3 } from "./tuple-build";

function partitionImpl(self: Value, args: usize, nargs: i32, kwnames: usize, backward: bool): Value {
  const qname = backward ? "bytes.rpartition" : "bytes.partition";
  if (!qNoKeywords(self, qname, kwnames) || !qArgCount(self, qname, nargs, 1, 1)) return NULL;
  const sep = arg(args, 0);
  if (!isBytesLike(sep)) return <Value>raiseNeedBytes(sep);
  const b = <usize>self;
  const n = <usize>bufLen(b);
  const nn = <usize>bufLen(<usize>sep);
  if (nn == 0) return <Value>raiseMsg(EXC_ValueError, "empty separator");
  const r = rawFind(bufData(b), 0, n, bufData(<usize>sep), nn, backward);
  if (r < 0) {
    if (backward) return tuple3(likeCopy(b, 0, 0), likeCopy(b, 0, 0), bytesSub(b, 0, n));
    return tuple3(bytesSub(b, 0, n), likeCopy(b, 0, 0), likeCopy(b, 0, 0));
  }
  const i = <usize>r;
  // bytes hands back the separator object itself; bytearray a new bytearray of it.
  let sepOut = <usize>sep;
  if (isArray(b)) sepOut = baFromData(bufData(<usize>sep), nn);
  else increfObject(sepOut);
  return tuple3(bytesSub(b, 0, i), sepOut, bytesSub(b, i + nn, n));
}

function m_partition(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return partitionImpl(self, args, nargs, kwnames, false);
}
function m_rpartition(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return partitionImpl(self, args, nargs, kwnames, true);
}

// ---------------------------------------------------------------------------------------------------
// strip / removeprefix / removesuffix

/** 256-bit membership map of the strip characters. */
const STRIP_MAP: usize = memory.data(32, 8);

function stripImpl(self: Value, args: usize, nargs: i32, kwnames: usize, left: bool, right: bool, fname: string, qname: string): Value {
  if (!qNoKeywords(self, qname, kwnames) || !checkArgCount(fname, nargs, 0, 1)) return NULL;
  const b = <usize>self;
  const n = <usize>bufLen(b);
  const d = bufData(b);
  const chars = nargs > 0 ? arg(args, 0) : NONE;
  memory.fill(STRIP_MAP, 0, 32);
  if (chars == NONE) {
    for (let c: u32 = 0; c < 256; c++) if (isSpaceByte(c)) store<u8>(STRIP_MAP + (c >> 3), load<u8>(STRIP_MAP + (c >> 3)) | <u8>(<u32>1 << (c & 7)));
  } else if (isBytesLike(chars)) {
    const cd = bufData(<usize>chars);
    const cn = <usize>bufLen(<usize>chars);
    for (let i: usize = 0; i < cn; i++) {
      const c = <u32>load<u8>(cd + i);
      store<u8>(STRIP_MAP + (c >> 3), load<u8>(STRIP_MAP + (c >> 3)) | <u8>(<u32>1 << (c & 7)));
    }
  } else {
    return <Value>raiseNeedBytes(chars);
  }
  let i: usize = 0;
  let j = n;
  if (left) while (i < j && inStripMap(<u32>load<u8>(d + i))) i++;
  if (right) while (j > i && inStripMap(<u32>load<u8>(d + j - 1))) j--;
  return <Value>bytesSub(b, i, j);
}

// @ts-ignore: decorator
@inline function inStripMap(c: u32): bool {
  return ((<u32>load<u8>(STRIP_MAP + (c >> 3)) >> (c & 7)) & 1) != 0;
}

function m_strip(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return stripImpl(self, args, nargs, kwnames, true, true, "strip", "bytes.strip");
}
function m_lstrip(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return stripImpl(self, args, nargs, kwnames, true, false, "lstrip", "bytes.lstrip");
}
function m_rstrip(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return stripImpl(self, args, nargs, kwnames, false, true, "rstrip", "bytes.rstrip");
}

function removeAffix(self: Value, args: usize, nargs: i32, kwnames: usize, suffix: bool): Value {
  const qname = suffix ? "bytes.removesuffix" : "bytes.removeprefix";
  if (!qNoKeywords(self, qname, kwnames) || !qArgCount(self, qname, nargs, 1, 1)) return NULL;
  const a = arg(args, 0);
  if (!isBytesLike(a)) return <Value>raiseNeedBytes(a);
  const b = <usize>self;
  const n = <usize>bufLen(b);
  const an = <usize>bufLen(<usize>a);
  if (an > 0 && an <= n) {
    const at = suffix ? n - an : 0;
    if (memory.compare(bufData(b) + at, bufData(<usize>a), an) == 0) {
      return <Value>(suffix ? bytesSub(b, 0, n - an) : bytesSub(b, an, n));
    }
  }
  return bytesSelf(b);
}

function m_removeprefix(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return removeAffix(self, args, nargs, kwnames, false);
}
function m_removesuffix(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return removeAffix(self, args, nargs, kwnames, true);
}

// ---------------------------------------------------------------------------------------------------
// replace

/** b.replace(old, new, count) (count < 0: all). */
export function bytesReplace(b: usize, old: usize, rep: usize, count: i64): Value {
  const n = <usize>bufLen(b);
  const on = <usize>bufLen(old);
  const rn = <usize>bufLen(rep);
  if (count < 0) count = I64_MAX;
  if (count == 0 || (on == 0 && rn == 0) || on > n) return bytesSelf(b);
  const d = bufData(b);
  const od = bufData(old);
  const rd = bufData(rep);
  const found = countIn(d, 0, n, od, on, count);
  if (found == 0) return bytesSelf(b);
  const total = <i64>n + found * (<i64>rn - <i64>on);
  if (total > 0x7ffffff0) return <Value>raiseMemory();
  const r = likeRaw(b, <usize>total);
  if (r == 0) return NULL;
  let o = bufData(r);
  if (on == 0) {
    // Insert `rep` before each byte (and at the end), `found` times.
    let i: usize = 0;
    for (let k: i64 = 0; k < found; k++) {
      memory.copy(o, rd, rn);
      o += rn;
      if (i < n) store<u8>(o++, load<u8>(d + i++));
    }
    memory.copy(o, d + i, n - i);
    return <Value>r;
  }
  let i: usize = 0;
  for (let k: i64 = 0; k < found; k++) {
    const j = <usize>searchFwd(d, 1, i, n, od, on);
    memory.copy(o, d + i, j - i);
    o += j - i;
    memory.copy(o, rd, rn);
    o += rn;
    i = j + on;
  }
  memory.copy(o, d + i, n - i);
  return <Value>r;
}

function m_replace(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!qNoKeywords(self, "bytes.replace", kwnames) || !checkArgCount("replace", nargs, 2, 3)) return NULL;
  const old = arg(args, 0);
  const rep = arg(args, 1);
  if (!isBytesLike(old)) return <Value>raiseNeedBytes(old);
  if (!isBytesLike(rep)) return <Value>raiseNeedBytes(rep);
  let count: i64 = -1;
  if (nargs > 2) {
    if (!asSsize(arg(args, 2))) return NULL;
    count = indexOut;
  }
  return bytesReplace(<usize>self, <usize>old, <usize>rep, count);
}

// ---------------------------------------------------------------------------------------------------
// Case mappings and character tests (ASCII only, as CPython's bytes methods)

const CASE_UPPER: i32 = 0;
const CASE_LOWER: i32 = 1;
const CASE_SWAP: i32 = 2;

function changeCase(self: Value, nargs: i32, kwnames: usize, qname: string, mode: i32): Value {
  if (!qNoKeywords(self, qname, kwnames) || !qArgCount(self, qname, nargs, 0, 0)) return NULL;
  const b = <usize>self;
  const n = <usize>bufLen(b);
  const d = bufData(b);
  if (!isArray(b)) {
    if (n == 0) return <Value>bytesEmpty();
    if (n == 1) return <Value>bytesOfByte(caseOf(<u32>load<u8>(d), mode));
  }
  const r = likeRaw(b, n);
  if (r == 0) return NULL;
  const o = bufData(r);
  for (let i: usize = 0; i < n; i++) store<u8>(o + i, <u8>caseOf(<u32>load<u8>(d + i), mode));
  return <Value>r;
}

// @ts-ignore: decorator
@inline function caseOf(c: u32, mode: i32): u32 {
  const lower = c >= 0x61 && c <= 0x7a;
  const upper = c >= 0x41 && c <= 0x5a;
  if (mode == CASE_UPPER) return lower ? c - 32 : c;
  if (mode == CASE_LOWER) return upper ? c + 32 : c;
  return lower ? c - 32 : upper ? c + 32 : c;
}

function m_upper(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return changeCase(self, nargs, kwnames, "bytes.upper", CASE_UPPER);
}
function m_lower(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return changeCase(self, nargs, kwnames, "bytes.lower", CASE_LOWER);
}
function m_swapcase(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return changeCase(self, nargs, kwnames, "bytes.swapcase", CASE_SWAP);
}

const IS_DIGIT: i32 = 0;
const IS_ALPHA: i32 = 1;
const IS_ALNUM: i32 = 2;
const IS_SPACE: i32 = 3;
const IS_LOWER: i32 = 4;
const IS_UPPER: i32 = 5;
const IS_ASCII: i32 = 6;

// @ts-ignore: decorator
@inline function byteIs(c: u32, what: i32): bool {
  const digit = c >= 0x30 && c <= 0x39;
  const alpha = (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
  if (what == IS_DIGIT) return digit;
  if (what == IS_ALPHA) return alpha;
  if (what == IS_ALNUM) return digit || alpha;
  return isSpaceByte(c);
}

function isTest(self: Value, nargs: i32, kwnames: usize, qname: string, what: i32): Value {
  if (!qNoKeywords(self, qname, kwnames) || !qArgCount(self, qname, nargs, 0, 0)) return NULL;
  const b = <usize>self;
  const n = <usize>bufLen(b);
  const d = bufData(b);
  if (what == IS_ASCII) {
    for (let i: usize = 0; i < n; i++) if (load<u8>(d + i) >= 0x80) return FALSE;
    return TRUE;
  }
  if (what == IS_LOWER || what == IS_UPPER) {
    // At least one cased byte, and none of the other case.
    let cased = false;
    for (let i: usize = 0; i < n; i++) {
      const c = <u32>load<u8>(d + i);
      const lo = c >= 0x61 && c <= 0x7a;
      const up = c >= 0x41 && c <= 0x5a;
      if (what == IS_LOWER ? up : lo) return FALSE;
      if (what == IS_LOWER ? lo : up) cased = true;
    }
    return cased ? TRUE : FALSE;
  }
  if (n == 0) return FALSE;
  for (let i: usize = 0; i < n; i++) if (!byteIs(<u32>load<u8>(d + i), what)) return FALSE;
  return TRUE;
}

function m_isdigit(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return isTest(self, nargs, kwnames, "bytes.isdigit", IS_DIGIT);
}
function m_isalpha(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return isTest(self, nargs, kwnames, "bytes.isalpha", IS_ALPHA);
}
function m_isalnum(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return isTest(self, nargs, kwnames, "bytes.isalnum", IS_ALNUM);
}
function m_isspace(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return isTest(self, nargs, kwnames, "bytes.isspace", IS_SPACE);
}
function m_islower(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return isTest(self, nargs, kwnames, "bytes.islower", IS_LOWER);
}
function m_isupper(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return isTest(self, nargs, kwnames, "bytes.isupper", IS_UPPER);
}
function m_isascii(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return isTest(self, nargs, kwnames, "bytes.isascii", IS_ASCII);
}

// ---------------------------------------------------------------------------------------------------
// hex / fromhex

/** An int argument as a C int (_PyLong_AsInt): TypeError / OverflowError; result in gIndex. */
export function cIntArg(v: Value): bool {
  if (!isIntValue(v)) {
    raiseBegin(EXC_TypeError);
    errText("'");
    errTypeName(v);
    errText("' object cannot be interpreted as an integer");
    return false;
  }
  const x = intClampI64(v);
  if (x < -0x80000000 || x > 0x7fffffff) {
    raiseMsg(EXC_OverflowError, "Python int too large to convert to C int");
    return false;
  }
  gIndex = x;
  return true;
}

/** The int cIntArg / sliceIndexArg last accepted. */
export function lastIndexArg(): i64 {
  return gIndex;
}

/** b.hex(sep, bytes_per_sep) for a separator byte (0: none) and group size (sign: from which end). */
export function bytesHex(b: usize, sep: u32, perSep: i64): usize {
  const n = <usize>bufLen(b);
  const d = bufData(b);
  const group: u64 = perSep < 0 ? <u64>0 - <u64>perSep : <u64>perSep;
  const nsep: usize = sep == 0 || group == 0 || n == 0 ? 0 : <usize>(<u64>(n - 1) / group);
  const len = n * 2 + nsep;
  if (len == 0) return strEmpty();
  const r = strAlloc(len, 1);
  if (r == 0) return 0;
  changetype<StrObject>(r).ascii = 1;
  let o = strData(r);
  for (let i: usize = 0; i < n; i++) {
    if (nsep != 0 && i > 0) {
      // Groups count from the right for a positive bytes_per_sep, from the left for a negative one.
      const at = perSep > 0 ? <u64>(n - i) : <u64>i;
      if (at % group == 0) store<u8>(o++, <u8>sep);
    }
    const c = <u32>load<u8>(d + i);
    store<u8>(o++, hexDigit(c >> 4));
    store<u8>(o++, hexDigit(c));
  }
  return r;
}

function m_hex(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!parseArgs("hex", args, nargs, kwnames, "sep,bytes_per_sep", 2)) return NULL;
  const sepv = parsedArg(0);
  const bpsv = parsedArg(1);
  let perSep: i64 = 1;
  if (bpsv != NULL) {
    if (!cIntArg(bpsv)) return NULL;
    perSep = gIndex;
  }
  let sep: u32 = 0;
  if (sepv != NULL) {
    let c: u32 = 0;
    if (isObject(sepv) && kindOf(<usize>sepv) == KIND_STR) {
      const s = <usize>sepv;
      if (strLength(s) != 1) return <Value>raiseMsg(EXC_ValueError, "sep must be length 1.");
      c = strKind(s) == 1 ? <u32>load<u8>(strData(s)) : 0x100;
    } else if (isBytes(sepv)) {
      const s = <usize>sepv;
      if (bufLen(s) != 1) return <Value>raiseMsg(EXC_ValueError, "sep must be length 1.");
      c = <u32>load<u8>(bufData(s));
    } else {
      const len = objLen(sepv);
      if (len < 0) return NULL;
      if (len != 1) return <Value>raiseMsg(EXC_ValueError, "sep must be length 1.");
      return <Value>raiseMsg(EXC_TypeError, "sep must be str or bytes.");
    }
    if (c >= 0x80) return <Value>raiseMsg(EXC_ValueError, "sep must be ASCII.");
    sep = c;
  }
  return <Value>bytesHex(<usize>self, sep, sep == 0 ? 0 : perSep);
}

// @ts-ignore: decorator
@inline function hexValue(c: u32): u32 {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const l = c | 0x20;
  if (l >= 0x61 && l <= 0x66) return l - 0x61 + 10;
  return 16;
}

/** bytes.fromhex(s): pairs of hex digits, ASCII whitespace between pairs allowed. */
export function bytesFromHex(s: usize): Value {
  const n = <usize>strLength(s);
  if (changetype<StrObject>(s).ascii == 0) {
    // CPython reports the first non-ASCII character.
    let i: usize = 0;
    const k = strKind(s);
    const d = strData(s);
    while (i < n && (k == 1 ? <u32>load<u8>(d + i) : k == 2 ? <u32>load<u16>(d + (i << 1)) : load<u32>(d + (i << 2))) < 0x80) i++;
    return fromHexError(i);
  }
  const d = strData(s);
  // At most n / 2 bytes; written into a scratch bytes, copied when shorter.
  const buf = n >= 2 ? alloc(n >> 1) : 0;
  if (n >= 2 && buf == 0) return <Value>raiseMemory();
  let o: usize = 0;
  let i: usize = 0;
  while (i < n) {
    const c = <u32>load<u8>(d + i);
    if (isSpaceByte(c)) {
      i++;
      continue;
    }
    const hi = hexValue(c);
    if (hi >= 16) {
      if (buf != 0) free(buf, n >> 1);
      return fromHexError(i);
    }
    const lo = i + 1 < n ? hexValue(<u32>load<u8>(d + i + 1)) : 16;
    if (lo >= 16) {
      if (buf != 0) free(buf, n >> 1);
      return fromHexError(i + 1);
    }
    store<u8>(buf + o++, <u8>((hi << 4) | lo));
    i += 2;
  }
  const r = bytesCopy(buf, o);
  if (buf != 0) free(buf, n >> 1);
  return <Value>r;
}

function fromHexError(pos: usize): Value {
  raiseBegin(EXC_ValueError);
  errText("non-hexadecimal number found in fromhex() arg at position ");
  errInt(<i64>pos);
  return NULL;
}

function m_fromhex(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!qNoKeywords(self, "bytes.fromhex", kwnames) || !qArgCount(self, "bytes.fromhex", nargs, 1, 1)) return NULL;
  const s = arg(args, 0);
  if (!(isObject(s) && kindOf(<usize>s) == KIND_STR)) {
    raiseBegin(EXC_TypeError);
    errText("fromhex() argument must be str, not ");
    errTypeName(s);
    return NULL;
  }
  const r = bytesFromHex(<usize>s);
  // bytearray.fromhex: the same bytes as a bytearray.
  if (r == NULL || !selfIsArray(self)) return r;
  const a = baFromData(bufData(<usize>r), <usize>bufLen(<usize>r));
  decref(r);
  return <Value>a;
}

// ---------------------------------------------------------------------------------------------------
// decode: utf-8, ascii, latin-1 with the strict, ignore, replace, backslashreplace,
// surrogateescape and surrogatepass error handlers.

export const ENC_UTF8: i32 = 0;
export const ENC_ASCII: i32 = 1;
export const ENC_LATIN1: i32 = 2;

export const ERRORS_STRICT: i32 = 0;
export const ERRORS_IGNORE: i32 = 1;
export const ERRORS_REPLACE: i32 = 2;
export const ERRORS_BACKSLASH: i32 = 3;
export const ERRORS_SURROGATEESCAPE: i32 = 4;
export const ERRORS_SURROGATEPASS: i32 = 5;
/** A handler that cannot handle decode errors (xmlcharrefreplace, namereplace). */
export const ERRORS_ENCODE_ONLY: i32 = 6;
export const ERRORS_UNKNOWN: i32 = 7;

/** Encoding names (normalized as the codec registry does: lowercase, punctuation runs as '_'). */
export function encodingOf(e: usize): i32 {
  // Normalize into a small scratch buffer; anything longer than it is no name we know.
  const n = <usize>strLength(e);
  const k = strKind(e);
  const d = strData(e);
  let len: usize = 0;
  let pendingSep = false;
  for (let i: usize = 0; i < n; i++) {
    const c = k == 1 ? <u32>load<u8>(d + i) : k == 2 ? <u32>load<u16>(d + (i << 1)) : load<u32>(d + (i << 2));
    const lc = c >= 0x41 && c <= 0x5a ? c + 32 : c;
    const alnum = (lc >= 0x61 && lc <= 0x7a) || (lc >= 0x30 && lc <= 0x39) || lc == 0x2e;
    if (!alnum) {
      if (c >= 0x80) return -1;
      if (len > 0) pendingSep = true;
      continue;
    }
    if (pendingSep) {
      if (len >= 31) return -1;
      store<u8>(ENC_BUF + len++, 0x5f);
      pendingSep = false;
    }
    if (len >= 31) return -1;
    store<u8>(ENC_BUF + len++, <u8>lc);
  }
  encLen = len;
  // The names PyUnicode_Decode decodes directly; the others go through the codec registry.
  encFast = encIsOneOf("utf_8,utf8,ascii,us_ascii,latin1,latin_1,iso_8859_1,iso8859_1");
  // Module names, then the alias table; the alias table again with '.' read as '_'.
  if (encIsOneOf("utf_8")) return ENC_UTF8;
  if (encIsOneOf("ascii")) return ENC_ASCII;
  if (encIsOneOf("latin_1")) return ENC_LATIN1;
  for (let pass = 0; pass < 2; pass++) {
    if (encIsOneOf("utf8,u8,utf,cp65001,utf8_ucs2,utf8_ucs4")) return ENC_UTF8;
    if (encIsOneOf("us_ascii,646,us,ansi_x3.4_1968,ansi_x3_4_1968,ansi_x3.4_1986,cp367,csascii,ibm367,iso646_us,iso_646.irv_1991,iso_ir_6")) return ENC_ASCII;
    if (encIsOneOf("latin1,latin,l1,iso_8859_1,iso8859_1,iso8859,8859,cp819,csisolatin1,ibm819,iso_8859_1_1987,iso_ir_100")) return ENC_LATIN1;
    for (let i: usize = 0; i < len; i++) if (load<u8>(ENC_BUF + i) == 0x2e) store<u8>(ENC_BUF + i, 0x5f);
  }
  return -1;
}
/** Whether the last encodingOf name takes CPython's direct path (errors are not wrapped). */
let encFast = false;
const ENC_BUF: usize = memory.data(32, 8);
let encLen: usize = 0;

function encIsOneOf(names: string): bool {
  let start = 0;
  for (let j = 0; j <= names.length; j++) {
    if (j == names.length || names.charCodeAt(j) == 0x2c) {
      if (<usize>(j - start) == encLen) {
        let same = true;
        for (let i: usize = 0; i < encLen; i++) {
          if (<u32>load<u8>(ENC_BUF + i) != <u32>names.charCodeAt(start + <i32>i)) {
            same = false;
            break;
          }
        }
        if (same) return true;
      }
      start = j + 1;
    }
  }
  return false;
}

function errorsOf(h: usize): i32 {
  if (strEqualLiteral(h, "strict")) return ERRORS_STRICT;
  if (strEqualLiteral(h, "ignore")) return ERRORS_IGNORE;
  if (strEqualLiteral(h, "replace")) return ERRORS_REPLACE;
  if (strEqualLiteral(h, "backslashreplace")) return ERRORS_BACKSLASH;
  if (strEqualLiteral(h, "surrogateescape")) return ERRORS_SURROGATEESCAPE;
  if (strEqualLiteral(h, "surrogatepass")) return ERRORS_SURROGATEPASS;
  if (strEqualLiteral(h, "xmlcharrefreplace") || strEqualLiteral(h, "namereplace")) return ERRORS_ENCODE_ONLY;
  return ERRORS_UNKNOWN;
}

// @ts-ignore: decorator
@inline function isCont(b: u32): bool {
  return (b & 0xc0) == 0x80;
}

/** Set by utf8Step on an error: exclusive end of the bad range and the reason (0 cont, 1 start, 2 end). */
let badEnd: usize = 0;
let badReason: i32 = 0;

/**
 * Length of the UTF-8 sequence at src[i] (src[i] >= 0x80), or 0 with badEnd/badReason set:
 * CPython's decoder checks, in its order, and the maximal invalid range it reports.
 * surrogates: accept encoded U+D800..U+DFFF (the surrogatepass handler).
 */
function utf8Step(src: usize, i: usize, n: usize, surrogates: bool): usize {
  const c = <u32>load<u8>(src + i);
  const left = n - i;
  badReason = 0;
  if (c < 0xc2 || c > 0xf4) {
    badEnd = i + 1;
    badReason = 1;
    return 0;
  }
  if (c < 0xe0) {
    if (left < 2) {
      badEnd = n;
      badReason = 2;
    } else if (!isCont(<u32>load<u8>(src + i + 1))) {
      badEnd = i + 1;
    } else return 2;
    return 0;
  }
  const c2: u32 = left >= 2 ? <u32>load<u8>(src + i + 1) : 0;
  if (c < 0xf0) {
    if (surrogates && c == 0xed && left >= 3 && isCont(c2) && isCont(<u32>load<u8>(src + i + 2))) return 3;
    if (left >= 2 && (!isCont(c2) || (c == 0xe0 && c2 < 0xa0) || (c == 0xed && c2 >= 0xa0))) {
      badEnd = i + 1;
    } else if (left < 3) {
      badEnd = n;
      badReason = 2;
    } else if (!isCont(<u32>load<u8>(src + i + 2))) {
      badEnd = i + 2;
    } else return 3;
    return 0;
  }
  if (left >= 2 && (!isCont(c2) || (c == 0xf0 && c2 < 0x90) || (c == 0xf4 && c2 >= 0x90))) {
    badEnd = i + 1;
  } else if (left >= 3 && !isCont(<u32>load<u8>(src + i + 2))) {
    badEnd = i + 2;
  } else if (left < 4) {
    badEnd = n;
    badReason = 2;
  } else if (!isCont(<u32>load<u8>(src + i + 3))) {
    badEnd = i + 3;
  } else return 4;
  return 0;
}

/** The code point of a sequence utf8Step accepted. */
function utf8Value(s: usize, len: usize): u32 {
  const c = <u32>load<u8>(s);
  if (len == 2) return ((c & 0x1f) << 6) | (<u32>load<u8>(s, 1) & 0x3f);
  if (len == 3) return ((c & 0x0f) << 12) | ((<u32>load<u8>(s, 1) & 0x3f) << 6) | (<u32>load<u8>(s, 2) & 0x3f);
  return ((c & 0x07) << 18) | ((<u32>load<u8>(s, 1) & 0x3f) << 12) | ((<u32>load<u8>(s, 2) & 0x3f) << 6) | (<u32>load<u8>(s, 3) & 0x3f);
}

import { bytesFromMemory } from "./bytes";
import { raiseUnicodeError } from "./exc-methods";
function raiseDecodeError(enc: i32, src: usize, n: usize, start: usize, end: usize, reason: i32): void {
  // An exception object with (encoding, object, start, end, reason), as CPython's codecs raise.
  const obj = bytesFromMemory(src, n);
  if (obj != 0) {
    const why = enc == ENC_ASCII ? "ordinal not in range(128)" : reason == 0 ? "invalid continuation byte" : reason == 1 ? "invalid start byte" : "unexpected end of data";
    raiseUnicodeError(EXC_UnicodeDecodeError, enc == ENC_UTF8 ? "utf-8" : "ascii", <u64>obj, <i64>start, <i64>end, why);
    decref(<u64>obj);
    if (errorType() != 0) return;
  }
  raiseBegin(EXC_UnicodeDecodeError);
  errText(enc == ENC_UTF8 ? "'utf-8'" : "'ascii'");
  if (end - start == 1) {
    errText(" codec can't decode byte 0x");
    errHex2(load<u8>(src + start));
    errText(" in position ");
    errInt(<i64>start);
  } else {
    errText(" codec can't decode bytes in position ");
    errInt(<i64>start);
    errText("-");
    errInt(<i64>(end - 1));
  }
  if (enc == ENC_ASCII) errText(": ordinal not in range(128)");
  else errText(reason == 0 ? ": invalid continuation byte" : reason == 1 ? ": invalid start byte" : ": unexpected end of data");
}

/** Counts of the measuring pass. */
let outCount: usize = 0;
let outMax: u32 = 0;

// @ts-ignore: decorator
@inline function put(o: usize, k: u32, j: usize, c: u32): void {
  if (k == 1) store<u8>(o + j, <u8>c);
  else if (k == 2) store<u16>(o + (j << 1), <u16>c);
  else store<u32>(o + (j << 2), c);
}

/**
 * One walk over the data: measures (out == 0: outCount/outMax) or writes code points at `out` in
 * kind k. Returns false after raising (strict errors, unusable handlers; only while measuring).
 */
function decodeWalk(enc: i32, src: usize, n: usize, h: i32, herr: usize, out: usize, k: u32): bool {
  let j: usize = 0;
  let max: u32 = 0;
  let i: usize = 0;
  while (i < n) {
    // ASCII runs, eight bytes at a time when aligned data allows.
    while (i + 8 <= n && (load<u64>(src + i) & 0x8080808080808080) == 0) {
      if (out != 0) for (let t: usize = 0; t < 8; t++) put(out, k, j + t, <u32>load<u8>(src + i + t));
      i += 8;
      j += 8;
    }
    if (i >= n) break;
    const c = <u32>load<u8>(src + i);
    if (c < 0x80) {
      if (out != 0) put(out, k, j, c);
      i++;
      j++;
      continue;
    }
    let len: usize = 0;
    if (enc == ENC_UTF8) {
      len = utf8Step(src, i, n, h == ERRORS_SURROGATEPASS);
    } else {
      badEnd = i + 1;
      badReason = 0;
    }
    if (len != 0) {
      const cp = utf8Value(src + i, len);
      if (out != 0) put(out, k, j, cp);
      if (cp > max) max = cp;
      i += len;
      j++;
      continue;
    }
    // A decoding error over [i, badEnd).
    const end = badEnd;
    if (out == 0 && h != ERRORS_IGNORE && h != ERRORS_REPLACE && h != ERRORS_BACKSLASH && h != ERRORS_SURROGATEESCAPE) {
      if (h == ERRORS_UNKNOWN) {
        raiseBegin(EXC_LookupError);
        errText("unknown error handler name '");
        errStrObject(herr);
        errText("'");
      } else if (h == ERRORS_ENCODE_ONLY) {
        raiseMsg(EXC_TypeError, "don't know how to handle UnicodeDecodeError in error callback");
      } else {
        raiseDecodeError(enc, src, n, i, end, badReason);
      }
      return false;
    }
    if (h == ERRORS_REPLACE) {
      if (out != 0) put(out, k, j, 0xfffd);
      if (<u32>0xfffd > max) max = 0xfffd;
      j++;
    } else if (h == ERRORS_BACKSLASH) {
      for (let t = i; t < end; t++) {
        const b = <u32>load<u8>(src + t);
        if (out != 0) {
          put(out, k, j, 0x5c);
          put(out, k, j + 1, 0x78);
          put(out, k, j + 2, <u32>hexDigit(b >> 4));
          put(out, k, j + 3, <u32>hexDigit(b));
        }
        j += 4;
      }
    } else if (h == ERRORS_SURROGATEESCAPE) {
      for (let t = i; t < end; t++) {
        const cp: u32 = 0xdc00 + <u32>load<u8>(src + t);
        if (out != 0) put(out, k, j, cp);
        if (cp > max) max = cp;
        j++;
      }
    }
    i = end;
  }
  outCount = j;
  outMax = max;
  return true;
}

/** Whether [src, src+n) is all ASCII. */
function allAscii(src: usize, n: usize): bool {
  let i: usize = 0;
  for (; i + 8 <= n; i += 8) if ((load<u64>(src + i) & 0x8080808080808080) != 0) return false;
  for (; i < n; i++) if (load<u8>(src + i) >= 0x80) return false;
  return true;
}

/** A str of the n Latin-1 bytes at src (canonical: statics for short ones, ascii flag right). */
function strFromBytesLatin1(src: usize, n: usize, ascii: bool): usize {
  if (n == 0) return strEmpty();
  const r = strAlloc(n, 1);
  if (r == 0) return 0;
  memory.copy(strData(r), src, n);
  changetype<StrObject>(r).ascii = ascii ? 1 : 0;
  return r;
}

/** Decodes [src, src+n) with encoding enc (ENC_*) and handler h (ERRORS_*; herr its name for messages). */
export function decodeBytes(src: usize, n: usize, enc: i32, h: i32, herr: usize): usize {
  if (enc == ENC_LATIN1) return strFromBytesLatin1(src, n, allAscii(src, n));
  if (allAscii(src, n)) return strFromBytesLatin1(src, n, true);
  if (!decodeWalk(enc, src, n, h, herr, 0, 0)) return 0;
  const count = outCount;
  const max = outMax;
  if (count == 0) return strEmpty();
  const k: u32 = max < 0x100 ? 1 : max < 0x10000 ? 2 : 4;
  const r = strAlloc(count, k);
  if (r == 0) return 0;
  changetype<StrObject>(r).ascii = max < 0x80 ? 1 : 0;
  decodeWalk(enc, src, n, h, herr, strData(r), k);
  return r;
}

/** b.decode(encoding=None, errors=None) with names as str objects (0: not given). */
export function bytesDecode(b: usize, encoding: usize, errors: usize): Value {
  // Empty data decodes to "" before the codec is even looked up (CPython outside dev mode).
  if (bufLen(b) == 0) return <Value>strEmpty();
  let enc = ENC_UTF8;
  if (encoding != 0) {
    enc = encodingOf(encoding);
    if (enc < 0) {
      raiseBegin(EXC_LookupError);
      errText("unknown encoding: ");
      errStrObject(encoding);
      return NULL;
    }
  }
  const h = errors == 0 ? ERRORS_STRICT : errorsOf(errors);
  const r = decodeBytes(bufData(b), <usize>bufLen(b), enc, h, errors);
  if (r == 0 && encoding != 0 && !encFast) wrapCodecError(encoding);
  return <Value>r;
}

const MSG_COPY: usize = memory.data(1024, 8);

/**
 * Errors of codecs found through the registry come wrapped when they are simple (TypeError,
 * LookupError): "decoding with 'u8' codec failed (TypeError: ...)"; UnicodeDecodeError is not.
 */
function wrapCodecError(encoding: usize): void {
  const t = errorType();
  if (t != EXC_TypeError && t != EXC_LookupError) return;
  let n = errorMessageLength();
  if (n > 1024) n = 1024;
  memory.copy(MSG_COPY, errorMessagePtr(), n);
  raiseBegin(t);
  errText("decoding with '");
  errStrObject(encoding);
  errText("' codec failed (");
  errText(t == EXC_TypeError ? "TypeError: " : "LookupError: ");
  errBytes(MSG_COPY, n);
  errText(")");
}

/** str(b, encoding, errors): the names as Values (NULL: not given), checked to be str. */
export function strDecode(b: usize, encoding: Value, errors: Value): Value {
  if (encoding != NULL && !(isObject(encoding) && kindOf(<usize>encoding) == KIND_STR)) {
    raiseBegin(EXC_TypeError);
    errText("str() argument 'encoding' must be str, not ");
    errTypeName(encoding);
    return NULL;
  }
  if (errors != NULL && !(isObject(errors) && kindOf(<usize>errors) == KIND_STR)) {
    raiseBegin(EXC_TypeError);
    errText("str() argument 'errors' must be str, not ");
    errTypeName(errors);
    return NULL;
  }
  return bytesDecode(b, <usize>encoding, <usize>errors);
}

/** The bytes as a str of Latin-1 code points (int(b"12") parses this); 0 on MemoryError. */
export function bytesToStrLatin1(b: usize): usize {
  const d = bufData(b);
  const n = <usize>bufLen(b);
  return strFromBytesLatin1(d, n, allAscii(d, n));
}

function m_decode(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!parseArgs("decode", args, nargs, kwnames, "encoding,errors", 2)) return NULL;
  const ev = parsedArg(0);
  const hv = parsedArg(1);
  if (ev != NULL && !(isObject(ev) && kindOf(<usize>ev) == KIND_STR)) {
    raiseBegin(EXC_TypeError);
    errText("decode() argument 'encoding' must be str, not ");
    errTypeName(ev);
    return NULL;
  }
  if (hv != NULL && !(isObject(hv) && kindOf(<usize>hv) == KIND_STR)) {
    raiseBegin(EXC_TypeError);
    errText("decode() argument 'errors' must be str, not ");
    errTypeName(hv);
    return NULL;
  }
  return bytesDecode(<usize>self, <usize>ev, <usize>hv);
}

// ---------------------------------------------------------------------------------------------------
// Registration

export function registerBytesMethods(): void {
  registerBytesMethodsOn(typeObject(KIND_BYTES));
}

/** The methods bytes and bytearray share (bytearray.ts adds the mutating ones). */
export function registerBytesMethodsOn(t: usize): void {
  addMethod(t, "decode", m_decode);
  addMethod(t, "hex", m_hex);
  addMethod(t, "fromhex", m_fromhex, METHOD_CLASS);
  addMethod(t, "find", m_find);
  addMethod(t, "rfind", m_rfind);
  addMethod(t, "index", m_index);
  addMethod(t, "rindex", m_rindex);
  addMethod(t, "count", m_count);
  addMethod(t, "startswith", m_startswith);
  addMethod(t, "endswith", m_endswith);
  addMethod(t, "join", m_join);
  addMethod(t, "split", m_split);
  addMethod(t, "rsplit", m_rsplit);
  addMethod(t, "partition", m_partition);
  addMethod(t, "rpartition", m_rpartition);
  addMethod(t, "strip", m_strip);
  addMethod(t, "lstrip", m_lstrip);
  addMethod(t, "rstrip", m_rstrip);
  addMethod(t, "removeprefix", m_removeprefix);
  addMethod(t, "removesuffix", m_removesuffix);
  addMethod(t, "replace", m_replace);
  addMethod(t, "upper", m_upper);
  addMethod(t, "lower", m_lower);
  addMethod(t, "swapcase", m_swapcase);
  addMethod(t, "isdigit", m_isdigit);
  addMethod(t, "isalpha", m_isalpha);
  addMethod(t, "isalnum", m_isalnum);
  addMethod(t, "isspace", m_isspace);
  addMethod(t, "islower", m_islower);
  addMethod(t, "isupper", m_isupper);
  addMethod(t, "isascii", m_isascii);
  registerBytesTextMethods(t);
}

// ---------------------------------------------------------------------------------------------------
// printf-style formatting: bytes % args, bytearray % args (the result has the format's type).
// Numbers and %a/%r are rendered by str's formatter (strPercentFormat) on a one-spec format with
// the flags, width and precision resolved; %s/%b/%c are done here on the bytes themselves.

/** A growable output buffer: [ data u32 | cap u32 | len u32 | 0 ]. */
const FB_SIZE: usize = 16;

function fbNew(cap: usize): usize {
  const fb = alloc(FB_SIZE);
  if (fb == 0) return raiseMemory();
  const d = alloc(cap);
  if (d == 0) {
    free(fb, FB_SIZE);
    return raiseMemory();
  }
  store<u32>(fb, <u32>d);
  store<u32>(fb, <u32>cap, 4);
  return fb;
}

function fbFree(fb: usize): void {
  free(<usize>load<u32>(fb), <usize>load<u32>(fb, 4));
  free(fb, FB_SIZE);
}

/** Room for n more bytes; the address to write them at, or 0 with MemoryError. */
function fbReserve(fb: usize, n: u64): usize {
  const len = <usize>load<u32>(fb, 8);
  const cap = <usize>load<u32>(fb, 4);
  if (<u64>len + n > 0x7ffffff0) return raiseMemory();
  if (<usize>(<u64>len + n) > cap) {
    let ncap = cap << 1;
    if (<u64>ncap < <u64>len + n) ncap = <usize>(<u64>len + n);
    if (ncap > 0x7ffffff0) ncap = 0x7ffffff0;
    const nd = alloc(ncap);
    if (nd == 0) return raiseMemory();
    memory.copy(nd, <usize>load<u32>(fb), len);
    free(<usize>load<u32>(fb), cap);
    store<u32>(fb, <u32>nd);
    store<u32>(fb, <u32>ncap, 4);
  }
  store<u32>(fb, <u32>(len + <usize>n), 8);
  return <usize>load<u32>(fb) + len;
}

function fbAppend(fb: usize, src: usize, n: usize): bool {
  if (n == 0) return true;
  const o = fbReserve(fb, <u64>n);
  if (o == 0) return false;
  memory.copy(o, src, n);
  return true;
}

function fbFill(fb: usize, c: u8, n: i64): bool {
  if (n <= 0) return true;
  const o = fbReserve(fb, <u64>n);
  if (o == 0) return false;
  memory.fill(o, c, <usize>n);
  return true;
}

const PF_LJUST: i32 = 1;
const PF_SIGN: i32 = 2;
const PF_BLANK: i32 = 4;
const PF_ALT: i32 = 8;
const PF_ZERO: i32 = 16;

// The argument cursor of the current % operation: percent-args.ts (shared with str).
import { percentRun, percentArgsStart, percentNextArg, percentArgsLeft, percentKeyEnd, percentUseKey, percentKeyDone, raiseUnsupportedFormat } from "./percent-args";

/** A '*' width or precision: an int argument into gIndex ("* wants int"). */
function pfStarArg(): bool {
  const v = percentNextArg();
  if (v == NULL) return false;
  if (!isIntValue(v)) {
    raiseMsg(EXC_TypeError, "* wants int");
    return false;
  }
  if (!isSmallInt(v) && !(v == TRUE || v == FALSE) && !bigToI64(<usize>v)) {
    raiseMsg(EXC_OverflowError, "Python int too large to convert to C ssize_t");
    return false;
  }
  gIndex = isSmallInt(v) ? getSmallInt(v) : v == TRUE ? 1 : v == FALSE ? 0 : indexOut;
  return true;
}

const SPEC_BUF: usize = memory.data(64, 8);

function specPut(n: usize, c: u32): usize {
  store<u8>(SPEC_BUF + n, <u8>c);
  return n + 1;
}

function specPutInt(n: usize, v: i64): usize {
  if (v >= 10) n = specPutInt(n, v / 10);
  return specPut(n, 0x30 + <u32>(v % 10));
}

/** "%<flags><width>.<prec><conv>" as a str, rendered by str's formatter with arg; the result appended. */
function pfViaStr(fb: usize, flags: i32, width: i64, prec: i64, conv: u32, v: Value): bool {
  let n: usize = specPut(0, 0x25);
  if (flags & PF_LJUST) n = specPut(n, 0x2d);
  if (flags & PF_SIGN) n = specPut(n, 0x2b);
  if (flags & PF_BLANK) n = specPut(n, 0x20);
  if (flags & PF_ALT) n = specPut(n, 0x23);
  if (flags & PF_ZERO) n = specPut(n, 0x30);
  if (width >= 0) n = specPutInt(n, width);
  if (prec >= 0) {
    n = specPut(n, 0x2e);
    n = specPutInt(n, prec);
  }
  n = specPut(n, conv);
  const spec = strAlloc(n, 1);
  if (spec == 0) return false;
  changetype<StrObject>(spec).ascii = 1;
  memory.copy(strData(spec), SPEC_BUF, n);
  const t = tupleAlloc(1);
  if (t == 0) {
    decref(<Value>spec);
    return false;
  }
  incref(v);
  tupleSetItem(t, 0, v);
  const r = strPercentFormat(spec, <Value>t);
  decref(<Value>t);
  decref(<Value>spec);
  if (r == NULL) return false;
  // The text is ASCII except for %c of str's kind, which bytes formatting never asks for.
  const s = <usize>r;
  const len = <usize>strLength(s);
  let ok = true;
  if (strKind(s) == 1) ok = fbAppend(fb, strData(s), len);
  decref(r);
  return ok;
}

/** Appends n bytes at src padded to width (spaces; '-' pads on the right). */
function pfPadded(fb: usize, src: usize, n: usize, flags: i32, width: i64): bool {
  const pad: i64 = width > <i64>n ? width - <i64>n : 0;
  const ljust = (flags & PF_LJUST) != 0;
  if (!ljust && !fbFill(fb, 0x20, pad)) return false;
  if (!fbAppend(fb, src, n)) return false;
  return !ljust || fbFill(fb, 0x20, pad);
}

const PF_BYTE: usize = memory.data(8, 8);

/** One spec after '%' at d[i] (i < n); the index after it, or -1 with an exception. */
function pfSpec(fb: usize, d: usize, i: usize, n: usize, dict: Value): isize {
  if (load<u8>(d + i) == 0x28) {
    // %(key): the mapping's item replaces the argument cursor for this spec
    const e = percentKeyEnd(d, 1, i, n, dict);
    if (e < 0 || !percentUseKey(dict, bytesCopy(d + i + 1, <usize>e - 2 - i))) return -1;
    i = <usize>e;
  }
  const r = pfSpecBody(fb, d, i, n);
  percentKeyDone();
  return r;
}

function pfSpecBody(fb: usize, d: usize, i: usize, n: usize): isize {
  let flags: i32 = 0;
  while (i < n) {
    const c = load<u8>(d + i);
    if (c == 0x2d) flags |= PF_LJUST;
    else if (c == 0x2b) flags |= PF_SIGN;
    else if (c == 0x20) flags |= PF_BLANK;
    else if (c == 0x23) flags |= PF_ALT;
    else if (c == 0x30) flags |= PF_ZERO;
    else break;
    i++;
  }
  let width: i64 = -1;
  if (i < n && load<u8>(d + i) == 0x2a) {
    if (!pfStarArg()) return -1;
    width = gIndex;
    if (width < 0) {
      flags |= PF_LJUST;
      width = -width;
    }
    i++;
  } else {
    while (i < n) {
      const c = <u32>load<u8>(d + i);
      if (c < 0x30 || c > 0x39) break;
      if (width < 0) width = 0;
      if (width > (I64_MAX - 9) / 10) {
        raiseMsg(EXC_ValueError, "width too big");
        return -1;
      }
      width = width * 10 + <i64>(c - 0x30);
      i++;
    }
  }
  let prec: i64 = -1;
  if (i < n && load<u8>(d + i) == 0x2e) {
    i++;
    prec = 0;
    if (i < n && load<u8>(d + i) == 0x2a) {
      if (!pfStarArg()) return -1;
      prec = gIndex < 0 ? 0 : gIndex;
      i++;
    } else {
      while (i < n) {
        const c = <u32>load<u8>(d + i);
        if (c < 0x30 || c > 0x39) break;
        if (prec > (I64_MAX - 9) / 10) {
          raiseMsg(EXC_ValueError, "precision too big");
          return -1;
        }
        prec = prec * 10 + <i64>(c - 0x30);
        i++;
      }
    }
  }
  while (i < n) {
    const c = load<u8>(d + i);
    if (c != 0x68 && c != 0x6c && c != 0x4c) break;
    i++;
  }
  if (i >= n) {
    raiseMsg(EXC_ValueError, "incomplete format");
    return -1;
  }
  const conv = <u32>load<u8>(d + i);
  i++;
  const v = percentNextArg();
  if (v == NULL) return -1;
  let ok = false;
  if (conv == 0x73 || conv == 0x62) {
    if (!isBytesLike(v)) {
      raiseBegin(EXC_TypeError);
      errText("%b requires a bytes-like object, or an object that implements __bytes__, not '");
      errTypeName(v);
      errText("'");
      return -1;
    }
    let len = <usize>bufLen(<usize>v);
    if (prec >= 0 && prec < <i64>len) len = <usize>prec;
    ok = pfPadded(fb, bufData(<usize>v), len, flags, width);
  } else if (conv == 0x63) {
    let c: i64 = -1;
    if (isBytesLike(v) && bufLen(<usize>v) == 1) c = <i64>load<u8>(bufData(<usize>v));
    else if (isIntValue(v)) {
      c = intClampI64(v);
      if (c < 0 || c > 255) {
        raiseMsg(EXC_OverflowError, "%c arg not in range(256)");
        return -1;
      }
    } else {
      raiseMsg(EXC_TypeError, "%c requires an integer in range(256) or a single byte");
      return -1;
    }
    store<u8>(PF_BYTE, <u8>c);
    ok = pfPadded(fb, PF_BYTE, 1, flags, width);
  } else if (conv == 0x72 || conv == 0x61) {
    ok = pfViaStr(fb, flags, width, prec, 0x61, v);
  } else if (
    conv == 0x64 || conv == 0x69 || conv == 0x75 || conv == 0x6f || conv == 0x78 || conv == 0x58 ||
    conv == 0x65 || conv == 0x45 || conv == 0x66 || conv == 0x46 || conv == 0x67 || conv == 0x47
  ) {
    ok = pfViaStr(fb, flags, width, prec, conv, v);
  } else {
    return raiseUnsupportedFormat(conv, i - 1, 32);
  }
  return ok ? <isize>i : -1;
}

/** fmt % args for a bytes or bytearray fmt: a new object of fmt's type. */
export function bytesPercentFormat(fmt: usize, args: Value): Value {
  return percentRun(fmt, args, pfImpl);
}

function pfImpl(fmt: usize, args: Value): Value {
  const ak = kindOfValue(args);
  const isTuple = ak == KIND_TUPLE;
  const dict: Value = !isTuple && ak != KIND_BYTES && ak != KIND_BYTEARRAY && ak != KIND_STR && strIsMappingHook(args) ? args : NULL;
  const n = <usize>bufLen(fmt);
  const fb = fbNew(n + 16);
  if (fb == 0) return NULL;
  percentArgsStart(args, isTuple);
  let i: usize = 0;
  while (i < n) {
    // fmt's data is read afresh each time: Python code run by a spec could resize a bytearray fmt.
    const d = bufData(fmt);
    const len = <usize>bufLen(fmt);
    if (i >= len) break;
    const p = findChar(d, 1, i, len, 0x25);
    const stop = p < 0 ? len : <usize>p;
    if (!fbAppend(fb, d + i, stop - i)) return pfFail(fb);
    if (p < 0) break;
    i = stop + 1;
    if (i >= len) {
      raiseMsg(EXC_ValueError, "incomplete format");
      return pfFail(fb);
    }
    if (load<u8>(d + i) == 0x25) {
      if (!fbAppend(fb, d + i, 1)) return pfFail(fb);
      i++;
      continue;
    }
    const r = pfSpec(fb, d, i, len, dict);
    if (r < 0) return pfFail(fb);
    i = <usize>r;
  }
  if (percentArgsLeft() && dict == NULL) {
    raiseMsg(EXC_TypeError, "not all arguments converted during bytes formatting");
    return pfFail(fb);
  }
  const r = likeCopy(fmt, <usize>load<u32>(fb), <usize>load<u32>(fb, 8));
  fbFree(fb);
  return <Value>r;
}

function pfFail(fb: usize): Value {
  fbFree(fb);
  return NULL;
}
