/**
 * str operations: the building blocks other parts of the VM use on str objects (str.ts layout).
 *
 *   strConcat, strRepeat, strSlice (+ sliceAdjustIndices), strGetItem, strSubstring, strContains,
 *   strFind/strRFind/strCount, strCompare, strRepr/strAscii/strAsciiEscape, strFromCodePoint,
 *   strFromUcs4, strEmpty, and a string builder (sb*) for code that produces text piece by piece
 *   (reprs of containers, f-strings, str.format, %-formatting).
 *
 * Every result is canonical (narrowest kind, ascii flag right). Results of length 0 and 1-char
 * results below U+0100 are immortal statics (CPython keeps the same singletons), so the common
 * one-char cases never allocate. All functions returning a str pointer return a new reference or 0
 * with an exception set; arguments are borrowed.
 *
 * Unicode facts (printable, cased, case mappings, ...) come from unicode-tables.generated.ts, made
 * by tools/gen_unicode_tables.py from python3.11: uniRecord(cp) finds a code point's record.
 */
import { alloc, free } from "./heap";
import { initStaticHeader } from "./object";
import { StrObject, STR_HEADER_SIZE, strAlloc, strLength, strKind, strData } from "./str";
import { typeObject, KIND_STR, raiseMsg, raiseMemory, EXC_IndexError, EXC_OverflowError, EXC_ValueError } from "./types";
import { increfObject } from "./refcount";
import { UNI_SHIFT, UNI_INDEX1, UNI_INDEX2, UNI_RECORDS, UNI_INDEX1_WIDE, UNI_INDEX2_WIDE, UF_PRINTABLE } from "./unicode-tables.generated";

// ---------------------------------------------------------------------------------------------------
// Unit access by kind

// @ts-ignore: decorator
@inline export function unitAt(d: usize, k: u32, i: usize): u32 {
  if (k == 1) return <u32>load<u8>(d + i);
  if (k == 2) return <u32>load<u16>(d + (i << 1));
  return load<u32>(d + (i << 2));
}

// @ts-ignore: decorator
@inline export function unitSet(d: usize, k: u32, i: usize, c: u32): void {
  if (k == 1) store<u8>(d + i, <u8>c);
  else if (k == 2) store<u16>(d + (i << 1), <u16>c);
  else store<u32>(d + (i << 2), c);
}

/** The canonical kind for a largest code point. */
// @ts-ignore: decorator
@inline export function kindFor(maxCp: u32): u32 {
  return maxCp < 0x100 ? 1 : maxCp < 0x10000 ? 2 : 4;
}

// @ts-ignore: decorator
@inline export function strIsAscii(p: usize): bool {
  return changetype<StrObject>(p).ascii != 0;
}

// ---------------------------------------------------------------------------------------------------
// Unicode records (see tools/gen_unicode_tables.py for the encoding)

/** Address of the 16-byte record of code point cp (cp <= 0x10ffff). */
export function uniRecord(cp: u32): usize {
  const hi = cp >> UNI_SHIFT;
  const blk: u32 = UNI_INDEX1_WIDE ? <u32>load<u16>(UNI_INDEX1 + (<usize>hi << 1)) : <u32>load<u8>(UNI_INDEX1 + <usize>hi);
  const j = (blk << UNI_SHIFT) | (cp & ((1 << UNI_SHIFT) - 1));
  const r: u32 = UNI_INDEX2_WIDE ? <u32>load<u16>(UNI_INDEX2 + (<usize>j << 1)) : <u32>load<u8>(UNI_INDEX2 + <usize>j);
  return UNI_RECORDS + (<usize>r << 4);
}

/** The UF_* flags of a code point. */
// @ts-ignore: decorator
@inline export function uniFlags(cp: u32): u32 {
  return load<u32>(uniRecord(cp)) & 0xffff;
}

export function uniIsPrintable(cp: u32): bool {
  if (cp >= 0x20 && cp < 0x7f) return true;
  return (uniFlags(cp) & UF_PRINTABLE) != 0;
}

// ---------------------------------------------------------------------------------------------------
// Static strings: "" and the 256 one-char strings of Latin-1 (immortal)

const CHAR_SLOT: usize = 32; // 24-byte header + 1 data byte, 8-aligned
const STATIC_CHARS: usize = memory.data(257 * <i32>CHAR_SLOT, 8);
const EMPTY: usize = STATIC_CHARS + 256 * CHAR_SLOT;

