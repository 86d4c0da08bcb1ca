/**
 * Methods and fields of the builtin exception classes beyond the common layout (exceptions.ts):
 * BaseException.__init__/__new__/__str__/__repr__/with_traceback/add_note, construction with
 * CPython's __new__ + __init__ semantics (excConstruct), NameError.name / AttributeError.name+obj
 * (set by the VM for suggestions), and the OSError family (errno, strerror, filename, filename2,
 * characters_written, "[Errno N] msg: 'file'", OSError(errno, ...) picking its subclass as
 * CPython does on Linux). Exception groups are in exc-groups.ts.
 *
 * Fields that only some classes have live in the "ext" tuple at offset 36 (EX_EXT, owned, 0 when
 * never set; its items are NULL while unset, CPython's NULL members):
 *   AttributeError      [ obj ]                    (name is in `extra`, as NameError's)
 *   OSError             [ errno, strerror, filename, filename2, characters_written ]
 *   BaseExceptionGroup  [ message, exceptions (tuple) ]
 *   UnicodeError's subclasses [ encoding, object, start, end, reason ]
 *   ImportError         [ msg, path ]             (name is in `extra`)
 *   SyntaxError         [ msg, filename, lineno, offset, text, end_lineno, end_offset, print_file_and_line ]
 * They are exposed as properties on the class (data descriptors, so they win over __dict__).
 */
import { Value, NULL, NONE, TRUE, FALSE, isObject, isSmallInt, makeSmallInt } from "./values";
import {
  kindOf,
  typeOf,
  typeName,
  raiseBegin,
  raiseMsg,
  errText,
  errTypeName,
  errStrObject,
  errorType,
  errorObject,
  ERR_OBJECT,
  KIND_STR,
  KIND_LIST,
  KIND_TYPE,
  KIND_METHOD_DESCR,
  KIND_STATICMETHOD,
  KIND_INT,
  KIND_FLOAT,
  KIND_BYTES,
  KIND_BYTEARRAY,
  KIND_EXCEPTION,
  typeObject,
  errInt,
  EXC_TypeError,
  EXC_AttributeError,
} from "./types";
import { incref, decref } from "./refcount";
import { tupleAlloc, tupleSetItem, tupleSize, tupleItem, EMPTY_TUPLE } from "./tuple";
import { addMethod, arg, checkArgCount, kwCount, METHOD_STATIC } from "./native";
import { excType, excNew, EX_ARGS, EX_TRACEBACK, EX_NOTES, EX_EXTRA, setStopIterationValue } from "./exceptions";
import {
  EXC_BaseException,
  EXC_StopIteration,
  EXC_SystemExit,
  EXC_NameError,
  EXC_OSError,
  EXC_BlockingIOError,
  EXC_ChildProcessError,
  EXC_FileExistsError,
  EXC_FileNotFoundError,
  EXC_InterruptedError,
  EXC_IsADirectoryError,
  EXC_NotADirectoryError,
  EXC_PermissionError,
  EXC_ProcessLookupError,
  EXC_TimeoutError,
  EXC_BrokenPipeError,
  EXC_ConnectionAbortedError,
  EXC_ConnectionRefusedError,
  EXC_ConnectionResetError,
  EXC_BaseExceptionGroup,
  EXC_UnicodeError,
  EXC_UnicodeEncodeError,
  EXC_UnicodeDecodeError,
  EXC_UnicodeTranslateError,
  EXC_SyntaxError,
  EXC_ImportError,
} from "./exceptions.generated";
import { exceptionStr, builtinRepr } from "./reprs";
import { listNew, listAppend } from "./list";
import { isSubtype, typeLookup, typeDict } from "./typeobj";
import { strEqualLiteral, strLength, strCodePoint } from "./str";
import { sbNew, sbAppendStr, sbAppendAscii, sbAppendInt, sbAppendSlice, sbAppendCodePoint, sbFinish, sbDiscard } from "./str-ops";
import { objStr, objRepr } from "./ops";
import { N_INIT, N_NEW, strLiteral } from "./names";
import { builtinNew, propertyNew } from "./function";
import { dictSetItem } from "./dict";
import { IMMORTAL_REFCNT } from "./object";
import { NativeFn } from "./native";
import { egNew, registerExceptionGroupMethods, isExceptionGroup, egStr } from "./exc-groups";
import { tupleFromIterable } from "./tuple-methods";
import { bytesFromValue } from "./bytes-ops";
import { bytesLength, bytesData } from "./bytes";
import { alloc, free } from "./heap";
import { strFromLatin1 } from "./str";
import { raiseObject, raiseMemory, errorClear } from "./types";

/** Offset of the ext tuple (see the file comment). */
export const EX_EXT: usize = 36;
const EXT_MAX: usize = 8;

// ---------------------------------------------------------------------------------------------------
// The ext tuple

/** Item i of e's ext tuple (borrowed), or NULL when unset. */
export function extGet(e: usize, i: usize): Value {
  const t = <usize>load<u32>(e + EX_EXT);
  if (t == 0 || <usize>tupleSize(t) <= i) return NULL;
  return tupleItem(t, i);
}

/** Sets item i of e's ext tuple to v (a new reference is taken; NULL unsets). False: MemoryError. */
export function extSet(e: usize, i: usize, v: Value): bool {
  let t = <usize>load<u32>(e + EX_EXT);
  if (t == 0 || <usize>tupleSize(t) <= i) {
    // Made (or grown) to the largest size any class uses; unset items are NULL.
    const nt = tupleAlloc(EXT_MAX);
    if (nt == 0) return false;
    for (let k: usize = 0; k < EXT_MAX; k++) tupleSetItem(nt, k, NULL);
    if (t != 0) {
      const n = <usize>tupleSize(t);
      for (let k: usize = 0; k < n; k++) {
        const x = tupleItem(t, k);
        incref(x);
        tupleSetItem(nt, k, x);
      }
      decref(<u64>t);
    }
    store<u32>(e + EX_EXT, <u32>nt);
    t = nt;
  }
  incref(v);
  const old = tupleItem(t, i);
  tupleSetItem(t, i, v);
  decref(old);
  return true;
}

