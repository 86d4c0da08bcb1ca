/**
 * host/parser/ast-dump.ts against python3.11's ast.dump.
 *
 * Trees: tools/ast_reference.py --json parses each file with CPython and sends its tree as tagged
 * JSON; we rebuild our node objects from it (constants into the host value model) and astDump them
 * three ways (plain, include_attributes, indent=2). The sha256 of each must equal the sha256 of
 * CPython's text, which the same script sends; on a mismatch the full texts are fetched and the
 * first difference shown. Files: every test/programs/*.py, and 300 stdlib files (<= 32 kB) drawn
 * with a fixed seed plus a few chosen for what they contain (match, f-strings, complex, big ints,
 * surrogates, non-ASCII sources, type comments, ...); the test checks that the sample covers those.
 * Also: constants built here by hand (float, complex, int, str, bytes edge cases) and small
 * snippets under every dump option, against ast.dump's text.
 * Also checks that host/parser/ast.generated.ts is what tools/gen_ast.py writes today.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { astDump, type AstDumpOptions, type DumpableNode } from "../host/parser/ast-dump.js";
import { Ellipsis, PyComplex, SurrogateStr, strFromCodePoints, type PyObject } from "../host/objects.js";
import { PYTHON, runPython } from "./support/python.js";

const ROOT = join(import.meta.dirname, "..");
const REFERENCE = join(ROOT, "tools", "ast_reference.py");
const STDLIB_SAMPLE = 300;
const STDLIB_SEED = 20240611;
/**
 * The random draw is over files of at most this size: the big test modules would take most of the
 * 60 s budget (the whole library is tools/ast_reference.py's job, e.g. in the parser's comparison).
 */
const STDLIB_MAX_BYTES = 32_000;
/** Files the random draw might miss, each for something the sample must contain. */
const STDLIB_CHOSEN = [
  "test/test_patma.py", // match statements, every pattern kind
  "test/test_fstring.py", // nested f-strings, conversions, format specs, `=`
  "test/test_grammar.py", // every statement and expression form
  "test/test_complex.py", // imaginary literals
  "test/test_fractions.py", // a float literal that overflows to inf
  "ctypes/test/test_pointers.py", // ints beyond 64 bits
  "ctypes/test/test_memfunctions.py", // u'' strings (kind='u')
  "test/test_json/test_scanstring.py", // a surrogate pair kept as two code points
  "test/test_userstring.py", // lone surrogates
  "test/test_unicode_identifiers.py", // non-ASCII identifiers (NFKC)
  "test/encoded_modules/module_iso_8859_1.py", // a coding cookie
  "test/test_asyncio/test_pep492.py", // async for, await
  "test/test_asyncio/test_server.py", // async with
  "test/test_exception_variations.py", // except*
  "test/test_decorators.py",
  "asyncio/streams.py", // type comments (ignored by ast.parse)
];

// ---------------------------------------------------------------------------------------------
// rebuilding our nodes from ast_reference.py's JSON

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const floatView = new DataView(new ArrayBuffer(8));

/** The float that float.hex() printed as `s`, bit for bit. */
function fromFloatHex(s: string): number {
  const m = /^(-?)(?:(inf)|(nan)|0x([01])\.([0-9a-f]+)p([+-]\d+))$/.exec(s);
  if (m === null) throw new Error(`bad float.hex ${s}`);
  const negative = m[1] === "-";
  if (m[2]) return negative ? -Infinity : Infinity;
  if (m[3]) return NaN;
  // 0x1.<13 hex digits>p<e> for normal numbers, 0x0.<...>p-1022 for subnormals (0x0.0p+0 for zero)
  const fraction = BigInt("0x" + m[5].padEnd(13, "0"));
  const biased = m[4] === "1" ? BigInt(Number(m[6]) + 1023) : 0n;
  floatView.setBigUint64(0, ((negative ? 1n : 0n) << 63n) | (biased << 52n) | fraction);
  return floatView.getFloat64(0);
}

