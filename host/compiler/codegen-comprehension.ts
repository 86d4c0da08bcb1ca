/**
 * Codegen for comprehensions and generator expressions (compile.c compiler_comprehension): each is
 * a nested code object, called at once with the outermost iterable (evaluated in the enclosing
 * scope) as its only argument `.0`. List, set and dict comprehensions build and return their
 * container; a generator expression yields each element (the symbol table flags it a generator).
 */
import { Op } from "../opcodes.generated.js";
import { Pseudo, type Block } from "./ir.js";
import { ScopeKind, FBlock } from "./unit.js";
import { type Compiler, type Node, addYieldFrom, jumpIf } from "./codegen.js";
import { visitExpr } from "./codegen-expr.js";

type Kind = "genexp" | "listcomp" | "setcomp" | "dictcomp";

/** What each comprehension node compiles as: its code object's name and its kind. */
const KINDS: Record<string, [string, Kind]> = {
  GeneratorExp: ["<genexpr>", "genexp"],
  ListComp: ["<listcomp>", "listcomp"],
  SetComp: ["<setcomp>", "setcomp"],
  DictComp: ["<dictcomp>", "dictcomp"],
};

/** The empty container a non-generator comprehension starts from. */
const BUILD_OP: Record<Exclude<Kind, "genexp">, number> = {
  listcomp: Op.BUILD_LIST,
  setcomp: Op.BUILD_SET,
  dictcomp: Op.BUILD_MAP,
};

/** The element, and for a dict comprehension the value, of one comprehension. */
interface Body {
  kind: Kind;
  elt: Node;
  val: Node | null;
}

/** compiler_genexp / compiler_listcomp / compiler_setcomp / compiler_dictcomp */
export function visitComprehension(c: Compiler, e: Node): void {
  const [name, kind] = KINDS[e._type];
  const body: Body = e._type === "DictComp" ? { kind, elt: e.key, val: e.value } : { kind, elt: e.elt, val: null };
  compileComprehension(c, e, name, body);
}

/** compiler_comprehension */
function compileComprehension(c: Compiler, e: Node, name: string, body: Body): void {
  const generators = e.generators as Node[];
  const outermost = generators[0];
  // The enclosing unit's kind decides whether an async comprehension may appear here.
  const enclosingKind = c.u.kind;
  c.enterScope(name, ScopeKind.Comprehension, e, e.lineno);
  c.u.setLoc(e);
  const isAsyncGenerator = c.u.scope.coroutine;
  if (
    isAsyncGenerator &&
    body.kind !== "genexp" &&
    enclosingKind !== ScopeKind.AsyncFunction &&
    enclosingKind !== ScopeKind.Comprehension
  ) {
    // compile.c reports this inside the comprehension's scope, then leaves it
    const err = c.error("asynchronous comprehension outside of an asynchronous function");
    c.exitScope();
    throw err;
  }
  if (body.kind !== "genexp") c.u.op(BUILD_OP[body.kind], 0);
  comprehensionGenerator(c, generators, 0, 0, body);
  if (body.kind !== "genexp") c.u.op(Op.RETURN_VALUE);
  const co = c.assemble(true);
  c.exitScope();

  c.makeClosure(co, 0);
  visitExpr(c, outermost.iter);
  c.u.op(outermost.is_async ? Op.GET_AITER : Op.GET_ITER);
  c.u.op(Op.PRECALL, 0);
  c.u.op(Op.CALL, 0);
  if (isAsyncGenerator && body.kind !== "genexp") {
    c.u.op(Op.GET_AWAITABLE, 0);
    c.loadConst(null);
    addYieldFrom(c, true);
  }
}

/** compiler_comprehension_generator: one `for` clause (and, recursively, the ones after it). */
function comprehensionGenerator(c: Compiler, generators: Node[], genIndex: number, depth: number, body: Body): void {
  if (generators[genIndex].is_async) asyncComprehensionGenerator(c, generators, genIndex, depth, body);
  else syncComprehensionGenerator(c, generators, genIndex, depth, body);
}

