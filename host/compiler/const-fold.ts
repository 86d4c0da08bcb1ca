/**
 * The Python arithmetic CPython 3.11's AST optimizer (Python/ast_opt.c) folds constants with:
 * unaryOp / binaryOp / getItem on host values, with ast_opt.c's size guards (safe_multiply,
 * safe_power, safe_lshift, safe_mod). Every function returns the Python result, or NO_FOLD where
 * CPython's operation raises (ZeroDivisionError, OverflowError, TypeError, ...) or a guard refuses:
 * the optimizer then leaves the node as it is.
 *
 * Floats follow CPython's float object (floatobject.c): its floor division / modulo / pow special
 * cases, and which results raise. Complex follows complexobject.c (_Py_c_quot, c_powi, _Py_c_pow).
 */
import { PyComplex, PyFrozenSet, SurrogateStr, strCodePoints, strFromCodePoints, type PyObject } from "../objects.js";
import { glibcPow } from "./float-pow.js";

/** The operation raised (or a size guard refused): keep the expression as it is. */
export const NO_FOLD: unique symbol = Symbol("NO_FOLD");
export type Folded = PyObject | typeof NO_FOLD;

export type UnaryOpName = "Invert" | "Not" | "UAdd" | "USub";
export type BinOpName =
  | "Add" | "Sub" | "Mult" | "MatMult" | "Div" | "Mod" | "Pow"
  | "LShift" | "RShift" | "BitOr" | "BitXor" | "BitAnd" | "FloorDiv";

// ast_opt.c's limits.
export const MAX_INT_SIZE = 128; // bits
export const MAX_COLLECTION_SIZE = 256; // items
export const MAX_STR_SIZE = 4096; // characters
export const MAX_TOTAL_ITEMS = 1024; // including nested collections

const PY_SSIZE_T_MAX = (1n << 63n) - 1n;
const PY_SSIZE_T_MIN = -(1n << 63n);
const SIZE_T_MAX = (1n << 64n) - 1n;
const LONG_MAX = PY_SSIZE_T_MAX; // LP64: long is 64 bits

/** Internal: a Python exception inside the arithmetic; caught at the entry points. */
class Raised extends Error {}
const raise = (): never => {
  throw new Raised();
};

// ---- value classification ----------------------------------------------------------------------

type PyStr = string | SurrogateStr;
const isInt = (v: PyObject): v is bigint | boolean => typeof v === "bigint" || typeof v === "boolean";
const isStr = (v: PyObject): v is PyStr => typeof v === "string" || v instanceof SurrogateStr;
const isBytes = (v: PyObject): v is Uint8Array => v instanceof Uint8Array;
const isTuple = (v: PyObject): v is readonly PyObject[] => Array.isArray(v);
const isNumber = (v: PyObject): v is bigint | boolean | number | PyComplex =>
  isInt(v) || typeof v === "number" || v instanceof PyComplex;

const intValue = (v: bigint | boolean): bigint => (typeof v === "boolean" ? (v ? 1n : 0n) : v);

/** _PyLong_NumBits: bits of |n| (0 for 0). */
function numBits(n: bigint): number {
  if (n < 0n) n = -n;
  return n === 0n ? 0 : n.toString(2).length;
}

/** PyLong_AsDouble: correctly rounded; OverflowError when it rounds beyond the float range. */
function intToFloat(n: bigint): number {
  const x = Number(n); // the spec's Number(bigint) rounds to nearest, ties to even
  if (!Number.isFinite(x)) raise();
  return x;
}

function toFloat(v: bigint | boolean | number): number {
  return typeof v === "number" ? v : intToFloat(intValue(v));
}

function toComplex(v: bigint | boolean | number | PyComplex): PyComplex {
  return v instanceof PyComplex ? v : new PyComplex(toFloat(v), 0);
}

/** The length CPython's size guards use: code points for str, bytes for bytes. */
function strLength(s: PyStr): number {
  if (s instanceof SurrogateStr) return s.codePoints.length;
  let n = 0;
  for (const _ of s) n++;
  return n;
}

