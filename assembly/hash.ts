/**
 * hash() and the equality that dict and set lookups use, as CPython 3.11 computes them on a 64-bit
 * build under PYTHONHASHSEED=0 (host/hash.ts is the verified TypeScript statement of the same facts).
 *
 *   str, bytes      siphash13 with the all-zero key over the object's data (str: its 1/2/4-byte
 *                   units, which is CPython's PEP 393 buffer); 0 for empty; cached in the object
 *   int, float      int.ts intHash, float.ts hashDouble (a NaN hashes by its object's address)
 *   complex         hash(real) + 1000003 * hash(imag), wrapping
 *   tuple           3.8+'s xxHash-style accumulation of the item hashes (not cached, as CPython)
 *   frozenset       xor of the shuffled entry hashes, mixed with the size (cached in the set)
 *   code            3.11's code_hash: hash(co_name) ^ hash(co_consts) ^ hash(co_names) ^
 *                   hash(co_localsplusnames) ^ hash(co_linetable) ^ hash(co_exceptiontable) ^
 *                   argcount ^ posonlyargcount ^ kwonlyargcount ^ flags
 *   bool            0 / 1
 *   None, Ellipsis  CPython hashes them by address (_Py_HashPointer: the address rotated right by
 *                   4 bits), which differs per process. We use fixed values taken from one
 *                   python3.11 process on the reference machine (their low 8 bits, which come from
 *                   the address's page offset, are the same in every process of that build, so
 *                   small sets holding None order as CPython's do); a host mirroring a particular
 *                   CPython process can set both with setAddressHashes(), as host/setorder.ts does.
 *   StopIteration   (the static type object) and anything else hashed by identity here: our address
 *                   rotated as _Py_HashPointer does (so never CPython's value)
 *   list, dict, set, dict_keys, dict_items, slice, bytearray: TypeError "unhashable type: 'list'"
 *   instances of Python classes (heap types): ops.objHash, which runs __hash__; when it falls back
 *                   to the builtin hash by calling hashValue (or hashBuiltin) for the same value,
 *                   that call hashes by kind (a guard keeps the two from bouncing)
 *   other builtin kinds (functions, modules, iterators, types, ...): identity, _Py_HashPointer-style
 *
 * A hash of -1 is reported as -2 (-1 is the error return). Nested tuples are hashed with an explicit
 * stack of frames, not wasm recursion; HASH_MAX_DEPTH levels raise RecursionError (a tuple that
 * contains itself, which marshal data can make, gets CPython's "while calling a Python object").
 *
 * Equality (valueEq): identity, then numbers across int/bool/float/complex exactly (1 == 1.0 ==
 * True, 2**53 + 1 != 2.0**53), str and bytes by content, tuples item by item, set/frozenset as sets
 * (the other set probed with the entries' cached hashes, as set_issubset does), code objects by
 * identity only (CPython compares their fields; nothing here needs that); instances of Python
 * classes and builtin kinds not listed through ops.objEq, which may run Python code (when objEq
 * comes back to valueEq for the same pair, the kinds decide, so the two cannot bounce). Nested
 * containers use an explicit stack of frames too.
 *
 * Both machines are reentrant (ops.objHash / ops.objEq may run code that hashes and compares):
 * frames live in one stack per machine, a nested invocation works above the frames of the one that
 * called out. The first STATIC_FRAMES frames are static; deeper ones go to a heap block that is
 * allocated when first needed and freed when the outermost invocation returns (so nothing stays
 * allocated between operations).
 *
 * Entry points: hashValue, hashBuiltin, strHash, bytesHash, pointerHash, siphash13,
 * setAddressHashes, valueEq.
 */
