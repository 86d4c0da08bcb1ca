/**
 * An expression back to source text as CPython 3.11's Python/ast_unparse.c writes it (the string
 * that `from __future__ import annotations` stores for each annotation).
 *
 * Each node is written for a context priority `level`: it is parenthesised when its own priority is
 * lower than the level. Operands get the level their position needs (pr + 1 on the side an operator
 * does not associate to), which is where every parenthesis in the output comes from; the source's
 * own parentheses are not in the AST.
 */
import type {
  Expr,
  arg,
  arguments as Arguments,
  comprehension,
  keyword,
  Constant,
  FormattedValue,
  JoinedStr,
  Operator,
  CmpOpKind,
} from "../parser/ast.generated.js";
import { PyError } from "../errors.js";
import { Ellipsis, PyComplex, SurrogateStr, strCodePoints, strFromCodePoints } from "../objects.js";
import { pyRepr, strRepr } from "../repr.js";

/** Priority levels, lowest binding first (ast_unparse.c's PR_* enum). */
const PR_TUPLE = 0;
const PR_TEST = 1; // if-else, lambda
const PR_OR = 2;
const PR_AND = 3;
const PR_NOT = 4;
const PR_CMP = 5;
const PR_EXPR = 6; // also '|'
const PR_BXOR = 7;
const PR_BAND = 8;
const PR_SHIFT = 9;
const PR_ARITH = 10;
const PR_TERM = 11;
const PR_FACTOR = 12;
const PR_POWER = 13;
const PR_AWAIT = 14;
const PR_ATOM = 15;

/** The text for an annotation: the expression written at the "test" level. */
export function unparseExpr(e: Expr): string {
  return expr(e, PR_TEST);
}

const BINARY: Record<Operator["_type"], [string, number]> = {
  Add: [" + ", PR_ARITH],
  Sub: [" - ", PR_ARITH],
  Mult: [" * ", PR_TERM],
  MatMult: [" @ ", PR_TERM],
  Div: [" / ", PR_TERM],
  Mod: [" % ", PR_TERM],
  LShift: [" << ", PR_SHIFT],
  RShift: [" >> ", PR_SHIFT],
  BitOr: [" | ", PR_EXPR],
  BitXor: [" ^ ", PR_BXOR],
  BitAnd: [" & ", PR_BAND],
  FloorDiv: [" // ", PR_TERM],
  Pow: [" ** ", PR_POWER],
};

const COMPARE: Record<CmpOpKind["_type"], string> = {
  Eq: " == ",
  NotEq: " != ",
  Lt: " < ",
  LtE: " <= ",
  Gt: " > ",
  GtE: " >= ",
  Is: " is ",
  IsNot: " is not ",
  In: " in ",
  NotIn: " not in ",
};

function parensIf(cond: boolean, text: string): string {
  return cond ? "(" + text + ")" : text;
}

function joinExprs(items: readonly Expr[], level: number): string {
  return items.map((x) => expr(x, level)).join(", ");
}

