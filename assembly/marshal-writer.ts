/**
 * marshal writers.
 *
 * marshalWrite(v, version) (the second half of this file) is marshal.dumps: versions 0-4, with
 * CPython 3.11's reference flags as far as reference counts allow (the rules are there).
 *
 * marshalDumps(v) writes version 2: the format without FLAG_REF/TYPE_REF (those arrived in version
 * 3), so an object has exactly one encoding and two writers can be compared byte for byte. It exists
 * to verify the unmarshaller (test/wasm-unmarshal.test.ts compares it with host/marshal.ts's
 * `dumps(loads(x), 2)` over the whole standard library).
 *
 * What version 2 writes, as CPython 3.11 does (and host/marshal.ts matches):
 *   None/True/False/Ellipsis/StopIteration   'N' 'T' 'F' '.' 'S'
 *   int       'i' + int32 when it fits 32 bits, else 'l' + signed count + base-2**15 digits
 *   float     'g' + 8 bytes; complex 'y' + 16 bytes (binary since version 2)
 *   str       'u' + int32 length + UTF-8 with surrogatepass (the ASCII codes are version 4)
 *   bytes     's' + int32 length + data
 *   tuple     '(' + int32 count + items (the short tuple code is version 4)
 *   list      '[' + int32 count + items;  dict '{' + key, value ... + '0'
 *   set       '<' / frozenset '>' + int32 count + items in the order of their own marshalled bytes
 *             (CPython 3.11 sorts them so the output does not depend on hash order, bpo-37596)
 *   code      'c' + 5 int32 + co_code, co_consts, co_names, co_localsplusnames,
 *             co_localspluskinds, co_filename, co_name, co_qualname + int32 co_firstlineno +
 *             co_linetable, co_exceptiontable
 * Nesting deeper than 2000 raises ValueError "object too deeply nested to marshal" (CPython's
 * limit and message; it is also what a self-containing container gives).
 *
 * Entry points: marshalDumps(v) -> pointer to the bytes (0 after an error: errorType() etc.),
 * marshalDumpsLength(), marshalDumpsRelease() (frees the buffer; the next marshalDumps also does).
 */
import { baLen, baData } from "./bytearray";
import { alloc, free } from "./heap";
import { Value, NONE, TRUE, FALSE, isSmallInt, isObject, getSmallInt } from "./values";
import {
  kindOf,
  KIND_INT,
  KIND_FLOAT,
  KIND_COMPLEX,
  KIND_STR,
  KIND_BYTES,
  KIND_BYTEARRAY,
  KIND_TUPLE,
  KIND_LIST,
  KIND_DICT,
  KIND_SET,
  KIND_FROZENSET,
  KIND_CODE,
  ELLIPSIS,
  STOP_ITERATION,
  ERR_VALUE,
  raise,
  raiseMemory,
  errorClear,
} from "./types";
import { StrObject, strUtf8Length, strWriteUtf8, strLength, strKind, strData, strEqual } from "./str";
import { bytesLength, bytesData, bytesFromMemory } from "./bytes";
import { typeOfObject } from "./object";
import { typeObject } from "./types";
import { numPrepare, numWrite } from "./float-format";
import { tupleSize, tupleItem, vecSize, vecItems } from "./tuple";
import { dictSize, dictNextIndex, dictEntryKey, dictEntryValue } from "./dict";
import { setUsed, setTable, setNextEntry } from "./set";
import { bigSign, bigDigits15Count, bigWriteDigits15 } from "./int";
import { floatValue, complexReal, complexImag } from "./float";
import { CodeObject, codeField, CF_CODE, CF_LINETABLE } from "./code";

const MAX_DEPTH: u32 = 2000;

let out: usize = 0;
let outLength: usize = 0;
let outCap: usize = 0;

export function marshalDumpsLength(): usize {
  return outLength;
}

export function marshalDumpsRelease(): void {
  if (outCap != 0) free(out, outCap);
  out = 0;
  outCap = 0;
  outLength = 0;
}

/** Writes v in marshal version 2; returns the buffer (marshalDumpsLength() bytes) or 0 after raising. */
export function marshalDumps(v: Value): usize {
  errorClear();
  marshalDumpsRelease();
  wLen = 0;
  if (!wEnsure(256) || !writeObject(v)) {
    wFreeBuffer();
    return 0;
  }
  // the written buffer is the caller's until marshalDumpsRelease
  out = wOut;
  outLength = wLen;
  outCap = wCap;
  wOut = 0;
  wCap = 0;
  wLen = 0;
  return out;
}

// The output buffer, shared by both writers (marshalDumps takes the finished one over).
let wOut: usize = 0;
let wLen: usize = 0;
let wCap: usize = 0;

function wFreeBuffer(): void {
  if (wCap > 0) free(wOut, wCap);
  wOut = 0;
  wCap = 0;
  wLen = 0;
}

function wEnsure(n: usize): bool {
  if (wCap - wLen >= n) return true;
  let cap = wCap < 256 ? <usize>256 : wCap;
  while (cap - wLen < n) {
    if (cap >= 0x40000000) {
      raiseMemory();
      return false;
    }
    cap *= 2;
  }
  const b = alloc(cap);
  if (b == 0) {
    raiseMemory();
    return false;
  }
  if (wLen > 0) memory.copy(b, wOut, wLen);
  if (wCap > 0) free(wOut, wCap);
  wOut = b;
  wCap = cap;
  return true;
}

function wByte(b: u32): bool {
  if (!wEnsure(1)) return false;
  store<u8>(wOut + wLen++, <u8>b);
  return true;
}

