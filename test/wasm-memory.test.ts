/**
 * Memory management of the WASM VM (assembly/gc.ts, the cycle collector; assembly/heap.ts):
 * - 10 million small objects (lists, instances, strings, some in cycles) made and dropped in a loop
 *   run in under 100 MB peak RSS (measured in a child Node process: process.resourceUsage().maxRSS);
 * - a program full of reference cycles run 1000 times in one VM instance (host/session.ts) leaves
 *   the heap exactly as it was after run 10;
 * - gc.collect() results and __del__ order on cycles match python3.11 (test/programs/gc_*.py);
 * - the debug build's heap audit (vmHeapAudit) is 0 after every corpus program and its end-of-run
 *   collection, with no internal error.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PYTHON } from "./support/python.js";
import { createVmSession } from "../host/session.js";

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

// The child runs the VM with no host code: instantiate, vmInit, run to the end, report maxRSS.
const CHILD = `
const { readFileSync } = require("node:fs");
const [wasmPath, pycPath] = process.argv.slice(1);
let mem; let out = "";
const dec = new TextDecoder();
const inst = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(wasmPath)), { env: {
  abort() { throw new Error("abort"); },
  write(fd, p, n) { out += dec.decode(new Uint8Array(mem.buffer, p >>> 0, n >>> 0)); },
  readLine() { return -1; }, tbRecord() {}, findModule() { return -1; }, fetchModule() {},
  clockNow(k) { return k === 0 ? Date.now() / 1000 : performance.now() / 1000; },
} });
const vm = inst.exports; mem = vm.memory;
vm.vmInit(0);
const pyc = readFileSync(pycPath);
const ptr = vm.vmInputAlloc(pyc.length) >>> 0;
new Uint8Array(mem.buffer, ptr, pyc.length).set(pyc);
let st = vm.vmRunPyc(ptr, pyc.length, 1000000);
while (st === -1) st = vm.vmResume(1000000);
vm.vmFlush();
console.log(JSON.stringify({ status: st, out, maxRSS: process.resourceUsage().maxRSS, pages: vm.memoryPages() }));
`;

describe("memory", () => {
  it("10 million small objects run in under 100 MB peak RSS", () => {
    const pyc = compileSource("small_objects.py", SMALL_OBJECTS);
    const pycPath = join(TMP, "small_objects.pyc");
    writeFileSync(pycPath, pyc);
    const res = spawnSync(process.execPath, ["-e", CHILD, RELEASE_WASM, pycPath], { encoding: "utf8" });
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
const SAMPLE = 60;
const ALWAYS = /^(gc|memory|classes|generators)_/;

function debugPrograms(): string[] {
  const all = readFileSync(join(PROGRAMS, "wasm-passing.txt"), "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));
  // A deterministic sample: every k-th program, plus the memory-heavy topics.
  const step = Math.max(1, Math.floor(all.length / SAMPLE));
  return all.filter((p, i) => i % step === 0 || ALWAYS.test(p)).concat(["gc_01.py", "gc_02.py", "gc_03.py", "gc_04.py", "gc_05.py"].filter((p) => !all.includes(p)));
}

describe("debug build heap audit", () => {
  beforeAll(() => {
    const given = process.env.PYVM_DEBUG_WASM ?? join(ROOT, "build", "vm.debug.wasm");
    const hasAudit = (p: string) => existsSync(p) && WebAssembly.Module.exports(new WebAssembly.Module(readFileSync(p))).some((e) => e.name === "vmHeapAudit");
    if (hasAudit(given)) {
      debugWasm = given;
      return;
    }
    debugWasm = join(TMP, "vm.debug.wasm");
    const res = spawnSync("npx", ["asc", "assembly/index.ts", "--target", "debug", "-o", debugWasm], { cwd: ROOT, encoding: "utf8" });
    if (res.status !== 0) throw new Error(res.stderr);
  }, 180_000);

  it("audit 0 and no internal error after every sampled corpus program and its collection", () => {
    const programs = debugPrograms();
    const pycs = compile(PROGRAMS, programs);
    const cwd = process.cwd();
    process.chdir(PROGRAMS);
    const failures: string[] = [];
    try {
      for (const p of programs) {
        let err = "";
        const session = createVmSession({ wasmPath: debugWasm, stdout: () => {}, stderr: (s) => (err += s) });
        try {
          session.run(pycs.get(p)!);
        } catch (e) {
          err += `SystemError: trap ${(e as Error).message}`;
        }
        const audit = session.heapAudit();
        if (audit !== 0 || err.includes("SystemError")) failures.push(`${p}: audit ${audit} ${err.slice(-200)}`);
      }
    } finally {
      process.chdir(cwd);
    }
    expect(failures).toEqual([]);
  }, 180_000);
});