function isExc(e: usize, id: i32): bool {
  return isSubtype(typeOf(<u64>e), excType(id));
}

// ---------------------------------------------------------------------------------------------------
// NameError.name, AttributeError.name / .obj

// The context of the pending id + message error: NameError's name, AttributeError's name and
// object. types.ts drops it with the error (dropErrorContext); fetchException puts it on the
// exception object it builds (excAttachContext).
let ctxName: Value = 0;
let ctxObj: Value = 0;

/** Records (name, obj) with the pending error (new references taken; either may be NULL). */
export function errSetContext(name: Value, obj: Value): void {
  incref(name);
  incref(obj);
  dropErrorContext();
  ctxName = name;
  ctxObj = obj;
}

/** The recorded name of the pending error (borrowed), or 0. */
export function errorContextName(): Value {
  return ctxName;
}

/** Hands the recorded name over to the caller (who now owns it). */
export function errorTakeContextName(): Value {
  const v = ctxName;
  ctxName = 0;
  return v;
}

/** Hands the recorded object over to the caller (who now owns it). */
export function errorTakeContextObj(): Value {
  const v = ctxObj;
  ctxObj = 0;
  return v;
}

/** Releases the recorded context (a new error starts, or the error is cleared). */
export function dropErrorContext(): void {
  if (ctxName != 0 || ctxObj != 0) {
    const a = ctxName;
    const b = ctxObj;
    ctxName = 0;
    ctxObj = 0;
    decref(a);
    decref(b);
  }
}

/** AttributeError.obj (borrowed), NULL when unset. */
export function attributeErrorObj(e: usize): Value {
  return extGet(e, 0);
}

/**
 * Gives an exception built from a pending id + message error the context the VM recorded with it
 * (types.ts errSetContext): NameError.name, AttributeError.name and .obj. References taken over.
 */
export function excAttachContext(e: usize, name: Value, obj: Value): void {
  if (e != 0 && isObject(<u64>e)) {
    if (isExc(e, EXC_NameError) || isExc(e, EXC_AttributeError)) {
      if (name != NULL) {
        incref(name);
        const old = load<u64>(e + EX_EXTRA);
        store<u64>(e + EX_EXTRA, name);
        decref(old);
      }
      if (obj != NULL && isExc(e, EXC_AttributeError)) extSet(e, 0, obj);
    }
  }
  decref(name);
  decref(obj);
}

/**
 * Called when getattr(v, name) failed: an AttributeError without a name and object gets these
 * (PyObject_GetAttr's set_attribute_error_context), for "Did you mean" and e.name / e.obj.
 */
export function noteAttributeError(v: Value, name: usize): void {
  const t = errorType();
  if (t == EXC_AttributeError) {
    if (errorContextName() == NULL) errSetContext(<u64>name, v);
    return;
  }
  if (t != ERR_OBJECT) return;
  const e = errorObject();
  if (!isObject(e) || !isExc(<usize>e, EXC_AttributeError)) return;
  const p = <usize>e;
  if (load<u64>(p + EX_EXTRA) != NONE || extGet(p, 0) != NULL) return;
  incref(<u64>name);
  store<u64>(p + EX_EXTRA, <u64>name);
  extSet(p, 0, v);
}

// ---------------------------------------------------------------------------------------------------
// Construction: __new__ and the builtin __init__

/** excConstruct modes. */
export const EXC_CALL_BUILTIN: i32 = 0; // calling a builtin class: __new__ then its __init__
export const EXC_CALL_HEAP: i32 = 1; // calling a class statement's class: the builtin __init__ runs unless it defines one
export const EXC_NEW_ONLY: i32 = 2; // BaseException.__new__(cls, ...)

function hasUserInit(t: usize): bool {
  const d = typeLookup(t, N_INIT);
  return d != NULL && !(isObject(d) && kindOf(<usize>d) == KIND_METHOD_DESCR);
}

function hasUserNew(t: usize): bool {
  const d = typeLookup(t, N_NEW);
  return d != NULL && isObject(d) && kindOf(<usize>d) != KIND_METHOD_DESCR && kindOf(<usize>d) != KIND_TYPE;
}

function argsTuple(args: usize, nargs: i32): usize {
  if (nargs == 0) return EMPTY_TUPLE;
  const t = tupleAlloc(<usize>nargs);
  if (t == 0) return 0;
  for (let i = 0; i < nargs; i++) {
    const v = arg(args, i);
    incref(v);
    tupleSetItem(t, <usize>i, v);
  }
  return t;
}

/**
 * Calling exception class `t` (positional args at `args`, then keyword values named by kwnames):
 * a new exception (new reference) or NULL. Replaces construct.ts's exceptionNew.
 */
export function excConstruct(t: usize, args: usize, nargs: i32, kwnames: usize, mode: i32): Value {
  let e: usize;
  if (isSubtype(t, excType(EXC_BaseExceptionGroup))) {
    e = egNew(t, args, nargs);
  } else {
    const tuple = argsTuple(args, nargs);
    if (tuple == 0) return NULL;
    e = excNew(t, tuple);
  }
  if (e == 0) return NULL;
  if (isSubtype(t, excType(EXC_OSError)) && !osUseInit(t)) {
    if (!osErrorParse(e, t == excType(EXC_OSError))) {
      decref(<u64>e);
      return NULL;
    }
  }
  setValueOrCode(e);
  // The builtin __init__: keyword arguments (name=, obj=) or "takes no keyword arguments".
  if (mode == EXC_CALL_BUILTIN || (mode == EXC_CALL_HEAP && !hasUserInit(t))) {
    // OSError checks in __new__, before picking the subclass: its message names the class called.
    const named = isSubtype(t, excType(EXC_OSError)) ? t : typeOf(<u64>e);
    if (!builtinInitKeywords(e, args, nargs, kwnames, named) || !parseInitArgs(e)) {
      decref(<u64>e);
      return NULL;
    }
  }
  return <u64>e;
}

