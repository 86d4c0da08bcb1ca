/**
 * The methods Python code calls on numbers: int (bit_length, bit_count, to_bytes, from_bytes,
 * conjugate, as_integer_ratio and the conversion dunders __index__/__int__/__float__/__round__/
 * __trunc__/__floor__/__ceil__/__abs__/__neg__/__pos__/__invert__/__bool__/__format__/
 * __getnewargs__), float (is_integer, as_integer_ratio, hex, fromhex, conjugate, __round__,
 * __trunc__/__floor__/__ceil__, __int__, __float__, ...), complex (conjugate, __complex__, ...).
 *
 * self is the number (an int method may get a bool or an instance of an int subclass; a float
 * method an instance of a float subclass: both have their base's layout). Results that CPython
 * gives as exact ints/floats are exact here too (a subclass instance is copied, never returned).
 */
import { Value, NULL, NONE, TRUE, FALSE, isSmallInt, getSmallInt, makeSmallInt, isObject, makeBool } from "./values";
import {
  kindOf,
  kindOfValue,
  typeOf,
  typeObject,
  raiseMsg,
  raiseBegin,
  errText,
  errTypeName,
  errorType,
  KIND_INT,
  KIND_BOOL,
  KIND_FLOAT,
  KIND_COMPLEX,
  KIND_STR,
  KIND_BYTES,
  KIND_TYPE,
  EXC_TypeError,
  EXC_ValueError,
  EXC_OverflowError,
  EXC_ZeroDivisionError,
  raiseMemory,
} from "./types";
import { incref, decref } from "./refcount";
import { alloc, free } from "./heap";
import { addMethod, arg, kwCount, checkArgCount, noKeywords, METHOD_CLASS } from "./native";
import { tupleAlloc, tupleSetItem, tupleItem } from "./tuple";
import { strEqualLiteral, strEqualLiteralRange, strLength } from "./str";
import { bigNDigits, bigSign, bigDigit, intFromDigits15 } from "./int";
import { bytesAlloc, bytesData, bytesLength } from "./bytes";
import { floatNew, floatValue, complexNew, complexReal, complexImag } from "./float";
import * as I from "./int-ops";
import { floatRound, floatRoundToEven, floatIsInteger, floatHex, floatFromHex } from "./float-ops";
import { builtinFormat } from "./reprs";
import { isIntLike, asInt } from "./number";
import { bytesFromValue } from "./bytes-ops";
import { indexValue } from "./builtins";
import { isHeapType } from "./typeobj";
import { objCall } from "./ops";

// ---------------------------------------------------------------------------------------------------
// Shared helpers

/** self as a plain int (new reference): bools become 0/1, subclass instances are copied. */
export function exactInt(v: Value): Value {
  const x = asInt(v);
  if (isSmallInt(x)) return x;
  if (typeOf(x) == typeObject(KIND_INT)) {
    incref(x);
    return x;
  }
  return I.intAdd(x, makeSmallInt(0)); // a fresh int of the same value
}

/** self as a plain float (new reference). */
function exactFloat(v: Value): Value {
  if (typeOf(v) == typeObject(KIND_FLOAT)) {
    incref(v);
    return v;
  }
  return floatNew(floatValue(<usize>v));
}

/** "int.NAME() takes no arguments (N given)" / "... no keyword arguments" checks. */
function noArgs(qualname: string, nargs: i32, kwnames: usize): bool {
  return noKeywords(qualname, kwnames) && checkArgCount(qualname, nargs, 0, 0);
}

function pair(a: Value, b: Value): Value {
  if (a == NULL || b == NULL) {
    decref(a);
    decref(b);
    return NULL;
  }
  const t = tupleAlloc(2);
  if (t == 0) {
    decref(a);
    decref(b);
    return NULL;
  }
  tupleSetItem(t, 0, a);
  tupleSetItem(t, 1, b);
  return <Value>t;
}

function single(a: Value): Value {
  if (a == NULL) return NULL;
  const t = tupleAlloc(1);
  if (t == 0) {
    decref(a);
    return NULL;
  }
  tupleSetItem(t, 0, a);
  return <Value>t;
}

function notInteger(v: Value): Value {
  raiseBegin(EXC_TypeError);
  errText("'");
  errTypeName(v);
  errText("' object cannot be interpreted as an integer");
  return NULL;
}

/** T.__format__(spec) of a builtin type, named `qualname` in argument errors. */
export function formatWith(qualname: string, self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords(qualname, kwnames) || !checkArgCount(qualname, nargs, 1, 1)) return NULL;
  return formatToSpec(self, arg(args, 0));
}

