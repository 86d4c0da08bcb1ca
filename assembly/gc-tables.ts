/**
 * The cycle collector's tracking tables (gc.ts has the algorithm and the design): which kinds are
 * tracked, the generation hash sets, and gcTrack / gcUntrack, the two calls on the allocation and
 * deallocation paths. A leaf module (it imports only heap.ts), because object.ts and refcount.ts,
 * which everything imports, call it.
 */
import { alloc, free, GC_CONTROL } from "./heap";

/** Kinds below this are looked up in GC_KINDS; kinds added later default to untracked. */
export const GC_KIND_LIMIT: u32 = 128;
/** u8 per kind: 1 = tracked (gc-traverse.ts gcInitKinds fills it at start-up; zero = untracked). */
export const GC_KINDS: usize = memory.data(<i32>GC_KIND_LIMIT, 8);

/** Whether objects of this kind are tracked. */
// @ts-ignore: decorator
@inline export function gcKindTracked(kind: u32): bool {
  return kind < GC_KIND_LIMIT && load<u8>(GC_KINDS + <usize>kind) != 0;
}

// ── tables ─────────────────────────────────────────────────────────────────────────────────────

// @ts-ignore: decorator
@inline export const SLOT: usize = 16;
// @ts-ignore: decorator
@inline export const MIN_CAP: u32 = 256;
/** __del__ (or a generator's close) already ran (PEP 442: once per object). */
// @ts-ignore: decorator
@inline export const F_FINALIZED: u32 = 1;
/** Reachable (during a collection). */
// @ts-ignore: decorator
@inline export const F_MARK: u32 = 2;
/** Garbage CPython would not count (an instance's __dict__: CPython 3.11 keeps it inline). */
// @ts-ignore: decorator
@inline export const F_UNCOUNTED: u32 = 4;
// @ts-ignore: decorator
@inline export const PTR_MASK: u32 = ~(<u32>7);
// @ts-ignore: decorator
@inline export const WORK: i32 = 3;

// @ts-ignore: decorator
@inline export function table(t: i32): usize {
  return GC_CONTROL + (<usize>t << 4);
}
// @ts-ignore: decorator
@inline export function tSlots(t: usize): usize {
  return <usize>load<u32>(t);
}
// @ts-ignore: decorator
@inline export function tCap(t: usize): u32 {
  return load<u32>(t, 4);
}
// @ts-ignore: decorator
@inline export function tCount(t: usize): u32 {
  return load<u32>(t, 8);
}
// @ts-ignore: decorator
@inline function homeOf(t: usize, p: u32): u32 {
  return (p * 0x9e3779b1) >>> load<u32>(t, 12);
}

/** The slot of p in table t, or 0. */
export function findSlot(t: usize, p: usize): usize {
  const cap = tCap(t);
  if (cap == 0) return 0;
  const slots = tSlots(t);
  const mask = cap - 1;
  let i = homeOf(t, <u32>p);
  while (true) {
    const s = slots + (<usize>i << 4);
    const k = load<u32>(s);
    if (k == 0) return 0;
    if ((k & PTR_MASK) == <u32>p) return s;
    i = (i + 1) & mask;
  }
}

/** Puts a slot (key with flags, seq, aux) into t, which has room. Returns the slot. */
export function placeSlot(t: usize, key: u32, seq: u32, aux: u32): usize {
  const slots = tSlots(t);
  const mask = tCap(t) - 1;
  let i = homeOf(t, key & PTR_MASK);
  while (load<u32>(slots + (<usize>i << 4)) != 0) i = (i + 1) & mask;
  const s = slots + (<usize>i << 4);
  store<u32>(s, key);
  store<u32>(s, seq, 4);
  store<i32>(s, 0, 8);
  store<u32>(s, aux, 12);
  store<u32>(t, tCount(t) + 1, 8);
  return s;
}