import { alloc, free } from "./heap";
import { Value, NULL, NONE, TRUE, FALSE, isSmallInt, isObject, makeSmallInt, getSmallInt } from "./values";
import {
  kindOf,
  kindOfValue,
  typeOf,
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
  KIND_CODE,
  KIND_ELLIPSIS,
  KIND_EXCEPTION,
  KIND_DICT_KEYS,
  KIND_DICT_ITEMS,
  KIND_SLICE,
  KIND_BYTEARRAY,
  KIND_RANGE,
  TPFLAG_HEAPTYPE,
  ELLIPSIS,
  raiseBegin,
  raiseMsg,
  raiseMemory,
  errText,
  errTypeName,
  EXC_TypeError,
  EXC_RecursionError,
} from "./types";
import { StrObject, strLength, strKind, strData, strEqual } from "./str";
import { BytesObject, bytesLength, bytesData, bytesEqual } from "./bytes";
import { tupleSize, tupleItem } from "./tuple";
import { intHash, bigEqual, bigEqualsDouble } from "./int";
import { floatValue, complexReal, complexImag, hashDouble } from "./float";
import { CodeObject, codeField, CF_NAME, CF_CONSTS, CF_NAMES, CF_LPNAMES, CF_LINETABLE, CF_EXCTABLE } from "./code";
import { incref, decref } from "./refcount";
import { objHash, objEq } from "./ops";
import { SET_DUMMY, setUsed, setMask, setTable, setCachedHash, frozensetHash } from "./set";

// ---------------------------------------------------------------------------------------------------
// siphash13 (CPython's default string hash since 3.11), key (0, 0)

// @ts-ignore: decorator
@inline function rotl(x: u64, b: u64): u64 {
  return (x << b) | (x >> (64 - b));
}

// State of the running siphash (module globals: wasm has no multi-value returns in AS).
let sv0: u64 = 0;
let sv1: u64 = 0;
let sv2: u64 = 0;
let sv3: u64 = 0;

// @ts-ignore: decorator
@inline function sipRound(): void {
  sv0 += sv1;
  sv2 += sv3;
  sv1 = rotl(sv1, 13) ^ sv0;
  sv3 = rotl(sv3, 16) ^ sv2;
  sv0 = rotl(sv0, 32);
  sv2 += sv1;
  sv0 += sv3;
  sv1 = rotl(sv1, 17) ^ sv2;
  sv3 = rotl(sv3, 21) ^ sv0;
  sv2 = rotl(sv2, 32);
}

/** siphash-1-3 of [src, src + len) with the zero key, as _Py_HashBytes (without its 0/-1 rules). */
export function siphash13(src: usize, len: usize): u64 {
  // "somepseudorandomlygeneratedbytes" xor the (zero) key
  sv0 = 0x736f6d6570736575;
  sv1 = 0x646f72616e646f6d;
  sv2 = 0x6c7967656e657261;
  sv3 = 0x7465646279746573;
  const whole = len & ~(<usize>7);
  for (let i: usize = 0; i < whole; i += 8) {
    const m = load<u64>(src + i); // little-endian, as siphash reads its words
    sv3 ^= m;
    sipRound();
    sv0 ^= m;
  }
  let t: u64 = <u64>(len & 0xff) << 56;
  for (let k: usize = 0; whole + k < len; k++) t |= <u64>load<u8>(src + whole + k) << (<u64>k << 3);
  sv3 ^= t;
  sipRound();
  sv0 ^= t;
  sv2 ^= 0xff;
  sipRound();
  sipRound();
  sipRound();
  return sv0 ^ sv1 ^ sv2 ^ sv3;
}

/** _Py_HashBytes: 0 for empty data, -1 mapped to -2. */
function hashBytesRaw(src: usize, len: usize): i64 {
  if (len == 0) return 0;
  const h = <i64>siphash13(src, len);
  return h == -1 ? -2 : h;
}

/** hash(str), computed once and cached in the object's hash field. */
export function strHash(p: usize): i64 {
  const s = changetype<StrObject>(p);
  let h = s.hash;
  if (h != -1) return h;
  h = hashBytesRaw(strData(p), <usize>strLength(p) * <usize>strKind(p));
  s.hash = h;
  return h;
}

/** hash(bytes), cached like str's. */
export function bytesHash(p: usize): i64 {
  const b = changetype<BytesObject>(p);
  let h = b.hash;
  if (h != -1) return h;
  h = hashBytesRaw(bytesData(p), <usize>bytesLength(p));
  b.hash = h;
  return h;
}

/** _Py_HashPointer of our address: rotated right by 4 bits (the low bits of an address are 0). */
export function pointerHash(p: usize): i64 {
  const y = <u64>p;
  const h = <i64>((y >> 4) | (y << 60));
  return h == -1 ? -2 : h;
}

