#!/usr/bin/env node
/**
 * Compares our parser's syntax errors with CPython 3.11's, case by case, from
 * test/parser/syntax-errors.expected.json (written by tools/gen_syntax_errors.py).
 *
 *   node tools/syntax_error_compare.mjs [--dist | --module FILE.mjs] [--file syntax-errors.txt|harvested]
 *                                       [--name SUBSTRING] [--quiet]
 *   (npx vite-node tools/syntax_error_compare.mjs works too)
 *
 * How the parser is loaded: host/parser/parse.ts is bundled with esbuild (a devDependency) into a
 * temporary directory outside the tree and imported from there, so this runs with plain node and never
 * writes dist/. With --dist it imports dist/parser/parse.js instead (after `npm run build`).
 *
 * Parser-stage cases (ast.parse raises in CPython): parse() must throw a SyntaxError with the same
 * type, msg, lineno, offset, end_lineno, end_offset ("N of M match"; `text` is only counted).
 * Compile-stage and accepted cases: the parser must NOT raise (those errors belong to the symtable or
 * compiler), so parse() must return an AST.
 * Prints one line per mismatch; exits 0 when everything matches, 1 otherwise, 2 when there is no
 * parser to test.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const EXPECTED_PATH = join(ROOT, "test", "parser", "syntax-errors.expected.json");
const PARSE_TS = join(ROOT, "host", "parser", "parse.ts");
const PARSE_DIST = join(ROOT, "dist", "parser", "parse.js");

export class NoParser extends Error {}

/**
 * The URL of an importable module exporting parse(): a temporary esbuild bundle of parse.ts, or
 * dist/parser/parse.js with `dist`. Throws NoParser, with a readable message, when there is none.
 */
export async function parserModuleUrl({ dist = false, module } = {}) {
  if (module) return pathToFileURL(resolve(module)).href; // any JS module exporting parse()
  if (dist) {
    if (!existsSync(PARSE_DIST)) throw new NoParser(`${PARSE_DIST} not found (run npm run build first)`);
    return pathToFileURL(PARSE_DIST).href;
  }
  if (!existsSync(PARSE_TS)) {
    throw new NoParser(`${PARSE_TS} not found: the parser is not written yet, nothing to compare`);
  }
  const outDir = mkdtempSync(join(tmpdir(), "pyvm-parser-"));
  process.on("exit", () => rmSync(outDir, { recursive: true, force: true }));
  const outfile = join(outDir, "parse.mjs");
  try {
    const esbuild = await import("esbuild");
    await esbuild.build({
      entryPoints: [PARSE_TS],
      bundle: true,
      format: "esm",
      platform: "node",
      target: "node20",
      outfile,
      logLevel: "silent",
    });
  } catch (err) {
    const detail = err?.errors?.map((e) => `${e.location?.file}:${e.location?.line}: ${e.text}`).join("\n");
    throw new NoParser(`cannot bundle ${PARSE_TS} with esbuild:\n${detail || err}`);
  }
  return pathToFileURL(outfile).href;
}

/** Imports the parser module and returns its parse function. */
export async function loadParse(options) {
  const mod = await import(await parserModuleUrl(options));
  if (typeof mod.parse !== "function") throw new NoParser("the parser module does not export parse()");
  return mod.parse;
}

/** The source a case hands to parse(): a string, or the bytes for input "bytes". */
export function caseSource(c) {
  return c.input === "bytes" ? new Uint8Array(Buffer.from(c.source_base64, "base64")) : c.source;
}

const SYNTAX_TYPES = new Set(["SyntaxError", "IndentationError", "TabError"]);

/** True for the errors parse() may throw: PySyntaxError (checked by shape: bundles copy classes). */
export function isPySyntaxError(err) {
  return err instanceof Error && SYNTAX_TYPES.has(err.pyType) && "lineno" in err;
}

/** Our error in the expected record's shape (CPython's None is null; undefined counts as null). */
export function describeError(err) {
  const orNull = (v) => (v === undefined ? null : v);
  return {
    type: err.pyType,
    msg: err.pyMessage,
    lineno: orNull(err.lineno),
    offset: orNull(err.offset),
    end_lineno: orNull(err.endLineno),
    end_offset: orNull(err.endOffset),
    text: orNull(err.text),
  };
}

