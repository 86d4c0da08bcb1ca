/**
 * Program benchmark: the Python programs in bench/programs/ on every engine we can run here, side
 * by side, in one markdown table.
 *
 * Run: `npm run bench:programs` (= `vite-node bench/run.ts`). Settings (environment variables):
 *   BENCH_N=5          timed runs per program and engine (the table shows medians)
 *   BENCH_WARMUP=1     untimed runs first (their output is checked too)
 *   BENCH_QUICK=1      use each program's small size (`# bench: quick=K` on its parameter line)
 *   BENCH_PROGRAMS=fib,nbody   only these programs; BENCH_ENGINES=pyvm,cpython,...  only these engines
 *   BENCH_TIMEOUT_S=120 limit for one run (wall clock); BENCH_OUT=file  also write the markdown there
 *   BENCH_PYVM_RUN=path  a module to use instead of host/run.ts (to try the harness or another build)
 *   BENCH_CPU=N        the CPU every program worker is pinned to (default: the last one); BENCH_CPU=none
 *                      lets the scheduler place them
 *
 * Engines (columns): pyvm-wasm (host/run.ts's runPyc over build/vm.wasm, fed .pyc files compiled by
 * python3.11), CPython 3.11 from PATH and /usr/bin/python3.11 (native), Pyodide 0.25 and MicroPython
 * (WebAssembly, from node_modules, offline). Each engine runs in its own worker process: a python3.11
 * process for CPython (bench/engines/cpython.ts), a plain `node` process for the others (their
 * bench/engines/*.ts bundled with esbuild into node_modules/.cache/pyvm-bench/). The workers are
 * driven in turn, program by program and round by round (the engine order rotates every round), so
 * that load from other users of the machine hits every engine alike. Every run's stdout is compared
 * with CPython (PATH)'s; a difference is marked in the table and explained below it, never hidden.
 *
 * Timing covers running the program only: compile() of the source (or reading the .pyc) and fresh
 * globals happen before the clock starts; the clock is in the worker (time.perf_counter in
 * CPython, performance.now() in Node). Start-up is measured separately in fresh processes: loading
 * the engine and running `print(1)` (in process), and spawn-to-exit wall time of the whole process.
 * Peak memory is the maximum resident set size of each process, from `/usr/bin/time -f %M`.
 *
 * Every program worker runs pinned to one CPU (taskset), the same for all engines. On the shared 2-vCPU
 * machines here the two vCPUs are not equally fast at a given moment (another tenant's load moves
 * between them over seconds): measured 2026-11-24, the same fib run took 0.77-0.85 s on one vCPU and
 * 1.1-1.25 s on the other, and which one was slow changed within minutes. A long-lived worker stays
 * on the CPU it started on, so unpinned, one engine's whole column could come from the slow vCPU;
 * pinned, the engines take turns on the same one and share its good and bad stretches. Start-up
 * probes are fresh short processes and stay unpinned: V8 compiles wasm on background threads while
 * the main thread goes on, and one CPU would hide that (pinned, pyvm's start-up took 30 ms).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { CPYTHON_WORKER } from "./engines/cpython.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const rel = (...p: string[]) => path.join(ROOT, ...p);

function intEnv(name: string, dflt: number): number {
  const v = process.env[name];
  const n = v === undefined || v === "" ? dflt : Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got ${v}`);
  return n;
}
function listEnv(name: string): string[] | undefined {
  const v = process.env[name];
  return v ? v.split(",").map((s) => s.trim()).filter(Boolean) : undefined;
}

const N = Math.max(1, intEnv("BENCH_N", 5));
const WARMUP = intEnv("BENCH_WARMUP", 1);
const TIMEOUT_MS = Math.max(1, intEnv("BENCH_TIMEOUT_S", 120)) * 1000;
const QUICK = process.env.BENCH_QUICK === "1";
const ONLY = listEnv("BENCH_PROGRAMS");
const ONLY_ENGINES = listEnv("BENCH_ENGINES");
const TIME_BIN = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;
const TASKSET = existsSync("/usr/bin/taskset") ? "/usr/bin/taskset" : undefined;
/** The CPU children are pinned to (see the header), or undefined: not pinned. */
const PIN_CPU: number | undefined = (() => {
  const v = process.env.BENCH_CPU;
  if (v === "none" || !TASKSET) return undefined;
  const n = v === undefined || v === "" ? cpus().length - 1 : Number(v);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
})();
// children get a plain environment: the oracle's hash seed, and none of vite-node's Node options
const PY_ENV: NodeJS.ProcessEnv = { ...process.env, PYTHONHASHSEED: "0", PYTHONDONTWRITEBYTECODE: "1" };
delete PY_ENV.NODE_OPTIONS;