/** The keyword part of the builtin __init__s. */
function builtinInitKeywords(e: usize, args: usize, nargs: i32, kwnames: usize, named: usize): bool {
  const nkw = kwCount(kwnames);
  const isAttr = isExc(e, EXC_AttributeError);
  const isName = isExc(e, EXC_NameError);
  const isImport = isExc(e, EXC_ImportError);
  if (isImport) {
    // ImportError(*args, name=None, path=None); msg is the only argument, if one.
    const args0 = <usize>load<u32>(e + EX_ARGS);
    if (!extSet(e, I_MSG, tupleSize(args0) == 1 ? tupleItem(args0, 0) : NULL)) return false;
  }
  if (!isAttr && !isName && !isImport) {
    if (nkw == 0) return true;
    raiseBegin(EXC_TypeError);
    errStrObject(typeName(named));
    errText("() takes no keyword arguments");
    return false;
  }
  for (let i = 0; i < nkw; i++) {
    const k = <usize>tupleItem(kwnames, i);
    const v = arg(args, nargs + i);
    if (strEqualLiteral(k, "name")) {
      incref(v);
      const old = load<u64>(e + EX_EXTRA);
      store<u64>(e + EX_EXTRA, v);
      decref(old);
    } else if (isAttr && strEqualLiteral(k, "obj")) {
      if (!extSet(e, 0, v)) return false;
    } else if (isImport && strEqualLiteral(k, "path")) {
      if (!extSet(e, I_PATH, v)) return false;
    } else {
      raiseBegin(EXC_TypeError);
      errText("'");
      errStrObject(k);
      errText(isAttr ? "' is an invalid keyword argument for AttributeError()" : isImport ? "' is an invalid keyword argument for ImportError()" : "' is an invalid keyword argument for NameError()");
      return false;
    }
  }
  return true;
}

/** The argument parsing of UnicodeError's subclasses' and SyntaxError's __init__ (from e.args). */
function parseInitArgs(e: usize): bool {
  const t = typeOf(<u64>e);
  if (isSubtype(t, excType(EXC_UnicodeEncodeError))) return unicodeParse(e, 0);
  if (isSubtype(t, excType(EXC_UnicodeDecodeError))) return unicodeParse(e, 1);
  if (isSubtype(t, excType(EXC_UnicodeTranslateError))) return unicodeParse(e, 2);
  if (isSubtype(t, excType(EXC_SyntaxError))) return syntaxParse(e);
  return true;
}

/** BaseException.__new__(cls, *args): an instance with args, nothing else initialized. */
function excNewMethod(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (nargs < 1) {
    raiseMsg(EXC_TypeError, "BaseException.__new__(): not enough arguments");
    return NULL;
  }
  const cls = arg(args, 0);
  if (!isObject(cls) || kindOf(<usize>cls) != KIND_TYPE || !isSubtype(<usize>cls, excType(EXC_BaseException))) {
    raiseBegin(EXC_TypeError);
    errText("BaseException.__new__(X): X is not a type object (");
    errTypeName(cls);
    errText(")");
    return NULL;
  }
  return excConstruct(<usize>cls, args + 8, nargs - 1, kwnames, EXC_NEW_ONLY);
}

// ---------------------------------------------------------------------------------------------------
// BaseException methods

function setArgs(p: usize, args: usize, nargs: i32): bool {
  const t = argsTuple(args, nargs);
  if (t == 0) return false;
  const old = <u64>load<u32>(p + EX_ARGS);
  store<u32>(p + EX_ARGS, <u32>t);
  decref(old);
  return true;
}

function excInit(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!initPositional(self, args, nargs, kwnames)) return NULL;
  setValueOrCode(<usize>self);
  return NONE;
}

/** An __init__ without keyword parameters: self.args from the positional arguments; false after raising. */
function initPositional(self: Value, args: usize, nargs: i32, kwnames: usize): bool {
  if (kwCount(kwnames) > 0) {
    raiseBegin(EXC_TypeError);
    errStrObject(typeName(typeOf(self)));
    errText("() takes no keyword arguments");
    return false;
  }
  return setArgs(<usize>self, args, nargs);
}

/** StopIteration.value (the first argument) and SystemExit.code (None, the argument, or all of them). */
function setValueOrCode(e: usize): void {
  const t = typeOf(<u64>e);
  if (isSubtype(t, excType(EXC_StopIteration))) {
    setStopIterationValue(e);
  } else if (isSubtype(t, excType(EXC_SystemExit))) {
    const args = <usize>load<u32>(e + EX_ARGS);
    const n = tupleSize(args);
    const v: Value = n == 0 ? NONE : n == 1 ? tupleItem(args, 0) : <u64>args;
    incref(v);
    const old = load<u64>(e + EX_EXTRA);
    store<u64>(e + EX_EXTRA, v);
    decref(old);
  }
}

/** AttributeError.__init__(*args, name=None, obj=None) / NameError.__init__(*args, name=None). */
function nameInit(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  const p = <usize>self;
  if (!setArgs(p, args, nargs)) return NULL;
  // CPython sets the members from the keywords, clearing the ones not given.
  const old = load<u64>(p + EX_EXTRA);
  store<u64>(p + EX_EXTRA, NONE);
  decref(old);
  if (isExc(p, EXC_AttributeError)) extSet(p, 0, NULL);
  if (isExc(p, EXC_ImportError)) extSet(p, I_PATH, NULL);
  return builtinInitKeywords(p, args, nargs, kwnames, typeOf(self)) ? NONE : NULL;
}

/** UnicodeEncodeError/DecodeError/TranslateError.__init__ and SyntaxError.__init__. */
function parsingInit(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (excInit(self, args, nargs, kwnames) == NULL) return NULL;
  return parseInitArgs(<usize>self) ? NONE : NULL;
}

