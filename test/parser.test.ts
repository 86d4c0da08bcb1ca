/**
 * host/parser/parse.ts against python3.11's ast.parse.
 *
 * Trees: for every test/programs/*.py and a fixed list of stdlib modules of varied style,
 * astDump(parse(bytes, path), {includeAttributes: true}) must equal CPython's
 * ast.dump(ast.parse(bytes, path), include_attributes=True). One python3.11 run hashes all of
 * CPython's dumps (sha256); on a mismatch the full text is fetched and the first difference shown.
 * (tools/ast_compare.mjs runs the same comparison over the whole stdlib.)
 * Errors: snippets (syntax errors, modes, deep nesting) where our PySyntaxError's type, msg,
 * lineno, offset, end_lineno, end_offset must be what python3.11 raises, or both must succeed.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "../host/parser/parse.js";
import { astDump } from "../host/parser/ast-dump.js";
import { PySyntaxError } from "../host/parser/syntax-error.js";
import { PyError } from "../host/errors.js";
import { pythonJson, runPython } from "./support/python.js";

const ROOT = join(import.meta.dirname, "..");
const PROGRAMS = join(ROOT, "test", "programs");
const LIB = runPython("import sysconfig; print(sysconfig.get_paths()['stdlib'])").toString().trim();

/** Stdlib modules chosen for variety of style (packages are expanded to all their .py files). */
const STDLIB = [
  "asyncio", "email", "json", "re", "dataclasses.py", "typing.py", "enum.py", "functools.py",
  "inspect.py", "argparse.py", "collections/__init__.py", "pathlib.py", "subprocess.py", "ast.py",
  "string.py", "textwrap.py", "pprint.py", "fractions.py", "decimal.py", "_pydecimal.py", "datetime.py",
  "statistics.py", "contextlib.py", "tokenize.py", "difflib.py", "zipfile.py", "tarfile.py",
  "threading.py", "logging/__init__.py", "unittest/case.py", "doctest.py", "pydoc.py", "tomllib",
  "test/test_grammar.py", "test/test_patma.py", "test/test_fstring.py", "test/test_syntax.py",
  "test/test_positional_only_arg.py", "test/test_keywordonlyarg.py", "test/test_unpack_ex.py",
  "test/test_coroutines.py", "test/test_exception_group.py", "test/test_except_star.py",
  "test/test_string_literals.py", "test/test_unicode_identifiers.py", "test/test_named_expressions.py",
  "test/test_genexps.py", "test/test_listcomps.py", "test/test_decorators.py", "test/test_with.py",
  "test/test_types.py", "test/test_typing.py", "test/test_source_encoding.py", "test/test_utf8source.py",
];

function listPy(rel: string): string[] {
  const full = join(LIB, rel);
  if (rel.endsWith(".py")) return [full];
  return readdirSync(full)
    .filter((f) => f.endsWith(".py"))
    .sort()
    .map((f) => join(full, f));
}

const programFiles = readdirSync(PROGRAMS)
  .filter((f) => f.endsWith(".py"))
  .sort()
  .map((f) => join(PROGRAMS, f));
const stdlibFiles = STDLIB.flatMap(listPy);

const REFERENCE = `
import ast, hashlib, json, sys, warnings
warnings.simplefilter("ignore")
sys.set_int_max_str_digits(0)
full = sys.argv[1] == "full"
out = {}
for path in sys.stdin.read().split("\\n"):
    if not path: continue
    d = ast.dump(ast.parse(open(path, "rb").read(), path), include_attributes=True)
    out[path] = d if full else hashlib.sha256(d.encode("utf-8", "surrogatepass")).hexdigest()
print(json.dumps(out))
`;

function cpythonDumps(paths: string[], full: boolean): Record<string, string> {
  return JSON.parse(runPython(REFERENCE, paths.join("\n"), [full ? "full" : "sha"]).toString("utf8"));
}

function firstDifference(ours: string, theirs: string): string {
  let i = 0;
  while (i < ours.length && i < theirs.length && ours[i] === theirs[i]) i++;
  const from = Math.max(0, i - 150);
  return `first difference at ${i}:\n  ours:    …${ours.slice(from, i + 150)}\n  cpython: …${theirs.slice(from, i + 150)}`;
}

function compareTrees(paths: string[]): void {
  const reference = cpythonDumps(paths, false);
  const failures: string[] = [];
  for (const path of paths) {
    let dump: string;
    try {
      dump = astDump(parse(readFileSync(path), path), { includeAttributes: true });
    } catch (e) {
      failures.push(`${path}: raised ${String(e)}`);
      continue;
    }
    const sha = createHash("sha256").update(dump, "utf8").digest("hex");
    if (sha !== reference[path]) {
      const full = cpythonDumps([path], true)[path];
      failures.push(`${path}: ${firstDifference(dump, full)}`);
    }
  }
  expect(failures.slice(0, 5).join("\n\n")).toBe("");
}

