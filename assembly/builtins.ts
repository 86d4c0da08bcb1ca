/**
 * The builtins module: the builtin functions (print, len, isinstance, min, max, sorted, ...), the
 * builtin types and exception classes under their names, and the constants None/True/False/
 * Ellipsis/NotImplemented. Functions use the native.ts calling convention.
 */
import { Value, NULL, NONE, TRUE, FALSE, isSmallInt, getSmallInt, makeSmallInt, isObject, makeBool } from "./values";
import {
  kindOf,
  kindOfValue,
  typeOf,
  typeObject,
  typeName,
  raiseMsg,
  raiseBegin,
  raiseWithValue,
  errText,
  errInt,
  errStrObject,
  errTypeName,
  errorType,
  errorClear,
  KIND_TYPE,
  KIND_COUNT,
  KIND_INT,
  KIND_BOOL,
  KIND_FLOAT,
  KIND_STR,
  KIND_TUPLE,
  KIND_LIST,
  KIND_DICT,
  KIND_MODULE,
  KIND_FUNCTION,
  KIND_OBJECT,
  KIND_ELLIPSIS,
  KIND_EXCEPTION,
  ELLIPSIS,
  EXC_TypeError,
  EXC_ValueError,
  EXC_StopIteration,
  EXC_AttributeError,
  EXC_OSError,
  EXC_EOFError,
  EXC_OverflowError,
  EXC_COUNT,
  EXC_NAMES,
  ERR_OBJECT,
  errorObject,
} from "./types";
import { incref, decref } from "./refcount";
import { tupleAlloc, tupleSetItem, tupleSize, tupleItem, EMPTY_TUPLE, vecSize, vecItems } from "./tuple";
import { dictNew, dictGetItem, dictSetItem, dictNext } from "./dict";
import { strLength, strCodePoint, strWriteUtf8, strUtf8Length, strFromUtf8 } from "./str";
import { strFromCodePoint } from "./str-ops";
import { moduleNew, moduleAddFunction, moduleAddValue, builtinNew, FN_GLOBALS } from "./function";
import { addAsyncBuiltins } from "./async-gen";
import { strLiteral, N_EMPTY, N_DIR, N_ROUND, N_INDEX } from "./names";
import { arg, kwArg, checkArgCount, noKeywords, checkKeywords, kwCount, NativeFn } from "./native";
import * as ops from "./ops";
import { isSubtype, isType, typeLookup, typeMro, typeDict } from "./typeobj";
import { excType } from "./exceptions";
import { EXC_BaseException, EXC_RuntimeError } from "./exceptions.generated";
import { NOT_IMPLEMENTED } from "./singletons";
import { listFromIterable } from "./list";
import { listSort } from "./list-methods";
import * as I from "./int-ops";
import { isIntLike, asInt } from "./number";
import { floatValue, floatNew } from "./float";
import { floatRound } from "./float-ops";
import { builtinEnumerate, builtinZip, builtinMap, builtinFilter, builtinReversed, callableIterNew } from "./itertools";
import { writeOut, readLine } from "./io";
import { genNextMethod } from "./generator";
import { currentFrame } from "./eval";
import { F_GLOBALS, F_LOCALS } from "./frame";
import { instanceDict } from "./attributes";
import { identityHash } from "./ops";
import { strEqualLiteral } from "./str";
import { intFromI64 } from "./int";
import { intRound } from "./number";

export let builtinsDict: usize = 0;
export let builtinsModule: usize = 0;

// ---------------------------------------------------------------------------------------------------
// print, input

let nameSep: usize = 0;
let nameEnd: usize = 0;
let nameFile: usize = 0;
let nameFlush: usize = 0;
let nameWrite: usize = 0;

/** print(*objects, sep=' ', end='\n', file=None, flush=False) */
function print(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!printKeywordsOk(kwnames)) return NULL;
  const sep = kwArg(args, nargs, kwnames, "sep");
  const end = kwArg(args, nargs, kwnames, "end");
  let file = kwArg(args, nargs, kwnames, "file");
  const flushArg = kwArg(args, nargs, kwnames, "flush");
  let flush = 0;
  if (flushArg != NULL) {
    flush = ops.objIsTrue(flushArg);
    if (flush < 0) return NULL;
  }
  if (file == NULL || file == NONE) {
    // The current sys.stdout (a program may replace it); None prints nothing.
    file = currentStdout();
    if (file == NULL) return NULL;
    if (file == NONE) return NONE;
  }
  if (sep != NULL && sep != NONE && !(isObject(sep) && kindOf(<usize>sep) == KIND_STR)) {
    raiseBegin(EXC_TypeError);
    errText("sep must be None or a string, not ");
    errTypeName(sep);
    return NULL;
  }
  if (end != NULL && end != NONE && !(isObject(end) && kindOf(<usize>end) == KIND_STR)) {
    raiseBegin(EXC_TypeError);
    errText("end must be None or a string, not ");
    errTypeName(end);
    return NULL;
  }
  const fd = fileDescriptor(file);
  if (fd < 0) {
    const r = printToObject(file, args, nargs, sep, end);
    return r == NULL || flush == 0 ? r : printFlush(file);
  }
  for (let i = 0; i < nargs; i++) {
    if (i > 0) {
      if (sep == NULL || sep == NONE) writeAscii(fd, " ");
      else writeStr(fd, <usize>sep);
    }
    const s = ops.objStr(arg(args, i));
    if (s == 0) return NULL;
    writeStr(fd, s);
    decref(<u64>s);
  }
  if (end == NULL || end == NONE) writeAscii(fd, "\n");
  else writeStr(fd, <usize>end);
  return flush == 0 ? NONE : printFlush(file);
}

