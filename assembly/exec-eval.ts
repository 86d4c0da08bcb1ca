/**
 * compile(), exec() and eval(): CPython 3.11's bltinmodule.c builtins, with their argument checks
 * and messages. The VM has no compiler of its own: source goes to the host (`compileSource` import,
 * host/source-compiler.ts), which answers with a record, fetched with `fetchCompiled`:
 *
 *   [ status u32 ] then 0: a marshalled code object; 2: the error (module-loader.ts compileError)
 *
 * Code objects run as PyEval_EvalCode runs them: a frame with the given globals and locals, its
 * builtins taken from globals["__builtins__"] (inserted when missing); code that needs arguments,
 * a closure or makes a generator runs through a function object built for it.
 */
import { Value, NULL, NONE, isObject } from "./values";
import {
  kindOf,
  raiseBegin,
  raiseMsg,
  errText,
  errInt,
  errTypeName,
  errStrObject,
  errorType,
  KIND_STR,
  KIND_BYTES,
  KIND_DICT,
  KIND_CODE,
  KIND_TUPLE,
  KIND_MODULE,
  KIND_CELL,
  EXC_TypeError,
  EXC_ValueError,
  EXC_SyntaxError,
  EXC_SystemError,
  EXC_NotImplementedError,
  typeOf,
  typeObject,
} from "./types";
import { incref, decref } from "./refcount";
import { alloc, free } from "./heap";
import { arg, kwCount, noKeywords, checkArgCount, kwArg } from "./native";
import { parseArgs, parsedArg } from "./arg-parse";
import { tupleSize, tupleItem } from "./tuple";
import { strUtf8Length, strWriteUtf8, strFromUtf8, strEqualLiteral } from "./str";
import { bytesData, bytesLength } from "./bytes";
import { baData, baLen, isByteArray } from "./bytearray";
import { strToUtf8Bytes } from "./str-methods";
import { dictGetItem, dictSetItem } from "./dict";
import { typeLookup } from "./typeobj";
import { N_BUILTINS, N_GETITEM, N_NAME, N_STRING_FILE } from "./names";
import { moduleAddFunction, functionNew, FN_CLOSURE } from "./function";
import { currentFrame, runCode, callFunction, takeEnterFrameAllowed, setEnterFrame, setFrameEnteringBuiltins, ENTER_FRAME } from "./eval";
import { F_GLOBALS, F_BUILTINS, F_CODE, F_FLAGS, FRAME_RESULT_NONE, frameNew } from "./frame";
import { CodeObject } from "./code";
import { unmarshal } from "./unmarshal";
import { compileError } from "./module-loader";
import { currentLocals } from "./builtins";
import { asSsize, indexOut } from "./slice";

import { hostCompileSource, hostFetchCompiled } from "./host";

const MODE_EXEC: i32 = 0;
const MODE_EVAL: i32 = 1;
const MODE_SINGLE: i32 = 2;
const MODE_FUNC_TYPE: i32 = 3;

// compile()'s flags (CPython's values).
/** PyCF_MASK: the CO_FUTURE_* bits, division .. annotations. */
const PyCF_MASK: i32 = 0x1fe0000;
/** CO_NESTED: accepted, ignored. */
const PyCF_MASK_OBSOLETE: i32 = 0x10;
const PyCF_DONT_IMPLY_DEDENT: i32 = 0x200;
const PyCF_ONLY_AST: i32 = 0x400;
/** The source is a str: its coding cookie, if any, is not applied. */
const PyCF_IGNORE_COOKIE: i32 = 0x800;
const PyCF_TYPE_COMMENTS: i32 = 0x1000;
const PyCF_ALLOW_TOP_LEVEL_AWAIT: i32 = 0x2000;
const PyCF_ALLOW_INCOMPLETE_INPUT: i32 = 0x4000;
const PyCF_COMPILE_MASK: i32 = PyCF_ONLY_AST | PyCF_ALLOW_TOP_LEVEL_AWAIT | PyCF_TYPE_COMMENTS | PyCF_DONT_IMPLY_DEDENT | PyCF_ALLOW_INCOMPLETE_INPUT;

