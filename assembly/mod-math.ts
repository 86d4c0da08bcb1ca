/**
 * The `math` module, CPython 3.11's behaviour: results, special values (inf, nan, -0.0) and error
 * messages ("math domain error", "math range error", "must be real number, not str", ...).
 *
 * Float functions follow CPython's wrappers: a NaN from a non-NaN argument is ValueError, an
 * infinity from a finite argument is OverflowError (exp, cosh, ...) or ValueError (log, atanh,
 * ...). The libm kernels are AssemblyScript's (musl ports; exp/log/pow/exp2/log2 are the same
 * table-driven algorithms glibc uses), except where CPython computes the result itself: gamma,
 * lgamma, hypot/dist (vector_norm), fsum, remainder, fmod, frexp, ldexp, modf, nextafter, ulp,
 * and the log of huge ints. Integer functions (gcd, lcm, factorial, comb, perm, isqrt) work on
 * big ints through int-ops.ts.
 *
 * Entry point: makeMathModule(), a new module object.
 */
import { Value, NULL, NONE, TRUE, FALSE, isSmallInt, getSmallInt, makeSmallInt, isObject, makeBool } from "./values";
import { alloc, free } from "./heap";
import {
  kindOf,
  raiseMsg,
  raiseBegin,
  errText,
  errInt,
  errTypeName,
  errStrObject,
  errorType,
  errorClear,
  typeOf,
  typeObject,
  KIND_INT,
  KIND_FLOAT,
  KIND_LIST,
  KIND_TUPLE,
  EXC_TypeError,
  EXC_ValueError,
  EXC_OverflowError,
  EXC_ZeroDivisionError,
  EXC_MemoryError,
} from "./types";
import { floatNew, floatValue } from "./float";
import { bigNDigits, bigSign, BIGINT_HEADER_SIZE } from "./int";
import {
  intAdd,
  intSub,
  intMul,
  intFloorDiv,
  intMod,
  intCompare,
  intSign,
  intAbs,
  intNeg,
  intToF64,
  intToF64Failed,
  intFromF64,
  intLshift,
  intRshift,
  intBitLength,
} from "./int-ops";
import { intFromI64, intFromU64 } from "./int";
import { tupleAlloc, tupleSetItem, tupleSize, tupleItem, vecSize, vecItems } from "./tuple";
import { incref, decref } from "./refcount";
import { NativeFn, arg, kwCount, noKeywords } from "./native";
import { strEqualLiteral } from "./str";
import { dictNew } from "./dict";
import { moduleNew, moduleAddFunction, moduleAddValue } from "./function";
import { strLiteral, N_FLOAT, N_INDEX } from "./names";
import { userSlot, callMethod0, objGetIter, objIterNext, binaryOp } from "./ops";
import { NB_MULTIPLY } from "./number";

const ZERO: Value = 1; // makeSmallInt(0)
const ONE: Value = 3; // makeSmallInt(1)
const NAN: f64 = reinterpret<f64>(0x7ff8000000000000); // float('nan')'s bits
const PI: f64 = 3.141592653589793;

// @ts-ignore: decorator
@inline function isInfinite(x: f64): bool {
  return Math.abs(x) == Infinity;
}

let N_FLOOR: usize = 0;
let N_CEIL: usize = 0;
let N_TRUNC: usize = 0;

// ---------------------------------------------------------------------------------------------------
// Argument checks with the messages of CPython's calling machinery

/** METH_O functions: "math.sqrt() takes exactly one argument (2 given)". */
function oneArg(qualname: string, nargs: i32, kwnames: usize): bool {
  if (!noKeywords(qualname, kwnames)) return false;
  if (nargs == 1) return true;
  raiseBegin(EXC_TypeError);
  errText(qualname);
  errText("() takes exactly one argument (");
  errInt(nargs);
  errText(" given)");
  return false;
}

/** METH_FASTCALL functions: "pow expected 2 arguments, got 1", "perm expected at most 2 arguments, got 3". */
function fastArgs(qualname: string, name: string, nargs: i32, kwnames: usize, min: i32, max: i32): bool {
  if (!noKeywords(qualname, kwnames)) return false;
  if (nargs >= min && nargs <= max) return true;
  raiseBegin(EXC_TypeError);
  errText(name);
  errText(" expected ");
  if (min != max) errText(nargs < min ? "at least " : "at most ");
  const n = nargs < min ? min : max;
  errInt(n);
  errText(n == 1 ? " argument, got " : " arguments, got ");
  errInt(nargs);
  return false;
}

// ---------------------------------------------------------------------------------------------------
// Conversions

/** Set by toF64 when it raised (its result is then meaningless). */
let cvtFailed = false;

/** PyFloat_AsDouble: float (subclasses too), int, bool, __float__, __index__; TypeError otherwise. */
function toF64(v: Value): f64 {
  cvtFailed = false;
  if (isSmallInt(v)) return <f64>getSmallInt(v);
  if (isObject(v)) {
    const k = kindOf(<usize>v);
    if (k == KIND_FLOAT) return floatValue(<usize>v);
    if (k == KIND_INT && userSlot(v, N_FLOAT) == NULL) return bigToF64(v);
    return toF64Slow(v);
  }
  if (v == TRUE) return 1.0;
  if (v == FALSE) return 0.0;
  return badReal(v);
}

function bigToF64(v: Value): f64 {
  const x = intToF64(v);
  if (intToF64Failed) cvtFailed = true;
  return x;
}

function badReal(v: Value): f64 {
  raiseBegin(EXC_TypeError);
  errText("must be real number, not ");
  errTypeName(v);
  cvtFailed = true;
  return -1.0;
}

// Heap instances: their __float__, else __index__.
function toF64Slow(v: Value): f64 {
  let d = userSlot(v, N_FLOAT);
  if (d != NULL) {
    const r = callMethod0(d, v);
    if (r == NULL) {
      cvtFailed = true;
      return -1.0;
    }
    if (!isObject(r) || kindOf(<usize>r) != KIND_FLOAT) {
      raiseBegin(EXC_TypeError);
      errTypeName(v);
      errText(".__float__ returned non-float (type ");
      errTypeName(r);
      errText(")");
      decref(r);
      cvtFailed = true;
      return -1.0;
    }
    const x = floatValue(<usize>r);
    decref(r);
    return x;
  }
  d = userSlot(v, N_INDEX);
  if (d != NULL) {
    const i = toIndex(v);
    if (i == NULL) {
      cvtFailed = true;
      return -1.0;
    }
    const x = isSmallInt(i) ? <f64>getSmallInt(i) : bigToF64(i);
    decref(i);
    return x;
  }
  return badReal(v);
}

/** Whether v is an int for PyLong_Check (int, bool, int subclasses). */
function isInt(v: Value): bool {
  if (isSmallInt(v) || v == TRUE || v == FALSE) return true;
  return isObject(v) && kindOf(<usize>v) == KIND_INT;
}

import { exactInt } from "./num-methods";
/** operator.index(v): a new reference to an int (bool becomes 0/1), or NULL. */
function toIndex(v: Value): Value {
  if (isSmallInt(v)) return v;
  if (v == TRUE) return ONE;
  if (v == FALSE) return ZERO;
  if (isObject(v) && kindOf(<usize>v) == KIND_INT) return exactInt(v); // (a subclass instance as a plain int)
  const d = userSlot(v, N_INDEX);
  if (d != NULL) {
    const r = callMethod0(d, v);
    if (r == NULL) return NULL;
    if (!isInt(r) || r == TRUE || r == FALSE) {
      if (r == TRUE || r == FALSE) return r == TRUE ? ONE : ZERO;
      raiseBegin(EXC_TypeError);
      errText("__index__ returned non-int (type ");
      errTypeName(r);
      errText(")");
      decref(r);
      return NULL;
    }
    return r;
  }
  raiseBegin(EXC_TypeError);
  errText("'");
  errTypeName(v);
  errText("' object cannot be interpreted as an integer");
  return NULL;
}

/** Set by intToI64 when |v| does not fit an i64 (the result is then the sign, +-1). */
let i64Overflow = false;

/** An int (small or big) as i64; on overflow sets i64Overflow and returns its sign. */
function intToI64(v: Value): i64 {
  i64Overflow = false;
  if (isSmallInt(v)) return getSmallInt(v);
  const p = <usize>v;
  const n = <usize>bigNDigits(p);
  const neg = bigSign(p) < 0;
  if (n <= 3) {
    let m: u64 = 0;
    let ok = true;
    for (let i = <isize>n - 1; i >= 0; i--) {
      if ((m >> 34) != 0) ok = false;
      m = (m << 30) | <u64>load<u32>(p + BIGINT_HEADER_SIZE + (<usize>i << 2));
    }
    if (ok) {
      if (!neg && m <= <u64>i64.MAX_VALUE) return <i64>m;
      if (neg && m <= (<u64>1 << 63)) return <i64>(<u64>0 - m);
    }
  }
  i64Overflow = true;
  return neg ? -1 : 1;
}

function pack2(a: f64, b: f64): Value {
  const t = tupleAlloc(2);
  if (t == 0) return NULL;
  const x = floatNew(a);
  const y = floatNew(b);
  if (x == NULL || y == NULL) {
    if (x != NULL) decref(x);
    if (y != NULL) decref(y);
    tupleSetItem(t, 0, NONE);
    tupleSetItem(t, 1, NONE);
    decref(<u64>t);
    return NULL;
  }
  tupleSetItem(t, 0, x);
  tupleSetItem(t, 1, y);
  return <u64>t;
}

