/**
 * The unmarshaller: reads CPython 3.11 marshal data (any version; .pyc files hold version 4) from
 * linear memory into the objects of types.ts / str.ts / tuple.ts / ... . It gives what CPython's
 * marshal.loads gives, and fails where and how it fails (the same exception types and messages as
 * host/marshal.ts, which matches python3.11), never by trapping.
 *
 * Entry points (exported to the host by index.ts):
 *   unmarshalInputAlloc(len) / unmarshalInputFree(ptr, len)   a heap block for the host to copy into
 *   unmarshal(ptr, len) -> Value      a new reference, or NULL (0) with the error set (types.ts:
 *                                     errorType(), errorMessagePtr(), errorMessageLength())
 *   unmarshalConsumed()               bytes the last successful object took (trailing data is ignored,
 *                                     as CPython's marshal.loads ignores it)
 *   unmarshalBackrefs()               how many TYPE_REFs of the last load pointed at a container still
 *                                     being read, i.e. made a reference cycle (which leaks until the
 *                                     cycle collector exists)
 *
 * Design:
 * - Iterative, not recursive: containers being filled sit on an explicit frame stack in heap memory,
 *   so nesting costs no wasm stack (the depth limit, 2000 as CPython's MAX_MARSHAL_STACK_DEPTH,
 *   raises ValueError "recursion limit exceeded" as CPython does, and is the only limit).
 * - References (FLAG_REF / TYPE_REF): a growable table of borrowed Values. Tuples, lists, dicts and
 *   sets are registered before their items (so data may refer to a container from inside it, as
 *   CPython allows); frozensets and code objects reserve a NULL slot that is filled when they are
 *   complete (a reference to it before that is invalid, as in CPython).
 * - Errors free everything: every object this load creates is appended to a creation log. On error,
 *   all of them are freed wholesale with freeShallow (no reference counts consulted: nothing outside
 *   the load can hold them yet), which is exact even for the cycles above. For that, nothing is freed
 *   during a load: objects that become garbage while reading (a set's duplicate element, a dict's
 *   replaced value, the marshalled co_code when the deoptimized one differs) go on a "drop" list and
 *   are decref'd once the load succeeded.
 * - Sets, frozensets and dicts are the real ones (set.ts, dict.ts), filled element by element as
 *   CPython's PySet_Add / PyDict_SetItem fill them, with CPython's hashes (hash.ts): duplicates go
 *   by Python equality (1 == 1.0 == True, -0.0 == 0, strings by code points, tuples and frozensets
 *   by items, identity for code objects), unhashable values raise TypeError "unhashable type:
 *   'list'", and a set's iteration order is the one CPython gives the same data. Nothing marshal
 *   can hold runs Python code when hashed or compared, so adding cannot change anything else.
 */
import { alloc, free } from "./heap";
import { Value, NULL, NONE, FALSE, TRUE, isObject, makeSmallInt, makeObject } from "./values";
import {
  KIND_TUPLE,
  KIND_LIST,
  KIND_DICT,
  KIND_SET,
  KIND_FROZENSET,
  KIND_CODE,
  ELLIPSIS,
  STOP_ITERATION,
  ERR_EOF,
  ERR_VALUE,
  ERR_TYPE,
  raise,
  raiseMemory,
  errorClear,
} from "./types";
import { StrObject, strFromLatin1, strFromUtf8 } from "./str";
import { bytesFromMemory } from "./bytes";
import { EMPTY_TUPLE, tupleAlloc, tupleSetItem, vecAlloc, vecAppend } from "./tuple";
import { dictNew, dictLookupKnownHash, dictInsertNewSteal, dictSwapValue, DKIX_EMPTY, DKIX_ERROR } from "./dict";
import { setNew, setAddSteal } from "./set";
import { hashValue } from "./hash";
import { intFromI64, intFromDigits15 } from "./int";
import { floatNew, complexNew, parseFloatText, parsedFloat } from "./float";
import { codeValidate, codeDeopt, codeNew, CI_FIRSTLINENO } from "./code";
import { incref, decref, freeShallow } from "./refcount";

/** MAX_MARSHAL_STACK_DEPTH of CPython 3.11 (non-Windows builds). */
export const MAX_MARSHAL_DEPTH: u32 = 2000;

