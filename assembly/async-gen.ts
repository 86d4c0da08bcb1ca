/**
 * Async generators (PEP 525): an `async def` with `yield` (CO_ASYNC_GENERATOR) makes a generator
 * object (generator.ts layout and resumption) of type `async_generator` (KIND_ASYNC_GENERATOR),
 * 8 bytes longer (generator.ts genNew allocates AG_SIZE for it):
 *
 *   0 [ generator.ts fields ... ]  40 [ finalizer u32 (owned, 0: none) | state u32 (AG_*) ]  block 48
 *
 * `finalizer` is sys.set_asyncgen_hooks()'s finalizer as it was at the first __anext__/asend/
 * athrow/aclose (when firstiter is called); a dying unfinished generator is handed to it instead
 * of being closed.
 *
 * A resumption of its frame ends in a yield of one of two sorts: the body's own `yield v`
 * (compiled as ASYNC_GEN_WRAP; YIELD_VALUE), or a value an `await` inside the body passes through
 * to the event loop. CPython boxes the first sort in a wrapper object; here ASYNC_GEN_WRAP only
 * sets AG_WRAPPED on the frame's generator (cleared before every resumption made here), so no
 * allocation per yield.
 *
 * The awaitables its methods return:
 *   async_generator_asend  (__anext__, asend):  [ header ][ gen u32 | state u32 ][ sendval Value ]        block 24
 *   async_generator_athrow (athrow, aclose):    [ header ][ gen u32 | state u32 ][ args u32 (0: aclose) | 0 ] block 24
 *   anext_awaitable        (anext(it, default)): [ header ][ wrapped Value ][ default Value ]             block 24
 *
 * Step convention (asendStep, athrowStep): a Value with agStepDone false is yielded through to
 * whoever drives the awaitable; with agStepDone true the awaitable is finished with that value
 * (Python sees StopIteration(value)); NULL: an exception is pending.
 */
import { Value, NULL, NONE, isObject } from "./values";
import { alloc } from "./heap";
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
  errorType,
  errorClear,
  KIND_ASYNC_GENERATOR,
  KIND_ASYNC_GEN_ASEND,
  KIND_ASYNC_GEN_ATHROW,
  KIND_ANEXT_AWAITABLE,
  KIND_COROUTINE,
  KIND_GENERATOR,
  KIND_TUPLE,
  EXC_TypeError,
  EXC_RuntimeError,
  EXC_StopIteration,
  EXC_GeneratorExit,
} from "./types";
import { EXC_StopAsyncIteration } from "./exceptions.generated";
import { incref, decref, decrefChild } from "./refcount";
import { addMethod, arg, checkArgCount, noKeywords, NativeFn } from "./native";
import { F_GEN } from "./frame";
import {
  genSend,
  genThrow,
  genAttr,
  genYieldFrom,
  sendReturnedFlag,
  genNextMethod,
  genSendMethod,
  genThrowMethod,
  genCloseMethod,
  isExceptionLike,
  makeExceptionWithValue,
} from "./generator";
import { excNew, excNewWithArg, excType, pendingMatches, setStopIterationValue } from "./exceptions";
import { makeException } from "./excops";
import { strEqualLiteral } from "./str";
import { strLiteral } from "./names";
import { typeLookup } from "./typeobj";
import { callMethod0, objGetAttr, objCall } from "./ops";
import { awaitableIter } from "./coroutine";
import { EMPTY_TUPLE, tupleSize, tupleItem } from "./tuple";

export const AWAITABLE_SIZE: usize = 24;

const G_FRAME: usize = 8; // generator.ts
export const AG_SIZE: usize = 48;
const G_FINALIZER: usize = 40;
const G_AG: usize = 44;
const AG_CLOSED: u32 = 1; // finished or closing: athrow()/aclose() stop at once
const AG_RUNNING_ASYNC: u32 = 2; // an __anext__/asend/athrow awaitable is in progress (ag_running)
const AG_WRAPPED: u32 = 4; // the last yield was the body's own `yield`
const AG_HOOKS_INITED: u32 = 8; // the asyncgen hooks were consulted (first __anext__/asend/athrow/aclose)

const A_GEN: usize = 8;
const A_STATE: usize = 12;
const A_VAL: usize = 16; // asend: sendval; athrow: args tuple (0: aclose)
const STATE_INIT: u32 = 0;
const STATE_ITER: u32 = 1;
const STATE_CLOSED: u32 = 2;