// ---------------------------------------------------------------------------------------------------
// One-argument float functions (math_1): the libm kernel, then CPython's error rules

const F_SQRT: i32 = 0;
const F_EXP: i32 = 1;
const F_EXP2: i32 = 2;
const F_EXPM1: i32 = 3;
const F_SIN: i32 = 4;
const F_COS: i32 = 5;
const F_TAN: i32 = 6;
const F_ASIN: i32 = 7;
const F_ACOS: i32 = 8;
const F_ATAN: i32 = 9;
const F_SINH: i32 = 10;
const F_COSH: i32 = 11;
const F_TANH: i32 = 12;
const F_ASINH: i32 = 13;
const F_ACOSH: i32 = 14;
const F_ATANH: i32 = 15;
const F_LOG1P: i32 = 16;
const F_CBRT: i32 = 17;
const F_FABS: i32 = 18;

const F1_NAMES: StaticArray<string> = [
  "math.sqrt", "math.exp", "math.exp2", "math.expm1", "math.sin", "math.cos", "math.tan", "math.asin", "math.acos",
  "math.atan", "math.sinh", "math.cosh", "math.tanh", "math.asinh", "math.acosh", "math.atanh", "math.log1p",
  "math.cbrt", "math.fabs",
];

function libm1(op: i32, x: f64): f64 {
  switch (op) {
    case F_SQRT:
      return Math.sqrt(x);
    case F_EXP:
      return Math.exp(x);
    case F_EXP2:
      return Math.pow(2.0, x);
    case F_EXPM1:
      return Math.expm1(x);
    case F_SIN:
      return Math.sin(x);
    case F_COS:
      return Math.cos(x);
    case F_TAN:
      return Math.tan(x);
    case F_ASIN:
      return Math.asin(x);
    case F_ACOS:
      return Math.acos(x);
    case F_ATAN:
      return Math.atan(x);
    case F_SINH:
      return Math.sinh(x);
    case F_COSH:
      return Math.cosh(x);
    case F_TANH:
      return Math.tanh(x);
    case F_ASINH:
      return Math.asinh(x);
    case F_ACOSH:
      return Math.acosh(x);
    case F_ATANH:
      return Math.atanh(x);
    case F_LOG1P:
      return Math.log1p(x);
    case F_CBRT:
      return Math.cbrt(x);
    case F_FABS:
      return Math.abs(x);
  }
  return NAN;
}

/** math_1's rules: NaN from non-NaN is ValueError; inf from finite is OverflowError or ValueError. */
function finish1(x: f64, r: f64, canOverflow: bool): Value {
  if (isNaN(r) && !isNaN(x)) return raiseMsg(EXC_ValueError, "math domain error");
  if (isInfinite(r) && isFinite(x)) {
    return canOverflow ? raiseMsg(EXC_OverflowError, "math range error") : raiseMsg(EXC_ValueError, "math domain error");
  }
  return floatNew(r);
}

function math1(args: usize, nargs: i32, kwnames: usize, op: i32): Value {
  if (!oneArg(unchecked(F1_NAMES[op]), nargs, kwnames)) return NULL;
  const x = toF64(arg(args, 0));
  if (cvtFailed) return NULL;
  const canOverflow = op == F_EXP || op == F_EXP2 || op == F_EXPM1 || op == F_SINH || op == F_COSH;
  return finish1(x, libm1(op, x), canOverflow);
}

function m_sqrt(self: Value, args: usize, nargs: i32, kw: usize): Value {
  return math1(args, nargs, kw, F_SQRT);
}
function m_exp(self: Value, args: usize, nargs: i32, kw: usize): Value {
  return math1(args, nargs, kw, F_EXP);
}
function m_exp2(self: Value, args: usize, nargs: i32, kw: usize): Value {
  return math1(args, nargs, kw, F_EXP2);
}
function m_expm1(self: Value, args: usize, nargs: i32, kw: usize): Value {
  return math1(args, nargs, kw, F_EXPM1);
}
function m_sin(self: Value, args: usize, nargs: i32, kw: usize): Value {
  return math1(args, nargs, kw, F_SIN);
}
function m_cos(self: Value, args: usize, nargs: i32, kw: usize): Value {
  return math1(args, nargs, kw, F_COS);
}
function m_tan(self: Value, args: usize, nargs: i32, kw: usize): Value {
  return math1(args, nargs, kw, F_TAN);
}
function m_asin(self: Value, args: usize, nargs: i32, kw: usize): Value {
  return math1(args, nargs, kw, F_ASIN);
}
function m_acos(self: Value, args: usize, nargs: i32, kw: usize): Value {
  return math1(args, nargs, kw, F_ACOS);
}
function m_atan(self: Value, args: usize, nargs: i32, kw: usize): Value {
  return math1(args, nargs, kw, F_ATAN);
}
function m_sinh(self: Value, args: usize, nargs: i32, kw: usize): Value {
  return math1(args, nargs, kw, F_SINH);
}
function m_cosh(self: Value, args: usize, nargs: i32, kw: usize): Value {
  return math1(args, nargs, kw, F_COSH);
}
function m_tanh(self: Value, args: usize, nargs: i32, kw: usize): Value {
  return math1(args, nargs, kw, F_TANH);
}
function m_asinh(self: Value, args: usize, nargs: i32, kw: usize): Value {
  return math1(args, nargs, kw, F_ASINH);
}
function m_acosh(self: Value, args: usize, nargs: i32, kw: usize): Value {
  return math1(args, nargs, kw, F_ACOSH);
}
function m_atanh(self: Value, args: usize, nargs: i32, kw: usize): Value {
  return math1(args, nargs, kw, F_ATANH);
}
function m_log1p(self: Value, args: usize, nargs: i32, kw: usize): Value {
  return math1(args, nargs, kw, F_LOG1P);
}
function m_cbrt(self: Value, args: usize, nargs: i32, kw: usize): Value {
  return math1(args, nargs, kw, F_CBRT);
}
function m_fabs(self: Value, args: usize, nargs: i32, kw: usize): Value {
  return math1(args, nargs, kw, F_FABS);
}

// ---------------------------------------------------------------------------------------------------
// gamma, lgamma, erf, erfc (math_1a: the kernel reports EDOM / ERANGE itself)

const EDOM: i32 = 1;
const ERANGE: i32 = 2;
let errnoFlag: i32 = 0;

const LANCZOS_G: f64 = 6.024680040776729583740234375;
const LANCZOS_G_MINUS_HALF: f64 = 5.524680040776729583740234375;
// Lanczos sum as a rational function (N = 13): numerator and denominator coefficients, CPython's.
const LANCZOS_NUM: StaticArray<f64> = [
  23531376880.410759688572007674451636754734846804940, 42919803642.649098768957899047001988850926355848959,
  35711959237.355668049440185451547166705960488635843, 17921034426.037209699919755754458931112671403265390,
  6039542586.3520280050642916443072979210699388420708, 1439720407.3117216736632230727949123939715485786772,
  248874557.86205415651146038641322942321632125127801, 31426415.585400194380614231628318205362874684987640,
  2876370.6289353724412254090516208496135991145378768, 186056.26539522349504029498971604569928220784236328,
  8071.6720023658162106380029022722506138218516325024, 210.82427775157934587250973392071336271166969580291,
  2.5066282746310002701649081771338373386264310793408,
];
const LANCZOS_DEN: StaticArray<f64> = [
  0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0, 13339535.0, 2637558.0, 357423.0, 32670.0,
  1925.0, 66.0, 1.0,
];
const LOGPI: f64 = 1.144729885849400174143427351353058711647;

function lanczosSum(x: f64): f64 {
  let num = 0.0;
  let den = 0.0;
  // Below 5 in x, above in 1/x (no overflow for large x).
  if (x < 5.0) {
    for (let i = 12; i >= 0; i--) {
      num = num * x + unchecked(LANCZOS_NUM[i]);
      den = den * x + unchecked(LANCZOS_DEN[i]);
    }
  } else {
    for (let i = 0; i < 13; i++) {
      num = num / x + unchecked(LANCZOS_NUM[i]);
      den = den / x + unchecked(LANCZOS_DEN[i]);
    }
  }
  return num / den;
}

/** C's round(): halfway cases away from zero. */
function roundHalfAway(v: f64): f64 {
  const t = Math.trunc(v);
  if (Math.abs(v - t) >= 0.5) return t + (v < 0 ? -1.0 : 1.0);
  return t;
}

/** sin(pi * x) for finite x, exact at integers and half-integers. */
function sinpi(x: f64): f64 {
  const y = Math.abs(x) % 2.0;
  const n = <i32>roundHalfAway(2.0 * y);
  let r: f64;
  switch (n) {
    case 0:
      r = Math.sin(PI * y);
      break;
    case 1:
      r = Math.cos(PI * (y - 0.5));
      break;
    case 2:
      r = Math.sin(PI * (1.0 - y)); // not -sin(pi*(y-1)): that gives -0.0 at y == 1
      break;
    case 3:
      r = -Math.cos(PI * (y - 1.5));
      break;
    default:
      r = Math.sin(PI * (y - 2.0));
      break;
  }
  return copysign<f64>(1.0, x) * r;
}

