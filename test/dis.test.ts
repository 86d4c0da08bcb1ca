/**
 * host/dis.ts against CPython 3.11's dis module. One python3.11 run compiles every case (handwritten
 * snippets covering every argrepr kind, EXTENDED_ARG, exception tables, nested code, generators,
 * async, match, f-strings; hand-edited code objects with unknown/specialized opcodes, overflowing
 * EXTENDED_ARG chains, odd tables; 41 standard library modules), marshals it, reloads it with
 * marshal.loads and disassembles the reloaded code object (so frozenset constants iterate in the order
 * our loads reproduces). Our side: loads(the same bytes), then dis(). Code object addresses are
 * normalized on both sides.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CodeObject } from "../host/code.js";
import { loads } from "../host/marshal.js";
import { pyRepr } from "../host/repr.js";
import {
  codeBytes,
  codeInfo,
  dis,
  disassemble,
  findLabels,
  findLinestarts,
  getInstructions,
  parseExceptionTable,
  prettyFlags,
  UNKNOWN,
  type Instruction,
} from "../host/dis.js";
import { runPython } from "./support/python.js";
import { setAddressHashes } from "../host/hash.js";

interface Options {
  depth?: number | null;
  showCaches?: boolean;
  adaptive?: boolean;
}

interface Case {
  name: string;
  /** Python source compiled with compile(source, name, mode). */
  source?: string;
  mode?: "exec" | "eval" | "single";
  /** A stdlib module name: its source file is compiled. */
  module?: string;
  /** Python statements that set `code` (a code object) from nothing but `compile` and `replace`. */
  build?: string;
  options?: Options;
  /** Also compare get_instructions() and code_info() of every code object. */
  detail?: boolean;
}

interface OracleCode {
  info: string;
  instructions: unknown[][];
  bytecode: unknown[][];
  linestarts: [number, number][];
  labels: number[];
  exceptions: [number, number, number, number, boolean][];
  disassemble: string;
  lasti6: string;
  firstLine: unknown[][];
}

interface OracleResult {
  name: string;
  data: string;
  dis: string;
  codes?: OracleCode[];
  error?: string;
}

const ORACLE = String.raw`
import dis, io, json, marshal, os, re, sys, sysconfig, importlib.util, types

ADDRESS = re.compile(r" at 0x[0-9a-f]+")
FV = {None: None, str: 'str', repr: 'repr', ascii: 'ascii'}

def norm(text):
    return ADDRESS.sub(" at 0x?", text)

def tree(code):
    yield code
    for c in code.co_consts:
        if isinstance(c, types.CodeType):
            yield from tree(c)

def argval(ins):
    if ins.opname == 'FORMAT_VALUE':
        return [FV[ins.argval[0]], ins.argval[1]]
    v = ins.argval
    if ins.opname != 'LOAD_CONST' and type(v) is int and abs(v) > 2**53:
        v = int(float(v))  # our structured argval is the nearest double there (the text is exact)
    return norm(repr(v))

def module_path(name):
    origin = importlib.util.find_spec(name).origin
    if origin and os.path.isfile(origin):
        return origin
    base = os.path.join(sysconfig.get_paths()['stdlib'], *name.split('.'))
    return base + '.py' if os.path.isfile(base + '.py') else os.path.join(base, '__init__.py')

def instr(ins):
    return [ins.opname, ins.opcode, ins.arg, argval(ins), norm(ins.argrepr), ins.offset, ins.starts_line,
            ins.is_jump_target, list(ins.positions)]

def run(case):
    if 'module' in case:
        path = module_path(case['module'])
        with open(path, 'rb') as f:
            code = compile(f.read(), path, 'exec')
    elif 'source' in case:
        code = compile(case['source'], case['name'], case.get('mode', 'exec'))
    else:
        env = {}
        exec(case['build'], env)
        code = env['code']
    data = marshal.dumps(code)
    code = marshal.loads(data)
    opts = case.get('options', {})
    kw = dict(depth=opts.get('depth'), show_caches=opts.get('showCaches', False), adaptive=opts.get('adaptive', False))
    buf = io.StringIO()
    dis.dis(code, file=buf, **kw)
    out = {'name': case['name'], 'data': data.hex(), 'dis': norm(buf.getvalue())}
    if case.get('detail'):
        codes = []
        for c in tree(code):
            sc, ad = kw['show_caches'], kw['adaptive']
            one = io.StringIO()
            dis.disassemble(c, file=one, show_caches=sc, adaptive=ad)
            marked = io.StringIO()
            dis.disassemble(c, 6, file=marked, show_caches=sc, adaptive=ad)
            codes.append({
                'info': norm(dis.code_info(c)),
                'instructions': [instr(i) for i in dis.get_instructions(c, show_caches=sc, adaptive=ad)],
                'bytecode': [instr(i) for i in dis.Bytecode(c, show_caches=sc, adaptive=ad)],
                'linestarts': [list(x) for x in dis.findlinestarts(c)],
                'labels': dis.findlabels(c.co_code),
                'exceptions': [list(e) for e in dis._parse_exception_table(c)],
                'disassemble': norm(one.getvalue()),
                'lasti6': norm(marked.getvalue()),
                'firstLine': [instr(i) for i in dis.get_instructions(c, first_line=c.co_firstlineno + 7, show_caches=sc, adaptive=ad)],
            })
        out['codes'] = codes
    return out

results = []
for case in json.load(sys.stdin):
    try:
        results.append(run(case))
    except Exception as e:
        results.append({'name': case['name'], 'data': '', 'dis': '', 'error': f'{type(e).__name__}: {e}'})
sys.stdout.write(json.dumps(results))
`;

