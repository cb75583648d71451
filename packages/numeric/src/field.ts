import type { Rational } from './rational.ts';
import {
  ONE,
  ZERO,
  formatRational,
  radd,
  rdiv,
  requals,
  rinv,
  rmul,
  rneg,
  rsub,
  rationalToNumber,
} from './rational.ts';

/**
 * The scalar arithmetic the generic algorithms (evaluation, elimination, determinant, inverse)
 * run over: exact rationals, doubles, or integers modulo a prime (identity testing).
 */
export interface Field<T> {
  readonly name: 'rational' | 'float' | 'modular';
  readonly zero: T;
  readonly one: T;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  mul(a: T, b: T): T;
  neg(a: T): T;
  /** `1/a`; callers check `isZero(a)` first. */
  inv(a: T): T;
  div(a: T, b: T): T;
  isZero(a: T): boolean;
  equals(a: T, b: T): boolean;
  /** The image of an exact rational; undefined when it has no image (denominator ≡ 0 mod p). */
  fromRational(r: Rational): T | undefined;
  /** A size for choosing pivots: larger is better (absolute value for floats, 1 for any nonzero exact value). */
  magnitude(a: T): number;
  format(a: T): string;
  /** The integer value, when `a` is an integer that indexes or exponentiates (never for residues mod p). */
  toInteger(a: T): number | undefined;
  /**
   * Pivots of this magnitude or less count as zero in elimination, given the order n and the
   * largest entry magnitude (0 for exact fields; n·2⁻⁵²·max|aᵢⱼ| for floats).
   */
  negligible(n: number, largest: number): number;
}

/** Exact rational arithmetic. */
export const RATIONAL_FIELD: Field<Rational> = {
  name: 'rational',
  zero: ZERO,
  one: ONE,
  add: radd,
  sub: rsub,
  mul: rmul,
  neg: rneg,
  inv: rinv,
  div: rdiv,
  isZero: (a) => a.num === 0n,
  equals: requals,
  fromRational: (r) => r,
  // Prefer small pivots (short numerators/denominators keep elimination cheap).
  magnitude: (a) => (a.num === 0n ? 0 : 1 / (1 + a.num.toString(16).length + a.den.toString(16).length)),
  format: formatRational,
  negligible: () => 0,
  toInteger: (a) => (a.den === 1n && a.num <= BigInt(Number.MAX_SAFE_INTEGER) && a.num >= -BigInt(Number.MAX_SAFE_INTEGER) ? Number(a.num) : undefined),
};

/** IEEE double arithmetic. */
export const FLOAT_FIELD: Field<number> = {
  name: 'float',
  zero: 0,
  one: 1,
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  neg: (a) => -a,
  inv: (a) => 1 / a,
  div: (a, b) => a / b,
  isZero: (a) => a === 0,
  equals: (a, b) => a === b,
  fromRational: rationalToNumber,
  magnitude: Math.abs,
  format: (a) => String(a),
  toInteger: (a) => (Number.isSafeInteger(a) ? a : undefined),
  negligible: (n, largest) => n * 2 ** -52 * largest,
};

/** The Mersenne prime 2^61 − 1 used by identity testing. */
export const MERSENNE_61 = (1n << 61n) - 1n;

/** `a mod p` in [0, p). */
export function mod(a: bigint, p: bigint): bigint {
  const r = a % p;
  return r < 0n ? r + p : r;
}

/** `a^e mod p` by repeated squaring. */
export function powMod(a: bigint, e: bigint, p: bigint): bigint {
  let result = 1n;
  let base = mod(a, p);
  let k = e;
  while (k > 0n) {
    if (k & 1n) result = (result * base) % p;
    base = (base * base) % p;
    k >>= 1n;
  }
  return result;
}

/** `a⁻¹ mod p` by the extended Euclidean algorithm (`a` nonzero mod the prime p). */
export function invMod(a: bigint, p: bigint): bigint {
  let [r0, r1] = [p, mod(a, p)];
  let [t0, t1] = [0n, 1n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [t0, t1] = [t1, t0 - q * t1];
  }
  return mod(t0, p);
}

/** Fields made so far, by prime (a field is immutable; every identity test asks for one). Bounded. */
const MODULAR_FIELDS = new Map<bigint, Field<bigint>>();

/** Arithmetic in the integers modulo the prime `p` (bigint residues in [0, p)). */
export function modularField(p: bigint = MERSENNE_61): Field<bigint> {
  const known = MODULAR_FIELDS.get(p);
  if (known) return known;
  if (MODULAR_FIELDS.size >= 16) MODULAR_FIELDS.clear();
  const field = makeModularField(p);
  MODULAR_FIELDS.set(p, field);
  return field;
}

function makeModularField(p: bigint): Field<bigint> {
  return {
    name: 'modular',
    zero: 0n,
    one: 1n,
    add: (a, b) => {
      const s = a + b;
      return s >= p ? s - p : s;
    },
    sub: (a, b) => {
      const s = a - b;
      return s < 0n ? s + p : s;
    },
    mul: (a, b) => (a * b) % p,
    neg: (a) => (a === 0n ? 0n : p - a),
    inv: (a) => invMod(a, p),
    div: (a, b) => (a * invMod(b, p)) % p,
    isZero: (a) => a === 0n,
    equals: (a, b) => a === b,
    fromRational: (r) => {
      const d = mod(r.den, p);
      if (d === 0n) return undefined;
      return (mod(r.num, p) * invMod(d, p)) % p;
    },
    magnitude: (a) => (a === 0n ? 0 : 1),
    format: (a) => a.toString(),
    toInteger: () => undefined,
    negligible: () => 0,
  };
}
