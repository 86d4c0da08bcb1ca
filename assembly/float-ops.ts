/**
 * float arithmetic and conversions with CPython 3.11's semantics and error texts:
 * floor division, modulo and divmod with Python's signs (the remainder takes the divisor's sign, a
 * zero remainder too), ** with CPython's special cases (a negative base and a fractional exponent
 * give a complex), round() through exact decimal rounding, float.hex / float.fromhex, is_integer,
 * and float(str).
 *
 * Results are new references (floatNew) or NULL with an exception set.
 *
 * Entry points: floatTrueDiv, floatFloorDiv, floatMod, floatDivmod, floatPow, floatRound,
 * floatRoundToEven, floatHex, floatFromHex, floatIsInteger, floatFromStr.
 */
import { Value, NULL } from "./values";
import { floatNew, complexNew, parseFloatText, parsedFloat } from "./float";
import { tupleAlloc, tupleSetItem } from "./tuple";
import { alloc, free } from "./heap";
import { strLength, strData, strCodePoint, StrObject } from "./str";
import { decref } from "./refcount";
import { raiseMsg, raiseBegin, raiseMemory, errText, errStrObject, EXC_ZeroDivisionError, EXC_OverflowError, EXC_ValueError } from "./types";
import { digitsFixed, DIG, digN, digPoint, asciiStr, floatRepr } from "./float-format";
import { decimalValue } from "./format-spec";
import { strRepr } from "./str-ops";

// ---------------------------------------------------------------------------------------------------
// Division

/** a / b. */
export function floatTrueDiv(a: f64, b: f64): Value {
  if (b == 0) return raiseMsg(EXC_ZeroDivisionError, "float division by zero");
  return floatNew(a / b);
}

let divQuot: f64 = 0;
let divRem: f64 = 0;

/** Python's floor quotient and remainder (b != 0) into divQuot/divRem: CPython's _float_div_mod. */
function divMod(a: f64, b: f64): void {
  let mod = a % b; // fmod: exact
  // a - mod is an exact multiple of b in the reals; the division is close to an integer.
  let div = (a - mod) / b;
  if (mod != 0) {
    if (b < 0 != mod < 0) {
      mod += b;
      div -= 1.0;
    }
  } else {
    mod = copysign<f64>(0.0, b);
  }
  let q: f64;
  if (div != 0) {
    q = Math.floor(div);
    if (div - q > 0.5) q += 1.0;
  } else {
    q = copysign<f64>(0.0, a / b);
  }
  divQuot = q;
  divRem = mod;
}

/** a // b. */
export function floatFloorDiv(a: f64, b: f64): Value {
  if (b == 0) return raiseMsg(EXC_ZeroDivisionError, "float floor division by zero");
  divMod(a, b);
  return floatNew(divQuot);
}

/** a % b (the result has b's sign). */
export function floatMod(a: f64, b: f64): Value {
  if (b == 0) return raiseMsg(EXC_ZeroDivisionError, "float modulo");
  let mod = a % b;
  if (mod != 0) {
    if (b < 0 != mod < 0) mod += b;
  } else {
    mod = copysign<f64>(0.0, b);
  }
  return floatNew(mod);
}

/** divmod(a, b) as a tuple of two floats. */
export function floatDivmod(a: f64, b: f64): Value {
  if (b == 0) return raiseMsg(EXC_ZeroDivisionError, "float divmod()");
  divMod(a, b);
  const t = tupleAlloc(2);
  if (t == 0) return NULL;
  const q = floatNew(divQuot);
  if (q == NULL) {
    decref(<Value>t); // items are NULL: skipped
    return NULL;
  }
  tupleSetItem(t, 0, q);
  const r = floatNew(divRem);
  if (r == NULL) {
    decref(<Value>t);
    return NULL;
  }
  tupleSetItem(t, 1, r);
  return <Value>t;
}

