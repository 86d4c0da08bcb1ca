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

export function instantiateVm(path = defaultWasmPath()): VmExports {
  const instance = new WebAssembly.Instance(loadVmModule(path), {
    env: {
      abort(_msg: number, _file: number, line: number, col: number) {
        throw new Error(`vm.wasm aborted at ${line}:${col}`);
      },
    },
  });
  return instance.exports as unknown as VmExports;
}
