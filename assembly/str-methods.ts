/**
 * The methods of str (CPython 3.11's behaviour and messages), registered by registerStrMethods(),
 * plus str.__format__ (strFormatSpec) and printf-style formatting (strPercentFormat).
 *
 * Calling convention: native.ts (self is the str, args/nargs/kwnames). Values of other types are
 * handled through ops.ts (objStr, objRepr, objFormat, objGetAttr, objGetIter, objIterNext) and two
 * hooks declared here, which the lead wires to the generic implementations:
 *
 *   strSubscriptHook(obj, key): obj[key] as a new reference, or NULL with an exception set.
 *     Used by str.format's "{0[key]}", format_map, %(name)s, and str.translate (whose LookupError
 *     means "keep the character"). Default: raises SystemError.
 *   strIsMappingHook(v): whether `v` counts as a mapping for `fmt % v` (CPython: PyMapping_Check
 *     and not a tuple or str). Default: dict, list, bytes, bytearray, range.
 *
 * Lists are built with tuple.ts's VecObject (vecAlloc/vecAppend), dicts (str.maketrans) with dict.ts.
 */
import { Value, NULL, NONE, TRUE, FALSE, isSmallInt, getSmallInt, makeSmallInt, isObject } from "./values";
import {
  kindOf,
  kindOfValue,
  typeObject,
  raiseMsg,
  raiseBegin,
  raiseWithValue,
  raiseMemory,
  errText,
  errInt,
  errStrObject,
  errTypeName,
  errByte,
  errCodePoint,
  errorType,
  errorClear,
  KIND_STR,
  KIND_INT,
  KIND_BOOL,
  KIND_FLOAT,
  KIND_TUPLE,
  KIND_LIST,
  KIND_DICT,
  KIND_BYTES,
  KIND_BYTEARRAY,
  KIND_RANGE,
  EXC_TypeError,
  EXC_ValueError,
  EXC_OverflowError,
  EXC_IndexError,
  EXC_KeyError,
  EXC_LookupError,
  EXC_SystemError,
  EXC_UnicodeEncodeError,
} from "./types";
import { StrObject, strLength, strKind, strData, strEqualLiteral, strEqual } from "./str";
import { tupleSize, tupleItem, tupleAlloc, tupleSetItem, vecAlloc, vecAppend, vecSize, vecItems } from "./tuple";
import { dictNew, dictSetItem, dictNext } from "./dict";
import { bigNDigits, bigSign, bigDigit } from "./int";
import { floatValue } from "./float";
import { bytesAlloc, bytesData } from "./bytes";
import { free } from "./heap";
import { pendingMatches } from "./exceptions";
import { incref, decref, increfObject } from "./refcount";
import { addMethod, arg, kwCount, checkArgCount, noKeywords, METHOD_STATIC } from "./native";
import { objStr, objRepr, objFormat, objGetAttr, objGetIter, objIterNext } from "./ops";
import {
  unitAt,
  unitSet,
  kindFor,
  strIsAscii,
  uniRecord,
  uniFlags,
  strEmpty,
  strNew,
  strFromCodePoint,
  strSubstring,
  copyUnits,
  maxCodePoint,
  findChar,
  searchFwd,
  searchBwd,
  needlePrepare,
  needleRelease,
  adjustRange,
  rangeStart,
  rangeEnd,
  strFind,
  strRFind,
  strCount,
  strRepr,
  strAscii,
  strAsciiEscape,
  sbNew,
  sbDiscard,
  sbFinish,
  sbLength,
  sbAppendStr,
  sbAppendSlice,
  sbAppendCodePoint,
  sbAppendRepeat,
  sbAppendAscii,
  sbAppendInt,
} from "./str-ops";
import {
  UF_ALPHA,
  UF_DECIMAL,
  UF_DIGIT,
  UF_NUMERIC,
  UF_SPACE,
  UF_LOWER,
  UF_UPPER,
  UF_TITLE,
  UF_CASED,
  UF_CASE_IGNORABLE,
  UF_PRINTABLE,
  UF_ID_START,
  UF_ID_CONTINUE,
  UF_EXT,
  UNI_EXT,
} from "./unicode-tables.generated";

// ---------------------------------------------------------------------------------------------------
// Hooks (see the file comment)

function defaultSubscript(obj: Value, key: Value): Value {
  return <Value>raiseMsg(EXC_SystemError, "subscript hook not wired yet");
}

function defaultIsMapping(v: Value): bool {
  const k = kindOfValue(v);
  return k == KIND_DICT || k == KIND_LIST || k == KIND_BYTES || k == KIND_BYTEARRAY || k == KIND_RANGE;
}

export let strSubscriptHook: (obj: Value, key: Value) => Value = defaultSubscript;
export let strIsMappingHook: (v: Value) => bool = defaultIsMapping;

export function strSetSubscriptHook(fn: (obj: Value, key: Value) => Value): void {
  strSubscriptHook = fn;
}
export function strSetIsMappingHook(fn: (v: Value) => bool): void {
  strIsMappingHook = fn;
}

// ---------------------------------------------------------------------------------------------------
// Argument helpers with CPython's message styles

// @ts-ignore: decorator
@inline function isStr(v: Value): bool {
  return isObject(v) && kindOf(<usize>v) == KIND_STR;
}

import { parseArgs, parsedArg, tupleArgCount } from "./arg-parse";

/** Result of toSsize/toSliceIndex. */
let gInt: i64 = 0;

/** The value of a big int if it fits an i64; sets gBigFits. */
let gBigFits = false;
function bigToI64(p: usize): i64 {
  const n = <i32>bigNDigits(p);
  gBigFits = false;
  if (n > 3) return 0;
  let mag: u64 = 0;
  for (let i = n - 1; i >= 0; i--) {
    if (mag > (<u64>1 << 33)) return 0;
    mag = (mag << 30) | <u64>bigDigit(p, <usize>i);
  }
  if (bigSign(p) < 0) {
    if (mag > (<u64>1 << 63)) return 0;
    gBigFits = true;
    return <i64>(<u64>0 - mag);
  }
  if (mag > <u64>I64.MAX_VALUE) return 0;
  gBigFits = true;
  return <i64>mag;
}

/** PyNumber_AsSsize_t(v, OverflowError) for int-like v; result in gInt. */
function toSsize(v: Value): bool {
  if (isSmallInt(v)) {
    gInt = getSmallInt(v);
    return true;
  }
  if (v == TRUE || v == FALSE) {
    gInt = v == TRUE ? 1 : 0;
    return true;
  }
  if (isObject(v) && kindOf(<usize>v) == KIND_INT) {
    gInt = bigToI64(<usize>v);
    if (gBigFits) return true;
    raiseMsg(EXC_OverflowError, "Python int too large to convert to C ssize_t");
    return false;
  }
  raiseBegin(EXC_TypeError);
  errByte(0x27);
  errTypeName(v);
  errText("' object cannot be interpreted as an integer");
  return false;
}

/** _PyEval_SliceIndex: None/NULL keep `def`, ints clamp to i64; result in gInt. */
function toSliceIndex(v: Value, def: i64): bool {
  if (v == NULL || v == NONE) {
    gInt = def;
    return true;
  }
  if (isSmallInt(v) || v == TRUE || v == FALSE) return toSsize(v);
  if (isObject(v) && kindOf(<usize>v) == KIND_INT) {
    gInt = bigToI64(<usize>v);
    if (!gBigFits) gInt = bigSign(<usize>v) < 0 ? I64.MIN_VALUE : I64.MAX_VALUE;
    return true;
  }
  raiseMsg(EXC_TypeError, "slice indices must be integers or None or have an __index__ method");
  return false;
}

function mustBeStr(v: Value): bool {
  if (isStr(v)) return true;
  raiseBegin(EXC_TypeError);
  errText("must be str, not ");
  errTypeName(v);
  return false;
}

// ---------------------------------------------------------------------------------------------------
// Character classes

// @ts-ignore: decorator
@inline function isSpace(c: u32): bool {
  if (c < 0x80) return (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x20);
  return (uniFlags(c) & UF_SPACE) != 0;
}

// @ts-ignore: decorator
@inline function isLineBreak(c: u32): bool {
  return (c >= 0x0a && c <= 0x0d) || (c >= 0x1c && c <= 0x1e) || c == 0x85 || c == 0x2028 || c == 0x2029;
}

// ---------------------------------------------------------------------------------------------------
// Lists and tuples of results

function listNew(): usize {
  return vecAlloc(KIND_LIST, 0);
}

/** Appends a new reference (consumed even on failure). */
function listAdd(list: usize, v: usize): bool {
  if (v == 0) return false;
  if (!vecAppend(list, <Value>v)) {
    decref(<Value>v);
    return false;
  }
  return true;
}

function fail(obj: usize): Value {
  if (obj != 0) decref(<Value>obj);
  return NULL;
}

import { tuple3 } from "./tuple-build";

function selfRef(s: usize): Value {
  increfObject(s);
  return <Value>s;
}

// ---------------------------------------------------------------------------------------------------
// split / rsplit / splitlines

function splitWhitespace(s: usize, maxsplit: i64): Value {
  const n = <usize>strLength(s);
  const k = strKind(s);
  const d = strData(s);
  const list = listNew();
  if (list == 0) return NULL;
  let i: usize = 0;
  let splits: i64 = 0;
  while (true) {
    while (i < n && isSpace(unitAt(d, k, i))) i++;
    if (i == n) break;
    if (splits >= maxsplit) {
      if (!listAdd(list, strSubstring(s, i, n))) return fail(list);
      break;
    }
    const j = i;
    while (i < n && !isSpace(unitAt(d, k, i))) i++;
    if (!listAdd(list, strSubstring(s, j, i))) return fail(list);
    splits++;
  }
  return <Value>list;
}

function rsplitWhitespace(s: usize, maxsplit: i64): Value {
  const k = strKind(s);
  const d = strData(s);
  const list = listNew();
  if (list == 0) return NULL;
  let i = <usize>strLength(s);
  let splits: i64 = 0;
  while (true) {
    while (i > 0 && isSpace(unitAt(d, k, i - 1))) i--;
    if (i == 0) break;
    if (splits >= maxsplit) {
      if (!listAdd(list, strSubstring(s, 0, i))) return fail(list);
      break;
    }
    const j = i;
    while (i > 0 && !isSpace(unitAt(d, k, i - 1))) i--;
    if (!listAdd(list, strSubstring(s, i, j))) return fail(list);
    splits++;
  }
  reverseList(list);
  return <Value>list;
}

function reverseList(list: usize): void {
  const items = vecItems(list);
  let a: usize = 0;
  let b = <usize>vecSize(list);
  while (b > a + 1) {
    b--;
    const t = load<u64>(items + (a << 3));
    store<u64>(items + (a << 3), load<u64>(items + (b << 3)));
    store<u64>(items + (b << 3), t);
    a++;
  }
}

function splitSep(s: usize, sep: usize, maxsplit: i64, backward: bool): Value {
  const n = <usize>strLength(s);
  const nn = <usize>strLength(sep);
  if (nn == 0) return <Value>raiseMsg(EXC_ValueError, "empty separator");
  const list = listNew();
  if (list == 0) return NULL;
  const hk = strKind(s);
  if (strKind(sep) > hk || nn > n) {
    if (!listAdd(list, strSubstring(s, 0, n))) return fail(list);
    return <Value>list;
  }
  const nd = needlePrepare(sep, hk);
  if (nd == 0) return fail(list);
  const d = strData(s);
  let splits: i64 = 0;
  let ok = true;
  if (!backward) {
    let i: usize = 0;
    while (splits < maxsplit) {
      const r = searchFwd(d, hk, i, n, nd, nn);
      if (r < 0) break;
      if (!listAdd(list, strSubstring(s, i, <usize>r))) {
        ok = false;
        break;
      }
      i = <usize>r + nn;
      splits++;
    }
    if (ok) ok = listAdd(list, strSubstring(s, i, n));
  } else {
    let j = n;
    while (splits < maxsplit) {
      const r = searchBwd(d, hk, 0, j, nd, nn);
      if (r < 0) break;
      if (!listAdd(list, strSubstring(s, <usize>r + nn, j))) {
        ok = false;
        break;
      }
      j = <usize>r;
      splits++;
    }
    if (ok) ok = listAdd(list, strSubstring(s, 0, j));
    reverseList(list);
  }
  needleRelease(sep, nd, hk);
  if (!ok) return fail(list);
  return <Value>list;
}