function excStrMethod(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  const s = exceptionStr(<usize>self);
  return s == 0 ? NULL : <u64>s;
}

function excReprMethod(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  const s = builtinRepr(self);
  return s == 0 ? NULL : <u64>s;
}

function withTraceback(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!checkArgCount("with_traceback", nargs, 1, 1)) return NULL;
  const tb = arg(args, 0);
  const p = <usize>self;
  const old = <u64>load<u32>(p + EX_TRACEBACK);
  if (tb == NONE) store<u32>(p + EX_TRACEBACK, 0);
  else {
    incref(tb);
    store<u32>(p + EX_TRACEBACK, <u32>tb);
  }
  decref(old);
  incref(self);
  return self;
}

function addNote(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!checkArgCount("add_note", nargs, 1, 1)) return NULL;
  const note = arg(args, 0);
  if (!isObject(note) || kindOf(<usize>note) != KIND_STR) {
    raiseBegin(EXC_TypeError);
    errText("note must be a str, not '");
    errTypeName(note);
    errText("'");
    return NULL;
  }
  const p = <usize>self;
  let notes = <usize>load<u32>(p + EX_NOTES);
  if (notes == 0) {
    notes = listNew(0);
    if (notes == 0) return NULL;
    store<u32>(p + EX_NOTES, <u32>notes);
  }
  if (kindOf(notes) != KIND_LIST) {
    raiseBegin(EXC_TypeError);
    errText("Cannot add note: __notes__ is not a list");
    return NULL;
  }
  if (listAppend(notes, note) < 0) return NULL;
  return NONE;
}

/**
 * str(e) for the builtin __str__ of any exception (reprs.ts builtinStr): OSError's and exception
 * groups' own forms, else BaseException's.
 */
export function excStrDispatch(p: usize): usize {
  const t = typeOf(<u64>p);
  if (isSubtype(t, excType(EXC_OSError))) return osErrorStr(p);
  if (isSubtype(t, excType(EXC_UnicodeError))) return unicodeStr(p);
  if (isSubtype(t, excType(EXC_SyntaxError))) return syntaxStr(p);
  if (isSubtype(t, excType(EXC_ImportError))) {
    const msg = extGet(p, I_MSG);
    if (msg != NULL && isObject(msg) && typeOf(msg) == typeObject(KIND_STR)) {
      incref(msg);
      return <usize>msg;
    }
  }
  if (isExceptionGroup(<u64>p)) return egStr(p);
  return exceptionStr(p);
}

// ---------------------------------------------------------------------------------------------------
// OSError

const OS_ERRNO: usize = 0;
const OS_STRERROR: usize = 1;
const OS_FILENAME: usize = 2;
const OS_FILENAME2: usize = 3;
const OS_WRITTEN: usize = 4;

/** The subclass OSError(errno, ...) makes on Linux (CPython's errnomap), or 0. */
function osSubclassFor(errno: i64): i32 {
  switch (<i32>errno) {
    case 1: // EPERM
    case 13: // EACCES
      return EXC_PermissionError;
    case 2: // ENOENT
      return EXC_FileNotFoundError;
    case 3: // ESRCH
      return EXC_ProcessLookupError;
    case 4: // EINTR
      return EXC_InterruptedError;
    case 10: // ECHILD
      return EXC_ChildProcessError;
    case 11: // EAGAIN, EWOULDBLOCK
    case 114: // EALREADY
    case 115: // EINPROGRESS
      return EXC_BlockingIOError;
    case 17: // EEXIST
      return EXC_FileExistsError;
    case 20: // ENOTDIR
      return EXC_NotADirectoryError;
    case 21: // EISDIR
      return EXC_IsADirectoryError;
    case 32: // EPIPE
    case 108: // ESHUTDOWN
      return EXC_BrokenPipeError;
    case 103: // ECONNABORTED
      return EXC_ConnectionAbortedError;
    case 104: // ECONNRESET
      return EXC_ConnectionResetError;
    case 110: // ETIMEDOUT
      return EXC_TimeoutError;
    case 111: // ECONNREFUSED
      return EXC_ConnectionRefusedError;
  }
  return 0;
}

/** CPython's oserror_use_init: a subclass with its own __init__ (and not __new__) parses there. */
function osUseInit(t: usize): bool {
  return hasUserInit(t) && !hasUserNew(t);
}

/**
 * Reads errno/strerror/filename/filename2 from e's args (2 to 5 of them), as OSError.__new__ or
 * __init__ does; `mapType`: an exact OSError becomes the subclass its errno names.
 */
function osErrorParse(e: usize, mapType: bool): bool {
  const args = <usize>load<u32>(e + EX_ARGS);
  const n = <usize>tupleSize(args);
  for (let i: usize = 0; i < 5; i++) extSet(e, i, NULL);
  if (n < 2 || n > 5) return true;
  const errno = tupleItem(args, 0);
  if (mapType) {
    let code: i64 = -1;
    if (isSmallInt(errno)) code = <i64>(<i64>errno >> 1);
    else if (errno == TRUE) code = 1;
    else if (errno == FALSE) code = 0;
    if (code > 0 && code < 200) {
      const id = osSubclassFor(code);
      if (id != 0) store<u32>(e + 4, <u32>excType(id)); // builtin types are static: no counts to move
    }
  }
  if (!extSet(e, OS_ERRNO, errno) || !extSet(e, OS_STRERROR, tupleItem(args, 1))) return false;
  const filename = n >= 3 ? tupleItem(args, 2) : NULL;
  if (filename != NULL && filename != NONE) {
    if (typeOf(<u64>e) == excType(EXC_BlockingIOError) && isNumber(filename)) {
      // BlockingIOError's third argument is the number of characters written.
      if (!isSmallInt(filename) && filename != TRUE && filename != FALSE) {
        raiseBegin(EXC_TypeError);
        errText("'");
        errTypeName(filename);
        errText("' object cannot be interpreted as an integer");
        return false;
      }
      return extSet(e, OS_WRITTEN, filename == TRUE ? makeSmallInt(1) : filename == FALSE ? makeSmallInt(0) : filename);
    }
    if (!extSet(e, OS_FILENAME, filename)) return false;
    if (n == 5) {
      const f2 = tupleItem(args, 4);
      if (f2 != NONE && !extSet(e, OS_FILENAME2, f2)) return false;
    }
    // The filenames (and winerror) are dropped from args.
    const two = tupleAlloc(2);
    if (two == 0) return false;
    for (let i: usize = 0; i < 2; i++) {
      const v = tupleItem(args, i);
      incref(v);
      tupleSetItem(two, i, v);
    }
    store<u32>(e + EX_ARGS, <u32>two);
    decref(<u64>args);
  }
  return true;
}

