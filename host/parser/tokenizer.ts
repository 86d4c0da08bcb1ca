/**
 * The Python 3.11 tokenizer: source text → the token stream CPython's C tokenizer (Parser/tokenizer.c)
 * hands its parser. No COMMENT/NL tokens; NEWLINE/INDENT/DEDENT as CPython emits them; an f-string is
 * one STRING token. Errors do not throw: the stream ends with one ERROR token whose `error` holds the
 * SyntaxError CPython would raise, so the parser raises it only when it gets that far.
 *
 * Positions follow the C tokenizer where the parser can see them:
 *   - NEWLINE is zero-width at the newline; when a comment ends the line it starts at the comment
 *     (C sets the token start before skipping the comment), e.g. `x  # c` → NEWLINE col 3..6.
 *   - INDENT spans the indentation (col 0 .. indent), DEDENT and ENDMARKER are zero-width at the first
 *     token of the line, at EOF on the line after the last one, col 0 (the C tokenizer gives these
 *     three no column at all: -1; the parser only uses their line numbers).
 * Like compile() of a str, "\r\n" and "\r" read as "\n" and a missing final newline is supplied.
 */
import { TokenType, type Token } from "./token.js";
import { PySyntaxError, type SyntaxErrorType } from "./syntax-error.js";
import { NON_PRINTABLE_RANGES } from "../unicode-printable.generated.js";
import { PyError } from "../errors.js";
import { isEscapedByte, nullBytesError, sourceBytes, utf8DecodeErrorMessage } from "./source-text.js";

/** token.TYPE_IGNORE (57): `# type: ignore[...]`; only with opts.typeComments. Its string is the text after "ignore". */
export const TYPE_IGNORE = 57 as TokenType;

/** CPython's limits (tokenizer.h MAXINDENT, MAXLEVEL) */
const MAXINDENT = 100;
const MAXLEVEL = 200;
const TABSIZE = 8;

export interface TokenizeOptions {
  typeComments?: boolean;
  /**
   * Whether lone U+DC80..U+DCFF in the source stand for undecodable bytes (source-text.ts's
   * DecodedSource.escapedBytes, passed on by parse.ts). Otherwise a lone surrogate is an error.
   */
  escapedBytes?: boolean;
}

/**
 * Errors that CPython raises as exceptions from inside the tokenizer (syntaxerror() calls). After a
 * parser SyntaxError, CPython tokenizes the rest of the source and such an error replaces the
 * parser's (_PyPegen_tokenize_full_source_to_check_for_errors); the other tokenizer errors (EOF,
 * indentation, tabs, line continuation) do not. The parser asks this set.
 */
export const raisedByTokenizer = new WeakSet<PySyntaxError>();

/** Undecodable-identifier errors → their codec message (see laterTokenizerErrorForm). */
const undecodableIdentifiers = new WeakMap<PySyntaxError, string>();

/**
 * The form a tokenizer error takes when CPython meets it while re-tokenizing the rest of the source
 * after a parser error (_PyPegen_tokenize_full_source_to_check_for_errors): an identifier that is
 * not UTF-8 then escapes as the bare UnicodeDecodeError (python3.11: ast.parse(b"x = = 1\ny\xff = 2")),
 * every other error as it is. Used by parse.ts's laterTokenizerError.
 */
export function laterTokenizerErrorForm(err: PySyntaxError): PyError {
  const codecMsg = undecodableIdentifiers.get(err);
  return codecMsg === undefined ? err : new PyError("UnicodeDecodeError", codecMsg);
}

// character codes
const NL = 10, SP = 32, TAB = 9, FF = 12, HASH = 35, BSLASH = 92, SQ = 39, DQ = 34, DOT = 46, US = 95;
const C0 = 48, C7 = 55, C9 = 57;

const isDigit = (c: number) => c >= C0 && c <= C9;
const isAlnum = (c: number) => isDigit(c) || ((c | 0x20) >= 97 && (c | 0x20) <= 122);
const isHex = (c: number) => isDigit(c) || ((c | 0x20) >= 97 && (c | 0x20) <= 102);
const isIdStart = (c: number) => ((c | 0x20) >= 97 && (c | 0x20) <= 122) || c === US || c >= 128;
const isIdChar = (c: number) => isIdStart(c) || isDigit(c);

