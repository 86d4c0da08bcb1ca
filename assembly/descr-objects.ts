/**
 * Data descriptors of C-level attributes, as CPython has them:
 *
 * member_descriptor (KIND_MEMBER_DESCR): one per __slots__ name of a class; reads and writes a Value
 * stored inline in the instance (KIND_OBJECT layout, class-slots.ts) at a fixed offset.
 * getset_descriptor (KIND_GETSET_DESCR): computed attributes — an instance's __dict__ and
 * __weakref__ (in the dict of the class that introduced them), object.__class__, type.__name__ and
 * the other type attributes, int.real, ... (the builtin ones answer through special-attrs.ts).
 *
 * Both, 24 bytes: [ header ][ name u32 -> str | objclass u32 -> type (borrowed) ][ offset-or-id u32 | 0 ]
 * Both fields are owned (a class and the member descriptors in its dict make a reference cycle;
 * classes live for the whole run anyway: classes.ts keeps them in its list of heap types).
 */
import { Value, NULL, NONE, isObject } from "./values";
import { alloc } from "./heap";
import { initHeader, IMMORTAL_REFCNT } from "./object";
import {
  kindOf,
  typeOf,
  typeObject,
  typeName,
  raiseMsg,
  raiseBegin,
  errText,
  errStrObject,
  errTypeName,
  errorType,
  raiseMemory,
  KIND_MEMBER_DESCR,
  KIND_GETSET_DESCR,
  KIND_TYPE,
  KIND_OBJECT,
  KIND_INT,
  KIND_FLOAT,
  KIND_COMPLEX,
  KIND_DICT,
  KIND_NONE,
  EXC_AttributeError,
  EXC_TypeError,
  TPFLAG_SIDE_DICT,
} from "./types";
import { incref, decref } from "./refcount";
import { isSubtype, isHeapType, typeDict, T_QUALNAME, T_DICTOFFSET, T_BASE, bumpTypeEpoch } from "./typeobj";
import { dictSetItem, dictGetItem } from "./dict";
import { addMethod, arg, checkArgCount } from "./native";
import { strLiteral } from "./names";
import { sbNew, sbAppendStr, sbAppendAscii, sbFinish } from "./str-ops";
import { specialAttr, setSpecialAttr } from "./special-attrs";
import { instanceDict, instanceDictSlot, attributeError } from "./attributes";

export const DESCR_OBJ_SIZE: usize = 24;

// getset ids
export const GS_SPECIAL: u32 = 1; // answered by special-attrs.ts (read-only unless setSpecialAttr takes it)
export const GS_DICT: u32 = 2; // an instance's __dict__
export const GS_WEAKREF: u32 = 3; // __weakref__ (no weak references here: always None)
export const GS_CLASS: u32 = 4; // object.__class__, with __class__ assignment
export const GS_DOC: u32 = 5; // object.__doc__
export const GS_NONE: u32 = 6; // always None (type.__text_signature__)
export const GS_TYPE_EXTRA: u32 = 7; // type attributes of type-extras.ts

function descrNew(kind: u32, name: usize, objclass: usize, word: u32): usize {
  const d = alloc(DESCR_OBJ_SIZE);
  if (d == 0) return raiseMemory();
  initHeader(d, typeObject(kind));
  incref(<u64>name);
  incref(<u64>objclass);
  store<u32>(d + 8, <u32>name);
  store<u32>(d + 12, <u32>objclass);
  store<u32>(d + 16, word);
  return d;
}

/** A member descriptor for the slot at byte `offset` of instances of `objclass`. New reference. */
export function memberDescrNew(name: usize, objclass: usize, offset: u32): usize {
  return descrNew(KIND_MEMBER_DESCR, name, objclass, offset);
}

/** A getset descriptor (GS_* id). New reference. */
export function getsetDescrNew(name: usize, objclass: usize, id: u32): usize {
  return descrNew(KIND_GETSET_DESCR, name, objclass, id);
}

// @ts-ignore: decorator
@inline function descrName(d: usize): usize {
  return <usize>load<u32>(d + 8);
}
// @ts-ignore: decorator
@inline function descrClass(d: usize): usize {
  return <usize>load<u32>(d + 12);
}

/** Whether descriptor d applies to obj; raises CPython's TypeError otherwise. */
function applies(d: usize, obj: Value): bool {
  if (isSubtype(typeOf(obj), descrClass(d))) return true;
  raiseBegin(EXC_TypeError);
  errText("descriptor '");
  errStrObject(descrName(d));
  errText("' for '");
  errStrObject(typeName(descrClass(d)));
  errText("' objects doesn't apply to a '");
  errTypeName(obj);
  errText("' object");
  return false;
}

// ---------------------------------------------------------------------------------------------------
// get / set / delete (attributes.ts calls these for instances; obj is never NULL here)

