/**
 * Code objects' attributes (co_argcount ... co_exceptiontable, co_varnames/co_cellvars/co_freevars
 * derived from co_localsplusnames and co_localspluskinds as CPython derives them).
 */
import { Value, NULL, makeSmallInt } from "./values";
import { CodeObject } from "./code";
import { tupleAlloc, tupleSetItem, tupleSize, tupleItem, EMPTY_TUPLE } from "./tuple";
import { incref } from "./refcount";
import { strEqualLiteral } from "./str";

const CO_FAST_LOCAL: u32 = 0x20;
const CO_FAST_CELL: u32 = 0x40;
const CO_FAST_FREE: u32 = 0x80;

function own(p: usize): Value {
  incref(<u64>p);
  return <u64>p;
}

/** The names whose kind has `bit` (and, for free variables, neither LOCAL nor CELL), as a tuple. */
function namesWithKind(c: CodeObject, bit: u32): Value {
  const names = <usize>c.localsplusnames;
  const kinds = <usize>c.localspluskinds + 24;
  const n = <usize>tupleSize(names);
  let count: usize = 0;
  for (let i: usize = 0; i < n; i++) if (matches(<u32>load<u8>(kinds + i), bit)) count++;
  if (count == 0) return <u64>EMPTY_TUPLE;
  const t = tupleAlloc(count);
  if (t == 0) return NULL;
  let j: usize = 0;
  for (let i: usize = 0; i < n; i++) {
    if (!matches(<u32>load<u8>(kinds + i), bit)) continue;
    const s = tupleItem(names, i);
    incref(s);
    tupleSetItem(t, j++, s);
  }
  return <u64>t;
}

function matches(k: u32, bit: u32): bool {
  if (bit == CO_FAST_FREE) return (k & CO_FAST_FREE) != 0 && (k & (CO_FAST_LOCAL | CO_FAST_CELL)) == 0;
  return (k & bit) != 0;
}

export function codeAttr(p: usize, name: usize): Value {
  const c = changetype<CodeObject>(p);
  if (strEqualLiteral(name, "co_argcount")) return makeSmallInt(c.argcount);
  if (strEqualLiteral(name, "co_posonlyargcount")) return makeSmallInt(c.posonlyargcount);
  if (strEqualLiteral(name, "co_kwonlyargcount")) return makeSmallInt(c.kwonlyargcount);
  if (strEqualLiteral(name, "co_nlocals")) return makeSmallInt(c.nlocals);
  if (strEqualLiteral(name, "co_stacksize")) return makeSmallInt(c.stacksize);
  if (strEqualLiteral(name, "co_flags")) return makeSmallInt(c.flags);
  if (strEqualLiteral(name, "co_firstlineno")) return makeSmallInt(c.firstlineno);
  if (strEqualLiteral(name, "co_code") || strEqualLiteral(name, "_co_code_adaptive")) return own(<usize>c.code);
  if (strEqualLiteral(name, "co_consts")) return own(<usize>c.consts);
  if (strEqualLiteral(name, "co_names")) return own(<usize>c.names);
  if (strEqualLiteral(name, "co_varnames")) return namesWithKind(c, CO_FAST_LOCAL);
  if (strEqualLiteral(name, "co_cellvars")) return namesWithKind(c, CO_FAST_CELL);
  if (strEqualLiteral(name, "co_freevars")) return namesWithKind(c, CO_FAST_FREE);
  if (strEqualLiteral(name, "co_filename")) return own(<usize>c.filename);
  if (strEqualLiteral(name, "co_name")) return own(<usize>c.name);
  if (strEqualLiteral(name, "co_qualname")) return own(<usize>c.qualname);
  if (strEqualLiteral(name, "co_linetable")) return own(<usize>c.linetable);
  if (strEqualLiteral(name, "co_exceptiontable")) return own(<usize>c.exceptiontable);
  return NULL;
}

// ---------------------------------------------------------------------------------------------------
// co_lines() and co_positions(): the location table walked as 3.11 walks it (Objects/locations.md)

