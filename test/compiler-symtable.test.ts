/**
 * The symbol table (host/compiler/symtable.ts) and future-import handling (host/compiler/future.ts)
 * against CPython 3.11: over every stdlib file, each table's type, name, line, optimized/nested
 * flags, identifiers in order with their raw flags words and scopes, and children in order equal
 * what tools/symtable_dump.py prints from python3.11's symtable module; every SyntaxError the
 * symtable stage raises has python3.11's message and position; mangling gives CPython's names.
 */
import { spawn } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "../host/parser/parse.js";
import type { Expression, Interactive, Module, Stmt } from "../host/parser/ast.generated.js";
import { PySyntaxError } from "../host/parser/syntax-error.js";
import { PyError } from "../host/errors.js";
import { buildSymtable, CELL, DEF_FREE_CLASS, FREE, SCOPE_MASK, SCOPE_OFF, type Scope } from "../host/compiler/symtable.js";
import { futureFeatures } from "../host/compiler/future.js";
import { mangle } from "../host/compiler/mangle.js";
import { stdlibFiles } from "./support/ast-compare.js";
import { PYTHON, pythonJson } from "./support/python.js";

type Table = [string, string, number, boolean, boolean, [string, number, number][], Table[]];
type CodeFacts = [string, number, string[], string[]][];
interface Ref {
  path: string;
  table?: Table;
  code?: CodeFacts | null;
  error?: [string, string, number | null, number | null, number | null, number | null];
}

// co_flags bits (Include/cpython/code.h)
const CO_OPTIMIZED = 0x1;
const CO_NEWLOCALS = 0x2;
const CO_VARARGS = 0x4;
const CO_VARKEYWORDS = 0x8;
const CO_NESTED = 0x10;
const CO_GENERATOR = 0x20;
const CO_COROUTINE = 0x80;
const CO_ASYNC_GENERATOR = 0x200;

const env = { ...process.env, PYTHONHASHSEED: "0", PYTHONIOENCODING: "utf-8" };

/**
 * Starts symtable_dump.py --code over `paths` and returns a promise of its records. It reads and
 * writes temporary files, not pipes, so that it keeps running while this process is busy with our side.
 */
function startReference(paths: string[]): Promise<Ref[]> {
  const dir = mkdtempSync(join(tmpdir(), "symtable-ref-"));
  writeFileSync(join(dir, "paths"), paths.join("\n"));
  const input = openSync(join(dir, "paths"), "r");
  const output = openSync(join(dir, "out"), "w");
  const child = spawn(PYTHON, ["tools/symtable_dump.py", "--code"], { stdio: [input, output, "pipe"], env });
  let stderr = "";
  child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => {
      closeSync(input);
      closeSync(output);
      const text = readFileSync(join(dir, "out"), "utf8");
      rmSync(dir, { recursive: true, force: true });
      if (code !== 0) reject(new Error(`symtable_dump.py failed: ${stderr}`));
      else resolve(text.split("\n").filter((l) => l).map((l) => JSON.parse(l) as Ref));
    });
  });
}

/** Our table in symtable_dump.py's shape (symtable.py's view: "annotation" blocks are never children). */
function dumpScope(s: Scope): Table {
  const syms: [string, number, number][] = [...s.symbols].map(([n, f]) => [n, f, (f >> SCOPE_OFF) & SCOPE_MASK]);
  return [s.type, s.name, s.lineno, s.type === "function", s.nested, syms, s.children.map(dumpScope)];
}

/**
 * What the code generator will make of each block below the module, as symtable_dump.py --code
 * reads it from compile(): co_name, the co_flags compute_code_flags derives from the block, and
 * the cell and free variables (compiler_enter_scope: CELL names plus an implicit __class__ cell;
 * FREE names plus a class's DEF_FREE_CLASS names).
 */
