/**
 * The disassembler: CPython 3.11.7's dis module for code objects, text-identical.
 *
 *   dis(code, options?)        what `dis.dis(code, file=f)` writes (nested code objects too)
 *   disassemble(code, options?) what `dis.disassemble(code, file=f)` writes (this code object only)
 *   getInstructions(code, options?)  the Instruction records `dis.get_instructions(code)` yields
 *   codeInfo(code)             `dis.code_info(code)`
 *   findLinestarts, findLabels, parseExceptionTable, prettyFlags, codeBytes: the helpers behind them.
 *
 * What the Python attribute `code.co_code` holds is not the marshalled byte string: CPython rebuilds it
 * from the instruction array, mapping every opcode through its deoptimization table (specialized
 * instructions to their base instruction, numbers no instruction uses to CACHE) and zeroing the inline
 * cache entries behind each instruction. dis reads co_code, so so do we (`codeBytes`). With
 * `adaptive: true` dis reads the instruction array itself, which for a code object nobody has run is
 * the marshalled bytes unchanged; that is what we show then.
 */
import { CodeObject } from "./code.js";
import { PyError } from "./errors.js";
import type { PyObject } from "./objects.js";
import { pyRepr } from "./repr.js";
import {
  CACHE_ENTRIES,
  CMP_OP,
  DEOPT,
  EXTENDED_ARG,
  HAS_COMPARE,
  HAS_CONST,
  HAS_FREE,
  HAS_JABS,
  HAS_JREL,
  HAS_LOCAL,
  HAS_NAME,
  HAVE_ARGUMENT,
  NB_OPS,
  OPFLAGS,
  OPNAME,
  Op,
} from "./opcodes.generated.js";

/** dis.UNKNOWN: the argval of an argument dis cannot resolve (KW_NAMES's constant index in 3.11). */
export class DisUnknown {
  private constructor() {}
  static readonly instance = new DisUnknown();
  toString(): string {
    return "<unknown>";
  }
}
export const UNKNOWN = DisUnknown.instance;

/** dis.Positions. */
export interface Positions {
  readonly lineno: number | null;
  readonly end_lineno: number | null;
  readonly col_offset: number | null;
  readonly end_col_offset: number | null;
}

/** FORMAT_VALUE's argval: (the conversion function's name or null, whether a format spec is on the stack). */
export type FormatValueArg = readonly [conversion: "str" | "repr" | "ascii" | null, hasFormat: boolean];

/**
 * The resolved argument. A constant (LOAD_CONST; a Python float is a JS number there, so look at the
 * opname before reading a number as an int), a name (names, locals, cells, frees), a jump target
 * offset, a comparison operator, FORMAT_VALUE's pair, the raw argument otherwise, UNKNOWN where dis
 * has none (KW_NAMES in 3.11), null for instructions without an argument. Raw arguments and jump
 * targets beyond 2**53 (only reachable with six or more EXTENDED_ARGs) are the nearest doubles here;
 * the dis text prints them exactly.
 */
export type ArgVal = PyObject | number | string | FormatValueArg | DisUnknown;

/** dis.Instruction. */
export interface Instruction {
  readonly opname: string;
  readonly opcode: number;
  readonly arg: number | null;
  readonly argval: ArgVal;
  readonly argrepr: string;
  readonly offset: number;
  readonly starts_line: number | null;
  readonly is_jump_target: boolean;
  readonly positions: Positions;
}

/** dis._ExceptionTableEntry: byte offsets, `end` exclusive (dis prints end - 2). */
export interface DisExceptionEntry {
  readonly start: number;
  readonly end: number;
  readonly target: number;
  readonly depth: number;
  readonly lasti: boolean;
}

export interface DisOptions {
  /** Recursion depth into nested code objects (dis's `depth`); undefined/null = unlimited. */
  depth?: number | null;
  /** Show the inline CACHE entries as instructions (dis's `show_caches`). */
  showCaches?: boolean;
  /** Disassemble the adaptive instruction array instead of co_code (dis's `adaptive`). */
  adaptive?: boolean;
}

