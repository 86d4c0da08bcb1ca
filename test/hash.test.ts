/**
 * host/hash.ts and host/setorder.ts against CPython 3.11 (PYTHONHASHSEED=0), in one python3.11
 * process: hash() of ints, floats, complex, strs of every internal width, bytes, tuples and
 * frozensets; which values CPython hashes by address; unhashable-type errors; list(frozenset(items))
 * order for many random sets (small ints, big ints, colliding hashes, strings, mixed types, sets big
 * enough for every resize rule); and == between values of all kinds.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { CodeObject } from "../host/code.js";
import { AddressHashError, pyHash, pyHashOrNull } from "../host/hash.js";
import {
  Ellipsis,
  PyComplex,
  PyDict,
  PyFrozenSet,
  PyList,
  PySet,
  StopIteration,
  SurrogateStr,
  strCodePoints,
  strFromCodePoints,
  type PyObject,
} from "../host/objects.js";
import { pyEquals, setIterationOrder } from "../host/setorder.js";
import { runPython } from "./support/python.js";

// ---------------------------------------------------------------------------------------------
// deterministic random values

let seed = 0x2545f491;
function rand32(): number {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return seed >>> 0;
}
const randInt = (lo: number, hi: number) => lo + (rand32() % (hi - lo + 1));
const pick = <T>(xs: readonly T[]): T => xs[rand32() % xs.length];
const chance = (p: number) => rand32() / 2 ** 32 < p;

const dv = new DataView(new ArrayBuffer(8));
function fromBits(hi: number, lo: number): number {
  dv.setUint32(0, hi);
  dv.setUint32(4, lo);
  return dv.getFloat64(0);
}
function floatHex(x: number): string {
  dv.setFloat64(0, x);
  let s = "";
  for (let i = 0; i < 8; i++) s += dv.getUint8(i).toString(16).padStart(2, "0");
  return s;
}

const P = (1n << 61n) - 1n;

function randomBigInt(maxBits: number): bigint {
  const bits = randInt(1, maxBits);
  let n = 0n;
  for (let b = 0; b < bits; b += 32) n = (n << 32n) | BigInt(rand32());
  n &= (1n << BigInt(bits)) - 1n;
  return chance(0.5) ? -n : n;
}

/** Finite floats of every kind (no nan: its hash is address-based). */
function randomFloat(): number {
  switch (rand32() % 5) {
    case 0:
    case 1: {
      const x = fromBits(rand32(), rand32());
      return x === x ? x : 1.5;
    }
    case 2:
      return Number(`${rand32() % 10 ** randInt(1, 9)}e${randInt(-330, 310)}`) * (chance(0.5) ? -1 : 1);
    case 3:
      return Math.floor((rand32() * 2 ** 21 + (rand32() >>> 11)) / 2 ** randInt(0, 52)) * 2 ** randInt(-60, 80);
    default:
      return pick([0, -0, 1, -1, 0.5, -0.5, 2 ** 60, 2 ** 61, 2 ** -61, Infinity, -Infinity, 1e308, 5e-324]);
  }
}

/** Code points from one "width" class, so every PEP 393 kind (1, 2, 4 bytes) is exercised. */
function randomStr(maxLen: number, width = randInt(0, 4)): string | SurrogateStr {
  const n = randInt(0, maxLen);
  const cps: number[] = [];
  for (let i = 0; i < n; i++) {
    const r = rand32() % 4;
    if (width === 0 || r === 0) cps.push(randInt(0x20, 0x7e));
    else if (width === 1 || r === 1) cps.push(randInt(0x80, 0xff));
    else if (width === 2 || r === 2) cps.push(chance(0.2) ? randInt(0xd800, 0xdfff) : randInt(0x100, 0xffff));
    else cps.push(randInt(0x10000, 0x10ffff));
  }
  return strFromCodePoints(cps);
}

function randomBytes(maxLen: number): Uint8Array {
  return Uint8Array.from({ length: randInt(0, maxLen) }, () => rand32() & 0xff);
}

/** Frozensets/sets keep CPython's iteration order; Python rebuilds them from the insertion order. */
const setSources = new WeakMap<object, readonly PyObject[]>();
function frozen(items: PyObject[]): PyFrozenSet {
  const fs = new PyFrozenSet(setIterationOrder(items));
  setSources.set(fs, items);
  return fs;
}

