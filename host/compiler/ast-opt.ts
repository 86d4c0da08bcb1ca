/**
 * The AST optimizer CPython 3.11 runs between the parser and the symbol table (Python/ast_opt.c):
 * folds constant UnaryOp / BinOp / Tuple / Subscript, `not (a is b)` → `a is not b` (and in/not in),
 * `__debug__` → Constant, list/set displays after `in` and in `for` → tuple / frozenset,
 * `'...%s...' % (a, b)` → an f-string, and keeps a folded first-statement str from becoming a
 * docstring. The tree is changed in place, like CPython's: a folded node object takes its new
 * _type and fields (and keeps its positions), so parents need no updating.
 *
 * After this pass Constant.value may also hold a tuple (JS array) or a PyFrozenSet.
 */
import { PyError } from "../errors.js";
import { PyFrozenSet, SurrogateStr, strCodePoints, strFromCodePoints, type PyObject } from "../objects.js";
import type {
  Constant,
  Expr,
  Expression,
  FormattedValue,
  Interactive,
  JoinedStr,
  Module,
  Pattern,
  Stmt,
  arguments as Arguments,
  comprehension,
} from "../parser/ast.generated.js";
import { setIterationOrder } from "../setorder.js";
import { NO_FOLD, binaryOp, getItem, unaryOp, type BinOpName, type Folded, type UnaryOpName } from "./const-fold.js";

export interface OptimizeOptions {
  /** `from __future__ import annotations` is in effect: annotations are left alone. */
  futureAnnotations?: boolean;
  /** sys.getrecursionlimit() of the compiling interpreter (CPython allows 3 AST levels per frame). */
  recursionLimit?: number;
  /** The Python call depth compile() was called at. */
  recursionDepth?: number;
}

const COMPILER_STACK_FRAME_SCALE = 3;

type AnyNode = { _type: string; [field: string]: unknown };

/** Runs CPython 3.11's AST optimizer over `mod` in place (see the file comment). */
export function optimizeAst(mod: Module | Expression | Interactive, optimize: number, options: OptimizeOptions = {}): void {
  const limit = options.recursionLimit ?? 1000;
  const depth = options.recursionDepth ?? 0;
  new Folder(optimize, options.futureAnnotations ?? false, depth * COMPILER_STACK_FRAME_SCALE, limit * COMPILER_STACK_FRAME_SCALE).mod(mod);
}

/** Rewrites `node` in place into `replacement` (CPython's COPY_NODE / kind change). */
function become(node: Expr, replacement: Expr): void {
  const target = node as unknown as AnyNode;
  for (const key of Object.keys(target)) delete target[key];
  Object.assign(target, replacement);
}

/** make_const: the node becomes a Constant at its own positions. */
function makeConst(node: Expr, value: Folded): void {
  if (value === NO_FOLD) return;
  become(node, constant(value, node.lineno, node.col_offset, node.end_lineno, node.end_col_offset));
}

function constant(value: PyObject, lineno: number, col: number, endLineno: number, endCol: number): Constant {
  return {
    _type: "Constant",
    value: value as Constant["value"], // folding also yields tuples and frozensets
    kind: null,
    lineno,
    col_offset: col,
    end_lineno: endLineno,
    end_col_offset: endCol,
  };
}

/** _PyAST_GetDocString: the first statement is an expression statement of a str constant. */
function hasDocString(body: Stmt[]): boolean {
  if (body.length === 0) return false;
  const st = body[0];
  if (st._type !== "Expr" || st.value._type !== "Constant") return false;
  const v = st.value.value;
  return typeof v === "string" || v instanceof SurrogateStr;
}

class Folder {
  constructor(
    private readonly optimize: number,
    private readonly futureAnnotations: boolean,
    private depth: number,
    private readonly limit: number,
  ) {}

  private enter(): void {
    if (++this.depth > this.limit) {
      throw new PyError("RecursionError", "maximum recursion depth exceeded during compilation");
    }
  }

