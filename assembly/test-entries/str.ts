// Test entry for str-ops.ts / str-methods.ts (test/wasm-str.test.ts): str objects in and out as
// UTF-8 (surrogatepass), the operations, registered methods called by name, and a subscript hook
// for dicts/tuples/lists of the minimal layouts so translate/format_map/%(key) can be exercised.
import "../str-methods"; // module order: see assembly/index.ts
import { Value, NULL, isSmallInt, getSmallInt, makeSmallInt, isObject } from "../values";
import { kindOf, kindOfValue, KIND_STR, KIND_DICT, KIND_TUPLE, KIND_LIST, raiseWithValue, raiseMsg, EXC_KeyError, EXC_IndexError, EXC_TypeError, raiseBegin, errText, errTypeName } from "../types";
import { strLength, strEqual, strKind } from "../str";
import { tupleAlloc, tupleSetItem, tupleSize, tupleItem, vecAlloc, vecAppend, vecSize, vecItems } from "../tuple";
import { dictNew as dictCreate, dictSetItem, dictGetItem, dictLength, dictKeyAt, dictValueAt } from "../dict";
import { errorType } from "../types";
import { bytesLength, bytesData } from "../bytes";
import { incref, decref } from "../refcount";
import { registeredMethodCount, registeredMethodName, registeredMethodFn, registeredMethodType, registeredMethodKind, METHOD_STATIC } from "../native";
import { strEqualLiteral } from "../str";
import { registerStrMethods, strSetSubscriptHook, strPercentFormat, strFormatSpec } from "../str-methods";
import * as ops from "../str-ops";

export { heapInit, heapBytesInUse, alloc as heapAlloc, free as heapFree } from "../heap";
export { errorType, errorMessagePtr, errorMessageLength, errorClear, errorValue } from "../types";
export { strFromUtf8, strUtf8Length, strWriteUtf8 } from "../str";
export { decref as valueDecref, valueIncref } from "../refcount";
export {
  strConcat,
  strRepeat,
  strSlice,
  sliceAdjustIndices,
  strGetItem,
  strContains,
  strFind,
  strRFind,
  strCount,
  strCompare,
  strRepr,
  strAscii,
  strFromCodePoint,
  strSubstring,
} from "../str-ops";
export { strPercentFormat, strFormatSpec } from "../str-methods";
export { intFromDigits15 } from "../int";

export function sliceStartOut(): i64 {
  return ops.sliceStart;
}
export function sliceStopOut(): i64 {
  return ops.sliceStop;
}

function testSubscript(obj: Value, key: Value): Value {
  const k = kindOfValue(obj);
  if (k == KIND_DICT) {
    const v = dictGetItem(<usize>obj, key);
    if (v == NULL) {
      if (errorType() != 0) return NULL;
      return <Value>raiseWithValue(EXC_KeyError, key);
    }
    incref(v);
    return v;
  }
  if (k == KIND_TUPLE || k == KIND_LIST) {
    if (!isSmallInt(key)) {
      raiseBegin(EXC_TypeError);
      errText(k == KIND_TUPLE ? "tuple indices must be integers or slices, not " : "list indices must be integers or slices, not ");
      errTypeName(key);
      return NULL;
    }
    const n = <i64>(k == KIND_TUPLE ? tupleSize(<usize>obj) : vecSize(<usize>obj));
    let i = getSmallInt(key);
    if (i < 0) i += n;
    if (i < 0 || i >= n) return <Value>raiseMsg(EXC_IndexError, k == KIND_TUPLE ? "tuple index out of range" : "list index out of range");
    const v = k == KIND_TUPLE ? tupleItem(<usize>obj, <usize>i) : load<u64>(vecItems(<usize>obj) + (<usize>i << 3));
    incref(v);
    return v;
  }
  if (k == KIND_STR) {
    if (!isSmallInt(key)) return <Value>raiseMsg(EXC_TypeError, "string indices must be integers, not 'str'");
    return <Value>ops.strGetItem(<usize>obj, getSmallInt(key));
  }
  raiseBegin(EXC_TypeError);
  errText("'");
  errTypeName(obj);
  errText("' object is not subscriptable");
  return NULL;
}

registerStrMethods();
strSetSubscriptHook(testSubscript);

/** Calls registered str method `name` (a str object): args = positional then keyword values. */
export function callMethod(name: usize, self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  const n = registeredMethodCount();
  for (let i = 0; i < n; i++) {
    if (strEqualLiteral(name, registeredMethodName(i))) {
      const fn = registeredMethodFn(i);
      const s = registeredMethodKind(i) == METHOD_STATIC ? NULL : self;
      return fn(s, args == 0 ? 0 : args + 16, nargs, kwnames == 0 || tupleSize(kwnames) == 0 ? 0 : kwnames);
    }
  }
  return NULL;
}

// Containers for building arguments and reading results.
export function tupleNew(n: usize): usize {
  return tupleAlloc(n);
}
export function tupleSet(t: usize, i: usize, v: Value): void {
  tupleSetItem(t, i, v);
}
export function listNew(): usize {
  return vecAlloc(KIND_LIST, 0);
}
export function listAppend(l: usize, v: Value): bool {
  return vecAppend(l, v);
}
export function dictNew(): usize {
  return dictCreate();
}
/** d[k] = v, consuming both references. */
export function dictAdd(d: usize, k: Value, v: Value): bool {
  const r = dictSetItem(d, k, v);
  decref(k);
  decref(v);
  return r == 0;
}
export function valueKind(v: Value): u32 {
  return kindOfValue(v);
}
export function seqSize(v: Value): u32 {
  const k = kindOfValue(v);
  if (k == KIND_TUPLE) return tupleSize(<usize>v);
  if (k == KIND_LIST) return vecSize(<usize>v);
  if (k == KIND_DICT) return <u32>dictLength(<usize>v);
  return 0;
}
export function seqItem(v: Value, i: usize): Value {
  const k = kindOfValue(v);
  if (k == KIND_TUPLE) return tupleItem(<usize>v, i);
  if (k == KIND_LIST) return load<u64>(vecItems(<usize>v) + (i << 3));
  return 0;
}
/** Dict entry i: key (which = 0) or value (1), borrowed. */
export function dictItem(d: usize, i: usize, which: i32): Value {
  return which == 0 ? dictKeyAt(d, <i32>i) : dictValueAt(d, <i32>i);
}
export function bytesLen(p: usize): u32 {
  return bytesLength(p);
}
export function bytesPtr(p: usize): usize {
  return bytesData(p);
}
export function strKindOf(p: usize): u32 {
  return strKind(p);
}
export function strAsciiFlag(p: usize): u32 {
  return <u32>load<u8>(p, 13);
}

// String builder, driven from JS.
export { sbNew, sbAppendStr, sbAppendCodePoint, sbFinish, sbDiscard, sbAppendInt } from "../str-ops";
export function sbAppendHello(sb: usize): bool {
  return ops.sbAppendAscii(sb, "hello");
}

// Static objects last (assembly/startup.ts).
import { initStatics } from "../startup";
initStatics();
