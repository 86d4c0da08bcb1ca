/**
 * dict: CPython 3.11's compact dict (combined table), step for step: an index table of 1/2/4-byte
 * signed slots (DKIX_EMPTY -1, DKIX_DUMMY -2, else an entry number) probed with i = hash & mask,
 * then perturb >>= 5; i = (i * 5 + perturb + 1) & mask; and an entries array in insertion order.
 * Deleting leaves a dummy slot and a NULL entry; an insertion that finds no usable entry left
 * resizes to the smallest power of two >= used * 3 (at least 8), compacting the entries. So
 * iteration order, popitem() and "changed size during iteration" behave as CPython's.
 * (CPython's str-only key tables and split instance dicts differ only in memory layout, not in
 * anything a program sees; we have the general table only.)
 *
 * Object (block 24; the keys block is separate, 0 while the dict has never held anything or was
 * cleared, CPython's Py_EMPTY_KEYS):
 *
 *   offset 0   [ refcnt u32   | type u32 -> dict          ]
 *          8   [ used u32     | keys u32 -> keys block    ]
 *         16   [ version u64 (global counter at the last change) ]
 *
 * Keys block: 16 + size * ixbytes + usable_fraction(size) * 24 bytes:
 *
 *   offset 0   [ log2size u8 | ixlog u8 (index bytes = 1 << ixlog) | 0 u16 | usable i32 ]
 *          8   [ nentries u32 | keyBits u32 ]
 *         16   [ indices: size slots of 1/2/4 bytes ]
 *         ...  [ entries: (hash i64, key Value, value Value) x usable_fraction(size) ]
 *
 * keyBits: one bit per key ever entered in this block (bit (hash >> 26) & 31), never cleared by a
 * delete: a key whose bit is unset is certainly absent. LOAD_METHOD asks it of every instance
 * dict, to learn in two loads that the instance does not shadow a method (CPython 3.11 keeps
 * that fact in its shared keys; richards spent ~7% in those lookups).
 *
 * Version: a global 64-bit counter, incremented and stored in the dict on every change (insert,
 * replace, delete, clear, resize, creation), so an inline cache that saw version V knows that
 * nothing changed while dictVersion(d) is still V. dictLookupIndex gives the entry number of a
 * key; dictEntryKey/dictEntryValue read entry i back; the number is valid for as long as the
 * version is unchanged (LOAD_GLOBAL caches (version, index)).
 *
 * References: the dict owns one reference to each key and value. dictSetItem borrows its
 * arguments and takes its own references (increfs key and value when it stores them); dictGetItem
 * and dictGetItemStr return BORROWED values; everything else returning a Value returns a new
 * reference. Errors: -1 / NULL with an exception raised (dictGetItem: NULL with no exception when
 * the key is absent; check errorType()).
 *
 * Lookups compare keys with hash.ts valueEq, which may run Python code (ops.objEq) that mutates
 * the dict; the lookup then starts over, as CPython's does.
 *
 * Also here: the views (dict_keys/values/items, KIND_DICT_KEYS..ITEMS, block 16:
 * [ header | dict u32 | 0 ]), their iterators (KIND_DICT_KEYITER..ITEMITER, block 24:
 * [ header | dict u32 (0 once exhausted) | used i32 | pos u32 | len u32 ]), the views' set
 * operations, and a cursor that iterates any iterable for set.ts and the methods.
 */
import { alloc, free } from "./heap";
import { ObjHeader, initHeader, typeOfObject } from "./object";
import { gcCountAlloc, gcTrackLater, DICT_UNTRACKED, DICT_VERSION_OFFSET } from "./gc-tables";
import { gcMayBeTracked } from "./gc-traverse";
import { Value, NULL, isObject } from "./values";
import {
  kindOf,
  kindOfValue,
  typeObject,
  KIND_STR,
  KIND_TUPLE,
  KIND_LIST,
  KIND_DICT,
  KIND_SET,
  KIND_FROZENSET,
  KIND_OBJECT,
  KIND_DICT_KEYS,
  KIND_DICT_VALUES,
  KIND_DICT_ITEMS,
  KIND_DICT_KEYITER,
  KIND_DICT_VALUEITER,
  KIND_DICT_ITEMITER,
  raiseMsg,
  raiseMemory,
  raiseWithValue,
  raiseBegin,
  errText,
  errInt,
  errorType,
  errorClear,
  EXC_KeyError,
  EXC_RuntimeError,
  EXC_TypeError,
  EXC_ValueError,
  EXC_AttributeError,
} from "./types";
import { StrObject, strEqual, strInitStatic } from "./str";
import { tupleAlloc, tupleSize, tupleItem, tupleSetItem, vecSize, vecItems } from "./tuple";
import { incref, decref, decrefChild } from "./refcount";
import { hashValue, strHash, valueEq } from "./hash";
import { objGetIter, objIterNext, objGetAttr, objCall, objLen, CMP_EQ, CMP_NE, CMP_LT, CMP_LE, CMP_GT, CMP_GE } from "./ops";
import {
  setNew,
  setFromIterable,
  setAdd,
  setContains,
  setUsed,
  setTable,
  setNextEntry,
  setIntersectionMulti,
  setDifferenceUpdate,
  setSymmetricDifferenceUpdate,
  setUpdate,
  setIterNew,
  setIterNext,
} from "./set";

@unmanaged
export class DictObject extends ObjHeader {
  used: u32;
  keys: u32;
  version: u64;
}

export const DICT_SIZE: usize = 24;
export const DICT_ENTRY_SIZE: usize = 24;
// @ts-ignore: compile-time check
if (offsetof<DictObject>() != DICT_SIZE) ERROR("DictObject layout");
// @ts-ignore: compile-time check
if (offsetof<DictObject>("version") != DICT_VERSION_OFFSET) ERROR("DictObject version offset");

export const DKIX_EMPTY: i32 = -1;
export const DKIX_DUMMY: i32 = -2;
export const DKIX_ERROR: i32 = -3;
const KEYS_HEADER: usize = 16;
const LOG_MINSIZE: u32 = 3;
const PERTURB_SHIFT: u64 = 5;

let globalVersion: u64 = 0;

// @ts-ignore: decorator
@inline function bump(d: DictObject): void {
  d.version = ++globalVersion | (d.version & DICT_UNTRACKED);
}

/**
 * Cycle-collector tracking as CPython's: an exact dict starts untracked (DICT_UNTRACKED in its
 * version word) and is tracked from the first time it holds a key or value that may be tracked
 * (MAINTAIN_TRACKING); a full collection untracks exact dicts of atoms again (gc.ts). Counted in
 * generation 0 from its allocation either way. (An untracked dict cannot be part of a cycle.)
 */
// @ts-ignore: decorator
@inline function maintainTracking(d: usize, key: Value, value: Value): void {
  if ((changetype<DictObject>(d).version & DICT_UNTRACKED) != 0 && (mayBeTracked(key) || mayBeTracked(value))) dictTrack(d);
}

// @ts-ignore: decorator
@inline function mayBeTracked(v: Value): bool {
  return isObject(v) && v != NULL && gcMayBeTracked(v);
}

/** Starts tracking d (a no-op when it is tracked). */
export function dictTrack(d: usize): void {
  const o = changetype<DictObject>(d);
  if ((o.version & DICT_UNTRACKED) == 0) return;
  o.version &= ~DICT_UNTRACKED;
  gcTrackLater(d);
}

/** Whether d is untracked (an exact dict holding atoms only). */
export function dictIsUntracked(d: usize): bool {
  return (changetype<DictObject>(d).version & DICT_UNTRACKED) != 0;
}

/** Marks a tracked dict, which the collector has just removed from its tables, untracked. */
export function dictSetUntracked(d: usize): void {
  changetype<DictObject>(d).version |= DICT_UNTRACKED;
}

/** The dict's version tag (see the file comment). */
export function dictVersion(d: usize): u64 {
  return changetype<DictObject>(d).version;
}

