/**
 * Our side of the digests tools/stdlib_oracle.py computes with CPython: the same text formats for
 * co_lines(), co_positions() and dis, hashed with SHA-256. Keep the two files in step.
 */
import { createHash } from "node:crypto";
import { CodeObject } from "../../host/code.js";

export function* codeTree(code: CodeObject): Generator<CodeObject> {
  yield code;
  for (const child of code.nestedCode()) yield* codeTree(child);
}

const fmt = (v: number | null) => (v === null ? "None" : String(v));

export function linesText(code: CodeObject): string {
  let out = "";
  for (const c of codeTree(code)) out += `${c.co_qualname}:` + c.co_lines().map((r) => r.map(fmt).join(",")).join(";") + "\n";
  return out;
}

export function positionsText(code: CodeObject): string {
  let out = "";
  for (const c of codeTree(code)) out += `${c.co_qualname}:` + c.co_positions().map((p) => p.map(fmt).join(",")).join(";") + "\n";
  return out;
}

export function normalizeAddresses(text: string): string {
  return text.replace(/ at 0x[0-9a-f]+/g, " at 0x?");
}

export function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
