/**
 * code == code, as CPython 3.11's code_richcompare: two code objects are equal when their name,
 * argument counts, flags, first line, (deoptimized) instructions, constants, names, local names,
 * line table and exception table are equal. Constants compare by _PyCode_ConstantKey's rules: the
 * types must match exactly (so 1, 1.0 and True differ) and 0.0 differs from -0.0.
 *
 *   codeRichCompare(a, b, op) → True/False for == and !=, NotImplemented otherwise.
 *
 * Constants nest (tuples, frozensets, code objects); nesting depth is bounded by what the compiler
 * emits, so the recursion here follows source structure, not data size.
 */
import { Value, NULL, isSmallInt, makeBool } from "./values";
import { kindOfValue, typeOf, KIND_CODE, KIND_TUPLE, KIND_FLOAT, KIND_COMPLEX } from "./types";
import { CF_CODE, CF_CONSTS, CF_NAMES, CF_LPNAMES, CF_NAME, CF_LINETABLE, CF_EXCTABLE, codeField } from "./code";
import { tupleSize, tupleItem } from "./tuple";
import { floatValue, complexReal, complexImag } from "./float";
import { objEq } from "./ops";
import { NOT_IMPLEMENTED } from "./singletons";

/** Two floats are the same constant: equal values with equal signs (0.0 vs -0.0), or the same object. */
function sameDouble(x: f64, y: f64): bool {
  return x == y && (x != 0 || (reinterpret<u64>(x) >> 63) == (reinterpret<u64>(y) >> 63));
}

/** Whether constants a and b are equal under _PyCode_ConstantKey; -1 on error. */
function constEqual(a: Value, b: Value): i32 {
  if (a == b) return 1;
  if (isSmallInt(a) || isSmallInt(b)) return isSmallInt(a) && isSmallInt(b) ? 0 : typeOf(a) == typeOf(b) ? objEq(a, b) : 0;
  if (typeOf(a) != typeOf(b)) return 0;
  const k = kindOfValue(a);
  if (k == KIND_FLOAT) return sameDouble(floatValue(<usize>a), floatValue(<usize>b)) ? 1 : 0;
  if (k == KIND_COMPLEX) {
    const p = <usize>a;
    const q = <usize>b;
    return sameDouble(complexReal(p), complexReal(q)) && sameDouble(complexImag(p), complexImag(q)) ? 1 : 0;
  }
  if (k == KIND_TUPLE) return constTupleEqual(<usize>a, <usize>b);
  if (k == KIND_CODE) return codeEqual(<usize>a, <usize>b);
  return objEq(a, b);
}

function constTupleEqual(a: usize, b: usize): i32 {
  const n = tupleSize(a);
  if (tupleSize(b) != n) return 0;
  for (let i: u32 = 0; i < n; i++) {
    const r = constEqual(tupleItem(a, i), tupleItem(b, i));
    if (r != 1) return r;
  }
  return 1;
}

/** The code objects' scalar header fields that take part: argcount, posonly, kwonly, flags, firstlineno. */
function scalarsEqual(a: usize, b: usize): bool {
  return (
    load<i32>(a, 8) == load<i32>(b, 8) && // argcount
    load<i32>(a, 12) == load<i32>(b, 12) && // posonlyargcount
    load<i32>(a, 16) == load<i32>(b, 16) && // kwonlyargcount
    load<i32>(a, 24) == load<i32>(b, 24) && // flags
    load<i32>(a, 28) == load<i32>(b, 28) // firstlineno
  );
}

/** Whether two code objects are equal (1/0), -1 on error. */
export function codeEqual(a: usize, b: usize): i32 {
  if (a == b) return 1;
  if (!scalarsEqual(a, b)) return 0;
  // In CPython's order: name, instructions, constants, names, local names, line and exception tables.
  let r = fieldEqual(a, b, CF_NAME);
  if (r == 1) r = fieldEqual(a, b, CF_CODE);
  if (r == 1) r = constTupleEqual(codeField(a, CF_CONSTS), codeField(b, CF_CONSTS));
  if (r == 1) r = fieldEqual(a, b, CF_NAMES);
  if (r == 1) r = fieldEqual(a, b, CF_LPNAMES);
  if (r == 1) r = fieldEqual(a, b, CF_LINETABLE);
  if (r == 1) r = fieldEqual(a, b, CF_EXCTABLE);
  return r;
}

function fieldEqual(a: usize, b: usize, f: i32): i32 {
  return objEq(<Value>codeField(a, <usize>f), <Value>codeField(b, <usize>f));
  return 1;
}

/** a op b for a code object a: == and != compare by value; NotImplemented for others. */
export function codeRichCompare(a: Value, b: Value, op: i32): Value {
  if ((op != 2 && op != 3) || kindOfValue(b) != KIND_CODE) return <Value>NOT_IMPLEMENTED;
  const r = codeEqual(<usize>a, <usize>b);
  if (r < 0) return NULL;
  return makeBool((r != 0) == (op == 2));
}