function isNumber(v: Value): bool {
  if (isSmallInt(v) || v == TRUE || v == FALSE) return true;
  if (!isObject(v)) return false;
  const k = kindOf(<usize>v);
  return k == KIND_INT || k == KIND_FLOAT;
}

/** OSError.__init__: parses here only for subclasses that define __init__ (and not __new__). */
function osErrorInit(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!osUseInit(typeOf(self))) return NONE;
  if (!initPositional(self, args, nargs, kwnames)) return NULL;
  return osErrorParse(<usize>self, false) ? NONE : NULL;
}

/** str(OSError): "[Errno N] msg", with ": 'file'" and " -> 'file2'" when set; else BaseException's. */
function osErrorStr(p: usize): usize {
  const errno = extGet(p, OS_ERRNO);
  const strerror = extGet(p, OS_STRERROR);
  const filename = extGet(p, OS_FILENAME);
  const filename2 = extGet(p, OS_FILENAME2);
  if (filename == NULL && (errno == NULL || strerror == NULL)) return exceptionStr(p);
  const sb = sbNew(32);
  if (sb == 0) return 0;
  sbAppendAscii(sb, "[Errno ");
  if (!appendObj(sb, errno == NULL ? NONE : errno, false)) return 0;
  sbAppendAscii(sb, "] ");
  if (!appendObj(sb, strerror == NULL ? NONE : strerror, false)) return 0;
  if (filename != NULL) {
    sbAppendAscii(sb, ": ");
    if (!appendObj(sb, filename, true)) return 0;
    if (filename2 != NULL) {
      sbAppendAscii(sb, " -> ");
      if (!appendObj(sb, filename2, true)) return 0;
    }
  }
  return sbFinish(sb);
}

/** Appends str(v) or repr(v); on error discards the builder. */
function appendObj(sb: usize, v: Value, useRepr: bool): bool {
  const s = useRepr ? objRepr(v) : objStr(v);
  if (s == 0) {
    sbDiscard(sb);
    return false;
  }
  sbAppendStr(sb, s);
  decref(<u64>s);
  return true;
}

// ---------------------------------------------------------------------------------------------------
// Member properties (CPython's T_OBJECT members: read None while unset)

function memberGet(obj: Value, i: usize): Value {
  if (!isObject(obj) || kindOf(<usize>obj) != KIND_EXCEPTION) {
    raiseMsg(EXC_TypeError, "descriptor requires an exception object");
    return NULL;
  }
  const v = extGet(<usize>obj, i);
  if (v == NULL) return NONE;
  incref(v);
  return v;
}

function memberSet(args: usize, nargs: i32, i: usize): Value {
  const obj = arg(args, 0);
  if (!isObject(obj) || kindOf(<usize>obj) != KIND_EXCEPTION) {
    raiseMsg(EXC_TypeError, "descriptor requires an exception object");
    return NULL;
  }
  // A deleter call has no value: the member reads None again.
  return extSet(<usize>obj, i, nargs > 1 ? arg(args, 1) : NULL) ? NONE : NULL;
}

// One getter/setter pair per slot number, shared by every exception type's members (a native
// function has no room for the slot number; the property's builtins carry the member's name).
function slotGet0(s: Value, a: usize, n: i32, k: usize): Value { return memberGet(arg(a, 0), 0); }
function slotGet1(s: Value, a: usize, n: i32, k: usize): Value { return memberGet(arg(a, 0), 1); }
function slotGet2(s: Value, a: usize, n: i32, k: usize): Value { return memberGet(arg(a, 0), 2); }
function slotGet3(s: Value, a: usize, n: i32, k: usize): Value { return memberGet(arg(a, 0), 3); }
function slotGet4(s: Value, a: usize, n: i32, k: usize): Value { return memberGet(arg(a, 0), 4); }
function slotGet5(s: Value, a: usize, n: i32, k: usize): Value { return memberGet(arg(a, 0), 5); }
function slotGet6(s: Value, a: usize, n: i32, k: usize): Value { return memberGet(arg(a, 0), 6); }
function slotGet7(s: Value, a: usize, n: i32, k: usize): Value { return memberGet(arg(a, 0), 7); }
function slotSet0(s: Value, a: usize, n: i32, k: usize): Value { return memberSet(a, n, 0); }
function slotSet1(s: Value, a: usize, n: i32, k: usize): Value { return memberSet(a, n, 1); }
function slotSet2(s: Value, a: usize, n: i32, k: usize): Value { return memberSet(a, n, 2); }
function slotSet3(s: Value, a: usize, n: i32, k: usize): Value { return memberSet(a, n, 3); }
function slotSet4(s: Value, a: usize, n: i32, k: usize): Value { return memberSet(a, n, 4); }
function slotSet5(s: Value, a: usize, n: i32, k: usize): Value { return memberSet(a, n, 5); }
function slotSet6(s: Value, a: usize, n: i32, k: usize): Value { return memberSet(a, n, 6); }
function slotSet7(s: Value, a: usize, n: i32, k: usize): Value { return memberSet(a, n, 7); }

/** The getter of extension slot i (< 8). */
function slotGetter(i: usize): NativeFn {
  switch (i) {
    case 0: return slotGet0;
    case 1: return slotGet1;
    case 2: return slotGet2;
    case 3: return slotGet3;
    case 4: return slotGet4;
    case 5: return slotGet5;
    case 6: return slotGet6;
  }
  return slotGet7;
}

