/**
 * Codegen for the statements that set up exception handlers (compile.c 3.11): try/except,
 * try/finally, with and async with, async for. Handlers are entered through the pseudo
 * instructions SETUP_FINALLY / SETUP_CLEANUP / SETUP_WITH and left with POP_BLOCK; the assembler
 * turns that nesting into the exception table.
 */
import { Op } from "../opcodes.generated.js";
import { Pseudo } from "./ir.js";
import { FBlock, ScopeKind } from "./unit.js";
import { type Compiler, type Node, visitStmt, callExitWithNones, addYieldFrom } from "./codegen.js";
import { visitExpr } from "./codegen-expr.js";

function visitBody(c: Compiler, stmts: Node[]): void {
  for (const s of stmts) visitStmt(c, s);
}

/** POP_EXCEPT_AND_RERAISE */
function popExceptAndReraise(c: Compiler): void {
  c.u.op(Op.COPY, 3);
  c.u.op(Op.POP_EXCEPT);
  c.u.op(Op.RERAISE, 1);
}

export function compileTry(c: Compiler, s: Node): void {
  if (s.finalbody.length) compileTryFinally(c, s, compileTryExcept);
  else compileTryExcept(c, s);
}

/** try/finally around the body, or around try/except(*) when there are handlers (compiler_try_finally). */
function compileTryFinally(c: Compiler, s: Node, handlers: (c: Compiler, s: Node) => void): void {
  const u = c.u;
  const body = u.newBlock();
  const end = u.newBlock();
  const exit = u.newBlock();
  const cleanup = u.newBlock();
  u.jump(Pseudo.SETUP_FINALLY, end);
  u.useNextBlock(body);
  c.pushFBlock(FBlock.FinallyTry, body, end, s.finalbody);
  if (s.handlers.length) handlers(c, s);
  else visitBody(c, s.body);
  u.opNoLine(Pseudo.POP_BLOCK);
  c.popFBlock();
  visitBody(c, s.finalbody);
  u.jumpNoLine(Pseudo.JUMP, exit);
  // the finally block, run with the exception pending
  u.useNextBlock(end);
  u.unsetLoc();
  u.jump(Pseudo.SETUP_CLEANUP, cleanup);
  u.op(Op.PUSH_EXC_INFO);
  c.pushFBlock(FBlock.FinallyEnd, end, null);
  visitBody(c, s.finalbody);
  c.popFBlock();
  u.op(Op.RERAISE, 0);
  u.useNextBlock(cleanup);
  popExceptAndReraise(c);
  u.useNextBlock(exit);
}

function compileTryExcept(c: Compiler, s: Node): void {
  const u = c.u;
  let except = u.newBlock();
  const end = u.newBlock();
  const cleanup = u.newBlock();
  u.jump(Pseudo.SETUP_FINALLY, except);
  c.pushFBlock(FBlock.TryExcept, except, null);
  visitBody(c, s.body);
  c.popFBlock();
  u.opNoLine(Pseudo.POP_BLOCK);
  visitBody(c, s.orelse);
  u.jumpNoLine(Pseudo.JUMP, end);
  const n = s.handlers.length;
  u.useNextBlock(except);
  u.unsetLoc();
  u.jump(Pseudo.SETUP_CLEANUP, cleanup);
  u.op(Op.PUSH_EXC_INFO);
  c.pushFBlock(FBlock.ExceptionHandler, null, null);
  for (let i = 0; i < n; i++) {
    const h = s.handlers[i];
    u.setLoc(h);
    if (!h.type && i < n - 1) throw c.error("default 'except:' must be last", h);
    except = u.newBlock();
    if (h.type) {
      visitExpr(c, h.type);
      u.op(Op.CHECK_EXC_MATCH);
      u.jump(Pseudo.POP_JUMP_IF_FALSE, except);
      u.nextBlock();
    }
    if (h.name) {
      const cleanupEnd = u.newBlock();
      const cleanupBody = u.newBlock();
      c.nameop(h.name, "Store");
      // try: body  finally: name = None; del name
      u.jump(Pseudo.SETUP_CLEANUP, cleanupEnd);
      u.useNextBlock(cleanupBody);
      c.pushFBlock(FBlock.HandlerCleanup, cleanupBody, null, h.name);
      visitBody(c, h.body);
      c.popFBlock();
      u.unsetLoc();
      u.op(Pseudo.POP_BLOCK);
      u.op(Pseudo.POP_BLOCK);
      u.op(Op.POP_EXCEPT);
      c.loadConst(null);
      c.nameop(h.name, "Store");
      c.nameop(h.name, "Del");
      u.jump(Pseudo.JUMP, end);
      u.useNextBlock(cleanupEnd);
      u.unsetLoc();
      c.loadConst(null);
      c.nameop(h.name, "Store");
      c.nameop(h.name, "Del");
      u.op(Op.RERAISE, 1);
    } else {
      const cleanupBody = u.newBlock();
      u.op(Op.POP_TOP);
      u.useNextBlock(cleanupBody);
      c.pushFBlock(FBlock.HandlerCleanup, cleanupBody, null, null);
      visitBody(c, h.body);
      c.popFBlock();
      u.unsetLoc();
      u.op(Pseudo.POP_BLOCK);
      u.op(Op.POP_EXCEPT);
      u.jump(Pseudo.JUMP, end);
    }
    u.useNextBlock(except);
  }
  u.unsetLoc();
  c.popFBlock();
  u.op(Op.RERAISE, 0);
  u.useNextBlock(cleanup);
  popExceptAndReraise(c);
  u.useNextBlock(end);
}

