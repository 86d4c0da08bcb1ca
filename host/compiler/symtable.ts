/**
 * The symbol table of CPython 3.11's Python/symtable.c: one Scope (PySTEntryObject) per module,
 * class, function, lambda, comprehension and generator expression, with every name's flags word
 * exactly as CPython computes it (DEF_* bits, then the resolved scope at SCOPE_OFF), in CPython's
 * insertion order, and the SyntaxErrors symtable.c raises, at its positions.
 *
 * Two passes, as in CPython: the visitor records raw facts per block (bound, used, declared global,
 * parameter...), then analyzeBlock resolves every name to LOCAL / GLOBAL_* / FREE / CELL, passing
 * the sets of visible bindings down and the free names up.
 */
import type {
  Expr,
  Expression,
  Interactive,
  Module,
  Pattern,
  Stmt,
  arguments as Arguments,
  arg as Arg,
  comprehension as Comprehension,
  ExceptHandler,
  FunctionDef,
  AsyncFunctionDef,
} from "../parser/ast.generated.js";
import { PySyntaxError } from "../parser/syntax-error.js";
import { PyError } from "../errors.js";
import type { FutureFeatures } from "./future.js";
import { mangle } from "./mangle.js";
import { hashStr } from "../hash.js";

// Flag bits of a symbol (pycore_symtable.h).
export const DEF_GLOBAL = 1;
export const DEF_LOCAL = 2;
export const DEF_PARAM = 4;
export const DEF_NONLOCAL = 8;
export const USE = 16;
export const DEF_FREE = 32;
export const DEF_FREE_CLASS = 64;
export const DEF_IMPORT = 128;
export const DEF_ANNOT = 256;
export const DEF_COMP_ITER = 512;
export const DEF_BOUND = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

export const SCOPE_OFF = 11;
export const SCOPE_MASK = DEF_GLOBAL | DEF_LOCAL | DEF_PARAM | DEF_NONLOCAL;

// Resolved scopes.
export const LOCAL = 1;
export const GLOBAL_EXPLICIT = 2;
export const GLOBAL_IMPLICIT = 3;
export const FREE = 4;
export const CELL = 5;

/** _Py_block_ty; "annotation" blocks exist only under `from __future__ import annotations` and are nobody's child. */
export type BlockType = "module" | "class" | "function" | "annotation";
export type ComprehensionKind = "none" | "list" | "set" | "dict" | "generator";

/** A `global` / `nonlocal` statement (or a walrus's implicit one) recorded for error positions. */
export interface Directive {
  name: string;
  lineno: number;
  colOffset: number;
  endLineno: number;
  endColOffset: number;
}

/** One block of the program: PySTEntryObject. */
export interface Scope {
  type: BlockType;
  name: string;
  lineno: number;
  colOffset: number;
  endLineno: number;
  endColOffset: number;
  /** name (mangled) -> flags word; after analysis the scope is in bits SCOPE_OFF.. */
  symbols: Map<string, number>;
  /** the parameters in order (ste_varnames) */
  varnames: string[];
  children: Scope[];
  directives: Directive[];
  nested: boolean;
  /** some name of this block is free (ste_free) */
  free: boolean;
  childFree: boolean;
  generator: boolean;
  coroutine: boolean;
  comprehension: ComprehensionKind;
  varargs: boolean;
  varkeywords: boolean;
  returnsValue: boolean;
  needsClassClosure: boolean;
  compIterTarget: boolean;
  compIterExpr: number;
  /** the class name names are mangled with inside this block (st_private when it was entered) */
  mangledPrivate: string | null;
}

type ScopeKey = object;

export class SymbolTable {
  constructor(
    readonly top: Scope,
    private readonly blocks: Map<ScopeKey, Scope>,
    readonly future: FutureFeatures,
  ) {}

  /** PySymtable_Lookup: the block of a Module/Interactive/Expression, def, class, lambda or comprehension node. */
  lookup(node: ScopeKey): Scope {
    const s = this.blocks.get(node);
    if (s === undefined) throw new Error("unknown symbol table entry");
    return s;
  }
}

/** _PyST_GetScope: the resolved scope of `name` (already mangled) in `scope`, 0 when unknown. */
export function scopeOf(scope: Scope, name: string): number {
  const flags = scope.symbols.get(name);
  return flags === undefined ? 0 : (flags >> SCOPE_OFF) & SCOPE_MASK;
}

/** The flags word of `name` (already mangled) in `scope`, 0 when unknown (_PyST_GetSymbol). */
export function symbolFlags(scope: Scope, name: string): number {
  return scope.symbols.get(name) ?? 0;
}

export interface SymtableOptions {
  /**
   * How many Python frames deep the compile() call is (CPython counts them into the symtable's
   * nesting budget, 3 units each): 2 for compile() called at a module's top level.
   */
  callDepth?: number;
  /** sys.getrecursionlimit() */
  recursionLimit?: number;
}

