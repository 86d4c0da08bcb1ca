/**
 * One code object under construction (compile.c's struct compiler_unit) and the emit primitives
 * every codegen module uses: the current block, the current source location, and instructions
 * added with that location (ADDOP, ADDOP_I, ADDOP_JUMP, ADDOP_JUMP_NOLINE, NEXT_BLOCK,
 * compiler_use_next_block).
 */
import { Block, type Loc } from "./ir.js";
import { ConstTable } from "./const-table.js";
import type { PyObject } from "../objects.js";
import type { Scope } from "./symtable.js";

export const enum ScopeKind {
  Module,
  Class,
  Function,
  AsyncFunction,
  Lambda,
  Comprehension,
}

/** What a `break`/`continue`/`return` must unwind (compile.c's fblockinfo). */
export const enum FBlock {
  WhileLoop,
  ForLoop,
  TryExcept,
  FinallyTry,
  FinallyEnd,
  With,
  AsyncWith,
  HandlerCleanup,
  PopValue,
  ExceptionHandler,
  ExceptionGroupHandler,
  AsyncComprehensionGenerator,
}

export interface FBlockInfo {
  type: FBlock;
  block: Block | null;
  exit: Block | null;
  /** FinallyTry: the finally body; With: the with statement; HandlerCleanup: the bound name. */
  datum: unknown;
}

export interface Position {
  lineno: number;
  col_offset: number;
  end_lineno?: number | null;
  end_col_offset?: number | null;
}

export class Unit {
  /** Every block in allocation order (compile.c walks its b_list, newest first, in some passes). */
  readonly allocated: Block[] = [];
  readonly entry: Block;
  current: Block;
  consts = new ConstTable();
  names = new Map<string, number>();
  varnames = new Map<string, number>();
  cellvars = new Map<string, number>();
  freevars = new Map<string, number>();
  /** The current location: instructions take it when added (u_lineno, u_col_offset, ...). */
  loc: Loc;
  fblocks: FBlockInfo[] = [];
  argcount = 0;
  posonlyargcount = 0;
  kwonlyargcount = 0;
  qualname = "";
  /** The class name for private-name mangling, inherited by nested scopes. */
  privateName: string | null = null;
  /** Set by a class body that needs __classdict__-style bookkeeping; also compiler_enter_scope state. */
  firstLineno: number;

  constructor(
    readonly name: string,
    readonly kind: ScopeKind,
    readonly scope: Scope,
    firstLineno: number,
  ) {
    this.firstLineno = firstLineno;
    this.loc = { lineno: firstLineno, endLineno: firstLineno, col: 0, endCol: 0 };
    this.entry = this.newBlock();
    this.current = this.entry;
  }

  newBlock(): Block {
    const b = new Block();
    this.allocated.push(b);
    return b;
  }

  /** compiler_use_next_block: `b` follows the current block and becomes current. */
  useNextBlock(b: Block): void {
    this.current.next = b;
    this.current = b;
  }

  /** NEXT_BLOCK */
  nextBlock(): void {
    this.useNextBlock(this.newBlock());
  }

  setLoc(n: Position): void {
    this.loc = { lineno: n.lineno, endLineno: n.end_lineno ?? n.lineno, col: n.col_offset, endCol: n.end_col_offset ?? n.col_offset };
  }

  /**
   * update_start_location_to_match_attr: an attribute on a later line than its object starts
   * where the attribute name does (3.11.7).
   */
  startAtAttr(attr: { attr: string; end_lineno?: number | null; end_col_offset?: number | null }): void {
    const endLine = attr.end_lineno ?? -1;
    if (this.loc.lineno === endLine) return;
    const l = { ...this.loc, lineno: endLine };
    const len = [...attr.attr].length;
    const endCol = attr.end_col_offset ?? -1;
    if (len <= endCol) {
      l.col = endCol - len;
    } else {
      l.col = -1;
      l.endCol = -1;
    }
    l.endLineno = Math.max(l.lineno, l.endLineno);
    if (l.lineno === l.endLineno) l.endCol = Math.max(l.col, l.endCol);
    this.loc = l;
  }

  /** UNSET_LOC: only the line goes (3.11 keeps the columns of the last location). */
  unsetLoc(): void {
    this.loc = { ...this.loc, lineno: -1 };
  }

  op(op: number, arg = 0): void {
    this.current.instrs.push({ op, arg, target: null, loc: this.loc, except: null });
  }

  jump(op: number, target: Block): void {
    this.current.instrs.push({ op, arg: 0, target, loc: this.loc, except: null });
  }

  /** ADDOP_JUMP_NOLINE */
  jumpNoLine(op: number, target: Block): void {
    this.current.instrs.push({ op, arg: 0, target, loc: { lineno: -1, endLineno: 0, col: 0, endCol: 0 }, except: null });
  }

  /** ADDOP_I_NOLINE / ADDOP_NOLINE */
  opNoLine(op: number, arg = 0): void {
    this.current.instrs.push({ op, arg, target: null, loc: { lineno: -1, endLineno: 0, col: 0, endCol: 0 }, except: null });
  }

  addConst(v: PyObject): number {
    return this.consts.indexOf(v);
  }

  addName(name: string): number {
    return addTo(this.names, name);
  }

  addVarname(name: string): number {
    return addTo(this.varnames, name);
  }

  /** The last instruction of the current block returns (compile.c: basicblock_returns). */
  endsWithReturn(): boolean {
    const last = this.current.last();
    return last !== undefined && last.op === 83; /* RETURN_VALUE */
  }
}

export function addTo(map: Map<string, number>, name: string): number {
  let i = map.get(name);
  if (i === undefined) {
    i = map.size;
    map.set(name, i);
  }
  return i;
}