// @ts-ignore: decorator
@inline export function dictSize(d: usize): u32 {
  return changetype<DictObject>(d).used;
}
/** The keys block (0 when empty); inline caches may also compare it. */
// @ts-ignore: decorator
@inline export function dictKeysBlock(d: usize): usize {
  return <usize>changetype<DictObject>(d).keys;
}

// ---------------------------------------------------------------------------------------------------
// Keys blocks

// @ts-ignore: decorator
@inline function kLog2(k: usize): u32 {
  return <u32>load<u8>(k);
}
// @ts-ignore: decorator
@inline function kIxLog(k: usize): u32 {
  return <u32>load<u8>(k, 1);
}
// @ts-ignore: decorator
@inline function kUsable(k: usize): i32 {
  return load<i32>(k, 4);
}
// @ts-ignore: decorator
@inline function kNentries(k: usize): u32 {
  return load<u32>(k, 8);
}
// @ts-ignore: decorator
@inline function kEntries(k: usize): usize {
  return k + KEYS_HEADER + (<usize>1 << (<usize>kLog2(k) + <usize>kIxLog(k)));
}
// @ts-ignore: decorator
@inline function kEntry(k: usize, ix: u32): usize {
  return kEntries(k) + <usize>ix * DICT_ENTRY_SIZE;
}

// @ts-ignore: decorator
@inline function usableFraction(size: usize): usize {
  return (size << 1) / 3;
}

function keysBytes(log2: u32): usize {
  const size = <usize>1 << <usize>log2;
  const ixlog: u32 = log2 < 8 ? 0 : log2 < 16 ? 1 : 2;
  return KEYS_HEADER + (size << ixlog) + usableFraction(size) * DICT_ENTRY_SIZE;
}

/** Bytes of a dict's keys block (0 when it has none). */
export function dictKeysBytes(d: usize): usize {
  const k = dictKeysBlock(d);
  return k == 0 ? 0 : keysBytes(kLog2(k));
}

/** A keys block of 2**log2 slots, all DKIX_EMPTY; 0 after MemoryError. */
function keysNew(log2: u32): usize {
  if (log2 > 26) return raiseMemory();
  const size = <usize>1 << <usize>log2;
  const ixlog: u32 = log2 < 8 ? 0 : log2 < 16 ? 1 : 2;
  const k = alloc(keysBytes(log2));
  if (k == 0) return raiseMemory();
  store<u8>(k, <u8>log2);
  store<u8>(k, <u8>ixlog, 1);
  store<i32>(k, <i32>usableFraction(size), 4);
  store<u32>(k, 0, 12); // keyBits
  memory.fill(k + KEYS_HEADER, 0xff, size << ixlog);
  return k;
}

// @ts-ignore: decorator
@inline function getIndex(k: usize, i: usize): i32 {
  const ixlog = kIxLog(k);
  const base = k + KEYS_HEADER;
  if (ixlog == 0) return <i32>load<i8>(base + i);
  if (ixlog == 1) return <i32>load<i16>(base + (i << 1));
  return load<i32>(base + (i << 2));
}

// @ts-ignore: decorator
@inline function setIndex(k: usize, i: usize, ix: i32): void {
  const ixlog = kIxLog(k);
  const base = k + KEYS_HEADER;
  if (ixlog == 0) store<i8>(base + i, <i8>ix);
  else if (ixlog == 1) store<i16>(base + (i << 1), <i16>ix);
  else store<i32>(base + (i << 2), ix);
}

/** calculate_log2_keysize: the smallest log2 >= 3 with 2**log2 >= minsize. */
function log2For(minsize: u64): u32 {
  let log2 = LOG_MINSIZE;
  while ((<u64>1 << <u64>log2) < minsize) log2++;
  return log2;
}

/** estimate_log2_keysize: room for n entries without a resize. */
function estimateLog2(n: u64): u32 {
  return log2For((n * 3 + 1) / 2);
}

/** find_empty_slot: the first EMPTY or DUMMY slot on hash's probe sequence. */
function findEmptySlot(k: usize, hash: i64): usize {
  const mask = (<usize>1 << <usize>kLog2(k)) - 1;
  let i = <usize>hash & mask;
  let perturb = <u64>hash;
  while (getIndex(k, i) >= 0) {
    perturb >>= PERTURB_SHIFT;
    i = <usize>((<u64>i * 5 + perturb + 1) & <u64>mask);
  }
  return i;
}

/** lookdict_index: the slot whose index is entry `ix`. */
function slotOfEntry(k: usize, hash: i64, ix: i32): usize {
  const mask = (<usize>1 << <usize>kLog2(k)) - 1;
  let i = <usize>hash & mask;
  let perturb = <u64>hash;
  for (;;) {
    const x = getIndex(k, i);
    if (x == ix || x == DKIX_EMPTY) return i; // (EMPTY: cannot happen for a live entry)
    perturb >>= PERTURB_SHIFT;
    i = <usize>((<u64>i * 5 + perturb + 1) & <u64>mask);
  }
  return 0; // not reached
}

/** dictresize: a new keys block of 2**log2 slots holding the live entries in order; false after MemoryError. */
function resize(d: usize, log2: u32): bool {
  const o = changetype<DictObject>(d);
  const nk = keysNew(log2);
  if (nk == 0) return false;
  const ok = <usize>o.keys;
  const n = o.used;
  if (ok != 0) {
    const src = kEntries(ok);
    const dst = kEntries(nk);
    if (kNentries(ok) == n) {
      memory.copy(dst, src, <usize>n * DICT_ENTRY_SIZE);
    } else {
      let e = src;
      for (let i: u32 = 0; i < n; i++) {
        while (load<u64>(e, 16) == NULL) e += DICT_ENTRY_SIZE;
        memory.copy(dst + <usize>i * DICT_ENTRY_SIZE, e, DICT_ENTRY_SIZE);
        e += DICT_ENTRY_SIZE;
      }
    }
    let bits: u32 = 0;
    for (let i: u32 = 0; i < n; i++) {
      const hash = load<i64>(dst + <usize>i * DICT_ENTRY_SIZE);
      setIndex(nk, findEmptySlot(nk, hash), <i32>i);
      bits |= keyBit(hash);
    }
    store<u32>(nk, bits, 12);
    free(ok, keysBytes(kLog2(ok)));
  }
  store<i32>(nk, kUsable(nk) - <i32>n, 4);
  store<u32>(nk, n, 8);
  o.keys = <u32>nk;
  bump(o); // entry numbers changed
  return true;
}

// ---------------------------------------------------------------------------------------------------
// Construction and deallocation

/** A new empty dict; 0 after MemoryError. */
export function dictNew(): usize {
  const d = alloc(DICT_SIZE);
  if (d == 0) return raiseMemory();
  // initHeader without tracking (see maintainTracking)
  store<u32>(d, 1, 0);
  store<u32>(d, <u32>typeObject(KIND_DICT), 4);
  gcCountAlloc();
  changetype<DictObject>(d).version = ++globalVersion | DICT_UNTRACKED;
  return d;
}

/** A new empty dict with room for n items (_PyDict_NewPresized); 0 after MemoryError. */
export function dictNewPresized(n: usize): usize {
  const d = dictNew();
  if (d == 0 || n <= 5) return d;
  const k = keysNew(n > usableFraction(<usize>1 << 17) ? 17 : estimateLog2(<u64>n));
  if (k == 0) {
    decref(<Value>d);
    return 0;
  }
  changetype<DictObject>(d).keys = <u32>k;
  return d;
}

/** Decrefs every key and value (deallocation; refcount.ts frees the blocks with dictFreeBlocks). */
export function dictDeallocItems(d: usize): void {
  const k = dictKeysBlock(d);
  if (k == 0) return;
  const n = kNentries(k);
  const e = kEntries(k);
  for (let i: u32 = 0; i < n; i++) {
    const p = e + <usize>i * DICT_ENTRY_SIZE;
    decrefChild(load<u64>(p, 8));
    decrefChild(load<u64>(p, 16));
  }
}