// Type codes (one byte; bit 0x80 is FLAG_REF: "remember this object for a later TYPE_REF").
const TYPE_NULL: u32 = 0x30; // '0'
const TYPE_NONE: u32 = 0x4e; // 'N'
const TYPE_FALSE: u32 = 0x46; // 'F'
const TYPE_TRUE: u32 = 0x54; // 'T'
const TYPE_STOPITER: u32 = 0x53; // 'S'
const TYPE_ELLIPSIS: u32 = 0x2e; // '.'
const TYPE_INT: u32 = 0x69; // 'i'
const TYPE_INT64: u32 = 0x49; // 'I' (read only; 3.11 no longer writes it)
const TYPE_FLOAT: u32 = 0x66; // 'f'
const TYPE_BINARY_FLOAT: u32 = 0x67; // 'g'
const TYPE_COMPLEX: u32 = 0x78; // 'x'
const TYPE_BINARY_COMPLEX: u32 = 0x79; // 'y'
const TYPE_LONG: u32 = 0x6c; // 'l'
const TYPE_STRING: u32 = 0x73; // 's' (bytes)
const TYPE_INTERNED: u32 = 0x74; // 't'
const TYPE_REF: u32 = 0x72; // 'r'
const TYPE_TUPLE: u32 = 0x28; // '('
const TYPE_LIST: u32 = 0x5b; // '['
const TYPE_DICT: u32 = 0x7b; // '{'
const TYPE_CODE: u32 = 0x63; // 'c'
const TYPE_UNICODE: u32 = 0x75; // 'u'
const TYPE_SET: u32 = 0x3c; // '<'
const TYPE_FROZENSET: u32 = 0x3e; // '>'
const TYPE_ASCII: u32 = 0x61; // 'a'
const TYPE_ASCII_INTERNED: u32 = 0x41; // 'A'
const TYPE_SMALL_TUPLE: u32 = 0x29; // ')'
const TYPE_SHORT_ASCII: u32 = 0x7a; // 'z'
const TYPE_SHORT_ASCII_INTERNED: u32 = 0x5a; // 'Z'
const FLAG_REF: u32 = 0x80;

// ---------------------------------------------------------------------------------------------------
// Load state (one load at a time; nothing survives a load but its result)

let start: usize = 0;
let pos: usize = 0;
let end: usize = 0;
let consumed: usize = 0;
let backrefs: u32 = 0;

/** Growable scratch arrays in heap blocks: [ptr, count, capacity in elements]. */
let refs: usize = 0; // Value[]: borrowed; NULL = reserved (an object still being read)
let refsCount: u32 = 0;
let refsCap: u32 = 0;
let created: usize = 0; // u32[]: every object this load allocated
let createdCount: u32 = 0;
let createdCap: u32 = 0;
let drops: usize = 0; // Value[]: references to release when the load succeeds
let dropsCount: u32 = 0;
let dropsCap: u32 = 0;
let frames: usize = 0; // Frame[]
let framesCount: u32 = 0;
let framesCap: u32 = 0;

/**
 * A container being read. Code objects are built only when complete: their frame holds the ints
 * and field Values read so far.
 *
 *   offset 0   [ kind u32               | obj u32 (0 for code)          ]
 *          8   [ index u32 (items read) | count u32 (items declared)    ]
 *         16   [ slot i32 (ref slot to fill when complete, or -1) | 0 u32 ]
 *         24   [ 0 u32                  | 0 u32                         ]
 *         32   [ key Value (dict: key waiting for its value)            ]
 *         40   [ ints: i32 x 6 (code: argcount ... firstlineno)          ]
 *         64   [ fields: Value x 10 (code: co_code ... co_exceptiontable) ]
 */
@unmanaged
class Frame {
  kind: u32;
  obj: u32;
  index: u32;
  count: u32;
  slot: i32;
  reserved0: u32;
  reserved1: u32;
  reserved2: u32;
  key: u64;
}
const FRAME_INTS: usize = 40;
const FRAME_FIELDS: usize = 64;
const FRAME_SIZE: usize = 144;
// @ts-ignore: compile-time check
if (offsetof<Frame>() != FRAME_INTS) ERROR("Frame layout");