// gamma(k) for k = 1..23, exact.
const GAMMA_INTEGRAL: StaticArray<f64> = [
  1.0, 1.0, 2.0, 6.0, 24.0, 120.0, 720.0, 5040.0, 40320.0, 362880.0, 3628800.0, 39916800.0, 479001600.0,
  6227020800.0, 87178291200.0, 1307674368000.0, 20922789888000.0, 355687428096000.0, 6402373705728000.0,
  121645100408832000.0, 2432902008176640000.0, 51090942171709440000.0, 1124000727777607680000.0,
];

function tgamma(x: f64): f64 {
  if (!isFinite(x)) {
    if (isNaN(x) || x > 0.0) return x;
    errnoFlag = EDOM;
    return NAN;
  }
  if (x == 0.0) {
    errnoFlag = EDOM;
    return copysign<f64>(Infinity, x);
  }
  if (x == Math.floor(x)) {
    if (x < 0.0) {
      errnoFlag = EDOM;
      return NAN;
    }
    if (x <= 23.0) return unchecked(GAMMA_INTEGRAL[<i32>x - 1]);
  }
  const absx = Math.abs(x);
  if (absx < 1e-20) {
    const r = 1.0 / x;
    if (isInfinite(r)) errnoFlag = ERANGE;
    return r;
  }
  if (absx > 200.0) {
    if (x < 0.0) return 0.0 / sinpi(x);
    errnoFlag = ERANGE;
    return Infinity;
  }
  const y = absx + LANCZOS_G_MINUS_HALF;
  // z: the rounding error of y, scaled (corrects pow/exp of an inexact y)
  let z: f64;
  if (absx > LANCZOS_G_MINUS_HALF) {
    const q = y - absx;
    z = q - LANCZOS_G_MINUS_HALF;
  } else {
    const q = y - LANCZOS_G_MINUS_HALF;
    z = q - absx;
  }
  z = (z * LANCZOS_G) / y;
  let r: f64;
  if (x < 0.0) {
    r = (((-PI / sinpi(absx)) / absx) * Math.exp(y)) / lanczosSum(absx);
    r -= z * r;
    if (absx < 140.0) {
      r /= Math.pow(y, absx - 0.5);
    } else {
      const sp = Math.pow(y, absx / 2.0 - 0.25);
      r /= sp;
      r /= sp;
    }
  } else {
    r = lanczosSum(absx) / Math.exp(y);
    r += z * r;
    if (absx < 140.0) {
      r *= Math.pow(y, absx - 0.5);
    } else {
      const sp = Math.pow(y, absx / 2.0 - 0.25);
      r *= sp;
      r *= sp;
    }
  }
  if (isInfinite(r)) errnoFlag = ERANGE;
  return r;
}

function lgamma(x: f64): f64 {
  if (!isFinite(x)) return isNaN(x) ? x : Infinity;
  if (x == Math.floor(x) && x <= 2.0) {
    if (x <= 0.0) {
      errnoFlag = EDOM;
      return Infinity;
    }
    return 0.0;
  }
  const absx = Math.abs(x);
  if (absx < 1e-20) return -Math.log(absx);
  let r = Math.log(lanczosSum(absx)) - LANCZOS_G;
  r += (absx - 0.5) * (Math.log(absx + LANCZOS_G - 0.5) - 1);
  if (x < 0.0) r = LOGPI - Math.log(Math.abs(sinpi(absx))) - Math.log(absx) - r;
  if (isInfinite(r)) errnoFlag = ERANGE;
  return r;
}

// erf / erfc: power series below 1.5, continued fraction above (CPython's portable algorithm).
const SQRTPI: f64 = 1.772453850905516027298167483341145182798;

function erfSeries(x: f64): f64 {
  const x2 = x * x;
  let acc = 0.0;
  let fk = 25.0 + 0.5;
  for (let i = 0; i < 25; i++) {
    acc = 2.0 + (x2 * acc) / fk;
    fk -= 1.0;
  }
  return (acc * x * expMinusSquare(x)) / SQRTPI;
}

/** exp(-x*x) without the error of rounding x*x first: x*x = hi + lo exactly (Dekker), exp(-lo) ~ 1 - lo. */
function expMinusSquare(x: f64): f64 {
  const c = x * 134217729.0; // 2**27 + 1
  const xh = c - (c - x);
  const xl = x - xh;
  const hi = x * x;
  const lo = xh * xh - hi + 2.0 * xh * xl + xl * xl;
  const e = Math.exp(-hi);
  return e - e * lo;
}

function erfcContfrac(x: f64): f64 {
  if (x >= 30.0) return 0.0;
  const x2 = x * x;
  let a = 0.0;
  let da = 0.5;
  let p = 1.0;
  let pLast = 0.0;
  let q = da + x2;
  let qLast = 1.0;
  for (let i = 0; i < 50; i++) {
    a += da;
    da += 2.0;
    const b = da + x2;
    let t = p;
    p = b * p - a * pLast;
    pLast = t;
    t = q;
    q = b * q - a * qLast;
    qLast = t;
  }
  return ((p / q) * x * expMinusSquare(x)) / SQRTPI;
}

function erf(x: f64): f64 {
  if (isNaN(x)) return x;
  const ax = Math.abs(x);
  if (ax < 1.5) return erfSeries(x);
  const cf = erfcContfrac(ax);
  return x > 0.0 ? 1.0 - cf : cf - 1.0;
}

function erfc(x: f64): f64 {
  if (isNaN(x)) return x;
  const ax = Math.abs(x);
  if (ax < 1.5) return 1.0 - erfSeries(x);
  const cf = erfcContfrac(ax);
  return x > 0.0 ? cf : 2.0 - cf;
}

/** is_error(): EDOM is ValueError; ERANGE is OverflowError unless the result is small (underflow). */
function errnoResult(r: f64): Value {
  const e = errnoFlag;
  errnoFlag = 0;
  if (e == EDOM) return raiseMsg(EXC_ValueError, "math domain error");
  if (e == ERANGE && Math.abs(r) >= 1.5) return raiseMsg(EXC_OverflowError, "math range error");
  return floatNew(r);
}

function math1a(args: usize, nargs: i32, kwnames: usize, name: string, which: i32): Value {
  if (!oneArg(name, nargs, kwnames)) return NULL;
  const x = toF64(arg(args, 0));
  if (cvtFailed) return NULL;
  errnoFlag = 0;
  let r: f64;
  if (which == 0) r = tgamma(x);
  else if (which == 1) r = lgamma(x);
  else if (which == 2) r = erf(x);
  else r = erfc(x);
  return errnoResult(r);
}

function m_gamma(self: Value, args: usize, nargs: i32, kw: usize): Value {
  return math1a(args, nargs, kw, "math.gamma", 0);
}
function m_lgamma(self: Value, args: usize, nargs: i32, kw: usize): Value {
  return math1a(args, nargs, kw, "math.lgamma", 1);
}
function m_erf(self: Value, args: usize, nargs: i32, kw: usize): Value {
  return math1a(args, nargs, kw, "math.erf", 2);
}
function m_erfc(self: Value, args: usize, nargs: i32, kw: usize): Value {
  return math1a(args, nargs, kw, "math.erfc", 3);
}

// ---------------------------------------------------------------------------------------------------
// Two-argument float functions

/** Reads two float arguments into arg2x / arg2y; false when a conversion raised. */
let arg2x: f64 = 0;
let arg2y: f64 = 0;
function twoFloats(args: usize, nargs: i32, kwnames: usize, qualname: string, name: string): bool {
  if (!fastArgs(qualname, name, nargs, kwnames, 2, 2)) return false;
  arg2x = toF64(arg(args, 0));
  if (cvtFailed) return false;
  arg2y = toF64(arg(args, 1));
  return !cvtFailed;
}

/** math_2's rules: NaN from non-NaN arguments is ValueError, inf from finite ones OverflowError. */
function finish2(x: f64, y: f64, r: f64): Value {
  if (isNaN(r) && !isNaN(x) && !isNaN(y)) return raiseMsg(EXC_ValueError, "math domain error");
  if (isInfinite(r) && isFinite(x) && isFinite(y)) return raiseMsg(EXC_OverflowError, "math range error");
  return floatNew(r);
}

function atan2(y: f64, x: f64): f64 {
  if (isNaN(x) || isNaN(y)) return NAN;
  if (isInfinite(y)) {
    if (isInfinite(x)) return copysign<f64>(copysign<f64>(1.0, x) == 1.0 ? 0.25 * PI : 0.75 * PI, y);
    return copysign<f64>(0.5 * PI, y);
  }
  if (isInfinite(x) || y == 0.0) return copysign<f64>(copysign<f64>(1.0, x) == 1.0 ? 0.0 : PI, y);
  return Math.atan2(y, x);
}

function m_atan2(self: Value, args: usize, nargs: i32, kw: usize): Value {
  if (!twoFloats(args, nargs, kw, "math.atan2", "atan2")) return NULL;
  return finish2(arg2x, arg2y, atan2(arg2x, arg2y));
}

function m_copysign(self: Value, args: usize, nargs: i32, kw: usize): Value {
  if (!twoFloats(args, nargs, kw, "math.copysign", "copysign")) return NULL;
  return floatNew(copysign<f64>(arg2x, arg2y));
}

/** x - n*y for the integer n nearest x/y (ties to even); exact. */
function remainder(x: f64, y: f64): f64 {
  if (isFinite(x) && isFinite(y)) {
    if (y == 0.0) return NAN;
    const ax = Math.abs(x);
    const ay = Math.abs(y);
    const m = ax % ay;
    // Compare m with ay - m rather than 0.5 * ay (which may be inexact when tiny).
    const c = ay - m;
    let r: f64;
    if (m < c) r = m;
    else if (m > c) r = -c;
    else r = m - 2.0 * ((0.5 * (ax - m)) % ay); // tie: the even multiple
    return copysign<f64>(1.0, x) * r;
  }
  if (isNaN(x)) return x;
  if (isNaN(y)) return y;
  if (isInfinite(x)) return NAN;
  return x;
}

