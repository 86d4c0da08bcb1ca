/**
 * set and frozenset: CPython 3.11's open-addressing table, step for step, so that a set built by
 * the same insertions and deletions of elements with the same hashes iterates in CPython's order.
 *
 * Object (block 40; the table is a separate block of (mask + 1) * 16 bytes, at least 8 slots):
 *
 *   offset 0   [ refcnt u32   | type u32 -> set / frozenset ]
 *          8   [ fill u32     | used u32                    ]   fill: active + dummy slots
 *         16   [ mask u32     | table u32                   ]
 *         24   [ hash i64 (frozenset's cached hash; -1 when not computed)  ]
 *         32   [ finger u32 (where pop() looks next) | 0 u32 ]
 *
 *   slot: [ hash i64 | key Value ]   unused: (0, NULL); dummy (deleted): (-1, SET_DUMMY)
 *
 * Probing (set_lookkey / set_add_entry): start at hash & mask; look at up to LINEAR_PROBES = 9 more
 * adjacent slots when they fit below the table's end; then jump to (i * 5 + 1 + perturb) & mask
 * from the run's first slot, perturb starting as the unsigned hash and shifted right by 5 before
 * each jump. An insertion goes to the last dummy met on the way, else to the unused slot that ends
 * the search. The table grows when fill * 5 >= mask * 3, to the smallest power of two above
 * used * 4 (used * 2 past 50000), re-inserting in slot order; difference_update shrinks it when
 * more than a quarter of the slots are dummies. A lookup whose comparison ran Python code that
 * changed the table starts over, as CPython's does.
 *
 * References: the table owns one reference to each element. setAdd/setDiscard borrow their
 * arguments; every function returning a Value or set pointer returns a new reference; -1 / NULL
 * means an exception was raised.
 *
 * Entry points: setNew, setFromIterable, setAdd, setDiscard, setRemove, setContains, setPop,
 * setClear, setCopy, setUpdate, setUnion, setIntersection, setDifference, setSymmetricDifference
 * (+ Multi/Update variants), setIsSubset, setIsSuperset, setIsDisjoint, setEq, setRichCompare,
 * setIterNew, setIterNext, frozensetHash; setAddSteal / setNextEntry for the unmarshaller and
 * dict.ts.
 */
import { alloc, free } from "./heap";
import { ObjHeader, initHeader, typeOfObject } from "./object";
import { Value, NULL, isObject } from "./values";
import {
  kindOf,
  typeObject,
  KIND_STR,
  KIND_SET,
  KIND_FROZENSET,
  KIND_DICT,
  KIND_SET_ITER,
  raiseMsg,
  raiseMemory,
  raiseWithValue,
  errorType,
  errorClear,
  EXC_KeyError,
  EXC_RuntimeError,
  EXC_TypeError,
} from "./types";
import { StrObject } from "./str";
import { incref, decref, decrefChild } from "./refcount";
import { hashValue, strHash, valueEq } from "./hash";
import { CMP_EQ, CMP_NE, CMP_LT, CMP_LE, CMP_GT, CMP_GE } from "./ops";
import { dictSize, dictNextIndex, dictEntryAddr, dictContainsKnownHash, cursorOpen, cursorNext, cursorClose } from "./dict";

@unmanaged
export class SetObject extends ObjHeader {
  fill: u32;
  used: u32;
  mask: u32;
  table: u32;
  hash: i64;
  finger: u32;
  reserved: u32;
}

export const SET_SIZE: usize = 40;
// @ts-ignore: compile-time check
if (offsetof<SetObject>() != SET_SIZE) ERROR("SetObject layout");

/** The key of a deleted slot: an immediate no Python value uses (incref/decref ignore it). */
export const SET_DUMMY: Value = 0xfffffffffffffff2;
const MINSIZE: u32 = 8;
const LINEAR_PROBES: u32 = 9;

// @ts-ignore: decorator
@inline export function setUsed(p: usize): u32 {
  return changetype<SetObject>(p).used;
}
// @ts-ignore: decorator
@inline export function setFill(p: usize): u32 {
  return changetype<SetObject>(p).fill;
}
// @ts-ignore: decorator
@inline export function setMask(p: usize): u32 {
  return changetype<SetObject>(p).mask;
}
// @ts-ignore: decorator
@inline export function setTable(p: usize): usize {
  return <usize>changetype<SetObject>(p).table;
}
// @ts-ignore: decorator
@inline export function setCachedHash(p: usize): i64 {
  return changetype<SetObject>(p).hash;
}
/** Bytes of a set's table block. */
// @ts-ignore: decorator
@inline export function setTableBytes(p: usize): usize {
  return (<usize>changetype<SetObject>(p).mask + 1) << 4;
}
// @ts-ignore: decorator
@inline function isAnySet(v: Value): bool {
  if (!isObject(v)) return false;
  const k = kindOf(<usize>v);
  return k == KIND_SET || k == KIND_FROZENSET;
}

