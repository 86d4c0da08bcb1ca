/**
 * hash(): CPython 3.11's hash() of the immutable values of the host value model, bit for bit as a
 * 64-bit build computes them under PYTHONHASHSEED=0 (the siphash key is then all zeros). Set
 * iteration order (setorder.ts) is derived from these, which is why they must be exact.
 *
 * Entry points (all return the hash as a signed 64-bit bigint, as Python prints it):
 *   pyHash(v)          hash(v); TypeError for list/dict/set, AddressHashError for address-based hashes
 *   pyHashOrNull(v)    the same, but null where CPython 3.11's hash depends on an object address
 *   hashInt(n), hashFloat(x), hashComplex(c), hashStr(s), hashBytes(b), hashTuple(t), hashFrozenSet(items)
 *   (code objects: through pyHash / pyHashOrNull only)
 *
 * Address-based in 3.11 (so not reproducible and reported as null): None, Ellipsis, the
 * StopIteration type, float nan (since 3.10 a nan hashes by object identity), and any tuple, complex,
 * frozenset or code object containing one of these. A code object's hash mixes in hash(co_consts),
 * so it is address-based for nearly every real code object (function and module code holds None);
 * only code whose constants avoid None, like compile('1', f, 'eval'), gets a reproducible hash.
 *
 * None and Ellipsis: their hash is their address, fixed per CPython process (and its low bits per
 * build). A caller that knows the hashes of the process it mirrors can say so with
 * setAddressHashes(); then they are used like any other hash (the stdlib test passes the oracle's).
 *
 * 64-bit arithmetic: siphash13 (str, bytes: hot, later in a VM) works on pairs of 32-bit halves in
 * plain numbers; the rarer tuple/frozenset/complex mixing uses BigInt.asUintN(64, ...).
 */
import { CodeObject } from "./code.js";
import { PyError } from "./errors.js";
import {
  PyComplex,
  PyDict,
  PyFrozenSet,
  PyList,
  PySet,
  SurrogateStr,
  Ellipsis,
  type PyObject,
} from "./objects.js";

/** Thrown by pyHash for values whose CPython 3.11 hash is derived from an object's address. */
export class AddressHashError extends Error {
  constructor(what: string) {
    super(`hash of ${what} is address-based in CPython 3.11 and cannot be reproduced`);
    this.name = "AddressHashError";
  }
}

/** hash(None) and hash(...) of the CPython process being mirrored; null: unknown (the default). */
const addressHashes: { None: bigint | null; Ellipsis: bigint | null } = { None: null, Ellipsis: null };

/** Declares hash(None) / hash(...) as a given CPython process computes them (null: unknown again). */
export function setAddressHashes(hashes: { None?: bigint | null; Ellipsis?: bigint | null }): void {
  if (hashes.None !== undefined) addressHashes.None = hashes.None;
  if (hashes.Ellipsis !== undefined) addressHashes.Ellipsis = hashes.Ellipsis;
}

const MASK64 = (1n << 64n) - 1n;
/** _PyHASH_MODULUS: the Mersenne prime 2**61 - 1 that numeric hashes reduce by. */
export const HASH_MODULUS = (1n << 61n) - 1n;
const HASH_INF = 314159n;
const HASH_IMAG = 1000003n;

const u64 = (x: bigint): bigint => BigInt.asUintN(64, x);
const s64 = (x: bigint): bigint => BigInt.asIntN(64, x);
/** -1 is CPython's error return, so a computed hash of -1 becomes -2. */
const fixMinusOne = (h: bigint): bigint => (h === -1n ? -2n : h);

// ---------------------------------------------------------------------------------------------
// numbers: hash(x) == hash(y) whenever x == y across int, float, complex and bool, via
// "x mod (2**61 - 1)" for rationals (the documented numeric hash).

/** hash(int). */
export function hashInt(n: bigint): bigint {
  if (n >= 0n) return n < HASH_MODULUS ? n : n % HASH_MODULUS;
  const m = -n < HASH_MODULUS ? n : -(-n % HASH_MODULUS);
  return fixMinusOne(m);
}

