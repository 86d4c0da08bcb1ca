/**
 * The `env` imports of a test-entry module (assembly/test-entries/*.ts): they link the whole VM, so
 * they import what the VM needs from its host (stream writes, stdin, traceback records, clock, module lookup);
 * unit tests give inert versions. `abort` (AssemblyScript's assertion hook) throws.
 */
export function testEnv(): Record<string, (...args: never[]) => unknown> {
  return {
    abort: () => {
      throw new Error("abort");
    },
    write: () => {},
    readLine: () => -1,
    tbRecord: () => {},
    clockNow: (kind: number) => (kind === 0 ? Date.now() / 1000 : performance.now() / 1000),
    findModule: () => -1,
    fetchModule: () => {},
    compileSource: () => -1,
    pollInterrupt: () => 0,
    fetchCompiled: () => {},
  };
}