/** A new empty set or frozenset (kind KIND_SET / KIND_FROZENSET); 0 after MemoryError. */
export function setNew(kind: u32): usize {
  const p = alloc(SET_SIZE);
  if (p == 0) return raiseMemory();
  const t = alloc(<usize>MINSIZE << 4);
  if (t == 0) {
    free(p, SET_SIZE);
    return raiseMemory();
  }
  initHeader(p, typeObject(kind));
  const s = changetype<SetObject>(p);
  s.mask = MINSIZE - 1;
  s.table = <u32>t;
  s.hash = -1;
  return p;
}

/** Decrefs every element (deallocation; refcount.ts frees the blocks with setFreeBlocks). */
export function setDeallocItems(p: usize): void {
  const t = setTable(p);
  const n = <usize>setMask(p) + 1;
  for (let i: usize = 0; i < n; i++) decrefChild(load<u64>(t + (i << 4), 8));
}

/** Frees the table block (not the object's own block, nor the elements). */
export function setFreeBlocks(p: usize): void {
  free(setTable(p), setTableBytes(p));
}

/**
 * Iterates the active slots: returns the slot index >= pos of the next element (its key and hash
 * are at setTable(s) + (index << 4)), or -1 at the end.
 */
export function setNextEntry(s: usize, pos: u32): i32 {
  const t = setTable(s);
  const mask = setMask(s);
  for (let i = pos; i <= mask; i++) {
    const k = load<u64>(t + (<usize>i << 4), 8);
    if (k != NULL && k != SET_DUMMY) return <i32>i;
  }
  return -1;
}

// @ts-ignore: decorator
@inline function slotKey(t: usize, i: u32): Value {
  return load<u64>(t + (<usize>i << 4), 8);
}
// @ts-ignore: decorator
@inline function slotHash(t: usize, i: u32): i64 {
  return load<i64>(t + (<usize>i << 4));
}

// ---------------------------------------------------------------------------------------------------
// Probing

/** Compares an element found with an equal hash; 1 equal, 0 not, -1 error. */
// @ts-ignore: decorator
@inline function sameKey(startkey: Value, key: Value): i32 {
  if (startkey == key) return 1;
  incref(startkey); // the comparison may run code that removes it from the table
  const r = valueEq(startkey, key);
  decref(startkey);
  return r;
}

/** set_lookkey: the slot holding key, -1 when absent, -2 after an error. */
function lookkey(so: usize, key: Value, hash: i64): i32 {
  const s = changetype<SetObject>(so);
  for (;;) {
    let restart = false;
    const table = <usize>s.table;
    let mask = s.mask;
    let i = <u32>hash & mask;
    let perturb = <u64>hash;
    for (;;) {
      let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
      let j = i;
      for (;;) {
        const e = table + (<usize>j << 4);
        const ek = load<u64>(e, 8);
        if (ek == NULL) return -1;
        if (load<i64>(e) == hash) {
          const r = sameKey(ek, key);
          if (r < 0) return -2;
          if (<usize>s.table != table || load<u64>(e, 8) != ek) {
            restart = true;
            break;
          }
          if (r > 0) return <i32>j;
          mask = s.mask;
        }
        if (probes == 0) break;
        probes--;
        j++;
      }
      if (restart) break;
      perturb >>= 5;
      i = <u32>((<u64>i * 5 + 1 + perturb) & <u64>mask);
    }
  }
  return -2; // not reached
}

/**
 * set_add_entry. Returns 1 when key was added, 0 when an equal element was already there, -1 after
 * an error. Takes a new reference to key when it adds it, unless `steal` (then the caller's
 * reference is taken over when added, and stays the caller's when not).
 */
function addEntry(so: usize, key: Value, hash: i64, steal: bool): i32 {
  const s = changetype<SetObject>(so);
  if (!steal) incref(key); // held across comparisons, then owned by the table
  for (;;) {
    let restart = false;
    const table = <usize>s.table;
    let mask = s.mask;
    let i = <u32>hash & mask;
    let perturb = <u64>hash;
    let freeslot: i32 = -1;
    for (;;) {
      let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
      let j = i;
      for (;;) {
        const e = table + (<usize>j << 4);
        const ek = load<u64>(e, 8);
        const eh = load<i64>(e);
        if (ek == NULL) {
          // unused: the element goes here, or to the last dummy met on the way
          if (freeslot >= 0) {
            const f = table + (<usize>freeslot << 4);
            store<i64>(f, hash);
            store<u64>(f, key, 8);
            s.used++;
            return 1;
          }
          store<i64>(e, hash);
          store<u64>(e, key, 8);
          s.fill++;
          s.used++;
          if (<u64>s.fill * 5 < <u64>mask * 3) return 1;
          return tableResize(so, s.used > 50000 ? s.used * 2 : s.used * 4) ? 1 : -1;
        }
        if (eh == hash) {
          const r = sameKey(ek, key);
          if (r > 0) {
            if (!steal) decref(key);
            return 0;
          }
          if (r < 0) {
            if (!steal) decref(key);
            return -1;
          }
          if (<usize>s.table != table || load<u64>(e, 8) != ek) {
            restart = true;
            break;
          }
          mask = s.mask;
        } else if (eh == -1) {
          freeslot = <i32>j;
        }
        if (probes == 0) break;
        probes--;
        j++;
      }
      if (restart) break;
      perturb >>= 5;
      i = <u32>((<u64>i * 5 + 1 + perturb) & <u64>mask);
    }
  }
  return -1; // not reached
}

