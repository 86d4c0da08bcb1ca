/**
 * marshal.loads on truncated and corrupt data: the same exception type and message as python3.11's
 * marshal.loads, or the same object when CPython accepts the data.
 *
 * - a table of hand-made bad inputs (every error path of the reader, code-object validation, UTF-8
 *   errors, recursion limits), all sent to python3.11 in one batch and compared case by case
 * - a fuzz loop with a fixed-seed PRNG over byte mutations and truncations of the fixture .pyc bodies:
 *   only a PyError or an object may come out (never a JS error or a hang), and the outcome must
 *   match python3.11's for every mutation
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PyError } from "../host/errors.js";
import { dumps, loads } from "../host/marshal.js";
import { CodeObject } from "../host/code.js";
import { PyList, type PyObject } from "../host/objects.js";
import { FIXTURES, hex, normalize, runPython, tag } from "./support/tagged.js";

type Outcome = ["ok", unknown] | [string, string];

// Python runs with its address space capped at 2 GiB: corrupt sizes make CPython allocate (and clear)
// gigabytes before it notices the data is short, which takes minutes. Under the cap it raises
// MemoryError at once instead; we read lazily and report what CPython reports when the allocation
// succeeds, so those cases only need to be errors on our side too.
const PY_LOADS_ALL = `
import json, marshal, resource, sys
from gen_fixtures import tag
resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
sys.setrecursionlimit(20000)

def depth(v):
    m, stack, seen = 0, [(v, 1)], set()
    while stack:
        x, d = stack.pop()
        m = max(m, d)
        if type(x) in (tuple, list) and id(x) not in seen:
            seen.add(id(x))
            stack.extend((y, d + 1) for y in x)
    return m

out = []
for h in json.load(sys.stdin):
    try:
        v = marshal.loads(bytes.fromhex(h))
        out.append(["ok", ["deep", depth(v)] if depth(v) > 500 else tag(v)])
    except Exception as e:
        out.append([type(e).__name__, str(e)])
print(json.dumps(out))
`;

/** How deeply tuples and lists nest (iteratively: tag() would overflow the stack on 2000 levels). */
function depth(v: PyObject): number {
  let max = 0;
  const stack: [PyObject, number][] = [[v, 1]];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const [x, d] = stack.pop()!;
    max = Math.max(max, d);
    const items = Array.isArray(x) ? (x as PyObject[]) : x instanceof PyList ? x.items : null;
    if (items && !seen.has(items)) {
      seen.add(items);
      for (const y of items) stack.push([y, d + 1]);
    }
  }
  return max;
}

function ourOutcome(data: Uint8Array): Outcome {
  let v: PyObject;
  try {
    v = loads(data);
  } catch (e) {
    if (!(e instanceof PyError)) throw new Error(`non-PyError escaped for ${hex(data)}: ${String(e)}`);
    return [e.pyType, e.pyMessage];
  }
  return ["ok", depth(v) > 500 ? ["deep", depth(v)] : normalize(tag(v))];
}

const theirOutcome = (o: Outcome): Outcome => (o[0] === "ok" ? ["ok", normalize(o[1])] : o);

// Byte-building helpers: version 2 writes no reference flags, so pieces concatenate safely.
const b = (...parts: (string | number[] | Uint8Array)[]) =>
  Uint8Array.from(
    parts.flatMap((p) => (typeof p === "string" ? [...p].map((c) => c.charCodeAt(0)) : Array.from(p))),
  );
const i32 = (n: number) => {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setInt32(0, n, true);
  return out;
};
const obj = (v: PyObject) => dumps(v, 2);

/** A code object's bytes with some fields replaced (raw bytes, or values to marshal). */
function code(over: Partial<Record<string, Uint8Array | number>> = {}): Uint8Array {
  const field = (name: string, dflt: PyObject) => {
    const o = over[name];
    return o instanceof Uint8Array ? o : obj(dflt);
  };
  const int = (name: string, dflt: number) => i32(typeof over[name] === "number" ? (over[name] as number) : dflt);
  return b(
    "c",
    int("argcount", 0),
    int("posonly", 0),
    int("kwonly", 0),
    int("stacksize", 1),
    int("flags", 0),
    field("code", new Uint8Array([0x97, 0, 0x64, 0, 0x53, 0])),
    field("consts", [null]),
    field("names", []),
    field("localsplusnames", []),
    field("localspluskinds", new Uint8Array(0)),
    field("filename", "f.py"),
    field("name", "m"),
    field("qualname", "m"),
    int("firstlineno", 1),
    field("linetable", new Uint8Array(0)),
    field("exceptiontable", new Uint8Array(0)),
  );
}

