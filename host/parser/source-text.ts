/**
 * decodeSource: source bytes to text the way CPython 3.11 reads a module's source (compile() of
 * bytes, which is what importlib does): a UTF-8 BOM, then a PEP 263 coding cookie on line 1, or on
 * line 2 when line 1 holds only a comment or whitespace. Errors are PySyntaxErrors worded as CPython
 * words them; cookie errors carry lineno 0, offset -1 and no text, as CPython's do.
 */
import { PySyntaxError } from "./syntax-error.js";

/** Python codec names (after normalization) → [the codec's own name for messages, TextDecoder label]. */
const CODECS = new Map<string, [string, string]>();
function codec(pyName: string, label: string, ...aliases: string[]): void {
  for (const a of [pyName, ...aliases]) CODECS.set(a, [pyName, label]);
}
codec("utf_8", "utf-8", "utf8", "u8", "utf", "utf8_ucs2", "utf8_ucs4", "cp65001");
codec("utf_8_sig", "utf-8");
codec("ascii", "ascii", "646", "us_ascii", "us", "ansi_x3.4_1968", "ansi_x3_4_1968", "iso646_us", "cp367", "csascii", "ibm367", "iso_ir_6");
codec("latin_1", "latin1", "iso_8859_1", "iso8859_1", "iso8859", "8859", "cp819", "latin", "latin1", "l1", "iso_ir_100", "csisolatin1", "ibm819");
for (const n of [2, 3, 4, 5, 6, 7, 8, 9, 10, 13, 14, 15, 16]) codec(`iso8859_${n}`, `iso-8859-${n}`, `iso_8859_${n}`, `iso${"8859"}_${n}`);
for (const [n, l] of [[2, "l2"], [3, "l3"], [4, "l4"], [9, "l5"], [10, "l6"], [13, "l7"], [14, "l8"], [15, "l9"], [16, "l10"]] as const) {
  CODECS.set(`latin${l.slice(1)}`, CODECS.get(`iso8859_${n}`)!);
  CODECS.set(l, CODECS.get(`iso8859_${n}`)!);
}
for (const n of [1250, 1251, 1252, 1253, 1254, 1255, 1256, 1257, 1258]) codec(`cp${n}`, `windows-${n}`, `windows_${n}`);
codec("cp866", "ibm866", "866", "ibm866");
codec("cp874", "windows-874", "windows_874");
codec("koi8_r", "koi8-r");
codec("koi8_u", "koi8-u");
codec("mac_roman", "macintosh", "macroman", "macintosh");
codec("mac_cyrillic", "x-mac-cyrillic", "maccyrillic");
codec("euc_jp", "euc-jp", "eucjp", "ujis", "u_jis");
codec("shift_jis", "shift_jis", "sjis", "s_jis", "csshiftjis", "shiftjis");
codec("iso2022_jp", "iso-2022-jp", "iso2022jp", "iso_2022_jp", "csiso2022jp");
codec("euc_kr", "euc-kr", "euckr", "korean", "ksc5601", "ks_c_5601", "ks_c_5601_1987", "ksx1001", "ks_x_1001");
codec("gb2312", "gbk", "chinese", "csiso58gb231280", "euc_cn", "euccn", "eucgb2312_cn", "gb2312_1980", "gb2312_80", "iso_ir_58");
codec("gbk", "gbk", "936", "cp936", "ms936");
codec("gb18030", "gb18030", "gb18030_2000");
codec("big5", "big5", "big5_tw", "csbig5");
codec("utf_16", "utf-16le", "utf16", "u16");
codec("utf_16_le", "utf-16le", "utf_16le");
codec("utf_16_be", "utf-16be", "utf_16be");

/** encodings.normalize_encoding plus the lower-casing codecs.lookup applies. */
function normalizeCodecName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9.]+/g, "_").replace(/^_+|_+$/g, "");
}

