/**
 * marshal: CPython 3.11's marshal format for the host value model (objects.ts), versions 0-4
 * (4, the default, is what .pyc files hold).
 *
 * Entry points:
 *   loads(data, options?)            the first object in `data`; trailing bytes are ignored, as
 *                                    CPython's marshal.loads ignores them
 *   loadsWithLength(data, options?)  the same, plus how many bytes that object took (pyc.ts uses it)
 *   dumps(value, version = 4)        bytes that CPython 3.11's marshal.loads reads back as an equal object
 *
 * loads gives what CPython's marshal.loads gives: duplicate set elements and dict keys collapse by
 * Python equality (1 == 1.0 == True), unhashable ones raise TypeError, set items come in CPython's
 * iteration order (setorder.ts), and co_code is "deoptimized" as CPython exposes it. Bad input raises PyError with the type and message CPython 3.11
 * gives for it ("EOFError: marshal data too short", "ValueError: bad marshal data (unknown type
 * code)", the code-object checks of _PyCode_Validate, UnicodeDecodeError for bad UTF-8, ...). Reading
 * never recurses deeper than MAX_MARSHAL_STACK_DEPTH, checks every declared size against the bytes
 * left before allocating, and turns any unexpected JS failure into a PyError.
 *
 * dumps writes what CPython writes, except for reference flags: CPython flags every object whose
 * reference count is above 1, which the host cannot know; here a value is flagged and referenced
 * when it occurs more than once (see Writer), which loads back equal and comes out a little smaller.
 *
 * Only format facts come from CPython's Python/marshal.c; the code is written from scratch.
 */
import { CodeObject, CO_FAST_LOCAL, CO_VARARGS, CO_VARKEYWORDS } from "./code.js";
import { PyError, eofError, typeError, valueError } from "./errors.js";
import { CACHE_ENTRIES, DEOPT, OPNAME } from "./opcodes.generated.js";
import { setIterationOrder } from "./setorder.js";
import {
  Ellipsis,
  PyComplex,
  PyDict,
  PyFrozenSet,
  PyList,
  PySet,
  StopIteration,
  SurrogateStr,
  strFromCodePoints,
  type PyObject,
} from "./objects.js";

/** The format version CPython 3.11 writes by default (marshal.version). */
export const MARSHAL_VERSION = 4;
/** Nesting limit for reading and writing (MAX_MARSHAL_STACK_DEPTH on non-Windows builds). */
export const MAX_MARSHAL_STACK_DEPTH = 2000;

// Type codes (one byte; bit 0x80 is FLAG_REF: "remember this object for a later TYPE_REF").
const T_NULL = 0x30; // '0'
const T_NONE = 0x4e; // 'N'
const T_FALSE = 0x46; // 'F'
const T_TRUE = 0x54; // 'T'
const T_STOPITER = 0x53; // 'S'
const T_ELLIPSIS = 0x2e; // '.'
const T_INT = 0x69; // 'i'
const T_INT64 = 0x49; // 'I' (read only; no longer written)
const T_FLOAT = 0x66; // 'f'
const T_BINARY_FLOAT = 0x67; // 'g'
const T_COMPLEX = 0x78; // 'x'
const T_BINARY_COMPLEX = 0x79; // 'y'
const T_LONG = 0x6c; // 'l'
const T_STRING = 0x73; // 's' (bytes)
const T_INTERNED = 0x74; // 't'
const T_REF = 0x72; // 'r'
const T_TUPLE = 0x28; // '('
const T_LIST = 0x5b; // '['
const T_DICT = 0x7b; // '{'
const T_CODE = 0x63; // 'c'
const T_UNICODE = 0x75; // 'u'
const T_SET = 0x3c; // '<'
const T_FROZENSET = 0x3e; // '>'
const T_ASCII = 0x61; // 'a'
const T_ASCII_INTERNED = 0x41; // 'A'
const T_SMALL_TUPLE = 0x29; // ')'
const T_SHORT_ASCII = 0x7a; // 'z'
const T_SHORT_ASCII_INTERNED = 0x5a; // 'Z'
const FLAG_REF = 0x80;

/** What _PyCode_Validate's PyErr_BadInternalCall() says in the python3.11 this project targets. */
const CODE_BAD_ARGUMENT = "Objects/codeobject.c:250: bad argument to internal function";

export interface LoadOptions {
  /** Where the object starts in `data` (default 0). */
  offset?: number;
  /**
   * Return bytes objects as views into `data` itself. By default they are views into one private
   * copy of `data` made per call (one copy instead of one allocation per bytes object, which is
   * markedly faster); with shareBytes no copy is made, and the caller must never modify `data`.
   * Either way a bytes object's byteOffset is usually not 0.
   */
  shareBytes?: boolean;
}

export interface LoadResult {
  value: PyObject;
  /** Bytes the object took, counted from `offset`. */
  length: number;
}

/** marshal.loads: the first object in `data`. */
export function loads(data: Uint8Array, options?: LoadOptions): PyObject {
  return loadsWithLength(data, options).value;
}

/** marshal.loads, also telling how many bytes the object used, so callers can see trailing data. */
export function loadsWithLength(data: Uint8Array, options: LoadOptions = {}): LoadResult {
  const start = options.offset ?? 0;
  if (!Number.isInteger(start) || start < 0 || start > data.length) {
    throw valueError(`offset ${start} out of range for ${data.length} bytes`);
  }
  // new Uint8Array(view) always copies (a Buffer's slice() would not).
  const r = new Reader(options.shareBytes === true ? data.subarray(start) : new Uint8Array(data.subarray(start)));
  const value = guard(() => r.readObject());
  if (value === undefined) throw typeError("NULL object in marshal data for object");
  return { value, length: r.pos };
}

/** marshal.dumps(value, version). */
export function dumps(value: PyObject, version = MARSHAL_VERSION): Uint8Array {
  if (!Number.isInteger(version)) throw typeError("'float' object cannot be interpreted as an integer");
  return guard(() => {
    const w = new Writer(version);
    try {
      w.writeObject(value);
    } catch (e) {
      // The error the former two-pass dumps gave first (see checkAsCountingPass).
      if (version >= 3) checkAsCountingPass(value);
      throw e;
    }
    if (w.sawNestedSet) checkAsCountingPass(value);
    return w.result();
  });
}

/** Runs `f`, turning anything that is not a PyError (e.g. a JS stack overflow) into one. */
function guard<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof PyError) throw e;
    if (e instanceof RangeError && /call stack/i.test(e.message)) {
      throw new PyError("RecursionError", "maximum recursion depth exceeded");
    }
    throw new PyError("SystemError", `marshal: internal error: ${e instanceof Error ? e.message : String(e)}`);
  }
}

// ---------------------------------------------------------------------------------------------------
// Reading

// Code objects are full of small int constants; sharing their bigints saves an allocation each.
const SMALL_INT_MIN = -256;
const SMALL_INT_MAX = 1024;
const SMALL_INTS = Array.from({ length: SMALL_INT_MAX - SMALL_INT_MIN + 1 }, (_, i) => BigInt(i + SMALL_INT_MIN));

/** `undefined` is marshal's NULL (TYPE_NULL: "no object", the dict terminator); None is `null`. */
type Slot = PyObject | undefined;

const utf8Strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const utf8Replace = new TextDecoder("utf-8", { ignoreBOM: true });

