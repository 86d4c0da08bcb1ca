/**
 * The instance layout of a class made at run time (classes.ts typeNew calls classLayout): __slots__,
 * whether instances have a __dict__ and a __weakref__, and the descriptors CPython's type_new puts in
 * the class dict for them (member descriptors for the slots, sorted by name, then the __dict__ and
 * __weakref__ getset descriptors, then __doc__ = None when the body gave none).
 *
 * Instances of plain classes (KIND_OBJECT layout):
 *   0 [ header ]  8 [ dict u32 (0: none yet) | 0 ]  16 [ slot 0 Value | slot 1 Value | ... ]
 * The type's basicsize (offset 20) is the block size, 16 + 8 * (number of slots, inherited ones
 * first); a slot holds NULL until assigned. The type's dictoffset is 8 when instances have a
 * __dict__, 0 when every class in the chain declared __slots__ without '__dict__'.
 */
import { Value, NULL, NONE, isObject } from "./values";
import {
  kindOf,
  typeName,
  typeObject,
  raiseMsg,
  raiseBegin,
  errText,
  errStrObject,
  errTypeName,
  KIND_OBJECT,
  KIND_STR,
  KIND_TYPE,
  KIND_EXCEPTION,
  TPFLAG_HEAPTYPE,
  TPFLAG_VARSIZE,
  TPFLAG_WEAKREFS,
  TPFLAG_SIDE_DICT,
  EXC_TypeError,
  EXC_ValueError,
} from "./types";
import { incref, decref } from "./refcount";
import { tupleSize, tupleItem, tupleAlloc, tupleSetItem } from "./tuple";
import { tupleFromIterable } from "./tuple-methods";
import { listNew, listAppendSteal } from "./list";
import { listSort } from "./list-methods";
import { vecSize, vecItems } from "./tuple";
import { dictGetItem, dictSetItem, dictDelItem } from "./dict";
import { T_BASE, T_DICTOFFSET, isSubtype } from "./typeobj";
import { N_SLOTS, N_DICT, N_DOC, N_CLASSCELL, strLiteral } from "./names";
import { strEqualLiteral, strLength, strCodePoint } from "./str";
import { sbNew, sbAppendAscii, sbAppendStr, sbAppendSlice, sbFinish } from "./str-ops";
import { memberDescrNew, getsetDescrNew, GS_DICT, GS_WEAKREF } from "./descr-objects";
import { errorType } from "./types";

export const OBJECT_HEADER: u32 = 16;

/** Slots (inline Values) of instances of a KIND_OBJECT-layout type. */
// @ts-ignore: decorator
@inline export function objectSlotCount(t: usize): u32 {
  const bs = load<u32>(t + 20);
  return bs <= OBJECT_HEADER ? 0 : (bs - OBJECT_HEADER) >> 3;
}

/** Block size of a KIND_OBJECT instance of type t. */
// @ts-ignore: decorator
@inline export function objectBlockBytes(t: usize): usize {
  const bs = load<u32>(t + 20);
  return bs <= OBJECT_HEADER ? <usize>OBJECT_HEADER : <usize>bs;
}

/** The class whose slots fix t's layout: the nearest ancestor (t itself first) that added slots. */
function solidBase(t: usize): usize {
  while (true) {
    const b = <usize>load<u32>(t + T_BASE);
    if (b == 0 || load<u32>(b + 8) != KIND_OBJECT || objectSlotCount(b) != objectSlotCount(t)) return t;
    t = b;
  }
  return t;
}

let weakrefName: usize = 0;

/**
 * Lays out class t (its dict, bases, layout kind and primary base already set): reads __slots__,
 * picks the primary base, sets basicsize / dictoffset / TPFLAG_WEAKREFS and fills the descriptors
 * into the dict. false with TypeError/ValueError raised.
 */
