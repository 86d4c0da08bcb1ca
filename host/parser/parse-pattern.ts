/**
 * The match statement and its patterns (python.gram 3.11: match_stmt … class_pattern).
 */
import { TokenType, type Token } from "./token.js";
import { Parser, type Node } from "./parser.js";
import { CTX, namedExpression, starNamedExpression, starNamedExpressions, strings, nameNode, tokLoc } from "./parse-expr.js";
import { parseNumber } from "./parse-number.js";
import { block, commaList } from "./parse-stmt.js";
import { PyComplex } from "../objects.js";
import * as inv from "./parse-invalid.js";

/** match_stmt: "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT | invalid_match_stmt */
export function matchStmt(p: Parser): Node {
  const start = p.pos;
  const s = p.kw("match")!;
  const subject = subjectExpr(p);
  if (subject && p.op(":") && p.expect(TokenType.NEWLINE) && p.expect(TokenType.INDENT)) {
    const cases: Node[] = [];
    for (;;) {
      const m = p.pos;
      const c = caseBlock(p);
      if (!c) {
        p.pos = m;
        break;
      }
      cases.push(c);
    }
    if (cases.length && p.expect(TokenType.DEDENT)) return p.loc({ _type: "Match", subject, cases }, s);
  }
  p.pos = start;
  if (p.callInvalid) {
    inv.invalidMatchStmt(p);
    p.pos = start;
  }
  return null;
}

/** subject_expr: star_named_expression ',' star_named_expressions? | named_expression */
function subjectExpr(p: Parser): Node {
  const start = p.pos;
  const s = p.peek();
  const a = starNamedExpression(p);
  if (a && p.op(",")) {
    const m = p.pos;
    let rest = starNamedExpressions(p);
    if (!rest) {
      p.pos = m;
      rest = [];
    }
    return p.loc({ _type: "Tuple", elts: [a, ...rest], ctx: CTX.Load }, s);
  }
  p.pos = start;
  return namedExpression(p);
}

/** case_block: invalid_case_block | "case" patterns guard? ':' block */
function caseBlock(p: Parser): Node {
  const start = p.pos;
  if (p.callInvalid) {
    inv.invalidCaseBlock(p);
    p.pos = start;
  }
  if (!p.kw("case")) return null;
  const pattern = patterns(p);
  if (!pattern) {
    p.pos = start;
    return null;
  }
  let guard: Node = null;
  const m = p.pos;
  if (p.kw("if")) {
    guard = namedExpression(p);
    if (!guard) p.pos = m;
  }
  if (!p.op(":")) {
    p.pos = start;
    return null;
  }
  const body = block(p);
  if (!body) {
    p.pos = start;
    return null;
  }
  return { _type: "match_case", pattern, guard, body };
}

/** patterns: open_sequence_pattern | pattern */
export function patterns(p: Parser): Node {
  const start = p.pos;
  const s = p.peek();
  const seq = openSequencePattern(p);
  if (seq) return p.loc({ _type: "MatchSequence", patterns: seq }, s);
  p.pos = start;
  return pattern(p);
}

/** pattern: as_pattern | or_pattern */
export function pattern(p: Parser): Node {
  const start = p.pos;
  const s = p.peek();
  const a = orPattern(p);
  if (!a) return null;
  const m = p.pos;
  if (p.kw("as")) {
    const t = captureTarget(p);
    if (t) return p.loc({ _type: "MatchAs", pattern: a, name: t.string }, s);
    if (p.callInvalid) {
      p.pos = start;
      inv.invalidAsPattern(p);
    }
  }
  p.pos = m;
  return a;
}

/** or_pattern: '|'.closed_pattern+ */
function orPattern(p: Parser): Node {
  const s = p.peek();
  const pats: Node[] = [];
  for (;;) {
    const m = p.pos;
    const c = closedPattern(p);
    if (!c) {
      p.pos = m;
      if (pats.length) p.pos--;
      break;
    }
    pats.push(c);
    if (!p.op("|")) break;
  }
  if (!pats.length) return null;
  if (pats.length === 1) return pats[0];
  return p.loc({ _type: "MatchOr", patterns: pats }, s);
}

/** closed_pattern (memo) */
function closedPattern(p: Parser): Node {
  return p.memo("closed_pattern", () => {
    const start = p.pos;
    const rules = [literalPattern, capturePattern, wildcardPattern, valuePattern, groupPattern, sequencePattern, mappingPattern, classPattern];
    for (const r of rules) {
      const x = r(p);
      if (x) return x;
      p.pos = start;
    }
    return null;
  });
}

function isOpTok(t: Token, ...ops: string[]): boolean {
  return t.type === TokenType.OP && ops.includes(t.string);
}

