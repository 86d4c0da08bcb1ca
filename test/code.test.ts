/**
 * CodeObject's derived fields and replace() against CPython 3.11. python3.11 runs once: for a few
 * real functions it reports localsplus (names, and kinds checked against marshal's own bytes) and the
 * derived co_varnames/co_cellvars/co_freevars/co_nlocals; for each replace() case, what 3.11 returns
 * or raises (type and message). The same cases are then run on CodeObjects built from those fields.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { pythonJson } from "./support/python.js";
import { CodeObject, type CodeFields } from "../host/code.js";
import { PyError } from "../host/errors.js";
import { PyList } from "../host/objects.js";

const ORACLE = String.raw`
import sys, json, marshal

def outer(a, b, *args, k, **kw):
    c = 1
    def inner(): return a + c + d
    d = 2
    return inner
class K:
    def m(self): return __class__

FIXTURES = {'lam': (lambda: 0).__code__, 'outer': outer.__code__, 'inner': outer(1, 2, k=3).__code__,
            'method': K.m.__code__}

def localsplus(c):
    """localsplus as the compiler lays it out, checked against the kinds bytes marshal writes."""
    names = list(c.co_varnames) + [n for n in c.co_cellvars if n not in c.co_varnames] + list(c.co_freevars)
    kinds = [0x20] * len(c.co_varnames)
    for n in c.co_cellvars:
        if n in c.co_varnames:
            kinds[c.co_varnames.index(n)] |= 0x40
        else:
            kinds.append(0x40)
    kinds += [0x80] * len(c.co_freevars)
    assert names == [c._varname_from_oparg(i) for i in range(len(names))], names
    k = bytes(kinds)
    blob = marshal.dumps(c)
    assert not k or any(bytes([t]) + len(k).to_bytes(4, 'little') + k in blob for t in (0x73, 0xf3)), (c, k)
    return names, kinds

def describe(c):
    names, kinds = localsplus(c)
    return dict(names=names, kinds=kinds, co_varnames=c.co_varnames, co_cellvars=c.co_cellvars,
                co_freevars=c.co_freevars, co_nlocals=c.co_nlocals, co_name=c.co_name, co_flags=c.co_flags,
                co_argcount=c.co_argcount, co_posonlyargcount=c.co_posonlyargcount,
                co_kwonlyargcount=c.co_kwonlyargcount, co_stacksize=c.co_stacksize, co_code=c.co_code.hex(),
                co_names=c.co_names, co_filename=c.co_filename, co_qualname=c.co_qualname,
                co_firstlineno=c.co_firstlineno, co_linetable=c.co_linetable.hex(),
                co_exceptiontable=c.co_exceptiontable.hex())

fixtures = {name: describe(c) for name, c in FIXTURES.items()}
results = []
for fixture, kwargs in json.load(sys.stdin):
    try:
        results.append(dict(ok=describe(FIXTURES[fixture].replace(**eval(kwargs)))))
    except Exception as e:
        results.append(dict(error=[type(e).__name__, str(e)]))
sys.stdout.write(json.dumps(dict(fixtures=fixtures, results=results)))
`;

/** [fixture, the kwargs in Python, the same changes as replace() takes them here]. */
const CASES: [string, string, Record<string, unknown>][] = [
  ["lam", "dict(co_name='renamed')", { co_name: "renamed" }],
  ["lam", "dict()", {}],
  ["lam", "dict(co_name=1)", { co_name: 1 }],
  ["lam", "dict(co_foo=1)", { co_foo: 1 }],
  ["lam", "dict(co_name=1, co_foo=1)", { co_name: 1, co_foo: 1 }],
  ["lam", "dict(co_foo=1, co_lnotab=2)", { co_foo: 1, co_lnotab: 2 }],
  ["lam", "dict(co_localsplusnames=())", { co_localsplusnames: [] }],
  ["lam", "dict(co_code=1)", { co_code: 1 }],
  ["lam", "dict(co_consts=[])", { co_consts: new PyList([]) }],
  ["lam", "dict(co_consts=None)", { co_consts: null }],
  ["lam", "dict(co_consts=(1, 'a', None))", { co_consts: [1n, "a", null] }],
  ["lam", "dict(co_names=['a'])", { co_names: new PyList(["a"]) }],
  ["lam", "dict(co_names=('a', None))", { co_names: ["a", null] }],
  ["lam", "dict(co_names=('a', 'b'))", { co_names: ["a", "b"] }],
  ["lam", "dict(co_varnames=(1,))", { co_varnames: [1] }],
  ["lam", "dict(co_varnames=(1,), co_nlocals=1)", { co_varnames: [1], co_nlocals: 1 }],
  ["lam", "dict(co_cellvars=(1,))", { co_cellvars: [1] }],
  ["lam", "dict(co_varnames=('a', 'b'))", { co_varnames: ["a", "b"] }],
  ["lam", "dict(co_varnames=('a', 'b'), co_nlocals=2)", { co_varnames: ["a", "b"], co_nlocals: 2 }],
  ["lam", "dict(co_varnames=('a', 'a'), co_nlocals=2, co_cellvars=('a',))", { co_varnames: ["a", "a"], co_nlocals: 2, co_cellvars: ["a"] }],
  ["lam", "dict(co_nlocals=5)", { co_nlocals: 5 }],
  ["lam", "dict(co_freevars=('x',))", { co_freevars: ["x"] }],
  ["lam", "dict(co_cellvars=('x',))", { co_cellvars: ["x"] }],
  ["lam", "dict(co_argcount='x')", { co_argcount: "x" }],
  ["lam", "dict(co_argcount=1.5)", { co_argcount: 1.5 }],
  ["lam", "dict(co_argcount=None)", { co_argcount: null }],
  ["lam", "dict(co_argcount=b'')", { co_argcount: new Uint8Array() }],
  ["lam", "dict(co_argcount=2**31)", { co_argcount: 2 ** 31 }],
  ["lam", "dict(co_argcount=2**31)", { co_argcount: 2n ** 31n }],
  ["lam", "dict(co_argcount=-2**31-1)", { co_argcount: -(2 ** 31) - 1 }],
  ["lam", "dict(co_name=1, co_argcount='x')", { co_name: 1, co_argcount: "x" }],
  ["lam", "dict(co_filename=b'x')", { co_filename: Uint8Array.of(120) }],
  ["lam", "dict(co_linetable='x')", { co_linetable: "x" }],
  ["lam", "dict(co_exceptiontable=None)", { co_exceptiontable: null }],
  ["lam", "dict(co_qualname=None)", { co_qualname: null }],
  ["lam", "dict(co_qualname=())", { co_qualname: [] }],
  ["lam", "dict(co_argcount=-1)", { co_argcount: -1 }],
  ["lam", "dict(co_flags=-1, co_argcount=-1)", { co_flags: -1, co_argcount: -1 }],
  ["lam", "dict(co_flags=-1)", { co_flags: -1 }],
  ["lam", "dict(co_nlocals=-1)", { co_nlocals: -1 }],
  ["lam", "dict(co_firstlineno=-5)", { co_firstlineno: -5 }],
  ["lam", "dict(co_stacksize=-1)", { co_stacksize: -1 }],
  ["lam", "dict(co_kwonlyargcount=-1, co_name=None)", { co_kwonlyargcount: -1, co_name: null }],
  ["lam", "dict(co_argcount=1)", { co_argcount: 1 }],
  ["lam", "dict(co_argcount=1, co_nlocals=1)", { co_argcount: 1, co_nlocals: 1 }],
  ["lam", "dict(co_flags=2**31-1)", { co_flags: 2 ** 31 - 1 }],
  ["lam", "dict(co_posonlyargcount=1, co_nlocals=1)", { co_posonlyargcount: 1, co_nlocals: 1 }],
  ["lam", "dict(co_code=b'\\x97')", { co_code: Uint8Array.of(0x97) }],
  ["lam", "dict(co_names=(1,), co_code=b'1')", { co_names: [1], co_code: Uint8Array.of(0x31) }],
  ["lam", "dict(co_argcount=True, co_varnames=('a',), co_nlocals=1)", { co_argcount: true, co_varnames: ["a"], co_nlocals: 1 }],
  ["lam", "dict(co_stacksize=2**31-1, co_firstlineno=0)", { co_stacksize: 2 ** 31 - 1, co_firstlineno: 0 }],
  ["outer", "dict()", {}],
  ["outer", "dict(co_name='o2', co_qualname='Q.o2')", { co_name: "o2", co_qualname: "Q.o2" }],
  ["outer", "dict(co_cellvars=())", { co_cellvars: [] }],
  ["outer", "dict(co_cellvars=('b', 'q'))", { co_cellvars: ["b", "q"] }],
  ["outer", "dict(co_varnames=('a', 'b', 'k', 'args', 'kw', 'inner', 'z'), co_nlocals=7)", { co_varnames: ["a", "b", "k", "args", "kw", "inner", "z"], co_nlocals: 7 }],
  ["outer", "dict(co_varnames=('a', 'b', 'k', 'args'), co_nlocals=4)", { co_varnames: ["a", "b", "k", "args"], co_nlocals: 4 }],
  ["outer", "dict(co_kwonlyargcount=0, co_flags=0)", { co_kwonlyargcount: 0, co_flags: 0 }],
  ["inner", "dict(co_freevars=())", { co_freevars: [] }],
  ["inner", "dict(co_freevars=('x', 'y'), co_cellvars=('z',))", { co_freevars: ["x", "y"], co_cellvars: ["z"] }],
  ["method", "dict(co_varnames=('self', '__class__'), co_nlocals=2)", { co_varnames: ["self", "__class__"], co_nlocals: 2 }],
];

