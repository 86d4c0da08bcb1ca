/**
 * code.replace(**changes): a copy of a code object with some co_* fields replaced (CPython 3.11's
 * code_replace_impl). co_varnames / co_cellvars / co_freevars rebuild co_localsplusnames and the
 * localsplus kinds; everything else maps to one field. The result goes through the same checks
 * as marshal's code objects (code.ts codeValidate) and is made by codeNew.
 */
import { Value, NULL, isSmallInt, getSmallInt, isObject } from "./values";
import { alloc, free } from "./heap";
import { kindOf, raiseBegin, raiseMsg, errText, errTypeName, errStrObject, KIND_STR, KIND_BYTES, KIND_TUPLE, EXC_TypeError, EXC_ValueError } from "./types";
import { incref, decref } from "./refcount";
import { tupleAlloc, tupleSetItem, tupleSize, tupleItem } from "./tuple";
import { bytesAlloc, bytesData, bytesLength } from "./bytes";
import { strEqualLiteral, strEqual } from "./str";
import { addMethod, arg, kwCount } from "./native";
import {
  CodeObject,
  codeValidate,
  codeNew,
  codeDeopt,
  CODE_FIRST_FIELD,
  CODE_FIELD_COUNT,
  CI_ARGCOUNT,
  CI_POSONLY,
  CI_KWONLY,
  CI_STACKSIZE,
  CI_FLAGS,
  CI_FIRSTLINENO,
  CF_CODE,
  CF_CONSTS,
  CF_NAMES,
  CF_LPNAMES,
  CF_LPKINDS,
  CF_FILENAME,
  CF_NAME,
  CF_QUALNAME,
  CF_LINETABLE,
  CF_EXCTABLE,
} from "./code";
import { codeAttr } from "./code-attrs";
import { strLiteral } from "./names";

const CO_FAST_LOCAL: u8 = 0x20;
const CO_FAST_CELL: u8 = 0x40;
const CO_FAST_FREE: u8 = 0x80;

const INTS: usize = memory.data(6 * 4, 8);
const FIELDS: usize = memory.data(10 * 8, 8);

/** Integer keyword → CI_* index, or -1. co_nlocals is -2 (checked, not stored). */
function intIndex(k: usize): i32 {
  if (strEqualLiteral(k, "co_argcount")) return CI_ARGCOUNT;
  if (strEqualLiteral(k, "co_posonlyargcount")) return CI_POSONLY;
  if (strEqualLiteral(k, "co_kwonlyargcount")) return CI_KWONLY;
  if (strEqualLiteral(k, "co_stacksize")) return CI_STACKSIZE;
  if (strEqualLiteral(k, "co_flags")) return CI_FLAGS;
  if (strEqualLiteral(k, "co_firstlineno")) return CI_FIRSTLINENO;
  if (strEqualLiteral(k, "co_nlocals")) return -2;
  return -1;
}

/** Object keyword → CF_* index (its required kind in `kindOut`), 100+ for the three name tuples, or -1. */
let kindOut: u32 = 0;
function fieldIndex(k: usize): i32 {
  kindOut = KIND_STR;
  if (strEqualLiteral(k, "co_filename")) return CF_FILENAME;
  if (strEqualLiteral(k, "co_name")) return CF_NAME;
  if (strEqualLiteral(k, "co_qualname")) return CF_QUALNAME;
  kindOut = KIND_BYTES;
  if (strEqualLiteral(k, "co_code")) return CF_CODE;
  if (strEqualLiteral(k, "co_linetable")) return CF_LINETABLE;
  if (strEqualLiteral(k, "co_exceptiontable")) return CF_EXCTABLE;
  kindOut = KIND_TUPLE;
  if (strEqualLiteral(k, "co_consts")) return CF_CONSTS;
  if (strEqualLiteral(k, "co_names")) return CF_NAMES;
  if (strEqualLiteral(k, "co_varnames")) return 100;
  if (strEqualLiteral(k, "co_cellvars")) return 101;
  if (strEqualLiteral(k, "co_freevars")) return 102;
  return -1;
}

function kindName(k: u32): string {
  return k == KIND_STR ? "str" : k == KIND_BYTES ? "bytes" : "tuple";
}