// @ts-ignore: decorator
@inline function agHas(g: usize, bit: u32): bool {
  return (load<u32>(g + G_AG) & bit) != 0;
}
// @ts-ignore: decorator
@inline function agSet(g: usize, bit: u32): void {
  store<u32>(g + G_AG, load<u32>(g + G_AG) | bit);
}
// @ts-ignore: decorator
@inline function agClear(g: usize, bit: u32): void {
  store<u32>(g + G_AG, load<u32>(g + G_AG) & ~bit);
}

/** ASYNC_GEN_WRAP (eval.ts): the next yield of frame f is the async generator's own. */
export function asyncGenWrap(f: usize): void {
  const g = <usize>load<u32>(f + F_GEN);
  if (g != 0) agSet(g, AG_WRAPPED);
}

export let agStepDone = false;

// ---------------------------------------------------------------------------------------------------
// resuming the generator

/** A resumption's result as CPython's gen_send_ex gives it: a return becomes StopAsyncIteration. */
function settle(r: Value): Value {
  if (sendReturnedFlag()) {
    decref(r);
    raiseBegin(EXC_StopAsyncIteration);
    return NULL;
  }
  return r;
}

function sendTo(g: usize, v: Value): Value {
  agClear(g, AG_WRAPPED);
  return settle(genSend(g, v));
}

function throwInto(g: usize, exc: Value): Value {
  agClear(g, AG_WRAPPED);
  return settle(genThrow(g, exc));
}

/** CPython's async_gen_unwrap_value: an async yield finishes the awaitable (agStepDone). */
function unwrap(g: usize, r: Value): Value {
  agStepDone = false;
  if (r == NULL) {
    if (errorType() == 0) raiseBegin(EXC_StopAsyncIteration);
    if (pendingMatches(EXC_StopAsyncIteration) || pendingMatches(EXC_GeneratorExit)) agSet(g, AG_CLOSED);
    agClear(g, AG_RUNNING_ASYNC);
    return NULL;
  }
  if (agHas(g, AG_WRAPPED)) {
    agClear(g, AG_WRAPPED | AG_RUNNING_ASYNC);
    agStepDone = true;
  }
  return r;
}

/** Raises StopIteration carrying v (consumed); NULL. */
function raiseStopWith(v: Value): Value {
  if (v == NONE) {
    raiseBegin(EXC_StopIteration);
    return NULL;
  }
  incref(v);
  const e = excNewWithArg(EXC_StopIteration, v);
  decref(v);
  if (e == 0) return NULL;
  setStopIterationValue(e);
  raiseObject(<u64>e);
  return NULL;
}

/** A step's result for Python callers: a finished awaitable raises StopIteration(value). */
function finishStep(r: Value): Value {
  if (r != NULL && agStepDone) {
    agStepDone = false;
    return raiseStopWith(r);
  }
  return r;
}

/** gen.throw()'s arguments as an exception instance (new reference), or NULL. */
function throwArgs(fname: string, args: usize, nargs: i32): Value {
  if (!checkArgCount(fname, nargs, 1, 3)) return NULL;
  const t0 = arg(args, 0);
  if (!isExceptionLike(t0)) {
    raiseBegin(EXC_TypeError);
    errText("exceptions must be classes or instances deriving from BaseException, not ");
    errTypeName(t0);
    return NULL;
  }
  if (nargs >= 2 && arg(args, 1) != NONE) return makeExceptionWithValue(t0, arg(args, 1));
  return makeException(t0);
}

// ---------------------------------------------------------------------------------------------------
// the awaitables

function awaitableNew(kind: u32, g: usize, val: u64): Value {
  const o = alloc(AWAITABLE_SIZE);
  if (o == 0) return NULL;
  initHeader(o, typeObject(kind));
  incref(<u64>g);
  store<u32>(o + A_GEN, <u32>g);
  store<u64>(o + A_VAL, val);
  return <u64>o;
}

/** asend.send(arg) (arg NULL: __next__). */
export function asendStep(o: usize, a: Value): Value {
  agStepDone = false;
  const g = <usize>load<u32>(o + A_GEN);
  if (g == 0 || load<u32>(o + A_STATE) == STATE_CLOSED) {
    raiseMsg(EXC_RuntimeError, "cannot reuse already awaited __anext__()/asend()");
    return NULL;
  }
  if (load<u32>(o + A_STATE) == STATE_INIT) {
    if (agHas(g, AG_RUNNING_ASYNC)) {
      raiseMsg(EXC_RuntimeError, "anext(): asynchronous generator is already running");
      return NULL;
    }
    if (a == NULL || a == NONE) a = load<u64>(o + A_VAL);
    store<u32>(o + A_STATE, STATE_ITER);
  }
  agSet(g, AG_RUNNING_ASYNC);
  const r = unwrap(g, sendTo(g, a == NULL ? NONE : a));
  if (r == NULL || agStepDone) store<u32>(o + A_STATE, STATE_CLOSED);
  return r;
}

