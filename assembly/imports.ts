/**
 * `import`: the native modules (sys, math, time, builtins), made on first import and cached in
 * sys.modules. Modules from files beside the main program arrive with the host's module lookup.
 */
import { Value, NULL, NONE, isObject } from "./values";
import { kindOf, raiseBegin, errText, errStrObject, KIND_MODULE, KIND_STR, EXC_ModuleNotFoundError, EXC_ImportError } from "./types";
import { incref, decref } from "./refcount";
import { dictGetItem, dictSetItem, dictNext } from "./dict";
import { strEqualLiteral, strCodePoint, strLength } from "./str";
import { modulesDict } from "./mod-sys";
import { makeMathModule } from "./mod-math";
import { makeTimeModule } from "./mod-time";
import { builtinsModule } from "./builtins";
import { makeMarshalModule } from "./mod-marshal";
import { objGetAttr } from "./ops";
import { errorType, errorClear, EXC_AttributeError } from "./types";

/** A native module by name, made on first use (new reference), or NULL (not a native module). */
function nativeModule(name: usize): Value {
  let m: usize = 0;
  if (strEqualLiteral(name, "math")) m = makeMathModule();
  else if (strEqualLiteral(name, "time")) m = makeTimeModule();
  else if (strEqualLiteral(name, "marshal")) m = makeMarshalModule();
  else if (strEqualLiteral(name, "builtins")) {
    m = builtinsModule;
    incref(<u64>m);
  }
  return m == 0 ? NULL : <u64>m;
}

export function importName(name: usize, fromlist: Value, level: Value, globals: usize): Value {
  const cached = dictGetItem(modulesDict, <u64>name);
  if (cached != NULL) {
    incref(cached);
    return cached;
  }
  const m = nativeModule(name);
  if (m == NULL) {
    raiseBegin(EXC_ModuleNotFoundError);
    errText("No module named '");
    errStrObject(name);
    errText("'");
    return NULL;
  }
  dictSetItem(modulesDict, <u64>name, m);
  return m;
}

export function importFrom(m: Value, name: usize): Value {
  const v = objGetAttr(m, name);
  if (v != NULL) return v;
  if (errorType() == EXC_AttributeError) {
    errorClear();
    raiseBegin(EXC_ImportError);
    errText("cannot import name '");
    errStrObject(name);
    errText("' from '");
    if (isObject(m) && kindOf(<usize>m) == KIND_MODULE) errStrObject(<usize>load<u32>(<usize>m + 12));
    errText("' (unknown location)");
  }
  return NULL;
}

const POS: usize = memory.data(8, 8);
const KEY: usize = memory.data(8, 8);
const VAL: usize = memory.data(8, 8);

/** from m import *: every name not starting with an underscore. */
export function importStar(m: Value, locals: usize): bool {
  if (!isObject(m) || kindOf(<usize>m) != KIND_MODULE || locals == 0) return true;
  const d = <usize>load<u32>(<usize>m + 8);
  store<u32>(POS, 0);
  while (dictNext(d, POS, KEY, VAL)) {
    const k = load<u64>(KEY);
    if (isObject(k) && kindOf(<usize>k) == KIND_STR && strLength(<usize>k) > 0 && strCodePoint(<usize>k, 0) == 0x5f) continue;
    if (dictSetItem(locals, k, load<u64>(VAL)) < 0) return false;
  }
  return true;
}
