/**
 * Expression rules of Grammar/python.gram (3.11): from `expressions` down to `atom`, comprehensions,
 * call arguments, lambda parameters and assignment/del targets. Each function follows one rule: it
 * returns the node (advancing p.pos) or null with p.pos restored. Left-recursive rules (binary
 * operators, primary, t_primary, attr) are loops.
 */
import { TokenType, type Token } from "./token.js";
import { Parser, type Node } from "./parser.js";
import { concatStrings } from "./parse-strings.js";
import { parseNumber } from "./parse-number.js";
import * as inv from "./parse-invalid.js";
import { parameters } from "./parse-params.js";
import { Ellipsis as ELLIPSIS } from "../objects.js";

const LOAD = { _type: "Load" };
const STORE = { _type: "Store" };
const DEL = { _type: "Del" };
export const CTX = { Load: LOAD, Store: STORE, Del: DEL } as const;

// ---- expressions ------------------------------------------------------------------------------

/** expressions: expression (',' expression)* [','] */
export function expressions(p: Parser): Node {
  const s = p.peek();
  const first = expression(p);
  if (!first) return null;
  if (!p.isOp(",")) return first;
  const elts = [first];
  while (p.op(",")) {
    const m = p.pos;
    const e = expression(p);
    if (!e) {
      p.pos = m;
      break;
    }
    elts.push(e);
  }
  return p.loc({ _type: "Tuple", elts, ctx: LOAD }, s);
}

/** expression (memo): IfExp | disjunction | lambdef */
const R_EXPRESSION = 1;

export function expression(p: Parser): Node {
  const hit = p.memoHit(R_EXPRESSION);
  if (hit !== undefined) return hit;
  const start = p.pos;
  return p.memoStore(R_EXPRESSION, start, expressionRaw(p));
}

function expressionRaw(p: Parser): Node {
  const start = p.pos;
  if (p.callInvalid) {
    inv.invalidExpression(p);
    p.pos = start;
    inv.invalidLegacyExpression(p);
    p.pos = start;
  }
  const s = p.peek();
  const a = disjunction(p);
  if (a) {
    const m = p.pos;
    if (p.kw("if")) {
      const b = disjunction(p);
      if (b && p.kw("else")) {
        const c = expression(p);
        if (c) return p.loc({ _type: "IfExp", test: b, body: a, orelse: c }, s);
      }
      p.pos = m;
    }
    return a;
  }
  p.pos = start;
  return lambdef(p);
}

/** yield_expr: 'yield' 'from' expression | 'yield' [star_expressions] */
export function yieldExpr(p: Parser): Node {
  const start = p.pos;
  const s = p.kw("yield");
  if (!s) return null;
  if (p.kw("from")) {
    const a = expression(p);
    if (a) return p.loc({ _type: "YieldFrom", value: a }, s);
    p.pos = start + 1;
  }
  const v = starExpressions(p);
  return p.loc({ _type: "Yield", value: v }, s);
}

/** star_expressions: star_expression (',' star_expression)* [','] → Tuple when a comma follows. */
export function starExpressions(p: Parser): Node {
  const s = p.peek();
  const first = starExpression(p);
  if (!first) return null;
  if (!p.isOp(",")) return first;
  const elts = [first];
  while (p.op(",")) {
    const m = p.pos;
    const e = starExpression(p);
    if (!e) {
      p.pos = m;
      break;
    }
    elts.push(e);
  }
  return p.loc({ _type: "Tuple", elts, ctx: LOAD }, s);
}

/** star_expression (memo): '*' bitwise_or | expression */
export function starExpression(p: Parser): Node {
  return p.memo("star_expression", () => {
    const s = p.peek();
    if (p.op("*")) {
      const a = bitwiseOr(p);
      if (a) return p.loc({ _type: "Starred", value: a, ctx: LOAD }, s);
      p.pos--;
    }
    return expression(p);
  });
}

/** star_named_expressions: ','.star_named_expression+ [','] */
export function starNamedExpressions(p: Parser): Node[] | null {
  const first = starNamedExpression(p);
  if (!first) return null;
  const out = [first];
  for (;;) {
    const m = p.pos;
    if (!p.op(",")) break;
    const e = starNamedExpression(p);
    if (!e) {
      p.pos = m;
      break;
    }
    out.push(e);
  }
  p.op(",");
  return out;
}

/** star_named_expression: '*' bitwise_or | named_expression */
export function starNamedExpression(p: Parser): Node {
  const s = p.peek();
  if (p.op("*")) {
    const a = bitwiseOr(p);
    if (a) return p.loc({ _type: "Starred", value: a, ctx: LOAD }, s);
    p.pos--;
  }
  return namedExpression(p);
}