export interface InstructionOptions {
  /** Report line numbers as if the code started at this line (get_instructions's `first_line`). */
  firstLine?: number | null;
  showCaches?: boolean;
  adaptive?: boolean;
  /**
   * Also mark exception handler targets as jump targets. dis.get_instructions does not (false, the
   * default); iterating dis.Bytecode(code) does (true).
   */
  exceptionTargets?: boolean;
}

const OPNAME_WIDTH = 20;
const OPARG_WIDTH = 5;
const INT_OVERFLOW = 2n ** 31n;
/** Below this a non-negative extended_arg stays exact as a JS number through `ext + byte`. */
const SMALL_EXT = 2n ** 44n;
/** The exact decimal argument of instructions whose argument is beyond the safe integer range. */
const exactArgText = new WeakMap<Instruction, string>();

/** opcode._cache_format: the named fields of each instruction's inline cache, in code units. */
const CACHE_FORMAT: Readonly<Record<string, readonly (readonly [string, number])[]>> = {
  LOAD_GLOBAL: [
    ["counter", 1],
    ["index", 1],
    ["module_keys_version", 2],
    ["builtin_keys_version", 1],
  ],
  BINARY_OP: [["counter", 1]],
  UNPACK_SEQUENCE: [["counter", 1]],
  COMPARE_OP: [
    ["counter", 1],
    ["mask", 1],
  ],
  BINARY_SUBSCR: [
    ["counter", 1],
    ["type_version", 2],
    ["func_version", 1],
  ],
  LOAD_ATTR: [
    ["counter", 1],
    ["version", 2],
    ["index", 1],
  ],
  STORE_ATTR: [
    ["counter", 1],
    ["version", 2],
    ["index", 1],
  ],
  LOAD_METHOD: [
    ["counter", 1],
    ["type_version", 2],
    ["dict_offset", 1],
    ["keys_version", 2],
    ["descr", 4],
  ],
  CALL: [
    ["counter", 1],
    ["func_version", 2],
    ["min_args", 1],
  ],
  PRECALL: [["counter", 1]],
  STORE_SUBSCR: [["counter", 1]],
};

const FORMAT_VALUE_CONVERTERS: readonly ("str" | "repr" | "ascii" | null)[] = [null, "str", "repr", "ascii"];
const MAKE_FUNCTION_FLAGS = ["defaults", "kwdefaults", "annotations", "closure"];

/** Whether an opcode number names no instruction at all (dis prints it as '<N>'). */
function isUnknown(op: number): boolean {
  return OPNAME[op].startsWith("<");
}

/** The base instruction of an opcode as dis computes it (unknown numbers stay themselves). */
function deoptop(op: number): number {
  return DEOPT[op];
}

/** `op in opcode.hasjrel` etc. for a raw opcode: specialized instructions are in none of those lists. */
function rawFlags(op: number): number {
  return DEOPT[op] === op ? OPFLAGS[op] : 0;
}

/** dis._is_backward_jump: 'JUMP_BACKWARD' in opcode.opname[op] (specialized names are '<N>' there). */
function isBackwardJump(op: number): boolean {
  return DEOPT[op] === op && OPNAME[op].includes("JUMP_BACKWARD");
}

function indexError(what: string): PyError {
  return new PyError("IndexError", `${what} index out of range`);
}

/** seq[i] with Python's indexing (negative from the end). */
function pyIndex<T>(seq: readonly T[], i: number, what = "tuple"): T {
  const j = i < 0 ? seq.length + i : i;
  if (!Number.isInteger(j) || j < 0 || j >= seq.length) throw indexError(what);
  return seq[j];
}

/**
 * The bytes the Python attribute co_code gives for this code object: each instruction's opcode
 * through CPython's deoptimization table (numbers that name no instruction become CACHE), the inline
 * cache entries after it zeroed.
 */
export function codeBytes(code: CodeObject): Uint8Array {
  const src = code.co_code;
  const out = new Uint8Array(src.length);
  out.set(src);
  const units = src.length >> 1;
  for (let i = 0; i < units; i++) {
    const op = src[2 * i];
    const base = isUnknown(op) ? Op.CACHE : DEOPT[op];
    out[2 * i] = base;
    let caches = CACHE_ENTRIES[base];
    while (caches-- > 0 && i + 1 < units) {
      i++;
      out[2 * i] = Op.CACHE;
      out[2 * i + 1] = 0;
    }
  }
  return out;
}

