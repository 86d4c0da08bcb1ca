/**
 * Doubles to decimal text, exactly as CPython 3.11 writes them (repr, str, format, round).
 *
 * Digits come from exact big-integer arithmetic on the double's binary value (no floating-point
 * shortcuts, so every double is right):
 * - shortest (CPython's dtoa mode 0, what repr uses): the fewest digits that read back as the same
 *   double (round-half-even reading, so the interval ends count when the mantissa is even), and
 *   among those the one nearest the exact value (a tie goes to the even digit);
 * - fixed (dtoa modes 2 and 3, for 'e'/'g' and 'f'/round()): the exact value rounded half to even
 *   at a given count of significant digits, or of digits after the point.
 * The value is r/s with r, s big integers (u32 limbs in static memory, never more than ~1100 bits),
 * scaled by a power of ten so that r/s lies in [0.1, 1); each digit is then floor(10r/s).
 *
 * numPrepare/numWrite then lay the digits out as CPython's PyOS_double_to_string does (zero padding
 * on either side, exponent "e+XX" with at least two digits, "inf"/"nan", the trailing ".0" of repr).
 *
 * Entry points: floatRepr, floatStr (new str objects); for format-spec.ts and float-ops.ts:
 * digitsShortest, digitsFixed (results in DIG/digN/digPoint), numPrepare, numWrite.
 */
import { strAlloc, strData, StrObject } from "./str";

// ---------------------------------------------------------------------------------------------------
// Big naturals: [length u32 | limb 0 u32 | limb 1 ...], least significant limb first, no zero top limb.

const BN_CAP: usize = 48; // limbs; the largest value met is below 2**1100 (35 limbs)
const BN_BYTES: usize = 4 + BN_CAP * 4;
const BN_AREA: usize = memory.data(<i32>(BN_BYTES * 5), 8);
const R: usize = BN_AREA; // remainder
const S: usize = BN_AREA + BN_BYTES; // scale (denominator)
const MP: usize = BN_AREA + BN_BYTES * 2; // distance to the upper end of the rounding interval
const MM: usize = BN_AREA + BN_BYTES * 3; // distance to the lower end
const T: usize = BN_AREA + BN_BYTES * 4; // scratch

// @ts-ignore: decorator
@inline function bnLen(a: usize): i32 {
  return load<i32>(a);
}
// @ts-ignore: decorator
@inline function limb(a: usize, i: i32): u32 {
  return load<u32>(a + 4 + (<usize>i << 2));
}
// @ts-ignore: decorator
@inline function setLimb(a: usize, i: i32, v: u32): void {
  store<u32>(a + 4 + (<usize>i << 2), v);
}

function bnTrim(a: usize, n: i32): void {
  while (n > 0 && limb(a, n - 1) == 0) n--;
  store<i32>(a, n);
}

function bnSetU64(a: usize, v: u64): void {
  setLimb(a, 0, <u32>v);
  setLimb(a, 1, <u32>(v >> 32));
  bnTrim(a, 2);
}

function bnCopy(dst: usize, src: usize): void {
  memory.copy(dst, src, 4 + (<usize>bnLen(src) << 2));
}

/** a <<= bits. */
function bnShl(a: usize, bits: i32): void {
  const n = bnLen(a);
  if (n == 0 || bits == 0) return;
  const words = bits >> 5;
  const b = bits & 31;
  let top = n + words;
  if (b == 0) {
    for (let i = n - 1; i >= 0; i--) setLimb(a, i + words, limb(a, i));
  } else {
    setLimb(a, top, 0);
    for (let i = n - 1; i >= 0; i--) {
      const v = limb(a, i);
      setLimb(a, i + words + 1, limb(a, i + words + 1) | (v >> (32 - b)));
      setLimb(a, i + words, v << b);
    }
    top++;
  }
  for (let i = 0; i < words; i++) setLimb(a, i, 0);
  bnTrim(a, top);
}

/** a *= m. */
function bnMulSmall(a: usize, m: u32): void {
  const n = bnLen(a);
  let carry: u64 = 0;
  for (let i = 0; i < n; i++) {
    const p = <u64>limb(a, i) * <u64>m + carry;
    setLimb(a, i, <u32>p);
    carry = p >> 32;
  }
  if (carry != 0) {
    setLimb(a, n, <u32>carry);
    store<i32>(a, n + 1);
  }
}

