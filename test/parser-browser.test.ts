/**
 * The front end must run unchanged in a browser (issue 4: no Node-only APIs in the compiler). Checked
 * two ways: esbuild bundles host/parser for platform "browser" (it fails on any node: import), and
 * the bundle runs in a bare V8 context (node:vm) that has only the language's and the web's
 * globals we hand it (TextEncoder, TextDecoder) — no process, Buffer, require — and parses a file
 * to CPython's dump.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { createContext, runInContext } from "node:vm";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { runPython } from "./support/python.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

describe("parser in a browser-like context", () => {
  it("bundles for the browser and parses with no Node globals", async () => {
    const entry = `
      import { parse } from "./host/parser/parse.ts";
      import { astDump } from "./host/parser/ast-dump.ts";
      globalThis.dumpOf = (bytes, name) => astDump(parse(bytes, name), { includeAttributes: true });
    `;
    const out = await build({
      stdin: { contents: entry, resolveDir: ROOT, loader: "ts" },
      bundle: true,
      platform: "browser",
      format: "iife",
      write: false,
      logLevel: "silent",
    });
    const code = out.outputFiles[0].text;
    const context = createContext({ TextEncoder, TextDecoder });
    runInContext(code, context);
    expect(runInContext("typeof process + typeof Buffer + typeof require", context)).toBe("undefinedundefinedundefined");
    const file = `${ROOT}test/programs/closures_01.py`;
    const bytes = new Uint8Array(readFileSync(file));
    const dump = (context as { dumpOf: (b: Uint8Array, n: string) => string }).dumpOf(bytes, file);
    const want = runPython(
      `import ast, sys; print(ast.dump(ast.parse(open(sys.argv[1], "rb").read(), sys.argv[1]), include_attributes=True), end="")`,
      undefined,
      [file],
    ).toString("utf8");
    expect(dump).toBe(want);
  });
});