const log = (s: string) => process.stderr.write(s + "\n");

// ---------------------------------------------------------------------------------------------
// engines

type EngineId = "pyvm" | "cpython" | "cpython-usr" | "pyodide" | "micropython";

interface Engine {
  id: EngineId;
  label: string;
  /** set when the engine cannot run at all: shown in every cell ("not installed", "fails") */
  unavailable?: string;
  /** first line of the reason, shown once below the table */
  unavailableWhy?: string;
  /** MicroPython is not CPython: a program it cannot run is "n/a", not "fails" */
  errorIsNa?: boolean;
  /** a new worker for every program (MicroPython: its heap only grows, and later programs slow down) */
  freshPerProgram?: boolean;
  version?: string;
  /** how to start a worker / a start-up probe */
  worker?: { cmd: string; args: string[] };
  startup?: (py: string, pyc: string) => { cmd: string; args: string[]; inProcess: boolean };
  /** wasm (or executable) files for the size row */
  sizes: { what: string; file: string }[];
}

function pythonInfo(cmd: string): { exe: string; version: string } | undefined {
  const r = spawnSync(cmd, ["-c", "import sys; print(sys.executable); print(sys.version.split()[0])"], {
    encoding: "utf-8",
    env: PY_ENV,
  });
  if (r.status !== 0 || !r.stdout) return undefined;
  const [exe, version] = r.stdout.trim().split("\n");
  return { exe, version };
}

const NODE_PKGS = {
  pyodide: "pyodide",
  micropython: "@micropython/micropython-webassembly-pyscript",
} as const;

function pkgVersion(name: string): string | undefined {
  const f = rel("node_modules", name, "package.json");
  return existsSync(f) ? (JSON.parse(readFileSync(f, "utf-8")) as { version: string }).version : undefined;
}

/** Replace import.meta.url in our own sources by the file's real URL, so that a bundle placed
 *  elsewhere still finds files next to its sources (host/wasm-loader.ts's ../build/vm.wasm). */
const metaUrlPlugin = {
  name: "pin-import-meta-url",
  setup(b: { onLoad(o: { filter: RegExp }, f: (a: { path: string }) => unknown): void }) {
    b.onLoad({ filter: /\.(ts|mts|js|mjs)$/ }, (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const src = readFileSync(args.path, "utf-8");
      if (!src.includes("import.meta.url")) return undefined;
      return {
        contents: src.replaceAll("import.meta.url", JSON.stringify(pathToFileURL(args.path).href)),
        loader: /\.m?ts$/.test(args.path) ? "ts" : "js",
      };
    });
  },
};

const PYVM_RUN = process.env.BENCH_PYVM_RUN ? path.resolve(process.env.BENCH_PYVM_RUN) : rel("host", "run.ts");

/** Point bench/engines/pyvm.ts's import of host/run.js at PYVM_RUN. */
const pyvmRunPlugin = {
  name: "pyvm-run",
  setup(b: { onResolve(o: { filter: RegExp }, f: (a: { path: string }) => unknown): void }) {
    b.onResolve({ filter: /host\/run\.js$/ }, () => ({ path: PYVM_RUN }));
  },
};

async function bundle(id: string, entry: string): Promise<{ file: string } | { error: string }> {
  const outfile = rel("node_modules", ".cache", "pyvm-bench", `${id}.mjs`);
  mkdirSync(path.dirname(outfile), { recursive: true });
  try {
    const { build } = await import("esbuild");
    await build({
      entryPoints: [rel(entry)],
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      outfile,
      external: Object.values(NODE_PKGS),
      plugins: [pyvmRunPlugin as never, metaUrlPlugin as never],
      logLevel: "silent",
      banner: { js: "import { createRequire as __benchRequire } from 'node:module'; const require = __benchRequire(import.meta.url);" },
    });
    return { file: outfile };
  } catch (e) {
    const errs = (e as { errors?: { text: string; location?: { file: string; line: number } }[] }).errors;
    if (errs && errs.length) {
      const loc = errs[0].location;
      return { error: `${errs[0].text}${loc ? ` (${loc.file}:${loc.line})` : ""}` };
    }
    return { error: String((e as Error).message ?? e).split("\n")[0] };
  }
}

function nodeEngine(e: Engine, file: string): void {
  e.worker = { cmd: process.execPath, args: [file] };
  e.startup = (py, pyc) => ({ cmd: process.execPath, args: [file, "--startup", py, pyc], inProcess: true });
}

