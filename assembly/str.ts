/**
 * str objects: PEP 393's layout idea (CPython's "compact" unicode objects), written from scratch.
 * Each string stores its code points at the narrowest fixed width that holds its largest one, so
 * indexing and slicing are O(1) and `hash(str)` can later be computed over the same 1/2/4-byte
 * units CPython hashes (PYTHONHASHSEED=0 siphash13 of the kind-width data). UTF-8 is only an
 * input/output format (marshal's TYPE_UNICODE, host I/O).
 *
 *   offset 0   [ refcnt u32                | type u32 -> str                                  ]
 *          8   [ length u32 (code points)  | kind u8 (1/2/4) | ascii u8 | interned u8 | attrHint u8 ]
 *         16   [ hash i64 (-1: not computed yet)                                              ]
 *         24   [ data: length units of `kind` bytes (u8 Latin-1, u16 UCS-2, u32 UCS-4) ...     ]
 *
 * Invariants: `kind` is canonical (the smallest width for the largest code point: a string with
 * only code points < 256 is always kind 1), so two equal strings have equal kinds and equal bytes;
 * `ascii` is 1 when every code point is < 128. Lone surrogates are ordinary code points (marshal
 * reads them with surrogatepass). `interned` is set for strings marshal stored as interned; the
 * intern table itself comes with dicts. Block size: 24 + length * kind, rounded by the allocator.
 *
 * Entry points: strAlloc, strFromLatin1, strFromUtf8 (raises UnicodeDecodeError), strSize,
 * strEqual, strUtf8Length / strWriteUtf8 (surrogatepass), strInitStatic.
 */
import { alloc } from "./heap";
import { ObjHeader, initHeader, initStaticHeader } from "./object";
import { typeObject, KIND_STR, errBegin, errText, errHex2, errInt, ERR_UNICODE_DECODE, raiseMemory } from "./types";

@unmanaged
export class StrObject extends ObjHeader {
  length: u32;
  kind: u8;
  ascii: u8;
  interned: u8;
  /** dict.ts's attribute hint: the dict entry index this name was last found at (a guess, checked). */
  attrHint: u8;
  hash: i64;
}

export const STR_HEADER_SIZE: usize = 24;
// @ts-ignore: compile-time check
if (offsetof<StrObject>() != STR_HEADER_SIZE) ERROR("StrObject layout");

// @ts-ignore: decorator
@inline export function strLength(p: usize): u32 {
  return changetype<StrObject>(p).length;
}
// @ts-ignore: decorator
@inline export function strKind(p: usize): u32 {
  return <u32>changetype<StrObject>(p).kind;
}
// @ts-ignore: decorator
@inline export function strData(p: usize): usize {
  return p + STR_HEADER_SIZE;
}
/** The block size to free. */
// @ts-ignore: decorator
@inline export function strSize(p: usize): usize {
  return STR_HEADER_SIZE + <usize>strLength(p) * <usize>strKind(p);
}

/** Code point i (no bounds check). */
export function strCodePoint(p: usize, i: usize): u32 {
  const k = strKind(p);
  const d = strData(p);
  if (k == 1) return <u32>load<u8>(d + i);
  if (k == 2) return <u32>load<u16>(d + (i << 1));
  return load<u32>(d + (i << 2));
}

/** A new str of `length` code points of width `kind`, data zeroed; 0 (MemoryError) when out of memory. */
export function strAlloc(length: usize, kind: u32): usize {
  if (length > 0x3ffffff0) return raiseMemory();
  const p = alloc(STR_HEADER_SIZE + length * <usize>kind);
  if (p == 0) return raiseMemory();
  initHeader(p, typeObject(KIND_STR));
  const s = changetype<StrObject>(p);
  s.length = <u32>length;
  s.kind = <u8>kind;
  s.hash = -1;
  return p;
}

/** A str from bytes taken as Latin-1 code points (marshal's TYPE_ASCII family does this). */
export function strFromLatin1(src: usize, n: usize): usize {
  const p = strAlloc(n, 1);
  if (p == 0) return 0;
  memory.copy(strData(p), src, n);
  changetype<StrObject>(p).ascii = <u8>(isAscii(src, n) ? 1 : 0);
  return p;
}

function isAscii(src: usize, n: usize): bool {
  let i: usize = 0;
  for (; i + 8 <= n; i += 8) if ((load<u64>(src + i) & 0x8080808080808080) != 0) return false;
  for (; i < n; i++) if (load<u8>(src + i) >= 0x80) return false;
  return true;
}

// @ts-ignore: decorator
@inline function isCont(b: u32): bool {
  return (b & 0xc0) == 0x80;
}

