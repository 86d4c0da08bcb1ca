/**
 * Methods of `type` (what metaclasses call: type.__new__, type.__call__, type.__init__, mro(),
 * __prepare__, __subclasscheck__...), and the descriptor methods of functions, classmethod,
 * staticmethod and property (__get__, property.getter/setter/deleter) that decorators and
 * explicit descriptor calls use.
 */
import { Value, NULL, NONE, TRUE, FALSE, isObject, makeBool } from "./values";
import {
  kindOf,
  typeOf,
  typeObject,
  raiseMsg,
  raiseBegin,
  errText,
  errTypeName,
  KIND_TYPE,
  KIND_STR,
  KIND_TUPLE,
  KIND_DICT,
  KIND_FUNCTION,
  KIND_PROPERTY,
  KIND_CLASSMETHOD,
  KIND_STATICMETHOD,
  EXC_TypeError,
} from "./types";
import { incref, decref } from "./refcount";
import { tupleSize, tupleItem } from "./tuple";
import { addMethod, arg, checkArgCount, METHOD_STATIC, METHOD_CLASS } from "./native";
import { typeNewChecked } from "./classes";
import { typeCall, typeNewArgsOk } from "./construct";
import { typeMro, isSubtype } from "./typeobj";
import { listNew, listAppend } from "./list";
import { heapTypes } from "./classes";
import { vecItems } from "./tuple";
import { dictNew } from "./dict";
import { methodNew, propertyNew } from "./function";
import { descrGet } from "./attributes";

/** type.__new__(mcs, name, bases, ns): a class whose metaclass is mcs. */
function typeNewMethod(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (nargs == 2) {
    // type.__new__(type, x) is type(x)
    const t = <u64>typeOf(arg(args, 1));
    incref(t);
    return t;
  }
  if (nargs != 4) {
    raiseMsg(EXC_TypeError, "type.__new__() takes exactly 3 arguments");
    return NULL;
  }
  const mcs = arg(args, 0);
  if (!isObject(mcs) || kindOf(<usize>mcs) != KIND_TYPE || !isSubtype(<usize>mcs, typeObject(KIND_TYPE))) {
    raiseBegin(EXC_TypeError);
    errText("type.__new__(X): X is not a type object (");
    errTypeName(mcs);
    errText(")");
    return NULL;
  }
  const name = arg(args, 1);
  const bases = arg(args, 2);
  const ns = arg(args, 3);
  if (!typeNewArgsOk(name, bases, ns)) return NULL;
  const nkw = kwnames == 0 ? 0 : <i32>tupleSize(kwnames);
  const t = typeNewChecked(<usize>mcs, <usize>name, <usize>bases, <usize>ns, args + (<usize>nargs << 3), nkw, kwnames);
  return t == 0 ? NULL : <u64>t;
}

/** type.__init__(cls, ...): nothing to do. */
function typeInitMethod(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  return NONE;
}

/** type.__call__(cls, *args, **kw): create and initialize an instance. */
function typeCallMethod(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!isObject(self) || kindOf(<usize>self) != KIND_TYPE) {
    raiseMsg(EXC_TypeError, "descriptor '__call__' requires a 'type' object");
    return NULL;
  }
  return typeCall(<usize>self, args, nargs, kwnames, true);
}

/** cls.mro(): the MRO as a list. */
function typeMroMethod(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  const mro = typeMro(<usize>self);
  const n = <usize>tupleSize(mro);
  const l = listNew(n);
  if (l == 0) return NULL;
  for (let i: usize = 0; i < n; i++) {
    const t = tupleItem(mro, i);
    incref(t);
    store<u64>(vecItems(l) + (i << 3), t);
  }
  return <u64>l;
}

/** type.__prepare__(name, bases, **kw): the class namespace, a fresh dict. */
function typePrepare(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  const d = dictNew();
  return d == 0 ? NULL : <u64>d;
}

function typeSubclasscheck(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!checkArgCount("__subclasscheck__", nargs, 1, 1)) return NULL;
  const c = arg(args, 0);
  if (!isObject(c) || kindOf(<usize>c) != KIND_TYPE) {
    raiseMsg(EXC_TypeError, "issubclass() arg 1 must be a class");
    return NULL;
  }
  return makeBool(isSubtype(<usize>c, <usize>self));
}

function typeInstancecheck(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!checkArgCount("__instancecheck__", nargs, 1, 1)) return NULL;
  return makeBool(isSubtype(typeOf(arg(args, 0)), <usize>self));
}

// ---------------------------------------------------------------------------------------------------
// Descriptors' own methods

/** function.__get__(obj, type=None): a bound method, or the function itself for obj None. */
function functionGet(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!checkArgCount("__get__", nargs, 1, 2)) return NULL;
  const obj = arg(args, 0);
  if (obj == NONE) {
    incref(self);
    return self;
  }
  const m = methodNew(self, obj);
  return m == 0 ? NULL : <u64>m;
}

