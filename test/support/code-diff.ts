/**
 * Field-by-field comparison of two code object trees (ours against CPython's), for the fidelity
 * harness (tools/fidelity.ts) and compiler tests.
 *
 *   diffCode(ours, theirs)   every code object pair, with the fields that differ and a short account
 *                            of the first difference in each
 *   formatPairDiff(pair)     that account as text
 *
 * Nested code objects are paired by their position among the code objects of co_consts (the k-th
 * with the k-th), so an extra plain constant does not shift the pairing; each pair is its own entry.
 * In co_consts itself a code object only has to face a code object: what is inside it is judged in
 * its own entry. Other constants must be exactly equal: same type, same value, floats by their bits
 * except that any NaN equals any NaN (CPython's constant keys), frozensets as sets (as CPython's
 * code equality does: their order is not stable, marshal.loads re-inserts the elements and that can
 * reorder them). A code object on one side only differs in every field.
 */
import { CodeObject } from "../../host/code.js";
import { constEquals } from "../../host/code-compare.js";
import { getInstructions, prettyFlags, type Instruction } from "../../host/dis.js";
import type { ExceptionTableEntry } from "../../host/exceptiontable.js";
import { PyComplex, PyFrozenSet, SurrogateStr, strCodePoints, typeName, type PyObject } from "../../host/objects.js";
import { pyRepr } from "../../host/repr.js";

/** The compared fields, in marshal order. */
export const CODE_FIELDS = [
  "co_argcount",
  "co_posonlyargcount",
  "co_kwonlyargcount",
  "co_stacksize",
  "co_flags",
  "co_code",
  "co_consts",
  "co_names",
  "co_localsplusnames",
  "co_localspluskinds",
  "co_filename",
  "co_name",
  "co_qualname",
  "co_firstlineno",
  "co_linetable",
  "co_exceptiontable",
] as const;

export type CodeField = (typeof CODE_FIELDS)[number];

export type Presence = "both" | "ours only" | "theirs only";

/** One code object pair. */
export interface CodePairDiff {
  /** co_name of every enclosing code object and this one, joined by ".": `<module>.f.<lambda>`. */
  path: string;
  /** CPython's co_qualname and co_firstlineno (ours when CPython has no such code object). */
  qualname: string;
  firstlineno: number;
  presence: Presence;
  /** The differing fields, in CODE_FIELDS order; empty when the pair is identical. */
  fields: CodeField[];
  /** For each differing field, what differs first ("ours … , CPython …"). */
  first: Partial<Record<CodeField, string>>;
}

export interface CodeDiff {
  pairs: CodePairDiff[];
  /** Pairs identical in every field. */
  identical: number;
}

/**
 * Compares two code object trees. Either side may be null (the file did not compile): every code
 * object of the other side then counts as present on one side only.
 */
export function diffCode(ours: CodeObject | null, theirs: CodeObject | null): CodeDiff {
  const pairs: CodePairDiff[] = [];
  walk(ours, theirs, "", pairs);
  return { pairs, identical: pairs.filter((p) => p.fields.length === 0).length };
}

function walk(ours: CodeObject | null, theirs: CodeObject | null, parent: string, out: CodePairDiff[]): void {
  const any = (theirs ?? ours)!;
  const path = parent === "" ? any.co_name : `${parent}.${any.co_name}`;
  const pair: CodePairDiff = {
    path,
    qualname: any.co_qualname,
    firstlineno: any.co_firstlineno,
    presence: ours && theirs ? "both" : ours ? "ours only" : "theirs only",
    fields: [],
    first: {},
  };
  if (ours && theirs) {
    for (const field of CODE_FIELDS) {
      const why = fieldDifference(field, ours, theirs);
      if (why !== null) {
        pair.fields.push(field);
        pair.first[field] = why;
      }
    }
  } else {
    pair.fields = [...CODE_FIELDS];
    for (const field of CODE_FIELDS) pair.first[field] = ours ? "no such code object in CPython's" : "no such code object in ours";
  }
  out.push(pair);
  const a = ours ? ours.nestedCode() : [];
  const b = theirs ? theirs.nestedCode() : [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) walk(a[i] ?? null, b[i] ?? null, path, out);
}

