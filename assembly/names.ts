/**
 * Names the VM looks up by itself (dunder methods, module attributes), as immortal str objects
 * made once at start-up, and the binary-operator table (BINARY_OP's oparg → symbol, dunder names).
 */
import { alloc } from "./heap";
import { initStaticHeader } from "./object";
import { typeObject, KIND_STR } from "./types";
import { STR_HEADER_SIZE, StrObject } from "./str";

/** An immortal str object with the text of an ASCII/Latin-1 literal. For start-up only. */
export function strLiteral(s: string): usize {
  const n = <usize>s.length;
  const p = alloc(STR_HEADER_SIZE + n);
  if (p == 0) unreachable(); // start-up: the heap is empty, cannot fail
  initStaticHeader(p, typeObject(KIND_STR));
  const o = changetype<StrObject>(p);
  o.length = <u32>n;
  o.kind = 1;
  let ascii: u8 = 1;
  for (let i: usize = 0; i < n; i++) {
    const c = s.charCodeAt(<i32>i);
    if (c >= 128) ascii = 0;
    store<u8>(p + STR_HEADER_SIZE + i, <u8>c);
  }
  o.ascii = ascii;
  o.interned = 1;
  o.hash = -1;
  return p;
}

export let N_INIT: usize = 0;
export let N_NEW: usize = 0;
export let N_REPR: usize = 0;
export let N_STR: usize = 0;
export let N_NAME: usize = 0;
export let N_QUALNAME: usize = 0;
export let N_MODULE: usize = 0;
export let N_DOC: usize = 0;
export let N_DICT: usize = 0;
export let N_CLASS: usize = 0;
export let N_CALL: usize = 0;
export let N_GETATTR: usize = 0;
export let N_GETATTRIBUTE: usize = 0;
export let N_SETATTR: usize = 0;
export let N_DELATTR: usize = 0;
export let N_HASH: usize = 0;
export let N_BOOL: usize = 0;
export let N_LEN: usize = 0;
export let N_ITER: usize = 0;
export let N_NEXT: usize = 0;
export let N_GETITEM: usize = 0;
export let N_SETITEM: usize = 0;
export let N_DELITEM: usize = 0;
export let N_CONTAINS: usize = 0;
export let N_ENTER: usize = 0;
export let N_EXIT: usize = 0;
export let N_FORMAT: usize = 0;
export let N_GET: usize = 0;
export let N_SET: usize = 0;
export let N_DELETE: usize = 0;
export let N_SET_NAME: usize = 0;
export let N_INIT_SUBCLASS: usize = 0;
export let N_SLOTS: usize = 0;
export let N_CLASSCELL: usize = 0;
export let N_BUILTINS: usize = 0;
/** "<string>": the file name of exec/eval source, and what a SyntaxError without one shows. */
export let N_STRING_FILE: usize = 0;
/**
 * SyntaxError's fields in the order of its info tuple, after msg: msg, filename, lineno, offset,
 * text, end_lineno, end_offset (u32 str pointers; index with syntaxFieldName).
 */
const SYNTAX_FIELD_NAMES: usize = memory.data(7 * 4, 4);
export const SF_MSG: i32 = 0;
export const SF_FILENAME: i32 = 1;
export const SF_LINENO: i32 = 2;
export const SF_OFFSET: i32 = 3;
export const SF_TEXT: i32 = 4;
export const SF_END_LINENO: i32 = 5;
export const SF_END_OFFSET: i32 = 6;
export function syntaxFieldName(i: i32): usize {
  return <usize>load<u32>(SYNTAX_FIELD_NAMES + (<usize>i << 2));
}
export let N_MAIN: usize = 0;
export let N_INDEX: usize = 0;
export let N_INT: usize = 0;
export let N_FLOAT: usize = 0;
export let N_NEG: usize = 0;
export let N_POS: usize = 0;
export let N_ABS: usize = 0;
export let N_INVERT: usize = 0;
export let N_DEL: usize = 0;
export let N_MATCH_ARGS: usize = 0;
export let N_MRO_ENTRIES: usize = 0;
export let N_PREPARE: usize = 0;
export let N_REVERSED: usize = 0;
export let N_ROUND: usize = 0;
export let N_MISSING: usize = 0;
export let N_EMPTY: usize = 0;
export let N_SEND: usize = 0;
export let N_THROW: usize = 0;
export let N_CLOSE: usize = 0;
export let N_ARGS: usize = 0;
export let N_KEYS: usize = 0;
export let N_ANNOTATIONS: usize = 0;
export let N_INSTANCECHECK: usize = 0;
export let N_SUBCLASSCHECK: usize = 0;
export let N_ITEMS: usize = 0;
export let N_DIR: usize = 0;

/** Rich comparison dunders by COMPARE_OP oparg (<, <=, ==, !=, >, >=) and the swapped operator. */
export const CMP_NAMES: StaticArray<usize> = [0, 0, 0, 0, 0, 0];
export const CMP_SYMBOLS: StaticArray<string> = ["<", "<=", "==", "!=", ">", ">="];
export const CMP_SWAPPED: StaticArray<i32> = [4, 5, 2, 3, 0, 1];