const XID_START = /^[\p{XID_Start}_]$/u;
const XID_CONTINUE = /^\p{XID_Continue}$/u;

/** str.isprintable() for one code point (Python 3.11's Unicode data) */
function isPrintable(cp: number): boolean {
  let lo = 0;
  let hi = NON_PRINTABLE_RANGES.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < NON_PRINTABLE_RANGES[2 * mid]!) hi = mid - 1;
    else if (cp > NON_PRINTABLE_RANGES[2 * mid + 1]!) lo = mid + 1;
    else return false;
  }
  return true;
}

const hex4 = (cp: number) => cp.toString(16).toUpperCase().padStart(4, "0");

/** Operators of two and three characters (PyToken_TwoChars / PyToken_ThreeChars). */
const TWO_CHAR_OPS = new Set([
  "!=", "%=", "&=", "**", "*=", "+=", "-=", "->", "//", "/=", ":=", "<<", "<=", "<>", "==", ">=", ">>", "@=", "^=", "|=",
]);
const THREE_CHAR_OPS = new Set(["**=", "...", "//=", "<<=", ">>="]);

/** Translates newlines as compile() does for str input and supplies the final one. */
function normalizeNewlines(source: string): { text: string; added: boolean } {
  let text = source.indexOf("\r") >= 0 ? source.replace(/\r\n?/g, "\n") : source;
  const added = text.length === 0 || text.charCodeAt(text.length - 1) !== NL;
  if (added) text += "\n";
  return { text, added };
}

export function tokenize(source: string, filename: string, opts: TokenizeOptions = {}): Token[] {
  const escapedBytes = opts.escapedBytes === true;
  if (!escapedBytes) checkEncodable(source);
  return new Tokenizer(source, filename, opts.typeComments === true, escapedBytes).run();
}

/**
 * What compile() of a str checks before tokenizing: the text must encode to UTF-8 (no lone
 * surrogates: UnicodeEncodeError) and hold no NUL (SyntaxError without a location).
 */
function checkEncodable(source: string): void {
  // eslint-disable-next-line no-control-regex
  if (!/[\ud800-\udfff\x00]/.test(source)) return;
  let chars = 0;
  for (let i = 0; i < source.length; i++, chars++) {
    const c = source.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < source.length) {
      const d = source.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      throw new PyError("UnicodeEncodeError", `'utf-8' codec can't encode character '\\u${c.toString(16)}' in position ${chars}: surrogates not allowed`);
    }
  }
  if (source.indexOf("\0") >= 0) throw nullBytesError();
}

class Tokenizer {
  private readonly src: string;
  private readonly n: number;
  private readonly addedNewline: boolean;
  private readonly ascii: boolean;
  private readonly out: Token[] = [];

  private p = 0;
  private lineno = 1;
  private lineStart = 0;
  // byte-column cache for the current line (non-ASCII sources only)
  private cacheLine = -1;
  private cacheIdx = 0;
  private cacheBytes = 0;

  private readonly indstack = [0];
  private readonly altindstack = [0];
  private level = 0;
  private readonly parenChar: number[] = [];
  private readonly parenLine: number[] = [];
  private readonly parenCol: number[] = [];

  constructor(
    source: string,
    private readonly filename: string,
    private readonly typeComments: boolean,
    /** lone U+DC80..U+DCFF are undecodable source bytes (one byte each) */
    private readonly escapedBytes: boolean,
  ) {
    const { text, added } = normalizeNewlines(source);
    this.src = text;
    this.n = text.length;
    this.addedNewline = added;
    // eslint-disable-next-line no-control-regex
    this.ascii = !/[^\x00-\x7f]/.test(text);
  }

  private code(i: number): number {
    return i < this.n ? this.src.charCodeAt(i) : -1;
  }

  /** Records that the newline just before index `i` was consumed. */
  private newline(i: number): void {
    this.lineno++;
    this.lineStart = i;
  }