/** a *= 10**k, k >= 0: by 5**k in u32-sized steps, then a shift. */
function bnMulPow10(a: usize, k: i32): void {
  let left = k;
  while (left >= 13) {
    bnMulSmall(a, 1220703125); // 5**13
    left -= 13;
  }
  if (left > 0) {
    let p: u32 = 1;
    for (let i = 0; i < left; i++) p *= 5;
    bnMulSmall(a, p);
  }
  bnShl(a, k);
}

function bnCmp(a: usize, b: usize): i32 {
  const n = bnLen(a);
  const m = bnLen(b);
  if (n != m) return n < m ? -1 : 1;
  for (let i = n - 1; i >= 0; i--) {
    const x = limb(a, i);
    const y = limb(b, i);
    if (x != y) return x < y ? -1 : 1;
  }
  return 0;
}

/** Compares a + b with c. */
function bnAddCmp(a: usize, b: usize, c: usize): i32 {
  const n = max(bnLen(a), bnLen(b));
  let carry: u64 = 0;
  for (let i = 0; i < n; i++) {
    const x: u64 = i < bnLen(a) ? <u64>limb(a, i) : 0;
    const y: u64 = i < bnLen(b) ? <u64>limb(b, i) : 0;
    const s = x + y + carry;
    setLimb(T, i, <u32>s);
    carry = s >> 32;
  }
  setLimb(T, n, <u32>carry);
  bnTrim(T, n + 1);
  return bnCmp(T, c);
}

/** Compares 2a with b. */
function bnCmpTwice(a: usize, b: usize): i32 {
  bnCopy(T, a);
  bnShl(T, 1);
  return bnCmp(T, b);
}

/** a -= q * b (the result is known to be >= 0). */
function bnSubMul(a: usize, b: usize, q: u32): void {
  const n = bnLen(a);
  const m = bnLen(b);
  let carry: u64 = 0;
  let borrow: i64 = 0;
  for (let i = 0; i < n; i++) {
    const p = (i < m ? <u64>limb(b, i) * <u64>q : 0) + carry;
    carry = p >> 32;
    const t = <i64>limb(a, i) - <i64>(p & 0xffffffff) + borrow;
    setLimb(a, i, <u32>t);
    borrow = t >> 32;
  }
  bnTrim(a, n);
}

/** For r < 10s: returns floor(r / s) and leaves r mod s in r. */
function bnDigit(r: usize, s: usize): u32 {
  const n = bnLen(s);
  const rn = bnLen(r);
  if (rn < n) return 0;
  // Estimate from the top two limbs of s and the matching limbs of r; it is at most one too high
  // (the truncated parts change the ratio by less than 10 / 2**32), so one less is a lower bound.
  let rt = <f64>limb(r, n - 1) * 4294967296.0;
  let st = <f64>limb(s, n - 1) * 4294967296.0;
  if (n >= 2) {
    rt += <f64>limb(r, n - 2);
    st += <f64>limb(s, n - 2);
  }
  if (rn > n) rt += <f64>limb(r, n) * 18446744073709551616.0;
  let q = <u32>(rt / st);
  if (q > 0) q--;
  if (q > 0) bnSubMul(r, s, q);
  while (bnCmp(r, s) >= 0) {
    bnSubMul(r, s, 1);
    q++;
  }
  return q;
}

// ---------------------------------------------------------------------------------------------------
// Digit generation. Results: digN ASCII digits in DIG, value = 0.DIG * 10**digPoint (CPython's
// "decpt"); zero is "0" with digPoint 1. Trailing zeros are never kept (dtoa drops them too).

/** Enough for every digit a double's exact value has (at most 767 significant ones). */
export const DIG_CAP: i32 = 800;
export const DIG: usize = memory.data(DIG_CAP + 8, 8);
export let digN: i32 = 0;
export let digPoint: i32 = 0;

/** ceil(log10(2**e2)) lowered a little: never above the true decimal exponent of a value >= 2**e2. */
function estimateK(e2: i32): i32 {
  return <i32>Math.ceil(<f64>e2 * 0.30102999566398114 - 1e-9);
}

function bitLength(v: u64): i32 {
  return 64 - <i32>clz(v);
}

