/**
 * The `marshal` module: dumps(value, version=4), loads(bytes), dump(value, file, version=4) (which
 * returns what file.write returned, as 3.11's does) and version (4), with CPython 3.11's bytes,
 * exceptions and messages. The writer is marshal-writer.ts (marshalWrite), the reader unmarshal.ts.
 *
 * The writer's reference flags follow reference counts (see marshal-writer.ts). One rule needs the
 * running program: the expected behaviour is CPython running the source, where every constant
 * (anything reachable from a code object's co_consts through tuples, frozensets and nested code
 * objects, except code objects themselves) carries one extra reference from the compiler's constant cache, so a constant tuple's
 * items are flagged there but would not be from a .pyc. isProgramConstant answers that from the
 * code objects of the executing frames (the main module's frame reaches every function and class
 * body it defines); the set of them is built on first need during one dumps call and freed after.
 *
 * Entry point: makeMarshalModule(), a new module object.
 */
import { Value, NULL, isObject, isSmallInt, getSmallInt, makeSmallInt } from "./values";
import {
  kindOf,
  raiseBegin,
  raiseMsg,
  errText,
  errTypeName,
  KIND_BYTES,
  KIND_TUPLE,
  KIND_FROZENSET,
  KIND_CODE,
  EXC_TypeError,
  EXC_OverflowError,
} from "./types";
import { alloc, free } from "./heap";
import { decref } from "./refcount";
import { noKeywords, checkArgCount, arg } from "./native";
import { dictNew } from "./dict";
import { moduleNew, moduleAddFunction, moduleAddValue } from "./function";
import { strLiteral } from "./names";
import { bytesData, bytesLength } from "./bytes";
import { tupleSize, tupleItem } from "./tuple";
import { setUsed, setTable, setNextEntry } from "./set";
import { codeField, CF_CONSTS } from "./code";
import { unmarshal } from "./unmarshal";
import { marshalWrite, marshalSetConstantTest } from "./marshal-writer";
import { indexValue } from "./builtins";
import { objGetAttr, call1 } from "./ops";
import { currentFrame } from "./eval";
import { F_CODE, F_PREV } from "./frame";

/** marshal.version: the format dumps writes by default. */
const MARSHAL_VERSION: i32 = 4;

let nameWrite: usize = 0;

// ---------------------------------------------------------------------------------------------------
// Program constants: an identity set of heap objects (open addressing over u32 addresses, 0 = empty)

let cTable: usize = 0;
let cMask: u32 = 0;
let cCount: u32 = 0;
/** 0: not built in this dumps call; 1: built; -1: out of memory (nothing counts as a constant). */
let cState: i32 = 0;
let cWork: usize = 0;
let cWorkCount: u32 = 0;
let cWorkCap: u32 = 0;

// @ts-ignore: decorator
@inline function slotOf(p: usize): u32 {
  return (<u32>(p >> 3) * 0x9e3779b1) & cMask;
}

function cContains(p: usize): bool {
  if (cTable == 0) return false;
  let i = slotOf(p);
  for (;;) {
    const q = <usize>load<u32>(cTable + (<usize>i << 2));
    if (q == p) return true;
    if (q == 0) return false;
    i = (i + 1) & cMask;
  }
  return false;
}

/** Adds p; false when it was there already or memory ran out (cState -1). */
function cAdd(p: usize): bool {
  if ((cCount + 1) * 2 > cMask + 1 || cTable == 0) {
    const oldTable = cTable;
    const oldSize: u32 = cTable == 0 ? 0 : cMask + 1;
    const size: u32 = oldSize == 0 ? 256 : oldSize * 2;
    const t = alloc(<usize>size << 2);
    if (t == 0) {
      cState = -1;
      return false;
    }
    cTable = t;
    cMask = size - 1;
    for (let i: u32 = 0; i < oldSize; i++) {
      const q = <usize>load<u32>(oldTable + (<usize>i << 2));
      if (q != 0) cPut(q);
    }
    if (oldTable != 0) free(oldTable, <usize>oldSize << 2);
  }
  if (cContains(p)) return false;
  cPut(p);
  cCount++;
  return true;
}

function cPut(p: usize): void {
  let i = slotOf(p);
  while (load<u32>(cTable + (<usize>i << 2)) != 0) i = (i + 1) & cMask;
  store<u32>(cTable + (<usize>i << 2), <u32>p);
}

function cPush(p: usize): void {
  if (cWorkCount == cWorkCap) {
    const cap: u32 = cWorkCap < 64 ? 64 : cWorkCap * 2;
    const b = alloc(<usize>cap << 2);
    if (b == 0) {
      cState = -1;
      return;
    }
    if (cWorkCap > 0) {
      memory.copy(b, cWork, <usize>cWorkCount << 2);
      free(cWork, <usize>cWorkCap << 2);
    }
    cWork = b;
    cWorkCap = cap;
  }
  store<u32>(cWork + (<usize>cWorkCount << 2), <u32>p);
  cWorkCount++;
}