// ---------------------------------------------------------------------------------------------------
// Power

// @ts-ignore: decorator
@inline function isOddInteger(x: f64): bool {
  return Math.abs(x) % 2.0 == 1.0;
}

/** x ** y for floats, CPython's float_pow (libm pow only for finite x > 0, x != 1, y != 0). */
export function floatPow(x: f64, y: f64): Value {
  if (y == 0) return floatNew(1.0);
  if (isNaN(x)) return floatNew(x);
  if (isNaN(y)) return floatNew(x == 1.0 ? 1.0 : y);
  if (!isFinite(y)) {
    const ax = Math.abs(x);
    if (ax == 1.0) return floatNew(1.0);
    if (y > 0 == ax > 1.0) return floatNew(Math.abs(y));
    return floatNew(0.0);
  }
  if (!isFinite(x)) {
    const odd = isOddInteger(y);
    if (y > 0) return floatNew(odd ? x : Math.abs(x));
    return floatNew(odd ? copysign<f64>(0.0, x) : 0.0);
  }
  if (x == 0) {
    if (y < 0) return raiseMsg(EXC_ZeroDivisionError, "0.0 cannot be raised to a negative power");
    return floatNew(isOddInteger(y) ? x : 0.0);
  }
  let negate = false;
  if (x < 0) {
    if (y != Math.floor(y)) return negativePow(x, y);
    x = -x;
    negate = isOddInteger(y);
  }
  if (x == 1.0) return floatNew(negate ? -1.0 : 1.0);
  let r = Math.pow(x, y);
  if (!isFinite(r)) return raiseMsg(EXC_OverflowError, "(34, 'Numerical result out of range')");
  return floatNew(negate ? -r : r);
}

/** A negative base to a fractional power: complex (x+0j) ** (y+0j), as CPython's _Py_c_pow computes it. */
function negativePow(x: f64, y: f64): Value {
  const len = Math.pow(-x, y); // hypot(x, 0) == |x|
  const phase = Math.PI * y; // atan2(0, x) == pi for x < 0
  sinCos(phase);
  const re = len * cosOut;
  const im = len * sinOut;
  if (!isFinite(len) || !isFinite(re) || !isFinite(im)) return raiseMsg(EXC_OverflowError, "complex exponentiation");
  return complexNew(re, im);
}

// sin and cos correctly rounded (almost always), as glibc's are in practice; musl's, which
// AssemblyScript's Math has, can be one ulp off. Double-double arithmetic: the reduction by pi/2
// keeps ~130 bits, the series ~105, so only values within 2**-50 ulp of a rounding tie could differ.

let sinOut: f64 = 0;
let cosOut: f64 = 0;
let ddHi: f64 = 0;
let ddLo: f64 = 0;

/** Exact a * b as ddHi + ddLo (Dekker: no fma in wasm). */
function twoProd(a: f64, b: f64): void {
  const p = a * b;
  const c = 134217729.0; // 2**27 + 1
  let t = c * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = c * b;
  const bh = t - (t - b);
  const bl = b - bh;
  ddHi = p;
  ddLo = ah * bh - p + ah * bl + al * bh + al * bl;
}

/** (ah + al) + (bh + bl) into ddHi + ddLo, normalized. */
function ddAdd(ah: f64, al: f64, bh: f64, bl: f64): void {
  const s = ah + bh;
  const bb = s - ah;
  const err = ah - (s - bb) + (bh - bb);
  const lo = err + al + bl;
  ddHi = s + lo;
  ddLo = lo - (ddHi - s);
}

/** (ah + al) * (bh + bl) into ddHi + ddLo. */
function ddMul(ah: f64, al: f64, bh: f64, bl: f64): void {
  twoProd(ah, bh);
  const p = ddHi;
  const lo = ddLo + (ah * bl + al * bh);
  ddHi = p + lo;
  ddLo = lo - (ddHi - p);
}

