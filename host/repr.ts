/**
 * repr(): CPython 3.11's repr() of every value the host value model (objects.ts) can hold, character
 * for character, so that dis output, error messages and test expectations match the real interpreter.
 *
 * Entry points:
 *   pyRepr(v)             repr(v) for any PyObject
 *   floatRepr(x)          repr(float)            (also: formatDouble for the complex/format flavours)
 *   complexRepr(c)        repr(complex)
 *   strRepr(s)            repr(str)              (isPrintable(cp): str.isprintable() of one code point)
 *   bytesRepr(b)          repr(bytes)
 *   intRepr(n)            repr(int), honouring the int max-str-digits limit (setIntMaxStrDigits)
 *   setCodeAddress(fn)    how the "at 0x..." part of a code object's repr is chosen
 *
 * Values are not stored with an identity CPython could print, so code objects get a stable fake
 * address (see codeAddress); tests normalise addresses anyway.
 */
import { CodeObject } from "./code.js";
import { PyError, valueError } from "./errors.js";
import {
  Ellipsis,
  PyComplex,
  PyDict,
  PyFrozenSet,
  PyList,
  PySet,
  StopIteration,
  SurrogateStr,
  type PyObject,
} from "./objects.js";
import { NON_PRINTABLE_RANGES } from "./unicode-printable.generated.js";

// ---------------------------------------------------------------------------------------------
// float

/**
 * The shortest decimal digits that round-trip to x (x finite and > 0), and the decimal point
 * position: x ~= 0.DIGITS * 10**decpt. ECMAScript's Number-to-String picks the shortest round-trip
 * digits and, among those, the ones closest to x, which is what CPython's dtoa mode 0 (repr's 'r'
 * format) produces too; only the layout differs, so we take JS's digits and lay them out ourselves.
 */
function shortestDigits(x: number): { digits: string; decpt: number } {
  const s = String(x);
  let mantissa = s;
  let exp = 0;
  const e = s.indexOf("e");
  if (e >= 0) {
    mantissa = s.slice(0, e);
    exp = Number(s.slice(e + 1));
  }
  const dot = mantissa.indexOf(".");
  const intPart = dot < 0 ? mantissa : mantissa.slice(0, dot);
  const fracPart = dot < 0 ? "" : mantissa.slice(dot + 1);
  let digits = intPart + fracPart;
  let decpt = intPart.length + exp;
  let lead = 0;
  while (lead < digits.length - 1 && digits.charCodeAt(lead) === 48) lead++;
  digits = digits.slice(lead);
  decpt -= lead;
  let end = digits.length;
  while (end > 1 && digits.charCodeAt(end - 1) === 48) end--;
  return { digits: digits.slice(0, end), decpt };
}

/**
 * PyOS_double_to_string(x, 'r', 0, flags) for the two flags repr uses: `addDot0` (float repr:
 * "1.0" rather than "1") and `alwaysSign` (the imaginary part of a complex: "+2"). Exponent form is
 * used when the decimal exponent is < -4 or >= 16, with at least two exponent digits ("1e-05").
 */
export function formatDouble(x: number, addDot0: boolean, alwaysSign: boolean): string {
  if (x !== x) return alwaysSign ? "+nan" : "nan"; // the sign of a nan is never shown
  const negative = x < 0 || Object.is(x, -0);
  const sign = negative ? "-" : alwaysSign ? "+" : "";
  if (x === Infinity || x === -Infinity) return sign + "inf";
  if (x === 0) return sign + (addDot0 ? "0.0" : "0");
  const { digits, decpt } = shortestDigits(Math.abs(x));
  let body: string;
  if (decpt <= -4 || decpt > 16) {
    const exp = decpt - 1;
    const expDigits = String(Math.abs(exp));
    body =
      digits[0] +
      (digits.length > 1 ? "." + digits.slice(1) : "") +
      (exp < 0 ? "e-" : "e+") +
      (expDigits.length < 2 ? "0" + expDigits : expDigits);
  } else if (decpt <= 0) {
    body = "0." + "0".repeat(-decpt) + digits;
  } else if (decpt >= digits.length) {
    body = digits + "0".repeat(decpt - digits.length) + (addDot0 ? ".0" : "");
  } else {
    body = digits.slice(0, decpt) + "." + digits.slice(decpt);
  }
  return sign + body;
}

/** repr(float). */
export function floatRepr(x: number): string {
  return formatDouble(x, true, false);
}

