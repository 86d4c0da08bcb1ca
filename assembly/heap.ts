/**
 * The VM's allocator: all Python objects live in linear memory managed here, never by
 * AssemblyScript's runtime (the module is built with --runtime stub, and assembly/ code must not
 * allocate managed objects — no `new`, no string building — at run time).
 *
 * API (stable: object layouts and the unmarshaller call it):
 *   heapInit(maxBytes)   (re)start an empty heap whose arena may use at most maxBytes (0 = as much
 *                        as wasm32 allows); alloc calls it itself if nobody did
 *   alloc(size)          8-aligned block of `size` bytes, zeroed; 0 when out of memory (then
 *                        outOfMemory() is true and the caller raises MemoryError). Never traps.
 *   free(ptr, size)      give a block back; `size` must be the size it was allocated with (objects
 *                        know their size from their type, so small blocks carry no size header)
 *   outOfMemory(), clearOutOfMemory()
 *   heapBytesInUse()     sum over live blocks of their size rounded up to 8 (0 counts as 8): the
 *                        figure leak checks compare, independent of the allocator's class rounding
 *   heapAudit()          walk every free structure; 0 = consistent, else a negative HEAP_ERR_* code
 *   heapChurn(n, size)   n alloc/free pairs in one wasm call, for tests and timing
 *   memoryPages()        memory.size(), so tests can see whether the heap grew
 *
 * ── Design ──────────────────────────────────────────────────────────────────────────────────────
 * Two allocators share one arena that starts on a page boundary above the static data:
 *
 *   arenaStart                                                  top           committed   limit
 *   │ block │ block │ chunk (64 KiB of small blocks) │ block │ ... │ wilderness │ (not grown) │
 *
 * 1. Small blocks (size <= 2048) come from 48 size classes, each a singly linked free list (LIFO)
 *    threaded through the freed blocks themselves, as in CPython's obmalloc pools. Classes: 8-byte steps up to 128 (16 classes: most objects — ints, floats, small
 *    tuples, frames of small functions — are 16-64 bytes), then 8 steps per power of two (144, 160,
 *    ..., 256, 288, ..., 2048), so rounding wastes at most 12.5%. The class of a size is one byte
 *    load from a 257-entry table indexed by (size + 7) >> 3, so alloc is: compare, class load,
 *    head load, link load, head store, zeroing; free: compare, class load, head load, two stores.
 *    No branch depends on the class. (Plus the heapBytesInUse counter, one add each way.)
 *    Empty class lists are refilled out of line from a bump region: the current 64 KiB "chunk",
 *    itself a large block. Blocks are cut from it one at a time on demand (no up-front threading
 *    of 64 KiB of list links); when a chunk cannot fit the next block, its tail is cut into blocks
 *    of the largest classes that fit and pushed on their lists, so nothing is stranded.
 *    Memory given to small classes stays with them (a freed 64-byte block is only ever reused as a
 *    64-byte block). That is obmalloc's trade-off too; the cost is that a program's peak number of
 *    small objects of each class stays reserved. Chunks are not returned to the large allocator.
 *
 * 2. Large blocks (size > 2048, and the chunks) have an 8-byte header and boundary tags, kept in
 *    segregated free lists: bins by floor(log2(size)) with 8 sub-bins each, a bitmap per level
 *    (the two-level segregated fit idea of TLSF, http://www.gii.upv.es/tlsf/), so finding a bin
 *    that surely fits is two ctz, never a list scan. Freed blocks coalesce with free neighbours at
 *    once; a free block that ends at `top` goes back to the wilderness, so the block just below
 *    `top` is never free (that keeps every "next block" read below `top`). A request first tries
 *    the head of its own bin (whose blocks may be too small), then the first non-empty bin above,
 *    then the wilderness; a found block is split when the rest is at least 64 bytes.
 *
 * 3. Linear memory grows only when the wilderness runs out, by max(needed, 1 MiB, 1/4 of the
 *    current size) pages, clamped to the cap; if the big step fails, by exactly what is needed;
 *    if that fails or the cap is reached, alloc returns 0 and sets the out-of-memory flag. Every
 *    size test is written as `need > limit - top` so that no u32 sum can wrap.
 *
 * Zeroing: alloc zeroes the rounded request only (not the whole class block): up to 128 bytes with
 * a loop of 8-byte stores, above that with memory.fill, which V8 runs as a call out of the
 * generated code. Measured 2026-11-23, Node 20.20.2, 2-vCPU AMD EPYC VM (shared, so absolute
 * numbers are noisy), in-wasm alloc+free pairs (heapChurn), best of 10: 8 bytes 6.4 ns with the
 * loop against 8.6 ns with memory.fill, 64 bytes 10.1 against 12.8, 128 bytes 8.7 against 8.8.
 * Large blocks carved above `dirtyEnd` (the highest address ever handed out since heapInit) are
 * fresh pages from memory.grow and are not zeroed at all, so a 100 MB list costs no 100 MB fill.
 *
 * Debug build: compiled in when the module is built with `--use PYVM_HEAP_DEBUG=1`, or whenever
 * assertions are on (asconfig's "debug" target); in the release build (`noAssert`) the checks
 * fold away. It adds: freed blocks poisoned with 0xDB (use-after-free writes are found at the
 * next alloc of the block or by heapAudit), a class tag in every freed small block (a double free
 * is confirmed by a list walk when the tag matches), checks of every freed pointer. Detected
 * errors are recorded, the offending free is ignored, and heapAudit() reports the first one.
 * The release build still refuses frees of large blocks that are already free or not in the
 * arena (one header load on a slow path), and heapAudit still checks every structural invariant.
 *
 * Memory layouts (all little-endian u32 words; addresses are byte offsets in linear memory):
 *
 *   Free small block (class size >= 8)          Large block: `b` is 8-aligned, payload = b + 8
 *   ┌──────────────┬──────────────┬───────┐     ┌──────────────┬─────────────────┬─────────────┐
 *   │ next u32     │ debug: tag   │ debug:│     │ prevSize u32 │ size|C|P|F  u32 │ payload ... │
 *   │ (0 = end)    │ FREE_TAG|cls │ 0xDB..│     │ (if P is set)│                 │             │
 *   └──────────────┴──────────────┴───────┘     └──────────────┴─────────────────┴─────────────┘
 *    0              4              8             0              4                 8
 *   A live small block is all payload.           F: this block is free  P: the block below is
 *                                                free  C: a small-block chunk (debug/audit aid)
 *   Free large block: payload starts with `next` (u32, +8) and `prev` (u32, +12) bin links; the
 *   block after it has P set and prevSize = this block's size, so free() finds the block below in
 *   O(1). size counts the header; blocks are >= 16 bytes and multiples of 8.
 *
 * Control block (static data, zero at instantiation, so an un-initialized heap looks empty and the
 * first alloc falls into the refill path, which calls heapInit(0): no init test on the hot path):
 *   +0     heads      u32[48]   small free-list heads per class
 *   +192   classSize  u16[48]
 *   +288   classOf    u8[257]   class of (size + 7) >> 3
 *   +576   bins       u32[256]  large free-list heads, index fl * 8 + sl
 *   +1600  slMap      u8[32]    bit sl set when bin (fl, sl) is non-empty; flMap (global) per fl
 */