function m_remainder(self: Value, args: usize, nargs: i32, kw: usize): Value {
  if (!twoFloats(args, nargs, kw, "math.remainder", "remainder")) return NULL;
  return finish2(arg2x, arg2y, remainder(arg2x, arg2y));
}

function m_fmod(self: Value, args: usize, nargs: i32, kw: usize): Value {
  if (!twoFloats(args, nargs, kw, "math.fmod", "fmod")) return NULL;
  const x = arg2x;
  const y = arg2y;
  if (isInfinite(y) && isFinite(x)) return floatNew(x);
  const r = x % y;
  if (isNaN(r) && !isNaN(x) && !isNaN(y)) return raiseMsg(EXC_ValueError, "math domain error");
  return floatNew(r);
}

function m_pow(self: Value, args: usize, nargs: i32, kw: usize): Value {
  if (!twoFloats(args, nargs, kw, "math.pow", "pow")) return NULL;
  const x = arg2x;
  const y = arg2y;
  let r: f64;
  if (!isFinite(x) || !isFinite(y)) {
    // IEEE special values, directly (no errors)
    if (isNaN(x)) r = y == 0.0 ? 1.0 : x;
    else if (isNaN(y)) r = x == 1.0 ? 1.0 : y;
    else if (isInfinite(x)) {
      const oddY = isFinite(y) && Math.abs(y) % 2.0 == 1.0;
      if (y > 0.0) r = oddY ? x : Math.abs(x);
      else if (y == 0.0) r = 1.0;
      else r = oddY ? copysign<f64>(0.0, x) : 0.0;
    } else {
      if (Math.abs(x) == 1.0) r = 1.0;
      else if (y > 0.0 && Math.abs(x) > 1.0) r = y;
      else if (y < 0.0 && Math.abs(x) < 1.0) r = -y;
      else r = 0.0;
    }
    return floatNew(r);
  }
  r = Math.pow(x, y);
  if (isNaN(r)) return raiseMsg(EXC_ValueError, "math domain error");
  if (isInfinite(r)) {
    return x == 0.0 ? raiseMsg(EXC_ValueError, "math domain error") : raiseMsg(EXC_OverflowError, "math range error");
  }
  return floatNew(r);
}

function nextafter(x: f64, y: f64): f64 {
  if (isNaN(x) || isNaN(y)) return x + y;
  if (x == y) return y;
  if (x == 0.0) return copysign<f64>(reinterpret<f64>(<u64>1), y);
  const b = reinterpret<u64>(x);
  // Away from zero when moving outward, else toward it.
  const up = (y > x) == (x > 0.0);
  return reinterpret<f64>(up ? b + 1 : b - 1);
}

function m_nextafter(self: Value, args: usize, nargs: i32, kw: usize): Value {
  if (!twoFloats(args, nargs, kw, "math.nextafter", "nextafter")) return NULL;
  return floatNew(nextafter(arg2x, arg2y));
}

function m_ulp(self: Value, args: usize, nargs: i32, kw: usize): Value {
  if (!oneArg("math.ulp", nargs, kw)) return NULL;
  let x = toF64(arg(args, 0));
  if (cvtFailed) return NULL;
  if (isNaN(x)) return floatNew(x);
  x = Math.abs(x);
  if (isInfinite(x)) return floatNew(x);
  const x2 = nextafter(x, Infinity);
  if (isInfinite(x2)) return floatNew(x - nextafter(x, -Infinity)); // the largest finite float
  return floatNew(x2 - x);
}

// ---------------------------------------------------------------------------------------------------
// Exact float functions: frexp, ldexp, modf, degrees, radians, predicates

let frexpExp: i32 = 0;
/** m with 0.5 <= |m| < 1 and x == m * 2**frexpExp; x itself (exponent 0) for 0, inf and nan. */
function frexp(x: f64): f64 {
  frexpExp = 0;
  if (x == 0.0 || !isFinite(x)) return x;
  let bits = reinterpret<u64>(x);
  let e = <i32>((bits >> 52) & 0x7ff);
  let adj = 0;
  if (e == 0) {
    // subnormal: scale into the normal range first (exact)
    bits = reinterpret<u64>(x * 18446744073709551616.0); // 2**64
    e = <i32>((bits >> 52) & 0x7ff);
    adj = -64;
  }
  frexpExp = e - 1022 + adj;
  return reinterpret<f64>((bits & 0x800fffffffffffff) | (<u64>1022 << 52));
}

function m_frexp(self: Value, args: usize, nargs: i32, kw: usize): Value {
  if (!oneArg("math.frexp", nargs, kw)) return NULL;
  const x = toF64(arg(args, 0));
  if (cvtFailed) return NULL;
  const m = frexp(x);
  const t = tupleAlloc(2);
  if (t == 0) return NULL;
  const a = floatNew(m);
  if (a == NULL) {
    tupleSetItem(t, 0, NONE);
    tupleSetItem(t, 1, NONE);
    decref(<u64>t);
    return NULL;
  }
  tupleSetItem(t, 0, a);
  tupleSetItem(t, 1, makeSmallInt(<i64>frexpExp));
  return <u64>t;
}

/** x * 2**n with one rounding (subnormal results included). */
function ldexp(x: f64, n: i32): f64 {
  return NativeMath.scalbn(x, n);
}

function m_ldexp(self: Value, args: usize, nargs: i32, kw: usize): Value {
  if (!fastArgs("math.ldexp", "ldexp", nargs, kw, 2, 2)) return NULL;
  const x = toF64(arg(args, 0));
  if (cvtFailed) return NULL;
  const iv = arg(args, 1);
  if (!isInt(iv)) return raiseMsg(EXC_TypeError, "Expected an int as second argument to ldexp.");
  let e: i64 = iv == TRUE ? 1 : iv == FALSE ? 0 : intToI64(iv); // clamped to +-1 on overflow...
  if (i64Overflow) e = e < 0 ? i64.MIN_VALUE : i64.MAX_VALUE; // ...then to the far ends
  if (x == 0.0 || !isFinite(x)) return floatNew(x);
  // |e| beyond 2200 cannot come back into range (a double spans less than 2**2100)
  let r: f64;
  if (e > 2200) r = copysign<f64>(Infinity, x);
  else if (e < -2200) r = copysign<f64>(0.0, x);
  else r = ldexp(x, <i32>e);
  if (isInfinite(r)) return raiseMsg(EXC_OverflowError, "math range error");
  return floatNew(r);
}

function m_modf(self: Value, args: usize, nargs: i32, kw: usize): Value {
  if (!oneArg("math.modf", nargs, kw)) return NULL;
  const x = toF64(arg(args, 0));
  if (cvtFailed) return NULL;
  if (isInfinite(x)) return pack2(copysign<f64>(0.0, x), x);
  if (isNaN(x)) return pack2(x, x);
  const ip = Math.trunc(x);
  return pack2(copysign<f64>(x - ip, x), ip);
}

function m_degrees(self: Value, args: usize, nargs: i32, kw: usize): Value {
  if (!oneArg("math.degrees", nargs, kw)) return NULL;
  const x = toF64(arg(args, 0));
  if (cvtFailed) return NULL;
  return floatNew(x * (180.0 / PI));
}

function m_radians(self: Value, args: usize, nargs: i32, kw: usize): Value {
  if (!oneArg("math.radians", nargs, kw)) return NULL;
  const x = toF64(arg(args, 0));
  if (cvtFailed) return NULL;
  return floatNew(x * (PI / 180.0));
}

function predicate(args: usize, nargs: i32, kw: usize, name: string, which: i32): Value {
  if (!oneArg(name, nargs, kw)) return NULL;
  const x = toF64(arg(args, 0));
  if (cvtFailed) return NULL;
  if (which == 0) return makeBool(isFinite(x));
  if (which == 1) return makeBool(isInfinite(x));
  return makeBool(isNaN(x));
}

function m_isfinite(self: Value, args: usize, nargs: i32, kw: usize): Value {
  return predicate(args, nargs, kw, "math.isfinite", 0);
}
function m_isinf(self: Value, args: usize, nargs: i32, kw: usize): Value {
  return predicate(args, nargs, kw, "math.isinf", 1);
}
function m_isnan(self: Value, args: usize, nargs: i32, kw: usize): Value {
  return predicate(args, nargs, kw, "math.isnan", 2);
}

// ---------------------------------------------------------------------------------------------------
// isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)

