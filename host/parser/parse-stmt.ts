/**
 * Statement rules of Grammar/python.gram (3.11): simple statements, compound statements, blocks,
 * decorators, imports, and the start rules (file, interactive, eval, func_type).
 */
import { TokenType } from "./token.js";
import { Parser, type Node } from "./parser.js";
import {
  CTX, expression, expressions, starExpressions, yieldExpr, namedExpression, starTargets, starTarget,
  singleTarget, subscriptAttributeTarget, delTargets, argumentsRule, nameNode, tokLoc,
} from "./parse-expr.js";
import { parameters } from "./parse-params.js";
import { matchStmt } from "./parse-pattern.js";
import * as inv from "./parse-invalid.js";

// ---- start rules ------------------------------------------------------------------------------

/** file: [statements] ENDMARKER */
export function fileRule(p: Parser): Node {
  const body = statements(p) ?? [];
  if (!p.expect(TokenType.ENDMARKER)) return null;
  return { _type: "Module", body, type_ignores: [] };
}

/** interactive: statement_newline */
export function interactiveRule(p: Parser): Node {
  const start = p.pos;
  const c = compoundStmt(p);
  if (c && p.expect(TokenType.NEWLINE)) return { _type: "Interactive", body: [c] };
  p.pos = start;
  const s = simpleStmts(p);
  if (s) return { _type: "Interactive", body: s };
  p.pos = start;
  if (p.expect(TokenType.NEWLINE)) return { _type: "Interactive", body: [] };
  return null;
}

/** eval: expressions NEWLINE* ENDMARKER */
export function evalRule(p: Parser): Node {
  const e = expressions(p);
  if (!e) return null;
  while (p.expect(TokenType.NEWLINE));
  if (!p.expect(TokenType.ENDMARKER)) return null;
  return { _type: "Expression", body: e };
}

/** func_type: '(' [type_expressions] ')' '->' expression NEWLINE* ENDMARKER */
export function funcTypeRule(p: Parser): Node {
  if (!p.op("(")) return null;
  const argtypes: Node[] = [];
  if (!p.isOp(")")) {
    for (;;) {
      // '*' expression and '**' expression keep only the expression
      if (!p.op("*")) p.op("**");
      const e = expression(p);
      if (!e) return null;
      argtypes.push(e);
      if (!p.op(",")) break;
    }
  }
  if (!p.op(")") || !p.op("->")) return null;
  const returns = expression(p);
  if (!returns) return null;
  while (p.expect(TokenType.NEWLINE));
  if (!p.expect(TokenType.ENDMARKER)) return null;
  return { _type: "FunctionType", argtypes, returns };
}

// ---- statements -------------------------------------------------------------------------------

/** statements: statement+ */
export function statements(p: Parser): Node[] | null {
  const out: Node[] = [];
  for (;;) {
    const m = p.pos;
    const s = statement(p);
    if (!s) {
      p.pos = m;
      break;
    }
    for (const x of s) out.push(x);
  }
  return out.length ? out : null;
}

/** statement: compound_stmt | simple_stmts */
function statement(p: Parser): Node[] | null {
  const start = p.pos;
  const c = compoundStmt(p);
  if (c) return [c];
  p.pos = start;
  return simpleStmts(p);
}

/** simple_stmts: simple_stmt !';' NEWLINE | ';'.simple_stmt+ [';'] NEWLINE */
export function simpleStmts(p: Parser): Node[] | null {
  const start = p.pos;
  const out: Node[] = [];
  for (;;) {
    const m = p.pos;
    const s = simpleStmt(p);
    if (!s) {
      p.pos = m;
      if (out.length === 0) return null;
      p.pos--; // back to the separator: it is the optional trailing ';'
      break;
    }
    out.push(s);
    if (!p.op(";")) break;
  }
  p.op(";");
  if (p.expect(TokenType.NEWLINE)) return out;
  p.pos = start;
  return null;
}

/** simple_stmt (memo) */
function simpleStmt(p: Parser): Node {
  return p.memo("simple_stmt", () => simpleStmtRaw(p));
}

