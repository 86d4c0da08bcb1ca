/**
 * String literals as CPython 3.11's Parser/string_parser.c turns STRING tokens into AST nodes:
 * prefixes, escapes, implicit concatenation (one Constant or JoinedStr spanning all the tokens),
 * bytes, and f-strings. In 3.11 every literal piece and FormattedValue of an f-string carries the
 * location of the whole concatenation; only the expressions inside have their own positions, found
 * by re-parsing "(expr)" and shifting its tokens (fstringExprLocation below).
 */
import { TokenType, type Token } from "./token.js";
import { Parser, type Node, utf8Length } from "./parser.js";
import { strFromCodePoints } from "../objects.js";
import { tokenize, raisedByTokenizer } from "./tokenizer.js";
import { PySyntaxError, type SyntaxErrorType } from "./syntax-error.js";
import { runRule } from "./parse.js";
import { starExpressions } from "./parse-expr.js";
import { lookupUnicodeName } from "./parse-unicode-names.js";
import { isPhantom } from "./parser.js";
import {
  hasEscapedBytes, replaceDecoded, replaceDecodedLength, sourceBytes, utf8DecodeErrorMessage,
} from "./source-text.js";

interface Lit {
  raw: boolean;
  bytes: boolean;
  fstr: boolean;
  u: boolean;
  body: string;
  /** index in the token text where the body starts */
  bodyStart: number;
}

function splitLiteral(text: string): Lit {
  let i = 0;
  let raw = false;
  let bytes = false;
  let fstr = false;
  let u = false;
  for (;;) {
    const c = text.charCodeAt(i) | 0x20;
    if (c === 0x72) raw = true;
    else if (c === 0x62) bytes = true;
    else if (c === 0x66) fstr = true;
    else if (c === 0x75) u = true;
    else break;
    i++;
  }
  const q = text[i];
  const triple = text.length >= i + 6 && text[i + 1] === q && text[i + 2] === q;
  const ql = triple ? 3 : 1;
  return { raw, bytes, fstr, u, body: text.slice(i + ql, text.length - ql), bodyStart: i + ql };
}

/** The error CPython's RAISE_SYNTAX_ERROR gives: at the last token fetched. */
function lastTokenError(p: Parser, msg: string): Error {
  return p.errorLast(msg);
}

/** strings: STRING+ → Constant (str or bytes) or JoinedStr */
export function concatStrings(p: Parser, toks: Token[]): Node {
  const first = toks[0];
  const last = toks[toks.length - 1];
  const lits = toks.map((t) => splitLiteral(t.string));
  const isBytes = lits[0].bytes;
  for (const l of lits) {
    if (l.bytes !== isBytes) throw lastTokenError(p, "cannot mix bytes and nonbytes literals");
  }
  const kind = lits[0].u ? "u" : null;
  const loc = { lineno: first.lineno, col_offset: first.col, end_lineno: last.endLineno, end_col_offset: last.endCol };
  if (isBytes) {
    const parts: Uint8Array[] = lits.map((l, i) => decodeBytes(p, l, toks[i]));
    let n = 0;
    for (const b of parts) n += b.length;
    const out = new Uint8Array(n);
    let o = 0;
    for (const b of parts) {
      out.set(b, o);
      o += b.length;
    }
    return { _type: "Constant", value: out, kind: null, ...loc };
  }
  if (!lits.some((l) => l.fstr)) {
    const values = lits.map((l, i) => {
      // string_parser.c decodes a body without backslashes as a whole, like a raw one
      const whole = l.raw || l.body.indexOf("\\") < 0;
      checkDecodable(p, l.body, whole);
      return l.raw ? l.body : decodeStr(p, l.body, toks[i]);
    });
    return { _type: "Constant", value: joinStrValues(values), kind, ...loc };
  }
  const b = new FstringBuilder(kind, loc);
  for (let i = 0; i < lits.length; i++) {
    const l = lits[i];
    if (!l.fstr) {
      checkDecodable(p, l.body, l.raw || l.body.indexOf("\\") < 0);
      b.addLiteral(l.raw ? l.body : decodeStr(p, l.body, toks[i]));
    }
    else {
      const sc = new FstringScanner(p, toks[i], l, b, 0);
      sc.run();
    }
  }
  return b.finish();
}