  mod(mod: Module | Expression | Interactive): void {
    const start = this.depth;
    switch (mod._type) {
      case "Module":
        this.body(mod.body);
        break;
      case "Interactive":
        this.stmts(mod.body);
        break;
      case "Expression":
        this.expr(mod.body);
        break;
    }
    if (this.depth !== start) {
      throw new PyError("SystemError", `AST optimizer recursion depth mismatch (before=${start}, after=${this.depth})`);
    }
  }

  /** astfold_body: a str constant that only folding made first must not become the docstring. */
  private body(stmts: Stmt[]): void {
    const hadDocString = hasDocString(stmts);
    this.stmts(stmts);
    if (!hadDocString && hasDocString(stmts)) {
      const st = stmts[0] as Extract<Stmt, { _type: "Expr" }>;
      const joined: JoinedStr = {
        _type: "JoinedStr",
        values: [st.value],
        lineno: st.lineno,
        col_offset: st.col_offset,
        end_lineno: st.end_lineno,
        end_col_offset: st.end_col_offset,
      };
      st.value = joined;
    }
  }

  private stmts(stmts: Stmt[]): void {
    for (const s of stmts) this.stmt(s);
  }

  private exprs(exprs: (Expr | null)[]): void {
    for (const e of exprs) if (e !== null) this.expr(e);
  }

  private optExpr(e: Expr | null): void {
    if (e !== null) this.expr(e);
  }

  private annotation(e: Expr | null): void {
    if (!this.futureAnnotations) this.optExpr(e);
  }

  private args(a: Arguments): void {
    for (const x of a.posonlyargs) this.annotation(x.annotation);
    for (const x of a.args) this.annotation(x.annotation);
    if (a.vararg) this.annotation(a.vararg.annotation);
    for (const x of a.kwonlyargs) this.annotation(x.annotation);
    this.exprs(a.kw_defaults);
    if (a.kwarg) this.annotation(a.kwarg.annotation);
    this.exprs(a.defaults);
  }

  private comprehension(c: comprehension): void {
    this.expr(c.target);
    this.expr(c.iter);
    this.exprs(c.ifs);
    foldIter(c.iter);
  }

  private stmt(s: Stmt): void {
    this.enter();
    switch (s._type) {
      case "FunctionDef":
      case "AsyncFunctionDef":
        this.args(s.args);
        this.body(s.body);
        this.exprs(s.decorator_list);
        this.annotation(s.returns);
        break;
      case "ClassDef":
        this.exprs(s.bases);
        for (const k of s.keywords) this.expr(k.value);
        this.body(s.body);
        this.exprs(s.decorator_list);
        break;
      case "Return":
        this.optExpr(s.value);
        break;
      case "Delete":
        this.exprs(s.targets);
        break;
      case "Assign":
        this.exprs(s.targets);
        this.expr(s.value);
        break;
      case "AugAssign":
        this.expr(s.target);
        this.expr(s.value);
        break;
      case "AnnAssign":
        this.expr(s.target);
        this.annotation(s.annotation);
        this.optExpr(s.value);
        break;
      case "For":
        this.expr(s.target);
        this.expr(s.iter);
        this.stmts(s.body);
        this.stmts(s.orelse);
        foldIter(s.iter);
        break;
      case "AsyncFor": // no fold_iter: an async iterable display stays as it is
        this.expr(s.target);
        this.expr(s.iter);
        this.stmts(s.body);
        this.stmts(s.orelse);
        break;
      case "While":
      case "If":
        this.expr(s.test);
        this.stmts(s.body);
        this.stmts(s.orelse);
        break;
      case "With":
      case "AsyncWith":
        for (const item of s.items) {
          this.expr(item.context_expr);
          this.optExpr(item.optional_vars);
        }
        this.stmts(s.body);
        break;
      case "Raise":
        this.optExpr(s.exc);
        this.optExpr(s.cause);
        break;
      case "Try":
      case "TryStar":
        this.stmts(s.body);
        for (const h of s.handlers) {
          this.optExpr(h.type);
          this.stmts(h.body);
        }
        this.stmts(s.orelse);
        this.stmts(s.finalbody);
        break;
      case "Assert":
        this.expr(s.test);
        this.optExpr(s.msg);
        break;
      case "Expr":
        this.expr(s.value);
        break;
      case "Match":
        this.expr(s.subject);
        for (const c of s.cases) {
          this.pattern(c.pattern);
          this.optExpr(c.guard);
          this.stmts(c.body);
        }
        break;
      case "Import":
      case "ImportFrom":
      case "Global":
      case "Nonlocal":
      case "Pass":
      case "Break":
      case "Continue":
        break;
    }
    this.depth--;
  }

