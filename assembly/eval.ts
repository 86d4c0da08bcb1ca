/**
 * The eval loop: runs CPython 3.11 bytecode from a frame (frame.ts) until that frame returns.
 *
 * Shape: one `switch` over the opcode byte (Binaryen turns it into a br_table), with ip, sp and the
 * frame's localsplus address in wasm locals. Only the common instructions and the fast paths of the
 * cached ones are coded in run(); the rest, and the cache-miss paths, are in coldOp(), and unwinding
 * after an error in unwind(): V8 compiles run() before any program runs (start-up time), and a
 * smaller loop keeps its registers. Every opcode stays a case label of run()'s switch (a sparse
 * switch becomes a compare chain instead of a br_table). A successful instruction ends with
 * `continue`; a failing one `break`s out of the switch into the error path at the bottom of the
 * loop, which finds a handler in the exception table (frame by frame, without wasm recursion) or
 * returns NULL with the exception pending. Python-to-Python calls push a frame and continue in this
 * loop.
 *
 * Nested evaluations (a native function calling Python code: __init__, __eq__, sort keys,
 * generators) call evalFrame recursively; `evalDepth` bounds them (RecursionError).
 *
 * Instruction format: 16-bit units, opcode in the low byte and oparg in the high byte;
 * EXTENDED_ARG prefixes widen oparg; each instruction is followed by CACHE_ENTRIES[op] cache units
 * the instruction skips (or uses).
 */
import { Value, NULL, NONE, TRUE, FALSE, isSmallInt, getSmallInt, makeSmallInt, isObject, makeBool } from "./values";
import * as OP from "./opcodes.generated";
import { CodeObject } from "./code";
import {
  kindOf,
  typeOf,
  typeObject,
  KIND_FUNCTION,
  KIND_METHOD,
  KIND_BUILTIN,
  KIND_CELL,
  KIND_FLOAT,
  KIND_TUPLE,
  KIND_LIST,
  KIND_LIST_ITER,
  KIND_RANGE_ITER,
  KIND_DICT,
  KIND_STR,
  KIND_EXCEPTION,
  KIND_TYPE,
  raiseBegin,
  raiseMsg,
  raiseObject,
  errText,
  errStrObject,
  errTypeName,
  errorType,
  EXC_NameError,
  EXC_UnboundLocalError,
  EXC_TypeError,
  EXC_RuntimeError,
  EXC_RecursionError,
  EXC_SystemError,
  EXC_AssertionError,
  EXC_StopIteration,
  EXC_ValueError,
  EXC_KeyboardInterrupt,
  EXC_MemoryError,
} from "./types";
import { tupleAlloc, tupleSetItem, tupleSize, tupleItem, EMPTY_TUPLE, vecSize, vecItems } from "./tuple";
import { rangeIterNext } from "./range";
import { listIterNext } from "./list";
import { frameLocalsCapture } from "./frame-locals";
import { incref, decref } from "./refcount";
import { dictGetItemStrHinted, dictSetItemStrHinted, dictNew, dictGetItem, dictSetItem, dictDelItem, dictLookupIndex, dictEntryValue, dictGetItemStr, dictMayHaveStr } from "./dict";
import { loadAttrFill, loadMethodFill, storeAttrFill } from "./attributes";
import { typeEpoch } from "./typeobj";
import { floatNew } from "./float";
import {
  F_CODE,
  F_FUNC,
  F_GLOBALS,
  F_BUILTINS,
  F_LOCALS,
  F_PREV,
  F_IP,
  F_SP,
  F_HERE,
  F_FLAGS,
  F_NLOCALSPLUS,
  FRAME_ENTRY,
  FRAME_GENERATOR,
  FRAME_DONE,
  FRAME_HEADER,
  FRAME_RESULT_NONE,
  frameNew,
  frameFree,
  frameStackBase,
} from "./frame";
import { bindArgs, CO_GENERATOR, CO_COROUTINE, CO_ASYNC_GENERATOR } from "./call";
import {
  FN_CODE,
  FN_GLOBALS,
  FN_BUILTINS,
  FN_CLOSURE,
  FN_DEFAULTS,
  FN_KWDEFAULTS,
  FN_ANNOTATIONS,
  FN_DOC,
  functionNew,
  cellNew,
  builtinFn,
  builtinSelf,
} from "./function";
import {
  fetchException,
  excAddTraceback,
  excType,
  isException,
  EX_CONTEXT,
  EX_TRACEBACK,
  EX_CAUSE,
  EX_SUPPRESS,
} from "./exceptions";
import * as ops from "./ops";
import { N_ANNOTATIONS, N_NAME, N_MODULE } from "./names";
import { genNew, genSetFrame } from "./generator";
import { buildClassBuiltin } from "./classes";
import { importName, importFrom, importStar } from "./imports";
import { exceptStarMatch, prepReraiseStar, egMatchOut, egRestOut } from "./exc-groups";
import { errSetContext } from "./exc-methods";
import { cDepth, nestingTooDeep } from "./recursion";
import { printExpr } from "./mod-sys";
import { getAwaitable, getAIter, getANext, endAsyncFor, beforeAsyncWith, asyncExitOut } from "./coroutine";
import { asyncGenWrap } from "./async-gen";
import { noteGeneratorCall } from "./unawaited";

// ---------------------------------------------------------------------------------------------------
// Interpreter-wide state

/** The exception being handled (sys.exc_info()[1]), owned; NULL when none. */
export let excInfo: Value = NULL;
export function setExcInfo(v: Value): void {
  const old = excInfo;
  excInfo = v;
  decref(old);
}

/** The frame that made the current native call (super(), locals(), globals() look at it). */
export let currentFrame: usize = 0;

/** Python frames alive on the current chain plus nested evaluations: the recursion depth. */
export let callDepth: i32 = 0;
export let recursionLimit: i32 = 1000;
export function setRecursionLimit(n: i32): void {
  recursionLimit = n;
}

/** Instructions left before returning to the host (counted at backward jumps and calls). */
export let budget: i32 = 1 << 30;
/** Nesting of evalFrame invocations; only the outermost can suspend. */
let evalNesting: i32 = 0;
/** The frame to resume after a suspension. */
export let suspendedFrame: usize = 0;
/** Set by the host to deliver KeyboardInterrupt at the next check. */
export let interruptRequested: bool = false;
export function requestInterrupt(): void {
  interruptRequested = true;
  budget = 0;
}
export function setBudget(n: i32): void {
  budget = n;
}
/** The host's budget per call: nested evaluations, which cannot suspend, poll the host this often. */
let budgetChunk: i32 = 1 << 30;
export function setBudgetChunk(n: i32): void {
  budgetChunk = n;
}

import { hostPollInterrupt } from "./host";

/** evalFrame's result when the outermost evaluation stopped for the host (not a Python value). */
export const SUSPENDED: Value = 0x1a;
/**
 * A builtin's answer to CALL (not a Python value): run frame `enterFrame` here, as a callee whose
 * return value is the call's result (None for a FRAME_RESULT_NONE frame). exec() and eval() give
 * it, so their code runs in this loop: interruptible, suspendable, not a nested evaluation.
 */
export const ENTER_FRAME: Value = 0x22;
export let enterFrame: usize = 0;
/** True only while CALL calls one of the builtins below; they read it first thing. */
export let enterFrameAllowed: bool = false;
export function takeEnterFrameAllowed(): bool {
  const r = enterFrameAllowed;
  enterFrameAllowed = false;
  return r;
}
export function setEnterFrame(f: usize): Value {
  enterFrame = f;
  return ENTER_FRAME;
}
/** The builtin objects that may answer ENTER_FRAME (exec, eval; exec-eval.ts registers them). */
let frameEnteringBuiltin1: usize = 0;
let frameEnteringBuiltin2: usize = 0;
export function setFrameEnteringBuiltins(a: usize, b: usize): void {
  frameEnteringBuiltin1 = a;
  frameEnteringBuiltin2 = b;
}
/** Set when a generator frame's evaluation ended by yielding (rather than returning). */
export let yielded: bool = false;

// ---------------------------------------------------------------------------------------------------
// Helpers kept out of the loop

function nameError(name: usize): void {
  raiseBegin(EXC_NameError);
  errText("name '");
  errStrObject(name);
  errText("' is not defined");
  errSetContext(<u64>name, NULL); // NameError.name, for "Did you mean"
}

function unboundLocal(code: usize, i: i32): void {
  raiseBegin(EXC_UnboundLocalError);
  errText("cannot access local variable '");
  errStrObject(<usize>tupleItem(<usize>changetype<CodeObject>(code).localsplusnames, <usize>i));
  errText("' where it is not associated with a value");
}

function unboundFree(code: usize, i: i32): void {
  const c = changetype<CodeObject>(code);
  const kinds = <usize>c.localspluskinds + 24; // bytes data
  const k = load<u8>(kinds + <usize>i);
  if ((k & 0x80) != 0 && (k & 0x40) == 0) {
    raiseBegin(EXC_NameError);
    errText("cannot access free variable '");
    errStrObject(<usize>tupleItem(<usize>c.localsplusnames, <usize>i));
    errText("' where it is not associated with a value in enclosing scope");
    errSetContext(tupleItem(<usize>c.localsplusnames, <usize>i), NULL);
  } else {
    unboundLocal(code, i);
  }
}

/** LOAD_GLOBAL / LOAD_NAME's second half: globals, then builtins. Borrowed or NULL (NameError raised). */
function loadGlobal(globals: usize, builtins: usize, name: usize): Value {
  let v = dictGetItem(globals, <u64>name);
  if (v != NULL) return v;
  v = dictGetItem(builtins, <u64>name);
  if (v != NULL) return v;
  nameError(name);
  return NULL;
}

/** LOAD_GLOBAL's slow path: the lookup, then the cache entry (when the index fits). Borrowed. */
function loadGlobalCached(globals: usize, builtins: usize, name: usize, cache: usize): Value {
  let ix = dictLookupIndex(globals, <u64>name);
  let fromBuiltins: u32 = 0;
  if (ix < 0) {
    if (ix != -1) return NULL; // lookup error
    ix = dictLookupIndex(builtins, <u64>name);
    if (ix < 0) {
      if (ix == -1) nameError(name);
      return NULL;
    }
    fromBuiltins = 0x8000;
  }
  const v = fromBuiltins != 0 ? dictEntryValue(builtins, <u32>ix) : dictEntryValue(globals, <u32>ix);
  if (ix < 0x8000) {
    store<u32>(cache, <u32>load<u64>(globals + 16));
    store<u32>(cache, <u32>load<u64>(builtins + 16), 4);
    store<u16>(cache, <u16>(<u32>ix | fromBuiltins), 8);
  }
  return v;
}

