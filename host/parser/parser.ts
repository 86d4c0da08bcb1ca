/**
 * The parser's state and token primitives: an array of tokens, a mark (index) that rules save and
 * reset to backtrack, per-rule memo tables, the furthest token looked at (where CPython reports a
 * generic "invalid syntax"), and the switch for the second, error-finding pass (`callInvalid`).
 * The grammar rules live in parse-expr.ts, parse-stmt.ts, parse-pattern.ts, parse-invalid.ts.
 */
import { TokenType, type Token } from "./token.js";
import { PySyntaxError, type SyntaxErrorType } from "./syntax-error.js";
import { PyError } from "../errors.js";

/** AST nodes are plain objects (see ast.generated.ts for their shapes). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Node = any;

/** Python's hard keywords: a NAME token spelled like one is never an identifier. */
export const KEYWORDS: ReadonlySet<string> = new Set([
  "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
  "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in",
  "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
]);

/** CPython's parser gives up with MemoryError past MAXSTACK (6000) nested rule calls. */
const MAX_DEPTH = 6000;

/** Rule numbers for the memo tables: 0-15 are taken by parse-expr.ts's hot rules, names get the rest. */
const RULE_NUMBERS = new Map<string, number>();
function ruleNumber(name: string): number {
  let n = RULE_NUMBERS.get(name);
  if (n === undefined) RULE_NUMBERS.set(name, (n = 16 + RULE_NUMBERS.size));
  return n;
}

/** pegen's CURRENT_POS: an error end at the tokenizer's current position */
export const CURRENT_POS = -5;

export class Parser {
  pos = 0;
  /** highest token index fetched: CPython's p->fill - 1 */
  furthest = 0;
  /** second pass: the invalid_* rules are enabled */
  callInvalid = false;
  depth = 0;
  /** set on the parser of an f-string expression: its "(expr)" text starts at this byte column */
  fstringOffset: number | null = null;
  /**
   * Report error columns as UTF-8 byte offsets (+1) instead of characters: CPython 3.11 does for
   * bytes without a BOM or coding cookie (tok->encoding stays NULL, so pegen skips its conversion).
   */
  byteOffsets = false;
  /** The source came from bytes and holds undecodable ones as U+DC00 + byte (DecodedSource). */
  escapedBytes = false;
  /** the source split in lines (for SyntaxError.text), built on demand */
  private lines: string[] | null = null;

  constructor(
    readonly tokens: Token[],
    readonly filename: string,
    readonly source: string,
  ) {}

  /** The current token (fetching it raises a tokenizer error it carries). */
  peek(): Token {
    const t = this.tokens[this.pos];
    if (this.pos > this.furthest) this.furthest = this.pos;
    if (t.type === TokenType.ERROR) throw t.error!;
    return t;
  }

  /** The token after the current one (fetching it like CPython's lookahead would). */
  peekAt(i: number): Token {
    const idx = Math.min(this.pos + i, this.tokens.length - 1);
    if (idx > this.furthest) this.furthest = idx;
    const t = this.tokens[idx];
    if (t.type === TokenType.ERROR) throw t.error!;
    return t;
  }

  /** Consumes an operator token spelled `op`, or returns null. */
  op(op: string): Token | null {
    const t = this.peek();
    if (t.type === TokenType.OP && t.string === op) {
      this.pos++;
      return t;
    }
    return null;
  }

  isOp(op: string): boolean {
    const t = this.peek();
    return t.type === TokenType.OP && t.string === op;
  }

  /** Consumes a keyword (hard or soft: both are NAME tokens here), or returns null. */
  kw(word: string): Token | null {
    const t = this.peek();
    if (t.type === TokenType.NAME && t.string === word) {
      this.pos++;
      return t;
    }
    return null;
  }

  isKw(word: string): boolean {
    const t = this.peek();
    return t.type === TokenType.NAME && t.string === word;
  }

  /** Consumes a token of `type`, or returns null. */
  expect(type: TokenType): Token | null {
    const t = this.peek();
    if (t.type === type) {
      this.pos++;
      return t;
    }
    return null;
  }

  /** NAME that is not a hard keyword. */
  name(): Token | null {
    const t = this.peek();
    if (t.type === TokenType.NAME && !KEYWORDS.has(t.string)) {
      this.pos++;
      return t;
    }
    return null;
  }

  /** The `&&tok` forced token: missing it is an immediate "expected 'tok'". */
  forceOp(op: string): Token {
    const t = this.op(op);
    if (t) return t;
    const at = this.peek();
    throw this.errorAt("SyntaxError", `expected '${op}'`, at, at);
  }

  /** The last consumed token that is not NEWLINE/INDENT/DEDENT/ENDMARKER: where EXTRA ends. */
  lastTok(): Token {
    let m = this.pos - 1;
    let t = this.tokens[m];
    while (m > 0 && (t.type === TokenType.ENDMARKER || (t.type >= TokenType.NEWLINE && t.type <= TokenType.DEDENT))) {
      t = this.tokens[--m];
    }
    return t;
  }

