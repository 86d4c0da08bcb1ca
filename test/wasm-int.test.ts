import { testEnv } from "./support/wasm-env.js";
// Big-int arithmetic of the WASM VM (assembly/int-ops.ts) through build/test-entries/int.wasm:
// thousands of random operands (small, big, around the 2**30 / 2**62 / 2**63 / 2**64 boundaries,
// Karatsuba sizes) against JS BigInt; float conversions, str conversions, hashes and error messages
// against python3.11; and no leaks (heapBytesInUse back to its start).
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { pythonJson } from "./support/python.js";

type V = bigint; // a Value as JS sees a wasm i64

interface IntExports {
  memory: WebAssembly.Memory;
  heapInit(max: number): void;
  heapBytesInUse(): number;
  heapAudit(): number;
  errorType(): number;
  errorMessagePtr(): number;
  errorMessageLength(): number;
  errorClear(): void;
  valueDecref(v: V): void;
  valueKind(v: V): number;
  ioAlloc(n: number): number;
  ioFree(p: number, n: number): void;
  testFromHex(p: number, n: number): V;
  testToHex(v: V): number;
  testOut(): number;
  testStr(p: number, n: number): number;
  testStrOut(s: number): number;
  testFloatValue(v: V): number;
  testTupleItem(v: V, i: number): V;
  testToF64Failed(): number;
  testHash(v: V): bigint;
  setIntMaxStrDigits(n: number): void;
  [op: string]: any;
}

let w: IntExports;
const EXC: Record<number, string> = { 2: "ValueError", 3: "TypeError", 7: "MemoryError", 29: "OverflowError", 30: "ZeroDivisionError" };

beforeAll(async () => {
  const bin = readFileSync(new URL("../build/test-entries/int.wasm", import.meta.url));
  const { instance } = await WebAssembly.instantiate(bin, { env: testEnv() });
  w = instance.exports as unknown as IntExports;
  w.heapInit(0);
});

// ---- marshalling --------------------------------------------------------------------------------

function writeBytes(b: Uint8Array): [number, number] {
  const p = w.ioAlloc(Math.max(b.length, 1));
  new Uint8Array(w.memory.buffer, p, b.length).set(b);
  return [p, Math.max(b.length, 1)];
}

function mk(x: bigint): V {
  const text = x < 0n ? "-" + (-x).toString(16) : x.toString(16);
  const [p, n] = writeBytes(new TextEncoder().encode(text));
  const v = w.testFromHex(p, text.length);
  w.ioFree(p, n);
  return v;
}

function rd(v: V): bigint {
  const n = w.testToHex(v);
  if (n < 0) throw new Error(`not a canonical int: ${v}`);
  const s = new TextDecoder().decode(new Uint8Array(w.memory.buffer, w.testOut(), n));
  return s[0] === "-" ? -BigInt("0x" + s.slice(1)) : BigInt("0x" + s);
}

/** Reads and releases a result Value. */
function take(v: V): bigint {
  if (v === 0n) throw new Error(`unexpected error: ${errText()}`);
  const x = rd(v);
  w.valueDecref(v);
  return x;
}

function errText(): string {
  const t = w.errorType();
  const s = new TextDecoder().decode(new Uint8Array(w.memory.buffer, w.errorMessagePtr(), w.errorMessageLength()));
  w.errorClear();
  return `${EXC[t] ?? "exc" + t}: ${s}`.replace(/: $/, ":");
}

function mkStr(s: string): number {
  const b = new TextEncoder().encode(s);
  const [p, n] = writeBytes(b);
  const o = w.testStr(p, b.length);
  w.ioFree(p, n);
  if (o === 0) throw new Error("testStr failed");
  return o;
}

function takeStr(o: number): string {
  const n = w.testStrOut(o);
  const s = new TextDecoder().decode(new Uint8Array(w.memory.buffer, w.testOut(), n));
  w.valueDecref(BigInt(o));
  return s;
}

/** Python's hex() text. */
function hexOf(x: bigint): string {
  return x < 0n ? "-0x" + (-x).toString(16) : "0x" + x.toString(16);
}

function f64Bits(x: number): string {
  const b = new DataView(new ArrayBuffer(8));
  b.setFloat64(0, x);
  return b.getBigUint64(0).toString(16).padStart(16, "0");
}