function releaseFields(): void {
  for (let i: usize = 0; i < CODE_FIELD_COUNT; i++) decref(load<u64>(FIELDS + (i << 3)));
}

function indexOf(t: usize, s: Value): i32 {
  const n = <i32>tupleSize(t);
  for (let i = 0; i < n; i++) if (strEqual(<usize>tupleItem(t, <usize>i), <usize>s)) return i;
  return -1;
}

/**
 * co_localsplusnames and the kinds bytes from varnames, cellvars, freevars (all tuples of str): a
 * cell that is also a local shares the local's slot. Stores both into FIELDS; false on error.
 */
function buildLocalsPlus(varnames: usize, cellvars: usize, freevars: usize): bool {
  const nv = <i32>tupleSize(varnames);
  const nc = <i32>tupleSize(cellvars);
  const nf = <i32>tupleSize(freevars);
  for (let t = 0; t < 3; t++) {
    const tup = t == 0 ? varnames : t == 1 ? cellvars : freevars;
    const n = <usize>tupleSize(tup);
    for (let i: usize = 0; i < n; i++) {
      const s = tupleItem(tup, i);
      if (!isObject(s) || kindOf(<usize>s) != KIND_STR) {
        raiseBegin(EXC_TypeError);
        errText("name tuples must contain only strings, not '");
        errTypeName(s);
        errText("'");
        return false;
      }
    }
  }
  let extraCells = 0;
  for (let i = 0; i < nc; i++) if (indexOf(varnames, tupleItem(cellvars, <usize>i)) < 0) extraCells++;
  const total = <usize>(nv + extraCells + nf);
  const names = tupleAlloc(total);
  if (names == 0) return false;
  const kinds = bytesAlloc(total);
  if (kinds == 0) {
    decref(<u64>names);
    return false;
  }
  const kd = bytesData(kinds);
  let j: usize = 0;
  for (let i = 0; i < nv; i++) {
    const s = tupleItem(varnames, <usize>i);
    incref(s);
    tupleSetItem(names, j, s);
    store<u8>(kd + j, indexOf(cellvars, s) >= 0 ? CO_FAST_LOCAL | CO_FAST_CELL : CO_FAST_LOCAL);
    j++;
  }
  for (let i = 0; i < nc; i++) {
    const s = tupleItem(cellvars, <usize>i);
    if (indexOf(varnames, s) >= 0) continue;
    incref(s);
    tupleSetItem(names, j, s);
    store<u8>(kd + j, CO_FAST_CELL);
    j++;
  }
  for (let i = 0; i < nf; i++) {
    const s = tupleItem(freevars, <usize>i);
    incref(s);
    tupleSetItem(names, j, s);
    store<u8>(kd + j, CO_FAST_FREE);
    j++;
  }
  decref(load<u64>(FIELDS + (<usize>CF_LPNAMES << 3)));
  decref(load<u64>(FIELDS + (<usize>CF_LPKINDS << 3)));
  store<u64>(FIELDS + (<usize>CF_LPNAMES << 3), <u64>names);
  store<u64>(FIELDS + (<usize>CF_LPKINDS << 3), <u64>kinds);
  return true;
}

let nameVar: usize = 0;
let nameCell: usize = 0;
let nameFree: usize = 0;
function nameTuple(self: usize, i: i32): Value {
  if (nameVar == 0) {
    nameVar = strLiteral("co_varnames");
    nameCell = strLiteral("co_cellvars");
    nameFree = strLiteral("co_freevars");
  }
  return codeAttr(self, i == 0 ? nameVar : i == 1 ? nameCell : nameFree);
}