/** Exception-table lookup: the handler entry covering instruction index `index`, or -1. */
let handlerTarget: i32 = 0;
let handlerDepth: i32 = 0;
let handlerLasti: bool = false;

function readVarint(p: usize, end: usize): i32 {
  // 6-bit groups, most significant first; bit 6 says another group follows.
  let b = <i32>load<u8>(p);
  let v = b & 63;
  varintNext = p + 1;
  while ((b & 64) != 0 && varintNext < end) {
    b = <i32>load<u8>(varintNext++);
    v = (v << 6) | (b & 63);
  }
  return v;
}
let varintNext: usize = 0;

function findHandler(code: usize, index: i32): bool {
  const table = <usize>changetype<CodeObject>(code).exceptiontable;
  const n = <usize>load<u32>(table + 8);
  let p = table + 24;
  const end = p + n;
  while (p < end) {
    const start = readVarint(p, end);
    p = varintNext;
    const length = readVarint(p, end);
    p = varintNext;
    const target = readVarint(p, end);
    p = varintNext;
    const dl = readVarint(p, end);
    p = varintNext;
    if (index >= start && index < start + length) {
      handlerTarget = target;
      handlerDepth = dl >> 1;
      handlerLasti = (dl & 1) != 0;
      return true;
    }
    if (start > index) return false;
  }
  return false;
}

/** Sets __context__ of a newly raised exception to the one being handled (no self-cycles). */
function chainContext(exc: Value): void {
  if (excInfo == NULL || excInfo == exc || !isException(exc) || !isException(excInfo)) return;
  const p = <usize>exc;
  if (load<u32>(p + EX_CONTEXT) != 0) return;
  // Break a cycle excInfo -> ... -> exc, as CPython does.
  let o = <usize>excInfo;
  while (o != 0) {
    const next = <usize>load<u32>(o + EX_CONTEXT);
    if (next == p) {
      store<u32>(o + EX_CONTEXT, 0);
      decref(<u64>p);
      break;
    }
    o = next;
  }
  incref(excInfo);
  store<u32>(p + EX_CONTEXT, <u32>excInfo);
}

/** raise / raise X / raise X from Y. Returns false (always: an exception is now pending). */
function doRaise(exc: Value, cause: Value): bool {
  if (exc == NULL) {
    if (excInfo == NULL || excInfo == NONE) {
      raiseMsg(EXC_RuntimeError, "No active exception to reraise");
      return false;
    }
    incref(excInfo);
    raiseObject(excInfo);
    reraising = true;
    return false;
  }
  let value = ops.makeException(exc);
  if (value == NULL) {
    decref(cause);
    return false;
  }
  if (cause != NULL) {
    let causeValue: Value = NULL;
    if (cause == NONE) {
      causeValue = NULL;
    } else {
      causeValue = ops.makeException(cause);
      decref(cause); // popped by RAISE_VARARGS: owned here
      if (causeValue == NULL) {
        decref(value);
        // The TypeError about the cause replaces it.
        if (errorType() == EXC_TypeError) {
          raiseMsg(EXC_TypeError, "exception causes must derive from BaseException");
        }
        return false;
      }
    }
    const p = <usize>value;
    const old = load<u32>(p + EX_CAUSE);
    store<u32>(p + EX_CAUSE, <u32>causeValue);
    if (old != 0) decref(<u64>old);
    store<u32>(p + EX_SUPPRESS, 1);
  }
  raiseObject(value);
  return false;
}

/** Set by generator.throw(): the next evaluation starts by raising the pending exception. */
let throwOnEntry: bool = false;
export function setThrowOnEntry(): void {
  throwOnEntry = true;
}

/** Set by RERAISE and bare `raise`: the exception keeps its traceback, this frame adds no entry. */
let reraising: bool = false;

/**
 * Prepares a Python function call: a new frame with its arguments bound, or (generator functions)
 * a generator object. Returns the frame; for generators `genResult` holds the generator and 0 is
 * returned. 0 with genResult == NULL: an exception is pending.
 */
let genResult: Value = NULL;
/** CALL_FUNCTION_EX (coldOp) prepared this Python function frame for run() to enter (0: none). */
let exCallFrame: usize = 0;
function framePrepare(func: usize, args: usize, nargs: i32, kwnames: usize): usize {
  const code = <usize>load<u32>(func + FN_CODE);
  const f = frameNew(code, func, <usize>load<u32>(func + FN_GLOBALS), <usize>load<u32>(func + FN_BUILTINS), 0);
  genResult = NULL;
  if (f == 0) return 0;
  // frameNew and bindArgs's common case are inlined: this runs on every Python-to-Python call.
  if (!bindArgs(f, func, args, nargs, kwnames)) {
    frameFree(f);
    return 0;
  }
  const flags = changetype<CodeObject>(code).flags;
  if ((flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) != 0) {
    // Run the prologue (MAKE_CELL, COPY_FREE_VARS) lazily: the generator starts at instruction 0,
    // and RETURN_GENERATOR (which it meets first) is where a fresh generator stops.
    const g = genNew(f, func, flags);
    if (g == 0) {
      frameFree(f);
      return 0;
    }
    genResult = <u64>g;
    return 0;
  }
  return f;
}

/** Calls a Python function from native code (nested evaluation). New reference or NULL. */
export function callFunction(func: usize, args: usize, nargs: i32, kwnames: usize): Value {
  const f = framePrepare(func, args, nargs, kwnames);
  if (f == 0) return genResult;
  store<u32>(f + F_FLAGS, load<u32>(f + F_FLAGS) | FRAME_ENTRY);
  return evalFrame(f);
}

/** Runs the body of a module or class: a frame whose names live in `locals`. */
export function runCode(code: usize, func: usize, globals: usize, builtins: usize, locals: usize): Value {
  // A class body is a function's code run with a dict for its names; the function (0 for a
  // module) supplies the closure that COPY_FREE_VARS copies.
  const f = frameNew(code, func, globals, builtins, locals);
  if (f == 0) return NULL;
  store<u32>(f + F_FLAGS, load<u32>(f + F_FLAGS) | FRAME_ENTRY);
  return evalFrame(f);
}

/** Before each Python-to-Python call: inlined, the raise out of line. */
// @ts-ignore: decorator
@inline function checkRecursion(): bool {
  return callDepth + cDepth < recursionLimit || recursionExceeded();
}
function recursionExceeded(): bool {
  raiseMsg(EXC_RecursionError, "maximum recursion depth exceeded");
  return false;
}

// ---------------------------------------------------------------------------------------------------
// The loop

/**
 * Runs frame `entryFrame` (which must have FRAME_ENTRY set) and every frame it calls, until it
 * returns (new reference), raises (NULL, exception pending), yields (generator frames: `yielded`
 * is set) or, for the outermost evaluation, the budget runs out (SUSPENDED; resume with
 * resumeEval()).
 */
/**
 * Nested evaluations (Python called from native code: dunder methods, sort keys, generators) each
 * take WebAssembly stack, which is the host's (about 1 MB in Node): beyond this depth they raise
 * RecursionError, whatever sys.getrecursionlimit() says, instead of overflowing it.
 */
export const MAX_EVAL_NESTING: i32 = 180;

export function evalFrame(entryFrame: usize): Value {
  if (nestingTooDeep(evalNesting)) {
    raiseMsg(EXC_RecursionError, "maximum recursion depth exceeded"); // recursion.ts: the wasm stack guard
    if ((load<u32>(entryFrame + F_FLAGS) & FRAME_GENERATOR) == 0) frameFree(entryFrame);
    return NULL;
  }
  if (evalNesting > 0 && !checkRecursion()) {
    // A nested evaluation beyond the limit never starts; its frame is released here.
    if ((load<u32>(entryFrame + F_FLAGS) & FRAME_GENERATOR) == 0) frameFree(entryFrame);
    return NULL;
  }
  // A collection requested while native code ran (gc.ts): Python code may run here, so may it.
  if (budget <= 0) gcBudgetCheck();
  evalNesting++;
  callDepth++;
  const result = run(entryFrame);
  evalNesting--;
  return result;
}

/** Continues the outermost evaluation after SUSPENDED. */
export function resumeEval(): Value {
  const f = suspendedFrame;
  suspendedFrame = 0;
  evalNesting++;
  const result = run(f);
  evalNesting--;
  return result;
}

