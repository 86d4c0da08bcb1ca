/**
 * Recursion accounting as CPython 3.11 does it: one depth counter against sys.getrecursionlimit(),
 * charged once per Python frame (eval.ts callDepth: message "maximum recursion depth exceeded") and
 * once per C-level call site that CPython guards with _Py_EnterRecursiveCall — calling an object
 * through tp_call (instances with __call__, classes), METH_O/NOARGS/VARARGS builtins, repr(),
 * str(), rich comparison — each with its own message suffix. Which check trips first decides the
 * message, so the charges must match CPython's for the messages to match.
 *
 * Separately, nested evaluations (native code calling Python) take WebAssembly stack, which the
 * host limits (about 1 MB): `nestingTooDeep` bounds them by an estimate of their cost. A generator
 * resumption is cheap (measured: over 2000 fit); a call through native helpers (sort keys,
 * comparisons, attribute hooks) can cost three times that.
 */
import { raiseMsg, EXC_RecursionError } from "./types";
import { callDepth, recursionLimit } from "./eval";

/** C-level recursion charges in force (added to eval.ts callDepth for the limit check). */
export let cDepth: i32 = 0;

export const WHILE_CALLING: i32 = 0;
export const WHILE_REPR: i32 = 1;
export const WHILE_STR: i32 = 2;
export const IN_COMPARISON: i32 = 3;

/** _Py_EnterRecursiveCall: false (RecursionError raised) when the depth is at the limit. */
export function enterC(where: i32): bool {
  if (callDepth + cDepth >= recursionLimit) {
    raiseMsg(
      EXC_RecursionError,
      where == WHILE_CALLING
        ? "maximum recursion depth exceeded while calling a Python object"
        : where == WHILE_REPR
        ? "maximum recursion depth exceeded while getting the repr of an object"
        : where == WHILE_STR
        ? "maximum recursion depth exceeded while getting the str of an object"
        : "maximum recursion depth exceeded in comparison",
    );
    return false;
  }
  cDepth++;
  return true;
}

export function leaveC(): void {
  cDepth--;
}

/** Generator resumptions among the nested evaluations in progress (generator.ts counts them). */
export let genNesting: i32 = 0;
export function genNestingAdd(d: i32): void {
  genNesting += d;
}

const NESTING_BUDGET: i32 = 3000;
/** Whether one more nested evaluation (evalNesting already running) would risk the wasm stack. */
export function nestingTooDeep(evalNesting: i32): bool {
  return genNesting * 2 + (evalNesting - genNesting) * 6 >= NESTING_BUDGET;
}
