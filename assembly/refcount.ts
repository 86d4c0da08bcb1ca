/**
 * Reference counting. Every heap object's header holds a u32 count (object.ts); small ints and
 * immediates (None, True, False) are not counted, and static objects (IMMORTAL_REFCNT) are never
 * modified or freed.
 *
 * Ownership rules (assembly/README.md has the long form):
 * - A function that returns a Value returns a new reference the caller must decref (unmarshal's
 *   result, constructors) unless its doc says "borrowed".
 * - Containers (tuple, list, dict, set, frozenset, code) own one reference to each item/field;
 *   storing into one hands over the caller's reference.
 * - When a count drops to 0 the object is deallocated: its children are decref'd, then its block(s)
 *   go back to heap.free with the exact sizes they were allocated with.
 *
 * Deallocation is iterative, so a long chain (a tuple nested thousands deep, a linked list built by
 * a program) cannot overflow the wasm stack, which CPython solves with its "trashcan": a dead object
 * is pushed on a pending list threaded through its own refcnt field (now free to reuse: the count is
 * 0 and no one can reach the object), and one loop pops and frees until the list is empty.
 *
 * Cycles are not collected yet (a cycle collector comes later): objects in a reference cycle leak.
 *
 * Entry points: incref, decref, objectBlockSize, freeShallow (for discarding objects wholesale
 * without looking at counts: unmarshal's error path).
 */
import { free, freeHot } from "./heap";
import { runtimeDeallocChildren, runtimeBlockSize } from "./rt-dealloc";
import { TPFLAG_HEAPTYPE, TPFLAG_FINALIZER, typeObject } from "./types";
import { IMMORTAL_REFCNT } from "./object";
import { Value, isObject } from "./values";
import {
  kindOf,
  KIND_INT,
  KIND_FLOAT,
  KIND_COMPLEX,
  KIND_STR,
  KIND_BYTES,
  KIND_TUPLE,
  KIND_LIST,
  KIND_DICT,
  KIND_SET,
  KIND_FROZENSET,
  KIND_CODE,
  KIND_DICT_KEYS,
  KIND_DICT_VALUES,
  KIND_DICT_ITEMS,
  KIND_DICT_KEYITER,
  KIND_DICT_VALUEITER,
  KIND_DICT_ITEMITER,
  KIND_SET_ITER,
} from "./types";
import { strSize } from "./str";
import { bytesSize } from "./bytes";
import { tupleBlockSize, tupleSize, tupleItem, VEC_HEADER_SIZE, vecSize, vecItems, vecCapacity } from "./tuple";
import { DICT_SIZE, DICT_VIEW_SIZE, DICT_ITER_SIZE, dictDeallocItems, dictFreeBlocks } from "./dict";
import { SET_SIZE, SET_ITER_SIZE, setDeallocItems, setFreeBlocks } from "./set";
import { bigBlockSize } from "./int";
import { FLOAT_SIZE, COMPLEX_SIZE } from "./float";
import { CODE_SIZE, CODE_FIRST_FIELD, CODE_FIELD_COUNT, CodeObject } from "./code";
import { KIND_RANGE, KIND_RANGE_ITER, KIND_SLICE, KIND_LIST_ITER, KIND_TUPLE_ITER, KIND_LIST_REVITER, KIND_SEQ_ITER } from "./types";
import { RANGE_SIZE, RANGE_ITER_SIZE } from "./range";
import { rangeLongDeallocChildren } from "./range-long";
import { SLICE_SIZE, sliceDeallocChildren } from "./slice";
import { SEQ_ITER_SIZE, seqIterDeallocChildren } from "./list";
import { BYTEARRAY_SIZE, bytearrayFreeBlocks } from "./bytearray";
import { KIND_BYTEARRAY } from "./types";
import { KIND_BYTES_ITER, KIND_ENUMERATE, KIND_ZIP, KIND_MAP, KIND_FILTER, KIND_REVERSED, KIND_CALLABLE_ITER } from "./types";
import { iterToolsBlockSize, iterToolsDeallocChildren } from "./itertools";
import { gcKindTracked, gcUntrack, gcCountFree, dictUntracked } from "./gc-tables";

/** A dying container leaves the collector's tables (an untracked exact dict only its count). */
// @ts-ignore: decorator
@inline function gcForget(p: usize, kind: u32): void {
  if (kind == KIND_DICT && dictUntracked(p)) gcCountFree();
  else gcUntrack(p);
}

// @ts-ignore: decorator
@inline export function incref(v: Value): void {
  if (isObject(v)) {
    const p = <usize>v;
    const rc = load<u32>(p);
    if (rc < IMMORTAL_REFCNT) store<u32>(p, rc + 1);
  }
}

/** Object pointer variant of incref (p != 0). */
// @ts-ignore: decorator
@inline export function increfObject(p: usize): void {
  const rc = load<u32>(p);
  if (rc < IMMORTAL_REFCNT) store<u32>(p, rc + 1);
}