/** The setter (and deleter) of extension slot i (< 8). */
function slotSetter(i: usize): NativeFn {
  switch (i) {
    case 0: return slotSet0;
    case 1: return slotSet1;
    case 2: return slotSet2;
    case 3: return slotSet3;
    case 4: return slotSet4;
    case 5: return slotSet5;
    case 6: return slotSet6;
  }
  return slotSet7;
}

/** A member `name` of t's instances kept in extension slot i (< 8), reading None while unset. */
function addSlotMember(t: usize, name: string, i: usize): void {
  addMember(t, name, slotGetter(i), slotSetter(i));
}

function getWritten(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  const obj = arg(args, 0);
  const v = isObject(obj) ? extGet(<usize>obj, OS_WRITTEN) : NULL;
  if (v == NULL) {
    raiseMsg(EXC_AttributeError, "characters_written");
    return NULL;
  }
  incref(v);
  return v;
}
function setWritten(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (nargs < 2) {
    const obj = arg(args, 0);
    if (extGet(<usize>obj, OS_WRITTEN) == NULL) {
      raiseMsg(EXC_AttributeError, "characters_written");
      return NULL;
    }
    return extSet(<usize>obj, OS_WRITTEN, NULL) ? NONE : NULL;
  }
  const v = arg(args, 1);
  if (!isSmallInt(v) && v != TRUE && v != FALSE) {
    raiseBegin(EXC_TypeError);
    errText("'");
    errTypeName(v);
    errText("' object cannot be interpreted as an integer");
    return NULL;
  }
  return extSet(<usize>arg(args, 0), OS_WRITTEN, v == TRUE ? makeSmallInt(1) : v == FALSE ? makeSmallInt(0) : v) ? NONE : NULL;
}

/** Installs a property `name` on type `t` whose getter/setter are native functions. */
export function addMember(t: usize, name: string, get: NativeFn, set: NativeFn): void {
  const n = strLiteral(name);
  const g = builtinNew(get, n, NULL, t);
  const s = builtinNew(set, n, NULL, t);
  if (g == 0 || s == 0) return;
  const p = propertyNew(<u64>g, <u64>s, <u64>s, NONE);
  if (p == 0) return;
  store<u32>(g, IMMORTAL_REFCNT);
  store<u32>(s, IMMORTAL_REFCNT);
  store<u32>(p, IMMORTAL_REFCNT);
  dictSetItem(typeDict(t), <u64>n, <u64>p);
}

// ---------------------------------------------------------------------------------------------------
// UnicodeEncodeError, UnicodeDecodeError, UnicodeTranslateError

const U_ENCODING: usize = 0;
const U_OBJECT: usize = 1;
const U_START: usize = 2;
const U_END: usize = 3;
const U_REASON: usize = 4;

function isStrValue(v: Value): bool {
  return isObject(v) && kindOf(<usize>v) == KIND_STR;
}

function argTypeError(i: i32, what: string, v: Value): bool {
  raiseBegin(EXC_TypeError);
  errText("argument ");
  errInt(i);
  errText(" must be ");
  errText(what);
  errText(", not ");
  errTypeName(v);
  return false;
}

/** An index argument ('n'): a small int or bool, else TypeError as PyNumber_AsSsize_t. */
function indexArg(v: Value): Value {
  if (isSmallInt(v)) return v;
  if (v == TRUE) return makeSmallInt(1);
  if (v == FALSE) return makeSmallInt(0);
  raiseBegin(EXC_TypeError);
  errText("'");
  errTypeName(v);
  errText("' object cannot be interpreted as an integer");
  return NULL;
}

/** kind 0 encode (str, str, n, n, str), 1 decode (str, bytes-like, n, n, str), 2 translate (str, n, n, str). */
function unicodeParse(e: usize, kind: i32): bool {
  const args = <usize>load<u32>(e + EX_ARGS);
  const n = <i32>tupleSize(args);
  const want = kind == 2 ? 4 : 5;
  if (n != want) {
    raiseBegin(EXC_TypeError);
    errText("function takes exactly ");
    errInt(want);
    errText(" arguments (");
    errInt(n);
    errText(" given)");
    return false;
  }
  let i = 0;
  let encoding: Value = NONE;
  if (kind != 2) {
    encoding = tupleItem(args, 0);
    if (!isStrValue(encoding)) return argTypeError(1, "str", encoding);
    i = 1;
  }
  let object = tupleItem(args, <usize>i);
  if (kind == 1) {
    const k = isObject(object) ? kindOf(<usize>object) : 0;
    if (k != KIND_BYTES && k != KIND_BYTEARRAY) {
      raiseBegin(EXC_TypeError);
      errText("a bytes-like object is required, not '");
      errTypeName(object);
      errText("'");
      return false;
    }
  } else if (!isStrValue(object)) {
    return argTypeError(i + 1, "str", object);
  }
  const start = indexArg(tupleItem(args, <usize>(i + 1)));
  if (start == NULL) return false;
  const end = indexArg(tupleItem(args, <usize>(i + 2)));
  if (end == NULL) return false;
  const reason = tupleItem(args, <usize>(i + 3));
  if (!isStrValue(reason)) return argTypeError(i + 4, "str", reason);
  let obj = object;
  let owned = false;
  if (kind == 1 && kindOf(<usize>object) == KIND_BYTEARRAY) {
    // The object attribute is always bytes.
    obj = bytesFromValue(object);
    if (obj == NULL) return false;
    owned = true;
  }
  const ok = (kind == 2 || extSet(e, U_ENCODING, encoding)) && extSet(e, U_OBJECT, obj) && extSet(e, U_START, start) && extSet(e, U_END, end) && extSet(e, U_REASON, reason);
  if (owned) decref(obj);
  return ok;
}

