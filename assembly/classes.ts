/**
 * Classes made at run time: the class statement (__build_class__: run the body in a fresh
 * namespace, then call the metaclass) and type(name, bases, dict) (typeNew), with CPython's
 * rules: C3 MRO, implicit classmethod __init_subclass__ / staticmethod __new__, __hash__ = None
 * when __eq__ is defined alone, __set_name__, __init_subclass__, __classcell__.
 */
import { Value, NULL, NONE, isObject } from "./values";
import { alloc } from "./heap";
import { initHeader } from "./object";
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
  KIND_TYPE,
  KIND_OBJECT,
  KIND_EXCEPTION,
  KIND_FUNCTION,
  KIND_TUPLE,
  KIND_STR,
  KIND_DICT,
  KIND_CELL,
  KIND_CLASSMETHOD,
  KIND_STATICMETHOD,
  KIND_METHOD_DESCR,
  TYPE_OBJECT_SIZE,
  TPFLAG_HEAPTYPE,
  TPFLAG_BASETYPE,
  TPFLAG_EXCEPTION,
  TPFLAG_HAS_REFS,
  EXC_TypeError,
} from "./types";
import { incref, decref } from "./refcount";
import { tupleAlloc, tupleSetItem, tupleSize, tupleItem } from "./tuple";
import { dictNew, dictGetItem, dictSetItem, dictDelItem, dictNext, dictCopy } from "./dict";
import { typeLookup, bumpTypeEpoch, typeMro, isSubtype, isHeapType, c3Mro, T_BASE, T_BASES, T_MRO, T_DICT, T_QUALNAME, T_DICTOFFSET, T_MODULE } from "./typeobj";
import { N_QUALNAME, N_MODULE, N_CLASSCELL, N_INIT_SUBCLASS, N_NEW, N_SET_NAME, N_HASH, N_NAME, strLiteral, CMP_NAMES } from "./names";
import { wrapperNew, builtinNew, FN_CODE, FN_GLOBALS, FN_BUILTINS, FN_QUALNAME } from "./function";
import { runCode } from "./eval";
import { objCall, callMethod2, callDescr, userSlot } from "./ops";
import { kwArg, arg, NativeFn } from "./native";
import { descrGet } from "./attributes";
import { listNew, listAppend } from "./list";
import { classLayout } from "./class-slots";
import { applyCustomMro } from "./mro-invoke";
import { propertyStoreName } from "./property-name";
import { KIND_PROPERTY } from "./types";

/** The kind that decides an instance's layout: plain objects, exceptions, or a builtin's own. */
function layoutKind(t: usize): u32 {
  return load<u32>(t + 8);
}

/**
 * type(name, bases, dict) for metaclass `meta`: a new heap type. `bases` is a tuple (empty means
 * (object,)); `ns` a dict whose items are copied. New reference, or 0 with an exception.
 */
