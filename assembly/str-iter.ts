/** str subscripts (s[i], s[a:b:c]) and the str iterator (KIND_STR_ITER: [ header | str u32 | index u32 ]). */
import { Value, NULL, isObject } from "./values";
import { alloc } from "./heap";
import { initHeader } from "./object";
import { kindOf, typeObject, raiseBegin, errText, errTypeName, KIND_SLICE, KIND_STR_ITER, EXC_TypeError } from "./types";
import { incref, decref } from "./refcount";
import { strLength } from "./str";
import { strGetItem, strSlice, strFromCodePoint } from "./str-ops";
import { strCodePoint } from "./str";
import { isIntValue, subscriptIndex, indexOut, sliceIndicesFor, sliceStartOut, sliceStopOut, sliceStepOut } from "./slice";

export const STR_ITER_SIZE: usize = 16;

import { hasIndexSlot, getItemViaIndex } from "./index-protocol";
export function strSubscript(s: usize, key: Value): Value {
  if (isIntValue(key)) {
    if (!subscriptIndex(key)) return NULL;
    const r = strGetItem(s, indexOut);
    return r == 0 ? NULL : <u64>r;
  }
  if (isObject(key) && kindOf(<usize>key) == KIND_SLICE) {
    if (sliceIndicesFor(<usize>key, <i64>strLength(s)) < 0) return NULL;
    const r = strSlice(s, sliceStartOut, sliceStopOut, sliceStepOut);
    return r == 0 ? NULL : <u64>r;
  }
  if (hasIndexSlot(key)) return getItemViaIndex(<Value>s, key);
  raiseBegin(EXC_TypeError);
  errText("string indices must be integers, not '");
  errTypeName(key);
  errText("'");
  return NULL;
}

import { variantType, VARIANT_STR_ITER } from "./type-variants";
import { strIsAscii } from "./str-ops";
export function strIterNew(s: usize): Value {
  const it = alloc(STR_ITER_SIZE);
  if (it == 0) return NULL;
  // CPython's str_ascii_iterator serves ASCII strings only; others get a str_iterator.
  initHeader(it, strIsAscii(s) ? typeObject(KIND_STR_ITER) : variantType(VARIANT_STR_ITER));
  incref(<u64>s);
  store<u32>(it + 8, <u32>s);
  return <u64>it;
}

export function strIterNext(it: usize): Value {
  const s = <usize>load<u32>(it + 8);
  if (s == 0) return NULL;
  const i = load<u32>(it + 12);
  if (i >= strLength(s)) {
    store<u32>(it + 8, 0);
    decref(<u64>s);
    return NULL;
  }
  store<u32>(it + 12, i + 1);
  return <u64>strFromCodePoint(strCodePoint(s, <usize>i));
}
