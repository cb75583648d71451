import { givensFrom, LimitReached, type Expr, type Givens } from '@odot/core';
import { parseDeclarations, parseExpr } from '@odot/parser';
import { describe, expect, it } from 'vitest';
import { defaultBackend } from './default-backend.ts';
import { exprKey } from './expr-tools.ts';

// `stepDoers` (one joint conversion, results compared by term identity) must name exactly the laws
// the slow way names: apply each law, compare each catalogue result canonically with the target
// and each entrywise result as written.

const backend = defaultBackend();

function givensOf(text: string): Givens {
  const d = parseDeclarations(text);
  if (!d.ok) throw new Error(d.error.message);
  return givensFrom(d.value);
}

/** The laws among `names` that do from → to, found the slow way (as `canonicalDoers` did before `stepDoers`). */
function slowDoers(from: Expr, to: Expr, names: readonly string[], givens: Givens): string[] {
  const target = exprKey(to);
  return names.filter((name) => {
    let steps;
    try {
      steps = backend.engine.apply(from, name, givens);
    } catch (error) {
      if (error instanceof LimitReached) return false;
      throw error;
    }
    return steps.some((step) => exprKey(step.after) === target || (step.origin === 'catalogue' && backend.canonicallyEqual(step.after, to, givens)));
  });
}

const CASES: readonly (readonly [string, string, string])[] = [
  ['(A ⊙ J) ⊙ (B + C)', 'A ⊙ (B + C)', 'A, B, C: m×n'],
  ['A ⊙ (B + C)', 'A ⊙ B + A ⊙ C', 'A, B, C: m×n'],
  ['A ⊙ B + A ⊙ C', 'A ⊙ B + C ⊙ A', 'A, B, C: m×n'],
  ['(A ⊙ B)ᵀ', 'Aᵀ ⊙ Bᵀ', 'A, B: m×n'],
  ['D₁ D₂', 'D₁ ⊙ D₂', 'D₁, D₂: n×n diagonal'],
  ['2 (A ⊙ B)', '(2 A) ⊙ B', 'A, B: m×n'],
  ['A ⊙ 0', '0', 'A: m×n'],
  ['(A + B)ᵀ', 'Aᵀ + Bᵀ', 'A, B: m×n'],
  ['tr(A Bᵀ)', 'tr(B Aᵀ)', 'A, B: n×n'],
  ['(A ⊙ B)[i,j]', 'A[i,j] B[i,j]', 'A, B: m×n'],
  ['A[i,j] B[i,j]', 'B[i,j] A[i,j]', 'A, B: m×n'],
  ['A ⊙ B', 'A B', 'A, B: n×n'],
];

describe('stepDoers names the laws the slow way names', () => {
  it.each(CASES)('%s → %s', (fromText, toText, decls) => {
    const givens = givensOf(decls);
    const from = parseExpr(fromText);
    const to = parseExpr(toText);
    const names = backend.engine.names;
    const fast = backend.stepDoers?.(from, to, names, givens);
    expect(fast).toBeDefined();
    expect(fast).toEqual(slowDoers(from, to, names, givens));
  });

  it('finds the law that does a step (and not for a false one)', () => {
    const givens = givensOf('A, B, C: m×n');
    const doers = backend.stepDoers?.(parseExpr('A ⊙ (B + C)'), parseExpr('A ⊙ B + A ⊙ C'), backend.engine.names, givens);
    expect(doers).toContain('hadamard_add');
    expect(backend.stepDoers?.(parseExpr('A ⊙ (B + C)'), parseExpr('A ⊙ B + C'), backend.engine.names, givens)).toEqual([]);
  });

  it('is undefined when the two sides do not read together (the checker then applies each law)', () => {
    expect(backend.stepDoers?.(parseExpr('A'), parseExpr('B'), backend.engine.names, givensOf('A: 2×3; B: 3×2'))).toBeUndefined();
  });
});