  /** UTF-8 byte column of index i on the current line. */
  private bcol(i: number): number {
    if (this.ascii) return i - this.lineStart;
    let j: number;
    let bytes: number;
    if (this.cacheLine === this.lineStart && i >= this.cacheIdx) {
      j = this.cacheIdx;
      bytes = this.cacheBytes;
    } else {
      j = this.lineStart;
      bytes = 0;
    }
    const s = this.src;
    for (; j < i; j++) {
      const c = s.charCodeAt(j);
      bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : this.escapedBytes && isEscapedByte(s, j) ? 1 : c >= 0xd800 && c <= 0xdfff ? 2 : 3;
    }
    this.cacheLine = this.lineStart;
    this.cacheIdx = i;
    this.cacheBytes = bytes;
    return bytes;
  }

  private emit(type: TokenType, start: number, end: number, col: number, string?: string): void {
    this.out.push({
      type,
      string: string ?? this.src.slice(start, end),
      lineno: this.lineno,
      col,
      endLineno: this.lineno,
      endCol: this.bcol(end),
    });
  }

  // ---------------------------------------------------------------------------------------------
  // errors

  /** The text of the line starting at `start`, without its newline. */
  private lineText(start: number): string {
    const end = this.src.indexOf("\n", start);
    return this.src.slice(start, end < 0 ? this.n : end);
  }

  /** Code points in src[from, to). */
  private chars(from: number, to: number): number {
    let count = to - from;
    if (!this.ascii) {
      for (let i = from; i < to; i++) {
        const c = this.src.charCodeAt(i);
        if (c >= 0xdc00 && c <= 0xdfff) count--;
      }
    }
    return count;
  }