/**
 * repr(complex), as complex_repr: a real part of +0.0 is left out ("2j", "-0j"); otherwise
 * "(re±imj)". Neither part gets ".0" ("(1+2j)").
 */
export function complexRepr(c: PyComplex): string {
  if (Object.is(c.real, 0)) return formatDouble(c.imag, false, false) + "j";
  return "(" + formatDouble(c.real, false, false) + formatDouble(c.imag, false, true) + "j)";
}

// ---------------------------------------------------------------------------------------------
// int

let intMaxStrDigits = 4300; // sys.int_info.default_max_str_digits in 3.11

/**
 * sys.set_int_max_str_digits(n): repr of an int with more decimal digits than this raises
 * ValueError, as in CPython 3.11.7 (0 = no limit).
 */
export function setIntMaxStrDigits(n: number): void {
  if (n !== 0 && n < 640) throw valueError("maxdigits must be 0 or larger than 640");
  intMaxStrDigits = n;
}

/** repr(int). */
export function intRepr(n: bigint): string {
  const s = n.toString();
  if (intMaxStrDigits > 0 && s.length - (n < 0n ? 1 : 0) > intMaxStrDigits) {
    throw valueError(
      `Exceeds the limit (${intMaxStrDigits} digits) for integer string conversion; ` +
        "use sys.set_int_max_str_digits() to increase the limit",
    );
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// str and bytes

/** str.isprintable() of the one-character string chr(cp), per python3.11's Unicode 14.0 data. */
export function isPrintable(cp: number): boolean {
  if (cp < 0x7f) return cp >= 0x20;
  // Binary search for the last range starting at or before cp.
  const r = NON_PRINTABLE_RANGES;
  let lo = 0;
  let hi = (r.length >> 1) - 1;
  if (cp < r[0]) return true;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (r[2 * mid] <= cp) lo = mid;
    else hi = mid - 1;
  }
  return cp > r[2 * lo + 1];
}

const HEX = "0123456789abcdef";

function hexEscape(cp: number): string {
  if (cp < 0x100) return "\\x" + HEX[cp >> 4] + HEX[cp & 15];
  if (cp < 0x10000) return "\\u" + cp.toString(16).padStart(4, "0");
  return "\\U" + cp.toString(16).padStart(8, "0");
}

/** The code points of a str, without materialising an array for the common JS-string case. */
function forEachCodePoint(s: string | SurrogateStr, f: (cp: number) => void): void {
  if (typeof s !== "string") {
    for (const cp of s.codePoints) f(cp);
    return;
  }
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    if (u >= 0xd800 && u <= 0xdbff && i + 1 < s.length) {
      const v = s.charCodeAt(i + 1);
      if (v >= 0xdc00 && v <= 0xdfff) {
        f(0x10000 + ((u - 0xd800) << 10) + (v - 0xdc00));
        i++;
        continue;
      }
    }
    f(u); // BMP character or lone surrogate
  }
}

/**
 * repr(str), as unicode_repr: single quotes unless the string contains ' and no ", in which case
 * double quotes; the chosen quote and backslash are backslash-escaped, \t \n \r get their short
 * escapes, other non-printable code points \xNN / \uNNNN / \UNNNNNNNN.
 */
export function strRepr(s: string | SurrogateStr): string {
  let squote = false;
  let dquote = false;
  let plain = true; // nothing to escape (apart from possibly a quote)
  forEachCodePoint(s, (cp) => {
    if (cp === 0x27) squote = true;
    else if (cp === 0x22) dquote = true;
    else if (cp === 0x5c || !isPrintable(cp)) plain = false;
  });
  const quote = squote && !dquote ? 0x22 : 0x27;
  const q = String.fromCharCode(quote);
  if (plain && !(squote && dquote) && typeof s === "string") return q + s + q;
  let out = q;
  forEachCodePoint(s, (cp) => {
    if (cp === quote || cp === 0x5c) out += "\\" + String.fromCharCode(cp);
    else if (cp === 0x09) out += "\\t";
    else if (cp === 0x0a) out += "\\n";
    else if (cp === 0x0d) out += "\\r";
    else if (isPrintable(cp)) out += String.fromCodePoint(cp);
    else out += hexEscape(cp);
  });
  return out + q;
}

