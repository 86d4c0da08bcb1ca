/**
 * test/support/code-diff.ts against python3.11: each case compiles two sources with CPython, loads
 * both code objects through host/marshal.ts and diffs them; python3.11 itself walks the same two
 * trees (pairing nested code objects the same way) and says which fields differ, from its own
 * attributes (co_localsplusnames/kinds rebuilt from co_varnames, co_cellvars and co_freevars, which
 * is how 3.11 lays them out). The two accounts must agree pair by pair.
 */
import { describe, expect, it } from "vitest";
import { CodeObject } from "../host/code.js";
import { loads } from "../host/marshal.js";
import { PyFrozenSet } from "../host/objects.js";
import { CODE_FIELDS, diffCode, formatPairDiff } from "./support/code-diff.js";
import { runPython } from "./support/python.js";

interface Case {
  label: string;
  ours: string;
  theirs: string;
  /** co_filename of ours ("<fidelity>" for both by default). */
  oursFilename?: string;
}

interface PyPair {
  path: string;
  presence: "both" | "ours only" | "theirs only";
  fields: string[];
  /** For co_code: the first differing instruction on each side as dis shows it ("OPNAME arg (argrepr)"). */
  code?: [string, string];
}

interface PyCase {
  ours: string;
  theirs: string;
  pairs: PyPair[];
}

const ORACLE = String.raw`
import dis, json, marshal, struct, sys, types
FIELDS = json.loads(sys.argv[1])
cases = json.loads(sys.stdin.read())

def key(c):
    if isinstance(c, types.CodeType): return "<code>"  # judged as its own pair
    if isinstance(c, float): return ("float", "nan" if c != c else struct.pack("<d", c).hex())
    if isinstance(c, complex): return ("complex", key(c.real), key(c.imag))
    if isinstance(c, tuple): return ("tuple",) + tuple(key(x) for x in c)
    if isinstance(c, frozenset): return ("frozenset", frozenset(key(x) for x in c))
    return (type(c).__name__, repr(c))

def localsplus(co):
    names, kinds = list(co.co_varnames), [0x20] * len(co.co_varnames)
    for c in co.co_cellvars:
        if c in co.co_varnames: kinds[names.index(c)] |= 0x40
        else: names.append(c); kinds.append(0x40)
    for f in co.co_freevars: names.append(f); kinds.append(0x80)
    return names, kinds

def field(co, name):
    if name == "co_consts": return [key(c) for c in co.co_consts]
    if name == "co_localsplusnames": return localsplus(co)[0]
    if name == "co_localspluskinds": return localsplus(co)[1]
    return getattr(co, name)

def ins_at(co, off):
    found = None
    for i in dis.get_instructions(co, show_caches=True):
        if i.offset > off: break
        found = i
    return found.opname + ("" if found.arg is None else f" {found.arg}") + (f" ({found.argrepr})" if found.argrepr else "")

def walk(a, b, parent, out):
    any_ = b or a
    path = any_.co_name if not parent else parent + "." + any_.co_name
    if a and b:
        fields = [f for f in FIELDS if field(a, f) != field(b, f)]
        pair = {"path": path, "presence": "both", "fields": fields}
        if "co_code" in fields:
            x, y = a.co_code, b.co_code
            off = next((i for i in range(min(len(x), len(y))) if x[i] != y[i]), min(len(x), len(y)))
            if off < len(x) and off < len(y): pair["code"] = [ins_at(a, off), ins_at(b, off)]
    else:
        pair = {"path": path, "presence": "ours only" if a else "theirs only", "fields": FIELDS}
    out.append(pair)
    na = [c for c in a.co_consts if isinstance(c, types.CodeType)] if a else []
    nb = [c for c in b.co_consts if isinstance(c, types.CodeType)] if b else []
    for i in range(max(len(na), len(nb))):
        walk(na[i] if i < len(na) else None, nb[i] if i < len(nb) else None, path, out)

results = []
for c in cases:
    a = compile(c["ours"], c.get("oursFilename", "<fidelity>"), "exec", dont_inherit=True)
    b = compile(c["theirs"], "<fidelity>", "exec", dont_inherit=True)
    pairs = []
    walk(a, b, "", pairs)
    results.append({"ours": marshal.dumps(a).hex(), "theirs": marshal.dumps(b).hex(), "pairs": pairs})
print(json.dumps(results))
`;

const NESTED = `
import os
X = (1, 2.5, -0.0, "s", b"b", None, ..., 3j, frozenset({1, 2}))
def f(a, b=1, *args, c, **kw):
    y = [i * a for i in args]
    g = lambda z: z + y[0]
    class C:
        def m(self):
            return __class__
    try:
        return g(c)
    except ValueError as e:
        raise RuntimeError from e
    finally:
        print(kw)
async def h():
    async with os as o:
        yield {k: v async for k, v in o}
`;