async function detectEngines(): Promise<Engine[]> {
  const engines: Engine[] = [];

  const pyvm: Engine = { id: "pyvm", label: "pyvm-wasm", sizes: [{ what: "build/vm.wasm", file: rel("build", "vm.wasm") }] };
  if (!existsSync(PYVM_RUN)) {
    pyvm.unavailable = "fails";
    pyvm.unavailableWhy = `${path.relative(ROOT, PYVM_RUN)} does not exist (yet)`;
  } else if (!existsSync(rel("build", "vm.wasm"))) {
    pyvm.unavailable = "fails";
    pyvm.unavailableWhy = "build/vm.wasm does not exist: run `npm run build:wasm`";
  } else {
    const b = await bundle("pyvm", "bench/engines/pyvm.ts");
    if ("error" in b) {
      pyvm.unavailable = "fails";
      pyvm.unavailableWhy = `bundling bench/engines/pyvm.ts: ${b.error}`;
    } else nodeEngine(pyvm, b.file);
  }
  engines.push(pyvm);

  const pathPy = pythonInfo("python3.11");
  const cpy: Engine = { id: "cpython", label: "CPython 3.11 (PATH)", sizes: [] };
  if (!pathPy) {
    cpy.unavailable = "not installed";
    cpy.unavailableWhy = "python3.11 is not on PATH";
  } else {
    cpy.version = `CPython ${pathPy.version} (${pathPy.exe})`;
    cpy.label = `CPython ${pathPy.version} (PATH)`;
    pythonEngine(cpy, pathPy.exe);
  }
  engines.push(cpy);

  const usr: Engine = { id: "cpython-usr", label: "CPython 3.11 (/usr/bin)", sizes: [] };
  const usrPy = existsSync("/usr/bin/python3.11") ? pythonInfo("/usr/bin/python3.11") : undefined;
  if (!usrPy) {
    usr.unavailable = "not installed";
    usr.unavailableWhy = "/usr/bin/python3.11 does not exist";
  } else {
    usr.version = `CPython ${usrPy.version} (${usrPy.exe})`;
    usr.label = `CPython ${usrPy.version} (/usr/bin)`;
    if (pathPy && realpathSync(usrPy.exe) === realpathSync(pathPy.exe)) usr.version += " = the one on PATH";
    pythonEngine(usr, usrPy.exe);
  }
  engines.push(usr);

  for (const id of ["pyodide", "micropython"] as const) {
    const pkg = NODE_PKGS[id];
    const v = pkgVersion(pkg);
    const mp = id === "micropython";
    const e: Engine = { id, label: mp ? "MicroPython" : "Pyodide", sizes: [], errorIsNa: mp, freshPerProgram: mp };
    if (!v) {
      e.unavailable = "not installed";
      e.unavailableWhy = `npm package ${pkg} is not in node_modules (npm install)`;
    } else {
      e.label += ` ${v}`;
      if (id === "pyodide") {
        e.sizes.push({ what: "pyodide.asm.wasm", file: rel("node_modules", pkg, "pyodide.asm.wasm") });
        e.sizes.push({ what: "python_stdlib.zip", file: rel("node_modules", pkg, "python_stdlib.zip") });
        e.sizes.push({ what: "pyodide.asm.js", file: rel("node_modules", pkg, "pyodide.asm.js") });
      } else {
        e.sizes.push({ what: "micropython.wasm", file: rel("node_modules", pkg, "micropython.wasm") });
        e.sizes.push({ what: "micropython.mjs", file: rel("node_modules", pkg, "micropython.mjs") });
      }
      const b = await bundle(id, `bench/engines/${id}.ts`);
      if ("error" in b) {
        e.unavailable = "fails";
        e.unavailableWhy = `bundling bench/engines/${id}.ts: ${b.error}`;
      } else nodeEngine(e, b.file);
    }
    engines.push(e);
  }
  return ONLY_ENGINES ? engines.filter((e) => ONLY_ENGINES.includes(e.id)) : engines;
}

function pythonEngine(e: Engine, exe: string): void {
  e.sizes.push({ what: "executable", file: exe });
  // a shared-library build keeps the interpreter in libpython
  const ldd = spawnSync("ldd", [exe], { encoding: "utf-8" });
  const lib = /(libpython\S*)\s*=>\s*(\S+)/.exec(ldd.stdout ?? "");
  if (lib) e.sizes.push({ what: lib[1], file: lib[2] });
  e.worker = { cmd: exe, args: ["-c", CPYTHON_WORKER] };
  e.startup = () => ({ cmd: exe, args: ["-c", "print(1)"], inProcess: false });
}

