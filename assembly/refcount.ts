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
import { free } from "./heap";
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
} from "./types";
import { strSize } from "./str";
import { bytesSize } from "./bytes";
import { tupleBlockSize, tupleSize, tupleItem, VEC_HEADER_SIZE, vecSize, vecItems, vecCapacity } from "./tuple";
import { DICT_HEADER_SIZE, DICT_ENTRY_SIZE, dictSize, dictEntries, dictCapacity } from "./tuple";
import { bigBlockSize } from "./int";
import { FLOAT_SIZE, COMPLEX_SIZE } from "./float";
import { CODE_SIZE, CODE_FIRST_FIELD, CODE_FIELD_COUNT, CodeObject } from "./code";

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

export function decref(v: Value): void {
  if (!isObject(v)) return;
  const p = <usize>v;
  const rc = load<u32>(p);
  if (rc > 1) {
    if (rc < IMMORTAL_REFCNT) store<u32>(p, rc - 1);
    return;
  }
  if (rc == 0) return; // already dead (pending): a refcount bug elsewhere; do not free twice
  // rc == 1: dead. Thread it on the pending list through its refcnt field.
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
  switch (kindOf(p)) {
    case KIND_TUPLE: {
      const n = <usize>tupleSize(p);
      for (let i: usize = 0; i < n; i++) decref(tupleItem(p, i));
      break;
    }
    case KIND_LIST:
    case KIND_SET:
    case KIND_FROZENSET: {
      const items = vecItems(p);
      const n = <usize>vecSize(p);
      for (let i: usize = 0; i < n; i++) decref(load<u64>(items + (i << 3)));
      break;
    }
    case KIND_DICT: {
      const e = dictEntries(p);
      const n = <usize>dictSize(p);
      for (let i: usize = 0; i < n; i++) {
        decref(load<u64>(e + i * DICT_ENTRY_SIZE));
        decref(load<u64>(e + i * DICT_ENTRY_SIZE + 8));
      }
      break;
    }
    case KIND_CODE: {
      for (let i: usize = 0; i < CODE_FIELD_COUNT; i++) {
        const f = <usize>load<u32>(p + CODE_FIRST_FIELD + (i << 2));
        if (f != 0) decref(<u64>f);
      }
      break;
    }
  }
  freeShallow(p);
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
    case KIND_TUPLE:
      return tupleBlockSize(p);
    case KIND_LIST:
    case KIND_SET:
    case KIND_FROZENSET:
      return VEC_HEADER_SIZE;
    case KIND_DICT:
      return DICT_HEADER_SIZE;
    case KIND_CODE:
      return CODE_SIZE;
  }
  unreachable(); // static objects (types, Ellipsis) are never freed
  return 0;
}

/**
 * Frees an object's own memory (its block and the blocks only it points to: item arrays, the
 * adaptive instructions) without touching the objects it references.
 */
export function freeShallow(p: usize): void {
  switch (kindOf(p)) {
    case KIND_LIST:
    case KIND_SET:
    case KIND_FROZENSET: {
      const cap = <usize>vecCapacity(p);
      if (cap != 0) free(vecItems(p), cap << 3);
      break;
    }
    case KIND_DICT: {
      const cap = <usize>dictCapacity(p);
      if (cap != 0) free(dictEntries(p), cap * DICT_ENTRY_SIZE);
      break;
    }
    case KIND_CODE: {
      const c = changetype<CodeObject>(p);
      if (c.adaptive != 0) free(<usize>c.adaptive, <usize>c.adaptiveSize);
      break;
    }
  }
  free(p, objectBlockSize(p));
}

/** incref as a function (the inline one cannot be exported). */
export function valueIncref(v: Value): void {
  incref(v);
}