const nested = (open: string, depth: number) => b(...Array.from({ length: depth }, () => open), "N");

const CASES: [string, Uint8Array][] = [
  ["empty input", b()],
  ["TYPE_NULL at top level", b("0")],
  ["unknown type code '?'", b("?")],
  ["unknown type code 'R'", b("R")],
  ["FLAG_REF on type 0", b([0x80])],
  ["int cut short", b("i", [1, 0])],
  ["INT64 cut short", b("I", [1, 2, 3])],
  ["INT64", b("I", [1, 0, 0, 0, 0, 0, 0, 0x80])],
  ["ref index cut short", b("r", [0])],
  ["ref with no refs", b("r", i32(0))],
  ["negative ref", b("r", i32(-1))],
  ["ref flagged", b([0xf2], i32(0))],
  ["bytes larger than the data", b("s", i32(1000), "abc")],
  ["negative bytes size", b("s", i32(-1))],
  ["negative ascii size", b("a", i32(-5))],
  ["negative unicode size", b("u", i32(-0x80000000))],
  ["unicode cut short", b("u", i32(5), "ab")],
  ["ascii with high bytes is Latin-1", b("a", i32(2), [0xe9, 0xff])],
  ["short ascii without its size", b("z")],
  ["short ascii cut short", b("z", [5], "ab")],
  ["interned short ascii without size", b("Z")],
  ["utf-8 invalid continuation", b("u", i32(2), [0xe9, 0xff])],
  ["utf-8 invalid start byte", b("u", i32(3), "a", [0x80], "b")],
  ["utf-8 overlong", b("u", i32(2), [0xc0, 0x80])],
  ["utf-8 E0 overlong", b("u", i32(3), [0xe0, 0x80, 0x80])],
  ["utf-8 above U+10FFFF", b("u", i32(4), [0xf4, 0x90, 0x80, 0x80])],
  ["utf-8 truncated 4-byte", b("u", i32(4), "a", [0xf0, 0x9f, 0x98])],
  ["utf-8 truncated 3-byte", b("u", i32(2), [0xe6, 0x97])],
  ["utf-8 bad third of four", b("u", i32(4), [0xf0, 0x9f, 0x41, 0x80])],
  ["utf-8 truncated surrogate", b("u", i32(3), "x", [0xed, 0xa0])],
  ["utf-8 lone surrogate (surrogatepass)", b("u", i32(5), "a", [0xed, 0xa0, 0x80], "b")],
  ["utf-8 surrogate pair of code points", b("t", i32(6), [0xed, 0xa0, 0x80, 0xed, 0xb0, 0x80])],
  ["utf-8 BOM is kept", b("u", i32(4), [0xef, 0xbb, 0xbf], "x")],
  ["small tuple without size", b(")")],
  ["small tuple missing items", b(")", [1])],
  ["negative tuple size", b("(", i32(-1))],
  ["tuple size larger than the data", b("(", i32(1000), "NNN")],
  ["NULL in tuple", b("(", i32(1), "0")],
  ["NULL in small tuple", b(")", [1], "0")],
  ["NULL in list", b("[", i32(1), "0")],
  ["NULL in set", b("<", i32(1), "0")],
  ["negative list size", b("[", i32(-0x80000000))],
  ["negative set size", b("<", i32(-1))],
  ["negative frozenset size", b(">", i32(-1))],
  ["list in a set", b("<", i32(1), "[", i32(0))],
  ["list in a tuple in a frozenset", b(">", i32(1), ")", [1], "[", i32(0))],
  ["dict as dict key", b("{", "{", "0", "N", "0")],
  ["dict containing itself as key", b([0xfb], "r", i32(0), "N0")],
  ["set containing itself", b([0xbc], i32(1), "r", i32(0))],
  ["frozenset containing itself", b([0xbe], i32(1), "r", i32(0))],
  ["empty frozenset then ref", b(")", [2], [0xbe], i32(0), "r", i32(0))],
  ["dict ends at NULL key", b("{", "N", "N", "0")],
  ["dict ends at NULL value", b("{", "N", "0")],
  ["dict cut short", b("{", "N")],
  ["set equal elements collapse", b("<", i32(3), "i", i32(1), "T", "g", [0, 0, 0, 0, 0, 0, 0xf0, 0x3f])],
  ["dict equal keys keep first key, last value", b("{", "i", i32(1), "N", "T", "z", [1], "a", "0")],
  ["long size out of range", b("l", i32(-0x80000000))],
  ["long larger than the data", b("l", i32(1000), [1, 0])],
  ["long digit out of range", b("l", i32(1), [0, 0x80])],
  ["long unnormalized", b("l", i32(2), [1, 0, 0, 0])],
  ["negative long", b("l", i32(-3), [1, 0, 2, 0, 3, 0])],
  ["text float garbage", b("f", [3], "abc")],
  ["text float without size", b("f")],
  ["text float cut short", b("f", [5], "1.5")],
  ["text float with NUL", b("f", [4], "1", [0], "e5")],
  ["text float spaces", b("f", [3], " 12")],
  ["text float underscore", b("f", [4], "1_00")],
  ["text float hex", b("f", [4], "0x10")],
  ["text float mixed-case inf", b("f", [4], "-InF")],
  ["text float infinity", b("f", [8], "infinity")],
  ["text float overflow", b("f", [5], "1e999")],
  ["text float empty", b("f", [0])],
  ["text float bad utf-8 in message", b("f", [4], [0xff, 0xfe], "12")],
  ["text float long message", b("f", [250], "9".repeat(249), "x")],
  ["text complex cut short", b("x", [1], "1", [1])],
  ["binary float cut short", b("g", [0, 0])],
  ["binary complex cut short", b("y", new Uint8Array(11))],
  ["recursion limit, small tuples", nested(")\x01", 2000)],
  ["just under the recursion limit", nested(")\x01", 1999)],
  ["recursion limit, lists", nested("[\x01\x00\x00\x00", 2001)],
  ["trailing data is ignored", b("N", "garbage")],
  ["valid code object", code()],
  ["code: co_code is str", code({ code: obj("abc") })],
  ["code: odd co_code", code({ code: obj(new Uint8Array(3)) })],
  ["code: empty co_code", code({ code: obj(new Uint8Array(0)) })],
  ["code: consts is a list", code({ consts: b("[", i32(0)) })],
  ["code: names hold an int", code({ names: obj(["a", 1n]) })],
  ["code: localsplusnames hold bytes", code({ localsplusnames: obj([new Uint8Array(1)]), localspluskinds: obj(new Uint8Array([0x20])) })],
  ["code: kinds shorter than names", code({ localsplusnames: obj(["a"]) })],
  ["code: kinds is str", code({ localspluskinds: obj("") })],
  ["code: filename is bytes", code({ filename: obj(new Uint8Array(0)) })],
  ["code: name is None", code({ name: obj(null) })],
  ["code: qualname is an int", code({ qualname: obj(1n) })],
  ["code: linetable is str", code({ linetable: obj("") })],
  ["code: exceptiontable is None", code({ exceptiontable: obj(null) })],
  ["code: argcount exceeds locals", code({ argcount: 1 })],
  ["code: VARARGS without a local", code({ flags: 4 })],
  ["code: negative argcount", code({ argcount: -1 })],
  ["code: posonly above argcount", code({ posonly: 1 })],
  ["code: negative stacksize", code({ stacksize: -1 })],
  ["code: negative flags", code({ flags: -1 })],
  ["code: NULL co_code", code({ code: b("0") })],
  ["code: NULL exceptiontable", code({ exceptiontable: b("0") })],
  ["code: cut short in the ints", code().subarray(0, 10)],
  ["code: cut short before firstlineno", code().subarray(0, code().length - 12)],
  ["code: refers to itself", b([0xe3], code({ consts: b(")", [1], "r", i32(0)) }).subarray(1))],
  ["code: referred to after it", b(")", [2], [0xe3], code().subarray(1), "r", i32(0))],
  ["code in a set", b("<", i32(1), code())],
  ["code with a list const in a set", b("<", i32(1), code({ consts: b(")", [1], "[", i32(0)) }))],
];