/** assignment_expression: NAME ':=' ~ expression */
export function assignmentExpression(p: Parser): Node {
  const start = p.pos;
  const n = p.name();
  if (!n) return null;
  if (!p.op(":=")) {
    p.pos = start;
    return null;
  }
  const v = expression(p);
  if (!v) {
    p.pos = start;
    return null;
  }
  return p.loc({ _type: "NamedExpr", target: nameNode(n, STORE), value: v }, n);
}


/** named_expression: assignment_expression | invalid_named_expression | expression !':=' */
export function namedExpression(p: Parser): Node {
  const start = p.pos;
  const a = assignmentExpression(p);
  if (a) return a;
  p.pos = start;
  if (p.callInvalid) {
    inv.invalidNamedExpression(p);
    p.pos = start;
  }
  const e = expression(p);
  if (e && !p.isOp(":=")) return e;
  p.pos = start;
  return null;
}


/** disjunction (memo): conjunction ('or' conjunction)+ | conjunction */
const R_DISJUNCTION = 2;

export function disjunction(p: Parser): Node {
  const hit = p.memoHit(R_DISJUNCTION);
  if (hit !== undefined) return hit;
  const start = p.pos;
  return p.memoStore(R_DISJUNCTION, start, boolChain(p, "or", "Or", conjunction));
}

/** conjunction (memo): inversion ('and' inversion)+ | inversion */
export function conjunction(p: Parser): Node {
  // CPython memoizes this rule; here disjunction's memo already covers every re-parse
  return boolChain(p, "and", "And", inversion);
}

function boolChain(p: Parser, word: string, opName: string, sub: (p: Parser) => Node): Node {
  const s = p.peek();
  const a = sub(p);
  if (!a) return null;
  if (!p.isKw(word)) return a;
  const values = [a];
  for (;;) {
    const m = p.pos;
    if (!p.kw(word)) break;
    const b = sub(p);
    if (!b) {
      p.pos = m;
      break;
    }
    values.push(b);
  }
  return p.loc({ _type: "BoolOp", op: { _type: opName }, values }, s);
}

/** inversion (memo): 'not' inversion | comparison */
export function inversion(p: Parser): Node {
  const s = p.peek();
  if (p.kw("not")) {
    p.enter();
    const a = inversion(p);
    p.leave();
    if (a) return p.loc({ _type: "UnaryOp", op: { _type: "Not" }, operand: a }, s);
    p.pos--;
  }
  return comparison(p);
}

/** comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or */
export function comparison(p: Parser): Node {
  const s = p.peek();
  const a = bitwiseOr(p);
  if (!a) return null;
  const ops: Node[] = [];
  const comparators: Node[] = [];
  for (;;) {
    const m = p.pos;
    const op = compareOp(p);
    if (!op) break;
    const b = bitwiseOr(p);
    if (!b) {
      p.pos = m;
      break;
    }
    ops.push({ _type: op });
    comparators.push(b);
  }
  if (ops.length === 0) return a;
  return p.loc({ _type: "Compare", left: a, ops, comparators }, s);
}

const COMPARE_OPS: Record<string, string> = {
  "==": "Eq", "!=": "NotEq", "<=": "LtE", "<": "Lt", ">=": "GtE", ">": "Gt",
};

function compareOp(p: Parser): string | null {
  const t = p.peek();
  if (t.type === TokenType.OP) {
    const op = COMPARE_OPS[t.string];
    if (op) {
      p.pos++;
      return op;
    }
    return null;
  }
  if (t.type !== TokenType.NAME) return null;
  if (t.string === "in") {
    p.pos++;
    return "In";
  }
  if (t.string === "not") {
    if (p.peekAt(1).type === TokenType.NAME && p.peekAt(1).string === "in") {
      p.pos += 2;
      return "NotIn";
    }
    return null;
  }
  if (t.string === "is") {
    p.pos++;
    if (p.kw("not")) return "IsNot";
    return "Is";
  }
  return null;
}

/**
 * bitwise_or … term: the six left-recursive binary levels as one precedence-climbing loop (one JS
 * frame per nesting level instead of six, which keeps 200 nested brackets well inside the stack).
 * The trees and spans are those of the grammar's rules: each BinOp starts at its leftmost operand.
 */