/** d.__get__(obj): the attribute value, new reference or NULL. */
export function descrObjGet(d: usize, obj: Value): Value {
  if (!applies(d, obj)) return NULL;
  if (kindOf(d) == KIND_MEMBER_DESCR) {
    const v = load<u64>(<usize>obj + <usize>load<u32>(d + 16));
    if (v == NULL) {
      raiseBegin(EXC_AttributeError);
      errText("'");
      errTypeName(obj);
      errText("' object has no attribute '");
      errStrObject(descrName(d));
      errText("'");
      return NULL;
    }
    incref(v);
    return v;
  }
  const name = descrName(d);
  switch (load<u32>(d + 16)) {
    case GS_DICT: {
      const dict = instanceDict(obj);
      if (dict == 0) {
        if (errorType() == 0) attributeError(obj, name);
        return NULL;
      }
      incref(<u64>dict);
      return <u64>dict;
    }
    case GS_WEAKREF:
      return NONE;
    case GS_CLASS: {
      const t = typeOf(obj);
      incref(<u64>t);
      return <u64>t;
    }
    case GS_DOC: {
      const r = specialAttr(obj, name);
      if (r != NULL || errorType() != 0) return r;
      return NONE;
    }
    case GS_NONE:
      return NONE;
    case GS_TYPE_EXTRA:
      return typeExtraGet(<usize>obj, name);
  }
  const r = specialAttr(obj, name);
  if (r == NULL && errorType() == 0) attributeError(obj, name);
  return r;
}

/** d.__set__(obj, value) / d.__delete__(obj) (value NULL): 0 or -1. */
export function descrObjSet(d: usize, obj: Value, value: Value): i32 {
  if (!applies(d, obj)) return -1;
  if (kindOf(d) == KIND_MEMBER_DESCR) {
    const at = <usize>obj + <usize>load<u32>(d + 16);
    const old = load<u64>(at);
    if (value == NULL && old == NULL) {
      raiseBegin(EXC_AttributeError);
      errStrObject(descrName(d));
      return -1;
    }
    incref(value);
    store<u64>(at, value);
    decref(old);
    return 0;
  }
  switch (load<u32>(d + 16)) {
    case GS_DICT:
      return setInstanceDict(obj, value);
    case GS_CLASS:
      return setClass(obj, value);
    case GS_SPECIAL:
    case GS_DOC: {
      const r = setSpecialAttr(obj, descrName(d), value);
      if (r != 1) return r;
      break;
    }
  }
  raiseBegin(EXC_AttributeError);
  errText("attribute '");
  errStrObject(descrName(d));
  errText("' of '");
  errStrObject(typeName(descrClass(d)));
  errText("' objects is not writable");
  return -1;
}

function setInstanceDict(obj: Value, value: Value): i32 {
  if (value == NULL) {
    raiseMsg(EXC_TypeError, "cannot delete __dict__");
    return -1;
  }
  if (!isObject(value) || kindOf(<usize>value) != KIND_DICT) {
    raiseBegin(EXC_TypeError);
    errText("__dict__ must be set to a dictionary, not a '");
    errTypeName(value);
    errText("'");
    return -1;
  }
  const slot = instanceDictSlot(obj);
  if (slot == 0) {
    attributeError(obj, N_DICT_NAME());
    return -1;
  }
  incref(value);
  const old = <u64>load<u32>(slot);
  store<u32>(slot, <u32>value);
  if (old != 0) decref(old);
  return 0;
}

import { N_DICT } from "./names";
function N_DICT_NAME(): usize {
  return N_DICT;
}

/** The size of an instance's own block and where its dict lives must match for __class__ assignment. */
function sameLayout(a: usize, b: usize): bool {
  const sideA = load<u32>(a + 12) & TPFLAG_SIDE_DICT;
  const sideB = load<u32>(b + 12) & TPFLAG_SIDE_DICT;
  return load<u32>(a + 8) == load<u32>(b + 8) && load<u32>(a + 20) == load<u32>(b + 20) && load<u32>(a + T_DICTOFFSET) == load<u32>(b + T_DICTOFFSET) && sideA == sideB;
}

/** obj.__class__ = value. */
function setClass(obj: Value, value: Value): i32 {
  if (value == NULL) {
    raiseMsg(EXC_TypeError, "can't delete __class__ attribute");
    return -1;
  }
  if (!isObject(value) || kindOf(<usize>value) != KIND_TYPE) {
    raiseBegin(EXC_TypeError);
    errText("__class__ must be set to a class, not '");
    errTypeName(value);
    errText("' object");
    return -1;
  }
  const nt = <usize>value;
  const old = typeOf(obj);
  if (!isObject(obj) || !isHeapType(nt) || !isHeapType(old)) {
    raiseMsg(EXC_TypeError, "__class__ assignment only supported for mutable types or ModuleType subclasses");
    return -1;
  }
  if (!sameLayout(old, nt)) {
    raiseBegin(EXC_TypeError);
    errText("__class__ assignment: '");
    errStrObject(typeName(nt));
    errText("' object layout differs from '");
    errStrObject(typeName(old));
    errText("'");
    return -1;
  }
  incref(<u64>nt);
  store<u32>(<usize>obj + 4, <u32>nt);
  decref(<u64>old);
  return 0;
}

