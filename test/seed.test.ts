/**
 * The examples of ../shared/seed/code-objects.txt that only inspect a code object. Each example is
 * the seed's own source; CPython 3.11 runs it and prints (expected output), and also compiles and
 * marshals its definitions; our side loads that code object and prints the same values with our
 * repr. Examples that need a running VM (types.FunctionType calls, __closure__, __defaults__) and
 * compile()/exec()/eval() of source are corpus programs (test/programs/seed_*.py).
 */
import { describe, expect, it } from "vitest";
import { loads } from "../host/marshal.js";
import { CodeObject } from "../host/code.js";
import { pyRepr } from "../host/repr.js";
import { dis } from "../host/dis.js";
import { codeEquals } from "../host/code-compare.js";
import type { PyObject } from "../host/objects.js";
import { pythonJson } from "./support/python.js";
import { normalizeAddresses } from "./support/digests.js";

interface Example {
  /** Section of the seed chapter. */
  section: string;
  /** Definitions: compiled by CPython as a module named example.py, and run. */
  source: string;
  /** The seed's inspecting statements, run by CPython after `source`. */
  inspect: string;
  /** Our side: print the same values from the loaded module code object. */
  ours: (module: CodeObject, out: Printer) => void;
  /** Compile the definitions under this file name (the seed's compile() calls name one). */
  filename?: string;
  /** The seed only compiles these definitions; running them would print output of its own. */
  compileOnly?: boolean;
}

type Printer = (...values: (PyObject | number | string)[]) => void;

/** Python's print(): str values as they are, everything else by repr; JS numbers are ints here. */
function makePrinter(lines: string[]): Printer {
  return (...values) =>
    lines.push(values.map((v) => (typeof v === "string" ? v : pyRepr(typeof v === "number" ? BigInt(v) : v))).join(" "));
}

function fn(module: CodeObject, name: string): CodeObject {
  const found = module.nestedCode().find((c) => c.co_name === name);
  if (!found) throw new Error(`no code object ${name}`);
  return found;
}

const intTuple = (items: (number | null)[]) => items.map((v) => (v === null ? null : BigInt(v)));

