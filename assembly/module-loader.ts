/**
 * `import` of modules from files, with CPython 3.11's semantics (PyImport_ImportModuleLevelObject,
 * importlib's _find_and_load / _load_unlocked / _handle_fromlist, ceval's import_from and
 * import_all_from): name resolution for relative imports, sys.modules caching, parents before
 * submodules, the submodule bound on its parent, fromlist handling, and the error messages.
 *
 * The VM has no files: it asks the host for a module by its absolute dotted name (`findModule`
 * import) and receives a record (`fetchModule` copies it into a heap block):
 *
 *   offset 0  [ flags u32 (1: package) | file length u32 | cached length u32 | path length u32 ]
 *         16  [ pyc length u32 ] then the UTF-8 texts file, cached, path (a package's __path__[0])
 *             and the .pyc image (16-byte header + marshalled code object)
 *
 * flags 2: the source did not compile; the pyc field holds the error, marshalled (compileError).
 *
 * The module's body runs as a nested evaluation with the module's dict as globals and locals; while
 * it runs the module is "initializing" (CPython keeps that on __spec__, which we leave None), so
 * `from m import x` during a circular import reports a partially initialized module.
 */
import { Value, NULL, NONE, FALSE, isObject, makeSmallInt } from "./values";
import {
  kindOf,
  raiseBegin,
  raiseMsg,
  raiseObject,
  errText,
  errStrObject,
  errTypeName,
  errorType,
  errorClear,
  KIND_MODULE,
  KIND_STR,
  KIND_DICT,
  KIND_CODE,
  EXC_ModuleNotFoundError,
  EXC_ImportError,
  EXC_AttributeError,
  EXC_IndexError,
  EXC_KeyError,
  EXC_TypeError,
  EXC_ValueError,
  EXC_SystemError,
  EXC_RecursionError,
  EXC_SyntaxError,
  KIND_TUPLE,
  KIND_TYPE,
} from "./types";
import { tupleSize, tupleItem } from "./tuple";
import { excType } from "./exceptions";
import { incref, decref } from "./refcount";
import { alloc, free } from "./heap";
import { dictNew, dictGetItem, dictSetItem, dictDelItem, dictNext } from "./dict";
import { listNewEmpty, listAppend } from "./list";
import { strLength, strCodePoint, strFromUtf8, strUtf8Length, strWriteUtf8 } from "./str";
import { strSubstring, strConcat } from "./str-ops";
import { strLiteral, N_NAME, N_DOC, N_BUILTINS, N_DICT, N_GETATTR, syntaxFieldName, SF_FILENAME } from "./names";
import { modulesDict } from "./mod-sys";
import { builtinsDict } from "./builtins";
import { moduleNew } from "./function";
import { unmarshal } from "./unmarshal";
import { objGetAttr, objSetAttr, objRepr, objIsTrue, objGetItem, objSetItem, call1, objCall } from "./ops";
import { attributeError } from "./attributes";
import { fetchException, pendingMatches, EX_EXTRA } from "./exceptions";
import { extSet } from "./exc-methods";
import { runCode } from "./eval";
import { nativeModule } from "./imports";
import { frozenModule, frozenData, frozenSize } from "./frozen.generated";

import { hostFindModule, hostFetchModule } from "./host";

const RECORD_HEADER: usize = 20;
const FLAG_PACKAGE: u32 = 1;
/** The source did not compile: the pyc field holds the error (compileError). */
const FLAG_COMPILE_ERROR: u32 = 2;

// Names made on first use (immortal).
let N_PACKAGE: usize = 0;
let N_LOADER: usize = 0;
let N_SPEC: usize = 0;
let N_PATH: usize = 0;
let N_FILE: usize = 0;
let N_CACHED: usize = 0;
let N_ALL: usize = 0;
let N_PARENT: usize = 0;
let S_DOT: usize = 0;
let S_EMPTY: usize = 0;
let S_MODULE_OPEN: usize = 0;
let S_FROM: usize = 0;
let S_CLOSE: usize = 0;

/** The names above; vmInit calls it (and every entry point, for test entries that skip vmInit). */
export function initLoaderNames(): void {
  if (N_PACKAGE != 0) return;
  N_PACKAGE = strLiteral("__package__");
  N_LOADER = strLiteral("__loader__");
  N_SPEC = strLiteral("__spec__");
  N_PATH = strLiteral("__path__");
  N_FILE = strLiteral("__file__");
  N_CACHED = strLiteral("__cached__");
  N_ALL = strLiteral("__all__");
  N_PARENT = strLiteral("parent");
  S_DOT = strLiteral(".");
  S_EMPTY = strLiteral("");
  S_MODULE_OPEN = strLiteral("<module ");
  S_FROM = strLiteral(" from ");
  S_CLOSE = strLiteral(">");
}

