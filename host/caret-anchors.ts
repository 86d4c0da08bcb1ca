/**
 * Caret anchors for traceback lines, as CPython 3.11 computes them (extract_anchors_from_line):
 * when the failing segment of a line is, on its own, one expression that is a binary operation,
 * the operator gets `^` and its operands `~`; for a subscript, the `[...]` gets `^` and the value
 * `~`. CPython parses the segment with its parser; this is a small expression parser that only
 * finds the top-level node and its children's extents (offsets in characters of the segment).
 */

interface Token {
  kind: "name" | "number" | "string" | "op" | "open" | "close" | "keyword";
  text: string;
  start: number;
  end: number;
}

const KEYWORDS = new Set([
  "and", "or", "not", "in", "is", "if", "else", "lambda", "await", "yield", "for", "async", "None", "True", "False",
]);
const VALUE_KEYWORDS = new Set(["None", "True", "False"]);

function tokenize(s: string): Token[] | null {
  const out: Token[] = [];
  let i = 0;
  const ops = ["**=", "//=", ">>=", "<<=", "...", "->", ":=", "**", "//", "<<", ">>", "<=", ">=", "==", "!=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@="];
  while (i < s.length) {
    const c = s[i];
    if (c === " " || c === "\t" || c === "\f") {
      i++;
      continue;
    }
    if (c === "#") break;
    if (c === "\\") return null;
    const start = i;
    // string literals, with prefixes
    const m = /^([rRbBuUfF]{0,2})('''|"""|'|")/.exec(s.slice(i));
    if (m && (m[1] === "" || /^[A-Za-z]+$/.test(m[1]))) {
      const quote = m[2];
      let j = i + m[0].length;
      let closed = false;
      while (j < s.length) {
        if (s[j] === "\\" && !/[rR]/.test(m[1])) {
          j += 2;
          continue;
        }
        if (s.startsWith(quote, j)) {
          j += quote.length;
          closed = true;
          break;
        }
        j++;
      }
      if (!closed) return null;
      out.push({ kind: "string", text: s.slice(start, j), start, end: j });
      i = j;
      continue;
    }
    if (/[A-Za-z_\u0080-\uffff]/.test(c)) {
      let j = i + 1;
      while (j < s.length && /[A-Za-z0-9_\u0080-\uffff]/.test(s[j])) j++;
      const text = s.slice(i, j);
      out.push({ kind: KEYWORDS.has(text) && !VALUE_KEYWORDS.has(text) ? "keyword" : "name", text, start, end: j });
      i = j;
      continue;
    }
    if (/[0-9]/.test(c) || (c === "." && /[0-9]/.test(s[i + 1] ?? ""))) {
      let j = i + 1;
      while (j < s.length && /[0-9A-Za-z_.]/.test(s[j])) {
        if ((s[j] === "e" || s[j] === "E") && (s[j + 1] === "+" || s[j + 1] === "-")) j++;
        j++;
      }
      out.push({ kind: "number", text: s.slice(i, j), start, end: j });
      i = j;
      continue;
    }
    if ("([{".includes(c)) {
      out.push({ kind: "open", text: c, start, end: i + 1 });
      i++;
      continue;
    }
    if (")]}".includes(c)) {
      out.push({ kind: "close", text: c, start, end: i + 1 });
      i++;
      continue;
    }
    const op = ops.find((o) => s.startsWith(o, i));
    if (op) {
      out.push({ kind: "op", text: op, start, end: i + op.length });
      i += op.length;
      continue;
    }
    if ("+-*/%@&|^~<>=.,:;!".includes(c)) {
      out.push({ kind: "op", text: c, start, end: i + 1 });
      i++;
      continue;
    }
    return null;
  }
  return out;
}

interface Node {
  kind: "binop" | "subscript" | "other";
  start: number;
  end: number;
  leftEnd?: number; // binop: end of the left operand
  rightStart?: number; // binop: start of the right operand
  valueEnd?: number; // subscript: end of the value
  sliceEnd?: number; // subscript: end of the slice expression
}

class ParseError extends Error {}

const BINARY_LEVELS: string[][] = [["|"], ["^"], ["&"], ["<<", ">>"], ["+", "-"], ["*", "/", "//", "%", "@"]];
const COMPARISONS = new Set(["<", ">", "==", ">=", "<=", "!="]);

class Parser {
  private i = 0;
  constructor(private t: Token[]) {}

  private peek(): Token | undefined {
    return this.t[this.i];
  }
  private next(): Token {
    const tok = this.t[this.i++];
    if (!tok) throw new ParseError();
    return tok;
  }
  private isOp(text: string): boolean {
    const tok = this.peek();
    return !!tok && (tok.kind === "op" || tok.kind === "keyword") && tok.text === text;
  }

  parseAll(): Node {
    const n = this.expression();
    if (this.i !== this.t.length) throw new ParseError();
    return n;
  }

  /** expression: lambda, ternary, or, and, not, comparison, binary levels, unary, power, primary. */
  private expression(): Node {
    if (this.isOp("lambda")) throw new ParseError(); // never a binop/subscript at the top
    const n = this.disjunction();
    if (this.isOp("if")) {
      this.next();
      this.disjunction();
      if (!this.isOp("else")) throw new ParseError();
      this.next();
      const other = this.expression();
      return { kind: "other", start: n.start, end: other.end };
    }
    return n;
  }

  private disjunction(): Node {
    let n = this.conjunction();
    while (this.isOp("or")) {
      this.next();
      const r = this.conjunction();
      n = { kind: "other", start: n.start, end: r.end };
    }
    return n;
  }

  private conjunction(): Node {
    let n = this.inversion();
    while (this.isOp("and")) {
      this.next();
      const r = this.inversion();
      n = { kind: "other", start: n.start, end: r.end };
    }
    return n;
  }

  private inversion(): Node {
    if (this.isOp("not")) {
      const tok = this.next();
      const r = this.inversion();
      return { kind: "other", start: tok.start, end: r.end };
    }
    return this.comparison();
  }

  private comparison(): Node {
    let n = this.binary(0);
    while (true) {
      const tok = this.peek();
      if (!tok) break;
      if ((tok.kind === "op" && COMPARISONS.has(tok.text)) || (tok.kind === "keyword" && (tok.text === "in" || tok.text === "is"))) {
        this.next();
        if (tok.text === "is" && this.isOp("not")) this.next();
      } else if (tok.kind === "keyword" && tok.text === "not" && this.t[this.i + 1]?.text === "in") {
        this.next();
        this.next();
      } else break;
      const r = this.binary(0);
      n = { kind: "other", start: n.start, end: r.end };
    }
    return n;
  }

  private binary(level: number): Node {
    if (level === BINARY_LEVELS.length) return this.unary();
    let n = this.binary(level + 1);
    while (true) {
      const tok = this.peek();
      if (!tok || tok.kind !== "op" || !BINARY_LEVELS[level].includes(tok.text)) break;
      this.next();
      const r = this.binary(level + 1);
      n = { kind: "binop", start: n.start, end: r.end, leftEnd: n.end, rightStart: r.start };
    }
    return n;
  }

  private unary(): Node {
    const tok = this.peek();
    if (tok && tok.kind === "op" && (tok.text === "-" || tok.text === "+" || tok.text === "~")) {
      this.next();
      const r = this.unary();
      return { kind: "other", start: tok.start, end: r.end };
    }
    return this.power();
  }

  private power(): Node {
    let n = this.primary();
    if (this.isOp("**")) {
      this.next();
      const r = this.unary();
      n = { kind: "binop", start: n.start, end: r.end, leftEnd: n.end, rightStart: r.start };
    }
    return n;
  }

  private primary(): Node {
    if (this.isOp("await")) {
      const tok = this.next();
      const r = this.primary();
      return { kind: "other", start: tok.start, end: r.end };
    }
    let n = this.atom();
    while (true) {
      const tok = this.peek();
      if (!tok) break;
      if (tok.kind === "op" && tok.text === ".") {
        this.next();
        const name = this.next();
        if (name.kind !== "name") throw new ParseError();
        n = { kind: "other", start: n.start, end: name.end };
      } else if (tok.kind === "open" && tok.text === "(") {
        const close = this.skipGroup();
        n = { kind: "other", start: n.start, end: close };
      } else if (tok.kind === "open" && tok.text === "[") {
        this.next();
        const sliceEnd = this.sliceContents();
        const close = this.next();
        if (close.text !== "]") throw new ParseError();
        n = { kind: "subscript", start: n.start, end: close.end, valueEnd: n.end, sliceEnd };
      } else break;
    }
    return n;
  }

  /** The inside of [...]: returns the end of the slice expression (its last token). */
  private sliceContents(): number {
    let depth = 0;
    let last = -1;
    while (true) {
      const tok = this.peek();
      if (!tok) throw new ParseError();
      if (tok.kind === "close" && depth === 0) break;
      if (tok.kind === "open") depth++;
      if (tok.kind === "close") depth--;
      last = tok.end;
      this.next();
    }
    if (last < 0) throw new ParseError();
    return last;
  }

  /** Skips a balanced group starting at an open bracket; returns the end of its close. */
  private skipGroup(): number {
    const open = this.next();
    const want = open.text === "(" ? ")" : open.text === "[" ? "]" : "}";
    let depth = 0;
    while (true) {
      const tok = this.next();
      if (tok.kind === "open") depth++;
      else if (tok.kind === "close") {
        if (depth === 0) {
          if (tok.text !== want) throw new ParseError();
          return tok.end;
        }
        depth--;
      }
    }
  }

  private atom(): Node {
    const tok = this.peek();
    if (!tok) throw new ParseError();
    if (tok.kind === "name" || tok.kind === "number") {
      this.next();
      return { kind: "other", start: tok.start, end: tok.end };
    }
    if (tok.kind === "string") {
      this.next();
      let end = tok.end;
      while (this.peek()?.kind === "string") end = this.next().end; // implicit concatenation
      return { kind: "other", start: tok.start, end };
    }
    if (tok.kind === "op" && tok.text === "...") {
      this.next();
      return { kind: "other", start: tok.start, end: tok.end };
    }
    if (tok.kind === "open") {
      const end = this.skipGroup();
      return { kind: "other", start: tok.start, end };
    }
    throw new ParseError();
  }
}

/**
 * Anchors for a failing segment: leftEnd/rightStart in characters of the segment, where the `^`
 * part runs from leftEnd to rightStart. Null when the segment is not a binary op or subscript.
 */
export function caretAnchors(segment: string): { leftEnd: number; rightStart: number } | null {
  const tokens = tokenize(segment);
  if (!tokens || tokens.length === 0) return null;
  let node: Node;
  try {
    node = new Parser(tokens).parseAll();
  } catch {
    return null;
  }
  if (node.kind === "binop") {
    // The operator: first non-space after the left operand (skipping ')' and '#' as CPython does).
    const opStart = node.leftEnd!;
    const opStr = segment.slice(opStart, node.rightStart!);
    const opOffset = opStr.length - opStr.trimStart().length;
    let left = opStart + opOffset;
    let right = left + 1;
    if (opOffset + 1 < opStr.length && !/\s/.test(opStr[opOffset + 1])) right++;
    while (left < segment.length && (/\s/.test(segment[left]) || segment[left] === ")" || segment[left] === "#")) {
      left++;
      right++;
    }
    return { leftEnd: left, rightStart: right };
  }
  if (node.kind === "subscript") {
    let left = node.valueEnd!;
    let right = node.sliceEnd! + 1;
    while (left < segment.length && (/\s/.test(segment[left]) || segment[left] !== "[")) left++;
    while (right < segment.length && (/\s/.test(segment[right]) || segment[right] !== "]")) right++;
    if (right < segment.length) right++;
    return { leftEnd: left, rightStart: right };
  }
  return null;
}
