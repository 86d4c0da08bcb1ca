/**
 * Printing an uncaught exception as CPython 3.11 does. The VM walks the exception chain (causes and
 * contexts first, with "The above exception was the direct cause..." / "During handling..."
 * between them), computes each traceback entry's location from the code object's location table,
 * and the message line (`Type: str(exc)` and notes); it hands these to the host as records
 * (`tbRecord` import), and the host, which can read the source files, writes the text: source
 * lines, carets with anchors, "[Previous line repeated N more times]".
 */
import { Value, NULL, NONE, isObject } from "./values";
import { kindOf, typeOf, typeName, errorType, errorClear, KIND_EXCEPTION, KIND_STR, KIND_LIST, KIND_TUPLE } from "./types";
import { incref, decref } from "./refcount";
import { CodeObject } from "./code";
import { strUtf8Length, strWriteUtf8, strEqualLiteral } from "./str";
import { alloc, free } from "./heap";
import { EX_TRACEBACK, EX_CONTEXT, EX_CAUSE, EX_SUPPRESS, EX_NOTES } from "./exceptions";
import { objStr, objRepr } from "./ops";
import { T_MODULE, T_QUALNAME, isHeapType } from "./typeobj";
import { exceptionStr } from "./reprs";
import { flushOut } from "./io";
import { isExceptionGroup, egExceptions } from "./exc-groups";
import { offerSuggestion } from "./suggestions";

import { tbRecord } from "./host";

export const TB_CHAIN_CAUSE: i32 = 0; // "The above exception was the direct cause of the following exception:"
export const TB_CHAIN_CONTEXT: i32 = 1; // "During handling of the above exception, another exception occurred:"
export const TB_START: i32 = 2; // p1/l1 its margin; a = 1: "Exception Group Traceback (most recent call last):", else "Traceback (most recent call last):"
export const TB_FRAME: i32 = 3; // p1/l1 filename, p2/l2 function name, a..d = line, end line, col, end col (-1: none)
export const TB_MESSAGE: i32 = 4; // p1/l1: the "Type: message" line
export const TB_NOTE: i32 = 5; // p1/l1: one __notes__ entry
export const TB_END: i32 = 6;
export const TB_MARGIN: i32 = 7; // p1/l1: the margin before the lines that follow ("  | " inside exception groups)
export const TB_RAW: i32 = 8; // p1/l1: text written as it is (exception group boxes)
// TB_SOURCE = 9 (warnings.ts)
/**
 * A SyntaxError's location block (before its message line): p1/l1 filename, p2/l2 text, a..d =
 * lineno, offset, end_lineno, end_offset (-1: None). TB_SYNTAX_NO_TEXT: text is None.
 */
export const TB_SYNTAX: i32 = 10;
export const TB_SYNTAX_NO_TEXT: i32 = 11;

// Location of the instruction at a byte offset (PyCode_Addr2Location).
let locLine: i32 = -1;
let locEndLine: i32 = -1;
let locCol: i32 = -1;
let locEndCol: i32 = -1;

function readVarint(t: usize, n: usize, pos: usize): u32 {
  let b: u32 = pos < n ? <u32>load<u8>(t + pos) : 0;
  let v = b & 63;
  let shift: u32 = 0;
  varPos = pos + 1;
  while ((b & 64) != 0) {
    b = varPos < n ? <u32>load<u8>(t + varPos) : 0;
    varPos++;
    shift += 6;
    v |= (b & 63) << shift;
  }
  return v;
}
let varPos: usize = 0;

function readSvarint(t: usize, n: usize, pos: usize): i32 {
  const u = readVarint(t, n, pos);
  return (u & 1) != 0 ? -<i32>(u >> 1) : <i32>(u >> 1);
}

