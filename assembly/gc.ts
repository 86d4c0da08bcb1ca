/**
 * The cycle collector: CPython's algorithm (gcmodule.c) on the VM's refcounted objects, without a
 * per-object GC header.
 *
 * Tracking. object.ts's initHeader registers every object of a container kind (gc-traverse.ts
 * GC_KINDS) in the youngest generation; refcount.ts's dealloc (and freeShallow) removes it. The
 * generations are open-addressing hash sets of pointers (linear probing, backward-shift deletion,
 * so insert and remove are O(1) with no tombstones), allocated from heap.ts:
 *
 *   table control (heap.ts GC_CONTROL, zeroed by heapInit): per table 16 bytes
 *     [ slots u32 | capacity u32 (power of two, 0 = none yet) | count u32 | shift u32 ]
 *   slot, 16 bytes: [ ptr u32 | F_* flags in its low 3 bits ][ seq u32 ][ refs i32 ][ aux u32 ]
 *
 * seq is a tracking sequence number: garbage is finalized and cleared in tracking order, which is
 * CPython's list order. refs is the scratch count of a collection; aux the garbage index + 1.
 * Tables: 0..2 the generations, 3 the garbage of the collection in progress.
 *
 * A collection of generation g merges the younger tables into table g, then:
 *  1. refs = refcount of each object; 2. subtract every reference an object of the table holds
 *  to another (gcTraverse); what keeps refs > 0 is referenced from outside: 3. mark everything
 *  reachable from those (explicit stack, no recursion); 4. the rest is garbage: it moves to table
 *  3, the survivors to generation g + 1; 5. finalizers run once per object (PEP 442: __del__, and
 *  generators give up their frame), in tracking order, holding a reference while they run; 6. if
 *  one ran, steps 1-3 again over the garbage: what a finalizer made reachable again (resurrection)
 *  survives; 7. the rest is counted, held, cleared (gcClear), and released, which frees it.
 *
 * Triggers: gen0's count (tracked allocations minus deallocations) above threshold 0 asks for a
 * collection; the request zeroes the eval loop's budget so it runs at the next budget check, a
 * point where every object is complete (eval.ts checkBudget calls gcBudgetCheck). Older
 * generations are collected as CPython does (count thresholds, and the long-lived ratio for gen 2).
 * gc.collect() runs at once. No collection runs inside another or while refcount.ts is freeing.
 *
 * Entry points: gcInit, gcTrack, gcUntrack, gcCollect, gcBudgetCheck, gcFinalizeOnce,
 * makeGcModule (the `gc` module), gcTrackedCount.
 */
import { Value, NULL, NONE, TRUE, FALSE, isObject, isSmallInt, getSmallInt, makeSmallInt } from "./values";
import { alloc, free } from "./heap";
import {
  table,
  tCount,
  tCap,
  tSlots,
  findSlot,
  placeSlot,
  removeSlot,
  reserve,
  moveAll,
  findAny,
  gcKindTracked,
  count0,
  threshold0,
  gcEnabled,
  gcCollecting,
  gcSetCount0,
  gcSetThreshold0,
  gcSetEnabled,
  gcSetCollecting,
  gcSetGarbage,
  gcSetRequestHook,
  gcUntrackQuiet,
  gcFreezeTracked,
  gcStartupReset,
  heapSort,
  F_FINALIZED,
  F_MARK,
  F_UNCOUNTED,
  PTR_MASK,
  WORK,
} from "./gc-tables";
export { gcTrack, gcUntrack, gcTrackedCount } from "./gc-tables";
import { incref, decref, deallocInProgress } from "./refcount";
import {
  kindOf,
  raiseMsg,
  raiseBegin,
  errText,
  errTypeName,
  errorType,
  errorClear,
  KIND_OBJECT,
  KIND_DICT,
  KIND_GENERATOR,
  KIND_COROUTINE,
  KIND_ASYNC_GENERATOR,
  KIND_TUPLE,
  KIND_TYPE,
  TPFLAG_HEAPTYPE,
  typeObject,
  TPFLAG_SIDE_DICT,
  TPFLAG_FINALIZER,
  EXC_TypeError,
  EXC_ValueError,
} from "./types";
import { gcTraverse, gcClear, gcInitKinds, gcGeneratorDropFrame, gcGeneratorHasIdleFrame, gcMayBeTracked } from "./gc-traverse";
import { dictSetUntracked } from "./dict";
import { runFinalizer } from "./finalize";
import { genNeedsClose } from "./generator";
import { coroNeverAwaited } from "./unawaited";
import { budget, setBudget, setBudgetChunk, interruptRequested } from "./eval";
import { tupleAlloc, tupleSetItem, tupleSize, tupleItem } from "./tuple";
import { dictNew, dictSetItem } from "./dict";
import { moduleNew, moduleAddFunction, moduleAddValue } from "./function";
import { strLiteral } from "./names";
import { listNewEmpty } from "./list";
import { noKeywords, checkArgCount, arg, kwCount } from "./native";
import { strEqualLiteral } from "./str";
import { heapTypes } from "./classes";

