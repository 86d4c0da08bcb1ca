/**
 * Builtin type objects and kinds. Every heap object's header points at a type object (object.ts);
 * every type object carries a small integer `kind` so hot code dispatches with one `switch` over a
 * dense range (one br_table) instead of comparing type addresses.
 *
 * The builtin type objects are static: they live in a data segment, are initialized by this file's
 * top-level code (the module's start function), and are immortal (IMMORTAL_REFCNT). Their names are
 * static str objects (str.ts layout), so `type.__name__` can later hand out the same object.
 *
 * Entry points: typeObject(kind), typeOf(value), kindOf(ptr), kindOfValue(value), ELLIPSIS,
 * STOP_ITERATION; the kind constants KIND_*.
 *
 * Type object, 32 bytes (static; header as every object's):
 *
 *   offset 0   [ refcnt u32 (immortal)      | type u32 -> the 'type' type  ]
 *          8   [ kind u32                   | flags u32 (TPFLAG_*)         ]
 *         16   [ name u32 -> str object     | basicsize u32                ]
 *         24   [ itemsize u32               | version u32                  ]
 *
 * basicsize/itemsize: an instance takes basicsize + n * itemsize bytes (n = its item count; str's
 * itemsize is its per-object kind 1/2/4, so the table says 1). Objects whose items live in a
 * separately allocated block (list, dict, set, frozenset) say so with TPFLAG_ITEMS_BLOCK: their
 * block is basicsize, the items block capacity * itemsize. `version` is a tag for future inline caches (PEP 659
 * style: a cache entry stores it, and any change to the type bumps it); 0 = unassigned.
 *
 * Immediates (values.ts) have types too, though they have no header: small ints are `int`,
 * None is `NoneType`, True/False are `bool`.
 */
import { Value, isSmallInt, isObject, NONE, FALSE, TRUE } from "./values";
import { ObjHeader, initStaticHeader, typeOfObject } from "./object";
import { strInitStatic, strStaticSize, STR_HEADER_SIZE, strLength, strCodePoint } from "./str";
import { incref, decref } from "./refcount";
import { BYTES_HEADER_SIZE } from "./bytes";
import { EMPTY_TUPLE, TUPLE_HEADER_SIZE, VEC_HEADER_SIZE, DICT_HEADER_SIZE, DICT_ENTRY_SIZE } from "./tuple";
import { BIGINT_HEADER_SIZE } from "./int";
import { FLOAT_SIZE, COMPLEX_SIZE } from "./float";

