/**
 * The compiler's intermediate form, as CPython 3.11's compile.c keeps it: instructions in basic
 * blocks, jumps pointing at blocks, and a handful of pseudo-instructions that exist only until the
 * assembler (exception-block setup and direction-free jumps). Codegen (codegen*.ts) builds it,
 * flowgraph.ts optimizes it, assemble.ts turns it into a CodeObject.
 */
import { Op, CACHE_ENTRIES, stackEffect } from "../opcodes.generated.js";

/** Pseudo-instructions (numbers above any real opcode; compile.c uses negative ones). */
export const Pseudo = {
  SETUP_FINALLY: 256,
  SETUP_CLEANUP: 257,
  SETUP_WITH: 258,
  POP_BLOCK: 259,
  JUMP: 260,
  JUMP_NO_INTERRUPT: 261,
  POP_JUMP_IF_FALSE: 262,
  POP_JUMP_IF_TRUE: 263,
  POP_JUMP_IF_NONE: 264,
  POP_JUMP_IF_NOT_NONE: 265,
} as const;

/** A source span; lineno -1 means "no location" (the instruction inherits one later, or has none). */
export interface Loc {
  lineno: number;
  endLineno: number;
  col: number;
  endCol: number;
}

export const NO_LOC: Loc = Object.freeze({ lineno: -1, endLineno: -1, col: -1, endCol: -1 });

export interface Instr {
  op: number;
  arg: number;
  /** Jump and block-push targets. */
  target: Block | null;
  loc: Loc;
  /** The handler in force here (label_exception_targets). */
  except: Block | null;
}

export class Block {
  instrs: Instr[] = [];
  /** The block that follows in layout order (fall-through). */
  next: Block | null = null;
  /** Allocation order, newest first (compile.c's b_list). */
  list: Block | null = null;
  predecessors = 0;
  exceptPredecessors = 0;
  visited = false;
  /** Ends in a return or raise (also after extend_block copied one in). */
  exit = false;
  preserveLasti = false;
  warm = false;
  cold = false;
  startDepth = -1_000_000;
  offset = 0;
  exceptStack: Block[] | null = null;

  last(): Instr | undefined {
    return this.instrs[this.instrs.length - 1];
  }
}

export function isBlockPush(op: number): boolean {
  return op === Pseudo.SETUP_FINALLY || op === Pseudo.SETUP_CLEANUP || op === Pseudo.SETUP_WITH;
}

const JUMPS = new Set<number>([
  Pseudo.JUMP,
  Pseudo.JUMP_NO_INTERRUPT,
  Pseudo.POP_JUMP_IF_FALSE,
  Pseudo.POP_JUMP_IF_TRUE,
  Pseudo.POP_JUMP_IF_NONE,
  Pseudo.POP_JUMP_IF_NOT_NONE,
  Op.JUMP_FORWARD,
  Op.JUMP_BACKWARD,
  Op.JUMP_BACKWARD_NO_INTERRUPT,
  Op.JUMP_IF_FALSE_OR_POP,
  Op.JUMP_IF_TRUE_OR_POP,
  Op.POP_JUMP_FORWARD_IF_FALSE,
  Op.POP_JUMP_FORWARD_IF_TRUE,
  Op.POP_JUMP_FORWARD_IF_NONE,
  Op.POP_JUMP_FORWARD_IF_NOT_NONE,
  Op.POP_JUMP_BACKWARD_IF_FALSE,
  Op.POP_JUMP_BACKWARD_IF_TRUE,
  Op.POP_JUMP_BACKWARD_IF_NONE,
  Op.POP_JUMP_BACKWARD_IF_NOT_NONE,
  Op.FOR_ITER,
  Op.SEND,
]);

export function isJump(op: number): boolean {
  return JUMPS.has(op);
}

/** Unconditional jumps (after which nothing in the block runs). */
export function isUnconditionalJump(op: number): boolean {
  return (
    op === Pseudo.JUMP ||
    op === Pseudo.JUMP_NO_INTERRUPT ||
    op === Op.JUMP_FORWARD ||
    op === Op.JUMP_BACKWARD ||
    op === Op.JUMP_BACKWARD_NO_INTERRUPT
  );
}

export function isScopeExit(op: number): boolean {
  return op === Op.RETURN_VALUE || op === Op.RAISE_VARARGS || op === Op.RERAISE;
}

/** Control never falls off the end of this block into b.next. */
export function noFallthrough(b: Block): boolean {
  const last = b.last();
  return last !== undefined && (isUnconditionalJump(last.op) || isScopeExit(last.op));
}

/** Code units of an instruction: EXTENDED_ARG prefixes, itself, its inline caches. */
export function instrSize(i: Instr): number {
  const a = i.arg;
  const ext = a > 0xffffff ? 3 : a > 0xffff ? 2 : a > 0xff ? 1 : 0;
  return ext + 1 + (i.op < 256 ? CACHE_ENTRIES[i.op] : 0);
}

/** compile.c's stack_effect, pseudo-instructions included. */
export function instrStackEffect(op: number, arg: number, jump: boolean): number {
  switch (op) {
    case Pseudo.SETUP_FINALLY:
      return jump ? 1 : 0;
    case Pseudo.SETUP_CLEANUP:
      return jump ? 2 : 0;
    case Pseudo.SETUP_WITH:
      return jump ? 1 : 0;
    case Pseudo.POP_BLOCK:
    case Pseudo.JUMP:
    case Pseudo.JUMP_NO_INTERRUPT:
      return 0;
    case Pseudo.POP_JUMP_IF_FALSE:
    case Pseudo.POP_JUMP_IF_TRUE:
    case Pseudo.POP_JUMP_IF_NONE:
    case Pseudo.POP_JUMP_IF_NOT_NONE:
      return -1;
  }
  return stackEffect(op, arg, jump);
}

export function sameLoc(a: Loc, b: Loc): boolean {
  return a.lineno === b.lineno && a.endLineno === b.endLineno && a.col === b.col && a.endCol === b.endCol;
}