/** Why `field` differs between the two, or null when it is equal. */
function fieldDifference(field: CodeField, ours: CodeObject, theirs: CodeObject): string | null {
  switch (field) {
    case "co_argcount":
    case "co_posonlyargcount":
    case "co_kwonlyargcount":
    case "co_stacksize":
    case "co_firstlineno":
      return ours[field] === theirs[field] ? null : `ours ${ours[field]}, CPython ${theirs[field]}`;
    case "co_flags":
      return ours.co_flags === theirs.co_flags
        ? null
        : `ours 0x${ours.co_flags.toString(16)} (${prettyFlags(ours.co_flags)}), ` +
            `CPython 0x${theirs.co_flags.toString(16)} (${prettyFlags(theirs.co_flags)})`;
    case "co_filename":
    case "co_name":
    case "co_qualname":
      return ours[field] === theirs[field] ? null : `ours ${JSON.stringify(ours[field])}, CPython ${JSON.stringify(theirs[field])}`;
    case "co_names":
    case "co_localsplusnames":
      return sequenceDifference(ours[field], theirs[field], (x, y) => x === y, (x) => JSON.stringify(x));
    case "co_localspluskinds":
      return sequenceDifference(Array.from(ours[field]), Array.from(theirs[field]), (x, y) => x === y, (x) => `0x${x.toString(16)}`);
    case "co_consts":
      return sequenceDifference(ours.co_consts, theirs.co_consts, sameConstant, constantText);
    case "co_code":
      return bytesEqual(ours.co_code, theirs.co_code) ? null : codeDifference(ours, theirs);
    case "co_linetable":
      return bytesEqual(ours.co_linetable, theirs.co_linetable) ? null : linetableDifference(ours, theirs);
    case "co_exceptiontable":
      return bytesEqual(ours.co_exceptiontable, theirs.co_exceptiontable) ? null : exceptionTableDifference(ours, theirs);
  }
}

/** The first index where two sequences differ, described; null when equal. */
function sequenceDifference<T>(
  ours: readonly T[],
  theirs: readonly T[],
  same: (x: T, y: T) => boolean,
  show: (x: T) => string,
): string | null {
  const n = Math.min(ours.length, theirs.length);
  for (let i = 0; i < n; i++) {
    if (!same(ours[i], theirs[i])) return `[${i}]: ours ${show(ours[i])}, CPython ${show(theirs[i])}`;
  }
  if (ours.length === theirs.length) return null;
  const extra = ours.length > theirs.length ? `ours has [${n}] ${show(ours[n])}` : `CPython has [${n}] ${show(theirs[n])}`;
  return `length: ours ${ours.length}, CPython ${theirs.length}; ${extra}`;
}

/**
 * Constant equality for co_consts: code objects only have to meet code objects (their contents are
 * their own pair), the rest as CPython's constant keys.
 */
function sameConstant(a: PyObject, b: PyObject): boolean {
  if (a instanceof CodeObject || b instanceof CodeObject) return a instanceof CodeObject && b instanceof CodeObject;
  return sameValue(a, b);
}

function sameValue(a: PyObject, b: PyObject): boolean {
  if (typeof a === "number" || typeof b === "number") return Object.is(a, b); // -0.0 is not 0.0; NaN is NaN
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (a instanceof PyFrozenSet && b instanceof PyFrozenSet) {
    // Order does not count: unmarshalling re-inserts the elements, and that alone can reorder them.
    return a.items.length === b.items.length && a.items.every((x) => b.items.some((y) => sameValue(x, y)));
  }
  if (a instanceof PyComplex && b instanceof PyComplex) return Object.is(a.real, b.real) && Object.is(a.imag, b.imag);
  if ((typeof a === "string" || a instanceof SurrogateStr) && (typeof b === "string" || b instanceof SurrogateStr)) {
    const x = strCodePoints(a);
    const y = strCodePoints(b);
    return x.length === y.length && x.every((c, i) => c === y[i]);
  }
  return constEquals(a, b); // bytes, and anything else the value model holds
}