describe("parse() trees equal CPython 3.11's ast.parse", () => {
  it("covers the corpus and >= 100 stdlib files", () => {
    expect(programFiles.length).toBeGreaterThan(250);
    expect(stdlibFiles.length).toBeGreaterThanOrEqual(100);
  });

  it("test/programs/*.py", () => compareTrees(programFiles), 120_000);

  it("stdlib modules", () => compareTrees(stdlibFiles), 240_000);
});

/** Small sources for what whole files rarely show: f-string locations, surrogates, every construct. */
const TREE_SNIPPETS: string[] = [
  "x = f'{a}' f'{b}'",
  "x = (f'{a}'\n     f'{b!r:>{w}}' 'c')",
  "x = f'é{a}ü{b}'",
  "x = 'é' f'{a}'",
  "x = f'''\n{a}\n  {b +\n c}'''",
  "x = f'{ a = }'",
  "x = f'{a=!s}'",
  "x = f'{a:{b}{c}d}'",
  "x = f'{f\"{a}\"}'",
  "x = f'{a:=10}'",
  "x = f'{(a:=10)}'",
  "x = f'{a!r}' u'x'",
  "x = u'x' f'{a}'",
  "x = f'{{}}{a}{{'",
  "x = f'{3.14:{\"x\"}}'",
  "x = rf'\\{a}\\n'",
  "x = f'{a}' 'é' f'{\"é\"}'",
  "x = f'{yield}'",
  "x = f'{*a,}'",
  "x = f'{a, b}'",
  "x = f'{a if b else c}'",
  "x = f'{a}}}'",
  "x = b'a' b'\\x00\\777'",
  "x = '\\ud800' '\\udc00'",
  "x = '\\U0001F600'",
  "x = 0xFF + 0o17 + 0b11 + 1_000 + 1e10 + 1.5j + 10_0.0_1e-1_0",
  "match x:\n case {1: a, **rest}: pass\n case [1, *_, 2] | (3, 4): pass\n case Point(x=0, y=-1.5+2j) as p if p: pass\n case -1 | 'a' 'b' | None | True: pass\n case a.b.c: pass\n case {}: pass\n case (): pass\n case []: pass\n case (a): pass\n case C(): pass\n",
  "def f(a, /, b=1, *c: int, d, e=2, **f) -> int: pass\nlambda a, /, b=1, *c, d, e=2, **f: 0\nasync def g(*, a): pass\ndef h(*args: *Ts): pass",
  "@a.b(c)\n@d\nclass C(B, metaclass=M, **kw):\n  x: int = 1\n  (y): int\n  z.w: str\n",
  "with (a as b, c): pass\nwith (a, b): pass\nwith (a): pass\nwith (yield): pass\nwith (a, b) as c: pass\n",
  "try:\n pass\nexcept* (A, B) as e:\n pass\nelse:\n pass\nfinally:\n pass\n",
  "a[1:2, ::3, *b] = c[d:e:f] = *g, h\ndel a.b, c[d], (e, [f])\nx = [*a, *b]\ny = {**a, 'b': 1}\nz = a if b else c\nw = not a < b <= c is not d in e not in f",
  "global a, b\nfrom . import x\nfrom ...a.b import (c as d, e,)\nimport a.b as c, d\nfrom .... import y\n",
  "x = a.b(c)(d)[e].f\nprint(*a, **b, c=1)\nf(x for x in y)\nf(a, *b, c=1, *d, **e)\n",
  "x = yield\ny = yield from z\nawait q\nassert a, b\nraise A from B\nreturn *a, *b\n",
  "for x, in y: pass\nfor (x, y) in z: pass\nasync for [a] in b: pass\nwhile a := b: pass\n",
  "x = [i for i in a if b if c for j in d]\ny = {k: v for k, v in e}\nz = {a async for a in b}\n",
  "if a:\n  pass\nelif b:\n  pass\nelif c:\n  pass\nelse:\n  pass\n",
  "x = (\n  1,\n  2,\n)\nx = ()\nx = (1)\nx = ((1, 2))\nx = 1,\n",
  "'doc'\nclass A:\n  'doc'\n  def f(): 'doc'\n",
  "x = ...\ny = a[...]\n",
  "x\\\n = 1\n",
  "if True:\n\tx = 1\n\ty = 2\n",
];

