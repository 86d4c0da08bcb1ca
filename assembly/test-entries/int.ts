/**
 * Test entry for int arithmetic (assembly/int-ops.ts): the ops themselves, plus a hex channel
 * independent of intFromStr/intToStr to move big ints in and out (testFromHex / testToHex), and
 * str objects from/to UTF-8 for the string conversions.
 */
import "../str-methods"; // first: module order, see assembly/index.ts
import { kindOfValue, KIND_FLOAT, KIND_TUPLE } from "../types";
import { initStatics } from "../startup";
import { alloc, free } from "../heap";
import { Value, makeSmallInt } from "../values";
import { bigAlloc, bigNDigits, bigSign, BIGINT_HEADER_SIZE, intHash, intFromI64 } from "../int";
import { strFromUtf8, strUtf8Length, strWriteUtf8 } from "../str";
import { tupleItem } from "../tuple";
import { floatValue } from "../float";
import { intToF64Failed } from "../int-ops";

export { heapInit, heapBytesInUse, heapAudit } from "../heap";
export { errorType, errorMessagePtr, errorMessageLength, errorClear, kindOfValue as valueKind } from "../types";
export { decref as valueDecref } from "../refcount";
export {
  intAdd,
  intSub,
  intMul,
  intFloorDiv,
  intMod,
  intDivmod,
  intNeg,
  intAbs,
  intInvert,
  intAnd,
  intOr,
  intXor,
  intLshift,
  intRshift,
  intPow,
  intTrueDiv,
  intCompare,
  intEq,
  intIsZero,
  intSign,
  intToF64,
  intFromF64,
  intCompareF64,
  intToStr,
  intFromStr,
  intBitLength,
  intBitCount,
  setIntMaxStrDigits,
  intMaxStrDigits,
  intRound,
} from "../int-ops";
export { intFromI64, intFromU64, intHash } from "../int";

export function ioAlloc(n: usize): usize {
  return alloc(n);
}
export function ioFree(p: usize, n: usize): void {
  free(p, n);
}

export function testToF64Failed(): bool {
  return intToF64Failed;
}

/** An int from ASCII hex text at p ("-" allowed first), built digit by digit without int-ops. */
export function testFromHex(p: usize, len: usize): Value {
  let neg = false;
  let i: usize = 0;
  if (len > 0 && load<u8>(p) == 0x2d) {
    neg = true;
    i = 1;
  }
  const nbits = (len - i) * 4;
  const nd = (nbits + 29) / 30 + 1;
  const t = alloc(nd * 4);
  let pos: usize = 0;
  for (let j = <isize>len - 1; j >= <isize>i; j--) {
    const c = <u32>load<u8>(p + <usize>j);
    const x: u32 = c <= 0x39 ? c - 0x30 : (c | 0x20) - 0x61 + 10;
    for (let b: u32 = 0; b < 4; b++) {
      if (((x >> b) & 1) != 0) {
        const di = pos / 30;
        store<u32>(t + di * 4, load<u32>(t + di * 4) | (<u32>1 << <u32>(pos % 30)));
      }
      pos++;
    }
  }
  let n = nd;
  while (n > 0 && load<u32>(t + (n - 1) * 4) == 0) n--;
  let v: Value;
  if (n <= 2 || (n == 3 && load<u32>(t + 8) < 4) || (neg && n == 3 && load<u32>(t + 8) == 4 && load<u32>(t + 4) == 0 && load<u32>(t) == 0)) {
    let m: u64 = 0;
    for (let k = <isize>n - 1; k >= 0; k--) m = (m << 30) | <u64>load<u32>(t + <usize>k * 4);
    v = intFromI64(neg ? -<i64>m : <i64>m);
  } else {
    const o = bigAlloc(n, neg);
    memory.copy(o + BIGINT_HEADER_SIZE, t, n * 4);
    v = <Value>o;
  }
  free(t, nd * 4);
  return v;
}

const OUT_CAP: usize = 1 << 20;
const OUT: usize = memory.data(<i32>OUT_CAP, 8);

export function testOut(): usize {
  return OUT;
}

/** Writes v as hex ("-" first when negative) at testOut(); returns the length, -1 if not canonical. */
export function testToHex(v: Value): isize {
  if ((v & 1) != 0) {
    let n = <i64>v >> 1;
    let o: usize = 0;
    if (n < 0) {
      store<u8>(OUT, 0x2d);
      o = 1;
    }
    let m: u64 = n < 0 ? <u64>0 - <u64>n : <u64>n;
    return writeHexU64(OUT + o, m) + o;
  }
  if ((v & 7) != 0 || v == 0 || kindOfValue(v) != 4) return -1;
  const p = <usize>v;
  const n = <usize>bigNDigits(p);
  if (n == 0 || load<u32>(p + BIGINT_HEADER_SIZE + (n - 1) * 4) == 0) return -1;
  // canonical: a value in small range must not be big
  if (n < 3 || (n == 3 && load<u32>(p + 24) < 4)) return -1;
  if (bigSign(p) < 0 && n == 3 && load<u32>(p + 24) == 4 && load<u32>(p + 20) == 0 && load<u32>(p + 16) == 0) return -1;
  let o: usize = 0;
  if (bigSign(p) < 0) store<u8>(OUT + o++, 0x2d);
  const bits = (n - 1) * 30 + (32 - <usize>clz<u32>(load<u32>(p + BIGINT_HEADER_SIZE + (n - 1) * 4)));
  const nch = (bits + 3) / 4;
  const digits = "0123456789abcdef";
  for (let i: usize = 0; i < nch; i++) {
    let x: u32 = 0;
    for (let b: usize = 0; b < 4; b++) {
      const pos = i * 4 + b;
      const di = pos / 30;
      if (di < n && ((load<u32>(p + BIGINT_HEADER_SIZE + di * 4) >> <u32>(pos % 30)) & 1) != 0) x |= <u32>1 << <u32>b;
    }
    store<u8>(OUT + o + nch - 1 - i, <u8>digits.charCodeAt(<i32>x));
  }
  return <isize>(o + nch);
}

function writeHexU64(p: usize, m: u64): isize {
  const digits = "0123456789abcdef";
  let n: isize = 0;
  let t = m;
  do {
    n++;
    t >>= 4;
  } while (t != 0);
  for (let i = n - 1; i >= 0; i--) {
    store<u8>(p + <usize>i, <u8>digits.charCodeAt(<i32>(m & 15)));
    m >>= 4;
  }
  return n;
}

/** A str object from UTF-8 at p. */
export function testStr(p: usize, len: usize): usize {
  return strFromUtf8(p, len);
}

/** Writes a str object's UTF-8 at testOut(); returns the length. */
export function testStrOut(s: usize): usize {
  const n = strUtf8Length(s);
  if (n > OUT_CAP) return 0;
  return strWriteUtf8(s, OUT);
}

export function testFloatValue(v: Value): f64 {
  return kindOfValue(v) == KIND_FLOAT ? floatValue(<usize>v) : NaN;
}

export function testTupleItem(v: Value, i: i32): Value {
  return kindOfValue(v) == KIND_TUPLE ? tupleItem(<usize>v, <usize>i) : 0;
}

export function testSmall(n: i64): Value {
  return makeSmallInt(n);
}

export function testHash(v: Value): i64 {
  return intHash(v);
}

// static objects (type objects, ...) last, once every module's globals are set (startup.ts)
initStatics();
