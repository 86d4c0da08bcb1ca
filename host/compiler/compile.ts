/**
 * compile(source, filename, mode): Python source to a CPython 3.11 code object, as the builtin
 * compile() does (parser → AST optimizer → symbol table → codegen → flow-graph passes → assembler).
 */
import type { CodeObject } from "../code.js";
import { PyError } from "../errors.js";
import { parse } from "../parser/parse.js";
import type { Module, Expression, Interactive } from "../parser/ast.generated.js";
import { futureFeatures } from "./future.js";
import { buildSymtable } from "./symtable.js";
import { optimizeAst } from "./ast-opt.js";
import { Compiler, NotYetCompiled } from "./codegen.js";

export type CompileMode = "exec" | "eval" | "single";

export interface CompileOptions {
  /** -O level as compile()'s `optimize` (0: keep asserts and docstrings, 1: drop asserts, 2: also docstrings). */
  optimize?: number;
}

export function compile(source: string | Uint8Array, filename: string, mode: CompileMode, options: CompileOptions = {}): CodeObject {
  const optimize = options.optimize ?? 0;
  const mod = parse(source, filename, mode) as Module | Expression | Interactive;
  const future = futureFeatures(mod, filename);
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
