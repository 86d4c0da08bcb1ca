/**
 * Formats an uncaught exception's traceback as CPython 3.11's PyErr_Display prints it, from the
 * records the VM sends (assembly/traceback.ts): frames with their locations, chain separators, the
 * message line and notes. The host reads the source lines (the VM has no files) and draws the
 * carets, with `~~~^^^~~~` anchors for binary operators and subscripts (caret-anchors.ts).
 */
import { caretAnchors } from "./caret-anchors.js";
import { syntaxErrorLocation } from "./parser/syntax-error-display.js";

export const TB_CHAIN_CAUSE = 0;
export const TB_CHAIN_CONTEXT = 1;
export const TB_START = 2;
export const TB_FRAME = 3;
export const TB_MESSAGE = 4;
export const TB_NOTE = 5;
export const TB_END = 6;
export const TB_MARGIN = 7;
export const TB_RAW = 8;
/** A warning's source line (warnings.formatwarning): s1 filename, a line; "  " + the stripped line. */
export const TB_SOURCE = 9;
/** A SyntaxError's location lines: s1 filename, s2 text; a..d lineno, offset, end_lineno, end_offset (-1: None). */
export const TB_SYNTAX = 10;
/** The same without a text (None). */
export const TB_SYNTAX_NO_TEXT = 11;

/** CPython's TB_RECURSIVE_CUTOFF: identical frames beyond three are summarized. */
const RECURSIVE_CUTOFF = 3;

export interface Frame {
  filename: string;
  name: string;
  line: number;
  endLine: number;
  col: number;
  endCol: number;
}

export type SourceReader = (filename: string) => string | null;

export class TracebackFormatter {
  private out: string[] = [];
  private frames: Frame[] = [];
  private sources = new Map<string, string[] | null>();
  /** Written before each line inside an exception group ("    | "); "" outside. */
  private margin = "";

  constructor(private readSource: SourceReader) {}

  /** One record; returns the finished text at TB_END. */
  record(kind: number, s1: string, s2: string, a: number, b: number, c: number, d: number): string | null {
    switch (kind) {
      case TB_CHAIN_CAUSE:
        this.chain("The above exception was the direct cause of the following exception:\n");
        break;
      case TB_CHAIN_CONTEXT:
        this.chain("During handling of the above exception, another exception occurred:\n");
        break;
      case TB_START:
        // s1: the header's margin ("  + " for a top-level exception group); a = 1: a group.
        this.frames = [];
        this.out.push(s1 + (a === 1 ? "Exception Group Traceback (most recent call last):\n" : "Traceback (most recent call last):\n"));
        break;
      case TB_MARGIN:
        this.margin = s1;
        break;
      case TB_RAW:
        this.flushFrames();
        this.out.push(s1);
        break;
      case TB_SOURCE: {
        this.flushFrames();
        const line = this.sourceLine(s1, a);
        if (line !== null) this.out.push("  " + line.trim() + "\n");
        break;
      }
      case TB_SYNTAX:
      case TB_SYNTAX_NO_TEXT:
        this.flushFrames();
        this.out.push(syntaxErrorLocation(s1, a, kind === TB_SYNTAX ? s2 : null, b, c, d));
        break;
      case TB_FRAME:
        this.frames.push({ filename: s1, name: s2, line: a, endLine: b, col: c, endCol: d });
        break;
      case TB_MESSAGE:
        this.flushFrames();
        this.out.push(this.margin + s1 + "\n");
        break;
      case TB_NOTE:
        // Each line of the note gets the margin (a = 1: a "<note str() failed>" placeholder).
        if (a === 1) this.out.push(s1);
        else for (const line of splitLinesKeepEnds(s1)) this.out.push(this.margin + line);
        this.out.push("\n");
        break;
      case TB_END: {
        const text = this.out.join("");
        this.out = [];
        this.margin = "";
        return text;
      }
    }
    return null;
  }

  /** A chain separator: margin, blank line, margin, message, margin, blank line. */
  private chain(message: string): void {
    this.flushFrames();
    this.out.push(this.margin + "\n" + this.margin + message + this.margin + "\n");
  }

  private flushFrames(): void {
    let last: Frame | null = null;
    let count = 0;
    for (const f of this.frames) {
      if (last && last.filename === f.filename && last.line === f.line && last.name === f.name) {
        count++;
      } else {
        if (count > RECURSIVE_CUTOFF) this.repeated(count - RECURSIVE_CUTOFF);
        last = f;
        count = 1;
      }
      if (count <= RECURSIVE_CUTOFF) this.out.push(this.formatFrame(f));
    }
    if (count > RECURSIVE_CUTOFF) this.repeated(count - RECURSIVE_CUTOFF);
    this.frames = [];
  }

  private repeated(n: number): void {
    this.out.push(`${this.margin}  [Previous line repeated ${n} more time${n > 1 ? "s" : ""}]\n`);
  }

  private sourceLine(filename: string, line: number): string | null {
    let lines = this.sources.get(filename);
    if (lines === undefined) {
      const text = this.readSource(filename);
      lines = text === null ? null : text.split(/\r?\n/);
      this.sources.set(filename, lines);
    }
    if (!lines || line < 1 || line > lines.length) return null;
    return lines[line - 1];
  }

  private formatFrame(f: Frame): string {
    const m = this.margin;
    let s = `${m}  File "${f.filename}", line ${f.line < 0 ? "None" : f.line}, in ${f.name}\n`;
    const line = f.line < 0 ? null : this.sourceLine(f.filename, f.line);
    if (line === null) return s;
    const stripped = line.trim();
    if (stripped === "") return s;
    s += `${m}    ${stripped}\n`;
    if (f.col < 0 || f.endCol < 0 || f.endLine < 0) return s;
    const truncation = line.length - line.trimStart().length;
    const start = byteToCharOffset(line, f.col);
    let end = byteToCharOffset(line, f.endCol);
    let anchors: { leftEnd: number; rightStart: number } | null = null;
    if (f.line === f.endLine) {
      anchors = caretAnchors(line.slice(start, end));
    } else {
      // A multi-line expression: highlight to the last non-blank character of the first line.
      end = line.trimEnd().length;
    }
    const strippedLen = line.trimEnd().length - truncation;
    if (end - start >= strippedLen && !anchors) return s;
    let carets = m + " ".repeat(4 + start - truncation);
    if (anchors) {
      carets += "~".repeat(anchors.leftEnd);
      carets += "^".repeat(anchors.rightStart - anchors.leftEnd);
      carets += "~".repeat(end - start - anchors.rightStart);
    } else {
      carets += "^".repeat(end - start);
    }
    return s + carets + "\n";
  }
}

/** str.splitlines(keepends=True): lines with their end (\n, \r\n, \r, \v, \f, \x1c-\x1e, \x85, \u2028, \u2029). */
function splitLinesKeepEnds(s: string): string[] {
  const lines = s.match(/[^\n\r\v\f\x1c-\x1e\x85\u2028\u2029]*(?:\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029])|[^\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+$/g);
  return lines ?? [];
}

/** A UTF-8 byte offset into `line` as a character (UTF-16 code unit) offset. */
function byteToCharOffset(line: string, byteOffset: number): number {
  let bytes = 0;
  let i = 0;
  while (i < line.length && bytes < byteOffset) {
    const c = line.codePointAt(i)!;
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    i += c >= 0x10000 ? 2 : 1;
  }
  return i;
}
