#!/usr/bin/env node
/**
 * Parser fuzz test (a script, not yet a vitest test): mutated stdlib sources and deeply nested
 * expressions must make parse() either return an AST or throw a PySyntaxError (SyntaxError,
 * IndentationError, TabError): never another JS error (TypeError, RangeError / stack overflow), and
 * never hang.
 *
 *   node test/parser-fuzz.mjs [--seed N] [--seconds S] [--case-ms MS] [--stack-mb MB]
 *                             [--only-case N] [--no-deep] [--dist | --module FILE.mjs]
 *   (npx vite-node test/parser-fuzz.mjs works too)
 *
 * The parser is loaded as tools/syntax_error_compare.mjs does (an esbuild bundle of
 * host/parser/parse.ts in a temporary directory; --dist: dist/parser/parse.js). It runs in a worker
 * thread so a hang can be cut off: a case that takes longer than --case-ms (default 5000) is a
 * failure, and the worker is replaced. The worker's stack is --stack-mb (default 1, about a main
 * thread's), so deep recursion fails here as it would in a real run.
 *
 * Case i of seed S is fully determined by (S, i): a failure line names both, and
 * `--seed S --only-case i` replays it. Deep-nesting cases come from the "deep" section of
 * test/parser/syntax-errors.expected.json, with CPython 3.11's outcome for each: where ours differs
 * (e.g. CPython raises RecursionError and we return an AST) it is listed as a difference, not a
 * failure; a JS error is a failure.
 * Exit status: 0 without failures, 1 with failures, 2 without a parser.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";

const SYNTAX_TYPES = new Set(["SyntaxError", "IndentationError", "TabError"]);

// ---- main thread ----

async function main(argv) {
  const value = (f, d) => (argv.includes(f) ? argv[argv.indexOf(f) + 1] : d);
  const options = {
    seed: Number(value("--seed", 1)),
    seconds: Number(value("--seconds", 60)),
    caseMs: Number(value("--case-ms", 5000)),
    stackMb: Number(value("--stack-mb", 1)),
    onlyCase: argv.includes("--only-case") ? Number(value("--only-case")) : null,
  };
  globalThis[Symbol.for("pyvm.syntax-error-compare.as-library")] = true; // import it without running it
  const { loadParse, parserModuleUrl, NoParser, EXPECTED_PATH } = await import("../tools/syntax_error_compare.mjs");
  let parserUrl;
  try {
    const moduleOptions = { dist: argv.includes("--dist"), module: value("--module") };
    parserUrl = await parserModuleUrl(moduleOptions);
    await loadParse(moduleOptions); // fail early, in the main thread, if parse() is not exported
  } catch (err) {
    if (!(err instanceof NoParser)) throw err;
    console.log(`parser-fuzz: ${err.message}`);
    return 2;
  }
  const runner = new Runner(parserUrl, options);
  const summary = { cases: 0, ast: 0, syntax: 0, failures: [], differences: [], slowest: { ms: 0, what: "" } };
  const record = (what, res) => {
    summary.cases++;
    if (res.ms > summary.slowest.ms) summary.slowest = { ms: res.ms, what };
    if (res.kind === "ast") summary.ast++;
    else if (res.kind === "syntax") summary.syntax++;
    else if (res.kind === "timeout") summary.failures.push(`HANG ${what}: no answer after ${options.caseMs} ms`);
    else if (res.kind === "js") summary.failures.push(`JS ERROR ${what}: ${res.msg}`);
    else summary.failures.push(`NOT A SYNTAX ERROR ${what}: ${res.type}: ${res.msg}`);
  };

  if (!argv.includes("--no-deep") && options.onlyCase === null) {
    const expected = JSON.parse(readFileSync(EXPECTED_PATH, "utf8"));
    for (const deep of expected.deep) {
      const source = deep.parts.map(([text, times]) => text.repeat(times)).join("");
      const res = await runner.run(source, "exec");
      const what = `deep ${deep.name}`;
      const cpython = deep.parse.ok ? "AST" : `${deep.parse.type}: ${deep.parse.msg}`;
      const ours = res.kind === "ast" ? "AST" : `${res.type ?? res.kind}: ${res.msg ?? ""}`;
      if (res.kind === "js" || res.kind === "timeout") record(what, res);
      else {
        // CPython's MemoryError/RecursionError are limits, not syntax: any non-crash answer is allowed
        if (res.kind === "pyerror" && ["MemoryError", "RecursionError"].includes(res.type)) res.kind = "syntax";
        record(what, res);
        if (ours !== cpython) summary.differences.push(`DIFFERS ${what}: CPython ${cpython}; ours ${ours}`);
      }
    }
  }

  const files = stdlibFiles();
  const deadline = performance.now() + options.seconds * 1000;
  const first = options.onlyCase ?? 0;
  for (let i = first; options.onlyCase === null ? performance.now() < deadline : i === first; i++) {
    const { source, description } = mutatedCase(files, options.seed, i);
    const res = await runner.run(source, "exec");
    record(`seed ${options.seed} case ${i} (${description})`, res);
  }
  runner.close();

  for (const line of summary.failures) console.log(line);
  for (const line of summary.differences) console.log(line);
  console.log(
    `parser-fuzz seed ${options.seed}: ${summary.cases} cases, ${summary.ast} AST, ${summary.syntax} SyntaxError, ` +
      `${summary.failures.length} failures, ${summary.differences.length} deep cases differ from CPython; ` +
      `slowest ${summary.slowest.ms.toFixed(0)} ms (${summary.slowest.what})`,
  );
  return summary.failures.length === 0 ? 0 : 1;
}

/** One worker at a time; replaced after a hang or a crash of the worker itself. */
class Runner {
  constructor(parserUrl, options) {
    this.parserUrl = parserUrl;
    this.options = options;
    this.nextId = 0;
    this.worker = null;
  }
  spawn() {
    this.worker = new Worker(new URL(import.meta.url), {
      workerData: { parserUrl: this.parserUrl },
      resourceLimits: { stackSizeMb: this.options.stackMb },
    });
    this.worker.unref();
  }
  run(source, mode) {
    if (!this.worker) this.spawn();
    const worker = this.worker;
    const id = this.nextId++;
    return new Promise((resolvePromise) => {
      const done = (res) => {
        clearTimeout(timer);
        worker.off("message", onMessage);
        worker.off("error", onError);
        resolvePromise(res);
      };
      const onMessage = (msg) => msg.id === id && done(msg);
      const onError = (err) => {
        this.worker = null;
        done({ kind: "js", ms: 0, msg: `worker died: ${err?.message ?? err}` });
      };
      const timer = setTimeout(() => {
        void worker.terminate();
        this.worker = null;
        done({ kind: "timeout", ms: this.options.caseMs });
      }, this.options.caseMs);
      worker.on("message", onMessage);
      worker.on("error", onError);
      worker.postMessage({ id, source, filename: "<fuzz>", mode });
    });
  }
  close() {
    if (this.worker) void this.worker.terminate();
  }
}

