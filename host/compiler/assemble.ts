/**
 * The assembler of CPython 3.11 (compile.c assemble()): runs the flow-graph passes in 3.11's order,
 * lays out localsplus (arguments and locals, cells, free variables), inserts the prefix
 * instructions (COPY_FREE_VARS, MAKE_CELL, RETURN_GENERATOR), resolves jumps with EXTENDED_ARG, and
 * writes co_code, the location table and the exception table into a CodeObject.
 */
import { Op, EXTENDED_ARG, CACHE_ENTRIES } from "../opcodes.generated.js";
import { CodeObject, CO_FAST_LOCAL, CO_FAST_CELL, CO_FAST_FREE, CO_GENERATOR, CO_COROUTINE, CO_ASYNC_GENERATOR } from "../code.js";
import { encodeLocations, type LocationEntry } from "../linetable.js";
import { encodeExceptionTable, type ExceptionTableEntry } from "../exceptiontable.js";
import { Block, NO_LOC, isJump, instrSize, type Instr, type Loc } from "./ir.js";
import type { ConstTable } from "./const-table.js";
import * as cfg from "./flowgraph.js";

/** What codegen hands the assembler for one code object. */
export interface UnitForAssembly {
  /** First allocated block (the entry). */
  entry: Block;
  newBlock(): Block;
  /** every block, in allocation order */
  allocated: Block[];
  consts: ConstTable;
  names: string[];
  /** name → index, in insertion order (parameters first). */
  varnames: Map<string, number>;
  cellvars: Map<string, number>;
  freevars: Map<string, number>;
  firstLineno: number;
  flags: number;
  argcount: number;
  posonlyargcount: number;
  kwonlyargcount: number;
  name: string;
  qualname: string;
  filename: string;
}

const DEREF_OPS = new Set<number>([Op.MAKE_CELL, Op.LOAD_CLOSURE, Op.LOAD_DEREF, Op.STORE_DEREF, Op.DELETE_DEREF, Op.LOAD_CLASSDEREF]);

function insertAt(b: Block, pos: number, op: number, arg: number, loc: Loc): void {
  b.instrs.splice(pos, 0, { op, arg, target: null, loc, except: null });
}

export function assemble(u: UnitForAssembly): CodeObject {
  for (const b of cfg.blocks(u.entry)) cfg.normalizeBasicBlock(b);
  for (const b of cfg.blocks(u.entry)) cfg.extendBlock(b);

  const nlocals = u.varnames.size;
  const ncells = u.cellvars.size;
  const nfrees = u.freevars.size;

  // Cell and free slots: after the locals, except cells that are also arguments (they share the slot).
  const fixed: number[] = [];
  for (let i = 0; i < ncells + nfrees; i++) fixed.push(nlocals + i);
  for (const [name, cellIndex] of u.cellvars) {
    const varIndex = u.varnames.get(name);
    if (varIndex !== undefined) fixed[cellIndex] = varIndex;
  }

  insertPrefixInstructions(u, fixed, ncells, nfrees);

  let numDropped = 0;
  for (let i = 0; i < ncells + nfrees; i++) {
    if (fixed[i] === i + nlocals) fixed[i] -= numDropped;
    else numDropped++;
  }
  for (const b of cfg.blocks(u.entry)) {
    for (const ins of b.instrs) if (DEREF_OPS.has(ins.op)) ins.arg = fixed[ins.arg];
  }
  const nlocalsplus = nlocals + ncells + nfrees - numDropped;

  cfg.optimizeCfg(u.entry, u.consts);
  cfg.duplicateExitsWithoutLineno(u.entry, u.allocated, u.newBlock);
  cfg.trimUnusedConsts(u.entry, u.consts);
  cfg.propagateLineNumbers(u.entry);
  cfg.guaranteeLinenoForExits(u.entry, u.firstLineno);
  const isGen = (u.flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) !== 0;
  const maxDepth = cfg.stackDepth(u.entry, isGen);
  cfg.labelExceptionTargets(u.entry);
  cfg.convertExceptionHandlersToNops(u.entry);
  for (const b of cfg.blocks(u.entry)) cfg.cleanBasicBlock(b);
  cfg.normalizeJumps(u.entry);
  resolveJumpOffsets(u.entry);

  const code = emitCode(u.entry);
  const linetable = encodeLocations(locationEntries(u.entry), u.firstLineno);
  const exceptiontable = encodeExceptionTable(exceptionEntries(u.entry));

  const { names: lpNames, kinds } = localsplusInfo(u, nlocalsplus);
  return new CodeObject({
    co_argcount: u.argcount + u.posonlyargcount, // makecode: positional-only ones count too
    co_posonlyargcount: u.posonlyargcount,
    co_kwonlyargcount: u.kwonlyargcount,
    co_stacksize: maxDepth,
    co_flags: u.flags,
    co_code: code,
    co_consts: u.consts.list(),
    co_names: u.names,
    co_localsplusnames: lpNames,
    co_localspluskinds: kinds,
    co_filename: u.filename,
    co_name: u.name,
    co_qualname: u.qualname,
    co_firstlineno: u.firstLineno,
    co_linetable: linetable,
    co_exceptiontable: exceptiontable,
  });
}

