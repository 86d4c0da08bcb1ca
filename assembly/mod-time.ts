/**
 * The `time` module's clocks, CPython 3.11's names and messages. The host supplies the clock
 * (env.clockNow): kind 0 is the wall clock in seconds since the epoch, kind 1 a monotonic clock in
 * seconds; perf_counter / process_time / thread_time read the monotonic one. sleep() validates its
 * argument as CPython does and returns at once (a VM in a host event loop cannot block).
 *
 * Entry point: makeTimeModule(), a new module object.
 */
import { Value, NULL, NONE, TRUE, FALSE, isSmallInt, getSmallInt, isObject } from "./values";
import { kindOf, raiseMsg, raiseBegin, errText, errInt, errTypeName, KIND_INT, KIND_FLOAT, EXC_TypeError, EXC_ValueError, EXC_OverflowError } from "./types";
import { floatNew, floatValue } from "./float";
import { intFromI64 } from "./int";
import { noKeywords } from "./native";
import { dictNew } from "./dict";
import { moduleNew, moduleAddFunction } from "./function";
import { strLiteral } from "./names";
import { decref } from "./refcount";

import { clockNow } from "./host";

const CLOCK_WALL: i32 = 0;
const CLOCK_MONOTONIC: i32 = 1;

/** "time.time() takes no arguments (1 given)" / "... takes no keyword arguments". */
function noArgs(qualname: string, nargs: i32, kwnames: usize): bool {
  if (!noKeywords(qualname, kwnames)) return false;
  if (nargs == 0) return true;
  raiseBegin(EXC_TypeError);
  errText(qualname);
  errText("() takes no arguments (");
  errInt(nargs);
  errText(" given)");
  return false;
}

function seconds(kind: i32, qualname: string, nargs: i32, kwnames: usize): Value {
  if (!noArgs(qualname, nargs, kwnames)) return NULL;
  return floatNew(clockNow(kind));
}

function nanoseconds(kind: i32, qualname: string, nargs: i32, kwnames: usize): Value {
  if (!noArgs(qualname, nargs, kwnames)) return NULL;
  const t = clockNow(kind);
  // whole seconds and the fraction apart: t * 1e9 in one multiplication would round away the nanoseconds
  if (!(t > -9.2e9 && t < 9.2e9)) return intFromI64(0);
  const whole = Math.floor(t);
  return intFromI64(<i64>whole * 1000000000 + <i64>Math.round((t - whole) * 1e9));
}

function t_time(self: Value, args: usize, nargs: i32, kw: usize): Value {
  return seconds(CLOCK_WALL, "time.time", nargs, kw);
}
function t_time_ns(self: Value, args: usize, nargs: i32, kw: usize): Value {
  return nanoseconds(CLOCK_WALL, "time.time_ns", nargs, kw);
}
function t_monotonic(self: Value, args: usize, nargs: i32, kw: usize): Value {
  return seconds(CLOCK_MONOTONIC, "time.monotonic", nargs, kw);
}
function t_monotonic_ns(self: Value, args: usize, nargs: i32, kw: usize): Value {
  return nanoseconds(CLOCK_MONOTONIC, "time.monotonic_ns", nargs, kw);
}
function t_perf_counter(self: Value, args: usize, nargs: i32, kw: usize): Value {
  return seconds(CLOCK_MONOTONIC, "time.perf_counter", nargs, kw);
}
function t_perf_counter_ns(self: Value, args: usize, nargs: i32, kw: usize): Value {
  return nanoseconds(CLOCK_MONOTONIC, "time.perf_counter_ns", nargs, kw);
}
function t_process_time(self: Value, args: usize, nargs: i32, kw: usize): Value {
  return seconds(CLOCK_MONOTONIC, "time.process_time", nargs, kw);
}
function t_process_time_ns(self: Value, args: usize, nargs: i32, kw: usize): Value {
  return nanoseconds(CLOCK_MONOTONIC, "time.process_time_ns", nargs, kw);
}
function t_thread_time(self: Value, args: usize, nargs: i32, kw: usize): Value {
  return seconds(CLOCK_MONOTONIC, "time.thread_time", nargs, kw);
}
function t_thread_time_ns(self: Value, args: usize, nargs: i32, kw: usize): Value {
  return nanoseconds(CLOCK_MONOTONIC, "time.thread_time_ns", nargs, kw);
}

/**
 * sleep(secs): the argument becomes nanoseconds as CPython's _PyTime_FromSecondsObject does
 * (floats rounded away from zero, the int64 range), then must not be negative. No waiting.
 */
function t_sleep(self: Value, args: usize, nargs: i32, kw: usize): Value {
  if (!noKeywords("time.sleep", kw)) return NULL;
  if (nargs != 1) {
    raiseBegin(EXC_TypeError);
    errText("time.sleep() takes exactly one argument (");
    errInt(nargs);
    errText(" given)");
    return NULL;
  }
  const v = load<u64>(args);
  let negative = false;
  if (isObject(v) && kindOf(<usize>v) == KIND_FLOAT) {
    const d = floatValue(<usize>v);
    if (d != d) return raiseMsg(EXC_ValueError, "Invalid value NaN (not a number)");
    let ns = d * 1e9;
    ns = ns >= 0 ? Math.ceil(ns) : Math.floor(ns);
    if (!(ns >= -9223372036854775808.0 && ns < 9223372036854775808.0)) {
      return raiseMsg(EXC_OverflowError, "timestamp out of range for platform time_t");
    }
    negative = ns < 0;
  } else if (isSmallInt(v) || v == TRUE || v == FALSE || (isObject(v) && kindOf(<usize>v) == KIND_INT)) {
    // seconds * 10**9 must fit an int64: |seconds| <= 9223372036
    const small = isSmallInt(v) ? getSmallInt(v) : v == TRUE ? 1 : 0;
    if (isObject(v) || small > 9223372036 || small < -9223372036) {
      return raiseMsg(EXC_OverflowError, "timestamp too large to convert to C _PyTime_t");
    }
    negative = small < 0;
  } else {
    raiseBegin(EXC_TypeError);
    errText("'");
    errTypeName(v);
    errText("' object cannot be interpreted as an integer");
    return NULL;
  }
  if (negative) return raiseMsg(EXC_ValueError, "sleep length must be non-negative");
  return NONE;
}

/** A new `time` module object. */
export function makeTimeModule(): usize {
  const d = dictNew();
  if (d == 0) return 0;
  moduleAddFunction(d, "time", t_time);
  moduleAddFunction(d, "time_ns", t_time_ns);
  moduleAddFunction(d, "monotonic", t_monotonic);
  moduleAddFunction(d, "monotonic_ns", t_monotonic_ns);
  moduleAddFunction(d, "perf_counter", t_perf_counter);
  moduleAddFunction(d, "perf_counter_ns", t_perf_counter_ns);
  moduleAddFunction(d, "process_time", t_process_time);
  moduleAddFunction(d, "process_time_ns", t_process_time_ns);
  moduleAddFunction(d, "thread_time", t_thread_time);
  moduleAddFunction(d, "thread_time_ns", t_thread_time_ns);
  moduleAddFunction(d, "sleep", t_sleep);
  const m = moduleNew(d, strLiteral("time"));
  decref(<u64>d);
  return m;
}

export {
  t_time, t_time_ns, t_monotonic, t_monotonic_ns, t_perf_counter, t_perf_counter_ns, t_process_time,
  t_process_time_ns, t_thread_time, t_thread_time_ns, t_sleep,
};
