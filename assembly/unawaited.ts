/**
 * CPython's warning when a coroutine that never started is destroyed (_PyErr_WarnUnawaitedCoroutine,
 * then warnings.warn(..., RuntimeWarning, stacklevel=2) with the default "default" action):
 *
 *   NAME.py:8: RuntimeWarning: coroutine 'f' was never awaited
 *     f()
 *   RuntimeWarning: Enable tracemalloc to get the object allocation traceback
 *
 * printed once per (text, line) in the module's `__warningregistry__` dict, as CPython keeps it.
 * With no Python frame running (the end of the program) it is `sys:1: ...` alone.
 *
 * Where: CPython names the line executing when the coroutine dies. The eval loop keeps the
 * current instruction in a local, so the place comes from the CALL that made the coroutine when
 * it is the last one made (eval.ts calls noteGeneratorCall there): exact for the usual mistake,
 * `f()` as a statement (made and dropped on one line), in functions and coroutines alike. Otherwise
 * the innermost arena frame at its last recorded instruction (approximate).
 */
import { Value, NULL, NONE, TRUE, isObject, makeSmallInt, getSmallInt, isSmallInt } from "./values";
import { kindOf, typeObject, KIND_COROUTINE, KIND_DICT, errorType, errorClear } from "./types";
import { incref, decref, decrefChild } from "./refcount";
import { CodeObject } from "./code";
import { F_CODE, F_GLOBALS, F_HERE, frameInnermostArena } from "./frame";
import { callDepth } from "./eval";
import { lineOf } from "./traceback";
import { dictNew, dictGetItem, dictSetItem, dictClear } from "./dict";
import { tupleAlloc, tupleSetItem } from "./tuple";
import { excType } from "./exceptions";
import { EXC_RuntimeWarning } from "./exceptions.generated";
import { sbNew, sbAppendAscii, sbAppendStr, sbAppendInt, sbFinish } from "./str-ops";
import { strLiteral } from "./names";
import { strUtf8Length, strWriteUtf8 } from "./str";
import { alloc, free } from "./heap";
import { flushOut } from "./io";
import { CO_COROUTINE } from "./call";

import { tbRecord } from "./host";
const TB_END: i32 = 6;
const TB_RAW: i32 = 8;
const TB_SOURCE: i32 = 9; // host/traceback-format.ts: "  " + the stripped source line p1:a, when there is one

const G_FRAME: usize = 8; // generator.ts
const G_CODE: usize = 12;
const G_QUALNAME: usize = 20;
const G_STARTED: usize = 28;

// The coroutine the last CALL made, and where (owned code and globals; 0: none).
let recCoro: usize = 0;
let recCode: usize = 0;
let recOffset: u32 = 0;
let recGlobals: usize = 0;

/** rt-dealloc.ts: coroutine g is being freed (its address may be reused). */
export function forgetCoroutine(g: usize): void {
  if (g == recCoro) dropRecord();
}

function dropRecord(): void {
  const c = recCode;
  const g = recGlobals;
  recCoro = 0;
  recCode = 0;
  recGlobals = 0;
  if (c != 0) decrefChild(<u64>c);
  if (g != 0) decrefChild(<u64>g);
}

/** eval.ts CALL: frame f at instruction `here` made generator object g. */
export function noteGeneratorCall(f: usize, here: usize, g: Value): void {
  if (!isObject(g) || kindOf(<usize>g) != KIND_COROUTINE) return;
  const code = <usize>load<u32>(f + F_CODE);
  const globals = <usize>load<u32>(f + F_GLOBALS);
  incref(<u64>code);
  incref(<u64>globals);
  dropRecord();
  recCoro = <usize>g;
  recCode = code;
  recOffset = <u32>(here - <usize>changetype<CodeObject>(code).adaptive);
  recGlobals = globals;
}

/** Whether a dying coroutine never started (CPython warns about it instead of closing it). */
export function coroNeverAwaited(g: usize): bool {
  if (kindOf(g) != KIND_COROUTINE || load<u32>(g + G_FRAME) == 0 || load<u32>(g + G_STARTED) != 0) return false;
  return (changetype<CodeObject>(<usize>load<u32>(g + G_CODE)).flags & CO_COROUTINE) != 0;
}

let registryName: usize = 0;
let versionName: usize = 0;
let sysRegistry: usize = 0;
let sysName: usize = 0;
/** Start-up: the names used here (strLiteral cannot fail then). */
export function initUnawaited(): void {
  registryName = strLiteral("__warningregistry__");
  versionName = strLiteral("version");
  sysName = strLiteral("sys");
}