function codeReplace(selfV: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (nargs > 0) return <Value>raiseMsg(EXC_TypeError, "replace() takes no positional arguments");
  const self = <usize>selfV;
  const c = changetype<CodeObject>(self);
  store<i32>(INTS + 4 * CI_ARGCOUNT, c.argcount);
  store<i32>(INTS + 4 * CI_POSONLY, c.posonlyargcount);
  store<i32>(INTS + 4 * CI_KWONLY, c.kwonlyargcount);
  store<i32>(INTS + 4 * CI_STACKSIZE, c.stacksize);
  store<i32>(INTS + 4 * CI_FLAGS, c.flags);
  store<i32>(INTS + 4 * CI_FIRSTLINENO, c.firstlineno);
  for (let i: usize = 0; i < CODE_FIELD_COUNT; i++) {
    const v = <u64>load<u32>(self + CODE_FIRST_FIELD + (i << 2));
    incref(v);
    store<u64>(FIELDS + (i << 3), v);
  }
  // Name tuples given (NULL: keep).
  let varnames: Value = NULL;
  let cellvars: Value = NULL;
  let freevars: Value = NULL;
  let nlocals: i64 = -1;
  const nkw = kwCount(kwnames);
  for (let i = 0; i < nkw; i++) {
    const k = <usize>tupleItem(kwnames, <usize>i);
    const v = arg(args, i);
    const ii = intIndex(k);
    if (ii != -1) {
      if (!isSmallInt(v) || getSmallInt(v) < -0x80000000 || getSmallInt(v) > 0x7fffffff) {
        if (isSmallInt(v) || (isObject(v) && kindOf(<usize>v) == 4)) raiseMsg(EXC_TypeError, "Python int too large to convert to C int");
        else {
          raiseBegin(EXC_TypeError);
          errText("'");
          errTypeName(v);
          errText("' object cannot be interpreted as an integer");
        }
        releaseFields();
        return NULL;
      }
      if (ii == -2) nlocals = getSmallInt(v);
      else store<i32>(INTS + 4 * <usize>ii, <i32>getSmallInt(v));
      continue;
    }
    const fi = fieldIndex(k);
    if (fi == -1) {
      raiseBegin(EXC_TypeError);
      errText("'");
      errStrObject(k);
      errText("' is an invalid keyword argument for replace()");
      releaseFields();
      return NULL;
    }
    if (!isObject(v) || kindOf(<usize>v) != kindOut) {
      raiseBegin(EXC_TypeError);
      errText("replace() argument '");
      errStrObject(k);
      errText("' must be ");
      errText(kindName(kindOut));
      errText(", not ");
      errTypeName(v);
      releaseFields();
      return NULL;
    }
    if (fi == 100) varnames = v;
    else if (fi == 101) cellvars = v;
    else if (fi == 102) freevars = v;
    else {
      let nv = v;
      if (fi == CF_CODE) {
        const d = codeDeopt(<usize>v);
        if (d == 0) {
          releaseFields();
          return NULL;
        }
        nv = <u64>d;
        if (nv == v) incref(nv);
      } else incref(nv);
      decref(load<u64>(FIELDS + (<usize>fi << 3)));
      store<u64>(FIELDS + (<usize>fi << 3), nv);
    }
  }
  if (varnames != NULL || cellvars != NULL || freevars != NULL) {
    const v0 = varnames != NULL ? incr(varnames) : nameTuple(self, 0);
    const v1 = cellvars != NULL ? incr(cellvars) : nameTuple(self, 1);
    const v2 = freevars != NULL ? incr(freevars) : nameTuple(self, 2);
    const ok = v0 != NULL && v1 != NULL && v2 != NULL && buildLocalsPlus(<usize>v0, <usize>v1, <usize>v2);
    decref(v0);
    decref(v1);
    decref(v2);
    if (!ok) {
      releaseFields();
      return NULL;
    }
  }
  if (nlocals < 0 && varnames != NULL) nlocals = c.nlocals; // co_nlocals defaults to the original's
  if (nlocals >= 0) {
    const kinds = <usize>load<u64>(FIELDS + (<usize>CF_LPKINDS << 3));
    let n: i64 = 0;
    const kd = bytesData(kinds);
    for (let i: usize = 0; i < <usize>bytesLength(kinds); i++) if ((load<u8>(kd + i) & CO_FAST_LOCAL) != 0) n++;
    if (n != nlocals) {
      raiseMsg(EXC_ValueError, "code: co_nlocals != len(co_varnames)");
      releaseFields();
      return NULL;
    }
  }
  if (!codeValidate(INTS, FIELDS)) {
    releaseFields();
    return NULL;
  }
  const r = codeNew(INTS, FIELDS);
  if (r == 0) {
    releaseFields();
    return NULL;
  }
  return <u64>r;
}

function incr(v: Value): Value {
  incref(v);
  return v;
}

export function registerCodeReplace(t: usize): void {
  addMethod(t, "replace", codeReplace);
}

export { alloc, free };
