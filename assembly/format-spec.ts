/**
 * The format-spec mini-language, as CPython 3.11's format() / __format__ for float, int and str:
 *
 *   [[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type]
 *
 * parseFormatSpec fills one static record (fs*: nothing here calls back into Python, so one is
 * enough); formatFloat / formatSmallInt / formatIntDigits / formatStr lay the value out the way
 * CPython's formatter does:  <lpad> <sign> <prefix> <spad> <grouped digits> <point> <rest> <rpad>,
 * where '0' with '=' pads inside the digit grouping ("00,001,234"). 'n' uses the C locale
 * (CPython never sets LC_NUMERIC): no grouping, '.' as the point. Error types and texts are
 * CPython 3.11's.
 *
 * formatInt(v, spec) takes any int Value (big ones through int-ops.ts's intToStr / intToF64).
 * Or, with the digits made elsewhere: call formatIntBase(spec) first; it returns the base whose digits formatIntDigits needs
 * (2, 8, 10, 16), 0 when the spec is a float type (convert the int to float and call formatFloat),
 * or -1 with an exception (unknown code, bad spec). Then formatIntDigits(negative, digits, spec)
 * with the magnitude's digits in that base (a str of ASCII digits, lowercase or uppercase letters,
 * no sign, no prefix) does the rest, 'c' included.
 */
import { strAlloc, strLength, strKind, strData, strCodePoint, StrObject } from "./str";
import { raiseBegin, raiseMsg, raiseMemory, errText, errStrObject, errByte, EXC_ValueError, EXC_OverflowError, EXC_SystemError } from "./types";
import { alloc, free } from "./heap";
import { increfObject } from "./refcount";
import { numPrepare, numWrite, floatStr, asciiStr } from "./float-format";
import { Value, isSmallInt, getSmallInt } from "./values";
import { bigNDigits, bigDigit, bigSign } from "./int";
import { decref } from "./refcount";
import { intToStr, intToF64, intToF64Failed } from "./int-ops";

// ---------------------------------------------------------------------------------------------------
// The parsed spec

/** fsGrouping values: none, ',' or '_' every 3 digits, '_' every 4 (b/o/x/X). */
export const GROUP_NONE: u32 = 0;
export const GROUP_COMMA: u32 = 0x2c;
export const GROUP_UNDERSCORE: u32 = 0x5f;
export const GROUP_UNDER_FOUR: u32 = 4;

export let fsFill: u32 = 0x20;
export let fsAlign: u32 = 0x3e;
export let fsSign: u32 = 0; // 0, '+', '-' or ' '
export let fsNoNeg0: bool = false; // 'z'
export let fsAlt: bool = false; // '#'
export let fsWidth: i64 = -1; // -1: not given
export let fsGrouping: u32 = GROUP_NONE;
export let fsPrecision: i64 = -1; // -1: not given
export let fsType: u32 = 0;

/** Longest str we try to build; beyond it MemoryError (strAlloc's own limit). */
const MAX_LENGTH: i64 = 0x3ffffff0;

/** Zero digits of the Unicode decimal digit runs (Unicode 14, Python 3.11); each run is 10 long. */
const DECIMAL_ZEROS: StaticArray<u32> = [
  0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6, 0xe50,
  0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50, 0x1bb0, 0x1c40,
  0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10, 0x104a0, 0x10d30, 0x11066,
  0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650, 0x116c0, 0x11730, 0x118e0, 0x11950,
  0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0, 0x16b50, 0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6,
  0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0,
];

/** The value of a Unicode decimal digit (str.isdecimal), or -1. */
export function decimalValue(c: u32): i32 {
  if (c < 0x80) return c >= 0x30 && c <= 0x39 ? <i32>(c - 0x30) : -1;
  let lo = 0;
  let hi = DECIMAL_ZEROS.length - 1;
  // The last run starting at or below c.
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (unchecked(DECIMAL_ZEROS[mid]) <= c) lo = mid;
    else hi = mid - 1;
  }
  const z = unchecked(DECIMAL_ZEROS[lo]);
  return c >= z && c < z + 10 ? <i32>(c - z) : -1;
}