/** (ah + al) / d for a small integer d, into ddHi + ddLo. */
function ddDivSmall(ah: f64, al: f64, d: f64): void {
  const q1 = ah / d;
  twoProd(q1, d);
  const q2 = (ah - ddHi - ddLo + al) / d;
  ddHi = q1 + q2;
  ddLo = q2 - (ddHi - q1);
}

// pi/2 to ~160 bits.
const PIO2_HI: f64 = reinterpret<f64>(0x3ff921fb54442d18);
const PIO2_MID: f64 = reinterpret<f64>(0x3c91a62633145c07);
const PIO2_LO: f64 = reinterpret<f64>(0xb91f1976b7ed8fbc);

/** sin(x) and cos(x) into sinOut / cosOut. */
function sinCos(x: f64): void {
  if (!(Math.abs(x) < 4194304.0)) {
    // Beyond 2**22 (|y| > ~1.3e6) the reduction below would lose bits: musl's result.
    sinOut = Math.sin(x);
    cosOut = Math.cos(x);
    return;
  }
  // r = x - k * pi/2, |r| <= pi/4 (a little more), in double-double.
  const k = nearest<f64>(x * 0.6366197723675814);
  twoProd(k, PIO2_HI);
  let rh = x - ddHi; // exact (Sterbenz) or k == 0
  let rl = -ddLo;
  ddAdd(rh, rl, 0, 0);
  rh = ddHi;
  rl = ddLo;
  twoProd(k, PIO2_MID);
  ddAdd(rh, rl, -ddHi, -ddLo - k * PIO2_LO);
  rh = ddHi;
  rl = ddLo;
  // r2 = r * r; then the nested series 1 - r2/(2*3) (1 - r2/(4*5) (...)) and 1 - r2/(1*2) (1 - ...).
  ddMul(rh, rl, rh, rl);
  const r2h = ddHi;
  const r2l = ddLo;
  let sh = 1.0;
  let sl = 0.0;
  let ch = 1.0;
  let cl = 0.0;
  for (let n = 15; n >= 1; n--) {
    ddMul(r2h, r2l, sh, sl);
    ddDivSmall(ddHi, ddLo, <f64>(2 * n * (2 * n + 1)));
    ddAdd(1.0, 0.0, -ddHi, -ddLo);
    sh = ddHi;
    sl = ddLo;
    ddMul(r2h, r2l, ch, cl);
    ddDivSmall(ddHi, ddLo, <f64>((2 * n - 1) * (2 * n)));
    ddAdd(1.0, 0.0, -ddHi, -ddLo);
    ch = ddHi;
    cl = ddLo;
  }
  ddMul(sh, sl, rh, rl);
  const s = ddHi + ddLo;
  const c = ch + cl;
  const q = <i32>(<i64>k & 3);
  sinOut = q == 0 ? s : q == 1 ? c : q == 2 ? -s : -c;
  cosOut = q == 0 ? c : q == 1 ? -s : q == 2 ? -c : s;
}

// ---------------------------------------------------------------------------------------------------
// Rounding

const TEXT_BUF_SIZE: usize = 1024;
const TEXT_BUF: usize = memory.data(<i32>TEXT_BUF_SIZE, 8);
/** float(str)'s normalized text: sign, '.', SIG_MAX + 1 digits, 'e', exponent. */
const NORM_BUF: usize = memory.data(1024, 8);

/** Appends decimal n at p; returns the new end. */
function writeInt(p: usize, n: i64): usize {
  if (n < 0) {
    store<u8>(p++, 0x2d);
    n = -n;
  }
  let digits = 1;
  for (let t = n; t >= 10; t /= 10) digits++;
  for (let i = digits - 1; i >= 0; i--) {
    store<u8>(p + <usize>i, <u8>(0x30 + <i32>(n % 10)));
    n /= 10;
  }
  return p + <usize>digits;
}

