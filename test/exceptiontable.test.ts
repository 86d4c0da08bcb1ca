/**
 * host/exceptiontable.ts against CPython 3.11: every exception table of ~50 real modules and of a
 * 490k-unit function, decoded as dis._parse_exception_table decodes them and re-encoded byte for
 * byte; tables our encoder writes for values up to 2**30 - 1, read back by dis; random bytes, which
 * must decode as dis does or raise ValueError. python3.11 runs once; it answers in one JSON blob.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { pythonJson } from "./support/python.js";
import { PyError } from "../host/errors.js";
import { decodeExceptionTable, encodeExceptionTable, type ExceptionTableEntry } from "../host/exceptiontable.js";

const ORACLE = String.raw`
import sys, json, random, importlib.util, tokenize, dis, types

MODULES = ['dis', 'ast', 'argparse', 'asyncio.base_events', 'json.decoder', 'typing', 'dataclasses',
  'email._header_value_parser', 'inspect', 'functools', 'collections', 're._parser', 're._compiler',
  'enum', 'pathlib', 'subprocess', 'tarfile', 'zipfile', 'logging', 'unittest.case', 'http.client',
  'urllib.parse', 'configparser', 'pickle', 'pydoc', 'difflib', 'textwrap', 'string', '_pydecimal',
  'fractions', 'statistics', 'heapq', 'contextlib', 'asyncio.tasks', 'concurrent.futures._base',
  'xml.etree.ElementTree', 'shutil', 'tokenize', 'ipaddress', 'datetime', 'calendar', 'doctest',
  'traceback', 'asyncio.streams', 'email.message', 'test.test_grammar', 'test.test_patma',
  'test.test_coroutines', 'test.test_exceptions', 'test.test_exception_group']
BIG = 'def big():\n    try:\n' + ''.join(f'        x{i % 50} = {i}\n' for i in range(140000)) + '    except E:\n        pass\n'

def walk(c, out):
    out.append(c)
    for k in c.co_consts:
        if isinstance(k, types.CodeType):
            walk(k, out)
    return out

def parsed(code):
    return [[e.start, e.end, e.target, e.depth, e.lasti] for e in dis._parse_exception_table(code)]

sources = []
for m in MODULES:
    path = importlib.util.find_spec(m).origin
    with tokenize.open(path) as fh:
        sources.append((m, compile(fh.read(), path, 'exec', dont_inherit=True)))
sources.append(('big', compile(BIG, 'big', 'exec')))
codes = [dict(label=m + ':' + c.co_qualname, table=c.co_exceptiontable.hex(), entries=parsed(c))
         for m, top in sources for c in walk(top, [])]

# Tables our encoder wrote (sent on stdin), read back by dis.
blank = compile('pass', 'x', 'exec')
ours = [parsed(blank.replace(co_exceptiontable=bytes.fromhex(h))) for h in json.load(sys.stdin)]

rnd = random.Random(99)
fuzz = []
def chunks(v, first):
    out = []
    while True:
        out.insert(0, (v & 63) | (64 if out else 0))
        v >>= 6
        if not v:
            break
    out[0] |= 0x80 if first else 0
    return out
for i in range(3000):
    if i % 2:
        t = [rnd.randint(0, 255) for _ in range(rnd.randint(1, 20))]
    else:  # well-formed entries, then maybe one byte changed or the tail cut
        t = [b for _ in range(rnd.randint(1, 4)) for k in range(4) for b in chunks(rnd.choice([0, 5, 64, 5000, 300000]), k == 0)]
        if rnd.random() < 0.5:
            t[rnd.randrange(len(t))] = rnd.randint(0, 255)
        if rnd.random() < 0.3:
            t = t[:rnd.randrange(len(t))]
    t = bytes(t)
    fuzz.append(dict(table=t.hex(), entries=parsed(blank.replace(co_exceptiontable=t))))

sys.stdout.write(json.dumps(dict(codes=codes, ours=ours, fuzz=fuzz)))
`;

type Row = [start: number, end: number, target: number, depth: number, lasti: boolean];
interface Oracle {
  codes: { label: string; table: string; entries: Row[] }[];
  ours: Row[][];
  fuzz: { table: string; entries: Row[] }[];
}

const hex = (s: string) => Uint8Array.from(Buffer.from(s, "hex"));
const toHex = (b: Uint8Array) => Buffer.from(b).toString("hex");
const rows = (es: ExceptionTableEntry[]): Row[] => es.map((e) => [e.start, e.end, e.target, e.depth, e.lasti]);
const entry = (start: number, end: number, target: number, depth: number, lasti: boolean) => ({ start, end, target, depth, lasti });

/** Entries whose values sit on every chunk-count border, up to the largest CPython can write. */
const BORDERS = [0, 1, 63, 64, 4095, 4096, 2 ** 18 - 1, 2 ** 18, 2 ** 24 - 1, 2 ** 24, 2 ** 30 - 1];
const SYNTHETIC: ExceptionTableEntry[][] = BORDERS.map((v, i) => [
  entry(v * 2, v * 2 + 2 * BORDERS[(i + 3) % BORDERS.length], 2 * BORDERS[(i + 5) % BORDERS.length], Math.floor(v / 2), v % 2 === 1),
  entry(0, 2, 4, 0, false),
]);