// Kinds. Dense, starting at 1, so a switch over them is a br_table; 0 is "not an object".
export const KIND_TYPE: u32 = 1;
export const KIND_NONE: u32 = 2;
export const KIND_BOOL: u32 = 3;
export const KIND_INT: u32 = 4;
export const KIND_FLOAT: u32 = 5;
export const KIND_COMPLEX: u32 = 6;
export const KIND_STR: u32 = 7;
export const KIND_BYTES: u32 = 8;
export const KIND_TUPLE: u32 = 9;
export const KIND_LIST: u32 = 10;
export const KIND_DICT: u32 = 11;
export const KIND_SET: u32 = 12;
export const KIND_FROZENSET: u32 = 13;
export const KIND_CODE: u32 = 14;
export const KIND_ELLIPSIS: u32 = 15;
/** Exception types; for now the one marshal can name, StopIteration (TYPE_STOPITER). */
export const KIND_EXCEPTION: u32 = 16;
// Kinds of the run-time objects (their layouts live with their implementations).
export const KIND_DICT_KEYS: u32 = 17;
export const KIND_DICT_VALUES: u32 = 18;
export const KIND_DICT_ITEMS: u32 = 19;
export const KIND_DICT_KEYITER: u32 = 20;
export const KIND_DICT_VALUEITER: u32 = 21;
export const KIND_DICT_ITEMITER: u32 = 22;
export const KIND_SET_ITER: u32 = 23;
export const KIND_LIST_ITER: u32 = 24;
export const KIND_TUPLE_ITER: u32 = 25;
export const KIND_STR_ITER: u32 = 26;
export const KIND_RANGE: u32 = 27;
export const KIND_RANGE_ITER: u32 = 28;
export const KIND_SLICE: u32 = 29;
export const KIND_FUNCTION: u32 = 30;
export const KIND_METHOD: u32 = 31;
export const KIND_BUILTIN: u32 = 32;
export const KIND_CELL: u32 = 33;
export const KIND_GENERATOR: u32 = 34;
export const KIND_OBJECT: u32 = 35;
export const KIND_MODULE: u32 = 36;
export const KIND_PROPERTY: u32 = 37;
export const KIND_CLASSMETHOD: u32 = 38;
export const KIND_STATICMETHOD: u32 = 39;
export const KIND_SUPER: u32 = 40;
export const KIND_LIST_REVITER: u32 = 41;
export const KIND_NOT_IMPLEMENTED: u32 = 42;
export const KIND_BYTEARRAY: u32 = 43;
export const KIND_ENUMERATE: u32 = 44;
export const KIND_ZIP: u32 = 45;
export const KIND_MAP: u32 = 46;
export const KIND_FILTER: u32 = 47;
export const KIND_REVERSED: u32 = 48;
export const KIND_METHOD_DESCR: u32 = 49;
export const KIND_CALLABLE_ITER: u32 = 50;
export const KIND_SEQ_ITER: u32 = 51;
export const KIND_FRAME: u32 = 52;
export const KIND_TRACEBACK: u32 = 53;
export const KIND_BYTES_ITER: u32 = 54;
// Descriptors, typing objects and the class-dict proxy (descr-objects.ts, generic-alias.ts).
export const KIND_MEMBER_DESCR: u32 = 55;
export const KIND_GETSET_DESCR: u32 = 56;
export const KIND_UNION: u32 = 57;
export const KIND_GENERIC_ALIAS: u32 = 58;
export const KIND_MAPPINGPROXY: u32 = 59;
// Coroutines (coroutine.ts): generator layout, not iterable; __await__()'s iterator.
export const KIND_COROUTINE: u32 = 60;
export const KIND_CORO_WRAPPER: u32 = 61;
export const KIND_ASYNC_GENERATOR: u32 = 62; // async-gen.ts
export const KIND_ASYNC_GEN_ASEND: u32 = 63;
export const KIND_ASYNC_GEN_ATHROW: u32 = 64;
export const KIND_ANEXT_AWAITABLE: u32 = 65;
export const KIND_COUNT: u32 = 66;

// Type flags.
/** Instances hold references to other objects (what a cycle collector will have to traverse). */
export const TPFLAG_HAS_REFS: u32 = 1;
/** Instances are unhashable (hash() raises TypeError "unhashable type: '<name>'"). */
export const TPFLAG_UNHASHABLE: u32 = 2;
/** Instance size is basicsize + count * itemsize. */
export const TPFLAG_VARSIZE: u32 = 4;
/** Values are tagged immediates (values.ts): no header, no refcount. */
export const TPFLAG_IMMEDIATE: u32 = 8;
/** Items live in a separate heap block owned by the object (list, dict, set, frozenset). */
export const TPFLAG_ITEMS_BLOCK: u32 = 16;
/** A class made at run time (class statement, type(name, bases, dict)): refcounted, instances hold a reference to it. */
export const TPFLAG_HEAPTYPE: u32 = 32;
/** Can be subclassed. */
export const TPFLAG_BASETYPE: u32 = 64;
/** An exception class (BaseException or a subclass). */
export const TPFLAG_EXCEPTION: u32 = 128;
/** Instances need a finalizer when they die: __del__, or an unfinished generator's close(). */
export const TPFLAG_FINALIZER: u32 = 256;
/** Instances have a __weakref__ slot (classes made at run time without __slots__, or listing it). */
export const TPFLAG_WEAKREFS: u32 = 0x4000;
/** Instances of a builtin-layout class keep their __dict__ in side-dict.ts's table (no room inline). */
export const TPFLAG_SIDE_DICT: u32 = 0x8000;

@unmanaged
export class TypeObject extends ObjHeader {
  kind: u32;
  flags: u32;
  name: u32;
  basicsize: u32;
  itemsize: u32;
  version: u32;
  // Class machinery (typeobj.ts): filled at start-up for builtin types, by class creation otherwise.
  base: u32; // the type's primary base type object (0 for object)
  bases: u32; // tuple of base types
  mro: u32; // tuple: the C3 linearization, the type itself first
  dict: u32; // dict of attributes (methods, descriptors, class variables)
  qualname: u32; // str
  dictoffset: u32; // offset of the instance __dict__ pointer (u32) in instances, 0 when none
  slotflags: u32; // TPSLOT_* bits: which dunder methods the class (or its MRO) defines in Python
  module: u32; // str: __module__ of classes, 0 for builtins
}

