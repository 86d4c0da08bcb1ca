/**
 * Set iteration order and Python equality.
 *
 *   setIterationOrder(items)  the order CPython 3.11 iterates a set/frozenset built by adding `items`
 *                             one at a time to an empty set (what frozenset(tuple) and marshal.loads
 *                             do), with later duplicates dropped
 *   pyEquals(a, b)            Python's a == b on host values
 *
 * The order is that of the slots in CPython's open-addressing table, so we replay set_add_entry and
 * set_table_resize exactly: 8 slots to start; probe 10 consecutive slots (LINEAR_PROBES = 9 more)
 * when they fit below the end of the table, else 1; then jump to (i*5 + 1 + perturb) & mask, where
 * perturb starts as the hash (as an unsigned 64-bit value) and is shifted right by 5 before each
 * jump; grow when fill*5 >= mask*3
 * to the smallest power of two > (used > 50000 ? used*2 : used*4), re-adding entries in slot order.
 *
 * If any item's hash is address-based in 3.11 (None, Ellipsis, StopIteration, nan, or a tuple,
 * frozenset, complex or code object containing one; see hash.ts), the real order depends on memory
 * addresses and cannot be reproduced: we then return the insertion order (duplicates still dropped).
 * Bare None and Ellipsis are the exception once hash.ts's setAddressHashes() has been told the
 * hashes of the CPython process being mirrored: small sets are ordered by the hash's low bits,
 * which one CPython build gives the same in every process.
 * Duplicates are found with pyEquals, so two distinct but equal code objects are both kept.
 */
import { pyHashOrNull } from "./hash.js";
import {
  PyComplex,
  PyDict,
  PyFrozenSet,
  PyList,
  PySet,
  SurrogateStr,
  strCodePoints,
  type PyObject,
} from "./objects.js";

const PERTURB_SHIFT = 5;
const LINEAR_PROBES = 9;
const MINSIZE = 8;

/** See the file comment. Items are returned as the same references that were passed in. */
export function setIterationOrder(items: readonly PyObject[]): PyObject[] {
  const n = items.length;
  const hashes: bigint[] = new Array(n);
  const hashLo = new Uint32Array(n); // low and high 32 bits of the unsigned 64-bit hash,
  const hashHi = new Uint32Array(n); // for probing without BigInt
  for (let k = 0; k < n; k++) {
    const h = pyHashOrNull(items[k]);
    if (h === null) return insertionOrder(items);
    hashes[k] = h;
    const u = BigInt.asUintN(64, h);
    hashLo[k] = Number(u & 0xffffffffn);
    hashHi[k] = Number(u >> 32n);
  }

  // A slot holds the index of its item in `items`, or -1 when unused (there are no dummies: we
  // only ever add).
  let table = new Int32Array(MINSIZE).fill(-1);
  let mask = MINSIZE - 1;
  let fill = 0;

  /** set_insert_clean: place an item known to be absent; used when rebuilding after a resize. */
  const insertClean = (t: Int32Array, m: number, k: number): void => {
    let pl = hashLo[k];
    let ph = hashHi[k];
    let i = pl & m;
    for (;;) {
      if (t[i] === -1) {
        t[i] = k;
        return;
      }
      if (i + LINEAR_PROBES <= m) {
        for (let j = 1; j <= LINEAR_PROBES; j++) {
          if (t[i + j] === -1) {
            t[i + j] = k;
            return;
          }
        }
      }
      pl = ((pl >>> PERTURB_SHIFT) | (ph << (32 - PERTURB_SHIFT))) >>> 0;
      ph >>>= PERTURB_SHIFT;
      // Only the low bits of the 64-bit sum survive the mask, so the low word is enough.
      i = (i * 5 + 1 + pl) & m;
    }
  };

  const resize = (minused: number): void => {
    let size = MINSIZE;
    while (size <= minused) size *= 2;
    const t = new Int32Array(size).fill(-1);
    for (let s = 0; s <= mask; s++) if (table[s] !== -1) insertClean(t, size - 1, table[s]);
    table = t;
    mask = size - 1;
  };

  for (let k = 0; k < n; k++) {
    // set_add_entry
    let pl = hashLo[k];
    let ph = hashHi[k];
    let i = pl & mask;
    let slot = -1;
    search: for (;;) {
      let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
      let j = i;
      do {
        const other = table[j];
        if (other === -1) {
          slot = j;
          break search;
        }
        if (hashes[other] === hashes[k] && (items[other] === items[k] || pyEquals(items[other], items[k]))) {
          break search; // already present: the first one stays
        }
        j++;
      } while (probes-- > 0);
      pl = ((pl >>> PERTURB_SHIFT) | (ph << (32 - PERTURB_SHIFT))) >>> 0;
      ph >>>= PERTURB_SHIFT;
      i = (i * 5 + 1 + pl) & mask;
    }
    if (slot < 0) continue;
    table[slot] = k;
    fill++;
    if (fill * 5 >= mask * 3) resize(fill > 50000 ? fill * 2 : fill * 4); // used == fill: no deletions
  }

  const out: PyObject[] = [];
  for (let s = 0; s <= mask; s++) if (table[s] !== -1) out.push(items[table[s]]);
  return out;
}

