/**
 * float and complex: boxed IEEE doubles (values.ts explains why floats are not NaN-boxed yet), plus
 * the two conversions marshal needs: CPython's numeric hash of a double, and correctly rounded
 * parsing of the text floats of marshal versions 0 and 1 (TYPE_FLOAT / TYPE_COMPLEX).
 *
 * float (block 16):                        complex (block 24):
 *
 *   offset 0  [ refcnt u32 | type u32 ]       offset 0  [ refcnt u32 | type u32 -> complex ]
 *          8  [ value f64             ]              8  [ real f64                       ]
 *                                                   16  [ imag f64                       ]
 *
 * NaN payloads and signs are kept bit for bit (marshal's binary floats round-trip exactly).
 *
 * Entry points: floatNew, floatValue, complexNew, complexReal/Imag, hashDouble, parseFloatText.
 */
import { alloc, allocHot } from "./heap";
import { ObjHeader, initHeader } from "./object";
import { Value, makeObject } from "./values";
import { typeObject, KIND_FLOAT, KIND_COMPLEX, raiseMemory, errBegin, errText, errByte, errBytes, ERR_VALUE } from "./types";
import { HASH_MODULUS } from "./int";

@unmanaged
export class FloatObject extends ObjHeader {
  value: f64;
}
@unmanaged
export class ComplexObject extends ObjHeader {
  real: f64;
  imag: f64;
}

export const FLOAT_SIZE: usize = 16;
export const COMPLEX_SIZE: usize = 24;
// @ts-ignore: compile-time check
if (offsetof<FloatObject>() != FLOAT_SIZE || offsetof<ComplexObject>() != COMPLEX_SIZE) ERROR("float layouts");

// @ts-ignore: decorator
@inline export function floatValue(p: usize): f64 {
  return changetype<FloatObject>(p).value;
}
// @ts-ignore: decorator
@inline export function complexReal(p: usize): f64 {
  return changetype<ComplexObject>(p).real;
}
// @ts-ignore: decorator
@inline export function complexImag(p: usize): f64 {
  return changetype<ComplexObject>(p).imag;
}

/** A new float; NULL (MemoryError) when out of memory. */
export function floatNew(x: f64): Value {
  const p = allocHot(FLOAT_SIZE);
  if (p == 0) return raiseMemory();
  // initHeader without its cycle-collector test: floats are never tracked. allocHot does not zero;
  // these three stores write every byte.
  store<u32>(p, 1, 0);
  store<u32>(p, <u32>typeObject(KIND_FLOAT), 4);
  changetype<FloatObject>(p).value = x;
  return makeObject(p);
}

export function complexNew(re: f64, im: f64): Value {
  const p = alloc(COMPLEX_SIZE);
  if (p == 0) return raiseMemory();
  initHeader(p, typeObject(KIND_COMPLEX));
  changetype<ComplexObject>(p).real = re;
  changetype<ComplexObject>(p).imag = im;
  return makeObject(p);
}

/**
 * CPython's hash of a double: the exact rational value modulo 2**61 - 1 (so it equals the hash of an
 * equal int), +-314159 for infinities; a NaN hashes by the identity of the object holding it
 * (`identity`), as in CPython 3.10+. A double is m * 2**e with an integer m < 2**53, and 2**61 = 1
 * modulo the prime, so multiplying by 2**e is a rotation of the 61-bit residue.
 */
export function hashDouble(x: f64, identity: usize): i64 {
  if (isNaN(x)) return <i64>(identity >> 3);
  if (!isFinite(x)) return x > 0 ? 314159 : -314159;
  if (x == 0) return 0;
  const bits = reinterpret<u64>(x);
  const biased = <i32>((bits >> 52) & 0x7ff);
  let m = bits & 0xfffffffffffff;
  let e: i32;
  if (biased == 0) {
    e = -1074; // subnormal
  } else {
    m |= <u64>1 << 52;
    e = biased - 1075;
  }
  // m < 2**53 < 2**61 - 1, so m is already reduced; now times 2**e mod (2**61 - 1).
  let r = e % 61;
  if (r < 0) r += 61;
  let h = m;
  if (r != 0) h = ((h << <u64>r) & HASH_MODULUS) | (h >> <u64>(61 - r));
  if (h >= HASH_MODULUS) h -= HASH_MODULUS;
  let s = <i64>h;
  if (x < 0) s = -s;
  return s == -1 ? -2 : s;
}

// ---------------------------------------------------------------------------------------------------
// Text floats: the whole text must be a float literal as PyOS_string_to_double accepts it without
// an end pointer: [+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?, or inf, infinity, nan
// in any case. Conversion is exact: the digits go into a decimal buffer that is scaled by powers of
// two (multiplying/dividing the decimal digits, never rounding) until it lies in [1/2, 1), then the
// top 53 bits are rounded half to even; digits that fall off the buffer's end only set a sticky
// "truncated" bit. Texts are at most 255 bytes (marshal stores a one-byte length), so 800 digits
// never truncate the input, and the 60-bit scaling steps keep every intermediate below 2**64.