/** Values with tricky equalities between them: 1 == 1.0 == True == 1+0j, x vs x + (2**61 - 1), ... */
const TRICKY: PyObject[] = [
  0n, 0, -0, false, new PyComplex(0, 0), new PyComplex(-0, -0), 1n, 1, true, new PyComplex(1, 0), -1n, -2n, -1, -2,
  P, P + 1n, -P, 2n ** 60n, 0.5, 2n ** 53n, 2n ** 53n + 1n, 2 ** 53, 2n ** 64n, 2 ** 64, 1.5, new PyComplex(1.5, 0),
  new PyComplex(0, 1), "", "a", "\u{10000}", new SurrogateStr([0xd800, 0xdc00]), "\ud800", new Uint8Array(0),
  Uint8Array.of(97), [], [0n], [false], [[]], Infinity, -Infinity,
];

function randomHashable(depth: number): PyObject {
  switch (rand32() % (depth > 0 ? 11 : 9)) {
    case 0:
      return BigInt(randInt(-10, 100));
    case 1:
      return randomBigInt(100);
    case 2:
      return randomFloat();
    case 3:
    case 4:
      return randomStr(6);
    case 5:
      return randomBytes(6);
    case 6:
      return chance(0.5);
    case 7:
      return new PyComplex(pick([0, -0, 1, -1.5, 1e300]), pick([0, -0, 1, 2.5, -Infinity]));
    case 8:
      return pick(TRICKY);
    case 9:
      return Array.from({ length: randInt(0, 3) }, () => randomHashable(depth - 1));
    default:
      return frozen(Array.from({ length: randInt(0, 5) }, () => randomHashable(depth - 1)));
  }
}

// ---------------------------------------------------------------------------------------------
// hash cases

const hashCases: PyObject[] = [];
const ints: bigint[] = [0n, 1n, -1n, 2n, -2n, P - 1n, P, P + 1n, -P + 1n, -P, -P - 1n, 2n ** 61n, 2n ** 62n, 2n ** 63n];
ints.push(2n ** 63n - 1n, -(2n ** 63n), 2n ** 64n - 1n, 2n ** 64n, 2n ** 64n + 1n, 3n * P - 1n, -(5n * P) - 1n, 2n ** 122n);
for (let k = 0; k < 300; k++) ints.push(2n ** BigInt(k) - 1n, 2n ** BigInt(k), -(2n ** BigInt(k)) - 1n);
for (let i = 0; i < 3000; i++) ints.push(randomBigInt(chance(0.7) ? 70 : 5000));
for (let i = 0; i < 200; i++) ints.push(BigInt(randInt(1, 1 << 30)) * P + BigInt(randInt(-3, 3)));
hashCases.push(...ints, true, false);
for (let i = 0; i < 20000; i++) hashCases.push(randomFloat());
for (let e = -1074; e <= 1023; e += 1) hashCases.push(2 ** e, -(2 ** e) * 1.5);
for (let i = 0; i < 3000; i++) hashCases.push(new PyComplex(randomFloat(), randomFloat()));
for (let width = 0; width <= 4; width++) {
  for (let len = 0; len <= 40; len++) for (let r = 0; r < 8; r++) hashCases.push(randomStr(len, width));
  hashCases.push(randomStr(3000, width), randomStr(20000, width));
}
hashCases.push("", "a", "ab\u00e9", "\u0100", "\u{10000}", "\ud800", "\udc00\ud800", new SurrogateStr([0xd800, 0xdc00]));
for (let len = 0; len <= 70; len++) for (let r = 0; r < 8; r++) hashCases.push(randomBytes(len) as PyObject);
hashCases.push(randomBytes(100000));
hashCases.push([], [[]], [[], []], [1n, 2n], [-1n], [-2n], [[1n, 2n], 3n], frozen([]), frozen([[]]), frozen([frozen([])]));
for (let i = 0; i < 3000; i++) hashCases.push(Array.from({ length: randInt(0, 6) }, () => randomHashable(2)));
for (let i = 0; i < 2000; i++) hashCases.push(frozen(Array.from({ length: randInt(0, 12) }, () => randomHashable(2))));
hashCases.push(...TRICKY);