/** CPython's get_normal_name: utf-8 and latin-1 spellings collapse; anything else is kept as written. */
function normalName(spec: string): string {
  const head = spec.slice(0, 12).toLowerCase().replace(/_/g, "-");
  if (head === "utf-8" || head.startsWith("utf-8-")) return "utf-8";
  if (
    head === "latin-1" || head === "iso-8859-1" || head === "iso-latin-1" ||
    head.startsWith("latin-1-") || head.startsWith("iso-8859-1-") || head.startsWith("iso-latin-1-")
  ) {
    return "iso-8859-1";
  }
  return spec;
}

const isSpace = (b: number) => b === 0x20 || b === 0x09 || b === 0x0c;
const isAlnum = (b: number) => (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7a);

type Cookie = { spec: string } | { onlyComment: boolean };

/** get_coding_spec on one line (without its newline): the cookie, or whether the line is blank/comment only. */
function codingSpec(b: Uint8Array, start: number, end: number): Cookie {
  const size = end - start;
  let i = 0;
  for (; i < size - 6; i++) {
    const c = b[start + i]!;
    if (c === 0x23) break;
    if (!isSpace(c)) return { onlyComment: false };
  }
  for (; i < size - 6; i++) {
    let t = start + i;
    if (b[t] !== 0x63 || b[t + 1] !== 0x6f || b[t + 2] !== 0x64 || b[t + 3] !== 0x69 || b[t + 4] !== 0x6e || b[t + 5] !== 0x67) continue;
    t += 6;
    if (b[t] !== 0x3a && b[t] !== 0x3d) continue;
    do t++; while (b[t] === 0x20 || b[t] === 0x09);
    const begin = t;
    while (t < b.length && (isAlnum(b[t]!) || b[t] === 0x2d || b[t] === 0x5f || b[t] === 0x2e)) t++;
    if (begin < t) return { spec: normalName(String.fromCharCode(...b.subarray(begin, t))) };
  }
  // check_coding_spec: a line without a cookie stops the search unless it is blank or a comment
  for (let j = start; j < end; j++) {
    const c = b[j]!;
    if (c === 0x23 || c === 0x0a || c === 0x0d) break;
    if (!isSpace(c)) return { onlyComment: false };
  }
  return { onlyComment: true };
}

function lineEnd(b: Uint8Array, from: number): number {
  for (let i = from; i < b.length; i++) if (b[i] === 0x0a || b[i] === 0x0d) return i;
  return -1;
}

const cookieError = (msg: string, filename: string) => new PySyntaxError("SyntaxError", msg, filename, 0, -1, null);

/** Source bytes decoded, with what the tokenizer and the parser need to know about them. */
export interface DecodedSource {
  text: string;
  /** undecodable UTF-8 bytes are in `text` as U+DC00 + byte (see decodeUtf8) */
  escapedBytes: boolean;
  /**
   * CPython reports SyntaxError columns as raw UTF-8 byte offsets (+1), not characters: bytes with
   * no BOM and no coding cookie leave tok->encoding NULL, so pegen skips its byte-to-character
   * conversion (compile(b"x = '\xc3\xa9' +\n") gives offset 11, the str source 10).
   */
  byteOffsets: boolean;
}

export function decodeSource(bytes: Uint8Array, filename: string): string {
  return decodeSourceBytes(bytes, filename).text;
}