/** A constant as the description shows it: its repr (shortened) and type. */
function constantText(v: PyObject): string {
  if (v instanceof CodeObject) return `<code ${v.co_name}>`;
  let text: string;
  try {
    text = pyRepr(v);
  } catch {
    text = "<unprintable>";
  }
  if (text.length > 60) text = text.slice(0, 57) + "...";
  return `${text} (${typeName(v)})`;
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function firstDifferingByte(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return n;
}

/** The first differing instruction of co_code, disassembled on both sides. */
function codeDifference(ours: CodeObject, theirs: CodeObject): string {
  const at = firstDifferingByte(ours.co_code, theirs.co_code);
  const sizes = ours.co_code.length === theirs.co_code.length ? "" : ` (ours ${ours.co_code.length} bytes, CPython ${theirs.co_code.length})`;
  return `offset ${at & ~1}: ours ${instructionAt(ours, at)}, CPython ${instructionAt(theirs, at)}${sizes}`;
}

/** The instruction (or inline cache entry) covering byte `offset`, as dis prints it. */
function instructionAt(code: CodeObject, offset: number): string {
  if (offset >= code.co_code.length) return "<end>";
  let found: Instruction | undefined;
  try {
    for (const ins of getInstructions(code, { showCaches: true })) {
      if (ins.offset > offset) break;
      found = ins;
    }
  } catch {
    found = undefined; // malformed bytecode: show the raw bytes below
  }
  if (!found) return `bytes ${code.co_code[offset & ~1]} ${code.co_code[(offset & ~1) + 1]}`;
  const arg = found.arg === null ? "" : ` ${found.arg}`;
  const argrepr = found.argrepr ? ` (${found.argrepr.length > 40 ? found.argrepr.slice(0, 37) + "..." : found.argrepr})` : "";
  return `${found.opname}${arg}${argrepr}`;
}

/** The first code unit whose decoded position differs, or the first differing byte when they all agree. */
function linetableDifference(ours: CodeObject, theirs: CodeObject): string {
  let a, b;
  try {
    a = ours.co_positions();
    b = theirs.co_positions();
  } catch (e) {
    return `byte ${firstDifferingByte(ours.co_linetable, theirs.co_linetable)} (undecodable: ${String(e)})`;
  }
  const show = (p: (number | null)[] | undefined) => (p ? `(${p.map((x) => (x === null ? "None" : x)).join(", ")})` : "<none>");
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (!a[i] || !b[i] || a[i].some((x, k) => x !== b[i][k])) {
      return `offset ${2 * i}: ours ${show(a[i])}, CPython ${show(b[i])}`;
    }
  }
  return `same positions, encoded differently from byte ${firstDifferingByte(ours.co_linetable, theirs.co_linetable)}`;
}

function exceptionTableDifference(ours: CodeObject, theirs: CodeObject): string {
  let a: ExceptionTableEntry[], b: ExceptionTableEntry[];
  try {
    a = ours.exceptionTable();
    b = theirs.exceptionTable();
  } catch (e) {
    return `byte ${firstDifferingByte(ours.co_exceptiontable, theirs.co_exceptiontable)} (undecodable: ${String(e)})`;
  }
  const show = (e: ExceptionTableEntry) => `${e.start} to ${e.end - 2} -> ${e.target} [${e.depth}]${e.lasti ? " lasti" : ""}`;
  const same = (x: ExceptionTableEntry, y: ExceptionTableEntry) =>
    x.start === y.start && x.end === y.end && x.target === y.target && x.depth === y.depth && x.lasti === y.lasti;
  return (
    sequenceDifference(a, b, same, show) ??
    `same entries, encoded differently from byte ${firstDifferingByte(ours.co_exceptiontable, theirs.co_exceptiontable)}`
  );
}

/** A pair as a few lines of text: where it is, then one line per differing field. */
export function formatPairDiff(pair: CodePairDiff): string {
  const head = `${pair.path} (${pair.qualname}, line ${pair.firstlineno})`;
  if (pair.presence !== "both") return `${head}: ${pair.presence}`;
  if (pair.fields.length === 0) return `${head}: identical`;
  return [head, ...pair.fields.map((f) => `  ${f}: ${pair.first[f]}`)].join("\n");
}
