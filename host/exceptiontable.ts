// Placeholder: being written (decodes/encodes co_exceptiontable).
export interface ExceptionTableEntry {
  start: number;
  end: number;
  target: number;
  depth: number;
  lasti: boolean;
}
export function decodeExceptionTable(_table: Uint8Array): ExceptionTableEntry[] {
  throw new Error("not yet implemented");
}
export function encodeExceptionTable(_entries: readonly ExceptionTableEntry[]): Uint8Array {
  throw new Error("not yet implemented");
}
