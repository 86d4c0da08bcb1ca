/**
 * The flow-graph passes of CPython 3.11's assembler (compile.c), in the order assemble() runs them:
 * block normalization, the peephole optimizer and jump threading, dead-code removal, exit
 * duplication and line-number propagation, stack depth, exception-handler labelling, and jump
 * direction. (3.11 keeps handlers where codegen put them: moving cold blocks to the end is 3.12.) Each pass works on the block list that
 * starts at the entry block and follows `next` (layout order).
 */
import { Op } from "../opcodes.generated.js";
import type { PyObject } from "../objects.js";
import {
  Block,
  Pseudo,
  NO_LOC,
  isJump,
  isBlockPush,
  isScopeExit,
  isUnconditionalJump,
  noFallthrough,
  instrStackEffect,
  type Instr,
} from "./ir.js";
import type { ConstTable } from "./const-table.js";

const MAX_COPY_SIZE = 4;

function* blocks(entry: Block): Generator<Block> {
  for (let b: Block | null = entry; b !== null; b = b.next) yield b;
}

function isJumpInstr(i: Instr): boolean {
  return isJump(i.op);
}

/** normalize_basic_block: marks exits and skips jump targets past empty blocks. */
export function normalizeBasicBlock(b: Block): void {
  for (const i of b.instrs) {
    if (isScopeExit(i.op)) b.exit = true;
    if (isJump(i.op)) {
      while (i.target!.instrs.length === 0) i.target = i.target!.next!;
    }
  }
}

/** extend_block: a jump to a small exit block becomes a copy of that block. */
export function extendBlock(b: Block): void {
  const last = b.last();
  if (!last) return;
  if (last.op !== Pseudo.JUMP && last.op !== Op.JUMP_FORWARD && last.op !== Op.JUMP_BACKWARD) return;
  const t = last.target!;
  if (t.exit && t.instrs.length <= MAX_COPY_SIZE) {
    // only blocks without a line number (the implicit `return None`s) are copied
    if (t.instrs.some((i) => i.loc.lineno >= 0)) return;
    last.op = Op.NOP;
    last.target = null;
    for (const i of t.instrs) b.instrs.push({ ...i });
    b.exit = true;
  }
}

/** clean_basic_block: drops NOPs that carry no line number of their own. */
export function cleanBasicBlock(b: Block): void {
  const out: Instr[] = [];
  let prevLine = -1;
  const n = b.instrs.length;
  for (let src = 0; src < n; src++) {
    const ins = b.instrs[src];
    const line = ins.loc.lineno;
    if (ins.op === Op.NOP) {
      if (line < 0) continue;
      if (prevLine === line) continue;
      if (src < n - 1) {
        const nextLine = b.instrs[src + 1].loc.lineno;
        if (nextLine === line) continue;
        if (nextLine < 0) {
          b.instrs[src + 1].loc = ins.loc;
          continue;
        }
      } else {
        let next = b.next;
        while (next && next.instrs.length === 0) next = next.next;
        if (next && line === next.instrs[0].loc.lineno) continue;
      }
    }
    out.push(ins);
    prevLine = line;
  }
  b.instrs = out;
}

// ── the peephole optimizer (optimize_basic_block) ─────────────────────────────────────────────

function jumpThread(inst: Instr, target: Instr, op: number): number {
  if (inst.loc.lineno === target.loc.lineno && inst.target !== target.target) {
    inst.target = target.target;
    inst.op = op;
    return 1;
  }
  return 0;
}

const NOP_INSTR: Instr = { op: Op.NOP, arg: 0, target: null, loc: NO_LOC, except: null };