// ── configuration ──────────────────────────────────────────────────────────────────────────────

/** Heap checks: `--use PYVM_HEAP_DEBUG=1`, or any build with assertions on. */
// @ts-ignore: isDefined/ASC_NO_ASSERT are compile-time builtins
const DEBUG: bool = isDefined(PYVM_HEAP_DEBUG) || !ASC_NO_ASSERT;

// @ts-ignore: decorator
@inline const SMALL_MAX: usize = 2048;
/** Small blocks up to this size are zeroed by a store loop, bigger ones by memory.fill. */
// @ts-ignore: decorator
@inline const ZERO_LOOP_MAX: usize = 128;
// @ts-ignore: decorator
@inline const NUM_CLASSES: usize = 48;
/** Small blocks are cut from chunks of this many bytes (header included). */
// @ts-ignore: decorator
@inline const CHUNK_BYTES: usize = 64 * 1024;
/** Large block header size; also the payload offset. */
// @ts-ignore: decorator
@inline const HEADER: usize = 8;
// @ts-ignore: decorator
@inline const MIN_BLOCK: usize = 16;
/** A found large block is split only if the rest is at least this big. */
// @ts-ignore: decorator
@inline const MIN_SPLIT: usize = 64;
/** Largest single request; keeps every rounding below 2^31 so no u32 computation wraps. */
// @ts-ignore: decorator
@inline const MAX_REQUEST: usize = 0x7fff0000;
/** Highest arena end: the last 64 KiB page of the 4 GiB wasm32 space is never used. */
// @ts-ignore: decorator
@inline const MAX_END: usize = 0xffff0000;
/** Minimum memory.grow step in pages (1 MiB). */
// @ts-ignore: decorator
@inline const GROW_MIN_PAGES: i32 = 16;

// boundary-tag bits in LargeBlock.info
// @ts-ignore: decorator
@inline const F_FREE: u32 = 1;
// @ts-ignore: decorator
@inline const F_PREV_FREE: u32 = 2;
// @ts-ignore: decorator
@inline const F_CHUNK: u32 = 4;
// @ts-ignore: decorator
@inline const SIZE_MASK: u32 = ~7;

// @ts-ignore: decorator
@inline const FREE_TAG: u32 = 0xf7ee0000;
// @ts-ignore: decorator
@inline const POISON_BYTE: u8 = 0xdb;
// @ts-ignore: decorator
@inline const POISON64: u64 = 0xdbdbdbdbdbdbdbdb;

