/**
 * Attribute access: getattr / setattr / delattr with CPython's descriptor rules, LOAD_METHOD's
 * unbound-method shortcut, the `with` statement's __enter__/__exit__ lookups, and the special
 * attributes builtin objects expose (__class__, __dict__, function and code attributes, exception
 * attributes, ...).
 *
 * Lookup order (PyObject_GenericGetAttr): a data descriptor on the type (property, or an object
 * whose type defines __set__/__delete__) wins; then the instance __dict__; then a non-data
 * descriptor or plain class attribute; then __getattr__ (heap types).
 */
import { Value, NULL, NONE, TRUE, FALSE, isSmallInt, isObject, makeSmallInt, makeBool } from "./values";
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
  errorObject,
  errorClear,
  ERR_OBJECT,
  KIND_TYPE,
  KIND_FUNCTION,
  KIND_METHOD,
  KIND_BUILTIN,
  KIND_METHOD_DESCR,
  KIND_CLASSMETHOD,
  KIND_STATICMETHOD,
  KIND_PROPERTY,
  KIND_MODULE,
  KIND_OBJECT,
  KIND_EXCEPTION,
  KIND_CELL,
  KIND_CODE,
  KIND_INT,
  KIND_BOOL,
  KIND_FLOAT,
  KIND_COMPLEX,
  KIND_RANGE,
  KIND_SLICE,
  KIND_GENERATOR,
  KIND_STR,
  KIND_DICT,
  KIND_TUPLE,
  KIND_SUPER,
  EXC_AttributeError,
  EXC_TypeError,
  EXC_StopIteration,
  EXC_SystemExit,
  TPFLAG_HEAPTYPE,
} from "./types";
import { incref, decref } from "./refcount";
import { tupleSize, tupleItem } from "./tuple";
import { strEqualLiteral, strLength, strCodePoint } from "./str";
import { typeLookup, typeDict, typeMro, isHeapType, isSubtype, T_DICTOFFSET, T_BASES, T_BASE, T_QUALNAME, T_MODULE } from "./typeobj";
import { dictNew, dictGetItem, dictSetItem, dictDelItem, dictVersion } from "./dict";
import { methodNew, builtinNew, builtinFn, FN_CODE, FN_GLOBALS, FN_NAME, FN_QUALNAME, FN_DEFAULTS, FN_KWDEFAULTS, FN_CLOSURE, FN_DICT, FN_ANNOTATIONS, FN_MODULE, FN_DOC } from "./function";
import { objCall, callMethod0, callMethod1, callMethod2, callDescr, userSlot } from "./ops";
import {
  N_GETATTR,
  N_GETATTRIBUTE,
  N_SETATTR,
  N_DELATTR,
  N_GET,
  N_SET,
  N_DELETE,
  N_ENTER,
  N_EXIT,
  N_DICT,
  N_CLASS,
  N_NAME,
  N_DOC,
  N_MODULE,
  N_SLOTS,
  strLiteral,
} from "./names";
import { EX_ARGS, EX_TRACEBACK, EX_CONTEXT, EX_CAUSE, EX_SUPPRESS, EX_NOTES, EX_EXTRA, excType } from "./exceptions";
import { specialAttr, setSpecialAttr } from "./special-attrs";
import { noteAttributeError } from "./exc-methods";
import { bumpTypeEpoch, typeEpoch } from "./typeobj";
import { descrObjGet, descrObjSet } from "./descr-objects";
import { KIND_MEMBER_DESCR, KIND_GETSET_DESCR } from "./types";

/**
 * LOAD_ATTR with its inline cache (4 CACHE units: type u32, epoch u32): when the attribute came
 * from the instance __dict__ of a class instance without __getattribute__ and with no data
 * descriptor of that name, remember the (type, epoch) so the next access can go straight to the
 * instance dict. New reference or NULL.
 */