function asendThrowStep(o: usize, exc: Value): Value {
  agStepDone = false;
  const g = <usize>load<u32>(o + A_GEN);
  if (g == 0 || load<u32>(o + A_STATE) == STATE_CLOSED) {
    raiseMsg(EXC_RuntimeError, "cannot reuse already awaited __anext__()/asend()");
    return NULL;
  }
  const r = unwrap(g, throwInto(g, exc));
  if (r == NULL || agStepDone) store<u32>(o + A_STATE, STATE_CLOSED);
  return r;
}

function reuseAthrow(): Value {
  raiseMsg(EXC_RuntimeError, "cannot reuse already awaited aclose()/athrow()");
  return NULL;
}

/** The exception athrow()'s arguments make (new reference), or NULL. */
function athrowException(o: usize): Value {
  const t = <usize>load<u32>(o + A_VAL);
  const n = <i32>tupleSize(t);
  const buf = t + 16;
  return throwArgs("athrow", buf, n);
}

/** The end of an athrow/aclose awaitable: aclose() absorbs StopAsyncIteration and GeneratorExit. */
function athrowCheckError(o: usize, g: usize): Value {
  agClear(g, AG_RUNNING_ASYNC);
  store<u32>(o + A_STATE, STATE_CLOSED);
  if (load<u32>(o + A_VAL) == 0 && (pendingMatches(EXC_StopAsyncIteration) || pendingMatches(EXC_GeneratorExit))) {
    errorClear();
    agStepDone = true;
    return NONE;
  }
  return NULL;
}

function athrowIgnoredExit(o: usize, g: usize, r: Value): Value {
  decref(r);
  agClear(g, AG_RUNNING_ASYNC);
  store<u32>(o + A_STATE, STATE_CLOSED);
  raiseMsg(EXC_RuntimeError, "async generator ignored GeneratorExit");
  return NULL;
}

/** athrow.send(arg) (also __next__ with arg None). */
export function athrowStep(o: usize, a: Value): Value {
  agStepDone = false;
  const g = <usize>load<u32>(o + A_GEN);
  if (g == 0 || load<u32>(o + A_STATE) == STATE_CLOSED) return reuseAthrow();
  const aclose = load<u32>(o + A_VAL) == 0;
  if (load<u32>(g + G_FRAME) == 0) {
    // The generator has finished: the awaitable is done at once.
    store<u32>(o + A_STATE, STATE_CLOSED);
    agStepDone = true;
    return NONE;
  }
  if (load<u32>(o + A_STATE) == STATE_INIT) {
    if (agHas(g, AG_RUNNING_ASYNC)) {
      store<u32>(o + A_STATE, STATE_CLOSED);
      raiseMsg(EXC_RuntimeError, aclose ? "aclose(): asynchronous generator is already running" : "athrow(): asynchronous generator is already running");
      return NULL;
    }
    if (agHas(g, AG_CLOSED)) {
      store<u32>(o + A_STATE, STATE_CLOSED);
      raiseBegin(EXC_StopAsyncIteration);
      return NULL;
    }
    if (a != NONE) {
      raiseMsg(EXC_RuntimeError, "can't send non-None value to a just-started coroutine");
      return NULL;
    }
    store<u32>(o + A_STATE, STATE_ITER);
    agSet(g, AG_RUNNING_ASYNC);
    let r: Value;
    if (aclose) {
      agSet(g, AG_CLOSED);
      const exc = <u64>excNew(excType(EXC_GeneratorExit), EMPTY_TUPLE);
      if (exc == NULL) return athrowCheckError(o, g);
      r = throwInto(g, exc);
      decref(exc);
      if (r != NULL && agHas(g, AG_WRAPPED)) return athrowIgnoredExit(o, g, r);
    } else {
      // CPython unpacks the arguments after marking the generator running and leaves it so
      // when their count is wrong: later awaitables then see it "already running".
      const n = <i32>tupleSize(<usize>load<u32>(o + A_VAL));
      if (!checkArgCount("athrow", n, 1, 3)) return NULL;
      const exc = athrowException(o);
      if (exc == NULL) {
        r = unwrap(g, NULL);
      } else {
        r = unwrap(g, throwInto(g, exc));
        decref(exc);
      }
    }
    if (r == NULL) return athrowCheckError(o, g);
    if (agStepDone) {
      // an async yield in answer to athrow(): the awaitable is finished with its value
      agClear(g, AG_RUNNING_ASYNC);
      store<u32>(o + A_STATE, STATE_CLOSED);
    }
    return r;
  }
  const r = sendTo(g, a);
  if (!aclose) return unwrap(g, r);
  if (r == NULL) return athrowCheckError(o, g);
  if (agHas(g, AG_WRAPPED)) return athrowIgnoredExit(o, g, r);
  return r;
}

