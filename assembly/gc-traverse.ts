/**
 * The cycle collector's view of each container layout (gc.ts runs the algorithm):
 *
 * - GC_KINDS: which kinds are tracked (can hold references to other objects). object.ts's
 *   initHeader registers objects of these kinds with gc.ts; every other kind is "atomic" for the
 *   collector. A kind missing here is safe: its references count as external, so what it holds
 *   stays alive (a cycle through it just leaks).
 * - gcTraverse(p, visit): calls visit() once for each reference p OWNS — exactly what refcount.ts /
 *   rt-dealloc.ts decref when p dies, never more (visiting a reference the object does not own
 *   would let the collector free live objects).
 * - gcClear(p): CPython's tp_clear: drops the references that can form cycles, leaving p in a state
 *   its dealloc (and any code that still looks at it) handles: fields become 0 / None / the empty
 *   tuple, lists / dicts / sets become empty. Tuples and the small wrappers have no clear: cycles
 *   through them always pass a clearable object too.
 */
import { Value, NULL, NONE, isObject } from "./values";
import {
  kindOf,
  KIND_TYPE,
  KIND_TUPLE,
  KIND_LIST,
  KIND_DICT,
  KIND_SET,
  KIND_FROZENSET,
  KIND_EXCEPTION,
  KIND_DICT_KEYS,
  KIND_DICT_VALUES,
  KIND_DICT_ITEMS,
  KIND_DICT_KEYITER,
  KIND_DICT_VALUEITER,
  KIND_DICT_ITEMITER,
  KIND_SET_ITER,
  KIND_LIST_ITER,
  KIND_TUPLE_ITER,
  KIND_SLICE,
  KIND_FUNCTION,
  KIND_METHOD,
  KIND_BUILTIN,
  KIND_CELL,
  KIND_GENERATOR,
  KIND_OBJECT,
  KIND_MODULE,
  KIND_PROPERTY,
  KIND_CLASSMETHOD,
  KIND_STATICMETHOD,
  KIND_SUPER,
  KIND_LIST_REVITER,
  KIND_ENUMERATE,
  KIND_ZIP,
  KIND_MAP,
  KIND_FILTER,
  KIND_REVERSED,
  KIND_CALLABLE_ITER,
  KIND_SEQ_ITER,
  KIND_FRAME,
  KIND_TRACEBACK,
  KIND_MEMBER_DESCR,
  KIND_GETSET_DESCR,
  KIND_GENERIC_ALIAS,
  KIND_UNION,
  KIND_MAPPINGPROXY,
  KIND_COROUTINE,
  KIND_CORO_WRAPPER,
  KIND_ASYNC_GENERATOR,
  KIND_ASYNC_GEN_ASEND,
  KIND_ASYNC_GEN_ATHROW,
  KIND_ANEXT_AWAITABLE,
  TPFLAG_HEAPTYPE,
  TPFLAG_SIDE_DICT,
} from "./types";
import { objectBlockBytes } from "./class-slots";
import { sideDictPeek } from "./side-dict";
import { decref } from "./refcount";
import { EMPTY_TUPLE } from "./tuple";
import { dictClear } from "./dict";
import { setClear } from "./set";
import { free } from "./heap";
import { GC_KINDS, gcKindTracked } from "./gc-tables";
import { agAwaitableTraverse, agAwaitableClear } from "./async-gen";
import { F_SP, F_CODE, F_FUNC, F_GLOBALS, F_BUILTINS, F_LOCALS, F_NLOCALSPLUS, F_FLAGS, FRAME_HEADER, FRAME_DONE, frameFree } from "./frame";

export type Visitor = (v: Value) => void;

export function gcInitKinds(): void {
  const kinds: StaticArray<u32> = [
    KIND_TYPE, KIND_TUPLE, KIND_LIST, KIND_DICT, KIND_SET, KIND_FROZENSET, KIND_EXCEPTION,
    KIND_DICT_KEYS, KIND_DICT_VALUES, KIND_DICT_ITEMS, KIND_DICT_KEYITER, KIND_DICT_VALUEITER,
    KIND_DICT_ITEMITER, KIND_SET_ITER, KIND_LIST_ITER, KIND_TUPLE_ITER, KIND_SLICE, KIND_FUNCTION,
    KIND_METHOD, KIND_BUILTIN, KIND_CELL, KIND_GENERATOR, KIND_OBJECT, KIND_MODULE, KIND_PROPERTY,
    KIND_CLASSMETHOD, KIND_STATICMETHOD, KIND_SUPER, KIND_LIST_REVITER, KIND_ENUMERATE, KIND_ZIP,
    KIND_MAP, KIND_FILTER, KIND_REVERSED, KIND_CALLABLE_ITER, KIND_SEQ_ITER, KIND_FRAME, KIND_TRACEBACK,
    KIND_MEMBER_DESCR, KIND_GETSET_DESCR, KIND_GENERIC_ALIAS, KIND_UNION, KIND_MAPPINGPROXY, KIND_COROUTINE,
    KIND_CORO_WRAPPER, KIND_ASYNC_GENERATOR, KIND_ASYNC_GEN_ASEND, KIND_ASYNC_GEN_ATHROW, KIND_ANEXT_AWAITABLE,
  ];
  // Not tracked, as they hold no references that can form a cycle: code objects (constants),
  // method descriptors (a name), str/bytes iterators and long ranges (a str, bytes or ints).
  for (let i = 0; i < kinds.length; i++) store<u8>(GC_KINDS + <usize>unchecked(kinds[i]), 1);
}

