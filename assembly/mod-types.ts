/**
 * The `types` module (native): the interpreter's own types by name (FunctionType, CodeType,
 * GeneratorType, CoroutineType, ModuleType, MethodType, ...), types.SimpleNamespace, and the
 * constructors CPython gives types without a Python-level one: function(code, globals, name,
 * argdefs, closure), method(func, obj), module(name, doc), SimpleNamespace(**kwargs).
 *
 * SimpleNamespace is a builtin type of kind KIND_OBJECT (instances: header + __dict__ at offset 8,
 * so attribute get/set/del is the generic instance-dict path); repr "namespace(a=1, b='x')",
 * == compares the dicts.
 */
import { Value, NULL, NONE, isObject } from "./values";
import { alloc } from "./heap";
import { initStaticHeader, initHeader } from "./object";
import {
  typeObject,
  typeOf,
  kindOf,
  raiseBegin,
  raiseMsg,
  errText,
  errTypeName,
  errStrObject,
  KIND_TYPE,
  KIND_OBJECT,
  KIND_FUNCTION,
  KIND_METHOD,
  KIND_MODULE,
  KIND_CODE,
  KIND_DICT,
  KIND_STR,
  KIND_TUPLE,
  KIND_CELL,
  KIND_GENERATOR,
  KIND_COROUTINE,
  KIND_ASYNC_GENERATOR,
  KIND_BUILTIN,
  KIND_NONE,
  KIND_NOT_IMPLEMENTED,
  KIND_ELLIPSIS,
  KIND_FRAME,
  KIND_TRACEBACK,
  KIND_METHOD_DESCR,
  KIND_MAPPINGPROXY,
  KIND_MEMBER_DESCR,
  KIND_GETSET_DESCR,
  KIND_UNION,
  KIND_GENERIC_ALIAS,
  TYPE_OBJECT_SIZE,
  EXC_TypeError,
  EXC_ValueError,
} from "./types";
import { incref, decref } from "./refcount";
import { typeInitBuiltin, T_DICTOFFSET, T_MODULE } from "./typeobj";
import { tupleSize, tupleItem } from "./tuple";
import { dictNew, dictGetItem, dictSetItem, dictNext } from "./dict";
import { moduleNew, moduleAddValue, functionNew, methodNew, FN_DEFAULTS, FN_CLOSURE, FN_DOC } from "./function";
import { strLiteral, N_NAME, N_DOC } from "./names";
import { arg, kwArg, kwCount, checkKeywords } from "./native";
import { CodeObject } from "./code";
import { builtinsDict } from "./builtins";
import { isCallable, objRepr, objCompare } from "./ops";
import { sbNew, sbAppendStr, sbAppendAscii, sbFinish, sbDiscard } from "./str-ops";
import { instanceDict } from "./attributes";

/** types.SimpleNamespace (0 until start-up made it). */
export let namespaceType: usize = 0;

/** Start-up: makes the SimpleNamespace type. */
export function initTypesModule(): void {
  const t = alloc(TYPE_OBJECT_SIZE);
  initStaticHeader(t, typeObject(KIND_TYPE));
  store<u32>(t + 8, KIND_OBJECT);
  store<u32>(t + 20, 16); // header + __dict__
  typeInitBuiltin(t, typeObject(KIND_OBJECT), strLiteral("SimpleNamespace"));
  store<u32>(t + T_DICTOFFSET, 8);
  store<u32>(t + T_MODULE, <u32>strLiteral("types"));
  namespaceType = t;
}

/** A new, empty SimpleNamespace (0 on MemoryError). */
export function namespaceNew(): usize {
  const p = alloc(16);
  if (p == 0) return 0;
  initHeader(p, namespaceType);
  return p;
}

/** The namespace's attribute dict (borrowed; made on first use). */
export function namespaceDict(ns: usize): usize {
  return instanceDict(<u64>ns);
}

export function isNamespace(v: Value): bool {
  return isObject(v) && namespaceType != 0 && typeOf(v) == namespaceType;
}