function codeArray(code: CodeObject, adaptive: boolean | undefined): Uint8Array {
  return adaptive ? code.co_code : codeBytes(code);
}

interface RawInstr {
  offset: number;
  op: number;
  /** The argument; null below HAVE_ARGUMENT. */
  arg: number | null;
  /** The exact argument when it is outside the safe integer range (only after many EXTENDED_ARGs). */
  bigArg: bigint | null;
}

/** dis._unpack_opargs: (offset, op, arg) of each instruction, skipping inline caches. */
function unpackOpargs(code: Uint8Array): RawInstr[] {
  const out: RawInstr[] = [];
  let ext = 0; // extended_arg while it is a small non-negative number
  let extBig: bigint | null = null; // extended_arg once it may not be
  let caches = 0;
  for (let i = 0; i < code.length; i += 2) {
    if (caches) {
      caches--;
      continue;
    }
    const op = code[i];
    const deop = deoptop(op);
    caches = CACHE_ENTRIES[deop];
    if (deop >= HAVE_ARGUMENT) {
      const byte = code[i + 1] ?? 0;
      let arg: number;
      let bigArg: bigint | null = null;
      if (extBig === null) {
        arg = ext + byte; // ext is a multiple of 256 in [0, SMALL_EXT): | and + agree
      } else {
        const a: bigint = BigInt(byte) | extBig;
        arg = Number(a);
        if (!Number.isSafeInteger(arg)) bigArg = a;
      }
      if (deop === EXTENDED_ARG) {
        const shifted: bigint = (bigArg ?? BigInt(arg)) << 8n;
        const e: bigint = shifted >= INT_OVERFLOW ? shifted - 2n * INT_OVERFLOW : shifted;
        if (e >= 0n && e < SMALL_EXT) {
          ext = Number(e);
          extBig = null;
        } else {
          extBig = e;
          ext = 0;
        }
      } else {
        ext = 0;
        extBig = null;
      }
      out.push({ offset: i, op, arg, bigArg });
    } else {
      ext = 0;
      extBig = null;
      out.push({ offset: i, op, arg: null, bigArg: null });
    }
  }
  return out;
}

function jumpTarget(r: RawInstr, backward: boolean): number {
  if (r.bigArg !== null) {
    const v = BigInt(r.offset) + 2n + (backward ? -r.bigArg : r.bigArg) * 2n;
    return Number(v);
  }
  return r.offset + 2 + (backward ? -r.arg! : r.arg!) * 2;
}

function jumpTargetRepr(r: RawInstr, backward: boolean): string {
  if (r.bigArg !== null) return String(BigInt(r.offset) + 2n + (backward ? -r.bigArg : r.bigArg) * 2n);
  return String(jumpTarget(r, backward));
}

/** dis.findlabels: the jump target offsets of the bytecode, in order of first appearance. */
export function findLabels(code: Uint8Array): number[] {
  const labels: number[] = [];
  for (const r of unpackOpargs(code)) {
    if (r.arg === null) continue;
    const flags = rawFlags(r.op);
    let label: number;
    if (flags & HAS_JREL) label = jumpTarget(r, isBackwardJump(r.op));
    else if (flags & HAS_JABS) label = r.arg * 2;
    else continue;
    if (!labels.includes(label)) labels.push(label);
  }
  return labels;
}

/** dis.findlinestarts: (offset, line) where co_lines() moves to a new, non-None line. */
export function findLinestarts(code: CodeObject): [offset: number, line: number][] {
  const out: [number, number][] = [];
  let last: number | null = null;
  for (const [start, , line] of code.co_lines()) {
    if (line !== null && line !== last) {
      last = line;
      out.push([start, line]);
    }
  }
  return out;
}

