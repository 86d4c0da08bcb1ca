/**
 * Finalizers, run by refcount.ts when an object whose type has TPFLAG_FINALIZER dies: a generator
 * that has started and not finished is closed (its `finally` blocks run), an instance of a class
 * with __del__ gets it called. The pending exception, if any, is kept across the call; errors in a
 * finalizer are swallowed (CPython prints them as "Exception ignored in ..." — not yet here).
 */
import { Value, NULL } from "./values";
import { kindOf, typeOf, errorType, errorClear, raiseObject, KIND_GENERATOR } from "./types";
import { decref } from "./refcount";
import { KIND_COROUTINE, KIND_ASYNC_GENERATOR } from "./types";
import { coroNeverAwaited, warnUnawaited } from "./unawaited";
import { asyncGenFinalize } from "./async-gen";
import { fetchException } from "./exceptions";
import { genNeedsClose, genClose } from "./generator";
import { typeLookup } from "./typeobj";
import { N_DEL } from "./names";
import { callMethod0 } from "./ops";

export function runFinalizer(p: usize): void {
  const saved = errorType() != 0 ? fetchException() : NULL;
  if (kindOf(p) == KIND_GENERATOR || kindOf(p) == KIND_COROUTINE || kindOf(p) == KIND_ASYNC_GENERATOR) {
    if (coroNeverAwaited(p)) {
      warnUnawaited(p); // unawaited.ts: RuntimeWarning "coroutine '...' was never awaited"
    } else if (kindOf(p) == KIND_ASYNC_GENERATOR && asyncGenFinalize(p)) {
      // handed to sys.set_asyncgen_hooks()'s finalizer (async-gen.ts)
    } else if (genNeedsClose(p)) {
      const r = genClose(p);
      if (r == NULL) errorClear();
      else decref(r);
    }
  } else {
    const d = typeLookup(typeOf(<u64>p), N_DEL);
    if (d != NULL) {
      const r = callMethod0(d, <u64>p);
      if (r == NULL) errorClear();
      else decref(r);
    }
  }
  if (saved != NULL) raiseObject(saved);
}