function codeFacts(top: Scope): CodeFacts {
  const out: CodeFacts = [];
  const walk = (s: Scope) => {
    for (const c of s.children) {
      const isFunction = c.type === "function";
      let flags = 0;
      if (isFunction) {
        flags |= CO_OPTIMIZED | CO_NEWLOCALS;
        if (c.nested) flags |= CO_NESTED;
        if (c.generator && !c.coroutine) flags |= CO_GENERATOR;
        if (!c.generator && c.coroutine) flags |= CO_COROUTINE;
        if (c.generator && c.coroutine) flags |= CO_ASYNC_GENERATOR;
        if (c.varargs) flags |= CO_VARARGS;
        if (c.varkeywords) flags |= CO_VARKEYWORDS;
      }
      const cells: string[] = [];
      const frees: string[] = [];
      for (const [name, f] of c.symbols) {
        const scope = (f >> SCOPE_OFF) & SCOPE_MASK;
        if (scope === CELL) cells.push(name);
        if (scope === FREE || f & DEF_FREE_CLASS) frees.push(name);
      }
      if (c.needsClassClosure) cells.push("__class__");
      const anonymous = c.comprehension !== "none" || (isFunction && c.name === "lambda");
      out.push([anonymous ? `<${c.name}>` : c.name, flags, cells.sort(), frees.sort()]);
      walk(c);
    }
  };
  walk(top);
  return out;
}

type Outcome = { table: Table; code: CodeFacts } | { error: Ref["error"] } | { parseError: string };

function ours(source: string | Uint8Array, filename: string, mode: "exec" | "eval" | "single" = "exec"): Outcome {
  let mod: Module | Expression | Interactive;
  try {
    mod = parse(source, filename, mode) as Module | Expression | Interactive;
  } catch (e) {
    return { parseError: String(e) };
  }
  try {
    const st = buildSymtable(mod, filename, futureFeatures(mod, filename));
    return { table: dumpScope(st.top), code: codeFacts(st.top) };
  } catch (e) {
    if (!(e instanceof PySyntaxError)) throw e;
    return { error: [e.pyType, e.pyMessage, e.lineno, e.offset, e.endLineno, e.endOffset] };
  }
}

/** The first difference between two tables, as a path of names (for a readable failure). */
function firstDiff(a: Table, b: Table, where = ""): string {
  const here = `${where}/${a[1]}@${a[2]}`;
  for (let i = 0; i < 5; i++) if (JSON.stringify(a[i]) !== JSON.stringify(b[i])) return `${here}: field ${i}: ${JSON.stringify(a[i])} vs ${JSON.stringify(b[i])}`;
  if (JSON.stringify(a[5]) !== JSON.stringify(b[5])) return `${here}: symbols\n  ours ${JSON.stringify(a[5])}\n  ref  ${JSON.stringify(b[5])}`;
  if (a[6].length !== b[6].length) return `${here}: ${a[6].length} children vs ${b[6].length}`;
  for (let i = 0; i < a[6].length; i++) {
    const d = firstDiff(a[6][i], b[6][i], here);
    if (d) return d;
  }
  return "";
}

describe("symbol table over the standard library", () => {
  it("equals python3.11's symtable for every file", async () => {
    const paths = stdlibFiles();
    expect(paths.length).toBeGreaterThan(1500);
    const pending = startReference(paths);
    // Our side in slices, yielding between them: a minute of synchronous work starves vitest's
    // worker RPC ("Timeout calling onTaskUpdate") on a busy 2-core machine.
    const outcomes = new Map<string, ReturnType<typeof ours>>();
    for (let i = 0; i < paths.length; i++) {
      outcomes.set(paths[i], ours(readFileSync(paths[i]), paths[i]));
      if (i % 50 === 49) await new Promise((r) => setImmediate(r));
    }
    const refs = await pending;
    expect(refs.length).toBe(paths.length);
    const bad: string[] = [];
    let compared = 0;
    let rejected = 0;
    for (const ref of refs) {
      const o = outcomes.get(ref.path)!;
      if (ref.error) {
        rejected++;
        // a file CPython's parser rejects is the parser test's business; a symtable error must match
        if ("parseError" in o) continue;
        if (!("error" in o) || JSON.stringify(o.error) !== JSON.stringify(ref.error)) {
          bad.push(`${ref.path}: ref error ${JSON.stringify(ref.error)}, ours ${JSON.stringify(o)}`);
        }
        continue;
      }
      compared++;
      if (!("table" in o)) {
        bad.push(`${ref.path}: ours ${JSON.stringify(o)}`);
        continue;
      }
      const d = firstDiff(o.table, ref.table!);
      if (d) bad.push(`${ref.path}: ${d}`);
      else if (ref.code) {
        // Every code object CPython made must match one of our blocks; we may have more, since
        // CPython drops the code of unreachable statements (after a return) and the table keeps it.
        const left = new Map<string, number>();
        for (const c of o.code) left.set(JSON.stringify(c), (left.get(JSON.stringify(c)) ?? 0) + 1);
        const missing: string[] = [];
        for (const c of ref.code) {
          const k = JSON.stringify(c);
          const n = left.get(k) ?? 0;
          if (n > 0) left.set(k, n - 1);
          else missing.push(k);
        }
        if (missing.length) bad.push(`${ref.path}: code objects no block of ours matches: ${missing.slice(0, 3).join(" ")}`);
      }
    }
    console.log(`${refs.length - bad.length} of ${refs.length} stdlib files identical (${compared} tables compared, ${rejected} rejected by CPython)`);
    expect(bad.slice(0, 10).join("\n\n")).toBe("");
  }, 120_000);
});

