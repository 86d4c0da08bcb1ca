/**
 * The text-shaped bytes/bytearray methods (CPython 3.11's behaviour and messages): center, ljust,
 * rjust, zfill, expandtabs, splitlines, title, capitalize, istitle, translate, maketrans.
 *
 * Registered by bytes-ops.ts registerBytesMethodsOn for both types; data is read through
 * bufData/bufLen and results are of self's type (bytes results that change nothing are self, as
 * CPython's "return self"; bytearray methods always make new objects). Case rules are ASCII only,
 * as for bytes: bytes >= 0x80 are neither cased nor letters.
 *
 * Conventions: arguments borrowed, results new references; NULL with an exception set on error.
 */
import { Value, NULL, TRUE, FALSE, NONE } from "./values";
import { kindOf, typeObject, raiseMsg, raiseBegin, raiseMemory, errText, errTypeName, KIND_BYTEARRAY, EXC_TypeError, EXC_ValueError } from "./types";
import { addMethod, arg, METHOD_STATIC } from "./native";
import { asSsize, indexOut } from "./slice";
import { listNewEmpty } from "./list";
import { checkArgCount, noKeywords } from "./native";
import {
  isBytesLike,
  bufData,
  bufLen,
  bytesEmpty,
  bytesOfByte,
  bytesSub,
  bytesSelf,
  likeRaw,
  raiseNeedBytes,
  qNoKeywords,
  qArgCount,
  parseArgs,
  parsedArg,
  cIntArg,
  lastIndexArg,
  listAddSub,
  failList,
} from "./bytes-ops";
import { bytesAlloc } from "./bytes";
import { decref } from "./refcount";

const MAX_SIZE: i64 = 0x7ffffff0;

// @ts-ignore: decorator
@inline function isArray(p: usize): bool {
  return kindOf(p) == KIND_BYTEARRAY;
}
// @ts-ignore: decorator
@inline function isLowerByte(c: u32): bool {
  return c >= 0x61 && c <= 0x7a;
}
// @ts-ignore: decorator
@inline function isUpperByte(c: u32): bool {
  return c >= 0x41 && c <= 0x5a;
}

/** A new object of b's type: `left` fill bytes, then b's data from `from`, then `right` fill bytes. */
function padded(b: usize, left: usize, right: usize, fill: u8, from: usize): Value {
  const n = <usize>bufLen(b) - from;
  const r = likeRaw(b, left + n + right);
  if (r == 0) return NULL;
  const o = bufData(r);
  memory.fill(o, fill, left);
  memory.copy(o + left, bufData(b) + from, n);
  memory.fill(o + left + n, fill, right);
  return <Value>r;
}

// ---------------------------------------------------------------------------------------------------
// center / ljust / rjust / zfill

const PAD_LEFT: i32 = 0; // ljust: the text on the left
const PAD_RIGHT: i32 = 1; // rjust
const PAD_CENTER: i32 = 2;

function justify(self: Value, args: usize, nargs: i32, kwnames: usize, mode: i32, fname: string, qname: string): Value {
  if (!qNoKeywords(self, qname, kwnames) || !checkArgCount(fname, nargs, 1, 2)) return NULL;
  if (!asSsize(arg(args, 0))) return NULL;
  const width = indexOut;
  let fill: u8 = 0x20;
  if (nargs > 1) {
    const f = arg(args, 1);
    // The "c" converter: a bytes or bytearray of length 1 (not any buffer).
    if (!isBytesLike(f) || bufLen(<usize>f) != 1) {
      raiseBegin(EXC_TypeError);
      errText(fname);
      errText("() argument 2 must be a byte string of length 1, not ");
      errTypeName(f);
      return NULL;
    }
    fill = load<u8>(bufData(<usize>f));
  }
  const b = <usize>self;
  const n = <i64>bufLen(b);
  if (width <= n) return bytesSelf(b);
  if (width > MAX_SIZE) return <Value>raiseMemory();
  const marg = width - n;
  // CPython's split for center: the odd byte goes left only when width is odd too.
  const left = mode == PAD_LEFT ? 0 : mode == PAD_RIGHT ? marg : marg / 2 + (marg & width & 1);
  return padded(b, <usize>left, <usize>(marg - left), fill, 0);
}

function m_ljust(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return justify(self, args, nargs, kwnames, PAD_LEFT, "ljust", "bytes.ljust");
}
function m_rjust(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return justify(self, args, nargs, kwnames, PAD_RIGHT, "rjust", "bytes.rjust");
}
function m_center(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return justify(self, args, nargs, kwnames, PAD_CENTER, "center", "bytes.center");
}

