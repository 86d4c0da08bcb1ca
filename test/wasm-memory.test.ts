/**
 * Memory management of the WASM VM (assembly/gc.ts, the cycle collector; assembly/heap.ts):
 * - 10 million small objects (lists, instances, strings, some in cycles) made and dropped in a loop
 *   run in under 100 MB peak RSS (measured in a child Node process: process.resourceUsage().maxRSS);
 * - a program full of reference cycles run 1000 times in one VM instance (host/session.ts) leaves
 *   the heap exactly as it was after run 10;
 * - gc.collect() results and __del__ order on cycles match python3.11 (test/programs/gc_*.py);
 * - every corpus program (test/programs/wasm-passing.txt) on the debug build (assertions and heap
 *   checks on), three times in one instance: the output is CPython's, no trap or internal error,
 *   the heap audit (vmHeapAudit) is 0 after each run and its end-of-run collection, and the heap
 *   does not grow from the second run to the third (a leak grows it at every run).
 */
import { compileForVm } from "../host/source-compiler.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PYTHON } from "./support/python.js";
import { createVmSession } from "../host/session.js";
import { loadVmModule } from "../host/wasm-loader.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const PROGRAMS = join(ROOT, "test", "programs");
const RELEASE_WASM = process.env.PYVM_WASM ?? join(ROOT, "build", "vm.wasm");
const TMP = mkdtempSync(join(tmpdir(), "pyvm-memory-"));

/** Compiles Python files to .pyc with python3.11 (co_filename = the name as given, cwd `cwd`). */
function compile(cwd: string, names: string[]): Map<string, Uint8Array> {
  const script = "import py_compile,os,sys\nfor n in sys.argv[2:]: py_compile.compile(n, cfile=os.path.join(sys.argv[1], os.path.basename(n) + 'c'), doraise=True)";
  const res = spawnSync(PYTHON, ["-c", script, TMP, ...names], { cwd, encoding: "utf8" });
  if (res.status !== 0) throw new Error(res.stderr);
  const out = new Map<string, Uint8Array>();
  for (const n of names) out.set(n, readFileSync(join(TMP, n.split("/").pop() + "c")));
  return out;
}

function compileSource(name: string, source: string): Uint8Array {
  writeFileSync(join(TMP, name), source);
  return compile(TMP, [name]).get(name)!;
}

function cpython(file: string, cwd: string): string {
  const res = spawnSync(PYTHON, [file], { cwd, encoding: "utf8", env: { ...process.env, PYTHONHASHSEED: "0" } });
  if (res.status !== 0) throw new Error(res.stderr);
  return res.stdout;
}

const SMALL_OBJECTS = `
class P:
    def __init__(self, x):
        self.x = x

total = 0
for i in range(2500000):
    l = [i, i + 1]
    p = P(l)
    s = str(i)
    if i % 8 == 0:
        l.append(l)
        p.me = p
    total += len(l) + len(s)
print(total)
`;

// The child runs the VM with no host code but the loader (dist/wasm-loader.js, which copies the
// start-up memory image in): instantiate, start, run to the end, report maxRSS.
const CHILD = `
const { readFileSync } = require("node:fs");
const { pathToFileURL } = require("node:url");
const [wasmPath, pycPath, loaderPath] = process.argv.slice(1);
import(pathToFileURL(loaderPath).href).then(({ instantiateVm, startVm }) => {
  let out = "";
  const dec = new TextDecoder();
  // every other host import is the loader's inert default
  const vm = instantiateVm(wasmPath, { write(fd, p, n) { out += dec.decode(new Uint8Array(vm.memory.buffer, p >>> 0, n >>> 0)); } });
  startVm(vm, 0);
  const pyc = readFileSync(pycPath);
  const ptr = vm.vmInputAlloc(pyc.length) >>> 0;
  new Uint8Array(vm.memory.buffer, ptr, pyc.length).set(pyc);
  let st = vm.vmRunPyc(ptr, pyc.length, 1000000);
  while (st === -1) st = vm.vmResume(1000000);
  vm.vmFlush();
  console.log(JSON.stringify({ status: st, out, maxRSS: process.resourceUsage().maxRSS, pages: vm.memoryPages() }));
});
`;
const LOADER = join(ROOT, "dist", "wasm-loader.js");