// ---- operands -----------------------------------------------------------------------------------

let seed = 0x9e3779b9;
function rnd32(): number {
  seed ^= seed << 13;
  seed >>>= 0;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  seed >>>= 0;
  return seed;
}
function rndBits(bits: number): bigint {
  let x = 0n;
  for (let i = 0; i < bits; i += 32) x = (x << 32n) | BigInt(rnd32());
  return x & ((1n << BigInt(bits)) - 1n);
}
const EDGES = [0, 1, 29, 30, 31, 32, 59, 60, 61, 62, 63, 64, 65, 89, 90, 91, 120, 128];
function rndInt(maxBits = 700): bigint {
  const k = rnd32() % 10;
  let x: bigint;
  if (k < 2) x = BigInt(rnd32() % 1000);
  else if (k < 4) {
    // near a power of two: 2**e + small offset
    const e = BigInt(EDGES[rnd32() % EDGES.length]);
    x = (1n << e) + BigInt((rnd32() % 5) - 2);
  } else if (k < 5) {
    // all ones / sparse patterns stress carries and division corrections
    const bits = 1 + (rnd32() % maxBits);
    x = rnd32() % 2 ? (1n << BigInt(bits)) - 1n : (1n << BigInt(bits)) | 1n;
  } else x = rndBits(1 + (rnd32() % maxBits));
  if (x < 0n) x = -x;
  return rnd32() % 2 ? -x : x;
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}
function floorMod(a: bigint, b: bigint): bigint {
  const r = a % b;
  return r !== 0n && (r < 0n) !== (b < 0n) ? r + b : r;
}
function modPow(b: bigint, e: bigint, m: bigint): bigint {
  let r = 1n;
  b = floorMod(b, m);
  while (e > 0n) {
    if (e & 1n) r = (r * b) % m;
    b = (b * b) % m;
    e >>= 1n;
  }
  return r % m;
}

// ---- tests --------------------------------------------------------------------------------------

