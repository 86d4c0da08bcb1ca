/**
 * unparseExpr against CPython 3.11's own unparser (Python/ast_unparse.c), reached through
 * `from __future__ import annotations`: python3.11 compiles `x: EXPR` and stores the unparsed text
 * in __annotations__['x']; we parse the same module and unparse its annotation.
 *
 * Expressions come from two places: every annotation in python3.11's standard library (its source
 * segment, found with python3.11's ast), and expressions generated here from node templates, each
 * template put into every hole of every other (with and without parentheses around it) so that
 * every node type meets every precedence level. Yield, await and := are refused directly in an
 * annotation but not inside a lambda's body, which is written at the same level: those are checked
 * as `x: lambda: (EXPR)`.
 */
import { describe, expect, it } from "vitest";
import { parse } from "../host/parser/parse.js";
import type { Expr, Stmt } from "../host/parser/ast.generated.js";
import { unparseExpr } from "../host/compiler/unparse.js";
import { spawn } from "node:child_process";
import { PYTHON } from "./support/python.js";

/**
 * Runs a python3.11 script that prints one JSON document, without blocking the event loop (the
 * stdlib walk takes about a minute; a synchronous spawn starves vitest's worker RPC).
 */
function pythonJson<T>(script: string, input = ""): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, ["-c", script], { env: { ...process.env, PYTHONHASHSEED: "0", PYTHONIOENCODING: "utf-8" } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) reject(new Error(`${PYTHON} exited ${code}:\n${Buffer.concat(err).toString()}`));
      else resolve(JSON.parse(Buffer.concat(out).toString("utf8")) as T);
    });
    child.stdin.end(input);
  });
}

/** What python3.11 stores for one candidate module, or why it refused it. */
interface Oracle {
  src: string;
  expected?: string;
  error?: string;
}

// Module sources in (one JSON list on stdin), one Oracle per source out: the first of the
// source's alternatives (separated by \0) that compiles.
const ORACLE = `
import json, sys, warnings
warnings.simplefilter("ignore")
def annotation(src):
    ns = {}
    exec(compile(src, "<annotation>", "exec"), ns)
    if "x" in ns.get("__annotations__", {}):
        return ns["__annotations__"]["x"]
    return ns["f"].__annotations__["a"]
out = []
for alts in json.load(sys.stdin):
    err = None
    for src in alts.split("\\0"):
        try:
            out.append({"src": src, "expected": annotation(src)})
            break
        except SyntaxError as e:
            err = f"{type(e).__name__}: {e.msg}"
    else:
        out.append({"src": alts, "error": err})
print(json.dumps(out))
`;

// Every annotation and every f-string of the stdlib (deduplicated source segments). Each becomes a
// module source below: `x: SEG`, or `x: (SEG)` for a segment that spans lines, or `def f(*a: SEG)`
// for a starred one (*Ts).
const STDLIB_SEGMENTS = `
import ast, json, sys, sysconfig, os, warnings
warnings.simplefilter("ignore")
root = sysconfig.get_paths()["stdlib"]
found = {"annotations": set(), "fstrings": set()}
for d, dirs, files in os.walk(root):
    dirs[:] = sorted(x for x in dirs if x not in ("site-packages", "__pycache__"))
    for name in sorted(files):
        if not name.endswith(".py"): continue
        try:
            text = open(os.path.join(d, name), encoding="utf-8").read()
            tree = ast.parse(text)
        except (SyntaxError, ValueError, UnicodeDecodeError):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.AnnAssign): anns = [node.annotation]
            elif isinstance(node, ast.arg): anns = [node.annotation]
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)): anns = [node.returns]
            else: anns = []
            for a in anns:
                if a is not None: found["annotations"].add(ast.get_source_segment(text, a))
            if isinstance(node, ast.JoinedStr):
                found["fstrings"].add(ast.get_source_segment(text, node))
print(json.dumps({k: sorted(v - {None}) for k, v in found.items()}))
`;

interface StdlibSegments {
  annotations: string[];
  fstrings: string[];
}

let stdlibSegments: Promise<StdlibSegments> | null = null;
function stdlib(): Promise<StdlibSegments> {
  stdlibSegments ??= pythonJson<StdlibSegments>(STDLIB_SEGMENTS);
  return stdlibSegments;
}

const FUTURE = "from __future__ import annotations\n";

function alternatives(expr: string): string {
  return [
    `${FUTURE}x: ${expr}\n`,
    `${FUTURE}x: (${expr})\n`,
    `${FUTURE}def f(*a: ${expr}): pass\n`,
    `${FUTURE}x: lambda: (${expr})\n`,
  ].join("\0");
}

