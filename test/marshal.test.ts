/**
 * marshal loads/dumps against CPython 3.11.
 *
 * - fixtures (no Python needed): the committed .pyc files from tools/gen_fixtures.py load to exactly
 *   the code object trees recorded in test/fixtures/expected.json
 * - round trips of every type through our own dumps and loads, for versions 0-4
 * - python3.11 -> us: for a broad set of values python3.11 gives marshal.dumps(v, 0..4) and the
 *   tagged form of v; we load every version and must get v back, and our dumps must be
 *   byte-identical to CPython's for versions 0-2 (no reference flags there, whose placement in
 *   CPython depends on reference counts)
 * - us -> python3.11: values we build and values we loaded, dumped by us (versions 3 and 4) and loaded
 *   by python3.11, must come back equal field by field (code objects included); shared and cyclic
 *   objects keep their identity
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CodeObject } from "../host/code.js";
import { PyError } from "../host/errors.js";
import { dumps, formatG17, loads, loadsWithLength } from "../host/marshal.js";
import {
  Ellipsis,
  PyComplex,
  PyDict,
  PyFrozenSet,
  PyList,
  PySet,
  StopIteration,
  SurrogateStr,
  type PyObject,
} from "../host/objects.js";
import { FIXTURES, ROOT, hex, normalize, runPython, tag, unhex } from "./support/tagged.js";

interface FixtureEntry {
  marshalSize: number;
  code: unknown[];
}
const expected = JSON.parse(readFileSync(path.join(FIXTURES, "expected.json"), "utf-8")) as Record<string, FixtureEntry>;
const fixtureNames = Object.keys(expected).sort();
const fixtureBytes = (name: string) => new Uint8Array(readFileSync(path.join(FIXTURES, `${name}.pyc`)));

/** Values built on our side, covering every type and the awkward corners of each. */
function ourValues(): PyObject[] {
  const shared = new PyList([1n]);
  return [
    null,
    true,
    false,
    Ellipsis,
    StopIteration,
    0n,
    -1n,
    0x7fffffffn,
    -0x80000000n,
    0x80000000n,
    -0x80000001n,
    2n ** 63n,
    -(2n ** 64n) + 1n,
    2n ** 5000n + 12345n,
    -(3n ** 2000n),
    0,
    -0,
    1.5,
    NaN,
    Infinity,
    -Infinity,
    5e-324,
    Number.MAX_VALUE,
    new PyComplex(-0, -0),
    new PyComplex(1.5, NaN),
    "",
    "abc",
    "x".repeat(255),
    "x".repeat(256),
    "héllo wörld",
    "日本語",
    "😀 astral 𝄞",
    "\ud800",
    "a\udfffb",
    "\udc00\ud800",
    new SurrogateStr([0xd800, 0xdc00]),
    new SurrogateStr([0x61, 0xdbff, 0xdfff, 0x62]),
    new Uint8Array(0),
    Uint8Array.from({ length: 300 }, (_, i) => i & 0xff),
    [],
    [1n, "a", [null, [2.5]]],
    Array.from({ length: 300 }, (_, i) => BigInt(i)),
    new PyList([1n, new PyList([]), shared, shared]),
    new PyDict([
      ["k", 1n],
      [2n, "v"],
      [[1n, 2n], new PyList([])],
      [null, new PyDict([])],
    ]),
    new PySet([1n, "a", [1n, 2n]]),
    new PySet([]),
    new PyFrozenSet([]),
    new PyFrozenSet(["b", "a", 3n, 2.5, new Uint8Array([1])]),
    new PyDict([[new PyFrozenSet([1n]), new PyFrozenSet([new PyFrozenSet([])])]]),
  ];
}