/** Frees the keys block (not the object's own block, nor keys and values). */
export function dictFreeBlocks(d: usize): void {
  const k = dictKeysBlock(d);
  if (k != 0) free(k, keysBytes(kLog2(k)));
}

// ---------------------------------------------------------------------------------------------------
// Lookup and insertion

/** A str exactly (a subclass may define __hash__/__eq__). */
// @ts-ignore: decorator
@inline function isExactStr(v: Value): bool {
  return isObject(v) && typeOfObject(<usize>v) == typeObject(KIND_STR);
}

/** The hash dict operations use: a str's cached hash, else hash.ts hashValue; -1 after an error. */
// @ts-ignore: decorator
@inline function keyHash(key: Value): i64 {
  if (isExactStr(key)) {
    const h = changetype<StrObject>(<usize>key).hash;
    if (h != -1) return h;
    return strHash(<usize>key);
  }
  return hashValue(key);
}

/** Compares a stored key with the one sought (equal hashes): 1, 0, -1 error. */
// @ts-ignore: decorator
@inline function keysEqual(startkey: Value, key: Value): i32 {
  if (isExactStr(startkey) && isExactStr(key)) {
    return strEqual(<usize>startkey, <usize>key) ? 1 : 0;
  }
  incref(startkey); // the comparison may run code that deletes it
  const r = valueEq(startkey, key);
  decref(startkey);
  return r;
}

/**
 * _Py_dict_lookup: the entry number of key (hash known), DKIX_EMPTY when absent, DKIX_ERROR after
 * an error. Starts over when a comparison changed the dict.
 */
export function dictLookupKnownHash(d: usize, key: Value, hash: i64): i32 {
  const o = changetype<DictObject>(d);
  for (;;) {
    const k = <usize>o.keys;
    if (k == 0) return DKIX_EMPTY;
    const mask = (<usize>1 << <usize>kLog2(k)) - 1;
    let i = <usize>hash & mask;
    let perturb = <u64>hash;
    let restart = false;
    for (;;) {
      const ix = getIndex(k, i);
      if (ix >= 0) {
        const e = kEntry(k, <u32>ix);
        const ek = load<u64>(e, 8);
        if (ek == key) return ix;
        if (load<i64>(e) == hash) {
          const r = keysEqual(ek, key);
          if (r < 0) return DKIX_ERROR;
          if (<usize>o.keys != k || load<u64>(e, 8) != ek) {
            restart = true;
            break;
          }
          if (r > 0) return ix;
        }
      } else if (ix == DKIX_EMPTY) {
        return DKIX_EMPTY;
      }
      perturb >>= PERTURB_SHIFT;
      i = <usize>((<u64>i * 5 + perturb + 1) & <u64>mask);
    }
    if (!restart) return DKIX_EMPTY;
  }
  return DKIX_ERROR; // not reached
}

/**
 * Inserts a key known to be absent, taking over the caller's references to key and value; false
 * after MemoryError (the references are then still the caller's).
 */
export function dictInsertNewSteal(d: usize, key: Value, hash: i64, value: Value): bool {
  const o = changetype<DictObject>(d);
  if (o.keys == 0) {
    const k = keysNew(LOG_MINSIZE);
    if (k == 0) return false;
    o.keys = <u32>k;
  } else if (kUsable(<usize>o.keys) <= 0) {
    if (!resize(d, log2For(<u64>o.used * 3))) return false;
  }
  const k = <usize>o.keys;
  const n = kNentries(k);
  setIndex(k, findEmptySlot(k, hash), <i32>n);
  const e = kEntry(k, n);
  store<i64>(e, hash);
  store<u64>(e, key, 8);
  store<u64>(e, value, 16);
  o.used++;
  bump(o);
  maintainTracking(d, key, value);
  store<i32>(k, kUsable(k) - 1, 4);
  store<u32>(k, n + 1, 8);
  store<u32>(k, load<u32>(k, 12) | keyBit(hash), 12);
  return true;
}

/** d[key] = value with the hash known. Takes its own references. 0, or -1 after an error. */
export function dictSetItemKnownHash(d: usize, key: Value, hash: i64, value: Value): i32 {
  incref(key);
  incref(value);
  const ix = dictLookupKnownHash(d, key, hash);
  if (ix == DKIX_ERROR || (ix == DKIX_EMPTY && !dictInsertNewSteal(d, key, hash, value))) {
    decref(key);
    decref(value);
    return -1;
  }
  if (ix >= 0) {
    // the first key object stays; the value is replaced
    replaceEntryValue(d, kEntry(dictKeysBlock(d), <u32>ix), value, true);
    decref(key);
  }
  return 0;
}

/**
 * The replace step of a store to an existing entry e: value becomes e's value (`owned`: the caller's
 * reference is handed over, and dropped when e already holds that very object; else one is taken).
 */
// @ts-ignore: decorator
@inline function replaceEntryValue(d: usize, e: usize, value: Value, owned: bool): void {
  const old = load<u64>(e, 16);
  if (old != value) {
    if (!owned) incref(value);
    store<u64>(e, value, 16);
    bump(changetype<DictObject>(d));
    maintainTracking(d, NULL, value);
    decref(old);
  } else if (owned) {
    decref(value); // the same object again: drop the extra reference only
  }
}

/** d[key] = value. Takes its own references (borrows the arguments). 0, or -1 after an error. */
export function dictSetItem(d: usize, key: Value, value: Value): i32 {
  const h = keyHash(key);
  if (h == -1) return -1;
  return dictSetItemKnownHash(d, key, h, value);
}

/** d[key], BORROWED: NULL without an exception when absent, NULL with one after an error. */
export function dictGetItem(d: usize, key: Value): Value {
  const h = keyHash(key);
  if (h == -1) return NULL;
  return dictGetItemKnownHash(d, key, h);
}

/** d[key] with the hash known, BORROWED (as dictGetItem). */
export function dictGetItemKnownHash(d: usize, key: Value, hash: i64): Value {
  const ix = dictLookupKnownHash(d, key, hash);
  if (ix < 0) return NULL;
  return load<u64>(kEntry(dictKeysBlock(d), <u32>ix), 16);
}

/** A key's bit in its keys block's keyBits. */
// @ts-ignore: decorator
@inline function keyBit(hash: i64): u32 {
  return <u32>1 << (<u32>(hash >> 26) & 31);
}

/**
 * False when the str s is certainly not a key of d: its keys block never held a key with s's
 * bit. True (ask dictGetItemStr) while s's hash is not computed yet (-1).
 */
// @ts-ignore: decorator
@inline export function dictMayHaveStr(d: usize, s: usize): bool {
  const k = <usize>changetype<DictObject>(d).keys;
  if (k == 0) return false;
  const hash = changetype<StrObject>(s).hash;
  return hash == -1 || (load<u32>(k, 12) & keyBit(hash)) != 0;
}

/** d[s] for a str object s (its hash cached after the first use), BORROWED. */
export function dictGetItemStr(d: usize, s: usize): Value {
  const k = dictKeysBlock(d);
  if (k == 0) return NULL;
  return dictGetItemKnownHash(d, <Value>s, strHash(s));
}

/**
 * Instance attributes (eval.ts's cached LOAD_ATTR / STORE_ATTR): the name str remembers, in its
 * attrHint byte, the entry index it was last found at. Instances of one class fill their dicts in
 * the same order, so the guess usually hits and the probe is skipped. Only a guess: the entry's key
 * must be the very same str object before it is used.
 */
