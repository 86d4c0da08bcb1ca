/**
 * host/repr.ts against CPython 3.11: a large generated batch of values (floats of every magnitude,
 * complex with signed zeros/inf/nan, big ints, strings with every escape and every code point, bytes,
 * nested containers, recursive containers, code objects) is sent to one python3.11 process, which
 * returns repr() of each; pyRepr must agree character for character. Also checks that
 * host/unicode-printable.generated.ts is exactly what tools/gen_unicode_printable.py writes today.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { CodeObject } from "../host/code.js";
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
import { codeAddress, floatRepr, isPrintable, pyRepr, setCodeAddress } from "../host/repr.js";
import { setIterationOrder } from "../host/setorder.js";
import { runPython } from "./support/python.js";

const ROOT = join(import.meta.dirname, "..");

// ---------------------------------------------------------------------------------------------
// deterministic random values

let seed = 0x9e3779b9;
function rand32(): number {
  // xorshift32
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return seed >>> 0;
}
const randInt = (lo: number, hi: number) => lo + (rand32() % (hi - lo + 1)); // inclusive, small ranges
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
function nextUp(x: number, dir: 1 | -1): number {
  dv.setFloat64(0, x);
  const big = dv.getBigUint64(0) + BigInt(dir);
  dv.setBigUint64(0, big);
  return dv.getFloat64(0);
}

function randomBigInt(maxDigits: number): bigint {
  const digits = randInt(1, maxDigits);
  let s = String(randInt(1, 9));
  while (s.length < digits) s += String(rand32() % 1e9).padStart(9, "0");
  const n = BigInt(s.slice(0, digits));
  return chance(0.5) ? -n : n;
}

function randomFloat(): number {
  switch (rand32() % 5) {
    case 0:
    case 1:
      return fromBits(rand32(), rand32()); // every exponent, subnormals, a few nans
    case 2: // short decimal strings: the shortest-digit choice matters most here
      return Number(`${rand32() % 10 ** randInt(1, 9)}e${randInt(-330, 310)}`) * (chance(0.5) ? -1 : 1);
    case 3: // exactly representable integers of every size up to 2**53, scaled by powers of two
      return Math.floor((rand32() * 2 ** 21 + (rand32() >>> 11)) / 2 ** randInt(0, 52)) * 2 ** randInt(-60, 80);
    default: // values near the fixed/exponent switch
      return (rand32() / 2 ** 32) * 10 ** randInt(-7, 18);
  }
}

function randomCodePoint(): number {
  switch (rand32() % 10) {
    case 0:
    case 1:
    case 2:
      return randInt(0x20, 0x7e);
    case 3:
      return pick([0x27, 0x22, 0x5c, 0x09, 0x0a, 0x0d, 0x00, 0x7f]);
    case 4:
      return randInt(0, 0x1f);
    case 5:
      return randInt(0x80, 0xff);
    case 6:
      return randInt(0xd800, 0xdfff); // lone surrogates, and pairs of separate surrogate code points
    case 7:
    case 8:
      return randInt(0x100, 0xffff);
    default:
      return randInt(0x10000, 0x10ffff);
  }
}

function randomStr(maxLen: number): string | SurrogateStr {
  const n = randInt(0, maxLen);
  const cps: number[] = [];
  for (let i = 0; i < n; i++) cps.push(randomCodePoint());
  return strFromCodePoints(cps);
}

function randomBytes(maxLen: number): Uint8Array {
  const n = randInt(0, maxLen);
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = chance(0.3) ? pick([0x27, 0x22, 0x5c, 0x0a]) : rand32() & 0xff;
  return b;
}

/** A PyFrozenSet/PySet in CPython's iteration order, remembering the insertion order for Python. */
const setSources = new WeakMap<object, readonly PyObject[]>();
function frozen(items: PyObject[]): PyFrozenSet {
  const fs = new PyFrozenSet(setIterationOrder(items));
  setSources.set(fs, items);
  return fs;
}
function mutableSet(items: PyObject[]): PySet {
  const s = new PySet(setIterationOrder(items));
  setSources.set(s, items);
  return s;
}