const DEC_MAX: i32 = 800;
const DEC_EXTRA: i32 = 20; // room for the digits a left shift of up to 60 bits adds in front
const DEC: usize = memory.data(DEC_MAX + DEC_EXTRA + 4);
let decN: i32 = 0; // digits in DEC
let decPoint: i32 = 0; // value = 0.d0 d1 d2 ... * 10**decPoint
let decTrunc: bool = false; // nonzero digits were dropped

// @ts-ignore: decorator
@inline function decDigit(i: i32): u64 {
  return <u64>load<u8>(DEC + <usize>i);
}

function decTrim(): void {
  while (decN > 0 && load<u8>(DEC + <usize>(decN - 1)) == 0) decN--;
  if (decN == 0) decPoint = 0;
}

/** value *= 2**k, 1 <= k <= 60. */
function decShiftLeft(k: i32): void {
  let r = decN - 1;
  let w = decN - 1 + DEC_EXTRA;
  let n: u64 = 0;
  while (r >= 0) {
    n += decDigit(r) << <u64>k;
    const q = n / 10;
    store<u8>(DEC + <usize>w, <u8>(n - q * 10));
    w--;
    r--;
    n = q;
  }
  while (n > 0) {
    const q = n / 10;
    store<u8>(DEC + <usize>w, <u8>(n - q * 10));
    w--;
    n = q;
  }
  const count = decN - 1 + DEC_EXTRA - w;
  memory.copy(DEC, DEC + <usize>(w + 1), <usize>count);
  decPoint += count - decN;
  decN = count;
  if (decN > DEC_MAX) {
    for (let i = DEC_MAX; i < decN; i++) if (decDigit(i) != 0) decTrunc = true;
    decN = DEC_MAX;
  }
  decTrim();
}

/** value /= 2**k, 1 <= k <= 60. */
function decShiftRight(k: i32): void {
  let r = 0;
  let w = 0;
  let n: u64 = 0;
  for (;;) {
    if ((n >> <u64>k) != 0) break;
    if (r >= decN) {
      if (n == 0) {
        decN = 0;
        decPoint = 0;
        return;
      }
      while ((n >> <u64>k) == 0) {
        n *= 10;
        r++;
      }
      break;
    }
    n = n * 10 + decDigit(r);
    r++;
  }
  decPoint -= r - 1;
  const mask = (<u64>1 << <u64>k) - 1;
  while (r < decN) {
    const dig = n >> <u64>k;
    n &= mask;
    store<u8>(DEC + <usize>w, <u8>dig);
    w++;
    n = n * 10 + decDigit(r);
    r++;
  }
  while (n > 0) {
    const dig = n >> <u64>k;
    n &= mask;
    if (w < DEC_MAX) {
      store<u8>(DEC + <usize>w, <u8>dig);
      w++;
    } else if (dig > 0) {
      decTrunc = true;
    }
    n *= 10;
  }
  decN = w;
  decTrim();
}

/** The integer part, rounded half to even by the digits after it (the value is < 2**53 + 1 here). */
function decRoundedInteger(): u64 {
  let n: u64 = 0;
  let i = 0;
  for (; i < decPoint && i < decN; i++) n = n * 10 + decDigit(i);
  for (; i < decPoint; i++) n *= 10;
  if (decPoint >= 0 && decPoint < decN) {
    const d = decDigit(decPoint);
    let up = d > 5;
    if (d == 5) up = decPoint + 1 < decN || decTrunc || (n & 1) != 0;
    if (up) n++;
  }
  return n;
}

/**
 * A shift of at most log2(10**n) bits, so that scaling a value below 10**-n up never passes 1
 * (2**60 > 10**18, so 60 bits only from n = 19 on).
 */
function shiftFor(n: i32): i32 {
  if (n > 18) return 60;
  const k = (n * 33219) / 10000;
  return k < 1 ? 1 : k;
}

function decToDouble(negative: bool): f64 {
  const sign: u64 = negative ? <u64>1 << 63 : 0;
  if (decN == 0) return reinterpret<f64>(sign);
  if (decPoint > 310) return reinterpret<f64>(sign | 0x7ff0000000000000);
  if (decPoint < -330) return reinterpret<f64>(sign);
  let exp = 0;
  while (decPoint > 0) {
    const k = shiftFor(decPoint);
    decShiftRight(k);
    exp += k;
  }
  while (decPoint < 0 || (decPoint == 0 && decDigit(0) < 5)) {
    const k = shiftFor(-decPoint);
    decShiftLeft(k);
    exp -= k;
  }
  // value in [1/2, 1) * 2**exp, i.e. [1, 2) * 2**(exp - 1)
  exp--;
  if (exp < -1022) {
    const n = -1022 - exp;
    // shifts beyond 60 bits in steps; far below the subnormal range everything rounds to 0
    let left = n;
    while (left > 0 && decN > 0) {
      const k = left > 60 ? 60 : left;
      decShiftRight(k);
      left -= k;
    }
    exp = -1022;
  }
  if (exp > 1023) return reinterpret<f64>(sign | 0x7ff0000000000000);
  decShiftLeft(53);
  let mant = decRoundedInteger();
  if (mant == <u64>1 << 53) {
    mant >>= 1;
    exp++;
    if (exp > 1023) return reinterpret<f64>(sign | 0x7ff0000000000000);
  }
  let field: u64 = <u64>(exp + 1023);
  if ((mant & (<u64>1 << 52)) == 0) field = 0; // subnormal
  return reinterpret<f64>(sign | (field << 52) | (mant & 0xfffffffffffff));
}

