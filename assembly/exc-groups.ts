/**
 * BaseExceptionGroup / ExceptionGroup (PEP 654) as CPython 3.11 has them: construction with its
 * validation and messages (BaseExceptionGroup(...) of Exceptions only is an ExceptionGroup),
 * .message, .exceptions, str "msg (N sub-exceptions)", derive(), split(), subgroup(), and the
 * interpreter side of `except*`: CHECK_EG_MATCH (exceptStarMatch) and PREP_RERAISE_STAR
 * (prepReraiseStar).
 *
 * The message and the exceptions tuple live in the exception's ext tuple (exc-methods.ts) at 0, 1.
 * Splitting recurses on the nesting of groups (wasm recursion, guarded by a depth limit).
 */
import { Value, NULL, NONE, isObject } from "./values";
import {
  kindOf,
  typeOf,
  typeObject,
  raiseBegin,
  raiseMsg,
  errText,
  errInt,
  errTypeName,
  errStrObject,
  KIND_EXCEPTION,
  KIND_TYPE,
  KIND_TUPLE,
  KIND_LIST,
  KIND_STR,
  KIND_BYTES,
  KIND_BYTEARRAY,
  KIND_RANGE,
  KIND_DICT,
  KIND_FUNCTION,
  KIND_METHOD,
  KIND_BUILTIN,
  KIND_METHOD_DESCR,
  EXC_TypeError,
  EXC_ValueError,
  EXC_AttributeError,
  EXC_RecursionError,
} from "./types";
import { incref, decref } from "./refcount";
import { tupleAlloc, tupleSetItem, tupleSize, tupleItem, vecSize, vecItems } from "./tuple";
import { addMethod, arg, checkArgCount } from "./native";
import { excType, excNew, EX_ARGS, EX_TRACEBACK, EX_CONTEXT, EX_CAUSE, EX_SUPPRESS, EX_NOTES } from "./exceptions";
import { EXC_BaseException, EXC_BaseExceptionGroup, EXC_ExceptionGroup, EXC_Exception } from "./exceptions.generated";
import { isSubtype, typeLookup, isHeapType, c3Mro, T_BASES, T_MRO } from "./typeobj";
import { listNew, listAppend } from "./list";
import { tupleFromIterable } from "./tuple-methods";
import { sbNew, sbAppendStr, sbAppendAscii, sbAppendInt, sbFinish } from "./str-ops";
import { objCall, objIsTrue, objGetAttr } from "./ops";
import { N_GETITEM, N_CALL, strLiteral } from "./names";
import { strFromLatin1 } from "./str";
import { alloc, free } from "./heap";
import { extGet, extSet, addMember, excConstruct, EXC_CALL_BUILTIN } from "./exc-methods";

const EG_MSG: usize = 0;
const EG_EXCS: usize = 1;
/** Nesting limit for split/subgroup and leaf collection (CPython uses its recursion limit). */
const MAX_NESTING: i32 = 900;

/** Whether v is an exception group (an instance of BaseExceptionGroup or a subclass). */
export function isExceptionGroup(v: Value): bool {
  return isObject(v) && kindOf(<usize>v) == KIND_EXCEPTION && isSubtype(typeOf(v), excType(EXC_BaseExceptionGroup));
}

/** The sub-exceptions of group e (a tuple, borrowed), or 0 when unset. */
export function egExceptions(e: usize): usize {
  const t = extGet(e, EG_EXCS);
  return t == NULL ? 0 : <usize>t;
}

function isExceptionInstance(v: Value): bool {
  return isObject(v) && kindOf(<usize>v) == KIND_EXCEPTION;
}

function isExceptionClass(v: Value): bool {
  return isObject(v) && kindOf(<usize>v) == KIND_TYPE && isSubtype(<usize>v, excType(EXC_BaseException));
}

