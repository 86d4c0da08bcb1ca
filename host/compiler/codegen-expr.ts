/**
 * Codegen for expressions (compile.c's compiler_visit_expr1 and its helpers): constants, names,
 * operators, calls (PRECALL/CALL/KW_NAMES, and CALL_FUNCTION_EX for * and **), attribute and
 * subscript access, displays with star-unpacking, f-strings, conditional expressions, lambdas,
 * named expressions, yield / await, and assignment targets (unpacking).
 */
import { Op } from "../opcodes.generated.js";
import { PyFrozenSet, type PyObject } from "../objects.js";
import { setIterationOrder } from "../setorder.js";
import { Pseudo } from "./ir.js";
import { ScopeKind, type Position } from "./unit.js";
import { type Compiler, type Node, jumpIf, addCompare, addYieldFrom, docstring, defaultArguments, NotYetCompiled } from "./codegen.js";
import { visitComprehension } from "./codegen-comprehension.js";

export type ExprNode = Node;

const STACK_USE_GUIDELINE = 30;

const BIN_OPS: Record<string, number> = {
  Add: 0,
  BitAnd: 1,
  FloorDiv: 2,
  LShift: 3,
  MatMult: 4,
  Mult: 5,
  Mod: 6,
  BitOr: 7,
  Pow: 8,
  RShift: 9,
  Sub: 10,
  Div: 11,
  BitXor: 12,
};

const UNARY_OPS: Record<string, number> = {
  Invert: Op.UNARY_INVERT,
  Not: Op.UNARY_NOT,
  UAdd: Op.UNARY_POSITIVE,
  USub: Op.UNARY_NEGATIVE,
};

export function isConstant(e: Node | null): boolean {
  return e !== null && e._type === "Constant";
}

/** compiler_visit_expr: the expression's location for its instructions, the caller's restored after. */
export function visitExpr(c: Compiler, e: Node): void {
  const u = c.u;
  const old = u.loc;
  u.setLoc(e as Position);
  visitExpr1(c, e);
  c.u.loc = old;
}