function run(start: usize): Value {
  let f = start;
  let code = <usize>load<u32>(f + F_CODE);
  let consts = <usize>changetype<CodeObject>(code).consts;
  let names = <usize>changetype<CodeObject>(code).names;
  let lp = f + FRAME_HEADER;
  let ip = <usize>load<u32>(f + F_IP);
  let sp = <usize>load<u32>(f + F_SP);
  let here = ip;
  let extArg: i32 = 0;
  let kwnames: usize = 0;
  let retval: Value = NULL;
  let throwing = throwOnEntry;
  throwOnEntry = false;
  if (throwing) here = <usize>load<u32>(f + F_HERE);

  while (true) {
    if (throwing) {
      throwing = false;
    } else {
    here = ip;
    const word = <i32>load<u16>(ip);
    const op = word & 0xff;
    let oparg = (word >>> 8) | extArg;
    extArg = 0;
    ip += 2;
    switch (op) {
      case OP.NOP:
      case OP.RESUME:
        continue;
      case OP.EXTENDED_ARG: {
        extArg = oparg << 8;
        continue;
      }
      case OP.CACHE:
        continue;

      // ── locals and constants ─────────────────────────────────────────────────────────────────
      case OP.LOAD_FAST: {
        const v = load<u64>(lp + (<usize>oparg << 3));
        if (v == NULL) {
          unboundLocal(code, oparg);
          break;
        }
        incref(v);
        store<u64>(sp, v);
        sp += 8;
        continue;
      }
      case OP.STORE_FAST: {
        sp -= 8;
        const slot = lp + (<usize>oparg << 3);
        const old = load<u64>(slot);
        store<u64>(slot, load<u64>(sp));
        decref(old);
        continue;
      }
      case OP.LOAD_CONST: {
        const v = load<u64>(consts + 16 + (<usize>oparg << 3));
        incref(v);
        store<u64>(sp, v);
        sp += 8;
        continue;
      }
      case OP.POP_TOP: {
        sp -= 8;
        decref(load<u64>(sp));
        continue;
      }
      case OP.PUSH_NULL: {
        store<u64>(sp, NULL);
        sp += 8;
        continue;
      }
      case OP.COPY: {
        const v = load<u64>(sp - (<usize>oparg << 3));
        incref(v);
        store<u64>(sp, v);
        sp += 8;
        continue;
      }
      case OP.SWAP: {
        const a = sp - 8;
        const b = sp - (<usize>oparg << 3);
        const t = load<u64>(a);
        store<u64>(a, load<u64>(b));
        store<u64>(b, t);
        continue;
      }

      // ── arithmetic ──────────────────────────────────────────────────────────────────────────
      case OP.BINARY_OP: {
        const b = load<u64>(sp - 8);
        const a = load<u64>(sp - 16);
        let r: Value;
        if (isSmallInt(a & b)) {
          r = ops.smallIntBinary(a, b, oparg);
          if (r == NULL) r = ops.binaryOp(a, b, oparg);
        } else if (isObject(a) && isObject(b) && load<u32>(<usize>a + 4) == FLOAT_TYPE && load<u32>(<usize>b + 4) == FLOAT_TYPE) {
          r = floatBinaryFast(a, b, oparg);
          if (r == NULL) r = ops.binaryOp(a, b, oparg);
          else if (r == a) {
            // The left operand's box was reused for the result: the stack's reference is the result's.
            sp -= 8;
            decref(b);
            ip += 2;
            continue;
          }
        } else {
          r = ops.binaryOp(a, b, oparg);
        }
        if (r == NULL) break;
        sp -= 8;
        decref(b);
        decref(a);
        store<u64>(sp - 8, r);
        ip += 2; // 1 cache entry
        continue;
      }
      case OP.UNARY_NOT: {
        const a = load<u64>(sp - 8);
        const t = ops.objIsTrue(a);
        if (t < 0) break;
        decref(a);
        store<u64>(sp - 8, t != 0 ? FALSE : TRUE);
        continue;
      }
      case OP.COMPARE_OP: {
        const b = load<u64>(sp - 8);
        const a = load<u64>(sp - 16);
        let r: Value;
        if (isSmallInt(a & b)) {
          r = ops.smallIntCompare(a, b, oparg);
        } else {
          r = ops.objCompare(a, b, oparg);
          if (r == NULL) break;
        }
        sp -= 8;
        decref(b);
        decref(a);
        store<u64>(sp - 8, r);
        ip += 4; // 2 cache entries
        continue;
      }
      case OP.IS_OP: {
        const b = load<u64>(sp - 8);
        const a = load<u64>(sp - 16);
        sp -= 8;
        decref(b);
        decref(a);
        store<u64>(sp - 8, makeBool((a == b) != (oparg != 0)));
        continue;
      }
      case OP.CONTAINS_OP: {
        const b = load<u64>(sp - 8);
        const a = load<u64>(sp - 16);
        const r = ops.objContains(b, a);
        if (r < 0) break;
        sp -= 8;
        decref(b);
        decref(a);
        store<u64>(sp - 8, makeBool((r != 0) != (oparg != 0)));
        continue;
      }

      // ── jumps ───────────────────────────────────────────────────────────────────────────────
      // Every taken backward jump spends budget (CPython checks its eval breaker there too): a
      // `while` loop turns on POP_JUMP_BACKWARD_IF_*, a `for` loop on JUMP_BACKWARD.
      case OP.JUMP_FORWARD: {
        ip += <usize>oparg << 1;
        continue;
      }
      case OP.JUMP_BACKWARD: {
        ip -= <usize>oparg << 1;
        if (--budget <= 0) {
          if (!checkBudget(f, ip, sp)) break;
          if (suspendedFrame != 0) return SUSPENDED;
        }
        continue;
      }
      case OP.JUMP_BACKWARD_NO_INTERRUPT: {
        ip -= <usize>oparg << 1;
        continue;
      }
      case OP.POP_JUMP_FORWARD_IF_FALSE:
      case OP.POP_JUMP_BACKWARD_IF_FALSE: {
        const v = load<u64>(sp - 8);
        let t: i32;
        if (v == FALSE) t = 0;
        else if (v == TRUE) t = 1;
        else {
          t = ops.objIsTrue(v);
          if (t < 0) break;
          decref(v);
        }
        sp -= 8;
        if (t == 0) {
          if (op == OP.POP_JUMP_FORWARD_IF_FALSE) ip += <usize>oparg << 1;
          else {
            ip -= <usize>oparg << 1;
            if (--budget <= 0) {
              if (!checkBudget(f, ip, sp)) break;
              if (suspendedFrame != 0) return SUSPENDED;
            }
          }
        }
        continue;
      }
      case OP.POP_JUMP_FORWARD_IF_TRUE:
      case OP.POP_JUMP_BACKWARD_IF_TRUE: {
        const v = load<u64>(sp - 8);
        let t: i32;
        if (v == FALSE) t = 0;
        else if (v == TRUE) t = 1;
        else {
          t = ops.objIsTrue(v);
          if (t < 0) break;
          decref(v);
        }
        sp -= 8;
        if (t != 0) {
          if (op == OP.POP_JUMP_FORWARD_IF_TRUE) ip += <usize>oparg << 1;
          else {
            ip -= <usize>oparg << 1;
            if (--budget <= 0) {
              if (!checkBudget(f, ip, sp)) break;
              if (suspendedFrame != 0) return SUSPENDED;
            }
          }
        }
        continue;
      }
      case OP.POP_JUMP_FORWARD_IF_NONE:
      case OP.POP_JUMP_BACKWARD_IF_NONE: {
        sp -= 8;
        const v = load<u64>(sp);
        decref(v);
        if (v == NONE) {
          if (op == OP.POP_JUMP_FORWARD_IF_NONE) ip += <usize>oparg << 1;
          else {
            ip -= <usize>oparg << 1;
            if (--budget <= 0) {
              if (!checkBudget(f, ip, sp)) break;
              if (suspendedFrame != 0) return SUSPENDED;
            }
          }
        }
        continue;
      }
      case OP.POP_JUMP_FORWARD_IF_NOT_NONE:
      case OP.POP_JUMP_BACKWARD_IF_NOT_NONE: {
        sp -= 8;
        const v = load<u64>(sp);
        decref(v);
        if (v != NONE) {
          if (op == OP.POP_JUMP_FORWARD_IF_NOT_NONE) ip += <usize>oparg << 1;
          else {
            ip -= <usize>oparg << 1;
            if (--budget <= 0) {
              if (!checkBudget(f, ip, sp)) break;
              if (suspendedFrame != 0) return SUSPENDED;
            }
          }
        }
        continue;
      }
      case OP.JUMP_IF_FALSE_OR_POP:
      case OP.JUMP_IF_TRUE_OR_POP: {
        const v = load<u64>(sp - 8);
        const t = ops.objIsTrue(v);
        if (t < 0) break;
        if ((t != 0) == (op == OP.JUMP_IF_TRUE_OR_POP)) {
          ip += <usize>oparg << 1;
        } else {
          sp -= 8;
          decref(v);
        }
        continue;
      }

      // ── names ───────────────────────────────────────────────────────────────────────────────
      case OP.LOAD_GLOBAL: {
        // Inline cache in the 5 CACHE units (10 bytes): the low 32 bits of the globals' and the
        // builtins' version tags when the name was found, and the entry index (bit 15: found in
        // builtins). Any change to either dict bumps its version and sends us to the slow path.
        const globals = <usize>load<u32>(f + F_GLOBALS);
        const builtins = <usize>load<u32>(f + F_BUILTINS);
        let v: Value;
        const gv = load<u32>(ip);
        if (gv != 0 && gv == <u32>load<u64>(globals + 16) && load<u32>(ip, 4) == <u32>load<u64>(builtins + 16)) {
          const ix = <u32>load<u16>(ip, 8);
          v = (ix & 0x8000) != 0 ? dictEntryValue(builtins, ix & 0x7fff) : dictEntryValue(globals, ix);
        } else {
          ip += 10; // 5 cache entries
          const r = coldOp(op, oparg, f, sp, here); // the cache-miss path
          sp = r & ~(<usize>1);
          if ((r & 1) != 0) break;
          continue;
        }
        if ((oparg & 1) != 0) {
          store<u64>(sp, NULL);
          sp += 8;
        }
        incref(v);
        store<u64>(sp, v);
        sp += 8;
        ip += 10; // 5 cache entries
        continue;
      }
      case OP.LOAD_NAME: {
        const name = <usize>tupleItem(names, <usize>oparg);
        const locals = <usize>load<u32>(f + F_LOCALS);
        let v: Value = NULL;
        if (locals != 0) {
          v = ops.mappingGet(locals, <u64>name);
          if (v == NULL && errorType() != 0) break;
        }
        if (v == NULL) {
          v = loadGlobal(<usize>load<u32>(f + F_GLOBALS), <usize>load<u32>(f + F_BUILTINS), name);
          if (v == NULL) break;
          incref(v);
        }
        store<u64>(sp, v);
        sp += 8;
        continue;
      }
      case OP.STORE_NAME: {
        const name = tupleItem(names, <usize>oparg);
        const locals = <usize>load<u32>(f + F_LOCALS);
        const v = load<u64>(sp - 8);
        if (locals == 0) {
          raiseMsg(EXC_SystemError, "no locals found when storing name");
          break;
        }
        if (ops.mappingSet(locals, name, v) < 0) break;
        sp -= 8;
        decref(v);
        continue;
      }
      case OP.LOAD_DEREF: {
        const cell = <usize>load<u64>(lp + (<usize>oparg << 3));
        const v = load<u64>(cell + 8);
        if (v == NULL) {
          unboundFree(code, oparg);
          break;
        }
        incref(v);
        store<u64>(sp, v);
        sp += 8;
        continue;
      }
      case OP.STORE_DEREF: {
        sp -= 8;
        const cell = <usize>load<u64>(lp + (<usize>oparg << 3));
        const old = load<u64>(cell + 8);
        store<u64>(cell + 8, load<u64>(sp));
        decref(old);
        continue;
      }
      case OP.LOAD_CLOSURE: {
        const v = load<u64>(lp + (<usize>oparg << 3));
        incref(v);
        store<u64>(sp, v);
        sp += 8;
        continue;
      }

      // ── attributes and subscripts ───────────────────────────────────────────────────────────
      case OP.LOAD_ATTR: {
        const obj = load<u64>(sp - 8);
        const name = <usize>tupleItem(names, <usize>oparg);
        // Cached: an instance attribute of a class seen before (attributes.ts loadAttrFill).
        if (isObject(obj) && load<u32>(ip) == load<u32>(<usize>obj + 4) && load<u32>(ip, 4) == typeEpoch) {
          const dict = <usize>load<u32>(<usize>obj + <usize>load<u32>(<usize>load<u32>(<usize>obj + 4) + 52));
          if (dict != 0) {
            const v = dictGetItemStrHinted(dict, name);
            if (v != NULL) {
              incref(v);
              decref(obj);
              store<u64>(sp - 8, v);
              ip += 8;
              continue;
            }
          }
        }
        const r = loadAttrFill(obj, name, ip);
        if (r == NULL) break;
        decref(obj);
        store<u64>(sp - 8, r);
        ip += 8; // 4 cache entries
        continue;
      }
      case OP.LOAD_METHOD: {
        const obj = load<u64>(sp - 8);
        const name = <usize>tupleItem(names, <usize>oparg);
        // Cached: a function found on the class before, not shadowed by the instance dict.
        if (isObject(obj) && load<u32>(ip) == load<u32>(<usize>obj + 4) && load<u32>(ip, 4) == typeEpoch) {
          const off = <usize>load<u32>(<usize>load<u32>(<usize>obj + 4) + 52);
          const dict: usize = off == 0 ? 0 : <usize>load<u32>(<usize>obj + off);
          if (dict == 0 || !dictMayHaveStr(dict, name) || dictGetItemStr(dict, name) == NULL) {
            const fn = <u64>load<u32>(ip, 8);
            incref(fn);
            store<u64>(sp - 8, fn);
            store<u64>(sp, obj); // the stack's reference to obj moves up
            sp += 8;
            ip += 20;
            continue;
          }
        }
        ip += 20; // 10 cache entries
        const r = coldOp(op, oparg, f, sp, here); // the cache-miss path: loadMethodFill
        sp = r & ~(<usize>1);
        if ((r & 1) != 0) break;
        continue;
      }
      case OP.STORE_ATTR: {
        const obj = load<u64>(sp - 8);
        const v = load<u64>(sp - 16);
        const name = <usize>tupleItem(names, <usize>oparg);
        // Cached: a plain instance attribute of a class seen before (attributes.ts storeAttrFill).
        if (isObject(obj) && load<u32>(ip) == load<u32>(<usize>obj + 4) && load<u32>(ip, 4) == typeEpoch) {
          const dict = <usize>load<u32>(<usize>obj + <usize>load<u32>(<usize>load<u32>(<usize>obj + 4) + 52));
          if (dict != 0) {
            if (dictSetItemStrHinted(dict, name, v) < 0) break;
            sp -= 16;
            decref(obj);
            decref(v);
            ip += 8;
            continue;
          }
        }
        if (storeAttrFill(obj, name, v, ip) < 0) break;
        sp -= 16;
        decref(obj);
        decref(v);
        ip += 8; // 4 cache entries
        continue;
      }
      case OP.BINARY_SUBSCR: {
        const key = load<u64>(sp - 8);
        const container = load<u64>(sp - 16);
        // list[i] and tuple[i] with a small int (exact types: subclasses may override __getitem__)
        if (isSmallInt(key) && isObject(container)) {
          const t = load<u32>(<usize>container + 4);
          if (t == LIST_TYPE || t == TUPLE_TYPE) {
            const n = <i64>(t == LIST_TYPE ? vecSize(<usize>container) : tupleSize(<usize>container));
            let i = getSmallInt(key);
            if (i < 0) i += n;
            if (<u64>i < <u64>n) {
              const v = t == LIST_TYPE ? load<u64>(vecItems(<usize>container) + (<usize>i << 3)) : tupleItem(<usize>container, <usize>i);
              incref(v);
              sp -= 8;
              decref(container);
              store<u64>(sp - 8, v);
              ip += 8;
              continue;
            }
          }
        }
        const r = ops.objGetItem(container, key);
        if (r == NULL) break;
        sp -= 8;
        decref(key);
        decref(container);
        store<u64>(sp - 8, r);
        ip += 8; // 4 cache entries
        continue;
      }
      case OP.STORE_SUBSCR: {
        const key = load<u64>(sp - 8);
        const container = load<u64>(sp - 16);
        const v = load<u64>(sp - 24);
        // list[i] = v with a small int in range: the stack's reference to v moves into the list
        if (isSmallInt(key) && isObject(container) && load<u32>(<usize>container + 4) == LIST_TYPE) {
          const n = <i64>vecSize(<usize>container);
          let i = getSmallInt(key);
          if (i < 0) i += n;
          if (<u64>i < <u64>n) {
            const slot = vecItems(<usize>container) + (<usize>i << 3);
            const old = load<u64>(slot);
            store<u64>(slot, v);
            sp -= 24;
            decref(old);
            decref(container);
            ip += 2;
            continue;
          }
        }
        if (ops.objSetItem(container, key, v) < 0) break;
        sp -= 24;
        decref(key);
        decref(container);
        decref(v);
        ip += 2; // 1 cache entry
        continue;
      }

      // ── building containers ─────────────────────────────────────────────────────────────────
      case OP.BUILD_TUPLE: {
        const n = <usize>oparg;
        const t = n == 0 ? EMPTY_TUPLE : tupleAlloc(n);
        if (t == 0) break;
        sp -= n << 3;
        memory.copy(t + 16, sp, n << 3);
        store<u64>(sp, <u64>t);
        sp += 8;
        continue;
      }
      case OP.BUILD_LIST: {
        const n = <usize>oparg;
        const l = ops.listFromArray(sp - (n << 3), n);
        if (l == NULL) break;
        sp -= n << 3;
        store<u64>(sp, l);
        sp += 8;
        continue;
      }
      case OP.LIST_APPEND: {
        const v = load<u64>(sp - 8);
        const l = load<u64>(sp - 8 - (<usize>oparg << 3));
        if (!ops.listAppendSteal(<usize>l, v)) break;
        sp -= 8;
        continue;
      }
      case OP.UNPACK_SEQUENCE: {
        const seq = load<u64>(sp - 8);
        if (isObject(seq) && load<u32>(<usize>seq + 4) == TUPLE_TYPE && tupleSize(<usize>seq) == <u32>oparg) {
          // Items are pushed so the first ends on top.
          const n = <usize>oparg;
          for (let k: usize = 0; k < n; k++) {
            const item = tupleItem(<usize>seq, n - 1 - k);
            incref(item);
            store<u64>(sp - 8 + (k << 3), item);
          }
          decref(seq);
          sp += (n << 3) - 8;
          ip += 2;
          continue;
        }
        ip += 2; // 1 cache entry
        const r = coldOp(op, oparg, f, sp, here); // any other iterable
        sp = r & ~(<usize>1);
        if ((r & 1) != 0) break;
        continue;
      }

      // ── iteration ───────────────────────────────────────────────────────────────────────────
      case OP.GET_ITER: {
        const v = load<u64>(sp - 8);
        const it = ops.objGetIter(v);
        if (it == NULL) break;
        decref(v);
        store<u64>(sp - 8, it);
        continue;
      }
      case OP.FOR_ITER: {
        const it = load<u64>(sp - 8);
        let v: Value;
        const itType = load<u32>(<usize>it + 4);
        if (itType == LIST_ITER_TYPE) {
          v = listIterNext(<usize>it);
        } else if (itType == RANGE_ITER_TYPE) {
          v = rangeIterNext(<usize>it);
        } else {
          v = ops.objIterNext(it);
        }
        if (v != NULL) {
          store<u64>(sp, v);
          sp += 8;
          continue;
        }
        if (errorType() != 0) {
          if (errorType() != EXC_StopIteration && !ops.pendingIsStopIteration()) break;
          ops.clearError();
        }
        sp -= 8;
        decref(it);
        ip += <usize>oparg << 1;
        continue;
      }

      // ── functions and calls ─────────────────────────────────────────────────────────────────
      case OP.PRECALL: {
        ip += 2; // 1 cache entry
        continue;
      }
      case OP.KW_NAMES: {
        kwnames = <usize>tupleItem(consts, <usize>oparg);
        continue;
      }
      case OP.CALL: {
        let nargs = oparg;
        let base = sp - (<usize>(nargs + 2) << 3);
        let callable = load<u64>(base);
        let args: usize;
        if (callable != NULL) {
          args = base + 8;
          nargs++;
        } else {
          callable = load<u64>(base + 8);
          args = base + 16;
          if (isObject(callable) && kindOf(<usize>callable) == KIND_METHOD) {
            // Unpack a bound method in place: [NULL, method, args] → [func, self, args].
            const func = load<u64>(<usize>callable + 8);
            const self = load<u64>(<usize>callable + 16);
            incref(func);
            incref(self);
            store<u64>(base, func);
            store<u64>(base + 8, self);
            decref(callable);
            callable = func;
            args = base + 8;
            nargs++;
          }
        }
        const kw = kwnames;
        kwnames = 0;
        const nkw = kw == 0 ? 0 : <i32>tupleSize(kw);
        ip += 8; // 4 cache entries
        let nf: usize;
        if (isObject(callable) && kindOf(<usize>callable) == KIND_FUNCTION) {
          nf = framePrepare(<usize>callable, args, nargs - nkw, kw);
          if (nf == 0) {
            if (genResult == NULL) break;
            noteGeneratorCall(f, here, genResult); // unawaited.ts: where a coroutine was made
            popCallStack(base, sp);
            sp = base;
            store<u64>(sp, genResult);
            sp += 8;
            genResult = NULL;
            continue;
          }
        } else {
          let r: Value;
          currentFrame = f;
          if (isObject(callable) && kindOf(<usize>callable) == KIND_BUILTIN) {
            const self = builtinSelf(<usize>callable);
            // exec and eval may answer ENTER_FRAME: their code then runs here, as a callee
            enterFrameAllowed = <usize>callable == frameEnteringBuiltin1 || <usize>callable == frameEnteringBuiltin2;
            r = builtinFn(<usize>callable)(self, args, nargs - nkw, kw);
            enterFrameAllowed = false;
          } else {
            store<u32>(f + F_HERE, <u32>here);
            r = ops.objCall(callable, args, nargs - nkw, kw);
          }
          if (r == NULL) break;
          if (r != ENTER_FRAME) {
            popCallStack(base, sp);
            sp = base;
            store<u64>(sp, r);
            sp += 8;
            continue;
          }
          nf = enterFrame;
          enterFrame = 0;
        }
        // Binding errors come first, then the depth check, as when CPython enters the frame.
        if (!checkRecursion()) {
          frameFree(nf);
          break;
        }
        popCallStack(base, sp);
        sp = base;
        // Push the callee: save our state, switch frames.
        linkCallee(f, nf, ip, sp, here);
        callDepth++;
        f = nf;
        code = <usize>load<u32>(f + F_CODE);
        consts = <usize>changetype<CodeObject>(code).consts;
        names = <usize>changetype<CodeObject>(code).names;
        lp = f + FRAME_HEADER;
        ip = <usize>load<u32>(f + F_IP);
        sp = <usize>load<u32>(f + F_SP);
        if (--budget <= 0) {
          if (!checkBudget(f, ip, sp)) break;
          if (suspendedFrame != 0) return SUSPENDED;
        }
        continue;
      }
      case OP.RETURN_VALUE: {
        retval = load<u64>(sp - 8);
        sp -= 8;
        const flags = load<u32>(f + F_FLAGS);
        if ((flags & FRAME_GENERATOR) != 0) {
          store<u32>(f + F_SP, <u32>sp);
          store<u32>(f + F_FLAGS, flags | FRAME_DONE);
          callDepth--;
          yielded = false;
          return retval;
        }
        const prev = <usize>load<u32>(f + F_PREV);
        store<u32>(f + F_SP, <u32>sp);
        frameFree(f);
        callDepth--;
        if ((flags & (FRAME_ENTRY | FRAME_RESULT_NONE)) != 0) {
          if ((flags & FRAME_ENTRY) != 0) return retval;
          decref(retval); // exec() run in this loop returns None
          retval = NONE;
        }
        f = prev;
        code = <usize>load<u32>(f + F_CODE);
        consts = <usize>changetype<CodeObject>(code).consts;
        names = <usize>changetype<CodeObject>(code).names;
        lp = f + FRAME_HEADER;
        ip = <usize>load<u32>(f + F_IP);
        sp = <usize>load<u32>(f + F_SP);
        store<u64>(sp, retval);
        sp += 8;
        continue;
      }

      // ── generators ──────────────────────────────────────────────────────────────────────────
      case OP.RETURN_GENERATOR: {
        // Reached when a generator is first resumed (framePrepare made the generator): the value
        // sent in is pushed by the resumer and popped by the POP_TOP that follows.
        continue;
      }
      case OP.YIELD_VALUE: {
        retval = load<u64>(sp - 8);
        sp -= 8;
        store<u32>(f + F_IP, <u32>ip);
        store<u32>(f + F_SP, <u32>sp);
        store<u32>(f + F_HERE, <u32>here);
        callDepth--;
        yielded = true;
        return retval;
      }
      case OP.CALL_FUNCTION_EX: {
        // f(*args, **kwargs), spread out of line; a Python function's frame (exCallFrame) then runs
        // in this loop as CALL's do, so these calls nest as deep as the recursion limit allows.
        const r = coldOp(op, oparg, f, sp, here);
        sp = r & ~(<usize>1);
        if ((r & 1) != 0) break;
        const nf = exCallFrame;
        if (nf == 0) continue;
        exCallFrame = 0;
        linkCallee(f, nf, ip, sp, here);
        callDepth++;
        f = nf;
        code = <usize>load<u32>(f + F_CODE);
        consts = <usize>changetype<CodeObject>(code).consts;
        names = <usize>changetype<CodeObject>(code).names;
        lp = f + FRAME_HEADER;
        ip = <usize>load<u32>(f + F_IP);
        sp = <usize>load<u32>(f + F_SP);
        if (--budget <= 0) {
          if (!checkBudget(f, ip, sp)) break;
          if (suspendedFrame != 0) return SUSPENDED;
        }
        continue;
      }
      case OP.SEND: {
        const r = coldOp(op, oparg, f, sp, here);
        sp = r & ~(<usize>1);
        if ((r & 1) != 0) break;
        if (ops.sendReturned) ip += <usize>oparg << 1;
        continue;
      }
      case OP.DELETE_FAST:
      case OP.UNARY_NEGATIVE:
      case OP.UNARY_POSITIVE:
      case OP.UNARY_INVERT:
      case OP.STORE_GLOBAL:
      case OP.DELETE_GLOBAL:
      case OP.DELETE_NAME:
      case OP.LOAD_CLASSDEREF:
      case OP.DELETE_DEREF:
      case OP.MAKE_CELL:
      case OP.COPY_FREE_VARS:
      case OP.DELETE_ATTR:
      case OP.DELETE_SUBSCR:
      case OP.BUILD_SLICE:
      case OP.BUILD_SET:
      case OP.BUILD_MAP:
      case OP.BUILD_CONST_KEY_MAP:
      case OP.BUILD_STRING:
      case OP.SET_ADD:
      case OP.MAP_ADD:
      case OP.LIST_EXTEND:
      case OP.SET_UPDATE:
      case OP.DICT_UPDATE:
      case OP.DICT_MERGE:
      case OP.LIST_TO_TUPLE:
      case OP.UNPACK_EX:
      case OP.GET_YIELD_FROM_ITER:
      case OP.MAKE_FUNCTION:
      case OP.ASYNC_GEN_WRAP:
      case OP.GET_AWAITABLE:
      case OP.GET_AITER:
      case OP.GET_ANEXT:
      case OP.END_ASYNC_FOR:
      case OP.BEFORE_ASYNC_WITH:
      case OP.RAISE_VARARGS:
      case OP.PUSH_EXC_INFO:
      case OP.POP_EXCEPT:
      case OP.CHECK_EXC_MATCH:
      case OP.CHECK_EG_MATCH:
      case OP.PREP_RERAISE_STAR:
      case OP.RERAISE:
      case OP.LOAD_ASSERTION_ERROR:
      case OP.BEFORE_WITH:
      case OP.WITH_EXCEPT_START:
      case OP.LOAD_BUILD_CLASS:
      case OP.PRINT_EXPR:
      case OP.SETUP_ANNOTATIONS:
      case OP.IMPORT_NAME:
      case OP.IMPORT_FROM:
      case OP.IMPORT_STAR:
      case OP.FORMAT_VALUE:
      case OP.GET_LEN:
      case OP.MATCH_MAPPING:
      case OP.MATCH_SEQUENCE:
      case OP.MATCH_KEYS:
      case OP.MATCH_CLASS:
      default: {
        // the rarer instructions, out of line (coldOp): the result is the new sp, bit 0 set on error
        const r = coldOp(op, oparg, f, sp, here);
        sp = r & ~(<usize>1);
        if ((r & 1) != 0) break;
        continue;
      }
    }
    }

    // ── error: find a handler, frame by frame (unwind) ────────────────────────────────────────
    kwnames = 0;
    extArg = 0;
    f = unwind(f, sp, here);
    if (f == 0) return NULL;
    code = <usize>load<u32>(f + F_CODE);
    consts = <usize>changetype<CodeObject>(code).consts;
    names = <usize>changetype<CodeObject>(code).names;
    lp = f + FRAME_HEADER;
    ip = <usize>load<u32>(f + F_IP);
    sp = <usize>load<u32>(f + F_SP);
  }
  return NULL;
}

