/**
 * Our parser against CPython 3.11's over source files: astDump(parse(bytes, path), {includeAttributes:
 * true}) must equal ast.dump(ast.parse(bytes, path), include_attributes=True) (compared by sha256),
 * and a file CPython rejects must be rejected with the same error type, msg, lineno and offset.
 * Used by test/parser-stdlib.test.ts and tools/ast_compare.mjs.
 */
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { parse } from "../../host/parser/parse.js";
import { astDump } from "../../host/parser/ast-dump.js";
import { PySyntaxError } from "../../host/parser/syntax-error.js";
import { PYTHON } from "./python.js";

const env = { ...process.env, PYTHONHASHSEED: "0", PYTHONIOENCODING: "utf-8" };

// One JSON line per path: the dump's sha256 (or the dump itself with "full"), or the error's fields.
const REFERENCE = `
import ast, hashlib, json, sys, warnings
warnings.simplefilter("ignore")
sys.set_int_max_str_digits(0)
full = sys.argv[1] == "full"
for path in sys.stdin.read().split("\\n"):
    if not path: continue
    try:
        src = open(path, "rb").read()
        d = ast.dump(ast.parse(src, path), include_attributes=True)
        rec = {"path": path, "dump": d} if full else {"path": path, "sha": hashlib.sha256(d.encode("utf-8", "surrogatepass")).hexdigest()}
    except (SyntaxError, ValueError) as e:
        rec = {"path": path, "error": [type(e).__name__, getattr(e, "msg", str(e)), getattr(e, "lineno", None), getattr(e, "offset", None)]}
    print(json.dumps(rec))
`;

export interface Reference {
  path: string;
  sha?: string;
  dump?: string;
  error?: [string, string, number | null, number | null];
}

export type Ours = { dump: string } | { error: [string, string, number | null, number | null] } | { crash: string };

/** Every .py file under python3.11's standard library directory, test/ included, sorted. */
export function stdlibFiles(): string[] {
  const r = spawnSync(PYTHON, ["-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"], { env });
  const out: string[] = [];
  walk(r.stdout.toString().trim(), out);
  return out;
}

export function walk(dir: string, out: string[]): void {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== "site-packages" && name !== "__pycache__") walk(p, out);
    } else if (name.endsWith(".py")) out.push(p);
  }
}

function referenceChunk(paths: string[], full: boolean): Promise<Reference[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, ["-c", REFERENCE, full ? "full" : "sha"], { env });
    const chunks: Buffer[] = [];
    const errs: Buffer[] = [];
    child.stdout.on("data", (b: Buffer) => chunks.push(b));
    child.stderr.on("data", (b: Buffer) => errs.push(b));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(Buffer.concat(errs).toString()));
      resolve(Buffer.concat(chunks).toString("utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as Reference));
    });
    child.stdin.end(paths.join("\n"));
  });
}

/** CPython's results, `procs` python processes at once (order kept). */
export async function reference(paths: string[], full: boolean, procs = 2): Promise<Reference[]> {
  const size = Math.ceil(paths.length / procs) || 1;
  const parts: string[][] = [];
  for (let i = 0; i < paths.length; i += size) parts.push(paths.slice(i, i + size));
  return (await Promise.all(parts.map((p) => referenceChunk(p, full)))).flat();
}

export function ours(path: string): Ours {
  try {
    return { dump: astDump(parse(readFileSync(path), path), { includeAttributes: true }) };
  } catch (e) {
    if (e instanceof PySyntaxError) return { error: [e.pyType, e.pyMessage, e.lineno, e.offset] };
    return { crash: String(e instanceof Error && e.stack ? e.stack.split("\n").slice(0, 4).join(" | ") : e) };
  }
}

export function sameAsReference(ref: Reference, o: Ours): boolean {
  if (ref.error) return "error" in o && JSON.stringify(o.error) === JSON.stringify(ref.error);
  return "dump" in o && createHash("sha256").update(o.dump, "utf8").digest("hex") === ref.sha;
}

/** A readable account of one mismatch (fetches CPython's full dump for AST differences). */
export async function explain(ref: Reference, o: Ours): Promise<string> {
  if ("crash" in o) return `${ref.path}: crash: ${o.crash}`;
  if (ref.error || "error" in o) return `${ref.path}: ours ${JSON.stringify("error" in o ? o.error : "AST")}, CPython ${JSON.stringify(ref.error ?? "AST")}`;
  const [full] = await reference([ref.path], true, 1);
  const a = o.dump;
  const b = full.dump ?? "";
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 120);
  return `${ref.path}: first difference at ${i}:\n    ours:    …${a.slice(from, i + 120)}\n    cpython: …${b.slice(from, i + 120)}`;
}
