/** Methods of BaseException: __init__ (sets args), __str__, __repr__, with_traceback, add_note. */
import { Value, NULL, NONE, isObject } from "./values";
import { kindOf, typeObject, raiseBegin, errText, errTypeName, KIND_STR, KIND_LIST, KIND_EXCEPTION, EXC_TypeError } from "./types";
import { incref, decref } from "./refcount";
import { tupleAlloc, tupleSetItem, EMPTY_TUPLE } from "./tuple";
import { addMethod, arg, checkArgCount } from "./native";
import { excType, EX_ARGS, EX_TRACEBACK, EX_NOTES, setStopIterationValue } from "./exceptions";
import { EXC_BaseException, EXC_StopIteration, EXC_SystemExit } from "./exceptions.generated";
import { exceptionStr, builtinRepr } from "./reprs";
import { listNew, listAppend } from "./list";
import { isSubtype } from "./typeobj";
import { typeOf } from "./types";

function excInit(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  const t = nargs == 0 ? EMPTY_TUPLE : tupleAlloc(<usize>nargs);
  if (t == 0) return NULL;
  for (let i = 0; i < nargs; i++) {
    const v = arg(args, i);
    incref(v);
    tupleSetItem(t, <usize>i, v);
  }
  const p = <usize>self;
  const old = <u64>load<u32>(p + EX_ARGS);
  store<u32>(p + EX_ARGS, <u32>t);
  decref(old);
  const ty = typeOf(self);
  if (isSubtype(ty, excType(EXC_StopIteration)) || isSubtype(ty, excType(EXC_SystemExit))) setStopIterationValue(p);
  return NONE;
}

function excStrMethod(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  const s = exceptionStr(<usize>self);
  return s == 0 ? NULL : <u64>s;
}

function excReprMethod(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  const s = builtinRepr(self);
  return s == 0 ? NULL : <u64>s;
}

function withTraceback(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!checkArgCount("with_traceback", nargs, 1, 1)) return NULL;
  const tb = arg(args, 0);
  const p = <usize>self;
  const old = <u64>load<u32>(p + EX_TRACEBACK);
  if (tb == NONE) store<u32>(p + EX_TRACEBACK, 0);
  else {
    incref(tb);
    store<u32>(p + EX_TRACEBACK, <u32>tb);
  }
  decref(old);
  incref(self);
  return self;
}

function addNote(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!checkArgCount("add_note", nargs, 1, 1)) return NULL;
  const note = arg(args, 0);
  if (!isObject(note) || kindOf(<usize>note) != KIND_STR) {
    raiseBegin(EXC_TypeError);
    errText("note must be a str, not '");
    errTypeName(note);
    errText("'");
    return NULL;
  }
  const p = <usize>self;
  let notes = <usize>load<u32>(p + EX_NOTES);
  if (notes == 0) {
    notes = listNew(0);
    if (notes == 0) return NULL;
    store<u32>(p + EX_NOTES, <u32>notes);
  }
  if (kindOf(notes) != KIND_LIST) {
    raiseBegin(EXC_TypeError);
    errText("Cannot add note: __notes__ is not a list");
    return NULL;
  }
  if (listAppend(notes, note) < 0) return NULL;
  return NONE;
}

export function registerExceptionMethods(): void {
  const t = excType(EXC_BaseException);
  addMethod(t, "__init__", excInit);
  addMethod(t, "__str__", excStrMethod);
  addMethod(t, "__repr__", excReprMethod);
  addMethod(t, "with_traceback", withTraceback);
  addMethod(t, "add_note", addNote);
}