/** Start-up (called once by assembly/startup.ts, after every module's globals exist). */
export function initStaticStrings(): void {
  for (let c: usize = 0; c <= 256; c++) {
    const p = STATIC_CHARS + c * CHAR_SLOT;
    initStaticHeader(p, typeObject(KIND_STR));
    const o = changetype<StrObject>(p);
    o.length = c == 256 ? 0 : 1;
    o.kind = 1;
    o.ascii = c < 128 || c == 256 ? 1 : 0;
    o.hash = -1;
    store<u8>(p + STR_HEADER_SIZE, <u8>c);
  }
}

/** The empty str (immortal; counts as a new reference). */
// @ts-ignore: decorator
@inline export function strEmpty(): usize {
  return EMPTY;
}

/** chr(c): a one-char str (static below U+0100); ValueError beyond U+10FFFF. */
export function strFromCodePoint(c: u32): usize {
  if (c < 0x100) return STATIC_CHARS + <usize>c * CHAR_SLOT;
  if (c > 0x10ffff) return raiseMsg(EXC_ValueError, "chr() arg not in range(0x110000)");
  const k = kindFor(c);
  const p = strAlloc(1, k);
  if (p == 0) return 0;
  unitSet(strData(p), k, 0, c);
  return p;
}

/** A new str of `n` units of the canonical kind for maxCp (data zeroed; ascii flag set from maxCp). */
export function strNew(n: usize, maxCp: u32): usize {
  if (n == 0) return EMPTY;
  const p = strAlloc(n, kindFor(maxCp));
  if (p != 0) changetype<StrObject>(p).ascii = maxCp < 0x80 ? 1 : 0;
  return p;
}

/** Largest code point of s[start:end]. */
export function maxCodePoint(d: usize, k: u32, start: usize, end: usize): u32 {
  let m: u32 = 0;
  if (k == 1) {
    for (let i = start; i < end; i++) {
      const c = <u32>load<u8>(d + i);
      if (c > m) m = c;
    }
  } else if (k == 2) {
    for (let i = start; i < end; i++) {
      const c = <u32>load<u16>(d + (i << 1));
      if (c > m) m = c;
    }
  } else {
    for (let i = start; i < end; i++) {
      const c = load<u32>(d + (i << 2));
      if (c > m) m = c;
    }
  }
  return m;
}

/** Copies n units of kind sk at src to kind dk at dst (widening or narrowing; values must fit). */
export function copyUnits(dst: usize, dk: u32, src: usize, sk: u32, n: usize): void {
  if (dk == sk) {
    memory.copy(dst, src, n * <usize>dk);
    return;
  }
  if (dk == 2 && sk == 1) {
    for (let i: usize = 0; i < n; i++) store<u16>(dst + (i << 1), <u16>load<u8>(src + i));
  } else if (dk == 4 && sk == 1) {
    for (let i: usize = 0; i < n; i++) store<u32>(dst + (i << 2), <u32>load<u8>(src + i));
  } else if (dk == 4 && sk == 2) {
    for (let i: usize = 0; i < n; i++) store<u32>(dst + (i << 2), <u32>load<u16>(src + (i << 1)));
  } else {
    for (let i: usize = 0; i < n; i++) unitSet(dst, dk, i, unitAt(src, sk, i));
  }
}

/** s[start:end] (0 <= start <= end <= len) as a new canonical str; s itself when it is all of s. */
export function strSubstring(s: usize, start: usize, end: usize): usize {
  const n = <usize>strLength(s);
  if (start == 0 && end == n) {
    increfObject(s);
    return s;
  }
  const len = end - start;
  if (len == 0) return EMPTY;
  const k = strKind(s);
  const d = strData(s);
  if (len == 1) return strFromCodePoint(unitAt(d, k, start));
  let m: u32;
  if (strIsAscii(s)) m = 0x7f;
  else m = maxCodePoint(d, k, start, end);
  const p = strNew(len, m);
  if (p == 0) return 0;
  copyUnits(strData(p), strKind(p), d + start * <usize>k, k, len);
  return p;
}

