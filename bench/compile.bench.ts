/**
 * Compile throughput (source lines per second) over the whole standard library: CPython 3.11's
 * compile() against ours (host/compiler/compile.ts), side by side.
 *
 * Run: `npx vite-node bench/compile.bench.ts [--rounds N]`
 *
 * 1. A python3.11 helper lists every .py under sysconfig.get_paths()["stdlib"] (site-packages and
 *    __pycache__ excluded, sorted) and keeps the files compile() accepts.
 * 2. We compile each of those once with ours (the warm-up pass): files ours fails on are left out
 *    of BOTH timings and counted in the table.
 * 3. python3.11 reads the remaining files' bytes first, then times only
 *    compile(source_bytes, path, "exec", dont_inherit=True) over all of them with
 *    time.perf_counter: one warm-up pass, then N passes, the best counts. Lines are counted there,
 *    once, as len(source.splitlines()), so both sides divide the same number.
 * 4. We time ours the same way over the same bytes (read before timing).
 * If ours compiles no file at all (not written yet), CPython is timed over every file it accepts.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

const PYTHON = process.env.PYVM_PYTHON ?? "python3.11";
const PY_ENV = { ...process.env, PYTHONHASHSEED: "0" };

const PY_LIST = String.raw`
import json, os, sysconfig, warnings
warnings.simplefilter("ignore")  # invalid escapes etc.: CPython would print them, not our business
root = sysconfig.get_paths()["stdlib"]
paths = []
for dirpath, dirnames, filenames in os.walk(root):
    dirnames[:] = sorted(d for d in dirnames if d not in ("site-packages", "__pycache__"))
    paths += [os.path.join(dirpath, n) for n in sorted(filenames) if n.endswith(".py")]
ok, rejected = [], 0
for p in paths:
    with open(p, "rb") as f:
        src = f.read()
    try:
        compile(src, p, "exec", dont_inherit=True)
        ok.append(p)
    except Exception:  # deliberately broken test files, other Python versions' syntax, ...
        rejected += 1
print(json.dumps({"root": root, "files": ok, "rejected": rejected}))
`;

const PY_TIME = String.raw`
import json, sys, time, warnings
warnings.simplefilter("ignore")
rounds = int(sys.argv[1])
with open(sys.argv[2], encoding="utf-8") as f:
    paths = json.load(f)
sources = []
for p in paths:
    with open(p, "rb") as f:
        sources.append((p, f.read()))

def one_pass():
    for p, src in sources:
        compile(src, p, "exec", dont_inherit=True)

one_pass()  # warm-up
times = []
for _ in range(rounds):
    t = time.perf_counter()
    one_pass()
    times.append(time.perf_counter() - t)
print(json.dumps({
    "lines": sum(len(src.splitlines()) for _, src in sources),
    "bytes": sum(len(src) for _, src in sources),
    "times": times,
}))
`;

function python<T>(script: string, args: string[]): T {
  const res = spawnSync(PYTHON, ["-c", script, ...args], { encoding: "utf-8", env: PY_ENV, maxBuffer: 1 << 28 });
  if (res.error) throw new Error(`cannot run ${PYTHON}: ${res.error.message}`);
  if (res.status !== 0) throw new Error(`python3.11 helper failed: ${res.stderr}`);
  return JSON.parse(res.stdout) as T;
}

type CompileFn = (source: Uint8Array, filename: string, mode: "exec") => unknown;

/** Our compile(), or null when host/compiler/compile.ts cannot be loaded yet (it is being written). */
async function loadOurCompiler(): Promise<CompileFn | null> {
  try {
    const mod = (await import("../host/compiler/compile.js")) as { compile?: unknown };
    return typeof mod.compile === "function" ? (mod.compile as CompileFn) : null;
  } catch (e) {
    process.stderr.write(`cannot load host/compiler/compile.ts: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}\n`);
    return null;
  }
}

const roundsArg = process.argv.indexOf("--rounds");
const rounds = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 3;

process.stderr.write("listing the standard library files python3.11 compiles...\n");
const listing = python<{ root: string; files: string[]; rejected: number }>(PY_LIST, []);
const allSources = listing.files.map((p) => new Uint8Array(readFileSync(p)));

// Ours, warm-up pass: which files it compiles at all.
const compile = (await loadOurCompiler()) ?? (() => {
  throw new Error("no compiler");
});
process.stderr.write(`warm-up pass of ours over ${listing.files.length} files...\n`);
const keep: number[] = [];
for (let i = 0; i < allSources.length; i++) {
  try {
    compile(allSources[i], listing.files[i], "exec");
    keep.push(i);
  } catch {
    // left out of both timings; counted in the table
  }
}
const oursAvailable = keep.length > 0;
const timed = oursAvailable ? keep : listing.files.map((_, i) => i);
const files = timed.map((i) => listing.files[i]);
const sources = timed.map((i) => allSources[i]);

process.stderr.write(`timing python3.11 compile() over ${files.length} files (${rounds} rounds)...\n`);
const scratch = mkdtempSync(path.join(tmpdir(), "pyvm-compile-bench-"));
let cpython: { lines: number; bytes: number; times: number[] };
try {
  const list = path.join(scratch, "files.json");
  writeFileSync(list, JSON.stringify(files));
  cpython = python(PY_TIME, [String(rounds), list]);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
const cpythonBest = Math.min(...cpython.times);

let oursBest: number | null = null;
if (oursAvailable) {
  process.stderr.write(`timing ours over ${files.length} files (${rounds} rounds)...\n`);
  oursBest = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t = performance.now();
    for (let i = 0; i < sources.length; i++) compile(sources[i], files[i], "exec");
    oursBest = Math.min(oursBest, (performance.now() - t) / 1000);
  }
}

const excluded = listing.files.length - keep.length;
console.log(
  `python3.11 stdlib at ${listing.root}: ${listing.files.length} files CPython compiles ` +
    `(${listing.rejected} it rejects left out); best of ${rounds} passes`,
);
console.log(
  oursAvailable
    ? `${excluded} files ours fails on are left out of both timings`
    : `ours compiled none of them (not available yet): CPython alone, over every file`,
);
console.log("");
console.log("| compiler | files | lines | seconds | lines/s | lines/s ÷ CPython's | files left out (ours failed) |");
console.log("|---|---:|---:|---:|---:|---:|---:|");
const rate = (s: number) => Math.round(cpython.lines / s).toLocaleString("en-US");
const lines = cpython.lines.toLocaleString("en-US");
console.log(`| CPython 3.11 compile() | ${files.length} | ${lines} | ${cpythonBest.toFixed(3)} | ${rate(cpythonBest)} | 1.000x | ${oursAvailable ? excluded : "-"} |`);
if (oursBest !== null) {
  console.log(
    `| ours (host/compiler/compile.ts) | ${files.length} | ${lines} | ${oursBest.toFixed(3)} | ${rate(oursBest)} | ` +
      `${(cpythonBest / oursBest).toFixed(3)}x | ${excluded} |`,
  );
} else {
  console.log(`| ours (host/compiler/compile.ts) | 0 | - | - | - | - | ${listing.files.length} |`);
}