export function classLayout(t: usize, bases: usize, dict: usize, layout: u32): bool {
  if (weakrefName == 0) weakrefName = strLiteral("__weakref__");
  dictDelItemQuiet(dict, N_CLASSCELL);
  const nb = <usize>tupleSize(bases);
  // The primary base of a plain class: the first base with the most slots; every other base's
  // slots must be a prefix of its layout ("multiple bases have instance lay-out conflict").
  let base = <usize>load<u32>(t + T_BASE);
  if (layout == KIND_OBJECT) {
    base = <usize>tupleItem(bases, 0);
    for (let i: usize = 1; i < nb; i++) {
      const b = <usize>tupleItem(bases, i);
      if (objectSlotCount(b) > objectSlotCount(base)) base = b;
    }
    const solid = solidBase(base);
    for (let i: usize = 0; i < nb; i++) {
      const b = <usize>tupleItem(bases, i);
      if (!isSubtype(solid, solidBase(b))) {
        raiseMsg(EXC_TypeError, "multiple bases have instance lay-out conflict");
        return false;
      }
    }
    const old = <usize>load<u32>(t + T_BASE);
    if (old != base) {
      incref(<u64>base);
      store<u32>(t + T_BASE, <u32>base);
      decref(<u64>old);
    }
  }
  let baseDict = false;
  let baseWeak = false;
  for (let i: usize = 0; i < nb; i++) {
    const b = <usize>tupleItem(bases, i);
    if (load<u32>(b + T_DICTOFFSET) != 0 || (load<u32>(b + 12) & TPFLAG_SIDE_DICT) != 0) baseDict = true;
    if ((load<u32>(b + 12) & TPFLAG_WEAKREFS) != 0) baseWeak = true;
  }
  // Exceptions keep their dict in their own layout.
  if (layout == KIND_EXCEPTION) baseDict = true;
  // So do classes (a metaclass adds no __dict__ / __weakref__ descriptors, as in CPython).
  if (layout == KIND_TYPE) baseDict = baseWeak = true;
  let addDict = !baseDict;
  let addWeak = !baseWeak;
  let names: usize = 0; // sorted list of this class's own slot names (mangled)
  const slotsV = dictGetItem(dict, <u64>N_SLOTS);
  if (slotsV != NULL) {
    let seq: Value;
    if (isObject(slotsV) && kindOf(<usize>slotsV) == KIND_STR) {
      const tp = tupleAlloc(1);
      if (tp == 0) return false;
      incref(slotsV);
      tupleSetItem(tp, 0, slotsV);
      seq = <u64>tp;
    } else {
      seq = tupleFromIterable(slotsV);
      if (seq == NULL) return false;
    }
    addDict = false;
    addWeak = false;
    names = listNew(0);
    if (names == 0) {
      decref(seq);
      return false;
    }
    const n = <usize>tupleSize(<usize>seq);
    let ok = true;
    for (let i: usize = 0; i < n && ok; i++) {
      const s = tupleItem(<usize>seq, i);
      if (!isObject(s) || kindOf(<usize>s) != KIND_STR) {
        raiseBegin(EXC_TypeError);
        errText("__slots__ items must be strings, not '");
        errTypeName(s);
        errText("'");
        ok = false;
        break;
      }
      if (!isIdentifier(<usize>s)) {
        raiseMsg(EXC_TypeError, "__slots__ must be identifiers");
        ok = false;
        break;
      }
      if (strEqualLiteral(<usize>s, "__dict__")) {
        if (baseDict || addDict) {
          raiseMsg(EXC_TypeError, "__dict__ slot disallowed: we already got one");
          ok = false;
        }
        addDict = true;
        continue;
      }
      if (strEqualLiteral(<usize>s, "__weakref__")) {
        if (baseWeak || addWeak) {
          raiseMsg(EXC_TypeError, "__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0");
          ok = false;
        }
        addWeak = true;
        continue;
      }
      const m = mangle(<usize>load<u32>(t + 16), <usize>s);
      if (m == 0) {
        ok = false;
        break;
      }
      if (dictGetItem(dict, <u64>m) != NULL) {
        raiseBegin(EXC_ValueError);
        errText("'");
        errStrObject(m);
        errText("' in __slots__ conflicts with class variable");
        decref(<u64>m);
        ok = false;
        break;
      }
      ok = listAppendOwned(names, m);
    }
    decref(seq);
    if (ok && vecSize(names) > 0 && layout != KIND_OBJECT) {
      const bt = <usize>load<u32>(t + T_BASE);
      if ((load<u32>(bt + 12) & TPFLAG_VARSIZE) != 0) {
        raiseBegin(EXC_TypeError);
        errText("nonempty __slots__ not supported for subtype of '");
        errStrObject(typeName(bt));
        errText("'");
        ok = false;
      }
    }
    if (ok) ok = listSort(names, NULL, false) >= 0;
    if (!ok) {
      decref(<u64>names);
      return false;
    }
  }
  // Instance layout.
  if (layout == KIND_OBJECT) {
    const inherited = objectSlotCount(base);
    const own: u32 = names == 0 ? 0 : <u32>vecSize(names);
    store<u32>(t + 20, OBJECT_HEADER + ((inherited + own) << 3));
    store<u32>(t + T_DICTOFFSET, baseDict || addDict ? 8 : 0);
    for (let i: u32 = 0; i < own; i++) {
      const name = load<u64>(vecItems(names) + (<usize>i << 3));
      const d = memberDescrNew(<usize>name, t, OBJECT_HEADER + ((inherited + i) << 3));
      if (d == 0 || dictSetItem(dict, name, <u64>d) < 0) {
        decref(<u64>names);
        return false;
      }
      decref(<u64>d);
    }
  } else if (layout == KIND_EXCEPTION) {
    store<u32>(t + T_DICTOFFSET, 8);
  } else if (baseDict || addDict) {
    // Builtin layouts have no room for a dict: side-dict.ts keeps it.
    store<u32>(t + 12, load<u32>(t + 12) | TPFLAG_SIDE_DICT);
  }
  if (names != 0) decref(<u64>names);
  if (baseWeak || addWeak) store<u32>(t + 12, load<u32>(t + 12) | TPFLAG_WEAKREFS);
  if (addDict && !addGetset(dict, N_DICT, t, GS_DICT)) return false;
  if (addWeak && !addGetset(dict, weakrefName, t, GS_WEAKREF)) return false;
  if (dictGetItem(dict, <u64>N_DOC) == NULL && dictSetItem(dict, <u64>N_DOC, NONE) < 0) return false;
  return true;
}

