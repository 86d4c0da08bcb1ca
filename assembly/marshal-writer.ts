/**
 * marshal writer, version 2: the format without FLAG_REF/TYPE_REF (those arrived in version 3), so
 * an object has exactly one encoding and two writers can be compared byte for byte. It exists to
 * verify the unmarshaller (test/wasm-unmarshal.test.ts compares it with host/marshal.ts's
 * `dumps(loads(x), 2)` over the whole standard library); a version 4 writer, with references, can
 * grow from it when the VM needs to write .pyc files.
 *
 * What version 2 writes, as CPython 3.11 does (and host/marshal.ts matches):
 *   None/True/False/Ellipsis/StopIteration   'N' 'T' 'F' '.' 'S'
 *   int       'i' + int32 when it fits 32 bits, else 'l' + signed count + base-2**15 digits
 *   float     'g' + 8 bytes; complex 'y' + 16 bytes (binary since version 2)
 *   str       'u' + int32 length + UTF-8 with surrogatepass (the ASCII codes are version 4)
 *   bytes     's' + int32 length + data
 *   tuple     '(' + int32 count + items (the short tuple code is version 4)
 *   list      '[' + int32 count + items;  dict '{' + key, value ... + '0'
 *   set       '<' / frozenset '>' + int32 count + items in the order of their own marshalled bytes
 *             (CPython 3.11 sorts them so the output does not depend on hash order, bpo-37596)
 *   code      'c' + 5 int32 + co_code, co_consts, co_names, co_localsplusnames,
 *             co_localspluskinds, co_filename, co_name, co_qualname + int32 co_firstlineno +
 *             co_linetable, co_exceptiontable
 * Nesting deeper than 2000 raises ValueError "object too deeply nested to marshal" (CPython's
 * limit and message; it is also what a self-containing container gives).
 *
 * Entry points: marshalDumps(v) -> pointer to the bytes (0 after an error: errorType() etc.),
 * marshalDumpsLength(), marshalDumpsRelease() (frees the buffer; the next marshalDumps also does).
 */
import { alloc, free } from "./heap";
import { Value, NONE, TRUE, FALSE, isSmallInt, isObject, getSmallInt } from "./values";
import {
  kindOf,
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
  ELLIPSIS,
  STOP_ITERATION,
  ERR_VALUE,
  raise,
  raiseMemory,
  errorClear,
} from "./types";
import { strUtf8Length, strWriteUtf8 } from "./str";
import { bytesLength, bytesData } from "./bytes";
import { tupleSize, tupleItem, vecSize, vecItems } from "./tuple";
import { dictSize, dictNextIndex, dictEntryKey, dictEntryValue } from "./dict";
import { setUsed, setTable, setNextEntry } from "./set";
import { bigSign, bigDigits15Count, bigWriteDigits15 } from "./int";
import { floatValue, complexReal, complexImag } from "./float";
import { CodeObject, codeField, CF_LINETABLE } from "./code";

const MAX_DEPTH: u32 = 2000;

let out: usize = 0;
let outLength: usize = 0;
let outCap: usize = 0;

export function marshalDumpsLength(): usize {
  return outLength;
}

export function marshalDumpsRelease(): void {
  if (outCap != 0) free(out, outCap);
  out = 0;
  outCap = 0;
  outLength = 0;
}

/** Writes v in marshal version 2; returns the buffer (marshalDumpsLength() bytes) or 0 after raising. */
export function marshalDumps(v: Value): usize {
  errorClear();
  marshalDumpsRelease();
  if (!ensure(256) || !writeObject(v)) {
    marshalDumpsRelease();
    return 0;
  }
  return out;
}

function ensure(n: usize): bool {
  if (outCap - outLength >= n) return true;
  let cap = outCap < 256 ? <usize>256 : outCap;
  while (cap - outLength < n) {
    if (cap >= 0x40000000) {
      raiseMemory();
      return false;
    }
    cap *= 2;
  }
  const b = alloc(cap);
  if (b == 0) {
    raiseMemory();
    return false;
  }
  if (outLength > 0) memory.copy(b, out, outLength);
  if (outCap > 0) free(out, outCap);
  out = b;
  outCap = cap;
  return true;
}