function m_isclose(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (nargs > 2) {
    raiseBegin(EXC_TypeError);
    errText("isclose() takes exactly 2 positional arguments (");
    errInt(nargs);
    errText(" given)");
    return NULL;
  }
  let va: Value = nargs > 0 ? arg(args, 0) : NULL;
  let vb: Value = nargs > 1 ? arg(args, 1) : NULL;
  let vr: Value = NULL;
  let vt: Value = NULL;
  // CPython's order of complaints: a missing argument, then a name given twice, then an unknown name.
  let dup: usize = 0;
  let unknown: usize = 0;
  const nk = kwCount(kwnames);
  for (let i = 0; i < nk; i++) {
    const k = <usize>tupleItem(kwnames, i);
    const v = arg(args, nargs + i);
    if (strEqualLiteral(k, "a")) {
      if (nargs >= 1) {
        if (dup == 0) dup = k;
      } else va = v;
    } else if (strEqualLiteral(k, "b")) {
      if (nargs >= 2) {
        if (dup == 0) dup = k;
      } else vb = v;
    } else if (strEqualLiteral(k, "rel_tol")) vr = v;
    else if (strEqualLiteral(k, "abs_tol")) vt = v;
    else if (unknown == 0) unknown = k;
  }
  if (va == NULL || vb == NULL) {
    raiseBegin(EXC_TypeError);
    errText(va == NULL ? "isclose() missing required argument 'a' (pos 1)" : "isclose() missing required argument 'b' (pos 2)");
    return NULL;
  }
  if (dup != 0) {
    raiseBegin(EXC_TypeError);
    errText("argument for isclose() given by name ('");
    errStrObject(dup);
    errText("') and position (");
    errInt(strEqualLiteral(dup, "a") ? 1 : 2);
    errText(")");
    return NULL;
  }
  if (unknown != 0) {
    raiseBegin(EXC_TypeError);
    errText("'");
    errStrObject(unknown);
    errText("' is an invalid keyword argument for isclose()");
    return NULL;
  }
  const a = toF64(va);
  if (cvtFailed) return NULL;
  const b = toF64(vb);
  if (cvtFailed) return NULL;
  let rel = 1e-9;
  let abst = 0.0;
  if (vr != NULL) {
    rel = toF64(vr);
    if (cvtFailed) return NULL;
  }
  if (vt != NULL) {
    abst = toF64(vt);
    if (cvtFailed) return NULL;
  }
  if (rel < 0.0 || abst < 0.0) return raiseMsg(EXC_ValueError, "tolerances must be non-negative");
  if (a == b) return TRUE;
  if (isInfinite(a) || isInfinite(b)) return FALSE;
  const diff = Math.abs(b - a);
  return makeBool(diff <= Math.abs(rel * b) || diff <= Math.abs(rel * a) || diff <= abst);
}

// ---------------------------------------------------------------------------------------------------
// floor, ceil, trunc

/** Rounds a float to an int with mode 0 floor, 1 ceil, 2 trunc. */
function roundToInt(x: f64, mode: i32): Value {
  const t = mode == 0 ? Math.floor(x) : mode == 1 ? Math.ceil(x) : Math.trunc(x);
  return intFromF64(t);
}

/** An int argument returned as a plain int (its __floor__/__ceil__/__trunc__ is the identity). */
function plainInt(v: Value): Value {
  if (v == TRUE) return ONE;
  if (v == FALSE) return ZERO;
  if (isSmallInt(v)) return v;
  if (typeOf(v) == typeObject(KIND_INT)) {
    incref(v);
    return v;
  }
  return intAdd(v, ZERO); // an int subclass instance: a new plain int
}

function rounding(args: usize, nargs: i32, kw: usize, name: string, mode: i32): Value {
  if (!oneArg(name, nargs, kw)) return NULL;
  const v = arg(args, 0);
  if (isSmallInt(v) || v == TRUE || v == FALSE) return plainInt(v);
  if (isObject(v)) {
    const d = userSlot(v, mode == 0 ? N_FLOOR : mode == 1 ? N_CEIL : N_TRUNC);
    if (d != NULL) return callMethod0(d, v);
    const k = kindOf(<usize>v);
    if (k == KIND_FLOAT) return roundToInt(floatValue(<usize>v), mode);
    if (k == KIND_INT) return plainInt(v);
  }
  if (mode == 2) {
    raiseBegin(EXC_TypeError);
    errText("type ");
    errTypeName(v);
    errText(" doesn't define __trunc__ method");
    return NULL;
  }
  const x = toF64(v);
  if (cvtFailed) return NULL;
  return roundToInt(x, mode);
}

function m_floor(self: Value, args: usize, nargs: i32, kw: usize): Value {
  return rounding(args, nargs, kw, "math.floor", 0);
}
function m_ceil(self: Value, args: usize, nargs: i32, kw: usize): Value {
  return rounding(args, nargs, kw, "math.ceil", 1);
}
function m_trunc(self: Value, args: usize, nargs: i32, kw: usize): Value {
  return rounding(args, nargs, kw, "math.trunc", 2);
}

// ---------------------------------------------------------------------------------------------------
// log, log2, log10 (ints of any size: log(m * 2**e) = log(m) + e * log(2))

const L_LN: i32 = 0;
const L_LOG2: i32 = 1;
const L_LOG10: i32 = 2;

function logKernel(which: i32, x: f64): f64 {
  // CPython's m_log/m_log2/m_log10: special values first, libm for positive finite x.
  if (isFinite(x)) {
    if (x > 0.0) return which == L_LN ? Math.log(x) : which == L_LOG2 ? Math.log2(x) : Math.log10(x);
    return x == 0.0 ? -Infinity : NAN;
  }
  if (isNaN(x) || x > 0.0) return x;
  return NAN;
}

/** Top 53 bits of a big int's magnitude, rounded half to even, as m in [0.5, 1]; bigLogExp = bit length. */
let bigLogExp: i64 = 0;
function bigFrexp(v: Value): f64 {
  const p = <usize>v;
  const n = <usize>bigNDigits(p);
  const d = p + BIGINT_HEADER_SIZE;
  const top = load<u32>(d + ((n - 1) << 2));
  const L = <i64>(n - 1) * 30 + <i64>(32 - clz<u32>(top));
  // gather the top 64 bits (or fewer) and a sticky bit for the rest
  let acc: u64 = 0;
  let got: i64 = 0;
  let sticky = false;
  for (let i = <isize>n - 1; i >= 0; i--) {
    const dg = <u64>load<u32>(d + (<usize>i << 2));
    const w: i64 = i == <isize>n - 1 ? L - <i64>(n - 1) * 30 : 30;
    if (got + w <= 64) {
      acc = (acc << <u64>w) | dg;
      got += w;
    } else {
      const take = 64 - got;
      if (take > 0) {
        acc = (acc << <u64>take) | (dg >> <u64>(w - take));
        if ((dg & ((<u64>1 << <u64>(w - take)) - 1)) != 0) sticky = true;
        got = 64;
      } else if (dg != 0) sticky = true;
    }
  }
  // acc holds the top `got` (= 64, as L > 1024) bits; round to 53
  const rest = acc & 0x7ff;
  let q = acc >> 11;
  if (rest > 0x400 || (rest == 0x400 && (sticky || (q & 1) != 0))) q++;
  bigLogExp = L;
  return <f64>q * 1.1102230246251565e-16; // q / 2**53 (q may be 2**53: then 1.0)
}

/** loghelper: ints by themselves (any size), everything else through the float path. */
function logOf(v: Value, which: i32): Value {
  if (isInt(v)) {
    const iv = v == TRUE ? ONE : v == FALSE ? ZERO : v;
    if (intSign(iv) <= 0) return raiseMsg(EXC_ValueError, "math domain error");
    if (isSmallInt(iv)) return floatNew(logKernel(which, <f64>getSmallInt(iv)));
    const x = intToF64(iv);
    if (!intToF64Failed) return floatNew(logKernel(which, x));
    errorClear();
    const m = bigFrexp(iv);
    return floatNew(logKernel(which, m) + logKernel(which, 2.0) * <f64>bigLogExp);
  }
  const x = toF64(v);
  if (cvtFailed) return NULL;
  return finish1(x, logKernel(which, x), false);
}

function m_log(self: Value, args: usize, nargs: i32, kw: usize): Value {
  if (!noKeywords("log", kw)) return NULL;
  if (nargs < 1 || nargs > 2) return raiseMsg(EXC_TypeError, "math.log requires 1 to 2 arguments");
  const num = logOf(arg(args, 0), L_LN);
  if (num == NULL || nargs == 1) return num;
  const den = logOf(arg(args, 1), L_LN);
  if (den == NULL) {
    decref(num);
    return NULL;
  }
  const a = floatValue(<usize>num);
  const b = floatValue(<usize>den);
  decref(num);
  decref(den);
  if (b == 0.0) return raiseMsg(EXC_ZeroDivisionError, "float division by zero");
  return floatNew(a / b);
}

function m_log2(self: Value, args: usize, nargs: i32, kw: usize): Value {
  if (!oneArg("math.log2", nargs, kw)) return NULL;
  return logOf(arg(args, 0), L_LOG2);
}

function m_log10(self: Value, args: usize, nargs: i32, kw: usize): Value {
  if (!oneArg("math.log10", nargs, kw)) return NULL;
  return logOf(arg(args, 0), L_LOG10);
}

// ---------------------------------------------------------------------------------------------------
// Iteration over an argument: lists and tuples directly, anything else through the iterator protocol

let iterSeq: Value = NULL; // list/tuple being walked (borrowed), or NULL
let iterIt: Value = NULL; // iterator (owned), or NULL
let iterPos: usize = 0;

/** Starts iterating v (state saved by the caller across re-entrant calls). false on error. */
function iterStart(v: Value): bool {
  iterPos = 0;
  if (isObject(v) && userSlot(v, strIter()) == NULL) {
    const k = kindOf(<usize>v);
    if (k == KIND_LIST || k == KIND_TUPLE) {
      iterSeq = v;
      iterIt = NULL;
      return true;
    }
  }
  iterSeq = NULL;
  iterIt = objGetIter(v);
  return iterIt != NULL;
}

