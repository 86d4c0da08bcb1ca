/**
 * __length_hint__ of the builtin iterators (CPython 3.11): how many items are left, 0 once
 * exhausted. list_iterator, list_reverseiterator, tuple_iterator, str(_ascii)_iterator,
 * bytes/bytearray_iterator, (long)range_iterator, dict and set iterators, `iterator` (the
 * __getitem__ protocol: from len(seq), NotImplemented when seq has no __len__) and reversed.
 *
 *   iterLengthHint(it) → int (new reference), NotImplemented, or NULL with an exception.
 *   registerIterLengthHints() adds the method to those types (start-up).
 */
import { Value, NULL, makeSmallInt } from "./values";
import { kindOf, typeOf, typeObject } from "./types";
import * as T from "./types";
import { addMethod } from "./native";
import { NOT_IMPLEMENTED } from "./singletons";
import { listSize } from "./list";
import { tupleSize } from "./tuple";
import { strLength } from "./str";
import { bytesIterRemaining } from "./bytes-ops";
import { rangeIterRemaining, intFromU64 } from "./range";
import { isLongRangeIter, longIterRemaining } from "./range-long";
import { dictIterLengthHint } from "./dict";
import { setIterLengthHint } from "./set";
import { objLen } from "./ops";
import { typeLookup } from "./typeobj";
import { N_LEN } from "./names";

// @ts-ignore: decorator
@inline function nonNegative(n: i64): Value {
  return makeSmallInt(n < 0 ? 0 : n);
}

/** Items left in an iterator over seq (at offset 8, 0 once exhausted) of `size` items from index i. */
function fromSeq(it: usize, size: i64): Value {
  return nonNegative(size - <i64>load<u32>(it, 12));
}

/** `iterator` and reversed: from len(seq) when the sequence has a __len__. */
function fromLen(seq: Value, position: i64, reversed: bool): Value {
  if (!reversed && typeLookup(typeOf(seq), N_LEN) == NULL) return <Value>NOT_IMPLEMENTED;
  const n = objLen(seq);
  if (n < 0) return NULL;
  if (reversed) return makeSmallInt(n < position ? 0 : position);
  return nonNegative(n - position);
}

export function iterLengthHint(it: usize): Value {
  switch (kindOf(it)) {
    case T.KIND_LIST_ITER: {
      const seq = <usize>load<u32>(it, 8);
      return seq == 0 ? makeSmallInt(0) : fromSeq(it, <i64>listSize(seq));
    }
    case T.KIND_LIST_REVITER: {
      const seq = <usize>load<u32>(it, 8);
      const i = <i64>load<i32>(it, 12);
      return makeSmallInt(seq != 0 && i >= 0 && i < <i64>listSize(seq) ? i + 1 : 0);
    }
    case T.KIND_TUPLE_ITER: {
      const seq = <usize>load<u32>(it, 8);
      return seq == 0 ? makeSmallInt(0) : fromSeq(it, <i64>tupleSize(seq));
    }
    case T.KIND_STR_ITER: {
      const s = <usize>load<u32>(it, 8);
      return s == 0 ? makeSmallInt(0) : fromSeq(it, <i64>strLength(s));
    }
    case T.KIND_BYTES_ITER:
      return nonNegative(bytesIterRemaining(it));
    case T.KIND_RANGE_ITER:
      return isLongRangeIter(it) ? longIterRemaining(it) : intFromU64(rangeIterRemaining(it));
    case T.KIND_DICT_KEYITER:
    case T.KIND_DICT_VALUEITER:
    case T.KIND_DICT_ITEMITER:
      return makeSmallInt(<i64>dictIterLengthHint(it));
    case T.KIND_SET_ITER:
      return makeSmallInt(<i64>setIterLengthHint(it));
    case T.KIND_SEQ_ITER: {
      const seq = <usize>load<u32>(it, 8);
      return seq == 0 ? makeSmallInt(0) : fromLen(<Value>seq, <i64>load<u32>(it, 12), false);
    }
    case T.KIND_REVERSED: {
      const seq = load<u64>(it, 8);
      return seq == NULL ? makeSmallInt(0) : fromLen(seq, load<i64>(it, 16) + 1, true);
    }
  }
  return <Value>NOT_IMPLEMENTED;
}

function m_length_hint(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  // CPython names the method by its type: "list_iterator.__length_hint__() takes no arguments".
  if (nargs != 0 || kwCount(kwnames) != 0) return lengthHintArgError(self, nargs, kwnames);
  return iterLengthHint(<usize>self);
}

import { raiseBegin, errText, errInt, errStrObject, typeName, EXC_TypeError } from "./types";
import { kwCount } from "./native";

function lengthHintArgError(self: Value, nargs: i32, kwnames: usize): Value {
  raiseBegin(EXC_TypeError);
  errStrObject(typeName(typeOf(self)));
  if (kwCount(kwnames) > 0) {
    errText(".__length_hint__() takes no keyword arguments");
    return NULL;
  }
  errText(".__length_hint__() takes no arguments (");
  errInt(nargs);
  errText(" given)");
  return NULL;
}

export function registerIterLengthHints(): void {
  const kinds: StaticArray<u32> = [
    T.KIND_LIST_ITER,
    T.KIND_LIST_REVITER,
    T.KIND_TUPLE_ITER,
    T.KIND_STR_ITER,
    T.KIND_BYTES_ITER,
    T.KIND_RANGE_ITER,
    T.KIND_DICT_KEYITER,
    T.KIND_DICT_VALUEITER,
    T.KIND_DICT_ITEMITER,
    T.KIND_SET_ITER,
    T.KIND_SEQ_ITER,
    T.KIND_REVERSED,
  ];
  for (let i = 0; i < kinds.length; i++) addMethod(typeObject(unchecked(kinds[i])), "__length_hint__", m_length_hint);
}