export const TYPE_OBJECT_SIZE: usize = 64;
// @ts-ignore: compile-time check
if (offsetof<TypeObject>() != TYPE_OBJECT_SIZE) ERROR("TypeObject layout");

/** The builtin type objects, indexed by kind (slot 0 unused). */
const TYPE_TABLE: usize = memory.data(<i32>(KIND_COUNT * <u32>TYPE_OBJECT_SIZE), 8);
/** Room for the static str objects that hold the type names. */
const NAME_ARENA_SIZE: usize = 4096;
const NAME_ARENA: usize = memory.data(<i32>NAME_ARENA_SIZE, 8);
let nameArenaTop: usize = 0;

/** The builtin type object of a kind. */
// @ts-ignore: decorator
@inline export function typeObject(kind: u32): usize {
  return TYPE_TABLE + <usize>kind * TYPE_OBJECT_SIZE;
}

/** Kind of a heap object (two loads: header.type, then type.kind). */
// @ts-ignore: decorator
@inline export function kindOf(ptr: usize): u32 {
  return load<u32>(typeOfObject(ptr), 8);
}

/** Kind of any Value; NULL gives 0. */
export function kindOfValue(v: Value): u32 {
  if (isSmallInt(v)) return KIND_INT;
  if (isObject(v)) return kindOf(<usize>v);
  if (v == NONE) return KIND_NONE;
  if (v == FALSE || v == TRUE) return KIND_BOOL;
  return 0;
}

/** The type object of any non-NULL Value. */
export function typeOf(v: Value): usize {
  if (isObject(v)) return typeOfObject(<usize>v);
  const k = kindOfValue(v);
  return k == 0 ? 0 : typeObject(k);
}

/** The type's name as a static str object. */
// @ts-ignore: decorator
@inline export function typeName(type: usize): usize {
  return <usize>load<u32>(type, 16);
}

/** Ellipsis: a header-only static object. */
export const ELLIPSIS: usize = memory.data(8, 8);
/** StopIteration, the exception *type* (what TYPE_STOPITER stands for): the KIND_EXCEPTION type. */
export const STOP_ITERATION: usize = TYPE_TABLE + <usize>KIND_EXCEPTION * TYPE_OBJECT_SIZE;

function defineType(kind: u32, name: string, basicsize: u32, itemsize: u32, flags: u32): void {
  const t = typeObject(kind);
  initStaticHeader(t, typeObject(KIND_TYPE));
  const o = changetype<TypeObject>(t);
  o.kind = kind;
  o.flags = flags;
  o.basicsize = basicsize;
  o.itemsize = itemsize;
  o.version = 0;
  const s = NAME_ARENA + nameArenaTop;
  nameArenaTop += strStaticSize(name);
  if (nameArenaTop > NAME_ARENA_SIZE) unreachable(); // a static table: fails the first run, never later
  strInitStatic(s, name);
  o.name = <u32>s;
}