/** Decodes co_linetable up to the entry covering byte `offset`. */
export function locate(code: usize, offset: u32): void {
  const c = changetype<CodeObject>(code);
  const table = <usize>c.linetable + 24;
  const n = <usize>load<u32>(<usize>c.linetable + 8);
  let line = c.firstlineno;
  let addr: u32 = 0;
  let pos: usize = 0;
  locLine = -1;
  locEndLine = -1;
  locCol = -1;
  locEndCol = -1;
  while (pos < n) {
    const first = <u32>load<u8>(table + pos);
    const code_ = (first >> 3) & 15;
    const len = ((first & 7) + 1) * 2;
    let l = -1;
    let el = -1;
    let col = -1;
    let ecol = -1;
    pos++;
    if (code_ == 15) {
      // no location
    } else if (code_ == 14) {
      line += readSvarint(table, n, pos);
      pos = varPos;
      l = line;
      el = line + <i32>readVarint(table, n, pos);
      pos = varPos;
      col = <i32>readVarint(table, n, pos) - 1;
      pos = varPos;
      ecol = <i32>readVarint(table, n, pos) - 1;
      pos = varPos;
    } else if (code_ == 13) {
      line += readSvarint(table, n, pos);
      pos = varPos;
      l = line;
      el = line;
    } else if (code_ >= 10) {
      line += <i32>code_ - 10;
      l = line;
      el = line;
      col = pos < n ? <i32>load<u8>(table + pos) : 0;
      ecol = pos + 1 < n ? <i32>load<u8>(table + pos + 1) : 0;
      pos += 2;
    } else {
      const second = pos < n ? <i32>load<u8>(table + pos) : 0;
      pos++;
      l = line;
      el = line;
      col = (<i32>code_ << 3) | ((second >> 4) & 7);
      ecol = col + (second & 15);
    }
    if (offset >= addr && offset < addr + len) {
      locLine = l;
      locEndLine = el;
      locCol = col;
      locEndCol = ecol;
      return;
    }
    addr += len;
  }
}

/** The line of the instruction at a byte offset, or -1. */
export function lineOf(code: usize, offset: u32): i32 {
  locate(code, offset);
  return locLine;
}

// UTF-8 scratch for two strings at a time.
let buf1: usize = 0;
let cap1: usize = 0;
let buf2: usize = 0;
let cap2: usize = 0;

function utf8a(s: usize): usize {
  const n = strUtf8Length(s);
  if (n > cap1) {
    if (buf1 != 0) free(buf1, cap1);
    cap1 = n < 256 ? 256 : n;
    buf1 = alloc(cap1);
  }
  strWriteUtf8(s, buf1);
  return n;
}
function utf8b(s: usize): usize {
  const n = strUtf8Length(s);
  if (n > cap2) {
    if (buf2 != 0) free(buf2, cap2);
    cap2 = n < 256 ? 256 : n;
    buf2 = alloc(cap2);
  }
  strWriteUtf8(s, buf2);
  return n;
}

// Exceptions already printed in this chain (a cycle guard), as CPython's `seen` set.
const SEEN_MAX: i32 = 256;
const SEEN: usize = memory.data(SEEN_MAX * 4, 8);
let seenCount: i32 = 0;

function seen(e: usize): bool {
  for (let i = 0; i < seenCount; i++) if (<usize>load<u32>(SEEN + (<usize>i << 2)) == e) return true;
  return false;
}

// Exception groups (CPython's exception_print_context): the nesting depth sets the margin
// ("  " per level, then "| "), and needClose says who draws a group's closing line.
const MAX_GROUP_WIDTH: usize = 15;
const MAX_GROUP_DEPTH: i32 = 10;
let groupDepth: i32 = 0;
let needClose = false;

/** Prints `exc` (an exception instance) and its chain to stderr through the host. */
export function printException(exc: Value): void {
  flushOut();
  seenCount = 0;
  needClose = false;
  setGroupDepth(0);
  printRecursive(<usize>exc, 0);
  tbRecord(TB_END, 0, 0, 0, 0, 0, 0, 0, 0);
}

/** Cause or context first (with the separator), then the exception or group itself. */
function printRecursive(e: usize, depth: i32): void {
  if (seenCount < SEEN_MAX) {
    store<u32>(SEEN + (<usize>seenCount << 2), <u32>e);
    seenCount++;
  }
  if (depth < 100) {
    const cause = <usize>load<u32>(e + EX_CAUSE);
    const context = <usize>load<u32>(e + EX_CONTEXT);
    // A cause, even one already printed, hides the context (print_exception_cause_and_context).
    if (cause != 0 && isExc(cause)) {
      if (!seen(cause)) printChained(cause, TB_CHAIN_CAUSE, depth);
    } else if (context != 0 && load<u32>(e + EX_SUPPRESS) == 0 && isExc(context) && !seen(context)) {
      printChained(context, TB_CHAIN_CONTEXT, depth);
    }
  }
  if (isExceptionGroup(<u64>e)) printGroup(e, depth);
  else printOne(e);
}