const f64 = new DataView(new ArrayBuffer(8));

/** hash(float) for a non-nan float; null for nan (identity-hashed in 3.11). */
function hashFloatOrNull(x: number): bigint | null {
  if (x !== x) return null;
  if (x === Infinity) return HASH_INF;
  if (x === -Infinity) return -HASH_INF;
  // Integral values below 2**53 hash like the int they equal, which is the int itself here.
  if (Number.isSafeInteger(x)) return x === -1 ? -2n : BigInt(x);
  // |x| = m * 2**e exactly with m an integer; 2**61 == 1 (mod 2**61 - 1), so 2**e == 2**(e mod 61).
  f64.setFloat64(0, x);
  const hi = f64.getUint32(0);
  const lo = f64.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e: number;
  if (biased === 0) e = -1074; // subnormal
  else {
    m |= 1n << 52n;
    e = biased - 1075;
  }
  const shift = ((e % 61) + 61) % 61;
  const h = ((m % HASH_MODULUS) << BigInt(shift)) % HASH_MODULUS;
  return x < 0 ? fixMinusOne(-h) : h;
}

/** hash(float). Throws AddressHashError for nan. */
export function hashFloat(x: number): bigint {
  const h = hashFloatOrNull(x);
  if (h === null) throw new AddressHashError("float('nan')");
  return h;
}

function combineComplex(re: bigint, im: bigint): bigint {
  return fixMinusOne(s64(re + HASH_IMAG * im));
}

/** hash(complex): hash(real) + 1000003 * hash(imag), wrapping at 64 bits. nan parts are address-based. */
export function hashComplex(c: PyComplex): bigint {
  const re = hashFloatOrNull(c.real);
  const im = hashFloatOrNull(c.imag);
  if (re === null || im === null) throw new AddressHashError("a complex with a nan part");
  return combineComplex(re, im);
}

// ---------------------------------------------------------------------------------------------
// siphash13 on 32-bit halves: each 64-bit state word vN is the pair (vNh, vNl) of unsigned 32-bit
// numbers. Everything stays in locals of one function, with the SipRound written once inside a
// loop over all rounds, so V8 keeps the state in registers.

/**
 * CPython's _Py_HashBytes of buf[0..len): 0 for empty input, else siphash13 with key (k0, k1) =
 * (0, 0) — PYTHONHASHSEED=0 zeroes _Py_HashSecret — read as a signed 64-bit value, -1 -> -2.
 */