/** python3.11's outcome for each source: its symtable (symtable_dump.py's shape) or the SyntaxError of compile(). */
function referenceFor(
  sources: string[],
  mode: "exec" | "eval" | "single" = "exec",
): { table?: Table; error?: Ref["error"]; stError?: Ref["error"] }[] {
  const script = `
import json, sys, symtable, warnings
sys.path.insert(0, "tools")
from symtable_dump import dump
warnings.simplefilter("ignore")
def err(e):
    return [type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset]
mode, sources = json.loads(sys.stdin.read())
out = []
for src in sources:
    rec = {}
    try:
        rec["table"] = dump(symtable.symtable(src, "<case>", mode))
    except SyntaxError as e:
        rec["stError"] = err(e)
    try:
        compile(src, "<case>", mode)
    except SyntaxError as e:
        rec["error"] = err(e)
    out.append(rec)
print(json.dumps(out))
`;
  return pythonJson(script, JSON.stringify([mode, sources]));
}

// Every SyntaxError the symtable (and future.c) raises, at different positions and nestings.
const ERROR_CASES = [
  "def f(a, a): pass",
  "def f(a, *, b, **a): pass",
  "lambda x, x: 0",
  "class C:\n  def f(self, __a, _C__a): pass\n",
  "def f(a):\n  global a\n",
  "def f(a):\n  nonlocal a\n",
  "def f():\n  x = 1\n  global x\n",
  "def f():\n  print(x)\n  global x\n",
  "def f():\n  x: int\n  global x\n",
  "def g():\n  x = 1\n  def f():\n    x = 2\n    nonlocal x\n",
  "def g():\n  x = 1\n  def f():\n    print(x)\n    nonlocal x\n",
  "def g():\n  x = 1\n  def f():\n    x: int\n    nonlocal x\n",
  "def f():\n  global x\n  x: int = 3\n",
  "def g():\n  x = 1\n  def f():\n    nonlocal x\n    x: int\n",
  "x = 1\nglobal x\n",
  "def f():\n  nonlocal x\n",
  "nonlocal x\n",
  "class C:\n  nonlocal x\n",
  "def f():\n  global x\n  nonlocal x\n",
  "def f():\n    x = 1\n    def g():\n        global x; nonlocal x\n",
  "def f():\n  from os import *\n",
  "class C:\n  from os import *\n",
  "lambda: [i for i in x if (yield)]",
  "[(yield) for x in y]",
  "{(yield) for x in y}",
  "{x: (yield) for x in y}",
  "((yield from z) for x in y)",
  "def f():\n  return [(yield x) for x in y]\n",
  "class C:\n  [(y:=1) for x in z]\n",
  "class C:\n  def f(self):\n    pass\n  [(y:=1) for x in z]\n",
  "[(x:=1) for x in z]\n",
  "[[(x:=1) for y in z] for x in w]\n",
  "[i for i in (x:=z)]\n",
  "[i for i in z for j in (x:=w)]\n",
  "[i for i in [lambda: (x:=1)]]\n",
  "def f():\n  [[(j:=i) for i in range(3)] for j in range(5)]\n",
  "def f():\n  [(j:=0) for i in range(3) for j in range(5)]\n",
  "from __future__ import annotations\ndef f(x: (yield)): pass\n",
  "from __future__ import annotations\ndef f() -> (await x): pass\n",
  "from __future__ import annotations\ndef f(*a: (y := 3)): pass\n",
  "from __future__ import annotations\nx: (yield from y)\n",
  "from __future__ import annotations\nclass C:\n  x: (await y) = 1\n",
  "from __future__ import braces\n",
  "from __future__ import nope\n",
  "from __future__ import annotations, nope\n",
  '"doc"\nfrom __future__ import annotations; from __future__ import spam\n',
  "import os; from __future__ import annotations\n",
  "def f():\n  global é; é = 1\n  nonlocal é\n",
  "def f(é, é): pass\n",
  "x = 1; y = 2\ndef f():\n    x = 1\n    def g():\n        nonlocal y\n",
];