describe("memory", () => {
  it("10 million small objects run in under 100 MB peak RSS", () => {
    const pyc = compileSource("small_objects.py", SMALL_OBJECTS);
    const pycPath = join(TMP, "small_objects.pyc");
    writeFileSync(pycPath, pyc);
    const res = spawnSync(process.execPath, ["-e", CHILD, RELEASE_WASM, pycPath, LOADER], { encoding: "utf8" });
    expect(res.stderr).toBe("");
    const r = JSON.parse(res.stdout) as { status: number; out: string; maxRSS: number; pages: number };
    expect(r.status).toBe(0);
    expect(r.out).toBe(cpython(join(TMP, "small_objects.py"), TMP));
    expect(r.maxRSS / 1024).toBeLessThan(100); // KiB -> MiB
    expect(r.pages * 64).toBeLessThan(32 * 1024); // linear memory stays small too (KiB)
  }, 60_000);

  it("a program full of cycles run 1000 times in one instance does not grow the heap", () => {
    const pyc = compile(PROGRAMS, ["gc_03.py"]).get("gc_03.py")!;
    const cycles = compileSource(
      "cycles_repeat.py",
      `
import gc
class N:
    def __init__(self, v):
        self.v = v
        self.peer = None
class F:
    def __del__(self):
        pass
def closure():
    def again():
        return again
    return again
def gen(box):
    yield box
for i in range(20):
    l = [i]
    l.append(l)
    a = N(i); b = N(l); a.peer = b; b.peer = a
    f = F(); f.me = f; f.data = {"l": l}
    c = closure()
    box = []; g = gen(box); box.append(g); next(g)
class Local:
    attr = [1, 2]
    def m(self):
        return self
inst = Local()
inst.bound = inst.m
`,
    );
    let out = "";
    const session = createVmSession({ wasmPath: RELEASE_WASM, stdout: (s) => (out += s), stderr: (s) => (out += s) });
    let after10 = 0;
    for (let run = 1; run <= 1000; run++) {
      expect(session.run(run % 2 ? cycles : pyc)).toBe(0);
      if (run === 10) after10 = session.heapBytesInUse();
    }
    expect(session.heapBytesInUse()).toBe(after10);
    expect(session.heapAudit()).toBe(0);
    expect(out).not.toContain("Error");
  }, 60_000);

  for (const name of ["gc_01.py", "gc_02.py", "gc_03.py", "gc_04.py", "gc_05.py"]) {
    it(`${name}: gc.collect() counts and __del__ order as python3.11`, () => {
      const pyc = compile(PROGRAMS, [name]).get(name)!;
      let out = "";
      const session = createVmSession({ wasmPath: RELEASE_WASM, stdout: (s) => (out += s), stderr: (s) => (out += s) });
      expect(session.run(pyc)).toBe(0);
      expect(out).toBe(cpython(name, PROGRAMS));
      expect(session.heapAudit()).toBe(0);
    }, 30_000);
  }
});

/** The debug build (heap checks on): build/vm.debug.wasm if it has vmHeapAudit, else built here. */
let debugWasm = "";

/** Every program the VM must reproduce (test/programs/wasm-passing.txt): the audit covers them all. */
const corpus = readFileSync(join(PROGRAMS, "wasm-passing.txt"), "utf8")
  .split("\n")
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith("#"));

interface Expected {
  stdout: string;
  stderr: string;
  exit: number;
}
const normalizeAddresses = (s: string) => s.replace(/ at 0x[0-9a-f]+/g, " at 0x…");

/** Runs in one instance per program: the first may fill caches, a leak grows the heap at every run. */
const RUNS = 3;

describe("debug build heap audit (the whole corpus)", () => {
  let pycs = new Map<string, Uint8Array>();
  let cwd = "";
  beforeAll(() => {
    pycs = compile(PROGRAMS, corpus); // one python3.11 process for all of them
    cwd = process.cwd();
    process.chdir(PROGRAMS); // traceback source lines are read relative to the current directory
    const given = process.env.PYVM_DEBUG_WASM ?? join(ROOT, "build", "vm.debug.wasm");
    // loadVmModule caches the compiled module per path: sessions below reuse this compilation.
    const hasAudit = (p: string) => existsSync(p) && WebAssembly.Module.exports(loadVmModule(p)).some((e) => e.name === "vmHeapAudit");
    if (hasAudit(given)) {
      debugWasm = given;
      return;
    }
    debugWasm = join(TMP, "vm.debug.wasm");
    const res = spawnSync("npx", ["asc", "assembly/index.ts", "--target", "debug", "-o", debugWasm], { cwd: ROOT, encoding: "utf8" });
    if (res.status !== 0) throw new Error(res.stderr);
  }, 180_000);
  afterAll(() => {
    if (cwd) process.chdir(cwd);
  });

  it("lists the whole corpus", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(291);
    expect(corpus.filter((p) => !existsSync(join(PROGRAMS, p)))).toEqual([]);
  });

  // Each program in a fresh instance, RUNS times: output as CPython's, no trap or internal error, heap
  // audit 0 after every run (and its end-of-run collection), and the heap the same size after the
  // last two runs (what a run leaves behind is freed by the next one's end).
  it.each(corpus)("%s", (p) => {
    const want = JSON.parse(readFileSync(join(PROGRAMS, p.replace(/\.py$/, ".expected.json")), "utf8")) as Expected;
    let out = "";
    let err = "";
    const session = createVmSession({ wasmPath: debugWasm, stdout: (s) => (out += s), stderr: (s) => (err += s), compileSource: compileForVm });
    const inUse: number[] = [];
    for (let run = 1; run <= RUNS; run++) {
      out = "";
      err = "";
      let exit: number;
      try {
        exit = session.run(pycs.get(p)!);
      } catch (e) {
        throw new Error(`run ${run}: trap in the debug build: ${(e as Error).message}\n${err.slice(-500)}`);
      }
      if (run === 1) {
        expect({ stdout: normalizeAddresses(out), stderr: normalizeAddresses(err), exit }).toEqual({
          stdout: normalizeAddresses(want.stdout),
          stderr: normalizeAddresses(want.stderr),
          exit: want.exit,
        });
      }
      expect(err.includes("SystemError") && !want.stderr.includes("SystemError"), `run ${run}: ${err.slice(-500)}`).toBe(false);
      expect(session.heapAudit(), `run ${run}: heap audit`).toBe(0);
      inUse.push(session.heapBytesInUse());
    }
    expect(inUse[RUNS - 1] - inUse[RUNS - 2], `heap growth per run (bytes in use after each run: ${inUse.join(", ")})`).toBe(0);
  });
});
