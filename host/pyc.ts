/**
 * .pyc files for CPython 3.11: the 16-byte header (PEP 552) and the marshalled module code object.
 *
 * Entry points:
 *   readPyc(data, name?)            header fields and the code object; errors as importlib raises them
 *                                   (ImportError for a bad magic number, naming the Python version
 *                                   the magic belongs to when known; EOFError for a short header)
 *   writePyc(code, header)          a .pyc image, timestamp-based ({mtime, sourceSize}) or hash-based
 *                                   ({sourceHash, checkSource})
 *   sourceHash(source)              importlib.util.source_hash for 3.11 (keyed SipHash-1-3)
 *   pythonVersionForMagic(magic)    "3.10", "3.12", ... for a magic number of CPython 3.0-3.13
 *
 * Header: magic (2-byte number little-endian + b"\r\n"), a 32-bit flags word (bit 0: hash-based,
 * bit 1: check the source), then either mtime and source size (each mod 2**32) or an 8-byte source
 * hash. The magic-number history comes from the comments in CPython's
 * Lib/importlib/_bootstrap_external.py (facts only).
 */
import { CodeObject } from "./code.js";
import { PyError, eofError, importError } from "./errors.js";
import { dumps, loadsWithLength } from "./marshal.js";

/** CPython 3.11's MAGIC_NUMBER (3.11b4 onwards). */
export const MAGIC_NUMBER = 3495;
export const MAGIC_BYTES = Uint8Array.of(MAGIC_NUMBER & 0xff, MAGIC_NUMBER >> 8, 0x0d, 0x0a);
export const HEADER_SIZE = 16;
export const FLAG_HASH_BASED = 0b01;
export const FLAG_CHECK_SOURCE = 0b10;

export interface PycFile {
  magic: number;
  flags: number;
  /** Timestamp-based pycs: the source's mtime and size, each mod 2**32. */
  mtime?: number;
  sourceSize?: number;
  /** Hash-based pycs: the 8-byte SipHash of the source. */
  sourceHash?: Uint8Array;
  code: CodeObject;
  /** Bytes after the code object; CPython ignores them, so they are only reported. */
  trailingBytes: number;
}

export type PycHeader = { mtime: number; sourceSize: number } | { sourceHash: Uint8Array; checkSource: boolean };

/**
 * First magic number of each CPython 3.x, ascending, and the magic its final release uses. From 3.11
 * on, 3.n starts at 2900 + 50n; before that the ranges are as the history lists them.
 */
const MAGIC_RANGES: readonly [first: number, version: string, release: number][] = [
  [3000, "3.0", 3131],
  [3140, "3.1", 3151],
  [3160, "3.2", 3180],
  [3190, "3.3", 3230],
  [3250, "3.4", 3310],
  [3320, "3.5", 3351],
  [3360, "3.6", 3379],
  [3390, "3.7", 3394],
  [3400, "3.8", 3413],
  [3420, "3.9", 3425],
  [3430, "3.10", 3439],
  [3450, "3.11", 3495],
  [3500, "3.12", 3531],
  [3550, "3.13", 3571],
];

/**
 * The CPython version a magic number belongs to ("3.10"; alphas and betas count as their version),
 * or undefined for numbers outside 3.0-3.13.
 */
export function pythonVersionForMagic(magic: number): string | undefined {
  for (let i = MAGIC_RANGES.length - 1; i >= 0; i--) {
    const [first, version, release] = MAGIC_RANGES[i];
    if (magic >= first) return magic <= release ? version : undefined;
  }
  return undefined;
}

/** Reads a .pyc image: header checks as importlib._bootstrap_external._classify_pyc, then the code. */
export function readPyc(data: Uint8Array, name = "<pyc>"): PycFile {
  const magicBytes = data.subarray(0, 4);
  if (magicBytes.length < 4 || !magicBytes.every((b, i) => b === MAGIC_BYTES[i])) {
    throw importError(`bad magic number in ${pyStrRepr(name)}: ${pyBytesRepr(magicBytes)}${describeMagic(magicBytes)}`);
  }
  if (data.length < HEADER_SIZE) throw eofError(`reached EOF while reading pyc header of ${pyStrRepr(name)}`);
  const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const flags = dv.getUint32(4, true);
  if (flags & ~0b11) throw importError(`invalid flags ${flags} in ${pyStrRepr(name)}`);
  const { value, length } = loadsWithLength(data, { offset: HEADER_SIZE });
  if (!(value instanceof CodeObject)) throw importError(`Non-code object in ${pyStrRepr(name)}`);
  const out: PycFile = { magic: MAGIC_NUMBER, flags, code: value, trailingBytes: data.length - HEADER_SIZE - length };
  if (flags & FLAG_HASH_BASED) out.sourceHash = data.slice(8, 16);
  else {
    out.mtime = dv.getUint32(8, true);
    out.sourceSize = dv.getUint32(12, true);
  }
  return out;
}

