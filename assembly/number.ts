/**
 * Arithmetic on builtin values: the BINARY_OP / UNARY_* implementations for int (small and big),
 * bool, float and complex, and the sequence/set operators builtins give (+ and * on str, list,
 * tuple, bytes; % on str; | & - ^ on sets and dict views; | on dicts).
 *
 * builtinBinary/builtinUnary return a new reference, NULL with an exception, or NOT_IMPLEMENTED
 * (the immortal singleton, no reference) when the operand types don't support the operator —
 * ops.ts then tries the other operand and finally raises TypeError.
 */
import { Value, NULL, NONE, TRUE, FALSE, isSmallInt, getSmallInt, makeSmallInt, isObject } from "./values";
import {
  kindOf,
  kindOfValue,
  typeOf,
  typeObject,
  raiseMsg,
  KIND_INT,
  KIND_BOOL,
  KIND_FLOAT,
  KIND_COMPLEX,
  KIND_STR,
  KIND_BYTES,
  KIND_TUPLE,
  KIND_LIST,
  KIND_SET,
  KIND_FROZENSET,
  KIND_DICT,
  KIND_DICT_KEYS,
  KIND_DICT_ITEMS,
  EXC_ZeroDivisionError,
  EXC_OverflowError,
  errorType,
} from "./types";
import { floatNew, floatValue, complexNew, complexReal, complexImag } from "./float";
import { NOT_IMPLEMENTED } from "./singletons";
import * as I from "./int-ops";
import * as F from "./float-ops";
import { strConcat, strRepeat } from "./str-ops";
import { strPercentFormat } from "./str-methods";
import { listConcat, listRepeat } from "./list";
import { tupleConcat, tupleRepeat } from "./tuple-methods";
import { setOr, setIntersection, setDifference, setSymmetricDifference } from "./set";
import { UNARY_NEGATIVE, UNARY_POSITIVE, UNARY_INVERT } from "./opcodes.generated";
import { bytesConcat, bytesRepeat, bytesPercentFormat } from "./bytes-ops";
import { bytearrayConcat, bytearrayRepeat } from "./bytearray";
import { KIND_BYTEARRAY } from "./types";
import { dictOr, viewSetOp } from "./collections";

// BINARY_OP opargs (0-12).
export const NB_ADD: i32 = 0;
export const NB_AND: i32 = 1;
export const NB_FLOOR_DIVIDE: i32 = 2;
export const NB_LSHIFT: i32 = 3;
export const NB_MATRIX_MULTIPLY: i32 = 4;
export const NB_MULTIPLY: i32 = 5;
export const NB_REMAINDER: i32 = 6;
export const NB_OR: i32 = 7;
export const NB_POWER: i32 = 8;
export const NB_RSHIFT: i32 = 9;
export const NB_SUBTRACT: i32 = 10;
export const NB_TRUE_DIVIDE: i32 = 11;
export const NB_XOR: i32 = 12;

/** Whether v is an int (small or big) or a bool (an int subclass). */
// @ts-ignore: decorator
@inline export function isIntLike(v: Value): bool {
  if (isSmallInt(v)) return true;
  if (v == TRUE || v == FALSE) return true;
  return isObject(v) && kindOf(<usize>v) == KIND_INT;
}

/** bool → small int; other ints unchanged (borrowed). */
// @ts-ignore: decorator
@inline export function asInt(v: Value): Value {
  if (v == TRUE) return makeSmallInt(1);
  if (v == FALSE) return makeSmallInt(0);
  // An int subclass instance may hold a small value in digits (int-call.ts intBoxSmall).
  if ((v & 7) == 0 && load<u32>(<usize>v, 4) != <u32>typeObject(KIND_INT)) return intSubclassValue(v);
  return v;
}
import { intSubclassValue } from "./int-call";

export function isFloat(v: Value): bool {
  return isObject(v) && kindOf(<usize>v) == KIND_FLOAT;
}

/** A float operand as f64: floats, ints (correctly rounded; OverflowError) and bools. */
let toF64Failed = false;
export function toF64(v: Value): f64 {
  toF64Failed = false;
  if (isSmallInt(v)) return <f64>getSmallInt(v);
  if (v == TRUE) return 1.0;
  if (v == FALSE) return 0.0;
  const k = kindOf(<usize>v);
  if (k == KIND_FLOAT) return floatValue(<usize>v);
  const x = I.intToF64(v);
  if (errorType() != 0) toF64Failed = true;
  return x;
}