/** repr: namespace(a=1, b='x') — the type's name for subclasses. */
export function namespaceRepr(p: usize): usize {
  const sb = sbNew(32);
  if (sb == 0) return 0;
  const t = typeOf(<u64>p);
  if (t == namespaceType) sbAppendAscii(sb, "namespace");
  else sbAppendStr(sb, <usize>load<u32>(t + 16));
  sbAppendAscii(sb, "(");
  const d = namespaceDict(p);
  store<u32>(POS, 0);
  let first = true;
  while (d != 0 && dictNext(d, POS, KEY, VAL)) {
    const k = load<u64>(KEY);
    if (!isObject(k) || kindOf(<usize>k) != KIND_STR) continue;
    if (!first) sbAppendAscii(sb, ", ");
    first = false;
    sbAppendStr(sb, <usize>k);
    sbAppendAscii(sb, "=");
    const r = objRepr(load<u64>(VAL));
    if (r == 0) {
      sbDiscard(sb);
      return 0;
    }
    sbAppendStr(sb, r);
    decref(<u64>r);
  }
  sbAppendAscii(sb, ")");
  return sbFinish(sb);
}
const KEY: usize = memory.data(8, 8);
const POS: usize = memory.data(8, 8);
const VAL: usize = memory.data(8, 8);

/** a == b / a != b for namespaces: their dicts compared; NULL when not both namespaces. */
export function namespaceCompare(a: Value, b: Value, op: i32): Value {
  if (!isNamespace(a) || !isNamespace(b) || (op != 2 && op != 3)) return NULL;
  return objCompare(<u64>namespaceDict(<usize>a), <u64>namespaceDict(<usize>b), op);
}

// ---------------------------------------------------------------------------------------------------
// Constructors (construct.ts typeCall asks nativeTypeCall for types it has no case for)

/** Whether `t` is constructed here. */
export function hasNativeCtor(t: usize): bool {
  if (t == namespaceType && t != 0) return true;
  const k = load<u32>(t + 8);
  return (k == KIND_FUNCTION || k == KIND_METHOD || k == KIND_MODULE) && t == typeObject(k);
}

export function nativeTypeCall(t: usize, args: usize, nargs: i32, kwnames: usize): Value {
  if (t == namespaceType) return namespaceCall(args, nargs, kwnames);
  const k = load<u32>(t + 8);
  if (k == KIND_FUNCTION) return functionCall(args, nargs, kwnames);
  if (k == KIND_METHOD) return methodCall(args, nargs, kwnames);
  return moduleCall(args, nargs, kwnames);
}

function namespaceCall(args: usize, nargs: i32, kwnames: usize): Value {
  if (nargs > 0) {
    raiseMsg(EXC_TypeError, "no positional arguments expected");
    return NULL;
  }
  const ns = namespaceNew();
  if (ns == 0) return NULL;
  const d = namespaceDict(ns);
  const n = kwCount(kwnames);
  for (let i = 0; i < n; i++) {
    if (d == 0 || dictSetItem(d, tupleItem(kwnames, <usize>i), arg(args, i)) < 0) {
      decref(<u64>ns);
      return NULL;
    }
  }
  return <u64>ns;
}

/** The argument at position `i` or keyword `name`, NULL when not given. */
function param(args: usize, nargs: i32, kwnames: usize, i: i32, name: string): Value {
  return i < nargs ? arg(args, i) : kwArg(args, nargs, kwnames, name);
}

function argTypeError(fn: string, name: string, want: string, got: Value): Value {
  raiseBegin(EXC_TypeError);
  errText(fn);
  errText("() argument '");
  errText(name);
  errText("' must be ");
  errText(want);
  errText(", not ");
  errTypeName(got);
  return NULL;
}