export function decodeSourceBytes(bytes: Uint8Array, filename: string): DecodedSource {
  if (bytes.indexOf(0) >= 0) throw nullBytesError();
  let body = bytes;
  let bom = false;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    bom = true;
    body = bytes.subarray(3);
  }
  // only lines that end in a newline are searched, as CPython's decode_str does
  let spec: string | null = null;
  const end1 = lineEnd(body, 0);
  if (end1 >= 0) {
    const first = codingSpec(body, 0, end1);
    if ("spec" in first) spec = first.spec;
    else if (first.onlyComment) {
      const start2 = body[end1] === 0x0d && body[end1 + 1] === 0x0a ? end1 + 2 : end1 + 1;
      const end2 = lineEnd(body, start2);
      if (end2 >= 0) {
        const second = codingSpec(body, start2, end2);
        if ("spec" in second) spec = second.spec;
      }
    }
  }
  if (spec !== null && bom && spec !== "utf-8") throw cookieError(`encoding problem: ${spec} with BOM`, filename);
  if (spec === null || spec === "utf-8") return { ...decodeUtf8(body), byteOffsets: !bom && spec === null };
  const found = CODECS.get(normalizeCodecName(spec));
  if (found === undefined) throw cookieError(`unknown encoding: ${spec}`, filename);
  const [pyName, label] = found;
  if (pyName === "utf_8" || pyName === "utf_8_sig") return { ...decodeUtf8(body), byteOffsets: false };
  return { text: decodeWithCodec(body, filename, pyName, label), escapedBytes: false, byteOffsets: false };
}

function decodeWithCodec(body: Uint8Array, filename: string, pyName: string, label: string): string {
  if (label === "latin1") return latin1(body);
  if (label === "windows-1252") return cp1252(body, filename);
  if (label === "ascii") {
    for (let i = 0; i < body.length; i++) {
      if (body[i]! >= 0x80) {
        throw cookieError(`'ascii' codec can't decode byte 0x${hex2(body[i]!)} in position ${i}: ordinal not in range(128)`, filename);
      }
    }
    return latin1(body);
  }
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    throw cookieError(`'${pyName}' codec can't decode bytes: illegal multibyte sequence`, filename);
  }
}

/** cp1252 bytes 0x80..0x9f (-1: undefined in Python's codec). Decoded here because Node's
 * TextDecoder("windows-1252") decodes those bytes as latin-1. */
const CP1252_HIGH = [
  0x20ac, -1, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, -1, 0x17d, -1,
  -1, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, -1, 0x17e, 0x178,
];

function cp1252(body: Uint8Array, filename: string): string {
  const codes: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const b = body[i]!;
    const cp = b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80]! : b;
    if (cp < 0) {
      throw cookieError(`'charmap' codec can't decode byte 0x${hex2(b)} in position ${i}: character maps to <undefined>`, filename);
    }
    codes.push(cp);
  }
  const parts: string[] = [];
  for (let i = 0; i < codes.length; i += 8192) parts.push(String.fromCharCode(...codes.slice(i, i + 8192)));
  return parts.join("");
}

function hex2(b: number): string {
  return b.toString(16).padStart(2, "0");
}

function latin1(b: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < b.length; i += 8192) parts.push(String.fromCharCode(...b.subarray(i, i + 8192)));
  return parts.join("");
}

/**
 * CPython 3.11 does not validate UTF-8 source up front: the tokenizer passes bytes through, a comment
 * may hold anything, and only decoding a string literal or an identifier fails ("(unicode error)
 * 'utf-8' codec can't decode ..."). So each byte that is not part of a valid sequence becomes the
 * lone surrogate U+DC00 + byte (Python's surrogateescape convention), which no valid UTF-8 decodes
 * to; the tokenizer and the string decoder find them there and raise CPython's errors.
 */
function decodeUtf8(body: Uint8Array): { text: string; escapedBytes: boolean } {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body), escapedBytes: false };
  } catch {
    return { text: decodeWithEscapes(body), escapedBytes: true };
  }
}

/** First code unit of the escapes standing for undecodable bytes: U+DC80..U+DCFF hold 0x80..0xff. */
export const BYTE_ESCAPE_BASE = 0xdc00;

function decodeWithEscapes(b: Uint8Array): string {
  const units: number[] = [];
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      units.push(c);
      i++;
      continue;
    }
    const bad = utf8ErrorAt(b, i);
    if (bad !== null) {
      units.push(BYTE_ESCAPE_BASE + c);
      i++;
      continue;
    }
    const need = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : 1;
    let cp = c & (0x3f >> need);
    for (let k = 1; k <= need; k++) cp = (cp << 6) | (b[i + k]! & 0x3f);
    if (cp > 0xffff) units.push(0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff));
    else units.push(cp);
    i += need + 1;
  }
  const parts: string[] = [];
  for (let k = 0; k < units.length; k += 8192) parts.push(String.fromCharCode(...units.slice(k, k + 8192)));
  return parts.join("");
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;