function splitCommon(self: Value, args: usize, nargs: i32, kwnames: usize, backward: bool): Value {
  const fname = backward ? "rsplit" : "split";
  if (!parseArgs(fname, args, nargs, kwnames, "sep,maxsplit", 2)) return NULL;
  const sep = parsedArg(0);
  const ms = parsedArg(1);
  let maxsplit: i64 = -1;
  if (ms != NULL) {
    if (!toSsize(ms)) return NULL;
    maxsplit = gInt;
  }
  if (maxsplit < 0) maxsplit = I64.MAX_VALUE;
  const s = <usize>self;
  if (sep == NULL || sep == NONE) return backward ? rsplitWhitespace(s, maxsplit) : splitWhitespace(s, maxsplit);
  if (!isStr(sep)) {
    raiseBegin(EXC_TypeError);
    errText("must be str or None, not ");
    errTypeName(sep);
    return NULL;
  }
  return splitSep(s, <usize>sep, maxsplit, backward);
}

function m_split(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return splitCommon(self, args, nargs, kwnames, false);
}
function m_rsplit(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return splitCommon(self, args, nargs, kwnames, true);
}

/** Integer argument as a C int (OverflowError "Python int too large to convert to C int"). */
function toCInt(v: Value): bool {
  if (!toSsize(v)) {
    if (errorType() == EXC_OverflowError) {
      errorClear();
      raiseMsg(EXC_OverflowError, "Python int too large to convert to C int");
    }
    return false;
  }
  if (gInt > 0x7fffffff || gInt < -0x80000000) {
    raiseMsg(EXC_OverflowError, "Python int too large to convert to C int");
    return false;
  }
  return true;
}

function m_splitlines(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!parseArgs("splitlines", args, nargs, kwnames, "keepends", 1)) return NULL;
  let keep = false;
  const kv = parsedArg(0);
  if (kv != NULL) {
    if (!toCInt(kv)) return NULL;
    keep = gInt != 0;
  }
  const s = <usize>self;
  const n = <usize>strLength(s);
  const k = strKind(s);
  const d = strData(s);
  const list = listNew();
  if (list == 0) return NULL;
  let i: usize = 0;
  while (i < n) {
    const j = i;
    while (i < n && !isLineBreak(unitAt(d, k, i))) i++;
    let eol = i;
    if (i < n) {
      if (unitAt(d, k, i) == 0x0d && i + 1 < n && unitAt(d, k, i + 1) == 0x0a) i += 2;
      else i++;
      if (keep) eol = i;
    }
    if (!listAdd(list, strSubstring(s, j, eol))) return fail(list);
  }
  return <Value>list;
}

// ---------------------------------------------------------------------------------------------------
// join

/** sep.join(items[0:n]) over a borrowed Value array; items must all be str. */
function joinArray(sep: usize, items: usize, n: usize): Value {
  if (n == 0) return <Value>strEmpty();
  let total: u64 = 0;
  let kind: u32 = strKind(sep);
  let ascii = strIsAscii(sep);
  for (let i: usize = 0; i < n; i++) {
    const v = load<u64>(items + (i << 3));
    if (!isStr(v)) {
      raiseBegin(EXC_TypeError);
      errText("sequence item ");
      errInt(<i64>i);
      errText(": expected str instance, ");
      errTypeName(v);
      errText(" found");
      return NULL;
    }
    const p = <usize>v;
    total += <u64>strLength(p);
    if (strKind(p) > kind) kind = strKind(p);
    if (!strIsAscii(p)) ascii = false;
  }
  if (n == 1) return selfRef(<usize>load<u64>(items));
  const sl = <usize>strLength(sep);
  total += <u64>sl * <u64>(n - 1);
  if (total > 0x3ffffff0) return <Value>raiseMemory();
  const m: u32 = ascii ? 0x7f : kind == 1 ? 0xff : kind == 2 ? 0xffff : 0x10ffff;
  const r = strNew(<usize>total, m);
  if (r == 0) return NULL;
  const o = strData(r);
  let pos: usize = 0;
  for (let i: usize = 0; i < n; i++) {
    if (i > 0 && sl > 0) {
      copyUnits(o + pos * <usize>kind, kind, strData(sep), strKind(sep), sl);
      pos += sl;
    }
    const p = <usize>load<u64>(items + (i << 3));
    const len = <usize>strLength(p);
    copyUnits(o + pos * <usize>kind, kind, strData(p), strKind(p), len);
    pos += len;
  }
  if (total == 1) {
    // A one-char result must be the static singleton (canonical); rare path.
    const c = unitAt(o, kind, 0);
    decref(<Value>r);
    return <Value>strFromCodePoint(c);
  }
  return <Value>r;
}

/** sep.join(iterable) */
export function strJoin(sep: usize, iterable: Value): Value {
  const k = kindOfValue(iterable);
  if (k == KIND_LIST) return joinArray(sep, vecItems(<usize>iterable), <usize>vecSize(<usize>iterable));
  if (k == KIND_TUPLE) return joinArray(sep, <usize>iterable + 16, <usize>tupleSize(<usize>iterable));
  const it = objGetIter(iterable);
  if (it == NULL) {
    if (errorType() == EXC_TypeError) {
      errorClear();
      raiseMsg(EXC_TypeError, "can only join an iterable");
    }
    return NULL;
  }
  const list = listNew();
  if (list == 0) return fail(<usize>it);
  while (true) {
    const v = objIterNext(it);
    if (v == NULL) {
      if (errorType() != 0) {
        decref(it);
        return fail(list);
      }
      break;
    }
    if (!vecAppend(list, v)) {
      decref(v);
      decref(it);
      return fail(list);
    }
  }
  decref(it);
  const r = joinArray(sep, vecItems(list), <usize>vecSize(list));
  decref(<Value>list);
  return r;
}

function m_join(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("str.join", kwnames) || !checkArgCount("str.join", nargs, 1, 1)) return NULL;
  return strJoin(<usize>self, arg(args, 0));
}

// ---------------------------------------------------------------------------------------------------
// strip

function stripImpl(self: Value, args: usize, nargs: i32, kwnames: usize, left: bool, right: bool, fname: string, qname: string): Value {
  if (!noKeywords(qname, kwnames) || !checkArgCount(fname, nargs, 0, 1)) return NULL;
  const s = <usize>self;
  const n = <usize>strLength(s);
  const k = strKind(s);
  const d = strData(s);
  let i: usize = 0;
  let j = n;
  const chars = nargs > 0 ? arg(args, 0) : NONE;
  if (chars == NONE) {
    if (left) while (i < j && isSpace(unitAt(d, k, i))) i++;
    if (right) while (j > i && isSpace(unitAt(d, k, j - 1))) j--;
  } else if (isStr(chars)) {
    const cs = <usize>chars;
    const cn = <usize>strLength(cs);
    const ck = strKind(cs);
    const cd = strData(cs);
    if (left) while (i < j && findChar(cd, ck, 0, cn, unitAt(d, k, i)) >= 0) i++;
    if (right) while (j > i && findChar(cd, ck, 0, cn, unitAt(d, k, j - 1)) >= 0) j--;
  } else {
    raiseBegin(EXC_TypeError);
    errText(fname);
    errText(" arg must be None or str");
    return NULL;
  }
  return <Value>strSubstring(s, i, j);
}

function m_strip(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return stripImpl(self, args, nargs, kwnames, true, true, "strip", "str.strip");
}
function m_lstrip(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return stripImpl(self, args, nargs, kwnames, true, false, "lstrip", "str.lstrip");
}
function m_rstrip(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return stripImpl(self, args, nargs, kwnames, false, true, "rstrip", "str.rstrip");
}

// ---------------------------------------------------------------------------------------------------
// replace

/** s.replace(old, new, count) (count < 0: all). */
export function strReplace(s: usize, old: usize, rep: usize, count: i64): Value {
  const n = <usize>strLength(s);
  const on = <usize>strLength(old);
  if (count < 0) count = I64.MAX_VALUE;
  if (count == 0 || (on == 0 && strLength(rep) == 0)) return selfRef(s);
  const hk = strKind(s);
  if (on > n || strKind(old) > hk) return selfRef(s);
  const sb = sbNew(n + 8);
  if (sb == 0) return NULL;
  let ok = true;
  let done: i64 = 0;
  if (on == 0) {
    // Insert `rep` before each code point (and at the end), count times.
    let i: usize = 0;
    while (ok && done < count && i <= n) {
      ok = sbAppendStr(sb, rep);
      done++;
      if (ok && i < n) ok = sbAppendSlice(sb, s, i, i + 1);
      i++;
    }
    if (ok && i < n) ok = sbAppendSlice(sb, s, i, n);
    if (!ok) {
      sbDiscard(sb);
      return NULL;
    }
    return <Value>sbFinish(sb);
  }
  const nd = needlePrepare(old, hk);
  if (nd == 0) {
    sbDiscard(sb);
    return NULL;
  }
  const d = strData(s);
  let i: usize = 0;
  while (ok && done < count) {
    const r = searchFwd(d, hk, i, n, nd, on);
    if (r < 0) break;
    ok = sbAppendSlice(sb, s, i, <usize>r) && sbAppendStr(sb, rep);
    i = <usize>r + on;
    done++;
  }
  needleRelease(old, nd, hk);
  if (ok && done == 0) {
    sbDiscard(sb);
    return selfRef(s);
  }
  if (ok) ok = sbAppendSlice(sb, s, i, n);
  if (!ok) {
    sbDiscard(sb);
    return NULL;
  }
  return <Value>sbFinish(sb);
}

function m_replace(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("str.replace", kwnames) || !checkArgCount("replace", nargs, 2, 3)) return NULL;
  for (let i = 0; i < 2; i++) {
    const v = arg(args, i);
    if (!isStr(v)) {
      raiseBegin(EXC_TypeError);
      errText("replace() argument ");
      errInt(i + 1);
      errText(" must be str, not ");
      errTypeName(v);
      return NULL;
    }
  }
  let count: i64 = -1;
  if (nargs > 2) {
    if (!toSsize(arg(args, 2))) return NULL;
    count = gInt;
  }
  return strReplace(<usize>self, <usize>arg(args, 0), <usize>arg(args, 1), count);
}

// ---------------------------------------------------------------------------------------------------
// find / rfind / index / rindex / count

/** Parses (sub, start=None, end=None) for find-like methods; sub in gSub, bounds in gStart/gEnd. */
let gSub: usize = 0;
let gStart: i64 = 0;
let gEnd: i64 = 0;
function parseFindArgs(fname: string, qname: string, args: usize, nargs: i32, kwnames: usize): bool {
  if (!noKeywords(qname, kwnames) || !tupleArgCount(fname, nargs, 1, 3)) return false;
  const sub = arg(args, 0);
  if (!mustBeStr(sub)) return false;
  if (!toSliceIndex(nargs > 1 ? arg(args, 1) : NULL, 0)) return false;
  gStart = gInt;
  if (!toSliceIndex(nargs > 2 ? arg(args, 2) : NULL, I64.MAX_VALUE)) return false;
  gEnd = gInt;
  gSub = <usize>sub;
  return true;
}

function findMethod(self: Value, args: usize, nargs: i32, kwnames: usize, backward: bool, raises: bool, fname: string, qname: string): Value {
  if (!parseFindArgs(fname, qname, args, nargs, kwnames)) return NULL;
  const r = backward ? strRFind(<usize>self, gSub, gStart, gEnd) : strFind(<usize>self, gSub, gStart, gEnd);
  if (r == -2) return NULL;
  if (r == -1 && raises) return <Value>raiseMsg(EXC_ValueError, "substring not found");
  return makeSmallInt(r);
}