function isTrue(v: PyObject): boolean {
  if (v === null) return false;
  if (typeof v === "boolean") return v;
  if (typeof v === "bigint") return v !== 0n;
  if (typeof v === "number") return v !== 0; // nan is true
  if (v instanceof PyComplex) return v.real !== 0 || v.imag !== 0;
  if (typeof v === "string") return v.length > 0;
  if (v instanceof SurrogateStr) return v.codePoints.length > 0;
  if (v instanceof Uint8Array) return v.length > 0;
  if (Array.isArray(v)) return v.length > 0;
  if (v instanceof PyFrozenSet) return v.items.length > 0;
  return true; // Ellipsis
}

// ---- entry points ------------------------------------------------------------------------------

function guarded(f: () => Folded): Folded {
  try {
    return f();
  } catch (e) {
    if (e instanceof Raised) return NO_FOLD;
    throw e;
  }
}

/** fold_unaryop on a constant operand. */
export function unaryOp(op: UnaryOpName, v: PyObject): Folded {
  return guarded(() => {
    switch (op) {
      case "Not":
        return !isTrue(v);
      case "Invert":
        if (isInt(v)) return -intValue(v) - 1n;
        return raise();
      case "UAdd":
        if (isInt(v)) return intValue(v);
        if (typeof v === "number") return v;
        if (v instanceof PyComplex) return new PyComplex(v.real, v.imag);
        return raise();
      case "USub":
        if (isInt(v)) return -intValue(v);
        if (typeof v === "number") return -v;
        if (v instanceof PyComplex) return new PyComplex(-v.real, -v.imag);
        return raise();
    }
  });
}

/** fold_binop on two constant operands (the str % tuple-display case is the optimizer's). */
export function binaryOp(op: BinOpName, v: PyObject, w: PyObject): Folded {
  return guarded(() => {
    switch (op) {
      case "Add":
        return add(v, w);
      case "Sub":
        return numeric(v, w, (a, b) => a - b, (a, b) => a - b, cSub);
      case "Mult":
        return safeMultiply(v, w);
      case "Div":
        return numeric(v, w, intTrueDivide, floatTrueDivide, complexDivide);
      case "FloorDiv":
        return numeric(v, w, intFloorDiv, floatFloorDiv, () => raise());
      case "Mod":
        if (isStr(v) || isBytes(v)) return raise(); // safe_mod
        return numeric(v, w, intMod, floatMod, () => raise());
      case "Pow":
        return safePower(v, w);
      case "LShift":
        return safeLshift(v, w);
      case "RShift":
        return intOnly(v, w, rshift);
      case "BitOr":
        return bitwise(v, w, (a, b) => a | b);
      case "BitXor":
        return bitwise(v, w, (a, b) => a ^ b);
      case "BitAnd":
        return bitwise(v, w, (a, b) => a & b);
      case "MatMult":
        return raise(); // no builtin constant implements @
    }
  });
}

/** PyObject_GetItem(container, index) for constant operands (fold_subscr). */
export function getItem(container: PyObject, index: PyObject): Folded {
  return guarded(() => {
    if (isStr(container)) {
      const cps = strCodePoints(container);
      return strFromCodePoints([cps[seqIndex(index, cps.length)]]);
    }
    if (isBytes(container)) return BigInt(container[seqIndex(index, container.length)]);
    if (isTuple(container)) return container[seqIndex(index, container.length)];
    return raise();
  });
}

/** The position an int index selects in a sequence of `length` (IndexError / TypeError raise). */
function seqIndex(index: PyObject, length: number): number {
  if (!isInt(index)) return raise();
  let i = intValue(index);
  if (i < PY_SSIZE_T_MIN || i > PY_SSIZE_T_MAX) raise(); // cannot fit 'int' into an index-sized integer
  if (i < 0n) i += BigInt(length);
  if (i < 0n || i >= BigInt(length)) raise();
  return Number(i);
}

// ---- the number tower --------------------------------------------------------------------------

/** Dispatches a numeric binary operation by Python's coercion: int op int, else float, else complex. */
function numeric(
  v: PyObject,
  w: PyObject,
  onInt: (a: bigint, b: bigint) => PyObject,
  onFloat: (a: number, b: number) => PyObject,
  onComplex: (a: PyComplex, b: PyComplex) => PyObject,
): PyObject {
  if (!isNumber(v) || !isNumber(w)) return raise();
  if (isInt(v) && isInt(w)) return onInt(intValue(v), intValue(w));
  if (v instanceof PyComplex || w instanceof PyComplex) return onComplex(toComplex(v), toComplex(w));
  return onFloat(toFloat(v as number | bigint | boolean), toFloat(w as number | bigint | boolean));
}

