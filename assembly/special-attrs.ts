/**
 * The attributes builtin objects expose without an instance dict: __class__, __dict__, __name__,
 * function attributes (__code__, __defaults__, __closure__, ...), code objects' co_* fields,
 * exception attributes (args, __cause__, __context__, __traceback__, ...), cell_contents, the
 * numeric real/imag, range/slice start/stop/step, method __self__/__func__, type attributes
 * (__mro__, __bases__, __qualname__, __module__, __doc__).
 *
 * specialAttr returns a new reference, or NULL with no exception when `name` is not one of them.
 * setSpecialAttr returns 0 (set), -1 (error), or 1 (not special: the caller goes on).
 */
import { Value, NULL, NONE, TRUE, FALSE, isSmallInt, isObject, makeSmallInt, makeBool } from "./values";
import {
  kindOf,
  typeOf,
  typeObject,
  typeName,
  raiseMsg,
  raiseBegin,
  errText,
  errStrObject,
  errTypeName,
  KIND_TYPE,
  KIND_FUNCTION,
  KIND_METHOD,
  KIND_BUILTIN,
  KIND_METHOD_DESCR,
  KIND_CLASSMETHOD,
  KIND_STATICMETHOD,
  KIND_PROPERTY,
  KIND_MODULE,
  KIND_EXCEPTION,
  KIND_CELL,
  KIND_CODE,
  KIND_INT,
  KIND_BOOL,
  KIND_FLOAT,
  KIND_COMPLEX,
  KIND_RANGE,
  KIND_SLICE,
  KIND_GENERATOR,
  KIND_TUPLE,
  KIND_DICT,
  KIND_LIST,
  EXC_TypeError,
  EXC_ValueError,
  EXC_AttributeError,
} from "./types";
import { incref, decref } from "./refcount";
import { tupleAlloc, tupleSetItem, tupleSize, tupleItem, EMPTY_TUPLE } from "./tuple";
import { strEqualLiteral, strLength, strCodePoint } from "./str";
import { typeDict, typeMro, isHeapType, T_BASES, T_BASE, T_QUALNAME, T_MODULE } from "./typeobj";
import { dictNew, dictGetItem } from "./dict";
import { FN_CODE, FN_GLOBALS, FN_NAME, FN_QUALNAME, FN_DEFAULTS, FN_KWDEFAULTS, FN_CLOSURE, FN_DICT, FN_ANNOTATIONS, FN_MODULE, FN_DOC } from "./function";
import { EX_ARGS, EX_TRACEBACK, EX_CONTEXT, EX_CAUSE, EX_SUPPRESS, EX_NOTES, EX_EXTRA } from "./exceptions";
import { CodeObject } from "./code";
import { floatNew, floatValue, complexReal, complexImag } from "./float";
import { N_DOC, N_MODULE, N_NAME } from "./names";
import { instanceDict } from "./attributes";
import { codeAttr } from "./code-attrs";
import { genAttr, genSetAttr } from "./generator";
import { excDocFor } from "./exc-docs";
import { coroAttr } from "./coroutine";
import { KIND_COROUTINE, KIND_ASYNC_GENERATOR } from "./types";
import { asyncGenAttr } from "./async-gen";
import { tracebackAttr, frameObjectAttr } from "./frameobj";
import { KIND_TRACEBACK, KIND_FRAME, KIND_MEMBER_DESCR, KIND_GETSET_DESCR } from "./types";
import { descrObjAttr } from "./descr-objects";
import { rangeField, R_START, R_STOP, R_STEP } from "./range-long";
import { KIND_UNION, KIND_GENERIC_ALIAS, KIND_SUPER } from "./types";
import { typingAttr } from "./generic-alias";

/** Compares a name with a literal; names are short, so this is cheap enough for these slow paths. */
// @ts-ignore: decorator
@inline function is(name: usize, lit: string): bool {
  return strEqualLiteral(name, lit);
}