function simpleStmtRaw(p: Parser): Node {
  const start = p.pos;
  const s = p.peek();
  const a = assignment(p);
  if (a) return a;
  p.pos = start;
  const e = starExpressions(p);
  if (e) return p.loc({ _type: "Expr", value: e }, s);
  p.pos = start;
  if (s.type !== TokenType.NAME) return null;
  switch (s.string) {
    case "return": {
      p.pos++;
      const m = p.pos;
      const v = starExpressions(p);
      if (!v) p.pos = m;
      return p.loc({ _type: "Return", value: v || null }, s);
    }
    case "import":
    case "from":
      return importStmt(p);
    case "raise": {
      p.pos++;
      const m = p.pos;
      const exc = expression(p);
      if (exc) {
        const m2 = p.pos;
        if (p.kw("from")) {
          const cause = expression(p);
          if (cause) return p.loc({ _type: "Raise", exc, cause }, s);
          p.pos = m2;
        }
        return p.loc({ _type: "Raise", exc, cause: null }, s);
      }
      p.pos = m;
      return p.loc({ _type: "Raise", exc: null, cause: null }, s);
    }
    case "pass":
      p.pos++;
      return p.loc({ _type: "Pass" }, s);
    case "del": {
      p.pos++;
      const t = delTargets(p);
      if (t) {
        const n = p.peek();
        if ((n.type === TokenType.OP && n.string === ";") || n.type === TokenType.NEWLINE) {
          return p.loc({ _type: "Delete", targets: t }, s);
        }
      }
      p.pos = start;
      if (p.callInvalid) inv.invalidDelStmt(p);
      return null;
    }
    case "yield": {
      const y = yieldExpr(p);
      if (y) return p.loc({ _type: "Expr", value: y }, s);
      return null;
    }
    case "assert": {
      p.pos++;
      const test = expression(p);
      if (!test) return null;
      const m = p.pos;
      let msg: Node = null;
      if (p.op(",")) {
        msg = expression(p);
        if (!msg) p.pos = m;
      }
      return p.loc({ _type: "Assert", test, msg }, s);
    }
    case "break":
      p.pos++;
      return p.loc({ _type: "Break" }, s);
    case "continue":
      p.pos++;
      return p.loc({ _type: "Continue" }, s);
    case "global":
    case "nonlocal": {
      p.pos++;
      const names: string[] = [];
      for (;;) {
        const n = p.name();
        if (!n) {
          if (names.length === 0) return null;
          p.pos--;
          break;
        }
        names.push(n.string);
        if (!p.op(",")) break;
      }
      return p.loc({ _type: s.string === "global" ? "Global" : "Nonlocal", names }, s);
    }
    default:
      return null;
  }
}

/** assignment */
function assignment(p: Parser): Node {
  const start = p.pos;
  const s = p.peek();
  // NAME ':' expression ['=' annotated_rhs]
  const n = p.name();
  if (n && p.op(":")) {
    const ann = expression(p);
    if (ann) {
      const value = optionalRhs(p);
      return p.loc({ _type: "AnnAssign", target: nameNode(n, CTX.Store), annotation: ann, value, simple: 1 }, s);
    }
  }
  p.pos = start;
  // ('(' single_target ')' | single_subscript_attribute_target) ':' expression ['=' annotated_rhs]
  let target: Node = null;
  if (p.op("(")) {
    target = singleTarget(p);
    if (!target || !p.op(")")) target = null;
  }
  if (!target) {
    p.pos = start;
    target = subscriptAttributeTarget(p, CTX.Store);
  }
  if (target && p.op(":")) {
    const ann = expression(p);
    if (ann) {
      const value = optionalRhs(p);
      return p.loc({ _type: "AnnAssign", target, annotation: ann, value, simple: 0 }, s);
    }
  }
  p.pos = start;
  // (star_targets '=')+ (yield_expr | star_expressions) !'=' TYPE_COMMENT?
  const targets: Node[] = [];
  for (;;) {
    const m = p.pos;
    const t = starTargets(p);
    if (!t || !p.op("=")) {
      p.pos = m;
      break;
    }
    targets.push(t);
  }
  if (targets.length) {
    const m = p.pos;
    let value = yieldExpr(p);
    if (!value) {
      p.pos = m;
      value = starExpressions(p);
    }
    if (value && !p.isOp("=")) {
      p.expect(TokenType.TYPE_COMMENT);
      return p.loc({ _type: "Assign", targets, value, type_comment: null }, s);
    }
  }
  p.pos = start;
  // single_target augassign ~ (yield_expr | star_expressions)
  const t = singleTarget(p);
  if (t) {
    const op = augassign(p);
    if (op) {
      const m = p.pos;
      let value = yieldExpr(p);
      if (!value) {
        p.pos = m;
        value = starExpressions(p);
      }
      if (value) return p.loc({ _type: "AugAssign", target: t, op: { _type: op }, value }, s);
      p.pos = start;
      return null; // the cut
    }
  }
  p.pos = start;
  if (p.callInvalid) {
    inv.invalidAssignment(p);
    p.pos = start;
  }
  return null;
}

