/**
 * The public API of pyvm's host package: CPython 3.11 code objects, marshal, .pyc files, dis, the
 * opcode table, and the loader of the WASM VM module.
 */
export * from "./objects.js";
export { PyError } from "./errors.js";
export * from "./code.js";
export { loads, dumps } from "./marshal.js";
export { readPyc, writePyc } from "./pyc.js";
export { dis, getInstructions } from "./dis.js";
export { pyRepr } from "./repr.js";
export * as opcodes from "./opcodes.generated.js";
export { instantiateVm, loadVmModule } from "./wasm-loader.js";
