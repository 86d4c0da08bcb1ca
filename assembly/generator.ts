/**
 * Generators: a generator object owns a frame (FRAME_GENERATOR) that the eval loop runs as the
 * bottom of a nested evaluation on each resumption (send/next/throw) and leaves when it yields.
 *
 *   0 [ header ]  8 [ frame u32 (0 once finished) | code u32 ]  16 [ name u32 | qualname u32 ]
 *  24 [ running u32 | started u32 ]  32 [ flags u32 (co_flags) | exc u32 ]      block 40
 *
 * `exc` (owned, 0 = none) is the exception of the except/finally block the generator is suspended
 * in (CPython's gi_exc_state): put back as eval.ts's excInfo on resumption, set aside at yield.
 *
 * Generator functions start here (eval.ts framePrepare) instead of running: the frame's first
 * resumption executes the prologue (MAKE_CELL, COPY_FREE_VARS) and RETURN_GENERATOR, which then
 * only lets execution go on; the value sent in is popped by the POP_TOP that follows it.
 */
import { Value, NULL, NONE, isObject } from "./values";
import { alloc, free } from "./heap";
import { initHeader } from "./object";
import {
  typeObject,
  kindOf,
  typeOf,
  raiseMsg,
  raiseBegin,
  raiseObject,
  errText,
  errorType,
  errorObject,
  errorClear,
  ERR_OBJECT,
  KIND_GENERATOR,
  EXC_StopIteration,
  EXC_RuntimeError,
  EXC_TypeError,
  EXC_ValueError,
  EXC_GeneratorExit,
} from "./types";
import { incref, decref, decrefChild } from "./refcount";
import { CodeObject } from "./code";
import { F_SP, F_FLAGS, F_CODE, F_GEN, FRAME_ENTRY, FRAME_GENERATOR, FRAME_DONE, frameFree } from "./frame";
import { evalFrame, yielded, setThrowOnEntry, excInfo, setExcInfo } from "./eval";
import { excNew, excNewWithArg, excType, fetchException, EX_CAUSE, EX_CONTEXT, EX_SUPPRESS } from "./exceptions";
import { isSubtype } from "./typeobj";
import { strEqualLiteral } from "./str";
import { EMPTY_TUPLE } from "./tuple";
import { addMethod, NativeFn, arg, checkArgCount, noKeywords } from "./native";
import { makeException } from "./excops";
import { frameObjectNew, frameObjectSetLocals } from "./frameobj";
import { lineOf } from "./traceback";
import { F_HERE, F_IP } from "./frame";
import { genNestingAdd } from "./recursion";

export const GEN_SIZE: usize = 40;
const G_FRAME: usize = 8;
const G_CODE: usize = 12;
const G_NAME: usize = 16;
const G_QUALNAME: usize = 20;
const G_RUNNING: usize = 24;
const G_STARTED: usize = 28;
const G_FLAGS: usize = 32;
const G_EXC: usize = 36;

export function genNew(frame: usize, func: usize, flags: i32): usize {
  const g = alloc((flags & CO_ASYNC_GENERATOR_FLAG) != 0 ? GEN_SIZE + 8 : GEN_SIZE); // async-gen.ts AG_SIZE
  if (g == 0) return 0;
  initHeader(g, typeObject((flags & CO_COROUTINE_FLAG) != 0 ? KIND_COROUTINE : (flags & CO_ASYNC_GENERATOR_FLAG) != 0 ? KIND_ASYNC_GENERATOR : KIND_GENERATOR));
  const code = <usize>load<u32>(frame + F_CODE);
  const c = changetype<CodeObject>(code);
  incref(<u64>code);
  incref(<u64>c.name);
  incref(<u64>c.qualname);
  store<u32>(g + G_FRAME, <u32>frame);
  store<u32>(g + G_CODE, <u32>code);
  store<u32>(g + G_NAME, c.name);
  store<u32>(g + G_QUALNAME, c.qualname);
  store<u32>(g + G_FLAGS, <u32>flags);
  store<u32>(frame + F_FLAGS, FRAME_GENERATOR | FRAME_ENTRY);
  store<u32>(frame + F_GEN, <u32>g);
  return g;
}