export function builtinBinary(a: Value, b: Value, op: i32): Value {
  if (isIntLike(a) && isIntLike(b)) return intBinary(asInt(a), asInt(b), op);
  const ka = kindOfValue(a);
  const kb = kindOfValue(b);
  if ((ka == KIND_FLOAT || ka == KIND_INT || ka == KIND_BOOL) && (kb == KIND_FLOAT || kb == KIND_INT || kb == KIND_BOOL)) {
    const x = toF64(a);
    if (toF64Failed) return NULL;
    const y = toF64(b);
    if (toF64Failed) return NULL;
    return floatBinary(x, y, op);
  }
  if (ka == KIND_COMPLEX || kb == KIND_COMPLEX) return complexBinary(a, b, op);
  switch (op) {
    case NB_ADD: {
      if (ka == KIND_STR && kb == KIND_STR) return <u64>strConcat(<usize>a, <usize>b);
      if (ka == KIND_LIST && kb == KIND_LIST) return listConcat(<usize>a, b);
      if (ka == KIND_TUPLE && kb == KIND_TUPLE) return tupleConcat(<usize>a, b);
      if (ka == KIND_BYTES && kb == KIND_BYTES) return bytesConcat(<usize>a, <usize>b);
      if (ka == KIND_BYTES && kb == KIND_BYTEARRAY) return bytesConcat(<usize>a, <usize>b);
      if (ka == KIND_BYTEARRAY) return bytearrayConcat(a, b);
      break;
    }
    case NB_MULTIPLY: {
      if (isIntLike(b)) return sequenceRepeat(a, ka, b);
      if (isIntLike(a)) return sequenceRepeat(b, kb, a);
      break;
    }
    case NB_REMAINDER: {
      if (ka == KIND_STR) return strPercentFormat(<usize>a, b);
      if (ka == KIND_BYTES || ka == KIND_BYTEARRAY) return bytesPercentFormat(<usize>a, b);
      break;
    }
    case NB_OR:
    case NB_AND:
    case NB_SUBTRACT:
    case NB_XOR: {
      const sa = ka == KIND_SET || ka == KIND_FROZENSET;
      const sb = kb == KIND_SET || kb == KIND_FROZENSET;
      if (sa && sb) {
        // The result has the left operand's type (set | frozenset is a set).
        if (op == NB_OR) return <u64>setOr(<usize>a, <usize>b);
        if (op == NB_AND) return <u64>setIntersection(<usize>a, b);
        if (op == NB_SUBTRACT) return <u64>setDifference(<usize>a, b);
        return <u64>setSymmetricDifference(<usize>a, b);
      }
      if (op == NB_OR && ka == KIND_DICT && kb == KIND_DICT) return dictOr(<usize>a, <usize>b);
      if (ka == KIND_DICT_KEYS || ka == KIND_DICT_ITEMS || kb == KIND_DICT_KEYS || kb == KIND_DICT_ITEMS) {
        return viewSetOp(a, b, op);
      }
      break;
    }
  }
  return <u64>NOT_IMPLEMENTED;
}

import { raiseBegin, errText, errTypeName } from "./types";
import { bigToI64, indexOut } from "./slice";
function sequenceRepeat(seq: Value, k: u32, count: Value): Value {
  const c = asInt(count);
  let n: i64;
  if (isSmallInt(c)) {
    n = getSmallInt(c);
  } else {
    // A big count: PyNumber_AsSsize_t(count, OverflowError) fails for either sign.
    if (!bigToI64(<usize>c)) {
      raiseBegin(EXC_OverflowError);
      errText("cannot fit '");
      errTypeName(count);
      errText("' into an index-sized integer");
      return NULL;
    }
    n = indexOut;
  }
  switch (k) {
    case KIND_STR:
      return <u64>strRepeat(<usize>seq, n);
    case KIND_LIST:
      return listRepeat(<usize>seq, n);
    case KIND_TUPLE:
      return tupleRepeat(<usize>seq, n);
    case KIND_BYTES:
      return bytesRepeat(<usize>seq, n);
    case KIND_BYTEARRAY:
      return bytearrayRepeat(<usize>seq, n);
  }
  return <u64>NOT_IMPLEMENTED;
}

function intBinary(a: Value, b: Value, op: i32): Value {
  switch (op) {
    case NB_ADD:
      return I.intAdd(a, b);
    case NB_SUBTRACT:
      return I.intSub(a, b);
    case NB_MULTIPLY:
      return I.intMul(a, b);
    case NB_FLOOR_DIVIDE:
      return I.intFloorDiv(a, b);
    case NB_REMAINDER:
      return I.intMod(a, b);
    case NB_TRUE_DIVIDE:
      return I.intTrueDiv(a, b);
    case NB_POWER:
      return I.intPow(a, b, NULL);
    case NB_LSHIFT:
      return I.intLshift(a, b);
    case NB_RSHIFT:
      return I.intRshift(a, b);
    case NB_AND:
      return I.intAnd(a, b);
    case NB_OR:
      return I.intOr(a, b);
    case NB_XOR:
      return I.intXor(a, b);
  }
  return <u64>NOT_IMPLEMENTED;
}

