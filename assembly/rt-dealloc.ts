/**
 * Deallocation of the eval loop's objects (refcount.ts calls here for kinds it does not know):
 * which references each holds, and its block size. Layouts: function.ts, exceptions.ts,
 * generator.ts, construct.ts (super), str-iter.ts, classes.ts (heap types).
 */
import { KIND_COROUTINE, KIND_CORO_WRAPPER } from "./types";
import { coroWrapperRelease, CORO_WRAPPER_SIZE } from "./coroutine";
import { KIND_ASYNC_GENERATOR, KIND_ASYNC_GEN_ASEND, KIND_ASYNC_GEN_ATHROW, KIND_ANEXT_AWAITABLE } from "./types";
import { agAwaitableRelease, AWAITABLE_SIZE, AG_SIZE, asyncGenRelease } from "./async-gen";
import { forgetCoroutine } from "./unawaited";
import { bumpTypeEpoch } from "./typeobj";
import { decrefChild } from "./refcount";
import { Value } from "./values";
import {
  kindOf,
  KIND_TYPE,
  KIND_FUNCTION,
  KIND_METHOD,
  KIND_BUILTIN,
  KIND_METHOD_DESCR,
  KIND_CELL,
  KIND_CLASSMETHOD,
  KIND_STATICMETHOD,
  KIND_PROPERTY,
  KIND_MODULE,
  KIND_OBJECT,
  KIND_EXCEPTION,
  KIND_TRACEBACK,
  KIND_GENERATOR,
  KIND_SUPER,
  KIND_STR_ITER,
  KIND_FRAME,
  TYPE_OBJECT_SIZE,
} from "./types";
import { FUNCTION_SIZE, METHOD_SIZE, BUILTIN_SIZE, METHOD_DESCR_SIZE, CELL_SIZE, WRAPPER_SIZE, PROPERTY_SIZE, MODULE_SIZE } from "./function";
import { EXC_SIZE, TRACEBACK_SIZE } from "./exceptions";
import { GEN_SIZE, genRelease } from "./generator";
import { SUPER_SIZE } from "./construct";
import { STR_ITER_SIZE } from "./str-iter";
import { FRAMEOBJ_SIZE } from "./frameobj";
import { objectBlockBytes } from "./class-slots";
import { KIND_MEMBER_DESCR, KIND_GETSET_DESCR, KIND_GENERIC_ALIAS, KIND_UNION, KIND_MAPPINGPROXY } from "./types";

// @ts-ignore: decorator
@inline function dropField(p: usize, off: usize): void {
  const v = load<u32>(p + off);
  if (v != 0) decrefChild(<u64>v);
}

export function runtimeDeallocChildren(p: usize): void {
  switch (kindOf(p)) {
    case KIND_FUNCTION: {
      for (let off: usize = 8; off < 48; off += 4) dropField(p, off);
      decrefChild(load<u64>(p + 48));
      decrefChild(load<u64>(p + 56));
      break;
    }
    case KIND_METHOD:
      decrefChild(load<u64>(p + 8));
      decrefChild(load<u64>(p + 16));
      break;
    case KIND_CELL:
      decrefChild(load<u64>(p + 8));
      break;
    case KIND_OBJECT: {
      dropField(p, 8);
      // __slots__ values (class-slots.ts layout); the type is still alive here.
      const end = p + objectBlockBytes(<usize>load<u32>(p + 4));
      for (let at = p + 16; at < end; at += 8) decrefChild(load<u64>(at));
      break;
    }
    case KIND_EXCEPTION: {
      for (let off: usize = 8; off < 40; off += 4) if (off != 28) dropField(p, off); // 36: the ext tuple
      decrefChild(load<u64>(p + 40));
      break;
    }
    case KIND_TRACEBACK:
      dropField(p, 8);
      dropField(p, 12);
      dropField(p, 20);
      dropField(p, 24);
      break;
    case KIND_GENERATOR:
    case KIND_COROUTINE:
    case KIND_ASYNC_GENERATOR:
      if (kindOf(p) == KIND_COROUTINE) forgetCoroutine(p); // unawaited.ts
      if (kindOf(p) == KIND_ASYNC_GENERATOR) asyncGenRelease(p); // async-gen.ts: its finalizer hook
      genRelease(p);
      break;
    case KIND_SUPER:
      dropField(p, 8);
      dropField(p, 12);
      decrefChild(load<u64>(p + 16));
      break;
    case KIND_STR_ITER:
      dropField(p, 8);
      break;
    case KIND_FRAME:
      dropField(p, 8);
      dropField(p, 16);
      dropField(p, 20);
      break;
    case KIND_MODULE:
      dropField(p, 8);
      dropField(p, 12);
      break;
    default:
      // (refcount.ts dealloc does not call here for ints, floats, complex, str and bytes)
      rareDeallocChildren(p);
  }
}