/** insert_prefix_instructions: COPY_FREE_VARS, MAKE_CELL for each cell (in slot order), RETURN_GENERATOR + POP_TOP. */
function insertPrefixInstructions(u: UnitForAssembly, fixed: number[], ncells: number, nfrees: number): void {
  const entry = u.entry;
  if (u.flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) {
    insertAt(entry, 0, Op.RETURN_GENERATOR, 0, { lineno: u.firstLineno, endLineno: u.firstLineno, col: -1, endCol: -1 });
    insertAt(entry, 1, Op.POP_TOP, 0, NO_LOC);
  }
  if (ncells) {
    const sorted: number[] = new Array(ncells + u.varnames.size).fill(0);
    for (let i = 0; i < ncells; i++) sorted[fixed[i]] = i + 1;
    for (let i = 0, used = 0; used < ncells; i++) {
      const old = sorted[i] - 1;
      if (old === -1) continue;
      insertAt(entry, used, Op.MAKE_CELL, old, NO_LOC);
      used++;
    }
  }
  if (nfrees) insertAt(entry, 0, Op.COPY_FREE_VARS, nfrees, NO_LOC);
}

/** assemble_jump_offsets: block offsets and jump arguments, repeated until EXTENDED_ARGs settle. */
function resolveJumpOffsets(entry: Block): void {
  for (;;) {
    let total = 0;
    for (const b of cfg.blocks(entry)) {
      b.offset = total;
      for (const i of b.instrs) total += instrSize(i);
    }
    let again = false;
    for (const b of cfg.blocks(entry)) {
      let pos = b.offset;
      for (const i of b.instrs) {
        const size = instrSize(i);
        pos += size;
        if (isJump(i.op)) {
          const t = i.target!.offset;
          // 3.11: every jump is relative to the next instruction (backward ones count back).
          i.arg = t < pos ? pos - t : t - pos;
          if (instrSize(i) !== size) again = true;
        }
      }
    }
    if (!again) return;
  }
}

function emitCode(entry: Block): Uint8Array {
  const out: number[] = [];
  for (const b of cfg.blocks(entry)) {
    for (const i of b.instrs) {
      const a = i.arg;
      if (a > 0xffffff) out.push(EXTENDED_ARG, (a >>> 24) & 0xff);
      if (a > 0xffff) out.push(EXTENDED_ARG, (a >>> 16) & 0xff);
      if (a > 0xff) out.push(EXTENDED_ARG, (a >>> 8) & 0xff);
      out.push(i.op, a & 0xff);
      for (let c = CACHE_ENTRIES[i.op]; c > 0; c--) out.push(0, 0);
    }
  }
  return Uint8Array.from(out);
}

/** One location-table entry per instruction (3.11 writes them unmerged, in chunks of 8 code units). */
function locationEntries(entry: Block): LocationEntry[] {
  const out: LocationEntry[] = [];
  for (const b of cfg.blocks(entry)) {
    for (const i of b.instrs) {
      const loc = i.loc;
      out.push({
        length: instrSize(i),
        line: loc.lineno < 0 ? null : loc.lineno,
        endLine: loc.endLineno < 0 ? null : loc.endLineno,
        col: loc.col < 0 ? null : loc.col,
        endCol: loc.endCol < 0 ? null : loc.endCol,
      });
    }
  }
  return out;
}

function exceptionEntries(entry: Block): ExceptionTableEntry[] {
  const out: ExceptionTableEntry[] = [];
  let handler: Block | null = null;
  let start = -1;
  let pos = 0;
  const emit = (end: number) => {
    const h = handler!;
    let depth = h.startDepth - 1;
    if (h.preserveLasti) depth -= 1;
    out.push({ start: start * 2, end: end * 2, target: h.offset * 2, depth, lasti: h.preserveLasti });
  };
  for (const b of cfg.blocks(entry)) {
    pos = b.offset;
    for (const i of b.instrs) {
      if (i.except !== handler) {
        if (handler !== null) emit(pos);
        start = pos;
        handler = i.except;
      }
      pos += instrSize(i);
    }
  }
  if (handler !== null) emit(pos);
  return out;
}

/** compute_localsplus_info */
function localsplusInfo(u: UnitForAssembly, nlocalsplus: number): { names: string[]; kinds: Uint8Array } {
  const names: string[] = new Array(nlocalsplus).fill("");
  const kinds = new Uint8Array(nlocalsplus);
  for (const [name, offset] of u.varnames) {
    names[offset] = name;
    kinds[offset] = CO_FAST_LOCAL | (u.cellvars.has(name) ? CO_FAST_CELL : 0);
  }
  const nlocals = u.varnames.size;
  let dropped = 0;
  for (const [name, offset] of u.cellvars) {
    if (u.varnames.has(name)) {
      dropped++;
      continue;
    }
    names[offset + nlocals - dropped] = name;
    kinds[offset + nlocals - dropped] = CO_FAST_CELL;
  }
  for (const [name, offset] of u.freevars) {
    names[offset + nlocals - dropped] = name;
    kinds[offset + nlocals - dropped] = CO_FAST_FREE;
  }
  return { names, kinds };
}

export type { Instr };
