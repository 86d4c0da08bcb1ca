/**
 * Loads the WASM VM module (build/vm.wasm). The compiled WebAssembly.Module is cached per path, so
 * every later instance skips compilation; each call returns a fresh instance. The module imports
 * its linear memory (`env.memory`): instantiateVm takes a zeroed one from host/memory-pool.ts unless
 * the caller hands it one, and copies the VM's start-up memory image into it (the file's last
 * section: host/memory-image.ts).
 * Entry points: `loadVmModule()`, `instantiateVm()` then `startVm()`, `vmMemoryPages()`.
 */
import { closeSync, fstatSync, openSync } from "node:fs";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";
import { applyImage, identityOf, readFully, readImageTable, type MemoryImage } from "./memory-image.js";
import { hostImport } from "./host-import.js";
export { HostOp, hostImport } from "./host-import.js";
import { giveBackMemory, takeMemory } from "./memory-pool.js";

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
  /** Bytes of linear memory that may be non-zero: a reused memory is zeroed up to here. */
  heapDirtyEnd(): number;
  /** [frameArenaUntouched(), frameArenaEnd()) lies below heapDirtyEnd() but was never written (0, 0: no arena yet). */
  frameArenaUntouched(): number;
  frameArenaEnd(): number;
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
  /** 0, or 1: the start-up memory image is missing (use startVm, which throws a clear error) */
  vmInit(maxBytes: number): number;
  /** exit status 0..255, or -1: suspended (budget spent), call vmResume */
  vmRunPyc(ptr: number, len: number, budget: number): number;
  vmResume(budget: number): number;
  vmInterrupt(): void;
  /** The last run ended with an uncaught KeyboardInterrupt (status 130). */
  vmEndedByKeyboardInterrupt(): number;
  vmFlush(): void;
  vmInputAlloc(len: number): number;
  vmInputFree(ptr: number, len: number): void;
}

interface LoadedModule {
  module: WebAssembly.Module;
  /** Initial pages of the imported memory (undefined: the module has its own memory). */
  memoryPages?: number;
  /** The start-up memory image (tools/snapshot-vm.mjs), read from the file into each instance's memory. */
  image?: MemoryImage;
  /** The file the module was compiled from, as fstat saw it: the image is read from the same file. */
  identity: string;
}
const modules = new Map<string, LoadedModule>();

/** build/vm.wasm beside this file's folder: host/ when run from source, dist/ when built. */
export function defaultWasmPath(): string {
  return fileURLToPath(new URL("../build/vm.wasm", import.meta.url));
}

function loaded(path: string): LoadedModule {
  let mod = modules.get(path);
  if (!mod) {
    mod = compileFile(path);
    modules.set(path, mod);
  }
  return mod;
}

/**
 * Compiles the module file. Start-up is mostly page faults (~13-18 µs per 4 KiB page on this
 * project's machines), so the file is read with few of them:
 * - the module's own bytes go into a fresh linear memory, not a Buffer. V8 copies the bytes it
 *   compiles, so these pages are free again at once: they are zeroed and handed to the memory pool,
 *   and the first instance runs on them (its memory image and first heap blocks land on pages
 *   already mapped) instead of faulting in others;
 * - the memory image is not part of what V8 compiles (and copies): it is read straight from the
 *   file into each instance's memory (applyImage).
 */
function compileFile(path: string): LoadedModule {
  const fd = openSync(path, "r");
  try {
    const st = fstatSync(fd);
    const image = readImageTable(fd, path, st.size);
    const length = image ? image.moduleLength : st.size;
    const memory = new WebAssembly.Memory({ initial: Math.max(1, Math.ceil(length / 65536)) });
    const bytes = new Uint8Array(memory.buffer, 0, length);
    readFully(fd, bytes, 0);
    const module = image ? compileValidated(bytes) : new WebAssembly.Module(bytes);
    const memoryPages = importedMemoryPages(bytes);
    if (image && memoryPages === undefined) throw new Error(`${path}: a memory image needs an imported memory`);
    bytes.fill(0);
    if (memoryPages !== undefined) giveBackMemory(memory, 0);
    return { module, memoryPages, image, identity: identityOf(st) };
  } finally {
    closeSync(fd);
  }
}