/** A str from n UCS-4 code points at src (each <= 0x10ffff). */
export function strFromUcs4(src: usize, n: usize): usize {
  const m = maxCodePoint(src, 4, 0, n);
  if (n == 1) return strFromCodePoint(load<u32>(src));
  const p = strNew(n, m);
  if (p == 0) return 0;
  copyUnits(strData(p), strKind(p), src, 4, n);
  return p;
}

// ---------------------------------------------------------------------------------------------------
// Concatenation, repetition, indexing, slicing

/** a + b */
export function strConcat(a: usize, b: usize): usize {
  const na = <usize>strLength(a);
  const nb = <usize>strLength(b);
  if (nb == 0) {
    increfObject(a);
    return a;
  }
  if (na == 0) {
    increfObject(b);
    return b;
  }
  const ka = strKind(a);
  const kb = strKind(b);
  const k = ka > kb ? ka : kb;
  const p = strAlloc(na + nb, k);
  if (p == 0) return 0;
  changetype<StrObject>(p).ascii = strIsAscii(a) && strIsAscii(b) ? 1 : 0;
  const d = strData(p);
  copyUnits(d, k, strData(a), ka, na);
  copyUnits(d + na * <usize>k, k, strData(b), kb, nb);
  return p;
}

/** s * n (n <= 0 gives ""); OverflowError "repeated string is too long" past ssize_t. */
export function strRepeat(s: usize, n: i64): usize {
  const len = <i64>strLength(s);
  if (n <= 0 || len == 0) return EMPTY;
  if (n == 1) {
    increfObject(s);
    return s;
  }
  if (len > I64.MAX_VALUE / n) return raiseMsg(EXC_OverflowError, "repeated string is too long");
  const total = len * n;
  if (total > 0x3ffffff0) return raiseMemory();
  const k = strKind(s);
  const p = strAlloc(<usize>total, k);
  if (p == 0) return 0;
  changetype<StrObject>(p).ascii = changetype<StrObject>(s).ascii;
  const d = strData(p);
  const bytes = <usize>total * <usize>k;
  if (len == 1 && k == 1) {
    memory.fill(d, load<u8>(strData(s)), bytes);
    return p;
  }
  // Doubling copies: log2(n) memory.copy calls.
  let done = <usize>len * <usize>k;
  memory.copy(d, strData(s), done);
  while (done < bytes) {
    const chunk = done <= bytes - done ? done : bytes - done;
    memory.copy(d + done, d, chunk);
    done += chunk;
  }
  return p;
}

/** s[i] with Python's negative indices; IndexError "string index out of range". */
export function strGetItem(s: usize, i: i64): usize {
  const n = <i64>strLength(s);
  if (i < 0) i += n;
  if (i < 0 || i >= n) return raiseMsg(EXC_IndexError, "string index out of range");
  return strFromCodePoint(unitAt(strData(s), strKind(s), <usize>i));
}

/** Adjusted start/stop of the last sliceAdjustIndices call. */
export let sliceStart: i64 = 0;
export let sliceStop: i64 = 0;

/**
 * PySlice_AdjustIndices: clamps start/stop (already integers: the caller maps None as
 * PySlice_Unpack does — start None: step < 0 ? I64.MAX_VALUE : 0; stop None: step < 0 ?
 * I64.MIN_VALUE : I64.MAX_VALUE; step != 0 checked by the caller) to a sequence of `length` and
 * returns the slice length; the adjusted bounds are left in sliceStart/sliceStop.
 */
export function sliceAdjustIndices(length: i64, start: i64, stop: i64, step: i64): i64 {
  start = sliceClip(start, length, step);
  stop = sliceClip(stop, length, step);
  sliceStart = start;
  sliceStop = stop;
  return sliceCount(start, stop, step);
}
import { sliceClip, sliceCount } from "./slice";

/** s[start:stop:step] for indices already adjusted by sliceAdjustIndices. */
export function strSlice(s: usize, start: i64, stop: i64, step: i64): usize {
  const count = sliceCount(start, stop, step);
  if (count <= 0) return EMPTY;
  if (step == 1) return strSubstring(s, <usize>start, <usize>stop);
  const k = strKind(s);
  const d = strData(s);
  const n = <usize>count;
  let m: u32 = 0;
  if (strIsAscii(s)) m = 0x7f;
  else {
    let i = start;
    for (let j: usize = 0; j < n; j++, i += step) {
      const c = unitAt(d, k, <usize>i);
      if (c > m) m = c;
    }
  }
  if (n == 1) return strFromCodePoint(unitAt(d, k, <usize>start));
  const p = strNew(n, m);
  if (p == 0) return 0;
  const dk = strKind(p);
  const o = strData(p);
  let i = start;
  for (let j: usize = 0; j < n; j++, i += step) unitSet(o, dk, j, unitAt(d, k, <usize>i));
  return p;
}