/** dis._parse_exception_table: a truncated last entry is dropped, as dis does. */
export function parseExceptionTable(code: CodeObject): DisExceptionEntry[] {
  const table = code.co_exceptiontable;
  let pos = 0;
  const next = (): number | null => (pos < table.length ? table[pos++] : null);
  const varint = (): number | null => {
    let b = next();
    if (b === null) return null;
    let val = b & 63;
    while (b & 64) {
      b = next();
      if (b === null) return null;
      val = val * 64 + (b & 63);
    }
    return val;
  };
  const entries: DisExceptionEntry[] = [];
  for (;;) {
    const start = varint();
    if (start === null) break;
    const length = varint();
    if (length === null) break;
    const target = varint();
    if (target === null) break;
    const dl = varint();
    if (dl === null) break;
    entries.push({
      start: start * 2,
      end: start * 2 + length * 2,
      target: target * 2,
      depth: Math.floor(dl / 2),
      lasti: dl % 2 === 1,
    });
  }
  return entries;
}

const NO_POSITION: Positions = Object.freeze({ lineno: null, end_lineno: null, col_offset: null, end_col_offset: null });

interface Context {
  code: CodeObject;
  bytes: Uint8Array;
  linestarts: Map<number, number> | null;
  lineOffset: number;
  exceptionEntries: readonly DisExceptionEntry[];
  showCaches: boolean;
}

/** dis._get_instructions_bytes. */
function instructionsOf(ctx: Context): Instruction[] {
  const { code, bytes } = ctx;
  const positions = code.co_positions();
  let posIndex = 0;
  const nextPosition = (): Positions => {
    if (posIndex >= positions.length) return NO_POSITION;
    const [lineno, end_lineno, col_offset, end_col_offset] = positions[posIndex++];
    return { lineno, end_lineno, col_offset, end_col_offset };
  };
  const labels = new Set(findLabels(bytes));
  for (const e of ctx.exceptionEntries) if (e.end > e.start) labels.add(e.target);

  const out: Instruction[] = [];
  for (const r of unpackOpargs(bytes)) {
    const { op, arg } = r;
    let offset = r.offset;
    let startsLine: number | null = null;
    if (ctx.linestarts !== null) {
      const line = ctx.linestarts.get(offset);
      if (line !== undefined) startsLine = line + ctx.lineOffset;
    }
    const position = nextPosition();
    const deop = deoptop(op);
    let argval: ArgVal = null;
    let argrepr = "";
    if (arg !== null) {
      argval = arg;
      const flags = OPFLAGS[deop];
      if (flags & HAS_CONST) {
        if (deop === Op.LOAD_CONST) {
          argval = pyIndex(code.co_consts, arg);
          argrepr = pyRepr(argval);
        } else {
          argval = UNKNOWN;
        }
      } else if (flags & HAS_NAME) {
        if (deop === Op.LOAD_GLOBAL) {
          argval = argrepr = pyIndex(code.co_names, Math.floor(arg / 2));
          if (arg & 1 && argrepr) argrepr = "NULL + " + argrepr;
        } else {
          argval = argrepr = pyIndex(code.co_names, arg);
        }
      } else if (flags & HAS_JABS) {
        argval = arg * 2;
        argrepr = "to " + String(argval);
      } else if (flags & HAS_JREL) {
        const backward = isBackwardJump(deop);
        argval = jumpTarget(r, backward);
        argrepr = "to " + jumpTargetRepr(r, backward);
      } else if (flags & (HAS_LOCAL | HAS_FREE)) {
        // code._varname_from_oparg: PyTuple_GetItem, so no negative indexes
        if (arg < 0 || arg >= code.co_localsplusnames.length) throw indexError("tuple");
        argval = argrepr = code.co_localsplusnames[arg];
      } else if (flags & HAS_COMPARE) {
        argval = argrepr = pyIndex(CMP_OP, arg);
      } else if (deop === Op.FORMAT_VALUE) {
        const conv = FORMAT_VALUE_CONVERTERS[arg & 3];
        const hasFormat = (arg & 4) !== 0;
        argval = [conv, hasFormat] as const;
        argrepr = conv ?? "";
        if (hasFormat) {
          if (argrepr) argrepr += ", ";
          argrepr += "with format";
        }
      } else if (deop === Op.MAKE_FUNCTION) {
        argrepr = MAKE_FUNCTION_FLAGS.filter((_, i) => arg & (1 << i)).join(", ");
      } else if (deop === Op.BINARY_OP) {
        argrepr = pyIndex(NB_OPS, arg, "list")[1];
      }
    }
    const ins: Instruction = {
      opname: OPNAME[op],
      opcode: op,
      arg,
      argval,
      argrepr,
      offset,
      starts_line: startsLine,
      is_jump_target: labels.has(offset),
      positions: position,
    };
    if (r.bigArg !== null) exactArgText.set(ins, String(r.bigArg));
    out.push(ins);
    const caches = CACHE_ENTRIES[deop];
    if (!caches) continue;
    if (!ctx.showCaches) {
      for (let i = 0; i < caches; i++) nextPosition();
      continue;
    }
    for (const [name, size] of CACHE_FORMAT[OPNAME[deop]] ?? []) {
      for (let i = 0; i < size; i++) {
        offset += 2;
        let cacheRepr = "";
        if (i === 0 && op !== deop) {
          let value = 0n;
          const end = Math.min(offset + 2 * size, bytes.length);
          for (let k = end - 1; k >= offset; k--) value = (value << 8n) | BigInt(bytes[k]);
          cacheRepr = `${name}: ${value}`;
        }
        out.push({
          opname: "CACHE",
          opcode: Op.CACHE,
          arg: 0,
          argval: null,
          argrepr: cacheRepr,
          offset,
          starts_line: null,
          is_jump_target: false,
          positions: nextPosition(),
        });
      }
    }
  }
  return out;
}

