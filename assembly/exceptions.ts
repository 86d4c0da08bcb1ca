/**
 * Exception classes and objects.
 *
 * Every builtin exception class (exceptions.generated.ts ids) is a type object of kind
 * KIND_EXCEPTION made at start-up, in the hierarchy CPython 3.11 has; StopIteration is the static
 * type object marshal's TYPE_STOPITER names. Instances (of those and of subclasses made by class
 * statements) share one layout, 48 bytes:
 *
 *   0 [ header ]  8 [ dict u32 (or 0) | args u32 -> tuple ]  16 [ traceback u32 | context u32 ]
 *  24 [ cause u32 | suppress_context u32 (0/1) ]  32 [ notes u32 -> list or 0 | 0 ]  40 [ extra Value ]
 *
 * `extra` is StopIteration.value, SystemExit.code, or the `name` of NameError/AttributeError. The u32
 * at 36 (EX_EXT, owned, 0 when unset) is the tuple of class-specific fields (exc-methods.ts):
 * AttributeError.obj, OSError's errno/strerror/filenames, an exception group's message/exceptions.
 * Tracebacks are a chain of traceback objects (KIND_TRACEBACK, 32 bytes: [ header ][ next u32 |
 * code u32 ][ offset u32 (byte offset of the instruction) | locals u32 ][ globals u32 | 0 ]),
 * innermost last.
 *
 * Errors raised inside the VM's own functions start as an id + message (types.ts) and become an
 * object only when Python code can see them (fetchException): most internal errors are caught
 * internally or by an except clause, so the object is built once, at the handler.
 */
import { Value, NULL, NONE } from "./values";
import { alloc } from "./heap";
import { initHeader, initStaticHeader } from "./object";
import {
  typeObject,
  typeOf,
  KIND_TYPE,
  KIND_EXCEPTION,
  KIND_OBJECT,
  KIND_TRACEBACK,
  STOP_ITERATION,
  TYPE_OBJECT_SIZE,
  TPFLAG_EXCEPTION,
  TPFLAG_HAS_REFS,
  raiseMemory,
  errorType,
  errorMessagePtr,
  errorMessageLength,
  errorTakeObject,
  errorTakeValue,
  errorClear,
  ERR_OBJECT,
  ERR_NONE,
} from "./types";
import { EXC_COUNT, EXC_NAMES, EXC_BASE, EXC_INIT_ORDER, EXC_StopIteration, EXC_SystemError, EXC_SyntaxError, EXC_IndentationError, EXC_TabError } from "./exceptions.generated";
import { tupleAlloc, tupleSetItem, EMPTY_TUPLE } from "./tuple";
import { strFromUtf8 } from "./str";
import { incref, decref } from "./refcount";
import { strLiteral } from "./names";
import { typeInitBuiltin, T_DICTOFFSET } from "./typeobj";
import { excAttachContext, errorTakeContextName, errorTakeContextObj } from "./exc-methods";

export const EXC_SIZE: usize = 48;
export const EX_DICT: usize = 8;
export const EX_ARGS: usize = 12;
export const EX_TRACEBACK: usize = 16;
export const EX_CONTEXT: usize = 20;
export const EX_CAUSE: usize = 24;
export const EX_SUPPRESS: usize = 28;
export const EX_NOTES: usize = 32;
export const EX_EXTRA: usize = 40;
export const TRACEBACK_SIZE: usize = 32;

/** Type objects by exception id. */
const EXC_TYPES: usize = memory.data(<i32>EXC_COUNT * 4, 8);

// @ts-ignore: decorator
@inline export function excType(id: i32): usize {
  return <usize>load<u32>(EXC_TYPES + (<usize>id << 2));
}

export function initExceptions(): void {
  for (let i = 0; i < EXC_INIT_ORDER.length; i++) {
    const id = <i32>unchecked(EXC_INIT_ORDER[i]);
    let t: usize;
    if (id == EXC_StopIteration) {
      t = STOP_ITERATION;
    } else {
      t = alloc(TYPE_OBJECT_SIZE);
      initStaticHeader(t, typeObject(KIND_TYPE));
    }
    store<u32>(t + 8, KIND_EXCEPTION);
    store<u32>(t + 12, TPFLAG_EXCEPTION | TPFLAG_HAS_REFS);
    store<u32>(t + 20, <u32>EXC_SIZE);
    store<u32>(t + T_DICTOFFSET, <u32>EX_DICT);
    const baseId = <i32>unchecked(EXC_BASE[id]);
    const base = baseId == 0 ? typeObject(KIND_OBJECT) : excType(baseId);
    typeInitBuiltin(t, base, strLiteral(unchecked(EXC_NAMES[id])));
    store<u32>(EXC_TYPES + (<usize>id << 2), <u32>t);
  }
}