type StrValue = string | { codePoints: readonly number[] };

function joinStrValues(values: StrValue[]): Node {
  if (values.every((v) => typeof v === "string")) return (values as string[]).join("");
  const cps: number[] = [];
  for (const v of values) {
    if (typeof v === "string") for (const ch of v) cps.push(ch.codePointAt(0)!);
    else for (const c of v.codePoints) cps.push(c);
  }
  return strFromCodePoints(cps);
}

type Loc = { lineno: number; col_offset: number; end_lineno: number; end_col_offset: number };

/**
 * Collects the pieces of an f-string: adjacent literal text merges, empty text is dropped.
 * Locations as string_parser.c gives them: FormattedValues and the text flushed before one span the
 * whole concatenation (`loc`); the text left at the end and the JoinedStr itself span `finishLoc`
 * (the same at the top level; only the current token for a format spec).
 */
class FstringBuilder {
  values: Node[] = [];
  pending: StrValue[] = [];
  constructor(
    readonly kind: string | null,
    readonly loc: Loc,
    readonly finishLoc: Loc = loc,
  ) {}

  addLiteral(s: StrValue): void {
    if (typeof s === "string" ? s.length === 0 : s.codePoints.length === 0) return;
    this.pending.push(s);
  }

  flush(loc: Loc): void {
    if (this.pending.length) {
      this.values.push({ _type: "Constant", value: joinStrValues(this.pending), kind: this.kind, ...loc });
      this.pending = [];
    }
  }

  addExpr(e: Node): void {
    this.flush(this.loc);
    this.values.push(e);
  }

  finish(): Node {
    this.flush(this.finishLoc);
    return { _type: "JoinedStr", values: this.values, ...this.finishLoc };
  }
}

/** Walks one f-string token body (or a format spec inside it) as string_parser.c's fstring_find_* do. */
class FstringScanner {
  i: number;
  constructor(
    readonly p: Parser,
    readonly tok: Token,
    readonly lit: Lit,
    readonly out: FstringBuilder,
    readonly level: number,
    start = 0,
  ) {
    this.i = start;
  }

  err(msg: string): Error {
    return lastTokenError(this.p, msg);
  }

  /** Scans literals and expressions until the end (level 0) or a '}' ending a format spec. */
  run(): void {
    const s = this.lit.body;
    const end = s.length;
    for (;;) {
      // literal part
      const litStart = this.i;
      let chunkEnd = -1;
      let skipTo = -1;
      let i = this.i;
      while (i < end) {
        let ch = s[i++];
        if (!this.lit.raw && ch === "\\" && i < end) {
          ch = s[i++];
          if (ch === "N") {
            if (i < end && s[i++] === "{") {
              while (i < end && s[i++] !== "}");
            }
            continue;
          }
          continue;
        }
        if (ch === "{" || ch === "}") {
          if (this.level === 0) {
            if (i < end && s[i] === ch) {
              chunkEnd = i; // include one brace
              skipTo = i + 1;
              break;
            }
            if (ch === "}") throw this.err("f-string: single '}' is not allowed");
          }
          i--;
          break;
        }
      }
      const litEnd = chunkEnd >= 0 ? chunkEnd : i;
      if (litEnd > litStart) {
        const text = s.slice(litStart, litEnd);
        // an f-string's literal text is decoded piece by piece, escapes or not
        checkDecodable(this.p, text, this.lit.raw);
        this.out.addLiteral(this.lit.raw ? text : decodeStr(this.p, text, this.tok));
      }
      if (skipTo >= 0) {
        this.i = skipTo;
        continue;
      }
      this.i = i;
      if (i >= end || s[i] === "}") break;
      // s[i] === '{': an expression
      this.i = i + 1;
      this.expression();
    }
    if (this.level === 0 && this.i < end) throw this.err("f-string: unexpected end of string");
    if (this.level !== 0 && this.lit.body[this.i] !== "}") throw this.err("f-string: expecting '}'");
  }

