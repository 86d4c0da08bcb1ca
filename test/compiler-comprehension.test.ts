/**
 * Comprehensions and generator expressions (host/compiler/codegen-comprehension.ts) against
 * python3.11: each source is compiled by ours and by CPython (read back through host/marshal.ts),
 * and every code object of the tree must be identical field by field (test/support/code-diff.ts).
 * The sources cover list/set/dict comprehensions and generator expressions, nested `for`s and `if`s,
 * the `for y in [expr]` shortcut, closures, walrus targets, class scopes (mangled names), async
 * comprehensions (`async for`, `await`, awaited from an async function) and async generator
 * expressions. The compile-time errors are compared with CPython's SyntaxError: message and span.
 */
import { describe, expect, it } from "vitest";
import { CodeObject } from "../host/code.js";
import { compile } from "../host/compiler/compile.js";
import { loads } from "../host/marshal.js";
import { PySyntaxError } from "../host/parser/syntax-error.js";
import { diffCode, formatPairDiff } from "./support/code-diff.js";
import { pythonJson } from "./support/python.js";

const FILENAME = "<comprehension>";

const SOURCES: Record<string, string> = {
  "list, set, dict and generator at module level": `
a = [x for x in range(3)]
b = {x: y for x, y in z if x if y}
c = {x * y for x in a for y in b if x}
d = (x for x in a)
`,
  "nested fors and ifs with boolean and chained conditions": `
def multi(a, b):
    return [(i, j) for i in a if i if not i for j in b for k in [i, j] if j > i > 0 or k]
`,
  "the for-y-in-[expr] shortcut, its tuple form, and a starred element that disables it": `
def f(q):
    return [x + q for x in q for z in (x,) if z], [y for x in q for y in [x]], [q for x in q for q in [*x]]
`,
  "unpacking targets": `
def nested_tuple(a):
    return [x for x, (y, *z) in a for w in (y,)], {k: v for (k, v), *_ in a}
`,
  "closures: lambdas in a comprehension, comprehensions in nested functions": `
def outer(n):
    def inner():
        return [lambda: i + n for i in range(n)]
    return inner, {k: [v for v in k if v != n] for k in n}
`,
  "walrus inside a comprehension binds in the enclosing function": `
def walrus(xs):
    ys = [y for x in xs if (y := x * 2) > 3]
    return ys, y
`,
  "generator expressions as arguments, nested generator expressions": `
def g(a):
    return sum(x * x for x in a if x), ((x for x in y) for y in a), list(x for x in a)
`,
  "comprehensions in comprehensions": `
def h():
    return [[j for j in range(i)] for i in range(3)], {i: {j for j in range(i)} for i in range(4)}
`,
  "class bodies: mangled names and the outermost iterable evaluated in the class": `
class K:
    __p = [1]
    v = [__p for _ in range(2)]
    w = [x for x in __p]

    def m(self):
        return [self.__p for _ in self.__p]
`,
  "multi-line comprehensions (positions)": `
z = sum(x*x
        for x in range(10)
        if x)
w = [
    i
    for i in
    range(3)
]
d = {
    k:
    v
    for k, v in
    z
}
`,
  "async comprehensions in an async function": `
async def acomp(it, other):
    return [a + b async for a in it for b in other], {a: b async for a, b in it}, {a async for a in it if a}
`,
  "await inside a comprehension": `
async def aw(it):
    return [await x for x in it], (await x for x in it), {await k: await v for k, v in it}
`,
  "async generator expressions": `
async def agen(it):
    return (await z async for z in it if await z), (x async for x in it)
def plain(it):
    return (x async for x in it)
`,
  "an async comprehension inside a comprehension": `
async def inner_async(it):
    return [[y async for y in x] for x in it], [y for x in it async for y in x]
`,
};

const ERRORS: Record<string, string> = {
  "async list comprehension at module level": "[x async for x in y]\n",
  "async list comprehension in a plain function": "def f():\n    return [x async for x in y]\n",
  "await in a comprehension in a plain function": "def f():\n  return [await x for x in y]\n",
  "async comprehension nested in a plain function's dict comprehension": "def f():\n  return {x: [y async for y in x] for x in z}\n",
  "yield inside a list comprehension": "def f():\n  return [(yield x) for x in y]\n",
};

interface PyCompiled {
  code: string | null;
  error: [string, number, number, number, number] | null;
}

const ORACLE = String.raw`
import json, marshal, sys, warnings
warnings.simplefilter("ignore")
out = {}
for label, src in json.loads(sys.stdin.read()).items():
    try:
        out[label] = {"code": marshal.dumps(compile(src, sys.argv[1], "exec", dont_inherit=True)).hex(), "error": None}
    except SyntaxError as e:
        out[label] = {"code": None, "error": [e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset]}
print(json.dumps(out))
`;

function cpython(sources: Record<string, string>): Record<string, PyCompiled> {
  return pythonJson(ORACLE.replace("sys.argv[1]", JSON.stringify(FILENAME)), JSON.stringify(sources));
}

function load(hex: string): CodeObject {
  const code = loads(Uint8Array.from(Buffer.from(hex, "hex")));
  if (!(code instanceof CodeObject)) throw new Error("not a code object");
  return code;
}

function codeNames(co: CodeObject): string[] {
  return [co.co_name, ...co.co_consts.flatMap((c) => (c instanceof CodeObject ? codeNames(c) : []))];
}

const theirs = cpython(SOURCES);
const theirErrors = cpython(ERRORS);

describe("comprehension code objects are CPython 3.11's, field by field", () => {
  it.each(Object.keys(SOURCES))("%s", (label) => {
    const want = theirs[label];
    expect(want.error).toBeNull();
    const ours = compile(SOURCES[label], FILENAME, "exec");
    const diff = diffCode(ours, load(want.code!));
    const differing = diff.pairs.filter((p) => p.fields.length > 0).map(formatPairDiff);
    expect(differing).toEqual([]);
    expect(diff.identical).toBe(diff.pairs.length);
  });

  it("the sources make every kind of comprehension code object", () => {
    const names = new Set(Object.values(theirs).flatMap((t) => codeNames(load(t.code!))));
    for (const n of ["<listcomp>", "<setcomp>", "<dictcomp>", "<genexpr>"]) expect(names).toContain(n);
  });
});

describe("comprehension compile errors are CPython 3.11's", () => {
  it.each(Object.keys(ERRORS))("%s", (label) => {
    const want = theirErrors[label].error;
    expect(want).not.toBeNull();
    let got: unknown = null;
    try {
      compile(ERRORS[label], FILENAME, "exec");
    } catch (e) {
      got = e;
    }
    expect(got).toBeInstanceOf(PySyntaxError);
    const err = got as PySyntaxError;
    expect([err.message.replace(/^SyntaxError: /, ""), err.lineno, err.offset, err.endLineno, err.endOffset]).toEqual(want);
  });
});