/** Hashable values whose hash (hence set position) is reproducible. */
function randomHashable(depth: number): PyObject {
  switch (rand32() % (depth > 0 ? 9 : 7)) {
    case 0:
      return BigInt(randInt(-5, 300));
    case 1:
      return randomBigInt(30);
    case 2: {
      const x = randomFloat();
      return x === x ? x : 0.5;
    }
    case 3:
      return randomStr(6);
    case 4:
      return randomBytes(5);
    case 5:
      return chance(0.5);
    case 6:
      return new PyComplex(pick([0, -0, 1.5, -2]), pick([0, -0, 1, -1e-7, Infinity]));
    case 7:
      return Array.from({ length: randInt(0, 3) }, () => randomHashable(depth - 1));
    default:
      return frozen(Array.from({ length: randInt(0, 4) }, () => randomHashable(depth - 1)));
  }
}

function randomValue(depth: number): PyObject {
  switch (rand32() % (depth > 0 ? 12 : 7)) {
    case 0:
      return pick([null, Ellipsis, StopIteration, true, false]);
    case 1:
      return randomBigInt(25);
    case 2:
      return randomFloat();
    case 3:
      return randomStr(8);
    case 4:
      return randomBytes(6);
    case 5:
      return new PyComplex(randomFloat(), randomFloat());
    case 6:
      return randomHashable(1);
    case 7:
    case 8:
      return Array.from({ length: randInt(0, 4) }, () => randomValue(depth - 1));
    case 9:
      return new PyList(Array.from({ length: randInt(0, 4) }, () => randomValue(depth - 1)));
    case 10: {
      const entries: [PyObject, PyObject][] = [];
      const n = randInt(0, 4);
      for (let i = 0; i < n; i++) entries.push([`k${i}${pick(["", "'", "é"])}`, randomValue(depth - 1)]);
      return new PyDict(entries);
    }
    default:
      return chance(0.5)
        ? frozen(Array.from({ length: randInt(0, 5) }, () => randomHashable(depth - 1)))
        : mutableSet(Array.from({ length: randInt(0, 5) }, () => randomHashable(depth - 1)));
  }
}

// ---------------------------------------------------------------------------------------------
// the cases

interface Case {
  label: string;
  value: PyObject;
}
const cases: Case[] = [];
const add = (label: string, ...values: PyObject[]) => {
  for (const value of values) cases.push({ label, value });
};

// floats
const specialFloats = [
  0, -0, Infinity, -Infinity, NaN, 1, -1, 0.1, 0.5, 100, 1e16, 1e16 - 2, 1e16 + 2, 9999999999999998,
  1234567890123456, 12345678901234567, 123456789012345678, 1e15, 1e17, 1e22, 1e23, 1e-4, 1e-5, 0.0001, 0.00001,
  0.00009999, 0.000123, 1.5e300, -1.5e-300, 5e-324, -5e-324, Number.MAX_VALUE, Number.MIN_VALUE, 2.2250738585072014e-308,
  2.225073858507201e-308, 2 ** 53, 2 ** 53 + 2, 2 ** 63, 2 ** 64, 1 / 3, 2 / 3, 0.3, 1.1, 4.35, 0.1 + 0.2,
];
add("float special", ...specialFloats, ...specialFloats.map((x) => -x));
for (let e = -1074; e <= 1023; e++) add("float 2**e", 2 ** e, nextUp(2 ** e, 1), nextUp(2 ** e, -1));
for (let k = -324; k <= 308; k++) {
  const p = Number(`1e${k}`);
  add("float 10**k", p, nextUp(p, 1), nextUp(p, -1), Number(`9.5e${k}`), Number(`1.2345678901234567e${k}`));
}
for (let i = 0; i < 60000; i++) add("float random", randomFloat());

// complex
const complexParts = [0, -0, 1, -1, 2.5, -2.5, Infinity, -Infinity, NaN, 1e16, 1e-5, 1e-300, 123456789.125, 1e22, 5e-324];
for (const re of complexParts) for (const im of complexParts) add("complex special", new PyComplex(re, im));
for (let i = 0; i < 5000; i++) add("complex random", new PyComplex(randomFloat(), randomFloat()));

// ints, including the 4300-digit str conversion limit
add("int", 0n, 1n, -1n, 2n ** 63n, -(2n ** 64n), 10n ** 4300n - 1n, -(10n ** 4300n - 1n), 10n ** 4300n, -(10n ** 4300n));
add("int", 2n ** 14500n, 7n ** 5000n);
for (let i = 0; i < 3000; i++) add("int random", randomBigInt(chance(0.9) ? 40 : 4300));

