/**
 * repr(), str() and format() of builtin objects, with CPython's texts: numbers and strings come
 * from their modules (int-ops, float-format, str-ops), containers are assembled here with the
 * recursion guard that prints `[...]` for a list that contains itself, and the default
 * `<__main__.A object at 0x...>` forms use the object's address as its id.
 */
import { Value, NULL, NONE, TRUE, FALSE, isSmallInt, getSmallInt, isObject } from "./values";
import {
  kindOf,
  typeOf,
  typeObject,
  typeName,
  raiseMsg,
  raiseBegin,
  errText,
  errStrObject,
  errTypeName,
  KIND_INT,
  KIND_BOOL,
  KIND_FLOAT,
  KIND_COMPLEX,
  KIND_STR,
  KIND_BYTES,
  KIND_TUPLE,
  KIND_LIST,
  KIND_DICT,
  KIND_SET,
  KIND_FROZENSET,
  KIND_NONE,
  KIND_TYPE,
  KIND_FUNCTION,
  KIND_METHOD,
  KIND_BUILTIN,
  KIND_METHOD_DESCR,
  KIND_MODULE,
  KIND_EXCEPTION,
  KIND_RANGE,
  KIND_SLICE,
  KIND_GENERATOR,
  KIND_CODE,
  KIND_ELLIPSIS,
  KIND_NOT_IMPLEMENTED,
  KIND_DICT_KEYS,
  KIND_DICT_VALUES,
  KIND_DICT_ITEMS,
  KIND_CELL,
  EXC_TypeError,
  EXC_RecursionError,
  EXC_KeyError,
} from "./types";
import { incref, decref } from "./refcount";
import { tupleSize, tupleItem, vecSize, vecItems } from "./tuple";
import { sbNew, sbAppendStr, sbAppendAscii, sbAppendCodePoint, sbFinish, sbDiscard, strRepr, strAscii, strAsciiEscape } from "./str-ops";
import { strLength } from "./str";
import { floatValue, complexReal, complexImag } from "./float";
import { floatRepr, floatReprNoDot } from "./float-format";
import { formatFloat, formatInt, formatStr } from "./format-spec";
import { intToStr } from "./int-ops";
import { rangeRepr } from "./range";
import { sliceRepr } from "./slice";
import { bytesRepr } from "./bytes-ops";
import { KIND_BYTEARRAY } from "./types";
import { dictNext } from "./dict";
import { setNextEntry } from "./set";
import { objRepr, objStr } from "./ops";
import { isHeapType, T_QUALNAME, T_MODULE } from "./typeobj";
import { FN_QUALNAME, FN_CODE } from "./function";
import { EX_ARGS } from "./exceptions";
import { CodeObject } from "./code";
import { strLiteral } from "./names";
import { excType } from "./exceptions";
import { KIND_MEMBER_DESCR, KIND_GETSET_DESCR } from "./types";
import { descrObjRepr } from "./descr-objects";
import { KIND_UNION, KIND_GENERIC_ALIAS } from "./types";
import { typingRepr } from "./generic-alias";
import { isWrapperDescr } from "./wrapper-descr";
import { mappingProxyRepr } from "./mappingproxy";
import { KIND_MAPPINGPROXY } from "./types";

// ---------------------------------------------------------------------------------------------------
// Recursion guard (Py_ReprEnter / Py_ReprLeave)

const GUARD_MAX: i32 = 1000;
const GUARD: usize = memory.data(GUARD_MAX * 4, 8);
let guardDepth: i32 = 0;

/** 1: entered; 0: v is already being printed (print the "..." form); -1: too deep (RecursionError). */
function reprEnter(p: usize): i32 {
  for (let i = 0; i < guardDepth; i++) if (<usize>load<u32>(GUARD + (<usize>i << 2)) == p) return 0;
  if (guardDepth >= GUARD_MAX) {
    raiseMsg(EXC_RecursionError, "maximum recursion depth exceeded while getting the repr of an object");
    return -1;
  }
  store<u32>(GUARD + (<usize>guardDepth << 2), <u32>p);
  guardDepth++;
  return 1;
}
function reprLeave(): void {
  guardDepth--;
}

// ---------------------------------------------------------------------------------------------------
// repr

function lit(s: string): usize {
  const sb = sbNew(<usize>s.length);
  if (sb == 0) return 0;
  sbAppendAscii(sb, s);
  return sbFinish(sb);
}

