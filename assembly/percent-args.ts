/**
 * The argument side of printf-style formatting, one copy for `str % args` (str-methods.ts) and
 * `bytes % args` (bytes-ops.ts): CPython's arglen/argidx cursor (a tuple gives its items, any other
 * value is one argument, used once), %(key) items from a mapping, and the errors both raise.
 *
 *   percentRun(fmt, args, format)   runs one % operation with the cursor saved around it
 *   percentArgsStart(args, isTuple) / percentNextArg() / percentArgsLeft()
 *   percentKeyEnd(d, k, i, n, dict) + percentUseKey(dict, key) ... percentKeyDone()   a %(key) spec
 *   raiseUnsupportedFormat(conv, index, firstShown)
 */
import { Value, NULL } from "./values";
import { raiseMsg, raiseBegin, errText, errByte, errInt, EXC_TypeError, EXC_ValueError } from "./types";
import { decref } from "./refcount";
import { tupleItem, tupleSize } from "./tuple";
import { unitAt } from "./str-ops";
import { strSubscriptHook } from "./str-methods";
import { errHexNoPad } from "./str-methods";

let pctArgs: Value = NULL;
let pctArgLen: i64 = -1;
let pctArgIdx: i64 = -1;
let pctKeyItem: Value = NULL; // the current %(key) spec's item (owned)

/**
 * format(fmt, args) with the cursor saved around it: Python code a spec runs (__str__, __bytes__,
 * __index__, a mapping's __getitem__) may do % formatting of its own.
 */
export function percentRun(fmt: usize, args: Value, format: (fmt: usize, args: Value) => Value): Value {
  const savedArgs = pctArgs;
  const savedLen = pctArgLen;
  const savedIdx = pctArgIdx;
  const savedKeyItem = pctKeyItem;
  pctKeyItem = NULL;
  const r = format(fmt, args);
  pctArgs = savedArgs;
  pctArgLen = savedLen;
  pctArgIdx = savedIdx;
  pctKeyItem = savedKeyItem;
  return r;
}

/** Starts the cursor on args: a tuple's items, else args itself once. */
export function percentArgsStart(args: Value, isTuple: bool): void {
  pctArgs = args;
  pctArgLen = isTuple ? <i64>tupleSize(<usize>args) : -1;
  pctArgIdx = isTuple ? 0 : -2;
}

/** The next argument (borrowed), or NULL with "not enough arguments for format string". */
export function percentNextArg(): Value {
  const i = pctArgIdx;
  if (i < pctArgLen) {
    pctArgIdx++;
    if (pctArgLen < 0) return pctArgs;
    return tupleItem(<usize>pctArgs, <usize>i);
  }
  return <Value>raiseMsg(EXC_TypeError, "not enough arguments for format string");
}

/** Whether arguments are left over at the end (without a mapping: "not all arguments converted"). */
export function percentArgsLeft(): bool {
  return pctArgIdx < pctArgLen;
}

/**
 * A spec starting "(key)" at unit i of d (kind k, n units): the index after the ')' closing the key,
 * or -1 with an exception (no mapping to look it up in, or the ')' missing).
 */
export function percentKeyEnd(d: usize, k: u32, i: usize, n: usize, dict: Value): isize {
  if (dict == NULL) {
    raiseMsg(EXC_TypeError, "format requires a mapping");
    return -1;
  }
  let depth = 1;
  i++;
  while (i < n && depth > 0) {
    const ch = unitAt(d, k, i);
    if (ch == 0x29) depth--;
    else if (ch == 0x28) depth++;
    i++;
  }
  if (depth > 0) {
    raiseMsg(EXC_ValueError, "incomplete format key");
    return -1;
  }
  return <isize>i;
}

/**
 * dict[key] becomes the spec's only argument (key: a new reference, taken over; 0 when making it
 * failed). false with an exception. percentKeyDone() ends the spec.
 */
export function percentUseKey(dict: Value, key: usize): bool {
  if (key == 0) return false;
  const item = strSubscriptHook(dict, <Value>key);
  decref(<Value>key);
  if (item == NULL) return false;
  pctKeyItem = item;
  pctArgs = item;
  pctArgLen = -1;
  pctArgIdx = -2;
  return true;
}

/** After a spec: a %(key) item is released and the cursor stays spent, as CPython's. */
export function percentKeyDone(): void {
  if (pctKeyItem == NULL) return;
  pctArgs = NULL;
  pctArgLen = -1;
  pctArgIdx = -1;
  decref(pctKeyItem);
  pctKeyItem = NULL;
}

/** "unsupported format character 'c' (0x63) at index 3" ('?' for a conv below firstShown or above '~'); -1. */
export function raiseUnsupportedFormat(conv: u32, index: usize, firstShown: u32): isize {
  raiseBegin(EXC_ValueError);
  errText("unsupported format character '");
  errByte(conv >= firstShown && conv <= 126 ? <u8>conv : 0x3f);
  errText("' (0x");
  errHexNoPad(conv);
  errText(") at index ");
  errInt(<i64>index);
  return -1;
}
