/** locals() inside a function: a new dict of the frame's bound local variables and cell contents. */
import { Value, NULL, isObject } from "./values";
import { kindOf, KIND_CELL } from "./types";
import { CodeObject } from "./code";
import { tupleItem } from "./tuple";
import { dictNew, dictSetItem } from "./dict";
import { F_CODE, F_NLOCALSPLUS, FRAME_HEADER } from "./frame";

export function frameLocalsDict(f: usize): Value {
  const d = dictNew();
  if (d == 0) return NULL;
  const code = <usize>load<u32>(f + F_CODE);
  const c = changetype<CodeObject>(code);
  const names = <usize>c.localsplusnames;
  const kinds = <usize>c.localspluskinds + 24;
  const n = <usize>load<u32>(f + F_NLOCALSPLUS);
  for (let i: usize = 0; i < n; i++) {
    let v = load<u64>(f + FRAME_HEADER + (i << 3));
    const k = <u32>load<u8>(kinds + i);
    if ((k & 0xc0) != 0 && isObject(v) && kindOf(<usize>v) == KIND_CELL) v = load<u64>(<usize>v + 8);
    if (v == NULL) continue;
    if (dictSetItem(d, tupleItem(names, i), v) < 0) return NULL;
  }
  return <u64>d;
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
  const code = <usize>load<u32>(f + F_CODE);
  const c = changetype<CodeObject>(code);
  const names = <usize>c.localsplusnames;
  const kinds = <usize>c.localspluskinds + 24;
  const n = <usize>load<u32>(f + F_NLOCALSPLUS);
  for (let i: usize = 0; i < n; i++) {
    let v = load<u64>(f + FRAME_HEADER + (i << 3));
    const k = <u32>load<u8>(kinds + i);
    if ((k & 0xc0) != 0 && isObject(v) && kindOf(<usize>v) == KIND_CELL) v = load<u64>(<usize>v + 8);
    const name = tupleItem(names, i);
    if (v == NULL) {
      if (dictGetItem(d, name) != NULL) dictDelItem(d, name);
      continue;
    }
    if (dictSetItem(d, name, v) < 0) return NULL;
  }
  incref(<u64>d);
  return <u64>d;
}
import { F_LOCALS } from "./frame";
import { dictGetItem, dictDelItem } from "./dict";
import { incref } from "./refcount";