const BINARY_OPS: Record<string, readonly [number, string]> = {
  "|": [1, "BitOr"], "^": [2, "BitXor"], "&": [3, "BitAnd"], "<<": [4, "LShift"], ">>": [4, "RShift"],
  "+": [5, "Add"], "-": [5, "Sub"], "*": [6, "Mult"], "/": [6, "Div"], "//": [6, "FloorDiv"], "%": [6, "Mod"],
  "@": [6, "MatMult"],
};

function binary(p: Parser, minPrec: number): Node {
  const s = p.peek();
  let a = factor(p);
  if (!a) return null;
  for (;;) {
    const t = p.peek();
    if (t.type !== TokenType.OP) break;
    const info = BINARY_OPS[t.string];
    if (!info || info[0] < minPrec) break;
    const m = p.pos;
    p.pos++;
    const b = binary(p, info[0] + 1);
    if (!b) {
      p.pos = m;
      break;
    }
    a = p.loc({ _type: "BinOp", left: a, op: { _type: info[1] }, right: b }, s);
  }
  return a;
}

const R_BITWISE_OR = 0;

export function bitwiseOr(p: Parser): Node {
  const hit = p.memoHit(R_BITWISE_OR);
  if (hit !== undefined) return hit;
  const start = p.pos;
  return p.memoStore(R_BITWISE_OR, start, binary(p, 1));
}

/** sum: the '+' / '-' level and above */
export function sum(p: Parser): Node {
  return binary(p, 5);
}

const UNARY_OPS: Record<string, string> = { "+": "UAdd", "-": "USub", "~": "Invert" };

/** factor: '+' factor | '-' factor | '~' factor | power */
export function factor(p: Parser): Node {
  const s = p.peek();
  if (s.type === TokenType.OP) {
    const op = UNARY_OPS[s.string];
    if (op) {
      p.pos++;
      p.enter();
      const a = factor(p);
      p.leave();
      if (a) return p.loc({ _type: "UnaryOp", op: { _type: op }, operand: a }, s);
      p.pos--;
      return null;
    }
  }
  return power(p);
}

/** power: await_primary '**' factor | await_primary */
function power(p: Parser): Node {
  const s = p.peek();
  const a = awaitPrimary(p);
  if (!a) return null;
  const m = p.pos;
  if (p.op("**")) {
    p.enter();
    const b = factor(p);
    p.leave();
    if (b) return p.loc({ _type: "BinOp", left: a, op: { _type: "Pow" }, right: b }, s);
    p.pos = m;
  }
  return a;
}

/** await_primary (memo): AWAIT primary | primary */
function awaitPrimary(p: Parser): Node {
  const s = p.peek();
  if (p.kw("await")) {
    const a = primary(p);
    if (a) return p.loc({ _type: "Await", value: a }, s);
    p.pos--;
    return null;
  }
  return primary(p);
}

/**
 * primary: primary '.' NAME | primary genexp | primary '(' [arguments] ')' | primary '[' slices ']'
 * | atom — the left recursion as a loop over trailers.
 */
export function primary(p: Parser): Node {
  const s = p.peek();
  let a = atom(p);
  if (!a) return null;
  for (;;) {
    const t = p.peek();
    if (t.type !== TokenType.OP) break;
    const m = p.pos;
    const next = trailer(p, a, s, LOAD);
    if (!next) {
      p.pos = m;
      break;
    }
    a = next;
  }
  return a;
}

/** One trailer of primary / t_primary applied to `a` (which started at `s`). */
function trailer(p: Parser, a: Node, s: Token, ctx: Node): Node {
  const t = p.peek();
  if (t.string === ".") {
    p.pos++;
    const n = p.name();
    if (!n) return null;
    return p.loc({ _type: "Attribute", value: a, attr: n.string, ctx }, s);
  }
  if (t.string === "(") {
    const m = p.pos;
    const g = genexp(p);
    if (g) return p.loc({ _type: "Call", func: a, args: [g], keywords: [] }, s);
    p.pos = m;
    p.pos++;
    const args = argumentsRule(p);
    if (!p.op(")")) return null;
    return p.loc({ _type: "Call", func: a, args: args ? args.args : [], keywords: args ? args.keywords : [] }, s);
  }
  if (t.string === "[") {
    p.pos++;
    const sl = slices(p);
    if (!sl || !p.op("]")) return null;
    return p.loc({ _type: "Subscript", value: a, slice: sl, ctx }, s);
  }
  return null;
}