/** python3.11's top-level stdlib .py files, sorted (the same list every run), up to 200 kB each. */
function stdlibFiles() {
  const dir = process.env.PYVM_FUZZ_STDLIB ?? "/root/.pyenv/versions/3.11.7/lib/python3.11";
  return readdirSync(dir)
    .filter((f) => f.endsWith(".py"))
    .sort()
    .map((f) => join(dir, f))
    .filter((p) => statSync(p).size <= 200_000)
    .map((p) => ({ name: p.slice(dir.length + 1), text: readFileSync(p, "utf8") }));
}

/** mulberry32: a small seeded PRNG; the stream for case i of seed s depends only on (s, i). */
function prng(seed, index) {
  let a = (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35)) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const INSERTS = ["(", ")", "[", "]", "{", "}", "'", '"', '"""', "'''", ":", "\n", "\t", "    ", "\\", "\\\n",
  'f"{', "}", "#", ",", "*", "**", "=", ":=", "@", ";", ".", "lambda", "yield", "await", "not", "if", "else",
  "\u00e9", "\u20ac", "\u00a0", "\0", "\r", "0x", "1_", "b'\u00e9'", "\\N{", "match", "case", "except*"];

// tokens, roughly: names/numbers, runs of spaces, anything else one character at a time
const TOKEN_RE = /[\p{L}\p{N}_]+|[ \t]+|\n|./gsu;