/** compiler_sync_comprehension_generator */
function syncComprehensionGenerator(c: Compiler, generators: Node[], genIndex: number, depth: number, body: Body): void {
  const u = c.u;
  let start: Block | null = u.newBlock();
  const ifCleanup = u.newBlock();
  const anchor = u.newBlock();
  const gen = generators[genIndex];

  if (genIndex === 0) {
    // The outermost iterator arrives as the implicit argument .0.
    u.argcount = 1;
    u.op(Op.LOAD_FAST, 0);
  } else {
    // `for y in [expr]` (or a 1-tuple, not starred) binds y to expr without a loop.
    const iter = gen.iter;
    const elts: Node[] | null = iter._type === "List" || iter._type === "Tuple" ? iter.elts : null;
    if (elts !== null && elts.length === 1 && elts[0]._type !== "Starred") {
      visitExpr(c, elts[0]);
      start = null;
    }
    if (start) {
      visitExpr(c, iter);
      u.op(Op.GET_ITER);
    }
  }
  if (start) {
    depth++;
    u.useNextBlock(start);
    u.jump(Op.FOR_ITER, anchor);
    // 3.11 starts a new block after any jump (u_need_new_implicit_block); Unit does not do it itself
    u.nextBlock();
  }
  visitExpr(c, gen.target);
  for (const cond of gen.ifs as Node[]) jumpIf(c, cond, ifCleanup, false);

  if (++genIndex < generators.length) comprehensionGenerator(c, generators, genIndex, depth, body);
  else addElement(c, body, depth);

  u.useNextBlock(ifCleanup);
  if (start) {
    u.jump(Pseudo.JUMP, start);
    u.useNextBlock(anchor);
  }
}

/** compiler_async_comprehension_generator */
function asyncComprehensionGenerator(c: Compiler, generators: Node[], genIndex: number, depth: number, body: Body): void {
  const u = c.u;
  const start = u.newBlock();
  const except = u.newBlock();
  const ifCleanup = u.newBlock();
  const gen = generators[genIndex];

  if (genIndex === 0) {
    u.argcount = 1;
    u.op(Op.LOAD_FAST, 0);
  } else {
    visitExpr(c, gen.iter);
    u.op(Op.GET_AITER);
  }

  u.useNextBlock(start);
  // The runtime keeps the async iterator on the stack while the loop runs.
  c.pushFBlock(FBlock.AsyncComprehensionGenerator, start, null);
  u.jump(Pseudo.SETUP_FINALLY, except);
  u.op(Op.GET_ANEXT);
  c.loadConst(null);
  addYieldFrom(c, true);
  u.op(Pseudo.POP_BLOCK);
  visitExpr(c, gen.target);
  for (const cond of gen.ifs as Node[]) jumpIf(c, cond, ifCleanup, false);

  depth++;
  if (++genIndex < generators.length) comprehensionGenerator(c, generators, genIndex, depth, body);
  else addElement(c, body, depth);

  u.useNextBlock(ifCleanup);
  u.jump(Pseudo.JUMP, start);
  c.popFBlock();
  u.useNextBlock(except);
  u.op(Op.END_ASYNC_FOR);
}

/** After the last `for`: yield the element, or add it to the container `depth + 1` slots down. */
function addElement(c: Compiler, body: Body, depth: number): void {
  const u = c.u;
  switch (body.kind) {
    case "genexp":
      visitExpr(c, body.elt);
      addYield(c);
      u.op(Op.POP_TOP);
      return;
    case "listcomp":
      visitExpr(c, body.elt);
      u.op(Op.LIST_APPEND, depth + 1);
      return;
    case "setcomp":
      visitExpr(c, body.elt);
      u.op(Op.SET_ADD, depth + 1);
      return;
    case "dictcomp":
      // {k: v}: the key is evaluated before the value
      visitExpr(c, body.elt);
      visitExpr(c, body.val);
      u.op(Op.MAP_ADD, depth + 1);
      return;
  }
}

/** ADDOP_YIELD: an async generator wraps what it yields. */
function addYield(c: Compiler): void {
  const u = c.u;
  if (u.scope.generator && u.scope.coroutine) u.op(Op.ASYNC_GEN_WRAP);
  u.op(Op.YIELD_VALUE);
  u.op(Op.RESUME, 1);
}
