/**
 * pyvm-wasm: this project's WebAssembly VM (build/vm.wasm) through host/run.ts's
 * `runPyc(pycBytes, { stdout, stderr, filename })`, fed the .pyc that python3.11 compiled. Each run
 * is one runPyc call (whatever instantiation it does is inside the timing); reading the .pyc is not.
 * Worker protocol: ./protocol.ts.
 */
import { readFileSync } from "node:fs";
import { runPyc } from "../../host/run.js";
import { serve, type EngineAdapter, type Sink } from "./protocol.js";

const pycs = new Map<string, Uint8Array>();
let out: Sink;

const adapter: EngineAdapter = {
  async load(sink: Sink) {
    out = sink;
    return "pyvm-wasm (build/vm.wasm)";
  },
  async prepare(p) {
    pycs.set(p.name, new Uint8Array(readFileSync(p.pyc)));
  },
  async run(name) {
    const bytes = pycs.get(name);
    if (!bytes) throw new Error(`${name} was not prepared`);
    return await runPyc(bytes, { stdout: out.stdout, stderr: out.stderr, filename: name + ".py" });
  },
};

void serve(adapter);
