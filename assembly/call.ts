/**
 * Binding call arguments to a Python function's parameters (CPython's rules and TypeError
 * messages): positional, positional-only, keyword, keyword-only, defaults, *args, **kwargs.
 */
import { Value, NULL, NONE } from "./values";
import { CodeObject } from "./code";
import { tupleAlloc, tupleSetItem, tupleSize, tupleItem, EMPTY_TUPLE } from "./tuple";
import { raiseBegin, errText, errInt, errStrObject, EXC_TypeError } from "./types";
import { incref, decref } from "./refcount";
import { dictNew, dictSetItem, dictGetItem } from "./dict";
import { strEqual } from "./str";
import { FN_CODE, FN_DEFAULTS, FN_KWDEFAULTS, FN_QUALNAME } from "./function";
import { frameLocals } from "./frame";
import { enterC, leaveC, IN_COMPARISON } from "./recursion";

export const CO_OPTIMIZED: i32 = 1;
export const CO_NEWLOCALS: i32 = 2;
export const CO_VARARGS: i32 = 4;
export const CO_VARKEYWORDS: i32 = 8;
export const CO_NESTED: i32 = 16;
export const CO_GENERATOR: i32 = 0x20;
export const CO_COROUTINE: i32 = 0x80;
export const CO_ITERABLE_COROUTINE: i32 = 0x100;
export const CO_ASYNC_GENERATOR: i32 = 0x200;

function qualnameOf(func: usize): usize {
  return <usize>load<u32>(func + FN_QUALNAME);
}

function lpName(code: usize, i: i32): usize {
  return <usize>tupleItem(<usize>changetype<CodeObject>(code).localsplusnames, <usize>i);
}

function beginCallError(func: usize): void {
  raiseBegin(EXC_TypeError);
  errStrObject(qualnameOf(func));
  errText("()");
}

/**
 * Fills the frame's parameters from the call arguments: `args` holds nargs positional values then
 * the keyword values named by `kwnames` (0 or a tuple of str). References are taken for the frame.
 * Returns false with TypeError raised on a mismatch. Inlined: the common call — exactly the
 * positional parameters, no keywords, no varargs (CPython 3.11 specializes it as
 * CALL_PY_EXACT_ARGS) — binds in the caller, with no call; the rest is bindArgsSlow.
 */
// @ts-ignore: decorator
@inline export function bindArgs(f: usize, func: usize, args: usize, nargs: i32, kwnames: usize): bool {
  const c = changetype<CodeObject>(<usize>load<u32>(func + FN_CODE));
  if (kwnames == 0 && nargs == c.argcount && c.kwonlyargcount == 0 && (c.flags & (CO_VARARGS | CO_VARKEYWORDS)) == 0) {
    const lp = frameLocals(f);
    for (let i: usize = 0; i < <usize>nargs; i++) {
      const v = load<u64>(args + (i << 3));
      incref(v);
      store<u64>(lp + (i << 3), v);
    }
    return true;
  }
  return bindArgsSlow(f, func, args, nargs, kwnames);
}

