/**
 * The invalid_* rules of python.gram (3.11), active only in the second pass (p.callInvalid). Each
 * either throws the specific PySyntaxError CPython raises or returns with nothing matched (the caller
 * resets the position). Messages and locations follow Parser/action_helpers.c and pegen.h's
 * RAISE_* macros: KNOWN_LOCATION spans a node, RAISE_SYNTAX_ERROR sits at the last token fetched.
 */
import { TokenType, type Token } from "./token.js";
import { Parser, type Node } from "./parser.js";
import { Ellipsis } from "../objects.js";
import {
  expression, disjunction, bitwiseOr, starExpressions, starNamedExpression, starNamedExpressions,
  namedExpression, yieldExpr, starTargets, starTarget, forIfClauses, starredExpression, expressions,
  argumentsRuleRaw, argsRule, listAtom, tupleAtom, genexpAtom,
} from "./parse-expr.js";
import { block as blockRule, exceptBlock as exceptBlockRule } from "./parse-stmt.js";
import { patterns as patternsRule, pattern as patternRule } from "./parse-pattern.js";

/** Runs `fn` with the invalid_* rules off (the grammar's *_without_invalid rules). */
function withoutInvalid<T>(p: Parser, fn: () => T): T {
  const saved = p.callInvalid;
  p.callInvalid = false;
  try {
    return fn();
  } finally {
    p.callInvalid = saved;
  }
}

/** _PyPegen_get_expr_name */
export function exprName(e: Node): string {
  switch (e._type) {
    case "Attribute": return "attribute";
    case "Subscript": return "subscript";
    case "Starred": return "starred";
    case "Name": return "name";
    case "List": return "list";
    case "Tuple": return "tuple";
    case "Lambda": return "lambda";
    case "Call": return "function call";
    case "BoolOp": case "BinOp": case "UnaryOp": return "expression";
    case "GeneratorExp": return "generator expression";
    case "Yield": case "YieldFrom": return "yield expression";
    case "Await": return "await expression";
    case "ListComp": return "list comprehension";
    case "SetComp": return "set comprehension";
    case "DictComp": return "dict comprehension";
    case "Dict": return "dict literal";
    case "Set": return "set display";
    case "JoinedStr": case "FormattedValue": return "f-string expression";
    case "Constant": {
      const v = e.value;
      if (v === null) return "None";
      if (v === true) return "True";
      if (v === false) return "False";
      if (v === Ellipsis) return "ellipsis";
      return "literal";
    }
    case "Compare": return "comparison";
    case "IfExp": return "conditional expression";
    case "NamedExpr": return "named expression";
    default: return "expression";
  }
}

type TargetsType = "star" | "del" | "for";

/** _PyPegen_get_invalid_target */
function invalidTarget(e: Node, kind: TargetsType): Node {
  if (!e) return null;
  switch (e._type) {
    case "List":
    case "Tuple":
      for (const x of e.elts) {
        const c = invalidTarget(x, kind);
        if (c) return c;
      }
      return null;
    case "Starred":
      if (kind === "del") return e;
      return invalidTarget(e.value, kind);
    case "Compare":
      if (kind === "for") {
        if (e.ops[0]._type === "In") return invalidTarget(e.left, kind);
        return null;
      }
      return e;
    case "Name":
    case "Subscript":
    case "Attribute":
      return null;
    default:
      return e;
  }
}

/** RAISE_SYNTAX_ERROR_INVALID_TARGET */
function raiseInvalidTarget(p: Parser, kind: TargetsType, e: Node): void {
  const t = invalidTarget(e, kind);
  if (!t) return;
  const msg = kind === "del" ? "cannot delete %s" : "cannot assign to %s";
  throw p.errorNode(msg.replace("%s", exprName(t)), t);
}

function isTok(t: Token, type: TokenType, s?: string): boolean {
  return t.type === type && (s === undefined || t.string === s);
}

const SOFT_KEYWORDS = new Set(["_", "case", "match"]);

// ---- expressions ------------------------------------------------------------------------------

/**
 * invalid_expression:
 *   !(NAME STRING | SOFT_KEYWORD) disjunction expression_without_invalid → "Perhaps you forgot a comma?"
 *   disjunction 'if' disjunction !('else'|':') → "expected 'else' after 'if' expression"
 */
export function invalidExpression(p: Parser): void {
  const start = p.pos;
  const t0 = p.peek();
  const skip =
    (t0.type === TokenType.NAME && p.peekAt(1).type === TokenType.STRING) ||
    (t0.type === TokenType.NAME && SOFT_KEYWORDS.has(t0.string));
  if (!skip) {
    const a = disjunction(p);
    if (a) {
      const b = withoutInvalid(p, () => expression(p));
      if (b) {
        const legacy = a._type === "Name" && (a.id === "print" || a.id === "exec");
        if (!legacy && p.levelAt(p.pos - 1) !== 0) {
          throw p.errorNode("invalid syntax. Perhaps you forgot a comma?", a, b);
        }
      }
    }
  }
  p.pos = start;
  const a = disjunction(p);
  if (a && p.kw("if")) {
    const b = disjunction(p);
    if (b && !p.isKw("else") && !p.isOp(":")) {
      throw p.errorNode("expected 'else' after 'if' expression", a, b);
    }
  }
}

