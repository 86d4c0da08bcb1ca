/**
 * mappingproxy (KIND_MAPPINGPROXY), 16 bytes: [ header ][ mapping u32 (reference) | 0 ]
 *
 * A read-only view of a mapping: what C.__dict__ and vars(C) give for a class, and
 * types.MappingProxyType(m). Reads (len, [], in, iteration, ==, keys/values/items/get/copy)
 * go to the mapping; item assignment and deletion fail as for any type without them
 * (collections.ts builtinSetItem), hashing fails (unhashable).
 */
import { Value, NULL, isObject } from "./values";
import { alloc } from "./heap";
import { initHeader } from "./object";
import { kindOf, typeObject, raiseMemory, raiseBegin, errText, errTypeName, KIND_MAPPINGPROXY, KIND_DICT, KIND_LIST, KIND_TUPLE } from "./types";
import { EXC_TypeError } from "./exceptions.generated";
import { incref, decref } from "./refcount";
import { objRepr, objStr, objGetAttr, objCall, userSlot } from "./ops";
import { sbNew, sbAppendStr, sbAppendAscii, sbFinish } from "./str-ops";
import { strLiteral, N_GETITEM } from "./names";
import { addMethod, arg, noKeywords, checkArgCount } from "./native";

export const MAPPINGPROXY_SIZE: usize = 16;

/** A new proxy over `mapping` (borrowed; the proxy takes a reference). */
export function mappingProxyNew(mapping: Value): Value {
  const p = alloc(MAPPINGPROXY_SIZE);
  if (p == 0) return raiseMemory();
  initHeader(p, typeObject(KIND_MAPPINGPROXY));
  incref(mapping);
  store<u32>(p + 8, <u32>mapping);
  store<u32>(p + 12, 0);
  return <u64>p;
}

/** The proxied mapping (borrowed). */
// @ts-ignore: decorator
@inline export function mappingProxyTarget(p: usize): Value {
  return <u64>load<u32>(p + 8);
}

/** types.MappingProxyType(mapping): refuses sequences and non-mappings, as CPython. */
export function mappingProxyCall(args: usize, nargs: i32, kwnames: usize): Value {
  if (!checkArgCount("mappingproxy", nargs, 1, 1)) return NULL;
  const m = arg(args, 0);
  const k = isObject(m) ? kindOf(<usize>m) : 0;
  const ok = k == KIND_DICT || k == KIND_MAPPINGPROXY || (k != KIND_LIST && k != KIND_TUPLE && userSlot(m, N_GETITEM) != NULL);
  if (!ok) {
    raiseBegin(EXC_TypeError);
    errText("mappingproxy() argument must be a mapping, not ");
    errTypeName(m);
    return NULL;
  }
  return mappingProxyNew(m);
}

/** repr: mappingproxy(<repr of the mapping>). */
export function mappingProxyRepr(p: usize): usize {
  const r = objRepr(mappingProxyTarget(p));
  if (r == 0) return 0;
  const sb = sbNew(16);
  if (sb == 0) {
    decref(<u64>r);
    return 0;
  }
  sbAppendAscii(sb, "mappingproxy(");
  sbAppendStr(sb, r);
  sbAppendAscii(sb, ")");
  decref(<u64>r);
  return sbFinish(sb);
}

// Methods: each calls the mapping's method of the same name.
let N_KEYS: usize = 0;
let N_VALUES: usize = 0;
let N_ITEMS: usize = 0;
let N_GET: usize = 0;
let N_COPY: usize = 0;

function forward(self: Value, name: usize, q: string, args: usize, nargs: i32, kwnames: usize, min: i32, max: i32): Value {
  if (!noKeywords(q, kwnames) || !checkArgCount(q, nargs, min, max)) return NULL;
  const m = objGetAttr(mappingProxyTarget(<usize>self), name);
  if (m == NULL) return NULL;
  const r = objCall(m, args, nargs, 0);
  decref(m);
  return r;
}
function mpKeys(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return forward(self, N_KEYS, "keys", args, nargs, kwnames, 0, 0);
}
function mpValues(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return forward(self, N_VALUES, "values", args, nargs, kwnames, 0, 0);
}
function mpItems(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return forward(self, N_ITEMS, "items", args, nargs, kwnames, 0, 0);
}
function mpGet(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return forward(self, N_GET, "get", args, nargs, kwnames, 1, 2);
}
function mpCopy(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return forward(self, N_COPY, "copy", args, nargs, kwnames, 0, 0);
}

/** Start-up, before installRegisteredMethods. */
export function registerMappingProxy(): void {
  N_KEYS = strLiteral("keys");
  N_VALUES = strLiteral("values");
  N_ITEMS = strLiteral("items");
  N_GET = strLiteral("get");
  N_COPY = strLiteral("copy");
  const t = typeObject(KIND_MAPPINGPROXY);
  addMethod(t, "keys", mpKeys);
  addMethod(t, "values", mpValues);
  addMethod(t, "items", mpItems);
  addMethod(t, "get", mpGet);
  addMethod(t, "copy", mpCopy);
}

/** str(proxy): str of the mapping. */
export function mappingProxyStr(p: usize): usize {
  return objStr(mappingProxyTarget(p));
}
