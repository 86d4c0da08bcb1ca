/**
 * parse(): CPython 3.11's ast.parse front end. Tokenizes, runs the start rule, and on failure
 * reproduces _PyPegen_run_parser's error handling: a second pass with the invalid_* rules enabled,
 * then the generic error at the furthest token of the first pass, with tokenizer errors later in the
 * source taking priority (_PyPegen_tokenize_full_source_to_check_for_errors).
 */
import { TokenType, type Token } from "./token.js";
import { PySyntaxError } from "./syntax-error.js";
import { PyError } from "../errors.js";
import { Parser, endOfInput, type Node } from "./parser.js";
import { tokenize, raisedByTokenizer, laterTokenizerErrorForm } from "./tokenizer.js";
import { decodeSourceBytes, type DecodedSource } from "./source-text.js";
import { fileRule, interactiveRule, evalRule, funcTypeRule } from "./parse-stmt.js";
import type { Module, Expression, Interactive, FunctionType } from "./ast.generated.js";

export type ParseMode = "exec" | "eval" | "single" | "func_type";

export function parse(source: string | Uint8Array, filename?: string, mode?: "exec"): Module;
export function parse(source: string | Uint8Array, filename: string, mode: "eval"): Expression;
export function parse(source: string | Uint8Array, filename: string, mode: "single"): Interactive;
export function parse(source: string | Uint8Array, filename: string, mode: "func_type"): FunctionType;
export function parse(
  source: string | Uint8Array,
  filename?: string,
  mode?: ParseMode,
): Module | Expression | Interactive | FunctionType;
export function parse(
  source: string | Uint8Array,
  filename = "<unknown>",
  mode: ParseMode = "exec",
): Module | Expression | Interactive | FunctionType {
  const decoded: DecodedSource =
    typeof source === "string" ? { text: source, escapedBytes: false, byteOffsets: false } : decodeSourceBytes(source, filename);
  const text = decoded.text;
  const tokens = tokenize(text, filename, { escapedBytes: decoded.escapedBytes });
  if (mode !== "exec" && !/[\r\n]$/.test(text)) dropImplicitNewline(tokens);
  if (mode === "single") endInteractiveStatement(tokens);
  const p = new Parser(tokens, filename, text);
  p.implicitNewline = mode === "exec";
  p.byteOffsets = decoded.byteOffsets;
  p.escapedBytes = decoded.escapedBytes;
  const rule =
    mode === "exec" ? fileRule : mode === "eval" ? evalRule : mode === "single" ? interactiveRule : funcTypeRule;
  try {
    const tree = runRule(p, rule);
    if (mode === "single") checkSingleStatement(p);
    return tree;
  } catch (e) {
    // CPython's parser gives up with MemoryError past its stack limit (MAXSTACK); ours is the JS stack
    if (e instanceof RangeError) throw new PyError("MemoryError", "");
    throw e;
  }
}

function isTokenizerError(e: unknown): boolean {
  return e instanceof PySyntaxError && raisedByTokenizer.has(e);
}

/** _PyPegen_run_parser: both passes and the choice of the error to raise. */
export function runRule(p: Parser, rule: (p: Parser) => Node): Node {
  try {
    const r = rule(p);
    if (r) return r;
  } catch (e) {
    if (!(e instanceof PySyntaxError) || isTokenizerError(e)) throw e;
    throw laterTokenizerError(p, e);
  }
  const lastTok = p.tokens[p.furthest];
  p.resetForSecondPass();
  try {
    rule(p);
  } catch (e) {
    if (!(e instanceof PySyntaxError) || isTokenizerError(e)) throw e;
    throw laterTokenizerError(p, e);
  }
  if (lastTok.type === TokenType.INDENT || lastTok.type === TokenType.DEDENT) {
    throw p.errorAtPhantom("IndentationError", lastTok.type === TokenType.INDENT ? "unexpected indent" : "unexpected unindent", lastTok);
  }
  const generic = p.errorAt("SyntaxError", "invalid syntax", lastTok, lastTok);
  throw laterTokenizerError(p, generic);
}

/**
 * A tokenizer error anywhere after the parser's error wins over it; an unclosed bracket only when it
 * was opened on a line before the error's.
 */
function laterTokenizerError(p: Parser, err: PySyntaxError): PyError {
  if (p.fstringOffset !== null) return err;
  const last = p.tokens[p.tokens.length - 1];
  if (last.type !== TokenType.ERROR || !last.error || last.error === err) return err;
  const tokErr = last.error;
  if (raisedByTokenizer.has(tokErr)) return laterTokenizerErrorForm(tokErr);
  if (tokErr.pyMessage.endsWith(" was never closed")) {
    const errLine = p.tokens[p.furthest].lineno;
    return errLine > (tokErr.lineno ?? 0) ? tokErr : err;
  }
  return err;
}

/**
 * Only file input gets a newline appended by CPython's string tokenizer: in eval and func_type
 * modes a source without a final newline ends with ENDMARKER right after its last token.
 */
function dropImplicitNewline(tokens: Token[]): void {
  const n = tokens.length;
  if (n >= 2 && tokens[n - 1].type === TokenType.ENDMARKER && tokens[n - 2].type === TokenType.NEWLINE && tokens[n - 2].string === "") {
    tokens.splice(n - 2, 1);
  }
}

/** In single mode pegen turns the first ENDMARKER after some input into a NEWLINE (_PyPegen_fill_token). */
/** Tokens that stand for what bad_single_statement skips (blanks, newlines; comments make none). */
const INSIGNIFICANT = new Set<TokenType>([TokenType.NEWLINE, TokenType.INDENT, TokenType.DEDENT, TokenType.ENDMARKER]);

/**
 * pegen's bad_single_statement: 'single' input must hold one statement; anything but blanks and
 * comments after what the parser fetched is an error at the last token fetched.
 */
function checkSingleStatement(p: Parser): void {
  for (let i = p.furthest + 1; i < p.tokens.length; i++) {
    if (INSIGNIFICANT.has(p.tokens[i].type)) continue;
    const last = p.tokens[p.furthest];
    throw p.errorAt("SyntaxError", "multiple statements found while compiling a single statement", last, last);
  }
}

function endInteractiveStatement(tokens: Token[]): void {
  const n = tokens.length;
  const end = tokens[n - 1];
  if (n < 2 || end.type !== TokenType.ENDMARKER) return;
  const newline: Token = { ...end, type: TokenType.NEWLINE, string: "" };
  endOfInput.add(newline);
  tokens.splice(n - 1, 0, newline);
}
