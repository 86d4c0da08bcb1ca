/**
 * SyntaxError and its subclasses as the tokenizer and parser raise them, with the fields CPython 3.11
 * gives them: `filename`, `lineno`, `offset` (1-based, in characters of the line, as CPython converts
 * its byte offsets), `text` (the source line, with its newline when it has one), `end_lineno`,
 * `end_offset` (0 / undefined where CPython has None). `String(err)` reads like CPython's last
 * traceback line: "SyntaxError: invalid syntax".
 */
import { PyError } from "../errors.js";

export type SyntaxErrorType = "SyntaxError" | "IndentationError" | "TabError";

export class PySyntaxError extends PyError {
  constructor(
    pyType: SyntaxErrorType,
    msg: string,
    readonly filename: string,
    /** null where CPython has None (the null-byte check runs before any position is known) */
    readonly lineno: number | null,
    /** 1-based character offset in `text`; CPython's `offset` (null: None) */
    readonly offset: number | null,
    /** the source line CPython reports (null when it has none) */
    readonly text: string | null,
    readonly endLineno: number | null = null,
    readonly endOffset: number | null = null,
  ) {
    super(pyType, msg);
  }
  /**
   * How CPython attaches the location: the parser and the code generator pass it in `args`
   * (`SyntaxError(msg, (filename, lineno, ...))`); the symbol table and future.c set it as
   * attributes only (PyErr_RangedSyntaxLocationObject), leaving `args == (msg,)`.
   */
  locationInArgs = true;
}