export function dictGetItemStrHinted(d: usize, s: usize): Value {
  const k = <usize>changetype<DictObject>(d).keys;
  if (k == 0) return NULL;
  const hint = <u32>changetype<StrObject>(s).attrHint;
  if (hint < kNentries(k)) {
    const e = kEntry(k, hint);
    if (load<u64>(e, 8) == <u64>s) return load<u64>(e, 16);
  }
  const ix = dictLookupKnownHash(d, <Value>s, strHash(s));
  if (ix < 0) return NULL;
  if (ix < 256) changetype<StrObject>(s).attrHint = <u8>ix;
  return load<u64>(kEntry(<usize>changetype<DictObject>(d).keys, <u32>ix), 16);
}

/** d[s] = value for a str name, with the same hint (references taken as dictSetItem). */
export function dictSetItemStrHinted(d: usize, s: usize, value: Value): i32 {
  const k = <usize>changetype<DictObject>(d).keys;
  if (k != 0) {
    const hint = <u32>changetype<StrObject>(s).attrHint;
    if (hint < kNentries(k)) {
      const e = kEntry(k, hint);
      if (load<u64>(e, 8) == <u64>s) {
        replaceEntryValue(d, e, value, false);
        return 0;
      }
    }
  }
  if (dictSetItemKnownHash(d, <Value>s, strHash(s), value) < 0) return -1;
  // A new name went last: remember where.
  const nk = <usize>changetype<DictObject>(d).keys;
  const n = kNentries(nk);
  if (n != 0 && n <= 256 && load<u64>(kEntry(nk, n - 1), 8) == <u64>s) changetype<StrObject>(s).attrHint = <u8>(n - 1);
  return 0;
}

/** The entry number of key (for inline caches), DKIX_EMPTY (-1) when absent, DKIX_ERROR (-3). */
export function dictLookupIndex(d: usize, key: Value): i32 {
  const h = keyHash(key);
  if (h == -1) return DKIX_ERROR;
  return dictLookupKnownHash(d, key, h);
}

/** Key of entry ix (borrowed; NULL for a deleted entry). ix must be < the entry count. */
export function dictEntryKey(d: usize, ix: u32): Value {
  return load<u64>(kEntry(dictKeysBlock(d), ix), 8);
}
/** Value of entry ix (borrowed; NULL for a deleted entry). */
export function dictEntryValue(d: usize, ix: u32): Value {
  return load<u64>(kEntry(dictKeysBlock(d), ix), 16);
}
/** Address of entry ix: [ hash i64 | key | value ]. */
export function dictEntryAddr(d: usize, ix: u32): usize {
  return kEntry(dictKeysBlock(d), ix);
}
/** Replaces entry ix's value without touching counts, returning the old one (the unmarshaller's). */
export function dictSwapValue(d: usize, ix: u32, value: Value): Value {
  const e = kEntry(dictKeysBlock(d), ix);
  const old = load<u64>(e, 16);
  store<u64>(e, value, 16);
  bump(changetype<DictObject>(d));
  maintainTracking(d, NULL, value);
  return old;
}

/** key in d: 1, 0, or -1 after an error. */
export function dictContains(d: usize, key: Value): i32 {
  const h = keyHash(key);
  if (h == -1) return -1;
  return dictContainsKnownHash(d, key, h);
}

export function dictContainsKnownHash(d: usize, key: Value, hash: i64): i32 {
  const ix = dictLookupKnownHash(d, key, hash);
  return ix >= 0 ? 1 : ix == DKIX_EMPTY ? 0 : -1;
}

/** Removes entry ix (delitem_common). */
function deleteEntry(d: usize, hash: i64, ix: i32): void {
  const o = changetype<DictObject>(d);
  const k = <usize>o.keys;
  setIndex(k, slotOfEntry(k, hash, ix), DKIX_DUMMY);
  o.used--;
  bump(o);
  const e = kEntry(k, <u32>ix);
  const oldKey = load<u64>(e, 8);
  const oldValue = load<u64>(e, 16);
  store<i64>(e, 0);
  store<u64>(e, NULL, 8);
  store<u64>(e, NULL, 16);
  decref(oldKey);
  decref(oldValue);
}

/** del d[key]: 0, or -1 with KeyError(key) when absent (or another error). */
export function dictDelItem(d: usize, key: Value): i32 {
  const h = keyHash(key);
  if (h == -1) return -1;
  const ix = dictLookupKnownHash(d, key, h);
  if (ix == DKIX_ERROR) return -1;
  if (ix == DKIX_EMPTY) {
    raiseWithValue(EXC_KeyError, key);
    return -1;
  }
  deleteEntry(d, h, ix);
  return 0;
}

/** d.pop(key[, deflt]) (deflt NULL: not given): a new reference, or NULL after an error (KeyError). */
export function dictPop(d: usize, key: Value, deflt: Value): Value {
  if (dictSize(d) == 0) return popMissing(key, deflt);
  const h = keyHash(key);
  if (h == -1) return NULL;
  const ix = dictLookupKnownHash(d, key, h);
  if (ix == DKIX_ERROR) return NULL;
  if (ix == DKIX_EMPTY) return popMissing(key, deflt);
  const v = load<u64>(kEntry(dictKeysBlock(d), <u32>ix), 16);
  incref(v);
  deleteEntry(d, h, ix);
  return v;
}

function popMissing(key: Value, deflt: Value): Value {
  if (deflt != NULL) {
    incref(deflt);
    return deflt;
  }
  raiseWithValue(EXC_KeyError, key);
  return NULL;
}

/** d.popitem(): the last (key, value) as a new tuple; KeyError "popitem(): dictionary is empty". */
export function dictPopItem(d: usize): Value {
  const res = tupleAlloc(2);
  if (res == 0) return NULL;
  const o = changetype<DictObject>(d);
  if (o.used == 0) {
    decref(<Value>res);
    raiseMsg(EXC_KeyError, "popitem(): dictionary is empty");
    return NULL;
  }
  const k = <usize>o.keys;
  let i = <i32>kNentries(k) - 1;
  while (i >= 0 && load<u64>(kEntry(k, <u32>i), 16) == NULL) i--;
  const e = kEntry(k, <u32>i);
  const hash = load<i64>(e);
  tupleSetItem(res, 0, load<u64>(e, 8));
  tupleSetItem(res, 1, load<u64>(e, 16));
  store<i64>(e, -1);
  store<u64>(e, NULL, 8);
  store<u64>(e, NULL, 16);
  setIndex(k, slotOfEntry(k, hash, i), DKIX_DUMMY);
  store<u32>(k, <u32>i, 8); // dk_nentries = i (usable stays: the dummy slot remains)
  o.used--;
  bump(o);
  return <Value>res;
}

/** d.setdefault(key, deflt): the value now at key, BORROWED; NULL after an error. */
export function dictSetDefault(d: usize, key: Value, deflt: Value): Value {
  const h = keyHash(key);
  if (h == -1) return NULL;
  const ix = dictLookupKnownHash(d, key, h);
  if (ix == DKIX_ERROR) return NULL;
  if (ix >= 0) return load<u64>(kEntry(dictKeysBlock(d), <u32>ix), 16);
  incref(key);
  incref(deflt);
  if (!dictInsertNewSteal(d, key, h, deflt)) {
    decref(key);
    decref(deflt);
    return NULL;
  }
  return deflt;
}

/** d.clear(). */
export function dictClear(d: usize): void {
  const o = changetype<DictObject>(d);
  const k = <usize>o.keys;
  if (k == 0) return;
  // Empty the dict first: releasing a key or value may run code that looks at it.
  o.keys = 0;
  o.used = 0;
  bump(o);
  const n = kNentries(k);
  for (let i: u32 = 0; i < n; i++) {
    const e = kEntry(k, i);
    decref(load<u64>(e, 8));
    decref(load<u64>(e, 16));
  }
  free(k, keysBytes(kLog2(k)));
}

// ---------------------------------------------------------------------------------------------------
// Iteration, copy, merge