/**
 * The rarer instructions, and the cache-miss paths of LOAD_GLOBAL / LOAD_METHOD, UNPACK_SEQUENCE's
 * generic path and SEND: kept out of run() so that the loop V8 must compile before running any
 * program stays small (start-up time). `here` is the instruction's address (its cache starts at
 * here + 2; run() skips the cache). Returns the new sp, with bit 0 set when the instruction failed
 * (an exception is pending; run() unwinds).
 */
function coldOp(op: i32, oparg: i32, f: usize, sp: usize, here: usize): usize {
  const code = <usize>load<u32>(f + F_CODE);
  const names = <usize>changetype<CodeObject>(code).names;
  const lp = f + FRAME_HEADER;
  switch (op) {
    case OP.DELETE_FAST: {
      const slot = lp + (<usize>oparg << 3);
      const old = load<u64>(slot);
      if (old == NULL) {
        unboundLocal(code, oparg);
        return sp | 1;
      }
      store<u64>(slot, NULL);
      decref(old);
      return sp;
    }
    case OP.UNARY_NEGATIVE:
    case OP.UNARY_POSITIVE:
    case OP.UNARY_INVERT: {
      const a = load<u64>(sp - 8);
      const r = ops.unaryOp(a, op);
      if (r == NULL) return sp | 1;
      decref(a);
      store<u64>(sp - 8, r);
      return sp;
    }
    case OP.STORE_GLOBAL: {
      const name = tupleItem(names, <usize>oparg);
      const v = load<u64>(sp - 8);
      if (dictSetItem(<usize>load<u32>(f + F_GLOBALS), name, v) < 0) return sp | 1;
      sp -= 8;
      decref(v);
      return sp;
    }
    case OP.DELETE_GLOBAL: {
      const name = tupleItem(names, <usize>oparg);
      if (dictDelItem(<usize>load<u32>(f + F_GLOBALS), name) < 0) {
        nameError(<usize>name);
        return sp | 1;
      }
      return sp;
    }
    case OP.DELETE_NAME: {
      const name = tupleItem(names, <usize>oparg);
      const locals = <usize>load<u32>(f + F_LOCALS);
      if (locals == 0 || ops.mappingDel(locals, name) < 0) {
        nameError(<usize>name);
        return sp | 1;
      }
      return sp;
    }
    case OP.LOAD_CLASSDEREF: {
      const c = changetype<CodeObject>(code);
      const name = tupleItem(<usize>c.localsplusnames, <usize>oparg);
      const locals = <usize>load<u32>(f + F_LOCALS);
      let v = locals != 0 ? ops.mappingGet(locals, name) : NULL;
      if (v == NULL) {
        if (errorType() != 0) return sp | 1;
        const cell = <usize>load<u64>(lp + (<usize>oparg << 3));
        v = load<u64>(cell + 8);
        if (v == NULL) {
          unboundFree(code, oparg);
          return sp | 1;
        }
        incref(v);
      }
      store<u64>(sp, v);
      sp += 8;
      return sp;
    }
    case OP.DELETE_DEREF: {
      const cell = <usize>load<u64>(lp + (<usize>oparg << 3));
      const old = load<u64>(cell + 8);
      if (old == NULL) {
        unboundFree(code, oparg);
        return sp | 1;
      }
      store<u64>(cell + 8, NULL);
      decref(old);
      return sp;
    }
    case OP.MAKE_CELL: {
      const slot = lp + (<usize>oparg << 3);
      const cell = cellNew(load<u64>(slot));
      if (cell == 0) return sp | 1;
      decref(load<u64>(slot));
      store<u64>(slot, <u64>cell);
      return sp;
    }
    case OP.COPY_FREE_VARS: {
      const func = <usize>load<u32>(f + F_FUNC);
      const closure = <usize>load<u32>(func + FN_CLOSURE);
      const nlp = <usize>load<u32>(f + F_NLOCALSPLUS);
      const n = <usize>oparg;
      for (let i: usize = 0; i < n; i++) {
        const cell = tupleItem(closure, i);
        incref(cell);
        store<u64>(lp + ((nlp - n + i) << 3), cell);
      }
      return sp;
    }
    case OP.DELETE_ATTR: {
      const obj = load<u64>(sp - 8);
      if (ops.objSetAttr(obj, <usize>tupleItem(names, <usize>oparg), NULL) < 0) return sp | 1;
      sp -= 8;
      decref(obj);
      return sp;
    }
    case OP.DELETE_SUBSCR: {
      const key = load<u64>(sp - 8);
      const container = load<u64>(sp - 16);
      if (ops.objSetItem(container, key, NULL) < 0) return sp | 1;
      sp -= 16;
      decref(key);
      decref(container);
      return sp;
    }
    case OP.BUILD_SLICE: {
      const n = <usize>oparg;
      const step = n == 3 ? load<u64>(sp - 8) : NONE;
      const stop = load<u64>(sp - (n == 3 ? 16 : 8));
      const start = load<u64>(sp - (n == 3 ? 24 : 16));
      const s = ops.sliceNew(start, stop, step);
      if (s == NULL) return sp | 1;
      sp -= n << 3;
      decref(start);
      decref(stop);
      if (n == 3) decref(step);
      store<u64>(sp, s);
      sp += 8;
      return sp;
    }
    case OP.BUILD_SET: {
      const n = <usize>oparg;
      const s = ops.setFromArray(sp - (n << 3), n);
      if (s == NULL) return sp | 1;
      sp -= n << 3;
      for (let i: usize = 0; i < n; i++) decref(load<u64>(sp + (i << 3)));
      store<u64>(sp, s);
      sp += 8;
      return sp;
    }
    case OP.BUILD_MAP: {
      const n = <usize>oparg;
      const d = dictNew();
      if (d == 0) return sp | 1;
      const base = sp - (n << 4);
      let ok = true;
      for (let i: usize = 0; i < n && ok; i++) {
        ok = ops.dictSet(d, load<u64>(base + (i << 4)), load<u64>(base + (i << 4) + 8)) >= 0;
      }
      if (!ok) {
        decref(<u64>d);
        return sp | 1;
      }
      for (let p = base; p < sp; p += 8) decref(load<u64>(p));
      sp = base;
      store<u64>(sp, <u64>d);
      sp += 8;
      return sp;
    }
    case OP.BUILD_CONST_KEY_MAP: {
      const n = <usize>oparg;
      const keys = <usize>load<u64>(sp - 8);
      const d = dictNew();
      if (d == 0) return sp | 1;
      const base = sp - 8 - (n << 3);
      let ok = true;
      for (let i: usize = 0; i < n && ok; i++) {
        ok = ops.dictSet(d, tupleItem(keys, i), load<u64>(base + (i << 3))) >= 0;
      }
      if (!ok) {
        decref(<u64>d);
        return sp | 1;
      }
      for (let p = base; p < sp; p += 8) decref(load<u64>(p));
      sp = base;
      store<u64>(sp, <u64>d);
      sp += 8;
      return sp;
    }
    case OP.BUILD_STRING: {
      const n = <usize>oparg;
      const s = ops.strJoinArray(sp - (n << 3), n);
      if (s == NULL) return sp | 1;
      sp -= n << 3;
      for (let i: usize = 0; i < n; i++) decref(load<u64>(sp + (i << 3)));
      store<u64>(sp, s);
      sp += 8;
      return sp;
    }
    case OP.SET_ADD: {
      const v = load<u64>(sp - 8);
      const s = load<u64>(sp - 8 - (<usize>oparg << 3));
      if (ops.setAdd(<usize>s, v) < 0) return sp | 1;
      sp -= 8;
      decref(v);
      return sp;
    }
    case OP.MAP_ADD: {
      const v = load<u64>(sp - 8);
      const k = load<u64>(sp - 16);
      const d = load<u64>(sp - 16 - (<usize>oparg << 3));
      if (ops.dictSet(<usize>d, k, v) < 0) return sp | 1;
      sp -= 16;
      decref(v);
      decref(k);
      return sp;
    }
    case OP.LIST_EXTEND: {
      const it = load<u64>(sp - 8);
      const l = load<u64>(sp - 8 - (<usize>oparg << 3));
      if (!ops.listExtend(<usize>l, it)) {
        ops.fixExtendError(it);
        return sp | 1;
      }
      sp -= 8;
      decref(it);
      return sp;
    }
    case OP.SET_UPDATE: {
      const it = load<u64>(sp - 8);
      const s = load<u64>(sp - 8 - (<usize>oparg << 3));
      if (!ops.setUpdate(<usize>s, it)) return sp | 1;
      sp -= 8;
      decref(it);
      return sp;
    }
    case OP.DICT_UPDATE: {
      const other = load<u64>(sp - 8);
      const d = load<u64>(sp - 8 - (<usize>oparg << 3));
      if (!ops.dictUpdate(<usize>d, other, false, NULL)) return sp | 1;
      sp -= 8;
      decref(other);
      return sp;
    }
    case OP.DICT_MERGE: {
      const other = load<u64>(sp - 8);
      const d = load<u64>(sp - 8 - (<usize>oparg << 3));
      // The callable sits below the args/kwargs being built: [NULL, func, args, kwargs-dict, other].
      const func = load<u64>(sp - 8 - (<usize>(oparg + 2) << 3));
      if (!ops.dictUpdate(<usize>d, other, true, func)) return sp | 1;
      sp -= 8;
      decref(other);
      return sp;
    }
    case OP.LIST_TO_TUPLE: {
      const l = load<u64>(sp - 8);
      const t = ops.listToTuple(<usize>l);
      if (t == NULL) return sp | 1;
      decref(l);
      store<u64>(sp - 8, t);
      return sp;
    }
    case OP.UNPACK_EX: {
      const seq = load<u64>(sp - 8);
      const before = <usize>(oparg & 0xff);
      const after = <usize>(oparg >> 8);
      if (!ops.unpackEx(seq, before, after, sp - 8)) return sp | 1;
      decref(seq);
      sp += ((before + after + 1) << 3) - 8;
      return sp;
    }
    case OP.GET_YIELD_FROM_ITER: {
      const v = load<u64>(sp - 8);
      if (!ops.isGenerator(v)) {
        const it = ops.objGetIter(v);
        if (it == NULL) return sp | 1;
        decref(v);
        store<u64>(sp - 8, it);
      }
      return sp;
    }

    // ── functions ───────────────────────────────────────────────────────────────────────────
    case OP.MAKE_FUNCTION: {
      const codeObj = <usize>load<u64>(sp - 8);
      const c = changetype<CodeObject>(codeObj);
      const globals = <usize>load<u32>(f + F_GLOBALS);
      const module = dictGetItem(globals, <u64>N_NAME);
      const func = functionNew(codeObj, globals, <usize>load<u32>(f + F_BUILTINS), <usize>c.qualname, <usize>c.name, module == NULL ? NONE : module);
      if (func == 0) return sp | 1;
      sp -= 8;
      decref(<u64>codeObj);
      if ((oparg & 8) != 0) {
        sp -= 8;
        store<u32>(func + FN_CLOSURE, <u32>load<u64>(sp));
      }
      if ((oparg & 4) != 0) {
        sp -= 8;
        store<u32>(func + FN_ANNOTATIONS, <u32>load<u64>(sp));
      }
      if ((oparg & 2) != 0) {
        sp -= 8;
        store<u32>(func + FN_KWDEFAULTS, <u32>load<u64>(sp));
      }
      if ((oparg & 1) != 0) {
        sp -= 8;
        store<u32>(func + FN_DEFAULTS, <u32>load<u64>(sp));
      }
      // __doc__: the first constant when it is a str (3.11 puts the docstring there).
      const cc = <usize>c.consts;
      if (tupleSize(cc) > 0) {
        const d0 = tupleItem(cc, 0);
        if (isObject(d0) && kindOf(<usize>d0) == KIND_STR) {
          incref(d0);
          store<u64>(func + FN_DOC, d0);
        }
      }
      store<u64>(sp, <u64>func);
      sp += 8;
      return sp;
    }
    case OP.CALL_FUNCTION_EX: {
      let kwargs: Value = NULL;
      if ((oparg & 1) != 0) kwargs = load<u64>(sp - 8);
      const top = (oparg & 1) != 0 ? sp - 8 : sp;
      const callargs = load<u64>(top - 8);
      const func = load<u64>(top - 16);
      store<u32>(f + F_HERE, <u32>here);
      currentFrame = f;
      // Stack: [NULL, func, callargs, (kwargs)].
      const base = top - 24;
      let fn: usize = 0;
      let self: Value = NULL;
      if (isObject(func)) {
        const k = kindOf(<usize>func);
        if (k == KIND_FUNCTION) {
          fn = <usize>func;
        } else if (k == KIND_METHOD) {
          const inner = load<u64>(<usize>func + 8);
          if (isObject(inner) && kindOf(<usize>inner) == KIND_FUNCTION) {
            fn = <usize>inner;
            self = load<u64>(<usize>func + 16);
          }
        }
      }
      if (fn != 0) return exCallPrepare(f, here, fn, func, self, callargs, kwargs, base, sp);
      const r = ops.callWithTupleAndDict(func, callargs, kwargs);
      if (r == NULL) return sp | 1;
      popCallStack(base, sp);
      sp = base;
      store<u64>(sp, r);
      sp += 8;
      return sp;
    }

    // ── generators ──────────────────────────────────────────────────────────────────────────
    case OP.ASYNC_GEN_WRAP: {
      asyncGenWrap(f); // async-gen.ts: marks the yield that follows as the body's own
      return sp;
    }

    // ── coroutines (coroutine.ts) ───────────────────────────────────────────────────────────
    case OP.GET_AWAITABLE:
    case OP.GET_AITER: {
      const v = load<u64>(sp - 8);
      const it = op == OP.GET_AWAITABLE ? getAwaitable(v, oparg) : getAIter(v);
      if (it == NULL) return sp | 1;
      decref(v);
      store<u64>(sp - 8, it);
      return sp;
    }
    case OP.GET_ANEXT: {
      const it = getANext(load<u64>(sp - 8));
      if (it == NULL) return sp | 1;
      store<u64>(sp, it);
      sp += 8;
      return sp;
    }
    case OP.END_ASYNC_FOR: {
      sp -= 8;
      if (!endAsyncFor(load<u64>(sp))) {
        reraising = true;
        return sp | 1;
      }
      sp -= 8;
      decref(load<u64>(sp));
      return sp;
    }
    case OP.BEFORE_ASYNC_WITH: {
      const mgr = load<u64>(sp - 8);
      const r = beforeAsyncWith(mgr);
      if (r == NULL) return sp | 1;
      decref(mgr);
      store<u64>(sp - 8, asyncExitOut);
      store<u64>(sp, r);
      sp += 8;
      return sp;
    }

    // ── exceptions ──────────────────────────────────────────────────────────────────────────
    case OP.RAISE_VARARGS: {
      let cause: Value = NULL;
      let exc: Value = NULL;
      if (oparg == 2) {
        cause = load<u64>(sp - 8);
        exc = load<u64>(sp - 16);
        sp -= 16;
      } else if (oparg == 1) {
        exc = load<u64>(sp - 8);
        sp -= 8;
      }
      doRaise(exc, cause);
      decref(exc);
      return sp | 1;
    }
    case OP.PUSH_EXC_INFO: {
      const exc = load<u64>(sp - 8);
      store<u64>(sp - 8, excInfo == NULL ? NONE : excInfo);
      incref(exc);
      excInfo = exc;
      store<u64>(sp, exc);
      sp += 8;
      return sp;
    }
    case OP.POP_EXCEPT: {
      sp -= 8;
      const v = load<u64>(sp);
      setExcInfo(v == NONE ? NULL : v);
      return sp;
    }
    case OP.CHECK_EXC_MATCH: {
      const type = load<u64>(sp - 8);
      const exc = load<u64>(sp - 16);
      const r = ops.exceptionMatches(exc, type);
      if (r < 0) return sp | 1;
      decref(type);
      store<u64>(sp - 8, makeBool(r != 0));
      return sp;
    }
    case OP.CHECK_EG_MATCH: {
      // [exc, type] -> [exc, None] when nothing matches, else [rest, match] (rest may be None).
      const type = load<u64>(sp - 8);
      const exc = load<u64>(sp - 16);
      if (!exceptStarMatch(exc, type)) return sp | 1;
      decref(type);
      if (egMatchOut == NONE) {
        decref(egRestOut);
        store<u64>(sp - 8, NONE);
        return sp;
      }
      store<u64>(sp - 16, egRestOut);
      store<u64>(sp - 8, egMatchOut);
      incref(egMatchOut);
      setExcInfo(egMatchOut);
      decref(exc);
      return sp;
    }
    case OP.PREP_RERAISE_STAR: {
      // [orig, list of raised/re-raised] -> [what the try-except* statement raises, or None]
      const excs = load<u64>(sp - 8);
      const orig = load<u64>(sp - 16);
      const r = prepReraiseStar(orig, excs);
      if (r == NULL) return sp | 1;
      decref(excs);
      decref(orig);
      sp -= 8;
      store<u64>(sp - 8, r);
      return sp;
    }
    case OP.RERAISE: {
      // CPython sets f_lasti from the saved lasti (for f_lineno only); the handler search
      // starts from this instruction, as exception_unwind uses next_instr.
      const exc = load<u64>(sp - 8);
      sp -= 8;
      raiseObject(exc);
      reraising = true;
      return sp | 1;
    }
    case OP.LOAD_ASSERTION_ERROR: {
      const t = <u64>excType(EXC_AssertionError);
      store<u64>(sp, t);
      sp += 8;
      return sp;
    }
    case OP.BEFORE_WITH: {
      const mgr = load<u64>(sp - 8);
      if (!ops.beforeWith(mgr)) return sp | 1;
      decref(mgr);
      store<u64>(sp - 8, ops.methodOut); // the bound __exit__
      store<u64>(sp, ops.selfOut); // what __enter__ returned
      sp += 8;
      return sp;
    }
    case OP.WITH_EXCEPT_START: {
      // Stack: [exit, lasti, prev_exc, exc].
      const exc = load<u64>(sp - 8);
      const exit = load<u64>(sp - 32);
      const r = ops.callExit(exit, exc);
      if (r == NULL) return sp | 1;
      store<u64>(sp, r);
      sp += 8;
      return sp;
    }

    case OP.PRINT_EXPR: {
      // 'single' mode code shows an expression statement's value through sys.displayhook
      const v = load<u64>(sp - 8);
      store<u32>(f + F_HERE, <u32>here);
      const r = printExpr(v);
      if (r == NULL) return sp | 1;
      decref(r);
      sp -= 8;
      decref(v);
      return sp;
    }

    // ── classes, modules, formatting, match ─────────────────────────────────────────────────
    case OP.LOAD_BUILD_CLASS: {
      store<u64>(sp, buildClassBuiltin());
      sp += 8;
      return sp;
    }
    case OP.SETUP_ANNOTATIONS: {
      const locals = <usize>load<u32>(f + F_LOCALS);
      if (locals != 0 && ops.mappingGet(locals, <u64>N_ANNOTATIONS) == NULL) {
        if (errorType() != 0) return sp | 1;
        const d = dictNew();
        if (d == 0) return sp | 1;
        const rc = ops.mappingSet(locals, <u64>N_ANNOTATIONS, <u64>d);
        decref(<u64>d);
        if (rc < 0) return sp | 1;
      }
      return sp;
    }
    case OP.IMPORT_NAME: {
      const fromlist = load<u64>(sp - 8);
      const level = load<u64>(sp - 16);
      store<u32>(f + F_HERE, <u32>here);
      const m = importName(<usize>tupleItem(names, <usize>oparg), fromlist, level, <usize>load<u32>(f + F_GLOBALS));
      if (m == NULL) return sp | 1;
      sp -= 8;
      decref(fromlist);
      decref(level);
      store<u64>(sp - 8, m);
      return sp;
    }
    case OP.IMPORT_FROM: {
      const m = load<u64>(sp - 8);
      const v = importFrom(m, <usize>tupleItem(names, <usize>oparg));
      if (v == NULL) return sp | 1;
      store<u64>(sp, v);
      sp += 8;
      return sp;
    }
    case OP.IMPORT_STAR: {
      const m = load<u64>(sp - 8);
      const locals = <usize>load<u32>(f + F_LOCALS);
      if (!importStar(m, locals)) return sp | 1;
      sp -= 8;
      decref(m);
      return sp;
    }
    case OP.FORMAT_VALUE: {
      const hasSpec = (oparg & 4) != 0;
      const spec = hasSpec ? load<u64>(sp - 8) : NULL;
      const v = load<u64>(sp - (hasSpec ? 16 : 8));
      const r = ops.formatValue(v, oparg & 3, spec);
      if (r == NULL) return sp | 1;
      if (hasSpec) {
        sp -= 8;
        decref(spec);
      }
      decref(v);
      store<u64>(sp - 8, r);
      return sp;
    }
    case OP.GET_LEN: {
      const n = ops.objLen(load<u64>(sp - 8));
      if (n < 0) return sp | 1;
      store<u64>(sp, makeSmallInt(n));
      sp += 8;
      return sp;
    }
    case OP.MATCH_MAPPING:
    case OP.MATCH_SEQUENCE: {
      const v = load<u64>(sp - 8);
      store<u64>(sp, makeBool(op == OP.MATCH_MAPPING ? ops.isMapping(v) : ops.isSequence(v)));
      sp += 8;
      return sp;
    }
    case OP.MATCH_KEYS: {
      const keys = load<u64>(sp - 8);
      const subject = load<u64>(sp - 16);
      const r = ops.matchKeys(subject, keys);
      if (r == NULL) return sp | 1;
      store<u64>(sp, r);
      sp += 8;
      return sp;
    }
    case OP.MATCH_CLASS: {
      const kwargs = load<u64>(sp - 8);
      const type = load<u64>(sp - 16);
      const subject = load<u64>(sp - 24);
      const r = ops.matchClass(subject, type, <usize>oparg, kwargs);
      if (r == NULL) return sp | 1;
      sp -= 16;
      decref(kwargs);
      decref(type);
      decref(subject);
      store<u64>(sp - 8, r);
      return sp;
    }
    // ── slow paths of instructions run() handles (ip: here + 2, the first cache unit) ─────────
    case OP.LOAD_GLOBAL: {
      const v = loadGlobalCached(<usize>load<u32>(f + F_GLOBALS), <usize>load<u32>(f + F_BUILTINS), <usize>tupleItem(names, <usize>(oparg >> 1)), here + 2);
      if (v == NULL) return sp | 1;
      if ((oparg & 1) != 0) {
        store<u64>(sp, NULL);
        sp += 8;
      }
      incref(v);
      store<u64>(sp, v);
      return sp + 8;
    }
    case OP.LOAD_METHOD: {
      // loadMethodFill leaves (method, self) or (NULL, attribute) in methodOut/selfOut.
      const obj = load<u64>(sp - 8);
      if (!loadMethodFill(obj, <usize>tupleItem(names, <usize>oparg), here + 2)) return sp | 1;
      store<u64>(sp - 8, ops.methodOut);
      store<u64>(sp, ops.selfOut);
      decref(obj);
      return sp + 8;
    }
    case OP.UNPACK_SEQUENCE: {
      // Items are pushed so the first ends on top.
      const seq = load<u64>(sp - 8);
      if (!ops.unpackSequence(seq, <usize>oparg, sp - 8)) return sp | 1;
      decref(seq);
      return sp + (<usize>oparg << 3) - 8;
    }
    case OP.SEND: {
      // Stack: [receiver, value] → [receiver, yielded] or, when the receiver returns, [result]
      // (run() then jumps: ops.sendReturned).
      const value = load<u64>(sp - 8);
      const receiver = load<u64>(sp - 16);
      store<u32>(f + F_HERE, <u32>here);
      const r = ops.sendValue(receiver, value);
      if (r == NULL) return sp | 1;
      decref(value);
      if (ops.sendReturned) {
        sp -= 8;
        decref(receiver);
      }
      store<u64>(sp - 8, r);
      return sp;
    }
    default: {
      raiseBegin(EXC_SystemError);
      errText("unknown opcode");
      return sp | 1;
    }
  }
}

