/**
 * int(x=0, /, base=10): argument binding as CPython's clinic does it, the base through __index__,
 * and text in str, bytes or bytearray in any base.
 *
 * Entry points: intConstruct, intFromBuffer.
 */
import { Value, NULL, TRUE, FALSE, isObject, makeSmallInt, getSmallInt } from "./values";
import {
  kindOf,
  raiseBegin,
  raiseMsg,
  errText,
  errInt,
  errStrObject,
  errorType,
  KIND_STR,
  KIND_BYTES,
  KIND_BYTEARRAY,
  EXC_TypeError,
  EXC_ValueError,
} from "./types";
import { decref } from "./refcount";
import { tupleSize, tupleItem } from "./tuple";
import { strEqualLiteral } from "./str";
import { arg } from "./native";
import { intFromStr } from "./int-ops";
import { bytesToStrLatin1, bytesFromValue, bytesRepr, bufData, bufLen } from "./bytes-ops";
import { intClampI64 } from "./slice";
import { intOf } from "./construct";
import { numberIndex } from "./index-protocol";

/**
 * int(...) with the native calling convention (a lone argument goes to construct.ts's intOf).
 * A new reference, or NULL with the exception raised.
 */
export function intConstruct(args: usize, nargs: i32, kwnames: usize): Value {
  const nkw = kwnames == 0 ? 0 : <i32>tupleSize(kwnames);
  if (nargs + nkw > 2) {
    raiseBegin(EXC_TypeError);
    errText("int() takes at most 2 arguments (");
    errInt(nargs + nkw);
    errText(" given)");
    return NULL;
  }
  let baseV: Value = nargs > 1 ? arg(args, 1) : NULL;
  for (let i = 0; i < nkw; i++) {
    const k = <usize>tupleItem(kwnames, i);
    if (!strEqualLiteral(k, "base")) {
      raiseBegin(EXC_TypeError);
      errText("'");
      errStrObject(k);
      errText("' is an invalid keyword argument for int()");
      return NULL;
    }
    if (nargs > 1) return raiseMsg(EXC_TypeError, "argument for int() given by name ('base') and position (2)");
    baseV = arg(args, nargs + i);
  }
  const x = nargs > 0 ? arg(args, 0) : NULL;
  if (baseV == NULL) return x == NULL ? makeSmallInt(0) : intOf(x);
  if (x == NULL) return raiseMsg(EXC_TypeError, "int() missing string argument");
  // PyNumber_AsSsize_t(base, NULL): through __index__, clamped.
  const bi = numberIndex(baseV);
  if (bi == NULL) return NULL;
  const base = intClampI64(bi);
  decref(bi);
  if ((base != 0 && base < 2) || base > 36) return raiseMsg(EXC_ValueError, "int() base must be >= 2 and <= 36, or 0");
  if (isObject(x)) {
    const k = kindOf(<usize>x);
    if (k == KIND_STR) return intFromStr(<usize>x, <i32>base);
    if (k == KIND_BYTES || k == KIND_BYTEARRAY) return intFromBuffer(<usize>x, <i32>base);
  }
  return raiseMsg(EXC_TypeError, "int() can't convert non-string with explicit base");
}

/** int(b, base) for bytes/bytearray b: ASCII text as a str would parse; the error shows b's bytes repr. */
export function intFromBuffer(b: usize, base: i32): Value {
  const d = bufData(b);
  const n = <usize>bufLen(b);
  let ascii = true;
  for (let i: usize = 0; i < n; i++) if (load<u8>(d + i) >= 0x80) ascii = false;
  if (ascii) {
    const s = bytesToStrLatin1(b);
    if (s == 0) return NULL;
    const r = intFromStr(s, base);
    decref(<u64>s);
    if (r != NULL || errorType() != EXC_ValueError) return r;
  }
  // The message shows the text as a bytes repr (b'x', for bytearray too).
  const copy = bytesFromValue(<u64>b);
  if (copy == NULL) return NULL;
  const rep = bytesRepr(<usize>copy);
  decref(copy);
  if (rep == 0) return NULL;
  raiseBegin(EXC_ValueError);
  errText("invalid literal for int() with base ");
  errInt(base);
  errText(": ");
  errStrObject(rep);
  decref(<u64>rep);
  return NULL;
}

/**
 * An int subclass instance needs a header even for a small value: a fresh heap int block holding
 * v (small int or bool) as digits, not canonical (magnitude below 2**62, zero as no digits). Every
 * int operation reads such an instance through number.ts asInt, which gives the small int back.
 */
export function intBoxSmall(v: Value): Value {
  const n: i64 = v == TRUE ? 1 : v == FALSE ? 0 : getSmallInt(v);
  let m: u64 = n < 0 ? <u64>0 - <u64>n : <u64>n;
  let nd: usize = 0;
  for (let t = m; t != 0; t >>= 30) nd++;
  const p = bigAlloc(nd, n < 0);
  if (p == 0) return NULL;
  for (let i: usize = 0; i < nd; i++) {
    store<u32>(p + BIGINT_HEADER_SIZE + (i << 2), <u32>(m & 0x3fffffff));
    m >>= 30;
  }
  return <Value>p;
}

/** asInt's slow path: an int subclass instance whose value fits a small int, as that small int. */
export function intSubclassValue(v: Value): Value {
  const nd = bigNDigits(<usize>v);
  if (nd == 0) return makeSmallInt(0); // (bigToI64 reads a first digit)
  if (nd > 3 || !bigToI64(<usize>v)) return v;
  const n = indexOut;
  return n >= -(<i64>1 << 62) && n < (<i64>1 << 62) ? makeSmallInt(n) : v;
}
import { bigAlloc, bigNDigits, BIGINT_HEADER_SIZE } from "./int";
import { bigToI64, indexOut } from "./slice";