/** format(self, spec) for a __format__ method: spec must be a str. */
export function formatToSpec(self: Value, spec: Value): Value {
  if (!isObject(spec) || kindOf(<usize>spec) != KIND_STR) {
    raiseBegin(EXC_TypeError);
    errText("__format__() argument must be str, not ");
    errTypeName(spec);
    return NULL;
  }
  const r = builtinFormat(self, <usize>spec);
  return r == 0 ? NULL : <Value>r;
}

// ---------------------------------------------------------------------------------------------------
// int

function intBitLengthM(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noArgs("int.bit_length", nargs, kwnames)) return NULL;
  return I.intBitLength(asInt(self));
}

function intBitCountM(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noArgs("int.bit_count", nargs, kwnames)) return NULL;
  return I.intBitCount(asInt(self));
}

function intConjugate(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noArgs("int.conjugate", nargs, kwnames)) return NULL;
  return exactInt(self);
}

function intAsIntegerRatio(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noArgs("int.as_integer_ratio", nargs, kwnames)) return NULL;
  return pair(exactInt(self), makeSmallInt(1));
}

function intSelf(self: Value, args: usize, nargs: i32, kwnames: usize, qualname: string): Value {
  if (!noArgs(qualname, nargs, kwnames)) return NULL;
  return exactInt(self);
}
function intIndexM(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!checkSlotArgs(nargs, kwnames, "__index__", 0)) return NULL;
  return exactInt(self);
}
function intIntM(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!checkSlotArgs(nargs, kwnames, "__int__", 0)) return NULL;
  return exactInt(self);
}
function intTruncM(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return intSelf(self, args, nargs, kwnames, "int.__trunc__");
}
function intFloorM(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return intSelf(self, args, nargs, kwnames, "int.__floor__");
}
function intCeilM(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return intSelf(self, args, nargs, kwnames, "int.__ceil__");
}

function intFloatM(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!checkSlotArgs(nargs, kwnames, "__float__", 0)) return NULL;
  const x = I.intToF64(asInt(self));
  if (errorType() != 0) return NULL;
  return floatNew(x);
}

function intRoundM(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("int.__round__", kwnames)) return NULL;
  if (nargs > 1) return tooManyRound(nargs);
  if (nargs == 0) return exactInt(self);
  const nd = arg(args, 0);
  // int.__round__ takes no None: only an integer (or an object with __index__).
  const n = indexValue(nd);
  if (n == NULL) return NULL;
  const r = I.intRound(asInt(self), n);
  decref(n);
  if (r == NULL) return NULL;
  // intRound hands back self itself for ndigits >= 0: keep the result a plain int.
  const e = exactInt(r);
  decref(r);
  return e;
}

function tooManyRound(nargs: i32): Value {
  raiseBegin(EXC_TypeError);
  errText("__round__ expected at most 1 argument, got ");
  errIntValue(nargs);
  return NULL;
}

import { errInt } from "./types";
function errIntValue(n: i32): void {
  errInt(n);
}

function intAbsM(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!checkSlotArgs(nargs, kwnames, "__abs__", 0)) return NULL;
  const r = I.intAbs(asInt(self));
  if (r == NULL) return NULL;
  const e = exactInt(r);
  decref(r);
  return e;
}
function intNegM(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!checkSlotArgs(nargs, kwnames, "__neg__", 0)) return NULL;
  return I.intNeg(asInt(self));
}
function intPosM(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!checkSlotArgs(nargs, kwnames, "__pos__", 0)) return NULL;
  return exactInt(self);
}
function intInvertM(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!checkSlotArgs(nargs, kwnames, "__invert__", 0)) return NULL;
  return I.intInvert(asInt(self));
}
function intBoolM(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!checkSlotArgs(nargs, kwnames, "__bool__", 0)) return NULL;
  return makeBool(!I.intIsZero(asInt(self)));
}
function intFormatM(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return formatWith("int.__format__", self, args, nargs, kwnames);
}
function intGetnewargs(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noArgs("int.__getnewargs__", nargs, kwnames)) return NULL;
  return single(exactInt(self));
}

/** int.__sizeof__(): CPython's header (24 bytes) plus 4 per 30-bit digit of the magnitude. */
function intSizeof(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noArgs("int.__sizeof__", nargs, kwnames)) return NULL;
  const v = asInt(self);
  let nd: i64;
  if (isSmallInt(v)) {
    const n = getSmallInt(v);
    const m: u64 = n < 0 ? <u64>0 - <u64>n : <u64>n;
    nd = m == 0 ? 0 : (<i64>(64 - clz<u64>(m)) + 29) / 30;
  } else {
    nd = <i64>bigNDigits(<usize>v);
  }
  return makeSmallInt(24 + 4 * nd);
}

