/**
 * `import` of modules beside the main program: the multi-file corpus test/modules/CASE/ (main.py and
 * the modules and packages it imports), each with CASE/expected.json = {stdout, stderr, exit} as
 * CPython 3.11 produces it (tools/gen_module_expected.py: `python3.11 -X utf8 -B main.py`,
 * PYTHONHASHSEED=0, cwd the case directory, the absolute case-directory prefix removed).
 *
 * The VM runs each case as a user would: main.py compiled by python3.11 as `main.py` (its
 * co_filename), run from the case directory with runPycSync's default module lookup (beside the
 * main file) and default source reader, or through `pyvm run main.py`. Output must be identical
 * (memory addresses in default reprs aside, as for test/programs).
 *
 * PYVM_WASM=path runs another build of the VM; PYVM_CLI=path another build of dist/cli.js.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, existsSync, writeFileSync } from "node:fs";
import { relative } from "node:path";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PYTHON, runPython } from "./support/python.js";
import { runPycSync } from "../host/run.js";
import { compileWithCPython, precompileWithCPython } from "../host/compile-cpython.js";
import { findModuleBeside } from "../host/find-module.js";
import { compileModuleFile, compileForVm } from "../host/source-compiler.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const DIR = join(ROOT, "test", "modules");
const WASM = process.env.PYVM_WASM;
const CLI = process.env.PYVM_CLI ?? join(ROOT, "dist", "cli.js");

interface Result {
  stdout: string;
  stderr: string;
  exit: number;
}

const cases = readdirSync(DIR)
  .filter((c) => existsSync(join(DIR, c, "main.py")))
  .sort();

const normalizeAddresses = (s: string) => s.replace(/ at 0x[0-9a-f]+/g, " at 0x…");
const normalize = (r: Result): Result => ({ stdout: normalizeAddresses(r.stdout), stderr: normalizeAddresses(r.stderr), exit: r.exit });

function expected(c: string): Result {
  return JSON.parse(readFileSync(join(DIR, c, "expected.json"), "utf8")) as Result;
}

/** Runs dir/main.py on the VM from `dir` (the current directory is restored after). */
function runVm(dir: string, extra: Parameters<typeof runPycSync>[1] = {}): Result {
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    let stdout = "";
    let stderr = "";
    const exit = runPycSync(compileWithCPython("main.py"), {
      stdout: (s) => (stdout += s),
      stderr: (s) => (stderr += s),
      wasmPath: WASM,
      ...extra,
    }) as number;
    return { stdout, stderr, exit };
  } finally {
    process.chdir(cwd);
  }
}

/** CPython on dir/main.py, as tools/gen_module_expected.py runs it. */
function runCPython(dir: string): Result {
  const res = spawnSync(PYTHON, ["-X", "utf8", "-B", "main.py"], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, PYTHONHASHSEED: "0", PYTHONDONTWRITEBYTECODE: "1" },
  });
  const strip = (s: string) => s.split(dir + "/").join("");
  return { stdout: strip(res.stdout), stderr: strip(res.stderr), exit: res.status ?? -1 };
}