describe("int arithmetic vs BigInt", () => {
  let base = 0;
  beforeAll(() => {
    base = w.heapBytesInUse();
  });

  it("round-trips values through the hex channel canonically", () => {
    for (let i = 0; i < 500; i++) {
      const x = rndInt();
      const v = mk(x);
      expect(rd(v)).toBe(x);
      w.valueDecref(v);
    }
    for (const x of [(1n << 62n) - 1n, -(1n << 62n)]) expect(w.valueKind(mk(x))).toBe(4);
    expect(mk((1n << 62n) - 1n) & 1n).toBe(1n); // small
    expect(mk(-(1n << 62n)) & 1n).toBe(1n);
    const big = mk(1n << 62n);
    expect(big & 1n).toBe(0n);
    w.valueDecref(big);
  });

  const binops: [string, (a: bigint, b: bigint) => bigint | null][] = [
    ["intAdd", (a, b) => a + b],
    ["intSub", (a, b) => a - b],
    ["intMul", (a, b) => a * b],
    ["intFloorDiv", (a, b) => (b === 0n ? null : floorDiv(a, b))],
    ["intMod", (a, b) => (b === 0n ? null : floorMod(a, b))],
    ["intAnd", (a, b) => a & b],
    ["intOr", (a, b) => a | b],
    ["intXor", (a, b) => a ^ b],
  ];
  for (const [name, ref] of binops) {
    it(`${name} on 3000 random pairs`, () => {
      for (let i = 0; i < 3000; i++) {
        const a = rndInt();
        const b = rndInt(i % 3 === 0 ? 120 : 700);
        const va = mk(a), vb = mk(b);
        const want = ref(a, b);
        const got = w[name](va, vb) as V;
        if (want === null) {
          expect(got).toBe(0n);
          expect(errText()).toBe(name === "intMod" ? "ZeroDivisionError: integer modulo by zero" : "ZeroDivisionError: integer division or modulo by zero");
        } else {
          const r = take(got);
          if (r !== want) throw new Error(`${name}(${a}, ${b}) = ${r}, want ${want}`);
        }
        w.valueDecref(va);
        w.valueDecref(vb);
      }
    });
  }

  it("divmod returns (q, r) with floor semantics", () => {
    for (let i = 0; i < 1500; i++) {
      const a = rndInt(900), b = rndInt(i % 2 ? 90 : 600);
      const va = mk(a), vb = mk(b);
      const t = w.intDivmod(va, vb) as V;
      if (b === 0n) {
        expect(t).toBe(0n);
        expect(errText()).toBe("ZeroDivisionError: integer division or modulo by zero");
      } else {
        expect(rd(w.testTupleItem(t, 0))).toBe(floorDiv(a, b));
        expect(rd(w.testTupleItem(t, 1))).toBe(floorMod(a, b));
        w.valueDecref(t);
      }
      w.valueDecref(va);
      w.valueDecref(vb);
    }
  });

  it("multiplies and divides Karatsuba-sized and lopsided operands", () => {
    for (let i = 0; i < 60; i++) {
      const a = rndBits(1000 + (rnd32() % 30000)) * (rnd32() % 2 ? -1n : 1n);
      const b = i % 4 === 0 ? a : rndBits(1000 + (rnd32() % 30000)) + 1n;
      const va = mk(a), vb = mk(b);
      const p = w.intMul(va, vb) as V;
      expect(take(p) === a * b).toBe(true);
      const vp = mk(a * b + BigInt(i));
      expect(take(w.intFloorDiv(vp, vb)) === floorDiv(a * b + BigInt(i), b)).toBe(true);
      expect(take(w.intMod(vp, va)) === floorMod(a * b + BigInt(i), a)).toBe(true);
      w.valueDecref(vp);
      w.valueDecref(va);
      w.valueDecref(vb);
    }
  });

  it("unary ops, comparisons, bit length/count", () => {
    for (let i = 0; i < 3000; i++) {
      const a = rndInt(), b = i % 5 === 0 ? a : rndInt();
      const va = mk(a), vb = mk(b);
      expect(take(w.intNeg(va))).toBe(-a);
      expect(take(w.intAbs(va))).toBe(a < 0n ? -a : a);
      expect(take(w.intInvert(va))).toBe(~a);
      expect(w.intCompare(va, vb)).toBe(a < b ? -1 : a > b ? 1 : 0);
      expect(w.intEq(va, vb)).toBe(a === b ? 1 : 0);
      expect(w.intSign(va)).toBe(a < 0n ? -1 : a > 0n ? 1 : 0);
      expect(w.intIsZero(va)).toBe(a === 0n ? 1 : 0);
      const m = a < 0n ? -a : a;
      expect(take(w.intBitLength(va))).toBe(BigInt(m.toString(2).length - (m === 0n ? 1 : 0)));
      expect(take(w.intBitCount(va))).toBe(BigInt([...m.toString(2)].filter((c) => c === "1").length));
      w.valueDecref(va);
      w.valueDecref(vb);
    }
  });

  it("shifts, including negatives, huge counts and errors", () => {
    for (let i = 0; i < 3000; i++) {
      const a = rndInt();
      const s = BigInt(rnd32() % (i % 4 === 0 ? 70 : 800));
      const va = mk(a), vs = mk(s);
      expect(take(w.intLshift(va, vs))).toBe(a << s);
      expect(take(w.intRshift(va, vs))).toBe(a >> s);
      w.valueDecref(va);
      w.valueDecref(vs);
    }
    const huge = mk(1n << 80n), neg = mk(-3n), neghuge = mk(-(1n << 80n));
    for (const a of [5n, -5n, 0n, 1n << 100n, -(1n << 100n)]) {
      const va = mk(a);
      expect(take(w.intRshift(va, huge))).toBe(a < 0n ? -1n : 0n);
      if (a === 0n) expect(take(w.intLshift(va, huge))).toBe(0n);
      else {
        expect(w.intLshift(va, huge)).toBe(0n);
        expect(errText()).toBe("MemoryError:");
      }
      for (const f of ["intLshift", "intRshift"]) {
        for (const c of [neg, neghuge]) {
          expect(w[f](va, c)).toBe(0n);
          expect(errText()).toBe("ValueError: negative shift count");
        }
      }
      w.valueDecref(va);
    }
    [huge, neg, neghuge].forEach((v) => w.valueDecref(v));
  });

  it("pow, with and without modulus", () => {
    for (let i = 0; i < 1500; i++) {
      const a = rndInt(i % 2 ? 64 : 300);
      const e = BigInt(rnd32() % (i % 3 ? 40 : 300));
      const va = mk(a), ve = mk(e);
      expect(take(w.intPow(va, ve, 0n))).toBe(a ** e);
      const m = rndInt(i % 2 ? 40 : 400);
      const vm = mk(m);
      if (m === 0n) {
        expect(w.intPow(va, ve, vm)).toBe(0n);
        expect(errText()).toBe("ValueError: pow() 3rd argument cannot be 0");
      } else {
        const am = m < 0n ? -m : m;
        let r = modPow(a, e, am);
        if (m < 0n && r !== 0n) r -= am;
        expect(take(w.intPow(va, ve, vm))).toBe(r);
      }
      [va, ve, vm].forEach((v) => w.valueDecref(v));
    }
    // 2 ** 100000, 3 ** 20000 against BigInt
    for (const [b, e] of [[2n, 100000n], [3n, 20000n], [-2n, 12345n], [12345678901234567891n, 500n]] as [bigint, bigint][]) {
      const vb = mk(b), ve = mk(e);
      expect(take(w.intPow(vb, ve, 0n)) === b ** e).toBe(true);
      w.valueDecref(vb);
      w.valueDecref(ve);
    }
  });

  it("modular inverse (pow with negative exponent and modulus)", () => {
    const gcd = (x: bigint, y: bigint): bigint => (y === 0n ? (x < 0n ? -x : x) : gcd(y, x % y));
    for (let i = 0; i < 400; i++) {
      const a = rndInt(i % 2 ? 60 : 200);
      let m = rndInt(i % 2 ? 60 : 200);
      if (m === 0n) m = 7n;
      const e = -BigInt(1 + (rnd32() % 5));
      const va = mk(a), ve = mk(e), vm = mk(m);
      const am = m < 0n ? -m : m;
      const got = w.intPow(va, ve, vm) as V;
      if (am === 1n) expect(take(got)).toBe(0n);
      else if (gcd(a, am) !== 1n) {
        expect(got).toBe(0n);
        expect(errText()).toBe("ValueError: base is not invertible for the given modulus");
      } else {
        const r = take(got);
        expect(floorMod(r * modPow(a, -e, am), am)).toBe(1n % am);
        expect(m < 0n ? r <= 0n && r > m : r >= 0n && r < m).toBe(true);
      }
      [va, ve, vm].forEach((v) => w.valueDecref(v));
    }
  });

  it("pow with huge exponents, intFromU64, round(int, ndigits)", () => {
    const huge = mk((1n << 80n) + 1n);
    for (const [b, want] of [[0n, 0n], [1n, 1n], [-1n, -1n]] as [bigint, bigint][]) {
      const vb = mk(b);
      expect(take(w.intPow(vb, huge, 0n))).toBe(want);
      w.valueDecref(vb);
    }
    const two = mk(2n);
    expect(w.intPow(two, huge, 0n)).toBe(0n);
    expect(errText()).toBe("MemoryError:");
    const m = mk(1000003n);
    expect(take(w.intPow(two, huge, m))).toBe(modPow(2n, (1n << 80n) + 1n, 1000003n));
    [huge, two, m].forEach((v) => w.valueDecref(v));
    for (const x of [0n, 1n, (1n << 64n) - 1n, 1n << 62n, (1n << 62n) - 1n]) expect(take(w.intFromU64(x))).toBe(x);
    // round(x, -k): nearest multiple of 10**k, ties to an even quotient
    for (let i = 0; i < 600; i++) {
      const x = i % 7 === 0 ? BigInt((rnd32() % 40) - 20) * 5n * 10n ** BigInt(i % 5) : rndInt(i % 2 ? 70 : 300);
      const k = BigInt(rnd32() % 25) - 3n;
      const vx = mk(x), vk = mk(-k);
      let want = x;
      if (k > 0n) {
        const p = 10n ** k;
        let q = floorDiv(x, p);
        const r = floorMod(x, p);
        if (2n * r > p || (2n * r === p && (q & 1n) === 1n)) q += 1n;
        want = q * p;
      }
      expect(take(w.intRound(vx, vk)), `round(${x}, ${-k})`).toBe(want);
      w.valueDecref(vx);
      w.valueDecref(vk);
    }
  });

  it("computes fib(10000) and 1000! quickly", () => {
    let a = mk(0n), b = mk(1n);
    for (let i = 0; i < 10000; i++) {
      const c = w.intAdd(a, b) as V;
      w.valueDecref(a);
      a = b;
      b = c;
    }
    let x = 0n, y = 1n;
    for (let i = 0; i < 10000; i++) [x, y] = [y, x + y];
    expect(rd(a) === x).toBe(true);
    w.valueDecref(a);
    w.valueDecref(b);
    let f = mk(1n);
    let ref = 1n;
    for (let i = 2n; i <= 1000n; i++) {
      const vi = mk(i);
      const g = w.intMul(f, vi) as V;
      w.valueDecref(f);
      f = g;
      ref *= i;
    }
    expect(rd(f) === ref).toBe(true);
    const s = takeStr(w.intToStr(f, 10, 0));
    expect(s).toBe(ref.toString());
    w.valueDecref(f);
  });

  it("frees everything", () => {
    expect(w.heapBytesInUse()).toBe(base);
    expect(w.heapAudit()).toBe(0);
  });
});

