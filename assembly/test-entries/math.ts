// Test entry for the math and time modules (test/wasm-math.test.ts): every native function of
// mod-math.ts / mod-time.ts called with an argument array the host builds, plus what the host needs
// to build values (floats, ints, strs, lists, tuples), read results and check for leaks.
// Module order matters (as in index.ts): starting from str-methods every global is set before use.
import "../str-methods";
export { heapInit, heapBytesInUse, alloc as heapAlloc, free as heapFree } from "../heap";
export { errorType, errorMessagePtr, errorMessageLength, errorClear, kindOfValue as valueKind } from "../types";
export { decref as valueDecref } from "../refcount";
export { intFromI64 } from "../int";
export { intFromStr, intToStr, intSetMaxStrDigits } from "../int-ops";
export { strFromUtf8 } from "../str";
export { tupleAlloc } from "../tuple";
export { makeMathModule, mathInit } from "../mod-math";
export { makeTimeModule } from "../mod-time";
import * as T from "../mod-time";
import * as M from "../mod-math";
import { floatValue, floatNew } from "../float";
import { Value } from "../values";
import { tupleSetItem as tupleSetItemInline } from "../tuple";
import { listNew, listSetItemRaw as listSetItemRawInline } from "../list";

export function floatBits(v: Value): u64 {
  return reinterpret<u64>(floatValue(<usize>v));
}
export function floatFromBits(b: u64): Value {
  return floatNew(reinterpret<f64>(b));
}
export function tupleSetItem(t: usize, i: usize, v: Value): void {
  tupleSetItemInline(t, i, v);
}
export { listNew };
export function listSetItemRaw(l: usize, i: usize, v: Value): void {
  listSetItemRawInline(l, i, v);
}

// A switch, not a table of function references: a global initializer would compile them before
// the modules they use have their globals.
/** Calls math function number `i` (test/wasm-math.test.ts FNS order). */
export function callMath(i: i32, args: usize, nargs: i32, kwnames: usize): Value {
  switch (i) {
    case 0:
      return M.m_acos(0, args, nargs, kwnames);
    case 1:
      return M.m_acosh(0, args, nargs, kwnames);
    case 2:
      return M.m_asin(0, args, nargs, kwnames);
    case 3:
      return M.m_asinh(0, args, nargs, kwnames);
    case 4:
      return M.m_atan(0, args, nargs, kwnames);
    case 5:
      return M.m_atan2(0, args, nargs, kwnames);
    case 6:
      return M.m_atanh(0, args, nargs, kwnames);
    case 7:
      return M.m_cbrt(0, args, nargs, kwnames);
    case 8:
      return M.m_ceil(0, args, nargs, kwnames);
    case 9:
      return M.m_comb(0, args, nargs, kwnames);
    case 10:
      return M.m_copysign(0, args, nargs, kwnames);
    case 11:
      return M.m_cos(0, args, nargs, kwnames);
    case 12:
      return M.m_cosh(0, args, nargs, kwnames);
    case 13:
      return M.m_degrees(0, args, nargs, kwnames);
    case 14:
      return M.m_dist(0, args, nargs, kwnames);
    case 15:
      return M.m_erf(0, args, nargs, kwnames);
    case 16:
      return M.m_erfc(0, args, nargs, kwnames);
    case 17:
      return M.m_exp(0, args, nargs, kwnames);
    case 18:
      return M.m_exp2(0, args, nargs, kwnames);
    case 19:
      return M.m_expm1(0, args, nargs, kwnames);
    case 20:
      return M.m_fabs(0, args, nargs, kwnames);
    case 21:
      return M.m_factorial(0, args, nargs, kwnames);
    case 22:
      return M.m_floor(0, args, nargs, kwnames);
    case 23:
      return M.m_fmod(0, args, nargs, kwnames);
    case 24:
      return M.m_frexp(0, args, nargs, kwnames);
    case 25:
      return M.m_fsum(0, args, nargs, kwnames);
    case 26:
      return M.m_gamma(0, args, nargs, kwnames);
    case 27:
      return M.m_gcd(0, args, nargs, kwnames);
    case 28:
      return M.m_hypot(0, args, nargs, kwnames);
    case 29:
      return M.m_isclose(0, args, nargs, kwnames);
    case 30:
      return M.m_isfinite(0, args, nargs, kwnames);
    case 31:
      return M.m_isinf(0, args, nargs, kwnames);
    case 32:
      return M.m_isnan(0, args, nargs, kwnames);
    case 33:
      return M.m_isqrt(0, args, nargs, kwnames);
    case 34:
      return M.m_lcm(0, args, nargs, kwnames);
    case 35:
      return M.m_ldexp(0, args, nargs, kwnames);
    case 36:
      return M.m_lgamma(0, args, nargs, kwnames);
    case 37:
      return M.m_log(0, args, nargs, kwnames);
    case 38:
      return M.m_log10(0, args, nargs, kwnames);
    case 39:
      return M.m_log1p(0, args, nargs, kwnames);
    case 40:
      return M.m_log2(0, args, nargs, kwnames);
    case 41:
      return M.m_modf(0, args, nargs, kwnames);
    case 42:
      return M.m_nextafter(0, args, nargs, kwnames);
    case 43:
      return M.m_perm(0, args, nargs, kwnames);
    case 44:
      return M.m_pow(0, args, nargs, kwnames);
    case 45:
      return M.m_prod(0, args, nargs, kwnames);
    case 46:
      return M.m_radians(0, args, nargs, kwnames);
    case 47:
      return M.m_remainder(0, args, nargs, kwnames);
    case 48:
      return M.m_sin(0, args, nargs, kwnames);
    case 49:
      return M.m_sinh(0, args, nargs, kwnames);
    case 50:
      return M.m_sqrt(0, args, nargs, kwnames);
    case 51:
      return M.m_tan(0, args, nargs, kwnames);
    case 52:
      return M.m_tanh(0, args, nargs, kwnames);
    case 53:
      return M.m_trunc(0, args, nargs, kwnames);
    case 54:
      return M.m_ulp(0, args, nargs, kwnames);
  }
  return 0;
}


// A switch, not a table of function references: a global initializer would compile them before
// the modules they use have their globals.
/** Calls time function number `i` (test/wasm-math.test.ts TIME_FNS order). */
export function callTime(i: i32, args: usize, nargs: i32, kwnames: usize): Value {
  switch (i) {
    case 0:
      return T.t_time(0, args, nargs, kwnames);
    case 1:
      return T.t_time_ns(0, args, nargs, kwnames);
    case 2:
      return T.t_monotonic(0, args, nargs, kwnames);
    case 3:
      return T.t_monotonic_ns(0, args, nargs, kwnames);
    case 4:
      return T.t_perf_counter(0, args, nargs, kwnames);
    case 5:
      return T.t_perf_counter_ns(0, args, nargs, kwnames);
    case 6:
      return T.t_process_time(0, args, nargs, kwnames);
    case 7:
      return T.t_process_time_ns(0, args, nargs, kwnames);
    case 8:
      return T.t_thread_time(0, args, nargs, kwnames);
    case 9:
      return T.t_thread_time_ns(0, args, nargs, kwnames);
    case 10:
      return T.t_sleep(0, args, nargs, kwnames);
  }
  return 0;
}

export { floatNew };

// Static objects last: by the end of the entry file every module's globals exist.
import { initStatics } from "../startup";
initStatics();