const CO_VARARGS: i32 = 0x4;
const CO_VARKEYWORDS: i32 = 0x8;
const CO_GENERATOR: i32 = 0x20;
const CO_COROUTINE: i32 = 0x80;
const CO_ASYNC_GENERATOR: i32 = 0x200;

const STATUS_CODE: u32 = 0;


export function addExecBuiltins(d: usize): void {
  moduleAddFunction(d, "compile", builtinCompile);
  // Called by CALL, these two run their code in the eval loop (eval.ts ENTER_FRAME).
  setFrameEnteringBuiltins(moduleAddFunction(d, "exec", builtinExec), moduleAddFunction(d, "eval", builtinEval));
}

/** Whether this call may answer ENTER_FRAME (read once, at entry: nothing nested may see it). */
let inLoop = false;

// ---------------------------------------------------------------------------------------------------
// Source text

/** The source bytes of the last sourceBytes call; valid while its holder lives. */
let srcPtr: usize = 0;
let srcLen: usize = 0;
/** PyCF_IGNORE_COOKIE when the source was a str. */
let srcFlags: i32 = 0;

/**
 * _Py_SourceAsString: the bytes of a str (UTF-8, strict), bytes or bytearray source into
 * srcPtr/srcLen; returns the object that holds them (new reference) or NULL with TypeError
 * "FNAME() arg 1 must be a WHAT object" / UnicodeEncodeError / SyntaxError for a null byte.
 */
function sourceBytes(v: Value, fname: string, what: string): Value {
  let holder: Value = NULL;
  srcFlags = 0;
  if (isObject(v) && kindOf(<usize>v) == KIND_STR) {
    holder = strToUtf8Bytes(<usize>v);
    if (holder == NULL) return NULL;
    srcFlags = PyCF_IGNORE_COOKIE;
  } else if (isObject(v) && kindOf(<usize>v) == KIND_BYTES) {
    incref(v);
    holder = v;
  } else if (isByteArray(v)) {
    incref(v);
    holder = v;
  } else {
    raiseBegin(EXC_TypeError);
    errText(fname);
    errText("() arg 1 must be a ");
    errText(what);
    errText(" object");
    return NULL;
  }
  if (isByteArray(holder)) {
    srcPtr = baData(<usize>holder);
    srcLen = baLen(<usize>holder);
  } else {
    srcPtr = bytesData(<usize>holder);
    srcLen = <usize>bytesLength(<usize>holder);
  }
  for (let i: usize = 0; i < srcLen; i++) {
    if (load<u8>(srcPtr + i) == 0) {
      decref(holder);
      raiseMsg(EXC_SyntaxError, "source code string cannot contain null bytes");
      return NULL;
    }
  }
  return holder;
}

/** Source bytes → a code object (new reference), or NULL with the compile error raised. */
function compileBytes(src: usize, n: usize, filename: usize, mode: i32, flags: i32, optimize: i32): Value {
  const nameLen = strUtf8Length(filename);
  const name = alloc(nameLen + 1);
  if (name == 0) return NULL;
  strWriteUtf8(filename, name);
  const len = hostCompileSource(src, n, name, nameLen, mode, flags, optimize);
  free(name, nameLen + 1);
  if (len < 0) {
    return <u64>raiseMsg(EXC_SystemError, "compiling source needs the host's compiler, and this host provides none (host/run.ts loadSourceCompiler)");
  }
  const size = <usize>len;
  const rec = alloc(size < 4 ? 4 : size);
  if (rec == 0) return NULL;
  hostFetchCompiled(rec);
  let r: Value = NULL;
  if (size < 4) raiseMsg(EXC_SystemError, "bad compile record from the host");
  else if (load<u32>(rec) != STATUS_CODE) r = compileError(rec + 4, size - 4);
  else {
    r = unmarshal(rec + 4, size - 4);
    if (r != NULL && (!isObject(r) || kindOf(<usize>r) != KIND_CODE)) {
      decref(r);
      r = <u64>raiseMsg(EXC_SystemError, "bad compile record from the host: not a code object");
    }
  }
  free(rec, size < 4 ? 4 : size);
  return r;
}