/** PySequence_Check: types with item access by index (not dicts). */
function isSequence(v: Value): bool {
  if (!isObject(v)) return false;
  const k = kindOf(<usize>v);
  if (k == KIND_LIST || k == KIND_TUPLE || k == KIND_STR || k == KIND_BYTES || k == KIND_BYTEARRAY || k == KIND_RANGE) return true;
  const t = typeOf(v);
  if (k == KIND_DICT || !isHeapType(t)) return false;
  return typeLookup(t, N_GETITEM) != NULL;
}

// ---------------------------------------------------------------------------------------------------
// Construction

/**
 * BaseExceptionGroup.__new__(t, message, exceptions): validates, and turns a BaseExceptionGroup of
 * Exceptions into an ExceptionGroup. A new exception, or 0 with an error raised.
 */
export function egNew(t: usize, args: usize, nargs: i32): usize {
  if (nargs != 2) {
    raiseBegin(EXC_TypeError);
    errText("BaseExceptionGroup.__new__() takes exactly 2 arguments (");
    errInt(nargs);
    errText(" given)");
    return 0;
  }
  const message = arg(args, 0);
  const seq = arg(args, 1);
  if (!isObject(message) || kindOf(<usize>message) != KIND_STR) {
    raiseBegin(EXC_TypeError);
    errText("BaseExceptionGroup.__new__() argument 1 must be str, not ");
    errTypeName(message);
    return 0;
  }
  if (!isSequence(seq)) {
    raiseMsg(EXC_TypeError, "second argument (exceptions) must be a sequence");
    return 0;
  }
  const excs = tupleFromIterable(seq);
  if (excs == NULL) return 0;
  const n = <usize>tupleSize(<usize>excs);
  if (n == 0) {
    decref(excs);
    raiseMsg(EXC_ValueError, "second argument (exceptions) must be a non-empty sequence");
    return 0;
  }
  let nestedBase = false;
  for (let i: usize = 0; i < n; i++) {
    const x = tupleItem(<usize>excs, i);
    if (!isExceptionInstance(x)) {
      decref(excs);
      raiseBegin(EXC_ValueError);
      errText("Item ");
      errInt(<i64>i);
      errText(" of second argument (exceptions) is not an exception");
      return 0;
    }
    if (!isSubtype(typeOf(x), excType(EXC_Exception))) nestedBase = true;
  }
  let cls = t;
  if (cls == excType(EXC_ExceptionGroup)) {
    if (nestedBase) {
      decref(excs);
      raiseMsg(EXC_TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
      return 0;
    }
  } else if (cls == excType(EXC_BaseExceptionGroup)) {
    if (!nestedBase) cls = excType(EXC_ExceptionGroup);
  } else if (nestedBase && isSubtype(cls, excType(EXC_Exception))) {
    decref(excs);
    raiseBegin(EXC_TypeError);
    errText("Cannot nest BaseExceptions in '");
    errStrObject(<usize>load<u32>(cls + 16));
    errText("'");
    return 0;
  }
  const argt = tupleAlloc(2);
  if (argt == 0) {
    decref(excs);
    return 0;
  }
  incref(message);
  incref(seq);
  tupleSetItem(argt, 0, message);
  tupleSetItem(argt, 1, seq);
  const e = excNew(cls, argt);
  if (e == 0) {
    decref(excs);
    return 0;
  }
  const ok = extSet(e, EG_MSG, message) && extSet(e, EG_EXCS, excs);
  decref(excs);
  if (!ok) {
    decref(<u64>e);
    return 0;
  }
  return e;
}

/** BaseExceptionGroup(message, excs) by the builtin call (ExceptionGroup when it can be). New reference. */
function makeGroup(message: Value, excs: Value): Value {
  const buf = alloc(16);
  if (buf == 0) return NULL;
  store<u64>(buf, message);
  store<u64>(buf + 8, excs);
  const r = excConstruct(excType(EXC_BaseExceptionGroup), buf, 2, 0, EXC_CALL_BUILTIN);
  free(buf, 16);
  return r;
}

let emptyStr: usize = 0;
function emptyMessage(): Value {
  if (emptyStr == 0) {
    emptyStr = strFromLatin1(0, 0);
    if (emptyStr == 0) return NULL;
  }
  return <u64>emptyStr;
}

// ---------------------------------------------------------------------------------------------------
// str, attributes, derive

/** str(group): "message (N sub-exceptions)". */
export function egStr(p: usize): usize {
  const msg = extGet(p, EG_MSG);
  const excs = egExceptions(p);
  const n = excs == 0 ? 0 : <i64>tupleSize(excs);
  const sb = sbNew(32);
  if (sb == 0) return 0;
  if (msg != NULL && isObject(msg) && kindOf(<usize>msg) == KIND_STR) sbAppendStr(sb, <usize>msg);
  sbAppendAscii(sb, " (");
  sbAppendInt(sb, n);
  sbAppendAscii(sb, n > 1 ? " sub-exceptions)" : " sub-exception)");
  return sbFinish(sb);
}

function egStrMethod(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  const s = egStr(<usize>self);
  return s == 0 ? NULL : <u64>s;
}

function memberOf(args: usize, i: usize): Value {
  const obj = arg(args, 0);
  if (!isExceptionGroup(obj)) {
    raiseMsg(EXC_TypeError, "descriptor requires a 'BaseExceptionGroup' object");
    return NULL;
  }
  const v = extGet(<usize>obj, i);
  if (v == NULL) return NONE;
  incref(v);
  return v;
}
function getMessage(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return memberOf(args, EG_MSG);
}
function getExceptions(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return memberOf(args, EG_EXCS);
}
function readonly(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  raiseMsg(EXC_AttributeError, "readonly attribute");
  return NULL;
}

/** derive(excs): BaseExceptionGroup(self.message, excs). */
function derive(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!checkArgCount("derive", nargs, 1, 1)) return NULL;
  const msg = extGet(<usize>self, EG_MSG);
  return makeGroup(msg == NULL ? NONE : msg, arg(args, 0));
}

