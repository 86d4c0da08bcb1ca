import { testEnv } from "./support/wasm-env.js";
/**
 * Float text conversion, the format-spec mini-language and float arithmetic of the WASM VM
 * (assembly/float-format.ts, format-spec.ts, float-ops.ts, through the test entry
 * assembly/test-entries/float.ts) against python3.11, in one python run for everything:
 *
 * - repr() of ~50,000 doubles: random bit patterns (subnormals, huge and tiny exponents), random
 *   short decimals (whose shortest form is short: the interval-end logic), every power of two and
 *   ten with both neighbours, integers up to 2**53, and the classic edge values; str(); the
 *   no-".0" repr complex uses for its parts
 * - format() of floats over a random matrix of specs (fill, align, sign, z, #, 0, width, grouping,
 *   precision, every type, and invalid ones: the error type and text must match), of ints (i64,
 *   digit strings, and int Values small and big through formatInt) and of strs
 * - round(x, n), round(x), /, //, %, divmod, ** (complex results included), float.hex, fromhex,
 *   is_integer, float(str)
 * - the heap is back at its starting size after every result is released
 */
import { beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { pythonJson } from "./support/python.js";

const root = fileURLToPath(new URL("..", import.meta.url));

interface FloatExports {
  memory: WebAssembly.Memory;
  heapInit(max: number): void;
  heapBytesInUse(): number;
  heapAlloc(n: number): number;
  heapFree(p: number, n: number): void;
  errorType(): number;
  errorMessagePtr(): number;
  errorMessageLength(): number;
  errorClear(): void;
  valueKind(v: bigint): number;
  repr(bits: bigint): number;
  reprNoDot(bits: bigint): number;
  intFromDecimal(s: number): bigint;
  fmtIntValue(v: bigint, spec: number): number;
  str(bits: bigint): number;
  fmtFloat(bits: bigint, spec: number): number;
  fmtInt(n: bigint, spec: number): number;
  fmtIntDigits(negative: number, digits: number, spec: number): number;
  formatIntBase(spec: number): number;
  fmtStr(s: number, spec: number): number;
  trueDiv(a: bigint, b: bigint): bigint;
  floorDiv(a: bigint, b: bigint): bigint;
  mod(a: bigint, b: bigint): bigint;
  divmod(a: bigint, b: bigint): bigint;
  pow(a: bigint, b: bigint): bigint;
  round(a: bigint, nd: bigint): bigint;
  roundEvenBits(a: bigint): bigint;
  isInteger(a: bigint): number;
  hex(a: bigint): number;
  fromHex(s: number): bigint;
  fromStr(s: number): bigint;
  makeStr(p: number, n: number): number;
  strLen(s: number): number;
  strKindOf(s: number): number;
  strAsciiFlag(s: number): number;
  strDataPtr(s: number): number;
  floatBits(v: bigint): bigint;
  complexRealBits(v: bigint): bigint;
  complexImagBits(v: bigint): bigint;
  item(t: bigint, i: number): bigint;
  release(v: bigint): void;
}

const KIND_FLOAT = 5;
const KIND_COMPLEX = 6;
const KIND_TUPLE = 9;

// Exception ids -> names, from the generated table.
const EXC_NAMES: string[] = [];
for (const m of readFileSync(`${root}assembly/exceptions.generated.ts`, "utf8").matchAll(/EXC_(\w+): i32 = (\d+)/g)) {
  EXC_NAMES[Number(m[2])] = m[1];
}

let e: FloatExports;

// ---------------------------------------------------------------------------------------------------
// Helpers

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const dv = new DataView(new ArrayBuffer(8));
function bitsOf(x: number): bigint {
  dv.setFloat64(0, x);
  return dv.getBigUint64(0);
}
function numOf(b: bigint): number {
  dv.setBigUint64(0, BigInt.asUintN(64, b));
  return dv.getFloat64(0);
}
function hex16(b: bigint): string {
  return BigInt.asUintN(64, b).toString(16).padStart(16, "0");
}
function encFloatBits(b: bigint): string {
  return Number.isNaN(numOf(b)) ? "nan" : hex16(b);
}

function errorText(): string {
  const t = e.errorType();
  const msg = new TextDecoder().decode(new Uint8Array(e.memory.buffer, e.errorMessagePtr(), e.errorMessageLength()));
  e.errorClear();
  return `!${EXC_NAMES[t] ?? `#${t}`}: ${msg}`;
}

/** Reads a str object, checking it is canonical (narrowest kind, right ascii flag). */
function readStr(p: number): string {
  const n = e.strLen(p);
  const k = e.strKindOf(p);
  const d = e.strDataPtr(p);
  const buf = e.memory.buffer;
  const units = k === 1 ? new Uint8Array(buf, d, n) : k === 2 ? new Uint16Array(buf.slice(d, d + 2 * n)) : new Uint32Array(buf.slice(d, d + 4 * n));
  let s = "";
  let max = 0;
  for (let i = 0; i < n; i++) {
    const c = units[i];
    if (c > max) max = c;
    s += String.fromCodePoint(c);
  }
  const want = max < 0x100 ? 1 : max < 0x10000 ? 2 : 4;
  if (k !== want) throw new Error(`str kind ${k} for max code point ${max}`);
  if ((e.strAsciiFlag(p) === 1) !== max < 0x80) throw new Error(`ascii flag wrong for ${JSON.stringify(s)}`);
  return s;
}

/** A str result pointer (or 0 = error) as text; releases it. */
function takeStr(p: number): string {
  if (p === 0) return errorText();
  const s = readStr(p);
  e.release(BigInt(p));
  return s;
}

/** A new str object from a JS string (UTF-8 with lone surrogates allowed through WTF-8). */
function makeStr(s: string): number {
  const bytes: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) bytes.push(c);
    else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else bytes.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  const p = e.heapAlloc(Math.max(bytes.length, 1));
  new Uint8Array(e.memory.buffer, p, bytes.length).set(bytes);
  const s2 = e.makeStr(p, bytes.length);
  e.heapFree(p, Math.max(bytes.length, 1));
  if (s2 === 0) throw new Error(`makeStr failed: ${errorText()}`);
  return s2;
}

