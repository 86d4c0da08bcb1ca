/**
 * host/linetable.ts against CPython 3.11: co_lines(), co_positions() and the tables the assembler
 * writes, for every code object of ~50 real modules plus synthetic sources (long lines, EXTENDED_ARG,
 * huge line numbers, a 490k-unit function), firstlineno variants, fuzzed tables, hand-made edge
 * cases and traceback line numbers. python3.11 runs once; its answers come back as one JSON blob.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { pythonJson } from "./support/python.js";
import {
  addressToLine,
  decodeLines,
  decodePositions,
  encodeLocations,
  type LocationEntry,
  type Position,
} from "../host/linetable.js";

const ORACLE = String.raw`
import sys, json, random, importlib.util, tokenize, opcode, dis, types, ast

MODULES = ['dis', 'ast', 'argparse', 'asyncio.base_events', 'json.decoder', 'typing', 'dataclasses',
  'email._header_value_parser', 'inspect', 'functools', 'collections', 're._parser', 're._compiler',
  'enum', 'pathlib', 'subprocess', 'tarfile', 'zipfile', 'logging', 'unittest.case', 'http.client',
  'urllib.parse', 'configparser', 'pickle', 'pydoc', 'difflib', 'textwrap', 'string', '_pydecimal',
  'fractions', 'statistics', 'heapq', 'contextlib', 'asyncio.tasks', 'concurrent.futures._base',
  'xml.etree.ElementTree', 'shutil', 'tokenize', 'ipaddress', 'datetime', 'calendar', 'doctest',
  'traceback', 'asyncio.streams', 'email.message', 'test.test_grammar', 'test.test_patma',
  'test.test_coroutines']

SYNTHETIC = {
  'long_lines': 'def f(a, b):\n    return ' + ' + '.join(f'a.attr{i}' for i in range(60)) + '\n'
                'x = [' + ', '.join(f'({i}, "{"y" * (i % 7)}")' for i in range(200)) + ']\n',
  'multiline': 'def g(x):\n    y = foo(\n        x,\n        bar(x,\n            x + 1),\n    )\n'
               '    return (x\n            + y\n            * 2)\n'
               'z = f"""{\n1}\n{2 +\n 3}"""\n',
  'loops': 'def h(n):\n    t = 0\n    for i in range(n):\n        if i % 2:\n            continue\n'
           '        while t < i:\n            t += 1\n    else:\n        t -= 1\n    return t\n',
  'cleanup': 'async def a(m):\n    async with m as x:\n        try:\n            async for y in x:\n'
             '                await y\n        finally:\n            del x\n    with m:\n        pass\n',
  'extended_arg': 'def e(x):\n' + ''.join(f'    x{i} = {i}.5 + x\n' for i in range(400))
                  + '    if x:\n' + ''.join(f'        x = x{i}\n' for i in range(400)) + '    return x\n',
  'far_lines': '\n' * 70000 + 'def far():\n' + '\n' * 5000 + '    return 1\n' + '\n' * 300 + 'x = far()\n',
  'columns': 'v = 1\ny = (' + ' ' * 70 + 'v + v.a)\n' + 'w = ' + ' ' * 130 + 'v\n' + 'u = ' + ' ' * 5000 + 'v + v\n',
  'lambda': 'f = lambda x: (x,\n  x)\nclass C:\n    def m(self): return [i for i in self]\n',
}
BIG = 'def big():\n    try:\n' + ''.join(f'        x{i % 50} = {i}\n' for i in range(140000)) + '    except E:\n        pass\n'

def walk(c, out):
    out.append(c)
    for k in c.co_consts:
        if isinstance(k, types.CodeType):
            walk(k, out)
    return out

def instr_units(code):
    sizes, i = [], 0
    while i < len(code):
        s = i
        while code[i] == dis.EXTENDED_ARG:
            i += 2
        i += 2 + 2 * opcode._inline_cache_entries[code[i]]
        sizes.append((i - s) // 2)
    return sizes

def flat(ps):
    return [v for p in ps for v in p]

def record(c, label, positions=True):
    d = dict(label=label, table=c.co_linetable.hex(), first=c.co_firstlineno, codeLen=len(c.co_code),
             lines=[list(x) for x in c.co_lines()], instr=instr_units(c.co_code))
    if positions:
        d['positions'] = flat(c.co_positions())
    return d

codes = []
for m in MODULES:
    path = importlib.util.find_spec(m).origin
    with tokenize.open(path) as fh:
        src = fh.read()
    for c in walk(compile(src, path, 'exec', dont_inherit=True), []):
        codes.append(record(c, m + ':' + c.co_qualname))
for name, src in SYNTHETIC.items():
    for c in walk(compile(src, name, 'exec', dont_inherit=True), []):
        codes.append(record(c, name + ':' + c.co_qualname))
# Locations no source text has, set on the AST: a missing end column across lines, huge columns
# and lines, and the borders between the short, one-line and long forms.
for loc in [(2, 4, 3, -1), (2, 4, None, None), (1, 4, 1, 5), (2, 100, 2, 200), (2, 3000, 9, 4000),
            (500000, 4, 500000, 5), (2, 79, 2, 94), (2, 79, 2, 95), (2, 80, 2, 81), (3, 127, 3, 127),
            (4, 127, 4, 128), (4, 0, 4, 0), (0, 0, 0, 1)]:
    tree = ast.parse('def f():\n    return a + b\n')
    node = tree.body[0].body[0].value.left
    node.lineno, node.col_offset, node.end_lineno, node.end_col_offset = loc
    for c in walk(compile(tree, 'ast', 'exec'), []):
        codes.append(record(c, f'ast{loc}:' + c.co_qualname))
big = [record(c, 'big:' + c.co_qualname, positions=False) for c in walk(compile(BIG, 'big', 'exec'), [])]

# The same tables read from other first lines.
variants = []
sample = [c for m in ('dis', 'typing') for c in walk(compile(open(importlib.util.find_spec(m).origin).read(), m, 'exec'), [])][:40]
for c in sample:
    for first in (0, 1, 2 ** 20):
        variants.append(record(c.replace(co_firstlineno=first), f'{c.co_qualname}@{first}'))

# Random tables built from well-formed entries, some bent the ways a corrupt table could be.
rnd = random.Random(1234)
def varint(v):
    out = []
    while v >= 64:
        out.append(64 | (v & 63)); v >>= 6
    return out + [v]
def svarint(v):
    return varint((-v << 1) | 1 if v < 0 else v << 1)
def value():
    return rnd.choice([0, 1, 2, 5, 63, 64, 100, 4095, 4096, 70000, 2 ** 24])
def entry():
    hdr = 0x80 | (rnd.randint(1, 8) - 1)
    form = rnd.choice(['short', 'one', 'nocol', 'long', 'none'])
    if form == 'short':
        code = hdr | rnd.randint(0, 9) << 3
        b = [code, rnd.randint(0, 127)]
        if rnd.random() < 0.05: b[1] |= 0x80
    elif form == 'one':
        b = [hdr | (10 + rnd.randint(0, 2)) << 3, rnd.randint(0, 127), rnd.randint(0, 127)]
        if rnd.random() < 0.05: b[2] |= 0x80
    elif form == 'nocol':
        b = [hdr | 13 << 3] + svarint(value() * rnd.choice([1, -1]))
    elif form == 'long':
        b = [hdr | 14 << 3] + svarint(value() * rnd.choice([1, -1])) + varint(value()) + varint(value()) + varint(value())
    else:
        b = [hdr | 15 << 3]
    if rnd.random() < 0.05: b[0] &= 0x7f
    return b
fuzz = []
def run(table, first):
    c = compile('pass', 'fuzz', 'exec').replace(co_linetable=bytes(table), co_firstlineno=first)
    fuzz.append(dict(table=bytes(table).hex(), first=first, lines=[list(x) for x in c.co_lines()], positions=flat(c.co_positions())))
for _ in range(400):
    t = [v for _ in range(rnd.randint(1, 12)) for v in entry()]
    run(t, rnd.choice([0, 1, 7, 1000, 2 ** 20]))
for t, first in [([], 1), ([], 0), ([0xe8, 5], 0), ([0xe8, 3, 0xe8, 2, 0xe8, 2], 0), ([0xf0, 3, 0, 0, 5], 0),
                 ([0xf0, 5, 0, 3, 5], 0), ([0xf0, 0, 7, 3, 5], 1), ([0x05, 0xe8, 2], 1), ([0x80, 0x80], 1),
                 ([0x88, 0x80], 1), ([0xe8], 1), ([0xf0], 1), ([0xd0, 5], 3), ([0xd0, 5, 200], 3), ([0xf8] * 3, 9),
                 ([0xe8, 0, 0xe8, 0, 0xf8, 0xe8, 2, 0xf8, 0xf8], 2), ([0xf7, 0x81, 0x41, 0x41, 0], 4)]:
    run(t, first)

# Line numbers tracebacks report (PyCode_Addr2Line) for hand-made tables.
def f():
    1/0
tb_cases = []
n = len(f.__code__.co_code) // 2
for t, first in [([0xe8, 0] * n, 5), ([0xe8, 0] * 2 + [0xe8, 5] + [0xe8, 0] * (n - 3), 1),
                 ([0xe8, 0] * 3 + [0xe8, 5] * (n - 3), 1), ([0xe8, 0] * 2 + [0xea, 2] + [0xe8, 0] * (n - 3), 1),
                 ([0xe8, 0] * 3, 1), ([0xe9, 0] * 3, 1), ([0x05, 0xe8, 2], 1), ([0xf8] * n, 5), ([0xe8, 0, 0xba, 3, 7], 4)]:
    g = types.FunctionType(f.__code__.replace(co_linetable=bytes(t), co_firstlineno=first), {})
    try:
        g()
    except ZeroDivisionError as e:
        tb = e.__traceback__.tb_next
        tb_cases.append(dict(table=bytes(t).hex(), first=first, offset=tb.tb_lasti, line=tb.tb_lineno))

sys.stdout.write(json.dumps(dict(codes=codes, big=big, variants=variants, fuzz=fuzz, tb=tb_cases)))
`;

interface CodeRecord {
  label: string;
  table: string;
  first: number;
  codeLen: number;
  lines: [number, number, number | null][];
  instr: number[];
  positions?: (number | null)[];
}
interface Oracle {
  codes: CodeRecord[];
  big: CodeRecord[];
  variants: CodeRecord[];
  fuzz: { table: string; first: number; lines: [number, number, number | null][]; positions: (number | null)[] }[];
  tb: { table: string; first: number; offset: number; line: number | null }[];
}

let oracle: Oracle;

beforeAll(() => {
  oracle = pythonJson<Oracle>(ORACLE);
});

const hex = (s: string) => Uint8Array.from(Buffer.from(s, "hex"));
const toHex = (b: Uint8Array) => Buffer.from(b).toString("hex");
const flat = (ps: Position[]) => ps.flat();

/** The per-instruction entries the assembler started from: every unit of an instruction shares one. */
function instructionEntries(positions: Position[], instr: number[]): LocationEntry[] {
  const out: LocationEntry[] = [];
  let unit = 0;
  for (const length of instr) {
    const [line, endLine, col, endCol] = positions[unit];
    for (let k = 1; k < length; k++) {
      if (positions[unit + k].join() !== positions[unit].join()) throw new Error(`instruction at unit ${unit} has mixed positions`);
    }
    out.push({ length, line, endLine, col, endCol });
    unit += length;
  }
  return out;
}