  /** After '{': expression, '=', '!conv', ':spec', '}' → FormattedValue. */
  expression(): void {
    const s = this.lit.body;
    const end = s.length;
    if (this.level >= 2) throw this.err("f-string: expressions nested too deeply");
    const exprStart = this.i;
    let quote = "";
    let quoteLen = 0;
    const stack: string[] = [];
    let i = this.i;
    for (; i < end; i++) {
      const ch = s[i];
      if (ch === "\\") throw this.err("f-string expression part cannot include a backslash");
      if (quote) {
        if (ch === quote) {
          if (quoteLen === 3) {
            if (i + 2 < end && s[i + 1] === ch && s[i + 2] === ch) {
              i += 2;
              quote = "";
            }
          } else quote = "";
        }
        continue;
      }
      if (ch === "'" || ch === '"') {
        if (i + 2 < end && s[i + 1] === ch && s[i + 2] === ch) {
          quoteLen = 3;
          i += 2;
        } else quoteLen = 1;
        quote = ch;
        continue;
      }
      if (ch === "[" || ch === "(" || ch === "{") {
        if (stack.length >= 200) throw this.err("f-string: too many nested parenthesis");
        stack.push(ch);
        continue;
      }
      if (ch === "#") throw this.err("f-string expression part cannot include '#'");
      if (stack.length === 0 && (ch === "!" || ch === ":" || ch === "}" || ch === "=" || ch === ">" || ch === "<")) {
        const next = i + 1 < end ? s[i + 1] : "";
        if (next === "=" && ch !== ":" && ch !== "}") {
          i++; // '!=', '==', '<=', '>=' are operators
          continue;
        }
        if (ch === ">" || ch === "<") continue;
        break;
      }
      if (ch === "]" || ch === ")" || ch === "}") {
        if (stack.length === 0) throw this.err(`f-string: unmatched '${ch}'`);
        const open = stack.pop()!;
        if (!((open === "(" && ch === ")") || (open === "[" && ch === "]") || (open === "{" && ch === "}"))) {
          throw this.err(`f-string: closing parenthesis '${ch}' does not match opening parenthesis '${open}'`);
        }
      }
    }
    const exprEnd = i;
    if (quote) throw this.err("f-string: unterminated string");
    if (stack.length) throw this.err(`f-string: unmatched '${stack[stack.length - 1]}'`);
    if (i >= end) throw this.err("f-string: expecting '}'");
    const exprText = s.slice(exprStart, exprEnd);
    const expr = this.compile(exprText, exprStart, s[exprEnd]);
    let debugText: string | null = null;
    if (s[i] === "=") {
      i++;
      while (i < end && /\s/.test(s[i]) && s.charCodeAt(i) < 128) i++;
      if (i >= end) throw this.err("f-string: expecting '}'");
      debugText = s.slice(exprStart, i);
    }
    let conversion = -1;
    if (s[i] === "!") {
      i++;
      if (i >= end) throw this.err("f-string: expecting '}'");
      const c = s[i];
      i++;
      if (c !== "s" && c !== "r" && c !== "a") {
        throw this.err("f-string: invalid conversion character: expected 's', 'r', or 'a'");
      }
      conversion = c.charCodeAt(0);
    }
    let formatSpec: Node = null;
    if (i >= end) throw this.err("f-string: expecting '}'");
    if (s[i] === ":") {
      i++;
      if (i >= end) throw this.err("f-string: expecting '}'");
      // the format spec (and its trailing text) spans this token alone, not the concatenation
      const t = this.tok;
      const specLoc = { lineno: t.lineno, col_offset: t.col, end_lineno: t.endLineno, end_col_offset: t.endCol };
      const specOut = new FstringBuilder(null, this.out.loc, specLoc);
      const sub = new FstringScanner(this.p, this.tok, this.lit, specOut, this.level + 1, i);
      sub.run();
      i = sub.i;
      formatSpec = specOut.finish();
    }
    if (i >= end || s[i] !== "}") throw this.err("f-string: expecting '}'");
    i++;
    this.i = i;
    if (debugText !== null) {
      this.out.addLiteral(debugText);
      if (conversion === -1 && formatSpec === null) conversion = 0x72;
    }
    this.out.addExpr({ _type: "FormattedValue", value: expr, conversion, format_spec: formatSpec, ...this.out.loc });
  }

