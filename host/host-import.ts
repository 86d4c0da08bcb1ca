/**
 * The VM's one import, `env.host(op, a..i)` (assembly/host.ts): operation numbers and the
 * dispatcher that turns them into calls of a host's VmImports callbacks. Used by host/wasm-loader.ts.
 */
import type { VmImports } from "./wasm-loader.js";

/**
 * The operation numbers of the VM's one import, `env.host(op, a..i)` (assembly/host.ts HOST_*):
 * one signature, so V8 compiles one import wrapper instead of one per signature (~2 ms of start-up).
 */
export enum HostOp {
  Abort = 0,
  Write = 1,
  ReadLine = 2,
  TbRecord = 3,
  ClockNow = 4,
  FindModule = 5,
  FetchModule = 6,
  PollInterrupt = 7,
  CompileSource = 8,
  FetchCompiled = 9,
}

/** `env.host` for an instance: dispatches each operation to `imports` (missing ones do nothing). */
export function hostImport(imports: VmImports): (op: number, a: number, b: number, c: number, d: number, e: number, f: number, g: number, h: number, i: number) => number {
  const { write, readLine, tbRecord, clockNow, findModule, fetchModule, pollInterrupt, compileSource, fetchCompiled } = imports;
  return (op, a, b, c, d, e, f, g, h, i) => {
    switch (op) {
      case HostOp.Write:
        write?.(a, b, c);
        return 0;
      case HostOp.ReadLine:
        return readLine ? readLine(a, b) : -1;
      case HostOp.TbRecord:
        tbRecord?.(a, b, c, d, e, f, g, h, i);
        return 0;
      case HostOp.ClockNow:
        return clockNow ? clockNow(a) : a === 0 ? Date.now() / 1000 : performance.now() / 1000;
      case HostOp.FindModule:
        return findModule ? findModule(a, b, c, d) : -1;
      case HostOp.FetchModule:
        fetchModule?.(a);
        return 0;
      case HostOp.PollInterrupt:
        return pollInterrupt ? pollInterrupt() : 0;
      case HostOp.CompileSource:
        return compileSource ? compileSource(a, b, c, d, e, f, g) : -1;
      case HostOp.FetchCompiled:
        fetchCompiled?.(a);
        return 0;
      case HostOp.Abort:
        throw new Error(`vm.wasm aborted at ${c}:${d}`);
      default:
        throw new Error(`vm.wasm: unknown host operation ${op}`);
    }
  };
}
