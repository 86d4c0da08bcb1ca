/**
 * Frame objects as Python code sees them (tb.tb_frame, gen.gi_frame): a snapshot of the code and
 * the current line, not the live frame (the VM's frames are raw blocks, frame.ts).
 *   [ header ][ code u32 | lineno i32 ][ globals u32 | locals u32 (dict snapshot or 0) ]   block 24, KIND_FRAME
 * Attributes: f_code, f_lineno, f_globals, f_back (None), f_locals (the snapshot, else an empty dict), f_lasti.
 */
import { Value, NULL, NONE, makeSmallInt } from "./values";
import { alloc } from "./heap";
import { initHeader } from "./object";
import { typeObject, KIND_FRAME, KIND_TRACEBACK } from "./types";
import { incref } from "./refcount";
import { strEqualLiteral } from "./str";
import { lineOf } from "./traceback";
import { dictNew } from "./dict";

export const FRAMEOBJ_SIZE: usize = 24;

export function frameObjectNew(code: usize, lineno: i32, globals: usize): Value {
  const f = alloc(FRAMEOBJ_SIZE);
  if (f == 0) return NULL;
  initHeader(f, typeObject(KIND_FRAME));
  incref(<u64>code);
  if (globals != 0) incref(<u64>globals);
  store<u32>(f + 8, <u32>code);
  store<i32>(f + 12, lineno);
  store<u32>(f + 16, <u32>globals);
  return <u64>f;
}

/** Gives frame object `fo` its f_locals dict (reference taken). */
export function frameObjectSetLocals(fo: usize, d: usize): void {
  store<u32>(fo + 20, <u32>d);
}

function own(v: Value): Value {
  incref(v);
  return v;
}

export function frameObjectAttr(f: usize, name: usize): Value {
  if (strEqualLiteral(name, "f_code")) return own(<u64>load<u32>(f + 8));
  if (strEqualLiteral(name, "f_lineno")) {
    const l = load<i32>(f + 12);
    return l < 0 ? NONE : makeSmallInt(l);
  }
  if (strEqualLiteral(name, "f_globals")) {
    const g = <u64>load<u32>(f + 16);
    return g == 0 ? <u64>dictNew() : own(g);
  }
  if (strEqualLiteral(name, "f_back")) return NONE;
  if (strEqualLiteral(name, "f_locals")) {
    const d = <u64>load<u32>(f + 20);
    return d == 0 ? <u64>dictNew() : own(d);
  }
  return NULL;
}

/** tb_next, tb_lineno, tb_lasti, tb_frame of a traceback entry ([ header ][ next | code ][ offset ]). */
export function tracebackAttr(tb: usize, name: usize): Value {
  if (strEqualLiteral(name, "tb_next")) {
    const n = <u64>load<u32>(tb + 8);
    return n == 0 ? NONE : own(n);
  }
  const code = <usize>load<u32>(tb + 12);
  const offset = load<u32>(tb + 16);
  if (strEqualLiteral(name, "tb_lineno")) {
    const l = lineOf(code, offset);
    return l < 0 ? NONE : makeSmallInt(l);
  }
  if (strEqualLiteral(name, "tb_lasti")) return makeSmallInt(<i64>offset);
  if (strEqualLiteral(name, "tb_frame")) {
    const fo = frameObjectNew(code, lineOf(code, offset), <usize>load<u32>(tb + 24));
    if (fo == NULL) return NULL;
    const d = capturedLocalsDict(code, <usize>load<u32>(tb + 20));
    if (d == NULL) {
      decref(fo);
      return NULL;
    }
    frameObjectSetLocals(<usize>fo, <usize>d);
    return fo;
  }
  return NULL;
}

import { capturedLocalsDict } from "./frame-locals";
import { decref } from "./refcount";
