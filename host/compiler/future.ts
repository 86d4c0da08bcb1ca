/**
 * `from __future__ import ...` as CPython 3.11's Python/future.c: which features a module turns on,
 * and the SyntaxErrors raised while looking for them (unknown feature, braces, a future import after
 * other code on the same line). A future import on a later line is rejected by the code generator,
 * which compares its line with `FutureFeatures.lineno`.
 */
import type { Expression, FunctionType, Interactive, Module, Stmt } from "../parser/ast.generated.js";
import { PySyntaxError } from "../parser/syntax-error.js";
import { SurrogateStr } from "../objects.js";

/** CPython's CO_FUTURE_* flag bits (code object co_flags). */
export const CO_FUTURE_DIVISION = 0x20000;
export const CO_FUTURE_ABSOLUTE_IMPORT = 0x40000;
export const CO_FUTURE_WITH_STATEMENT = 0x80000;
export const CO_FUTURE_PRINT_FUNCTION = 0x100000;
export const CO_FUTURE_UNICODE_LITERALS = 0x200000;
export const CO_FUTURE_BARRY_AS_BDFL = 0x400000;
export const CO_FUTURE_GENERATOR_STOP = 0x800000;
export const CO_FUTURE_ANNOTATIONS = 0x1000000;

export interface FutureFeatures {
  /** ff_features: the CO_FUTURE_* bits turned on (only barry_as_FLUFL and annotations set bits in 3.11) */
  features: number;
  /** ff_lineno: line of the last future import of the leading block, -1 when there is none */
  lineno: number;
  annotations: boolean;
  barryAsBdfl: boolean;
}

/** Features 3.11 accepts without changing anything: they are always on (or long gone). */
const ALWAYS_ON = new Set([
  "nested_scopes",
  "generators",
  "division",
  "absolute_import",
  "with_statement",
  "print_function",
  "unicode_literals",
  "generator_stop",
]);

export function futureFeatures(mod: Module | Interactive | Expression | FunctionType, filename: string): FutureFeatures {
  const ff: FutureFeatures = { features: 0, lineno: -1, annotations: false, barryAsBdfl: false };
  if (mod._type !== "Module" && mod._type !== "Interactive") return ff;
  const body = mod.body;
  // The future imports may follow a docstring; anything else ends the leading block, except that
  // statements on the same line as the last one (joined by ';') are still looked at.
  let i = hasDocstring(body) ? 1 : 0;
  let done = false;
  let prevLine = 0;
  for (; i < body.length; i++) {
    const s = body[i];
    if (done && s.lineno > prevLine) break;
    prevLine = s.lineno;
    if (s._type === "ImportFrom" && s.module === "__future__") {
      if (done) {
        // future.c reports this one at the 0-based column (no +1), unlike its other errors.
        throw syntaxErrorAt("from __future__ imports must occur at the beginning of the file", filename, s.lineno, s.col_offset);
      }
      for (const alias of s.names) {
        const feature = alias.name;
        if (ALWAYS_ON.has(feature)) continue;
        if (feature === "barry_as_FLUFL") {
          ff.features |= CO_FUTURE_BARRY_AS_BDFL;
          ff.barryAsBdfl = true;
        } else if (feature === "annotations") {
          ff.features |= CO_FUTURE_ANNOTATIONS;
          ff.annotations = true;
        } else if (feature === "braces") {
          throw syntaxErrorAt("not a chance", filename, s.lineno, s.col_offset + 1);
        } else {
          throw syntaxErrorAt(`future feature ${feature} is not defined`, filename, s.lineno, s.col_offset + 1);
        }
      }
      ff.lineno = s.lineno;
    } else {
      done = true;
    }
  }
  return ff;
}

/** _PyAST_GetDocString: the body starts with an expression statement holding a str constant. */
function hasDocstring(body: Stmt[]): boolean {
  const first = body[0];
  if (first === undefined || first._type !== "Expr") return false;
  const v = first.value;
  return v._type === "Constant" && (typeof v.value === "string" || v.value instanceof SurrogateStr);
}

/** PyErr_SyntaxLocationObject: lineno and offset; end_lineno = lineno, end_offset None; no text for a string source. */
function syntaxErrorAt(msg: string, filename: string, lineno: number, offset: number): PySyntaxError {
  // PyErr_SyntaxLocationObject: the location goes on the attributes, not in args
  const e = new PySyntaxError("SyntaxError", msg, filename, lineno, offset, null, lineno, null);
  e.locationInArgs = false;
  return e;
}
