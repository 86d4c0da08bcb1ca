/**
 * CPython 3.11's location table (co_linetable, the format of Objects/locations.md): decoding it the
 * way 3.11's code.co_lines() / code.co_positions() / PyCode_Addr2Line read it, and encoding it
 * byte-for-byte the way 3.11's assembler writes it.
 *
 * Entry points:
 *   decodeLines(table, firstLine, codeLen)      -> [start, end, line|null][]   (bytes, as co_lines())
 *   decodePositions(table, firstLine, codeLen)  -> [line, endLine, col, endCol][] per code unit
 *   addressToLine(table, firstLine, byteOffset) -> line | null                 (as PyCode_Addr2Line)
 *   encodeLocations(entries, firstLine)         -> Uint8Array                  (as the 3.11 assembler)
 *
 * Each entry starts with a byte 1cccclll: c is the form, l the length in code units minus one.
 *   c 0-9    short form: same line; one byte 0xxxyyyy gives col = c<<3 | xxx, endCol = col + yyyy
 *   c 10-12  one-line form: line += c-10; two bytes col, endCol
 *   c 13     no columns: line += svarint
 *   c 14     long form: line += svarint, endLine = line + varint, col = varint-1, endCol = varint-1
 *   c 15     no location
 * varints are little-endian 6-bit chunks with 0x40 as "more"; svarints keep the sign in bit 0.
 *
 * The decoders mirror CPython on purpose, including on malformed tables (which they never reject):
 * both walks are driven by the table alone, so the code length does not bound them (co_lines() on a
 * table longer than co_code runs past it, as CPython's does); co_lines() finds the next entry by the
 * 0x80 bit while co_positions() reads byte by byte; a line < 0 is None in co_lines() but only -1 is
 * None in co_positions(). Bytes past the end read as 0, which is what CPython sees for the first one
 * (the NUL that ends every bytes object); beyond that CPython reads undefined memory. Arithmetic
 * wraps to 32 bits like C's int. Every step consumes at least one byte, so no table loops forever.
 */
import { valueError } from "./errors.js";

export type LineRange = [start: number, end: number, line: number | null];
export type Position = [line: number | null, endLine: number | null, col: number | null, endCol: number | null];

/** One run of code units sharing a location, as the assembler sees an instruction. null = none (-1). */
export interface LocationEntry {
  /** In code units (2 bytes each); entries longer than 8 units are split as CPython splits them. */
  length: number;
  line: number | null;
  endLine: number | null;
  col: number | null;
  endCol: number | null;
}

const NONE = 15;
const LONG = 14;
const NO_COLUMNS = 13;
const ONE_LINE0 = 10;

const byteAt = (t: Uint8Array, i: number): number => (i < t.length ? t[i] : 0);

/** An unsigned varint at `pos` as C's unsigned int; returns [value, next position]. */
function varintAt(t: Uint8Array, pos: number): [number, number] {
  let read = byteAt(t, pos++);
  let val = read & 63;
  let shift = 0;
  while (read & 64) {
    read = byteAt(t, pos++);
    shift += 6;
    // JS shifts by (shift mod 32), as x86 does for C's (undefined) oversized shifts.
    val = (val | ((read & 63) << shift)) >>> 0;
  }
  return [val >>> 0, pos];
}

function signedVarintAt(t: Uint8Array, pos: number): [number, number] {
  const [u, next] = varintAt(t, pos);
  return [u & 1 ? -(u >>> 1) : u >>> 1, next];
}

/**
 * The entries as co_lines() and PyCode_Addr2Line walk them: the header byte alone gives length and
 * line delta, and the next entry is the next byte with the 0x80 bit. `line` is C's int (-1 = none).
 */
function walkLines(table: Uint8Array, firstLine: number, visit: (start: number, end: number, line: number) => boolean): void {
  let computed = firstLine | 0;
  let end = 0;
  let pos = 0;
  while (pos < table.length) {
    const b = table[pos];
    const code = (b >> 3) & 15;
    if (code === NO_COLUMNS || code === LONG) computed = (computed + signedVarintAt(table, pos + 1)[0]) | 0;
    else if (code >= ONE_LINE0 && code < NO_COLUMNS) computed = (computed + code - ONE_LINE0) | 0;
    const line = b >> 3 === 0x1f ? -1 : computed;
    const start = end;
    end += ((b & 7) + 1) * 2;
    do pos++;
    while (pos < table.length && (table[pos] & 128) === 0);
    if (!visit(start, end, line)) return;
  }
}

/** What 3.11's code.co_lines() yields: one range per entry (3.11 merges nothing), in bytes. */
export function decodeLines(table: Uint8Array, firstLine: number, _codeLen: number): LineRange[] {
  const out: LineRange[] = [];
  walkLines(table, firstLine, (start, end, line) => {
    out.push([start, end, line < 0 ? null : line]);
    return true;
  });
  return out;
}