/** round(x, ndigits): x rounded half to even at 10**-ndigits, exactly (then the nearest double). */
export function floatRound(x: f64, ndigits: i64): Value {
  if (!isFinite(x)) return floatNew(x);
  if (ndigits > 323) return floatNew(x); // every double is a multiple of 10**-323 and more
  if (ndigits < -308) return floatNew(0.0 * x); // 10**309 passes every double: +-0.0
  digitsFixed(Math.abs(x), 3, ndigits);
  // "[-]0<digits>e<exponent>", read back correctly rounded.
  let p = TEXT_BUF;
  if ((reinterpret<u64>(x) >> 63) != 0) store<u8>(p++, 0x2d);
  store<u8>(p++, 0x30);
  memory.copy(p, DIG, <usize>digN);
  p += <usize>digN;
  store<u8>(p++, 0x65);
  p = writeInt(p, <i64>digPoint - <i64>digN);
  if (!parseFloatText(TEXT_BUF, p - TEXT_BUF)) return NULL;
  const r = parsedFloat;
  if (!isFinite(r)) return raiseMsg(EXC_OverflowError, "rounded value too large to represent");
  return floatNew(r);
}

/** round(x) with no ndigits: the nearest integral value, ties to even (the caller makes the int). */
export function floatRoundToEven(x: f64): f64 {
  return nearest<f64>(x);
}

/** float.is_integer(). */
export function floatIsInteger(x: f64): bool {
  return isFinite(x) && Math.floor(x) == x;
}

// ---------------------------------------------------------------------------------------------------
// float.hex and float.fromhex

/** float.hex(x): "[-]0x<1 or 0>.<13 hex digits>p<sign><exponent>" (repr for inf and nan). */
export function floatHex(x: f64): usize {
  if (!isFinite(x)) return floatRepr(x);
  const bits = reinterpret<u64>(x);
  let p = TEXT_BUF;
  if ((bits >> 63) != 0) store<u8>(p++, 0x2d);
  store<u8>(p++, 0x30);
  store<u8>(p++, 0x78);
  if (x == 0) {
    store<u8>(p++, 0x30);
    store<u8>(p++, 0x2e);
    store<u8>(p++, 0x30);
    store<u8>(p++, 0x70);
    store<u8>(p++, 0x2b);
    store<u8>(p++, 0x30);
    return asciiStr(TEXT_BUF, p - TEXT_BUF);
  }
  const biased = <i32>((bits >> 52) & 0x7ff);
  const mant = bits & 0xfffffffffffff;
  store<u8>(p++, biased == 0 ? 0x30 : 0x31);
  store<u8>(p++, 0x2e);
  for (let shift = 48; shift >= 0; shift -= 4) {
    const d = <u32>((mant >> <u64>shift) & 15);
    store<u8>(p++, <u8>(d < 10 ? 0x30 + d : 0x57 + d));
  }
  store<u8>(p++, 0x70);
  const e: i64 = biased == 0 ? -1022 : <i64>biased - 1023;
  if (e >= 0) store<u8>(p++, 0x2b);
  p = writeInt(p, e);
  return asciiStr(TEXT_BUF, p - TEXT_BUF);
}

// The string being read by fromhex, as code points; past its end reads 0 (C's terminating NUL).
let hexSrc: usize = 0;
let hexLen: usize = 0;

// @ts-ignore: decorator
@inline function hexAt(i: usize): u32 {
  return i < hexLen ? strCodePoint(hexSrc, i) : 0;
}

function hexValue(c: u32): i32 {
  if (c >= 0x30 && c <= 0x39) return <i32>(c - 0x30);
  const l = c | 0x20;
  if (l >= 0x61 && l <= 0x66) return <i32>(l - 0x57);
  return -1;
}

// @ts-ignore: decorator
@inline function isAsciiSpace(c: u32): bool {
  return c == 0x20 || (c >= 0x09 && c <= 0x0d);
}