// ---------------------------------------------------------------------------------------------------
// repr and attributes

/** `<member 'x' of 'P' objects>` / `<attribute '__dict__' of 'A' objects>`. */
export function descrObjRepr(d: usize): usize {
  const sb = sbNew(40);
  if (sb == 0) return 0;
  sbAppendAscii(sb, kindOf(d) == KIND_MEMBER_DESCR ? "<member '" : "<attribute '");
  sbAppendStr(sb, descrName(d));
  sbAppendAscii(sb, "' of '");
  sbAppendStr(sb, typeName(descrClass(d)));
  sbAppendAscii(sb, "' objects>");
  return sbFinish(sb);
}

/** __name__, __qualname__, __objclass__, __doc__ of a descriptor; NULL (no error) otherwise. */
export function descrObjAttr(d: usize, name: usize): Value {
  if (strEqualLiteral(name, "__name__")) {
    incref(<u64>descrName(d));
    return <u64>descrName(d);
  }
  if (strEqualLiteral(name, "__objclass__")) {
    incref(<u64>descrClass(d));
    return <u64>descrClass(d);
  }
  if (strEqualLiteral(name, "__qualname__")) {
    const sb = sbNew(24);
    if (sb == 0) return NULL;
    sbAppendStr(sb, <usize>load<u32>(descrClass(d) + T_QUALNAME));
    sbAppendAscii(sb, ".");
    sbAppendStr(sb, descrName(d));
    const s = sbFinish(sb);
    return s == 0 ? NULL : <u64>s;
  }
  if (strEqualLiteral(name, "__doc__")) return NONE;
  return NULL;
}
import { strEqualLiteral } from "./str";

// ---------------------------------------------------------------------------------------------------
// __get__ / __set__ / __delete__ methods

function m_get(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!checkArgCount("__get__", nargs, 1, 2)) return NULL;
  const obj = arg(args, 0);
  const type = nargs > 1 ? arg(args, 1) : NONE;
  if (obj == NONE) {
    if (type == NONE) {
      raiseMsg(EXC_TypeError, "__get__(None, None) is invalid");
      return NULL;
    }
    incref(self);
    return self;
  }
  return descrObjGet(<usize>self, obj);
}

function m_set(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!checkArgCount("__set__", nargs, 2, 2)) return NULL;
  return descrObjSet(<usize>self, arg(args, 0), arg(args, 1)) < 0 ? NULL : NONE;
}

function m_delete(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!checkArgCount("__delete__", nargs, 1, 1)) return NULL;
  return descrObjSet(<usize>self, arg(args, 0), NULL) < 0 ? NULL : NONE;
}

/** Start-up, before installRegisteredMethods. */
export function registerDescrObjects(): void {
  for (let k = KIND_MEMBER_DESCR; k <= KIND_GETSET_DESCR; k++) {
    const t = typeObject(k);
    addMethod(t, "__get__", m_get);
    addMethod(t, "__set__", m_set);
    addMethod(t, "__delete__", m_delete);
  }
}

export function addGetsetTo(t: usize, name: string, id: u32): void {
  addGetset(t, name, id);
}
function addGetset(t: usize, name: string, id: u32): void {
  const n = strLiteral(name);
  const d = getsetDescrNew(n, t, id);
  store<u32>(d, IMMORTAL_REFCNT);
  dictSetItem(typeDict(t), <u64>n, <u64>d);
}

/** Start-up, after installRegisteredMethods: the builtin types' getset descriptors. */
export function installBuiltinGetsets(): void {
  const obj = typeObject(KIND_OBJECT);
  addGetset(obj, "__class__", GS_CLASS);
  addGetset(obj, "__doc__", GS_DOC);
  const type = typeObject(KIND_TYPE);
  addGetset(type, "__name__", GS_SPECIAL);
  addGetset(type, "__qualname__", GS_SPECIAL);
  addGetset(type, "__bases__", GS_SPECIAL);
  addGetset(type, "__base__", GS_SPECIAL);
  addGetset(type, "__mro__", GS_SPECIAL);
  addGetset(type, "__module__", GS_SPECIAL);
  addGetset(type, "__dict__", GS_SPECIAL);
  addGetset(type, "__doc__", GS_SPECIAL);
  const int = typeObject(KIND_INT);
  addGetset(int, "real", GS_SPECIAL);
  addGetset(int, "imag", GS_SPECIAL);
  addGetset(int, "numerator", GS_SPECIAL);
  addGetset(int, "denominator", GS_SPECIAL);
  addGetset(typeObject(KIND_FLOAT), "real", GS_SPECIAL);
  addGetset(typeObject(KIND_FLOAT), "imag", GS_SPECIAL);
  addGetset(typeObject(KIND_COMPLEX), "real", GS_SPECIAL);
  addGetset(typeObject(KIND_COMPLEX), "imag", GS_SPECIAL);
  installTypeExtraGetsets();
}
import { typeExtraGet, installTypeExtraGetsets } from "./type-extras";

export { KIND_NONE, T_BASE, bumpTypeEpoch, dictGetItem };