let pendingHead: usize = 0;
let draining = false;

/** Runs an object's finalizer (finalize.ts installs it at start-up; refcount.ts stays a leaf). */
let finalizeHook: (p: usize) => void = noFinalizer;
function noFinalizer(p: usize): void {}
export function setFinalizeHook(f: (p: usize) => void): void {
  finalizeHook = f;
}

/** Drops a reference. Inlined: the common case (still alive) is two loads and a store. */
// @ts-ignore: decorator
@inline export function decref(v: Value): void {
  if (isObject(v)) {
    const p = <usize>v;
    const rc = load<u32>(p);
    if (rc > 1) {
      if (rc < IMMORTAL_REFCNT) store<u32>(p, rc - 1);
    } else {
      decrefLast(p, rc);
    }
  }
}

/**
 * decref under a second name, for code on the deallocation path (dealloc, frameFree, the
 * runtime's children): AssemblyScript does not inline a function into code it compiles while
 * expanding that same function, and it compiles decrefLast → dealloc → ... while expanding decref,
 * so there every decref was a call (85 of them; frameFree's alone cost fib ~6%). Keep the two
 * bodies the same.
 */
// @ts-ignore: decorator
@inline export function decrefChild(v: Value): void {
  if (isObject(v)) {
    const p = <usize>v;
    const rc = load<u32>(p);
    if (rc > 1) {
      if (rc < IMMORTAL_REFCNT) store<u32>(p, rc - 1);
    } else {
      decrefLast(p, rc);
    }
  }
}

/** The last reference (rc 1) went away: finalize, then free (out of line, off the hot path). */
function decrefLast(p: usize, rc: u32): void {
  if (rc == 0) return; // already dead (pending): a refcount bug elsewhere; do not free twice
  // Floats die by the million in numeric code: no children, no finalizer, one block.
  if (load<u32>(p, 4) == <u32>typeObject(KIND_FLOAT)) {
    freeHot(p, FLOAT_SIZE);
    return;
  }
  // rc == 1: dead. Objects with a finalizer (__del__, unfinished generators) run it first, still
  // holding their last reference; if it resurrected them, they live on.
  if ((load<u32>(<usize>load<u32>(p, 4), 12) & TPFLAG_FINALIZER) != 0) {
    finalizeHook(p);
    const after = load<u32>(p);
    if (after > 1) {
      store<u32>(p, after - 1);
      return;
    }
  }
  // Thread it on the pending list through its refcnt field.
  store<u32>(p, <u32>pendingHead);
  pendingHead = p;
  if (draining) return;
  draining = true;
  while (pendingHead != 0) {
    const o = pendingHead;
    pendingHead = <usize>load<u32>(o);
    dealloc(o);
  }
  draining = false;
}

/** Frees a dead object: its references first (which may queue more dead objects), then its blocks. */
function dealloc(p: usize): void {
  // Instances of classes made at run time own a reference to their class.
  const type = <usize>load<u32>(p, 4);
  const heapType = (load<u32>(type, 12) & TPFLAG_HEAPTYPE) != 0;
  const kind = kindOf(p);
  // Untrack first: code run by the decrefs below may start a collection, which must not see p.
  if (gcKindTracked(kind)) gcForget(p, kind);
  if (heapType && (load<u32>(type, 12) & TPFLAG_SIDE_DICT) != 0) sideDictRelease(p); // side-dict.ts
  switch (kind) {
    case KIND_TUPLE: {
      const n = <usize>tupleSize(p);
      for (let i: usize = 0; i < n; i++) decrefChild(tupleItem(p, i));
      break;
    }
    case KIND_LIST: {
      const items = vecItems(p);
      const n = <usize>vecSize(p);
      for (let i: usize = 0; i < n; i++) decrefChild(load<u64>(items + (i << 3)));
      break;
    }
    case KIND_SET:
    case KIND_FROZENSET:
      setDeallocItems(p);
      break;
    case KIND_DICT:
      dictDeallocItems(p);
      break;
    case KIND_DICT_KEYS:
    case KIND_DICT_VALUES:
    case KIND_DICT_ITEMS:
    case KIND_DICT_KEYITER:
    case KIND_DICT_VALUEITER:
    case KIND_DICT_ITEMITER:
    case KIND_SET_ITER: {
      const c = <usize>load<u32>(p, 8); // the dict or set (0: an exhausted iterator)
      if (c != 0) decrefChild(<u64>c);
      break;
    }
    case KIND_SLICE:
      sliceDeallocChildren(p);
      break;
    case KIND_RANGE:
    case KIND_RANGE_ITER:
      rangeLongDeallocChildren(p); // only the long forms hold references
      break;
    case KIND_LIST_ITER:
    case KIND_TUPLE_ITER:
    case KIND_LIST_REVITER:
    case KIND_SEQ_ITER:
      seqIterDeallocChildren(p);
      break;
    case KIND_CODE: {
      for (let i: usize = 0; i < CODE_FIELD_COUNT; i++) {
        const f = <usize>load<u32>(p + CODE_FIRST_FIELD + (i << 2));
        if (f != 0) decrefChild(<u64>f);
      }
      break;
    }
    case KIND_BYTES_ITER: {
      const b = <usize>load<u32>(p, 8); // the bytes (0: an exhausted iterator; bytes-ops.ts)
      if (b != 0) decrefChild(<u64>b);
      break;
    }
    case KIND_ENUMERATE:
    case KIND_ZIP:
    case KIND_MAP:
    case KIND_FILTER:
    case KIND_REVERSED:
    case KIND_CALLABLE_ITER:
      iterToolsDeallocChildren(p);
      break;
    case KIND_INT:
    case KIND_FLOAT:
    case KIND_COMPLEX:
    case KIND_STR:
    case KIND_BYTES:
      break; // no references held (the commonest objects freed: no call to find that out)
    default:
      runtimeDeallocChildren(p); // the eval loop's objects (rt-dealloc.ts)
  }
  freeOwnBlocks(p);
  if (heapType) decrefChild(<u64>type);
}

