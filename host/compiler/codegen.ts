/**
 * Codegen: the AST (after the optimizer) and its symbol table to instructions in basic blocks, as
 * CPython 3.11's compile.c emits them: the compiler's unit stack (one Unit per code object being
 * built), name resolution (compiler_nameop), scopes and closures, and the statements. Expressions
 * are in codegen-expr.ts. Every code object goes through assemble.ts when its scope ends.
 */
import { Op } from "../opcodes.generated.js";
import { CodeObject, CO_NEWLOCALS, CO_OPTIMIZED, CO_NESTED, CO_GENERATOR, CO_COROUTINE, CO_ASYNC_GENERATOR, CO_VARARGS, CO_VARKEYWORDS } from "../code.js";
import { PySyntaxError } from "../parser/syntax-error.js";
import type { PyObject } from "../objects.js";
import { Pseudo } from "./ir.js";
import { assemble } from "./assemble.js";
import { Unit, ScopeKind, FBlock, addTo, type FBlockInfo, type Position } from "./unit.js";
import { mangle } from "./mangle.js";
import { SymbolTable, scopeOf, symbolFlags, LOCAL, GLOBAL_EXPLICIT, GLOBAL_IMPLICIT, FREE, CELL, DEF_FREE_CLASS, DEF_IMPORT, SCOPE_OFF, SCOPE_MASK, type Scope } from "./symtable.js";
import type { FutureFeatures } from "./future.js";
import { visitExpr, callHelper, isConstant, type ExprNode } from "./codegen-expr.js";
import { compileMatch } from "./codegen-match.js";
import { compileTry, compileTryStar, compileWith, compileAsyncWith, compileAsyncFor } from "./codegen-try.js";
import { unparseExpr } from "./unparse.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Node = any;

/** The -O level and the rest of what compile() passes down. */
export interface CodegenOptions {
  filename: string;
  optimize: number;
  interactive: boolean;
}

export class Compiler {
  readonly stack: Unit[] = [];
  u!: Unit;
  /** nesting of scopes (c_nestlevel) */
  nestLevel = 0;

  constructor(
    readonly st: SymbolTable,
    readonly future: FutureFeatures,
    readonly opts: CodegenOptions,
  ) {}

  error(msg: string, loc: Position = this.posOfLoc()): PySyntaxError {
    // compiler_error: byte offsets + 1; the source line only when the file can be read (not here)
    return new PySyntaxError("SyntaxError", msg, this.opts.filename, loc.lineno, loc.col_offset + 1, null, loc.end_lineno ?? loc.lineno, (loc.end_col_offset ?? loc.col_offset) + 1);
  }

  private posOfLoc(): Position {
    const l = this.u.loc;
    return { lineno: l.lineno, col_offset: l.col, end_lineno: l.endLineno, end_col_offset: l.endCol };
  }

  // ── scopes ──────────────────────────────────────────────────────────────────────────────────

  /** compiler_enter_scope */
  enterScope(name: string, kind: ScopeKind, key: object, lineno: number): void {
    const scope = this.st.lookup(key);
    const u = new Unit(name, kind, scope, lineno);
    for (const v of scope.varnames) addTo(u.varnames, v);
    for (const n of sortedNames(scope, (sc) => sc === CELL)) addTo(u.cellvars, n);
    if (scope.needsClassClosure) u.cellvars.set("__class__", 0);
    const nCells = u.cellvars.size;
    let i = 0;
    for (const n of sortedNames(scope, (sc, flags) => sc === FREE || (flags & DEF_FREE_CLASS) !== 0)) u.freevars.set(n, nCells + i++);
    u.privateName = this.stack.length || this.u ? (this.u ? this.u.privateName : null) : null;
    if (this.u) {
      this.stack.push(this.u);
    }
    this.u = u;
    this.nestLevel++;
    if (kind === ScopeKind.Module) {
      u.qualname = name;
      u.loc = { ...u.loc, lineno: 0 };
    } else {
      this.setQualname();
    }
    u.op(Op.RESUME, 0);
    if (kind === ScopeKind.Module) u.loc = { ...u.loc, lineno: -1 };
  }

  exitScope(): void {
    this.nestLevel--;
    const parent = this.stack.pop();
    this.u = parent as Unit;
  }

  private setQualname(): void {
    const u = this.u;
    let base: string | null = null;
    if (this.stack.length > 1) {
      const parent = this.stack[this.stack.length - 1];
      let forceGlobal = false;
      if (u.kind === ScopeKind.Function || u.kind === ScopeKind.AsyncFunction || u.kind === ScopeKind.Class) {
        const mangled = mangle(parent.privateName, u.name);
        if (scopeOf(parent.scope, mangled) === GLOBAL_EXPLICIT) forceGlobal = true;
      }
      if (!forceGlobal) {
        if (parent.kind === ScopeKind.Function || parent.kind === ScopeKind.AsyncFunction || parent.kind === ScopeKind.Lambda) {
          base = parent.qualname + ".<locals>";
        } else {
          base = parent.qualname;
        }
      }
    }
    u.qualname = base !== null ? base + "." + u.name : u.name;
  }