/** Values CPython 3.11 hashes by address: python confirms hash(x) is object.__hash__(x), the id-based hash. */
function mkCode(): CodeObject {
  return new CodeObject({
    co_argcount: 0,
    co_posonlyargcount: 0,
    co_kwonlyargcount: 0,
    co_stacksize: 1,
    co_flags: 0,
    co_code: Uint8Array.of(151, 0),
    co_consts: [null],
    co_names: [],
    co_localsplusnames: [],
    co_localspluskinds: new Uint8Array(0),
    co_filename: "<s>",
    co_name: "<module>",
    co_qualname: "<module>",
    co_firstlineno: 1,
    co_linetable: new Uint8Array(0),
    co_exceptiontable: new Uint8Array(0),
  });
}
const addressHashed: { py: string; value: PyObject }[] = [
  { py: "None", value: null },
  { py: "...", value: Ellipsis },
  { py: "StopIteration", value: StopIteration },
  { py: "float('nan')", value: NaN },
];
/** Code compiled by python, rebuilt here from its fields: some hash reproducibly, most don't. */
const codeSources: [string, "eval" | "exec"][] = [
  ["1", "eval"],
  ["x = 1", "exec"],
  ["[i for i in x]", "eval"],
  ["{i: -j for i, j in x if i}", "eval"],
  ["lambda a, *, b: a + b", "eval"],
  ["def f(a, /, b, *c, d, **e):\n def g(): return a\n return g", "exec"],
  ["x[1:2] + 3.5 - 2j + 10**20", "eval"],
  ["x in {1, 'a', b'z'}", "eval"],
  ["f'{x!r:>10}' + b'\\xff'.decode()", "eval"],
  ["try:\n  pass\nexcept E as e:\n  raise", "exec"],
];

function dec(e: Enc): PyObject {
  const [t, a, b] = e as [string, unknown, unknown];
  switch (t) {
    case "N":
      return null;
    case "E":
      return Ellipsis;
    case "B":
      return a as boolean;
    case "I":
      return (a as string).startsWith("-") ? -BigInt("0x" + (a as string).slice(1)) : BigInt("0x" + (a as string));
    case "F":
      return Buffer.from(a as string, "hex").readDoubleBE(0);
    case "C":
      return new PyComplex(Buffer.from(a as string, "hex").readDoubleBE(0), Buffer.from(b as string, "hex").readDoubleBE(0));
    case "S":
      return strFromCodePoints(a as number[]);
    case "Y":
      return new Uint8Array(Buffer.from(a as string, "hex"));
    case "T":
      return (a as Enc[]).map(dec);
    case "FZ":
      return new PyFrozenSet((a as Enc[]).map(dec));
    case "CODE": {
      const f = a as Record<string, never>;
      const hex = (s: string) => new Uint8Array(Buffer.from(s, "hex"));
      return new CodeObject({
        co_argcount: f.argcount,
        co_posonlyargcount: f.posonly,
        co_kwonlyargcount: f.kwonly,
        co_stacksize: f.stacksize,
        co_flags: f.flags,
        co_code: hex(f.code),
        co_consts: (f.consts as Enc[]).map(dec),
        co_names: f.names,
        co_localsplusnames: [],
        co_localspluskinds: new Uint8Array(0),
        co_filename: f.filename,
        co_name: f.name,
        co_qualname: f.qualname,
        co_firstlineno: f.firstlineno,
        co_linetable: hex(f.linetable),
        co_exceptiontable: hex(f.exceptiontable),
      }).replace({
        co_varnames: f.varnames,
        co_cellvars: f.cellvars,
        co_freevars: f.freevars,
        co_nlocals: (f.varnames as string[]).length,
      });
    }
  }
  throw new Error("cannot decode " + t);
}

/** Unhashable values, and values that contain one. */
const unhashable: PyObject[] = [
  new PyList(),
  new PyDict(),
  new PySet(),
  [1n, new PyList([2n])],
  [null, new PyDict([[1n, 2n]])],
];

// ---------------------------------------------------------------------------------------------
// set order cases

