/**
 * The VM's interface to the host: start-up, running a .pyc as __main__, resuming after the
 * instruction budget ran out, interrupts, and the exit status CPython would give.
 *
 * vmRunPyc / vmResume return: 0..255 the process exit status (0 ok, 1 uncaught exception, or the
 * SystemExit code), or VM_SUSPENDED (-1) when the budget ran out: call vmResume() to go on.
 */
import { Value, NULL, NONE, TRUE, FALSE, isSmallInt, getSmallInt, isObject } from "./values";
import { heapInit, heapSetLimit, heapTop, heapAudit, heapScrubFree } from "./heap";
import { gcInit, gcCollect, gcFinalizeOnce, gcSetHostBudget, gcFreezeStartup } from "./gc";
import { dictGetItem, dictDelItem, dictClear } from "./dict";
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
import { registerCoroutineMethods } from "./coroutine";
import { initTypesModule } from "./mod-types";
import { KIND_COROUTINE, KIND_ASYNC_GENERATOR } from "./types";
import { registerAsyncGenMethods } from "./async-gen";
import { registerExceptionMethods } from "./exc-methods";
import { registerObjectMethods } from "./object-methods";
import { registerDescrObjects, installBuiltinGetsets } from "./descr-objects";
import { registerTypeExtras } from "./type-extras";
import { registerGenericAlias } from "./generic-alias";
import { registerMappingProxy } from "./mappingproxy";
import { registerNumberMethods } from "./num-methods";
import { registerSlotWrappers } from "./slot-wrappers";
import { registerTypeMethods } from "./type-methods";
import { registerCodeMethods } from "./code-attrs";
import { unmarshal } from "./unmarshal";
import { kindOf, typeOf, errorType, errorClear, KIND_CODE, KIND_STR, raiseMsg, EXC_ValueError, EXC_SystemExit, EXC_KeyboardInterrupt } from "./types";
import { dictNew, dictSetItem } from "./dict";
import { moduleNew } from "./function";
import { runCode, resumeEval, SUSPENDED, setSuspendOnBudget, requestInterrupt, initEvalConstants } from "./eval";
import { incref, decref } from "./refcount";
import { printException } from "./traceback";
import { flushOut, writeOut, writeAsciiLiteral } from "./io";
import { objStr, objGetItem } from "./ops";
import { strSetSubscriptHook } from "./str-methods";
import { setStdStreams } from "./builtins";
import { setFinalizeHook } from "./refcount";
import { runFinalizer } from "./finalize";
import { initLoaderNames, setMainFile } from "./module-loader";
import { typeObject, KIND_GENERATOR, TPFLAG_FINALIZER } from "./types";
import { typeCacheEnable, typeCacheClear } from "./typeobj";

export const VM_SUSPENDED: i32 = -1;

let initialized = false;
let mainDict: usize = 0;

/** Set in a start-up snapshot (tools/snapshot-vm.mjs ran vmSnapshotInit at build time). */
let snapshotFresh = false;
/** Written by vmSnapshotInit: a snapshot's globals without its memory image read zero here. */
const SNAPSHOT_MARK: usize = memory.data(8, 8);
const SNAPSHOT_MAGIC: u64 = 0x31504e5356505950; // "PYPVSNP1"

/**
 * Start-up: the heap (maxBytes: 0 = all of memory), names, types, exceptions, builtins, sys.
 * Returns 0, or 1: this is a snapshot build and its memory image is missing (the host instantiated
 * the module without host/wasm-loader.ts, which copies the image in).
 */
export function vmInit(maxBytes: usize): i32 {
  if (snapshotFresh) {
    if (load<u64>(SNAPSHOT_MARK) != SNAPSHOT_MAGIC) return 1;
    // this instance's memory and globals already hold a started VM: only the heap cap is left
    snapshotFresh = false;
    heapSetLimit(maxBytes);
    return 0;
  }
  vmStart(maxBytes);
  return 0;
}

/** Build time only: tools/snapshot-vm.mjs runs this and keeps the resulting memory and globals.
 *  Returns the end of the heap (memory the snapshot must keep addressable). */
export function vmSnapshotInit(): usize {
  vmStart(0);
  heapScrubFree();
  snapshotFresh = true;
  store<u64>(SNAPSHOT_MARK, SNAPSHOT_MAGIC);
  return heapTop();
}

import { initTypeVariants } from "./type-variants";
import { registerIterLengthHints } from "./iter-length-hint";
function vmStart(maxBytes: usize): void {
  heapInit(maxBytes);
  gcInit();
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
  registerCoroutineMethods();
  registerAsyncGenMethods();
  registerExceptionMethods();
  registerObjectMethods();
  registerNumberMethods();
  registerSlotWrappers();
  registerTypeMethods();
  registerCodeMethods();
  registerDescrObjects();
  registerTypeExtras();
  registerGenericAlias();
  registerMappingProxy();
  registerIterLengthHints();
  installRegisteredMethods();
  initTypeVariants();
  installBuiltinGetsets();
  strSetSubscriptHook(objGetItem);
  initBuiltins();
  initTypesModule(); // SimpleNamespace, which sys.implementation is
  initSys(strLiteral("__main__.py"));
  setStdStreams(stdoutObj, stderrObj);
  setFinalizeHook(gcFinalizeOnce);
  initEvalConstants();
  initLoaderNames();
  store<u32>(typeObject(KIND_GENERATOR) + 12, load<u32>(typeObject(KIND_GENERATOR) + 12) | TPFLAG_FINALIZER);
  store<u32>(typeObject(KIND_COROUTINE) + 12, load<u32>(typeObject(KIND_COROUTINE) + 12) | TPFLAG_FINALIZER);
  store<u32>(typeObject(KIND_ASYNC_GENERATOR) + 12, load<u32>(typeObject(KIND_ASYNC_GENERATOR) + 12) | TPFLAG_FINALIZER);
  typeCacheEnable();
  gcFreezeStartup();
  initialized = true;
}