// heapAudit results (also recorded by the debug checks in free/alloc)
export const HEAP_OK: i32 = 0;
/** A free-list entry (or link) lies outside the arena. */
export const HEAP_ERR_RANGE: i32 = -1;
/** A free-list entry is not 8-aligned. */
export const HEAP_ERR_ALIGN: i32 = -2;
/** A free list is longer than the arena could hold: it has a cycle. */
export const HEAP_ERR_CYCLE: i32 = -3;
/** (debug) A free small block's tag names another class or was overwritten. */
export const HEAP_ERR_CLASS: i32 = -4;
/** (debug) A freed block was written after free (poison changed). */
export const HEAP_ERR_POISON: i32 = -5;
/** A large-block header is corrupt: size too small, misaligned or past `top`. */
export const HEAP_ERR_BLOCK: i32 = -6;
/** Boundary tags disagree: P bit, prevSize, two adjacent free blocks, free block below `top`. */
export const HEAP_ERR_TAGS: i32 = -7;
/** Large bins: block in the wrong bin, bitmap mismatch, broken back link, or count mismatch. */
export const HEAP_ERR_BINS: i32 = -8;
/** free() of a block that is already free (always for large blocks; debug build for small). */
export const HEAP_ERR_DOUBLE_FREE: i32 = -9;
/** free() of a pointer that is not a block of the arena. */
export const HEAP_ERR_BAD_FREE: i32 = -10;
/** heapBytesInUse exceeds the arena. */
export const HEAP_ERR_ACCOUNT: i32 = -11;

// ── state ──────────────────────────────────────────────────────────────────────────────────────

const CTRL: usize = memory.data(1664, 64);
/** The cycle collector's table control block (gc.ts): zeroed with the heap, whose blocks it names. */
export const GC_CONTROL: usize = memory.data(64, 8);
// @ts-ignore: decorator
@inline const HEADS: usize = CTRL;
// @ts-ignore: decorator
@inline const CLASS_SIZE: usize = CTRL + 192;
// @ts-ignore: decorator
@inline const CLASS_OF: usize = CTRL + 288;
// @ts-ignore: decorator
@inline const BINS: usize = CTRL + 576;
// @ts-ignore: decorator
@inline const SL_MAP: usize = CTRL + 1600;
// @ts-ignore: decorator
@inline const CTRL_USED: usize = 1632;

let initialized: bool = false;
let arenaStart: usize = 0;
/** End of the last block; [top, committed) is the wilderness. */
let top: usize = 0;
/** The arena may not grow past this address (heapInit's cap). */
let limit: usize = 0;
/** Everything at or above this address is untouched since memory.grow (reads as zero). */
let dirtyEnd: usize = 0;
/** Current small-block chunk: blocks are cut from [bumpCur, bumpEnd). */
let bumpCur: usize = 0;
let bumpEnd: usize = 0;
/** Bit fl set when slMap[fl] != 0. */
let flMap: u32 = 0;
let inUse: usize = 0;
let oom: bool = false;
/** First error found by a check in free/alloc (0 = none); heapAudit reports it. */
let heapError: i32 = 0;

// ── layouts ────────────────────────────────────────────────────────────────────────────────────

/**
 * Header of a large block (and of a chunk). Offsets 8 and 12 exist only while the block is free.
 *
 *   0            4                   8            12           16
 *   [ prevSize   | size | C | P | F  | next       | prev       ]  ...
 */
@unmanaged
class LargeBlock {
  /** Size of the block below; valid only when this block's F_PREV_FREE is set. */
  prevSize: u32;
  /** Block size in bytes (header included, multiple of 8) | F_CHUNK | F_PREV_FREE | F_FREE. */
  info: u32;
  /** Free only: next block in the same bin (0 = last). */
  next: u32;
  /** Free only: previous block in the same bin (0 = this is the bin head). */
  prev: u32;
}

/**
 * A free small block.
 *
 *   0            4                   8 ... class size
 *   [ next       | debug: FREE_TAG|c | debug: 0xDB poison ]
 */
@unmanaged
class SmallFree {
  next: u32;
  tag: u32;
}

// @ts-ignore: decorator
@inline function large(b: usize): LargeBlock {
  return changetype<LargeBlock>(b);
}
// @ts-ignore: decorator
@inline function smallFree(p: usize): SmallFree {
  return changetype<SmallFree>(p);
}

// @ts-ignore: decorator
@inline function roundUp(size: usize): usize {
  return (size + 7) & ~(<usize>7);
}
/** Zero n bytes at p (n a multiple of 8, >= 8); see "Zeroing" above for the threshold. */
// @ts-ignore: decorator
@inline function zeroSmall(p: usize, n: usize): void {
  if (n <= ZERO_LOOP_MAX) {
    const end = p + n;
    do {
      store<u64>(p, 0);
      p += 8;
    } while (p < end);
  } else {
    memory.fill(p, 0, n);
  }
}
/** The bytes heapBytesInUse counts for a request: rounded up to 8, at least 8. */
// @ts-ignore: decorator
@inline function accounted(size: usize): usize {
  return max(roundUp(size), 8);
}
// @ts-ignore: decorator
@inline function classOf(size: usize): usize {
  return <usize>load<u8>(CLASS_OF + ((size + 7) >> 3));
}
// @ts-ignore: decorator
@inline function classSize(c: usize): usize {
  return <usize>load<u16>(CLASS_SIZE + (c << 1));
}
// @ts-ignore: decorator
@inline function headOf(c: usize): usize {
  return HEADS + (c << 2);
}

