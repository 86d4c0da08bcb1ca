/**
 * pyvm-wasm: this project's WebAssembly VM (build/vm.wasm) through host/run.ts's
 * `runPyc(pycBytes, { stdout, stderr, filename, readSource })`, fed the .pyc that python3.11 compiled. Each run
 * is one runPyc call (whatever instantiation it does is inside the timing); reading the .pyc is not.
 * Worker protocol: ./protocol.ts.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { runPyc } from "../../host/run.js";
import { serve, type EngineAdapter, type Sink } from "./protocol.js";

const pycs = new Map<string, Uint8Array>();
let out: Sink;
let sourceDir = ".";

const adapter: EngineAdapter = {
  async load(sink: Sink) {
    out = sink;
    return "pyvm-wasm (build/vm.wasm)";
  },
  async prepare(p) {
    pycs.set(p.name, new Uint8Array(readFileSync(p.pyc)));
    sourceDir = path.dirname(p.py);
  },
  async run(name) {
    const bytes = pycs.get(name);
    if (!bytes) throw new Error(`${name} was not prepared`);
    // (a variable, not a literal: runPyc's options may or may not declare `filename`)
    const opts = {
      stdout: out.stdout,
      stderr: out.stderr,
      filename: name + ".py",
      // traceback source lines, as CPython shows them
      readSource: (f: string) => {
        try {
          return readFileSync(path.resolve(sourceDir, f), "utf-8");
        } catch {
          return null;
        }
      },
    };
    return await runPyc(bytes, opts);
  },
};

void serve(adapter);
