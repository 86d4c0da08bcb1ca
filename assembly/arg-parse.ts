/**
 * Argument parsing with CPython's message styles, one copy for the str, bytes and bytearray methods:
 *
 *   parseArgs(fname, args, nargs, kwnames, "sep,maxsplit", 2)  Argument Clinic's parameters by
 *       position or keyword (up to 8), into a static area read by parsedArg(i)
 *   tupleArgCount(fname, nargs, min, max)  PyArg_ParseTuple's count check
 */
import { Value, NULL } from "./values";
import { raiseBegin, errText, errInt, errByte, errStrObject, EXC_TypeError } from "./types";
import { arg, kwCount } from "./native";
import { tupleItem } from "./tuple";
import { strLength, strKind, strData } from "./str";
import { unitAt } from "./str-ops";

/** Parsed arguments of parseArgs (borrowed; NULL when not given). Copy out before calling anything. */
const PARSED: usize = memory.data(8 * 8, 8);

/** Argument i of the last parseArgs (borrowed; NULL when not given). */
// @ts-ignore: decorator
@inline export function parsedArg(i: i32): Value {
  return load<u64>(PARSED + (<usize>i << 3));
}

/**
 * Fills the parsed arguments from up to `count` (at most 8) parameters named in `names` ("sep,maxsplit")
 * given by position or keyword. Messages: "split() takes at most 2 arguments (3 given)", "'foo' is an
 * invalid keyword argument for split()", "argument for split() given by name ('sep') and position (1)".
 */
export function parseArgs(fname: string, args: usize, nargs: i32, kwnames: usize, names: string, count: i32): bool {
  const nkw = kwCount(kwnames);
  if (nargs + nkw > count) {
    raiseBegin(EXC_TypeError);
    errText(fname);
    errText("() takes at most ");
    errInt(count);
    errText(count == 1 ? " argument (" : " arguments (");
    errInt(nargs + nkw);
    errText(" given)");
    return false;
  }
  for (let i = 0; i < count; i++) store<u64>(PARSED + (<usize>i << 3), i < nargs ? arg(args, i) : NULL);
  for (let j = 0; j < nkw; j++) {
    const k = <usize>tupleItem(kwnames, j);
    let idx = -1;
    let start = 0;
    let p = 0;
    for (let c = 0; c <= names.length; c++) {
      if (c == names.length || names.charCodeAt(c) == 0x2c) {
        if (nameEquals(k, names, start, c)) idx = p;
        start = c + 1;
        p++;
      }
    }
    if (idx < 0) {
      raiseBegin(EXC_TypeError);
      errByte(0x27);
      errStrObject(k);
      errText("' is an invalid keyword argument for ");
      errText(fname);
      errText("()");
      return false;
    }
    if (idx < nargs) {
      raiseBegin(EXC_TypeError);
      errText("argument for ");
      errText(fname);
      errText("() given by name ('");
      errStrObject(k);
      errText("') and position (");
      errInt(idx + 1);
      errText(")");
      return false;
    }
    store<u64>(PARSED + (<usize>idx << 3), arg(args, nargs + j));
  }
  return true;
}

/** Whether str object p equals names[start:end]. */
function nameEquals(p: usize, names: string, start: i32, end: i32): bool {
  const n = end - start;
  if (<i32>strLength(p) != n) return false;
  for (let i = 0; i < n; i++) if (unitAt(strData(p), strKind(p), <usize>i) != <u32>names.charCodeAt(start + i)) return false;
  return true;
}

/** PyArg_ParseTuple style count check: "find() takes at least 1 argument (0 given)". */
export function tupleArgCount(fname: string, nargs: i32, min: i32, max: i32): bool {
  if (nargs >= min && nargs <= max) return true;
  raiseBegin(EXC_TypeError);
  errText(fname);
  errText(nargs < min ? "() takes at least " : "() takes at most ");
  const n = nargs < min ? min : max;
  errInt(n);
  errText(n == 1 ? " argument (" : " arguments (");
  errInt(nargs);
  errText(" given)");
  return false;
}