export function loadAttrFill(obj: Value, name: usize, cache: usize): Value {
  if (isObject(obj)) {
    const t = typeOf(obj);
    const off = <usize>load<u32>(t + T_DICTOFFSET);
    if (off != 0 && kindOf(<usize>obj) == KIND_OBJECT && isHeapType(t) && userGetattribute(t) == NULL) {
      const d = typeLookup(t, name);
      if (d == NULL || !isDataDescr(d)) {
        const dict = <usize>load<u32>(<usize>obj + off);
        if (dict != 0) {
          const r = dictGetItem(dict, <u64>name);
          if (r != NULL) {
            store<u32>(cache, <u32>t);
            store<u32>(cache, typeEpoch, 4);
            incref(r);
            return r;
          }
        }
      }
    }
  }
  return objGetAttr(obj, name);
}

/**
 * LOAD_METHOD's fill: like loadMethod, and when the method is a plain function found on a class
 * without __getattribute__, remember (type, epoch, function) in the CACHE units.
 */
/**
 * STORE_ATTR with its inline cache (type u32, epoch u32): when a plain instance attribute was set
 * in the instance __dict__ (no __setattr__, no data descriptor, no __slots__ restriction), the next
 * store for the same class and epoch goes straight to the dict. 0 or -1.
 */
export function storeAttrFill(obj: Value, name: usize, value: Value, cache: usize): i32 {
  if (isObject(obj)) {
    const t = typeOf(obj);
    const off = <usize>load<u32>(t + T_DICTOFFSET);
    // Plain instances only (exceptions have special attributes such as args), and no dunder names.
    if (off != 0 && kindOf(<usize>obj) == KIND_OBJECT && !isDunder(name) && isHeapType(t) && (typeHooks(t) & HOOK_SETATTR) == 0) {
      const d = typeLookup(t, name);
      if (d == NULL || !isDataDescr(d)) {
        let dict = <usize>load<u32>(<usize>obj + off);
        if (dict == 0) {
          dict = dictNew();
          if (dict == 0) return -1;
          store<u32>(<usize>obj + off, <u32>dict);
        }
        store<u32>(cache, <u32>t);
        store<u32>(cache, typeEpoch, 4);
        return dictSetItem(dict, <u64>name, value);
      }
    }
  }
  return objSetAttr(obj, name, value);
}

function isDunder(name: usize): bool {
  return strLength(name) > 1 && strCodePoint(name, 0) == 0x5f && strCodePoint(name, 1) == 0x5f;
}

// Per-class facts the attribute paths need on every access, cached in the type's slotflags word:
// the low 24 bits hold the class-change epoch they were computed in, the top 8 bits the facts.
const HOOK_GETATTRIBUTE: u32 = 1;
const HOOK_GETATTR: u32 = 2;
const HOOK_SETATTR: u32 = 4;
const HOOK_DELATTR: u32 = 8;
const HOOK_SLOTS: u32 = 16;

function typeHooks(t: usize): u32 {
  const sf = load<u32>(t + 56);
  if ((sf & 0xffffff) == (typeEpoch & 0xffffff)) return sf >> 24;
  let h: u32 = 0;
  if (userMethod(typeLookup(t, N_GETATTRIBUTE))) h |= HOOK_GETATTRIBUTE;
  if (typeLookup(t, N_GETATTR) != NULL) h |= HOOK_GETATTR;
  if (userMethod(typeLookup(t, N_SETATTR))) h |= HOOK_SETATTR;
  if (userMethod(typeLookup(t, N_DELATTR))) h |= HOOK_DELATTR;
  store<u32>(t + 56, (h << 24) | (typeEpoch & 0xffffff));
  return h;
}

/** A Python-level override (anything but a builtin method descriptor). */
function userMethod(d: Value): bool {
  return d != NULL && !(isObject(d) && kindOf(<usize>d) == KIND_METHOD_DESCR);
}

