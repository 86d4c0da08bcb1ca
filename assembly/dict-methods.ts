/**
 * The methods of dict (registerDictMethods), native.ts calling convention, CPython 3.11's argument
 * checks and messages: get, setdefault, pop, popitem, keys, values, items, update, copy, clear,
 * fromkeys (classmethod). The work is dict.ts's.
 */
import { Value, NULL, NONE, isObject } from "./values";
import { typeObject, typeOf, kindOf, KIND_DICT, KIND_DICT_KEYS, KIND_DICT_VALUES, KIND_DICT_ITEMS, errorType } from "./types";
import { tupleItem } from "./tuple";
import { incref, decref } from "./refcount";
import { addMethod, arg, kwCount, noKeywords, checkArgCount, METHOD_CLASS } from "./native";
import { objCall, objSetItem } from "./ops";
import {
  dictGetItem,
  dictSetItem,
  dictSetDefault,
  dictPop,
  dictPopItem,
  dictViewNew,
  dictUpdateArg,
  dictCopy,
  dictClear,
  dictNew,
  dictFillFromKeys,
  cursorOpen,
  cursorNext,
  cursorClose,
} from "./dict";

/** d.get(key, default=None, /) */
function dictGet(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("dict.get", kwnames) || !checkArgCount("get", nargs, 1, 2)) return NULL;
  const v = dictGetItem(<usize>self, arg(args, 0));
  if (v == NULL) {
    if (errorType() != 0) return NULL;
    const dflt = nargs > 1 ? arg(args, 1) : NONE;
    incref(dflt);
    return dflt;
  }
  incref(v);
  return v;
}

/** d.setdefault(key, default=None, /) */
function dictSetdefaultMethod(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("dict.setdefault", kwnames) || !checkArgCount("setdefault", nargs, 1, 2)) return NULL;
  const v = dictSetDefault(<usize>self, arg(args, 0), nargs > 1 ? arg(args, 1) : NONE);
  if (v != NULL) incref(v);
  return v;
}

/** d.pop(key[, default], /) */
function dictPopMethod(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("dict.pop", kwnames) || !checkArgCount("pop", nargs, 1, 2)) return NULL;
  return dictPop(<usize>self, arg(args, 0), nargs > 1 ? arg(args, 1) : NULL);
}

function dictPopitemMethod(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("dict.popitem", kwnames) || !checkArgCount("dict.popitem", nargs, 0, 0)) return NULL;
  return dictPopItem(<usize>self);
}

function dictKeysMethod(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("dict.keys", kwnames) || !checkArgCount("dict.keys", nargs, 0, 0)) return NULL;
  return <Value>dictViewNew(<usize>self, KIND_DICT_KEYS);
}

function dictValuesMethod(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("dict.values", kwnames) || !checkArgCount("dict.values", nargs, 0, 0)) return NULL;
  return <Value>dictViewNew(<usize>self, KIND_DICT_VALUES);
}

function dictItemsMethod(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("dict.items", kwnames) || !checkArgCount("dict.items", nargs, 0, 0)) return NULL;
  return <Value>dictViewNew(<usize>self, KIND_DICT_ITEMS);
}

/** d.update([other], **kwargs): other a dict, a mapping with keys(), or pairs; then the keywords. */
function dictUpdateMethod(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!checkArgCount("update", nargs, 0, 1)) return NULL;
  const d = <usize>self;
  if (nargs == 1 && dictUpdateArg(d, arg(args, 0)) < 0) return NULL;
  const nk = kwCount(kwnames);
  for (let i = 0; i < nk; i++) {
    if (dictSetItem(d, tupleItem(kwnames, <usize>i), arg(args, nargs + i)) < 0) return NULL;
  }
  return NONE;
}

function dictCopyMethod(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("dict.copy", kwnames) || !checkArgCount("dict.copy", nargs, 0, 0)) return NULL;
  return <Value>dictCopy(<usize>self);
}

function dictClearMethod(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("dict.clear", kwnames) || !checkArgCount("dict.clear", nargs, 0, 0)) return NULL;
  dictClear(<usize>self);
  return NONE;
}

/** dict.fromkeys(iterable, value=None, /), a classmethod: self is the class. */
function dictFromkeys(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("dict.fromkeys", kwnames) || !checkArgCount("fromkeys", nargs, 1, 2)) return NULL;
  const iterable = arg(args, 0);
  const value = nargs > 1 ? arg(args, 1) : NONE;
  if (<usize>self == typeObject(KIND_DICT)) {
    const d = dictNew();
    if (d == 0) return NULL;
    if (dictFillFromKeys(d, iterable, value) < 0) {
      decref(<Value>d);
      return NULL;
    }
    return <Value>d;
  }
  // a subclass: cls(), then d[key] = value through its own __setitem__
  const d = objCall(self, 0, 0, 0);
  if (d == NULL) return NULL;
  if (isObject(d) && kindOf(<usize>d) == KIND_DICT && typeOf(d) == typeObject(KIND_DICT)) {
    if (dictFillFromKeys(<usize>d, iterable, value) < 0) {
      decref(d);
      return NULL;
    }
    return d;
  }
  const c = cursorOpen(iterable);
  if (c == 0) {
    decref(d);
    return NULL;
  }
  let failed = false;
  for (;;) {
    const key = cursorNext(c);
    if (key == NULL) {
      failed = errorType() != 0;
      break;
    }
    const r = objSetItem(d, key, value);
    decref(key);
    if (r < 0) {
      failed = true;
      break;
    }
  }
  cursorClose(c);
  if (failed) {
    decref(d);
    return NULL;
  }
  return d;
}

/** keys/items view .isdisjoint(other). */
function viewIsDisjoint(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  const q = kindOf(<usize>self) == KIND_DICT_KEYS ? "dict_keys.isdisjoint" : "dict_items.isdisjoint";
  if (!noKeywords(q, kwnames) || !checkArgCount(q, nargs, 1, 1)) return NULL;
  const r = dictViewIsDisjoint(<usize>self, arg(args, 0));
  return r < 0 ? NULL : r != 0 ? TRUE : FALSE;
}
import { dictViewIsDisjoint } from "./dict";
import { TRUE, FALSE } from "./values";

/** Declares dict's methods (native.ts addMethod). */
export function registerDictMethods(): void {
  addMethod(typeObject(KIND_DICT_KEYS), "isdisjoint", viewIsDisjoint);
  addMethod(typeObject(KIND_DICT_ITEMS), "isdisjoint", viewIsDisjoint);
  const t = typeObject(KIND_DICT);
  addMethod(t, "get", dictGet);
  addMethod(t, "setdefault", dictSetdefaultMethod);
  addMethod(t, "pop", dictPopMethod);
  addMethod(t, "popitem", dictPopitemMethod);
  addMethod(t, "keys", dictKeysMethod);
  addMethod(t, "values", dictValuesMethod);
  addMethod(t, "items", dictItemsMethod);
  addMethod(t, "update", dictUpdateMethod);
  addMethod(t, "copy", dictCopyMethod);
  addMethod(t, "clear", dictClearMethod);
  addMethod(t, "fromkeys", dictFromkeys, METHOD_CLASS);
}
