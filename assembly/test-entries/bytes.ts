// Test entry for bytes-ops.ts and itertools.ts (test/wasm-bytes.test.ts): bytes operations and the
// registered bytes methods called by name, and the builtin iterators (enumerate, zip, map, filter,
// reversed, iter(callable, sentinel)) drained into lists, with a few native callables to map and
// filter with.
import "../str-methods"; // module order as in index.ts: every global is set before start-up code runs
import { Value, NULL, isSmallInt, getSmallInt, makeSmallInt, isObject } from "../values";
import { kindOfValue, typeObject, KIND_BYTES, KIND_TUPLE, KIND_LIST, KIND_STR, raiseMsg, raiseBegin, errText, EXC_TypeError, EXC_ValueError, EXC_StopIteration } from "../types";
import { tupleAlloc, tupleSetItem, tupleSize, tupleItem, vecSize, vecItems } from "../tuple";
import { bytesLength, bytesData } from "../bytes";
import { strEqualLiteral } from "../str";
import { decref } from "../refcount";
import { registeredMethodCount, registeredMethodName, registeredMethodFn, registeredMethodType, registeredMethodKind, METHOD_STATIC, METHOD_CLASS, NativeFn } from "../native";
import { listNewEmpty, listAppendSteal } from "../list";
import { builtinNew } from "../function";
import { registerBytesMethods } from "../bytes-ops";
import { builtinIterNext as iterNext } from "../itertools";
import { objIterNext, objGetIter } from "../ops";
import { errorType } from "../types";

export { heapInit, heapBytesInUse, alloc as heapAlloc, free as heapFree } from "../heap";
export { errorType, errorMessagePtr, errorMessageLength, errorClear } from "../types";
export { strFromUtf8, strUtf8Length, strWriteUtf8 } from "../str";
export { bytesFromMemory } from "../bytes";
export { decref as valueDecref, valueIncref } from "../refcount";
export { intFromDigits15 } from "../int";
export { rangeFromI64 } from "../range";
export {
  bytesConcat,
  bytesRepeat,
  bytesCompare,
  bytesSubscript,
  bytesContains,
  bytesIterNew,
  bytesIterNext,
  bytesRepr,
  bytesFromValue,
  bytesCall,
} from "../bytes-ops";
export {
  builtinEnumerate,
  builtinZip,
  builtinMap,
  builtinFilter,
  builtinReversed,
  callableIterNew,
} from "../itertools";
export { sliceNew } from "../slice";

// Static objects (type objects, ...) once every module's globals are set (startup.ts), then methods.
import { initStatics } from "../startup";
import { registerStrMethods } from "../str-methods";
initStatics();
registerStrMethods(); // bytes(str, encoding) calls str.encode
registerBytesMethods();

/** Calls registered bytes method `name` (a str object); args: a tuple of positional then keyword values. */
export function callMethod(name: usize, self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  const n = registeredMethodCount();
  const t = typeObject(KIND_BYTES);
  for (let i = 0; i < n; i++) {
    if (registeredMethodType(i) == t && strEqualLiteral(name, registeredMethodName(i))) {
      const fn = registeredMethodFn(i);
      const k = registeredMethodKind(i);
      const s = k == METHOD_STATIC ? NULL : k == METHOD_CLASS ? <Value>t : self;
      return fn(s, args == 0 ? 0 : args + 16, nargs, kwnames == 0 || tupleSize(kwnames) == 0 ? 0 : kwnames);
    }
  }
  return <Value>raiseMsg(EXC_TypeError, "no such method");
}

/** Calls a native function with a tuple of positional-then-keyword values. */
export function callNative(fnIndex: i32, args: usize, nargs: i32, kwnames: usize): Value {
  const fn = nativeByIndex(fnIndex);
  return fn(NULL, args == 0 ? 0 : args + 16, nargs, kwnames == 0 || tupleSize(kwnames) == 0 ? 0 : kwnames);
}

import { builtinEnumerate, builtinZip, builtinMap, builtinFilter, builtinReversed } from "../itertools";
import { bytesCall } from "../bytes-ops";
function nativeByIndex(i: i32): NativeFn {
  switch (i) {
    case 0:
      return builtinEnumerate;
    case 1:
      return builtinZip;
    case 2:
      return builtinMap;
    case 3:
      return builtinFilter;
    case 4:
      return builtinReversed;
  }
  return bytesCall;
}

