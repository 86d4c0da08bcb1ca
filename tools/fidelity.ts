/**
 * The fidelity report (`npm run fidelity`): how many code objects our compiler (host/compiler/
 * compile.ts) makes exactly as CPython 3.11 does, field by field, over python3.11's standard library
 * and over the conformance corpus test/programs/*.py.
 *
 *   npx vite-node tools/fidelity.ts [--filter SUBSTR] [--show N] [--json FILE]
 *                                   [--min-stdlib P] [--min-programs P] [--self-check]
 *
 * One python3.11 process (PYTHONHASHSEED=0) compiles every file with
 * compile(source_bytes, filename, "exec", dont_inherit=True) and writes each result, marshalled,
 * to a temporary file while we compile the same bytes with ours (the two run side by side). Stdlib
 * files get their absolute path as filename; corpus programs get their bare name, as
 * test/programs.test.ts compiles them (py_compile from inside test/programs). Files CPython
 * rejects are counted apart; a file ours rejects or crashes on counts every CPython code object in
 * it as differing in every field (test/support/code-diff.ts does the comparing).
 *
 * --min-stdlib / --min-programs P: exit 1 unless at least P percent of that group's code objects
 * are identical in every field. Otherwise the exit code is 0: it is a report.
 * --self-check: "ours" is CPython's own code objects, written and read back by host/marshal.ts:
 * everything must come out identical (a check of the harness, not of the compiler).
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { CodeObject } from "../host/code.js";
import { PyError } from "../host/errors.js";
import { dumps, loads } from "../host/marshal.js";
import { CODE_FIELDS, diffCode, formatPairDiff, type CodeField, type CodePairDiff } from "../test/support/code-diff.js";

const ROOT = path.join(import.meta.dirname, "..");
const PYTHON = process.env.PYVM_PYTHON ?? "python3.11";
const PY_ENV = { ...process.env, PYTHONHASHSEED: "0", PYTHONIOENCODING: "utf-8" };

type Group = "stdlib" | "programs";

interface Job {
  group: Group;
  /** Where the source is read from. */
  file: string;
  /** The filename both compilers are given (co_filename). */
  filename: string;
}

// Reads [[file, filename], ...] from argv[1] and writes one record per job to argv[2]:
// a kind byte (0: marshalled code, 1: the error as "Type: message"), a 4-byte big-endian length,
// the payload.
const PY_COMPILER = String.raw`
import json, marshal, struct, sys, warnings
warnings.simplefilter("ignore")  # SyntaxWarning/DeprecationWarning text is not our business here
with open(sys.argv[1], encoding="utf-8") as f:
    jobs = json.load(f)
with open(sys.argv[2], "wb") as out:
    for file, filename in jobs:
        with open(file, "rb") as f:
            src = f.read()
        try:
            kind, data = 0, marshal.dumps(compile(src, filename, "exec", dont_inherit=True))
        except Exception as e:
            kind, data = 1, f"{type(e).__name__}: {e}".encode("utf-8", "surrogatepass")
        out.write(struct.pack(">BI", kind, len(data)))
        out.write(data)
`;

interface Options {
  filter: string | null;
  show: number;
  json: string | null;
  min: Partial<Record<Group, number>>;
  selfCheck: boolean;
}