/** A u32 field holding an object pointer or 0 (→ None), as a new reference. */
function fieldOrNone(p: usize): Value {
  const v = <u64>load<u32>(p);
  if (v == 0) return NONE;
  incref(v);
  return v;
}

function own(v: Value): Value {
  incref(v);
  return v;
}

export function specialAttr(v: Value, name: usize): Value {
  // Only dunder names and a few known plain names are special: a quick first-character filter.
  if (strLength(name) == 0) return NULL;
  if (is(name, "__class__")) return own(<u64>typeOf(v));
  if (!isObject(v)) return numberAttr(v, name);
  const p = <usize>v;
  switch (kindOf(p)) {
    case KIND_TYPE:
      return typeAttr(p, name);
    case KIND_FUNCTION: {
      if (is(name, "__name__")) return fieldOrNone(p + FN_NAME);
      if (is(name, "__qualname__")) return fieldOrNone(p + FN_QUALNAME);
      if (is(name, "__code__")) return fieldOrNone(p + FN_CODE);
      if (is(name, "__defaults__")) return fieldOrNone(p + FN_DEFAULTS);
      if (is(name, "__kwdefaults__")) return fieldOrNone(p + FN_KWDEFAULTS);
      if (is(name, "__closure__")) return fieldOrNone(p + FN_CLOSURE);
      if (is(name, "__globals__")) return fieldOrNone(p + FN_GLOBALS);
      if (is(name, "__module__")) return own(load<u64>(p + FN_MODULE));
      if (is(name, "__doc__")) return own(load<u64>(p + FN_DOC));
      if (is(name, "__builtins__")) return fieldOrNone(p + 16);
      if (is(name, "__dict__")) {
        let d = <usize>load<u32>(p + FN_DICT);
        if (d == 0) {
          d = dictNew();
          store<u32>(p + FN_DICT, <u32>d);
        }
        return own(<u64>d);
      }
      if (is(name, "__annotations__")) {
        let d = <usize>load<u32>(p + FN_ANNOTATIONS);
        // MAKE_FUNCTION stores the flat (name, value, ...) tuple; the dict is made on first use.
        if (d != 0 && kindOf(d) == KIND_TUPLE) {
          const t = d;
          d = annotationsDict(t);
          if (d == 0) return NULL;
          store<u32>(p + FN_ANNOTATIONS, <u32>d);
          decref(<u64>t);
        }
        if (d == 0) {
          d = dictNew();
          store<u32>(p + FN_ANNOTATIONS, <u32>d);
        }
        return own(<u64>d);
      }
      // Function attributes set by the program live in the function's own dict.
      const d = <usize>load<u32>(p + FN_DICT);
      if (d != 0) {
        const r = dictGetItem(d, <u64>name);
        if (r != NULL) return own(r);
      }
      return NULL;
    }
    case KIND_METHOD: {
      if (is(name, "__self__")) return own(load<u64>(p + 16));
      if (is(name, "__func__")) return own(load<u64>(p + 8));
      // Everything else comes from the function.
      const f = load<u64>(p + 8);
      return specialAttr(f, name);
    }
    case KIND_BUILTIN: {
      if (is(name, "__name__")) return own(<u64>load<u32>(p + 12));
      if (is(name, "__qualname__")) {
        // A method's is 'type.name' (the bound object's type, or the type a classmethod is bound to).
        const s = load<u64>(p + 16);
        if (s == NULL || (isObject(s) && kindOf(<usize>s) == KIND_MODULE)) return own(<u64>load<u32>(p + 12));
        return dottedName(isObject(s) && kindOf(<usize>s) == KIND_TYPE ? <usize>s : typeOf(s), <usize>load<u32>(p + 12));
      }
      if (is(name, "__self__")) {
        const s = load<u64>(p + 16);
        return own(s == NULL ? builtinFunctionModule(p) : s);
      }
      if (is(name, "__doc__")) return NONE;
      return NULL;
    }
    case KIND_METHOD_DESCR: {
      if (is(name, "__name__")) return own(<u64>load<u32>(p + 12));
      if (is(name, "__qualname__")) return dottedName(<usize>load<u32>(p + 16), <usize>load<u32>(p + 12));
      if (is(name, "__doc__")) return NONE;
      if (is(name, "__objclass__")) return own(<u64>load<u32>(p + 16));
      return NULL;
    }
    case KIND_CLASSMETHOD:
    case KIND_STATICMETHOD: {
      if (is(name, "__func__") || is(name, "__wrapped__")) return own(load<u64>(p + 8));
      return NULL;
    }
    case KIND_PROPERTY: {
      if (is(name, "fget")) return own(orNone(load<u64>(p + 8)));
      if (is(name, "fset")) return own(orNone(load<u64>(p + 16)));
      if (is(name, "fdel")) return own(orNone(load<u64>(p + 24)));
      if (is(name, "__doc__")) return own(orNone(load<u64>(p + 32)));
      return NULL;
    }
    case KIND_MODULE: {
      if (is(name, "__dict__")) return own(<u64>load<u32>(p + 8));
      return NULL;
    }
    case KIND_EXCEPTION: {
      if (is(name, "args")) return own(<u64>load<u32>(p + EX_ARGS));
      if (is(name, "__traceback__")) return fieldOrNone(p + EX_TRACEBACK);
      if (is(name, "__context__")) return fieldOrNone(p + EX_CONTEXT);
      if (is(name, "__cause__")) return fieldOrNone(p + EX_CAUSE);
      if (is(name, "__suppress_context__")) return makeBool(load<u32>(p + EX_SUPPRESS) != 0);
      if (is(name, "__notes__")) {
        if (load<u32>(p + EX_NOTES) == 0) return NULL;
        return fieldOrNone(p + EX_NOTES);
      }
      if (is(name, "value") || is(name, "code") || is(name, "name")) return exceptionExtra(p, name);
      if (is(name, "__dict__")) return own(<u64>instanceDict(v));
      return NULL;
    }
    case KIND_CELL: {
      if (is(name, "cell_contents")) {
        const c = load<u64>(p + 8);
        if (c == NULL) {
          raiseMsg(EXC_ValueError, "Cell is empty");
          return NULL;
        }
        return own(c);
      }
      return NULL;
    }
    case KIND_CODE:
      return codeAttr(p, name);
    case KIND_FLOAT: {
      if (is(name, "real")) return floatNew(floatValue(p));
      if (is(name, "imag")) return floatNew(0);
      return NULL;
    }
    case KIND_COMPLEX: {
      if (is(name, "real")) return floatNew(complexReal(p));
      if (is(name, "imag")) return floatNew(complexImag(p));
      return NULL;
    }
    case KIND_INT:
      return numberAttr(v, name);
    case KIND_RANGE: {
      if (is(name, "start")) return rangeField(p, R_START);
      if (is(name, "stop")) return rangeField(p, R_STOP);
      if (is(name, "step")) return rangeField(p, R_STEP);
      return NULL;
    }
    case KIND_SLICE: {
      if (is(name, "start")) return own(load<u64>(p + 8));
      if (is(name, "stop")) return own(load<u64>(p + 16));
      if (is(name, "step")) return own(load<u64>(p + 24));
      return NULL;
    }
    case KIND_GENERATOR:
      return genAttr(p, name);
    case KIND_COROUTINE:
      return coroAttr(p, name);
    case KIND_ASYNC_GENERATOR:
      return asyncGenAttr(p, name); // async-gen.ts
    case KIND_TRACEBACK:
      return tracebackAttr(p, name);
    case KIND_FRAME:
      return frameObjectAttr(p, name);
    case KIND_MEMBER_DESCR:
    case KIND_GETSET_DESCR:
      return descrObjAttr(p, name);
    case KIND_UNION:
    case KIND_GENERIC_ALIAS:
      return typingAttr(p, name);
    case KIND_SUPER: {
      // [ header ][ thisclass u32 | self_class u32 (0: unbound) ][ self Value (NULL: unbound) ]
      if (is(name, "__thisclass__")) return fieldOrNone(p + 8);
      if (is(name, "__self_class__")) return fieldOrNone(p + 12);
      if (is(name, "__self__")) {
        const s = load<u64>(p + 16);
        return own(s == NULL ? NONE : s);
      }
      return NULL;
    }
  }
  if (is(name, "__dict__")) {
    const d = instanceDict(v);
    if (d != 0) return own(<u64>d);
  }
  return NULL;
}

