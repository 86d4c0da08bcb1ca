/**
 * The entries of `type`'s and `object`'s dicts that CPython has and the VM's generic protocol does
 * not need (dir(), explicit calls such as type.__repr__(C), object.__reduce_ex__): the methods
 * here, the getset descriptors in descr-objects.ts.
 */
import { Value, NULL, NONE, isObject, makeSmallInt } from "./values";
import { kindOf, typeOf, typeObject, raiseMsg, raiseBegin, errText, errTypeName, KIND_TYPE, KIND_OBJECT, KIND_STR, EXC_TypeError } from "./types";
import { addMethod, arg, checkArgCount } from "./native";
import { genericGetAttr, genericSetAttr } from "./attributes";
import { builtinRepr } from "./reprs";
import { dirOf } from "./dir";
import { GS_NONE, GS_TYPE_EXTRA, addGetsetTo } from "./descr-objects";

function nameArg(fname: string, args: usize): usize {
  const n = arg(args, 0);
  if (!isObject(n) || kindOf(<usize>n) != KIND_STR) {
    raiseBegin(EXC_TypeError);
    errText("attribute name must be string, not '");
    errTypeName(n);
    errText("'");
    return 0;
  }
  return <usize>n;
}

function typeRepr(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  const r = builtinRepr(self);
  return r == 0 ? NULL : <u64>r;
}

function typeGetattribute(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!checkArgCount("__getattribute__", nargs, 1, 1)) return NULL;
  const n = nameArg("__getattribute__", args);
  return n == 0 ? NULL : genericGetAttr(self, n);
}

function typeSetattr(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!checkArgCount("__setattr__", nargs, 2, 2)) return NULL;
  const n = nameArg("__setattr__", args);
  return n == 0 || genericSetAttr(self, n, arg(args, 1)) < 0 ? NULL : NONE;
}

function typeDelattr(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!checkArgCount("__delattr__", nargs, 1, 1)) return NULL;
  const n = nameArg("__delattr__", args);
  return n == 0 || genericSetAttr(self, n, NULL) < 0 ? NULL : NONE;
}

function typeDir(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return dirOf(self);
}

function typeSizeof(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return makeSmallInt(64);
}

/** object.__reduce__ / __reduce_ex__: pickling is not supported (no copyreg). */
function objectReduce(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  raiseBegin(EXC_TypeError);
  errText("cannot pickle '");
  errTypeName(self);
  errText("' object");
  return NULL;
}

/** Start-up, before installRegisteredMethods. */
export function registerTypeExtras(): void {
  const t = typeObject(KIND_TYPE);
  addMethod(t, "__repr__", typeRepr);
  addMethod(t, "__getattribute__", typeGetattribute);
  addMethod(t, "__setattr__", typeSetattr);
  addMethod(t, "__delattr__", typeDelattr);
  addMethod(t, "__dir__", typeDir);
  addMethod(t, "__sizeof__", typeSizeof);
  const o = typeObject(KIND_OBJECT);
  addMethod(o, "__reduce__", objectReduce);
  addMethod(o, "__reduce_ex__", objectReduce);
  addMethod(typeObject(KIND_FUNCTION), "__call__", functionCall);
  addMethod(typeObject(KIND_DICT), "__init__", dictInit);
  addMethod(typeObject(KIND_SET), "__init__", setInit);
}

/** dict.__init__(self, *args, **kw): what dict.update does. */
function dictInit(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (nUpdate == 0) nUpdate = strLiteral("update");
  const u = typeLookup(typeObject(KIND_DICT), nUpdate);
  if (u == NULL) return NONE;
  if (nargs > 1) {
    raiseBegin(EXC_TypeError);
    errText("dict expected at most 1 argument, got ");
    errInt(nargs);
    return NULL;
  }
  return builtinFn(<usize>u)(self, args, nargs, kwnames);
}
let nUpdate: usize = 0;

/** set.__init__(self, iterable=()): replaces the contents. */
function setInit(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("set", kwnames) || !checkArgCount("set", nargs, 0, 1)) return NULL;
  if (setClear(<usize>self) < 0) return NULL;
  if (nargs == 1 && setUpdate(<usize>self, arg(args, 0)) < 0) return NULL;
  return NONE;
}
import { KIND_DICT, KIND_SET, errInt } from "./types";
import { typeLookup } from "./typeobj";
import { builtinFn } from "./function";
import { strLiteral } from "./names";
import { noKeywords } from "./native";
import { setClear, setUpdate } from "./set";

/** Start-up, after installRegisteredMethods: type's remaining getset descriptors. */
export function installTypeExtraGetsets(): void {
  const t = typeObject(KIND_TYPE);
  addGetsetTo(t, "__abstractmethods__", GS_TYPE_EXTRA);
  addGetsetTo(t, "__annotations__", GS_TYPE_EXTRA);
  addGetsetTo(t, "__basicsize__", GS_TYPE_EXTRA);
  addGetsetTo(t, "__dictoffset__", GS_TYPE_EXTRA);
  addGetsetTo(t, "__flags__", GS_TYPE_EXTRA);
  addGetsetTo(t, "__itemsize__", GS_TYPE_EXTRA);
  addGetsetTo(t, "__text_signature__", GS_NONE);
  addGetsetTo(t, "__weakrefoffset__", GS_TYPE_EXTRA);
}

/**
 * The type attributes behind GS_TYPE_EXTRA (t: a type). __annotations__ and __abstractmethods__ of
 * a class live in its dict (an empty annotations dict is made on first access); the numbers are
 * this VM's layout facts. New reference, or NULL with AttributeError.
 */
export function typeExtraGet(t: usize, name: usize): Value {
  const heap = isHeapType(t);
  const d = typeDict(t);
  if (strEqualLiteral(name, "__annotations__") || strEqualLiteral(name, "__abstractmethods__")) {
    const v = heap ? dictGetItem(d, <u64>name) : NULL;
    if (v != NULL) {
      incref(v);
      return v;
    }
    if (heap && strEqualLiteral(name, "__annotations__")) {
      const a = dictNew();
      if (a == 0 || dictSetItem(d, <u64>name, <u64>a) < 0) return NULL;
      bumpTypeEpoch();
      return <u64>a;
    }
    attributeError(<u64>t, name);
    return NULL;
  }
  if (strEqualLiteral(name, "__basicsize__")) return makeSmallInt(<i64>load<u32>(t + 20));
  if (strEqualLiteral(name, "__itemsize__")) return makeSmallInt(<i64>load<u32>(t + 24));
  if (strEqualLiteral(name, "__dictoffset__")) return makeSmallInt(<i64>load<u32>(t + T_DICTOFFSET));
  if (strEqualLiteral(name, "__flags__")) return makeSmallInt(<i64>load<u32>(t + 12));
  return makeSmallInt(0); // __weakrefoffset__
}
import { isHeapType, typeDict, T_DICTOFFSET, bumpTypeEpoch } from "./typeobj";
import { dictGetItem, dictSetItem, dictNew } from "./dict";
import { strEqualLiteral } from "./str";
import { attributeError } from "./attributes";
import { incref } from "./refcount";

export { typeOf, raiseMsg };

/** function.__call__(*args, **kw). */
function functionCall(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return objCall(self, args, nargs, kwnames);
}
import { KIND_FUNCTION } from "./types";
import { objCall } from "./ops";