function printChained(e: usize, kind: i32, depth: i32): void {
  const close = needClose;
  printRecursive(e, depth + 1);
  needClose = close;
  tbRecord(kind, 0, 0, 0, 0, 0, 0, 0, 0);
}

function isExc(p: usize): bool {
  return kindOf(p) == KIND_EXCEPTION;
}

/** Sets the group depth and tells the host the margin for the lines that follow. */
function setGroupDepth(d: i32): void {
  groupDepth = d;
  const n = marginInto(buf1Ensure(2 * <usize>d + 2), d);
  tbRecord(TB_MARGIN, buf1, n, 0, 0, 0, 0, 0, 0);
}

function buf1Ensure(n: usize): usize {
  if (n > cap1) {
    if (buf1 != 0) free(buf1, cap1);
    cap1 = n < 256 ? 256 : n;
    buf1 = alloc(cap1);
  }
  return buf1;
}

/** "  " * depth then "| " (nothing at depth 0); returns the length. */
function marginInto(p: usize, d: i32): usize {
  const n = 2 * <usize>d;
  memory.fill(p, 0x20, n);
  if (d == 0) return 0;
  store<u8>(p + n, 0x7c);
  store<u8>(p + n + 1, 0x20);
  return n + 2;
}

/** One raw line: `indent` spaces, then an ASCII literal, then optionally a number and a tail. */
function rawLine(indent: usize, head: string, num: i64, tail: string): void {
  const b = buf1Ensure(indent + <usize>head.length + <usize>tail.length + 24);
  memory.fill(b, 0x20, indent);
  let n = indent;
  for (let i = 0; i < head.length; i++) store<u8>(b + n++, <u8>head.charCodeAt(i));
  if (num >= 0) {
    let digits: i64 = 1;
    while (digits * 10 <= num) digits *= 10;
    for (; digits > 0; digits /= 10) store<u8>(b + n++, <u8>(0x30 + <i32>((num / digits) % 10)));
  }
  for (let i = 0; i < tail.length; i++) store<u8>(b + n++, <u8>tail.charCodeAt(i));
  tbRecord(TB_RAW, b, n, 0, 0, 0, 0, 0, 0);
}

/** print_exception_group: the group, then each sub-exception in its numbered box. */
function printGroup(e: usize, depth: i32): void {
  if (groupDepth > MAX_GROUP_DEPTH) {
    rawLine(2 * <usize>groupDepth, "| ... (max_group_depth is ", MAX_GROUP_DEPTH, ")\n");
    return;
  }
  if (groupDepth == 0) setGroupDepth(1);
  printOne(e);
  const excs = egExceptions(e);
  const num: usize = excs == 0 ? 0 : <usize>tupleSize(excs);
  const n = num <= MAX_GROUP_WIDTH ? num : MAX_GROUP_WIDTH + 1;
  needClose = false;
  for (let i: usize = 0; i < n; i++) {
    const last = i == n - 1;
    if (last) needClose = true;
    const truncated = i >= MAX_GROUP_WIDTH;
    const indent: usize = 2 * <usize>groupDepth;
    if (truncated) rawLine(indent, i == 0 ? "+-+---------------- ... ----------------\n" : "  +---------------- ... ----------------\n", -1, "");
    else rawLine(indent, i == 0 ? "+-+---------------- " : "  +---------------- ", <i64>(i + 1), " ----------------\n");
    setGroupDepth(groupDepth + 1);
    if (!truncated) {
      const sub = <usize>tupleItem(excs, i);
      if (isExc(sub)) printRecursive(sub, depth + 1);
    } else {
      const more = <i64>(num - MAX_GROUP_WIDTH);
      rawLine(2 * <usize>groupDepth, "| and ", more, more > 1 ? " more exceptions\n" : " more exception\n");
    }
    if (last && needClose) {
      rawLine(2 * <usize>groupDepth, "+------------------------------------\n", -1, "");
      needClose = false;
    }
    setGroupDepth(groupDepth - 1);
  }
  if (groupDepth == 1) setGroupDepth(0);
}