class Reader {
  readonly dv: DataView;
  /** Objects kept for TYPE_REF; `undefined` marks a slot reserved by an object still being read. */
  readonly refs: Slot[] = [];
  depth = 0;

  pos = 0;

  /** `b` is only read; bytes objects are returned as views into it. */
  constructor(readonly b: Uint8Array) {
    this.dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  }

  private need(n: number): void {
    if (this.b.length - this.pos < n) throw eofError("marshal data too short");
  }

  private int32(): number {
    this.need(4);
    const v = this.dv.getInt32(this.pos, true);
    this.pos += 4;
    return v;
  }

  /** A one-byte size (short strings, small tuples, text floats). */
  private sizeByte(): number {
    if (this.pos >= this.b.length) throw eofError("EOF read where not expected");
    return this.b[this.pos++];
  }

  private float64(): number {
    this.need(8);
    const v = this.dv.getFloat64(this.pos, true);
    this.pos += 8;
    return v;
  }

  readObject(): Slot {
    if (this.pos >= this.b.length) throw eofError("EOF read where object expected");
    const code = this.b[this.pos++];
    if (++this.depth > MAX_MARSHAL_STACK_DEPTH) throw valueError("recursion limit exceeded");
    const flag = (code & FLAG_REF) !== 0;
    let v: Slot;
    switch (code & ~FLAG_REF) {
      case T_NULL:
        v = undefined;
        break;
      case T_NONE:
        v = null;
        break;
      case T_STOPITER:
        v = StopIteration;
        break;
      case T_ELLIPSIS:
        v = Ellipsis;
        break;
      case T_FALSE:
        v = false;
        break;
      case T_TRUE:
        v = true;
        break;
      case T_INT: {
        const n = this.int32();
        v = n >= SMALL_INT_MIN && n <= SMALL_INT_MAX ? SMALL_INTS[n - SMALL_INT_MIN] : BigInt(n);
        if (flag) this.refs.push(v);
        break;
      }
      case T_INT64:
        this.need(8);
        v = this.dv.getBigInt64(this.pos, true);
        this.pos += 8;
        if (flag) this.refs.push(v);
        break;
      case T_LONG:
        v = this.long();
        if (flag) this.refs.push(v);
        break;
      case T_FLOAT:
        v = this.floatText();
        if (flag) this.refs.push(v);
        break;
      case T_BINARY_FLOAT:
        v = this.float64();
        if (flag) this.refs.push(v);
        break;
      case T_COMPLEX: {
        const re = this.floatText();
        v = new PyComplex(re, this.floatText());
        if (flag) this.refs.push(v);
        break;
      }
      case T_BINARY_COMPLEX: {
        const re = this.float64();
        v = new PyComplex(re, this.float64());
        if (flag) this.refs.push(v);
        break;
      }
      case T_STRING: {
        const n = this.int32();
        if (n < 0) throw valueError("bad marshal data (bytes object size out of range)");
        this.need(n);
        const end = this.pos + n;
        v = this.b.subarray(this.pos, end);
        this.pos = end;
        if (flag) this.refs.push(v);
        break;
      }
      case T_ASCII:
      case T_ASCII_INTERNED: {
        const n = this.int32();
        if (n < 0) throw valueError("bad marshal data (string size out of range)");
        v = this.latin1(n);
        if (flag) this.refs.push(v);
        break;
      }
      case T_SHORT_ASCII:
      case T_SHORT_ASCII_INTERNED:
        v = this.latin1(this.sizeByte());
        if (flag) this.refs.push(v);
        break;
      case T_UNICODE:
      case T_INTERNED: {
        const n = this.int32();
        if (n < 0) throw valueError("bad marshal data (string size out of range)");
        this.need(n);
        v = n === 0 ? "" : decodeUtf8(this.b, this.pos, this.pos + n);
        this.pos += n;
        if (flag) this.refs.push(v);
        break;
      }
      case T_SMALL_TUPLE:
        v = this.sequence(this.sizeByte(), flag, "tuple");
        break;
      case T_TUPLE: {
        const n = this.int32();
        if (n < 0) throw valueError("bad marshal data (tuple size out of range)");
        v = this.sequence(n, flag, "tuple");
        break;
      }
      case T_LIST: {
        const n = this.int32();
        if (n < 0) throw valueError("bad marshal data (list size out of range)");
        v = this.sequence(n, flag, "list");
        break;
      }
      case T_DICT:
        v = this.dict(flag);
        break;
      case T_SET:
      case T_FROZENSET: {
        const n = this.int32();
        if (n < 0) throw valueError("bad marshal data (set size out of range)");
        v = this.set(n, flag, (code & ~FLAG_REF) === T_FROZENSET);
        break;
      }
      case T_CODE:
        v = this.code(flag);
        break;
      case T_REF: {
        const n = this.int32();
        if (n < 0 || n >= this.refs.length || this.refs[n] === undefined) {
          throw valueError("bad marshal data (invalid reference)");
        }
        v = this.refs[n];
        break;
      }
      default:
        throw valueError("bad marshal data (unknown type code)");
    }
    this.depth--;
    return v;
  }

  /** TYPE_LONG: a signed count of 15-bit digits, least significant first. */
  private long(): bigint {
    const n = this.int32();
    if (n === 0) return 0n;
    if (n === -0x80000000) throw valueError("bad marshal data (long size out of range)");
    const count = Math.abs(n);
    // Digits are read one at a time (never preallocated from the declared count), so a huge count
    // in short data fails on the bytes actually there, in the order CPython checks them.
    const digits: number[] = [];
    for (let i = 0; i < count; i++) {
      this.need(2);
      const d = this.b[this.pos] | (this.b[this.pos + 1] << 8);
      this.pos += 2;
      if (d & 0x8000) throw valueError("bad marshal data (digit out of range in long)");
      if (d === 0 && i === count - 1) throw valueError("bad marshal data (unnormalized long data)");
      digits.push(d);
    }
    const mag = digitsToBigInt(digits);
    return n < 0 ? -mag : mag;
  }

  /** TYPE_FLOAT / TYPE_COMPLEX parts: a one-byte length and the repr text. */
  private floatText(): number {
    const n = this.sizeByte();
    this.need(n);
    const start = this.pos;
    this.pos += n;
    // CPython copies into a C string, so parsing stops at an embedded NUL.
    let end = start;
    while (end < start + n && this.b[end] !== 0) end++;
    return parseFloatText(this.b.subarray(start, end));
  }

  /** TYPE_ASCII*: bytes taken as Latin-1 (CPython builds a 1-byte-kind str; it does not check < 128). */
  private latin1(n: number): string {
    this.need(n);
    const b = this.b;
    const start = this.pos;
    this.pos += n;
    if (n < 16) {
      let s = "";
      for (let i = start; i < start + n; i++) s += String.fromCharCode(b[i]);
      return s;
    }
    return latin1Slice(b, start, start + n);
  }

  private sequence(n: number, flag: boolean, kind: "tuple" | "list"): PyObject[] | PyList {
    // n is untrusted: preallocate only when the data could hold that many items (each takes at
    // least one byte); otherwise grow as items actually arrive.
    const items: PyObject[] = n <= this.b.length - this.pos ? new Array<PyObject>(n) : [];
    const v = kind === "tuple" ? items : new PyList(items);
    if (flag) this.refs.push(v); // before the items: a tuple or list may contain itself
    for (let i = 0; i < n; i++) {
      const item = this.readObject();
      if (item === undefined) throw typeError(`NULL object in marshal data for ${kind}`);
      items[i] = item;
    }
    return v;
  }

