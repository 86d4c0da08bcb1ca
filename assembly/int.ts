/**
 * int: small ints are tagged immediates (values.ts, the 63-bit range [-2**62, 2**62 - 1]); every
 * other int is a heap "big int" of this layout:
 *
 *   offset 0   [ refcnt u32            | type u32 -> int                 ]
 *          8   [ ndigits u32           | sign i32 (+1 or -1)             ]
 *         16   [ digit 0 u32           | digit 1 u32                     ]  least significant first
 *         ...  [ digit ndigits-1 u32 (never 0)  ...                      ]
 *
 * Block size: 16 + 4 * ndigits. Digits are base 2**30, each in a u32, as CPython's default build
 * (sys.int_info.bits_per_digit == 30): a digit product fits a u64 with room for carries, so
 * schoolbook multiply/divide need no 128-bit arithmetic, and 30 = 2 * 15 makes the conversion
 * to and from marshal's 15-bit digits a pairing of halves. 15-bit digits would halve the work per
 * u64 operation for no gain on wasm64-less hardware with native 64-bit multiply.
 *
 * Canonical form: an int is a heap object exactly when it does not fit a small int, and its top
 * digit is nonzero. So an int value has one representation, and a small int never equals a big one.
 *
 * Arithmetic, comparisons and str/float conversions live in int-ops.ts.
 *
 * Entry points: intFromI64, intFromU64, intFromDigits15 (marshal's TYPE_LONG), bigBlockSize, bigEqual,
 * bigEqualsDouble, intHash (CPython's numeric hash), bigDigits15Count / bigWriteDigits15 (marshal
 * writer), bigAlloc.
 */
import { alloc } from "./heap";
import { ObjHeader, initHeader } from "./object";
import { Value, makeSmallInt, makeObject, fitsSmallInt, getSmallInt, SMALL_INT_MAX } from "./values";
import { typeObject, KIND_INT, raiseMemory } from "./types";

@unmanaged
export class BigIntObject extends ObjHeader {
  ndigits: u32;
  sign: i32;
}

export const BIGINT_HEADER_SIZE: usize = 16;
// @ts-ignore: compile-time check
if (offsetof<BigIntObject>() != BIGINT_HEADER_SIZE) ERROR("BigIntObject layout");

export const DIGIT_BITS: u32 = 30;
export const DIGIT_MASK: u32 = (1 << 30) - 1;

// @ts-ignore: decorator
@inline export function bigNDigits(p: usize): u32 {
  return changetype<BigIntObject>(p).ndigits;
}
// @ts-ignore: decorator
@inline export function bigSign(p: usize): i32 {
  return changetype<BigIntObject>(p).sign;
}
// @ts-ignore: decorator
@inline export function bigDigit(p: usize, i: usize): u32 {
  return load<u32>(p + BIGINT_HEADER_SIZE + (i << 2));
}
// @ts-ignore: decorator
@inline export function bigBlockSize(p: usize): usize {
  return BIGINT_HEADER_SIZE + (<usize>bigNDigits(p) << 2);
}

/** A big int of `ndigits` zero digits (the caller fills them, top digit nonzero). */
export function bigAlloc(ndigits: usize, negative: bool): usize {
  if (ndigits > 0x3ffffff0) return raiseMemory();
  const p = alloc(BIGINT_HEADER_SIZE + (ndigits << 2));
  if (p == 0) return raiseMemory();
  initHeader(p, typeObject(KIND_INT));
  changetype<BigIntObject>(p).ndigits = <u32>ndigits;
  changetype<BigIntObject>(p).sign = negative ? -1 : 1;
  return p;
}

/** The int n: a small int when it fits, else a big int; NULL (MemoryError) when out of memory. */
export function intFromI64(n: i64): Value {
  if (fitsSmallInt(n)) return makeSmallInt(n);
  const neg = n < 0;
  return bigFromMagnitude(neg ? <u64>0 - <u64>n : <u64>n, neg);
}

/** The int n (unsigned); NULL (MemoryError) when out of memory. */
export function intFromU64(n: u64): Value {
  if (n <= <u64>SMALL_INT_MAX) return makeSmallInt(<i64>n);
  return bigFromMagnitude(n, false);
}

/** A big int from a magnitude >= 2**62 (up to 3 digits). */
function bigFromMagnitude(m: u64, negative: bool): Value {
  const nd: usize = (m >> 60) != 0 ? 3 : 2;
  const p = bigAlloc(nd, negative);
  if (p == 0) return 0;
  store<u32>(p + BIGINT_HEADER_SIZE, <u32>(m & DIGIT_MASK));
  store<u32>(p + BIGINT_HEADER_SIZE + 4, <u32>((m >> 30) & DIGIT_MASK));
  if (nd == 3) store<u32>(p + BIGINT_HEADER_SIZE + 8, <u32>(m >> 60));
  return makeObject(p);
}