  /** compute_code_flags */
  codeFlags(): number {
    const ste = this.u.scope;
    let flags = 0;
    if (ste.type === "function") {
      flags |= CO_NEWLOCALS | CO_OPTIMIZED;
      if (ste.nested) flags |= CO_NESTED;
      if (ste.generator && !ste.coroutine) flags |= CO_GENERATOR;
      if (!ste.generator && ste.coroutine) flags |= CO_COROUTINE;
      if (ste.generator && ste.coroutine) flags |= CO_ASYNC_GENERATOR;
      if (ste.varargs) flags |= CO_VARARGS;
      if (ste.varkeywords) flags |= CO_VARKEYWORDS;
    }
    flags |= this.future.features;
    return flags;
  }

  /** assemble(c, addNone) for the current unit. */
  assemble(addNone: boolean): CodeObject {
    const u = this.u;
    if (!u.endsWithReturn()) {
      u.unsetLoc();
      if (addNone) u.op(Op.LOAD_CONST, u.addConst(null));
      u.op(Op.RETURN_VALUE);
    }
    if (!u.firstLineno) {
      const first = u.entry.instrs[0];
      u.firstLineno = first && first.loc.lineno ? first.loc.lineno : 1;
    }
    return assemble({
      entry: u.entry,
      newBlock: () => u.newBlock(),
      allocated: u.allocated,
      consts: u.consts,
      names: [...u.names.keys()],
      varnames: u.varnames,
      cellvars: u.cellvars,
      freevars: u.freevars,
      firstLineno: u.firstLineno,
      flags: this.codeFlags(),
      argcount: u.argcount,
      posonlyargcount: u.posonlyargcount,
      kwonlyargcount: u.kwonlyargcount,
      name: u.name,
      qualname: u.qualname,
      filename: this.opts.filename,
    });
  }

  // ── names ───────────────────────────────────────────────────────────────────────────────────

  mangle(name: string): string {
    return mangle(this.u.privateName, name);
  }

  /** compiler_nameop */
  nameop(name: string, ctx: "Load" | "Store" | "Del"): void {
    const u = this.u;
    const mangled = this.mangle(name);
    const scope = scopeOf(u.scope, mangled);
    const isFunction = u.scope.type === "function";
    let kind: "deref-free" | "deref-cell" | "fast" | "global" | "name" = "name";
    switch (scope) {
      case FREE:
        kind = "deref-free";
        break;
      case CELL:
        kind = "deref-cell";
        break;
      case LOCAL:
        if (isFunction) kind = "fast";
        break;
      case GLOBAL_IMPLICIT:
        if (isFunction) kind = "global";
        break;
      case GLOBAL_EXPLICIT:
        kind = "global";
        break;
    }
    if (kind === "deref-free" || kind === "deref-cell") {
      const op = ctx === "Load" ? (u.scope.type === "class" ? Op.LOAD_CLASSDEREF : Op.LOAD_DEREF) : ctx === "Store" ? Op.STORE_DEREF : Op.DELETE_DEREF;
      const dict = kind === "deref-free" ? u.freevars : u.cellvars;
      u.op(op, addTo(dict, mangled));
      return;
    }
    if (kind === "fast") {
      u.op(ctx === "Load" ? Op.LOAD_FAST : ctx === "Store" ? Op.STORE_FAST : Op.DELETE_FAST, u.addVarname(mangled));
      return;
    }
    const arg = u.addName(mangled);
    if (kind === "global") {
      if (ctx === "Load") u.op(Op.LOAD_GLOBAL, arg << 1);
      else u.op(ctx === "Store" ? Op.STORE_GLOBAL : Op.DELETE_GLOBAL, arg);
    } else {
      u.op(ctx === "Load" ? Op.LOAD_NAME : ctx === "Store" ? Op.STORE_NAME : Op.DELETE_NAME, arg);
    }
  }

  /** ADDOP_NAME: a co_names index, mangled. */
  nameIndex(name: string): number {
    return this.u.addName(this.mangle(name));
  }

  loadConst(v: PyObject): void {
    this.u.op(Op.LOAD_CONST, this.u.addConst(v));
  }

  /** is_import_originated */
  isImportOriginated(e: Node): boolean {
    if (e._type !== "Name") return false;
    return (symbolFlags(this.st.top, e.id) & DEF_IMPORT) !== 0;
  }

  // ── fblocks ─────────────────────────────────────────────────────────────────────────────────

  pushFBlock(type: FBlock, block: FBlockInfo["block"], exit: FBlockInfo["exit"], datum: unknown = null): void {
    if (this.u.fblocks.length >= 20) throw this.error("too many statically nested blocks");
    this.u.fblocks.push({ type, block, exit, datum });
  }

  popFBlock(): void {
    this.u.fblocks.pop();
  }

  // ── modules, bodies, functions, classes ─────────────────────────────────────────────────────