/** The next item (new reference), or NULL: the end when errorType() == 0, else an error. */
function iterNext(): Value {
  if (iterSeq != NULL) {
    const p = <usize>iterSeq;
    if (kindOf(p) == KIND_TUPLE) {
      if (iterPos >= <usize>tupleSize(p)) return NULL;
      const x = tupleItem(p, iterPos++);
      incref(x);
      return x;
    }
    if (iterPos >= <usize>vecSize(p)) return NULL;
    const x = load<u64>(vecItems(p) + (iterPos++ << 3));
    incref(x);
    return x;
  }
  return objIterNext(iterIt);
}

function iterEnd(): void {
  if (iterIt != NULL) decref(iterIt);
  iterIt = NULL;
  iterSeq = NULL;
}

// Saved iteration state: __float__ or __mul__ may call back into fsum/prod.
@unmanaged
class IterState {
  seq: Value;
  it: Value;
  pos: usize;
}
function iterSave(s: IterState): void {
  s.seq = iterSeq;
  s.it = iterIt;
  s.pos = iterPos;
}
function iterRestore(s: IterState): void {
  iterSeq = s.seq;
  iterIt = s.it;
  iterPos = s.pos;
}

let N_ITER_NAME: usize = 0;
function strIter(): usize {
  return N_ITER_NAME;
}

// ---------------------------------------------------------------------------------------------------
// fsum: Shewchuk's exact partial sums, rounded once at the end (half to even across partials)

function m_fsum(self: Value, args: usize, nargs: i32, kw: usize): Value {
  if (!oneArg("math.fsum", nargs, kw)) return NULL;
  const st = changetype<IterState>(alloc(offsetof<IterState>()));
  if (changetype<usize>(st) == 0) return raiseMsg(EXC_MemoryError, "math.fsum partials");
  if (!iterStart(arg(args, 0))) {
    free(changetype<usize>(st), offsetof<IterState>());
    return NULL;
  }
  iterSave(st);
  let cap: usize = 32;
  let p = alloc(cap << 3);
  if (p == 0) {
    iterEnd();
    free(changetype<usize>(st), offsetof<IterState>());
    return raiseMsg(EXC_MemoryError, "math.fsum partials");
  }
  let n: usize = 0;
  let special = 0.0;
  let infSum = 0.0;
  let result: Value = NULL;
  let failed = false;
  while (true) {
    iterRestore(st);
    const item = iterNext();
    st.pos = iterPos;
    if (item == NULL) {
      failed = errorType() != 0;
      break;
    }
    let x = toF64(item);
    decref(item);
    if (cvtFailed) {
      failed = true;
      break;
    }
    const xsave = x;
    let i: usize = 0;
    for (let j: usize = 0; j < n; j++) {
      let y = load<f64>(p + (j << 3));
      if (Math.abs(x) < Math.abs(y)) {
        const t = x;
        x = y;
        y = t;
      }
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo != 0.0) store<f64>(p + (i++ << 3), lo);
      x = hi;
    }
    n = i;
    if (x != 0.0) {
      if (!isFinite(x)) {
        // from an inf/nan summand, or an intermediate overflow
        if (isFinite(xsave)) {
          raiseMsg(EXC_OverflowError, "intermediate overflow in fsum");
          failed = true;
          break;
        }
        if (isInfinite(xsave)) infSum += xsave;
        special += xsave;
        n = 0;
      } else {
        if (n >= cap) {
          const q = alloc(cap << 4);
          if (q == 0) {
            raiseMsg(EXC_MemoryError, "math.fsum partials");
            failed = true;
            break;
          }
          memory.copy(q, p, cap << 3);
          free(p, cap << 3);
          p = q;
          cap <<= 1;
        }
        store<f64>(p + (n++ << 3), x);
      }
    }
  }
  iterRestore(st);
  iterEnd();
  free(changetype<usize>(st), offsetof<IterState>());
  if (!failed) {
    if (special != 0.0) {
      if (isNaN(infSum)) raiseMsg(EXC_ValueError, "-inf + inf in fsum");
      else result = floatNew(special);
    } else {
      result = floatNew(fsumFinish(p, n));
    }
  }
  free(p, cap << 3);
  return result;
}

/** The correctly rounded sum of the partials (non-overlapping, increasing magnitude). */
function fsumFinish(p: usize, n: usize): f64 {
  let hi = 0.0;
  let lo = 0.0;
  if (n == 0) return hi;
  hi = load<f64>(p + (--n << 3));
  // add from the top until the sum becomes inexact
  while (n > 0) {
    const x = hi;
    const y = load<f64>(p + (--n << 3));
    hi = x + y;
    lo = y - (hi - x);
    if (lo != 0.0) break;
  }
  // half-even across partials: a lower partial of the same sign as lo breaks the tie upward
  if (n > 0) {
    const below = load<f64>(p + ((n - 1) << 3));
    if ((lo < 0.0 && below < 0.0) || (lo > 0.0 && below > 0.0)) {
      const y = lo * 2.0;
      const x = hi + y;
      if (y == x - hi) hi = x;
    }
  }
  return hi;
}

// ---------------------------------------------------------------------------------------------------
// hypot, dist: CPython's vector_norm (scaled, split squares, compensated sums, one correction step)

function vectorNorm(n: usize, v: usize, max: f64, foundNan: bool): f64 {
  const T27 = 134217729.0; // 2**27 + 1, Veltkamp's splitter
  if (isInfinite(max)) return max;
  if (foundNan) return NAN;
  if (max == 0.0 || n <= 1) return max;
  frexp(max);
  const maxE = frexpExp;
  let csum = 1.0;
  let frac1 = 0.0;
  let frac2 = 0.0;
  let frac3 = 0.0;
  if (maxE >= -1023) {
    const scale = ldexp(1.0, -maxE);
    for (let i: usize = 0; i < n; i++) {
      let x = load<f64>(v + (i << 3)) * scale;
      const t = x * T27;
      const hi = t - (t - x);
      const lo = x - hi;
      x = hi * hi;
      let old = csum;
      csum += x;
      frac1 += old - csum + x;
      x = 2.0 * hi * lo;
      old = csum;
      csum += x;
      frac2 += old - csum + x;
      frac3 += lo * lo;
    }
    const h = Math.sqrt(csum - 1.0 + (frac1 + frac2 + frac3));
    // one differential correction of the square root: h**2 against the accurate sum
    let x = h;
    const t = x * T27;
    const hi = t - (t - x);
    const lo = x - hi;
    x = -hi * hi;
    let old = csum;
    csum += x;
    frac1 += old - csum + x;
    x = -2.0 * hi * lo;
    old = csum;
    csum += x;
    frac2 += old - csum + x;
    x = -lo * lo;
    old = csum;
    csum += x;
    frac3 += old - csum + x;
    x = csum - 1.0 + (frac1 + frac2 + frac3);
    return (h + x / (2.0 * h)) / scale;
  }
  // tiny max: the scale would overflow, divide by max instead
  for (let i: usize = 0; i < n; i++) {
    let x = load<f64>(v + (i << 3)) / max;
    x = x * x;
    const old = csum;
    csum += x;
    frac1 += old - csum + x;
  }
  return max * Math.sqrt(csum - 1.0 + frac1);
}

function m_hypot(self: Value, args: usize, nargs: i32, kw: usize): Value {
  if (!noKeywords("math.hypot", kw)) return NULL;
  const n = <usize>nargs;
  const v = alloc(n == 0 ? 8 : n << 3);
  if (v == 0) return NULL;
  let max = 0.0;
  let foundNan = false;
  for (let i: usize = 0; i < n; i++) {
    const x = Math.abs(toF64(arg(args, <i32>i)));
    if (cvtFailed) {
      free(v, n == 0 ? 8 : n << 3);
      return NULL;
    }
    store<f64>(v + (i << 3), x);
    if (isNaN(x)) foundNan = true;
    if (x > max) max = x;
  }
  const r = vectorNorm(n, v, max, foundNan);
  free(v, n == 0 ? 8 : n << 3);
  return floatNew(r);
}

/** A tuple of the items of v (new reference): v itself when it is a tuple. */
function asTuple(v: Value): usize {
  if (isObject(v) && kindOf(<usize>v) == KIND_TUPLE) {
    incref(v);
    return <usize>v;
  }
  if (!iterStart(v)) return 0;
  const st = changetype<IterState>(alloc(offsetof<IterState>()));
  if (changetype<usize>(st) == 0) {
    iterEnd();
    return 0;
  }
  iterSave(st);
  let cap: usize = 8;
  let n: usize = 0;
  let buf = alloc(cap << 3);
  let ok = buf != 0;
  while (ok) {
    iterRestore(st);
    const x = iterNext();
    st.pos = iterPos;
    if (x == NULL) {
      ok = errorType() == 0;
      break;
    }
    if (n == cap) {
      const nb = alloc(cap << 4);
      if (nb == 0) {
        decref(x);
        ok = false;
        break;
      }
      memory.copy(nb, buf, cap << 3);
      free(buf, cap << 3);
      buf = nb;
      cap <<= 1;
    }
    store<u64>(buf + (n++ << 3), x);
  }
  iterRestore(st);
  iterEnd();
  free(changetype<usize>(st), offsetof<IterState>());
  let t: usize = 0;
  if (ok) t = tupleAlloc(n);
  if (t != 0) {
    for (let i: usize = 0; i < n; i++) tupleSetItem(t, i, load<u64>(buf + (i << 3)));
  } else {
    for (let i: usize = 0; i < n; i++) decref(load<u64>(buf + (i << 3)));
  }
  if (buf != 0) free(buf, cap << 3);
  return t;
}

