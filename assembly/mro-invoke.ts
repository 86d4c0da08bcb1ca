/**
 * Custom MRO of a class whose metaclass overrides mro() (CPython's mro_invoke): the metaclass's
 * mro() is called on the new class (its C3 MRO already in place, so super().mro() works) and its
 * result, turned into a tuple of classes, becomes the class's __mro__.
 */
import { Value, NULL, isObject } from "./values";
import { typeOfObject } from "./object";
import { kindOf, typeObject, raiseBegin, errText, errTypeName, KIND_TYPE, KIND_TUPLE, KIND_METHOD_DESCR } from "./types";
import { EXC_TypeError } from "./exceptions.generated";
import { decref } from "./refcount";
import { tupleSize, tupleItem } from "./tuple";
import { typeLookup, bumpTypeEpoch, T_MRO } from "./typeobj";
import { strLiteral } from "./names";
import { callMethod0 } from "./ops";
import { tupleFromIterable } from "./tuple-methods";

let N_MRO_METHOD: usize = 0;

/**
 * After class t got its C3 MRO: when t's metaclass defines its own mro(), replaces T_MRO with
 * tuple(mro()). False (exception raised) when the call fails or returns a non-class.
 */
export function applyCustomMro(t: usize): bool {
  const meta = typeOfObject(t);
  if (meta == typeObject(KIND_TYPE)) return true;
  if (N_MRO_METHOD == 0) N_MRO_METHOD = strLiteral("mro");
  const d = typeLookup(meta, N_MRO_METHOD);
  if (d == NULL || (isObject(d) && kindOf(<usize>d) == KIND_METHOD_DESCR)) return true; // type.mro
  const r = callMethod0(d, <u64>t);
  if (r == NULL) return false;
  const tup = isObject(r) && kindOf(<usize>r) == KIND_TUPLE ? r : tupleFromIterable(r);
  if (tup != r) decref(r);
  if (tup == NULL) return false;
  const n = tupleSize(<usize>tup);
  for (let i: usize = 0; i < <usize>n; i++) {
    const c = tupleItem(<usize>tup, i);
    if (!isObject(c) || kindOf(<usize>c) != KIND_TYPE) {
      raiseBegin(EXC_TypeError);
      errText("mro() returned a non-class ('");
      errTypeName(c);
      errText("')");
      decref(tup);
      return false;
    }
  }
  const old = <usize>load<u32>(t + T_MRO);
  store<u32>(t + T_MRO, <u32>tup);
  decref(<u64>old);
  bumpTypeEpoch();
  return true;
}
