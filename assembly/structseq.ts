/**
 * Struct sequences (CPython's PyStructSequence): tuples whose type names their items —
 * sys.version_info, sys.float_info, sys.int_info, sys.hash_info, sys.flags, ...
 *
 * A struct-sequence type is a builtin type made at start-up: kind KIND_TUPLE (so every tuple
 * operation applies to its instances: indexing, slicing to a plain tuple, comparison, hashing),
 * base tuple, `__module__` and `__name__` from CPython's dotted name, and one read-only property
 * per field whose native getter carries the field's index as its `self`. Instances are tuple
 * blocks whose header points at the struct-sequence type. repr: "sys.version_info(major=3, ...)".
 */
import { Value, NULL, NONE, isObject, makeSmallInt, getSmallInt } from "./values";
import { alloc } from "./heap";
import { initStaticHeader, IMMORTAL_REFCNT } from "./object";
import { typeObject, kindOf, KIND_TYPE, KIND_TUPLE, TYPE_OBJECT_SIZE, raiseBegin, errText, EXC_TypeError } from "./types";
import { typeInitBuiltin, typeDict, T_MODULE } from "./typeobj";
import { tupleAlloc, tupleSetItem, tupleSize, tupleItem } from "./tuple";
import { incref } from "./refcount";
import { dictSetItem } from "./dict";
import { strLiteral } from "./names";
import { builtinNew, propertyNew } from "./function";
import { arg } from "./native";
import { sbNew, sbAppendStr, sbAppendAscii, sbFinish, sbDiscard } from "./str-ops";
import { objRepr } from "./ops";

const MAX_TYPES: i32 = 32;
/** Registry: [type u32 | field names tuple u32] per struct-sequence type. */
const REGISTRY: usize = memory.data(MAX_TYPES * 8, 8);
let typeCount: i32 = 0;

/** The field-name tuple of a struct-sequence type, or 0 when `t` is not one. */
export function structseqFields(t: usize): usize {
  for (let i = 0; i < typeCount; i++) {
    const at = REGISTRY + (<usize>i << 3);
    if (<usize>load<u32>(at) == t) return <usize>load<u32>(at, 4);
  }
  return 0;
}

// The getter of field i: `self` is the index.
function fieldGet(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  const o = arg(args, 0);
  const i = <usize>getSmallInt(self);
  if (!isObject(o) || kindOf(<usize>o) != KIND_TUPLE || i >= tupleSize(<usize>o)) {
    raiseBegin(EXC_TypeError);
    errText("descriptor needs a struct sequence");
    return NULL;
  }
  const v = tupleItem(<usize>o, i);
  incref(v);
  return v;
}

/** Start-up: a struct-sequence type `module.name` with the given field names. */
export function structseqNewType(module: string, name: string, fields: StaticArray<string>): usize {
  const t = alloc(TYPE_OBJECT_SIZE);
  initStaticHeader(t, typeObject(KIND_TYPE));
  const tt = typeObject(KIND_TUPLE);
  store<u32>(t + 8, KIND_TUPLE);
  store<u32>(t + 12, load<u32>(tt + 12));
  store<u32>(t + 20, load<u32>(tt + 20));
  store<u32>(t + 24, load<u32>(tt + 24));
  typeInitBuiltin(t, tt, strLiteral(name));
  store<u32>(t + 12, load<u32>(t + 12) & ~(<u32>64)); // not an acceptable base type
  store<u32>(t + T_MODULE, <u32>strLiteral(module));
  const n = fields.length;
  const names = tupleAlloc(<usize>n);
  const d = typeDict(t);
  for (let i = 0; i < n; i++) {
    const fname = strLiteral(unchecked(fields[i]));
    tupleSetItem(names, <usize>i, <u64>fname);
    const g = builtinNew(fieldGet, fname, makeSmallInt(i), t);
    const p = propertyNew(<u64>g, NONE, NONE, NONE);
    store<u32>(g, IMMORTAL_REFCNT);
    store<u32>(p, IMMORTAL_REFCNT);
    dictSetItem(d, <u64>fname, <u64>p);
  }
  dictSetItem(d, <u64>strLiteral("n_fields"), makeSmallInt(n));
  dictSetItem(d, <u64>strLiteral("n_sequence_fields"), makeSmallInt(n));
  dictSetItem(d, <u64>strLiteral("n_unnamed_fields"), makeSmallInt(0));
  if (typeCount < MAX_TYPES) {
    store<u32>(REGISTRY + (<usize>typeCount << 3), <u32>t);
    store<u32>(REGISTRY + (<usize>typeCount << 3), <u32>names, 4);
    typeCount++;
  }
  return t;
}

/** A new instance of struct-sequence type `t` with `n` items, all to be set by the caller. */
export function structseqNew(t: usize, n: usize): usize {
  const p = tupleAlloc(n);
  if (p == 0) return 0;
  store<u32>(p + 4, <u32>t);
  return p;
}

/** repr: "module.name(field=repr(value), ...)". New str, or 0 on error. */
export function structseqRepr(p: usize): usize {
  const t = <usize>load<u32>(p + 4);
  const names = structseqFields(t);
  const sb = sbNew(64);
  if (sb == 0) return 0;
  const m = <usize>load<u32>(t + T_MODULE);
  if (m != 0) {
    sbAppendStr(sb, m);
    sbAppendAscii(sb, ".");
  }
  sbAppendStr(sb, <usize>load<u32>(t + 16));
  sbAppendAscii(sb, "(");
  const n = tupleSize(p);
  for (let i: usize = 0; i < n; i++) {
    if (i > 0) sbAppendAscii(sb, ", ");
    if (names != 0 && i < tupleSize(names)) {
      sbAppendStr(sb, <usize>tupleItem(names, i));
      sbAppendAscii(sb, "=");
    }
    const r = objRepr(tupleItem(p, i));
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
import { decref } from "./refcount";