// ── state ──────────────────────────────────────────────────────────────────────────────────────

let count1: i32 = 0;
let count2: i32 = 0;
let threshold1: i32 = 10;
let threshold2: i32 = 10;
let longLivedTotal: u32 = 0;
let longLivedPending: u32 = 0;
let requested = false;
let savedBudget: i32 = 0;
/** The garbage of the collection in progress: u64 (seq << 32 | ptr), 0 once freed. */
let garbage: usize = 0;
let garbageCount: usize = 0;
/** Explicit stack of the mark phase. */
let markStack: usize = 0;
let markTop: usize = 0;
let markTable: usize = 0;

/** Start-up (after heapInit): the tracked kinds; the tables start empty (heapInit zeroed them). */
export function gcInit(): void {
  gcInitKinds();
  gcStartupReset();
  gcSetCount0(0);
  count1 = 0;
  count2 = 0;
  gcSetCollecting(false);
  gcSetRequestHook(request);
  requested = false;
}

/**
 * vm.ts, once the VM has started: everything tracked so far is the VM's own (types, their dicts,
 * builtins, sys) and leaves the generations for good (gc-tables.ts gcFreezeTracked), with the
 * counts and any collection start-up asked for. Out of memory: they stay where they are (slower
 * collections, nothing wrong).
 */
export function gcFreezeStartup(): void {
  if (!gcFreezeTracked()) return;
  gcSetCount0(0);
  count1 = 0;
  count2 = 0;
  longLivedTotal = 0;
  longLivedPending = 0;
  if (requested) {
    requested = false;
    setBudget(savedBudget);
    savedBudget = 0;
  }
}

/**
 * The host's budget for the next stretch (vm.ts vmRunPyc/vmResume). A collection requested
 * meanwhile (the budget is 0 until it runs) gets this as the budget left after it: otherwise the
 * run would go on with what was left before the request, 2^30 instructions at the start of a run.
 */
export function gcSetHostBudget(n: i32): void {
  if (requested) savedBudget = n;
  else setBudget(interruptRequested ? 0 : n); // a pending interrupt is delivered at once
  setBudgetChunk(n);
}

/** Zero the eval loop's budget so that the next budget check runs the collection. */
function request(): void {
  if (budget > 0) {
    savedBudget = budget;
    setBudget(0);
  }
  requested = true;
}

/**
 * refcount.ts's finalizer hook: runs p's finalizer unless it already ran (PEP 442: a resurrected
 * object's __del__ is not called again when it dies later).
 */
export function gcFinalizeOnce(p: usize): void {
  const s = findAny(p);
  if (s != 0) {
    const k = load<u32>(s);
    if ((k & F_FINALIZED) != 0) return;
    store<u32>(s, k | F_FINALIZED);
  }
  runFinalizer(p);
}

/**
 * eval.ts checkBudget, before anything else: runs a requested collection. True when the budget
 * ran out only for that (the eval loop goes on with the rest of its budget); false to let
 * checkBudget do its usual work.
 */
export function gcBudgetCheck(): bool {
  if (!requested) return false;
  requested = false;
  const rest = savedBudget;
  savedBudget = 0;
  if (gcEnabled && !gcCollecting && !deallocInProgress()) collectGenerations();
  if (interruptRequested || rest <= 1) return false;
  setBudget(rest - 1);
  return true;
}