// @ts-ignore: decorator
@inline function isAlign(c: u32): bool {
  return c == 0x3c || c == 0x3e || c == 0x3d || c == 0x5e;
}

/** Parses a run of decimal digits at *pos into parsedInt; returns how many, or -1 after raising. */
let parsedInt: i64 = 0;
function parseInteger(spec: usize, pos: usize, end: usize): i64 {
  let acc: i64 = 0;
  let i = pos;
  for (; i < end; i++) {
    const d = decimalValue(strCodePoint(spec, i));
    if (d < 0) break;
    if (acc > (I64.MAX_VALUE - <i64>d) / 10) {
      raiseMsg(EXC_ValueError, "Too many decimal digits in format string");
      return -1;
    }
    acc = acc * 10 + <i64>d;
  }
  parsedInt = acc;
  return <i64>(i - pos);
}

/** Appends a presentation type as CPython's messages show it: the char, or \x<hex>. */
function errTypeChar(c: u32): void {
  if (c > 32 && c < 128) {
    errByte(<u8>c);
    return;
  }
  errText("\\x");
  let started = false;
  for (let shift = 28; shift >= 0; shift -= 4) {
    const d = (c >> <u32>shift) & 15;
    if (d != 0 || started || shift == 0) {
      started = true;
      errByte(<u8>(d < 10 ? 0x30 + d : 0x57 + d));
    }
  }
}

function raiseGroupingWithType(sep: u32, type: u32): bool {
  raiseBegin(EXC_ValueError);
  errText("Cannot specify '");
  errByte(<u8>sep);
  errText("' with '");
  errTypeChar(type);
  errText("'.");
  return false;
}

/** ValueError "Unknown format code 'X' for object of type 'T'"; returns 0. */
export function raiseUnknownCode(type: u32, typeName: string): usize {
  raiseBegin(EXC_ValueError);
  errText("Unknown format code '");
  errTypeChar(type);
  errText("' for object of type '");
  errText(typeName);
  errText("'");
  return 0;
}

/**
 * Parses a whole (non-empty) spec str into the fs* record; false after raising ValueError. The
 * defaults are the type's: float '\0' and '>', int 'd' and '>', str 's' and '<'.
 */