/** Grows a scratch array of `elemSize`-byte elements to hold one more; returns the new block or 0. */
function grow(ptr: usize, count: u32, cap: u32, elemSize: usize): usize {
  const next: u32 = cap < 16 ? 16 : cap * 2;
  const block = alloc(<usize>next * elemSize);
  if (block == 0) return 0;
  if (count > 0) memory.copy(block, ptr, <usize>count * elemSize);
  if (cap > 0) free(ptr, <usize>cap * elemSize);
  growCap = next;
  return block;
}
let growCap: u32 = 0;

function pushRef(v: Value): bool {
  if (refsCount == refsCap) {
    const b = grow(refs, refsCount, refsCap, 8);
    if (b == 0) {
      raiseMemory();
      return false;
    }
    refs = b;
    refsCap = growCap;
  }
  store<u64>(refs + (<usize>refsCount << 3), v);
  refsCount++;
  return true;
}

/** Records a new object in the creation log; on failure frees it and raises MemoryError. */
function track(p: usize): bool {
  if (createdCount == createdCap) {
    const b = grow(created, createdCount, createdCap, 4);
    if (b == 0) {
      freeShallow(p);
      raiseMemory();
      return false;
    }
    created = b;
    createdCap = growCap;
  }
  store<u32>(created + (<usize>createdCount << 2), <u32>p);
  createdCount++;
  return true;
}

/** The Value v (a new object, or NULL after an error) tracked; NULL on any failure. */
function tracked(v: Value): Value {
  if (v == NULL) return NULL;
  if (isObject(v) && !track(<usize>v)) return NULL;
  return v;
}

/** Schedules a decref for when the load has succeeded. */
function drop(v: Value): bool {
  if (!isObject(v)) return true;
  if (dropsCount == dropsCap) {
    const b = grow(drops, dropsCount, dropsCap, 8);
    if (b == 0) {
      raiseMemory();
      return false;
    }
    drops = b;
    dropsCap = growCap;
  }
  store<u64>(drops + (<usize>dropsCount << 3), v);
  dropsCount++;
  return true;
}

function pushFrame(kind: u32, obj: usize, count: u32, slot: i32): usize {
  if (framesCount == framesCap) {
    const b = grow(frames, framesCount, framesCap, FRAME_SIZE);
    if (b == 0) return raiseMemory();
    frames = b;
    framesCap = growCap;
  }
  const f = frames + <usize>framesCount * FRAME_SIZE;
  memory.fill(f, 0, FRAME_SIZE);
  const fr = changetype<Frame>(f);
  fr.kind = kind;
  fr.obj = <u32>obj;
  fr.count = count;
  fr.slot = slot;
  framesCount++;
  return f;
}

function popFrame(): void {
  framesCount--;
}

// ---------------------------------------------------------------------------------------------------
// Entry points

export function unmarshalInputAlloc(len: usize): usize {
  return alloc(len == 0 ? 1 : len);
}

export function unmarshalInputFree(ptr: usize, len: usize): void {
  free(ptr, len == 0 ? 1 : len);
}

export function unmarshalConsumed(): usize {
  return consumed;
}

export function unmarshalBackrefs(): u32 {
  return backrefs;
}

export function unmarshal(ptr: usize, len: usize): Value {
  errorClear();
  start = ptr;
  pos = ptr;
  end = ptr + len;
  consumed = 0;
  backrefs = 0;
  refsCount = 0;
  createdCount = 0;
  dropsCount = 0;
  framesCount = 0;
  const v = readAll();
  if (v == NULL) {
    // Error: free every object this load made, ignoring counts (see the file comment).
    while (framesCount > 0) popFrame();
    for (let i: usize = 0; i < <usize>createdCount; i++) freeShallow(<usize>load<u32>(created + (i << 2)));
  } else {
    consumed = pos - start;
    for (let i: usize = 0; i < <usize>dropsCount; i++) decref(load<u64>(drops + (i << 3)));
  }
  // Scratch arrays go back to the heap after every load, so a loaded object is all that stays.
  if (refsCap > 0) free(refs, <usize>refsCap << 3);
  if (createdCap > 0) free(created, <usize>createdCap << 2);
  if (dropsCap > 0) free(drops, <usize>dropsCap << 3);
  if (framesCap > 0) free(frames, <usize>framesCap * FRAME_SIZE);
  refs = created = drops = frames = 0;
  refsCap = createdCap = dropsCap = framesCap = 0;
  return v;
}