// ---------------------------------------------------------------------------------------------
// the cases

const SNIPPETS: Record<string, string> = {
  constants: `
a = None; b = True; c = False; d = ...
e = 0; f = -1; g = 2**100; h = -(2**70); i = 1.5; j = -0.0; k = 1e300 * 1e300; l = 1e-7; m = 1e16
n = 3j; o = 1 + 2j; p = -0j; q = complex(1e400, -1e400)
r = 'text'; s = "it's"; t = 'both \\' and "'; u = 'tab\\there\\n\\x00\\u1234\\U0001F600\\ud800 \\x7f\\x80'
v = b'bytes\\x00\\xff\\'"'; w = (1, 'two', (3.0, None), b'')
x = y in {1, 2, 'three', 4.0, (5, 6), frozenset()}
z = ('single',)
`,
  names: `
import os
import os.path as p
from collections import OrderedDict as OD, defaultdict
from . import sibling
from ..pkg import thing
from mod import *
global_x = 1
def f(a, b=2, *args, c, d=4, **kw):
    global global_x
    global_x = a
    del global_x
    local = os.path.join(a, b)
    local.attr = 3
    del local.attr
    del local
    return print(a, b, c, d, *args, **kw)
os.getcwd()
obj.method(1, key=2)
obj.attr.other.method()
len(obj)
del global_x
`,
  compare_and_binary: `
def f(a, b):
    r = [a < b, a <= b, a == b, a != b, a > b, a >= b, a is b, a is not b, a in b, a not in b]
    r += [a + b, a - b, a * b, a / b, a // b, a % b, a ** b, a << b, a >> b, a & b, a | b, a ^ b, a @ b]
    a += b; a -= b; a *= b; a /= b; a //= b; a %= b; a **= b; a <<= b; a >>= b; a &= b; a |= b; a ^= b; a @= b
    return -a, +a, ~a, not a, 1 < a < 3 < b
`,
  fstrings: `
def f(a, w, p):
    return [f"{a}", f"{a!r}", f"{a!s}", f"{a!a}", f"{a:>10}", f"{a!r:{w}.{p}}", f"x{a}y{w!a:3}z", f"{a=}", f"{a=:5}", f"{'lit'}"]
`,
  make_function: `
def plain(): pass
def defaults(a=1, b=2): pass
def kwdefaults(*, a=1): pass
def annotated(a: int, b: 'str' = 'x', *, c: float = 1.0) -> list: pass
def outer():
    x = 1
    def closure(y=2, *, z=3) -> int:
        nonlocal x
        x += y
        return x + z
    lam = lambda q, r=x: q + r + x
    return closure, lam
f = lambda: 0
g = lambda *a, **k: (a, k)
`,
  classes: `
class Base:
    attr = 1
    def method(self):
        return super().method() + __class__.attr
    @staticmethod
    def sm(): return 1
    @property
    def prop(self): return self._p
class Child(Base, metaclass=type, key=1):
    '''doc'''
    x: int = 3
    def __init__(self, *a):
        super().__init__(*a)
def factory(v):
    class Inner:
        y = v
        def m(self): return v
    return Inner
`,
  comprehensions: `
a = [x for x in range(10) if x % 2]
b = {x: y for x, y in zip(a, a)}
c = {x for x in a}
d = (x * y for x in a for y in a if x if y)
def f(n):
    return [[i * j for j in range(i)] for i in range(n)], sum(k for k in range(n))
e = [lambda: x for x in a]
`,
  loops: `
def f(it):
    total = 0
    for x in it:
        if x is None:
            continue
        if x < 0:
            break
        while x:
            x -= 1
            if x == 5: break
        else:
            total += 1
    else:
        total = -1
    return total if total else None
def g(a, b):
    return a and b or not a and (b if a else a)
while True:
    pass
`,
  exceptions: `
def f(x):
    try:
        x()
    except ValueError as e:
        print(e)
    except (TypeError, KeyError):
        raise
    except Exception:
        raise RuntimeError('x') from None
    else:
        return 1
    finally:
        print('done')
def g(path):
    with open(path) as fh, open(path) as gh:
        return fh.read() + gh.read()
def h():
    try:
        pass
    except* ValueError as eg:
        pass
    except* TypeError:
        raise
def k():
    for i in range(3):
        try:
            continue
        finally:
            break
    assert i, 'msg'
`,
  generators: `
def gen(n):
    x = yield n
    yield from range(x)
    return (yield)
def gexp():
    return (i for i in gen(3))
`,
  async_code: `
import asyncio
async def co(a):
    await asyncio.sleep(1)
    async with a as b, a:
        pass
    async for x in a:
        print(x)
    else:
        pass
    return [y async for y in a], [await z for z in a], {u: v async for u, v in a}
async def agen():
    yield 1
    async for q in agen():
        yield q
`,
  match_statements: `
def m(cmd):
    match cmd:
        case []:
            return 0
        case [x]:
            return x
        case [1, 2, *rest]:
            return rest
        case {'k': v, **others}:
            return v, others
        case {'a': 1, 'b': [_, _]}:
            return 2
        case Point(x=0, y=yy) | Point(0, yy):
            return yy
        case str() | bytes() as s if len(s) > 3:
            return s
        case 1 | 2 | 3:
            return 'small'
        case None | True | False:
            return 'const'
        case -1.5 | 2j | 'x' | b'y':
            return 'lit'
        case Color.RED:
            return 'red'
        case (a, b, *_) if a == b:
            return a
        case _:
            return None
`,
  misc_statements: `
x = [1, 2, 3]
a, *b, c = x
(d, e), f = (1, 2), 3
x[1:2] = x[::2]
del x[0], x[1:]
y = {**{'a': 1}, 'b': 2, **dict(c=3)}
z = {*x, *x}
w = [*x, *x]
if (n := len(x)) > 1: pass
print(*x, sep='', **y)
t = x[0:1, ...]
import sys
sys.stdout.write(str(t)); raise SystemExit
`,
  decorators_and_annotations: `
from __future__ import annotations
import functools
@functools.lru_cache(maxsize=None)
@staticmethod
def f(a: List[int]) -> Dict[str, int]:
    v: int = 1
    return v
x: int = 5
y: str
`,
  class_scopes: `
def outer():
    v = 1
    class C:
        w = v
        def m(self): return v
        z = [v for _ in range(2)]
    return C
`,
  frozenset_iteration_order: `
def f(key, n):
    return key in {'message', 'exception'}, n in {'CON', 'PRN', 'AUX', 'NUL', 'CONIN$', 'CONOUT$'}, n in {1, 9, 17, 2.5, -1, 'a', b'b'}
`,
  empty: ``,
  docstring_only: `'''just a doc'''`,
};