function orNone(v: Value): Value {
  return v == NULL ? NONE : v;
}

/** int/bool attributes: real, imag, numerator, denominator. */
function numberAttr(v: Value, name: usize): Value {
  const isInt = isSmallInt(v) || v == TRUE || v == FALSE || (isObject(v) && kindOf(<usize>v) == KIND_INT);
  if (!isInt) return NULL;
  const x = v == TRUE ? makeSmallInt(1) : v == FALSE ? makeSmallInt(0) : v;
  if (is(name, "real") || is(name, "numerator")) return own(x);
  if (is(name, "imag")) return makeSmallInt(0);
  if (is(name, "denominator")) return makeSmallInt(1);
  return NULL;
}

/** StopIteration.value, SystemExit.code, NameError/AttributeError.name (the `extra` field). */
function exceptionExtra(p: usize, name: usize): Value {
  return own(load<u64>(p + EX_EXTRA));
}

function typeAttr(t: usize, name: usize): Value {
  if (is(name, "__name__")) return own(<u64>load<u32>(t + 16));
  if (is(name, "__qualname__")) return own(<u64>load<u32>(t + T_QUALNAME));
  if (is(name, "__mro__")) return own(<u64>typeMro(t));
  if (is(name, "__bases__")) return own(<u64>load<u32>(t + T_BASES));
  if (is(name, "__base__")) return fieldOrNone(t + T_BASE);
  if (is(name, "__dict__")) return mappingProxyNew(<u64>typeDict(t)); // read-only view
  if (is(name, "__module__")) {
    // A class's __module__ lives in its dict (a later assignment changes it); builtins say 'builtins'.
    if (isHeapType(t)) {
      const dm = dictGetItem(typeDict(t), <u64>N_MODULE);
      if (dm != NULL) return own(dm);
    }
    const m = load<u32>(t + T_MODULE);
    if (m != 0) return own(<u64>m);
    return own(<u64>builtinsName());
  }
  if (is(name, "__doc__")) {
    const dd = isHeapType(t) ? dictGetItem(typeDict(t), <u64>N_DOC) : NULL;
    if (dd == NULL && !isHeapType(t)) {
      const ed = excDocFor(t); // builtin exception classes have CPython's docstrings
      if (ed != 0) return <u64>ed;
      const bd = builtinTypeDoc(t); // object, type
      if (bd != 0) return <u64>bd;
    }
    return own(dd == NULL ? NONE : dd);
  }
  return NULL;
}