/**
 * A str from UTF-8 with the surrogatepass error handler (what marshal's TYPE_UNICODE uses):
 * 3-byte sequences that encode U+D800..U+DFFF are accepted; anything else invalid raises
 * UnicodeDecodeError with the byte range and reason CPython's decoder reports. Two passes: validate
 * and measure (count, widest code point), then decode into the canonical kind.
 */
export function strFromUtf8(src: usize, n: usize): usize {
  let count: usize = 0;
  let maxCp: u32 = 0;
  let i: usize = 0;
  while (i < n) {
    const c = <u32>load<u8>(src + i);
    if (c < 0x80) {
      i++;
      count++;
      continue;
    }
    const len = utf8SequenceLength(src, i, n);
    if (len == 0) return 0; // error raised
    const cp = utf8Decode(src + i, len);
    if (cp > maxCp) maxCp = cp;
    i += len;
    count++;
  }
  if (maxCp < 0x80) {
    const p = strAlloc(n, 1);
    if (p == 0) return 0;
    memory.copy(strData(p), src, n);
    changetype<StrObject>(p).ascii = 1;
    return p;
  }
  const kind: u32 = maxCp < 0x100 ? 1 : maxCp < 0x10000 ? 2 : 4;
  const p = strAlloc(count, kind);
  if (p == 0) return 0;
  const d = strData(p);
  let j: usize = 0;
  i = 0;
  while (i < n) {
    const c = <u32>load<u8>(src + i);
    let cp = c;
    let len: usize = 1;
    if (c >= 0x80) {
      len = c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
      cp = utf8Decode(src + i, len);
    }
    if (kind == 1) store<u8>(d + j, <u8>cp);
    else if (kind == 2) store<u16>(d + (j << 1), <u16>cp);
    else store<u32>(d + (j << 2), cp);
    i += len;
    j++;
  }
  return p;
}

/** The code point of a sequence utf8SequenceLength accepted. */
function utf8Decode(s: usize, len: usize): u32 {
  const c = <u32>load<u8>(s);
  if (len == 2) return ((c & 0x1f) << 6) | (<u32>load<u8>(s, 1) & 0x3f);
  if (len == 3) return ((c & 0x0f) << 12) | ((<u32>load<u8>(s, 1) & 0x3f) << 6) | (<u32>load<u8>(s, 2) & 0x3f);
  return (
    ((c & 0x07) << 18) |
    ((<u32>load<u8>(s, 1) & 0x3f) << 12) |
    ((<u32>load<u8>(s, 2) & 0x3f) << 6) |
    (<u32>load<u8>(s, 3) & 0x3f)
  );
}

/**
 * Length of the multi-byte sequence starting at src[i] (src[i] >= 0x80), or 0 after raising
 * UnicodeDecodeError. The checks, their order and the reported byte range follow CPython's UTF-8
 * decoder with surrogatepass (and host/marshal.ts's decodeUtf8Slow, which mirrors it).
 */
function utf8SequenceLength(src: usize, i: usize, n: usize): usize {
  const c = <u32>load<u8>(src + i);
  const left = n - i;
  let errEnd: usize = 0; // exclusive end of the bad range (relative to src)
  let reason: i32 = 0; // 0 invalid continuation byte, 1 invalid start byte, 2 unexpected end of data
  if (c < 0xc2 || c >= 0xf5) {
    errEnd = i + 1;
    reason = 1;
  } else if (c < 0xe0) {
    if (left < 2) {
      errEnd = n;
      reason = 2;
    } else if (!isCont(<u32>load<u8>(src + i + 1))) {
      errEnd = i + 1;
    } else {
      return 2;
    }
  } else if (c < 0xf0) {
    const c2: u32 = left >= 2 ? <u32>load<u8>(src + i + 1) : 0;
    const bad2 = left >= 2 && (!isCont(c2) || (c == 0xe0 && c2 < 0xa0) || (c == 0xed && c2 >= 0xa0));
    if (bad2) {
      errEnd = i + 1;
    } else if (left < 3) {
      errEnd = n;
      reason = 2;
    } else if (!isCont(<u32>load<u8>(src + i + 2))) {
      errEnd = i + 2;
    } else {
      return 3;
    }
  } else {
    const c2: u32 = left >= 2 ? <u32>load<u8>(src + i + 1) : 0;
    const bad2 = left >= 2 && (!isCont(c2) || (c == 0xf0 && c2 < 0x90) || (c == 0xf4 && c2 >= 0x90));
    if (bad2) {
      errEnd = i + 1;
    } else if (left >= 3 && !isCont(<u32>load<u8>(src + i + 2))) {
      errEnd = i + 2;
    } else if (left < 4) {
      errEnd = n;
      reason = 2;
    } else if (!isCont(<u32>load<u8>(src + i + 3))) {
      errEnd = i + 3;
    } else {
      return 4;
    }
  }
  // surrogatepass: three bytes shaped like a 3-byte sequence that encode U+D800..U+DFFF.
  if (left >= 3 && (c & 0xf0) == 0xe0 && isCont(<u32>load<u8>(src + i + 1)) && isCont(<u32>load<u8>(src + i + 2))) {
    const cp = utf8Decode(src + i, 3);
    if (cp >= 0xd800 && cp <= 0xdfff) return 3;
  }
  errBegin(ERR_UNICODE_DECODE);
  if (errEnd == i + 1) {
    errText("'utf-8' codec can't decode byte 0x");
    errHex2(<u8>c);
    errText(" in position ");
    errInt(<i64>i);
  } else {
    errText("'utf-8' codec can't decode bytes in position ");
    errInt(<i64>i);
    errText("-");
    errInt(<i64>(errEnd - 1));
  }
  errText(reason == 0 ? ": invalid continuation byte" : reason == 1 ? ": invalid start byte" : ": unexpected end of data");
  return 0;
}

