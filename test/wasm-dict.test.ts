import { testEnv } from "./support/wasm-env.js";
// hash / dict / set in the WASM VM (assembly/hash.ts, dict.ts, set.ts, dict-methods.ts,
// set-methods.ts), driven through build/test-entries/dict.wasm and compared with python3.11 under
// PYTHONHASHSEED=0 in one batch: hashes of a pool of ints, floats, complexes, strs of every kind,
// bytes, tuples and frozensets; random insert/delete sequences on sets and dicts with the iteration
// order, pop()/popitem() results and derived sets (|, &, -, ^, copy, views, fromkeys) compared item
// by item; hashes of random strings; the order of sets loaded by the unmarshaller; error messages;
// no leaks. PYVM_DICT_WASM=path runs another build of the entry.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { pythonJson } from "./support/python.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const WASM = process.env.PYVM_DICT_WASM ?? `${ROOT}build/test-entries/dict.wasm`;

const KIND = {
  none: 2, bool: 3, int: 4, float: 5, complex: 6, str: 7, bytes: 8, tuple: 9, dict: 11, set: 12, frozenset: 13,
  dictKeys: 17, dictValues: 18, dictItems: 19, keyIter: 20, valueIter: 21, itemIter: 22,
};
const EXC: Record<number, string> = { 2: "ValueError", 3: "TypeError", 6: "RecursionError", 7: "MemoryError", 23: "RuntimeError", 55: "KeyError" };
const NONE = 2n;
const FALSE = 0x0an;
const TRUE = 0x12n;

/** A Python value, JSON-able and shared with the python side. */
type E =
  | { i: string } // int (decimal)
  | { f: string } // float (text Number() and float() both read)
  | { c: [string, string] } // complex
  | { s: string } // str
  | { b: number[] } // bytes
  | { t: E[] } // tuple
  | { z: E[] } // frozenset, built by adding the items in order
  | { k: "T" | "F" | "N" }; // True, False, None

// eslint-disable-next-line @typescript-eslint/no-explicit-any
let X: any;
const mem = () => new DataView(X.memory.buffer);
const u64 = (v: bigint | number) => BigInt.asUintN(64, BigInt(v));

function writeBytes(bytes: Uint8Array): number {
  const p = X.heapAlloc(Math.max(bytes.length, 1));
  new Uint8Array(X.memory.buffer, p, bytes.length).set(bytes);
  return p;
}

function digits15(m: bigint): number[] {
  const out: number[] = [];
  for (; m > 0n; m >>= 15n) out.push(Number(m & 0x7fffn));
  return out;
}

/** Builds a Value (new reference). */
function enc(e: E): bigint {
  if ("k" in e) return e.k === "T" ? TRUE : e.k === "F" ? FALSE : NONE;
  if ("i" in e) {
    const n = BigInt(e.i);
    const d = digits15(n < 0n ? -n : n);
    const p = X.heapAlloc(Math.max(d.length, 1) * 2);
    d.forEach((x, j) => mem().setUint16(p + 2 * j, x, true));
    const v = u64(X.intFromDigits15(p, d.length, n < 0n));
    X.heapFree(p, Math.max(d.length, 1) * 2);
    return v;
  }
  if ("f" in e) return u64(X.floatNew(Number(e.f)));
  if ("c" in e) return u64(X.complexNew(Number(e.c[0]), Number(e.c[1])));
  if ("s" in e) {
    const b = new TextEncoder().encode(e.s);
    const p = writeBytes(b);
    const v = u64(X.strFromUtf8(p, b.length));
    X.heapFree(p, Math.max(b.length, 1));
    return v;
  }
  if ("b" in e) {
    const p = writeBytes(Uint8Array.from(e.b));
    const v = u64(X.bytesFromMemory(p, e.b.length));
    X.heapFree(p, Math.max(e.b.length, 1));
    return v;
  }
  if ("t" in e) {
    const t = X.tupleAlloc(Math.max(e.t.length, 1));
    if (e.t.length === 0) {
      // the empty tuple: an empty frozenset's tuple() would do, but tupleAlloc(0) is not the singleton;
      // build () through unmarshal of ')\x00'
      X.valueDecref(u64(t));
      return loadMarshal(Uint8Array.from([0x29, 0]));
    }
    e.t.forEach((x, j) => X.tupleSetItem(t, j, enc(x)));
    return u64(t);
  }
  const s = X.setNew(KIND.frozenset);
  for (const x of e.z) {
    const v = enc(x);
    expect(X.setAdd(s, v)).toBe(0);
    X.valueDecref(v);
  }
  return u64(s);
}

function loadMarshal(data: Uint8Array): bigint {
  const p = X.unmarshalInputAlloc(data.length);
  new Uint8Array(X.memory.buffer, p, data.length).set(data);
  const v = u64(X.unmarshal(p, data.length));
  X.unmarshalInputFree(p, data.length);
  if (v === 0n) throw new Error(`unmarshal failed: ${takeError()}`);
  return v;
}

