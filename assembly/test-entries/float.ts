// Test entry for the float text conversions, format-spec mini-language and float arithmetic
// (float-format.ts, format-spec.ts, float-ops.ts), driven by test/wasm-float.test.ts.
import "../str-methods"; // first: module order, see assembly/index.ts
export { heapInit, heapBytesInUse, alloc as heapAlloc, free as heapFree } from "../heap";
export { errorType, errorMessagePtr, errorMessageLength, errorClear, kindOfValue as valueKind } from "../types";
export { formatIntBase } from "../format-spec";
import { floatRepr, floatStr, floatReprNoDot } from "../float-format";
import { intFromStr } from "../int-ops";
import { formatFloat, formatSmallInt, formatIntDigits, formatStr, formatInt } from "../format-spec";
import {
  floatIsInteger, floatRoundToEven, floatTrueDiv, floatFloorDiv, floatMod, floatDivmod, floatPow, floatRound, floatHex, floatFromHex, floatFromStr,
} from "../float-ops";
import { strFromUtf8, strLength, strKind, strData, StrObject } from "../str";
import { floatValue, complexReal, complexImag } from "../float";
import { tupleItem } from "../tuple";
import { decref } from "../refcount";
import { Value } from "../values";

function f(bits: u64): f64 {
  return reinterpret<f64>(bits);
}

export function repr(bits: u64): usize {
  return floatRepr(f(bits));
}
export function str(bits: u64): usize {
  return floatStr(f(bits));
}
export function reprNoDot(bits: u64): usize {
  return floatReprNoDot(f(bits));
}
/** int(s) for a decimal str (int-ops.ts), to make big int Values. */
export function intFromDecimal(s: usize): Value {
  return intFromStr(s, 10);
}
export function fmtIntValue(v: Value, spec: usize): usize {
  return formatInt(v, spec);
}
export function fmtFloat(bits: u64, spec: usize): usize {
  return formatFloat(f(bits), spec);
}
export function fmtInt(n: i64, spec: usize): usize {
  return formatSmallInt(n, spec);
}
export function fmtIntDigits(negative: bool, digits: usize, spec: usize): usize {
  return formatIntDigits(negative, digits, spec);
}
export function fmtStr(s: usize, spec: usize): usize {
  return formatStr(s, spec);
}
export function trueDiv(a: u64, b: u64): Value {
  return floatTrueDiv(f(a), f(b));
}
export function floorDiv(a: u64, b: u64): Value {
  return floatFloorDiv(f(a), f(b));
}
export function mod(a: u64, b: u64): Value {
  return floatMod(f(a), f(b));
}
export function divmod(a: u64, b: u64): Value {
  return floatDivmod(f(a), f(b));
}
export function pow(a: u64, b: u64): Value {
  return floatPow(f(a), f(b));
}
export function round(a: u64, nd: i64): Value {
  return floatRound(f(a), nd);
}
export function roundEvenBits(a: u64): u64 {
  return reinterpret<u64>(floatRoundToEven(f(a)));
}
export function isInteger(a: u64): bool {
  return floatIsInteger(f(a));
}
export function hex(a: u64): usize {
  return floatHex(f(a));
}
export function fromHex(s: usize): Value {
  return floatFromHex(s);
}
export function fromStr(s: usize): Value {
  return floatFromStr(s);
}

/** A str from UTF-8 at [p, p + n) (surrogatepass). */
export function makeStr(p: usize, n: usize): usize {
  return strFromUtf8(p, n);
}
export function strLen(s: usize): u32 {
  return strLength(s);
}
export function strKindOf(s: usize): u32 {
  return strKind(s);
}
export function strAsciiFlag(s: usize): u32 {
  return changetype<StrObject>(s).ascii;
}
export function strDataPtr(s: usize): usize {
  return strData(s);
}
export function floatBits(v: Value): u64 {
  return reinterpret<u64>(floatValue(<usize>v));
}
export function complexRealBits(v: Value): u64 {
  return reinterpret<u64>(complexReal(<usize>v));
}
export function complexImagBits(v: Value): u64 {
  return reinterpret<u64>(complexImag(<usize>v));
}
export function item(t: Value, i: i32): Value {
  return tupleItem(<usize>t, <usize>i);
}
export function release(v: Value): void {
  decref(v);
}

// Static objects last (assembly/startup.ts).
import { initStatics } from "../startup";
initStatics();
