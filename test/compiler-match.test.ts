/**
 * `match` statements (host/compiler/codegen-match.ts) against python3.11: sources covering every
 * pattern kind must compile to code objects identical field by field to CPython's, the functions
 * of python3.11's test/test_patma.py that contain a match statement too, and the SyntaxErrors the
 * compiler raises for patterns must carry CPython's message and position.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CodeObject } from "../host/code.js";
import { loads } from "../host/marshal.js";
import { compile } from "../host/compiler/compile.js";
import { PySyntaxError } from "../host/parser/syntax-error.js";
import { diffCode, formatPairDiff } from "./support/code-diff.js";
import { pythonJson, runPython } from "./support/python.js";

/** Each source is compiled as a whole module (its functions are nested code objects). */
const SOURCES: Record<string, string> = {
  "values, singletons and a trailing wildcard": `
def f(x):
    match x:
        case 1:
            return "one"
        case -2.5 | 3j | -1+2j:
            return "num"
        case "s" | b"b":
            return "str"
        case None:
            return None
        case True:
            return 1
        case a.b.c:
            return 2
        case _:
            return 0
`,
  "captures, as-patterns and guards": `
def f(x, y):
    match x:
        case 0 as z if z:
            return z
        case (1 | 2) as w:
            return w
        case v if v > y:
            return v
        case q:
            return -q
`,
  "sequences: fixed length, stars, wildcards, subscripts": `
def f(x):
    match x:
        case []:
            return 0
        case [_]:
            return 1
        case [a, b]:
            return a + b
        case [a, *rest]:
            return rest
        case [*init, last]:
            return last
        case [a, *_, z]:
            return a, z
        case [_, *_, _, q]:
            return q
        case (*_,):
            return -1
        case [*_, [1, *m]]:
            return m
`,
  "mappings with literal and attribute keys, and **rest": `
def f(x):
    match x:
        case {}:
            return 0
        case {"a": 1, "b": b}:
            return b
        case {1: a, C.k: [c, d], **rest}:
            return a, c, d, rest
        case {**rest}:
            return rest
        case {b"k": _, None: {"n": n}}:
            return n
`,
  "class patterns: positional and keyword sub-patterns": `
def f(x):
    match x:
        case C():
            return 0
        case C(1, 2):
            return 1
        case C(a, b=2, c=c):
            return a, c
        case m.D(_, y=_, z=[*zs]):
            return zs
        case int(n) | float(n):
            return n
`,
  "or-patterns: reordered captures, nesting, irrefutable last alternative": `
def f(x):
    match x:
        case [a, b] | [b, a, _] | {"k": (b, a)}:
            return a, b
        case (1, (p, q) | [q, p]) | C(p, q=q):
            return p, q
        case [e, (1 | 2 | 3) as g] | [g, e]:
            return e, g
        case {"x": s} | [s] | s:
            return s
`,
  "match at module level, in a class, with a default only": `
match command.split():
    case [action]:
        x = 1
    case [action, obj]:
        x = 2
    case Point(x=0, y=0):
        print("Origin")
    case _:
        x = 3
class K:
    match y:
        case {"a": a}:
            z = a
        case _:
            z = 0
    def m(self):
        return self
def g(v):
    match v:
        case _:
            return 1
def h(v):
    match v:
        case _ if v:
            return 1
    return 2
`,
  "bodies with loops, break/continue, nested match": `
def f(items):
    out = []
    for it in items:
        match it:
            case [x, *_] if x is None:
                continue
            case {"stop": True}:
                break
            case [a, [b, c]]:
                match b:
                    case 1 | 2:
                        out.append(c)
                    case other:
                        out.append(other)
            case str() as s:
                out.append(s)
    return out
`,
  "closures and globals capture into the right scope": `
def outer(x):
    match x:
        case [a, *b]:
            def inner():
                return a, b
            return inner
def setg(x):
    global G
    match x:
        case [G, *_]:
            return G
`,
};

interface PyCompiled {
  code?: string;
  error?: [string, number, number, number, number];
}

/** CPython compiles every source; code objects come back marshalled (hex), errors as their fields. */
const COMPILE = String.raw`
import json, marshal, sys
out = []
for src in json.loads(sys.stdin.read()):
    try:
        out.append({"code": marshal.dumps(compile(src, "<match>", "exec", dont_inherit=True)).hex()})
    except SyntaxError as e:
        out.append({"error": [e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset]})
print(json.dumps(out))
`;

function cpython(sources: string[]): PyCompiled[] {
  return pythonJson<PyCompiled[]>(COMPILE, JSON.stringify(sources));
}

function load(hex: string): CodeObject {
  const code = loads(Uint8Array.from(Buffer.from(hex, "hex")));
  if (!(code instanceof CodeObject)) throw new Error("not a code object");
  return code;
}

function mismatches(ours: CodeObject, theirs: CodeObject, keep: (qualname: string, firstlineno: number) => boolean = () => true): string[] {
  return diffCode(ours, theirs)
    .pairs.filter((p) => keep(p.qualname, p.firstlineno) && p.fields.length > 0)
    .map(formatPairDiff);
}

describe("match statements compile as python3.11 compiles them", () => {
  const labels = Object.keys(SOURCES);
  const theirs = cpython(labels.map((l) => SOURCES[l]));

  it.each(labels.map((l, i) => [l, i] as const))("%s", (label, i) => {
    expect(theirs[i].code, `CPython rejected ${label}`).toBeDefined();
    const ours = compile(SOURCES[label], "<match>", "exec");
    const cpy = load(theirs[i].code!);
    // more than the module: the sources' functions are compared too
    expect(diffCode(ours, cpy).pairs.length).toBeGreaterThan(1);
    expect(mismatches(ours, cpy)).toEqual([]);
  });
});