// function(code, globals, name=None, argdefs=None, closure=None)
function functionCall(args: usize, nargs: i32, kwnames: usize): Value {
  if (!checkKeywords("function", kwnames, "code,globals,name,argdefs,closure")) return NULL;
  if (nargs > 5) {
    raiseBegin(EXC_TypeError);
    errText("function() takes at most 5 arguments (");
    errInt(nargs);
    errText(" given)");
    return NULL;
  }
  const code = param(args, nargs, kwnames, 0, "code");
  if (code == NULL) return <Value>raiseMsg(EXC_TypeError, "function() missing required argument 'code' (pos 1)");
  if (!isObject(code) || kindOf(<usize>code) != KIND_CODE) return argTypeError("function", "code", "code", code);
  const globals = param(args, nargs, kwnames, 1, "globals");
  if (globals == NULL) return <Value>raiseMsg(EXC_TypeError, "function() missing required argument 'globals' (pos 2)");
  if (!isObject(globals) || kindOf(<usize>globals) != KIND_DICT) return argTypeError("function", "globals", "dict", globals);
  let name = param(args, nargs, kwnames, 2, "name");
  const defaults = param(args, nargs, kwnames, 3, "argdefs");
  const closure = param(args, nargs, kwnames, 4, "closure");
  if (name != NULL && name != NONE && !(isObject(name) && kindOf(<usize>name) == KIND_STR)) {
    return <Value>raiseMsg(EXC_TypeError, "arg 3 (name) must be None or string");
  }
  if (defaults != NULL && defaults != NONE && !(isObject(defaults) && kindOf(<usize>defaults) == KIND_TUPLE)) {
    return <Value>raiseMsg(EXC_TypeError, "arg 4 (defaults) must be None or tuple");
  }
  const c = changetype<CodeObject>(<usize>code);
  const hasClosure = closure != NULL && closure != NONE;
  if (hasClosure && !(isObject(closure) && kindOf(<usize>closure) == KIND_TUPLE)) {
    return <Value>raiseMsg(EXC_TypeError, "arg 5 (closure) must be None or tuple");
  }
  if (!hasClosure && c.nfreevars > 0) return <Value>raiseMsg(EXC_TypeError, "arg 5 (closure) must be tuple");
  const nclosure = hasClosure ? <i32>tupleSize(<usize>closure) : 0;
  if (nclosure != c.nfreevars) {
    raiseBegin(EXC_ValueError);
    errStrObject(<usize>c.name);
    errText(" requires closure of length ");
    errInt(c.nfreevars);
    errText(", not ");
    errInt(nclosure);
    return NULL;
  }
  for (let i = 0; i < nclosure; i++) {
    const cell = tupleItem(<usize>closure, <usize>i);
    if (!isObject(cell) || kindOf(<usize>cell) != KIND_CELL) {
      raiseBegin(EXC_TypeError);
      errText("arg 5 (closure) expected cell, found ");
      errTypeName(cell);
      return NULL;
    }
  }
  // Builtins: the globals' __builtins__ when it is a dict or module, else the interpreter's.
  let builtins = builtinsDict;
  const gb = dictGetItem(<usize>globals, <u64>strLiteralCached());
  if (gb != NULL && isObject(gb)) {
    if (kindOf(<usize>gb) == KIND_DICT) builtins = <usize>gb;
    else if (kindOf(<usize>gb) == KIND_MODULE) builtins = <usize>load<u32>(<usize>gb + 8);
  }
  const useName = name == NULL || name == NONE ? <usize>c.name : <usize>name;
  const module = dictGetItem(<usize>globals, <u64>N_NAME);
  const f = functionNew(<usize>code, <usize>globals, builtins, <usize>c.qualname, useName, module == NULL ? NONE : module);
  if (f == 0) return NULL;
  if (defaults != NULL && defaults != NONE) {
    incref(defaults);
    store<u32>(f + FN_DEFAULTS, <u32>defaults);
  }
  if (hasClosure) {
    incref(closure);
    store<u32>(f + FN_CLOSURE, <u32>closure);
  }
  // __doc__: the first constant when it is a str, as MAKE_FUNCTION.
  const consts = <usize>c.consts;
  if (tupleSize(consts) > 0) {
    const d0 = tupleItem(consts, 0);
    if (isObject(d0) && kindOf(<usize>d0) == KIND_STR) {
      incref(d0);
      store<u64>(f + FN_DOC, d0);
    }
  }
  return <u64>f;
}

let builtinsStr: usize = 0;
function strLiteralCached(): usize {
  if (builtinsStr == 0) builtinsStr = strLiteral("__builtins__");
  return builtinsStr;
}

