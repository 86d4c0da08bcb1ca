/**
 * Compiling source for the VM's `compile`, `exec` and `eval` builtins (assembly/exec-eval.ts): the
 * VM hands over the source bytes and compile()'s arguments, and gets back a record:
 *
 *   [ status u32 ] then 0: the marshalled code object
 *                       2: the error, marshalled as (class name, msg, info, locationInArgs), info
 *                          (filename, lineno, offset, text, end_lineno, end_offset) or None
 *
 * which is the same error form a module that does not compile travels in (find-module.ts). This
 * module loads the whole compiler, so host/run.ts imports it lazily (start-up time counts).
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { compile, type CompileMode } from "./compiler/compile.js";
import { PyError } from "./errors.js";
import { dumps } from "./marshal.js";
import type { PyObject } from "./objects.js";
import { PySyntaxError } from "./parser/syntax-error.js";
import { writePyc } from "./pyc.js";
import type { ModuleCompiler } from "./find-module.js";

/** compile()'s `flags` bits the VM passes through (CPython's PyCF_* and CO_FUTURE_* values). */
export const PyCF_IGNORE_COOKIE = 0x800;

export interface SourceCompileRequest {
  /** The source: UTF-8 of a str (flags has PyCF_IGNORE_COOKIE), else bytes as given (PEP 263 applies). */
  source: Uint8Array;
  filename: string;
  /** 0 exec, 1 eval, 2 single */
  mode: number;
  flags: number;
  /** -1 (the interpreter's level, 0 here), 0, 1 or 2 */
  optimize: number;
}

export type SourceCompiler = (req: SourceCompileRequest) => Uint8Array;

const MODES: CompileMode[] = ["exec", "eval", "single"];

/** A module file for `import` (find-module.ts), compiled by our compiler as py_compile would. */
export const compileModuleFile: ModuleCompiler = (path) => {
  try {
    const source = readFileSync(path);
    const st = statSync(path);
    return { pyc: writePyc(compile(source, path, "exec"), { mtime: Math.floor(st.mtimeMs / 1000), sourceSize: st.size }) };
  } catch (e) {
    if (e instanceof PyError || e instanceof RangeError) return { compileError: dumps(errorTuple(e, path)) };
    throw e;
  }
};
const STATUS_ERROR = 2;

export const compileForVm: SourceCompiler = (req) => {
  try {
    const source = req.flags & PyCF_IGNORE_COOKIE ? new TextDecoder("utf-8").decode(req.source) : req.source;
    const code = compile(source, req.filename, MODES[req.mode] ?? "exec", {
      optimize: req.optimize < 0 ? 0 : req.optimize,
      futureFlags: req.flags,
    });
    return withStatus(0, dumps(code));
  } catch (e) {
    return withStatus(STATUS_ERROR, dumps(errorTuple(e, req.filename)));
  }
};

function withStatus(status: number, payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + payload.length);
  new DataView(out.buffer).setUint32(0, status, true);
  out.set(payload, 4);
  return out;
}

/** The error as the VM raises it (module-loader.ts compileError). */
export function errorTuple(e: unknown, filename: string): PyObject {
  if (e instanceof PySyntaxError) {
    const text = e.text ?? programText(filename, e.lineno);
    const int = (n: number | null) => (n === null ? null : BigInt(n));
    // Errors made with a 4-item location (the tokenizer's decoding errors) have no end at all.
    const info: PyObject =
      e.endLineno === null && e.endOffset === null
        ? [e.filename, int(e.lineno), int(e.offset), text]
        : [e.filename, int(e.lineno), int(e.offset), text, int(e.endLineno), int(e.endOffset)];
    return [e.pyType, e.pyMessage, info, e.locationInArgs];
  }
  if (e instanceof PyError) return [e.pyType, e.pyMessage, null, true];
  // A RangeError from deep recursion in the compiler is CPython's compile-time RecursionError.
  if (e instanceof RangeError) return ["RecursionError", "maximum recursion depth exceeded during compilation", null, true];
  return ["SystemError", `compiler failure: ${(e as Error)?.message ?? String(e)}`, null, true];
}

/**
 * PyErr_ProgramTextObject: line `lineno` of the file `filename` names, when it can be read (never
 * for "<string>"): CPython shows it for errors found after parsing.
 */
function programText(filename: string, lineno: number | null): string | null {
  if (lineno === null || lineno < 1 || filename.startsWith("<")) return null;
  try {
    if (!existsSync(filename) || !statSync(filename).isFile()) return null;
    const lines = readFileSync(filename, "utf8").split(/(?<=\n)/);
    return lines[lineno - 1] ?? null;
  } catch {
    return null;
  }
}