import { addMethod } from "./native";
import { typeObject, KIND_CODE } from "./types";
import { listNew, listAppendSteal, listIterNew } from "./list";
import { NONE } from "./values";
import { decref } from "./refcount";

function svarint(t: usize, n: usize): i32 {
  const u = uvarint(t, n);
  return (u & 1) != 0 ? -<i32>(u >> 1) : <i32>(u >> 1);
}
let pos: usize = 0;
function uvarint(t: usize, n: usize): u32 {
  let b: u32 = pos < n ? <u32>load<u8>(t + pos) : 0;
  pos++;
  let v = b & 63;
  let shift: u32 = 0;
  while ((b & 64) != 0) {
    b = pos < n ? <u32>load<u8>(t + pos) : 0;
    pos++;
    shift += 6;
    v |= (b & 63) << shift;
  }
  return v;
}

function intOrNone(v: i32): Value {
  return v < 0 ? NONE : makeSmallInt(v);
}

function tuple3(a: Value, b: Value, c: Value): Value {
  const t = tupleAlloc(3);
  tupleSetItem(t, 0, a);
  tupleSetItem(t, 1, b);
  tupleSetItem(t, 2, c);
  return <u64>t;
}

function tuple4(a: Value, b: Value, c: Value, d: Value): Value {
  const t = tupleAlloc(4);
  tupleSetItem(t, 0, a);
  tupleSetItem(t, 1, b);
  tupleSetItem(t, 2, c);
  tupleSetItem(t, 3, d);
  return <u64>t;
}

/** Walks the table; `positions` selects co_positions (per code unit) over co_lines (per entry). */
function walk(code: usize, positions: bool): Value {
  const c = changetype<CodeObject>(code);
  const table = <usize>c.linetable + 24;
  const n = <usize>load<u32>(<usize>c.linetable + 8);
  const out = listNew(0);
  if (out == 0) return NULL;
  let line = c.firstlineno;
  let addr: i32 = 0;
  pos = 0;
  while (pos < n) {
    const first = <u32>load<u8>(table + pos);
    pos++;
    const form = (first >> 3) & 15;
    const units = <i32>(first & 7) + 1;
    let l = -1;
    let el = -1;
    let col = -1;
    let ecol = -1;
    if (form == 15) {
      // no location
    } else if (form == 14) {
      line += svarint(table, n);
      l = line;
      el = line + <i32>uvarint(table, n);
      col = <i32>uvarint(table, n) - 1;
      ecol = <i32>uvarint(table, n) - 1;
    } else if (form == 13) {
      line += svarint(table, n);
      l = line;
      el = line;
    } else if (form >= 10) {
      line += <i32>form - 10;
      l = line;
      el = line;
      col = pos < n ? <i32>load<u8>(table + pos) : 0;
      ecol = pos + 1 < n ? <i32>load<u8>(table + pos + 1) : 0;
      pos += 2;
    } else {
      const second = pos < n ? <i32>load<u8>(table + pos) : 0;
      pos++;
      l = line;
      el = line;
      col = (<i32>form << 3) | ((second >> 4) & 7);
      ecol = col + (second & 15);
    }
    if (positions) {
      for (let u = 0; u < units; u++) {
        listAppendSteal(out, tuple4(intOrNone(l), intOrNone(el), intOrNone(col), intOrNone(ecol)));
      }
    } else {
      listAppendSteal(out, tuple3(makeSmallInt(addr), makeSmallInt(addr + units * 2), form == 15 ? NONE : makeSmallInt(line)));
    }
    addr += units * 2;
  }
  const it = listIterNew(out);
  decref(<u64>out);
  return it;
}

function coLines(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return walk(<usize>self, false);
}

function coPositions(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return walk(<usize>self, true);
}

export function registerCodeMethods(): void {
  addMethod(typeObject(KIND_CODE), "co_lines", coLines);
  addMethod(typeObject(KIND_CODE), "co_positions", coPositions);
  registerCodeReplace(typeObject(KIND_CODE));
}
import { registerCodeReplace } from "./code-replace";