function optimizeBasicBlock(b: Block, consts: ConstTable): void {
  const ins = b.instrs;
  for (let i = 0; i < ins.length; i++) {
    const inst = ins[i];
    const oparg = inst.arg;
    const nextop = i + 1 < ins.length ? ins[i + 1].op : 0;
    let target: Instr = NOP_INSTR;
    if (isJump(inst.op) || isBlockPush(inst.op)) {
      while (inst.target!.instrs.length === 0) inst.target = inst.target!.next!;
      target = inst.target!.instrs[0];
    }
    switch (inst.op) {
      case Op.LOAD_CONST: {
        if (nextop === Pseudo.POP_JUMP_IF_FALSE || nextop === Pseudo.POP_JUMP_IF_TRUE) {
          const isTrue = consts.truthy(oparg);
          inst.op = Op.NOP;
          if (isTrue === (nextop === Pseudo.POP_JUMP_IF_TRUE)) ins[i + 1].op = Pseudo.JUMP;
          else ins[i + 1].op = Op.NOP;
        } else if (nextop === Op.JUMP_IF_FALSE_OR_POP || nextop === Op.JUMP_IF_TRUE_OR_POP) {
          const isTrue = consts.truthy(oparg);
          if (isTrue === (nextop === Op.JUMP_IF_TRUE_OR_POP)) {
            ins[i + 1].op = Pseudo.JUMP;
          } else {
            inst.op = Op.NOP;
            ins[i + 1].op = Op.NOP;
          }
        } else if (nextop === Op.IS_OP) {
          const jumpOp = i + 2 < ins.length ? ins[i + 2].op : 0;
          if (consts.get(oparg) === null && (jumpOp === Pseudo.POP_JUMP_IF_FALSE || jumpOp === Pseudo.POP_JUMP_IF_TRUE)) {
            const nextarg = ins[i + 1].arg;
            inst.op = Op.NOP;
            ins[i + 1].op = Op.NOP;
            ins[i + 2].op = (nextarg ^ (jumpOp === Pseudo.POP_JUMP_IF_FALSE ? 1 : 0)) !== 0 ? Pseudo.POP_JUMP_IF_NOT_NONE : Pseudo.POP_JUMP_IF_NONE;
          }
        }
        break;
      }
      case Op.BUILD_TUPLE: {
        if (nextop === Op.UNPACK_SEQUENCE && oparg === ins[i + 1].arg) {
          if (oparg === 1) {
            inst.op = Op.NOP;
            ins[i + 1].op = Op.NOP;
            continue;
          }
          if (oparg === 2 || oparg === 3) {
            inst.op = Op.NOP;
            ins[i + 1].op = Op.SWAP;
            continue;
          }
        }
        if (i >= oparg) foldTupleOnConstants(ins, i, oparg, consts);
        break;
      }
      case Op.JUMP_IF_FALSE_OR_POP:
      case Op.JUMP_IF_TRUE_OR_POP: {
        const onTrue = inst.op === Op.JUMP_IF_TRUE_OR_POP;
        const sameCond = onTrue ? Pseudo.POP_JUMP_IF_TRUE : Pseudo.POP_JUMP_IF_FALSE;
        const sameOrPop = inst.op;
        const otherCond = onTrue ? Pseudo.POP_JUMP_IF_FALSE : Pseudo.POP_JUMP_IF_TRUE;
        const otherOrPop = onTrue ? Op.JUMP_IF_FALSE_OR_POP : Op.JUMP_IF_TRUE_OR_POP;
        if (target.op === sameCond) {
          i -= jumpThread(inst, target, sameCond);
        } else if (target.op === Pseudo.JUMP || target.op === sameOrPop) {
          i -= jumpThread(inst, target, sameOrPop);
        } else if (target.op === otherOrPop || target.op === otherCond) {
          if (inst.loc.lineno === target.loc.lineno) {
            inst.op = sameCond;
            inst.target = inst.target!.next;
            i--;
          }
        }
        break;
      }
      case Pseudo.POP_JUMP_IF_NOT_NONE:
      case Pseudo.POP_JUMP_IF_NONE:
      case Pseudo.POP_JUMP_IF_FALSE:
      case Pseudo.POP_JUMP_IF_TRUE:
      case Pseudo.JUMP:
        if (target.op === Pseudo.JUMP) i -= jumpThread(inst, target, inst.op);
        break;
      case Op.SWAP:
        if (oparg === 1) {
          inst.op = Op.NOP;
          break;
        }
        i = swaptimize(ins, i);
        applyStaticSwaps(ins, i);
        break;
      case Op.PUSH_NULL:
        if (nextop === Op.LOAD_GLOBAL && (ins[i + 1].arg & 1) === 0) {
          inst.op = Op.NOP;
          inst.arg = 0;
          ins[i + 1].arg |= 1;
        }
        break;
    }
  }
}

/** fold_tuple_on_constants: n LOAD_CONSTs then BUILD_TUPLE n become one LOAD_CONST of the tuple. */
function foldTupleOnConstants(ins: Instr[], at: number, n: number, consts: ConstTable): void {
  const first = at - n;
  for (let k = first; k < at; k++) if (ins[k].op !== Op.LOAD_CONST) return;
  const items: PyObject[] = [];
  for (let k = first; k < at; k++) items.push(consts.get(ins[k].arg));
  const index = consts.indexOf(items);
  for (let k = first; k < at; k++) ins[k].op = Op.NOP;
  ins[at].op = Op.LOAD_CONST;
  ins[at].arg = index;
}

const VISITED = -1;

