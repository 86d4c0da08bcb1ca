// codeEquals agrees with CPython's == on code objects, including constants that are equal as values
// but not as constants (1 / 1.0 / True, 0.0 / -0.0) and fields == ignores (filename, qualname).
import { describe, expect, it } from "vitest";
import { loads } from "../host/marshal.js";
import { CodeObject } from "../host/code.js";
import { codeEquals } from "../host/code-compare.js";
import { pythonJson } from "./support/python.js";

const PAIRS: [string, string, string?, string?][] = [
  ["x = 1", "x = 1"],
  ["x = 1", "x = 1.0"],
  ["x = 1", "x = True"],
  ["x = 0.0", "x = -0.0"],
  ["x = (1, 2)", "x = (1, 2.0)"],
  ["x = 'a'", "x = b'a'"],
  ["x = 1j", "x = 1j"],
  ["x = -0j", "x = 0j"],
  ["def f(): return 1", "def f(): return 1"],
  ["def f(): return 1", "def f(): return 2"],
  ["def f(): return 1", "def g(): return 1"],
  ["x = 1", "x = 1", "a.py", "b.py"],
  ["x = frozenset({1, 2})", "x = frozenset({2, 1})"],
  ["if x in {1, 2}: pass", "if x in {2, 1}: pass"],
  ["def f(a): return a", "def f(b): return b"],
  ["x = 1", "\nx = 1"],
  ["class C:\n def m(self): return 1", "class C:\n def m(self): return 1"],
  ["class C:\n def m(self): return 1", "class D:\n def m(self): return 1"],
];

describe("codeEquals", () => {
  const results = pythonJson<{ a: string; b: string; eq: boolean }[]>(
    `
import json, marshal, sys
out = []
for a, b, fa, fb in json.loads(sys.stdin.read()):
    ca, cb = compile(a, fa or "t.py", "exec"), compile(b, fb or "t.py", "exec")
    out.append({"a": marshal.dumps(ca).hex(), "b": marshal.dumps(cb).hex(), "eq": ca == cb})
print(json.dumps(out))
`,
    JSON.stringify(PAIRS.map(([a, b, fa, fb]) => [a, b, fa ?? null, fb ?? null])),
  );

  it("gives CPython's answer for every pair", () => {
    expect(results.some((r) => r.eq) && results.some((r) => !r.eq)).toBe(true);
    results.forEach((r, i) => {
      const a = loads(Buffer.from(r.a, "hex")) as CodeObject;
      const b = loads(Buffer.from(r.b, "hex")) as CodeObject;
      expect([PAIRS[i], codeEquals(a, b)]).toEqual([PAIRS[i], r.eq]);
    });
  });
});