  private dict(flag: boolean): PyDict {
    const d = new PyDict();
    if (flag) this.refs.push(d);
    const index = new Map<string, number>();
    for (;;) {
      // A NULL key or value ends the dict (the writer puts one NULL after the last pair).
      const key = this.readObject();
      if (key === undefined) break;
      const value = this.readObject();
      if (value === undefined) break;
      const h = hashKey(key);
      const at = index.get(h);
      if (at === undefined) {
        index.set(h, d.entries.length);
        d.entries.push([key, value]);
      } else {
        d.entries[at][1] = value; // Python keeps the first key object and the last value
      }
    }
    return d;
  }

  private set(n: number, flag: boolean, frozen: boolean): PySet | PyFrozenSet {
    const items: PyObject[] = [];
    if (n === 0 && frozen) {
      const empty = new PyFrozenSet(items);
      if (flag) this.refs.push(empty);
      return empty;
    }
    const mutable = frozen ? null : new PySet(items);
    // A frozenset's slot is only filled once it is complete, so a reference to it from inside
    // itself is invalid (as in CPython); a set is registered at once.
    const slot = this.refs.length;
    if (flag) this.refs.push(mutable ?? undefined);
    const seen = new Set<string>();
    for (let i = 0; i < n; i++) {
      const item = this.readObject();
      if (item === undefined) throw typeError("NULL object in marshal data for set");
      const h = hashKey(item);
      if (!seen.has(h)) {
        seen.add(h);
        items.push(item);
      }
    }
    // The model keeps set items in CPython's iteration order, which follows from adding them in
    // this (marshal) order to an empty hash table.
    const ordered = n > 1 ? setIterationOrder(items) : items;
    if (mutable) {
      for (let i = 0; i < ordered.length; i++) items[i] = ordered[i];
      return mutable;
    }
    const fs = new PyFrozenSet(ordered);
    if (flag) this.refs[slot] = fs;
    return fs;
  }

  private code(flag: boolean): CodeObject {
    const slot = this.refs.length;
    if (flag) this.refs.push(undefined); // reserved: the code object exists only after its fields
    const argcount = this.int32();
    const posonlyargcount = this.int32();
    const kwonlyargcount = this.int32();
    const stacksize = this.int32();
    const flags = this.int32();
    const code = this.field();
    const consts = this.field();
    const names = this.field();
    const localsplusnames = this.field();
    const localspluskinds = this.field();
    const filename = this.field();
    const name = this.field();
    const qualname = this.field();
    const firstlineno = this.int32();
    const linetable = this.field();
    const exceptiontable = this.field();

    // _PyCode_Validate, in its order.
    if (
      argcount < posonlyargcount ||
      posonlyargcount < 0 ||
      kwonlyargcount < 0 ||
      stacksize < 0 ||
      flags < 0 ||
      !(code instanceof Uint8Array) ||
      !Array.isArray(consts) ||
      !Array.isArray(names) ||
      !Array.isArray(localsplusnames) ||
      !(localspluskinds instanceof Uint8Array) ||
      localsplusnames.length !== localspluskinds.length ||
      !isStrValue(name) ||
      !isStrValue(qualname) ||
      !isStrValue(filename) ||
      !(linetable instanceof Uint8Array) ||
      !(exceptiontable instanceof Uint8Array)
    ) {
      throw new PyError("SystemError", CODE_BAD_ARGUMENT);
    }
    if (code.length % 2 !== 0) throw valueError("code: co_code is malformed");
    let nlocals = 0;
    for (let i = 0; i < localspluskinds.length; i++) if (localspluskinds[i] & CO_FAST_LOCAL) nlocals++;
    const nplain =
      nlocals -
      argcount -
      kwonlyargcount -
      ((flags & CO_VARARGS) !== 0 ? 1 : 0) -
      ((flags & CO_VARKEYWORDS) !== 0 ? 1 : 0);
    if (nplain < 0) throw valueError("code: co_varnames is too small");
    // _PyCode_New interns co_names and co_localsplusnames, which must be str.
    for (const tuple of [names, localsplusnames]) {
      for (const s of tuple) if (!isStrValue(s)) throw new PyError("SystemError", "non-string found in code slot");
    }
    // A name that is a SurrogateStr (never produced by CPython's compiler) is kept as it is; the
    // CodeFields types say string because every real name is one.
    const v = new CodeObject({
      co_argcount: argcount,
      co_posonlyargcount: posonlyargcount,
      co_kwonlyargcount: kwonlyargcount,
      co_stacksize: stacksize,
      co_flags: flags,
      co_code: deoptCode(code),
      co_consts: consts as PyObject[],
      co_names: names as string[],
      co_localsplusnames: localsplusnames as string[],
      co_localspluskinds: localspluskinds,
      co_filename: filename as string,
      co_name: name as string,
      co_qualname: qualname as string,
      co_firstlineno: firstlineno,
      co_linetable: linetable,
      co_exceptiontable: exceptiontable,
    });
    if (flag) this.refs[slot] = v;
    return v;
  }

  private field(): PyObject {
    const v = this.readObject();
    if (v === undefined) throw typeError("NULL object in marshal data for code object");
    return v;
  }
}

/** _PyOpcode_Deopt: each byte's base opcode; byte values 3.11 defines no opcode for map to 0. */
const DEOPT_BASE = Uint8Array.from(DEOPT, (base, op) => (OPNAME[op].startsWith("<") ? 0 : base));
/** How many inline cache units follow an instruction, by its (not yet deoptimized) opcode byte. */
const CACHES_AFTER = Uint8Array.from(DEOPT_BASE, (base) => CACHE_ENTRIES[base]);

/**
 * co_code as CPython 3.11 shows it after loading: _PyCode_GetCode "deoptimizes" the instructions,
 * so specialized opcodes read back as their base opcode, undefined ones as 0, and the inline cache
 * units after each instruction as zeros. For compiler output this changes nothing (and copies
 * nothing); for corrupt or hand-made data it makes our co_code the one CPython would report and
 * write back.
 */
function deoptCode(code: Uint8Array): Uint8Array {
  let out: Uint8Array | null = null;
  const n = code.length;
  let i = 0;
  while (i < n) {
    const op = code[i];
    if (DEOPT_BASE[op] !== op) {
      out ??= code.slice();
      out[i] = DEOPT_BASE[op];
    }
    const end = Math.min(n, i + 2 + 2 * CACHES_AFTER[op]);
    for (i += 2; i < end; i += 2) {
      if ((code[i] | code[i + 1]) !== 0) {
        out ??= code.slice();
        out[i] = 0;
        out[i + 1] = 0;
      }
    }
  }
  return out ?? code;
}

function isStrValue(v: PyObject): boolean {
  return typeof v === "string" || v instanceof SurrogateStr;
}

function latin1Slice(b: Uint8Array, start: number, end: number): string {
  let ascii = true;
  for (let i = start; i < end; i++) {
    if (b[i] >= 0x80) {
      ascii = false;
      break;
    }
  }
  // TextDecoder is the fastest native path, but its "latin1" is windows-1252, so only use it
  // (as UTF-8) when every byte is ASCII.
  if (ascii) return utf8Replace.decode(b.subarray(start, end));
  let s = "";
  for (let i = start; i < end; i += 4096) {
    s += String.fromCharCode.apply(null, b.subarray(i, Math.min(end, i + 4096)) as unknown as number[]);
  }
  return s;
}