function withStr<T>(s: string, f: (p: number) => T): T {
  const p = makeStr(s);
  try {
    return f(p);
  } finally {
    e.release(BigInt(p));
  }
}

/** A Value result (0n = error) encoded as the python side does; releases it. */
function takeValue(v: bigint): string {
  if (v === 0n) return errorText();
  const s = encodeValue(v);
  e.release(v);
  return s;
}
function encodeValue(v: bigint): string {
  const k = e.valueKind(v);
  if (k === KIND_FLOAT) return encFloatBits(e.floatBits(v));
  if (k === KIND_COMPLEX) return `c${encFloatBits(e.complexRealBits(v))},${encFloatBits(e.complexImagBits(v))}`;
  if (k === KIND_TUPLE) return `(${encodeValue(e.item(v, 0))},${encodeValue(e.item(v, 1))})`;
  return `?kind${k}`;
}

/** Compares two lists, reporting the first mismatches with their inputs. */
function expectSame(what: string, inputs: unknown[], got: string[], want: string[]): void {
  expect(got.length).toBe(want.length);
  const bad: string[] = [];
  let nbad = 0;
  for (let i = 0; i < got.length; i++) {
    if (got[i] !== want[i]) nbad++;
    if (bad.length >= 12) continue;
    if (got[i] !== want[i]) bad.push(`${JSON.stringify(inputs[i])}: got ${JSON.stringify(got[i])}, want ${JSON.stringify(want[i])}`);
  }
  expect(bad, `${what}: ${nbad} mismatches`).toEqual([]);
}

// ---------------------------------------------------------------------------------------------------
// Inputs

const rnd = mulberry32(20240611);

function randomBits(): bigint {
  const hi = BigInt(Math.floor(rnd() * 2 ** 32));
  const lo = BigInt(Math.floor(rnd() * 2 ** 32));
  return (hi << 32n) | lo;
}

function nextUp(b: bigint): bigint {
  return BigInt.asUintN(64, b + 1n);
}