export function loadMethodFill(obj: Value, name: usize, cache: usize): bool {
  if (!loadMethod(obj, name)) return false;
  if (methodOut != NULL && isObject(obj) && isObject(methodOut) && kindOf(<usize>methodOut) == KIND_FUNCTION) {
    const t = typeOf(obj);
    // (Not for side-dict instances: the cached path only checks an inline __dict__.)
    if (isHeapType(t) && kindOf(<usize>obj) != KIND_TYPE && (load<u32>(t + 12) & TPFLAG_SIDE_DICT) == 0) {
      store<u32>(cache, <u32>t);
      store<u32>(cache, typeEpoch, 4);
      store<u32>(cache, <u32>methodOut, 8);
    }
  }
  return true;
}

// ---------------------------------------------------------------------------------------------------
// Descriptors

/** Whether `d` (found on a type) is a data descriptor. */
function isDataDescr(d: Value): bool {
  if (!isObject(d)) return false;
  const k = kindOf(<usize>d);
  if (k == KIND_PROPERTY || k == KIND_MEMBER_DESCR || k == KIND_GETSET_DESCR) return true;
  if (isHeapType(typeOf(d))) {
    const t = typeOf(d);
    return typeLookup(t, N_SET) != NULL || typeLookup(t, N_DELETE) != NULL;
  }
  return false;
}

/**
 * The value of descriptor `d` for `obj` (NULL: accessed on the class `type`), CPython's tp_descr_get:
 * functions bind, classmethods bind the class, staticmethods unwrap, properties call fget, objects
 * with __get__ are called; anything else is itself. New reference.
 */
export function descrGet(d: Value, obj: Value, type: Value): Value {
  if (isObject(d)) {
    const p = <usize>d;
    switch (kindOf(p)) {
      case KIND_FUNCTION: {
        if (obj == NULL) break;
        return <u64>methodNew(d, obj);
      }
      case KIND_METHOD_DESCR: {
        const kind = load<i32>(p + 20);
        const name = <usize>load<u32>(p + 12);
        const owner = <usize>load<u32>(p + 16);
        if (kind == 1) return <u64>builtinNew(builtinFn(p), name, type, owner);
        if (kind == 2) return <u64>builtinNew(builtinFn(p), name, NULL, owner);
        if (obj == NULL) break;
        return <u64>builtinNew(builtinFn(p), name, obj, owner);
      }
      case KIND_CLASSMETHOD:
        return <u64>methodNew(load<u64>(p + 8), type);
      case KIND_MEMBER_DESCR:
      case KIND_GETSET_DESCR:
        if (obj == NULL) break;
        return descrObjGet(p, obj);
      case KIND_STATICMETHOD: {
        const f = load<u64>(p + 8);
        incref(f);
        return f;
      }
      case KIND_PROPERTY: {
        if (obj == NULL) break;
        const fget = load<u64>(p + 8);
        if (fget == NULL || fget == NONE) {
          propertyMissing(p, obj, "getter");
          return NULL;
        }
        return callWith1(fget, obj);
      }
    }
    if (isHeapType(typeOf(d))) {
      const get = typeLookup(typeOf(d), N_GET);
      if (get != NULL) return callMethod2(get, d, obj == NULL ? NONE : obj, type);
    }
  }
  incref(d);
  return d;
}

import { alloc, free } from "./heap";
function callWith1(f: Value, a: Value): Value {
  const buf = alloc(8);
  if (buf == 0) return NULL;
  store<u64>(buf, a);
  const r = objCall(f, buf, 1, 0);
  free(buf, 8);
  return r;
}
function callWith2(f: Value, a: Value, b: Value): Value {
  const buf = alloc(16);
  if (buf == 0) return NULL;
  store<u64>(buf, a);
  store<u64>(buf + 8, b);
  const r = objCall(f, buf, 2, 0);
  free(buf, 16);
  return r;
}

// ---------------------------------------------------------------------------------------------------
// Instance dicts

