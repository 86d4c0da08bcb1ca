/**
 * The `env` imports of a module that links the whole VM (build/vm.wasm, assembly/test-entries/*.ts):
 * the VM calls its host through one import, `host` (assembly/host.ts), dispatched here by the
 * loader's own hostImport to the named functions given (stream writes, stdin, traceback records,
 * clock, module lookup, source compiling, interrupt polling); what is not given does nothing or
 * answers "none". `abort` (AssemblyScript's assertion hook in the test entries, which are built
 * without the VM's abort alias) throws, as the host operation does.
 */
import { hostImport, type VmImports } from "../../host/wasm-loader.js";

export function testEnv(overrides: VmImports = {}): WebAssembly.ModuleImports {
  return {
    abort: () => {
      throw new Error("abort");
    },
    host: hostImport(overrides),
  };
}