/** swaptimize: a run of SWAPs (and NOPs) replaced by the fewest SWAPs with the same effect. Returns the new index. */
function swaptimize(ins: Instr[], ix: number): number {
  let depth = ins[ix].arg;
  let len = 0;
  let more = false;
  const limit = ins.length - ix;
  while (++len < limit) {
    const op = ins[ix + len].op;
    if (op === Op.SWAP) {
      depth = Math.max(depth, ins[ix + len].arg);
      more = true;
    } else if (op !== Op.NOP) {
      break;
    }
  }
  if (!more) return ix;
  const stack: number[] = [];
  for (let k = 0; k < depth; k++) stack.push(k);
  for (let k = 0; k < len; k++) {
    if (ins[ix + k].op === Op.SWAP) {
      const arg = ins[ix + k].arg;
      const top = stack[0];
      stack[0] = stack[arg - 1];
      stack[arg - 1] = top;
    }
  }
  // Undo the permutation cycle by cycle, writing SWAPs from the end of the run backwards.
  let current = len - 1;
  for (let k = 0; k < depth; k++) {
    if (stack[k] === VISITED || stack[k] === k) continue;
    let j = k;
    for (;;) {
      if (j !== 0) {
        ins[ix + current].op = Op.SWAP;
        ins[ix + current].arg = j + 1;
        current--;
      }
      if (stack[j] === VISITED) break;
      const nextJ = stack[j];
      stack[j] = VISITED;
      j = nextJ;
    }
  }
  while (current >= 0) {
    ins[ix + current].op = Op.NOP;
    current--;
  }
  return ix + len - 1;
}

const swappable = (op: number) => op === Op.STORE_FAST || op === Op.POP_TOP;
const storesTo = (i: Instr) => (i.op === Op.STORE_FAST ? i.arg : -1);

function nextSwappable(ins: Instr[], i: number, lineno: number): number {
  while (++i < ins.length) {
    const x = ins[i];
    if (lineno >= 0 && x.loc.lineno !== lineno) return -1;
    if (x.op === Op.NOP) continue;
    if (swappable(x.op)) return i;
    return -1;
  }
  return -1;
}

/** apply_static_swaps: SWAP n before swappable stores/pops becomes a reordering of those instructions. */
function applyStaticSwaps(ins: Instr[], i: number): void {
  for (; i >= 0; i--) {
    const swap = ins[i];
    if (swap.op !== Op.SWAP) {
      if (swap.op === Op.NOP || swappable(swap.op)) continue;
      return;
    }
    const j = nextSwappable(ins, i, -1);
    if (j < 0) return;
    let k = j;
    const lineno = ins[j].loc.lineno;
    for (let count = swap.arg - 1; count > 0; count--) {
      k = nextSwappable(ins, k, lineno);
      if (k < 0) return;
    }
    // Not safe when the two stores (or one between them) write the same variable.
    const sj = storesTo(ins[j]);
    const sk = storesTo(ins[k]);
    if (sj >= 0 || sk >= 0) {
      if (sj === sk) return;
      for (let idx = j + 1; idx < k; idx++) {
        const s = storesTo(ins[idx]);
        if (s >= 0 && (s === sj || s === sk)) return;
      }
    }
    swap.op = Op.NOP;
    const t = ins[j];
    ins[j] = ins[k];
    ins[k] = t;
  }
}

// ── reachability and block list surgery ───────────────────────────────────────────────────────

function resetVisited(entry: Block): void {
  for (const b of blocks(entry)) b.visited = false;
}

/** mark_reachable: predecessor counts from the entry block (jumps, block pushes, fall-through). */
function markReachable(entry: Block): void {
  for (const b of blocks(entry)) {
    b.predecessors = 0;
    b.exceptPredecessors = 0;
  }
  resetVisited(entry);
  const stack: Block[] = [entry];
  entry.predecessors = 1;
  while (stack.length) {
    const b = stack.pop()!;
    b.visited = true;
    if (b.next && !noFallthrough(b)) {
      if (!b.next.visited) stack.push(b.next);
      b.next.predecessors++;
    }
    for (const i of b.instrs) {
      if (isJump(i.op) || isBlockPush(i.op)) {
        const t = i.target!;
        if (!t.visited) stack.push(t);
        t.predecessors++;
        if (isBlockPush(i.op)) t.exceptPredecessors++;
      }
    }
  }
}

function eliminateEmptyBasicBlocks(entry: Block): void {
  for (const b of blocks(entry)) {
    let next = b.next;
    if (next) {
      while (next.instrs.length === 0 && next.next) next = next.next;
      b.next = next;
    }
  }
  for (const b of blocks(entry)) {
    for (const i of b.instrs) {
      if (isJump(i.op) || isBlockPush(i.op)) {
        let t = i.target!;
        while (t.instrs.length === 0) t = t.next!;
        i.target = t;
      }
    }
  }
}