/** Case-insensitive match of an ASCII lowercase word at i. */
function matchAt(i: usize, word: string): bool {
  for (let j = 0; j < word.length; j++) {
    if ((hexAt(i + <usize>j) | 0x20) != <u32>word.charCodeAt(j)) return false;
  }
  return true;
}

/**
 * inf / infinity / nan with an optional sign at i (any case), as CPython's _Py_parse_inf_or_nan;
 * returns the end, or i when there is none. The value goes to infNanValue.
 */
let infNanValue: f64 = 0;
function parseInfNan(i: usize): usize {
  let j = i;
  let negative = false;
  if (hexAt(j) == 0x2d) {
    negative = true;
    j++;
  } else if (hexAt(j) == 0x2b) {
    j++;
  }
  if (matchAt(j, "inf")) {
    j += 3;
    if (matchAt(j, "inity")) j += 5;
    infNanValue = negative ? -Infinity : Infinity;
    return j;
  }
  if (matchAt(j, "nan")) {
    infNanValue = reinterpret<f64>(negative ? 0xfff8000000000000 : 0x7ff8000000000000);
    return j + 3;
  }
  return i;
}

const LONG_MAX: i64 = I64.MAX_VALUE;
const LONG_MIN: i64 = I64.MIN_VALUE;

function raiseHexParse(): Value {
  return raiseMsg(EXC_ValueError, "invalid hexadecimal floating-point string");
}
function raiseHexOverflow(): Value {
  return raiseMsg(EXC_OverflowError, "hexadecimal value too large to represent as a float");
}

// Digit j of the coefficient counted from its least significant end (the '.' skipped).
let hexCoeffEnd: usize = 0;
let hexFDigits: i64 = 0;
function hexDigitAt(j: i64): i32 {
  const pos = j < hexFDigits ? <i64>hexCoeffEnd - j : <i64>hexCoeffEnd - 1 - j;
  return hexValue(hexAt(<usize>pos));
}