function appendHex(sb: usize, n: u64): void {
  sbAppendAscii(sb, "0x");
  let started = false;
  for (let shift = 60; shift >= 0; shift -= 4) {
    const d = <u32>((n >> <u64>shift) & 15);
    if (d != 0 || started || shift == 0) {
      started = true;
      sbAppendCodePoint(sb, d < 10 ? 0x30 + d : 0x57 + d);
    }
  }
}

/** An object's "address" as Python shows it: CPython's are heap addresses; ours get a high base. */
function fakeAddress(p: usize): u64 {
  return <u64>0x7f0000000000 + <u64>p;
}

/** The module-qualified name of a class: 'int', '__main__.A'. */
function appendTypeFullName(sb: usize, t: usize): void {
  const m = <usize>load<u32>(t + T_MODULE);
  if (m != 0 && isObject(<u64>m) && kindOf(m) == KIND_STR && !isBuiltinsName(m)) {
    sbAppendStr(sb, m);
    sbAppendAscii(sb, ".");
    sbAppendStr(sb, <usize>load<u32>(t + T_QUALNAME));
  } else {
    sbAppendStr(sb, typeName(t));
  }
}

import { strEqualLiteral } from "./str";
import { structseqFields, structseqRepr } from "./structseq";
import { KIND_COROUTINE, KIND_ASYNC_GENERATOR } from "./types";
import { isNamespace, namespaceRepr } from "./mod-types";
function isBuiltinsName(m: usize): bool {
  return strEqualLiteral(m, "builtins");
}

export function builtinRepr(v: Value): usize {
  if (isSmallInt(v)) return intToStr(v, 10, false);
  if (v == NONE) return lit("None");
  if (v == TRUE) return lit("True");
  if (v == FALSE) return lit("False");
  const p = <usize>v;
  switch (kindOf(p)) {
    case KIND_INT:
      return intToStr(v, 10, false);
    case KIND_FLOAT:
      return floatRepr(floatValue(p));
    case KIND_COMPLEX:
      return complexRepr(p);
    case KIND_STR:
      return strRepr(p);
    case KIND_BYTES:
      return bytesRepr(p);
    case KIND_BYTEARRAY:
      return bytesRepr(p);
    case KIND_TUPLE:
      if (<usize>load<u32>(p + 4) != typeObject(KIND_TUPLE) && structseqFields(<usize>load<u32>(p + 4)) != 0) return structseqRepr(p);
      return seqRepr(p, p + 16, <usize>tupleSize(p), "(", ")", true);
    case KIND_LIST:
      return seqRepr(p, vecItems(p), <usize>vecSize(p), "[", "]", false);
    case KIND_DICT:
      return dictRepr(p);
    case KIND_SET:
    case KIND_FROZENSET:
      return setRepr(p);
    case KIND_RANGE:
      return rangeRepr(p);
    case KIND_SLICE:
      return sliceRepr(p);
    case KIND_ELLIPSIS:
      return lit("Ellipsis");
    case KIND_NOT_IMPLEMENTED:
      return lit("NotImplemented");
    case KIND_EXCEPTION:
      return exceptionRepr(p);
    case KIND_DICT_KEYS:
    case KIND_DICT_VALUES:
    case KIND_DICT_ITEMS:
      return viewRepr(p);
    case KIND_MEMBER_DESCR:
    case KIND_GETSET_DESCR:
      return descrObjRepr(p);
    case KIND_UNION:
    case KIND_GENERIC_ALIAS:
      return typingRepr(p);
    case KIND_MAPPINGPROXY:
      return mappingProxyRepr(p);
  }
  if (isNamespace(v)) return namespaceRepr(p);
  return defaultRepr(p);
}