/** set_insert_clean: places an element known to be absent (no comparisons) into a dummy-free table. */
function insertClean(table: usize, mask: u32, key: Value, hash: i64): void {
  let perturb = <u64>hash;
  let i = <u32>hash & mask;
  for (;;) {
    if (load<u64>(table + (<usize>i << 4), 8) == NULL) break;
    if (i + LINEAR_PROBES <= mask) {
      let found = false;
      for (let j: u32 = 1; j <= LINEAR_PROBES; j++) {
        if (load<u64>(table + (<usize>(i + j) << 4), 8) == NULL) {
          i += j;
          found = true;
          break;
        }
      }
      if (found) break;
    }
    perturb >>= 5;
    i = <u32>((<u64>i * 5 + 1 + perturb) & <u64>mask);
  }
  const e = table + (<usize>i << 4);
  store<i64>(e, hash);
  store<u64>(e, key, 8);
}

/** set_table_resize: a table of the smallest power of two > minused (at least 8); false after MemoryError. */
function tableResize(so: usize, minused: u32): bool {
  const s = changetype<SetObject>(so);
  let newsize: u64 = MINSIZE;
  while (newsize <= <u64>minused) newsize <<= 1;
  // CPython keeps its 8-slot inline table as it is when it has no dummies to purge.
  if (newsize == MINSIZE && s.mask == MINSIZE - 1 && s.fill == s.used) return true;
  if (newsize > 0x08000000) {
    raiseMemory();
    return false;
  }
  const nt = alloc(<usize>newsize << 4);
  if (nt == 0) {
    raiseMemory();
    return false;
  }
  const old = <usize>s.table;
  const oldmask = s.mask;
  const newmask = <u32>newsize - 1;
  for (let i: u32 = 0; i <= oldmask; i++) {
    const k = slotKey(old, i);
    if (k != NULL && k != SET_DUMMY) insertClean(nt, newmask, k, slotHash(old, i));
  }
  s.table = <u32>nt;
  s.mask = newmask;
  s.fill = s.used;
  free(old, (<usize>oldmask + 1) << 4);
  return true;
}

/** A str exactly (a subclass may define __hash__/__eq__). */
// @ts-ignore: decorator
@inline function isExactStr(v: Value): bool {
  return isObject(v) && typeOfObject(<usize>v) == typeObject(KIND_STR);
}

/** The hash a set operation uses for key (str: its cached hash). -1 after an error. */
// @ts-ignore: decorator
@inline function keyHash(key: Value): i64 {
  if (isExactStr(key)) {
    const h = changetype<StrObject>(<usize>key).hash;
    if (h != -1) return h;
    return strHash(<usize>key);
  }
  return hashValue(key);
}

/** set_contains_entry: 1 present, 0 absent, -1 error. */
function containsEntry(so: usize, key: Value, hash: i64): i32 {
  const r = lookkey(so, key, hash);
  return r >= 0 ? 1 : r == -1 ? 0 : -1;
}

/** set_discard_entry: 1 removed, 0 absent, -1 error. */
function discardEntry(so: usize, key: Value, hash: i64): i32 {
  const r = lookkey(so, key, hash);
  if (r == -2) return -1;
  if (r == -1) return 0;
  const s = changetype<SetObject>(so);
  const e = <usize>s.table + (<usize>r << 4);
  const old = load<u64>(e, 8);
  store<u64>(e, SET_DUMMY, 8);
  store<i64>(e, -1);
  s.used--;
  decref(old);
  return 1;
}

// ---------------------------------------------------------------------------------------------------
// Elements

/** set.add(key): 0, or -1 after an error (TypeError for an unhashable key). Borrows key. */
export function setAdd(so: usize, key: Value): i32 {
  const h = keyHash(key);
  if (h == -1) return -1;
  return addEntry(so, key, h, false) < 0 ? -1 : 0;
}

/** Adds with a known hash; 1 added, 0 already present, -1 error. Borrows key. */
export function setAddKnownHash(so: usize, key: Value, hash: i64): i32 {
  return addEntry(so, key, hash, false);
}