/**
 * Checks a slot wrapper's arguments (CPython's wrapperdescr messages): "wrapper NAME() takes no
 * keyword arguments", "expected N argument(s), got M".
 */
export function checkSlotArgs(nargs: i32, kwnames: usize, name: string, want: i32): bool {
  if (kwCount(kwnames) > 0) {
    raiseBegin(EXC_TypeError);
    errText("wrapper ");
    errText(name);
    errText("() takes no keyword arguments");
    return false;
  }
  if (nargs == want) return true;
  raiseBegin(EXC_TypeError);
  errText("expected ");
  errInt(want);
  errText(want == 1 ? " argument, got " : " arguments, got ");
  errInt(nargs);
  return false;
}

// to_bytes / from_bytes -----------------------------------------------------------------------------

/**
 * Parses (first=..., byteorder='big', *, signed=False) for to_bytes/from_bytes into ARG_SLOTS:
 * [first or NULL, byteorder or NULL, signed or NULL]. false after TypeError.
 */
const ARG_SLOTS: usize = memory.data(24, 8);
function parseBytesArgs(fname: string, first: string, args: usize, nargs: i32, kwnames: usize): bool {
  store<u64>(ARG_SLOTS, NULL);
  store<u64>(ARG_SLOTS + 8, NULL);
  store<u64>(ARG_SLOTS + 16, NULL);
  const nkw = kwCount(kwnames);
  if (nargs + nkw > 3) {
    raiseBegin(EXC_TypeError);
    errText(fname);
    errText("() takes at most 3 arguments (");
    errInt(nargs + nkw);
    errText(" given)");
    return false;
  }
  if (nargs > 2) {
    raiseBegin(EXC_TypeError);
    errText(fname);
    errText("() takes at most 2 positional arguments (");
    errInt(nargs);
    errText(" given)");
    return false;
  }
  for (let i = 0; i < nargs; i++) store<u64>(ARG_SLOTS + (<usize>i << 3), arg(args, i));
  for (let i = 0; i < nkw; i++) {
    const k = <usize>tupleItem(kwnames, <usize>i);
    let slot = -1;
    if (strEqualLiteral(k, first)) slot = 0;
    else if (strEqualLiteral(k, "byteorder")) slot = 1;
    else if (strEqualLiteral(k, "signed")) slot = 2;
    if (slot < 0) {
      raiseBegin(EXC_TypeError);
      errText("'");
      errStrObjectOf(k);
      errText("' is an invalid keyword argument for ");
      errText(fname);
      errText("()");
      return false;
    }
    if (slot < nargs) {
      raiseBegin(EXC_TypeError);
      errText("argument for ");
      errText(fname);
      errText("() given by name ('");
      errText(slot == 0 ? first : "byteorder");
      errText("') and position (");
      errInt(slot + 1);
      errText(")");
      return false;
    }
    store<u64>(ARG_SLOTS + (<usize>slot << 3), arg(args, nargs + i));
  }
  return true;
}

import { errStrObject } from "./types";
function errStrObjectOf(s: usize): void {
  errStrObject(s);
}

/** byteorder: 1 little, 0 big, -1 after an error. */
function parseByteorder(fname: string, v: Value): i32 {
  if (v == NULL) return 0;
  if (!isObject(v) || kindOf(<usize>v) != KIND_STR) {
    raiseBegin(EXC_TypeError);
    errText(fname);
    errText("() argument 'byteorder' must be str, not ");
    errTypeName(v);
    return -1;
  }
  if (strEqualLiteral(<usize>v, "little")) return 1;
  if (strEqualLiteral(<usize>v, "big")) return 0;
  raiseMsg(EXC_ValueError, "byteorder must be either 'little' or 'big'");
  return -1;
}

/** signed=: its truth value; -1 after an error. */
function parseSigned(v: Value): i32 {
  if (v == NULL) return 0;
  const t = objIsTrueOf(v);
  return t;
}
import { objIsTrue } from "./ops";
function objIsTrueOf(v: Value): i32 {
  return objIsTrue(v);
}

/**
 * Writes the low `len` bytes of |v| little-endian at dst; false when |v| needs more bytes.
 * (Magnitudes are read digit by digit: 30-bit digits for big ints.)
 */
