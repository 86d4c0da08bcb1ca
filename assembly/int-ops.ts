/**
 * int arithmetic, CPython 3.11-exact: every operator, conversions to and from float and str.
 *
 * Every function takes int Values (borrowed: small ints or big ints, int.ts) and returns a new
 * reference (canonical: a small int whenever the value fits) or NULL with an exception raised.
 * Small operands take inline fast paths; the rest work on magnitudes, arrays of 30-bit digits
 * (u32, least significant first), with the sign kept apart:
 *
 * - add/sub: schoolbook with carries, the result written straight into the new object;
 * - mul: schoolbook below KARATSUBA_CUTOFF digits, Karatsuba above (lopsided operands are cut into
 *   balanced slices); recursion depth is O(log n);
 * - divmod: one-digit division, else Knuth's algorithm D (TAOCP 4.3.1) on normalized operands;
 * - bitwise ops on negatives: two's complement over max(n) + 1 digits, as Python defines them;
 * - float conversions round once, half to even (scaleRound), so int -> float, int / int and the
 *   exact int-float comparison agree with CPython bit for bit;
 * - str conversions: bases 2/8/16 bit by bit (linear), other bases by chunks of base**k (quadratic,
 *   fast at the 4300-digit default limit); the limit is `maxStrDigits` (setIntMaxStrDigits).
 *
 * Failure conventions: Value results are NULL on error; intToF64 returns NaN and sets
 * `intToF64Failed` (cleared on success); intCompareF64 returns INT_CMP_UNORDERED (2) for a NaN.
 */
import { alloc, free } from "./heap";
import { Value, NULL, makeSmallInt, getSmallInt, fitsSmallInt, SMALL_INT_MIN } from "./values";
import {
  BIGINT_HEADER_SIZE,
  DIGIT_MASK,
  bigAlloc,
  bigNDigits,
  bigSign,
  intFromI64,
  intFromU64,
} from "./int";
import { floatNew } from "./float";
import { tupleAlloc, tupleSetItem } from "./tuple";
import { strAlloc, strData, strLength, strKind, StrObject } from "./str";
import { incref, decref } from "./refcount";
import {
  raiseMsg,
  raiseBegin,
  raiseMemory,
  errText,
  errInt,
  errCodePoint,
  EXC_ValueError,
  EXC_OverflowError,
  EXC_ZeroDivisionError,
  EXC_SystemError,
} from "./types";

/** sys.int_max_str_digits: 0 = unlimited, else >= 640 (sys.set_int_max_str_digits validates). */
export let maxStrDigits: i32 = 4300;
/** Set by intToF64: true when it raised OverflowError (its result is then NaN). */
export let intToF64Failed: bool = false;
/** intCompareF64's result when the float is a NaN (every ordering is false, != is true). */
export const INT_CMP_UNORDERED: i32 = 2;

export function intSetMaxStrDigits(n: i32): void {
  maxStrDigits = n;
}
export function intGetMaxStrDigits(): i32 {
  return maxStrDigits;
}
// the same under the names mod-sys.ts has used
export function setIntMaxStrDigits(n: i32): void {
  maxStrDigits = n;
}
export function intMaxStrDigits(): i32 {
  return maxStrDigits;
}

const SHIFT: u32 = 30;
const MASK: u32 = DIGIT_MASK;
const KARATSUBA_CUTOFF: usize = 70;
/** Results beyond this many bits are refused up front (MemoryError): wasm32 could never hold them. */
const MAX_RESULT_BITS: f64 = 34359738368.0; // 2**35

const ZERO: Value = 1; // makeSmallInt(0)
const ONE: Value = 3; // makeSmallInt(1)

// ---------------------------------------------------------------------------------------------------
// Digit arrays

// @ts-ignore: decorator
@inline function dg(p: usize, i: usize): u32 {
  return load<u32>(p + (i << 2));
}
// @ts-ignore: decorator
@inline function setDg(p: usize, i: usize, v: u32): void {
  store<u32>(p + (i << 2), v);
}
// @ts-ignore: decorator
@inline function digitsOf(obj: usize): usize {
  return obj + BIGINT_HEADER_SIZE;
}

/** A zeroed scratch array of n digits (at least one), or 0 after raising MemoryError. */
function tmpAlloc(n: usize): usize {
  if (n > 0x3ffffff0) return raiseMemory();
  const p = alloc(n == 0 ? 4 : n << 2);
  if (p == 0) return raiseMemory();
  return p;
}
function tmpFree(p: usize, n: usize): void {
  free(p, n == 0 ? 4 : n << 2);
}

function normLen(d: usize, n: usize): usize {
  while (n > 0 && dg(d, n - 1) == 0) n--;
  return n;
}

// Operand unpacking: a small int is spread into 30-bit digits in a static scratch slot, so every
// slow path sees (digits, length, negative). Nothing here re-enters, so one slot per operand will do.
const SLOT_A: usize = memory.data(16, 8);
const SLOT_B: usize = memory.data(16, 8);
const SLOT_C: usize = memory.data(16, 8);
let uD: usize = 0;
let uN: usize = 0;
let uNeg: bool = false;

function unpack(v: Value, slot: usize): void {
  if ((v & 1) != 0) {
    const n = getSmallInt(v);
    uNeg = n < 0;
    let m: u64 = uNeg ? <u64>0 - <u64>n : <u64>n;
    let k: usize = 0;
    while (m != 0) {
      setDg(slot, k++, <u32>(m & <u64>MASK));
      m >>= SHIFT;
    }
    uD = slot;
    uN = k;
  } else {
    const p = <usize>v;
    uD = digitsOf(p);
    uN = <usize>bigNDigits(p);
    uNeg = bigSign(p) < 0;
  }
}

/** The int of magnitude d[0..n) (leading zeros allowed), negated when `neg`. */
function fromMag(d: usize, n: usize, neg: bool): Value {
  n = normLen(d, n);
  if (n <= 3 && (n < 3 || dg(d, 2) < 4)) {
    let m: u64 = 0;
    for (let i = <isize>n - 1; i >= 0; i--) m = (m << SHIFT) | <u64>dg(d, <usize>i);
    return makeSmallInt(neg ? -<i64>m : <i64>m);
  }
  if (neg && n == 3 && dg(d, 2) == 4 && dg(d, 1) == 0 && dg(d, 0) == 0) return makeSmallInt(SMALL_INT_MIN);
  const p = bigAlloc(n, neg);
  if (p == 0) return NULL;
  memory.copy(digitsOf(p), d, n << 2);
  return <Value>p;
}

/** Canonical form of a freshly computed big int: drops leading zero digits (by copying), or small. */
function finishBig(p: usize): Value {
  const n0 = <usize>bigNDigits(p);
  const n = normLen(digitsOf(p), n0);
  if (n == n0 && n > 3) return <Value>p;
  const v = fromMag(digitsOf(p), n, bigSign(p) < 0);
  free(p, BIGINT_HEADER_SIZE + (n0 << 2));
  return v;
}

function magCmp(a: usize, na: usize, b: usize, nb: usize): i32 {
  if (na != nb) return na > nb ? 1 : -1;
  for (let i = <isize>na - 1; i >= 0; i--) {
    const x = dg(a, <usize>i);
    const y = dg(b, <usize>i);
    if (x != y) return x > y ? 1 : -1;
  }
  return 0;
}

/** r[0..na) = a + b (na >= nb); returns the carry out. r may alias a or b. */
function magAdd(r: usize, a: usize, na: usize, b: usize, nb: usize): u32 {
  let c: u32 = 0;
  let i: usize = 0;
  for (; i < nb; i++) {
    const s = dg(a, i) + dg(b, i) + c;
    setDg(r, i, s & MASK);
    c = s >> SHIFT;
  }
  for (; i < na; i++) {
    const s = dg(a, i) + c;
    setDg(r, i, s & MASK);
    c = s >> SHIFT;
  }
  return c;
}

/** r[0..na) = a - b (na >= nb, a >= b); returns the borrow out (0 when a >= b). r may alias a or b. */
function magSub(r: usize, a: usize, na: usize, b: usize, nb: usize): u32 {
  let br: u32 = 0;
  let i: usize = 0;
  for (; i < nb; i++) {
    const t = dg(a, i) - dg(b, i) - br;
    setDg(r, i, t & MASK);
    br = t >> 31;
  }
  for (; i < na; i++) {
    const t = dg(a, i) - br;
    setDg(r, i, t & MASK);
    br = t >> 31;
  }
  return br;
}

/** a[0..na) += b[0..nb), the carry running on through a (which must have room for the sum). */
function magAddInPlace(a: usize, na: usize, b: usize, nb: usize): void {
  let c: u32 = 0;
  let i: usize = 0;
  for (; i < nb; i++) {
    const s = dg(a, i) + dg(b, i) + c;
    setDg(a, i, s & MASK);
    c = s >> SHIFT;
  }
  for (; c != 0 && i < na; i++) {
    const s = dg(a, i) + c;
    setDg(a, i, s & MASK);
    c = s >> SHIFT;
  }
}

/** Adds 1 to d[0..n) in place; returns the carry out. */
function magIncrement(d: usize, n: usize): u32 {
  for (let i: usize = 0; i < n; i++) {
    const s = dg(d, i) + 1;
    if (s <= MASK) {
      setDg(d, i, s);
      return 0;
    }
    setDg(d, i, 0);
  }
  return 1;
}

// @ts-ignore: decorator
@inline function bitLen32(x: u32): u32 {
  return 32 - clz<u32>(x);
}

/** Bit length of a normalized magnitude (fits u64 for any array wasm32 can hold). */
function magBitLength(d: usize, n: usize): u64 {
  if (n == 0) return 0;
  return <u64>(n - 1) * SHIFT + <u64>bitLen32(dg(d, n - 1));
}

// ---------------------------------------------------------------------------------------------------
// Comparison and predicates

export function intIsZero(v: Value): bool {
  return v == ZERO;
}

export function intSign(v: Value): i32 {
  if ((v & 1) != 0) {
    const n = getSmallInt(v);
    return n > 0 ? 1 : n < 0 ? -1 : 0;
  }
  return bigSign(<usize>v);
}

export function intEq(a: Value, b: Value): bool {
  if (a == b) return true;
  if (((a | b) & 1) != 0) return false; // a small int never equals a different small or any big int
  const p = <usize>a;
  const q = <usize>b;
  const n = bigNDigits(p);
  if (n != bigNDigits(q) || bigSign(p) != bigSign(q)) return false;
  return memory.compare(digitsOf(p), digitsOf(q), <usize>n << 2) == 0;
}