function manyConstants(n: number): string {
  const items: string[] = [];
  for (let i = 0; i < n; i++) items.push(`${i}.5`);
  return `def f():\n    return [${items.join(", ")}]\n`;
}

function manyNames(n: number): string {
  const lines = ["def f():"];
  for (let i = 0; i < n; i++) lines.push(`    v${i} = g${i}.a${i}`);
  lines.push("    return " + Array.from({ length: n }, (_, i) => `v${i}`).join(" + "));
  return lines.join("\n") + "\n";
}

function longJump(n: number): string {
  const lines = ["def f(a):", "    while a:", "        if a:"];
  for (let i = 0; i < n; i++) lines.push(`            a = a + ${i}`);
  lines.push("    return a");
  return lines.join("\n") + "\n";
}

const GENERATED: Record<string, string> = {
  ext_consts: manyConstants(300),
  ext_consts_70000: manyConstants(70000),
  ext_names: manyNames(300),
  ext_jump: longJump(200),
  long_jump_offsets: longJump(3000),
  lineno_width: "\n".repeat(998) + "x = 1\ny = 2\ndef f():\n    return (\n" + "1 +\n".repeat(5) + "1)\n",
  lineno_width_5: "\n".repeat(12345) + "x = 1\n",
  multiline_call: "f(\n  a,\n  b,\n)\nx = (1 +\n     2)\n",
};