/** print's keywords, with Argument Clinic's message for others. */
/**
 * sys.displayhook(value): what the interactive prompt (and PRINT_EXPR, 'single' mode code) does
 * with an expression statement's value: nothing for None; else builtins._ = None, print the repr
 * to sys.stdout, builtins._ = value.
 */
let nameUnderscore: usize = 0;
export function displayhook(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("displayhook", kwnames) || !checkArgCount("displayhook", nargs, 1, 1)) return NULL;
  const v = arg(args, 0);
  if (v == NONE) return NONE;
  if (nameUnderscore == 0) nameUnderscore = strLiteral("_");
  const underscore = nameUnderscore;
  if (dictSetItem(builtinsDict, <u64>underscore, NONE) < 0) return NULL;
  const text = ops.objRepr(v);
  if (text == 0) return NULL;
  const one = alloc(8);
  if (one == 0) {
    decref(<u64>text);
    return NULL;
  }
  store<u64>(one, <u64>text);
  const r = print(NULL, one, 1, 0);
  free(one, 8);
  decref(<u64>text);
  if (r == NULL) return NULL;
  decref(r);
  if (dictSetItem(builtinsDict, <u64>underscore, v) < 0) return NULL;
  return NONE;
}

function printKeywordsOk(kwnames: usize): bool {
  const n = kwnames == 0 ? 0 : <i32>tupleSize(kwnames);
  for (let i = 0; i < n; i++) {
    const k = <usize>tupleItem(kwnames, i);
    if (strEqualLiteral(k, "sep") || strEqualLiteral(k, "end") || strEqualLiteral(k, "file") || strEqualLiteral(k, "flush")) continue;
    raiseBegin(EXC_TypeError);
    errText("'");
    errStrObject(k);
    errText("' is an invalid keyword argument for print()");
    return false;
  }
  return true;
}

/** sys.stdout as print finds it (borrowed): RuntimeError "lost sys.stdout" when it is gone. */
function currentStdout(): Value {
  if (nameStdout == 0) nameStdout = strLiteral("stdout");
  const f = sysDict == 0 ? stdoutObject : dictGetItem(sysDict, <u64>nameStdout);
  if (f == NULL) {
    if (errorType() == 0) raiseMsg(EXC_RuntimeError, "lost sys.stdout");
    return NULL;
  }
  return f;
}
let nameStdout: usize = 0;
import { sysDict } from "./mod-sys";

/** file.flush() after print(..., flush=True). */
function printFlush(file: Value): Value {
  const f = ops.objGetAttr(file, nameFlush);
  if (f == NULL) return NULL;
  const r = ops.call0(f);
  decref(f);
  if (r == NULL) return NULL;
  decref(r);
  return NONE;
}

/** print(..., file=obj) for objects other than sys.stdout/stderr: obj.write(text) per piece. */
function printToObject(file: Value, args: usize, nargs: i32, sep: Value, end: Value): Value {
  for (let i = 0; i < nargs; i++) {
    if (i > 0 && !writeToObject(file, sep == NULL || sep == NONE ? <Value>strLiteralSpace() : sep, false)) return NULL;
    if (!writeToObject(file, arg(args, i), true)) return NULL;
  }
  if (!writeToObject(file, end == NULL || end == NONE ? <Value>strLiteralNewline() : end, false)) return NULL;
  return NONE;
}

/** PyFile_WriteObject: file.write looked up each time, then str(v) (when `convert`) passed to it. */
function writeToObject(file: Value, v: Value, convert: bool): bool {
  const write = ops.objGetAttr(file, nameWrite);
  if (write == NULL) return false;
  let s = v;
  if (convert) {
    s = <Value>ops.objStr(v);
    if (s == NULL) {
      decref(write);
      return false;
    }
  }
  const r = ops.call1(write, s);
  if (convert) decref(s);
  decref(write);
  if (r == NULL) return false;
  decref(r);
  return true;
}

let spaceStr: usize = 0;
let newlineStr: usize = 0;
function strLiteralSpace(): usize {
  if (spaceStr == 0) spaceStr = strLiteral(" ");
  return spaceStr;
}
function strLiteralNewline(): usize {
  if (newlineStr == 0) newlineStr = strLiteral("\n");
  return newlineStr;
}

/** sys.stdout → 1, sys.stderr → 2, anything else → -1. */
export let stdoutObject: Value = NULL;
export let stderrObject: Value = NULL;
export function setStdStreams(out: Value, err: Value): void {
  stdoutObject = out;
  stderrObject = err;
}
export function fileDescriptor(file: Value): i32 {
  if (file == stdoutObject) return 1;
  if (file == stderrObject) return 2;
  return -1;
}

/** Writes a str object to fd as UTF-8 (surrogates pass through, as the host decodes leniently). */
export function writeStr(fd: i32, s: usize): void {
  writeOut(fd, s);
}
function writeAscii(fd: i32, s: string): void {
  writeOut(fd, s == " " ? strLiteralSpace() : strLiteralNewline());
}

