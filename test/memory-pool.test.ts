/**
 * Reusing linear memory between runs (host/memory-pool.ts, host/run.ts): a run on a memory that an
 * earlier run filled must behave exactly as on a fresh one, and the pool must really hand the same
 * memory back, zeroed.
 */
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runPython } from "./support/python.js";
import { runPycSync } from "../host/run.js";
import { giveBackMemory, releaseKeptMemories, takeMemory } from "../host/memory-pool.js";
import { vmMemoryPages } from "../host/wasm-loader.js";

const TMP = mkdtempSync(join(tmpdir(), "pyvm-pool-"));

// Leaves 30 MB of 0xff bytes and many small objects behind in its memory.
const DIRTY = `
data = [bytearray(b'\\xff' * 100000) for _ in range(300)]
words = [str(i) * 7 for i in range(100000)]
print(len(data), sum(len(w) for w in words))
def deep(n, *pad):  # fills much of the frame arena
    return n if n == 0 else deep(n - 1, *pad) + 1
print(deep(900, *range(40)))
`;
// Reads fresh large and small blocks: all must read as zero / None.
const CLEAN = `
z = [bytearray(100000) for _ in range(300)]
print(all(not any(b) for b in z))
l = [None] * 3000000
print(l.count(None), bytes(10**6).count(0), [0] * 5)
d = {i: str(i) for i in range(50000)}
print(len(d), d[49999], id(d) == id(d))
`;

function compiled(name: string, source: string): { pyc: Uint8Array; expected: string } {
  const py = join(TMP, name + ".py");
  const pyc = join(TMP, name + ".pyc");
  writeFileSync(py, source);
  runPython(`import py_compile, sys; py_compile.compile(sys.argv[1], cfile=sys.argv[2], doraise=True)`, undefined, [py, pyc]);
  const expected = runPython(`import runpy, sys; runpy.run_path(sys.argv[1], run_name="__main__")`, undefined, [py]).toString("utf8");
  return { pyc: new Uint8Array(readFileSync(pyc)), expected };
}

function run(pyc: Uint8Array, reuseMemory: boolean): { out: string; status: number } {
  let out = "";
  const status = runPycSync(pyc, { stdout: (s) => (out += s), stderr: (s) => (out += s), reuseMemory }) as number;
  return { out, status };
}

describe("memory pool", () => {
  it("hands back the same memory, zeroed up to what was dirtied", () => {
    releaseKeptMemories();
    const pages = vmMemoryPages()!;
    expect(pages).toBeGreaterThan(0);
    const m = takeMemory(pages);
    new Uint8Array(m.buffer).fill(7, 0, 100_000);
    giveBackMemory(m, 100_000);
    const again = takeMemory(pages);
    expect(again).toBe(m);
    expect(new Uint8Array(again.buffer).every((b) => b === 0)).toBe(true);
    expect(takeMemory(pages)).not.toBe(m); // the pool is empty again
  });

  it("skips the range the VM reports as never written, and zeroes the rest", () => {
    releaseKeptMemories();
    const pages = vmMemoryPages()!;
    const m = takeMemory(pages);
    const bytes = new Uint8Array(m.buffer);
    bytes.fill(7, 0, 40_000);
    bytes.fill(9, 60_000, 100_000);
    giveBackMemory(m, 100_000, [40_000, 60_000]);
    expect(takeMemory(pages)).toBe(m);
    expect(bytes.every((b) => b === 0)).toBe(true);
    // a clean range outside [0, dirty) is ignored: everything below dirty is zeroed
    bytes.fill(5, 0, 100_000);
    giveBackMemory(m, 100_000, [90_000, 200_000]);
    expect(takeMemory(pages)).toBe(m);
    expect(bytes.every((b) => b === 0)).toBe(true);
  });

  it("a run after a run that filled memory prints what CPython prints", () => {
    const dirty = compiled("dirty", DIRTY);
    const clean = compiled("clean", CLEAN);
    releaseKeptMemories();
    const fresh = run(clean.pyc, false);
    expect(fresh).toEqual({ out: clean.expected, status: 0 });
    expect(run(dirty.pyc, true)).toEqual({ out: dirty.expected, status: 0 });
    // the next two runs reuse the memory the dirty run gave back
    expect(run(clean.pyc, true)).toEqual({ out: clean.expected, status: 0 });
    expect(run(dirty.pyc, true)).toEqual({ out: dirty.expected, status: 0 });
    expect(run(clean.pyc, true)).toEqual({ out: clean.expected, status: 0 });
  }, 60_000);
});