const orderCases: { label: string; items: PyObject[] }[] = [];
const addOrder = (label: string, items: PyObject[]) => orderCases.push({ label, items });
for (let i = 0; i < 400; i++) {
  addOrder("small ints", Array.from({ length: randInt(0, 120) }, () => BigInt(randInt(-20, 300))));
}
for (let i = 0; i < 150; i++) {
  addOrder("big and colliding ints", Array.from({ length: randInt(0, 80) }, () =>
    pick([randomBigInt(64), randomBigInt(200), BigInt(randInt(0, 50)) * P + BigInt(randInt(-2, 2)), BigInt(randInt(0, 60)) << 20n]),
  ));
}
for (let i = 0; i < 300; i++) addOrder("strings", Array.from({ length: randInt(0, 150) }, () => randomStr(5)));
for (let i = 0; i < 400; i++) addOrder("mixed", Array.from({ length: randInt(0, 60) }, () => randomHashable(2)));
addOrder("-1 and -2 share a hash", [-1n, -2n, -1, -2, -1n]);
addOrder("1 == 1.0 == True", [true, 1n, 1, new PyComplex(1, 0), 0, false, 0n]);
// Large sets: every resize step, including the used > 50000 rule (it first applies at ~78644 items).
addOrder("100000 ints", Array.from({ length: 100000 }, () => BigInt(rand32() % 2 ** 22) * BigInt(randInt(1, 3000))));
addOrder("20000 strs", Array.from({ length: 20000 }, () => randomStr(4, 0)));
addOrder("ints with equal low bits", Array.from({ length: 3000 }, (_, k) => BigInt(k) << 32n));
addOrder("floats", Array.from({ length: 2000 }, () => randomFloat()));

// ---------------------------------------------------------------------------------------------
// equality cases

const eqPool: PyObject[] = [...TRICKY];
for (let i = 0; i < 60; i++) eqPool.push(randomHashable(2));
const fzItems = [1n, "a", [2n, "b"], 2.5];
eqPool.push(frozen(fzItems), frozen([...fzItems].reverse()), frozen([1n, "a"]), new PySet(setIterationOrder(fzItems)));
eqPool.push(new PyList([1n, "a"]), new PyList([1, "a"]), [1n, "a"], new PyDict([["a", 1n], ["b", 2n]]), new PyDict([["b", 2], ["a", 1]]));
eqPool.push(new PyDict([["a", 1n]]), null, Ellipsis, StopIteration, new PyComplex(NaN, 0), NaN);
const eqPairs: [number, number][] = [];
for (let i = 0; i < eqPool.length; i++) for (let j = 0; j < eqPool.length; j++) eqPairs.push([i, j]);

// ---------------------------------------------------------------------------------------------
// python

type Enc = unknown[];
function enc(v: PyObject): Enc {
  if (v === null) return ["N"];
  switch (typeof v) {
    case "boolean":
      return ["B", v];
    case "bigint":
      return ["I", v.toString(16)];
    case "number":
      return ["F", floatHex(v)];
    case "string":
      return ["S", strCodePoints(v)];
  }
  if (v instanceof SurrogateStr) return ["S", v.codePoints];
  if (v instanceof Uint8Array) return ["Y", Buffer.from(v).toString("hex")];
  if (v instanceof PyComplex) return ["C", floatHex(v.real), floatHex(v.imag)];
  if (Array.isArray(v)) return ["T", (v as PyObject[]).map(enc)];
  if (v instanceof PyList) return ["L", v.items.map(enc)];
  if (v instanceof PyDict) return ["D", v.entries.map(([k, x]) => [enc(k), enc(x)])];
  if (v instanceof PySet) return ["Z", (setSources.get(v) ?? v.items).map(enc)];
  if (v instanceof PyFrozenSet) return ["FZ", (setSources.get(v) ?? v.items).map(enc)];
  if (v === Ellipsis) return ["E"];
  if (v === StopIteration) return ["X"];
  throw new Error("cannot encode " + String(v));
}