const examples: Example[] = [
  {
    section: "23 add.__code__",
    source: "def add(a, b):\n    return a + b\n",
    inspect: "code = add.__code__\nprint(code.co_name)\nprint(code.co_varnames)\nprint(code.co_consts)\nprint(code.co_names)\n",
    ours: (m, print) => {
      const code = fn(m, "add");
      print(code.co_name);
      print(code.co_varnames);
      print(code.co_consts);
      print(code.co_names);
    },
  },
  {
    section: "23.3 replace(co_name='renamed')",
    source: "def f():\n    return 1\n",
    inspect:
      "new_code = f.__code__.replace(co_name='renamed')\nprint(new_code.co_name, f.__code__.co_name)\n" +
      "print(new_code.co_consts, new_code.co_varnames, new_code.co_qualname)\nprint(new_code == f.__code__)\n",
    ours: (m, print) => {
      const code = fn(m, "f");
      const renamed = code.replace({ co_name: "renamed" });
      print(renamed.co_name, code.co_name);
      print(renamed.co_consts, renamed.co_varnames, renamed.co_qualname);
      print(codeEquals(renamed, code));
    },
  },
  {
    section: "23.4 module code objects",
    filename: "example.py",
    compileOnly: true,
    source: "x = 1\ny = 2\nprint(x + y)\n",
    inspect:
      "code = compile(open(__file__).read() if False else 'x = 1\\ny = 2\\nprint(x + y)\\n', 'example.py', 'exec')\n" +
      "print(code.co_name)\nprint(code.co_filename)\nprint(code.co_consts)\nprint(code.co_names)\nprint(code.co_varnames)\n",
    ours: (m, print) => {
      print(m.co_name);
      print(m.co_filename);
      print(m.co_consts);
      print(m.co_names);
      print(m.co_varnames);
    },
  },
  {
    section: "23.7 nested code objects",
    source: "def outer(x):\n    def inner(y):\n        return x + y\n    return inner\n",
    inspect:
      "outer_code = outer.__code__\nprint(outer_code.co_consts)\n" +
      "for const in outer_code.co_consts:\n    if isinstance(const, type(outer_code)):\n        print('nested code:', const.co_name)\n",
    ours: (m, print) => {
      const outer = fn(m, "outer");
      print(outer.co_consts);
      for (const c of outer.co_consts) if (c instanceof CodeObject) print("nested code:", c.co_name);
    },
  },
  {
    section: "23.8 co_code and dis",
    source: "def f(a, b):\n    return a + b\n",
    inspect: "import dis\nprint(f.__code__.co_code)\ndis.dis(f)\n",
    ours: (m, print) => {
      const code = fn(m, "f");
      print(code.co_code);
      print(dis(code).replace(/\n$/, ""));
    },
  },
  {
    section: "23.9 co_consts",
    source: "def f():\n    return 1, 'x', None\n",
    inspect: "print(f.__code__.co_consts)\n",
    ours: (m, print) => print(fn(m, "f").co_consts),
  },
  {
    section: "23.10 co_names",
    source: "def f(xs):\n    return len(xs)\n\ndef g(obj):\n    return obj.value\n",
    inspect: "print(f.__code__.co_names)\nprint(g.__code__.co_names)\n",
    ours: (m, print) => {
      print(fn(m, "f").co_names);
      print(fn(m, "g").co_names);
    },
  },
  {
    section: "23.11 co_varnames",
    source: "def f(a, b):\n    c = a + b\n    return c\n",
    inspect: "print(f.__code__.co_varnames)\n",
    ours: (m, print) => print(fn(m, "f").co_varnames),
  },
  {
    section: "23.12 co_freevars and co_cellvars",
    source: "def outer():\n    x = 1\n\n    def inner():\n        return x\n\n    return inner\n",
    inspect: "print(outer.__code__.co_cellvars)\ninner = outer()\nprint(inner.__code__.co_freevars)\n",
    ours: (m, print) => {
      const outer = fn(m, "outer");
      print(outer.co_cellvars);
      print(fn(outer, "inner").co_freevars);
    },
  },
  {
    section: "23.13 co_freevars of a closure",
    source: "def make_reader(value):\n    def read():\n        return value\n    return read\n",
    inspect: "f = make_reader(42)\nprint(f.__code__.co_freevars)\n",
    ours: (m, print) => print(fn(fn(m, "make_reader"), "read").co_freevars),
  },
  {
    section: "23.14 argument metadata",
    source: "def f(a, b, /, c, *, d):\n    return a, b, c, d\n",
    inspect:
      "code = f.__code__\nprint(code.co_argcount)\nprint(code.co_posonlyargcount)\nprint(code.co_kwonlyargcount)\nprint(code.co_varnames)\n",
    ours: (m, print) => {
      const code = fn(m, "f");
      print(code.co_argcount);
      print(code.co_posonlyargcount);
      print(code.co_kwonlyargcount);
      print(code.co_varnames);
    },
  },
  {
    section: "23.14 defaults are not in co_consts",
    source: "def f(x=1):\n    return x\n",
    inspect: "print(f.__code__.co_consts)\n",
    ours: (m, print) => print(fn(m, "f").co_consts),
  },
  {
    section: "23.15 co_flags",
    source: "def normal():\n    return 1\n\ndef gen():\n    yield 1\n\nasync def coro():\n    return 1\n",
    inspect: "print(normal.__code__.co_flags)\nprint(gen.__code__.co_flags)\nprint(coro.__code__.co_flags)\n",
    ours: (m, print) => {
      print(fn(m, "normal").co_flags);
      print(fn(m, "gen").co_flags);
      print(fn(m, "coro").co_flags);
    },
  },
  {
    section: "23.16 co_stacksize",
    source: "def f(a, b, c):\n    return a + b * c\n",
    inspect: "print(f.__code__.co_stacksize)\n",
    ours: (m, print) => print(fn(m, "f").co_stacksize),
  },
  {
    section: "23.17 source metadata",
    source: "def f():\n    x = 1\n    return x\n",
    inspect:
      "code = f.__code__\nprint(code.co_filename)\nprint(code.co_name)\nprint(code.co_qualname)\nprint(code.co_firstlineno)\n",
    ours: (m, print) => {
      const code = fn(m, "f");
      print(code.co_filename);
      print(code.co_name);
      print(code.co_qualname);
      print(code.co_firstlineno);
    },
  },
  {
    section: "23.18 co_positions()",
    source: "def f(x):\n    return x + 1\n",
    inspect: "for item in f.__code__.co_positions():\n    print(item)\n",
    ours: (m, print) => {
      for (const item of fn(m, "f").co_positions()) print(intTuple(item));
    },
  },
  {
    section: "23.19 exception tables",
    source: "def f():\n    try:\n        risky()\n    except ValueError:\n        recover()\n",
    inspect: "import dis\ndis.dis(f)\n",
    ours: (m, print) => print(dis(fn(m, "f")).replace(/\n$/, "")),
  },
  {
    section: "23.26 introspection",
    source: "def f(a, b=1):\n    c = a + b\n    return c\n",
    inspect:
      "code = f.__code__\nfor name in ['co_argcount', 'co_posonlyargcount', 'co_kwonlyargcount', 'co_nlocals', 'co_stacksize', " +
      "'co_flags', 'co_consts', 'co_names', 'co_varnames', 'co_freevars', 'co_cellvars']:\n    print(name, getattr(code, name))\n",
    ours: (m, print) => {
      const code = fn(m, "f");
      for (const name of ["co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_nlocals", "co_stacksize", "co_flags", "co_consts", "co_names", "co_varnames", "co_freevars", "co_cellvars"] as const) {
        print(name, code[name]);
      }
    },
  },
  {
    section: "23.27 replace(co_name='g')",
    source: "def f():\n    return 1\n",
    inspect: "new_code = f.__code__.replace(co_name='g')\nprint(new_code.co_name)\nprint(new_code.co_code == f.__code__.co_code)\n",
    ours: (m, print) => {
      const code = fn(m, "f");
      const g = code.replace({ co_name: "g" });
      print(g.co_name);
      print(Buffer.from(g.co_code).equals(Buffer.from(code.co_code)));
    },
  },
];