/** The entry number of the next live entry >= pos, or -1 at the end. */
export function dictNextIndex(d: usize, pos: u32): i32 {
  const k = dictKeysBlock(d);
  if (k == 0) return -1;
  const n = kNentries(k);
  for (let i = pos; i < n; i++) if (load<u64>(kEntry(k, i), 16) != NULL) return <i32>i;
  return -1;
}

/** len(d) as i32 (dict-shim.ts's name). */
export function dictLength(d: usize): i32 {
  return <i32>dictSize(d);
}

/** The entry number of the i-th live item (i < len(d)): i itself unless items were deleted. */
function nthEntry(d: usize, i: i32): u32 {
  const k = dictKeysBlock(d);
  if (kNentries(k) == dictSize(d)) return <u32>i;
  let seen: i32 = 0;
  for (let j: u32 = 0; ; j++) {
    if (load<u64>(kEntry(k, j), 16) != NULL) {
      if (seen == i) return j;
      seen++;
    }
  }
  return 0; // not reached
}

/** The i-th item's key in iteration order, borrowed (i < len(d); O(1) without deletions). */
export function dictKeyAt(d: usize, i: i32): Value {
  return load<u64>(kEntry(dictKeysBlock(d), nthEntry(d, i)), 8);
}
/** The i-th item's value in iteration order, borrowed. */
export function dictValueAt(d: usize, i: i32): Value {
  return load<u64>(kEntry(dictKeysBlock(d), nthEntry(d, i)), 16);
}

/**
 * PyDict_Next: at *posPtr (u32, start at 0), the next key and value, BORROWED, stored at keyOut /
 * valueOut (u64 slots; 0 to skip); advances *posPtr. False at the end.
 */
export function dictNext(d: usize, posPtr: usize, keyOut: usize, valueOut: usize): bool {
  const i = dictNextIndex(d, load<u32>(posPtr));
  if (i < 0) return false;
  store<u32>(posPtr, <u32>i + 1);
  const e = kEntry(dictKeysBlock(d), <u32>i);
  if (keyOut != 0) store<u64>(keyOut, load<u64>(e, 8));
  if (valueOut != 0) store<u64>(valueOut, load<u64>(e, 16));
  return true;
}

/** A copy of d's keys block with every live key and value incref'd (clone_combined_dict_keys). */
function cloneKeys(d: usize): usize {
  const k = dictKeysBlock(d);
  const bytes = keysBytes(kLog2(k));
  const c = alloc(bytes);
  if (c == 0) return raiseMemory();
  memory.copy(c, k, bytes);
  const n = kNentries(c);
  for (let i: u32 = 0; i < n; i++) {
    const e = kEntry(c, i);
    if (load<u64>(e, 16) != NULL) {
      incref(load<u64>(e, 8));
      incref(load<u64>(e, 16));
    }
  }
  return c;
}

/** d.copy(): a new dict; 0 after an error. */
export function dictCopy(d: usize): usize {
  const o = changetype<DictObject>(d);
  if (o.used == 0) return dictNew();
  if (<u64>o.used >= (<u64>kNentries(<usize>o.keys) * 2) / 3) {
    const c = dictNew();
    if (c == 0) return 0;
    const k = cloneKeys(d);
    if (k == 0) {
      decref(<Value>c);
      return 0;
    }
    changetype<DictObject>(c).keys = <u32>k;
    changetype<DictObject>(c).used = o.used;
    if (!dictIsUntracked(d)) dictTrack(c);
    return c;
  }
  const c = dictNew();
  if (c == 0) return 0;
  if (dictMerge(c, d, 1) < 0) {
    decref(<Value>c);
    return 0;
  }
  return c;
}

/**
 * dict_merge for a dict b: adds b's items to a (override 1: replacing values; 0: keeping a's;
 * 2: KeyError on a duplicate key). 0, or -1 after an error.
 */
export function dictMerge(a: usize, b: usize, overrideMode: i32): i32 {
  const ao = changetype<DictObject>(a);
  const bo = changetype<DictObject>(b);
  if (a == b || bo.used == 0) return 0;
  if (ao.used == 0) {
    overrideMode = 1;
    const ok = <usize>bo.keys;
    const size = <usize>1 << <usize>kLog2(ok);
    if (bo.used == kNentries(ok) && (kLog2(ok) == LOG_MINSIZE || usableFraction(size / 2) < <usize>bo.used)) {
      const c = cloneKeys(b);
      if (c == 0) return -1;
      dictFreeBlocks(a); // empty: it can hold only dummies
      ao.keys = <u32>c;
      ao.used = bo.used;
      bump(ao);
      if (!dictIsUntracked(b)) dictTrack(a);
      return 0;
    }
  }
  const ak = <usize>ao.keys;
  const asize: usize = ak == 0 ? 1 : <usize>1 << <usize>kLog2(ak);
  if (usableFraction(asize) < <usize>bo.used) {
    if (!resize(a, estimateLog2(<u64>ao.used + <u64>bo.used))) return -1;
  }
  const origSize = kNentries(<usize>bo.keys);
  let pos: u32 = 0;
  for (;;) {
    const ix = dictNextIndex(b, pos);
    if (ix < 0) break;
    pos = <u32>ix + 1;
    const e = kEntry(<usize>bo.keys, <u32>ix);
    const key = load<u64>(e, 8);
    const value = load<u64>(e, 16);
    const hash = load<i64>(e);
    incref(key);
    incref(value);
    let err: i32 = 0;
    if (overrideMode == 1) {
      err = dictSetItemKnownHash(a, key, hash, value);
    } else {
      err = dictContainsKnownHash(a, key, hash);
      if (err == 0) err = dictSetItemKnownHash(a, key, hash, value);
      else if (err > 0) {
        if (overrideMode != 0) {
          raiseWithValue(EXC_KeyError, key);
          err = -1;
        } else {
          err = 0;
        }
      }
    }
    decref(key);
    decref(value);
    if (err != 0) return -1;
    if (bo.keys == 0 || kNentries(<usize>bo.keys) != origSize) {
      raiseMsg(EXC_RuntimeError, "dict mutated during update");
      return -1;
    }
  }
  return 0;
}

/** d.update(other) for a dict other. 0, or -1 after an error. */
export function dictUpdate(d: usize, other: usize): i32 {
  return dictMerge(d, other, 1);
}

/** a == b for two dicts (dict_equal): 1, 0, or -1. */
export function dictEqual(a: usize, b: usize): i32 {
  if (dictSize(a) != dictSize(b)) return 0;
  for (let i: u32 = 0; ; i++) {
    const k = dictKeysBlock(a);
    if (k == 0 || i >= kNentries(k)) break;
    const e = kEntry(k, i);
    const aval = load<u64>(e, 16);
    if (aval == NULL) continue;
    const key = load<u64>(e, 8);
    incref(aval);
    incref(key);
    const bval = dictGetItemKnownHash(b, key, load<i64>(e));
    let cmp: i32;
    if (bval == NULL) {
      cmp = errorType() != 0 ? -1 : 0;
    } else {
      incref(bval);
      cmp = valueEq(aval, bval);
      decref(bval);
    }
    decref(key);
    decref(aval);
    if (cmp <= 0) return cmp;
  }
  return 1;
}

// ---------------------------------------------------------------------------------------------------
// update() from other sources, fromkeys()

// Static str objects for the attribute names, built on first use (module start order would run a
// top-level initializer before types.ts's tables exist).
const KEYS_NAME: usize = memory.data(32, 8);
const GETITEM_NAME: usize = memory.data(40, 8);
let namesReady = false;

function staticNames(): void {
  if (namesReady) return;
  strInitStatic(KEYS_NAME, "keys");
  strInitStatic(GETITEM_NAME, "__getitem__");
  namesReady = true;
}

/**
 * dict_update_arg: a dict merges; an instance of a Python class with a keys() method is read as a
 * mapping (keys(), then __getitem__); anything else is an iterable of pairs. 0, or -1.
 */