// ---------------------------------------------------------------------------------------------------
// Reading

// readOne's outcome: a value to hand to the innermost frame (in `current`, NULL marker in
// `currentIsNull`), a container frame pushed (read its first item next), or an error.
const GOT_VALUE: i32 = 0;
const PUSHED: i32 = 1;
const FAILED: i32 = -1;
let current: Value = 0;
let currentIsNull = false;
let result: Value = 0;

function readAll(): Value {
  for (;;) {
    const r = readOne();
    if (r == FAILED) return NULL;
    if (r == PUSHED) continue;
    const d = deliver(current, currentIsNull);
    if (d < 0) return NULL;
    if (d > 0) return result;
  }
  return NULL; // not reached
}

function eof(): i32 {
  raise(ERR_EOF, "marshal data too short");
  return FAILED;
}

// @ts-ignore: decorator
@inline function have(n: usize): bool {
  return end - pos >= n;
}

/** A 4-byte signed int (marshal's w_long); false after EOFError. */
function readInt32(): bool {
  if (!have(4)) {
    eof();
    return false;
  }
  int32 = load<i32>(pos); // wasm is little-endian, as marshal is
  pos += 4;
  return true;
}
let int32: i32 = 0;

/** A one-byte size (short strings, small tuples, text floats); -1 after EOFError. */
function readSizeByte(): i32 {
  if (pos >= end) {
    raise(ERR_EOF, "EOF read where not expected");
    return -1;
  }
  return <i32>load<u8>(pos++);
}

/** Hands v to readAll as the object just read, registering it for TYPE_REF when flagged. */
function gotValue(v: Value, flag: bool): i32 {
  if (v == NULL) return FAILED;
  if (flag && !pushRef(v)) return FAILED;
  current = v;
  currentIsNull = false;
  return GOT_VALUE;
}