/**
 * For the unmarshaller: adds key (hash known) taking over the caller's reference when added
 * (returns 1); when an equal element is there (0) the reference stays the caller's; -1 error.
 */
export function setAddSteal(so: usize, key: Value, hash: i64): i32 {
  return addEntry(so, key, hash, true);
}

/** key in set: 1, 0, or -1 after an error. A set key is looked up as a frozenset, as CPython does. */
export function setContains(so: usize, key: Value): i32 {
  const h = keyHash(key);
  const r = h == -1 ? -1 : containsEntry(so, key, h);
  if (r >= 0 || !retryAsFrozen(key)) return r;
  const tmp = setFromIterable(KIND_FROZENSET, key);
  if (tmp == 0) return -1;
  const r2 = setContains(so, <Value>tmp);
  decref(<Value>tmp);
  return r2;
}

/** After a failed lookup of key: whether it was a set whose TypeError should be retried as frozenset. */
function retryAsFrozen(key: Value): bool {
  if (!isObject(key) || kindOf(<usize>key) != KIND_SET || errorType() != EXC_TypeError) return false;
  errorClear();
  return true;
}

/** set.discard(key): 1 removed, 0 absent, -1 error (a set key is tried as a frozenset). */
export function setDiscard(so: usize, key: Value): i32 {
  const h = keyHash(key);
  const r = h == -1 ? -1 : discardEntry(so, key, h);
  if (r >= 0 || !retryAsFrozen(key)) return r;
  const tmp = setFromIterable(KIND_FROZENSET, key);
  if (tmp == 0) return -1;
  const r2 = setDiscard(so, <Value>tmp);
  decref(<Value>tmp);
  return r2;
}

/** set.remove(key): 0, or -1 with KeyError(key) when absent (or another error). */
export function setRemove(so: usize, key: Value): i32 {
  const r = setDiscard(so, key);
  if (r < 0) return -1;
  if (r == 0) {
    raiseWithValue(EXC_KeyError, key);
    return -1;
  }
  return 0;
}

/** set.pop(): a new reference, or NULL with KeyError "pop from an empty set". */
export function setPop(so: usize): Value {
  const s = changetype<SetObject>(so);
  if (s.used == 0) {
    raiseMsg(EXC_KeyError, "pop from an empty set");
    return NULL;
  }
  const t = <usize>s.table;
  let i = s.finger & s.mask;
  for (;;) {
    const k = slotKey(t, i);
    if (k != NULL && k != SET_DUMMY) break;
    i = i == s.mask ? 0 : i + 1;
  }
  const e = t + (<usize>i << 4);
  const key = load<u64>(e, 8);
  store<u64>(e, SET_DUMMY, 8);
  store<i64>(e, -1);
  s.used--;
  s.finger = i + 1;
  return key; // the table's reference goes to the caller
}

/** set.clear(). Never fails (a fresh 8-slot table is allocated first; if that fails, MemoryError: -1). */
export function setClear(so: usize): i32 {
  const s = changetype<SetObject>(so);
  if (s.fill == 0) return 0;
  const nt = alloc(<usize>MINSIZE << 4);
  if (nt == 0) {
    raiseMemory();
    return -1;
  }
  // Empty the set before releasing elements (a release may run code that looks at the set).
  const old = <usize>s.table;
  const oldmask = s.mask;
  s.table = <u32>nt;
  s.mask = MINSIZE - 1;
  s.fill = 0;
  s.used = 0;
  s.hash = -1;
  for (let i: u32 = 0; i <= oldmask; i++) decref(slotKey(old, i));
  free(old, (<usize>oldmask + 1) << 4);
  return 0;
}

// ---------------------------------------------------------------------------------------------------
// Bulk operations

/** set_merge: adds every element of the set/frozenset other. 0, or -1 after an error. */
function merge(so: usize, other: usize): i32 {
  const s = changetype<SetObject>(so);
  const o = changetype<SetObject>(other);
  if (other == so || o.used == 0) return 0;
  if ((<u64>s.fill + <u64>o.used) * 5 >= <u64>s.mask * 3) {
    if (!tableResize(so, (s.used + o.used) * 2)) return -1;
  }
  if (s.fill == 0 && s.mask == o.mask && o.fill == o.used) {
    // same size, no dummies: the slots carry over as they are
    const n = (<usize>o.mask + 1) << 4;
    memory.copy(<usize>s.table, <usize>o.table, n);
    for (let i: u32 = 0; i <= o.mask; i++) incref(slotKey(<usize>s.table, i));
    s.fill = o.fill;
    s.used = o.used;
    return 0;
  }
  if (s.fill == 0) {
    const t = <usize>s.table;
    const m = s.mask;
    for (let i: u32 = 0; i <= o.mask; i++) {
      const k = slotKey(<usize>o.table, i);
      if (k != NULL && k != SET_DUMMY) {
        incref(k);
        insertClean(t, m, k, slotHash(<usize>o.table, i));
      }
    }
    s.fill = o.used;
    s.used = o.used;
    return 0;
  }
  for (let i: u32 = 0; i <= o.mask; i++) {
    const k = slotKey(<usize>o.table, i);
    if (k != NULL && k != SET_DUMMY) {
      if (addEntry(so, k, slotHash(<usize>o.table, i), false) < 0) return -1;
    }
  }
  return 0;
}