/** invalid_legacy_expression: NAME !'(' star_expressions (print / exec) */
export function invalidLegacyExpression(p: Parser): void {
  const n = p.name();
  if (!n || p.isOp("(")) return;
  const b = starExpressions(p);
  if (!b) return;
  if (n.string === "print" || n.string === "exec") {
    throw p.errorAtPos("SyntaxError", `Missing parentheses in call to '${n.string}'. Did you mean ${n.string}(...)?`,
      n.lineno, n.col, b.end_lineno, b.end_col_offset);
  }
}

/** invalid_named_expression (memo) */
export function invalidNamedExpression(p: Parser): void {
  const start = p.pos;
  const hit = p.memoGet("invalid_named_expression");
  if (hit) return;
  p.memoSet("invalid_named_expression", start, null);
  // a=expression ':=' expression
  const a = expression(p);
  if (a && p.op(":=")) {
    if (expression(p)) {
      throw p.errorNode(`cannot use assignment expressions with ${exprName(a)}`, a);
    }
  }
  p.pos = start;
  // a=NAME '=' b=bitwise_or !('='|':=')
  const n = p.name();
  if (n && p.op("=")) {
    const b = bitwiseOr(p);
    if (b && !p.isOp("=") && !p.isOp(":=")) {
      throw p.errorAtPos("SyntaxError", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
        n.lineno, n.col, b.end_lineno, b.end_col_offset);
    }
  }
  p.pos = start;
  // !(list|tuple|genexp|'True'|'None'|'False') a=bitwise_or b='=' bitwise_or !('='|':=')
  const t = p.peek();
  if (t.type === TokenType.NAME && (t.string === "True" || t.string === "None" || t.string === "False")) return;
  if (t.type === TokenType.OP && (t.string === "[" || t.string === "(")) {
    const isCollection = t.string === "[" ? !!listAtom(p) : !!(tupleAtom(p) || (p.pos = start, genexpAtom(p)));
    p.pos = start;
    if (isCollection) return;
  }
  const a2 = bitwiseOr(p);
  if (a2 && p.op("=")) {
    const b = bitwiseOr(p);
    if (b && !p.isOp("=") && !p.isOp(":=")) {
      throw p.errorNode(`cannot assign to ${exprName(a2)} here. Maybe you meant '==' instead of '='?`, a2);
    }
  }
}

/** invalid_group: '(' starred_expression ')' | '(' '**' expression ')' */
export function invalidGroup(p: Parser): void {
  const start = p.pos;
  if (!p.op("(")) return;
  const a = starredExpression(p);
  if (a && p.op(")")) throw p.errorNode("cannot use starred expression here", a);
  p.pos = start + 1;
  const s = p.op("**");
  if (s) {
    const e = expression(p);
    if (e && p.op(")")) throw p.errorAtPos("SyntaxError", "cannot use double starred expression here", s.lineno, s.col, s.endLineno, s.endCol);
  }
}

/** invalid_comprehension */
export function invalidComprehension(p: Parser): void {
  const start = p.pos;
  const open = p.peek();
  if (!(isTok(open, TokenType.OP, "[") || isTok(open, TokenType.OP, "(") || isTok(open, TokenType.OP, "{"))) return;
  p.pos++;
  const a = starredExpression(p);
  if (a && forIfClauses(p)) throw p.errorNode("iterable unpacking cannot be used in comprehension", a);
  if (open.string === "(") return;
  p.pos = start + 1;
  const b = starNamedExpression(p);
  if (b && p.op(",")) {
    const m = p.pos;
    const rest = starNamedExpressions(p);
    if (rest && forIfClauses(p)) {
      throw p.errorNode("did you forget parentheses around the comprehension target?", b, rest[rest.length - 1]);
    }
    p.pos = m;
    const comma = p.tokens[m - 1];
    if (forIfClauses(p)) {
      throw p.errorAtPos("SyntaxError", "did you forget parentheses around the comprehension target?",
        b.lineno, b.col_offset, comma.endLineno, comma.endCol);
    }
  }
}

/** invalid_dict_comprehension: '{' '**' bitwise_or for_if_clauses '}' */
export function invalidDictComprehension(p: Parser): void {
  if (!p.op("{")) return;
  const a = p.op("**");
  if (!a) return;
  if (bitwiseOr(p) && forIfClauses(p) && p.op("}")) {
    throw p.errorAt("SyntaxError", "dict unpacking cannot be used in dict comprehension", a, a);
  }
}