function reprInputs(): bigint[] {
  const out: bigint[] = [];
  const edge = [0, -0, 1, -1, 0.1, 0.2, 0.3, 1 / 3, 2 / 3, 123, 1e16, 1e15, 9999999999999998, 1e22, 1e23, 5e-324, 1e-323,
    2.2250738585072014e-308, 2.225073858507201e-308, 1.7976931348623157e308, 2 ** 53, 2 ** 53 + 2, 2e16 + 8, 1e-5, 1e-4, 0.001,
    9.999999999999999e-5, 1e-7, 123456789012345680, 4.35, 0.1 + 0.2, 1e300, 1.5e-300, Infinity, -Infinity, NaN, 100, 1e21, 5e-310];
  for (const x of edge) out.push(bitsOf(x));
  out.push(0xfff8000000000000n, 0x7ff0000000000001n, 0x0000000000000001n, 0x000fffffffffffffn, 0x0010000000000000n, 0x7fefffffffffffffn);
  for (let i = 0; i < 15000; i++) out.push(randomBits());
  // Doubles of moderate size with random mantissas.
  for (let i = 0; i < 8000; i++) {
    const exp = BigInt(1023 - 70 + Math.floor(rnd() * 200));
    const mant = randomBits() & 0xfffffffffffffn;
    out.push((BigInt(rnd() < 0.5 ? 1 : 0) << 63n) | (exp << 52n) | mant);
  }
  // Subnormals.
  for (let i = 0; i < 2000; i++) out.push(randomBits() & 0x800fffffffffffffn);
  // Short decimals: their shortest form is short, so both interval ends and the closest-digit rule matter.
  for (let i = 0; i < 8000; i++) {
    const digits = 1 + Math.floor(rnd() * 17);
    let m = "";
    for (let j = 0; j < digits; j++) m += Math.floor(rnd() * 10);
    const x = Number(`${m}e${Math.floor(rnd() * 640) - 330}`);
    const b = bitsOf(x);
    out.push(b);
    if (rnd() < 0.3) out.push(nextUp(b));
  }
  // Powers of two (unequal gaps below them) and of ten, with neighbours.
  for (let k = -1074; k <= 1023; k++) {
    const b = bitsOf(2 ** k);
    out.push(b, nextUp(b), b - 1n);
  }
  for (let k = -323; k <= 308; k++) {
    const b = bitsOf(Number(`1e${k}`));
    out.push(b, nextUp(b), b - 1n);
  }
  // Integers up to 2**53 and a little beyond.
  for (let i = 0; i < 3000; i++) {
    const n = Math.floor(rnd() * 2 ** (1 + Math.floor(rnd() * 55)));
    out.push(bitsOf(n), bitsOf(-n));
  }
  return out;
}

const FLOAT_VALUES = [0, -0, 1, -1, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 0.045, 9.995, 1e-5, 0.0001, 123456.789, -1234.5, 1234567.891,
  1e16, 1e15, 1e22, 1e100, 5e-324, 1.7976931348623157e308, Infinity, -Infinity, NaN, 1 / 3, 2 / 3, 100, 99.99999, 999999.5,
  0.1, 1.5e-300, 12345678901234567890, 0.000123456, 7, 1e-7, 2 ** 53, 0.5e-6, 987654321.0, -0.0004, 5e-5, 0.9999999];

function randomSpec(): string {
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
  let s = "";
  if (rnd() < 0.5) s += pick(["<", ">", "^", "=", "*<", "*^", "0=", "x>", "é>", "€^", "😀<", "0<", " ="]);
  if (rnd() < 0.35) s += pick(["+", "-", " "]);
  if (rnd() < 0.15) s += "z";
  if (rnd() < 0.2) s += "#";
  if (rnd() < 0.25) s += "0";
  if (rnd() < 0.5) s += pick(["1", "5", "10", "16", "25", "0"]);
  if (rnd() < 0.25) s += pick([",", "_", ",_", "_,"]);
  if (rnd() < 0.6) s += pick([".0", ".1", ".2", ".3", ".6", ".10", ".17", ".25", ".60", "."]);
  if (rnd() < 0.85) s += pick(["e", "E", "f", "F", "g", "G", "n", "%", "", "d", "x", "s", "c", "b", "r", "gg", "é"]);
  return s;
}

