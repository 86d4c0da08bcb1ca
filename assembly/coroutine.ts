/**
 * Coroutines (async def): generator objects (generator.ts layout and resumption) of type
 * `coroutine` (KIND_COROUTINE). They are not iterable; `await` reaches them through
 * GET_AWAITABLE, and coro.__await__() gives a `coroutine_wrapper` iterator over them.
 *
 *   coroutine_wrapper (KIND_CORO_WRAPPER): [ header ][ coro u32 | 0 ]   block 16
 *
 * Also the out-of-line parts of the 3.11 async opcodes the eval loop dispatches here:
 * GET_AWAITABLE, GET_AITER, GET_ANEXT, END_ASYNC_FOR, BEFORE_ASYNC_WITH.
 */
import { Value, NULL, NONE, isObject } from "./values";
import { alloc, free } from "./heap";
import { initHeader } from "./object";
import {
  typeObject,
  typeOf,
  kindOf,
  raiseBegin,
  raiseMsg,
  raiseObject,
  errText,
  errTypeName,
  KIND_COROUTINE,
  KIND_CORO_WRAPPER,
  KIND_GENERATOR,
  EXC_TypeError,
  EXC_RuntimeError,
} from "./types";
import { incref, decref, decrefChild } from "./refcount";
import { addMethod, checkArgCount } from "./native";
import { genAttr, genSendMethod, genThrowMethod, genCloseMethod, genNextMethod, genYieldFrom } from "./generator";
import { strEqualLiteral } from "./str";
import { strLiteral } from "./names";
import { typeLookup, isSubtype } from "./typeobj";
import { callMethod0, callDescr } from "./ops";
import { isException, excType } from "./exceptions";
import { EXC_StopAsyncIteration } from "./exceptions.generated";
import { CO_ITERABLE_COROUTINE } from "./call";

export const CORO_WRAPPER_SIZE: usize = 16;

/** The code flags a generator object was made with (generator.ts G_FLAGS). */
function genFlags(g: usize): i32 {
  return load<i32>(g + 32);
}

// ---------------------------------------------------------------------------------------------------
// coroutine attributes and methods

/** cr_running, cr_frame, cr_code, cr_await, cr_suspended, cr_origin, __name__, __qualname__. */
export function coroAttr(g: usize, name: usize): Value {
  if (strEqualLiteral(name, "cr_running")) return genAttr(g, strLiteralCached(0));
  if (strEqualLiteral(name, "cr_frame")) return genAttr(g, strLiteralCached(1));
  if (strEqualLiteral(name, "cr_code")) return genAttr(g, strLiteralCached(2));
  if (strEqualLiteral(name, "cr_await")) return genAttr(g, strLiteralCached(3));
  if (strEqualLiteral(name, "cr_suspended")) return genAttr(g, strLiteralCached(4));
  if (strEqualLiteral(name, "cr_origin")) return NONE;
  if (strEqualLiteral(name, "__name__") || strEqualLiteral(name, "__qualname__")) return genAttr(g, name);
  return NULL;
}

const GI_NAMES: usize = memory.data(5 * 4, 4);
function strLiteralCached(i: i32): usize {
  const at = GI_NAMES + (<usize>i << 2);
  let s = <usize>load<u32>(at);
  if (s == 0) {
    s = strLiteral(i == 0 ? "gi_running" : i == 1 ? "gi_frame" : i == 2 ? "gi_code" : i == 3 ? "gi_yieldfrom" : "gi_suspended");
    store<u32>(at, <u32>s);
  }
  return s;
}

// coro.__await__(): the wrapper iterator.
function coroAwait(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!checkArgCount("__await__", nargs, 0, 0)) return NULL;
  const w = alloc(CORO_WRAPPER_SIZE);
  if (w == 0) return NULL;
  initHeader(w, typeObject(KIND_CORO_WRAPPER));
  incref(self);
  store<u32>(w + 8, <u32>self);
  return <u64>w;
}

/** For rt-dealloc: what a dead coroutine_wrapper holds. */
export function coroWrapperRelease(w: usize): void {
  decrefChild(<u64>load<u32>(w + 8));
}

function wrapped(self: Value): Value {
  return <u64>load<u32>(<usize>self + 8);
}
function wNext(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return genNextMethod(wrapped(self), args, nargs, kwnames);
}
function wSend(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return genSendMethod(wrapped(self), args, nargs, kwnames);
}
function wThrow(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return genThrowMethod(wrapped(self), args, nargs, kwnames);
}
function wClose(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return genCloseMethod(wrapped(self), args, nargs, kwnames);
}
function wIter(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  incref(self);
  return self;
}

export function registerCoroutineMethods(): void {
  const t = typeObject(KIND_COROUTINE);
  addMethod(t, "send", genSendMethod);
  addMethod(t, "throw", genThrowMethod);
  addMethod(t, "close", genCloseMethod);
  addMethod(t, "__await__", coroAwait);
  const w = typeObject(KIND_CORO_WRAPPER);
  addMethod(w, "__next__", wNext);
  addMethod(w, "__iter__", wIter);
  addMethod(w, "send", wSend);
  addMethod(w, "throw", wThrow);
  addMethod(w, "close", wClose);
}

// ---------------------------------------------------------------------------------------------------
// await

let awaitName: usize = 0;
let aiterName: usize = 0;
let anextName: usize = 0;
let aenterName: usize = 0;
let aexitName: usize = 0;
function names(): void {
  if (awaitName != 0) return;
  awaitName = strLiteral("__await__");
  aiterName = strLiteral("__aiter__");
  anextName = strLiteral("__anext__");
  aenterName = strLiteral("__aenter__");
  aexitName = strLiteral("__aexit__");
}

