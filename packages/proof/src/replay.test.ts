import { describe, expect, it } from 'vitest';
import { givensFrom, identifier, type Givens } from '@odot/core';
import { parseDeclarations, parseExpr } from '@odot/parser';
import type { AppliedStep } from './applied-step.ts';
import { defaultBackend } from './default-backend.ts';
import { applyEntrywiseLaw } from './entrywise.ts';
import { entrywiseRules } from './entrywise-rules.ts';
import { replayStep } from './replay.ts';

function givens(text: string): Givens {
  const result = parseDeclarations(text);
  if (!result.ok) throw new Error(result.error.message);
  return givensFrom(result.value);
}

const recorded = (text: string, law: string): AppliedStep[] => applyEntrywiseLaw(parseExpr(text), law, { givens: new Map() });

describe('replayStep (the independent replay checker)', () => {
  const cases: [string, string][] = [
    ['((A ⊙ B)ᵀ)[i,j]', 'def_transpose'],
    ['(A ⊙ B)[j,i] + C[i,j]', 'def_hadamard'],
    ['(A B)[i,j]', 'def_matmul'],
    ['Σ_k(A[i,k] B[k,j])', 'def_matmul'],
    ['A[i,j] (B[i,j] + C[i,j])', 'mul_add'],
    ['Σ_k(Σ_l(A[k,l]))', 'sum_comm'],
    ['A[i,j] Σ_k(B[k,j])', 'mul_sum'],
  ];
  it.each(cases)('re-verifies every recorded application on %s by %s', (text, law) => {
    const steps = recorded(text, law);
    expect(steps.length).toBeGreaterThan(0);
    for (const step of steps) expect(replayStep(step, entrywiseRules(law))).toEqual({ ok: true });
  });

  it('rejects a tampered record', () => {
    const [step] = recorded('A[i,j] B[i,j] + C[i,j]', 'mul_comm');
    if (!step) throw new Error('expected a step');
    const rules = entrywiseRules('mul_comm');
    expect(replayStep(step, rules).ok).toBe(true);
    expect(replayStep({ ...step, path: [1] }, rules).ok).toBe(false);
    expect(replayStep({ ...step, path: [0, 0, 0] }, rules).ok).toBe(false);
    expect(replayStep({ ...step, after: parseExpr('A[i,j] B[i,j] + C[i,j]') }, rules).ok).toBe(false);
    expect(replayStep({ ...step, substitution: { a: identifier('B'), b: identifier('A') } }, rules).ok).toBe(false);
    expect(replayStep({ ...step, substitution: {} }, rules)).toMatchObject({ ok: false, reason: expect.stringMatching(/does not bind/) });
    expect(replayStep(step, entrywiseRules('def_hadamard')).ok).toBe(false);
    expect(replayStep(step, [])).toMatchObject({ ok: false });
  });

  it('re-verifies catalogue steps with rewrite’s applyLaw, and rejects a tampered one', () => {
    const backend = defaultBackend();
    const g = givens('A, B: m×n');
    const steps = backend.engine.apply(parseExpr('(A ⊙ B)ᵀ'), 'transpose_hadamard', g);
    expect(steps.length).toBeGreaterThan(0);
    for (const step of steps) expect(backend.replay(step, g)).toEqual({ ok: true });
    const step = steps[0] as AppliedStep;
    expect(backend.replay({ ...step, after: parseExpr('Bᵀ Aᵀ') }, g)?.ok).toBe(false);
    expect(backend.replay({ ...step, path: [0, 0] }, g)?.ok).toBe(false);
  });
});
