import { Budget } from '@odot/core';
import { timed, within } from '@odot/core/testing';
import { describe, expect, it } from 'vitest';
import { checkProofAgainst } from './grade.ts';

const task = { goal: '(A ⊙ J) ⊙ (B + C) = A ⊙ B + C ⊙ A', givens: 'A, B, C: m×n' };
/** A true proof of the goal with `2n` padding steps that swap back and forth first. */
const proof = (n: number): string =>
  [
    '(A ⊙ J) ⊙ (B + C)',
    ...Array.from({ length: n }, () => ['= (J ⊙ A) ⊙ (B + C)   by hadamard_comm', '= (A ⊙ J) ⊙ (B + C)   by hadamard_comm']).flat(),
    '= A ⊙ (B + C)   by hadamard_ones',
    '= A ⊙ B + A ⊙ C   by hadamard_add',
    '= A ⊙ B + C ⊙ A   by hadamard_comm',
  ].join('\n');

describe('checkProofAgainst with a task budget', () => {
  it('stops within the budget with its limit, crediting nothing', () => {
    const { value: grade, elapsed } = timed(() => {
      const budget = new Budget({ timeLimitMs: 150 });
      return checkProofAgainst(proof(300), { ...task, budget });
    });
    expect(grade.limit).toEqual({ kind: 'time', value: 150 });
    expect(grade.proved).toBe(false);
    expect(grade.stepsRight).toBe(0);
    expect(grade.firstFailure).toMatchObject({ code: 'limit', message: expect.stringContaining('time: limit of 150 ms') });
    expect(elapsed).toBeLessThanOrEqual(within(150));
  });

  it('checks the whole proof when the budget allows it', () => {
    const grade = checkProofAgainst(proof(3), { ...task, budget: new Budget({ timeLimitMs: 600_000 }) });
    expect(grade.limit).toBeUndefined();
    expect(grade.stepsTotal).toBe(9);
    expect(grade.stepsRight).toBeGreaterThan(0);
    expect(checkProofAgainst(proof(0), { ...task, budget: new Budget({ timeLimitMs: 600_000 }) }).proved).toBe(true);
  });
});