function magnitudeBytes(v: Value, dst: usize, len: usize): bool {
  if (isSmallInt(v)) {
    const n = getSmallInt(v);
    let m: u64 = n < 0 ? <u64>0 - <u64>n : <u64>n;
    for (let i: usize = 0; i < len; i++) {
      store<u8>(dst + i, <u8>m);
      m >>= 8;
    }
    return m == 0;
  }
  const p = <usize>v;
  const nd = <usize>bigNDigits(p);
  let acc: u64 = 0;
  let bits: u32 = 0;
  let j: usize = 0;
  for (let i: usize = 0; i < nd; i++) {
    acc |= <u64>bigDigit(p, i) << <u64>bits;
    bits += 30;
    while (bits >= 8) {
      if (j >= len) return (acc & 0xff) == 0 && (acc >> 8) == 0 && allZeroFrom(p, i + 1, nd);
      store<u8>(dst + j++, <u8>acc);
      acc >>= 8;
      bits -= 8;
    }
  }
  if (bits > 0) {
    if (j >= len) return acc == 0;
    store<u8>(dst + j++, <u8>acc);
    acc = 0;
  }
  while (j < len) store<u8>(dst + j++, 0);
  return true;
}

function allZeroFrom(p: usize, i: usize, nd: usize): bool {
  for (; i < nd; i++) if (bigDigit(p, i) != 0) return false;
  return true;
}

function intToBytes(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!parseBytesArgs("to_bytes", "length", args, nargs, kwnames)) return NULL;
  const lenV = load<u64>(ARG_SLOTS);
  const orderV = load<u64>(ARG_SLOTS + 8);
  const signedV = load<u64>(ARG_SLOTS + 16);
  let len: i64 = 1;
  if (lenV != NULL) {
    const n = indexValue(lenV);
    if (n == NULL) return NULL;
    if (!isSmallInt(n) || getSmallInt(n) > 0x7fffffffffff) {
      decref(n);
      raiseMsg(EXC_OverflowError, "Python int too large to convert to C ssize_t");
      return NULL;
    }
    len = getSmallInt(n);
    if (len < 0) {
      raiseMsg(EXC_ValueError, "length argument must be non-negative");
      return NULL;
    }
  }
  const little = parseByteorder("to_bytes", orderV);
  if (little < 0) return NULL;
  const signed = parseSigned(signedV);
  if (signed < 0) return NULL;
  const v = asInt(self);
  const neg = I.intSign(v) < 0;
  if (neg && signed == 0) {
    raiseMsg(EXC_OverflowError, "can't convert negative int to unsigned");
    return NULL;
  }
  if (len > 0x7ffffff0) {
    raiseMemory();
    return NULL;
  }
  const n = <usize>len;
  const b = bytesAlloc(n);
  if (b == 0) return NULL;
  const d = bytesData(b);
  let ok = magnitudeBytes(v, d, n);
  if (n == 0 && neg) {
    // CPython skips the sign check for an empty result: only -1 "fits" in no bytes
    ok = v == makeSmallInt(-1);
  } else if (ok && neg) {
    // two's complement over n bytes; the sign bit must come out set
    let carry: u32 = 1;
    for (let i: usize = 0; i < n; i++) {
      const x = (<u32>(~load<u8>(d + i)) & 0xff) + carry;
      store<u8>(d + i, <u8>x);
      carry = x >> 8;
    }
    ok = (load<u8>(d + n - 1) & 0x80) != 0;
  } else if (ok && signed != 0 && n > 0) {
    ok = (load<u8>(d + n - 1) & 0x80) == 0;
  }
  if (!ok) {
    decref(<Value>b);
    raiseMsg(EXC_OverflowError, "int too big to convert");
    return NULL;
  }
  if (little == 0) reverseBytes(d, n);
  return <Value>b;
}

function reverseBytes(d: usize, n: usize): void {
  if (n < 2) return;
  let i: usize = 0;
  let j = n - 1;
  while (i < j) {
    const t = load<u8>(d + i);
    store<u8>(d + i, load<u8>(d + j));
    store<u8>(d + j, t);
    i++;
    j--;
  }
}