/** -1, 0 or 1 as a <, ==, > b. */
export function intCompare(a: Value, b: Value): i32 {
  if ((a & b & 1) != 0) {
    const x = getSmallInt(a);
    const y = getSmallInt(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  // A big int is farther from zero than any small one.
  if ((a & 1) != 0) return -bigSign(<usize>b);
  if ((b & 1) != 0) return bigSign(<usize>a);
  const p = <usize>a;
  const q = <usize>b;
  const s = bigSign(p);
  if (s != bigSign(q)) return s;
  const c = magCmp(digitsOf(p), <usize>bigNDigits(p), digitsOf(q), <usize>bigNDigits(q));
  return s < 0 ? -c : c;
}

// ---------------------------------------------------------------------------------------------------
// Addition, subtraction, negation

export function intAdd(a: Value, b: Value): Value {
  if ((a & b & 1) != 0) return intFromI64(getSmallInt(a) + getSmallInt(b));
  return addSlow(a, b, false);
}

export function intSub(a: Value, b: Value): Value {
  if ((a & b & 1) != 0) return intFromI64(getSmallInt(a) - getSmallInt(b));
  return addSlow(a, b, true);
}

function addSlow(a: Value, b: Value, negateB: bool): Value {
  unpack(a, SLOT_A);
  const ad = uD, an = uN, aneg = uNeg;
  unpack(b, SLOT_B);
  return addMags(ad, an, aneg, uD, uN, uNeg != negateB);
}

/** (+-a) + (+-b) on normalized magnitudes. */
function addMags(ad: usize, an: usize, aneg: bool, bd: usize, bn: usize, bneg: bool): Value {
  if (bn == 0) return fromMag(ad, an, aneg);
  if (an == 0) return fromMag(bd, bn, bneg);
  if (aneg == bneg) return an >= bn ? magAddNew(ad, an, bd, bn, aneg) : magAddNew(bd, bn, ad, an, aneg);
  const c = magCmp(ad, an, bd, bn);
  if (c == 0) return ZERO;
  return c > 0 ? magSubNew(ad, an, bd, bn, aneg) : magSubNew(bd, bn, ad, an, bneg);
}

function magAddNew(a: usize, na: usize, b: usize, nb: usize, neg: bool): Value {
  const p = bigAlloc(na, neg);
  if (p == 0) return NULL;
  if (magAdd(digitsOf(p), a, na, b, nb) == 0) return finishBig(p);
  // carry out: one digit more (rare enough not to size for it up front)
  const q = bigAlloc(na + 1, neg);
  if (q != 0) {
    memory.copy(digitsOf(q), digitsOf(p), na << 2);
    setDg(digitsOf(q), na, 1);
  }
  free(p, BIGINT_HEADER_SIZE + (na << 2));
  return <Value>q;
}

function magSubNew(a: usize, na: usize, b: usize, nb: usize, neg: bool): Value {
  const p = bigAlloc(na, neg);
  if (p == 0) return NULL;
  magSub(digitsOf(p), a, na, b, nb);
  return finishBig(p);
}

export function intNeg(a: Value): Value {
  if ((a & 1) != 0) return intFromI64(-getSmallInt(a));
  const p = <usize>a;
  return fromMag(digitsOf(p), <usize>bigNDigits(p), bigSign(p) > 0);
}

export function intAbs(a: Value): Value {
  if ((a & 1) != 0) {
    const n = getSmallInt(a);
    return intFromI64(n < 0 ? -n : n);
  }
  const p = <usize>a;
  if (bigSign(p) > 0) {
    incref(a);
    return a;
  }
  return fromMag(digitsOf(p), <usize>bigNDigits(p), false);
}

/** ~a == -(a + 1) */
export function intInvert(a: Value): Value {
  if ((a & 1) != 0) return makeSmallInt(~getSmallInt(a));
  unpack(a, SLOT_A);
  const ad = uD, an = uN, aneg = uNeg;
  unpack(ONE, SLOT_B);
  return addMags(ad, an, !aneg, uD, uN, true);
}

// ---------------------------------------------------------------------------------------------------
// Multiplication

export function intMul(a: Value, b: Value): Value {
  if ((a & b & 1) != 0) {
    const x = getSmallInt(a);
    const y = getSmallInt(b);
    const mx = x < 0 ? <u64>0 - <u64>x : <u64>x;
    const my = y < 0 ? <u64>0 - <u64>y : <u64>y;
    // bit lengths adding up to <= 62 bound the product below 2**62: no overflow
    if (<u32>clz<u64>(mx) + <u32>clz<u64>(my) >= 66) return intFromI64(x * y);
  }
  unpack(a, SLOT_A);
  const ad = uD, an = uN, aneg = uNeg;
  unpack(b, SLOT_B);
  const bd = uD, bn = uN, bneg = uNeg;
  if (an == 0 || bn == 0) return ZERO;
  return mulMags(ad, an, bd, bn, aneg != bneg);
}

function mulMags(ad: usize, an: usize, bd: usize, bn: usize, neg: bool): Value {
  if (bn == 1) return mulDigitNew(ad, an, dg(bd, 0), neg);
  if (an == 1) return mulDigitNew(bd, bn, dg(ad, 0), neg);
  const p = bigAlloc(an + bn, neg);
  if (p == 0) return NULL;
  if (!magMul(ad, an, bd, bn, digitsOf(p))) {
    free(p, BIGINT_HEADER_SIZE + ((an + bn) << 2));
    return NULL;
  }
  return finishBig(p);
}

/**
 * a * x for one digit x, sized from the top digit when that decides it (factorial-style loops
 * would otherwise copy every result to drop a zero top digit).
 */
function mulDigitNew(a: usize, n: usize, x: u32, neg: bool): Value {
  const top = <u64>dg(a, n - 1);
  const short = (top + 1) * <u64>x <= <u64>MASK; // a * x < (top + 1) x base**(n-1) <= base**n
  const len = short ? n : n + 1;
  const p = bigAlloc(len, neg);
  if (p == 0) return NULL;
  const r = digitsOf(p);
  let c: u64 = 0;
  const xx = <u64>x;
  for (let i: usize = 0; i < n; i++) {
    const t = <u64>load<u32>(a + (i << 2)) * xx + c;
    store<u32>(r + (i << 2), <u32>t & MASK);
    c = t >> SHIFT;
  }
  if (!short) setDg(r, n, <u32>c);
  return finishBig(p);
}

/** r[0..na+nb) = a * b (every digit of r written; r must not overlap a or b). false: MemoryError. */
function magMul(a: usize, na: usize, b: usize, nb: usize, r: usize): bool {
  if (na > nb) {
    const t = a;
    a = b;
    b = t;
    const tn = na;
    na = nb;
    nb = tn;
  }
  if (na < KARATSUBA_CUTOFF) {
    mulSchool(a, na, b, nb, r);
    return true;
  }
  if ((na << 1) <= nb) return mulLopsided(a, na, b, nb, r);
  return mulKaratsuba(a, na, b, nb, r);
}

function mulSchool(a: usize, na: usize, b: usize, nb: usize, r: usize): void {
  memory.fill(r, 0, (na + nb) << 2);
  for (let i: usize = 0; i < na; i++) {
    const x = <u64>dg(a, i);
    if (x == 0) continue;
    let c: u64 = 0;
    const ri = r + (i << 2);
    for (let j: usize = 0; j < nb; j++) {
      const t = <u64>load<u32>(ri + (j << 2)) + x * <u64>load<u32>(b + (j << 2)) + c;
      store<u32>(ri + (j << 2), <u32>t & MASK);
      c = t >> SHIFT;
    }
    setDg(ri, nb, <u32>c);
  }
}

/** b much longer than a: multiply a by na-digit slices of b, adding each product in place. */
function mulLopsided(a: usize, na: usize, b: usize, nb: usize, r: usize): bool {
  memory.fill(r, 0, (na + nb) << 2);
  const t = tmpAlloc(2 * na);
  if (t == 0) return false;
  let done: usize = 0;
  while (done < nb) {
    const cn = min(na, nb - done);
    if (!magMul(a, na, b + (done << 2), cn, t)) {
      tmpFree(t, 2 * na);
      return false;
    }
    magAddInPlace(r + (done << 2), na + nb - done, t, na + cn);
    done += cn;
  }
  tmpFree(t, 2 * na);
  return true;
}

/**
 * Karatsuba (na <= nb < 2 na): with B = base**k, a = a1 B + a0, b = b1 B + b0,
 * a b = a1 b1 B**2 + ((a0 + a1)(b0 + b1) - a0 b0 - a1 b1) B + a0 b0.
 */
function mulKaratsuba(a: usize, na: usize, b: usize, nb: usize, r: usize): bool {
  const k = nb >> 1;
  const a1n = na - k;
  const b1n = nb - k;
  const a1 = a + (k << 2);
  const b1 = b + (k << 2);
  // a0 b0 -> r[0..2k), a1 b1 -> r[2k..na+nb)
  if (!magMul(a, k, b, k, r)) return false;
  if (!magMul(a1, a1n, b1, b1n, r + ((2 * k) << 2))) return false;
  const square = a == b && na == nb;
  const t1n = max(k, a1n) + 1;
  const t2n = square ? t1n : max(k, b1n) + 1;
  const t3n = t1n + t2n;
  const total = t1n + t2n + t3n;
  const tmp = tmpAlloc(total);
  if (tmp == 0) return false;
  const t1 = tmp;
  const t2 = tmp + (t1n << 2);
  const t3 = t2 + (t2n << 2);
  setDg(t1, t1n - 1, a1n >= k ? magAdd(t1, a1, a1n, a, k) : magAdd(t1, a, k, a1, a1n));
  if (!square) setDg(t2, t2n - 1, b1n >= k ? magAdd(t2, b1, b1n, b, k) : magAdd(t2, b, k, b1, b1n));
  if (!magMul(t1, t1n, square ? t1 : t2, t2n, t3)) {
    tmpFree(tmp, total);
    return false;
  }
  magSub(t3, t3, t3n, r, 2 * k);
  magSub(t3, t3, t3n, r + ((2 * k) << 2), a1n + b1n);
  magAddInPlace(r + (k << 2), na + nb - k, t3, normLen(t3, t3n));
  tmpFree(tmp, total);
  return true;
}

// ---------------------------------------------------------------------------------------------------
// Division

/** q[0..n) = a / d, returns a % d (d < 2**30 nonzero; q may alias a). */
function magDivRem1(a: usize, n: usize, d: u32, q: usize): u32 {
  let rem: u64 = 0;
  const dd = <u64>d;
  for (let i = <isize>n - 1; i >= 0; i--) {
    const cur = (rem << SHIFT) | <u64>dg(a, <usize>i);
    const qq = cur / dd;
    setDg(q, <usize>i, <u32>qq);
    rem = cur - qq * dd;
  }
  return <u32>rem;
}

/** d[0..n) <<= s (s < 30) into r; returns the bits shifted out of the top. r may alias d. */
function shlSmall(r: usize, d: usize, n: usize, s: u32): u32 {
  let c: u32 = 0;
  for (let i: usize = 0; i < n; i++) {
    const x = dg(d, i);
    setDg(r, i, ((x << s) & MASK) | c);
    c = s == 0 ? 0 : x >> (SHIFT - s);
  }
  return c;
}

/** d[0..n) >>= s (s < 30) into r (r may alias d). */
function shrSmall(r: usize, d: usize, n: usize, s: u32): void {
  let c: u32 = 0;
  for (let i = <isize>n - 1; i >= 0; i--) {
    const x = dg(d, <usize>i);
    setDg(r, <usize>i, (x >> s) | c);
    c = s == 0 ? 0 : (x << (SHIFT - s)) & MASK;
  }
}

/**
 * Knuth's algorithm D: q[0..na-nb+1) = a / b, r[0..nb) = a % b, for nb >= 2, na >= nb, b normalized.
 * false: MemoryError.
 */
function magDivKnuth(a: usize, na: usize, b: usize, nb: usize, q: usize, r: usize): bool {
  const tmpN = na + 1 + nb;
  const tmp = tmpAlloc(tmpN);
  if (tmp == 0) return false;
  const u = tmp;
  const v = tmp + ((na + 1) << 2);
  const s = clz<u32>(dg(b, nb - 1)) - 2; // brings v's top digit to [2**29, 2**30)
  shlSmall(v, b, nb, s);
  setDg(u, na, shlSmall(u, a, na, s));
  const vtop = <u64>dg(v, nb - 1);
  const vsec = <u64>dg(v, nb - 2);
  for (let j = <isize>(na - nb); j >= 0; j--) {
    const uj = u + (<usize>j << 2);
    const num = (<u64>dg(uj, nb) << SHIFT) | <u64>dg(uj, nb - 1);
    let qhat = num / vtop;
    let rhat = num - qhat * vtop;
    const u2 = <u64>dg(uj, nb - 2);
    while (qhat > <u64>MASK || qhat * vsec > ((rhat << SHIFT) | u2)) {
      qhat--;
      rhat += vtop;
      if (rhat > <u64>MASK) break;
    }
    // uj[0..nb] -= qhat * v
    let borrow: i64 = 0;
    let carry: u64 = 0;
    for (let i: usize = 0; i < nb; i++) {
      const p = qhat * <u64>dg(v, i) + carry;
      carry = p >> SHIFT;
      const t = <i64>dg(uj, i) - <i64>(p & <u64>MASK) + borrow;
      setDg(uj, i, <u32>t & MASK);
      borrow = t >> SHIFT;
    }
    const top = <i64>dg(uj, nb) - <i64>carry + borrow;
    setDg(uj, nb, <u32>top & MASK);
    if (top < 0) {
      // qhat was one too large (probability ~2/base): add v back
      qhat--;
      let c: u32 = 0;
      for (let i: usize = 0; i < nb; i++) {
        const x = dg(uj, i) + dg(v, i) + c;
        setDg(uj, i, x & MASK);
        c = x >> SHIFT;
      }
      setDg(uj, nb, (dg(uj, nb) + c) & MASK);
    }
    setDg(q, <usize>j, <u32>qhat);
  }
  if (r != 0) shrSmall(r, u, nb, s);
  tmpFree(tmp, tmpN);
  return true;
}

// Results of divSlow (new references).
let divQ: Value = NULL;
let divR: Value = NULL;

const WANT_Q: i32 = 1;
const WANT_R: i32 = 2;

function raiseDivZero(want: i32): bool {
  raiseMsg(EXC_ZeroDivisionError, want == WANT_R ? "integer modulo by zero" : "integer division or modulo by zero");
  return false;
}

/** Floor division and/or modulo of any two ints into divQ/divR; false with an error raised. */
function divSlow(a: Value, b: Value, want: i32): bool {
  divQ = NULL;
  divR = NULL;
  unpack(a, SLOT_A);
  const ad = uD, an = uN, aneg = uNeg;
  unpack(b, SLOT_B);
  const bd = uD, bn = uN, bneg = uNeg;
  if (bn == 0) return raiseDivZero(want);
  // truncated magnitudes first: qm = |a| / |b| (qn + 1 digits: room for the floor's +1), rm = |a| % |b|
  const small = magCmp(ad, an, bd, bn) < 0;
  const qn: usize = small ? 1 : an - bn + 1;
  const rn = bn; // |a| < |b| keeps rm = |a| there, and the floor fix-up writes bn digits
  const tmpN = qn + 1 + rn;
  const tmp = tmpAlloc(tmpN);
  if (tmp == 0) return false;
  const qd = tmp;
  const rd = tmp + ((qn + 1) << 2);
  if (small) {
    memory.copy(rd, ad, an << 2);
  } else if (bn == 1) {
    setDg(rd, 0, magDivRem1(ad, an, dg(bd, 0), qd));
  } else {
    // The remainder is needed for %, and for a negative quotient's floor (is it nonzero?); a
    // quotient of same-signed ints skips un-normalizing it (pi_digits' (3*q + r) // t). rd is
    // then not read below: rlen only matters when qneg.
    const needR = (want & WANT_R) != 0 || aneg != bneg;
    if (!magDivKnuth(ad, an, bd, bn, qd, needR ? rd : 0)) {
      tmpFree(tmp, tmpN);
      return false;
    }
  }
  const rlen = normLen(rd, rn);
  const qneg = aneg != bneg;
  let rneg = aneg;
  if (qneg && rlen != 0) {
    // floor: q = -(qm + 1), r = sign(b) * (|b| - rm)
    setDg(qd, qn, magIncrement(qd, qn));
    magSub(rd, bd, bn, rd, rlen); // rd has bn digits of room (rlen <= bn == rn)
    rneg = bneg;
  }
  let ok = true;
  if ((want & WANT_Q) != 0) {
    divQ = fromMag(qd, qn + 1, qneg);
    ok = divQ != NULL;
  }
  if (ok && (want & WANT_R) != 0) {
    divR = fromMag(rd, rn, rneg);
    ok = divR != NULL;
    if (!ok && divQ != NULL) {
      decref(divQ);
      divQ = NULL;
    }
  }
  tmpFree(tmp, tmpN);
  return ok;
}

export function intFloorDiv(a: Value, b: Value): Value {
  if ((a & b & 1) != 0 && b != ZERO) {
    const x = getSmallInt(a);
    const y = getSmallInt(b);
    let q = x / y;
    if (x - q * y != 0 && (x ^ y) < 0) q--;
    return intFromI64(q);
  }
  return divSlow(a, b, WANT_Q) ? divQ : NULL;
}

export function intMod(a: Value, b: Value): Value {
  if ((a & b & 1) != 0 && b != ZERO) {
    const x = getSmallInt(a);
    const y = getSmallInt(b);
    let r = x % y;
    if (r != 0 && (r ^ y) < 0) r += y;
    return makeSmallInt(r);
  }
  return divSlow(a, b, WANT_R) ? divR : NULL;
}

/** divmod(a, b) as a new 2-tuple. */
export function intDivmod(a: Value, b: Value): Value {
  let q: Value, r: Value;
  if ((a & b & 1) != 0 && b != ZERO) {
    const x = getSmallInt(a);
    const y = getSmallInt(b);
    let qq = x / y;
    let rr = x - qq * y;
    if (rr != 0 && (rr ^ y) < 0) {
      qq--;
      rr += y;
    }
    q = intFromI64(qq);
    if (q == NULL) return NULL;
    r = makeSmallInt(rr);
  } else {
    if (!divSlow(a, b, WANT_Q | WANT_R)) return NULL;
    q = divQ;
    r = divR;
  }
  const t = tupleAlloc(2);
  if (t == 0) {
    decref(q);
    decref(r);
    return NULL;
  }
  tupleSetItem(t, 0, q);
  tupleSetItem(t, 1, r);
  return <Value>t;
}

// ---------------------------------------------------------------------------------------------------
// Bitwise operations

const OP_AND: i32 = 0;
const OP_OR: i32 = 1;
const OP_XOR: i32 = 2;

export function intAnd(a: Value, b: Value): Value {
  if ((a & b & 1) != 0) return a & b; // tag bits: 1 & 1 = 1
  return bitwiseSlow(a, b, OP_AND);
}
export function intOr(a: Value, b: Value): Value {
  if ((a & b & 1) != 0) return a | b;
  return bitwiseSlow(a, b, OP_OR);
}
export function intXor(a: Value, b: Value): Value {
  if ((a & b & 1) != 0) return (a ^ b) | 1;
  return bitwiseSlow(a, b, OP_XOR);
}

/** Writes the n-digit two's complement of +-d[0..dn) into t (n > dn). */
function toTwos(t: usize, d: usize, dn: usize, neg: bool, n: usize): void {
  memory.copy(t, d, dn << 2);
  if (!neg) return; // the rest is already zero
  // -m = ~(m - 1): complement every digit, then add one
  for (let i: usize = 0; i < n; i++) setDg(t, i, ~dg(t, i) & MASK);
  magIncrement(t, n);
}

function bitwiseSlow(a: Value, b: Value, op: i32): Value {
  unpack(a, SLOT_A);
  const ad = uD, an = uN, aneg = uNeg;
  unpack(b, SLOT_B);
  const bd = uD, bn = uN, bneg = uNeg;
  const n = max(an, bn) + 1; // one digit more holds the sign
  const tmp = tmpAlloc(2 * n);
  if (tmp == 0) return NULL;
  const x = tmp;
  const y = tmp + (n << 2);
  toTwos(x, ad, an, aneg, n);
  toTwos(y, bd, bn, bneg, n);
  for (let i: usize = 0; i < n; i++) {
    const p = dg(x, i);
    const q = dg(y, i);
    setDg(x, i, op == OP_AND ? p & q : op == OP_OR ? p | q : p ^ q);
  }
  const neg = (dg(x, n - 1) >> 29) != 0;
  if (neg) {
    for (let i: usize = 0; i < n; i++) setDg(x, i, ~dg(x, i) & MASK);
    magIncrement(x, n);
  }
  const v = fromMag(x, n, neg);
  tmpFree(tmp, 2 * n);
  return v;
}

// ---------------------------------------------------------------------------------------------------
// Shifts

/** The shift count as i64, or -1 when it is a big int (positive: "huge"); raises for negatives. */
function shiftCount(b: Value): i64 {
  if ((b & 1) != 0) {
    const n = getSmallInt(b);
    if (n < 0) {
      raiseMsg(EXC_ValueError, "negative shift count");
      return -2;
    }
    return n;
  }
  if (bigSign(<usize>b) < 0) {
    raiseMsg(EXC_ValueError, "negative shift count");
    return -2;
  }
  return -1;
}

export function intLshift(a: Value, b: Value): Value {
  if ((a & b & 1) != 0) {
    const x = getSmallInt(a);
    const s = getSmallInt(b);
    if (s >= 0 && s < 62) {
      const r = x << s;
      if (r >> s == x && fitsSmallInt(r)) return makeSmallInt(r);
    }
  }
  const count = shiftCount(b);
  if (count == -2) return NULL;
  if (a == ZERO) return ZERO;
  if (count == -1 || <f64>count + <f64>magBitLengthOf(a) > MAX_RESULT_BITS) return raiseMemory();
  unpack(a, SLOT_A);
  const ad = uD, an = uN, aneg = uNeg;
  const ws = <usize>(count / SHIFT);
  const bs = <u32>(count % SHIFT);
  const n = an + ws + 1;
  const p = bigAlloc(n, aneg);
  if (p == 0) return NULL;
  const r = digitsOf(p);
  setDg(r, an + ws, shlSmall(r + (ws << 2), ad, an, bs));
  return finishBig(p);
}

function magBitLengthOf(a: Value): u64 {
  unpack(a, SLOT_C);
  return magBitLength(uD, uN);
}

export function intRshift(a: Value, b: Value): Value {
  if ((a & b & 1) != 0) {
    const s = getSmallInt(b);
    if (s >= 0) return makeSmallInt(getSmallInt(a) >> (s > 63 ? 63 : s));
  }
  const count = shiftCount(b);
  if (count == -2) return NULL;
  unpack(a, SLOT_A);
  const ad = uD, an = uN, aneg = uNeg;
  const ws: u64 = count == -1 ? <u64>0xffffffffffff : <u64>count / SHIFT;
  if (ws >= <u64>an) return aneg ? makeSmallInt(-1) : ZERO;
  const w = <usize>ws;
  const bs = <u32>(<u64>count % SHIFT);
  const n = an - w;
  const p = bigAlloc(n, aneg);
  if (p == 0) return NULL;
  const r = digitsOf(p);
  shrSmall(r, ad + (w << 2), n, bs);
  if (aneg) {
    // floor for negatives: -(|a| >> s) - 1 when any bit shifted out was set
    let lost = (dg(ad, w) & ((<u32>1 << bs) - 1)) != 0;
    for (let i: usize = 0; !lost && i < w; i++) lost = dg(ad, i) != 0;
    if (lost && magIncrement(r, n) != 0) {
      // carry out only happens when r was all ones digits: |a| >> s == base**n - 1
      const q = bigAlloc(n + 1, true);
      if (q != 0) setDg(digitsOf(q), n, 1);
      free(p, BIGINT_HEADER_SIZE + (n << 2));
      return <Value>q;
    }
  }
  return finishBig(p);
}

// ---------------------------------------------------------------------------------------------------
// Bit length, bit count

export function intBitLength(v: Value): Value {
  unpack(v, SLOT_A);
  return intFromU64(magBitLength(uD, uN));
}

export function intBitCount(v: Value): Value {
  unpack(v, SLOT_A);
  let c: u64 = 0;
  for (let i: usize = 0; i < uN; i++) c += <u64>popcnt<u32>(dg(uD, i));
  return intFromU64(c);
}

/** intFromI64 under the name the builtins use. */
export function intFromI64Value(n: i64): Value {
  return intFromI64(n);
}

/** round(x, ndigits) for an int x and int ndigits: x itself unless ndigits < 0, then half to even. */
export function intRound(x: Value, ndigits: Value): Value {
  if (intSign(ndigits) >= 0) {
    incref(x);
    return x;
  }
  const e = intNeg(ndigits);
  if (e == NULL) return NULL;
  const p = intPow(makeSmallInt(10), e, NULL);
  decref(e);
  if (p == NULL) return NULL;
  if (!divSlow(x, p, WANT_Q | WANT_R)) {
    decref(p);
    return NULL;
  }
  const q = divQ;
  let r = divR;
  // nearest multiple: step up when 2r > p, or 2r == p and the quotient is odd
  const r2 = intLshift(r, ONE);
  let res: Value = NULL;
  if (r2 != NULL) {
    const c = intCompare(r2, p);
    decref(r2);
    const odd = (q & 1) != 0 ? (getSmallInt(q) & 1) != 0 : (dg(digitsOf(<usize>q), 0) & 1) != 0;
    const base = intSub(x, r);
    if (base != NULL && (c > 0 || (c == 0 && odd))) {
      res = intAdd(base, p);
      decref(base);
    } else {
      res = base;
    }
  }
  decref(q);
  decref(r);
  decref(p);
  return res;
}

// ---------------------------------------------------------------------------------------------------
// Floats

/**
 * q * 2**e correctly rounded to a double (half to even), `sticky` standing for nonzero bits below
 * q's last one (callers give q at least 2 bits beyond the precision whenever sticky can be set).
 * Handles subnormals; Infinity when the result overflows.
 */
function scaleRound(q: u64, e: i32, sticky: bool): f64 {
  if (q == 0) return 0;
  const L = 64 - <i32>clz<u64>(q);
  let lsb = e + L - 53; // exponent of the result's last bit
  if (lsb < -1074) lsb = -1074;
  const r = lsb - e; // bits to drop
  if (r > 0) {
    if (r >= 64) return 0; // below half the smallest subnormal
    const rem = q & ((<u64>1 << <u64>r) - 1);
    const half = <u64>1 << <u64>(r - 1);
    q >>= <u64>r;
    if (rem > half || (rem == half && (sticky || (q & 1) != 0))) q++;
  } else {
    lsb = e;
  }
  if (64 - <i32>clz<u64>(q) + lsb > 1024) return Infinity;
  return <f64>q * pow2(lsb);
}

/** 2**e exactly, for -1074 <= e <= 1023. */
function pow2(e: i32): f64 {
  if (e >= -1022) return reinterpret<f64>(<u64>(e + 1023) << 52);
  return reinterpret<f64>(<u64>1 << <u64>(e + 1074));
}

let topSticky: bool = false;

/** floor(|d| / 2**(L - k)) for the bit length L >= k of d (k <= 62); topSticky = lower bits nonzero. */
function magTopBits(d: usize, n: usize, L: u64, k: u32): u64 {
  const shift = L - <u64>k;
  const di = <usize>(shift / SHIFT);
  let acc: u64 = 0;
  let sticky = false;
  for (let i: usize = 0; i < di; i++) {
    if (dg(d, i) != 0) {
      sticky = true;
      break;
    }
  }
  for (let i = di; i < n; i++) {
    const pos = <i64>(<u64>i * SHIFT) - <i64>shift;
    const x = <u64>dg(d, i);
    if (pos >= 0) {
      acc |= x << <u64>pos;
    } else {
      acc |= x >> <u64>-pos;
      if ((x & ((<u64>1 << <u64>-pos) - 1)) != 0) sticky = true;
    }
  }
  topSticky = sticky;
  return acc;
}

/** float(v), correctly rounded; on OverflowError returns NaN with intToF64Failed set. */
export function intToF64(v: Value): f64 {
  intToF64Failed = false;
  if ((v & 1) != 0) return <f64>getSmallInt(v);
  const p = <usize>v;
  const d = digitsOf(p);
  const n = <usize>bigNDigits(p);
  if (n <= 2) {
    // only an int subclass instance holds so few digits: below 2**60, one correctly rounded conversion
    const m: u64 = n == 0 ? 0 : n == 1 ? <u64>dg(d, 0) : (<u64>dg(d, 1) << SHIFT) | <u64>dg(d, 0);
    return bigSign(p) < 0 ? -<f64>m : <f64>m;
  }
  const L = magBitLength(d, n);
  let x: f64 = Infinity;
  if (L <= 1024) {
    const q = magTopBits(d, n, L, 55);
    x = scaleRound(q, <i32>L - 55, topSticky);
  }
  if (x == Infinity) {
    raiseMsg(EXC_OverflowError, "int too large to convert to float");
    intToF64Failed = true;
    return NaN;
  }
  return bigSign(p) < 0 ? -x : x;
}

/** int(x) for a float: truncation toward zero. */
export function intFromF64(x: f64): Value {
  if (isNaN(x)) return raiseMsg(EXC_ValueError, "cannot convert float NaN to integer");
  if (!isFinite(x)) return raiseMsg(EXC_OverflowError, "cannot convert float infinity to integer");
  const t = Math.trunc(x);
  if (t >= -4611686018427387904.0 && t < 4611686018427387904.0) return makeSmallInt(<i64>t);
  // |t| >= 2**62: an integer m * 2**e with a 53-bit m and e >= 9
  const bits = reinterpret<u64>(t);
  const e = <i32>((bits >> 52) & 0x7ff) - 1075;
  const m = (bits & 0xfffffffffffff) | (<u64>1 << 52);
  const nbits = <usize>(53 + e);
  const n = (nbits + SHIFT - 1) / SHIFT;
  const p = bigAlloc(n, t < 0);
  if (p == 0) return NULL;
  const r = digitsOf(p);
  for (let i: usize = 0; i < n; i++) {
    const s = <i32>(i * SHIFT) - e; // where this digit's bit 0 sits in m
    let dgt: u64 = 0;
    if (s >= 0) dgt = s < 64 ? m >> <u64>s : 0;
    else if (s > -30) dgt = m << <u64>-s;
    setDg(r, i, <u32>(dgt & <u64>MASK));
  }
  return <Value>p;
}

/**
 * The exact comparison of an int with a float, as Python's int == / < float: -1, 0, 1, or
 * INT_CMP_UNORDERED when x is a NaN. Never raises.
 */
export function intCompareF64(v: Value, x: f64): i32 {
  if (isNaN(x)) return INT_CMP_UNORDERED;
  if (x == Infinity) return -1;
  if (x == -Infinity) return 1;
  const LIM = 4611686018427387904.0; // 2**62
  if ((v & 1) != 0) {
    if (x >= LIM) return -1;
    if (x < -LIM) return 1;
    const n = getSmallInt(v);
    const t = Math.trunc(x);
    const ti = <i64>t;
    if (n != ti) return n < ti ? -1 : 1;
    const f = x - t; // the fraction decides
    return f > 0 ? -1 : f < 0 ? 1 : 0;
  }
  const p = <usize>v;
  const s = bigSign(p);
  // a big int is >= 2**62 in magnitude; a float inside (-2**62, 2**62) lies between it and zero
  if (x > -LIM && x < LIM) return s;
  if ((x < 0) != (s < 0)) return s;
  // same sign, |x| >= 2**62 (so x is an integer): compare magnitudes, then flip for negatives
  const c = magCompareDouble(digitsOf(p), <usize>bigNDigits(p), Math.abs(x));
  return s < 0 ? -c : c;
}

/** Compares a normalized magnitude with an integral double y >= 2**62. */
function magCompareDouble(d: usize, n: usize, y: f64): i32 {
  const bits = reinterpret<u64>(y);
  const e = <i32>((bits >> 52) & 0x7ff) - 1075;
  const m = (bits & 0xfffffffffffff) | (<u64>1 << 52);
  const ybits = <u64>(53 + e);
  const L = magBitLength(d, n);
  if (L != ybits) return L > ybits ? 1 : -1;
  for (let i = <isize>n - 1; i >= 0; i--) {
    const s = <i32>(<usize>i * SHIFT) - e;
    let yd: u64 = 0;
    if (s >= 0) yd = s < 64 ? m >> <u64>s : 0;
    else if (s > -30) yd = m << <u64>-s;
    const yv = <u32>(yd & <u64>MASK);
    const xv = dg(d, <usize>i);
    if (xv != yv) return xv > yv ? 1 : -1;
  }
  return 0;
}

/** a / b as a float, correctly rounded (CPython's long_true_divide gives the same double). */
export function intTrueDiv(a: Value, b: Value): Value {
  if (b == ZERO) return raiseMsg(EXC_ZeroDivisionError, "division by zero");
  if ((a & b & 1) != 0) {
    const x = getSmallInt(a);
    const y = getSmallInt(b);
    const LIM: i64 = <i64>1 << 53;
    if (x <= LIM && x >= -LIM && y <= LIM && y >= -LIM) return floatNew(<f64>x / <f64>y);
  }
  unpack(a, SLOT_A);
  const ad = uD, an = uN, aneg = uNeg;
  unpack(b, SLOT_B);
  const bd = uD, bn = uN, bneg = uNeg;
  const neg = aneg != bneg;
  const x = trueDivMags(ad, an, bd, bn);
  if (isNaN(x)) return NULL;
  if (x == Infinity) return raiseMsg(EXC_OverflowError, "integer division result too large for a float");
  return floatNew(neg ? -x : x);
}

/** |a| / |b| correctly rounded (Infinity: overflow; NaN: MemoryError raised). */
function trueDivMags(ad: usize, an: usize, bd: usize, bn: usize): f64 {
  if (an == 0) return 0;
  const la = <i64>magBitLength(ad, an);
  const lb = <i64>magBitLength(bd, bn);
  const diff = la - lb; // the quotient lies in [2**(diff-1), 2**(diff+1))
  if (diff > 1025) return Infinity;
  if (diff < -1080) return 0;
  // q = floor(|a| / (|b| 2**e)) with 55 or 56 bits (fewer deep in the subnormals: e >= -1076)
  let e = diff - 55;
  if (e < -1076) e = -1076;
  let sticky = false;
  let nd: usize; // the shifted numerator's digits
  let numN: usize;
  if (e >= 0) {
    const ws = <usize>(e / SHIFT);
    const bs = <u32>(e % SHIFT);
    numN = an - ws;
    nd = tmpAlloc(numN);
    if (nd == 0) return NaN;
    shrSmall(nd, ad + (ws << 2), numN, bs);
    sticky = (dg(ad, ws) & ((<u32>1 << bs) - 1)) != 0;
    for (let i: usize = 0; !sticky && i < ws; i++) sticky = dg(ad, i) != 0;
  } else {
    const ws = <usize>(-e / SHIFT);
    const bs = <u32>(-e % SHIFT);
    numN = an + ws + 1;
    nd = tmpAlloc(numN);
    if (nd == 0) return NaN;
    setDg(nd, an + ws, shlSmall(nd + (ws << 2), ad, an, bs));
  }
  const nn = normLen(nd, numN);
  let q: u64 = 0;
  if (magCmp(nd, nn, bd, bn) >= 0) {
    const qn = nn - bn + 1;
    const tmpN = qn + bn;
    const tmp = tmpAlloc(tmpN);
    if (tmp == 0) {
      tmpFree(nd, numN);
      return NaN;
    }
    const qd = tmp;
    const rd = tmp + (qn << 2);
    if (bn == 1) {
      setDg(rd, 0, magDivRem1(nd, nn, dg(bd, 0), qd));
    } else if (!magDivKnuth(nd, nn, bd, bn, qd, rd)) {
      tmpFree(tmp, tmpN);
      tmpFree(nd, numN);
      return NaN;
    }
    if (normLen(rd, bn) != 0) sticky = true;
    const ql = normLen(qd, qn); // < 2**57: at most 2 digits
    for (let i = <isize>ql - 1; i >= 0; i--) q = (q << SHIFT) | <u64>dg(qd, <usize>i);
    tmpFree(tmp, tmpN);
  } else if (nn != 0) {
    sticky = true;
  }
  tmpFree(nd, numN);
  return scaleRound(q, <i32>e, sticky);
}

// ---------------------------------------------------------------------------------------------------
// Power

/** base ** exp, or pow(base, exp, mod) when mod is not NULL. */
export function intPow(base: Value, exp: Value, mod: Value): Value {
  if (mod != NULL) return powMod(base, exp, mod);
  if (intSign(exp) < 0) return powNegative(base, exp);
  return powPlain(base, exp);
}

/** A negative exponent without modulus: float(base) ** float(exp), as CPython's float_pow. */
function powNegative(base: Value, exp: Value): Value {
  const x = intToF64(base);
  if (intToF64Failed) return NULL;
  const y = intToF64(exp);
  if (intToF64Failed) return NULL;
  if (x == 0) return raiseMsg(EXC_ZeroDivisionError, "0.0 cannot be raised to a negative power");
  return floatNew(x == 1 ? 1.0 : Math.pow(x, y));
}

function powPlain(base: Value, exp: Value): Value {
  if (base == ZERO || base == ONE) return exp == ZERO ? ONE : base;
  if (base == makeSmallInt(-1)) {
    unpack(exp, SLOT_B);
    return uN != 0 && (dg(uD, 0) & 1) != 0 ? base : ONE;
  }
  if ((exp & 1) == 0) return raiseMemory(); // |base| >= 2 with a huge exponent
  const e = getSmallInt(exp);
  if (e == 0) return ONE;
  if (e == 1) {
    incref(base);
    return base;
  }
  unpack(base, SLOT_A);
  const bd = uD, bn = uN, bneg = uNeg;
  const bl = magBitLength(bd, bn);
  if (<f64>(bl - 1) * <f64>e > MAX_RESULT_BITS) return raiseMemory();
  const neg = bneg && (e & 1) != 0;
  if ((base & 1) != 0 && <f64>bl * <f64>e <= 62) {
    // fits a small int all the way
    const b = getSmallInt(base);
    let r: i64 = 1;
    for (let i: i64 = 0; i < e; i++) r *= b;
    return makeSmallInt(r);
  }
  // |base| == 2**k: a shift
  let pow2base = dg(bd, bn - 1) == (<u32>1 << <u32>((bl - 1) % SHIFT));
  for (let i: usize = 0; pow2base && i < bn - 1; i++) pow2base = dg(bd, i) == 0;
  if (pow2base) {
    const bitsN = (bl - 1) * <u64>e;
    const ws = <usize>(bitsN / SHIFT);
    const p = bigAlloc(ws + 1, neg);
    if (p == 0) return NULL;
    setDg(digitsOf(p), ws, <u32>1 << <u32>(bitsN % SHIFT));
    return finishBig(p);
  }
  // left to right binary exponentiation on magnitudes
  let acc = fromMag(bd, bn, false);
  if (acc == NULL) return NULL;
  const absBase = acc;
  incref(absBase);
  const top = 63 - <i32>clz<u64>(<u64>e);
  for (let i = top - 1; i >= 0; i--) {
    let t = intMul(acc, acc);
    decref(acc);
    acc = t;
    if (acc == NULL) break;
    if (((e >> i) & 1) != 0) {
      t = intMul(acc, absBase);
      decref(acc);
      acc = t;
      if (acc == NULL) break;
    }
  }
  decref(absBase);
  if (acc == NULL || !neg) return acc;
  const r = intNeg(acc);
  decref(acc);
  return r;
}

/** pow(base, exp, mod), mod != 0. */
function powMod(base: Value, exp: Value, mod: Value): Value {
  if (mod == ZERO) return raiseMsg(EXC_ValueError, "pow() 3rd argument cannot be 0");
  const negOut = intSign(mod) < 0;
  const m = intAbs(mod);
  if (m == NULL) return NULL;
  if (m == ONE) return ZERO;
  let b: Value;
  let e: Value;
  if (intSign(exp) < 0) {
    b = invMod(base, m);
    if (b == NULL) {
      decref(m);
      return NULL;
    }
    e = intNeg(exp);
    if (e == NULL) {
      decref(b);
      decref(m);
      return NULL;
    }
  } else {
    b = intMod(base, m);
    if (b == NULL) {
      decref(m);
      return NULL;
    }
    e = exp;
    incref(e);
  }
  let r = powModPositive(b, e, m);
  decref(b);
  decref(e);
  if (r != NULL && negOut && r != ZERO) {
    const t = intSub(r, m);
    decref(r);
    r = t;
  }
  decref(m);
  return r;
}

/** b ** e % m for 0 <= b < m, e >= 0, m >= 2. */
function powModPositive(b: Value, e: Value, m: Value): Value {
  unpack(e, SLOT_C);
  const ed = uD, en = uN;
  if (en == 0) return ONE;
  const ebits = <i64>magBitLength(ed, en);
  if ((m & 1) != 0 && getSmallInt(m) <= 0xffffffff) {
    // products of residues fit a u64
    const mm = <u64>getSmallInt(m);
    const bb = <u64>getSmallInt(b);
    let r: u64 = 1;
    for (let i = ebits - 1; i >= 0; i--) {
      r = (r * r) % mm;
      if (((dg(ed, <usize>(i / SHIFT)) >> <u32>(i % SHIFT)) & 1) != 0) r = (r * bb) % mm;
    }
    return makeSmallInt(<i64>r);
  }
  // ed stays valid: e is held by the caller, and a small e's slot is not reused below
  let r: Value = ONE;
  for (let i = ebits - 1; i >= 0; i--) {
    let t = mulMod(r, r, m);
    decref(r);
    r = t;
    if (r == NULL) return NULL;
    if (((dg(ed, <usize>(i / SHIFT)) >> <u32>(i % SHIFT)) & 1) != 0) {
      t = mulMod(r, b, m);
      decref(r);
      r = t;
      if (r == NULL) return NULL;
    }
  }
  return r;
}

function mulMod(x: Value, y: Value, m: Value): Value {
  const p = intMul(x, y);
  if (p == NULL) return NULL;
  const r = intMod(p, m);
  decref(p);
  return r;
}

/** The inverse of a modulo m (m >= 2), by the extended Euclidean algorithm. */
function invMod(a: Value, m: Value): Value {
  let r0 = intMod(a, m);
  if (r0 == NULL) return NULL;
  let r1 = m;
  incref(r1);
  let s0: Value = ONE;
  let s1: Value = ZERO;
  let ok = true;
  while (r1 != ZERO) {
    if (!divSlow(r0, r1, WANT_Q | WANT_R)) {
      ok = false;
      break;
    }
    const q = divQ;
    const r2 = divR;
    const qs = intMul(q, s1);
    decref(q);
    if (qs == NULL) {
      decref(r2);
      ok = false;
      break;
    }
    const s2 = intSub(s0, qs);
    decref(qs);
    if (s2 == NULL) {
      decref(r2);
      ok = false;
      break;
    }
    decref(r0);
    r0 = r1;
    r1 = r2;
    decref(s0);
    s0 = s1;
    s1 = s2;
  }
  decref(r1);
  decref(s1);
  let res: Value = NULL;
  if (ok) {
    if (r0 != ONE) raiseMsg(EXC_ValueError, "base is not invertible for the given modulus");
    else res = intMod(s0, m);
  }
  decref(r0);
  decref(s0);
  return res;
}

// ---------------------------------------------------------------------------------------------------
// int -> str

/** str(v) in base 2, 8, 10 or 16 (lowercase), with 0b/0o/0x after the sign when `prefix`. */
export function intToStr(v: Value, base: i32, prefix: bool): usize {
  unpack(v, SLOT_A);
  const d = uD, n = uN, neg = uNeg;
  if (base == 10) return toDecimal(d, n, neg);
  const k: u32 = base == 2 ? 1 : base == 8 ? 3 : base == 16 ? 4 : 0;
  if (k == 0) return raiseMsg(EXC_SystemError, "int to str: unsupported base");
  const bits = magBitLength(d, n);
  const nch: usize = bits == 0 ? 1 : <usize>((bits + k - 1) / k);
  const head: usize = (neg ? 1 : 0) + (prefix ? 2 : 0);
  const s = newAsciiStr(head + nch);
  if (s == 0) return 0;
  const o = strData(s);
  if (neg) store<u8>(o, 0x2d);
  if (prefix) {
    store<u8>(o + head - 2, 0x30);
    store<u8>(o + head - 1, base == 2 ? 0x62 : base == 8 ? 0x6f : 0x78);
  }
  const digits = "0123456789abcdef";
  const mask = (<u32>1 << k) - 1;
  for (let i: usize = 0; i < nch; i++) {
    const pos = <u64>i * k;
    const di = <usize>(pos / SHIFT);
    const bo = <u32>(pos % SHIFT);
    let x = di < n ? dg(d, di) >> bo : 0;
    if (bo + k > SHIFT && di + 1 < n) x |= dg(d, di + 1) << (SHIFT - bo);
    store<u8>(o + head + nch - 1 - i, <u8>digits.charCodeAt(<i32>(x & mask)));
  }
  return s;
}

function newAsciiStr(len: usize): usize {
  const s = strAlloc(len, 1);
  if (s != 0) changetype<StrObject>(s).ascii = 1;
  return s;
}

function raiseStrLimit(): usize {
  raiseBegin(EXC_ValueError);
  errText("Exceeds the limit (");
  errInt(maxStrDigits);
  errText(" digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit");
  return 0;
}

const DEC_BASE: u32 = 1000000000;

function decDigits(x: u32): usize {
  let c: usize = 1;
  while (x >= 10) {
    x /= 10;
    c++;
  }
  return c;
}

/** Magnitudes below 2**60: no scratch arrays. */
function smallToDecimal(m: u64, neg: bool): usize {
  let nd: usize = 1;
  for (let t = m; t >= 10; t /= 10) nd++;
  const head: usize = neg ? 1 : 0;
  const s = newAsciiStr(head + nd);
  if (s == 0) return 0;
  const o = strData(s);
  if (neg) store<u8>(o, 0x2d);
  for (let i = head + nd; i > head; i--) {
    store<u8>(o + i - 1, <u8>(0x30 + <u32>(m % 10)));
    m /= 10;
  }
  return s;
}

/** w[0..n) /= 10**9 in place, returning the remainder (a constant divisor: the engine multiplies). */
function divRemDecBase(w: usize, n: usize): u32 {
  let rem: u64 = 0;
  for (let i = <isize>n - 1; i >= 0; i--) {
    const a = w + (<usize>i << 2);
    const cur = (rem << SHIFT) | <u64>load<u32>(a);
    const q = cur / 1000000000;
    store<u32>(a, <u32>q);
    rem = cur - q * 1000000000;
  }
  return <u32>rem;
}

function toDecimal(d: usize, n: usize, neg: bool): usize {
  if (n <= 2) return smallToDecimal(n == 0 ? 0 : n == 1 ? <u64>dg(d, 0) : (<u64>dg(d, 1) << SHIFT) | <u64>dg(d, 0), neg);
  const lim = maxStrDigits;
  // a quick refusal before any quadratic work: n digits mean more than (n - 1) * 30 * log10(2) decimals
  if (lim > 0 && n >= <usize>(10 * lim / (3 * <i32>SHIFT)) + 2) return raiseStrLimit();
  // base 10**9 limbs, least significant first, by repeated division of a copy
  const limbsCap = n + (n >> 5) + 2;
  const tmpN = n + limbsCap;
  const tmp = tmpAlloc(tmpN);
  if (tmp == 0) return 0;
  const w = tmp;
  const limbs = tmp + (n << 2);
  memory.copy(w, d, n << 2);
  let wn = n;
  let ln: usize = 0;
  while (wn > 0) {
    setDg(limbs, ln++, divRemDecBase(w, wn));
    wn = normLen(w, wn);
  }
  if (ln == 0) setDg(limbs, ln++, 0);
  const total = (ln - 1) * 9 + decDigits(dg(limbs, ln - 1));
  if (lim > 0 && total > <usize>lim) {
    tmpFree(tmp, tmpN);
    return raiseStrLimit();
  }
  const head: usize = neg ? 1 : 0;
  const s = newAsciiStr(head + total);
  if (s != 0) {
    const o = strData(s);
    if (neg) store<u8>(o, 0x2d);
    let pos = head + total; // written backwards
    for (let i: usize = 0; i < ln; i++) {
      let x = dg(limbs, i);
      const last = i == ln - 1;
      for (let j = 0; j < 9; j++) {
        if (last && x == 0 && j > 0) break;
        store<u8>(o + --pos, <u8>(0x30 + x % 10));
        x /= 10;
      }
    }
  }
  tmpFree(tmp, tmpN);
  return s;
}

// ---------------------------------------------------------------------------------------------------
// str -> int: int(s, base)

// Zeros of the Unicode decimal digit runs (category Nd, each run 0..9 contiguous), Unicode 14 as in
// python3.11's unicodedata: what int() accepts besides ASCII digits.
const ND_ZEROS: StaticArray<u32> = [
  0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6, 0xe50,
  0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50, 0x1bb0, 0x1c40,
  0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10, 0x104a0, 0x10d30, 0x11066,
  0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650, 0x116c0, 0x11730, 0x118e0, 0x11950,
  0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0, 0x16b50, 0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6,
  0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0,
];

function unicodeDecimal(c: u32): i32 {
  let lo = 0;
  let hi = ND_ZEROS.length - 1;
  if (c < unchecked(ND_ZEROS[0])) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (unchecked(ND_ZEROS[mid]) <= c) lo = mid;
    else hi = mid - 1;
  }
  const z = unchecked(ND_ZEROS[lo]);
  return c - z < 10 ? <i32>(c - z) : -1;
}

/** str.isspace() for code points >= 128. */
function unicodeSpace(c: u32): bool {
  return (
    c == 0x85 || c == 0xa0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 ||
    c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000
  );
}

let parseStr: usize = 0;

/** Code point i of the input as CPython's int() sees it: spaces -> ' ', decimals -> ASCII, else '?'. */
function chAt(i: usize): u32 {
  const s = parseStr;
  const k = strKind(s);
  const d = strData(s);
  const c = k == 1 ? <u32>load<u8>(d + i) : k == 2 ? <u32>load<u16>(d + (i << 1)) : load<u32>(d + (i << 2));
  if (c < 127) return c;
  if (unicodeSpace(c)) return 0x20;
  const v = unicodeDecimal(c);
  return v >= 0 ? 0x30 + <u32>v : 0x3f;
}

// @ts-ignore: decorator
@inline function isAsciiSpace(c: u32): bool {
  return c == 0x20 || (c >= 0x09 && c <= 0x0d);
}

/** Value of a digit character in bases up to 36, 99 for anything else. */
function digitValue(c: u32): u32 {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const l = c | 0x20;
  if (l >= 0x61 && l <= 0x7a) return l - 0x61 + 10;
  return 99;
}

/** int(s, base) for a str object s; base 0 or 2..36. */
export function intFromStr(s: usize, base: i32): Value {
  if (base != 0 && (base < 2 || base > 36)) return raiseMsg(EXC_ValueError, "int() base must be >= 2 and <= 36, or 0");
  parseStr = s;
  const len = <usize>strLength(s);
  let i: usize = 0;
  while (i < len && isAsciiSpace(chAt(i))) i++;
  let neg = false;
  if (i < len) {
    const c = chAt(i);
    if (c == 0x2b) i++;
    else if (c == 0x2d) {
      neg = true;
      i++;
    }
  }
  const c0 = i < len ? chAt(i) : 0;
  const c1 = i + 1 < len ? chAt(i + 1) | 0x20 : 0;
  let b = base;
  let zeroOnly = false; // base 0 with a leading 0: only zeros are allowed ("old octal")
  if (b == 0) {
    if (c0 != 0x30) b = 10;
    else if (c1 == 0x78) b = 16;
    else if (c1 == 0x6f) b = 8;
    else if (c1 == 0x62) b = 2;
    else {
      b = 10;
      zeroOnly = true;
    }
  }
  if (c0 == 0x30 && ((b == 16 && c1 == 0x78) || (b == 8 && c1 == 0x6f) || (b == 2 && c1 == 0x62))) {
    i += 2;
    if (i < len && chAt(i) == 0x5f) i++; // one underscore may follow the prefix
  }
  // the digits: no leading, trailing or doubled underscores
  const start = i;
  let ndig: usize = 0;
  let prevUnderscore = true; // a leading underscore is as bad as a doubled one
  while (i < len) {
    const c = chAt(i);
    if (c == 0x5f) {
      if (prevUnderscore) return raiseInvalidLiteral(s, base);
      prevUnderscore = true;
    } else if (digitValue(c) < <u32>b) {
      prevUnderscore = false;
      ndig++;
    } else {
      break;
    }
    i++;
  }
  if (prevUnderscore && i > start) return raiseInvalidLiteral(s, base);
  const end = i;
  const pow2 = (b & (b - 1)) == 0;
  const lim = maxStrDigits;
  if (!pow2 && lim > 0 && ndig > 640 && ndig > <usize>lim) {
    raiseBegin(EXC_ValueError);
    errText("Exceeds the limit (");
    errInt(lim);
    errText(" digits) for integer string conversion: value has ");
    errInt(<i64>ndig);
    errText(" digits; use sys.set_int_max_str_digits() to increase the limit");
    return NULL;
  }
  if (ndig == 0) return raiseInvalidLiteral(s, base);
  while (i < len && isAsciiSpace(chAt(i))) i++;
  if (i != len) return raiseInvalidLiteral(s, base);
  const v = pow2 ? digitsPow2(start, end, ndig, <u32>b, neg) : digitsGeneral(start, end, ndig, <u32>b, neg);
  if (v != NULL && zeroOnly && v != ZERO) {
    decref(v);
    return raiseInvalidLiteral(s, base);
  }
  return v;
}

/** Digits of a power-of-two base, placed bit by bit from the least significant end. */
function digitsPow2(start: usize, end: usize, ndig: usize, b: u32, neg: bool): Value {
  const k = <u32>ctz<u32>(b);
  const nbits = <u64>ndig * k;
  const n = <usize>((nbits + SHIFT - 1) / SHIFT);
  const t = tmpAlloc(n);
  if (t == 0) return NULL;
  let pos: u64 = 0;
  for (let i = <isize>end - 1; i >= <isize>start; i--) {
    const c = chAt(<usize>i);
    if (c == 0x5f) continue;
    const x = digitValue(c);
    const di = <usize>(pos / SHIFT);
    const bo = <u32>(pos % SHIFT);
    setDg(t, di, dg(t, di) | ((x << bo) & MASK));
    if (bo + k > SHIFT) setDg(t, di + 1, x >> (SHIFT - bo));
    pos += k;
  }
  const v = fromMag(t, n, neg);
  tmpFree(t, n);
  return v;
}

/** Other bases: accumulate chunks of c digits, acc = acc * base**c + chunk (base**c < 2**30). */
function digitsGeneral(start: usize, end: usize, ndig: usize, b: u32, neg: bool): Value {
  let chunk: u32 = 1;
  let per: u32 = 0;
  while (<u64>chunk * b < <u64>1 << SHIFT) {
    chunk *= b;
    per++;
  }
  // digits needed: ndig * log2(b) / 30, bounded with log2(b) < 5.17 for b <= 36
  const cap = <usize>(<f64>ndig * (Math.log2(<f64>b) + 0.01) / 30.0) + 2;
  const t = tmpAlloc(cap);
  if (t == 0) return NULL;
  let n: usize = 0;
  let acc: u32 = 0;
  let cnt: u32 = 0;
  let mul: u32 = 1;
  for (let i = start; i < end; i++) {
    const c = chAt(i);
    if (c == 0x5f) continue;
    acc = acc * b + digitValue(c);
    mul *= b;
    cnt++;
    if (cnt == per || i + 1 == end) {
      n = mulAddSmall(t, n, mul, acc);
      acc = 0;
      cnt = 0;
      mul = 1;
    }
  }
  const v = fromMag(t, n, neg);
  tmpFree(t, cap);
  return v;
}

/** t[0..n) = t * m + a (m, a < 2**30); returns the new length (room assured by the caller). */
function mulAddSmall(t: usize, n: usize, m: u32, a: u32): usize {
  let c = <u64>a;
  const mm = <u64>m;
  for (let i: usize = 0; i < n; i++) {
    const x = <u64>dg(t, i) * mm + c;
    setDg(t, i, <u32>x & MASK);
    c = x >> SHIFT;
  }
  while (c != 0) {
    setDg(t, n++, <u32>c & MASK);
    c >>= SHIFT;
  }
  return n;
}

function raiseInvalidLiteral(s: usize, base: i32): Value {
  raiseBegin(EXC_ValueError);
  errText("invalid literal for int() with base ");
  errInt(base);
  errText(": ");
  errReprStr(s, 200);
  return NULL;
}

// ---------------------------------------------------------------------------------------------------
// repr() of a str for error messages ("%.200R": the repr cut after `limit` code points)

let reprLeft: i32 = 0;

function reprPut(c: u32): void {
  if (reprLeft > 0) {
    reprLeft--;
    errCodePoint(c);
  }
}

function reprHex(c: u32, n: i32): void {
  const digits = "0123456789abcdef";
  for (let i = n - 1; i >= 0; i--) reprPut(<u32>digits.charCodeAt(<i32>((c >> (<u32>i * 4)) & 15)));
}

/** Appends repr(s) to the error message, cut after `limit` code points. */
export function errReprStr(s: usize, limit: i32): void {
  reprLeft = limit;
  const n = <usize>strLength(s);
  const k = strKind(s);
  const d = strData(s);
  let sq = false;
  let dq = false;
  for (let i: usize = 0; i < n; i++) {
    const c = k == 1 ? <u32>load<u8>(d + i) : k == 2 ? <u32>load<u16>(d + (i << 1)) : load<u32>(d + (i << 2));
    if (c == 0x27) sq = true;
    else if (c == 0x22) dq = true;
  }
  const quote: u32 = sq && !dq ? 0x22 : 0x27;
  reprPut(quote);
  for (let i: usize = 0; i < n && reprLeft > 0; i++) {
    const c = k == 1 ? <u32>load<u8>(d + i) : k == 2 ? <u32>load<u16>(d + (i << 1)) : load<u32>(d + (i << 2));
    if (c == quote || c == 0x5c) {
      reprPut(0x5c);
      reprPut(c);
    } else if (c == 0x09) {
      reprPut(0x5c);
      reprPut(0x74);
    } else if (c == 0x0a) {
      reprPut(0x5c);
      reprPut(0x6e);
    } else if (c == 0x0d) {
      reprPut(0x5c);
      reprPut(0x72);
    } else if (c < 0x20 || c == 0x7f) {
      reprPut(0x5c);
      reprPut(0x78);
      reprHex(c, 2);
    } else if (c < 0x7f || isPrintable(c)) {
      reprPut(c);
    } else if (c <= 0xff) {
      reprPut(0x5c);
      reprPut(0x78);
      reprHex(c, 2);
    } else if (c <= 0xffff) {
      reprPut(0x5c);
      reprPut(0x75);
      reprHex(c, 4);
    } else {
      reprPut(0x5c);
      reprPut(0x55);
      reprHex(c, 8);
    }
  }
  reprPut(quote);
}

/** str.isprintable() for one code point >= 0x80 (python3.11's Unicode 14 tables). */
function isPrintable(c: u32): bool {
  let lo = 0;
  let hi = NONPRINTABLE.length / 2 - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (unchecked(NONPRINTABLE[mid * 2]) <= c) lo = mid;
    else hi = mid - 1;
  }
  return !(c >= unchecked(NONPRINTABLE[lo * 2]) && c <= unchecked(NONPRINTABLE[lo * 2 + 1]));
}