function wInt32(n: i32): bool {
  if (!wEnsure(4)) return false;
  store<i32>(wOut + wLen, n);
  wLen += 4;
  return true;
}

function wFloat64(x: f64): bool {
  if (!wEnsure(8)) return false;
  store<f64>(wOut + wLen, x);
  wLen += 8;
  return true;
}

function wRaw(p: usize, n: usize): bool {
  if (!wEnsure(n)) return false;
  memory.copy(wOut + wLen, p, n);
  wLen += n;
  return true;
}

// Containers being written are frames on an explicit stack (heap scratch, freed after each call),
// not wasm stack frames: a recursive writer used ~90% of Node's default stack at the 2000-level
// limit for nested frozensets.
//
//   [ p u32 | kind u32 ] [ i u32 (next item) | n u32 (items) ] [ base u32 | spans u32 ] [ pos u32 | 0 ]
//
// base and spans serve sets: where the items start in the output, and (offset, length) per item.
// pos is where a dict's or set's table walk stands (entry or slot number).
const WFRAME: usize = 32;
let stack: usize = 0;
let stackCap: u32 = 0;
let depthNow: u32 = 0;

/** Writes v and everything in it; false after raising. */
function writeObject(root: Value): bool {
  depthNow = 0;
  let ok = writeOne(root);
  while (ok && depthNow > 0) {
    const f = stack + <usize>(depthNow - 1) * WFRAME;
    const p = <usize>load<u32>(f);
    const kind = load<u32>(f, 4);
    const i = load<u32>(f, 8);
    if (i < load<u32>(f, 12)) {
      store<u32>(f, i + 1, 8);
      let item: Value;
      if (kind == KIND_TUPLE) {
        item = tupleItem(p, <usize>i);
      } else if (kind == KIND_DICT) {
        // keys at even i, values at odd i, entries in order (deleted ones skipped)
        let pos = load<u32>(f, 24);
        if ((i & 1) == 0) {
          pos = <u32>dictNextIndex(p, pos);
          store<u32>(f, pos, 24);
          item = dictEntryKey(p, pos);
        } else {
          item = dictEntryValue(p, pos);
          store<u32>(f, pos + 1, 24);
        }
      } else if (kind == KIND_CODE) {
        // co_firstlineno sits between co_qualname and co_linetable
        if (i == <u32>CF_LINETABLE && !wInt32(changetype<CodeObject>(p).firstlineno)) return failWrite();
        item = <u64>codeField(p, <usize>i);
      } else if (kind == KIND_LIST) {
        item = load<u64>(vecItems(p) + (<usize>i << 3));
      } else {
        // a set's elements in slot order (finishSet sorts their encodings)
        const slot = <u32>setNextEntry(p, load<u32>(f, 24));
        store<u32>(f, slot + 1, 24);
        item = load<u64>(setTable(p) + (<usize>slot << 4), 8);
        const spans = <usize>load<u32>(f, 20);
        store<u32>(spans + (<usize>i << 3), <u32>(wLen - <usize>load<u32>(f, 16)));
      }
      ok = writeOne(item);
      continue;
    }
    // the container is complete
    if (kind == KIND_DICT) ok = wByte(0x30);
    else if (kind == KIND_SET || kind == KIND_FROZENSET) ok = finishSet(f);
    depthNow--;
  }
  if (!ok) return failWrite();
  freeStack();
  return true;
}

/** Releases the frames' scratch after an error. */
function failWrite(): bool {
  while (depthNow > 0) {
    depthNow--;
    const f = stack + <usize>depthNow * WFRAME;
    const spans = <usize>load<u32>(f, 20);
    if (spans != 0) free(spans, <usize>load<u32>(f, 12) << 3);
  }
  freeStack();
  return false;
}

function freeStack(): void {
  if (stackCap > 0) free(stack, <usize>stackCap * WFRAME);
  stack = 0;
  stackCap = 0;
}

/** A frame stack of `cap` frames (`size` bytes each) moved to a new block of newCap frames; 0 after raising. */
function moveFrames(frames: usize, cap: u32, newCap: u32, size: usize): usize {
  const b = alloc(<usize>newCap * size);
  if (b == 0) {
    raiseMemory();
    return 0;
  }
  if (cap > 0) {
    memory.copy(b, frames, <usize>cap * size);
    free(frames, <usize>cap * size);
  }
  return b;
}

/** Pushes a frame for container p with n items (its header is already written). */
function push(p: usize, kind: u32, n: u32): bool {
  if (depthNow == stackCap) {
    const cap: u32 = stackCap < 16 ? 16 : stackCap * 2;
    const b = moveFrames(stack, stackCap, cap, WFRAME);
    if (b == 0) return false;
    stack = b;
    stackCap = cap;
  }
  let spans: usize = 0;
  if ((kind == KIND_SET || kind == KIND_FROZENSET) && (spans = alloc(<usize>n << 3)) == 0) {
    raiseMemory();
    return false;
  }
  const f = stack + <usize>depthNow * WFRAME;
  store<u32>(f, <u32>p);
  store<u32>(f, kind, 4);
  store<u32>(f, 0, 8);
  store<u32>(f, n, 12);
  store<u32>(f, <u32>wLen, 16);
  store<u32>(f, <u32>spans, 20);
  store<u32>(f, 0, 24);
  depthNow++;
  return true;
}