/** input(prompt=''): a line from stdin without its newline; EOFError at the end. */
function input(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("input", kwnames) || !checkArgCount("input", nargs, 0, 1)) return NULL;
  if (nargs == 1) {
    const s = ops.objStr(arg(args, 0));
    if (s == 0) return NULL;
    writeStr(1, s);
    decref(<u64>s);
  }
  const line = readLine();
  if (line == 0) {
    if (errorType() == 0) raiseMsg(EXC_EOFError, "EOF when reading a line");
    return NULL;
  }
  return <u64>line;
}

// ---------------------------------------------------------------------------------------------------
// Simple builtins

function len(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (nargs == 1 && kwnames == 0) {
    // Exact lists, tuples and strs: no Python code can run (CPython's PRECALL_NO_KW_LEN).
    const v = load<u64>(args);
    if (isObject(v)) {
      const t = typeOf(v);
      if (t == typeObject(KIND_LIST)) return makeSmallInt(<i64>vecSize(<usize>v));
      if (t == typeObject(KIND_TUPLE)) return makeSmallInt(<i64>tupleSize(<usize>v));
      if (t == typeObject(KIND_STR)) return makeSmallInt(<i64>strLength(<usize>v));
    }
  }
  if (!noKeywords("len", kwnames) || !checkArgCount("len", nargs, 1, 1)) return NULL;
  if (!enterC(WHILE_CALLING)) return NULL; // a METH_O builtin: CPython charges the recursion limit
  const n = ops.objLen(arg(args, 0));
  leaveC();
  if (n < 0) return NULL;
  return intFromI64(n);
}

function repr(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("repr", kwnames) || !checkArgCount("repr", nargs, 1, 1)) return NULL;
  if (!enterC(WHILE_CALLING)) return NULL; // a METH_O builtin: CPython charges the recursion limit
  const r = ops.objRepr(arg(args, 0));
  leaveC();
  return r == 0 ? NULL : <u64>r;
}

import { objAscii } from "./reprs";
import { enterC, leaveC, WHILE_CALLING } from "./recursion";
function ascii(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("ascii", kwnames) || !checkArgCount("ascii", nargs, 1, 1)) return NULL;
  if (!enterC(WHILE_CALLING)) return NULL; // a METH_O builtin: CPython charges the recursion limit
  const r = objAscii(arg(args, 0));
  leaveC();
  return r == 0 ? NULL : <u64>r;
}

function format(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("format", kwnames) || !checkArgCount("format", nargs, 1, 2)) return NULL;
  let spec = N_EMPTY;
  if (nargs == 2) {
    const s = arg(args, 1);
    if (!isObject(s) || kindOf(<usize>s) != KIND_STR) {
      raiseBegin(EXC_TypeError);
      errText("format() argument 2 must be str, not ");
      errTypeName(s);
      return NULL;
    }
    spec = <usize>s;
  }
  const r = ops.objFormat(arg(args, 0), spec);
  return r == 0 ? NULL : <u64>r;
}

function abs(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("abs", kwnames) || !checkArgCount("abs", nargs, 1, 1)) return NULL;
  const x = arg(args, 0);
  if (isIntLike(x)) return I.intAbs(asInt(x));
  if (isObject(x) && kindOf(<usize>x) == KIND_FLOAT) return floatNew(Math.abs(floatValue(<usize>x)));
  if (isObject(x) && kindOf(<usize>x) == 6) {
    const re = load<f64>(<usize>x + 8);
    const im = load<f64>(<usize>x + 16);
    return floatNew(Math.hypot(re, im));
  }
  const d = ops.userSlot(x, absName());
  if (d != NULL) return ops.callMethod0(d, x);
  raiseBegin(EXC_TypeError);
  errText("bad operand type for abs(): '");
  errTypeName(x);
  errText("'");
  return NULL;
}
import { N_ABS } from "./names";
function absName(): usize {
  return N_ABS;
}

function isinstance(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("isinstance", kwnames) || !checkArgCount("isinstance", nargs, 2, 2)) return NULL;
  const r = isInstanceOf(arg(args, 0), arg(args, 1)); // isinstance.ts
  return r < 0 ? NULL : makeBool(r != 0);
}

function issubclass(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("issubclass", kwnames) || !checkArgCount("issubclass", nargs, 2, 2)) return NULL;
  const r = isSubclassOf(arg(args, 0), arg(args, 1));
  return r < 0 ? NULL : makeBool(r != 0);
}
import { isInstanceOf, isSubclassOf } from "./isinstance";

function callable(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("callable", kwnames) || !checkArgCount("callable", nargs, 1, 1)) return NULL;
  return makeBool(ops.isCallable(arg(args, 0)));
}
import { N_CALL, N_NEXT } from "./names";
function callName(): usize {
  return N_CALL;
}

function hash(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("hash", kwnames) || !checkArgCount("hash", nargs, 1, 1)) return NULL;
  const h = ops.objHash(arg(args, 0));
  if (h == -1 && errorType() != 0) return NULL;
  return intFromI64(h);
}

function id(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("id", kwnames) || !checkArgCount("id", nargs, 1, 1)) return NULL;
  const v = arg(args, 0);
  return makeSmallInt(<i64>(0x7f0000000000 + <u64>v));
}