/** For refcount.ts: releases what a dead generator holds (its frame, names). */
export function genRelease(g: usize): void {
  const f = <usize>load<u32>(g + G_FRAME);
  if (f != 0) frameFree(f);
  decrefChild(<u64>load<u32>(g + G_CODE));
  decrefChild(<u64>load<u32>(g + G_NAME));
  decrefChild(<u64>load<u32>(g + G_QUALNAME));
  decrefChild(<u64>load<u32>(g + G_EXC));
}

/** Whether the generator has a frame that has started and not finished (needs close() when dropped). */
export function genNeedsClose(g: usize): bool {
  return load<u32>(g + G_FRAME) != 0 && load<u32>(g + G_STARTED) != 0;
}

let returnedFlag = false;
/** After genSend: true when the generator returned (the result is its return value). */
export function sendReturnedFlag(): bool {
  return returnedFlag;
}

/** Finishes the generator: releases its frame. */
function finish(g: usize): void {
  const f = <usize>load<u32>(g + G_FRAME);
  if (f != 0) {
    store<u32>(g + G_FRAME, 0);
    frameFree(f);
  }
}

/**
 * Resumes the generator with `value` (or, when `exc` is set, raising `exc` at the yield). Returns
 * the yielded value (returnedFlag false), the return value (returnedFlag true), or NULL with an
 * exception (returnedFlag false). An exhausted generator returns NULL with no exception and
 * returnedFlag true (the callers raise StopIteration where Python does).
 */
function resume(g: usize, value: Value, exc: Value): Value {
  returnedFlag = false;
  const coro = kindOf(g) == KIND_COROUTINE;
  const agen = kindOf(g) == KIND_ASYNC_GENERATOR;
  if (load<u32>(g + G_RUNNING) != 0) {
    raiseMsg(EXC_ValueError, coro ? "coroutine already executing" : agen ? "async generator already executing" : "generator already executing");
    return NULL;
  }
  const f = <usize>load<u32>(g + G_FRAME);
  if (f == 0) {
    if (coro && !closingFlag) {
      raiseMsg(EXC_RuntimeError, "cannot reuse already awaited coroutine");
      return NULL;
    }
    if (exc != NULL) {
      incref(exc);
      raiseObject(exc);
      return NULL;
    }
    returnedFlag = true;
    return NULL;
  }
  if (exc == NULL) {
    if (load<u32>(g + G_STARTED) == 0 && value != NONE) {
      raiseMsg(EXC_TypeError, coro ? "can't send non-None value to a just-started coroutine" : agen ? "can't send non-None value to a just-started async generator" : "can't send non-None value to a just-started generator");
      return NULL;
    }
    // The sent value becomes the result of the yield expression (or is popped after RETURN_GENERATOR).
    const sp = <usize>load<u32>(f + F_SP);
    incref(value);
    store<u64>(sp, value);
    store<u32>(f + F_SP, <u32>(sp + 8));
  } else {
    incref(exc);
    raiseObject(exc);
    setThrowOnEntry();
  }
  store<u32>(g + G_STARTED, 1);
  store<u32>(g + G_RUNNING, 1);
  incref(<u64>g); // the generator must outlive its own evaluation
  genNestingAdd(1);
  const callerExc = enterExcState(g);
  const r = evalFrame(f);
  const suspended = r != NULL && yielded;
  leaveExcState(g, callerExc, suspended);
  genNestingAdd(-1);
  store<u32>(g + G_RUNNING, 0);
  // Nested generators ran in between and left their own flag: set ours now.
  returnedFlag = false;
  if (suspended) {
    decref(<u64>g);
    return r;
  }
  finish(g);
  decref(<u64>g);
  if (r != NULL) {
    returnedFlag = true;
    return r;
  }
  // PEP 479: a StopIteration escaping the generator's body becomes a RuntimeError (and, in an
  // async generator, a StopAsyncIteration too).
  const stopAsync = agen && pendingIs(EXC_StopAsyncIteration);
  if (stopAsync || pendingIs(EXC_StopIteration)) {
    const e = fetchException();
    const re = excNewWithArg(EXC_RuntimeError, <u64>(agen ? asyncGenRaisedMessage(stopAsync) : genMessage(coro)));
    if (re != 0) {
      store<u32>(re + EX_CAUSE, <u32>e);
      incref(e);
      store<u32>(re + EX_CONTEXT, <u32>e);
      store<u32>(re + EX_SUPPRESS, 1);
      raiseObject(<u64>re);
    } else {
      decref(e);
    }
  }
  return NULL;
}