// hash(None) and hash(...) of one python3.11 process (see the file comment).
let noneHash: i64 = 8739016432574;
let ellipsisHash: i64 = 8739016433126;

/** Declares hash(None) and hash(...) as the CPython process being mirrored computes them. */
export function setAddressHashes(none: i64, ellipsis: i64): void {
  noneHash = none;
  ellipsisHash = ellipsis;
}

// ---------------------------------------------------------------------------------------------------
// hash()

const XXPRIME_1: u64 = 11400714785074694791;
const XXPRIME_2: u64 = 14029467366897019727;
const XXPRIME_5: u64 = 2870177450012600261;

// @ts-ignore: decorator
@inline function tupleLane(acc: u64, lane: i64): u64 {
  acc += <u64>lane * XXPRIME_2;
  acc = rotl(acc, 31);
  return acc * XXPRIME_1;
}

// @ts-ignore: decorator
@inline function tupleFinish(acc: u64, n: usize): i64 {
  acc += <u64>n ^ (XXPRIME_5 ^ 3527539);
  return acc == 0xffffffffffffffff ? 1546275796 : <i64>acc;
}

function complexHash(p: usize): i64 {
  const hr = hashDouble(complexReal(p), p);
  const hi = hashDouble(complexImag(p), p);
  const h = <i64>(<u64>hr + <u64>1000003 * <u64>hi);
  return h == -1 ? -2 : h;
}

/** hash of a tuple whose items are all str (code objects' name tuples, validated as such). */
function strTupleHash(t: usize): i64 {
  const n = <usize>tupleSize(t);
  let acc = XXPRIME_5;
  for (let i: usize = 0; i < n; i++) acc = tupleLane(acc, strHash(<usize>tupleItem(t, i)));
  return tupleFinish(acc, n);
}

/** The parts of code_hash other than hash(co_consts). */
function codeHashRest(c: usize): i64 {
  const o = changetype<CodeObject>(c);
  return (
    strHash(codeField(c, CF_NAME)) ^
    strTupleHash(codeField(c, CF_NAMES)) ^
    strTupleHash(codeField(c, CF_LPNAMES)) ^
    bytesHash(codeField(c, CF_LINETABLE)) ^
    bytesHash(codeField(c, CF_EXCTABLE)) ^
    <i64>(o.argcount ^ o.posonlyargcount ^ o.kwonlyargcount ^ o.flags)
  );
}

/** The int hash of a magnitude (and sign) that fits 64 bits. */
function magnitudeHash(m: u64, neg: bool): i64 {
  let h = <i64>(m % 0x1fffffffffffffff);
  if (neg) h = -h;
  return h == -1 ? -2 : h;
}

/** hash(range): the hash of (len, start, step), with None for step when len == 1 and for both when 0. */
function rangeHash(r: usize): i64 {
  if (rangeIsLong(r)) return longRangeHash(r); // fields are int objects there
  const n = rangeLength(r);
  let acc = tupleLane(XXPRIME_5, magnitudeHash(n, false));
  if (n == 0) {
    acc = tupleLane(tupleLane(acc, noneHash), noneHash);
  } else {
    const start = rangeStart(r);
    acc = tupleLane(acc, magnitudeHash(start < 0 ? <u64>0 - <u64>start : <u64>start, start < 0));
    const step = rangeStep(r);
    acc = tupleLane(acc, n == 1 ? noneHash : magnitudeHash(step < 0 ? <u64>0 - <u64>step : <u64>step, step < 0));
  }
  return tupleFinish(acc, 3);
}
import { rangeStart, rangeStep, rangeLength } from "./range";
import { rangeIsLong, longRangeHash } from "./range-long";

import { KIND_MAPPINGPROXY } from "./types";
function raiseUnhashable(v: Value): i64 {
  raiseBegin(EXC_TypeError);
  errText("unhashable type: '");
  errTypeName(v);
  errText("'");
  return -1;
}

/**
 * hashLeaf / hashByKind: the hash of a value that holds no values to hash, -1 on error; for a
 * non-empty tuple or a code object they set `needFrame` instead (the frame machine walks those).
 */
let needFrame = false;

/** Whether v is an instance of a class made by a class statement (its dunders may be Python code). */
// @ts-ignore: decorator
@inline function isHeapInstance(v: Value): bool {
  return isObject(v) && (load<u32>(typeOf(v), 12) & TPFLAG_HEAPTYPE) != 0;
}