function byte(b: u32): bool {
  if (!ensure(1)) return false;
  store<u8>(out + outLength++, <u8>b);
  return true;
}

function int32(n: i32): bool {
  if (!ensure(4)) return false;
  store<i32>(out + outLength, n);
  outLength += 4;
  return true;
}

function float64(x: f64): bool {
  if (!ensure(8)) return false;
  store<f64>(out + outLength, x);
  outLength += 8;
  return true;
}

function raw(p: usize, n: usize): bool {
  if (!ensure(n)) return false;
  memory.copy(out + outLength, p, n);
  outLength += n;
  return true;
}

// Containers being written are frames on an explicit stack (heap scratch, freed after each call),
// not wasm stack frames: a recursive writer used ~90% of Node's default stack at the 2000-level
// limit for nested frozensets.
//
//   [ p u32 | kind u32 ] [ i u32 (next item) | n u32 (items) ] [ base u32 | spans u32 ] [ pos u32 | 0 ]
//
// base and spans serve sets: where the items start in the output, and (offset, length) per item.
// pos is where a dict's or set's table walk stands (entry or slot number).
const WFRAME: usize = 32;
let stack: usize = 0;
let stackCap: u32 = 0;
let depthNow: u32 = 0;

/** Writes v and everything in it; false after raising. */
function writeObject(root: Value): bool {
  depthNow = 0;
  let ok = writeOne(root);
  while (ok && depthNow > 0) {
    const f = stack + <usize>(depthNow - 1) * WFRAME;
    const p = <usize>load<u32>(f);
    const kind = load<u32>(f, 4);
    const i = load<u32>(f, 8);
    if (i < load<u32>(f, 12)) {
      store<u32>(f, i + 1, 8);
      let item: Value;
      if (kind == KIND_TUPLE) {
        item = tupleItem(p, <usize>i);
      } else if (kind == KIND_DICT) {
        // keys at even i, values at odd i, entries in order (deleted ones skipped)
        let pos = load<u32>(f, 24);
        if ((i & 1) == 0) {
          pos = <u32>dictNextIndex(p, pos);
          store<u32>(f, pos, 24);
          item = dictEntryKey(p, pos);
        } else {
          item = dictEntryValue(p, pos);
          store<u32>(f, pos + 1, 24);
        }
      } else if (kind == KIND_CODE) {
        // co_firstlineno sits between co_qualname and co_linetable
        if (i == <u32>CF_LINETABLE && !int32(changetype<CodeObject>(p).firstlineno)) return failWrite();
        item = <u64>codeField(p, <usize>i);
      } else if (kind == KIND_LIST) {
        item = load<u64>(vecItems(p) + (<usize>i << 3));
      } else {
        // a set's elements in slot order (finishSet sorts their encodings)
        const slot = <u32>setNextEntry(p, load<u32>(f, 24));
        store<u32>(f, slot + 1, 24);
        item = load<u64>(setTable(p) + (<usize>slot << 4), 8);
        const spans = <usize>load<u32>(f, 20);
        store<u32>(spans + (<usize>i << 3), <u32>(outLength - <usize>load<u32>(f, 16)));
      }
      ok = writeOne(item);
      continue;
    }
    // the container is complete
    if (kind == KIND_DICT) ok = byte(0x30);
    else if (kind == KIND_SET || kind == KIND_FROZENSET) ok = finishSet(f);
    depthNow--;
  }
  if (!ok) return failWrite();
  freeStack();
  return true;
}

/** Releases the frames' scratch after an error. */
function failWrite(): bool {
  while (depthNow > 0) {
    depthNow--;
    const f = stack + <usize>depthNow * WFRAME;
    const spans = <usize>load<u32>(f, 20);
    if (spans != 0) free(spans, <usize>load<u32>(f, 12) << 3);
  }
  freeStack();
  return false;
}

function freeStack(): void {
  if (stackCap > 0) free(stack, <usize>stackCap * WFRAME);
  stack = 0;
  stackCap = 0;
}