/** slices: slice !',' | ','.(slice | starred_expression)+ [','] */
export function slices(p: Parser): Node {
  const s = p.peek();
  const start = p.pos;
  const a = slice(p);
  if (a && !p.isOp(",")) return a;
  p.pos = start;
  const elts: Node[] = [];
  for (;;) {
    const m = p.pos;
    let e = slice(p);
    if (!e) {
      p.pos = m;
      e = starredExpression(p);
    }
    if (!e) {
      p.pos = m;
      if (elts.length === 0) return null;
      p.pos--; // give back the separator comma; the optional trailing comma takes it
      break;
    }
    elts.push(e);
    if (!p.op(",")) break;
  }
  p.op(",");
  return p.loc({ _type: "Tuple", elts, ctx: LOAD }, s);
}

/** slice: [expression] ':' [expression] [':' [expression]] | named_expression */
function slice(p: Parser): Node {
  const s = p.peek();
  const start = p.pos;
  const lower = expression(p);
  if (!lower) p.pos = start;
  if (p.op(":")) {
    let m = p.pos;
    let upper = expression(p);
    if (!upper) {
      p.pos = m;
      upper = null;
    }
    let step = null;
    m = p.pos;
    if (p.op(":")) {
      const m2 = p.pos;
      step = expression(p);
      if (!step) p.pos = m2;
    }
    return p.loc({ _type: "Slice", lower: lower || null, upper, step }, s);
  }
  p.pos = start;
  return namedExpression(p);
}

/** atom */
export function atom(p: Parser): Node {
  const t = p.peek();
  switch (t.type) {
    case TokenType.NAME:
      if (t.string === "True" || t.string === "False" || t.string === "None") {
        p.pos++;
        const value = t.string === "None" ? null : t.string === "True";
        return tokLoc({ _type: "Constant", value, kind: null }, t);
      }
      if (p.name()) return nameNode(t, LOAD);
      return null;
    case TokenType.STRING:
      return strings(p);
    case TokenType.NUMBER:
      p.pos++;
      return tokLoc({ _type: "Constant", value: parseNumber(t.string), kind: null }, t);
    case TokenType.OP: {
      const c = t.string;
      if (c === "(") return tuple(p) || group(p) || genexp(p);
      if (c === "[") return list(p) || listcomp(p);
      if (c === "{") return dict(p) || set(p) || dictcomp(p) || setcomp(p);
      if (c === "...") {
        p.pos++;
        return tokLoc({ _type: "Constant", value: ELLIPSIS, kind: null }, t);
      }
      return null;
    }
    default:
      return null;
  }
}


/** strings (memo): STRING+ */
export function strings(p: Parser): Node {
  return p.memo("strings", () => {
    const toks: Token[] = [];
    while (p.peek().type === TokenType.STRING) toks.push(p.tokens[p.pos++]);
    if (toks.length === 0) return null;
    return concatStrings(p, toks);
  });
}

export function nameNode(t: Token, ctx: Node): Node {
  return tokLoc({ _type: "Name", id: t.string, ctx }, t);
}

export function tokLoc(node: Node, t: Token): Node {
  node.lineno = t.lineno;
  node.col_offset = t.col;
  node.end_lineno = t.endLineno;
  node.end_col_offset = t.endCol;
  return node;
}

/** tuple: '(' [star_named_expression ',' [star_named_expressions]] ')' */
export function tupleAtom(p: Parser): Node {
  return p.isOp("(") ? tuple(p) : null;
}

function tuple(p: Parser): Node {
  const start = p.pos;
  const s = p.op("(")!;
  if (p.op(")")) return p.loc({ _type: "Tuple", elts: [], ctx: LOAD }, s);
  const a = starNamedExpression(p);
  if (a && p.op(",")) {
    const m = p.pos;
    let rest = starNamedExpressions(p);
    if (!rest) {
      p.pos = m;
      rest = [];
    }
    if (p.op(")")) return p.loc({ _type: "Tuple", elts: [a, ...rest], ctx: LOAD }, s);
  }
  p.pos = start;
  return null;
}

/** group: '(' (yield_expr | named_expression) ')' | invalid_group */
function group(p: Parser): Node {
  const start = p.pos;
  p.op("(");
  let a = yieldExpr(p);
  if (!a) {
    p.pos = start + 1;
    a = namedExpression(p);
  }
  if (a && p.op(")")) return a;
  p.pos = start;
  if (p.callInvalid) {
    inv.invalidGroup(p);
    p.pos = start;
  }
  return null;
}