function m_dist(self: Value, args: usize, nargs: i32, kw: usize): Value {
  if (!fastArgs("math.dist", "dist", nargs, kw, 2, 2)) return NULL;
  const p = asTuple(arg(args, 0));
  if (p == 0) return NULL;
  const q = asTuple(arg(args, 1));
  if (q == 0) {
    decref(<u64>p);
    return NULL;
  }
  let r: Value = NULL;
  const n = <usize>tupleSize(p);
  if (n != <usize>tupleSize(q)) {
    raiseMsg(EXC_ValueError, "both points must have the same number of dimensions");
  } else {
    const v = alloc(n == 0 ? 8 : n << 3);
    if (v != 0) {
      let max = 0.0;
      let foundNan = false;
      let ok = true;
      for (let i: usize = 0; i < n; i++) {
        const px = toF64(tupleItem(p, i));
        if (cvtFailed) {
          ok = false;
          break;
        }
        const qx = toF64(tupleItem(q, i));
        if (cvtFailed) {
          ok = false;
          break;
        }
        const x = Math.abs(px - qx);
        store<f64>(v + (i << 3), x);
        if (isNaN(x)) foundNan = true;
        if (x > max) max = x;
      }
      if (ok) r = floatNew(vectorNorm(n, v, max, foundNan));
      free(v, n == 0 ? 8 : n << 3);
    }
  }
  decref(<u64>p);
  decref(<u64>q);
  return r;
}

// ---------------------------------------------------------------------------------------------------
// prod(iterable, *, start=1)

function m_prod(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  let start: Value = ONE;
  const nk = kwCount(kwnames);
  for (let i = 0; i < nk; i++) {
    const k = <usize>tupleItem(kwnames, i);
    if (strEqualLiteral(k, "start")) {
      start = arg(args, nargs + i);
    } else {
      raiseBegin(EXC_TypeError);
      errText("'");
      errStrObject(k);
      errText("' is an invalid keyword argument for prod()");
      return NULL;
    }
  }
  if (nargs != 1) {
    raiseBegin(EXC_TypeError);
    errText("prod() takes exactly 1 positional argument (");
    errInt(nargs);
    errText(" given)");
    return NULL;
  }
  if (!iterStart(arg(args, 0))) return NULL;
  const st = changetype<IterState>(alloc(offsetof<IterState>()));
  if (changetype<usize>(st) == 0) {
    iterEnd();
    return NULL;
  }
  iterSave(st);
  incref(start);
  let result = start;
  while (true) {
    iterRestore(st);
    const item = iterNext();
    st.pos = iterPos;
    if (item == NULL) {
      if (errorType() != 0) {
        decref(result);
        result = NULL;
      }
      break;
    }
    const r = mul(result, item);
    decref(result);
    decref(item);
    result = r;
    if (r == NULL) break;
  }
  iterRestore(st);
  iterEnd();
  free(changetype<usize>(st), offsetof<IterState>());
  return result;
}

/** a * b: ints and floats directly, everything else through the operator protocol. */
function mul(a: Value, b: Value): Value {
  const ka = isSmallInt(a) ? KIND_INT : isObject(a) ? kindOf(<usize>a) : 0;
  const kb = isSmallInt(b) ? KIND_INT : isObject(b) ? kindOf(<usize>b) : 0;
  const plainA = !isObject(a) || userSlotFree(a);
  const plainB = !isObject(b) || userSlotFree(b);
  if (plainA && plainB) {
    if (ka == KIND_INT && kb == KIND_INT) return intMul(a, b);
    if (ka == KIND_FLOAT && kb == KIND_FLOAT) return floatNew(floatValue(<usize>a) * floatValue(<usize>b));
  }
  return binaryOp(a, b, NB_MULTIPLY);
}

/** Whether v's type is exactly int or float (no Python-level dunders to honour). */
function userSlotFree(v: Value): bool {
  const t = typeOf(v);
  return t == typeObject(KIND_INT) || t == typeObject(KIND_FLOAT);
}

// ---------------------------------------------------------------------------------------------------
// Integer functions: gcd, lcm, factorial, comb, perm, isqrt