/** literal_pattern */
function literalPattern(p: Parser): Node {
  const s = p.peek();
  const e = literalExpr(p);
  if (!e) return null;
  if (e._type === "Constant" && (e.value === null || e.value === true || e.value === false) && s.type === TokenType.NAME) {
    return p.loc({ _type: "MatchSingleton", value: e.value }, s);
  }
  return p.loc({ _type: "MatchValue", value: e }, s);
}

/** literal_expr: signed_number !('+' | '-') | complex_number | strings | None | True | False */
function literalExpr(p: Parser): Node {
  const start = p.pos;
  const t = p.peek();
  const n = signedNumber(p);
  if (n) {
    if (!isOpTok(p.peek(), "+", "-")) return n;
    p.pos = start;
    const c = complexNumber(p);
    if (c) return c;
    p.pos = start;
    return null;
  }
  p.pos = start;
  if (t.type === TokenType.STRING) return strings(p);
  if (t.type === TokenType.NAME && (t.string === "None" || t.string === "True" || t.string === "False")) {
    p.pos++;
    return tokLoc({ _type: "Constant", value: t.string === "None" ? null : t.string === "True", kind: null }, t);
  }
  return null;
}

/** signed_number: NUMBER | '-' NUMBER */
function signedNumber(p: Parser): Node {
  const s = p.peek();
  if (p.op("-")) {
    const n = p.expect(TokenType.NUMBER);
    if (!n) {
      p.pos--;
      return null;
    }
    const c = tokLoc({ _type: "Constant", value: parseNumber(n.string), kind: null }, n);
    return p.loc({ _type: "UnaryOp", op: { _type: "USub" }, operand: c }, s);
  }
  const n = p.expect(TokenType.NUMBER);
  if (!n) return null;
  return tokLoc({ _type: "Constant", value: parseNumber(n.string), kind: null }, n);
}

/** complex_number: signed_real_number ('+' | '-') imaginary_number */
function complexNumber(p: Parser): Node {
  const s = p.peek();
  const real = signedNumber(p);
  if (!real) return null;
  const realVal = real._type === "UnaryOp" ? real.operand.value : real.value;
  if (realVal instanceof PyComplex) {
    throw p.errorNode("real number required in complex literal", real);
  }
  const opTok = p.peek();
  if (!isOpTok(opTok, "+", "-")) return null;
  p.pos++;
  const n = p.expect(TokenType.NUMBER);
  if (!n) return null;
  const imag = tokLoc({ _type: "Constant", value: parseNumber(n.string), kind: null }, n);
  if (!(imag.value instanceof PyComplex)) throw p.errorNode("imaginary number required in complex literal", imag);
  return p.loc({ _type: "BinOp", left: real, op: { _type: opTok.string === "+" ? "Add" : "Sub" }, right: imag }, s);
}

/** pattern_capture_target: !"_" NAME !('.' | '(' | '=') */
function captureTarget(p: Parser): Token | null {
  const t = p.peek();
  if (t.type !== TokenType.NAME || t.string === "_") return null;
  const n = p.name();
  if (!n) return null;
  if (isOpTok(p.peek(), ".", "(", "=")) {
    p.pos--;
    return null;
  }
  return n;
}

function capturePattern(p: Parser): Node {
  const n = captureTarget(p);
  if (!n) return null;
  return tokLoc({ _type: "MatchAs", pattern: null, name: n.string }, n);
}

function wildcardPattern(p: Parser): Node {
  const t = p.kw("_");
  if (!t) return null;
  return tokLoc({ _type: "MatchAs", pattern: null, name: null }, t);
}

/** value_pattern: attr !('.' | '(' | '=') */
function valuePattern(p: Parser): Node {
  const s = p.peek();
  const a = nameOrAttr(p);
  if (!a || a._type !== "Attribute") return null;
  if (isOpTok(p.peek(), ".", "(", "=")) return null;
  return p.loc({ _type: "MatchValue", value: a }, s);
}

/** name_or_attr: attr | NAME  (attr: name_or_attr '.' NAME) */
function nameOrAttr(p: Parser): Node {
  const s = p.peek();
  const n = p.name();
  if (!n) return null;
  let a = nameNode(n, CTX.Load);
  for (;;) {
    const m = p.pos;
    if (!p.op(".")) break;
    const b = p.name();
    if (!b) {
      p.pos = m;
      break;
    }
    a = p.loc({ _type: "Attribute", value: a, attr: b.string, ctx: CTX.Load }, s);
  }
  return a;
}

/** group_pattern: '(' pattern ')' */
function groupPattern(p: Parser): Node {
  if (!p.op("(")) return null;
  const a = pattern(p);
  if (a && p.op(")")) return a;
  return null;
}