/** Every .py under dir, recursively. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".py") ? [join(dir, e.name)] : [],
  );
}

describe("module corpus (test/modules)", () => {
  // Starting python3.11 is the slow part: compile the whole corpus in one run (co_filename relative
  // to its case, as the default lookup compiles it); the lookup then finds the results in memory.
  beforeAll(() => {
    precompileWithCPython(
      cases.flatMap((c) => sources(join(DIR, c)).map((path) => ({ path, displayPath: relative(join(DIR, c), path) }))),
    );
  });

  it("has at least 12 cases, each with an expectation covering the import features", () => {
    expect(cases.length).toBeGreaterThanOrEqual(12);
    const all = cases.map((c) => expected(c));
    const text = all.map((r) => r.stdout + r.stderr).join("\n");
    for (const needle of [
      "No module named ",
      "from partially initialized module",
      "attempted relative import",
      "<module 'pkg' from 'pkg/__init__.py'>",
      'File "calc.py", line 2, in divide',
    ])
      expect(text).toContain(needle);
    expect(text).not.toContain(DIR);
    expect(all.filter((r) => r.exit === 1 && r.stderr.startsWith("Traceback")).length).toBeGreaterThanOrEqual(3);
  });

  it("the committed expectations are what CPython 3.11 prints now (tools/gen_module_expected.py --check)", () => {
    const res = spawnSync(PYTHON, ["tools/gen_module_expected.py", "--check"], { cwd: ROOT, encoding: "utf8" });
    expect(res.status, `${res.stderr}\nrun: python3.11 tools/gen_module_expected.py`).toBe(0);
  });

  it.each(cases)("%s: the VM prints what CPython prints", (c) => {
    expect(normalize(runVm(join(DIR, c)))).toEqual(normalize(expected(c)));
  });

  // Issue 5: the same cases with no python3.11 at all, main.py and every module compiled by ours.
  it.each(cases)("%s: the VM prints what CPython prints, everything compiled by our compiler", (c) => {
    const dir = join(DIR, c);
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const main = compileModuleFile("main.py");
      if (!("pyc" in main)) throw new Error(`main.py of ${c} does not compile`);
      let stdout = "";
      let stderr = "";
      const exit = runPycSync(main.pyc, {
        stdout: (s) => (stdout += s),
        stderr: (s) => (stderr += s),
        wasmPath: WASM,
        findModule: (name) => findModuleBeside(".", name, compileModuleFile),
        compileSource: compileForVm,
      }) as number;
      expect(normalize({ stdout, stderr, exit })).toEqual(normalize(expected(c)));
    } finally {
      process.chdir(cwd);
    }
  });

  it("pyvm run main.py finds the modules beside it", () => {
    const c = "traceback_module";
    const res = spawnSync(process.execPath, [CLI, "run", "main.py"], { cwd: join(DIR, c), encoding: "utf8" });
    expect(normalize({ stdout: res.stdout, stderr: res.stderr, exit: res.status ?? -1 })).toEqual(normalize(expected(c)));
  });
});

describe("module lookup", () => {
  it("a sourceless .pyc beside the main program is imported when there is no .py (CPython's order)", () => {
    const dir = mkdtempSync(join(tmpdir(), "pyvm-modules-"));
    writeFileSync(join(dir, "compiled_src.py"), "print('compiled:', __name__, __file__, __cached__)\nVALUE = 7\n");
    runPython("import py_compile, sys; py_compile.compile(sys.argv[1], cfile=sys.argv[2], doraise=True)", undefined, [
      join(dir, "compiled_src.py"),
      join(dir, "compiled.pyc"),
    ]);
    // Both a .py and a .pyc for `both`: the source wins.
    writeFileSync(join(dir, "both.py"), "WHICH = 'source'\n");
    copyFileSync(join(dir, "compiled.pyc"), join(dir, "both.pyc"));
    writeFileSync(join(dir, "main.py"), "import compiled, both\nprint(compiled.VALUE, repr(compiled), both.WHICH)\n");
    const want = runCPython(dir);
    expect(want.exit).toBe(0);
    expect(runVm(dir)).toEqual(want);
  });

  it("a syntax error in the main program is reported, not run", () => {
    const dir = mkdtempSync(join(tmpdir(), "pyvm-modules-"));
    writeFileSync(join(dir, "main.py"), "x = (\n");
    expect(() => runVm(dir)).toThrow(/was never closed/);
  });

  it("a host's own findModule supplies the modules (a .pyc image: __file__ is its co_filename)", () => {
    const dir = mkdtempSync(join(tmpdir(), "pyvm-modules-"));
    writeFileSync(join(dir, "virtual_src.py"), "def hi():\n    return 'hi from ' + __name__ + ' ' + __file__\n");
    const pyc = compileWithCPython(join(dir, "virtual_src.py"), "virtual.py");
    writeFileSync(join(dir, "main.py"), "import virtual\nprint(virtual.hi())\ntry:\n    import other\nexcept ImportError as e:\n    print(e)\n");
    const asked: string[] = [];
    const got = runVm(dir, {
      findModule: (name, mainFile) => {
        asked.push(`${name} ${mainFile}`);
        return name === "virtual" ? pyc : null;
      },
    });
    expect(got).toEqual({ stdout: "hi from virtual virtual.py\nNo module named 'other'\n", stderr: "", exit: 0 });
    expect(asked).toEqual(["virtual main.py", "other main.py"]);
  });
});