/** invalid_double_starred_kvpairs (after '{') */
export function invalidDoubleStarredKvpairs(p: Parser): void {
  const start = p.pos;
  // ','.double_starred_kvpair+ ',' invalid_kvpair
  let n = 0;
  for (;;) {
    const m = p.pos;
    if (p.op("**")) {
      if (!bitwiseOr(p)) {
        p.pos = m;
        break;
      }
    } else {
      const k = expression(p);
      if (!k || !p.op(":") || !expression(p)) {
        p.pos = m;
        break;
      }
    }
    n++;
    if (!p.isOp(",")) break;
    const m2 = p.pos;
    p.pos++;
    // try invalid_kvpair after this comma
    invalidKvpair(p);
    p.pos = m2 + 1;
  }
  p.pos = start;
  void n;
  const k = expression(p);
  if (k && p.op(":")) {
    const star = p.op("*");
    if (star && bitwiseOr(p)) {
      throw p.errorAtPos("SyntaxError", "cannot use a starred expression in a dictionary value", star.lineno, star.col, star.endLineno, -5);
    }
    if (!star && (p.isOp("}") || p.isOp(","))) {
      const colon = p.tokens[p.pos - 1];
      throw p.errorAt("SyntaxError", "expression expected after dictionary key and ':'", colon, colon);
    }
  }
}

function invalidKvpair(p: Parser): void {
  const start = p.pos;
  const a = expression(p);
  if (!a) return;
  if (!p.isOp(":")) {
    throw p.errorAtPos("SyntaxError", "':' expected after dictionary key", a.lineno, a.end_col_offset - 1, a.end_lineno, -1);
  }
  p.pos++;
  const star = p.op("*");
  if (star && bitwiseOr(p)) {
    throw p.errorAtPos("SyntaxError", "cannot use a starred expression in a dictionary value", star.lineno, star.col, star.endLineno, -5);
  }
  if (!star && (p.isOp("}") || p.isOp(","))) {
    const colon = p.tokens[p.pos - 1];
    throw p.errorAt("SyntaxError", "expression expected after dictionary key and ':'", colon, colon);
  }
  p.pos = start;
}

/** invalid_for_target: ASYNC? 'for' star_expressions */
export function invalidForTarget(p: Parser): void {
  p.kw("async");
  if (!p.kw("for")) return;
  const a = starExpressions(p);
  if (a) raiseInvalidTarget(p, "for", a);
}

// ---- call arguments ---------------------------------------------------------------------------

function lastComprehensionItem(c: Node): Node {
  return c.ifs.length ? c.ifs[c.ifs.length - 1] : c.iter;
}

