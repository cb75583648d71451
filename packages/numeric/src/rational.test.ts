import { describe, expect, it } from 'vitest';
import {
  formatRational,
  parseRational,
  radd,
  rational,
  rationalFromNumber,
  rationalToNumber,
  rcmp,
  rdiv,
  rinv,
  rmul,
  rpow,
  rsub,
} from './rational.ts';
import { createRng } from './rng.ts';

describe('rationals', () => {
  it('are reduced with a positive denominator', () => {
    expect(rational(6n, -4n)).toEqual({ num: -3n, den: 2n });
    expect(rational(0n, -5n)).toEqual({ num: 0n, den: 1n });
    expect(() => rational(1n, 0n)).toThrow(/division by zero/);
  });
  it('do arithmetic exactly', () => {
    const half = rational(1n, 2n);
    const third = rational(1n, 3n);
    expect(formatRational(radd(half, third))).toBe('5/6');
    expect(formatRational(rsub(third, half))).toBe('-1/6');
    expect(formatRational(rmul(half, third))).toBe('1/6');
    expect(formatRational(rdiv(half, third))).toBe('3/2');
    expect(formatRational(rinv(rational(-2n)))).toBe('-1/2');
    expect(formatRational(rpow(rational(-2n, 3n), -3))).toBe('-27/8');
    expect(rcmp(half, third)).toBe(1);
  });
  it('parse integers, decimals and fractions exactly', () => {
    expect(formatRational(parseRational('0.1') ?? rational(9n))).toBe('1/10');
    expect(formatRational(radd(parseRational('0.1') ?? rational(9n), parseRational('0.2') ?? rational(9n)))).toBe('3/10');
    expect(formatRational(parseRational('-1.5e-3') ?? rational(9n))).toBe('-3/2000');
    expect(formatRational(parseRational('4/-6') ?? rational(9n))).toBe('-2/3');
    expect(parseRational('abc')).toBeUndefined();
    expect(parseRational('1/0')).toBeUndefined();
  });
  it('convert doubles exactly and back', () => {
    expect(formatRational(rationalFromNumber(0.1))).toBe('3602879701896397/36028797018963968');
    const rng = createRng(7);
    for (let t = 0; t < 200; t++) {
      const x = (rng.next() - 0.5) * 10 ** rng.int(-5, 5);
      expect(rationalToNumber(rationalFromNumber(x))).toBe(x);
    }
  });
  it('agree with bigint arithmetic on random fractions (a/b + c/d = (ad + bc)/bd)', () => {
    const rng = createRng(11);
    for (let t = 0; t < 300; t++) {
      const [a, b, c, d] = [rng.int(-50, 50), rng.int(1, 50), rng.int(-50, 50), rng.int(1, 50)].map(BigInt) as [bigint, bigint, bigint, bigint];
      const sum = radd(rational(a, b), rational(c, d));
      expect(sum.num * b * d).toBe((a * d + b * c) * sum.den);
    }
  });
});

describe('arithmetic modulo 2⁶¹ − 1', () => {
  it('inverses agree with Fermat (a^(p−2)) and multiply to 1', async () => {
    const { MERSENNE_61, invMod, powMod } = await import('./field.ts');
    const rng = createRng(5);
    for (let t = 0; t < 50; t++) {
      const a = 1n + rng.bigintBelow(MERSENNE_61 - 1n);
      const inv = invMod(a, MERSENNE_61);
      expect(inv).toBe(powMod(a, MERSENNE_61 - 2n, MERSENNE_61));
      expect((a * inv) % MERSENNE_61).toBe(1n);
    }
  });
});