/**
 * The handled exception while a generator runs: its own (suspended in an except/finally block), or
 * else the caller's, which it sees as sys.exc_info() and chains to (CPython's topmost exc_info).
 * Returns the caller's, owned, for leaveExcState.
 */
function enterExcState(g: usize): Value {
  const callerExc = excInfo;
  incref(callerExc);
  const own = <u64>load<u32>(g + G_EXC);
  if (own != NULL) {
    store<u32>(g + G_EXC, 0);
    setExcInfo(own);
  }
  return callerExc;
}

/** Back to the caller's handled exception; a generator that yielded in a handler keeps its own. */
function leaveExcState(g: usize, callerExc: Value, suspended: bool): void {
  const cur = excInfo;
  if (suspended && cur != callerExc && cur != NULL) {
    incref(cur);
    store<u32>(g + G_EXC, <u32>cur);
  }
  setExcInfo(callerExc);
}

import { strLiteral } from "./names";
let genMessageStr: usize = 0;
let coroMessageStr: usize = 0;
function genMessage(coro: bool): usize {
  if (genMessageStr == 0) genMessageStr = strLiteral("generator raised StopIteration");
  if (coroMessageStr == 0) coroMessageStr = strLiteral("coroutine raised StopIteration");
  incref(<u64>(coro ? coroMessageStr : genMessageStr));
  return coro ? coroMessageStr : genMessageStr;
}

function pendingIs(id: i32): bool {
  const t = errorType();
  if (t == id) return true;
  if (t == ERR_OBJECT) return isSubtype(typeOf(errorObject()), excType(id));
  return false;
}

/** SEND's and gen.send()'s resumption. */
export function genSend(g: usize, value: Value): Value {
  const r = resume(g, value, NULL);
  if (r == NULL && returnedFlag) {
    // Exhausted: yield from / await see a return of None.
    incref(NONE);
    return NONE;
  }
  return r;
}

/** next(gen): the yielded value, or NULL without an exception when the generator finished. */
export function genIterNext(g: usize): Value {
  const r = resume(g, NONE, NULL);
  if (returnedFlag) {
    decref(r);
    returnedFlag = false;
    return NULL;
  }
  return r;
}

/** Raises StopIteration(value) (value NONE: no argument) for gen.send() and gen.throw(). */
function raiseStop(value: Value): Value {
  if (value == NONE) {
    raiseBegin(EXC_StopIteration);
    return NULL;
  }
  const e = excNewWithArg(EXC_StopIteration, value); // takes the reference
  if (e == 0) return NULL;
  incref(value);
  store<u64>(e + 40, value);
  raiseObject(<u64>e);
  return NULL;
}

// gen.send(value)
export function genSendMethod(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("send", kwnames) || !checkArgCount("send", nargs, 1, 1)) return NULL;
  const r = resume(<usize>self, arg(args, 0), NULL);
  if (returnedFlag) {
    returnedFlag = false;
    return raiseStop(r == NULL ? NONE : r);
  }
  return r;
}

// gen.throw(exc) / gen.throw(type, value)
export function genThrowMethod(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("throw", kwnames) || !checkArgCount("throw", nargs, 1, 3)) return NULL;
  let exc: Value;
  const t0 = arg(args, 0);
  if (!isExceptionLike(t0)) {
    raiseBegin(EXC_TypeError);
    errText("exceptions must be classes or instances deriving from BaseException, not ");
    errTypeName(t0);
    return NULL;
  }
  if (nargs >= 2 && arg(args, 1) != NONE) {
    exc = makeExceptionWithValue(arg(args, 0), arg(args, 1));
  } else {
    exc = makeException(arg(args, 0));
  }
  if (exc == NULL) return NULL;
  const r = genThrow(<usize>self, exc);
  decref(exc);
  if (returnedFlag) {
    returnedFlag = false;
    return raiseStop(r == NULL ? NONE : r);
  }
  return r;
}