const PY_SCRIPT = String.raw`
import json, struct, sys
req = json.load(sys.stdin)
def f(h): return struct.unpack('>d', bytes.fromhex(h))[0]
def dec(e):
    t = e[0]
    if t == 'N': return None
    if t == 'B': return e[1]
    if t == 'I': return int(e[1], 16)
    if t == 'F': return f(e[1])
    if t == 'S': return ''.join(map(chr, e[1]))
    if t == 'Y': return bytes.fromhex(e[1])
    if t == 'C': return complex(f(e[1]), f(e[2]))
    if t == 'T': return tuple(map(dec, e[1]))
    if t == 'L': return list(map(dec, e[1]))
    if t == 'D': return {dec(k): dec(v) for k, v in e[1]}
    if t == 'Z': return set(map(dec, e[1]))
    if t == 'FZ': return frozenset(map(dec, e[1]))
    if t == 'E': return ...
    if t == 'X': return StopIteration
    raise ValueError(t)
def h(v):
    try: return ['ok', str(hash(v))]
    except Exception as ex: return ['err', type(ex).__name__, str(ex)]
out = {}
out['hashes'] = [h(dec(e)) for e in req['hashes']]
out['unhashable'] = [h(dec(e)) for e in req['unhashable']]
def address_based(src):
    x = eval(src)
    return hash(x) == object.__hash__(x)
out['addressBased'] = [address_based(src) for src in req['addressHashed']]
# Code objects: their fields (to rebuild them in TS), their hash, and whether it is address-based,
# i.e. whether the constants (recursively) hold None, Ellipsis or a nan.
def enc_const(v):
    if v is None: return ['N']
    if v is ...: return ['E']
    if isinstance(v, bool): return ['B', v]
    if isinstance(v, int): return ['I', format(v, 'x')]
    if isinstance(v, float): return ['F', struct.pack('>d', v).hex()]
    if isinstance(v, complex): return ['C', struct.pack('>d', v.real).hex(), struct.pack('>d', v.imag).hex()]
    if isinstance(v, str): return ['S', [ord(c) for c in v]]
    if isinstance(v, bytes): return ['Y', v.hex()]
    if isinstance(v, tuple): return ['T', [enc_const(x) for x in v]]
    if isinstance(v, frozenset): return ['FZ', [enc_const(x) for x in v]]
    c = v
    return ['CODE', dict(
        name=c.co_name, qualname=c.co_qualname, filename=c.co_filename, firstlineno=c.co_firstlineno,
        argcount=c.co_argcount, posonly=c.co_posonlyargcount, kwonly=c.co_kwonlyargcount,
        stacksize=c.co_stacksize, flags=c.co_flags, code=c.co_code.hex(),
        consts=[enc_const(x) for x in c.co_consts], names=list(c.co_names), varnames=list(c.co_varnames),
        cellvars=list(c.co_cellvars), freevars=list(c.co_freevars), linetable=c.co_linetable.hex(),
        exceptiontable=c.co_exceptiontable.hex())]
def addr(v):
    if v is None or v is ... or (isinstance(v, float) and v != v): return True
    if isinstance(v, complex): return v.real != v.real or v.imag != v.imag
    if isinstance(v, (tuple, frozenset)): return any(map(addr, v))
    if hasattr(v, 'co_consts'): return addr(v.co_consts)
    return False
codes = []
for src, mode in req['codeSources']:
    top = compile(src, '<s>', mode)
    for c in [top] + [k for k in top.co_consts if hasattr(k, 'co_consts')]:
        codes.append([enc_const(c), str(hash(c)), addr(c)])
out['codes'] = codes
orders = []
for case in req['orders']:
    items = [dec(e) for e in case]
    first = {}
    for i, x in enumerate(items): first.setdefault(id(x), i)
    orders.append([first[id(x)] for x in frozenset(items)])
out['orders'] = orders
pool = [dec(e) for e in req['eqPool']]
out['eq'] = ''.join('1' if pool[i] == pool[j] else '0' for i, j in req['eqPairs'])
sys.stdout.write(json.dumps(out))
`;

let py: {
  hashes: (["ok", string] | ["err", string, string])[];
  unhashable: (["ok", string] | ["err", string, string])[];
  addressBased: boolean[];
  codes: [Enc, string, boolean][];
  orders: number[][];
  eq: string;
};

beforeAll(() => {
  const input = JSON.stringify({
    hashes: hashCases.map(enc),
    unhashable: unhashable.map(enc),
    addressHashed: addressHashed.map((a) => a.py),
    codeSources,
    orders: orderCases.map((c) => c.items.map(enc)),
    eqPool: eqPool.map(enc),
    eqPairs,
  });
  py = JSON.parse(runPython(PY_SCRIPT, input).toString("utf8"));
});

function short(v: PyObject): string {
  const e = JSON.stringify(enc(v));
  return e.length > 200 ? e.slice(0, 200) + "..." : e;
}