export function typeNew(meta: usize, name: usize, bases: usize, ns: usize): usize {
  // The most derived metaclass among meta and the bases' metaclasses (TypeError on a conflict).
  if (tupleSize(bases) > 0) {
    meta = calculateMetaclass(meta, bases);
    if (meta == 0) return 0;
  }
  let ownBases = false;
  if (tupleSize(bases) == 0) {
    bases = tupleAlloc(1);
    if (bases == 0) return 0;
    tupleSetItem(bases, 0, <u64>typeObject(KIND_OBJECT));
    ownBases = true;
  }
  // Check the bases and pick the layout: the most derived non-object layout among them.
  const nb = <usize>tupleSize(bases);
  for (let i: usize = 0; i < nb; i++) {
    for (let j: usize = 0; j < i; j++) {
      if (tupleItem(bases, i) == tupleItem(bases, j)) {
        raiseBegin(EXC_TypeError);
        errText("duplicate base class ");
        errStrObject(typeName(<usize>tupleItem(bases, i)));
        if (ownBases) decref(<u64>bases);
        return 0;
      }
    }
  }
  let layout: u32 = KIND_OBJECT;
  let best: usize = <usize>tupleItem(bases, 0);
  for (let i: usize = 0; i < nb; i++) {
    const b = tupleItem(bases, i);
    if (!isObject(b) || kindOf(<usize>b) != KIND_TYPE) {
      raiseBegin(EXC_TypeError);
      errText("bases must be types");
      if (ownBases) decref(<u64>bases);
      return 0;
    }
    const bt = <usize>b;
    if ((load<u32>(bt + 12) & TPFLAG_BASETYPE) == 0) {
      raiseBegin(EXC_TypeError);
      errText("type '");
      errStrObject(typeName(bt));
      errText("' is not an acceptable base type");
      if (ownBases) decref(<u64>bases);
      return 0;
    }
    const k = layoutKind(bt);
    if (k != KIND_OBJECT) {
      if (layout != KIND_OBJECT && layout != k) {
        raiseMsg(EXC_TypeError, "multiple bases have instance lay-out conflict");
        if (ownBases) decref(<u64>bases);
        return 0;
      }
      if (layout == KIND_OBJECT) best = bt;
      layout = k;
    }
  }
  const t = alloc(TYPE_OBJECT_SIZE);
  if (t == 0) return 0;
  initHeader(t, meta);
  if (isHeapType(meta)) incref(<u64>meta);
  store<u32>(t + 8, layout);
  let flags = TPFLAG_HEAPTYPE | TPFLAG_BASETYPE | TPFLAG_HAS_REFS;
  if (layout == KIND_EXCEPTION) flags |= TPFLAG_EXCEPTION;
  store<u32>(t + 12, flags);
  incref(<u64>name);
  store<u32>(t + 16, <u32>name);
  store<u32>(t + 20, load<u32>(best + 20)); // basicsize of the layout
  store<u32>(t + 24, load<u32>(best + 24));
  store<u32>(t + 28, 1); // version
  incref(<u64>best);
  store<u32>(t + T_BASE, <u32>best);
  if (!ownBases) incref(<u64>bases);
  store<u32>(t + T_BASES, <u32>bases);
  // Instances of plain classes and exceptions keep a __dict__ at offset 8 of their layout.
  store<u32>(t + T_DICTOFFSET, layout == KIND_OBJECT || layout == KIND_EXCEPTION ? 8 : 0);
  const dict = dictCopy(ns);
  if (dict == 0) {
    decref(<u64>t);
    return 0;
  }
  store<u32>(t + T_DICT, <u32>dict);
  // __qualname__ comes from the namespace (and is removed from the dict), __module__ stays.
  const qn = dictGetItem(dict, <u64>N_QUALNAME);
  if (qn != NULL) {
    incref(qn);
    store<u32>(t + T_QUALNAME, <u32>qn);
    dictDelItem(dict, <u64>N_QUALNAME);
  } else {
    incref(<u64>name);
    store<u32>(t + T_QUALNAME, <u32>name);
  }
  let mod = dictGetItem(dict, <u64>N_MODULE);
  if (mod == NULL) {
    // type(name, bases, dict) without __module__: the caller's module, as type_new_set_module.
    mod = callerModuleName();
    if (mod != NULL && dictSetItem(dict, <u64>N_MODULE, mod) < 0) {
      decref(<u64>t);
      return 0;
    }
  }
  if (mod != NULL) {
    incref(mod);
    store<u32>(t + T_MODULE, <u32>mod);
  }
  if (!classLayout(t, bases, dict, layout)) {
    decref(<u64>t);
    return 0;
  }
  const mro = c3Mro(t, bases);
  if (mro == 0) {
    decref(<u64>t);
    return 0;
  }
  store<u32>(t + T_MRO, <u32>mro);
  if (!applyCustomMro(t)) {
    decref(<u64>t);
    return 0;
  }
  // Implicit wrappers, as type_new: __new__ is a staticmethod, __init_subclass__ and
  // __class_getitem__ are classmethods, when given as plain functions.
  wrapIfFunction(dict, N_NEW, KIND_STATICMETHOD);
  wrapIfFunction(dict, N_INIT_SUBCLASS, KIND_CLASSMETHOD);
  wrapIfFunction(dict, classGetitemName(), KIND_CLASSMETHOD);
  // A class that defines __eq__ without __hash__ is unhashable.
  if (dictGetItem(dict, <u64>unchecked(CMP_NAMES[2])) != NULL && dictGetItem(dict, <u64>N_HASH) == NULL) {
    dictSetItem(dict, <u64>N_HASH, NONE);
  }
  if (typeLookup(t, N_DEL) != NULL) store<u32>(t + 12, load<u32>(t + 12) | TPFLAG_FINALIZER);
  // The dict was filled directly, not through setattr: attribute caches must not keep a lookup
  // made on a half-built class.
  bumpTypeEpoch();
  registerHeapType(t);
  if (!callSetName(t, dict)) {
    decref(<u64>t);
    return 0;
  }
  return t;
}