function athrowThrowStep(o: usize, exc: Value): Value {
  agStepDone = false;
  const g = <usize>load<u32>(o + A_GEN);
  if (g == 0 || load<u32>(o + A_STATE) == STATE_CLOSED) return reuseAthrow();
  const r = throwInto(g, exc);
  if (load<u32>(o + A_VAL) != 0) return unwrap(g, r);
  if (r != NULL && agHas(g, AG_WRAPPED)) return athrowIgnoredExit(o, g, r);
  if (r == NULL && (pendingMatches(EXC_StopAsyncIteration) || pendingMatches(EXC_GeneratorExit))) {
    errorClear();
    agStepDone = true;
    return NONE;
  }
  return r;
}

/** SEND on an asend/athrow awaitable (ops.ts sendValue): agStepDone says it finished. */
export function agAwaitableSend(o: usize, v: Value): Value {
  return kindOf(o) == KIND_ASYNC_GEN_ASEND ? asendStep(o, v) : athrowStep(o, v);
}

/** next() of an asend/athrow/anext_awaitable (collections.ts builtinIterNext). */
export function agAwaitableNext(o: usize): Value {
  const k = kindOf(o);
  if (k == KIND_ASYNC_GEN_ASEND) return finishStep(asendStep(o, NULL));
  if (k == KIND_ASYNC_GEN_ATHROW) return finishStep(athrowStep(o, NONE));
  return anextProxy(o, 0, 0, 0);
}

export function isAgAwaitable(k: u32): bool {
  return k == KIND_ASYNC_GEN_ASEND || k == KIND_ASYNC_GEN_ATHROW || k == KIND_ANEXT_AWAITABLE;
}

// ---------------------------------------------------------------------------------------------------
// Python-level methods

function selfMethod(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  incref(self);
  return self;
}

function asendNext(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return finishStep(asendStep(<usize>self, NULL));
}
function asendSend(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("send", kwnames) || !checkArgCount("send", nargs, 1, 1)) return NULL;
  return finishStep(asendStep(<usize>self, arg(args, 0)));
}
function asendThrow(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("throw", kwnames)) return NULL;
  const o = <usize>self;
  if (load<u32>(o + A_STATE) == STATE_CLOSED) {
    raiseMsg(EXC_RuntimeError, "cannot reuse already awaited __anext__()/asend()");
    return NULL;
  }
  const exc = throwArgs("throw", args, nargs);
  if (exc == NULL) return NULL;
  const r = asendThrowStep(o, exc);
  decref(exc);
  return finishStep(r);
}
function awaitableClose(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!checkArgCount("close", nargs, 0, 0)) return NULL;
  store<u32>(<usize>self + A_STATE, STATE_CLOSED);
  return NONE;
}

function athrowNext(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return finishStep(athrowStep(<usize>self, NONE));
}
function athrowSend(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("send", kwnames) || !checkArgCount("send", nargs, 1, 1)) return NULL;
  return finishStep(athrowStep(<usize>self, arg(args, 0)));
}
function athrowThrow(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("throw", kwnames)) return NULL;
  const o = <usize>self;
  if (load<u32>(o + A_STATE) == STATE_CLOSED) return reuseAthrow();
  const exc = throwArgs("throw", args, nargs);
  if (exc == NULL) return NULL;
  const r = athrowThrowStep(o, exc);
  decref(exc);
  return finishStep(r);
}