/** float.fromhex(s): [ws] [sign] ([0x] hex [. hex] [p [sign] digits] | inf | nan) [ws], rounded half to even. */
export function floatFromHex(s: usize): Value {
  hexSrc = s;
  hexLen = <usize>strLength(s);
  let i: usize = 0;
  while (isAsciiSpace(hexAt(i))) i++;
  let x: f64 = 0;
  let negate = false;
  const afterInf = parseInfNan(i);
  if (afterInf != i) {
    x = infNanValue;
    i = afterInf;
    return hexFinish(i, x, false);
  }
  if (hexAt(i) == 0x2d) {
    negate = true;
    i++;
  } else if (hexAt(i) == 0x2b) {
    i++;
  }
  if (hexAt(i) == 0x30 && (hexAt(i + 1) | 0x20) == 0x78) i += 2;
  const coeffStart = i;
  while (hexValue(hexAt(i)) >= 0) i++;
  const pointPos = i;
  let coeffEnd: usize;
  if (hexAt(i) == 0x2e) {
    i++;
    while (hexValue(hexAt(i)) >= 0) i++;
    coeffEnd = i - 1;
  } else {
    coeffEnd = i;
  }
  let ndigits = <i64>coeffEnd - <i64>coeffStart;
  const fdigits = <i64>coeffEnd - <i64>pointPos;
  if (ndigits == 0) return raiseHexParse();
  // (CPython also rejects more than ~2**60 digits, which no str here can hold.)
  let exp: i64 = 0;
  if ((hexAt(i) | 0x20) == 0x70) {
    i++;
    let expNegative = false;
    if (hexAt(i) == 0x2d || hexAt(i) == 0x2b) {
      expNegative = hexAt(i) == 0x2d;
      i++;
    }
    if (!(hexAt(i) >= 0x30 && hexAt(i) <= 0x39)) return raiseHexParse();
    // strtol: saturates at LONG_MIN / LONG_MAX.
    let v: i64 = 0;
    let saturated = false;
    while (hexAt(i) >= 0x30 && hexAt(i) <= 0x39) {
      const d = <i64>(hexAt(i) - 0x30);
      if (!saturated) {
        if (v > (LONG_MAX - d) / 10) saturated = true;
        else v = v * 10 + d;
      }
      i++;
    }
    exp = saturated ? (expNegative ? LONG_MIN : LONG_MAX) : expNegative ? -v : v;
  }
  hexCoeffEnd = coeffEnd;
  hexFDigits = fdigits;
  while (ndigits > 0 && hexDigitAt(ndigits - 1) == 0) ndigits--;
  if (ndigits == 0 || exp < LONG_MIN / 2) return hexFinish(i, 0.0, negate);
  if (exp > LONG_MAX / 2) return raiseHexOverflow();
  exp -= 4 * fdigits;
  // topExp: one more than the exponent of the coefficient's top bit.
  let topExp = exp + 4 * (ndigits - 1);
  for (let d = hexDigitAt(ndigits - 1); d != 0; d >>= 1) topExp++;
  if (topExp < -1021 - 53) return hexFinish(i, 0.0, negate);
  if (topExp > 1024) return raiseHexOverflow();
  // lsb: exponent of the result's last bit (fewer bits when subnormal).
  const lsb = (topExp > -1021 ? topExp : -1021) - 53;
  if (exp >= lsb) {
    for (let j = ndigits - 1; j >= 0; j--) x = 16.0 * x + <f64>hexDigitAt(j);
    return hexFinish(i, NativeMath.scalbn(x, <i32>exp), negate);
  }
  // Round: keyDigit holds the first bit dropped (halfEps); half to even on the bits below it.
  const halfEps = <i32>1 << <i32>((lsb - exp - 1) % 4);
  const keyDigit = (lsb - exp - 1) / 4;
  for (let j = ndigits - 1; j > keyDigit; j--) x = 16.0 * x + <f64>hexDigitAt(j);
  const digit = hexDigitAt(keyDigit);
  x = 16.0 * x + <f64>(digit & (16 - 2 * halfEps));
  if ((digit & halfEps) != 0) {
    let up = false;
    if ((digit & (3 * halfEps - 1)) != 0 || (halfEps == 8 && keyDigit + 1 < ndigits && (hexDigitAt(keyDigit + 1) & 1) != 0)) {
      up = true;
    } else {
      for (let j = keyDigit - 1; j >= 0; j--) {
        if (hexDigitAt(j) != 0) {
          up = true;
          break;
        }
      }
    }
    if (up) {
      x += <f64>(2 * halfEps);
      if (topExp == 1024 && x == NativeMath.scalbn(<f64>(2 * halfEps), 53)) return raiseHexOverflow();
    }
  }
  return hexFinish(i, NativeMath.scalbn(x, <i32>(exp + 4 * keyDigit)), negate);
}

/** Trailing whitespace, then the end of the string, or the parse error. */
function hexFinish(i: usize, x: f64, negate: bool): Value {
  while (isAsciiSpace(hexAt(i))) i++;
  if (i != hexLen) return raiseHexParse();
  return floatNew(negate ? -x : x);
}

// ---------------------------------------------------------------------------------------------------
// float(str)

/** Unicode whitespace at or above U+007F (str.isspace); below it only ASCII counts. */
function isWideSpace(c: u32): bool {
  return c == 0x85 || c == 0xa0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000;
}

/** Keeps at most this many significant digits; later nonzero ones only act as a sticky bit. */
const SIG_MAX: i32 = 780;

/**
 * float(s) for a str: surrounding whitespace, '_' between digits, [sign] digits [. digits]
 * [e [sign] digits], inf/infinity/nan in any case; Unicode digits and spaces count as ASCII ones.
 * ValueError "could not convert string to float: <repr(s)>" otherwise.
 */