  private pattern(p: Pattern): void {
    this.enter();
    switch (p._type) {
      case "MatchValue":
        this.expr(p.value);
        break;
      case "MatchSingleton":
      case "MatchStar":
        break;
      case "MatchSequence":
        for (const q of p.patterns) this.pattern(q);
        break;
      case "MatchMapping":
        this.exprs(p.keys);
        for (const q of p.patterns) this.pattern(q);
        break;
      case "MatchClass":
        this.expr(p.cls);
        for (const q of p.patterns) this.pattern(q);
        for (const q of p.kwd_patterns) this.pattern(q);
        break;
      case "MatchAs":
        if (p.pattern) this.pattern(p.pattern);
        break;
      case "MatchOr":
        for (const q of p.patterns) this.pattern(q);
        break;
    }
    this.depth--;
  }

  expr(e: Expr): void {
    this.enter();
    switch (e._type) {
      case "BoolOp":
        this.exprs(e.values);
        break;
      case "BinOp":
        this.expr(e.left);
        this.expr(e.right);
        foldBinOp(e);
        break;
      case "UnaryOp":
        this.expr(e.operand);
        foldUnaryOp(e);
        break;
      case "Lambda":
        this.args(e.args);
        this.expr(e.body);
        break;
      case "IfExp":
        this.expr(e.test);
        this.expr(e.body);
        this.expr(e.orelse);
        break;
      case "Dict":
        this.exprs(e.keys);
        this.exprs(e.values);
        break;
      case "Set":
        this.exprs(e.elts);
        break;
      case "ListComp":
      case "SetComp":
      case "GeneratorExp":
        this.expr(e.elt);
        for (const c of e.generators) this.comprehension(c);
        break;
      case "DictComp":
        this.expr(e.key);
        this.expr(e.value);
        for (const c of e.generators) this.comprehension(c);
        break;
      case "Await":
      case "YieldFrom":
        this.expr(e.value);
        break;
      case "Yield":
        this.optExpr(e.value);
        break;
      case "Compare":
        this.expr(e.left);
        this.exprs(e.comparators);
        foldCompare(e);
        break;
      case "Call":
        this.expr(e.func);
        this.exprs(e.args);
        for (const k of e.keywords) this.expr(k.value);
        break;
      case "FormattedValue":
        this.expr(e.value);
        this.optExpr(e.format_spec);
        break;
      case "JoinedStr":
        this.exprs(e.values);
        break;
      case "Attribute":
        this.expr(e.value);
        break;
      case "Subscript":
        this.expr(e.value);
        this.expr(e.slice);
        foldSubscript(e);
        break;
      case "Starred":
        this.expr(e.value);
        break;
      case "Slice":
        this.optExpr(e.lower);
        this.optExpr(e.upper);
        this.optExpr(e.step);
        break;
      case "List":
        this.exprs(e.elts);
        break;
      case "Tuple":
        this.exprs(e.elts);
        foldTuple(e);
        break;
      case "Name":
        if (e.ctx._type === "Load" && e.id === "__debug__") makeConst(e, this.optimize === 0);
        break;
      case "NamedExpr":
        this.expr(e.value);
        break;
      case "Constant":
        break;
    }
    this.depth--;
  }
}

