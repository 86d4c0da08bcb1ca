/**
 * NUMBER token text → the Constant value: int → bigint, float → number, imaginary → PyComplex.
 * The tokenizer has already validated the literal; only underscores need removing. JS's Number()
 * rounds decimal text correctly, as CPython's float parser does.
 */
import { PyComplex } from "../objects.js";

export function parseNumber(text: string): bigint | number | PyComplex {
  const s = text.includes("_") ? text.replace(/_/g, "") : text;
  const last = s.charCodeAt(s.length - 1) | 0x20;
  if (last === 0x6a /* j */) return new PyComplex(0, Number(s.slice(0, -1)));
  const c1 = s.length > 1 ? s.charCodeAt(1) | 0x20 : 0;
  if (s.charCodeAt(0) === 0x30 && (c1 === 0x78 || c1 === 0x6f || c1 === 0x62)) return BigInt(s);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x2e || (c | 0x20) === 0x65) return Number(s);
  }
  return BigInt(s);
}