/** genexp: '(' (assignment_expression | expression !':=') for_if_clauses ')' | invalid_comprehension */
export function genexp(p: Parser): Node {
  const start = p.pos;
  const s = p.op("(");
  if (!s) return null;
  const elt = compElement(p);
  if (elt) {
    const gens = forIfClauses(p);
    if (gens && p.op(")")) return p.loc({ _type: "GeneratorExp", elt, generators: gens }, s);
  }
  p.pos = start;
  if (p.callInvalid) {
    inv.invalidComprehension(p);
    p.pos = start;
  }
  return null;
}

/** (assignment_expression | expression !':=') */
function compElement(p: Parser): Node {
  const m = p.pos;
  const a = assignmentExpression(p);
  if (a) return a;
  p.pos = m;
  const e = expression(p);
  if (e && !p.isOp(":=")) return e;
  p.pos = m;
  return null;
}

/** list / genexp alone (invalid_named_expression's lookahead) */
export function listAtom(p: Parser): Node {
  return p.isOp("[") ? list(p) : null;
}

export function genexpAtom(p: Parser): Node {
  return genexp(p);
}

/** list: '[' [star_named_expressions] ']' */
function list(p: Parser): Node {
  const start = p.pos;
  const s = p.op("[")!;
  const m = p.pos;
  let elts = starNamedExpressions(p);
  if (!elts) {
    p.pos = m;
    elts = [];
  }
  if (p.op("]")) return p.loc({ _type: "List", elts, ctx: LOAD }, s);
  p.pos = start;
  return null;
}

/** listcomp: '[' named_expression for_if_clauses ']' | invalid_comprehension */
function listcomp(p: Parser): Node {
  return comprehension(p, "[", "]", "ListComp");
}

/** listcomp and setcomp: open named_expression for_if_clauses close | invalid_comprehension */
function comprehension(p: Parser, open: string, close: string, type: "ListComp" | "SetComp"): Node {
  const start = p.pos;
  const s = p.op(open)!;
  const elt = namedExpression(p);
  if (elt) {
    const gens = forIfClauses(p);
    if (gens && p.op(close)) return p.loc({ _type: type, elt, generators: gens }, s);
  }
  p.pos = start;
  if (p.callInvalid) {
    inv.invalidComprehension(p);
    p.pos = start;
  }
  return null;
}

/** set: '{' star_named_expressions '}' */
function set(p: Parser): Node {
  const start = p.pos;
  const s = p.op("{")!;
  const elts = starNamedExpressions(p);
  if (elts && p.op("}")) return p.loc({ _type: "Set", elts }, s);
  p.pos = start;
  return null;
}

/** setcomp: '{' named_expression for_if_clauses '}' | invalid_comprehension */
function setcomp(p: Parser): Node {
  return comprehension(p, "{", "}", "SetComp");
}

/** dict: '{' [double_starred_kvpairs] '}' | '{' invalid_double_starred_kvpairs '}' */
function dict(p: Parser): Node {
  const start = p.pos;
  const s = p.op("{")!;
  const keys: Node[] = [];
  const values: Node[] = [];
  for (;;) {
    const m = p.pos;
    const kv = doubleStarredKvpair(p);
    if (!kv) {
      p.pos = m;
      if (keys.length > 0) p.pos--; // the separator comma becomes the optional trailing one
      break;
    }
    keys.push(kv[0]);
    values.push(kv[1]);
    if (!p.op(",")) break;
  }
  if (keys.length > 0) p.op(",");
  if (p.op("}")) return p.loc({ _type: "Dict", keys, values }, s);
  p.pos = start;
  if (p.callInvalid) {
    p.op("{");
    inv.invalidDoubleStarredKvpairs(p);
    p.pos = start;
  }
  return null;
}

/** double_starred_kvpair: '**' bitwise_or | kvpair */
function doubleStarredKvpair(p: Parser): [Node, Node] | null {
  if (p.op("**")) {
    const a = bitwiseOr(p);
    if (a) return [null, a];
    p.pos--;
  }
  return kvpair(p);
}

/** kvpair: expression ':' expression */
function kvpair(p: Parser): [Node, Node] | null {
  const start = p.pos;
  const k = expression(p);
  if (k && p.op(":")) {
    const v = expression(p);
    if (v) return [k, v];
  }
  p.pos = start;
  return null;
}

/** dictcomp: '{' kvpair for_if_clauses '}' | invalid_dict_comprehension */
function dictcomp(p: Parser): Node {
  const start = p.pos;
  const s = p.op("{")!;
  const kv = kvpair(p);
  if (kv) {
    const gens = forIfClauses(p);
    if (gens && p.op("}")) return p.loc({ _type: "DictComp", key: kv[0], value: kv[1], generators: gens }, s);
  }
  p.pos = start;
  if (p.callInvalid) {
    inv.invalidDictComprehension(p);
    p.pos = start;
  }
  return null;
}

