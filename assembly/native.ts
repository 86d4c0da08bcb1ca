/**
 * Native (AssemblyScript) functions callable from Python: builtins, methods of builtin types, module
 * functions. One calling convention for all of them, the shape of CPython's vectorcall:
 *
 *   (self: Value, args: usize, nargs: i32, kwnames: usize) => Value
 *
 * - `self`: the bound object for a method (`"a,b".split` → the str), the module or NULL otherwise.
 * - `args`: address of `nargs + len(kwnames)` Values in a row, borrowed (the caller owns them):
 *   first the positional arguments, then the values of the keyword arguments.
 * - `kwnames`: 0, or a tuple (tuple.ts layout) of str objects naming the trailing keyword values.
 * - Returns a new reference, or NULL (0) with an exception set (types.ts `raise*`).
 *
 * Types get their methods at start-up: a `register...()` function calls `addMethod(type, name, fn)`
 * once per method. Argument checking helpers below raise CPython's messages.
 */
import { Value, NULL } from "./values";
import { tupleSize, tupleItem } from "./tuple";
import { strEqualLiteral, strEqualLiteralRange } from "./str";
import { raiseBegin, errText, errInt, errStrObject, EXC_TypeError } from "./types";

export type NativeFn = (self: Value, args: usize, nargs: i32, kwnames: usize) => Value;

/** Method kinds for addMethod. */
export const METHOD_INSTANCE: i32 = 0; // called on an instance: self is the instance
export const METHOD_CLASS: i32 = 1; // classmethod: self is the type
export const METHOD_STATIC: i32 = 2; // staticmethod: self is NULL

// Registration is recorded here until types carry dicts; then it installs descriptors directly.
const MAX_METHODS: i32 = 1024;
// Four u32 per method (type, name literal, function, kind) in static memory: no managed allocation.
const METHODS: usize = memory.data(MAX_METHODS * 16, 8);
let methodCount: i32 = 0;

/** Declares `type.name` as a native method. Call only from a register...() function at start-up. */
export function addMethod(type: usize, name: string, fn: NativeFn, kind: i32 = METHOD_INSTANCE): void {
  if (methodCount >= MAX_METHODS) unreachable(); // a static table: fails the first run, never later
  const at = METHODS + (<usize>methodCount << 4);
  store<u32>(at, <u32>type);
  store<u32>(at, <u32>changetype<usize>(name), 4);
  store<u32>(at, <u32>changetype<usize>(fn), 8);
  store<i32>(at, kind, 12);
  methodCount++;
}

export function registeredMethodCount(): i32 {
  return methodCount;
}
export function registeredMethodType(i: i32): usize {
  return <usize>load<u32>(METHODS + (<usize>i << 4));
}
export function registeredMethodName(i: i32): string {
  return changetype<string>(<usize>load<u32>(METHODS + (<usize>i << 4), 4));
}
export function registeredMethodFn(i: i32): NativeFn {
  return changetype<NativeFn>(<usize>load<u32>(METHODS + (<usize>i << 4), 8));
}
export function registeredMethodKind(i: i32): i32 {
  return load<i32>(METHODS + (<usize>i << 4), 12);
}

/** Argument i (borrowed). */
// @ts-ignore: decorator
@inline export function arg(args: usize, i: i32): Value {
  return load<u64>(args + (<usize>i << 3));
}

/** Number of keyword arguments. */
// @ts-ignore: decorator
@inline export function kwCount(kwnames: usize): i32 {
  return kwnames == 0 ? 0 : <i32>tupleSize(kwnames);
}

/**
 * Checks a function that takes no keyword arguments: raises TypeError "NAME() takes no keyword
 * arguments" and returns false when some were given.
 */
export function noKeywords(fname: string, kwnames: usize): bool {
  if (kwnames == 0 || tupleSize(kwnames) == 0) return true;
  raiseBegin(EXC_TypeError);
  errText(fname);
  errText("() takes no keyword arguments");
  return false;
}

/**
 * Checks the positional count of a function without keywords, with CPython's messages:
 * "NAME() takes no arguments (N given)", "NAME() takes exactly one argument (N given)",
 * "NAME expected at least MIN arguments, got N", "NAME expected at most MAX arguments, got N".
 */
export function checkArgCount(fname: string, nargs: i32, min: i32, max: i32): bool {
  if (nargs >= min && nargs <= max) return true;
  raiseBegin(EXC_TypeError);
  if (max == 0) {
    errText(fname);
    errText("() takes no arguments (");
    errInt(nargs);
    errText(" given)");
  } else if (min == 1 && max == 1) {
    errText(fname);
    errText("() takes exactly one argument (");
    errInt(nargs);
    errText(" given)");
  } else {
    errText(fname);
    // _PyArg_CheckPositional: "expected 2 arguments" when min == max.
    errText(min == max ? " expected " : nargs < min ? " expected at least " : " expected at most ");
    const n = nargs < min ? min : max;
    errInt(n);
    errText(n == 1 ? " argument, got " : " arguments, got ");
    errInt(nargs);
  }
  return false;
}

/**
 * The value of keyword argument `name` (borrowed), or NULL when not given. Positional arguments are
 * the caller's business: combine as `nargs > i ? arg(args, i) : kwArg(args, nargs, kwnames, "sep")`.
 */
export function kwArg(args: usize, nargs: i32, kwnames: usize, name: string): Value {
  const n = kwCount(kwnames);
  for (let i = 0; i < n; i++) {
    if (strEqualLiteral(<usize>tupleItem(kwnames, i), name)) return arg(args, nargs + i);
  }
  return NULL;
}

/**
 * Raises "NAME() got an unexpected keyword argument 'K'" for the first keyword not in `allowed`
 * (a comma-separated list, e.g. "sep,maxsplit"); true when all are allowed.
 */
export function checkKeywords(fname: string, kwnames: usize, allowed: string): bool {
  const n = kwCount(kwnames);
  for (let i = 0; i < n; i++) {
    const k = <usize>tupleItem(kwnames, i);
    let ok = false;
    let start = 0;
    for (let j = 0; j <= allowed.length; j++) {
      if (j == allowed.length || allowed.charCodeAt(j) == 0x2c) {
        if (strEqualLiteralRange(k, allowed, start, j)) ok = true;
        start = j + 1;
      }
    }
    if (!ok) {
      raiseBegin(EXC_TypeError);
      errText(fname);
      errText("() got an unexpected keyword argument '");
      errStrObject(k);
      errText("'");
      return false;
    }
  }
  return true;
}