/** The value ops.objHash is hashing right now (its fallback to us must not come back to it). */
let hashDelegated: Value = 0;

function hashLeaf(v: Value): i64 {
  if (isHeapInstance(v) && v != hashDelegated) {
    const saved = hashDelegated;
    hashDelegated = v;
    const h = objHash(v);
    hashDelegated = saved;
    needFrame = false; // (whatever the code it ran left there)
    return h;
  }
  return hashByKind(v);
}

/** The builtin hash by kind, never delegating to ops.objHash. */
function hashByKind(v: Value): i64 {
  if (isSmallInt(v)) return intHash(v);
  if (!isObject(v)) {
    if (v == NONE) return noneHash;
    if (v == TRUE) return 1;
    if (v == FALSE) return 0;
    return raiseUnhashable(v); // NULL or an unknown immediate: nothing Python can hash
  }
  const p = <usize>v;
  switch (kindOf(p)) {
    case KIND_STR:
      return strHash(p);
    case KIND_INT:
      return intHash(v);
    case KIND_FLOAT:
      return hashDouble(floatValue(p), p);
    case KIND_TUPLE:
      if (tupleSize(p) == 0) return tupleFinish(XXPRIME_5, 0);
      needFrame = true;
      return 0;
    case KIND_BYTES:
      return bytesHash(p);
    case KIND_FROZENSET:
      return frozensetHash(p);
    case KIND_COMPLEX:
      return complexHash(p);
    case KIND_CODE:
      needFrame = true;
      return 0;
    case KIND_RANGE:
      return rangeHash(p);
    case KIND_ELLIPSIS:
      return p == ELLIPSIS ? ellipsisHash : pointerHash(p);
    case KIND_EXCEPTION:
      return pointerHash(p);
    case KIND_LIST:
    case KIND_DICT:
    case KIND_SET:
    case KIND_DICT_KEYS:
    case KIND_DICT_ITEMS:
    case KIND_SLICE:
    case KIND_BYTEARRAY:
    case KIND_MAPPINGPROXY:
      return raiseUnhashable(v);
    case KIND_METHOD: {
      // As equality (collections.ts): the bound object's identity and the function's.
      const h = pointerHash(<usize>load<u64>(p + 16)) ^ pointerHash(<usize>load<u64>(p + 8));
      return h == -1 ? -2 : h;
    }
  }
  return pointerHash(p); // functions, modules, types, iterators, plain instances: identity
}

/** Deepest nesting of tuples/code objects hashValue follows (CPython would use its C stack). */
export const HASH_MAX_DEPTH: u32 = 4000;
const STATIC_FRAMES: u32 = 64;

// Hash frames: [ p u32 | i u32 ] [ n u32 | kind u32 ] [ acc u64 ]; kind TUPLE or CODE (whose one
// "item" is co_consts).
const HFRAME: usize = 24;
const H_STATIC: usize = memory.data(<i32>(STATIC_FRAMES * <u32>HFRAME), 8);
let hSpill: usize = 0;
let hTop: u32 = 0;

// @ts-ignore: decorator
@inline function hFrame(i: u32): usize {
  return i < STATIC_FRAMES ? H_STATIC + <usize>i * HFRAME : hSpill + <usize>(i - STATIC_FRAMES) * HFRAME;
}

function hPush(p: usize): bool {
  if (hTop >= HASH_MAX_DEPTH) {
    raiseRecursion(p);
    return false;
  }
  if (hTop >= STATIC_FRAMES && hSpill == 0) {
    hSpill = alloc(<usize>(HASH_MAX_DEPTH - STATIC_FRAMES) * HFRAME);
    if (hSpill == 0) {
      raiseMemory();
      return false;
    }
  }
  const f = hFrame(hTop++);
  const kind = kindOf(p);
  store<u32>(f, <u32>p);
  store<u32>(f, 0, 4);
  store<u32>(f, kind == KIND_TUPLE ? tupleSize(p) : 1, 8);
  store<u32>(f, kind, 12);
  store<u64>(f, XXPRIME_5, 16);
  return true;
}