function chr(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("chr", kwnames) || !checkArgCount("chr", nargs, 1, 1)) return NULL;
  const v = arg(args, 0);
  if (!isIntLike(v)) {
    raiseBegin(EXC_TypeError);
    errText("'");
    errTypeName(v);
    errText("' object cannot be interpreted as an integer");
    return NULL;
  }
  const x = asInt(v);
  if (!isSmallInt(x)) {
    raiseMsg(EXC_OverflowError, "Python int too large to convert to C int");
    return NULL;
  }
  const c = getSmallInt(x);
  if (c < -0x80000000 || c > 0x7fffffff) {
    // CPython converts to a C int first.
    raiseMsg(EXC_OverflowError, c < 0 ? "Python int too large to convert to C int" : "Python int too large to convert to C int");
    return NULL;
  }
  if (c < 0 || c > 0x10ffff) {
    raiseMsg(EXC_ValueError, "chr() arg not in range(0x110000)");
    return NULL;
  }
  return <u64>strFromCodePoint(<u32>c);
}

function ord(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("ord", kwnames) || !checkArgCount("ord", nargs, 1, 1)) return NULL;
  const v = arg(args, 0);
  if (isObject(v) && kindOf(<usize>v) == KIND_STR) {
    const n = strLength(<usize>v);
    if (n == 1) return makeSmallInt(<i64>strCodePoint(<usize>v, 0));
    raiseBegin(EXC_TypeError);
    errText("ord() expected a character, but string of length ");
    errInt(n);
    errText(" found");
    return NULL;
  }
  if (isObject(v) && kindOf(<usize>v) == 8 /* bytes */) {
    const n = load<u32>(<usize>v + 8);
    if (n == 1) return makeSmallInt(<i64>load<u8>(<usize>v + 24));
    raiseBegin(EXC_TypeError);
    errText("ord() expected a character, but string of length ");
    errInt(n);
    errText(" found");
    return NULL;
  }
  if (isObject(v) && kindOf(<usize>v) == KIND_BYTEARRAY /* size at 8, items block at 16 */) {
    const n = load<u32>(<usize>v + 8);
    if (n == 1) return makeSmallInt(<i64>load<u8>(<usize>load<u32>(<usize>v + 16)));
    raiseBegin(EXC_TypeError);
    errText("ord() expected a character, but string of length ");
    errInt(n);
    errText(" found");
    return NULL;
  }
  raiseBegin(EXC_TypeError);
  errText("ord() expected string of length 1, but ");
  errTypeName(v);
  errText(" found");
  return NULL;
}

function intBase(self: Value, args: usize, nargs: i32, kwnames: usize, name: string, base: i32): Value {
  if (!noKeywords(name, kwnames) || !checkArgCount(name, nargs, 1, 1)) return NULL;
  const v = indexValue(arg(args, 0));
  if (v == NULL) return NULL;
  const r = I.intToStr(v, base, true);
  decref(v);
  return r == 0 ? NULL : <u64>r;
}
function hex(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return intBase(self, args, nargs, kwnames, "hex", 16);
}
function oct(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return intBase(self, args, nargs, kwnames, "oct", 8);
}
function bin(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return intBase(self, args, nargs, kwnames, "bin", 2);
}

/** operator.index(v): ints as themselves (new reference), __index__ for others. */
export function indexValue(v: Value): Value {
  if (isIntLike(v)) {
    const x = asInt(v);
    incref(x);
    return x;
  }
  return numberIndex(v); // checks what __index__ returns
}
import { numberIndex } from "./index-protocol";

function divmod(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("divmod", kwnames) || !checkArgCount("divmod", nargs, 2, 2)) return NULL;
  return divmodValues(arg(args, 0), arg(args, 1));
}

import { floatDivmod } from "./float-ops";
import { toF64 } from "./number";
import { NB_NAMES, NB_RNAMES } from "./names";
export function divmodValues(a: Value, b: Value): Value {
  if (isIntLike(a) && isIntLike(b)) return I.intDivmod(asInt(a), asInt(b));
  const ka = kindOfValue(a);
  const kb = kindOfValue(b);
  if ((ka == KIND_FLOAT || ka == KIND_INT || ka == KIND_BOOL) && (kb == KIND_FLOAT || kb == KIND_INT || kb == KIND_BOOL)) {
    const x = toF64(a);
    if (errorType() != 0) return NULL;
    const y = toF64(b);
    if (errorType() != 0) return NULL;
    return floatDivmod(x, y);
  }
  const d = ops.userSlot(a, divmodName(false));
  if (d != NULL) {
    const r = ops.callMethod1(d, a, b);
    if (r != <u64>NOT_IMPLEMENTED) return r;
  }
  const rd = ops.userSlot(b, divmodName(true));
  if (rd != NULL) {
    const r = ops.callMethod1(rd, b, a);
    if (r != <u64>NOT_IMPLEMENTED) return r;
  }
  raiseBegin(EXC_TypeError);
  errText("unsupported operand type(s) for divmod(): '");
  errTypeName(a);
  errText("' and '");
  errTypeName(b);
  errText("'");
  return NULL;
}
let divmodStr: usize = 0;
let rdivmodStr: usize = 0;
function divmodName(r: bool): usize {
  if (divmodStr == 0) {
    divmodStr = strLiteral("__divmod__");
    rdivmodStr = strLiteral("__rdivmod__");
  }
  return r ? rdivmodStr : divmodStr;
}