/** The int of n bytes at src (little-endian when `little`), two's complement when `signed`. */
function intFromByteArray(src: usize, n: usize, little: bool, signed: bool): Value {
  const negative = signed && n > 0 && (load<u8>(src + (little ? n - 1 : 0)) & 0x80) != 0;
  // little-endian magnitude bytes in a scratch block (negated for negative values)
  const scratch = alloc(n + 1);
  if (scratch == 0) return raiseMemory();
  for (let i: usize = 0; i < n; i++) store<u8>(scratch + i, load<u8>(src + (little ? i : n - 1 - i)));
  if (negative) {
    let carry: u32 = 1;
    for (let i: usize = 0; i < n; i++) {
      const x = (<u32>(~load<u8>(scratch + i)) & 0xff) + carry;
      store<u8>(scratch + i, <u8>x);
      carry = x >> 8;
    }
  }
  // 15-bit digits for intFromDigits15
  const nbits = n << 3;
  const count = (nbits + 14) / 15;
  const digits = alloc((count << 1) + 2);
  if (digits == 0) {
    free(scratch, n + 1);
    return raiseMemory();
  }
  for (let k: usize = 0; k < count; k++) {
    const bit = k * 15;
    const byte = bit >> 3;
    const sh = <u32>(bit & 7);
    let w: u32 = <u32>load<u8>(scratch + byte);
    if (byte + 1 < n) w |= <u32>load<u8>(scratch + byte + 1) << 8;
    if (byte + 2 < n) w |= <u32>load<u8>(scratch + byte + 2) << 16;
    store<u16>(digits + (k << 1), <u16>((w >> sh) & 0x7fff));
  }
  let top = count;
  while (top > 0 && load<u16>(digits + ((top - 1) << 1)) == 0) top--;
  const r = intFromDigits15(digits, top, negative);
  free(digits, (count << 1) + 2);
  free(scratch, n + 1);
  return r;
}

function intFromBytes(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!parseBytesArgs("from_bytes", "bytes", args, nargs, kwnames)) return NULL;
  const src = load<u64>(ARG_SLOTS);
  const orderV = load<u64>(ARG_SLOTS + 8);
  const signedV = load<u64>(ARG_SLOTS + 16);
  if (src == NULL) {
    raiseMsg(EXC_TypeError, "from_bytes() missing required argument 'bytes' (pos 1)");
    return NULL;
  }
  const little = parseByteorder("from_bytes", orderV);
  if (little < 0) return NULL;
  const signed = parseSigned(signedV);
  if (signed < 0) return NULL;
  let b: Value;
  if (isObject(src) && kindOf(<usize>src) == KIND_BYTES) {
    incref(src);
    b = src;
  } else {
    const k = kindOfValue(src);
    if (k == KIND_INT || k == KIND_BOOL || k == KIND_STR || k == KIND_FLOAT || k == KIND_COMPLEX) {
      raiseBegin(EXC_TypeError);
      errText("cannot convert '");
      errTypeName(src);
      errText("' object to bytes");
      return NULL;
    }
    b = bytesFromValue(src);
    if (b == NULL) return NULL;
  }
  const r = intFromByteArray(bytesData(<usize>b), <usize>bytesLength(<usize>b), little == 1, signed != 0);
  decref(b);
  if (r == NULL) return NULL;
  return castToClass(self, r);
}

/** The classmethod's result for cls: bool gives a bool, a subclass is called with the int. */
function castToClass(cls: Value, r: Value): Value {
  const t = <usize>cls;
  if (t == typeObject(KIND_INT)) return r;
  if (t == typeObject(KIND_BOOL)) {
    const z = I.intIsZero(r);
    decref(r);
    return makeBool(!z);
  }
  if (isObject(cls) && kindOf(t) == KIND_TYPE && isHeapType(t)) {
    const buf = alloc(8);
    if (buf == 0) {
      decref(r);
      return raiseMemory();
    }
    store<u64>(buf, r);
    const o = objCall(cls, buf, 1, 0);
    free(buf, 8);
    decref(r);
    return o;
  }
  return r;
}

// ---------------------------------------------------------------------------------------------------
// float

// @ts-ignore: decorator
@inline function fval(self: Value): f64 {
  return floatValue(<usize>self);
}

function floatIsIntegerM(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noArgs("float.is_integer", nargs, kwnames)) return NULL;
  return makeBool(floatIsInteger(fval(self)));
}

