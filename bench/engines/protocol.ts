/**
 * The worker side of the program benchmark (bench/run.ts), shared by the engines that run inside
 * Node (Pyodide, MicroPython, pyvm-wasm). Each engine file builds an `EngineAdapter` and calls
 * `serve(adapter)`; bench/run.ts bundles that file with esbuild and runs it with plain `node`.
 *
 * Two modes:
 * - `node engine.mjs --startup <file.py> <file.pyc>`: load the engine, run the program (print(1)),
 *   report the time from "load" to "printed"; then load a second VM in the same process and run it
 *   again (what an embedder pays per VM once the engine's code is compiled); exit. A fresh process
 *   each time.
 * - `node engine.mjs`: a long-lived worker. It loads the engine, then reads JSON commands from stdin,
 *   one per line ({op:"prepare",name,py,pyc} | {op:"run",name} | {op:"exit"}), and answers each with
 *   one JSON line on file descriptor 3 (stdout stays free for whatever the engine prints itself).
 *
 * A run is timed around `adapter.run` only: compiling the source (or reading the .pyc) and resetting
 * the globals happen before the clock starts.
 */
import { writeSync } from "node:fs";
import { createInterface } from "node:readline";

export interface Sink {
  stdout(s: string): void;
  stderr(s: string): void;
}

export interface ProgramFiles {
  name: string;
  /** the program's source file */
  py: string;
  /** the same program compiled by python3.11 -m py_compile */
  pyc: string;
}

export interface EngineAdapter {
  /** Instantiate the runtime; returns a version string. */
  load(sink: Sink): Promise<string>;
  /** Compile or read the program (not timed). */
  prepare(p: ProgramFiles): Promise<void>;
  /** Fresh globals etc. before a run (not timed). */
  reset?(name: string): Promise<void>;
  /** Run the program once, writing its output to the sink given to load. Throws on a Python error;
   *  returns an exit code (0 = success) where the engine has one. */
  run(name: string): Promise<number>;
}

export interface RunReply {
  ok: boolean;
  wall_ms: number;
  cpu_ms: number;
  stdout: string;
  stderr: string;
  error?: string;
}

function reply(msg: object): void {
  writeSync(3, JSON.stringify(msg) + "\n");
}

/** The first line of an error for a JS exception; for a Python traceback, its last line. */
export function errorLine(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  const lines = text.split("\n").map((l) => l.trim()).filter(Boolean);
  if (lines.length === 0) return e instanceof Error ? e.name : "error";
  return lines[0].startsWith("Traceback") ? lines[lines.length - 1] : lines[0];
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

export async function serve(adapter: EngineAdapter): Promise<void> {
  let out = "";
  let err = "";
  const sink: Sink = {
    stdout: (s) => {
      out += s;
    },
    stderr: (s) => {
      err += s;
    },
  };

  async function runOnce(name: string): Promise<RunReply> {
    if (adapter.reset) await adapter.reset(name);
    out = "";
    err = "";
    let error: string | undefined;
    const c0 = cpuMs();
    const t0 = performance.now();
    try {
      const code = await adapter.run(name);
      if (code !== 0) {
        const lines = err.split("\n").filter((l) => l.trim());
        error = `exit code ${code}` + (lines.length ? `: ${lines[lines.length - 1].trim()}` : "");
      }
    } catch (e) {
      error = errorLine(e);
    }
    const wall = performance.now() - t0;
    const cpu = cpuMs() - c0;
    return { ok: error === undefined, wall_ms: wall, cpu_ms: cpu, stdout: out, stderr: err, error };
  }

  const argv = process.argv.slice(2);
  if (argv[0] === "--startup") {
    const t0 = performance.now();
    try {
      const version = await adapter.load(sink);
      await adapter.prepare({ name: "startup", py: argv[1], pyc: argv[2] });
      const r = await runOnce("startup");
      const startup = performance.now() - t0;
      // A second VM in the same process: the engine's compiled code (a WebAssembly.Module) may be
      // reused, a new instance is not (for pyvm: runPyc instantiates the cached module again).
      const t1 = performance.now();
      await adapter.load(sink);
      await adapter.prepare({ name: "startup", py: argv[1], pyc: argv[2] });
      const r2 = await runOnce("startup");
      const again = performance.now() - t1;
      if (r.ok && !r2.ok) throw new Error(`second VM: ${r2.error}`);
      reply({ ...r, stdout: r.stdout === r2.stdout ? r.stdout : `${r.stdout}|second VM: ${r2.stdout}`, startup_ms: startup, again_ms: again, version });
    } catch (e) {
      reply({ ok: false, error: errorLine(e), startup_ms: performance.now() - t0 });
    }
    process.exit(0);
  }

  try {
    const version = await adapter.load(sink);
    reply({ ready: true, version });
  } catch (e) {
    reply({ ready: false, error: errorLine(e) });
    process.exit(0);
  }
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) {
    if (!line.trim()) continue;
    const msg = JSON.parse(line) as { op: string; name: string; py: string; pyc: string };
    if (msg.op === "exit") break;
    if (msg.op === "prepare") {
      try {
        await adapter.prepare(msg);
        reply({ ok: true });
      } catch (e) {
        reply({ ok: false, error: errorLine(e) });
      }
    } else if (msg.op === "run") {
      reply(await runOnce(msg.name));
    } else {
      reply({ ok: false, error: `unknown op ${msg.op}` });
    }
  }
  process.exit(0);
}