/** UTF-8 with the surrogatepass error handler, as TYPE_UNICODE strings are decoded. */
function decodeUtf8(b: Uint8Array, start: number, end: number): string | SurrogateStr {
  try {
    return utf8Strict.decode(b.subarray(start, end));
  } catch {
    return decodeUtf8Slow(b, start, end);
  }
}

const isCont = (c: number) => (c & 0xc0) === 0x80;

/**
 * The careful path: lone surrogates encoded as 3 bytes are accepted (surrogatepass); anything else
 * invalid raises UnicodeDecodeError with the byte range and reason CPython's UTF-8 decoder reports.
 */
function decodeUtf8Slow(b: Uint8Array, start: number, end: number): string | SurrogateStr {
  const cps: number[] = [];
  let i = start;
  while (i < end) {
    const c = b[i];
    if (c < 0x80) {
      cps.push(c);
      i++;
      continue;
    }
    let errEnd = -1; // exclusive end of the bad range; -1 while the sequence is good
    let reason = "invalid continuation byte";
    const left = end - i;
    if (c < 0xc2 || c >= 0xf5) {
      errEnd = i + 1;
      reason = "invalid start byte";
    } else if (c < 0xe0) {
      if (left < 2) {
        errEnd = end;
        reason = "unexpected end of data";
      } else if (!isCont(b[i + 1])) errEnd = i + 1;
      else {
        cps.push(((c & 0x1f) << 6) | (b[i + 1] & 0x3f));
        i += 2;
        continue;
      }
    } else if (c < 0xf0) {
      const c2 = b[i + 1];
      // E0 needs A0..BF next (no overlongs); ED needs 80..9F (no surrogates).
      const bad2 = left >= 2 && (!isCont(c2) || (c === 0xe0 && c2 < 0xa0) || (c === 0xed && c2 >= 0xa0));
      if (bad2) errEnd = i + 1;
      else if (left < 3) {
        errEnd = end;
        reason = "unexpected end of data";
      } else if (!isCont(b[i + 2])) errEnd = i + 2;
      else {
        cps.push(((c & 0x0f) << 12) | ((c2 & 0x3f) << 6) | (b[i + 2] & 0x3f));
        i += 3;
        continue;
      }
    } else {
      const c2 = b[i + 1];
      // F0 needs 90..BF next (no overlongs); F4 needs 80..8F (nothing above U+10FFFF).
      const bad2 = left >= 2 && (!isCont(c2) || (c === 0xf0 && c2 < 0x90) || (c === 0xf4 && c2 >= 0x90));
      if (bad2) errEnd = i + 1;
      else if (left >= 3 && !isCont(b[i + 2])) errEnd = i + 2;
      else if (left < 4) {
        errEnd = end;
        reason = "unexpected end of data";
      } else if (!isCont(b[i + 3])) errEnd = i + 3;
      else {
        cps.push(((c & 0x07) << 18) | ((c2 & 0x3f) << 12) | ((b[i + 2] & 0x3f) << 6) | (b[i + 3] & 0x3f));
        i += 4;
        continue;
      }
    }
    // surrogatepass: three bytes shaped like a 3-byte sequence that encode U+D800..U+DFFF.
    if (left >= 3 && (c & 0xf0) === 0xe0 && isCont(b[i + 1]) && isCont(b[i + 2])) {
      const cp = ((c & 0x0f) << 12) | ((b[i + 1] & 0x3f) << 6) | (b[i + 2] & 0x3f);
      if (cp >= 0xd800 && cp <= 0xdfff) {
        cps.push(cp);
        i += 3;
        continue;
      }
    }
    const s = i - start;
    const e = errEnd - start;
    const msg =
      e === s + 1
        ? `'utf-8' codec can't decode byte 0x${c.toString(16).padStart(2, "0")} in position ${s}: ${reason}`
        : `'utf-8' codec can't decode bytes in position ${s}-${e - 1}: ${reason}`;
    throw new PyError("UnicodeDecodeError", msg);
  }
  return strFromCodePoints(cps);
}

const FLOAT_TEXT = /^[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|inf|infinity|nan)$/i;

/** PyOS_string_to_double without an end pointer: the whole text must be a float literal. */
function parseFloatText(bytes: Uint8Array): number {
  let s = "";
  for (const c of bytes) s += String.fromCharCode(c);
  if (!FLOAT_TEXT.test(s)) {
    // The message shows at most 200 bytes, decoded as UTF-8 with replacement characters.
    const shown = utf8Replace.decode(bytes.subarray(0, 200));
    throw valueError(`could not convert string to float: '${shown}'`);
  }
  const neg = s[0] === "-";
  const body = s.replace(/^[+-]/, "").toLowerCase();
  if (body === "nan") return neg ? -NaN : NaN;
  if (body === "inf" || body === "infinity") return neg ? -Infinity : Infinity;
  return Number(s); // correctly rounded, and ±Infinity on overflow as CPython returns here
}

function digitsToBigInt(digits: readonly number[]): bigint {
  if (digits.length <= 3) {
    let x = 0;
    for (let i = digits.length - 1; i >= 0; i--) x = x * 32768 + digits[i];
    return BigInt(x);
  }
  // Pack the 15-bit digits into 32-bit words and parse them as hex: linear, unlike shifting.
  const words = new Uint32Array(Math.ceil((digits.length * 15) / 32) + 1);
  let bit = 0;
  for (const d of digits) {
    const w = bit >>> 5;
    const o = bit & 31;
    words[w] |= d << o;
    if (o > 17) words[w + 1] |= d >>> (32 - o);
    bit += 15;
  }
  let hex = "0x";
  for (let i = words.length - 1; i >= 0; i--) hex += words[i].toString(16).padStart(8, "0");
  return BigInt(hex);
}

// ---------------------------------------------------------------------------------------------------
// Hashing for set elements and dict keys

let identityCounter = 0;
const identityKeys = new WeakMap<object, string>();

/**
 * A string equal for two values exactly when Python's == holds between them (1 == 1.0 == True,
 * -0.0 == 0, 1+0j == 1, ...), used to drop duplicates from loaded sets and dicts. Raises TypeError
 * "unhashable type" for what Python cannot hash, as PySet_Add / PyDict_SetItem would.
 */
function hashKey(v: PyObject, active?: Set<object>): string {
  if (v === null) return "N";
  switch (typeof v) {
    case "boolean":
      return v ? "n1" : "n0";
    case "bigint":
      return `n${v}`;
    case "number":
      return floatKey(v);
    case "string":
      return `s${v}`;
  }
  if (v instanceof SurrogateStr) return `S${v.codePoints.join(",")}`;
  if (v instanceof Uint8Array) return `b${latin1Slice(v, 0, v.length)}`;
  if (v instanceof PyComplex) return v.imag === 0 ? floatKey(v.real) : `c${floatKey(v.real)},${floatKey(v.imag)}`;
  if (v === Ellipsis) return "E";
  if (v === StopIteration) return "X";
  if (v instanceof PyList) throw typeError("unhashable type: 'list'");
  if (v instanceof PyDict) throw typeError("unhashable type: 'dict'");
  if (v instanceof PySet) throw typeError("unhashable type: 'set'");
  active ??= new Set();
  if (active.has(v as object)) {
    // Hashing a tuple that contains itself recurses forever in CPython (it crashes); stop cleanly.
    throw new PyError("RecursionError", "maximum recursion depth exceeded while calling a Python object");
  }
  active.add(v as object);
  try {
    if (Array.isArray(v)) return `(${v.map((x: PyObject) => lengthPrefixed(hashKey(x, active))).join("")})`;
    if (v instanceof PyFrozenSet) {
      return `F{${v.items.map((x) => lengthPrefixed(hashKey(x, active))).sort().join("")}}`;
    }
    if (v instanceof CodeObject) {
      // A code object hashes its constants (so a list among them is unhashable). Equality between
      // two distinct code objects is approximated by identity: CPython's field-by-field comparison
      // only matters for hand-made data with two equal code objects in one set.
      for (const c of v.co_consts) hashKey(c, active);
      return identityKey(v);
    }
  } finally {
    active.delete(v as object);
  }
  return identityKey(v as object);
}