/** CPython scales the recursion limit for the symtable's C recursion (COMPILER_STACK_FRAME_SCALE). */
const COMPILER_STACK_FRAME_SCALE = 3;

export function buildSymtable(
  mod: Module | Expression | Interactive,
  filename: string,
  future: FutureFeatures,
  options: SymtableOptions = {},
): SymbolTable {
  const b = new Builder(filename, future);
  b.recursionDepth = (options.callDepth ?? 2) * COMPILER_STACK_FRAME_SCALE;
  b.recursionLimit = (options.recursionLimit ?? 1000) * COMPILER_STACK_FRAME_SCALE;
  const top = b.enterBlock("top", "module", mod, 0, 0, 0, 0);
  if (mod._type === "Expression") b.visitExpr(mod.body);
  else for (const s of mod.body) b.visitStmt(s);
  b.exitBlock();
  analyzeBlock(top, null, new StrSet(), new StrSet(), filename);
  return new SymbolTable(top, b.blocks, future);
}

interface Located {
  lineno: number;
  col_offset: number;
  end_lineno: number | null;
  end_col_offset: number | null;
}

/** PyErr_RangedSyntaxLocationObject with 0-based columns: offsets become 1-based (UTF-8 bytes, as CPython). */
function rangedError(msg: string, filename: string, lineno: number, col: number, endLineno: number, endCol: number): PySyntaxError {
  const e = new PySyntaxError("SyntaxError", msg, filename, lineno, col + 1, null, endLineno, endCol + 1);
  e.locationInArgs = false;
  return e;
}

// ---------------------------------------------------------------------------------------------
// pass 1: collect the raw facts

class Builder {
  readonly blocks = new Map<ScopeKey, Scope>();
  private readonly stack: Scope[] = [];
  private cur!: Scope;
  private global!: Map<string, number>;
  private privateName: string | null = null;
  /** nesting of visitStmt / visitExpr / visitPattern calls, against recursionLimit */
  recursionDepth = 0;
  recursionLimit = 3000;

  constructor(
    private readonly filename: string,
    private readonly future: FutureFeatures,
  ) {}

  enterBlock(name: string, type: BlockType, key: ScopeKey, lineno: number, col: number, endLineno: number, endCol: number): Scope {
    const prev = this.stack.length ? this.cur : null;
    const ste: Scope = {
      type,
      name,
      lineno,
      colOffset: col,
      endLineno,
      endColOffset: endCol,
      symbols: new Map(),
      varnames: [],
      children: [],
      directives: [],
      nested: prev !== null && (prev.nested || prev.type === "function"),
      free: false,
      childFree: false,
      generator: false,
      coroutine: false,
      comprehension: "none",
      varargs: false,
      varkeywords: false,
      returnsValue: false,
      needsClassClosure: false,
      compIterTarget: false,
      // bpo-37757: no walrus anywhere inside the outermost iterable, even in a nested lambda
      compIterExpr: prev ? prev.compIterExpr : 0,
      mangledPrivate: this.privateName,
    };
    // An annotation block shares its key with the function's own block, which replaces it.
    if (type !== "annotation") this.blocks.set(key, ste);
    this.stack.push(ste);
    this.cur = ste;
    // Annotation blocks only catch what may not appear in a stringified annotation.
    if (type === "annotation") return ste;
    if (type === "module") this.global = ste.symbols;
    if (prev) prev.children.push(ste);
    return ste;
  }

  exitBlock(): void {
    this.stack.pop();
    if (this.stack.length) this.cur = this.stack[this.stack.length - 1];
  }

  private error(msg: string, lineno: number, col: number, endLineno: number, endCol: number): PySyntaxError {
    return rangedError(msg, this.filename, lineno, col, endLineno, endCol);
  }

  private errorAt(msg: string, n: Located): PySyntaxError {
    return this.error(msg, n.lineno, n.col_offset, n.end_lineno ?? n.lineno, n.end_col_offset ?? n.col_offset);
  }

  private lookup(name: string): number {
    return this.cur.symbols.get(mangle(this.privateName, name)) ?? 0;
  }

  /** symtable_add_def_helper */
  private addDefIn(ste: Scope, name: string, flag: number, loc: Located): void {
    const mangled = mangle(this.privateName, name);
    const old = ste.symbols.get(mangled);
    let val: number;
    if (old !== undefined) {
      if (flag & DEF_PARAM && old & DEF_PARAM) {
        throw this.errorAt(`duplicate argument '${name}' in function definition`, loc);
      }
      val = old | flag;
    } else {
      val = flag;
    }
    if (ste.compIterTarget) {
      // A comprehension's iteration variable: a walrus may not have claimed it, and later ones may not.
      if (val & (DEF_GLOBAL | DEF_NONLOCAL)) {
        throw this.errorAt(`comprehension inner loop cannot rebind assignment expression target '${name}'`, loc);
      }
      val |= DEF_COMP_ITER;
    }
    ste.symbols.set(mangled, val);
    if (flag & DEF_PARAM) {
      ste.varnames.push(mangled);
    } else if (flag & DEF_GLOBAL) {
      // The module's own entry learns the name too (so it is GLOBAL_EXPLICIT there).
      this.global.set(mangled, flag | (this.global.get(mangled) ?? 0));
    }
  }

