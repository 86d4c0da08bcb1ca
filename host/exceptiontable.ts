/**
 * CPython 3.11's exception table (co_exceptiontable, Objects/exception_handling_notes.txt): decoding
 * it into the entries dis._parse_exception_table returns, and encoding entries into exactly the
 * bytes 3.11's assembler writes.
 *
 * Entry points: decodeExceptionTable(table), encodeExceptionTable(entries).
 *
 * Each entry is four varints: start, length, target (all in code units) and depth<<1 | lasti. A
 * varint is big-endian 6-bit chunks with 0x40 meaning "more"; the first byte of an entry alone
 * carries 0x80, which is how the interpreter's binary search finds entry starts. Offsets here are in
 * BYTES, as dis shows them: `end` is exclusive (start + length); dis prints `end - 2`.
 *
 * Malformed tables (truncated entries, misplaced 0x80 bits, values past the 30 bits CPython can
 * write) raise ValueError. dis would silently drop a truncated tail instead, but the interpreter
 * could misread such a table, so nothing here accepts one.
 */
import { valueError } from "./errors.js";

export interface ExceptionTableEntry {
  /** Byte offset of the first covered instruction. */
  start: number;
  /** Byte offset just past the last covered instruction (start + length). */
  end: number;
  /** Byte offset of the handler. */
  target: number;
  /** Stack depth to unwind to before pushing the exception. */
  depth: number;
  /** Whether the offset of the raising instruction is pushed too. */
  lasti: boolean;
}

const START_BIT = 0x80;
const MORE = 0x40;
/** The largest value 3.11's writer can emit (it asserts value < 1 << 30): five chunks. */
const MAX_CHUNKS = 5;

export function decodeExceptionTable(table: Uint8Array): ExceptionTableEntry[] {
  const entries: ExceptionTableEntry[] = [];
  let pos = 0;
  const read = (entryStart: boolean): number => {
    let chunks = 0;
    let value = 0;
    for (;;) {
      if (pos >= table.length) throw valueError("malformed exception table: truncated entry");
      const b = table[pos++];
      if ((b & START_BIT) !== 0 !== (entryStart && chunks === 0)) {
        throw valueError(`malformed exception table: misplaced entry-start bit at byte ${pos - 1}`);
      }
      if (++chunks > MAX_CHUNKS) throw valueError("malformed exception table: value too large");
      value = value * 64 + (b & 63);
      if (!(b & MORE)) return value;
    }
  };
  while (pos < table.length) {
    const start = read(true) * 2;
    const length = read(false) * 2;
    const target = read(false) * 2;
    const depthLasti = read(false);
    entries.push({ start, end: start + length, target, depth: Math.floor(depthLasti / 2), lasti: (depthLasti & 1) === 1 });
  }
  return entries;
}

export function encodeExceptionTable(entries: readonly ExceptionTableEntry[]): Uint8Array {
  const out: number[] = [];
  const write = (value: number, what: string, entryStart: boolean) => {
    if (!Number.isInteger(value) || value < 0 || value >= 2 ** 30) {
      throw valueError(`exception table ${what} out of range: ${value}`);
    }
    let flag = entryStart ? START_BIT : 0;
    for (let shift = 24; shift > 0; shift -= 6) {
      if (value >= 2 ** shift) {
        out.push(((value >>> shift) & 63) | MORE | flag);
        flag = 0;
      }
    }
    out.push((value & 63) | flag);
  };
  const units = (bytes: number, what: string): number => {
    if (!Number.isInteger(bytes) || bytes % 2 !== 0) throw valueError(`exception table ${what} must be an even byte offset: ${bytes}`);
    return bytes / 2;
  };
  for (const e of entries) {
    write(units(e.start, "start"), "start", true);
    write(units(e.end - e.start, "length"), "length", false);
    write(units(e.target, "target"), "target", false);
    if (!Number.isInteger(e.depth) || e.depth < 0 || e.depth >= 2 ** 29) throw valueError(`exception table depth out of range: ${e.depth}`);
    write(e.depth * 2 + (e.lasti ? 1 : 0), "depth", false);
  }
  return Uint8Array.from(out);
}