// Sources whose tables exercise annotations, walrus, __class__ cells, comprehensions and mangling.
const TABLE_CASES = [
  "from __future__ import annotations\ndef f(a: A, *b: B, c: C = d, **e: E) -> R: x: X = 1\n",
  "def f(a: A, *b: B, c: C = d, **e: E) -> R:\n  x: X = 1\n  (y): Y\n  z.w: Z\n",
  "from __future__ import annotations\nclass C:\n  x: [lambda: q for q in r]\n  y: int = 3\n",
  "def f():\n  [(y := i) for i in range(3)]\n  return y\n",
  "[(y := i) for i in range(3)]\n",
  "def f():\n  global y\n  [(y := i) for i in range(3)]\n",
  "class C:\n  def f(self):\n    super().f()\n  def g(self):\n    return __class__\n  __class__ = 1\n",
  "class __C:\n  __x = 1\n  def __f(self, __a, *__b, **__c): return self.__x + __a + __d__ + __\n",
  "class _:\n  __x = 1\nclass _C_:\n  import __y.z, __q as __r\n  __s = 2\n",
  "def f(x):\n  class C:\n    x = x\n    def g(self): return x\n  return C\n",
  "def a():\n  p = q = r = s = t = u = v = w = 1\n  def b():\n    def c():\n      return p, q, r, s, t, u, v, w, zz\n    return c\n  return b\n",
  "def f():\n  a = 1\n  def g():\n    nonlocal a\n    def h():\n      global a\n      return a\n  return g\n",
  "async def f():\n  return [x async for x in y]\n",
  "def f():\n  return {k: v for k, v in x if k for v in k}, (w for w in v)\n",
  "match x:\n  case {\"a\": A, **rest}: pass\n  case C(a, b=[*s]) | D(e) as f if g: pass\n",
  "try:\n  a\nexcept E as e:\n  b\nelse:\n  c\nfinally:\n  d\n",
  "def f():\n  with a as (b, c), d: e\n  del g\n  for h in i: j\n  else: k\n",
];

