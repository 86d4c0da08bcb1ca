/**
 * The VM's interface to the host: start-up, running a .pyc as __main__, resuming after the
 * instruction budget ran out, interrupts, and the exit status CPython would give.
 *
 * vmRunPyc / vmResume return: 0..255 the process exit status (0 ok, 1 uncaught exception, or the
 * SystemExit code), or VM_SUSPENDED (-1) when the budget ran out: call vmResume() to go on.
 */
import { Value, NULL, NONE, TRUE, FALSE, isSmallInt, getSmallInt, isObject } from "./values";
import { heapInit } from "./heap";
import { initNames, strLiteral, N_NAME, N_BUILTINS, N_MAIN, N_DOC } from "./names";
import { typeInitBuiltins, installRegisteredMethods, isSubtype } from "./typeobj";
import { initExceptions, excType, fetchException, EX_EXTRA } from "./exceptions";
import { initSingletons } from "./singletons";
import { initBuiltins, builtinsDict, builtinsModule } from "./builtins";
import { initSys, stdoutObj, stderrObj, modulesDict } from "./mod-sys";
import { registerStrMethods } from "./str-methods";
import { registerListMethods } from "./list-methods";
import { registerTupleMethods } from "./tuple-methods";
import { registerRangeMethods } from "./range";
import { registerSliceMethods } from "./slice";
import { registerDictMethods } from "./dict-methods";
import { registerSetMethods } from "./set-methods";
import { registerBytesMethods } from "./bytes-ops";
import { registerBytearrayMethods } from "./bytearray";
import { registerGeneratorMethods } from "./generator";
import { registerExceptionMethods } from "./exc-methods";
import { registerObjectMethods } from "./object-methods";
import { registerNumberMethods } from "./num-methods";
import { registerSlotWrappers } from "./slot-wrappers";
import { registerTypeMethods } from "./type-methods";
import { registerCodeMethods } from "./code-attrs";
import { unmarshal } from "./unmarshal";
import { kindOf, typeOf, errorType, errorClear, KIND_CODE, KIND_STR, raiseMsg, EXC_ValueError, EXC_SystemExit, EXC_KeyboardInterrupt } from "./types";
import { dictNew, dictSetItem } from "./dict";
import { moduleNew } from "./function";
import { runCode, resumeEval, SUSPENDED, setSuspendOnBudget, setBudget, requestInterrupt, initEvalConstants } from "./eval";
import { incref, decref } from "./refcount";
import { printException } from "./traceback";
import { flushOut, writeOut, writeAsciiLiteral } from "./io";
import { objStr, objGetItem } from "./ops";
import { strSetSubscriptHook } from "./str-methods";
import { setStdStreams } from "./builtins";
import { setFinalizeHook } from "./refcount";
import { runFinalizer } from "./finalize";
import { typeObject, KIND_GENERATOR, TPFLAG_FINALIZER } from "./types";

export const VM_SUSPENDED: i32 = -1;

let initialized = false;
let mainDict: usize = 0;

/** Start-up: the heap (maxBytes: 0 = all of memory), names, types, exceptions, builtins, sys. */
export function vmInit(maxBytes: usize): void {
  heapInit(maxBytes);
  initNames();
  initSingletons();
  typeInitBuiltins();
  initExceptions();
  registerStrMethods();
  registerListMethods();
  registerTupleMethods();
  registerRangeMethods();
  registerSliceMethods();
  registerDictMethods();
  registerSetMethods();
  registerBytesMethods();
  registerBytearrayMethods();
  registerGeneratorMethods();
  registerExceptionMethods();
  registerObjectMethods();
  registerNumberMethods();
  registerSlotWrappers();
  registerTypeMethods();
  registerCodeMethods();
  installRegisteredMethods();
  strSetSubscriptHook(objGetItem);
  initBuiltins();
  initSys(strLiteral("__main__.py"));
  setStdStreams(stdoutObj, stderrObj);
  setFinalizeHook(runFinalizer);
  initEvalConstants();
  store<u32>(typeObject(KIND_GENERATOR) + 12, load<u32>(typeObject(KIND_GENERATOR) + 12) | TPFLAG_FINALIZER);
  initialized = true;
}