/** At the depth limit: a container already on the stack means a cycle (marshal data can make one). */
function raiseRecursion(p: usize): void {
  let cycle = false;
  for (let d: u32 = 0; d < hTop; d++) if (<usize>load<u32>(hFrame(d)) == p) cycle = true;
  raiseMsg(
    EXC_RecursionError,
    cycle ? "maximum recursion depth exceeded while calling a Python object" : "maximum recursion depth exceeded",
  );
}

/** hash(v): the 64-bit hash, or -1 with an exception raised (TypeError for unhashable values). */
export function hashValue(v: Value): i64 {
  needFrame = false;
  const h = hashLeaf(v);
  if (!needFrame) return h;
  return hashNested(<usize>v);
}

/** hash(v) by v's kind, without ops.objHash for v itself (what objHash's fallback should call). */
export function hashBuiltin(v: Value): i64 {
  needFrame = false;
  const h = hashByKind(v);
  if (!needFrame) return h;
  return hashNested(<usize>v);
}

/** The frame machine for a tuple or code object. */
function hashNested(root: usize): i64 {
  const base = hTop;
  let result: i64 = -1;
  if (hPush(root)) {
    for (;;) {
      const f = hFrame(hTop - 1);
      const p = <usize>load<u32>(f);
      const i = load<u32>(f, 4);
      const kind = load<u32>(f, 12);
      if (i < load<u32>(f, 8)) {
        store<u32>(f, i + 1, 4);
        const item = kind == KIND_TUPLE ? tupleItem(p, <usize>i) : <Value>codeField(p, CF_CONSTS);
        if (item == NULL) continue; // a tuple marshal is still reading (only reachable through marshal refs)
        needFrame = false;
        const h = hashLeaf(item);
        if (needFrame) {
          if (!hPush(<usize>item)) break;
          continue;
        }
        if (h == -1) break;
        // (after a call out to objHash the frame is still ours: nested invocations work above it)
        store<u64>(f, kind == KIND_TUPLE ? tupleLane(load<u64>(f, 16), h) : <u64>h, 16);
        continue;
      }
      // complete
      let h: i64;
      if (kind == KIND_TUPLE) {
        h = tupleFinish(load<u64>(f, 16), <usize>load<u32>(f, 8));
      } else {
        // a code frame's accumulator holds hash(co_consts), its one child
        h = <i64>load<u64>(f, 16) ^ codeHashRest(p);
        if (h == -1) h = -2;
      }
      hTop--;
      if (hTop == base) {
        result = h;
        break;
      }
      const parent = hFrame(hTop - 1);
      if (load<u32>(parent, 12) == KIND_TUPLE) store<u64>(parent, tupleLane(load<u64>(parent, 16), h), 16);
      else store<u64>(parent, <u64>h, 16); // a code frame's child is co_consts: keep its hash
    }
  }
  hTop = base;
  if (base == 0 && hSpill != 0) {
    free(hSpill, <usize>(HASH_MAX_DEPTH - STATIC_FRAMES) * HFRAME);
    hSpill = 0;
  }
  return result;
}

// ---------------------------------------------------------------------------------------------------
// Equality

// @ts-ignore: decorator
@inline function isNumberKind(k: u32): bool {
  return k == KIND_INT || k == KIND_BOOL || k == KIND_FLOAT || k == KIND_COMPLEX;
}

/** Kinds whose equality is decided here (anything else goes to ops.objEq). */
// @ts-ignore: decorator
@inline function isOwnKind(k: u32): bool {
  return (
    (k >= KIND_NONE && k <= KIND_BYTES) ||
    k == KIND_TUPLE ||
    k == KIND_SET ||
    k == KIND_FROZENSET ||
    k == KIND_CODE ||
    k == KIND_ELLIPSIS ||
    k == KIND_EXCEPTION
  );
}

import { asInt } from "./number";
function numberEqual(a: Value, ka: u32, b: Value, kb: u32): bool {
  if (ka == KIND_COMPLEX || kb == KIND_COMPLEX) {
    if (ka == KIND_COMPLEX && kb == KIND_COMPLEX) {
      return complexReal(<usize>a) == complexReal(<usize>b) && complexImag(<usize>a) == complexImag(<usize>b);
    }
    const c = <usize>(ka == KIND_COMPLEX ? a : b);
    const o = ka == KIND_COMPLEX ? b : a;
    return complexImag(c) == 0 && realEqualsDouble(o, complexReal(c));
  }
  if (ka == KIND_FLOAT) return realEqualsDouble(b, floatValue(<usize>a));
  if (kb == KIND_FLOAT) return realEqualsDouble(a, floatValue(<usize>b));
  // int and bool
  const x = asInt(a); // (bools and small-valued int subclass instances as small ints)
  const y = asInt(b);
  if (isSmallInt(x) || isSmallInt(y)) return x == y; // canonical: a big int never equals a small one
  return bigEqual(<usize>x, <usize>y);
}

