/**
 * The tokenizer (host/parser/tokenizer.ts) and source decoding (host/parser/source-text.ts) against
 * python3.11: every stdlib file's token stream equals the one tools/tokenize_reference.py derives
 * from Lib/tokenize.py (normalized to the C tokenizer, see that script), and tokenizer errors equal
 * the SyntaxError fields compile() raises.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decodeSource } from "../host/parser/source-text.js";
import { PySyntaxError } from "../host/parser/syntax-error.js";
import { tokenize } from "../host/parser/tokenizer.js";
import { TokenType, type Token } from "../host/parser/token.js";
import { PYTHON, pythonJson, runPython } from "./support/python.js";

const REFERENCE = readFileSync(new URL("../tools/tokenize_reference.py", import.meta.url), "utf8");

/** Runs the reference script on some files in a python3.11 of its own; resolves to its output. */
function referenceAsync(files: string[], mode: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, ["-c", REFERENCE, mode], { env: { ...process.env, PYTHONHASHSEED: "0", PYTHONIOENCODING: "utf-8" } });
    const chunks: Buffer[] = [];
    const errors: Buffer[] = [];
    child.stdout.on("data", (d: Buffer) => chunks.push(d));
    child.stderr.on("data", (d: Buffer) => errors.push(d));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve(Buffer.concat(chunks).toString("utf8")) : reject(new Error(`${PYTHON} exited ${code}:\n${Buffer.concat(errors).toString()}`)),
    );
    child.stdin.end(files.join("\n"));
  });
}

/** The same compact line format the reference script hashes. */
function streamOf(tokens: Token[]): string {
  return tokens.map((t) => `${t.type} ${t.lineno} ${t.col} ${t.endLineno} ${t.endCol} ${JSON.stringify(t.string)}`).join("\n");
}

function pyFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const st = statSync(path);
    if (st.isDirectory()) {
      if (name !== "site-packages" && name !== "__pycache__") pyFiles(path, out);
    } else if (name.endsWith(".py")) out.push(path);
  }
  return out;
}

describe("tokenizer: the python3.11 stdlib", () => {
  it("gives CPython's token stream for every stdlib file compile() accepts", async () => {
    const libDir = runPython("import sysconfig; print(sysconfig.get_paths()['stdlib'])").toString().trim();
    const files = pyFiles(libDir);
    // four python processes share the files (compile() and tokenize.py are the slow part)
    const parts = 4;
    const outputs = await Promise.all(
      Array.from({ length: parts }, (_, k) => referenceAsync(files.filter((_, i) => i % parts === k), "--hash")),
    );
    const lines = outputs.flatMap((o) => o.split("\n").filter((l) => l));
    expect(lines.length).toBe(files.length);
    let compared = 0;
    let tokenizeMs = 0;
    let totalLines = 0;
    const mismatched: string[] = [];
    let n = 0;
    for (const line of lines) {
      // yield now and then: long synchronous work starves vitest's worker RPC on a busy machine
      if (++n % 50 === 0) await new Promise((r) => setImmediate(r));
      const [path, status, hash] = line.split("\t") as [string, string, string];
      if (status !== "ok") continue;
      const bytes = readFileSync(path);
      const t0 = performance.now();
      const text = decodeSource(bytes, path);
      const tokens = tokenize(text, path);
      tokenizeMs += performance.now() - t0;
      totalLines += text.split("\n").length;
      compared++;
      const ours = createHash("sha1").update(streamOf(tokens), "utf8").digest("hex");
      if (ours !== hash) mismatched.push(path);
    }
    console.log(
      `tokenizer: ${compared - mismatched.length} of ${compared} stdlib files match (${files.length - compared} rejected by compile()); ` +
        `${tokenizeMs.toFixed(0)} ms total, ${(tokenizeMs / compared).toFixed(2)} ms/file, ${Math.round(totalLines / (tokenizeMs / 1000))} lines/s`,
    );
    if (mismatched.length > 0) {
      // show the first differing token of a few files
      const full = runPython(REFERENCE, mismatched.slice(0, 5).join("\n"), ["--full"]).toString("utf8").split("\n").filter((l) => l);
      const diffs = full.map((l) => {
        const { path, stream } = JSON.parse(l) as { path: string; stream: string };
        const ours = streamOf(tokenize(decodeSource(readFileSync(path), path), path)).split("\n");
        const theirs = stream.split("\n");
        let i = 0;
        while (i < ours.length && ours[i] === theirs[i]) i++;
        return `${path}: token ${i}: ours ${ours[i]} / CPython ${theirs[i]}`;
      });
      expect(diffs).toEqual([]);
    }
    expect(mismatched).toEqual([]);
    expect(compared).toBeGreaterThan(1500);
  }, 120_000);
});

type Fields = [string, string, number, number, string | null, number | null, number | null];

function fieldsOf(e: PySyntaxError): Fields {
  return [e.pyType, e.pyMessage, e.lineno, e.offset, e.text, e.endLineno, e.endOffset];
}