// ---------------------------------------------------------------------------------------------
// processes

interface Reply {
  ok?: boolean;
  ready?: boolean;
  version?: string;
  wall_ms?: number;
  cpu_ms?: number;
  startup_ms?: number;
  again_ms?: number;
  stdout?: string;
  stderr?: string;
  error?: string | null;
}

const liveGroups = new Set<number>();
process.on("exit", () => {
  for (const pid of liveGroups) {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      /* already gone */
    }
  }
});

let rssSeq = 0;
const workDir = mkdtempSync(path.join(tmpdir(), "pyvm-bench-"));

/** A child (wrapped in /usr/bin/time for its peak RSS) in its own process group, so a timeout can
 *  end it and its children. Answers arrive as JSON lines on its file descriptor 3. */
class Child {
  readonly proc: ChildProcess;
  private readonly rssFile?: string;
  private buf = "";
  private lines: string[] = [];
  private waiter?: (l: string | undefined) => void;
  private tail = "";
  stdout = "";
  readonly exited: Promise<number | null>;
  private done = false;

  /** pin: run on PIN_CPU (program workers; start-up probes are not pinned, see the header) */
  constructor(cmd: string, args: string[], pin = false) {
    let argv = [cmd, ...args];
    if (pin && PIN_CPU !== undefined) argv = [TASKSET!, "-c", String(PIN_CPU), ...argv];
    if (TIME_BIN) {
      this.rssFile = path.join(workDir, `rss-${++rssSeq}.txt`);
      argv = [TIME_BIN, "-f", "%M", "-o", this.rssFile, ...argv];
    }
    this.proc = spawn(argv[0], argv.slice(1), {
      stdio: ["pipe", "pipe", "pipe", "pipe"],
      detached: true,
      env: PY_ENV,
      cwd: workDir,
    });
    liveGroups.add(this.proc.pid!);
    this.proc.stdout!.on("data", (d: Buffer) => {
      if (this.stdout.length < 1 << 20) this.stdout += d.toString();
    });
    this.proc.stderr!.on("data", (d: Buffer) => {
      this.tail = (this.tail + d.toString()).slice(-4000);
    });
    const chan = this.proc.stdio[3] as NodeJS.ReadableStream;
    chan.on("data", (d: Buffer) => {
      this.buf += d.toString();
      let i: number;
      while ((i = this.buf.indexOf("\n")) >= 0) {
        const line = this.buf.slice(0, i);
        this.buf = this.buf.slice(i + 1);
        if (this.waiter) {
          const w = this.waiter;
          this.waiter = undefined;
          w(line);
        } else this.lines.push(line);
      }
    });
    this.exited = new Promise((resolve) => {
      this.proc.on("close", (code) => {
        this.done = true;
        liveGroups.delete(this.proc.pid!);
        if (this.waiter) {
          const w = this.waiter;
          this.waiter = undefined;
          w(undefined);
        }
        resolve(code);
      });
      this.proc.on("error", () => resolve(null));
    });
  }

  /** The next answer, or an exception for a timeout (the child is then killed) or an early exit. */
  async next(timeoutMs: number): Promise<Reply> {
    const line =
      this.lines.shift() ??
      (this.done
        ? undefined
        : await new Promise<string | undefined | "timeout">((resolve) => {
            const t = setTimeout(() => {
              this.waiter = undefined;
              resolve("timeout");
            }, timeoutMs);
            this.waiter = (l) => {
              clearTimeout(t);
              resolve(l);
            };
          }));
    if (line === "timeout") {
      this.kill();
      throw new ChildFailure("timeout", `timeout (> ${timeoutMs / 1000} s)`);
    }
    if (line === undefined) {
      await this.exited;
      const last = this.tail.split("\n").map((l) => l.trim()).filter((l) => l && !/^\d+$/.test(l));
      throw new ChildFailure("crash", `worker exited: ${last.length ? last[last.length - 1] : `code ${this.proc.exitCode}`}`);
    }
    return JSON.parse(line) as Reply;
  }

  send(msg: object): void {
    this.proc.stdin!.write(JSON.stringify(msg) + "\n");
  }

  kill(): void {
    if (this.done) return;
    try {
      process.kill(-this.proc.pid!, "SIGKILL");
    } catch {
      /* gone */
    }
  }

  /** Close stdin, wait for the exit, and return the peak RSS in KiB (if /usr/bin/time ran). */
  async close(): Promise<number | undefined> {
    try {
      this.send({ op: "exit" });
      this.proc.stdin!.end();
    } catch {
      /* already closed */
    }
    const t = setTimeout(() => this.kill(), 30_000);
    await this.exited;
    clearTimeout(t);
    return this.rss();
  }