describe("out of memory", () => {
  it("raises MemoryError without trapping or leaking", async () => {
    const bin = readFileSync(new URL("../build/test-entries/int.wasm", import.meta.url));
    const { instance } = await WebAssembly.instantiate(bin, { env: testEnv() });
    const m = instance.exports as unknown as IntExports;
    m.heapInit(1536 << 10);
    const base = m.heapBytesInUse();
    const S = (n: number): V => BigInt(n) * 2n + 1n;
    const cases: (() => V)[] = [
      () => m.intPow(S(3), S(20000000), 0n),
      () => m.intLshift(S(1), S(200000000)),
      () => {
        // the product's block fits, Karatsuba's scratch does not
        const p = m.intLshift(S(1), S(3360000)); // ~420 KiB
        expect(p).not.toBe(0n);
        const a = m.intSub(p, S(1));
        m.valueDecref(p);
        expect(a).not.toBe(0n);
        const r = m.intMul(a, a);
        m.valueDecref(a);
        return r;
      },
    ];
    let failures = 0;
    for (const f of cases) {
      const v = f();
      if (v !== 0n) m.valueDecref(v);
      else {
        expect(m.errorType()).toBe(7);
        m.errorClear();
        failures++;
      }
      expect(m.heapBytesInUse()).toBe(base);
    }
    expect(failures).toBe(cases.length);
    expect(m.heapAudit()).toBe(0);
  });
});

