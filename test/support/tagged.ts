/**
 * Test helpers shared by the marshal and pyc tests (not a test file itself).
 *
 *   tag(value)        our value in the "tagged" JSON form that tools/gen_fixtures.py's tag() gives
 *                     for the Python value (see that file's docstring), so the two compare with
 *                     toEqual
 *   normalize(tagged) sorts set and frozenset items, whose order differs between CPython's hash
 *                     order and our marshal order
 *   runPython(script, input?)  python3.11 with PYTHONHASHSEED=0, JSON on stdin and stdout; the
 *                     script can `from gen_fixtures import tag` (tools/ is on sys.path)
 *   hex / unhex       bytes <-> hex text
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { CodeObject } from "../../host/code.js";
import {
  Ellipsis,
  PyComplex,
  PyDict,
  PyFrozenSet,
  PyList,
  PySet,
  StopIteration,
  SurrogateStr,
  type PyObject,
} from "../../host/objects.js";

export type Tagged = unknown[];

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const FIXTURES = path.join(ROOT, "test", "fixtures");

export const hex = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString("hex");
export const unhex = (s: string) => new Uint8Array(Buffer.from(s, "hex"));

function floatHex(x: number): string {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setFloat64(0, x, true);
  return hex(b);
}

function strTag(cps: number[]): Tagged {
  if (cps.some((c) => c >= 0xd800 && c <= 0xdfff)) return ["strcp", cps];
  return ["str", String.fromCodePoint(...cps)];
}

export function tag(v: PyObject): Tagged {
  if (v === null) return ["None"];
  if (v === Ellipsis) return ["Ellipsis"];
  if (v === StopIteration) return ["StopIteration"];
  switch (typeof v) {
    case "boolean":
      return ["bool", v];
    case "bigint":
      return ["int", v.toString()];
    case "number":
      return ["float", floatHex(v)];
    case "string": {
      const cps: number[] = [];
      for (const ch of v) cps.push(ch.codePointAt(0)!);
      return strTag(cps);
    }
  }
  if (v instanceof SurrogateStr) return strTag([...v.codePoints]);
  if (v instanceof PyComplex) return ["complex", floatHex(v.real), floatHex(v.imag)];
  if (v instanceof Uint8Array) return ["bytes", hex(v)];
  if (Array.isArray(v)) return ["tuple", (v as PyObject[]).map(tag)];
  if (v instanceof PyList) return ["list", v.items.map(tag)];
  if (v instanceof PySet) return ["set", v.items.map(tag)];
  if (v instanceof PyFrozenSet) return ["frozenset", v.items.map(tag)];
  if (v instanceof PyDict) return ["dict", v.entries.map(([k, x]) => [tag(k), tag(x)])];
  if (v instanceof CodeObject) {
    return [
      "code",
      {
        co_argcount: v.co_argcount,
        co_posonlyargcount: v.co_posonlyargcount,
        co_kwonlyargcount: v.co_kwonlyargcount,
        co_stacksize: v.co_stacksize,
        co_flags: v.co_flags,
        co_nlocals: v.co_nlocals,
        co_code: hex(v.co_code),
        co_consts: v.co_consts.map(tag),
        co_names: [...v.co_names],
        co_varnames: [...v.co_varnames],
        co_cellvars: [...v.co_cellvars],
        co_freevars: [...v.co_freevars],
        co_filename: v.co_filename,
        co_name: v.co_name,
        co_qualname: v.co_qualname,
        co_firstlineno: v.co_firstlineno,
        co_linetable: hex(v.co_linetable),
        co_exceptiontable: hex(v.co_exceptiontable),
      },
    ];
  }
  throw new Error(`cannot tag ${String(v)}`);
}

/** Set items sorted (recursively), so CPython's and our iteration orders compare equal. */
export function normalize(t: unknown): unknown {
  if (Array.isArray(t)) {
    const out = t.map(normalize);
    if ((out[0] === "set" || out[0] === "frozenset") && out.length === 2 && Array.isArray(out[1])) {
      const keyed = out[1].map((x: unknown) => [JSON.stringify(x), x] as const);
      keyed.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      out[1] = keyed.map((k) => k[1]);
    }
    return out;
  }
  if (t !== null && typeof t === "object") {
    return Object.fromEntries(Object.entries(t).map(([k, x]) => [k, normalize(x)]));
  }
  return t;
}

/** Runs a python3.11 script (PYTHONHASHSEED=0) with `input` as JSON on stdin; returns its JSON stdout. */
export function runPython<T = unknown>(script: string, input: unknown = null): T {
  const res = spawnSync("python3.11", ["-c", script], {
    input: JSON.stringify(input),
    env: { ...process.env, PYTHONHASHSEED: "0", PYTHONPATH: path.join(ROOT, "tools"), PYTHONIOENCODING: "utf-8" },
    cwd: ROOT,
    maxBuffer: 1 << 30,
    encoding: "utf-8",
  });
  if (res.status !== 0) throw new Error(`python3.11 failed (${res.status}): ${res.stderr}${res.error ?? ""}`);
  return JSON.parse(res.stdout) as T;
}