export function parseFormatSpec(spec: usize, defaultType: u32, defaultAlign: u32, typeName: string): bool {
  const end = <usize>strLength(spec);
  let pos: usize = 0;
  let fillGiven = false;
  let alignGiven = false;
  fsFill = 0x20;
  fsAlign = defaultAlign;
  fsSign = 0;
  fsNoNeg0 = false;
  fsAlt = false;
  fsWidth = -1;
  fsGrouping = GROUP_NONE;
  fsPrecision = -1;
  fsType = defaultType;
  if (end - pos >= 2 && isAlign(strCodePoint(spec, pos + 1))) {
    fsAlign = strCodePoint(spec, pos + 1);
    fsFill = strCodePoint(spec, pos);
    fillGiven = true;
    alignGiven = true;
    pos += 2;
  } else if (end - pos >= 1 && isAlign(strCodePoint(spec, pos))) {
    fsAlign = strCodePoint(spec, pos);
    alignGiven = true;
    pos++;
  }
  if (pos < end) {
    const c = strCodePoint(spec, pos);
    if (c == 0x2b || c == 0x2d || c == 0x20) {
      fsSign = c;
      pos++;
    }
  }
  if (pos < end && strCodePoint(spec, pos) == 0x7a) {
    fsNoNeg0 = true;
    pos++;
  }
  if (pos < end && strCodePoint(spec, pos) == 0x23) {
    fsAlt = true;
    pos++;
  }
  if (!fillGiven && pos < end && strCodePoint(spec, pos) == 0x30) {
    fsFill = 0x30;
    if (!alignGiven && defaultAlign == 0x3e) fsAlign = 0x3d;
    pos++;
  }
  let consumed = parseInteger(spec, pos, end);
  if (consumed < 0) return false;
  pos += <usize>consumed;
  if (consumed > 0) fsWidth = parsedInt;
  if (pos < end && strCodePoint(spec, pos) == 0x2c) {
    fsGrouping = GROUP_COMMA;
    pos++;
  }
  if (pos < end && strCodePoint(spec, pos) == 0x5f) {
    if (fsGrouping != GROUP_NONE) return raiseCommaAndUnderscore();
    fsGrouping = GROUP_UNDERSCORE;
    pos++;
  }
  if (pos < end && strCodePoint(spec, pos) == 0x2c && fsGrouping == GROUP_UNDERSCORE) return raiseCommaAndUnderscore();
  if (pos < end && strCodePoint(spec, pos) == 0x2e) {
    pos++;
    consumed = parseInteger(spec, pos, end);
    if (consumed < 0) return false;
    if (consumed == 0) {
      raiseMsg(EXC_ValueError, "Format specifier missing precision");
      return false;
    }
    pos += <usize>consumed;
    fsPrecision = parsedInt;
  }
  if (end - pos > 1) {
    raiseBegin(EXC_ValueError);
    errText("Invalid format specifier '");
    errStrObject(spec);
    errText("' for object of type '");
    errText(typeName);
    errText("'");
    return false;
  }
  if (end - pos == 1) fsType = strCodePoint(spec, pos);
  if (fsGrouping != GROUP_NONE) {
    const t = fsType;
    if (t == 0x64 || t == 0x65 || t == 0x66 || t == 0x67 || t == 0x45 || t == 0x47 || t == 0x25 || t == 0x46 || t == 0) {
      // allowed (PEP 378)
    } else if ((t == 0x62 || t == 0x6f || t == 0x78 || t == 0x58) && fsGrouping == GROUP_UNDERSCORE) {
      fsGrouping = GROUP_UNDER_FOUR; // PEP 515: every four digits in bin/oct/hex
    } else {
      return raiseGroupingWithType(fsGrouping, t);
    }
  }
  return true;
}

function raiseCommaAndUnderscore(): bool {
  raiseMsg(EXC_ValueError, "Cannot specify both ',' and '_'.");
  return false;
}

// ---------------------------------------------------------------------------------------------------
// Writing str data of any kind

// @ts-ignore: decorator
@inline function putCp(d: usize, kind: u32, i: usize, c: u32): void {
  if (kind == 1) store<u8>(d + i, <u8>c);
  else if (kind == 2) store<u16>(d + (i << 1), <u16>c);
  else store<u32>(d + (i << 2), c);
}

function fillRun(d: usize, kind: u32, i: usize, n: usize, c: u32): void {
  if (kind == 1) {
    memory.fill(d + i, <u8>c, n);
    return;
  }
  for (let j: usize = 0; j < n; j++) putCp(d, kind, i + j, c);
}

function kindFor(maxCp: u32): u32 {
  return maxCp < 0x100 ? 1 : maxCp < 0x10000 ? 2 : 4;
}

/** A new str of n code points of a kind that holds maxCp (ascii flag set when it is ASCII). */
function newStr(n: i64, maxCp: u32): usize {
  if (n > MAX_LENGTH) return raiseMemory();
  const s = strAlloc(<usize>n, kindFor(maxCp));
  if (s == 0) return 0;
  if (maxCp < 0x80) changetype<StrObject>(s).ascii = 1;
  return s;
}

// ---------------------------------------------------------------------------------------------------
// Digit grouping (with '0'/'=' padding done as leading zeros inside the groups)