/** optimize_cfg */
export function optimizeCfg(entry: Block, consts: ConstTable): void {
  for (const b of blocks(entry)) {
    optimizeBasicBlock(b, consts);
    cleanBasicBlock(b);
  }
  for (const b of blocks(entry)) extendBlock(b);
  markReachable(entry);
  for (const b of blocks(entry)) {
    if (b.predecessors === 0) b.instrs = [];
  }
  eliminateEmptyBasicBlocks(entry);
  for (const b of blocks(entry)) cleanBasicBlock(b);
  // A jump to the block that follows anyway is a NOP.
  let maybeEmpty = false;
  for (const b of blocks(entry)) {
    const last = b.last();
    if (last && (last.op === Pseudo.JUMP || last.op === Pseudo.JUMP_NO_INTERRUPT) && last.target === b.next) {
      last.op = Op.NOP;
      last.target = null;
      maybeEmpty = true;
    }
  }
  if (maybeEmpty) eliminateEmptyBasicBlocks(entry);
}

function isExitWithoutLineno(b: Block): boolean {
  if (!b.exit) return false;
  return b.instrs.every((i) => i.loc.lineno < 0);
}

/** duplicate_exits_without_lineno: each jump to a line-less exit block gets its own copy. */
export function duplicateExitsWithoutLineno(entry: Block, allocated: readonly Block[], newBlock: () => Block): void {
  // compile.c walks u_blocks (b_list: newest block first) here, which decides who gets the copy
  for (const b of allocated.slice().reverse()) {
    const last = b.last();
    if (last && isJump(last.op)) {
      const target = last.target!;
      if (isExitWithoutLineno(target) && target.predecessors > 1) {
        const copy = newBlock();
        copy.instrs = target.instrs.map((i) => ({ ...i }));
        copy.exit = target.exit;
        copy.instrs[0].loc = last.loc;
        last.target = copy;
        target.predecessors--;
        copy.predecessors = 1;
        copy.next = target.next;
        target.next = copy;
      }
    }
  }
  for (const b of blocks(entry)) {
    while (b.next && b.next.instrs.length === 0) b.next = b.next.next;
  }
  for (const b of blocks(entry)) {
    if (!noFallthrough(b) && b.next && b.instrs.length > 0 && isExitWithoutLineno(b.next)) {
      b.next.instrs[0].loc = b.last()!.loc;
    }
  }
}

/** trim_unused_consts: drops constants past the last one used (the first always stays). */
export function trimUnusedConsts(entry: Block, consts: ConstTable): void {
  let max = 0;
  for (const b of blocks(entry)) {
    for (const i of b.instrs) {
      if ((i.op === Op.LOAD_CONST || i.op === Op.KW_NAMES) && i.arg > max) max = i.arg;
    }
  }
  consts.truncate(max + 1);
}

/** propagate_line_numbers: line-less instructions take the location before them. */
export function propagateLineNumbers(entry: Block): void {
  for (const b of blocks(entry)) {
    if (b.instrs.length === 0) continue;
    let prev = NO_LOC;
    for (const i of b.instrs) {
      if (i.loc.lineno < 0) i.loc = prev;
      else prev = i.loc;
    }
    if (!noFallthrough(b) && b.next!.predecessors === 1) {
      if (b.next!.instrs[0].loc.lineno < 0) b.next!.instrs[0].loc = prev;
    }
    const last = b.last()!;
    if (isJump(last.op)) {
      const t = last.target!;
      if (t.predecessors === 1 && t.instrs[0].loc.lineno < 0) t.instrs[0].loc = prev;
    }
  }
}

/** guarantee_lineno_for_exits: a line-less return gets the line of the code before it. */
export function guaranteeLinenoForExits(entry: Block, firstLineno: number): void {
  let lineno = firstLineno;
  for (const b of blocks(entry)) {
    const last = b.last();
    if (!last) continue;
    if (last.loc.lineno < 0) {
      if (last.op === Op.RETURN_VALUE) {
        for (const i of b.instrs) i.loc = { ...i.loc, lineno };
      }
    } else {
      lineno = last.loc.lineno;
    }
  }
}