/** set_update_internal: adds every element of any iterable. 0, or -1 after an error. */
export function setUpdate(so: usize, other: Value): i32 {
  if (isAnySet(other)) return merge(so, <usize>other);
  if (isObject(other) && kindOf(<usize>other) == KIND_DICT) {
    const s = changetype<SetObject>(so);
    const n = dictSize(<usize>other);
    if ((<u64>s.fill + <u64>n) * 5 >= <u64>s.mask * 3) {
      if (!tableResize(so, (s.used + n) * 2)) return -1;
    }
    let pos: u32 = 0;
    for (;;) {
      const ix = dictNextIndex(<usize>other, pos);
      if (ix < 0) break;
      pos = <u32>ix + 1;
      const e = dictEntryAddr(<usize>other, <u32>ix);
      if (addEntry(so, load<u64>(e, 8), load<i64>(e), false) < 0) return -1;
    }
    return 0;
  }
  const c = cursorOpen(other);
  if (c == 0) return -1;
  let r: i32 = 0;
  for (;;) {
    const key = cursorNext(c);
    if (key == NULL) {
      if (errorType() != 0) r = -1;
      break;
    }
    const h = keyHash(key);
    const a = h == -1 ? -1 : addEntry(so, key, h, false);
    decref(key);
    if (a < 0) {
      r = -1;
      break;
    }
  }
  cursorClose(c);
  return r;
}

/** A new set or frozenset (kind) holding the elements of iterable (NULL: empty); 0 after an error. */
export function setFromIterable(kind: u32, iterable: Value): usize {
  const s = setNew(kind);
  if (s == 0 || iterable == NULL) return s;
  if (setUpdate(s, iterable) < 0) {
    decref(<Value>s);
    return 0;
  }
  return s;
}

/** set.copy() (frozenset.copy() of a frozenset is the frozenset itself). */
export function setCopy(so: usize): usize {
  if (kindOf(so) == KIND_FROZENSET) {
    incref(<Value>so);
    return so;
  }
  return setFromIterable(KIND_SET, <Value>so);
}

/** A new set of so's kind with so's elements (make_new_set_basetype(type(so), so)). */
function copyOf(so: usize): usize {
  return setFromIterable(kindOf(so), <Value>so);
}

/** set.union(*others) / set | other: a new set of so's kind. */
export function setUnion(so: usize, others: usize, n: i32): usize {
  const r = copyOf(so);
  if (r == 0) return 0;
  for (let i = 0; i < n; i++) {
    const o = load<u64>(others + (<usize>i << 3));
    if (<usize>o == so) continue;
    if (setUpdate(r, o) < 0) {
      decref(<Value>r);
      return 0;
    }
  }
  return r;
}

/** so | other for two sets (the operator: the caller has checked both are sets/frozensets). */
export function setOr(so: usize, other: usize): usize {
  const r = copyOf(so);
  if (r == 0 || other == so) return r;
  if (merge(r, other) < 0) {
    decref(<Value>r);
    return 0;
  }
  return r;
}

/** set_intersection(so, other): a new set of so's kind. */
export function setIntersection(so: usize, other: Value): usize {
  if (<usize>other == so) return copyOf(so);
  const result = setNew(kindOf(so));
  if (result == 0) return 0;
  if (isAnySet(other)) {
    let big = so;
    let small = <usize>other;
    if (setUsed(small) > setUsed(big)) {
      big = <usize>other;
      small = so;
    }
    let pos: u32 = 0;
    for (;;) {
      const i = setNextEntry(small, pos);
      if (i < 0) break;
      pos = <u32>i + 1;
      const key = slotKey(setTable(small), <u32>i);
      const h = slotHash(setTable(small), <u32>i);
      incref(key);
      let rv = containsEntry(big, key, h);
      if (rv > 0) rv = addEntry(result, key, h, false);
      decref(key);
      if (rv < 0) {
        decref(<Value>result);
        return 0;
      }
    }
    return result;
  }
  const c = cursorOpen(other);
  if (c == 0) {
    decref(<Value>result);
    return 0;
  }
  let failed = false;
  for (;;) {
    const key = cursorNext(c);
    if (key == NULL) {
      failed = errorType() != 0;
      break;
    }
    const h = hashValue(key);
    let rv = h == -1 ? -1 : containsEntry(so, key, h);
    if (rv > 0) rv = addEntry(result, key, h, false);
    decref(key);
    if (rv < 0) {
      failed = true;
      break;
    }
    if (setUsed(result) >= setUsed(so)) break;
  }
  cursorClose(c);
  if (failed) {
    decref(<Value>result);
    return 0;
  }
  return result;
}