describe("symbol table errors and targeted tables", () => {
  it("raises python3.11's symtable and future SyntaxErrors, with its positions", () => {
    const refs = referenceFor(ERROR_CASES);
    const mismatches: string[] = [];
    ERROR_CASES.forEach((src, i) => {
      const ref = refs[i];
      // the error must come from the symtable stage (symtable.symtable raises it too)
      expect(ref.stError, `not a symtable error: ${JSON.stringify(src)}`).toBeDefined();
      expect(ref.error).toEqual(ref.stError);
      const o = ours(src, "<case>");
      if (!("error" in o) || JSON.stringify(o.error) !== JSON.stringify(ref.error)) {
        mismatches.push(`${JSON.stringify(src)}\n  ref  ${JSON.stringify(ref.error)}\n  ours ${JSON.stringify(o)}`);
      }
    });
    expect(mismatches.join("\n")).toBe("");
  });

  it("builds python3.11's tables for annotations, walrus, __class__, mangling and comprehensions", () => {
    const refs = referenceFor(TABLE_CASES);
    const mismatches: string[] = [];
    TABLE_CASES.forEach((src, i) => {
      expect(refs[i].table, `python3.11 rejected ${JSON.stringify(src)}`).toBeDefined();
      const o = ours(src, "<case>");
      if (!("table" in o)) mismatches.push(`${JSON.stringify(src)}: ours ${JSON.stringify(o)}`);
      else {
        const d = firstDiff(o.table, refs[i].table!);
        if (d) mismatches.push(`${JSON.stringify(src)}: ${d}`);
      }
    });
    expect(mismatches.join("\n")).toBe("");
  });

  it("builds python3.11's tables in eval and single modes", () => {
    for (const [mode, sources] of [
      ["eval", ["lambda a, *b: [a for c in b if (d := c)]", "(x for x in y)", "[(z := 1) for q in r]", "{k: v for k in a for v in k}"]],
      ["single", ["def f(): return g\n", "x = [y for y in z]\n", "class C: __a = __b\n"]],
    ] as const) {
      const refs = referenceFor([...sources], mode);
      sources.forEach((src, i) => {
        expect(refs[i].table, `python3.11 rejected ${JSON.stringify(src)}`).toBeDefined();
        const o = ours(src, "<case>", mode);
        expect("table" in o ? firstDiff(o.table, refs[i].table!) : JSON.stringify(o), `${mode}: ${JSON.stringify(src)}`).toBe("");
      });
    }
  });

  it("adds free names passing through a block in the iteration order of CPython's sets", () => {
    // Many names bound in an outer function and used two or three blocks down: each middle block
    // gets them as FREE symbols in set order (str hashes with PYTHONHASHSEED=0, dummies from cells).
    let seed = 12345;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const pool = [...Array.from({ length: 80 }, (_, i) => `n${i}`), "abc", "__class__", "self", "x", "zz", "__q"];
    const sample = (k: number) => {
      const p = [...pool];
      const out: string[] = [];
      for (let i = 0; i < k && p.length; i++) out.push(p.splice(rand(p.length), 1)[0]);
      return out;
    };
    const sources: string[] = [];
    for (let n = 0; n < 200; n++) {
      const lines = ["def outer():", `  ${sample(5 + rand(56)).join(" = ")} = 1`];
      for (let m = 0, mids = 1 + rand(3); m < mids; m++) {
        lines.push(rand(3) === 0 ? `  class Mid${m}:` : `  def mid${m}():`);
        lines.push(`    ${sample(1 + rand(15)).join(" = ")} = 2`);
        for (let j = 0, inners = 1 + rand(4); j < inners; j++) {
          lines.push(`    def inner${j}():`);
          if (rand(2)) lines.push(`      def deepest(): return ${sample(1 + rand(30)).join(", ")}`);
          lines.push(`      return ${sample(1 + rand(40)).join(", ")}`);
        }
      }
      sources.push(lines.join("\n") + "\n");
    }
    const refs = referenceFor(sources);
    const mismatches: string[] = [];
    sources.forEach((src, i) => {
      const o = ours(src, "<case>");
      const d = "table" in o && refs[i].table ? firstDiff(o.table, refs[i].table!) : JSON.stringify([o, refs[i]]);
      if (d) mismatches.push(`${src}${d}`);
    });
    expect(mismatches.slice(0, 3).join("\n")).toBe("");
  });
});

describe("symbol table nesting limit", () => {
  it("raises RecursionError where python3.11's compile() at module level does", () => {
    const script = `
import json
out = []
for n in (2992, 2993):
    try:
        compile("-" * n + "x", "<r>", "exec")
        out.append("ok")
    except RecursionError as e:
        out.append(str(e))
print(json.dumps(out))
`;
    const ref = pythonJson<string[]>(script);
    const got = [2992, 2993].map((n) => {
      const mod = parse("-".repeat(n) + "x", "<r>", "exec");
      try {
        buildSymtable(mod, "<r>", futureFeatures(mod, "<r>"));
        return "ok";
      } catch (e) {
        if (e instanceof PyError && e.pyType === "RecursionError") return e.pyMessage;
        throw e;
      }
    });
    expect(got).toEqual(ref);
    expect(ref).toEqual(["ok", "maximum recursion depth exceeded during compilation"]);
  });
});