/**
 * Native loops that make many objects without running Python code (list(iterable), ...) call this
 * between items, where they hold no borrowed references: a requested collection runs there, as
 * CPython's would at the allocation (young tables otherwise grow by the whole loop's objects).
 */
// @ts-ignore: decorator
@inline export function gcSafePoint(): void {
  if (requested) gcBudgetCheck();
}

/** CPython's collect_generations: the oldest generation whose count is over its threshold. */
function collectGenerations(): void {
  if (count2 > threshold2 && longLivedPending >= longLivedTotal >> 2) gcCollect(2);
  else if (count1 > threshold1) gcCollect(1);
  else if (count0 > threshold0) gcCollect(0);
}

// ── the collection ─────────────────────────────────────────────────────────────────────────────

function visitSubtract(v: Value): void {
  const s = findSlot(markTable, <usize>v);
  if (s != 0) store<i32>(s, load<i32>(s, 8) - 1, 8);
}

function visitMark(v: Value): void {
  const s = findSlot(markTable, <usize>v);
  if (s == 0) return;
  const k = load<u32>(s);
  if ((k & F_MARK) != 0) return;
  store<u32>(s, k | F_MARK);
  store<u32>(markStack + (markTop << 2), <u32>v);
  markTop++;
}

/**
 * classes.ts keeps every class made at run time in a list (heapTypes, for __subclasses__()), where
 * CPython keeps weak references. The collector treats those references as weak: the list is never
 * tracked, its references do not keep a class alive, and a class found to be garbage leaves the
 * list (dropRegistryGarbage) before finalizers run, as CPython clears weak references.
 */
function subtractRegistry(): void {
  const reg = heapTypes;
  if (reg == 0) return;
  const s0 = findAny(reg);
  if (s0 != 0) gcUntrackQuiet(reg);
  const items = <usize>load<u32>(reg, 16);
  const n = <usize>load<u32>(reg, 8);
  for (let i: usize = 0; i < n; i++) {
    const v = load<u64>(items + (i << 3));
    if (isObject(v) && v != NULL) visitSubtract(v);
  }
}

/** Removes the garbage classes (now in table 3) from the registry list. */
function dropRegistryGarbage(): void {
  const reg = heapTypes;
  if (reg == 0) return;
  const work = table(WORK);
  const items = <usize>load<u32>(reg, 16);
  const n = <usize>load<u32>(reg, 8);
  let kept: usize = 0;
  for (let i: usize = 0; i < n; i++) {
    const v = load<u64>(items + (i << 3));
    if (isObject(v) && v != NULL && findSlot(work, <usize>v) != 0) {
      // The registry's own reference; the class stays alive through its cycle until cleared.
      decref(v);
    } else {
      store<u64>(items + (kept << 3), v);
      kept++;
    }
  }
  for (let i = kept; i < n; i++) store<u64>(items + (i << 3), 0);
  store<u32>(reg + 8, <u32>kept);
}

/**
 * Steps 1-3 on table t: afterwards F_MARK is set exactly on the objects reachable from outside t.
 * False when the mark stack could not be allocated (then nothing may be treated as garbage).
 */
function markReachable(t: usize): bool {
  const slots = tSlots(t);
  const cap = tCap(t);
  const n = <usize>tCount(t);
  markTable = t;
  for (let i: u32 = 0; i < cap; i++) {
    const s = slots + (<usize>i << 4);
    const k = load<u32>(s);
    if (k != 0) {
      store<u32>(s, k & ~F_MARK);
      store<i32>(s, <i32>load<u32>(<usize>(k & PTR_MASK)), 8);
    }
  }
  for (let i: u32 = 0; i < cap; i++) {
    const k = load<u32>(slots + (<usize>i << 4));
    if (k != 0) gcTraverse(<usize>(k & PTR_MASK), visitSubtract);
  }
  subtractRegistry();
  markStack = alloc(max<usize>(n, 1) << 2);
  if (markStack == 0) return false;
  markTop = 0;
  for (let i: u32 = 0; i < cap; i++) {
    const s = slots + (<usize>i << 4);
    const k = load<u32>(s);
    if (k != 0 && load<i32>(s, 8) > 0 && (k & F_MARK) == 0) {
      store<u32>(s, k | F_MARK);
      store<u32>(markStack + (markTop << 2), k & PTR_MASK);
      markTop++;
    }
  }
  while (markTop > 0) {
    markTop--;
    gcTraverse(<usize>load<u32>(markStack + (markTop << 2)), visitMark);
  }
  free(markStack, max<usize>(n, 1) << 2);
  markStack = 0;
  return true;
}