// strings
const escapeStrings = [
  "", "'", '"', "'\"", "a'b", 'a"b', "a'b\"c", "\\", "\\'", "\t\n\r", "\x00\x01\x1f\x7f", "\x80\x9f\xa0\xa1\xad\xff",
  "\u0100\u0378\u2028\u2029\u200b\ufeff\ufffe\uffff", "\ud800", "\udfff", "x\udc00y", "\u{1f600}", "\u{e0001}",
  "\u{f0000}", "\u{10ffff}", "\u{1fae8}", "\u{1f6dd}", "\u3000", "\u00a0", "\u1680", "é'\"\\", "日本語",
  "\u{20000}\u{2a6df}\u{2a6e0}",
];
add("str escapes", ...escapeStrings);
add("str surrogate pairs", new SurrogateStr([0xd800, 0xdc00]), new SurrogateStr([0x27, 0xdbff, 0xdfff, 0x22]));
for (let i = 0; i < 8000; i++) add("str random", randomStr(12));
for (let start = 0; start < 0x110000; start += 4096) {
  // every code point, in blocks; surrogate blocks hold high-low pairs as separate code points
  const cps = Array.from({ length: 4096 }, (_, k) => start + k);
  add("str every code point", strFromCodePoints(cps));
}

// bytes
for (let b = 0; b < 256; b++) add("bytes one", Uint8Array.of(b));
add("bytes", new Uint8Array(0), Uint8Array.from({ length: 256 }, (_, k) => k), Uint8Array.of(0x27, 0x22), Uint8Array.of(0x27));
for (let i = 0; i < 2000; i++) add("bytes random", randomBytes(10));

// singletons and containers
add("singletons", null, true, false, Ellipsis, StopIteration);
add("containers", [], [1n], [[]], [[1n]], [null, [Ellipsis, "x"]], new PyList(), new PyDict(), new PySet(), new PyFrozenSet());
add("frozenset", frozen([1n, 2n, 3n]), frozen(["a", "b", "c", 1n, 1.0, true]), frozen([frozen([]), frozen([1n])]));
for (let i = 0; i < 3000; i++) add("container random", randomValue(3));

// ---------------------------------------------------------------------------------------------
// encoding for python

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
import json, runpy, struct, sys
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
def rep(v):
    try: return ['ok', repr(v)]
    except Exception as ex: return ['err', type(ex).__name__, str(ex)]
out = {'reprs': [rep(dec(e)) for e in req['values']], 'snippets': []}
for code in req['snippets']:
    ns = {}
    exec(code, ns)
    out['snippets'].append(rep(ns['v']))