function strText(p: number): string {
  const d = mem();
  const n = d.getUint32(p + 8, true);
  const k = d.getUint8(p + 12);
  let s = "";
  for (let i = 0; i < n; i++) {
    const c = k === 1 ? d.getUint8(p + 24 + i) : k === 2 ? d.getUint16(p + 24 + 2 * i, true) : d.getUint32(p + 24 + 4 * i, true);
    s += String.fromCodePoint(c);
  }
  return s;
}

const hex = (p: number, n: number) => Buffer.from(new Uint8Array(X.memory.buffer, p, n)).toString("hex");

/** Elements of a set/frozenset (borrowed) in iteration order, through the set iterator. */
function setItems(s: bigint): bigint[] {
  const it = X.setIterNew(s);
  const out: bigint[] = [];
  for (;;) {
    const v = u64(X.setIterNext(it));
    if (v === 0n) break;
    out.push(v);
    X.valueDecref(v); // still held by the set
  }
  expect(X.errorType()).toBe(0);
  X.valueDecref(u64(it));
  return out;
}

/** A canonical text of a value, the same as the python side's canon(). */
function canon(v: bigint): string {
  v = u64(v);
  if (v & 1n) return `i:${BigInt.asIntN(64, v) >> 1n}`;
  if (v === NONE) return "N";
  if (v === TRUE) return "T";
  if (v === FALSE) return "F";
  const p = Number(v);
  const d = mem();
  switch (X.valueKind(v)) {
    case KIND.int: {
      const nd = d.getUint32(p + 8, true);
      let m = 0n;
      for (let i = nd - 1; i >= 0; i--) m = (m << 30n) | BigInt(d.getUint32(p + 16 + 4 * i, true));
      return `i:${d.getInt32(p + 12, true) < 0 ? -m : m}`;
    }
    case KIND.float:
      return `f:${hex(p + 8, 8)}`;
    case KIND.complex:
      return `c:${hex(p + 8, 16)}`;
    case KIND.str:
      return `s:${JSON.stringify(strText(p))}`;
    case KIND.bytes:
      return `b:${hex(p + 24, d.getUint32(p + 8, true))}`;
    case KIND.tuple: {
      const n = d.getUint32(p + 8, true);
      const items = [];
      for (let i = 0; i < n; i++) items.push(canon(d.getBigUint64(p + 16 + 8 * i, true)));
      return `t(${items.join(",")})`;
    }
    case KIND.frozenset:
      return `z{${setItems(v).map(canon).join(",")}}`;
    case KIND.set:
      return `S{${setItems(v).map(canon).join(",")}}`;
  }
  return `<kind ${X.valueKind(v)}>`;
}

function takeError(): string {
  const t = X.errorType();
  const n = X.errorMessageLength();
  let msg = new TextDecoder().decode(new Uint8Array(X.memory.buffer, X.errorMessagePtr(), n));
  const value = u64(X.errorValue());
  if (value !== 0n) X.valueIncref(value);
  X.errorClear();
  if (value !== 0n) {
    msg = canon(value);
    X.valueDecref(value);
  }
  return `${EXC[t] ?? `exc#${t}`}: ${msg}`;
}

/** canon of a new reference (then dropped), or the error raised. */
function result(v: bigint | number): string {
  v = u64(v);
  if (v === 0n) return takeError();
  const s = canon(v);
  X.valueDecref(v);
  return s;
}

function findMethod(kind: number, name: string): number {
  const b = new TextEncoder().encode(name);
  const p = writeBytes(b);
  const i = X.findMethod(kind, p, b.length);
  X.heapFree(p, Math.max(b.length, 1));
  if (i < 0) throw new Error(`no method ${name}`);
  return i;
}

/** self.name(*args) through the registered native method: a new reference or 0. */
function call(kind: number, self: bigint, name: string, args: bigint[]): bigint {
  const p = X.heapAlloc(Math.max(args.length, 1) * 8);
  args.forEach((v, i) => mem().setBigUint64(p + 8 * i, v, true));
  const r = u64(X.callMethod(findMethod(kind, name), self, p, args.length, 0));
  X.heapFree(p, Math.max(args.length, 1) * 8);
  return r;
}