/** dis.get_instructions(code): the instructions of this code object (caches only with showCaches). */
export function getInstructions(code: CodeObject, options: InstructionOptions = {}): Instruction[] {
  const firstLine = options.firstLine ?? null;
  return instructionsOf({
    code,
    bytes: codeArray(code, options.adaptive),
    linestarts: new Map(findLinestarts(code)),
    lineOffset: firstLine !== null ? firstLine - code.co_firstlineno : 0,
    exceptionEntries: options.exceptionTargets ? parseExceptionTable(code) : [],
    showCaches: options.showCaches ?? false,
  });
}

/** Instruction._disassemble: one line of dis output (without the newline). */
function formatInstruction(
  ins: Instruction,
  linenoWidth: number,
  markAsCurrent: boolean,
  offsetWidth: number,
  argText: string | null,
): string {
  const fields: string[] = [];
  if (linenoWidth) {
    if (ins.starts_line !== null) fields.push(String(ins.starts_line).padStart(linenoWidth));
    else fields.push(" ".repeat(linenoWidth));
  }
  fields.push(markAsCurrent ? "-->" : "   ");
  fields.push(ins.is_jump_target ? ">>" : "  ");
  fields.push(String(ins.offset).padStart(offsetWidth));
  fields.push(ins.opname.padEnd(OPNAME_WIDTH));
  if (ins.arg !== null) {
    fields.push((argText ?? String(ins.arg)).padStart(OPARG_WIDTH));
    if (ins.argrepr) fields.push("(" + ins.argrepr + ")");
  }
  return pyRstrip(fields.join(" "));
}

/** str.rstrip(): trailing Python whitespace. */
function pyRstrip(s: string): string {
  let end = s.length;
  while (end > 0 && isPyWhitespace(s.charCodeAt(end - 1))) end--;
  return s.slice(0, end);
}