  /** compiler_mod */
  compileModule(mod: Node): CodeObject {
    this.enterScope("<module>", ScopeKind.Module, mod, 1);
    let addNone = true;
    switch (mod._type) {
      case "Module":
        this.body(mod.body);
        break;
      case "Interactive":
        for (const s of mod.body) visitStmt(this, s);
        break;
      case "Expression":
        visitExpr(this, mod.body);
        addNone = false;
        break;
    }
    const co = this.assemble(addNone);
    this.exitScope();
    return co;
  }

  /** compiler_body: SETUP_ANNOTATIONS, the docstring, the statements. */
  body(stmts: Node[]): void {
    const u = this.u;
    if (u.kind === ScopeKind.Module && stmts.length) u.setLoc(stmts[0]);
    if (findAnn(stmts)) u.op(Op.SETUP_ANNOTATIONS);
    if (!stmts.length) return;
    let i = 0;
    if (this.opts.optimize < 2) {
      const doc = docstring(stmts);
      if (doc !== null) {
        i = 1;
        visitExpr(this, stmts[0].value);
        u.unsetLoc();
        this.nameop("__doc__", "Store");
      }
    }
    for (; i < stmts.length; i++) visitStmt(this, stmts[i]);
  }

  /** compiler_make_closure */
  makeClosure(co: CodeObject, flags: number): void {
    const u = this.u;
    const nfree = co.co_freevars.length;
    if (nfree) {
      for (const name of co.co_freevars) {
        let arg: number | undefined;
        if (getRefType(this, name) === CELL) arg = u.cellvars.get(name);
        else arg = u.freevars.get(name);
        if (arg === undefined) throw new Error(`compiler: lookup of free variable ${name} failed in ${u.name}`);
        u.op(Op.LOAD_CLOSURE, arg);
      }
      flags |= 0x08;
      u.op(Op.BUILD_TUPLE, nfree);
    }
    this.loadConst(co);
    u.op(Op.MAKE_FUNCTION, flags);
  }
}

function sortedNames(scope: Scope, pick: (sc: number, flags: number) => boolean): string[] {
  const out: string[] = [];
  for (const [name, flags] of scope.symbols) {
    const sc = (flags >> SCOPE_OFF) & SCOPE_MASK;
    if (pick(sc, flags)) out.push(name);
  }
  return out.sort(comparePyStr);
}

/** PyList_Sort on str: code point order. */
export function comparePyStr(a: string, b: string): number {
  const ca = [...a];
  const cb = [...b];
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
    const x = ca[i].codePointAt(0)!;
    const y = cb[i].codePointAt(0)!;
    if (x !== y) return x - y;
  }
  return ca.length - cb.length;
}

function getRefType(c: Compiler, name: string): number {
  if (c.u.kind === ScopeKind.Class && name === "__class__") return CELL;
  const sc = scopeOf(c.u.scope, name);
  if (sc === 0) throw new Error(`compiler: no scope for ${name} in ${c.u.name}`);
  return sc;
}

/** _PyAST_GetDocString */
export function docstring(body: Node[]): PyObject | null {
  if (!body.length) return null;
  const s = body[0];
  if (s._type !== "Expr") return null;
  const e = s.value;
  if (e._type === "Constant" && (typeof e.value === "string" || (e.value && e.value.constructor && e.value.constructor.name === "SurrogateStr"))) return e.value;
  return null;
}

/** find_ann: an annotated assignment anywhere in these statements (not in nested scopes). */
function findAnn(stmts: Node[]): boolean {
  for (const s of stmts) {
    switch (s._type) {
      case "AnnAssign":
        return true;
      case "For":
      case "AsyncFor":
      case "While":
      case "If":
        if (findAnn(s.body) || findAnn(s.orelse)) return true;
        break;
      case "With":
      case "AsyncWith":
        if (findAnn(s.body)) return true;
        break;
      case "Try":
      case "TryStar":
        for (const h of s.handlers) if (findAnn(h.body)) return true;
        if (findAnn(s.body) || findAnn(s.orelse) || findAnn(s.finalbody)) return true;
        break;
      case "Match":
        for (const m of s.cases) if (findAnn(m.body)) return true;
        break;
    }
  }
  return false;
}

// ── statements ────────────────────────────────────────────────────────────────────────────────