/** Splits |x| (finite, nonzero) into f * 2**e with f an integer; returns e, f in splitF. */
let splitF: u64 = 0;
function split(x: f64): i32 {
  const bits = reinterpret<u64>(x);
  const biased = <i32>((bits >> 52) & 0x7ff);
  const m = bits & 0xfffffffffffff;
  if (biased == 0) {
    splitF = m;
    return -1074;
  }
  splitF = m | (<u64>1 << 52);
  return biased - 1075;
}

function setZero(): void {
  store<u8>(DIG, 0x30);
  digN = 1;
  digPoint = 1;
}

function stripZeros(): void {
  while (digN > 0 && load<u8>(DIG + <usize>(digN - 1)) == 0x30) digN--;
}

/** Shortest round-tripping digits of |x| (finite). */
export function digitsShortest(x: f64): void {
  if (x == 0) {
    setZero();
    return;
  }
  const e = split(x);
  const f = splitF;
  if (e >= -52 && e <= 0) {
    // An integer below 2**53 when its fraction bits are zero: its own digits are the shortest.
    const shift = <u64>(-e);
    if ((f & ((<u64>1 << shift) - 1)) == 0) {
      integerDigits(f >> shift);
      return;
    }
  }
  const even = (f & 1) == 0;
  // The gap below a power of two (other than the smallest normal) is half the gap above it.
  const unequal = f == (<u64>1 << 52) && e > -1074;
  if (e >= 0) {
    bnSetU64(R, f);
    bnShl(R, e + (unequal ? 2 : 1));
    bnSetU64(S, unequal ? 4 : 2);
    bnSetU64(MP, 1);
    bnShl(MP, unequal ? e + 1 : e);
    bnSetU64(MM, 1);
    bnShl(MM, e);
  } else {
    bnSetU64(R, unequal ? f << 2 : f << 1);
    bnSetU64(S, 1);
    bnShl(S, unequal ? 2 - e : 1 - e);
    bnSetU64(MP, unequal ? 2 : 1);
    bnSetU64(MM, 1);
  }
  let k = estimateK(e + bitLength(f) - 1);
  // MM is only kept apart when it differs from MP.
  if (k >= 0) {
    bnMulPow10(S, k);
  } else {
    bnMulPow10(R, -k);
    bnMulPow10(MP, -k);
    if (unequal) bnMulPow10(MM, -k);
  }
  // Make the upper end of the interval fall below 1 (or reach it only when it is excluded).
  for (;;) {
    const c = bnAddCmp(R, MP, S);
    if (c < 0 || (c == 0 && !even)) break;
    bnMulSmall(S, 10);
    k++;
  }
  digPoint = k;
  let n = 0;
  let done = false;
  while (!done) {
    bnMulSmall(R, 10);
    bnMulSmall(MP, 10);
    if (unequal) bnMulSmall(MM, 10);
    let d = bnDigit(R, S);
    const cl = bnCmp(R, unequal ? MM : MP);
    const low = cl < 0 || (cl == 0 && even);
    const ch = bnAddCmp(R, MP, S);
    const high = ch > 0 || (ch == 0 && even);
    if (low && high) {
      // Both ends reachable: the nearer digit, the even one on a tie.
      const c = bnCmpTwice(R, S);
      if (c > 0 || (c == 0 && (d & 1) != 0)) d++;
    } else if (high) {
      d++;
    }
    store<u8>(DIG + <usize>n, <u8>(0x30 + d));
    n++;
    done = low || high;
  }
  digN = n;
  stripZeros();
}

function integerDigits(v: u64): void {
  let n = 0;
  let t = v;
  while (t > 0) {
    t /= 10;
    n++;
  }
  digPoint = n;
  for (let i = n - 1; i >= 0; i--) {
    store<u8>(DIG + <usize>i, <u8>(0x30 + <u32>(v % 10)));
    v /= 10;
  }
  digN = n;
  stripZeros();
}

/**
 * |x| (finite) rounded half to even: mode 2 keeps `nd` (>= 1) significant digits, mode 3 keeps the
 * digits down to 10**-nd (nd may be negative; no digit at all, digN = 0 and digPoint = -nd, when the
 * value rounds to zero there).
 */