function constantFromJson(v: Json): PyObject {
  if (v === null || typeof v === "boolean") return v;
  if (typeof v !== "object" || Array.isArray(v)) throw new Error(`untagged constant ${JSON.stringify(v)}`);
  if ("$int" in v) return BigInt(v.$int as string);
  if ("$float" in v) return fromFloatHex(v.$float as string);
  if ("$complex" in v) {
    const [re, im] = v.$complex as string[];
    return new PyComplex(fromFloatHex(re), fromFloatHex(im));
  }
  if ("$str" in v) return typeof v.$str === "string" ? v.$str : strFromCodePoints(v.$str as number[]);
  if ("$bytes" in v) return new Uint8Array(Buffer.from(v.$bytes as string, "base64"));
  if ("$ellipsis" in v) return Ellipsis;
  throw new Error(`unknown constant tag ${JSON.stringify(v)}`);
}

/** Our node objects from CPython's JSON tree; constant fields hold host values. */
function nodeFromJson(v: Json, constantField = false): unknown {
  if (Array.isArray(v)) return v.map((x) => nodeFromJson(x, constantField));
  if (constantField) return constantFromJson(v);
  if (v === null || typeof v !== "object") return v;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(v)) {
    // Constant.value and MatchSingleton.value are the ASDL `constant` fields
    out[key] = key === "_type" ? value : nodeFromJson(value, key === "value" && isConstantNode(v._type));
  }
  return out;
}

const isConstantNode = (type: Json) => type === "Constant" || type === "MatchSingleton";

// ---------------------------------------------------------------------------------------------
// CPython's side

interface Record_ {
  path: string;
  tree?: Json;
  error?: string;
  dumps?: [string, string, string];
}

/** Runs tools/ast_reference.py --json --dumps over `paths`, in `jobs` processes at once. */
async function reference(paths: string[], jobs = 2): Promise<Record_[]> {
  const chunks: string[][] = Array.from({ length: jobs }, () => []);
  paths.forEach((p, i) => chunks[Math.floor((i * jobs) / paths.length)].push(p));
  const outputs = await Promise.all(
    chunks.map(
      (chunk) =>
        new Promise<string>((resolve, reject) => {
          const child = spawn(PYTHON, [REFERENCE, "--json", "--dumps"], {
            env: { ...process.env, PYTHONHASHSEED: "0", PYTHONIOENCODING: "utf-8" },
          });
          const out: Buffer[] = [];
          const err: Buffer[] = [];
          child.stdout.on("data", (b: Buffer) => out.push(b));
          child.stderr.on("data", (b: Buffer) => err.push(b));
          child.on("error", reject);
          child.on("close", (code) =>
            code === 0
              ? resolve(Buffer.concat(out).toString("utf8"))
              : reject(new Error(`ast_reference.py exited ${code}:\n${Buffer.concat(err)}`)),
          );
          child.stdin.end(chunk.join("\n") + "\n");
        }),
    ),
  );
  return outputs.flatMap((o) => o.split("\n").filter((line) => line !== "").map((line) => JSON.parse(line)));
}

const DUMP_MODES: { name: string; opts: AstDumpOptions; py: string }[] = [
  { name: "ast.dump(tree)", opts: {}, py: "ast.dump(tree)" },
  { name: "include_attributes=True", opts: { includeAttributes: true }, py: "ast.dump(tree, include_attributes=True)" },
  { name: "indent=2", opts: { indent: 2 }, py: "ast.dump(tree, indent=2)" },
];

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/** CPython's dump text of one file (only fetched to show a mismatch). */
function cpythonDump(path: string, mode: number): string {
  const script = `import ast, sys\ntree = ast.parse(open(sys.argv[1], 'rb').read(), sys.argv[1])\nsys.stdout.write(${DUMP_MODES[mode].py})`;
  return runPython(script, undefined, [path]).toString("utf8");
}

function firstDifference(ours: string, theirs: string): string {
  let i = 0;
  while (i < ours.length && ours[i] === theirs[i]) i++;
  const from = Math.max(0, i - 200);
  return `at ${i}:\n  ours:    ${JSON.stringify(ours.slice(from, i + 200))}\n  CPython: ${JSON.stringify(theirs.slice(from, i + 200))}`;
}

/** Compares our three dumps of every record with CPython's; returns the trees for further checks. */
function compareAll(records: Record_[]): Map<string, DumpableNode> {
  const trees = new Map<string, DumpableNode>();
  const mismatches: string[] = [];
  for (const rec of records) {
    if (rec.tree === undefined) continue;
    const tree = nodeFromJson(rec.tree) as DumpableNode;
    trees.set(rec.path, tree);
    DUMP_MODES.forEach((mode, i) => {
      const ours = astDump(tree, mode.opts);
      if (sha256(ours) !== rec.dumps![i]) {
        const detail = mismatches.length < 3 ? "\n" + firstDifference(ours, cpythonDump(rec.path, i)) : "";
        mismatches.push(`${rec.path} [${mode.name}]${detail}`);
      }
    });
  }
  expect(mismatches, `${mismatches.length} dumps differ`).toEqual([]);
  return trees;
}