function m_find(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return findMethod(self, args, nargs, kwnames, false, false, "find", "str.find");
}
function m_rfind(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return findMethod(self, args, nargs, kwnames, true, false, "rfind", "str.rfind");
}
function m_index(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return findMethod(self, args, nargs, kwnames, false, true, "index", "str.index");
}
function m_rindex(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return findMethod(self, args, nargs, kwnames, true, true, "rindex", "str.rindex");
}
function m_count(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!parseFindArgs("count", "str.count", args, nargs, kwnames)) return NULL;
  const r = strCount(<usize>self, gSub, gStart, gEnd);
  if (r < 0) return NULL;
  return makeSmallInt(r);
}

// ---------------------------------------------------------------------------------------------------
// startswith / endswith

/** Whether sub matches s[start:end] at its start (or end); slice-semantics bounds. */
function tailMatch(s: usize, sub: usize, start: i64, end: i64, atEnd: bool): bool {
  adjustRange(<i64>strLength(s), start, end);
  const a = rangeStart;
  const sl = <i64>strLength(sub);
  const b = rangeEnd - sl;
  if (b < a) return false;
  if (sl == 0) return true;
  const pos = <usize>(atEnd ? b : a);
  const k = strKind(s);
  const sk = strKind(sub);
  const d = strData(s);
  const sd = strData(sub);
  if (k == sk) return memory.compare(d + pos * <usize>k, sd, <usize>sl * <usize>k) == 0;
  for (let i: usize = 0; i < <usize>sl; i++) if (unitAt(d, k, pos + i) != unitAt(sd, sk, i)) return false;
  return true;
}

function startsEnds(self: Value, args: usize, nargs: i32, kwnames: usize, atEnd: bool): Value {
  const fname = atEnd ? "endswith" : "startswith";
  if (!noKeywords(atEnd ? "str.endswith" : "str.startswith", kwnames) || !tupleArgCount(fname, nargs, 1, 3)) return NULL;
  const x = arg(args, 0);
  if (!toSliceIndex(nargs > 1 ? arg(args, 1) : NULL, 0)) return NULL;
  const start = gInt;
  if (!toSliceIndex(nargs > 2 ? arg(args, 2) : NULL, I64.MAX_VALUE)) return NULL;
  const end = gInt;
  const s = <usize>self;
  if (isStr(x)) return tailMatch(s, <usize>x, start, end, atEnd) ? TRUE : FALSE;
  if (kindOfValue(x) == KIND_TUPLE) {
    const t = <usize>x;
    const n = <usize>tupleSize(t);
    for (let i: usize = 0; i < n; i++) {
      const v = tupleItem(t, i);
      if (!isStr(v)) {
        raiseBegin(EXC_TypeError);
        errText("tuple for ");
        errText(fname);
        errText(" must only contain str, not ");
        errTypeName(v);
        return NULL;
      }
      if (tailMatch(s, <usize>v, start, end, atEnd)) return TRUE;
    }
    return FALSE;
  }
  raiseBegin(EXC_TypeError);
  errText(fname);
  errText(" first arg must be str or a tuple of str, not ");
  errTypeName(x);
  return NULL;
}

function m_startswith(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return startsEnds(self, args, nargs, kwnames, false);
}
function m_endswith(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return startsEnds(self, args, nargs, kwnames, true);
}

// ---------------------------------------------------------------------------------------------------
// Case mappings (full mappings, final sigma)

const MAP_LOWER: i32 = 0;
const MAP_UPPER: i32 = 1;
const MAP_TITLE: i32 = 2;
const MAP_FOLD: i32 = 3;

/** Appends the full `which` mapping of cp. */
function appendMapped(sb: usize, cp: u32, which: i32): bool {
  const r = uniRecord(cp);
  const w0 = load<u32>(r);
  if ((w0 & UF_EXT) == 0) {
    let delta: i32;
    if (which == MAP_UPPER) delta = load<i32>(r, 4);
    else if (which == MAP_TITLE) delta = load<i32>(r, 12);
    else delta = load<i32>(r, 8);
    return sbAppendCodePoint(sb, <u32>(<i32>cp + delta));
  }
  let p = UNI_EXT + (<usize>load<u32>(r, 8) << 2);
  for (let i = 0; i < which; i++) p += (<usize>load<u32>(p) + 1) << 2;
  const n = <usize>load<u32>(p);
  for (let i: usize = 1; i <= n; i++) {
    if (!sbAppendCodePoint(sb, load<u32>(p + (i << 2)))) return false;
  }
  return true;
}

/** Final_Sigma context of the U+03A3 at index i: lowercase to U+03C2 rather than U+03C3. */
function finalSigma(d: usize, k: u32, n: usize, i: usize): bool {
  let j = i;
  let c: u32 = 0;
  let found = false;
  while (j > 0) {
    j--;
    c = unitAt(d, k, j);
    if ((uniFlags(c) & UF_CASE_IGNORABLE) == 0) {
      found = true;
      break;
    }
  }
  if (!found || (uniFlags(c) & UF_CASED) == 0) return false;
  j = i + 1;
  while (j < n) {
    c = unitAt(d, k, j);
    if ((uniFlags(c) & UF_CASE_IGNORABLE) == 0) return (uniFlags(c) & UF_CASED) == 0;
    j++;
  }
  return true;
}

function appendLower(sb: usize, d: usize, k: u32, n: usize, i: usize, c: u32): bool {
  if (c == 0x3a3) return sbAppendCodePoint(sb, finalSigma(d, k, n, i) ? 0x3c2 : 0x3c3);
  return appendMapped(sb, c, MAP_LOWER);
}

const CASE_LOWER: i32 = 0;
const CASE_UPPER: i32 = 1;
const CASE_FOLD: i32 = 2;
const CASE_TITLE: i32 = 3;
const CASE_CAPITALIZE: i32 = 4;
const CASE_SWAP: i32 = 5;

/** ASCII-only lower/upper: a same-length copy with a per-byte change. */
function asciiCase(s: usize, upper: bool): usize {
  const n = <usize>strLength(s);
  const d = strData(s);
  const p = strNew(n, 0x7f);
  if (p == 0) return 0;
  const o = strData(p);
  for (let i: usize = 0; i < n; i++) {
    let c = <u32>load<u8>(d + i);
    if (upper ? c >= 0x61 && c <= 0x7a : c >= 0x41 && c <= 0x5a) c ^= 0x20;
    store<u8>(o + i, <u8>c);
  }
  if (n == 1) {
    const c = <u32>load<u8>(o);
    decref(<Value>p);
    return strFromCodePoint(c);
  }
  return p;
}

export function strChangeCase(s: usize, mode: i32): usize {
  const n = <usize>strLength(s);
  if (n == 0) return strEmpty();
  if (strIsAscii(s) && (mode == CASE_LOWER || mode == CASE_UPPER || mode == CASE_FOLD)) {
    return asciiCase(s, mode == CASE_UPPER);
  }
  const k = strKind(s);
  const d = strData(s);
  const sb = sbNew(n);
  if (sb == 0) return 0;
  let ok = true;
  let prevCased = false;
  for (let i: usize = 0; ok && i < n; i++) {
    const c = unitAt(d, k, i);
    if (mode == CASE_LOWER) ok = appendLower(sb, d, k, n, i, c);
    else if (mode == CASE_UPPER) ok = appendMapped(sb, c, MAP_UPPER);
    else if (mode == CASE_FOLD) ok = appendMapped(sb, c, MAP_FOLD);
    else if (mode == CASE_TITLE) {
      ok = prevCased ? appendLower(sb, d, k, n, i, c) : appendMapped(sb, c, MAP_TITLE);
      prevCased = (uniFlags(c) & UF_CASED) != 0;
    } else if (mode == CASE_CAPITALIZE) {
      ok = i == 0 ? appendMapped(sb, c, MAP_TITLE) : appendLower(sb, d, k, n, i, c);
    } else {
      const f = uniFlags(c);
      if (f & UF_UPPER) ok = appendLower(sb, d, k, n, i, c);
      else if (f & UF_LOWER) ok = appendMapped(sb, c, MAP_UPPER);
      else ok = sbAppendCodePoint(sb, c);
    }
  }
  if (!ok) {
    sbDiscard(sb);
    return 0;
  }
  return sbFinish(sb);
}

function m_lower(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("str.lower", kwnames) || !checkArgCount("str.lower", nargs, 0, 0)) return NULL;
  return <Value>strChangeCase(<usize>self, CASE_LOWER);
}
function m_upper(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("str.upper", kwnames) || !checkArgCount("str.upper", nargs, 0, 0)) return NULL;
  return <Value>strChangeCase(<usize>self, CASE_UPPER);
}
function m_casefold(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("str.casefold", kwnames) || !checkArgCount("str.casefold", nargs, 0, 0)) return NULL;
  return <Value>strChangeCase(<usize>self, CASE_FOLD);
}
function m_title(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("str.title", kwnames) || !checkArgCount("str.title", nargs, 0, 0)) return NULL;
  return <Value>strChangeCase(<usize>self, CASE_TITLE);
}
function m_capitalize(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("str.capitalize", kwnames) || !checkArgCount("str.capitalize", nargs, 0, 0)) return NULL;
  return <Value>strChangeCase(<usize>self, CASE_CAPITALIZE);
}
function m_swapcase(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("str.swapcase", kwnames) || !checkArgCount("str.swapcase", nargs, 0, 0)) return NULL;
  return <Value>strChangeCase(<usize>self, CASE_SWAP);
}

// ---------------------------------------------------------------------------------------------------
// Predicates

const IS_ALPHA: i32 = 0;
const IS_DECIMAL: i32 = 1;
const IS_DIGIT: i32 = 2;
const IS_NUMERIC: i32 = 3;
const IS_ALNUM: i32 = 4;
const IS_SPACE: i32 = 5;
const IS_PRINTABLE: i32 = 6;
const IS_ASCII: i32 = 7;
const IS_LOWER: i32 = 8;
const IS_UPPER: i32 = 9;
const IS_TITLE: i32 = 10;
const IS_IDENTIFIER: i32 = 11;

/** The str.isX() predicates (1/0). */
export function strIs(s: usize, what: i32): bool {
  const n = <usize>strLength(s);
  const k = strKind(s);
  const d = strData(s);
  if (what == IS_ASCII) return strIsAscii(s);
  if (what == IS_PRINTABLE) {
    for (let i: usize = 0; i < n; i++) if ((uniFlags(unitAt(d, k, i)) & UF_PRINTABLE) == 0) return false;
    return true;
  }
  if (n == 0) return false;
  if (what == IS_LOWER || what == IS_UPPER) {
    const bad = what == IS_LOWER ? UF_UPPER | UF_TITLE : UF_LOWER | UF_TITLE;
    const good = what == IS_LOWER ? UF_LOWER : UF_UPPER;
    let cased = false;
    for (let i: usize = 0; i < n; i++) {
      const f = uniFlags(unitAt(d, k, i));
      if (f & bad) return false;
      if (f & good) cased = true;
    }
    return cased;
  }
  if (what == IS_TITLE) {
    let cased = false;
    let prevCased = false;
    for (let i: usize = 0; i < n; i++) {
      const f = uniFlags(unitAt(d, k, i));
      if (f & (UF_UPPER | UF_TITLE)) {
        if (prevCased) return false;
        prevCased = true;
        cased = true;
      } else if (f & UF_LOWER) {
        if (!prevCased) return false;
        prevCased = true;
        cased = true;
      } else prevCased = false;
    }
    return cased;
  }
  if (what == IS_IDENTIFIER) {
    if ((uniFlags(unitAt(d, k, 0)) & UF_ID_START) == 0) return false;
    for (let i: usize = 1; i < n; i++) if ((uniFlags(unitAt(d, k, i)) & UF_ID_CONTINUE) == 0) return false;
    return true;
  }
  let mask: u32;
  if (what == IS_ALPHA) mask = UF_ALPHA;
  else if (what == IS_DECIMAL) mask = UF_DECIMAL;
  else if (what == IS_DIGIT) mask = UF_DIGIT;
  else if (what == IS_NUMERIC) mask = UF_NUMERIC;
  else if (what == IS_ALNUM) mask = UF_ALPHA | UF_DECIMAL | UF_DIGIT | UF_NUMERIC;
  else mask = UF_SPACE;
  for (let i: usize = 0; i < n; i++) if ((uniFlags(unitAt(d, k, i)) & mask) == 0) return false;
  return true;
}