function identityKey(o: object): string {
  let k = identityKeys.get(o);
  if (k === undefined) {
    k = `#${++identityCounter}`;
    identityKeys.set(o, k);
  }
  return k;
}

function floatKey(x: number): string {
  if (Number.isNaN(x)) return `#nan${++identityCounter}`; // nan != nan: never a duplicate
  if (Number.isInteger(x)) return `n${BigInt(x)}`;
  return `f${x}`;
}

const lengthPrefixed = (s: string) => `${s.length}:${s}`;

// ---------------------------------------------------------------------------------------------------
// Writing
//
// CPython flags every object whose reference count is above 1; the host cannot see reference counts,
// so here a value is flagged when it occurs more than once: by identity (containers, code, complex,
// SurrogateStr) or by value (str, bytes, long ints, floats), and immutable scalars only when a 5-byte
// TYPE_REF is shorter than writing the value again. Strings are written as interned when CPython
// 3.11 would hold them interned (see InternMode).
//
// The Writer does this in one pass: the first time a shareable value is written it gets an ordinal
// (and its position is noted), a later occurrence writes a TYPE_REF holding that ordinal and marks
// the value shared; at the end the shared values get their FLAG_REF bit and the refs their final
// index (the reader numbers flagged values in stream order, which is ordinal order). A separate
// counting pass before writing, as this module first had, made dumps ~2x slower: it repeated the
// walk and the Map lookups.

/** Stands for -0.0 in the sharing maps (a Map treats -0 and 0 as one key). */
const NEG_ZERO = Symbol("-0.0");

/** Ordinal flags: the value occurred again (flag its first copy, refer to it after). */
const SHARED = 1;
/** Ordinal flags: a str to be written as interned. */
const INTERNED = 2;
/** `strs` value of a str marked interned before it was first written (it has no ordinal yet). */
const INTERN_PENDING = -1;

/**
 * Which strings to write as interned: the ones CPython 3.11 holds interned, that is co_names and
 * co_localsplusnames always (_PyCode_New interns them), and identifier-like co_name, co_qualname and
 * str constants, also inside tuples and frozensets among the constants (the compiler and
 * intern_string_constants intern those). Everything else is written as a plain string. The Writer
 * passes this down as it writes, instead of walking a code object's names and constants first
 * (that walk and its Map lookups took ~10% of dumps).
 */
type InternMode = typeof PLAIN | typeof INTERN | typeof NAMES | typeof CONSTS;
const PLAIN = 0;
/** A str is interned. */
const INTERN = 1;
/** A tuple of names: every str in it is interned. */
const NAMES = 2;
/** Constants: identifier-like str is interned, also inside tuples and frozensets. */
const CONSTS = 3;

/** A growable list of int32s (positions, ordinals): no boxing, no per-item allocation. */
class IntList {
  data = new Int32Array(256);
  length = 0;

  push(x: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = x;
  }
}

/**
 * The arrays a Writer fills, kept from one dumps to the next: allocating and growing them anew for
 * each of the stdlib's 1773 modules made dumps ~15% slower. Scratch above SPARE_LIMIT bytes is not
 * kept, so one huge dumps does not pin its memory.
 */
class Scratch {
  buf: Uint8Array = new Uint8Array(4096);
  /** Per ordinal: where its first copy starts (its type byte), and its flags. */
  readonly ordPos = new IntList();
  readonly ordFlags = new IntList();
  /** Where the TYPE_REFs are (their int32 holds an ordinal until finish()). */
  readonly refs = new IntList();
  /** Pairs (position of a type byte, ordinal) for str written before it was known to be interned. */
  readonly internLater = new IntList();

  /** Whether it is small enough to keep for the next dumps. */
  small(): boolean {
    const lists = this.ordPos.data.length * 2 + this.refs.data.length + this.internLater.data.length;
    return this.buf.length <= SPARE_LIMIT && lists * 4 <= SPARE_LIMIT;
  }
}
let spareScratch: Scratch | null = null;
const SPARE_LIMIT = 1 << 22;

class Writer {
  private readonly s: Scratch;
  /** The Scratch lists, held here too to save a load on every use. */
  private readonly ordPos: IntList;
  private readonly ordFlags: IntList;
  private readonly refs: IntList;
  private readonly internLater: IntList;
  private buf: Uint8Array;
  private dv: DataView;
  private pos = 0;
  private depth = 0;
  /** Versions 3 and up share values (FLAG_REF / TYPE_REF) and intern strings. */
  private readonly sharing: boolean;
  /** Ordinals of the shareable values written so far, by value or identity. */
  private readonly strs = new Map<string, number>();
  private readonly nums = new Map<number | bigint | symbol, number>();
  private readonly objs = new Map<object, number>();
  /** Ordinal of the last bytes content written with each hash; earlier ones with that hash chain through sameHash. */
  private readonly bytesByHash = new Map<number, number>();
  private readonly sameHash = new Map<number, number>();
  /** A set with two or more items that contain values was written (see dumps). */
  sawNestedSet = false;

  constructor(readonly version: number) {
    // A nested dumps (set items are sorted by their own dumps) finds no spare and allocates.
    this.s = spareScratch ?? new Scratch();
    spareScratch = null;
    this.ordPos = this.s.ordPos;
    this.ordFlags = this.s.ordFlags;
    this.refs = this.s.refs;
    this.internLater = this.s.internLater;
    this.ordPos.length = this.ordFlags.length = this.refs.length = this.internLater.length = 0;
    this.buf = this.s.buf;
    this.dv = new DataView(this.buf.buffer);
    this.sharing = version >= 3;
  }

  /** The bytes written, with the reference flags and indexes filled in. */
  result(): Uint8Array {
    if (this.sharing) this.finish();
    const out = this.buf.slice(0, this.pos);
    this.s.buf = this.buf;
    if (this.s.small()) spareScratch = this.s;
    return out;
  }

  private finish(): void {
    const { ordPos, ordFlags, refs, internLater } = this;
    const buf = this.buf;
    for (let i = 0; i < internLater.length; i += 2) {
      if (ordFlags.data[internLater.data[i + 1]] & INTERNED) buf[internLater.data[i]] = internedType(buf[internLater.data[i]]);
    }
    if (refs.length === 0) return;
    // Number the shared values in stream order; ordPos is reused to hold each one's index.
    let index = 0;
    for (let ord = 0; ord < ordPos.length; ord++) {
      if (ordFlags.data[ord] & SHARED) {
        buf[ordPos.data[ord]] |= FLAG_REF;
        ordPos.data[ord] = index++;
      }
    }
    for (let i = 0; i < refs.length; i++) {
      const at = refs.data[i] + 1;
      this.dv.setInt32(at, ordPos.data[this.dv.getInt32(at, true)], true);
    }
  }

