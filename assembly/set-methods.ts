/**
 * The methods of set and frozenset (registerSetMethods), native.ts calling convention, CPython
 * 3.11's argument checks and messages ("set.add() takes exactly one argument (0 given)",
 * "frozenset.union() takes no keyword arguments"). The work is set.ts's.
 *
 * set:       add remove discard pop clear copy update union intersection difference
 *            symmetric_difference intersection_update difference_update
 *            symmetric_difference_update issubset issuperset isdisjoint
 * frozenset: copy union intersection difference symmetric_difference issubset issuperset isdisjoint
 */
import { Value, NULL, NONE, TRUE, FALSE } from "./values";
import { typeObject, kindOf, KIND_SET, KIND_FROZENSET } from "./types";
import { addMethod, arg, noKeywords, checkArgCount } from "./native";
import {
  setAdd,
  setRemove,
  setDiscard,
  setPop,
  setClear,
  setCopy,
  setUpdate,
  setUnion,
  setIntersectionMulti,
  setDifferenceMulti,
  setSymmetricDifference,
  setIntersectionUpdate,
  setDifferenceUpdateMulti,
  setSymmetricDifferenceUpdate,
  setIsSubset,
  setIsSuperset,
  setIsDisjoint,
} from "./set";

// @ts-ignore: decorator
@inline function frozen(self: Value): bool {
  return kindOf(<usize>self) == KIND_FROZENSET;
}

/** The checks of a METH_O method (exactly one argument, no keywords). */
function oneArg(self: Value, setName: string, frozenName: string, nargs: i32, kwnames: usize): bool {
  const name = frozen(self) ? frozenName : setName;
  return noKeywords(name, kwnames) && checkArgCount(name, nargs, 1, 1);
}

/** The checks of a METH_NOARGS method. */
function noArgs(self: Value, setName: string, frozenName: string, nargs: i32, kwnames: usize): bool {
  const name = frozen(self) ? frozenName : setName;
  return noKeywords(name, kwnames) && checkArgCount(name, nargs, 0, 0);
}

/** The checks of a METH_VARARGS method (no keywords). */
function varArgs(self: Value, setName: string, frozenName: string, kwnames: usize): bool {
  return noKeywords(frozen(self) ? frozenName : setName, kwnames);
}

// @ts-ignore: decorator
@inline function truth(r: i32): Value {
  return r < 0 ? NULL : r > 0 ? TRUE : FALSE;
}

// @ts-ignore: decorator
@inline function noneOr(r: i32): Value {
  return r < 0 ? NULL : NONE;
}

function mAdd(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!oneArg(self, "set.add", "set.add", nargs, kwnames)) return NULL;
  return noneOr(setAdd(<usize>self, arg(args, 0)));
}

function mRemove(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!oneArg(self, "set.remove", "set.remove", nargs, kwnames)) return NULL;
  return noneOr(setRemove(<usize>self, arg(args, 0)));
}

function mDiscard(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!oneArg(self, "set.discard", "set.discard", nargs, kwnames)) return NULL;
  return noneOr(setDiscard(<usize>self, arg(args, 0)));
}

function mPop(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noArgs(self, "set.pop", "set.pop", nargs, kwnames)) return NULL;
  return setPop(<usize>self);
}

function mClear(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noArgs(self, "set.clear", "set.clear", nargs, kwnames)) return NULL;
  return noneOr(setClear(<usize>self));
}

function mCopy(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!noArgs(self, "set.copy", "frozenset.copy", nargs, kwnames)) return NULL;
  return <Value>setCopy(<usize>self);
}

function mUpdate(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!varArgs(self, "set.update", "set.update", kwnames)) return NULL;
  for (let i = 0; i < nargs; i++) if (setUpdate(<usize>self, arg(args, i)) < 0) return NULL;
  return NONE;
}

function mUnion(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!varArgs(self, "set.union", "frozenset.union", kwnames)) return NULL;
  return <Value>setUnion(<usize>self, args, nargs);
}

function mIntersection(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!varArgs(self, "set.intersection", "frozenset.intersection", kwnames)) return NULL;
  return <Value>setIntersectionMulti(<usize>self, args, nargs);
}

function mDifference(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!varArgs(self, "set.difference", "frozenset.difference", kwnames)) return NULL;
  return <Value>setDifferenceMulti(<usize>self, args, nargs);
}

function mSymmetricDifference(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!oneArg(self, "set.symmetric_difference", "frozenset.symmetric_difference", nargs, kwnames)) return NULL;
  return <Value>setSymmetricDifference(<usize>self, arg(args, 0));
}

function mIntersectionUpdate(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!varArgs(self, "set.intersection_update", "set.intersection_update", kwnames)) return NULL;
  return noneOr(setIntersectionUpdate(<usize>self, args, nargs));
}

function mDifferenceUpdate(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!varArgs(self, "set.difference_update", "set.difference_update", kwnames)) return NULL;
  return noneOr(setDifferenceUpdateMulti(<usize>self, args, nargs));
}

function mSymmetricDifferenceUpdate(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!oneArg(self, "set.symmetric_difference_update", "set.symmetric_difference_update", nargs, kwnames)) return NULL;
  return noneOr(setSymmetricDifferenceUpdate(<usize>self, arg(args, 0)));
}

function mIsSubset(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!oneArg(self, "set.issubset", "frozenset.issubset", nargs, kwnames)) return NULL;
  return truth(setIsSubset(<usize>self, arg(args, 0)));
}

function mIsSuperset(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!oneArg(self, "set.issuperset", "frozenset.issuperset", nargs, kwnames)) return NULL;
  return truth(setIsSuperset(<usize>self, arg(args, 0)));
}

function mIsDisjoint(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!oneArg(self, "set.isdisjoint", "frozenset.isdisjoint", nargs, kwnames)) return NULL;
  return truth(setIsDisjoint(<usize>self, arg(args, 0)));
}

/** Declares set's and frozenset's methods (native.ts addMethod). */
export function registerSetMethods(): void {
  const s = typeObject(KIND_SET);
  const f = typeObject(KIND_FROZENSET);
  addMethod(s, "add", mAdd);
  addMethod(s, "remove", mRemove);
  addMethod(s, "discard", mDiscard);
  addMethod(s, "pop", mPop);
  addMethod(s, "clear", mClear);
  addMethod(s, "update", mUpdate);
  addMethod(s, "intersection_update", mIntersectionUpdate);
  addMethod(s, "difference_update", mDifferenceUpdate);
  addMethod(s, "symmetric_difference_update", mSymmetricDifferenceUpdate);
  for (let i = 0; i < 2; i++) {
    const t = i == 0 ? s : f;
    addMethod(t, "copy", mCopy);
    addMethod(t, "union", mUnion);
    addMethod(t, "intersection", mIntersection);
    addMethod(t, "difference", mDifference);
    addMethod(t, "symmetric_difference", mSymmetricDifference);
    addMethod(t, "issubset", mIsSubset);
    addMethod(t, "issuperset", mIsSuperset);
    addMethod(t, "isdisjoint", mIsDisjoint);
  }
}