  /** Adds CPython's EXTRA location (start token → last consumed token) to a node. */
  loc(node: Node, start: Token): Node {
    const e = this.lastTok();
    node.lineno = start.lineno;
    node.col_offset = start.col;
    node.end_lineno = e.endLineno;
    node.end_col_offset = e.endCol;
    return node;
  }

  /**
   * Memo tables, one per rule number: at token index i, memoEnd[i] is 0 when nothing is stored, else
   * the end position + 1 (memoNode[i] holding the node, null for a failure).
   */
  private memoEnds: (Int32Array | undefined)[] = [];
  private memoNodes: Node[][] = [];

  /** The memoized result at the current position (advancing to its end), or undefined. */
  memoHit(rule: number): Node | undefined {
    const ends = this.memoEnds[rule];
    if (ends === undefined) return undefined;
    const e = ends[this.pos];
    if (e === 0) return undefined;
    const node = this.memoNodes[rule][this.pos];
    this.pos = e - 1;
    return node;
  }

  /** Stores `node` (null: failure, position reset to `start`) for `rule` at `start`; returns it. */
  memoStore(rule: number, start: number, node: Node): Node {
    if (node === null) this.pos = start;
    let ends = this.memoEnds[rule];
    if (ends === undefined) {
      ends = this.memoEnds[rule] = new Int32Array(this.tokens.length + 1);
      this.memoNodes[rule] = new Array(this.tokens.length + 1).fill(null);
    }
    ends[start] = this.pos + 1;
    this.memoNodes[rule][start] = node;
    return node;
  }

  /** Whether `rule` has a stored result at the current position (without using it). */
  memoGet(rule: string): boolean {
    const ends = this.memoEnds[ruleNumber(rule)];
    return ends !== undefined && ends[this.pos] !== 0;
  }

  memoSet(rule: string, start: number, node: Node): void {
    this.memoStore(ruleNumber(rule), start, node);
  }

  /** Runs `fn` memoized per start position (CPython's (memo) rules and left-recursive rules). */
  memo(rule: string, fn: () => Node): Node {
    const id = ruleNumber(rule);
    const hit = this.memoHit(id);
    if (hit !== undefined) return hit;
    const start = this.pos;
    return this.memoStore(id, start, fn());
  }

  /** RAISE_SYNTAX_ERROR / RAISE_INDENTATION_ERROR: located at the last token fetched. */
  errorLast(msg: string, type: SyntaxErrorType = "SyntaxError"): PySyntaxError {
    const t = this.tokens[this.furthest];
    if (isPhantom(t)) return this.errorAtPhantom(type, msg, t);
    return this.errorAt(type, msg, t, t);
  }

  /** Where CPython's tokenizer stands at EOF: the last line's number and its byte length. */
  lastLine(): { lineno: number; col: number } {
    const src = this.source;
    const lastStart = src.length === 0 ? 0 : src.lastIndexOf("\n", src.length - 2) + 1;
    let lineno = 1;
    for (let i = 0; i < lastStart; i++) if (src.charCodeAt(i) === 10) lineno++;
    return { lineno, col: utf8Length(src.slice(lastStart)) };
  }

  /** Bracket depth after each token (the tokenizer's `level` CPython stores in each token). */
  private levels: Int32Array | null = null;
  levelAt(i: number): number {
    if (!this.levels) {
      const lv = new Int32Array(this.tokens.length);
      let d = 0;
      for (let k = 0; k < this.tokens.length; k++) {
        const t = this.tokens[k];
        if (t.type === TokenType.OP && t.string.length === 1) {
          const c = t.string;
          if (c === "(" || c === "[" || c === "{") d++;
          else if (c === ")" || c === "]" || c === "}") d--;
        }
        lv[k] = d;
      }
      this.levels = lv;
    }
    return this.levels[i];
  }

  resetForSecondPass(): void {
    this.memoEnds = [];
    this.memoNodes = [];
    this.pos = 0;
    this.callInvalid = true;
    this.depth = 0;
  }

  enter(): void {
    if (++this.depth > MAX_DEPTH) throw new PyError("MemoryError", "");
  }

  leave(): void {
    this.depth--;
  }

  // ---- errors -------------------------------------------------------------------------------

  /** file input: CPython's tokenizer appended a newline to a source that lacked one */
  implicitNewline = false;

  sourceLine(lineno: number): string | null {
    if (!this.lines) {
      this.lines = this.source.split(/(?<=\n)/);
      const n = this.lines.length;
      if (this.implicitNewline && n > 0 && !this.lines[n - 1].endsWith("\n")) this.lines[n - 1] += "\n";
    }
    const l = this.lines[lineno - 1];
    return l === undefined ? null : l;
  }