export function digitsFixed(x: f64, mode: i32, nd: i64): void {
  if (x == 0) {
    setZero();
    return;
  }
  const e = split(x);
  const f = splitF;
  bnSetU64(R, f);
  bnSetU64(S, 1);
  if (e >= 0) bnShl(R, e);
  else bnShl(S, -e);
  let k = estimateK(e + bitLength(f) - 1);
  if (k >= 0) bnMulPow10(S, k);
  else bnMulPow10(R, -k);
  while (bnCmp(R, S) >= 0) {
    bnMulSmall(S, 10);
    k++;
  }
  // Now r/s is in [0.1, 1) and |x| = r/s * 10**k.
  const want: i64 = mode == 2 ? nd : <i64>k + nd;
  if (want <= 0) {
    // Rounds to 0 or to one unit of 10**-nd (only when want is 0 and the value passes half of it).
    if (want == 0 && bnCmpTwice(R, S) > 0) {
      store<u8>(DIG, 0x31);
      digN = 1;
      digPoint = k + 1;
    } else {
      digN = 0;
      digPoint = <i32>-nd;
    }
    return;
  }
  let n = 0;
  let exact = false;
  while (<i64>n < want) {
    if (bnLen(R) == 0) {
      exact = true;
      break;
    }
    bnMulSmall(R, 10);
    const d = bnDigit(R, S);
    store<u8>(DIG + <usize>n, <u8>(0x30 + d));
      n++;
  }
  digN = n;
  digPoint = k;
  if (!exact && bnLen(R) != 0) {
    const c = bnCmpTwice(R, S);
    if (c > 0 || (c == 0 && (load<u8>(DIG + <usize>(n - 1)) & 1) != 0)) roundUp();
  }
  stripZeros();
}

/** Adds one unit in the last digit, carrying through nines. */
function roundUp(): void {
  let i = digN - 1;
  while (i >= 0 && load<u8>(DIG + <usize>i) == 0x39) i--;
  if (i < 0) {
    store<u8>(DIG, 0x31);
    digN = 1;
    digPoint++;
    return;
  }
  store<u8>(DIG + <usize>i, load<u8>(DIG + <usize>i) + 1);
  digN = i + 1;
}

// ---------------------------------------------------------------------------------------------------
// Layout: PyOS_double_to_string's text for a code 'e', 'f', 'g' or 'r' (repr's shortest). The text
// is  [-] <zeros> <digits> <zeros> [e<sign><at least 2 digits>]  with one '.' somewhere in it: a
// window [numStart, numEnd) over the digits padded with zeros on both sides, the point after
// position numPoint.

export const NUM_FINITE: i32 = 0;
export const NUM_INF: i32 = 1;
export const NUM_NAN: i32 = 2;
export let numKind: i32 = NUM_FINITE;
export let numNegative: bool = false;
let numPoint: i64 = 0;
let numStart: i64 = 0;
let numEnd: i64 = 0;
let numUseExp: bool = false;
let numExp: i32 = 0;
let numAlt: bool = false;
let numUpper: bool = false;

/**
 * Computes the digits and layout of x for `code` ('e', 'f', 'g', 'r'; lowercase) with `precision`
 * as PyOS_double_to_string takes it; returns an upper bound of the text's length (numWrite gives the
 * exact one). addDot0: repr's ".0" for integral values; alt: '#'; noNeg0: 'z'; upper: 'E'/'F'/'G'.
 */
export function numPrepare(x: f64, code: u32, precision: i64, addDot0: bool, alt: bool, noNeg0: bool, upper: bool): i64 {
  numAlt = alt;
  numUpper = upper;
  numNegative = (reinterpret<u64>(x) >> 63) != 0;
  if (isNaN(x)) {
    numKind = NUM_NAN;
    numNegative = false; // the sign of a NaN is never shown
    return 4;
  }
  numKind = isFinite(x) ? NUM_FINITE : NUM_INF;
  if (numKind == NUM_INF) return 4;
  const a = Math.abs(x);
  let end: i64 = 0;
  if (code == 0x65 /* e */) {
    digitsFixed(a, 2, precision + 1);
  } else if (code == 0x66 /* f */) {
    digitsFixed(a, 3, precision);
  } else if (code == 0x67 /* g */) {
    digitsFixed(a, 2, precision == 0 ? 1 : precision);
  } else {
    digitsShortest(a);
  }
  if (noNeg0 && numNegative && (digN == 0 || (digN == 1 && load<u8>(DIG) == 0x30))) numNegative = false;
  let point = <i64>digPoint;
  end = <i64>digN;
  let useExp = false;
  if (code == 0x65) {
    useExp = true;
    end = precision + 1;
  } else if (code == 0x66) {
    end = point + precision;
  } else if (code == 0x67) {
    const p: i64 = precision == 0 ? 1 : precision;
    if (point <= -4 || point > (addDot0 ? p - 1 : p)) useExp = true;
    if (alt) end = p;
  } else {
    if (point <= -4 || point > 16) useExp = true;
  }
  numUseExp = useExp;
  if (useExp) {
    numExp = <i32>(point - 1);
    point = 1;
  }
  const start: i64 = point <= 0 ? point - 1 : 0;
  if (!useExp && addDot0) end = end > point ? end : point + 1;
  else end = end > point ? end : point;
  numPoint = point;
  numStart = start;
  numEnd = end;
  return 1 + (end - start) + 1 + 6;
}