interface Described {
  names: string[];
  kinds: number[];
  co_varnames: string[];
  co_cellvars: string[];
  co_freevars: string[];
  co_nlocals: number;
  co_name: string;
  co_flags: number;
  co_argcount: number;
  co_posonlyargcount: number;
  co_kwonlyargcount: number;
  co_stacksize: number;
  co_code: string;
  co_names: string[];
  co_filename: string;
  co_qualname: string;
  co_firstlineno: number;
  co_linetable: string;
  co_exceptiontable: string;
}
interface Oracle {
  fixtures: Record<string, Described>;
  results: ({ ok: Described } | { error: [string, string] })[];
}

let oracle: Oracle;
const fixtures: Record<string, CodeObject> = {};

const hex = (s: string) => Uint8Array.from(Buffer.from(s, "hex"));
const toHex = (b: Uint8Array) => Buffer.from(b).toString("hex");

/** A CodeObject with CPython's fields (constants do not matter to anything tested here). */
function build(d: Described): CodeObject {
  const f: CodeFields = {
    co_argcount: d.co_argcount,
    co_posonlyargcount: d.co_posonlyargcount,
    co_kwonlyargcount: d.co_kwonlyargcount,
    co_stacksize: d.co_stacksize,
    co_flags: d.co_flags,
    co_code: hex(d.co_code),
    co_consts: [null],
    co_names: d.co_names,
    co_localsplusnames: d.names,
    co_localspluskinds: Uint8Array.from(d.kinds),
    co_filename: d.co_filename,
    co_name: d.co_name,
    co_qualname: d.co_qualname,
    co_firstlineno: d.co_firstlineno,
    co_linetable: hex(d.co_linetable),
    co_exceptiontable: hex(d.co_exceptiontable),
  };
  return new CodeObject(f);
}