/**
 * V8 validates every function of a module as it compiles it (~3 ms of this module's start-up)
 * unless --wasm-lazy-validation, which validates each function when it is first compiled. A snapshot
 * build was validated in full when it was written (tools/snapshot-vm.mjs), so lazy validation is
 * switched on for this one compile and off again after it. V8 flags are process-wide: when the
 * user chose the flag on the command line, it is left as they set it.
 */
function compileValidated(bytes: Uint8Array): WebAssembly.Module {
  const userSet = [...process.execArgv, process.env.NODE_OPTIONS ?? ""].some((a) => a.includes("wasm-lazy-validation"));
  if (userSet) return new WebAssembly.Module(bytes);
  v8.setFlagsFromString("--wasm-lazy-validation");
  try {
    return new WebAssembly.Module(bytes);
  } finally {
    v8.setFlagsFromString("--no-wasm-lazy-validation");
  }
}

export function loadVmModule(path = defaultWasmPath()): WebAssembly.Module {
  return loaded(path).module;
}

/** The initial size in 64 KiB pages of the memory the module imports (undefined: it imports none). */
export function vmMemoryPages(path = defaultWasmPath()): number | undefined {
  return loaded(path).memoryPages;
}

/**
 * The minimum of the first memory import, read from the binary's import section (the JS API does
 * not report limits). Section layout: https://webassembly.github.io/spec/core/binary/modules.html
 */
function importedMemoryPages(b: Uint8Array): number | undefined {
  let p = 8;
  const u32 = (): number => {
    let r = 0;
    let shift = 0;
    let x: number;
    do {
      x = b[p++];
      r += (x & 0x7f) * 2 ** shift;
      shift += 7;
    } while (x & 0x80);
    return r;
  };
  while (p < b.length) {
    const id = b[p++];
    const size = u32();
    const end = p + size;
    if (id === 2) {
      for (let n = u32(); n > 0; n--) {
        for (let name = 0; name < 2; name++) {
          const len = u32(); // module name, then field name (not `p += u32()`: that adds to the old p)
          p += len;
        }
        const kind = b[p++];
        if (kind === 0) u32(); // function: type index
        else if (kind === 1) {
          p++; // table: element type, then limits
          if (u32() & 1) u32();
          u32();
        } else if (kind === 2) {
          u32(); // flags
          return u32();
        } else p += 2; // global: value type, mutability
      }
      return undefined;
    }
    if (id > 2 && id !== 0) return undefined; // imports come before every other known section
    p = end;
  }
  return undefined;
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
  /**
   * compile()/exec()/eval() of source: the source bytes and file name (UTF-8, in VM memory) and
   * compile()'s mode (0 exec, 1 eval, 2 single), flags and optimize; returns the byte length of
   * the result record (host/source-compiler.ts), which the VM then receives through
   * fetchCompiled(dst), or -1: no compiler is available.
   */
  /**
   * Asked synchronously every budget while Python code runs under native code (a sort key, a
   * dunder method), where the VM cannot return to its host: nonzero delivers KeyboardInterrupt.
   */
  pollInterrupt?(): number;
  compileSource?(srcPtr: number, srcLen: number, namePtr: number, nameLen: number, mode: number, flags: number, optimize: number): number;
  fetchCompiled?(dst: number): void;
}

/**
 * A new VM instance, its memory image copied in; start it with startVm. `memory`, if given, must
 * read as zero everywhere (a fresh memory, or one from host/memory-pool.ts) and have at least
 * vmMemoryPages(path) pages.
 */
export function instantiateVm(path = defaultWasmPath(), imports: VmImports = {}, memory?: WebAssembly.Memory): VmExports {
  const mod = loaded(path);
  if (mod.memoryPages !== undefined) {
    memory ??= takeMemory(mod.memoryPages);
    if (mod.image) applyImage(path, mod.image, mod.identity, memory);
  }
  const instance = new WebAssembly.Instance(mod.module, {
    env: { ...(memory === undefined ? {} : { memory }), host: hostImport(imports) },
  });
  return instance.exports as unknown as VmExports;
}

/** Starts an instance (vmInit): maxHeapBytes caps its heap (0: all of memory). */
export function startVm(vm: VmExports, maxHeapBytes: number): void {
  if (vm.vmInit(maxHeapBytes) !== 0) {
    throw new Error("vm.wasm: its start-up memory image is missing (instantiate it with host/wasm-loader.ts instantiateVm)");
  }
}