/** SyntaxError fields python3.11's compile() raises for each source (str, or bytes given as latin-1 text). */
function cpythonErrors(sources: string[], asBytes: boolean): (Fields | null)[] {
  const script = `
import json, sys
out = []
for s in json.load(sys.stdin):
    src = s.encode("latin-1") if ${asBytes ? "True" : "False"} else s
    try:
        compile(src, "<s>", "exec")
        out.append(None)
    except SyntaxError as e:
        out.append([type(e).__name__, e.msg, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset])
print(json.dumps(out))
`;
  return pythonJson<(Fields | null)[]>(script, JSON.stringify(sources));
}

/** Snippets where the tokenizer's error is the one CPython reports. */
const ERROR_SNIPPETS = [
  // numbers
  "1abc\n", "0x\n", "0xg\n", "0x1g\n", "0o8\n", "0o\n", "0b2\n", "0b\n", "012\n", "x = 00012 + 1\n", "1_\n", "1__0\n",
  "1e\n", "1e+\n", "1.5j2\n", "0_\n", "0b1_\n", "1.0_\n", "0o7_8\n", "1.e5x\n", "0x_\n", "0b12\n", "0o19\n", "x = é + 0777\n",
  "1_000_\n", "1€\n", ".5e-\n", "1e5_\n",
  // strings
  "'abc\n", "x = 'abc\ny = 1\n", '"""abc\n\nx\n', "f'abc\n", "b'''abc", "x = 'a\\\nb\n", "x = 'a\\\n", "s = '€€\n", "'abc",
  "x = 1\ny = rb'''\n\n", "é = f\"\n",
  // indentation and tabs
  "if x:\n  a\n b\n", "if x:\n        a\n\tb\n", "if x:\n\ta\n        b\n", "if x:\n\ta\n  \tb\n",
  "if 1:\n" + Array.from({ length: 99 }, (_, i) => " ".repeat(i + 1) + "if 1:\n").join("") + " ".repeat(100) + "pass\n",
  "if x:\n    é = 1\n  b = 2\n",
  // brackets
  ")\n", "x = (1]\n", "x = (1,\n2]\n", "x = (\n", "foo(1, [2,\n", "(".repeat(201), "}\n", "x = [1,\n  2,\n", "x = {\n",
  "x = (1 +\n 2\n", "é = [\n", "\n\nf(\n",
  // characters
  "x = a€\n", "€ = 1\n", "x = 1\u00a0+ 2\n", "x = \x01\n", "ab\u00a0c = 1\n", "€€ = 1\n", "a\u{1F600}b = 1\n",
  "x = '\u{1F600}'; y = a€\n", "x = 1 \\ 2\n", "\\ x\n", "x = 1 \\", "x = 1 + \\\n", "x = 1\n\\", "x = 'é' \\é\n",
];

describe("tokenizer errors", () => {
  const expected = cpythonErrors(ERROR_SNIPPETS, false);
  ERROR_SNIPPETS.forEach((src, i) => {
    it(`${JSON.stringify(src).slice(0, 50)}`, () => {
      expect(expected[i]).not.toBeNull();
      const tokens = tokenize(src, "<s>");
      const last = tokens[tokens.length - 1]!;
      expect(last.type).toBe(TokenType.ERROR);
      expect(fieldsOf(last.error!)).toEqual(expected[i]);
    });
  });
});

/** Source bytes written as latin-1 strings (one char a byte). */
const BYTE_SNIPPETS = [
  "# -*- coding: foobar -*-\nx=1\n",
  "\xef\xbb\xbf# coding: latin-1\nx=1\n",
  "\xef\xbb\xbf#coding:utf8\nx=1\n",
  "\n# coding: foobar\n",
  "# coding: ascii\nx = '\xff'\n",
  "#!/usr/bin/python\n# coding: spam-eggs\n",
];
const BYTE_OK = [
  "#!/usr/bin/python\n# coding: latin-1\nx = '\xff'\n",
  "# vim: set fileencoding=koi8-r :\nx = '\xc1'\n",
  "#coding=UTF_8_sig\nx=1\n",
  "\n\n# coding: foobar\nx = 1\n",
  "x = 1 # coding: foobar\n",
  "\xef\xbb\xbfx = '\xc3\xa9'\n",
  "# coding: cp1252\nx = '\x80'\n",
];

const latin1Bytes = (s: string) => Uint8Array.from(s, (ch) => ch.charCodeAt(0));

describe("decodeSource", () => {
  const expected = cpythonErrors(BYTE_SNIPPETS, true);
  BYTE_SNIPPETS.forEach((src, i) => {
    it(`rejects ${JSON.stringify(src).slice(0, 50)}`, () => {
      expect(expected[i]).not.toBeNull();
      let err: unknown;
      try {
        decodeSource(latin1Bytes(src), "<s>");
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(PySyntaxError);
      expect(fieldsOf(err as PySyntaxError)).toEqual(expected[i]);
    });
  });
  it("decodes what CPython decodes, as CPython does", () => {
    const script = `
import json, sys, io, tokenize
out = []
for s in json.load(sys.stdin):
    b = s.encode("latin-1")
    compile(b, "<s>", "exec")
    enc, _ = tokenize.detect_encoding(io.BytesIO(b).readline)
    out.append(b.decode(enc).removeprefix("\\ufeff"))
print(json.dumps(out))
`;
    const texts = pythonJson<string[]>(script, JSON.stringify(BYTE_OK));
    expect(BYTE_OK.map((s) => decodeSource(latin1Bytes(s), "<s>"))).toEqual(texts);
  });
});
