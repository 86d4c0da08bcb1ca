/**
 * Loads the WASM VM module (build/vm.wasm). The compiled WebAssembly.Module is cached per path, so
 * every later instance skips compilation; each call returns a fresh instance with its own memory.
 * Entry points: `loadVmModule()`, `instantiateVm()`.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The exports of build/vm.wasm (grows with the VM). */
export interface VmExports {
  memory: WebAssembly.Memory;
  probeMarshalSum(ptr: number, len: number): bigint;
  probeStatus(): number;
  scratchBase(): number;
  cacheEntries(op: number): number;
  // allocator (assembly/heap.ts); addresses and byte counts are u32 in wasm: read them with `>>> 0`
  heapInit(maxBytes: number): void;
  heapAlloc(size: number): number;
  heapFree(ptr: number, size: number): void;
  heapBytesInUse(): number;
  heapAudit(): number;
  heapChurn(n: number, size: number): number;
  heapOutOfMemory(): number;
  heapClearOutOfMemory(): void;
  memoryPages(): number;
  // object model and unmarshaller (assembly/README.md). Values are u64 tagged words (bigint here);
  // a returned Value is a new reference: give it back with valueDecref. 0n = NULL = error.
  unmarshalInputAlloc(len: number): number;
  unmarshalInputFree(ptr: number, len: number): void;
  unmarshal(ptr: number, len: number): bigint;
  unmarshalConsumed(): number;
  unmarshalBackrefs(): number;
  marshalDumps(value: bigint): number;
  marshalDumpsLength(): number;
  marshalDumpsRelease(): void;
  /** 0 none, 1 EOFError, 2 ValueError, 3 TypeError, 4 SystemError, 5 UnicodeDecodeError, 6 RecursionError, 7 MemoryError */
  errorType(): number;
  errorMessagePtr(): number;
  errorMessageLength(): number;
  errorClear(): void;
  valueKind(value: bigint): number;
  valueIncref(value: bigint): void;
  valueDecref(value: bigint): void;
  // the eval loop (assembly/vm.ts)
  vmInit(maxBytes: number): void;
  /** exit status 0..255, or -1: suspended (budget spent), call vmResume */
  vmRunPyc(ptr: number, len: number, budget: number): number;
  vmResume(budget: number): number;
  vmInterrupt(): void;
  vmFlush(): void;
  vmInputAlloc(len: number): number;
  vmInputFree(ptr: number, len: number): void;
}

const modules = new Map<string, WebAssembly.Module>();

/** build/vm.wasm beside this file's folder: host/ when run from source, dist/ when built. */
export function defaultWasmPath(): string {
  return fileURLToPath(new URL("../build/vm.wasm", import.meta.url));
}

export function loadVmModule(path = defaultWasmPath()): WebAssembly.Module {
  let mod = modules.get(path);
  if (!mod) {
    mod = new WebAssembly.Module(readFileSync(path));
    modules.set(path, mod);
  }
  return mod;
}

/**
 * What the VM imports from its host (assembly/io.ts, assembly/traceback.ts): stream writes of
 * UTF-8 bytes, stdin lines, traceback records. Missing ones default to doing nothing.
 */
export interface VmImports {
  write?(fd: number, ptr: number, len: number): void;
  readLine?(ptr: number, cap: number): number;
  tbRecord?(kind: number, p1: number, l1: number, p2: number, l2: number, a: number, b: number, c: number, d: number): void;
  clockNow?(kind: number): number;
  /**
   * `import` of a module that is not native: the UTF-8 module name (and the main program's file
   * name) in VM memory; returns the byte length of the module record (find-module.ts), which the
   * VM then receives through fetchModule(dst), or -1: not found.
   */
  findModule?(namePtr: number, nameLen: number, mainPtr: number, mainLen: number): number;
  fetchModule?(dst: number): void;
}

export function instantiateVm(path = defaultWasmPath(), imports: VmImports = {}): VmExports {
  const instance = new WebAssembly.Instance(loadVmModule(path), {
    env: {
      abort(_msg: number, _file: number, line: number, col: number) {
        throw new Error(`vm.wasm aborted at ${line}:${col}`);
      },
      write: imports.write ?? (() => {}),
      readLine: imports.readLine ?? (() => -1),
      tbRecord: imports.tbRecord ?? (() => {}),
      clockNow: imports.clockNow ?? ((kind: number) => (kind === 0 ? Date.now() / 1000 : performance.now() / 1000)),
      findModule: imports.findModule ?? (() => -1),
      fetchModule: imports.fetchModule ?? (() => {}),
    },
  });
  return instance.exports as unknown as VmExports;
}
