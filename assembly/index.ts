/**
 * Entry file of the WASM VM module (build/vm.wasm). It only re-exports: the eval loop, heap and
 * unmarshaller live in their own files. Built with `--runtime stub`: the VM manages its own memory.
 */
// Module order matters: AssemblyScript initializes module globals in import order and the VM's
// modules import each other in cycles; starting from str-methods gives an order in which every
// global is set before start-up code uses it (starting from types.ts does not).
import "./str-methods";
export { probeMarshalSum, probeStatus } from "./marshal-probe";


/** First free byte of linear memory after static data: where the host may copy input for now. */
export function scratchBase(): usize {
  return (__heap_base + 15) & ~15;
}

import { CACHE_ENTRIES } from "./opcodes.generated";

/** Inline cache size of an opcode, from the generated table (lets the host check both tables agree). */
export function cacheEntries(op: i32): i32 {
  return op >= 0 && op < 256 ? <i32>unchecked(CACHE_ENTRIES[op]) : -1;
}

// The allocator (assembly/heap.ts), exported for test/wasm-heap.test.ts and leak checks.
export { heapInit, heapBytesInUse, heapAudit, heapChurn, memoryPages, heapDirtyEnd } from "./heap";
export { alloc as heapAlloc, free as heapFree } from "./heap";
export { outOfMemory as heapOutOfMemory, clearOutOfMemory as heapClearOutOfMemory } from "./heap";

// The object model and the unmarshaller (assembly/README.md): load marshal data into objects, write
// them back as marshal version 2, reference counts, and the error the last failing call raised.
export { unmarshal, unmarshalInputAlloc, unmarshalInputFree, unmarshalConsumed, unmarshalBackrefs } from "./unmarshal";
export { marshalDumps, marshalDumpsLength, marshalDumpsRelease } from "./marshal-writer";
export { errorType, errorMessagePtr, errorMessageLength, errorClear, kindOfValue as valueKind } from "./types";
export { decref as valueDecref } from "./refcount";
export { valueIncref } from "./refcount";

// The eval loop and its runtime (assembly/vm.ts): start-up, running a .pyc, resuming, interrupts.
export { vmInit, vmSnapshotInit, vmRunPyc, vmResume, vmInterrupt, vmEndedByKeyboardInterrupt, vmFlush, vmInputAlloc, vmInputFree } from "./vm";
export { vmEndRun, vmHeapAudit, vmGcCollect } from "./vm";
// What a host that reuses this memory must zero (host/memory-pool.ts): below heapDirtyEnd, except this range.
export { frameArenaUntouched, frameArenaEnd } from "./frame";

// Static objects last: by the end of the entry file every module's globals exist.
import { initStatics } from "./startup";
initStatics();