/**
 * The error path of run(): records the traceback entry, then looks for a handler frame by frame
 * (no wasm recursion). Returns the frame that handles the exception, with its F_IP at the handler
 * and F_SP above the pushed exception, or 0: the evaluation ends with the exception pending
 * (the entry frame or a generator frame had no handler).
 */
function unwind(f: usize, sp: usize, here: usize): usize {
  while (true) {
    const code = <usize>load<u32>(f + F_CODE);
    const adaptive = <usize>changetype<CodeObject>(code).adaptive;
    const exc = fetchException();
    if (!reraising) {
      chainContext(exc);
      if (isException(exc)) excAddTraceback(<usize>exc, code, <u32>(here - adaptive), frameLocalsCapture(f), <usize>load<u32>(f + F_GLOBALS));
    }
    reraising = false;
    const index = <i32>((here - adaptive) >> 1);
    if (findHandler(code, index)) {
      const base = frameStackBase(f);
      const depthTop = base + (<usize>handlerDepth << 3);
      while (sp > depthTop) {
        sp -= 8;
        decref(load<u64>(sp));
      }
      if (handlerLasti) {
        store<u64>(sp, makeSmallInt(<i64>index));
        sp += 8;
      }
      store<u64>(sp, exc);
      sp += 8;
      store<u32>(f + F_IP, <u32>(adaptive + (<usize>handlerTarget << 1)));
      store<u32>(f + F_SP, <u32>sp);
      return f;
    }
    // No handler here: this frame is done.
    const flags = load<u32>(f + F_FLAGS);
    store<u32>(f + F_SP, <u32>sp);
    callDepth--;
    if ((flags & FRAME_GENERATOR) != 0) {
      store<u32>(f + F_FLAGS, flags | FRAME_DONE);
      raiseObject(exc);
      yielded = false;
      return 0;
    }
    const prev = <usize>load<u32>(f + F_PREV);
    frameFree(f);
    if ((flags & FRAME_ENTRY) != 0) {
      raiseObject(exc);
      return 0;
    }
    f = prev;
    sp = <usize>load<u32>(f + F_SP);
    here = <usize>load<u32>(f + F_HERE);
    raiseObject(exc);
  }
  return 0;
}