/** for_if_clauses: for_if_clause+ */
export function forIfClauses(p: Parser): Node[] | null {
  const out: Node[] = [];
  for (;;) {
    const m = p.pos;
    const c = forIfClause(p);
    if (!c) {
      p.pos = m;
      break;
    }
    out.push(c);
  }
  return out.length ? out : null;
}

/**
 * for_if_clause: ASYNC 'for' star_targets 'in' ~ disjunction ('if' disjunction)*
 * | 'for' star_targets 'in' ~ disjunction ('if' disjunction)* | invalid_for_target
 */
function forIfClause(p: Parser): Node {
  const start = p.pos;
  const isAsync = p.kw("async") ? 1 : 0;
  if (p.kw("for")) {
    const target = starTargets(p);
    if (target && p.kw("in")) {
      const iter = disjunction(p);
      if (!iter) {
        p.pos = start; // the cut: invalid_for_target is not tried
        return null;
      }
      const ifs: Node[] = [];
      for (;;) {
        const m = p.pos;
        if (!p.kw("if")) break;
        const c = disjunction(p);
        if (!c) {
          p.pos = m;
          break;
        }
        ifs.push(c);
      }
      return { _type: "comprehension", target, iter, ifs, is_async: isAsync };
    }
  }
  p.pos = start;
  if (p.callInvalid) {
    inv.invalidForTarget(p);
    p.pos = start;
  }
  return null;
}

// ---- call arguments ---------------------------------------------------------------------------

/** arguments (memo): args [','] &')' | invalid_arguments */
export function argumentsRule(p: Parser): { args: Node[]; keywords: Node[] } | null {
  return p.memo("arguments", () => {
    const start = p.pos;
    const a = args(p);
    if (a) {
      p.op(",");
      if (p.isOp(")")) return a;
    }
    p.pos = start;
    if (p.callInvalid) {
      inv.invalidArguments(p);
      p.pos = start;
    }
    return null;
  });
}

/**
 * args: ','.(starred_expression | (assignment_expression | expression !':=') !'=')+ [',' kwargs]
 * | kwargs
 */
function args(p: Parser): { args: Node[]; keywords: Node[] } | null {
  const positional: Node[] = [];
  for (;;) {
    const m = p.pos;
    let e = starredExpression(p);
    if (!e) {
      p.pos = m;
      e = compElement(p);
      if (e && p.isOp("=")) e = null;
    }
    if (!e) {
      p.pos = m;
      if (positional.length > 0) p.pos--; // back before the separator comma
      break;
    }
    positional.push(e);
    if (!p.op(",")) break;
  }
  if (positional.length > 0) {
    const m = p.pos;
    if (p.op(",")) {
      const kw = kwargs(p);
      if (kw) return { args: [...positional, ...kw.starred], keywords: kw.keywords };
      p.pos = m;
    }
    return { args: positional, keywords: [] };
  }
  const kw = kwargs(p);
  if (!kw) return null;
  return { args: kw.starred, keywords: kw.keywords };
}

/** kwargs: kwarg_or_starred list, then kwarg_or_double_starred list (after a comma). */
function kwargs(p: Parser): { starred: Node[]; keywords: Node[] } | null {
  const starred: Node[] = [];
  const keywords: Node[] = [];
  let n = 0;
  let doubleStarPhase = false;
  for (;;) {
    const m = p.pos;
    let item: Node = null;
    if (!doubleStarPhase) {
      item = kwargOrStarred(p);
      if (!item) {
        p.pos = m;
        item = kwargOrDoubleStarred(p);
        if (item) doubleStarPhase = true;
      }
    } else {
      item = kwargOrDoubleStarred(p);
    }
    if (!item) {
      p.pos = m;
      if (n > 0) p.pos--;
      break;
    }
    n++;
    if (item._type === "Starred") starred.push(item);
    else keywords.push(item);
    if (!p.op(",")) break;
  }
  return n > 0 ? { starred, keywords } : null;
}

/** starred_expression: '*' expression */
export function starredExpression(p: Parser): Node {
  const s = p.op("*");
  if (!s) return null;
  const a = expression(p);
  if (!a) {
    p.pos--;
    return null;
  }
  return p.loc({ _type: "Starred", value: a, ctx: LOAD }, s);
}

