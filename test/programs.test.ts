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
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PYTHON } from "./support/python.js";

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
  run(program: string): Result | Promise<Result>;
}

// Runners go here. Each VM registers one entry, e.g.
//   { name: "wasm eval loop", run: (program) => runWasmVm(join(DIR, program)) },
//   { name: "host interpreter", run: (program) => runHostVm(join(DIR, program)) },
// and is then checked against every program's CPython expectation by the loop at the bottom.
const runners: Runner[] = [];

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

  it("the committed expectations are what CPython 3.11 produces now (tools/gen_expected.py --check)", () => {
    const res = python(["tools/gen_expected.py", "--check"]);
    expect(res.status, `${res.stdout}\n${res.stderr}\nrun: python3.11 tools/gen_expected.py`).toBe(0);
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
    it.each(programs)("%s", async (program) => {
      const got = await runner.run(program);
      expect(got).toEqual(expected(program));
    });
  });
}
