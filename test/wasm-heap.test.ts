// The WASM VM's allocator (assembly/heap.ts), driven through its exports. Every test runs on two
// builds: the release module (build/vm.wasm, built by `npm run build:wasm`) and assembly/heap.ts
// compiled alone with the heap debug checks on (`--use PYVM_HEAP_DEBUG=1`: poisoning, class tags,
// double-free detection), compiled here into a temporary directory.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { instantiateVm } from "../host/wasm-loader.js";

// heapAudit results (HEAP_ERR_* in assembly/heap.ts)
const OK = 0;
const ERR_RANGE = -1;
const ERR_ALIGN = -2;
const ERR_CYCLE = -3;
const ERR_CLASS = -4;
const ERR_POISON = -5;
const ERR_BLOCK = -6;
const ERR_DOUBLE_FREE = -9;
const ERR_BAD_FREE = -10;

const KiB = 1024;
const MiB = 1024 * 1024;
const PAGE = 64 * KiB;
const SMALL_MAX = 2048;

/** The heap exports of one fresh instance; pointers and counts come back as unsigned numbers. */
interface Heap {
  debug: boolean;
  init(maxBytes: number): void;
  alloc(size: number): number;
  free(ptr: number, size: number): void;
  inUse(): number;
  audit(): number;
  churn(n: number, size: number): number;
  oom(): boolean;
  clearOom(): void;
  pages(): number;
  bytes(): Uint8Array;
}

interface RawHeapExports {
  memory: WebAssembly.Memory;
  heapInit(maxBytes: number): void;
  heapBytesInUse(): number;
  heapAudit(): number;
  heapChurn(n: number, size: number): number;
  memoryPages(): number;
}

function wrap(
  raw: RawHeapExports,
  alloc: (size: number) => number,
  free: (ptr: number, size: number) => void,
  oom: () => number,
  clearOom: () => void,
  debug: boolean,
): Heap {
  let view = new Uint8Array(raw.memory.buffer);
  return {
    debug,
    init: (maxBytes) => raw.heapInit(maxBytes),
    alloc: (size) => alloc(size) >>> 0,
    free,
    inUse: () => raw.heapBytesInUse() >>> 0,
    audit: () => raw.heapAudit(),
    churn: (n, size) => raw.heapChurn(n, size),
    oom: () => oom() !== 0,
    clearOom,
    pages: () => raw.memoryPages(),
    bytes: () => {
      if (view.buffer !== raw.memory.buffer) view = new Uint8Array(raw.memory.buffer);
      return view;
    },
  };
}

function releaseHeap(): Heap {
  const vm = instantiateVm();
  return wrap(vm, vm.heapAlloc, vm.heapFree, vm.heapOutOfMemory, vm.heapClearOutOfMemory, false);
}

let debugDir: string | undefined;
let debugModule: WebAssembly.Module | undefined;

/** assembly/heap.ts alone, heap checks on, release optimization otherwise. */
function debugHeap(): Heap {
  if (!debugModule) {
    debugDir = mkdtempSync(join(tmpdir(), "pyvm-heap-"));
    const asc = fileURLToPath(new URL("../node_modules/assemblyscript/bin/asc.js", import.meta.url));
    const source = fileURLToPath(new URL("../assembly/heap.ts", import.meta.url));
    const out = join(debugDir, "heap-debug.wasm");
    // Run from the temporary directory so that asc does not pick up asconfig.json's entries.
    execFileSync(
      process.execPath,
      [asc, source, "--runtime", "stub", "-O3", "--noAssert", "--use", "PYVM_HEAP_DEBUG=1", "-o", out],
      { cwd: debugDir, stdio: "pipe" },
    );
    debugModule = new WebAssembly.Module(readFileSync(out));
  }
  const instance = new WebAssembly.Instance(debugModule, {
    env: {
      abort() {
        throw new Error("heap-debug.wasm aborted");
      },
    },
  });
  const ex = instance.exports as unknown as RawHeapExports & {
    alloc(size: number): number;
    free(ptr: number, size: number): void;
    outOfMemory(): number;
    clearOutOfMemory(): void;
  };
  return wrap(ex, ex.alloc, ex.free, ex.outOfMemory, ex.clearOutOfMemory, true);
}

afterAll(() => {
  if (debugDir) rmSync(debugDir, { recursive: true, force: true });
});

/** The bytes heapBytesInUse counts for a request. */
function accounted(size: number): number {
  return Math.max((size + 7) & ~7, 8);
}

