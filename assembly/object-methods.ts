/**
 * Methods of `object` that Python code calls explicitly (super().__init__(), object.__new__(cls),
 * object.__setattr__(self, n, v), super().__eq__(other), ...). Ordinary operations do not go
 * through these descriptors: the generic protocol (ops.ts) handles builtin behaviour directly.
 */
import { Value, NULL, NONE, TRUE, FALSE, isObject, makeBool } from "./values";
import { kindOf, typeOf, typeObject, typeName, raiseMsg, raiseBegin, errText, errStrObject, errTypeName, KIND_OBJECT, KIND_METHOD_DESCR, KIND_TYPE, KIND_STR, KIND_EXCEPTION, EXC_TypeError } from "./types";
import { incref, decref } from "./refcount";
import { addMethod, arg, checkArgCount, METHOD_STATIC, METHOD_CLASS } from "./native";
import { genericGetAttr, genericSetAttr } from "./attributes";
import { builtinRepr, builtinFormat } from "./reprs";
import { objRepr, identityHash, NOT_IMPLEMENTED } from "./ops";
import { objectNew } from "./construct";
import { isHeapType, typeLookup, T_QUALNAME } from "./typeobj";
import { excNew } from "./exceptions";
import { EMPTY_TUPLE } from "./tuple";
import { N_INIT, N_NEW } from "./names";
import { intFromI64 } from "./int";
import { strLength } from "./str";

function objectInit(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  const nkw = kwnames == 0 ? 0 : <i32>load<u32>(kwnames + 8);
  if (nargs + nkw > 0) {
    // Extra arguments are an error unless the class overrides __new__ (and not __init__).
    const t = typeOf(self);
    const newD = typeLookup(t, N_NEW);
    const userNew = newD != NULL && !(isObject(newD) && kindOf(<usize>newD) == KIND_METHOD_DESCR);
    if (!userNew) {
      raiseBegin(EXC_TypeError);
      errStrObject(<usize>load<u32>(t + T_QUALNAME));
      errText(".__init__() takes exactly one argument (the instance to initialize)");
      return NULL;
    }
  }
  return NONE;
}

/** object.__new__(cls, ...): an empty instance of cls's layout. */
function objectNewMethod(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (nargs < 1) {
    raiseMsg(EXC_TypeError, "object.__new__(): not enough arguments");
    return NULL;
  }
  const cls = arg(args, 0);
  if (!isObject(cls) || kindOf(<usize>cls) != KIND_TYPE) {
    raiseBegin(EXC_TypeError);
    errText("object.__new__(X): X is not a type object (");
    errTypeName(cls);
    errText(")");
    return NULL;
  }
  const t = <usize>cls;
  const layout = load<u32>(t + 8);
  if (layout == KIND_EXCEPTION) return <u64>excNew(t, EMPTY_TUPLE);
  if (layout != KIND_OBJECT) {
    raiseBegin(EXC_TypeError);
    errText("object.__new__(");
    errStrObject(typeName(t));
    errText(") is not safe, use ");
    errStrObject(typeName(t));
    errText(".__new__()");
    return NULL;
  }
  return objectNew(t);
}

function objectRepr(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  const r = builtinRepr(self);
  return r == 0 ? NULL : <u64>r;
}

function objectStr(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  const r = objRepr(self);
  return r == 0 ? NULL : <u64>r;
}

function objectEq(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!checkArgCount("__eq__", nargs, 1, 1)) return NULL;
  return self == arg(args, 0) ? TRUE : <u64>NOT_IMPLEMENTED;
}

function objectNe(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!checkArgCount("__ne__", nargs, 1, 1)) return NULL;
  return self == arg(args, 0) ? FALSE : <u64>NOT_IMPLEMENTED;
}

function objectHash(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  // The singletons (None, Ellipsis, ...) hash as hash() says; instances by identity.
  if (!isObject(self) || kindOf(<usize>self) != KIND_OBJECT) {
    if (!isHeapType(typeOf(self))) return intFromI64(hashBuiltin(self));
  }
  return intFromI64(identityHash(self));
}

function objectSetattr(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!checkArgCount("__setattr__", nargs, 2, 2)) return NULL;
  const name = arg(args, 0);
  if (!isObject(name) || kindOf(<usize>name) != KIND_STR) {
    raiseBegin(EXC_TypeError);
    errText("attribute name must be string, not '");
    errTypeName(name);
    errText("'");
    return NULL;
  }
  return genericSetAttr(self, <usize>name, arg(args, 1)) < 0 ? NULL : NONE;
}

function objectDelattr(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!checkArgCount("__delattr__", nargs, 1, 1)) return NULL;
  const name = arg(args, 0);
  if (!isObject(name) || kindOf(<usize>name) != KIND_STR) {
    raiseMsg(EXC_TypeError, "attribute name must be string");
    return NULL;
  }
  return genericSetAttr(self, <usize>name, NULL) < 0 ? NULL : NONE;
}

function objectGetattribute(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!checkArgCount("__getattribute__", nargs, 1, 1)) return NULL;
  const name = arg(args, 0);
  if (!isObject(name) || kindOf(<usize>name) != KIND_STR) {
    raiseMsg(EXC_TypeError, "attribute name must be string");
    return NULL;
  }
  return genericGetAttr(self, <usize>name);
}

function objectFormat(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!checkArgCount("__format__", nargs, 1, 1)) return NULL;
  return formatToSpec(self, arg(args, 0));
}
import { formatToSpec } from "./num-methods";

function objectInitSubclass(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return NONE;
}

function objectDir(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return dirOf(self);
}
import { dirOf } from "./dir";

export function registerObjectMethods(): void {
  const t = typeObject(KIND_OBJECT);
  addMethod(t, "__init__", objectInit);
  addMethod(t, "__new__", objectNewMethod, METHOD_STATIC);
  addMethod(t, "__repr__", objectRepr);
  addMethod(t, "__str__", objectStr);
  addMethod(t, "__eq__", objectEq);
  addMethod(t, "__ne__", objectNe);
  addMethod(t, "__hash__", objectHash);
  addMethod(t, "__setattr__", objectSetattr);
  addMethod(t, "__delattr__", objectDelattr);
  addMethod(t, "__getattribute__", objectGetattribute);
  addMethod(t, "__format__", objectFormat);
  addMethod(t, "__init_subclass__", objectInitSubclass, METHOD_CLASS);
  addMethod(t, "__dir__", objectDir);
}
import { hashBuiltin } from "./hash";