// async_generator methods
function agAiter(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!checkArgCount("__aiter__", nargs, 0, 0)) return NULL;
  incref(self);
  return self;
}
function agAnext(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!checkArgCount("__anext__", nargs, 0, 0) || !initHooks(<usize>self)) return NULL;
  return awaitableNew(KIND_ASYNC_GEN_ASEND, <usize>self, NONE);
}
function agAsend(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("asend", kwnames) || !checkArgCount("asend", nargs, 1, 1) || !initHooks(<usize>self)) return NULL;
  const v = arg(args, 0);
  incref(v);
  const o = awaitableNew(KIND_ASYNC_GEN_ASEND, <usize>self, v);
  if (o == NULL) decref(v);
  return o;
}
function agAthrow(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("athrow", kwnames) || !initHooks(<usize>self)) return NULL;
  // the arguments are checked when the awaitable runs, as CPython does
  const t = tupleFromArgs(args, nargs);
  if (t == 0) return NULL;
  const o = awaitableNew(KIND_ASYNC_GEN_ATHROW, <usize>self, <u64>t);
  if (o == NULL) decref(<u64>t);
  return o;
}
function agAclose(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!checkArgCount("aclose", nargs, 0, 0) || !initHooks(<usize>self)) return NULL;
  return awaitableNew(KIND_ASYNC_GEN_ATHROW, <usize>self, 0);
}

import { tupleAlloc, tupleSetItem } from "./tuple";
function tupleFromArgs(args: usize, n: i32): usize {
  if (n == 0) {
    incref(<u64>EMPTY_TUPLE);
    return EMPTY_TUPLE;
  }
  const t = tupleAlloc(<u32>n);
  if (t == 0) return 0;
  for (let i = 0; i < n; i++) {
    const v = arg(args, i);
    incref(v);
    tupleSetItem(t, <u32>i, v);
  }
  return t;
}

// ---------------------------------------------------------------------------------------------------
// anext(aiterator, default): the anext_awaitable proxy

const MODE_NEXT = 0;
const MODE_SEND = 1;
const MODE_THROW = 2;
const MODE_CLOSE = 3;

let proxyNames: usize = 0;
function proxyName(mode: i32): usize {
  if (proxyNames == 0) {
    proxyNames = alloc(16);
    store<u32>(proxyNames, <u32>strLiteral("__next__"));
    store<u32>(proxyNames + 4, <u32>strLiteral("send"));
    store<u32>(proxyNames + 8, <u32>strLiteral("throw"));
    store<u32>(proxyNames + 12, <u32>strLiteral("close"));
  }
  return <usize>load<u32>(proxyNames + (<usize>mode << 2));
}

/** Forwards one call to the wrapped awaitable's iterator; StopAsyncIteration becomes StopIteration(default). */
function anextProxy(o: usize, mode: i32, args: usize, nargs: i32): Value {
  const w = load<u64>(o + 8);
  let r: Value;
  if (isObject(w) && (kindOf(<usize>w) == KIND_ASYNC_GEN_ASEND || kindOf(<usize>w) == KIND_ASYNC_GEN_ATHROW)) {
    r = callAwaitable(w, mode, args, nargs);
  } else {
    // CPython's _PyCoro_GetAwaitableIter (no "being awaited already" check: each call resumes it)
    const it = awaitableIter(w);
    if (it == NULL) {
      if (errorType() == 0) {
        raiseBegin(EXC_TypeError);
        errText("object ");
        errTypeName(w);
        errText(" can't be used in 'await' expression");
      }
      return NULL;
    }
    r = callAwaitable(it, mode, args, nargs);
    decref(it);
  }
  if (r == NULL && pendingMatches(EXC_StopAsyncIteration)) {
    errorClear();
    const d = load<u64>(o + 16);
    incref(d); // raiseStopWith consumes it
    return raiseStopWith(d);
  }
  return r;
}

function callAwaitable(it: Value, mode: i32, args: usize, nargs: i32): Value {
  const k = isObject(it) ? kindOf(<usize>it) : 0;
  if (k == KIND_ASYNC_GEN_ASEND) {
    if (mode == MODE_NEXT) return asendNext(it, args, nargs, 0);
    if (mode == MODE_SEND) return asendSend(it, args, nargs, 0);
    if (mode == MODE_THROW) return asendThrow(it, args, nargs, 0);
    return awaitableClose(it, args, nargs, 0);
  }
  if (k == KIND_ASYNC_GEN_ATHROW) {
    if (mode == MODE_NEXT) return athrowNext(it, args, nargs, 0);
    if (mode == MODE_SEND) return athrowSend(it, args, nargs, 0);
    if (mode == MODE_THROW) return athrowThrow(it, args, nargs, 0);
    return awaitableClose(it, args, nargs, 0);
  }
  if (k == KIND_COROUTINE || k == KIND_GENERATOR) {
    if (mode == MODE_NEXT) return genNextMethod(it, args, nargs, 0);
    if (mode == MODE_SEND) return genSendMethod(it, args, nargs, 0);
    if (mode == MODE_THROW) return genThrowMethod(it, args, nargs, 0);
    return genCloseMethod(it, args, nargs, 0);
  }
  const m = objGetAttr(it, proxyName(mode));
  if (m == NULL) return NULL;
  const r = objCall(m, args, nargs, 0);
  decref(m);
  return r;
}