function record(err: i32): void {
  if (heapError == 0) heapError = err;
}

// ── public API ─────────────────────────────────────────────────────────────────────────────────

export function heapInit(maxBytes: usize): void {
  // Start at least a page above the static data: the host copies input to scratchBase() there,
  // and AssemblyScript's (unused) stub heap begins at __heap_base.
  arenaStart = (<usize>__heap_base + 0x1ffff) & ~(<usize>0xffff);
  const room = MAX_END - arenaStart;
  limit = maxBytes == 0 || maxBytes > room ? MAX_END : arenaStart + maxBytes;
  top = arenaStart;
  // All memory committed so far may hold old data (a re-init, or host input); only pages grown
  // from now on are known to be zero.
  dirtyEnd = max(arenaStart, <usize>min(memory.size(), 0xffff) << 16); // no wrap at 4 GiB
  bumpCur = 0;
  bumpEnd = 0;
  flMap = 0;
  inUse = 0;
  oom = false;
  heapError = 0;
  memory.fill(CTRL, 0, CTRL_USED);
  memory.fill(GC_CONTROL, 0, 64);
  // classSize: 8..128 in steps of 8, then 8 steps per power of two up to 2048.
  for (let c: usize = 0; c < NUM_CLASSES; c++) {
    let size: usize;
    if (c < 16) {
      size = (c + 1) << 3;
    } else {
      const pow = <usize>7 + ((c - 16) >> 3); // class sizes in (2^pow, 2^(pow+1)]
      size = (<usize>1 << pow) + (((c - 16) & 7) + 1) * (<usize>1 << (pow - 3));
    }
    store<u16>(CLASS_SIZE + (c << 1), <u16>size);
  }
  // classOf[k]: the smallest class holding k * 8 bytes (k = 0 is a 0-byte request: 8 bytes).
  let c: usize = 0;
  for (let k: usize = 0; k <= SMALL_MAX >> 3; k++) {
    while (classSize(c) < (k << 3)) c++;
    store<u8>(CLASS_OF + k, <u8>c);
  }
  initialized = true;
}

/**
 * Everything at or above this address still reads as zero: the host that reuses this linear memory
 * for another instance zeroes [0, heapDirtyEnd()) first (host/memory-pool.ts).
 */
export function heapDirtyEnd(): usize {
  return dirtyEnd;
}

/**
 * Build time (vm.ts vmSnapshotInit): zero what free memory still holds — freed small blocks past
 * their link, freed large blocks past their links, the rest of the current chunk, the wilderness
 * below dirtyEnd — and lower dirtyEnd to top. A start-up snapshot (tools/snapshot-vm.mjs, which
 * leaves zero runs out) then stores live data only: start-up frees much of what it builds.
 * Release build only: the debug build's poison is what its audit checks.
 */
export function heapScrubFree(): void {
  if (DEBUG || !initialized) return;
  for (let c: usize = 0; c < NUM_CLASSES; c++) {
    const cs = classSize(c);
    for (let e = <usize>load<u32>(headOf(c)); e != 0; e = <usize>smallFree(e).next) {
      memory.fill(e + 4, 0, cs - 4);
    }
  }
  for (let b = arenaStart; b < top; ) {
    const info = large(b).info;
    const size = <usize>(info & SIZE_MASK);
    if ((info & F_FREE) != 0 && size > 16) memory.fill(b + 16, 0, size - 16);
    b += size;
  }
  if (bumpCur < bumpEnd) memory.fill(bumpCur, 0, bumpEnd - bumpCur);
  if (dirtyEnd > top) {
    memory.fill(top, 0, dirtyEnd - top);
    dirtyEnd = top;
  }
}

/** End of the arena's last block (the snapshot tool sizes the initial memory by it). */
export function heapTop(): usize {
  return top;
}

/** Sets heapInit's cap again (a VM restored from a start-up snapshot made without one); never below what is in use. */
export function heapSetLimit(maxBytes: usize): void {
  const room = MAX_END - arenaStart;
  limit = maxBytes == 0 || maxBytes > room ? MAX_END : max(top, arenaStart + maxBytes);
}

export function alloc(size: usize): usize {
  if (size <= SMALL_MAX) {
    const p = takeSmall(size);
    if (p != 0) {
      zeroSmall(p, accounted(size));
      return p;
    }
    return allocSmallRefill(size);
  }
  return allocLarge(size);
}