/** Hand-edited code objects (built by CPython with compile() and code.replace()). */
const BUILT: Record<string, string> = {
  unknown_opcode: `
base = compile('x = 1\\ny = x\\n', 'u', 'exec')
b = bytearray(base.co_code)
b[2] = 200; b[3] = 7
code = base.replace(co_code=bytes(b))
`,
  specialized_ops: `
base = compile('def f(a, b):\\n    return g(a + b).x\\n', 's', 'exec').co_consts[0]
co = bytearray(base.co_code)
import opcode
ops = {name: i for i, name in enumerate(__import__('dis')._all_opname)}
for i in range(0, len(co), 2):
    name = opcode.opname[co[i]]
    if name == 'BINARY_OP': co[i] = ops['BINARY_OP_ADD_INT']; co[i + 2] = 0x34; co[i + 3] = 0x12
    elif name == 'LOAD_GLOBAL': co[i] = ops['LOAD_GLOBAL_MODULE']; co[i + 4] = 9; co[i + 6] = 0xff; co[i + 7] = 0xee
    elif name == 'LOAD_ATTR': co[i] = ops['LOAD_ATTR_SLOT']; co[i + 2] = 5
    elif name == 'LOAD_FAST': co[i] = ops['LOAD_FAST__LOAD_FAST']
code = base.replace(co_code=bytes(co))
`,
  extended_arg_overflow: `
base = compile('def f(): pass', 'e', 'exec').co_consts[0]
import opcode
E, N = opcode.opmap['EXTENDED_ARG'], opcode.opmap['NOP']
def u(op, arg=0): return bytes([op, arg])
body = (u(E, 0x80) + u(E, 0) + u(E, 0) + u(opcode.opmap['BUILD_TUPLE'], 1)
      + u(E, 0xff) + u(E, 0xff) + u(E, 0xff) + u(E, 0xff) + u(opcode.opmap['MAKE_FUNCTION'], 0xf1)
      + u(E, 0xff) * 7 + u(opcode.opmap['BUILD_LIST'], 0x12)
      + u(E, 0x7f) * 6 + u(opcode.opmap['BUILD_MAP'], 0x12)
      + u(E, 0xff) + u(E, 0xff) + u(E, 0xff) + u(E, 0xfe) + u(opcode.opmap['JUMP_FORWARD'], 0)
      + u(E, 0xff) + u(E, 0xff) + u(E, 0xff) + u(E, 0xfe) + u(opcode.opmap['JUMP_BACKWARD'], 0)
      + u(E, 1) + u(N, 0) + u(opcode.opmap['BUILD_SET'], 2)
      + u(E, 1) + u(opcode.opmap['COPY_FREE_VARS'], 2)
      + u(opcode.opmap['RETURN_VALUE']))
code = base.replace(co_code=base.co_code[:2] + body)
`,
  no_line_numbers: `
code = compile('x = 1\\nif x: y = 2\\n', 'n', 'exec').replace(co_linetable=b'')
`,
  exception_table_edges: `
base = compile('try:\\n    x = 1\\nexcept E:\\n    pass\\n', 't', 'exec')
et = base.co_exceptiontable
code = base.replace(co_exceptiontable=et + bytes([0x81, 0x02, 0x00, 0x04, 0x7, 0x83, 0x41]))
`,
  flags_zero: `
code = compile('def f(): pass', 'z', 'exec').co_consts[0].replace(co_flags=0)
`,
  flags_unknown_bits: `
code = compile('def f(): pass', 'z', 'exec').co_consts[0].replace(co_flags=0x4000003 | 0x20000)
`,
  nested_lasti_marker: `
code = compile('def f():\\n    def g():\\n        def h(): pass\\n', 'd', 'exec')
`,
};

