#!/usr/bin/env node
/**
 * Compares our parser with CPython 3.11 over .py files (default: every .py under python3.11's
 * stdlib directory, test/ included) and prints "N of M identical" and the first mismatches. The
 * comparison itself is test/support/ast-compare.ts (also behind test/parser-stdlib.test.ts).
 *
 * Run: npx vite-node tools/ast_compare.mjs [--limit N] [--show K] [paths or dirs ...]
 */
import { statSync } from "node:fs";
import { explain, ours, reference, sameAsReference, stdlibFiles, walk } from "../test/support/ast-compare.ts";

async function main() {
  const args = process.argv.slice(2);
  let limit = Infinity;
  let show = 10;
  const inputs = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--limit") limit = Number(args[++i]);
    else if (args[i] === "--show") show = Number(args[++i]);
    else inputs.push(args[i]);
  }
  let paths = inputs.length === 0 ? stdlibFiles() : [];
  for (const x of inputs) {
    if (statSync(x).isDirectory()) walk(x, paths);
    else paths.push(x);
  }
  paths = paths.slice(0, limit);
  const refs = await reference(paths, false);
  const bad = [];
  const t0 = Date.now();
  for (const ref of refs) {
    const o = ours(ref.path);
    if (!sameAsReference(ref, o)) bad.push({ ref, o });
  }
  console.log(`${refs.length - bad.length} of ${refs.length} identical (${Date.now() - t0} ms in our parser+dump)`);
  for (const { ref, o } of bad.slice(0, show)) console.log(`MISMATCH ${await explain(ref, o)}`);
  if (bad.length > show) console.log(`… and ${bad.length - show} more`);
  process.exitCode = bad.length ? 1 : 0;
}

await main();