/** finalize.ts: the warning for coroutine g (the pending exception is saved by the caller). */
export function warnUnawaited(g: usize): void {
  let code: usize = 0;
  let offset: u32 = 0;
  let globals: usize = 0;
  if (callDepth > 0) {
    if (g == recCoro) {
      code = recCode;
      offset = recOffset;
      globals = recGlobals;
    } else {
      const f = frameInnermostArena();
      if (f != 0) {
        code = <usize>load<u32>(f + F_CODE);
        offset = <u32>(<usize>load<u32>(f + F_HERE) - <usize>changetype<CodeObject>(code).adaptive);
        globals = <usize>load<u32>(f + F_GLOBALS);
      }
    }
  }
  const line = code != 0 ? lineOf(code, offset) : 1;
  const registry = registryOf(globals);
  if (registry == 0) {
    errorClear();
    if (g == recCoro) dropRecord();
    return;
  }
  const text = messageText(g);
  if (text == 0) {
    errorClear();
    if (g == recCoro) dropRecord();
    return;
  }
  if (firstTime(registry, text, line)) {
    const filename = code != 0 ? <usize>changetype<CodeObject>(code).filename : sysName;
    emit(filename, line, text, code != 0);
  }
  if (errorType() != 0) errorClear();
  decref(<u64>text);
  if (g == recCoro) dropRecord();
}

/** "coroutine 'QUALNAME' was never awaited" (new str, 0 after an error). */
function messageText(g: usize): usize {
  const sb = sbNew(48);
  if (sb == 0) return 0;
  sbAppendAscii(sb, "coroutine '");
  sbAppendStr(sb, <usize>load<u32>(g + G_QUALNAME));
  sbAppendAscii(sb, "' was never awaited");
  return sbFinish(sb);
}

/** globals["__warningregistry__"] (created as CPython does, with 'version': 0), borrowed; 0 on error. */
function registryOf(globals: usize): usize {
  if (globals == 0 || kindOf(globals) != KIND_DICT) {
    if (sysRegistry == 0) sysRegistry = dictNew();
    return sysRegistry;
  }
  const r = dictGetItem(globals, <u64>registryName);
  if (r != NULL && isObject(r) && kindOf(<usize>r) == KIND_DICT) return <usize>r;
  if (errorType() != 0) return 0;
  const d = dictNew();
  if (d == 0) return 0;
  const ok = dictSetItem(globals, <u64>registryName, <u64>d) == 0;
  decref(<u64>d);
  return ok ? d : 0;
}

/** CPython's already_warned + update_registry: true when (text, RuntimeWarning, line) is new. */
function firstTime(registry: usize, text: usize, line: i32): bool {
  const v = dictGetItem(registry, <u64>versionName);
  if (v == NULL || !isSmallInt(v) || getSmallInt(v) != 0) {
    // the registry of another filters version (or none yet): start it again
    dictClear(registry);
    if (dictSetItem(registry, <u64>versionName, makeSmallInt(0)) != 0) return false;
  }
  const key = tupleAlloc(3);
  if (key == 0) return false;
  incref(<u64>text);
  tupleSetItem(key, 0, <u64>text);
  tupleSetItem(key, 1, <u64>excType(EXC_RuntimeWarning));
  tupleSetItem(key, 2, makeSmallInt(<i64>line));
  const seen = dictGetItem(registry, <u64>key);
  let fresh = false;
  if (seen == NULL && errorType() == 0) fresh = dictSetItem(registry, <u64>key, TRUE) == 0;
  decref(<u64>key);
  return fresh;
}

/** Hands the warning's lines to the host (which reads the source line, as for tracebacks). */
function emit(filename: usize, line: i32, text: usize, withSource: bool): void {
  const sb = sbNew(96);
  if (sb == 0) return;
  sbAppendStr(sb, filename);
  sbAppendAscii(sb, ":");
  sbAppendInt(sb, <i64>line);
  sbAppendAscii(sb, ": RuntimeWarning: ");
  sbAppendStr(sb, text);
  sbAppendAscii(sb, "\n");
  const head = sbFinish(sb);
  if (head == 0) return;
  flushOut();
  sendStr(TB_RAW, head, 0);
  decref(<u64>head);
  if (withSource) {
    sendStr(TB_SOURCE, filename, line);
    sendAscii("RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n");
  }
  tbRecord(TB_END, 0, 0, 0, 0, 0, 0, 0, 0);
}

function sendStr(kind: i32, s: usize, a: i32): void {
  const n = strUtf8Length(s);
  const buf = alloc(n == 0 ? 8 : n);
  if (buf == 0) {
    errorClear();
    return;
  }
  strWriteUtf8(s, buf);
  tbRecord(kind, buf, n, 0, 0, a, 0, 0, 0);
  free(buf, n == 0 ? 8 : n);
}

function sendAscii(lit: string): void {
  const n = <usize>lit.length;
  const buf = alloc(n);
  if (buf == 0) {
    errorClear();
    return;
  }
  for (let i: usize = 0; i < n; i++) store<u8>(buf + i, <u8>lit.charCodeAt(<i32>i));
  tbRecord(TB_RAW, buf, n, 0, 0, 0, 0, 0, 0);
  free(buf, n);
}

export { NONE, typeObject };