  private addDef(name: string, flag: number, loc: Located): void {
    this.addDefIn(this.cur, name, flag, loc);
  }

  private recordDirective(name: string, loc: Located): void {
    this.cur.directives.push({
      name: mangle(this.privateName, name),
      lineno: loc.lineno,
      colOffset: loc.col_offset,
      endLineno: loc.end_lineno ?? loc.lineno,
      endColOffset: loc.end_col_offset ?? loc.col_offset,
    });
  }

  private enter(): void {
    if (++this.recursionDepth > this.recursionLimit) {
      throw new PyError("RecursionError", "maximum recursion depth exceeded during compilation");
    }
  }

  visitStmt(s: Stmt): void {
    this.enter();
    this.visitStmtKind(s);
    this.recursionDepth--;
  }

  private visitStmtKind(s: Stmt): void {
    switch (s._type) {
      case "FunctionDef":
      case "AsyncFunctionDef":
        this.visitFunction(s);
        break;
      case "ClassDef": {
        this.addDef(s.name, DEF_LOCAL, s);
        for (const e of s.bases) this.visitExpr(e);
        for (const k of s.keywords) this.visitExpr(k.value);
        for (const e of s.decorator_list) this.visitExpr(e);
        const saved = this.privateName;
        this.privateName = s.name;
        this.enterBlock(s.name, "class", s, s.lineno, s.col_offset, s.end_lineno, s.end_col_offset);
        for (const b of s.body) this.visitStmt(b);
        this.privateName = saved;
        this.exitBlock();
        break;
      }
      case "Return":
        if (s.value) {
          this.visitExpr(s.value);
          this.cur.returnsValue = true;
        }
        break;
      case "Delete":
        for (const e of s.targets) this.visitExpr(e);
        break;
      case "Assign":
        for (const e of s.targets) this.visitExpr(e);
        this.visitExpr(s.value);
        break;
      case "AnnAssign": {
        const target = s.target;
        if (target._type === "Name") {
          const cur = this.lookup(target.id);
          if (cur & (DEF_GLOBAL | DEF_NONLOCAL) && this.cur.symbols !== this.global && s.simple) {
            const what = cur & DEF_GLOBAL ? "global" : "nonlocal";
            throw this.errorAt(`annotated name '${target.id}' can't be ${what}`, s);
          }
          if (s.simple) this.addDef(target.id, DEF_ANNOT | DEF_LOCAL, target);
          else if (s.value) this.addDef(target.id, DEF_LOCAL, target);
        } else {
          this.visitExpr(target);
        }
        this.visitAnnotation(s.annotation);
        if (s.value) this.visitExpr(s.value);
        break;
      }
      case "AugAssign":
        this.visitExpr(s.target);
        this.visitExpr(s.value);
        break;
      case "For":
      case "AsyncFor":
        this.visitExpr(s.target);
        this.visitExpr(s.iter);
        for (const b of s.body) this.visitStmt(b);
        for (const b of s.orelse) this.visitStmt(b);
        break;
      case "While":
      case "If":
        this.visitExpr(s.test);
        for (const b of s.body) this.visitStmt(b);
        for (const b of s.orelse) this.visitStmt(b);
        break;
      case "Match":
        this.visitExpr(s.subject);
        for (const c of s.cases) {
          this.visitPattern(c.pattern);
          if (c.guard) this.visitExpr(c.guard);
          for (const b of c.body) this.visitStmt(b);
        }
        break;
      case "Raise":
        if (s.exc) {
          this.visitExpr(s.exc);
          if (s.cause) this.visitExpr(s.cause);
        }
        break;
      case "Try":
      case "TryStar":
        // symtable.c's order: the else clause before the handlers
        for (const b of s.body) this.visitStmt(b);
        for (const b of s.orelse) this.visitStmt(b);
        for (const h of s.handlers) this.visitHandler(h);
        for (const b of s.finalbody) this.visitStmt(b);
        break;
      case "Assert":
        this.visitExpr(s.test);
        if (s.msg) this.visitExpr(s.msg);
        break;
      case "Import":
      case "ImportFrom":
        for (const a of s.names) this.visitAlias(a.name, a.asname, a);
        break;
      case "Global":
      case "Nonlocal":
        this.visitDeclaration(s, s._type === "Global");
        break;
      case "Expr":
        this.visitExpr(s.value);
        break;
      case "Pass":
      case "Break":
      case "Continue":
        break;
      case "With":
      case "AsyncWith":
        for (const item of s.items) {
          this.visitExpr(item.context_expr);
          if (item.optional_vars) this.visitExpr(item.optional_vars);
        }
        for (const b of s.body) this.visitStmt(b);
        break;
    }
  }