function floatBinary(x: f64, y: f64, op: i32): Value {
  switch (op) {
    case NB_ADD:
      return floatNew(x + y);
    case NB_SUBTRACT:
      return floatNew(x - y);
    case NB_MULTIPLY:
      return floatNew(x * y);
    case NB_TRUE_DIVIDE: {
      if (y == 0) {
        raiseMsg(EXC_ZeroDivisionError, "float division by zero");
        return NULL;
      }
      return floatNew(x / y);
    }
    case NB_FLOOR_DIVIDE:
      return F.floatFloorDiv(x, y);
    case NB_REMAINDER:
      return F.floatMod(x, y);
    case NB_POWER:
      return F.floatPow(x, y);
  }
  return <u64>NOT_IMPLEMENTED;
}

/** Complex operands: complex with complex, float, int or bool. */
function complexBinary(a: Value, b: Value, op: i32): Value {
  let ar: f64, ai: f64, br: f64, bi: f64;
  if (kindOfValue(a) == KIND_COMPLEX) {
    ar = complexReal(<usize>a);
    ai = complexImag(<usize>a);
  } else {
    const k = kindOfValue(a);
    if (k != KIND_FLOAT && k != KIND_INT && k != KIND_BOOL) return <u64>NOT_IMPLEMENTED;
    ar = toF64(a);
    if (toF64Failed) return NULL;
    ai = 0;
  }
  if (kindOfValue(b) == KIND_COMPLEX) {
    br = complexReal(<usize>b);
    bi = complexImag(<usize>b);
  } else {
    const k = kindOfValue(b);
    if (k != KIND_FLOAT && k != KIND_INT && k != KIND_BOOL) return <u64>NOT_IMPLEMENTED;
    br = toF64(b);
    if (toF64Failed) return NULL;
    bi = 0;
  }
  switch (op) {
    case NB_ADD:
      return complexNew(ar + br, ai + bi);
    case NB_SUBTRACT:
      return complexNew(ar - br, ai - bi);
    case NB_MULTIPLY:
      return complexNew(ar * br - ai * bi, ar * bi + ai * br);
    case NB_TRUE_DIVIDE: {
      if (br == 0 && bi == 0) {
        raiseMsg(EXC_ZeroDivisionError, "complex division by zero");
        return NULL;
      }
      // Smith's algorithm, as CPython's _Py_c_quot.
      const absBr = Math.abs(br);
      const absBi = Math.abs(bi);
      if (absBr >= absBi) {
        const ratio = bi / br;
        const denom = br + bi * ratio;
        return complexNew((ar + ai * ratio) / denom, (ai - ar * ratio) / denom);
      }
      const ratio = br / bi;
      const denom = br * ratio + bi;
      return complexNew((ar * ratio + ai) / denom, (ai * ratio - ar) / denom);
    }
  }
  return <u64>NOT_IMPLEMENTED;
}

export function builtinUnary(a: Value, op: i32): Value {
  if (isIntLike(a)) {
    const v = asInt(a);
    if (op == UNARY_NEGATIVE) return I.intNeg(v);
    if (op == UNARY_INVERT) return I.intInvert(v);
    if (isObject(v)) {
      // +big: an int subclass would give a plain int; ours are plain already.
      const p = <usize>v;
      store<u32>(p, load<u32>(p) + 1);
    }
    return v;
  }
  const k = kindOfValue(a);
  if (k == KIND_FLOAT) {
    const x = floatValue(<usize>a);
    if (op == UNARY_NEGATIVE) return floatNew(-x);
    if (op == UNARY_POSITIVE) return floatNew(x);
  } else if (k == KIND_COMPLEX) {
    const re = complexReal(<usize>a);
    const im = complexImag(<usize>a);
    if (op == UNARY_NEGATIVE) return complexNew(-re, -im);
    if (op == UNARY_POSITIVE) return complexNew(re, im);
  }
  return <u64>NOT_IMPLEMENTED;
}

export { NONE, typeOf, typeObject };

/** round(int, ndigits): ndigits >= 0 gives the int itself; negative rounds half to even at 10**-n. */
export function intRound(x: Value, nd: Value): Value {
  if (!isSmallInt(nd) || getSmallInt(nd) >= 0) {
    incref(x);
    return x;
  }
  const n = -getSmallInt(nd);
  // pow10 = 10**n; q, r = divmod(x, pow10); round half to even on r.
  const p = I.intPow(makeSmallInt(10), makeSmallInt(n), NULL);
  if (p == NULL) return NULL;
  const half = I.intFloorDiv(p, makeSmallInt(2));
  const r = I.intMod(x, p);
  const base = I.intSub(x, r);
  let result: Value;
  const c = I.intCompare(r, half);
  if (c > 0 || (c == 0 && isOddMultiple(base, p))) result = I.intAdd(base, p);
  else {
    incref(base);
    result = base;
  }
  decref(p);
  decref(half);
  decref(r);
  decref(base);
  return result;
}

function isOddMultiple(base: Value, p: Value): bool {
  const q = I.intFloorDiv(base, p);
  const odd = I.intAnd(q, makeSmallInt(1));
  const r = odd == makeSmallInt(1);
  decref(q);
  return r;
}

import { incref, decref } from "./refcount";
