/**
 * The `sys` module: streams (sys.stdout/sys.stderr with write/flush), exit, recursion limit,
 * exc_info, version facts of the CPython 3.11 we emulate, int_max_str_digits, modules.
 */
import { Value, NULL, NONE, TRUE, FALSE, isSmallInt, getSmallInt, makeSmallInt, isObject } from "./values";
import { kindOf, typeOf, raiseMsg, raiseBegin, raiseObject, errText, errTypeName, KIND_STR, EXC_TypeError, EXC_ValueError, EXC_SystemExit, EXC_RecursionError } from "./types";
import { incref, decref } from "./refcount";
import { tupleAlloc, tupleSetItem, EMPTY_TUPLE } from "./tuple";
import { dictNew, dictSetItem } from "./dict";
import { moduleNew, moduleAddFunction, moduleAddValue } from "./function";
import { addAsyncgenHooks } from "./async-gen";
import { strLiteral } from "./names";
import { arg, checkArgCount, noKeywords } from "./native";
import { recursionLimit, setRecursionLimit, callDepth, excInfo } from "./eval";
import { cDepth } from "./recursion";
import { addSysInfo } from "./sys-info";
import { excNew, excType, EX_TRACEBACK, setStopIterationValue } from "./exceptions";
import { EXC_SystemExit as SYSEXIT } from "./exceptions.generated";
import { writeOut, flushOut } from "./io";
import { listNew } from "./list";
import { vecItems } from "./tuple";
import { intFromI64 } from "./int";
import { floatNew } from "./float";
import { setIntMaxStrDigits, intMaxStrDigits } from "./int-ops";

export let sysModule: usize = 0;
export let sysDict: usize = 0;
export let modulesDict: usize = 0;
export let stdoutObj: Value = NULL;
export let stderrObj: Value = NULL;

function streamWrite(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("write", kwnames) || !checkArgCount("write", nargs, 1, 1)) return NULL;
  const s = arg(args, 0);
  if (!isObject(s) || kindOf(<usize>s) != KIND_STR) {
    raiseBegin(EXC_TypeError);
    errText("write() argument must be str, not ");
    errTypeName(s);
    return NULL;
  }
  const fd = self == stderrObj ? 2 : 1;
  writeOut(fd, <usize>s);
  return makeSmallInt(<i64>load<u32>(<usize>s + 8));
}

function streamFlush(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  flushOut();
  return NONE;
}

import { builtinNew } from "./function";
import { displayhook } from "./builtins";
import { dictGetItem } from "./dict";
import { call1 } from "./ops";
import { EXC_RuntimeError } from "./types";

let N_DISPLAYHOOK: usize = 0;

/** PRINT_EXPR: sys.displayhook(v) (new reference, NULL on error). */
export function printExpr(v: Value): Value {
  if (N_DISPLAYHOOK == 0) N_DISPLAYHOOK = strLiteral("displayhook");
  const hook = dictGetItem(sysDict, <u64>N_DISPLAYHOOK);
  if (hook == NULL) return <u64>raiseMsg(EXC_RuntimeError, "lost sys.displayhook");
  return call1(hook, v);
}
function makeStream(name: string, fdName: string): Value {
  const d = dictNew();
  const m = moduleNew(d, strLiteral(name));
  const w = builtinNew(streamWrite, strLiteral("write"), <u64>m, 0);
  dictSetItem(d, <u64>strLiteral("write"), <u64>w);
  decref(<u64>w);
  const f = builtinNew(streamFlush, strLiteral("flush"), <u64>m, 0);
  dictSetItem(d, <u64>strLiteral("flush"), <u64>f);
  decref(<u64>f);
  dictSetItem(d, <u64>strLiteral("encoding"), <u64>strLiteral("utf-8"));
  decref(<u64>d);
  return <u64>m;
}

function exit(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("exit", kwnames) || !checkArgCount("exit", nargs, 0, 1)) return NULL;
  const t = nargs == 0 ? EMPTY_TUPLE : tupleAlloc(1);
  if (nargs == 1) {
    const v = arg(args, 0);
    incref(v);
    tupleSetItem(t, 0, v);
  }
  const e = excNew(excType(SYSEXIT), t);
  if (e == 0) return NULL;
  setStopIterationValue(e); // SystemExit.code: the argument or None
  raiseObject(<u64>e);
  return NULL;
}

function getrecursionlimit(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return makeSmallInt(recursionLimit);
}

function setrecursionlimit(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("setrecursionlimit", kwnames) || !checkArgCount("setrecursionlimit", nargs, 1, 1)) return NULL;
  const v = arg(args, 0);
  if (!isSmallInt(v)) {
    raiseBegin(EXC_TypeError);
    errText("'");
    errTypeName(v);
    errText("' object cannot be interpreted as an integer");
    return NULL;
  }
  const n = getSmallInt(v);
  if (n < 1) {
    raiseMsg(EXC_ValueError, "recursion limit must be greater or equal than 1");
    return NULL;
  }
  if (n <= callDepth + cDepth) {
    raiseBegin(EXC_RecursionError);
    errText("cannot set the recursion limit: the new limit is too low at the current recursion depth");
    return NULL;
  }
  setRecursionLimit(n > 0x7fffffff ? 0x7fffffff : <i32>n);
  return NONE;
}