function floatAsIntegerRatio(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noArgs("float.as_integer_ratio", nargs, kwnames)) return NULL;
  const x = fval(self);
  if (isNaN(x)) return raiseMsg(EXC_ValueError, "cannot convert NaN to integer ratio");
  if (!isFinite(x)) return raiseMsg(EXC_OverflowError, "cannot convert Infinity to integer ratio");
  if (x == 0) return pair(makeSmallInt(0), makeSmallInt(1));
  // x = m * 2**e with an odd integer m
  const bits = reinterpret<u64>(x);
  const be = <i32>((bits >> 52) & 0x7ff);
  let m: u64 = bits & 0xfffffffffffff;
  let e: i32;
  if (be == 0) e = -1074;
  else {
    m |= <u64>1 << 52;
    e = be - 1075;
  }
  const tz = <i32>ctz<u64>(m);
  m >>= <u64>tz;
  e += tz;
  const sm = makeSmallInt(x < 0 ? -<i64>m : <i64>m);
  if (e >= 0) return pair(I.intLshift(sm, makeSmallInt(e)), makeSmallInt(1));
  return pair(sm, I.intLshift(makeSmallInt(1), makeSmallInt(-e)));
}

function floatHexM(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noArgs("float.hex", nargs, kwnames)) return NULL;
  const r = floatHex(fval(self));
  return r == 0 ? NULL : <Value>r;
}

function floatFromHexM(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("float.fromhex", kwnames) || !checkArgCount("float.fromhex", nargs, 1, 1)) return NULL;
  const s = arg(args, 0);
  if (!isObject(s) || kindOf(<usize>s) != KIND_STR) {
    raiseMsg(EXC_TypeError, "bad argument type for built-in operation");
    return NULL;
  }
  const r = floatFromHex(<usize>s);
  if (r == NULL) return NULL;
  if (<usize>self == typeObject(KIND_FLOAT) || !isObject(self) || !isHeapType(<usize>self)) return r;
  // float subclass: cls(result)
  const buf = alloc(8);
  if (buf == 0) {
    decref(r);
    return raiseMemory();
  }
  store<u64>(buf, r);
  const o = objCall(self, buf, 1, 0);
  free(buf, 8);
  decref(r);
  return o;
}

function floatConjugate(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noArgs("float.conjugate", nargs, kwnames)) return NULL;
  return exactFloat(self);
}

function floatRoundM(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("float.__round__", kwnames)) return NULL;
  if (nargs > 1) return tooManyRound(nargs);
  const x = fval(self);
  if (nargs == 0 || arg(args, 0) == NONE) return I.intFromF64(floatRoundToEven(x));
  const nd = arg(args, 0);
  const n = indexValue(nd);
  if (n == NULL) return NULL;
  const k: i64 = isSmallInt(n) ? getSmallInt(n) : I.intSign(n) < 0 ? -0x7fffffff : 0x7fffffff;
  decref(n);
  return floatRound(x, k);
}

function floatTruncM(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noArgs("float.__trunc__", nargs, kwnames)) return NULL;
  return I.intFromF64(fval(self));
}
function floatFloorM(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noArgs("float.__floor__", nargs, kwnames)) return NULL;
  return I.intFromF64(Math.floor(fval(self)));
}
function floatCeilM(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noArgs("float.__ceil__", nargs, kwnames)) return NULL;
  return I.intFromF64(Math.ceil(fval(self)));
}
function floatIntM(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!checkSlotArgs(nargs, kwnames, "__int__", 0)) return NULL;
  return I.intFromF64(fval(self));
}
function floatFloatM(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!checkSlotArgs(nargs, kwnames, "__float__", 0)) return NULL;
  return exactFloat(self);
}
function floatAbsM(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!checkSlotArgs(nargs, kwnames, "__abs__", 0)) return NULL;
  return floatNew(Math.abs(fval(self)));
}
function floatNegM(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!checkSlotArgs(nargs, kwnames, "__neg__", 0)) return NULL;
  return floatNew(-fval(self));
}
function floatPosM(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!checkSlotArgs(nargs, kwnames, "__pos__", 0)) return NULL;
  return exactFloat(self);
}
function floatBoolM(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!checkSlotArgs(nargs, kwnames, "__bool__", 0)) return NULL;
  return makeBool(fval(self) != 0);
}
function floatFormatM(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return formatWith("float.__format__", self, args, nargs, kwnames);
}
function floatGetnewargs(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noArgs("float.__getnewargs__", nargs, kwnames)) return NULL;
  return single(floatNew(fval(self)));
}
function floatGetformat(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("float.__getformat__", kwnames) || !checkArgCount("float.__getformat__", nargs, 1, 1)) return NULL;
  const s = arg(args, 0);
  if (!isObject(s) || kindOf(<usize>s) != KIND_STR) {
    raiseBegin(EXC_TypeError);
    errText("__getformat__() argument must be str, not ");
    errTypeName(s);
    return NULL;
  }
  if (!strEqualLiteral(<usize>s, "double") && !strEqualLiteral(<usize>s, "float")) {
    raiseMsg(EXC_ValueError, "__getformat__() argument 1 must be 'double' or 'float'");
    return NULL;
  }
  const r = strLiteralOf("IEEE, little-endian");
  incref(<Value>r);
  return <Value>r;
}
import { strLiteral } from "./names";
let ieeeStr: usize = 0;
function strLiteralOf(s: string): usize {
  if (ieeeStr == 0) ieeeStr = strLiteral(s);
  return ieeeStr;
}