function m_zfill(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!qNoKeywords(self, "bytes.zfill", kwnames) || !qArgCount(self, "bytes.zfill", nargs, 1, 1)) return NULL;
  if (!asSsize(arg(args, 0))) return NULL;
  const width = indexOut;
  const b = <usize>self;
  const n = <i64>bufLen(b);
  if (width <= n) return bytesSelf(b);
  if (width > MAX_SIZE) return <Value>raiseMemory();
  const fill = <usize>(width - n);
  const c0 = n > 0 ? <u32>load<u8>(bufData(b)) : 0;
  if (c0 != 0x2b && c0 != 0x2d) return padded(b, fill, 0, 0x30, 0);
  // The sign stays in front of the zeros.
  const r = padded(b, fill + 1, 0, 0x30, 1);
  if (r != NULL) store<u8>(bufData(<usize>r), <u8>c0);
  return r;
}

// ---------------------------------------------------------------------------------------------------
// expandtabs / splitlines

/** Length of b with tabs expanded to `tab` columns (columns restart after \n and \r); -1 when too long. */
function expandedLength(d: usize, n: usize, tab: i64): i64 {
  let col: i64 = 0;
  let total: i64 = 0;
  for (let i: usize = 0; i < n; i++) {
    const c = <u32>load<u8>(d + i);
    if (c == 0x09) {
      if (tab > 0) {
        const sp = tab - (col % tab);
        col += sp;
        total += sp;
      }
    } else {
      col++;
      total++;
      if (c == 0x0a || c == 0x0d) col = 0;
    }
    if (total > MAX_SIZE) return -1;
  }
  return total;
}

function m_expandtabs(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!parseArgs("expandtabs", args, nargs, kwnames, "tabsize", 1)) return NULL;
  let tab: i64 = 8;
  if (parsedArg(0) != NULL) {
    if (!cIntArg(parsedArg(0))) return NULL;
    tab = lastIndexArg();
  }
  const b = <usize>self;
  const n = <usize>bufLen(b);
  const d = bufData(b);
  const total = expandedLength(d, n, tab);
  if (total < 0) return <Value>raiseMemory();
  const r = likeRaw(b, <usize>total);
  if (r == 0) return NULL;
  let o = bufData(r);
  let col: i64 = 0;
  for (let i: usize = 0; i < n; i++) {
    const c = load<u8>(d + i);
    if (c == 0x09) {
      if (tab > 0) {
        const sp = tab - (col % tab);
        memory.fill(o, 0x20, <usize>sp);
        o += <usize>sp;
        col += sp;
      }
    } else {
      store<u8>(o++, c);
      col++;
      if (c == 0x0a || c == 0x0d) col = 0;
    }
  }
  return <Value>r;
}

function m_splitlines(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!parseArgs("splitlines", args, nargs, kwnames, "keepends", 1)) return NULL;
  let keep = false;
  if (parsedArg(0) != NULL) {
    if (!cIntArg(parsedArg(0))) return NULL;
    keep = lastIndexArg() != 0;
  }
  const b = <usize>self;
  const n = <usize>bufLen(b);
  const d = bufData(b);
  const list = listNewEmpty(0);
  if (list == 0) return NULL;
  let i: usize = 0;
  while (i < n) {
    const j = i;
    // bytes break lines at \n, \r and \r\n only.
    while (i < n && load<u8>(d + i) != 0x0a && load<u8>(d + i) != 0x0d) i++;
    let eol = i;
    if (i < n) {
      i += load<u8>(d + i) == 0x0d && i + 1 < n && load<u8>(d + i + 1) == 0x0a ? 2 : 1;
      if (keep) eol = i;
    }
    if (!listAddSub(list, b, j, eol)) return failList(list);
  }
  return <Value>list;
}

// ---------------------------------------------------------------------------------------------------
// title / capitalize / istitle

function noArgs(self: Value, nargs: i32, kwnames: usize, qname: string): bool {
  return qNoKeywords(self, qname, kwnames) && qArgCount(self, qname, nargs, 0, 0);
}

/** A new object of b's type with each byte mapped by title (true) or capitalize (false) rules. */
function recase(b: usize, title: bool): Value {
  const n = <usize>bufLen(b);
  const d = bufData(b);
  const r = likeRaw(b, n);
  if (r == 0) return NULL;
  const o = bufData(r);
  let prevCased = false;
  for (let i: usize = 0; i < n; i++) {
    let c = <u32>load<u8>(d + i);
    const lo = isLowerByte(c);
    const up = isUpperByte(c);
    if (title) {
      if (lo && !prevCased) c -= 32;
      else if (up && prevCased) c += 32;
      prevCased = lo || up;
    } else if (i == 0 ? lo : up) {
      c ^= 0x20;
    }
    store<u8>(o + i, <u8>c);
  }
  return <Value>r;
}

function m_title(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noArgs(self, nargs, kwnames, "bytes.title")) return NULL;
  return recase(<usize>self, true);
}
function m_capitalize(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noArgs(self, nargs, kwnames, "bytes.capitalize")) return NULL;
  return recase(<usize>self, false);
}