  private visitFunction(s: FunctionDef | AsyncFunctionDef): void {
    this.addDef(s.name, DEF_LOCAL, s);
    for (const e of s.args.defaults) this.visitExpr(e);
    for (const e of s.args.kw_defaults) if (e) this.visitExpr(e);
    this.visitAnnotations(s, s.args, s.returns);
    for (const e of s.decorator_list) this.visitExpr(e);
    const ste = this.enterBlock(s.name, "function", s, s.lineno, s.col_offset, s.end_lineno, s.end_col_offset);
    if (s._type === "AsyncFunctionDef") ste.coroutine = true;
    this.visitArguments(s.args);
    for (const b of s.body) this.visitStmt(b);
    this.exitBlock();
  }

  /** `global` / `nonlocal`: an error if the name was already used, bound or annotated here. */
  private visitDeclaration(s: Stmt & { names: string[] }, isGlobal: boolean): void {
    const kw = isGlobal ? "global" : "nonlocal";
    for (const name of s.names) {
      const cur = this.lookup(name);
      if (cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT)) {
        let msg: string;
        if (cur & DEF_PARAM) msg = `name '${name}' is parameter and ${kw}`;
        else if (cur & USE) msg = `name '${name}' is used prior to ${kw} declaration`;
        else if (cur & DEF_ANNOT) msg = `annotated name '${name}' can't be ${kw}`;
        else msg = `name '${name}' is assigned to before ${kw} declaration`;
        throw this.errorAt(msg, s);
      }
      this.addDef(name, isGlobal ? DEF_GLOBAL : DEF_NONLOCAL, s);
      this.recordDirective(name, s);
    }
  }

  private visitAlias(aliasName: string, asname: string | null, loc: Located): void {
    const name = asname ?? aliasName;
    // `import a.b` binds `a`
    const dot = name.indexOf(".");
    const storeName = dot >= 0 ? name.slice(0, dot) : name;
    if (name !== "*") {
      this.addDef(storeName, DEF_IMPORT, loc);
    } else if (this.cur.type !== "module") {
      throw this.errorAt("import * only allowed at module level", loc);
    }
  }

  private visitHandler(h: ExceptHandler): void {
    if (h.type) this.visitExpr(h.type);
    if (h.name) this.addDef(h.name, DEF_LOCAL, h);
    for (const b of h.body) this.visitStmt(b);
  }

  private visitPattern(p: Pattern): void {
    this.enter();
    this.visitPatternKind(p);
    this.recursionDepth--;
  }

  private visitPatternKind(p: Pattern): void {
    switch (p._type) {
      case "MatchValue":
        this.visitExpr(p.value);
        break;
      case "MatchSingleton":
        break;
      case "MatchSequence":
        for (const q of p.patterns) this.visitPattern(q);
        break;
      case "MatchStar":
        if (p.name) this.addDef(p.name, DEF_LOCAL, p);
        break;
      case "MatchMapping":
        for (const k of p.keys) this.visitExpr(k);
        for (const q of p.patterns) this.visitPattern(q);
        if (p.rest) this.addDef(p.rest, DEF_LOCAL, p);
        break;
      case "MatchClass":
        this.visitExpr(p.cls);
        for (const q of p.patterns) this.visitPattern(q);
        for (const q of p.kwd_patterns) this.visitPattern(q);
        break;
      case "MatchAs":
        if (p.pattern) this.visitPattern(p.pattern);
        if (p.name) this.addDef(p.name, DEF_LOCAL, p);
        break;
      case "MatchOr":
        for (const q of p.patterns) this.visitPattern(q);
        break;
    }
  }

  /** symtable_visit_annotation: under future annotations, inside a throwaway annotation block. */
  private visitAnnotation(annotation: Expr): void {
    const stringified = this.future.annotations;
    if (stringified) {
      const a = annotation;
      this.enterBlock("_annotation", "annotation", a, a.lineno, a.col_offset, a.end_lineno, a.end_col_offset);
    }
    this.visitExpr(annotation);
    if (stringified) this.exitBlock();
  }

  /** symtable_visit_annotations: a def's parameter annotations share one block; the return annotation has its own. */
  private visitAnnotations(s: FunctionDef | AsyncFunctionDef, a: Arguments, returns: Expr | null): void {
    const stringified = this.future.annotations;
    if (stringified) this.enterBlock("_annotation", "annotation", s, s.lineno, s.col_offset, s.end_lineno, s.end_col_offset);
    const visitArgs = (args: Arg[]) => {
      for (const x of args) if (x.annotation) this.visitExpr(x.annotation);
    };
    visitArgs(a.posonlyargs);
    visitArgs(a.args);
    if (a.vararg?.annotation) this.visitExpr(a.vararg.annotation);
    if (a.kwarg?.annotation) this.visitExpr(a.kwarg.annotation);
    visitArgs(a.kwonlyargs);
    if (stringified) this.exitBlock();
    if (returns) this.visitAnnotation(returns);
  }

  private visitArguments(a: Arguments): void {
    for (const x of a.posonlyargs) this.addDef(x.arg, DEF_PARAM, x);
    for (const x of a.args) this.addDef(x.arg, DEF_PARAM, x);
    for (const x of a.kwonlyargs) this.addDef(x.arg, DEF_PARAM, x);
    if (a.vararg) {
      this.addDef(a.vararg.arg, DEF_PARAM, a.vararg);
      this.cur.varargs = true;
    }
    if (a.kwarg) {
      this.addDef(a.kwarg.arg, DEF_PARAM, a.kwarg);
      this.cur.varkeywords = true;
    }
  }

  /** In a stringified annotation, expressions that cannot be turned into a string are refused. */
  private refuseInAnnotation(what: string, e: Expr): void {
    if (this.cur.type === "annotation") throw this.errorAt(`'${what}' can not be used within an annotation`, e);
  }

  visitExpr(e: Expr): void {
    this.enter();
    this.visitExprKind(e);
    this.recursionDepth--;
  }

  private visitExprKind(e: Expr): void {
    switch (e._type) {
      case "NamedExpr":
        this.refuseInAnnotation("named expression", e);
        this.visitNamedExpr(e);
        break;
      case "BoolOp":
        for (const v of e.values) this.visitExpr(v);
        break;
      case "BinOp":
        this.visitExpr(e.left);
        this.visitExpr(e.right);
        break;
      case "UnaryOp":
        this.visitExpr(e.operand);
        break;
      case "Lambda": {
        for (const d of e.args.defaults) this.visitExpr(d);
        for (const d of e.args.kw_defaults) if (d) this.visitExpr(d);
        this.enterBlock("lambda", "function", e, e.lineno, e.col_offset, e.end_lineno, e.end_col_offset);
        this.visitArguments(e.args);
        this.visitExpr(e.body);
        this.exitBlock();
        break;
      }
      case "IfExp":
        this.visitExpr(e.test);
        this.visitExpr(e.body);
        this.visitExpr(e.orelse);
        break;
      case "Dict":
        for (const k of e.keys) if (k) this.visitExpr(k);
        for (const v of e.values) this.visitExpr(v);
        break;
      case "Set":
        for (const v of e.elts) this.visitExpr(v);
        break;
      case "GeneratorExp":
        this.visitComprehension(e, "genexpr", "generator", e.generators, e.elt, null);
        break;
      case "ListComp":
        this.visitComprehension(e, "listcomp", "list", e.generators, e.elt, null);
        break;
      case "SetComp":
        this.visitComprehension(e, "setcomp", "set", e.generators, e.elt, null);
        break;
      case "DictComp":
        this.visitComprehension(e, "dictcomp", "dict", e.generators, e.key, e.value);
        break;
      case "Yield":
      case "YieldFrom":
        this.refuseInAnnotation("yield expression", e);
        if (e.value) this.visitExpr(e.value);
        this.cur.generator = true;
        if (this.cur.comprehension !== "none") throw this.errorAt(`'yield' inside ${COMPREHENSION_WORDS[this.cur.comprehension]}`, e);
        break;
      case "Await":
        this.refuseInAnnotation("await expression", e);
        this.visitExpr(e.value);
        this.cur.coroutine = true;
        break;
      case "Compare":
        this.visitExpr(e.left);
        for (const c of e.comparators) this.visitExpr(c);
        break;
      case "Call":
        this.visitExpr(e.func);
        for (const a of e.args) this.visitExpr(a);
        for (const k of e.keywords) this.visitExpr(k.value);
        break;
      case "FormattedValue":
        this.visitExpr(e.value);
        if (e.format_spec) this.visitExpr(e.format_spec);
        break;
      case "JoinedStr":
        for (const v of e.values) this.visitExpr(v);
        break;
      case "Constant":
        break;
      case "Attribute":
        this.visitExpr(e.value);
        break;
      case "Subscript":
        this.visitExpr(e.value);
        this.visitExpr(e.slice);
        break;
      case "Starred":
        this.visitExpr(e.value);
        break;
      case "Slice":
        if (e.lower) this.visitExpr(e.lower);
        if (e.upper) this.visitExpr(e.upper);
        if (e.step) this.visitExpr(e.step);
        break;
      case "Name": {
        const load = e.ctx._type === "Load";
        this.addDef(e.id, load ? USE : DEF_LOCAL, e);
        // super() needs the __class__ cell: a use of `super` in a function counts as a use of __class__
        if (load && this.cur.type === "function" && e.id === "super") this.addDef("__class__", USE, e);
        break;
      }
      case "List":
      case "Tuple":
        for (const v of e.elts) this.visitExpr(v);
        break;
    }
  }

  /** symtable_handle_namedexpr */
  private visitNamedExpr(e: Expr & { _type: "NamedExpr" }): void {
    if (this.cur.compIterExpr > 0) {
      throw this.errorAt("assignment expression cannot be used in a comprehension iterable expression", e);
    }
    if (this.cur.comprehension !== "none") this.extendNamedExprScope(e.target);
    this.visitExpr(e.value);
    this.visitExpr(e.target);
  }

  /** symtable_extend_namedexpr_scope: a walrus in a comprehension binds in the nearest function or module. */
  private extendNamedExprScope(target: Expr): void {
    if (target._type !== "Name") return; // the parser only allows a name
    const name = target.id;
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const ste = this.stack[i];
      if (ste.comprehension !== "none") {
        if (symbolFlags(ste, name) & DEF_COMP_ITER) {
          throw this.errorAt(`assignment expression cannot rebind comprehension iteration variable '${name}'`, target);
        }
        continue;
      }
      if (ste.type === "function") {
        this.addDef(name, symbolFlags(ste, name) & DEF_GLOBAL ? DEF_GLOBAL : DEF_NONLOCAL, target);
        this.recordDirective(name, target);
        this.addDefIn(ste, name, DEF_LOCAL, target);
        return;
      }
      if (ste.type === "module") {
        this.addDef(name, DEF_GLOBAL, target);
        this.recordDirective(name, target);
        this.addDefIn(ste, name, DEF_GLOBAL, target);
        return;
      }
      if (ste.type === "class") {
        throw this.errorAt("assignment expression within a comprehension cannot be used in a class body", target);
      }
    }
  }

  /** symtable_handle_comprehension: the outermost iterable is evaluated here, the rest in a new function block. */
  private visitComprehension(
    e: Expr,
    scopeName: string,
    kind: ComprehensionKind,
    generators: Comprehension[],
    elt: Expr,
    value: Expr | null,
  ): void {
    const outermost = generators[0];
    this.cur.compIterExpr++;
    this.visitExpr(outermost.iter);
    this.cur.compIterExpr--;
    const ste = this.enterBlock(scopeName, "function", e, e.lineno, e.col_offset, e.end_lineno, e.end_col_offset);
    ste.comprehension = kind;
    if (outermost.is_async) ste.coroutine = true;
    // the outermost iterator arrives as the implicit parameter .0
    this.addDef(".0", DEF_PARAM, { lineno: ste.lineno, col_offset: ste.colOffset, end_lineno: ste.endLineno, end_col_offset: ste.endColOffset });
    ste.compIterTarget = true;
    this.visitExpr(outermost.target);
    ste.compIterTarget = false;
    for (const cond of outermost.ifs) this.visitExpr(cond);
    for (let i = 1; i < generators.length; i++) this.visitGenerator(generators[i]);
    if (value) this.visitExpr(value);
    this.visitExpr(elt);
    const isGenerator = kind === "generator";
    ste.generator = isGenerator;
    const isAsync = ste.coroutine && !isGenerator;
    this.exitBlock();
    // an async list/set/dict comprehension makes its enclosing block a coroutine too
    if (isAsync) this.cur.coroutine = true;
  }

  /** symtable_visit_comprehension: a `for` clause after the first, inside the comprehension's block. */
  private visitGenerator(g: Comprehension): void {
    this.cur.compIterTarget = true;
    this.visitExpr(g.target);
    this.cur.compIterTarget = false;
    this.cur.compIterExpr++;
    this.visitExpr(g.iter);
    this.cur.compIterExpr--;
    for (const cond of g.ifs) this.visitExpr(cond);
    if (g.is_async) this.cur.coroutine = true;
  }
}