/** set.intersection(*others). */
export function setIntersectionMulti(so: usize, others: usize, n: i32): usize {
  if (n == 0) return copyOf(so);
  let result = so;
  incref(<Value>so);
  for (let i = 0; i < n; i++) {
    const next = setIntersection(result, load<u64>(others + (<usize>i << 3)));
    decref(<Value>result);
    if (next == 0) return 0;
    result = next;
  }
  return result;
}

/** set_swap_bodies: exchanges the tables (and counts) of a and b; hashes swap only between frozensets. */
function swapBodies(a: usize, b: usize): void {
  const x = changetype<SetObject>(a);
  const y = changetype<SetObject>(b);
  let t = x.fill;
  x.fill = y.fill;
  y.fill = t;
  t = x.used;
  x.used = y.used;
  y.used = t;
  t = x.mask;
  x.mask = y.mask;
  y.mask = t;
  t = x.table;
  x.table = y.table;
  y.table = t;
  if (kindOf(a) == KIND_FROZENSET && kindOf(b) == KIND_FROZENSET) {
    const h = x.hash;
    x.hash = y.hash;
    y.hash = h;
  } else {
    x.hash = -1;
    y.hash = -1;
  }
}

/** so.intersection_update(*others): 0 or -1. */
export function setIntersectionUpdate(so: usize, others: usize, n: i32): i32 {
  const tmp = setIntersectionMulti(so, others, n);
  if (tmp == 0) return -1;
  swapBodies(so, tmp);
  decref(<Value>tmp);
  return 0;
}

/** set_difference_update_internal: 0 or -1. */
export function setDifferenceUpdate(so: usize, other: Value): i32 {
  if (<usize>other == so) return setClear(so);
  if (isAnySet(other)) {
    let o = <usize>other;
    if (setUsed(o) >> 3 > setUsed(so)) {
      o = setIntersection(so, other);
      if (o == 0) return -1;
    } else {
      incref(other);
    }
    let pos: u32 = 0;
    for (;;) {
      const i = setNextEntry(o, pos);
      if (i < 0) break;
      pos = <u32>i + 1;
      const key = slotKey(setTable(o), <u32>i);
      incref(key);
      const r = discardEntry(so, key, slotHash(setTable(o), <u32>i));
      decref(key);
      if (r < 0) {
        decref(<Value>o);
        return -1;
      }
    }
    decref(<Value>o);
  } else {
    const c = cursorOpen(other);
    if (c == 0) return -1;
    let failed = false;
    for (;;) {
      const key = cursorNext(c);
      if (key == NULL) {
        failed = errorType() != 0;
        break;
      }
      const r = setDiscard(so, key);
      decref(key);
      if (r < 0) {
        failed = true;
        break;
      }
    }
    cursorClose(c);
    if (failed) return -1;
  }
  const s = changetype<SetObject>(so);
  if (s.fill - s.used <= s.mask / 4) return 0;
  return tableResize(so, s.used > 50000 ? s.used * 2 : s.used * 4) ? 0 : -1;
}

/** so.difference_update(*others): 0 or -1. */
export function setDifferenceUpdateMulti(so: usize, others: usize, n: i32): i32 {
  for (let i = 0; i < n; i++) {
    if (setDifferenceUpdate(so, load<u64>(others + (<usize>i << 3))) < 0) return -1;
  }
  return 0;
}

function copyAndDifference(so: usize, other: Value): usize {
  const r = copyOf(so);
  if (r == 0) return 0;
  if (setDifferenceUpdate(r, other) < 0) {
    decref(<Value>r);
    return 0;
  }
  return r;
}

/** set_difference(so, other) / so - other: a new set of so's kind. */
export function setDifference(so: usize, other: Value): usize {
  let otherSize: u32;
  const isDict = isObject(other) && kindOf(<usize>other) == KIND_DICT;
  if (isAnySet(other)) otherSize = setUsed(<usize>other);
  else if (isDict) otherSize = dictSize(<usize>other);
  else return copyAndDifference(so, other);
  if (setUsed(so) >> 2 > otherSize) return copyAndDifference(so, other);
  const result = setNew(kindOf(so));
  if (result == 0) return 0;
  let pos: u32 = 0;
  for (;;) {
    const i = setNextEntry(so, pos);
    if (i < 0) break;
    pos = <u32>i + 1;
    const key = slotKey(setTable(so), <u32>i);
    const h = slotHash(setTable(so), <u32>i);
    incref(key);
    let rv = isDict ? dictContainsKnownHash(<usize>other, key, h) : containsEntry(<usize>other, key, h);
    if (rv == 0) rv = addEntry(result, key, h, false);
    decref(key);
    if (rv < 0) {
      decref(<Value>result);
      return 0;
    }
  }
  return result;
}

