/** dir(obj): the sorted attribute names of an object (instance dict, class MRO dicts; module dict). */
import { Value, NULL, isObject } from "./values";
import { kindOf, typeOf, KIND_TYPE, KIND_MODULE } from "./types";
import { decref } from "./refcount";
import { tupleSize, tupleItem } from "./tuple";
import { dictNew, dictSetItem, dictNext } from "./dict";
import { typeMro, typeDict } from "./typeobj";
import { instanceDictSlot } from "./attributes";
import { listFromIterable } from "./list";
import { listSort } from "./list-methods";
import { NONE } from "./values";

const POS: usize = memory.data(8, 8);
const KEY: usize = memory.data(8, 8);

function addKeys(acc: usize, d: usize): bool {
  if (d == 0) return true;
  store<u32>(POS, 0);
  while (dictNext(d, POS, KEY, 0)) {
    if (dictSetItem(acc, load<u64>(KEY), NONE) < 0) return false;
  }
  return true;
}

function addMro(acc: usize, t: usize): bool {
  const mro = typeMro(t);
  const n = <usize>tupleSize(mro);
  for (let i: usize = 0; i < n; i++) if (!addKeys(acc, typeDict(<usize>tupleItem(mro, i)))) return false;
  return true;
}

export function dirOf(v: Value): Value {
  const acc = dictNew();
  if (acc == 0) return NULL;
  let ok = true;
  if (isObject(v) && kindOf(<usize>v) == KIND_MODULE) {
    ok = addKeys(acc, <usize>load<u32>(<usize>v + 8));
  } else if (isObject(v) && kindOf(<usize>v) == KIND_TYPE) {
    ok = addMro(acc, <usize>v);
  } else {
    const slot = instanceDictSlot(v);
    if (slot != 0) ok = addKeys(acc, <usize>load<u32>(slot));
    if (ok) ok = addMro(acc, typeOf(v));
  }
  if (!ok) {
    decref(<u64>acc);
    return NULL;
  }
  const l = listFromIterable(<u64>acc);
  decref(<u64>acc);
  if (l == 0) return NULL;
  if (listSort(l, NULL, false) < 0) {
    decref(<u64>l);
    return NULL;
  }
  return <u64>l;
}

/**
 * The dir() builtin with an argument: type(v).__dir__(v) when a class overrides it (the result,
 * any iterable, becomes a sorted list), else dirOf(v).
 */
export function dirBuiltin(v: Value): Value {
  if (nDir == 0) nDir = strLiteral("__dir__");
  const d = userSlot(v, nDir);
  if (d == NULL) return dirOf(v);
  const r = callMethod0(d, v);
  if (r == NULL) return NULL;
  const l = listFromIterable(r);
  decref(r);
  if (l == 0) return NULL;
  if (listSort(l, NULL, false) < 0) {
    decref(<u64>l);
    return NULL;
  }
  return <u64>l;
}
import { userSlot, callMethod0 } from "./ops";
import { strLiteral } from "./names";
let nDir: usize = 0;
