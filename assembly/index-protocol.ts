/**
 * The __index__ protocol where CPython applies it to objects that are not ints: PyIndex_Check,
 * PyNumber_Index, the len() result conversion (slot_sq_length), sequence subscripts with an
 * __index__ key (list_subscript & co. via PyNumber_AsSsize_t) and sequence repetition
 * (sequence_repeat). The int fast paths stay in their own files; these are their slow paths.
 *
 * Entry points: hasIndexSlot, numberIndex, lenFromResult, getItemViaIndex, setItemViaIndex,
 * repeatViaIndex.
 */
import { Value, NULL, TRUE, FALSE, isSmallInt, getSmallInt, isObject } from "./values";
import {
  kindOf,
  kindOfValue,
  raiseBegin,
  raiseMsg,
  errText,
  errTypeName,
  KIND_INT,
  KIND_STR,
  KIND_LIST,
  KIND_TUPLE,
  KIND_BYTES,
  KIND_BYTEARRAY,
  KIND_RANGE,
  EXC_IndexError,
  EXC_TypeError,
  EXC_ValueError,
  EXC_OverflowError,
} from "./types";
import { decref } from "./refcount";
import { N_INDEX } from "./names";
import { userSlot, callMethod0, binaryOp } from "./ops";
import { builtinGetItem, builtinSetItem } from "./collections";
import { bigSign } from "./int";
import { bigToI64, indexOut } from "./slice";
import { exactInt } from "./num-methods";

/** An int value: small, big (int subclasses too) or bool. */
// @ts-ignore: decorator
@inline function isIntVal(v: Value): bool {
  if (isSmallInt(v) || v == TRUE || v == FALSE) return true;
  return isObject(v) && kindOf(<usize>v) == KIND_INT;
}

/** PyIndex_Check for a value that is not an int: its class defines __index__. */
export function hasIndexSlot(v: Value): bool {
  return userSlot(v, N_INDEX) != NULL;
}

function raiseNotInteger(v: Value): void {
  raiseBegin(EXC_TypeError);
  errText("'");
  errTypeName(v);
  errText("' object cannot be interpreted as an integer");
}

/**
 * PyNumber_Index: v as an exact int (new reference; bools become 0/1, subclasses plain ints), or
 * NULL with TypeError "'X' object cannot be interpreted as an integer" / "__index__ returned
 * non-int (type X)".
 */
export function numberIndex(v: Value): Value {
  if (isIntVal(v)) return exactInt(v);
  const d = userSlot(v, N_INDEX);
  if (d == NULL) {
    raiseNotInteger(v);
    return NULL;
  }
  const r = callMethod0(d, v);
  if (r == NULL) return NULL;
  if (isSmallInt(r)) return r;
  if (!isIntVal(r)) {
    raiseBegin(EXC_TypeError);
    errText("__index__ returned non-int (type ");
    errTypeName(r);
    errText(")");
    decref(r);
    return NULL;
  }
  const x = exactInt(r);
  decref(r);
  return x;
}

/**
 * The length a user __len__ returned, as slot_sq_length converts it: through __index__, ValueError
 * "__len__() should return >= 0" for a negative one, OverflowError "cannot fit 'int' into an
 * index-sized integer" beyond i64. Borrows r; -1 after an error.
 */
export function lenFromResult(r: Value): i64 {
  if (isSmallInt(r)) {
    const n = getSmallInt(r);
    if (n >= 0) return n;
  }
  const x = numberIndex(r);
  if (x == NULL) return -1;
  let n: i64 = 0;
  let neg = false;
  let fits = true;
  if (isSmallInt(x)) {
    n = getSmallInt(x);
    neg = n < 0;
  } else {
    neg = bigSign(<usize>x) < 0;
    fits = bigToI64(<usize>x);
    n = indexOut;
  }
  decref(x);
  if (neg) {
    raiseMsg(EXC_ValueError, "__len__() should return >= 0");
    return -1;
  }
  if (!fits) {
    raiseMsg(EXC_OverflowError, "cannot fit 'int' into an index-sized integer");
    return -1;
  }
  return n;
}

/**
 * key.__index__() (new reference) when it fits an i64, else NULL with exc "cannot fit 'T' into an
 * index-sized integer" naming key's type (PyNumber_AsSsize_t(key, exc)); exc 0: any int.
 */
function indexFitting(key: Value, exc: i32): Value {
  const i = numberIndex(key);
  if (i == NULL || exc == 0 || isSmallInt(i) || bigToI64(<usize>i)) return i;
  decref(i);
  raiseBegin(exc);
  errText("cannot fit '");
  errTypeName(key);
  errText("' into an index-sized integer");
  return NULL;
}

/**
 * seq[key] for a builtin sequence and a key with __index__: the item at key.__index__() (the int
 * subscript then raises what CPython's PyNumber_AsSsize_t(key, IndexError) would).
 */
export function getItemViaIndex(seq: Value, key: Value): Value {
  const i = indexFitting(key, kindOfValue(seq) == KIND_RANGE ? 0 : EXC_IndexError);
  if (i == NULL) return NULL;
  const r = builtinGetItem(seq, i);
  decref(i);
  return r;
}

/** seq[key] = v (or del when v is NULL) for a key with __index__; 0 or -1. */
export function setItemViaIndex(seq: Value, key: Value, v: Value): i32 {
  const i = indexFitting(key, EXC_IndexError);
  if (i == NULL) return -1;
  const r = builtinSetItem(seq, i, v);
  decref(i);
  return r;
}

// @ts-ignore: decorator
@inline function isSeqKind(k: u32): bool {
  return k == KIND_STR || k == KIND_LIST || k == KIND_TUPLE || k == KIND_BYTES || k == KIND_BYTEARRAY;
}

/**
 * sequence_repeat for `seq * n` / `n * seq` (and *=) when n is not an int but has __index__: the
 * operation again with n.__index__(). NULL with no exception when it does not apply.
 */
export function repeatViaIndex(a: Value, b: Value, op: i32): Value {
  const seqA = isSeqKind(kindOfValue(a));
  const other = seqA ? b : a;
  if (!seqA && !isSeqKind(kindOfValue(b))) return NULL;
  if (isIntVal(other) || !hasIndexSlot(other)) return NULL;
  const n = indexFitting(other, EXC_OverflowError);
  if (n == NULL) return NULL;
  const r = seqA ? binaryOp(a, n, op) : binaryOp(n, b, op);
  decref(n);
  return r;
}