function pow(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!checkKeywords("pow", kwnames, "base,exp,mod")) return NULL;
  if (nargs > 3) return clinicCount("pow", nargs, 2, 3) ? NULL : NULL;
  const base = nargs > 0 ? arg(args, 0) : kwArg(args, nargs, kwnames, "base");
  const exp = nargs > 1 ? arg(args, 1) : kwArg(args, nargs, kwnames, "exp");
  if (base == NULL || exp == NULL) {
    raiseBegin(EXC_TypeError);
    errText("pow() missing required argument '");
    errText(base == NULL ? "base" : "exp");
    errText(base == NULL ? "' (pos 1)" : "' (pos 2)");
    return NULL;
  }
  const mod = nargs == 3 ? arg(args, 2) : kwArg(args, nargs, kwnames, "mod");
  if (mod != NULL && mod != NONE) {
    if (isIntLike(base) && isIntLike(exp) && isIntLike(mod)) return I.intPow(asInt(base), asInt(exp), asInt(mod));
    return ternaryPow(base, exp, mod);
  }
  return ops.binaryOp(base, exp, 8);
}

import { ternaryPow } from "./pow3";
function round(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!checkArgCount("round", nargs, 1, 2)) return NULL;
  const x = arg(args, 0);
  const nd = nargs == 2 ? arg(args, 1) : kwArg(args, nargs, kwnames, "ndigits");
  if (isObject(x) && kindOf(<usize>x) == KIND_FLOAT) {
    const f = floatValue(<usize>x);
    if (nd == NULL || nd == NONE) {
      if (isNaN(f)) {
        raiseMsg(EXC_ValueError, "cannot convert float NaN to integer");
        return NULL;
      }
      if (!isFinite(f)) {
        raiseMsg(EXC_OverflowError, "cannot convert float infinity to integer");
        return NULL;
      }
      // round half to even
      let r = Math.round(f);
      if (Math.abs(f - Math.trunc(f)) == 0.5) r = 2.0 * Math.round(f / 2.0);
      return I.intFromF64(r);
    }
    if (!isIntLike(nd)) {
      raiseBegin(EXC_TypeError);
      errText("'");
      errTypeName(nd);
      errText("' object cannot be interpreted as an integer");
      return NULL;
    }
    const n = asInt(nd);
    return floatRound(f, isSmallInt(n) ? getSmallInt(n) : I.intSign(n) < 0 ? -0x7fffffff : 0x7fffffff);
  }
  if (isIntLike(x)) {
    if (nd == NULL || nd == NONE) {
      const v = asInt(x);
      incref(v);
      return v;
    }
    return intRound(asInt(x), asInt(nd));
  }
  const d = ops.userSlot(x, N_ROUND);
  if (d != NULL) {
    if (nd == NULL || nd == NONE) return ops.callMethod0(d, x);
    return ops.callMethod1(d, x, nd);
  }
  raiseBegin(EXC_TypeError);
  errText("type ");
  errTypeName(x);
  errText(" doesn't define __round__ method");
  return NULL;
}

// ---------------------------------------------------------------------------------------------------
// Iteration builtins

function iter(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("iter", kwnames) || !checkArgCount("iter", nargs, 1, 2)) return NULL;
  if (nargs == 2) {
    if (!ops.isCallable(arg(args, 0))) {
      raiseMsg(EXC_TypeError, "iter(v, w): v must be callable");
      return NULL;
    }
    return callableIterNew(arg(args, 0), arg(args, 1));
  }
  return ops.objGetIter(arg(args, 0));
}

function next(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("next", kwnames) || !checkArgCount("next", nargs, 1, 2)) return NULL;
  const it = arg(args, 0);
  if (!ops.isIterator(it)) {
    raiseBegin(EXC_TypeError);
    errText("'");
    errTypeName(it);
    errText("' object is not an iterator");
    return NULL;
  }
  if (ops.isGenerator(it) && nargs == 1) return genNextMethod(it, 0, 0, 0); // StopIteration keeps the return value
  if (nargs == 1) {
    // A Python __next__'s own StopIteration (with its value) reaches the caller unchanged.
    const d = ops.userSlot(it, N_NEXT);
    if (d != NULL) return ops.callMethod0(d, it);
  }
  const v = ops.objIterNext(it);
  if (v != NULL) return v;
  if (errorType() != 0) return NULL;
  if (nargs == 2) {
    const d = arg(args, 1);
    incref(d);
    return d;
  }
  raiseBegin(EXC_StopIteration);
  return NULL;
}

function anyAll(args: usize, nargs: i32, kwnames: usize, name: string, wantAny: bool): Value {
  if (!noKeywords(name, kwnames) || !checkArgCount(name, nargs, 1, 1)) return NULL;
  const it = ops.objGetIter(arg(args, 0));
  if (it == NULL) return NULL;
  while (true) {
    const v = ops.objIterNext(it);
    if (v == NULL) break;
    const t = ops.objIsTrue(v);
    decref(v);
    if (t < 0) {
      decref(it);
      return NULL;
    }
    if ((t != 0) == wantAny) {
      decref(it);
      return makeBool(wantAny);
    }
  }
  decref(it);
  if (errorType() != 0) return NULL;
  return makeBool(!wantAny);
}
function any(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return anyAll(args, nargs, kwnames, "any", true);
}
function all(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return anyAll(args, nargs, kwnames, "all", false);
}