// ---------------------------------------------------------------------------------------------------
// split / subgroup

const BY_TYPE: i32 = 0;
const BY_PREDICATE: i32 = 1;
const BY_IDS: i32 = 2;

function isCallable(v: Value): bool {
  if (!isObject(v)) return false;
  const k = kindOf(<usize>v);
  if (k == KIND_FUNCTION || k == KIND_METHOD || k == KIND_BUILTIN || k == KIND_METHOD_DESCR) return true;
  const t = typeOf(v);
  return isHeapType(t) && typeLookup(t, N_CALL) != NULL;
}

/** The matcher kind of split()'s argument, or -1 (TypeError). */
function matcherType(v: Value): i32 {
  if (isCallable(v) && !(isObject(v) && kindOf(<usize>v) == KIND_TYPE)) return BY_PREDICATE;
  if (isExceptionClass(v)) return BY_TYPE;
  if (isObject(v) && typeOf(v) == typeObject(KIND_TUPLE)) {
    const n = <usize>tupleSize(<usize>v);
    let ok = true;
    for (let i: usize = 0; i < n; i++) if (!isExceptionClass(tupleItem(<usize>v, i))) ok = false;
    if (ok) return BY_TYPE;
  }
  raiseMsg(EXC_TypeError, "expected a function, exception type or tuple of exception types");
  return -1;
}

/** PyErr_GivenExceptionMatches for an exception instance and a class or tuple of classes. */
function givenMatches(exc: Value, type: Value): bool {
  const t = typeOf(exc);
  if (isObject(type) && kindOf(<usize>type) == KIND_TUPLE) {
    const n = <usize>tupleSize(<usize>type);
    for (let i: usize = 0; i < n; i++) {
      const x = tupleItem(<usize>type, i);
      if (isObject(x) && kindOf(<usize>x) == KIND_TYPE && isSubtype(t, <usize>x)) return true;
    }
    return false;
  }
  return isObject(type) && kindOf(<usize>type) == KIND_TYPE && isSubtype(t, <usize>type);
}

// Leaf exceptions by identity (PREP_RERAISE_STAR's projection): a growable array of addresses.
let ids: usize = 0;
let idsCount: usize = 0;
let idsCap: usize = 0;