/** How many chars the grouped digits take: the groups from the right until both the digits and min_width are used up. */
function groupedCount(nDigits: i64, minWidth: i64, g: i64): i64 {
  let remaining = nDigits;
  let minW = minWidth > 0 ? minWidth : 0;
  let count: i64 = 0;
  if (g > 0) {
    let sep = false;
    for (;;) {
      let len = remaining > minW ? remaining : minW;
      if (len < 1) len = 1;
      if (len > g) len = g;
      const chars = remaining < len ? remaining : len;
      count += (sep ? 1 : 0) + len;
      sep = true;
      remaining -= chars;
      minW -= len;
      if (remaining <= 0 && minW <= 0) return count;
      minW -= 1;
    }
  }
  let len = remaining > minW ? remaining : minW;
  if (len < 1) len = 1;
  return count + len;
}

/** Writes the grouped digits so that they end just before position `end` of d. */
function writeGrouped(d: usize, kind: u32, end: usize, digits: usize, nDigits: i64, minWidth: i64, g: i64, sepChar: u32, upper: bool): void {
  let remaining = nDigits;
  let minW = minWidth > 0 ? minWidth : 0;
  let pos = end;
  let src = digits + <usize>nDigits;
  let sep = false;
  for (;;) {
    let len = remaining > minW ? remaining : minW;
    if (len < 1) len = 1;
    if (g > 0 && len > g) len = g;
    const chars = remaining < len ? remaining : len;
    if (sep) putCp(d, kind, --pos, sepChar);
    for (let j: i64 = 0; j < chars; j++) {
      // Int digits come in either case; X wants upper, the rest lower (float digits have no letters).
      let c = <u32>load<u8>(--src);
      if (c >= 0x41) c = upper ? c & ~0x20 : c | 0x20;
      putCp(d, kind, --pos, c);
    }
    for (let j: i64 = chars; j < len; j++) putCp(d, kind, --pos, 0x30);
    sep = true;
    remaining -= chars;
    minW -= len;
    if (g <= 0 || (remaining <= 0 && minW <= 0)) return;
    minW -= 1;
  }
}

// ---------------------------------------------------------------------------------------------------
// The number layout shared by float and int

/**
 * Lays out  <lpad> <sign> <prefix> <spad> <grouped digits> ['.'] <rest> <rpad>  per the fs* record.
 * digits: nDigits ASCII digits; rest: nRest ASCII chars after the point, or one code point restCp
 * (>= 0: 'c' formatting); prefix: nPrefix (0 or 2) chars p0 p1.
 */
