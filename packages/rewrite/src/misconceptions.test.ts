import { describe, expect, it } from 'vitest';
import { exprEquals, givensFrom } from '@odot/core';
import { identityTest } from '@odot/numeric';
import { parseDeclarations, parseExpr } from '@odot/parser';
import { MISCONCEPTIONS, MISCONCEPTION_CODES, mutantsOf } from './misconceptions.ts';

const declarations = parseDeclarations('A, B, C, X: n×n; D: n×n diagonal');
if (!declarations.ok) throw new Error(declarations.error.message);
const GIVENS = givensFrom(declarations.value);

describe('the misconception catalogue', () => {
  it.each(MISCONCEPTIONS.map((m) => [m.code, m.rule] as const))('%s: `%s` is false, and mutantsOf its left side yields its right side', (code, rule) => {
    const [left, right] = rule.split(' = ').map((side) => parseExpr(side)) as [ReturnType<typeof parseExpr>, ReturnType<typeof parseExpr>];
    const verdict = identityTest(left, right, GIVENS, { seed: 3 });
    // A buggy rule is never an identity: random exact instances refute it, or its sides do not even have the same shape.
    expect(['different', 'error']).toContain(verdict.verdict);
    const mutants = mutantsOf(left).filter((m) => m.code === code);
    expect(mutants.some((m) => exprEquals(m.expr, right)), `${code}: ${rule}`).toBe(true);
  });

  it('sorts mutants in catalogue order and keeps the grader’s first six codes first', () => {
    const codes = mutantsOf(parseExpr('(A B) ⊙ (I ⊙ C)')).map((m) => MISCONCEPTION_CODES.indexOf(m.code));
    expect(codes).toEqual([...codes].sort((a, b) => a - b));
    expect(MISCONCEPTION_CODES.slice(0, 6)).toEqual(['matmul-instead-of-hadamard', 'kronecker-instead-of-hadamard', 'sum-instead-of-product', 'hadamard-instead-of-matmul', 'swapped-operands', 'transposed']);
  });
});