/** Rebuilds t with `cap` slots (a power of two >= MIN_CAP, > 2 * count). False when out of memory. */
export function resize(t: usize, cap: u32): bool {
  const nslots = alloc(<usize>cap << 4);
  if (nslots == 0) return false;
  const old = tSlots(t);
  const oldCap = tCap(t);
  store<u32>(t, <u32>nslots);
  store<u32>(t, cap, 4);
  store<u32>(t, 0, 8);
  store<u32>(t, <u32>clz(cap) + 1, 12); // 32 - log2(cap)
  for (let i: u32 = 0; i < oldCap; i++) {
    const s = old + (<usize>i << 4);
    const k = load<u32>(s);
    if (k != 0) placeSlot(t, k, load<u32>(s, 4), load<u32>(s, 12));
  }
  if (oldCap != 0) free(old, <usize>oldCap << 4);
  return true;
}

/** Makes room for n more slots (load factor <= 1/2). */
export function reserve(t: usize, n: u32): bool {
  const need = (tCount(t) + n) << 1;
  let cap = tCap(t);
  if (need <= cap) return true;
  if (cap < MIN_CAP) cap = MIN_CAP;
  while (cap < need) cap <<= 1;
  return resize(t, cap);
}

/** Removes slot s from t (backward-shift deletion: later slots of the probe run move up). */
export function removeSlot(t: usize, s: usize): void {
  const slots = tSlots(t);
  const mask = tCap(t) - 1;
  let i = <u32>((s - slots) >> 4);
  let j = i;
  while (true) {
    j = (j + 1) & mask;
    const sj = slots + (<usize>j << 4);
    const k = load<u32>(sj);
    if (k == 0) break;
    const h = homeOf(t, k & PTR_MASK);
    // The entry at j may move to i unless its home lies cyclically in (i, j].
    const stays = i <= j ? h > i && h <= j : h > i || h <= j;
    if (!stays) {
      memory.copy(slots + (<usize>i << 4), sj, SLOT);
      i = j;
    }
  }
  const si = slots + (<usize>i << 4);
  store<u64>(si, 0);
  store<u64>(si, 0, 8);
  store<u32>(t, tCount(t) - 1, 8);
}

/** Moves every slot of `from` into `to` (flags and seq kept, F_MARK dropped); `from` ends empty. */
export function moveAll(from: usize, to: usize): bool {
  const n = tCount(from);
  if (n == 0) return true;
  if (!reserve(to, n)) return false;
  const slots = tSlots(from);
  const cap = tCap(from);
  for (let i: u32 = 0; i < cap; i++) {
    const s = slots + (<usize>i << 4);
    const k = load<u32>(s);
    if (k != 0) placeSlot(to, k & ~F_MARK, load<u32>(s, 4), 0);
  }
  emptyTable(from);
  return true;
}

/**
 * Drops every slot. The block is kept up to 256 KiB (16384 slots): the young tables fill up to
 * the same size again and again, and regrowing them doubling by doubling cost a collection of
 * generation 1 more than its marking did. A bigger block goes back to the heap.
 */
export function emptyTable(t: usize): void {
  const cap = tCap(t);
  if (cap > MIN_CAP * 64) {
    releaseTable(t);
  } else if (cap != 0) {
    memory.fill(tSlots(t), 0, <usize>cap << 4);
    store<u32>(t, 0, 8);
  }
}

/** Gives t's block back to the heap: t has no slots and no capacity. */
function releaseTable(t: usize): void {
  const cap = tCap(t);
  if (cap != 0) free(tSlots(t), <usize>cap << 4);
  store<u64>(t, 0);
  store<u64>(t, 0, 8);
}

/**
 * Heapsort of n values of type T at a, ascending (no recursion, no scratch memory): gc.ts sorts
 * garbage by tracking sequence with it, gcFreezeTracked the start-up keys.
 */