describe("int <-> str", () => {
  let base = 0;
  beforeAll(() => {
    base = w.heapBytesInUse();
  });

  it("intToStr in bases 2, 8, 10, 16 with and without prefix", () => {
    const pre: Record<number, string> = { 2: "0b", 8: "0o", 10: "", 16: "0x" };
    for (let i = 0; i < 1500; i++) {
      const a = rndInt(i % 10 === 0 ? 14000 : 500);
      const va = mk(a);
      for (const b of [2, 8, 10, 16]) {
        const m = a < 0n ? -a : a;
        for (const p of [0, 1]) {
          const want = (a < 0n ? "-" : "") + (p ? pre[b] : "") + m.toString(b);
          expect(takeStr(w.intToStr(va, b, p))).toBe(want);
        }
      }
      w.valueDecref(va);
    }
  });

  it("intFromStr round-trips in every base", () => {
    for (let i = 0; i < 1500; i++) {
      const a = rndInt(i % 10 === 0 ? 14000 : 500);
      const b = 2 + (i % 35);
      const text = (a < 0n ? "-" : "") + (a < 0n ? -a : a).toString(b);
      if (b !== 2 && b !== 4 && b !== 8 && b !== 16 && b !== 32 && text.replace("-", "").length > 4300) continue;
      const s = mkStr(i % 3 ? text : ` \t${text.toUpperCase()}\n `);
      expect(take(w.intFromStr(s, b))).toBe(a);
      if (b === 10 || b === 16 || b === 8 || b === 2) {
        const pre = { 10: "", 16: "0x", 8: "0o", 2: "0b" }[b]!;
        const s0 = mkStr(text.startsWith("-") ? "-" + pre + text.slice(1) : pre + text);
        expect(take(w.intFromStr(s0, 0))).toBe(a);
        w.valueDecref(BigInt(s0));
      }
      w.valueDecref(BigInt(s));
    }
  });

  it("parses and rejects exactly like python3.11 (results and messages)", () => {
    const cases: [string, number][] = [
      ["0", 10], ["-0", 10], ["+12", 10], [" 12 ", 10], ["1_000", 10], ["1__000", 10], ["_1", 10], ["1_", 10],
      ["", 10], [" ", 10], ["-", 10], ["+-1", 10], ["- 1", 10], ["abc", 10], ["abc", 16], ["ABC", 16], ["z", 36],
      ["0x1f", 16], ["0X1F", 16], ["0x_1f", 16], ["0x__1f", 16], ["0x", 16], ["0x", 0], ["0x1f", 0], ["0o17", 0],
      ["0b101", 0], ["0b102", 0], ["0b2", 0], ["010", 0], ["00", 0], ["0_0", 0], ["0_7", 0], ["0", 0], ["-0x10", 0],
      ["0o17", 8], ["0b11", 2], ["0x1f", 10], ["1e5", 10], ["1.5", 10], ["12", 2], ["\u0665\u0660", 10],
      ["\u00a05\u3000", 10], ["\u2003-7\u2028", 10], ["\x1c5", 10], ["5\x00", 10], ["it's", 10], ['say "hi"', 10],
      ["both'\"", 10], ["tab\there", 10], ["\u00e9t\u00e9", 10], ["\u00a0\u00ad\u0085", 10], ["\ud7ff\u4e00", 10],
      ["\u{1f600}", 10], ["\u{e0001}", 10], ["x".repeat(300), 10], ["\\", 10], ["\x7f", 10], ["\u0661\u0662", 16],
      ["\uff11\uff12", 0], ["9" .repeat(20), 10], ["1" + "0".repeat(30), 7], ["-" + "f".repeat(40), 16],
      ["1".repeat(4300), 10], ["1".repeat(4301), 10], ["0".repeat(4301), 10], ["1_".repeat(4300) + "1", 10],
      ["1".repeat(4301), 16], ["1".repeat(4301), 36], ["1".repeat(5000) + "x", 10], ["1".repeat(5000) + "__", 10],
      ["12", 1], ["12", 37], ["12", -1], ["7", 7], ["6", 7],
    ];
    const py = pythonJson<[string, string][]>(
      `import json,sys
out=[]
for s,b in json.load(sys.stdin):
    try: out.append(["ok", hex(int(s,b))])
    except Exception as e: out.append([type(e).__name__, str(e)])
print(json.dumps(out))`,
      JSON.stringify(cases),
    );
    cases.forEach(([text, b], i) => {
      const s = mkStr(text);
      const v = w.intFromStr(s, b) as V;
      const [kind, val] = py[i];
      if (kind === "ok") {
        if (v === 0n) throw new Error(`int(${JSON.stringify(text)}, ${b}) raised ${errText()}`);
        expect(hexOf(take(v)), `int(${JSON.stringify(text)}, ${b})`).toBe(val);
      } else {
        expect(v, `int(${JSON.stringify(text)}, ${b})`).toBe(0n);
        expect(errText()).toBe(`${kind}: ${val}`);
      }
      w.valueDecref(BigInt(s));
    });
  });

  it("intToStr respects int_max_str_digits (base 10 only, sign not counted) and the setter", () => {
    const lim = 10n ** 4300n;
    for (const [x, ok] of [[lim - 1n, true], [-(lim - 1n), true], [lim, false], [-lim, false], [lim ** 2n, false]] as [bigint, boolean][]) {
      const v = mk(x);
      const s = w.intToStr(v, 10, 0);
      if (ok) expect(takeStr(s)).toBe(x.toString());
      else {
        expect(s).toBe(0);
        expect(errText()).toBe("ValueError: Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit");
      }
      expect(takeStr(w.intToStr(v, 16, 1))).toBe((x < 0n ? "-0x" : "0x") + (x < 0n ? -x : x).toString(16));
      w.valueDecref(v);
    }
    w.setIntMaxStrDigits(0);
    const big = 7n ** 30000n;
    const v = mk(big);
    const t0 = performance.now();
    expect(takeStr(w.intToStr(v, 10, 0)) === big.toString()).toBe(true);
    const s = mkStr(big.toString());
    expect(take(w.intFromStr(s, 10)) === big).toBe(true);
    expect(performance.now() - t0).toBeLessThan(3000);
    w.valueDecref(BigInt(s));
    w.valueDecref(v);
    w.setIntMaxStrDigits(5000);
    const s2 = mkStr("9".repeat(5001));
    expect(w.intFromStr(s2, 10)).toBe(0n);
    expect(errText()).toBe("ValueError: Exceeds the limit (5000 digits) for integer string conversion: value has 5001 digits; use sys.set_int_max_str_digits() to increase the limit");
    w.valueDecref(BigInt(s2));
    w.setIntMaxStrDigits(4300);
  });

  it("frees everything", () => {
    expect(w.heapBytesInUse()).toBe(base);
  });
});