/**
 * The int whose magnitude has `count` base-2**15 digits at src (u16 little-endian, least
 * significant first, each < 2**15, top one nonzero: the caller validated them), negated when
 * `negative`. NULL (MemoryError) when out of memory.
 */
export function intFromDigits15(src: usize, count: usize, negative: bool): Value {
  if (count == 0) return makeSmallInt(0);
  const top = <u32>load<u16>(src + ((count - 1) << 1));
  const bits = (count - 1) * 15 + <usize>(32 - clz<u32>(top));
  if (bits <= 63) {
    let m: u64 = 0;
    for (let i = <isize>count - 1; i >= 0; i--) m = (m << 15) | <u64>load<u16>(src + (<usize>i << 1));
    if (bits <= 62) return makeSmallInt(negative ? -<i64>m : <i64>m);
    if (negative && m == (<u64>1 << 62)) return makeSmallInt(-<i64>m);
    return bigFromMagnitude(m, negative);
  }
  const nd = (count + 1) >> 1;
  const p = bigAlloc(nd, negative);
  if (p == 0) return 0;
  for (let i: usize = 0; i < nd; i++) {
    const lo = <u32>load<u16>(src + (i << 2));
    const hi: u32 = (i << 1) + 1 < count ? <u32>load<u16>(src + (i << 2) + 2) : 0;
    store<u32>(p + BIGINT_HEADER_SIZE + (i << 2), lo | (hi << 15));
  }
  return makeObject(p);
}

/** How many base-2**15 digits the magnitude of a big int has. */
export function bigDigits15Count(p: usize): usize {
  const nd = <usize>bigNDigits(p);
  return (bigDigit(p, nd - 1) >> 15) != 0 ? nd * 2 : nd * 2 - 1;
}

/** Writes the magnitude's base-2**15 digits (u16 little-endian) at dst; returns how many. */
export function bigWriteDigits15(p: usize, dst: usize): usize {
  const count = bigDigits15Count(p);
  for (let i: usize = 0; i < count; i++) {
    const d = bigDigit(p, i >> 1);
    store<u16>(dst + (i << 1), <u16>((i & 1) != 0 ? d >> 15 : d & 0x7fff));
  }
  return count;
}

export function bigEqual(a: usize, b: usize): bool {
  if (a == b) return true;
  const n = bigNDigits(a);
  if (n != bigNDigits(b) || bigSign(a) != bigSign(b)) return false;
  return memory.compare(a + BIGINT_HEADER_SIZE, b + BIGINT_HEADER_SIZE, <usize>n << 2) == 0;
}

/** Whether big int p equals the double f exactly (int == float in Python compares exact values). */
export function bigEqualsDouble(p: usize, f: f64): bool {
  if (!isFinite(f) || Math.floor(f) != f) return false;
  if ((f < 0) != (bigSign(p) < 0)) return false;
  const bits = reinterpret<u64>(f);
  const exp = <i32>((bits >> 52) & 0x7ff) - 1075; // f = m * 2**exp
  const m = (bits & 0xfffffffffffff) | (<u64>1 << 52);
  if (exp < 0) return false; // |f| < 2**53: a big int is >= 2**62
  const totalBits = <usize>(53 + exp);
  const nd = <usize>bigNDigits(p);
  if (nd != (totalBits + 29) / 30) return false;
  for (let i: usize = 0; i < nd; i++) {
    const shift = <i32>(i * 30) - exp; // bit position in m of this digit's bit 0
    let d: u64 = 0;
    if (shift >= 0) d = shift < 64 ? m >> <u64>shift : 0;
    else if (shift > -30) d = m << <u64>(-shift);
    if (<u32>(d & DIGIT_MASK) != bigDigit(p, i)) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------------
// CPython's numeric hash: an int hashes to its value modulo the Mersenne prime 2**61 - 1 (sign kept,
// -1 mapped to -2), so equal ints, floats and complexes hash alike (float.ts uses the same modulus).

export const HASH_MODULUS: u64 = (<u64>1 << 61) - 1;

export function intHash(v: Value): i64 {
  let h: i64;
  if ((v & 1) != 0) {
    const n = getSmallInt(v);
    const m = n < 0 ? <u64>0 - <u64>n : <u64>n;
    h = <i64>(m % HASH_MODULUS);
    if (n < 0) h = -h;
  } else {
    const p = <usize>v;
    let x: u64 = 0;
    for (let i = <isize>bigNDigits(p) - 1; i >= 0; i--) {
      // x * 2**30 mod (2**61 - 1) is a 61-bit rotation by 30
      x = ((x << 30) & HASH_MODULUS) | (x >> 31);
      x += <u64>bigDigit(p, <usize>i);
      if (x >= HASH_MODULUS) x -= HASH_MODULUS;
    }
    h = bigSign(p) < 0 ? -<i64>x : <i64>x;
  }
  return h == -1 ? -2 : h;
}
