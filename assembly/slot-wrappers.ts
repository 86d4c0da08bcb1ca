/**
 * Dunder methods of builtin types as method descriptors: what `(5).__add__(3)`, `[1].__len__()`,
 * `super().__getitem__(i)`, `dict.__setitem__(self, k, v)`, `object.__lt__`, `hasattr([], '__len__')`
 * and dir() see (CPython's slot wrappers).
 *
 * Each wrapper calls the builtin layer directly (number.ts builtinBinary/builtinUnary,
 * collections.ts builtin*, reprs.ts, hash.ts), never the generic ops.ts entry points: a subclass
 * overriding the dunder and calling super() would otherwise reach its own override again. A
 * wrapper answers NotImplemented where CPython's slot does (int.__add__(1.5), set.__or__([])).
 * ops.ts userSlot ignores method descriptors, so none of this changes how operators dispatch.
 *
 * Types get only the dunders they have in CPython 3.11 (vars(T)); unhashable types get
 * __hash__ = None in their dict.
 */
import { Value, NULL, NONE, TRUE, FALSE, isSmallInt, getSmallInt, makeSmallInt, isObject, makeBool } from "./values";
import {
  kindOf,
  kindOfValue,
  typeOf,
  typeObject,
  typeName,
  raiseMsg,
  raiseBegin,
  raiseMemory,
  errText,
  errInt,
  errStrObject,
  errTypeName,
  errorType,
  KIND_TYPE,
  KIND_NONE,
  KIND_BOOL,
  KIND_INT,
  KIND_FLOAT,
  KIND_COMPLEX,
  KIND_STR,
  KIND_BYTES,
  KIND_TUPLE,
  KIND_LIST,
  KIND_DICT,
  KIND_SET,
  KIND_FROZENSET,
  KIND_ELLIPSIS,
  KIND_RANGE,
  KIND_SLICE,
  KIND_OBJECT,
  KIND_GENERATOR,
  KIND_NOT_IMPLEMENTED,
  KIND_DICT_KEYS,
  KIND_DICT_VALUES,
  KIND_DICT_ITEMS,
  KIND_DICT_KEYITER,
  KIND_DICT_VALUEITER,
  KIND_DICT_ITEMITER,
  KIND_SET_ITER,
  KIND_LIST_ITER,
  KIND_TUPLE_ITER,
  KIND_STR_ITER,
  KIND_RANGE_ITER,
  KIND_LIST_REVITER,
  KIND_ENUMERATE,
  KIND_ZIP,
  KIND_MAP,
  KIND_FILTER,
  KIND_REVERSED,
  KIND_CALLABLE_ITER,
  KIND_SEQ_ITER,
  KIND_BYTES_ITER,
  EXC_TypeError,
  EXC_ValueError,
  EXC_StopIteration,
} from "./types";
import { incref, decref } from "./refcount";
import { alloc, free } from "./heap";
import { addMethod, arg, kwCount, checkArgCount, noKeywords, METHOD_CLASS, METHOD_STATIC, NativeFn } from "./native";
import { tupleAlloc, tupleSetItem, tupleSize, tupleItem, vecSize } from "./tuple";
import { strLength, strKind, strData, STR_HEADER_SIZE } from "./str";
import { bytesAlloc, bytesData, bytesLength } from "./bytes";
import { floatNew, floatValue, complexNew, complexReal, complexImag } from "./float";
import * as I from "./int-ops";
import { floatDivmod } from "./float-ops";
import { builtinBinary, builtinUnary, isIntLike, asInt, toF64, NB_ADD, NB_MULTIPLY, NB_REMAINDER, NB_POWER } from "./number";
import * as N from "./number";
import { KIND_BYTEARRAY } from "./types";
import { builtinCompare, builtinLen, builtinGetItem, builtinSetItem, builtinContains, builtinGetIter, builtinIterNext } from "./collections";
import { builtinRepr, builtinFormat } from "./reprs";
import { hashBuiltin } from "./hash";
import { NOT_IMPLEMENTED } from "./singletons";
import { typeDict, typeLookup, isSubtype, isHeapType } from "./typeobj";
import { dictSetItem, dictUpdateArg, dictViewRichCompare } from "./dict";
import { listExtend, listClear, listRepeat, listRevIterNew, listFromIterator } from "./list";
import { setClear, setUpdate, setIntersectionUpdate, setDifferenceUpdate, setSymmetricDifferenceUpdate, setFromIterable } from "./set";
import { rangeReversed } from "./range";
import { typeCall } from "./construct";
import { instanceDictSlot } from "./attributes";
import { userSlot, callMethod0 } from "./ops";
import { builtinFn } from "./function";
import { N_HASH, N_INDEX, strLiteral } from "./names";
import { checkSlotArgs, exactInt, complexPow, formatWith } from "./num-methods";

const NI: Value = <Value>NOT_IMPLEMENTED;

// ---------------------------------------------------------------------------------------------------
// Argument checks

/** PyArg_UnpackTuple with an empty name, as the ternary wrappers (__pow__, __setitem__) use. */
function checkUnpack(nargs: i32, kwnames: usize, name: string, min: i32, max: i32): bool {
  if (kwCount(kwnames) > 0) {
    raiseBegin(EXC_TypeError);
    errText("wrapper ");
    errText(name);
    errText("() takes no keyword arguments");
    return false;
  }
  if (nargs >= min && nargs <= max) return true;
  raiseBegin(EXC_TypeError);
  if (min == max) errText(" expected ");
  else errText(nargs < min ? " expected at least " : " expected at most ");
  const n = nargs < min ? min : max;
  errInt(n);
  errText(n == 1 ? " argument, got " : " arguments, got ");
  errInt(nargs);
  return false;
}

// ---------------------------------------------------------------------------------------------------
// Binary arithmetic

/** Whether v is an int, float or bool (what float's slots accept). */
function isReal(v: Value): bool {
  return isIntLike(v) || kindOfValue(v) == KIND_FLOAT;
}

/** Whether int's and bool's slots (other: an int or bool) and float's (int, float or bool) take other. */
function realOperandOk(k: u32, other: Value): bool {
  if (k == KIND_INT || k == KIND_BOOL) return isIntLike(other);
  if (k == KIND_FLOAT) return isReal(other);
  return true;
}

