/**
 * The class machinery: builtin types' dicts and MROs at start-up, attribute lookup through the
 * MRO, subtype tests, and classes made at run time (class statements, 3-argument type()).
 *
 * Type object fields are in types.ts (TypeObject). A class made at run time is a heap type
 * (TPFLAG_HEAPTYPE, refcounted); its `kind` is the kind of its layout base — KIND_OBJECT for plain
 * classes, KIND_EXCEPTION for exception classes — so the rest of the VM treats its instances by
 * layout, and checks `TPFLAG_HEAPTYPE` / exact type before taking a builtin fast path.
 */
import { Value, NULL, NONE } from "./values";
import { alloc } from "./heap";
import { initHeader, initStaticHeader, IMMORTAL_REFCNT } from "./object";
import {
  TypeObject,
  TYPE_OBJECT_SIZE,
  typeObject,
  typeOf,
  KIND_TYPE,
  KIND_OBJECT,
  KIND_COUNT,
  KIND_BOOL,
  KIND_INT,
  KIND_EXCEPTION,
  KIND_TUPLE,
  KIND_STR,
  KIND_DICT,
  TPFLAG_HEAPTYPE,
  TPFLAG_BASETYPE,
  TPFLAG_EXCEPTION,
  raiseMemory,
  raiseBegin,
  errText,
  errStrObject,
  EXC_TypeError,
  kindOf,
  kindOfValue,
} from "./types";
import { tupleAlloc, tupleSetItem, tupleSize, tupleItem, EMPTY_TUPLE } from "./tuple";
import { dictNew, dictGetItem, dictSetItem } from "./dict";
import { incref, decref } from "./refcount";
import {
  registeredMethodCount,
  registeredMethodType,
  registeredMethodName,
  registeredMethodFn,
  registeredMethodKind,
} from "./native";
import { methodDescrNew } from "./function";
import { strLiteral } from "./names";
import { isObject } from "./values";

/**
 * Bumped whenever any class attribute changes (setattr/delattr on a class): LOAD_ATTR and
 * LOAD_METHOD inline caches remember the epoch they were filled in and are void after a change.
 * (CPython tags each type and invalidates subclasses; one global epoch is simpler and as safe.)
 */
export let typeEpoch: u32 = 1;
export function bumpTypeEpoch(): void {
  typeEpoch++;
  if (typeEpoch == 0) typeEpoch = 1;
}

// @ts-ignore: decorator
@inline export function typeField(t: usize, off: usize): usize {
  return <usize>load<u32>(t + off);
}
export const T_BASE: usize = 32;
export const T_BASES: usize = 36;
export const T_MRO: usize = 40;
export const T_DICT: usize = 44;
export const T_QUALNAME: usize = 48;
export const T_DICTOFFSET: usize = 52;
export const T_SLOTFLAGS: usize = 56;
export const T_MODULE: usize = 60;

// @ts-ignore: decorator
@inline export function typeDict(t: usize): usize {
  return <usize>load<u32>(t + T_DICT);
}
// @ts-ignore: decorator
@inline export function typeMro(t: usize): usize {
  return <usize>load<u32>(t + T_MRO);
}
// @ts-ignore: decorator
@inline export function typeFlags(t: usize): u32 {
  return load<u32>(t + 12);
}
// @ts-ignore: decorator
@inline export function isHeapType(t: usize): bool {
  return (load<u32>(t + 12) & TPFLAG_HEAPTYPE) != 0;
}

/** Whether `v` is a type object (of any metatype). */
export function isType(v: Value): bool {
  return isObject(v) && kindOf(<usize>v) == KIND_TYPE;
}

/**
 * Lookup cache for typeLookup (CPython has one like it): (type, name, epoch) → result, NULL
 * included ("not on the class" is the common answer for instance attributes). 4096 entries of
 *   [ type u32 | name u32 | epoch u32 | 0 ][ value u64 (borrowed from a class dict) ]
 * An entry is valid while typeEpoch is unchanged, so everything that changes what a lookup would
 * find must bump the epoch: class attribute assignment (attributes.ts), the end of class creation
 * (classes.ts: a new class's dict is filled directly), the death of a class (its address may be
 * reused). The entry holds a reference to its name, so the name's address cannot be reused.
 * Off until start-up is over: builtin type dicts are filled directly during init.
 */
const TYPE_CACHE_BITS: u32 = 12;
const TYPE_CACHE_ENTRY: usize = 24;
let typeCache: usize = 0;
let typeCacheOn: bool = false;

/** Turns the lookup cache on (vm.ts, after start-up has filled the builtin types). */
export function typeCacheEnable(): void {
  if (typeCache == 0) {
    typeCache = alloc(TYPE_CACHE_ENTRY << TYPE_CACHE_BITS);
    if (typeCache == 0) return;
  }
  bumpTypeEpoch();
  typeCacheOn = true;
}