export function floatFromStr(s: usize): Value {
  const n = <usize>strLength(s);
  // The text as CPython sees it: ASCII, other spaces as ' ', other digits as ASCII ones, and anything
  // else ends it with a '?'.
  const buf = n <= TEXT_BUF_SIZE ? TEXT_BUF : alloc(n);
  if (buf == 0) return raiseMemory();
  let len: usize = n;
  if (changetype<StrObject>(s).ascii != 0) {
    memory.copy(buf, strData(s), n);
  } else {
    for (let i: usize = 0; i < n; i++) {
      const c = strCodePoint(s, i);
      let b: u32 = c;
      if (c >= 0x7f) {
        if (isWideSpace(c)) {
          b = 0x20;
        } else {
          const d = decimalValue(c);
          if (d < 0) {
            store<u8>(buf + i, 0x3f);
            len = i + 1;
            break;
          }
          b = 0x30 + <u32>d;
        }
      }
      store<u8>(buf + i, <u8>b);
    }
  }
  let r: Value = NULL;
  if (removeUnderscores(buf, len)) r = parseFloatAscii(buf, underscoreLen);
  if (buf != TEXT_BUF) free(buf, n);
  if (r != NULL) return r;
  if (failed) {
    const rep = strRepr(s);
    if (rep == 0) return NULL;
    raiseBegin(EXC_ValueError);
    errText("could not convert string to float: ");
    errStrObject(rep);
    decref(<Value>rep);
  }
  return NULL;
}

/** Set when the text is not a float (as opposed to running out of memory). */
let failed = false;
let underscoreLen: usize = 0;

/**
 * Drops underscores in place when each sits between two digits (C string semantics: a NUL ends the
 * scan, and a NUL before the end is an error). Result length in underscoreLen.
 */
function removeUnderscores(buf: usize, len: usize): bool {
  failed = true;
  let hasUnderscore = false;
  for (let i: usize = 0; i < len; i++) {
    const c = load<u8>(buf + i);
    if (c == 0) break;
    if (c == 0x5f) {
      hasUnderscore = true;
      break;
    }
  }
  if (!hasUnderscore) {
    underscoreLen = len;
    return true;
  }
  let w: usize = 0;
  let prev: u32 = 0;
  let i: usize = 0;
  for (; i < len; i++) {
    const c = <u32>load<u8>(buf + i);
    if (c == 0) break;
    if (c == 0x5f) {
      if (!(prev >= 0x30 && prev <= 0x39)) return false;
    } else {
      store<u8>(buf + w, <u8>c);
      w++;
      if (prev == 0x5f && !(c >= 0x30 && c <= 0x39)) return false;
    }
    prev = c;
  }
  if (prev == 0x5f || i != len) return false;
  underscoreLen = w;
  return true;
}

// @ts-ignore: decorator
@inline function isDigitByte(c: u32): bool {
  return c >= 0x30 && c <= 0x39;
}

/** The float the ASCII text [buf, buf + len) stands for, or NULL with failed set (or MemoryError). */
function parseFloatAscii(buf: usize, len: usize): Value {
  failed = true;
  let start: usize = 0;
  let last = len;
  while (start < last && isAsciiSpace(<u32>load<u8>(buf + start))) start++;
  if (start == last) return NULL;
  while (start < last - 1 && isAsciiSpace(<u32>load<u8>(buf + last - 1))) last--;
  const end = scanDecimal(buf, start, last);
  if (end != start) {
    if (end != last) return NULL;
    failed = false;
    if (!parseFloatText(NORM_BUF, normalizedLen)) return NULL; // cannot fail on normalized text
    return floatNew(parsedFloat);
  }
  const e = parseInfNanBytes(buf, start, last);
  if (e != last) return NULL;
  failed = false;
  return floatNew(infNanValue);
}

let normalizedLen: usize = 0;