/** An int, bool or float v == the double f, exactly. */
function realEqualsDouble(v: Value, f: f64): bool {
  if (v == TRUE) return f == 1;
  if (v == FALSE) return f == 0;
  if (isSmallInt(v)) {
    if (!(f >= -9223372036854775808.0 && f < 9223372036854775808.0) || Math.floor(f) != f) return false;
    return <i64>f == getSmallInt(v);
  }
  const p = <usize>v;
  if (kindOf(p) == KIND_FLOAT) return floatValue(p) == f;
  return bigEqualsDouble(p, f);
}

// eqStep outcomes
const EQ_FALSE: i32 = 0;
const EQ_TRUE: i32 = 1;
const EQ_DESCEND: i32 = 2; // two tuples or two sets of one size: compare their items
const EQ_CALL: i32 = 3; // not ours: ops.objEq decides

// @ts-ignore: decorator
@inline function isAnySetKind(k: u32): bool {
  return k == KIND_SET || k == KIND_FROZENSET;
}

// The pair ops.objEq is comparing right now: when it comes back to valueEq for it, kinds decide.
let eqDelegA: Value = 0;
let eqDelegB: Value = 0;

// @ts-ignore: decorator
@inline function isDelegated(a: Value, b: Value): bool {
  return (a == eqDelegA && b == eqDelegB) || (a == eqDelegB && b == eqDelegA);
}

/** One comparison without descending into containers or calling out. */
function eqStep(a: Value, b: Value): i32 {
  if (a == b) return EQ_TRUE;
  if (a == NULL || b == NULL) return EQ_FALSE; // a tuple marshal is still filling
  if ((isHeapInstance(a) || isHeapInstance(b)) && !isDelegated(a, b)) return EQ_CALL;
  const ka = kindOfValue(a);
  const kb = kindOfValue(b);
  if (ka == kb) {
    switch (ka) {
      case KIND_STR:
        return strEqual(<usize>a, <usize>b) ? EQ_TRUE : EQ_FALSE;
      case KIND_INT:
        return isSmallInt(a) || isSmallInt(b) ? EQ_FALSE : bigEqual(<usize>a, <usize>b) ? EQ_TRUE : EQ_FALSE;
      case KIND_BYTES:
        return bytesEqual(<usize>a, <usize>b) ? EQ_TRUE : EQ_FALSE;
      case KIND_TUPLE: {
        const n = tupleSize(<usize>a);
        return n != tupleSize(<usize>b) ? EQ_FALSE : n == 0 ? EQ_TRUE : EQ_DESCEND;
      }
    }
  }
  if (isNumberKind(ka) && isNumberKind(kb)) return numberEqual(a, ka, b, kb) ? EQ_TRUE : EQ_FALSE;
  if (isAnySetKind(ka) && isAnySetKind(kb)) {
    const n = setUsed(<usize>a);
    if (n != setUsed(<usize>b)) return EQ_FALSE;
    const ha = setCachedHash(<usize>a);
    const hb = setCachedHash(<usize>b);
    if (ha != -1 && hb != -1 && ha != hb) return EQ_FALSE;
    return n == 0 ? EQ_TRUE : EQ_DESCEND;
  }
  if ((isOwnKind(ka) && isOwnKind(kb)) || isDelegated(a, b)) return EQ_FALSE;
  return EQ_CALL;
}

/** ops.objEq with both operands held alive (the code it runs may drop their containers). */
function callEq(a: Value, b: Value): i32 {
  const savedA = eqDelegA;
  const savedB = eqDelegB;
  eqDelegA = a;
  eqDelegB = b;
  incref(a);
  incref(b);
  const r = objEq(a, b);
  decref(a);
  decref(b);
  eqDelegA = savedA;
  eqDelegB = savedB;
  return r;
}

