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

export function decodeSource(bytes: Uint8Array, filename: string): string {
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
  if (spec === null || spec === "utf-8") return decodeUtf8(body, filename);
  const found = CODECS.get(normalizeCodecName(spec));
  if (found === undefined) throw cookieError(`unknown encoding: ${spec}`, filename);
  const [pyName, label] = found;
  if (pyName === "utf_8" || pyName === "utf_8_sig") return decodeUtf8(body, filename);
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
 * UTF-8 without a cookie. CPython only notices bad bytes when the parser decodes the token holding
 * them ("(unicode error) 'utf-8' codec can't decode ..."); we report the first bad sequence on its
 * line with the codec's wording, its position counted from the start of that line (CPython counts
 * from the start of the string literal holding it, so `position` and `offset` are approximate).
 */
function decodeUtf8(body: Uint8Array, filename: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    const bad = firstBadUtf8(body);
    let lineStart = 0;
    let lineno = 1;
    for (let i = 0; i < bad.at; i++) {
      if (body[i] === 0x0a) {
        lineno++;
        lineStart = i + 1;
      }
    }
    let lineStop = lineEnd(body, lineStart);
    if (lineStop < 0) lineStop = body.length;
    const text = new TextDecoder("utf-8").decode(body.subarray(lineStart, lineStop)) + "\n";
    const pos = bad.at - lineStart;
    const where = bad.len > 1 ? `bytes in position ${pos}-${pos + bad.len - 1}` : `byte 0x${hex2(body[bad.at]!)} in position ${pos}`;
    const offset = new TextDecoder("utf-8").decode(body.subarray(lineStart, bad.at)).length + 1;
    return raise(new PySyntaxError("SyntaxError", `(unicode error) 'utf-8' codec can't decode ${where}: ${bad.reason}`, filename, lineno, offset, text, lineno, offset));
  }
}

function raise(e: PySyntaxError): never {
  throw e;
}

/** The first invalid UTF-8 sequence, with CPython's reason text. */
function firstBadUtf8(b: Uint8Array): { at: number; len: number; reason: string } {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
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
    } else return { at: i, len: 1, reason: "invalid start byte" };
    for (let k = 1; k <= need; k++) {
      if (i + k >= b.length) return { at: i, len: k, reason: "unexpected end of data" };
      const d = b[i + k]!;
      const ok = k === 1 ? d >= lo && d <= hi : d >= 0x80 && d <= 0xbf;
      if (!ok) return { at: i, len: k, reason: "invalid continuation byte" };
    }
    i += need + 1;
  }
  return { at: 0, len: 1, reason: "invalid start byte" };
}