function wrapperGet(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!checkArgCount("__get__", nargs, 1, 2)) return NULL;
  const obj = arg(args, 0);
  const type = nargs == 2 && arg(args, 1) != NONE ? arg(args, 1) : <u64>typeOf(obj);
  return descrGet(self, obj == NONE ? NULL : obj, type);
}

function propertyGet(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!checkArgCount("__get__", nargs, 1, 2)) return NULL;
  const obj = arg(args, 0);
  if (obj == NONE) {
    incref(self);
    return self;
  }
  return descrGet(self, obj, <u64>typeOf(obj));
}

/** property.getter/setter/deleter(f): a copy of the property with one accessor replaced. */
function propertyCopy(self: Value, f: Value, slot: i32): Value {
  const p = <usize>self;
  const fget = slot == 0 ? f : load<u64>(p + 8);
  const fset = slot == 1 ? f : load<u64>(p + 16);
  const fdel = slot == 2 ? f : load<u64>(p + 24);
  let doc = load<u64>(p + 32);
  const np = propertyNew(fget == NONE ? NULL : fget, fset == NONE ? NULL : fset, fdel == NONE ? NULL : fdel, doc);
  if (np != 0) propertyStoreName(np, load<u64>(p + 40)); // the copy keeps the name
  return np == 0 ? NULL : <u64>np;
}
function propertyGetter(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!checkArgCount("getter", nargs, 1, 1)) return NULL;
  return propertyCopy(self, arg(args, 0), 0);
}
function propertySetter(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!checkArgCount("setter", nargs, 1, 1)) return NULL;
  return propertyCopy(self, arg(args, 0), 1);
}
function propertyDeleter(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!checkArgCount("deleter", nargs, 1, 1)) return NULL;
  return propertyCopy(self, arg(args, 0), 2);
}

import { genericSetAttr } from "./attributes";
import { propertyStoreName, propertyMissing, propertySetName, propertyDelete } from "./property-name";
import { objCall } from "./ops";
function propertySet(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!checkArgCount("__set__", nargs, 2, 2)) return NULL;
  const f = load<u64>(<usize>self + 16);
  if (f == NULL || f == NONE) {
    propertyMissing(<usize>self, arg(args, 0), "setter");
    return NULL;
  }
  return objCall(f, args, 2, 0);
}

/** cls.__subclasses__(): the classes whose __bases__ include cls, in creation order. */
function typeSubclasses(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  const out = listNew(0);
  if (out == 0) return NULL;
  if (heapTypes == 0) return <u64>out;
  const n = <usize>load<u32>(heapTypes + 8);
  for (let i: usize = 0; i < n; i++) {
    const t = <usize>load<u64>(vecItems(heapTypes) + (i << 3));
    const bases = <usize>load<u32>(t + 36);
    const nb = <usize>tupleSize(bases);
    for (let j: usize = 0; j < nb; j++) {
      if (tupleItem(bases, j) == self) {
        listAppend(out, <u64>t);
        break;
      }
    }
  }
  return <u64>out;
}

export function registerTypeMethods(): void {
  const t = typeObject(KIND_TYPE);
  addMethod(t, "__subclasses__", typeSubclasses);
  addMethod(t, "__new__", typeNewMethod, METHOD_STATIC);
  addMethod(t, "__init__", typeInitMethod);
  addMethod(t, "__call__", typeCallMethod);
  addMethod(t, "mro", typeMroMethod);
  addMethod(t, "__prepare__", typePrepare, METHOD_CLASS);
  addMethod(t, "__subclasscheck__", typeSubclasscheck);
  addMethod(t, "__instancecheck__", typeInstancecheck);
  addMethod(t, "__or__", typeOrMethod);
  addMethod(t, "__ror__", typeRorMethod);
  addMethod(typeObject(KIND_FUNCTION), "__get__", functionGet);
  addMethod(typeObject(KIND_CLASSMETHOD), "__get__", wrapperGet);
  addMethod(typeObject(KIND_STATICMETHOD), "__get__", wrapperGet);
  const p = typeObject(KIND_PROPERTY);
  addMethod(p, "__get__", propertyGet);
  addMethod(p, "__set__", propertySet);
  addMethod(p, "getter", propertyGetter);
  addMethod(p, "setter", propertySetter);
  addMethod(p, "deleter", propertyDeleter);
  addMethod(p, "__set_name__", propertySetName);
  addMethod(p, "__delete__", propertyDelete);
}

import { unionOr } from "./generic-alias";
/** type.__or__ / type.__ror__: int | str as a types.UnionType (NotImplemented for non-types). */
function typeOrMethod(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!checkArgCount("__or__", nargs, 1, 1)) return NULL;
  return unionOr(self, arg(args, 0));
}
function typeRorMethod(self: Value, args: usize, nargs: i32, kwnames: usize): Value {
  if (!checkArgCount("__ror__", nargs, 1, 1)) return NULL;
  return unionOr(arg(args, 0), self);
}