export function visitStmt(c: Compiler, s: Node): void {
  const u = c.u;
  u.setLoc(s);
  switch (s._type) {
    case "FunctionDef":
      return compileFunction(c, s, false);
    case "AsyncFunctionDef":
      return compileFunction(c, s, true);
    case "ClassDef":
      return compileClass(c, s);
    case "Return":
      return compileReturn(c, s);
    case "Delete":
      for (const t of s.targets) visitExpr(c, t);
      return;
    case "Assign": {
      visitExpr(c, s.value);
      const n = s.targets.length;
      for (let i = 0; i < n; i++) {
        if (i < n - 1) u.op(Op.COPY, 1);
        visitExpr(c, s.targets[i]);
      }
      return;
    }
    case "AugAssign":
      return compileAugAssign(c, s);
    case "AnnAssign":
      return compileAnnAssign(c, s);
    case "For":
      return compileFor(c, s);
    case "While":
      return compileWhile(c, s);
    case "If":
      return compileIf(c, s);
    case "Raise": {
      let n = 0;
      if (s.exc) {
        visitExpr(c, s.exc);
        n++;
        if (s.cause) {
          visitExpr(c, s.cause);
          n++;
        }
      }
      u.op(Op.RAISE_VARARGS, n);
      u.nextBlock();
      return;
    }
    case "Assert":
      return compileAssert(c, s);
    case "Import":
      return compileImport(c, s);
    case "ImportFrom":
      return compileFromImport(c, s);
    case "Global":
    case "Nonlocal":
      return;
    case "Expr":
      return compileStmtExpr(c, s.value);
    case "Pass":
      u.op(Op.NOP);
      return;
    case "Break":
      return compileBreak(c);
    case "Match":
      return compileMatch(c, s);
    case "Try":
      return compileTry(c, s);
    case "TryStar":
      return compileTryStar(c, s);
    case "With":
      return compileWith(c, s, 0);
    case "AsyncWith":
      return compileAsyncWith(c, s, 0);
    case "AsyncFor":
      return compileAsyncFor(c, s);
    case "Continue":
      return compileContinue(c);
  }
  throw new NotYetCompiled(s._type);
}

/** A construct codegen does not handle yet (compile() reports it as NotImplementedError). */
export class NotYetCompiled extends Error {
  constructor(readonly what: string) {
    super(`compiler: ${what} is not supported yet`);
  }
}

function compileStmtExpr(c: Compiler, value: Node): void {
  const u = c.u;
  if (c.opts.interactive && c.nestLevel <= 1) {
    visitExpr(c, value);
    u.op(Op.PRINT_EXPR);
    return;
  }
  if (value._type === "Constant") {
    u.op(Op.NOP);
    return;
  }
  visitExpr(c, value);
  u.unsetLoc();
  u.op(Op.POP_TOP);
}

function compileReturn(c: Compiler, s: Node): void {
  const u = c.u;
  const value = s.value;
  const preserveTos = value !== null && value._type !== "Constant";
  if (u.scope.type !== "function") throw c.error("'return' outside function", s);
  if (value !== null && u.scope.coroutine && u.scope.generator) throw c.error("'return' with value in async generator", s);
  if (preserveTos) {
    visitExpr(c, value);
  } else if (value !== null) {
    u.setLoc(value);
    u.op(Op.NOP);
  }
  if (value === null || value.lineno !== s.lineno) {
    u.setLoc(s);
    u.op(Op.NOP);
  }
  unwindFBlockStack(c, preserveTos, null);
  if (value === null) c.loadConst(null);
  else if (!preserveTos) c.loadConst(value.value);
  u.op(Op.RETURN_VALUE);
  u.nextBlock();
}

function compileBreak(c: Compiler): void {
  const u = c.u;
  u.op(Op.NOP);
  const loop = unwindFBlockStack(c, false, "loop");
  if (loop === null) throw c.error("'break' outside loop");
  unwindFBlock(c, loop, false);
  u.jump(Pseudo.JUMP, loop.exit!);
  u.nextBlock();
}

function compileContinue(c: Compiler): void {
  const u = c.u;
  u.op(Op.NOP);
  const loop = unwindFBlockStack(c, false, "loop");
  if (loop === null) throw c.error("'continue' not properly in loop");
  u.jump(Pseudo.JUMP, loop.block!);
  u.nextBlock();
}

/** compiler_unwind_fblock_stack: returns the loop found when asked for one. */
function unwindFBlockStack(c: Compiler, preserveTos: boolean, wantLoop: "loop" | null): FBlockInfo | null {
  const u = c.u;
  if (u.fblocks.length === 0) return null;
  const top = u.fblocks[u.fblocks.length - 1];
  if (top.type === FBlock.ExceptionGroupHandler) throw c.error("'break', 'continue' and 'return' cannot appear in an except* block");
  if (wantLoop && (top.type === FBlock.WhileLoop || top.type === FBlock.ForLoop)) return top;
  u.fblocks.pop();
  unwindFBlock(c, top, preserveTos);
  const r = unwindFBlockStack(c, preserveTos, wantLoop);
  u.fblocks.push(top);
  return r;
}