/** Where the host copies the .pyc bytes (a heap block of `len` bytes). */
export { unmarshalInputAlloc as vmInputAlloc, unmarshalInputFree as vmInputFree } from "./unmarshal";

/**
 * Runs a .pyc image (16-byte header + marshalled code object) as __main__. `budget`: instructions
 * between returns to the host (0: run to the end).
 */
export function vmRunPyc(ptr: usize, len: usize, budget: i32): i32 {
  if (len < 16) {
    raiseMsg(EXC_ValueError, "bad .pyc: shorter than its header");
    return reportUncaught();
  }
  const code = unmarshal(ptr + 16, len - 16);
  if (code == NULL) return reportUncaught();
  if (!isObject(code) || kindOf(<usize>code) != KIND_CODE) {
    decref(code);
    raiseMsg(EXC_ValueError, "bad .pyc: not a code object");
    return reportUncaught();
  }
  mainDict = dictNew();
  // What CPython's `python3.11 FILE.py` puts in __main__'s namespace (the loader object aside).
  dictSetItem(mainDict, <u64>N_NAME, <u64>N_MAIN);
  dictSetItem(mainDict, <u64>N_DOC, NONE);
  dictSetItem(mainDict, <u64>strLiteral("__package__"), NONE);
  dictSetItem(mainDict, <u64>strLiteral("__loader__"), NONE);
  dictSetItem(mainDict, <u64>strLiteral("__spec__"), NONE);
  dictSetItem(mainDict, <u64>N_BUILTINS, <u64>builtinsModule);
  dictSetItem(mainDict, <u64>strLiteral("__file__"), <u64>load<u32>(<usize>code + 68));
  dictSetItem(mainDict, <u64>strLiteral("__cached__"), NONE);
  const main = moduleNew(mainDict, N_MAIN);
  dictSetItem(modulesDict, <u64>N_MAIN, <u64>main);
  decref(<u64>main);
  setSuspendOnBudget(budget > 0);
  setBudget(budget > 0 ? budget : 0x3fffffff);
  const r = runCode(<usize>code, 0, mainDict, builtinsDict, mainDict);
  decref(code);
  return finish(r);
}

/** Continues after VM_SUSPENDED. */
export function vmResume(budget: i32): i32 {
  setBudget(budget > 0 ? budget : 0x3fffffff);
  return finish(resumeEval());
}

/** Asks the running program to stop with KeyboardInterrupt at its next check. */
export function vmInterrupt(): void {
  requestInterrupt();
}

function finish(r: Value): i32 {
  if (r == SUSPENDED) return VM_SUSPENDED;
  if (r != NULL) {
    decref(r);
    flushOut();
    return 0;
  }
  return reportUncaught();
}

/** The exit status for the pending exception: SystemExit's code, or 1 after printing the traceback. */
function reportUncaught(): i32 {
  const exc = fetchException();
  flushOut();
  if (isSubtype(typeOf(exc), excType(EXC_SystemExit))) {
    const code = load<u64>(<usize>exc + EX_EXTRA);
    let status = 0;
    if (code == NONE) status = 0;
    else if (isSmallInt(code)) status = <i32>(getSmallInt(code) & 0xff);
    else if (code == TRUE || code == FALSE) status = code == TRUE ? 1 : 0;
    else {
      const s = objStr(code);
      if (s != 0) {
        writeOut(2, s);
        writeAsciiLiteral(2, "\n");
        decref(<u64>s);
      } else errorClear();
      status = 1;
    }
    decref(exc);
    flushOut();
    return status;
  }
  printException(exc);
  decref(exc);
  flushOut();
  return 1;
}

export function vmFlush(): void {
  flushOut();
}