const CASES: Case[] = [
  { label: "the same source twice", ours: NESTED, theirs: NESTED },
  { label: "another constant", ours: "x = 1\n", theirs: "x = 2\n" },
  { label: "1 against True (same value, another type)", ours: "x = 1\n", theirs: "x = True\n" },
  { label: "0.0 against -0.0", ours: "x = (0.0, 1)\n", theirs: "x = (-0.0, 1)\n" },
  { label: "NaN against NaN (payload-agnostic)", ours: "x = 1e999 - 1e999\n", theirs: "x = 1e999 - 1e999\n" },
  { label: "another frozenset", ours: "def f(x):\n    return x in {1, 2}\n", theirs: "def f(x):\n    return x in {1, 3}\n" },
  { label: "the function one line lower", ours: "def f():\n    return 1\n", theirs: "\ndef f():\n    return 1\n" },
  { label: "a renamed local", ours: "def f():\n    x = 1\n    return x\n", theirs: "def f():\n    y = 1\n    return y\n" },
  { label: "an extra local", ours: "def f(a):\n    return a\n", theirs: "def f(a):\n    b = a\n    return a\n" },
  { label: "another argument loaded", ours: "def f(a, b):\n    return a\n", theirs: "def f(a, b):\n    return b\n" },
  { label: "a function only CPython has", ours: "def f(): pass\n", theirs: "def f(): pass\ndef g():\n    return lambda: 1\n" },
  { label: "a function only ours has", ours: "def f(): pass\ndef g(): pass\n", theirs: "def f(): pass\n" },
  { label: "another filename", ours: NESTED, theirs: NESTED, oursFilename: "<other>" },
  { label: "a try block more", ours: "def f():\n    g()\n", theirs: "def f():\n    try:\n        g()\n    except E:\n        pass\n" },
];

const oracle = JSON.parse(
  runPython(ORACLE, JSON.stringify(CASES), [JSON.stringify(CODE_FIELDS)]).toString("utf8"),
) as PyCase[];

function load(hex: string): CodeObject {
  const code = loads(Uint8Array.from(Buffer.from(hex, "hex")));
  if (!(code instanceof CodeObject)) throw new Error("not a code object");
  return code;
}

describe("diffCode against python3.11's own field comparison", () => {
  it.each(CASES.map((c, i) => [c.label, i] as const))("%s", (_label, i) => {
    const want = oracle[i];
    const diff = diffCode(load(want.ours), load(want.theirs));
    const got = diff.pairs.map((p) => ({ path: p.path, presence: p.presence, fields: p.fields }));
    expect(got).toEqual(want.pairs.map(({ path, presence, fields }) => ({ path, presence, fields })));
    expect(diff.identical).toBe(want.pairs.filter((p) => p.fields.length === 0).length);
    // Every differing field is explained, and co_code's account names dis's instructions.
    for (const [k, p] of diff.pairs.entries()) {
      expect(Object.keys(p.first).sort()).toEqual([...p.fields].sort());
      const code = want.pairs[k].code;
      if (code) {
        expect(p.first.co_code).toContain(`ours ${code[0]}`);
        expect(p.first.co_code).toContain(`CPython ${code[1]}`);
      }
      expect(formatPairDiff(p)).toContain(p.path);
    }
  });

  it("the cases exercise what they are named for", () => {
    // The oracle's verdicts, looked at as a whole: identical twins, a pure constant change, a pure
    // first-line change, code objects on one side only, a field-only filename change.
    const byLabel = new Map(CASES.map((c, i) => [c.label, oracle[i].pairs] as const));
    const fieldsOf = (label: string) => byLabel.get(label)!.map((p) => p.fields);
    expect(byLabel.get("the same source twice")!.length).toBeGreaterThan(6);
    expect(fieldsOf("the same source twice").every((f) => f.length === 0)).toBe(true);
    expect(fieldsOf("NaN against NaN (payload-agnostic)")).toEqual([[]]);
    expect(fieldsOf("another constant")).toEqual([["co_consts"]]);
    expect(fieldsOf("the function one line lower")[1]).toEqual(["co_firstlineno"]);
    expect(fieldsOf("a renamed local")[1]).toEqual(["co_localsplusnames"]);
    expect(fieldsOf("another filename").every((f) => f.length === 1 && f[0] === "co_filename")).toBe(true);
    expect(byLabel.get("a function only CPython has")!.filter((p) => p.presence === "theirs only").length).toBe(2);
    expect(byLabel.get("a function only ours has")!.filter((p) => p.presence === "ours only").length).toBe(1);
  });

  it("a file that did not compile counts every CPython code object as differing in every field", () => {
    const theirs = load(oracle[0].ours);
    const diff = diffCode(null, theirs);
    expect(diff.pairs.length).toBe(oracle[0].pairs.length);
    expect(diff.identical).toBe(0);
    for (const p of diff.pairs) {
      expect(p.presence).toBe("theirs only");
      expect(p.fields).toEqual([...CODE_FIELDS]);
    }
  });

  it("frozenset constants compare as sets (unmarshalling alone can reorder them)", () => {
    const theirs = load(oracle[5].theirs);
    const f = theirs.nestedCode()[0];
    const at = f.co_consts.findIndex((c) => c instanceof PyFrozenSet);
    expect(at).toBeGreaterThanOrEqual(0);
    const set = f.co_consts[at] as PyFrozenSet;
    expect(set.items.length).toBe(2);
    const withSet = (items: PyFrozenSet["items"]) => {
      const consts = [...f.co_consts];
      consts[at] = new PyFrozenSet(items);
      return f.replace({ co_consts: consts });
    };
    expect(diffCode(withSet([...set.items].reverse()), f).pairs[0].fields).toEqual([]);
    expect(diffCode(withSet([set.items[0], 7n]), f).pairs[0].fields).toEqual(["co_consts"]);
    expect(diffCode(withSet([set.items[0]]), f).pairs[0].fields).toEqual(["co_consts"]);
  });
});