function isMethod(self: Value, nargs: i32, kwnames: usize, qname: string, what: i32): Value {
  if (!noKeywords(qname, kwnames) || !checkArgCount(qname, nargs, 0, 0)) return NULL;
  return strIs(<usize>self, what) ? TRUE : FALSE;
}
function m_isalpha(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return isMethod(self, nargs, kwnames, "str.isalpha", IS_ALPHA);
}
function m_isdecimal(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return isMethod(self, nargs, kwnames, "str.isdecimal", IS_DECIMAL);
}
function m_isdigit(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return isMethod(self, nargs, kwnames, "str.isdigit", IS_DIGIT);
}
function m_isnumeric(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return isMethod(self, nargs, kwnames, "str.isnumeric", IS_NUMERIC);
}
function m_isalnum(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return isMethod(self, nargs, kwnames, "str.isalnum", IS_ALNUM);
}
function m_isspace(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return isMethod(self, nargs, kwnames, "str.isspace", IS_SPACE);
}
function m_isprintable(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return isMethod(self, nargs, kwnames, "str.isprintable", IS_PRINTABLE);
}
function m_isascii(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return isMethod(self, nargs, kwnames, "str.isascii", IS_ASCII);
}
function m_islower(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return isMethod(self, nargs, kwnames, "str.islower", IS_LOWER);
}
function m_isupper(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return isMethod(self, nargs, kwnames, "str.isupper", IS_UPPER);
}
function m_istitle(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return isMethod(self, nargs, kwnames, "str.istitle", IS_TITLE);
}
function m_isidentifier(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return isMethod(self, nargs, kwnames, "str.isidentifier", IS_IDENTIFIER);
}

// ---------------------------------------------------------------------------------------------------
// center / ljust / rjust / zfill

/** s padded to `width` with `left` fill chars before and the rest after. */
function padStr(s: usize, left: usize, right: usize, fill: u32): usize {
  const n = <usize>strLength(s);
  const sb = sbNew(n + left + right);
  if (sb == 0) return 0;
  if (!(sbAppendRepeat(sb, fill, left) && sbAppendStr(sb, s) && sbAppendRepeat(sb, fill, right))) {
    sbDiscard(sb);
    return 0;
  }
  return sbFinish(sb);
}

function justify(self: Value, args: usize, nargs: i32, kwnames: usize, mode: i32, fname: string, qname: string): Value {
  if (!noKeywords(qname, kwnames) || !checkArgCount(fname, nargs, 1, 2)) return NULL;
  if (!toSsize(arg(args, 0))) return NULL;
  const width = gInt;
  let fill: u32 = 0x20;
  if (nargs > 1) {
    const f = arg(args, 1);
    if (!isStr(f)) {
      raiseBegin(EXC_TypeError);
      errText("The fill character must be a unicode character, not ");
      errTypeName(f);
      return NULL;
    }
    if (strLength(<usize>f) != 1) return <Value>raiseMsg(EXC_TypeError, "The fill character must be exactly one character long");
    fill = unitAt(strData(<usize>f), strKind(<usize>f), 0);
  }
  const s = <usize>self;
  const n = <i64>strLength(s);
  if (width <= n) return selfRef(s);
  if (width > 0x3ffffff0) return <Value>raiseMemory();
  const marg = width - n;
  let left: i64;
  if (mode == 0) left = 0;
  else if (mode == 1) left = marg;
  else left = marg / 2 + (marg & width & 1);
  return <Value>padStr(s, <usize>left, <usize>(marg - left), fill);
}

function m_ljust(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return justify(self, args, nargs, kwnames, 0, "ljust", "str.ljust");
}
function m_rjust(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return justify(self, args, nargs, kwnames, 1, "rjust", "str.rjust");
}
function m_center(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return justify(self, args, nargs, kwnames, 2, "center", "str.center");
}

function m_zfill(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("str.zfill", kwnames) || !checkArgCount("str.zfill", nargs, 1, 1)) return NULL;
  if (!toSsize(arg(args, 0))) return NULL;
  const width = gInt;
  const s = <usize>self;
  const n = <i64>strLength(s);
  if (width <= n) return selfRef(s);
  if (width > 0x3ffffff0) return <Value>raiseMemory();
  const fill = <usize>(width - n);
  const sb = sbNew(<usize>width);
  if (sb == 0) return NULL;
  let ok = true;
  let from: usize = 0;
  if (n > 0) {
    const c0 = unitAt(strData(s), strKind(s), 0);
    if (c0 == 0x2b || c0 == 0x2d) {
      ok = sbAppendCodePoint(sb, c0);
      from = 1;
    }
  }
  if (ok) ok = sbAppendRepeat(sb, 0x30, fill) && sbAppendSlice(sb, s, from, <usize>n);
  if (!ok) {
    sbDiscard(sb);
    return NULL;
  }
  return <Value>sbFinish(sb);
}

// ---------------------------------------------------------------------------------------------------
// partition / rpartition / removeprefix / removesuffix / expandtabs

function partitionImpl(self: Value, args: usize, nargs: i32, kwnames: usize, backward: bool): Value {
  const q = backward ? "str.rpartition" : "str.partition";
  if (!noKeywords(q, kwnames) || !checkArgCount(q, nargs, 1, 1)) return NULL;
  const sepv = arg(args, 0);
  if (!mustBeStr(sepv)) return NULL;
  const s = <usize>self;
  const sep = <usize>sepv;
  if (strLength(sep) == 0) return <Value>raiseMsg(EXC_ValueError, "empty separator");
  const r = backward ? strRFind(s, sep, 0, I64.MAX_VALUE) : strFind(s, sep, 0, I64.MAX_VALUE);
  if (r == -2) return NULL;
  const n = <usize>strLength(s);
  if (r < 0) {
    increfObject(s);
    return backward ? tuple3(strEmpty(), strEmpty(), s) : tuple3(s, strEmpty(), strEmpty());
  }
  const e = <usize>r + <usize>strLength(sep);
  increfObject(sep);
  return tuple3(strSubstring(s, 0, <usize>r), sep, strSubstring(s, e, n));
}

function m_partition(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return partitionImpl(self, args, nargs, kwnames, false);
}
function m_rpartition(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return partitionImpl(self, args, nargs, kwnames, true);
}

function removeAffix(self: Value, args: usize, nargs: i32, kwnames: usize, suffix: bool): Value {
  const f = suffix ? "removesuffix" : "removeprefix";
  const q = suffix ? "str.removesuffix" : "str.removeprefix";
  if (!noKeywords(q, kwnames) || !checkArgCount(q, nargs, 1, 1)) return NULL;
  const a = arg(args, 0);
  if (!isStr(a)) {
    raiseBegin(EXC_TypeError);
    errText(f);
    errText("() argument must be str, not ");
    errTypeName(a);
    return NULL;
  }
  const s = <usize>self;
  const n = <usize>strLength(s);
  const an = <usize>strLength(<usize>a);
  if (an > 0 && tailMatch(s, <usize>a, 0, I64.MAX_VALUE, suffix)) {
    return <Value>(suffix ? strSubstring(s, 0, n - an) : strSubstring(s, an, n));
  }
  return selfRef(s);
}

function m_removeprefix(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return removeAffix(self, args, nargs, kwnames, false);
}
function m_removesuffix(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return removeAffix(self, args, nargs, kwnames, true);
}

function m_expandtabs(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!parseArgs("expandtabs", args, nargs, kwnames, "tabsize", 1)) return NULL;
  let tab: i64 = 8;
  if (parsedArg(0) != NULL) {
    if (!toCInt(parsedArg(0))) return NULL;
    tab = gInt;
  }
  const s = <usize>self;
  const n = <usize>strLength(s);
  const k = strKind(s);
  const d = strData(s);
  if (findChar(d, k, 0, n, 0x09) < 0) return selfRef(s);
  const sb = sbNew(n + 16);
  if (sb == 0) return NULL;
  let col: i64 = 0;
  let ok = true;
  for (let i: usize = 0; ok && i < n; i++) {
    const c = unitAt(d, k, i);
    if (c == 0x09) {
      if (tab > 0) {
        const spaces = tab - (col % tab);
        if (spaces > 0x3ffffff0) {
          raiseMemory();
          ok = false;
          break;
        }
        ok = sbAppendRepeat(sb, 0x20, <usize>spaces);
        col += spaces;
      }
    } else {
      ok = sbAppendCodePoint(sb, c);
      col++;
      if (c == 0x0a || c == 0x0d) col = 0;
    }
  }
  if (!ok) {
    sbDiscard(sb);
    return NULL;
  }
  return <Value>sbFinish(sb);
}

// ---------------------------------------------------------------------------------------------------
// encode

// Encodings and their names: bytes-ops.ts (one table for str.encode and bytes.decode).
import { encodingOf, ENC_UTF8, ENC_ASCII, ENC_LATIN1 } from "./bytes-ops";

const ERRH_STRICT: i32 = 0;
const ERRH_IGNORE: i32 = 1;
const ERRH_REPLACE: i32 = 2;
const ERRH_SURROGATEPASS: i32 = 3;
const ERRH_BACKSLASH: i32 = 4;
const ERRH_XMLCHARREF: i32 = 5;
const ERRH_UNKNOWN: i32 = 6;


import { raiseUnicodeError } from "./exc-methods";
function encodeError(enc: i32, s: usize, start: usize, end: usize): void {
  // An exception object with (encoding, object, start, end, reason), as CPython's codecs raise.
  raiseUnicodeError(
    EXC_UnicodeEncodeError,
    enc == ENC_UTF8 ? "utf-8" : enc == ENC_ASCII ? "ascii" : "latin-1",
    <u64>s,
    <i64>start,
    <i64>end,
    enc == ENC_UTF8 ? "surrogates not allowed" : enc == ENC_ASCII ? "ordinal not in range(128)" : "ordinal not in range(256)",
  );
  if (errorType() != 0) return;
  raiseBegin(EXC_UnicodeEncodeError);
  errText(enc == ENC_UTF8 ? "'utf-8'" : enc == ENC_ASCII ? "'ascii'" : "'latin-1'");
  errText(" codec can't encode ");
  if (end - start == 1) {
    errText("character '");
    const c = unitAt(strData(s), strKind(s), start);
    const hex = "0123456789abcdef";
    errByte(0x5c);
    let digits = 8;
    if (c < 0x100) {
      errByte(0x78);
      digits = 2;
    } else if (c < 0x10000) {
      errByte(0x75);
      digits = 4;
    } else errByte(0x55);
    for (let i = digits - 1; i >= 0; i--) errByte(<u8>hex.charCodeAt(<i32>((c >> (<u32>i << 2)) & 15)));
    errText("' in position ");
    errInt(<i64>start);
  } else {
    errText("characters in position ");
    errInt(<i64>start);
    errText("-");
    errInt(<i64>(end - 1));
  }
  errText(enc == ENC_UTF8 ? ": surrogates not allowed" : enc == ENC_ASCII ? ": ordinal not in range(128)" : ": ordinal not in range(256)");
}

// @ts-ignore: decorator
@inline function utf8Len(c: u32): usize {
  return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
}

function putUtf8(o: usize, c: u32): usize {
  if (c < 0x80) {
    store<u8>(o, <u8>c);
    return 1;
  }
  if (c < 0x800) {
    store<u8>(o, <u8>(0xc0 | (c >> 6)));
    store<u8>(o + 1, <u8>(0x80 | (c & 0x3f)));
    return 2;
  }
  if (c < 0x10000) {
    store<u8>(o, <u8>(0xe0 | (c >> 12)));
    store<u8>(o + 1, <u8>(0x80 | ((c >> 6) & 0x3f)));
    store<u8>(o + 2, <u8>(0x80 | (c & 0x3f)));
    return 3;
  }
  store<u8>(o, <u8>(0xf0 | (c >> 18)));
  store<u8>(o + 1, <u8>(0x80 | ((c >> 12) & 0x3f)));
  store<u8>(o + 2, <u8>(0x80 | ((c >> 6) & 0x3f)));
  store<u8>(o + 3, <u8>(0x80 | (c & 0x3f)));
  return 4;
}