function anextNext(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return anextProxy(<usize>self, MODE_NEXT, 0, 0);
}
function anextSend(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("send", kwnames) || !checkArgCount("send", nargs, 1, 1)) return NULL;
  return anextProxy(<usize>self, MODE_SEND, args, nargs);
}
function anextThrow(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("throw", kwnames)) return NULL;
  return anextProxy(<usize>self, MODE_THROW, args, nargs);
}
function anextClose(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("close", kwnames)) return NULL;
  return anextProxy(<usize>self, MODE_CLOSE, args, nargs);
}

// ---------------------------------------------------------------------------------------------------
// builtins aiter() and anext()

let aiterName: usize = 0;
let anextName: usize = 0;
function names(): void {
  if (aiterName != 0) return;
  aiterName = strLiteral("__aiter__");
  anextName = strLiteral("__anext__");
}

function builtinAiter(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("aiter", kwnames) || !checkArgCount("aiter", nargs, 1, 1)) return NULL;
  names();
  const o = arg(args, 0);
  const d = typeLookup(typeOf(o), aiterName);
  if (d == NULL || d == NONE) {
    raiseBegin(EXC_TypeError);
    errText("'");
    errTypeName(o);
    errText("' object is not an async iterable");
    return NULL;
  }
  const it = callMethod0(d, o);
  if (it == NULL) return NULL;
  if (typeLookup(typeOf(it), anextName) == NULL) {
    raiseBegin(EXC_TypeError);
    errText("aiter() returned not an async iterator of type '");
    errTypeName(it);
    errText("'");
    decref(it);
    return NULL;
  }
  return it;
}

function builtinAnext(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("anext", kwnames) || !checkArgCount("anext", nargs, 1, 2)) return NULL;
  names();
  const o = arg(args, 0);
  const d = typeLookup(typeOf(o), anextName);
  if (d == NULL || d == NONE) {
    raiseBegin(EXC_TypeError);
    errText("'");
    errTypeName(o);
    errText("' object is not an async iterator");
    return NULL;
  }
  const aw = callMethod0(d, o);
  if (aw == NULL || nargs == 1) return aw;
  const p = alloc(AWAITABLE_SIZE);
  if (p == 0) {
    decref(aw);
    return NULL;
  }
  initHeader(p, typeObject(KIND_ANEXT_AWAITABLE));
  store<u64>(p + 8, aw);
  const dflt = arg(args, 1);
  incref(dflt);
  store<u64>(p + 16, dflt);
  return <u64>p;
}

import { moduleAddFunction } from "./function";
import { initUnawaited } from "./unawaited";
/** builtins.ts initBuiltins: aiter and anext. */
export function addAsyncBuiltins(d: usize): void {
  moduleAddFunction(d, "aiter", builtinAiter);
  moduleAddFunction(d, "anext", builtinAnext);
}

// ---------------------------------------------------------------------------------------------------
// attributes, registration, release

const AG_NAMES: usize = memory.data(4 * 4, 4);
function giName(i: i32): usize {
  const at = AG_NAMES + (<usize>i << 2);
  let s = <usize>load<u32>(at);
  if (s == 0) {
    s = strLiteral(i == 0 ? "gi_frame" : i == 1 ? "gi_code" : "gi_yieldfrom");
    store<u32>(at, <u32>s);
  }
  return s;
}

/** ag_running, ag_frame, ag_code, ag_await, __name__, __qualname__ (NULL: not one of them). */
export function asyncGenAttr(g: usize, name: usize): Value {
  if (strEqualLiteral(name, "ag_running")) return agHas(g, AG_RUNNING_ASYNC) ? 0x12 : 0x0a;
  if (strEqualLiteral(name, "ag_frame")) return genAttr(g, giName(0));
  if (strEqualLiteral(name, "ag_code")) return genAttr(g, giName(1));
  if (strEqualLiteral(name, "ag_await")) return genAttr(g, giName(2));
  if (strEqualLiteral(name, "__name__") || strEqualLiteral(name, "__qualname__")) return genAttr(g, name);
  return NULL;
}

function add3(t: usize, next: NativeFn, send: NativeFn, thr: NativeFn, close: NativeFn): void {
  addMethod(t, "__await__", selfMethod);
  addMethod(t, "__iter__", selfMethod);
  addMethod(t, "__next__", next);
  addMethod(t, "send", send);
  addMethod(t, "throw", thr);
  addMethod(t, "close", close);
}

