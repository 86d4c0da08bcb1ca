/**
 * Calling a class: `T(*args, **kw)`. Builtin types construct their values (int("12", 16),
 * list(iterable), dict(a=1), ...); classes made at run time allocate an instance of their layout
 * (or call a user __new__) and then run __init__. Also the constructors of the descriptor types
 * (property, classmethod, staticmethod) and super().
 */
import { Value, NULL, NONE, TRUE, FALSE, isSmallInt, getSmallInt, makeSmallInt, isObject, makeBool } from "./values";
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
  errInt,
  errStrObject,
  errTypeName,
  errorType,
  KIND_TYPE,
  KIND_OBJECT,
  KIND_EXCEPTION,
  KIND_INT,
  KIND_BOOL,
  KIND_FLOAT,
  KIND_COMPLEX,
  KIND_STR,
  KIND_BYTES,
  KIND_TUPLE,
  KIND_LIST,
  KIND_DICT,
  KIND_SET,
  KIND_FROZENSET,
  KIND_RANGE,
  KIND_SLICE,
  KIND_PROPERTY,
  KIND_CLASSMETHOD,
  KIND_STATICMETHOD,
  KIND_SUPER,
  KIND_FUNCTION,
  KIND_METHOD_DESCR,
  KIND_NONE,
  KIND_CELL,
  KIND_ENUMERATE,
  KIND_ZIP,
  KIND_MAP,
  KIND_FILTER,
  KIND_REVERSED,
  EXC_TypeError,
  EXC_ValueError,
  EXC_RuntimeError,
  EXC_StopIteration,
  EXC_SystemExit,
  EXC_NameError,
  EXC_AttributeError,
  EXC_KeyError,
} from "./types";
import { incref, decref } from "./refcount";
import { tupleAlloc, tupleSetItem, tupleSize, tupleItem, EMPTY_TUPLE } from "./tuple";
import { typeLookup, isSubtype, isHeapType, typeMro, T_DICTOFFSET } from "./typeobj";
import { dictNew, dictSetItem, dictUpdateArg } from "./dict";
import { N_NEW, N_INIT, N_INDEX, N_INT, N_FLOAT, N_CLASS } from "./names";
import { objCall, objStr, objIsTrue, userSlot, callMethod0 } from "./ops";
import { arg, kwArg, checkArgCount, noKeywords } from "./native";
import { callFunction, currentFrame } from "./eval";
import { excNew, EX_EXTRA, EX_ARGS, setStopIterationValue } from "./exceptions";
import { propertyNew, wrapperNew } from "./function";
import { typeNew, typeNewChecked } from "./classes";
import { retypeBuiltin } from "./slot-wrappers";
import { listFromIterable } from "./list";
import { tupleFromIterable } from "./tuple-methods";
import { setFromIterable } from "./set";
import { rangeCall } from "./range";
import { sliceCall } from "./slice";
import { floatNew, floatValue, complexNew } from "./float";
import { floatFromStr } from "./float-ops";
import { intFromStr, intFromF64, intToF64 } from "./int-ops";
import { bytesFromValue, bytesCall } from "./bytes-ops";
import { bytearrayCall } from "./bytearray";
import { KIND_BYTEARRAY } from "./types";
import { KIND_MAPPINGPROXY } from "./types";
import { mappingProxyCall } from "./mappingproxy";
import { builtinEnumerate, builtinZip, builtinMap, builtinFilter, builtinReversed } from "./itertools";
import { F_CODE, F_NLOCALSPLUS, FRAME_HEADER } from "./frame";
import { CodeObject } from "./code";
import { strEqualLiteral } from "./str";
import { EXC_SIZE } from "./exceptions";
import { isIntLike, asInt } from "./number";
import { objectBlockBytes } from "./class-slots";
import { KIND_NOT_IMPLEMENTED, KIND_ELLIPSIS, ELLIPSIS } from "./types";
import { NOT_IMPLEMENTED } from "./singletons";