function idsAdd(p: usize): bool {
  if (idsCount == idsCap) {
    const cap = idsCap == 0 ? 16 : idsCap * 2;
    const n = alloc(cap << 2);
    if (n == 0) return false;
    if (ids != 0) {
      memory.copy(n, ids, idsCount << 2);
      free(ids, idsCap << 2);
    }
    ids = n;
    idsCap = cap;
  }
  store<u32>(ids + (idsCount << 2), <u32>p);
  idsCount++;
  return true;
}

function idsHas(p: usize): bool {
  for (let i: usize = 0; i < idsCount; i++) if (<usize>load<u32>(ids + (i << 2)) == p) return true;
  return false;
}

function idsReset(): void {
  if (ids != 0) free(ids, idsCap << 2);
  ids = 0;
  idsCount = 0;
  idsCap = 0;
}

/** 1 match, 0 not, -1 error. */
function checkMatch(exc: Value, kind: i32, matcher: Value): i32 {
  if (kind == BY_TYPE) return givenMatches(exc, matcher) ? 1 : 0;
  if (kind == BY_PREDICATE) {
    const buf = alloc(8);
    if (buf == 0) return -1;
    store<u64>(buf, exc);
    const r = objCall(matcher, buf, 1, 0);
    free(buf, 8);
    if (r == NULL) return -1;
    const b = objIsTrue(r);
    decref(r);
    return b;
  }
  if (isExceptionGroup(exc)) return 0;
  return idsHas(<usize>exc) ? 1 : 0;
}

// Results of splitRecursive (new references or NULL).
let outMatch: Value = NULL;
let outRest: Value = NULL;

/** Splits exc by the matcher into outMatch / outRest (rest only when constructRest). False: error. */
function splitRecursive(exc: Value, kind: i32, matcher: Value, constructRest: bool, depth: i32): bool {
  outMatch = NULL;
  outRest = NULL;
  const m = checkMatch(exc, kind, matcher);
  if (m < 0) return false;
  if (m > 0) {
    incref(exc);
    outMatch = exc;
    return true;
  }
  if (!isExceptionGroup(exc)) {
    if (constructRest) {
      incref(exc);
      outRest = exc;
    }
    return true;
  }
  if (depth > MAX_NESTING) {
    raiseMsg(EXC_RecursionError, "maximum recursion depth exceeded in exceptiongroup_split_recursive");
    return false;
  }
  const excs = egExceptions(<usize>exc);
  const n: usize = excs == 0 ? 0 : <usize>tupleSize(excs);
  const matchList = listNew(0);
  if (matchList == 0) return false;
  let restList: usize = 0;
  if (constructRest) {
    restList = listNew(0);
    if (restList == 0) {
      decref(<u64>matchList);
      return false;
    }
  }
  incref(exc); // the group must outlive a predicate that drops it
  let ok = true;
  for (let i: usize = 0; i < n && ok; i++) {
    if (!splitRecursive(tupleItem(excs, i), kind, matcher, constructRest, depth + 1)) {
      ok = false;
      break;
    }
    const m1 = outMatch;
    const r1 = outRest;
    if (m1 != NULL && listAppend(matchList, m1) < 0) ok = false;
    if (ok && r1 != NULL && listAppend(restList, r1) < 0) ok = false;
    decref(m1);
    decref(r1);
  }
  let match: Value = NULL;
  let rest: Value = NULL;
  if (ok) {
    match = subset(<usize>exc, matchList);
    if (match == NULL && errPending) ok = false;
  }
  if (ok && constructRest) {
    rest = subset(<usize>exc, restList);
    if (rest == NULL && errPending) {
      decref(match);
      match = NULL;
      ok = false;
    }
  }
  decref(<u64>matchList);
  if (restList != 0) decref(<u64>restList);
  decref(exc);
  outMatch = match;
  outRest = rest;
  return ok;
}

/** Set by subset() when it failed (as opposed to returning NULL for an empty list). */
let errPending = false;

/**
 * orig.derive(excs) with orig's traceback, context, cause and a copy of its notes, or NULL when
 * excs is empty (errPending false) or on error (errPending true).
 */