/** Pops a block of size's class (size <= SMALL_MAX) and counts it in use; 0 when the class is empty. */
// @ts-ignore: decorator
@inline function takeSmall(size: usize): usize {
  const c = classOf(size);
  const head = headOf(c);
  const p = <usize>load<u32>(head);
  if (p != 0) {
    let next = <usize>smallFree(p).next;
    if (DEBUG) next = debugCheckPopped(p, c, next);
    store<u32>(head, <u32>next);
    inUse += accounted(size);
  }
  return p;
}

/**
 * alloc's fast path inlined into its caller, for the sizes objects die and are born by the million
 * (a float's 16 bytes: nbody spent a fifth of its time in alloc and free calls). `size` is a
 * constant at every use, so the class lookup is one load. The block is NOT zeroed: the caller
 * writes all of it. Debug builds take alloc, with its checks.
 */
// @ts-ignore: decorator
@inline export function allocHot(size: usize): usize {
  if (!DEBUG && size <= SMALL_MAX) {
    const p = takeSmall(size);
    if (p != 0) return p;
  }
  return alloc(size);
}

/** free's small-block path inlined, the partner of allocHot. */
// @ts-ignore: decorator
@inline export function freeHot(ptr: usize, size: usize): void {
  if (!DEBUG && size <= SMALL_MAX) {
    giveSmall(ptr, size);
    return;
  }
  free(ptr, size);
}

/** Pushes a block of size's class (size <= SMALL_MAX) and counts it free. */
// @ts-ignore: decorator
@inline function giveSmall(ptr: usize, size: usize): void {
  pushSmall(ptr, classOf(size));
  inUse -= accounted(size);
}

export function free(ptr: usize, size: usize): void {
  if (ptr == 0) return;
  if (size <= SMALL_MAX) {
    if (DEBUG) {
      if (!debugCheckSmallFree(ptr, classOf(size))) return;
    }
    giveSmall(ptr, size);
    return;
  }
  freeLarge(ptr, size);
}

/**
 * Resizes a block keeping its first min(oldSize, newSize) bytes; bytes past oldSize read as zero.
 * A large block grows in place when the wilderness or a free block lies right above it (CPython's
 * lists grow through realloc, which does the same: a list appended to a million times is not
 * copied a hundred times into fresh pages). Returns the (possibly moved) block, or 0 when out of
 * memory — the old block is then still the caller's.
 */
export function heapRealloc(ptr: usize, oldSize: usize, newSize: usize): usize {
  if (ptr != 0 && oldSize > SMALL_MAX && newSize > oldSize && newSize <= MAX_REQUEST) {
    if (growInPlace(ptr - HEADER, roundUp(newSize) + HEADER)) {
      const from = ptr + roundUp(oldSize);
      memory.fill(from, 0, ptr + roundUp(newSize) - from);
      inUse += roundUp(newSize) - roundUp(oldSize);
      return ptr;
    }
  }
  const p = alloc(newSize);
  if (p == 0) return 0;
  if (ptr != 0) {
    memory.copy(p, ptr, min(oldSize, newSize));
    free(ptr, oldSize);
  }
  return p;
}

/** Grows used large block b to `need` bytes (header included) without moving it, if it can. */
function growInPlace(b: usize, need: usize): bool {
  const info = large(b).info;
  const size = <usize>(info & SIZE_MASK);
  if ((info & (F_FREE | F_CHUNK)) != 0 || need <= size) return false;
  const above = b + size;
  if (above == top) {
    // The wilderness: memory past dirtyEnd is fresh, the rest is zeroed by the caller.
    if (need - size > limit - top || !ensureCommitted(b + need)) return false;
    large(b).info = <u32>need | (info & F_PREV_FREE);
    top = b + need;
    if (top > dirtyEnd) dirtyEnd = top;
    return true;
  }
  const aboveInfo = large(above).info;
  if ((aboveInfo & F_FREE) == 0) return false;
  const merged = size + <usize>(aboveInfo & SIZE_MASK);
  if (merged < need) return false;
  removeFree(above, merged - size);
  if (merged - need >= MIN_SPLIT) {
    large(b).info = <u32>need | (info & F_PREV_FREE);
    insertFree(b + need, merged - need);
  } else {
    large(b).info = <u32>merged | (info & F_PREV_FREE);
    if (b + merged != top) large(b + merged).info &= ~F_PREV_FREE;
  }
  return true;
}

export function outOfMemory(): bool {
  return oom;
}

export function clearOutOfMemory(): void {
  oom = false;
}

export function heapBytesInUse(): usize {
  return inUse;
}

/** memory.size() in 64 KiB pages. */
export function memoryPages(): i32 {
  return memory.size();
}

/**
 * n alloc/free pairs of `size` bytes (each block written once), all inside wasm: the timing loop
 * and the "memory stays flat" test. Returns 0, or -1 if an allocation failed.
 */
export function heapChurn(n: i32, size: usize): i32 {
  for (let i = 0; i < n; i++) {
    const p = alloc(size);
    if (p == 0) return -1;
    store<u32>(p, <u32>i);
    free(p, size);
  }
  return 0;
}

// ── small blocks: slow paths ───────────────────────────────────────────────────────────────────

