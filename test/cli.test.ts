// The pyvm command line, run as a user runs it: the built dist/cli.js (npm test builds first).
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runPython, PYTHON } from "./support/python.js";
import { normalizeAddresses } from "./support/digests.js";

const dir = mkdtempSync(join(tmpdir(), "pyvm-cli-"));
const source = join(dir, "hello.py");
writeFileSync(
  source,
  `import sys

def greet(name, *, punctuation="!"):
    try:
        return f"hello, {name}{punctuation}"
    except TypeError as exc:
        raise ValueError("bad name") from exc

class Greeter:
    def __init__(self, names):
        self.names = [n.title() for n in names if n]

print(greet("world"), {1, 2, "x"}, 1e16, 2**100)
`,
);
const pyc = join(dir, "hello.pyc");
runPython(`import py_compile, sys; py_compile.compile(sys.argv[1], cfile=sys.argv[2], doraise=True)`, undefined, [source, pyc]);

function pyvm(...args: string[]) {
  return spawnSync(process.execPath, ["dist/cli.js", ...args], { encoding: "utf8" });
}

describe("pyvm CLI", () => {
  it("run executes a .pyc and a .py on the WASM VM with CPython's output and exit status", () => {
    const prog = join(dir, "exits.py");
    writeFileSync(prog, "import sys\nprint('hi', sum(range(10)))\nprint('err', file=sys.stderr)\nsys.exit(3)\n");
    const want = spawnSync(PYTHON, [prog], { encoding: "utf8" });
    const got = pyvm("run", prog);
    expect({ out: got.stdout, err: got.stderr, status: got.status }).toEqual({ out: want.stdout, err: want.stderr, status: want.status });
    const fromPyc = pyvm("run", pyc);
    const wantHello = spawnSync(PYTHON, [source], { encoding: "utf8", env: { ...process.env, PYTHONHASHSEED: "0" } });
    expect({ out: fromPyc.stdout, status: fromPyc.status }).toEqual({ out: wantHello.stdout, status: 0 });
  });

  it("dis prints what CPython's dis prints for the .pyc's code object", () => {
    const expected = runPython(
      `import dis, marshal, sys
data = open(sys.argv[1], "rb").read()
dis.dis(marshal.loads(data[16:]))`,
      undefined,
      [pyc],
    ).toString();
    const res = pyvm("dis", pyc);
    expect(res.stderr).toBe("");
    expect(res.status).toBe(0);
    expect(normalizeAddresses(res.stdout)).toBe(normalizeAddresses(expected));
  });

  it("marshal-info shows the header and the code object tree", () => {
    const res = pyvm("marshal-info", pyc);
    expect(res.status).toBe(0);
    expect(res.stdout).toContain("magic:       3495 (CPython 3.11)");
    expect(res.stdout).toContain("invalidation: timestamp");
    expect(res.stdout).toMatch(/^ {2}<module> \(line 1\)/m);
    expect(res.stdout).toMatch(/^ {4}greet \(line 3\)/m);
    expect(res.stdout).toMatch(/^ {8}Greeter\.__init__\.<locals>\.<listcomp> \(line 11\)/m);
  });

  it("refuses a .pyc of another Python version, saying which", () => {
    const bytes = readFileSync(pyc);
    const other = join(dir, "old.pyc");
    writeFileSync(other, Buffer.concat([Buffer.from([0x6f, 0x0d, 0x0d, 0x0a]), bytes.subarray(4)])); // 3439: 3.10
    const res = pyvm("dis", other);
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/^ImportError: .*3\.10/);
  });

  it("reports corrupt marshal data as CPython's exception", () => {
    const bytes = readFileSync(pyc);
    const cut = join(dir, "cut.pyc");
    writeFileSync(cut, bytes.subarray(0, 40));
    const res = pyvm("dis", cut);
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/^EOFError: /);
  });

  it("ast prints ast.dump(ast.parse(...), include_attributes=True)", () => {
    const want = runPython(
      `import ast, sys; print(ast.dump(ast.parse(open(sys.argv[1], "rb").read(), sys.argv[1]), include_attributes=True))`,
      undefined,
      [source],
    ).toString("utf8");
    const res = pyvm("ast", source);
    expect(res.stderr).toBe("");
    expect(res.status).toBe(0);
    expect(res.stdout).toBe(want);
  });

  // Each snippet in a file of its own: pyvm ast prints to stderr what python3.11 FILE.py prints.
  const BAD: Record<string, string> = {
    unclosed: "x = (1, 2\n",
    invalid: "if x:\n        y = 1 +* 2\n",
    tab_indented: "def f():\n\treturn 1 2\n",
    unexpected_indent: "x = 1\n  y = 2\n",
    print_statement: 'print "hello"\n',
    genexp_arg: "f(a for a in b, c)\n",
    unterminated: "s = 'abc\n",
    never_closed_later: "x = [1, 2, 3\ny = 4\nz = 5\n",
    non_ascii_before: "s = 'héllo' + * 2\n",
    assign_literal: "1 = x\n",
    missing_colon: "while True\n    pass\n",
    expected_block: "for x in y:\npass\n",
    unindent: "if x:\n        a\n    b\n",
    tab_error: "if x:\n        a\n\tb\n",
    multi_line_span: "f(**k, *a)\n",
    fstring: "f'{}'\n",
  };
  it.each(Object.keys(BAD))("ast reports a syntax error as python3.11 does: %s", (name) => {
    const file = join(dir, `bad_${name}.py`);
    writeFileSync(file, BAD[name]);
    const want = spawnSync(PYTHON, [file], { encoding: "utf8", env: { ...process.env, PYTHONHASHSEED: "0" } });
    const res = pyvm("ast", file);
    expect({ stderr: res.stderr, status: res.status }).toEqual({ stderr: want.stderr, status: want.status });
  });

  it("explains usage", () => {
    expect(pyvm("--help").stdout).toContain("usage: pyvm");
    expect(pyvm().status).toBe(2);
    expect(pyvm("dis", join(dir, "missing.pyc")).stderr).toContain("No such file");
  });

  it("compile writes a .pyc that python3.11 runs, and dis FILE.py shows what python3.11's dis shows", () => {
    const prog = join(dir, "comp.py");
    writeFileSync(prog, "def f(n, *a, k=2, **kw):\n    try:\n        return [i * k for i in range(n)]\n    finally:\n        print('f', a, kw)\nprint(f(3, 1, x=2))\n");
    const out = join(dir, "comp-ours.pyc");
    expect(pyvm("compile", prog, "-o", out).status).toBe(0);
    const ran = spawnSync(PYTHON, [out], { encoding: "utf8", env: { ...process.env, PYTHONHASHSEED: "0" } });
    const want = spawnSync(PYTHON, [prog], { encoding: "utf8", env: { ...process.env, PYTHONHASHSEED: "0" } });
    expect({ out: ran.stdout, err: ran.stderr, status: ran.status }).toEqual({ out: want.stdout, err: want.stderr, status: want.status });
    expect(pyvm("compile", prog).status).toBe(0);
    expect(readFileSync(join(dir, "__pycache__", "comp.cpython-311.pyc")).length).toBeGreaterThan(16);
    const ours = pyvm("dis", prog);
    const theirs = runPython("import dis, sys; dis.dis(compile(open(sys.argv[1], 'rb').read(), sys.argv[1], 'exec'))", undefined, [prog]).toString();
    expect(normalizeAddresses(ours.stdout)).toEqual(normalizeAddresses(theirs));
  });
});