/** Whether c can be encoded directly. */
// @ts-ignore: decorator
@inline function encodable(enc: i32, c: u32): bool {
  if (enc == ENC_UTF8) return c < 0xd800 || c > 0xdfff;
  return c < (enc == ENC_ASCII ? <u32>0x80 : <u32>0x100);
}

/** Bytes the replacement of one unencodable c takes under handler h (ASCII output). */
function replacementLen(h: i32, enc: i32, c: u32): usize {
  if (h == ERRH_IGNORE) return 0;
  if (h == ERRH_REPLACE) return 1;
  if (h == ERRH_SURROGATEPASS) return 3;
  if (h == ERRH_BACKSLASH) return c < 0x100 ? 4 : c < 0x10000 ? 6 : 10;
  // xmlcharrefreplace: "&#" digits ";"
  let digits: usize = 1;
  let v = c;
  while (v >= 10) {
    v /= 10;
    digits++;
  }
  return digits + 3;
}

function putReplacement(o: usize, h: i32, c: u32): usize {
  if (h == ERRH_IGNORE) return 0;
  if (h == ERRH_REPLACE) {
    store<u8>(o, 0x3f);
    return 1;
  }
  if (h == ERRH_SURROGATEPASS) return putUtf8(o, c);
  const hex = "0123456789abcdef";
  if (h == ERRH_BACKSLASH) {
    store<u8>(o, 0x5c);
    let digits = 8;
    if (c < 0x100) {
      store<u8>(o + 1, 0x78);
      digits = 2;
    } else if (c < 0x10000) {
      store<u8>(o + 1, 0x75);
      digits = 4;
    } else store<u8>(o + 1, 0x55);
    for (let i = 0; i < digits; i++) store<u8>(o + 2 + <usize>i, <u8>hex.charCodeAt(<i32>((c >> (<u32>(digits - 1 - i) << 2)) & 15)));
    return 2 + <usize>digits;
  }
  const len = replacementLen(h, 0, c);
  store<u8>(o, 0x26);
  store<u8>(o + 1, 0x23);
  let v = c;
  for (let i = len - 2; i >= 2; i--) {
    store<u8>(o + i, <u8>(0x30 + v % 10));
    v /= 10;
  }
  store<u8>(o + len - 1, 0x3b);
  return len;
}

/** s.encode() (UTF-8, strict): a new bytes object, or NULL with UnicodeEncodeError. */
export function strToUtf8Bytes(s: usize): Value {
  return encodeWith(s, ENC_UTF8, ERRH_STRICT, 0);
}

/** s.encode(encoding) for utf-8 / ascii / latin-1 with the given error handler. */
function encodeWith(s: usize, enc: i32, h: i32, herrName: usize): Value {
  const n = <usize>strLength(s);
  const k = strKind(s);
  const d = strData(s);
  // Pass 1: size, and the first unencodable run (strict / unknown handler raise on it).
  let size: usize = 0;
  for (let i: usize = 0; i < n; i++) {
    const c = unitAt(d, k, i);
    if (encodable(enc, c)) {
      size += enc == ENC_UTF8 ? utf8Len(c) : 1;
      continue;
    }
    if (h == ERRH_SURROGATEPASS && enc != ENC_UTF8) h = ERRH_STRICT;
    if (h == ERRH_STRICT) {
      let j = i + 1;
      while (j < n && !encodable(enc, unitAt(d, k, j))) j++;
      encodeError(enc, s, i, j);
      return NULL;
    }
    if (h == ERRH_UNKNOWN) {
      raiseBegin(EXC_LookupError);
      errText("unknown error handler name '");
      errStrObject(herrName);
      errText("'");
      return NULL;
    }
    size += replacementLen(h, enc, c);
  }
  const b = bytesAlloc(size);
  if (b == 0) return NULL;
  let o = bytesData(b);
  for (let i: usize = 0; i < n; i++) {
    const c = unitAt(d, k, i);
    if (encodable(enc, c)) {
      if (enc == ENC_UTF8) o += putUtf8(o, c);
      else store<u8>(o++, <u8>c);
    } else {
      o += putReplacement(o, h, c);
    }
  }
  return <Value>b;
}

function m_encode(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!parseArgs("encode", args, nargs, kwnames, "encoding,errors", 2)) return NULL;
  const ev = parsedArg(0);
  const hv = parsedArg(1);
  if (ev != NULL && !isStr(ev)) {
    raiseBegin(EXC_TypeError);
    errText("encode() argument 'encoding' must be str, not ");
    errTypeName(ev);
    return NULL;
  }
  if (hv != NULL && !isStr(hv)) {
    raiseBegin(EXC_TypeError);
    errText("encode() argument 'errors' must be str, not ");
    errTypeName(hv);
    return NULL;
  }
  let enc = ENC_UTF8;
  if (ev != NULL) {
    const e = <usize>ev;
    // The codec lookup's name normalization, shared with bytes.decode (bytes-ops.ts).
    enc = encodingOf(e);
    if (enc < 0) {
      raiseBegin(EXC_LookupError);
      errText("unknown encoding: ");
      errStrObject(e);
      return NULL;
    }
  }
  let h = ERRH_STRICT;
  if (hv != NULL) {
    const e = <usize>hv;
    if (strEqualLiteral(e, "strict")) h = ERRH_STRICT;
    else if (strEqualLiteral(e, "ignore")) h = ERRH_IGNORE;
    else if (strEqualLiteral(e, "replace")) h = ERRH_REPLACE;
    else if (strEqualLiteral(e, "surrogatepass")) h = ERRH_SURROGATEPASS;
    else if (strEqualLiteral(e, "backslashreplace")) h = ERRH_BACKSLASH;
    else if (strEqualLiteral(e, "xmlcharrefreplace")) h = ERRH_XMLCHARREF;
    else h = ERRH_UNKNOWN;
  }
  return encodeWith(<usize>self, enc, h, hv == NULL ? 0 : <usize>hv);
}

// ---------------------------------------------------------------------------------------------------
// maketrans / translate

/** d[key] = value for an int key; consumes the reference to value. */
function dictSetInt(d: usize, key: i64, value: Value): bool {
  const r = dictSetItem(d, makeSmallInt(key), value);
  decref(value);
  return r == 0;
}

/** Iteration slots for dictNext (position, key, value). */
const DICT_ITER: usize = memory.data(24, 8);

function m_maketrans(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("maketrans", kwnames) || !checkArgCount("maketrans", nargs, 1, 3)) return NULL;
  const x = arg(args, 0);
  if (nargs == 1) {
    if (kindOfValue(x) != KIND_DICT) {
      return <Value>raiseMsg(EXC_TypeError, "if you give only one argument to maketrans it must be a dict");
    }
    const d = dictNew();
    if (d == 0) return NULL;
    let pos: u32 = 0;
    while (true) {
      // dictNext's slots are static: copy them out before anything can re-enter.
      store<u32>(DICT_ITER, pos);
      if (!dictNext(<usize>x, DICT_ITER, DICT_ITER + 8, DICT_ITER + 16)) break;
      pos = load<u32>(DICT_ITER);
      const key = load<u64>(DICT_ITER + 8);
      const val = load<u64>(DICT_ITER + 16);
      let ik: i64;
      if (isStr(key)) {
        if (strLength(<usize>key) != 1) {
          decref(<Value>d);
          return <Value>raiseMsg(EXC_ValueError, "string keys in translate table must be of length 1");
        }
        ik = <i64>unitAt(strData(<usize>key), strKind(<usize>key), 0);
      } else if (isSmallInt(key) || key == TRUE || key == FALSE) {
        ik = isSmallInt(key) ? getSmallInt(key) : key == TRUE ? 1 : 0;
      } else {
        decref(<Value>d);
        return <Value>raiseMsg(EXC_TypeError, "keys in translate table must be strings or integers");
      }
      incref(val);
      if (!dictSetInt(d, ik, val)) return fail(d);
    }
    return <Value>d;
  }
  for (let i = 1; i < nargs; i++) {
    const v = arg(args, i);
    if (!isStr(v)) {
      raiseBegin(EXC_TypeError);
      errText("maketrans() argument ");
      errInt(i + 1);
      errText(" must be str, not ");
      errTypeName(v);
      return NULL;
    }
  }
  if (!isStr(x)) return <Value>raiseMsg(EXC_TypeError, "first maketrans argument must be a string if there is a second argument");
  const y = <usize>arg(args, 1);
  const xs = <usize>x;
  const n = <usize>strLength(xs);
  if (strLength(y) != <u32>n) return <Value>raiseMsg(EXC_ValueError, "the first two maketrans arguments must have equal length");
  const d = dictNew();
  if (d == 0) return NULL;
  for (let i: usize = 0; i < n; i++) {
    const a = unitAt(strData(xs), strKind(xs), i);
    const b = unitAt(strData(y), strKind(y), i);
    if (!dictSetInt(d, <i64>a, makeSmallInt(<i64>b))) return fail(d);
  }
  if (nargs > 2) {
    const z = <usize>arg(args, 2);
    const zn = <usize>strLength(z);
    for (let i: usize = 0; i < zn; i++) {
      if (!dictSetInt(d, <i64>unitAt(strData(z), strKind(z), i), NONE)) return fail(d);
    }
  }
  return <Value>d;
}

/** s.translate(table): each char c → table[ord(c)] (str, int, None; LookupError keeps c). */
export function strTranslate(s: usize, table: Value): Value {
  const n = <usize>strLength(s);
  const k = strKind(s);
  const d = strData(s);
  const sb = sbNew(n);
  if (sb == 0) return NULL;
  for (let i: usize = 0; i < n; i++) {
    const c = unitAt(d, k, i);
    const r = strSubscriptHook(table, makeSmallInt(<i64>c));
    let ok = true;
    if (r == NULL) {
      if (pendingMatches(EXC_LookupError)) {
        errorClear();
        ok = sbAppendCodePoint(sb, c);
      } else ok = false;
    } else if (r == NONE) {
      // deleted
    } else if (isStr(r)) {
      ok = sbAppendStr(sb, <usize>r);
      decref(r);
    } else if (isSmallInt(r) || kindOfValue(r) == KIND_INT || r == TRUE || r == FALSE) {
      const v: i64 = isSmallInt(r) ? getSmallInt(r) : r == TRUE ? 1 : r == FALSE ? 0 : -1;
      decref(r);
      if (v < 0 || v > 0x10ffff) {
        raiseMsg(EXC_ValueError, "character mapping must be in range(0x110000)");
        ok = false;
      } else ok = sbAppendCodePoint(sb, <u32>v);
    } else {
      decref(r);
      raiseMsg(EXC_TypeError, "character mapping must return integer, None or str");
      ok = false;
    }
    if (!ok) {
      sbDiscard(sb);
      return NULL;
    }
  }
  return <Value>sbFinish(sb);
}

function m_translate(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("str.translate", kwnames) || !checkArgCount("str.translate", nargs, 1, 1)) return NULL;
  return strTranslate(<usize>self, arg(args, 0));
}

// ---------------------------------------------------------------------------------------------------
// str.__format__ (the format-spec mini-language for str)

function specError(msg: string): usize {
  return raiseMsg(EXC_ValueError, msg);
}

/** Reads a decimal number at spec[i..]; -1 when absent, -2 after raising "Too many decimal digits". */
let gPos: usize = 0;
function specNumber(d: usize, k: u32, i: usize, n: usize): i64 {
  let v: i64 = -1;
  while (i < n) {
    const c = unitAt(d, k, i);
    if (c < 0x30 || c > 0x39) break;
    const dig = <i64>(c - 0x30);
    if (v < 0) v = 0;
    if (v > (I64.MAX_VALUE - dig) / 10) {
      specError("Too many decimal digits in format string");
      return -2;
    }
    v = v * 10 + dig;
    i++;
  }
  gPos = i;
  return v;
}