/** Runs `check` on every record and reports the first few failures by label (one assertion). */
function expectAll<T extends object>(records: T[], check: (r: T) => string | null): void {
  const failures: string[] = [];
  for (const r of records) {
    let msg: string | null;
    try {
      msg = check(r);
    } catch (e) {
      msg = String(e);
    }
    if (msg !== null) failures.push(`${"label" in r ? String(r.label) : JSON.stringify(r).slice(0, 80)}: ${msg}`);
  }
  expect(failures.slice(0, 5)).toEqual([]);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

describe("co_linetable decoding matches CPython 3.11", () => {
  it("covers a broad corpus", () => {
    expect(oracle.codes.length).toBeGreaterThan(4000);
    expect(oracle.big[1].codeLen).toBeGreaterThan(2 * 262144); // four-chunk varints in the exception table too
  });

  it("co_lines() of every code object", () => {
    expectAll([...oracle.codes, ...oracle.big, ...oracle.variants], (r) =>
      same(decodeLines(hex(r.table), r.first, r.codeLen), r.lines) ? null : "co_lines differs",
    );
  });

  it("co_positions() of every code object", () => {
    expectAll([...oracle.codes, ...oracle.variants], (r) =>
      same(flat(decodePositions(hex(r.table), r.first, r.codeLen)), r.positions) ? null : "co_positions differs",
    );
  });

  it("fuzzed, truncated and corrupt tables read as CPython reads them", () => {
    expect(oracle.fuzz.length).toBeGreaterThan(400);
    expectAll(oracle.fuzz, (r) => {
      const t = hex(r.table);
      if (!same(decodeLines(t, r.first, 0), r.lines)) return `co_lines ${JSON.stringify(decodeLines(t, r.first, 0))} != ${JSON.stringify(r.lines)}`;
      if (!same(flat(decodePositions(t, r.first, 0)), r.positions)) return "co_positions differs";
      return null;
    });
  });

  it("addressToLine agrees with co_lines() everywhere and with CPython's tracebacks", () => {
    expectAll(oracle.codes.slice(0, 800), (r) => {
      const t = hex(r.table);
      for (const [start, end, line] of r.lines) {
        for (let off = start; off < end; off += 2) {
          if (addressToLine(t, r.first, off) !== line) return `offset ${off}`;
        }
      }
      if (addressToLine(t, r.first, r.lines.at(-1)?.[1] ?? 0) !== null) return "past the end";
      if (addressToLine(t, r.first, -1) !== r.first) return "negative offset";
      return null;
    });
    expectAll(oracle.tb, (r) => (addressToLine(hex(r.table), r.first, r.offset) === r.line ? null : `got ${addressToLine(hex(r.table), r.first, r.offset)}`));
  });
});

describe("edge cases", () => {
  it("empty table: no ranges, no positions", () => {
    expect(decodeLines(new Uint8Array(), 1, 10)).toEqual([]);
    expect(decodePositions(new Uint8Array(), 1, 10)).toEqual([]);
    expect(encodeLocations([], 1)).toEqual(new Uint8Array());
  });

  it("a line of -1 reached by deltas is None; other negatives only in co_positions", () => {
    const t = Uint8Array.of(0xe8, 5, 0xe8, 2);
    expect(decodeLines(t, 0, 4)).toEqual([[0, 2, null], [2, 4, null]]);
    expect(decodePositions(t, 0, 4)).toEqual([[-2, -2, null, null], [null, null, null, null]]);
  });

  it("short-form columns combine with OR, as CPython does", () => {
    expect(decodePositions(Uint8Array.of(0x88, 0x80), 1, 2)).toEqual([[1, 1, 8, 8]]);
  });
});

describe("encodeLocations reproduces CPython 3.11's tables byte for byte", () => {
  it("for every code object, from its per-instruction positions", () => {
    // With co_firstlineno forced to 0, a module's RESUME (line 0 written as a delta of -1 from 1)
    // decodes to line -1, which reads as "no location": a table the assembler could not have written.
    const assembled = oracle.variants.filter((r) => r.first !== 0);
    expectAll([...oracle.codes, ...assembled], (r) => {
      const entries = instructionEntries(decodePositions(hex(r.table), r.first, r.codeLen), r.instr);
      const got = toHex(encodeLocations(entries, r.first));
      return got === r.table ? null : `encoded ${got.slice(0, 60)} != ${r.table.slice(0, 60)}`;
    });
  });

  it("for the 490k-unit function (big line numbers and deltas)", () => {
    const r = oracle.big[1];
    const entries = instructionEntries(decodePositions(hex(r.table), r.first, r.codeLen), r.instr);
    expect(toHex(encodeLocations(entries, r.first))).toBe(r.table);
  });

  it("splits instructions longer than 8 units and picks each form", () => {
    const e = (length: number, line: number | null, endLine: number | null, col: number | null, endCol: number | null) => ({ length, line, endLine, col, endCol });
    // 11 units (LOAD_METHOD with its caches): one long entry then a short one on the same line.
    expect(toHex(encodeLocations([e(11, 3, 3, 4, 9)], 1))).toBe("e70409" + "8245");
    expect(toHex(encodeLocations([e(1, null, null, null, null)], 1))).toBe("f8");
    expect(toHex(encodeLocations([e(1, 0, 0, null, null)], 1))).toBe("e803");
    expect(toHex(encodeLocations([e(1, 1, 2, 0, 3)], 1))).toBe("f000010104");
    expect(toHex(encodeLocations([e(1, 1, 1, 80, 81)], 1))).toBe("d05051");
    expect(toHex(encodeLocations([e(1, 1, 1, 5, 4)], 1))).toBe("d00504");
    expect(toHex(encodeLocations([e(1, 5, 5, 200, 300)], 1))).toBe("f00800" + "4903" + "6d04");
    expect(() => encodeLocations([e(-1, 1, 1, 1, 1)], 1)).toThrow(/ValueError/);
  });
});