function readOne(): i32 {
  if (pos >= end) {
    raise(ERR_EOF, "EOF read where object expected");
    return FAILED;
  }
  const code = <u32>load<u8>(pos++);
  if (framesCount + 1 > MAX_MARSHAL_DEPTH) {
    raise(ERR_VALUE, "recursion limit exceeded");
    return FAILED;
  }
  const flag = (code & FLAG_REF) != 0;
  switch (code & ~FLAG_REF) {
    case TYPE_NULL:
      current = NULL;
      currentIsNull = true;
      return GOT_VALUE;
    case TYPE_NONE:
      return gotValue(NONE, false);
    case TYPE_FALSE:
      return gotValue(FALSE, false);
    case TYPE_TRUE:
      return gotValue(TRUE, false);
    case TYPE_STOPITER:
      return gotValue(makeObject(STOP_ITERATION), false);
    case TYPE_ELLIPSIS:
      return gotValue(makeObject(ELLIPSIS), false);
    case TYPE_INT:
      if (!readInt32()) return FAILED;
      return gotValue(makeSmallInt(<i64>int32), flag);
    case TYPE_INT64: {
      if (!have(8)) return eof();
      const n = load<i64>(pos);
      pos += 8;
      return gotValue(tracked(intFromI64(n)), flag);
    }
    case TYPE_LONG:
      return gotValue(readLong(), flag);
    case TYPE_FLOAT: {
      if (!readFloatText()) return FAILED;
      return gotValue(tracked(floatNew(parsedFloat)), flag);
    }
    case TYPE_BINARY_FLOAT: {
      if (!have(8)) return eof();
      const x = load<f64>(pos);
      pos += 8;
      return gotValue(tracked(floatNew(x)), flag);
    }
    case TYPE_COMPLEX: {
      if (!readFloatText()) return FAILED;
      const re = parsedFloat;
      if (!readFloatText()) return FAILED;
      return gotValue(tracked(complexNew(re, parsedFloat)), flag);
    }
    case TYPE_BINARY_COMPLEX: {
      if (!have(8)) return eof();
      const re = load<f64>(pos);
      pos += 8;
      if (!have(8)) return eof();
      const im = load<f64>(pos);
      pos += 8;
      return gotValue(tracked(complexNew(re, im)), flag);
    }
    case TYPE_STRING: {
      if (!readInt32()) return FAILED;
      if (int32 < 0) return fail(ERR_VALUE, "bad marshal data (bytes object size out of range)");
      const n = <usize>int32;
      if (!have(n)) return eof();
      const p = bytesFromMemory(pos, n);
      pos += n;
      return gotValue(tracked(<u64>p), flag);
    }
    case TYPE_ASCII:
    case TYPE_ASCII_INTERNED: {
      if (!readInt32()) return FAILED;
      if (int32 < 0) return fail(ERR_VALUE, "bad marshal data (string size out of range)");
      return readLatin1(<usize>int32, flag, (code & ~FLAG_REF) == TYPE_ASCII_INTERNED);
    }
    case TYPE_SHORT_ASCII:
    case TYPE_SHORT_ASCII_INTERNED: {
      const n = readSizeByte();
      if (n < 0) return FAILED;
      return readLatin1(<usize>n, flag, (code & ~FLAG_REF) == TYPE_SHORT_ASCII_INTERNED);
    }
    case TYPE_UNICODE:
    case TYPE_INTERNED: {
      if (!readInt32()) return FAILED;
      if (int32 < 0) return fail(ERR_VALUE, "bad marshal data (string size out of range)");
      const n = <usize>int32;
      if (!have(n)) return eof();
      const p = strFromUtf8(pos, n);
      pos += n;
      if (p != 0 && (code & ~FLAG_REF) == TYPE_INTERNED) changetype<StrObject>(p).interned = 1;
      return gotValue(tracked(<u64>p), flag);
    }
    case TYPE_SMALL_TUPLE: {
      const n = readSizeByte();
      if (n < 0) return FAILED;
      return beginTuple(<u32>n, flag);
    }
    case TYPE_TUPLE:
      if (!readInt32()) return FAILED;
      if (int32 < 0) return fail(ERR_VALUE, "bad marshal data (tuple size out of range)");
      return beginTuple(<u32>int32, flag);
    case TYPE_LIST: {
      if (!readInt32()) return FAILED;
      if (int32 < 0) return fail(ERR_VALUE, "bad marshal data (list size out of range)");
      const n = <u32>int32;
      const l = tracked(<u64>vecAlloc(KIND_LIST, capacityFor(n)));
      if (l == NULL) return FAILED;
      if (flag && !pushRef(l)) return FAILED;
      if (n == 0) return gotValue(l, false);
      return pushFrame(KIND_LIST, <usize>l, n, -1) != 0 ? PUSHED : FAILED;
    }
    case TYPE_DICT: {
      const d = tracked(<u64>dictNew());
      if (d == NULL) return FAILED;
      if (flag && !pushRef(d)) return FAILED;
      return pushFrame(KIND_DICT, <usize>d, 0, -1) != 0 ? PUSHED : FAILED;
    }
    case TYPE_SET:
    case TYPE_FROZENSET: {
      if (!readInt32()) return FAILED;
      if (int32 < 0) return fail(ERR_VALUE, "bad marshal data (set size out of range)");
      const n = <u32>int32;
      const kind = (code & ~FLAG_REF) == TYPE_SET ? KIND_SET : KIND_FROZENSET;
      const s = tracked(<u64>setNew(kind));
      if (s == NULL) return FAILED;
      if (n == 0) return gotValue(s, flag);
      // A set is registered at once; a frozenset's slot is filled only when it is complete.
      const slot = flag ? <i32>refsCount : -1;
      if (flag && !pushRef(kind == KIND_SET ? s : NULL)) return FAILED;
      return pushFrame(kind, <usize>s, n, slot) != 0 ? PUSHED : FAILED;
    }
    case TYPE_CODE: {
      const slot = flag ? <i32>refsCount : -1;
      if (flag && !pushRef(NULL)) return FAILED; // reserved: the code object exists only at the end
      const f = pushFrame(KIND_CODE, 0, 10, slot);
      if (f == 0) return FAILED;
      for (let i: usize = 0; i < 5; i++) {
        if (!readInt32()) return FAILED;
        store<i32>(f + FRAME_INTS + (i << 2), int32);
      }
      return PUSHED;
    }
    case TYPE_REF: {
      if (!readInt32()) return FAILED;
      const n = int32;
      if (n < 0 || <u32>n >= refsCount || load<u64>(refs + (<usize>n << 3)) == NULL) {
        return fail(ERR_VALUE, "bad marshal data (invalid reference)");
      }
      const v = load<u64>(refs + (<usize>n << 3));
      incref(v);
      if (isObject(v) && isBeingRead(<usize>v)) backrefs++;
      return gotValue(v, false);
    }
  }
  return fail(ERR_VALUE, "bad marshal data (unknown type code)");
}