/** The `<...>` forms of functions, classes, modules and plain objects. */
function defaultRepr(p: usize): usize {
  const sb = sbNew(48);
  if (sb == 0) return 0;
  const k = kindOf(p);
  switch (k) {
    case KIND_TYPE: {
      sbAppendAscii(sb, "<class '");
      appendTypeFullName(sb, p);
      sbAppendAscii(sb, "'>");
      return sbFinish(sb);
    }
    case KIND_FUNCTION: {
      sbAppendAscii(sb, "<function ");
      sbAppendStr(sb, <usize>load<u32>(p + FN_QUALNAME));
      sbAppendAscii(sb, " at ");
      appendHex(sb, fakeAddress(p));
      sbAppendAscii(sb, ">");
      return sbFinish(sb);
    }
    case KIND_METHOD: {
      const f = load<u64>(p + 8);
      sbAppendAscii(sb, "<bound method ");
      if (isObject(f) && kindOf(<usize>f) == KIND_FUNCTION) sbAppendStr(sb, <usize>load<u32>(<usize>f + FN_QUALNAME));
      else sbAppendAscii(sb, "?");
      sbAppendAscii(sb, " of ");
      const r = objRepr(load<u64>(p + 16));
      if (r == 0) {
        sbDiscard(sb);
        return 0;
      }
      sbAppendStr(sb, r);
      decref(<u64>r);
      sbAppendAscii(sb, ">");
      return sbFinish(sb);
    }
    case KIND_BUILTIN: {
      const self = load<u64>(p + 16);
      if (self == NULL || (isObject(self) && kindOf(<usize>self) == KIND_MODULE)) {
        sbAppendAscii(sb, "<built-in function ");
        sbAppendStr(sb, <usize>load<u32>(p + 12));
        sbAppendAscii(sb, ">");
      } else {
        sbAppendAscii(sb, "<built-in method ");
        sbAppendStr(sb, <usize>load<u32>(p + 12));
        sbAppendAscii(sb, " of ");
        sbAppendStr(sb, typeName(typeOf(self)));
        sbAppendAscii(sb, " object at ");
        appendHex(sb, fakeAddress(<usize>self));
        sbAppendAscii(sb, ">");
      }
      return sbFinish(sb);
    }
    case KIND_METHOD_DESCR: {
      sbAppendAscii(sb, isWrapperDescr(p) ? "<slot wrapper '" : "<method '");
      sbAppendStr(sb, <usize>load<u32>(p + 12));
      sbAppendAscii(sb, "' of '");
      sbAppendStr(sb, typeName(<usize>load<u32>(p + 16)));
      sbAppendAscii(sb, "' objects>");
      return sbFinish(sb);
    }
    case KIND_MODULE: {
      const fr = moduleFileRepr(p); // "<module 'm' from 'file'>" when it has a __file__
      if (fr != 0 || errorType() != 0) {
        sbDiscard(sb);
        return fr;
      }
      sbAppendAscii(sb, "<module '");
      sbAppendStr(sb, <usize>load<u32>(p + 12));
      sbAppendAscii(sb, "' (built-in)>");
      return sbFinish(sb);
    }
    case KIND_GENERATOR:
    case KIND_COROUTINE:
    case KIND_ASYNC_GENERATOR: {
      sbAppendAscii(sb, k == KIND_COROUTINE ? "<coroutine object " : k == KIND_ASYNC_GENERATOR ? "<async_generator object " : "<generator object ");
      const code = <usize>load<u32>(p + 12);
      if (code != 0) sbAppendStr(sb, <usize>changetype<CodeObject>(code).qualname);
      sbAppendAscii(sb, " at ");
      appendHex(sb, fakeAddress(p));
      sbAppendAscii(sb, ">");
      return sbFinish(sb);
    }
    case KIND_CODE: {
      const c = changetype<CodeObject>(p);
      sbAppendAscii(sb, "<code object ");
      sbAppendStr(sb, <usize>c.name);
      sbAppendAscii(sb, " at ");
      appendHex(sb, fakeAddress(p));
      sbAppendAscii(sb, ", file \"");
      sbAppendStr(sb, <usize>c.filename);
      sbAppendAscii(sb, "\", line ");
      const ln = intToStr(<u64>((<i64>c.firstlineno << 1) | 1), 10, false);
      if (ln != 0) {
        sbAppendStr(sb, ln);
        decref(<u64>ln);
      }
      sbAppendAscii(sb, ">");
      return sbFinish(sb);
    }
  }
  sbAppendAscii(sb, "<");
  appendTypeFullName(sb, typeOf(<u64>p));
  sbAppendAscii(sb, " object at ");
  appendHex(sb, fakeAddress(p));
  sbAppendAscii(sb, ">");
  return sbFinish(sb);
}

/** Appends repr(item); false after an error (sb discarded by the caller). */
function appendRepr(sb: usize, item: Value): bool {
  const r = objRepr(item);
  if (r == 0) return false;
  const ok = sbAppendStr(sb, r);
  decref(<u64>r);
  return ok;
}