function optionalRhs(p: Parser): Node {
  const m = p.pos;
  if (p.op("=")) {
    const m2 = p.pos;
    let v = yieldExpr(p);
    if (!v) {
      p.pos = m2;
      v = starExpressions(p);
    }
    if (v) return v;
  }
  p.pos = m;
  return null;
}

const AUG_OPS: Record<string, string> = {
  "+=": "Add", "-=": "Sub", "*=": "Mult", "@=": "MatMult", "/=": "Div", "%=": "Mod", "&=": "BitAnd",
  "|=": "BitOr", "^=": "BitXor", "<<=": "LShift", ">>=": "RShift", "**=": "Pow", "//=": "FloorDiv",
};

function augassign(p: Parser): string | null {
  const t = p.peek();
  if (t.type !== TokenType.OP) return null;
  const op = AUG_OPS[t.string];
  if (!op) return null;
  p.pos++;
  return op;
}

// ---- imports ----------------------------------------------------------------------------------

function importStmt(p: Parser): Node {
  const start = p.pos;
  const s = p.peek();
  if (p.kw("import")) {
    const names = commaList(p, dottedAsName);
    if (!names) return null;
    return p.loc({ _type: "Import", names }, s);
  }
  p.kw("from");
  let level = 0;
  for (;;) {
    if (p.op(".")) level += 1;
    else if (p.op("...")) level += 3;
    else break;
  }
  const m = p.pos;
  let module: string | null = dottedName(p);
  if (!module) {
    p.pos = m;
    module = null;
    if (level === 0) {
      p.pos = start;
      return null;
    }
  }
  if (!p.kw("import")) {
    p.pos = start;
    return null;
  }
  const names = importFromTargets(p);
  if (!names) {
    p.pos = start;
    return null;
  }
  return p.loc({ _type: "ImportFrom", module, names, level }, s);
}

function importFromTargets(p: Parser): Node[] | null {
  const start = p.pos;
  if (p.op("(")) {
    const names = commaList(p, importFromAsName);
    if (names) {
      p.op(",");
      if (p.op(")")) return names;
    }
    p.pos = start;
  }
  const names = commaList(p, importFromAsName);
  if (names && !p.isOp(",")) return names;
  p.pos = start;
  const star = p.op("*");
  if (star) return [tokLoc({ _type: "alias", name: "*", asname: null }, star)];
  if (p.callInvalid) inv.invalidImportFromTargets(p);
  return null;
}

function importFromAsName(p: Parser): Node {
  const n = p.name();
  if (!n) return null;
  let asname: string | null = null;
  const m = p.pos;
  if (p.kw("as")) {
    const a = p.name();
    if (a) asname = a.string;
    else p.pos = m;
  }
  return p.loc({ _type: "alias", name: n.string, asname }, n);
}

function dottedAsName(p: Parser): Node {
  const s = p.peek();
  const name = dottedName(p);
  if (!name) return null;
  let asname: string | null = null;
  const m = p.pos;
  if (p.kw("as")) {
    const a = p.name();
    if (a) asname = a.string;
    else p.pos = m;
  }
  return p.loc({ _type: "alias", name, asname }, s);
}

/** dotted_name: dotted_name '.' NAME | NAME */
function dottedName(p: Parser): string | null {
  const n = p.name();
  if (!n) return null;
  let name = n.string;
  for (;;) {
    const m = p.pos;
    if (!p.op(".")) break;
    const b = p.name();
    if (!b) {
      p.pos = m;
      break;
    }
    name += "." + b.string;
  }
  return name;
}

