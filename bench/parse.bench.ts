/**
 * Parse throughput (source lines per second) over the whole standard library: CPython 3.11's
 * ast.parse against ours (host/parser/parse.ts), side by side.
 *
 * Run: `npx vite-node bench/parse.bench.ts [--rounds N]`
 *
 * A python3.11 helper lists every .py under sysconfig.get_paths()["stdlib"] (site-packages
 * excluded), reads all their bytes first, keeps the files ast.parse accepts, then times only
 * ast.parse(bytes, path) over all of them with time.perf_counter (one warm-up pass, then N passes;
 * the best pass counts). We read the same files' bytes, load host/parser/parse.ts if it exists (its
 * `parse(source, filename, mode)`), and time it the same way. Lines are counted once, as
 * len(source.splitlines()) in python, so both sides divide the same number. The table is markdown.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";

const PY_HELPER = String.raw`
import ast, json, os, sys, sysconfig, time, warnings
rounds = int(sys.argv[1])
root = sysconfig.get_paths()["stdlib"]
paths = []
for dirpath, dirnames, filenames in os.walk(root):
    dirnames[:] = sorted(d for d in dirnames if d not in ("site-packages", "__pycache__"))
    paths += [os.path.join(dirpath, n) for n in sorted(filenames) if n.endswith(".py")]
sources = []
for p in paths:
    with open(p, "rb") as f:
        sources.append((p, f.read()))
warnings.simplefilter("ignore")  # invalid escapes etc.: CPython would print them, not our business
ok, rejected = [], 0
for p, src in sources:
    try:
        ast.parse(src, p)
        ok.append((p, src))
    except Exception:  # deliberately broken test files, other Python versions' syntax, ...
        rejected += 1

def one_pass():
    for p, src in ok:
        ast.parse(src, p)

one_pass()  # warm-up
times = []
for _ in range(rounds):
    t = time.perf_counter()
    one_pass()
    times.append(time.perf_counter() - t)
print(json.dumps({
    "root": root,
    "files": [p for p, _ in ok],
    "lines": sum(len(src.splitlines()) for _, src in ok),
    "bytes": sum(len(src) for _, src in ok),
    "rejected": rejected,
    "times": times,
}))
`;

interface PyResult {
  root: string;
  files: string[];
  lines: number;
  bytes: number;
  rejected: number;
  times: number[];
}

type ParseFn = (source: string | Uint8Array, filename: string, mode?: "exec" | "eval" | "single") => unknown;

const roundsArg = process.argv.indexOf("--rounds");
const rounds = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 3;

/** Our parser, if host/parser/parse.ts exists yet and exports parse(). */
async function loadOurParser(): Promise<ParseFn | null> {
  const file = path.join(import.meta.dirname, "..", "host", "parser", "parse.ts");
  if (!existsSync(file)) return null;
  const mod = (await import("../host/parser/parse.js")) as { parse?: unknown };
  return typeof mod.parse === "function" ? (mod.parse as ParseFn) : null;
}

process.stderr.write(`timing python3.11 ast.parse over the standard library (${rounds} rounds)...\n`);
const py = spawnSync("python3.11", ["-c", PY_HELPER, String(rounds)], {
  encoding: "utf-8",
  env: { ...process.env, PYTHONHASHSEED: "0" },
  maxBuffer: 1 << 28,
});
if (py.status !== 0) throw new Error(`python3.11 helper failed: ${py.stderr}`);
const cpython = JSON.parse(py.stdout) as PyResult;
const cpythonBest = Math.min(...cpython.times);

interface Row {
  parser: string;
  seconds: number;
  failed: number;
}
const rows: Row[] = [{ parser: "CPython 3.11 ast.parse", seconds: cpythonBest, failed: 0 }];

const parse = await loadOurParser();
if (parse === null) {
  console.log("ours: parser not available yet");
} else {
  const sources = cpython.files.map((p) => new Uint8Array(readFileSync(p)));
  let failed = 0;
  const onePass = (count: boolean) => {
    for (let i = 0; i < sources.length; i++) {
      try {
        parse(sources[i], cpython.files[i], "exec");
      } catch {
        if (count) failed++; // CPython accepted every one of these files
      }
    }
  };
  process.stderr.write(`timing ours over ${sources.length} files (${rounds} rounds)...\n`);
  onePass(true); // warm-up, and the failure count
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t = performance.now();
    onePass(false);
    best = Math.min(best, (performance.now() - t) / 1000);
  }
  rows.push({ parser: "ours (host/parser/parse.ts)", seconds: best, failed });
}

console.log(
  `python3.11 stdlib at ${cpython.root}: ${cpython.files.length} files, ${cpython.lines} lines, ` +
    `${cpython.bytes} bytes (${cpython.rejected} files CPython rejects left out); best of ${rounds} passes`,
);
console.log("");
console.log("| parser | seconds | lines/s | lines/s ÷ CPython's | files that failed |");
console.log("|---|---:|---:|---:|---:|");
for (const row of rows) {
  const rate = cpython.lines / row.seconds;
  console.log(
    `| ${row.parser} | ${row.seconds.toFixed(3)} | ${Math.round(rate).toLocaleString("en-US")} | ` +
      `${(cpythonBest / row.seconds).toFixed(3)}x | ${row.failed} |`,
  );
}
