import { test } from '@fast-check/vitest';
import { add, equal, hadamard, identifier, matMul, ones, type Expr, type Givens } from '@odot/core';
import { parseExpr } from '@odot/parser';
import { describe, expect, it } from 'vitest';
import { exprToTerm } from './convert.ts';
import { RANDOM_SQUARE_GIVENS, givensOfText, randomSquareExpr } from './test-support.ts';

// exprToTerm takes its shapes from core's inferShapes, whose fast path sizes the common cases
// (declared symbols; J, 0, I sized, or bare in a ⊙, +/−, = chain beside a known shape, and a bare I
// in a product, sized by its neighbour) and leaves the rest to unification. The conversion with the
// fast path and with unification alone must give the same term, and the same failure.

/** The conversion by the fast path (when it applies) and by unification alone agree: same term, or both fail with the same code. */
function agree(e: Expr, givens: Givens): void {
  const fast = exprToTerm(e, givens);
  const unified = exprToTerm(e, givens, { quick: false });
  expect(fast.ok).toBe(unified.ok);
  if (fast.ok && unified.ok) expect(fast.value).toBe(unified.value);
  if (!fast.ok && !unified.ok) expect(fast.error.code).toBe(unified.error.code);
}

const SQUARE = givensOfText(RANDOM_SQUARE_GIVENS);
const RECT = givensOfText('A, B: m×n; C: n×m; u: n; c: scalar');

describe('the fast shape path agrees with unification', () => {
  test.prop([randomSquareExpr({ traces: true })], { numRuns: 300 })('random square expressions with bare J, 0, I', (e) => {
    agree(e, SQUARE);
    agree(equal(e, hadamard(identifier('A'), e)), SQUARE);
  });

  it('bare constants beside rectangular, 1×1 and scalar parts, and one J object at two places', () => {
    const texts = [
      'A ⊙ J',
      'J ⊙ A + 0',
      'A + J ⊙ (B + 0)',
      'A ⊙ I',
      'A ⊙ (J + J) = B',
      'J = A ⊙ B',
      'J = 0',
      'C A + I',
      'A C + I',
      'uᵀ u + 0',
      'uᵀ u ⊙ J',
      'A J',
      'tr(C A) + 0',
      'A + B ⊙ I',
      '-J + A',
      'I A = A',
      'A I + B',
      'c I A',
      'I c',
      'I I A C',
      'A I C + I',
      'J I',
      'uᵀ I u',
      'tr(A C) = 0',
      'tr(A C) + 0 = c',
      'tr(O_{n×n}) = 0',
      'c + I',
    ];
    for (const text of texts) agree(parseExpr(text), RECT);
    // One bare J object standing in an m×n chain and in an n×m chain: unification refuses it.
    const j = ones();
    agree(matMul(hadamard(identifier('A'), j), hadamard(identifier('C'), j)), RECT);
    agree(add(hadamard(identifier('A'), j), hadamard(identifier('B'), j)), RECT);
  });
});