/** Pushes a frame for container p with n items (its header is already written). */
function push(p: usize, kind: u32, n: u32): bool {
  if (depthNow == stackCap) {
    const cap: u32 = stackCap < 16 ? 16 : stackCap * 2;
    const b = alloc(<usize>cap * WFRAME);
    if (b == 0) {
      raiseMemory();
      return false;
    }
    if (stackCap > 0) {
      memory.copy(b, stack, <usize>stackCap * WFRAME);
      free(stack, <usize>stackCap * WFRAME);
    }
    stack = b;
    stackCap = cap;
  }
  let spans: usize = 0;
  if ((kind == KIND_SET || kind == KIND_FROZENSET) && (spans = alloc(<usize>n << 3)) == 0) {
    raiseMemory();
    return false;
  }
  const f = stack + <usize>depthNow * WFRAME;
  store<u32>(f, <u32>p);
  store<u32>(f, kind, 4);
  store<u32>(f, 0, 8);
  store<u32>(f, n, 12);
  store<u32>(f, <u32>outLength, 16);
  store<u32>(f, <u32>spans, 20);
  store<u32>(f, 0, 24);
  depthNow++;
  return true;
}

/** Writes a scalar, or a container's header (then pushes its frame); false after raising. */
function writeOne(v: Value): bool {
  // CPython counts every object written, scalars included, against the limit.
  if (depthNow + 1 > MAX_DEPTH) {
    raise(ERR_VALUE, "object too deeply nested to marshal");
    return false;
  }
  if (isSmallInt(v)) return writeSmallInt(getSmallInt(v));
  if (v == NONE) return byte(0x4e);
  if (v == TRUE) return byte(0x54);
  if (v == FALSE) return byte(0x46);
  if (!isObject(v)) {
    raise(ERR_VALUE, "unmarshallable object");
    return false;
  }
  const p = <usize>v;
  if (p == ELLIPSIS) return byte(0x2e);
  if (p == STOP_ITERATION) return byte(0x53);
  const kind = kindOf(p);
  switch (kind) {
    case KIND_INT: {
      const count = bigDigits15Count(p);
      if (!byte(0x6c) || !int32(bigSign(p) < 0 ? -<i32>count : <i32>count) || !ensure(count << 1)) return false;
      outLength += bigWriteDigits15(p, out + outLength) << 1;
      return true;
    }
    case KIND_FLOAT:
      return byte(0x67) && float64(floatValue(p));
    case KIND_COMPLEX:
      return byte(0x79) && float64(complexReal(p)) && float64(complexImag(p));
    case KIND_STR: {
      const n = strUtf8Length(p);
      if (!byte(0x75) || !int32(<i32>n) || !ensure(n)) return false;
      outLength += strWriteUtf8(p, out + outLength);
      return true;
    }
    case KIND_BYTES:
      return byte(0x73) && int32(<i32>bytesLength(p)) && raw(bytesData(p), <usize>bytesLength(p));
    case KIND_TUPLE: {
      const n = tupleSize(p);
      return byte(0x28) && int32(<i32>n) && (n == 0 || push(p, kind, n));
    }
    case KIND_LIST: {
      const n = vecSize(p);
      return byte(0x5b) && int32(<i32>n) && (n == 0 || push(p, kind, n));
    }
    case KIND_DICT: {
      const n = dictSize(p);
      if (!byte(0x7b)) return false;
      return n == 0 ? byte(0x30) : push(p, kind, n * 2);
    }
    case KIND_SET:
    case KIND_FROZENSET: {
      const n = setUsed(p);
      return byte(kind == KIND_SET ? 0x3c : 0x3e) && int32(<i32>n) && (n == 0 || push(p, kind, n));
    }
    case KIND_CODE: {
      const c = changetype<CodeObject>(p);
      return (
        byte(0x63) &&
        int32(c.argcount) &&
        int32(c.posonlyargcount) &&
        int32(c.kwonlyargcount) &&
        int32(c.stacksize) &&
        int32(c.flags) &&
        push(p, kind, 10)
      );
    }
  }
  raise(ERR_VALUE, "unmarshallable object");
  return false;
}