/** self OP other (reflected: other OP self) for the number kinds and containers. */
function binaryFor(self: Value, other: Value, op: i32, reflected: bool): Value {
  const k = kindOfValue(self);
  if (!realOperandOk(k, other)) return NI;
  switch (k) {
    case KIND_COMPLEX:
      if (!isReal(other) && kindOfValue(other) != KIND_COMPLEX) return NI;
      if (op == NB_POWER) return reflected ? powComplex(other, self) : powComplex(self, other);
      break;
    case KIND_STR:
    case KIND_LIST:
    case KIND_TUPLE:
    case KIND_BYTES:
    case KIND_BYTEARRAY:
      return sequenceBinary(self, other, op, reflected, k);
    case KIND_DICT_KEYS:
    case KIND_DICT_ITEMS:
      return viewBinary(self, other, op, reflected);
  }
  return reflected ? builtinBinary(other, self, op) : builtinBinary(self, other, op);
}

/** a ** b where either is a complex and the other a complex, float, int or bool. */
function powComplex(a: Value, b: Value): Value {
  let ar: f64, ai: f64, br: f64, bi: f64;
  if (kindOfValue(a) == KIND_COMPLEX) {
    ar = complexReal(<usize>a);
    ai = complexImag(<usize>a);
  } else {
    ar = toF64(a);
    if (errorType() != 0) return NULL;
    ai = 0;
  }
  if (kindOfValue(b) == KIND_COMPLEX) {
    br = complexReal(<usize>b);
    bi = complexImag(<usize>b);
  } else {
    br = toF64(b);
    if (errorType() != 0) return NULL;
    bi = 0;
  }
  return complexPow(ar, ai, br, bi);
}

/** + * % of str, list, tuple, bytes: TypeError rather than NotImplemented for a wrong operand. */
function sequenceBinary(self: Value, other: Value, op: i32, reflected: bool, k: u32): Value {
  if (op == NB_MULTIPLY) {
    let n = other;
    let owned = false;
    if (!isIntLike(other)) {
      const d = userSlot(other, N_INDEX);
      if (d == NULL) {
        raiseBegin(EXC_TypeError);
        errText("'");
        errTypeName(other);
        errText("' object cannot be interpreted as an integer");
        return NULL;
      }
      n = callMethod0(d, other);
      if (n == NULL) return NULL;
      if (!isIntLike(n)) {
        raiseBegin(EXC_TypeError);
        errText("__index__ returned non-int (type ");
        errTypeName(n);
        errText(")");
        decref(n);
        return NULL;
      }
      owned = true;
    }
    const r = builtinBinary(self, n, NB_MULTIPLY);
    if (owned) decref(n);
    return r;
  }
  if (op == NB_REMAINDER) {
    if (k != KIND_STR) return NI;
    return reflected ? builtinBinary(other, self, op) : builtinBinary(self, other, op);
  }
  if (op == NB_ADD && !reflected) {
    const r = builtinBinary(self, other, op);
    if (r != NI) return r;
    raiseBegin(EXC_TypeError);
    if (k == KIND_BYTES || k == KIND_BYTEARRAY) {
      errText("can't concat ");
      errTypeName(other);
      errText(" to ");
      errTypeName(self);
      return NULL;
    }
    errText("can only concatenate ");
    errStrObject(typeName(typeObject(k)));
    errText(" (not \"");
    errTypeName(other);
    errText("\") to ");
    errStrObject(typeName(typeObject(k)));
    return NULL;
  }
  return NI;
}

/** | & - ^ with a keys or items view on either side: a new set (any iterable operand). */
function viewBinary(self: Value, other: Value, op: i32, reflected: bool): Value {
  if (op != N.NB_OR && op != N.NB_AND && op != N.NB_SUBTRACT && op != N.NB_XOR) return NI;
  return viewSetOp(reflected ? other : self, reflected ? self : other, op);
}
import { viewSetOp } from "./collections";

// @ts-ignore: decorator
@inline function bin(self: Value, args: usize, nargs: i32, kwnames: usize, op: i32, reflected: bool, name: string): Value {
  if (!checkSlotArgs(nargs, kwnames, name, 1)) return NULL;
  return binaryFor(self, arg(args, 0), op, reflected);
}

function w_add(s: Value, a: usize, n: i32, k: usize): Value { return bin(s, a, n, k, N.NB_ADD, false, "__add__"); }
function w_radd(s: Value, a: usize, n: i32, k: usize): Value { return bin(s, a, n, k, N.NB_ADD, true, "__radd__"); }
function w_sub(s: Value, a: usize, n: i32, k: usize): Value { return bin(s, a, n, k, N.NB_SUBTRACT, false, "__sub__"); }
function w_rsub(s: Value, a: usize, n: i32, k: usize): Value { return bin(s, a, n, k, N.NB_SUBTRACT, true, "__rsub__"); }
function w_mul(s: Value, a: usize, n: i32, k: usize): Value { return bin(s, a, n, k, N.NB_MULTIPLY, false, "__mul__"); }
function w_rmul(s: Value, a: usize, n: i32, k: usize): Value { return bin(s, a, n, k, N.NB_MULTIPLY, true, "__rmul__"); }
function w_floordiv(s: Value, a: usize, n: i32, k: usize): Value { return bin(s, a, n, k, N.NB_FLOOR_DIVIDE, false, "__floordiv__"); }
function w_rfloordiv(s: Value, a: usize, n: i32, k: usize): Value { return bin(s, a, n, k, N.NB_FLOOR_DIVIDE, true, "__rfloordiv__"); }
function w_truediv(s: Value, a: usize, n: i32, k: usize): Value { return bin(s, a, n, k, N.NB_TRUE_DIVIDE, false, "__truediv__"); }
function w_rtruediv(s: Value, a: usize, n: i32, k: usize): Value { return bin(s, a, n, k, N.NB_TRUE_DIVIDE, true, "__rtruediv__"); }
function w_mod(s: Value, a: usize, n: i32, k: usize): Value { return bin(s, a, n, k, N.NB_REMAINDER, false, "__mod__"); }
function w_rmod(s: Value, a: usize, n: i32, k: usize): Value { return bin(s, a, n, k, N.NB_REMAINDER, true, "__rmod__"); }
function w_lshift(s: Value, a: usize, n: i32, k: usize): Value { return bin(s, a, n, k, N.NB_LSHIFT, false, "__lshift__"); }
function w_rlshift(s: Value, a: usize, n: i32, k: usize): Value { return bin(s, a, n, k, N.NB_LSHIFT, true, "__rlshift__"); }
function w_rshift(s: Value, a: usize, n: i32, k: usize): Value { return bin(s, a, n, k, N.NB_RSHIFT, false, "__rshift__"); }
function w_rrshift(s: Value, a: usize, n: i32, k: usize): Value { return bin(s, a, n, k, N.NB_RSHIFT, true, "__rrshift__"); }
function w_and(s: Value, a: usize, n: i32, k: usize): Value { return bin(s, a, n, k, N.NB_AND, false, "__and__"); }
function w_rand(s: Value, a: usize, n: i32, k: usize): Value { return bin(s, a, n, k, N.NB_AND, true, "__rand__"); }
function w_or(s: Value, a: usize, n: i32, k: usize): Value { return bin(s, a, n, k, N.NB_OR, false, "__or__"); }
function w_ror(s: Value, a: usize, n: i32, k: usize): Value { return bin(s, a, n, k, N.NB_OR, true, "__ror__"); }
function w_xor(s: Value, a: usize, n: i32, k: usize): Value { return bin(s, a, n, k, N.NB_XOR, false, "__xor__"); }
function w_rxor(s: Value, a: usize, n: i32, k: usize): Value { return bin(s, a, n, k, N.NB_XOR, true, "__rxor__"); }

