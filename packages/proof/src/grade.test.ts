import { describe, expect, it } from 'vitest';
import { checkProofAgainst } from './grade.ts';

const TASK = { goal: '(A ⊙ B)ᵀ = Bᵀ ⊙ Aᵀ', givens: 'A, B: m×n' } as const;

describe('checkProofAgainst', () => {
  it('grades a bare chain against the task goal', () => {
    const grade = checkProofAgainst('(A ⊙ B)ᵀ\n= Aᵀ ⊙ Bᵀ by transpose_hadamard\n= Bᵀ ⊙ Aᵀ by hadamard_comm', TASK);
    expect(grade).toMatchObject({ proved: true, stepsRight: 2, stepsTotal: 2, fraction: 1, errors: [] });
    expect(grade.firstFailure).toBeUndefined();
  });

  it('accepts the chain wrapped in proof … qed, and a full theorem stating the same goal', () => {
    expect(checkProofAgainst('proof\n  (A ⊙ B)ᵀ\n  = Aᵀ ⊙ Bᵀ by transpose_hadamard\n  = Bᵀ ⊙ Aᵀ by hadamard_comm\nqed', TASK).proved).toBe(true);
    const full = 'given A, B: m×n\nprove (A ⊙ B)ᵀ = Bᵀ ⊙ Aᵀ\nproof\n  (A ⊙ B)ᵀ\n  = Aᵀ ⊙ Bᵀ by transpose_hadamard\n  = Bᵀ ⊙ Aᵀ by hadamard_comm\nqed';
    expect(checkProofAgainst(full, TASK)).toMatchObject({ proved: true, stepsRight: 2, stepsTotal: 2 });
  });

  it('gives partial credit and names the first failing step', () => {
    const grade = checkProofAgainst('(A ⊙ B)ᵀ\n= Aᵀ ⊙ Bᵀ by transpose_hadamard\n= Bᵀ ⊙ Aᵀ by hadamard_assoc', TASK);
    expect(grade).toMatchObject({ proved: false, stepsRight: 1, stepsTotal: 2, fraction: 0.5 });
    expect(grade.firstFailure).toMatchObject({ line: 3, law: 'hadamard_assoc', code: 'wrong-law' });
    expect(grade.firstFailure?.message).toMatch(/hadamard_comm does it in one step/);
  });

  it('counts an unreadable line as a failed step and goes on checking', () => {
    const grade = checkProofAgainst('(A ⊙ B)ᵀ\n= Aᵀ ⊙ ⊙ Bᵀ by transpose_hadamard\n= Bᵀ ⊙ Aᵀ by hadamard_comm', TASK);
    expect(grade.stepsTotal).toBe(2);
    expect(grade.stepsRight).toBe(0);
    expect(grade.firstFailure).toMatchObject({ line: 2, code: 'parse-error' });
    expect(grade.steps[1]).toMatchObject({ code: 'unchecked' });
  });

  it('fails a proof whose chain stops short even when every step holds', () => {
    const grade = checkProofAgainst('(A ⊙ B)ᵀ\n= Aᵀ ⊙ Bᵀ by transpose_hadamard', TASK);
    expect(grade).toMatchObject({ proved: false, stepsRight: 1, stepsTotal: 1, fraction: 1 });
    expect(grade.firstFailure).toMatchObject({ code: 'wrong-end' });
  });

  it('refuses a theorem that proves something else, and ignores the answer’s own givens', () => {
    const other = 'given A, B: m×n\nprove A ⊙ B = B ⊙ A\nproof\n  A ⊙ B\n  = B ⊙ A by hadamard_comm\nqed';
    expect(checkProofAgainst(other, TASK)).toMatchObject({ proved: false, firstFailure: { code: 'wrong-goal' } });
    const cheat = 'given D, E: n×n diagonal\nprove D E = D ⊙ E\nproof\n  D E\n  = D ⊙ E by diagonal_mul_diagonal\nqed';
    const grade = checkProofAgainst(cheat, { goal: 'D E = D ⊙ E', givens: 'D, E: n×n' });
    expect(grade.proved).toBe(false);
    expect(grade.firstFailure).toMatchObject({ code: 'side-condition' });
  });

  it('applies the worksheet policy on `by algebra`', () => {
    const body = '(A + B) ⊙ C\n= C ⊙ A + C ⊙ B by algebra';
    const task = { goal: '(A + B) ⊙ C = C ⊙ A + C ⊙ B', givens: ['A, B: m×n', 'C: m×n'] };
    expect(checkProofAgainst(body, { ...task, allowAlgebra: true }).proved).toBe(true);
    expect(checkProofAgainst(body, { ...task, allowAlgebra: false }).firstFailure).toMatchObject({ code: 'algebra-forbidden', line: 2 });
  });

  it('grades claims proved by a law', () => {
    expect(checkProofAgainst('P ⊙ Q ⪰ 0 by schur', { goal: 'P ⊙ Q ⪰ 0', givens: 'P, Q: n×n psd' })).toMatchObject({ proved: true, stepsRight: 1, stepsTotal: 1 });
    expect(checkProofAgainst('P ⊙ Q ⪰ 0 by schur', { goal: 'P ⊙ Q ⪰ 0', givens: 'P: n×n psd; Q: n×n' }).firstFailure).toMatchObject({
      code: 'side-condition',
      message: 'schur needs Q psd',
    });
  });

  it('reports bad task input as errors, never throwing', () => {
    expect(checkProofAgainst('A', { goal: 'A ⊙', givens: 'A: n×n' })).toMatchObject({ proved: false, errors: [{ code: expect.any(String) }] });
    expect(checkProofAgainst('A', { goal: 'A', givens: 'A: n×n' }).errors[0]?.message).toMatch(/equation/);
    expect(checkProofAgainst('A', { goal: 'A = A', givens: 'A: n×' }).errors[0]?.message).toMatch(/givens/);
    expect(checkProofAgainst('', { goal: 'A = A' })).toMatchObject({ proved: false, stepsTotal: 0, firstFailure: { code: 'wrong-end' } });
  });
});