/** Whether code unit `i` of `s` is an escaped byte (a lone U+DC80..U+DCFF). */
export function isEscapedByte(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 0xdc80 && c <= 0xdcff && !(i > 0 && isHighSurrogate(s.charCodeAt(i - 1)));
}

/** Whether `s` holds an escaped byte. */
export function hasEscapedBytes(s: string): boolean {
  if (!/[\udc80-\udcff]/.test(s)) return false;
  for (let i = 0; i < s.length; i++) if (isEscapedByte(s, i)) return true;
  return false;
}

/** The bytes CPython sees for text `s` (escaped bytes back to themselves, the rest as UTF-8). */
export function sourceBytes(s: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) out.push(c);
    else if (isEscapedByte(s, i)) out.push(c - BYTE_ESCAPE_BASE);
    else {
      let cp = c;
      if (isHighSurrogate(c) && i + 1 < s.length) cp = 0x10000 + ((c - 0xd800) << 10) + (s.charCodeAt(++i) - 0xdc00);
      if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
      else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
      else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    }
  }
  return Uint8Array.from(out);
}

/** The message of the UnicodeDecodeError Python's UTF-8 codec raises on `b`, or null when b is valid. */
export function utf8DecodeErrorMessage(b: Uint8Array): string | null {
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (c < 0x80) continue;
    const bad = utf8ErrorAt(b, i);
    if (bad === null) {
      i += c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : 1;
      continue;
    }
    const where = bad.len > 1 ? `bytes in position ${i}-${i + bad.len - 1}` : `byte 0x${hex2(b[i]!)} in position ${i}`;
    return `'utf-8' codec can't decode ${where}: ${bad.reason}`;
  }
  return null;
}

/**
 * How many characters Python's UTF-8 decoder with errors="replace" makes of `b` (each maximal
 * invalid subpart becomes one U+FFFD): CPython's byte-to-character offset conversion.
 */
export function replaceDecodedLength(b: Uint8Array): number {
  let n = 0;
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    n++;
    if (c < 0x80) {
      i++;
      continue;
    }
    const bad = utf8ErrorAt(b, i);
    i += bad !== null ? bad.len : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
  }
  return n;
}

/** Python's UTF-8 replace decoding of `b` (for error lines). */
export function replaceDecoded(b: Uint8Array): string {
  return new TextDecoder("utf-8").decode(b);
}

/** The invalid sequence starting at b[at] (a byte >= 0x80), with CPython's reason text; null when valid. */
function utf8ErrorAt(b: Uint8Array, at: number): { len: number; reason: string } | null {
  const c = b[at]!;
  let need: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (c >= 0xc2 && c <= 0xdf) need = 1;
  else if (c >= 0xe0 && c <= 0xef) {
    need = 2;
    if (c === 0xe0) lo = 0xa0;
    if (c === 0xed) hi = 0x9f;
  } else if (c >= 0xf0 && c <= 0xf4) {
    need = 3;
    if (c === 0xf0) lo = 0x90;
    if (c === 0xf4) hi = 0x8f;
  } else return { len: 1, reason: "invalid start byte" };
  for (let k = 1; k <= need; k++) {
    if (at + k >= b.length) return { len: k, reason: "unexpected end of data" };
    const d = b[at + k]!;
    const ok = k === 1 ? d >= lo && d <= hi : d >= 0x80 && d <= 0xbf;
    if (!ok) return { len: k, reason: "invalid continuation byte" };
  }
  return null;
}

/** _Py_SourceAsString's check, before any decoding: the error has no location at all (None). */
export function nullBytesError(): PySyntaxError {
  return new PySyntaxError("SyntaxError", "source code string cannot contain null bytes", "", null, null, null, null, null);
}
