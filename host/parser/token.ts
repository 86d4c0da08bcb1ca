/**
 * Tokens as the tokenizer (tokenizer.ts) hands them to the parser. Kinds and exact operator names
 * follow CPython 3.11's Lib/token.py. Positions are CPython's: 1-based lines, 0-based columns counted
 * in UTF-8 bytes from the start of the line (what the AST's col_offset holds).
 */
import type { PySyntaxError } from "./syntax-error.js";

export const enum TokenType {
  ENDMARKER = 0,
  NAME = 1,
  NUMBER = 2,
  STRING = 3,
  NEWLINE = 4,
  INDENT = 5,
  DEDENT = 6,
  /** any operator or delimiter; `string` tells which */
  OP = 54,
  TYPE_COMMENT = 58,
  /**
   * Not a CPython token: the tokenizer met an error here. The parser raises `error` when it asks for
   * this token, so an earlier syntax error wins exactly as with CPython's on-demand tokenizer.
   */
  ERROR = 255,
}

export interface Token {
  type: TokenType;
  /** the token's text (INDENT/DEDENT/ENDMARKER: ""; NEWLINE: the newline as written, "" at EOF) */
  string: string;
  lineno: number;
  /** UTF-8 byte column of the first character */
  col: number;
  endLineno: number;
  /** UTF-8 byte column just after the last character */
  endCol: number;
  /** only for TokenType.ERROR */
  error?: PySyntaxError;
}