/** Writes a scalar, or a container's header (then pushes its frame); false after raising. */
function writeOne(v: Value): bool {
  // CPython counts every object written, scalars included, against the limit.
  if (depthNow + 1 > MAX_DEPTH) {
    raise(ERR_VALUE, "object too deeply nested to marshal");
    return false;
  }
  if (isSmallInt(v)) return writeSmallInt(getSmallInt(v));
  if (v == NONE) return wByte(0x4e);
  if (v == TRUE) return wByte(0x54);
  if (v == FALSE) return wByte(0x46);
  if (!isObject(v)) {
    raise(ERR_VALUE, "unmarshallable object");
    return false;
  }
  const p = <usize>v;
  if (p == ELLIPSIS) return wByte(0x2e);
  if (p == STOP_ITERATION) return wByte(0x53);
  const kind = kindOf(p);
  switch (kind) {
    case KIND_INT: {
      const count = bigDigits15Count(p);
      if (!wByte(0x6c) || !wInt32(bigSign(p) < 0 ? -<i32>count : <i32>count) || !wEnsure(count << 1)) return false;
      wLen += bigWriteDigits15(p, wOut + wLen) << 1;
      return true;
    }
    case KIND_FLOAT:
      return wByte(0x67) && wFloat64(floatValue(p));
    case KIND_COMPLEX:
      return wByte(0x79) && wFloat64(complexReal(p)) && wFloat64(complexImag(p));
    case KIND_STR: {
      const n = strUtf8Length(p);
      if (!wByte(0x75) || !wInt32(<i32>n) || !wEnsure(n)) return false;
      wLen += strWriteUtf8(p, wOut + wLen);
      return true;
    }
    case KIND_BYTES:
      return wByte(0x73) && wInt32(<i32>bytesLength(p)) && wRaw(bytesData(p), <usize>bytesLength(p));
    case KIND_TUPLE: {
      const n = tupleSize(p);
      return wByte(0x28) && wInt32(<i32>n) && (n == 0 || push(p, kind, n));
    }
    case KIND_LIST: {
      const n = vecSize(p);
      return wByte(0x5b) && wInt32(<i32>n) && (n == 0 || push(p, kind, n));
    }
    case KIND_DICT: {
      const n = dictSize(p);
      if (!wByte(0x7b)) return false;
      return n == 0 ? wByte(0x30) : push(p, kind, n * 2);
    }
    case KIND_SET:
    case KIND_FROZENSET: {
      const n = setUsed(p);
      return wByte(kind == KIND_SET ? 0x3c : 0x3e) && wInt32(<i32>n) && (n == 0 || push(p, kind, n));
    }
    case KIND_CODE: {
      const c = changetype<CodeObject>(p);
      return (
        wByte(0x63) &&
        wInt32(c.argcount) &&
        wInt32(c.posonlyargcount) &&
        wInt32(c.kwonlyargcount) &&
        wInt32(c.stacksize) &&
        wInt32(c.flags) &&
        push(p, kind, 10)
      );
    }
  }
  raise(ERR_VALUE, "unmarshallable object");
  return false;
}

function writeSmallInt(n: i64): bool {
  if (n >= -0x80000000 && n <= 0x7fffffff) return wByte(0x69) && wInt32(<i32>n);
  let m: u64 = n < 0 ? <u64>0 - <u64>n : <u64>n;
  let count: i32 = 0;
  for (let x = m; x != 0; x >>= 15) count++;
  if (!wByte(0x6c) || !wInt32(n < 0 ? -count : count) || !wEnsure(<usize>count << 1)) return false;
  for (; m != 0; m >>= 15) {
    store<u16>(wOut + wLen, <u16>(m & 0x7fff));
    wLen += 2;
  }
  return true;
}

/**
 * A set or frozenset whose items are all written: rearrange them into the order of their encodings
 * (bytewise, a shorter prefix first), as CPython 3.11 writes them. Frees the frame's spans.
 */
function finishSet(f: usize): bool {
  const n = <usize>load<u32>(f, 12);
  const base = <usize>load<u32>(f, 16);
  const spans = <usize>load<u32>(f, 20);
  store<u32>(f, 0, 20); // freed below, whatever happens
  // lengths from the offsets: item i ends where item i + 1 starts
  for (let i: usize = 0; i < n; i++) {
    const startI = <usize>load<u32>(spans + (i << 3));
    const endI = i + 1 < n ? <usize>load<u32>(spans + ((i + 1) << 3)) : wLen - base;
    store<u32>(spans + (i << 3), <u32>(endI - startI), 4);
  }
  let ok = true;
  if (n > 1) {
    const order = alloc(n << 2);
    const tmp = alloc(n << 2);
    const total = wLen - base;
    const copy = alloc(total);
    if (order == 0 || tmp == 0 || copy == 0) {
      ok = false;
      raiseMemory();
    } else {
      for (let i: usize = 0; i < n; i++) store<u32>(order + (i << 2), <u32>i);
      sortByEncoding(order, tmp, n, spans, 8, 0, wOut + base);
      memory.copy(copy, wOut + base, total);
      let w = wOut + base;
      for (let i: usize = 0; i < n; i++) {
        const k = <usize>load<u32>(order + (i << 2));
        const off = <usize>load<u32>(spans + (k << 3));
        const len = <usize>load<u32>(spans + (k << 3), 4);
        memory.copy(w, copy + off, len);
        w += len;
      }
    }
    if (order != 0) free(order, n << 2);
    if (tmp != 0) free(tmp, n << 2);
    if (copy != 0) free(copy, total);
  }
  free(spans, n << 3);
  return ok;
}

/**
 * Stable bottom-up merge sort of the n u32 indices at `order` (tmp: scratch of the same size) by the
 * item encodings they name: index i's record is at recs + i * stride, holding the encoding's offset
 * in data (u32 at `at`) and its length (u32 after it). Bytewise, a proper prefix first. Both writers'
 * set orders (CPython 3.11 sorts a set's items by their dumps).
 */