/** The address of v's __dict__ slot, or 0 when its type gives instances none. */
// @ts-ignore: decorator
@inline export function instanceDictSlot(v: Value): usize {
  if (!isObject(v)) return 0;
  const t = typeOf(v);
  const off = <usize>load<u32>(t + T_DICTOFFSET);
  if (off != 0) return <usize>v + off;
  // Subclasses of builtin types keep the dict in a side table (side-dict.ts).
  return (load<u32>(t + 12) & TPFLAG_SIDE_DICT) != 0 ? sideDictSlot(<usize>v) : 0;
}
import { sideDictSlot } from "./side-dict";
import { TPFLAG_SIDE_DICT } from "./types";

/** v.__dict__, created on first use (borrowed), 0 when v has none (or MemoryError). */
export function instanceDict(v: Value): usize {
  const slot = instanceDictSlot(v);
  if (slot == 0) return 0;
  let d = <usize>load<u32>(slot);
  if (d == 0) {
    d = dictNew();
    store<u32>(slot, <u32>d);
  }
  return d;
}

// ---------------------------------------------------------------------------------------------------
// getattr

import { moduleIsInitializing, moduleMissingAttr } from "./module-loader";

export function attributeError(v: Value, name: usize): void {
  raiseBegin(EXC_AttributeError);
  if (isObject(v) && kindOf(<usize>v) == KIND_TYPE) {
    errText("type object '");
    errStrObject(typeName(<usize>v));
    errText("' has no attribute '");
  } else if (isObject(v) && kindOf(<usize>v) == KIND_MODULE) {
    errText(moduleIsInitializing(v) ? "partially initialized module '" : "module '");
    errStrObject(<usize>load<u32>(<usize>v + 12));
    errText("' has no attribute '");
    errStrObject(name);
    errText(moduleIsInitializing(v) ? "' (most likely due to a circular import)" : "'");
    return;
  } else {
    errText("'");
    errTypeName(v);
    errText("' object has no attribute '");
  }
  errStrObject(name);
  errText("'");
}

function pendingIsAttributeError(): bool {
  const t = errorType();
  if (t == EXC_AttributeError) return true;
  if (t == ERR_OBJECT) return isSubtype(typeOf(errorObject()), excType(EXC_AttributeError));
  return false;
}

/** getattr(v, name) (name: str object pointer); new reference or NULL on error. */
export function objGetAttr(v: Value, name: usize): Value {
  const r = getAttrInner(v, name);
  if (r == NULL) noteAttributeError(v, name); // AttributeError.name / .obj, as PyObject_GetAttr
  return r;
}

function getAttrInner(v: Value, name: usize): Value {
  if (isObject(v) && isHeapType(typeOf(v))) {
    const t = typeOf(v);
    const hooks = typeHooks(t);
    if ((hooks & (HOOK_GETATTRIBUTE | HOOK_GETATTR)) == 0) return genericGetAttr(v, name);
    let r: Value;
    if ((hooks & HOOK_GETATTRIBUTE) != 0) {
      r = callMethod1(typeLookup(t, N_GETATTRIBUTE), v, <u64>name);
    } else {
      r = genericGetAttr(v, name);
    }
    if (r == NULL && pendingIsAttributeError()) {
      const g = typeLookup(t, N_GETATTR);
      if (g != NULL) {
        errorClear();
        return callMethod1(g, v, <u64>name);
      }
    }
    return r;
  }
  return genericGetAttr(v, name);
}

