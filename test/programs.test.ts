/**
 * The conformance corpus: test/programs/NAME.py are small deterministic Python 3.11 programs, each
 * with NAME.expected.json = {stdout, stderr, exit} as CPython 3.11 produces it (written by
 * tools/gen_expected.py: `python3.11 -X utf8 NAME.py`, PYTHONHASHSEED=0, cwd test/programs, the
 * absolute directory prefix removed so tracebacks say `File "NAME.py", line N`).
 *
 * Here: the committed expectations are CPython's and current, every program compiles with
 * python3.11, every program prints something, and the traceback paths are relative. A VM is
 * measured by adding it to `runners` below: it must reproduce stdout, stderr and exit exactly.
 */
import { describe, expect, it } from "vitest";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PYTHON } from "./support/python.js";
import { runPycSync } from "../host/run.js";
import { compileForVm } from "../host/source-compiler.js";
import { compile } from "../host/compiler/compile.js";
import { writePyc } from "../host/pyc.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const DIR = join(ROOT, "test", "programs");

/** The corpus only grows: raise this floor as programs are added (the issue asks for >= 250). */
const MIN_PROGRAMS = 271;

interface Result {
  stdout: string;
  stderr: string;
  exit: number;
}

const programs = readdirSync(DIR)
  .filter((f) => f.endsWith(".py"))
  .sort();

function expectationPath(program: string): string {
  return join(DIR, program.replace(/\.py$/, ".expected.json"));
}

function expected(program: string): Result {
  return JSON.parse(readFileSync(expectationPath(program), "utf8")) as Result;
}

/**
 * A VM under test. `run` executes test/programs/<program> by its relative file name (so the code
 * object's co_filename, and so every traceback line, is `File "<program>"`), with the current
 * directory test/programs and PYTHONHASHSEED=0 semantics (str hashes as CPython's with seed 0),
 * and returns what the program wrote to stdout and stderr (UTF-8) and its exit status.
 */
interface Runner {
  name: string;
  /** Programs this runner must reproduce (the rest are reported as todo); all when absent. */
  filter?(program: string): boolean;
  run(program: string): Result | Promise<Result>;
}

// Runners go here. Each VM registers one entry, e.g.
//   { name: "wasm eval loop", run: (program) => runWasmVm(join(DIR, program)) },
//   { name: "host interpreter", run: (program) => runHostVm(join(DIR, program)) },
// and is then checked against every program's CPython expectation by the loop at the bottom.
const runners: Runner[] = [];

/**
 * The WASM VM (build/vm.wasm through host/run.ts). Each program is compiled by python3.11 into a
 * cache directory (co_filename = its relative name) and run from test/programs, so tracebacks read
 * the source lines there. Programs listed in test/programs/wasm-passing.txt must match CPython
 * exactly; the others are reported as todo (not passing yet) — the list only grows.
 */
const wasmPassing = new Set(
  readFileSync(join(DIR, "wasm-passing.txt"), "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#")),
);
let wasmCache: string | null = null;
function compiledPyc(program: string): Uint8Array {
  if (!wasmCache) {
    wasmCache = mkdtempSync(join(tmpdir(), "pyvm-wasm-"));
    const script = "import py_compile,os,sys\nfor n in sys.argv[2:]: py_compile.compile(n, cfile=os.path.join(sys.argv[1], n + 'c'), doraise=True)";
    const res = python(["-c", script, wasmCache, ...programs], DIR);
    if (res.status !== 0) throw new Error(res.stderr);
  }
  return readFileSync(join(wasmCache, program + "c"));
}
/** Only memory addresses in default reprs may differ (the issue allows normalizing them). */
const normalizeAddresses = (s: string) => s.replace(/ at 0x[0-9a-f]+/g, " at 0x…");
/**
 * Runs a program's .pyc on the VM from test/programs (tracebacks read the source lines there),
 * with our compiler behind exec/eval/compile and a 20 s limit (KeyboardInterrupt after it).
 * `pyc` is called inside that directory.
 */
function runWasm(pyc: () => Uint8Array): Result {
  let stdout = "";
  let stderr = "";
  const cwd = process.cwd();
  process.chdir(DIR);
  try {
    const deadline = Date.now() + 20_000;
    const exit = runPycSync(pyc(), {
      stdout: (s) => (stdout += s),
      stderr: (s) => (stderr += s),
      budget: 200_000,
      shouldInterrupt: () => Date.now() > deadline,
      compileSource: compileForVm,
    }) as number;
    return { stdout: normalizeAddresses(stdout), stderr: normalizeAddresses(stderr), exit };
  } finally {
    process.chdir(cwd);
  }
}

