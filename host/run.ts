/**
 * Running a program on the WASM VM: instantiate (the compiled module is cached), start the VM,
 * hand it a .pyc, and drive it — `vmRunPyc` executes a budget of instructions and returns, the
 * host resumes it until it finishes, so long programs reach V8's optimized code and a host can
 * interrupt them (KeyboardInterrupt) or give up after a timeout. Output arrives as UTF-8 through
 * the `write` import; uncaught exceptions as traceback records (traceback-format.ts).
 */
import { readFileSync } from "node:fs";
import { instantiateVm, startVm, vmMemoryPages, type VmExports } from "./wasm-loader.js";
import { takeMemory, giveBackMemory } from "./memory-pool.js";
import { TracebackFormatter, TB_END } from "./traceback-format.js";
import { findModuleBeside, encodeModuleRecord, type FoundModule, type ModuleCompiler } from "./find-module.js";
import { dirname } from "node:path";
import { budgetPacer } from "./budget-pacer.js";
import type { SourceCompiler } from "./source-compiler.js";

export interface RunOptions {
  /** Program output (decoded UTF-8 text, in order). Defaults: process.stdout / process.stderr. */
  stdout?(text: string): void;
  stderr?(text: string): void;
  /** A line of input (with its newline) or null at end of input. Default: no input. */
  readLine?(): string | null;
  /** Source text for traceback lines; default: read the file, relative to the current directory. */
  readSource?(filename: string): string | null;
  /**
   * Instructions (backward jumps and calls) between returns to the host; 0 runs to the end in one
   * call. Default: paced to about 10 ms per call (host/budget-pacer.ts).
   */
  budget?: number;
  /** Heap limit in bytes (MemoryError beyond it); 0 = all of linear memory (4 GiB). */
  maxHeapBytes?: number;
  /** Called between budgets; return true to deliver KeyboardInterrupt. */
  shouldInterrupt?(): boolean;
  /** Path of the wasm module (default build/vm.wasm). */
  wasmPath?: string;
  /**
   * A module for `import` that is not native (sys, math, ...): its .pyc image (its __file__ is then
   * its co_filename) or a FoundModule, or null: ModuleNotFoundError. `mainFile` is the main
   * program's co_filename. Default: findModuleBeside(dirname(mainPath ?? mainFile), name).
   */
  findModule?(name: string, mainFile: string): Uint8Array | FoundModule | null;
  /** The main program's path, for the default findModule (default: its co_filename). */
  mainPath?: string;
  /**
   * Run on a linear memory kept from an earlier run, zeroed (host/memory-pool.ts), and keep this
   * one for the next (default true): fresh pages cost a page fault each on first touch.
   */
  reuseMemory?: boolean;
  /**
   * The compiler behind the VM's compile(), exec() and eval() of source (host/source-compiler.ts).
   * Default: ours, once loaded — runPyc loads it before running a program whose .pyc mentions
   * exec, eval or compile; otherwise call loadSourceCompiler() first.
   */
  compileSource?: SourceCompiler;
  /**
   * Called when the program ended with an uncaught KeyboardInterrupt (the status is then 130):
   * CPython then kills itself with SIGINT, which a command-line host can do too.
   */
  onKeyboardInterruptExit?(): void;
}

type Utf8Decoder = InstanceType<typeof TextDecoder>;

/** The VM's module lookup through `findModule` (pending record handed over by `fetchModule`); spread into instantiateVm's imports. */
export function moduleImports(opts: RunOptions, bytes: (ptr: number, len: number) => Uint8Array) {
  let utf8: Utf8Decoder | undefined;
  let pending: Uint8Array | null = null;
  return {
    findModule(namePtr: number, nameLen: number, mainPtr: number, mainLen: number): number {
      utf8 ??= new TextDecoder("utf-8");
      const name = utf8.decode(bytes(namePtr, nameLen));
      const mainFile = mainLen ? utf8.decode(bytes(mainPtr, mainLen)) : "";
      // .py modules: our compiler once loaded (loadSourceCompiler), python3.11 before that
      const found = opts.findModule
        ? opts.findModule(name, mainFile)
        : findModuleBeside(dirname(opts.mainPath ?? mainFile), name, loadedModuleCompiler);
      pending = found ? encodeModuleRecord(found) : null;
      return pending ? pending.length : -1;
    },
    fetchModule(dst: number): void {
      if (pending) bytes(dst, pending.length).set(pending);
      pending = null;
    },
  };
}

