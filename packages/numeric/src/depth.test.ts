import { describe, expect, it } from 'vitest';
import { hadamard, identifier, transpose, type Expr } from '@odot/core';
import { exactMatrix } from './matrix.ts';
import { catchOdot, evaluate, isTooLarge } from './evaluate.ts';
import { identityTest } from './identity-test.ts';

// Issue 15: deep input is refused by an explicit depth count (too-deep), never by catching a stack
// overflow; a RangeError that is not a stack overflow (a BigInt or array too large) is too-large.

const A = identifier('A');
const ONE = new Map([['A', exactMatrix([[1]])]]);

function chain(n: number, op: (l: Expr, r: Expr) => Expr): Expr {
  let e: Expr = A;
  for (let i = 1; i < n; i++) e = op(e, A);
  return e;
}

describe('evaluation depth', () => {
  it('a 20 000-factor ⊙ chain evaluates (a chain is walked in a loop)', () => {
    const r = evaluate(chain(20_000, hadamard), ONE);
    expect(r.ok).toBe(true);
  });

  it('20 000 nested transposes are too-deep, not too-large or internal', () => {
    let nested: Expr = A;
    for (let i = 0; i < 20_000; i++) nested = transpose(nested);
    const r = evaluate(nested, ONE);
    expect(r.ok).toBe(false);
    if (!r.ok) expect([r.error.code, r.error.message]).toEqual(['too-deep', 'evaluate: the expression is nested more than 1000 levels deep']);
  });

  it('999 nested transposes evaluate: the limit is past what the parser accepts', () => {
    let nested: Expr = A;
    for (let i = 0; i < 999; i++) nested = transpose(nested);
    expect(evaluate(nested, ONE).ok).toBe(true);
  });

  it('the identity test refuses a side deeper than the limit with too-deep', () => {
    let nested: Expr = A;
    for (let i = 0; i < 20_000; i++) nested = transpose(nested);
    const v = identityTest(nested, A);
    expect(v.verdict).toBe('error');
    if (v.verdict === 'error') expect(v.error.code).toBe('too-deep');
  });
});

describe('RangeErrors', () => {
  it('a BigInt or an array too large is too-large; a stack overflow is an internal error, never too-large or too-deep', () => {
    expect(isTooLarge(new RangeError('Maximum BigInt size exceeded'))).toBe(true);
    expect(isTooLarge(new RangeError('Invalid array length'))).toBe(true);
    const overflow = (() => {
      const down = (n: number): number => down(n + 1) + 1;
      try {
        down(0);
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(overflow).toBeInstanceOf(RangeError);
    expect(isTooLarge(overflow)).toBe(false);
    const big = catchOdot(() => {
      throw new RangeError('Maximum BigInt size exceeded');
    });
    expect(!big.ok && big.error.code).toBe('too-large');
    const deep = catchOdot(() => {
      throw overflow;
    });
    expect(!deep.ok && deep.error.code).toBe('internal');
  });
});