// method(function, instance)
function methodCall(args: usize, nargs: i32, kwnames: usize): Value {
  if (kwCount(kwnames) > 0) return <Value>raiseMsg(EXC_TypeError, "method() takes no keyword arguments");
  if (nargs != 2) {
    raiseBegin(EXC_TypeError);
    errText("method expected 2 arguments, got ");
    errInt(nargs);
    return NULL;
  }
  const func = arg(args, 0);
  const self = arg(args, 1);
  if (!isCallable(func)) return <Value>raiseMsg(EXC_TypeError, "first argument must be callable");
  if (self == NONE) return <Value>raiseMsg(EXC_TypeError, "instance must not be None");
  const m = methodNew(func, self);
  return m == 0 ? NULL : <u64>m;
}

// module(name, doc=None); the immortal names below are made on the first call
let nPackage: usize = 0;
let nLoader: usize = 0;
let nSpec: usize = 0;
function moduleCall(args: usize, nargs: i32, kwnames: usize): Value {
  if (!checkKeywords("module", kwnames, "name,doc")) return NULL;
  const name = param(args, nargs, kwnames, 0, "name");
  if (name == NULL) return <Value>raiseMsg(EXC_TypeError, "module() missing required argument 'name' (pos 1)");
  if (!isObject(name) || kindOf(<usize>name) != KIND_STR) return argTypeError("module", "name", "str", name);
  const doc = param(args, nargs, kwnames, 1, "doc");
  const d = dictNew();
  if (d == 0) return NULL;
  dictSetItem(d, <u64>N_NAME, name);
  dictSetItem(d, <u64>N_DOC, doc == NULL ? NONE : doc);
  if (nPackage == 0) {
    nPackage = strLiteral("__package__");
    nLoader = strLiteral("__loader__");
    nSpec = strLiteral("__spec__");
  }
  dictSetItem(d, <u64>nPackage, NONE);
  dictSetItem(d, <u64>nLoader, NONE);
  dictSetItem(d, <u64>nSpec, NONE);
  const m = moduleNew(d, <usize>name);
  decref(<u64>d);
  return m == 0 ? NULL : <u64>m;
}

// ---------------------------------------------------------------------------------------------------
// The module

function add(d: usize, name: string, kind: u32): void {
  moduleAddValue(d, name, <u64>typeObject(kind));
}

/** import types: a new module object (0 on error). */
export function makeTypesModule(): usize {
  const d = dictNew();
  if (d == 0) return 0;
  add(d, "FunctionType", KIND_FUNCTION);
  add(d, "LambdaType", KIND_FUNCTION);
  add(d, "CodeType", KIND_CODE);
  add(d, "MethodType", KIND_METHOD);
  add(d, "BuiltinFunctionType", KIND_BUILTIN);
  add(d, "BuiltinMethodType", KIND_BUILTIN);
  add(d, "ModuleType", KIND_MODULE);
  add(d, "GeneratorType", KIND_GENERATOR);
  add(d, "CoroutineType", KIND_COROUTINE);
  add(d, "AsyncGeneratorType", KIND_ASYNC_GENERATOR);
  add(d, "CellType", KIND_CELL);
  add(d, "FrameType", KIND_FRAME);
  add(d, "TracebackType", KIND_TRACEBACK);
  add(d, "NoneType", KIND_NONE);
  add(d, "NotImplementedType", KIND_NOT_IMPLEMENTED);
  add(d, "EllipsisType", KIND_ELLIPSIS);
  add(d, "MethodDescriptorType", KIND_METHOD_DESCR);
  add(d, "MappingProxyType", KIND_MAPPINGPROXY);
  add(d, "MemberDescriptorType", KIND_MEMBER_DESCR);
  add(d, "GetSetDescriptorType", KIND_GETSET_DESCR);
  add(d, "UnionType", KIND_UNION);
  add(d, "GenericAlias", KIND_GENERIC_ALIAS);
  moduleAddValue(d, "SimpleNamespace", <u64>namespaceType);
  dictSetItem(d, <u64>N_NAME, <u64>strLiteral("types"));
  const m = moduleNew(d, strLiteral("types"));
  decref(<u64>d);
  return m;
}

import { errInt } from "./types";