/** Patterns the compiler rejects (and a few near misses it must accept). */
const ERRORS: string[] = [
  "match x:\n case __debug__: pass\n",
  "match x:\n case {1: a, True: b}: pass\n",
  "match x:\n case {1: a, 1.0: b}: pass\n",
  "match x:\n case {'a': a, 'a': b}: pass\n",
  "match x:\n case {0: a, -0.0: b}: pass\n",
  "match x:\n case {1j: a, 1j: b}: pass\n",
  "match x:\n case {b'x': a, 'x': b}: pass\n",
  "match x:\n case {None: a, None: b}: pass\n",
  "match x:\n case _ as _: pass\n",
  "match x:\n case C(a=1, b=2, a=3): pass\n",
  "match x:\n case C(__debug__=1): pass\n",
  "match x:\n case [a, a]: pass\n",
  "match x:\n case [a, *a]: pass\n",
  "match x:\n case {'k': a, **a}: pass\n",
  "match x:\n case (a as b) | (b as a) | [a]: pass\n",
  "match x:\n case [a] | (b): pass\n",
  "match x:\n case [a] | [b, c]: pass\n",
  "match x:\n case [a, b] | [b, c]: pass\n",
  "match x:\n case [a, (b | b)]: pass\n",
  "match x:\n case ([a] | [a]) as a: pass\n",
  "match x:\n case [a, ([a] | [a])]: pass\n",
  "match x:\n case y:\n  pass\n case 1: pass\n",
  "match x:\n case _:\n  pass\n case 1: pass\n",
  "match x:\n case y if y: pass\n case 1: pass\n",
  "match x:\n case (1 | y | 2): pass\n",
  "match x:\n case (1 | _ | 2): pass\n",
  "match x:\n case (y | 1): pass\n",
  "match x:\n case 1 | (y as z): pass\n case 2: pass\n",
  "match x:\n case [*a, *b]: pass\n",
  "match x:\n case {1: _, **__debug__}: pass\n",
  "match x:\n case [*__debug__]: pass\n",
  "match x:\n case 1 as __debug__: pass\n",
  "match x:\n case C(x=y, x=z): pass\n",
  "def f():\n  match x:\n   case [\n     a,\n     a]: pass\n",
  "match x:\n case {'k': f'x'}: pass\n",
  "match x:\n case f'x': pass\n",
  "match x:\n case a.b | c: pass\n case 2: pass\n",
];

describe("the compiler's pattern SyntaxErrors", () => {
  const theirs = cpython(ERRORS);

  it("python3.11 rejects most of them", () => {
    expect(theirs.filter((t) => t.error).length).toBeGreaterThan(30);
  });

  it.each(ERRORS.map((s, i) => [JSON.stringify(s), i] as const))("%s", (_label, i) => {
    let ours: PyCompiled;
    try {
      compile(ERRORS[i], "<match>", "exec");
      ours = {};
    } catch (e) {
      if (!(e instanceof PySyntaxError)) throw e;
      ours = { error: [e.pyMessage, e.lineno!, e.offset!, e.endLineno!, e.endOffset!] };
    }
    expect(ours.error ?? null).toEqual(theirs[i].error ?? null);
  });
});

const PATMA = "/root/.pyenv/versions/3.11.7/lib/python3.11/test/test_patma.py";

/** (co_qualname, co_firstlineno) of every code object whose own body holds a match statement. */
const MATCH_SCOPES = String.raw`
import ast, json, sys
tree = ast.parse(open(sys.argv[1], "rb").read())
found = set()
def walk(node, scope):
    for child in ast.iter_child_nodes(node):
        if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            first = child.decorator_list[0].lineno if getattr(child, "decorator_list", None) else child.lineno
            name = child.name if not isinstance(child, ast.Lambda) else "<lambda>"
            walk(child, (scope[0] + [name] + ([] if isinstance(child, ast.ClassDef) else ["<locals>"]), first))
        else:
            if isinstance(child, ast.Match):
                found.add((".".join(n for n in scope[0] if n) .removesuffix(".<locals>") or "<module>", scope[1]))
            walk(child, scope)
walk(tree, ([], 1))
print(json.dumps(sorted(found)))
`;

describe("python3.11's test/test_patma.py", () => {
  it("every code object holding a match statement is identical to CPython's", () => {
    const scopes = JSON.parse(runPython(MATCH_SCOPES, undefined, [PATMA]).toString("utf8")) as [string, number][];
    expect(scopes.length).toBeGreaterThan(200);
    const wanted = new Set(scopes.map(([q, line]) => `${q}@${line}`));
    const source = readFileSync(PATMA);
    const hex = runPython(COMPILE_FILE, source, [PATMA]).toString("utf8").trim();
    const ours = compile(source, PATMA, "exec");
    const diff = diffCode(ours, load(hex));
    // every wanted scope is found among the pairs, so none is skipped by a naming slip
    const seen = new Set(diff.pairs.map((p) => `${p.qualname}@${p.firstlineno}`));
    expect([...wanted].filter((w) => !seen.has(w))).toEqual([]);
    expect(mismatches(ours, load(hex), (q, line) => wanted.has(`${q}@${line}`))).toEqual([]);
  }, 120_000);
});

/** One file, compiled under its own path; the code object marshalled, as hex. */
const COMPILE_FILE = String.raw`
import marshal, sys
print(marshal.dumps(compile(sys.stdin.buffer.read(), sys.argv[1], "exec", dont_inherit=True)).hex())
`;