export function compileWith(c: Compiler, s: Node, pos: number): void {
  const u = c.u;
  const item = s.items[pos];
  const body = u.newBlock();
  const final = u.newBlock();
  const exit = u.newBlock();
  const cleanup = u.newBlock();
  visitExpr(c, item.context_expr);
  u.op(Op.BEFORE_WITH);
  u.jump(Pseudo.SETUP_WITH, final);
  u.useNextBlock(body);
  c.pushFBlock(FBlock.With, body, final, s);
  if (item.optional_vars) visitExpr(c, item.optional_vars);
  else u.op(Op.POP_TOP);
  if (pos + 1 === s.items.length) visitBody(c, s.body);
  else compileWith(c, s, pos + 1);
  u.unsetLoc();
  u.op(Pseudo.POP_BLOCK);
  c.popFBlock();
  u.setLoc(s);
  callExitWithNones(c);
  u.op(Op.POP_TOP);
  u.jump(Pseudo.JUMP, exit);
  u.useNextBlock(final);
  u.jump(Pseudo.SETUP_CLEANUP, cleanup);
  u.op(Op.PUSH_EXC_INFO);
  u.op(Op.WITH_EXCEPT_START);
  withExceptFinish(c, cleanup);
  u.useNextBlock(exit);
}

function withExceptFinish(c: Compiler, cleanup: import("./ir.js").Block): void {
  const u = c.u;
  u.unsetLoc();
  const exit = u.newBlock();
  u.jump(Pseudo.POP_JUMP_IF_TRUE, exit);
  u.nextBlock();
  u.op(Op.RERAISE, 2);
  u.useNextBlock(cleanup);
  popExceptAndReraise(c);
  u.useNextBlock(exit);
  u.op(Op.POP_TOP);
  u.op(Pseudo.POP_BLOCK);
  u.op(Op.POP_EXCEPT);
  u.op(Op.POP_TOP);
  u.op(Op.POP_TOP);
}

function checkAsync(c: Compiler, what: string, s: Node): void {
  if (c.u.kind !== ScopeKind.AsyncFunction) throw c.error(`'${what}' outside async function`, s);
}

export function compileAsyncWith(c: Compiler, s: Node, pos: number): void {
  const u = c.u;
  checkAsync(c, "async with", s);
  const item = s.items[pos];
  const block = u.newBlock();
  const final = u.newBlock();
  const exit = u.newBlock();
  const cleanup = u.newBlock();
  visitExpr(c, item.context_expr);
  u.op(Op.BEFORE_ASYNC_WITH);
  u.op(Op.GET_AWAITABLE, 1);
  c.loadConst(null);
  addYieldFrom(c, true);
  u.jump(Pseudo.SETUP_WITH, final);
  u.useNextBlock(block);
  c.pushFBlock(FBlock.AsyncWith, block, final, s);
  if (item.optional_vars) visitExpr(c, item.optional_vars);
  else u.op(Op.POP_TOP);
  if (pos + 1 === s.items.length) visitBody(c, s.body);
  else compileAsyncWith(c, s, pos + 1);
  c.popFBlock();
  u.op(Pseudo.POP_BLOCK);
  u.setLoc(s);
  callExitWithNones(c);
  u.op(Op.GET_AWAITABLE, 2);
  c.loadConst(null);
  addYieldFrom(c, true);
  u.op(Op.POP_TOP);
  u.jump(Pseudo.JUMP, exit);
  u.useNextBlock(final);
  u.jump(Pseudo.SETUP_CLEANUP, cleanup);
  u.op(Op.PUSH_EXC_INFO);
  u.op(Op.WITH_EXCEPT_START);
  u.op(Op.GET_AWAITABLE, 2);
  c.loadConst(null);
  addYieldFrom(c, true);
  withExceptFinish(c, cleanup);
  u.useNextBlock(exit);
}

export function compileAsyncFor(c: Compiler, s: Node): void {
  const u = c.u;
  checkAsync(c, "async for", s);
  const start = u.newBlock();
  const except = u.newBlock();
  const end = u.newBlock();
  visitExpr(c, s.iter);
  u.op(Op.GET_AITER);
  u.useNextBlock(start);
  c.pushFBlock(FBlock.ForLoop, start, end);
  u.jump(Pseudo.SETUP_FINALLY, except);
  u.op(Op.GET_ANEXT);
  c.loadConst(null);
  addYieldFrom(c, true);
  u.op(Pseudo.POP_BLOCK);
  visitExpr(c, s.target);
  visitBody(c, s.body);
  u.unsetLoc();
  u.jump(Pseudo.JUMP, start);
  c.popFBlock();
  u.useNextBlock(except);
  u.setLoc(s.iter);
  u.op(Op.END_ASYNC_FOR);
  visitBody(c, s.orelse);
  u.useNextBlock(end);
}