import { KIND_MAPPINGPROXY } from "./types";
export function dictUpdateArg(d: usize, arg: Value): i32 {
  if (isObject(arg) && kindOf(<usize>arg) == KIND_DICT) return dictMerge(d, <usize>arg, 1);
  if (isObject(arg) && kindOf(<usize>arg) == KIND_MAPPINGPROXY) return dictUpdateArg(d, <u64>load<u32>(<usize>arg + 8));
  if (isObject(arg) && kindOf(<usize>arg) == KIND_OBJECT) {
    staticNames();
    const keys = objGetAttr(arg, KEYS_NAME);
    if (keys != NULL) {
      const r = mergeMapping(d, arg, keys);
      decref(keys);
      return r;
    }
    if (errorType() != EXC_AttributeError) return -1;
    errorClear();
  }
  return dictMergeFromSeq2(d, arg);
}

/** The generic mapping merge: for key in b.keys(): d[key] = b[key]. */
function mergeMapping(d: usize, b: Value, keysMethod: Value): i32 {
  const keys = objCall(keysMethod, 0, 0, 0);
  if (keys == NULL) return -1;
  const getitem = objGetAttr(b, GETITEM_NAME);
  if (getitem == NULL) {
    decref(keys);
    return -1;
  }
  const c = cursorOpen(keys);
  decref(keys);
  if (c == 0) {
    decref(getitem);
    return -1;
  }
  const slot = alloc(8);
  let r: i32 = 0;
  if (slot == 0) {
    raiseMemory();
    r = -1;
  }
  while (r == 0) {
    const key = cursorNext(c);
    if (key == NULL) {
      if (errorType() != 0) r = -1;
      break;
    }
    store<u64>(slot, key);
    const value = objCall(getitem, slot, 1, 0);
    if (value == NULL || dictSetItem(d, key, value) < 0) r = -1;
    decref(value);
    decref(key);
  }
  if (slot != 0) free(slot, 8);
  cursorClose(c);
  decref(getitem);
  return r;
}

/** PyDict_MergeFromSeq2 (override): d[k] = v for each pair (k, v) of an iterable. 0, or -1. */
export function dictMergeFromSeq2(d: usize, seq: Value): i32 {
  const c = cursorOpen(seq);
  if (c == 0) return -1;
  let r: i32 = 0;
  for (let i: i64 = 0; ; i++) {
    const item = cursorNext(c);
    if (item == NULL) {
      if (errorType() != 0) r = -1;
      break;
    }
    r = addPair(d, item, i);
    decref(item);
    if (r < 0) break;
  }
  cursorClose(c);
  return r;
}

/** One element of an update sequence: a tuple or list of length 2, or any iterable of two items. */
function addPair(d: usize, item: Value, index: i64): i32 {
  const k = kindOfValue(item);
  if (k == KIND_TUPLE || k == KIND_LIST) {
    const n = k == KIND_TUPLE ? tupleSize(<usize>item) : vecSize(<usize>item);
    if (n != 2) return badPairLength(index, <i64>n);
    const key = k == KIND_TUPLE ? tupleItem(<usize>item, 0) : load<u64>(vecItems(<usize>item));
    const value = k == KIND_TUPLE ? tupleItem(<usize>item, 1) : load<u64>(vecItems(<usize>item), 8);
    incref(key);
    incref(value);
    const r = dictSetItem(d, key, value);
    decref(key);
    decref(value);
    return r;
  }
  const it = objGetIter(item);
  if (it == NULL) {
    if (errorType() == EXC_TypeError) {
      raiseBegin(EXC_TypeError);
      errText("cannot convert dictionary update sequence element #");
      errInt(index);
      errText(" to a sequence");
    }
    return -1;
  }
  let key: Value = NULL;
  let value: Value = NULL;
  let n: i64 = 0;
  let r: i32 = 0;
  for (;;) {
    const x = objIterNext(it);
    if (x == NULL) {
      if (errorType() != 0) r = -1;
      break;
    }
    if (n == 0) key = x;
    else if (n == 1) value = x;
    else decref(x);
    n++;
  }
  decref(it);
  if (r == 0) r = n != 2 ? badPairLength(index, n) : dictSetItem(d, key, value);
  decref(key);
  decref(value);
  return r;
}

function badPairLength(index: i64, n: i64): i32 {
  raiseBegin(EXC_ValueError);
  errText("dictionary update sequence element #");
  errInt(index);
  errText(" has length ");
  errInt(n);
  errText("; 2 is required");
  return -1;
}

/** dict.fromkeys(iterable, value) into the empty dict d (_PyDict_FromKeys). 0, or -1. */
export function dictFillFromKeys(d: usize, iterable: Value, value: Value): i32 {
  const k = kindOfValue(iterable);
  if (dictSize(d) == 0 && k == KIND_DICT) {
    const src = <usize>iterable;
    if (!resize(d, estimateLog2(<u64>dictSize(src)))) return -1;
    let pos: u32 = 0;
    for (;;) {
      const ix = dictNextIndex(src, pos);
      if (ix < 0) return 0;
      pos = <u32>ix + 1;
      const e = kEntry(dictKeysBlock(src), <u32>ix);
      if (dictSetItemKnownHash(d, load<u64>(e, 8), load<i64>(e), value) < 0) return -1;
    }
  }
  if (dictSize(d) == 0 && (k == KIND_SET || k == KIND_FROZENSET)) {
    const src = <usize>iterable;
    if (!resize(d, estimateLog2(<u64>setUsed(src)))) return -1;
    let pos: u32 = 0;
    for (;;) {
      const i = setNextEntry(src, pos);
      if (i < 0) return 0;
      pos = <u32>i + 1;
      const e = setTable(src) + (<usize>i << 4);
      if (dictSetItemKnownHash(d, load<u64>(e, 8), load<i64>(e), value) < 0) return -1;
    }
  }
  const c = cursorOpen(iterable);
  if (c == 0) return -1;
  let r: i32 = 0;
  for (;;) {
    const key = cursorNext(c);
    if (key == NULL) {
      if (errorType() != 0) r = -1;
      break;
    }
    r = dictSetItem(d, key, value);
    decref(key);
    if (r < 0) break;
  }
  cursorClose(c);
  return r;
}

// ---------------------------------------------------------------------------------------------------
// Iterators

export const DICT_VIEW_SIZE: usize = 16;
export const DICT_ITER_SIZE: usize = 24;

/** iter over d's keys/values/items (iterKind KIND_DICT_KEYITER/VALUEITER/ITEMITER); 0 after MemoryError. */
export function dictIterNew(d: usize, iterKind: u32): usize {
  const it = alloc(DICT_ITER_SIZE);
  if (it == 0) return raiseMemory();
  initHeader(it, typeObject(iterKind));
  incref(<Value>d);
  store<u32>(it, <u32>d, 8);
  store<u32>(it, dictSize(d), 12);
  store<u32>(it, 0, 16);
  store<u32>(it, dictSize(d), 20);
  return it;
}

/** The dict an iterator or view refers to (0 once an iterator is exhausted), borrowed. */
export function dictIterDict(it: usize): usize {
  return <usize>load<u32>(it, 8);
}

function iterExhausted(it: usize, d: usize): Value {
  store<u32>(it, 0, 8);
  decref(<Value>d);
  return NULL;
}

/**
 * next() of a dict key/value/item iterator (FOR_ITER): a new reference; NULL without an exception
 * when exhausted; NULL with RuntimeError "dictionary changed size during iteration" (sticky) or
 * "dictionary keys changed during iteration".
 */