function subset(orig: usize, excs: usize): Value {
  errPending = false;
  if (vecSize(excs) == 0) return NULL;
  const deriveFn = objGetAttr(<u64>orig, deriveName());
  if (deriveFn == NULL) {
    errPending = true;
    return NULL;
  }
  const buf = alloc(8);
  if (buf == 0) {
    decref(deriveFn);
    errPending = true;
    return NULL;
  }
  store<u64>(buf, <u64>excs);
  const eg = objCall(deriveFn, buf, 1, 0);
  free(buf, 8);
  decref(deriveFn);
  if (eg == NULL) {
    errPending = true;
    return NULL;
  }
  if (!isExceptionGroup(eg)) {
    decref(eg);
    raiseMsg(EXC_TypeError, "derive must return an instance of BaseExceptionGroup");
    errPending = true;
    return NULL;
  }
  const p = <usize>eg;
  copyField(orig, p, EX_TRACEBACK);
  copyField(orig, p, EX_CONTEXT);
  copyField(orig, p, EX_CAUSE);
  store<u32>(p + EX_SUPPRESS, 1); // PyException_SetCause sets it
  const notes = <usize>load<u32>(orig + EX_NOTES);
  if (notes != 0 && isSequence(<u64>notes)) {
    const copy = listNew(0);
    if (copy == 0) {
      decref(eg);
      errPending = true;
      return NULL;
    }
    const src = tupleFromIterable(<u64>notes);
    if (src == NULL) {
      decref(<u64>copy);
      decref(eg);
      errPending = true;
      return NULL;
    }
    const n = <usize>tupleSize(<usize>src);
    for (let i: usize = 0; i < n; i++) listAppend(copy, tupleItem(<usize>src, i));
    decref(src);
    const old = <u64>load<u32>(p + EX_NOTES);
    store<u32>(p + EX_NOTES, <u32>copy);
    decref(old);
  }
  return eg;
}

function copyField(from: usize, to: usize, off: usize): void {
  const v = <u64>load<u32>(from + off);
  incref(v);
  const old = <u64>load<u32>(to + off);
  store<u32>(to + off, <u32>v);
  decref(old);
}

let deriveStr: usize = 0;
function deriveName(): usize {
  if (deriveStr == 0) deriveStr = strLiteral("derive");
  return deriveStr;
}
let splitStr: usize = 0;
function splitName(): usize {
  if (splitStr == 0) splitStr = strLiteral("split");
  return splitStr;
}

function split(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (nargs != 1) {
    raiseBegin(EXC_TypeError);
    errText(nargs < 1 ? "split expected 1 argument, got " : "split expected at most 1 argument, got ");
    errInt(nargs);
    return NULL;
  }
  const matcher = arg(args, 0);
  const kind = matcherType(matcher);
  if (kind < 0) return NULL;
  if (!splitRecursive(self, kind, matcher, true, 0)) return NULL;
  const m = outMatch;
  const r = outRest;
  const t = tupleAlloc(2);
  if (t == 0) {
    decref(m);
    decref(r);
    return NULL;
  }
  tupleSetItem(t, 0, m == NULL ? NONE : m);
  tupleSetItem(t, 1, r == NULL ? NONE : r);
  return <u64>t;
}

function subgroup(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (nargs != 1) {
    raiseBegin(EXC_TypeError);
    errText(nargs < 1 ? "subgroup expected 1 argument, got " : "subgroup expected at most 1 argument, got ");
    errInt(nargs);
    return NULL;
  }
  const matcher = arg(args, 0);
  const kind = matcherType(matcher);
  if (kind < 0) return NULL;
  if (!splitRecursive(self, kind, matcher, false, 0)) return NULL;
  return outMatch == NULL ? NONE : outMatch;
}

// ---------------------------------------------------------------------------------------------------
// except*

/** CHECK_EG_MATCH's results (new references): the matched part (None: no match) and the rest. */
export let egMatchOut: Value = NULL;
export let egRestOut: Value = NULL;