function isPyWhitespace(c: number): boolean {
  return (
    (c >= 0x09 && c <= 0x0d) ||
    (c >= 0x1c && c <= 0x20) ||
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** Python's len(str(n)) for an int. */
function decimalWidth(n: number): number {
  return String(n).length;
}

/** dis._disassemble_bytes, appending lines to `out`. */
function disassembleInto(out: string[], code: CodeObject, options: DisOptions, lasti = -1): void {
  const bytes = codeArray(code, options.adaptive);
  const starts = findLinestarts(code);
  const linestarts = new Map(starts);
  const exceptionEntries = parseExceptionTable(code);
  let linenoWidth = 0;
  if (linestarts.size > 0) {
    let maxLine = -Infinity;
    for (const line of linestarts.values()) if (line > maxLine) maxLine = line;
    linenoWidth = maxLine >= 1000 ? decimalWidth(maxLine) : 3;
  }
  const maxOffset = bytes.length - 2;
  const offsetWidth = maxOffset >= 10000 ? decimalWidth(maxOffset) : 4;
  for (const ins of instructionsOf({
    code,
    bytes,
    linestarts,
    lineOffset: 0,
    exceptionEntries,
    showCaches: options.showCaches ?? false,
  })) {
    if (linenoWidth && ins.starts_line !== null && ins.offset > 0) out.push("");
    out.push(formatInstruction(ins, linenoWidth, ins.offset === lasti, offsetWidth, exactArgText.get(ins) ?? null));
  }
  if (exceptionEntries.length > 0) {
    out.push("ExceptionTable:");
    for (const e of exceptionEntries) {
      out.push(`  ${e.start} to ${e.end - 2} -> ${e.target} [${e.depth}]${e.lasti ? " lasti" : ""}`);
    }
  }
}

/** dis.disassemble(code): this code object only, no nested ones. `lasti` marks an offset with '-->'. */
export function disassemble(code: CodeObject, options: DisOptions & { lasti?: number } = {}): string {
  const out: string[] = [];
  disassembleInto(out, code, options, options.lasti ?? -1);
  return out.map((l) => l + "\n").join("");
}

/** dis.dis(code): the code object, then (depth permitting) every code object in co_consts, recursively. */
export function dis(code: CodeObject, options: DisOptions = {}): string {
  const out: string[] = [];
  const recurse = (co: CodeObject, depth: number | null): void => {
    disassembleInto(out, co, options);
    if (depth === null || depth > 0) {
      const inner = depth === null ? null : depth - 1;
      for (const c of co.co_consts) {
        if (c instanceof CodeObject) {
          out.push("");
          out.push(`Disassembly of ${pyRepr(c)}:`);
          recurse(c, inner);
        }
      }
    }
  };
  recurse(code, options.depth ?? null);
  return out.map((l) => l + "\n").join("");
}

const COMPILER_FLAG_NAMES: ReadonlyMap<number, string> = new Map([
  [1, "OPTIMIZED"],
  [2, "NEWLOCALS"],
  [4, "VARARGS"],
  [8, "VARKEYWORDS"],
  [16, "NESTED"],
  [32, "GENERATOR"],
  [64, "NOFREE"],
  [128, "COROUTINE"],
  [256, "ITERABLE_COROUTINE"],
  [512, "ASYNC_GENERATOR"],
]);

/** Python's hex() of an int. */
function pyHex(n: bigint): string {
  return n < 0n ? "-0x" + (-n).toString(16) : "0x" + n.toString(16);
}

/** dis.pretty_flags. */
export function prettyFlags(flags: number | bigint): string {
  let f = BigInt(flags);
  const names: string[] = [];
  let broke = false;
  for (let i = 0; i < 32; i++) {
    const flag = 1n << BigInt(i);
    if (f & flag) {
      names.push(COMPILER_FLAG_NAMES.get(Number(flag)) ?? pyHex(flag));
      f ^= flag;
      if (f === 0n) {
        broke = true;
        break;
      }
    }
  }
  if (!broke) names.push(pyHex(f));
  return names.join(", ");
}

/** dis.code_info(code). */
export function codeInfo(code: CodeObject): string {
  const lines: string[] = [];
  lines.push(`Name:              ${code.co_name}`);
  lines.push(`Filename:          ${code.co_filename}`);
  lines.push(`Argument count:    ${code.co_argcount}`);
  lines.push(`Positional-only arguments: ${code.co_posonlyargcount}`);
  lines.push(`Kw-only arguments: ${code.co_kwonlyargcount}`);
  lines.push(`Number of locals:  ${code.co_nlocals}`);
  lines.push(`Stack size:        ${code.co_stacksize}`);
  lines.push(`Flags:             ${prettyFlags(code.co_flags)}`);
  const section = (title: string, items: readonly string[]): void => {
    if (items.length === 0) return;
    lines.push(title);
    items.forEach((item, i) => lines.push(`${String(i).padStart(4)}: ${item}`));
  };
  section("Constants:", code.co_consts.map((c) => pyRepr(c)));
  section("Names:", code.co_names);
  section("Variable names:", code.co_varnames);
  section("Free variables:", code.co_freevars);
  section("Cell variables:", code.co_cellvars);
  return lines.join("\n");
}