function parseOptions(argv: string[]): Options {
  const opts: Options = { filter: null, show: 0, json: null, min: {}, selfCheck: false };
  for (let i = 0; i < argv.length; i++) {
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${argv[i - 1]} needs a value`);
      return v;
    };
    const percent = () => {
      const p = Number(value());
      if (!Number.isFinite(p) || p < 0 || p > 100) throw new Error(`${argv[i - 1]} takes a percentage (0-100)`);
      return p;
    };
    switch (argv[i]) {
      case "--filter":
        opts.filter = value();
        break;
      case "--show":
        opts.show = Number(value());
        break;
      case "--json":
        opts.json = value();
        break;
      case "--min-stdlib":
        opts.min.stdlib = percent();
        break;
      case "--min-programs":
        opts.min.programs = percent();
        break;
      case "--self-check":
        opts.selfCheck = true;
        break;
      default:
        throw new Error(`unknown option ${argv[i]} (see the comment at the top of tools/fidelity.ts)`);
    }
  }
  return opts;
}

/** python3.11's stdlib directory. */
function stdlibRoot(): string {
  const r = spawnSync(PYTHON, ["-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"], { env: PY_ENV });
  if (r.status !== 0) throw new Error(`cannot run ${PYTHON}: ${r.error?.message ?? r.stderr.toString()}`);
  return r.stdout.toString().trim();
}

/** Every .py under the stdlib directory, site-packages and __pycache__ left out, sorted. */
function stdlibJobs(root: string): Job[] {
  const out: Job[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) {
        if (name !== "site-packages" && name !== "__pycache__") walk(p);
      } else if (name.endsWith(".py")) out.push({ group: "stdlib", file: p, filename: p });
    }
  };
  walk(root);
  return out;
}

/** test/programs/*.py, each compiled under its bare name as the corpus test does. */
function programJobs(): Job[] {
  const dir = path.join(ROOT, "test", "programs");
  return readdirSync(dir)
    .filter((n) => n.endsWith(".py"))
    .sort()
    .map((n) => ({ group: "programs" as const, file: path.join(dir, n), filename: n }));
}

type Theirs = { code: Uint8Array } | { error: string };

/** Starts the python3.11 compiler on all jobs; resolves to its results once it has finished. */
function startCPython(jobs: Job[], scratch: string): Promise<Theirs[]> {
  const list = path.join(scratch, "jobs.json");
  const results = path.join(scratch, "results.bin");
  writeFileSync(list, JSON.stringify(jobs.map((j) => [j.file, j.filename])));
  const child = spawn(PYTHON, ["-c", PY_COMPILER, list, results], { env: PY_ENV, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    child.on("error", (e) => reject(new Error(`cannot run ${PYTHON}: ${e.message}`)));
    child.on("close", (status) => {
      if (status !== 0) return reject(new Error(`${PYTHON} failed (${status}):\n${stderr}`));
      const buf = readFileSync(results);
      const out: Theirs[] = [];
      let pos = 0;
      while (pos < buf.length) {
        const kind = buf[pos];
        const len = buf.readUInt32BE(pos + 1);
        const data = buf.subarray(pos + 5, pos + 5 + len);
        out.push(kind === 0 ? { code: new Uint8Array(data) } : { error: data.toString("utf8") });
        pos += 5 + len;
      }
      if (out.length !== jobs.length) return reject(new Error(`${PYTHON} wrote ${out.length} results for ${jobs.length} files`));
      resolve(out);
    });
  });
}

type Ours = { code: CodeObject } | { error: string };

type CompileFn = (source: Uint8Array, filename: string, mode: "exec") => CodeObject;

/**
 * host/compiler/compile.ts's compile(), loaded at run time: while the compiler is being written its
 * imports may not resolve, and that must show up as files that did not compile, not as a crash.
 */
async function loadCompiler(): Promise<CompileFn> {
  try {
    const mod = (await import("../host/compiler/compile.js")) as { compile?: unknown };
    if (typeof mod.compile !== "function") throw new Error("host/compiler/compile.ts exports no compile()");
    return mod.compile as CompileFn;
  } catch (e) {
    const why = `cannot load the compiler: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`;
    return () => {
      throw new Error(why);
    };
  }
}

/** Our compiler on one file; any failure, ours or a JS crash, becomes a message. */
function compileOurs(compile: CompileFn, job: Job): Ours {
  try {
    return { code: compile(new Uint8Array(readFileSync(job.file)), job.filename, "exec") };
  } catch (e) {
    if (e instanceof PyError) return { error: `${e.pyType}: ${e.pyMessage}` };
    if (e instanceof Error) return { error: `JS ${e.name}: ${e.message}` };
    return { error: `JS throw: ${String(e)}` };
  }
}

/** Figures for one group of files. */
interface GroupReport {
  files: number;
  /** Files CPython itself cannot compile (left out of everything else). */
  rejectedByCPython: string[];
  /** Files CPython compiles and ours does not, with our message. */
  notCompiled: { file: string; error: string }[];
  /** Code object pairs (CPython's code objects, plus any ours has and CPython has not). */
  codeObjects: number;
  /** Code objects ours has where CPython has none (they count as differing). */
  oursOnly: number;
  identical: number;
  /** Code objects identical in each field. */
  identicalByField: Record<CodeField, number>;
  /** Per file compiled by both: how many of its code objects differ somewhere. */
  differingByFile: { file: string; differing: number; codeObjects: number }[];
  /** Our compile time over the files CPython accepts, seconds. */
  oursSeconds: number;
}

function emptyReport(): GroupReport {
  return {
    files: 0,
    rejectedByCPython: [],
    notCompiled: [],
    codeObjects: 0,
    oursOnly: 0,
    identical: 0,
    identicalByField: Object.fromEntries(CODE_FIELDS.map((f) => [f, 0])) as Record<CodeField, number>,
    differingByFile: [],
    oursSeconds: 0,
  };
}

const share = (n: number, of: number) => (of === 0 ? "n/a" : `${((100 * n) / of).toFixed(2)}%`);
const percentOf = (n: number, of: number) => (of === 0 ? 0 : (100 * n) / of);

function printGroup(title: string, r: GroupReport): void {
  console.log(`\n## ${title}`);
  const compiled = r.files - r.rejectedByCPython.length;
  console.log(
    `${r.files} files (${r.rejectedByCPython.length} CPython cannot compile, left out); ` +
      `ours compiled ${compiled - r.notCompiled.length} of ${compiled} in ${r.oursSeconds.toFixed(1)} s`,
  );
  const extra = r.oursOnly > 0 ? ` (${r.oursOnly} of them ours only)` : "";
  console.log(`${r.codeObjects} code objects${extra}, ${r.identical} identical in every field: ${share(r.identical, r.codeObjects)}`);
  if (r.codeObjects > 0) {
    console.log("\n| field | identical |");
    console.log("|---|---:|");
    for (const f of CODE_FIELDS) console.log(`| ${f} | ${share(r.identicalByField[f], r.codeObjects)} |`);
  }
  if (r.notCompiled.length > 0) {
    const byMessage = new Map<string, string[]>();
    for (const { file, error } of r.notCompiled) {
      const key = error.length > 160 ? error.slice(0, 157) + "..." : error;
      byMessage.set(key, [...(byMessage.get(key) ?? []), file]);
    }
    const groups = [...byMessage].sort((a, b) => b[1].length - a[1].length);
    console.log(`\n${r.notCompiled.length} files did not compile with ours (${groups.length} distinct messages); the commonest:`);
    for (const [message, files] of groups.slice(0, 8)) {
      console.log(`  ${String(files.length).padStart(5)} × ${message}   (e.g. ${files[0]})`);
    }
  }
  const worst = r.differingByFile.filter((f) => f.differing > 0).sort((a, b) => b.differing - a.differing || a.file.localeCompare(b.file));
  if (worst.length > 0) {
    console.log(`\nFiles with the most differing code objects (of ${worst.length} compiled files with any):`);
    for (const f of worst.slice(0, 10)) console.log(`  ${String(f.differing).padStart(5)} of ${String(f.codeObjects).padEnd(5)} ${f.file}`);
  }
}

async function main(): Promise<number> {
  const opts = parseOptions(process.argv.slice(2));
  const root = stdlibRoot();
  let jobs = [...stdlibJobs(root), ...programJobs()];
  if (opts.filter !== null) jobs = jobs.filter((j) => j.file.includes(opts.filter!));
  const display = (j: Job) => (j.group === "programs" ? `test/programs/${j.filename}` : path.relative(root, j.file));

  const scratch = mkdtempSync(path.join(tmpdir(), "pyvm-fidelity-"));
  try {
    process.stderr.write(`compiling ${jobs.length} files with ${PYTHON} and with ours...\n`);
    const cpython = startCPython(jobs, scratch);
    // Ours runs here, synchronously, while python3.11 works in its own process.
    const ours: (Ours | null)[] = [];
    const seconds: number[] = [];
    if (!opts.selfCheck) {
      const compile = await loadCompiler();
      for (const job of jobs) {
        const t = performance.now();
        ours.push(compileOurs(compile, job));
        seconds.push((performance.now() - t) / 1000);
      }
    }
    const theirs = await cpython;

    const reports: Record<Group, GroupReport> = { stdlib: emptyReport(), programs: emptyReport() };
    const examples: { file: string; pair: CodePairDiff }[] = [];
    let acceptedRejected = 0;
    for (let i = 0; i < jobs.length; i++) {
      const job = jobs[i];
      const r = reports[job.group];
      r.files++;
      const their = theirs[i];
      if ("error" in their) {
        r.rejectedByCPython.push(display(job));
        if (ours[i] && "code" in ours[i]!) acceptedRejected++;
        continue;
      }
      const theirCode = loads(their.code) as CodeObject;
      let our: Ours;
      if (opts.selfCheck) our = { code: loads(dumps(theirCode)) as CodeObject };
      else {
        our = ours[i]!;
        r.oursSeconds += seconds[i];
      }
      if ("error" in our) r.notCompiled.push({ file: display(job), error: our.error });
      const diff = diffCode("code" in our ? our.code : null, theirCode);
      r.codeObjects += diff.pairs.length;
      r.identical += diff.identical;
      for (const pair of diff.pairs) {
        if (pair.presence === "ours only") r.oursOnly++;
        for (const f of CODE_FIELDS) if (!pair.fields.includes(f)) r.identicalByField[f]++;
        if (pair.fields.length > 0 && "code" in our && examples.length < opts.show) examples.push({ file: display(job), pair });
      }
      if ("code" in our) {
        r.differingByFile.push({ file: display(job), differing: diff.pairs.length - diff.identical, codeObjects: diff.pairs.length });
      }
    }

    console.log(`# Code object fidelity: ours against ${PYTHON}${opts.selfCheck ? " (self-check: ours = CPython's, marshal round trip)" : ""}`);
    if (opts.filter !== null) console.log(`files whose path contains ${JSON.stringify(opts.filter)}`);
    printGroup("standard library", reports.stdlib);
    printGroup("test/programs", reports.programs);
    if (acceptedRejected > 0) console.log(`\nnote: ours compiled ${acceptedRejected} files that CPython rejects`);
    if (examples.length > 0) {
      console.log(`\n## ${examples.length} example differences`);
      for (const { file, pair } of examples) console.log(`\n${file}: ${formatPairDiff(pair)}`);
    }

    if (opts.json !== null) {
      const figures = (r: GroupReport) => ({
        files: r.files,
        rejectedByCPython: r.rejectedByCPython,
        notCompiled: r.notCompiled,
        codeObjects: r.codeObjects,
        oursOnly: r.oursOnly,
        identical: r.identical,
        identicalPercent: percentOf(r.identical, r.codeObjects),
        identicalPercentByField: Object.fromEntries(CODE_FIELDS.map((f) => [f, percentOf(r.identicalByField[f], r.codeObjects)])),
        differingByFile: r.differingByFile.filter((f) => f.differing > 0),
        oursSeconds: r.oursSeconds,
      });
      writeFileSync(opts.json, JSON.stringify({ filter: opts.filter, selfCheck: opts.selfCheck, stdlib: figures(reports.stdlib), programs: figures(reports.programs) }, null, 2) + "\n");
    }

    let status = 0;
    for (const group of ["stdlib", "programs"] as const) {
      const min = opts.min[group];
      const r = reports[group];
      const got = percentOf(r.identical, r.codeObjects);
      if (min !== undefined && got < min) {
        console.log(`\nFAIL: ${group}: ${got.toFixed(2)}% of code objects identical, below --min-${group} ${min}`);
        status = 1;
      }
    }
    return status;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

process.exitCode = await main();