/** Unmarked objects of t, as (seq << 32 | ptr) in a new block of `count` u64s; 0 if none or no memory. */
function unmarked(t: usize): usize {
  const slots = tSlots(t);
  const cap = tCap(t);
  let n: usize = 0;
  for (let i: u32 = 0; i < cap; i++) {
    const k = load<u32>(slots + (<usize>i << 4));
    if (k != 0 && (k & F_MARK) == 0) n++;
  }
  garbageCount = n;
  if (n == 0) return 0;
  const a = alloc(n << 3);
  if (a == 0) {
    garbageCount = 0;
    return 0;
  }
  let j: usize = 0;
  for (let i: u32 = 0; i < cap; i++) {
    const s = slots + (<usize>i << 4);
    const k = load<u32>(s);
    if (k != 0 && (k & F_MARK) == 0) {
      store<u64>(a + (j << 3), (<u64>load<u32>(s, 4) << 32) | <u64>(k & PTR_MASK));
      j++;
    }
  }
  return a;
}

// @ts-ignore: decorator
@inline function garbageAt(i: usize): usize {
  return <usize>(<u32>load<u64>(garbage + (i << 3)));
}

/**
 * Collects generation `gen` (0..2) and the younger ones; returns the number of unreachable objects
 * found (as CPython counts them), 0 when a collection is already running.
 */
export function gcCollect(gen: i32): i32 {
  if (gcCollecting || deallocInProgress()) return 0;
  gcSetCollecting(true);
  const saved = errorType();
  const c = table(gen);
  const target = table(gen < 2 ? gen + 1 : 2);
  const work = table(WORK);
  let found = 0;
  let ok = true;
  for (let g = 0; g < gen; g++) if (!moveAll(table(g), c)) ok = false;
  if (ok && markReachable(c)) {
    garbage = unmarked(c);
    gcSetGarbage(garbage);
    if (garbage != 0 && reserve(work, <u32>garbageCount)) {
      const n = garbageCount;
      heapSort<u64>(garbage, n); // by tracking sequence (the high half)
      for (let i: usize = 0; i < n; i++) {
        const p = garbageAt(i);
        const s = findSlot(c, p);
        const k = load<u32>(s);
        const seq = load<u32>(s, 4);
        removeSlot(c, s);
        placeSlot(work, k, seq, <u32>i + 1);
      }
      found = collectGarbage(n, target);
      free(garbage, n << 3);
    } else if (garbage != 0) {
      free(garbage, garbageCount << 3);
    }
    garbage = 0;
    gcSetGarbage(0);
    garbageCount = 0;
  }
  if (ok) untrackAtomTuples(c);
  if (ok && gen == 2) untrackAtomDicts(c);
  // Survivors age; whatever is left of the garbage (uncleared cycles) goes with them.
  if (gen == 1) longLivedPending += tCount(c);
  if (c != target) moveAll(c, target);
  moveAll(work, target);
  if (gen < 2) {
    if (gen == 0) count1++;
    else count2++;
  } else {
    longLivedPending = 0;
    longLivedTotal = tCount(table(2));
  }
  gcSetCount0(0);
  if (gen >= 1) count1 = 0;
  if (gen >= 2) count2 = 0;
  if (saved == 0 && errorType() != 0) errorClear();
  gcSetCollecting(false);
  return found;
}

/** Count of objectsOfType's last result. */
let collectedCount: usize = 0;

/**
 * The objects of exact type `type` in table c, as a new array of collectedCount u32 pointers
 * (free with collectedCount << 2); 0 when there are none or no memory.
 */