const INT_SPEC_TYPES = ["", "d", "n", "b", "o", "x", "X", "c", "e", "f", "g", "%", "E", "G", "s", "r"];
function randomIntSpec(): string {
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
  let s = "";
  if (rnd() < 0.5) s += pick(["<", ">", "^", "=", "*<", "*^", "0=", "é>", "€^", "😀="]);
  if (rnd() < 0.35) s += pick(["+", "-", " "]);
  if (rnd() < 0.05) s += "z";
  if (rnd() < 0.3) s += "#";
  if (rnd() < 0.25) s += "0";
  if (rnd() < 0.6) s += pick(["1", "5", "10", "16", "25", "40"]);
  if (rnd() < 0.3) s += pick([",", "_", "_", ",_"]);
  if (rnd() < 0.1) s += pick([".0", ".3", "."]);
  if (rnd() < 0.9) s += pick(INT_SPEC_TYPES);
  return s;
}

const INT_VALUES: bigint[] = [0n, 1n, -1n, 7n, -7n, 10n, 65n, 255n, 256n, 1000n, -1000n, 1234567n, -1234567n, 0x10ffffn, 0x110000n, 0x1f600n,
  0xe9n, 2n ** 31n, 2n ** 53n + 1n, 2n ** 62n, -(2n ** 62n), 2n ** 63n - 1n, -(2n ** 63n), 987654321987654321n];
const BIG_VALUES: bigint[] = [2n ** 63n, -(2n ** 63n) - 1n, 2n ** 64n + 12345n, -(10n ** 30n), 10n ** 40n + 7n, 3n ** 100n, -(2n ** 200n), 1234567n];

// ---------------------------------------------------------------------------------------------------

const PY = String.raw`
import json, sys, struct
def fl(h): return struct.unpack('>d', bytes.fromhex(h))[0]
def fb(x): return 'nan' if x != x else struct.pack('>d', x).hex()
def val(v):
    if isinstance(v, float): return fb(v)
    if isinstance(v, complex): return 'c' + fb(v.real) + ',' + fb(v.imag)
    if isinstance(v, tuple): return '(' + ','.join(val(i) for i in v) + ')'
    return '?' + repr(v)
def run(f):
    try:
        return f()
    except Exception as e:
        return '!' + type(e).__name__ + ': ' + str(e)
req = json.load(sys.stdin)
ops = {'div': lambda a, b: a / b, 'floordiv': lambda a, b: a // b, 'mod': lambda a, b: a % b, 'divmod': divmod, 'pow': lambda a, b: a ** b}
out = {
  'repr': [repr(fl(h)) for h in req['repr']],
  'nodot': [repr(complex(0.0, fl(h)))[:-1] for h in req['repr'][:4000]],
  'fmt': [run(lambda: format(fl(h), s)) for h, s in req['fmt']],
  'ifmt': [run(lambda: format(int(n), s)) for n, s in req['ifmt']],
  'sfmt': [run(lambda: format(t, s)) for t, s in req['sfmt']],
  'ops': [run(lambda: val(ops[op](fl(a), fl(b)))) for op, a, b in req['ops']],
  'round': [run(lambda: val(round(fl(a), nd))) for a, nd in req['round']],
  'round0': [fb(abs(float(round(fl(a))))) for a in req['round0']],
  'hex': [fl(h).hex() for h in req['hex']],
  'isint': [str(fl(h).is_integer()) for h in req['hex']],
  'fromhex': [run(lambda: val(float.fromhex(s))) for s in req['fromhex']],
  'fromstr': [run(lambda: val(float(s))) for s in req['fromstr']],
}
json.dump(out, sys.stdout)
`;