import { objCall } from "./ops";
import { errTypeName, KIND_EXCEPTION, KIND_TYPE } from "./types";
import { EXC_BaseException } from "./exceptions.generated";
export function isExceptionLike(v: Value): bool {
  if (!isObject(v)) return false;
  const k = kindOf(<usize>v);
  if (k == KIND_EXCEPTION) return true;
  return k == KIND_TYPE && isSubtype(<usize>v, excType(EXC_BaseException));
}
export function makeExceptionWithValue(type: Value, value: Value): Value {
  if (isObject(value) && isSubtype(typeOf(value), <usize>type)) {
    incref(value);
    return value;
  }
  const buf = alloc(8);
  store<u64>(buf, value);
  const r = objCall(type, buf, 1, 0);
  free(buf, 8);
  return r;
}

/** gen.close(): GeneratorExit at the yield; it must not yield again. */
export function genClose(g: usize): Value {
  if (load<u32>(g + G_FRAME) == 0) return NONE;
  if (load<u32>(g + G_STARTED) == 0) {
    finish(g);
    return NONE;
  }
  // A delegating generator closes its sub-iterator first; an error from that is thrown in instead.
  const yf = genYieldFrom(g);
  let exc: Value = NULL;
  if (yf != NULL) {
    store<u32>(g + G_RUNNING, 1);
    const ok = closeIter(yf);
    store<u32>(g + G_RUNNING, 0);
    decref(yf);
    if (!ok) exc = fetchException();
  }
  if (exc == NULL) exc = <u64>excNew(excType(EXC_GeneratorExit), EMPTY_TUPLE);
  if (exc == NULL) return NULL;
  closingFlag = true;
  const r = resume(g, NONE, exc);
  closingFlag = false;
  decref(exc);
  if (r != NULL && !returnedFlag) {
    decref(r);
    raiseMsg(EXC_RuntimeError, kindOf(g) == KIND_COROUTINE ? "coroutine ignored GeneratorExit" : kindOf(g) == KIND_ASYNC_GENERATOR ? "async generator ignored GeneratorExit" : "generator ignored GeneratorExit");
    return NULL;
  }
  returnedFlag = false;
  if (r != NULL) {
    decref(r);
    return NONE;
  }
  if (pendingIs(EXC_GeneratorExit) || pendingIs(EXC_StopIteration) || errorType() == 0) {
    errorClear();
    return NONE;
  }
  return NULL;
}

export function genCloseMethod(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!checkArgCount("close", nargs, 0, 0)) return NULL;
  return genClose(<usize>self);
}

/** gen.__next__() and next(gen): the next value, or StopIteration carrying the return value. */
export function genNextMethod(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  const r = resume(<usize>self, NONE, NULL);
  if (returnedFlag) {
    returnedFlag = false;
    return raiseStop(r == NULL ? NONE : r);
  }
  return r;
}

function genIterMethod(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  incref(self);
  return self;
}

export function registerGeneratorMethods(): void {
  const t = typeObject(KIND_GENERATOR);
  addMethod(t, "__next__", genNextMethod);
  addMethod(t, "__iter__", genIterMethod);
  addMethod(t, "send", genSendMethod);
  addMethod(t, "throw", genThrowMethod);
  addMethod(t, "close", genCloseMethod);
}

/** gi_running, gi_code, gi_frame (None when finished), __name__, __qualname__. */
export function genAttr(g: usize, name: usize): Value {
  if (strEqualLiteral(name, "gi_running")) return load<u32>(g + G_RUNNING) != 0 ? 0x12 : 0x0a;
  if (strEqualLiteral(name, "gi_code")) return own(<u64>load<u32>(g + G_CODE));
  if (strEqualLiteral(name, "gi_frame")) {
    const f = <usize>load<u32>(g + G_FRAME);
    if (f == 0) return NONE;
    const code = <usize>load<u32>(g + G_CODE);
    const here = load<u32>(f + F_HERE) - changetype<CodeObject>(code).adaptive;
    const fo = frameObjectNew(code, load<u32>(g + G_STARTED) == 0 ? changetype<CodeObject>(code).firstlineno : lineOf(code, here), 0);
    if (fo != NULL) {
      // f_locals: the suspended frame's variables now.
      const d = frameLocalsDict(f);
      if (d != NULL) frameObjectSetLocals(<usize>fo, <usize>d);
    }
    return fo;
  }
  if (strEqualLiteral(name, "gi_yieldfrom")) {
    const yf = genYieldFrom(g);
    return yf == NULL ? own(NONE) : yf;
  }
  if (strEqualLiteral(name, "__name__")) return own(<u64>load<u32>(g + G_NAME));
  if (strEqualLiteral(name, "__qualname__")) return own(<u64>load<u32>(g + G_QUALNAME));
  if (strEqualLiteral(name, "gi_suspended")) return load<u32>(g + G_STARTED) != 0 && load<u32>(g + G_FRAME) != 0 && load<u32>(g + G_RUNNING) == 0 ? 0x12 : 0x0a;
  return NULL;
}