function add(v: PyObject, w: PyObject): PyObject {
  if (isStr(v) && isStr(w)) return concatStr(v, w);
  if (isBytes(v) && isBytes(w)) {
    const out = new Uint8Array(v.length + w.length);
    out.set(v);
    out.set(w, v.length);
    return out;
  }
  if (isTuple(v) && isTuple(w)) return [...v, ...w];
  return numeric(v, w, (a, b) => a + b, (a, b) => a + b, cSum);
}

function concatStr(a: PyStr, b: PyStr): PyStr {
  if (typeof a === "string" && typeof b === "string" && !mergesSurrogates(a, b)) return a + b;
  return strFromCodePoints([...strCodePoints(a), ...strCodePoints(b)]);
}

/** Whether JS concatenation would join a trailing lone high surrogate with a leading low one. */
function mergesSurrogates(a: string, b: string): boolean {
  if (a.length === 0 || b.length === 0) return false;
  const hi = a.charCodeAt(a.length - 1);
  const lo = b.charCodeAt(0);
  return hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff;
}

function intOnly(v: PyObject, w: PyObject, f: (a: bigint, b: bigint) => PyObject): PyObject {
  if (!isInt(v) || !isInt(w)) return raise();
  return f(intValue(v), intValue(w));
}

/** & | ^ : bool op bool stays bool (bool's own nb_and etc.), else int. */
function bitwise(v: PyObject, w: PyObject, f: (a: bigint, b: bigint) => bigint): PyObject {
  if (typeof v === "boolean" && typeof w === "boolean") return f(intValue(v), intValue(w)) !== 0n;
  return intOnly(v, w, f);
}

function rshift(a: bigint, b: bigint): bigint {
  if (b < 0n) raise(); // negative shift count
  if (a === 0n) return 0n;
  if (b > 1n << 32n) return a < 0n ? -1n : 0n; // far beyond any int's bits
  return a >> b; // BigInt >> floors, as Python's does
}

function intFloorDiv(a: bigint, b: bigint): bigint {
  if (b === 0n) raise();
  const q = a / b;
  return (a % b !== 0n) && ((a < 0n) !== (b < 0n)) ? q - 1n : q;
}

function intMod(a: bigint, b: bigint): bigint {
  if (b === 0n) raise();
  const r = a % b;
  return r !== 0n && (r < 0n) !== (b < 0n) ? r + b : r;
}

/** long_true_divide: the correctly rounded quotient; OverflowError when it exceeds the float range. */
function intTrueDivide(a: bigint, b: bigint): number {
  if (b === 0n) raise();
  const negative = (a < 0n) !== (b < 0n);
  const x = a < 0n ? -a : a;
  const y = b < 0n ? -b : b;
  if (x === 0n) return negative ? -0 : 0;
  if (x <= 1n << 53n && y <= 1n << 53n) return Number(a) / Number(b); // both exact: IEEE rounds
  // Scale so that the integer quotient has 55..56 bits, then round by hand (ties to even, with
  // the remainder as sticky bit), at the subnormal ulp when the result is that small.
  const k = numBits(x) - numBits(y) - 56;
  const num = k < 0 ? x << BigInt(-k) : x;
  const den = k > 0 ? y << BigInt(k) : y;
  const q = num / den;
  const sticky = num % den !== 0n;
  const ulp = Math.max(numBits(q) + k - 53, -1074);
  const shift = BigInt(ulp - k);
  let mant = q >> shift;
  const rest = q & ((1n << shift) - 1n);
  const half = 1n << (shift - 1n);
  if (rest > half || (rest === half && (sticky || (mant & 1n) === 1n))) mant += 1n;
  if (numBits(mant) + ulp > 1024) raise(); // integer division result too large for a float
  const r = Number(mant) * 2 ** ulp; // exact: mant has at most 53 bits and 2**ulp is a double
  return negative ? -r : r;
}