function sortByEncoding(order: usize, tmp: usize, n: usize, recs: usize, stride: usize, at: usize, data: usize): void {
  let src = order;
  let dst = tmp;
  for (let width: usize = 1; width < n; width <<= 1) {
    for (let lo: usize = 0; lo < n; lo += width << 1) {
      const mid = lo + width < n ? lo + width : n;
      const hi = lo + (width << 1) < n ? lo + (width << 1) : n;
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        const x = load<u32>(src + (i << 2));
        const y = load<u32>(src + (j << 2));
        if (compareEncodings(recs + <usize>y * stride + at, recs + <usize>x * stride + at, data) < 0) {
          store<u32>(dst + (k++ << 2), y);
          j++;
        } else {
          store<u32>(dst + (k++ << 2), x);
          i++;
        }
      }
      while (i < mid) store<u32>(dst + (k++ << 2), load<u32>(src + (i++ << 2)));
      while (j < hi) store<u32>(dst + (k++ << 2), load<u32>(src + (j++ << 2)));
    }
    const t = src;
    src = dst;
    dst = t;
  }
  if (src != order) memory.copy(order, src, n << 2);
}

/** Bytewise order of two encodings given as (offset in data, length) u32 pairs at a and b. */
function compareEncodings(a: usize, b: usize, data: usize): i32 {
  const al = <usize>load<u32>(a, 4);
  const bl = <usize>load<u32>(b, 4);
  const c = memory.compare(data + <usize>load<u32>(a), data + <usize>load<u32>(b), al < bl ? al : bl);
  if (c != 0) return c;
  return al < bl ? -1 : al > bl ? 1 : 0;
}

// ===================================================================================================
// marshal.dumps: versions 0-4 with CPython 3.11's reference flags
//
// What each version adds (CPython 3.11, Python/marshal.c):
//   0-1  floats and complex as text ('f'/'x' + length byte + "%.17g")
//   2    binary floats ('g'/'y')
//   3    FLAG_REF / TYPE_REF, and interned str as 't'
//   4    ASCII str as 'a'/'A' ('z'/'Z' below 256 chars), tuples below 256 items as ')'
//
// FLAG_REF: CPython flags an object (and refers to its later occurrences with TYPE_REF) when its
// reference count is above 1, or it is an interned str. Our counts follow CPython's for heap
// objects, except where CPython holds references we do not; those cases are rules here:
//   - ints that are immediates here (|n| < 2**62) are always flagged, equal values being one object:
//     right for CPython's cached small ints (-5..256) and for int constants; ints computed at run
//     time outside -5..256 come out flagged where CPython (count 1) does not flag them.
//   - '', one-char Latin-1 str, b'' and () are CPython singletons: flagged, one object per value
//     ('' is interned; other interned str are one object per value too). CPython makes one-char
//     str afresh in a few places (str(5)): those it does not flag, we do. One-byte bytes are
//     singletons in CPython only from some operations (bytes([x]), slicing; not bytes(1), loads):
//     here they follow their counts.
//   - constants: a program's expected output comes from running its source, where the compiler's
//     constant cache holds one more reference to every constant (a .pyc load does not). A heap
//     object the constant test (marshalSetConstantTest, mod-marshal.ts) says is a constant is
//     treated as if its count were 2.
//   - co_code is flagged (3.11 caches the deoptimized bytes on the code object); a set's elements
//     are flagged (CPython sorts them in (dump, element) pairs that hold a reference each).
// Set elements are written in the order of their standalone dumps (bpo-37596): each is dumped in a
// scope of its own (fresh references, nesting from 0) first, then all are written in that order;
// a failure inside a standalone dump is "unmarshallable object", as in CPython.
// Errors: writing stops at the first one (CPython writes on and reports the last one it met, which
// differs only for values that are both too deep and unmarshallable).
//
// Entry point: marshalWrite(v, version) -> a new bytes object, or 0 after raising.
// ===================================================================================================

const TY_NULL: u32 = 0x30;
const TY_NONE: u32 = 0x4e;
const TY_FALSE: u32 = 0x46;
const TY_TRUE: u32 = 0x54;
const TY_STOPITER: u32 = 0x53;
const TY_ELLIPSIS: u32 = 0x2e;
const TY_INT: u32 = 0x69;
const TY_FLOAT: u32 = 0x66;
const TY_BINARY_FLOAT: u32 = 0x67;
const TY_COMPLEX: u32 = 0x78;
const TY_BINARY_COMPLEX: u32 = 0x79;
const TY_LONG: u32 = 0x6c;
const TY_STRING: u32 = 0x73;
const TY_INTERNED: u32 = 0x74;
const TY_REF: u32 = 0x72;
const TY_TUPLE: u32 = 0x28;
const TY_LIST: u32 = 0x5b;
const TY_DICT: u32 = 0x7b;
const TY_CODE: u32 = 0x63;
const TY_UNICODE: u32 = 0x75;
const TY_SET: u32 = 0x3c;
const TY_FROZENSET: u32 = 0x3e;
const TY_ASCII: u32 = 0x61;
const TY_ASCII_INTERNED: u32 = 0x41;
const TY_SMALL_TUPLE: u32 = 0x29;
const TY_SHORT_ASCII: u32 = 0x7a;
const TY_SHORT_ASCII_INTERNED: u32 = 0x5a;
const FLAG_REF: u32 = 0x80;

/** Whether a heap object (count 1) is a program constant; mod-marshal.ts installs the real test. */
let constantTest: (p: usize) => bool = noConstants;
function noConstants(p: usize): bool {
  return false;
}
export function marshalSetConstantTest(f: (p: usize) => bool): void {
  constantTest = f;
}