function bindArgsSlow(f: usize, func: usize, args: usize, nargs: i32, kwnames: usize): bool {
  const code = <usize>load<u32>(func + FN_CODE);
  const c = changetype<CodeObject>(code);
  const lp = frameLocals(f);
  const argcount = c.argcount;
  const kwonly = c.kwonlyargcount;
  const flags = c.flags;
  const nkw = kwnames == 0 ? 0 : <i32>tupleSize(kwnames);
  const total = argcount + kwonly;
  let kwdict: usize = 0;
  let slot = total;
  if ((flags & CO_VARARGS) != 0) slot++;
  if ((flags & CO_VARKEYWORDS) != 0) {
    kwdict = dictNew();
    if (kwdict == 0) return false;
    store<u64>(lp + (<usize>slot << 3), <u64>kwdict);
  }
  // Positional arguments.
  const npos = nargs < argcount ? nargs : argcount;
  for (let i = 0; i < npos; i++) {
    const v = load<u64>(args + (<usize>i << 3));
    incref(v);
    store<u64>(lp + (<usize>i << 3), v);
  }
  if ((flags & CO_VARARGS) != 0) {
    const extra = nargs - npos;
    const t = extra > 0 ? tupleAlloc(<usize>extra) : EMPTY_TUPLE;
    if (t == 0) return false;
    for (let i = 0; i < extra; i++) {
      const v = load<u64>(args + (<usize>(npos + i) << 3));
      incref(v);
      tupleSetItem(t, <usize>i, v);
    }
    store<u64>(lp + (<usize>total << 3), <u64>t);
  } else if (nargs > argcount) {
    tooManyPositional(func, code, nargs, nkw, args, kwnames, lp);
    return false;
  }
  // Keyword arguments.
  let posonlyAsKw: i32 = 0;
  for (let k = 0; k < nkw; k++) {
    const name = <usize>tupleItem(kwnames, <usize>k);
    const v = load<u64>(args + (<usize>(nargs + k) << 3));
    let j = c.posonlyargcount;
    while (j < total && lpName(code, j) != name) j++;
    if (j == total && c.posonlyargcount < total) {
      // Not the interned name: CPython falls back to rich comparison, which counts against the
      // recursion limit (so a call at the limit fails with "... in comparison").
      if (!enterC(IN_COMPARISON)) return false;
      leaveC();
      for (j = c.posonlyargcount; j < total; j++) {
        if (strEqual(lpName(code, j), name)) break;
      }
    }
    if (j < total) {
      if (load<u64>(lp + (<usize>j << 3)) != NULL) {
        beginCallError(func);
        errText(" got multiple values for argument '");
        errStrObject(name);
        errText("'");
        return false;
      }
      incref(v);
      store<u64>(lp + (<usize>j << 3), v);
      continue;
    }
    if (kwdict != 0) {
      if (dictSetItem(kwdict, <u64>name, v) < 0) return false;
      continue;
    }
    // Positional-only parameter given by keyword?
    let isPosonly = false;
    for (let p = 0; p < c.posonlyargcount; p++) {
      if (strEqual(lpName(code, p), name)) isPosonly = true;
    }
    if (isPosonly) {
      posonlyAsKw++;
      continue;
    }
    beginCallError(func);
    errText(" got an unexpected keyword argument '");
    errStrObject(name);
    errText("'");
    return false;
  }
  if (posonlyAsKw > 0) {
    beginCallError(func);
    errText(" got some positional-only arguments passed as keyword arguments: '");
    let first = true;
    for (let k = 0; k < nkw; k++) {
      const name = <usize>tupleItem(kwnames, <usize>k);
      for (let p = 0; p < c.posonlyargcount; p++) {
        if (strEqual(lpName(code, p), name)) {
          if (!first) errText(", ");
          errStrObject(name);
          first = false;
        }
      }
    }
    errText("'");
    return false;
  }
  // Defaults for missing positional parameters.
  if (nargs < argcount) {
    const defaults = <usize>load<u32>(func + FN_DEFAULTS);
    const ndef = defaults == 0 ? 0 : <i32>tupleSize(defaults);
    const firstDefault = argcount - ndef;
    let missing = 0;
    for (let i = nargs; i < argcount; i++) {
      if (load<u64>(lp + (<usize>i << 3)) != NULL) continue;
      if (i >= firstDefault) {
        const v = tupleItem(defaults, <usize>(i - firstDefault));
        incref(v);
        store<u64>(lp + (<usize>i << 3), v);
      } else {
        missing++;
      }
    }
    if (missing > 0) {
      missingArgs(func, code, lp, 0, argcount, missing, "positional");
      return false;
    }
  }
  // Keyword-only defaults.
  if (kwonly > 0) {
    const kwdefaults = <usize>load<u32>(func + FN_KWDEFAULTS);
    let missing = 0;
    for (let i = argcount; i < total; i++) {
      if (load<u64>(lp + (<usize>i << 3)) != NULL) continue;
      const v = kwdefaults == 0 ? NULL : dictGetItem(kwdefaults, <u64>lpName(code, i));
      if (v != NULL) {
        incref(v);
        store<u64>(lp + (<usize>i << 3), v);
      } else {
        missing++;
      }
    }
    if (missing > 0) {
      missingArgs(func, code, lp, argcount, total, missing, "keyword-only");
      return false;
    }
  }
  return true;
}

function missingArgs(func: usize, code: usize, lp: usize, from: i32, to: i32, missing: i32, what: string): void {
  beginCallError(func);
  errText(" missing ");
  errInt(missing);
  errText(" required ");
  errText(what);
  errText(missing == 1 ? " argument: " : " arguments: ");
  let seen = 0;
  for (let i = from; i < to; i++) {
    if (load<u64>(lp + (<usize>i << 3)) != NULL) continue;
    if (seen > 0) {
      if (missing == 2) errText(" and ");
      else if (seen == missing - 1) errText(", and ");
      else errText(", ");
    }
    errText("'");
    errStrObject(lpName(code, i));
    errText("'");
    seen++;
  }
}

function tooManyPositional(func: usize, code: usize, nargs: i32, nkw: i32, args: usize, kwnames: usize, lp: usize): void {
  const c = changetype<CodeObject>(code);
  const argcount = c.argcount;
  const defaults = <usize>load<u32>(func + FN_DEFAULTS);
  const ndef = defaults == 0 ? 0 : <i32>tupleSize(defaults);
  // Keyword-only arguments given count in the message.
  let kwonlyGiven = 0;
  for (let k = 0; k < nkw; k++) {
    const name = <usize>tupleItem(kwnames, <usize>k);
    for (let j = argcount; j < argcount + c.kwonlyargcount; j++) {
      if (strEqual(lpName(code, j), name)) kwonlyGiven++;
    }
  }
  beginCallError(func);
  errText(" takes ");
  if (ndef > 0) {
    errText("from ");
    errInt(argcount - ndef);
    errText(" to ");
    errInt(argcount);
  } else {
    errInt(argcount);
  }
  errText(argcount == 1 && ndef == 0 ? " positional argument but " : " positional arguments but ");
  errInt(nargs);
  if (kwonlyGiven > 0) {
    errText(nargs == 1 ? " positional argument (and " : " positional arguments (and ");
    errInt(kwonlyGiven);
    errText(kwonlyGiven == 1 ? " keyword-only argument) were given" : " keyword-only arguments) were given");
  } else {
    errText(nargs == 1 ? " was given" : " were given");
  }
}

export { NONE, decref };