/**
 * Every class made at run time, in creation order, for type.__subclasses__() (CPython keeps weak
 * references in each base; we keep the classes alive for the program's lifetime instead).
 */
export let heapTypes: usize = 0;
function registerHeapType(t: usize): void {
  if (heapTypes == 0) heapTypes = listNew(0);
  if (heapTypes != 0) listAppend(heapTypes, <u64>t);
}

let classGetitemStr: usize = 0;
function classGetitemName(): usize {
  if (classGetitemStr == 0) classGetitemStr = strLiteral("__class_getitem__");
  return classGetitemStr;
}

function wrapIfFunction(dict: usize, name: usize, kind: u32): void {
  const f = dictGetItem(dict, <u64>name);
  if (f == NULL || !isObject(f) || kindOf(<usize>f) != KIND_FUNCTION) return;
  const w = wrapperNew(kind, f);
  if (w == 0) return;
  dictSetItem(dict, <u64>name, <u64>w);
  decref(<u64>w);
}

const POS: usize = memory.data(8, 8);
const KEY: usize = memory.data(8, 8);
const VAL: usize = memory.data(8, 8);

/** Calls value.__set_name__(owner, name) for every attribute whose type defines it. */
function callSetName(t: usize, dict: usize): bool {
  let pos: u32 = 0;
  while (true) {
    store<u32>(POS, pos);
    if (!dictNext(dict, POS, KEY, VAL)) break;
    pos = load<u32>(POS);
    const v = load<u64>(VAL);
    const k = load<u64>(KEY);
    const sn = userSlot(v, N_SET_NAME);
    if (sn == NULL) {
      if (isObject(v) && kindOf(<usize>v) == KIND_PROPERTY) propertyStoreName(<usize>v, k); // property.__set_name__
      continue;
    }
    incref(v);
    incref(k);
    const r = callMethod2(sn, v, <u64>t, k);
    decref(v);
    decref(k);
    if (r == NULL) return false;
    decref(r);
  }
  return true;
}

/** Runs the parent's __init_subclass__(**kwds) for a new class (user-defined ones only). */
function initSubclass(t: usize, args: usize, nkw: i32, kwnames: usize): bool {
  const mro = typeMro(t);
  const n = <usize>tupleSize(mro);
  for (let i: usize = 1; i < n; i++) {
    const b = <usize>tupleItem(mro, i);
    if (!isHeapType(b)) continue;
    const d = dictGetItem(load<u32>(b + T_DICT), <u64>N_INIT_SUBCLASS);
    if (d == NULL) continue;
    // A classmethod: bind to the new class.
    const bound = descrGet(d, NULL, <u64>t);
    if (bound == NULL) return false;
    const r = objCall(bound, args, 0, kwnames);
    decref(bound);
    if (r == NULL) return false;
    decref(r);
    return true;
  }
  if (nkw > 0) {
    raiseBegin(EXC_TypeError);
    errStrObject(<usize>load<u32>(t + T_QUALNAME));
    errText(".__init_subclass__() takes no keyword arguments");
    return false;
  }
  return true;
}

/**
 * type.__new__'s whole job: typeNew, then the parent's __init_subclass__(**kw) (kw: the keyword
 * values at `kwArgs` named by `kwnames`). New reference or 0.
 */