/**
 * try / except* (compiler_try_star_except): the matched parts of an exception group go to each
 * handler in turn (CHECK_EG_MATCH); whatever the handlers raise or leave unhandled is collected in a
 * list and re-raised as one group by PREP_RERAISE_STAR.
 */
export function compileTryStar(c: Compiler, s: Node): void {
  if (s.finalbody.length) compileTryFinally(c, s, compileTryStarExcept);
  else compileTryStarExcept(c, s);
}

function compileTryStarExcept(c: Compiler, s: Node): void {
  const u = c.u;
  const body = u.newBlock();
  let except = u.newBlock();
  const orelse = u.newBlock();
  const end = u.newBlock();
  const cleanup = u.newBlock();
  const reraiseStar = u.newBlock();
  u.jump(Pseudo.SETUP_FINALLY, except);
  u.useNextBlock(body);
  c.pushFBlock(FBlock.TryExcept, body, null);
  visitBody(c, s.body);
  c.popFBlock();
  u.opNoLine(Pseudo.POP_BLOCK);
  u.jumpNoLine(Pseudo.JUMP, orelse);
  const n = s.handlers.length;
  u.useNextBlock(except);
  u.unsetLoc();
  u.jump(Pseudo.SETUP_CLEANUP, cleanup);
  u.op(Op.PUSH_EXC_INFO);
  c.pushFBlock(FBlock.ExceptionGroupHandler, null, null, "except handler");
  for (let i = 0; i < n; i++) {
    const h = s.handlers[i];
    u.setLoc(h);
    except = u.newBlock();
    const exceptWithError = u.newBlock();
    const noMatch = u.newBlock();
    if (i === 0) {
      // [exc] → [orig, [], exc]: the original group, and the list of what the handlers raise
      u.op(Op.COPY, 1);
      u.op(Op.BUILD_LIST, 0);
      u.op(Op.SWAP, 2);
    }
    if (h.type) {
      visitExpr(c, h.type);
      u.op(Op.CHECK_EG_MATCH);
      u.op(Op.COPY, 1);
      u.jump(Pseudo.POP_JUMP_IF_NONE, noMatch);
      u.nextBlock();
    }
    const cleanupEnd = u.newBlock();
    const cleanupBody = u.newBlock();
    if (h.name) c.nameop(h.name, "Store");
    else u.op(Op.POP_TOP);
    u.jump(Pseudo.SETUP_CLEANUP, cleanupEnd);
    u.useNextBlock(cleanupBody);
    c.pushFBlock(FBlock.HandlerCleanup, cleanupBody, null, h.name);
    visitBody(c, h.body);
    c.popFBlock();
    u.unsetLoc();
    u.op(Pseudo.POP_BLOCK);
    if (h.name) {
      c.loadConst(null);
      c.nameop(h.name, "Store");
      c.nameop(h.name, "Del");
    }
    u.jump(Pseudo.JUMP, except);
    u.useNextBlock(cleanupEnd);
    u.unsetLoc();
    if (h.name) {
      c.loadConst(null);
      c.nameop(h.name, "Store");
      c.nameop(h.name, "Del");
    }
    // what the handler raised joins the list
    u.op(Op.LIST_APPEND, 3);
    u.op(Op.POP_TOP);
    u.jump(Pseudo.JUMP, exceptWithError);
    u.useNextBlock(except);
    u.op(Op.NOP); // holds a propagated location
    u.jump(Pseudo.JUMP, exceptWithError);
    u.useNextBlock(noMatch);
    u.op(Op.POP_TOP); // the None match
    u.useNextBlock(exceptWithError);
    if (i === n - 1) {
      // the unhandled rest (or None) joins the list too
      u.op(Op.LIST_APPEND, 1);
      u.jump(Pseudo.JUMP, reraiseStar);
    }
  }
  u.unsetLoc();
  c.popFBlock();
  const reraise = u.newBlock();
  u.useNextBlock(reraiseStar);
  u.op(Op.PREP_RERAISE_STAR);
  u.op(Op.COPY, 1);
  u.jump(Pseudo.POP_JUMP_IF_NOT_NONE, reraise);
  u.nextBlock();
  u.op(Op.POP_TOP);
  u.op(Pseudo.POP_BLOCK);
  u.op(Op.POP_EXCEPT);
  u.jump(Pseudo.JUMP, end);
  u.useNextBlock(reraise);
  u.op(Pseudo.POP_BLOCK);
  u.op(Op.SWAP, 2);
  u.op(Op.POP_EXCEPT);
  u.op(Op.RERAISE, 0);
  u.useNextBlock(cleanup);
  popExceptAndReraise(c);
  u.useNextBlock(orelse);
  visitBody(c, s.orelse);
  u.useNextBlock(end);
}