/** a == b for lookups: 1, 0, or -1 with an exception raised. */
export function valueEq(a: Value, b: Value): i32 {
  const s = eqStep(a, b);
  if (s == EQ_DESCEND) return eqNested(a, b);
  if (s == EQ_CALL) return callEq(a, b);
  return s;
}

/**
 * Equality frames, 64 bytes:
 *   0 a u32 | 4 b u32 | 8 kind u32 | 12 i u32 (tuple: item; set: slot of a whose element is sought)
 *   16 run u32 | 20 off u32 | 24 probes u32 | 28 fresh u32   (set: probe position in b's table)
 *   32 perturb u64 | 40 hx i64 (the sought element's hash) | 48 tableB u32 | 52 0 | 56 y Value
 * For a set frame the probe follows set_lookkey: a run of up to LINEAR_PROBES + 1 adjacent slots
 * from `run`, then the perturbed jump; `tableB`/`y` detect a b mutated while Python code ran (then
 * the search for that element restarts, as set_lookkey restarts).
 */
const EFRAME: usize = 64;
const E_STATIC: usize = memory.data(<i32>(STATIC_FRAMES * <u32>EFRAME), 8);
let eSpill: usize = 0;
let eTop: u32 = 0;
const EQ_MAX_DEPTH: u32 = 4000;
const LINEAR_PROBES: u32 = 9;

// @ts-ignore: decorator
@inline function eFrame(i: u32): usize {
  return i < STATIC_FRAMES ? E_STATIC + <usize>i * EFRAME : eSpill + <usize>(i - STATIC_FRAMES) * EFRAME;
}

function ePush(a: Value, b: Value): bool {
  if (eTop >= EQ_MAX_DEPTH) {
    raiseMsg(EXC_RecursionError, "maximum recursion depth exceeded in comparison");
    return false;
  }
  if (eTop >= STATIC_FRAMES && eSpill == 0) {
    eSpill = alloc(<usize>(EQ_MAX_DEPTH - STATIC_FRAMES) * EFRAME);
    if (eSpill == 0) {
      raiseMemory();
      return false;
    }
  }
  const f = eFrame(eTop++);
  store<u32>(f, <u32>a);
  store<u32>(f, <u32>b, 4);
  store<u32>(f, kindOfValue(a) == KIND_TUPLE ? KIND_TUPLE : KIND_SET, 8);
  store<u32>(f, 0, 12);
  store<u32>(f, 1, 28); // fresh: start with the first element
  return true;
}

// frame step outcomes
const F_FALSE: i32 = 0;
const F_TRUE: i32 = 1;
const F_PUSH: i32 = 2; // compare (pendA, pendB) in a new frame, then resume
const F_ERROR: i32 = -1;
let pendA: Value = 0;
let pendB: Value = 0;

function eqNested(a: Value, b: Value): i32 {
  const base = eTop;
  let result: i32 = -1;
  if (ePush(a, b)) {
    let resume = false;
    let child: i32 = 0;
    for (;;) {
      const f = eFrame(eTop - 1);
      const r = load<u32>(f, 8) == KIND_TUPLE ? tupleStep(f, resume, child) : setStep(f, resume, child);
      resume = false;
      if (r == F_PUSH) {
        if (!ePush(pendA, pendB)) break;
        continue;
      }
      if (r == F_ERROR) break;
      eTop--;
      if (eTop == base) {
        result = r;
        break;
      }
      resume = true;
      child = r;
    }
  }
  eTop = base;
  if (base == 0 && eSpill != 0) {
    free(eSpill, <usize>(EQ_MAX_DEPTH - STATIC_FRAMES) * EFRAME);
    eSpill = 0;
  }
  return result;
}

function tupleStep(f: usize, resume: bool, child: i32): i32 {
  const a = <usize>load<u32>(f);
  const b = <usize>load<u32>(f, 4);
  let i = load<u32>(f, 12);
  if (resume) {
    if (child == 0) return F_FALSE;
    i++;
  }
  const n = tupleSize(a);
  for (; i < n; i++) {
    const x = tupleItem(a, <usize>i);
    const y = tupleItem(b, <usize>i);
    const s = eqStep(x, y);
    if (s == EQ_TRUE) continue;
    if (s == EQ_FALSE) return F_FALSE;
    if (s == EQ_DESCEND) {
      store<u32>(f, i, 12);
      pendA = x;
      pendB = y;
      return F_PUSH;
    }
    const r = callEq(x, y);
    if (r < 0) return F_ERROR;
    if (r == 0) return F_FALSE;
  }
  return F_TRUE;
}