let loadedCompiler: SourceCompiler | undefined;
let loadedModuleCompiler: ModuleCompiler | undefined;

/**
 * Loads our compiler for compile()/exec()/eval() of source in the VM. It is a large module graph
 * (~100 ms to load), so it is not a static import: programs that never compile source start
 * without it.
 */
export async function loadSourceCompiler(): Promise<SourceCompiler> {
  if (!loadedCompiler) {
    const m = await import("./source-compiler.js");
    loadedCompiler = m.compileForVm;
    loadedModuleCompiler = m.compileModuleFile;
  }
  return loadedCompiler;
}

const NEEDS_COMPILER = ["exec", "eval", "compile"].map((w) => new TextEncoder().encode(w));

/** Whether a .pyc may call exec/eval/compile: any of the names in its bytes (names and strings). */
export function mayCompileSource(pyc: Uint8Array): boolean {
  const buf = Buffer.from(pyc.buffer, pyc.byteOffset, pyc.length);
  return NEEDS_COMPILER.some((w) => buf.indexOf(w) >= 0);
}

/** The VM's compileSource / fetchCompiled imports; spread into instantiateVm's imports. */
export function sourceCompilerImports(opts: { compileSource?: SourceCompiler }, bytes: (ptr: number, len: number) => Uint8Array) {
  let utf8: Utf8Decoder | undefined;
  let pending: Uint8Array | null = null;
  return {
    compileSource(srcPtr: number, srcLen: number, namePtr: number, nameLen: number, mode: number, flags: number, optimize: number): number {
      const compiler = opts.compileSource ?? loadedCompiler;
      if (!compiler) return -1;
      utf8 ??= new TextDecoder("utf-8");
      const source = bytes(srcPtr, srcLen).slice();
      pending = compiler({ source, filename: utf8.decode(bytes(namePtr, nameLen)), mode, flags, optimize });
      return pending.length;
    },
    fetchCompiled(dst: number): void {
      if (pending) bytes(dst, pending.length).set(pending);
      pending = null;
    },
  };
}

function defaultReadSource(filename: string): string | null {
  try {
    return readFileSync(filename, "utf8");
  } catch {
    return null;
  }
}

/** Runs a .pyc image; resolves to the exit status CPython would give (0, 1, or sys.exit's code). */
export async function runPyc(pyc: Uint8Array, opts: RunOptions = {}): Promise<number> {
  if (!opts.compileSource && !loadedCompiler && mayCompileSource(pyc)) await loadSourceCompiler();
  return runPycSync(pyc, opts, true) as Promise<number>;
}

/**
 * The same, synchronously when `yieldBetweenBudgets` is false (no interrupts from the event loop,
 * but usable from synchronous code and tests).
 */