  /** A new ordinal for the shareable value whose first copy starts here. */
  private newOrdinal(flags: number): number {
    const ord = this.ordPos.length;
    this.ordPos.push(this.pos);
    this.ordFlags.push(flags);
    return ord;
  }

  /** A TYPE_REF to the value with ordinal `ord` (the ordinal is replaced by its index in finish()). */
  private writeRef(ord: number): void {
    this.ordFlags.data[ord] |= SHARED;
    this.refs.push(this.pos);
    this.typeAndSize(T_REF, ord);
  }

  /** Makes room for `n` more bytes; callers then store directly into buf / dv. */
  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
    this.dv = new DataView(next.buffer);
  }

  private byte(x: number): void {
    this.ensure(1);
    this.buf[this.pos++] = x;
  }

  /** A type byte and a 4-byte size, with one bounds check. */
  private typeAndSize(type: number, n: number): void {
    this.ensure(5);
    this.buf[this.pos] = type;
    this.dv.setInt32(this.pos + 1, n | 0, true);
    this.pos += 5;
  }

  private int32(x: number): void {
    this.ensure(4);
    this.dv.setInt32(this.pos, x | 0, true);
    this.pos += 4;
  }

  private float64(x: number): void {
    this.ensure(8);
    this.dv.setFloat64(this.pos, x, true);
    this.pos += 8;
  }

  private raw(b: Uint8Array): void {
    this.ensure(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }

  writeObject(v: PyObject, mode: InternMode = PLAIN): void {
    if (++this.depth > MAX_MARSHAL_STACK_DEPTH) throw valueError("object too deeply nested to marshal");
    switch (typeof v) {
      case "string":
        this.writeStr(v, mode);
        break;
      case "bigint":
        this.writeInt(v);
        break;
      case "number":
        this.writeFloat(v);
        break;
      case "boolean":
        this.byte(v ? T_TRUE : T_FALSE);
        break;
      default:
        // Tuples and dicts straight from here: two stack frames per level of nesting, not three,
        // keep the 2000 levels MAX_MARSHAL_STACK_DEPTH allows within the default JS stack.
        if (Array.isArray(v)) this.writeTuple(v as readonly PyObject[], mode);
        else if (v instanceof PyDict) this.writeDict(v);
        else this.writeOther(v, mode);
    }
    this.depth--;
  }

  private writeInt(v: bigint): void {
    if (v >= -0x80000000n && v <= 0x7fffffffn) {
      this.typeAndSize(T_INT, Number(v)); // never shared: a TYPE_INT is as long as a reference
      return;
    }
    if (this.sharing) {
      const ord = this.nums.get(v);
      if (ord !== undefined) return this.writeRef(ord);
      this.nums.set(v, this.newOrdinal(0));
    }
    const digits = bigIntToDigits(v < 0n ? -v : v);
    this.typeAndSize(T_LONG, v < 0n ? -digits.length : digits.length);
    this.ensure(digits.length * 2);
    for (const d of digits) {
      this.buf[this.pos++] = d & 0xff;
      this.buf[this.pos++] = d >>> 8;
    }
  }

  private writeFloat(v: number): void {
    // Two NaNs are two objects: sharing would merge them.
    if (this.sharing && !Number.isNaN(v)) {
      const key = Object.is(v, -0) ? NEG_ZERO : v;
      const ord = this.nums.get(key);
      if (ord !== undefined) return this.writeRef(ord);
      this.nums.set(key, this.newOrdinal(0));
    }
    if (this.version > 1) {
      this.byte(T_BINARY_FLOAT);
      this.float64(v);
    } else {
      this.byte(T_FLOAT);
      this.floatText(v);
    }
  }

  /** `mode` tells whether this occurrence makes the str interned (see InternMode). */
  private writeStr(s: string, mode: InternMode): void {
    let interned = false;
    if (this.sharing) {
      const { ordFlags, internLater } = this;
      let ord = this.strs.get(s);
      if (ord === undefined || ord === INTERN_PENDING) {
        interned = ord === INTERN_PENDING || internedBy(mode, s);
        ord = this.newOrdinal(interned ? INTERNED : 0);
        this.strs.set(s, ord);
      } else {
        interned = (ordFlags.data[ord] & INTERNED) !== 0;
        if (!interned && internedBy(mode, s)) {
          ordFlags.data[ord] |= INTERNED;
          interned = true;
        }
        // An interned str is one object in CPython, so its repeats are references (the VM then
        // loads one object too: keyword and parameter names are identical, as in CPython). A short
        // ASCII str that is not interned is written again in version 4: no longer than a reference.
        if (interned || s.length >= 4 || this.version < 4 || !isAscii(s)) return this.writeRef(ord);
      }
      if (!interned) {
        // A code object written later may still make it interned (finish() then fixes the type).
        internLater.push(this.pos);
        internLater.push(ord);
      }
    }
    const n = s.length;
    if (this.version >= 4) {
      // ASCII (the common case) is copied char by char straight into the buffer after a header
      // that assumes it; the first non-ASCII char abandons that and the str goes the UTF-8 way.
      const head = n < 256 ? 2 : 5;
      this.ensure(head + n);
      const buf = this.buf;
      const at = this.pos + head;
      let i = 0;
      while (i < n) {
        const c = s.charCodeAt(i);
        if (c >= 0x80) break;
        buf[at + i++] = c;
      }
      if (i === n) {
        if (n < 256) {
          buf[this.pos] = interned ? T_SHORT_ASCII_INTERNED : T_SHORT_ASCII;
          buf[this.pos + 1] = n;
          this.pos = at + n;
        } else {
          this.typeAndSize(interned ? T_ASCII_INTERNED : T_ASCII, n);
          this.pos += n;
        }
        return;
      }
    }
    this.writeUtf8(interned ? T_INTERNED : T_UNICODE, s);
  }

  /** A type byte, then `s` as sized UTF-8 with surrogatepass, encoded in place. */
  private writeUtf8(type: number, s: string): void {
    if (LONE_SURROGATE.test(s)) {
      const b = encodeUtf8CodePoints(Array.from(s, (ch) => ch.codePointAt(0)!));
      this.typeAndSize(type, b.length);
      this.raw(b);
      return;
    }
    this.ensure(5 + 3 * s.length); // UTF-8 takes at most 3 bytes per UTF-16 unit
    const { written } = utf8Encoder.encodeInto(s, this.buf.subarray(this.pos + 5));
    this.typeAndSize(type, written);
    this.pos += written;
  }

  /** Bytes share by content: found through a hash and compared with the first copy in the output. */
  private writeBytes(b: Uint8Array): void {
    if (this.sharing && b.length > 0) {
      // b'' is never shared: it is shorter than a reference.
      const h = hashBytes(b);
      const last = this.bytesByHash.get(h);
      for (let ord = last; ord !== undefined; ord = this.sameHash.get(ord)) {
        if (this.sameBytesAt(this.ordPos.data[ord], b)) return this.writeRef(ord);
      }
      const ord = this.newOrdinal(0);
      this.bytesByHash.set(h, ord);
      if (last !== undefined) this.sameHash.set(ord, last);
    }
    this.typeAndSize(T_STRING, b.length);
    this.raw(b);
  }

  /** Whether the TYPE_STRING written at `at` holds `b`'s content. */
  private sameBytesAt(at: number, b: Uint8Array): boolean {
    if (this.dv.getInt32(at + 1, true) !== b.length) return false;
    const buf = this.buf;
    for (let i = 0, j = at + 5; i < b.length; i++, j++) if (buf[j] !== b[i]) return false;
    return true;
  }

  private writeOther(v: PyObject, mode: InternMode): void {
    if (typeof v !== "object") throw valueError("unmarshallable object");
    if (v === null) return this.byte(T_NONE);
    if (v === Ellipsis) return this.byte(T_ELLIPSIS);
    if (v === StopIteration) return this.byte(T_STOPITER);
    if (v instanceof Uint8Array) return this.writeBytes(v);
    if (this.writtenBefore(v)) {
      if (mode === CONSTS && v instanceof PyFrozenSet) this.internConsts(v.items); // see writeTuple
      return;
    }
    if (v instanceof CodeObject) return this.writeCode(v);
    if (v instanceof SurrogateStr) {
      const b = encodeUtf8CodePoints(v.codePoints);
      this.typeAndSize(T_UNICODE, b.length);
      return this.raw(b);
    }
    if (v instanceof PyComplex) {
      if (this.version > 1) {
        this.byte(T_BINARY_COMPLEX);
        this.float64(v.real);
        this.float64(v.imag);
      } else {
        this.byte(T_COMPLEX);
        this.floatText(v.real);
        this.floatText(v.imag);
      }
      return;
    }
    // Containers other than tuples are written by functions of their own: this one's stack frame
    // stays small, which matters at 2000 levels of nesting.
    if (v instanceof PyList) return this.writeList(v);
    if (v instanceof PySet || v instanceof PyFrozenSet) return this.writeSet(v, mode);
    throw valueError("unmarshallable object");
  }

  private writeList(v: PyList): void {
    this.typeAndSize(T_LIST, v.items.length);
    for (const x of v.items) this.writeObject(x);
  }

  private writeDict(v: PyDict): void {
    if (this.writtenBefore(v)) return;
    this.byte(T_DICT);
    for (const [key, value] of v.entries) {
      this.writeObject(key);
      this.writeObject(value);
    }
    this.byte(T_NULL);
  }

  /**
   * For a value shared by identity: when it was written before, writes a TYPE_REF to it and
   * returns true; otherwise gives it an ordinal (its first copy starts here).
   */
  private writtenBefore(v: object): boolean {
    if (!this.sharing) return false;
    const ord = this.objs.get(v);
    if (ord !== undefined) {
      this.writeRef(ord);
      return true;
    }
    this.objs.set(v, this.newOrdinal(0));
    return false;
  }

  private writeSet(v: PySet | PyFrozenSet, mode: InternMode): void {
    this.typeAndSize(v instanceof PySet ? T_SET : T_FROZENSET, v.items.length);
    // As CPython 3.11 (bpo-37596): elements in the order of their own marshalled bytes, so the
    // output does not depend on hash order.
    const keyed = v.items.map((x) => ({ x, k: setItemKey(x, this.version) }));
    keyed.sort((a, b) => compareBytes(a.k, b.k));
    if (this.sharing && v.items.filter(hasItems).length >= 2) this.sawNestedSet = true;
    const itemMode = mode === CONSTS && v instanceof PyFrozenSet ? CONSTS : PLAIN;
    for (const { x } of keyed) this.writeObject(x, itemMode);
  }

  private writeTuple(items: readonly PyObject[], mode: InternMode): void {
    const n = items.length;
    // The empty tuple is never shared: ')\0' is shorter than a reference.
    if (n > 0 && this.writtenBefore(items)) {
      // What it holds may still have to be interned now (finish() fixes the copies written).
      if (mode === NAMES) {
        for (let i = 0; i < n; i++) if (typeof items[i] === "string") this.markInterned(items[i] as string);
      } else if (mode === CONSTS) this.internConsts(items);
      return;
    }
    if (this.version >= 4 && n < 256) {
      this.ensure(2);
      this.buf[this.pos++] = T_SMALL_TUPLE;
      this.buf[this.pos++] = n;
    } else this.typeAndSize(T_TUPLE, n);
    const itemMode = mode === NAMES ? INTERN : mode === CONSTS ? CONSTS : PLAIN;
    for (let i = 0; i < n; i++) this.writeObject(items[i], itemMode);
  }

  /** TYPE_FLOAT text: repr-like '%.17g', as PyOS_double_to_string(x, 'g', 17, 0) writes it. */
  private floatText(x: number): void {
    const s = formatG17(x);
    this.byte(s.length);
    for (let i = 0; i < s.length; i++) this.byte(s.charCodeAt(i));
  }

  private writeCode(c: CodeObject): void {
    this.ensure(21);
    this.buf[this.pos++] = T_CODE;
    this.int32(c.co_argcount);
    this.int32(c.co_posonlyargcount);
    this.int32(c.co_kwonlyargcount);
    this.int32(c.co_stacksize);
    this.int32(c.co_flags);
    this.writeField(c.co_code, PLAIN);
    this.writeField(c.co_consts, CONSTS);
    this.writeField(c.co_names, NAMES);
    this.writeField(c.co_localsplusnames, NAMES);
    this.writeField(c.co_localspluskinds, PLAIN);
    this.writeField(c.co_filename, PLAIN);
    this.writeField(c.co_name, identifierMode(c.co_name));
    this.writeField(c.co_qualname, identifierMode(c.co_qualname));
    this.int32(c.co_firstlineno);
    this.writeField(c.co_linetable, PLAIN);
    this.writeField(c.co_exceptiontable, PLAIN);
  }

  /**
   * writeObject for a code object field, testing first for the type the field has (bytes, tuple or
   * str) instead of going through the general dispatch: ~2% of dumps.
   */
  private writeField(v: PyObject, mode: InternMode): void {
    if (++this.depth > MAX_MARSHAL_STACK_DEPTH) throw valueError("object too deeply nested to marshal");
    if (v instanceof Uint8Array) this.writeBytes(v);
    else if (Array.isArray(v)) this.writeTuple(v as readonly PyObject[], mode);
    else if (typeof v === "string") {
      if (mode === NAMES || mode === CONSTS) {
        // A str where the types want a tuple (co_names = "ab" gets past CodeObject): as before,
        // its chars count as the names or constants.
        if (this.sharing) for (const ch of v) if (mode === NAMES || isIdentifierLike(ch)) this.markInterned(ch);
        this.writeStr(v, PLAIN);
      } else this.writeStr(v, mode);
    } else {
      this.depth--;
      return this.writeObject(v, mode);
    }
    this.depth--;
  }

  /** Marks what CONSTS mode would intern in constants written before. */
  private internConsts(consts: readonly PyObject[]): void {
    for (let i = 0; i < consts.length; i++) {
      const c = consts[i];
      if (typeof c === "string") {
        if (isIdentifierLike(c)) this.markInterned(c);
      } else if (Array.isArray(c)) this.internConsts(c as readonly PyObject[]);
      else if (c instanceof PyFrozenSet) this.internConsts(c.items);
    }
  }

  /** Marks a str interned without writing it (finish() fixes copies already written). */
  private markInterned(s: string): void {
    const ord = this.strs.get(s);
    if (ord === undefined) this.strs.set(s, INTERN_PENDING);
    else if (ord !== INTERN_PENDING) this.ordFlags.data[ord] |= INTERNED;
  }
}