function isCoroutine(v: Value): bool {
  return isObject(v) && kindOf(<usize>v) == KIND_COROUTINE;
}

/** Whether v is a generator from a @types.coroutine function (awaitable as it is). */
function isIterableCoroutine(v: Value): bool {
  return isObject(v) && kindOf(<usize>v) == KIND_GENERATOR && (genFlags(<usize>v) & CO_ITERABLE_COROUTINE) != 0;
}

/** An iterator (new reference) for `await v`, or NULL: CPython's _PyCoro_GetAwaitableIter. */
export function awaitableIter(v: Value): Value {
  if (isCoroutine(v) || isIterableCoroutine(v)) {
    incref(v);
    return v;
  }
  names();
  const d = typeLookup(typeOf(v), awaitName);
  if (d == NULL || d == NONE) return NULL; // no TypeError yet: the caller words it
  const r = callMethod0(d, v);
  if (r == NULL) return NULL;
  if (isCoroutine(r) || isIterableCoroutine(r)) {
    decref(r);
    raiseMsg(EXC_TypeError, "__await__() returned a coroutine");
    return NULL;
  }
  if (!isIterator(r)) {
    raiseBegin(EXC_TypeError);
    errText("__await__() returned non-iterator of type '");
    errTypeName(r);
    errText("'");
    decref(r);
    return NULL;
  }
  return r;
}

function isIterator(v: Value): bool {
  return v != NULL && typeLookup(typeOf(v), N_NEXT) != NULL;
}

/** GET_AWAITABLE: TOS `v` → its awaitable iterator (new reference) or NULL. `where`: oparg. */
export function getAwaitable(v: Value, where: i32): Value {
  const it = awaitableIter(v);
  if (it == NULL) {
    if (errorType() == 0) {
      raiseBegin(EXC_TypeError);
      if (where == 1) errText("'async with' received an object from __aenter__ that does not implement __await__: ");
      else if (where == 2) errText("'async with' received an object from __aexit__ that does not implement __await__: ");
      else errText("object ");
      errTypeName(v);
      if (where != 1 && where != 2) errText(" can't be used in 'await' expression");
    }
    return NULL;
  }
  if (isCoroutine(it)) {
    const yf = genYieldFrom(<usize>it);
    if (yf != NULL) {
      decref(yf);
      decref(it);
      raiseMsg(EXC_RuntimeError, "coroutine is being awaited already");
      return NULL;
    }
  }
  return it;
}

/** GET_AITER: `async for` over v → v.__aiter__() (new reference) or NULL. */
export function getAIter(v: Value): Value {
  names();
  const d = typeLookup(typeOf(v), aiterName);
  if (d == NULL) {
    raiseBegin(EXC_TypeError);
    errText("'async for' requires an object with __aiter__ method, got ");
    errTypeName(v);
    return NULL;
  }
  const it = callMethod0(d, v);
  if (it == NULL) return NULL;
  if (typeLookup(typeOf(it), anextName) == NULL) {
    raiseBegin(EXC_TypeError);
    errText("'async for' received an object from __aiter__ that does not implement __anext__: ");
    errTypeName(it);
    decref(it);
    return NULL;
  }
  return it;
}

/** GET_ANEXT: the awaitable of aiter.__anext__() (new reference) or NULL. */
export function getANext(aiter: Value): Value {
  names();
  const d = typeLookup(typeOf(aiter), anextName);
  if (d == NULL) {
    raiseBegin(EXC_TypeError);
    errText("'async for' requires an iterator with __anext__ method, got ");
    errTypeName(aiter);
    return NULL;
  }
  const next = callMethod0(d, aiter);
  if (next == NULL) return NULL;
  const it = awaitableIter(next);
  if (it == NULL) {
    if (errorType() == 0) {
      raiseBegin(EXC_TypeError);
      errText("'async for' received an invalid object from __anext__: ");
      errTypeName(next);
    }
    decref(next);
    return NULL;
  }
  decref(next);
  return it;
}

/**
 * END_ASYNC_FOR: `exc` (owned) ends the loop when it is a StopAsyncIteration (returns true: the
 * caller pops the async iterator); otherwise it is raised again (returns false).
 */
export function endAsyncFor(exc: Value): bool {
  if (isException(exc) && isSubtype(typeOf(exc), excType(EXC_StopAsyncIteration))) {
    decref(exc);
    return true;
  }
  raiseObject(exc);
  return false;
}

/** BEFORE_ASYNC_WITH: the bound __aexit__ (asyncExitOut) and mgr.__aenter__()'s result. */
export let asyncExitOut: Value = NULL;
export function beforeAsyncWith(mgr: Value): Value {
  names();
  const t = typeOf(mgr);
  const enter = typeLookup(t, aenterName);
  const exit = enter == NULL ? NULL : typeLookup(t, aexitName);
  if (enter == NULL || exit == NULL) {
    raiseBegin(EXC_TypeError);
    errText("'");
    errTypeName(mgr);
    errText("' object does not support the asynchronous context manager protocol");
    return NULL;
  }
  const bound = bindMethod(exit, mgr);
  if (bound == NULL) return NULL;
  const r = callMethod0(enter, mgr);
  if (r == NULL) {
    decref(bound);
    return NULL;
  }
  asyncExitOut = bound;
  return r;
}

import { descrGet } from "./attributes";
function bindMethod(d: Value, self: Value): Value {
  return descrGet(d, self, <u64>typeOf(self));
}

import { errorType } from "./types";
import { N_NEXT } from "./names";
export { callDescr, free };