// bool's own & | ^: bool with bool stays a bool; anything else is int's answer.
function boolBit(self: Value, args: usize, nargs: i32, kwnames: usize, op: i32, reflected: bool, name: string): Value {
  if (!checkSlotArgs(nargs, kwnames, name, 1)) return NULL;
  const other = arg(args, 0);
  if ((self == TRUE || self == FALSE) && (other == TRUE || other == FALSE)) {
    const a = self == TRUE;
    const b = other == TRUE;
    if (op == N.NB_AND) return makeBool(a && b);
    if (op == N.NB_OR) return makeBool(a || b);
    return makeBool(a != b);
  }
  return binaryFor(self, other, op, reflected);
}
function w_bool_and(s: Value, a: usize, n: i32, k: usize): Value { return boolBit(s, a, n, k, N.NB_AND, false, "__and__"); }
function w_bool_rand(s: Value, a: usize, n: i32, k: usize): Value { return boolBit(s, a, n, k, N.NB_AND, true, "__rand__"); }
function w_bool_or(s: Value, a: usize, n: i32, k: usize): Value { return boolBit(s, a, n, k, N.NB_OR, false, "__or__"); }
function w_bool_ror(s: Value, a: usize, n: i32, k: usize): Value { return boolBit(s, a, n, k, N.NB_OR, true, "__ror__"); }
function w_bool_xor(s: Value, a: usize, n: i32, k: usize): Value { return boolBit(s, a, n, k, N.NB_XOR, false, "__xor__"); }
function w_bool_rxor(s: Value, a: usize, n: i32, k: usize): Value { return boolBit(s, a, n, k, N.NB_XOR, true, "__rxor__"); }

// divmod ----------------------------------------------------------------------------------------------

function divmodFor(self: Value, other: Value, reflected: bool): Value {
  const k = kindOfValue(self);
  if (!realOperandOk(k, other)) return NI;
  if (k == KIND_INT || k == KIND_BOOL) {
    const a = asInt(reflected ? other : self);
    const b = asInt(reflected ? self : other);
    return I.intDivmod(a, b);
  }
  if (k == KIND_FLOAT) {
    const x = toF64(reflected ? other : self);
    if (errorType() != 0) return NULL;
    const y = toF64(reflected ? self : other);
    if (errorType() != 0) return NULL;
    return floatDivmod(x, y);
  }
  return NI;
}
function w_divmod(s: Value, a: usize, n: i32, k: usize): Value {
  if (!checkSlotArgs(n, k, "__divmod__", 1)) return NULL;
  return divmodFor(s, arg(a, 0), false);
}
function w_rdivmod(s: Value, a: usize, n: i32, k: usize): Value {
  if (!checkSlotArgs(n, k, "__rdivmod__", 1)) return NULL;
  return divmodFor(s, arg(a, 0), true);
}

// pow with an optional modulus ------------------------------------------------------------------------