export function dictIterNext(it: usize): Value {
  const d = <usize>load<u32>(it, 8);
  if (d == 0) return NULL;
  if (load<i32>(it, 12) != <i32>dictSize(d)) {
    store<i32>(it, -1, 12);
    raiseMsg(EXC_RuntimeError, "dictionary changed size during iteration");
    return NULL;
  }
  const i = dictNextIndex(d, load<u32>(it, 16));
  if (i < 0) return iterExhausted(it, d);
  if (load<u32>(it, 20) == 0) {
    raiseMsg(EXC_RuntimeError, "dictionary keys changed during iteration");
    return iterExhausted(it, d);
  }
  store<u32>(it, <u32>i + 1, 16);
  store<u32>(it, load<u32>(it, 20) - 1, 20);
  const e = kEntry(dictKeysBlock(d), <u32>i);
  const kind = kindOf(it);
  if (kind == KIND_DICT_KEYITER) {
    const k = load<u64>(e, 8);
    incref(k);
    return k;
  }
  if (kind == KIND_DICT_VALUEITER) {
    const v = load<u64>(e, 16);
    incref(v);
    return v;
  }
  const t = tupleAlloc(2);
  if (t == 0) return NULL;
  const k = load<u64>(e, 8);
  const v = load<u64>(e, 16);
  incref(k);
  incref(v);
  tupleSetItem(t, 0, k);
  tupleSetItem(t, 1, v);
  return <Value>t;
}

/** __length_hint__ of a dict iterator. */
export function dictIterLengthHint(it: usize): u32 {
  const d = <usize>load<u32>(it, 8);
  return d != 0 && load<i32>(it, 12) == <i32>dictSize(d) ? load<u32>(it, 20) : 0;
}

// ---------------------------------------------------------------------------------------------------
// Views

/** d.keys() / d.values() / d.items() (viewKind KIND_DICT_KEYS/VALUES/ITEMS); 0 after MemoryError. */
export function dictViewNew(d: usize, viewKind: u32): usize {
  const v = alloc(DICT_VIEW_SIZE);
  if (v == 0) return raiseMemory();
  initHeader(v, typeObject(viewKind));
  incref(<Value>d);
  store<u32>(v, <u32>d, 8);
  return v;
}

/** len(view). */
export function dictViewLen(v: usize): u32 {
  return dictSize(<usize>load<u32>(v, 8));
}

/** iter(view): a new dict iterator of the matching kind. */
export function dictViewIter(v: usize): usize {
  const k = kindOf(v);
  const ik = k == KIND_DICT_KEYS ? KIND_DICT_KEYITER : k == KIND_DICT_VALUES ? KIND_DICT_VALUEITER : KIND_DICT_ITEMITER;
  return dictIterNew(<usize>load<u32>(v, 8), ik);
}

// @ts-ignore: decorator
@inline function isSetView(v: Value): bool {
  if (!isObject(v)) return false;
  const k = kindOf(<usize>v);
  return k == KIND_DICT_KEYS || k == KIND_DICT_ITEMS;
}

/** x in view: 1, 0, or -1. (values: by iteration with ==, as the sequence protocol does) */
export function dictViewContains(v: usize, x: Value): i32 {
  const d = <usize>load<u32>(v, 8);
  const k = kindOf(v);
  if (k == KIND_DICT_KEYS) return dictContains(d, x);
  if (k == KIND_DICT_ITEMS) {
    if (kindOfValue(x) != KIND_TUPLE || tupleSize(<usize>x) != 2) return 0;
    const found = dictGetItem(d, tupleItem(<usize>x, 0));
    if (found == NULL) return errorType() != 0 ? -1 : 0;
    incref(found);
    const r = valueEq(found, tupleItem(<usize>x, 1));
    decref(found);
    return r;
  }
  const it = dictIterNew(d, KIND_DICT_VALUEITER);
  if (it == 0) return -1;
  let r: i32 = 0;
  for (;;) {
    const y = dictIterNext(it);
    if (y == NULL) {
      if (errorType() != 0) r = -1;
      break;
    }
    r = valueEq(y, x);
    decref(y);
    if (r != 0) break;
  }
  decref(<Value>it);
  return r;
}

/** `x in container` for the containers a view operation may meet (sets, views, else iteration). */
function containsGeneric(container: Value, x: Value): i32 {
  const k = kindOfValue(container);
  if (k == KIND_SET || k == KIND_FROZENSET) return setContains(<usize>container, x);
  if (k == KIND_DICT_KEYS || k == KIND_DICT_ITEMS || k == KIND_DICT_VALUES) return dictViewContains(<usize>container, x);
  if (k == KIND_DICT) return dictContains(<usize>container, x);
  const c = cursorOpen(container);
  if (c == 0) return -1;
  let r: i32 = 0;
  for (;;) {
    const y = cursorNext(c);
    if (y == NULL) {
      if (errorType() != 0) r = -1;
      break;
    }
    r = valueEq(y, x);
    decref(y);
    if (r != 0) break;
  }
  cursorClose(c);
  return r;
}

/** Every element of a is in b (all_contained_in): 1, 0, or -1. */
function allContainedIn(a: Value, b: Value): i32 {
  const c = cursorOpen(a);
  if (c == 0) return -1;
  let r: i32 = 1;
  for (;;) {
    const x = cursorNext(c);
    if (x == NULL) {
      if (errorType() != 0) r = -1;
      break;
    }
    r = containsGeneric(b, x);
    decref(x);
    if (r <= 0) break;
  }
  cursorClose(c);
  return r;
}

function sizeOf(v: Value): i64 {
  const k = kindOfValue(v);
  if (k == KIND_SET || k == KIND_FROZENSET) return <i64>setUsed(<usize>v);
  if (k == KIND_DICT_KEYS || k == KIND_DICT_ITEMS || k == KIND_DICT_VALUES) return <i64>dictViewLen(<usize>v);
  return objLen(v);
}

/**
 * Rich comparison of a keys/items view with a set, frozenset or keys/items view (dictview_richcompare):
 * 1, 0, -1 after an error, or -2 for NotImplemented (other is none of those).
 */
export function dictViewRichCompare(self: usize, other: Value, op: i32): i32 {
  const ko = kindOfValue(other);
  if (!(ko == KIND_SET || ko == KIND_FROZENSET || isSetView(other))) return -2;
  const ls = <i64>dictViewLen(self);
  const lo = sizeOf(other);
  if (lo < 0) return -1;
  let ok: i32 = 0;
  switch (op) {
    case CMP_EQ:
    case CMP_NE:
      if (ls == lo) ok = allContainedIn(<Value>self, other);
      if (op == CMP_NE && ok >= 0) ok = 1 - ok;
      break;
    case CMP_LT:
      if (ls < lo) ok = allContainedIn(<Value>self, other);
      break;
    case CMP_LE:
      if (ls <= lo) ok = allContainedIn(<Value>self, other);
      break;
    case CMP_GT:
      if (ls > lo) ok = allContainedIn(other, <Value>self);
      break;
    case CMP_GE:
      if (ls >= lo) ok = allContainedIn(other, <Value>self);
      break;
  }
  return ok;
}

/** dictviews_to_set: set(view) (a keys view of a dict goes straight to the dict). */
function viewToSet(v: Value): usize {
  if (isObject(v) && kindOf(<usize>v) == KIND_DICT_KEYS) return setFromIterable(KIND_SET, <Value>load<u32>(<usize>v, 8));
  return setFromIterable(KIND_SET, v);
}

/** a - b where a or b is a keys/items view: a new set. */
export function dictViewSub(a: Value, b: Value): usize {
  const r = viewToSet(a);
  if (r == 0) return 0;
  if (setDifferenceUpdate(r, b) < 0) {
    decref(<Value>r);
    return 0;
  }
  return r;
}

/** a | b where a or b is a keys/items view: a new set. */
export function dictViewOr(a: Value, b: Value): usize {
  const r = viewToSet(a);
  if (r == 0) return 0;
  if (setUpdate(r, b) < 0) {
    decref(<Value>r);
    return 0;
  }
  return r;
}