function own(v: Value): Value {
  incref(v);
  return v;
}

export function genSetFrame(g: usize, f: usize): void {
  store<u32>(g + G_FRAME, <u32>f);
}

/** Set while close() resumes the generator (an exhausted coroutine is then silent). */
let closingFlag = false;

/**
 * The sub-iterator a suspended generator delegates to (`yield from` / `await`): the top of its
 * stack when it is suspended at the YIELD_VALUE of a SEND loop (the next instruction is RESUME
 * with oparg 2 or 3). New reference, or NULL.
 */
export function genYieldFrom(g: usize): Value {
  const f = <usize>load<u32>(g + G_FRAME);
  if (f == 0 || load<u32>(g + G_STARTED) == 0) return NULL;
  if ((load<u32>(f + F_FLAGS) & FRAME_DONE) != 0) return NULL;
  const ip = <usize>load<u32>(f + F_IP);
  const op = <i32>load<u8>(ip);
  if ((op != OP_RESUME && op != OP_RESUME_QUICK) || load<u8>(ip, 1) < 2) return NULL;
  const yf = load<u64>(<usize>load<u32>(f + F_SP) - 8);
  incref(yf);
  return yf;
}

/** close() of a sub-iterator (CPython's gen_close_iter): false with the exception pending. */
function closeIter(yf: Value): bool {
  if (isObject(yf) && (kindOf(<usize>yf) == KIND_GENERATOR || kindOf(<usize>yf) == KIND_COROUTINE)) {
    const r = genClose(<usize>yf);
    if (r == NULL) return false;
    decref(r);
    return true;
  }
  const m = objGetAttr(yf, closeName());
  if (m == NULL) {
    if (pendingIs(EXC_AttributeError)) {
      errorClear();
      return true;
    }
    return false;
  }
  const r = objCall(m, 0, 0, 0);
  decref(m);
  if (r == NULL) return false;
  decref(r);
  return true;
}

let closeStr: usize = 0;
let throwStr: usize = 0;
function closeName(): usize {
  if (closeStr == 0) closeStr = strLiteral("close");
  return closeStr;
}
function throwName(): usize {
  if (throwStr == 0) throwStr = strLiteral("throw");
  return throwStr;
}

/**
 * gen.throw(exc) (exc: an exception instance, borrowed), delegated first to the sub-iterator of a
 * `yield from` / `await` (CPython's _gen_throw). Same result convention as resume().
 */
export function genThrow(g: usize, exc: Value): Value {
  returnedFlag = false;
  if (load<u32>(g + G_RUNNING) != 0) return resume(g, NONE, exc); // raises "already executing"
  const yf = genYieldFrom(g);
  if (yf == NULL) return resume(g, NONE, exc);
  if (isObject(exc) && isSubtype(typeOf(exc), excType(EXC_GeneratorExit))) {
    // GeneratorExit closes the sub-iterator, then is raised here.
    store<u32>(g + G_RUNNING, 1);
    const ok = closeIter(yf);
    store<u32>(g + G_RUNNING, 0);
    decref(yf);
    if (!ok) return throwPending(g);
    return resume(g, NONE, exc);
  }
  let r: Value;
  let subReturned = false;
  if (isObject(yf) && (kindOf(<usize>yf) == KIND_GENERATOR || kindOf(<usize>yf) == KIND_COROUTINE)) {
    store<u32>(g + G_RUNNING, 1);
    r = genThrow(<usize>yf, exc);
    store<u32>(g + G_RUNNING, 0);
    subReturned = returnedFlag;
    returnedFlag = false;
  } else {
    const m = objGetAttr(yf, throwName());
    if (m == NULL) {
      decref(yf);
      if (!pendingIs(EXC_AttributeError)) return NULL;
      errorClear();
      return resume(g, NONE, exc);
    }
    store<u32>(g + G_RUNNING, 1);
    const buf = alloc(8);
    store<u64>(buf, exc);
    r = objCall(m, buf, 1, 0);
    free(buf, 8);
    store<u32>(g + G_RUNNING, 0);
    decref(m);
  }
  decref(yf);
  if (r != NULL && !subReturned) return r; // the sub-iterator yielded
  // The sub-iterator finished: leave the SEND loop as SEND does, then go on with its result
  // (a return value) or its exception.
  leaveSendLoop(g);
  if (subReturned) {
    const v = resume(g, r == NULL ? NONE : r, NULL);
    decref(r);
    return v;
  }
  if (pendingIs(EXC_StopIteration)) {
    const e = fetchException();
    const val = stopValue(e);
    decref(e);
    const v = resume(g, val, NULL);
    decref(val);
    return v;
  }
  return throwPending(g);
}