/** compiler_unwind_fblock */
function unwindFBlock(c: Compiler, info: FBlockInfo, preserveTos: boolean): void {
  const u = c.u;
  switch (info.type) {
    case FBlock.WhileLoop:
    case FBlock.ExceptionHandler:
    case FBlock.ExceptionGroupHandler:
    case FBlock.AsyncComprehensionGenerator:
      return;
    case FBlock.ForLoop:
      if (preserveTos) u.op(Op.SWAP, 2);
      u.op(Op.POP_TOP);
      return;
    case FBlock.TryExcept:
      u.op(Pseudo.POP_BLOCK);
      return;
    case FBlock.FinallyTry:
      u.op(Pseudo.POP_BLOCK);
      if (preserveTos) c.pushFBlock(FBlock.PopValue, null, null);
      for (const st of info.datum as Node[]) visitStmt(c, st);
      if (preserveTos) c.popFBlock();
      u.unsetLoc();
      return;
    case FBlock.FinallyEnd:
      if (preserveTos) u.op(Op.SWAP, 2);
      u.op(Op.POP_TOP);
      if (preserveTos) u.op(Op.SWAP, 2);
      u.op(Pseudo.POP_BLOCK);
      u.op(Op.POP_EXCEPT);
      return;
    case FBlock.With:
    case FBlock.AsyncWith:
      u.setLoc(info.datum as Node);
      u.op(Pseudo.POP_BLOCK);
      if (preserveTos) u.op(Op.SWAP, 2);
      callExitWithNones(c);
      if (info.type === FBlock.AsyncWith) {
        u.op(Op.GET_AWAITABLE, 2);
        c.loadConst(null);
        addYieldFrom(c, true);
      }
      u.op(Op.POP_TOP);
      u.unsetLoc();
      return;
    case FBlock.HandlerCleanup: {
      const name = info.datum as string | null;
      if (name) u.op(Pseudo.POP_BLOCK);
      if (preserveTos) u.op(Op.SWAP, 2);
      u.op(Pseudo.POP_BLOCK);
      u.op(Op.POP_EXCEPT);
      if (name) {
        c.loadConst(null);
        c.nameop(name, "Store");
        c.nameop(name, "Del");
      }
      return;
    }
    case FBlock.PopValue:
      if (preserveTos) u.op(Op.SWAP, 2);
      u.op(Op.POP_TOP);
      return;
  }
}

export function callExitWithNones(c: Compiler): void {
  c.loadConst(null);
  c.u.op(Op.LOAD_CONST, c.u.addConst(null));
  c.u.op(Op.LOAD_CONST, c.u.addConst(null));
  c.u.op(Op.PRECALL, 2);
  c.u.op(Op.CALL, 2);
}

/** ADD_YIELD_FROM: SEND / YIELD_VALUE / RESUME loop. */
export function addYieldFrom(c: Compiler, isAwait: boolean): void {
  const u = c.u;
  const start = u.newBlock();
  const resume = u.newBlock();
  const exit = u.newBlock();
  u.useNextBlock(start);
  u.jump(Op.SEND, exit);
  u.useNextBlock(resume);
  u.op(Op.YIELD_VALUE);
  u.op(Op.RESUME, isAwait ? 3 : 2);
  u.jump(Pseudo.JUMP_NO_INTERRUPT, start);
  u.useNextBlock(exit);
}

/** compiler_jump_if: jump to `next` when the truth of `e` equals `cond`. */
export function jumpIf(c: Compiler, e: Node, next: import("./ir.js").Block, cond: boolean): void {
  const u = c.u;
  switch (e._type) {
    case "UnaryOp":
      if (e.op._type === "Not") return jumpIf(c, e.operand, next, !cond);
      break;
    case "BoolOp": {
      const values = e.values as Node[];
      const n = values.length - 1;
      const cond2 = e.op._type === "Or";
      let next2 = next;
      if (cond2 !== cond) next2 = u.newBlock();
      for (let i = 0; i < n; i++) jumpIf(c, values[i], next2, cond2);
      jumpIf(c, values[n], next, cond);
      if (next2 !== next) u.useNextBlock(next2);
      return;
    }
    case "IfExp": {
      const end = u.newBlock();
      const next2 = u.newBlock();
      jumpIf(c, e.test, next2, false);
      jumpIf(c, e.body, next, cond);
      u.jumpNoLine(Pseudo.JUMP, end);
      u.useNextBlock(next2);
      jumpIf(c, e.orelse, next, cond);
      u.useNextBlock(end);
      return;
    }
    case "Compare": {
      // 3.11 takes the comparison's location here and keeps it after (the jumps that follow carry it)
      u.setLoc(e);
      const n = e.ops.length - 1;
      if (n > 0) {
        const cleanup = u.newBlock();
        visitExpr(c, e.left);
        for (let i = 0; i < n; i++) {
          visitExpr(c, e.comparators[i]);
          u.op(Op.SWAP, 2);
          u.op(Op.COPY, 2);
          addCompare(c, e.ops[i]);
          u.jump(Pseudo.POP_JUMP_IF_FALSE, cleanup);
          u.nextBlock();
        }
        visitExpr(c, e.comparators[n]);
        addCompare(c, e.ops[n]);
        u.jump(cond ? Pseudo.POP_JUMP_IF_TRUE : Pseudo.POP_JUMP_IF_FALSE, next);
        u.nextBlock();
        const end = u.newBlock();
        u.jumpNoLine(Pseudo.JUMP, end);
        u.useNextBlock(cleanup);
        u.op(Op.POP_TOP);
        if (!cond) u.jumpNoLine(Pseudo.JUMP, next);
        u.useNextBlock(end);
        return;
      }
      break;
    }
  }
  visitExpr(c, e);
  u.jump(cond ? Pseudo.POP_JUMP_IF_TRUE : Pseudo.POP_JUMP_IF_FALSE, next);
  u.nextBlock();
}

