/**
 * Callable and descriptor objects: Python functions, bound methods, native (builtin) functions and
 * method descriptors, cells, classmethod/staticmethod/property, modules.
 *
 * function (KIND_FUNCTION), 72 bytes:
 *   0 [ header ]  8 [ code u32 | globals u32 -> dict ] 16 [ builtins u32 -> dict | name u32 -> str ]
 *  24 [ qualname u32 -> str | defaults u32 -> tuple or 0 ] 32 [ kwdefaults u32 -> dict or 0 | closure u32 -> tuple or 0 ]
 *  40 [ dict u32 or 0 | annotations u32 or 0 ] 48 [ module Value ] 56 [ doc Value ] 64 [ version u32 | 0 ]
 * method (KIND_METHOD), 24 bytes: [ header ][ func Value ][ self Value ]
 * builtin (KIND_BUILTIN), 32 bytes: [ header ][ fn u32 (NativeFn) | name u32 -> str ][ self Value ][ owner u32 -> type or 0 | 0 ]
 * method_descr (KIND_METHOD_DESCR), 24 bytes: [ header ][ fn u32 | name u32 ][ type u32 | kind i32 ]
 * cell (KIND_CELL), 16 bytes: [ header ][ value Value (NULL: empty) ]
 * classmethod / staticmethod, 24 bytes: [ header ][ func Value ][ dict u32 | 0 ]
 * property (KIND_PROPERTY), 48 bytes: [ header ][ fget ][ fset ][ fdel ][ doc ][ name ]  (Values, NULL = absent;
 *   name: what __set_name__ gave, for error messages)
 * module (KIND_MODULE), 16 bytes: [ header ][ dict u32 | name u32 -> str ]
 *
 * All own their references. Static (immortal) builtin objects use the same layouts.
 */
import { Value, NULL } from "./values";
import { alloc } from "./heap";
import { initHeader } from "./object";
import { typeObject, raiseMemory, KIND_FUNCTION, KIND_METHOD, KIND_BUILTIN, KIND_METHOD_DESCR, KIND_CELL } from "./types";
import { KIND_CLASSMETHOD, KIND_STATICMETHOD, KIND_PROPERTY, KIND_MODULE } from "./types";
import { incref } from "./refcount";
import { NativeFn } from "./native";

export const FUNCTION_SIZE: usize = 72;
export const METHOD_SIZE: usize = 24;
export const BUILTIN_SIZE: usize = 32;
export const METHOD_DESCR_SIZE: usize = 24;
export const CELL_SIZE: usize = 16;
export const WRAPPER_SIZE: usize = 24; // classmethod, staticmethod
export const PROPERTY_SIZE: usize = 48;
export const MODULE_SIZE: usize = 16;

// function field offsets
export const FN_CODE: usize = 8;
export const FN_GLOBALS: usize = 12;
export const FN_BUILTINS: usize = 16;
export const FN_NAME: usize = 20;
export const FN_QUALNAME: usize = 24;
export const FN_DEFAULTS: usize = 28;
export const FN_KWDEFAULTS: usize = 32;
export const FN_CLOSURE: usize = 36;
export const FN_DICT: usize = 40;
export const FN_ANNOTATIONS: usize = 44;
export const FN_MODULE: usize = 48;
export const FN_DOC: usize = 56;
export const FN_VERSION: usize = 64;

// @ts-ignore: decorator
@inline export function fnField(f: usize, off: usize): usize {
  return <usize>load<u32>(f + off);
}

/** A function for `code` (references taken: code, globals, builtins, qualname; name from the code). */
export function functionNew(code: usize, globals: usize, builtins: usize, qualname: usize, name: usize, module: Value): usize {
  const f = alloc(FUNCTION_SIZE);
  if (f == 0) return raiseMemory();
  initHeader(f, typeObject(KIND_FUNCTION));
  incref(<u64>code);
  incref(<u64>globals);
  incref(<u64>builtins);
  incref(<u64>qualname);
  incref(<u64>name);
  incref(module);
  store<u32>(f + FN_CODE, <u32>code);
  store<u32>(f + FN_GLOBALS, <u32>globals);
  store<u32>(f + FN_BUILTINS, <u32>builtins);
  store<u32>(f + FN_NAME, <u32>name);
  store<u32>(f + FN_QUALNAME, <u32>qualname);
  store<u64>(f + FN_MODULE, module);
  store<u64>(f + FN_DOC, 2); // None until set from co_consts[0]
  return f;
}