const FROMHEX_INPUTS = ["0x1p0", "0x1.8p1", " 0X.8P-1 ", "1.8", "-0x1p-1074", "0x1p-1075", "0x3p-1076", "0x1.0000000000000fp0", "0x1.00000000000008p0",
  "0x1.00000000000018p0", "0x1.000000000000080001p0", "0x1.fffffffffffff8p1023", "0x1.fffffffffffff7p1023", "0x1p1024", "0x1p99999", "0x1p-99999",
  "0x0p99999999999999999999", "inf", "-Infinity", "nan", "-nan", "+nan", "x", "", " ", "0x", "0x.p1", "0x1p", "0x1p+", "1p1", "0x1.", ".8",
  "0x1_0", "0x1\u00e9", "0x1 \u0000", "\t0x1p3\n", "0xABCDEF.123p-20", "0x0.0000000000001p-1022", "0x1.ffffffffffffffp-1023",
  "0x00000000000000000000000001p0", "0x1p-1074", "0x1.8p-1074", "0x1.4p-1074", "0x2.8p-1075", "-0x0", "infinit", "0x1P+10"];

const FROMSTR_INPUTS = ["1", "1.5", "  -1.5  ", "1e5", "1E-5", ".5", "5.", "+.5e+3", "1_000.000_1", "1__0", "_1", "1_", "1_.0", "1._0", "1e1_0",
  "1_e10", "inf", "-inf", "+Infinity", "iNfInItY", "nan", "-nan", "NaN", "infinit", "infx", "", "  ", "abc", "a'b", "a\"b'c", "1x", "- 1",
  "1e", "1e+", "+", "-", ".", "e5", "\x7f", "1\x00", "\x00", "\u0663.\u0665", "\u3000 1.5\u2029", "1.5\x1c", "a\u3000", "\u3000a\u3000",
  "é", "1é", "\u00a01\u00a0", "0x10", "1e400", "-1e400", "1e-400", "2.4703282292062328e-324", "2.4703282292062327e-324",
  "1.7976931348623158e308", "1.7976931348623159e308", "0." + "0".repeat(400) + "1e400", "1" + "0".repeat(1000), "9".repeat(900) + "e-900",
  "0.1000000000000000055511151231257827021181583404541015625", "0.1000000000000000055511151231257827021181583404541015624" + "9".repeat(1000),
  "0.1000000000000000055511151231257827021181583404541015625" + "0".repeat(1000) + "1", "1e9999999999999999999999", "1e-9999999999999999999",
  "\ud800", "1\ud800", "\u{1d7d9}", "  \t\n\r\v\f1\t", "1 2", "1\n", "12345678901234567890123456789e-30"];

