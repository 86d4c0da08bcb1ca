/**
 * A frame's local variables as a dict: locals() in a function, gi_frame.f_locals, and
 * tb_frame.f_locals from what a traceback entry captured when the exception passed the frame.
 */
import { Value, NULL, isObject } from "./values";
import { kindOf, KIND_CELL } from "./types";
import { CodeObject } from "./code";
import { tupleItem } from "./tuple";
import { dictNew, dictSetItem } from "./dict";
import { F_CODE, F_NLOCALSPLUS, FRAME_HEADER } from "./frame";
import { F_LOCALS } from "./frame";
import { dictGetItem, dictDelItem } from "./dict";
import { incref } from "./refcount";
import { tupleAlloc, tupleSetItem, tupleSize, TUPLE_HEADER_SIZE } from "./tuple";
import { errorClear, KIND_TUPLE } from "./types";
import { decref } from "./refcount";

// co_flags CO_OPTIMIZED (call.ts has the others; not imported here to keep this module a leaf)
const CO_OPTIMIZED_FLAG: i32 = 0x1;

/**
 * The one walk over a code object's localsplus: sets d[name] for each bound value of the `n`
 * Values at `values` (cell variables read through their cell); unbound names are skipped, or
 * removed from d when `removeUnbound`. False after an error.
 */
function localsIntoDict(code: usize, values: usize, n: usize, d: usize, removeUnbound: bool): bool {
  const c = changetype<CodeObject>(code);
  const names = <usize>c.localsplusnames;
  const kinds = <usize>c.localspluskinds + 24;
  for (let i: usize = 0; i < n; i++) {
    let v = load<u64>(values + (i << 3));
    const k = <u32>load<u8>(kinds + i);
    if ((k & 0xc0) != 0 && isObject(v) && kindOf(<usize>v) == KIND_CELL) v = load<u64>(<usize>v + 8);
    const name = tupleItem(names, i);
    if (v == NULL) {
      if (removeUnbound && dictGetItem(d, name) != NULL) dictDelItem(d, name);
      continue;
    }
    if (dictSetItem(d, name, v) < 0) return false;
  }
  return true;
}

/** A new dict of the n Values at `values` (new reference, NULL after an error). */
function newLocalsDict(code: usize, values: usize, n: usize): Value {
  const d = dictNew();
  if (d == 0) return NULL;
  if (!localsIntoDict(code, values, n, d, false)) {
    decref(<u64>d);
    return NULL;
  }
  return <u64>d;
}

/** A new dict of the frame's bound local variables and cell contents. */
export function frameLocalsDict(f: usize): Value {
  return newLocalsDict(<usize>load<u32>(f + F_CODE), f + FRAME_HEADER, <usize>load<u32>(f + F_NLOCALSPLUS));
}

/**
 * locals() in a function (CO_OPTIMIZED code): one dict per frame, kept in the frame's F_LOCALS
 * slot (unused by optimized code) and refreshed from the fast locals on every call, as CPython's
 * PyFrame_FastToLocals: bound names are set, unbound ones removed. New reference.
 */
export function frameLocalsSnapshot(f: usize): Value {
  let d = <usize>load<u32>(f + F_LOCALS);
  if (d == 0) {
    d = dictNew();
    if (d == 0) return NULL;
    store<u32>(f + F_LOCALS, <u32>d);
  }
  if (!localsIntoDict(<usize>load<u32>(f + F_CODE), f + FRAME_HEADER, <usize>load<u32>(f + F_NLOCALSPLUS), d, true)) return NULL;
  incref(<u64>d);
  return <u64>d;
}

/**
 * What a traceback entry keeps of a frame for tb_frame.f_locals (new reference, or 0): function
 * frames, a tuple of their fast locals (cells included: read when the dict is made), cheap to take
 * on every raise; module and class frames, their locals mapping.
 */
export function frameLocalsCapture(f: usize): usize {
  const mapping = <usize>load<u32>(f + F_LOCALS);
  const code = <usize>load<u32>(f + F_CODE);
  if ((changetype<CodeObject>(code).flags & CO_OPTIMIZED_FLAG) == 0) {
    if (mapping != 0) incref(<u64>mapping);
    return mapping;
  }
  const n = <usize>load<u32>(f + F_NLOCALSPLUS);
  if (n == 0) return 0;
  const t = tupleAlloc(n);
  if (t == 0) {
    errorClear(); // best effort, like the entry itself
    return 0;
  }
  for (let i: usize = 0; i < n; i++) {
    const v = load<u64>(f + FRAME_HEADER + (i << 3));
    incref(v);
    tupleSetItem(t, i, v);
  }
  return t;
}

/** f_locals of a traceback's frame: a dict made from frameLocalsCapture's result (new reference). */
export function capturedLocalsDict(code: usize, captured: usize): Value {
  if (captured == 0) return <u64>dictNew();
  if (kindOf(captured) != KIND_TUPLE) {
    incref(<u64>captured);
    return <u64>captured;
  }
  return newLocalsDict(code, captured + TUPLE_HEADER_SIZE, <usize>tupleSize(captured));
}