/** Where the host copies the .pyc bytes (a heap block of `len` bytes). */
export { unmarshalInputAlloc as vmInputAlloc, unmarshalInputFree as vmInputFree } from "./unmarshal";

/**
 * Runs a .pyc image (16-byte header + marshalled code object) as __main__. `budget`: instructions
 * between returns to the host (0: run to the end).
 */
/** __main__'s dict keys, made once (strLiteral allocates a new immortal str on each call). */
const MAIN_KEYS: usize = memory.data(32, 8);
function mainKey(i: usize, s: string): usize {
  let p = <usize>load<u32>(MAIN_KEYS + (i << 2));
  if (p == 0) {
    p = strLiteral(s);
    store<u32>(MAIN_KEYS + (i << 2), <u32>p);
  }
  return p;
}

export function vmRunPyc(ptr: usize, len: usize, budget: i32): i32 {
  endedByKeyboardInterrupt = false;
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
  dictSetItem(mainDict, <u64>mainKey(0, "__package__"), NONE);
  dictSetItem(mainDict, <u64>mainKey(1, "__loader__"), NONE);
  dictSetItem(mainDict, <u64>mainKey(2, "__spec__"), NONE);
  const ann = dictNew(); // pylifecycle's add_main_module gives __main__ an empty __annotations__
  if (ann != 0) {
    dictSetItem(mainDict, <u64>mainKey(3, "__annotations__"), <u64>ann);
    decref(<u64>ann);
  }
  dictSetItem(mainDict, <u64>N_BUILTINS, <u64>builtinsModule);
  dictSetItem(mainDict, <u64>mainKey(4, "__file__"), <u64>load<u32>(<usize>code + 68));
  setMainFile(<usize>load<u32>(<usize>code + 68));
  dictSetItem(mainDict, <u64>mainKey(5, "__cached__"), NONE);
  const main = moduleNew(mainDict, N_MAIN);
  dictSetItem(modulesDict, <u64>N_MAIN, <u64>main);
  decref(<u64>main);
  setSuspendOnBudget(budget > 0);
  gcSetHostBudget(budget > 0 ? budget : 0x3fffffff);
  const r = runCode(<usize>code, 0, mainDict, builtinsDict, mainDict);
  decref(code);
  return finish(r);
}

/** Continues after VM_SUSPENDED. */
export function vmResume(budget: i32): i32 {
  gcSetHostBudget(budget > 0 ? budget : 0x3fffffff);
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
  // CPython ends a program killed by an uncaught KeyboardInterrupt with SIGINT (the shell's 130);
  // the host can do the same (vmEndedByKeyboardInterrupt).
  const interrupted = isSubtype(typeOf(exc), excType(EXC_KeyboardInterrupt));
  endedByKeyboardInterrupt = interrupted;
  printException(exc);
  decref(exc);
  flushOut();
  return interrupted ? 130 : 1;
}

let endedByKeyboardInterrupt = false;
/** Whether the last run ended with an uncaught KeyboardInterrupt (its status is then 130). */
export function vmEndedByKeyboardInterrupt(): bool {
  return endedByKeyboardInterrupt;
}

export function vmFlush(): void {
  flushOut();
}

/**
 * Ends a finished run so that the same instance can run another program: __main__ leaves
 * sys.modules, its globals are cleared (they and the functions and classes defined in them refer
 * to each other), and full cycle collections free what the program left in cycles. Returns the
 * number of unreachable objects the collections found.
 */
export function vmEndRun(): i32 {
  flushOut();
  if (mainDict != 0) {
    const d = mainDict;
    mainDict = 0;
    if (dictGetItem(modulesDict, <u64>N_MAIN) != NULL) {
      if (dictDelItem(modulesDict, <u64>N_MAIN) < 0) errorClear();
    }
    dictClear(d);
    decref(<u64>d);
  }
  typeCacheClear();
  // Objects freed by the first pass (code objects, caches) can release the last external
  // references into other cycles: a second pass collects those.
  const n = gcCollect(2) + gcCollect(2);
  flushOut();
  if (errorType() != 0) errorClear();
  return n;
}

/** The heap's consistency check (heap.ts heapAudit): 0, or a negative HEAP_ERR_* code. */
export function vmHeapAudit(): i32 {
  return heapAudit();
}

/** A full cycle collection (gc.collect()); the number of unreachable objects found. */
export function vmGcCollect(): i32 {
  return gcCollect(2);
}