/** mulberry32: a small seeded PRNG, so every run churns the same way. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function isZero(mem: Uint8Array, ptr: number, size: number): boolean {
  for (let i = ptr; i < ptr + size; i++) if (mem[i] !== 0) return false;
  return true;
}

/**
 * Live blocks kept sorted by address, so that every new block is checked against its neighbours
 * for overlap (each block covers its accounted bytes, i.e. the request rounded up to 8).
 */
class Shadow {
  starts: number[] = [];
  ends: number[] = [];
  sizes: number[] = [];

  /** Index of the first block starting above ptr. */
  private upper(ptr: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] <= ptr) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Adds a block; returns false if it overlaps a live one. */
  add(ptr: number, size: number): boolean {
    const end = ptr + accounted(size);
    const i = this.upper(ptr);
    if (i > 0 && this.ends[i - 1] > ptr) return false;
    if (i < this.starts.length && this.starts[i] < end) return false;
    this.starts.splice(i, 0, ptr);
    this.ends.splice(i, 0, end);
    this.sizes.splice(i, 0, size);
    return true;
  }

  remove(ptr: number): number {
    const i = this.upper(ptr) - 1;
    if (i < 0 || this.starts[i] !== ptr) throw new Error(`not live: ${ptr}`);
    const size = this.sizes[i];
    this.starts.splice(i, 1);
    this.ends.splice(i, 1);
    this.sizes.splice(i, 1);
    return size;
  }

  get length(): number {
    return this.starts.length;
  }
}

/** A request size: mostly small objects, some medium, a few large and very few huge ones. */
function pickSize(rand: () => number): number {
  const r = rand();
  if (r < 0.6) return Math.floor(rand() * 65); // 0..64
  if (r < 0.85) return 65 + Math.floor(rand() * 448); // ..512
  if (r < 0.95) return 513 + Math.floor(rand() * (SMALL_MAX - 512)); // ..2048
  if (r < 0.995) return SMALL_MAX + 1 + Math.floor(rand() * 30 * KiB); // ..~32 KiB
  return 32 * KiB + Math.floor(rand() * (MiB - 32 * KiB)); // ..1 MiB
}

const variants: [string, () => Heap][] = [
  ["release build/vm.wasm", releaseHeap],
  ["heap debug build", debugHeap],
];