/**
 * CPython's _PyObject_GC_MAY_BE_TRACKED, except that every tuple counts (whether a tuple is still
 * tracked is a table search: gc.ts asks that itself where it is worth it): containers of tracked
 * kinds, but not static types; objects of other kinds that carry a __dict__.
 */
export function gcMayBeTracked(v: Value): bool {
  if (!isObject(v) || v == NULL) return false;
  const p = <usize>v;
  const type = <usize>load<u32>(p, 4);
  const k = load<u32>(type, 8);
  if (!gcKindTracked(k)) return (load<u32>(type, 12) & TPFLAG_SIDE_DICT) != 0;
  return k != KIND_TYPE || (load<u32>(p, 12) & TPFLAG_HEAPTYPE) != 0;
}

// @ts-ignore: decorator
@inline function visitField(p: usize, off: usize, visit: Visitor): void {
  const v = load<u32>(p + off);
  if (v != 0) visit(<u64>v);
}

// @ts-ignore: decorator
@inline function visitValues(p: usize, n: usize, visit: Visitor): void {
  for (let i: usize = 0; i < n; i++) {
    const v = load<u64>(p + (i << 3));
    if (isObject(v) && v != NULL) visit(v);
  }
}

// Layout offsets the collector needs from files whose constants are private.
const G_FRAME: usize = 8; // generator.ts
const G_RUNNING: usize = 24;
const ZIP_HEADER: usize = 16; // itertools.ts
const MAP_HEADER: usize = 24;
const T_DICT_FIELD: usize = 44; // types.ts TypeObject.dict
const T_MRO_FIELD: usize = 40;