function powFor(self: Value, args: usize, nargs: i32, kwnames: usize, reflected: bool, name: string): Value {
  if (!checkUnpack(nargs, kwnames, name, 1, 2)) return NULL;
  const other = arg(args, 0);
  const mod = nargs > 1 ? arg(args, 1) : NONE;
  if (mod == NONE) return binaryFor(self, other, NB_POWER, reflected);
  const k = kindOfValue(self);
  if (!realOperandOk(k, other)) return NI;
  if (k == KIND_INT || k == KIND_BOOL) {
    if (!isIntLike(mod)) return NI;
    const a = asInt(reflected ? other : self);
    const b = asInt(reflected ? self : other);
    return I.intPow(a, b, asInt(mod));
  }
  if (k == KIND_FLOAT) {
    raiseMsg(EXC_TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
    return NULL;
  }
  if (k == KIND_COMPLEX) {
    if (!isReal(other) && kindOfValue(other) != KIND_COMPLEX) return NI;
    raiseMsg(EXC_ValueError, "complex modulo");
    return NULL;
  }
  return NI;
}
function w_pow(s: Value, a: usize, n: i32, k: usize): Value { return powFor(s, a, n, k, false, "__pow__"); }
function w_rpow(s: Value, a: usize, n: i32, k: usize): Value { return powFor(s, a, n, k, true, "__rpow__"); }

// In-place forms of list, set and dict ---------------------------------------------------------------

function returnSelf(self: Value): Value {
  incref(self);
  return self;
}

function w_list_iadd(s: Value, a: usize, n: i32, k: usize): Value {
  if (!checkSlotArgs(n, k, "__iadd__", 1)) return NULL;
  if (listExtend(<usize>s, arg(a, 0)) < 0) return NULL;
  return returnSelf(s);
}

function w_list_imul(s: Value, a: usize, n: i32, k: usize): Value {
  if (!checkSlotArgs(n, k, "__imul__", 1)) return NULL;
  const r = sequenceBinary(s, arg(a, 0), NB_MULTIPLY, false, KIND_LIST);
  if (r == NULL) return NULL;
  // Take over the repeated items: swap the item blocks (size, capacity, items) of self and r.
  const p = <usize>s;
  const q = <usize>r;
  for (let off: usize = 8; off < 20; off += 4) {
    const t = load<u32>(p + off);
    store<u32>(p + off, load<u32>(q + off));
    store<u32>(q + off, t);
  }
  decref(r);
  return returnSelf(s);
}

function isAnySet(v: Value): bool {
  const k = kindOfValue(v);
  return k == KIND_SET || k == KIND_FROZENSET;
}

function setInplace(self: Value, args: usize, nargs: i32, kwnames: usize, op: i32, name: string): Value {
  if (!checkSlotArgs(nargs, kwnames, name, 1)) return NULL;
  const other = arg(args, 0);
  if (!isAnySet(other)) return NI;
  const so = <usize>self;
  let r: i32 = 0;
  if (op == N.NB_OR) r = setUpdate(so, other);
  else if (op == N.NB_AND) r = setIntersectionUpdate(so, args, 1);
  else if (op == N.NB_SUBTRACT) r = setDifferenceUpdate(so, other);
  else r = setSymmetricDifferenceUpdate(so, other);
  if (r < 0) return NULL;
  return returnSelf(self);
}
function w_set_ior(s: Value, a: usize, n: i32, k: usize): Value { return setInplace(s, a, n, k, N.NB_OR, "__ior__"); }
function w_set_iand(s: Value, a: usize, n: i32, k: usize): Value { return setInplace(s, a, n, k, N.NB_AND, "__iand__"); }
function w_set_isub(s: Value, a: usize, n: i32, k: usize): Value { return setInplace(s, a, n, k, N.NB_SUBTRACT, "__isub__"); }
function w_set_ixor(s: Value, a: usize, n: i32, k: usize): Value { return setInplace(s, a, n, k, N.NB_XOR, "__ixor__"); }

function w_dict_ior(s: Value, a: usize, n: i32, k: usize): Value {
  if (!checkSlotArgs(n, k, "__ior__", 1)) return NULL;
  if (dictUpdateArg(<usize>s, arg(a, 0)) < 0) return NULL;
  return returnSelf(s);
}

// ---------------------------------------------------------------------------------------------------
// Rich comparisons

function compareFor(self: Value, other: Value, op: i32): Value {
  const k = kindOfValue(self);
  if (!realOperandOk(k, other)) return NI;
  switch (k) {
    case KIND_DICT_KEYS:
    case KIND_DICT_ITEMS: {
      const r = dictViewRichCompare(<usize>self, other, op);
      if (r == -2) return NI;
      return r < 0 ? NULL : makeBool(r != 0);
    }
    case KIND_OBJECT:
      return NI; // object's own: only == and != answer (object-methods.ts)
  }
  return builtinCompare(self, other, op);
}

// @ts-ignore: decorator
@inline function cmp(self: Value, args: usize, nargs: i32, kwnames: usize, op: i32, name: string): Value {
  if (!checkSlotArgs(nargs, kwnames, name, 1)) return NULL;
  return compareFor(self, arg(args, 0), op);
}
function w_lt(s: Value, a: usize, n: i32, k: usize): Value { return cmp(s, a, n, k, 0, "__lt__"); }
function w_le(s: Value, a: usize, n: i32, k: usize): Value { return cmp(s, a, n, k, 1, "__le__"); }
function w_eq(s: Value, a: usize, n: i32, k: usize): Value { return cmp(s, a, n, k, 2, "__eq__"); }
function w_ne(s: Value, a: usize, n: i32, k: usize): Value { return cmp(s, a, n, k, 3, "__ne__"); }
function w_gt(s: Value, a: usize, n: i32, k: usize): Value { return cmp(s, a, n, k, 4, "__gt__"); }
function w_ge(s: Value, a: usize, n: i32, k: usize): Value { return cmp(s, a, n, k, 5, "__ge__"); }

// ---------------------------------------------------------------------------------------------------
// repr, str, hash, bool, format

function w_repr(s: Value, a: usize, n: i32, k: usize): Value {
  if (!checkSlotArgs(n, k, "__repr__", 0)) return NULL;
  const r = builtinRepr(s);
  return r == 0 ? NULL : <Value>r;
}

/** int.__repr__ of a bool is its digits. */
function w_int_repr(s: Value, a: usize, n: i32, k: usize): Value {
  if (!checkSlotArgs(n, k, "__repr__", 0)) return NULL;
  const r = builtinRepr(asInt(s));
  return r == 0 ? NULL : <Value>r;
}

/** str.__str__: self as an exact str. */
function w_str_str(s: Value, a: usize, n: i32, k: usize): Value {
  if (!checkSlotArgs(n, k, "__str__", 0)) return NULL;
  if (typeOf(s) == typeObject(KIND_STR)) {
    incref(s);
    return s;
  }
  return exactCopy(s, KIND_STR);
}

/** bytes.__str__: its repr. */
function w_bytes_str(s: Value, a: usize, n: i32, k: usize): Value {
  if (!checkSlotArgs(n, k, "__str__", 0)) return NULL;
  const r = builtinRepr(s);
  return r == 0 ? NULL : <Value>r;
}

function w_hash(s: Value, a: usize, n: i32, k: usize): Value {
  if (!checkSlotArgs(n, k, "__hash__", 0)) return NULL;
  const h = hashBuiltin(s);
  if (h == -1 && errorType() != 0) return NULL;
  return I.intFromI64Value(h);
}

function w_bool(s: Value, a: usize, n: i32, k: usize): Value {
  if (!checkSlotArgs(n, k, "__bool__", 0)) return NULL;
  const kind = kindOfValue(s);
  if (kind == KIND_NONE) return FALSE;
  if (kind == KIND_NOT_IMPLEMENTED) return TRUE;
  const len = builtinLen(s);
  if (len < 0) return NULL;
  return makeBool(len != 0);
}

function w_str_format(s: Value, a: usize, n: i32, k: usize): Value {
  return formatWith("str.__format__", s, a, n, k);
}

// ---------------------------------------------------------------------------------------------------
// Containers

function w_len(s: Value, a: usize, n: i32, k: usize): Value {
  if (!checkSlotArgs(n, k, "__len__", 0)) return NULL;
  const len = builtinLen(s);
  if (len < 0) return NULL;
  return makeSmallInt(len);
}

function w_getitem(s: Value, a: usize, n: i32, k: usize): Value {
  if (!checkSlotArgs(n, k, "__getitem__", 1)) return NULL;
  return builtinGetItem(s, arg(a, 0));
}

// list and dict take __getitem__ as an ordinary one-argument method (METH_O), with its messages.
function w_list_getitem(s: Value, a: usize, n: i32, k: usize): Value {
  if (!noKeywords("list.__getitem__", k) || !checkArgCount("list.__getitem__", n, 1, 1)) return NULL;
  return builtinGetItem(s, arg(a, 0));
}
function w_dict_getitem(s: Value, a: usize, n: i32, k: usize): Value {
  if (!noKeywords("dict.__getitem__", k) || !checkArgCount("dict.__getitem__", n, 1, 1)) return NULL;
  return builtinGetItem(s, arg(a, 0));
}

function w_setitem(s: Value, a: usize, n: i32, k: usize): Value {
  if (!checkUnpack(n, k, "__setitem__", 2, 2)) return NULL;
  return builtinSetItem(s, arg(a, 0), arg(a, 1)) < 0 ? NULL : NONE;
}

function w_delitem(s: Value, a: usize, n: i32, k: usize): Value {
  if (!checkSlotArgs(n, k, "__delitem__", 1)) return NULL;
  return builtinSetItem(s, arg(a, 0), NULL) < 0 ? NULL : NONE;
}

function w_contains(s: Value, a: usize, n: i32, k: usize): Value {
  if (!checkSlotArgs(n, k, "__contains__", 1)) return NULL;
  const r = builtinContains(s, arg(a, 0));
  return r < 0 ? NULL : makeBool(r != 0);
}

function w_iter(s: Value, a: usize, n: i32, k: usize): Value {
  if (!checkSlotArgs(n, k, "__iter__", 0)) return NULL;
  return builtinGetIter(s);
}

function w_next(s: Value, a: usize, n: i32, k: usize): Value {
  if (!checkSlotArgs(n, k, "__next__", 0)) return NULL;
  const r = builtinIterNext(s);
  if (r == NULL && errorType() == 0) raiseBegin(EXC_StopIteration);
  return r;
}

let sendFn: usize = 0;
/** generator.__next__: send(None), so a return value arrives as StopIteration(value). */
function w_gen_next(s: Value, a: usize, n: i32, k: usize): Value {
  if (!checkSlotArgs(n, k, "__next__", 0)) return NULL;
  if (sendFn == 0) {
    const d = typeLookup(typeObject(KIND_GENERATOR), strLiteral("send"));
    if (d == NULL || !isObject(d)) return raiseMsg(EXC_TypeError, "generator.send is missing");
    sendFn = <usize>d;
  }
  const buf = alloc(8);
  if (buf == 0) return raiseMemory();
  store<u64>(buf, NONE);
  const r = builtinFn(sendFn)(s, buf, 1, 0);
  free(buf, 8);
  return r;
}

function w_list_reversed(s: Value, a: usize, n: i32, k: usize): Value {
  if (!checkSlotArgs(n, k, "__reversed__", 0)) return NULL;
  return listRevIterNew(<usize>s);
}

function w_range_reversed(s: Value, a: usize, n: i32, k: usize): Value {
  if (!checkSlotArgs(n, k, "__reversed__", 0)) return NULL;
  return rangeReversed(<usize>s);
}

/** dict and views: the builtin iteration order (never a subclass's __iter__), reversed. */
function w_dict_reversed(s: Value, a: usize, n: i32, k: usize): Value {
  if (!checkSlotArgs(n, k, "__reversed__", 0)) return NULL;
  const it = builtinGetIter(s);
  if (it == NULL) return NULL;
  const l = listFromIterator(it);
  decref(it);
  if (l == 0) return NULL;
  const r = listRevIterNew(l);
  decref(<Value>l);
  return r;
}

// __init__ ------------------------------------------------------------------------------------------

function w_list_init(s: Value, a: usize, n: i32, k: usize): Value {
  if (!noKeywords("list", k) || !checkArgCount("list", n, 0, 1)) return NULL;
  listClear(<usize>s);
  if (n == 1 && listExtend(<usize>s, arg(a, 0)) < 0) return NULL;
  return NONE;
}

function w_set_init(s: Value, a: usize, n: i32, k: usize): Value {
  if (!noKeywords("set", k) || !checkArgCount("set", n, 0, 1)) return NULL;
  if (setClear(<usize>s) < 0) return NULL;
  if (n == 1 && setUpdate(<usize>s, arg(a, 0)) < 0) return NULL;
  return NONE;
}

function w_dict_init(s: Value, a: usize, n: i32, k: usize): Value {
  if (!checkArgCount("dict", n, 0, 1)) return NULL;
  const d = <usize>s;
  if (n == 1 && dictUpdateArg(d, arg(a, 0)) < 0) return NULL;
  const nkw = kwCount(k);
  for (let i = 0; i < nkw; i++) {
    if (dictSetItem(d, tupleItem(k, <usize>i), arg(a, n + i)) < 0) return NULL;
  }
  return NONE;
}

// __new__ -------------------------------------------------------------------------------------------

/**
 * T.__new__(cls, *args) for a builtin T of `kind`: T's value built from args (containers start
 * empty: their __init__ fills them), then made an instance of cls the way construct.ts does for
 * classes with a builtin base (the object is retyped; a shared object is copied first).
 */
function newFor(kind: u32, args: usize, nargs: i32, kwnames: usize): Value {
  const base = typeObject(kind);
  if (nargs < 1) {
    raiseBegin(EXC_TypeError);
    errStrObject(typeName(base));
    errText(".__new__(): not enough arguments");
    return NULL;
  }
  const cls = arg(args, 0);
  if (!isObject(cls) || kindOf(<usize>cls) != KIND_TYPE) {
    raiseBegin(EXC_TypeError);
    errStrObject(typeName(base));
    errText(".__new__(X): X is not a type object (");
    errTypeName(cls);
    errText(")");
    return NULL;
  }
  const t = <usize>cls;
  if (!isSubtype(t, base)) {
    raiseBegin(EXC_TypeError);
    errStrObject(typeName(base));
    errText(".__new__(");
    errStrObject(typeName(t));
    errText("): ");
    errStrObject(typeName(t));
    errText(" is not a subtype of ");
    errStrObject(typeName(base));
    return NULL;
  }
  let obj: Value;
  if (kind == KIND_LIST || kind == KIND_DICT || kind == KIND_SET) obj = typeCall(base, args, 0, 0);
  else obj = typeCall(base, args + 8, nargs - 1, kwnames);
  if (obj == NULL || t == base) return obj;
  return retypeBuiltin(obj, t, kind);
}

/**
 * obj (reference taken; a value of builtin layout `kind`) as an instance of class t (a subclass of
 * that builtin): a fresh object is retyped in place, a shared one (cached, interned, the argument
 * itself) is copied first. Small ints and bools have no header and come back unchanged.
 * construct.ts can use this for classes with a builtin base.
 */
import { intBoxSmall } from "./int-call";
import { dictTrack } from "./dict";
export function retypeBuiltin(obj: Value, t: usize, kind: u32): Value {
  if (!isObject(obj)) {
    if (kind != KIND_INT) return obj;
    obj = intBoxSmall(obj); // an int subclass instance needs a header
    if (obj == NULL) return NULL;
  }
  let o = obj;
  if (load<u32>(<usize>o) != 1 || kindOf(<usize>o) != kind) {
    o = exactCopy(obj, kind);
    decref(obj);
    if (o == NULL) return NULL;
    if (!isObject(o)) return o;
  }
  const p = <usize>o;
  const old = <usize>load<u32>(p + 4);
  store<u32>(p + 4, <u32>t);
  if (isHeapType(t)) incref(<Value>t);
  if (isHeapType(old)) decref(<Value>old);
  if (kind == KIND_DICT) dictTrack(p); // only exact dicts may be untracked (CPython's dict_new)
  return o;
}

/** A fresh object of exact builtin type `kind` equal to v (new reference; small ints are values). */
function exactCopy(v: Value, kind: u32): Value {
  if (kind == KIND_INT) return exactInt(v);
  if (!isObject(v)) {
    incref(v);
    return v;
  }
  const p = <usize>v;
  switch (kind) {
    case KIND_STR: {
      const n = <usize>strLength(p);
      const w = strKind(p);
      const q = alloc(STR_HEADER_SIZE + n * <usize>w);
      if (q == 0) return raiseMemory();
      memory.copy(q, p, STR_HEADER_SIZE + n * <usize>w);
      store<u32>(q, 1);
      store<u32>(q + 4, <u32>typeObject(KIND_STR));
      store<u8>(q + 14, 0); // not interned
      return <Value>q;
    }
    case KIND_BYTES: {
      const n = <usize>bytesLength(p);
      const q = bytesAlloc(n);
      if (q == 0) return NULL;
      memory.copy(bytesData(q), bytesData(p), n);
      return <Value>q;
    }
    case KIND_FLOAT:
      return floatNew(floatValue(p));
    case KIND_COMPLEX:
      return complexNew(complexReal(p), complexImag(p));
    case KIND_TUPLE: {
      const n = <usize>tupleSize(p);
      const q = tupleAlloc(n);
      if (q == 0) return NULL;
      for (let i: usize = 0; i < n; i++) {
        const x = tupleItem(p, i);
        incref(x);
        tupleSetItem(q, i, x);
      }
      return <Value>q;
    }
    case KIND_FROZENSET: {
      const q = setFromIterable(KIND_FROZENSET, v);
      return q == 0 ? NULL : <Value>q;
    }
  }
  incref(v);
  return v;
}

function w_int_new(s: Value, a: usize, n: i32, k: usize): Value { return newFor(KIND_INT, a, n, k); }
function w_bool_new(s: Value, a: usize, n: i32, k: usize): Value { return newFor(KIND_BOOL, a, n, k); }
function w_float_new(s: Value, a: usize, n: i32, k: usize): Value { return newFor(KIND_FLOAT, a, n, k); }
function w_complex_new(s: Value, a: usize, n: i32, k: usize): Value { return newFor(KIND_COMPLEX, a, n, k); }
function w_str_new(s: Value, a: usize, n: i32, k: usize): Value { return newFor(KIND_STR, a, n, k); }
function w_bytes_new(s: Value, a: usize, n: i32, k: usize): Value { return newFor(KIND_BYTES, a, n, k); }
function w_tuple_new(s: Value, a: usize, n: i32, k: usize): Value { return newFor(KIND_TUPLE, a, n, k); }
function w_list_new(s: Value, a: usize, n: i32, k: usize): Value { return newFor(KIND_LIST, a, n, k); }
function w_dict_new(s: Value, a: usize, n: i32, k: usize): Value { return newFor(KIND_DICT, a, n, k); }
function w_set_new(s: Value, a: usize, n: i32, k: usize): Value { return newFor(KIND_SET, a, n, k); }
function w_frozenset_new(s: Value, a: usize, n: i32, k: usize): Value { return newFor(KIND_FROZENSET, a, n, k); }

/** __class_getitem__: a types.GenericAlias (generic-alias.ts). */
function w_class_getitem(s: Value, a: usize, n: i32, k: usize): Value {
  if (!checkSlotArgs(n, k, "__class_getitem__", 1)) return NULL;
  return genericAliasNew(s, load<u64>(a));
}
import { genericAliasNew } from "./generic-alias";

// ---------------------------------------------------------------------------------------------------
// object's extra slots

function w_object_cmp(s: Value, a: usize, n: i32, k: usize): Value {
  if (!checkSlotArgs(n, k, "__lt__", 1)) return NULL;
  return NI;
}

function w_object_sizeof(s: Value, a: usize, n: i32, k: usize): Value {
  if (!noKeywords("object.__sizeof__", k) || !checkArgCount("object.__sizeof__", n, 0, 0)) return NULL;
  return makeSmallInt(16);
}

function w_object_subclasshook(s: Value, a: usize, n: i32, k: usize): Value {
  return NI;
}

/** object.__getstate__(): the instance dict when it has items, else None. */
function w_object_getstate(s: Value, a: usize, n: i32, k: usize): Value {
  if (!noKeywords("object.__getstate__", k) || !checkArgCount("object.__getstate__", n, 0, 0)) return NULL;
  const slot = instanceDictSlot(s);
  if (slot != 0) {
    const d = <usize>load<u32>(slot);
    if (d != 0 && load<u32>(d + 8) != 0) {
      incref(<Value>d);
      return <Value>d;
    }
  }
  return NONE;
}

// ---------------------------------------------------------------------------------------------------
// Registration

function addNumberBinaries(t: usize, withBits: bool, withDivmod: bool): void {
  addMethod(t, "__add__", w_add);
  addMethod(t, "__radd__", w_radd);
  addMethod(t, "__sub__", w_sub);
  addMethod(t, "__rsub__", w_rsub);
  addMethod(t, "__mul__", w_mul);
  addMethod(t, "__rmul__", w_rmul);
  addMethod(t, "__truediv__", w_truediv);
  addMethod(t, "__rtruediv__", w_rtruediv);
  addMethod(t, "__pow__", w_pow);
  addMethod(t, "__rpow__", w_rpow);
  if (withDivmod) {
    addMethod(t, "__floordiv__", w_floordiv);
    addMethod(t, "__rfloordiv__", w_rfloordiv);
    addMethod(t, "__mod__", w_mod);
    addMethod(t, "__rmod__", w_rmod);
    addMethod(t, "__divmod__", w_divmod);
    addMethod(t, "__rdivmod__", w_rdivmod);
  }
  if (withBits) {
    addMethod(t, "__lshift__", w_lshift);
    addMethod(t, "__rlshift__", w_rlshift);
    addMethod(t, "__rshift__", w_rshift);
    addMethod(t, "__rrshift__", w_rrshift);
    addMethod(t, "__and__", w_and);
    addMethod(t, "__rand__", w_rand);
    addMethod(t, "__or__", w_or);
    addMethod(t, "__ror__", w_ror);
    addMethod(t, "__xor__", w_xor);
    addMethod(t, "__rxor__", w_rxor);
  }
}

function addSetOps(t: usize): void {
  addMethod(t, "__and__", w_and);
  addMethod(t, "__rand__", w_rand);
  addMethod(t, "__or__", w_or);
  addMethod(t, "__ror__", w_ror);
  addMethod(t, "__sub__", w_sub);
  addMethod(t, "__rsub__", w_rsub);
  addMethod(t, "__xor__", w_xor);
  addMethod(t, "__rxor__", w_rxor);
}

function addComparisons(t: usize): void {
  addMethod(t, "__lt__", w_lt);
  addMethod(t, "__le__", w_le);
  addMethod(t, "__eq__", w_eq);
  addMethod(t, "__ne__", w_ne);
  addMethod(t, "__gt__", w_gt);
  addMethod(t, "__ge__", w_ge);
}

/** __len__, __contains__, __iter__ (and __getitem__ when `subscript`). */
function addContainer(t: usize, subscript: bool): void {
  addMethod(t, "__len__", w_len);
  addMethod(t, "__contains__", w_contains);
  addMethod(t, "__iter__", w_iter);
  if (subscript) addMethod(t, "__getitem__", w_getitem);
}

function setUnhashable(t: usize): void {
  dictSetItem(typeDict(t), <Value>N_HASH, NONE);
}

export function registerSlotWrappers(): void {
  // numbers
  const ti = typeObject(KIND_INT);
  addNumberBinaries(ti, true, true);
  addComparisons(ti);
  addMethod(ti, "__hash__", w_hash);
  addMethod(ti, "__repr__", w_int_repr);
  addMethod(ti, "__new__", w_int_new, METHOD_STATIC);

  const tb = typeObject(KIND_BOOL);
  addMethod(tb, "__and__", w_bool_and);
  addMethod(tb, "__rand__", w_bool_rand);
  addMethod(tb, "__or__", w_bool_or);
  addMethod(tb, "__ror__", w_bool_ror);
  addMethod(tb, "__xor__", w_bool_xor);
  addMethod(tb, "__rxor__", w_bool_rxor);
  addMethod(tb, "__repr__", w_repr);
  addMethod(tb, "__new__", w_bool_new, METHOD_STATIC);

  const tf = typeObject(KIND_FLOAT);
  addNumberBinaries(tf, false, true);
  addComparisons(tf);
  addMethod(tf, "__hash__", w_hash);
  addMethod(tf, "__repr__", w_repr);
  addMethod(tf, "__new__", w_float_new, METHOD_STATIC);

  const tc = typeObject(KIND_COMPLEX);
  addNumberBinaries(tc, false, false);
  addComparisons(tc);
  addMethod(tc, "__hash__", w_hash);
  addMethod(tc, "__repr__", w_repr);
  addMethod(tc, "__new__", w_complex_new, METHOD_STATIC);

  // str and bytes
  const ts = typeObject(KIND_STR);
  addMethod(ts, "__add__", w_add);
  addMethod(ts, "__mul__", w_mul);
  addMethod(ts, "__rmul__", w_rmul);
  addMethod(ts, "__mod__", w_mod);
  addMethod(ts, "__rmod__", w_rmod);
  addComparisons(ts);
  addContainer(ts, true);
  addMethod(ts, "__hash__", w_hash);
  addMethod(ts, "__repr__", w_repr);
  addMethod(ts, "__str__", w_str_str);
  addMethod(ts, "__format__", w_str_format);
  addMethod(ts, "__new__", w_str_new, METHOD_STATIC);

  const tby = typeObject(KIND_BYTES);
  addMethod(tby, "__add__", w_add);
  addMethod(tby, "__mul__", w_mul);
  addMethod(tby, "__rmul__", w_rmul);
  addComparisons(tby);
  addContainer(tby, true);
  addMethod(tby, "__hash__", w_hash);
  addMethod(tby, "__repr__", w_repr);
  addMethod(tby, "__str__", w_bytes_str);
  addMethod(tby, "__new__", w_bytes_new, METHOD_STATIC);

  const tba = typeObject(KIND_BYTEARRAY);
  addMethod(tba, "__add__", w_add);
  addMethod(tba, "__mul__", w_mul);
  addMethod(tba, "__rmul__", w_rmul);
  addComparisons(tba);
  addContainer(tba, true);
  addMethod(tba, "__setitem__", w_setitem);
  addMethod(tba, "__delitem__", w_delitem);
  addMethod(tba, "__repr__", w_repr);
  setUnhashable(tba);

  // tuple and list
  const tt = typeObject(KIND_TUPLE);
  addMethod(tt, "__add__", w_add);
  addMethod(tt, "__mul__", w_mul);
  addMethod(tt, "__rmul__", w_rmul);
  addComparisons(tt);
  addContainer(tt, true);
  addMethod(tt, "__hash__", w_hash);
  addMethod(tt, "__repr__", w_repr);
  addMethod(tt, "__new__", w_tuple_new, METHOD_STATIC);
  addMethod(tt, "__class_getitem__", w_class_getitem, METHOD_CLASS);

  const tl = typeObject(KIND_LIST);
  addMethod(tl, "__add__", w_add);
  addMethod(tl, "__mul__", w_mul);
  addMethod(tl, "__rmul__", w_rmul);
  addMethod(tl, "__iadd__", w_list_iadd);
  addMethod(tl, "__imul__", w_list_imul);
  addComparisons(tl);
  addContainer(tl, false);
  addMethod(tl, "__getitem__", w_list_getitem);
  addMethod(tl, "__setitem__", w_setitem);
  addMethod(tl, "__delitem__", w_delitem);
  addMethod(tl, "__reversed__", w_list_reversed);
  addMethod(tl, "__repr__", w_repr);
  addMethod(tl, "__init__", w_list_init);
  addMethod(tl, "__new__", w_list_new, METHOD_STATIC);
  addMethod(tl, "__class_getitem__", w_class_getitem, METHOD_CLASS);
  setUnhashable(tl);

  // dict, set, frozenset
  const td = typeObject(KIND_DICT);
  addMethod(td, "__or__", w_or);
  addMethod(td, "__ror__", w_ror);
  addMethod(td, "__ior__", w_dict_ior);
  addComparisons(td);
  addContainer(td, false);
  addMethod(td, "__getitem__", w_dict_getitem);
  addMethod(td, "__setitem__", w_setitem);
  addMethod(td, "__delitem__", w_delitem);
  addMethod(td, "__reversed__", w_dict_reversed);
  addMethod(td, "__repr__", w_repr);
  addMethod(td, "__init__", w_dict_init);
  addMethod(td, "__new__", w_dict_new, METHOD_STATIC);
  addMethod(td, "__class_getitem__", w_class_getitem, METHOD_CLASS);
  setUnhashable(td);

  const tset = typeObject(KIND_SET);
  addSetOps(tset);
  addMethod(tset, "__ior__", w_set_ior);
  addMethod(tset, "__iand__", w_set_iand);
  addMethod(tset, "__isub__", w_set_isub);
  addMethod(tset, "__ixor__", w_set_ixor);
  addComparisons(tset);
  addContainer(tset, false);
  addMethod(tset, "__repr__", w_repr);
  addMethod(tset, "__init__", w_set_init);
  addMethod(tset, "__new__", w_set_new, METHOD_STATIC);
  addMethod(tset, "__class_getitem__", w_class_getitem, METHOD_CLASS);
  setUnhashable(tset);

  const tfs = typeObject(KIND_FROZENSET);
  addSetOps(tfs);
  addComparisons(tfs);
  addContainer(tfs, false);
  addMethod(tfs, "__hash__", w_hash);
  addMethod(tfs, "__repr__", w_repr);
  addMethod(tfs, "__new__", w_frozenset_new, METHOD_STATIC);
  addMethod(tfs, "__class_getitem__", w_class_getitem, METHOD_CLASS);

  // range and the singletons
  const tr = typeObject(KIND_RANGE);
  addComparisons(tr);
  addContainer(tr, true);
  addMethod(tr, "__hash__", w_hash);
  addMethod(tr, "__repr__", w_repr);
  addMethod(tr, "__reversed__", w_range_reversed);
  addMethod(tr, "__bool__", w_bool);
  addMethod(typeObject(KIND_NONE), "__bool__", w_bool);
  addMethod(typeObject(KIND_NONE), "__repr__", w_repr);
  addMethod(typeObject(KIND_NOT_IMPLEMENTED), "__bool__", w_bool);
  addMethod(typeObject(KIND_NOT_IMPLEMENTED), "__repr__", w_repr);
  addMethod(typeObject(KIND_ELLIPSIS), "__repr__", w_repr);
  addMethod(typeObject(KIND_SLICE), "__repr__", w_repr);

  // dict views
  for (let k = KIND_DICT_KEYS; k <= KIND_DICT_ITEMS; k++) {
    const t = typeObject(k);
    addMethod(t, "__len__", w_len);
    addMethod(t, "__iter__", w_iter);
    addMethod(t, "__reversed__", w_dict_reversed);
    addMethod(t, "__repr__", w_repr);
    if (k == KIND_DICT_VALUES) continue;
    addMethod(t, "__contains__", w_contains);
    addSetOps(t);
    addComparisons(t);
    setUnhashable(t);
  }

  // iterators
  const iters: StaticArray<u32> = [
    KIND_LIST_ITER,
    KIND_TUPLE_ITER,
    KIND_STR_ITER,
    KIND_DICT_KEYITER,
    KIND_DICT_VALUEITER,
    KIND_DICT_ITEMITER,
    KIND_SET_ITER,
    KIND_RANGE_ITER,
    KIND_LIST_REVITER,
    KIND_BYTES_ITER,
    KIND_SEQ_ITER,
    KIND_CALLABLE_ITER,
    KIND_ENUMERATE,
    KIND_ZIP,
    KIND_MAP,
    KIND_FILTER,
    KIND_REVERSED,
  ];
  for (let i = 0; i < iters.length; i++) {
    const t = typeObject(unchecked(iters[i]));
    addMethod(t, "__iter__", w_iter);
    addMethod(t, "__next__", w_next);
  }
  const tg = typeObject(KIND_GENERATOR);
  addMethod(tg, "__iter__", w_iter);
  addMethod(tg, "__next__", w_gen_next);

  // object's rich comparisons other than == and != answer NotImplemented
  const to = typeObject(KIND_OBJECT);
  addMethod(to, "__lt__", w_object_cmp);
  addMethod(to, "__le__", w_object_cmp);
  addMethod(to, "__gt__", w_object_cmp);
  addMethod(to, "__ge__", w_object_cmp);
  addMethod(to, "__sizeof__", w_object_sizeof);
  addMethod(to, "__subclasshook__", w_object_subclasshook, METHOD_CLASS);
  addMethod(to, "__getstate__", w_object_getstate);
}