// ---------------------------------------------------------------------------------------------
// the files

const programs = readdirSync(join(ROOT, "test", "programs"))
  .filter((f) => f.endsWith(".py"))
  .sort()
  .map((f) => join(ROOT, "test", "programs", f));

/** STDLIB_CHOSEN, plus STDLIB_SAMPLE files (<= STDLIB_MAX_BYTES) drawn by python's random with a fixed seed. */
function stdlibSample(): string[] {
  const script = String.raw`
import json, os, random, sys, sysconfig
root = sysconfig.get_paths()["stdlib"]
files = []
for dirpath, dirnames, filenames in os.walk(root):
    dirnames[:] = sorted(d for d in dirnames if d not in ("site-packages", "__pycache__"))
    files += [os.path.join(dirpath, n) for n in sorted(filenames) if n.endswith(".py")]
chosen = [os.path.join(root, p) for p in json.loads(sys.argv[2])]
rest = sorted(f for f in set(files) - set(chosen) if os.path.getsize(f) <= int(sys.argv[4]))
print(json.dumps(chosen + sorted(random.Random(int(sys.argv[1])).sample(rest, int(sys.argv[3])))))`;
  const args = [String(STDLIB_SEED), JSON.stringify(STDLIB_CHOSEN), String(STDLIB_SAMPLE), String(STDLIB_MAX_BYTES)];
  const out = runPython(script, undefined, args);
  return JSON.parse(out.toString("utf8")) as string[];
}

/** What a tree contains, for the coverage check of the stdlib sample. */
function features(tree: unknown, source: Buffer, found: Set<string>): void {
  if (source.some((b) => b >= 0x80)) found.add("non-ASCII source");
  if (/#\s*type:/.test(source.toString("latin1"))) found.add("type comment");
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (v === null || typeof v !== "object") return;
    const node = v as Record<string, unknown>;
    const type = node._type as string;
    if (["Match", "JoinedStr", "AsyncFunctionDef", "Await", "AsyncFor", "AsyncWith", "TryStar"].includes(type)) found.add(type);
    if (Array.isArray(node.decorator_list) && node.decorator_list.length > 0) found.add("decorator");
    if (type === "Constant") {
      const c = node.value;
      if (typeof c === "bigint" && (c > 2n ** 64n || c < -(2n ** 64n))) found.add("big int");
      if (c instanceof PyComplex) found.add("complex");
      if (c instanceof Uint8Array) found.add("bytes");
      if (c === Ellipsis) found.add("Ellipsis");
      if (c === Infinity) found.add("float inf");
      if (c instanceof SurrogateStr) found.add("surrogate pair str");
      if (typeof c === "string" && /[\ud800-\udfff]/.test(c.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ""))) found.add("lone surrogate str");
      if (typeof c === "string" && /[^\x20-\x7e]/.test(c)) found.add("non-ASCII str");
      if (node.kind === "u") found.add("u prefix");
    }
    for (const key in node) if (key !== "_type") walk(node[key]);
  };
  walk(tree);
}