describe.each(variants)("heap (%s)", (_name, makeHeap) => {
  beforeAll(() => void makeHeap()); // compiles the debug build once, outside the timed tests
  it("returns 8-aligned, zeroed blocks of every size, zeroed again when reused", () => {
    const h = makeHeap();
    h.init(0);
    const sizes: number[] = [];
    for (let s = 0; s <= 300; s++) sizes.push(s);
    for (let s = 301; s <= SMALL_MAX + 64; s += 37) sizes.push(s);
    sizes.push(SMALL_MAX, SMALL_MAX + 1, 4096, 10_000, 65_536, 100_001, MiB, 3 * MiB + 5);
    for (let round = 0; round < 2; round++) {
      const shadow = new Shadow();
      const ptrs = sizes.map((size) => {
        const p = h.alloc(size);
        expect(p).not.toBe(0);
        expect(p % 8).toBe(0);
        expect(shadow.add(p, size)).toBe(true);
        expect(isZero(h.bytes(), p, size)).toBe(true);
        h.bytes().fill(0xab, p, p + size); // dirty it: the next round reuses these blocks
        return p;
      });
      expect(h.inUse()).toBe(sizes.reduce((sum, s) => sum + accounted(s), 0));
      expect(h.audit()).toBe(OK);
      sizes.forEach((size, i) => h.free(ptrs[i], size));
      expect(h.inUse()).toBe(0);
      expect(h.audit()).toBe(OK);
    }
  });

  it("reuses the last freed block of a class first", () => {
    const h = makeHeap();
    h.init(0);
    const a = h.alloc(24);
    const b = h.alloc(24);
    h.free(a, 24);
    h.free(b, 24);
    expect(h.alloc(24)).toBe(b);
    expect(h.alloc(17)).toBe(a); // 17..24 bytes share the 24-byte class
    // Coarser classes above 128 bytes: 129..144 share one, 1793..1920 share one; 0 is 8.
    for (const [first, second] of [
      [129, 144],
      [1920, 1793],
      [0, 8],
    ]) {
      const p = h.alloc(first);
      h.free(p, first);
      const q = h.alloc(second);
      expect(q).toBe(p);
      h.free(q, second);
    }
    h.free(a, 17);
    h.free(b, 24);
    expect(h.inUse()).toBe(0);
    expect(h.audit()).toBe(OK);
  });

  it("reuses, splits and coalesces large blocks, and gives the top one back", () => {
    const h = makeHeap();
    h.init(0);
    const n = 10_000;
    const [a, b, c, guard] = [h.alloc(n), h.alloc(n), h.alloc(n), h.alloc(n)];
    h.free(b, n);
    expect(h.alloc(n)).toBe(b); // the same block again
    h.free(b, n);
    const b1 = h.alloc(5000); // split: both halves come out of b's block
    const b2 = h.alloc(4000);
    expect(b1).toBe(b);
    expect(b2).toBeGreaterThan(b1 + 5000 - 1);
    expect(b2 + 4000).toBeLessThanOrEqual(b + n);
    expect(h.audit()).toBe(OK);
    h.free(b1, 5000);
    h.free(a, n);
    h.free(c, n);
    h.free(b2, 4000);
    expect(h.audit()).toBe(OK);
    expect(h.alloc(3 * n)).toBe(a); // a, b and c merged into one block
    // A freed block at the top goes back to the wilderness: a bigger one starts at the same place.
    const last = h.alloc(50_000);
    h.free(last, 50_000);
    expect(h.alloc(80_000)).toBe(last);
    h.free(last, 80_000);
    h.free(a, 3 * n);
    h.free(guard, n);
    expect(h.inUse()).toBe(0);
    expect(h.audit()).toBe(OK);
  });

  it("survives a seeded churn of mixed sizes: no overlap, exact accounting, flat memory", () => {
    const h = makeHeap();
    h.init(0);
    const rounds = 4;
    const opsPerRound = h.debug ? 50_000 : 250_000; // 1,000,000 operations on the release build
    const pagesAfterRound: number[] = [];
    let id = 0;
    for (let round = 0; round < rounds; round++) {
      const rand = prng(0x5eed); // every round replays the same sequence
      const shadow = new Shadow();
      let expected = 0;
      for (let op = 0; op < opsPerRound; op++) {
        // The live set swings between ~500 and ~4500 blocks, so the heap's shape keeps changing.
        const target = 2500 + 2000 * Math.sin(op / 5000);
        const doAlloc = shadow.length === 0 || rand() < (shadow.length < target ? 0.6 : 0.4);
        if (doAlloc) {
          const size = pickSize(rand);
          const p = h.alloc(size);
          if (p === 0 || p % 8 !== 0) throw new Error(`alloc(${size}) gave ${p} at op ${op}`);
          if (!shadow.add(p, size)) throw new Error(`alloc(${size}) = ${p} overlaps a live block`);
          const mem = h.bytes();
          const sampled = (++id & 15) === 0 || size <= 16;
          if (sampled ? !isZero(mem, p, size) : mem[p] !== 0 || (size > 0 && mem[p + size - 1] !== 0)) {
            throw new Error(`alloc(${size}) = ${p} is not zeroed`);
          }
          // Marks, checked at free: if they changed, another block overlapped this one.
          if (size > 1) mem[p] = size & 0xff;
          if (size > 0) mem[p + size - 1] = (p >> 3) & 0xff;
          expected += accounted(size);
        } else {
          const i = Math.floor(rand() * shadow.length);
          const p = shadow.starts[i];
          const size = shadow.remove(p);
          const mem = h.bytes();
          if ((size > 1 && mem[p] !== (size & 0xff)) || (size > 0 && mem[p + size - 1] !== ((p >> 3) & 0xff))) {
            throw new Error(`block ${p} (${size} bytes) was overwritten while live`);
          }
          h.free(p, size);
          expected -= accounted(size);
        }
        if (op % 1000 === 0 && h.inUse() !== expected) {
          throw new Error(`heapBytesInUse ${h.inUse()} != ${expected} at op ${op}`);
        }
        if (op % 10_000 === 0) expect(h.audit()).toBe(OK);
      }
      expect(h.inUse()).toBe(expected);
      expect(h.audit()).toBe(OK);
      // Free the rest in a shuffled order.
      while (shadow.length > 0) {
        const p = shadow.starts[Math.floor(rand() * shadow.length)];
        h.free(p, shadow.remove(p));
      }
      expect(h.inUse()).toBe(0);
      expect(h.audit()).toBe(OK);
      pagesAfterRound.push(h.pages());
    }
    // The first round is the warm-up; replaying it must fit in the memory it left.
    for (let r = 1; r < rounds; r++) expect(pagesAfterRound[r]).toBe(pagesAfterRound[0]);
    expect(h.oom()).toBe(false);
  });

  it("runs 10 million small alloc/free pairs inside wasm without growing", () => {
    const h = makeHeap();
    const before = h.pages();
    h.init(0);
    expect(h.churn(1000, 24)).toBe(0); // takes the first chunk (memory grows one 1 MiB step)
    const warm = h.pages();
    expect(warm).toBeLessThanOrEqual(before + 17);
    expect(h.churn(h.debug ? 1_000_000 : 10_000_000, 24)).toBe(0);
    for (const size of [0, 8, 100, 1000, SMALL_MAX, 5000]) expect(h.churn(100_000, size)).toBe(0);
    expect(h.pages()).toBe(warm);
    expect(h.inUse()).toBe(0);
    expect(h.audit()).toBe(OK);
  });

  it("stops at the heapInit cap: 0 and the out-of-memory flag, never a trap", () => {
    for (const [cap, kind] of [
      [MiB, "small"],
      [MiB, "large"],
      [MiB, "mixed"],
      [300 * KiB, "small"],
      [300 * KiB, "large"],
    ] as const) {
      const h = makeHeap();
      h.init(cap);
      const fill = (): { ptrs: [number, number][]; firstFailure: number } => {
        const rand = prng(7); // the same requests each time
        const size = (): number =>
          kind === "small" ? 1 + Math.floor(rand() * SMALL_MAX)
          : kind === "large" ? SMALL_MAX + 1 + Math.floor(rand() * 100 * KiB)
          : pickSize(rand) % (200 * KiB);
        const ptrs: [number, number][] = [];
        let firstFailure = -1;
        // Keep asking after the first 0 (smaller requests may still fit) until 50 in a row fail.
        for (let misses = 0; misses < 50; ) {
          const s = size();
          const p = h.alloc(s);
          if (p === 0) {
            expect(h.oom()).toBe(true);
            if (firstFailure < 0) firstFailure = ptrs.length;
            misses++;
            h.clearOom();
          } else {
            ptrs.push([p, s]);
            misses = 0;
          }
        }
        return { ptrs, firstFailure };
      };
      const first = fill();
      expect(first.firstFailure).toBeGreaterThan(0);
      const arenaStart = Math.min(...first.ptrs.map(([p]) => p)) - 8; // the first block's header
      expect(h.inUse()).toBeLessThanOrEqual(cap);
      expect(h.pages() * PAGE).toBeLessThanOrEqual(arenaStart + cap + PAGE);
      expect(h.audit()).toBe(OK);
      // Requests that can never fit fail cleanly too, including ones near 4 GiB.
      for (const s of [2 * cap, 0x7fff0000, 0x80000000, 0xfffffff0, 0xffffffff]) {
        expect(h.alloc(s)).toBe(0);
        expect(h.oom()).toBe(true);
        h.clearOom();
      }
      for (const [p, s] of first.ptrs) h.free(p, s);
      expect(h.inUse()).toBe(0);
      expect(h.audit()).toBe(OK);
      // Everything freed is usable again. Small blocks stay in their classes and large ones merge
      // back into the wilderness, so the same requests get at least as far; mixed, where chunks
      // now sit between the large holes, nearly as far.
      const second = fill();
      if (kind === "mixed") expect(second.ptrs.length).toBeGreaterThan(0.8 * first.ptrs.length);
      else expect(second.ptrs.length).toBeGreaterThanOrEqual(first.ptrs.length);
      if (kind === "large") {
        // Large blocks coalesce back into one region: one block of most of the cap fits again.
        for (const [p, s] of second.ptrs) h.free(p, s);
        const big = h.alloc(cap - 64 * KiB);
        expect(big).not.toBe(0);
        h.free(big, cap - 64 * KiB);
      } else {
        for (const [p, s] of second.ptrs) h.free(p, s);
      }
      expect(h.inUse()).toBe(0);
      expect(h.audit()).toBe(OK);
    }
  });

  it("reuses freed 1 MiB blocks instead of growing memory", () => {
    const h = makeHeap();
    h.init(0);
    const start = h.pages();
    for (let i = 0; i < 100; i++) {
      const p = h.alloc(MiB);
      expect(p).not.toBe(0);
      h.bytes().fill(1, p, p + MiB);
      h.free(p, MiB);
    }
    expect((h.pages() - start) * PAGE).toBeLessThanOrEqual(3 * MiB);
    // 100 live at once, then all freed, five times over: only the first round grows memory.
    let pagesAfterFirst = 0;
    for (let round = 0; round < 5; round++) {
      const shadow = new Shadow();
      const rand = prng(round);
      for (let i = 0; i < 100; i++) {
        const size = MiB - Math.floor(rand() * 4096);
        const p = h.alloc(size);
        expect(p).not.toBe(0);
        expect(shadow.add(p, size)).toBe(true);
        const mem = h.bytes();
        expect(mem[p] === 0 && mem[p + size - 1] === 0 && mem[p + (size >> 1)] === 0).toBe(true);
        mem[p] = mem[p + size - 1] = mem[p + (size >> 1)] = 7;
      }
      expect(h.audit()).toBe(OK);
      // Free in an order that makes both forward and backward merges happen.
      const order = shadow.starts.map((p, i) => [p, shadow.sizes[i]] as const);
      for (let i = 0; i < order.length; i += 2) h.free(order[i][0], order[i][1]);
      expect(h.audit()).toBe(OK);
      for (let i = 1; i < order.length; i += 2) h.free(order[i][0], order[i][1]);
      expect(h.inUse()).toBe(0);
      expect(h.audit()).toBe(OK);
      if (round === 0) pagesAfterFirst = h.pages();
      else expect(h.pages()).toBe(pagesAfterFirst);
    }
    expect((pagesAfterFirst - start) * PAGE).toBeLessThanOrEqual(160 * MiB);
  });

  it("refuses a double free of a large block and reports it", () => {
    const h = makeHeap();
    h.init(0);
    const p = h.alloc(10_000);
    const guard = h.alloc(10_000);
    h.free(p, 10_000);
    h.free(p, 10_000);
    expect(h.audit()).toBe(ERR_DOUBLE_FREE);
    expect(h.inUse()).toBe(accounted(10_000)); // the second free was ignored
    expect(h.alloc(10_000)).toBe(p);
    expect(h.alloc(10_000)).not.toBe(p);
    h.free(guard, 10_000);
  });

  it("audit finds broken free lists and block headers", () => {
    const corrupt = (how: (h: Heap, view: DataView, p: number) => void): number => {
      const h = makeHeap();
      h.init(0);
      h.alloc(32); // stays live beside p
      const p = h.alloc(32);
      h.alloc(10_000);
      h.alloc(10_000);
      h.free(p, 32);
      expect(h.audit()).toBe(OK);
      how(h, new DataView(h.bytes().buffer), p);
      return h.audit();
    };
    // The link of a free small block: pointing outside the arena, at itself, misaligned.
    expect(corrupt((_h, v, p) => v.setUint32(p, 0x7ff00000, true))).toBe(ERR_RANGE);
    expect(corrupt((_h, v, p) => v.setUint32(p, p, true))).toBe(ERR_CYCLE);
    expect(corrupt((_h, v, p) => v.setUint32(p, p - 28, true))).toBe(ERR_ALIGN);
    // The header of a large block (size word at payload - 4).
    expect(
      corrupt((h, v) => {
        const q = h.alloc(20_000);
        v.setUint32(q - 4, 3, true);
      }),
    ).toBe(ERR_BLOCK);
  });

  // Declared for the debug variant only: the release build compiles these checks away.
  if (makeHeap === debugHeap) {
    it("debug build: catches small double frees, bad frees and writes after free", () => {
      {
        const h = makeHeap();
        h.init(0);
        const p = h.alloc(24);
        h.free(p, 24);
        h.free(p, 24);
        expect(h.audit()).toBe(ERR_DOUBLE_FREE);
        const a = h.alloc(24);
        const b = h.alloc(24);
        expect(a).toBe(p);
        expect(b).not.toBe(p); // the list was not corrupted by the refused free
      }
      {
        const h = makeHeap();
        h.init(0);
        h.alloc(24);
        h.free(12_345, 24);
        expect(h.audit()).toBe(ERR_BAD_FREE);
      }
      {
        const h = makeHeap();
        h.init(0);
        const p = h.alloc(64);
        h.free(p, 64);
        h.bytes()[p + 20] = 1; // use after free
        expect(h.audit()).toBe(ERR_POISON);
        expect(h.alloc(64)).toBe(p); // the alloc notices it too, and still hands the block out
      }
      {
        const h = makeHeap();
        h.init(0);
        const p = h.alloc(64);
        h.free(p, 64);
        h.bytes()[p + 4] = 1; // the class tag
        expect(h.audit()).toBe(ERR_CLASS);
      }
      {
        const h = makeHeap();
        h.init(0);
        h.alloc(8);
        const p = h.alloc(10_000);
        h.alloc(10_000);
        h.free(p, 10_000);
        expect(h.audit()).toBe(OK);
        h.bytes()[p + 5000] = 1;
        expect(h.audit()).toBe(ERR_POISON);
      }
    });
  }
});