/** Uppercase only after uncased bytes, lowercase only after cased ones, and at least one cased byte. */
function m_istitle(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noArgs(self, nargs, kwnames, "bytes.istitle")) return NULL;
  const b = <usize>self;
  const n = <usize>bufLen(b);
  const d = bufData(b);
  let cased = false;
  let prevCased = false;
  for (let i: usize = 0; i < n; i++) {
    const c = <u32>load<u8>(d + i);
    if (isUpperByte(c)) {
      if (prevCased) return FALSE;
      prevCased = cased = true;
    } else if (isLowerByte(c)) {
      if (!prevCased) return FALSE;
      prevCased = cased = true;
    } else prevCased = false;
  }
  return cased ? TRUE : FALSE;
}

// ---------------------------------------------------------------------------------------------------
// translate / maketrans

/** 256-entry keep map for translate's delete argument. */
const DELETE_MAP: usize = memory.data(256, 8);

function m_translate(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (nargs < 1) {
    return <Value>raiseMsg(EXC_TypeError, "translate() takes at least 1 positional argument (0 given)");
  }
  // The table is positional-only: no keyword name matches the empty first entry.
  if (!parseArgs("translate", args, nargs, kwnames, ",delete", 2)) return NULL;
  const table = parsedArg(0);
  const del = parsedArg(1);
  let tab: usize = 0;
  if (table != NONE) {
    if (!isBytesLike(table)) return <Value>raiseNeedBytes(table);
    if (bufLen(<usize>table) != 256) return <Value>raiseMsg(EXC_ValueError, "translation table must be 256 characters long");
    tab = bufData(<usize>table);
  }
  memory.fill(DELETE_MAP, 0, 256);
  let anyDelete = false;
  if (del != NULL) {
    if (!isBytesLike(del)) return <Value>raiseNeedBytes(del);
    const dd = bufData(<usize>del);
    const dn = <usize>bufLen(<usize>del);
    for (let i: usize = 0; i < dn; i++) store<u8>(DELETE_MAP + <usize>load<u8>(dd + i), 1);
    anyDelete = dn > 0;
  }
  const b = <usize>self;
  const n = <usize>bufLen(b);
  const d = bufData(b);
  let kept: usize = 0;
  let changed = false;
  for (let i: usize = 0; i < n; i++) {
    const c = <usize>load<u8>(d + i);
    if (load<u8>(DELETE_MAP + c) != 0) changed = true;
    else {
      kept++;
      if (tab != 0 && load<u8>(tab + c) != <u8>c) changed = true;
    }
  }
  if (!changed) return bytesSelf(b);
  const r = likeRaw(b, kept);
  if (r == 0) return NULL;
  // The table of a bytearray cannot move: nothing here runs Python code.
  let o = bufData(r);
  for (let i: usize = 0; i < n; i++) {
    const c = <usize>load<u8>(d + i);
    if (anyDelete && load<u8>(DELETE_MAP + c) != 0) continue;
    store<u8>(o++, tab != 0 ? load<u8>(tab + c) : <u8>c);
  }
  if (!isArray(b) && kept < 2) {
    // Short results are the static objects.
    const v = kept == 0 ? bytesEmpty() : bytesOfByte(<u32>load<u8>(bufData(r)));
    decref(<Value>r);
    return <Value>v;
  }
  return <Value>r;
}

function maketransImpl(qname: string, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords(qname, kwnames) || !checkArgCount("maketrans", nargs, 2, 2)) return NULL;
  const frm = arg(args, 0);
  const to = arg(args, 1);
  if (!isBytesLike(frm)) return <Value>raiseNeedBytes(frm);
  if (!isBytesLike(to)) return <Value>raiseNeedBytes(to);
  const n = <usize>bufLen(<usize>frm);
  if (<usize>bufLen(<usize>to) != n) return <Value>raiseMsg(EXC_ValueError, "maketrans arguments must have same length");
  const r = bytesAlloc(256);
  if (r == 0) return NULL;
  const o = bufData(r);
  for (let c: usize = 0; c < 256; c++) store<u8>(o + c, <u8>c);
  const fd = bufData(<usize>frm);
  const td = bufData(<usize>to);
  for (let i: usize = 0; i < n; i++) store<u8>(o + <usize>load<u8>(fd + i), load<u8>(td + i));
  return <Value>r;
}

function m_maketrans(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return maketransImpl("bytes.maketrans", args, nargs, kwnames);
}
function m_maketrans_array(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return maketransImpl("bytearray.maketrans", args, nargs, kwnames);
}

/** Adds these methods to the bytes or bytearray type `t`. */
export function registerBytesTextMethods(t: usize): void {
  addMethod(t, "center", m_center);
  addMethod(t, "ljust", m_ljust);
  addMethod(t, "rjust", m_rjust);
  addMethod(t, "zfill", m_zfill);
  addMethod(t, "expandtabs", m_expandtabs);
  addMethod(t, "splitlines", m_splitlines);
  addMethod(t, "title", m_title);
  addMethod(t, "capitalize", m_capitalize);
  addMethod(t, "istitle", m_istitle);
  addMethod(t, "translate", m_translate);
  addMethod(t, "maketrans", t == typeObject(KIND_BYTEARRAY) ? m_maketrans_array : m_maketrans, METHOD_STATIC);
}