describe("int <-> float and hashes vs python3.11", () => {
  let base = 0;
  beforeAll(() => {
    base = w.heapBytesInUse();
  });

  function floatCases(): bigint[] {
    const xs: bigint[] = [0n, 1n, -1n, (1n << 53n) + 1n, (1n << 54n) + 3n, (1n << 62n) - 1n, 1n << 62n, (1n << 63n) + 1n];
    for (let e = 52; e < 1030; e += 1 + (rnd32() % 37)) {
      const p = 1n << BigInt(e);
      // ties and near-ties around the rounding point
      const ulp = e > 53 ? 1n << BigInt(e - 53) : 1n;
      xs.push(p + ulp / 2n, p + ulp / 2n + 1n, p + ulp + ulp / 2n, p - 1n, p + ulp / 2n - 1n);
    }
    xs.push((1n << 1024n) - (1n << 970n), (1n << 1024n) - (1n << 971n), (1n << 1024n) - 1n, 1n << 1024n);
    for (let i = 0; i < 300; i++) xs.push(rndInt(1100));
    return xs.flatMap((x) => [x, -x]);
  }

  it("intToF64, intTrueDiv, intFromF64, intCompareF64 and intHash agree with CPython", () => {
    const ints = floatCases();
    const pairs: [bigint, bigint][] = [];
    for (let i = 0; i < 1500; i++) {
      const a = rndInt(i % 3 === 0 ? 2500 : 1200);
      let b = rndInt(i % 3 === 0 ? 2500 : 1200);
      if (i % 50 === 0) b = 0n;
      pairs.push([a, b]);
    }
    pairs.push([1n, 3n], [0n, -5n], [0n, 5n], [-7n, 2n], [1n << 2000n, 1n], [1n, 1n << 2000n], [1n, 1n << 1074n], [3n, 1n << 1075n], [1n, 1n << 1075n], [(1n << 1075n) + 1n, 1n << 2150n], [1n << 1100n, 1n << 76n], [(1n << 1100n) - 1n, 1n << 76n]);
    const floats: number[] = [0, -0, 0.5, -0.5, 1.5, 2 ** 62, -(2 ** 62), 2 ** 63, 2 ** 64, 1e300, -1e300, 2 ** 53 + 2, 4611686018427387904.5 - 0.5, Infinity, -Infinity, NaN, 123.75, -123.75, 1e-300, Number.MAX_VALUE];
    for (let i = 0; i < 300; i++) {
      const f = new DataView(new ArrayBuffer(8));
      f.setUint32(0, rnd32());
      f.setUint32(4, rnd32());
      const x = f.getFloat64(0);
      if (!Number.isNaN(x)) floats.push(x);
    }
    const cmpInts: bigint[] = [];
    const cmpFloats: number[] = [];
    for (const x of floats) {
      if (!Number.isFinite(x)) { cmpInts.push(5n, 1n << 70n); cmpFloats.push(x, x); continue; }
      const t = BigInt(Math.trunc(x));
      for (const d of [-1n, 0n, 1n]) { cmpInts.push(t + d); cmpFloats.push(x); }
      cmpInts.push(rndInt(1100)); cmpFloats.push(x);
    }
    const py = pythonJson<{ tof: string[]; div: string[]; fromf: string[]; cmp: number[]; hash: string[] }>(
      `import json,sys,struct
d=json.load(sys.stdin)
def bits(x): return '%016x' % struct.unpack('>Q', struct.pack('>d', x))[0]
def fl(s): return struct.unpack('>d', bytes.fromhex(s))[0]
def tr(f):
    try: return bits(f())
    except Exception as e: return type(e).__name__ + ': ' + str(e)
def ti(f):
    try: return hex(f())
    except Exception as e: return type(e).__name__ + ': ' + str(e)
ints=[int(x,16) for x in d['ints']]
out={'tof':[tr(lambda: float(x)) for x in ints],
     'div':[tr(lambda: int(a,16)/int(b,16)) for a,b in d['pairs']],
     'fromf':[ti(lambda: int(fl(s))) for s in d['floats']],
     'cmp':[(-1 if i<f else 1 if i>f else 0 if i==f else 2) for i,f in zip((int(x,16) for x in d['cmpi']), (fl(s) for s in d['cmpf']))],
     'hash':[str(hash(x)) for x in ints]}
print(json.dumps(out))`,
      JSON.stringify({
        ints: ints.map((x) => x.toString(16)),
        pairs: pairs.map(([a, b]) => [a.toString(16), b.toString(16)]),
        floats: floats.map(f64Bits),
        cmpi: cmpInts.map((x) => x.toString(16)),
        cmpf: cmpFloats.map(f64Bits),
      }),
    );
    ints.forEach((x, i) => {
      const v = mk(x);
      const f = w.intToF64(v);
      const got = w.testToF64Failed() ? errText() : f64Bits(f);
      expect(got, `float(${x})`).toBe(py.tof[i]);
      expect(String(w.testHash(v)), `hash(${x})`).toBe(py.hash[i]);
      w.valueDecref(v);
    });
    pairs.forEach(([a, b], i) => {
      const va = mk(a), vb = mk(b);
      const r = w.intTrueDiv(va, vb) as V;
      const got = r === 0n ? errText() : f64Bits(w.testFloatValue(r));
      expect(got, `${a} / ${b}`).toBe(py.div[i]);
      if (r !== 0n) w.valueDecref(r);
      w.valueDecref(va);
      w.valueDecref(vb);
    });
    floats.forEach((x, i) => {
      const v = w.intFromF64(x) as V;
      const got = v === 0n ? errText() : hexOf(take(v));
      expect(got, `int(${x})`).toBe(py.fromf[i]);
    });
    cmpInts.forEach((x, i) => {
      const v = mk(x);
      expect(w.intCompareF64(v, cmpFloats[i]), `cmp(${x}, ${cmpFloats[i]})`).toBe(py.cmp[i]);
      w.valueDecref(v);
    });
  });

  it("negative exponents give CPython's floats and errors", () => {
    const cases: [bigint, bigint][] = [[2n, -1n], [-2n, -1n], [3n, -2n], [-3n, -3n], [10n, -20n], [7n, -300n], [0n, -1n], [1n, -(1n << 80n)], [-1n, -(1n << 80n) - 1n], [1n << 1100n, -1n], [2n, -(1n << 1100n)], [12345n, -7n], [(1n << 70n) + 1n, -3n]];
    const py = pythonJson<string[]>(
      `import json,sys,struct
def bits(x): return '%016x' % struct.unpack('>Q', struct.pack('>d', x))[0]
out=[]
for a,b in json.load(sys.stdin):
    try: out.append(bits(int(a,16)**int(b,16)))
    except Exception as e: out.append(type(e).__name__ + ': ' + str(e))
print(json.dumps(out))`,
      JSON.stringify(cases.map(([a, b]) => [a.toString(16), b.toString(16)])),
    );
    cases.forEach(([a, b], i) => {
      const va = mk(a), vb = mk(b);
      const r = w.intPow(va, vb, 0n) as V;
      const got = r === 0n ? errText() : f64Bits(w.testFloatValue(r));
      expect(got, `${a} ** ${b}`).toBe(py[i]);
      if (r !== 0n) w.valueDecref(r);
      w.valueDecref(va);
      w.valueDecref(vb);
    });
  });

  it("frees everything", () => {
    expect(w.heapBytesInUse()).toBe(base);
    expect(w.heapAudit()).toBe(0);
  });
});