  /** fstring_compile_expr: parse "(expr)" with its tokens moved to where the text sits. */
  compile(text: string, exprStart: number, endCh: string): Node {
    if (/^[ \t\n\f]*$/.test(text)) {
      if (endCh === "!" || endCh === ":" || endCh === "=") {
        throw this.err(`f-string: expression required before '${endCh}'`);
      }
      throw this.err("f-string: empty expression not allowed");
    }
    const tokText = this.tok.string;
    const bracePos = this.lit.bodyStart + exprStart - 1; // index of '{' in the token text
    let newlineAfterBrace = true;
    for (let k = bracePos + 1; k < tokText.length && tokText[k] !== "}" && tokText[k] !== "\n"; k++) {
      const c = tokText[k];
      if (c !== " " && c !== "\t" && c !== "\f") {
        newlineAfterBrace = false;
        break;
      }
    }
    let lines = 0;
    let cols = 0;
    let lineStart = 0;
    for (let k = 0; k < bracePos; k++) {
      if (tokText.charCodeAt(k) === 10) {
        lines++;
        lineStart = k + 1;
      }
    }
    if (!newlineAfterBrace) cols = utf8Length(tokText.slice(lineStart, bracePos));
    const startLine = this.tok.lineno + lines;
    const startCol = lines !== 0 ? cols : this.tok.col + cols;
    const src = "(" + text + ")";
    const toks = tokenize(src, this.p.filename, { escapedBytes: true });
    for (const t of toks) {
      const onFirst = t.endLineno === 1;
      if (t.lineno === 1 || onFirst) {
        if (onFirst) {
          t.col += startCol;
          t.endCol += startCol;
        }
      }
      t.lineno += startLine - 1;
      t.endLineno += startLine - 1;
      if (t.error) t.error = shiftedError(t.error, startLine - 1);
    }
    const sub = new Parser(toks, this.p.filename, src);
    sub.fstringOffset = startCol;
    return runRule(sub, (q) => starExpressions(q));
  }
}

/** A tokenizer error inside an f-string expression, moved to the expression's line in the file. */
function shiftedError(e: PySyntaxError, lines: number): PySyntaxError {
  const moved = new PySyntaxError(e.pyType as SyntaxErrorType, e.pyMessage, e.filename, e.lineno === null ? null : e.lineno + lines, e.offset, e.text,
    e.endLineno === null ? null : e.endLineno + lines, e.endOffset);
  if (raisedByTokenizer.has(e)) raisedByTokenizer.add(moved);
  return moved;
}

// ---- escapes ----------------------------------------------------------------------------------

function isOct(c: number): boolean {
  return c >= 0x30 && c <= 0x37;
}

function hexVal(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const l = c | 0x20;
  if (l >= 0x61 && l <= 0x66) return l - 0x61 + 10;
  return -1;
}

const SIMPLE_ESCAPES: Record<string, number> = {
  "\n": -1, "\\": 0x5c, "'": 0x27, '"': 0x22, a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11,
};