/** Throws the pending exception into g. */
function throwPending(g: usize): Value {
  const e = fetchException();
  const r = resume(g, NONE, e);
  decref(e);
  return r;
}

/** A StopIteration's value (new reference; None for an error recorded without an object). */
function stopValue(e: Value): Value {
  if (isObject(e) && kindOf(<usize>e) == KIND_EXCEPTION) {
    const v = load<u64>(<usize>e + 40);
    if (v != NULL) {
      incref(v);
      return v;
    }
  }
  return NONE;
}

/**
 * Pops the sub-iterator off a generator suspended in a SEND loop and moves it to the SEND's jump
 * target, where a resumption pushes the sub-iterator's result (or raises, at the instruction just
 * before the target, as CPython's frame->prev_instr).
 */
function leaveSendLoop(g: usize): void {
  const f = <usize>load<u32>(g + G_FRAME);
  const ip = <usize>load<u32>(f + F_IP); // the RESUME after YIELD_VALUE
  const send = ip - 4;
  let oparg = <u32>load<u8>(send, 1);
  if (<i32>load<u8>(send - 2) == OP_EXTENDED_ARG) oparg |= <u32>load<u8>(send - 1) << 8;
  const target = send + 2 + (<usize>oparg << 1);
  const sp = <usize>load<u32>(f + F_SP) - 8;
  const yf = load<u64>(sp);
  store<u32>(f + F_SP, <u32>sp);
  decref(yf);
  store<u32>(f + F_IP, <u32>target);
  store<u32>(f + F_HERE, <u32>(target - 2));
}

import { RESUME as OP_RESUME, RESUME_QUICK as OP_RESUME_QUICK, EXTENDED_ARG as OP_EXTENDED_ARG } from "./opcodes.generated";
import { KIND_COROUTINE, EXC_AttributeError } from "./types";
import { CO_COROUTINE as CO_COROUTINE_FLAG, CO_ASYNC_GENERATOR as CO_ASYNC_GENERATOR_FLAG } from "./call";
import { KIND_ASYNC_GENERATOR } from "./types";
import { EXC_StopAsyncIteration } from "./exceptions.generated";
let agStopIterStr: usize = 0;
let agStopAsyncStr: usize = 0;
/** "async generator raised StopIteration" / "... StopAsyncIteration" (new reference). */
function asyncGenRaisedMessage(stopAsync: bool): usize {
  if (agStopIterStr == 0) agStopIterStr = strLiteral("async generator raised StopIteration");
  if (agStopAsyncStr == 0) agStopAsyncStr = strLiteral("async generator raised StopAsyncIteration");
  const s = stopAsync ? agStopAsyncStr : agStopIterStr;
  incref(<u64>s);
  return s;
}
import { objGetAttr } from "./ops";

/** Setting __name__ / __qualname__ (str only): 0 done, -1 error, 1 not one of them. */
export function genSetAttr(g: usize, name: usize, value: Value): i32 {
  const isName = strEqualLiteral(name, "__name__");
  if (!isName && !strEqualLiteral(name, "__qualname__")) return 1;
  if (value == NULL || !isObject(value) || kindOf(<usize>value) != KIND_STR) {
    raiseMsg(EXC_TypeError, isName ? "__name__ must be set to a string object" : "__qualname__ must be set to a string object");
    return -1;
  }
  const off = isName ? G_NAME : G_QUALNAME;
  const old = <u64>load<u32>(g + off);
  incref(value);
  store<u32>(g + off, <u32>value);
  decref(old);
  return 0;
}
import { KIND_STR } from "./types";
import { frameLocalsDict } from "./frame-locals";