export function typeNewChecked(meta: usize, name: usize, bases: usize, ns: usize, kwArgs: usize, nkw: i32, kwnames: usize): usize {
  const t = typeNew(meta, name, bases, ns);
  if (t == 0) return 0;
  if (!initSubclass(t, kwArgs, nkw, kwnames)) {
    decref(<u64>t);
    return 0;
  }
  return t;
}

// ---------------------------------------------------------------------------------------------------
// __build_class__

/**
 * __build_class__(func, name, *bases, metaclass=None, **kwds): the class statement. Runs the body
 * (func's code) with a new dict as its locals, then calls the metaclass.
 */
function buildClass(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (nargs < 2) {
    raiseMsg(EXC_TypeError, "__build_class__: not enough arguments");
    return NULL;
  }
  const func = arg(args, 0);
  const name = arg(args, 1);
  if (!isObject(func) || kindOf(<usize>func) != KIND_FUNCTION) {
    raiseMsg(EXC_TypeError, "__build_class__: func must be a function");
    return NULL;
  }
  if (!isObject(name) || kindOf(<usize>name) != KIND_STR) {
    raiseMsg(EXC_TypeError, "__build_class__: name is not a string");
    return NULL;
  }
  const nb = <usize>(nargs - 2);
  const bases = nb == 0 ? tupleAlloc(0) : tupleAlloc(nb);
  if (bases == 0) return NULL;
  for (let i: usize = 0; i < nb; i++) {
    const b = arg(args, 2 + <i32>i);
    incref(b);
    tupleSetItem(bases, i, b);
  }
  // The metaclass: explicit, else the most derived metaclass of the bases, else type.
  let meta = kwArg(args, nargs, kwnames, "metaclass");
  const nkw = kwnames == 0 ? 0 : <i32>tupleSize(kwnames);
  if (meta == NULL) meta = <u64>(nb == 0 ? typeObject(KIND_TYPE) : typeOf(tupleItem(bases, 0)));
  if (isObject(meta) && kindOf(<usize>meta) == KIND_TYPE && nb > 0) {
    const w = calculateMetaclass(<usize>meta, bases);
    if (w == 0) {
      decref(<u64>bases);
      return NULL;
    }
    meta = <u64>w;
  }
  const ns = dictNew();
  if (ns == 0) {
    decref(<u64>bases);
    return NULL;
  }
  const fp = <usize>func;
  const body = runCode(<usize>load<u32>(fp + FN_CODE), fp, <usize>load<u32>(fp + FN_GLOBALS), <usize>load<u32>(fp + FN_BUILTINS), ns);
  if (body == NULL) {
    decref(<u64>ns);
    decref(<u64>bases);
    return NULL;
  }
  decref(body);
  // metaclass(name, bases, ns, **kwds): type itself directly, any other metaclass by calling it.
  const extra = kwExcept(args, nargs, kwnames, "metaclass");
  let cls: Value;
  if (meta == <u64>typeObject(KIND_TYPE)) {
    const t = typeNewChecked(<usize>meta, <usize>name, bases, ns, extraArgs, extra, extraNames);
    cls = t == 0 ? NULL : <u64>t;
  } else {
    const buf = alloc(<usize>(3 + extra) << 3);
    store<u64>(buf, name);
    store<u64>(buf + 8, <u64>bases);
    store<u64>(buf + 16, <u64>ns);
    for (let i = 0; i < extra; i++) store<u64>(buf + (<usize>(3 + i) << 3), load<u64>(extraArgs + (<usize>i << 3)));
    cls = objCall(meta, buf, 3, extraNames);
    free(buf, <usize>(3 + extra) << 3);
  }
  releaseExtra();
  if (cls != NULL) {
    // Fill the __class__ cell the body created (zero-argument super()).
    const cell = dictGetItem(ns, <u64>N_CLASSCELL);
    if (cell != NULL && isObject(cell) && kindOf(<usize>cell) == KIND_CELL) {
      incref(cls);
      const old = load<u64>(<usize>cell + 8);
      store<u64>(<usize>cell + 8, cls);
      decref(old);
    }
  }
  decref(<u64>ns);
  decref(<u64>bases);
  return cls;
}