describe("parse() trees of snippets equal CPython 3.11's", () => {
  const expected = pythonJson<string[]>(
    `import ast, json, sys\nprint(json.dumps([ast.dump(ast.parse(s), include_attributes=True) for s in json.loads(sys.stdin.read())]))`,
    JSON.stringify(TREE_SNIPPETS),
  );
  TREE_SNIPPETS.forEach((src, i) => {
    it(JSON.stringify(src.length > 60 ? src.slice(0, 57) + "..." : src), () => {
      const ours = astDump(parse(src), { includeAttributes: true });
      if (ours !== expected[i]) expect(firstDifference(ours, expected[i])).toBe("");
    });
  });
});

// ---- errors and modes ---------------------------------------------------------------------------

interface Outcome {
  ok?: string;
  error?: [string, string, number | null, number | null, number | null, number | null];
}

/** [mode, source] snippets: each must fail (or succeed) exactly as CPython's ast.parse. */
const SNIPPETS: [string, string][] = [
  ["exec", "x = (1, 2\n"],
  ["exec", "a b\n"],
  ["exec", "(a b)\n"],
  ["exec", "f(a b)\n"],
  ["exec", "1 = x\n"],
  ["exec", "f() = 1\n"],
  ["exec", "(a, 1) = 2\n"],
  ["exec", "[a, b.c, f()] = x\n"],
  ["exec", "del f()\n"],
  ["exec", "del (a, 1)\n"],
  ["exec", "for 1 in x: pass\n"],
  ["exec", "with a as 1: pass\n"],
  ["exec", "x += 1 = 2\n"],
  ["exec", "f() += 1\n"],
  ["exec", "(a, b) += 1\n"],
  ["exec", "a, b: int\n"],
  ["exec", "[a]: int\n"],
  ["exec", "x = yield = 1\n"],
  ["exec", "if x\n    pass\n"],
  ["exec", "if x:\npass\n"],
  ["exec", "while x\n    pass\n"],
  ["exec", "for x in y\n    pass\n"],
  ["exec", "def f()\n    pass\n"],
  ["exec", "def f():\nreturn 1\n"],
  ["exec", "class C\n    pass\n"],
  ["exec", "class C:\nx = 1\n"],
  ["exec", "try:\n    pass\nx = 1\n"],
  ["exec", "try:\npass\n"],
  ["exec", "try:\n    pass\nexcept:\npass\n"],
  ["exec", "try:\n    pass\nexcept A, B:\n    pass\n"],
  ["exec", "try:\n    pass\nexcept* A:\n    pass\nexcept B:\n    pass\n"],
  ["exec", "try:\n    pass\nfinally:\npass\n"],
  ["exec", "with x as y\n    pass\n"],
  ["exec", "with x:\npass\n"],
  ["exec", "match x:\n    case 1\n        pass\n"],
  ["exec", "match x:\ncase 1: pass\n"],
  ["exec", "match x:\n    case C(a=1, b): pass\n"],
  ["exec", "match x:\n    case a as _: pass\n"],
  ["exec", "match x:\n    case 1 + 2: pass\n"],
  ["exec", "print 'hello'\n"],
  ["exec", "exec 'x = 1'\n"],
  ["exec", "x = 1\n    y = 2\n"],
  ["exec", "if x:\n    y\n  z\n"],
  ["exec", "f(**a, *b)\n"],
  ["exec", "f(a=1, b)\n"],
  ["exec", "f(**a, b)\n"],
  ["exec", "f(x for x in y, 1)\n"],
  ["exec", "f(1, x for x in y)\n"],
  ["exec", "f(a=1 for a in b)\n"],
  ["exec", "f(True=1)\n"],
  ["exec", "f(a.b=1)\n"],
  ["exec", "def f(a=1, b): pass\n"],
  ["exec", "def f(a, a=,): pass\n"],
  ["exec", "def f(*): pass\n"],
  ["exec", "def f(*, **k): pass\n"],
  ["exec", "def f(*a=1): pass\n"],
  ["exec", "def f(**k=1): pass\n"],
  ["exec", "def f(**k, a): pass\n"],
  ["exec", "def f(/, a): pass\n"],
  ["exec", "def f(a, /, b, /): pass\n"],
  ["exec", "def f(a, *b, /): pass\n"],
  ["exec", "def f(a, *, b, *c): pass\n"],
  ["exec", "def f((a, b)): pass\n"],
  ["exec", "lambda *: 1\n"],
  ["exec", "lambda a=1, b: 1\n"],
  ["exec", "[*a for a in b]\n"],
  ["exec", "[a, b for a in c]\n"],
  ["exec", "{**a for a in b}\n"],
  ["exec", "{1: *a}\n"],
  ["exec", "{1: 2, 3}\n"],
  ["exec", "{1:}\n"],
  ["exec", "(*a)\n"],
  ["exec", "(**a)\n"],
  ["exec", "(x := 1) := 2\n"],
  ["exec", "if x = 1: pass\n"],
  ["exec", "if f() = 1: pass\n"],
  ["exec", "x = 1 if y\n"],
  ["exec", "from x import a,\n"],
  ["exec", "import a.b as c.d\n"],
  ["exec", "b'a' 'b'\n"],
  ["exec", "x = f'{}'\n"],
  ["exec", "x = f'{a!z}'\n"],
  ["exec", "x = f'{a b}'\n"],
  ["exec", "x = f'}'\n"],
  ["exec", "x = f'{a'\n"],
  ["exec", "x = f'{a:{b:{c}}}'\n"],
  ["exec", "x = f'{#}'\n"],
  ["exec", "x = f'{\\n}'\n"],
  ["exec", "x = '\\x1'\n"],
  ["exec", "x = b'\\x1'\n"],
  ["exec", "x = 'a\\N{NO SUCH NAME}'\n"],
  ["exec", "x = b'\u00e9'\n"],
  ["exec", "x = 1 +\n"],
  ["exec", "@foo\n"],
  ["exec", "nonlocal\n"],
  ["exec", "a = 1 +\nb = '\n"],
  ["exec", "x = (\n1,\ny = 2\n"],
  ["exec", "def f(a, b):\n  x = [a for a in b if\n"],
  ["eval", "f'{}'"],
  ["eval", "1 +"],
  ["eval", "x = 1"],
  ["eval", "a, *b\n"],
  ["single", "x = 1"],
  ["single", "def f():\n    return 1\n"],
  ["single", "if x:\n    pass\nelse:\n    pass\n"],
  ["func_type", "(int, str) -> bool"],
  ["func_type", "(*int, **str) -> None\n"],
  ["exec", "(" .repeat(199) + "1" + ")".repeat(199) + "\n"],
  ["exec", "(".repeat(199) + "1 +" + ")".repeat(199) + "\n"],
  ["exec", "(".repeat(1000) + ")".repeat(1000) + "\n"],
  ["exec", "[".repeat(1000) + "]".repeat(1000) + "\n"],
  ["exec", "-".repeat(1000) + "1\n"],
  ["exec", "not ".repeat(1000) + "x\n"],
  ["exec", "lambda: ".repeat(1000) + "x\n"],
  ["exec", "x = " + "1 if x else ".repeat(1000) + "2\n"],
  ["exec", Array(1000).fill("'a'").join(" ") + "\n"],
  ["exec", "x = " + "{".repeat(150) + "}".repeat(150) + "\n"],
];