describe("bad marshal data", () => {
  const theirs = runPython<Outcome[]>(PY_LOADS_ALL, CASES.map(([, data]) => hex(data)));

  it("has at least 25 error cases", () => {
    expect(theirs.filter((o) => o[0] !== "ok").length).toBeGreaterThanOrEqual(25);
  });

  it.each(CASES.map(([name, data], i) => [name, data, i] as const))("%s", (_name, data, i) => {
    expect(ourOutcome(data)).toEqual(theirOutcome(theirs[i]));
  });

  it("checks huge declared sizes against the data before allocating anything", () => {
    // What CPython reports when its (lazy) allocation of the declared size succeeds.
    const start = performance.now();
    expect(ourOutcome(b("s", i32(0x7fffffff)))).toEqual(["EOFError", "marshal data too short"]);
    expect(ourOutcome(b("u", i32(0x7fffffff), "ab"))).toEqual(["EOFError", "marshal data too short"]);
    expect(ourOutcome(b("(", i32(0x7fffffff), "NNN"))).toEqual(["EOFError", "EOF read where object expected"]);
    expect(ourOutcome(b("[", i32(0x7fffffff), "N"))).toEqual(["EOFError", "EOF read where object expected"]);
    expect(ourOutcome(b(">", i32(0x7fffffff), "N"))).toEqual(["EOFError", "EOF read where object expected"]);
    expect(ourOutcome(b("l", i32(-0x7fffffff), [1, 0]))).toEqual(["EOFError", "marshal data too short"]);
    expect(performance.now() - start).toBeLessThan(100);
  });
});