// ---- the folds ---------------------------------------------------------------------------------

type ExprOf<T extends Expr["_type"]> = Extract<Expr, { _type: T }>;

/** fold_unaryop: a constant operand, or `not` over a single is / is not / in / not in. */
function foldUnaryOp(e: ExprOf<"UnaryOp">): void {
  const arg = e.operand;
  if (arg._type !== "Constant") {
    // Only these invert safely (== and <, for instance, may not be each other's negation).
    if (e.op._type === "Not" && arg._type === "Compare" && arg.ops.length === 1) {
      const inverse = { Is: "IsNot", IsNot: "Is", In: "NotIn", NotIn: "In" }[arg.ops[0]._type as string];
      if (inverse !== undefined) {
        arg.ops[0] = { _type: inverse } as (typeof arg.ops)[0];
        become(e, arg); // the Compare's own positions come along, as with COPY_NODE
      }
    }
    return;
  }
  makeConst(e, unaryOp(e.op._type as UnaryOpName, arg.value as PyObject));
}

function foldBinOp(e: ExprOf<"BinOp">): void {
  const lhs = e.left;
  const rhs = e.right;
  if (lhs._type !== "Constant") return;
  const lv = lhs.value as PyObject;
  if (e.op._type === "Mod" && rhs._type === "Tuple" && isStr(lv) && !rhs.elts.some((x) => x._type === "Starred")) {
    optimizeFormat(e, lv, rhs.elts);
    return;
  }
  if (rhs._type !== "Constant") return;
  makeConst(e, binaryOp(e.op._type as BinOpName, lv, rhs.value as PyObject));
}

const isStr = (v: PyObject): v is string | SurrogateStr => typeof v === "string" || v instanceof SurrogateStr;

/** make_const_tuple: the values when every element is a Constant. */
function constTuple(elts: Expr[]): PyObject[] | null {
  const out: PyObject[] = [];
  for (const x of elts) {
    if (x._type !== "Constant") return null;
    out.push(x.value as PyObject);
  }
  return out;
}

function foldTuple(e: ExprOf<"Tuple">): void {
  if (e.ctx._type !== "Load") return;
  const values = constTuple(e.elts);
  if (values) makeConst(e, values);
}

function foldSubscript(e: ExprOf<"Subscript">): void {
  if (e.ctx._type !== "Load" || e.value._type !== "Constant" || e.slice._type !== "Constant") return;
  makeConst(e, getItem(e.value.value as PyObject, e.slice.value as PyObject));
}

/**
 * fold_iter: a list display becomes a tuple display (unless it has a starred element), then a
 * constant tuple when all elements are constants; a set display of constants becomes a frozenset.
 */
function foldIter(arg: Expr): void {
  if (arg._type === "List") {
    if (arg.elts.some((x) => x._type === "Starred")) return;
    const { elts, ctx } = arg;
    become(arg, {
      _type: "Tuple",
      elts,
      ctx,
      lineno: arg.lineno,
      col_offset: arg.col_offset,
      end_lineno: arg.end_lineno,
      end_col_offset: arg.end_col_offset,
    });
    const values = constTuple(elts);
    if (values) makeConst(arg, values);
  } else if (arg._type === "Set") {
    const values = constTuple(arg.elts);
    // PyFrozenSet_New(tuple): added in order, equal items after the first dropped.
    if (values) makeConst(arg, new PyFrozenSet(setIterationOrder(values)));
  }
}

/** fold_compare: only the last comparator, and only after in / not in. */
function foldCompare(e: ExprOf<"Compare">): void {
  const i = e.ops.length - 1;
  const op = e.ops[i]._type;
  if (op === "In" || op === "NotIn") foldIter(e.comparators[i]);
}

// ---- '%s' % (a, b) → f'{a!s}{b!s}' (optimize_format) --------------------------------------------

