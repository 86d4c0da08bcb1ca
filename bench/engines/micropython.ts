/**
 * MicroPython's official WebAssembly port (npm @micropython/micropython-webassembly-pyscript),
 * loaded from node_modules with no network. One interpreter per process (GC heap: MICROPYTHON_HEAP_MB,
 * default 128 MB); each program is compiled once with compile() and run with exec() in a fresh
 * globals dict. MicroPython is not CPython: programs that use what it lacks show "n/a" in the table.
 * Worker protocol: ./protocol.ts.
 */
import { loadMicroPython } from "@micropython/micropython-webassembly-pyscript";
import { readFileSync } from "node:fs";
import { serve, type EngineAdapter, type Sink } from "./protocol.js";

interface MicroPython {
  runPython(code: string): unknown;
  globals: { set(key: string, value: unknown): void };
}

let mp: MicroPython;

const adapter: EngineAdapter = {
  async load(sink: Sink) {
    const heapMb = Number(process.env.MICROPYTHON_HEAP_MB ?? 128);
    // linebuffer (the default) hands over whole lines without their "\n"
    mp = (await loadMicroPython({
      heapsize: heapMb * 1024 * 1024,
      stdout: (line: string) => sink.stdout(line + "\n"),
      stderr: (line: string) => sink.stderr(line + "\n"),
    })) as MicroPython;
    mp.runPython("__bench_codes = {}");
    let version = "";
    mp.globals.set("__bench_version", (v: string) => {
      version = v;
    });
    mp.runPython("import sys; __bench_version('%d.%d.%d' % sys.implementation.version[:3])");
    return `MicroPython ${version} (GC heap ${heapMb} MiB)`;
  },
  async prepare(p) {
    mp.globals.set("__bench_src", readFileSync(p.py, "utf-8"));
    mp.runPython(`__bench_codes[${JSON.stringify(p.name)}] = compile(__bench_src, ${JSON.stringify(p.name + ".py")}, "exec")`);
  },
  async reset() {
    mp.runPython("import gc; __bench_g = None; gc.collect(); __bench_g = {'__name__': '__main__'}");
  },
  async run(name) {
    mp.runPython(`exec(__bench_codes[${JSON.stringify(name)}], __bench_g)`);
    return 0;
  },
};

void serve(adapter);