/** The fields of ours that CPython's description covers. */
function summary(c: CodeObject): Described {
  return {
    names: [...c.co_localsplusnames],
    kinds: [...c.co_localspluskinds],
    co_varnames: [...c.co_varnames],
    co_cellvars: [...c.co_cellvars],
    co_freevars: [...c.co_freevars],
    co_nlocals: c.co_nlocals,
    co_name: c.co_name,
    co_flags: c.co_flags,
    co_argcount: c.co_argcount,
    co_posonlyargcount: c.co_posonlyargcount,
    co_kwonlyargcount: c.co_kwonlyargcount,
    co_stacksize: c.co_stacksize,
    co_code: toHex(c.co_code),
    co_names: [...c.co_names],
    co_filename: c.co_filename,
    co_qualname: c.co_qualname,
    co_firstlineno: c.co_firstlineno,
    co_linetable: toHex(c.co_linetable),
    co_exceptiontable: toHex(c.co_exceptiontable),
  };
}

beforeAll(() => {
  oracle = pythonJson<Oracle>(ORACLE, JSON.stringify(CASES.map(([fixture, kwargs]) => [fixture, kwargs])));
  for (const [name, d] of Object.entries(oracle.fixtures)) fixtures[name] = build(d);
});

describe("derived fields", () => {
  it("co_varnames, co_cellvars, co_freevars and co_nlocals come from localsplus kinds as in 3.11", () => {
    for (const [name, d] of Object.entries(oracle.fixtures)) {
      expect(summary(fixtures[name]), name).toEqual(d);
    }
  });

  it("an argument that is also a cell (kind 0x60) is both a varname and a cellvar", () => {
    const outer = fixtures.outer;
    expect(outer.co_localspluskinds[0]).toBe(0x60);
    expect(outer.co_varnames[0]).toBe("a");
    expect(outer.co_cellvars).toEqual(["a", "c", "d"]);
    expect(outer.co_nlocals).toBe(6);
    expect(fixtures.inner.co_freevars).toEqual(["a", "c", "d"]);
    expect(fixtures.method.co_freevars).toEqual(["__class__"]);
  });
});

describe("replace() matches types.CodeType.replace in 3.11", () => {
  it("returns what CPython returns or raises what it raises, case by case", () => {
    expect(oracle.results.length).toBe(CASES.length);
    const errors = oracle.results.filter((r) => "error" in r).length;
    expect(errors).toBeGreaterThan(30);
    CASES.forEach(([fixture, kwargs, changes], i) => {
      const want = oracle.results[i];
      const original = fixtures[fixture];
      const before = summary(original);
      let got: { ok: Described } | { error: [string, string] };
      try {
        const out = original.replace(changes);
        expect(out, kwargs).not.toBe(original);
        got = { ok: summary(out) };
      } catch (e) {
        got = e instanceof PyError ? { error: [e.pyType, e.pyMessage] } : { error: ["JS", String(e)] };
      }
      expect(got, `${fixture}.replace(**${kwargs})`).toEqual(want);
      expect(summary(original), "original untouched").toEqual(before);
    });
  });

  it("keeps everything not replaced, including the constants", () => {
    const lam = fixtures.lam;
    const out = lam.replace({ co_name: "x" });
    expect(out.co_consts).toEqual(lam.co_consts);
    expect(out.co_code).toEqual(lam.co_code);
    expect(out.co_name).toBe("x");
    expect(lam.co_name).toBe("<lambda>");
    expect(Object.isFrozen(out)).toBe(true);
  });
});
