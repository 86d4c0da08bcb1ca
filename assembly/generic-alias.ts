/**
 * types.GenericAlias (`list[int]`, `dict[str, int]`, `tuple[int, ...]`) and types.UnionType
 * (`int | str`, `int | None`), CPython 3.11's genericaliasobject.c / unionobject.c in small:
 *
 * GenericAlias (KIND_GENERIC_ALIAS), 24 bytes: [ header ][ origin u32 -> type | args u32 -> tuple ][ 0 ]
 * UnionType (KIND_UNION), 16 bytes:             [ header ][ args u32 -> tuple (deduplicated, >= 2) | 0 ]
 *
 * Both own their fields. Subscripting a class (typeSubscript) calls its __class_getitem__; the
 * builtin containers' __class_getitem__ makes a GenericAlias. `X | Y` (unionOr) is what type.__or__
 * does when no user method answered: a union when both sides are types, None, aliases or unions.
 */
import { Value, NULL, NONE, isObject } from "./values";
import { alloc } from "./heap";
import { initHeader } from "./object";
import {
  kindOf,
  typeOf,
  typeObject,
  typeName,
  raiseBegin,
  raiseMemory,
  errText,
  errStrObject,
  errorType,
  KIND_TYPE,
  KIND_TUPLE,
  KIND_STR,
  KIND_NONE,
  KIND_UNION,
  KIND_GENERIC_ALIAS,
  KIND_METHOD_DESCR,
  KIND_ELLIPSIS,
  KIND_LIST,
  KIND_DICT,
  KIND_SET,
  KIND_FROZENSET,
  EXC_TypeError,
} from "./types";
import { incref, decref } from "./refcount";
import { tupleAlloc, tupleSetItem, tupleSize, tupleItem, EMPTY_TUPLE } from "./tuple";
import { typeLookup, isSubtype, T_QUALNAME, T_MODULE } from "./typeobj";
import { sbNew, sbAppendStr, sbAppendAscii, sbFinish, sbDiscard } from "./str-ops";
import { strEqualLiteral } from "./str";
import { strLiteral } from "./names";
import { objRepr, objCall, objGetAttr, call1 } from "./ops";
import { descrGet } from "./attributes";
import { addMethod, arg, checkArgCount, METHOD_CLASS } from "./native";
import { NOT_IMPLEMENTED } from "./singletons";

export const GENERIC_ALIAS_SIZE: usize = 24;
export const UNION_SIZE: usize = 16;

// ---------------------------------------------------------------------------------------------------
// construction

/** origin[args]: args as given (a tuple is the argument list, anything else one argument). */
export function genericAliasNew(origin: Value, args: Value): Value {
  let t: usize;
  if (isObject(args) && kindOf(<usize>args) == KIND_TUPLE) {
    t = <usize>args;
    incref(args);
  } else {
    t = tupleAlloc(1);
    if (t == 0) return NULL;
    incref(args);
    tupleSetItem(t, 0, args);
  }
  const g = alloc(GENERIC_ALIAS_SIZE);
  if (g == 0) {
    decref(<u64>t);
    return raiseMemory();
  }
  initHeader(g, typeObject(KIND_GENERIC_ALIAS));
  incref(origin);
  store<u32>(g + 8, <u32>origin);
  store<u32>(g + 12, <u32>t);
  return <u64>g;
}

/** Whether v can be a member of a union: a class, None, an alias or a union. */
function unionable(v: Value): bool {
  if (v == NONE) return true;
  if (!isObject(v)) return false;
  const k = kindOf(<usize>v);
  return k == KIND_TYPE || k == KIND_GENERIC_ALIAS || k == KIND_UNION;
}

/** Number of members v adds (a union adds its own). */
function memberCount(v: Value): usize {
  return isObject(v) && kindOf(<usize>v) == KIND_UNION ? <usize>tupleSize(<usize>load<u32>(<usize>v + 8)) : 1;
}

function memberAt(v: Value, i: usize): Value {
  if (isObject(v) && kindOf(<usize>v) == KIND_UNION) return tupleItem(<usize>load<u32>(<usize>v + 8), i);
  return v == NONE ? <u64>typeObject(KIND_NONE) : v;
}

/**
 * a | b for classes and unions (type.__or__ / __ror__): a new union, the single member when both
 * sides name the same one, or NotImplemented (not a new reference) when a side cannot be a member.
 */
export function unionOr(a: Value, b: Value): Value {
  if (!unionable(a) || !unionable(b)) return <u64>NOT_IMPLEMENTED;
  if (a == NONE && b == NONE) return <u64>NOT_IMPLEMENTED; // None.__or__ does not exist
  const na = memberCount(a);
  const nb = memberCount(b);
  const buf = tupleAlloc(na + nb);
  if (buf == 0) return NULL;
  let n: usize = 0;
  for (let side = 0; side < 2; side++) {
    const v = side == 0 ? a : b;
    const m = side == 0 ? na : nb;
    for (let i: usize = 0; i < m; i++) {
      const x = memberAt(v, i);
      let dup = false;
      for (let j: usize = 0; j < n; j++) if (tupleItem(buf, j) == x) dup = true;
      if (dup) continue;
      incref(x);
      tupleSetItem(buf, n++, x);
    }
  }
  if (n == 1) {
    const only = tupleItem(buf, 0);
    incref(only);
    decref(<u64>buf);
    return only;
  }
  // Shrink to the members kept.
  const args = tupleAlloc(n);
  if (args == 0) {
    decref(<u64>buf);
    return NULL;
  }
  for (let j: usize = 0; j < n; j++) {
    const x = tupleItem(buf, j);
    incref(x);
    tupleSetItem(args, j, x);
  }
  decref(<u64>buf);
  const u = alloc(UNION_SIZE);
  if (u == 0) {
    decref(<u64>args);
    return raiseMemory();
  }
  initHeader(u, typeObject(KIND_UNION));
  store<u32>(u + 8, <u32>args);
  return <u64>u;
}