/** BINARY_OP opargs 0-12 (13-25 are the in-place forms of the same order). */
export const NB_SYMBOLS: StaticArray<string> = ["+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^"];
const NB_DUNDER: StaticArray<string> = ["add", "and", "floordiv", "lshift", "matmul", "mul", "mod", "or", "pow", "rshift", "sub", "truediv", "xor"];
/** __add__, __radd__, __iadd__ ... as str objects, by op. */
export const NB_NAMES: StaticArray<usize> = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
export const NB_RNAMES: StaticArray<usize> = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
export const NB_INAMES: StaticArray<usize> = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

/** "__" + prefix + s + "__" as an immortal str, composed without managed allocation. */
function dunder(prefix: string, s: string): usize {
  const n = prefix.length + s.length + 4;
  const p = strLiteralOfLength(n);
  let at = p + STR_HEADER_SIZE;
  store<u8>(at++, 0x5f);
  store<u8>(at++, 0x5f);
  for (let i = 0; i < prefix.length; i++) store<u8>(at++, <u8>prefix.charCodeAt(i));
  for (let i = 0; i < s.length; i++) store<u8>(at++, <u8>s.charCodeAt(i));
  store<u8>(at++, 0x5f);
  store<u8>(at++, 0x5f);
  return p;
}

function strLiteralOfLength(n: i32): usize {
  const p = alloc(STR_HEADER_SIZE + <usize>n);
  if (p == 0) unreachable();
  initStaticHeader(p, typeObject(KIND_STR));
  const o = changetype<StrObject>(p);
  o.length = <u32>n;
  o.kind = 1;
  o.ascii = 1;
  o.interned = 1;
  o.hash = -1;
  return p;
}

export function initNames(): void {
  N_INIT = strLiteral("__init__");
  N_NEW = strLiteral("__new__");
  N_REPR = strLiteral("__repr__");
  N_STR = strLiteral("__str__");
  N_NAME = strLiteral("__name__");
  N_QUALNAME = strLiteral("__qualname__");
  N_MODULE = strLiteral("__module__");
  N_DOC = strLiteral("__doc__");
  N_DICT = strLiteral("__dict__");
  N_CLASS = strLiteral("__class__");
  N_CALL = strLiteral("__call__");
  N_GETATTR = strLiteral("__getattr__");
  N_GETATTRIBUTE = strLiteral("__getattribute__");
  N_SETATTR = strLiteral("__setattr__");
  N_DELATTR = strLiteral("__delattr__");
  N_HASH = strLiteral("__hash__");
  N_BOOL = strLiteral("__bool__");
  N_LEN = strLiteral("__len__");
  N_ITER = strLiteral("__iter__");
  N_NEXT = strLiteral("__next__");
  N_GETITEM = strLiteral("__getitem__");
  N_SETITEM = strLiteral("__setitem__");
  N_DELITEM = strLiteral("__delitem__");
  N_CONTAINS = strLiteral("__contains__");
  N_ENTER = strLiteral("__enter__");
  N_EXIT = strLiteral("__exit__");
  N_FORMAT = strLiteral("__format__");
  N_GET = strLiteral("__get__");
  N_SET = strLiteral("__set__");
  N_DELETE = strLiteral("__delete__");
  N_SET_NAME = strLiteral("__set_name__");
  N_INIT_SUBCLASS = strLiteral("__init_subclass__");
  N_SLOTS = strLiteral("__slots__");
  N_CLASSCELL = strLiteral("__classcell__");
  N_BUILTINS = strLiteral("__builtins__");
  N_STRING_FILE = strLiteral("<string>");
  const fields = ["msg", "filename", "lineno", "offset", "text", "end_lineno", "end_offset"];
  for (let i = 0; i < 7; i++) store<u32>(SYNTAX_FIELD_NAMES + (<usize>i << 2), <u32>strLiteral(fields[i]));
  N_MAIN = strLiteral("__main__");
  N_INDEX = strLiteral("__index__");
  N_INT = strLiteral("__int__");
  N_FLOAT = strLiteral("__float__");
  N_NEG = strLiteral("__neg__");
  N_POS = strLiteral("__pos__");
  N_ABS = strLiteral("__abs__");
  N_INVERT = strLiteral("__invert__");
  N_DEL = strLiteral("__del__");
  N_MATCH_ARGS = strLiteral("__match_args__");
  N_MRO_ENTRIES = strLiteral("__mro_entries__");
  N_PREPARE = strLiteral("__prepare__");
  N_REVERSED = strLiteral("__reversed__");
  N_ROUND = strLiteral("__round__");
  N_MISSING = strLiteral("__missing__");
  N_EMPTY = strLiteral("");
  N_SEND = strLiteral("send");
  N_THROW = strLiteral("throw");
  N_CLOSE = strLiteral("close");
  N_ARGS = strLiteral("args");
  N_KEYS = strLiteral("keys");
  N_ITEMS = strLiteral("items");
  N_ANNOTATIONS = strLiteral("__annotations__");
  N_INSTANCECHECK = strLiteral("__instancecheck__");
  N_SUBCLASSCHECK = strLiteral("__subclasscheck__");
  N_DIR = strLiteral("__dir__");
  const cmp: StaticArray<string> = ["lt", "le", "eq", "ne", "gt", "ge"];
  for (let i = 0; i < 6; i++) unchecked((CMP_NAMES[i] = dunder("", cmp[i])));
  for (let i = 0; i < 13; i++) {
    unchecked((NB_NAMES[i] = dunder("", NB_DUNDER[i])));
    unchecked((NB_RNAMES[i] = dunder("r", NB_DUNDER[i])));
    unchecked((NB_INAMES[i] = dunder("i", NB_DUNDER[i])));
  }
}
