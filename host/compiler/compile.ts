/**
 * compile(source, filename, mode): Python source to a CPython 3.11 code object, as the builtin
 * compile() does (parser → AST optimizer → symbol table → codegen → flow-graph passes → assembler).
 */
import type { CodeObject } from "../code.js";
import { PyError } from "../errors.js";
import { parse } from "../parser/parse.js";
import type { Module, Expression, Interactive } from "../parser/ast.generated.js";
import { futureFeatures, CO_FUTURE_ANNOTATIONS, CO_FUTURE_BARRY_AS_BDFL } from "./future.js";
import { buildSymtable } from "./symtable.js";
import { optimizeAst } from "./ast-opt.js";
import { Compiler, NotYetCompiled } from "./codegen.js";

export type CompileMode = "exec" | "eval" | "single";

export interface CompileOptions {
  /** -O level as compile()'s `optimize` (0: keep asserts and docstrings, 1: drop asserts, 2: also docstrings). */
  optimize?: number;
  /**
   * CO_FUTURE_* bits compile()'s `flags` (or the code calling exec/eval) brings in: they join the
   * source's own future imports and go into every code object's co_flags, as CPython merges
   * cf_flags into ff_features. (barry_as_FLUFL passed this way does not reach the parser.)
   */
  futureFlags?: number;
}

/** PyCF_MASK: the CO_FUTURE_* bits compile() accepts in `flags`. */
export const PyCF_MASK = 0x20000 | 0x40000 | 0x80000 | 0x100000 | 0x200000 | 0x400000 | 0x800000 | 0x1000000;

export function compile(source: string | Uint8Array, filename: string, mode: CompileMode, options: CompileOptions = {}): CodeObject {
  const optimize = options.optimize ?? 0;
  const mod = parse(source, filename, mode) as Module | Expression | Interactive;
  const future = futureFeatures(mod, filename);
  const inherited = (options.futureFlags ?? 0) & PyCF_MASK;
  if (inherited) {
    future.features |= inherited;
    if (inherited & CO_FUTURE_ANNOTATIONS) future.annotations = true;
    if (inherited & CO_FUTURE_BARRY_AS_BDFL) future.barryAsBdfl = true;
  }
  optimizeAst(mod, optimize, { futureAnnotations: future.annotations });
  const st = buildSymtable(mod, filename, future);
  const c = new Compiler(st, future, { filename, optimize, interactive: mode === "single" });
  try {
    return c.compileModule(mod);
  } catch (e) {
    if (e instanceof NotYetCompiled) throw new PyError("NotImplementedError", e.message);
    throw e;
  }
}