/** Writes the text numPrepare laid out (ASCII bytes at out); returns its length. */
export function numWrite(out: usize): usize {
  let p = out;
  if (numNegative) store<u8>(p++, 0x2d);
  if (numKind != NUM_FINITE) {
    const word = numKind == NUM_INF ? (numUpper ? "INF" : "inf") : numUpper ? "NAN" : "nan";
    for (let i = 0; i < 3; i++) store<u8>(p++, <u8>word.charCodeAt(i));
    return p - out;
  }
  const n = <i64>digN;
  const point = numPoint;
  if (point <= 0) {
    p = fillZeros(p, point - numStart);
    store<u8>(p++, 0x2e);
    p = fillZeros(p, -point);
  } else {
    p = fillZeros(p, -numStart);
  }
  if (point > 0 && point <= n) {
    memory.copy(p, DIG, <usize>point);
    p += <usize>point;
    store<u8>(p++, 0x2e);
    memory.copy(p, DIG + <usize>point, <usize>(n - point));
    p += <usize>(n - point);
  } else {
    memory.copy(p, DIG, <usize>n);
    p += <usize>n;
  }
  if (n < point) {
    p = fillZeros(p, point - n);
    store<u8>(p++, 0x2e);
    p = fillZeros(p, numEnd - point);
  } else {
    p = fillZeros(p, numEnd - n);
  }
  if (load<u8>(p - 1) == 0x2e && !numAlt) p--;
  if (numUseExp) {
    store<u8>(p++, numUpper ? 0x45 : 0x65);
    let e = numExp;
    store<u8>(p++, e < 0 ? 0x2d : 0x2b);
    if (e < 0) e = -e;
    if (e >= 100) {
      store<u8>(p++, <u8>(0x30 + e / 100));
      e %= 100;
    }
    store<u8>(p++, <u8>(0x30 + e / 10));
    store<u8>(p++, <u8>(0x30 + e % 10));
  }
  return p - out;
}

function fillZeros(p: usize, n: i64): usize {
  if (n <= 0) return p;
  memory.fill(p, 0x30, <usize>n);
  return p + <usize>n;
}

// ---------------------------------------------------------------------------------------------------

const REPR_BUF: usize = memory.data(64, 8);

/** A new ASCII str holding the `n` bytes at src; 0 (MemoryError) when out of memory. */
export function asciiStr(src: usize, n: usize): usize {
  const s = strAlloc(n, 1);
  if (s == 0) return 0;
  memory.copy(strData(s), src, n);
  changetype<StrObject>(s).ascii = 1;
  return s;
}

/** repr(x) as a new str object: shortest digits, exponent form below 1e-4 and from 1e16 on. */
export function floatRepr(x: f64): usize {
  numPrepare(x, 0x72 /* r */, 0, true, false, false, false);
  return asciiStr(REPR_BUF, numWrite(REPR_BUF));
}

/** str(x): the same as repr(x) since Python 3.2. */
export function floatStr(x: f64): usize {
  return floatRepr(x);
}

/** repr(x) without the ".0" of integral values: how complex's repr shows its parts ("1e+16", "2"). */
export function floatReprNoDot(x: f64): usize {
  numPrepare(x, 0x72 /* r */, 0, false, false, false, false);
  return asciiStr(REPR_BUF, numWrite(REPR_BUF));
}