const MAXDIGITS = 3;

interface FormatUnit {
  spec: number; // the conversion character's code point
  leftJustify: boolean;
  width: number; // -1: none
  prec: number; // -1: none
}

/** simple_format_arg_parse: flags, up to two width digits, '.', up to two precision digits, type. */
function parseFormatUnit(fmt: number[], pos: number): { unit: FormatUnit; pos: number } | null {
  let ch = 0;
  const next = (): boolean => {
    if (pos >= fmt.length) return false;
    ch = fmt[pos++];
    return true;
  };
  let leftJustify = false;
  for (;;) {
    if (!next()) return null;
    if (ch === 0x2d) leftJustify = true; // '-'
    else if (ch === 0x2b || ch === 0x20 || ch === 0x23 || ch === 0x30) continue; // + space # 0
    else break;
  }
  const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
  let width = -1;
  let prec = -1;
  if (isDigit(ch)) {
    width = 0;
    let digits = 0;
    while (isDigit(ch)) {
      width = width * 10 + (ch - 0x30);
      if (!next()) return null;
      if (++digits >= MAXDIGITS) return null;
    }
  }
  if (ch === 0x2e) {
    if (!next()) return null;
    prec = 0;
    if (isDigit(ch)) {
      let digits = 0;
      while (isDigit(ch)) {
        prec = prec * 10 + (ch - 0x30);
        if (!next()) return null;
        if (++digits >= MAXDIGITS) return null;
      }
    }
  }
  return { unit: { spec: ch, leftJustify, width, prec }, pos };
}

/** parse_format: only %s, %r and %a become FormattedValue; null for anything else. */
function formattedValue(unit: FormatUnit, arg: Expr): FormattedValue | null {
  const conv = String.fromCodePoint(unit.spec);
  if (conv !== "s" && conv !== "r" && conv !== "a") return null;
  let spec = "";
  if (!unit.leftJustify && unit.width > 0) spec += ">";
  if (unit.width >= 0) spec += String(unit.width);
  if (unit.prec >= 0) spec += `.${unit.prec}`;
  return {
    _type: "FormattedValue",
    value: arg,
    conversion: unit.spec,
    format_spec: spec === "" ? null : constant(spec, -1, -1, -1, -1),
    lineno: arg.lineno,
    col_offset: arg.col_offset,
    end_lineno: arg.end_lineno,
    end_col_offset: arg.end_col_offset,
  };
}

/** optimize_format: rewrite when every unit is simple and units and items match one to one. */
function optimizeFormat(node: Expr, fmtValue: string | SurrogateStr, elts: Expr[]): void {
  const fmt = strCodePoints(fmtValue);
  const values: Expr[] = [];
  let pos = 0;
  let cnt = 0;
  for (;;) {
    // parse_literal: text up to the next lone '%', with '%%' read as '%'
    const literal: number[] = [];
    while (pos < fmt.length) {
      if (fmt[pos] !== 0x25) literal.push(fmt[pos++]);
      else if (pos + 1 < fmt.length && fmt[pos + 1] === 0x25) {
        literal.push(0x25);
        pos += 2;
      } else break;
    }
    if (literal.length > 0) values.push(constant(strFromCodePoints(literal), -1, -1, -1, -1));
    if (pos >= fmt.length) break;
    if (cnt >= elts.length) return; // more format units than items
    pos++; // the '%'
    const parsed = parseFormatUnit(fmt, pos);
    const fv = parsed && formattedValue(parsed.unit, elts[cnt]);
    cnt++;
    if (!parsed || !fv) return;
    pos = parsed.pos;
    values.push(fv);
  }
  if (cnt < elts.length) return; // more items than format units
  become(node, {
    _type: "JoinedStr",
    values,
    lineno: node.lineno,
    col_offset: node.col_offset,
    end_lineno: node.end_lineno,
    end_col_offset: node.end_col_offset,
  });
}