let wVersion: i32 = 4;

/** Writes v in marshal format `version`; returns a new bytes object or 0 after raising. */
export function marshalWrite(v: Value, version: i32): usize {
  wVersion = version;
  wLen = 0;
  let result: usize = 0;
  if (wEnsure(256) && wRun(v)) result = bytesFromMemory(wOut, wLen);
  wRelease();
  return result;
}

function wRelease(): void {
  while (wDepth > 0) {
    wDepth--;
    const f = wStack + <usize>wDepth * WF_SIZE;
    if (load<u32>(f, WF_AUX) != 0 && (load<u32>(f, WF_KIND) == KIND_SET || load<u32>(f, WF_KIND) == KIND_FROZENSET)) {
      free(<usize>load<u32>(f, WF_AUX), setBlockSize(load<u32>(f, WF_N)));
    }
  }
  if (wStackCap > 0) free(wStack, <usize>wStackCap * WF_SIZE);
  wStack = 0;
  wStackCap = 0;
  wFreeBuffer();
  refsRelease();
  wDepthBase = 0;
  wScope = 0;
}

/** Versions 0-1: a length byte and "%.17g" (PyOS_double_to_string(x, 'g', 17, 0)). */
function wFloatText(x: f64): bool {
  numPrepare(x, 0x67, 17, false, false, false, false);
  if (!wEnsure(64)) return false;
  const n = numWrite(wOut + wLen + 1);
  store<u8>(wOut + wLen, <u8>n);
  wLen += 1 + n;
  return true;
}

// ---------------------------------------------------------------------------------------------------
// References: every flagged object in write order, in a log whose position (minus the scope's
// base) is its TYPE_REF index, found through hash chains. A set element's standalone dump opens a
// scope: lookups see only the scope's entries, and closing it pops them (newest first, so each
// chain head goes back to what it was).
//
//   log entry: [ key u64 | next u32 (log index + 1 of the older entry in the chain, 0 = none) | hash u32 ]
//
// Keys: the Value (heap pointer or immediate int); CPython's per-value singletons get synthetic keys
// (low bits 100, which no Value has); other interned str are keyed by pointer but matched by text.

const RL_SIZE: usize = 16;
let rLog: usize = 0;
let rCount: u32 = 0;
let rCap: u32 = 0;
let rHeads: usize = 0; // u32[rMask + 1]: log index + 1 of each chain's newest entry
let rMask: u32 = 0;
let rBase: u32 = 0;

function refsRelease(): void {
  if (rCap > 0) free(rLog, <usize>rCap * RL_SIZE);
  if (rHeads != 0) free(rHeads, (<usize>rMask + 1) << 2);
  rLog = 0;
  rCap = 0;
  rCount = 0;
  rHeads = 0;
  rMask = 0;
  rBase = 0;
}

// @ts-ignore: decorator
@inline function mixHash(k: u64): u32 {
  return <u32>((k * 0x9e3779b97f4a7c15) >> 32);
}

let refKey: u64 = 0;
let refHash: u32 = 0;
let refByText = false;

/** Sets refKey / refHash / refByText for v. */
function refKeyOf(v: Value): void {
  refByText = false;
  refKey = v;
  if (isObject(v)) {
    const p = <usize>v;
    const kind = kindOf(p);
    if (kind == KIND_STR) {
      const n = strLength(p);
      if (n == 0) refKey = 4;
      else if (n == 1 && strKind(p) == 1) refKey = ((<u64>1 + <u64>load<u8>(strData(p))) << 4) | 4;
      else if (changetype<StrObject>(p).interned != 0) {
        refByText = true;
        refHash = textHash(strData(p), <usize>n * <usize>strKind(p));
        return;
      }
    } else if (kind == KIND_BYTES) {
      const n = bytesLength(p);
      if (n == 0) refKey = (<u64>0x1000 << 4) | 4;
    } else if (kind == KIND_TUPLE) {
      if (tupleSize(p) == 0) refKey = (<u64>0x2000 << 4) | 4;
    }
  }
  refHash = mixHash(refKey);
}

function textHash(p: usize, n: usize): u32 {
  let h: u32 = 0x811c9dc5 ^ <u32>n;
  for (let i: usize = 0; i < n; i++) h = (h ^ <u32>load<u8>(p + i)) * 0x01000193;
  return h ^ (h >> 15);
}

/** The TYPE_REF index of the object refKeyOf(v) described, in the current scope; -1 if none. */
function refFind(v: Value): i32 {
  if (rHeads == 0) return -1;
  let e = load<u32>(rHeads + ((<usize>(refHash & rMask)) << 2));
  while (e != 0) {
    const at = rLog + <usize>(e - 1) * RL_SIZE;
    if (load<u32>(at, 12) == refHash) {
      const k = load<u64>(at);
      if (k == refKey || (refByText && sameInternedText(k, <usize>v))) {
        // the newest entry for a key decides: an older scope's entry is invisible
        return e - 1 >= rBase ? <i32>(e - 1 - rBase) : -1;
      }
    }
    e = load<u32>(at, 8);
  }
  return -1;
}

function sameInternedText(k: u64, p: usize): bool {
  if ((k & 7) != 0 || !isObject(k)) return false;
  const q = <usize>k;
  return kindOf(q) == KIND_STR && changetype<StrObject>(q).interned != 0 && strEqual(q, p);
}