function layoutNumber(
  negative: bool, p0: u32, p1: u32, nPrefix: i64, digits: usize, nDigits: i64, hasDecimal: bool,
  rest: usize, nRest: i64, restCp: i32, upper: bool, grouping: u32,
): usize {
  // The result is at least width long: fail before grouping loops over an absurd width.
  if (fsWidth > MAX_LENGTH) return raiseMemory();
  let signChar: u32 = 0;
  if (fsSign == 0x2b) signChar = negative ? 0x2d : 0x2b;
  else if (fsSign == 0x20) signChar = negative ? 0x2d : 0x20;
  else if (negative) signChar = 0x2d;
  const nSign: i64 = signChar != 0 ? 1 : 0;
  const nDecimal: i64 = hasDecimal ? 1 : 0;
  const nRestAll: i64 = restCp >= 0 ? 1 : nRest;
  const nonDigit = nSign + nPrefix + nDecimal + nRestAll;
  const minWidth: i64 = fsFill == 0x30 && fsAlign == 0x3d ? fsWidth - nonDigit : 0;
  let g: i64 = 0;
  let sepChar: u32 = 0;
  if (grouping == GROUP_COMMA || grouping == GROUP_UNDERSCORE) {
    g = 3;
    sepChar = grouping;
  } else if (grouping == GROUP_UNDER_FOUR) {
    g = 4;
    sepChar = 0x5f;
  }
  const nGrouped: i64 = nDigits == 0 ? 0 : groupedCount(nDigits, minWidth, g);
  const padding = fsWidth - (nonDigit + nGrouped);
  let lpad: i64 = 0;
  let spad: i64 = 0;
  let rpad: i64 = 0;
  if (padding > 0) {
    if (fsAlign == 0x3c) rpad = padding;
    else if (fsAlign == 0x5e) {
      lpad = padding / 2;
      rpad = padding - lpad;
    } else if (fsAlign == 0x3d) spad = padding;
    else lpad = padding;
  }
  let maxCp: u32 = 0x7f;
  if (padding > 0 && fsFill > maxCp) maxCp = fsFill;
  if (restCp > <i32>maxCp) maxCp = <u32>restCp;
  const total = lpad + nSign + nPrefix + spad + nGrouped + nDecimal + nRestAll + rpad;
  const s = newStr(total, maxCp);
  if (s == 0) return 0;
  const kind = strKind(s);
  const d = strData(s);
  let i: usize = 0;
  fillRun(d, kind, i, <usize>lpad, fsFill);
  i += <usize>lpad;
  if (nSign != 0) putCp(d, kind, i++, signChar);
  if (nPrefix != 0) {
    putCp(d, kind, i++, p0);
    putCp(d, kind, i++, p1);
  }
  fillRun(d, kind, i, <usize>spad, fsFill);
  i += <usize>spad;
  if (nDigits != 0) {
    i += <usize>nGrouped;
    writeGrouped(d, kind, i, digits, nDigits, minWidth, g, sepChar, upper);
  }
  if (hasDecimal) putCp(d, kind, i++, 0x2e);
  if (restCp >= 0) {
    putCp(d, kind, i++, <u32>restCp);
  } else {
    for (let j: i64 = 0; j < nRest; j++) putCp(d, kind, i++, <u32>load<u8>(rest + <usize>j));
  }
  fillRun(d, kind, i, <usize>rpad, fsFill);
  return s;
}

// ---------------------------------------------------------------------------------------------------
// float

const NUM_BUF_SIZE: i64 = 1024;
const NUM_BUF: usize = memory.data(<i32>NUM_BUF_SIZE, 8);

/** format(x, spec) for a float: a new str, or 0 with an exception. */
export function formatFloat(x: f64, spec: usize): usize {
  if (strLength(spec) == 0) return floatStr(x);
  if (!parseFormatSpec(spec, 0, 0x3e, "float")) return 0;
  const t = fsType;
  if (t == 0 || t == 0x65 || t == 0x45 || t == 0x66 || t == 0x46 || t == 0x67 || t == 0x47 || t == 0x6e || t == 0x25) {
    return formatFloatParsed(x);
  }
  return raiseUnknownCode(t, "float");
}

/** The float formatting of the parsed spec (its type is a float type). */
function formatFloatParsed(x: f64): usize {
  if (fsPrecision > 2147483647) return raiseMsg(EXC_ValueError, "precision too big");
  let precision = fsPrecision;
  let type = fsType;
  let addDot0 = false;
  let defaultPrecision: i64 = 6;
  if (type == 0) {
    // No type: repr's shortest digits, or with a precision 'g' that keeps a ".0".
    addDot0 = true;
    type = 0x72;
    defaultPrecision = 0;
  }
  if (type == 0x6e) type = 0x67;
  let pct = false;
  if (type == 0x25) {
    type = 0x66;
    x *= 100;
    pct = true;
  }
  if (precision < 0) precision = defaultPrecision;
  else if (type == 0x72) type = 0x67;
  const upper = type == 0x45 || type == 0x46 || type == 0x47;
  const code = upper ? type + 0x20 : type;
  const bound = numPrepare(x, code, precision, addDot0, fsAlt, fsNoNeg0, upper);
  if (bound > MAX_LENGTH) return raiseMemory();
  let buf = NUM_BUF;
  if (bound > NUM_BUF_SIZE) {
    buf = alloc(<usize>bound);
    if (buf == 0) return raiseMemory();
  }
  let n = numWrite(buf);
  if (pct) store<u8>(buf + n++, 0x25);
  let result: usize;
  if (fsSign != 0x2b && fsSign != 0x20 && fsWidth == -1 && fsType != 0x6e && fsGrouping == GROUP_NONE) {
    result = asciiStr(buf, n);
  } else {
    // Split into sign, integer digits, '.', and the rest (fraction, exponent, '%', or inf/nan).
    let i: usize = 0;
    const negative = load<u8>(buf) == 0x2d;
    if (negative) i = 1;
    const digitsStart = i;
    while (i < n && load<u8>(buf + i) >= 0x30 && load<u8>(buf + i) <= 0x39) i++;
    const nDigits = <i64>(i - digitsStart);
    const hasDecimal = i < n && load<u8>(buf + i) == 0x2e;
    if (hasDecimal) i++;
    const grouping = fsType == 0x6e ? GROUP_NONE : fsGrouping;
    result = layoutNumber(negative, 0, 0, 0, buf + digitsStart, nDigits, hasDecimal, buf + i, <i64>(n - i), -1, false, grouping);
  }
  if (buf != NUM_BUF) free(buf, <usize>bound);
  return result;
}