import { N_INIT, N_DEL } from "./names";
import { TPFLAG_FINALIZER } from "./types";
function strLiteralInit(): usize {
  return N_INIT;
}

function hasUserNew(meta: usize): bool {
  const n = typeLookup(meta, N_NEW);
  if (n == NULL) return false;
  if (isObject(n) && kindOf(<usize>n) == KIND_METHOD_DESCR) return false;
  return isHeapType(meta);
}

function callInit3(init: Value, cls: Value, a: Value, b: Value, c: Value): Value {
  const buf = alloc(32);
  store<u64>(buf, cls);
  store<u64>(buf + 8, a);
  store<u64>(buf + 16, b);
  store<u64>(buf + 24, c);
  const r = objCall(init, buf, 4, 0);
  free(buf, 32);
  return r;
}

// Keyword arguments without `metaclass`: a values array and a names tuple (owned while in use).
let extraArgs: usize = 0;
let extraNames: usize = 0;
let extraCount: i32 = 0;
function kwExcept(args: usize, nargs: i32, kwnames: usize, skip: string): i32 {
  extraArgs = 0;
  extraNames = 0;
  extraCount = 0;
  const n = kwnames == 0 ? 0 : <i32>tupleSize(kwnames);
  if (n == 0) return 0;
  let count = 0;
  for (let i = 0; i < n; i++) if (!strEq(<usize>tupleItem(kwnames, <usize>i), skip)) count++;
  if (count == 0) return 0;
  extraArgs = alloc(<usize>count << 3);
  extraNames = tupleAlloc(<usize>count);
  let j = 0;
  for (let i = 0; i < n; i++) {
    const k = tupleItem(kwnames, <usize>i);
    if (strEq(<usize>k, skip)) continue;
    incref(k);
    tupleSetItem(extraNames, <usize>j, k);
    store<u64>(extraArgs + (<usize>j << 3), arg(args, nargs + i));
    j++;
  }
  extraCount = count;
  return count;
}
function releaseExtra(): void {
  if (extraNames != 0) decref(<u64>extraNames);
  if (extraArgs != 0) freeBlock(extraArgs, <usize>extraCount << 3);
  extraArgs = 0;
  extraNames = 0;
  extraCount = 0;
}
import { free } from "./heap";
function freeBlock(p: usize, n: usize): void {
  free(p, n);
}
import { strEqualLiteral } from "./str";
function strEq(p: usize, s: string): bool {
  return strEqualLiteral(p, s);
}

let buildClassObj: usize = 0;
/** The __build_class__ builtin (LOAD_BUILD_CLASS pushes it). New reference. */
export function buildClassBuiltin(): Value {
  if (buildClassObj == 0) buildClassObj = builtinNew(buildClass, strLiteral("__build_class__"), NULL, 0);
  incref(<u64>buildClassObj);
  return <u64>buildClassObj;
}

export { NativeFn };

/**
 * _PyType_CalculateMetaclass: the metaclass among `meta` and the bases' metaclasses that is a
 * subclass of all the others (borrowed), or 0 with CPython's "metaclass conflict" TypeError.
 */
export function calculateMetaclass(meta: usize, bases: usize): usize {
  let winner = meta;
  const n = <usize>tupleSize(bases);
  for (let i: usize = 0; i < n; i++) {
    const tmp = typeOf(tupleItem(bases, i));
    if (isSubtype(winner, tmp)) continue;
    if (isSubtype(tmp, winner)) {
      winner = tmp;
      continue;
    }
    raiseMsg(EXC_TypeError, "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases");
    return 0;
  }
  return winner;
}

/** The calling frame's globals['__name__'] (borrowed), or NULL. */
function callerModuleName(): Value {
  const f = currentFrame;
  if (f == 0) return NULL;
  const g = <usize>load<u32>(f + F_GLOBALS);
  if (g == 0) return NULL;
  return dictGetItem(g, <u64>N_NAME);
}
import { currentFrame } from "./eval";
import { F_GLOBALS } from "./frame";