describe("fixtures (no Python)", () => {
  it.each(fixtureNames)("%s.pyc loads to the recorded code object tree", (name) => {
    const data = fixtureBytes(name);
    const { value, length } = loadsWithLength(data, { offset: 16 });
    expect(value).toBeInstanceOf(CodeObject);
    expect(length).toBe(expected[name].marshalSize);
    expect(16 + length).toBe(data.length);
    expect(normalize(tag(value))).toEqual(normalize(expected[name].code));
  });

  it.each(fixtureNames)("%s.pyc survives our dumps and loads unchanged", (name) => {
    const code = loads(fixtureBytes(name), { offset: 16 });
    const again = loads(dumps(code));
    expect(normalize(tag(again))).toEqual(normalize(expected[name].code));
  });

  it("our dumps of the fixtures are no larger than CPython's and within 10% of them", () => {
    for (const name of fixtureNames) {
      const ours = dumps(loads(fixtureBytes(name), { offset: 16 })).length;
      const theirs = expected[name].marshalSize;
      expect(ours, name).toBeLessThanOrEqual(theirs);
      expect(ours, name).toBeGreaterThan(theirs * 0.9);
    }
  });

  it("writes names and identifier-like constants interned, other strings not", () => {
    const code = loads(fixtureBytes("constants"), { offset: 16 }) as CodeObject;
    const out = Buffer.from(dumps(code));
    // 'Z' = short ASCII interned, 'z' = short ASCII; | 0x80 when the string is shared.
    const has = (type: number, s: string) =>
      [type, type | 0x80].some((t) => out.includes(Buffer.concat([Buffer.of(t, s.length), Buffer.from(s)])));
    expect(has(0x5a, "name_like")).toBe(true);
    expect(has(0x5a, "membership")).toBe(true);
    expect(has(0x7a, "with space")).toBe(true);
    expect(has(0x7a, "dash-ed")).toBe(true);
    expect(has(0x7a, "<module>")).toBe(true); // not identifier-like, as CPython leaves it
  });
});

describe("round trips through our own dumps and loads", () => {
  it.each([0, 1, 2, 3, 4])("version %i", (version) => {
    for (const v of ourValues()) {
      expect(normalize(tag(loads(dumps(v, version)))), String(tag(v))).toEqual(normalize(tag(v)));
    }
  });

  it("keeps identity: shared objects, a list containing itself, a tuple containing itself", () => {
    const shared = new PyList([]);
    const cyclic = new PyList([]);
    cyclic.items.push(cyclic);
    const tuple: PyObject[] = [1n];
    tuple.push(tuple);
    const back = loads(dumps([shared, shared, cyclic, tuple])) as PyObject[];
    expect(back[0]).toBe(back[1]);
    expect((back[2] as PyList).items[0]).toBe(back[2]);
    expect((back[3] as PyObject[])[1]).toBe(back[3]);
  });

  it("loadsWithLength reports the object's length and ignores trailing bytes; offset and shareBytes work", () => {
    const body = dumps([1n, "two", new Uint8Array([3])]);
    const data = new Uint8Array([0xee, 0xee, ...body, 0x4e, 0x4e]);
    const r = loadsWithLength(data, { offset: 2 });
    expect(r.length).toBe(body.length);
    expect(tag(r.value)).toEqual(tag([1n, "two", new Uint8Array([3])]));
    const copied = (loads(data, { offset: 2 }) as PyObject[])[2] as Uint8Array;
    const shared = (loads(data, { offset: 2, shareBytes: true }) as PyObject[])[2] as Uint8Array;
    expect(copied.buffer).not.toBe(data.buffer);
    expect(shared.buffer).toBe(data.buffer);
  });

  it("dumps rejects values marshal cannot hold, and nesting deeper than 2000", () => {
    expect(() => dumps({} as unknown as PyObject)).toThrow(/ValueError: unmarshallable object/);
    expect(() => dumps(undefined as unknown as PyObject)).toThrow(PyError);
    let deep: PyObject = null;
    for (let i = 0; i < 1999; i++) deep = [deep];
    expect(() => dumps(deep)).not.toThrow();
    expect(() => dumps([deep])).toThrow(/ValueError: object too deeply nested to marshal/);
    const cyclic = new PyList([]);
    cyclic.items.push(cyclic);
    expect(() => dumps(cyclic, 2)).toThrow(/object too deeply nested/); // no references before version 3
  });
});