function fail(type: i32, msg: string): i32 {
  raise(type, msg);
  return FAILED;
}

/**
 * Room to preallocate for n declared items. Each item takes at least one byte, so data that says
 * more than the bytes left is corrupt and will fail with the error CPython reports once the items
 * run out; until then it must not make us allocate gigabytes.
 */
function capacityFor(n: u32): usize {
  const left = end - pos;
  return <usize>n < left ? <usize>n : left;
}

function beginTuple(n: u32, flag: bool): i32 {
  if (n == 0) return gotValue(makeObject(EMPTY_TUPLE), flag);
  const cap = capacityFor(n);
  // Never complete when cap < n (it fails first), but its size must be what was allocated.
  const t = tracked(<u64>tupleAlloc(cap == 0 ? 1 : cap));
  if (t == NULL) return FAILED;
  if (flag && !pushRef(t)) return FAILED;
  return pushFrame(KIND_TUPLE, <usize>t, n, -1) != 0 ? PUSHED : FAILED;
}

function readLatin1(n: usize, flag: bool, interned: bool): i32 {
  if (!have(n)) return eof();
  const p = strFromLatin1(pos, n);
  pos += n;
  if (p != 0 && interned) changetype<StrObject>(p).interned = 1;
  return gotValue(tracked(<u64>p), flag);
}

/** TYPE_LONG: a signed count of base-2**15 digits, least significant first; NULL after raising. */
function readLong(): Value {
  if (!readInt32()) return NULL;
  const n = int32;
  if (n == 0) return makeSmallInt(0);
  if (n == i32.MIN_VALUE) {
    raise(ERR_VALUE, "bad marshal data (long size out of range)");
    return NULL;
  }
  const count = <usize>(n < 0 ? -n : n);
  // Check digit by digit in CPython's order: a short input fails on the digits actually there.
  for (let i: usize = 0; i < count; i++) {
    if (end - pos < 2 * (i + 1)) {
      eof();
      return NULL;
    }
    const d = load<u16>(pos + 2 * i);
    if ((d & 0x8000) != 0) {
      raise(ERR_VALUE, "bad marshal data (digit out of range in long)");
      return NULL;
    }
    if (d == 0 && i == count - 1) {
      raise(ERR_VALUE, "bad marshal data (unnormalized long data)");
      return NULL;
    }
  }
  const v = intFromDigits15(pos, count, n < 0);
  pos += 2 * count;
  return tracked(v);
}

/** TYPE_FLOAT / TYPE_COMPLEX parts: a one-byte length and the repr text; result in parsedFloat. */
function readFloatText(): bool {
  const n = readSizeByte();
  if (n < 0) return false;
  if (!have(<usize>n)) {
    eof();
    return false;
  }
  // CPython copies into a C string, so parsing stops at an embedded NUL.
  let len: usize = 0;
  while (len < <usize>n && load<u8>(pos + len) != 0) len++;
  const ok = parseFloatText(pos, len);
  pos += <usize>n;
  return ok;
}

/** Whether p is a container some frame is still filling (a reference to it makes a cycle). */
function isBeingRead(p: usize): bool {
  for (let i: usize = 0; i < <usize>framesCount; i++) {
    if (<usize>load<u32>(frames + i * FRAME_SIZE, 4) == p) return true;
  }
  return false;
}

/**
 * Gives v (or the NULL marker) to the innermost frame; a container that becomes complete is given
 * to its parent in turn. Returns 0 when the next object must be read, 1 when the root is complete
 * (in `result`), -1 after an error.
 */