function visitExpr1(c: Compiler, e: Node): void {
  const u = c.u;
  switch (e._type) {
    case "NamedExpr":
      visitExpr(c, e.value);
      u.op(Op.COPY, 1);
      visitExpr(c, e.target);
      return;
    case "BoolOp": {
      const jumpOp = e.op._type === "And" ? Op.JUMP_IF_FALSE_OR_POP : Op.JUMP_IF_TRUE_OR_POP;
      const end = u.newBlock();
      const values = e.values as Node[];
      const n = values.length - 1;
      for (let i = 0; i < n; i++) {
        visitExpr(c, values[i]);
        u.jump(jumpOp, end);
        u.useNextBlock(u.newBlock());
      }
      visitExpr(c, values[n]);
      u.useNextBlock(end);
      return;
    }
    case "BinOp":
      visitExpr(c, e.left);
      visitExpr(c, e.right);
      u.op(Op.BINARY_OP, BIN_OPS[e.op._type]);
      return;
    case "UnaryOp":
      visitExpr(c, e.operand);
      u.op(UNARY_OPS[e.op._type]);
      return;
    case "Lambda":
      return compileLambda(c, e);
    case "IfExp": {
      const end = u.newBlock();
      const next = u.newBlock();
      jumpIf(c, e.test, next, false);
      visitExpr(c, e.body);
      u.jumpNoLine(Pseudo.JUMP, end);
      u.useNextBlock(next);
      visitExpr(c, e.orelse);
      u.useNextBlock(end);
      return;
    }
    case "Dict":
      return compileDict(c, e);
    case "Set":
      return starunpackHelper(c, e.elts, 0, Op.BUILD_SET, Op.SET_ADD, Op.SET_UPDATE, false);
    case "GeneratorExp":
    case "ListComp":
    case "SetComp":
    case "DictComp":
      return visitComprehension(c, e);
    case "Yield":
      if (u.scope.type !== "function") throw c.error("'yield' outside function", e);
      if (e.value) visitExpr(c, e.value);
      else c.loadConst(null);
      if (u.scope.generator && u.scope.coroutine) u.op(Op.ASYNC_GEN_WRAP);
      u.op(Op.YIELD_VALUE);
      u.op(Op.RESUME, 1);
      return;
    case "YieldFrom":
      if (u.scope.type !== "function") throw c.error("'yield' outside function", e);
      if (u.kind === ScopeKind.AsyncFunction) throw c.error("'yield from' inside async function", e);
      visitExpr(c, e.value);
      u.op(Op.GET_YIELD_FROM_ITER);
      c.loadConst(null);
      addYieldFrom(c, false);
      return;
    case "Await":
      if (u.scope.type !== "function") throw c.error("'await' outside function", e);
      if (u.kind !== ScopeKind.AsyncFunction && u.kind !== ScopeKind.Comprehension) throw c.error("'await' outside async function", e);
      visitExpr(c, e.value);
      u.op(Op.GET_AWAITABLE, 0);
      c.loadConst(null);
      addYieldFrom(c, true);
      return;
    case "Compare":
      return compileCompare(c, e);
    case "Call":
      return compileCall(c, e);
    case "Constant":
      c.loadConst(e.value as PyObject);
      return;
    case "JoinedStr":
      return compileJoinedStr(c, e);
    case "FormattedValue": {
      visitExpr(c, e.value);
      const conv = e.conversion as number;
      let arg = conv === 115 ? 1 : conv === 114 ? 2 : conv === 97 ? 3 : 0;
      if (e.format_spec) {
        visitExpr(c, e.format_spec);
        arg |= 4;
      }
      u.op(Op.FORMAT_VALUE, arg);
      return;
    }
    case "Attribute":
      visitExpr(c, e.value);
      u.startAtAttr(e);
      u.op(e.ctx._type === "Load" ? Op.LOAD_ATTR : e.ctx._type === "Store" ? Op.STORE_ATTR : Op.DELETE_ATTR, c.nameIndex(e.attr));
      return;
    case "Subscript":
      visitExpr(c, e.value);
      visitExpr(c, e.slice);
      u.op(e.ctx._type === "Load" ? Op.BINARY_SUBSCR : e.ctx._type === "Store" ? Op.STORE_SUBSCR : Op.DELETE_SUBSCR);
      return;
    case "Starred":
      if (e.ctx._type === "Store") throw c.error("starred assignment target must be in a list or tuple", e);
      throw c.error("can't use starred expression here", e);
    case "Slice": {
      let n = 2;
      if (e.lower) visitExpr(c, e.lower);
      else c.loadConst(null);
      if (e.upper) visitExpr(c, e.upper);
      else c.loadConst(null);
      if (e.step) {
        n++;
        visitExpr(c, e.step);
      }
      u.op(Op.BUILD_SLICE, n);
      return;
    }
    case "Name":
      c.nameop(e.id, e.ctx._type);
      return;
    case "List":
      if (e.ctx._type === "Store") return assignmentHelper(c, e.elts);
      if (e.ctx._type === "Load") return starunpackHelper(c, e.elts, 0, Op.BUILD_LIST, Op.LIST_APPEND, Op.LIST_EXTEND, false);
      for (const x of e.elts) visitExpr(c, x);
      return;
    case "Tuple":
      if (e.ctx._type === "Store") return assignmentHelper(c, e.elts);
      if (e.ctx._type === "Load") return starunpackHelper(c, e.elts, 0, Op.BUILD_LIST, Op.LIST_APPEND, Op.LIST_EXTEND, true);
      for (const x of e.elts) visitExpr(c, x);
      return;
  }
  throw new NotYetCompiled(e._type);
}

function areAllItemsConst(seq: (Node | null)[], begin: number, end: number): boolean {
  for (let i = begin; i < end; i++) if (!isConstant(seq[i])) return false;
  return true;
}

