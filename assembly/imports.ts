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
import { makeGcModule } from "./gc";
import { makeTypesModule } from "./mod-types";
import { objGetAttr } from "./ops";
import { errorType, errorClear, EXC_AttributeError } from "./types";
import { importModuleLevel, importFromModule, importStarInto } from "./module-loader";
import { isSmallInt, getSmallInt } from "./values";

/** A native module by name, made on first use (new reference), or NULL (not a native module). */
export function nativeModule(name: usize): Value {
  let m: usize = 0;
  if (strEqualLiteral(name, "math")) m = makeMathModule();
  else if (strEqualLiteral(name, "time")) m = makeTimeModule();
  else if (strEqualLiteral(name, "marshal")) m = makeMarshalModule();
  else if (strEqualLiteral(name, "gc")) m = makeGcModule();
  else if (strEqualLiteral(name, "types")) m = makeTypesModule();
  else if (strEqualLiteral(name, "builtins")) {
    m = builtinsModule;
    incref(<u64>m);
  }
  return m == 0 ? NULL : <u64>m;
}

/** IMPORT_NAME (module-loader.ts: native modules first, then the host's files). */
export function importName(name: usize, fromlist: Value, level: Value, globals: usize): Value {
  return importModuleLevel(name, globals, fromlist, isSmallInt(level) ? <i32>getSmallInt(level) : 0);
}

/** IMPORT_FROM. */
export function importFrom(m: Value, name: usize): Value {
  return importFromModule(m, name);
}

const POS: usize = memory.data(8, 8);
const KEY: usize = memory.data(8, 8);
const VAL: usize = memory.data(8, 8);

/** IMPORT_STAR: __all__, or every name not starting with an underscore. */
export function importStar(m: Value, locals: usize): bool {
  return importStarInto(m, locals);
}