/** kwarg_or_starred: invalid_kwarg | NAME '=' expression | starred_expression */
function kwargOrStarred(p: Parser): Node {
  const start = p.pos;
  if (p.callInvalid) {
    inv.invalidKwarg(p);
    p.pos = start;
  }
  const kw = keywordArg(p);
  if (kw) return kw;
  p.pos = start;
  return starredExpression(p);
}

/** kwarg_or_double_starred: invalid_kwarg | NAME '=' expression | '**' expression */
function kwargOrDoubleStarred(p: Parser): Node {
  const start = p.pos;
  if (p.callInvalid) {
    inv.invalidKwarg(p);
    p.pos = start;
  }
  const kw = keywordArg(p);
  if (kw) return kw;
  p.pos = start;
  const s = p.op("**");
  if (!s) return null;
  const a = expression(p);
  if (!a) {
    p.pos = start;
    return null;
  }
  return p.loc({ _type: "keyword", arg: null, value: a }, s);
}

function keywordArg(p: Parser): Node {
  const start = p.pos;
  const n = p.name();
  if (n && p.op("=")) {
    const v = expression(p);
    if (v) return p.loc({ _type: "keyword", arg: n.string, value: v }, n);
  }
  p.pos = start;
  return null;
}

// ---- lambda -----------------------------------------------------------------------------------

/** lambdef: 'lambda' [lambda_params] ':' expression */
export function lambdef(p: Parser): Node {
  const start = p.pos;
  const s = p.kw("lambda");
  if (!s) return null;
  p.enter();
  try {
    const m = p.pos;
    let params = lambdaParams(p);
    if (!params) {
      p.pos = m;
      params = emptyArguments();
    }
    if (p.op(":")) {
      const body = expression(p);
      if (body) return p.loc({ _type: "Lambda", args: params, body }, s);
    }
    p.pos = start;
    return null;
  } finally {
    p.leave();
  }
}

export function emptyArguments(): Node {
  return { _type: "arguments", posonlyargs: [], args: [], vararg: null, kwonlyargs: [], kw_defaults: [], kwarg: null, defaults: [] };
}


function lambdaParams(p: Parser): Node {
  const start = p.pos;
  if (p.callInvalid) {
    inv.invalidLambdaParameters(p);
    p.pos = start;
  }
  return parameters(p, true);
}

// ---- targets ----------------------------------------------------------------------------------

/** star_targets: star_target !',' | star_target (',' star_target)* [','] */
export function starTargets(p: Parser): Node {
  const s = p.peek();
  const a = starTarget(p);
  if (!a) return null;
  if (!p.isOp(",")) return a;
  const elts = [a];
  while (p.op(",")) {
    const m = p.pos;
    const b = starTarget(p);
    if (!b) {
      p.pos = m;
      break;
    }
    elts.push(b);
  }
  return p.loc({ _type: "Tuple", elts, ctx: STORE }, s);
}

/** star_target (memo): '*' (!'*' star_target) | target_with_star_atom */
export function starTarget(p: Parser): Node {
  return p.memo("star_target", () => {
    const s = p.peek();
    if (p.op("*")) {
      if (p.isOp("*")) {
        p.pos--;
        return null;
      }
      p.enter();
      const a = starTarget(p);
      p.leave();
      if (!a) {
        p.pos--;
        return null;
      }
      return p.loc({ _type: "Starred", value: a, ctx: STORE }, s);
    }
    return targetWithStarAtom(p);
  });
}

/** target_with_star_atom (memo): t_primary '.' NAME !t_lookahead | t_primary '[' slices ']' !t_lookahead | star_atom */
export function targetWithStarAtom(p: Parser): Node {
  return p.memo("target_with_star_atom", () => {
    const start = p.pos;
    const a = subscriptAttributeTarget(p, STORE);
    if (a) return a;
    p.pos = start;
    return starAtom(p);
  });
}

/** t_primary '.' NAME !t_lookahead | t_primary '[' slices ']' !t_lookahead, with ctx */
export function subscriptAttributeTarget(p: Parser, ctx: Node): Node {
  const start = p.pos;
  const s = p.peek();
  const prim = tPrimary(p);
  if (!prim) return null;
  const t = p.peek();
  if (t.type === TokenType.OP && (t.string === "." || t.string === "[")) {
    const r = trailer(p, prim, s, ctx);
    if (r && !tLookahead(p)) return r;
  }
  p.pos = start;
  return null;
}

function tLookahead(p: Parser): boolean {
  const t = p.peek();
  return t.type === TokenType.OP && (t.string === "(" || t.string === "[" || t.string === ".");
}

