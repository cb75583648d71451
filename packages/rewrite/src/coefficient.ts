/**
 * Exact rational coefficients for number literals inside terms. A deliberately tiny subset of
 * `@odot/numeric`'s `Rational` (same structural type), kept here so that building and comparing
 * terms does not depend on the evaluator.
 */
export interface Coefficient {
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

/** The reduced coefficient `num/den` (den ≠ 0). */
export function coefficient(num: bigint, den: bigint = 1n): Coefficient {
  if (den === 0n) throw new RangeError('division by zero in a number literal');
  let n = num;
  let d = den;
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const g = gcd(n, d);
  return g <= 1n ? { num: n, den: d } : { num: n / g, den: d / g };
}

/** Reads the text of a number literal: `7`, `0.25`, `1/2`, `-3`; undefined when it is not one. */
export function parseCoefficient(text: string): Coefficient | undefined {
  const t = text.trim();
  const fraction = /^(-?\d+)\s*\/\s*(\d+)$/.exec(t);
  if (fraction) {
    const den = BigInt(fraction[2] as string);
    return den === 0n ? undefined : coefficient(BigInt(fraction[1] as string), den);
  }
  const decimal = /^(-?)(\d*)\.(\d+)$/.exec(t);
  if (decimal) {
    const digits = decimal[3] as string;
    const whole = BigInt(`${decimal[2] || '0'}${digits}`);
    return coefficient(decimal[1] === '-' ? -whole : whole, 10n ** BigInt(digits.length));
  }
  if (/^-?\d+$/.test(t)) return coefficient(BigInt(t));
  return undefined;
}

/** `a + b`. */
export const qadd = (a: Coefficient, b: Coefficient): Coefficient => coefficient(a.num * b.den + b.num * a.den, a.den * b.den);
/** `a · b`. */
export const qmul = (a: Coefficient, b: Coefficient): Coefficient => coefficient(a.num * b.num, a.den * b.den);
/** `−a`. */
export const qneg = (a: Coefficient): Coefficient => ({ num: -a.num, den: a.den });
/** Sign comparison `a − b`: −1, 0 or 1. */
export function qcmp(a: Coefficient, b: Coefficient): number {
  const d = a.num * b.den - b.num * a.den;
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}
/** The canonical text `7`, `-1/2`. */
export const qtext = (a: Coefficient): string => (a.den === 1n ? `${a.num}` : `${a.num}/${a.den}`);
/** True for an integer coefficient. */
export const qisInteger = (a: Coefficient): boolean => a.den === 1n;