/** The float type's address (header.type of every float), for the fast paths. */
let FLOAT_TYPE: u32 = 0;
let LIST_TYPE: u32 = 0;
let TUPLE_TYPE: u32 = 0;
let LIST_ITER_TYPE: u32 = 0;
let RANGE_ITER_TYPE: u32 = 0;
export function initEvalConstants(): void {
  FLOAT_TYPE = <u32>typeObject(KIND_FLOAT);
  LIST_TYPE = <u32>typeObject(KIND_LIST);
  TUPLE_TYPE = <u32>typeObject(KIND_TUPLE);
  LIST_ITER_TYPE = <u32>typeObject(KIND_LIST_ITER);
  RANGE_ITER_TYPE = <u32>typeObject(KIND_RANGE_ITER);
}

/**
 * float OP float for + - * / (others: NULL, the generic path decides). When the left box is only
 * referenced by the stack, its value is overwritten and the box reused (returns `a` itself).
 */
// @ts-ignore: decorator
@inline function floatBinaryFast(a: Value, b: Value, op: i32): Value {
  const x = load<f64>(<usize>a + 8);
  const y = load<f64>(<usize>b + 8);
  let z: f64;
  switch (op) {
    case 0:
    case 13:
      z = x + y;
      break;
    case 10:
    case 23:
      z = x - y;
      break;
    case 5:
    case 18:
      z = x * y;
      break;
    case 11:
    case 24:
      if (y == 0) return NULL;
      z = x / y;
      break;
    case 8:
    case 21:
      // ** with a positive finite base and a finite result; the rest (complex results, errors,
      // infinities) is float-ops.ts floatPow's business. Same Math.pow as floatPow.
      if (!(x > 0 && x < Infinity) || !isFinite(y)) return NULL;
      z = Math.pow(x, y);
      if (!isFinite(z)) return NULL;
      break;
    default:
      return NULL;
  }
  if (load<u32>(<usize>a) == 1) {
    store<f64>(<usize>a + 8, z);
    return a;
  }
  return floatNew(z);
}