function buildCases(): Case[] {
  const cases: Case[] = [];
  for (const [name, source] of Object.entries(SNIPPETS)) cases.push({ name, source, detail: true });
  for (const [name, source] of Object.entries(GENERATED)) {
    cases.push({ name, source, detail: !name.endsWith("70000") && !name.startsWith("long_jump") });
  }
  for (const [name, build] of Object.entries(BUILT)) cases.push({ name, build, detail: true });
  cases.push({ name: "eval_mode", source: "lambda a: a + [i for i in a]", mode: "eval", detail: true });
  cases.push({ name: "single_mode", source: "x = 1; x + 2", mode: "single", detail: true });
  cases.push({ name: "caches", source: SNIPPETS.names, options: { showCaches: true }, detail: true });
  cases.push({ name: "depth0", source: SNIPPETS.make_function, options: { depth: 0 } });
  cases.push({ name: "depth1", source: SNIPPETS.class_scopes, options: { depth: 1 } });
  cases.push({ name: "adaptive_unknown", build: BUILT.unknown_opcode, options: { adaptive: true }, detail: true });
  cases.push({ name: "adaptive_specialized", build: BUILT.specialized_ops, options: { adaptive: true }, detail: true });
  cases.push({
    name: "adaptive_specialized_caches",
    build: BUILT.specialized_ops,
    options: { adaptive: true, showCaches: true },
    detail: true,
  });
  for (const module of STDLIB) cases.push({ name: `stdlib:${module}`, module });
  return cases;
}

const STDLIB = [
  "os", "re._parser", "re._compiler", "json.decoder", "collections", "functools", "typing", "dataclasses",
  "enum", "asyncio.tasks", "asyncio.base_events", "email._header_value_parser", "argparse", "pathlib",
  "inspect", "dis", "ast", "textwrap", "string", "_pydecimal", "fractions", "statistics", "contextlib",
  "tokenize", "unittest.case", "logging", "http.client", "urllib.parse", "zipfile", "tarfile", "difflib",
  "pickle", "random", "datetime", "ipaddress", "pprint", "test.test_patma", "test.test_grammar",
  "test.test_coroutines", "test.test_fstring", "test.test_exception_group",
];