function hashRawBytes(buf: Uint8Array, len: number): bigint {
  if (len === 0) return 0n;
  // The initial state is k0/k1 (both zero) xor "somepseudorandomlygeneratedbytes".
  let v0h = 0x736f6d65, v0l = 0x70736575;
  let v1h = 0x646f7261, v1l = 0x6e646f6d;
  let v2h = 0x6c796765, v2l = 0x6e657261;
  let v3h = 0x74656462, v3l = 0x79746573;

  // The last message word: the 0..7 bytes after the whole words, little-endian, with the length's
  // low byte in the top byte.
  const blocks = len >>> 3;
  const whole = blocks << 3;
  let bl = 0;
  let bh = (len & 0xff) << 24;
  for (let k = 0; whole + k < len; k++) {
    if (k < 4) bl |= buf[whole + k] << (8 * k);
    else bh |= buf[whole + k] << (8 * (k - 4));
  }

  // Rounds 0..blocks-1 absorb the whole words, round `blocks` the last word; then v2 ^= 0xff and
  // three finalisation rounds.
  let ml = 0, mh = 0, s = 0, th = 0, tl = 0;
  for (let r = 0; r < blocks + 4; r++) {
    if (r < blocks) {
      const i = r << 3;
      ml = buf[i] | (buf[i + 1] << 8) | (buf[i + 2] << 16) | (buf[i + 3] << 24);
      mh = buf[i + 4] | (buf[i + 5] << 8) | (buf[i + 6] << 16) | (buf[i + 7] << 24);
    } else if (r === blocks) {
      ml = bl;
      mh = bh;
    } else if (r === blocks + 1) {
      v2l = (v2l ^ 0xff) >>> 0;
    }
    if (r <= blocks) {
      v3h = (v3h ^ mh) >>> 0;
      v3l = (v3l ^ ml) >>> 0;
    }
    // SipRound. v0 += v1; v2 += v3
    s = v0l + v1l;
    v0l = s >>> 0;
    v0h = (v0h + v1h + (s > 0xffffffff ? 1 : 0)) >>> 0;
    s = v2l + v3l;
    v2l = s >>> 0;
    v2h = (v2h + v3h + (s > 0xffffffff ? 1 : 0)) >>> 0;
    // v1 = rotl(v1, 13) ^ v0; v3 = rotl(v3, 16) ^ v2
    th = (v1h << 13) | (v1l >>> 19);
    tl = (v1l << 13) | (v1h >>> 19);
    v1h = (th ^ v0h) >>> 0;
    v1l = (tl ^ v0l) >>> 0;
    th = (v3h << 16) | (v3l >>> 16);
    tl = (v3l << 16) | (v3h >>> 16);
    v3h = (th ^ v2h) >>> 0;
    v3l = (tl ^ v2l) >>> 0;
    // v0 = rotl(v0, 32)
    th = v0h;
    v0h = v0l;
    v0l = th;
    // v2 += v1; v0 += v3
    s = v2l + v1l;
    v2l = s >>> 0;
    v2h = (v2h + v1h + (s > 0xffffffff ? 1 : 0)) >>> 0;
    s = v0l + v3l;
    v0l = s >>> 0;
    v0h = (v0h + v3h + (s > 0xffffffff ? 1 : 0)) >>> 0;
    // v1 = rotl(v1, 17) ^ v2; v3 = rotl(v3, 21) ^ v0
    th = (v1h << 17) | (v1l >>> 15);
    tl = (v1l << 17) | (v1h >>> 15);
    v1h = (th ^ v2h) >>> 0;
    v1l = (tl ^ v2l) >>> 0;
    th = (v3h << 21) | (v3l >>> 11);
    tl = (v3l << 21) | (v3h >>> 11);
    v3h = (th ^ v0h) >>> 0;
    v3l = (tl ^ v0l) >>> 0;
    // v2 = rotl(v2, 32)
    th = v2h;
    v2h = v2l;
    v2l = th;
    if (r <= blocks) {
      v0h = (v0h ^ mh) >>> 0;
      v0l = (v0l ^ ml) >>> 0;
    }
  }
  const rh = (v0h ^ v1h ^ v2h ^ v3h) >>> 0;
  const rl = (v0l ^ v1l ^ v2l ^ v3l) >>> 0;
  if (rh === 0xffffffff && rl === 0xffffffff) return -2n;
  return BigInt.asIntN(64, (BigInt(rh) << 32n) | BigInt(rl));
}

/** hash(bytes). */
export function hashBytes(b: Uint8Array): bigint {
  return hashRawBytes(b, b.length);
}

let scratch = new Uint8Array(256);
function scratchOf(size: number): Uint8Array {
  if (scratch.length < size) scratch = new Uint8Array(Math.max(size, scratch.length * 2));
  return scratch;
}

/**
 * hash(str). CPython hashes the string's internal (PEP 393) buffer: 1 byte per code point if all are
 * below 256, else 2 bytes (little-endian) if all are below 65536, else 4 bytes. So we rebuild that
 * buffer from the UTF-16 units (a surrogate pair is one astral code point; a lone surrogate is
 * itself) or from a SurrogateStr's code points.
 */