/** Argument Clinic's count message: "NAME() takes at most N arguments (M given)". */
function clinicCount(fname: string, nargs: i32, min: i32, max: i32): bool {
  if (nargs >= min && nargs <= max) return true;
  raiseBegin(EXC_TypeError);
  errText(fname);
  if (nargs > max) {
    errText("() takes at most ");
    errInt(max);
    errText(max == 1 ? " argument (" : " arguments (");
  } else {
    errText("() takes at least ");
    errInt(min);
    errText(min == 1 ? " positional argument (" : " positional arguments (");
  }
  errInt(nargs);
  errText(" given)");
  return false;
}

function sum(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!clinicCount("sum", nargs, 1, 2)) return NULL;
  let acc: Value = nargs == 2 ? arg(args, 1) : kwArg(args, nargs, kwnames, "start");
  if (acc == NULL) acc = makeSmallInt(0);
  if (isObject(acc) && kindOf(<usize>acc) == KIND_STR) {
    raiseMsg(EXC_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    return NULL;
  }
  if (isObject(acc) && kindOf(<usize>acc) == 8) {
    raiseMsg(EXC_TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
    return NULL;
  }
  if (isObject(acc) && kindOf(<usize>acc) == KIND_BYTEARRAY) {
    raiseMsg(EXC_TypeError, "sum() can't sum bytearray [use b''.join(seq) instead]");
    return NULL;
  }
  const it = ops.objGetIter(arg(args, 0));
  if (it == NULL) return NULL;
  incref(acc);
  while (true) {
    const v = ops.objIterNext(it);
    if (v == NULL) break;
    let r: Value = NULL;
    if (isSmallInt(acc & v)) r = ops.smallIntBinary(acc, v, 0);
    if (r == NULL) r = ops.binaryOp(acc, v, 0);
    decref(v);
    decref(acc);
    if (r == NULL) {
      decref(it);
      return NULL;
    }
    acc = r;
  }
  decref(it);
  if (errorType() != 0) {
    decref(acc);
    return NULL;
  }
  return acc;
}

/** min() and max(): one iterable or several arguments, key=, default=. */
function minMax(args: usize, nargs: i32, kwnames: usize, isMax: bool): Value {
  const name = isMax ? "max" : "min";
  const nkw = kwCount(kwnames);
  for (let i = 0; i < nkw; i++) {
    const k = <usize>tupleItem(kwnames, <usize>i);
    if (!strEqualLiteral(k, "key") && !strEqualLiteral(k, "default")) {
      raiseBegin(EXC_TypeError);
      errText("'");
      errStrObject(k);
      errText("' is an invalid keyword argument for ");
      errText(name);
      errText("()");
      return NULL;
    }
  }
  const key = kwArg(args, nargs, kwnames, "key");
  const dflt = kwArg(args, nargs, kwnames, "default");
  if (nargs == 0) {
    raiseBegin(EXC_TypeError);
    errText(name);
    errText(" expected at least 1 argument, got 0");
    return NULL;
  }
  let it: Value;
  if (nargs == 1) {
    it = ops.objGetIter(arg(args, 0));
  } else {
    if (dflt != NULL) {
      raiseBegin(EXC_TypeError);
      errText("Cannot specify a default for ");
      errText(name);
      errText("() with multiple positional arguments");
      return NULL;
    }
    const t = tupleAlloc(<usize>nargs);
    if (t == 0) return NULL;
    for (let i = 0; i < nargs; i++) {
      const v = arg(args, i);
      incref(v);
      tupleSetItem(t, <usize>i, v);
    }
    it = ops.objGetIter(<u64>t);
    decref(<u64>t);
  }
  if (it == NULL) return NULL;
  let best: Value = NULL;
  let bestKey: Value = NULL;
  const useKey = key != NULL && key != NONE;
  while (true) {
    const v = ops.objIterNext(it);
    if (v == NULL) break;
    let k = v;
    if (useKey) {
      k = ops.call1(key, v);
      if (k == NULL) {
        decref(v);
        break;
      }
    } else incref(k);
    if (best == NULL) {
      best = v;
      bestKey = k;
      continue;
    }
    // max keeps the first maximal item: replace only when strictly greater (k > best), via k < best reversed.
    const c = isMax ? ops.objLess(bestKey, k) : ops.objLess(k, bestKey);
    if (c < 0) {
      decref(v);
      decref(k);
      break;
    }
    if (c > 0) {
      decref(best);
      decref(bestKey);
      best = v;
      bestKey = k;
    } else {
      decref(v);
      decref(k);
    }
  }
  decref(it);
  if (errorType() != 0) {
    decref(best);
    decref(bestKey);
    return NULL;
  }
  decref(bestKey);
  if (best == NULL) {
    if (dflt != NULL) {
      incref(dflt);
      return dflt;
    }
    raiseBegin(EXC_ValueError);
    errText(name);
    errText("() arg is an empty sequence");
    return NULL;
  }
  return best;
}
function min(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return minMax(args, nargs, kwnames, false);
}
function max(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return minMax(args, nargs, kwnames, true);
}

function sorted(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (nargs != 1) {
    raiseBegin(EXC_TypeError);
    errText(nargs == 0 ? "sorted expected 1 argument, got 0" : "sorted expected 1 argument, got ");
    if (nargs > 1) errInt(nargs);
    return NULL;
  }
  if (!checkKeywords("sort", kwnames, "key,reverse")) return NULL;
  const l = listFromIterable(arg(args, 0));
  if (l == 0) return NULL;
  const key = kwArg(args, nargs, kwnames, "key");
  const rev = kwArg(args, nargs, kwnames, "reverse");
  let reverse = false;
  if (rev != NULL) {
    const t = ops.objIsTrue(rev);
    if (t < 0) {
      decref(<u64>l);
      return NULL;
    }
    reverse = t != 0;
  }
  if (listSort(l, key == NONE ? NULL : key, reverse) < 0) {
    decref(<u64>l);
    return NULL;
  }
  return <u64>l;
}

// ---------------------------------------------------------------------------------------------------
// Attributes and namespaces

function getattr(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("getattr", kwnames) || !checkArgCount("getattr", nargs, 2, 3)) return NULL;
  const name = arg(args, 1);
  if (!isObject(name) || kindOf(<usize>name) != KIND_STR) {
    attrNameError(name);
    return NULL;
  }
  const r = ops.objGetAttr(arg(args, 0), <usize>name);
  if (r == NULL && nargs == 3 && pendingAttributeError()) {
    errorClear();
    const d = arg(args, 2);
    incref(d);
    return d;
  }
  return r;
}