/** Appends the object refKeyOf described to the log (it is flagged); false after raising. */
function refAdd(): bool {
  if (rCount == rCap) {
    const cap: u32 = rCap < 64 ? 64 : rCap * 2;
    const b = alloc(<usize>cap * RL_SIZE);
    if (b == 0) {
      raiseMemory();
      return false;
    }
    if (rCap > 0) {
      memory.copy(b, rLog, <usize>rCount * RL_SIZE);
      free(rLog, <usize>rCap * RL_SIZE);
    }
    rLog = b;
    rCap = cap;
    // one chain head per entry at most: rebuild them at the new size, oldest entries first
    if (rHeads != 0) free(rHeads, (<usize>rMask + 1) << 2);
    rMask = cap - 1;
    rHeads = alloc(<usize>cap << 2);
    if (rHeads == 0) {
      rMask = 0;
      raiseMemory();
      return false;
    }
    for (let i: u32 = 0; i < rCount; i++) chainIn(i);
  }
  const at = rLog + <usize>rCount * RL_SIZE;
  store<u64>(at, refKey);
  store<u32>(at, refHash, 12);
  chainIn(rCount);
  rCount++;
  return true;
}

function chainIn(i: u32): void {
  const at = rLog + <usize>i * RL_SIZE;
  const head = rHeads + (<usize>(load<u32>(at, 12) & rMask) << 2);
  store<u32>(at, load<u32>(head), 8);
  store<u32>(head, i + 1);
}

/** Closes a scope: drops the entries from `base` on, newest first. */
function refPopTo(base: u32): void {
  while (rCount > base) {
    rCount--;
    const at = rLog + <usize>rCount * RL_SIZE;
    store<u32>(rHeads + (<usize>(load<u32>(at, 12) & rMask) << 2), load<u32>(at, 8));
  }
}

// ---------------------------------------------------------------------------------------------------
// Whether an object gets FLAG_REF (version 3 and up; see the rules at the top of this section)

/** How an object is held: NORMAL by its count, FORCED as if its count were above 1. */
const NORMAL: u32 = 0;
const FORCED: u32 = 1;