/** Drops the callable slots and arguments of a finished call: [base, sp). */
// @ts-ignore: decorator
@inline function popCallStack(base: usize, sp: usize): void {
  for (let p = base; p < sp; p += 8) decref(load<u64>(p));
}

/** Saves the caller's state in its frame and links the callee above it. */
// @ts-ignore: decorator
@inline function linkCallee(f: usize, callee: usize, ip: usize, sp: usize, here: usize): void {
  store<u32>(f + F_IP, <u32>ip);
  store<u32>(f + F_SP, <u32>sp);
  store<u32>(f + F_HERE, <u32>here);
  store<u32>(callee + F_PREV, <u32>f);
}

/**
 * CALL_FUNCTION_EX of Python function `fn` (`func` itself, or the function of bound method `func`
 * with `self`): binds the spread arguments in a new frame and leaves it in exCallFrame for run()
 * to enter, or pushes the generator a generator function returns. The call stack [base, sp) is
 * popped on success. Returns the new sp, bit 0 set on error (coldOp's convention).
 */
function exCallPrepare(f: usize, here: usize, fn: usize, func: Value, self: Value, callargs: Value, kwargs: Value, base: usize, sp: usize): usize {
  let nf: usize;
  const nk = kwargs == NULL ? 0 : load<u32>(<usize>kwargs + 8);
  if (self == NULL && nk == 0 && isObject(callargs) && kindOf(<usize>callargs) == KIND_TUPLE) {
    nf = framePrepare(fn, <usize>callargs + 16, <i32>tupleSize(<usize>callargs), 0);
  } else {
    const ex = exSpread(func, self, callargs, kwargs);
    if (ex == 0) return sp | 1;
    nf = framePrepare(fn, exItems(ex), exNpos(ex), exKwnames(ex));
    exSpreadFree(ex);
  }
  if (nf == 0 && genResult == NULL) return sp | 1;
  // Binding errors come first, then the depth check, as when CPython enters the frame.
  if (nf != 0 && !checkRecursion()) {
    frameFree(nf);
    return sp | 1;
  }
  popCallStack(base, sp);
  sp = base;
  if (nf == 0) {
    noteGeneratorCall(f, here, genResult); // unawaited.ts: where a coroutine was made
    store<u64>(sp, genResult);
    genResult = NULL;
    return sp + 8;
  }
  exCallFrame = nf;
  return sp;
}
import { exSpread, exSpreadFree, exItems, exNpos, exKwnames } from "./collections";