function attrNameError(name: Value): void {
  raiseBegin(EXC_TypeError);
  errText("attribute name must be string, not '");
  errTypeName(name);
  errText("'");
}

function pendingAttributeError(): bool {
  const t = errorType();
  if (t == EXC_AttributeError) return true;
  if (t == ERR_OBJECT) return isSubtype(typeOf(errorObject()), excType(EXC_AttributeError));
  return false;
}

function setattr(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("setattr", kwnames) || !checkArgCount("setattr", nargs, 3, 3)) return NULL;
  const name = arg(args, 1);
  if (!isObject(name) || kindOf(<usize>name) != KIND_STR) {
    attrNameError(name);
    return NULL;
  }
  if (ops.objSetAttr(arg(args, 0), <usize>name, arg(args, 2)) < 0) return NULL;
  return NONE;
}

function delattr(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("delattr", kwnames) || !checkArgCount("delattr", nargs, 2, 2)) return NULL;
  const name = arg(args, 1);
  if (!isObject(name) || kindOf(<usize>name) != KIND_STR) {
    attrNameError(name);
    return NULL;
  }
  if (ops.objSetAttr(arg(args, 0), <usize>name, NULL) < 0) return NULL;
  return NONE;
}

function hasattr(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("hasattr", kwnames) || !checkArgCount("hasattr", nargs, 2, 2)) return NULL;
  const name = arg(args, 1);
  if (!isObject(name) || kindOf(<usize>name) != KIND_STR) {
    attrNameError(name);
    return NULL;
  }
  const r = ops.objGetAttr(arg(args, 0), <usize>name);
  if (r == NULL) {
    if (pendingAttributeError()) {
      errorClear();
      return FALSE;
    }
    return NULL;
  }
  decref(r);
  return TRUE;
}

function globals(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  const g = <u64>load<u32>(currentFrame + F_GLOBALS);
  incref(g);
  return g;
}

function locals(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return currentLocals();
}

/** locals() of the running frame (new reference); exec/eval take it as their default. */
export function currentLocals(): Value {
  // Functions (CO_OPTIMIZED): the frame's one locals dict, refreshed (frame-locals.ts).
  if ((changetype<CodeObject>(<usize>load<u32>(currentFrame + F_CODE)).flags & 1) != 0) return frameLocalsSnapshot(currentFrame);
  const l = <u64>load<u32>(currentFrame + F_LOCALS);
  if (l != 0) {
    incref(l);
    return l;
  }
  return frameLocalsDict(currentFrame);
}

import { frameLocalsDict, frameLocalsSnapshot } from "./frame-locals";
import { addExecBuiltins } from "./exec-eval";
import { alloc, free } from "./heap";
import { F_CODE } from "./frame";
import { CodeObject } from "./code";

function vars(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("vars", kwnames) || !checkArgCount("vars", nargs, 0, 1)) return NULL;
  if (nargs == 0) return locals(self, args, nargs, kwnames);
  const v = arg(args, 0);
  const r = ops.objGetAttr(v, dictName());
  if (r == NULL) {
    if (pendingAttributeError()) {
      errorClear();
      raiseMsg(EXC_TypeError, "vars() argument must have __dict__ attribute");
    }
    return NULL;
  }
  return r;
}
import { N_DICT } from "./names";
function dictName(): usize {
  return N_DICT;
}

import { dirOf, dirBuiltin } from "./dir";
function dir(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("dir", kwnames) || !checkArgCount("dir", nargs, 0, 1)) return NULL;
  if (nargs == 0) {
    const l = locals(self, args, 0, 0);
    if (l == NULL) return NULL;
    const r = <u64>listFromIterable(l);
    decref(l);
    if (r == NULL) return NULL;
    if (listSort(<usize>r, NULL, false) < 0) {
      decref(r);
      return NULL;
    }
    return r;
  }
  return dirBuiltin(arg(args, 0));
}