const COMPREHENSION_WORDS: Record<ComprehensionKind, string> = {
  none: "",
  list: "list comprehension",
  set: "set comprehension",
  dict: "dict comprehension",
  generator: "generator expression",
};

// ---------------------------------------------------------------------------------------------
// pass 2: resolve scopes. The name sets are CPython sets (StrSet) because the order in which free
// names are added to an intermediate block's symbols is the iteration order of such a set.

function analyzeBlock(ste: Scope, bound: StrSet | null, free: StrSet, global: StrSet, filename: string): void {
  const local = new StrSet();
  const scopes = new Map<string, number>();
  const newGlobal = new StrSet();
  const newFree = new StrSet();
  const newBound = new StrSet();

  // A class's own bindings are invisible to its methods: pass down what was visible before it.
  if (ste.type === "class") {
    newGlobal.update(global);
    if (bound) newBound.update(bound);
  }
  for (const [name, flags] of ste.symbols) analyzeName(ste, scopes, name, flags, bound, local, free, global, filename);

  if (ste.type !== "class") {
    if (ste.type === "function") newBound.update(local);
    if (bound) newBound.update(bound);
    newGlobal.update(global);
  } else {
    // methods see the class's __class__ cell
    newBound.add("__class__");
  }

  const allFree = new StrSet();
  for (const child of ste.children) {
    analyzeChildBlock(child, newBound, newFree, newGlobal, allFree, filename);
    if (child.free || child.childFree) ste.childFree = true;
  }
  newFree.update(allFree);

  if (ste.type === "function") analyzeCells(scopes, newFree);
  else if (ste.type === "class") dropClassFree(ste, newFree);
  updateSymbols(ste.symbols, scopes, bound, newFree, ste.type === "class");
  free.update(newFree);
}