/**
 * Reads the longest prefix at [start, last) of the form [sign] digits [. digits] [e [sign] digits]
 * (at least one mantissa digit; a bad exponent is left unread), as C strtod would; returns its end
 * (start when there is none). Writes the value as short normalized text into TEXT_BUF: at most
 * SIG_MAX significant digits (dropped nonzero digits become one trailing 1, which rounds the same
 * way) and a clamped exponent, for parseFloatText.
 */
function scanDecimal(buf: usize, start: usize, last: usize): usize {
  let i = start;
  let negative = false;
  const c0 = <u32>load<u8>(buf + i);
  if (c0 == 0x2d || c0 == 0x2b) {
    negative = c0 == 0x2d;
    i++;
  }
  let out = NORM_BUF;
  if (negative) store<u8>(out++, 0x2d);
  store<u8>(out++, 0x2e);
  let sig = 0; // significant digits kept
  let sticky = false;
  let point: i64 = 0; // value = 0.<kept digits> * 10**point (before the exponent)
  let sawDigit = false;
  let sawPoint = false;
  for (; i < last; i++) {
    const c = <u32>load<u8>(buf + i);
    if (c == 0x2e && !sawPoint) {
      sawPoint = true;
      continue;
    }
    if (!isDigitByte(c)) break;
    sawDigit = true;
    if (sig == 0 && c == 0x30) {
      if (sawPoint) point--;
      continue;
    }
    if (!sawPoint) point++;
    if (sig < SIG_MAX) {
      store<u8>(out++, <u8>c);
      sig++;
    } else if (c != 0x30) {
      sticky = true;
    }
  }
  if (!sawDigit) return start;
  if (sticky) store<u8>(out++, 0x31);
  if (i < last && (load<u8>(buf + i) | 0x20) == 0x65) {
    let j = i + 1;
    let expNegative = false;
    if (j < last && (load<u8>(buf + j) == 0x2d || load<u8>(buf + j) == 0x2b)) {
      expNegative = load<u8>(buf + j) == 0x2d;
      j++;
    }
    if (j < last && isDigitByte(<u32>load<u8>(buf + j))) {
      let e: i64 = 0;
      while (j < last && isDigitByte(<u32>load<u8>(buf + j))) {
        if (e < 1000000000) e = e * 10 + <i64>(load<u8>(buf + j) - 0x30);
        j++;
      }
      point += expNegative ? -e : e;
      i = j;
    }
  }
  if (sig == 0) {
    store<u8>(out++, 0x30);
    point = 0;
  }
  // Far outside the double range either way; keeps parseFloatText's exponent small.
  if (point > 100000) point = 100000;
  if (point < -100000) point = -100000;
  store<u8>(out++, 0x65);
  out = writeInt(out, point);
  normalizedLen = out - NORM_BUF;
  return i;
}

/** parseInfNan over bytes. */
function parseInfNanBytes(buf: usize, start: usize, last: usize): usize {
  let j = start;
  let negative = false;
  const c0 = <u32>load<u8>(buf + j);
  if (c0 == 0x2d || c0 == 0x2b) {
    negative = c0 == 0x2d;
    j++;
  }
  if (matchBytes(buf, j, last, "inf")) {
    j += 3;
    if (matchBytes(buf, j, last, "inity")) j += 5;
    infNanValue = negative ? -Infinity : Infinity;
    return j;
  }
  if (matchBytes(buf, j, last, "nan")) {
    infNanValue = reinterpret<f64>(negative ? 0xfff8000000000000 : 0x7ff8000000000000);
    return j + 3;
  }
  return start;
}

function matchBytes(buf: usize, i: usize, last: usize, word: string): bool {
  if (last - i < <usize>word.length) return false;
  for (let j = 0; j < word.length; j++) {
    if ((<u32>load<u8>(buf + i + <usize>j) | 0x20) != <u32>word.charCodeAt(j)) return false;
  }
  return true;
}
