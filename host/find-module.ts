/**
 * Finding a module for `import` beside the main program, as CPython's path-based finder does for
 * sys.path[0], and the record the VM receives for it (assembly/module-loader.ts).
 *
 * Entry points:
 *   findModuleBeside(dir, name, compilePy?)   `pkg/__init__.py` (a package), else `name.py`
 *                                 (compiled by compilePy: python3.11 unless a host passes ours,
 *                                 source-compiler.ts), else `name.pyc`; dotted names look inside packages
 *                                 (`a.b` → `dir/a/b.py`); null when there is none
 *   encodeModuleRecord(found)     the bytes handed to the VM (a source that does not compile
 *                                 gives a record the VM raises as that error)
 *
 * Paths are joined to `dir` as given: the main program run as `main.py` from its directory gives
 * modules `helper.py`, `pkg/__init__.py`, which is what CPython's absolute paths become once that
 * directory is removed from them (the conformance tests compare that way).
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { compileWithCPython, CPythonCompileError } from "./compile-cpython.js";

export interface FoundModule {
  /** The .pyc image (16-byte header + marshalled code object). */
  pyc: Uint8Array;
  /** __file__; default: the code's co_filename. */
  file?: string;
  /** __cached__; default None. */
  cached?: string | null;
  /** For a package: its directory (__path__[0]); absent for a plain module. */
  packagePath?: string | null;
  /** The source does not compile: the error as CPythonCompileError.details, raised by the import. */
  compileError?: Uint8Array;
}

const CACHE_TAG = "cpython-311";

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/**
 * Compiles a module's source file (co_filename = the path as given): the .pyc image, or the error
 * marshalled as the VM raises it (module-loader.ts compileError).
 */
export type ModuleCompiler = (path: string) => { pyc: Uint8Array } | { compileError: Uint8Array };

/** python3.11 (py_compile) as the module compiler, for hosts that have not loaded ours. */
export const compileModuleWithCPython: ModuleCompiler = (path) => {
  try {
    return { pyc: compileWithCPython(path) };
  } catch (e) {
    if (e instanceof CPythonCompileError) return { compileError: e.details };
    throw e;
  }
};

/** A source file, compiled by `compilePy`. */
function fromSource(file: string, cacheDir: string, stem: string, packagePath: string | null, compilePy: ModuleCompiler): FoundModule {
  const r = compilePy(file);
  if ("compileError" in r) return { pyc: r.compileError, compileError: r.compileError };
  return { pyc: r.pyc, file, cached: join(cacheDir, "__pycache__", `${stem}.${CACHE_TAG}.pyc`), packagePath };
}

/** A sourceless .pyc: __file__ and __cached__ are the .pyc itself. */
function fromPyc(file: string, packagePath: string | null): FoundModule {
  return { pyc: new Uint8Array(readFileSync(file)), file, cached: file, packagePath };
}

export function findModuleBeside(dir: string, name: string, compilePy: ModuleCompiler = compileModuleWithCPython): FoundModule | null {
  const parts = name.split(".");
  const base = join(dir, ...parts.slice(0, -1));
  const tail = parts[parts.length - 1];
  const pkgDir = join(base, tail);
  // CPython's FileFinder: a package directory first, then source, then sourceless files.
  if (existsSync(pkgDir) && statSync(pkgDir).isDirectory()) {
    const init = join(pkgDir, "__init__.py");
    if (isFile(init)) return fromSource(init, pkgDir, "__init__", pkgDir, compilePy);
    if (isFile(init + "c")) return fromPyc(init + "c", pkgDir);
  }
  const src = join(base, tail + ".py");
  if (isFile(src)) return fromSource(src, base, tail, null, compilePy);
  if (isFile(src + "c")) return fromPyc(src + "c", null);
  return null;
}

const encoder = new TextEncoder();

/** [flags, file length, cached length, path length, pyc length] as u32 LE, then the four parts. */
export function encodeModuleRecord(found: Uint8Array | FoundModule): Uint8Array {
  const m: FoundModule = found instanceof Uint8Array ? { pyc: found } : found;
  // A compile error (flag 2) travels in the pyc field.
  const file = encoder.encode(m.file ?? "");
  const cached = encoder.encode(m.cached ?? "");
  const path = encoder.encode(m.packagePath ?? "");
  const out = new Uint8Array(20 + file.length + cached.length + path.length + m.pyc.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, (m.packagePath != null ? 1 : 0) | (m.compileError !== undefined ? 2 : 0), true);
  view.setUint32(4, file.length, true);
  view.setUint32(8, cached.length, true);
  view.setUint32(12, path.length, true);
  view.setUint32(16, m.pyc.length, true);
  let o = 20;
  for (const part of [file, cached, path, m.pyc]) {
    out.set(part, o);
    o += part.length;
  }
  return out;
}