/** Calling type object `t`. */
export function typeCall(t: usize, args: usize, nargs: i32, kwnames: usize, skipMetaCall: bool = false): Value {
  // A metaclass's own __call__ (class Meta(type): def __call__(cls, ...)) runs instead.
  if (!skipMetaCall) {
    const meta = typeOf(<u64>t);
    if (isHeapType(meta)) {
      const c = typeLookup(meta, N_CALL);
      if (c != NULL && isObject(c) && kindOf(<usize>c) == KIND_FUNCTION) return callWithSelf(c, <u64>t, args, nargs, kwnames);
    }
  }
  if (isHeapType(t)) return heapTypeCall(t, args, nargs, kwnames);
  const nkw = kwnames == 0 ? 0 : <i32>tupleSize(kwnames);
  const k = load<u32>(t + 8);
  if (k == KIND_EXCEPTION) return exceptionNew(t, args, nargs, kwnames, true);
  switch (k) {
    case KIND_TYPE:
      return typeOfCall(args, nargs, kwnames);
    case KIND_OBJECT: {
      if (hasNativeCtor(t)) return nativeTypeCall(t, args, nargs, kwnames); // types.SimpleNamespace
      if (nargs + nkw > 0) {
        raiseMsg(EXC_TypeError, "object() takes no arguments");
        return NULL;
      }
      return objectNew(t);
    }
    case KIND_INT:
      return intCall(args, nargs, kwnames);
    case KIND_BOOL: {
      if (!noKeywords("bool", kwnames) || !checkArgCount("bool", nargs, 0, 1)) return NULL;
      if (nargs == 0) return FALSE;
      const b = objIsTrue(arg(args, 0));
      return b < 0 ? NULL : makeBool(b != 0);
    }
    case KIND_FLOAT:
      return floatCall(args, nargs, kwnames);
    case KIND_COMPLEX: {
      const re = nargs > 0 ? toFloat(arg(args, 0)) : 0;
      if (errorType() != 0) return NULL;
      const im = nargs > 1 ? toFloat(arg(args, 1)) : 0;
      if (errorType() != 0) return NULL;
      return complexNew(re, im);
    }
    case KIND_STR: {
      if (nargs == 0 && nkw == 0) return strEmpty();
      if (nargs == 1 && nkw == 0) return <u64>objStr(arg(args, 0));
      return strConstruct(args, nargs, kwnames); // keywords, decoding, argument errors
    }
    case KIND_BYTES:
      return bytesCall(NULL, args, nargs, kwnames);
    case KIND_BYTEARRAY:
      return bytearrayCall(NULL, args, nargs, kwnames);
    case KIND_TUPLE: {
      if (!noKeywords("tuple", kwnames) || !checkArgCount("tuple", nargs, 0, 1)) return NULL;
      if (nargs == 0) return <u64>EMPTY_TUPLE;
      return tupleFromIterable(arg(args, 0));
    }
    case KIND_LIST: {
      if (!noKeywords("list", kwnames) || !checkArgCount("list", nargs, 0, 1)) return NULL;
      if (nargs == 0) return <u64>listFromIterable(<u64>EMPTY_TUPLE);
      const l = listFromIterable(arg(args, 0));
      return l == 0 ? NULL : <u64>l;
    }
    case KIND_DICT: {
      if (!checkArgCount("dict", nargs, 0, 1)) return NULL;
      const d = dictNew();
      if (d == 0) return NULL;
      if (nargs == 1 && dictUpdateArg(d, arg(args, 0)) < 0) {
        decref(<u64>d);
        return NULL;
      }
      for (let i = 0; i < nkw; i++) {
        if (dictSetItem(d, tupleItem(kwnames, <usize>i), arg(args, nargs + i)) < 0) {
          decref(<u64>d);
          return NULL;
        }
      }
      return <u64>d;
    }
    case KIND_SET:
    case KIND_FROZENSET: {
      const name = k == KIND_SET ? "set" : "frozenset";
      if (!noKeywords(name, kwnames) || !checkArgCount(name, nargs, 0, 1)) return NULL;
      const s = setFromIterable(k, nargs == 0 ? <u64>EMPTY_TUPLE : arg(args, 0));
      return s == 0 ? NULL : <u64>s;
    }
    case KIND_RANGE:
      return rangeCall(NULL, args, nargs, kwnames);
    case KIND_SLICE:
      return sliceCall(NULL, args, nargs, kwnames);
    case KIND_PROPERTY: {
      const fget = nargs > 0 ? arg(args, 0) : kwArg(args, nargs, kwnames, "fget");
      const fset = nargs > 1 ? arg(args, 1) : kwArg(args, nargs, kwnames, "fset");
      const fdel = nargs > 2 ? arg(args, 2) : kwArg(args, nargs, kwnames, "fdel");
      const doc = nargs > 3 ? arg(args, 3) : kwArg(args, nargs, kwnames, "doc");
      const p = propertyNew(noneToNull(fget), noneToNull(fset), noneToNull(fdel), doc == NULL ? NONE : doc);
      return p == 0 ? NULL : <u64>p;
    }
    case KIND_CLASSMETHOD:
    case KIND_STATICMETHOD: {
      if (!checkArgCount(k == KIND_CLASSMETHOD ? "classmethod" : "staticmethod", nargs, 1, 1)) return NULL;
      const w = wrapperNew(k, arg(args, 0));
      return w == 0 ? NULL : <u64>w;
    }
    case KIND_SUPER:
      return superNew(args, nargs);
    case KIND_MAPPINGPROXY:
      return mappingProxyCall(args, nargs, kwnames);
    case KIND_ENUMERATE:
      return builtinEnumerate(NULL, args, nargs, kwnames);
    case KIND_ZIP:
      return builtinZip(NULL, args, nargs, kwnames);
    case KIND_MAP:
      return builtinMap(NULL, args, nargs, kwnames);
    case KIND_FILTER:
      return builtinFilter(NULL, args, nargs, kwnames);
    case KIND_REVERSED:
      return builtinReversed(NULL, args, nargs, kwnames);
    case KIND_NONE:
    case KIND_NOT_IMPLEMENTED:
    case KIND_ELLIPSIS: {
      // The singletons' types return the singleton.
      if (nargs + nkw > 0) {
        raiseBegin(EXC_TypeError);
        errStrObject(typeName(t));
        errText(" takes no arguments");
        return NULL;
      }
      return k == KIND_NONE ? NONE : k == KIND_ELLIPSIS ? <u64>ELLIPSIS : <u64>NOT_IMPLEMENTED;
    }
  }
  if (hasNativeCtor(t)) return nativeTypeCall(t, args, nargs, kwnames); // mod-types.ts: function, method, module
  raiseBegin(EXC_TypeError);
  errText("cannot create '");
  errStrObject(typeName(t));
  errText("' instances");
  return NULL;
}