function expr(e: Expr, level: number): string {
  switch (e._type) {
    case "BoolOp": {
      const pr = e.op._type === "And" ? PR_AND : PR_OR;
      const op = e.op._type === "And" ? " and " : " or ";
      return parensIf(level > pr, e.values.map((v) => expr(v, pr + 1)).join(op));
    }
    case "BinOp": {
      const [op, pr] = BINARY[e.op._type];
      const rightAssoc = e.op._type === "Pow" ? 1 : 0;
      const text = expr(e.left, pr + rightAssoc) + op + expr(e.right, pr + 1 - rightAssoc);
      return parensIf(level > pr, text);
    }
    case "UnaryOp": {
      const [op, pr] =
        e.op._type === "Not" ? ["not ", PR_NOT] : [e.op._type === "Invert" ? "~" : e.op._type === "UAdd" ? "+" : "-", PR_FACTOR];
      return parensIf(level > pr, op + expr(e.operand, pr));
    }
    case "Lambda": {
      // No space after `lambda` when the arguments start with * or ** (or there are none).
      const positional = e.args.args.length + e.args.posonlyargs.length;
      const text = (positional ? "lambda " : "lambda") + argumentsText(e.args) + ": " + expr(e.body, PR_TEST);
      return parensIf(level > PR_TEST, text);
    }
    case "IfExp": {
      const text = expr(e.body, PR_TEST + 1) + " if " + expr(e.test, PR_TEST + 1) + " else " + expr(e.orelse, PR_TEST);
      return parensIf(level > PR_TEST, text);
    }
    case "Dict": {
      const items = e.values.map((v, i) => {
        const k = e.keys[i];
        return k !== null ? expr(k, PR_TEST) + ": " + expr(v, PR_TEST) : "**" + expr(v, PR_EXPR);
      });
      return "{" + items.join(", ") + "}";
    }
    case "Set":
      return "{" + joinExprs(e.elts, PR_TEST) + "}";
    case "List":
      return "[" + joinExprs(e.elts, PR_TEST) + "]";
    case "Tuple": {
      if (e.elts.length === 0) return "()";
      const text = joinExprs(e.elts, PR_TEST) + (e.elts.length === 1 ? "," : "");
      return parensIf(level > PR_TUPLE, text);
    }
    case "GeneratorExp":
      return "(" + expr(e.elt, PR_TEST) + comprehensions(e.generators) + ")";
    case "ListComp":
      return "[" + expr(e.elt, PR_TEST) + comprehensions(e.generators) + "]";
    case "SetComp":
      return "{" + expr(e.elt, PR_TEST) + comprehensions(e.generators) + "}";
    case "DictComp":
      return "{" + expr(e.key, PR_TEST) + ": " + expr(e.value, PR_TEST) + comprehensions(e.generators) + "}";
    case "Yield":
      return e.value === null ? "(yield)" : "(yield " + expr(e.value, PR_TEST) + ")";
    case "YieldFrom":
      return "(yield from " + expr(e.value, PR_TEST) + ")";
    case "Await":
      return parensIf(level > PR_AWAIT, "await " + expr(e.value, PR_ATOM));
    case "Compare": {
      let text = expr(e.left, PR_CMP + 1);
      e.ops.forEach((op, i) => (text += COMPARE[op._type] + expr(e.comparators[i], PR_CMP + 1)));
      return parensIf(level > PR_CMP, text);
    }
    case "Call":
      return callText(e.func, e.args, e.keywords);
    case "Constant":
      return constantText(e);
    case "JoinedStr":
      return "f" + strRepr(fstringBody(e.values));
    case "FormattedValue": {
      // Only inside a JoinedStr in a parsed AST; written alone here as ast_unparse.c would.
      const pieces: Piece[] = [];
      formattedValue(e, pieces);
      return textOf(joinPieces(pieces));
    }
    case "Attribute": {
      // `1.real` would lex as the float `1.` followed by a name: ints get a space before the dot.
      const v = e.value;
      const isInt = v._type === "Constant" && typeof v.value === "bigint";
      return expr(v, PR_ATOM) + (isInt ? " ." : ".") + e.attr;
    }
    case "Subscript":
      return expr(e.value, PR_ATOM) + "[" + expr(e.slice, PR_TUPLE) + "]";
    case "Starred":
      return "*" + expr(e.value, PR_EXPR);
    case "Slice": {
      let text = (e.lower ? expr(e.lower, PR_TEST) : "") + ":" + (e.upper ? expr(e.upper, PR_TEST) : "");
      if (e.step) text += ":" + expr(e.step, PR_TEST);
      return text;
    }
    case "Name":
      return e.id;
    case "NamedExpr":
      return parensIf(level > PR_TUPLE, expr(e.target, PR_ATOM) + " := " + expr(e.value, PR_ATOM));
  }
}

function callText(func: Expr, args: readonly Expr[], keywords: readonly keyword[]): string {
  const callee = expr(func, PR_ATOM);
  // A lone generator expression argument shares the call's parentheses.
  if (args.length === 1 && keywords.length === 0 && args[0]._type === "GeneratorExp") return callee + expr(args[0], PR_TEST);
  const parts = args.map((a) => expr(a, PR_TEST));
  for (const kw of keywords) parts.push((kw.arg === null ? "**" : kw.arg + "=") + expr(kw.value, PR_TEST));
  return callee + "(" + parts.join(", ") + ")";
}

function comprehensions(gens: readonly comprehension[]): string {
  let text = "";
  for (const g of gens) {
    text += (g.is_async ? " async for " : " for ") + expr(g.target, PR_TUPLE) + " in " + expr(g.iter, PR_TEST + 1);
    for (const cond of g.ifs) text += " if " + expr(cond, PR_TEST + 1);
  }
  return text;
}