/**
 * The budget ran out: deliver a pending KeyboardInterrupt (false: raised), or, in the outermost
 * evaluation, save the state and mark the frame for suspension (suspendedFrame != 0).
 */
import { gcBudgetCheck } from "./gc";
function checkBudget(f: usize, ip: usize, sp: usize): bool {
  if (gcBudgetCheck()) return true; // the budget stop was a cycle collection request (gc.ts)
  budget = 1 << 30;
  if (suspendOnBudget && evalNesting > 1) {
    // A nested evaluation (Python called from native code) cannot return to the host: ask it
    // whether to interrupt (a time limit, say), and check again after another budget.
    budget = budgetChunk;
    if (hostPollInterrupt() != 0) interruptRequested = true;
  }
  if (interruptRequested) {
    interruptRequested = false;
    raiseBegin(EXC_KeyboardInterrupt);
    return false;
  }
  if (evalNesting == 1 && suspendOnBudget) {
    store<u32>(f + F_IP, <u32>ip);
    store<u32>(f + F_SP, <u32>sp);
    suspendedFrame = f;
  }
  return true;
}

/** Whether running out of budget suspends the outermost evaluation (the host's run loop sets it). */
export let suspendOnBudget: bool = false;
export function setSuspendOnBudget(on: bool): void {
  suspendOnBudget = on;
}

export { KIND_TUPLE, KIND_LIST, KIND_DICT, KIND_EXCEPTION, KIND_TYPE, KIND_CELL, vecSize, vecItems, typeOf, typeObject, EXC_ValueError, EXC_MemoryError, errTypeName, getSmallInt, FN_DEFAULTS, FN_KWDEFAULTS, N_MODULE, genSetFrame, EX_TRACEBACK, F_CODE, FRAME_DONE, FRAME_GENERATOR, F_PREV, F_FUNC, F_BUILTINS, F_LOCALS, FRAME_ENTRY };