/** starunpack_helper: a display (or call arguments) with possible *items. */
export function starunpackHelper(c: Compiler, elts: Node[], pushed: number, build: number, add: number, extend: number, tuple: boolean): void {
  const u = c.u;
  const n = elts.length;
  if (n > 2 && areAllItemsConst(elts, 0, n)) {
    const values = elts.map((x) => x.value as PyObject);
    if (tuple && !pushed) {
      c.loadConst(values);
    } else {
      const folded: PyObject = add === Op.SET_ADD ? frozensetOf(values) : values;
      u.op(build, pushed);
      c.loadConst(folded);
      u.op(extend, 1);
      if (tuple) u.op(Op.LIST_TO_TUPLE);
    }
    return;
  }
  const big = n + pushed > STACK_USE_GUIDELINE;
  const seenStar = elts.some((x) => x._type === "Starred");
  if (!seenStar && !big) {
    for (const x of elts) visitExpr(c, x);
    u.op(tuple ? Op.BUILD_TUPLE : build, n + pushed);
    return;
  }
  let built = false;
  if (big) {
    u.op(build, pushed);
    built = true;
  }
  for (let i = 0; i < n; i++) {
    const x = elts[i];
    if (x._type === "Starred") {
      if (!built) {
        u.op(build, i + pushed);
        built = true;
      }
      visitExpr(c, x.value);
      u.op(extend, 1);
    } else {
      visitExpr(c, x);
      if (built) u.op(add, 1);
    }
  }
  if (tuple) u.op(Op.LIST_TO_TUPLE);
}

/** A frozenset constant with CPython's element order for this insertion sequence (duplicates dropped). */
function frozensetOf(values: PyObject[]): PyObject {
  // PyFrozenSet_New(tuple): added in order, so of equal items (1, 1.0, True) the first stays
  return new PyFrozenSet(setIterationOrder(values));
}

function unpackHelper(c: Compiler, elts: Node[]): void {
  const n = elts.length;
  let seenStar = false;
  for (let i = 0; i < n; i++) {
    const x = elts[i];
    if (x._type === "Starred" && !seenStar) {
      if (i >= 1 << 8 || n - i - 1 >= 0x7fffffff >> 8) throw c.error("too many expressions in star-unpacking assignment");
      c.u.op(Op.UNPACK_EX, i + ((n - i - 1) << 8));
      seenStar = true;
    } else if (x._type === "Starred") {
      throw c.error("multiple starred expressions in assignment");
    }
  }
  if (!seenStar) c.u.op(Op.UNPACK_SEQUENCE, n);
}

function assignmentHelper(c: Compiler, elts: Node[]): void {
  unpackHelper(c, elts);
  for (const x of elts) visitExpr(c, x._type === "Starred" ? x.value : x);
}

function compileSubdict(c: Compiler, e: Node, begin: number, end: number): void {
  const u = c.u;
  const n = end - begin;
  const big = n * 2 > STACK_USE_GUIDELINE;
  if (n > 1 && !big && areAllItemsConst(e.keys, begin, end)) {
    for (let i = begin; i < end; i++) visitExpr(c, e.values[i]);
    c.loadConst(e.keys.slice(begin, end).map((k: Node) => k.value as PyObject));
    u.op(Op.BUILD_CONST_KEY_MAP, n);
    return;
  }
  if (big) u.op(Op.BUILD_MAP, 0);
  for (let i = begin; i < end; i++) {
    visitExpr(c, e.keys[i]);
    visitExpr(c, e.values[i]);
    if (big) u.op(Op.MAP_ADD, 1);
  }
  if (!big) u.op(Op.BUILD_MAP, n);
}