import { hasNativeCtor, nativeTypeCall } from "./mod-types";
function noneToNull(v: Value): Value {
  return v == NONE ? NULL : v;
}

import { N_EMPTY } from "./names";
function strEmpty(): Value {
  incref(<u64>N_EMPTY);
  return <u64>N_EMPTY;
}

import { strConstruct } from "./str-call";
/** type(x) → its class; type(name, bases, dict) → a new class. */
function typeOfCall(args: usize, nargs: i32, kwnames: usize): Value {
  if (nargs == 1 && (kwnames == 0 || tupleSize(kwnames) == 0)) {
    const t = <u64>typeOf(arg(args, 0));
    incref(t);
    return t;
  }
  if (nargs != 3) {
    raiseMsg(EXC_TypeError, "type() takes 1 or 3 arguments");
    return NULL;
  }
  const name = arg(args, 0);
  const bases = arg(args, 1);
  const ns = arg(args, 2);
  if (!typeNewArgsOk(name, bases, ns)) return NULL;
  const t = typeNew(typeObject(KIND_TYPE), <usize>name, <usize>bases, <usize>ns);
  return t == 0 ? NULL : <u64>t;
}

/** type(name, bases, ns) / type.__new__'s argument types, else TypeError with CPython's messages. */
export function typeNewArgsOk(name: Value, bases: Value, ns: Value): bool {
  if (!isObject(name) || kindOf(<usize>name) != KIND_STR) return typeNewArgError(1, "str", name);
  if (!isObject(bases) || kindOf(<usize>bases) != KIND_TUPLE) return typeNewArgError(2, "tuple", bases);
  if (!isObject(ns) || kindOf(<usize>ns) != KIND_DICT) return typeNewArgError(3, "dict", ns);
  return true;
}