describe("seed examples (../shared/seed/code-objects.txt) that inspect code objects", () => {
  const expected = pythonJson<{ stdout: string; marshal: string }[]>(
    `
import contextlib, io, json, marshal, sys
examples = json.loads(sys.stdin.read())
out = []
for ex in examples:
    filename = ex["filename"] or "seed.py"
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        namespace = {"__name__": "__main__"}
        if not ex["compileOnly"]:
            exec(compile(ex["source"], filename, "exec"), namespace)
        exec(compile(ex["inspect"], "inspect.py", "exec"), namespace)
    out.append({"stdout": buf.getvalue(), "marshal": marshal.dumps(compile(ex["source"], filename, "exec")).hex()})
print(json.dumps(out))
`,
    JSON.stringify(examples.map((e) => ({ source: e.source, inspect: e.inspect, filename: e.filename ?? null, compileOnly: e.compileOnly ?? false }))),
  );

  examples.forEach((example, i) => {
    it(example.section, () => {
      const module = loads(Buffer.from(expected[i].marshal, "hex"));
      expect(module).toBeInstanceOf(CodeObject);
      const lines: string[] = [];
      example.ours(module as CodeObject, makePrinter(lines));
      const ours = lines.map((l) => l + "\n").join("");
      expect(normalizeAddresses(ours)).toBe(normalizeAddresses(expected[i].stdout));
    });
  });
});