/** The annotation of the module's second statement (`x: ...` or `def f(*a: ...)`). */
function annotationOf(src: string): Expr {
  const stmt: Stmt = parse(src, "<annotation>").body[1];
  if (stmt._type === "AnnAssign") return stmt.annotation;
  if (stmt._type === "FunctionDef" && stmt.args.vararg?.annotation) return stmt.args.vararg.annotation;
  throw new Error(`no annotation in ${JSON.stringify(src)}`);
}

/** Runs the oracle and our unparser; returns the accepted count and the mismatches. */
async function compare(
  exprs: readonly string[],
): Promise<{ accepted: number; refused: number; bad: string[]; reasons: Map<string, number> }> {
  const results = await pythonJson<Oracle[]>(ORACLE, JSON.stringify(exprs.map(alternatives)));
  expect(results.length).toBe(exprs.length);
  let accepted = 0;
  let refused = 0;
  const bad: string[] = [];
  const reasons = new Map<string, number>(); // CPython's refusals, by message

  for (const r of results) {
    if (r.error !== undefined) {
      refused++;
      reasons.set(r.error, (reasons.get(r.error) ?? 0) + 1);
      continue;
    }
    accepted++;
    let got: string;
    try {
      got = unparseExpr(annotationOf(r.src));
    } catch (e) {
      got = `<raised ${String(e)}>`;
    }
    if (got !== r.expected) bad.push(`${JSON.stringify(r.src)}\n  python: ${JSON.stringify(r.expected)}\n  ours:   ${JSON.stringify(got)}`);
  }
  return { accepted, refused, bad, reasons };
}

// ---------------------------------------------------------------------------------------------
// generated expressions: templates whose holes (_) take other templates

const TEMPLATES = [
  // boolean, comparison, not
  "_ or _", "_ and _", "_ or _ or _", "_ and _ and _", "not _",
  "_ < _", "_ == _ != _", "_ is _", "_ is not _", "_ in _", "_ not in _", "_ < _ <= _ > _ >= _",
  // binary operators, by precedence group
  "_ | _", "_ ^ _", "_ & _", "_ << _", "_ >> _", "_ + _", "_ - _",
  "_ * _", "_ @ _", "_ / _", "_ % _", "_ // _", "_ ** _",
  // unary
  "-_", "+_", "~_",
  // await, lambda, conditional
  "await _", "lambda: _", "lambda x, /, y=_, *a, z=_, w, **k: _", "lambda *a: _", "lambda *, k: _",
  "lambda **k: _", "lambda x=_: _", "_ if _ else _",
  // displays
  "{_: _, **_}", "{**_}", "{_, _}", "{_}", "[_, _]", "[]", "{}", "(_, _)", "(_,)", "()", "[*_, _]", "{*_}",
  // comprehensions
  "[_ for x in _ if _ if _]", "{_ for x, y in _}", "{_: _ for x in _ for y in _}", "(_ for x in _)",
  "[x async for x in _]", "[x for x, in _]", "[x for (x, y) in _ if _]",
  // generators
  "(yield _)", "(yield from _)", "(yield)", "(yield _, _)",
  // calls
  "f(_, *_, k=_, **_)", "f(_)", "_()", "_(x for x in y)", "f(_ for x in _)", "f(*_)", "f(**_)",
  // trailers
  "_.attr", "_[_]", "_[_:_:_]", "_[_:]", "_[:_]", "_[::_]", "_[:]", "_[_, _:_]", "_[_,]", "_[*_]",
  "_[*_, _]", "_[()]", "[*_]",
  // assignment expression
  "(x := _)", "[y := _, _]",
  // f-strings
  "f'{_}'", "f'{_!r}'", "f'{_!s:>10}'", "f'{_!a:{_}.{_}}'", "f'a{{b}}{_}c'", "f'{_=}'",
];

const ATOMS = [
  "a", "1", "0", "10**100", "1.5", "1.0", "1e400", "-1e400", "2j", "1e400j", "0.1", "1e-7", "1e22",
  "0x10", "1_000", "'s'", "\"it's\"", "'\"'", "'\\''", "b'b'", "b\"'\"", "...", "None", "True", "False",
  "u's'", "'a' 'b'", "'\\n\\t\\x00\\u1234\\U0001f600'", "'\\ud800'", "f'{a}'", "f'{a}' 'b'", "a.b", "a[b]",
];