/** The CO_FUTURE_* flags of the running code, which compiled source inherits (PyEval_MergeCompilerFlags). */
function inheritedFlags(): i32 {
  if (currentFrame == 0) return 0;
  return changetype<CodeObject>(<usize>load<u32>(currentFrame + F_CODE)).flags & PyCF_MASK;
}


// ---------------------------------------------------------------------------------------------------
// compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1, *, _feature_version=-1)

const COMPILE_PARAMS = "source,filename,mode,flags,dont_inherit,optimize,_feature_version";
const COMPILE_REQUIRED = ["source", "filename", "mode"];

function builtinCompile(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (nargs > 6) {
    raiseBegin(EXC_TypeError);
    errText("compile() takes at most 6 positional arguments (");
    errInt(nargs);
    errText(" given)");
    return NULL;
  }
  if (!parseArgs("compile", args, nargs, kwnames, COMPILE_PARAMS, 7)) return NULL;
  for (let i = 0; i < 3; i++) {
    if (parsedArg(i) == NULL) {
      raiseBegin(EXC_TypeError);
      errText("compile() missing required argument '");
      errText(COMPILE_REQUIRED[i]);
      errText("' (pos ");
      errInt(i + 1);
      errText(")");
      return NULL;
    }
  }
  // Copied out: the conversions below may run Python code (__index__, __bool__).
  const source = parsedArg(0);
  const filenameArg = parsedArg(1);
  const modeArg = parsedArg(2);
  const flagsArg = parsedArg(3);
  const dontInheritArg = parsedArg(4);
  const optimizeArg = parsedArg(5);
  const filename = fsPath(filenameArg);
  if (filename == NULL) return NULL;
  const r = compileWith(source, filename, modeArg, flagsArg, dontInheritArg, optimizeArg);
  decref(filename);
  return r;
}

function compileWith(source: Value, filename: Value, modeArg: Value, flagsArg: Value, dontInheritArg: Value, optimizeArg: Value): Value {
  if (!isObject(modeArg) || kindOf(<usize>modeArg) != KIND_STR) {
    raiseBegin(EXC_TypeError);
    errText("compile() argument 'mode' must be str, not ");
    errTypeName(modeArg);
    return NULL;
  }
  let flags: i32 = 0;
  if (flagsArg != NULL) {
    if (!asSsize(flagsArg)) return NULL;
    flags = <i32>indexOut;
  }
  let dontInherit = false;
  if (dontInheritArg != NULL) {
    if (!asSsize(dontInheritArg)) return NULL;
    dontInherit = indexOut != 0;
  }
  let optimize: i32 = -1;
  if (optimizeArg != NULL) {
    if (!asSsize(optimizeArg)) return NULL;
    optimize = indexOut < -2 || indexOut > 3 ? 3 : <i32>indexOut;
  }
  if ((flags & ~(PyCF_MASK | PyCF_MASK_OBSOLETE | PyCF_COMPILE_MASK)) != 0) return <u64>raiseMsg(EXC_ValueError, "compile(): unrecognised flags");
  if (optimize < -1 || optimize > 2) return <u64>raiseMsg(EXC_ValueError, "compile(): invalid optimize value");
  if (!dontInherit) flags |= inheritedFlags();
  const onlyAst = (flags & PyCF_ONLY_AST) != 0;
  const mode = modeNumber(<usize>modeArg);
  if (mode == MODE_FUNC_TYPE && !onlyAst) return <u64>raiseMsg(EXC_ValueError, "compile() mode 'func_type' requires flag PyCF_ONLY_AST");
  if (mode < 0) {
    return <u64>raiseMsg(EXC_ValueError, onlyAst ? "compile() mode must be 'exec', 'eval', 'single' or 'func_type'" : "compile() mode must be 'exec', 'eval' or 'single'");
  }
  // Decision: there is no ast module in this VM, so no AST objects to return.
  if (onlyAst) return <u64>raiseMsg(EXC_NotImplementedError, "compile() with PyCF_ONLY_AST: this VM has no ast module");
  const holder = sourceBytes(source, "compile", "string, bytes or AST");
  if (holder == NULL) return NULL;
  const code = compileBytes(srcPtr, srcLen, <usize>filename, mode, (flags & PyCF_MASK) | srcFlags, optimize);
  decref(holder);
  return code;
}