// ---------------------------------------------------------------------------------------------------
// int

const INT_BUF: usize = memory.data(72, 8);

// @ts-ignore: decorator
@inline function isIntType(t: u32): bool {
  return t == 0x62 || t == 0x63 || t == 0x64 || t == 0x6f || t == 0x78 || t == 0x58 || t == 0x6e;
}
// @ts-ignore: decorator
@inline function isFloatType(t: u32): bool {
  return t == 0x65 || t == 0x45 || t == 0x66 || t == 0x46 || t == 0x67 || t == 0x47 || t == 0x25;
}

function baseOf(t: u32): i32 {
  if (t == 0x62) return 2;
  if (t == 0x6f) return 8;
  if (t == 0x78 || t == 0x58) return 16;
  return 10;
}

/** The checks format_long_internal makes before looking at the value; false after raising. */
function checkIntSpec(): bool {
  if (fsPrecision != -1) {
    raiseMsg(EXC_ValueError, "Precision not allowed in integer format specifier");
    return false;
  }
  if (fsNoNeg0) {
    raiseMsg(EXC_ValueError, "Negative zero coercion (z) not allowed in integer format specifier");
    return false;
  }
  if (fsType == 0x63) {
    if (fsSign != 0) {
      raiseMsg(EXC_ValueError, "Sign not allowed with integer format specifier 'c'");
      return false;
    }
    if (fsAlt) {
      raiseMsg(EXC_ValueError, "Alternate form (#) not allowed with integer format specifier 'c'");
      return false;
    }
  }
  return true;
}

/** Writes |n| in `base` (lowercase) at the end of INT_BUF; returns the count (digits at INT_BUF + 72 - count). */
function u64Digits(v: u64, base: u32): usize {
  let p = INT_BUF + 72;
  do {
    const d = <u32>(v % <u64>base);
    v /= <u64>base;
    store<u8>(--p, <u8>(d < 10 ? 0x30 + d : 0x57 + d));
  } while (v != 0);
  return INT_BUF + 72 - p;
}

function intCharLayout(c: i64): usize {
  if (c < 0 || c > 0x10ffff) return raiseMsg(EXC_OverflowError, "%c arg not in range(0x110000)");
  return layoutNumber(false, 0, 0, 0, 0, 0, false, 0, 0, <i32>c, false, fsGrouping);
}

/** Number layout of an int's digits per the parsed (int-type) spec. */
function intDigitsLayout(negative: bool, digits: usize, n: i64): usize {
  const t = fsType;
  let nPrefix: i64 = 0;
  let p1: u32 = 0;
  if (fsAlt && t != 0x64 && t != 0x6e) {
    nPrefix = 2;
    p1 = t; // b, o, x or X
  }
  const grouping = t == 0x6e ? GROUP_NONE : fsGrouping;
  return layoutNumber(negative, 0x30, p1, nPrefix, digits, n, false, 0, 0, -1, t == 0x58, grouping);
}