describe("astDump over CPython's trees", () => {
  it("test/programs/*.py: all three dumps equal CPython's", async () => {
    const records = await reference(programs);
    expect(records.map((r) => r.path)).toEqual(programs);
    const trees = compareAll(records);
    expect(trees.size).toBeGreaterThan(programs.length * 0.9);
  });

  it(`${STDLIB_SAMPLE} + ${STDLIB_CHOSEN.length} stdlib files: all three dumps equal CPython's`, async () => {
    const files = stdlibSample();
    expect(files.length).toBe(STDLIB_SAMPLE + STDLIB_CHOSEN.length);
    const records = await reference(files);
    const trees = compareAll(records);
    expect(trees.size).toBeGreaterThanOrEqual(300);
    const found = new Set<string>();
    for (const [path, tree] of trees) features(tree, readFileSync(path), found);
    expect([...found].sort()).toEqual(
      [
        "AsyncFor", "AsyncFunctionDef", "AsyncWith", "Await", "Ellipsis", "JoinedStr", "Match", "TryStar",
        "big int", "bytes", "complex", "decorator", "float inf", "lone surrogate str", "non-ASCII source",
        "non-ASCII str", "surrogate pair str", "type comment", "u prefix",
      ].sort(),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// hand-built constants and small snippets

/** [python expression, the same value in the host model] */
const CONSTANTS: [string, PyObject][] = [
  ["None", null],
  ["True", true],
  ["False", false],
  ["...", Ellipsis],
  ["0", 0n],
  ["-7", -7n],
  ["2**64", 2n ** 64n],
  ["-(10**400)", -(10n ** 400n)],
  ["0.0", 0],
  ["-0.0", -0],
  ["1.0", 1],
  ["0.1", 0.1],
  ["1e16", 1e16],
  ["1e15", 1e15],
  ["123456789012345678.0", 123456789012345678],
  ["1e-5", 1e-5],
  ["0.0001", 0.0001],
  ["5e-324", 5e-324],
  ["1.7976931348623157e308", 1.7976931348623157e308],
  ["float('inf')", Infinity],
  ["float('-inf')", -Infinity],
  ["float('nan')", NaN],
  ["1j", new PyComplex(0, 1)],
  ["0j", new PyComplex(0, 0)],
  ["2.5e20j", new PyComplex(0, 2.5e20)],
  ["1e400j", new PyComplex(0, Infinity)],
  ["complex(0.0, float('nan'))", new PyComplex(0, NaN)],
  ["complex(-0.0, 1.0)", new PyComplex(-0, 1)],
  ["complex(1.5, -2.0)", new PyComplex(1.5, -2)],
  ["''", ""],
  ['"it\'s"', "it's"],
  ["'a\"b'", 'a"b'],
  ["'a\"b\\'c'", "a\"b'c"],
  ["'back\\\\slash'", "back\\slash"],
  ["'\\n\\t\\r\\x00\\x7f\\x80\\xa0\\xad'", "\n\t\r\x00\x7f\x80\xa0\xad"],
  ["'é中\\u200b\\u2028\\ufeff'", "é中\u200b\u2028\ufeff"],
  ["'\\U0001f600\\U000e0001\\U0010ffff'", "\u{1f600}\u{e0001}\u{10ffff}"],
  ["'\\ud800'", "\ud800"],
  ["'x\\udfffy'", "x\udfffy"],
  ["'\\ud800\\udc00'", new SurrogateStr([0xd800, 0xdc00])],
  ["b''", new Uint8Array([])],
  ["b\"'\"", new Uint8Array([0x27])],
  ["b'\"\\''", new Uint8Array([0x22, 0x27])],
  ["bytes(range(256))", new Uint8Array(Array.from({ length: 256 }, (_, i) => i))],
];

const SNIPPETS: [string, "exec" | "eval" | "single"][] = [
  ["", "exec"],
  ["x", "exec"],
  ["x", "eval"],
  ["x = 1\n", "single"],
  ["def f(a, /, b=1, *c, d, e=2, **g) -> int:\n    'doc'\n    return a\n", "exec"],
  ["{**d, 'a': 1, **e}", "eval"],
  ["lambda *, k: k", "eval"],
  ["from . import x as y, z\nimport a.b as c\n", "exec"],
  ["match p:\n    case [1, *r] | {'k': None, **kw} if r: pass\n    case C(1, a=True) as q: pass\n", "exec"],
  ["async def f():\n    async with a as b, c: await d\n    async for x in y: yield x\n", "exec"],
  ["f'{x=}{y!r:>{w}}' u'k' 'j'", "eval"],
  ["[x async for x in y if x for z in x]", "eval"],
  ["global a, b\nnonlocal c\n", "exec"],
  ["try:\n    pass\nexcept* E as e:\n    pass\nelse:\n    pass\nfinally:\n    pass\n", "exec"],
  ["@d\n@e(1)\nclass C(B, metaclass=M): x: int = 1\n", "exec"],
  ["a[1:2, ::3] = b.c, *d", "exec"],
  ["a if b else not c < d <= e is not f", "eval"],
];

const OPTION_SETS: { opts: AstDumpOptions; py: string }[] = [
  { opts: {}, py: "" },
  { opts: { includeAttributes: true }, py: ", include_attributes=True" },
  { opts: { annotateFields: false }, py: ", annotate_fields=False" },
  { opts: { annotateFields: false, includeAttributes: true }, py: ", False, True" },
  { opts: { indent: 0 }, py: ", indent=0" },
  { opts: { indent: -1 }, py: ", indent=-1" },
  { opts: { indent: 3, includeAttributes: true }, py: ", include_attributes=True, indent=3" },
  { opts: { indent: "\t" }, py: ", indent='\\t'" },
  { opts: { indent: "--", annotateFields: false }, py: ", annotate_fields=False, indent='--'" },
];

describe("astDump unit cases", () => {
  it("Constant values print as CPython's repr (with and without kind)", () => {
    const script = String.raw`
import ast, json, sys
out = []
for src in json.load(sys.stdin):
    v = eval(src)
    out.append(ast.dump(ast.Constant(value=v)))
    out.append(ast.dump(ast.Constant(value=v, kind='u'), indent=1))
    out.append(ast.dump(ast.MatchSingleton(value=v)))
print(json.dumps(out))`;
    const expected = JSON.parse(runPython(script, JSON.stringify(CONSTANTS.map((c) => c[0]))).toString("utf8")) as string[];
    const ours = CONSTANTS.flatMap(([, value]) => [
      astDump({ _type: "Constant", value, kind: null } as DumpableNode),
      astDump({ _type: "Constant", value, kind: "u" } as DumpableNode, { indent: 1 }),
      astDump({ _type: "MatchSingleton", value } as DumpableNode),
    ]);
    expect(ours).toEqual(expected);
  });

  it("snippets under every option set equal ast.dump", async () => {
    const script = String.raw`
import ast, json, sys
cases, options = json.load(sys.stdin)
print(json.dumps([[eval("ast.dump(tree" + o + ")", {"ast": ast, "tree": tree}) for o in options]
                  for tree in (ast.parse(src, mode=mode) for src, mode in cases)]))`;
    const expected = JSON.parse(
      runPython(script, JSON.stringify([SNIPPETS, OPTION_SETS.map((o) => o.py)])).toString("utf8"),
    ) as string[][];
    const treesScript = String.raw`
import ast, json, sys
sys.path.insert(0, sys.argv[1])
from ast_reference import to_json
print(json.dumps([to_json(ast.parse(src, mode=mode)) for src, mode in json.load(sys.stdin)]))`;
    const trees = JSON.parse(
      runPython(treesScript, JSON.stringify(SNIPPETS), [join(ROOT, "tools")]).toString("utf8"),
    ) as Json[];
    const ours = trees.map((t) => OPTION_SETS.map((o) => astDump(nodeFromJson(t) as DumpableNode, o.opts)));
    expect(ours).toEqual(expected);
  });

  it("rules that CPython's parser never exercises: missing fields, None in non-optional fields", () => {
    // a field absent from the object is skipped and turns the rest into keywords (annotate_fields=False)
    const partial = { _type: "BinOp", left: { _type: "Name", id: "a", ctx: { _type: "Load" } }, right: null } as DumpableNode;
    const script = String.raw`
import ast, json
n = ast.BinOp(left=ast.Name(id='a', ctx=ast.Load()), right=None)
print(json.dumps([
    ast.dump(n, annotate_fields=False),
    ast.dump(n, indent=2),
    ast.dump(ast.ImportFrom(module=None, names=[], level=None)),
    ast.dump(ast.Name(id='x', ctx=ast.Load(), lineno=3, col_offset=4), include_attributes=True),
]))`;
    expect([
      astDump(partial, { annotateFields: false }),
      astDump(partial, { indent: 2 }),
      astDump({ _type: "ImportFrom", module: null, names: [], level: null } as DumpableNode),
      astDump({ _type: "Name", id: "x", ctx: { _type: "Load" }, lineno: 3, col_offset: 4 } as DumpableNode, {
        includeAttributes: true,
      }),
    ]).toEqual(JSON.parse(runPython(script).toString("utf8")));
  });

  it("rejects what is not a node, as ast.dump does", () => {
    expect(() => astDump(null as unknown as DumpableNode)).toThrow(/TypeError: expected AST/);
  });

  it("host/parser/ast.generated.ts is what tools/gen_ast.py writes", () => {
    const script = `import sys; sys.path.insert(0, sys.argv[1]); import gen_ast; sys.stdout.write(gen_ast.generate())`;
    const generated = runPython(script, undefined, [join(ROOT, "tools")]).toString("utf8");
    expect(readFileSync(join(ROOT, "host", "parser", "ast.generated.ts"), "utf8")).toBe(generated);
  });
});