// @ts-ignore: decorator
@inline function isAlign(c: u32): bool {
  return c == 0x3c || c == 0x3e || c == 0x3d || c == 0x5e;
}

/** format(s, spec) for a str s (str.__format__): fill, align, width, precision, type 's'. */
export function strFormatSpec(s: usize, spec: usize): usize {
  const n = <usize>strLength(spec);
  if (n == 0) {
    increfObject(s);
    return s;
  }
  const k = strKind(spec);
  const d = strData(spec);
  let i: usize = 0;
  let fill: u32 = 0x20;
  let align: u32 = 0x3c;
  let fillGiven = false;
  let alignGiven = false;
  if (n >= 2 && isAlign(unitAt(d, k, 1))) {
    fill = unitAt(d, k, 0);
    align = unitAt(d, k, 1);
    fillGiven = true;
    alignGiven = true;
    i = 2;
  } else if (isAlign(unitAt(d, k, 0))) {
    align = unitAt(d, k, 0);
    alignGiven = true;
    i = 1;
  }
  let sign = false;
  if (i < n) {
    const c = unitAt(d, k, i);
    if (c == 0x2b || c == 0x2d || c == 0x20) {
      sign = true;
      i++;
    }
  }
  let noNeg0 = false;
  if (i < n && unitAt(d, k, i) == 0x7a) {
    noNeg0 = true;
    i++;
  }
  let alt = false;
  if (i < n && unitAt(d, k, i) == 0x23) {
    alt = true;
    i++;
  }
  if (!fillGiven && i < n && unitAt(d, k, i) == 0x30) {
    fill = 0x30;
    i++;
  }
  const width = specNumber(d, k, i, n);
  if (width == -2) return 0;
  i = gPos;
  let thousands: u32 = 0;
  if (i < n && (unitAt(d, k, i) == 0x2c || unitAt(d, k, i) == 0x5f)) {
    thousands = unitAt(d, k, i);
    i++;
    if (i < n && (unitAt(d, k, i) == 0x2c || unitAt(d, k, i) == 0x5f)) {
      return specError(thousands == 0x2c && unitAt(d, k, i) == 0x5f ? "Cannot specify both ',' and '_'." : "Cannot specify both ',' and '_'.");
    }
  }
  let prec: i64 = -1;
  if (i < n && unitAt(d, k, i) == 0x2e) {
    i++;
    prec = specNumber(d, k, i, n);
    if (prec == -2) return 0;
    if (prec == -1) return specError("Format specifier missing precision");
    i = gPos;
  }
  let type: u32 = 0x73;
  if (n - i > 1) {
    raiseBegin(EXC_ValueError);
    errText("Invalid format specifier '");
    errStrObject(spec);
    errText("' for object of type 'str'");
    return 0;
  }
  if (n - i == 1) type = unitAt(d, k, i);
  if (thousands != 0) {
    raiseBegin(EXC_ValueError);
    errText("Cannot specify '");
    errByte(<u8>thousands);
    errText("' with '");
    errCodePoint(type);
    errText("'.");
    return 0;
  }
  if (type != 0x73) {
    raiseBegin(EXC_ValueError);
    errText("Unknown format code '");
    if (type > 32 && type < 128) errByte(<u8>type);
    else {
      errText("\\x");
      errHexNoPad(type);
    }
    errText("' for object of type 'str'");
    return 0;
  }
  if (sign) return specError("Sign not allowed in string format specifier");
  if (noNeg0) return specError("Negative zero coercion (z) not allowed in string format specifier");
  if (alt) return specError("Alternate form (#) not allowed in string format specifier");
  if (alignGiven && align == 0x3d) return specError("'=' alignment not allowed in string format specifier");
  let len = <i64>strLength(s);
  if (prec >= 0 && prec < len) len = prec;
  if (width <= len) return strSubstring(s, 0, <usize>len);
  if (width > 0x3ffffff0) return raiseMemory();
  const pad = width - len;
  let left: i64 = 0;
  if (align == 0x3e) left = pad;
  else if (align == 0x5e) left = pad / 2;
  const sb = sbNew(<usize>width);
  if (sb == 0) return 0;
  if (!(sbAppendRepeat(sb, fill, <usize>left) && sbAppendSlice(sb, s, 0, <usize>len) && sbAppendRepeat(sb, fill, <usize>(pad - left)))) {
    sbDiscard(sb);
    return 0;
  }
  return sbFinish(sb);
}

export function errHexNoPad(c: u32): void {
  const hex = "0123456789abcdef";
  let started = false;
  for (let i = 7; i >= 0; i--) {
    const dgt = (c >> (<u32>i << 2)) & 15;
    if (dgt != 0 || started || i == 0) {
      errByte(<u8>hex.charCodeAt(<i32>dgt));
      started = true;
    }
  }
}

/** format(v, spec) with str handled here (spec: a str object). */
function formatValue(v: Value, spec: usize): usize {
  if (isStr(v)) return strFormatSpec(<usize>v, spec);
  return objFormat(v, spec);
}

/** str(v), with str itself as the fast path. */
function strOf(v: Value): usize {
  if (isStr(v)) {
    increfObject(<usize>v);
    return <usize>v;
  }
  return objStr(v);
}

/** repr(v), with str handled here. */
function reprOf(v: Value): usize {
  if (isStr(v)) return strRepr(<usize>v);
  return objRepr(v);
}

// ---------------------------------------------------------------------------------------------------
// str.format / str.format_map

// Automatic field numbering state: 0 init, 1 automatic, 2 manual (one str.format call at a time
// per nesting level; saved in locals of strFormatImpl).
let fmtAutoState: i32 = 0;
let fmtAutoNext: i64 = 0;