/** print_exception: the traceback (with its header), the message line, the notes. */
function printOne(e: usize): void {
  let tb = <usize>load<u32>(e + EX_TRACEBACK);
  if (tb != 0) {
    const group = isExceptionGroup(<u64>e);
    // The header's margin: "+ " for a top-level group, else the usual one.
    const hn = marginInto(buf1Ensure(2 * <usize>groupDepth + 2), groupDepth);
    if (group && groupDepth == 1) store<u8>(buf1 + hn - 2, 0x2b);
    tbRecord(TB_START, buf1, hn, 0, 0, group ? 1 : 0, 0, 0, 0);
  }
  while (tb != 0) {
    const code = <usize>load<u32>(tb + 12);
    const offset = load<u32>(tb + 16);
    locate(code, offset);
    const c = changetype<CodeObject>(code);
    const l1 = utf8a(<usize>c.filename);
    const l2 = utf8b(<usize>c.name);
    tbRecord(TB_FRAME, buf1, l1, buf2, l2, locLine, locEndLine, locCol, locEndCol);
    tb = <usize>load<u32>(tb + 8);
  }
  printMessage(e);
}

import { sbNew, sbAppendStr, sbAppendAscii, sbFinish } from "./str-ops";
import { strLength } from "./str";
import { tupleSize, tupleItem, vecSize, vecItems } from "./tuple";

/**
 * "Type: message" (module-qualified unless builtins/__main__) and ". Did you mean: 'x'?" for a
 * NameError / AttributeError with a close name (suggestions.ts), then each note.
 */
function printMessage(e: usize): void {
  const t = typeOf(<u64>e);
  const sb = sbNew(64);
  if (sb == 0) return;
  const m = isHeapType(t) ? <usize>load<u32>(t + T_MODULE) : 0;
  if (m != 0 && kindOf(m) == KIND_STR && !strEqualLiteral(m, "builtins") && !strEqualLiteral(m, "__main__")) {
    sbAppendStr(sb, m);
    sbAppendAscii(sb, ".");
  }
  sbAppendStr(sb, isHeapType(t) ? <usize>load<u32>(t + T_QUALNAME) : typeName(t));
  // A SyntaxError with a location prints it first, then its bare msg (print_exception).
  const syntaxMsg = printSyntaxLocation(e);
  let msg = syntaxMsg != NULL ? objStr(syntaxMsg) : objStr(<u64>e);
  if (syntaxMsg != NULL) decref(syntaxMsg);
  if (msg == 0) {
    errorClear();
    sbAppendAscii(sb, ": <exception str() failed>");
  } else {
    if (strLength(msg) > 0) {
      sbAppendAscii(sb, ": ");
      sbAppendStr(sb, msg);
    }
    decref(<u64>msg);
  }
  const suggestion = offerSuggestion(e);
  if (suggestion != 0) {
    sbAppendAscii(sb, ". Did you mean: '");
    sbAppendStr(sb, suggestion);
    sbAppendAscii(sb, "'?");
    decref(<u64>suggestion);
  }
  const line = sbFinish(sb);
  if (line == 0) return;
  const n = utf8a(line);
  tbRecord(TB_MESSAGE, buf1, n, 0, 0, 0, 0, 0, 0);
  decref(<u64>line);
  const notes = <usize>load<u32>(e + EX_NOTES);
  if (notes == 0) return;
  const k = kindOf(notes);
  if (k == KIND_LIST || k == KIND_TUPLE) {
    const count = <usize>(k == KIND_LIST ? vecSize(notes) : tupleSize(notes));
    for (let i: usize = 0; i < count; i++) {
      const note = k == KIND_LIST ? load<u64>(vecItems(notes) + (i << 3)) : tupleItem(notes, i);
      printNote(objStr(note), "<note str() failed>");
    }
  } else {
    printNote(objRepr(<u64>notes), "<__notes__ repr() failed>");
  }
}

const SYNTAX_FIELDS = 7; // names.ts SF_*

/**
 * parse_syntax_error + the location lines of print_exception, for an instance of SyntaxError (or
 * a subclass): reads msg, filename, lineno, offset, end_lineno, end_offset and text, and sends the
 * location record. Returns msg (new reference), or NULL when the attributes do not parse (then the
 * exception prints as any other).
 */