const ORACLE = `
import ast, json, sys, warnings
warnings.simplefilter("ignore")
out = []
for mode, src in json.loads(sys.stdin.read()):
    try:
        ast.parse(src, "<snippet>", mode)
        out.append({"ok": mode})
    except SyntaxError as e:
        out.append({"error": [type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset]})
    except (MemoryError, RecursionError) as e:
        out.append({"error": [type(e).__name__, str(e), None, None, None, None]})
print(json.dumps(out))
`;

function ourOutcome(mode: string, src: string): Outcome {
  try {
    parse(src, "<snippet>", mode as "exec");
    return { ok: mode };
  } catch (e) {
    if (e instanceof PySyntaxError) {
      return { error: [e.pyType, e.pyMessage, e.lineno, e.offset, e.endLineno, e.endOffset] };
    }
    if (e instanceof PyError) return { error: [e.pyType, e.pyMessage, null, null, null, null] };
    return { error: ["JS " + String(e), "", null, null, null, null] };
  }
}

describe("parse() errors equal CPython 3.11's", () => {
  const expected = pythonJson<Outcome[]>(ORACLE, JSON.stringify(SNIPPETS));

  it("has a CPython outcome per snippet", () => {
    expect(expected.length).toBe(SNIPPETS.length);
  });

  SNIPPETS.forEach(([mode, src], i) => {
    const label = `${mode} ${JSON.stringify(src.length > 60 ? src.slice(0, 57) + "..." : src)}`;
    it(label, () => {
      expect(ourOutcome(mode, src)).toEqual(expected[i]);
    });
  });
});

describe("generated tables", () => {
  it("host/parser/parse-unicode-names-table.ts is what tools/gen_parse_unicode_names.py writes today", () => {
    const tool = join(__dirname, "..", "tools", "gen_parse_unicode_names.py");
    // --check exits 1 (runPython throws) when the committed table differs from python3.11's unicodedata
    expect(() => runPython(`import runpy, sys; sys.argv = [sys.argv[1], "--check"]; runpy.run_path(sys.argv[0], run_name="__main__")`, undefined, [tool])).not.toThrow();
  });
});