/** mulberry32: a small fixed-seed PRNG, so every run fuzzes the same inputs. */
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

const TYPE_CODES = [..."0NFTS.iIfgxylstr([{cu<>aA)zZ"].map((c) => c.charCodeAt(0));

function mutate(body: Uint8Array, rnd: () => number): Uint8Array {
  const at = (n: number) => Math.floor(rnd() * n);
  const out = Array.from(body);
  const kind = at(6);
  if (kind === 0) return body.slice(0, at(body.length)); // truncate
  const edits = 1 + at(4);
  for (let e = 0; e < edits; e++) {
    const i = at(out.length);
    switch (kind) {
      case 1: // random byte
        out[i] = at(256);
        break;
      case 2: // a type code, maybe with FLAG_REF
        out[i] = TYPE_CODES[at(TYPE_CODES.length)] | (rnd() < 0.3 ? 0x80 : 0);
        break;
      case 3: // flip one bit
        out[i] ^= 1 << at(8);
        break;
      case 4: // delete a short run
        out.splice(i, 1 + at(8));
        break;
      default: // insert random bytes
        out.splice(i, 0, ...Array.from({ length: 1 + at(4) }, () => at(256)));
    }
  }
  return Uint8Array.from(out);
}

describe("fuzzing the fixture .pyc bodies", () => {
  const bodies = readdirSync(FIXTURES)
    .filter((f) => f.endsWith(".pyc"))
    .sort()
    .map((f) => new Uint8Array(readFileSync(path.join(FIXTURES, f))).subarray(16));
  const rnd = prng(0x5eed);
  const inputs = Array.from({ length: 2000 }, () => mutate(bodies[Math.floor(rnd() * bodies.length)], rnd));

  it("only ever yields a PyError or an object, quickly", () => {
    const start = performance.now();
    let errors = 0;
    for (const data of inputs) {
      if (ourOutcome(data)[0] !== "ok") errors++;
    }
    expect(performance.now() - start).toBeLessThan(10_000);
    expect(errors).toBeGreaterThan(inputs.length / 4); // the mutations do break things
  });

  it("matches python3.11 on every mutation", () => {
    const theirs = runPython<Outcome[]>(PY_LOADS_ALL, inputs.map(hex));
    const mismatches: string[] = [];
    let memoryErrors = 0;
    inputs.forEach((data, i) => {
      const ours = ourOutcome(data);
      const want = theirOutcome(theirs[i]);
      if (want[0] === "MemoryError" && ours[0] !== "ok") {
        memoryErrors++;
        return;
      }
      if (JSON.stringify(ours) !== JSON.stringify(want)) {
        mismatches.push(`${hex(data).slice(0, 60)}: ours ${JSON.stringify(ours).slice(0, 150)} / CPython ${JSON.stringify(want).slice(0, 150)}`);
      }
    });
    expect(mismatches).toEqual([]);
    expect(memoryErrors).toBeLessThan(inputs.length / 100);
  });
});