/** check_except_star_type_valid: an exception class or tuple of them, none of them a group. */
function checkExceptStarType(type: Value): bool {
  let isGroupType = false;
  if (isObject(type) && kindOf(<usize>type) == KIND_TUPLE) {
    const n = <usize>tupleSize(<usize>type);
    for (let i: usize = 0; i < n; i++) {
      if (!isExceptionClass(tupleItem(<usize>type, i))) {
        raiseMsg(EXC_TypeError, "catching classes that do not inherit from BaseException is not allowed");
        return false;
      }
    }
    for (let i: usize = 0; i < n; i++) {
      if (isSubtype(<usize>tupleItem(<usize>type, i), excType(EXC_BaseExceptionGroup))) isGroupType = true;
    }
  } else {
    if (!isExceptionClass(type)) {
      raiseMsg(EXC_TypeError, "catching classes that do not inherit from BaseException is not allowed");
      return false;
    }
    isGroupType = isSubtype(<usize>type, excType(EXC_BaseExceptionGroup));
  }
  if (isGroupType) {
    raiseMsg(EXC_TypeError, "catching ExceptionGroup with except* is not allowed. Use except instead.");
    return false;
  }
  return true;
}

/**
 * `except* type` on exception exc (CPython's exception_group_match): sets egMatchOut / egRestOut.
 * A naked exception that matches is wrapped in ExceptionGroup("", (exc,)); a group is split.
 * False: an error is raised (nothing to release).
 */
export function exceptStarMatch(exc: Value, type: Value): bool {
  egMatchOut = NULL;
  egRestOut = NULL;
  if (!checkExceptStarType(type)) return false;
  if (exc == NONE || !isExceptionInstance(exc)) {
    egMatchOut = NONE;
    egRestOut = NONE;
    return true;
  }
  if (givenMatches(exc, type)) {
    if (isExceptionGroup(exc)) {
      incref(exc);
      egMatchOut = exc;
    } else {
      const excs = tupleAlloc(1);
      if (excs == 0) return false;
      incref(exc);
      tupleSetItem(excs, 0, exc);
      const msg = emptyMessage();
      const wrapped = msg == NULL ? NULL : makeGroup(msg, <u64>excs);
      decref(<u64>excs);
      if (wrapped == NULL) return false;
      egMatchOut = wrapped;
    }
    egRestOut = NONE;
    return true;
  }
  if (isExceptionGroup(exc)) {
    const fn = objGetAttr(exc, splitName());
    if (fn == NULL) return false;
    const buf = alloc(8);
    if (buf == 0) {
      decref(fn);
      return false;
    }
    store<u64>(buf, type);
    const pair = objCall(fn, buf, 1, 0);
    free(buf, 8);
    decref(fn);
    if (pair == NULL) return false;
    if (!isObject(pair) || kindOf(<usize>pair) != KIND_TUPLE || tupleSize(<usize>pair) != 2) {
      decref(pair);
      raiseMsg(EXC_TypeError, "split must return a 2-tuple");
      return false;
    }
    const m = tupleItem(<usize>pair, 0);
    const r = tupleItem(<usize>pair, 1);
    incref(m);
    incref(r);
    decref(pair);
    egMatchOut = m;
    egRestOut = r;
    return true;
  }
  egMatchOut = NONE;
  egRestOut = NONE;
  return true;
}

/** Same notes, traceback, cause and context (by identity): an except* clause re-raised it. */
function sameMetadata(a: usize, b: usize): bool {
  return (
    load<u32>(a + EX_NOTES) == load<u32>(b + EX_NOTES) &&
    load<u32>(a + EX_TRACEBACK) == load<u32>(b + EX_TRACEBACK) &&
    load<u32>(a + EX_CAUSE) == load<u32>(b + EX_CAUSE) &&
    load<u32>(a + EX_CONTEXT) == load<u32>(b + EX_CONTEXT)
  );
}