function objectsOfType(c: usize, type: usize): usize {
  const slots = tSlots(c);
  const cap = tCap(c);
  let n: usize = 0;
  for (let i: u32 = 0; i < cap; i++) {
    const k = load<u32>(slots + (<usize>i << 4));
    if (k != 0 && load<u32>(<usize>(k & PTR_MASK), 4) == <u32>type) n++;
  }
  collectedCount = n;
  if (n == 0) return 0;
  const a = alloc(n << 2);
  if (a == 0) return 0;
  let j: usize = 0;
  for (let i: u32 = 0; i < cap; i++) {
    const k = load<u32>(slots + (<usize>i << 4));
    if (k != 0 && load<u32>(<usize>(k & PTR_MASK), 4) == <u32>type) store<u32>(a + ((j++) << 2), k & PTR_MASK);
  }
  return a;
}

/**
 * CPython untracks a surviving exact tuple whose items cannot be tracked (atoms, static types,
 * untracked tuples): it can never be part of a cycle. This changes what later collections count
 * (a class's (object,) bases tuple that survived one collection is not counted with the class).
 * Inner tuples are usually tracked first: a few passes reach what CPython's list order reaches.
 */
function untrackAtomTuples(c: usize): void {
  const a = objectsOfType(c, typeObject(KIND_TUPLE));
  if (a == 0) return;
  const n = collectedCount;
  for (let pass = 0; pass < 3; pass++) {
    let changed = false;
    for (let i: usize = 0; i < n; i++) {
      const p = <usize>load<u32>(a + (i << 2));
      if (p == 0 || !tupleOfAtoms(p)) continue;
      const s = findSlot(c, p);
      if (s != 0) removeSlot(c, s);
      store<u32>(a + (i << 2), 0);
      changed = true;
    }
    if (!changed) break;
  }
  free(a, n << 2);
}

/** Whether no item of tuple t may be tracked (CPython's _PyObject_GC_MAY_BE_TRACKED). */
function tupleOfAtoms(t: usize): bool {
  const n = <usize>tupleSize(t);
  for (let i: usize = 0; i < n; i++) {
    const v = tupleItem(t, i);
    if (!isObject(v) || v == NULL) continue;
    if (gcMayBeTracked(v) && !untrackedTuple(<usize>v)) return false;
  }
  return true;
}

// @ts-ignore: decorator
@inline function untrackedTuple(p: usize): bool {
  return load<u32>(p, 4) == <u32>typeObject(KIND_TUPLE) && findAny(p) == 0;
}

/**
 * CPython's untrack_dicts, in full collections: a surviving exact dict none of whose keys and
 * values may be tracked leaves the tables (dict.ts tracks it again when it gets a container).
 */
function untrackAtomDicts(c: usize): void {
  const a = objectsOfType(c, typeObject(KIND_DICT));
  if (a == 0) return;
  const n = collectedCount;
  for (let i: usize = 0; i < n; i++) {
    const d = <usize>load<u32>(a + (i << 2));
    atomsOnly = true;
    gcTraverse(d, visitDictAtoms);
    if (!atomsOnly) continue;
    const s = findSlot(c, d);
    if (s != 0) removeSlot(c, s);
    dictSetUntracked(d);
  }
  free(a, n << 2);
}

function visitDictAtoms(v: Value): void {
  if (gcMayBeTracked(v) && !untrackedTuple(<usize>v)) atomsOnly = false;
}

/** Steps 5-7 on the n garbage objects (now in table 3, listed in `garbage` by seq). */
function collectGarbage(n: usize, target: usize): i32 {
  const work = table(WORK);
  dropRegistryGarbage();
  if (runFinalizers(n)) {
    // Resurrection: what a finalizer made reachable again survives, with what it reaches.
    if (!markReachable(work)) return 0; // out of memory: keep everything
    for (let i: usize = 0; i < n; i++) {
      const p = garbageAt(i);
      if (p == 0) continue;
      const s = findSlot(work, p);
      const k = load<u32>(s);
      if ((k & F_MARK) == 0) continue;
      const seq = load<u32>(s, 4);
      removeSlot(work, s);
      if (reserve(target, 1)) placeSlot(target, k & ~F_MARK, seq, 0);
      store<u64>(garbage + (i << 3), 0);
    }
  }
  const found = countGarbage(n);
  for (let i: usize = 0; i < n; i++) {
    const p = garbageAt(i);
    if (p != 0) incref(<u64>p);
  }
  for (let i: usize = 0; i < n; i++) {
    const p = garbageAt(i);
    if (p != 0) gcClear(p);
  }
  for (let i: usize = 0; i < n; i++) {
    const p = garbageAt(i);
    if (p != 0) decref(<u64>p);
  }
  return found;
}