// ---------------------------------------------------------------------------------------------------
// Modules being initialized (owned references), innermost last

const MAX_INITIALIZING: usize = 256;
const INITIALIZING: usize = memory.data(<i32>(MAX_INITIALIZING * 4), 8);
let initializingCount: usize = 0;

/** Whether module m's body is running (its attribute errors say "partially initialized"). */
export function moduleIsInitializing(m: Value): bool {
  return isInitializing(m);
}

function isInitializing(m: Value): bool {
  for (let i: usize = 0; i < initializingCount; i++) if (<u64>load<u32>(INITIALIZING + i * 4) == m) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------------
// Small helpers

function isStr(v: Value): bool {
  return isObject(v) && kindOf(<usize>v) == KIND_STR;
}

/** Index of the first (or last, before `end`) '.' in s, or -1. */
function findDot(s: usize): i32 {
  const n = <i32>strLength(s);
  for (let i = 0; i < n; i++) if (strCodePoint(s, <usize>i) == 0x2e) return i;
  return -1;
}
function rfindDot(s: usize, end: i32): i32 {
  for (let i = end - 1; i >= 0; i--) if (strCodePoint(s, <usize>i) == 0x2e) return i;
  return -1;
}

/** a + "." + b (new reference, 0 on error). */
function dotted(a: usize, b: usize): usize {
  const t = strConcat(a, S_DOT);
  if (t == 0) return 0;
  const r = strConcat(t, b);
  decref(<u64>t);
  return r;
}

/** getattr(v, name) as a new reference; NULL without an error when there is no such attribute. */
function lookupAttr(v: Value, name: usize): Value {
  const r = objGetAttr(v, name);
  if (r == NULL && pendingMatches(EXC_AttributeError)) errorClear();
  return r;
}

/** Appends repr(s) to the pending error message. */
function errRepr(v: Value): void {
  const r = objRepr(v);
  if (r == 0) {
    errorClear();
    return;
  }
  errStrObject(r);
  decref(<u64>r);
}

/**
 * Turns the id + message error just begun into an ImportError object carrying `name` and `path`
 * (either may be NULL: None), as PyErr_SetImportError does.
 */
function attachImportInfo(name: Value, path: Value): void {
  const e = fetchException();
  if (e == NULL || !isObject(e)) return;
  if (name != NULL) {
    incref(name);
    const old = load<u64>(<usize>e + EX_EXTRA);
    store<u64>(<usize>e + EX_EXTRA, name);
    decref(old);
  }
  if (path != NULL) extSet(<usize>e, 1, path);
  raiseObject(e);
}

/** ModuleNotFoundError("No module named 'name'" + suffix, name=name). */
function raiseNotFound(name: usize, parent: usize): void {
  raiseBegin(EXC_ModuleNotFoundError);
  errText("No module named ");
  errRepr(<u64>name);
  if (parent != 0) {
    errText("; ");
    errRepr(<u64>parent);
    errText(" is not a package");
  }
  attachImportInfo(<u64>name, NULL);
}

// ---------------------------------------------------------------------------------------------------
// __import__

/**
 * IMPORT_NAME: __import__(name, globals, None, fromlist, level) with the builtin __import__.
 * New reference, or NULL with an exception.
 */
export function importModuleLevel(name: usize, globals: usize, fromlist: Value, level: i32): Value {
  initLoaderNames();
  if (level < 0) return <u64>raiseMsg(EXC_ValueError, "level must be >= 0");
  let absName: usize;
  if (level > 0) {
    absName = resolveName(name, globals, level);
    if (absName == 0) return NULL;
  } else {
    if (strLength(name) == 0) return <u64>raiseMsg(EXC_ValueError, "Empty module name");
    absName = name;
    incref(<u64>absName);
  }
  const mod = getOrLoad(absName);
  if (mod == NULL) {
    decref(<u64>absName);
    return NULL;
  }
  let hasFrom = false;
  if (fromlist != NULL && fromlist != NONE) {
    const t = objIsTrue(fromlist);
    if (t < 0) {
      decref(<u64>absName);
      decref(mod);
      return NULL;
    }
    hasFrom = t != 0;
  }
  const r = hasFrom ? withFromlist(mod, fromlist) : topOfChain(name, absName, mod, level);
  decref(<u64>absName);
  decref(mod);
  return r;
}

/** `import a.b.c` (no fromlist): the module bound to the first name (new reference). */
function topOfChain(name: usize, absName: usize, mod: Value, level: i32): Value {
  const len = <i32>strLength(name);
  if (level > 0 && len == 0) {
    incref(mod);
    return mod;
  }
  const dot = findDot(name);
  if (dot < 0) {
    incref(mod);
    return mod;
  }
  if (level == 0) {
    const front = strSubstring(name, 0, <usize>dot);
    if (front == 0) return NULL;
    const r = importModuleLevel(front, 0, NONE, 0);
    decref(<u64>front);
    return r;
  }
  const cutOff = len - dot;
  const toReturn = strSubstring(absName, 0, <usize>(<i32>strLength(absName) - cutOff));
  if (toReturn == 0) return NULL;
  const r = dictGetItem(modulesDict, <u64>toReturn);
  if (r == NULL) {
    if (errorType() == 0) {
      raiseBegin(EXC_KeyError);
      errRepr(<u64>toReturn);
      errText(" not in sys.modules as expected");
    }
    decref(<u64>toReturn);
    return NULL;
  }
  decref(<u64>toReturn);
  incref(r);
  return r;
}

/** `from m import a, b`: a package's submodules named in fromlist are imported first. */
function withFromlist(mod: Value, fromlist: Value): Value {
  const path = lookupAttr(mod, N_PATH);
  if (path == NULL) {
    if (errorType() != 0) return NULL;
    incref(mod);
    return mod;
  }
  decref(path);
  if (!handleFromlist(mod, fromlist, false)) return NULL;
  incref(mod);
  return mod;
}

/** importlib._handle_fromlist: false with an exception. */
function handleFromlist(mod: Value, fromlist: Value, recursive: bool): bool {
  for (let i: i64 = 0; ; i++) {
    const x = objGetItem(fromlist, makeSmallInt(i));
    if (x == NULL) {
      if (pendingMatches(EXC_IndexError)) {
        errorClear();
        return true;
      }
      return false;
    }
    const ok = fromlistItem(mod, x, recursive);
    decref(x);
    if (!ok) return false;
  }
  return true;
}

function fromlistItem(mod: Value, x: Value, recursive: bool): bool {
  if (!isStr(x)) {
    raiseBegin(EXC_TypeError);
    if (recursive) {
      errText("Item in ");
      const n = lookupAttr(mod, N_NAME);
      if (n != NULL && isStr(n)) errStrObject(<usize>n);
      decref(n);
      errText(".__all__ must be str, not ");
    } else errText("Item in ``from list'' must be str, not ");
    errTypeName(x);
    return false;
  }
  const xs = <usize>x;
  if (strLength(xs) == 1 && strCodePoint(xs, 0) == 0x2a) {
    if (recursive) return true;
    const all = lookupAttr(mod, N_ALL);
    if (all == NULL) return errorType() == 0;
    const ok = handleFromlist(mod, all, true);
    decref(all);
    return ok;
  }
  const has = lookupAttr(mod, xs);
  if (has != NULL) {
    decref(has);
    return true;
  }
  if (errorType() != 0) return false;
  const modName = lookupAttr(mod, N_NAME);
  if (modName == NULL || !isStr(modName)) {
    if (modName != NULL) decref(modName);
    else if (errorType() == 0) raiseMsg(EXC_AttributeError, "module has no attribute '__name__'");
    return false;
  }
  const fromName = dotted(<usize>modName, xs);
  decref(modName);
  if (fromName == 0) return false;
  const sub = getOrLoad(fromName);
  if (sub != NULL) {
    decref(sub);
    decref(<u64>fromName);
    return true;
  }
  // A missing submodule is not an error here: IMPORT_FROM reports "cannot import name".
  let skip = false;
  if (pendingMatches(EXC_ModuleNotFoundError)) {
    const e = fetchException();
    const en = load<u64>(<usize>e + EX_EXTRA);
    if (isStr(en) && strEq(<usize>en, fromName) && dictGetItem(modulesDict, <u64>fromName) != NONE) skip = true;
    if (skip) decref(e);
    else raiseObject(e);
  }
  decref(<u64>fromName);
  return skip;
}

function strEq(a: usize, b: usize): bool {
  const n = strLength(a);
  if (n != strLength(b)) return false;
  for (let i: usize = 0; i < <usize>n; i++) if (strCodePoint(a, i) != strCodePoint(b, i)) return false;
  return true;
}

/** The absolute name of a relative import (import.c's resolve_name). New reference or 0. */
function resolveName(name: usize, globals: usize, level: i32): usize {
  if (globals == 0 || !isObject(<u64>globals) || kindOf(globals) != KIND_DICT) {
    raiseMsg(EXC_KeyError, "'__name__' not in globals");
    return 0;
  }
  let pkg = dictGetItem(globals, <u64>N_PACKAGE);
  let owned = false;
  if (pkg == NONE) pkg = NULL;
  if (pkg != NULL) {
    if (!isStr(pkg)) return raiseMsg(EXC_TypeError, "package must be a string");
  } else {
    const spec = dictGetItem(globals, <u64>N_SPEC);
    if (spec != NULL && spec != NONE) {
      pkg = objGetAttr(spec, N_PARENT);
      if (pkg == NULL) return 0;
      owned = true;
      if (!isStr(pkg)) {
        decref(pkg);
        return raiseMsg(EXC_TypeError, "__spec__.parent must be a string");
      }
    } else {
      // CPython warns (ImportWarning, ignored by default) and falls back on __name__ and __path__.
      pkg = dictGetItem(globals, <u64>N_NAME);
      if (pkg == NULL) return raiseMsg(EXC_KeyError, "'__name__' not in globals");
      if (!isStr(pkg)) return raiseMsg(EXC_TypeError, "__name__ must be a string");
      if (dictGetItem(globals, <u64>N_PATH) == NULL) {
        const dot = rfindDot(<usize>pkg, <i32>strLength(<usize>pkg));
        pkg = <u64>strSubstring(<usize>pkg, 0, dot < 0 ? 0 : <usize>dot);
        if (pkg == NULL) return 0;
        owned = true;
      }
    }
  }
  let lastDot = <i32>strLength(<usize>pkg);
  if (lastDot == 0) {
    if (owned) decref(pkg);
    return raiseMsg(EXC_ImportError, "attempted relative import with no known parent package");
  }
  for (let up = 1; up < level; up++) {
    lastDot = rfindDot(<usize>pkg, lastDot);
    if (lastDot < 0) {
      if (owned) decref(pkg);
      return raiseMsg(EXC_ImportError, "attempted relative import beyond top-level package");
    }
  }
  const base = strSubstring(<usize>pkg, 0, <usize>lastDot);
  if (owned) decref(pkg);
  if (base == 0 || strLength(name) == 0) return base;
  const r = dotted(base, name);
  decref(<u64>base);
  return r;
}

// ---------------------------------------------------------------------------------------------------
// Finding and loading

/** sys.modules[name], imported first when absent (new reference). */
function getOrLoad(name: usize): Value {
  const m = dictGetItem(modulesDict, <u64>name);
  if (m != NULL && m != NONE) {
    incref(m);
    return m;
  }
  if (errorType() != 0) return NULL;
  if (m == NONE) {
    raiseBegin(EXC_ModuleNotFoundError);
    errText("import of ");
    errStrObject(name);
    errText(" halted; None in sys.modules");
    attachImportInfo(<u64>name, NULL);
    return NULL;
  }
  return findAndLoad(name);
}

/** importlib._find_and_load_unlocked. */
function findAndLoad(name: usize): Value {
  const dot = rfindDot(name, <i32>strLength(name));
  let parent: usize = 0;
  if (dot >= 0) {
    parent = strSubstring(name, 0, <usize>dot);
    if (parent == 0) return NULL;
    const r = loadParent(name, parent);
    if (r != 1) {
      decref(<u64>parent);
      if (r < 0) return NULL;
      // The parent's import imported this module too.
      const m = dictGetItem(modulesDict, <u64>name);
      incref(m);
      return m;
    }
  }
  let mod: Value;
  const native = parent == 0 ? nativeModule(name) : NULL;
  if (native != NULL) {
    mod = native;
    if (dictSetItem(modulesDict, <u64>name, mod) < 0) {
      decref(mod);
      return NULL;
    }
  } else {
    if (errorType() != 0) {
      if (parent != 0) decref(<u64>parent);
      return NULL;
    }
    const frozen = parent == 0 ? frozenModule(name) : 0;
    mod = frozen != 0 ? loadFrozen(name, frozen) : loadFromHost(name, parent);
  }
  if (mod != NULL && parent != 0) {
    // The submodule becomes an attribute of its parent.
    const pm = dictGetItem(modulesDict, <u64>parent);
    if (pm == NULL) {
      if (errorType() == 0) raiseWithKey(parent);
      decref(mod);
      mod = NULL;
    } else {
      const child = strSubstring(name, <usize>dot + 1, <usize>strLength(name));
      if (child == 0 || objSetAttr(pm, child, mod) < 0) {
        if (pendingMatches(EXC_AttributeError)) errorClear();
        else {
          decref(mod);
          mod = NULL;
        }
      }
      if (child != 0) decref(<u64>child);
    }
  }
  if (parent != 0) decref(<u64>parent);
  return mod;
}

function raiseWithKey(key: usize): void {
  raiseBegin(EXC_KeyError);
  errRepr(<u64>key);
}

/**
 * Imports the parent package of `name` and checks that it is one: 1 to go on loading `name`,
 * 0 when `name` is in sys.modules now, -1 on error.
 */
function loadParent(name: usize, parent: usize): i32 {
  if (dictGetItem(modulesDict, <u64>parent) == NULL) {
    if (errorType() != 0) return -1;
    const p = getOrLoad(parent);
    if (p == NULL) return -1;
    decref(p);
  }
  if (dictGetItem(modulesDict, <u64>name) != NULL) return 0;
  const pm = dictGetItem(modulesDict, <u64>parent);
  if (pm == NULL) {
    raiseWithKey(parent);
    return -1;
  }
  const path = lookupAttr(pm, N_PATH);
  if (path == NULL) {
    if (errorType() == 0) raiseNotFound(name, parent);
    return -1;
  }
  decref(path);
  return 1;
}

/** The main program's file name (co_filename), which the host's default lookup looks beside. */
let mainFile: usize = 0;
export function setMainFile(s: usize): void {
  incref(<u64>s);
  const old = mainFile;
  mainFile = s;
  if (old != 0) decref(<u64>old);
}

/** Asks the host for `name`; makes, registers and runs the module. New reference or NULL. */
function loadFromHost(name: usize, parent: usize): Value {
  const n = strUtf8Length(name);
  const mn = mainFile != 0 ? strUtf8Length(mainFile) : 0;
  const buf = alloc(n + mn + 1);
  if (buf == 0) return NULL;
  strWriteUtf8(name, buf);
  if (mainFile != 0) strWriteUtf8(mainFile, buf + n);
  const len = hostFindModule(buf, n, buf + n, mn);
  free(buf, n + mn + 1);
  if (len < <i32>RECORD_HEADER) {
    raiseNotFound(name, 0);
    return NULL;
  }
  const rec = alloc(<usize>len);
  if (rec == 0) return NULL;
  hostFetchModule(rec);
  const m = loadRecord(name, parent, rec, <usize>len);
  free(rec, <usize>len);
  return m;
}

/**
 * Raises the compile error the host reported: marshalled (class name, msg, (filename, lineno,
 * offset, text, end_lineno, end_offset) or None[, locationInArgs]), raised as that builtin class
 * called with (msg, info) — a SyntaxError with its fields, as CPython's parser and code generator
 * raise it — or, when locationInArgs is False (symbol-table and future-import errors), called with
 * (msg) and given the fields as attributes, as PyErr_RangedSyntaxLocationObject does.
 */
export function compileError(ptr: usize, n: usize): Value {
  const t = unmarshal(ptr, n);
  if (t == NULL) return NULL;
  const size = isObject(t) && kindOf(<usize>t) == KIND_TUPLE ? tupleSize(<usize>t) : 0;
  if (size != 3 && size != 4) {
    decref(t);
    return <u64>raiseMsg(EXC_ImportError, "bad module record from the host");
  }
  let cls = dictGetItem(builtinsDict, tupleItem(<usize>t, 0));
  if (cls == NULL || !isObject(cls) || kindOf(<usize>cls) != KIND_TYPE) cls = <u64>excType(EXC_SyntaxError);
  const info = tupleItem(<usize>t, 2);
  const inArgs = size == 3 || tupleItem(<usize>t, 3) != FALSE;
  const args = alloc(16);
  if (args == 0) {
    decref(t);
    return NULL;
  }
  store<u64>(args, tupleItem(<usize>t, 1));
  store<u64>(args + 8, info);
  const e = objCall(cls, args, info == NONE || !inArgs ? 1 : 2, 0);
  free(args, 16);
  if (e != NULL && !inArgs && info != NONE && !setLocationAttributes(e, info)) {
    decref(e);
    decref(t);
    return NULL;
  }
  decref(t);
  if (e != NULL) raiseObject(e);
  return NULL;
}

/** e.filename, e.lineno, ... = info's six items (names.ts SF_FILENAME .. SF_END_OFFSET, in order). */
function setLocationAttributes(e: Value, info: Value): bool {
  if (!isObject(info) || kindOf(<usize>info) != KIND_TUPLE || tupleSize(<usize>info) != 6) return true;
  for (let i = 0; i < 6; i++) {
    if (objSetAttr(e, syntaxFieldName(SF_FILENAME + i), tupleItem(<usize>info, i)) < 0) return false;
  }
  return true;
}

function recordStr(rec: usize, off: usize, n: usize): Value {
  if (n == 0) return NONE;
  return <u64>strFromUtf8(rec + off, n);
}

function loadRecord(name: usize, parent: usize, rec: usize, len: usize): Value {
  const flags = load<u32>(rec);
  const fileLen = <usize>load<u32>(rec + 4);
  const cachedLen = <usize>load<u32>(rec + 8);
  const pathLen = <usize>load<u32>(rec + 12);
  const pycLen = <usize>load<u32>(rec + 16);
  const fileOff = RECORD_HEADER;
  const cachedOff = fileOff + fileLen;
  const pathOff = cachedOff + cachedLen;
  const pycOff = pathOff + pathLen;
  if (pycOff + pycLen > len) return <u64>raiseMsg(EXC_ImportError, "bad module record from the host");
  if ((flags & FLAG_COMPILE_ERROR) != 0) return compileError(rec + pycOff, pycLen);
  if (pycLen < 16) return <u64>raiseMsg(EXC_ImportError, "bad module record from the host");
  const code = unmarshal(rec + pycOff + 16, pycLen - 16);
  if (code == NULL) return NULL;
  return runModuleCode(name, parent, flags, code, recordStr(rec, fileOff, fileLen), recordStr(rec, cachedOff, cachedLen), recordStr(rec, pathOff, pathLen));
}

/**
 * A frozen module (frozen.generated.ts: Python source of ours, compiled at generation time) run
 * as a module named `name`; __file__ is its co_filename ("<frozen NAME>").
 */
function loadFrozen(name: usize, index: i32): Value {
  const code = unmarshal(frozenData(index), frozenSize(index));
  if (code == NULL) return NULL;
  return runModuleCode(name, 0, 0, code, NONE, NONE, NONE);
}

/**
 * Runs `code` (owned; checked to be a code object) as the body of a new module `name`; file,
 * cached and path are new references (NONE: absent; a NONE file becomes co_filename).
 */
function runModuleCode(name: usize, parent: usize, flags: u32, code: Value, file: Value, cached: Value, path: Value): Value {
  if (!isObject(code) || kindOf(<usize>code) != KIND_CODE) {
    decref(code);
    decref(file);
    decref(cached);
    decref(path);
    return <u64>raiseMsg(EXC_ImportError, "bad .pyc: not a code object");
  }
  // Without a file name from the host, __file__ is the code's co_filename.
  if (file == NONE) {
    file = <u64>load<u32>(<usize>code + 68);
    incref(file);
  }
  const d = moduleDict(name, parent, flags, file, cached, path);
  if (d == 0) {
    decref(code);
    return NULL;
  }
  const mod = <u64>moduleNew(d, name);
  decref(<u64>d);
  if (mod == NULL) {
    decref(code);
    return NULL;
  }
  const r = execModule(name, mod, code, d);
  decref(code);
  decref(mod);
  return r;
}

/**
 * The namespace importlib's module_from_spec gives a module from a file, in its order: __name__,
 * __doc__, __package__, __loader__, __spec__, __path__ (packages), __file__, __cached__, then the
 * __builtins__ exec adds. `file`, `cached`, `path` are new references (NULL: an error before).
 */
function moduleDict(name: usize, parent: usize, flags: u32, file: Value, cached: Value, path: Value): usize {
  const d = dictNew();
  let ok = d != 0 && file != NULL && cached != NULL && path != NULL;
  if (ok) {
    const pkg: usize = (flags & FLAG_PACKAGE) != 0 ? name : parent != 0 ? parent : S_EMPTY;
    ok = dictSetItem(d, <u64>N_NAME, <u64>name) == 0 && dictSetItem(d, <u64>N_DOC, NONE) == 0 && dictSetItem(d, <u64>N_PACKAGE, <u64>pkg) == 0;
    ok = ok && dictSetItem(d, <u64>N_LOADER, NONE) == 0 && dictSetItem(d, <u64>N_SPEC, NONE) == 0;
    if (ok && (flags & FLAG_PACKAGE) != 0) {
      const l = listNewEmpty(1);
      ok = l != 0 && listAppend(l, path) == 0 && dictSetItem(d, <u64>N_PATH, <u64>l) == 0;
      if (l != 0) decref(<u64>l);
    }
    ok = ok && dictSetItem(d, <u64>N_FILE, file) == 0 && dictSetItem(d, <u64>N_CACHED, cached) == 0;
    ok = ok && dictSetItem(d, <u64>N_BUILTINS, <u64>builtinsDict) == 0;
  }
  decref(file);
  decref(cached);
  decref(path);
  if (!ok) {
    if (d != 0) decref(<u64>d);
    return 0;
  }
  return d;
}

/** importlib._load_unlocked: sys.modules[name] = mod while the body runs; removed if it fails. */
function execModule(name: usize, mod: Value, code: Value, d: usize): Value {
  if (initializingCount >= MAX_INITIALIZING) return <u64>raiseMsg(EXC_RecursionError, "maximum recursion depth exceeded while calling a Python object");
  if (dictSetItem(modulesDict, <u64>name, mod) < 0) return NULL;
  incref(mod);
  store<u32>(INITIALIZING + initializingCount * 4, <u32>mod);
  initializingCount++;
  const r = runCode(<usize>code, 0, d, builtinsDict, d);
  initializingCount--;
  decref(mod);
  if (r == NULL) {
    // Remove it, keeping the body's exception (a missing entry is fine).
    const e = fetchException();
    if (dictDelItem(modulesDict, <u64>name) < 0) errorClear();
    raiseObject(e);
    return NULL;
  }
  decref(r);
  // Whatever sys.modules holds now is the module (a body may replace itself), moved to the end.
  const m = dictGetItem(modulesDict, <u64>name);
  if (m == NULL) {
    if (errorType() == 0) raiseWithKey(name);
    return NULL;
  }
  incref(m);
  if (dictDelItem(modulesDict, <u64>name) < 0 || dictSetItem(modulesDict, <u64>name, m) < 0) {
    decref(m);
    return NULL;
  }
  return m;
}

// ---------------------------------------------------------------------------------------------------
// IMPORT_FROM and IMPORT_STAR

/** IMPORT_FROM: getattr(m, name), else sys.modules[m.__name__ + "." + name], else ImportError. */
export function importFromModule(m: Value, name: usize): Value {
  initLoaderNames();
  const v = objGetAttr(m, name);
  if (v != NULL) return v;
  if (!pendingMatches(EXC_AttributeError)) return NULL;
  errorClear();
  let pkgName = lookupAttr(m, N_NAME);
  if (pkgName != NULL && !isStr(pkgName)) {
    decref(pkgName);
    pkgName = NULL;
  }
  if (pkgName == NULL) errorClear();
  else {
    const full = dotted(<usize>pkgName, name);
    if (full == 0) {
      decref(pkgName);
      return NULL;
    }
    const x = dictGetItem(modulesDict, <u64>full);
    decref(<u64>full);
    if (x != NULL) {
      decref(pkgName);
      incref(x);
      return x;
    }
    if (errorType() != 0) {
      decref(pkgName);
      return NULL;
    }
  }
  cannotImportName(m, name, pkgName);
  decref(pkgName);
  return NULL;
}

/** "cannot import name 'x' from 'm' (path)" with CPython's three variants. */
function cannotImportName(m: Value, name: usize, pkgName: Value): void {
  let path: Value = NULL;
  if (isObject(m) && kindOf(<usize>m) == KIND_MODULE) {
    const f = dictGetItem(<usize>load<u32>(<usize>m + 8), <u64>N_FILE);
    if (f != NULL && isStr(f)) path = f;
  }
  errorClear();
  raiseBegin(EXC_ImportError);
  errText("cannot import name ");
  errRepr(<u64>name);
  errText(path != NULL && isInitializing(m) ? " from partially initialized module " : " from ");
  if (pkgName != NULL) errRepr(pkgName);
  else errText("'<unknown module name>'");
  if (path == NULL) errText(" (unknown location)");
  else {
    if (isInitializing(m)) errText(" (most likely due to a circular import)");
    errText(" (");
    errStrObject(<usize>path);
    errText(")");
  }
  attachImportInfo(pkgName, path);
}

/** IMPORT_STAR: the names in m.__all__, or every public name in m.__dict__, into `locals`. */
export function importStarInto(m: Value, locals: usize): bool {
  initLoaderNames();
  if (locals == 0) {
    raiseMsg(EXC_SystemError, "no locals found during 'import *'");
    return false;
  }
  let all = lookupAttr(m, N_ALL);
  let skipPrivate = false;
  if (all == NULL) {
    if (errorType() != 0) return false;
    const d = lookupAttr(m, N_DICT);
    if (d == NULL) {
      if (errorType() == 0) raiseMsg(EXC_ImportError, "from-import-* object has no __dict__ and no __all__");
      return false;
    }
    all = keysOf(d);
    decref(d);
    if (all == NULL) return false;
    skipPrivate = true;
  }
  const ok = importNames(m, all, locals, skipPrivate);
  decref(all);
  return ok;
}

/** list(d) for the module's __dict__ (a dict; anything else has no keys we can list). */
function keysOf(d: Value): Value {
  if (!isObject(d) || kindOf(<usize>d) != KIND_DICT) return <u64>raiseMsg(EXC_ImportError, "from-import-* object has no __dict__ and no __all__");
  const l = listNewEmpty(0);
  if (l == 0) return NULL;
  const pos = alloc(24);
  if (pos == 0) {
    decref(<u64>l);
    return NULL;
  }
  while (dictNext(<usize>d, pos, pos + 8, pos + 16)) {
    if (listAppend(l, load<u64>(pos + 8)) < 0) {
      free(pos, 24);
      decref(<u64>l);
      return NULL;
    }
  }
  free(pos, 24);
  return <u64>l;
}

function importNames(m: Value, all: Value, locals: usize, skipPrivate: bool): bool {
  for (let i: i64 = 0; ; i++) {
    const name = objGetItem(all, makeSmallInt(i));
    if (name == NULL) {
      if (pendingMatches(EXC_IndexError)) {
        errorClear();
        return true;
      }
      return false;
    }
    const ok = importOneName(m, name, locals, skipPrivate);
    decref(name);
    if (!ok) return false;
  }
  return true;
}

function importOneName(m: Value, name: Value, locals: usize, skipPrivate: bool): bool {
  if (!isStr(name)) {
    const modName = lookupAttr(m, N_NAME);
    if (modName == NULL || !isStr(modName)) {
      decref(modName);
      errorClear();
      raiseBegin(EXC_TypeError);
      errText("module __name__ must be a string, not ");
      if (modName == NULL) errText("NoneType");
      else errTypeName(modName);
      return false;
    }
    raiseBegin(EXC_TypeError);
    errText(skipPrivate ? "Key in " : "Item in ");
    errStrObject(<usize>modName);
    errText(skipPrivate ? ".__dict__ must be str, not " : ".__all__ must be str, not ");
    errTypeName(name);
    decref(modName);
    return false;
  }
  if (skipPrivate && strLength(<usize>name) > 0 && strCodePoint(<usize>name, 0) == 0x5f) return true;
  const v = objGetAttr(m, <usize>name);
  if (v == NULL) return false;
  const rc = kindOf(locals) == KIND_DICT ? dictSetItem(locals, name, v) : objSetItem(<u64>locals, name, v);
  decref(v);
  return rc == 0;
}

/** getattr(module, name) found nothing: the module's own __getattr__(name) (PEP 562), else AttributeError. */
export function moduleMissingAttr(m: Value, name: usize): Value {
  const f = dictGetItem(<usize>load<u32>(<usize>m + 8), <u64>N_GETATTR);
  if (f != NULL) return call1(f, <u64>name);
  if (errorType() == 0) attributeError(m, name);
  return NULL;
}

// ---------------------------------------------------------------------------------------------------
// repr

/**
 * repr of a module with a __file__: "<module 'name' from 'file'>" (new reference); 0 without an
 * error when the module has no __file__ (the caller writes the built-in form).
 */
export function moduleFileRepr(p: usize): usize {
  initLoaderNames();
  const d = <usize>load<u32>(p + 8);
  const file = dictGetItem(d, <u64>N_FILE);
  if (file == NULL) return 0;
  let name = dictGetItem(d, <u64>N_NAME);
  if (name == NULL) name = <u64>load<u32>(p + 12);
  const rn = objRepr(name);
  if (rn == 0) return 0;
  const rf = objRepr(file);
  if (rf == 0) {
    decref(<u64>rn);
    return 0;
  }
  const a = strConcat(S_MODULE_OPEN, rn);
  const b = a != 0 ? strConcat(a, S_FROM) : 0;
  const c = b != 0 ? strConcat(b, rf) : 0;
  const r = c != 0 ? strConcat(c, S_CLOSE) : 0;
  if (a != 0) decref(<u64>a);
  if (b != 0) decref(<u64>b);
  if (c != 0) decref(<u64>c);
  decref(<u64>rn);
  decref(<u64>rf);
  return r;
}