function analyzeChildBlock(entry: Scope, bound: StrSet, free: StrSet, global: StrSet, childFree: StrSet, filename: string): void {
  const tempFree = StrSet.copy(free);
  analyzeBlock(entry, StrSet.copy(bound), tempFree, StrSet.copy(global), filename);
  childFree.update(tempFree);
}

/** error_at_directive: errors found while resolving are reported at the name's first declaration. */
function directiveError(ste: Scope, name: string, msg: string, filename: string): PySyntaxError {
  const d = ste.directives.find((x) => x.name === name);
  if (d === undefined) throw new Error("BUG: internal directive bookkeeping broken");
  return rangedError(msg, filename, d.lineno, d.colOffset, d.endLineno, d.endColOffset);
}

function analyzeName(
  ste: Scope,
  scopes: Map<string, number>,
  name: string,
  flags: number,
  bound: StrSet | null,
  local: StrSet,
  free: StrSet,
  global: StrSet,
  filename: string,
): void {
  if (flags & DEF_GLOBAL) {
    if (flags & DEF_NONLOCAL) throw directiveError(ste, name, `name '${name}' is nonlocal and global`, filename);
    scopes.set(name, GLOBAL_EXPLICIT);
    global.add(name);
    if (bound) bound.discard(name);
    return;
  }
  if (flags & DEF_NONLOCAL) {
    if (!bound) throw directiveError(ste, name, "nonlocal declaration not allowed at module level", filename);
    if (!bound.has(name)) throw directiveError(ste, name, `no binding for nonlocal '${name}' found`, filename);
    scopes.set(name, FREE);
    ste.free = true;
    free.add(name);
    return;
  }
  if (flags & DEF_BOUND) {
    scopes.set(name, LOCAL);
    local.add(name);
    global.discard(name);
    return;
  }
  // bound by an enclosing function: free here
  if (bound && bound.has(name)) {
    scopes.set(name, FREE);
    ste.free = true;
    free.add(name);
    return;
  }
  if (global.has(name)) {
    scopes.set(name, GLOBAL_IMPLICIT);
    return;
  }
  if (ste.nested) ste.free = true;
  scopes.set(name, GLOBAL_IMPLICIT);
}