/** set.difference(*others). */
export function setDifferenceMulti(so: usize, others: usize, n: i32): usize {
  if (n == 0) return copyOf(so);
  const r = setDifference(so, load<u64>(others));
  if (r == 0) return 0;
  for (let i = 1; i < n; i++) {
    if (setDifferenceUpdate(r, load<u64>(others + (<usize>i << 3))) < 0) {
      decref(<Value>r);
      return 0;
    }
  }
  return r;
}

/** Removes key if present, else adds it (one step of symmetric_difference_update). */
function toggle(so: usize, key: Value, hash: i64): i32 {
  incref(key);
  let r = discardEntry(so, key, hash);
  if (r == 0) r = addEntry(so, key, hash, false);
  decref(key);
  return r < 0 ? -1 : 0;
}

/** so.symmetric_difference_update(other): 0 or -1. */
export function setSymmetricDifferenceUpdate(so: usize, other: Value): i32 {
  if (<usize>other == so) return setClear(so);
  if (isObject(other) && kindOf(<usize>other) == KIND_DICT) {
    let pos: u32 = 0;
    for (;;) {
      const ix = dictNextIndex(<usize>other, pos);
      if (ix < 0) return 0;
      pos = <u32>ix + 1;
      const e = dictEntryAddr(<usize>other, <u32>ix);
      if (toggle(so, load<u64>(e, 8), load<i64>(e)) < 0) return -1;
    }
  }
  let o: usize;
  if (isAnySet(other)) {
    o = <usize>other;
    incref(other);
  } else {
    o = setFromIterable(kindOf(so), other);
    if (o == 0) return -1;
  }
  let pos: u32 = 0;
  let r: i32 = 0;
  for (;;) {
    const i = setNextEntry(o, pos);
    if (i < 0) break;
    pos = <u32>i + 1;
    if (toggle(so, slotKey(setTable(o), <u32>i), slotHash(setTable(o), <u32>i)) < 0) {
      r = -1;
      break;
    }
  }
  decref(<Value>o);
  return r;
}

/** so.symmetric_difference(other) / so ^ other: a new set of so's kind. */
export function setSymmetricDifference(so: usize, other: Value): usize {
  const o = setFromIterable(kindOf(so), other);
  if (o == 0) return 0;
  if (setSymmetricDifferenceUpdate(o, <Value>so) < 0) {
    decref(<Value>o);
    return 0;
  }
  return o;
}

/** so <= other: 1, 0, or -1. A non-set other is made a set first. */
export function setIsSubset(so: usize, other: Value): i32 {
  if (!isAnySet(other)) {
    const tmp = setFromIterable(KIND_SET, other);
    if (tmp == 0) return -1;
    const r = setIsSubset(so, <Value>tmp);
    decref(<Value>tmp);
    return r;
  }
  const o = <usize>other;
  if (setUsed(so) > setUsed(o)) return 0;
  let pos: u32 = 0;
  for (;;) {
    const i = setNextEntry(so, pos);
    if (i < 0) return 1;
    pos = <u32>i + 1;
    const key = slotKey(setTable(so), <u32>i);
    incref(key);
    const r = containsEntry(o, key, slotHash(setTable(so), <u32>i));
    decref(key);
    if (r <= 0) return r;
  }
  return 1; // not reached
}

/** so >= other: 1, 0, or -1. */
export function setIsSuperset(so: usize, other: Value): i32 {
  if (isAnySet(other)) return setIsSubset(<usize>other, <Value>so);
  const c = cursorOpen(other);
  if (c == 0) return -1;
  let r: i32 = 1;
  for (;;) {
    const key = cursorNext(c);
    if (key == NULL) {
      if (errorType() != 0) r = -1;
      break;
    }
    const rv = setContains(so, key);
    decref(key);
    if (rv <= 0) {
      r = rv;
      break;
    }
  }
  cursorClose(c);
  return r;
}

/** so.isdisjoint(other): 1, 0, or -1. */
export function setIsDisjoint(so: usize, other: Value): i32 {
  if (<usize>other == so) return setUsed(so) == 0 ? 1 : 0;
  if (isAnySet(other)) {
    let big = so;
    let small = <usize>other;
    if (setUsed(small) > setUsed(big)) {
      big = <usize>other;
      small = so;
    }
    let pos: u32 = 0;
    for (;;) {
      const i = setNextEntry(small, pos);
      if (i < 0) return 1;
      pos = <u32>i + 1;
      const key = slotKey(setTable(small), <u32>i);
      incref(key);
      const r = containsEntry(big, key, slotHash(setTable(small), <u32>i));
      decref(key);
      if (r != 0) return r < 0 ? -1 : 0;
    }
  }
  const c = cursorOpen(other);
  if (c == 0) return -1;
  let r: i32 = 1;
  for (;;) {
    const key = cursorNext(c);
    if (key == NULL) {
      if (errorType() != 0) r = -1;
      break;
    }
    const h = keyHash(key);
    const rv = h == -1 ? -1 : containsEntry(so, key, h);
    decref(key);
    if (rv != 0) {
      r = rv < 0 ? -1 : 0;
      break;
    }
  }
  cursorClose(c);
  return r;
}

