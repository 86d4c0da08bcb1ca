/**
 * Python exceptions raised by host code (marshal, code objects, dis, later the compiler and TS VM).
 * A PyError carries the Python exception type name, so callers and tests can check `err.pyType`
 * exactly as they would check `except ValueError` in Python, and `String(err)` reads like
 * CPython's last traceback line ("ValueError: bad marshal data (unknown type code)").
 */
export class PyError extends Error {
  constructor(
    readonly pyType: string,
    readonly pyMessage: string,
  ) {
    super(pyMessage === "" ? pyType : `${pyType}: ${pyMessage}`);
    this.name = pyType;
  }
  override toString(): string {
    return this.message;
  }
}

export const valueError = (msg: string) => new PyError("ValueError", msg);
export const typeError = (msg: string) => new PyError("TypeError", msg);
export const eofError = (msg: string) => new PyError("EOFError", msg);
export const importError = (msg: string) => new PyError("ImportError", msg);
