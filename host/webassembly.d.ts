/**
 * The part of the WebAssembly JS API the host uses. TypeScript declares WebAssembly only in its DOM
 * library and @types/node 20 not at all; pulling in DOM for this would declare browser globals the
 * host must not use, so the few members needed are declared here.
 */
declare namespace WebAssembly {
  class Module {
    constructor(bytes: BufferSource);
  }
  class Instance {
    constructor(module: Module, importObject?: Record<string, Record<string, unknown>>);
    readonly exports: Record<string, unknown>;
  }
  class Memory {
    constructor(descriptor: { initial: number; maximum?: number });
    readonly buffer: ArrayBuffer;
    grow(delta: number): number;
  }
}
type BufferSource = ArrayBufferView | ArrayBuffer;