function writeSmallInt(n: i64): bool {
  if (n >= -0x80000000 && n <= 0x7fffffff) return byte(0x69) && int32(<i32>n);
  let m: u64 = n < 0 ? <u64>0 - <u64>n : <u64>n;
  let count: i32 = 0;
  for (let x = m; x != 0; x >>= 15) count++;
  if (!byte(0x6c) || !int32(n < 0 ? -count : count) || !ensure(<usize>count << 1)) return false;
  for (; m != 0; m >>= 15) {
    store<u16>(out + outLength, <u16>(m & 0x7fff));
    outLength += 2;
  }
  return true;
}

/**
 * A set or frozenset whose items are all written: rearrange them into the order of their encodings
 * (bytewise, a shorter prefix first), as CPython 3.11 writes them. Frees the frame's spans.
 */
function finishSet(f: usize): bool {
  const n = <usize>load<u32>(f, 12);
  const base = <usize>load<u32>(f, 16);
  const spans = <usize>load<u32>(f, 20);
  store<u32>(f, 0, 20); // freed below, whatever happens
  // lengths from the offsets: item i ends where item i + 1 starts
  for (let i: usize = 0; i < n; i++) {
    const startI = <usize>load<u32>(spans + (i << 3));
    const endI = i + 1 < n ? <usize>load<u32>(spans + ((i + 1) << 3)) : outLength - base;
    store<u32>(spans + (i << 3), <u32>(endI - startI), 4);
  }
  let ok = true;
  if (n > 1) {
    const order = alloc(n << 2);
    const tmp = alloc(n << 2);
    const total = outLength - base;
    const copy = alloc(total);
    if (order == 0 || tmp == 0 || copy == 0) {
      ok = false;
      raiseMemory();
    } else {
      for (let i: usize = 0; i < n; i++) store<u32>(order + (i << 2), <u32>i);
      sortSpans(order, tmp, n, spans, out + base);
      memory.copy(copy, out + base, total);
      let w = out + base;
      for (let i: usize = 0; i < n; i++) {
        const k = <usize>load<u32>(order + (i << 2));
        const off = <usize>load<u32>(spans + (k << 3));
        const len = <usize>load<u32>(spans + (k << 3), 4);
        memory.copy(w, copy + off, len);
        w += len;
      }
    }
    if (order != 0) free(order, n << 2);
    if (tmp != 0) free(tmp, n << 2);
    if (copy != 0) free(copy, total);
  }
  free(spans, n << 3);
  return ok;
}

/** Bytewise order of two item encodings; a proper prefix sorts first. */
function compareSpans(spans: usize, data: usize, a: u32, b: u32): i32 {
  const ao = <usize>load<u32>(spans + (<usize>a << 3));
  const al = <usize>load<u32>(spans + (<usize>a << 3), 4);
  const bo = <usize>load<u32>(spans + (<usize>b << 3));
  const bl = <usize>load<u32>(spans + (<usize>b << 3), 4);
  const c = memory.compare(data + ao, data + bo, al < bl ? al : bl);
  if (c != 0) return c;
  return al < bl ? -1 : al > bl ? 1 : 0;
}

/** Stable bottom-up merge sort of n u32 indices at `order` (tmp: scratch of the same size). */
function sortSpans(order: usize, tmp: usize, n: usize, spans: usize, data: usize): void {
  let src = order;
  let dst = tmp;
  for (let width: usize = 1; width < n; width <<= 1) {
    for (let lo: usize = 0; lo < n; lo += width << 1) {
      const mid = lo + width < n ? lo + width : n;
      const hi = lo + (width << 1) < n ? lo + (width << 1) : n;
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        const x = load<u32>(src + (i << 2));
        const y = load<u32>(src + (j << 2));
        if (compareSpans(spans, data, y, x) < 0) {
          store<u32>(dst + (k++ << 2), y);
          j++;
        } else {
          store<u32>(dst + (k++ << 2), x);
          i++;
        }
      }
      while (i < mid) store<u32>(dst + (k++ << 2), load<u32>(src + (i++ << 2)));
      while (j < hi) store<u32>(dst + (k++ << 2), load<u32>(src + (j++ << 2)));
    }
    const t = src;
    src = dst;
    dst = t;
  }
  if (src != order) memory.copy(order, src, n << 2);
}