function mutatedCase(files, seed, index) {
  const random = prng(seed, index);
  const pick = (n) => Math.floor(random() * n);
  const file = files[pick(files.length)];
  let text = file.text;
  const steps = [];
  const count = 1 + pick(3);
  for (let k = 0; k < count; k++) {
    const at = pick(text.length + 1);
    switch (pick(9)) {
      case 0: {
        const len = 1 + pick(8);
        text = text.slice(0, at) + text.slice(at + len);
        steps.push(`delete ${len} chars at ${at}`);
        break;
      }
      case 1: {
        const len = 1 + pick(40);
        text = text.slice(0, at) + text.slice(at, at + len) + text.slice(at);
        steps.push(`duplicate ${len} chars at ${at}`);
        break;
      }
      case 2: {
        const other = pick(text.length);
        const [lo, hi] = at < other ? [at, other] : [other, at];
        if (hi < text.length && lo < hi) text = text.slice(0, lo) + text[hi] + text.slice(lo + 1, hi) + text[lo] + text.slice(hi + 1);
        steps.push(`swap chars ${lo} ${hi}`);
        break;
      }
      case 3: {
        const ins = INSERTS[pick(INSERTS.length)];
        text = text.slice(0, at) + ins + text.slice(at);
        steps.push(`insert ${JSON.stringify(ins)} at ${at}`);
        break;
      }
      case 4:
      case 5:
      case 6: {
        const tokens = text.match(TOKEN_RE) ?? [];
        if (tokens.length < 2) break;
        const t = pick(tokens.length);
        const u = pick(tokens.length);
        const op = ["delete", "duplicate", "swap"][pick(3)];
        if (op === "delete") tokens.splice(t, 1);
        else if (op === "duplicate") tokens.splice(t, 0, tokens[t]);
        else [tokens[t], tokens[u]] = [tokens[u], tokens[t]];
        text = tokens.join("");
        steps.push(`${op} token ${t}${op === "swap" ? ` with ${u}` : ""}`);
        break;
      }
      case 7: {
        const lines = text.split("\n");
        const l = pick(lines.length);
        const op = ["indent", "dedent", "delete", "duplicate"][pick(4)];
        if (op === "indent") lines[l] = (random() < 0.5 ? "    " : "\t") + lines[l];
        else if (op === "dedent") lines[l] = lines[l].replace(/^( {1,4}|\t)/, "");
        else if (op === "delete") lines.splice(l, 1);
        else lines.splice(l, 0, lines[l]);
        text = lines.join("\n");
        steps.push(`${op} line ${l + 1}`);
        break;
      }
      default:
        text = text.slice(0, at);
        steps.push(`truncate at ${at}`);
    }
  }
  return { source: text, description: `${file.name}: ${steps.join("; ")}` };
}

// Dispatch last: main() uses the classes and constants above (top-level await would otherwise
// reach them before their declarations are evaluated).
if (!isMainThread) {
  // ---- worker: parse what the main thread sends, report how it went ----
  const { parse } = await import(workerData.parserUrl);
  parentPort.on("message", ({ id, source, filename, mode }) => {
    const started = performance.now();
    let result;
    try {
      parse(source, filename, mode);
      result = { kind: "ast" };
    } catch (err) {
      if (err instanceof Error && SYNTAX_TYPES.has(err.pyType) && "lineno" in err) {
        result = { kind: "syntax", type: err.pyType, msg: err.pyMessage, lineno: err.lineno };
      } else if (err instanceof Error && typeof err.pyType === "string") {
        result = { kind: "pyerror", type: err.pyType, msg: err.pyMessage };
      } else {
        const text = err instanceof Error ? `${err.name}: ${err.message}` : `non-Error ${String(err)}`;
        result = { kind: "js", msg: text.split("\n")[0].slice(0, 200) };
      }
    }
    parentPort.postMessage({ id, ms: performance.now() - started, ...result });
  });
} else {
  process.exitCode = await main(process.argv.slice(2));
}