import { strLiteral } from "./names";
import { builtinTypeDoc } from "./exc-docs";
import { mappingProxyNew } from "./mappingproxy";
let builtinsNameStr: usize = 0;
function builtinsName(): usize {
  if (builtinsNameStr == 0) builtinsNameStr = strLiteral("builtins");
  return builtinsNameStr;
}

/** Setting special attributes: 0 done, -1 error, 1 not special. */
export function setSpecialAttr(v: Value, name: usize, value: Value): i32 {
  if (!isObject(v)) return 1;
  const p = <usize>v;
  switch (kindOf(p)) {
    case KIND_FUNCTION: {
      if (is(name, "__doc__")) return swapValue(p + FN_DOC, value == NULL ? NONE : value);
      if (is(name, "__module__")) return swapValue(p + FN_MODULE, value == NULL ? NONE : value);
      if (is(name, "__name__")) return fnTyped(value, KIND_STR, false, "__name__ must be set to a string object") ? swapField(p + FN_NAME, value) : -1;
      if (is(name, "__qualname__")) return fnTyped(value, KIND_STR, false, "__qualname__ must be set to a string object") ? swapField(p + FN_QUALNAME, value) : -1;
      if (is(name, "__defaults__")) return fnTyped(value, KIND_TUPLE, true, "__defaults__ must be set to a tuple object") ? swapField(p + FN_DEFAULTS, value == NONE ? NULL : value) : -1;
      if (is(name, "__kwdefaults__")) return fnTyped(value, KIND_DICT, true, "__kwdefaults__ must be set to a dict object") ? swapField(p + FN_KWDEFAULTS, value == NONE ? NULL : value) : -1;
      if (is(name, "__code__")) return fnTyped(value, KIND_CODE, false, "__code__ must be set to a code object") ? swapField(p + FN_CODE, value) : -1;
      if (is(name, "__annotations__")) {
        if (value != NULL && value != NONE && !fnTyped(value, KIND_DICT, false, "__annotations__ must be set to a dict object")) return -1;
        return swapField(p + FN_ANNOTATIONS, value == NONE ? NULL : value);
      }
      // Other attributes go into the function's dict.
      let d = <usize>load<u32>(p + FN_DICT);
      if (d == 0) {
        d = dictNew();
        store<u32>(p + FN_DICT, <u32>d);
      }
      if (value == NULL) {
        return dictDelItemOrAttrError(d, v, name);
      }
      return dictSetItemLocal(d, name, value);
    }
    case KIND_EXCEPTION: {
      if (is(name, "__cause__")) {
        if (!excLinkValueOk(value, "__cause__", "exception cause must be None or derive from BaseException")) return -1;
        store<u32>(p + EX_SUPPRESS, 1);
        return swapField(p + EX_CAUSE, value == NONE ? NULL : value);
      }
      if (is(name, "__context__")) {
        if (!excLinkValueOk(value, "__context__", "exception context must be None or derive from BaseException")) return -1;
        return swapField(p + EX_CONTEXT, value == NONE ? NULL : value);
      }
      if (is(name, "__traceback__")) {
        if (!excTracebackValueOk(value)) return -1;
        return swapField(p + EX_TRACEBACK, value == NONE ? NULL : value);
      }
      if (is(name, "__suppress_context__")) {
        store<u32>(p + EX_SUPPRESS, value == TRUE ? 1 : 0);
        return 0;
      }
      if (is(name, "args")) {
        if (value == NULL) {
          raiseMsg(EXC_TypeError, "args may not be deleted");
          return -1;
        }
        const t = tupleFromValue(value);
        if (t == NULL) return -1;
        const old = <u64>load<u32>(p + EX_ARGS);
        store<u32>(p + EX_ARGS, <u32>t);
        decref(old);
        return 0;
      }
      if (is(name, "__notes__")) return swapField(p + EX_NOTES, value);
      if (is(name, "value") || is(name, "code") || is(name, "name")) return swapValue(p + EX_EXTRA, value == NULL ? NONE : value);
      return 1;
    }
    case KIND_CELL: {
      if (is(name, "cell_contents")) return swapValue(p + 8, value);
      return 1;
    }
    case KIND_GENERATOR:
    case KIND_COROUTINE:
    case KIND_ASYNC_GENERATOR:
      return genSetAttr(p, name, value);
    case KIND_CODE: {
      // Code objects are immutable: their co_* members are read-only.
      const cur = codeAttr(p, name);
      if (cur == NULL) return 1;
      decref(cur);
      raiseMsg(EXC_AttributeError, "readonly attribute");
      return -1;
    }
    case KIND_TYPE: {
      if (is(name, "__name__")) return swapField(p + 16, value);
      if (is(name, "__qualname__")) return swapField(p + T_QUALNAME, value);
      return 1;
    }
  }
  return 1;
}