/**
 * The kinds seldom freed while a program runs (descriptors, properties, classes, async helpers), out of
 * line: every decrefChild here is expanded inline, and V8 compiles a function on its first call,
 * so keeping these out of runtimeDeallocChildren makes the common deallocations' function smaller
 * to compile at start-up (it was 4.2 KB of wasm, 12 KB of machine code, for any program).
 */
function rareDeallocChildren(p: usize): void {
  switch (kindOf(p)) {
    case KIND_BUILTIN:
      dropField(p, 12);
      decrefChild(load<u64>(p + 16));
      break;
    case KIND_METHOD_DESCR:
      dropField(p, 12);
      break;
    case KIND_CLASSMETHOD:
    case KIND_STATICMETHOD:
      decrefChild(load<u64>(p + 8));
      dropField(p, 16);
      break;
    case KIND_PROPERTY:
      decrefChild(load<u64>(p + 8));
      decrefChild(load<u64>(p + 16));
      decrefChild(load<u64>(p + 24));
      decrefChild(load<u64>(p + 32));
      decrefChild(load<u64>(p + 40));
      break;
    case KIND_CORO_WRAPPER:
      coroWrapperRelease(p);
      break;
    case KIND_ASYNC_GEN_ASEND:
    case KIND_ASYNC_GEN_ATHROW:
    case KIND_ANEXT_AWAITABLE:
      agAwaitableRelease(p);
      break;
    case KIND_MEMBER_DESCR:
    case KIND_GETSET_DESCR:
    case KIND_GENERIC_ALIAS:
      dropField(p, 8);
      dropField(p, 12);
      break;
    case KIND_UNION:
    case KIND_MAPPINGPROXY:
      dropField(p, 8);
      break;
    case KIND_TYPE: {
      // A class made at run time: name, base, bases, mro, dict, qualname, module. Its address
      // may be reused by a new class: attribute caches keyed on it must go.
      bumpTypeEpoch();
      dropField(p, 16);
      dropField(p, 32);
      dropField(p, 36);
      dropField(p, 40);
      dropField(p, 44);
      dropField(p, 48);
      dropField(p, 60);
      break;
    }
  }
}

export function runtimeBlockSize(p: usize): usize {
  switch (kindOf(p)) {
    case KIND_FUNCTION:
      return FUNCTION_SIZE;
    case KIND_METHOD:
      return METHOD_SIZE;
    case KIND_BUILTIN:
      return BUILTIN_SIZE;
    case KIND_METHOD_DESCR:
      return METHOD_DESCR_SIZE;
    case KIND_CELL:
      return CELL_SIZE;
    case KIND_CLASSMETHOD:
    case KIND_STATICMETHOD:
      return WRAPPER_SIZE;
    case KIND_PROPERTY:
      return PROPERTY_SIZE;
    case KIND_MODULE:
      return MODULE_SIZE;
    case KIND_OBJECT:
      return objectBlockBytes(<usize>load<u32>(p + 4));
    case KIND_EXCEPTION:
      return EXC_SIZE;
    case KIND_TRACEBACK:
      return TRACEBACK_SIZE;
    case KIND_GENERATOR:
    case KIND_COROUTINE:
      return GEN_SIZE;
    case KIND_ASYNC_GENERATOR:
      return AG_SIZE;
    case KIND_CORO_WRAPPER:
      return CORO_WRAPPER_SIZE;
    case KIND_ASYNC_GEN_ASEND:
    case KIND_ASYNC_GEN_ATHROW:
    case KIND_ANEXT_AWAITABLE:
      return AWAITABLE_SIZE;
    case KIND_SUPER:
      return SUPER_SIZE;
    case KIND_STR_ITER:
      return STR_ITER_SIZE;
    case KIND_MEMBER_DESCR:
    case KIND_GETSET_DESCR:
    case KIND_GENERIC_ALIAS:
      return 24; // descr-objects.ts, generic-alias.ts
    case KIND_UNION:
    case KIND_MAPPINGPROXY:
      return 16; // generic-alias.ts, mappingproxy.ts
    case KIND_FRAME:
      return FRAMEOBJ_SIZE;
    case KIND_TYPE:
      return TYPE_OBJECT_SIZE;
  }
  unreachable(); // static objects (builtin types, Ellipsis, NotImplemented) are never freed
  return 0;
}