/** Values python3.11 builds (it cannot take them from us: that is what is being tested). */
const PY_VALUES = String.raw`
import glob, os
big = [2**k + d for k in (30, 31, 32, 45, 46, 60, 62, 63, 64, 100, 1000, 4000) for d in (-1, 0, 1)]
ints = [0, 1, -1, 2**31 - 1, -2**31, 2**31, -2**31 - 1] + big + [-x for x in big]
floats = [0.0, -0.0, 1.5, -1.5, float("inf"), float("-inf"), float("nan"), 5e-324, 2.5e-310,
          1.7976931348623157e308, 0.1, 1e16, 1e17, 1e-5, 1e-4, 123456789.123456789, 1/3, -2.0**-1074]
complexes = [1j, complex(-0.0, 0.0), complex(1.5, -2.5), complex(float("inf"), float("nan"))]
strs = ["", "a", "abc", "hello world", "x" * 255, "x" * 256, "x" * 1000, "\xe9", "na\xefve caf\xe9",
        "\u65e5\u672c\u8a9e", "\U0001f600", "a\U0001f600b", "\ud800", "\udfff", "a\ud800b", "\ud800\udc00",
        "\udc00\ud800", "\x00\x7f\x80\xff", "\xe9" * 300, "\U0010ffff", "name_like", "\ufeffbom"]
byts = [b"", b"\x00", bytes(range(256)), b"x" * 70000]
shared = [1, 2]
containers = [(), (1,), (1, "a", None), tuple(range(255)), tuple(range(256)), tuple(range(1000)), [],
              [1, [2, [3]]], {}, {"a": 1, 2: "b", (1, 2): [3]}, set(), {1, 2, 3}, frozenset(),
              frozenset({"a", "b", 1.5, (1, 2), b"q"}), ((((),),),), {frozenset({1}): frozenset({2})},
              (shared, shared, [shared]), {True, 2, 3.5, "s", None, ...}]
singles = [None, True, False, ..., StopIteration]
codes = [compile("def f(a, b=1, /, c=2, *d, e, f=3, **g):\n    x = a\n    def h(): return x\n    return h\n",
                 "snippet.py", "exec"),
         compile("async def a(y):\n    yield [i async for i in y]\n", "a.py", "exec"),
         compile("class C:\n  def m(self): return __class__\n", "c.py", "exec")]
for src in sorted(glob.glob(os.path.join("test", "fixtures", "src", "*.py"))):
    codes.append(compile(open(src, "rb").read(), src, "exec"))
VALUES = ints + floats + complexes + strs + byts + containers + singles + codes
`;

interface PyCase {
  tag: unknown[];
  dumps: string[];
  loaded: unknown[][];
}

describe("python3.11 -> us", () => {
  it("the committed fixtures are what tools/gen_fixtures.py makes with this python3.11", () => {
    const r = spawnSync("python3.11", ["tools/gen_fixtures.py", "--check"], { cwd: ROOT, encoding: "utf-8" });
    expect(r.stdout + r.stderr).toMatch(/fixtures up to date/);
    expect(r.status).toBe(0);
  });

  const cases = runPython<PyCase[]>(
    PY_VALUES +
      String.raw`
import json, marshal
from gen_fixtures import tag
# The tag of what each version reads back: versions 0 and 1 write floats as text, which drops a NaN's sign.
print(json.dumps([{"tag": tag(v), "dumps": [marshal.dumps(v, ver).hex() for ver in range(5)],
                   "loaded": [tag(marshal.loads(marshal.dumps(v, ver))) for ver in range(5)]} for v in VALUES]))
`,
  );

  it("covers a broad set of values", () => {
    expect(cases.length).toBeGreaterThan(120);
  });

  it.each([0, 1, 2, 3, 4])("loads what marshal.dumps(v, %i) wrote", (version) => {
    for (const c of cases) {
      const v = loads(unhex(c.dumps[version]));
      expect(normalize(tag(v)), JSON.stringify(c.tag).slice(0, 200)).toEqual(normalize(c.loaded[version]));
    }
  });

  it.each([0, 1, 2])("dumps(v, %i) is byte-identical to CPython's", (version) => {
    for (const c of cases) {
      const v = loads(unhex(c.dumps[version]));
      expect(hex(dumps(v, version)), JSON.stringify(c.tag).slice(0, 200)).toBe(c.dumps[version]);
    }
  });

  it("our version 4 output is never larger than CPython's", () => {
    for (const c of cases) {
      const v = loads(unhex(c.dumps[4]));
      expect(dumps(v).length).toBeLessThanOrEqual(c.dumps[4].length / 2);
    }
  });

  it("keeps identity of shared and cyclic objects CPython wrote", () => {
    const back = runPython<string[]>(`
import json, marshal
s = [1]
l = []; l.append(l)
d = {}; d["self"] = d
print(json.dumps([marshal.dumps((s, s, l, d)).hex()]))
`);
    const v = loads(unhex(back[0])) as PyObject[];
    expect(v[0]).toBe(v[1]);
    expect((v[2] as PyList).items[0]).toBe(v[2]);
    expect((v[3] as PyDict).entries[0][1]).toBe(v[3]);
  });

  it("gives set items in CPython's iteration order", () => {
    const out = runPython<[string, unknown[]][]>(`
import json, marshal
from gen_fixtures import tag
sets = [frozenset({"a", "b", "c", "exception", "message"}), {1, 2, "x"}, frozenset(range(100)),
        frozenset({b"q", (1, "t"), 2.5, -7, 10**30, "\xe9t\xe9"}), {str(i) * 3 for i in range(50)}]
# The order of the set marshal.loads builds (items added in marshal order), not of the original.
print(json.dumps([[marshal.dumps(s).hex(), [tag(x) for x in marshal.loads(marshal.dumps(s))]] for s in sets]))
`);
    for (const [blob, order] of out) {
      const v = loads(unhex(blob)) as PySet | PyFrozenSet;
      expect(v.items.map(tag)).toEqual(order);
    }
  });

  it("formats text floats (versions 0 and 1) exactly as CPython's %.17g", () => {
    const out = runPython<[string, string][]>(`
import json, marshal, random, struct
rng = random.Random(1234)
xs = [struct.unpack("<d", rng.getrandbits(64).to_bytes(8, "little"))[0] for _ in range(3000)]
xs += [rng.uniform(-1e6, 1e6) for _ in range(1000)] + [float(rng.randrange(10**18)) for _ in range(500)]
xs += [10.0**k for k in range(-30, 30)] + [1e-5, 1e-4, 1e16, 1e17, 9.999999999999999e16]
print(json.dumps([[struct.pack("<d", x).hex(), marshal.dumps(x, 1)[2:].decode()] for x in xs]))
`);
    for (const [bits, text] of out) {
      const x = new DataView(unhex(bits).buffer).getFloat64(0, true);
      expect(formatG17(x), bits).toBe(text);
    }
  });
});

