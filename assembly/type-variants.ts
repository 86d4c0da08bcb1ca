/**
 * Variant builtin types: type objects that share another builtin type's kind (so its layout,
 * dispatch and methods) but have their own name, as CPython has distinct iterator types where
 * this VM has one implementation:
 *
 *   str_iterator        KIND_STR_ITER   (str_ascii_iterator is the primary: ASCII strings only)
 *   bytearray_iterator  KIND_BYTES_ITER (bytes_iterator is the primary)
 *   longrange_iterator  KIND_RANGE_ITER (range.ts: ranges beyond 64 bits; its own layout)
 *
 * A variant is a copy of the primary's type object with its own name, MRO (itself, object) and
 * dict: a copy of the primary's, with the method descriptors re-made for the variant (a descriptor
 * only applies to instances of its own type). Objects get the variant by pointing their header's
 * type at variantType(i).
 *
 * initTypeVariants() runs once at start-up, after the builtin types are set up.
 */
import { typeObject, kindOf, KIND_METHOD_DESCR, KIND_STR_ITER, KIND_BYTES_ITER, KIND_RANGE_ITER, KIND_OBJECT, TypeObject } from "./types";
import { T_MRO, T_QUALNAME, T_DICT, typeDict } from "./typeobj";
import { dictNew, dictNext, dictSetItem } from "./dict";
import { methodDescrNew } from "./function";
import { NativeFn } from "./native";
import { isObject } from "./values";
import { IMMORTAL_REFCNT } from "./object";
import { tupleAlloc, tupleSetItem } from "./tuple";
import { strLiteral } from "./names";

export const VARIANT_STR_ITER: i32 = 0;
export const VARIANT_BYTEARRAY_ITER: i32 = 1;
export const VARIANT_LONGRANGE_ITER: i32 = 2;
/** wrapper_descriptor: builtin dunders that are CPython slot wrappers (wrapper-descr.ts). */
export const VARIANT_WRAPPER_DESCR: i32 = 3;

const VARIANT_SIZE: usize = 64; // TYPE_OBJECT_SIZE (a literal: memory.data needs a constant here)
const VARIANTS: usize = memory.data(4 * 64, 8);

/** The variant type object i (static, immortal). */
// @ts-ignore: decorator
@inline export function variantType(i: i32): usize {
  return VARIANTS + <usize>i * VARIANT_SIZE;
}

// @ts-ignore: compile-time check
if (offsetof<TypeObject>() != 64) ERROR("type-variants.ts: VARIANT_SIZE");

/**
 * The variants' headers (kind, flags, sizes: what dealloc and kindOf read), without allocating:
 * startup.ts runs it for every entry, test entries included, which never call initTypeVariants.
 */
export function initVariantHeaders(): void {
  memory.copy(variantType(VARIANT_STR_ITER), typeObject(KIND_STR_ITER), VARIANT_SIZE);
  memory.copy(variantType(VARIANT_BYTEARRAY_ITER), typeObject(KIND_BYTES_ITER), VARIANT_SIZE);
  memory.copy(variantType(VARIANT_LONGRANGE_ITER), typeObject(KIND_RANGE_ITER), VARIANT_SIZE);
  memory.copy(variantType(VARIANT_WRAPPER_DESCR), typeObject(KIND_METHOD_DESCR), VARIANT_SIZE);
}

function initVariant(i: i32, primaryKind: u32, name: string): void {
  const t = variantType(i);
  memory.copy(t, typeObject(primaryKind), VARIANT_SIZE);
  const s = strLiteral(name);
  store<u32>(t, <u32>s, 16);
  store<u32>(t + T_QUALNAME, <u32>s);
  const mro = tupleAlloc(2);
  tupleSetItem(mro, 0, <u64>t);
  tupleSetItem(mro, 1, <u64>typeObject(KIND_OBJECT));
  store<u32>(t + T_MRO, <u32>mro);
  store<u32>(t + T_DICT, <u32>copyDict(typeObject(primaryKind), t));
}

const DICT_WALK: usize = memory.data(24, 8);

/** The primary's dict for the variant t: method descriptors re-made with t as their owner. */
function copyDict(primary: usize, t: usize): usize {
  const src = typeDict(primary);
  const d = dictNew();
  store<u32>(DICT_WALK, 0);
  while (dictNext(src, DICT_WALK, DICT_WALK + 8, DICT_WALK + 16)) {
    const key = load<u64>(DICT_WALK + 8);
    let v = load<u64>(DICT_WALK + 16);
    if (isObject(v) && kindOf(<usize>v) == KIND_METHOD_DESCR && <usize>load<u32>(<usize>v + 16) == primary) {
      const fn = changetype<NativeFn>(<usize>load<u32>(<usize>v + 8));
      const m = methodDescrNew(fn, <usize>load<u32>(<usize>v + 12), t, load<i32>(<usize>v + 20));
      store<u32>(m, IMMORTAL_REFCNT);
      store<u32>(m, load<u32>(<usize>v, 4), 4); // keeps a slot wrapper's type
      v = <u64>m;
    }
    dictSetItem(d, key, v);
  }
  return d;
}

/** Start-up, after typeInitBuiltins: builds the variant type objects. */
export function initTypeVariants(): void {
  initVariant(VARIANT_STR_ITER, KIND_STR_ITER, "str_iterator");
  initVariant(VARIANT_BYTEARRAY_ITER, KIND_BYTES_ITER, "bytearray_iterator");
  initVariant(VARIANT_LONGRANGE_ITER, KIND_RANGE_ITER, "longrange_iterator");
  initVariant(VARIANT_WRAPPER_DESCR, KIND_METHOD_DESCR, "wrapper_descriptor");
}
