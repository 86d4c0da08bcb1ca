/**
 * Tagged values: every Python value the VM handles is one 64-bit word (a `Value`), kept in wasm
 * locals, value stacks and object fields without boxing for the common cases.
 *
 *   bit 63                                                        2   1   0
 *   [ signed 63-bit integer n ......................................... ] 1   small int: (n << 1) | 1
 *   [ 0 ......................... | 32-bit address, 8-aligned ... | 0   0   0 ] heap object (0 = NULL)
 *   [ 0 ......................................... index ........ | 0   1   0 ] immediate: None, False, True
 *
 * Why low-bit tagging: a small-int add is one i64.add plus an overflow test, and the checks are one
 * `and`. NaN-boxing would keep floats unboxed but leaves only ~48-bit ints (and Python programs are
 * int-heavy); floats are heap-boxed for now, to be revisited with the benchmark suite.
 * NULL (0) is the "no value" of empty locals, the NULL that LOAD_GLOBAL/LOAD_METHOD push, and
 * "error" returns; it is never a Python object.
 *
 * One naming triple per tag (test/get/make), as Lua's ttisinteger/ivalue/setivalue.
 */
export type Value = u64;

export const NULL: Value = 0;
export const NONE: Value = 0x02;
export const FALSE: Value = 0x0a;
export const TRUE: Value = 0x12;

/** Small ints are the 63-bit signed range. */
export const SMALL_INT_MIN: i64 = -(<i64>1 << 62);
export const SMALL_INT_MAX: i64 = (<i64>1 << 62) - 1;

// @ts-ignore: decorator
@inline export function isSmallInt(v: Value): bool {
  return (v & 1) != 0;
}
// @ts-ignore: decorator
@inline export function getSmallInt(v: Value): i64 {
  return <i64>v >> 1;
}
/** Only for n in [SMALL_INT_MIN, SMALL_INT_MAX]; see fitsSmallInt. */
// @ts-ignore: decorator
@inline export function makeSmallInt(n: i64): Value {
  return (<u64>n << 1) | 1;
}
// @ts-ignore: decorator
@inline export function fitsSmallInt(n: i64): bool {
  return n >= SMALL_INT_MIN && n <= SMALL_INT_MAX;
}

// @ts-ignore: decorator
@inline export function isObject(v: Value): bool {
  return (v & 7) == 0 && v != NULL;
}
// @ts-ignore: decorator
@inline export function getObject(v: Value): usize {
  return <usize>v;
}
// @ts-ignore: decorator
@inline export function makeObject(ptr: usize): Value {
  return <u64>ptr;
}

// @ts-ignore: decorator
@inline export function isImmediate(v: Value): bool {
  return (v & 7) == 2;
}
// @ts-ignore: decorator
@inline export function makeBool(b: bool): Value {
  return b ? TRUE : FALSE;
}