/** Bytes of the UTF-8 (surrogatepass) encoding. */
export function strUtf8Length(p: usize): usize {
  const n = <usize>strLength(p);
  if (changetype<StrObject>(p).ascii) return n;
  let total: usize = 0;
  for (let i: usize = 0; i < n; i++) {
    const cp = strCodePoint(p, i);
    total += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return total;
}

/** Writes the UTF-8 (surrogatepass) encoding at dst; returns the bytes written. */
export function strWriteUtf8(p: usize, dst: usize): usize {
  const n = <usize>strLength(p);
  if (changetype<StrObject>(p).ascii) {
    memory.copy(dst, strData(p), n);
    return n;
  }
  let o = dst;
  for (let i: usize = 0; i < n; i++) {
    const cp = strCodePoint(p, i);
    if (cp < 0x80) {
      store<u8>(o++, <u8>cp);
    } else if (cp < 0x800) {
      store<u8>(o++, <u8>(0xc0 | (cp >> 6)));
      store<u8>(o++, <u8>(0x80 | (cp & 0x3f)));
    } else if (cp < 0x10000) {
      store<u8>(o++, <u8>(0xe0 | (cp >> 12)));
      store<u8>(o++, <u8>(0x80 | ((cp >> 6) & 0x3f)));
      store<u8>(o++, <u8>(0x80 | (cp & 0x3f)));
    } else {
      store<u8>(o++, <u8>(0xf0 | (cp >> 18)));
      store<u8>(o++, <u8>(0x80 | ((cp >> 12) & 0x3f)));
      store<u8>(o++, <u8>(0x80 | ((cp >> 6) & 0x3f)));
      store<u8>(o++, <u8>(0x80 | (cp & 0x3f)));
    }
  }
  return o - dst;
}

/** Equal code points (kinds are canonical, so equal strings have equal bytes). */
export function strEqual(a: usize, b: usize): bool {
  if (a == b) return true;
  const n = strLength(a);
  if (n != strLength(b) || strKind(a) != strKind(b)) return false;
  return memory.compare(strData(a), strData(b), <usize>n * <usize>strKind(a)) == 0;
}

/** Bytes a static str for an ASCII literal takes (8-aligned). */
export function strStaticSize(s: string): usize {
  return (STR_HEADER_SIZE + <usize>s.length + 7) & ~(<usize>7);
}

/** Builds an immortal str for an ASCII literal at `p` (static memory of strStaticSize bytes). */
export function strInitStatic(p: usize, s: string): void {
  initStaticHeader(p, typeObject(KIND_STR));
  const o = changetype<StrObject>(p);
  o.length = <u32>s.length;
  o.kind = 1;
  o.ascii = 1;
  o.interned = 1;
  o.hash = -1;
  for (let i = 0; i < s.length; i++) store<u8>(strData(p) + <usize>i, <u8>s.charCodeAt(i));
}

/** Whether str object p equals the literal s[start:end] (code units; literals are ASCII/Latin-1/BMP). */
export function strEqualLiteralRange(p: usize, s: string, start: i32, end: i32): bool {
  const n = end - start;
  if (<i32>strLength(p) != n) return false;
  for (let i = 0; i < n; i++) {
    if (strCodePoint(p, <usize>i) != <u32>s.charCodeAt(start + i)) return false;
  }
  return true;
}

/** Whether str object p equals the literal s. */
export function strEqualLiteral(p: usize, s: string): bool {
  return strEqualLiteralRange(p, s, 0, s.length);
}