describe("us -> python3.11", () => {
  const checkInPython = (blobs: string[]) =>
    runPython<unknown[]>(
      `
import json, marshal, sys
from gen_fixtures import tag
print(json.dumps([tag(marshal.loads(bytes.fromhex(h))) for h in json.load(sys.stdin)]))
`,
      blobs,
    );

  it.each([3, 4])("python3.11 loads our version %i dumps of values we built", (version) => {
    const values = ourValues();
    const tags = checkInPython(values.map((v) => hex(dumps(v, version))));
    values.forEach((v, i) => expect(normalize(tags[i]), JSON.stringify(tag(v)).slice(0, 200)).toEqual(normalize(tag(v))));
  });

  it("python3.11 loads our dumps of everything it gave us, code objects field by field", () => {
    const cases = runPython<PyCase[]>(
      PY_VALUES +
        String.raw`
import json, marshal
from gen_fixtures import tag
print(json.dumps([{"tag": tag(v), "dumps": [marshal.dumps(v).hex()]} for v in VALUES]))
`,
    );
    const ours = cases.map((c) => hex(dumps(loads(unhex(c.dumps[0])))));
    const tags = checkInPython(ours);
    cases.forEach((c, i) => expect(normalize(tags[i]), JSON.stringify(c.tag).slice(0, 200)).toEqual(normalize(c.tag)));
  });

  it("python3.11 sees shared and cyclic objects as the same object", () => {
    const shared = new PyList([1n]);
    const cyclicList = new PyList([]);
    cyclicList.items.push(cyclicList);
    const cyclicTuple: PyObject[] = [];
    cyclicTuple.push(cyclicTuple);
    const cyclicDict = new PyDict([]);
    cyclicDict.entries.push(["me", cyclicDict]);
    const code = loads(fixtureBytes("closures"), { offset: 16 });
    const blob = hex(dumps([shared, shared, cyclicList, cyclicTuple, cyclicDict, code, code]));
    const out = runPython<boolean[]>(
      `
import json, marshal, sys
v = marshal.loads(bytes.fromhex(json.load(sys.stdin)))
print(json.dumps([v[0] is v[1], v[2][0] is v[2], v[3][0] is v[3], v[4]["me"] is v[4], v[5] is v[6]]))
`,
      blob,
    );
    expect(out).toEqual([true, true, true, true, true]);
  });
});
