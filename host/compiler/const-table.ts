/**
 * A code object's constants (co_consts) as the compiler collects them: one entry per distinct
 * constant *key*, as _PyCode_ConstantKey distinguishes them (1, 1.0 and True are three constants,
 * 0.0 and -0.0 two; tuples and frozensets by their items' keys), in first-use order.
 */
import { PyComplex, PyFrozenSet, SurrogateStr, Ellipsis, strCodePoints, type PyObject } from "../objects.js";
import { CodeObject } from "../code.js";

const codeIds = new WeakMap<object, number>();
let nextCodeId = 0;

function floatKey(x: number): string {
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  return buf.getBigUint64(0).toString(16);
}

/** A string that two constants share exactly when CPython treats them as the same constant. */
export function constKey(v: PyObject): string {
  if (v === null) return "N";
  if (v === true) return "T";
  if (v === false) return "F";
  if (typeof v === "bigint") return "i" + v.toString();
  if (typeof v === "number") return "f" + floatKey(v);
  if (typeof v === "string") return "s" + v;
  if (v instanceof SurrogateStr) return "s" + String.fromCodePoint(...strCodePoints(v).map((c) => (c >= 0xd800 && c < 0xe000 ? 0xfffd : c))) + "\u0000" + strCodePoints(v).join(",");
  if (v === Ellipsis) return "E";
  if (v instanceof Uint8Array) return "b" + Buffer.from(v).toString("hex");
  if (v instanceof PyComplex) return "c" + floatKey(v.real) + "," + floatKey(v.imag);
  if (Array.isArray(v)) return "(" + v.map(constKey).join("|") + ")";
  if (v instanceof PyFrozenSet) return "{" + v.items.map(constKey).sort().join("|") + "}";
  if (v instanceof CodeObject) return codeKey(v);
  if (typeof v === "object") {
    let id = codeIds.get(v as object);
    if (id === undefined) codeIds.set(v as object, (id = nextCodeId++));
    return "@" + id;
  }
  throw new Error(`not a constant: ${String(v)}`);
}

/**
 * A code object is its own constant key in CPython, compared with code equality (code_richcompare:
 * not co_filename, co_qualname or co_stacksize), so two equal code objects share one slot.
 */
const codeKeys = new WeakMap<CodeObject, string>();
function codeKey(c: CodeObject): string {
  let k = codeKeys.get(c);
  if (k === undefined) codeKeys.set(c, (k = computeCodeKey(c)));
  return k;
}
function computeCodeKey(c: CodeObject): string {
  const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");
  return (
    "@" +
    [c.co_name, c.co_argcount, c.co_posonlyargcount, c.co_kwonlyargcount, c.co_flags, c.co_firstlineno, hex(c.co_code), c.co_consts.map(constKey).join("|"), c.co_names.join(","), c.co_localsplusnames.join(","), hex(c.co_linetable), hex(c.co_exceptiontable)].join(";") +
    "@"
  );
}

/** Python truth of a constant (PyObject_IsTrue). */
export function constTruthy(v: PyObject): boolean {
  if (v === null || v === false) return false;
  if (v === true) return true;
  if (typeof v === "bigint") return v !== 0n;
  if (typeof v === "number") return v !== 0;
  if (typeof v === "string") return v.length > 0;
  if (v instanceof SurrogateStr) return strCodePoints(v).length > 0;
  if (v instanceof Uint8Array) return v.length > 0;
  if (v instanceof PyComplex) return v.real !== 0 || v.imag !== 0;
  if (Array.isArray(v)) return v.length > 0;
  if (v instanceof PyFrozenSet) return v.items.length > 0;
  return true;
}

export class ConstTable {
  private values: PyObject[] = [];
  private index = new Map<string, number>();

  /** The index of `v`, added at the end if it is new. */
  indexOf(v: PyObject): number {
    const k = constKey(v);
    let i = this.index.get(k);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(v);
      this.index.set(k, i);
    }
    return i;
  }

  get(i: number): PyObject {
    return this.values[i];
  }

  truthy(i: number): boolean {
    return constTruthy(this.values[i]);
  }

  get length(): number {
    return this.values.length;
  }

  truncate(n: number): void {
    if (n >= this.values.length) return;
    for (const v of this.values.slice(n)) this.index.delete(constKey(v));
    this.values.length = n;
  }

  list(): PyObject[] {
    return this.values.slice();
  }
}