function gcdU64(a: u64, b: u64): u64 {
  while (b != 0) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/** gcd of two ints (borrowed), non-negative, new reference. */
function gcd2(a: Value, b: Value): Value {
  if (isSmallInt(a) && isSmallInt(b)) {
    const x = getSmallInt(a);
    const y = getSmallInt(b);
    return intFromU64(gcdU64(x < 0 ? <u64>-x : <u64>x, y < 0 ? <u64>-y : <u64>y));
  }
  let x = intAbs(a);
  if (x == NULL) return NULL;
  let y = intAbs(b);
  if (y == NULL) {
    decref(x);
    return NULL;
  }
  // Euclid until both fit a machine word
  while (y != ZERO) {
    if (isSmallInt(x) && isSmallInt(y)) {
      const g = intFromU64(gcdU64(<u64>getSmallInt(x), <u64>getSmallInt(y)));
      return g;
    }
    const r = intMod(x, y);
    decref(x);
    if (r == NULL) {
      decref(y);
      return NULL;
    }
    x = y;
    y = r;
  }
  return x;
}

function m_gcd(self: Value, args: usize, nargs: i32, kw: usize): Value {
  if (!noKeywords("math.gcd", kw)) return NULL;
  if (nargs == 0) return ZERO;
  let res = toIndex(arg(args, 0));
  if (res == NULL) return NULL;
  if (nargs == 1) {
    const r = intAbs(res);
    decref(res);
    return r;
  }
  for (let i = 1; i < nargs; i++) {
    const x = toIndex(arg(args, i));
    if (x == NULL) {
      decref(res);
      return NULL;
    }
    if (res != ONE) {
      const g = gcd2(res, x);
      decref(res);
      res = g;
    }
    decref(x);
    if (res == NULL) return NULL;
  }
  return res;
}

function lcm2(a: Value, b: Value): Value {
  if (a == ZERO || b == ZERO) return ZERO;
  const g = gcd2(a, b);
  if (g == NULL) return NULL;
  const f = intFloorDiv(a, g);
  decref(g);
  if (f == NULL) return NULL;
  const m = intMul(f, b);
  decref(f);
  if (m == NULL) return NULL;
  const r = intAbs(m);
  decref(m);
  return r;
}

function m_lcm(self: Value, args: usize, nargs: i32, kw: usize): Value {
  if (!noKeywords("math.lcm", kw)) return NULL;
  if (nargs == 0) return ONE;
  let res = toIndex(arg(args, 0));
  if (res == NULL) return NULL;
  if (nargs == 1) {
    const r = intAbs(res);
    decref(res);
    return r;
  }
  for (let i = 1; i < nargs; i++) {
    const x = toIndex(arg(args, i));
    if (x == NULL) {
      decref(res);
      return NULL;
    }
    if (res != ZERO) {
      const l = lcm2(res, x);
      decref(res);
      res = l;
    }
    decref(x);
    if (res == NULL) return NULL;
  }
  return res;
}

/**
 * prod(n - start - i for i in range(count)) for an int n (borrowed): products of neighbours
 * first (binary splitting keeps the big multiplications balanced). Recursion depth is log2(count).
 */
function fallingProduct(n: Value, start: u64, count: u64): Value {
  if (count <= 16) {
    let acc: Value = ONE;
    for (let i: u64 = 0; i < count; i++) {
      const off = start + i;
      // n - off, with off < 2**63 (callers bound it)
      const o = intFromU64(off);
      if (o == NULL) {
        decref(acc);
        return NULL;
      }
      const term = intSub(n, o);
      decref(o);
      if (term == NULL) {
        decref(acc);
        return NULL;
      }
      const r = intMul(acc, term);
      decref(acc);
      decref(term);
      if (r == NULL) return NULL;
      acc = r;
    }
    return acc;
  }
  const half = count >> 1;
  const a = fallingProduct(n, start, half);
  if (a == NULL) return NULL;
  const b = fallingProduct(n, start + half, count - half);
  if (b == NULL) {
    decref(a);
    return NULL;
  }
  const r = intMul(a, b);
  decref(a);
  decref(b);
  return r;
}

const SMALL_FACTORIALS: StaticArray<i64> = [
  1, 1, 2, 6, 24, 120, 720, 5040, 40320, 362880, 3628800, 39916800, 479001600, 6227020800, 87178291200,
  1307674368000, 20922789888000, 355687428096000, 6402373705728000, 121645100408832000, 2432902008176640000,
];

function factorialU64(k: u64): Value {
  if (k <= 20) return intFromI64(unchecked(SMALL_FACTORIALS[<i32>k]));
  const n = intFromU64(k);
  if (n == NULL) return NULL;
  const r = fallingProduct(n, 0, k);
  decref(n);
  return r;
}

function factorialOf(v: Value): Value {
  const n = toIndex(v);
  if (n == NULL) return NULL;
  const k = intToI64(n);
  const ovf = i64Overflow;
  decref(n);
  if (ovf && k > 0) {
    return raiseMsg(EXC_OverflowError, "factorial() argument should not exceed 9223372036854775807");
  }
  if (k < 0) return raiseMsg(EXC_ValueError, "factorial() not defined for negative values");
  return factorialU64(<u64>k);
}

function m_factorial(self: Value, args: usize, nargs: i32, kw: usize): Value {
  if (!oneArg("math.factorial", nargs, kw)) return NULL;
  return factorialOf(arg(args, 0));
}

/** perm (iscomb false) or comb of ints n >= k >= 0 with k < 2**63 (n, k borrowed). */
function permComb(n: Value, k: u64, iscomb: bool): Value {
  if (k == 0) return ONE;
  const p = fallingProduct(n, 0, k);
  if (p == NULL || !iscomb) return p;
  const f = factorialU64(k);
  if (f == NULL) {
    decref(p);
    return NULL;
  }
  const r = intFloorDiv(p, f);
  decref(p);
  decref(f);
  return r;
}

/** Reads n and k for comb/perm: new references in pcN / pcK, or false with an error raised. */
let pcN: Value = NULL;
let pcK: Value = NULL;
function readNK(nv: Value, kv: Value): bool {
  pcN = toIndex(nv);
  if (pcN == NULL) return false;
  pcK = toIndex(kv);
  if (pcK == NULL) {
    decref(pcN);
    return false;
  }
  let msg: string | null = null;
  if (intSign(pcN) < 0) msg = "n must be a non-negative integer";
  else if (intSign(pcK) < 0) msg = "k must be a non-negative integer";
  if (msg != null) {
    raiseMsg(EXC_ValueError, msg);
    decref(pcN);
    decref(pcK);
    return false;
  }
  return true;
}

function m_comb(self: Value, args: usize, nargs: i32, kw: usize): Value {
  if (!fastArgs("math.comb", "comb", nargs, kw, 2, 2)) return NULL;
  if (!readNK(arg(args, 0), arg(args, 1))) return NULL;
  const n = pcN;
  let k = pcK;
  let r: Value = NULL;
  const nk = intSub(n, k);
  if (nk != NULL) {
    if (intSign(nk) < 0) {
      r = ZERO;
    } else {
      if (intCompare(nk, k) < 0) {
        decref(k);
        k = nk;
        incref(k);
      }
      const ki = intToI64(k);
      if (i64Overflow) raiseMsg(EXC_OverflowError, "min(n - k, k) must not exceed 9223372036854775807");
      else r = permComb(n, <u64>ki, true);
    }
    decref(nk);
  }
  decref(n);
  decref(k);
  return r;
}

function m_perm(self: Value, args: usize, nargs: i32, kw: usize): Value {
  if (!fastArgs("math.perm", "perm", nargs, kw, 1, 2)) return NULL;
  if (nargs == 1 || arg(args, 1) == NONE) return factorialOf(arg(args, 0));
  if (!readNK(arg(args, 0), arg(args, 1))) return NULL;
  const n = pcN;
  const k = pcK;
  let r: Value = NULL;
  if (intCompare(n, k) < 0) {
    r = ZERO;
  } else {
    const ki = intToI64(k);
    if (i64Overflow) raiseMsg(EXC_OverflowError, "k must not exceed 9223372036854775807");
    else r = permComb(n, <u64>ki, false);
  }
  decref(n);
  decref(k);
  return r;
}

/** floor(sqrt(m)) for any u64. */
function isqrtU64(m: u64): u64 {
  let r = <u64>Math.sqrt(<f64>m);
  // the float root may be off by one either way near 2**64
  while (r > 0 && (r > 0xffffffff || r * r > m)) r--;
  while (r < 0xffffffff && (r + 1) * (r + 1) <= m) r++;
  return r;
}

function m_isqrt(self: Value, args: usize, nargs: i32, kw: usize): Value {
  if (!oneArg("math.isqrt", nargs, kw)) return NULL;
  const n = toIndex(arg(args, 0));
  if (n == NULL) return NULL;
  const s = intSign(n);
  if (s < 0) {
    decref(n);
    return raiseMsg(EXC_ValueError, "isqrt() argument must be nonnegative");
  }
  if (isSmallInt(n)) return intFromU64(isqrtU64(<u64>getSmallInt(n)));
  const r = isqrtBig(n);
  decref(n);
  return r;
}

/** Newton's iteration from above, started from a 32-bit estimate of the leading bits. */
function isqrtBig(n: Value): Value {
  const lv = intBitLength(n);
  if (lv == NULL) return NULL;
  const L = getSmallInt(lv);
  // n >> 2s has 60 or 61 bits; x0 = (isqrt((n >> 2s) + 1) + 1) << s >= sqrt(n)
  const s = (L - 60) >> 1;
  const sv = makeSmallInt(2 * s);
  const top = intRshift(n, sv);
  if (top == NULL) return NULL;
  const m = <u64>getSmallInt(top);
  let x = intFromU64(isqrtU64(m + 1) + 1);
  if (x == NULL) return NULL;
  const x0 = intLshift(x, makeSmallInt(s));
  decref(x);
  if (x0 == NULL) return NULL;
  x = x0;
  while (true) {
    const q = intFloorDiv(n, x);
    if (q == NULL) break;
    const sum = intAdd(x, q);
    decref(q);
    if (sum == NULL) break;
    const y = intRshift(sum, ONE);
    decref(sum);
    if (y == NULL) break;
    if (intCompare(y, x) >= 0) {
      decref(y);
      return x;
    }
    decref(x);
    x = y;
  }
  decref(x);
  return NULL;
}

// ---------------------------------------------------------------------------------------------------
// The module

let namesReady = false;
function initNamesOnce(): void {
  if (namesReady) return;
  namesReady = true;
  N_FLOOR = strLiteral("__floor__");
  N_CEIL = strLiteral("__ceil__");
  N_TRUNC = strLiteral("__trunc__");
  N_ITER_NAME = strLiteral("__iter__");
}

function add(d: usize, name: string, fn: NativeFn): void {
  moduleAddFunction(d, name, fn);
}

/** A new `math` module object (NULL with MemoryError when out of memory). */
export function makeMathModule(): usize {
  initNamesOnce();
  const d = dictNew();
  if (d == 0) return 0;
  add(d, "acos", m_acos);
  add(d, "acosh", m_acosh);
  add(d, "asin", m_asin);
  add(d, "asinh", m_asinh);
  add(d, "atan", m_atan);
  add(d, "atan2", m_atan2);
  add(d, "atanh", m_atanh);
  add(d, "cbrt", m_cbrt);
  add(d, "ceil", m_ceil);
  add(d, "comb", m_comb);
  add(d, "copysign", m_copysign);
  add(d, "cos", m_cos);
  add(d, "cosh", m_cosh);
  add(d, "degrees", m_degrees);
  add(d, "dist", m_dist);
  add(d, "erf", m_erf);
  add(d, "erfc", m_erfc);
  add(d, "exp", m_exp);
  add(d, "exp2", m_exp2);
  add(d, "expm1", m_expm1);
  add(d, "fabs", m_fabs);
  add(d, "factorial", m_factorial);
  add(d, "floor", m_floor);
  add(d, "fmod", m_fmod);
  add(d, "frexp", m_frexp);
  add(d, "fsum", m_fsum);
  add(d, "gamma", m_gamma);
  add(d, "gcd", m_gcd);
  add(d, "hypot", m_hypot);
  add(d, "isclose", m_isclose);
  add(d, "isfinite", m_isfinite);
  add(d, "isinf", m_isinf);
  add(d, "isnan", m_isnan);
  add(d, "isqrt", m_isqrt);
  add(d, "lcm", m_lcm);
  add(d, "ldexp", m_ldexp);
  add(d, "lgamma", m_lgamma);
  add(d, "log", m_log);
  add(d, "log10", m_log10);
  add(d, "log1p", m_log1p);
  add(d, "log2", m_log2);
  add(d, "modf", m_modf);
  add(d, "nextafter", m_nextafter);
  add(d, "perm", m_perm);
  add(d, "pow", m_pow);
  add(d, "prod", m_prod);
  add(d, "radians", m_radians);
  add(d, "remainder", m_remainder);
  add(d, "sin", m_sin);
  add(d, "sinh", m_sinh);
  add(d, "sqrt", m_sqrt);
  add(d, "tan", m_tan);
  add(d, "tanh", m_tanh);
  add(d, "trunc", m_trunc);
  add(d, "ulp", m_ulp);
  moduleAddValue(d, "pi", floatNew(PI));
  moduleAddValue(d, "e", floatNew(2.718281828459045));
  moduleAddValue(d, "tau", floatNew(6.283185307179586));
  moduleAddValue(d, "inf", floatNew(Infinity));
  moduleAddValue(d, "nan", floatNew(NAN));
  const m = moduleNew(d, strLiteral("math"));
  decref(<u64>d);
  return m;
}

// The natives, for test entries and the builtins table (same order as the module's functions).
export {
  m_acos, m_acosh, m_asin, m_asinh, m_atan, m_atan2, m_atanh, m_cbrt, m_ceil, m_comb, m_copysign, m_cos, m_cosh,
  m_degrees, m_dist, m_erf, m_erfc, m_exp, m_exp2, m_expm1, m_fabs, m_factorial, m_floor, m_fmod, m_frexp, m_fsum,
  m_gamma, m_gcd, m_hypot, m_isclose, m_isfinite, m_isinf, m_isnan, m_isqrt, m_lcm, m_ldexp, m_lgamma, m_log,
  m_log10, m_log1p, m_log2, m_modf, m_nextafter, m_perm, m_pow, m_prod, m_radians, m_remainder, m_sin, m_sinh,
  m_sqrt, m_tan, m_tanh, m_trunc, m_ulp,
};
/** Prepares the names the math functions look up (makeMathModule does it too). */
export function mathInit(): void {
  initNamesOnce();
}