/** The line of the instruction at `byteOffset`, as PyCode_Addr2Line gives it to tracebacks. */
export function addressToLine(table: Uint8Array, firstLine: number, byteOffset: number): number | null {
  if (byteOffset < 0) return firstLine;
  let found = -1;
  walkLines(table, firstLine, (start, end, line) => {
    if (byteOffset >= start && byteOffset < end) {
      found = line;
      return false;
    }
    return true;
  });
  return found < 0 ? null : found;
}

/** What 3.11's code.co_positions() yields: one tuple per code unit the table covers. */
export function decodePositions(table: Uint8Array, firstLine: number, _codeLen: number): Position[] {
  const out: Position[] = [];
  const conv = (v: number): number | null => (v === -1 ? null : v);
  let computed = firstLine | 0;
  let pos = 0;
  while (pos < table.length) {
    const first = table[pos++];
    const code = (first >> 3) & 15;
    let line: number, endLine: number, col: number, endCol: number;
    if (code === NONE) {
      line = endLine = col = endCol = -1;
    } else if (code === LONG) {
      let v: number;
      [v, pos] = signedVarintAt(table, pos);
      line = computed = (computed + v) | 0;
      [v, pos] = varintAt(table, pos);
      endLine = (line + v) | 0;
      [v, pos] = varintAt(table, pos);
      col = (v - 1) | 0;
      [v, pos] = varintAt(table, pos);
      endCol = (v - 1) | 0;
    } else if (code === NO_COLUMNS) {
      let v: number;
      [v, pos] = signedVarintAt(table, pos);
      line = endLine = computed = (computed + v) | 0;
      col = endCol = -1;
    } else if (code >= ONE_LINE0) {
      line = endLine = computed = (computed + code - ONE_LINE0) | 0;
      col = byteAt(table, pos++);
      endCol = byteAt(table, pos++);
    } else {
      const second = byteAt(table, pos++);
      line = endLine = computed;
      col = (code << 3) | (second >> 4);
      endCol = col + (second & 15);
    }
    const p: Position = [conv(line), conv(endLine), conv(col), conv(endCol)];
    for (let n = (first & 7) + 1; n > 0; n--) out.push(p.slice() as Position);
  }
  return out;
}

/**
 * The location table 3.11's assembler writes for these entries (one per instruction, in order),
 * starting from co_firstlineno. The form chosen for each piece follows write_location_info_entry.
 */
export function encodeLocations(entries: readonly LocationEntry[], firstLine: number): Uint8Array {
  const out: number[] = [];
  let prevLine = firstLine | 0;
  const header = (code: number, units: number) => out.push(0x80 | (code << 3) | (units - 1));
  const varint = (value: number) => {
    let v = value >>> 0; // C passes an unsigned int: a negative value wraps
    while (v >= 64) {
      out.push(64 | (v & 63));
      v >>>= 6;
    }
    out.push(v);
  };
  const signedVarint = (value: number) => varint(value < 0 ? ((-value << 1) | 1) >>> 0 : value << 1);

  const emit = (e: LocationEntry, units: number) => {
    const line = e.line ?? -1;
    if (line < 0) return header(NONE, units);
    const endLine = e.endLine ?? -1;
    const col = e.col ?? -1;
    const endCol = e.endCol ?? -1;
    const lineDelta = (line - prevLine) | 0;
    if (col < 0 || endCol < 0) {
      // An unknown end line with a known line never comes out of compile() (AST validation rejects
      // it), so only the assembler's source vouches for the `endLine === -1` half of this test.
      if (endLine === line || endLine === -1) {
        header(NO_COLUMNS, units);
        signedVarint(lineDelta);
        prevLine = line;
        return;
      }
    } else if (endLine === line) {
      if (lineDelta === 0 && col < 80 && endCol - col < 16 && endCol >= col) {
        header(col >> 3, units);
        out.push(((col & 7) << 4) | (endCol - col));
        return;
      }
      if (lineDelta >= 0 && lineDelta < 3 && col < 128 && endCol < 128) {
        header(ONE_LINE0 + lineDelta, units);
        out.push(col, endCol);
        prevLine = line;
        return;
      }
    }
    header(LONG, units);
    signedVarint(lineDelta);
    varint(endLine - line);
    varint(col + 1);
    varint(endCol + 1);
    prevLine = line;
  };

  for (const e of entries) {
    if (!Number.isInteger(e.length) || e.length < 0) throw valueError(`location entry length must be a non-negative integer, not ${e.length}`);
    let units = e.length;
    // 3.11 never sees an empty instruction; writing nothing for one keeps the table well formed.
    for (; units > 8; units -= 8) emit(e, 8);
    if (units > 0) emit(e, units);
  }
  return Uint8Array.from(out);
}
