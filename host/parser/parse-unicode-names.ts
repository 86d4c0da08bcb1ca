/**
 * \N{NAME} in string literals: the code point CPython 3.11's unicodedata _getcode finds for NAME.
 * Names match case-insensitively; Hangul syllables and CJK unified ideographs are computed as CPython
 * computes them, every other name comes from parse-unicode-names-table.ts (generated), decoded into a
 * Map on first use. Name aliases are not known (see the generator).
 */
import { CJK_UNIFIED, DIGITS, NAMES, WORDS } from "./parse-unicode-names-table.js";

let byName: Map<string, number> | null = null;

function decodeTable(): Map<string, number> {
  const words = WORDS.split(" ");
  const digit = new Int8Array(128).fill(-1);
  for (let i = 0; i < DIGITS.length; i++) digit[DIGITS.charCodeAt(i)] = i;
  const map = new Map<string, number>();
  let i = 0;
  const next = (): number => {
    let v = 0;
    let shift = 1;
    for (;;) {
      const d = digit[NAMES.charCodeAt(i++)];
      if (d >= 32) {
        v += (d - 32) * shift;
        shift *= 32;
      } else {
        return v + d * shift;
      }
    }
  };
  let cp = -1;
  while (i < NAMES.length) {
    cp += next() + 1;
    const n = next();
    let name = words[next()];
    for (let k = 1; k < n; k++) name += " " + words[next()];
    map.set(name, cp);
  }
  return map;
}

// Hangul syllable names: "HANGUL SYLLABLE " + the short names of the leading consonant, vowel and
// optional trailing consonant (Unicode's jamo short names, as unicodedata.c lists them).
const JAMO_L = ["G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P", "H"];
const JAMO_V = ["A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I"];
const JAMO_T = ["", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M", "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H"];
let hangul: Map<string, number> | null = null;

function hangulSyllable(rest: string): number | undefined {
  if (!hangul) {
    hangul = new Map();
    for (let l = 0; l < JAMO_L.length; l++) {
      for (let v = 0; v < JAMO_V.length; v++) {
        for (let t = 0; t < JAMO_T.length; t++) {
          const key = JAMO_L[l] + JAMO_V[v] + JAMO_T[t];
          // CPython matches the longest L, then V, then T: the first spelling generated wins
          if (!hangul.has(key)) hangul.set(key, 0xac00 + (l * 21 + v) * 28 + t);
        }
      }
    }
  }
  return hangul.get(rest);
}

function cjkUnified(hex: string): number | undefined {
  // four or five upper-case hex digits naming a code point in the unified ideograph blocks
  if ((hex.length !== 4 && hex.length !== 5) || !/^[0-9A-F]+$/.test(hex)) return undefined;
  const v = parseInt(hex, 16);
  for (const [a, b] of CJK_UNIFIED) if (v >= a && v <= b) return v;
  return undefined;
}

export function lookupUnicodeName(name: string): number | undefined {
  const upper = name.toUpperCase();
  // the jamo part must be upper case (CPython compares it as written)
  if (upper.startsWith("HANGUL SYLLABLE ")) return hangulSyllable(name.slice(16));
  if (upper.startsWith("CJK UNIFIED IDEOGRAPH-")) return cjkUnified(name.slice(22));
  if (!byName) byName = decodeTable();
  return byName.get(upper);
}