describe("future features", () => {
  const SOURCES = [
    "x = 1\n",
    "from __future__ import annotations\n",
    '"doc"\nfrom __future__ import annotations\n',
    '"doc"\n"not doc"\nfrom __future__ import annotations\n',
    "from __future__ import barry_as_FLUFL, annotations\n",
    "from __future__ import (nested_scopes, generators, division, absolute_import, with_statement,\n print_function, unicode_literals, generator_stop)\n",
    "from __future__ import annotations as a\nfrom __future__ import division\n",
    "from __future__ import division; from __future__ import annotations\n",
    "import os\nfrom __future__ import annotations\n",
    "from __future__ import division\nimport os\nfrom __future__ import annotations\n",
    "from __future__ import division\ndef f():\n  from __future__ import annotations\n",
    "from os import path\nfrom __future__ import annotations\n",
    "from . import x\nfrom __future__ import annotations\n",
  ];

  it("turns on python3.11's CO_FUTURE flags, and marks where the leading future imports end", () => {
    const script = `
import json, sys
out = []
for src in json.loads(sys.stdin.read()):
    try:
        out.append({"flags": compile(src, "<f>", "exec").co_flags & 0x1400000})
    except SyntaxError as e:
        out.append({"error": [e.msg, e.lineno]})
print(json.dumps(out))
`;
    const refs = pythonJson<{ flags?: number; error?: [string, number] }[]>(script, JSON.stringify(SOURCES));
    SOURCES.forEach((src, i) => {
      const mod = parse(src, "<f>", "exec");
      const ff = futureFeatures(mod, "<f>");
      // compile.c rejects a future import (at any depth) on a line after the leading block's last one
      const late: { lineno: number }[] = [];
      const walk = (body: Stmt[]) => {
        for (const st of body) {
          if (st._type === "ImportFrom" && st.module === "__future__" && st.lineno > ff.lineno) late.push(st);
          if (st._type === "FunctionDef") walk(st.body);
        }
      };
      walk(mod.body);
      const o = late.length
        ? { error: ["from __future__ imports must occur at the beginning of the file", late[0].lineno] }
        : { flags: ff.features };
      expect(o, JSON.stringify(src)).toEqual(refs[i]);
      expect(ff.annotations).toBe(((ff.features & 0x1000000) !== 0));
    });
  });
});

describe("mangle", () => {
  it("gives the names python3.11 compiles into a class's code objects", () => {
    const classNames = ["C", "_C", "__C", "_", "___", "C_", "_C_D", "Ünï"];
    const names = ["__x", "_x", "x", "__x__", "__x_", "__", "___", "__é", "____", "__x.y"];
    const script = `
import json, sys
classes, names = json.loads(sys.stdin.read())
out = []
for c in classes:
    row = []
    for n in names:
        if "." in n:
            # only import statements hold dotted names: the binding is the first component
            src = f"class {c}:\\n  import {n}\\n"
            code = [k for k in compile(src, "<m>", "exec").co_consts if hasattr(k, "co_names")][0]
            row.append(code.co_names[-1])
        else:
            src = f"class {c}:\\n  {n} = 1\\n"
            code = [k for k in compile(src, "<m>", "exec").co_consts if hasattr(k, "co_names")][0]
            row.append(code.co_names[-1])
    out.append(row)
print(json.dumps(out))
`;
    const ref = pythonJson<string[][]>(script, JSON.stringify([classNames, names]));
    const got = classNames.map((c) =>
      names.map((n) => (n.includes(".") ? mangle(c, n.split(".")[0]) : mangle(c, n))),
    );
    expect(got).toEqual(ref);
    // a dotted name is left alone (import of a package), whatever the class
    expect(mangle("C", "__x.y")).toBe("__x.y");
    expect(mangle(null, "__x")).toBe("__x");
  });
});