function addGetset(dict: usize, name: usize, t: usize, id: u32): bool {
  const d = getsetDescrNew(name, t, id);
  if (d == 0) return false;
  const r = dictSetItem(dict, <u64>name, <u64>d);
  decref(<u64>d);
  return r >= 0;
}

function dictDelItemQuiet(dict: usize, name: usize): void {
  if (dictGetItem(dict, <u64>name) != NULL) dictDelItem(dict, <u64>name);
}

function listAppendOwned(l: usize, v: usize): bool {
  return listAppendSteal(l, <u64>v) >= 0;
}

/** A plain identifier check (ASCII letters, digits, '_'; other code points accepted as letters). */
function isIdentifier(s: usize): bool {
  const n = <usize>strLength(s);
  if (n == 0) return false;
  for (let i: usize = 0; i < n; i++) {
    const c = strCodePoint(s, i);
    const letter = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c == 0x5f || c >= 0x80;
    if (!letter && !(i > 0 && c >= 0x30 && c <= 0x39)) return false;
  }
  return true;
}

/** Private name mangling: '__x' in class '_C' is '_C__x'. New reference. */
function mangle(cls: usize, name: usize): usize {
  const n = <usize>strLength(name);
  const priv = n > 2 && strCodePoint(name, 0) == 0x5f && strCodePoint(name, 1) == 0x5f && !(strCodePoint(name, n - 1) == 0x5f && strCodePoint(name, n - 2) == 0x5f);
  const cn = <usize>strLength(cls);
  let skip: usize = 0;
  while (skip < cn && strCodePoint(cls, skip) == 0x5f) skip++;
  if (!priv || skip == cn) {
    incref(<u64>name);
    return name;
  }
  const sb = sbNew(n + cn + 1);
  if (sb == 0) return 0;
  sbAppendAscii(sb, "_");
  sbAppendSlice(sb, cls, skip, cn);
  sbAppendStr(sb, name);
  return sbFinish(sb);
}

export { NULL, typeObject, KIND_TYPE, TPFLAG_HEAPTYPE, errorType };