// ---------------------------------------------------------------------------------------------
// comparison helpers

const normalize = (text: string) => text.replace(/ at 0x[0-9a-f]+/g, " at 0x?");

function fromHex(hex: string): Uint8Array {
  return Uint8Array.from(Buffer.from(hex, "hex"));
}

/** The first differing line, with a little context, or null when equal. */
function firstDifference(ours: string, theirs: string): string | null {
  if (ours === theirs) return null;
  const a = ours.split("\n");
  const b = theirs.split("\n");
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const ctx = (lines: string[]) => lines.slice(Math.max(0, i - 3), i + 3).map((l, k) => `    ${k + Math.max(0, i - 3) + 1}: ${l}`).join("\n");
  return `first difference at line ${i + 1} (ours ${a.length} lines, CPython ${b.length}):\n  ours:\n${ctx(a)}\n  CPython:\n${ctx(b)}`;
}

function* codeTree(code: CodeObject): Generator<CodeObject> {
  yield code;
  for (const c of code.co_consts) if (c instanceof CodeObject) yield* codeTree(c);
}

/** The argval as the oracle writes it: repr(), FORMAT_VALUE's pair as [name, bool]. */
function argvalText(ins: Instruction): unknown {
  const v = ins.argval;
  if (ins.opname === "FORMAT_VALUE") return [...(v as readonly unknown[])];
  if (v === UNKNOWN) return "<unknown>";
  // A raw argument or jump target (LOAD_CONST's argval is the constant, a float a JS number too)
  if (typeof v === "number" && ins.opname !== "LOAD_CONST") return BigInt(v).toString();
  return normalize(pyRepr(v as Parameters<typeof pyRepr>[0]));
}

function instrRow(ins: Instruction): unknown[] {
  const p = ins.positions;
  return [
    ins.opname,
    ins.opcode,
    ins.arg,
    argvalText(ins),
    normalize(ins.argrepr),
    ins.offset,
    ins.starts_line,
    ins.is_jump_target,
    [p.lineno, p.end_lineno, p.col_offset, p.end_col_offset],
  ];
}

function loadCode(r: OracleResult): CodeObject {
  const code = loads(fromHex(r.data));
  if (!(code instanceof CodeObject)) throw new Error(`${r.name}: marshal data is not a code object`);
  return code;
}

// ---------------------------------------------------------------------------------------------

const cases = buildCases();
const byName = new Map<string, OracleResult>();

beforeAll(() => {
  // Frozensets holding None or Ellipsis iterate by their address hashes, whose low bits (the ones
  // that order small sets) are fixed per CPython build: mirror the oracle's.
  const [none, ellipsis] = runPython("print(hash(None), hash(...))").toString().trim().split(" ");
  setAddressHashes({ None: BigInt(none), Ellipsis: BigInt(ellipsis) });
  const out = runPython(ORACLE, JSON.stringify(cases));
  for (const r of JSON.parse(out.toString("utf8")) as OracleResult[]) byName.set(r.name, r);
});

afterAll(() => setAddressHashes({ None: null, Ellipsis: null }));

function oracle(name: string): OracleResult {
  const r = byName.get(name);
  if (!r) throw new Error(`no oracle result for ${name}`);
  if (r.error) throw new Error(`CPython failed on ${name}: ${r.error}`);
  return r;
}

function optionsOf(c: Case) {
  return { depth: c.options?.depth ?? null, showCaches: c.options?.showCaches, adaptive: c.options?.adaptive };
}