// One row per builtin type: kind, name, basicsize, itemsize, flags. Sizes come from the layouts'
// own constants (each file's diagram); immediates have no instance size.
/** Start-up: fills the static type objects (assembly/startup.ts calls it once). */
export function initTypes(): void {
  defineType(KIND_TYPE, "type", <u32>TYPE_OBJECT_SIZE, 0, 0);
  defineType(KIND_NONE, "NoneType", 0, 0, TPFLAG_IMMEDIATE);
  defineType(KIND_BOOL, "bool", 0, 0, TPFLAG_IMMEDIATE);
  defineType(KIND_INT, "int", <u32>BIGINT_HEADER_SIZE, 4, TPFLAG_IMMEDIATE | TPFLAG_VARSIZE);
  defineType(KIND_FLOAT, "float", <u32>FLOAT_SIZE, 0, 0);
  defineType(KIND_COMPLEX, "complex", <u32>COMPLEX_SIZE, 0, 0);
  defineType(KIND_STR, "str", <u32>STR_HEADER_SIZE, 1, TPFLAG_VARSIZE);
  defineType(KIND_BYTES, "bytes", <u32>BYTES_HEADER_SIZE, 1, TPFLAG_VARSIZE);
  defineType(KIND_TUPLE, "tuple", <u32>TUPLE_HEADER_SIZE, 8, TPFLAG_VARSIZE | TPFLAG_HAS_REFS);
  const vec = TPFLAG_ITEMS_BLOCK | TPFLAG_HAS_REFS;
  defineType(KIND_LIST, "list", <u32>VEC_HEADER_SIZE, 8, vec | TPFLAG_UNHASHABLE);
  defineType(KIND_DICT, "dict", <u32>DICT_HEADER_SIZE, <u32>DICT_ENTRY_SIZE, vec | TPFLAG_UNHASHABLE);
  defineType(KIND_SET, "set", <u32>VEC_HEADER_SIZE, 8, vec | TPFLAG_UNHASHABLE);
  defineType(KIND_FROZENSET, "frozenset", <u32>VEC_HEADER_SIZE, 8, vec);
  defineType(KIND_CODE, "code", 96 /* CODE_SIZE: code.ts checks it */, 0, TPFLAG_HAS_REFS);
  defineType(KIND_ELLIPSIS, "ellipsis", 8, 0, 0);
  defineType(KIND_EXCEPTION, "StopIteration", 0, 0, 0);
  defineType(KIND_DICT_KEYS, "dict_keys", 0, 0, 0);
  defineType(KIND_DICT_VALUES, "dict_values", 0, 0, 0);
  defineType(KIND_DICT_ITEMS, "dict_items", 0, 0, 0);
  defineType(KIND_DICT_KEYITER, "dict_keyiterator", 0, 0, 0);
  defineType(KIND_DICT_VALUEITER, "dict_valueiterator", 0, 0, 0);
  defineType(KIND_DICT_ITEMITER, "dict_itemiterator", 0, 0, 0);
  defineType(KIND_SET_ITER, "set_iterator", 0, 0, 0);
  defineType(KIND_LIST_ITER, "list_iterator", 0, 0, 0);
  defineType(KIND_TUPLE_ITER, "tuple_iterator", 0, 0, 0);
  defineType(KIND_STR_ITER, "str_ascii_iterator", 0, 0, 0);
  defineType(KIND_RANGE, "range", 0, 0, 0);
  defineType(KIND_RANGE_ITER, "range_iterator", 0, 0, 0);
  defineType(KIND_SLICE, "slice", 0, 0, 0);
  defineType(KIND_FUNCTION, "function", 0, 0, 0);
  defineType(KIND_METHOD, "method", 0, 0, 0);
  defineType(KIND_BUILTIN, "builtin_function_or_method", 0, 0, 0);
  defineType(KIND_CELL, "cell", 0, 0, 0);
  defineType(KIND_GENERATOR, "generator", 0, 0, 0);
  defineType(KIND_OBJECT, "object", 0, 0, 0);
  defineType(KIND_MODULE, "module", 0, 0, 0);
  defineType(KIND_PROPERTY, "property", 0, 0, 0);
  defineType(KIND_CLASSMETHOD, "classmethod", 0, 0, 0);
  defineType(KIND_STATICMETHOD, "staticmethod", 0, 0, 0);
  defineType(KIND_SUPER, "super", 0, 0, 0);
  defineType(KIND_LIST_REVITER, "list_reverseiterator", 0, 0, 0);
  defineType(KIND_NOT_IMPLEMENTED, "NotImplementedType", 0, 0, 0);
  defineType(KIND_BYTEARRAY, "bytearray", 0, 0, 0);
  defineType(KIND_ENUMERATE, "enumerate", 0, 0, 0);
  defineType(KIND_ZIP, "zip", 0, 0, 0);
  defineType(KIND_MAP, "map", 0, 0, 0);
  defineType(KIND_FILTER, "filter", 0, 0, 0);
  defineType(KIND_REVERSED, "reversed", 0, 0, 0);
  defineType(KIND_METHOD_DESCR, "method_descriptor", 0, 0, 0);
  defineType(KIND_CALLABLE_ITER, "callable_iterator", 0, 0, 0);
  defineType(KIND_SEQ_ITER, "iterator", 0, 0, 0);
  defineType(KIND_FRAME, "frame", 0, 0, 0);
  defineType(KIND_TRACEBACK, "traceback", 0, 0, 0);
  defineType(KIND_BYTES_ITER, "bytes_iterator", 0, 0, 0);
  defineType(KIND_MEMBER_DESCR, "member_descriptor", 0, 0, 0);
  defineType(KIND_GETSET_DESCR, "getset_descriptor", 0, 0, 0);
  defineType(KIND_UNION, "UnionType", 0, 0, 0);
  defineType(KIND_GENERIC_ALIAS, "GenericAlias", 0, 0, 0);
  defineType(KIND_MAPPINGPROXY, "mappingproxy", 0, 0, 0);
  defineType(KIND_COROUTINE, "coroutine", 0, 0, 0);
  defineType(KIND_CORO_WRAPPER, "coroutine_wrapper", 0, 0, 0);
  defineType(KIND_ASYNC_GENERATOR, "async_generator", 0, 0, 0);
  defineType(KIND_ASYNC_GEN_ASEND, "async_generator_asend", 0, 0, 0);
  defineType(KIND_ASYNC_GEN_ATHROW, "async_generator_athrow", 0, 0, 0);
  defineType(KIND_ANEXT_AWAITABLE, "anext_awaitable", 0, 0, 0);
  initStaticHeader(ELLIPSIS, typeObject(KIND_ELLIPSIS));
  initStaticHeader(EMPTY_TUPLE, typeObject(KIND_TUPLE));
}


