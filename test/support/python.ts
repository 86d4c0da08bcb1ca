/**
 * Runs CPython 3.11, the oracle, from tests. Always with PYTHONHASHSEED=0 (set iteration order and
 * frozenset constants follow str hashes). Tests never skip for lack of python3.11: .ci/run installs it,
 * and a missing interpreter fails loudly here.
 */
import { spawnSync } from "node:child_process";

export const PYTHON = process.env.PYVM_PYTHON ?? "python3.11";

export function runPython(script: string, input?: string | Uint8Array, args: string[] = []): Buffer {
  const res = spawnSync(PYTHON, ["-c", script, ...args], {
    input,
    env: { ...process.env, PYTHONHASHSEED: "0", PYTHONIOENCODING: "utf-8" },
    maxBuffer: 1 << 30,
  });
  if (res.error) throw new Error(`cannot run ${PYTHON}: ${res.error.message}`);
  if (res.status !== 0) {
    throw new Error(`${PYTHON} exited ${res.status}:\n${res.stderr.toString()}`);
  }
  return res.stdout;
}

/** Runs a python script that prints one JSON document and returns it parsed. */
export function pythonJson<T = unknown>(script: string, input?: string | Uint8Array): T {
  return JSON.parse(runPython(script, input).toString("utf8")) as T;
}