/** stackdepth: the largest stack any path reaches (block start depths are kept for the exception table). */
export function stackDepth(entry: Block, isGenerator: boolean): number {
  for (const b of blocks(entry)) b.startDepth = -1_000_000;
  const stack: Block[] = [];
  const push = (b: Block, depth: number) => {
    if (b.startDepth < depth && b.startDepth < 100) {
      b.startDepth = depth;
      stack.push(b);
    }
  };
  let maxDepth = 0;
  push(entry, isGenerator ? 1 : 0);
  while (stack.length) {
    const b = stack.pop()!;
    let depth = b.startDepth;
    let next = b.next;
    for (const i of b.instrs) {
      const newDepth = depth + instrStackEffect(i.op, i.arg, false);
      if (newDepth > maxDepth) maxDepth = newDepth;
      if (isJump(i.op) || isBlockPush(i.op)) {
        const targetDepth = depth + instrStackEffect(i.op, i.arg, true);
        if (targetDepth > maxDepth) maxDepth = targetDepth;
        push(i.target!, targetDepth);
      }
      depth = newDepth;
      if (isUnconditionalJump(i.op) || isScopeExit(i.op)) {
        next = null;
        break;
      }
    }
    if (next) push(next, depth);
  }
  return maxDepth;
}

/** label_exception_targets: the handler in force at each instruction, from the SETUP_* / POP_BLOCK nesting. */
export function labelExceptionTargets(entry: Block): void {
  resetVisited(entry);
  const todo: Block[] = [entry];
  entry.visited = true;
  entry.exceptStack = [];
  while (todo.length) {
    const b = todo.pop()!;
    let stack: Block[] | null = b.exceptStack!;
    b.exceptStack = null;
    let handler: Block | null = stack.length ? stack[stack.length - 1] : null;
    for (const i of b.instrs) {
      if (isBlockPush(i.op)) {
        const t = i.target!;
        if (!t.visited) {
          t.visited = true;
          t.exceptStack = stack!.slice();
          todo.push(t);
        }
        if (i.op === Pseudo.SETUP_WITH || i.op === Pseudo.SETUP_CLEANUP) t.preserveLasti = true;
        stack!.push(t);
        handler = t;
      } else if (i.op === Pseudo.POP_BLOCK) {
        stack!.pop();
        handler = stack!.length ? stack![stack!.length - 1] : null;
      } else if (isJump(i.op)) {
        i.except = handler;
        const t = i.target!;
        if (!t.visited) {
          t.visited = true;
          if (!noFallthrough(b)) {
            t.exceptStack = stack!.slice();
          } else {
            t.exceptStack = stack;
            stack = null;
          }
          todo.push(t);
        }
      } else {
        i.except = handler;
      }
    }
    if (!noFallthrough(b) && b.next && !b.next.visited) {
      b.next.exceptStack = stack;
      b.next.visited = true;
      todo.push(b.next);
    }
  }
}

export function convertExceptionHandlersToNops(entry: Block): void {
  for (const b of blocks(entry)) {
    for (const i of b.instrs) {
      if (isBlockPush(i.op) || i.op === Pseudo.POP_BLOCK) {
        i.op = Op.NOP;
        i.target = null;
      }
    }
  }
}

/** normalize_jumps: direction-free jumps become their forward or backward opcode. */
export function normalizeJumps(entry: Block): void {
  resetVisited(entry);
  for (const b of blocks(entry)) {
    b.visited = true;
    const last = b.last();
    if (!last || !isJump(last.op)) continue;
    const forward = !last.target!.visited;
    switch (last.op) {
      case Pseudo.JUMP:
        last.op = forward ? Op.JUMP_FORWARD : Op.JUMP_BACKWARD;
        break;
      case Pseudo.JUMP_NO_INTERRUPT:
        last.op = forward ? Op.JUMP_FORWARD : Op.JUMP_BACKWARD_NO_INTERRUPT;
        break;
      case Pseudo.POP_JUMP_IF_NOT_NONE:
        last.op = forward ? Op.POP_JUMP_FORWARD_IF_NOT_NONE : Op.POP_JUMP_BACKWARD_IF_NOT_NONE;
        break;
      case Pseudo.POP_JUMP_IF_NONE:
        last.op = forward ? Op.POP_JUMP_FORWARD_IF_NONE : Op.POP_JUMP_BACKWARD_IF_NONE;
        break;
      case Pseudo.POP_JUMP_IF_FALSE:
        last.op = forward ? Op.POP_JUMP_FORWARD_IF_FALSE : Op.POP_JUMP_BACKWARD_IF_FALSE;
        break;
      case Pseudo.POP_JUMP_IF_TRUE:
        last.op = forward ? Op.POP_JUMP_FORWARD_IF_TRUE : Op.POP_JUMP_BACKWARD_IF_TRUE;
        break;
    }
  }
}

export { blocks };