sys.argv = [req['genScript'], req['genOut']]
runpy.run_path(req['genScript'], run_name='__main__')
sys.stdout.buffer.write(json.dumps(out, ensure_ascii=False).encode('utf-8'))
`;

// Values Python builds from source: recursive containers and code objects.
function mkCode(name: string, filename: string, firstlineno: number): CodeObject {
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
    co_filename: filename,
    co_name: name,
    co_qualname: name,
    co_firstlineno: firstlineno,
    co_linetable: new Uint8Array(0),
    co_exceptiontable: new Uint8Array(0),
  });
}
const selfList = new PyList([1n]);
selfList.items.push(selfList);
const selfDict = new PyDict([["a", null]]);
selfDict.entries.push(["me", selfDict]);
const outerList = new PyList();
outerList.items.push([outerList, new PyList([outerList])]);
const snippets: { code: string; value: PyObject }[] = [
  { code: "v = [1]; v.append(v)", value: selfList },
  { code: "v = {'a': None}; v['me'] = v", value: selfDict },
  { code: "v = []; v.append((v, [v]))", value: outerList },
  { code: "v = compile('x = 1', 'f\"i\\'le.py', 'exec')", value: mkCode("<module>", "f\"i'le.py", 1) },
  { code: "v = compile('\\n\\ndef f(): pass', 'm.py', 'exec').co_consts[0]", value: mkCode("f", "m.py", 3) },
  {
    code: "v = (lambda: 0).__code__.replace(co_firstlineno=0, co_name='λ é', co_filename='/tmp/ü.py')",
    value: mkCode("λ é", "/tmp/ü.py", 0),
  },
  { code: "c = compile('1', '<s>', 'eval'); v = (c, [c])", value: ((c) => [c, new PyList([c])])(mkCode("<module>", "<s>", 1)) },
];

// ---------------------------------------------------------------------------------------------

type Result = ["ok", string] | ["err", string, string];
let pyResults: { reprs: Result[]; snippets: Result[] };
let generatedNow = "";

function ours(v: PyObject): Result {
  try {
    return ["ok", pyRepr(v)];
  } catch (e) {
    const err = e as { pyType?: string; pyMessage?: string };
    if (err.pyType === undefined) throw e;
    return ["err", err.pyType, err.pyMessage ?? ""];
  }
}

const normalize = (s: string) => s.replace(/ at 0x[0-9a-f]+,/g, " at 0xADDR,");

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), "repr-test-"));
  try {
    const genOut = join(dir, "unicode-printable.generated.ts");
    const input = JSON.stringify({
      values: cases.map((c) => enc(c.value)),
      snippets: snippets.map((s) => s.code),
      genScript: join(ROOT, "tools", "gen_unicode_printable.py"),
      genOut,
    });
    pyResults = JSON.parse(runPython(PY_SCRIPT, input).toString("utf8"));
    generatedNow = readFileSync(genOut, "utf8");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

describe("pyRepr matches CPython 3.11 repr()", () => {
  const labels = [...new Set(cases.map((c) => c.label))];
  for (const label of labels) {
    it(label, () => {
      const mismatches: string[] = [];
      let n = 0;
      cases.forEach((c, i) => {
        if (c.label !== label) return;
        n++;
        const expected = pyResults.reprs[i];
        const got = ours(c.value);
        if (JSON.stringify(got) !== JSON.stringify(expected)) {
          mismatches.push(`#${i}: python ${JSON.stringify(expected).slice(0, 300)} ours ${JSON.stringify(got).slice(0, 300)}`);
        }
      });
      expect(n).toBeGreaterThan(0);
      expect(mismatches.slice(0, 10), `${mismatches.length} of ${n} differ`).toEqual([]);
    });
  }

  it("recursive containers and code objects", () => {
    expect(snippets.map((s) => normalize(ours(s.value).join("|")))).toEqual(
      pyResults.snippets.map((r) => normalize(r.join("|"))),
    );
  });
});

describe("str.isprintable data", () => {
  it("host/unicode-printable.generated.ts is what tools/gen_unicode_printable.py writes now", () => {
    const committed = readFileSync(join(ROOT, "host", "unicode-printable.generated.ts"), "utf8");
    expect(generatedNow.length).toBeGreaterThan(1000);
    expect(committed).toBe(generatedNow);
  });

  it("is Unicode 14.0, not the JS engine's data", () => {
    // U+1FAE8 SHAKING FACE was added in Unicode 15.0: unassigned (not printable) in Python 3.11.
    expect(isPrintable(0x1fae8)).toBe(false);
    expect(isPrintable(0x1f600)).toBe(true);
    expect(isPrintable(0x20)).toBe(true);
    expect(isPrintable(0xa0)).toBe(false);
  });
});

describe("code object addresses", () => {
  it("are stable per object, distinct between objects, and can be supplied by a hook", () => {
    const a = mkCode("a", "f.py", 1);
    const b = mkCode("b", "f.py", 1);
    expect(codeAddress(a)).toBe(codeAddress(a));
    expect(codeAddress(a)).not.toBe(codeAddress(b));
    expect(pyRepr(a)).toMatch(/^<code object a at 0x7f[0-9a-f]{10}, file "f.py", line 1>$/);
    setCodeAddress(() => 0xdeadbeefn);
    try {
      expect(pyRepr(b)).toBe('<code object b at 0xdeadbeef, file "f.py", line 1>');
    } finally {
      setCodeAddress(null);
    }
    expect(pyRepr(b)).toBe(`<code object b at 0x${codeAddress(b).toString(16)}, file "f.py", line 1>`);
  });
});

it("floatRepr is exported for direct use", () => {
  expect(floatRepr(1e16)).toBe(pyRepr(1e16));
});