/** repr(bytes): the same quote rule as str; bytes outside 0x20..0x7e become \xNN. */
export function bytesRepr(b: Uint8Array): string {
  const squote = b.includes(0x27);
  const quote = squote && !b.includes(0x22) ? 0x22 : 0x27;
  const q = String.fromCharCode(quote);
  let out = "b" + q;
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    if (c === quote || c === 0x5c) out += "\\" + String.fromCharCode(c);
    else if (c === 0x09) out += "\\t";
    else if (c === 0x0a) out += "\\n";
    else if (c === 0x0d) out += "\\r";
    else if (c < 0x20 || c >= 0x7f) out += hexEscape(c);
    else out += String.fromCharCode(c);
  }
  return out + q;
}

// ---------------------------------------------------------------------------------------------
// code objects

const FAKE_ADDRESS_BASE = 0x7f0000001000n;
const fakeAddresses = new WeakMap<CodeObject, bigint>();
let nextFakeAddress = FAKE_ADDRESS_BASE;
let addressHook: ((code: CodeObject) => bigint) | null = null;

/**
 * Chooses how code objects' addresses are shown: `fn(code)` gives the address (a VM that has real
 * object ids can plug them in here); null restores the default, a stable fake address per object
 * (0x7f0000001000, 0x7f0000001010, ... in order of first use).
 */
export function setCodeAddress(fn: ((code: CodeObject) => bigint) | null): void {
  addressHook = fn;
}

/** The address repr shows for a code object. */
export function codeAddress(code: CodeObject): bigint {
  if (addressHook) return addressHook(code);
  let a = fakeAddresses.get(code);
  if (a === undefined) {
    a = nextFakeAddress;
    nextFakeAddress += 16n;
    fakeAddresses.set(code, a);
  }
  return a;
}

/** repr(code): '<code object NAME at 0xADDR, file "FILE", line N>' (line -1 when co_firstlineno is 0). */
export function codeRepr(code: CodeObject): string {
  const line = code.co_firstlineno !== 0 ? code.co_firstlineno : -1;
  return (
    `<code object ${code.co_name} at 0x${codeAddress(code).toString(16)}, ` +
    `file "${code.co_filename}", line ${line}>`
  );
}

// ---------------------------------------------------------------------------------------------
// everything

/** repr(v) for any value of the host value model. */
export function pyRepr(v: PyObject): string {
  return reprIn(v, new Set());
}

/**
 * `active` holds the containers whose repr is being built, as Py_ReprEnter does, so that a list
 * containing itself prints as [[...]] instead of recursing forever.
 */
function reprIn(v: PyObject, active: Set<object>): string {
  if (v === null) return "None";
  switch (typeof v) {
    case "boolean":
      return v ? "True" : "False";
    case "bigint":
      return intRepr(v);
    case "number":
      return floatRepr(v);
    case "string":
      return strRepr(v);
  }
  if (v instanceof SurrogateStr) return strRepr(v);
  if (v instanceof Uint8Array) return bytesRepr(v);
  if (v instanceof PyComplex) return complexRepr(v);
  if (v === Ellipsis) return "Ellipsis";
  if (v === StopIteration) return "<class 'StopIteration'>";
  if (v instanceof CodeObject) return codeRepr(v);
  if (Array.isArray(v)) {
    const t = v as readonly PyObject[];
    if (t.length === 0) return "()";
    return nested(t, active, "(...)", () =>
      t.length === 1 ? "(" + reprIn(t[0], active) + ",)" : "(" + items(t, active) + ")",
    );
  }
  if (v instanceof PyList) {
    if (v.items.length === 0) return "[]";
    return nested(v, active, "[...]", () => "[" + items(v.items, active) + "]");
  }
  if (v instanceof PyDict) {
    if (v.entries.length === 0) return "{}";
    return nested(v, active, "{...}", () => {
      const parts = v.entries.map(([k, val]) => reprIn(k, active) + ": " + reprIn(val, active));
      return "{" + parts.join(", ") + "}";
    });
  }
  if (v instanceof PySet) {
    return nested(v, active, "set(...)", () =>
      v.items.length === 0 ? "set()" : "{" + items(v.items, active) + "}",
    );
  }
  if (v instanceof PyFrozenSet) {
    return nested(v, active, "frozenset(...)", () =>
      v.items.length === 0 ? "frozenset()" : "frozenset({" + items(v.items, active) + "})",
    );
  }
  throw new PyError("TypeError", `repr() of an unknown host value: ${String(v)}`);
}

function items(xs: readonly PyObject[], active: Set<object>): string {
  return xs.map((x) => reprIn(x, active)).join(", ");
}

function nested(container: object, active: Set<object>, ifRecursive: string, build: () => string): string {
  if (active.has(container)) return ifRecursive;
  active.add(container);
  try {
    return build();
  } finally {
    active.delete(container);
  }
}