/** A bound method (references taken to func and self). */
export function methodNew(func: Value, self: Value): usize {
  const m = alloc(METHOD_SIZE);
  if (m == 0) return raiseMemory();
  initHeader(m, typeObject(KIND_METHOD));
  incref(func);
  incref(self);
  store<u64>(m + 8, func);
  store<u64>(m + 16, self);
  return m;
}

/** A native function object; `self` (reference taken) is the bound object or NULL. */
export function builtinNew(fn: NativeFn, name: usize, self: Value, owner: usize): usize {
  const b = alloc(BUILTIN_SIZE);
  if (b == 0) return raiseMemory();
  initHeader(b, typeObject(KIND_BUILTIN));
  incref(self);
  incref(<u64>name);
  store<u32>(b + 8, <u32>changetype<usize>(fn));
  store<u32>(b + 12, <u32>name);
  store<u64>(b + 16, self);
  store<u32>(b + 24, <u32>owner);
  return b;
}

// @ts-ignore: decorator
@inline export function builtinFn(b: usize): NativeFn {
  return changetype<NativeFn>(<usize>load<u32>(b + 8));
}
// @ts-ignore: decorator
@inline export function builtinName(b: usize): usize {
  return <usize>load<u32>(b + 12);
}
// @ts-ignore: decorator
@inline export function builtinSelf(b: usize): Value {
  return load<u64>(b + 16);
}

export function methodDescrNew(fn: NativeFn, name: usize, type: usize, kind: i32): usize {
  const d = alloc(METHOD_DESCR_SIZE);
  if (d == 0) return raiseMemory();
  initHeader(d, typeObject(KIND_METHOD_DESCR));
  incref(<u64>name);
  store<u32>(d + 8, <u32>changetype<usize>(fn));
  store<u32>(d + 12, <u32>name);
  store<u32>(d + 16, <u32>type);
  store<i32>(d + 20, kind);
  return d;
}

/** A cell holding `value` (reference taken; NULL = empty). */
export function cellNew(value: Value): usize {
  const c = alloc(CELL_SIZE);
  if (c == 0) return raiseMemory();
  initHeader(c, typeObject(KIND_CELL));
  incref(value);
  store<u64>(c + 8, value);
  return c;
}

/** classmethod(func) / staticmethod(func) by kind (reference taken). */
export function wrapperNew(kind: u32, func: Value): usize {
  const w = alloc(WRAPPER_SIZE);
  if (w == 0) return raiseMemory();
  initHeader(w, typeObject(kind));
  incref(func);
  store<u64>(w + 8, func);
  return w;
}

export function propertyNew(fget: Value, fset: Value, fdel: Value, doc: Value): usize {
  const p = alloc(PROPERTY_SIZE);
  if (p == 0) return raiseMemory();
  initHeader(p, typeObject(KIND_PROPERTY));
  incref(fget);
  incref(fset);
  incref(fdel);
  incref(doc);
  store<u64>(p + 8, fget);
  store<u64>(p + 16, fset);
  store<u64>(p + 24, fdel);
  store<u64>(p + 32, doc);
  store<u64>(p + 40, NULL);
  return p;
}

/** A module object with its dict (reference taken) and name (reference taken). */
export function moduleNew(dict: usize, name: usize): usize {
  const m = alloc(MODULE_SIZE);
  if (m == 0) return raiseMemory();
  initHeader(m, typeObject(KIND_MODULE));
  incref(<u64>dict);
  incref(<u64>name);
  store<u32>(m + 8, <u32>dict);
  store<u32>(m + 12, <u32>name);
  return m;
}

export { KIND_CLASSMETHOD, KIND_STATICMETHOD, NULL };

import { strLiteral } from "./names";
import { dictSetItem } from "./dict";
import { decref } from "./refcount";

/** Puts a native function `name` into a module's dict (start-up or first import); returns it (borrowed). */
export function moduleAddFunction(dict: usize, name: string, fn: NativeFn): usize {
  const n = strLiteral(name);
  const b = builtinNew(fn, n, NULL, 0);
  if (b == 0) return 0;
  dictSetItem(dict, <u64>n, <u64>b);
  decref(<u64>b);
  return b; // borrowed: the dict holds it
}

/** Puts a value `name` into a module's dict (reference taken by the dict). */
export function moduleAddValue(dict: usize, name: string, v: Value): void {
  const n = strLiteral(name);
  dictSetItem(dict, <u64>n, v);
}