function floatTrueDivide(a: number, b: number): number {
  if (b === 0) raise(); // float division by zero
  return a / b;
}

/** float_divmod's quotient part (float_floor_div). */
function floatFloorDiv(vx: number, wx: number): number {
  if (wx === 0) raise(); // float floor division by zero
  let mod = vx % wx; // C fmod
  let div = (vx - mod) / wx;
  if (mod !== 0) { // C truth: nan counts as nonzero
    if (wx < 0 !== mod < 0) {
      mod += wx;
      div -= 1.0;
    }
  }
  let floordiv: number;
  if (div !== 0) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    floordiv = copysign(0.0, vx / wx);
  }
  return floordiv;
}

/** float_rem. */
function floatMod(vx: number, wx: number): number {
  if (wx === 0) raise(); // float modulo
  let mod = vx % wx;
  if (mod !== 0) {
    if (wx < 0 !== mod < 0) mod += wx;
  } else {
    mod = copysign(0.0, wx);
  }
  return mod;
}

function copysign(x: number, y: number): number {
  const neg = y < 0 || Object.is(y, -0) || (Number.isNaN(y) && signBit(y));
  return neg ? -Math.abs(x) : Math.abs(x);
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
function signBit(x: number): boolean {
  f64[0] = x;
  return u32[1] >>> 31 === 1; // little-endian host
}

const isOddInteger = (x: number): boolean => Math.abs(x) % 2 === 1;

/** float_pow (CPython's special cases, then C pow; overflow raises). */
function floatPow(iv: number, iw: number): PyObject {
  if (iw === 0) return 1.0;
  if (Number.isNaN(iv)) return iv;
  if (Number.isNaN(iw)) return iv === 1.0 ? 1.0 : iw;
  if (!Number.isFinite(iw)) {
    const av = Math.abs(iv);
    if (av === 1.0) return 1.0;
    if (iw > 0 === av > 1.0) return Math.abs(iw);
    return 0.0;
  }
  if (!Number.isFinite(iv)) {
    const odd = isOddInteger(iw);
    if (iw > 0) return odd ? iv : Math.abs(iv);
    return odd ? copysign(0.0, iv) : 0.0;
  }
  if (iv === 0) {
    const odd = isOddInteger(iw);
    if (iw < 0) raise(); // 0.0 cannot be raised to a negative power
    return odd ? iv : 0.0;
  }
  let negate = false;
  if (iv < 0) {
    // Negative numbers raised to fractional powers become complex.
    if (iw !== Math.floor(iw)) return complexPow(new PyComplex(iv, 0), new PyComplex(iw, 0));
    iv = -iv;
    negate = isOddInteger(iw);
  }
  if (iv === 1.0) return negate ? -1.0 : 1.0;
  let ix = cPow(iv, iw);
  if (!Number.isFinite(ix)) raise(); // OverflowError (ERANGE)
  if (negate) ix = -ix;
  return ix;
}

/**
 * Folds CPython makes with its C library's pow/exp/log/sin/cos/atan2/hypot that we cannot reproduce
 * bit for bit: glibc's pow where x**y lies too close to a rounding midpoint (float-pow.ts), and the
 * general complex power. A constant 1 ulp off would be a wrong program, where an unfolded `**` only
 * costs a BINARY_OP at run time. Counted so that tests can tell this deliberate difference from a bug.
 */
export const libmRefusals = { count: 0 };
function refuseLibm(): never {
  libmRefusals.count++;
  return raise();
}

/** C's pow() for finite positive x != 1 and finite y != 0, as glibc gives it (inf on overflow). */
function cPow(x: number, y: number): number {
  return glibcPow(x, y) ?? refuseLibm();
}

function safePower(v: PyObject, w: PyObject): PyObject {
  if (isInt(v) && isInt(w)) {
    const a = intValue(v);
    const b = intValue(w);
    if (a !== 0n && b > 0n) {
      if (b > SIZE_T_MAX) raise();
      if (BigInt(numBits(a)) > BigInt(MAX_INT_SIZE) / b) raise();
    }
    if (b < 0n) return floatPow(intToFloat(a), intToFloat(b)); // long_pow hands negative exponents to float
    return a ** b;
  }
  if (!isNumber(v) || !isNumber(w)) return raise();
  if (v instanceof PyComplex || w instanceof PyComplex) return complexPow(toComplex(v), toComplex(w));
  return floatPow(toFloat(v as number | bigint | boolean), toFloat(w as number | bigint | boolean));
}

function safeLshift(v: PyObject, w: PyObject): PyObject {
  if (!isInt(v) || !isInt(w)) return raise();
  const a = intValue(v);
  const b = intValue(w);
  if (a !== 0n && b !== 0n) {
    if (b < 0n || b > SIZE_T_MAX) raise(); // PyLong_AsSize_t fails
    if (b > BigInt(MAX_INT_SIZE) || BigInt(numBits(a)) > BigInt(MAX_INT_SIZE) - b) raise();
  }
  if (b < 0n) raise(); // negative shift count
  if (a === 0n) return 0n;
  return a << b;
}

// ---- sequences ---------------------------------------------------------------------------------

/** check_complexity: the limit minus the items of obj (nested tuples and frozensets counted). */
function checkComplexity(obj: PyObject, limit: number): number {
  if (isTuple(obj)) {
    limit -= obj.length;
    for (let i = 0; limit >= 0 && i < obj.length; i++) limit = checkComplexity(obj[i], limit);
    return limit;
  }
  if (obj instanceof PyFrozenSet) {
    limit -= obj.items.length;
    for (let i = 0; limit >= 0 && i < obj.items.length; i++) limit = checkComplexity(obj.items[i], limit);
  }
  return limit;
}

/** C's integer division as the guards use it (operands are non-negative here or truncate). */
const cdiv = (a: number, b: number): number => Math.trunc(a / b);

function safeMultiply(v: PyObject, w: PyObject): PyObject {
  if (isInt(v) && isInt(w) && intValue(v) !== 0n && intValue(w) !== 0n) {
    if (numBits(intValue(v)) + numBits(intValue(w)) > MAX_INT_SIZE) raise();
  } else if (isInt(v) && (isTuple(w) || w instanceof PyFrozenSet)) {
    const size = isTuple(w) ? w.length : w.items.length;
    if (size) {
      const n = intValue(v);
      if (n < 0n || n > LONG_MAX || n > BigInt(cdiv(MAX_COLLECTION_SIZE, size))) raise();
      if (n && checkComplexity(w, cdiv(MAX_TOTAL_ITEMS, Number(n))) < 0) raise();
    }
  } else if (isInt(v) && (isStr(w) || isBytes(w))) {
    const size = isStr(w) ? strLength(w) : w.length;
    if (size) {
      const n = intValue(v);
      if (n < 0n || n > LONG_MAX || n > BigInt(cdiv(MAX_STR_SIZE, size))) raise();
    }
  } else if (isInt(w) && (isTuple(v) || v instanceof PyFrozenSet || isStr(v) || isBytes(v))) {
    return safeMultiply(w, v);
  }
  return multiply(v, w);
}

/** PyNumber_Multiply: numbers, or sequence repetition by an int. */
function multiply(v: PyObject, w: PyObject): PyObject {
  if (isInt(w) && (isStr(v) || isBytes(v) || isTuple(v))) return repeat(v, intValue(w));
  if (isInt(v) && (isStr(w) || isBytes(w) || isTuple(w))) return repeat(w, intValue(v));
  return numeric(v, w, (a, b) => a * b, (a, b) => a * b, cProd);
}

function repeat(seq: PyStr | Uint8Array | readonly PyObject[], count: bigint): PyObject {
  if (count < PY_SSIZE_T_MIN || count > PY_SSIZE_T_MAX) raise(); // cannot fit 'int' into an index-sized integer
  const items: ArrayLike<unknown> = isStr(seq) ? strCodePoints(seq) : seq;
  const n = count < 0n ? 0 : items.length === 0 ? 0 : Number(count);
  if (items.length * n > 1 << 28) raise(); // MemoryError territory; the guards keep folds far below
  if (isStr(seq)) {
    // A plain string repeats as JS does unless its ends would join into one astral character.
    if (typeof seq === "string" && !mergesSurrogates(seq, seq)) return seq.repeat(n);
    return repeatStr(seq, n);
  }
  if (isBytes(seq)) {
    const out = new Uint8Array(seq.length * n);
    for (let i = 0; i < n; i++) out.set(seq, i * seq.length);
    return out;
  }
  const out: PyObject[] = [];
  for (let i = 0; i < n; i++) out.push(...seq);
  return out;
}

function repeatStr(s: PyStr, n: number): PyStr {
  const cps = strCodePoints(s);
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(...cps);
  return strFromCodePoints(out);
}

// ---- complex (complexobject.c) -----------------------------------------------------------------

const cSum = (a: PyComplex, b: PyComplex): PyComplex => new PyComplex(a.real + b.real, a.imag + b.imag);
const cSub = (a: PyComplex, b: PyComplex): PyComplex => new PyComplex(a.real - b.real, a.imag - b.imag);
const cProd = (a: PyComplex, b: PyComplex): PyComplex =>
  new PyComplex(a.real * b.real - a.imag * b.imag, a.real * b.imag + a.imag * b.real);

/** _Py_c_quot; null where it sets errno = EDOM (division by zero). */
function cQuot(a: PyComplex, b: PyComplex): PyComplex | null {
  const absBreal = b.real < 0 ? -b.real : b.real;
  const absBimag = b.imag < 0 ? -b.imag : b.imag;
  if (absBreal >= absBimag) {
    if (absBreal === 0.0) return null;
    const ratio = b.imag / b.real;
    const denom = b.real + b.imag * ratio;
    return new PyComplex((a.real + a.imag * ratio) / denom, (a.imag - a.real * ratio) / denom);
  }
  if (absBimag >= absBreal) {
    const ratio = b.real / b.imag;
    const denom = b.real * ratio + b.imag;
    return new PyComplex((a.real * ratio + a.imag) / denom, (a.imag * ratio - a.real) / denom);
  }
  return new PyComplex(NaN, NaN); // at least one of b.real, b.imag is a NaN
}

function complexDivide(a: PyComplex, b: PyComplex): PyComplex {
  return cQuot(a, b) ?? raise(); // complex division by zero
}

const C_1 = new PyComplex(1, 0);

/** c_powu: repeated squaring. */
function cPowu(x: PyComplex, n: number): PyComplex {
  let r = C_1;
  let p = x;
  let mask = 1;
  while (mask > 0 && n >= mask) {
    if (n & mask) r = cProd(r, p);
    mask <<= 1;
    p = cProd(p, p);
  }
  return r;
}

/** complex_pow: EDOM raises ZeroDivisionError, an infinite part raises OverflowError. */
function complexPow(a: PyComplex, b: PyComplex): PyComplex {
  let p: PyComplex | null;
  if (b.imag === 0.0 && b.real === Math.floor(b.real) && Math.abs(b.real) <= 100.0) {
    const n = b.real;
    p = n > 0 ? cPowu(a, n) : cQuot(C_1, cPowu(a, -n));
  } else {
    p = cPowGeneral(a, b);
  }
  if (p === null) return raise(); // 0.0 to a negative or complex power
  if (!Number.isFinite(p.real) && !Number.isNaN(p.real)) raise(); // complex exponentiation
  if (!Number.isFinite(p.imag) && !Number.isNaN(p.imag)) raise();
  return p;
}

/** _Py_c_pow; null for EDOM (zero base with a negative or complex exponent, cos/sin of inf). */
function cPowGeneral(a: PyComplex, b: PyComplex): PyComplex | null {
  if (b.real === 0 && b.imag === 0) return C_1;
  if (a.real === 0 && a.imag === 0) {
    if (b.imag !== 0 || b.real < 0) return null;
    return new PyComplex(0, 0);
  }
  refuseLibm();
  const vabs = Math.hypot(a.real, a.imag);
  let len = Math.pow(vabs, b.real);
  const at = Math.atan2(a.imag, a.real);
  let phase = at * b.real;
  if (b.imag !== 0.0) {
    len /= Math.exp(at * b.imag);
    phase += b.imag * Math.log(vabs);
  }
  if (phase === Infinity || phase === -Infinity) return null; // glibc's cos(inf) sets EDOM
  return new PyComplex(len * Math.cos(phase), len * Math.sin(phase));
}