export function heapSort<T>(a: usize, n: usize): void {
  if (n < 2) return;
  for (let i = n >> 1; i > 0; ) siftDown<T>(a, --i, n);
  for (let end = n - 1; end > 0; end--) {
    const t = load<T>(a);
    store<T>(a, load<T>(a + end * sizeof<T>()));
    store<T>(a + end * sizeof<T>(), t);
    siftDown<T>(a, 0, end);
  }
}

function siftDown<T>(a: usize, i: usize, n: usize): void {
  const v = load<T>(a + i * sizeof<T>());
  while (true) {
    let c = (i << 1) + 1;
    if (c >= n) break;
    if (c + 1 < n && load<T>(a + (c + 1) * sizeof<T>()) > load<T>(a + c * sizeof<T>())) c++;
    const cv = load<T>(a + c * sizeof<T>());
    if (cv <= v) break;
    store<T>(a + i * sizeof<T>(), cv);
    i = c;
  }
  store<T>(a + i * sizeof<T>(), v);
}

// ── tracking state ─────────────────────────────────────────────────────────────────────────────

let seqCounter: u32 = 0;
/** Tracked allocations minus deallocations since the last collection (CPython's gen-0 count). */
export let count0: i32 = 0;
export let threshold0: i32 = 700;
export let gcEnabled = true;
export let gcCollecting = false;
/** gc.ts's garbage array while it collects (untracking a garbage object zeroes its entry). */
let garbage: usize = 0;
/** Called when count0 passes threshold0 (gc.ts installs its request function). */
let requestHook: () => void = noRequest;
function noRequest(): void {}

export function gcSetRequestHook(f: () => void): void {
  requestHook = f;
}
export function gcSetCount0(n: i32): void {
  count0 = n;
}
export function gcSetThreshold0(n: i32): void {
  threshold0 = n;
}
export function gcSetEnabled(on: bool): void {
  gcEnabled = on;
}
export function gcSetCollecting(on: bool): void {
  gcCollecting = on;
}
export function gcSetGarbage(p: usize): void {
  garbage = p;
}

/** initHeader of a container kind: p joins the youngest generation. */
export function gcTrack(p: usize): void {
  gcTrackLater(p);
  gcCountAlloc();
}

/**
 * The allocation of an object of a container kind that starts untracked (an exact dict: CPython
 * counts it in generation 0's count all the same, and tracks it once it holds a container).
 */
// @ts-ignore: decorator
@inline export function gcCountAlloc(): void {
  if (++count0 > threshold0 && threshold0 > 0 && gcEnabled && !gcCollecting) requestHook();
}

/** The deallocation of an untracked container (gcUntrack's count without the table search). */
// @ts-ignore: decorator
@inline export function gcCountFree(): void {
  if (count0 > 0) count0--;
}

/** Starts tracking a live object (it joins the youngest generation; no allocation is counted). */
export function gcTrackLater(p: usize): void {
  const t = table(0);
  if ((tCount(t) + 1) << 1 > tCap(t)) {
    if (!reserve(t, 1)) return; // out of memory: p stays untracked (its cycles leak; nothing breaks)
  }
  placeSlot(t, <u32>p, seqCounter++, 0);
}

/**
 * Exact dicts carry their tracking state in the top bit of their version word (dict.ts; the
 * version counter never gets near it): set while the dict holds no container, as CPython's
 * MAINTAIN_TRACKING keeps it. gc-tables.ts is a leaf module, so the word's place is stated here.
 */
// @ts-ignore: decorator
@inline export const DICT_UNTRACKED: u64 = 0x8000000000000000;
// @ts-ignore: decorator
@inline export const DICT_VERSION_OFFSET: usize = 16;
// @ts-ignore: decorator
@inline export function dictUntracked(p: usize): bool {
  return (load<u64>(p, DICT_VERSION_OFFSET) & DICT_UNTRACKED) != 0;
}