/** a & b where a or b is a keys/items view (_PyDictView_Intersect): a new set. */
export function dictViewAnd(a: Value, b: Value): usize {
  let self = a;
  let other = b;
  if (!isSetView(self)) {
    self = b;
    other = a;
  }
  const lenSelf = <i64>dictViewLen(<usize>self);
  if (kindOfValue(other) == KIND_SET && lenSelf <= <i64>setUsed(<usize>other)) {
    const slot = alloc(8);
    if (slot == 0) return raiseMemory();
    store<u64>(slot, self);
    const r = setIntersectionMulti(<usize>other, slot, 1);
    free(slot, 8);
    return r;
  }
  if (isSetView(other) && <i64>dictViewLen(<usize>other) > lenSelf) {
    const t = other;
    other = self;
    self = t;
  }
  const result = setNew(KIND_SET);
  if (result == 0) return 0;
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
    let rv = dictViewContains(<usize>self, key);
    if (rv > 0) rv = setAdd(result, key);
    decref(key);
    if (rv < 0) {
      failed = true;
      break;
    }
  }
  cursorClose(c);
  if (failed) {
    decref(<Value>result);
    return 0;
  }
  return result;
}

/** a ^ b where a or b is a keys/items view: a new set. */
export function dictViewXor(a: Value, b: Value): usize {
  if (isObject(a) && isObject(b) && kindOf(<usize>a) == KIND_DICT_ITEMS && kindOf(<usize>b) == KIND_DICT_ITEMS) {
    return itemsXor(<usize>load<u32>(<usize>a, 8), <usize>load<u32>(<usize>b, 8));
  }
  const r = viewToSet(a);
  if (r == 0) return 0;
  if (setSymmetricDifferenceUpdate(r, b) < 0) {
    decref(<Value>r);
    return 0;
  }
  return r;
}

/** dictitems_xor: pairs of d2 that d1 lacks or maps elsewhere, then d1's pairs that d2 did not match. */
function itemsXor(d1: usize, d2: usize): usize {
  const temp = dictCopy(d1);
  if (temp == 0) return 0;
  const result = setNew(KIND_SET);
  if (result == 0) {
    decref(<Value>temp);
    return 0;
  }
  let failed = false;
  let pos: u32 = 0;
  for (;;) {
    const ix = dictNextIndex(d2, pos);
    if (ix < 0) break;
    pos = <u32>ix + 1;
    const e = kEntry(dictKeysBlock(d2), <u32>ix);
    const key = load<u64>(e, 8);
    const val2 = load<u64>(e, 16);
    const hash = load<i64>(e);
    incref(key);
    incref(val2);
    let r: i32 = 0;
    const val1 = dictGetItemKnownHash(temp, key, hash);
    let toDelete: i32 = 0;
    if (val1 == NULL) {
      if (errorType() != 0) r = -1;
    } else {
      incref(val1);
      toDelete = valueEq(val1, val2);
      decref(val1);
      if (toDelete < 0) r = -1;
    }
    if (r == 0) {
      if (toDelete > 0) {
        const j = dictLookupKnownHash(temp, key, hash);
        if (j == DKIX_ERROR) r = -1;
        else if (j >= 0) deleteEntry(temp, hash, j);
      } else {
        const pair = tupleAlloc(2);
        if (pair == 0) r = -1;
        else {
          incref(key);
          incref(val2);
          tupleSetItem(pair, 0, key);
          tupleSetItem(pair, 1, val2);
          r = setAdd(result, <Value>pair);
          decref(<Value>pair);
        }
      }
    }
    decref(key);
    decref(val2);
    if (r < 0) {
      failed = true;
      break;
    }
  }
  if (!failed) {
    const items = dictViewNew(temp, KIND_DICT_ITEMS);
    if (items == 0 || setUpdate(result, <Value>items) < 0) failed = true;
    decref(<Value>items);
  }
  decref(<Value>temp);
  if (failed) {
    decref(<Value>result);
    return 0;
  }
  return result;
}

/** view.isdisjoint(other): 1, 0, or -1. */
export function dictViewIsDisjoint(self: usize, other: Value): i32 {
  let s: Value = <Value>self;
  let o = other;
  if (<usize>other == self) return dictViewLen(self) == 0 ? 1 : 0;
  const ko = kindOfValue(other);
  if (ko == KIND_SET || ko == KIND_FROZENSET || isSetView(other)) {
    const lo = sizeOf(other);
    if (lo < 0) return -1;
    if (lo > <i64>dictViewLen(self)) {
      s = other;
      o = <Value>self;
    }
  }
  const c = cursorOpen(o);
  if (c == 0) return -1;
  let r: i32 = 1;
  for (;;) {
    const x = cursorNext(c);
    if (x == NULL) {
      if (errorType() != 0) r = -1;
      break;
    }
    const rv = containsGeneric(s, x);
    decref(x);
    if (rv != 0) {
      r = rv < 0 ? -1 : 0;
      break;
    }
  }
  cursorClose(c);
  return r;
}

// ---------------------------------------------------------------------------------------------------
// Cursor: iterates any iterable. Tuples and lists by index; dicts, views and sets through their own
// iterators (so size changes raise what CPython raises); anything else through ops.objGetIter.
//
//   block 16: [ src Value (a held reference: the sequence or the iterator) | kind u32 | pos u32 ]

const CUR_SEQ_TUPLE: u32 = 1;
const CUR_SEQ_LIST: u32 = 2;
const CUR_DICT_ITER: u32 = 3;
const CUR_SET_ITER: u32 = 4;
const CUR_GENERIC: u32 = 5;

/** Starts iterating v; 0 after an error (TypeError "'int' object is not iterable" from ops). */
export function cursorOpen(v: Value): usize {
  const c = alloc(16);
  if (c == 0) return raiseMemory();
  const k = kindOfValue(v);
  let src: Value = v;
  let kind: u32;
  if (k == KIND_TUPLE) {
    kind = CUR_SEQ_TUPLE;
    incref(v);
  } else if (k == KIND_LIST) {
    kind = CUR_SEQ_LIST;
    incref(v);
  } else if (k == KIND_DICT || k == KIND_DICT_KEYS || k == KIND_DICT_VALUES || k == KIND_DICT_ITEMS) {
    kind = CUR_DICT_ITER;
    src = <Value>(k == KIND_DICT ? dictIterNew(<usize>v, KIND_DICT_KEYITER) : dictViewIter(<usize>v));
  } else if (k == KIND_SET || k == KIND_FROZENSET) {
    kind = CUR_SET_ITER;
    src = <Value>setIterNew(<usize>v);
  } else if (k == KIND_DICT_KEYITER || k == KIND_DICT_VALUEITER || k == KIND_DICT_ITEMITER) {
    kind = CUR_DICT_ITER;
    incref(v);
  } else {
    kind = CUR_GENERIC;
    src = objGetIter(v);
  }
  if (src == NULL) {
    free(c, 16);
    return 0;
  }
  store<u64>(c, src);
  store<u32>(c, kind, 8);
  store<u32>(c, 0, 12);
  return c;
}

/** The next item, a new reference; NULL at the end (no exception) or after an error (errorType()). */
export function cursorNext(c: usize): Value {
  const src = load<u64>(c);
  const kind = load<u32>(c, 8);
  if (kind == CUR_SEQ_TUPLE || kind == CUR_SEQ_LIST) {
    const i = load<u32>(c, 12);
    const n = kind == CUR_SEQ_TUPLE ? tupleSize(<usize>src) : vecSize(<usize>src);
    if (i >= n) return NULL;
    store<u32>(c, i + 1, 12);
    const x = kind == CUR_SEQ_TUPLE ? tupleItem(<usize>src, <usize>i) : load<u64>(vecItems(<usize>src) + (<usize>i << 3));
    incref(x);
    return x;
  }
  if (kind == CUR_DICT_ITER) return dictIterNext(<usize>src);
  if (kind == CUR_SET_ITER) return setIterNext(<usize>src);
  return objIterNext(src);
}

export function cursorClose(c: usize): void {
  decref(load<u64>(c));
  free(c, 16);
}