/** A dict's items as "k=v" canons, through the item iterator. */
function dictItems(d: bigint): string[] {
  const it = X.dictIterNew(d, KIND.itemIter);
  const out: string[] = [];
  for (;;) {
    const t = u64(X.dictIterNext(it));
    if (t === 0n) break;
    const p = Number(t);
    out.push(`${canon(mem().getBigUint64(p + 16, true))}=${canon(mem().getBigUint64(p + 24, true))}`);
    X.valueDecref(t);
  }
  expect(X.errorType()).toBe(0);
  X.valueDecref(u64(it));
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Random data (fixed seed), shared with python

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = prng(0xd1c7);
const int = (n: number) => Math.floor(rand() * n);
const pick = <T>(xs: T[]): T => xs[int(xs.length)];

function randStr(maxLen: number): string {
  const kind = int(4);
  const n = int(maxLen + 1);
  let s = "";
  for (let i = 0; i < n; i++) {
    let c: number;
    if (kind === 0) c = 0x20 + int(95);
    else if (kind === 1) c = pick([0x20 + int(95), 0xa0 + int(96)]);
    else if (kind === 2) c = pick([0x61 + int(26), 0x100 + int(0xd700), 0xe000 + int(0x1f00)]);
    else c = pick([0x61 + int(26), 0x400 + int(100), 0x10000 + int(0xfffff)]);
    s += String.fromCodePoint(c);
  }
  return s;
}

function randScalar(): E {
  switch (int(9)) {
    case 0:
      return { i: String(int(64) - 16) };
    case 1:
      return { i: String(BigInt(int(2 ** 31)) * BigInt(int(2 ** 31)) * BigInt(int(2 ** 12)) * (rand() < 0.5 ? -1n : 1n)) };
    case 2:
      return { f: pick(["0.5", "-0.0", "0.0", "3.0", "1e100", "Infinity", "-Infinity", "2.5", String(rand() * 1e6), "-7.125"]) };
    case 3:
      return { c: [pick(["0", "1", "2.5"]), pick(["0", "1", "-3"])] };
    case 4:
    case 5:
      return { s: randStr(12) };
    case 6:
      return { b: Array.from({ length: int(6) }, () => int(256)) };
    case 7:
      return { k: pick(["T", "F", "N"]) };
  }
  return { i: String(int(1000)) };
}

function randElement(depth = 0): E {
  const r = rand();
  if (depth < 2 && r < 0.12) return { t: Array.from({ length: int(4) }, () => randElement(depth + 1)) };
  if (depth < 2 && r < 0.18) return { z: Array.from({ length: int(5) }, () => randElement(depth + 1)) };
  return randScalar();
}

const POOL: E[] = Array.from({ length: 220 }, () => randElement());

type SetOp = ["a", number] | ["d", number] | ["p"] | ["u", number[]] | ["x", number[]] | ["c"];
type DictOp = ["s", number, number] | ["d", number] | ["p", number] | ["i"] | ["g", number, number];

function randIdx(n: number): number[] {
  return Array.from({ length: n }, () => int(POOL.length));
}

const SET_CASES = Array.from({ length: 40 }, () => {
  const ops: SetOp[] = [];
  const n = 5 + int(120);
  for (let i = 0; i < n; i++) {
    const r = rand();
    if (r < 0.55) ops.push(["a", int(POOL.length)]);
    else if (r < 0.8) ops.push(["d", int(POOL.length)]);
    else if (r < 0.87) ops.push(["p"]);
    else if (r < 0.94) ops.push(["u", randIdx(int(20))]);
    else if (r < 0.995) ops.push(["x", randIdx(int(20))]);
    else ops.push(["c"]);
  }
  return { ops, other: randIdx(int(40)) };
});

const DICT_CASES = Array.from({ length: 40 }, () => {
  const ops: DictOp[] = [];
  const n = 5 + int(150);
  for (let i = 0; i < n; i++) {
    const r = rand();
    if (r < 0.55) ops.push(["s", int(POOL.length), int(100)]);
    else if (r < 0.75) ops.push(["d", int(POOL.length)]);
    else if (r < 0.85) ops.push(["p", int(POOL.length)]);
    else if (r < 0.9) ops.push(["i"]);
    else ops.push(["g", int(POOL.length), int(100)]);
  }
  return { ops, other: randIdx(int(30)) };
});

const STRS = Array.from({ length: 300 }, () => randStr(40));

const PY = String.raw`
import json, struct, sys, marshal
data = json.loads(sys.stdin.read())
def build(e):
    if 'i' in e: return int(e['i'])
    if 'f' in e: return float(e['f'])
    if 'c' in e: return complex(float(e['c'][0]), float(e['c'][1]))
    if 's' in e: return e['s']
    if 'b' in e: return bytes(e['b'])
    if 't' in e: return tuple(build(x) for x in e['t'])
    if 'z' in e: return frozenset(build(x) for x in e['z'])
    return {'T': True, 'F': False, 'N': None}[e['k']]
def canon(x):
    if x is None: return 'N'
    if x is True: return 'T'
    if x is False: return 'F'
    t = type(x)
    if t is int: return 'i:%d' % x
    if t is float: return 'f:' + struct.pack('<d', x).hex()
    if t is complex: return 'c:' + struct.pack('<dd', x.real, x.imag).hex()
    if t is str: return 's:' + json.dumps(x, ensure_ascii=False)
    if t is bytes: return 'b:' + x.hex()
    if t is tuple: return 't(' + ','.join(map(canon, x)) + ')'
    if t is frozenset: return 'z{' + ','.join(map(canon, x)) + '}'
    if t is set: return 'S{' + ','.join(map(canon, x)) + '}'
    raise TypeError(t)
def err(e):
    if isinstance(e, KeyError): return 'KeyError: ' + (canon(e.args[0]) if e.args and not isinstance(e.args[0], str) or (e.args and e.args[0] not in ('pop from an empty set', 'popitem(): dictionary is empty')) else e.args[0])
    return type(e).__name__ + ': ' + str(e)
pool = data['pool']
def el(i): return build(pool[i])
out = {'none': hash(None), 'ellipsis': hash(...)}
out['hashes'] = [str(hash(build(e))) for e in pool]
out['canons'] = [canon(build(e)) for e in pool]
out['strs'] = [str(hash(s)) for s in data['strs']]
sets = []
for case in data['sets']:
    s = set(); log = []
    for op in case['ops']:
        k = op[0]
        if k == 'a': s.add(el(op[1]))
        elif k == 'd': s.discard(el(op[1]))
        elif k == 'p':
            try: log.append(canon(s.pop()))
            except KeyError as e: log.append(err(e))
        elif k == 'u': s.update(tuple(el(i) for i in op[1]))
        elif k == 'x': s.difference_update(tuple(el(i) for i in op[1]))
        else: s.clear()
    t = set(tuple(el(i) for i in case['other']))
    u = s.copy(); u.symmetric_difference_update(t)
    sets.append({'order': canon(s), 'log': log, 'copy': canon(s.copy()), 'frozen': canon(frozenset(s)),
        'or': canon(s | t), 'and': canon(s & t), 'sub': canon(s - t), 'xor': canon(s ^ t), 'rsub': canon(t - s),
        'symupd': canon(u), 'le': s <= t, 'eq': s == frozenset(s), 'disj': s.isdisjoint(t), 'inter': canon(s.intersection(t, s))})
out['sets'] = sets
dicts = []
for case in data['dicts']:
    d = {}; log = []
    for op in case['ops']:
        k = op[0]
        try:
            if k == 's': d[el(op[1])] = op[2]
            elif k == 'd': del d[el(op[1])]
            elif k == 'p': log.append(canon(d.pop(el(op[1]), -1)))
            elif k == 'i': kk, vv = d.popitem(); log.append(canon(kk) + '=' + canon(vv))
            else: log.append(canon(d.setdefault(el(op[1]), op[2])))
        except KeyError as e: log.append(err(e))
    t = set(tuple(el(i) for i in case['other']))
    items = lambda x: [canon(a) + '=' + canon(b) for a, b in x.items()]
    d2 = dict.fromkeys(t, 7)
    dicts.append({'items': items(d), 'log': log, 'copy': items(d.copy()), 'and': canon(d.keys() & t),
        'or': canon(d.keys() | t), 'sub': canon(d.keys() - t), 'xor': canon(d.keys() ^ t),
        'ixor': canon(d.items() ^ d2.items()), 'fromkeys': items(d2), 'keyset': canon(set(d)),
        'eq': d.keys() == set(d), 'iand': canon(d.items() & {(k, v) for k, v in list(d.items())[::2]})})
out['dicts'] = dicts
marsh = []
for case in data['sets'][:20]:
    f = frozenset(el(i) for i in case['other'])
    for v in (f, set(f), (f, 1)):
        b = marshal.dumps(v)
        marsh.append({'data': b.hex(), 'canon': canon(marshal.loads(b)) if not isinstance(v, tuple) else canon(marshal.loads(b)[0])})
out['marshal'] = marsh
print(json.dumps(out))
`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
let ORACLE: any;

const SIG: Record<string, string> = {
  valueDecref: "v", valueIncref: "v", valueKind: "v", hashValue: "v", valueEq: "vv",
  tupleSetItem: "pnv", unmarshal: "pn", unmarshalInputFree: "pn", strFromUtf8: "pn", bytesFromMemory: "pn",
  intFromDigits15: "pnn", heapFree: "pn",
  dictSetItem: "pvv", dictGetItem: "pv", dictGetItemStr: "pp", dictDelItem: "pv", dictContains: "pv", dictSize: "p",
  dictCopy: "p", dictUpdate: "pp", dictClear: "p", dictPop: "pvv", dictPopItem: "p", dictSetDefault: "pvv",
  dictEqual: "pp", dictVersion: "p", dictLookupIndex: "pv", dictEntryKey: "pn", dictEntryValue: "pn",
  dictViewNew: "pn", dictViewLen: "p", dictViewContains: "pv", dictViewRichCompare: "pvn", dictViewAnd: "vv",
  dictViewOr: "vv", dictViewSub: "vv", dictViewXor: "vv", dictViewIsDisjoint: "pv", dictIterNew: "pn",
  dictIterNext: "p", dictViewIter: "p",
  setNew: "n", setFromIterable: "nv", setAdd: "pv", setDiscard: "pv", setRemove: "pv", setContains: "pv", setPop: "p",
  setClear: "p", setCopy: "p", setUpdate: "pv", setOr: "pp", setIntersection: "pv", setDifference: "pv",
  setSymmetricDifference: "pv", setSymmetricDifferenceUpdate: "pv", setDifferenceUpdate: "pv", setIsSubset: "pv",
  setIsSuperset: "pv", setIsDisjoint: "pv", setEq: "pp", setRichCompare: "ppn", setIterNew: "p", setIterNext: "p",
  callMethod: "nvpnp",
};

beforeAll(() => {
  if (!process.env.PYVM_DICT_WASM && !existsSync(WASM)) {
    mkdirSync(dirname(WASM), { recursive: true });
    const asc = fileURLToPath(new URL("../node_modules/assemblyscript/bin/asc.js", import.meta.url));
    execFileSync(process.execPath, [asc, "assembly/test-entries/dict.ts", "-o", WASM, "-O3", "--runtime", "stub", "--noAssert"], {
      cwd: ROOT,
      stdio: "inherit",
    });
  }
  const module = new WebAssembly.Module(readFileSync(WASM));
  const instance = new WebAssembly.Instance(module, { env: testEnv() });
  const raw = instance.exports as Record<string, unknown>;
  // Pointers (usize) cross as JS numbers, Values (u64) as bigints: coerce by signature
  // (p pointer, v Value, n number), so the tests can hold everything as bigint.
  X = {};
  for (const [name, f] of Object.entries(raw)) {
    const sig = SIG[name];
    X[name] =
      typeof f !== "function" || !sig
        ? f
        : (...args: unknown[]) =>
            (f as (...a: unknown[]) => unknown)(...args.map((a, i) => (sig[i] === "v" ? u64(a as bigint) : Number(a))));
  }
  X.heapInit(0);
  ORACLE = pythonJson(PY, JSON.stringify({ pool: POOL, strs: STRS, sets: SET_CASES, dicts: DICT_CASES }));
  // hash(None) and hash(...) of that python process (address-based in CPython)
  X.setAddressHashes(BigInt(ORACLE.none), BigInt(ORACLE.ellipsis));
});

describe("hash()", () => {
  it("matches python3.11 for a pool of ints, floats, complexes, strs, bytes, tuples, frozensets", () => {
    const before = X.heapBytesInUse();
    const bad: string[] = [];
    POOL.forEach((e, i) => {
      const v = enc(e);
      const h = BigInt.asIntN(64, BigInt(X.hashValue(v)));
      if (String(h) !== ORACLE.hashes[i]) bad.push(`${ORACLE.canons[i]}: ${h} != ${ORACLE.hashes[i]}`);
      if (canon(v) !== ORACLE.canons[i]) bad.push(`built ${canon(v)} != ${ORACLE.canons[i]}`);
      X.valueDecref(v);
    });
    expect(bad.slice(0, 10)).toEqual([]);
    expect(X.heapBytesInUse()).toBe(before);
  });

  it("matches python3.11 for random strings of kinds 1, 2 and 4 (and caches it)", () => {
    const bad: string[] = [];
    STRS.forEach((s, i) => {
      const v = enc({ s });
      const h = String(BigInt.asIntN(64, BigInt(X.hashValue(v))));
      if (h !== ORACLE.strs[i]) bad.push(`${JSON.stringify(s)}: ${h} != ${ORACLE.strs[i]}`);
      expect(String(mem().getBigInt64(Number(v) + 16, true))).toBe(ORACLE.strs[i]);
      X.valueDecref(v);
    });
    expect(bad.slice(0, 5)).toEqual([]);
  });

  it("raises TypeError for unhashable values; hashes 3000-deep tuples without wasm recursion", () => {
    const s = X.setNew(KIND.set);
    expect(X.hashValue(u64(s))).toBe(-1n);
    expect(takeError()).toBe("TypeError: unhashable type: 'set'");
    const d = X.dictNew();
    expect(X.setAdd(s, u64(d))).toBe(-1);
    expect(takeError()).toBe("TypeError: unhashable type: 'dict'");
    expect(X.dictSetItem(d, u64(s), NONE)).toBe(-1);
    expect(takeError()).toBe("TypeError: unhashable type: 'set'");
    // a frozenset holding a tuple that holds a set: unhashable at the tuple
    const t = X.tupleAlloc(2);
    X.tupleSetItem(t, 0, 3n);
    X.valueIncref(u64(s));
    X.tupleSetItem(t, 1, u64(s));
    expect(X.hashValue(u64(t))).toBe(-1n);
    expect(takeError()).toBe("TypeError: unhashable type: 'set'");
    // deep nesting: hashing iterates, 3000 levels are fine
    let deep = enc({ i: "5" });
    for (let i = 0; i < 3000; i++) {
      const u = X.tupleAlloc(1);
      X.tupleSetItem(u, 0, deep);
      deep = u64(u);
    }
    expect(X.hashValue(deep)).not.toBe(-1n);
    X.valueDecref(deep);
    [t, s, d].forEach((x) => X.valueDecref(u64(x)));
    expect(X.heapAudit()).toBe(0);
  });
});

describe("sets", () => {
  it("random add/discard/pop/update sequences iterate and derive as python3.11's", () => {
    const before = X.heapBytesInUse();
    const bad: string[] = [];
    const els = (idx: number[]) => {
      const t = X.tupleAlloc(Math.max(idx.length, 1));
      if (idx.length === 0) {
        X.valueDecref(u64(t));
        return loadMarshal(Uint8Array.from([0x29, 0]));
      }
      idx.forEach((i, j) => X.tupleSetItem(t, j, enc(POOL[i])));
      return u64(t);
    };
    SET_CASES.forEach((c, n) => {
      const want = ORACLE.sets[n];
      const s = u64(X.setNew(KIND.set));
      const log: string[] = [];
      for (const op of c.ops) {
        if (op[0] === "a" || op[0] === "d") {
          const v = enc(POOL[op[1]]);
          expect(result(call(KIND.set, s, op[0] === "a" ? "add" : "discard", [v]))).toBe("N");
          X.valueDecref(v);
        } else if (op[0] === "p") {
          log.push(result(call(KIND.set, s, "pop", [])));
        } else if (op[0] === "u" || op[0] === "x") {
          const t = els(op[1]);
          expect(result(call(KIND.set, s, op[0] === "u" ? "update" : "difference_update", [t]))).toBe("N");
          X.valueDecref(t);
        } else {
          expect(result(call(KIND.set, s, "clear", []))).toBe("N");
        }
      }
      const tt = els(c.other);
      const t = u64(X.setFromIterable(KIND.set, tt));
      X.valueDecref(tt);
      const u = u64(X.setCopy(s));
      expect(X.setSymmetricDifferenceUpdate(u, t)).toBe(0);
      const got = {
        order: canon(s),
        log,
        copy: result(X.setCopy(s)),
        frozen: result(X.setFromIterable(KIND.frozenset, s)),
        or: result(X.setOr(s, t)),
        and: result(X.setIntersection(s, t)),
        sub: result(X.setDifference(s, t)),
        xor: result(X.setSymmetricDifference(s, t)),
        rsub: result(X.setDifference(t, s)),
        symupd: result(u),
        le: X.setIsSubset(s, t) === 1,
        eq: (() => {
          const f = X.setFromIterable(KIND.frozenset, s);
          const r = X.setEq(s, f) === 1;
          X.valueDecref(u64(f));
          return r;
        })(),
        disj: X.setIsDisjoint(s, t) === 1,
        inter: result(call(KIND.set, s, "intersection", [t, s])),
      };
      for (const k of Object.keys(want)) {
        if (JSON.stringify(got[k as keyof typeof got]) !== JSON.stringify(want[k])) {
          bad.push(`case ${n} ${k}: ${JSON.stringify(got[k as keyof typeof got]).slice(0, 300)} != ${JSON.stringify(want[k]).slice(0, 300)}`);
        }
      }
      X.valueDecref(s);
      X.valueDecref(t);
    });
    expect(bad.slice(0, 6)).toEqual([]);
    expect(X.heapBytesInUse()).toBe(before);
    expect(X.heapAudit()).toBe(0);
  });

  it("loads marshalled sets and frozensets in the order python3.11 iterates them", () => {
    const before = X.heapBytesInUse();
    for (const m of ORACLE.marshal) {
      const v = loadMarshal(Uint8Array.from(Buffer.from(m.data, "hex")));
      const k = X.valueKind(v);
      const got = k === KIND.tuple ? canon(mem().getBigUint64(Number(v) + 16, true)) : canon(v);
      expect(got).toBe(m.canon);
      X.valueDecref(v);
    }
    expect(X.heapBytesInUse()).toBe(before);
  });

  it("raises as CPython: pop from empty, remove, changed size during iteration, argument counts", () => {
    const s = u64(X.setNew(KIND.set));
    expect(result(call(KIND.set, s, "pop", []))).toBe("KeyError: pop from an empty set");
    expect(result(call(KIND.set, s, "remove", [5n]))).toBe("KeyError: i:2");
    expect(result(call(KIND.set, s, "add", []))).toBe("TypeError: set.add() takes exactly one argument (0 given)");
    const f = u64(X.setNew(KIND.frozenset));
    expect(result(call(KIND.frozenset, f, "isdisjoint", []))).toBe("TypeError: frozenset.isdisjoint() takes exactly one argument (0 given)");
    expect(result(call(KIND.set, s, "copy", [1n]))).toBe("TypeError: set.copy() takes no arguments (1 given)");
    for (let i = 0; i < 5; i++) X.setAdd(s, u64((i << 1) | 1));
    // a set as an element is looked up as a frozenset
    const inner = u64(X.setNew(KIND.set));
    X.setAdd(inner, 3n);
    expect(X.setContains(s, inner)).toBe(0);
    expect(result(call(KIND.set, s, "remove", [inner]))).toBe("KeyError: S{i:1}");
    const it = X.setIterNew(s);
    X.valueDecref(u64(X.setIterNext(it)));
    X.setAdd(s, 99n);
    expect(X.setIterNext(it)).toBe(0n);
    expect(takeError()).toBe("RuntimeError: Set changed size during iteration");
    [it, s, f, inner].forEach((x) => X.valueDecref(u64(x)));
    expect(X.heapAudit()).toBe(0);
  });
});

describe("dicts", () => {
  it("random set/del/pop/popitem/setdefault sequences keep python3.11's order and results", () => {
    const before = X.heapBytesInUse();
    const bad: string[] = [];
    const versions = new Set<bigint>();
    DICT_CASES.forEach((c, n) => {
      const want = ORACLE.dicts[n];
      const d = u64(X.dictNew());
      const log: string[] = [];
      for (const op of c.ops) {
        const k = op[0] === "i" ? 0n : enc(POOL[op[1]]);
        if (op[0] === "s") {
          expect(X.dictSetItem(d, k, u64((BigInt(op[2]) << 1n) | 1n))).toBe(0);
        } else if (op[0] === "d") {
          if (X.dictDelItem(d, k) < 0) log.push(takeError());
        } else if (op[0] === "p") {
          log.push(result(call(KIND.dict, d, "pop", [k, u64(-1n << 1n | 1n)])));
        } else if (op[0] === "i") {
          const t = u64(call(KIND.dict, d, "popitem", []));
          if (t === 0n) log.push(takeError());
          else {
            log.push(`${canon(mem().getBigUint64(Number(t) + 16, true))}=${canon(mem().getBigUint64(Number(t) + 24, true))}`);
            X.valueDecref(t);
          }
        } else {
          log.push(result(call(KIND.dict, d, "setdefault", [k, u64((BigInt(op[2]) << 1n) | 1n)])));
        }
        versions.add(BigInt(X.dictVersion(d)));
        if (k !== 0n) X.valueDecref(k);
      }
      const tt = u64(X.tupleAlloc(Math.max(c.other.length, 1)));
      if (c.other.length === 0) X.tupleSetItem(tt, 0, NONE);
      c.other.forEach((i, j) => X.tupleSetItem(tt, j, enc(POOL[i])));
      const t = u64(X.setFromIterable(KIND.set, tt));
      if (c.other.length === 0) X.setDiscard(t, NONE);
      X.valueDecref(tt);
      const keys = u64(X.dictViewNew(d, KIND.dictKeys));
      const items = u64(X.dictViewNew(d, KIND.dictItems));
      const d2 = u64(call(KIND.dict, u64(X.builtinType(KIND.dict)), "fromkeys", [t, 15n]));
      const items2 = u64(X.dictViewNew(d2, KIND.dictItems));
      const copy = u64(X.dictCopy(d));
      // every other item, as (k, v) tuples in a set
      const half = u64(X.setNew(KIND.set));
      dictItems(d).forEach((_, j) => {
        if (j % 2) return;
        const it = X.dictIterNew(d, KIND.itemIter);
        let pair = 0n;
        for (let m = 0; m <= j; m++) {
          if (pair) X.valueDecref(pair);
          pair = u64(X.dictIterNext(it));
        }
        X.setAdd(half, pair);
        X.valueDecref(pair);
        X.valueDecref(u64(it));
      });
      const got = {
        items: dictItems(d),
        log,
        copy: dictItems(copy),
        and: result(X.dictViewAnd(keys, t)),
        or: result(X.dictViewOr(keys, t)),
        sub: result(X.dictViewSub(keys, t)),
        xor: result(X.dictViewXor(keys, t)),
        ixor: result(X.dictViewXor(items, items2)),
        fromkeys: dictItems(d2),
        keyset: result(X.setFromIterable(KIND.set, d)),
        eq: (() => {
          const ks = X.setFromIterable(KIND.set, d);
          const r = X.dictViewRichCompare(keys, u64(ks), 2) === 1;
          X.valueDecref(u64(ks));
          return r;
        })(),
        iand: result(X.dictViewAnd(items, half)),
      };
      for (const k of Object.keys(want)) {
        if (JSON.stringify(got[k as keyof typeof got]) !== JSON.stringify(want[k])) {
          bad.push(`case ${n} ${k}: ${JSON.stringify(got[k as keyof typeof got]).slice(0, 300)} != ${JSON.stringify(want[k]).slice(0, 300)}`);
        }
      }
      [d, t, keys, items, d2, items2, copy, half].forEach((x) => X.valueDecref(x));
    });
    expect(bad.slice(0, 6)).toEqual([]);
    expect(versions.size).toBeGreaterThan(100);
    expect(X.heapBytesInUse()).toBe(before);
    expect(X.heapAudit()).toBe(0);
  });

  it("lookups: str fast path, entry indexes, 1 == 1.0 == True, big dicts", () => {
    const before = X.heapBytesInUse();
    const d = u64(X.dictNew());
    const keys: bigint[] = [];
    for (let i = 0; i < 3000; i++) {
      const k = enc({ s: `k${i}` });
      keys.push(k);
      expect(X.dictSetItem(d, k, u64((BigInt(i) << 1n) | 1n))).toBe(0);
    }
    for (let i = 0; i < 3000; i += 2) expect(X.dictDelItem(d, keys[i])).toBe(0);
    expect(X.dictSize(d)).toBe(1500);
    for (let i = 0; i < 3000; i++) {
      const probe = enc({ s: `k${i}` }); // an equal str, another object
      const v = u64(X.dictGetItemStr(d, probe));
      expect(v).toBe(i % 2 ? u64((BigInt(i) << 1n) | 1n) : 0n);
      const ix = X.dictLookupIndex(d, probe);
      if (i % 2) expect(u64(X.dictEntryValue(d, ix))).toBe(v);
      else expect(ix).toBe(-1);
      X.valueDecref(probe);
    }
    expect(X.errorType()).toBe(0);
    expect(u64(X.dictGetItem(d, NONE))).toBe(0n); // absent: NULL without an exception
    expect(X.errorType()).toBe(0);
    keys.forEach((k) => X.valueDecref(k));
    // numbers across types
    const n = u64(X.dictNew());
    const v0 = BigInt(X.dictVersion(n));
    expect(X.dictSetItem(n, 3n, 11n)).toBe(0); // 1 -> 5 (small ints)
    const v1 = BigInt(X.dictVersion(n));
    expect(v1).not.toBe(v0);
    expect(X.dictSetItem(n, 3n, 11n)).toBe(0); // the same value object: no change
    expect(BigInt(X.dictVersion(n))).toBe(v1);
    const one = enc({ f: "1.0" });
    expect(X.dictSetItem(n, one, 21n)).toBe(0);
    expect(X.dictSetItem(n, TRUE, 31n)).toBe(0);
    expect(BigInt(X.dictVersion(n))).not.toBe(v1);
    expect(dictItems(n)).toEqual(["i:1=i:15"]);
    const c10 = enc({ c: ["1", "0"] });
    expect(X.dictContains(n, c10)).toBe(1);
    X.valueDecref(c10);
    X.valueDecref(one);
    expect(result(X.dictPopItem(n))).toBe("t(i:1,i:15)");
    expect(result(X.dictPopItem(n))).toBe("KeyError: popitem(): dictionary is empty");
    expect(X.dictDelItem(n, 3n)).toBe(-1);
    expect(takeError()).toBe("KeyError: i:1");
    // iteration while the dict changes
    X.dictSetItem(n, 5n, 5n);
    X.dictSetItem(n, 7n, 7n);
    const it = X.dictIterNew(n, KIND.keyIter);
    X.dictIterNext(it);
    X.dictSetItem(n, 9n, 9n);
    expect(X.dictIterNext(it)).toBe(0n);
    expect(takeError()).toBe("RuntimeError: dictionary changed size during iteration");
    expect(X.dictIterNext(it)).toBe(0n);
    expect(takeError()).toBe("RuntimeError: dictionary changed size during iteration");
    // the same size but other keys
    const it2 = X.dictIterNew(n, KIND.keyIter);
    expect(X.dictIterNext(it2)).toBe(5n);
    X.dictDelItem(n, 5n);
    X.dictSetItem(n, 11n, 11n);
    expect(X.dictIterNext(it2)).toBe(7n);
    expect(X.dictIterNext(it2)).toBe(9n);
    expect(X.dictIterNext(it2)).toBe(0n);
    expect(takeError()).toBe("RuntimeError: dictionary keys changed during iteration");
    [d, n, it, it2].forEach((x) => X.valueDecref(u64(x)));
    expect(X.heapBytesInUse()).toBe(before);
    expect(X.heapAudit()).toBe(0);
  });

  it("update() from a dict, pairs and keywords; method argument errors", () => {
    const before = X.heapBytesInUse();
    const d = u64(X.dictNew());
    const pairs = enc({ t: [{ t: [{ s: "a" }, { i: "1" }] }, { t: [{ s: "b" }, { i: "2" }] }] });
    expect(result(call(KIND.dict, d, "update", [pairs]))).toBe("N");
    const bad = enc({ t: [{ t: [{ i: "1" }, { i: "2" }, { i: "3" }] }] });
    expect(result(call(KIND.dict, d, "update", [bad]))).toBe("ValueError: dictionary update sequence element #0 has length 3; 2 is required");
    expect(result(call(KIND.dict, d, "update", [pairs, pairs]))).toBe("TypeError: update expected at most 1 argument, got 2");
    expect(result(call(KIND.dict, d, "get", []))).toBe("TypeError: get expected at least 1 argument, got 0");
    expect(result(call(KIND.dict, d, "popitem", [3n]))).toBe("TypeError: dict.popitem() takes no arguments (1 given)");
    const e = u64(X.dictNew());
    X.dictSetItem(e, 5n, 5n);
    expect(X.dictUpdate(e, d)).toBe(0);
    expect(dictItems(e)).toEqual(['i:2=i:2', 's:"a"=i:1', 's:"b"=i:2']);
    expect(X.dictEqual(e, d)).toBe(0);
    X.dictDelItem(e, 5n);
    expect(X.dictEqual(e, d)).toBe(1);
    expect(result(call(KIND.dict, e, "get", [9n, 7n]))).toBe("i:3");
    expect(result(call(KIND.dict, e, "clear", []))).toBe("N");
    expect(X.dictSize(e)).toBe(0);
    [d, e, pairs, bad].forEach((x) => X.valueDecref(u64(x)));
    expect(X.heapBytesInUse()).toBe(before);
  });
});