const CMP: Record<string, [number, number]> = {
  Eq: [Op.COMPARE_OP, 2],
  NotEq: [Op.COMPARE_OP, 3],
  Lt: [Op.COMPARE_OP, 0],
  LtE: [Op.COMPARE_OP, 1],
  Gt: [Op.COMPARE_OP, 4],
  GtE: [Op.COMPARE_OP, 5],
  Is: [Op.IS_OP, 0],
  IsNot: [Op.IS_OP, 1],
  In: [Op.CONTAINS_OP, 0],
  NotIn: [Op.CONTAINS_OP, 1],
};

export function addCompare(c: Compiler, op: Node): void {
  const [opcode, arg] = CMP[op._type];
  c.u.op(opcode, arg);
}

function compileIf(c: Compiler, s: Node): void {
  const u = c.u;
  const end = u.newBlock();
  const next = s.orelse.length ? u.newBlock() : end;
  jumpIf(c, s.test, next, false);
  for (const st of s.body) visitStmt(c, st);
  if (s.orelse.length) {
    u.jumpNoLine(Pseudo.JUMP, end);
    u.useNextBlock(next);
    for (const st of s.orelse) visitStmt(c, st);
  }
  u.useNextBlock(end);
}

function compileWhile(c: Compiler, s: Node): void {
  const u = c.u;
  const loop = u.newBlock();
  const body = u.newBlock();
  const anchor = u.newBlock();
  const end = u.newBlock();
  u.useNextBlock(loop);
  c.pushFBlock(FBlock.WhileLoop, loop, end);
  jumpIf(c, s.test, anchor, false);
  u.useNextBlock(body);
  for (const st of s.body) visitStmt(c, st);
  u.setLoc(s);
  jumpIf(c, s.test, body, true);
  c.popFBlock();
  u.useNextBlock(anchor);
  for (const st of s.orelse) visitStmt(c, st);
  u.useNextBlock(end);
}

function compileFor(c: Compiler, s: Node): void {
  const u = c.u;
  const start = u.newBlock();
  const body = u.newBlock();
  const cleanup = u.newBlock();
  const end = u.newBlock();
  c.pushFBlock(FBlock.ForLoop, start, end);
  visitExpr(c, s.iter);
  u.op(Op.GET_ITER);
  u.useNextBlock(start);
  u.jump(Op.FOR_ITER, cleanup);
  u.useNextBlock(body);
  visitExpr(c, s.target);
  for (const st of s.body) visitStmt(c, st);
  u.unsetLoc();
  u.jump(Pseudo.JUMP, start);
  u.useNextBlock(cleanup);
  c.popFBlock();
  for (const st of s.orelse) visitStmt(c, st);
  u.useNextBlock(end);
}

const AUG_OPS: Record<string, number> = {
  Add: 13,
  BitAnd: 14,
  FloorDiv: 15,
  LShift: 16,
  MatMult: 17,
  Mult: 18,
  Mod: 19,
  BitOr: 20,
  Pow: 21,
  RShift: 22,
  Sub: 23,
  Div: 24,
  BitXor: 25,
};

function compileAugAssign(c: Compiler, s: Node): void {
  const u = c.u;
  const e = s.target;
  const stmtLoc = u.loc;
  u.setLoc(e);
  switch (e._type) {
    case "Attribute": {
      const oldLoc = u.loc;
      visitExpr(c, e.value);
      u.op(Op.COPY, 1);
      u.startAtAttr(e);
      u.op(Op.LOAD_ATTR, c.nameIndex(e.attr));
      u.loc = oldLoc;
      break;
    }
    case "Subscript":
      visitExpr(c, e.value);
      visitExpr(c, e.slice);
      u.op(Op.COPY, 2);
      u.op(Op.COPY, 2);
      u.op(Op.BINARY_SUBSCR);
      break;
    case "Name":
      c.nameop(e.id, "Load");
      break;
    default:
      throw new Error(`compiler: invalid node type (${e._type}) for augmented assignment`);
  }
  u.loc = stmtLoc;
  visitExpr(c, s.value);
  u.op(Op.BINARY_OP, AUG_OPS[s.op._type]);
  u.setLoc(e);
  switch (e._type) {
    case "Attribute":
      u.startAtAttr(e);
      u.op(Op.SWAP, 2);
      u.op(Op.STORE_ATTR, c.nameIndex(e.attr));
      break;
    case "Subscript":
      u.op(Op.SWAP, 3);
      u.op(Op.SWAP, 2);
      u.op(Op.STORE_SUBSCR);
      break;
    case "Name":
      c.nameop(e.id, "Store");
      break;
  }
}