export function registerAsyncGenMethods(): void {
  // names made at start-up (strLiteral cannot fail then)
  initUnawaited();
  names();
  proxyName(0);
  for (let i = 0; i < 3; i++) giName(i);
  const t = typeObject(KIND_ASYNC_GENERATOR);
  addMethod(t, "__aiter__", agAiter);
  addMethod(t, "__anext__", agAnext);
  addMethod(t, "asend", agAsend);
  addMethod(t, "athrow", agAthrow);
  addMethod(t, "aclose", agAclose);
  add3(typeObject(KIND_ASYNC_GEN_ASEND), asendNext, asendSend, asendThrow, awaitableClose);
  add3(typeObject(KIND_ASYNC_GEN_ATHROW), athrowNext, athrowSend, athrowThrow, awaitableClose);
  add3(typeObject(KIND_ANEXT_AWAITABLE), anextNext, anextSend, anextThrow, anextClose);
}

/** rt-dealloc.ts: what a dead asend/athrow/anext_awaitable holds (fields may be 0 after a GC clear). */
export function agAwaitableRelease(o: usize): void {
  if (kindOf(o) == KIND_ANEXT_AWAITABLE) {
    decrefChild(load<u64>(o + 8));
    decrefChild(load<u64>(o + 16));
    return;
  }
  decrefChild(<u64>load<u32>(o + A_GEN));
  if (kindOf(o) == KIND_ASYNC_GEN_ASEND) decrefChild(load<u64>(o + A_VAL));
  else decrefChild(<u64>load<u32>(o + A_VAL));
}

/** gc-traverse.ts: the references agAwaitableRelease drops. */
export function agAwaitableTraverse(o: usize, visit: (v: Value) => void): void {
  if (kindOf(o) == KIND_ANEXT_AWAITABLE) {
    const w = load<u64>(o + 8);
    if (w != NULL) visit(w);
    const d = load<u64>(o + 16);
    if (d != NULL) visit(d);
    return;
  }
  const g = load<u32>(o + A_GEN);
  if (g != 0) visit(<u64>g);
  const v = kindOf(o) == KIND_ASYNC_GEN_ASEND ? load<u64>(o + A_VAL) : <u64>load<u32>(o + A_VAL);
  if (v != NULL) visit(v);
}

/** gc-traverse.ts clear: drops the references (an awaitable left without its generator is closed). */
export function agAwaitableClear(o: usize): void {
  if (kindOf(o) == KIND_ANEXT_AWAITABLE) {
    const w = load<u64>(o + 8);
    const d = load<u64>(o + 16);
    store<u64>(o + 8, NONE);
    store<u64>(o + 16, NONE);
    decref(w);
    decref(d);
    return;
  }
  const g = load<u32>(o + A_GEN);
  store<u32>(o + A_GEN, 0);
  store<u32>(o + A_STATE, STATE_CLOSED);
  if (kindOf(o) == KIND_ASYNC_GEN_ASEND) {
    const v = load<u64>(o + A_VAL);
    store<u64>(o + A_VAL, NONE);
    decref(v);
  }
  // athrow's args tuple holds no container that could lead back here unless its items do:
  // a tuple is tracked on its own, so it is left for the dealloc.
  if (g != 0) decref(<u64>g);
}

export { KIND_TUPLE, tupleItem, genYieldFrom };

// ---------------------------------------------------------------------------------------------------
// sys.set_asyncgen_hooks / get_asyncgen_hooks

let hookFirstiter: Value = NULL; // owned, NULL: not set
let hookFinalizer: Value = NULL;
let hooksType: usize = 0;

/** CPython's async_gen_init_hooks: once per generator, take the finalizer and call firstiter. */
function initHooks(g: usize): bool {
  if (agHas(g, AG_HOOKS_INITED)) return true;
  agSet(g, AG_HOOKS_INITED);
  if (hookFinalizer != NULL) {
    incref(hookFinalizer);
    store<u32>(g + G_FINALIZER, <u32>hookFinalizer);
  }
  if (hookFirstiter == NULL) return true;
  const f = hookFirstiter;
  incref(f);
  const buf = alloc(8);
  if (buf == 0) {
    decref(f);
    return false;
  }
  store<u64>(buf, <u64>g);
  const r = objCall(f, buf, 1, 0);
  free(buf, 8);
  decref(f);
  if (r == NULL) return false;
  decref(r);
  return true;
}