/** ','.rule+ (without the optional trailing comma) */
export function commaList<T>(p: Parser, rule: (p: Parser) => T | null): T[] | null {
  const out: T[] = [];
  for (;;) {
    const m = p.pos;
    const x = rule(p);
    if (!x) {
      p.pos = m;
      if (out.length) p.pos--;
      break;
    }
    out.push(x);
    if (!p.op(",")) break;
  }
  return out.length ? out : null;
}

// ---- compound statements ----------------------------------------------------------------------

function compoundStmt(p: Parser): Node {
  const t = p.peek();
  if (t.type === TokenType.OP) {
    if (t.string === "@") {
      const start = p.pos;
      const f = functionDef(p);
      if (f) return f;
      p.pos = start;
      return classDef(p);
    }
    return null;
  }
  if (t.type !== TokenType.NAME) return null;
  switch (t.string) {
    case "def":
      return functionDef(p);
    case "if":
      return ifStmt(p);
    case "class":
      return classDef(p);
    case "with":
      return withStmt(p);
    case "for":
      return forStmt(p);
    case "try":
      return tryStmt(p);
    case "while":
      return whileStmt(p);
    case "async": {
      const start = p.pos;
      const f = functionDef(p);
      if (f) return f;
      p.pos = start;
      const w = withStmt(p);
      if (w) return w;
      p.pos = start;
      return forStmt(p);
    }
    case "match":
      return matchStmt(p);
    default:
      return null;
  }
}

/** block (memo): NEWLINE INDENT statements DEDENT | simple_stmts | invalid_block */
export function block(p: Parser): Node[] | null {
  return p.memo("block", () => {
    const start = p.pos;
    if (p.expect(TokenType.NEWLINE)) {
      if (p.expect(TokenType.INDENT)) {
        const body = statements(p);
        if (body && p.expect(TokenType.DEDENT)) return body;
      }
      p.pos = start;
    }
    const s = simpleStmts(p);
    if (s) return s;
    p.pos = start;
    if (p.callInvalid) {
      inv.invalidBlock(p);
      p.pos = start;
    }
    return null;
  });
}

/** decorators: ('@' named_expression NEWLINE)+ */
function decorators(p: Parser): Node[] {
  const out: Node[] = [];
  for (;;) {
    const m = p.pos;
    if (!p.op("@")) break;
    const e = namedExpression(p);
    if (!e || !p.expect(TokenType.NEWLINE)) {
      p.pos = m;
      break;
    }
    out.push(e);
  }
  return out;
}

/** function_def: decorators function_def_raw | function_def_raw */
function functionDef(p: Parser): Node {
  const start = p.pos;
  const decos = decorators(p);
  if (p.callInvalid) {
    const m = p.pos;
    inv.invalidDefRaw(p);
    p.pos = m;
  }
  const s = p.peek();
  const isAsync = !!p.kw("async");
  if (!p.kw("def")) {
    p.pos = start;
    return null;
  }
  const n = p.name();
  if (!n) {
    p.pos = start;
    return null;
  }
  p.forceOp("(");
  const m = p.pos;
  let args = parameters(p, false);
  if (!args) {
    p.pos = m;
    args = { _type: "arguments", posonlyargs: [], args: [], vararg: null, kwonlyargs: [], kw_defaults: [], kwarg: null, defaults: [] };
  }
  if (!p.op(")")) {
    p.pos = start;
    return null;
  }
  let returns: Node = null;
  const m2 = p.pos;
  if (p.op("->")) {
    returns = expression(p);
    if (!returns) p.pos = m2;
  }
  p.forceOp(":");
  p.expect(TokenType.TYPE_COMMENT);
  const body = block(p);
  if (!body) {
    p.pos = start;
    return null;
  }
  return p.loc({
    _type: isAsync ? "AsyncFunctionDef" : "FunctionDef",
    name: n.string, args, body, decorator_list: decos, returns, type_comment: null,
  }, s);
}