function modeNumber(s: usize): i32 {
  if (strEqualLiteral(s, "exec")) return MODE_EXEC;
  if (strEqualLiteral(s, "eval")) return MODE_EVAL;
  if (strEqualLiteral(s, "single")) return MODE_SINGLE;
  if (strEqualLiteral(s, "func_type")) return MODE_FUNC_TYPE;
  return -1;
}

/** PyUnicode_FSDecoder for a file name: a str as it is, bytes decoded (new reference). */
function fsPath(v: Value): Value {
  if (isObject(v) && kindOf(<usize>v) == KIND_STR) {
    incref(v);
    return v;
  }
  if (isObject(v) && kindOf(<usize>v) == KIND_BYTES) return <u64>strFromUtf8(bytesData(<usize>v), <usize>bytesLength(<usize>v));
  raiseBegin(EXC_TypeError);
  errText("expected str, bytes or os.PathLike object, not ");
  errTypeName(v);
  return NULL;
}

// ---------------------------------------------------------------------------------------------------
// exec(source, globals=None, locals=None, /, *, closure=None)

// The namespaces exec/eval run in (defaultNamespaces): globals borrowed, locals borrowed or the
// new locals() snapshot also held in nsOwnedLocals (the caller releases it).
let nsGlobals: Value = NULL;
let nsLocals: Value = NULL;
let nsOwnedLocals: Value = NULL;

/**
 * exec's and eval's defaults: no globals → the caller's globals and (no locals) its locals();
 * globals but no locals → locals = globals. False after an error.
 */
function defaultNamespaces(globals: Value, locals: Value): bool {
  nsOwnedLocals = NULL;
  if (globals == NONE) {
    globals = <u64>load<u32>(currentFrame + F_GLOBALS);
    if (locals == NONE) {
      locals = currentLocals();
      if (locals == NULL) return false;
      nsOwnedLocals = locals;
    }
  } else if (locals == NONE) {
    locals = globals;
  }
  nsGlobals = globals;
  nsLocals = locals;
  return true;
}

function builtinExec(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  inLoop = takeEnterFrameAllowed();
  // Only `closure` is a keyword ("'x' is an invalid keyword argument for exec()").
  const nkw = kwCount(kwnames);
  for (let i = 0; i < nkw; i++) {
    const k = <usize>tupleItem(kwnames, i);
    if (strEqualLiteral(k, "closure")) continue;
    raiseBegin(EXC_TypeError);
    errText("'");
    errStrObject(k);
    errText("' is an invalid keyword argument for exec()");
    return NULL;
  }
  if (nargs < 1 || nargs > 3) {
    raiseBegin(EXC_TypeError);
    errText(nargs < 1 ? "exec() takes at least 1 positional argument (" : "exec() takes at most 3 positional arguments (");
    errInt(nargs);
    errText(" given)");
    return NULL;
  }
  const source = arg(args, 0);
  const globals: Value = nargs > 1 ? arg(args, 1) : NONE;
  const locals: Value = nargs > 2 ? arg(args, 2) : NONE;
  let closure = kwArg(args, nargs, kwnames, "closure");
  if (closure == NONE) closure = NULL;
  if (!defaultNamespaces(globals, locals)) return NULL;
  const ownedLocals = nsOwnedLocals;
  const r = execIn(source, nsGlobals, nsLocals, closure, true);
  if (ownedLocals != NULL) decref(ownedLocals);
  if (r == NULL || r == ENTER_FRAME) return r;
  decref(r);
  return NONE;
}

