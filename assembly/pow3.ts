/**
 * pow(base, exp, mod) with a mod that is not None: CPython's ternary_op. Each operand's type
 * contributes its nb_power slot (int's, float's, complex's, or the Python-level __pow__ of a class
 * that defines __pow__/__rpow__); a slot is tried once even when several operands share it, the
 * right operand's first when its type is a subclass of the left's.
 *
 * Entry point: ternaryPow.
 */
import { Value, NULL, TRUE, FALSE, isSmallInt, isObject, makeSmallInt } from "./values";
import {
  kindOf,
  kindOfValue,
  typeOf,
  raiseBegin,
  raiseMsg,
  errText,
  errTypeName,
  KIND_INT,
  KIND_BOOL,
  KIND_FLOAT,
  KIND_COMPLEX,
  EXC_TypeError,
  EXC_ValueError,
} from "./types";
import { NB_NAMES, NB_RNAMES } from "./names";
import { userSlot, callMethod2 } from "./ops";
import { isSubtype } from "./typeobj";
import { NOT_IMPLEMENTED } from "./singletons";
import * as I from "./int-ops";

const NB_POWER = 8;
const SLOT_NONE = 0;
const SLOT_INT = 1;
const SLOT_FLOAT = 2;
const SLOT_COMPLEX = 3;
const SLOT_USER = 4; // slot_nb_power: the class's __pow__

/** Which nb_power slot v's type has. */
function powSlot(v: Value): i32 {
  if (userSlot(v, unchecked(NB_NAMES[NB_POWER])) != NULL || userSlot(v, unchecked(NB_RNAMES[NB_POWER])) != NULL) return SLOT_USER;
  const k = kindOfValue(v);
  if (k == KIND_INT || k == KIND_BOOL) return SLOT_INT;
  if (k == KIND_FLOAT) return SLOT_FLOAT;
  if (k == KIND_COMPLEX) return SLOT_COMPLEX;
  return SLOT_NONE;
}

// @ts-ignore: decorator
@inline function isIntVal(v: Value): bool {
  if (isSmallInt(v) || v == TRUE || v == FALSE) return true;
  return isObject(v) && kindOf(<usize>v) == KIND_INT;
}

function asIntVal(v: Value): Value {
  return v == TRUE ? makeSmallInt(1) : v == FALSE ? makeSmallInt(0) : v;
}

/** One slot applied to (a, b, c): a new reference, NOT_IMPLEMENTED (not counted), or NULL. */
function callSlot(slot: i32, a: Value, b: Value, c: Value): Value {
  switch (slot) {
    case SLOT_INT:
      if (isIntVal(a) && isIntVal(b) && isIntVal(c)) return I.intPow(asIntVal(a), asIntVal(b), asIntVal(c));
      return <Value>NOT_IMPLEMENTED;
    case SLOT_FLOAT:
      return raiseMsg(EXC_TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
    case SLOT_COMPLEX:
      return raiseMsg(EXC_ValueError, "complex modulo");
    case SLOT_USER: {
      // Three-argument pow never uses __rpow__: only a's own __pow__ answers.
      if (powSlot(a) != SLOT_USER) return <Value>NOT_IMPLEMENTED;
      const d = userSlot(a, unchecked(NB_NAMES[NB_POWER]));
      if (d == NULL) return <Value>NOT_IMPLEMENTED;
      return callMethod2(d, a, b, c);
    }
  }
  return <Value>NOT_IMPLEMENTED;
}

/** Tries a slot; true when it answered (result or error in ternaryOut). */
let ternaryOut: Value = NULL;
function tried(slot: i32, a: Value, b: Value, c: Value): bool {
  const r = callSlot(slot, a, b, c);
  if (r == <Value>NOT_IMPLEMENTED) return false;
  ternaryOut = r;
  return true;
}

/** pow(a, b, c) for c not None: a new reference, or NULL with the exception raised. */
export function ternaryPow(a: Value, b: Value, c: Value): Value {
  const slotv = powSlot(a);
  let slotw = typeOf(b) != typeOf(a) ? powSlot(b) : SLOT_NONE;
  if (slotw == slotv) slotw = SLOT_NONE;
  if (slotv != SLOT_NONE) {
    if (slotw != SLOT_NONE && isSubtype(typeOf(b), typeOf(a))) {
      if (tried(slotw, a, b, c)) return ternaryOut;
      slotw = SLOT_NONE;
    }
    if (tried(slotv, a, b, c)) return ternaryOut;
  }
  if (slotw != SLOT_NONE && tried(slotw, a, b, c)) return ternaryOut;
  const slotz = powSlot(c);
  if (slotz != SLOT_NONE && slotz != slotv && slotz != slotw && tried(slotz, a, b, c)) return ternaryOut;
  raiseBegin(EXC_TypeError);
  errText("unsupported operand type(s) for ** or pow(): '");
  errTypeName(a);
  errText("', '");
  errTypeName(b);
  errText("', '");
  errTypeName(c);
  errText("'");
  return NULL;
}