/** t_primary: the longest primary whose next token is '(' '[' or '.' */
export function tPrimary(p: Parser): Node {
  return p.memo("t_primary", () => {
    const s = p.peek();
    let a = atom(p);
    if (!a || !tLookahead(p)) return null;
    for (;;) {
      const m = p.pos;
      const next = trailer(p, a, s, LOAD);
      if (!next || !tLookahead(p)) {
        p.pos = m;
        break;
      }
      a = next;
    }
    return a;
  });
}

/** star_atom */
function starAtom(p: Parser): Node {
  const start = p.pos;
  const t = p.peek();
  if (t.type === TokenType.NAME) {
    if (p.name()) return nameNode(t, STORE);
    return null;
  }
  if (p.op("(")) {
    const a = targetWithStarAtom(p);
    if (a && p.op(")")) return a;
    p.pos = start + 1;
    // '(' [star_targets_tuple_seq] ')'
    const elts = starTargetsSeq(p, true);
    if (elts && p.op(")")) return p.loc({ _type: "Tuple", elts, ctx: STORE }, t);
    p.pos = start;
    return null;
  }
  if (p.op("[")) {
    const elts = starTargetsSeq(p, false);
    if (elts && p.op("]")) return p.loc({ _type: "List", elts, ctx: STORE }, t);
    p.pos = start;
    return null;
  }
  return null;
}

/** star_targets_tuple_seq (needs a comma) / star_targets_list_seq, both optional (empty → []). */
function starTargetsSeq(p: Parser, tupleSeq: boolean): Node[] | null {
  const m0 = p.pos;
  const elts: Node[] = [];
  let commas = 0;
  for (;;) {
    const m = p.pos;
    const e = starTarget(p);
    if (!e) {
      p.pos = m;
      break;
    }
    elts.push(e);
    if (!p.op(",")) break;
    commas++;
  }
  if (elts.length === 0) {
    p.pos = m0;
    return [];
  }
  if (tupleSeq && commas === 0) {
    p.pos = m0;
    return [];
  }
  return elts;
}

/** single_target: single_subscript_attribute_target | NAME | '(' single_target ')' */
export function singleTarget(p: Parser): Node {
  const start = p.pos;
  const a = subscriptAttributeTarget(p, STORE);
  if (a) return a;
  p.pos = start;
  const n = p.name();
  if (n) return nameNode(n, STORE);
  if (p.op("(")) {
    const b = singleTarget(p);
    if (b && p.op(")")) return b;
  }
  p.pos = start;
  return null;
}

/** del_targets: ','.del_target+ [','] */
export function delTargets(p: Parser): Node[] | null {
  const out: Node[] = [];
  for (;;) {
    const m = p.pos;
    const e = delTarget(p);
    if (!e) {
      p.pos = m;
      if (out.length) p.pos--;
      break;
    }
    out.push(e);
    if (!p.op(",")) break;
  }
  if (!out.length) return null;
  p.op(",");
  return out;
}

/** del_target (memo) */
function delTarget(p: Parser): Node {
  return p.memo("del_target", () => {
    const start = p.pos;
    const a = subscriptAttributeTarget(p, DEL);
    if (a) return a;
    p.pos = start;
    const t = p.peek();
    if (t.type === TokenType.NAME) return p.name() ? nameNode(t, DEL) : null;
    if (p.op("(")) {
      const b = delTarget(p);
      if (b && p.op(")")) return b;
      p.pos = start + 1;
      const m = p.pos;
      let elts = delTargets(p);
      if (!elts) {
        p.pos = m;
        elts = [];
      }
      if (p.op(")")) return p.loc({ _type: "Tuple", elts, ctx: DEL }, t);
      p.pos = start;
      return null;
    }
    if (p.op("[")) {
      const m = p.pos;
      let elts = delTargets(p);
      if (!elts) {
        p.pos = m;
        elts = [];
      }
      if (p.op("]")) return p.loc({ _type: "List", elts, ctx: DEL }, t);
      p.pos = start;
      return null;
    }
    return null;
  });
}

/** The `args` rule alone, with the span CPython's dummy Call node gets (for error locations). */
export function argsRule(p: Parser): { args: Node[]; keywords: Node[]; node: Node } | null {
  const s = p.peek();
  const r = args(p);
  if (!r) return null;
  return { ...r, node: p.loc({ _type: "Call" }, s) };
}

export function argumentsRuleRaw(p: Parser): { args: Node[]; keywords: Node[] } | null {
  return argumentsRule(p);
}