/** format(n, spec) for an int that fits an i64: every int presentation type, float ones too. */
export function formatSmallInt(n: i64, spec: usize): usize {
  const negative = n < 0;
  const mag: u64 = negative ? <u64>0 - <u64>n : <u64>n;
  if (strLength(spec) == 0) {
    let count = u64Digits(mag, 10);
    if (negative) {
      store<u8>(INT_BUF + 71 - count, 0x2d);
      count++;
    }
    return asciiStr(INT_BUF + 72 - count, count);
  }
  if (!parseFormatSpec(spec, 0x64, 0x3e, "int")) return 0;
  const t = fsType;
  if (isFloatType(t)) return formatFloatParsed(<f64>n);
  if (!isIntType(t)) return raiseUnknownCode(t, "int");
  if (!checkIntSpec()) return 0;
  if (t == 0x63) return intCharLayout(n);
  const count = u64Digits(mag, <u32>baseOf(t));
  return intDigitsLayout(negative, INT_BUF + 72 - count, <i64>count);
}

/** format(v, spec) for any int Value, small or big (bool is the caller's: format(True, "") is "True"). */
export function formatInt(v: Value, spec: usize): usize {
  if (isSmallInt(v)) return formatSmallInt(getSmallInt(v), spec);
  if (strLength(spec) == 0) return intToStr(v, 10, false);
  if (!parseFormatSpec(spec, 0x64, 0x3e, "int")) return 0;
  const t = fsType;
  if (isFloatType(t)) {
    const x = intToF64(v);
    if (intToF64Failed) return 0;
    return formatFloatParsed(x);
  }
  if (!isIntType(t)) return raiseUnknownCode(t, "int");
  if (!checkIntSpec()) return 0;
  if (t == 0x63) {
    // A heap int is beyond +-2**62, so out of chr's range; beyond a C long it is PyLong_AsLong's error.
    const p = <usize>v;
    const n = bigNDigits(p);
    const top = n == 3 ? bigDigit(p, 2) : 0;
    const fitsLong = n == 3 && (top < 8 || (bigSign(p) < 0 && top == 8 && bigDigit(p, 1) == 0 && bigDigit(p, 0) == 0));
    return raiseMsg(EXC_OverflowError, fitsLong ? "%c arg not in range(0x110000)" : "Python int too large to convert to C long");
  }
  const s = intToStr(v, baseOf(t), false);
  if (s == 0) return 0;
  const negative = load<u8>(strData(s)) == 0x2d;
  const skip: usize = negative ? 1 : 0;
  const r = intDigitsLayout(negative, strData(s) + skip, <i64>strLength(s) - <i64>skip);
  decref(<Value>s);
  return r;
}

/**
 * For a big int: the base formatIntDigits wants the digits in (2, 8, 10, 16; 10 for an empty spec),
 * 0 when the spec is a float type (format float(n) with formatFloat instead), -1 after raising.
 */
export function formatIntBase(spec: usize): i32 {
  if (strLength(spec) == 0) return 10;
  if (!parseFormatSpec(spec, 0x64, 0x3e, "int")) return -1;
  const t = fsType;
  if (isFloatType(t)) return 0;
  if (!isIntType(t)) {
    raiseUnknownCode(t, "int");
    return -1;
  }
  return baseOf(t);
}

/**
 * format(n, spec) for an int given as sign + digits (a str of the magnitude's ASCII digits in the base
 * formatIntBase(spec) returned). Float types raise SystemError (use formatFloat for them).
 */