function compileAnnAssign(c: Compiler, s: Node): void {
  const u = c.u;
  const target = s.target;
  if (s.value) {
    visitExpr(c, s.value);
    visitExpr(c, target);
  }
  switch (target._type) {
    case "Name":
      if (s.simple && (u.kind === ScopeKind.Module || u.kind === ScopeKind.Class)) {
        if (c.future.annotations) {
          c.loadConst(unparseAnnotation(s.annotation));
        } else {
          visitExpr(c, s.annotation);
        }
        u.op(Op.LOAD_NAME, u.addName("__annotations__"));
        c.loadConst(c.mangle(target.id));
        u.op(Op.STORE_SUBSCR);
      }
      break;
    case "Attribute":
      if (!s.value) checkAnnExpr(c, target.value);
      break;
    case "Subscript":
      if (!s.value) {
        checkAnnExpr(c, target.value);
        checkAnnSubscr(c, target.slice);
      }
      break;
    default:
      throw new Error(`compiler: invalid node type (${target._type}) for annotated assignment`);
  }
  if (!s.simple) {
    // Annotations of complex targets are evaluated (not stored) unless postponed.
    if (!c.future.annotations && (u.kind === ScopeKind.Module || u.kind === ScopeKind.Class)) {
      // compiler_check_ann_expr on the annotation happens through checkAnnExpr below
    }
  }
  if (!c.future.annotations && !s.simple && (u.kind === ScopeKind.Module || u.kind === ScopeKind.Class)) {
    checkAnnExpr(c, s.annotation);
  }
}

function checkAnnExpr(c: Compiler, e: Node): void {
  visitExpr(c, e);
  c.u.op(Op.POP_TOP);
}

function checkAnnSubscr(c: Compiler, e: Node): void {
  if (e._type === "Slice") {
    if (e.lower) checkAnnExpr(c, e.lower);
    if (e.upper) checkAnnExpr(c, e.upper);
    if (e.step) checkAnnExpr(c, e.step);
  } else if (e._type === "Tuple") {
    for (const x of e.elts) checkAnnSubscr(c, x);
  } else {
    checkAnnExpr(c, e);
  }
}

function unparseAnnotation(e: Node): string {
  return unparseExpr(e);
}

function compileAssert(c: Compiler, s: Node): void {
  const u = c.u;
  if (c.opts.optimize) return;
  if (s.test._type === "Tuple" && s.test.elts.length > 0) {
    // compiler_warn: "assertion is always true, perhaps remove parentheses?" (a SyntaxWarning)
  }
  const end = u.newBlock();
  jumpIf(c, s.test, end, true);
  u.op(Op.LOAD_ASSERTION_ERROR);
  if (s.msg) {
    visitExpr(c, s.msg);
    u.op(Op.PRECALL, 0);
    u.op(Op.CALL, 0);
  }
  u.op(Op.RAISE_VARARGS, 1);
  u.useNextBlock(end);
}

function compileImport(c: Compiler, s: Node): void {
  const u = c.u;
  for (const alias of s.names) {
    c.loadConst(0n);
    c.loadConst(null);
    u.op(Op.IMPORT_NAME, c.nameIndex(alias.name));
    if (alias.asname) {
      importAs(c, alias.name, alias.asname);
    } else {
      const dot = alias.name.indexOf(".");
      c.nameop(dot >= 0 ? alias.name.slice(0, dot) : alias.name, "Store");
    }
  }
}

function importAs(c: Compiler, name: string, asname: string): void {
  const u = c.u;
  let dot = name.indexOf(".");
  if (dot !== -1) {
    let pos = dot + 1;
    for (;;) {
      const next = name.indexOf(".", pos);
      const attr = next === -1 ? name.slice(pos) : name.slice(pos, next);
      u.op(Op.IMPORT_FROM, c.nameIndex(attr));
      if (next === -1) break;
      u.op(Op.SWAP, 2);
      u.op(Op.POP_TOP);
      pos = next + 1;
      dot = next;
    }
    c.nameop(asname, "Store");
    u.op(Op.POP_TOP);
    return;
  }
  c.nameop(asname, "Store");
}

function compileFromImport(c: Compiler, s: Node): void {
  const u = c.u;
  c.loadConst(BigInt(s.level ?? 0));
  c.loadConst(s.names.map((a: Node) => a.name));
  if (s.lineno > c.future.lineno && s.module === "__future__") throw c.error("from __future__ imports must occur at the beginning of the file", s);
  u.op(Op.IMPORT_NAME, c.nameIndex(s.module ?? ""));
  for (let i = 0; i < s.names.length; i++) {
    const alias = s.names[i];
    if (i === 0 && alias.name === "*") {
      u.op(Op.IMPORT_STAR);
      return;
    }
    u.op(Op.IMPORT_FROM, c.nameIndex(alias.name));
    c.nameop(alias.asname ?? alias.name, "Store");
  }
  u.op(Op.POP_TOP);
}

// ── functions and classes ───────────────────────────────────────────────────────────────────

function compileDecorators(c: Compiler, decos: Node[]): void {
  for (const d of decos) visitExpr(c, d);
}

/** compiler_apply_decorators: innermost first, each call at its decorator's location. */
function applyDecorators(c: Compiler, decos: Node[]): void {
  const u = c.u;
  const old = u.loc;
  for (let i = decos.length - 1; i >= 0; i--) {
    u.setLoc(decos[i]);
    u.op(Op.PRECALL, 0);
    u.op(Op.CALL, 0);
  }
  u.loc = old;
}