/** An ASCII str object from a literal (run time: may fail with MemoryError, returns 0). */
function asciiStr(lit: string): usize {
  const n = <usize>lit.length;
  const buf = alloc(n + 1);
  if (buf == 0) return 0;
  for (let i: usize = 0; i < n; i++) store<u8>(buf + i, <u8>lit.charCodeAt(<i32>i));
  const s = strFromLatin1(buf, n);
  free(buf, n + 1);
  return s;
}

/**
 * Raises UnicodeEncodeError / UnicodeDecodeError (id) as CPython's codecs do: an exception object
 * with args (encoding, object, start, end, reason) and those attributes, so e.start etc. work.
 * `object` (the str being encoded / the bytes being decoded) is borrowed.
 */
export function raiseUnicodeError(id: i32, encoding: string, object: Value, start: i64, end: i64, reason: string): void {
  // Without the exception types (unit-test entries start no VM) the caller raises the message only.
  if (excType(id) == 0) return;
  const enc = asciiStr(encoding);
  const why = asciiStr(reason);
  const args = enc == 0 || why == 0 ? 0 : tupleAlloc(5);
  if (args == 0) {
    decref(<u64>enc);
    decref(<u64>why);
    raiseMemory();
    return;
  }
  incref(object);
  tupleSetItem(args, 0, <u64>enc);
  tupleSetItem(args, 1, object);
  tupleSetItem(args, 2, makeSmallInt(start));
  tupleSetItem(args, 3, makeSmallInt(end));
  tupleSetItem(args, 4, <u64>why);
  const e = excNew(excType(id), args);
  if (e == 0) return;
  if (!unicodeParse(e, id == EXC_UnicodeDecodeError ? 1 : 0)) {
    decref(<u64>e);
    return;
  }
  raiseObject(<u64>e);
}

/** CPython's UnicodeEncodeError/DecodeError/TranslateError __str__ ("" before __init__ ran). */
function unicodeStr(p: usize): usize {
  const t = typeOf(<u64>p);
  const isEncode = isSubtype(t, excType(EXC_UnicodeEncodeError));
  const isDecode = isSubtype(t, excType(EXC_UnicodeDecodeError));
  const isTranslate = isSubtype(t, excType(EXC_UnicodeTranslateError));
  if (!isEncode && !isDecode && !isTranslate) return exceptionStr(p);
  const object = extGet(p, U_OBJECT);
  // Not initialized (CPython prints ""): the VM's own errors are built from a message, so show it.
  if (object == NULL) return exceptionStr(p);
  const sv = extGet(p, U_START);
  const ev = extGet(p, U_END);
  const start: i64 = isSmallInt(sv) ? <i64>sv >> 1 : 0;
  const end: i64 = isSmallInt(ev) ? <i64>ev >> 1 : 0;
  const sb = sbNew(64);
  if (sb == 0) return 0;
  if (!isTranslate) {
    sbAppendAscii(sb, "'");
    const enc = extGet(p, U_ENCODING);
    if (!appendObj(sb, enc == NULL ? NONE : enc, false)) return 0;
    sbAppendAscii(sb, isEncode ? "' codec can't encode " : "' codec can't decode ");
  } else {
    sbAppendAscii(sb, "can't translate ");
  }
  let size: i64 = 0;
  const ok = isObject(object);
  if (ok) size = isDecode ? (kindOf(<usize>object) == KIND_BYTES ? <i64>bytesLength(<usize>object) : -1) : kindOf(<usize>object) == KIND_STR ? <i64>strLength(<usize>object) : -1;
  if (start >= 0 && start < size && end == start + 1) {
    if (isDecode) {
      sbAppendAscii(sb, "byte 0x");
      appendHex(sb, <u32>load<u8>(bytesData(<usize>object) + <usize>start), 2);
    } else {
      const c = strCodePoint(<usize>object, <usize>start);
      sbAppendAscii(sb, "character '\\");
      if (c <= 0xff) {
        sbAppendAscii(sb, "x");
        appendHex(sb, c, 2);
      } else if (c <= 0xffff) {
        sbAppendAscii(sb, "u");
        appendHex(sb, c, 4);
      } else {
        sbAppendAscii(sb, "U");
        appendHex(sb, c, 8);
      }
      sbAppendAscii(sb, "'");
    }
    sbAppendAscii(sb, " in position ");
    sbAppendInt(sb, start);
  } else {
    sbAppendAscii(sb, isDecode ? "bytes in position " : "characters in position ");
    sbAppendInt(sb, start);
    sbAppendAscii(sb, "-");
    sbAppendInt(sb, end - 1);
  }
  sbAppendAscii(sb, ": ");
  const reason = extGet(p, U_REASON);
  if (!appendObj(sb, reason == NULL ? NONE : reason, false)) return 0;
  return sbFinish(sb);
}

function appendHex(sb: usize, v: u32, digits: i32): void {
  for (let i = digits - 1; i >= 0; i--) {
    const d = (v >> (<u32>i << 2)) & 15;
    sbAppendCodePoint(sb, d < 10 ? 0x30 + d : 0x57 + d);
  }
}

function indexSet(args: usize, nargs: i32, i: usize): Value {
  const obj = arg(args, 0);
  if (nargs < 2) return extSet(<usize>obj, i, NULL) ? NONE : NULL;
  const v = arg(args, 1);
  if (!isSmallInt(v) && v != TRUE && v != FALSE) {
    raiseMsg(EXC_TypeError, "an integer is required");
    return NULL;
  }
  return extSet(<usize>obj, i, v == TRUE ? makeSmallInt(1) : v == FALSE ? makeSmallInt(0) : v) ? NONE : NULL;
}
function setStart(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return indexSet(args, nargs, U_START);
}
function setEnd(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return indexSet(args, nargs, U_END);
}

// ---------------------------------------------------------------------------------------------------
// ImportError

const I_MSG: usize = 0;
const I_PATH: usize = 1;