// @ts-ignore: decorator
@inline function pushSmall(p: usize, c: usize): void {
  if (DEBUG) {
    memory.fill(p + 8, POISON_BYTE, classSize(c) - 8);
    smallFree(p).tag = FREE_TAG | <u32>c;
  }
  const head = headOf(c);
  smallFree(p).next = load<u32>(head);
  store<u32>(head, <u32>p);
}

/** The class list is empty (or the heap is not initialized yet): cut a block from the chunk. */
function allocSmallRefill(size: usize): usize {
  if (!initialized) {
    heapInit(0);
    return alloc(size);
  }
  const c = classOf(size);
  const cs = classSize(c);
  if (cs > bumpEnd - bumpCur) {
    retireChunkTail();
    let b = takeBlock(CHUNK_BYTES);
    // Near the cap a whole chunk may not fit; a chunk of one block still might.
    if (b == 0) b = takeBlock(cs + HEADER);
    if (b == 0) {
      oom = true;
      return 0;
    }
    large(b).info |= F_CHUNK;
    bumpCur = b + HEADER;
    bumpEnd = b + (<usize>large(b).info & SIZE_MASK);
  }
  const p = bumpCur;
  bumpCur = p + cs;
  const n = accounted(size);
  inUse += n;
  zeroSmall(p, n);
  return p;
}

/** Cut what is left of the current chunk into blocks of the largest classes that fit. */
function retireChunkTail(): void {
  let p = bumpCur;
  let rest = bumpEnd - bumpCur; // a multiple of 8
  while (rest >= 8) {
    let c = classOf(min(rest, SMALL_MAX));
    if (classSize(c) > rest) c--;
    const cs = classSize(c);
    pushSmall(p, c);
    p += cs;
    rest -= cs;
  }
  bumpCur = 0;
  bumpEnd = 0;
}

// ── large blocks ───────────────────────────────────────────────────────────────────────────────

function allocLarge(size: usize): usize {
  if (!initialized) heapInit(0);
  if (size > MAX_REQUEST) {
    oom = true;
    return 0;
  }
  const n = roundUp(size);
  const clean = dirtyEnd; // takeBlock may raise it
  const b = takeBlock(n + HEADER);
  if (b == 0) {
    oom = true;
    return 0;
  }
  const p = b + HEADER;
  if (p < clean) memory.fill(p, 0, min(p + n, clean) - p);
  inUse += n;
  return p;
}

function freeLarge(ptr: usize, size: usize): void {
  const b = ptr - HEADER;
  if (ptr < arenaStart + HEADER || b >= top || (ptr & 7) != 0) {
    record(HEAP_ERR_BAD_FREE);
    return;
  }
  const info = large(b).info;
  if ((info & F_FREE) != 0) {
    record(HEAP_ERR_DOUBLE_FREE);
    return;
  }
  if (DEBUG) {
    const blockSize = <usize>(info & SIZE_MASK);
    if ((info & F_CHUNK) != 0 || blockSize < roundUp(size) + HEADER || blockSize > top - b) {
      record(HEAP_ERR_BAD_FREE);
      return;
    }
  }
  inUse -= roundUp(size);
  releaseBlock(b);
}

/** Bin of a free block of `size` bytes: fl = floor(log2(size)), sl = the next 3 bits. */
// @ts-ignore: decorator
@inline function binFl(size: usize): usize {
  return <usize>(31 - clz(<u32>size));
}
// @ts-ignore: decorator
@inline function binSl(size: usize, fl: usize): usize {
  return (size >> (fl - 3)) & 7;
}
// @ts-ignore: decorator
@inline function binSlot(fl: usize, sl: usize): usize {
  return BINS + (((fl << 3) | sl) << 2);
}

function insertFree(b: usize, size: usize): void {
  const fl = binFl(size);
  const sl = binSl(size, fl);
  const slot = binSlot(fl, sl);
  const head = <usize>load<u32>(slot);
  const blk = large(b);
  blk.info = <u32>size | F_FREE; // the block below is in use: free neighbours were merged
  blk.next = <u32>head;
  blk.prev = 0;
  if (head != 0) large(head).prev = <u32>b;
  store<u32>(slot, <u32>b);
  store<u8>(SL_MAP + fl, load<u8>(SL_MAP + fl) | <u8>(<u32>1 << <u32>sl));
  flMap |= <u32>1 << <u32>fl;
  // A free block never ends at `top`, so the block above exists.
  const above = large(b + size);
  above.prevSize = <u32>size;
  above.info |= F_PREV_FREE;
}

function removeFree(b: usize, size: usize): void {
  const blk = large(b);
  const next = <usize>blk.next;
  const prev = <usize>blk.prev;
  if (prev != 0) {
    large(prev).next = <u32>next;
  } else {
    const fl = binFl(size);
    const sl = binSl(size, fl);
    store<u32>(binSlot(fl, sl), <u32>next);
    if (next == 0) {
      const bits = load<u8>(SL_MAP + fl) & ~<u8>(<u32>1 << <u32>sl);
      store<u8>(SL_MAP + fl, bits);
      if (bits == 0) flMap &= ~(<u32>1 << <u32>fl);
    }
  }
  if (next != 0) large(next).prev = <u32>prev;
}

