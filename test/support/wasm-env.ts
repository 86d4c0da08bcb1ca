/**
 * The `env` imports of a module that links the whole VM (build/vm.wasm, assembly/test-entries/*.ts):
 * it imports what the VM needs from its host (stream writes, stdin, traceback records, clock, module
 * lookup, source compiling, interrupt polling); unit tests give inert versions. `abort`
 * (AssemblyScript's assertion hook) throws. The result answers every other name too, with a
 * function returning 0, so that a new host import needs no edit here or in the tests that use it;
 * the names listed are those whose inert answer is not 0 (-1: "none"), or that must not be silent.
 */
type HostFn = (...args: never[]) => unknown;

export function testEnv(overrides: Record<string, HostFn> = {}): Record<string, HostFn> {
  const known: Record<string, HostFn> = {
    abort: () => {
      throw new Error("abort");
    },
    clockNow: (kind: number) => (kind === 0 ? Date.now() / 1000 : performance.now() / 1000),
    readLine: () => -1,
    findModule: () => -1,
    compileSource: () => -1,
    ...overrides,
  };
  const inert: HostFn = () => 0;
  // WebAssembly.Instance reads each import with [[Get]], so a proxy can supply the rest
  return new Proxy(known, { get: (t, name) => (typeof name === "string" && name in t ? t[name] : inert) });
}