function getImpMsg(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  const e = arg(args, 0);
  // An ImportError the VM raised was built without __init__: its msg is its only argument.
  if (isObject(e) && kindOf(<usize>e) == KIND_EXCEPTION && extGet(<usize>e, I_MSG) == NULL) {
    const a = <usize>load<u32>(<usize>e + EX_ARGS);
    if (tupleSize(a) == 1) {
      const m = tupleItem(a, 0);
      incref(m);
      return m;
    }
  }
  return memberGet(e, I_MSG);
}

// ---------------------------------------------------------------------------------------------------
// SyntaxError

const S_MSG: usize = 0;
const S_FILENAME: usize = 1;
const S_LINENO: usize = 2;
const S_OFFSET: usize = 3;
const S_TEXT: usize = 4;
const S_END_LINENO: usize = 5;
const S_END_OFFSET: usize = 6;
const S_PRINT: usize = 7;

/** A SyntaxError built from its args without __init__ (exceptions.ts fetchException): its fields. */
export function syntaxErrorFromArgs(e: usize): void {
  if (!syntaxParse(e)) errorClear();
}

/** SyntaxError(msg, (filename, lineno, offset, text[, end_lineno, end_offset])). */
function syntaxParse(e: usize): bool {
  const args = <usize>load<u32>(e + EX_ARGS);
  const n = <usize>tupleSize(args);
  if (n >= 1 && !extSet(e, S_MSG, tupleItem(args, 0))) return false;
  if (n != 2) return true;
  const info = tupleFromIterable(tupleItem(args, 1));
  if (info == NULL) return false;
  const k = <usize>tupleSize(<usize>info);
  if (k < 4 || k > 6) {
    raiseBegin(EXC_TypeError);
    errText(k < 4 ? "function takes at least 4 arguments (" : "function takes at most 6 arguments (");
    errInt(<i64>k);
    errText(" given)");
    decref(info);
    return false;
  }
  let ok = true;
  for (let i: usize = 0; i < 6 && ok; i++) ok = extSet(e, S_FILENAME + i, i < k ? tupleItem(<usize>info, i) : NULL);
  decref(info);
  return ok;
}

/** "msg (file.py, line 3)": the file's last path component and the line when they are known. */
function syntaxStr(p: usize): usize {
  const msgv = extGet(p, S_MSG);
  const msg = msgv == NULL ? NONE : msgv;
  const filename = extGet(p, S_FILENAME);
  const lineno = extGet(p, S_LINENO);
  const haveFile = filename != NULL && isStrValue(filename);
  const haveLine = lineno != NULL && (isSmallInt(lineno) || (isObject(lineno) && typeOf(lineno) == typeObject(KIND_INT)));
  if (!haveFile && !haveLine) return objStr(msg);
  const sb = sbNew(64);
  if (sb == 0) return 0;
  if (!appendObj(sb, msg, false)) return 0;
  sbAppendAscii(sb, " (");
  if (haveFile) {
    const f = <usize>filename;
    const len = <usize>strLength(f);
    let from: usize = 0;
    for (let i: usize = 0; i < len; i++) if (strCodePoint(f, i) == 0x2f) from = i + 1;
    sbAppendSlice(sb, f, from, len);
    if (haveLine) sbAppendAscii(sb, ", line ");
  } else {
    sbAppendAscii(sb, "line ");
  }
  if (haveLine && !appendObj(sb, lineno, false)) return 0;
  sbAppendAscii(sb, ")");
  return sbFinish(sb);
}


export function registerExceptionMethods(): void {
  const t = excType(EXC_BaseException);
  addMethod(t, "__init__", excInit);
  addMethod(t, "__new__", excNewMethod, METHOD_STATIC);
  addMethod(t, "__str__", excStrMethod);
  addMethod(t, "__repr__", excReprMethod);
  addMethod(t, "with_traceback", withTraceback);
  addMethod(t, "add_note", addNote);
  addMethod(excType(EXC_AttributeError), "__init__", nameInit);
  addMethod(excType(EXC_NameError), "__init__", nameInit);
  const ie = excType(EXC_ImportError);
  addMethod(ie, "__init__", nameInit);
  addMember(ie, "msg", getImpMsg, slotSetter(I_MSG));
  addSlotMember(ie, "path", I_PATH);
  addSlotMember(excType(EXC_AttributeError), "obj", 0);
  const os = excType(EXC_OSError);
  addMethod(os, "__init__", osErrorInit);
  addMethod(os, "__str__", osStrMethod);
  addSlotMember(os, "errno", OS_ERRNO);
  addSlotMember(os, "strerror", OS_STRERROR);
  addSlotMember(os, "filename", OS_FILENAME);
  addSlotMember(os, "filename2", OS_FILENAME2);
  addMember(excType(EXC_BlockingIOError), "characters_written", getWritten, setWritten);
  const ids = [EXC_UnicodeEncodeError, EXC_UnicodeDecodeError, EXC_UnicodeTranslateError];
  for (let i = 0; i < 3; i++) {
    const u = excType(unchecked(ids[i]));
    addMethod(u, "__init__", parsingInit);
    addSlotMember(u, "encoding", U_ENCODING);
    addSlotMember(u, "object", U_OBJECT);
    addMember(u, "start", slotGetter(U_START), setStart);
    addMember(u, "end", slotGetter(U_END), setEnd);
    addSlotMember(u, "reason", U_REASON);
  }
  const se = excType(EXC_SyntaxError);
  addMethod(se, "__init__", parsingInit);
  addSlotMember(se, "msg", S_MSG);
  addSlotMember(se, "filename", S_FILENAME);
  addSlotMember(se, "lineno", S_LINENO);
  addSlotMember(se, "offset", S_OFFSET);
  addSlotMember(se, "text", S_TEXT);
  addSlotMember(se, "end_lineno", S_END_LINENO);
  addSlotMember(se, "end_offset", S_END_OFFSET);
  addSlotMember(se, "print_file_and_line", S_PRINT);
  registerExceptionGroupMethods();
}

function osStrMethod(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  const s = osErrorStr(<usize>self);
  return s == 0 ? NULL : <u64>s;
}
