import { describe, expect, it } from 'vitest';
import { checkProof } from './check-proof.ts';
import { checkProofAgainst } from './grade.ts';

// Issue 15: steps that change nothing earn nothing; a huge step is a verdict, not an internal error.
const TASK = { goal: '(A ⊙ B)ᵀ = Bᵀ ⊙ Aᵀ', givens: 'A, B: m×n' };

describe('steps that change nothing', () => {
  it('the starting line plus 600 no-op steps earns no step credit', () => {
    const body = ['(A ⊙ B)ᵀ', ...Array.from({ length: 600 }, () => '= (A ⊙ B)ᵀ by hadamard_comm')].join('\n');
    const grade = checkProofAgainst(body, TASK);
    expect(grade.proved).toBe(false);
    expect(grade.stepsRight).toBe(0);
    expect(grade.fraction).toBe(0);
    expect(grade.steps.filter((s) => s.code === 'no-change')).toHaveLength(600);
  });

  it('one no-op step earns nothing (it scored half before)', () => {
    const grade = checkProofAgainst('(A ⊙ B)ᵀ\n= (A ⊙ B)ᵀ by transpose_hadamard', TASK);
    expect(grade.stepsRight).toBe(0);
    expect(grade.fraction).toBe(0);
    expect(grade.steps[0]).toMatchObject({ code: 'no-change', ok: true });
  });

  it('a valid proof with a redundant no-op step stays valid, but the no-op is not counted right', () => {
    const grade = checkProofAgainst('(A ⊙ B)ᵀ\n= Aᵀ ⊙ Bᵀ by transpose_hadamard\n= Aᵀ ⊙ Bᵀ by hadamard_comm\n= Bᵀ ⊙ Aᵀ by hadamard_comm', TASK);
    expect(grade.proved).toBe(true);
    expect(grade.stepsRight).toBe(2);
    expect(grade.stepsTotal).toBe(3);
  });
});

describe('a proof step summing 5 000 terms', () => {
  const n = 5000;
  const sum = Array.from({ length: n }, (_, i) => `A${i}`).join(' + ');
  const reversed = Array.from({ length: n }, (_, i) => `A${n - 1 - i}`).join(' + ');
  const names = Array.from({ length: n }, (_, i) => `A${i}`).join(', ');

  it('checkProof answers with a verdict on the line (no throw, no internal error)', () => {
    const text = `given ${names}: n×n\nprove ${sum} = ${reversed}\nproof\n  ${sum}\n  = ${reversed} by add_comm\nqed\n`;
    const report = checkProof(text);
    const step = report.theorems[0]?.steps[0];
    expect(step).toBeDefined();
    expect(['ok', 'too-deep']).toContain(step?.code);
    expect(step?.message).not.toMatch(/internal error/);
  });

  it('grading the same answer gives a grade, not "internal error while checking the proof"', () => {
    const grade = checkProofAgainst(`${sum}\n= ${reversed} by add_comm`, { goal: `${sum} = ${reversed}`, givens: `${names}: n×n` });
    expect(grade.errors.map((e) => e.message).join(' ')).not.toMatch(/internal error/);
    expect(grade.stepsTotal).toBeGreaterThan(0);
  });
});