// ---------------------------------------------------------------------------------------------------
// Raised errors. Until exception objects exist, "raising" records an error type id and a UTF-8
// message in a static buffer; the failing function returns NULL/0 and every caller passes that up.
// The host reads them through errorType()/errorMessagePtr()/errorMessageLength() (unmarshal.ts
// exports them). Messages are built without allocating: literals are copied char by char.

export const ERR_NONE: i32 = 0;
export const ERR_EOF: i32 = 1; // EOFError
export const ERR_VALUE: i32 = 2; // ValueError
export const ERR_TYPE: i32 = 3; // TypeError
export const ERR_SYSTEM: i32 = 4; // SystemError
export const ERR_UNICODE_DECODE: i32 = 5; // UnicodeDecodeError
export const ERR_RECURSION: i32 = 6; // RecursionError
export const ERR_MEMORY: i32 = 7; // MemoryError

/** Longest message kept; longer ones are cut (the float-text message is the longest: < 700 bytes). */
export const ERR_MESSAGE_CAPACITY: usize = 1024;
const ERR_MESSAGE: usize = memory.data(<i32>ERR_MESSAGE_CAPACITY, 8);
let errType: i32 = ERR_NONE;
let errLength: usize = 0;

export function errorType(): i32 {
  return errType;
}
export function errorMessagePtr(): usize {
  return ERR_MESSAGE;
}
export function errorMessageLength(): usize {
  return errLength;
}
export function errorClear(): void {
  errType = ERR_NONE;
  errLength = 0;
  dropErrorObjects();
}

/** Starts a new error of `type` with an empty message. Only the first error of an operation counts. */
export function errBegin(type: i32): void {
  dropErrorObjects();
  errType = type;
  errLength = 0;
}

/** Appends an ASCII literal to the message. */
export function errText(s: string): void {
  for (let i = 0; i < s.length; i++) errByte(<u8>s.charCodeAt(i));
}

export function errByte(b: u8): void {
  if (errLength < ERR_MESSAGE_CAPACITY) store<u8>(ERR_MESSAGE + errLength++, b);
}

export function errBytes(ptr: usize, n: usize): void {
  for (let i: usize = 0; i < n; i++) errByte(load<u8>(ptr + i));
}

/** Appends a decimal integer. */
export function errInt(n: i64): void {
  if (n < 0) {
    errByte(0x2d);
    // -2**63 has no positive counterpart; its digits come out right through the unsigned path.
    errUint(<u64>0 - <u64>n);
  } else {
    errUint(<u64>n);
  }
}

function errUint(n: u64): void {
  if (n >= 10) errUint(n / 10);
  errByte(<u8>(0x30 + <u32>(n % 10)));
}