/** A local that a child needs becomes a cell, and is no longer free further out. */
function analyzeCells(scopes: Map<string, number>, free: StrSet): void {
  for (const [name, scope] of scopes) {
    if (scope !== LOCAL || !free.has(name)) continue;
    scopes.set(name, CELL);
    free.discard(name);
  }
}

/** A method's free __class__ is provided by the class: the class then needs the __class__ cell. */
function dropClassFree(ste: Scope, free: StrSet): void {
  if (free.discard("__class__")) ste.needsClassClosure = true;
}

function updateSymbols(
  symbols: Map<string, number>,
  scopes: Map<string, number>,
  bound: StrSet | null,
  free: StrSet,
  isClass: boolean,
): void {
  for (const [name, flags] of symbols) symbols.set(name, flags | ((scopes.get(name) ?? 0) << SCOPE_OFF));
  // names free in children but not mentioned here pass through this block as free variables
  for (const name of free.iterate()) {
    const v = symbols.get(name);
    if (v !== undefined) {
      // a method's free variable named like a class-level binding
      if (isClass && v & (DEF_BOUND | DEF_GLOBAL)) symbols.set(name, v | DEF_FREE_CLASS);
      continue;
    }
    if (bound && !bound.has(name)) continue; // a global
    symbols.set(name, FREE << SCOPE_OFF);
  }
}

// ---------------------------------------------------------------------------------------------
// StrSet: a CPython 3.11 set of str, slot for slot (setobject.c), so that iterating it gives
// CPython's order. Open addressing: probe 10 consecutive slots (LINEAR_PROBES = 9 more) when they
// fit below the end of the table, else 1; then jump to (i*5 + 1 + perturb) & mask with perturb the
// unsigned 64-bit hash shifted right by 5 before each jump. Removal leaves a dummy; an insertion
// reuses the last dummy seen on its probe path; the table is rebuilt when fill*5 >= mask*3.

const MINSIZE = 8;
const LINEAR_PROBES = 9;
const PERTURB_SHIFT = 5;
const DUMMY = Symbol("dummy");
type Slot = string | typeof DUMMY | null;