function argText(a: arg): string {
  return a.annotation ? a.arg + ": " + expr(a.annotation, PR_TEST) : a.arg;
}

function argumentsText(args: Arguments): string {
  const parts: string[] = [];
  const positional = [...args.posonlyargs, ...args.args];
  positional.forEach((a, i) => {
    // Defaults belong to the last len(defaults) positional parameters.
    const di = i - positional.length + args.defaults.length;
    let text = argText(a) + (di >= 0 ? "=" + expr(args.defaults[di], PR_TEST) : "");
    if (i + 1 === args.posonlyargs.length) text += ", /";
    parts.push(text);
  });
  if (args.vararg || args.kwonlyargs.length) parts.push("*" + (args.vararg ? argText(args.vararg) : ""));
  args.kwonlyargs.forEach((a, i) => {
    const di = i - args.kwonlyargs.length + args.kw_defaults.length;
    const dflt = di >= 0 ? args.kw_defaults[di] : null;
    parts.push(argText(a) + (dflt ? "=" + expr(dflt, PR_TEST) : ""));
  });
  if (args.kwarg) parts.push("**" + argText(args.kwarg));
  return parts.join(", ");
}

// ---------------------------------------------------------------------------------------------
// constants

/** The largest double overflows at 1e309: how an infinite float or complex part is written. */
const INF_LITERAL = "1e309";

function constantText(e: Constant): string {
  const v = e.value;
  if (v === Ellipsis) return "...";
  const prefix = e.kind !== null ? "u" : ""; // the u of u'...' is kept
  let text = pyRepr(v);
  if (typeof v === "number" || v instanceof PyComplex) text = text.replaceAll("inf", INF_LITERAL);
  return prefix + text;
}

// ---------------------------------------------------------------------------------------------
// f-strings: the body (literal parts with braces doubled, replacement fields) is built as one
// str and then written with repr(), which picks the quotes and escapes; a format spec's body is
// written into the enclosing body as is.

/** Part of an f-string body: a str, kept as a SurrogateStr when it holds a surrogate pair. */
type Piece = string | SurrogateStr;

function fstringBody(values: readonly Expr[]): Piece {
  const pieces: Piece[] = [];
  for (const v of values) fstringElement(v, pieces);
  return joinPieces(pieces);
}

function fstringElement(e: Expr, pieces: Piece[]): void {
  switch (e._type) {
    case "Constant":
      if (typeof e.value !== "string" && !(e.value instanceof SurrogateStr)) {
        throw new PyError("SystemError", "unknown expression kind inside f-string");
      }
      pieces.push(doubleBraces(e.value));
      return;
    case "JoinedStr":
      // Only a format spec can be a JoinedStr element: its body is written without quotes.
      pieces.push(fstringBody(e.values));
      return;
    case "FormattedValue":
      formattedValue(e, pieces);
      return;
    default:
      throw new PyError("SystemError", "unknown expression kind inside f-string");
  }
}

function formattedValue(e: FormattedValue, pieces: Piece[]): void {
  // Above the "test" level so that a lambda (whose ':' would end the field) is parenthesised.
  const value = expr(e.value, PR_TEST + 1);
  // `{{` would be a literal brace: a value starting with one is set off by a space.
  pieces.push(value.startsWith("{") ? "{ " : "{", value);
  if (e.conversion > 0) pieces.push("!" + String.fromCharCode(e.conversion));
  if (e.format_spec) {
    pieces.push(":");
    fstringElement(e.format_spec as JoinedStr | Constant, pieces);
  }
  pieces.push("}");
}

function doubleBraces(s: Piece): Piece {
  if (typeof s === "string") return s.replaceAll("{", "{{").replaceAll("}", "}}");
  const out: number[] = [];
  for (const cp of s.codePoints) {
    out.push(cp);
    if (cp === 0x7b || cp === 0x7d) out.push(cp);
  }
  return new SurrogateStr(out);
}

function joinPieces(pieces: readonly Piece[]): Piece {
  if (pieces.every((p) => typeof p === "string")) return pieces.join("");
  return strFromCodePoints(pieces.flatMap((p) => strCodePoints(p)));
}

function textOf(p: Piece): string {
  return typeof p === "string" ? p : p.toJSString();
}
