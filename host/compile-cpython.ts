/**
 * Compiling a .py file to a .pyc image with CPython 3.11 (`py_compile`), until our own compiler
 * (issues 4-5) replaces it. Used by `pyvm run FILE.py` for the main program and by the default
 * module lookup (find-module.ts) for modules imported beside it. The interpreter is $PYVM_PYTHON,
 * else python3.11.
 *
 * Entry points:
 *   compileWithCPython(path, displayPath?)   the .pyc bytes; throws `CPythonMissingError` when
 *                                            python3.11 cannot be started and `CPythonCompileError`
 *                                            (CPython's message, e.g. the SyntaxError text) when the
 *                                            source does not compile
 *   precompileWithCPython(files)             compiles many files in one python3.11 run (starting
 *                                            it is the slow part); later compileWithCPython calls
 *                                            for them, unchanged, take the result from memory
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export class CPythonMissingError extends Error {}

/**
 * message: CPython's report (as its traceback shows a SyntaxError). details: the error marshalled
 * as (class name, msg, (filename, lineno, offset, text, end_lineno, end_offset) or None), for the
 * VM to raise it (find-module.ts).
 */
export class CPythonCompileError extends Error {
  constructor(
    message: string,
    readonly details: Uint8Array,
  ) {
    super(message);
  }
}

const SCRIPT =
  "import marshal,py_compile,sys\n" +
  "try:\n" +
  " py_compile.compile(sys.argv[1], cfile=sys.argv[2], dfile=sys.argv[3], doraise=True)\n" +
  "except py_compile.PyCompileError as e:\n" +
  " sys.stderr.write(e.msg)\n" +
  " v=e.exc_value\n" +
  " info=(v.filename,v.lineno,v.offset,v.text,v.end_lineno,v.end_offset) if isinstance(v,SyntaxError) else None\n" +
  " sys.stdout.buffer.write(marshal.dumps((type(v).__name__,v.msg if info else str(v),info)))\n" +
  " sys.exit(1)";

/**
 * The .pyc image of `path`. `displayPath` becomes co_filename (what tracebacks show); default: the
 * path as given, as `python3.11 FILE.py` would show it relative to the same directory.
 */
export function compileWithCPython(path: string, displayPath = path): Uint8Array {
  const cached = memo.get(memoKey(path, displayPath));
  if (cached) return cached;
  const dir = mkdtempSync(join(tmpdir(), "pyvm-compile-"));
  try {
    const cfile = join(dir, "out.pyc");
    const res = spawnSync(python(), ["-c", SCRIPT, path, cfile, displayPath]);
    if (res.error) throw new CPythonMissingError(`running a .py needs python3.11 to compile it (${res.error.message}); pass a .pyc`);
    if (res.status !== 0) throw new CPythonCompileError(res.stderr.toString("utf8"), new Uint8Array(res.stdout));
    return new Uint8Array(readFileSync(cfile));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function python(): string {
  return process.env.PYVM_PYTHON ?? "python3.11";
}

/** Results of precompileWithCPython, keyed by the file's identity and state and the display path. */
const memo = new Map<string, Uint8Array>();

function memoKey(path: string, displayPath: string): string {
  try {
    const st = statSync(path);
    return `${resolve(path)}\0${displayPath}\0${st.mtimeMs}\0${st.size}`;
  } catch {
    return "";
  }
}

const BATCH_SCRIPT =
  "import py_compile,sys\n" +
  "out=sys.argv[1]\n" +
  "for i in range(2, len(sys.argv), 2):\n" +
  " try:\n" +
  "  py_compile.compile(sys.argv[i], cfile=f'{out}/{i}.pyc', dfile=sys.argv[i+1], doraise=True)\n" +
  " except py_compile.PyCompileError:\n" +
  "  pass";

/**
 * Compiles `files` (path, and the co_filename to give it: default the path) in one python3.11
 * run. Files that do not compile are skipped: compileWithCPython reports their error when asked.
 */
export function precompileWithCPython(files: readonly { path: string; displayPath?: string }[]): void {
  if (files.length === 0) return;
  const dir = mkdtempSync(join(tmpdir(), "pyvm-compile-"));
  try {
    const args = files.flatMap((f) => [f.path, f.displayPath ?? f.path]);
    const res = spawnSync(python(), ["-c", BATCH_SCRIPT, dir, ...args], { encoding: "utf8" });
    if (res.error) throw new CPythonMissingError(`running a .py needs python3.11 to compile it (${res.error.message}); pass a .pyc`);
    files.forEach((f, k) => {
      const cfile = join(dir, `${2 + 2 * k}.pyc`);
      if (existsSync(cfile)) memo.set(memoKey(f.path, f.displayPath ?? f.path), new Uint8Array(readFileSync(cfile)));
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
