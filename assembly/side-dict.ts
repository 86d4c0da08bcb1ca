/**
 * Instance dicts of classes with a builtin layout (class L(list), class D(dict), class S(str)...):
 * their objects have no room for a __dict__ pointer, so a table maps the object's address to a
 * small cell holding it. Types whose instances use it carry TPFLAG_SIDE_DICT (class-slots.ts);
 * attributes.ts instanceDictSlot returns the cell's address, so the rest of the attribute code is
 * the same as for plain instances. refcount.ts releases the entry when the object dies.
 *
 * The table is raw memory (refcount.ts calls in here from dealloc, which must not reach the
 * generic object protocol): open addressing, linear probing, entries of
 *   [ object address u32 (0: empty, 1: deleted) | cell u32 ]
 * and a cell, 8 bytes, that never moves: [ dict u32 (0: not made yet) | 0 ].
 */
import { alloc, free } from "./heap";
import { decref } from "./refcount";
import { gcKindTracked, gcTrack, gcUntrack } from "./gc-tables";
import { kindOf } from "./types";

let table: usize = 0;
let capacity: u32 = 0; // a power of two
let used: u32 = 0; // live and deleted entries
let live: u32 = 0;

// @ts-ignore: decorator
@inline function slotOf(p: usize, mask: u32): u32 {
  return ((<u32>p >>> 3) * 0x9e3779b1) & mask;
}

/** The entry for p, or (when absent) the first free entry on its probe path; 0 if no table. */
function find(p: usize): usize {
  if (capacity == 0) return 0;
  const mask = capacity - 1;
  let i = slotOf(p, mask);
  let firstDeleted: usize = 0;
  while (true) {
    const e = table + (<usize>i << 3);
    const k = load<u32>(e);
    if (k == <u32>p) return e;
    if (k == 0) return firstDeleted != 0 ? firstDeleted : e;
    if (k == 1 && firstDeleted == 0) firstDeleted = e;
    i = (i + 1) & mask;
  }
  return 0;
}

/** Rehashes into a table twice as big (the same size when mostly deleted entries). */
function grow(): bool {
  const ncap: u32 = capacity == 0 ? 64 : live * 4 > capacity ? capacity << 1 : capacity;
  const nt = alloc(<usize>ncap << 3);
  if (nt == 0) return false;
  const old = table;
  const ocap = capacity;
  table = nt;
  capacity = ncap;
  used = 0;
  for (let i: u32 = 0; i < ocap; i++) {
    const e = old + (<usize>i << 3);
    const k = load<u32>(e);
    if (k <= 1) continue;
    const d = find(<usize>k);
    store<u32>(d, k);
    store<u32>(d, load<u32>(e, 4), 4);
    used++;
  }
  if (old != 0) free(old, <usize>ocap << 3);
  return true;
}

/** The address of the dict cell of the object at p (made on first use), or 0 after MemoryError. */
export function sideDictSlot(p: usize): usize {
  let e = find(p);
  if (e != 0 && load<u32>(e) == <u32>p) return <usize>load<u32>(e, 4);
  if ((used + 1) * 2 > capacity) {
    if (!grow()) return 0;
    e = find(p);
  }
  const cell = alloc(8);
  if (cell == 0) return 0;
  if (load<u32>(e) == 0) used++;
  live++;
  store<u32>(e, <u32>p);
  store<u32>(e, <u32>cell, 4);
  // An atom kind (an int or str subclass instance) with a dict can be in a cycle: the collector
  // tracks it while it has one (gc-traverse.ts visits the dict).
  if (!gcKindTracked(kindOf(p))) gcTrack(p);
  return cell;
}

/** The object at p is being freed: drop its dict and its entry. */
export function sideDictRelease(p: usize): void {
  const e = find(p);
  if (e == 0 || load<u32>(e) != <u32>p) return;
  const cell = <usize>load<u32>(e, 4);
  if (!gcKindTracked(kindOf(p))) gcUntrack(p); // tracked for its dict (sideDictSlot)
  store<u32>(e, 1); // deleted
  live--;
  store<u32>(e, 0, 4);
  const d = load<u32>(cell);
  free(cell, 8);
  if (d != 0) decref(<u64>d);
}

/** The dict of the object at p, if it has one (borrowed; 0 otherwise), without making a cell. */
export function sideDictPeek(p: usize): usize {
  const e = find(p);
  if (e == 0 || load<u32>(e) != <u32>p) return 0;
  return <usize>load<u32>(<usize>load<u32>(e, 4));
}