function typeNewArgError(i: i32, want: string, v: Value): bool {
  raiseBegin(EXC_TypeError);
  errText("type.__new__() argument ");
  errInt(i);
  errText(" must be ");
  errText(want);
  errText(", not ");
  errTypeName(v);
  return false;
}

/** A plain instance of a class whose layout is `object` (header + __dict__ slot). */
export function objectNew(t: usize): Value {
  const p = alloc(objectBlockBytes(t)); // header, dict, then the __slots__ values (class-slots.ts)
  if (p == 0) return NULL;
  initHeader(p, t);
  if (isHeapType(t)) incref(<u64>t);
  return <u64>p;
}

/** Calling an exception class: exc-methods.ts does __new__ and the builtin __init__. */
function exceptionNew(t: usize, args: usize, nargs: i32, kwnames: usize, builtinCall: bool): Value {
  return excConstruct(t, args, nargs, kwnames, builtinCall ? EXC_CALL_BUILTIN : EXC_CALL_HEAP);
}
import { excConstruct, EXC_CALL_BUILTIN, EXC_CALL_HEAP } from "./exc-methods";

import { excType } from "./exceptions";
function excTypeOf(id: i32): usize {
  return excType(id);
}

/** Calling a class made at run time: __new__ then __init__. */
function heapTypeCall(t: usize, args: usize, nargs: i32, kwnames: usize): Value {
  const nkw = kwnames == 0 ? 0 : <i32>tupleSize(kwnames);
  const newD = typeLookup(t, N_NEW);
  const userNew = newD != NULL && !(isObject(newD) && kindOf(<usize>newD) == KIND_METHOD_DESCR) && isObject(newD) && kindOf(<usize>newD) != KIND_TYPE;
  const initD = typeLookup(t, N_INIT);
  const userInit = initD != NULL && !(isObject(initD) && kindOf(<usize>initD) == KIND_METHOD_DESCR);
  let obj: Value;
  if (userNew) {
    // __new__(cls, *args, **kw): a staticmethod wrapping a function.
    const fn = isObject(newD) && kindOf(<usize>newD) == KIND_STATICMETHOD ? load<u64>(<usize>newD + 8) : newD;
    const total = nargs + nkw;
    const buf = argBuf(total + 1);
    if (buf == 0) return NULL;
    store<u64>(buf, <u64>t);
    memory.copy(buf + 8, args, <usize>total << 3);
    obj = objCall(fn, buf, nargs + 1, kwnames);
    freeBuf(buf, total + 1);
    if (obj == NULL) return NULL;
    if (!isSubtype(typeOf(obj), t)) return obj; // __init__ runs only for instances of t
  } else {
    const layout = load<u32>(t + 8);
    if (layout == KIND_EXCEPTION) {
      obj = exceptionNew(t, args, nargs, kwnames, false);
    } else if (layout == KIND_OBJECT) {
      if (!userInit && nargs + nkw > 0) {
        raiseBegin(EXC_TypeError);
        errStrObject(typeName(t));
        errText("() takes no arguments");
        return NULL;
      }
      obj = objectNew(t);
    } else {
      // A subclass of a builtin type: build the builtin value, then make it an instance of t.
      let base = t;
      while (isHeapType(base)) base = <usize>load<u32>(base + 32);
      if (load<u32>(base + 8) == KIND_TYPE) {
        // A metaclass without __new__: type.__new__(t, name, bases, ns, **kw).
        if (nargs != 3) {
          raiseMsg(EXC_TypeError, "type() takes 1 or 3 arguments");
          return NULL;
        }
        const c = typeNewChecked(t, <usize>arg(args, 0), <usize>arg(args, 1), <usize>arg(args, 2), args + (<usize>nargs << 3), nkw, kwnames);
        if (c == 0) return NULL;
        obj = <u64>c;
        return userInit ? initAfterNew(initD, obj, args, nargs, kwnames) : obj;
      }
      // Mutable builtins (list, dict, set, bytearray) start empty: their __init__ fills them.
      const bk = load<u32>(base + 8);
      const mutable = bk == KIND_LIST || bk == KIND_DICT || bk == KIND_SET || bk == KIND_BYTEARRAY;
      obj = typeCall(base, args, userInit ? (mutable ? 0 : nargs > 1 ? 1 : nargs) : nargs, userInit ? 0 : kwnames);
      if (obj == NULL) return NULL;
      obj = retypeBuiltin(obj, t, load<u32>(base + 8));
      if (obj == NULL) return NULL;
    }
    if (obj == NULL) return NULL;
  }
  if (userInit) return initAfterNew(initD, obj, args, nargs, kwnames);
  return obj;
}