/** sequence_pattern: '[' maybe_sequence_pattern? ']' | '(' open_sequence_pattern? ')' */
function sequencePattern(p: Parser): Node {
  const s = p.peek();
  if (p.op("[")) {
    const m = p.pos;
    let pats = maybeSequencePattern(p);
    if (!pats) {
      p.pos = m;
      pats = [];
    }
    if (!p.op("]")) return null;
    return p.loc({ _type: "MatchSequence", patterns: pats }, s);
  }
  if (p.op("(")) {
    const m = p.pos;
    let pats = openSequencePattern(p);
    if (!pats) {
      p.pos = m;
      pats = [];
    }
    if (!p.op(")")) return null;
    return p.loc({ _type: "MatchSequence", patterns: pats }, s);
  }
  return null;
}

/** open_sequence_pattern: maybe_star_pattern ',' maybe_sequence_pattern? */
function openSequencePattern(p: Parser): Node[] | null {
  const start = p.pos;
  const a = maybeStarPattern(p);
  if (!a || !p.op(",")) {
    p.pos = start;
    return null;
  }
  const m = p.pos;
  const rest = maybeSequencePattern(p);
  if (!rest) {
    p.pos = m;
    return [a];
  }
  return [a, ...rest];
}

/** maybe_sequence_pattern: ','.maybe_star_pattern+ ','? */
function maybeSequencePattern(p: Parser): Node[] | null {
  const out = commaList(p, maybeStarPattern);
  if (!out) return null;
  p.op(",");
  return out;
}

/** maybe_star_pattern: star_pattern | pattern */
function maybeStarPattern(p: Parser): Node {
  const start = p.pos;
  const s = p.peek();
  if (p.op("*")) {
    const t = captureTarget(p);
    if (t) return p.loc({ _type: "MatchStar", name: t.string }, s);
    if (p.kw("_")) return p.loc({ _type: "MatchStar", name: null }, s);
    p.pos = start;
    return null;
  }
  return pattern(p);
}

/** mapping_pattern */
function mappingPattern(p: Parser): Node {
  const start = p.pos;
  const s = p.op("{");
  if (!s) return null;
  const keys: Node[] = [];
  const pats: Node[] = [];
  let rest: string | null = null;
  for (;;) {
    const m = p.pos;
    if (p.op("**")) {
      const t = captureTarget(p);
      if (!t) {
        p.pos = start;
        return null;
      }
      rest = t.string;
      p.op(",");
      break;
    }
    const kv = keyValuePattern(p);
    if (!kv) {
      p.pos = m;
      break;
    }
    keys.push(kv[0]);
    pats.push(kv[1]);
    if (!p.op(",")) break;
  }
  if (!p.op("}")) {
    p.pos = start;
    return null;
  }
  return p.loc({ _type: "MatchMapping", keys, patterns: pats, rest }, s);
}

/** key_value_pattern: (literal_expr | attr) ':' pattern */
function keyValuePattern(p: Parser): [Node, Node] | null {
  const start = p.pos;
  let k = literalExpr(p);
  if (!k) {
    p.pos = start;
    k = nameOrAttr(p);
    if (!k || k._type !== "Attribute") {
      p.pos = start;
      return null;
    }
  }
  if (!p.op(":")) return null;
  const v = pattern(p);
  if (!v) return null;
  return [k, v];
}

/** class_pattern: name_or_attr '(' [positional_patterns] [keyword_patterns] ','? ')' */
function classPattern(p: Parser): Node {
  const start = p.pos;
  const s = p.peek();
  const cls = nameOrAttr(p);
  if (!cls || !p.op("(")) {
    p.pos = start;
    return null;
  }
  const pats: Node[] = [];
  const kwdAttrs: string[] = [];
  const kwdPats: Node[] = [];
  for (;;) {
    const m = p.pos;
    const n = p.name();
    if (n && p.op("=")) {
      const v = pattern(p);
      if (!v) {
        p.pos = m;
        break;
      }
      kwdAttrs.push(n.string);
      kwdPats.push(v);
    } else {
      p.pos = m;
      if (kwdAttrs.length) break;
      const v = pattern(p);
      if (!v) {
        p.pos = m;
        break;
      }
      pats.push(v);
    }
    if (!p.op(",")) break;
  }
  if (!p.op(")")) {
    p.pos = start;
    if (p.callInvalid) {
      inv.invalidClassPattern(p);
      p.pos = start;
    }
    return null;
  }
  return p.loc({ _type: "MatchClass", cls, patterns: pats, kwd_attrs: kwdAttrs, kwd_patterns: kwdPats }, s);
}
