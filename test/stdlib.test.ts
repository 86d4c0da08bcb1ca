/**
 * Acceptance over the whole python3.11 standard library (every .py file CPython compiles, test/
 * included): CPython marshals each module's code object; our loads reads it; co_lines(),
 * co_positions() and dis text equal CPython's; our dumps writes it back and CPython's marshal.loads
 * of our bytes equals the original in every field, recursively (tools/stdlib_oracle.py).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawn } from "node:child_process";
import { loads, dumps } from "../host/marshal.js";
import { CodeObject } from "../host/code.js";
import { dis } from "../host/dis.js";
import { setAddressHashes } from "../host/hash.js";
import { PYTHON } from "./support/python.js";
import { linesText, normalizeAddresses, positionsText, sha256 } from "./support/digests.js";

interface Entry {
  path: string;
  file?: string;
  skipped?: string;
  codeObjects?: number;
  lines?: string;
  positions?: string;
  dis?: string;
}

const outdir = mkdtempSync(join(tmpdir(), "pyvm-stdlib-"));
let entries: Entry[] = [];
const loaded = new Map<string, CodeObject>();

/** Runs tools/stdlib_oracle.py without blocking the worker (vitest's RPC needs the event loop). */
function oracle(...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, ["tools/stdlib_oracle.py", ...args], { env: { ...process.env, PYTHONHASHSEED: "0" } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    child.on("error", reject);
    child.on("close", (status) => {
      if (status === 0) resolve(Buffer.concat(out).toString("utf8"));
      else reject(new Error(`stdlib_oracle.py ${args[0]} failed:\n${Buffer.concat(err).toString("utf8")}`));
    });
  });
}

/** Lets the event loop run between files: long synchronous loops starve vitest's worker RPC. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Failures are collected per check and reported together, the first few in full. */
function report(failures: string[], total: number, what: string): void {
  const shown = failures.slice(0, 10).join("\n");
  expect(failures.length, `${failures.length} of ${total} files differ in ${what}:\n${shown}`).toBe(0);
}

beforeAll(async () => {
  await oracle("emit", outdir);
  const manifest = JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8"));
  entries = manifest.files as Entry[];
  // Frozensets holding None or Ellipsis iterate by their address hashes: mirror the oracle's build.
  setAddressHashes({ None: BigInt(manifest.noneHash), Ellipsis: BigInt(manifest.ellipsisHash) });
});

afterAll(() => {
  setAddressHashes({ None: null, Ellipsis: null });
  rmSync(outdir, { recursive: true, force: true });
});

describe("the python3.11 standard library", () => {
  it("is thousands of files, and CPython rejects only the few that are meant to be invalid", () => {
    const compiled = entries.filter((e) => e.file);
    const skipped = entries.filter((e) => e.skipped);
    expect(compiled.length).toBeGreaterThan(1500);
    for (const e of skipped) expect(e.path).toMatch(/(badsyntax|bad_coding|lib2to3\/tests\/data)/);
    console.log(`stdlib: ${compiled.length} files compiled by CPython, ${skipped.length} rejected by CPython itself`);
  });

  it("loads every marshalled module", async () => {
    const failures: string[] = [];
    for (const e of entries) {
      if (!e.file) continue;
      await breathe();
      try {
        const code = loads(new Uint8Array(readFileSync(join(outdir, e.file))));
        if (!(code instanceof CodeObject)) throw new Error("not a code object");
        loaded.set(e.path, code);
      } catch (err) {
        failures.push(`${e.path}: ${String(err)}`);
      }
    }
    report(failures, entries.length, "loads");
  });

  it("has co_lines() and co_positions() equal to CPython's for every code object", async () => {
    const failures: string[] = [];
    let codeObjects = 0;
    for (const e of entries) {
      const code = loaded.get(e.path);
      if (!code) continue;
      await breathe();
      codeObjects += e.codeObjects!;
      if (sha256(linesText(code)) !== e.lines) failures.push(`${e.path}: co_lines()`);
      if (sha256(positionsText(code)) !== e.positions) failures.push(`${e.path}: co_positions()`);
    }
    console.log(`stdlib: co_lines/co_positions checked on ${codeObjects} code objects`);
    report(failures, loaded.size, "co_lines/co_positions");
  });

  it("disassembles every module exactly as CPython's dis", async () => {
    const failures: string[] = [];
    for (const e of entries) {
      const code = loaded.get(e.path);
      if (!code) continue;
      await breathe();
      let text: string;
      try {
        text = normalizeAddresses(dis(code));
      } catch (err) {
        failures.push(`${e.path}: ${String(err)}`);
        continue;
      }
      if (sha256(text) !== e.dis) {
        if (failures.length >= 10) {
          failures.push(e.path); // details for the first ten only: each costs a CPython run
          continue;
        }
        const expected = (await oracle("show", e.path)).split("\n");
        const ours = text.split("\n");
        const at = expected.findIndex((line, i) => line !== ours[i]);
        failures.push(`${e.path}: line ${at + 1}\n  CPython: ${expected[at]}\n  ours:    ${ours[at]}`);
      }
    }
    report(failures, loaded.size, "dis");
  });

  it("dumps every module so that CPython loads an equal code object", async () => {
    for (const e of entries) {
      const code = loaded.get(e.path);
      if (!code) continue;
      await breathe();
      writeFileSync(join(outdir, e.file!.replace(".bin", ".ours")), dumps(code));
    }
    const result = JSON.parse(await oracle("verify", outdir)) as { checked: number; problems: { path: string; error: string }[] };
    expect(result.checked).toBe(loaded.size);
    report(result.problems.map((p) => `${p.path}: ${p.error}`), result.checked, "the round trip");
  });
});