/** Whether s[a:b] is all ASCII digits (and non-empty). */
function allDigits(d: usize, k: u32, a: usize, b: usize): bool {
  if (a >= b) return false;
  for (let i = a; i < b; i++) {
    const c = unitAt(d, k, i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/** Decimal value of digits s[a:b]; -1 after "Too many decimal digits in format string". */
function digitsValue(d: usize, k: u32, a: usize, b: usize): i64 {
  let v: i64 = 0;
  for (let i = a; i < b; i++) {
    const dig = <i64>(unitAt(d, k, i) - 0x30);
    if (v > (I64.MAX_VALUE - dig) / 10) {
      specError("Too many decimal digits in format string");
      return -1;
    }
    v = v * 10 + dig;
  }
  return v;
}

/**
 * Resolves a field name fmt[a:b] ("0", "", "name", "0.attr[key]...") to a new reference.
 * args: positional Values (nargs of them); kwnames/kwvalues: keywords of str.format; mapping:
 * format_map's argument (or NULL).
 */
function getField(fmt: usize, a: usize, b: usize, args: usize, nargs: i32, kwnames: usize, mapping: Value): Value {
  const d = strData(fmt);
  const k = strKind(fmt);
  let i = a;
  while (i < b) {
    const c = unitAt(d, k, i);
    if (c == 0x2e || c == 0x5b) break;
    i++;
  }
  let obj: Value = NULL;
  if (i == a || allDigits(d, k, a, i)) {
    let index: i64;
    if (i == a) {
      if (fmtAutoState == 2) {
        return <Value>raiseMsg(EXC_ValueError, "cannot switch from manual field specification to automatic field numbering");
      }
      fmtAutoState = 1;
      index = fmtAutoNext++;
    } else {
      index = digitsValue(d, k, a, i);
      if (index < 0) return NULL;
      if (fmtAutoState == 1) {
        return <Value>raiseMsg(EXC_ValueError, "cannot switch from automatic field numbering to manual field specification");
      }
      fmtAutoState = 2;
    }
    if (mapping != NULL) return <Value>raiseMsg(EXC_ValueError, "Format string contains positional fields");
    if (index >= <i64>nargs) {
      raiseBegin(EXC_IndexError);
      errText("Replacement index ");
      errInt(index);
      errText(" out of range for positional args tuple");
      return NULL;
    }
    obj = arg(args, <i32>index);
    incref(obj);
  } else {
    const key = strSubstring(fmt, a, i);
    if (key == 0) return NULL;
    if (mapping != NULL) {
      obj = strSubscriptHook(mapping, <Value>key);
      decref(<Value>key);
      if (obj == NULL) return NULL;
    } else {
      const nk = kwCount(kwnames);
      for (let j = 0; j < nk; j++) {
        const name = <usize>tupleItem(kwnames, j);
        if (strEqual(name, key)) {
          obj = arg(args, nargs + j);
          break;
        }
      }
      if (obj == NULL) {
        raiseWithValue(EXC_KeyError, <Value>key);
        decref(<Value>key);
        return NULL;
      }
      decref(<Value>key);
      incref(obj);
    }
  }
  // Accessors: .attr and [key], applied one by one.
  while (i < b) {
    const c = unitAt(d, k, i);
    i++;
    let next: Value;
    if (c == 0x2e) {
      const s0 = i;
      while (i < b) {
        const c2 = unitAt(d, k, i);
        if (c2 == 0x2e || c2 == 0x5b) break;
        i++;
      }
      if (i == s0) {
        decref(obj);
        return <Value>specError("Empty attribute in format string");
      }
      const name = strSubstring(fmt, s0, i);
      if (name == 0) return fail(<usize>obj);
      next = objGetAttr(obj, name);
      decref(<Value>name);
    } else if (c == 0x5b) {
      const s0 = i;
      while (i < b && unitAt(d, k, i) != 0x5d) i++;
      if (i == b) {
        decref(obj);
        return <Value>specError("Missing ']' in format string");
      }
      if (i == s0) {
        decref(obj);
        return <Value>specError("Empty attribute in format string");
      }
      let key: Value;
      if (allDigits(d, k, s0, i)) {
        const v = digitsValue(d, k, s0, i);
        if (v < 0) return fail(<usize>obj);
        key = makeSmallInt(v);
      } else {
        key = <Value>strSubstring(fmt, s0, i);
        if (key == NULL) return fail(<usize>obj);
      }
      i++;
      next = strSubscriptHook(obj, key);
      decref(key);
      if (next != NULL && i < b) {
        const c3 = unitAt(d, k, i);
        if (c3 != 0x2e && c3 != 0x5b) {
          decref(next);
          decref(obj);
          return <Value>specError("Only '.' or '[' may follow ']' in format field specifier");
        }
      }
    } else {
      decref(obj);
      return <Value>specError("Only '.' or '[' may follow ']' in format field specifier");
    }
    decref(obj);
    if (next == NULL) return NULL;
    obj = next;
  }
  return obj;
}

/**
 * Renders fmt[from:to] into sb. depth: nesting budget (2 at the top; a spec needing expansion
 * at depth 0 is "Max string recursion exceeded"). Returns false on error.
 */
function formatInto(sb: usize, fmt: usize, from: usize, to: usize, depth: i32, args: usize, nargs: i32, kwnames: usize, mapping: Value): bool {
  if (depth <= 0) {
    raiseMsg(EXC_ValueError, "Max string recursion exceeded");
    return false;
  }
  const d = strData(fmt);
  const k = strKind(fmt);
  let i = from;
  while (i < to) {
    // Literal text up to the next brace.
    const lit = i;
    let c: u32 = 0;
    while (i < to) {
      c = unitAt(d, k, i);
      if (c == 0x7b || c == 0x7d) break;
      i++;
    }
    if (!sbAppendSlice(sb, fmt, lit, i)) return false;
    if (i >= to) break;
    i++;
    const atEnd = i >= to;
    if (c == 0x7d) {
      if (atEnd || unitAt(d, k, i) != 0x7d) {
        raiseMsg(EXC_ValueError, "Single '}' encountered in format string");
        return false;
      }
      if (!sbAppendCodePoint(sb, 0x7d)) return false;
      i++;
      continue;
    }
    if (atEnd) {
      raiseMsg(EXC_ValueError, "Single '{' encountered in format string");
      return false;
    }
    if (unitAt(d, k, i) == 0x7b) {
      if (!sbAppendCodePoint(sb, 0x7b)) return false;
      i++;
      continue;
    }
    // A replacement field: field name up to '}', ':' or '!' (brackets may hide those).
    const nameStart = i;
    let term: u32 = 0;
    while (i < to) {
      const ch = unitAt(d, k, i++);
      if (ch == 0x7b) {
        raiseMsg(EXC_ValueError, "unexpected '{' in field name");
        return false;
      }
      if (ch == 0x5b) {
        while (i < to && unitAt(d, k, i) != 0x5d) i++;
        continue;
      }
      if (ch == 0x7d || ch == 0x3a || ch == 0x21) {
        term = ch;
        break;
      }
    }
    if (term == 0) {
      raiseMsg(EXC_ValueError, "expected '}' before end of string");
      return false;
    }
    const nameEnd = i - 1;
    let conversion: u32 = 0;
    let specStart = i;
    let specEnd = i;
    let expand = false;
    if (term != 0x7d) {
      let done = false;
      if (term == 0x21) {
        if (i >= to) {
          raiseMsg(EXC_ValueError, "end of string while looking for conversion specifier");
          return false;
        }
        conversion = unitAt(d, k, i++);
        if (i < to) {
          const ch = unitAt(d, k, i++);
          if (ch == 0x7d) done = true;
          else if (ch != 0x3a) {
            raiseMsg(EXC_ValueError, "expected ':' after conversion specifier");
            return false;
          }
        }
      }
      specStart = i;
      specEnd = i;
      if (!done) {
        let count = 1;
        let closed = false;
        while (i < to) {
          const ch = unitAt(d, k, i++);
          if (ch == 0x7b) {
            expand = true;
            count++;
          } else if (ch == 0x7d) {
            count--;
            if (count == 0) {
              specEnd = i - 1;
              closed = true;
              break;
            }
          }
        }
        if (!closed) {
          raiseMsg(EXC_ValueError, "unmatched '{' in format spec");
          return false;
        }
      }
    }
    if (!renderField(sb, fmt, nameStart, nameEnd, conversion, specStart, specEnd, expand, depth, args, nargs, kwnames, mapping)) return false;
  }
  return true;
}

function renderField(
  sb: usize,
  fmt: usize,
  nameStart: usize,
  nameEnd: usize,
  conversion: u32,
  specStart: usize,
  specEnd: usize,
  expand: bool,
  depth: i32,
  args: usize,
  nargs: i32,
  kwnames: usize,
  mapping: Value,
): bool {
  let obj = getField(fmt, nameStart, nameEnd, args, nargs, kwnames, mapping);
  if (obj == NULL) return false;
  if (conversion != 0) {
    let conv: usize = 0;
    if (conversion == 0x72) conv = reprOf(obj);
    else if (conversion == 0x73) conv = strOf(obj);
    else if (conversion == 0x61) {
      const r = reprOf(obj);
      if (r != 0) {
        conv = strAsciiEscape(r);
        decref(<Value>r);
      }
    } else {
      decref(obj);
      raiseBegin(EXC_ValueError);
      errText("Unknown conversion specifier ");
      if (conversion > 32 && conversion < 127) errByte(<u8>conversion);
      else {
        errText("\\x");
        errHexNoPad(conversion);
      }
      return false;
    }
    decref(obj);
    if (conv == 0) return false;
    obj = <Value>conv;
  }
  let spec: usize;
  if (expand) {
    const ssb = sbNew(specEnd - specStart + 8);
    if (ssb == 0) return fail(<usize>obj) != NULL;
    if (!formatInto(ssb, fmt, specStart, specEnd, depth - 1, args, nargs, kwnames, mapping)) {
      sbDiscard(ssb);
      decref(obj);
      return false;
    }
    spec = sbFinish(ssb);
  } else {
    spec = strSubstring(fmt, specStart, specEnd);
  }
  if (spec == 0) return fail(<usize>obj) != NULL;
  const r = formatValue(obj, spec);
  decref(<Value>spec);
  decref(obj);
  if (r == 0) return false;
  const ok = sbAppendStr(sb, r);
  decref(<Value>r);
  return ok;
}

function formatImpl(fmt: usize, args: usize, nargs: i32, kwnames: usize, mapping: Value): Value {
  const savedState = fmtAutoState;
  const savedNext = fmtAutoNext;
  fmtAutoState = 0;
  fmtAutoNext = 0;
  const sb = sbNew(<usize>strLength(fmt) + 16);
  let r: usize = 0;
  if (sb != 0) {
    if (formatInto(sb, fmt, 0, <usize>strLength(fmt), 2, args, nargs, kwnames, mapping)) r = sbFinish(sb);
    else sbDiscard(sb);
  }
  fmtAutoState = savedState;
  fmtAutoNext = savedNext;
  return <Value>r;
}

/** fmt.format(*args, **kw) in the native convention. */
export function strFormatMethod(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return formatImpl(<usize>self, args, nargs, kwnames, NULL);
}

function m_format_map(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("str.format_map", kwnames) || !checkArgCount("str.format_map", nargs, 1, 1)) return NULL;
  return formatImpl(<usize>self, args, 0, 0, arg(args, 0));
}

// ---------------------------------------------------------------------------------------------------
// printf-style formatting: fmt % args

const F_LJUST: i32 = 1;
const F_SIGN: i32 = 2;
const F_BLANK: i32 = 4;
const F_ALT: i32 = 8;
const F_ZERO: i32 = 16;

// The argument cursor of the current % operation: percent-args.ts (shared with bytes).
import { percentRun, percentArgsStart, percentNextArg, percentArgsLeft, percentKeyEnd, percentUseKey, percentKeyDone, raiseUnsupportedFormat } from "./percent-args";

/** Appends the digits of |n| in base 8/10/16 (upper: A-F). */
function sbAppendUnsigned(sb: usize, u: u64, base: u32, upper: bool): bool {
  const hex = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  let div: u64 = 1;
  while (u / div >= <u64>base) div *= <u64>base;
  while (div > 0) {
    if (!sbAppendCodePoint(sb, <u32>hex.charCodeAt(<i32>((u / div) % <u64>base)))) return false;
    div /= <u64>base;
  }
  return true;
}

/**
 * The text of an integer conversion (d/x/X/o) of an int-like value as a new str: "-digits" or
 * "digits"; floats go through int() for d/i/u. NULL with an exception otherwise.
 */
function intBody(v: Value, conv: u32): usize {
  if (isUserObject(v)) return userIntBody(v, conv);
  const k = kindOfValue(v);
  const base: u32 = conv == 0x78 || conv == 0x58 ? 16 : conv == 0x6f ? 8 : 10;
  if (k == KIND_FLOAT && base == 10) {
    const x = floatValue(<usize>v);
    if (isNaN(x)) return raiseMsg(EXC_ValueError, "cannot convert float NaN to integer");
    if (!isFinite(x)) return raiseMsg(EXC_OverflowError, "cannot convert float infinity to integer");
    const t = Math.trunc(x);
    if (Math.abs(t) < 4.0e18) return smallIntBody(<i64>t, base, false);
    // Huge: the float's integer value, exactly, via float formatting.
    const spec = strFromAscii(".0f");
    if (spec == 0) return 0;
    const r = objFormat(v, spec);
    decref(<Value>spec);
    return r;
  }
  if (k == KIND_BOOL) return smallIntBody(v == TRUE ? 1 : 0, base, conv == 0x58);
  if (isSmallInt(v)) return smallIntBody(getSmallInt(v), base, conv == 0x58);
  if (k == KIND_INT) {
    const spec = strFromCodePoint(conv == 0x69 || conv == 0x75 ? 0x64 : conv);
    const r = objFormat(v, spec);
    decref(<Value>spec);
    return r;
  }
  raiseBegin(EXC_TypeError);
  errByte(0x25);
  errCodePoint(conv);
  errText(base == 10 ? " format: a real number is required, not " : " format: an integer is required, not ");
  errTypeName(v);
  return 0;
}

import { isUserObject, percentIntArg, percentFloatArg, percentCharCode } from "./percent-coerce";
/** intBody of an instance of a user class: its int conversion, else the wrong-type TypeError. */
function userIntBody(v: Value, conv: u32): usize {
  const x = percentIntArg(v, conv);
  if (x == NULL) {
    if (errorType() != 0) return 0;
    raiseBegin(EXC_TypeError);
    errByte(0x25);
    errCodePoint(conv);
    errText(conv == 0x64 || conv == 0x69 || conv == 0x75 ? " format: a real number is required, not " : " format: an integer is required, not ");
    errTypeName(v);
    return 0;
  }
  const r = intBody(x, conv);
  decref(x);
  return r;
}

function smallIntBody(n: i64, base: u32, upper: bool): usize {
  const sb = sbNew(24);
  if (sb == 0) return 0;
  let ok = true;
  let u = <u64>n;
  if (n < 0) {
    ok = sbAppendCodePoint(sb, 0x2d);
    u = <u64>0 - <u64>n;
  }
  if (ok) ok = sbAppendUnsigned(sb, u, base, upper);
  if (!ok) {
    sbDiscard(sb);
    return 0;
  }
  return sbFinish(sb);
}

function strFromAscii(lit: string): usize {
  const sb = sbNew(<usize>lit.length);
  if (sb == 0) return 0;
  if (!sbAppendAscii(sb, lit)) {
    sbDiscard(sb);
    return 0;
  }
  return sbFinish(sb);
}

/** The text of e/E/f/F/g/G for an int or float: objFormat(v, "[+| ][#].{prec}{conv}"). */
function floatBody(v: Value, conv: u32, flags: i32, prec: i64): usize {
  if (isUserObject(v)) {
    const x = percentFloatArg(v);
    if (x != NULL) {
      const r = floatBody(x, conv, flags, prec);
      decref(x);
      return r;
    }
    if (errorType() != 0) return 0;
  }
  const k = kindOfValue(v);
  if (k != KIND_FLOAT && k != KIND_INT && k != KIND_BOOL) {
    raiseBegin(EXC_TypeError);
    errText("must be real number, not ");
    errTypeName(v);
    return 0;
  }
  const sb = sbNew(16);
  if (sb == 0) return 0;
  let ok = true;
  if (flags & F_SIGN) ok = sbAppendCodePoint(sb, 0x2b);
  else if (flags & F_BLANK) ok = sbAppendCodePoint(sb, 0x20);
  if (ok && (flags & F_ALT) != 0) ok = sbAppendCodePoint(sb, 0x23);
  if (ok) ok = sbAppendCodePoint(sb, 0x2e) && sbAppendInt(sb, prec < 0 ? 6 : prec) && sbAppendCodePoint(sb, conv);
  if (!ok) {
    sbDiscard(sb);
    return 0;
  }
  const spec = sbFinish(sb);
  if (spec == 0) return 0;
  const r = objFormat(v, spec);
  decref(<Value>spec);
  return r;
}

/**
 * Appends body (sign already inside for floats; "-" for negative ints) with %-style sign, prefix,
 * precision zero-padding (ints) and width.
 */
function emitNumber(sb: usize, body: usize, flags: i32, width: i64, prec: i64, conv: u32, isInt: bool): bool {
  const n = <usize>strLength(body);
  const bk = strKind(body);
  const bd = strData(body);
  let sign: u32 = 0;
  let from: usize = 0;
  if (n > 0) {
    const c0 = unitAt(bd, bk, 0);
    if (c0 == 0x2d || c0 == 0x2b || c0 == 0x20) {
      sign = c0;
      from = 1;
    }
  }
  if (sign == 0 && isInt) {
    if (flags & F_SIGN) sign = 0x2b;
    else if (flags & F_BLANK) sign = 0x20;
  }
  let prefix: u32 = 0;
  if (isInt && (flags & F_ALT) != 0 && conv != 0x64 && conv != 0x69 && conv != 0x75) prefix = conv == 0x6f ? 0x6f : conv;
  const digits = <i64>(n - from);
  const zeros: i64 = isInt && prec > digits ? prec - digits : 0;
  const len = (sign != 0 ? 1 : 0) + (prefix != 0 ? 2 : 0) + zeros + digits;
  const pad: i64 = width > len ? width - len : 0;
  if (pad > 0x3ffffff0 || zeros > 0x3ffffff0) {
    raiseMemory();
    return false;
  }
  const ljust = (flags & F_LJUST) != 0;
  const zeroFill = !ljust && (flags & F_ZERO) != 0;
  if (!ljust && !zeroFill && !sbAppendRepeat(sb, 0x20, <usize>pad)) return false;
  if (sign != 0 && !sbAppendCodePoint(sb, sign)) return false;
  if (prefix != 0 && !(sbAppendCodePoint(sb, 0x30) && sbAppendCodePoint(sb, prefix))) return false;
  if (zeroFill && !sbAppendRepeat(sb, 0x30, <usize>pad)) return false;
  if (!sbAppendRepeat(sb, 0x30, <usize>zeros)) return false;
  if (!sbAppendSlice(sb, body, from, n)) return false;
  if (ljust && !sbAppendRepeat(sb, 0x20, <usize>pad)) return false;
  return true;
}

/** Appends text s[0:min(len, prec)] padded to width (spaces; '-' flag pads on the right). */
function emitText(sb: usize, s: usize, flags: i32, width: i64, prec: i64): bool {
  let len = <i64>strLength(s);
  if (prec >= 0 && prec < len) len = prec;
  const pad: i64 = width > len ? width - len : 0;
  if (pad > 0x3ffffff0) {
    raiseMemory();
    return false;
  }
  const ljust = (flags & F_LJUST) != 0;
  if (!ljust && !sbAppendRepeat(sb, 0x20, <usize>pad)) return false;
  if (!sbAppendSlice(sb, s, 0, <usize>len)) return false;
  if (ljust && !sbAppendRepeat(sb, 0x20, <usize>pad)) return false;
  return true;
}

/** The '*' argument: an int; "* wants int" otherwise. Result in gInt. */
function starArg(): bool {
  const v = percentNextArg();
  if (v == NULL) return false;
  if (isSmallInt(v) || v == TRUE || v == FALSE) {
    gInt = isSmallInt(v) ? getSmallInt(v) : v == TRUE ? 1 : 0;
    return true;
  }
  if (kindOfValue(v) == KIND_INT) {
    gInt = bigToI64(<usize>v);
    if (gBigFits) return true;
    raiseMsg(EXC_OverflowError, "Python int too large to convert to C ssize_t");
    return false;
  }
  raiseMsg(EXC_TypeError, "* wants int");
  return false;
}

/** One conversion spec starting after '%' at fmt[i]; returns the index after it, or -1 on error. */
function percentSpec(sb: usize, fmt: usize, i: usize, dict: Value): isize {
  const d = strData(fmt);
  const k = strKind(fmt);
  const n = <usize>strLength(fmt);
  if (unitAt(d, k, i) == 0x28) {
    // %(key): the mapping's item replaces the argument cursor for this spec
    const e = percentKeyEnd(d, k, i, n, dict);
    if (e < 0 || !percentUseKey(dict, strSubstring(fmt, i + 1, <usize>e - 1))) return -1;
    i = <usize>e;
  }
  const r = percentSpecBody(sb, fmt, i, d, k, n);
  percentKeyDone();
  return r;
}

function percentSpecBody(sb: usize, fmt: usize, i: usize, d: usize, k: u32, n: usize): isize {
  let flags: i32 = 0;
  while (i < n) {
    const c = unitAt(d, k, i);
    if (c == 0x2d) flags |= F_LJUST;
    else if (c == 0x2b) flags |= F_SIGN;
    else if (c == 0x20) flags |= F_BLANK;
    else if (c == 0x23) flags |= F_ALT;
    else if (c == 0x30) flags |= F_ZERO;
    else break;
    i++;
  }
  let width: i64 = -1;
  if (i < n && unitAt(d, k, i) == 0x2a) {
    if (!starArg()) return -1;
    width = gInt;
    if (width < 0) {
      flags |= F_LJUST;
      width = -width;
    }
    i++;
  } else {
    while (i < n) {
      const c = unitAt(d, k, i);
      if (c < 0x30 || c > 0x39) break;
      if (width < 0) width = 0;
      if (width > (I64.MAX_VALUE - 9) / 10) {
        raiseMsg(EXC_ValueError, "width too big");
        return -1;
      }
      width = width * 10 + <i64>(c - 0x30);
      i++;
    }
  }
  let prec: i64 = -1;
  if (i < n && unitAt(d, k, i) == 0x2e) {
    i++;
    prec = 0;
    if (i < n && unitAt(d, k, i) == 0x2a) {
      if (!starArg()) return -1;
      prec = gInt < 0 ? 0 : gInt;
      i++;
    } else {
      while (i < n) {
        const c = unitAt(d, k, i);
        if (c < 0x30 || c > 0x39) break;
        if (prec > (I64.MAX_VALUE - 9) / 10) {
          raiseMsg(EXC_ValueError, "precision too big");
          return -1;
        }
        prec = prec * 10 + <i64>(c - 0x30);
        i++;
      }
    }
  }
  while (i < n) {
    const c = unitAt(d, k, i);
    if (c != 0x68 && c != 0x6c && c != 0x4c) break;
    i++;
  }
  if (i >= n) {
    raiseMsg(EXC_ValueError, "incomplete format");
    return -1;
  }
  const conv = unitAt(d, k, i);
  i++;
  const v = percentNextArg();
  if (v == NULL) return -1;
  let ok = false;
  if (conv == 0x73 || conv == 0x72 || conv == 0x61) {
    let t: usize;
    if (conv == 0x73) t = strOf(v);
    else {
      t = reprOf(v);
      if (conv == 0x61 && t != 0) {
        const a = strAsciiEscape(t);
        decref(<Value>t);
        t = a;
      }
    }
    if (t == 0) return -1;
    ok = emitText(sb, t, flags, width, prec);
    decref(<Value>t);
  } else if (conv == 0x63) {
    let cp: i64 = -1;
    if (isStr(v)) {
      if (strLength(<usize>v) != 1) {
        raiseMsg(EXC_TypeError, "%c requires int or char");
        return -1;
      }
      cp = <i64>unitAt(strData(<usize>v), strKind(<usize>v), 0);
    } else if (isSmallInt(v) || v == TRUE || v == FALSE || kindOfValue(v) == KIND_INT) {
      cp = isSmallInt(v) ? getSmallInt(v) : v == TRUE ? 1 : v == FALSE ? 0 : -1;
      if (cp < 0 || cp > 0x10ffff) {
        raiseMsg(EXC_OverflowError, "%c arg not in range(0x110000)");
        return -1;
      }
    } else {
      cp = percentCharCode(v); // __index__ of a user object, else the TypeError
      if (cp < 0) return -1;
    }
    const t = strFromCodePoint(<u32>cp);
    if (t == 0) return -1;
    ok = emitText(sb, t, flags, width, -1);
    decref(<Value>t);
  } else if (conv == 0x64 || conv == 0x69 || conv == 0x75 || conv == 0x78 || conv == 0x58 || conv == 0x6f) {
    const body = intBody(v, conv);
    if (body == 0) return -1;
    ok = emitNumber(sb, body, flags, width, prec, conv, true);
    decref(<Value>body);
  } else if (conv == 0x65 || conv == 0x45 || conv == 0x66 || conv == 0x46 || conv == 0x67 || conv == 0x47) {
    const body = floatBody(v, conv, flags, prec);
    if (body == 0) return -1;
    ok = emitNumber(sb, body, flags, width, prec, conv, false);
    decref(<Value>body);
  } else {
    return raiseUnsupportedFormat(conv, i - 1, 31);
  }
  return ok ? <isize>i : -1;
}

/** fmt % args (printf-style). */
export function strPercentFormat(fmt: usize, args: Value): Value {
  return percentRun(fmt, args, percentImpl);
}

function percentImpl(fmt: usize, args: Value): Value {
  const ak = kindOfValue(args);
  const isTuple = ak == KIND_TUPLE;
  const dict: Value = !isTuple && ak != KIND_STR && strIsMappingHook(args) ? args : NULL;
  const d = strData(fmt);
  const k = strKind(fmt);
  const n = <usize>strLength(fmt);
  const sb = sbNew(n + 16);
  if (sb == 0) return NULL;
  percentArgsStart(args, isTuple);
  let i: usize = 0;
  while (i < n) {
    const p = findChar(d, k, i, n, 0x25);
    const stop = p < 0 ? n : <usize>p;
    if (!sbAppendSlice(sb, fmt, i, stop)) {
      sbDiscard(sb);
      return NULL;
    }
    if (p < 0) break;
    i = stop + 1;
    if (i >= n) {
      sbDiscard(sb);
      return <Value>raiseMsg(EXC_ValueError, "incomplete format");
    }
    if (unitAt(d, k, i) == 0x25) {
      if (!sbAppendCodePoint(sb, 0x25)) {
        sbDiscard(sb);
        return NULL;
      }
      i++;
      continue;
    }
    const r = percentSpec(sb, fmt, i, dict);
    if (r < 0) {
      sbDiscard(sb);
      return NULL;
    }
    i = <usize>r;
  }
  if (percentArgsLeft() && dict == NULL) {
    sbDiscard(sb);
    return <Value>raiseMsg(EXC_TypeError, "not all arguments converted during string formatting");
  }
  return <Value>sbFinish(sb);
}

// ---------------------------------------------------------------------------------------------------
// Registration

export function registerStrMethods(): void {
  const t = typeObject(KIND_STR);
  addMethod(t, "split", m_split);
  addMethod(t, "rsplit", m_rsplit);
  addMethod(t, "splitlines", m_splitlines);
  addMethod(t, "join", m_join);
  addMethod(t, "strip", m_strip);
  addMethod(t, "lstrip", m_lstrip);
  addMethod(t, "rstrip", m_rstrip);
  addMethod(t, "replace", m_replace);
  addMethod(t, "find", m_find);
  addMethod(t, "rfind", m_rfind);
  addMethod(t, "index", m_index);
  addMethod(t, "rindex", m_rindex);
  addMethod(t, "count", m_count);
  addMethod(t, "startswith", m_startswith);
  addMethod(t, "endswith", m_endswith);
  addMethod(t, "upper", m_upper);
  addMethod(t, "lower", m_lower);
  addMethod(t, "capitalize", m_capitalize);
  addMethod(t, "title", m_title);
  addMethod(t, "swapcase", m_swapcase);
  addMethod(t, "casefold", m_casefold);
  addMethod(t, "isdigit", m_isdigit);
  addMethod(t, "isalpha", m_isalpha);
  addMethod(t, "isalnum", m_isalnum);
  addMethod(t, "isspace", m_isspace);
  addMethod(t, "isupper", m_isupper);
  addMethod(t, "islower", m_islower);
  addMethod(t, "istitle", m_istitle);
  addMethod(t, "isidentifier", m_isidentifier);
  addMethod(t, "isdecimal", m_isdecimal);
  addMethod(t, "isnumeric", m_isnumeric);
  addMethod(t, "isprintable", m_isprintable);
  addMethod(t, "isascii", m_isascii);
  addMethod(t, "center", m_center);
  addMethod(t, "ljust", m_ljust);
  addMethod(t, "rjust", m_rjust);
  addMethod(t, "zfill", m_zfill);
  addMethod(t, "partition", m_partition);
  addMethod(t, "rpartition", m_rpartition);
  addMethod(t, "expandtabs", m_expandtabs);
  addMethod(t, "removeprefix", m_removeprefix);
  addMethod(t, "removesuffix", m_removesuffix);
  addMethod(t, "encode", m_encode);
  addMethod(t, "maketrans", m_maketrans, METHOD_STATIC);
  addMethod(t, "translate", m_translate);
  addMethod(t, "format", strFormatMethod);
  addMethod(t, "format_map", m_format_map);
}