export function hashStr(s: string | SurrogateStr): bigint {
  if (typeof s !== "string") return hashCodePoints(s.codePoints);
  const n = s.length;
  if (n === 0) return 0n;
  let max = 0;
  let astral = false;
  for (let i = 0; i < n; i++) {
    const u = s.charCodeAt(i);
    if (u > max) max = u;
    if (u >= 0xd800 && u <= 0xdbff && i + 1 < n) {
      const v = s.charCodeAt(i + 1);
      if (v >= 0xdc00 && v <= 0xdfff) {
        astral = true;
        break;
      }
    }
  }
  if (astral) {
    const cps: number[] = [];
    for (let i = 0; i < n; i++) {
      const u = s.charCodeAt(i);
      if (u >= 0xd800 && u <= 0xdbff && i + 1 < n) {
        const v = s.charCodeAt(i + 1);
        if (v >= 0xdc00 && v <= 0xdfff) {
          cps.push(0x10000 + ((u - 0xd800) << 10) + (v - 0xdc00));
          i++;
          continue;
        }
      }
      cps.push(u);
    }
    return hashCodePoints(cps);
  }
  if (max < 0x100) {
    const buf = scratchOf(n);
    for (let i = 0; i < n; i++) buf[i] = s.charCodeAt(i);
    return hashRawBytes(buf, n);
  }
  const buf = scratchOf(2 * n);
  for (let i = 0; i < n; i++) {
    const u = s.charCodeAt(i);
    buf[2 * i] = u & 0xff;
    buf[2 * i + 1] = u >>> 8;
  }
  return hashRawBytes(buf, 2 * n);
}

function hashCodePoints(cps: readonly number[]): bigint {
  const n = cps.length;
  let max = 0;
  for (const cp of cps) if (cp > max) max = cp;
  const width = max < 0x100 ? 1 : max < 0x10000 ? 2 : 4;
  const buf = scratchOf(width * n);
  for (let i = 0; i < n; i++) {
    const cp = cps[i];
    for (let k = 0; k < width; k++) buf[width * i + k] = (cp >>> (8 * k)) & 0xff;
  }
  return hashRawBytes(buf, width * n);
}

// ---------------------------------------------------------------------------------------------
// tuple and frozenset

const XXPRIME_1 = 11400714785074694791n;
const XXPRIME_2 = 14029467366897019727n;
const XXPRIME_5 = 2870177450012600261n;

/** tuplehash (3.8+): an xxHash64-style accumulation of the item hashes, then the length. */
function combineTuple(itemHashes: readonly bigint[]): bigint {
  let acc = XXPRIME_5;
  for (const h of itemHashes) {
    acc = u64(acc + u64(h) * XXPRIME_2);
    acc = u64((acc << 31n) | (acc >> 33n)); // rotate left 31
    acc = u64(acc * XXPRIME_1);
  }
  // The length is mixed in so that hash(()) keeps its historical value.
  acc = u64(acc + (BigInt(itemHashes.length) ^ (XXPRIME_5 ^ 3527539n)));
  if (acc === MASK64) return 1546275796n;
  return s64(acc);
}

/** hash(tuple). Throws like pyHash for unhashable or address-hashed items. */
export function hashTuple(t: readonly PyObject[]): bigint {
  return combineTuple(t.map(pyHash));
}

/** Scatters a hash's bits before xor-ing it into the frozenset hash, so nested sets don't cancel. */
function shuffleBits(h: bigint): bigint {
  const x = u64(h);
  return u64((x ^ 89869747n ^ (x << 16n)) * 3644798167n);
}

/**
 * frozenset_hash: an order-independent xor of the shuffled item hashes, then mixed with the size.
 * (CPython xors over every table slot and then cancels the empty and dummy ones, which comes to the
 * same thing.) `itemHashes` must belong to distinct items, as a frozenset's do.
 */
function combineFrozenSet(itemHashes: readonly bigint[]): bigint {
  let h = 0n;
  for (const ih of itemHashes) h ^= shuffleBits(ih);
  h ^= u64(BigInt(itemHashes.length + 1) * 1927868237n);
  h ^= (h >> 11n) ^ (h >> 25n);
  h = u64(h * 69069n + 907133923n);
  if (h === MASK64) return 590923713n;
  return s64(h);
}