// ---------------------------------------------------------------------------------------------------
// The module

function addType(d: usize, kind: u32): void {
  const t = typeObject(kind);
  dictSetItem(d, <u64>load<u32>(t + 16), <u64>t);
}

/** Builds the builtins module once, at VM start-up. */
export function initBuiltins(): void {
  nameSep = strLiteral("sep");
  nameEnd = strLiteral("end");
  nameFile = strLiteral("file");
  nameFlush = strLiteral("flush");
  nameWrite = strLiteral("write");
  const d = dictNew();
  builtinsDict = d;
  builtinsModule = moduleNew(d, strLiteral("builtins"));
  moduleAddFunction(d, "print", print);
  moduleAddFunction(d, "input", input);
  moduleAddFunction(d, "len", len);
  moduleAddFunction(d, "repr", repr);
  moduleAddFunction(d, "ascii", ascii);
  moduleAddFunction(d, "format", format);
  moduleAddFunction(d, "abs", abs);
  moduleAddFunction(d, "isinstance", isinstance);
  moduleAddFunction(d, "issubclass", issubclass);
  moduleAddFunction(d, "callable", callable);
  moduleAddFunction(d, "hash", hash);
  moduleAddFunction(d, "id", id);
  moduleAddFunction(d, "chr", chr);
  moduleAddFunction(d, "ord", ord);
  moduleAddFunction(d, "hex", hex);
  moduleAddFunction(d, "oct", oct);
  moduleAddFunction(d, "bin", bin);
  moduleAddFunction(d, "divmod", divmod);
  moduleAddFunction(d, "pow", pow);
  moduleAddFunction(d, "round", round);
  moduleAddFunction(d, "iter", iter);
  moduleAddFunction(d, "next", next);
  addAsyncBuiltins(d); // async-gen.ts: aiter, anext
  moduleAddFunction(d, "any", any);
  moduleAddFunction(d, "all", all);
  moduleAddFunction(d, "sum", sum);
  moduleAddFunction(d, "min", min);
  moduleAddFunction(d, "max", max);
  moduleAddFunction(d, "sorted", sorted);
  moduleAddFunction(d, "getattr", getattr);
  moduleAddFunction(d, "setattr", setattr);
  moduleAddFunction(d, "delattr", delattr);
  moduleAddFunction(d, "hasattr", hasattr);
  moduleAddFunction(d, "globals", globals);
  moduleAddFunction(d, "locals", locals);
  moduleAddFunction(d, "vars", vars);
  moduleAddFunction(d, "dir", dir);
  addExecBuiltins(d); // exec-eval.ts: compile, exec, eval
  // Types, under their names.
  for (let k: u32 = 1; k < KIND_COUNT; k++) {
    if (k == KIND_EXCEPTION) continue;
    const name = load<u32>(typeObject(k) + 16);
    if (name != 0 && isPublicType(k)) addType(d, k);
  }
  // Exception classes.
  for (let id = 1; id < EXC_COUNT; id++) {
    const t = excType(id);
    dictSetItem(d, <u64>load<u32>(t + 16), <u64>t);
  }
  moduleAddValue(d, "None", NONE);
  moduleAddValue(d, "True", TRUE);
  moduleAddValue(d, "False", FALSE);
  moduleAddValue(d, "Ellipsis", <u64>ELLIPSIS);
  moduleAddValue(d, "NotImplemented", <u64>NOT_IMPLEMENTED);
  moduleAddValue(d, "__name__", <u64>strLiteral("builtins"));
  moduleAddValue(d, "EnvironmentError", <u64>excType(EXC_OSError));
  moduleAddValue(d, "IOError", <u64>excType(EXC_OSError));
}

import {
  KIND_COMPLEX,
  KIND_BYTES,
  KIND_SET,
  KIND_FROZENSET,
  KIND_RANGE,
  KIND_SLICE,
  KIND_PROPERTY,
  KIND_CLASSMETHOD,
  KIND_STATICMETHOD,
  KIND_SUPER,
  KIND_ENUMERATE,
  KIND_ZIP,
  KIND_MAP,
  KIND_FILTER,
  KIND_REVERSED,
  KIND_BYTEARRAY,
} from "./types";
function isPublicType(k: u32): bool {
  switch (k) {
    case KIND_TYPE:
    case KIND_OBJECT:
    case KIND_INT:
    case KIND_BOOL:
    case KIND_FLOAT:
    case KIND_COMPLEX:
    case KIND_STR:
    case KIND_BYTES:
    case KIND_BYTEARRAY:
    case KIND_TUPLE:
    case KIND_LIST:
    case KIND_DICT:
    case KIND_SET:
    case KIND_FROZENSET:
    case KIND_RANGE:
    case KIND_SLICE:
    case KIND_PROPERTY:
    case KIND_CLASSMETHOD:
    case KIND_STATICMETHOD:
    case KIND_SUPER:
    case KIND_ENUMERATE:
    case KIND_ZIP:
    case KIND_MAP:
    case KIND_FILTER:
    case KIND_REVERSED:
      return true;
  }
  return false;
}

export { identityHash, instanceDict, typeLookup, typeMro, typeDict, dictGetItem, dictNext, FN_GLOBALS, builtinNew, N_DIR };