function deliver(v: Value, isNull: bool): i32 {
  for (;;) {
    if (framesCount == 0) {
      if (isNull) {
        raise(ERR_TYPE, "NULL object in marshal data for object");
        return -1;
      }
      result = v;
      return 1;
    }
    const f = frames + <usize>(framesCount - 1) * FRAME_SIZE;
    const fr = changetype<Frame>(f);
    switch (fr.kind) {
      case KIND_TUPLE: {
        if (isNull) {
          raise(ERR_TYPE, "NULL object in marshal data for tuple");
          return -1;
        }
        tupleSetItem(<usize>fr.obj, <usize>fr.index, v);
        fr.index++;
        if (fr.index < fr.count) return 0;
        break;
      }
      case KIND_LIST: {
        if (isNull) {
          raise(ERR_TYPE, "NULL object in marshal data for list");
          return -1;
        }
        if (!vecAppend(<usize>fr.obj, v)) return -1;
        fr.index++;
        if (fr.index < fr.count) return 0;
        break;
      }
      case KIND_DICT: {
        // A NULL key or value ends the dict (the writer puts one NULL after the last pair).
        if (isNull) {
          if ((fr.index & 1) != 0 && !drop(fr.key)) return -1; // a key without a value
          break;
        }
        if ((fr.index & 1) == 0) {
          fr.key = v;
          fr.index++;
          return 0;
        }
        fr.index++;
        if (!dictAdd(f, fr.key, v)) return -1;
        return 0;
      }
      case KIND_SET:
      case KIND_FROZENSET: {
        if (isNull) {
          raise(ERR_TYPE, "NULL object in marshal data for set");
          return -1;
        }
        if (!setAdd(f, v)) return -1;
        fr.index++;
        if (fr.index < fr.count) return 0;
        if (fr.slot >= 0) store<u64>(refs + (<usize>fr.slot << 3), <u64>fr.obj);
        break;
      }
      case KIND_CODE: {
        if (isNull) {
          raise(ERR_TYPE, "NULL object in marshal data for code object");
          return -1;
        }
        store<u64>(f + FRAME_FIELDS + (<usize>fr.index << 3), v);
        fr.index++;
        if (fr.index == 8) {
          // co_firstlineno sits between co_qualname and co_linetable
          if (!readInt32()) return -1;
          store<i32>(f + FRAME_INTS + (<usize>CI_FIRSTLINENO << 2), int32);
        }
        if (fr.index < 10) return 0;
        const code = finishCode(f);
        if (code == 0) return -1;
        if (fr.slot >= 0) store<u64>(refs + (<usize>fr.slot << 3), <u64>code);
        fr.obj = <u32>code;
        break;
      }
    }
    // The innermost container is complete: pop it and hand it to its parent.
    v = <u64>fr.obj;
    isNull = false;
    popFrame();
  }
  return -1; // not reached
}

function finishCode(f: usize): usize {
  const ints = f + FRAME_INTS;
  const fields = f + FRAME_FIELDS;
  if (!codeValidate(ints, fields)) return 0;
  const marshalled = <usize>load<u64>(fields);
  const code = codeDeopt(marshalled);
  if (code == 0) return 0;
  if (code != marshalled) {
    if (!track(code)) return 0;
    store<u64>(fields, <u64>code);
    if (!drop(<u64>marshalled)) return 0;
  }
  const c = codeNew(ints, fields);
  if (c == 0 || !track(c)) return 0;
  return c;
}

// ---------------------------------------------------------------------------------------------------
// Set elements and dict keys: added as PySet_Add / PyDict_SetItem add them. Nothing is freed during
// a load (see the file comment): what the container does not keep goes on the drop list.

function setAdd(f: usize, v: Value): bool {
  const h = hashValue(v);
  if (h == -1) return false;
  const r = setAddSteal(<usize>changetype<Frame>(f).obj, v, h);
  if (r < 0) return false;
  return r > 0 || drop(v); // present already: Python keeps the element that is there
}

function dictAdd(f: usize, key: Value, value: Value): bool {
  const h = hashValue(key);
  if (h == -1) return false;
  const d = <usize>changetype<Frame>(f).obj;
  const ix = dictLookupKnownHash(d, key, h);
  if (ix == DKIX_ERROR) return false;
  if (ix == DKIX_EMPTY) return dictInsertNewSteal(d, key, h, value);
  // Python keeps the first key object and the last value.
  return drop(dictSwapValue(d, <u32>ix, value)) && drop(key);
}