  /** Code points in the first `bytes` UTF-8 bytes of `line` (a partial character counts as one). */
  private static bytesToChars(line: string, bytes: number): number {
    let b = 0;
    let count = 0;
    for (let i = 0; i < line.length && b < bytes; i++) {
      const c = line.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff) {
        b += 4;
        i++;
      } else b += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
      count++;
    }
    return count + Math.max(0, bytes - b);
  }

  private fail(err: PySyntaxError, raised: boolean): Token[] {
    if (raised) raisedByTokenizer.add(err);
    const col = this.p <= this.n ? this.bcol(Math.min(this.p, this.n)) : 0;
    this.out.push({ type: TokenType.ERROR, string: "", lineno: this.lineno, col, endLineno: this.lineno, endCol: col, error: err });
    return this.out;
  }

  /**
   * tokenizer.c's syntaxerror(): the message at the tokenizer's current position `cur` on the current
   * line; offset = characters before cur, text = the line without its newline.
   */
  private syntaxError(msg: string, cur: number): Token[] {
    const offset = this.chars(this.lineStart, cur);
    return this.syntaxErrorRange(msg, offset, offset);
  }

  /**
   * An identifier whose bytes are not UTF-8: CPython reports it at the tokenizer's position after
   * the identifier (a byte column, not +1, whatever the encoding) with no end (-1).
   */
  private undecodableIdentifier(codecMsg: string, cur: number): Token[] {
    // CPython reads this text from its line buffer decoded with "replace", newline kept.
    const end = this.src.indexOf("\n", this.lineStart);
    const text = this.src.slice(this.lineStart, end < 0 ? this.n : end + 1).replace(/[\udc80-\udcff]/g, "\ufffd");
    const err = new PySyntaxError("SyntaxError", `(unicode error) ${codecMsg}`, this.filename, this.lineno, this.bcol(cur), text, this.lineno, -1);
    undecodableIdentifiers.set(err, codecMsg);
    return this.fail(err, true);
  }

  private syntaxErrorRange(msg: string, offset: number, endOffset: number): Token[] {
    const err = new PySyntaxError("SyntaxError", msg, this.filename, this.lineno, offset, this.lineText(this.lineStart), this.lineno, endOffset);
    return this.fail(err, true);
  }

  /**
   * Errors the parser raises from a tokenizer status (E_TABSPACE, E_TOODEEP, E_LINECONT, E_EOF,
   * E_DEDENT): pegen's RAISE_ERROR_KNOWN_LOCATION / _PyPegen_raise_error on the tokenizer's line.
   * `lineno`/`lineStart` name the line; text is that line with its newline when it is the
   * tokenizer's current line, as CPython takes it from the tokenizer's buffer.
   */
  private parserLevelError(
    type: SyntaxErrorType,
    msg: string,
    lineno: number,
    lineStart: number,
    byteCol: number,
    endOffset: number,
    current: boolean,
  ): Token[] {
    const line = this.lineText(lineStart);
    const text = current ? line + "\n" : line;
    const offset = Tokenizer.bytesToChars(text, byteCol);
    const err = new PySyntaxError(type, msg, this.filename, lineno, offset, text, lineno, endOffset);
    return this.fail(err, false);
  }

  /** The line number and start of the last line (EOF reports there: C does not count past it). */
  private lastLine(): { lineno: number; start: number } {
    if (this.p < this.n) return { lineno: this.lineno, start: this.lineStart };
    return { lineno: this.lineno - 1, start: this.prevLineStart(this.n) };
  }

  /** The start of the line before the one starting at `start`. */
  private prevLineStart(start: number): number {
    return start <= 1 ? 0 : this.src.lastIndexOf("\n", start - 2) + 1;
  }

  /** E_EOF: "'(' was never closed" inside brackets, else "unexpected EOF while parsing". */
  private eofError(): Token[] {
    const last = this.lastLine();
    if (this.level > 0) {
      const k = this.level - 1;
      const line = this.parenLine[k]!;
      let start = last.start;
      // find the start of the bracket's line
      for (let ln = last.lineno; ln > line; ln--) start = this.prevLineStart(start);
      return this.parserLevelError(
        "SyntaxError",
        `'${String.fromCharCode(this.parenChar[k]!)}' was never closed`,
        line,
        start,
        this.parenCol[k]! + 1,
        0,
        line >= last.lineno,
      );
    }
    const lineLen = this.lineText(last.start).length;
    return this.parserLevelError("SyntaxError", "unexpected EOF while parsing", last.lineno, last.start, utf8Length(this.src, last.start, last.start + lineLen) + 1, -1, true);
  }

  /** indentation errors reported with offset 1 (RAISE_ERROR_KNOWN_LOCATION at col 0, end -1) */
  private indentError(type: SyntaxErrorType, msg: string): Token[] {
    return this.parserLevelError(type, msg, this.lineno, this.lineStart, 1, 0, true);
  }

  /** A backslash at `i`: consumes "\\\n"; an error token (returned) when the line does not end there. */
  private continuation(i: number): Token[] | null {
    if (this.code(i + 1) !== NL) {
      // E_LINECONT: pegen reports the column just past the character after the backslash
      this.p = i + 2;
      const byteCol = utf8Length(this.src, this.lineStart, Math.min(i + 1, this.n)) + 1;
      return this.parserLevelError("SyntaxError", "unexpected character after line continuation character", this.lineno, this.lineStart, byteCol, 0, true);
    }
    this.p = i + 2;
    this.newline(this.p);
    if (this.p >= this.n) return this.eofError();
    return null;
  }

  // ---------------------------------------------------------------------------------------------

  run(): Token[] {
    const src = this.src;
    // an empty source: tokenize.py's ENDMARKER position (the supplied newline makes no line)
    if (this.n === 1 && this.addedNewline) {
      this.out.push({ type: TokenType.ENDMARKER, string: "", lineno: 1, col: 0, endLineno: 1, endCol: 0 });
      return this.out;
    }
    let atbol = true;
    for (;;) {
      // nextline:
      let blankline = false;
      if (atbol) {
        atbol = false;
        let col = 0;
        let altcol = 0;
        let contLineCol = 0;
        let c: number;
        for (;;) {
          c = this.code(this.p);
          if (c === SP) {
            col++;
            altcol++;
          } else if (c === TAB) {
            col = (Math.floor(col / TABSIZE) + 1) * TABSIZE;
            altcol++;
          } else if (c === FF) {
            col = altcol = 0;
          } else if (c === BSLASH) {
            // indentation cannot be split over lines: the first backslash's column decides
            contLineCol = contLineCol || col;
            const err = this.continuation(this.p);
            if (err) return err;
            continue;
          } else break;
          this.p++;
        }
        if (c === HASH || c === NL) blankline = true;
        if (!blankline && this.level === 0) {
          if (contLineCol) col = altcol = contLineCol;
          const ind = this.indstack.length - 1;
          if (col === this.indstack[ind]) {
            if (altcol !== this.altindstack[ind]) return this.indentError("TabError", "inconsistent use of tabs and spaces in indentation");
          } else if (col > this.indstack[ind]!) {
            if (ind + 1 >= MAXINDENT) return this.indentError("IndentationError", "too many levels of indentation");
            if (altcol <= this.altindstack[ind]!) return this.indentError("TabError", "inconsistent use of tabs and spaces in indentation");
            this.indstack.push(col);
            this.altindstack.push(altcol);
            this.emit(TokenType.INDENT, this.p, this.p, 0, "");
          } else {
            let dedents = 0;
            while (this.indstack.length > 1 && col < this.indstack[this.indstack.length - 1]!) {
              this.indstack.pop();
              this.altindstack.pop();
              dedents++;
            }
            if (col !== this.indstack[this.indstack.length - 1]) {
              // E_DEDENT: pegen reports the end of the line (tok->cur = tok->inp)
              const end = src.indexOf("\n", this.p) + 1;
              this.p = end;
              const byteCol = utf8Length(src, this.lineStart, end);
              return this.parserLevelError("IndentationError", "unindent does not match any outer indentation level", this.lineno, this.lineStart, byteCol, -1, true);
            }
            if (altcol !== this.altindstack[this.altindstack.length - 1]) return this.indentError("TabError", "inconsistent use of tabs and spaces in indentation");
            const at = this.bcol(this.p);
            for (let k = 0; k < dedents; k++) this.emit(TokenType.DEDENT, this.p, this.p, at, "");
          }
        }
      }

      // again: (after a line continuation the scan restarts here)
      for (;;) {
        let c = this.code(this.p);
        while (c === SP || c === TAB || c === FF) c = this.code(++this.p);
        const start = this.p;
        const startCol = this.bcol(start);

        if (c === HASH) {
          let e = src.indexOf("\n", start);
          if (e < 0) e = this.n;
          this.p = e;
          if (this.typeComments) {
            const kind = this.typeComment(start, e, blankline);
            if (kind === TYPE_IGNORE && blankline) {
              // the newline goes with a type: ignore that is alone on its line
              this.p = e + 1;
              this.newline(this.p);
              atbol = true;
              break;
            }
            if (kind !== null) blankline = false;
          }
          c = this.code(this.p);
        }

        if (c === -1) {
          if (this.level > 0) return this.eofError();
          this.emit(TokenType.ENDMARKER, this.p, this.p, this.bcol(this.p), "");
          return this.out;
        }

        if (isIdStart(c)) {
          const r = this.nameOrString(start, startCol);
          if (r) return r;
          break;
        }

        if (c === NL) {
          atbol = true;
          if (!blankline && this.level === 0) {
            const last = this.addedNewline && this.p === this.n - 1;
            this.out.push({
              type: TokenType.NEWLINE,
              string: last ? "" : "\n",
              lineno: this.lineno,
              col: startCol,
              endLineno: this.lineno,
              endCol: this.bcol(this.p),
            });
          }
          this.p++;
          this.newline(this.p);
          break;
        }

        if (c === DOT) {
          const c2 = this.code(start + 1);
          if (isDigit(c2)) {
            const r = this.number(start, startCol, true);
            if (r) return r;
          } else if (c2 === DOT && this.code(start + 2) === DOT) {
            this.p = start + 3;
            this.emit(TokenType.OP, start, this.p, startCol);
          } else {
            this.p = start + 1;
            this.emit(TokenType.OP, start, this.p, startCol);
          }
          break;
        }

        if (isDigit(c)) {
          const r = this.number(start, startCol, false);
          if (r) return r;
          break;
        }

        if (c === SQ || c === DQ) {
          const r = this.string(start, start, startCol);
          if (r) return r;
          break;
        }

        if (c === BSLASH) {
          const err = this.continuation(start);
          if (err) return err;
          continue; // goto again
        }

        // operators
        const two = src.slice(start, start + 2);
        if (TWO_CHAR_OPS.has(two)) {
          const three = src.slice(start, start + 3);
          this.p = start + (THREE_CHAR_OPS.has(three) ? 3 : 2);
          this.emit(TokenType.OP, start, this.p, startCol);
          break;
        }
        this.p = start + 1;
        if (c === 40 || c === 91 || c === 123) {
          if (this.level >= MAXLEVEL) return this.syntaxError("too many nested parentheses", this.p);
          this.parenChar.push(c);
          this.parenLine.push(this.lineno);
          this.parenCol.push(startCol);
          this.level++;
        } else if (c === 41 || c === 93 || c === 125) {
          if (this.level === 0) return this.syntaxError(`unmatched '${String.fromCharCode(c)}'`, this.p);
          this.level--;
          const opening = this.parenChar.pop()!;
          this.parenCol.pop();
          const line = this.parenLine.pop()!;
          if (!((opening === 40 && c === 41) || (opening === 91 && c === 93) || (opening === 123 && c === 125))) {
            const o = String.fromCharCode(opening);
            const cl = String.fromCharCode(c);
            const msg =
              line !== this.lineno
                ? `closing parenthesis '${cl}' does not match opening parenthesis '${o}' on line ${line}`
                : `closing parenthesis '${cl}' does not match opening parenthesis '${o}'`;
            return this.syntaxError(msg, this.p);
          }
        }
        if (!isPrintable(c)) return this.syntaxError(`invalid non-printable character U+${hex4(c)}`, this.p);
        this.emit(TokenType.OP, start, this.p, startCol);
        break;
      }
    }
  }

  /**
   * A comment at [start, end) when type comments are on: "# type: X" gives TYPE_COMMENT "X",
   * "# type: ignore..." TYPE_IGNORE with the text after "ignore". Returns the kind emitted, or null.
   */
  private typeComment(start: number, end: number, _blankline: boolean): TokenType | null {
    const src = this.src;
    const prefix = "# type: ";
    let p = start;
    let k = 0;
    for (; k < prefix.length && p < end; k++) {
      const want = prefix.charCodeAt(k);
      if (want === SP) {
        while (src.charCodeAt(p) === SP || src.charCodeAt(p) === TAB) p++;
      } else if (src.charCodeAt(p) === want) p++;
      else break;
    }
    if (k < prefix.length) return null;
    const ignoreEnd = p + 6;
    const after = ignoreEnd < end ? src.charCodeAt(ignoreEnd) : -1;
    const isIgnore =
      end >= ignoreEnd && src.startsWith("ignore", p) &&
      !(end > ignoreEnd && (after >= 128 || isAlnum(after)));
    if (isIgnore) {
      this.emit(TYPE_IGNORE, ignoreEnd, end, this.bcol(ignoreEnd));
      return TYPE_IGNORE;
    }
    this.emit(TokenType.TYPE_COMMENT, p, end, this.bcol(p));
    return TokenType.TYPE_COMMENT;
  }

  /** An identifier, or a string with a prefix (b, r, u, f and their legal combinations). */
  private nameOrString(start: number, startCol: number): Token[] | null {
    const src = this.src;
    let p = start;
    let sawB = false, sawR = false, sawU = false, sawF = false;
    for (;;) {
      const c = src.charCodeAt(p) | 0x20;
      if (!(sawB || sawU || sawF) && c === 98) sawB = true;
      else if (!(sawB || sawU || sawR || sawF) && c === 117) sawU = true;
      else if (!(sawR || sawU) && c === 114) sawR = true;
      else if (!(sawF || sawB || sawU) && c === 102) sawF = true;
      else break;
      p++;
      const q = src.charCodeAt(p);
      if (q === SQ || q === DQ) return this.string(start, p, startCol);
    }
    let nonascii = false;
    for (;;) {
      const c = src.charCodeAt(p);
      if (!isIdChar(c)) break;
      if (c >= 128) nonascii = true;
      p++;
    }
    this.p = p;
    let name = src.slice(start, p);
    if (nonascii && this.escapedBytes) {
      // verify_identifier: decoding the identifier's bytes fails first
      const msg = utf8DecodeErrorMessage(sourceBytes(name));
      if (msg !== null) return this.undecodableIdentifier(msg, p);
    }
    if (nonascii) {
      const bad = invalidIdentifierIndex(name);
      if (bad >= 0) {
        const cp = name.codePointAt(bad)!;
        this.p = start + bad + (cp > 0xffff ? 2 : 1);
        const msg = isPrintable(cp) ? `invalid character '${String.fromCodePoint(cp)}' (U+${hex4(cp)})` : `invalid non-printable character U+${hex4(cp)}`;
        return this.syntaxError(msg, this.p);
      }
      name = name.normalize("NFKC");
    }
    this.emit(TokenType.NAME, start, p, startCol, name);
    return null;
  }

  /** A string literal whose prefix starts at `start` and opening quote is at `q`. */
  private string(start: number, q: number, startCol: number): Token[] | null {
    const src = this.src;
    const quote = src.charCodeAt(q);
    const firstLine = this.lineno;
    const firstLineStart = this.lineStart;
    let p = q + 1;
    let quoteSize = 1;
    let endQuoteSize = 0;
    if (src.charCodeAt(p) === quote) {
      if (src.charCodeAt(p + 1) === quote) {
        quoteSize = 3;
        p += 2;
      } else {
        endQuoteSize = 1;
        p += 1;
      }
    }
    while (endQuoteSize !== quoteSize) {
      const c = this.code(p);
      p++;
      if (c === -1 || (quoteSize === 1 && c === NL)) {
        // reported at the literal's first character, on its first line
        const detected = c === -1 ? this.lineno - 1 : this.lineno;
        this.lineno = firstLine;
        this.lineStart = firstLineStart;
        this.p = start + 1;
        const what = quoteSize === 3 ? "unterminated triple-quoted string literal" : "unterminated string literal";
        return this.syntaxError(`${what} (detected at line ${detected})`, start + 1);
      }
      if (c === quote) endQuoteSize++;
      else {
        endQuoteSize = 0;
        if (c === NL) this.newline(p);
        else if (c === BSLASH) {
          const e = this.code(p);
          if (e !== -1) p++;
          if (e === NL) this.newline(p);
        }
      }
    }
    this.p = p;
    this.out.push({
      type: TokenType.STRING,
      string: src.slice(start, p),
      lineno: firstLine,
      col: startCol,
      endLineno: this.lineno,
      endCol: this.bcol(p),
    });
    return null;
  }

  // ---------------------------------------------------------------------------------------------
  // numbers: the C tokenizer's walk, with `p` as its `cur` (index of the next unread character)

  /** digits and single underscores between digits; returns the index of the first other character */
  private decimalTail(p: number): number | Token[] {
    for (;;) {
      while (isDigit(this.code(p))) p++;
      if (this.code(p) !== US) return p;
      if (!isDigit(this.code(p + 1))) return this.syntaxError("invalid decimal literal", p + 1);
      p++;
    }
  }

  /**
   * verify_end_of_number: the character at `p` ends the literal unless it is an ASCII name character
   * (a non-ASCII one starts the next token: "1é" is NUMBER NAME, "1€" an invalid character);
   * "1if", "0x1for" and the like are let through (a keyword follows: CPython only warns).
   */
  private endOfNumber(p: number, kind: string): Token[] | null {
    const c = this.code(p);
    const src = this.src;
    let keyword = false;
    if (c === 97) keyword = src.startsWith("nd", p + 1);
    else if (c === 101) keyword = src.startsWith("lse", p + 1);
    else if (c === 102) keyword = src.startsWith("or", p + 1);
    else if (c === 105) {
      const c2 = this.code(p + 1);
      keyword = c2 === 102 || c2 === 110 || c2 === 115;
    } else if (c === 111) keyword = src.startsWith("r", p + 1);
    else if (c === 110) keyword = src.startsWith("ot", p + 1);
    if (!keyword && c !== -1 && c < 128 && isIdChar(c)) return this.syntaxError(`invalid ${kind} literal`, p);
    return null;
  }

  private number(start: number, startCol: number, leadingDot: boolean): Token[] | null {
    const r = leadingDot ? this.fraction(start + 1) : this.numberBody(start);
    if (typeof r !== "number") return r;
    this.p = r;
    this.emit(TokenType.NUMBER, start, r, startCol);
    return null;
  }

  /** Returns the end index of the literal, or the error token list. */
  private numberBody(start: number): number | Token[] {
    let p = start + 1;
    if (this.code(start) === C0) {
      const c = this.code(p) | 0x20;
      if (c === 120) return this.radix(p + 1, isHex, "hexadecimal");
      if (c === 111) return this.radix(p + 1, (d) => d >= C0 && d <= C7, "octal");
      if (c === 98) return this.radix(p + 1, (d) => d === C0 || d === 49, "binary");
      // zeros, maybe old-style octal
      let ch = this.code(p);
      for (;;) {
        if (ch === US) {
          if (!isDigit(this.code(p + 1))) return this.syntaxError("invalid decimal literal", p + 1);
          p++;
          ch = this.code(p);
        }
        if (ch !== C0) break;
        p++;
        ch = this.code(p);
      }
      const zerosEnd = p + 1; // C's cur after reading the first non-zero character
      let nonzero = false;
      if (isDigit(ch)) {
        nonzero = true;
        const t = this.decimalTail(p);
        if (typeof t !== "number") return t;
        p = t;
        ch = this.code(p);
      }
      if (ch === DOT) return this.fraction(p + 1);
      if ((ch | 0x20) === 101) return this.exponent(p);
      if ((ch | 0x20) === 106) return this.imaginary(p);
      if (nonzero) {
        const lineBytesStart = utf8Length(this.src, this.lineStart, start);
        const lineBytesEnd = utf8Length(this.src, this.lineStart, zerosEnd);
        return this.syntaxErrorRange(
          "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
          lineBytesStart + 1,
          lineBytesEnd,
        );
      }
      const err = this.endOfNumber(p, "decimal");
      return err ?? p;
    }
    const t = this.decimalTail(start);
    if (typeof t !== "number") return t;
    p = t;
    const ch = this.code(p);
    if (ch === DOT) return this.fraction(p + 1);
    return this.afterFraction(p);
  }

  private radix(p: number, isDig: (c: number) => boolean, kind: string): number | Token[] {
    const digitError = (c: number, at: number) =>
      isDigit(c) ? this.syntaxError(`invalid digit '${String.fromCharCode(c)}' in ${kind} literal`, at + 1) : this.syntaxError(`invalid ${kind} literal`, at);
    let c = this.code(p);
    do {
      if (c === US) c = this.code(++p);
      if (!isDig(c)) return kind === "hexadecimal" ? this.syntaxError("invalid hexadecimal literal", p) : digitError(c, p);
      do c = this.code(++p);
      while (isDig(c));
    } while (c === US);
    if (kind !== "hexadecimal" && isDigit(c)) return digitError(c, p);
    const err = this.endOfNumber(p, kind);
    return err ?? p;
  }

  /** after "digits." : optional digits, then exponent/imaginary */
  private fraction(p: number): number | Token[] {
    if (isDigit(this.code(p))) {
      const t = this.decimalTail(p);
      if (typeof t !== "number") return t;
      p = t;
    }
    return this.afterFraction(p);
  }

  private afterFraction(p: number): number | Token[] {
    const c = this.code(p) | 0x20;
    if (c === 101) return this.exponent(p);
    if (c === 106) return this.imaginary(p);
    const err = this.endOfNumber(p, "decimal");
    return err ?? p;
  }

  /** `p` at the 'e' */
  private exponent(p: number): number | Token[] {
    let q = p + 1;
    let c = this.code(q);
    if (c === 43 || c === 45) {
      q++;
      c = this.code(q);
      if (!isDigit(c)) return this.syntaxError("invalid decimal literal", q);
    } else if (!isDigit(c)) {
      // "1e" then not a digit: the 'e' is not part of the number
      const err = this.endOfNumber(p, "decimal");
      return err ?? p;
    }
    const t = this.decimalTail(q);
    if (typeof t !== "number") return t;
    if ((this.code(t) | 0x20) === 106) return this.imaginary(t);
    const err = this.endOfNumber(t, "decimal");
    return err ?? t;
  }

  /** `p` at the 'j' */
  private imaginary(p: number): number | Token[] {
    const err = this.endOfNumber(p + 1, "imaginary");
    return err ?? p + 1;
  }
}

/** UTF-8 length of src[from, to) */
function utf8Length(src: string, from: number, to: number): number {
  let bytes = 0;
  for (let i = from; i < to; i++) {
    const c = src.charCodeAt(i);
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdfff ? 2 : 3;
  }
  return bytes;
}

/** _PyUnicode_ScanIdentifier: index (UTF-16) of the first character that cannot be in an identifier, or -1. */
function invalidIdentifierIndex(name: string): number {
  let i = 0;
  for (const ch of name) {
    const ok = i === 0 ? XID_START.test(ch) : XID_CONTINUE.test(ch);
    if (!ok) return i;
    i += ch.length;
  }
  return -1;
}
