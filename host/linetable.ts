// Placeholder: being written (decodes co_linetable). See the brief in the project notes.
export type LineRange = [start: number, end: number, line: number | null];
export type Position = [line: number | null, endLine: number | null, col: number | null, endCol: number | null];
export function decodeLines(_table: Uint8Array, _firstLine: number, _codeLen: number): LineRange[] {
  throw new Error("not yet implemented");
}
export function decodePositions(_table: Uint8Array, _firstLine: number, _codeLen: number): Position[] {
  throw new Error("not yet implemented");
}