/** Visits every reference p owns (the references its dealloc drops). */
export function gcTraverse(p: usize, visit: Visitor): void {
  const type = <usize>load<u32>(p, 4);
  const tflags = load<u32>(type, 12);
  if ((tflags & TPFLAG_HEAPTYPE) != 0) {
    visit(<u64>type);
    // Attributes of builtin-subclass instances live in side-dict.ts's table (released by dealloc).
    if ((tflags & TPFLAG_SIDE_DICT) != 0) {
      const d = sideDictPeek(p);
      if (d != 0) visit(<u64>d);
    }
  }
  switch (kindOf(p)) {
    case KIND_TUPLE:
      visitValues(p + 16, <usize>load<u32>(p, 8), visit);
      break;
    case KIND_LIST:
      visitValues(<usize>load<u32>(p, 16), <usize>load<u32>(p, 8), visit);
      break;
    case KIND_DICT:
      traverseDict(p, visit);
      break;
    case KIND_SET:
    case KIND_FROZENSET:
      traverseSet(p, visit);
      break;
    case KIND_DICT_KEYS:
    case KIND_DICT_VALUES:
    case KIND_DICT_ITEMS:
    case KIND_DICT_KEYITER:
    case KIND_DICT_VALUEITER:
    case KIND_DICT_ITEMITER:
    case KIND_SET_ITER:
    case KIND_LIST_ITER:
    case KIND_TUPLE_ITER:
    case KIND_LIST_REVITER:
    case KIND_SEQ_ITER:
    case KIND_CORO_WRAPPER:
    case KIND_UNION:
    case KIND_MAPPINGPROXY:
      visitField(p, 8, visit);
      break;
    case KIND_OBJECT:
      visitField(p, 8, visit);
      // __slots__ values: [header][dict u32 | 0][slot Values ...] up to the type's basicsize.
      visitValues(p + 16, (objectBlockBytes(type) - 16) >> 3, visit);
      break;
    case KIND_MEMBER_DESCR:
    case KIND_GETSET_DESCR:
    case KIND_GENERIC_ALIAS:
      visitField(p, 8, visit);
      visitField(p, 12, visit);
      break;
    case KIND_SLICE:
      visitValues(p + 8, 3, visit);
      break;
    case KIND_ZIP:
      visitValues(p + ZIP_HEADER, <usize>load<u32>(p, 8), visit);
      break;
    case KIND_MAP:
      visitValues(p + 8, 1, visit);
      visitValues(p + MAP_HEADER, <usize>load<u32>(p, 16), visit);
      break;
    case KIND_REVERSED:
      visitValues(p + 8, 1, visit);
      break;
    case KIND_ENUMERATE:
    case KIND_FILTER:
    case KIND_CALLABLE_ITER:
      visitValues(p + 8, 2, visit);
      break;
    case KIND_FUNCTION:
      for (let off: usize = 8; off < 48; off += 4) visitField(p, off, visit);
      visitValues(p + 48, 2, visit);
      break;
    case KIND_METHOD:
      visitValues(p + 8, 2, visit);
      break;
    case KIND_BUILTIN:
      visitField(p, 12, visit);
      visitValues(p + 16, 1, visit);
      break;
    case KIND_CELL:
      visitValues(p + 8, 1, visit);
      break;
    case KIND_CLASSMETHOD:
    case KIND_STATICMETHOD:
      visitValues(p + 8, 1, visit);
      visitField(p, 16, visit);
      break;
    case KIND_PROPERTY:
      visitValues(p + 8, 5, visit);
      break;
    case KIND_MODULE:
    case KIND_TRACEBACK:
      visitField(p, 8, visit);
      visitField(p, 12, visit);
      if (kindOf(p) == KIND_TRACEBACK) {
        visitField(p, 20, visit); // the locals capture
        visitField(p, 24, visit); // the frame's globals
      }
      break;
    case KIND_EXCEPTION:
      for (let off: usize = 8; off < 40; off += 4) if (off != 28) visitField(p, off, visit);
      visitValues(p + 40, 1, visit);
      break;
    case KIND_GENERATOR:
    case KIND_COROUTINE:
    case KIND_ASYNC_GENERATOR:
      traverseGenerator(p, visit);
      if (kindOf(p) == KIND_ASYNC_GENERATOR) visitField(p, 40, visit); // async-gen.ts: its finalizer hook
      break;
    case KIND_ASYNC_GEN_ASEND:
    case KIND_ASYNC_GEN_ATHROW:
    case KIND_ANEXT_AWAITABLE:
      agAwaitableTraverse(p, visit); // async-gen.ts
      break;
    case KIND_SUPER:
      visitField(p, 8, visit);
      visitField(p, 12, visit);
      visitValues(p + 16, 1, visit);
      break;
    case KIND_FRAME:
      visitField(p, 8, visit);
      visitField(p, 16, visit);
      visitField(p, 20, visit); // f_locals snapshot
      break;
    case KIND_TYPE:
      if ((load<u32>(p, 12) & TPFLAG_HEAPTYPE) != 0) {
        visitField(p, 16, visit);
        visitField(p, 32, visit);
        visitField(p, 36, visit);
        visitField(p, T_MRO_FIELD, visit);
        visitField(p, T_DICT_FIELD, visit);
        visitField(p, 48, visit);
        visitField(p, 60, visit);
      }
      break;
  }
}

function traverseDict(d: usize, visit: Visitor): void {
  const k = <usize>load<u32>(d, 12);
  if (k == 0) return;
  const n = <usize>load<u32>(k, 8);
  const ixBytes = <usize>1 << <usize>load<u8>(k, 1);
  const size = <usize>1 << <usize>load<u8>(k, 0);
  const e = k + 16 + size * ixBytes;
  for (let i: usize = 0; i < n; i++) visitValues(e + i * 24 + 8, 2, visit);
}

function traverseSet(s: usize, visit: Visitor): void {
  const t = <usize>load<u32>(s, 20);
  if (t == 0) return;
  const n = <usize>load<u32>(s, 16) + 1;
  for (let i: usize = 0; i < n; i++) visitValues(t + (i << 4) + 8, 1, visit);
}

/**
 * A generator owns its frame: locals, the value stack and the frame's fields. A running
 * generator's frame is on the eval loop's stack with a stale stack pointer: not traversed (what it
 * holds counts as external, so it stays alive).
 */
function traverseGenerator(g: usize, visit: Visitor): void {
  visitField(g, 12, visit);
  visitField(g, 16, visit);
  visitField(g, 20, visit);
  visitField(g, 36, visit); // the exception of the handler it is suspended in
  const f = <usize>load<u32>(g + G_FRAME);
  if (f == 0 || load<u32>(g + G_RUNNING) != 0 || (load<u32>(f + F_FLAGS) & FRAME_DONE) != 0) return;
  visitField(f, F_CODE, visit);
  visitField(f, F_FUNC, visit);
  visitField(f, F_GLOBALS, visit);
  visitField(f, F_BUILTINS, visit);
  visitField(f, F_LOCALS, visit);
  const lp = f + FRAME_HEADER;
  const nlp = <usize>load<u32>(f + F_NLOCALSPLUS);
  visitValues(lp, nlp, visit);
  const base = lp + (nlp << 3);
  const sp = <usize>load<u32>(f + F_SP);
  if (sp > base) visitValues(base, (sp - base) >> 3, visit);
}