/** Notes a constant; containers of constants are walked in turn. */
function cVisit(v: Value): void {
  if (!isObject(v) || cState < 0) return;
  const p = <usize>v;
  const k = kindOf(p);
  // code objects are walked but are not constants (CPython's cache does not keep them): their
  // entry is the address + 4, which no lookup asks for
  if (!cAdd(k == KIND_CODE ? p + 4 : p)) return;
  if (k == KIND_TUPLE || k == KIND_FROZENSET || k == KIND_CODE) cPush(p);
}

function buildConstants(): void {
  cState = 1;
  for (let f = currentFrame; f != 0; f = <usize>load<u32>(f + F_PREV)) {
    cVisit(<u64>load<u32>(f + F_CODE));
  }
  while (cWorkCount > 0 && cState > 0) {
    cWorkCount--;
    const p = <usize>load<u32>(cWork + (<usize>cWorkCount << 2));
    const k = kindOf(p);
    if (k == KIND_CODE) {
      // co_consts' items are constants; the tuple itself is not (CPython builds it afresh)
      const consts = codeField(p, CF_CONSTS);
      const n = tupleSize(consts);
      for (let i: u32 = 0; i < n; i++) cVisit(tupleItem(consts, <usize>i));
    } else if (k == KIND_TUPLE) {
      const n = tupleSize(p);
      for (let i: u32 = 0; i < n; i++) cVisit(tupleItem(p, <usize>i));
    } else {
      const n = setUsed(p);
      let slot: u32 = 0;
      for (let i: u32 = 0; i < n; i++) {
        slot = <u32>setNextEntry(p, slot);
        cVisit(load<u64>(setTable(p) + (<usize>slot << 4), 8));
        slot++;
      }
    }
  }
}

function isProgramConstant(p: usize): bool {
  if (cState == 0) buildConstants();
  return cState > 0 && cContains(p);
}

function constantsRelease(): void {
  if (cTable != 0) free(cTable, (<usize>cMask + 1) << 2);
  if (cWorkCap > 0) free(cWork, <usize>cWorkCap << 2);
  cTable = 0;
  cMask = 0;
  cCount = 0;
  cWork = 0;
  cWorkCount = 0;
  cWorkCap = 0;
  cState = 0;
}

// ---------------------------------------------------------------------------------------------------

/** marshal.dumps's result for v (a new bytes object), or NULL after raising. */
function dumpsValue(v: Value, version: i32): Value {
  marshalSetConstantTest(isProgramConstant);
  const b = marshalWrite(v, version);
  constantsRelease();
  return b == 0 ? NULL : <u64>b;
}

let versionArg: i32 = 0;

/** The version argument as a C int (_PyLong_AsInt), in versionArg; false after raising. */
function readVersion(v: Value): bool {
  const n = indexValue(v);
  if (n == NULL) return false;
  const ok = isSmallInt(n) && getSmallInt(n) >= i32.MIN_VALUE && getSmallInt(n) <= i32.MAX_VALUE;
  if (ok) versionArg = <i32>getSmallInt(n);
  decref(n);
  if (!ok) raiseMsg(EXC_OverflowError, "Python int too large to convert to C int");
  return ok;
}

function m_dumps(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("marshal.dumps", kwnames) || !checkArgCount("dumps", nargs, 1, 2)) return NULL;
  versionArg = MARSHAL_VERSION;
  if (nargs == 2 && !readVersion(arg(args, 1))) return NULL;
  return dumpsValue(arg(args, 0), versionArg);
}

function m_dump(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("marshal.dump", kwnames) || !checkArgCount("dump", nargs, 2, 3)) return NULL;
  versionArg = MARSHAL_VERSION;
  if (nargs == 3 && !readVersion(arg(args, 2))) return NULL;
  const b = dumpsValue(arg(args, 0), versionArg);
  if (b == NULL) return NULL;
  const write = objGetAttr(arg(args, 1), nameWrite);
  if (write == NULL) {
    decref(b);
    return NULL;
  }
  // 3.11 returns what write() returned
  const r = call1(write, b);
  decref(write);
  decref(b);
  return r;
}

function m_loads(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noKeywords("marshal.loads", kwnames) || !checkArgCount("marshal.loads", nargs, 1, 1)) return NULL;
  const v = arg(args, 0);
  if (!isObject(v) || kindOf(<usize>v) != KIND_BYTES) {
    raiseBegin(EXC_TypeError);
    errText("a bytes-like object is required, not '");
    errTypeName(v);
    errText("'");
    return NULL;
  }
  return unmarshal(bytesData(<usize>v), <usize>bytesLength(<usize>v));
}

/** A new `marshal` module object. */
export function makeMarshalModule(): usize {
  const d = dictNew();
  if (d == 0) return 0;
  if (nameWrite == 0) nameWrite = strLiteral("write");
  moduleAddFunction(d, "dump", m_dump);
  moduleAddFunction(d, "dumps", m_dumps);
  moduleAddFunction(d, "loads", m_loads);
  moduleAddValue(d, "version", makeSmallInt(MARSHAL_VERSION));
  const name = strLiteral("marshal");
  moduleAddValue(d, "__name__", <u64>name);
  const m = moduleNew(d, name);
  decref(<u64>d);
  return m;
}

export { m_dumps, m_dump, m_loads };