function printSyntaxLocation(e: usize): Value {
  if (isInstanceOf(<u64>e, <u64>excType(EXC_SyntaxError)) != 1) {
    errorClear();
    return NULL;
  }
  const vals = alloc(SYNTAX_FIELDS * 8);
  if (vals == 0) return NULL;
  let ok = true;
  for (let i = 0; i < SYNTAX_FIELDS; i++) {
    const v = ok ? objGetAttr(<u64>e, syntaxFieldName(i)) : NULL;
    if (v == NULL) ok = false;
    store<u64>(vals + <usize>i * 8, v);
  }
  let lineno: i64 = 0;
  let offset: i64 = -1;
  let endLineno: i64 = 0;
  let endOffset: i64 = -1;
  if (ok) ok = asSsize(field(vals, SF_LINENO)); // lineno: None does not parse
  if (ok) {
    lineno = indexOut;
    endLineno = lineno;
    const off = field(vals, SF_OFFSET);
    if (off != NONE) {
      ok = asSsize(off);
      offset = indexOut;
    }
  }
  // Only an exact SyntaxError has a range; its subclasses get one caret.
  if (ok && typeOf(<u64>e) == excType(EXC_SyntaxError)) {
    const el = field(vals, SF_END_LINENO);
    if (el != NONE) {
      ok = asSsize(el);
      endLineno = indexOut;
    }
    const eo = field(vals, SF_END_OFFSET);
    if (ok && eo != NONE) {
      ok = asSsize(eo);
      endOffset = indexOut;
    }
  }
  let filename: usize = 0;
  let text: usize = 0;
  if (ok) {
    const fv = field(vals, SF_FILENAME);
    if (fv == NONE) {
      filename = N_STRING_FILE;
      incref(<u64>filename);
    } else filename = objStr(fv);
    const tv = field(vals, SF_TEXT);
    if (tv != NONE) text = objStr(tv);
    ok = filename != 0 && (tv == NONE || text != 0);
  }
  let msg: Value = NULL;
  if (ok) {
    const l1 = utf8a(filename);
    const l2 = text != 0 ? utf8b(text) : 0;
    tbRecord(text != 0 ? TB_SYNTAX : TB_SYNTAX_NO_TEXT, buf1, l1, buf2, l2, clampI32(lineno), clampI32(offset), clampI32(endLineno), clampI32(endOffset));
    msg = field(vals, SF_MSG);
    incref(msg);
  } else {
    errorClear();
  }
  if (filename != 0) decref(<u64>filename);
  if (text != 0) decref(<u64>text);
  for (let i = 0; i < SYNTAX_FIELDS; i++) {
    const v = load<u64>(vals + <usize>i * 8);
    if (v != NULL) decref(v);
  }
  free(vals, SYNTAX_FIELDS * 8);
  return msg;
}

function clampI32(v: i64): i32 {
  return v > <i64>i32.MAX_VALUE ? i32.MAX_VALUE : v < <i64>i32.MIN_VALUE ? i32.MIN_VALUE : <i32>v;
}

/** Field i (names.ts SF_*) of the values printSyntaxLocation read. */
function field(vals: usize, i: i32): Value {
  return load<u64>(vals + (<usize>i << 3));
}

import { isInstanceOf } from "./isinstance";
import { excType } from "./exceptions";
import { EXC_SyntaxError } from "./types";
import { N_STRING_FILE, syntaxFieldName, SF_MSG, SF_FILENAME, SF_LINENO, SF_OFFSET, SF_TEXT, SF_END_LINENO, SF_END_OFFSET } from "./names";
import { objGetAttr } from "./ops";
import { asSsize, indexOut } from "./slice";

/** One note (a new str, or 0 after an error: `failed` is printed instead). */
function printNote(s: usize, failed: string): void {
  if (s == 0) {
    errorClear();
    const b = buf1Ensure(<usize>failed.length);
    for (let i = 0; i < failed.length; i++) store<u8>(b + <usize>i, <u8>failed.charCodeAt(i));
    tbRecord(TB_NOTE, b, <usize>failed.length, 0, 0, 1, 0, 0, 0);
    return;
  }
  const k = utf8a(s);
  tbRecord(TB_NOTE, buf1, k, 0, 0, 0, 0, 0, 0);
  decref(<u64>s);
}

export { NULL, NONE, incref, exceptionStr };