/** The unsigned 64-bit hash as low and high 32-bit words, cached (PYTHONHASHSEED=0's siphash). */
const hashCache = new Map<string, [number, number]>();
function hashWords(s: string): [number, number] {
  let h = hashCache.get(s);
  if (h === undefined) {
    const u = BigInt.asUintN(64, hashStr(s));
    h = [Number(u & 0xffffffffn), Number(u >> 32n)];
    hashCache.set(s, h);
  }
  return h;
}

class StrSet {
  private table: Slot[] = new Array<Slot>(MINSIZE).fill(null);
  private mask = MINSIZE - 1;
  private fill = 0; // active + dummy slots
  private used = 0; // active slots

  /** PySet_New(other) */
  static copy(other: StrSet): StrSet {
    const s = new StrSet();
    s.update(other);
    return s;
  }

  /** The slot holding `key`, or -1 (set_lookkey). */
  private find(key: string): number {
    const [lo0, hi0] = hashWords(key);
    let lo = lo0;
    let hi = hi0;
    let i = lo & this.mask;
    for (;;) {
      let probes = i + LINEAR_PROBES <= this.mask ? LINEAR_PROBES : 0;
      let j = i;
      do {
        const k = this.table[j];
        if (k === null) return -1;
        if (k === key) return j;
        j++;
      } while (probes-- > 0);
      lo = ((lo >>> PERTURB_SHIFT) | (hi << (32 - PERTURB_SHIFT))) >>> 0;
      hi >>>= PERTURB_SHIFT;
      i = (i * 5 + 1 + lo) & this.mask;
    }
  }

  has(key: string): boolean {
    return this.find(key) >= 0;
  }

  /** set_add_entry */
  add(key: string): void {
    const [lo0, hi0] = hashWords(key);
    let lo = lo0;
    let hi = hi0;
    const mask = this.mask;
    let i = lo & mask;
    let freeslot = -1;
    for (;;) {
      let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
      let j = i;
      do {
        const k = this.table[j];
        if (k === null) {
          if (freeslot >= 0) {
            this.table[freeslot] = key;
            this.used++;
            return;
          }
          this.table[j] = key;
          this.fill++;
          this.used++;
          if (this.fill * 5 >= mask * 3) this.resize(this.used > 50000 ? this.used * 2 : this.used * 4);
          return;
        }
        if (k === key) return;
        if (k === DUMMY) freeslot = j;
        j++;
      } while (probes-- > 0);
      lo = ((lo >>> PERTURB_SHIFT) | (hi << (32 - PERTURB_SHIFT))) >>> 0;
      hi >>>= PERTURB_SHIFT;
      i = (i * 5 + 1 + lo) & mask;
    }
  }

  /** set_discard_entry: true when the key was there. */
  discard(key: string): boolean {
    const j = this.find(key);
    if (j < 0) return false;
    this.table[j] = DUMMY;
    this.used--;
    return true;
  }

  /** set_table_resize: the smallest power of two above minused, live keys re-placed in slot order. */
  private resize(minused: number): void {
    let size = MINSIZE;
    while (size <= minused) size <<= 1;
    const old = this.table;
    this.table = new Array<Slot>(size).fill(null);
    this.mask = size - 1;
    this.fill = this.used;
    for (const k of old) if (k !== null && k !== DUMMY) this.insertClean(k);
  }

  /** set_insert_clean: place a key known to be absent in a table without dummies. */
  private insertClean(key: string): void {
    const [lo0, hi0] = hashWords(key);
    let lo = lo0;
    let hi = hi0;
    const mask = this.mask;
    let i = lo & mask;
    for (;;) {
      if (this.table[i] === null) {
        this.table[i] = key;
        return;
      }
      if (i + LINEAR_PROBES <= mask) {
        for (let j = 1; j <= LINEAR_PROBES; j++) {
          if (this.table[i + j] === null) {
            this.table[i + j] = key;
            return;
          }
        }
      }
      lo = ((lo >>> PERTURB_SHIFT) | (hi << (32 - PERTURB_SHIFT))) >>> 0;
      hi >>>= PERTURB_SHIFT;
      i = (i * 5 + 1 + lo) & mask;
    }
  }

  /** set_merge (|=) */
  update(other: StrSet): void {
    if (other === this || other.used === 0) return;
    if ((this.fill + other.used) * 5 >= this.mask * 3) this.resize((this.used + other.used) * 2);
    if (this.fill === 0 && this.mask === other.mask && other.fill === other.used) {
      // same size, no dummies: slot-for-slot copy
      this.table = other.table.slice();
      this.fill = other.fill;
      this.used = other.used;
      return;
    }
    if (this.fill === 0) {
      this.fill = other.used;
      this.used = other.used;
      for (const k of other.table) if (k !== null && k !== DUMMY) this.insertClean(k);
      return;
    }
    for (const k of other.table) if (k !== null && k !== DUMMY) this.add(k);
  }

  /** The keys in slot order, as iter(set). */
  *iterate(): Generator<string> {
    for (const k of this.table) if (k !== null && k !== DUMMY) yield k;
  }
}