function execIn(source: Value, globals: Value, locals: Value, closure: Value, resultNone: bool): Value {
  if (!isDict(globals)) {
    raiseBegin(EXC_TypeError);
    errText("exec() globals must be a dict, not ");
    errTypeName(globals);
    return NULL;
  }
  if (!isMappingLike(locals)) {
    raiseBegin(EXC_TypeError);
    errText("locals must be a mapping or None, not ");
    errTypeName(locals);
    return NULL;
  }
  const builtins = builtinsFor(<usize>globals);
  if (builtins == 0) return NULL;
  if (isObject(source) && kindOf(<usize>source) == KIND_CODE) {
    const nfree = changetype<CodeObject>(<usize>source).nfreevars;
    if (nfree == 0) {
      if (closure != NULL) return <u64>raiseMsg(EXC_TypeError, "cannot use a closure with this code object");
    } else if (!closureFits(closure, nfree)) {
      raiseBegin(EXC_TypeError);
      errText("code object requires a closure of exactly length ");
      errInt(nfree);
      return NULL;
    }
    return evalCode(<usize>source, <usize>globals, builtins, <usize>locals, closure, resultNone);
  }
  if (closure != NULL) return <u64>raiseMsg(EXC_TypeError, "closure can only be used when source is a code object");
  const holder = sourceBytes(source, "exec", "string, bytes or code");
  if (holder == NULL) return NULL;
  const code = compileBytes(srcPtr, srcLen, N_STRING_FILE, MODE_EXEC, inheritedFlags() | srcFlags, -1);
  decref(holder);
  if (code == NULL) return NULL;
  const r = evalCode(<usize>code, <usize>globals, builtins, <usize>locals, NULL, resultNone);
  decref(code);
  return r;
}