/** Step 5: finalizers in tracking order; true if any ran. */
function runFinalizers(n: usize): bool {
  const work = table(WORK);
  let ran = false;
  for (let i: usize = 0; i < n; i++) {
    const p = garbageAt(i);
    if (p == 0) continue;
    const type = <usize>load<u32>(p, 4);
    if ((load<u32>(type, 12) & TPFLAG_FINALIZER) == 0) continue;
    const s = findSlot(work, p);
    const k = load<u32>(s);
    if ((k & F_FINALIZED) != 0) continue;
    store<u32>(s, k | F_FINALIZED);
    ran = true;
    incref(<u64>p);
    if (kindOf(p) == KIND_GENERATOR || kindOf(p) == KIND_COROUTINE || kindOf(p) == KIND_ASYNC_GENERATOR) {
      // CPython closes it; an unstarted one just drops its frame (no code runs).
      if (genNeedsClose(p) || coroNeverAwaited(p)) runFinalizer(p); // closes it, or warns (unawaited.ts)
      else if (gcGeneratorHasIdleFrame(p)) gcGeneratorDropFrame(p);
    } else {
      runFinalizer(p);
    }
    decref(<u64>p); // may free p (its slot and garbage entry go away)
  }
  return ran;
}

/** CPython's count: an instance's own __dict__ is not an object there, nor a dict of atoms. */
function countGarbage(n: usize): i32 {
  const work = table(WORK);
  for (let i: usize = 0; i < n; i++) {
    const p = garbageAt(i);
    if (p == 0 || kindOf(p) != KIND_OBJECT) continue;
    const d = <usize>load<u32>(p + 8);
    if (d == 0 || load<u32>(d) != 1) continue;
    const s = findSlot(work, d);
    if (s != 0) store<u32>(s, load<u32>(s) | F_UNCOUNTED);
  }
  let found = 0;
  for (let i: usize = 0; i < n; i++) {
    const p = garbageAt(i);
    if (p == 0) continue;
    if (kindOf(p) == KIND_DICT) {
      if ((load<u32>(findSlot(work, p)) & F_UNCOUNTED) != 0) continue;
      atomsOnly = true;
      gcTraverse(p, visitAtoms);
      if (atomsOnly) continue;
    }
    found++;
  }
  return found;
}

let atomsOnly = false;
function visitAtoms(v: Value): void {
  if (gcKindTracked(kindOf(<usize>v)) || (load<u32>(<usize>load<u32>(<usize>v, 4), 12) & TPFLAG_SIDE_DICT) != 0) atomsOnly = false;
}

// ── the gc module ──────────────────────────────────────────────────────────────────────────────

/** A C int argument: int (or bool), else TypeError; big ints give OverflowError-free clamping. */
function intArg(v: Value, out: usize): bool {
  if (isSmallInt(v)) {
    const n = getSmallInt(v);
    store<i64>(out, n < -0x80000000 ? -0x80000000 : n > 0x7fffffff ? 0x7fffffff : n);
    return true;
  }
  if (v == TRUE || v == FALSE) {
    store<i64>(out, v == TRUE ? 1 : 0);
    return true;
  }
  raiseBegin(EXC_TypeError);
  errText("'");
  errTypeName(v);
  errText("' object cannot be interpreted as an integer");
  return false;
}

const INT_OUT: usize = memory.data(8, 8);

function gc_collect(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  const nkw = kwCount(kwnames);
  if (nargs + nkw > 1) {
    raiseBegin(EXC_TypeError);
    errText("collect() takes at most 1 argument (");
    errText(nargs + nkw == 2 ? "2" : "3+");
    errText(" given)");
    return NULL;
  }
  let gen: i64 = 2;
  if (nkw == 1 && !strEqualLiteral(<usize>tupleItem(kwnames, 0), "generation")) {
    raiseKwError(<usize>tupleItem(kwnames, 0));
    return NULL;
  }
  if (nargs + nkw == 1) {
    if (!intArg(arg(args, 0), INT_OUT)) return NULL;
    gen = load<i64>(INT_OUT);
    if (gen < 0 || gen > 2) {
      raiseMsg(EXC_ValueError, "invalid generation");
      return NULL;
    }
  }
  return makeSmallInt(gcCollect(<i32>gen));
}