  rss(): number | undefined {
    if (!this.rssFile || !existsSync(this.rssFile)) return undefined;
    const nums = readFileSync(this.rssFile, "utf-8").trim().split("\n").filter((l) => /^\d+$/.test(l.trim()));
    return nums.length ? Number(nums[nums.length - 1]) : undefined;
  }
}

class ChildFailure extends Error {
  constructor(readonly kind: "timeout" | "crash", message: string) {
    super(message);
  }
}

// ---------------------------------------------------------------------------------------------
// programs

interface Program {
  name: string;
  py: string;
  pyc: string;
}

/** Copy the programs into the work dir (with the quick size if asked) and compile them to .pyc. */
function preparePrograms(): { programs: Program[]; startup: Program; pycError?: string } {
  const dir = rel("bench", "programs");
  let names = readdirSync(dir)
    .filter((f) => f.endsWith(".py"))
    .map((f) => f.slice(0, -3))
    .sort();
  if (ONLY) names = names.filter((n) => ONLY.includes(n));
  const progDir = path.join(workDir, "programs");
  mkdirSync(progDir);
  const make = (name: string, source: string): Program => {
    const py = path.join(progDir, `${name}.py`);
    writeFileSync(py, source);
    return { name, py, pyc: py + "c" };
  };
  const programs = names.map((name) => {
    let src = readFileSync(path.join(dir, `${name}.py`), "utf-8");
    if (QUICK) src = src.replace(/^(\w+) = (\d+)(\s+# bench: quick=(\d+))/m, (_m, v, _n, c, q) => `${v} = ${q}${c}`);
    return make(name, src);
  });
  const startup = make("startup", "print(1)\n");
  const all = [...programs, startup];
  const compile = spawnSync(
    "python3.11",
    ["-c", "import py_compile, sys\nfor f in sys.argv[1:]:\n    py_compile.compile(f, cfile=f + 'c', dfile=f.rsplit('/', 1)[1], doraise=True)", ...all.map((p) => p.py)],
    { encoding: "utf-8", env: PY_ENV },
  );
  const pycError =
    compile.status === 0 ? undefined : `py_compile failed: ${(compile.stderr || String(compile.error)).trim().split("\n").pop()}`;
  return { programs, startup, pycError };
}

// ---------------------------------------------------------------------------------------------
// measuring

interface Cell {
  wall: number[];
  cpu: number[];
  outputs: string[];
  error?: string;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

interface Startup {
  inProcess: number[];
  /** a second VM in the same process (compiled code reused): instantiate + print(1) */
  again: number[];
  wall: number[];
  rss: number[];
  error?: string;
}

async function measureStartup(e: Engine, startup: Program): Promise<Startup> {
  const res: Startup = { inProcess: [], again: [], wall: [], rss: [] };
  for (let i = 0; i < N; i++) {
    const s = e.startup!(startup.py, startup.pyc);
    const t0 = performance.now();
    const c = new Child(s.cmd, s.args);
    let reply: Reply | undefined;
    if (s.inProcess) {
      try {
        reply = await c.next(TIMEOUT_MS);
      } catch (err) {
        res.error = (err as Error).message;
      }
    }
    const timer = setTimeout(() => c.kill(), TIMEOUT_MS);
    await c.exited;
    clearTimeout(timer);
    const wall = performance.now() - t0;
    if (res.error) break;
    const stdout = s.inProcess ? reply?.stdout : c.stdout;
    if (reply && !reply.ok) {
      res.error = reply.error ?? "failed";
      break;
    }
    if (stdout !== "1\n") {
      res.error = `print(1) wrote ${JSON.stringify(stdout)}`;
      break;
    }
    res.wall.push(wall);
    if (reply?.startup_ms !== undefined) res.inProcess.push(reply.startup_ms);
    if (reply?.again_ms !== undefined) res.again.push(reply.again_ms);
    const rss = c.rss();
    if (rss !== undefined) res.rss.push(rss);
  }
  return res;
}

/** Keeps one worker per engine alive, restarting it after a timeout or crash. */
class WorkerPool {
  private child?: Child;
  private prepared = new Set<string>();
  readonly rss: number[] = [];
  startError?: string;
  restarts = 0;

  constructor(readonly engine: Engine) {}

  private async ensure(): Promise<Child> {
    if (this.child) return this.child;
    const c = new Child(this.engine.worker!.cmd, this.engine.worker!.args, true);
    let r: Reply;
    try {
      r = await c.next(Math.max(TIMEOUT_MS, 120_000));
    } catch (e) {
      this.startError = (e as Error).message;
      throw e;
    }
    if (!r.ready) {
      await c.close();
      this.startError = r.error ?? "worker did not start";
      throw new ChildFailure("crash", this.startError);
    }
    this.engine.version ??= r.version;
    this.child = c;
    this.prepared.clear();
    return c;
  }

  private async retire(): Promise<void> {
    const c = this.child;
    this.child = undefined;
    if (!c) return;
    c.kill();
    await c.exited;
    const rss = c.rss();
    if (rss !== undefined) this.rss.push(rss);
    this.restarts++;
  }

  /** One run of a program: {reply} or {error}. */
  async run(p: Program): Promise<Reply> {
    if (this.startError) return { ok: false, error: this.startError };
    let c: Child;
    try {
      c = await this.ensure();
      if (!this.prepared.has(p.name)) {
        c.send({ op: "prepare", name: p.name, py: p.py, pyc: p.pyc });
        const r = await c.next(TIMEOUT_MS);
        if (!r.ok) return { ok: false, error: `prepare: ${r.error}` };
        this.prepared.add(p.name);
      }
      c.send({ op: "run", name: p.name });
      return await c.next(TIMEOUT_MS);
    } catch (e) {
      await this.retire();
      return { ok: false, error: (e as Error).message };
    }
  }

  async close(): Promise<void> {
    if (!this.child) return;
    const rss = await this.child.close();
    if (rss !== undefined) this.rss.push(rss);
    this.child = undefined;
  }
}

const fmtMs = (ms: number) =>
  ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : ms >= 100 ? `${ms.toFixed(0)} ms` : ms >= 10 ? `${ms.toFixed(1)} ms` : `${ms.toFixed(2)} ms`;
const fmtBytes = (b: number) => (b >= 1 << 20 ? `${(b / (1 << 20)).toFixed(1)} MiB` : `${(b / 1024).toFixed(1)} KiB`);
const fmtRatio = (r: number) => `${r >= 10 ? r.toFixed(0) : r.toFixed(2)}×`;

function firstDifference(expected: string, got: string): string {
  const a = expected.split("\n");
  const b = got.split("\n");
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) {
      const show = (s: string | undefined) => (s === undefined ? "(no line)" : JSON.stringify(s.length > 70 ? s.slice(0, 70) + "…" : s));
      return `line ${i + 1}: expected ${show(a[i])}, got ${show(b[i])}`;
    }
  }
  return "differs";
}

async function main(): Promise<void> {
  const started = new Date();
  const load0 = loadavg();
  const engines = await detectEngines();
  const { programs, startup, pycError } = preparePrograms();
  const pyvm = engines.find((e) => e.id === "pyvm");
  if (pyvm && !pyvm.unavailable && pycError) {
    pyvm.unavailable = "fails";
    pyvm.unavailableWhy = pycError;
  }
  const runnable = engines.filter((e) => !e.unavailable);
  log(`engines: ${engines.map((e) => `${e.id}${e.unavailable ? ` (${e.unavailable}: ${e.unavailableWhy})` : ""}`).join(", ")}`);
  log(`programs: ${programs.map((p) => p.name).join(", ")}; N=${N}, warm-up=${WARMUP}${QUICK ? ", quick sizes" : ""}`);

  // start-up, in fresh processes
  const startups = new Map<EngineId, Startup>();
  for (const e of runnable) {
    log(`startup: ${e.id}`);
    startups.set(e.id, await measureStartup(e, startup));
  }
  const nodeBase = await (async () => {
    const rss: number[] = [];
    const wall: number[] = [];
    for (let i = 0; i < N; i++) {
      const t0 = performance.now();
      const c = new Child(process.execPath, ["-e", "0"]);
      await c.exited;
      wall.push(performance.now() - t0);
      const r = c.rss();
      if (r !== undefined) rss.push(r);
    }
    return { wall: median(wall), rss: rss.length ? median(rss) : undefined };
  })();

  // the programs, interleaved across engines
  const pools = new Map(runnable.map((e) => [e.id, new WorkerPool(e)]));
  const cells = new Map<string, Cell>();
  const key = (e: EngineId, p: string) => `${e}/${p}`;
  for (const p of programs) {
    for (const e of runnable) cells.set(key(e.id, p.name), { wall: [], cpu: [], outputs: [] });
    for (let round = 0; round < WARMUP + N; round++) {
      const order = runnable.map((_, i) => runnable[(i + round) % runnable.length]);
      for (const e of order) {
        const cell = cells.get(key(e.id, p.name))!;
        if (cell.error) continue;
        const r = await pools.get(e.id)!.run(p);
        if (!r.ok) {
          cell.error = r.error ?? "failed";
          log(`  ${p.name} ${e.id}: ${cell.error}`);
          continue;
        }
        cell.outputs.push(r.stdout ?? "");
        if (round >= WARMUP) {
          cell.wall.push(r.wall_ms!);
          cell.cpu.push(r.cpu_ms!);
        }
      }
    }
    for (const e of runnable) if (e.freshPerProgram) await pools.get(e.id)!.close();
    log(
      `${p.name}: ` +
        runnable
          .map((e) => {
            const c = cells.get(key(e.id, p.name))!;
            return `${e.id} ${c.error ? "ERR" : c.wall.length ? fmtMs(median(c.wall)) : "-"}`;
          })
          .join(", "),
    );
  }
  for (const pool of pools.values()) await pool.close();

  // ---- the report
  // footnotes: one per distinct message, listing where it happened
  const notes: { text: string; where: string[] }[] = [];
  const note = (text: string, where?: string): string => {
    let i = notes.findIndex((n) => n.text === text);
    if (i < 0) i = notes.push({ text, where: [] }) - 1;
    if (where && !notes[i].where.includes(where)) notes[i].where.push(where);
    return `[${i + 1}]`;
  };
  const unavailableCell = (e: Engine) => `${e.unavailable} ${note(`${e.label}: ${e.unavailableWhy}`)}`;
  const failCell = (e: Engine, what: string, err: string) =>
    `${err.startsWith("timeout") ? "timeout" : e.errorIsNa ? "n/a" : "fails"} ${note(`${e.label}: ${err}`, what)}`;

  // reference output: CPython (PATH), else the first engine that ran the program
  const refOf = (p: Program): { engine: Engine; out: string } | undefined => {
    for (const id of ["cpython", "cpython-usr", "pyodide", "pyvm", "micropython"] as EngineId[]) {
      const e = runnable.find((x) => x.id === id);
      const c = e && cells.get(key(id, p.name));
      if (e && c && !c.error && c.outputs.length) return { engine: e, out: c.outputs[0] };
    }
    return undefined;
  };
  const refs = new Map(programs.map((p) => [p.name, refOf(p)]));
  const mismatch = (e: Engine, p: Program): string | undefined => {
    const c = cells.get(key(e.id, p.name))!;
    const ref = refs.get(p.name);
    if (!ref) return undefined;
    for (const out of c.outputs) {
      if (out !== ref.out) return `${e.label}, ${p.name}: stdout differs from ${ref.engine.label}'s: ${firstDifference(ref.out, out)}`;
    }
    return undefined;
  };
  const baseline = runnable.find((e) => e.id === "cpython");

  function programTable(metric: "wall" | "cpu"): string[] {
    const rows: string[] = [];
    rows.push(`| program | ${engines.map((e) => e.label).join(" | ")} |`);
    rows.push(`|---|${engines.map(() => "---:").join("|")}|`);
    const ratios = new Map<EngineId, number[]>(engines.map((e) => [e.id, []]));
    for (const p of programs) {
      const base = baseline && cells.get(key(baseline.id, p.name));
      const baseOk = base && !base.error && base.wall.length && !mismatch(baseline!, p);
      const baseMs = baseOk ? median(base![metric]) : undefined;
      const row = engines.map((e) => {
        if (e.unavailable) return unavailableCell(e);
        const c = cells.get(key(e.id, p.name))!;
        if (c.error) return failCell(e, p.name, c.error);
        const ms = median(c[metric]);
        const diff = mismatch(e, p);
        if (diff) return `${fmtMs(ms)} ≠ ${note(diff)}`;
        if (e === baseline || baseMs === undefined) return fmtMs(ms);
        ratios.get(e.id)!.push(ms / baseMs);
        return `${fmtMs(ms)} (${fmtRatio(ms / baseMs)})`;
      });
      rows.push(`| ${p.name} | ${row.join(" | ")} |`);
    }
    const geo = engines.map((e) => {
      if (e === baseline) return "1.00×";
      const r = ratios.get(e.id)!;
      if (!r.length) return "—";
      const g = Math.exp(r.reduce((s, x) => s + Math.log(x), 0) / r.length);
      return `**${fmtRatio(g)}**${r.length < programs.length ? ` (${r.length} of ${programs.length})` : ""}`;
    });
    rows.push(`| geometric mean vs ${baseline?.label ?? "CPython"} | ${geo.join(" | ")} |`);
    return rows;
  }

  const md: string[] = [];
  md.push(`Measured ${started.toISOString().slice(0, 16).replace("T", " ")} UTC; ${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, ` +
    `${(totalmem() / 2 ** 30).toFixed(0)} GiB, shared (load average ${load0.map((x) => x.toFixed(1)).join(" ")} at the start, ` +
    `${loadavg().map((x) => x.toFixed(1)).join(" ")} at the end); Node ${process.version}; N=${N} timed runs after ${WARMUP} warm-up, medians${QUICK ? "; QUICK sizes" : ""}; ` +
    (PIN_CPU === undefined ? "children not pinned to a CPU." : `program workers pinned to CPU ${PIN_CPU}.`));
  md.push("");
  md.push("Wall time of running each program (compilation and start-up excluded); in brackets, the ratio to " +
    `${baseline?.label ?? "CPython (PATH)"} (lower is faster):`);
  md.push("");
  md.push(...programTable("wall"));
  const extra = (label: string, f: (e: Engine) => string) => md.push(`| ${label} | ${engines.map((e) => (e.unavailable ? "—" : f(e))).join(" | ")} |`);
  extra("startup: load + `print(1)`, in process", (e) => {
    const s = startups.get(e.id)!;
    if (s.error) return failCell(e, "startup", s.error);
    return s.inProcess.length ? fmtMs(median(s.inProcess)) : "—";
  });
  extra("startup: second VM in the same process (compiled module reused): instantiate + `print(1)`", (e) => {
    const s = startups.get(e.id)!;
    if (s.error) return failCell(e, "startup", s.error);
    return s.again.length ? fmtMs(median(s.again)) : "—";
  });
  extra("startup: fresh process, spawn → exit", (e) => {
    const s = startups.get(e.id)!;
    if (s.error) return failCell(e, "startup", s.error);
    return s.wall.length ? fmtMs(median(s.wall)) : "—";
  });
  md.push(
    `| module size, raw / gzip -9 | ${engines
      .map((e) => {
        const parts = e.sizes
          .filter((s) => existsSync(s.file))
          .map((s) => {
            const raw = statSync(s.file).size;
            const gz = gzipSync(readFileSync(s.file), { level: 9 }).length;
            return `${s.what} ${fmtBytes(raw)} / ${fmtBytes(gz)}`;
          });
        return parts.length ? parts.join("; ") : "—";
      })
      .join(" | ")} |`,
  );
  if (TIME_BIN) {
    extra("peak RSS: `print(1)` process", (e) => {
      const s = startups.get(e.id)!;
      return s.rss.length ? fmtBytes(median(s.rss) * 1024) : "—";
    });
    extra("peak RSS: worker that ran all programs", (e) => {
      const r = pools.get(e.id)!.rss;
      return r.length ? fmtBytes(Math.max(...r) * 1024) + (r.length > 1 ? ` (max of ${r.length} workers)` : "") : "—";
    });
  }
  md.push("");
  md.push("CPU time (user + system of the worker process) of the same runs:");
  md.push("");
  md.push(...programTable("cpu"));
  md.push("");
  if (notes.length) {
    md.push("Notes:");
    md.push("");
    for (const [i, n] of notes.entries()) md.push(`- [${i + 1}] ${n.where.length ? `${n.where.join(", ")} — ` : ""}${n.text}`);
    md.push("");
  }
  md.push("Engines:");
  md.push("");
  for (const e of engines) {
    const how = e.freshPerProgram ? "; a fresh worker process for each program" : "";
    md.push(`- ${e.label}: ${e.unavailable ? `${e.unavailable} (${e.unavailableWhy})` : (e.version ?? "?") + how}`);
  }
  md.push(
    `- Node's own share of the Node-hosted engines' figures: \`node -e 0\` takes ${fmtMs(nodeBase.wall)} spawn → exit` +
      (nodeBase.rss !== undefined ? ` and peaks at ${fmtBytes(nodeBase.rss * 1024)} RSS.` : "."),
  );
  const vmWasm = rel("build", "vm.wasm");
  if (existsSync(vmWasm)) {
    const newestSrc = Math.max(...readdirSync(rel("assembly")).filter((f) => f.endsWith(".ts")).map((f) => statSync(rel("assembly", f)).mtimeMs));
    if (newestSrc > statSync(vmWasm).mtimeMs) md.push("- WARNING: build/vm.wasm is older than assembly/*.ts: run `npm run build:wasm` first.");
  }
  const text = md.join("\n") + "\n";
  process.stdout.write("\n" + text);
  if (process.env.BENCH_OUT) writeFileSync(process.env.BENCH_OUT, text);
}

try {
  await main();
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
