// Test entry for list / tuple / range / slice (test/wasm-list.test.ts): the functions themselves,
// plus what the host needs to build values, call registered methods and check for leaks.
import "../str-methods"; // module order: see assembly/index.ts
import { Value } from "../values";
import { typeObject } from "../types";
import { tupleSetItem as tupleSetItemInline } from "../tuple";
import { listSetItemRaw as listSetItemRawInline } from "../list";
import {
  registeredMethodCount,
  registeredMethodType,
  registeredMethodName,
  registeredMethodFn,
} from "../native";
import { registerListMethods } from "../list-methods";
import { registerTupleMethods } from "../tuple-methods";
import { registerRangeMethods } from "../range";
import { registerSliceMethods } from "../slice";

export { heapInit, heapBytesInUse, heapAudit } from "../heap";
export { alloc as heapAlloc, free as heapFree } from "../heap";
export { errorType, errorMessagePtr, errorMessageLength, errorClear, kindOfValue as valueKind } from "../types";
export { decref as valueDecref, valueIncref } from "../refcount";
export { strFromUtf8 } from "../str";
export { floatNew } from "../float";
export { intFromI64 } from "../int";
export { tupleAlloc } from "../tuple";

export {
  listNew,
  listAppend,
  listGetItem,
  listSetItem,
  listDelItem,
  listInsert,
  listSubscript,
  listAssignSubscript,
  listSlice,
  listAssignSlice,
  listConcat,
  listRepeat,
  listExtend,
  listInplaceConcat,
  listContains,
  listEq,
  listCompare,
  listClear,
  listReverse,
  listIterNew,
  listIterNext,
  listRevIterNew,
  listRevIterNext,
  listFromIterable,
} from "../list";
export { listSort, listSortByKeys, listPop } from "../list-methods";
export {
  tupleGetItem,
  tupleSubscript,
  tupleConcat,
  tupleRepeat,
  tupleContains,
  tupleCompare,
  tupleIterNew,
  tupleIterNext,
  tupleFromIterable,
} from "../tuple-methods";
export {
  rangeCall,
  rangeLen,
  rangeSubscript,
  rangeContains,
  rangeEq,
  rangeRepr,
  rangeIterNew,
  rangeIterNext,
  rangeReversed,
  rangeStartValue,
  rangeStopValue,
  rangeStepValue,
  rangeLengthValue,
} from "../range";
export { sliceNew, sliceCall, sliceRepr } from "../slice";

export function tupleSetItem(t: usize, i: usize, v: Value): void {
  tupleSetItemInline(t, i, v);
}
export function listSetItemRaw(p: usize, i: usize, v: Value): void {
  listSetItemRawInline(p, i, v);
}

registerListMethods();
registerTupleMethods();
registerRangeMethods();
registerSliceMethods();

/** Index of the registered method `name` (UTF-8 bytes at ptr) of the builtin type `kind`, or -1. */
export function findMethod(kind: u32, ptr: usize, len: i32): i32 {
  const t = typeObject(kind);
  for (let i = 0; i < registeredMethodCount(); i++) {
    if (registeredMethodType(i) != t) continue;
    const name = registeredMethodName(i);
    if (name.length != len) continue;
    let same = true;
    for (let j = 0; j < len; j++) {
      if (<u32>name.charCodeAt(j) != <u32>load<u8>(ptr + <usize>j)) {
        same = false;
        break;
      }
    }
    if (same) return i;
  }
  return -1;
}

export function callMethod(index: i32, self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return registeredMethodFn(index)(self, args, nargs, kwnames);
}

// Static objects last (assembly/startup.ts).
import { initStatics } from "../startup";
initStatics();