/** class_def: decorators class_def_raw | class_def_raw */
function classDef(p: Parser): Node {
  const start = p.pos;
  const decos = decorators(p);
  if (p.callInvalid) {
    const m = p.pos;
    inv.invalidClassDefRaw(p);
    p.pos = m;
  }
  const s = p.kw("class");
  if (!s) {
    p.pos = start;
    return null;
  }
  const n = p.name();
  if (!n) {
    p.pos = start;
    return null;
  }
  let bases: Node[] = [];
  let keywords: Node[] = [];
  const m = p.pos;
  if (p.op("(")) {
    const a = argumentsRule(p);
    if (p.op(")")) {
      if (a) {
        bases = a.args;
        keywords = a.keywords;
      }
    } else p.pos = m;
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
  return p.loc({ _type: "ClassDef", name: n.string, bases, keywords, body, decorator_list: decos }, s);
}

/** if_stmt / elif_stmt */
function ifStmt(p: Parser, word = "if"): Node {
  const start = p.pos;
  if (p.callInvalid) {
    if (word === "if") inv.invalidIfStmt(p);
    else inv.invalidElifStmt(p);
    p.pos = start;
  }
  const s = p.kw(word);
  if (!s) return null;
  const test = namedExpression(p);
  if (!test || !p.op(":")) {
    p.pos = start;
    return null;
  }
  const body = block(p);
  if (!body) {
    p.pos = start;
    return null;
  }
  const m = p.pos;
  if (p.isKw("elif")) {
    const e = ifStmt(p, "elif");
    if (e) return p.loc({ _type: "If", test, body, orelse: [e] }, s);
    p.pos = m;
  }
  const orelse = elseBlock(p) ?? [];
  return p.loc({ _type: "If", test, body, orelse }, s);
}

/** else_block: invalid_else_stmt | 'else' &&':' block */
function elseBlock(p: Parser): Node[] | null {
  const start = p.pos;
  if (p.callInvalid) {
    inv.invalidElseStmt(p);
    p.pos = start;
  }
  if (!p.kw("else")) return null;
  p.forceOp(":");
  const b = block(p);
  if (!b) p.pos = start;
  return b;
}

/** while_stmt: invalid_while_stmt | 'while' named_expression ':' block [else_block] */
function whileStmt(p: Parser): Node {
  const start = p.pos;
  if (p.callInvalid) {
    inv.invalidWhileStmt(p);
    p.pos = start;
  }
  const s = p.kw("while")!;
  const test = namedExpression(p);
  if (!test || !p.op(":")) {
    p.pos = start;
    return null;
  }
  const body = block(p);
  if (!body) {
    p.pos = start;
    return null;
  }
  const orelse = elseBlock(p) ?? [];
  return p.loc({ _type: "While", test, body, orelse }, s);
}

/** for_stmt */
function forStmt(p: Parser): Node {
  const start = p.pos;
  if (p.callInvalid) {
    inv.invalidForStmt(p);
    p.pos = start;
  }
  const s = p.peek();
  const isAsync = !!p.kw("async");
  if (p.kw("for")) {
    const target = starTargets(p);
    if (target && p.kw("in")) {
      const iter = starExpressions(p);
      if (!iter) {
        p.pos = start;
        return null; // the cut after 'in'
      }
      if (p.op(":")) {
        p.expect(TokenType.TYPE_COMMENT);
        const body = block(p);
        if (body) {
          const orelse = elseBlock(p) ?? [];
          return p.loc({ _type: isAsync ? "AsyncFor" : "For", target, iter, body, orelse, type_comment: null }, s);
        }
      }
      p.pos = start;
      return null; // cut
    }
  }
  p.pos = start;
  if (p.callInvalid) {
    inv.invalidForTarget(p);
    p.pos = start;
  }
  return null;
}

/** with_stmt */
function withStmt(p: Parser): Node {
  const start = p.pos;
  if (p.callInvalid) {
    inv.invalidWithStmtIndent(p);
    p.pos = start;
  }
  const s = p.peek();
  const isAsync = !!p.kw("async");
  if (!p.kw("with")) {
    p.pos = start;
    return null;
  }
  const afterWith = p.pos;
  const type = isAsync ? "AsyncWith" : "With";
  // 'with' '(' ','.with_item+ ','? ')' ':' block
  if (p.op("(")) {
    const items = commaList(p, withItem);
    if (items) {
      p.op(",");
      if (p.op(")") && p.op(":")) {
        const body = block(p);
        if (body) return p.loc({ _type: type, items, body, type_comment: null }, s);
      }
    }
    p.pos = afterWith;
  }
  const items = commaList(p, withItem);
  if (items && p.op(":")) {
    p.expect(TokenType.TYPE_COMMENT);
    const body = block(p);
    if (body) return p.loc({ _type: type, items, body, type_comment: null }, s);
  }
  p.pos = start;
  if (p.callInvalid) {
    inv.invalidWithStmt(p);
    p.pos = start;
  }
  return null;
}

/** with_item: expression 'as' star_target &(',' | ')' | ':') | invalid_with_item | expression */
function withItem(p: Parser): Node {
  const start = p.pos;
  const e = expression(p);
  if (!e) return null;
  const m = p.pos;
  if (p.kw("as")) {
    const t = starTarget(p);
    if (t) {
      const n = p.peek();
      if (n.type === TokenType.OP && (n.string === "," || n.string === ")" || n.string === ":")) {
        return { _type: "withitem", context_expr: e, optional_vars: t };
      }
    }
    if (p.callInvalid) {
      p.pos = start;
      inv.invalidWithItem(p);
    }
  }
  p.pos = m;
  return { _type: "withitem", context_expr: e, optional_vars: null };
}

/** try_stmt */
function tryStmt(p: Parser): Node {
  const start = p.pos;
  if (p.callInvalid) {
    inv.invalidTryStmt(p);
    p.pos = start;
  }
  const s = p.kw("try")!;
  p.forceOp(":");
  const body = block(p);
  if (!body) {
    p.pos = start;
    return null;
  }
  const m = p.pos;
  const fin = finallyBlock(p);
  if (fin) return p.loc({ _type: "Try", body, handlers: [], orelse: [], finalbody: fin }, s);
  p.pos = m;
  for (const star of [false, true]) {
    const handlers: Node[] = [];
    for (;;) {
      const m2 = p.pos;
      const h = exceptBlock(p, star);
      if (!h) {
        p.pos = m2;
        break;
      }
      handlers.push(h);
    }
    if (handlers.length) {
      const orelse = elseBlock(p) ?? [];
      const finalbody = finallyBlock(p) ?? [];
      return p.loc({ _type: star ? "TryStar" : "Try", body, handlers, orelse, finalbody }, s);
    }
    p.pos = m;
  }
  p.pos = start;
  return null;
}

/** except_block / except_star_block */
export function exceptBlock(p: Parser, star: boolean): Node {
  const start = p.pos;
  if (p.callInvalid) {
    if (star) inv.invalidExceptStarStmtIndent(p);
    else inv.invalidExceptStmtIndent(p);
    p.pos = start;
  }
  const s = p.kw("except");
  if (!s) return null;
  if (star && !p.op("*")) {
    p.pos = start;
    return null;
  }
  const m = p.pos;
  const type = expression(p);
  if (type) {
    let name: string | null = null;
    const m2 = p.pos;
    if (p.kw("as")) {
      const n = p.name();
      if (n) name = n.string;
      else p.pos = m2;
    }
    if (p.op(":")) {
      const body = block(p);
      if (body) return p.loc({ _type: "ExceptHandler", type, name, body }, s);
    }
  }
  p.pos = m;
  if (!star && p.op(":")) {
    const body = block(p);
    if (body) return p.loc({ _type: "ExceptHandler", type: null, name: null, body }, s);
  }
  p.pos = start;
  if (p.callInvalid) {
    inv.invalidExceptStmt(p);
    p.pos = start;
  }
  return null;
}

/** finally_block: invalid_finally_stmt | 'finally' &&':' block */
function finallyBlock(p: Parser): Node[] | null {
  const start = p.pos;
  if (p.callInvalid) {
    inv.invalidFinallyStmt(p);
    p.pos = start;
  }
  if (!p.kw("finally")) return null;
  p.forceOp(":");
  const b = block(p);
  if (!b) p.pos = start;
  return b;
}