function exc_info(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  const t = tupleAlloc(3);
  if (t == 0) return NULL;
  const e = excInfo;
  if (e == NULL) {
    tupleSetItem(t, 0, NONE);
    tupleSetItem(t, 1, NONE);
    tupleSetItem(t, 2, NONE);
    return <u64>t;
  }
  const ty = <u64>typeOf(e);
  incref(ty);
  incref(e);
  tupleSetItem(t, 0, ty);
  tupleSetItem(t, 1, e);
  const tb = <u64>load<u32>(<usize>e + EX_TRACEBACK);
  if (tb != 0) incref(tb);
  tupleSetItem(t, 2, tb == 0 ? NONE : tb);
  return <u64>t;
}

function exception(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  const e = excInfo == NULL ? NONE : excInfo;
  incref(e);
  return e;
}

function setIntMax(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!checkArgCount("set_int_max_str_digits", nargs, 1, 1)) return NULL;
  const v = arg(args, 0);
  if (!isSmallInt(v)) {
    raiseMsg(EXC_TypeError, "an integer is required");
    return NULL;
  }
  const n = getSmallInt(v);
  if (n != 0 && n < 640) {
    raiseMsg(EXC_ValueError, "maxdigits must be 0 or larger than 640");
    return NULL;
  }
  setIntMaxStrDigits(<i32>n);
  return NONE;
}

function getIntMax(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return makeSmallInt(intMaxStrDigits());
}

function intern(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!checkArgCount("intern", nargs, 1, 1)) return NULL;
  const v = arg(args, 0);
  incref(v);
  return v;
}

function tuple5(a: Value, b: Value, c: Value, d: Value, e: Value): Value {
  const t = tupleAlloc(5);
  tupleSetItem(t, 0, a);
  tupleSetItem(t, 1, b);
  tupleSetItem(t, 2, c);
  tupleSetItem(t, 3, d);
  tupleSetItem(t, 4, e);
  return <u64>t;
}

export function initSys(argv0: usize): void {
  const d = dictNew();
  sysDict = d;
  sysModule = moduleNew(d, strLiteral("sys"));
  modulesDict = dictNew();
  stdoutObj = makeStream("stdout", "1");
  stderrObj = makeStream("stderr", "2");
  moduleAddValue(d, "stdout", stdoutObj);
  moduleAddValue(d, "stderr", stderrObj);
  moduleAddValue(d, "__stdout__", stdoutObj);
  moduleAddValue(d, "__stderr__", stderrObj);
  const stdinObj = makeStream("stdin", "0");
  moduleAddValue(d, "stdin", stdinObj);
  moduleAddValue(d, "__stdin__", stdinObj);
  moduleAddFunction(d, "exit", exit);
  moduleAddFunction(d, "getrecursionlimit", getrecursionlimit);
  moduleAddFunction(d, "setrecursionlimit", setrecursionlimit);
  moduleAddFunction(d, "exc_info", exc_info);
  moduleAddFunction(d, "exception", exception);
  moduleAddFunction(d, "set_int_max_str_digits", setIntMax);
  moduleAddFunction(d, "get_int_max_str_digits", getIntMax);
  moduleAddFunction(d, "intern", intern);
  moduleAddFunction(d, "displayhook", displayhook);
  moduleAddFunction(d, "__displayhook__", displayhook);
  addAsyncgenHooks(d); // async-gen.ts: set_asyncgen_hooks, get_asyncgen_hooks
  moduleAddValue(d, "maxsize", intFromI64(0x7fffffffffffffff));
  moduleAddValue(d, "maxunicode", makeSmallInt(0x10ffff));
  moduleAddValue(d, "byteorder", <u64>strLiteral("little"));
  moduleAddValue(d, "platform", <u64>strLiteral("linux"));
  moduleAddValue(d, "version", <u64>strLiteral("3.11.7 (pyvm, WebAssembly)"));
  moduleAddValue(d, "hexversion", makeSmallInt(0x30b07f0));
  addSysInfo(d); // version_info, float_info, int_info, hash_info, flags, implementation (sys-info.ts)
  moduleAddValue(d, "modules", <u64>modulesDict);
  const argv = listNew(1);
  incref(<u64>argv0);
  store<u64>(vecItems(argv), <u64>argv0);
  moduleAddValue(d, "argv", <u64>argv);
  decref(<u64>argv);
  const path = listNew(0);
  moduleAddValue(d, "path", <u64>path);
  decref(<u64>path);
  dictSetItem(modulesDict, <u64>strLiteral("sys"), <u64>sysModule);
}