function compileDict(c: Compiler, e: Node): void {
  const u = c.u;
  const n = e.values.length;
  let haveDict = false;
  let elements = 0;
  for (let i = 0; i < n; i++) {
    if (e.keys[i] === null) {
      if (elements) {
        compileSubdict(c, e, i - elements, i);
        if (haveDict) u.op(Op.DICT_UPDATE, 1);
        haveDict = true;
        elements = 0;
      }
      if (!haveDict) {
        u.op(Op.BUILD_MAP, 0);
        haveDict = true;
      }
      visitExpr(c, e.values[i]);
      u.op(Op.DICT_UPDATE, 1);
    } else if (elements * 2 > STACK_USE_GUIDELINE) {
      compileSubdict(c, e, i - elements, i + 1);
      if (haveDict) u.op(Op.DICT_UPDATE, 1);
      haveDict = true;
      elements = 0;
    } else {
      elements++;
    }
  }
  if (elements) {
    compileSubdict(c, e, n - elements, n);
    if (haveDict) u.op(Op.DICT_UPDATE, 1);
    haveDict = true;
  }
  if (!haveDict) u.op(Op.BUILD_MAP, 0);
}

function compileCompare(c: Compiler, e: Node): void {
  const u = c.u;
  visitExpr(c, e.left);
  const n = e.ops.length - 1;
  if (n === 0) {
    visitExpr(c, e.comparators[0]);
    addCompare(c, e.ops[0]);
    return;
  }
  const cleanup = u.newBlock();
  for (let i = 0; i < n; i++) {
    visitExpr(c, e.comparators[i]);
    u.op(Op.SWAP, 2);
    u.op(Op.COPY, 2);
    addCompare(c, e.ops[i]);
    u.jump(Op.JUMP_IF_FALSE_OR_POP, cleanup);
    u.nextBlock();
  }
  visitExpr(c, e.comparators[n]);
  addCompare(c, e.ops[n]);
  const end = u.newBlock();
  u.jumpNoLine(Pseudo.JUMP, end);
  u.useNextBlock(cleanup);
  u.op(Op.SWAP, 2);
  u.op(Op.POP_TOP);
  u.useNextBlock(end);
}

function validateKeywords(c: Compiler, keywords: Node[]): void {
  for (let i = 0; i < keywords.length; i++) {
    const k = keywords[i];
    if (k.arg === null) continue;
    for (let j = i + 1; j < keywords.length; j++) {
      const other = keywords[j];
      if (other.arg !== null && other.arg === k.arg) {
        throw c.error(`keyword argument repeated: ${k.arg}`, other);
      }
    }
  }
}

function compileCall(c: Compiler, e: Node): void {
  const u = c.u;
  validateKeywords(c, e.keywords);
  if (maybeOptimizeMethodCall(c, e)) return;
  u.setLoc(e.func);
  u.op(Op.PUSH_NULL);
  u.setLoc(e);
  visitExpr(c, e.func);
  callHelper(c, 0, e.args, e.keywords);
}

function maybeOptimizeMethodCall(c: Compiler, e: Node): boolean {
  const u = c.u;
  const meth = e.func;
  const args = e.args as Node[];
  const kwds = e.keywords as Node[];
  if (meth._type !== "Attribute" || meth.ctx._type !== "Load") return false;
  if (c.isImportOriginated(meth.value)) return false;
  if (args.length + kwds.length + (kwds.length !== 0 ? 1 : 0) >= STACK_USE_GUIDELINE) return false;
  if (args.some((a) => a._type === "Starred")) return false;
  if (kwds.some((k) => k.arg === null)) return false;
  visitExpr(c, meth.value);
  u.setLoc(meth);
  u.startAtAttr(meth);
  u.op(Op.LOAD_METHOD, c.nameIndex(meth.attr));
  for (const a of args) visitExpr(c, a);
  if (kwds.length) {
    for (const k of kwds) visitExpr(c, k.value);
    callSimpleKwHelper(c, kwds);
  }
  u.setLoc(e);
  u.startAtAttr(meth);
  u.op(Op.PRECALL, args.length + kwds.length);
  u.op(Op.CALL, args.length + kwds.length);
  return true;
}

function callSimpleKwHelper(c: Compiler, kwds: Node[]): void {
  c.u.op(Op.KW_NAMES, c.u.addConst(kwds.map((k) => k.arg as string)));
}