describe("dis() text equals CPython 3.11's dis.dis()", () => {
  for (const c of cases.filter((c) => !c.module)) {
    it(c.name, () => {
      const r = oracle(c.name);
      const ours = normalize(dis(loadCode(r), optionsOf(c)));
      const diff = firstDifference(ours, r.dis);
      expect(diff, diff ?? "").toBeNull();
      expect(ours).toBe(r.dis);
    });
  }

  it("on standard library modules", () => {
    const failures: string[] = [];
    let codeObjects = 0;
    for (const c of cases.filter((c) => c.module)) {
      const r = oracle(c.name);
      const code = loadCode(r);
      for (const _ of codeTree(code)) codeObjects++;
      const ours = normalize(dis(code));
      const diff = firstDifference(ours, r.dis);
      if (diff !== null) failures.push(`${c.module}: ${diff}`);
    }
    expect(failures, failures.slice(0, 5).join("\n\n")).toEqual([]);
    console.log(`dis: ${cases.filter((c) => c.module).length} standard library modules, ${codeObjects} code objects`);
    expect(codeObjects).toBeGreaterThan(5000);
  });
});

describe("getInstructions, Bytecode order, code_info and the helpers equal CPython's", () => {
  for (const c of cases.filter((c) => c.detail)) {
    it(c.name, () => {
      const r = oracle(c.name);
      const opts = { showCaches: c.options?.showCaches, adaptive: c.options?.adaptive };
      const codes = [...codeTree(loadCode(r))];
      expect(codes.length).toBe(r.codes!.length);
      codes.forEach((code, i) => {
        const want = r.codes![i];
        const where = `${c.name} / ${code.co_qualname}`;
        expect(normalize(codeInfo(code)), where).toBe(want.info);
        expect(getInstructions(code, opts).map(instrRow), where).toEqual(want.instructions);
        expect(getInstructions(code, { ...opts, exceptionTargets: true }).map(instrRow), where).toEqual(want.bytecode);
        expect(findLinestarts(code), where).toEqual(want.linestarts);
        expect(findLabels(codeBytes(code)), where).toEqual(want.labels);
        expect(
          parseExceptionTable(code).map((e) => [e.start, e.end, e.target, e.depth, e.lasti]),
          where,
        ).toEqual(want.exceptions);
        expect(normalize(disassemble(code, opts)), where).toBe(want.disassemble);
        expect(normalize(disassemble(code, { ...opts, lasti: 6 })), where).toBe(want.lasti6);
        expect(getInstructions(code, { ...opts, firstLine: code.co_firstlineno + 7 }).map(instrRow), where).toEqual(want.firstLine);
      });
    });
  }
});

describe("details", () => {
  it("pretty_flags", () => {
    const flags = [0, 1, 3, 0x20, 0x63, 0x400, 0x4000003, 0x80000000, -1, 2 ** 40 + 1];
    const want = JSON.parse(
      runPython(`import dis, json, sys; print(json.dumps([dis.pretty_flags(f) for f in json.loads(sys.argv[1])]))`, undefined, [
        JSON.stringify(flags),
      ]).toString(),
    ) as string[];
    expect(flags.map((f) => prettyFlags(f))).toEqual(want);
  });

  it("codeBytes() is what code.co_code gives for every opcode number (deopt, unknown -> CACHE, caches zeroed)", () => {
    const want = JSON.parse(
      runPython(`
import json, marshal
base = compile('def f(): pass', 'o', 'exec').co_consts[0]
out = []
for op in range(256):
    raw = bytes([op, 5] + [9, 9] * 12 + [op, 0x81])
    code = base.replace(co_code=raw)
    out.append([marshal.dumps(code).hex(), list(code.co_code)])
print(json.dumps(out))
`).toString(),
    ) as [string, number[]][];
    expect(want.length).toBe(256);
    for (const [hex, coCode] of want) {
      const code = loads(fromHex(hex)) as CodeObject;
      expect([code.co_code[0], ...codeBytes(code)]).toEqual([code.co_code[0], ...coCode]);
    }
  });

  it("a first difference is reported usefully", () => {
    expect(firstDifference("a\nb\nc", "a\nB\nc")).toContain("first difference at line 2");
    expect(firstDifference("same", "same")).toBeNull();
  });
});