/** Fallback for address-hashed items: insertion order, later duplicates dropped. */
function insertionOrder(items: readonly PyObject[]): PyObject[] {
  const out: PyObject[] = [];
  for (const item of items) {
    if (!out.some((o) => o === item || pyEquals(o, item))) out.push(item);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// equality

type Numeric = boolean | bigint | number | PyComplex;

function isNumeric(v: PyObject): v is Numeric {
  const t = typeof v;
  return t === "boolean" || t === "bigint" || t === "number" || v instanceof PyComplex;
}

/** Python's int == float: exact (2**53 + 1 != 2.0**53), never true for inf or nan. */
function intEqualsFloat(n: bigint, x: number): boolean {
  return Number.isInteger(x) && BigInt(x) === n;
}

/** Real numbers (bool, int, float) compared exactly, as Python does across types. */
function realEquals(a: boolean | bigint | number, b: boolean | bigint | number): boolean {
  const x = typeof a === "boolean" ? (a ? 1n : 0n) : a;
  const y = typeof b === "boolean" ? (b ? 1n : 0n) : b;
  if (typeof x === "bigint") return typeof y === "bigint" ? x === y : intEqualsFloat(x, y);
  return typeof y === "bigint" ? intEqualsFloat(y, x) : x === y;
}

function numericEquals(a: Numeric, b: Numeric): boolean {
  if (a instanceof PyComplex) {
    if (b instanceof PyComplex) return a.real === b.real && a.imag === b.imag;
    return a.imag === 0 && realEquals(a.real, b);
  }
  if (b instanceof PyComplex) return b.imag === 0 && realEquals(b.real, a);
  return realEquals(a, b);
}

function sameItems(a: readonly PyObject[], b: readonly PyObject[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!(a[i] === b[i] || pyEquals(a[i], b[i]))) return false;
  return true;
}

function setContainsAll(big: readonly PyObject[], small: readonly PyObject[]): boolean {
  return small.every((x) => big.some((y) => x === y || pyEquals(x, y)));
}

/**
 * Python's a == b for host values: numbers compare by value across bool/int/float/complex, str by
 * code points, bytes by content, tuples and lists item by item (not with each other), dicts as
 * mappings, sets and frozensets as sets (a set can equal a frozenset). None, Ellipsis, StopIteration
 * and code objects compare by identity (CPython 3.11 compares code objects field by field; we do not
 * need that). Containers compare items with `x is y or x == y` like CPython, but a JS number has no
 * identity, so a nan inside equal tuples makes them unequal here, where CPython could say equal when
 * both hold the same nan object.
 */
export function pyEquals(a: PyObject, b: PyObject): boolean {
  if (isNumeric(a)) return isNumeric(b) && numericEquals(a, b);
  if (isNumeric(b)) return false;
  if (typeof a === "string" || a instanceof SurrogateStr) {
    if (typeof b === "string") return typeof a === "string" ? a === b : sameCodePoints(a, b);
    return b instanceof SurrogateStr && sameCodePoints(a, b);
  }
  if (a instanceof Uint8Array) {
    if (!(b instanceof Uint8Array) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }
  if (Array.isArray(a)) return Array.isArray(b) && sameItems(a as readonly PyObject[], b as readonly PyObject[]);
  if (a instanceof PyList) return b instanceof PyList && sameItems(a.items, b.items);
  if (a instanceof PySet || a instanceof PyFrozenSet) {
    if (!(b instanceof PySet || b instanceof PyFrozenSet)) return false;
    return a.items.length === b.items.length && setContainsAll(b.items, a.items);
  }
  if (a instanceof PyDict) {
    if (!(b instanceof PyDict) || a.entries.length !== b.entries.length) return false;
    return a.entries.every(([k, v]) => {
      const other = b.entries.find(([k2]) => k2 === k || pyEquals(k2, k));
      return other !== undefined && (other[1] === v || pyEquals(other[1], v));
    });
  }
  return a === b; // None, Ellipsis, StopIteration, code objects
}

function sameCodePoints(a: string | SurrogateStr, b: string | SurrogateStr): boolean {
  const x = strCodePoints(a);
  const y = strCodePoints(b);
  return x.length === y.length && x.every((cp, i) => cp === y[i]);
}