/** compiler_call_helper: the arguments and the call, after the callable (and `n` more values) are pushed. */
export function callHelper(c: Compiler, n: number, args: Node[], keywords: Node[]): void {
  const u = c.u;
  validateKeywords(c, keywords);
  const nelts = args.length;
  const nkw = keywords.length;
  const simple =
    nelts + nkw * 2 <= STACK_USE_GUIDELINE && !args.some((a) => a._type === "Starred") && !keywords.some((k) => k.arg === null);
  if (simple) {
    for (const a of args) visitExpr(c, a);
    if (nkw) {
      for (const k of keywords) visitExpr(c, k.value);
      callSimpleKwHelper(c, keywords);
    }
    u.op(Op.PRECALL, n + nelts + nkw);
    u.op(Op.CALL, n + nelts + nkw);
    return;
  }
  if (n === 0 && nelts === 1 && args[0]._type === "Starred") {
    visitExpr(c, args[0].value);
  } else {
    starunpackHelper(c, args, n, Op.BUILD_LIST, Op.LIST_APPEND, Op.LIST_EXTEND, true);
  }
  if (nkw) {
    let haveDict = false;
    let nseen = 0;
    for (let i = 0; i < nkw; i++) {
      const kw = keywords[i];
      if (kw.arg === null) {
        if (nseen) {
          subkwargs(c, keywords, i - nseen, i);
          if (haveDict) u.op(Op.DICT_MERGE, 1);
          haveDict = true;
          nseen = 0;
        }
        if (!haveDict) {
          u.op(Op.BUILD_MAP, 0);
          haveDict = true;
        }
        visitExpr(c, kw.value);
        u.op(Op.DICT_MERGE, 1);
      } else {
        nseen++;
      }
    }
    if (nseen) {
      subkwargs(c, keywords, nkw - nseen, nkw);
      if (haveDict) u.op(Op.DICT_MERGE, 1);
    }
  }
  u.op(Op.CALL_FUNCTION_EX, nkw > 0 ? 1 : 0);
}

function subkwargs(c: Compiler, keywords: Node[], begin: number, end: number): void {
  const u = c.u;
  const n = end - begin;
  const big = n * 2 > STACK_USE_GUIDELINE;
  if (n > 1 && !big) {
    for (let i = begin; i < end; i++) visitExpr(c, keywords[i].value);
    c.loadConst(keywords.slice(begin, end).map((k) => k.arg as string));
    u.op(Op.BUILD_CONST_KEY_MAP, n);
    return;
  }
  if (big) u.opNoLine(Op.BUILD_MAP, 0);
  for (let i = begin; i < end; i++) {
    c.loadConst(keywords[i].arg as string);
    visitExpr(c, keywords[i].value);
    if (big) u.opNoLine(Op.MAP_ADD, 1);
  }
  if (!big) u.op(Op.BUILD_MAP, n);
}

function compileJoinedStr(c: Compiler, e: Node): void {
  const u = c.u;
  const values = e.values as Node[];
  if (values.length > STACK_USE_GUIDELINE) {
    c.loadConst("");
    u.op(Op.LOAD_METHOD, u.addName("join"));
    u.op(Op.BUILD_LIST, 0);
    for (const v of values) {
      visitExpr(c, v);
      u.op(Op.LIST_APPEND, 1);
    }
    u.op(Op.PRECALL, 1);
    u.op(Op.CALL, 1);
    return;
  }
  for (const v of values) visitExpr(c, v);
  if (values.length !== 1) u.op(Op.BUILD_STRING, values.length);
}

function compileLambda(c: Compiler, e: Node): void {
  const args = e.args;
  const flags = defaultArguments(c, args);
  c.enterScope("<lambda>", ScopeKind.Lambda, e, e.lineno);
  c.u.addConst(null);
  c.u.argcount = args.args.length;
  c.u.posonlyargcount = args.posonlyargs.length;
  c.u.kwonlyargcount = args.kwonlyargs.length;
  visitExpr(c, e.body);
  let co;
  if (c.u.scope.generator) {
    co = c.assemble(false);
  } else {
    c.u.op(Op.RETURN_VALUE);
    co = c.assemble(true);
  }
  c.exitScope();
  c.makeClosure(co, flags);
}

export { docstring };