/** Set comparison (set_richcompare) of a set with a set/frozenset w: 1, 0, or -1 after an error. */
export function setRichCompare(v: usize, w: usize, op: i32): i32 {
  switch (op) {
    case CMP_EQ:
      return setEq(v, w);
    case CMP_NE: {
      const r = setEq(v, w);
      return r < 0 ? -1 : 1 - r;
    }
    case CMP_LE:
      return setIsSubset(v, <Value>w);
    case CMP_GE:
      return setIsSuperset(v, <Value>w);
    case CMP_LT:
      return setUsed(v) >= setUsed(w) ? 0 : setIsSubset(v, <Value>w);
    case CMP_GT:
      return setUsed(v) <= setUsed(w) ? 0 : setIsSuperset(v, <Value>w);
  }
  return 0;
}

/** v == w for two sets/frozensets: 1, 0, or -1. */
export function setEq(v: usize, w: usize): i32 {
  if (setUsed(v) != setUsed(w)) return 0;
  const hv = setCachedHash(v);
  const hw = setCachedHash(w);
  if (hv != -1 && hw != -1 && hv != hw) return 0;
  return setIsSubset(v, <Value>w);
}

// @ts-ignore: decorator
@inline function shuffleBits(h: u64): u64 {
  return (h ^ 89869747 ^ (h << 16)) * 3644798167;
}

/** hash(frozenset), cached in the object. (Only for frozensets: a set is unhashable.) */
export function frozensetHash(so: usize): i64 {
  const s = changetype<SetObject>(so);
  if (s.hash != -1) return s.hash;
  // CPython xors over every slot and cancels the unused/dummy ones: the same as the active ones.
  let h: u64 = 0;
  const t = <usize>s.table;
  for (let i: u32 = 0; i <= s.mask; i++) {
    const k = slotKey(t, i);
    if (k != NULL && k != SET_DUMMY) h ^= shuffleBits(<u64>slotHash(t, i));
  }
  h ^= (<u64>s.used + 1) * 1927868237;
  h ^= (h >> 11) ^ (h >> 25);
  h = h * 69069 + 907133923;
  const r: i64 = h == 0xffffffffffffffff ? 590923713 : <i64>h;
  s.hash = r;
  return r;
}

// ---------------------------------------------------------------------------------------------------
// Iterator (KIND_SET_ITER, block 24): [ header | set u32 (0 once exhausted) | used i32 | pos u32 | len u32 ]

export const SET_ITER_SIZE: usize = 24;

/** iter(set): a new set_iterator; 0 after MemoryError. */
export function setIterNew(so: usize): usize {
  const it = alloc(SET_ITER_SIZE);
  if (it == 0) return raiseMemory();
  initHeader(it, typeObject(KIND_SET_ITER));
  incref(<Value>so);
  store<u32>(it, <u32>so, 8);
  store<u32>(it, setUsed(so), 12);
  store<u32>(it, 0, 16);
  store<u32>(it, setUsed(so), 20);
  return it;
}

/** The set a set_iterator walks (0 once exhausted); borrowed. */
export function setIterSet(it: usize): usize {
  return <usize>load<u32>(it, 8);
}

/**
 * next(set_iterator): a new reference; NULL without an exception when exhausted; NULL with
 * RuntimeError "Set changed size during iteration" when the set's size changed (sticky).
 */
export function setIterNext(it: usize): Value {
  const so = <usize>load<u32>(it, 8);
  if (so == 0) return NULL;
  if (load<i32>(it, 12) != <i32>setUsed(so)) {
    store<i32>(it, -1, 12);
    raiseMsg(EXC_RuntimeError, "Set changed size during iteration");
    return NULL;
  }
  const i = setNextEntry(so, load<u32>(it, 16));
  if (i < 0) {
    store<u32>(it, 0, 8);
    decref(<Value>so);
    return NULL;
  }
  store<u32>(it, <u32>i + 1, 16);
  store<u32>(it, load<u32>(it, 20) - 1, 20);
  const key = slotKey(setTable(so), <u32>i);
  incref(key);
  return key;
}

/** set_iterator.__length_hint__(). */
export function setIterLengthHint(it: usize): u32 {
  const so = <usize>load<u32>(it, 8);
  return so != 0 && load<i32>(it, 12) == <i32>setUsed(so) ? load<u32>(it, 20) : 0;
}