/** Drains an iterator into a list (through ops.objIterNext, or builtinIterNext directly when direct). */
export function drain(it: Value, direct: bool): Value {
  const l = listNewEmpty(0);
  if (l == 0) return NULL;
  while (true) {
    const v = direct ? iterNext(<usize>it) : objIterNext(it);
    if (v == NULL) {
      if (errorType() != 0) {
        decref(<Value>l);
        return NULL;
      }
      return <Value>l;
    }
    if (listAppendSteal(l, v) < 0) {
      decref(<Value>l);
      return NULL;
    }
  }
  return NULL;
}

/** iter(v) through the generic protocol. */
export function iterOf(v: Value): Value {
  return objGetIter(v);
}

/** One next() call (for checking behaviour after exhaustion). */
export function nextOf(it: Value): Value {
  return objIterNext(it);
}

// Native callables for map/filter/iter tests, as builtin_function_or_method objects.
let calls: i64 = 0;
export function resetCalls(): void {
  calls = 0;
}

/** neg(x) = -x for small ints. */
function fnNeg(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (nargs != 1) return <Value>raiseMsg(EXC_TypeError, "neg() takes 1 argument");
  const x = load<u64>(args);
  if (!isSmallInt(x)) return <Value>raiseMsg(EXC_TypeError, "bad operand type for unary -");
  return makeSmallInt(-getSmallInt(x));
}
/** add(*xs) = sum of small ints. */
function fnAdd(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  let s: i64 = 0;
  for (let i = 0; i < nargs; i++) {
    const x = load<u64>(args + (<usize>i << 3));
    if (!isSmallInt(x)) return <Value>raiseMsg(EXC_TypeError, "unsupported operand type(s) for +");
    s += getSmallInt(x);
  }
  return makeSmallInt(s);
}
/** odd(x) = x & 1. */
function fnOdd(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  const x = load<u64>(args);
  if (!isSmallInt(x)) return <Value>raiseMsg(EXC_TypeError, "unsupported operand type(s) for &");
  return makeSmallInt(getSmallInt(x) & 1);
}
/** counter() = 0, 1, 2, ... */
function fnCounter(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return makeSmallInt(calls++);
}
/** stopper(): 0, 1, 2, then raises StopIteration. */
function fnStopper(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (calls >= 3) return <Value>raiseMsg(EXC_StopIteration, "");
  return makeSmallInt(calls++);
}
/** boom(*a): raises ValueError('boom') on its third call. */
function fnBoom(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (calls++ >= 2) return <Value>raiseMsg(EXC_ValueError, "boom");
  return makeSmallInt(calls);
}

/** A builtin function object for test callable i (name: a str object, borrowed). */
export function testCallable(i: i32, name: usize): Value {
  let fn: NativeFn = fnNeg;
  if (i == 1) fn = fnAdd;
  else if (i == 2) fn = fnOdd;
  else if (i == 3) fn = fnCounter;
  else if (i == 4) fn = fnStopper;
  else if (i == 5) fn = fnBoom;
  return <Value>builtinNew(fn, name, NULL, 0);
}

// Containers for building arguments and reading results.
export function tupleNew(n: usize): usize {
  return tupleAlloc(n);
}
export function tupleSet(t: usize, i: usize, v: Value): void {
  tupleSetItem(t, i, v);
}
export function listNew(): usize {
  return listNewEmpty(0);
}
export function listAppend(l: usize, v: Value): bool {
  return listAppendSteal(l, v) == 0;
}
export function valueKind(v: Value): u32 {
  return kindOfValue(v);
}
export function seqSize(v: Value): u32 {
  const k = kindOfValue(v);
  if (k == KIND_TUPLE) return tupleSize(<usize>v);
  if (k == KIND_LIST) return vecSize(<usize>v);
  return 0;
}
export function seqItem(v: Value, i: usize): Value {
  const k = kindOfValue(v);
  if (k == KIND_TUPLE) return tupleItem(<usize>v, i);
  if (k == KIND_LIST) return load<u64>(vecItems(<usize>v) + (i << 3));
  return 0;
}
export function bytesLen(p: usize): u32 {
  return bytesLength(p);
}
export function bytesPtr(p: usize): usize {
  return bytesData(p);
}
export function bytesType(): usize {
  return typeObject(KIND_BYTES);
}
export function boolType(): usize {
  return typeObject(3);
}