/** Runs a user __init__ on a new object; the object, or NULL (released) after an error. */
function initAfterNew(initD: Value, obj: Value, args: usize, nargs: i32, kwnames: usize): Value {
  const nkw = kwnames == 0 ? 0 : <i32>tupleSize(kwnames);
  {
    const total = nargs + nkw;
    const buf = argBuf(total + 1);
    if (buf == 0) {
      decref(obj);
      return NULL;
    }
    store<u64>(buf, obj);
    memory.copy(buf + 8, args, <usize>total << 3);
    const r = objCall(initD, buf, nargs + 1, kwnames);
    freeBuf(buf, total + 1);
    if (r == NULL) {
      decref(obj);
      return NULL;
    }
    if (r != NONE) {
      raiseBegin(EXC_TypeError);
      errText("__init__() should return None, not '");
      errTypeName(r);
      errText("'");
      decref(r);
      decref(obj);
      return NULL;
    }
  }
  return obj;
}

import { N_CALL } from "./names";
/** f(self, *args, **kw). */
function callWithSelf(f: Value, self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  const nkw = kwnames == 0 ? 0 : <i32>tupleSize(kwnames);
  const total = nargs + nkw;
  const buf = argBuf(total + 1);
  if (buf == 0) return NULL;
  store<u64>(buf, self);
  memory.copy(buf + 8, args, <usize>total << 3);
  const r = objCall(f, buf, nargs + 1, kwnames);
  freeBuf(buf, total + 1);
  return r;
}

import { free } from "./heap";
/** Argument arrays come from ops.ts's LIFO argument stack (calls nest). */
function freeBuf(p: usize, n: i32): void {
  argBufFree(p, n);
}
import { argBuf, argBufFree } from "./ops";

// ---------------------------------------------------------------------------------------------------
// int() and float()

function intCall(args: usize, nargs: i32, kwnames: usize): Value {
  if (nargs == 1 && kwnames == 0) return intOf(arg(args, 0));
  return intConstruct(args, nargs, kwnames); // base, keywords, argument errors
}
import { intConstruct, intFromBuffer } from "./int-call";