let oracle: Oracle;

beforeAll(() => {
  oracle = pythonJson<Oracle>(ORACLE, JSON.stringify(SYNTHETIC.map((es) => toHex(encodeExceptionTable(es)))));
});

/** The PyError type `f` raises, or "no error". */
function raised(f: () => unknown): string {
  try {
    f();
    return "no error";
  } catch (e) {
    return e instanceof PyError ? e.pyType : `JS ${String(e)}`;
  }
}

describe("co_exceptiontable matches CPython 3.11", () => {
  it("decodes every table as dis._parse_exception_table does", () => {
    expect(oracle.codes.length).toBeGreaterThan(6000);
    expect(oracle.codes.filter((c) => c.entries.length > 0).length).toBeGreaterThan(900);
    const bad = oracle.codes.filter((c) => JSON.stringify(rows(decodeExceptionTable(hex(c.table)))) !== JSON.stringify(c.entries));
    expect(bad.map((c) => c.label).slice(0, 5)).toEqual([]);
  });

  it("re-encodes every table to CPython's exact bytes", () => {
    const bad = oracle.codes.filter((c) => toHex(encodeExceptionTable(decodeExceptionTable(hex(c.table)))) !== c.table);
    expect(bad.map((c) => c.label).slice(0, 5)).toEqual([]);
  });

  it("covers four-chunk varints (the 490k-unit function)", () => {
    const big = oracle.codes.find((c) => c.label === "big:big")!;
    expect(big.entries[0][1]).toBeGreaterThan(2 * 2 ** 18);
    expect(rows(decodeExceptionTable(hex(big.table)))).toEqual(big.entries);
  });

  it("writes values up to 2**30 - 1 in a form dis reads back", () => {
    expect(oracle.ours.length).toBe(SYNTHETIC.length);
    SYNTHETIC.forEach((es, i) => {
      expect(oracle.ours[i]).toEqual(rows(es));
      expect(decodeExceptionTable(encodeExceptionTable(es))).toEqual(es);
    });
  });

  it("random bytes: either dis's reading or ValueError, never a JS error", () => {
    let decoded = 0;
    for (const f of oracle.fuzz) {
      let got: Row[] | null = null;
      try {
        got = rows(decodeExceptionTable(hex(f.table)));
      } catch (e) {
        expect(e instanceof PyError && e.pyType === "ValueError", `${f.table}: ${String(e)}`).toBe(true);
      }
      if (got !== null) {
        decoded++;
        expect(got, f.table).toEqual(f.entries);
      }
    }
    expect(decoded).toBeGreaterThan(500);
  });
});

describe("exact bytes and malformed tables", () => {
  it("chunks big-endian, 0x40 for more, 0x80 only on an entry's first byte", () => {
    // start 2**24 units: five chunks; length 64: two; target 0; depth 3 with lasti: 7.
    expect(toHex(encodeExceptionTable([entry(2 ** 25, 2 ** 25 + 128, 0, 3, true)]))).toBe("c1404040004100" + "00" + "07");
    expect(toHex(encodeExceptionTable([entry(0, 2, 4, 0, false), entry(8, 10, 12, 1, false)]))).toBe("80010200" + "84010602");
    expect(encodeExceptionTable([])).toEqual(new Uint8Array());
    expect(decodeExceptionTable(new Uint8Array())).toEqual([]);
  });

  it("end is exclusive: start + length, in bytes", () => {
    expect(decodeExceptionTable(Uint8Array.of(0x82, 0x03, 0x10, 0x05))).toEqual([entry(4, 10, 32, 2, true)]);
  });

  it("rejects malformed tables with ValueError", () => {
    const cases = [
      [0x82, 0x03, 0x10], // truncated entry
      [0x82, 0x03, 0x10, 0x45], // truncated varint
      [0x02, 0x03, 0x10, 0x05], // entry start without the start bit
      [0x82, 0x83, 0x10, 0x05], // start bit inside an entry
      [0x82, 0x03, 0x10, 0x05, 0x01], // trailing byte
      [0xc1, 0x41, 0x41, 0x41, 0x41, 0x01, 0x00, 0x00, 0x00], // six chunks: more than 30 bits
    ];
    for (const c of cases) expect(raised(() => decodeExceptionTable(Uint8Array.from(c))), toHex(Uint8Array.from(c))).toBe("ValueError");
  });

  it("refuses entries CPython could not write", () => {
    for (const e of [entry(1, 4, 6, 0, false), entry(0, 2, 2 ** 31, 0, false), entry(4, 2, 6, 0, false), entry(0, 2, 4, -1, false), entry(0, 2, 4, 0.5, false)]) {
      expect(raised(() => encodeExceptionTable([e])), JSON.stringify(e)).toBe("ValueError");
    }
  });
});