import { dictSetItem, dictDelItem } from "./dict";
import { errorClear } from "./types";
import { attributeError } from "./attributes";
function dictSetItemLocal(d: usize, name: usize, value: Value): i32 {
  return dictSetItem(d, <u64>name, value);
}
function dictDelItemOrAttrError(d: usize, v: Value, name: usize): i32 {
  if (dictDelItem(d, <u64>name) < 0) {
    errorClear();
    attributeError(v, name);
    return -1;
  }
  return 0;
}

import { tupleFromIterable } from "./tuple-methods";
function tupleFromValue(v: Value): Value {
  if (isObject(v) && kindOf(<usize>v) == KIND_TUPLE) {
    incref(v);
    return v;
  }
  return tupleFromIterable(v);
}

/** Replaces a u32 object field (0 = absent) with `value` (reference taken), releasing the old one. */
function swapField(at: usize, value: Value): i32 {
  if (value != NULL) incref(value);
  const old = <u64>load<u32>(at);
  store<u32>(at, <u32>value);
  decref(old);
  return 0;
}

/** Replaces a Value field. */
function swapValue(at: usize, value: Value): i32 {
  incref(value);
  const old = load<u64>(at);
  store<u64>(at, value);
  decref(old);
  return 0;
}

/** The checks of BaseException's __cause__/__context__ setters (false: TypeError raised). */
function excLinkValueOk(value: Value, name: string, msg: string): bool {
  if (value == NULL) {
    raiseBegin(EXC_TypeError);
    errText(name);
    errText(" may not be deleted");
    return false;
  }
  if (value == NONE || isException(value)) return true;
  raiseMsg(EXC_TypeError, msg);
  return false;
}
function excTracebackValueOk(value: Value): bool {
  if (value == NULL) {
    raiseMsg(EXC_TypeError, "__traceback__ may not be deleted");
    return false;
  }
  if (value == NONE || (isObject(value) && kindOf(<usize>value) == KIND_TRACEBACK)) return true;
  raiseMsg(EXC_TypeError, "__traceback__ must be a traceback or None");
  return false;
}
import { isException } from "./exceptions";

