/**
 * Which builtin dunder methods are CPython "slot wrappers" (type wrapper_descriptor, repr
 * "<slot wrapper '__add__' of 'int' objects>") rather than method descriptors: the dunders that
 * fill a type slot. A few types define some of them as ordinary methods instead (list/dict
 * __getitem__, dict/set/frozenset __contains__). Same layout and behaviour as a method
 * descriptor; only the header's type differs (type-variants.ts VARIANT_WRAPPER_DESCR).
 */
import { typeObject, KIND_LIST, KIND_DICT, KIND_SET, KIND_FROZENSET } from "./types";
import { strEqualLiteral } from "./str";
import { variantType, VARIANT_WRAPPER_DESCR } from "./type-variants";
import { typeOfObject } from "./object";

const SLOT_NAMES: StaticArray<string> = [
  "__abs__", "__add__", "__and__", "__bool__", "__call__", "__contains__", "__delattr__", "__delete__",
  "__delitem__", "__divmod__", "__eq__", "__float__", "__floordiv__", "__ge__", "__get__",
  "__getattribute__", "__getitem__", "__gt__", "__hash__", "__iadd__", "__iand__", "__imul__",
  "__index__", "__init__", "__int__", "__invert__", "__ior__", "__isub__", "__iter__", "__ixor__",
  "__le__", "__len__", "__lshift__", "__lt__", "__mod__", "__mul__", "__ne__", "__neg__", "__next__",
  "__or__", "__pos__", "__pow__", "__radd__", "__rand__", "__rdivmod__", "__repr__", "__rfloordiv__",
  "__rlshift__", "__rmod__", "__rmul__", "__ror__", "__rpow__", "__rrshift__", "__rshift__", "__rsub__",
  "__rtruediv__", "__rxor__", "__set__", "__setattr__", "__setitem__", "__str__", "__sub__",
  "__truediv__", "__xor__", "__del__", "__await__", "__aiter__", "__anext__", "__matmul__",
  "__rmatmul__", "__imatmul__", "__ifloordiv__", "__itruediv__", "__imod__", "__ipow__", "__ilshift__",
  "__irshift__",
];

/** Whether builtin type t's method `name` (a str) is a slot wrapper in CPython. */
export function isSlotWrapper(t: usize, name: usize): bool {
  if (strEqualLiteral(name, "__getitem__")) return t != typeObject(KIND_LIST) && t != typeObject(KIND_DICT);
  if (strEqualLiteral(name, "__contains__")) {
    return t != typeObject(KIND_DICT) && t != typeObject(KIND_SET) && t != typeObject(KIND_FROZENSET);
  }
  for (let i = 0; i < SLOT_NAMES.length; i++) if (strEqualLiteral(name, unchecked(SLOT_NAMES[i]))) return true;
  return false;
}

/** Start-up: makes method descriptor d of builtin type t a wrapper_descriptor when it is one. */
export function markSlotWrapper(d: usize, t: usize, name: usize): void {
  if (isSlotWrapper(t, name)) store<u32>(d, <u32>variantType(VARIANT_WRAPPER_DESCR), 4);
}

/** Whether method descriptor d is a slot wrapper (for its repr). */
export function isWrapperDescr(d: usize): bool {
  return typeOfObject(d) == variantType(VARIANT_WRAPPER_DESCR);
}