export function runPycSync(pyc: Uint8Array, opts: RunOptions = {}, yieldBetweenBudgets = false): number | Promise<number> {
  const stdout = opts.stdout ?? ((s: string) => process.stdout.write(s));
  const stderr = opts.stderr ?? ((s: string) => process.stderr.write(s));
  // Decoders, encoder and traceback formatter are made on first use: most runs never need some
  // of them, and start-up time counts.
  const decoders: (Utf8Decoder | undefined)[] = [undefined, undefined, undefined];
  const decoder = (fd: number) => (decoders[fd] ??= new TextDecoder("utf-8"));
  let tb: TracebackFormatter | undefined;
  let utf8: Utf8Decoder | undefined;
  let vm: VmExports;
  const bytes = (ptr: number, len: number) => new Uint8Array(vm.memory.buffer, ptr >>> 0, len >>> 0);
  let encoder: InstanceType<typeof TextEncoder> | undefined;
  const pages = opts.reuseMemory === false ? undefined : vmMemoryPages(opts.wasmPath);
  const memory = pages === undefined ? undefined : takeMemory(pages);
  let trapped = false;
  vm = instantiateVm(opts.wasmPath, {
    write(fd, ptr, len) {
      const text = decoder(fd === 2 ? 2 : 1).decode(bytes(ptr, len), { stream: true });
      if (fd === 2) stderr(text);
      else stdout(text);
    },
    readLine(ptr, cap) {
      const line = opts.readLine ? opts.readLine() : null;
      if (line === null) return -1;
      const enc = (encoder ??= new TextEncoder()).encode(line);
      const n = Math.min(enc.length, cap >>> 0);
      bytes(ptr, n).set(enc.subarray(0, n));
      return n;
    },
    tbRecord(kind, p1, l1, p2, l2, a, b, c, d) {
      utf8 ??= new TextDecoder("utf-8");
      const s1 = l1 ? utf8.decode(bytes(p1, l1)) : "";
      const s2 = l2 ? utf8.decode(bytes(p2, l2)) : "";
      tb ??= new TracebackFormatter(opts.readSource ?? defaultReadSource);
      const text = tb.record(kind, s1, s2, a, b, c, d);
      if (kind === TB_END && text) stderr(text);
    },
    ...moduleImports(opts, bytes),
    ...sourceCompilerImports(opts, bytes),
    pollInterrupt: () => (opts.shouldInterrupt?.() ? 1 : 0),
  }, memory);
  startVm(vm, opts.maxHeapBytes ?? 0);
  const ptr = vm.vmInputAlloc(pyc.length) >>> 0;
  bytes(ptr, pyc.length).set(pyc);
  const pacer = budgetPacer(opts.budget);
  // A WebAssembly trap or a host stack overflow is a VM bug: keep what the program printed, report
  // it as CPython reports internal errors (SystemError) and exit 1, never crash the host.
  const guarded = (call: () => number): number => {
    try {
      return call();
    } catch (e) {
      trapped = true;
      try {
        vm.vmFlush();
      } catch {
        // the instance is unusable; what it had buffered is lost
      }
      stderr(`SystemError: internal error in the WebAssembly VM: ${(e as Error).message}\n`);
      return 1;
    }
  };
  let status = guarded(() => vm.vmRunPyc(ptr, pyc.length, pacer.next()));
  const finish = (s: number): number => {
    try {
      vm.vmFlush();
    } catch {
      // after a trap
    }
    const rest1 = decoders[1]?.decode();
    if (rest1) stdout(rest1);
    const rest2 = decoders[2]?.decode();
    if (rest2) stderr(rest2);
    // after a trap the instance's state is unknown: its memory is not reused
    if (memory && !trapped) giveBackMemory(memory, vm.heapDirtyEnd() >>> 0, [vm.frameArenaUntouched() >>> 0, vm.frameArenaEnd() >>> 0]);
    if (s === 130 && !trapped && vm.vmEndedByKeyboardInterrupt()) opts.onKeyboardInterruptExit?.();
    return s;
  };
  if (!yieldBetweenBudgets) {
    while (status === -1) {
      if (opts.shouldInterrupt?.()) vm.vmInterrupt();
      status = guarded(() => vm.vmResume(pacer.next()));
    }
    return finish(status);
  }
  return (async () => {
    while (status === -1) {
      await new Promise((resolve) => setImmediate(resolve));
      if (opts.shouldInterrupt?.()) vm.vmInterrupt();
      status = guarded(() => vm.vmResume(pacer.next()));
    }
    return finish(status);
  })();
}