/** The first free block in bin (fl, sl) or any bin above it; 0 if none. */
function findFree(fl: usize, sl: usize): usize {
  let bits = <u32>load<u8>(SL_MAP + fl) & (<u32>0xff << <u32>sl);
  if (bits == 0) {
    if (fl >= 31) return 0;
    const fls = flMap & (<u32>0xffffffff << <u32>(fl + 1));
    if (fls == 0) return 0;
    fl = <usize>ctz(fls);
    bits = <u32>load<u8>(SL_MAP + fl);
  }
  return <usize>load<u32>(binSlot(fl, <usize>ctz(bits)));
}

/**
 * A used block of at least `need` bytes (header included, multiple of 8, <= MAX_REQUEST + 8),
 * from the bins or the wilderness; 0 if neither has room. Never sets the oom flag.
 */
function takeBlock(need: usize): usize {
  // The head of the request's own bin fits if it is big enough; every block of the bins above
  // the request rounded up to a bin boundary fits.
  let fl = binFl(need);
  let b = <usize>load<u32>(binSlot(fl, binSl(need, fl)));
  if (b == 0 || <usize>(large(b).info & SIZE_MASK) < need) {
    const step = <usize>1 << (fl - 3);
    const rounded = (need + step - 1) & ~(step - 1);
    fl = binFl(rounded);
    b = findFree(fl, binSl(rounded, fl));
  }
  if (b != 0) {
    const size = <usize>(large(b).info & SIZE_MASK);
    removeFree(b, size);
    if (DEBUG) {
      if (!poisonIntact(b + 16, b + size)) record(HEAP_ERR_POISON);
    }
    if (size - need >= MIN_SPLIT) {
      large(b).info = <u32>need;
      insertFree(b + need, size - need);
    } else {
      large(b).info = <u32>size;
      large(b + size).info &= ~F_PREV_FREE;
    }
    return b;
  }
  if (need > limit - top) return 0;
  if (!ensureCommitted(top + need)) return 0;
  b = top;
  large(b).info = <u32>need; // the block below `top` is never free
  top = b + need;
  if (top > dirtyEnd) dirtyEnd = top;
  return b;
}

/** Free a used block: merge with free neighbours, then bin it or give it back to the wilderness. */
function releaseBlock(b: usize): void {
  let size = <usize>(large(b).info & SIZE_MASK);
  const prevFree = (large(b).info & F_PREV_FREE) != 0;
  const above = b + size;
  if (above != top) {
    const info = large(above).info;
    if ((info & F_FREE) != 0) {
      const aboveSize = <usize>(info & SIZE_MASK);
      removeFree(above, aboveSize);
      size += aboveSize;
    }
  }
  if (prevFree) {
    const belowSize = <usize>large(b).prevSize;
    b -= belowSize;
    removeFree(b, belowSize);
    size += belowSize;
  }
  if (b + size == top) {
    top = b;
    return;
  }
  insertFree(b, size);
  if (DEBUG) memory.fill(b + 16, POISON_BYTE, size - 16);
}

/** Make [.., end) addressable, growing memory in big steps but never past `limit`. */
function ensureCommitted(end: usize): bool {
  const need = <i32>((end + 0xffff) >> 16); // end <= limit <= MAX_END: no wrap
  const have = memory.size();
  if (need <= have) return true;
  const maxPages = <i32>((limit + 0xffff) >> 16);
  const want = min(max(need, have + max(GROW_MIN_PAGES, have >> 2)), maxPages);
  if (memory.grow(want - have) >= 0) return true;
  return memory.grow(need - have) >= 0;
}

// ── debug checks ───────────────────────────────────────────────────────────────────────────────

function poisonIntact(from: usize, to: usize): bool {
  for (let q = from; q < to; q += 8) {
    if (load<u64>(q) != POISON64) return false;
  }
  return true;
}

// @ts-ignore: decorator
@inline function inArena(p: usize, bytes: usize): bool {
  return p >= arenaStart && p < top && bytes <= top - p;
}

/** Debug: check a block popped from class c's list; returns the next link to install. */
function debugCheckPopped(p: usize, c: usize, next: usize): usize {
  if (smallFree(p).tag != (FREE_TAG | <u32>c)) record(HEAP_ERR_CLASS);
  else if (!poisonIntact(p + 8, p + classSize(c))) record(HEAP_ERR_POISON);
  if (next != 0 && (!inArena(next, classSize(c)) || (next & 7) != 0)) {
    record(HEAP_ERR_RANGE);
    return 0; // drop the damaged rest of the list rather than follow a wild link
  }
  return next;
}

