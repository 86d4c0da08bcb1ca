/**
 * A property's name (slot at +40, function.ts layout): set by __set_name__ (class creation or an
 * explicit call), kept by getter/setter/deleter copies, shown in the AttributeError of a missing
 * accessor: "property 'x' of 'Box' object has no setter" ("property of 'Box' ..." without a name).
 */
import { Value, NULL, NONE } from "./values";
import { raiseBegin, errText, errTypeName, errStrObject, errInt } from "./types";
import { EXC_AttributeError, EXC_TypeError } from "./exceptions.generated";
import { incref, decref } from "./refcount";
import { objRepr, objCall } from "./ops";
import { arg, checkArgCount } from "./native";

/** Replaces property p's name with `name` (borrowed; NULL clears it). */
export function propertyStoreName(p: usize, name: Value): void {
  incref(name);
  const old = load<u64>(p + 40);
  store<u64>(p + 40, name);
  decref(old);
}

/** Raises AttributeError: property <repr(name)> of '<type of obj>' object has no <what>. */
export function propertyMissing(p: usize, obj: Value, what: string): void {
  const name = load<u64>(p + 40);
  let r: usize = 0;
  if (name != NULL) {
    r = objRepr(name);
    if (r == 0) return;
  }
  raiseBegin(EXC_AttributeError);
  errText("property ");
  if (r != 0) {
    errStrObject(r);
    errText(" ");
    decref(<u64>r);
  }
  errText("of '");
  errTypeName(obj);
  errText("' object has no ");
  errText(what);
}

/** property.__set_name__(owner, name). */
export function propertySetName(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (nargs != 2) {
    raiseBegin(EXC_TypeError);
    errText("__set_name__() takes 2 positional arguments but ");
    errInt(nargs);
    errText(" were given");
    return NULL;
  }
  propertyStoreName(<usize>self, arg(args, 1));
  return NONE;
}

/** property.__delete__(obj): fdel(obj). */
export function propertyDelete(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!checkArgCount("__delete__", nargs, 1, 1)) return NULL;
  const f = load<u64>(<usize>self + 24);
  if (f == NULL || f == NONE) {
    propertyMissing(<usize>self, arg(args, 0), "deleter");
    return NULL;
  }
  return objCall(f, args, 1, 0);
}