/** A function attribute setter's type check (deleting counts as a wrong type unless noneOk). */
function fnTyped(value: Value, kind: u32, noneOk: bool, msg: string): bool {
  if (value != NULL && isObject(value) && kindOf(<usize>value) == kind) return true;
  if (noneOk && (value == NONE || value == NULL)) return true;
  raiseMsg(EXC_TypeError, msg);
  return false;
}

/** {name: value, ...} from MAKE_FUNCTION's flat annotations tuple. New dict or 0. */
function annotationsDict(t: usize): usize {
  const d = dictNew();
  if (d == 0) return 0;
  const n = <usize>tupleSize(t);
  for (let i: usize = 0; i + 1 < n; i += 2) {
    if (dictSetItem(d, tupleItem(t, i), tupleItem(t, i + 1)) < 0) {
      decref(<u64>d);
      return 0;
    }
  }
  return d;
}
import { KIND_STR } from "./types";

/** 'T.name' with T's __qualname__. New reference or NULL. */
function dottedName(t: usize, name: usize): Value {
  const sb = sbNew(24);
  if (sb == 0) return NULL;
  sbAppendStr(sb, <usize>load<u32>(t + T_QUALNAME));
  sbAppendAscii(sb, ".");
  sbAppendStr(sb, name);
  const r = sbFinish(sb);
  return r == 0 ? NULL : <u64>r;
}
import { sbNew, sbAppendStr, sbAppendAscii, sbFinish } from "./str-ops";

import { builtinsDict, builtinsModule } from "./builtins";
/** __self__ of an unbound builtin function: the builtins module for builtins.<name>, else None. */
function builtinFunctionModule(p: usize): Value {
  const name = <usize>load<u32>(p + 12);
  if (builtinsDict != 0 && name != 0 && dictGetItem(builtinsDict, <u64>name) == <u64>p) return <u64>builtinsModule;
  return NONE;
}