/** Debug: false (and the error recorded) if ptr must not go on class c's free list. */
function debugCheckSmallFree(ptr: usize, c: usize): bool {
  if (!initialized || !inArena(ptr, classSize(c)) || (ptr & 7) != 0) {
    record(HEAP_ERR_BAD_FREE);
    return false;
  }
  if (smallFree(ptr).tag == (FREE_TAG | <u32>c)) {
    // Probably a double free (or live data that happens to equal the tag): confirm by a walk.
    const maxSteps = (top - arenaStart) / classSize(c) + 1;
    let q = <usize>load<u32>(headOf(c));
    for (let i: usize = 0; q != 0 && i < maxSteps; i++) {
      if (q == ptr) {
        record(HEAP_ERR_DOUBLE_FREE);
        return false;
      }
      q = <usize>smallFree(q).next;
    }
  }
  return true;
}

// ── audit ──────────────────────────────────────────────────────────────────────────────────────

/**
 * Check every invariant that can be checked without knowing the live objects; 0 or HEAP_ERR_*.
 * Cost: one pass over all large blocks and chunks, all bins and all small free lists (plus, in
 * the debug build, every byte of poison).
 */
export function heapAudit(): i32 {
  if (heapError != 0) return heapError;
  if (!initialized) return HEAP_OK;
  if (inUse > top - arenaStart) return HEAP_ERR_ACCOUNT;

  // 1. Physical walk of the large blocks: sizes tile [arenaStart, top), tags agree.
  let b = arenaStart;
  let belowFree = false;
  let belowSize: usize = 0;
  let freeBlocks: usize = 0;
  while (b < top) {
    const info = large(b).info;
    const size = <usize>(info & SIZE_MASK);
    if (size < MIN_BLOCK || size > top - b) return HEAP_ERR_BLOCK;
    if (((info & F_PREV_FREE) != 0) != belowFree) return HEAP_ERR_TAGS;
    if (belowFree && <usize>large(b).prevSize != belowSize) return HEAP_ERR_TAGS;
    const isFree = (info & F_FREE) != 0;
    if (isFree) {
      if (belowFree) return HEAP_ERR_TAGS; // should have been merged
      if ((info & F_CHUNK) != 0) return HEAP_ERR_BLOCK;
      freeBlocks++;
      if (DEBUG) {
        if (!poisonIntact(b + 16, b + size)) return HEAP_ERR_POISON;
      }
    }
    belowFree = isFree;
    belowSize = size;
    b += size;
  }
  if (b != top) return HEAP_ERR_BLOCK;
  if (belowFree) return HEAP_ERR_TAGS; // the block below `top` must have gone to the wilderness

  // 2. Large bins: each entry free, in its bin, back links right; bitmaps match; counts match.
  let binned: usize = 0;
  for (let fl: usize = 0; fl < 32; fl++) {
    const slBits = <u32>load<u8>(SL_MAP + fl);
    if (((flMap >> <u32>fl) & 1) != <u32>(slBits != 0)) return HEAP_ERR_BINS;
    for (let sl: usize = 0; sl < 8; sl++) {
      let e = <usize>load<u32>(binSlot(fl, sl));
      if (((slBits >> <u32>sl) & 1) != <u32>(e != 0)) return HEAP_ERR_BINS;
      let prev: usize = 0;
      while (e != 0) {
        if (!inArena(e, MIN_BLOCK)) return HEAP_ERR_RANGE;
        if ((e & 7) != 0) return HEAP_ERR_ALIGN;
        if (++binned > freeBlocks) return HEAP_ERR_CYCLE;
        const info = large(e).info;
        const size = <usize>(info & SIZE_MASK);
        if ((info & F_FREE) == 0 || size < MIN_BLOCK) return HEAP_ERR_BINS;
        const efl = binFl(size);
        if (efl != fl || binSl(size, efl) != sl) return HEAP_ERR_BINS;
        if (<usize>large(e).prev != prev) return HEAP_ERR_BINS;
        prev = e;
        e = <usize>large(e).next;
      }
    }
  }
  if (binned != freeBlocks) return HEAP_ERR_BINS;

  // 3. Small free lists: entries inside the arena, aligned, finite; (debug) tagged and poisoned.
  for (let c: usize = 0; c < NUM_CLASSES; c++) {
    const cs = classSize(c);
    const maxSteps = (top - arenaStart) / cs;
    let steps: usize = 0;
    let e = <usize>load<u32>(headOf(c));
    while (e != 0) {
      if (!inArena(e, cs)) return HEAP_ERR_RANGE;
      if ((e & 7) != 0) return HEAP_ERR_ALIGN;
      if (++steps > maxSteps) return HEAP_ERR_CYCLE;
      if (DEBUG) {
        if (smallFree(e).tag != (FREE_TAG | <u32>c)) return HEAP_ERR_CLASS;
        if (!poisonIntact(e + 8, e + cs)) return HEAP_ERR_POISON;
      }
      e = <usize>smallFree(e).next;
    }
  }
  if (bumpCur != 0 && (bumpCur < arenaStart || bumpCur > bumpEnd || bumpEnd > top)) {
    return HEAP_ERR_RANGE;
  }
  return HEAP_OK;
}