/** Adds the leaf exceptions of e (a group or not) to the id set. */
function collectLeaves(e: Value, depth: i32): bool {
  if (e == NONE || e == NULL) return true;
  if (!isExceptionGroup(e)) return idsAdd(<usize>e);
  if (depth > MAX_NESTING) {
    raiseMsg(EXC_RecursionError, "maximum recursion depth exceeded in collect_exception_group_leaf_ids");
    return false;
  }
  const excs = egExceptions(<usize>e);
  const n: usize = excs == 0 ? 0 : <usize>tupleSize(excs);
  for (let i: usize = 0; i < n; i++) if (!collectLeaves(tupleItem(excs, i), depth + 1)) return false;
  return true;
}

/**
 * PREP_RERAISE_STAR: what a try-except* statement raises at its end, from the exception it caught
 * (orig) and the list of what its clauses raised or re-raised (None for clauses that did not).
 * New reference (None: nothing to raise), or NULL on error.
 */
export function prepReraiseStar(orig: Value, excs: Value): Value {
  if (!isObject(excs) || kindOf(<usize>excs) != KIND_LIST) {
    raiseMsg(EXC_TypeError, "PREP_RERAISE_STAR: expected a list");
    return NULL;
  }
  const l = <usize>excs;
  const n = <usize>vecSize(l);
  if (n == 0) return NONE;
  if (!isExceptionGroup(orig)) {
    // A naked exception was caught and wrapped: at most one clause ran.
    const e = load<u64>(vecItems(l));
    incref(e);
    return e;
  }
  const raised = listNew(0);
  if (raised == 0) return NULL;
  idsReset();
  let ok = true;
  for (let i: usize = 0; i < n && ok; i++) {
    const e = load<u64>(vecItems(l) + (i << 3));
    if (e == NONE || !isExceptionInstance(e)) continue;
    if (sameMetadata(<usize>e, <usize>orig)) ok = collectLeaves(e, 0);
    else ok = listAppend(raised, e) >= 0;
  }
  let reraised: Value = NONE;
  if (ok) {
    if (idsCount > 0) {
      ok = splitRecursive(orig, BY_IDS, NULL, false, 0);
      if (ok && outMatch != NULL) reraised = outMatch;
    }
  }
  idsReset();
  if (!ok) {
    decref(<u64>raised);
    return NULL;
  }
  let result: Value = NULL;
  if (vecSize(raised) == 0) {
    result = reraised;
  } else {
    if (reraised != NONE) {
      if (listAppend(raised, reraised) < 0) ok = false;
      decref(reraised);
    }
    if (ok) {
      if (vecSize(raised) > 1) {
        const msg = emptyMessage();
        result = msg == NULL ? NULL : makeGroup(msg, <u64>raised);
      } else {
        result = load<u64>(vecItems(raised));
        incref(result);
      }
    }
  }
  decref(<u64>raised);
  return result;
}

// ---------------------------------------------------------------------------------------------------
// Set-up

/** ExceptionGroup's bases are (BaseExceptionGroup, Exception): the generated table has one base. */
function fixExceptionGroupBases(): void {
  const t = excType(EXC_ExceptionGroup);
  const bases = tupleAlloc(2);
  if (bases == 0) return;
  tupleSetItem(bases, 0, <u64>excType(EXC_BaseExceptionGroup));
  tupleSetItem(bases, 1, <u64>excType(EXC_Exception));
  const mro = c3Mro(t, bases);
  if (mro == 0) {
    decref(<u64>bases);
    return;
  }
  const oldBases = <u64>load<u32>(t + T_BASES);
  const oldMro = <u64>load<u32>(t + T_MRO);
  store<u32>(t + T_BASES, <u32>bases);
  store<u32>(t + T_MRO, <u32>mro);
  decref(oldBases);
  decref(oldMro);
}

export function registerExceptionGroupMethods(): void {
  fixExceptionGroupBases();
  const t = excType(EXC_BaseExceptionGroup);
  addMethod(t, "__str__", egStrMethod);
  addMethod(t, "derive", derive);
  addMethod(t, "split", split);
  addMethod(t, "subgroup", subgroup);
  addMember(t, "message", getMessage, readonly);
  addMember(t, "exceptions", getExceptions, readonly);
}

export { EX_ARGS };