/** compiler_default_arguments: pushes the defaults tuple and kw-defaults dict; returns MAKE_FUNCTION flags. */
export function defaultArguments(c: Compiler, args: Node): number {
  let flags = 0;
  if (args.defaults.length) {
    for (const d of args.defaults) visitExpr(c, d);
    c.u.op(Op.BUILD_TUPLE, args.defaults.length);
    flags |= 0x01;
  }
  const keys: string[] = [];
  for (let i = 0; i < args.kwonlyargs.length; i++) {
    const d = args.kw_defaults[i];
    if (d) {
      keys.push(c.mangle(args.kwonlyargs[i].arg));
      visitExpr(c, d);
    }
  }
  if (keys.length) {
    c.loadConst(keys);
    c.u.op(Op.BUILD_CONST_KEY_MAP, keys.length);
    flags |= 0x02;
  }
  return flags;
}

/** compiler_visit_annotations: pushes the annotations tuple; returns whether it did. */
function visitAnnotations(c: Compiler, args: Node, returns: Node | null, loc: Node): boolean {
  const names: (string | Node)[] = [];
  const add = (id: string, ann: Node | null) => {
    if (!ann) return;
    names.push(c.mangle(id));
    names.push(ann);
  };
  for (const a of args.args) add(a.arg, a.annotation);
  for (const a of args.posonlyargs) add(a.arg, a.annotation);
  if (args.vararg && args.vararg.annotation) {
    if (args.vararg.annotation._type === "Starred") add(args.vararg.arg, args.vararg.annotation);
    else add(args.vararg.arg, args.vararg.annotation);
  }
  for (const a of args.kwonlyargs) add(a.arg, a.annotation);
  if (args.kwarg) add(args.kwarg.arg, args.kwarg.annotation);
  add("return", returns);
  if (!names.length) return false;
  c.u.setLoc(loc);
  for (let i = 0; i < names.length; i += 2) {
    c.loadConst(names[i] as string);
    const ann = names[i + 1] as Node;
    if (c.future.annotations) {
      c.loadConst(unparseExpr(ann));
    } else if (ann._type === "Starred") {
      // *args: *Ts (3.11): the annotation is the unpacked form
      visitExpr(c, ann.value);
      c.u.op(Op.UNPACK_SEQUENCE, 1);
    } else {
      visitExpr(c, ann);
    }
  }
  c.u.op(Op.BUILD_TUPLE, names.length);
  return true;
}

function compileFunction(c: Compiler, s: Node, isAsync: boolean): void {
  const u = c.u;
  const { args, decorator_list: decos, returns, body, name } = s;
  compileDecorators(c, decos);
  const firstLineno = decos.length ? decos[0].lineno : s.lineno;
  u.setLoc(s);
  let flags = defaultArguments(c, args);
  if (visitAnnotations(c, args, returns, s)) flags |= 0x04;
  c.enterScope(name, isAsync ? ScopeKind.AsyncFunction : ScopeKind.Function, s, firstLineno);
  const doc = c.opts.optimize < 2 ? docstring(body) : null;
  c.u.addConst(doc);
  c.u.argcount = args.args.length;
  c.u.posonlyargcount = args.posonlyargs.length;
  c.u.kwonlyargcount = args.kwonlyargs.length;
  for (let i = doc !== null ? 1 : 0; i < body.length; i++) visitStmt(c, body[i]);
  const co = c.assemble(true);
  c.exitScope();
  c.u.setLoc(s);
  c.makeClosure(co, flags);
  applyDecorators(c, decos);
  c.nameop(name, "Store");
}

function compileClass(c: Compiler, s: Node): void {
  const { decorator_list: decos, name } = s;
  compileDecorators(c, decos);
  const firstLineno = decos.length ? decos[0].lineno : s.lineno;
  c.u.setLoc(s);
  c.enterScope(name, ScopeKind.Class, s, firstLineno);
  const u = c.u;
  u.privateName = name;
  c.nameop("__name__", "Load");
  c.nameop("__module__", "Store");
  c.loadConst(u.qualname);
  c.nameop("__qualname__", "Store");
  c.body(s.body);
  u.unsetLoc();
  if (u.scope.needsClassClosure) {
    const i = u.cellvars.get("__class__")!;
    u.op(Op.LOAD_CLOSURE, i);
    u.op(Op.COPY, 1);
    c.nameop("__classcell__", "Store");
  } else {
    c.loadConst(null);
  }
  u.op(Op.RETURN_VALUE);
  const co = c.assemble(true);
  c.exitScope();
  const outer = c.u;
  outer.setLoc(s);
  outer.op(Op.PUSH_NULL);
  outer.op(Op.LOAD_BUILD_CLASS);
  c.makeClosure(co, 0);
  c.loadConst(name);
  callHelper(c, 2, s.bases, s.keywords);
  applyDecorators(c, decos);
  c.nameop(name, "Store");
}

export { isConstant, type ExprNode };