// Ranges [first, last] of the non-printable code points >= 0x80, from python3.11:
//   [c for c in range(0x80, 0x110000) if not chr(c).isprintable()], merged into runs.
const NONPRINTABLE: StaticArray<u32> = [
  0x80, 0xa0, 0xad, 0xad, 0x378, 0x379, 0x380, 0x383, 0x38b, 0x38b, 0x38d, 0x38d,
  0x3a2, 0x3a2, 0x530, 0x530, 0x557, 0x558, 0x58b, 0x58c, 0x590, 0x590, 0x5c8, 0x5cf,
  0x5eb, 0x5ee, 0x5f5, 0x605, 0x61c, 0x61c, 0x6dd, 0x6dd, 0x70e, 0x70f, 0x74b, 0x74c,
  0x7b2, 0x7bf, 0x7fb, 0x7fc, 0x82e, 0x82f, 0x83f, 0x83f, 0x85c, 0x85d, 0x85f, 0x85f,
  0x86b, 0x86f, 0x88f, 0x897, 0x8e2, 0x8e2, 0x984, 0x984, 0x98d, 0x98e, 0x991, 0x992,
  0x9a9, 0x9a9, 0x9b1, 0x9b1, 0x9b3, 0x9b5, 0x9ba, 0x9bb, 0x9c5, 0x9c6, 0x9c9, 0x9ca,
  0x9cf, 0x9d6, 0x9d8, 0x9db, 0x9de, 0x9de, 0x9e4, 0x9e5, 0x9ff, 0xa00, 0xa04, 0xa04,
  0xa0b, 0xa0e, 0xa11, 0xa12, 0xa29, 0xa29, 0xa31, 0xa31, 0xa34, 0xa34, 0xa37, 0xa37,
  0xa3a, 0xa3b, 0xa3d, 0xa3d, 0xa43, 0xa46, 0xa49, 0xa4a, 0xa4e, 0xa50, 0xa52, 0xa58,
  0xa5d, 0xa5d, 0xa5f, 0xa65, 0xa77, 0xa80, 0xa84, 0xa84, 0xa8e, 0xa8e, 0xa92, 0xa92,
  0xaa9, 0xaa9, 0xab1, 0xab1, 0xab4, 0xab4, 0xaba, 0xabb, 0xac6, 0xac6, 0xaca, 0xaca,
  0xace, 0xacf, 0xad1, 0xadf, 0xae4, 0xae5, 0xaf2, 0xaf8, 0xb00, 0xb00, 0xb04, 0xb04,
  0xb0d, 0xb0e, 0xb11, 0xb12, 0xb29, 0xb29, 0xb31, 0xb31, 0xb34, 0xb34, 0xb3a, 0xb3b,
  0xb45, 0xb46, 0xb49, 0xb4a, 0xb4e, 0xb54, 0xb58, 0xb5b, 0xb5e, 0xb5e, 0xb64, 0xb65,
  0xb78, 0xb81, 0xb84, 0xb84, 0xb8b, 0xb8d, 0xb91, 0xb91, 0xb96, 0xb98, 0xb9b, 0xb9b,
  0xb9d, 0xb9d, 0xba0, 0xba2, 0xba5, 0xba7, 0xbab, 0xbad, 0xbba, 0xbbd, 0xbc3, 0xbc5,
  0xbc9, 0xbc9, 0xbce, 0xbcf, 0xbd1, 0xbd6, 0xbd8, 0xbe5, 0xbfb, 0xbff, 0xc0d, 0xc0d,
  0xc11, 0xc11, 0xc29, 0xc29, 0xc3a, 0xc3b, 0xc45, 0xc45, 0xc49, 0xc49, 0xc4e, 0xc54,
  0xc57, 0xc57, 0xc5b, 0xc5c, 0xc5e, 0xc5f, 0xc64, 0xc65, 0xc70, 0xc76, 0xc8d, 0xc8d,
  0xc91, 0xc91, 0xca9, 0xca9, 0xcb4, 0xcb4, 0xcba, 0xcbb, 0xcc5, 0xcc5, 0xcc9, 0xcc9,
  0xcce, 0xcd4, 0xcd7, 0xcdc, 0xcdf, 0xcdf, 0xce4, 0xce5, 0xcf0, 0xcf0, 0xcf3, 0xcff,
  0xd0d, 0xd0d, 0xd11, 0xd11, 0xd45, 0xd45, 0xd49, 0xd49, 0xd50, 0xd53, 0xd64, 0xd65,
  0xd80, 0xd80, 0xd84, 0xd84, 0xd97, 0xd99, 0xdb2, 0xdb2, 0xdbc, 0xdbc, 0xdbe, 0xdbf,
  0xdc7, 0xdc9, 0xdcb, 0xdce, 0xdd5, 0xdd5, 0xdd7, 0xdd7, 0xde0, 0xde5, 0xdf0, 0xdf1,
  0xdf5, 0xe00, 0xe3b, 0xe3e, 0xe5c, 0xe80, 0xe83, 0xe83, 0xe85, 0xe85, 0xe8b, 0xe8b,
  0xea4, 0xea4, 0xea6, 0xea6, 0xebe, 0xebf, 0xec5, 0xec5, 0xec7, 0xec7, 0xece, 0xecf,
  0xeda, 0xedb, 0xee0, 0xeff, 0xf48, 0xf48, 0xf6d, 0xf70, 0xf98, 0xf98, 0xfbd, 0xfbd,
  0xfcd, 0xfcd, 0xfdb, 0xfff, 0x10c6, 0x10c6, 0x10c8, 0x10cc, 0x10ce, 0x10cf, 0x1249, 0x1249,
  0x124e, 0x124f, 0x1257, 0x1257, 0x1259, 0x1259, 0x125e, 0x125f, 0x1289, 0x1289, 0x128e, 0x128f,
  0x12b1, 0x12b1, 0x12b6, 0x12b7, 0x12bf, 0x12bf, 0x12c1, 0x12c1, 0x12c6, 0x12c7, 0x12d7, 0x12d7,
  0x1311, 0x1311, 0x1316, 0x1317, 0x135b, 0x135c, 0x137d, 0x137f, 0x139a, 0x139f, 0x13f6, 0x13f7,
  0x13fe, 0x13ff, 0x1680, 0x1680, 0x169d, 0x169f, 0x16f9, 0x16ff, 0x1716, 0x171e, 0x1737, 0x173f,
  0x1754, 0x175f, 0x176d, 0x176d, 0x1771, 0x1771, 0x1774, 0x177f, 0x17de, 0x17df, 0x17ea, 0x17ef,
  0x17fa, 0x17ff, 0x180e, 0x180e, 0x181a, 0x181f, 0x1879, 0x187f, 0x18ab, 0x18af, 0x18f6, 0x18ff,
  0x191f, 0x191f, 0x192c, 0x192f, 0x193c, 0x193f, 0x1941, 0x1943, 0x196e, 0x196f, 0x1975, 0x197f,
  0x19ac, 0x19af, 0x19ca, 0x19cf, 0x19db, 0x19dd, 0x1a1c, 0x1a1d, 0x1a5f, 0x1a5f, 0x1a7d, 0x1a7e,
  0x1a8a, 0x1a8f, 0x1a9a, 0x1a9f, 0x1aae, 0x1aaf, 0x1acf, 0x1aff, 0x1b4d, 0x1b4f, 0x1b7f, 0x1b7f,
  0x1bf4, 0x1bfb, 0x1c38, 0x1c3a, 0x1c4a, 0x1c4c, 0x1c89, 0x1c8f, 0x1cbb, 0x1cbc, 0x1cc8, 0x1ccf,
  0x1cfb, 0x1cff, 0x1f16, 0x1f17, 0x1f1e, 0x1f1f, 0x1f46, 0x1f47, 0x1f4e, 0x1f4f, 0x1f58, 0x1f58,
  0x1f5a, 0x1f5a, 0x1f5c, 0x1f5c, 0x1f5e, 0x1f5e, 0x1f7e, 0x1f7f, 0x1fb5, 0x1fb5, 0x1fc5, 0x1fc5,
  0x1fd4, 0x1fd5, 0x1fdc, 0x1fdc, 0x1ff0, 0x1ff1, 0x1ff5, 0x1ff5, 0x1fff, 0x200f, 0x2028, 0x202f,
  0x205f, 0x206f, 0x2072, 0x2073, 0x208f, 0x208f, 0x209d, 0x209f, 0x20c1, 0x20cf, 0x20f1, 0x20ff,
  0x218c, 0x218f, 0x2427, 0x243f, 0x244b, 0x245f, 0x2b74, 0x2b75, 0x2b96, 0x2b96, 0x2cf4, 0x2cf8,
  0x2d26, 0x2d26, 0x2d28, 0x2d2c, 0x2d2e, 0x2d2f, 0x2d68, 0x2d6e, 0x2d71, 0x2d7e, 0x2d97, 0x2d9f,
  0x2da7, 0x2da7, 0x2daf, 0x2daf, 0x2db7, 0x2db7, 0x2dbf, 0x2dbf, 0x2dc7, 0x2dc7, 0x2dcf, 0x2dcf,
  0x2dd7, 0x2dd7, 0x2ddf, 0x2ddf, 0x2e5e, 0x2e7f, 0x2e9a, 0x2e9a, 0x2ef4, 0x2eff, 0x2fd6, 0x2fef,
  0x2ffc, 0x3000, 0x3040, 0x3040, 0x3097, 0x3098, 0x3100, 0x3104, 0x3130, 0x3130, 0x318f, 0x318f,
  0x31e4, 0x31ef, 0x321f, 0x321f, 0xa48d, 0xa48f, 0xa4c7, 0xa4cf, 0xa62c, 0xa63f, 0xa6f8, 0xa6ff,
  0xa7cb, 0xa7cf, 0xa7d2, 0xa7d2, 0xa7d4, 0xa7d4, 0xa7da, 0xa7f1, 0xa82d, 0xa82f, 0xa83a, 0xa83f,
  0xa878, 0xa87f, 0xa8c6, 0xa8cd, 0xa8da, 0xa8df, 0xa954, 0xa95e, 0xa97d, 0xa97f, 0xa9ce, 0xa9ce,
  0xa9da, 0xa9dd, 0xa9ff, 0xa9ff, 0xaa37, 0xaa3f, 0xaa4e, 0xaa4f, 0xaa5a, 0xaa5b, 0xaac3, 0xaada,
  0xaaf7, 0xab00, 0xab07, 0xab08, 0xab0f, 0xab10, 0xab17, 0xab1f, 0xab27, 0xab27, 0xab2f, 0xab2f,
  0xab6c, 0xab6f, 0xabee, 0xabef, 0xabfa, 0xabff, 0xd7a4, 0xd7af, 0xd7c7, 0xd7ca, 0xd7fc, 0xf8ff,
  0xfa6e, 0xfa6f, 0xfada, 0xfaff, 0xfb07, 0xfb12, 0xfb18, 0xfb1c, 0xfb37, 0xfb37, 0xfb3d, 0xfb3d,
  0xfb3f, 0xfb3f, 0xfb42, 0xfb42, 0xfb45, 0xfb45, 0xfbc3, 0xfbd2, 0xfd90, 0xfd91, 0xfdc8, 0xfdce,
  0xfdd0, 0xfdef, 0xfe1a, 0xfe1f, 0xfe53, 0xfe53, 0xfe67, 0xfe67, 0xfe6c, 0xfe6f, 0xfe75, 0xfe75,
  0xfefd, 0xff00, 0xffbf, 0xffc1, 0xffc8, 0xffc9, 0xffd0, 0xffd1, 0xffd8, 0xffd9, 0xffdd, 0xffdf,
  0xffe7, 0xffe7, 0xffef, 0xfffb, 0xfffe, 0xffff, 0x1000c, 0x1000c, 0x10027, 0x10027, 0x1003b, 0x1003b,
  0x1003e, 0x1003e, 0x1004e, 0x1004f, 0x1005e, 0x1007f, 0x100fb, 0x100ff, 0x10103, 0x10106, 0x10134, 0x10136,
  0x1018f, 0x1018f, 0x1019d, 0x1019f, 0x101a1, 0x101cf, 0x101fe, 0x1027f, 0x1029d, 0x1029f, 0x102d1, 0x102df,
  0x102fc, 0x102ff, 0x10324, 0x1032c, 0x1034b, 0x1034f, 0x1037b, 0x1037f, 0x1039e, 0x1039e, 0x103c4, 0x103c7,
  0x103d6, 0x103ff, 0x1049e, 0x1049f, 0x104aa, 0x104af, 0x104d4, 0x104d7, 0x104fc, 0x104ff, 0x10528, 0x1052f,
  0x10564, 0x1056e, 0x1057b, 0x1057b, 0x1058b, 0x1058b, 0x10593, 0x10593, 0x10596, 0x10596, 0x105a2, 0x105a2,
  0x105b2, 0x105b2, 0x105ba, 0x105ba, 0x105bd, 0x105ff, 0x10737, 0x1073f, 0x10756, 0x1075f, 0x10768, 0x1077f,
  0x10786, 0x10786, 0x107b1, 0x107b1, 0x107bb, 0x107ff, 0x10806, 0x10807, 0x10809, 0x10809, 0x10836, 0x10836,
  0x10839, 0x1083b, 0x1083d, 0x1083e, 0x10856, 0x10856, 0x1089f, 0x108a6, 0x108b0, 0x108df, 0x108f3, 0x108f3,
  0x108f6, 0x108fa, 0x1091c, 0x1091e, 0x1093a, 0x1093e, 0x10940, 0x1097f, 0x109b8, 0x109bb, 0x109d0, 0x109d1,
  0x10a04, 0x10a04, 0x10a07, 0x10a0b, 0x10a14, 0x10a14, 0x10a18, 0x10a18, 0x10a36, 0x10a37, 0x10a3b, 0x10a3e,
  0x10a49, 0x10a4f, 0x10a59, 0x10a5f, 0x10aa0, 0x10abf, 0x10ae7, 0x10aea, 0x10af7, 0x10aff, 0x10b36, 0x10b38,
  0x10b56, 0x10b57, 0x10b73, 0x10b77, 0x10b92, 0x10b98, 0x10b9d, 0x10ba8, 0x10bb0, 0x10bff, 0x10c49, 0x10c7f,
  0x10cb3, 0x10cbf, 0x10cf3, 0x10cf9, 0x10d28, 0x10d2f, 0x10d3a, 0x10e5f, 0x10e7f, 0x10e7f, 0x10eaa, 0x10eaa,
  0x10eae, 0x10eaf, 0x10eb2, 0x10eff, 0x10f28, 0x10f2f, 0x10f5a, 0x10f6f, 0x10f8a, 0x10faf, 0x10fcc, 0x10fdf,
  0x10ff7, 0x10fff, 0x1104e, 0x11051, 0x11076, 0x1107e, 0x110bd, 0x110bd, 0x110c3, 0x110cf, 0x110e9, 0x110ef,
  0x110fa, 0x110ff, 0x11135, 0x11135, 0x11148, 0x1114f, 0x11177, 0x1117f, 0x111e0, 0x111e0, 0x111f5, 0x111ff,
  0x11212, 0x11212, 0x1123f, 0x1127f, 0x11287, 0x11287, 0x11289, 0x11289, 0x1128e, 0x1128e, 0x1129e, 0x1129e,
  0x112aa, 0x112af, 0x112eb, 0x112ef, 0x112fa, 0x112ff, 0x11304, 0x11304, 0x1130d, 0x1130e, 0x11311, 0x11312,
  0x11329, 0x11329, 0x11331, 0x11331, 0x11334, 0x11334, 0x1133a, 0x1133a, 0x11345, 0x11346, 0x11349, 0x1134a,
  0x1134e, 0x1134f, 0x11351, 0x11356, 0x11358, 0x1135c, 0x11364, 0x11365, 0x1136d, 0x1136f, 0x11375, 0x113ff,
  0x1145c, 0x1145c, 0x11462, 0x1147f, 0x114c8, 0x114cf, 0x114da, 0x1157f, 0x115b6, 0x115b7, 0x115de, 0x115ff,
  0x11645, 0x1164f, 0x1165a, 0x1165f, 0x1166d, 0x1167f, 0x116ba, 0x116bf, 0x116ca, 0x116ff, 0x1171b, 0x1171c,
  0x1172c, 0x1172f, 0x11747, 0x117ff, 0x1183c, 0x1189f, 0x118f3, 0x118fe, 0x11907, 0x11908, 0x1190a, 0x1190b,
  0x11914, 0x11914, 0x11917, 0x11917, 0x11936, 0x11936, 0x11939, 0x1193a, 0x11947, 0x1194f, 0x1195a, 0x1199f,
  0x119a8, 0x119a9, 0x119d8, 0x119d9, 0x119e5, 0x119ff, 0x11a48, 0x11a4f, 0x11aa3, 0x11aaf, 0x11af9, 0x11bff,
  0x11c09, 0x11c09, 0x11c37, 0x11c37, 0x11c46, 0x11c4f, 0x11c6d, 0x11c6f, 0x11c90, 0x11c91, 0x11ca8, 0x11ca8,
  0x11cb7, 0x11cff, 0x11d07, 0x11d07, 0x11d0a, 0x11d0a, 0x11d37, 0x11d39, 0x11d3b, 0x11d3b, 0x11d3e, 0x11d3e,
  0x11d48, 0x11d4f, 0x11d5a, 0x11d5f, 0x11d66, 0x11d66, 0x11d69, 0x11d69, 0x11d8f, 0x11d8f, 0x11d92, 0x11d92,
  0x11d99, 0x11d9f, 0x11daa, 0x11edf, 0x11ef9, 0x11faf, 0x11fb1, 0x11fbf, 0x11ff2, 0x11ffe, 0x1239a, 0x123ff,
  0x1246f, 0x1246f, 0x12475, 0x1247f, 0x12544, 0x12f8f, 0x12ff3, 0x12fff, 0x1342f, 0x143ff, 0x14647, 0x167ff,
  0x16a39, 0x16a3f, 0x16a5f, 0x16a5f, 0x16a6a, 0x16a6d, 0x16abf, 0x16abf, 0x16aca, 0x16acf, 0x16aee, 0x16aef,
  0x16af6, 0x16aff, 0x16b46, 0x16b4f, 0x16b5a, 0x16b5a, 0x16b62, 0x16b62, 0x16b78, 0x16b7c, 0x16b90, 0x16e3f,
  0x16e9b, 0x16eff, 0x16f4b, 0x16f4e, 0x16f88, 0x16f8e, 0x16fa0, 0x16fdf, 0x16fe5, 0x16fef, 0x16ff2, 0x16fff,
  0x187f8, 0x187ff, 0x18cd6, 0x18cff, 0x18d09, 0x1afef, 0x1aff4, 0x1aff4, 0x1affc, 0x1affc, 0x1afff, 0x1afff,
  0x1b123, 0x1b14f, 0x1b153, 0x1b163, 0x1b168, 0x1b16f, 0x1b2fc, 0x1bbff, 0x1bc6b, 0x1bc6f, 0x1bc7d, 0x1bc7f,
  0x1bc89, 0x1bc8f, 0x1bc9a, 0x1bc9b, 0x1bca0, 0x1ceff, 0x1cf2e, 0x1cf2f, 0x1cf47, 0x1cf4f, 0x1cfc4, 0x1cfff,
  0x1d0f6, 0x1d0ff, 0x1d127, 0x1d128, 0x1d173, 0x1d17a, 0x1d1eb, 0x1d1ff, 0x1d246, 0x1d2df, 0x1d2f4, 0x1d2ff,
  0x1d357, 0x1d35f, 0x1d379, 0x1d3ff, 0x1d455, 0x1d455, 0x1d49d, 0x1d49d, 0x1d4a0, 0x1d4a1, 0x1d4a3, 0x1d4a4,
  0x1d4a7, 0x1d4a8, 0x1d4ad, 0x1d4ad, 0x1d4ba, 0x1d4ba, 0x1d4bc, 0x1d4bc, 0x1d4c4, 0x1d4c4, 0x1d506, 0x1d506,
  0x1d50b, 0x1d50c, 0x1d515, 0x1d515, 0x1d51d, 0x1d51d, 0x1d53a, 0x1d53a, 0x1d53f, 0x1d53f, 0x1d545, 0x1d545,
  0x1d547, 0x1d549, 0x1d551, 0x1d551, 0x1d6a6, 0x1d6a7, 0x1d7cc, 0x1d7cd, 0x1da8c, 0x1da9a, 0x1daa0, 0x1daa0,
  0x1dab0, 0x1deff, 0x1df1f, 0x1dfff, 0x1e007, 0x1e007, 0x1e019, 0x1e01a, 0x1e022, 0x1e022, 0x1e025, 0x1e025,
  0x1e02b, 0x1e0ff, 0x1e12d, 0x1e12f, 0x1e13e, 0x1e13f, 0x1e14a, 0x1e14d, 0x1e150, 0x1e28f, 0x1e2af, 0x1e2bf,
  0x1e2fa, 0x1e2fe, 0x1e300, 0x1e7df, 0x1e7e7, 0x1e7e7, 0x1e7ec, 0x1e7ec, 0x1e7ef, 0x1e7ef, 0x1e7ff, 0x1e7ff,
  0x1e8c5, 0x1e8c6, 0x1e8d7, 0x1e8ff, 0x1e94c, 0x1e94f, 0x1e95a, 0x1e95d, 0x1e960, 0x1ec70, 0x1ecb5, 0x1ed00,
  0x1ed3e, 0x1edff, 0x1ee04, 0x1ee04, 0x1ee20, 0x1ee20, 0x1ee23, 0x1ee23, 0x1ee25, 0x1ee26, 0x1ee28, 0x1ee28,
  0x1ee33, 0x1ee33, 0x1ee38, 0x1ee38, 0x1ee3a, 0x1ee3a, 0x1ee3c, 0x1ee41, 0x1ee43, 0x1ee46, 0x1ee48, 0x1ee48,
  0x1ee4a, 0x1ee4a, 0x1ee4c, 0x1ee4c, 0x1ee50, 0x1ee50, 0x1ee53, 0x1ee53, 0x1ee55, 0x1ee56, 0x1ee58, 0x1ee58,
  0x1ee5a, 0x1ee5a, 0x1ee5c, 0x1ee5c, 0x1ee5e, 0x1ee5e, 0x1ee60, 0x1ee60, 0x1ee63, 0x1ee63, 0x1ee65, 0x1ee66,
  0x1ee6b, 0x1ee6b, 0x1ee73, 0x1ee73, 0x1ee78, 0x1ee78, 0x1ee7d, 0x1ee7d, 0x1ee7f, 0x1ee7f, 0x1ee8a, 0x1ee8a,
  0x1ee9c, 0x1eea0, 0x1eea4, 0x1eea4, 0x1eeaa, 0x1eeaa, 0x1eebc, 0x1eeef, 0x1eef2, 0x1efff, 0x1f02c, 0x1f02f,
  0x1f094, 0x1f09f, 0x1f0af, 0x1f0b0, 0x1f0c0, 0x1f0c0, 0x1f0d0, 0x1f0d0, 0x1f0f6, 0x1f0ff, 0x1f1ae, 0x1f1e5,
  0x1f203, 0x1f20f, 0x1f23c, 0x1f23f, 0x1f249, 0x1f24f, 0x1f252, 0x1f25f, 0x1f266, 0x1f2ff, 0x1f6d8, 0x1f6dc,
  0x1f6ed, 0x1f6ef, 0x1f6fd, 0x1f6ff, 0x1f774, 0x1f77f, 0x1f7d9, 0x1f7df, 0x1f7ec, 0x1f7ef, 0x1f7f1, 0x1f7ff,
  0x1f80c, 0x1f80f, 0x1f848, 0x1f84f, 0x1f85a, 0x1f85f, 0x1f888, 0x1f88f, 0x1f8ae, 0x1f8af, 0x1f8b2, 0x1f8ff,
  0x1fa54, 0x1fa5f, 0x1fa6e, 0x1fa6f, 0x1fa75, 0x1fa77, 0x1fa7d, 0x1fa7f, 0x1fa87, 0x1fa8f, 0x1faad, 0x1faaf,
  0x1fabb, 0x1fabf, 0x1fac6, 0x1facf, 0x1fada, 0x1fadf, 0x1fae8, 0x1faef, 0x1faf7, 0x1faff, 0x1fb93, 0x1fb93,
  0x1fbcb, 0x1fbef, 0x1fbfa, 0x1ffff, 0x2a6e0, 0x2a6ff, 0x2b739, 0x2b73f, 0x2b81e, 0x2b81f, 0x2cea2, 0x2ceaf,
  0x2ebe1, 0x2f7ff, 0x2fa1e, 0x2ffff, 0x3134b, 0xe00ff, 0xe01f0, 0x10ffff,
];
