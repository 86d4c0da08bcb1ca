/**
 * A SyntaxError as `python3.11 FILE.py` prints it when the file does not compile (PyErr_Display's
 * syntax-error branch in Python/pythonrun.c, 3.11):
 *
 *     File "FILE", line N
 *       <the line, leading blanks stripped>
 *           ^^^^
 *   SyntaxError: message
 *
 * The rules, as 3.11 has them: only an exact SyntaxError uses end_lineno/end_offset (its subclasses,
 * IndentationError and TabError, get one caret); an error spanning lines highlights to the end of
 * the first; carets are capped at the line's size + 1. The caret line is computed on the line's
 * UTF-8 bytes with the character offsets CPython stores (a 3.11 quirk kept on purpose: on lines
 * with non-ASCII text before the error the caret lands where CPython's does, not under the
 * character).
 */
import type { PySyntaxError } from "./syntax-error.js";

const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder();

export function formatSyntaxError(err: PySyntaxError): string {
  // no location (lineno None, e.g. null bytes): CPython prints only the exception line
  if (err.lineno === null) return `${err.pyType}: ${err.pyMessage}\n`;
  // Only an exact SyntaxError uses end_lineno/end_offset (parse_syntax_error).
  const exact = err.pyType === "SyntaxError";
  const endLineno = exact ? err.endLineno ?? err.lineno : err.lineno;
  const endOffset = exact && err.endOffset !== null && err.endOffset !== undefined ? err.endOffset : -1;
  const offset = err.offset !== null && err.offset > 0 ? err.offset : -1;
  return syntaxErrorLocation(err.filename || "<string>", err.lineno, err.text, offset, endLineno, endOffset) + `${err.pyType}: ${err.pyMessage}\n`;
}

/**
 * The lines print_exception writes before a SyntaxError's message: `  File "F", line N`, then the
 * text and its carets when there is a text. Offsets are 1-based, -1 for None; end values as
 * parse_syntax_error leaves them (a subclass: end_lineno = lineno, end_offset = -1).
 */
export function syntaxErrorLocation(filename: string, lineno: number, text: string | null, offset: number, endLineno: number, endOffset: number): string {
  let out = `  File "${filename}", line ${lineno}\n`;
  if (text === null) return out;
  const bytes = utf8.encode(text);
  // An error spanning lines highlights to the end of the first; carets stop at the line's end + 1.
  if (endLineno > lineno) endOffset = bytes.length;
  if (endOffset > bytes.length + 1) endOffset = bytes.length + 1;
  return out + errorText(bytes, offset, endOffset);
}

/** The source line and the caret line (print_error_text). Offsets are 1-based; -1 = none. */
function errorText(bytes: Uint8Array, offset: number, endOffset: number): string {
  const carets = endOffset > 0 && endOffset > offset ? endOffset - offset : 1;
  let start = 0;
  let off = offset - 1;
  while (start < bytes.length && (bytes[start] === 0x20 || bytes[start] === 0x09 || bytes[start] === 0x0c)) {
    start++;
    off--;
  }
  let len = bytes.length - start;
  if (len > 0 && bytes[start + len - 1] === 0x0a) len--;
  if (off > len) off = len;
  // a text holding several lines: show the one the offset falls in
  for (;;) {
    const nl = bytes.indexOf(0x0a, start);
    if (nl < 0 || nl >= bytes.length) break;
    const inl = nl - start;
    if (inl >= off) break;
    start += inl + 1;
    len -= inl + 1;
    off -= inl + 1;
  }
  const rest = bytes.subarray(start);
  let out = "    " + utf8Decoder.decode(rest);
  if (rest[len] !== 0x0a) out += "\n";
  if (off < 0) return out;
  return out + "    " + " ".repeat(off) + "^".repeat(carets) + "\n";
}