/** Appends two lowercase hex digits. */
export function errHex2(b: u8): void {
  const digits = "0123456789abcdef";
  errByte(<u8>digits.charCodeAt(b >> 4));
  errByte(<u8>digits.charCodeAt(b & 15));
}

/** raise type(msg), the common case; returns 0 so callers can `return raise(...)`. */
export function raise(type: i32, msg: string): usize {
  errBegin(type);
  errText(msg);
  return 0;
}

/** MemoryError, as CPython raises it for a failed allocation (no message). */
export function raiseMemory(): usize {
  errBegin(ERR_MEMORY);
  return 0;
}

// Exception ids beyond the historical seven: every builtin exception class (generated table).
export * from "./exceptions.generated";

/** The pending error is an exception object (errorObject()), not an id + message. */
export const ERR_OBJECT: i32 = 1000;
let errObject: Value = 0;

/** The pending exception object (borrowed) when errorType() == ERR_OBJECT. */
export function errorObject(): Value {
  return errObject;
}

/** raise EXC: makes the exception object `exc` (reference taken over) the pending error. */
export function raiseObject(exc: Value): usize {
  errBegin(ERR_OBJECT);
  errObject = exc;
  return 0;
}

/** Hands the pending exception object over to the caller and clears the error state. */
export function errorTakeObject(): Value {
  const v = errObject;
  errObject = 0;
  errType = ERR_NONE;
  errLength = 0;
  return v;
}

/** Starts a new error of builtin exception class `id` (exceptions.generated.ts) with an empty message. */
export function raiseBegin(id: i32): void {
  errBegin(id);
}

/** Releases the argument object and exception object of the previous error. */
function dropErrorObjects(): void {
  dropErrorContext(); // NameError/AttributeError name and object recorded with it (exc-methods.ts)
  if (errObject != 0) {
    const o = errObject;
    errObject = 0;
    decref(o);
  }
  if (errValue != 0) {
    const v = errValue;
    errValue = 0;
    decref(v);
  }
}

/** raise CLASS(msg) with an ASCII literal message; returns 0 so callers can `return raiseMsg(...)`. */
export function raiseMsg(id: i32, msg: string): usize {
  raiseBegin(id);
  errText(msg);
  return 0;
}

/**
 * raise CLASS(value): the exception's single argument is an object rather than a message, as
 * KeyError(key) and StopIteration(value) need. Takes a new reference to `value`.
 */
export function raiseWithValue(id: i32, value: Value): usize {
  raiseBegin(id);
  incref(value);
  errValue = value;
  return 0;
}

let errValue: Value = 0;
import { dropErrorContext } from "./exc-methods";

/** The argument object of the pending error (borrowed), or 0 when it has a text message. */
export function errorValue(): Value {
  return errValue;
}

/** Hands the argument object over to the caller (who now owns it) and forgets it. */
export function errorTakeValue(): Value {
  const v = errValue;
  errValue = 0;
  return v;
}

/** Appends a str object's text to the message, UTF-8 encoded (lone surrogates pass through). */
export function errStrObject(p: usize): void {
  const n = <usize>strLength(p);
  for (let i: usize = 0; i < n; i++) errCodePoint(strCodePoint(p, i));
}

/** Appends one code point, UTF-8 encoded. */
export function errCodePoint(c: u32): void {
  if (c < 0x80) {
    errByte(<u8>c);
  } else if (c < 0x800) {
    errByte(<u8>(0xc0 | (c >> 6)));
    errByte(<u8>(0x80 | (c & 0x3f)));
  } else if (c < 0x10000) {
    errByte(<u8>(0xe0 | (c >> 12)));
    errByte(<u8>(0x80 | ((c >> 6) & 0x3f)));
    errByte(<u8>(0x80 | (c & 0x3f)));
  } else {
    errByte(<u8>(0xf0 | (c >> 18)));
    errByte(<u8>(0x80 | ((c >> 12) & 0x3f)));
    errByte(<u8>(0x80 | ((c >> 6) & 0x3f)));
    errByte(<u8>(0x80 | (c & 0x3f)));
  }
}

/** Appends the name of v's type (for "'int' object is not subscriptable" and the like). */
export function errTypeName(v: Value): void {
  errStrObject(typeName(typeOf(v)));
}