function seqRepr(p: usize, items: usize, n: usize, open: string, close: string, isTuple: bool): usize {
  if (n == 0) return lit(isTuple ? "()" : "[]");
  const g = reprEnter(p);
  if (g < 0) return 0;
  if (g == 0) return lit(isTuple ? "(...)" : "[...]");
  const sb = sbNew(n * 4);
  if (sb == 0) {
    reprLeave();
    return 0;
  }
  sbAppendAscii(sb, open);
  // A list may change while its items' reprs run: re-read its size and items every step.
  for (let i: usize = 0; ; i++) {
    const size = isTuple ? n : <usize>vecSize(p);
    if (i >= size) break;
    const base = isTuple ? items : vecItems(p);
    if (i > 0) sbAppendAscii(sb, ", ");
    const item = load<u64>(base + (i << 3));
    incref(item);
    const ok = appendRepr(sb, item);
    decref(item);
    if (!ok) {
      sbDiscard(sb);
      reprLeave();
      return 0;
    }
  }
  if (isTuple && n == 1) sbAppendAscii(sb, ",");
  sbAppendAscii(sb, close);
  reprLeave();
  return sbFinish(sb);
}

const DPOS: usize = memory.data(8, 8);
const DKEY: usize = memory.data(8, 8);
const DVAL: usize = memory.data(8, 8);

function dictRepr(p: usize): usize {
  if (load<u32>(p + 8) == 0) return lit("{}");
  const g = reprEnter(p);
  if (g < 0) return 0;
  if (g == 0) return lit("{...}");
  const sb = sbNew(16);
  if (sb == 0) {
    reprLeave();
    return 0;
  }
  sbAppendAscii(sb, "{");
  let pos: u32 = 0;
  let first = true;
  while (true) {
    store<u32>(DPOS, pos);
    if (!dictNext(p, DPOS, DKEY, DVAL)) break;
    pos = load<u32>(DPOS);
    const k = load<u64>(DKEY);
    const v = load<u64>(DVAL);
    incref(k);
    incref(v);
    if (!first) sbAppendAscii(sb, ", ");
    first = false;
    let ok = appendRepr(sb, k);
    if (ok) {
      sbAppendAscii(sb, ": ");
      ok = appendRepr(sb, v);
    }
    decref(k);
    decref(v);
    if (!ok) {
      sbDiscard(sb);
      reprLeave();
      return 0;
    }
  }
  sbAppendAscii(sb, "}");
  reprLeave();
  return sbFinish(sb);
}

function setRepr(p: usize): usize {
  const frozen = kindOf(p) == KIND_FROZENSET;
  const used = load<u32>(p + 12);
  const sb = sbNew(16);
  if (sb == 0) return 0;
  const heap = isHeapType(typeOf(<u64>p));
  if (used == 0) {
    appendTypeShort(sb, p);
    sbAppendAscii(sb, "()");
    return sbFinish(sb);
  }
  const g = reprEnter(p);
  if (g < 0) {
    sbDiscard(sb);
    return 0;
  }
  if (g == 0) {
    appendTypeShort(sb, p);
    sbAppendAscii(sb, "(...)");
    return sbFinish(sb);
  }
  if (frozen || heap) {
    appendTypeShort(sb, p);
    sbAppendAscii(sb, "(");
  }
  sbAppendAscii(sb, "{");
  let pos: i32 = 0;
  let first = true;
  while (true) {
    const i = setNextEntry(p, <u32>pos);
    if (i < 0) break;
    pos = i + 1;
    const table = <usize>load<u32>(p + 20);
    const item = load<u64>(table + (<usize>i << 4) + 8);
    if (!first) sbAppendAscii(sb, ", ");
    first = false;
    incref(item);
    const ok = appendRepr(sb, item);
    decref(item);
    if (!ok) {
      sbDiscard(sb);
      reprLeave();
      return 0;
    }
  }
  sbAppendAscii(sb, "}");
  if (frozen || heap) sbAppendAscii(sb, ")");
  reprLeave();
  return sbFinish(sb);
}

function appendTypeShort(sb: usize, p: usize): void {
  sbAppendStr(sb, typeName(typeOf(<u64>p)));
}