runners.push({
  name: "wasm eval loop",
  filter: (program) => wasmPassing.has(program),
  run: (program) => runWasm(() => compiledPyc(program)),
});

/**
 * The same WASM VM running what *our* compiler makes of each program (host/compiler), written as a
 * .pyc: issue 5's "our VM runs our code". The same programs must pass as with CPython's .pyc.
 */
runners.push({
  name: "wasm eval loop, our compiler",
  filter: (program) => wasmPassing.has(program),
  run: (program) => runWasm(() => writePyc(compile(readFileSync(program), program, "exec"), { mtime: 0, sourceSize: 0 })),
});

function python(args: string[], cwd = ROOT) {
  const res = spawnSync(PYTHON, args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, PYTHONHASHSEED: "0", PYTHONIOENCODING: "utf-8" },
    maxBuffer: 1 << 28,
  });
  if (res.error) throw new Error(`cannot run ${PYTHON}: ${res.error.message}`);
  return res;
}

describe("conformance corpus (test/programs)", () => {
  it(`has at least ${MIN_PROGRAMS} programs, each with a committed expectation`, () => {
    expect(programs.length).toBeGreaterThanOrEqual(MIN_PROGRAMS);
    expect(programs.filter((p) => !existsSync(expectationPath(p)))).toEqual([]);
  });

  it("every program compiles with python3.11", () => {
    const cache = mkdtempSync(join(tmpdir(), "pyvm-programs-"));
    const script = `
import json, os, py_compile, sys
cache, names = sys.argv[1], sys.argv[2:]
failed = []
for name in names:
    try:
        py_compile.compile(name, cfile=os.path.join(cache, name + "c"), doraise=True)
    except py_compile.PyCompileError as e:
        failed.append(f"{name}: {e.msg}")
print(json.dumps({"version": list(sys.version_info[:2]), "compiled": len(names) - len(failed), "failed": failed}))
`;
    const res = python(["-c", script, cache, ...programs], DIR);
    expect(res.status, res.stderr).toBe(0);
    const report = JSON.parse(res.stdout) as { version: number[]; compiled: number; failed: string[] };
    expect(report.version).toEqual([3, 11]);
    expect(report.failed).toEqual([]);
    expect(report.compiled).toBeGreaterThanOrEqual(MIN_PROGRAMS);
  });

  it("the committed expectations are what CPython 3.11 produces now (tools/gen_expected.py --check)", async () => {
    // Asynchronous: a minute-long spawnSync would block the worker past vitest's 60 s RPC timeout.
    const res = await new Promise<{ status: number | null; out: string }>((resolve, reject) => {
      const child = spawn(PYTHON, ["tools/gen_expected.py", "--check"], {
        cwd: ROOT,
        env: { ...process.env, PYTHONHASHSEED: "0", PYTHONIOENCODING: "utf-8" },
      });
      let out = "";
      child.stdout.on("data", (d) => (out += d));
      child.stderr.on("data", (d) => (out += d));
      child.on("error", reject);
      child.on("close", (status) => resolve({ status, out }));
    });
    expect(res.status, `${res.out}\nrun: python3.11 tools/gen_expected.py`).toBe(0);
  }, 600_000);

  it("every program prints something on stdout", () => {
    expect(programs.filter((p) => expected(p).stdout.length === 0)).toEqual([]);
  });

  it("expectations carry relative paths only, and cover tracebacks and sys.exit", () => {
    const all = programs.map((p) => [p, expected(p)] as const);
    for (const [program, result] of all) {
      expect(result.stdout + result.stderr, program).not.toContain(DIR);
      if (result.stderr.startsWith("Traceback (most recent call last):")) {
        expect(result.exit, program).toBe(1);
        expect(result.stderr, program).toContain(`File "${program}", line `);
      }
    }
    const tracebacks = all.filter(([, r]) => r.exit === 1 && r.stderr.includes("Traceback"));
    expect(tracebacks.length).toBeGreaterThanOrEqual(5);
    expect(all.some(([, r]) => r.exit === 3)).toBe(true);
  });
});

for (const runner of runners) {
  describe(`${runner.name} reproduces CPython on the corpus`, () => {
    const mustPass = programs.filter((p) => !runner.filter || runner.filter(p));
    it.each(mustPass)("%s", async (program) => {
      // a macrotask turn per program: hundreds of synchronous runs in a row would starve vitest's RPC
      await new Promise((resolve) => setImmediate(resolve));
      const got = await runner.run(program);
      const want = expected(program);
      expect(got).toEqual({ stdout: normalizeAddresses(want.stdout), stderr: normalizeAddresses(want.stderr), exit: want.exit });
    });
    for (const program of programs.filter((p) => !mustPass.includes(p))) it.todo(`${program} (not passing yet)`);
  });
}
