import { OdotException, odotError } from '@odot/core';

/** An exact rational number: bigint numerator and denominator, always reduced, denominator > 0. */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

/** The rational `num/den`, reduced; throws an `OdotException` (code `division-by-zero`) when `den` is 0. */
export function rational(num: bigint | number, den: bigint | number = 1n): Rational {
  let n = typeof num === 'bigint' ? num : BigInt(num);
  let d = typeof den === 'bigint' ? den : BigInt(den);
  if (d === 0n) throw new OdotException(odotError('division-by-zero', 'division by zero'));
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  if (d === 1n) return { num: n, den: 1n };
  const g = gcd(n, d);
  return g === 1n ? { num: n, den: d } : { num: n / g, den: d / g };
}

/** The rational 0. */
export const ZERO: Rational = { num: 0n, den: 1n };
/** The rational 1. */
export const ONE: Rational = { num: 1n, den: 1n };

/** `a + b`. */
export function radd(a: Rational, b: Rational): Rational {
  if (a.den === 1n && b.den === 1n) return { num: a.num + b.num, den: 1n };
  return rational(a.num * b.den + b.num * a.den, a.den * b.den);
}

/** `a − b`. */
export function rsub(a: Rational, b: Rational): Rational {
  if (a.den === 1n && b.den === 1n) return { num: a.num - b.num, den: 1n };
  return rational(a.num * b.den - b.num * a.den, a.den * b.den);
}

/** `a · b`. */
export function rmul(a: Rational, b: Rational): Rational {
  if (a.num === 0n || b.num === 0n) return ZERO;
  if (a.den === 1n && b.den === 1n) return { num: a.num * b.num, den: 1n };
  return rational(a.num * b.num, a.den * b.den);
}

/** `a / b`; throws (code `division-by-zero`) when `b` is 0. */
export function rdiv(a: Rational, b: Rational): Rational {
  return rational(a.num * b.den, a.den * b.num);
}

/** `−a`. */
export function rneg(a: Rational): Rational {
  return { num: -a.num, den: a.den };
}

/** `1/a`; throws (code `division-by-zero`) when `a` is 0. */
export function rinv(a: Rational): Rational {
  return rational(a.den, a.num);
}

/** `a^k` for an integer `k` (negative `k` needs `a ≠ 0`). */
export function rpow(a: Rational, k: number): Rational {
  if (k < 0) return rpow(rinv(a), -k);
  const e = BigInt(k);
  return { num: a.num ** e, den: a.den ** e };
}

/** −1, 0 or 1. */
export function rsign(a: Rational): -1 | 0 | 1 {
  return a.num < 0n ? -1 : a.num > 0n ? 1 : 0;
}

/** Compares `a` and `b`: negative, zero or positive. */
export function rcmp(a: Rational, b: Rational): number {
  const d = a.num * b.den - b.num * a.den;
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

/** True when `a = b`. */
export function requals(a: Rational, b: Rational): boolean {
  return a.num === b.num && a.den === b.den;
}

/** True when `a = 0`. */
export function risZero(a: Rational): boolean {
  return a.num === 0n;
}

/** True when `a` is an integer. */
export function risInteger(a: Rational): boolean {
  return a.den === 1n;
}

/** `|a|`. */
export function rabs(a: Rational): Rational {
  return a.num < 0n ? { num: -a.num, den: a.den } : a;
}

/** The nearest double to `a` (exact for integers up to 2^53). */
export function rationalToNumber(a: Rational): number {
  if (a.den === 1n) return Number(a.num);
  const n = Number(a.num);
  const d = Number(a.den);
  if (Number.isFinite(n) && Number.isFinite(d)) return n / d;
  // Scale both down to keep the quotient accurate for huge numerators/denominators.
  const shift = BigInt(Math.max(a.num.toString(2).length, a.den.toString(2).length) - 1000);
  return Number(a.num >> (shift > 0n ? shift : 0n)) / Number(a.den >> (shift > 0n ? shift : 0n));
}

/**
 * The nearest double when it stands for the value faithfully; otherwise (a value beyond ±1.8e308
 * that would read `Infinity`, or a nonzero value below 5e-324 that would read 0) the exact value in
 * scientific notation with 16 significant digits, e.g. `1.148130695274254e+602`. Never a wrong number.
 */
export function decimalOf(a: Rational): number | string {
  const x = rationalToNumber(a);
  if (Number.isFinite(x) && (x !== 0 || a.num === 0n)) return x;
  return scientific(a, 16);
}

/** `a` in scientific notation with `digits` significant digits (truncated), computed exactly. */
function scientific(a: Rational, digits: number): string {
  const negative = a.num < 0n;
  const num = negative ? -a.num : a.num;
  // 10^e ≤ num/den < 10^(e+1): start from the digit counts, then correct by one.
  let e = num.toString().length - a.den.toString().length;
  const scaled = (k: number): bigint => (k >= 0 ? (num * 10n ** BigInt(k)) / a.den : num / (a.den * 10n ** BigInt(-k)));
  let m = scaled(digits - 1 - e);
  if (m < 10n ** BigInt(digits - 1)) {
    e -= 1;
    m = scaled(digits - 1 - e);
  }
  const text = m.toString();
  const mantissa = `${text.slice(0, 1)}.${text.slice(1)}`.replace(/\.?0+$/, '');
  return `${negative ? '-' : ''}${mantissa}e${e >= 0 ? '+' : '-'}${Math.abs(e)}`;
}

/** The exact rational value of a finite double (every double is a dyadic rational). */
export function rationalFromNumber(x: number): Rational {
  if (!Number.isFinite(x)) throw new OdotException(odotError('not-finite', `cannot make ${x} exact`));
  if (Number.isInteger(x)) return { num: BigInt(x), den: 1n };
  let den = 1n;
  let v = x;
  while (!Number.isInteger(v)) {
    v *= 2;
    den *= 2n;
  }
  return rational(BigInt(v), den);
}

/** Prints `7`, `-1/2`. */
export function formatRational(a: Rational): string {
  return a.den === 1n ? a.num.toString() : `${a.num}/${a.den}`;
}

/**
 * Parses an exact number: an integer `"7"`, a decimal `"0.25"`, `"-1.5e-3"`, or a fraction `"1/2"`.
 * Returns undefined for anything else.
 */
export function parseRational(text: string): Rational | undefined {
  const t = text.trim();
  const frac = /^([+-]?\d+)\s*\/\s*([+-]?\d+)$/.exec(t);
  if (frac) {
    const d = BigInt(frac[2] ?? '1');
    if (d === 0n) return undefined;
    return rational(BigInt(frac[1] ?? '0'), d);
  }
  const dec = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(t);
  if (!dec) return undefined;
  const [, sign = '', intPart = '', fracPart = '', expPart] = dec;
  if (intPart === '' && fracPart === '') return undefined;
  let num = BigInt((intPart || '0') + fracPart);
  let den = 10n ** BigInt(fracPart.length);
  if (expPart !== undefined) {
    const e = Number(expPart);
    if (Math.abs(e) > 10000) return undefined;
    if (e >= 0) num *= 10n ** BigInt(e);
    else den *= 10n ** BigInt(-e);
  }
  return rational(sign === '-' ? -num : num, den);
}