/** Empties the lookup cache, releasing its names (vm.ts, at the end of a run: the run's names go). */
export function typeCacheClear(): void {
  if (typeCache == 0) return;
  for (let i: usize = 0; i < (<usize>1 << TYPE_CACHE_BITS); i++) {
    const e = typeCache + i * TYPE_CACHE_ENTRY;
    const name = load<u32>(e, 4);
    store<u64>(e, 0);
    store<u64>(e, 0, 8);
    store<u64>(e, 0, 16);
    if (name != 0) decref(<u64>name);
  }
}

/** The attribute `name` (a str) found in the MRO of `type` (borrowed), or NULL. */
export function typeLookup(type: usize, name: usize): Value {
  if (!typeCacheOn) return typeLookupMro(type, name);
  // both addresses must reach the top bits, which the multiply mixes best
  const h = ((<u32>type ^ (<u32>name * 0x2545f491)) * 0x9e3779b1) >>> (32 - TYPE_CACHE_BITS);
  const e = typeCache + <usize>h * TYPE_CACHE_ENTRY;
  if (load<u32>(e) == <u32>type && load<u32>(e, 4) == <u32>name && load<u32>(e, 8) == typeEpoch) return load<u64>(e, 16);
  const v = typeLookupMro(type, name);
  const old = load<u32>(e, 4);
  incref(<u64>name);
  store<u32>(e, <u32>type);
  store<u32>(e, <u32>name, 4);
  store<u32>(e, typeEpoch, 8);
  store<u64>(e, v, 16);
  if (old != 0) decref(<u64>old);
  return v;
}

function typeLookupMro(type: usize, name: usize): Value {
  const mro = typeMro(type);
  if (mro == 0) {
    const d = typeDict(type);
    return d == 0 ? NULL : dictGetItem(d, <u64>name);
  }
  const n = <usize>tupleSize(mro);
  for (let i: usize = 0; i < n; i++) {
    const t = <usize>tupleItem(mro, i);
    const d = typeDict(t);
    if (d != 0) {
      const v = dictGetItem(d, <u64>name);
      if (v != NULL) return v;
    }
  }
  return NULL;
}

/** Whether `a` is `b` or a subclass of it. */
export function isSubtype(a: usize, b: usize): bool {
  if (a == b) return true;
  const mro = typeMro(a);
  if (mro == 0) {
    // Without an MRO (during start-up) follow the base chain.
    let t = typeField(a, T_BASE);
    while (t != 0) {
      if (t == b) return true;
      t = typeField(t, T_BASE);
    }
    return false;
  }
  const n = <usize>tupleSize(mro);
  for (let i: usize = 0; i < n; i++) if (<usize>tupleItem(mro, i) == b) return true;
  return false;
}

/** isinstance(v, type) without __instancecheck__. */
export function isInstance(v: Value, type: usize): bool {
  return isSubtype(typeOf(v), type);
}

/** Sets base, bases, mro (single inheritance chain) and an empty dict on a builtin type. */
export function typeInitBuiltin(t: usize, base: usize, name: usize): void {
  store<u32>(t + T_BASE, <u32>base);
  if (name != 0) store<u32>(t + 16, <u32>name);
  store<u32>(t + T_QUALNAME, load<u32>(t + 16));
  const bases = base == 0 ? EMPTY_TUPLE : tupleAlloc(1);
  if (base != 0) {
    tupleSetItem(bases, 0, <u64>base);
  }
  store<u32>(t + T_BASES, <u32>bases);
  // MRO: the type, then its base's MRO (single inheritance among builtins).
  let depth: usize = 1;
  for (let b = base; b != 0; b = typeField(b, T_BASE)) depth++;
  const mro = tupleAlloc(depth);
  let i: usize = 0;
  for (let b = t; b != 0; b = typeField(b, T_BASE)) tupleSetItem(mro, i++, <u64>b);
  store<u32>(t + T_MRO, <u32>mro);
  if (typeDict(t) == 0) store<u32>(t + T_DICT, <u32>dictNew());
  store<u32>(t + 12, load<u32>(t + 12) | TPFLAG_BASETYPE);
}

/** Builtin types: object at the root, bool under int; every other builtin directly under object. */
export function typeInitBuiltins(): void {
  const object = typeObject(KIND_OBJECT);
  typeInitBuiltin(object, 0, 0);
  for (let k: u32 = 1; k < KIND_COUNT; k++) {
    if (k == KIND_OBJECT || k == KIND_BOOL || k == KIND_EXCEPTION) continue;
    typeInitBuiltin(typeObject(k), object, 0);
  }
  typeInitBuiltin(typeObject(KIND_BOOL), typeObject(KIND_INT), 0);
  // bool cannot be subclassed.
  store<u32>(typeObject(KIND_BOOL) + 12, load<u32>(typeObject(KIND_BOOL) + 12) & ~TPFLAG_BASETYPE);
}

/** Puts every method registered through native.ts addMethod into its type's dict. */
import { markSlotWrapper } from "./wrapper-descr";
export function installRegisteredMethods(): void {
  const n = registeredMethodCount();
  for (let i = 0; i < n; i++) {
    const t = registeredMethodType(i);
    const name = strLiteral(registeredMethodName(i));
    const d = methodDescrNew(registeredMethodFn(i), name, t, registeredMethodKind(i));
    store<u32>(d, IMMORTAL_REFCNT);
    if (registeredMethodKind(i) == 0) markSlotWrapper(d, t, name); // METHOD_INSTANCE dunders
    dictSetItem(typeDict(t), <u64>name, <u64>d);
  }
}