export function formatIntDigits(negative: bool, digits: usize, spec: usize): usize {
  const n = <i64>strLength(digits);
  if (strKind(digits) != 1) return raiseMsg(EXC_SystemError, "formatIntDigits: digits must be ASCII");
  const d = strData(digits);
  if (strLength(spec) == 0) {
    if (!negative) {
      increfObject(digits);
      return digits;
    }
    const s = newStr(n + 1, 0x7f);
    if (s == 0) return 0;
    store<u8>(strData(s), 0x2d);
    memory.copy(strData(s) + 1, d, <usize>n);
    return s;
  }
  if (!parseFormatSpec(spec, 0x64, 0x3e, "int")) return 0;
  const t = fsType;
  if (!isIntType(t)) {
    if (isFloatType(t)) return raiseMsg(EXC_SystemError, "formatIntDigits: float presentation type");
    return raiseUnknownCode(t, "int");
  }
  if (!checkIntSpec()) return 0;
  if (t == 0x63) {
    // PyLong_AsLong first: beyond a C long it is that conversion's error.
    let v: u64 = 0;
    let big = n > 19;
    for (let i: i64 = 0; i < n && !big; i++) v = v * 10 + <u64>(load<u8>(d + <usize>i) - 0x30);
    if (!big) big = negative ? v > <u64>0x8000000000000000 : v > <u64>0x7fffffffffffffff;
    if (big) return raiseMsg(EXC_OverflowError, "Python int too large to convert to C long");
    return intCharLayout(negative ? -<i64>v : <i64>v);
  }
  return intDigitsLayout(negative, d, n);
}

// ---------------------------------------------------------------------------------------------------
// str

/** format(s, spec) for a str: alignment (default '<'), width, precision as truncation. */
export function formatStr(s: usize, spec: usize): usize {
  if (strLength(spec) == 0) {
    increfObject(s);
    return s;
  }
  if (!parseFormatSpec(spec, 0x73, 0x3c, "str")) return 0;
  if (fsType != 0x73) return raiseUnknownCode(fsType, "str");
  if (fsSign != 0) {
    return raiseMsg(EXC_ValueError, fsSign == 0x20 ? "Space not allowed in string format specifier" : "Sign not allowed in string format specifier");
  }
  if (fsNoNeg0) return raiseMsg(EXC_ValueError, "Negative zero coercion (z) not allowed in string format specifier");
  if (fsAlt) return raiseMsg(EXC_ValueError, "Alternate form (#) not allowed in string format specifier");
  if (fsAlign == 0x3d) return raiseMsg(EXC_ValueError, "'=' alignment not allowed in string format specifier");
  if (fsWidth > MAX_LENGTH) return raiseMemory();
  let len = <i64>strLength(s);
  if ((fsWidth == -1 || fsWidth <= len) && (fsPrecision == -1 || fsPrecision >= len)) {
    increfObject(s);
    return s;
  }
  if (fsPrecision >= 0 && len >= fsPrecision) len = fsPrecision;
  const total = fsWidth > len ? fsWidth : len;
  let lpad: i64 = 0;
  if (fsAlign == 0x3e) lpad = total - len;
  else if (fsAlign == 0x5e) lpad = (total - len) / 2;
  const rpad = total - len - lpad;
  const sk = strKind(s);
  const sd = strData(s);
  let maxCp: u32 = 0;
  if (changetype<StrObject>(s).ascii != 0) {
    maxCp = 0x7f;
  } else {
    for (let i: i64 = 0; i < len; i++) {
      const c = strCodePoint(s, <usize>i);
      if (c > maxCp) maxCp = c;
    }
  }
  if (total > len && fsFill > maxCp) maxCp = fsFill;
  const r = newStr(total, maxCp);
  if (r == 0) return 0;
  const kind = strKind(r);
  const d = strData(r);
  fillRun(d, kind, 0, <usize>lpad, fsFill);
  if (kind == sk) {
    memory.copy(d + (<usize>lpad * kind), sd, <usize>len * kind);
  } else {
    for (let i: i64 = 0; i < len; i++) putCp(d, kind, <usize>(lpad + i), strCodePoint(s, <usize>i));
  }
  fillRun(d, kind, <usize>(lpad + len), <usize>rpad, fsFill);
  return r;
}