/** A .pyc image for `code`, as importlib's _code_to_timestamp_pyc / _code_to_hash_pyc write it. */
export function writePyc(code: CodeObject, header: PycHeader): Uint8Array {
  const body = dumps(code);
  const out = new Uint8Array(HEADER_SIZE + body.length);
  const dv = new DataView(out.buffer);
  out.set(MAGIC_BYTES, 0);
  if ("sourceHash" in header) {
    if (!(header.sourceHash instanceof Uint8Array) || header.sourceHash.length !== 8) {
      throw new PyError("ValueError", "sourceHash must be 8 bytes");
    }
    dv.setUint32(4, FLAG_HASH_BASED | (header.checkSource ? FLAG_CHECK_SOURCE : 0), true);
    out.set(header.sourceHash, 8);
  } else {
    dv.setUint32(4, 0, true);
    dv.setUint32(8, mod32(header.mtime), true);
    dv.setUint32(12, mod32(header.sourceSize), true);
  }
  out.set(body, HEADER_SIZE);
  return out;
}

/**
 * importlib.util.source_hash(source) in 3.11: _Py_KeyedHash, i.e. SipHash-1-3 (the build's str hash
 * algorithm) keyed with (the 3.11 magic as a little-endian integer, 0).
 */
export function sourceHash(source: Uint8Array): Uint8Array {
  const key = BigInt(new DataView(MAGIC_BYTES.buffer).getUint32(0, true)); // _RAW_MAGIC_NUMBER
  const h = siphash13(key, 0n, source);
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, h, true);
  return out;
}

function mod32(x: number): number {
  return ((Math.floor(x) % 2 ** 32) + 2 ** 32) % 2 ** 32;
}

function describeMagic(m: Uint8Array): string {
  if (m.length < 4 || m[2] !== 0x0d || m[3] !== 0x0a) return " (not a .pyc file of any CPython 3 version)";
  const magic = m[0] | (m[1] << 8);
  const version = pythonVersionForMagic(magic);
  if (version === undefined) {
    return ` (magic ${magic} is not a known CPython version; this is not a CPython 3.11 file, whose magic is ${MAGIC_NUMBER})`;
  }
  if (version === "3.11") {
    return ` (magic ${magic} is from a CPython 3.11 pre-release; this is not a CPython 3.11 file, whose magic is ${MAGIC_NUMBER})`;
  }
  return ` (magic ${magic} is CPython ${version}; this is not a CPython 3.11 file, whose magic is ${MAGIC_NUMBER})`;
}

/** repr() of a str, for importlib-style messages. */
function pyStrRepr(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = q;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === "\\" || ch === q) out += "\\" + ch;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (c < 0x20 || c === 0x7f) out += "\\x" + c.toString(16).padStart(2, "0");
    else out += ch;
  }
  return out + q;
}

/** repr() of a bytes object. */
function pyBytesRepr(b: Uint8Array): string {
  const q = b.includes(0x27) && !b.includes(0x22) ? '"' : "'";
  let out = "b" + q;
  for (const c of b) {
    if (c === 0x5c || c === q.charCodeAt(0)) out += "\\" + String.fromCharCode(c);
    else if (c === 0x0a) out += "\\n";
    else if (c === 0x0d) out += "\\r";
    else if (c === 0x09) out += "\\t";
    else if (c < 0x20 || c >= 0x7f) out += "\\x" + c.toString(16).padStart(2, "0");
    else out += String.fromCharCode(c);
  }
  return out + q;
}

const MASK64 = (1n << 64n) - 1n;
const rotl = (x: bigint, b: bigint) => ((x << b) | (x >> (64n - b))) & MASK64;

/** SipHash-1-3 of `data` with the 128-bit key (k0, k1): one round per block, three to finish. */
function siphash13(k0: bigint, k1: bigint, data: Uint8Array): bigint {
  let v0 = k0 ^ 0x736f6d6570736575n;
  let v1 = k1 ^ 0x646f72616e646f6dn;
  let v2 = k0 ^ 0x6c7967656e657261n;
  let v3 = k1 ^ 0x7465646279746573n;
  const round = () => {
    v0 = (v0 + v1) & MASK64;
    v1 = rotl(v1, 13n) ^ v0;
    v0 = rotl(v0, 32n);
    v2 = (v2 + v3) & MASK64;
    v3 = rotl(v3, 16n) ^ v2;
    v0 = (v0 + v3) & MASK64;
    v3 = rotl(v3, 21n) ^ v0;
    v2 = (v2 + v1) & MASK64;
    v1 = rotl(v1, 17n) ^ v2;
    v2 = rotl(v2, 32n);
  };
  const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const whole = data.length - (data.length % 8);
  for (let i = 0; i < whole; i += 8) {
    const m = dv.getBigUint64(i, true);
    v3 ^= m;
    round();
    v0 ^= m;
  }
  let last = BigInt(data.length & 0xff) << 56n;
  for (let i = whole; i < data.length; i++) last |= BigInt(data[i]) << BigInt(8 * (i - whole));
  v3 ^= last;
  round();
  v0 ^= last;
  v2 ^= 0xffn;
  round();
  round();
  round();
  return v0 ^ v1 ^ v2 ^ v3;
}