// ---------------------------------------------------------------------------------------------------
// complex

// complex ** complex, CPython's complex_pow: repeated multiplication for small integral exponents
// (exact for (1j)**2), the polar form otherwise.
let powRe: f64 = 0;
let powIm: f64 = 0;
let powDomainError = false;

function cMul(ar: f64, ai: f64, br: f64, bi: f64): void {
  powRe = ar * br - ai * bi;
  powIm = ar * bi + ai * br;
}

/** (ar + ai j) ** n for n >= 0 by binary powering; result in powRe/powIm. */
function cPowU(ar: f64, ai: f64, n: i64): void {
  let rr: f64 = 1;
  let ri: f64 = 0;
  let pr = ar;
  let pi = ai;
  let mask: i64 = 1;
  while (mask > 0 && n >= mask) {
    if ((n & mask) != 0) {
      cMul(rr, ri, pr, pi);
      rr = powRe;
      ri = powIm;
    }
    mask <<= 1;
    cMul(pr, pi, pr, pi);
    pr = powRe;
    pi = powIm;
  }
  powRe = rr;
  powIm = ri;
}

/** 1 / (br + bi j), Smith's method; a zero divisor is a domain error. */
function cInverse(br: f64, bi: f64): void {
  const abr = Math.abs(br);
  const abi = Math.abs(bi);
  if (abr >= abi) {
    if (abr == 0) {
      powDomainError = true;
      powRe = 0;
      powIm = 0;
      return;
    }
    const ratio = bi / br;
    const denom = br + bi * ratio;
    powRe = 1 / denom;
    powIm = -ratio / denom;
  } else if (abi >= abr) {
    const ratio = br / bi;
    const denom = br * ratio + bi;
    powRe = ratio / denom;
    powIm = -1 / denom;
  } else {
    powRe = NaN;
    powIm = NaN;
  }
}

function cPowGeneral(ar: f64, ai: f64, br: f64, bi: f64): void {
  if (br == 0 && bi == 0) {
    powRe = 1;
    powIm = 0;
  } else if (ar == 0 && ai == 0) {
    if (bi != 0 || br < 0) powDomainError = true;
    powRe = 0;
    powIm = 0;
  } else {
    const vabs = Math.hypot(ar, ai);
    let len = Math.pow(vabs, br);
    const at = Math.atan2(ai, ar);
    let phase = at * br;
    if (bi != 0) {
      len /= Math.exp(at * bi);
      phase += bi * Math.log(vabs);
    }
    powRe = len * Math.cos(phase);
    powIm = len * Math.sin(phase);
  }
}

/** (ar + ai j) ** (br + bi j) as a new complex; ZeroDivisionError / OverflowError as CPython. */
export function complexPow(ar: f64, ai: f64, br: f64, bi: f64): Value {
  powDomainError = false;
  if (bi == 0 && br == Math.floor(br) && Math.abs(br) <= 100) {
    const n = <i64>br;
    if (n > 0) cPowU(ar, ai, n);
    else {
      cPowU(ar, ai, -n);
      cInverse(powRe, powIm);
    }
  } else {
    cPowGeneral(ar, ai, br, bi);
  }
  if (powDomainError) return raiseMsg(EXC_ZeroDivisionError, "0.0 to a negative or complex power");
  if (Math.abs(powRe) == Infinity || Math.abs(powIm) == Infinity) return raiseMsg(EXC_OverflowError, "complex exponentiation");
  return complexNew(powRe, powIm);
}