/** invalid_arguments */
export function invalidArguments(p: Parser): void {
  const start = p.pos;
  // a=args ',' '*'
  let a = argsRule(p);
  if (a && a.keywords.length > 0 && p.op(",")) {
    const star = p.op("*");
    if (star) throw p.errorAt("SyntaxError", "iterable argument unpacking follows keyword argument unpacking", star, star);
  }
  p.pos = start;
  // a=expression b=for_if_clauses ',' [args | expression for_if_clauses]
  const e = expression(p);
  if (e) {
    const b = forIfClauses(p);
    if (b && p.op(",")) {
      const m = p.pos;
      if (!argsRule(p)) {
        p.pos = m;
        const e2 = expression(p);
        if (!e2 || !forIfClauses(p)) p.pos = m;
      }
      throw p.errorNode("Generator expression must be parenthesized", e, lastComprehensionItem(b[b.length - 1]));
    }
  }
  p.pos = start;
  // a=NAME b='=' expression for_if_clauses
  const n = p.name();
  if (n) {
    const eq = p.op("=");
    if (eq && expression(p) && forIfClauses(p)) {
      throw p.errorAt("SyntaxError", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", n, eq);
    }
  }
  p.pos = start;
  // a=args b=for_if_clauses
  a = argsRule(p);
  if (a) {
    const b = forIfClauses(p);
    if (b) {
      const args = a.args;
      if (args.length > 1) {
        throw p.errorNode("Generator expression must be parenthesized", args[args.length - 1], lastComprehensionItem(b[b.length - 1]));
      }
    }
  }
  p.pos = start;
  // args ',' a=expression b=for_if_clauses
  a = argsRule(p);
  if (a && p.op(",")) {
    const e3 = expression(p);
    if (e3) {
      const b = forIfClauses(p);
      if (b) throw p.errorNode("Generator expression must be parenthesized", e3, lastComprehensionItem(b[b.length - 1]));
    }
  }
  p.pos = start;
  // a=args ',' args → positional follows keyword
  a = argsRule(p);
  if (a && p.op(",") && argsRule(p)) {
    const unpack = a.keywords.some((k: Node) => k.arg === null);
    throw p.errorLast(unpack ? "positional argument follows keyword argument unpacking" : "positional argument follows keyword argument");
  }
  p.pos = start;
  void argumentsRuleRaw;
}

/** invalid_kwarg */
export function invalidKwarg(p: Parser): void {
  const start = p.pos;
  const t = p.peek();
  if (t.type === TokenType.NAME && (t.string === "True" || t.string === "False" || t.string === "None")) {
    p.pos++;
    const eq = p.op("=");
    if (eq) throw p.errorAt("SyntaxError", `cannot assign to ${t.string}`, t, eq);
    p.pos = start;
  }
  const n = p.name();
  if (n) {
    const eq = p.op("=");
    if (eq && expression(p) && forIfClauses(p)) {
      throw p.errorAt("SyntaxError", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", n, eq);
    }
  }
  p.pos = start;
  // !(NAME '=') a=expression b='='
  if (p.name() && p.isOp("=")) {
    p.pos = start;
    return;
  }
  p.pos = start;
  const a = expression(p);
  if (a) {
    const eq = p.op("=");
    if (eq) {
      throw p.errorAtPos("SyntaxError", 'expression cannot contain assignment, perhaps you meant "=="?',
        a.lineno, a.col_offset, eq.endLineno, eq.endCol);
    }
  }
}

// ---- parameters -------------------------------------------------------------------------------

/** param_no_default-ish scan used by the parameter error rules: NAME [':' expr] */
function scanParam(p: Parser, lambda: boolean): Token | null {
  const n = p.name();
  if (!n) return null;
  if (!lambda && p.isOp(":")) {
    const m = p.pos;
    p.pos++;
    if (!expression(p)) p.pos = m;
  }
  return n;
}

function invalidParamsCommon(p: Parser, lambda: boolean): void {
  const close = lambda ? ":" : ")";
  const start = p.pos;
  // param_no_default* invalid_parameters_helper a=param_no_default → non-default follows default
  let sawDefault = false;
  let slashSeen = false;
  for (;;) {
    const m = p.pos;
    const n = scanParam(p, lambda);
    if (!n) {
      p.pos = m;
      if (p.op("/") && !slashSeen && (p.isOp(",") || p.isOp(close))) {
        slashSeen = true;
        p.op(",");
        continue;
      }
      p.pos = m;
      break;
    }
    const argNode = p.tokens[m];
    if (p.op("=")) {
      if (!expression(p)) break;
      sawDefault = true;
    } else if (sawDefault && (p.isOp(",") || p.isOp(close))) {
      const endTok = p.tokens[p.pos - 1];
      throw p.errorAtPos("SyntaxError", "non-default argument follows default argument", argNode.lineno, argNode.col, endTok.endLineno, endTok.endCol);
    }
    if (!p.op(",")) break;
  }
  p.pos = start;
  // a="/" ','
  const slash = p.op("/");
  if (slash && p.isOp(",")) throw p.errorAt("SyntaxError", "at least one argument must precede /", slash, slash);
  p.pos = start;
  // (slash_no_default | slash_with_default) param_maybe_default* a='/'
  if (slashPart(p, lambda)) {
    scanMaybeDefaults(p, lambda);
    const a = p.op("/");
    if (a) throw p.errorAt("SyntaxError", "/ may appear only once", a, a);
  }
  p.pos = start;
  // (slash_no_default | slash_with_default)? param_maybe_default* '*' (',' | param_no_default)
  // param_maybe_default* a='/'
  if (!slashPart(p, lambda)) p.pos = start;
  scanMaybeDefaults(p, lambda);
  if (p.op("*")) {
    let ok = !!p.op(",");
    if (!ok) ok = paramNoDefault(p, lambda);
    if (ok) {
      scanMaybeDefaults(p, lambda);
      const a = p.op("/");
      if (a) throw p.errorAt("SyntaxError", "/ must be ahead of *", a, a);
    }
  }
  p.pos = start;
  // param_maybe_default+ '/' a='*'
  if (scanMaybeDefaults(p, lambda) > 0 && p.op("/")) {
    const a = p.op("*");
    if (a) throw p.errorAt("SyntaxError", "expected comma between / and *", a, a);
  }
  p.pos = start;
  if (!lambda) {
    // param_no_default* '(' param_no_default+ ','? ')'
    for (;;) {
      const m = p.pos;
      if (!scanParam(p, lambda) || !p.op(",")) {
        p.pos = m;
        break;
      }
    }
    const open = p.op("(");
    if (open) {
      let k = 0;
      for (;;) {
        if (!scanParam(p, lambda)) break;
        k++;
        if (!p.op(",")) break;
      }
      const cl = p.op(")");
      if (k > 0 && cl) throw p.errorAt("SyntaxError", "Function parameters cannot be parenthesized", open, cl);
    }
  } else {
    for (;;) {
      const m = p.pos;
      if (!scanParam(p, lambda) || !p.op(",")) {
        p.pos = m;
        break;
      }
    }
    const open = p.op("(");
    if (open) {
      let k = 0;
      for (;;) {
        if (!scanParam(p, lambda)) break;
        k++;
        if (!p.op(",")) break;
      }
      const cl = p.op(")");
      if (k > 0 && cl) throw p.errorAt("SyntaxError", "Lambda expression parameters cannot be parenthesized", open, cl);
    }
  }
  p.pos = start;
}

/** param_maybe_default*: NAME [annotation] ['=' expression] followed by ',' or the closer. */
function scanMaybeDefaults(p: Parser, lambda: boolean): number {
  const close = lambda ? ":" : ")";
  let n = 0;
  for (;;) {
    const m = p.pos;
    if (!scanParam(p, lambda)) break;
    if (p.op("=") && !expression(p)) {
      p.pos = m;
      break;
    }
    if (!p.op(",") && !p.isOp(close)) {
      p.pos = m;
      break;
    }
    n++;
  }
  return n;
}

/** param_no_default: param followed by ',' or the closer */
function paramNoDefault(p: Parser, lambda: boolean): boolean {
  const m = p.pos;
  if (scanParam(p, lambda) && (p.op(",") || p.isOp(lambda ? ":" : ")"))) return true;
  p.pos = m;
  return false;
}

/** slash_no_default | slash_with_default: params '/' (',' | &closer) */
function slashPart(p: Parser, lambda: boolean): boolean {
  const m = p.pos;
  if (scanMaybeDefaults(p, lambda) > 0 && p.op("/") && (p.op(",") || p.isOp(lambda ? ":" : ")"))) return true;
  p.pos = m;
  return false;
}

export function invalidParameters(p: Parser): void {
  invalidParamsCommon(p, false);
}

export function invalidLambdaParameters(p: Parser): void {
  invalidParamsCommon(p, true);
}

/** invalid_default: '=' &(')'|',') */
export function invalidDefault(p: Parser): void {
  const a = p.op("=");
  if (a && (p.isOp(")") || p.isOp(","))) throw p.errorAt("SyntaxError", "expected default value expression", a, a);
}

function invalidStarEtcCommon(p: Parser, lambda: boolean): void {
  const close = lambda ? ":" : ")";
  const start = p.pos;
  const star = p.op("*");
  if (!star) return;
  const bare = (): Error =>
    lambda ? p.errorLast("named arguments must follow bare *") : p.errorAt("SyntaxError", "named arguments must follow bare *", star, star);
  if (p.isOp(close)) throw bare();
  if (p.op(",")) {
    if (p.isOp(close) || p.isOp("**")) throw bare();
  }
  p.pos = start + 1;
  if (scanParam(p, lambda)) {
    const eq = p.op("=");
    if (eq) throw p.errorAt("SyntaxError", "var-positional argument cannot have default value", eq, eq);
  }
  // '*' (param_no_default | ',') param_maybe_default* a='*' (param_no_default | ',')
  p.pos = start + 1;
  if (p.op(",") || paramNoDefault(p, lambda)) {
    scanMaybeDefaults(p, lambda);
    const a = p.op("*");
    if (a && (p.isOp(",") || paramNoDefault(p, lambda))) {
      throw p.errorAt("SyntaxError", "* argument may appear only once", a, a);
    }
  }
}

export function invalidStarEtc(p: Parser): void {
  invalidStarEtcCommon(p, false);
}
export function invalidLambdaStarEtc(p: Parser): void {
  invalidStarEtcCommon(p, true);
}

function invalidKwdsCommon(p: Parser, lambda: boolean): void {
  if (!p.op("**")) return;
  if (!scanParam(p, lambda)) return;
  const eq = p.op("=");
  if (eq) throw p.errorAt("SyntaxError", "var-keyword argument cannot have default value", eq, eq);
  if (!p.op(",")) return;
  const m = p.pos;
  const n = scanParam(p, lambda);
  if (n) {
    const node = p.tokens[p.pos - 1];
    throw p.errorAtPos("SyntaxError", "arguments cannot follow var-keyword argument", n.lineno, n.col, node.endLineno, node.endCol);
  }
  p.pos = m;
  const t = p.peek();
  if (t.type === TokenType.OP && (t.string === "*" || t.string === "**" || t.string === "/")) {
    throw p.errorAt("SyntaxError", "arguments cannot follow var-keyword argument", t, t);
  }
}

export function invalidKwds(p: Parser): void {
  invalidKwdsCommon(p, false);
}
export function invalidLambdaKwds(p: Parser): void {
  invalidKwdsCommon(p, true);
}

// ---- statements -------------------------------------------------------------------------------

/** invalid_ann_assign_target: list | tuple | '(' invalid_ann_assign_target ')' */
function invalidAnnAssignTarget(p: Parser): Node {
  const t = p.peek();
  if (!isTok(t, TokenType.OP, "(") && !isTok(t, TokenType.OP, "[")) return null;
  const start = p.pos;
  const a = withoutInvalid(p, () => bitwiseOr(p));
  if (a && (a._type === "List" || a._type === "Tuple") && p.isOp(":")) return a;
  p.pos = start;
  if (p.op("(")) {
    const b = invalidAnnAssignTarget(p);
    if (b && p.op(")")) return b;
  }
  p.pos = start;
  return null;
}

/** invalid_assignment */
export function invalidAssignment(p: Parser): void {
  const start = p.pos;
  const a = invalidAnnAssignTarget(p);
  if (a && p.op(":") && expression(p)) {
    throw p.errorNode(`only single target (not ${exprName(a)}) can be annotated`, a);
  }
  p.pos = start;
  const b = starNamedExpression(p);
  if (b && p.op(",")) {
    for (;;) {
      const m = p.pos;
      if (!starNamedExpressions(p)) {
        p.pos = m;
        break;
      }
    }
    if (p.op(":") && expression(p)) throw p.errorNode("only single target (not tuple) can be annotated", b);
  }
  p.pos = start;
  const c = expression(p);
  if (c && p.op(":") && expression(p)) throw p.errorNode("illegal target for annotation", c);
  p.pos = start;
  // (star_targets '=')* a=star_expressions '='
  skipStarTargetsEq(p);
  const m = p.pos;
  const d = starExpressions(p);
  if (d && p.isOp("=")) raiseInvalidTarget(p, "star", d);
  p.pos = m;
  const y = yieldExpr(p);
  if (y && p.isOp("=")) throw p.errorNode("assignment to yield expression not possible", y);
  p.pos = start;
  const e = starExpressions(p);
  if (e && augOp(p)) {
    const m2 = p.pos;
    let v = yieldExpr(p);
    if (!v) {
      p.pos = m2;
      v = starExpressions(p);
    }
    if (v) throw p.errorNode(`'${exprName(e)}' is an illegal expression for augmented assignment`, e);
  }
  p.pos = start;
}

function skipStarTargetsEq(p: Parser): void {
  for (;;) {
    const m = p.pos;
    if (!starTargets(p) || !p.op("=")) {
      p.pos = m;
      return;
    }
  }
}

const AUG = new Set(["+=", "-=", "*=", "@=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", "**=", "//="]);
function augOp(p: Parser): boolean {
  const t = p.peek();
  if (t.type === TokenType.OP && AUG.has(t.string)) {
    p.pos++;
    return true;
  }
  return false;
}

/** invalid_del_stmt: 'del' star_expressions */
export function invalidDelStmt(p: Parser): void {
  if (!p.kw("del")) return;
  const a = starExpressions(p);
  if (a) raiseInvalidTarget(p, "del", a);
}

/** invalid_block: NEWLINE !INDENT */
export function invalidBlock(p: Parser): void {
  if (p.expect(TokenType.NEWLINE) && p.peek().type !== TokenType.INDENT) {
    throw p.errorLast("expected an indented block", "IndentationError");
  }
}

function expectIndentAfter(p: Parser, what: string, line: number): void {
  if (p.expect(TokenType.NEWLINE) && p.peek().type !== TokenType.INDENT) {
    throw p.errorLast(`expected an indented block after ${what} on line ${line}`, "IndentationError");
  }
}

/** invalid_import_from_targets: import_from_as_names ',' NEWLINE */
export function invalidImportFromTargets(p: Parser): void {
  for (;;) {
    const n = p.name();
    if (!n) return;
    if (p.kw("as") && !p.name()) return;
    if (!p.op(",")) return;
    if (p.peek().type === TokenType.NEWLINE) {
      throw p.errorLast("trailing comma not allowed without surrounding parentheses");
    }
  }
}

/** invalid_if_stmt / invalid_elif_stmt */
function invalidIfLike(p: Parser, word: string): void {
  const start = p.pos;
  if (!p.kw(word)) return;
  const a = namedExpression(p);
  if (!a) return;
  if (p.expect(TokenType.NEWLINE)) throw p.errorLast("expected ':'");
  if (p.op(":")) expectIndentAfter(p, `'${word}' statement`, a.lineno);
  p.pos = start;
}

export function invalidIfStmt(p: Parser): void {
  invalidIfLike(p, "if");
}
export function invalidElifStmt(p: Parser): void {
  invalidIfLike(p, "elif");
}

/** invalid_else_stmt: 'else' ':' NEWLINE !INDENT */
export function invalidElseStmt(p: Parser): void {
  const a = p.kw("else");
  if (a && p.op(":")) expectIndentAfter(p, "'else' statement", a.lineno);
}

/** invalid_while_stmt */
export function invalidWhileStmt(p: Parser): void {
  const a = p.kw("while");
  if (!a) return;
  if (!namedExpression(p)) return;
  if (p.expect(TokenType.NEWLINE)) throw p.errorLast("expected ':'");
  if (p.op(":")) expectIndentAfter(p, "'while' statement", a.lineno);
}

/** invalid_for_stmt */
export function invalidForStmt(p: Parser): void {
  p.kw("async");
  const a = p.kw("for");
  if (!a) return;
  if (!starTargets(p) || !p.kw("in") || !starExpressions(p)) return;
  if (p.expect(TokenType.NEWLINE)) throw p.errorLast("expected ':'");
  if (p.op(":")) expectIndentAfter(p, "'for' statement", a.lineno);
}

/** invalid_def_raw: [ASYNC] 'def' NAME '(' [params] ')' ['->' expression] ':' NEWLINE !INDENT */
export function invalidDefRaw(p: Parser): void {
  p.kw("async");
  const a = p.kw("def");
  if (!a || !p.name() || !p.op("(")) return;
  // skip the parameters without the error rules (params would re-enter this check)
  let depth = 1;
  while (depth > 0) {
    const t = p.peek();
    if (t.type === TokenType.ENDMARKER || t.type === TokenType.NEWLINE) return;
    if (t.type === TokenType.OP) {
      if (t.string === "(" || t.string === "[" || t.string === "{") depth++;
      else if (t.string === ")" || t.string === "]" || t.string === "}") depth--;
    }
    p.pos++;
  }
  if (p.op("->") && !expression(p)) return;
  if (p.op(":")) expectIndentAfter(p, "function definition", a.lineno);
}

/** invalid_class_def_raw */
export function invalidClassDefRaw(p: Parser): void {
  const a = p.kw("class");
  if (!a || !p.name()) return;
  const m = p.pos;
  if (p.op("(")) {
    const m2 = p.pos;
    if (!argumentsRuleRaw(p)) p.pos = m2;
    if (!p.op(")")) p.pos = m;
  }
  if (p.expect(TokenType.NEWLINE)) throw p.errorLast("expected ':'");
  if (p.op(":")) expectIndentAfter(p, "class definition", a.lineno);
}

/** invalid_with_stmt_indent */
export function invalidWithStmtIndent(p: Parser): void {
  const start = p.pos;
  p.kw("async");
  const a = p.kw("with");
  if (!a) return;
  const afterWith = p.pos;
  if (withItemsLoose(p, false) && p.op(":")) expectIndentAfter(p, "'with' statement", a.lineno);
  p.pos = afterWith;
  if (p.op("(") && withItemsLoose(p, true)) {
    p.op(",");
    if (p.op(")") && p.op(":")) expectIndentAfter(p, "'with' statement", a.lineno);
  }
  p.pos = start;
}

/** ','.(expression ['as' star_target])+ (expressions in the parenthesized form) */
function withItemsLoose(p: Parser, paren: boolean): boolean {
  let n = 0;
  for (;;) {
    const m = p.pos;
    const e = paren ? expressions(p) : expression(p);
    if (!e) {
      p.pos = m;
      if (n) p.pos--;
      break;
    }
    const m2 = p.pos;
    if (p.kw("as") && !starTarget(p)) p.pos = m2;
    n++;
    if (!p.op(",")) break;
  }
  return n > 0;
}

/** invalid_with_stmt */
export function invalidWithStmt(p: Parser): void {
  const start = p.pos;
  p.kw("async");
  if (!p.kw("with")) return;
  const afterWith = p.pos;
  if (withItemsLoose(p, false) && p.expect(TokenType.NEWLINE)) throw p.errorLast("expected ':'");
  p.pos = afterWith;
  if (p.op("(") && withItemsLoose(p, true)) {
    p.op(",");
    if (p.op(")") && p.expect(TokenType.NEWLINE)) throw p.errorLast("expected ':'");
  }
  p.pos = start;
}

/** invalid_with_item: expression 'as' expression &(',' | ')' | ':') */
export function invalidWithItem(p: Parser): void {
  if (!expression(p) || !p.kw("as")) return;
  const a = expression(p);
  if (a && (p.isOp(",") || p.isOp(")") || p.isOp(":"))) raiseInvalidTarget(p, "star", a);
}

/** invalid_try_stmt */
export function invalidTryStmt(p: Parser): void {
  const start = p.pos;
  const a = p.kw("try");
  if (!a || !p.op(":")) return;
  const m = p.pos;
  expectIndentAfter(p, "'try' statement", a.lineno);
  p.pos = m;
  const body = withoutInvalid(p, () => blockRule(p));
  if (body && !p.isKw("except") && !p.isKw("finally")) throw p.errorLast("expected 'except' or 'finally' block");
  p.pos = m;
  if (!body) return;
  blockRule(p);
  const afterBody = p.pos;
  for (const star of [false, true]) {
    p.pos = afterBody;
    let n = 0;
    for (;;) {
      const m2 = p.pos;
      if (!exceptBlockRule(p, star)) {
        p.pos = m2;
        break;
      }
      n++;
    }
    if (!n) continue;
    const ex = p.kw("except");
    if (!ex) continue;
    if (!star) {
      const st = p.op("*");
      if (st && expression(p)) {
        const m3 = p.pos;
        if (p.kw("as") && !p.name()) p.pos = m3;
        if (p.op(":")) throw p.errorAt("SyntaxError", "cannot have both 'except' and 'except*' on the same 'try'", ex, st);
      }
    } else {
      const m3 = p.pos;
      if (expression(p)) {
        const m4 = p.pos;
        if (p.kw("as") && !p.name()) p.pos = m4;
      } else p.pos = m3;
      if (p.op(":")) throw p.errorAt("SyntaxError", "cannot have both 'except' and 'except*' on the same 'try'", ex, ex);
    }
  }
  p.pos = start;
}



/** invalid_except_stmt */
export function invalidExceptStmt(p: Parser): void {
  const start = p.pos;
  const a = p.kw("except");
  if (!a) return;
  const star = p.op("*");
  const m = p.pos;
  const e = expression(p);
  if (e) {
    if (p.op(",") && expressions(p)) {
      const m2 = p.pos;
      if (p.kw("as") && !p.name()) p.pos = m2;
      if (p.op(":")) throw p.errorAtPos("SyntaxError", "multiple exception types must be parenthesized", e.lineno, e.col_offset, e.end_lineno, -5);
    }
    p.pos = m;
    expression(p);
    const m3 = p.pos;
    if (p.kw("as") && !p.name()) p.pos = m3;
    if (p.expect(TokenType.NEWLINE)) throw p.errorLast("expected ':'");
  }
  p.pos = m;
  if (!star && p.expect(TokenType.NEWLINE)) throw p.errorLast("expected ':'");
  p.pos = m;
  if (star && (p.expect(TokenType.NEWLINE) || p.op(":"))) throw p.errorLast("expected one or more exception types");
  p.pos = start;
}

function invalidExceptIndent(p: Parser, star: boolean): void {
  const a = p.kw("except");
  if (!a) return;
  if (star && !p.op("*")) return;
  const m = p.pos;
  if (expression(p)) {
    const m2 = p.pos;
    if (p.kw("as") && !p.name()) p.pos = m2;
    if (p.op(":")) expectIndentAfter(p, star ? "'except*' statement" : "'except' statement", a.lineno);
  }
  p.pos = m;
  if (!star && p.op(":")) expectIndentAfter(p, "'except' statement", a.lineno);
}

export function invalidExceptStmtIndent(p: Parser): void {
  invalidExceptIndent(p, false);
}
export function invalidExceptStarStmtIndent(p: Parser): void {
  invalidExceptIndent(p, true);
}

/** invalid_finally_stmt: 'finally' ':' NEWLINE !INDENT */
export function invalidFinallyStmt(p: Parser): void {
  const a = p.kw("finally");
  if (a && p.op(":")) expectIndentAfter(p, "'finally' statement", a.lineno);
}

/** invalid_match_stmt */
export function invalidMatchStmt(p: Parser): void {
  const a = p.kw("match");
  if (!a) return;
  const s = subjectLoose(p);
  if (!s) return;
  if (p.expect(TokenType.NEWLINE)) throw p.errorLast("expected ':'");
  if (!p.op(":")) return;
  expectIndentAfter(p, "'match' statement", a.lineno);
}

function subjectLoose(p: Parser): Node {
  const m = p.pos;
  const a = starNamedExpression(p);
  if (a && p.op(",")) {
    const m2 = p.pos;
    if (!starNamedExpressions(p)) p.pos = m2;
    return a;
  }
  p.pos = m;
  return namedExpression(p);
}

/** invalid_case_block */
export function invalidCaseBlock(p: Parser): void {
  const a = p.kw("case");
  if (!a) return;
  if (!patternsRule(p)) return;
  const m = p.pos;
  if (p.kw("if") && !namedExpression(p)) p.pos = m;
  if (p.expect(TokenType.NEWLINE)) throw p.errorLast("expected ':'");
  if (!p.op(":")) return;
  expectIndentAfter(p, "'case' statement", a.lineno);
}


/** invalid_as_pattern: or_pattern 'as' "_" | or_pattern 'as' !NAME expression (called after 'as' failed) */
export function invalidAsPattern(p: Parser): void {
  // the caller has reset to the pattern start: skip the or_pattern up to its 'as'
  let depth = 0;
  for (;;) {
    const t = p.peek();
    if (t.type === TokenType.ENDMARKER || t.type === TokenType.NEWLINE) return;
    if (depth === 0 && t.type === TokenType.NAME && t.string === "as") break;
    if (t.type === TokenType.OP) {
      if (t.string === "(" || t.string === "[" || t.string === "{") depth++;
      else if (t.string === ")" || t.string === "]" || t.string === "}") depth--;
    }
    p.pos++;
  }
  p.pos++;
  const u = p.peek();
  if (u.type === TokenType.NAME && u.string === "_") throw p.errorAt("SyntaxError", "cannot use '_' as a target", u, u);
  if (u.type === TokenType.NAME && !["True", "False", "None", "lambda", "not", "await"].includes(u.string)) return;
  const e = expression(p);
  if (e) throw p.errorNode("invalid pattern target", e);
}

/** invalid_class_pattern: name_or_attr '(' invalid_class_argument_pattern */
export function invalidClassPattern(p: Parser): void {
  // name_or_attr '(' [positional_patterns ','] keyword_patterns ',' a=positional_patterns
  if (!p.name()) return;
  while (p.op(".")) if (!p.name()) return;
  if (!p.op("(")) return;
  let sawKeyword = false;
  for (;;) {
    const m = p.pos;
    const n = p.name();
    if (n && p.op("=")) {
      if (!patternRule(p)) return;
      sawKeyword = true;
    } else {
      p.pos = m;
      const q = patternRule(p);
      if (!q) return;
      if (sawKeyword) {
        // the positional run: up to the next keyword or the end
        let last = q;
        for (;;) {
          const m2 = p.pos;
          if (!p.op(",")) break;
          const m3 = p.pos;
          const n2 = p.name();
          if (n2 && p.isOp("=")) {
            p.pos = m2;
            break;
          }
          p.pos = m3;
          const r = patternRule(p);
          if (!r) {
            p.pos = m2;
            break;
          }
          last = r;
        }
        throw p.errorNode("positional patterns follow keyword patterns", q, last);
      }
    }
    if (!p.op(",")) return;
  }
}