const COMPARED = ["type", "msg", "lineno", "offset", "end_lineno", "end_offset"];

const where = (e) => `${e.lineno}:${e.offset}-${e.end_lineno}:${e.end_offset}`;
const show = (e) => `${e.type} ${JSON.stringify(e.msg)} ${where(e)}`;

function jsFailure(err) {
  return err instanceof Error ? `${err.name}: ${err.message.split("\n")[0]}` : `non-Error ${String(err)}`;
}

export function runCases(parse, expected, { file, name } = {}) {
  const filename = expected.filename;
  const report = { parser: 0, parserMatch: 0, textDiffers: 0, accepted: 0, acceptedOk: 0, lines: [] };
  for (const c of expected.cases) {
    if (file && !c.file.includes(file)) continue;
    if (name && !c.name.includes(name)) continue;
    const label = `${c.file.replace(/\.txt$/, "")}:${c.name}`;
    let outcome;
    try {
      parse(caseSource(c), filename, c.mode);
      outcome = { kind: "ast" };
    } catch (err) {
      outcome = isPySyntaxError(err) ? { kind: "error", error: describeError(err) } : { kind: "js", err };
    }
    if (c.stage === "parser") {
      report.parser++;
      const want = c.error;
      if (outcome.kind === "ast") {
        report.lines.push(`MISMATCH ${label}: expected ${show(want)}, got no error`);
      } else if (outcome.kind === "js") {
        report.lines.push(`CRASH    ${label}: expected ${show(want)}, got JS ${jsFailure(outcome.err)}`);
      } else {
        const got = outcome.error;
        if (COMPARED.every((k) => got[k] === want[k])) {
          report.parserMatch++;
          if (got.text !== want.text) report.textDiffers++;
        } else {
          report.lines.push(`MISMATCH ${label}: expected ${show(want)}, got ${show(got)}`);
        }
      }
    } else {
      // compile-stage errors and accepted sources: the parser itself must accept them
      report.accepted++;
      if (outcome.kind === "ast") report.acceptedOk++;
      else if (outcome.kind === "js") report.lines.push(`CRASH    ${label} (${c.stage}): JS ${jsFailure(outcome.err)}`);
      else report.lines.push(`REJECTED ${label} (${c.stage} stage in CPython): got ${show(outcome.error)}`);
    }
  }
  return report;
}

async function main(argv) {
  const flag = (f) => argv.includes(f);
  const value = (f) => (argv.includes(f) ? argv[argv.indexOf(f) + 1] : undefined);
  const expected = JSON.parse(readFileSync(EXPECTED_PATH, "utf8"));
  let parse;
  try {
    parse = await loadParse({ dist: flag("--dist"), module: value("--module") });
  } catch (err) {
    if (!(err instanceof NoParser)) throw err;
    console.log(`syntax_error_compare: ${err.message}`);
    return 2;
  }
  const report = runCases(parse, expected, { file: value("--file"), name: value("--name") });
  if (!flag("--quiet")) for (const line of report.lines) console.log(line);
  console.log(`${report.parserMatch} of ${report.parser} parser-stage cases match` +
    ` (type, msg, lineno, offset, end_lineno, end_offset; text differs in ${report.textDiffers} of them)`);
  console.log(`${report.acceptedOk} of ${report.accepted} compile-stage/accepted cases parse without error`);
  return report.parserMatch === report.parser && report.acceptedOk === report.accepted ? 0 : 1;
}

// Run only when invoked as a script, not when imported as a library (test/parser-fuzz.mjs sets this
// symbol first). vite-node drops the script's path from process.argv, hence the second test.
export const AS_LIBRARY = Symbol.for("pyvm.syntax-error-compare.as-library");
const invokedDirectly =
  process.argv.slice(1).some((a) => resolve(a) === fileURLToPath(import.meta.url)) ||
  (/vite-node/.test(process.argv[1] ?? "") && !globalThis[AS_LIBRARY]);
if (invokedDirectly) process.exitCode = await main(process.argv.slice(2));