function complexConjugate(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noArgs("complex.conjugate", nargs, kwnames)) return NULL;
  return complexNew(complexReal(<usize>self), -complexImag(<usize>self));
}
function complexComplexM(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noArgs("complex.__complex__", nargs, kwnames)) return NULL;
  if (typeOf(self) == typeObject(KIND_COMPLEX)) {
    incref(self);
    return self;
  }
  return complexNew(complexReal(<usize>self), complexImag(<usize>self));
}
function complexAbsM(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!checkSlotArgs(nargs, kwnames, "__abs__", 0)) return NULL;
  const re = complexReal(<usize>self);
  const im = complexImag(<usize>self);
  // hypot: inf wins over nan, as C's hypot
  let r: f64;
  if (!isFinite(re) || !isFinite(im)) {
    if (Math.abs(re) == Infinity || Math.abs(im) == Infinity) r = Infinity;
    else r = NaN;
  } else {
    r = Math.hypot(re, im);
    if (!isFinite(r)) return raiseMsg(EXC_OverflowError, "absolute value too large");
  }
  return floatNew(r);
}
function complexNegM(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!checkSlotArgs(nargs, kwnames, "__neg__", 0)) return NULL;
  return complexNew(-complexReal(<usize>self), -complexImag(<usize>self));
}
function complexPosM(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!checkSlotArgs(nargs, kwnames, "__pos__", 0)) return NULL;
  return complexNew(complexReal(<usize>self), complexImag(<usize>self));
}
function complexBoolM(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!checkSlotArgs(nargs, kwnames, "__bool__", 0)) return NULL;
  return makeBool(complexReal(<usize>self) != 0 || complexImag(<usize>self) != 0);
}
function complexFormatM(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return formatWith("complex.__format__", self, args, nargs, kwnames);
}
function complexGetnewargs(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noArgs("complex.__getnewargs__", nargs, kwnames)) return NULL;
  return pair(floatNew(complexReal(<usize>self)), floatNew(complexImag(<usize>self)));
}

// ---------------------------------------------------------------------------------------------------

export function registerNumberMethods(): void {
  const ti = typeObject(KIND_INT);
  addMethod(ti, "bit_length", intBitLengthM);
  addMethod(ti, "bit_count", intBitCountM);
  addMethod(ti, "to_bytes", intToBytes);
  addMethod(ti, "from_bytes", intFromBytes, METHOD_CLASS);
  addMethod(ti, "conjugate", intConjugate);
  addMethod(ti, "as_integer_ratio", intAsIntegerRatio);
  addMethod(ti, "__index__", intIndexM);
  addMethod(ti, "__int__", intIntM);
  addMethod(ti, "__float__", intFloatM);
  addMethod(ti, "__round__", intRoundM);
  addMethod(ti, "__trunc__", intTruncM);
  addMethod(ti, "__floor__", intFloorM);
  addMethod(ti, "__ceil__", intCeilM);
  addMethod(ti, "__abs__", intAbsM);
  addMethod(ti, "__neg__", intNegM);
  addMethod(ti, "__pos__", intPosM);
  addMethod(ti, "__invert__", intInvertM);
  addMethod(ti, "__bool__", intBoolM);
  addMethod(ti, "__format__", intFormatM);
  addMethod(ti, "__getnewargs__", intGetnewargs);
  addMethod(ti, "__sizeof__", intSizeof);

  const tf = typeObject(KIND_FLOAT);
  addMethod(tf, "is_integer", floatIsIntegerM);
  addMethod(tf, "as_integer_ratio", floatAsIntegerRatio);
  addMethod(tf, "hex", floatHexM);
  addMethod(tf, "fromhex", floatFromHexM, METHOD_CLASS);
  addMethod(tf, "conjugate", floatConjugate);
  addMethod(tf, "__round__", floatRoundM);
  addMethod(tf, "__trunc__", floatTruncM);
  addMethod(tf, "__floor__", floatFloorM);
  addMethod(tf, "__ceil__", floatCeilM);
  addMethod(tf, "__int__", floatIntM);
  addMethod(tf, "__float__", floatFloatM);
  addMethod(tf, "__abs__", floatAbsM);
  addMethod(tf, "__neg__", floatNegM);
  addMethod(tf, "__pos__", floatPosM);
  addMethod(tf, "__bool__", floatBoolM);
  addMethod(tf, "__format__", floatFormatM);
  addMethod(tf, "__getnewargs__", floatGetnewargs);
  addMethod(tf, "__getformat__", floatGetformat, METHOD_CLASS);

  const tc = typeObject(KIND_COMPLEX);
  addMethod(tc, "conjugate", complexConjugate);
  addMethod(tc, "__complex__", complexComplexM);
  addMethod(tc, "__abs__", complexAbsM);
  addMethod(tc, "__neg__", complexNegM);
  addMethod(tc, "__pos__", complexPosM);
  addMethod(tc, "__bool__", complexBoolM);
  addMethod(tc, "__format__", complexFormatM);
  addMethod(tc, "__getnewargs__", complexGetnewargs);
}