function matchWord(s: usize, n: usize, word: string): bool {
  if (n != <usize>word.length) return false;
  for (let i: usize = 0; i < n; i++) if ((load<u8>(s + i) | 0x20) != <u8>word.charCodeAt(<i32>i)) return false;
  return true;
}

// @ts-ignore: decorator
@inline function isDigit(c: u32): bool {
  return c - 0x30 < 10;
}

/** Result of the last successful parseFloatText. */
export let parsedFloat: f64 = 0;

/**
 * Parses the float literal at [s, s + n) into parsedFloat; false after raising ValueError
 * "could not convert string to float: '<text>'" (the text as CPython shows it: at most 200 bytes,
 * decoded as UTF-8 with U+FFFD for invalid sequences).
 */
export function parseFloatText(s: usize, n: usize): bool {
  let i: usize = 0;
  let negative = false;
  if (n > 0 && (load<u8>(s) == 0x2b || load<u8>(s) == 0x2d)) {
    negative = load<u8>(s) == 0x2d;
    i = 1;
  }
  if (matchWord(s + i, n - i, "inf") || matchWord(s + i, n - i, "infinity")) {
    parsedFloat = negative ? -Infinity : Infinity;
    return true;
  }
  if (matchWord(s + i, n - i, "nan")) {
    parsedFloat = reinterpret<f64>(negative ? 0xfff8000000000000 : 0x7ff8000000000000);
    return true;
  }
  decN = 0;
  decPoint = 0;
  decTrunc = false;
  let sawDigits = false;
  let sawDot = false;
  for (; i < n; i++) {
    const c = <u32>load<u8>(s + i);
    if (c == 0x2e) {
      if (sawDot) break;
      sawDot = true;
      decPoint = decN;
      continue;
    }
    if (!isDigit(c)) break;
    sawDigits = true;
    if (c == 0x30 && decN == 0) {
      decPoint--; // a leading zero: only counts after the point (before it, decPoint is reset below)
      continue;
    }
    store<u8>(DEC + <usize>decN, <u8>(c - 0x30));
    decN++;
  }
  if (!sawDot) decPoint = decN;
  let ok = sawDigits;
  if (ok && i < n && (load<u8>(s + i) | 0x20) == 0x65) {
    i++;
    let expNegative = false;
    if (i < n && (load<u8>(s + i) == 0x2b || load<u8>(s + i) == 0x2d)) {
      expNegative = load<u8>(s + i) == 0x2d;
      i++;
    }
    let e: i32 = 0;
    let expDigits = false;
    while (i < n && isDigit(<u32>load<u8>(s + i))) {
      if (e < 100000) e = e * 10 + <i32>(load<u8>(s + i) - 0x30);
      expDigits = true;
      i++;
    }
    ok = expDigits;
    decPoint += expNegative ? -e : e;
  }
  if (ok && i == n) {
    decTrim();
    parsedFloat = decToDouble(negative);
    return true;
  }
  errBegin(ERR_VALUE);
  errText("could not convert string to float: '");
  appendUtf8Replacing(s, n < 200 ? n : 200);
  errByte(0x27);
  return false;
}

/** Appends [s, s + n) to the error message as UTF-8 with each invalid sequence replaced by U+FFFD. */
function appendUtf8Replacing(s: usize, n: usize): void {
  let i: usize = 0;
  while (i < n) {
    const c = <u32>load<u8>(s + i);
    if (c < 0x80) {
      errByte(<u8>c);
      i++;
      continue;
    }
    // How many continuation bytes, and the allowed range of the first one (no overlongs, no
    // surrogates, nothing above U+10FFFF); a bad byte ends the maximal invalid prefix.
    let need: usize = 0;
    let lo: u32 = 0x80;
    let hi: u32 = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c == 0xe0) lo = 0xa0;
      if (c == 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c == 0xf0) lo = 0x90;
      if (c == 0xf4) hi = 0x8f;
    }
    let j: usize = 1;
    let good = need > 0;
    while (good && j <= need) {
      if (i + j >= n) {
        good = false;
        break;
      }
      const b = <u32>load<u8>(s + i + j);
      if (b < lo || b > hi) {
        good = false;
        break;
      }
      lo = 0x80;
      hi = 0xbf;
      j++;
    }
    if (good) {
      errBytes(s + i, need + 1);
      i += need + 1;
    } else {
      errByte(0xef);
      errByte(0xbf);
      errByte(0xbd);
      i += need == 0 ? 1 : j; // the invalid prefix; the offending byte is looked at again
    }
  }
}