/** Is every element of set a in set b? (sizes are equal: that makes it a == b) */
function setStep(f: usize, resume: bool, child: i32): i32 {
  const a = <usize>load<u32>(f);
  const b = <usize>load<u32>(f, 4);
  let i = load<u32>(f, 12);
  let run = load<u32>(f, 16);
  let off = load<u32>(f, 20);
  let probes = load<u32>(f, 24);
  let perturb = load<u64>(f, 32);
  let hx = load<i64>(f, 40);
  let start = load<u32>(f, 28) != 0; // look for the element at slot >= i from scratch
  let advance = false;
  if (resume) {
    const moved = setTable(b) != <usize>load<u32>(f, 48) ||
      load<u64>(setTable(b) + (<usize>(run + off) << 4), 8) != load<u64>(f, 56);
    if (moved) {
      restartProbe(f, b, hx);
      run = load<u32>(f, 16);
      off = 0;
      probes = load<u32>(f, 24);
      perturb = <u64>hx;
    } else if (child != 0) {
      i++;
      start = true;
    } else {
      advance = true;
    }
  }
  for (;;) {
    if (start) {
      const ta = setTable(a);
      const ma = setMask(a);
      while (i <= ma) {
        const k = load<u64>(ta + (<usize>i << 4), 8);
        if (k != NULL && k != SET_DUMMY) break;
        i++;
      }
      if (i > ma) return F_TRUE;
      hx = load<i64>(ta + (<usize>i << 4));
      const mb = setMask(b);
      run = <u32>hx & mb;
      off = 0;
      probes = run + LINEAR_PROBES <= mb ? LINEAR_PROBES : 0;
      perturb = <u64>hx;
      start = false;
    } else if (advance) {
      if (off < probes) {
        off++;
      } else {
        const mb = setMask(b);
        perturb >>= 5;
        run = <u32>((<u64>run * 5 + 1 + perturb) & <u64>mb);
        off = 0;
        probes = run + LINEAR_PROBES <= mb ? LINEAR_PROBES : 0;
      }
    }
    advance = true;
    const tb = setTable(b);
    const e = tb + (<usize>(run + off) << 4);
    const eh = load<i64>(e);
    const y = load<u64>(e, 8);
    if (y == NULL) return F_FALSE; // an unused slot ends the probe: not there
    if (eh != hx) continue;
    if (i > setMask(a)) return F_FALSE; // a shrank while Python code ran
    const x = load<u64>(setTable(a) + (<usize>i << 4), 8);
    let s = eqStep(y, x);
    if (s == EQ_DESCEND) {
      store<u32>(f, i, 12);
      store<u32>(f, run, 16);
      store<u32>(f, off, 20);
      store<u32>(f, probes, 24);
      store<u32>(f, 0, 28);
      store<u64>(f, perturb, 32);
      store<i64>(f, hx, 40);
      store<u32>(f, <u32>tb, 48);
      store<u64>(f, y, 56);
      pendA = y;
      pendB = x;
      return F_PUSH;
    }
    if (s == EQ_CALL) {
      s = callEq(y, x);
      if (s < 0) return F_ERROR;
      if (setTable(b) != tb || load<u64>(e, 8) != y) {
        // b changed under the comparison: search again for this element
        restartProbe(f, b, hx);
        run = load<u32>(f, 16);
        off = 0;
        probes = load<u32>(f, 24);
        perturb = <u64>hx;
        advance = false;
        continue;
      }
    }
    if (s == EQ_TRUE) {
      i++;
      start = true;
      advance = false;
    }
  }
  return F_FALSE; // not reached
}

function restartProbe(f: usize, b: usize, hx: i64): void {
  const mb = setMask(b);
  const run = <u32>hx & mb;
  store<u32>(f, run, 16);
  store<u32>(f, run + LINEAR_PROBES <= mb ? LINEAR_PROBES : 0, 24);
}
import { KIND_METHOD } from "./types";