describe("WASM float formatting and arithmetic vs python3.11", () => {
  let req: Record<string, unknown[]>;
  let py: Record<string, string[]>;
  let baseline: number;

  beforeAll(async () => {
    const { instance } = await WebAssembly.instantiate(readFileSync(`${root}build/test-entries/float.wasm`), {
      env: testEnv(),
    });
    e = instance.exports as unknown as FloatExports;
    e.heapInit(0);
    baseline = e.heapBytesInUse();

    const reprBits = reprInputs();
    const fmt: [string, string][] = [];
    const specs: string[] = ["", "g", ".0f", ".1f", ".2f", ".3e", ".0e", ",", "_", ".50f", ".30e", ".17g", "#.0f", "#g", "#.3g", "%", ".1%", "z", "z.1f",
      "+", " ", "010", "<10", "^10", "=+10", "0=10", "*^12.3", ",.2f", "_.3e", "015,.2f", "n", ".3n", "#", "#.0e", ".0", ".1", ".16", ".17",
      "G", "E", "F", "#G", "#.10G", ".2147483648f", "99999999999999999999", "abc", "d", "x", "s", ",_", "_,", ".", "é", "\x01", "😀", ".0%",
      "#.0%", "0", "00", "z+015.3f", "€=+20,.3f", ".100e", ".330f", ".767e", ".800e", "10.1e"];
    for (let i = 0; i < 1600; i++) specs.push(randomSpec());
    for (const x of FLOAT_VALUES) for (const s of specs) fmt.push([hex16(bitsOf(x)), s]);
    const ifmt: [string, string][] = [];
    const ispecs = ["", "d", "x", "X", "#x", "#X", "#b", "#o", "c", ",", "_", "_x", "_b", "#_x", "010", "#010x", "+", " ", "=+10", "0=10", "e", ".2f",
      "%", "g", "n", ".2", "z", "z.2f", "+c", "#c", ",c", ",x", ",_", "s", "é", "#010_x", "08_b", "^#20_X", "€=+25,d", "😀^15c", "<5c"];
    for (let i = 0; i < 500; i++) ispecs.push(randomIntSpec());
    for (const n of INT_VALUES) for (const s of ispecs) ifmt.push([n.toString(), s]);
    for (const n of BIG_VALUES) for (const s of ispecs) ifmt.push([n.toString(), s]);
    const sfmt: [string, string][] = [];
    const strs = ["", "a", "abc", "héllo", "日本語", "😀x", "a\u0300", "long string here!"];
    const sspecs = ["", "s", "10", "<10", ">10", "^10", "^11", "*^9", "é<8", "€>6", "😀^7", ".2", "10.2", ".0", "<3.1s", "0", "05", "=5", "+", " ",
      "-", "z", "#", ",", "_", "d", "x", "10d", ".", "abc", "\x00"];
    for (const t of strs) for (const s of sspecs) sfmt.push([t, s]);
    const opVals = [0, -0, 1, -1, 2, -2, 0.5, 3, -3, 7.5, -7.5, 1e308, -1e308, 1e-308, 5e-324, Infinity, -Infinity, NaN, 0.1, 1 / 3, 10, 1e16,
      -8, -2.5, 2.5, 1.0000001, 0.9999999, 1e100, -1e-100, 1.5, -1.5, 0.3];
    const ops: [string, string, string][] = [];
    for (const op of ["div", "floordiv", "mod", "divmod", "pow"]) {
      for (const a of opVals) for (const b of opVals) ops.push([op, hex16(bitsOf(a)), hex16(bitsOf(b))]);
    }
    for (let i = 0; i < 3000; i++) {
      const a = (rnd() - 0.5) * 10 ** Math.floor(rnd() * 20 - 5);
      const b = (rnd() - 0.5) * 10 ** Math.floor(rnd() * 20 - 5);
      const op = ["div", "floordiv", "mod", "divmod", "pow"][i % 5];
      ops.push([op, hex16(bitsOf(a)), hex16(bitsOf(op === "pow" ? b / 10 ** Math.floor(Math.log10(Math.abs(b) + 1e-300) - 0.5) : b))]);
    }
    const roundIn: [string, number][] = [];
    const roundVals = [0.5, 1.5, 2.5, -0.5, 0.125, 0.375, 2.675, 1.005, 0.045, 123.456, -123.456, 1e300, 1.7976931348623157e308, 5e-324, 1e-300,
      Infinity, NaN, -0, 0, 12345.678, 0.285, 1.25, 1.35, 5e15 + 0.5, 2 ** 52 + 0.5, 1e22, 9.5, 10.5];
    const nds = [-400, -309, -308, -307, -300, -20, -5, -3, -2, -1, 0, 1, 2, 3, 5, 10, 15, 16, 17, 20, 50, 300, 322, 323, 324, 400];
    for (const x of roundVals) for (const nd of nds) roundIn.push([hex16(bitsOf(x)), nd]);
    for (let i = 0; i < 4000; i++) {
      const x = Number((rnd() * 10 ** Math.floor(rnd() * 12)).toFixed(Math.floor(rnd() * 8)));
      roundIn.push([hex16(bitsOf(rnd() < 0.5 ? x : -x)), Math.floor(rnd() * 10) - 3]);
    }
    for (let i = 0; i < 1500; i++) roundIn.push([hex16(randomBits()), Math.floor(rnd() * 700) - 350]);
    const round0: string[] = [];
    for (const x of [0.5, 1.5, 2.5, -0.5, -1.5, 0.49999999999999994, 4503599627370495.5, 4503599627370497, -0, 1e300, 5e-324, -2.5, 3.5]) round0.push(hex16(bitsOf(x)));
    for (let i = 0; i < 2000; i++) round0.push(hex16(bitsOf(Math.floor(rnd() * 2000 - 1000) / 2 + (rnd() < 0.3 ? 0.25 : 0))));
    const hexIn: string[] = reprBits.slice(0, 5000).map(hex16).filter((h) => !Number.isNaN(numOf(BigInt(`0x${h}`))));
    for (const x of [0, -0, Infinity, -Infinity, 1, 0.5, 2 ** 53, 1.5, -1e-320]) hexIn.push(hex16(bitsOf(x)));
    const fromhex = [...FROMHEX_INPUTS];
    for (const h of hexIn.slice(0, 3000)) fromhex.push(numOf(BigInt(`0x${h}`)) < 0 ? `-0x${h}p0` : `0x${h}p-3`);
    for (let i = 0; i < 2000; i++) {
      let m = "";
      const n = 1 + Math.floor(rnd() * 20);
      for (let j = 0; j < n; j++) m += "0123456789abcdefABCDEF"[Math.floor(rnd() * 22)];
      const dot = Math.floor(rnd() * (n + 1));
      fromhex.push(`0x${m.slice(0, dot)}.${m.slice(dot)}p${Math.floor(rnd() * 2200) - 1100}`);
    }
    const fromstr = [...FROMSTR_INPUTS];
    for (let i = 0; i < 3000; i++) {
      const digits = 1 + Math.floor(rnd() * 25);
      let m = "";
      for (let j = 0; j < digits; j++) m += Math.floor(rnd() * 10);
      const dot = Math.floor(rnd() * (digits + 1));
      fromstr.push(`${rnd() < 0.3 ? "-" : ""}${m.slice(0, dot)}.${m.slice(dot)}e${Math.floor(rnd() * 700) - 350}`);
    }
    req = { repr: reprBits.map(hex16), fmt, ifmt, sfmt, ops, round: roundIn, round0, hex: hexIn, fromhex, fromstr };
    py = pythonJson<Record<string, string[]>>(PY, JSON.stringify(req));
  }, 60000);

  it("repr() and str() of doubles", () => {
    const inputs = req.repr as string[];
    const got = inputs.map((h) => takeStr(e.repr(BigInt(`0x${h}`))));
    expectSame("repr", inputs, got, py.repr);
    const got2 = inputs.slice(0, 2000).map((h) => takeStr(e.str(BigInt(`0x${h}`))));
    expectSame("str", inputs.slice(0, 2000), got2, py.repr.slice(0, 2000));
    // Without the ".0": how complex's repr shows its parts.
    const got3 = inputs.slice(0, 4000).map((h) => takeStr(e.reprNoDot(BigInt(`0x${h}`))));
    expectSame("repr without .0", inputs.slice(0, 4000), got3, py.nodot);
  });

  it("format(float, spec)", () => {
    const inputs = req.fmt as [string, string][];
    const specCache = new Map<string, number>();
    const got = inputs.map(([h, s]) => {
      let p = specCache.get(s);
      if (p === undefined) {
        p = makeStr(s);
        specCache.set(s, p);
      }
      return takeStr(e.fmtFloat(BigInt(`0x${h}`), p));
    });
    for (const p of specCache.values()) e.release(BigInt(p));
    expectSame("format(float)", inputs, got, py.fmt);
  });

  it("format(int, spec): i64 and digit-string ints", () => {
    const inputs = req.ifmt as [string, string][];
    const got = inputs.map(([n, s]) =>
      withStr(s, (spec) => {
        const v = BigInt(n);
        if (v >= -(2n ** 63n) && v < 2n ** 63n && !BIG_VALUES.includes(v)) return takeStr(e.fmtInt(v, spec));
        const base = e.formatIntBase(spec);
        if (base < 0) return errorText();
        if (base === 0) return takeStr(e.fmtFloat(bitsOf(Number(v)), spec));
        const mag = v < 0n ? -v : v;
        return withStr(mag.toString(base), (digits) => takeStr(e.fmtIntDigits(v < 0n ? 1 : 0, digits, spec)));
      }),
    );
    expectSame("format(int)", inputs, got, py.ifmt);
    // Small values through the digit path too (uppercase hex digits accepted as well).
    const got2 = inputs.map(([n, s]) =>
      withStr(s, (spec) => {
        const v = BigInt(n);
        const base = e.formatIntBase(spec);
        if (base < 0) return errorText();
        if (base === 0) return takeStr(e.fmtFloat(bitsOf(Number(v)), spec));
        const mag = v < 0n ? -v : v;
        return withStr(mag.toString(base).toUpperCase(), (digits) => takeStr(e.fmtIntDigits(v < 0n ? 1 : 0, digits, spec)));
      }),
    );
    expectSame("format(int) via digits", inputs, got2, py.ifmt);
    // Int Values (small and heap ints, made by int-ops.ts) through formatInt.
    const got3 = inputs.map(([n, s]) =>
      withStr(s, (spec) => {
        const v = withStr(n, (t) => e.intFromDecimal(t));
        if (v === 0n) return errorText();
        const r = takeStr(e.fmtIntValue(v, spec));
        e.release(v);
        return r;
      }),
    );
    expectSame("format(int Value)", inputs, got3, py.ifmt);
  });

  it("format(str, spec)", () => {
    const inputs = req.sfmt as [string, string][];
    const got = inputs.map(([t, s]) => withStr(t, (tp) => withStr(s, (sp) => takeStr(e.fmtStr(tp, sp)))));
    expectSame("format(str)", inputs, got, py.sfmt);
  });

  it("/, //, %, divmod, ** of floats", () => {
    const inputs = req.ops as [string, string, string][];
    const fns: Record<string, (a: bigint, b: bigint) => bigint> = {
      div: (a, b) => e.trueDiv(a, b),
      floordiv: (a, b) => e.floorDiv(a, b),
      mod: (a, b) => e.mod(a, b),
      divmod: (a, b) => e.divmod(a, b),
      pow: (a, b) => e.pow(a, b),
    };
    const got = inputs.map(([op, a, b]) => takeValue(fns[op](BigInt(`0x${a}`), BigInt(`0x${b}`))));
    expectSame("float ops", inputs, got, py.ops);
  });

  it("round(x, n) and round(x)", () => {
    const inputs = req.round as [string, number][];
    const got = inputs.map(([h, nd]) => takeValue(e.round(BigInt(`0x${h}`), BigInt(nd))));
    expectSame("round(x, n)", inputs, got, py.round);
    const in0 = req.round0 as string[];
    // The caller makes an int of it, so -0.0 and 0.0 are the same answer.
    const got0 = in0.map((h) => encFloatBits(e.roundEvenBits(BigInt(`0x${h}`)) & 0x7fffffffffffffffn));
    expectSame("round(x)", in0, got0, py.round0);
  });

  it("float.hex, float.fromhex, is_integer", () => {
    const inputs = req.hex as string[];
    expectSame("hex", inputs, inputs.map((h) => takeStr(e.hex(BigInt(`0x${h}`)))), py.hex);
    expectSame("is_integer", inputs, inputs.map((h) => (e.isInteger(BigInt(`0x${h}`)) ? "True" : "False")), py.isint);
    const fh = req.fromhex as string[];
    expectSame("fromhex", fh, fh.map((s) => withStr(s, (p) => takeValue(e.fromHex(p)))), py.fromhex);
  });

  it("float(str)", () => {
    const inputs = req.fromstr as string[];
    expectSame("float(str)", inputs, inputs.map((s) => withStr(s, (p) => takeValue(e.fromStr(p)))), py.fromstr);
  });

  it("huge widths and precisions raise MemoryError instead of trapping", () => {
    for (const s of ["10000000000", "<4000000000", ".2000000000f", "3000000000.3e", "0=9000000000000000000,", "09000000000000000000_"]) {
      expect(withStr(s, (p) => takeStr(e.fmtFloat(bitsOf(1.5), p)))).toBe("!MemoryError: ");
    }
    expect(withStr("10000000000", (p) => takeStr(e.fmtInt(5n, p)))).toBe("!MemoryError: ");
    expect(withStr("09000000000000000000,", (p) => takeStr(e.fmtInt(5n, p)))).toBe("!MemoryError: ");
    expect(withStr("x", (t) => withStr("10000000000", (p) => takeStr(e.fmtStr(t, p))))).toBe("!MemoryError: ");
  });

  it("leaves the heap as it found it", () => {
    expect(e.heapBytesInUse()).toBe(baseline);
  });
});
