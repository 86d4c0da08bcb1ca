/**
 * Containers of Values: tuple (items inline), and for now the minimal list (a growable vector).
 * dict, set and frozenset are in dict.ts and set.ts.
 *
 * tuple (block: 16 + 8 * size):
 *
 *   offset 0   [ refcnt u32        | type u32 -> tuple ]
 *          8   [ size u32          | 0 u32             ]
 *         16   [ item 0: Value (u64)                   ]
 *         24   [ item 1 ...                            ]
 *
 * list (block: 24; items block: 8 * capacity, 0 when capacity is 0):
 *
 *   offset 0   [ refcnt u32        | type u32          ]
 *          8   [ size u32          | capacity u32      ]
 *         16   [ items u32 -> Value[capacity] | 0 u32  ]
 *
 * A tuple's items are all non-NULL once it is complete; while marshal is still reading one, the
 * slots not yet read are NULL (refcount.ts skips NULL items). Containers own one reference to each
 * item. The empty tuple is a static, immortal singleton, as in CPython.
 *
 * Entry points: tupleAlloc, tupleSize/tupleItem/tupleSetItem/tupleBlockSize, EMPTY_TUPLE;
 * vecAlloc/vecAppend/vecSize/vecItems/vecCapacity for list.
 */
import { alloc, free } from "./heap";
import { ObjHeader, initHeader } from "./object";
import { Value } from "./values";
import { typeObject, KIND_TUPLE, raiseMemory } from "./types";

@unmanaged
export class TupleObject extends ObjHeader {
  size: u32;
  reserved: u32;
}

export const TUPLE_HEADER_SIZE: usize = 16;
// @ts-ignore: compile-time check
if (offsetof<TupleObject>() != TUPLE_HEADER_SIZE) ERROR("TupleObject layout");

/** The empty tuple (static, immortal; its header is written by types.ts at start-up). */
export const EMPTY_TUPLE: usize = memory.data(<i32>TUPLE_HEADER_SIZE, 8);

// @ts-ignore: decorator
@inline export function tupleSize(p: usize): u32 {
  return changetype<TupleObject>(p).size;
}
// @ts-ignore: decorator
@inline export function tupleItem(p: usize, i: usize): Value {
  return load<u64>(p + TUPLE_HEADER_SIZE + (i << 3));
}
/** Stores without touching reference counts (the tuple takes over the caller's reference). */
// @ts-ignore: decorator
@inline export function tupleSetItem(p: usize, i: usize, v: Value): void {
  store<u64>(p + TUPLE_HEADER_SIZE + (i << 3), v);
}
// @ts-ignore: decorator
@inline export function tupleBlockSize(p: usize): usize {
  return TUPLE_HEADER_SIZE + (<usize>tupleSize(p) << 3);
}

/** A tuple of n NULL items (to be filled); 0 (MemoryError) when out of memory. Never the singleton. */
export function tupleAlloc(n: usize): usize {
  if (n > 0x1ffffff0) return raiseMemory();
  const p = alloc(TUPLE_HEADER_SIZE + (n << 3));
  if (p == 0) return raiseMemory();
  initHeader(p, typeObject(KIND_TUPLE));
  changetype<TupleObject>(p).size = <u32>n;
  return p;
}

// ---------------------------------------------------------------------------------------------------
// list: a growable vector of Values

@unmanaged
export class VecObject extends ObjHeader {
  size: u32;
  capacity: u32;
  items: u32;
  reserved: u32;
}

export const VEC_HEADER_SIZE: usize = 24;
// @ts-ignore: compile-time check
if (offsetof<VecObject>() != VEC_HEADER_SIZE) ERROR("VecObject layout");

// @ts-ignore: decorator
@inline export function vecSize(p: usize): u32 {
  return changetype<VecObject>(p).size;
}
// @ts-ignore: decorator
@inline export function vecCapacity(p: usize): u32 {
  return changetype<VecObject>(p).capacity;
}
// @ts-ignore: decorator
@inline export function vecItems(p: usize): usize {
  return <usize>changetype<VecObject>(p).items;
}

/** An empty list (`kind` KIND_LIST) with room for `capacity` items. */
export function vecAlloc(kind: u32, capacity: usize): usize {
  if (capacity > 0x1ffffff0) return raiseMemory();
  const p = alloc(VEC_HEADER_SIZE);
  if (p == 0) return raiseMemory();
  if (capacity > 0) {
    const items = alloc(capacity << 3);
    if (items == 0) {
      free(p, VEC_HEADER_SIZE);
      return raiseMemory();
    }
    changetype<VecObject>(p).items = <u32>items;
    changetype<VecObject>(p).capacity = <u32>capacity;
  }
  initHeader(p, typeObject(kind)); // last: a tracked object is only freed through refcount.ts
  return p;
}

/** Appends, taking over the caller's reference to v; false (MemoryError) when out of memory. */
export function vecAppend(p: usize, v: Value): bool {
  const o = changetype<VecObject>(p);
  if (o.size == o.capacity) {
    const cap = <usize>o.capacity;
    const next = cap < 4 ? <usize>4 : cap * 2;
    if (next > 0x1ffffff0) {
      raiseMemory();
      return false;
    }
    const items = alloc(next << 3);
    if (items == 0) {
      raiseMemory();
      return false;
    }
    if (cap > 0) {
      memory.copy(items, <usize>o.items, cap << 3);
      free(<usize>o.items, cap << 3);
    }
    o.items = <u32>items;
    o.capacity = <u32>next;
  }
  store<u64>(<usize>o.items + (<usize>o.size << 3), v);
  o.size++;
  return true;
}

// ---------------------------------------------------------------------------------------------------
// dict, set and frozenset live in dict.ts and set.ts; types.ts takes the dict sizes from here.

export { DICT_SIZE as DICT_HEADER_SIZE, DICT_ENTRY_SIZE } from "./dict";