function isShared(v: Value, how: u32): bool {
  if (!isObject(v)) return true; // an immediate int
  const p = <usize>v;
  const kind = kindOf(p);
  if (kind == KIND_STR) {
    if (strLength(p) == 0 || (strLength(p) == 1 && strKind(p) == 1) || changetype<StrObject>(p).interned != 0) return true;
  } else if (kind == KIND_BYTES) {
    if (bytesLength(p) == 0) return true;
  } else if (kind == KIND_TUPLE) {
    if (tupleSize(p) == 0) return true;
  }
  if (how == FORCED || load<u32>(p) > 1) return true;
  switch (kind) {
    case KIND_INT:
    case KIND_FLOAT:
    case KIND_COMPLEX:
    case KIND_STR:
    case KIND_BYTES:
    case KIND_TUPLE:
    case KIND_FROZENSET:
    case KIND_CODE:
      return constantTest(p);
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------
// The walk: containers being written are frames on an explicit stack, as in marshalDumps.
//
//   0 [ p u32 | kind u32 ]  8 [ i u32 (next item) | n u32 (items) ]  16 [ base u32 | aux u32 ]
//  24 [ phase u32 | saved depth base u32 ]  32 [ saved ref base u32 | scope open u32 ]
//
// dict: aux is the entry position. set: base is where its items start in the output, aux a block of
// n records [ element u64 | offset u32 | length u32 ] (its standalone dump in the output) and then
// n u32 (the write order); phase 0 dumps the elements standalone, phase 1 writes them in order.

const WF_SIZE: usize = 40;
const WF_P: usize = 0;
const WF_KIND: usize = 4;
const WF_I: usize = 8;
const WF_N: usize = 12;
const WF_BASE: usize = 16;
const WF_AUX: usize = 20;
const WF_PHASE: usize = 24;
const WF_SAVED_DEPTH: usize = 28;
const WF_SAVED_REFS: usize = 32;
const WF_SCOPE_OPEN: usize = 36;
let wStack: usize = 0;
let wStackCap: u32 = 0;
let wDepth: u32 = 0;
/** Frames below the current dump's root (a set element's standalone dump nests from 0). */
let wDepthBase: u32 = 0;
let wScope: u32 = 0;

// @ts-ignore: decorator
@inline function setBlockSize(n: u32): usize {
  return <usize>n * 20;
}

function wRun(root: Value): bool {
  wDepth = 0;
  if (!wOne(root, NORMAL)) return false;
  while (wDepth > 0) {
    const f = wStack + <usize>(wDepth - 1) * WF_SIZE;
    const p = <usize>load<u32>(f, WF_P);
    const kind = load<u32>(f, WF_KIND);
    const i = load<u32>(f, WF_I);
    const n = load<u32>(f, WF_N);
    if (kind == KIND_SET || kind == KIND_FROZENSET) {
      if (!wSetStep(f)) return false;
      continue;
    }
    if (i < n) {
      store<u32>(f, i + 1, WF_I);
      let item: Value;
      let how = NORMAL;
      if (kind == KIND_TUPLE) {
        item = tupleItem(p, <usize>i);
      } else if (kind == KIND_LIST) {
        // a list can shrink under us only through Python code, which nothing here runs
        item = load<u64>(vecItems(p) + (<usize>i << 3));
      } else if (kind == KIND_DICT) {
        let pos = load<u32>(f, WF_AUX);
        if ((i & 1) == 0) {
          pos = <u32>dictNextIndex(p, pos);
          store<u32>(f, pos, WF_AUX);
          item = dictEntryKey(p, pos);
        } else {
          item = dictEntryValue(p, pos);
          store<u32>(f, pos + 1, WF_AUX);
        }
      } else {
        // code: co_firstlineno sits between co_qualname and co_linetable
        if (i == <u32>CF_LINETABLE && !wInt32(changetype<CodeObject>(p).firstlineno)) return false;
        item = <u64>codeField(p, <usize>i);
        // co_code: 3.11 hands out its cached copy
        if (i == <u32>CF_CODE) how = FORCED;
      }
      if (!wOne(item, how)) return false;
      continue;
    }
    // complete; a dict ends with a NULL, which counts one level deeper
    if (kind == KIND_DICT) {
      if (!wDepthOk(1) || !wByte(TY_NULL)) return false;
    }
    wDepth--;
  }
  return true;
}

/** One step of a set frame: the next standalone dump, the sort, or the next element in order. */
function wSetStep(f: usize): bool {
  const n = load<u32>(f, WF_N);
  const block = <usize>load<u32>(f, WF_AUX);
  const base = <usize>load<u32>(f, WF_BASE);
  let i = load<u32>(f, WF_I);
  if (load<u32>(f, WF_PHASE) == 0) {
    if (load<u32>(f, WF_SCOPE_OPEN) != 0) {
      // element i - 1's standalone dump is complete: close its scope, note its length
      refPopTo(rBase);
      rBase = load<u32>(f, WF_SAVED_REFS);
      wDepthBase = load<u32>(f, WF_SAVED_DEPTH);
      wScope--;
      store<u32>(f, 0, WF_SCOPE_OPEN);
      const rec = block + <usize>(i - 1) * 16;
      store<u32>(rec, <u32>(wLen - base) - load<u32>(rec, 8), 12);
    }
    if (i < n) {
      const rec = block + <usize>i * 16;
      store<u32>(rec, <u32>(wLen - base), 8);
      store<u32>(f, i + 1, WF_I);
      store<u32>(f, rBase, WF_SAVED_REFS);
      store<u32>(f, wDepthBase, WF_SAVED_DEPTH);
      store<u32>(f, 1, WF_SCOPE_OPEN);
      rBase = rCount;
      wDepthBase = wDepth;
      wScope++;
      return wOne(load<u64>(rec), NORMAL);
    }
    if (!wSortSet(block, n, wOut + base)) return false;
    wLen = base;
    store<u32>(f, 1, WF_PHASE);
    store<u32>(f, 0, WF_I);
    i = 0;
  }
  if (i < n) {
    store<u32>(f, i + 1, WF_I);
    const k = <usize>load<u32>(block + <usize>n * 16 + (<usize>i << 2));
    // the (dump, element) pair CPython sorts holds a reference: the element is flagged
    return wOne(load<u64>(block + k * 16), FORCED);
  }
  free(block, setBlockSize(n));
  store<u32>(f, 0, WF_AUX);
  wDepth--;
  return true;
}

/** Orders the n records by their dumps (bytewise, a proper prefix first), stably, into the u32s after them. */
function wSortSet(block: usize, n: u32, data: usize): bool {
  const order = block + <usize>n * 16;
  for (let i: u32 = 0; i < n; i++) store<u32>(order + (<usize>i << 2), i);
  if (n < 2) return true;
  const tmp = alloc(<usize>n << 2);
  if (tmp == 0) {
    raiseMemory();
    return false;
  }
  sortByEncoding(order, tmp, <usize>n, block, 16, 8, data);
  free(tmp, <usize>n << 2);
  return true;
}

/** Whether an object `extra` levels below the current frames is within the nesting limit; raises if not. */
function wDepthOk(extra: u32): bool {
  if (wDepth - wDepthBase + extra <= MAX_DEPTH) return true;
  // inside a set element's standalone dump CPython reports any failure as unmarshallable
  raise(ERR_VALUE, wScope > 0 ? "unmarshallable object" : "object too deeply nested to marshal");
  return false;
}

function wPush(p: usize, kind: u32, n: u32): bool {
  if (wDepth == wStackCap) {
    const cap: u32 = wStackCap < 16 ? 16 : wStackCap * 2;
    const b = moveFrames(wStack, wStackCap, cap, WF_SIZE);
    if (b == 0) return false;
    wStack = b;
    wStackCap = cap;
  }
  let aux: usize = 0;
  if (kind == KIND_SET || kind == KIND_FROZENSET) {
    aux = alloc(setBlockSize(n));
    if (aux == 0) {
      raiseMemory();
      return false;
    }
    let slot: u32 = 0;
    for (let i: u32 = 0; i < n; i++) {
      slot = <u32>setNextEntry(p, slot);
      store<u64>(aux + <usize>i * 16, load<u64>(setTable(p) + (<usize>slot << 4), 8));
      slot++;
    }
  }
  const f = wStack + <usize>wDepth * WF_SIZE;
  memory.fill(f, 0, WF_SIZE);
  store<u32>(f, <u32>p, WF_P);
  store<u32>(f, kind, WF_KIND);
  store<u32>(f, n, WF_N);
  store<u32>(f, <u32>wLen, WF_BASE);
  store<u32>(f, <u32>aux, WF_AUX);
  wDepth++;
  return true;
}

function wUnmarshallable(): bool {
  raise(ERR_VALUE, "unmarshallable object");
  return false;
}

/** Writes a scalar, or a container's header (then pushes its frame); false after raising. */
function wOne(v: Value, how: u32): bool {
  if (!wDepthOk(1)) return false;
  if (v == NONE) return wByte(TY_NONE);
  if (v == TRUE) return wByte(TY_TRUE);
  if (v == FALSE) return wByte(TY_FALSE);
  if (!isSmallInt(v)) {
    if (!isObject(v)) return wUnmarshallable();
    if (<usize>v == ELLIPSIS) return wByte(TY_ELLIPSIS);
    if (<usize>v == STOP_ITERATION) return wByte(TY_STOPITER);
  }
  let flag: u32 = 0;
  if (wVersion >= 3 && isShared(v, how)) {
    refKeyOf(v);
    const ix = refFind(v);
    if (ix >= 0) return wByte(TY_REF) && wInt32(ix);
    if (!refAdd()) return false;
    flag = FLAG_REF;
  }
  if (isSmallInt(v)) return wSmallInt(getSmallInt(v), flag);
  const p = <usize>v;
  const kind = kindOf(p);
  // only the exact types (a subclass instance is unmarshallable, as in CPython)
  if (typeOfObject(p) != typeObject(kind)) return wUnmarshallable();
  switch (kind) {
    case KIND_INT: {
      const count = bigDigits15Count(p);
      if (!wByte(TY_LONG | flag) || !wInt32(bigSign(p) < 0 ? -<i32>count : <i32>count) || !wEnsure(count << 1)) return false;
      wLen += bigWriteDigits15(p, wOut + wLen) << 1;
      return true;
    }
    case KIND_FLOAT:
      if (wVersion > 1) return wByte(TY_BINARY_FLOAT | flag) && wFloat64(floatValue(p));
      return wByte(TY_FLOAT | flag) && wFloatText(floatValue(p));
    case KIND_COMPLEX:
      if (wVersion > 1) return wByte(TY_BINARY_COMPLEX | flag) && wFloat64(complexReal(p)) && wFloat64(complexImag(p));
      return wByte(TY_COMPLEX | flag) && wFloatText(complexReal(p)) && wFloatText(complexImag(p));
    case KIND_STR:
      return wStr(p, flag);
    case KIND_BYTES:
      return wByte(TY_STRING | flag) && wInt32(<i32>bytesLength(p)) && wRaw(bytesData(p), <usize>bytesLength(p));
    case KIND_BYTEARRAY: // any other buffer is written as bytes
      return wByte(TY_STRING | flag) && wInt32(<i32>baLen(p)) && wRaw(baData(p), baLen(p));
    case KIND_TUPLE: {
      const n = tupleSize(p);
      const ok = wVersion >= 4 && n < 256 ? wByte(TY_SMALL_TUPLE | flag) && wByte(n) : wByte(TY_TUPLE | flag) && wInt32(<i32>n);
      return ok && (n == 0 || wPush(p, kind, n));
    }
    case KIND_LIST: {
      const n = vecSize(p);
      return wByte(TY_LIST | flag) && wInt32(<i32>n) && (n == 0 || wPush(p, kind, n));
    }
    case KIND_DICT: {
      const n = dictSize(p);
      if (!wByte(TY_DICT | flag)) return false;
      if (n == 0) return wDepthOk(2) && wByte(TY_NULL);
      return wPush(p, kind, n * 2);
    }
    case KIND_SET:
    case KIND_FROZENSET: {
      const n = setUsed(p);
      return wByte((kind == KIND_SET ? TY_SET : TY_FROZENSET) | flag) && wInt32(<i32>n) && (n == 0 || wPush(p, kind, n));
    }
    case KIND_CODE: {
      const c = changetype<CodeObject>(p);
      return (
        wByte(TY_CODE | flag) &&
        wInt32(c.argcount) &&
        wInt32(c.posonlyargcount) &&
        wInt32(c.kwonlyargcount) &&
        wInt32(c.stacksize) &&
        wInt32(c.flags) &&
        wPush(p, kind, 10)
      );
    }
  }
  return wUnmarshallable();
}

function wSmallInt(n: i64, flag: u32): bool {
  if (n >= -0x80000000 && n <= 0x7fffffff) return wByte(TY_INT | flag) && wInt32(<i32>n);
  let m: u64 = n < 0 ? <u64>0 - <u64>n : <u64>n;
  let count: i32 = 0;
  for (let x = m; x != 0; x >>= 15) count++;
  if (!wByte(TY_LONG | flag) || !wInt32(n < 0 ? -count : count) || !wEnsure(<usize>count << 1)) return false;
  for (; m != 0; m >>= 15) {
    store<u16>(wOut + wLen, <u16>(m & 0x7fff));
    wLen += 2;
  }
  return true;
}

function wStr(p: usize, flag: u32): bool {
  const n = <usize>strLength(p);
  // '' is interned in CPython whatever made it
  const interned = n == 0 || changetype<StrObject>(p).interned != 0;
  if (wVersion >= 4 && isAsciiStr(p)) {
    if (n < 256) {
      if (!wByte((interned ? TY_SHORT_ASCII_INTERNED : TY_SHORT_ASCII) | flag) || !wByte(<u32>n)) return false;
    } else if (!wByte((interned ? TY_ASCII_INTERNED : TY_ASCII) | flag) || !wInt32(<i32>n)) {
      return false;
    }
    return wRaw(strData(p), n);
  }
  const m = strUtf8Length(p);
  if (!wByte((wVersion >= 3 && interned ? TY_INTERNED : TY_UNICODE) | flag) || !wInt32(<i32>m) || !wEnsure(m)) return false;
  wLen += strWriteUtf8(p, wOut + wLen);
  return true;
}

function isAsciiStr(p: usize): bool {
  if (strKind(p) != 1) return false;
  if (changetype<StrObject>(p).ascii != 0) return true;
  const d = strData(p);
  const n = <usize>strLength(p);
  for (let i: usize = 0; i < n; i++) if (load<u8>(d + i) >= 0x80) return false;
  return true;
}