describe("pyHash matches CPython 3.11 hash() under PYTHONHASHSEED=0", () => {
  const kinds: [string, (v: PyObject) => boolean][] = [
    ["int and bool", (v) => typeof v === "bigint" || typeof v === "boolean"],
    ["float", (v) => typeof v === "number"],
    ["complex", (v) => v instanceof PyComplex],
    ["str", (v) => typeof v === "string" || v instanceof SurrogateStr],
    ["bytes", (v) => v instanceof Uint8Array],
    ["tuple", (v) => Array.isArray(v)],
    ["frozenset", (v) => v instanceof PyFrozenSet],
  ];
  for (const [kind, test] of kinds) {
    it(kind, () => {
      const bad: string[] = [];
      let n = 0;
      hashCases.forEach((v, i) => {
        if (!test(v)) return;
        n++;
        const expected = py.hashes[i];
        const got = String(pyHash(v));
        if (expected[0] !== "ok" || expected[1] !== got) bad.push(`${short(v)}: python ${expected.join(" ")} ours ${got}`);
      });
      expect(n).toBeGreaterThan(0);
      expect(bad.slice(0, 10), `${bad.length} of ${n} differ`).toEqual([]);
    });
  }

  it("reports address-based hashes as null / AddressHashError", () => {
    expect(py.addressBased).toEqual(addressHashed.map(() => true));
    for (const { value } of addressHashed) {
      expect(pyHashOrNull(value)).toBeNull();
      expect(() => pyHash(value)).toThrow(AddressHashError);
    }
    for (const inside of [[null], [1n, [Ellipsis]], frozen([1n, NaN]), new PyComplex(NaN, 1)] as PyObject[]) {
      expect(pyHashOrNull(inside)).toBeNull();
    }
  });

  it("code objects: co_consts decide whether the hash is reproducible", () => {
    const got = py.codes.map(([e]) => {
      const h = pyHashOrNull(dec(e));
      return h === null ? "address-based" : String(h);
    });
    expect(got).toEqual(py.codes.map(([, h, address]) => (address ? "address-based" : h)));
    // Both kinds occur, so the test exercises both paths.
    expect(new Set(py.codes.map(([, , address]) => address))).toEqual(new Set([true, false]));
  });

  it("raises TypeError for unhashable values like CPython", () => {
    const ours = unhashable.map((v) => {
      try {
        return ["ok", String(pyHash(v))];
      } catch (e) {
        const err = e as { pyType?: string; pyMessage?: string };
        return ["err", err.pyType, err.pyMessage];
      }
    });
    expect(ours).toEqual(py.unhashable);
  });
});

describe("setIterationOrder matches list(frozenset(items))", () => {
  const labels = [...new Set(orderCases.map((c) => c.label))];
  for (const label of labels) {
    it(label, () => {
      const bad: string[] = [];
      let n = 0;
      orderCases.forEach((c, ci) => {
        if (c.label !== label) return;
        n++;
        const firstIndex = new Map<PyObject, number>();
        c.items.forEach((x, i) => {
          if (!firstIndex.has(x)) firstIndex.set(x, i);
        });
        const got = setIterationOrder(c.items).map((x) => firstIndex.get(x));
        if (JSON.stringify(got) !== JSON.stringify(py.orders[ci])) {
          bad.push(`case ${ci} (${c.items.length} items): python ${JSON.stringify(py.orders[ci]).slice(0, 200)} ours ${JSON.stringify(got).slice(0, 200)}`);
        }
      });
      expect(n).toBeGreaterThan(0);
      expect(bad.slice(0, 5), `${bad.length} of ${n} differ`).toEqual([]);
    });
  }

  it("falls back to insertion order, duplicates dropped, when a hash is address-based", () => {
    expect(setIterationOrder([3n, null, 1n, null, Ellipsis, 3.0, "x"])).toEqual([3n, null, 1n, Ellipsis, "x"]);
  });
});

describe("pyEquals matches ==", () => {
  it(`all ${eqPairs.length} pairs of ${eqPool.length} values`, () => {
    const bad: string[] = [];
    eqPairs.forEach(([i, j], k) => {
      const got = pyEquals(eqPool[i], eqPool[j]) ? "1" : "0";
      if (got !== py.eq[k]) bad.push(`${short(eqPool[i])} == ${short(eqPool[j])}: python ${py.eq[k]} ours ${got}`);
    });
    expect(bad.slice(0, 10), `${bad.length} differ`).toEqual([]);
  });
});