import { listFromIterable } from "./list";
function viewRepr(p: usize): usize {
  const l = listFromIterable(<u64>p);
  if (l == 0) return 0;
  const inner = objRepr(<u64>l);
  decref(<u64>l);
  if (inner == 0) return 0;
  const sb = sbNew(strLength(inner) + 16);
  if (sb == 0) {
    decref(<u64>inner);
    return 0;
  }
  sbAppendStr(sb, typeName(typeOf(<u64>p)));
  sbAppendAscii(sb, "(");
  sbAppendStr(sb, inner);
  sbAppendAscii(sb, ")");
  decref(<u64>inner);
  return sbFinish(sb);
}

function exceptionRepr(p: usize): usize {
  const args = <usize>load<u32>(p + EX_ARGS);
  const sb = sbNew(32);
  if (sb == 0) return 0;
  sbAppendStr(sb, typeName(typeOf(<u64>p)));
  const n = <usize>tupleSize(args);
  if (n == 1) {
    sbAppendAscii(sb, "(");
    if (!appendRepr(sb, tupleItem(args, 0))) {
      sbDiscard(sb);
      return 0;
    }
    sbAppendAscii(sb, ")");
  } else if (n == 0) {
    sbAppendAscii(sb, "()");
  } else {
    if (!appendRepr(sb, <u64>args)) {
      sbDiscard(sb);
      return 0;
    }
  }
  return sbFinish(sb);
}

/** complex repr: `2j`, `(1+2j)`, `(-0-1j)`, with the parts as repr(float) without a trailing ".0". */
function complexRepr(p: usize): usize {
  const re = complexReal(p);
  const im = complexImag(p);
  const sb = sbNew(32);
  if (sb == 0) return 0;
  const bare = re == 0 && 1 / re > 0;
  if (!bare) {
    sbAppendAscii(sb, "(");
    const r = floatReprNoDot(re);
    if (r == 0) {
      sbDiscard(sb);
      return 0;
    }
    sbAppendStr(sb, r);
    decref(<u64>r);
    if (!(im < 0 || (im == 0 && 1 / im < 0)) || isNaN(im)) sbAppendAscii(sb, "+");
  }
  const i = floatReprNoDot(im);
  if (i == 0) {
    sbDiscard(sb);
    return 0;
  }
  sbAppendStr(sb, i);
  decref(<u64>i);
  sbAppendAscii(sb, "j");
  if (!bare) sbAppendAscii(sb, ")");
  return sbFinish(sb);
}

// ---------------------------------------------------------------------------------------------------
// str

export function builtinStr(v: Value): usize {
  if (isObject(v) && kindOf(<usize>v) == KIND_EXCEPTION) return excStrDispatch(<usize>v); // OSError, groups, ...: their own __str__
  return builtinRepr(v);
}

/** BaseException.__str__ (KeyError's single argument is shown with repr). */
export function exceptionStr(p: usize): usize {
  const args = <usize>load<u32>(p + EX_ARGS);
  const n = <usize>tupleSize(args);
  if (n == 0) return lit("");
  if (n == 1) {
    const a = tupleItem(args, 0);
    if (isSubtypeOf(typeOf(<u64>p), excType(EXC_KeyError))) return objRepr(a);
    return objStr(a);
  }
  return objStr(<u64>args);
}

import { isSubtype } from "./typeobj";
import { excStrDispatch } from "./exc-methods";
import { moduleFileRepr } from "./module-loader";
import { errorType } from "./types";
function isSubtypeOf(a: usize, b: usize): bool {
  return isSubtype(a, b);
}

/** ascii(v): repr with non-ASCII characters escaped. */
export function objAscii(v: Value): usize {
  const r = objRepr(v);
  if (r == 0) return 0;
  const a = strAsciiEscape(r);
  decref(<u64>r);
  return a;
}

// ---------------------------------------------------------------------------------------------------
// format

export function builtinFormat(v: Value, spec: usize): usize {
  const empty = strLength(spec) == 0;
  if (isSmallInt(v) || (isObject(v) && kindOf(<usize>v) == KIND_INT)) return formatInt(v, spec);
  if (v == TRUE || v == FALSE) {
    if (empty) return builtinRepr(v);
    return formatInt(v == TRUE ? <u64>3 : <u64>1, spec);
  }
  if (isObject(v)) {
    const p = <usize>v;
    const k = kindOf(p);
    if (k == KIND_FLOAT) return formatFloat(floatValue(p), spec);
    if (k == KIND_STR) return formatStr(p, spec);
  }
  if (empty) return objStr(v);
  raiseBegin(EXC_TypeError);
  errText("unsupported format string passed to ");
  errTypeName(v);
  errText(".__format__");
  return 0;
}

export { NULL };