/** object.__getattribute__(v, name). */
export function genericGetAttr(v: Value, name: usize): Value {
  if (isObject(v)) {
    const k = kindOf(<usize>v);
    if (k == KIND_TYPE) return typeGetAttr(<usize>v, name);
    if (k == KIND_SUPER) {
      const r = superGetAttr(<usize>v, name);
      if (r != NULL || errorType() != 0) return r;
    }
    if (k == KIND_MODULE) {
      const r = dictGetItem(<usize>load<u32>(<usize>v + 8), <u64>name);
      if (r != NULL) {
        incref(r);
        return r;
      }
      if (errorType() != 0) return NULL;
      const s = specialAttr(v, name);
      if (s != NULL || errorType() != 0) return s;
      return moduleMissingAttr(v, name); // a module-level __getattr__ (PEP 562), else AttributeError
    }
  }
  const t = typeOf(v);
  const d = typeLookup(t, name);
  if (d != NULL && isDataDescr(d)) return descrGet(d, v, <u64>t);
  const slot = instanceDictSlot(v);
  if (slot != 0) {
    const dict = <usize>load<u32>(slot);
    if (dict != 0) {
      const r = dictGetItem(dict, <u64>name);
      if (r != NULL) {
        incref(r);
        return r;
      }
      if (errorType() != 0) return NULL;
    }
  }
  if (d != NULL) return descrGet(d, v, <u64>t);
  const s = specialAttr(v, name);
  if (s != NULL || errorType() != 0) return s;
  attributeError(v, name);
  return NULL;
}

/** Attribute lookup on a class: metaclass data descriptors, the MRO, then the metaclass. */
function typeGetAttr(t: usize, name: usize): Value {
  const meta = typeOf(<u64>t);
  const md = typeLookup(meta, name);
  if (md != NULL && isDataDescr(md)) return descrGet(md, <u64>t, <u64>meta);
  const d = typeLookup(t, name);
  if (d != NULL) {
    // Functions stay plain functions on the class; classmethods bind it; properties are themselves.
    if (isObject(d)) {
      const k = kindOf(<usize>d);
      if (k == KIND_FUNCTION || k == KIND_PROPERTY) {
        incref(d);
        return d;
      }
    }
    return descrGet(d, NULL, <u64>t);
  }
  const s = specialAttr(<u64>t, name);
  if (s != NULL || errorType() != 0) return s;
  if (md != NULL) return descrGet(md, <u64>t, <u64>meta);
  attributeError(<u64>t, name);
  return NULL;
}

// ---------------------------------------------------------------------------------------------------
// setattr / delattr

/** setattr(v, name, value), or delattr when value is NULL; 0 or -1. */
export function objSetAttr(v: Value, name: usize, value: Value): i32 {
  if (isObject(v) && isHeapType(typeOf(v)) && (typeHooks(typeOf(v)) & (value == NULL ? HOOK_DELATTR : HOOK_SETATTR)) != 0) {
    const t = typeOf(v);
    const hook = typeLookup(t, value == NULL ? N_DELATTR : N_SETATTR);
    {
      const r = value == NULL ? callMethod1(hook, v, <u64>name) : callMethod2(hook, v, <u64>name, value);
      if (r == NULL) return -1;
      decref(r);
      return 0;
    }
  }
  return genericSetAttr(v, name, value);
}