import { exactInt as exactIntOf } from "./num-methods";
/** int(x) for one argument. */
export function intOf(x: Value): Value {
  if (isIntLike(x)) return exactIntOf(x); // int(subclass instance) is a plain int
  if (isObject(x)) {
    const k = kindOf(<usize>x);
    if (k == KIND_FLOAT) return intFromF64(floatValue(<usize>x));
    if (k == KIND_STR) return intFromStr(<usize>x, 10);
    if (k == KIND_BYTES) return intFromBytesText(<usize>x);
    if (k == KIND_BYTEARRAY) return intFromBytesText(<usize>x);
    for (let i = 0; i < 2; i++) {
      const d = userSlot(x, i == 0 ? N_INT : N_INDEX);
      if (d != NULL) {
        const r = callMethod0(d, x);
        if (r == NULL) return NULL;
        if (!isIntLike(r)) {
          raiseBegin(EXC_TypeError);
          errText(i == 0 ? "__int__ returned non-int (type " : "__index__ returned non-int (type ");
          errTypeName(r);
          errText(")");
          decref(r);
          return NULL;
        }
        return r;
      }
    }
  }
  raiseBegin(EXC_TypeError);
  errText("int() argument must be a string, a bytes-like object or a real number, not '");
  errTypeName(x);
  errText("'");
  return NULL;
}

import { bytesToStrLatin1 } from "./bytes-ops";
function intFromBytesText(b: usize): Value {
  return intFromBuffer(b, 10);
}

function floatCall(args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("float", kwnames) || !checkArgCount("float", nargs, 0, 1)) return NULL;
  if (nargs == 0) return floatNew(0);
  return floatOf(arg(args, 0));
}

export function floatOf(x: Value): Value {
  if (isObject(x)) {
    const k = kindOf(<usize>x);
    if (k == KIND_FLOAT && !isHeapType(typeOf(x))) {
      incref(x);
      return x;
    }
    if (k == KIND_FLOAT) return floatNew(floatValue(<usize>x));
    if (k == KIND_STR) return floatFromStr(<usize>x);
    if (k == KIND_BYTES || k == KIND_BYTEARRAY) return floatFromBytesText(<usize>x);
    const d = userSlot(x, N_FLOAT);
    if (d != NULL) {
      const r = callMethod0(d, x);
      if (r == NULL) return NULL;
      if (!isObject(r) || kindOf(<usize>r) != KIND_FLOAT) {
        raiseBegin(EXC_TypeError);
        errStrObject(typeName(typeOf(x)));
        errText(".__float__ returned non-float (type ");
        errTypeName(r);
        errText(")");
        decref(r);
        return NULL;
      }
      return r;
    }
    const di = userSlot(x, N_INDEX);
    if (di != NULL) {
      const r = callMethod0(di, x);
      if (r == NULL) return NULL;
      const f = intToF64(asInt(r));
      decref(r);
      if (errorType() != 0) return NULL;
      return floatNew(f);
    }
  }
  if (isIntLike(x)) {
    const f = intToF64(asInt(x));
    if (errorType() != 0) return NULL;
    return floatNew(f);
  }
  raiseBegin(EXC_TypeError);
  errText("float() argument must be a string or a real number, not '");
  errTypeName(x);
  errText("'");
  return NULL;
}

import { bytesRepr, bufData, bufLen } from "./bytes-ops";
/** float(b): the bytes as ASCII text; the error names the object's repr (b'x', bytearray(b'x')). */
function floatFromBytesText(b: usize): Value {
  const d = bufData(b);
  const n = <usize>bufLen(b);
  let ascii = true;
  for (let i: usize = 0; i < n; i++) if (load<u8>(d + i) >= 0x80) ascii = false;
  if (ascii) {
    const s = bytesToStrLatin1(b);
    if (s == 0) return NULL;
    const r = floatFromStr(s);
    decref(<u64>s);
    if (r != NULL || errorType() != EXC_ValueError) return r;
  }
  const rep = bytesRepr(b);
  if (rep == 0) return NULL;
  raiseBegin(EXC_ValueError);
  errText("could not convert string to float: ");
  errStrObject(rep);
  decref(<u64>rep);
  return NULL;
}