/** Deallocation of a tracked-kind object: forget it (refcount.ts). */
export function gcUntrack(p: usize): void {
  if (count0 > 0) count0--;
  for (let g = 0; g <= WORK; g++) {
    const t = table(g);
    const s = findSlot(t, p);
    if (s != 0) {
      const aux = load<u32>(s, 12);
      if (g == WORK && aux != 0 && garbage != 0) store<u64>(garbage + ((<usize>aux - 1) << 3), 0);
      removeSlot(t, s);
      return;
    }
  }
  const e = startupFind(p);
  if (e != 0) {
    // rare (a start-up object dies): close the gap, keeping the array sorted
    const end = startupObjs + (<usize>startupCount << 2);
    memory.copy(e, e + 4, end - e - 4);
    startupCount--;
  }
}

/** Removes p from the tables without counting a deallocation (an object that must not be tracked). */
export function gcUntrackQuiet(p: usize): void {
  const c = count0;
  gcUntrack(p);
  count0 = c;
}

/** The slot of p in any table, or 0. */
export function findAny(p: usize): usize {
  for (let g = 0; g <= WORK; g++) {
    const s = findSlot(table(g), p);
    if (s != 0) return s;
  }
  return startupFind(p);
}

/** Number of tracked objects (all generations, the start-up objects included). */
export function gcTrackedCount(): u32 {
  return tCount(table(0)) + tCount(table(1)) + tCount(table(2)) + tCount(table(WORK)) + startupCount;
}

// ── start-up objects ───────────────────────────────────────────────────────────────────────────
// What the VM made while starting (types, their dicts, builtins, sys) leaves the generations once
// started (gcFreezeStartup), so that no collection looks at them again: CPython's gc.freeze(), and
// 3.12 makes them immortal. A program's first collection no longer walks thousands of them, and
// a start-up snapshot's first run has nothing to collect. They stay tracked (gc.is_tracked, PEP 442
// flags) in a sorted array of u32 keys (pointer | F_* flags, the first word of a slot, so findAny's
// callers read and write it alike): 4 bytes each against a generation's 32 (16-byte slots at load
// 1/2), which keeps the snapshot small.

let startupObjs: usize = 0;
let startupCount: u32 = 0;

/** heapInit dropped every block: no start-up objects yet. */
export function gcStartupReset(): void {
  startupObjs = 0;
  startupCount = 0;
}

/** p's key in the start-up array (binary search), or 0. */
function startupFind(p: usize): usize {
  let lo: u32 = 0;
  let hi = startupCount;
  const key = <u32>p;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const e = startupObjs + (<usize>mid << 2);
    const k = load<u32>(e) & PTR_MASK;
    if (k == key) return e;
    if (k < key) lo = mid + 1;
    else hi = mid;
  }
  return 0;
}

/**
 * Moves every object of the generations (the work table is empty outside a collection) into the
 * start-up array; the generations' blocks go back to the heap. False when out of memory (nothing
 * moved then).
 */
export function gcFreezeTracked(): bool {
  let n: u32 = 0;
  for (let g = 0; g <= 2; g++) n += tCount(table(g));
  if (n == 0) return true;
  const total = startupCount + n;
  const arr = alloc(<usize>total << 2);
  if (arr == 0) return false;
  if (startupCount != 0) {
    memory.copy(arr, startupObjs, <usize>startupCount << 2);
    free(startupObjs, <usize>startupCount << 2);
  }
  let k = startupCount;
  for (let g = 0; g <= 2; g++) {
    const t = table(g);
    const slots = tSlots(t);
    const cap = tCap(t);
    for (let i: u32 = 0; i < cap; i++) {
      const key = load<u32>(slots + (<usize>i << 4));
      if (key != 0) {
        store<u32>(arr + (<usize>k << 2), key & ~F_MARK);
        k++;
      }
    }
    releaseTable(t);
  }
  // Keys are distinct pointers with flags in their 3 low bits: ordered by value, ordered by pointer.
  heapSort<u32>(arr, total);
  startupObjs = arr;
  startupCount = total;
  return true;
}