/** object.__setattr__ / object.__delattr__. */
import { propertyMissing } from "./property-name";
export function genericSetAttr(v: Value, name: usize, value: Value): i32 {
  if (isObject(v) && kindOf(<usize>v) == KIND_TYPE) return typeSetAttr(<usize>v, name, value);
  if (isObject(v) && kindOf(<usize>v) == KIND_MODULE) {
    const d = <usize>load<u32>(<usize>v + 8);
    if (value == NULL) {
      if (dictDelItem(d, <u64>name) < 0) {
        // CPython's generic delattr: "'module' object has no attribute 'x'" (not getattr's text).
        errorClear();
        raiseBegin(EXC_AttributeError);
        errText("'module' object has no attribute '");
        errStrObject(name);
        errText("'");
        return -1;
      }
      return 0;
    }
    return dictSetItem(d, <u64>name, value);
  }
  const t = typeOf(v);
  const d = typeLookup(t, name);
  if (d != NULL && isDataDescr(d)) {
    const p = <usize>d;
    if (kindOf(p) == KIND_PROPERTY) {
      const f = load<u64>(p + (value == NULL ? 24 : 16));
      if (f == NULL || f == NONE) {
        propertyMissing(p, v, value == NULL ? "deleter" : "setter");
        return -1;
      }
      const r = value == NULL ? callWith1(f, v) : callWith2(f, v, value);
      if (r == NULL) return -1;
      decref(r);
      return 0;
    }
    if (kindOf(p) == KIND_MEMBER_DESCR || kindOf(p) == KIND_GETSET_DESCR) return descrObjSet(p, v, value);
    const dt = typeOf(d);
    const m = typeLookup(dt, value == NULL ? N_DELETE : N_SET);
    if (m != NULL) {
      const r = value == NULL ? callMethod1(m, d, v) : callMethod2(m, d, v, value);
      if (r == NULL) return -1;
      decref(r);
      return 0;
    }
  }
  const rs = setSpecialAttr(v, name, value);
  if (rs != 1) return rs; // 0 done, -1 error, 1 not special
  const slot = instanceDictSlot(v);
  if (slot == 0) {
    if (d != NULL) {
      raiseBegin(EXC_AttributeError);
      errText("'");
      errTypeName(v);
      errText("' object attribute '");
      errStrObject(name);
      errText("' is read-only");
      return -1;
    }
    attributeError(v, name);
    return -1;
  }
  let dict = <usize>load<u32>(slot);
  if (value == NULL) {
    if (dict == 0 || dictGetItem(dict, <u64>name) == NULL) {
      if (errorType() != 0) return -1;
      attributeError(v, name);
      return -1;
    }
    return dictDelItem(dict, <u64>name);
  }
  if (dict == 0) {
    dict = dictNew();
    if (dict == 0) return -1;
    store<u32>(slot, <u32>dict);
  }
  return dictSetItem(dict, <u64>name, value);
}

/** Setting a class attribute: allowed on heap types only; bumps the type's version. */
function typeSetAttr(t: usize, name: usize, value: Value): i32 {
  if (!isHeapType(t)) {
    raiseBegin(EXC_TypeError);
    errText("cannot set '");
    errStrObject(name);
    errText("' attribute of immutable type '");
    errStrObject(typeName(t));
    errText("'");
    return -1;
  }
  bumpTypeEpoch();
  const rs = setSpecialAttr(<u64>t, name, value);
  if (rs != 1) return rs;
  store<u32>(t + 28, load<u32>(t + 28) + 1);
  const d = typeDict(t);
  if (value == NULL) {
    if (dictGetItem(d, <u64>name) == NULL) {
      attributeError(<u64>t, name);
      return -1;
    }
    return dictDelItem(d, <u64>name);
  }
  return dictSetItem(d, <u64>name, value);
}

// ---------------------------------------------------------------------------------------------------
// LOAD_METHOD and `with`

/** LOAD_METHOD's results: (function, self) when a method can be called unbound, else (NULL, attr). */
export let methodOut: Value = NULL;
export let selfOut: Value = NULL;

export function loadMethod(obj: Value, name: usize): bool {
  const t = typeOf(obj);
  if (isObject(obj)) {
    const k = kindOf(<usize>obj);
    if (k != KIND_TYPE && k != KIND_MODULE && k != KIND_SUPER && (!isHeapType(t) || userGetattribute(t) == NULL)) {
      const d = typeLookup(t, name);
      if (d != NULL && isObject(d)) {
        const dk = kindOf(<usize>d);
        if (dk == KIND_FUNCTION || (dk == KIND_METHOD_DESCR && load<i32>(<usize>d + 20) == 0)) {
          const slot = instanceDictSlot(obj);
          const dict: usize = slot == 0 ? 0 : <usize>load<u32>(slot);
          if (dict == 0 || dictGetItem(dict, <u64>name) == NULL) {
            incref(d);
            incref(obj);
            methodOut = d;
            selfOut = obj;
            return true;
          }
        }
      }
    }
  } else {
    // Immediates (small ints, None, bools) have builtin methods only.
    const d = typeLookup(t, name);
    if (d != NULL && isObject(d) && kindOf(<usize>d) == KIND_METHOD_DESCR && load<i32>(<usize>d + 20) == 0) {
      methodOut = d;
      selfOut = obj;
      return true;
    }
  }
  const r = objGetAttr(obj, name);
  if (r == NULL) return false;
  methodOut = NULL;
  selfOut = r;
  return true;
}