/** co_name and co_qualname are interned when identifier-like, as str constants are. */
function identifierMode(name: string): InternMode {
  return typeof name === "string" && isIdentifierLike(name) ? INTERN : PLAIN;
}

/** Whether writing `s` in this mode makes it interned. */
function internedBy(mode: InternMode, s: string): boolean {
  return mode === INTERN || (mode === CONSTS && isIdentifierLike(s));
}

/** The interned variant of a str type code. */
function internedType(type: number): number {
  switch (type) {
    case T_SHORT_ASCII:
      return T_SHORT_ASCII_INTERNED;
    case T_ASCII:
      return T_ASCII_INTERNED;
    default:
      return T_INTERNED; // T_UNICODE
  }
}

/** Whether a value has values inside it. */
function hasItems(v: PyObject): boolean {
  if (Array.isArray(v)) return v.length > 0;
  if (v instanceof PyList || v instanceof PySet || v instanceof PyFrozenSet) return v.items.length > 0;
  if (v instanceof PyDict) return v.entries.length > 0;
  return v instanceof CodeObject;
}

/**
 * Throws what the counting pass this module used to make before writing threw (it walked set items
 * in their stored order, not in the order they are written, and checked nesting depth as it went),
 * so that errors stay as they were: dumps calls it when writing failed (a too-deep value found this
 * way was reported before an unmarshallable one), and when a set held two or more values with items
 * inside (the only case where the two walks can meet a shared value at different depths).
 */
