import { describe, expect, it } from 'vitest';
import { gradeProof } from './grade-proof.ts';
import { parseWorksheet } from './parse-worksheet.ts';
import { BUNDLED_TEXT } from './test-fixtures.ts';
import { bundled, questionOf } from './test-fixtures.ts';

const ws = bundled();
const q7 = questionOf(ws, 'q7', 'proof'); // 3 steps, 3 points
const q8 = questionOf(ws, 'q8', 'proof'); // 2 steps, 2 points

describe('gradeProof', () => {
  it('gives full marks to the model proof', () => {
    expect(gradeProof(q7, { value: q7.answerText })).toMatchObject({ score: 3, diagnoses: [{ code: 'correct' }] });
    expect(gradeProof(q8, { value: q8.answerText }).score).toBe(2);
  });

  it('accepts a one-letter law typo with a note, at full marks', () => {
    const g = gradeProof(q7, { value: q7.answerText.replace('by hadamard_comm', 'by hadamard_com') });
    expect(g.score).toBe(3);
    expect(g.diagnoses.map((d) => d.code)).toEqual(['correct', 'law-typo']);
    expect(g.diagnoses[1]?.message).toMatch(/^Line \d+: read 'hadamard_com' as hadamard_comm \(a one-letter typo\)\.$/);
  });

  it('credits each correct step and names the first failing one', () => {
    const g = gradeProof(q7, { value: q7.answerText.replace('by hadamard_add', 'by hadamard_comm') });
    expect(g.score).toBe(2);
    expect(g.diagnoses[0]?.code).toBe('proof-step-failed');
    expect(g.diagnoses[0]?.message).toMatch(/2 of 3 steps hold\. Line 3 \(by hadamard_comm\): .*hadamard_add/);
  });

  it('reports a false step with a counterexample', () => {
    const g = gradeProof(q7, { value: q7.answerText.replace('= A ⊙ B + A ⊙ C    by hadamard_add', '= A ⊙ B + C    by hadamard_add') });
    expect(g.score).toBe(1);
    expect(g.diagnoses[0]?.message).toMatch(/false/);
  });

  it('takes a share off a chain that stops short of the goal', () => {
    const short = q7.answerText.split('\n').slice(0, 3).join('\n');
    const g = gradeProof(q7, { value: short });
    expect(g.score).toBe(2); // 2 steps hold, the missing last share: 3 · 2/(2 + 1)
    expect(g.diagnoses.map((d) => d.code)).toEqual(['proof-incomplete']);
  });

  it('refuses `by algebra` when the worksheet does not allow it', () => {
    const g = gradeProof(q7, { value: '(A ⊙ J) ⊙ (B + C)\n= A ⊙ B + C ⊙ A   by algebra' });
    expect(g.score).toBe(0);
    expect(g.diagnoses[0]?.code).toBe('proof-step-failed');
  });

  it('accepts `by algebra` when the worksheet allows it', () => {
    const text = BUNDLED_TEXT.replace('prove: (A ⊙ J) ⊙ (B + C) = A ⊙ B + C ⊙ A', 'prove: (A ⊙ J) ⊙ (B + C) = A ⊙ B + C ⊙ A\naccept:\n  by_algebra: true');
    const parsed = parseWorksheet(text);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const q = questionOf(parsed.value, 'q7', 'proof');
    expect(q.accept.byAlgebra).toBe(true);
    expect(gradeProof(q, { value: '(A ⊙ J) ⊙ (B + C)\n= A ⊙ B + C ⊙ A   by algebra' }).score).toBe(3);
    expect(gradeProof(q, { value: '(A ⊙ J) ⊙ (B + C)\n= A ⊙ B + C   by algebra' }).score).toBe(0);
  });

  it('treats text that is no proof as feedback', () => {
    expect(gradeProof(q7, { value: 'it is obvious' }).diagnoses.map((d) => d.code)).toEqual(['parse-error']);
    expect(gradeProof(q7, { value: 42 }).diagnoses.map((d) => d.code)).toEqual(['unreadable-answer']);
  });
});