/** Code-point order: -1, 0 or 1. */
export function strCompare(a: usize, b: usize): i32 {
  if (a == b) return 0;
  const na = <usize>strLength(a);
  const nb = <usize>strLength(b);
  const n = na < nb ? na : nb;
  const ka = strKind(a);
  const kb = strKind(b);
  const da = strData(a);
  const db = strData(b);
  if (ka == 1 && kb == 1) {
    const r = memory.compare(da, db, n);
    if (r != 0) return r < 0 ? -1 : 1;
  } else {
    for (let i: usize = 0; i < n; i++) {
      const x = unitAt(da, ka, i);
      const y = unitAt(db, kb, i);
      if (x != y) return x < y ? -1 : 1;
    }
  }
  return na < nb ? -1 : na > nb ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------------
// Searching. Needle and haystack are compared in the haystack's kind: a needle of a wider kind
// cannot occur (kinds are canonical), a narrower one is widened once into a scratch block.

/** The needle's units in kind hk (strData(n) itself or a new block); 0 on MemoryError. */
export function needlePrepare(n: usize, hk: u32): usize {
  const nk = strKind(n);
  if (nk == hk) return strData(n);
  const len = <usize>strLength(n);
  const p = alloc(len * <usize>hk);
  if (p == 0) return raiseMemory();
  copyUnits(p, hk, strData(n), nk, len);
  return p;
}

export function needleRelease(n: usize, p: usize, hk: u32): void {
  if (p != strData(n)) free(p, <usize>strLength(n) * <usize>hk);
}

/** Index of the first code point c in units [from, to) of d (kind k), or -1. */
export function findChar(d: usize, k: u32, from: usize, to: usize, c: u32): isize {
  if (k == 1) {
    if (c > 0xff) return -1;
    let i = from;
    // 8 bytes at a time: a zero byte in (word ^ pattern) marks a match.
    const pat: u64 = <u64>c * 0x0101010101010101;
    while (i + 8 <= to) {
      const x = load<u64>(d + i) ^ pat;
      if (((x - 0x0101010101010101) & ~x & 0x8080808080808080) != 0) break;
      i += 8;
    }
    for (; i < to; i++) if (<u32>load<u8>(d + i) == c) return <isize>i;
    return -1;
  }
  if (k == 2) {
    if (c > 0xffff) return -1;
    for (let i = from; i < to; i++) if (<u32>load<u16>(d + (i << 1)) == c) return <isize>i;
    return -1;
  }
  for (let i = from; i < to; i++) if (load<u32>(d + (i << 2)) == c) return <isize>i;
  return -1;
}

/** Index of the last code point c in [from, to), or -1. */
export function rfindChar(d: usize, k: u32, from: usize, to: usize, c: u32): isize {
  let i = to;
  while (i > from) {
    i--;
    if (unitAt(d, k, i) == c) return <isize>i;
  }
  return -1;
}

// @ts-ignore: decorator
@inline function rdT<T>(d: usize, i: usize): u32 {
  return <u32>load<T>(d + (i << alignof<T>()));
}

/** Horspool-style forward search with a 64-bit membership mask; nn >= 2. */
function fwdT<T>(h: usize, from: usize, to: usize, nd: usize, nn: usize): isize {
  if (to - from < nn) return -1;
  const lastI = nn - 1;
  const last = rdT<T>(nd, lastI);
  let mask: u64 = <u64>1 << (<u64>last & 63);
  let skip = nn;
  for (let i: usize = 0; i < lastI; i++) {
    const c = rdT<T>(nd, i);
    mask |= <u64>1 << (<u64>c & 63);
    if (c == last) skip = lastI - i;
  }
  let i = from;
  const w = to - nn;
  while (i <= w) {
    if (rdT<T>(h, i + lastI) == last) {
      let j: usize = 0;
      while (j < lastI && rdT<T>(h, i + j) == rdT<T>(nd, j)) j++;
      if (j == lastI) return <isize>i;
      if (i < w && ((mask >> (<u64>rdT<T>(h, i + nn) & 63)) & 1) == 0) i += nn + 1;
      else i += skip;
    } else if (i < w && ((mask >> (<u64>rdT<T>(h, i + nn) & 63)) & 1) == 0) {
      i += nn + 1;
    } else {
      i++;
    }
  }
  return -1;
}

/** Mirror of fwdT: the last occurrence in [from, to); nn >= 2. */
function bwdT<T>(h: usize, from: usize, to: usize, nd: usize, nn: usize): isize {
  if (to - from < nn) return -1;
  const first = rdT<T>(nd, 0);
  let mask: u64 = <u64>1 << (<u64>first & 63);
  let skip = nn;
  for (let i = nn - 1; i >= 1; i--) {
    const c = rdT<T>(nd, i);
    mask |= <u64>1 << (<u64>c & 63);
    if (c == first) skip = i;
  }
  let i = <isize>(to - nn);
  const lo = <isize>from;
  while (i >= lo) {
    const u = <usize>i;
    if (rdT<T>(h, u) == first) {
      let j: usize = 1;
      while (j < nn && rdT<T>(h, u + j) == rdT<T>(nd, j)) j++;
      if (j == nn) return i;
      if (i > lo && ((mask >> (<u64>rdT<T>(h, u - 1) & 63)) & 1) == 0) i -= <isize>nn + 1;
      else i -= <isize>skip;
    } else if (i > lo && ((mask >> (<u64>rdT<T>(h, u - 1) & 63)) & 1) == 0) {
      i -= <isize>nn + 1;
    } else {
      i--;
    }
  }
  return -1;
}

/** First occurrence of needle units nd[0:nn] (kind k) in d[from:to]; -1 if none. nn >= 1. */
export function searchFwd(d: usize, k: u32, from: usize, to: usize, nd: usize, nn: usize): isize {
  if (to < from || to - from < nn) return -1;
  if (nn == 1) return findChar(d, k, from, to, unitAt(nd, k, 0));
  if (k == 1) return fwdT<u8>(d, from, to, nd, nn);
  if (k == 2) return fwdT<u16>(d, from, to, nd, nn);
  return fwdT<u32>(d, from, to, nd, nn);
}

/** Last occurrence of nd[0:nn] in d[from:to]; -1 if none. nn >= 1. */
export function searchBwd(d: usize, k: u32, from: usize, to: usize, nd: usize, nn: usize): isize {
  if (to < from || to - from < nn) return -1;
  if (nn == 1) return rfindChar(d, k, from, to, unitAt(nd, k, 0));
  if (k == 1) return bwdT<u8>(d, from, to, nd, nn);
  if (k == 2) return bwdT<u16>(d, from, to, nd, nn);
  return bwdT<u32>(d, from, to, nd, nn);
}

/** Adjusted [start, end) of the last adjustRange call (CPython's ADJUST_INDICES). */
export let rangeStart: i64 = 0;
export let rangeEnd: i64 = 0;

export function adjustRange(len: i64, start: i64, end: i64): void {
  if (end > len) end = len;
  else if (end < 0) {
    end += len;
    if (end < 0) end = 0;
  }
  if (start < 0) {
    start += len;
    if (start < 0) start = 0;
  }
  rangeStart = start;
  rangeEnd = end;
}

/**
 * s.find(sub, start, end) (forward) or s.rfind (backward) with slice-semantics bounds (not yet
 * adjusted; pass 0 / I64.MAX_VALUE for "not given"). -1 when absent, -2 on MemoryError.
 */
function findImpl(s: usize, sub: usize, start: i64, end: i64, backward: bool): i64 {
  adjustRange(<i64>strLength(s), start, end);
  const a = rangeStart;
  const b = rangeEnd;
  const nn = <i64>strLength(sub);
  if (b - a < nn) return -1;
  if (nn == 0) return backward ? b : a;
  const hk = strKind(s);
  if (strKind(sub) > hk) return -1;
  const d = strData(s);
  if (nn == 1) {
    const c = unitAt(strData(sub), strKind(sub), 0);
    return backward ? <i64>rfindChar(d, hk, <usize>a, <usize>b, c) : <i64>findChar(d, hk, <usize>a, <usize>b, c);
  }
  const nd = needlePrepare(sub, hk);
  if (nd == 0) return -2;
  const r = backward
    ? searchBwd(d, hk, <usize>a, <usize>b, nd, <usize>nn)
    : searchFwd(d, hk, <usize>a, <usize>b, nd, <usize>nn);
  needleRelease(sub, nd, hk);
  return <i64>r;
}

/** s.find(sub, start, end): index or -1; -2 on MemoryError (raised). */
export function strFind(s: usize, sub: usize, start: i64, end: i64): i64 {
  return findImpl(s, sub, start, end, false);
}

/** s.rfind(sub, start, end): index or -1; -2 on MemoryError (raised). */
export function strRFind(s: usize, sub: usize, start: i64, end: i64): i64 {
  return findImpl(s, sub, start, end, true);
}

/** needle in haystack: 1/0, -1 on MemoryError. */
export function strContains(haystack: usize, needle: usize): i32 {
  const r = findImpl(haystack, needle, 0, I64.MAX_VALUE, false);
  return r == -2 ? -1 : r >= 0 ? 1 : 0;
}

/** Non-overlapping occurrences of sub in s[start:end] (slice semantics); -1 on error (MemoryError). */
export function strCount(s: usize, sub: usize, start: i64, end: i64): i64 {
  return strCountMax(s, sub, start, end, I64.MAX_VALUE);
}

/** strCount, stopping at maxCount. */
export function strCountMax(s: usize, sub: usize, start: i64, end: i64, maxCount: i64): i64 {
  adjustRange(<i64>strLength(s), start, end);
  const a = rangeStart;
  const b = rangeEnd;
  const nn = <i64>strLength(sub);
  if (b - a < nn) return 0;
  if (nn == 0) {
    const c = b - a + 1;
    return c < maxCount ? c : maxCount;
  }
  const hk = strKind(s);
  if (strKind(sub) > hk) return 0;
  const nd = needlePrepare(sub, hk);
  if (nd == 0) return -1;
  const d = strData(s);
  let count: i64 = 0;
  let i = <usize>a;
  while (count < maxCount) {
    const r = searchFwd(d, hk, i, <usize>b, nd, <usize>nn);
    if (r < 0) break;
    count++;
    i = <usize>r + <usize>nn;
  }
  needleRelease(sub, nd, hk);
  return count;
}

// ---------------------------------------------------------------------------------------------------
// String builder: a growable buffer in linear memory that keeps the narrowest kind for what it
// holds, so sbFinish yields a canonical str with one copy.
//
//   offset 0 [ buf u32 | cap u32 (units) ]  8 [ len u32 | kind u32 ]  16 [ nonAscii u32 | 0 ]
//
// Appends return false after raising MemoryError; the builder stays valid and must still be
// released with sbFinish or sbDiscard (error paths: sbDiscard).

const SB_SIZE: usize = 24;

// @ts-ignore: decorator
@inline function sbBuf(sb: usize): usize {
  return <usize>load<u32>(sb);
}
// @ts-ignore: decorator
@inline function sbCap(sb: usize): usize {
  return <usize>load<u32>(sb, 4);
}
// @ts-ignore: decorator
@inline export function sbLength(sb: usize): usize {
  return <usize>load<u32>(sb, 8);
}
// @ts-ignore: decorator
@inline function sbKind(sb: usize): u32 {
  return load<u32>(sb, 12);
}

/** A new builder with room for `hint` code points; 0 on MemoryError. */
export function sbNew(hint: usize): usize {
  const sb = alloc(SB_SIZE);
  if (sb == 0) return raiseMemory();
  let cap = hint < 16 ? <usize>16 : hint;
  if (cap > 0x3ffffff0) cap = 0x3ffffff0;
  const buf = alloc(cap);
  if (buf == 0) {
    free(sb, SB_SIZE);
    return raiseMemory();
  }
  store<u32>(sb, <u32>buf);
  store<u32>(sb, <u32>cap, 4);
  store<u32>(sb, 1, 12);
  return sb;
}

/** Frees the builder and its buffer (no result). */
export function sbDiscard(sb: usize): void {
  if (sb == 0) return;
  free(sbBuf(sb), sbCap(sb) * <usize>sbKind(sb));
  free(sb, SB_SIZE);
}

/** Makes room for `extra` more units of at least kind k (re-encoding when k is wider). */
function sbReserve(sb: usize, extra: usize, k: u32): bool {
  const len = sbLength(sb);
  const cap = sbCap(sb);
  const ok = sbKind(sb);
  if (len + extra <= cap && k <= ok) return true;
  return sbGrow(sb, extra, k);
}

function sbGrow(sb: usize, extra: usize, k: u32): bool {
  const len = sbLength(sb);
  const cap = sbCap(sb);
  const ok = sbKind(sb);
  const nk = k > ok ? k : ok;
  if (extra > 0x3ffffff0 - len) {
    raiseMemory();
    return false;
  }
  let ncap = cap;
  if (len + extra > cap) {
    ncap = cap + (cap >> 1);
    if (ncap < len + extra) ncap = len + extra;
    if (ncap > 0x3ffffff0) ncap = 0x3ffffff0;
  }
  const nb = alloc(ncap * <usize>nk);
  if (nb == 0) {
    raiseMemory();
    return false;
  }
  copyUnits(nb, nk, sbBuf(sb), ok, len);
  free(sbBuf(sb), cap * <usize>ok);
  store<u32>(sb, <u32>nb);
  store<u32>(sb, <u32>ncap, 4);
  store<u32>(sb, nk, 12);
  return true;
}

/** Appends one code point. */
export function sbAppendCodePoint(sb: usize, c: u32): bool {
  if (!sbReserve(sb, 1, kindFor(c))) return false;
  const len = sbLength(sb);
  unitSet(sbBuf(sb), sbKind(sb), len, c);
  store<u32>(sb, <u32>(len + 1), 8);
  if (c >= 0x80) store<u32>(sb, 1, 16);
  return true;
}

/** Appends code point c n times (padding). */
export function sbAppendRepeat(sb: usize, c: u32, n: usize): bool {
  if (n == 0) return true;
  if (!sbReserve(sb, n, kindFor(c))) return false;
  const len = sbLength(sb);
  const k = sbKind(sb);
  const b = sbBuf(sb);
  if (k == 1) memory.fill(b + len, <u8>c, n);
  else for (let i: usize = 0; i < n; i++) unitSet(b, k, len + i, c);
  store<u32>(sb, <u32>(len + n), 8);
  if (c >= 0x80) store<u32>(sb, 1, 16);
  return true;
}

/** Appends s[start:end] of a str object (0 <= start <= end <= len(s)). */
export function sbAppendSlice(sb: usize, s: usize, start: usize, end: usize): bool {
  const n = end - start;
  if (n == 0) return true;
  const k = strKind(s);
  if (!sbReserve(sb, n, k)) return false;
  const len = sbLength(sb);
  const bk = sbKind(sb);
  copyUnits(sbBuf(sb) + len * <usize>bk, bk, strData(s) + start * <usize>k, k, n);
  store<u32>(sb, <u32>(len + n), 8);
  if (!strIsAscii(s)) store<u32>(sb, 1, 16);
  return true;
}

/** Appends a whole str object. */
export function sbAppendStr(sb: usize, s: usize): bool {
  return sbAppendSlice(sb, s, 0, <usize>strLength(s));
}

/** Appends an AssemblyScript string literal (its UTF-16 code units, BMP only). */
export function sbAppendAscii(sb: usize, lit: string): bool {
  const n = <usize>lit.length;
  for (let i: usize = 0; i < n; i++) {
    if (!sbAppendCodePoint(sb, <u32>lit.charCodeAt(<i32>i))) return false;
  }
  return true;
}

/** Appends the decimal digits of n. */
export function sbAppendInt(sb: usize, n: i64): bool {
  let u: u64 = <u64>n;
  if (n < 0) {
    if (!sbAppendCodePoint(sb, 0x2d)) return false;
    u = <u64>0 - <u64>n;
  }
  let div: u64 = 1;
  while (u / div >= 10) div *= 10;
  while (div > 0) {
    if (!sbAppendCodePoint(sb, 0x30 + <u32>((u / div) % 10))) return false;
    div /= 10;
  }
  return true;
}

/** Code point i of the text built so far. */
export function sbCodePoint(sb: usize, i: usize): u32 {
  return unitAt(sbBuf(sb), sbKind(sb), i);
}

/** The built text as a new canonical str; frees the builder (also when it fails: MemoryError). */
export function sbFinish(sb: usize): usize {
  const len = sbLength(sb);
  const k = sbKind(sb);
  const b = sbBuf(sb);
  let p: usize;
  if (len == 0) p = EMPTY;
  else if (len == 1) p = strFromCodePoint(unitAt(b, k, 0));
  else {
    p = strAlloc(len, k);
    if (p != 0) {
      memory.copy(strData(p), b, len * <usize>k);
      changetype<StrObject>(p).ascii = load<u32>(sb, 16) == 0 ? 1 : 0;
    }
  }
  sbDiscard(sb);
  return p;
}

// ---------------------------------------------------------------------------------------------------
// repr / ascii

const HEX = "0123456789abcdef";

function sbAppendHex(sb: usize, c: u32, digits: i32): bool {
  for (let i = digits - 1; i >= 0; i--) {
    if (!sbAppendCodePoint(sb, <u32>HEX.charCodeAt(<i32>((c >> (<u32>i << 2)) & 15)))) return false;
  }
  return true;
}

/** Appends the escape of a code point repr() or ascii() must escape. */
function sbAppendEscape(sb: usize, c: u32): bool {
  if (c == 0x5c) return sbAppendAscii(sb, "\\\\");
  if (c == 0x09) return sbAppendAscii(sb, "\\t");
  if (c == 0x0a) return sbAppendAscii(sb, "\\n");
  if (c == 0x0d) return sbAppendAscii(sb, "\\r");
  if (c < 0x100) return sbAppendAscii(sb, "\\x") && sbAppendHex(sb, c, 2);
  if (c < 0x10000) return sbAppendAscii(sb, "\\u") && sbAppendHex(sb, c, 4);
  return sbAppendAscii(sb, "\\U") && sbAppendHex(sb, c, 8);
}

/** Appends repr(s) to a builder (for container reprs); asciiOnly escapes non-ASCII too (ascii()). */
export function sbAppendRepr(sb: usize, s: usize, asciiOnly: bool): bool {
  const n = <usize>strLength(s);
  const k = strKind(s);
  const d = strData(s);
  // Quote: ' unless the text has ' and no ".
  const hasSingle = findChar(d, k, 0, n, 0x27) >= 0;
  const quote: u32 = hasSingle && findChar(d, k, 0, n, 0x22) < 0 ? 0x22 : 0x27;
  if (!sbReserve(sb, n + 2, 1)) return false;
  if (!sbAppendCodePoint(sb, quote)) return false;
  for (let i: usize = 0; i < n; i++) {
    const c = unitAt(d, k, i);
    let ok: bool;
    if (c >= 0x20 && c < 0x7f) {
      ok = c == quote || c == 0x5c ? sbAppendCodePoint(sb, 0x5c) && sbAppendCodePoint(sb, c) : sbAppendCodePoint(sb, c);
    } else if (c < 0x7f || (asciiOnly ? true : !uniIsPrintable(c))) {
      ok = sbAppendEscape(sb, c);
    } else {
      ok = sbAppendCodePoint(sb, c);
    }
    if (!ok) return false;
  }
  return sbAppendCodePoint(sb, quote);
}

/** repr(s), exactly CPython's. */
export function strRepr(s: usize): usize {
  const sb = sbNew(<usize>strLength(s) + 2);
  if (sb == 0) return 0;
  if (!sbAppendRepr(sb, s, false)) {
    sbDiscard(sb);
    return 0;
  }
  return sbFinish(sb);
}

/** ascii(s) for a str s. */
export function strAscii(s: usize): usize {
  const sb = sbNew(<usize>strLength(s) + 2);
  if (sb == 0) return 0;
  if (!sbAppendRepr(sb, s, true)) {
    sbDiscard(sb);
    return 0;
  }
  return sbFinish(sb);
}

/** ascii(x) from repr(x): escapes the non-ASCII code points of r (\xNN, \uNNNN, \UNNNNNNNN). */
export function strAsciiEscape(r: usize): usize {
  if (strIsAscii(r)) {
    increfObject(r);
    return r;
  }
  const n = <usize>strLength(r);
  const sb = sbNew(n + 8);
  if (sb == 0) return 0;
  const k = strKind(r);
  const d = strData(r);
  for (let i: usize = 0; i < n; i++) {
    const c = unitAt(d, k, i);
    if (!(c < 0x80 ? sbAppendCodePoint(sb, c) : sbAppendEscape(sb, c))) {
      sbDiscard(sb);
      return 0;
    }
  }
  return sbFinish(sb);
}