/** A float operand's value (complex() arguments). */
function toFloat(v: Value): f64 {
  const f = floatOf(v);
  if (f == NULL) return 0;
  const x = floatValue(<usize>f);
  decref(f);
  return x;
}

// ---------------------------------------------------------------------------------------------------
// super

/** super object (KIND_SUPER), 24 bytes: [ header ][ type u32 | objtype u32 ][ obj Value ]. */
export const SUPER_SIZE: usize = 24;

function superNew(args: usize, nargs: i32): Value {
  let type: Value;
  let obj: Value;
  if (nargs == 0) {
    // Zero-argument form: __class__ from the calling frame's cell, self from its first local.
    const f = currentFrame;
    if (f == 0) {
      raiseMsg(EXC_RuntimeError, "super(): no current frame");
      return NULL;
    }
    const code = <usize>load<u32>(f + F_CODE);
    const c = changetype<CodeObject>(code);
    if (c.argcount == 0 && (c.flags & 4) == 0) {
      raiseMsg(EXC_RuntimeError, "super(): no arguments");
      return NULL;
    }
    obj = load<u64>(f + FRAME_HEADER);
    if (isObject(obj) && kindOf(<usize>obj) == KIND_CELL) {
      // self was made a cell (a closure uses it): the first local holds the cell.
      const kinds = <usize>c.localspluskinds + 24;
      if ((load<u8>(kinds) & 0x40) != 0) obj = load<u64>(<usize>obj + 8);
    }
    if (obj == NULL) {
      raiseMsg(EXC_RuntimeError, "super(): arg[0] deleted");
      return NULL;
    }
    type = NULL;
    const names = <usize>c.localsplusnames;
    const n = <usize>tupleSize(names);
    for (let i: usize = 0; i < n; i++) {
      if (strEqualLiteral(<usize>tupleItem(names, i), "__class__")) {
        const cell = load<u64>(f + FRAME_HEADER + (i << 3));
        if (isObject(cell) && kindOf(<usize>cell) == KIND_CELL) type = load<u64>(<usize>cell + 8);
        break;
      }
    }
    if (type == NULL) {
      raiseMsg(EXC_RuntimeError, "super(): __class__ cell not found");
      return NULL;
    }
  } else {
    type = arg(args, 0);
    obj = nargs > 1 ? arg(args, 1) : NULL;
  }
  if (!isObject(type) || kindOf(<usize>type) != KIND_TYPE) {
    raiseBegin(EXC_TypeError);
    errText("super() argument 1 must be a type, not ");
    errTypeName(type);
    return NULL;
  }
  let objtype: usize = 0;
  if (obj != NULL) {
    if (isObject(obj) && kindOf(<usize>obj) == KIND_TYPE && isSubtype(<usize>obj, <usize>type)) objtype = <usize>obj;
    else if (isSubtype(typeOf(obj), <usize>type)) objtype = typeOf(obj);
    else {
      raiseMsg(EXC_TypeError, "super(type, obj): obj must be an instance or subtype of type");
      return NULL;
    }
  }
  const s = alloc(SUPER_SIZE);
  if (s == 0) return NULL;
  initHeader(s, typeObject(KIND_SUPER));
  incref(type);
  incref(obj);
  incref(<u64>objtype);
  store<u32>(s + 8, <u32>type);
  store<u32>(s + 12, <u32>objtype);
  store<u64>(s + 16, obj);
  return <u64>s;
}

export { EX_ARGS, EXC_SIZE, EXC_KeyError, KIND_NONE, KIND_FUNCTION, T_DICTOFFSET, typeMro, callFunction, EXC_ValueError, errInt };