// Strings and f-strings: quote choice, escapes, braces, nesting, format specs.
const STRINGS = [
  "f'{a!r}'", "f\"{a}'\"", "f'{a}\"'", "f'''{a}'\"'''", "f'\\n{a}\\\\'", "f'{{'", "f'}}'", "f'{{{a}}}'",
  "f'{a:{b}}'", "f'{a:{b:{c}}}'", "f'{a:>{b}{{}}}'", "f'{f\"{a}\"}'", "f'{\"{\"}'", "f'{ {a} }'", "f'{ {a: b} }'",
  "f'{(lambda: 1)}'", "f'{a if b else c}'", "f'{(a, b)}'", "f'{a, b}'", "f'{a=!s}'", "f'{a = }'",
  "f'{a:%H:%M}'", "f'{3.14:.2f}'", "f'{a!r:^{w}.{p}f}x{b}'", "f''", "f'plain'", "f'{a}' f'{b}'",
  "f'\\x00{a}\\u00e9\\U0001f600'", "f'\\ud800{a}'", "f'{\"\\\\n\"}'", "f'{a:\\n}'", "f'{a!r:{{}}}'",
  "'\\\\'", "'\\x7f\\x80\\xa0\\xad'", "'é'", "'\\u2028'", "b'\\x00\\xff\\\\\\''", "rb'\\d'", "'''a\nb'''",
  "'\\ud83d\\ude00'", "f'\\ud83d\\ude00{a}'",
];

function fill(template: string, fillers: readonly string[]): string {
  let i = 0;
  return template.replace(/_/g, () => fillers[i++ % fillers.length]);
}

/** Every template in every hole of every template, parenthesised and bare; the atoms likewise. */
function generated(): string[] {
  const out = new Set<string>();
  const inners = [...TEMPLATES.map((t) => fill(t, ["b", "c", "d"])), ...ATOMS];
  for (const outer of TEMPLATES) {
    const holes = outer.split("_").length - 1;
    out.add(fill(outer, ["a", "b", "c", "d"]));
    for (let h = 0; h < holes; h++) {
      for (const inner of inners) {
        for (const piece of [`(${inner})`, inner]) {
          let k = 0;
          out.add(outer.replace(/_/g, () => (k++ === h ? piece : "xyz"[k % 3])));
        }
      }
    }
  }
  for (const s of STRINGS) out.add(s);
  return [...out];
}

describe("unparseExpr (ast_unparse.c)", () => {
  it("writes every generated expression as python3.11 does", async () => {
    const exprs = generated();
    const { accepted, refused, bad, reasons } = await compare(exprs);
    console.log(`generated: ${accepted - bad.length} of ${accepted} identical (${refused} of ${exprs.length} refused by CPython)`);
    console.log("refusals:", [...reasons].sort((a, b) => b[1] - a[1]).map(([m, n]) => `${n} × ${m}`).join("; "));
    expect(accepted).toBeGreaterThan(5000);
    expect(bad.slice(0, 20).join("\n")).toBe("");
    expect(bad.length).toBe(0);
  }, 300_000);

  it("writes every annotation of the standard library as python3.11 does", async () => {
    const segs = (await stdlib()).annotations;
    expect(segs.length).toBeGreaterThan(400);
    const { accepted, refused, bad } = await compare(segs);
    console.log(`stdlib annotations: ${accepted - bad.length} of ${accepted} distinct ones identical (${refused} refused by CPython)`);
    expect(refused).toBe(0);
    expect(bad.slice(0, 20).join("\n")).toBe("");
    expect(bad.length).toBe(0);
  }, 600_000);

  it("writes every f-string of the standard library, as an annotation, as python3.11 does", async () => {
    const segs = (await stdlib()).fstrings;
    expect(segs.length).toBeGreaterThan(2000);
    const { accepted, refused, bad } = await compare(segs);
    console.log(`stdlib f-strings: ${accepted - bad.length} of ${accepted} distinct ones identical (${refused} refused by CPython)`);
    expect(refused).toBe(0);
    expect(bad.slice(0, 20).join("\n")).toBe("");
    expect(bad.length).toBe(0);
  }, 600_000);

  it("fails on a wrong unparse (the oracle is really consulted)", async () => {
    const [r] = await pythonJson<Oracle[]>(ORACLE, JSON.stringify([alternatives("(a or b) and c")]));
    expect(r.expected).toBe(unparseExpr(annotationOf(r.src)));
    expect(r.expected).not.toBe("a or b and c");
  });
});