/** Decodes a non-raw str body; returns a JS string, or code points when a surrogate pair would merge. */
export function decodeStr(p: Parser, body: string, tok: Token): StrValue {
  if (body.indexOf("\\") < 0) return body;
  void tok;
  const cps: number[] = [];
  let surrogate = false;
  const n = body.length;
  let i = 0;
  while (i < n) {
    const c = body.charCodeAt(i);
    if (c !== 0x5c) {
      const cp = body.codePointAt(i)!;
      cps.push(cp);
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    const esc = i;
    i++;
    if (i >= n) throw unicodeError(p, body, esc, n, "\\ at end of string");
    const e = body[i];
    const simple = SIMPLE_ESCAPES[e];
    if (simple !== undefined) {
      if (simple >= 0) cps.push(simple);
      i++;
      continue;
    }
    const ec = body.charCodeAt(i);
    if (isOct(ec)) {
      let v = 0;
      let k = 0;
      while (k < 3 && i < n && isOct(body.charCodeAt(i))) {
        v = v * 8 + (body.charCodeAt(i) - 0x30);
        i++;
        k++;
      }
      cps.push(v);
      continue;
    }
    if (e === "x" || e === "u" || e === "U") {
      const len = e === "x" ? 2 : e === "u" ? 4 : 8;
      let v = 0;
      for (let k = 0; k < len; k++) {
        const h = i + 1 + k < n ? hexVal(body.charCodeAt(i + 1 + k)) : -1;
        if (h < 0) {
          const what = `truncated \\${e === "x" ? "xXX" : e === "u" ? "uXXXX" : "UXXXXXXXX"} escape`;
          throw unicodeError(p, body, esc, i + 1 + k, what);
        }
        v = v * 16 + h;
      }
      i += 1 + len;
      if (v > 0x10ffff) throw unicodeError(p, body, esc, i, "illegal Unicode character");
      if (v >= 0xd800 && v <= 0xdfff) surrogate = true;
      cps.push(v);
      continue;
    }
    if (e === "N") {
      i++;
      let what = "malformed \\N character escape";
      if (i < n && body[i] === "{") {
        const nameStart = ++i;
        while (i < n && body[i] !== "}") i++;
        if (i > nameStart && i < n) {
          const cp = lookupUnicodeName(body.slice(nameStart, i));
          i++;
          if (cp !== undefined) {
            cps.push(cp);
            continue;
          }
          what = "unknown Unicode character name";
        }
      }
      throw unicodeError(p, body, esc, i, what);
    }
    // an invalid escape keeps its backslash (a DeprecationWarning in CPython)
    cps.push(0x5c);
  }
  // with a surrogate escape keep the code points: joining JS strings could pair two of them up
  if (surrogate) return { codePoints: cps };
  return strFromCodePoints(cps) as string;
}

/**
 * CPython decodes escapes from a buffer where each non-ASCII code point became "\U%08x" (10 bytes)
 * and a backslash before one (or at the end) became "\u005c": its error positions count that buffer.
 */
function escapeBufferPos(body: string, idx: number): number {
  let bp = 0;
  for (let k = 0; k < idx && k < body.length; k++) {
    const c = body.charCodeAt(k);
    if (c === 0x5c) {
      bp += 1;
      const nx = k + 1 < body.length ? body.charCodeAt(k + 1) : -1;
      if (nx < 0 || nx >= 0x80) bp += 5;
    } else if (c < 0x80) bp += 1;
    else {
      bp += 10;
      if (c >= 0xd800 && c <= 0xdbff) k++;
    }
  }
  return bp;
}

function unicodeError(p: Parser, body: string, start: number, end: number, what: string): Error {
  const s = escapeBufferPos(body, start);
  const e = escapeBufferPos(body, end);
  const where = e - s <= 1 ? `byte 0x5c in position ${s}` : `bytes in position ${s}-${e - 1}`;
  return lastTokenError(p, `(unicode error) 'unicodeescape' codec can't decode ${where}: ${what}`);
}

function decodeBytes(p: Parser, l: Lit, tok: Token): Uint8Array {
  const body = l.body;
  for (let i = 0; i < body.length; i++) {
    if (body.charCodeAt(i) >= 0x80) {
      throw p.errorAt("SyntaxError", "bytes can only contain ASCII literal characters", tok, tok);
    }
  }
  const out: number[] = [];
  const n = body.length;
  let i = 0;
  while (i < n) {
    const c = body.charCodeAt(i);
    if (c !== 0x5c || l.raw) {
      out.push(c);
      i++;
      continue;
    }
    i++;
    if (i >= n) throw lastTokenError(p, "(value error) Trailing \\ in string");
    const e = body[i];
    const simple = SIMPLE_ESCAPES[e];
    if (simple !== undefined) {
      if (simple >= 0) out.push(simple);
      i++;
      continue;
    }
    const ec = body.charCodeAt(i);
    if (isOct(ec)) {
      let v = 0;
      let k = 0;
      while (k < 3 && i < n && isOct(body.charCodeAt(i))) {
        v = v * 8 + (body.charCodeAt(i) - 0x30);
        i++;
        k++;
      }
      out.push(v & 0xff);
      continue;
    }
    if (e === "x") {
      const h1 = i + 1 < n ? hexVal(body.charCodeAt(i + 1)) : -1;
      const h2 = i + 2 < n ? hexVal(body.charCodeAt(i + 2)) : -1;
      if (h1 < 0 || h2 < 0) throw lastTokenError(p, `(value error) invalid \\x escape at position ${i - 1}`);
      out.push(h1 * 16 + h2);
      i += 3;
      continue;
    }
    out.push(0x5c);
  }
  return Uint8Array.from(out);
}


// ---- undecodable source bytes -----------------------------------------------------------------

/**
 * A str literal's text holding bytes that are not UTF-8 (escaped by source-text.ts; a str source
 * cannot hold lone surrogates, the tokenizer rejects them): CPython's decode fails with the codec's
 * message. `whole`: the text is decoded in one piece (raw, or no backslash); otherwise each run of
 * non-ASCII bytes is decoded alone (decode_unicode_with_escapes), so positions count from the run.
 */
function checkDecodable(p: Parser, text: string, whole: boolean): void {
  if (!hasEscapedBytes(text)) return;
  const bytes = sourceBytes(text);
  let msg: string | null = null;
  if (whole) msg = utf8DecodeErrorMessage(bytes);
  else {
    for (let i = 0; i < bytes.length && msg === null; i++) {
      if (bytes[i]! < 0x80) continue;
      let j = i;
      while (j < bytes.length && bytes[j]! >= 0x80) j++;
      msg = utf8DecodeErrorMessage(bytes.subarray(i, j));
      i = j;
    }
  }
  if (msg !== null) throw undecodableError(p, `(unicode error) ${msg}`);
}

const utf8Encoder = new TextEncoder();

/**
 * RAISE_SYNTAX_ERROR at the last token fetched, with CPython's column arithmetic for such sources:
 * byte offsets + 1 as they are when no BOM or cookie set an encoding (and always inside f-string
 * expressions, whose tokenizer has none); with one, the byte offset is applied to the line's
 * replace-decoded text re-encoded as UTF-8 (each U+FFFD three bytes), a 3.11 quirk.
 */
function undecodableError(p: Parser, msg: string): PySyntaxError {
  const t = p.tokens[p.furthest];
  if (isPhantom(t)) return p.errorLast(msg);
  if (p.fstringOffset !== null) {
    const off = p.fstringOffset;
    const text = p.source + "\n";
    return new PySyntaxError("SyntaxError", `f-string: ${msg}`, p.filename, t.lineno, t.col - off + 1, text, t.endLineno, t.endCol - off + 1);
  }
  const line = p.sourceLine(t.lineno) ?? "";
  const text = replaceDecoded(sourceBytes(line));
  let offset = t.col + 1;
  let endOffset = t.endCol + 1;
  // with a BOM or cookie CPython converts the columns to characters (see DecodedSource.byteOffsets)
  if (p.escapedBytes && !p.byteOffsets) {
    const reencoded = utf8Encoder.encode(text);
    const chars = (col: number) => replaceDecodedLength(reencoded.subarray(0, Math.min(col, reencoded.length)));
    offset = chars(offset);
    endOffset = chars(endOffset);
  }
  return new PySyntaxError("SyntaxError", msg, p.filename, t.lineno, offset, text, t.endLineno, endOffset);
}