/** hash(frozenset(items)); the items must be distinct (no two equal), as in a PyFrozenSet. */
export function hashFrozenSet(items: readonly PyObject[]): bigint {
  return combineFrozenSet(items.map(pyHash));
}

// ---------------------------------------------------------------------------------------------
// any value

/**
 * hash(v), or null if CPython 3.11 would hash v (or something inside it) by address.
 * Throws TypeError("unhashable type: 'list'") etc. for mutable containers.
 */
export function pyHashOrNull(v: PyObject): bigint | null {
  switch (typeof v) {
    case "boolean":
      return v ? 1n : 0n;
    case "bigint":
      return hashInt(v);
    case "number":
      return hashFloatOrNull(v);
    case "string":
      return hashStr(v);
  }
  if (v === null) return addressHashes.None;
  if (v instanceof SurrogateStr) return hashStr(v);
  if (v instanceof Uint8Array) return hashBytes(v);
  if (v instanceof PyComplex) {
    const re = hashFloatOrNull(v.real);
    const im = hashFloatOrNull(v.imag);
    return re === null || im === null ? null : combineComplex(re, im);
  }
  if (Array.isArray(v)) {
    const hs = collectHashes(v as readonly PyObject[]);
    return hs === null ? null : combineTuple(hs);
  }
  if (v instanceof PyFrozenSet) {
    const hs = collectHashes(v.items);
    return hs === null ? null : combineFrozenSet(hs);
  }
  if (v instanceof CodeObject) return hashCode(v);
  if (v instanceof PyList) throw unhashable("list");
  if (v instanceof PyDict) throw unhashable("dict");
  if (v instanceof PySet) throw unhashable("set");
  if (v === Ellipsis) return addressHashes.Ellipsis;
  return null; // StopIteration: id()-based
}

/**
 * code_hash in 3.11: the xor of the hashes of co_name, co_consts, co_names, co_localsplusnames,
 * co_linetable and co_exceptiontable and of the argument counts and co_flags (not co_code).
 */
function hashCode(code: CodeObject): bigint | null {
  const consts = collectHashes(code.co_consts);
  if (consts === null) return null;
  const h =
    hashStr(code.co_name) ^
    combineTuple(consts) ^
    combineTuple(code.co_names.map(hashStr)) ^
    combineTuple(code.co_localsplusnames.map(hashStr)) ^
    hashBytes(code.co_linetable) ^
    hashBytes(code.co_exceptiontable) ^
    BigInt(code.co_argcount ^ code.co_posonlyargcount ^ code.co_kwonlyargcount ^ code.co_flags);
  return fixMinusOne(h);
}

/** hash(v). Throws TypeError for unhashable values and AddressHashError for address-based ones. */
export function pyHash(v: PyObject): bigint {
  const h = pyHashOrNull(v);
  if (h === null) throw new AddressHashError(describe(v));
  return h;
}

function collectHashes(items: readonly PyObject[]): bigint[] | null {
  const out: bigint[] = [];
  // Go through every item even after a null: an unhashable item must still raise TypeError.
  let deterministic = true;
  for (const item of items) {
    const h = pyHashOrNull(item);
    if (h === null) deterministic = false;
    else out.push(h);
  }
  return deterministic ? out : null;
}

function unhashable(type: string): PyError {
  return new PyError("TypeError", `unhashable type: '${type}'`);
}

function describe(v: PyObject): string {
  if (v === null) return "None";
  if (typeof v === "number") return "float('nan')";
  if (Array.isArray(v)) return "a tuple holding an address-hashed value";
  if (v instanceof PyFrozenSet) return "a frozenset holding an address-hashed value";
  if (v instanceof PyComplex) return "a complex with a nan part";
  if (v instanceof CodeObject) return "a code object whose co_consts hold an address-hashed value";
  return "this object";
}
