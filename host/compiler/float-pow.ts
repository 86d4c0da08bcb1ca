/**
 * C's pow(x, y), as glibc (2.28 and later) computes it, for the constant folder: for finite x > 0,
 * x != 1, and finite y != 0, the double glibc returns, or null where we cannot be sure of it.
 *
 * glibc's pow is not correctly rounded. Its documented worst case (sysdeps/ieee754/dbl-64/e_pow.c)
 * is 0.52 ULP with FMA, 0.54 without: about 0.011 ULP from its exp plus the error of its log (relative
 * 1.5 * 2^-68) scaled by |y * log(x)|. python3.11 on glibc 2.36 shows it: roughly 1 random pair in
 * 1300 comes back rounded the wrong way, integer exponents included. So we compute x**y to ~250 bits
 * and fold the correctly rounded double only when the exact value lies farther from a rounding midpoint
 * than that slack (with a safety factor); there glibc's answer is forced to be the same. Otherwise
 * (a few percent of random pairs, and every exact midpoint) the caller leaves `**` unfolded.
 */

const F = 256; // fraction bits of the fixed-point numbers below
const BF = BigInt(F);
const ONE = 1n << BF;

function bitLength(n: bigint): number {
  if (n < 0n) n = -n;
  return n === 0n ? 0 : n.toString(2).length;
}

/** sum s^(2i+1) / (2i+1) for fixed-point |s| <= 0.25: atanh(s), within 2 units per term. */
function atanhSeries(s: bigint): bigint {
  const s2 = (s * s) >> BF;
  let term = s;
  let sum = 0n;
  for (let i = 1n; term !== 0n; i += 2n) {
    sum += term / i;
    term = (term * s2) / ONE; // truncates toward 0, so the loop ends for s < 0 too
  }
  return sum;
}

const LN2 = 2n * atanhSeries(ONE / 3n); // ln 2 = 2 atanh(1/3); error well under 2^8 units
const LN2_ERR = 1n << 8n;

/** A finite nonzero double as sign * m * 2**e with m an odd integer. */
function decompose(x: number): { neg: boolean; m: bigint; e: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e: number;
  if (biased === 0) e = -1074;
  else {
    m |= 1n << 52n;
    e = biased - 1075;
  }
  while ((m & 1n) === 0n) {
    m >>= 1n;
    e++;
  }
  return { neg: x < 0, m, e };
}

/** ln(m * 2**e) for m > 0 in fixed point, within 2^14 units. */
function lnFixed(m: bigint, e: number): bigint {
  // m * 2**e = f * 2**k with f in [0.75, 1.5): ln = k ln2 + 2 atanh((f-1)/(f+1))
  const b = bitLength(m);
  let d = 1n << BigInt(b - 1); // f = m / d
  let k = e + b - 1;
  if (2n * m >= 3n * d) {
    d <<= 1n;
    k++;
  }
  const s = ((m - d) << BF) / (m + d);
  return BigInt(k) * LN2 + 2n * atanhSeries(s);
}
const LN_ERR = 1n << 14n;

/** exp(r) for fixed-point |r| <= 0.5, within 2^8 units. */
function expSmall(r: bigint): bigint {
  let term = ONE;
  let sum = 0n;
  for (let i = 1n; term !== 0n; i++) {
    sum += term;
    term = (term * r) / ONE / i;
  }
  return sum;
}

/**
 * The double nearest n * 2**s (n > 0, known within err units of 2**s), or null when a rounding
 * midpoint (or the overflow threshold) lies within err plus marginUlps of the value's normal ULP.
 */
function roundChecked(n: bigint, s: number, err: bigint, marginUlps: number): number | null {
  const b = bitLength(n);
  const ulpExp = Math.max(b - 1 + s - 52, -1074);
  const shift = ulpExp - s;
  if (shift <= 1) throw new Error("float-pow: too few bits"); // F keeps n far longer than 53 bits
  const q = n >> BigInt(shift);
  const rest = n - (q << BigInt(shift));
  const half = 1n << BigInt(shift - 1);
  const margin = (BigInt(Math.ceil(marginUlps * 2 ** 20)) << BigInt(Math.max(b - 53 - 20, 0))) + err;
  const dist = rest > half ? rest - half : half - rest;
  if (dist <= margin) return null;
  const mant = rest > half ? q + 1n : q;
  return Number(mant) * 2 ** ulpExp; // exact; Infinity past DBL_MAX
}

/**
 * glibc's pow(x, y) for finite x > 0, x != 1 and finite y != 0: Infinity where it overflows (ERANGE),
 * 0 where it underflows to zero, null where its rounding cannot be predicted.
 */
export function glibcPow(x: number, y: number): number | null {
  const X = decompose(x);
  const Y = decompose(y);
  const lnx = lnFixed(X.m, X.e);
  // t = y * ln x, within tErr units
  const yBits = bitLength(Y.m);
  let t = lnx * (Y.neg ? -Y.m : Y.m);
  let tErr: bigint;
  if (Y.e >= 0) {
    t <<= BigInt(Y.e);
    tErr = LN_ERR << BigInt(yBits + Y.e);
  } else {
    t >>= BigInt(-Y.e);
    tErr = ((LN_ERR << BigInt(yBits)) >> BigInt(-Y.e)) + 2n;
  }
  // |ln x| >= 2^-53 dwarfs tErr's share of t, so t's sign and size past 800 are certain:
  // e^800 > 2^1154 overflows and e^-800 < 2^-1154 underflows to zero in any rounding.
  const LIMIT = 800n << BF;
  if (t > LIMIT) return Infinity;
  if (t < -LIMIT) return 0;
  // e^t = 2^k e^r with r = t - k ln2, |r| <= 0.35
  const k = (t + LN2 / 2n) / LN2 - (t + LN2 / 2n < 0n ? 1n : 0n); // floor
  const r = t - k * LN2;
  const kAbs = k < 0n ? -k : k;
  const rErr = tErr + kAbs * LN2_ERR + 1n;
  const e = expSmall(r);
  const eErr = 2n * rErr + (1n << 8n);
  const tAbs = Math.abs(Number(t >> (BF - 20n)) / 2 ** 20);
  // glibc's slack: 0.011 ULP + |t| * 1.5 * 2^-15 ULP; we allow 1.5 times that
  const marginUlps = 1.5 * (0.011 + tAbs * 1.5 * 2 ** -15);
  return roundChecked(e, Number(k) - F, eErr, marginUlps);
}