// ---------------------------------------------------------------------------------------------------
// isinstance / issubclass against a union

/** The members of union u (borrowed tuple). */
export function unionArgs(u: usize): usize {
  return <usize>load<u32>(u + 8);
}

// ---------------------------------------------------------------------------------------------------
// class subscription

let classGetitemStr: usize = 0;

/** C[key] for a class C without a metaclass __getitem__: C.__class_getitem__(key). */
export function typeSubscript(t: usize, key: Value): Value {
  if (classGetitemStr == 0) classGetitemStr = strLiteral("__class_getitem__");
  if (t == typeObject(KIND_TYPE)) return genericAliasNew(<u64>t, key); // type[int], as PyObject_GetItem
  const d = typeLookup(t, classGetitemStr);
  if (d == NULL) {
    raiseBegin(EXC_TypeError);
    errText("type '");
    errStrObject(<usize>load<u32>(t + T_QUALNAME));
    errText("' is not subscriptable");
    return NULL;
  }
  // The builtin containers' own: a generic alias of the class itself.
  if (isObject(d) && kindOf(<usize>d) == KIND_METHOD_DESCR) return genericAliasNew(<u64>t, key);
  const bound = descrGet(d, NULL, <u64>t);
  if (bound == NULL) return NULL;
  const r = call1(bound, key);
  decref(bound);
  return r;
}

/** list.__class_getitem__(item) and friends. */
function m_class_getitem(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!checkArgCount("__class_getitem__", nargs, 1, 1)) return NULL;
  return genericAliasNew(self, arg(args, 0));
}

/** Calling an alias calls its origin: list[int]() is []. */
export function genericAliasCall(g: usize, args: usize, nargs: i32, kwnames: usize): Value {
  return objCall(<u64>load<u32>(g + 8), args, nargs, kwnames);
}

// ---------------------------------------------------------------------------------------------------
// repr and attributes

/** One member or argument as typing shows it: classes by (module-)qualified name, ... for Ellipsis. */
function appendItem(sb: usize, v: Value): bool {
  if (isObject(v) && kindOf(<usize>v) == KIND_ELLIPSIS) return sbAppendAscii(sb, "...");
  if (isObject(v) && kindOf(<usize>v) == KIND_TYPE) {
    const t = <usize>v;
    if (t == typeObject(KIND_NONE)) return sbAppendAscii(sb, "None");
    const m = <usize>load<u32>(t + T_MODULE);
    if (m != 0 && !strEqualLiteral(m, "builtins")) {
      sbAppendStr(sb, m);
      sbAppendAscii(sb, ".");
    }
    return sbAppendStr(sb, <usize>load<u32>(t + T_QUALNAME));
  }
  const r = objRepr(v);
  if (r == 0) return false;
  sbAppendStr(sb, r);
  decref(<u64>r);
  return true;
}

/** repr of a GenericAlias or UnionType. */
export function typingRepr(p: usize): usize {
  const sb = sbNew(32);
  if (sb == 0) return 0;
  if (kindOf(p) == KIND_UNION) {
    const args = unionArgs(p);
    const n = <usize>tupleSize(args);
    for (let i: usize = 0; i < n; i++) {
      if (i > 0) sbAppendAscii(sb, " | ");
      if (!appendItem(sb, tupleItem(args, i))) {
        sbDiscard(sb);
        return 0;
      }
    }
    return sbFinish(sb);
  }
  if (!appendItem(sb, <u64>load<u32>(p + 8))) {
    sbDiscard(sb);
    return 0;
  }
  sbAppendAscii(sb, "[");
  const args = <usize>load<u32>(p + 12);
  const n = <usize>tupleSize(args);
  if (n == 0) sbAppendAscii(sb, "()");
  for (let i: usize = 0; i < n; i++) {
    if (i > 0) sbAppendAscii(sb, ", ");
    if (!appendItem(sb, tupleItem(args, i))) {
      sbDiscard(sb);
      return 0;
    }
  }
  sbAppendAscii(sb, "]");
  return sbFinish(sb);
}

/** __args__, __origin__, __parameters__; other names of an alias come from its origin. */
export function typingAttr(p: usize, name: usize): Value {
  const union = kindOf(p) == KIND_UNION;
  if (strEqualLiteral(name, "__args__")) {
    const a = <u64>load<u32>(p + (union ? 8 : 12));
    incref(a);
    return a;
  }
  if (strEqualLiteral(name, "__parameters__")) return <u64>EMPTY_TUPLE;
  if (union) return NULL;
  if (strEqualLiteral(name, "__origin__")) {
    const o = <u64>load<u32>(p + 8);
    incref(o);
    return o;
  }
  return objGetAttr(<u64>load<u32>(p + 8), name);
}

/** Start-up, before installRegisteredMethods. */
export function registerGenericAlias(): void {
  addMethod(typeObject(KIND_SET), "__class_getitem__", m_class_getitem, METHOD_CLASS);
  addMethod(typeObject(KIND_FROZENSET), "__class_getitem__", m_class_getitem, METHOD_CLASS);
  const types = strLiteral("types");
  store<u32>(typeObject(KIND_UNION) + T_MODULE, <u32>types);
  store<u32>(typeObject(KIND_GENERIC_ALIAS) + T_MODULE, <u32>types);
}

export { typeOf, typeName, errorType, KIND_STR, KIND_LIST, KIND_DICT, isSubtype };
