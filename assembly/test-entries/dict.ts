// Test entry for hash / dict / set (test/wasm-dict.test.ts): the functions themselves, plus what
// the host needs to build values, call registered methods and check for leaks.
import "../str-methods"; // module order: see assembly/index.ts
import { Value } from "../values";
import { typeObject } from "../types";
import { tupleSetItem as tupleSetItemInline } from "../tuple";
import { registeredMethodCount, registeredMethodType, registeredMethodName, registeredMethodFn } from "../native";
import { registerDictMethods } from "../dict-methods";
import { registerSetMethods } from "../set-methods";
import { dictNext as dictNextFn } from "../dict";

export { heapInit, heapBytesInUse, heapAudit } from "../heap";
export { alloc as heapAlloc, free as heapFree } from "../heap";
export { errorType, errorMessagePtr, errorMessageLength, errorClear, errorValue, kindOfValue as valueKind } from "../types";
export { decref as valueDecref, valueIncref } from "../refcount";
export { strFromUtf8 } from "../str";
export { bytesFromMemory } from "../bytes";
export { floatNew, complexNew } from "../float";
export { intFromI64, intFromDigits15 } from "../int";
export { tupleAlloc } from "../tuple";
export { unmarshal, unmarshalInputAlloc, unmarshalInputFree } from "../unmarshal";

export { hashValue, valueEq, siphash13, setAddressHashes } from "../hash";
export {
  dictNew,
  dictNewPresized,
  dictSetItem,
  dictGetItem,
  dictGetItemStr,
  dictDelItem,
  dictContains,
  dictSize,
  dictCopy,
  dictUpdate,
  dictClear,
  dictPop,
  dictPopItem,
  dictSetDefault,
  dictEqual,
  dictVersion,
  dictLookupIndex,
  dictEntryKey,
  dictEntryValue,
  dictViewNew,
  dictViewLen,
  dictViewContains,
  dictViewRichCompare,
  dictViewAnd,
  dictViewOr,
  dictViewSub,
  dictViewXor,
  dictViewIsDisjoint,
  dictIterNew,
  dictIterNext,
  dictViewIter,
  dictKeysBytes,
  dictKeyAt,
  dictValueAt,
  dictLength,
} from "../dict";
export {
  setNew,
  setFromIterable,
  setAdd,
  setDiscard,
  setRemove,
  setContains,
  setPop,
  setClear,
  setCopy,
  setUpdate,
  setOr,
  setIntersection,
  setDifference,
  setSymmetricDifference,
  setSymmetricDifferenceUpdate,
  setDifferenceUpdate,
  setIsSubset,
  setIsSuperset,
  setIsDisjoint,
  setEq,
  setRichCompare,
  setIterNew,
  setIterNext,
  setUsed,
  setMask,
  setFill,
} from "../set";

export function tupleSetItem(t: usize, i: usize, v: Value): void {
  tupleSetItemInline(t, i, v);
}

/** PyDict_Next with a host-side cursor: returns the key (borrowed) or 0; the position is at posPtr. */
export function dictNext(d: usize, posPtr: usize, keyOut: usize, valueOut: usize): bool {
  return dictNextFn(d, posPtr, keyOut, valueOut);
}

registerDictMethods();
registerSetMethods();

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

/** The type object of a builtin kind (for classmethods such as dict.fromkeys). */
export function builtinType(kind: u32): usize {
  return typeObject(kind);
}

// Static objects last (assembly/startup.ts).
import { initStatics } from "../startup";
initStatics();