/** A new exception of class `type` with `args` (a tuple; reference taken over). */
export function excNew(type: usize, args: usize): usize {
  const e = alloc(EXC_SIZE);
  if (e == 0) {
    decref(<u64>args);
    return raiseMemory();
  }
  initHeader(e, type);
  if ((load<u32>(type + 12) & 32) != 0) incref(<u64>type); // heap types are owned by their instances
  store<u32>(e + EX_ARGS, <u32>args);
  store<u64>(e + EX_EXTRA, NONE);
  return e;
}

/** An exception of builtin class `id` with a single argument (reference taken over). */
export function excNewWithArg(id: i32, arg: Value): usize {
  const args = tupleAlloc(1);
  if (args == 0) {
    decref(arg);
    return 0;
  }
  tupleSetItem(args, 0, arg);
  return excNew(excType(id), args);
}

/**
 * The pending error as an exception object (new reference), clearing the error state. An error
 * recorded as id + message becomes an instance of that class with the message as its argument
 * (or the recorded argument object, or no argument when the message is empty).
 */
export function fetchException(): Value {
  const id = errorType();
  if (id == ERR_OBJECT) return errorTakeObject();
  if (id <= ERR_NONE || id >= EXC_COUNT) {
    errorClear();
    return <u64>excNew(excType(EXC_SystemError), EMPTY_TUPLE);
  }
  const value = errorTakeValue();
  const ctxName = errorTakeContextName();
  const ctxObj = errorTakeContextObj();
  let args: usize;
  if (value != 0) {
    args = tupleAlloc(1);
    tupleSetItem(args, 0, value);
  } else if (errorMessageLength() != 0) {
    const msg = strFromUtf8(errorMessagePtr(), errorMessageLength());
    args = tupleAlloc(1);
    tupleSetItem(args, 0, <u64>msg);
  } else {
    args = EMPTY_TUPLE;
  }
  errorClear();
  const e = excNew(excType(id), args);
  if (id == EXC_StopIteration) setStopIterationValue(e);
  // SyntaxError(msg) sets e.msg in __init__; an id + message error gets it here the same way.
  else if (id == EXC_SyntaxError || id == EXC_IndentationError || id == EXC_TabError) syntaxErrorFromArgs(e);
  if (ctxName != 0 || ctxObj != 0) excAttachContext(e, ctxName, ctxObj); // takes the references
  return <u64>e;
}

import { syntaxErrorFromArgs } from "./exc-methods";

/** StopIteration.value: the first argument, or None. */
export function setStopIterationValue(e: usize): void {
  const args = <usize>load<u32>(e + EX_ARGS);
  const v = load<u32>(args + 8) > 0 ? load<u64>(args + 16) : NONE;
  incref(v);
  const old = load<u64>(e + EX_EXTRA);
  store<u64>(e + EX_EXTRA, v);
  decref(old);
}

/**
 * Prepends a traceback entry for (code, byte offset) to the exception's traceback:
 *   [ header ][ next u32 | code u32 ][ offset u32 | locals u32 ][ globals u32 | 0 ]
 * `locals` (reference taken, may be 0): what tb_frame.f_locals shows — frame-locals.ts
 * frameLocalsCapture, a tuple of the fast locals or the frame's locals mapping. `globals` (a
 * reference is taken, may be 0): the frame's globals, for tb_frame.f_globals and the NameError
 * suggestions (exec'd code and imported modules have their own).
 */
export function excAddTraceback(e: usize, code: usize, offset: u32, locals: usize = 0, globals: usize = 0): void {
  const tb = alloc(TRACEBACK_SIZE);
  if (tb == 0) {
    if (locals != 0) decref(<u64>locals);
    return; // the traceback is best effort under memory exhaustion
  }
  store<u32>(tb + 20, <u32>locals);
  if (globals != 0) incref(<u64>globals);
  store<u32>(tb + 24, <u32>globals);
  store<u32>(tb + 28, 0);
  initHeader(tb, typeObject(KIND_TRACEBACK));
  incref(<u64>code);
  store<u32>(tb + 8, load<u32>(e + EX_TRACEBACK));
  store<u32>(tb + 12, <u32>code);
  store<u32>(tb + 16, offset);
  store<u32>(e + EX_TRACEBACK, <u32>tb);
}

/** Whether `v` is an exception instance. */
export function isException(v: Value): bool {
  return v != NULL && (v & 7) == 0 && load<u32>(typeOf(v) + 8) == KIND_EXCEPTION;
}

/**
 * Whether the pending error is an instance of builtin exception class `id` or a subclass — for an
 * error still recorded as id + message as well as for an exception object (user code raised it).
 */
export function pendingMatches(id: i32): bool {
  const t = errorType();
  if (t == id) return true;
  if (t == ERR_OBJECT) return isSubtypeOf(typeOf(errorObject()), excType(id));
  // An id + message error: walk the builtin hierarchy's static table (no type objects needed).
  let c = t;
  while (c > 0 && c < EXC_COUNT) {
    if (c == id) return true;
    c = <i32>unchecked(EXC_BASE[c]);
  }
  return false;
}

import { errorObject } from "./types";
import { isSubtype as isSubtypeOf } from "./typeobj";