// ---------------------------------------------------------------------------------------------------
// C3 linearization

/**
 * The MRO of a class with `bases` (a tuple of types): C3 merge of the bases' MROs and the bases
 * list. Returns a new tuple with `self` first, or 0 after TypeError ("Cannot create a consistent
 * method resolution order (MRO) for bases A, B") / MemoryError.
 */
export function c3Mro(self: usize, bases: usize): usize {
  const nb = <i32>tupleSize(bases);
  if (nb == 1) {
    const bm = typeMro(<usize>tupleItem(bases, 0));
    const n = <usize>tupleSize(bm);
    const mro = tupleAlloc(n + 1);
    if (mro == 0) return 0;
    incref(<u64>self);
    tupleSetItem(mro, 0, <u64>self);
    for (let i: usize = 0; i < n; i++) {
      const t = tupleItem(bm, i);
      incref(t);
      tupleSetItem(mro, i + 1, t);
    }
    return mro;
  }
  // Sequences to merge: each base's MRO, then the bases tuple; a cursor per sequence.
  let total: usize = 1;
  for (let i = 0; i < nb; i++) total += <usize>tupleSize(typeMro(<usize>tupleItem(bases, i)));
  const out = alloc(total << 3);
  const cursors = alloc(<usize>(nb + 1) << 2);
  if (out == 0 || cursors == 0) return raiseMemory();
  let count: usize = 0;
  store<u64>(out, <u64>self);
  count = 1;
  while (true) {
    // Find a head that is in no other sequence's tail.
    let found: usize = 0;
    let anyLeft = false;
    for (let s = 0; s <= nb; s++) {
      const seq = s < nb ? typeMro(<usize>tupleItem(bases, s)) : bases;
      const cur = <usize>load<u32>(cursors + (<usize>s << 2));
      if (cur >= <usize>tupleSize(seq)) continue;
      anyLeft = true;
      const head = <usize>tupleItem(seq, cur);
      let inTail = false;
      for (let o = 0; o <= nb && !inTail; o++) {
        const other = o < nb ? typeMro(<usize>tupleItem(bases, o)) : bases;
        const oc = <usize>load<u32>(cursors + (<usize>o << 2));
        const on = <usize>tupleSize(other);
        for (let j = oc + 1; j < on; j++) {
          if (<usize>tupleItem(other, j) == head) {
            inTail = true;
            break;
          }
        }
      }
      if (!inTail) {
        found = head;
        break;
      }
    }
    if (!anyLeft) break;
    if (found == 0) {
      raiseBegin(EXC_TypeError);
      errText("Cannot create a consistent method resolution\norder (MRO) for bases ");
      // CPython lists the heads that remain, in sequence order, without duplicates.
      let first = true;
      for (let s = 0; s < nb; s++) {
        const seq = typeMro(<usize>tupleItem(bases, s));
        const cur = <usize>load<u32>(cursors + (<usize>s << 2));
        if (cur >= <usize>tupleSize(seq)) continue;
        const head = <usize>tupleItem(seq, cur);
        let dup = false;
        for (let p = 0; p < s; p++) {
          const ps = typeMro(<usize>tupleItem(bases, p));
          const pc = <usize>load<u32>(cursors + (<usize>p << 2));
          if (pc < <usize>tupleSize(ps) && <usize>tupleItem(ps, pc) == head) dup = true;
        }
        if (dup) continue;
        if (!first) errText(", ");
        errStrObject(<usize>load<u32>(head + 16));
        first = false;
      }
      freeScratch(out, total, cursors, nb);
      return 0;
    }
    store<u64>(out + (count << 3), <u64>found);
    count++;
    // Advance every sequence whose head is `found`.
    for (let s = 0; s <= nb; s++) {
      const seq = s < nb ? typeMro(<usize>tupleItem(bases, s)) : bases;
      const cur = <usize>load<u32>(cursors + (<usize>s << 2));
      if (cur < <usize>tupleSize(seq) && <usize>tupleItem(seq, cur) == found) store<u32>(cursors + (<usize>s << 2), <u32>(cur + 1));
    }
  }
  const mro = tupleAlloc(count);
  if (mro == 0) {
    freeScratch(out, total, cursors, nb);
    return 0;
  }
  for (let i: usize = 0; i < count; i++) {
    const t = load<u64>(out + (i << 3));
    incref(t);
    tupleSetItem(mro, i, t);
  }
  freeScratch(out, total, cursors, nb);
  return mro;
}

import { free } from "./heap";
function freeScratch(out: usize, total: usize, cursors: usize, nb: i32): void {
  free(out, total << 3);
  free(cursors, <usize>(nb + 1) << 2);
}

export { NONE, KIND_TUPLE, KIND_STR, KIND_DICT, kindOfValue, decref, initHeader, initStaticHeader, TypeObject, TYPE_OBJECT_SIZE, KIND_TYPE, TPFLAG_HEAPTYPE, TPFLAG_EXCEPTION, typeObject };