function checkAsCountingPass(root: PyObject): void {
  const seen = new Set<object>();
  const visitConsts = (consts: readonly PyObject[]): void => {
    for (const c of consts) {
      if (Array.isArray(c)) visitConsts(c);
      else if (c instanceof PyFrozenSet) visitConsts(c.items);
    }
  };
  const visit = (v: PyObject, depth: number): void => {
    if (depth > MAX_MARSHAL_STACK_DEPTH) throw valueError("object too deeply nested to marshal");
    if (typeof v !== "object" || v === null || seen.has(v)) return;
    seen.add(v);
    const d = depth + 1;
    if (Array.isArray(v)) for (const x of v as readonly PyObject[]) visit(x, d);
    else if (v instanceof PyList || v instanceof PySet || v instanceof PyFrozenSet) for (const x of v.items) visit(x, d);
    else if (v instanceof PyDict) {
      for (const [key, value] of v.entries) {
        visit(key, d);
        visit(value, d);
      }
    } else if (v instanceof CodeObject) {
      visitConsts(v.co_consts); // the pass walked them first, to find interned strings
      for (const f of [v.co_code, v.co_consts, v.co_names, v.co_localsplusnames, v.co_localspluskinds]) visit(f, d);
      for (const f of [v.co_filename, v.co_name, v.co_qualname, v.co_linetable, v.co_exceptiontable]) visit(f, d);
    }
  };
  visit(root, 1);
}

/**
 * A hash of the content, mixing four bytes per multiply: the multiplies form one dependency chain,
 * so this is ~2x faster than byte-wise FNV-1a. The result fits a small int (a Map key that is a
 * heap number would be allocated).
 */
function hashBytes(b: Uint8Array): number {
  const n = b.length;
  const whole = n & ~3;
  let h = 0x811c9dc5 ^ n;
  let i = 0;
  for (; i < whole; i += 4) {
    const w = b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24);
    h = Math.imul(h ^ Math.imul(w, 0x9e3779b1), 0x01000193);
    h ^= h >>> 15;
  }
  for (; i < n; i++) h = Math.imul(h ^ b[i], 0x01000193);
  return h & 0x3fffffff;
}

/** /^[A-Za-z0-9_]*$/ without a regex call (strings CPython interns as identifier-like). */
function isIdentifierLike(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f)) return false;
  }
  return true;
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return false;
  return true;
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

const utf8Encoder = new TextEncoder();
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** UTF-8 with surrogatepass: lone surrogates become 3-byte sequences instead of U+FFFD. */
function encodeUtf8CodePoints(cps: readonly number[]): Uint8Array {
  const out: number[] = [];
  for (const cp of cps) {
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  return Uint8Array.from(out);
}

/** The 15-bit digits of a non-negative bigint, least significant first. */
function bigIntToDigits(x: bigint): number[] {
  const digits: number[] = [];
  if (x <= BigInt(Number.MAX_SAFE_INTEGER)) {
    let n = Number(x);
    while (n > 0) {
      digits.push(n % 32768);
      n = Math.floor(n / 32768);
    }
    return digits;
  }
  // Read the hex text from its low end, four bits per character: linear in the size.
  const hex = x.toString(16);
  let acc = 0;
  let bits = 0;
  for (let i = hex.length - 1; i >= 0; i--) {
    acc |= parseInt(hex[i], 16) << bits;
    bits += 4;
    if (bits >= 15) {
      digits.push(acc & 0x7fff);
      acc >>>= 15;
      bits -= 15;
    }
  }
  if (bits > 0 && acc !== 0) digits.push(acc);
  while (digits.length > 0 && digits[digits.length - 1] === 0) digits.pop();
  return digits;
}

/** C's "%.17g" for a double, with CPython's spellings of the special values. */
export function formatG17(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0" : "0";
  const [mant, expText] = x.toExponential(16).split("e");
  const exp = Number(expText);
  const neg = mant[0] === "-";
  const digits = mant.replace(/^-/, "").replace(".", ""); // 17 significant digits
  let out: string;
  if (exp < -4 || exp >= 17) {
    const frac = digits.slice(1).replace(/0+$/, "");
    const e = Math.abs(exp);
    out = `${digits[0]}${frac ? "." + frac : ""}e${exp < 0 ? "-" : "+"}${e < 10 ? "0" + e : e}`;
  } else if (exp >= 0) {
    const int = digits.slice(0, exp + 1);
    const frac = digits.slice(exp + 1).replace(/0+$/, "");
    out = frac ? `${int}.${frac}` : int;
  } else {
    out = `0.${"0".repeat(-exp - 1)}${digits.replace(/0+$/, "")}`;
  }
  return neg ? "-" + out : out;
}

/**
 * The sort key CPython 3.11 gives a set element: its marshal bytes from a fresh writer, where
 * FLAG_REF marks an object whose reference count is above 1. An element held only by the set has
 * none, but CPython's cached singletons always do: small ints (-5..256), the empty str, bytes and
 * tuple, one-character latin-1 strs and one-byte bytes. (Other sharing, e.g. the same constant
 * also in co_consts, is not modelled.)
 */
function setItemKey(x: PyObject, version: number): Uint8Array {
  const k = dumps(x, version);
  if (version >= 3 && isCachedSingleton(x) && k.length > 0) k[0] |= FLAG_REF;
  return k;
}

function isCachedSingleton(x: PyObject): boolean {
  if (typeof x === "bigint") return x >= -5n && x <= 256n;
  if (typeof x === "string") return x.length === 0 || (x.length === 1 && x.charCodeAt(0) < 256);
  if (x instanceof Uint8Array) return x.length <= 1;
  if (Array.isArray(x)) return x.length === 0;
  return false;
}