/** The size of an object's own block (as allocated). */
export function objectBlockSize(p: usize): usize {
  switch (kindOf(p)) {
    case KIND_INT:
      return bigBlockSize(p);
    case KIND_FLOAT:
      return FLOAT_SIZE;
    case KIND_COMPLEX:
      return COMPLEX_SIZE;
    case KIND_STR:
      return strSize(p);
    case KIND_BYTES:
      return bytesSize(p);
    case KIND_BYTEARRAY:
      return BYTEARRAY_SIZE;
    case KIND_TUPLE:
      return tupleBlockSize(p);
    case KIND_LIST:
      return VEC_HEADER_SIZE;
    case KIND_SET:
    case KIND_FROZENSET:
      return SET_SIZE;
    case KIND_DICT:
      return DICT_SIZE;
    case KIND_DICT_KEYS:
    case KIND_DICT_VALUES:
    case KIND_DICT_ITEMS:
      return DICT_VIEW_SIZE;
    case KIND_DICT_KEYITER:
    case KIND_DICT_VALUEITER:
    case KIND_DICT_ITEMITER:
      return DICT_ITER_SIZE;
    case KIND_SET_ITER:
      return SET_ITER_SIZE;
    case KIND_RANGE:
      return RANGE_SIZE;
    case KIND_RANGE_ITER:
      return RANGE_ITER_SIZE;
    case KIND_SLICE:
      return SLICE_SIZE;
    case KIND_LIST_ITER:
    case KIND_TUPLE_ITER:
    case KIND_LIST_REVITER:
    case KIND_SEQ_ITER:
      return SEQ_ITER_SIZE;
    case KIND_CODE:
      return CODE_SIZE;
    case KIND_BYTES_ITER:
      return 16; // bytes-ops.ts BYTES_ITER_SIZE
    case KIND_ENUMERATE:
    case KIND_ZIP:
    case KIND_MAP:
    case KIND_FILTER:
    case KIND_REVERSED:
    case KIND_CALLABLE_ITER:
      return iterToolsBlockSize(p);
  }
  return runtimeBlockSize(p); // the eval loop's objects (rt-dealloc.ts)
}

/**
 * Frees an object's own memory (its block and the blocks only it points to: item arrays, the
 * adaptive instructions) without touching the objects it references.
 */
export function freeShallow(p: usize): void {
  const kind = kindOf(p);
  if (gcKindTracked(kind)) gcForget(p, kind);
  freeOwnBlocks(p);
}

function freeOwnBlocks(p: usize): void {
  switch (kindOf(p)) {
    case KIND_LIST: {
      const cap = <usize>vecCapacity(p);
      if (cap != 0) free(vecItems(p), cap << 3);
      break;
    }
    case KIND_SET:
    case KIND_FROZENSET:
      setFreeBlocks(p);
      break;
    case KIND_DICT:
      dictFreeBlocks(p);
      break;
    case KIND_BYTEARRAY:
      bytearrayFreeBlocks(p);
      break;
    case KIND_CODE: {
      const c = changetype<CodeObject>(p);
      if (c.adaptive != 0) free(<usize>c.adaptive, <usize>c.adaptiveSize);
      break;
    }
  }
  free(p, objectBlockSize(p));
}

/** Whether dead objects are being freed (the cycle collector must not run then: gc.ts). */
export function deallocInProgress(): bool {
  return draining;
}

/** incref as a function (the inline one cannot be exported). */
export function valueIncref(v: Value): void {
  incref(v);
}
import { sideDictRelease } from "./side-dict";
import { TPFLAG_SIDE_DICT } from "./types";