/** Whether gcTraverse of a suspended generator would see its frame (gc.ts's finalization step). */
export function gcGeneratorHasIdleFrame(g: usize): bool {
  return load<u32>(g + G_FRAME) != 0 && load<u32>(g + G_RUNNING) == 0;
}

/** A generator that is not running gives up its frame (close() of an unstarted one is just this). */
export function gcGeneratorDropFrame(g: usize): void {
  const f = <usize>load<u32>(g + G_FRAME);
  if (f == 0 || load<u32>(g + G_RUNNING) != 0) return;
  store<u32>(g + G_FRAME, 0);
  frameFree(f);
}

/** Empties a list: detach the items first (releasing one may run code that looks at the list). */
function listClearItems(l: usize): void {
  const items = <usize>load<u32>(l, 16);
  const n = <usize>load<u32>(l, 8);
  const cap = <usize>load<u32>(l, 12);
  store<u32>(l + 8, 0);
  store<u32>(l + 12, 0);
  store<u32>(l + 16, 0);
  for (let i: usize = 0; i < n; i++) decref(load<u64>(items + (i << 3)));
  if (cap != 0) free(items, cap << 3);
}

// @ts-ignore: decorator
@inline function clearField(p: usize, off: usize): void {
  const v = load<u32>(p + off);
  if (v != 0) {
    store<u32>(p + off, 0);
    decref(<u64>v);
  }
}

// @ts-ignore: decorator
@inline function clearValue(p: usize, off: usize, to: Value): void {
  const v = load<u64>(p + off);
  store<u64>(p + off, to);
  decref(v);
}

/** Breaks p's references that can take part in a cycle (CPython's tp_clear). */
export function gcClear(p: usize): void {
  const type = <usize>load<u32>(p, 4);
  if ((load<u32>(type, 12) & (TPFLAG_HEAPTYPE | TPFLAG_SIDE_DICT)) == (TPFLAG_HEAPTYPE | TPFLAG_SIDE_DICT)) {
    const d = sideDictPeek(p);
    if (d != 0) dictClear(d);
  }
  switch (kindOf(p)) {
    case KIND_LIST:
      listClearItems(p);
      break;
    case KIND_DICT:
      dictClear(p);
      break;
    case KIND_SET:
      setClear(p);
      break;
    case KIND_OBJECT: {
      clearField(p, 8);
      const end = p + objectBlockBytes(type);
      for (let at = p + 16; at < end; at += 8) clearValue(at, 0, NULL); // an empty slot is NULL
      break;
    }
    case KIND_CELL:
      clearValue(p, 8, NULL);
      break;
    case KIND_FUNCTION:
      for (let off: usize = 28; off < 48; off += 4) clearField(p, off); // defaults .. annotations
      break;
    case KIND_EXCEPTION: {
      clearField(p, 8); // dict
      const args = load<u32>(p + 12);
      store<u32>(p + 12, <u32>EMPTY_TUPLE);
      if (args != 0) decref(<u64>args);
      clearField(p, 16);
      clearField(p, 20);
      clearField(p, 24);
      clearField(p, 32);
      clearField(p, 36);
      clearValue(p, 40, NONE);
      break;
    }
    case KIND_GENERATOR:
    case KIND_COROUTINE:
    case KIND_ASYNC_GENERATOR:
      gcGeneratorDropFrame(p);
      clearField(p, 36);
      if (kindOf(p) == KIND_ASYNC_GENERATOR) clearField(p, 40);
      break;
    case KIND_ASYNC_GEN_ASEND:
    case KIND_ASYNC_GEN_ATHROW:
    case KIND_ANEXT_AWAITABLE:
      agAwaitableClear(p);
      break;
    case KIND_TYPE:
      if ((load<u32>(p, 12) & TPFLAG_HEAPTYPE) != 0) {
        const d = <usize>load<u32>(p + T_DICT_FIELD);
        if (d != 0) dictClear(d);
        const mro = load<u32>(p + T_MRO_FIELD);
        store<u32>(p + T_MRO_FIELD, <u32>EMPTY_TUPLE); // lookups on a dead class find nothing
        if (mro != 0) decref(<u64>mro);
      }
      break;
  }
}
