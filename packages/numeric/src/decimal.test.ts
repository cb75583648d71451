import { describe, expect, it } from 'vitest';
import { parseExpr } from '@odot/parser';
import { evaluate } from './evaluate.ts';
import { decimalOf, rational } from './rational.ts';
import { scalarValue, valueToJson } from './value.ts';

// Issue 15: float overflow and underflow never print a wrong number (Infinity, 0).
describe('decimalOf', () => {
  it('is the nearest double when it is faithful', () => {
    expect(decimalOf(rational(7n))).toBe(7);
    expect(decimalOf(rational(-1n, 2n))).toBe(-0.5);
    expect(decimalOf(rational(0n))).toBe(0);
  });

  it('beyond the range of doubles it is the exact value in scientific notation', () => {
    // 2^2000 = 1.1481306952742545242…e602 (independently: 2000·log10 2 = 602.0599…).
    expect(decimalOf(rational(2n ** 2000n))).toBe('1.148130695274254e+602');
    expect(decimalOf(rational(-(2n ** 2000n)))).toBe('-1.148130695274254e+602');
    // 2^-2000 = 8.7098098162172166…e-603.
    expect(decimalOf(rational(1n, 2n ** 2000n))).toBe('8.709809816217216e-603');
    expect(decimalOf(rational(10n ** 400n))).toBe('1e+400');
  });

  it("A^⊙2000 with A = [[2]] evaluates exactly and its JSON is not null", () => {
    const v = evaluate(parseExpr('A^⊙2000'), new Map([['A', evaluateLiteral('[[2]]')]]), { mode: 'exact' });
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    expect(valueToJson(v.value, false).value).toEqual([['1.148130695274254e+602']]);
    expect(valueToJson(scalarValue(rational(1n, 2n ** 2000n)), false).value).toBe('8.709809816217216e-603');
  });
});

function evaluateLiteral(text: string) {
  const v = evaluate(parseExpr(text), new Map(), { mode: 'exact' });
  if (!v.ok) throw new Error(v.error.message);
  return v.value;
}
