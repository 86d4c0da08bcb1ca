/**
 * Several programs in one VM instance: `createVmSession()` instantiates and starts the VM once;
 * each `run(pyc)` runs a program as __main__ to the end (resuming after each budget), then ends the
 * run with `vmEndRun` — __main__'s globals are released and full cycle collections free what the
 * program left in reference cycles — so the next program starts from the same heap state.
 * Used by test/wasm-memory.test.ts to check that repeated runs do not grow the heap; run.ts's
 * runPyc/runPycSync remain the one-program entry points.
 */
import { readFileSync } from "node:fs";
import { instantiateVm, startVm, type VmExports } from "./wasm-loader.js";
import { TracebackFormatter, TB_END } from "./traceback-format.js";
import { sourceCompilerImports } from "./run.js";
import type { SourceCompiler } from "./source-compiler.js";
import { budgetPacer } from "./budget-pacer.js";

/** The exports a session uses beyond VmExports (assembly/vm.ts). */
export interface VmSessionExports extends VmExports {
  /** Ends a finished run (releases __main__, collects cycles); the number of unreachable objects found. */
  vmEndRun(): number;
  /** heap.ts heapAudit(): 0, or a negative HEAP_ERR_* code. */
  vmHeapAudit(): number;
  /** A full cycle collection; the number of unreachable objects found. */
  vmGcCollect(): number;
}

export interface SessionOptions {
  stdout?(text: string): void;
  stderr?(text: string): void;
  readSource?(filename: string): string | null;
  /** Instructions between returns to the host; default: paced (host/budget-pacer.ts). */
  budget?: number;
  /** Heap limit in bytes; 0 = all of linear memory. */
  maxHeapBytes?: number;
  /** Path of the wasm module (default build/vm.wasm). */
  wasmPath?: string;
  /** The compiler behind compile()/exec()/eval() of source (as RunOptions.compileSource). */
  compileSource?: SourceCompiler;
}

export interface VmSession {
  /** Runs a .pyc image to the end; the exit status CPython would give. */
  run(pyc: Uint8Array): number;
  /** heapBytesInUse() of the instance (after run(): with the run's leftovers collected). */
  heapBytesInUse(): number;
  /** The heap's consistency check: 0 = consistent. */
  heapAudit(): number;
  gcCollect(): number;
  /** The unreachable objects found by the last run's end-of-run collections. */
  lastCollected: number;
  vm: VmSessionExports;
}

function defaultReadSource(filename: string): string | null {
  try {
    return readFileSync(filename, "utf8");
  } catch {
    return null;
  }
}

export function createVmSession(opts: SessionOptions = {}): VmSession {
  const stdout = opts.stdout ?? ((s: string) => process.stdout.write(s));
  const stderr = opts.stderr ?? ((s: string) => process.stderr.write(s));
  const decoders = [new TextDecoder("utf-8"), new TextDecoder("utf-8"), new TextDecoder("utf-8")];
  const tb = new TracebackFormatter(opts.readSource ?? defaultReadSource);
  const utf8 = new TextDecoder("utf-8");
  let vm: VmSessionExports;
  const bytes = (ptr: number, len: number) => new Uint8Array(vm.memory.buffer, ptr >>> 0, len >>> 0);
  vm = instantiateVm(opts.wasmPath, {
    write(fd, ptr, len) {
      const text = decoders[fd === 2 ? 2 : 1].decode(bytes(ptr, len), { stream: true });
      if (fd === 2) stderr(text);
      else stdout(text);
    },
    tbRecord(kind, p1, l1, p2, l2, a, b, c, d) {
      const s1 = l1 ? utf8.decode(bytes(p1, l1)) : "";
      const s2 = l2 ? utf8.decode(bytes(p2, l2)) : "";
      const text = tb.record(kind, s1, s2, a, b, c, d);
      if (kind === TB_END && text) stderr(text);
    },
    ...sourceCompilerImports(opts, bytes),
  }) as VmSessionExports;
  startVm(vm, opts.maxHeapBytes ?? 0);
  const session: VmSession = {
    vm,
    lastCollected: 0,
    run(pyc: Uint8Array): number {
      const ptr = vm.vmInputAlloc(pyc.length) >>> 0;
      bytes(ptr, pyc.length).set(pyc);
      const pacer = budgetPacer(opts.budget);
      let status = vm.vmRunPyc(ptr, pyc.length, pacer.next());
      while (status === -1) status = vm.vmResume(pacer.next());
      vm.vmInputFree(ptr, pyc.length);
      session.lastCollected = vm.vmEndRun();
      const rest1 = decoders[1].decode();
      if (rest1) stdout(rest1);
      const rest2 = decoders[2].decode();
      if (rest2) stderr(rest2);
      return status;
    },
    heapBytesInUse: () => vm.heapBytesInUse() >>> 0,
    heapAudit: () => vm.vmHeapAudit(),
    gcCollect: () => vm.vmGcCollect(),
  };
  return session;
}