  /** Converts a UTF-8 byte column of `lineno` to CPython's 1-based character offset. */
  charOffset(lineno: number, byteCol: number): number {
    const line = this.sourceLine(lineno);
    if (line === null) return byteCol + 1;
    return this.column(line, byteCol) + 1;
  }

  /** A 0-based byte column of `line` as CPython reports it: characters, or bytes (byteOffsets). */
  column(line: string, byteCol: number): number {
    return this.byteOffsets ? byteCol : byteColToChars(line, byteCol);
  }

  /** A SyntaxError spanning tokens `a` … `b` (RAISE_SYNTAX_ERROR_KNOWN_RANGE). */
  errorAt(type: SyntaxErrorType, msg: string, a: Token, b: Token | null): PySyntaxError {
    if (isPhantom(a)) {
      // a known location with no columns: CPython reports offset 0 and end_offset 0
      const lineno = a.type === TokenType.ENDMARKER || endOfInput.has(a) ? this.lastLine().lineno : a.lineno;
      return new PySyntaxError(type, msg, this.filename, lineno, 0, this.sourceLine(lineno), lineno, 0);
    }
    return this.errorAtPos(type, msg, a.lineno, a.col, b ? b.endLineno : a.endLineno, b ? b.endCol : a.endCol);
  }

  /**
   * INDENT, DEDENT and ENDMARKER have no columns in CPython (-1): an error there is placed at the
   * tokenizer's current position (0-based byte column, not +1) with end_offset -1. For INDENT and
   * DEDENT that is where the line's text starts; at ENDMARKER it is the end of the last line.
   */
  errorAtPhantom(type: SyntaxErrorType, msg: string, t: Token): PySyntaxError {
    let lineno = t.lineno;
    let col = t.endCol;
    if (t.type === TokenType.ENDMARKER || endOfInput.has(t)) ({ lineno, col } = this.lastLine());
    const text = this.sourceLine(lineno);
    const offset = text === null ? col : this.column(text, col);
    return new PySyntaxError(type, msg, this.filename, lineno, offset, text, lineno, -1);
  }

  /** A SyntaxError spanning a node's location (RAISE_SYNTAX_ERROR_KNOWN_NODE / _RANGE on nodes). */
  errorNode(msg: string, a: Node, b: Node = a, type: SyntaxErrorType = "SyntaxError"): PySyntaxError {
    return this.errorAtPos(type, msg, a.lineno, a.col_offset, b.end_lineno, b.end_col_offset);
  }

  errorAtPos(
    type: SyntaxErrorType,
    msg: string,
    lineno: number,
    byteCol: number,
    endLineno: number,
    endByteCol: number,
  ): PySyntaxError {
    if (this.fstringOffset !== null) {
      // errors inside an f-string expression point into its "(expr)" text (pegen_errors.c)
      const text = this.source + "\n";
      const off = this.fstringOffset;
      const offset = byteColToChars(text, byteCol - off) + 1;
      const endOffset = endByteCol < 0 ? -1 : byteColToChars(text, endByteCol - off) + 1;
      return new PySyntaxError(type, "f-string: " + msg, this.filename, lineno, offset, text, endLineno, endOffset);
    }
    const text = this.sourceLine(lineno);
    const offset = this.charOffset(lineno, byteCol);
    // CPython converts the end column with the start line's text too. -1 (no end) becomes 0;
    // CURRENT_POS (-5) is where the tokenizer stands: the end of the last token fetched.
    let endOffset: number;
    if (endByteCol === CURRENT_POS) {
      const cur = this.tokens[this.furthest];
      endLineno = cur.endLineno;
      endOffset = text === null ? cur.endCol : this.column(text, cur.endCol);
    } else if (endByteCol === -1) endOffset = 0;
    else endOffset = this.charOffset(lineno, endByteCol);
    return new PySyntaxError(type, msg, this.filename, lineno, offset, text, endLineno, endOffset);
  }
}

/** INDENT, DEDENT and ENDMARKER: tokens CPython gives no columns (-1). */
export function isPhantom(t: Token): boolean {
  return t.type === TokenType.ENDMARKER || t.type === TokenType.INDENT || t.type === TokenType.DEDENT || endOfInput.has(t);
}

/** The NEWLINE single mode makes of the first ENDMARKER keeps the ENDMARKER's missing columns. */
export const endOfInput = new WeakSet<Token>();

/** How many characters (code points) the first `byteCol` UTF-8 bytes of `line` hold. */
export function byteColToChars(line: string, byteCol: number): number {
  let bytes = 0;
  let chars = 0;
  for (let i = 0; i < line.length && bytes < byteCol; i++) {
    const c = line.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
    chars++;
  }
  return chars;
}

/** UTF-8 length of a JS string. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