function userGetattribute(t: usize): Value {
  const ga = typeLookup(t, N_GETATTRIBUTE);
  if (ga == NULL || (isObject(ga) && kindOf(<usize>ga) == KIND_METHOD_DESCR)) return NULL;
  return ga;
}

/** BEFORE_WITH: methodOut = bound __exit__, selfOut = mgr.__enter__(). */
export function beforeWith(mgr: Value): bool {
  const t = typeOf(mgr);
  const enter = typeLookup(t, N_ENTER);
  const exit = typeLookup(t, N_EXIT);
  if (enter == NULL || exit == NULL) {
    raiseBegin(EXC_TypeError);
    errText("'");
    errTypeName(mgr);
    errText(enter == NULL ? "' object does not support the context manager protocol" : "' object does not support the context manager protocol (missed __exit__ method)");
    return false;
  }
  const boundExit = descrGet(exit, mgr, <u64>t);
  if (boundExit == NULL) return false;
  const r = callMethod0(enter, mgr);
  if (r == NULL) {
    decref(boundExit);
    return false;
  }
  methodOut = boundExit;
  selfOut = r;
  return true;
}

/** WITH_EXCEPT_START: exit(type(exc), exc, exc.__traceback__). */
export function callExit(exit: Value, exc: Value): Value {
  const buf = alloc(24);
  if (buf == 0) return NULL;
  store<u64>(buf, <u64>typeOf(exc));
  store<u64>(buf + 8, exc);
  let tb: Value = NONE;
  if (isObject(exc) && kindOf(<usize>exc) == KIND_EXCEPTION) {
    const t = load<u32>(<usize>exc + EX_TRACEBACK);
    if (t != 0) tb = <u64>t;
  }
  store<u64>(buf + 16, tb);
  const r = objCall(exit, buf, 3, 0);
  free(buf, 24);
  return r;
}

/** obj.<literal name>(arg): for protocols implemented by method name (generator send). */
export function callMethodByName(obj: Value, name: string, arg: Value): Value {
  const n = strLiteralCached(name);
  const m = objGetAttr(obj, n);
  if (m == NULL) return NULL;
  const r = callWith1(m, arg);
  decref(m);
  return r;
}

let sendName: usize = 0;
function strLiteralCached(name: string): usize {
  if (sendName == 0) sendName = strLiteral("send");
  return sendName;
}

export { NONE, TRUE, FALSE, makeBool, makeSmallInt, isSmallInt, dictVersion };

/**
 * super().name: the attribute found in the MRO of the object's type after `type`, bound to the
 * object (super object: [ header ][ type u32 | objtype u32 ][ obj Value ]). NULL without an
 * exception when not found there (the caller then looks at the super object itself).
 */
function superGetAttr(s: usize, name: usize): Value {
  const start = <usize>load<u32>(s + 8);
  const objtype = <usize>load<u32>(s + 12);
  const obj = load<u64>(s + 16);
  if (objtype == 0 || strEqualLiteral(name, "__class__")) return NULL;
  const mro = typeMro(objtype);
  const n = <usize>tupleSize(mro);
  let i: usize = 0;
  while (i < n && <usize>tupleItem(mro, i) != start) i++;
  for (i++; i < n; i++) {
    const d = dictGetItem(typeDict(<usize>tupleItem(mro, i)), <u64>name);
    if (d != NULL) {
      incref(d);
      // Accessed through the class itself (obj is the type): no instance to bind.
      const r = descrGet(d, obj == <u64>objtype ? NULL : obj, <u64>objtype);
      decref(d);
      return r;
    }
    if (errorType() != 0) return NULL;
  }
  return NULL;
}