/** rt-dealloc.ts: what a dead async generator holds beyond a generator's fields. */
export function asyncGenRelease(g: usize): void {
  const f = load<u32>(g + G_FINALIZER);
  store<u32>(g + G_FINALIZER, 0);
  if (f != 0) decrefChild(<u64>f);
}

/**
 * finalize.ts: a dying unfinished async generator with a finalizer hook is passed to it (true);
 * false: close it as a generator. Errors from the hook are dropped (CPython: unraisable).
 */
export function asyncGenFinalize(g: usize): bool {
  const f = <u64>load<u32>(g + G_FINALIZER);
  if (f == NULL || agHas(g, AG_CLOSED) || load<u32>(g + G_FRAME) == 0) return false;
  incref(f);
  const buf = alloc(8);
  if (buf != 0) {
    store<u64>(buf, <u64>g);
    const r = objCall(f, buf, 1, 0);
    free(buf, 8);
    if (r == NULL) errorClear();
    else decref(r);
  }
  decref(f);
  return true;
}

import { isCallable as isCallableValue } from "./ops";
function hookArg(v: Value, which: string): bool {
  if (v == NONE || isCallableValue(v)) return true;
  raiseBegin(EXC_TypeError);
  errText("callable ");
  errText(which);
  errText(" expected, got ");
  errTypeName(v);
  return false;
}

// sys.set_asyncgen_hooks([firstiter] [, finalizer])
function setAsyncgenHooks(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  let first: Value = NULL;
  let fin: Value = NULL;
  const nkw = kwnames == 0 ? 0 : <i32>tupleSize(kwnames);
  if (nargs > 2) {
    raiseBegin(EXC_TypeError);
    errText("set_asyncgen_hooks() takes at most 2 arguments (");
    errInt(nargs + nkw);
    errText(" given)");
    return NULL;
  }
  if (nargs > 0) first = arg(args, 0);
  if (nargs > 1) fin = arg(args, 1);
  for (let i = 0; i < nkw; i++) {
    const name = <usize>tupleItem(kwnames, <usize>i);
    const v = arg(args, nargs + i);
    if (strEqualLiteral(name, "firstiter") && nargs < 1) first = v;
    else if (strEqualLiteral(name, "finalizer") && nargs < 2) fin = v;
    else {
      raiseBegin(EXC_TypeError);
      if (strEqualLiteral(name, "firstiter") || strEqualLiteral(name, "finalizer")) {
        errText("argument for set_asyncgen_hooks() given by name ('");
        errStrObject(name);
        errText("') and position (");
        errInt(strEqualLiteral(name, "firstiter") ? 1 : 2);
        errText(")");
      } else {
        errText("'");
        errStrObject(name);
        errText("' is an invalid keyword argument for set_asyncgen_hooks()");
      }
      return NULL;
    }
  }
  if (fin != NULL && !hookArg(fin, "finalizer")) return NULL;
  if (first != NULL && !hookArg(first, "firstiter")) return NULL;
  if (fin != NULL) hookFinalizer = swapHook(hookFinalizer, fin);
  if (first != NULL) hookFirstiter = swapHook(hookFirstiter, first);
  return NONE;
}

function swapHook(old: Value, v: Value): Value {
  const nv = v == NONE ? NULL : v;
  if (nv != NULL) incref(nv);
  if (old != NULL) decref(old);
  return nv;
}

// sys.get_asyncgen_hooks()
function getAsyncgenHooks(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!checkArgCount("get_asyncgen_hooks", nargs, 0, 0)) return NULL;
  const t = structseqNew(hooksType, 2);
  if (t == 0) return NULL;
  const a = hookFirstiter == NULL ? NONE : hookFirstiter;
  const b = hookFinalizer == NULL ? NONE : hookFinalizer;
  incref(a);
  incref(b);
  tupleSetItem(t, 0, a);
  tupleSetItem(t, 1, b);
  return <u64>t;
}

import { structseqNewType, structseqNew } from "./structseq";
import { T_MODULE } from "./typeobj";
import { errInt, errStrObject } from "./types";
import { free } from "./heap";
/** mod-sys.ts initSys: set_asyncgen_hooks, get_asyncgen_hooks (and their struct sequence type). */
export function addAsyncgenHooks(d: usize): void {
  hooksType = structseqNewType("builtins", "asyncgen_hooks", ["firstiter", "finalizer"]);
  store<u32>(hooksType + T_MODULE, 0); // its repr is "asyncgen_hooks(...)", without a module
  moduleAddFunction(d, "set_asyncgen_hooks", setAsyncgenHooks);
  moduleAddFunction(d, "get_asyncgen_hooks", getAsyncgenHooks);
}