function closureFits(closure: Value, nfree: i32): bool {
  // PyTuple_CheckExact
  if (closure == NULL || !isObject(closure) || typeOf(closure) != typeObject(KIND_TUPLE)) return false;
  if (<i32>tupleSize(<usize>closure) != nfree) return false;
  for (let i = 0; i < nfree; i++) {
    const c = tupleItem(<usize>closure, i);
    if (!isObject(c) || kindOf(<usize>c) != KIND_CELL) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------------
// eval(source, globals=None, locals=None, /)

function builtinEval(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  inLoop = takeEnterFrameAllowed();
  if (!noKeywords("eval", kwnames) || !checkArgCount("eval", nargs, 1, 3)) return NULL;
  const source = arg(args, 0);
  const globals: Value = nargs > 1 ? arg(args, 1) : NONE;
  const locals: Value = nargs > 2 ? arg(args, 2) : NONE;
  if (locals != NONE && !isMappingLike(locals)) return <u64>raiseMsg(EXC_TypeError, "locals must be a mapping");
  if (globals != NONE && !isDict(globals)) {
    return <u64>raiseMsg(EXC_TypeError, isMappingLike(globals) ? "globals must be a real dict; try eval(expr, {}, mapping)" : "globals must be a dict");
  }
  if (!defaultNamespaces(globals, locals)) return NULL;
  const ownedLocals = nsOwnedLocals;
  const r = evalIn(source, <usize>nsGlobals, nsLocals);
  if (ownedLocals != NULL) decref(ownedLocals);
  return r;
}

function evalIn(source: Value, globals: usize, locals: Value): Value {
  const builtins = builtinsFor(globals);
  if (builtins == 0) return NULL;
  if (isObject(source) && kindOf(<usize>source) == KIND_CODE) {
    if (changetype<CodeObject>(<usize>source).nfreevars > 0) return <u64>raiseMsg(EXC_TypeError, "code object passed to eval() may not contain free variables");
    return evalCode(<usize>source, globals, builtins, <usize>locals, NULL, false);
  }
  const holder = sourceBytes(source, "eval", "string, bytes or code");
  if (holder == NULL) return NULL;
  // eval() skips leading spaces and tabs (not newlines), so "  1 + 1" is an expression.
  let p = srcPtr;
  const end = srcPtr + srcLen;
  while (p < end && (load<u8>(p) == 0x20 || load<u8>(p) == 0x09)) p++;
  const code = compileBytes(p, end - p, N_STRING_FILE, MODE_EVAL, inheritedFlags() | srcFlags, -1);
  decref(holder);
  if (code == NULL) return NULL;
  const r = evalCode(<usize>code, globals, builtins, <usize>locals, NULL, false);
  decref(code);
  return r;
}

// ---------------------------------------------------------------------------------------------------
// Running a code object

/** PyDict_Check (subclasses included: their instances have the dict layout). */
function isDict(v: Value): bool {
  return isObject(v) && kindOf(<usize>v) == KIND_DICT;
}

/** PyMapping_Check: a dict, or any object whose type has __getitem__. */
function isMappingLike(v: Value): bool {
  if (isDict(v)) return true;
  return typeLookup(typeOf(v), N_GETITEM) != NULL;
}

/**
 * The builtins for code run with `globals` (borrowed dict, 0 on error): globals["__builtins__"] —
 * set to the running frame's builtins when missing, as exec and eval do — a module's dict or a
 * dict as it is. Decision: any other value gives the running frame's builtins (CPython would look
 * names up in it with [], which our LOAD_GLOBAL does not do).
 */
function builtinsFor(globals: usize): usize {
  const current = <usize>load<u32>(currentFrame + F_BUILTINS);
  let b = dictGetItem(globals, <u64>N_BUILTINS);
  if (b == NULL) {
    if (errorType() != 0) return 0;
    if (dictSetItem(globals, <u64>N_BUILTINS, <u64>current) < 0) return 0;
    return current;
  }
  if (isObject(b) && kindOf(<usize>b) == KIND_MODULE) b = <u64>load<u32>(<usize>b + 8);
  return isDict(b) ? <usize>b : current;
}

/**
 * PyEval_EvalCodeEx for code from exec/eval: module-like code runs in a frame with `locals`;
 * code that takes parameters, has free variables or makes a generator is called through a
 * function made for it (its argument errors and generator object are then CPython's).
 */
function evalCode(code: usize, globals: usize, builtins: usize, locals: usize, closure: Value, resultNone: bool): Value {
  const c = changetype<CodeObject>(code);
  const functionLike =
    c.argcount + c.kwonlyargcount > 0 || (c.flags & (CO_VARARGS | CO_VARKEYWORDS | CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) != 0;
  let func: usize = 0;
  if (closure != NULL || functionLike) {
    let module = dictGetItem(globals, <u64>N_NAME);
    if (module == NULL) module = NONE;
    func = functionNew(code, globals, builtins, <usize>c.qualname, <usize>c.name, module);
    if (func == 0) return NULL;
    if (closure != NULL) {
      incref(closure);
      store<u32>(func + FN_CLOSURE, <u32>closure);
    }
  }
  let r: Value;
  if (functionLike) {
    r = callFunction(func, 0, 0, 0);
  } else if (inLoop) {
    // Called by CALL: the frame runs in the eval loop (it holds its own references).
    inLoop = false;
    const f = frameNew(code, func, globals, builtins, locals);
    if (f == 0) r = NULL;
    else {
      if (resultNone) store<u32>(f + F_FLAGS, load<u32>(f + F_FLAGS) | FRAME_RESULT_NONE);
      r = setEnterFrame(f);
    }
  } else {
    r = runCode(code, func, globals, builtins, locals);
  }
  if (func != 0) decref(<u64>func);
  return r;
}
