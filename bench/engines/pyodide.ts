/**
 * Pyodide 0.25.x (CPython 3.11 compiled to WebAssembly with Emscripten), loaded from node_modules
 * with no network: loadPyodide() once per process, then each program is compiled once with
 * compile() and run with exec() in a fresh globals dict. Worker protocol: ./protocol.ts.
 */
import { loadPyodide, type PyodideInterface } from "pyodide";
import { readFileSync } from "node:fs";
import { serve, type EngineAdapter, type Sink } from "./protocol.js";

let py: PyodideInterface;

const adapter: EngineAdapter = {
  async load(sink: Sink) {
    const decoder = new TextDecoder();
    const edecoder = new TextDecoder();
    py = await loadPyodide({ fullStdLib: false });
    py.setStdout({ write: (b) => (sink.stdout(decoder.decode(b, { stream: true })), b.length) });
    py.setStderr({ write: (b) => (sink.stderr(edecoder.decode(b, { stream: true })), b.length) });
    py.runPython("__bench_codes = {}");
    return `Pyodide ${py.version} (Python ${py.runPython("import sys; sys.version.split()[0]")})`;
  },
  async prepare(p) {
    py.globals.set("__bench_src", readFileSync(p.py, "utf-8"));
    py.runPython(`__bench_codes[${JSON.stringify(p.name)}] = compile(__bench_src, ${JSON.stringify(p.name + ".py")}, "exec")`);
  },
  async reset() {
    py.runPython("import gc; __bench_g = None; gc.collect(); __bench_g = {'__name__': '__main__'}");
  },
  async run(name) {
    py.runPython(`exec(__bench_codes[${JSON.stringify(name)}], __bench_g)`);
    return 0;
  },
};

void serve(adapter);