import { errStrObject } from "./types";
function raiseKwError(k: usize): void {
  raiseBegin(EXC_TypeError);
  errText("'");
  errStrObject(k);
  errText("' is an invalid keyword argument for collect()");
}

function noArgs(name: string, nargs: i32, kwnames: usize): bool {
  return noKeywords(name, kwnames) && checkArgCount(name, nargs, 0, 0);
}

function gc_enable(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noArgs("gc.enable", nargs, kwnames)) return NULL;
  gcSetEnabled(true);
  return NONE;
}

function gc_disable(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noArgs("gc.disable", nargs, kwnames)) return NULL;
  gcSetEnabled(false);
  return NONE;
}

function gc_isenabled(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noArgs("gc.isenabled", nargs, kwnames)) return NULL;
  return gcEnabled ? TRUE : FALSE;
}

function triple(a: i32, b: i32, c: i32): Value {
  const t = tupleAlloc(3);
  if (t == 0) return NULL;
  tupleSetItem(t, 0, makeSmallInt(a));
  tupleSetItem(t, 1, makeSmallInt(b));
  tupleSetItem(t, 2, makeSmallInt(c));
  return <u64>t;
}

function gc_get_threshold(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noArgs("gc.get_threshold", nargs, kwnames)) return NULL;
  return triple(threshold0, threshold1, threshold2);
}

function gc_get_count(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noArgs("gc.get_count", nargs, kwnames)) return NULL;
  return triple(count0, count1, count2);
}

function gc_set_threshold(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("set_threshold", kwnames)) return NULL;
  if (nargs < 1 || nargs > 3) {
    raiseBegin(EXC_TypeError);
    errText(nargs < 1 ? "set_threshold() takes at least 1 argument (" : "set_threshold() takes at most 3 arguments (");
    errText(nargs == 0 ? "0" : nargs == 4 ? "4" : "5+");
    errText(" given)");
    return NULL;
  }
  const vals = memory.data(24, 8);
  for (let i = 0; i < nargs; i++) {
    if (!intArg(arg(args, i), INT_OUT)) return NULL;
    store<i64>(vals + (<usize>i << 3), load<i64>(INT_OUT));
  }
  gcSetThreshold0(<i32>load<i64>(vals));
  if (nargs > 1) threshold1 = <i32>load<i64>(vals + 8);
  if (nargs > 2) threshold2 = <i32>load<i64>(vals + 16);
  return NONE;
}

function gc_is_tracked(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("is_tracked", kwnames) || !checkArgCount("is_tracked", nargs, 1, 1)) return NULL;
  const v = arg(args, 0);
  return isObject(v) && findAny(<usize>v) != 0 ? TRUE : FALSE;
}

/** The `gc` module (new reference, 0 after MemoryError). */
export function makeGcModule(): usize {
  const d = dictNew();
  if (d == 0) return 0;
  moduleAddFunction(d, "collect", gc_collect);
  moduleAddFunction(d, "enable", gc_enable);
  moduleAddFunction(d, "disable", gc_disable);
  moduleAddFunction(d, "isenabled", gc_isenabled);
  moduleAddFunction(d, "get_threshold", gc_get_threshold);
  moduleAddFunction(d, "set_threshold", gc_set_threshold);
  moduleAddFunction(d, "get_count", gc_get_count);
  moduleAddFunction(d, "is_tracked", gc_is_tracked);
  const garbageList = listNewEmpty(0);
  if (garbageList != 0) {
    moduleAddValue(d, "garbage", <u64>garbageList);
    decref(<u64>garbageList);
  }
  const callbacks = listNewEmpty(0);
  if (callbacks != 0) {
    moduleAddValue(d, "callbacks", <u64>callbacks);
    decref(<u64>callbacks);
  }
  const m = moduleNew(d, strLiteral("gc"));
  decref(<u64>d);
  return m;
}

/** For the host (vm.ts): a full collection. */
export function gcCollectFull(): i32 {
  return gcCollect(2);
}
