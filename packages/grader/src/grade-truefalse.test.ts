import { describe, expect, it } from 'vitest';
import { gradeTrueFalse } from './grade-truefalse.ts';
import { bundled, questionOf } from './test-fixtures.ts';

const ws = bundled();
const q4 = questionOf(ws, 'q4', 'truefalse'); // associativity: true, reason hadamard_assoc, 1 of 2 points
const q6 = questionOf(ws, 'q6', 'truefalse'); // A ⊙ I = A: false
const g4 = (value: unknown, reason?: string) => gradeTrueFalse(q4, reason === undefined ? { value } : { value, reason });

describe('gradeTrueFalse', () => {
  it('gives full marks for the verdict and the law, in many spellings', () => {
    expect(g4('true by hadamard_assoc').score).toBe(2);
    expect(g4('True, because hadamard_assoc').score).toBe(2);
    expect(g4(true, 'hadamard_assoc').score).toBe(2);
    expect(g4('yes', 'by hadamard_assoc').score).toBe(2);
  });

  it('gives the verdict points only without a reason', () => {
    const g = g4(true);
    expect(g.score).toBe(1);
    expect(g.diagnoses.map((d) => d.code)).toEqual(['missing-reason']);
  });

  it('names a wrong law and what it says', () => {
    const g = g4(true, 'hadamard_comm');
    expect(g.score).toBe(1);
    expect(g.diagnoses[0]?.code).toBe('wrong-reason');
    expect(g.diagnoses[0]?.message).toContain('hadamard_comm');
    expect(g.diagnoses[0]?.message).toContain('hadamard_assoc');
  });

  it('accepts a one-letter typo of the law with a note, at full credit', () => {
    const g = g4(true, 'hadamard_asoc');
    expect(g.score).toBe(2);
    expect(g.diagnoses.map((d) => d.code)).toEqual(['correct', 'law-typo']);
    expect(g.diagnoses[1]?.message).toBe("Reason: read 'hadamard_asoc' as hadamard_assoc (a one-letter typo).");
  });

  it('suggests the closest law for a name two letters off', () => {
    const g = g4(true, 'hadamrd_asoc');
    expect(g.score).toBe(1);
    expect(g.diagnoses[0]?.code).toBe('unknown-law');
    expect(g.diagnoses[0]?.message).toContain('did you mean hadamard_assoc');
  });

  it('scores a wrong verdict 0 and states the law', () => {
    const g = g4(false);
    expect(g.score).toBe(0);
    expect(g.diagnoses[0]?.code).toBe('wrong-truth-value');
  });

  it('shows a counterexample to a false statement, plus the author feedback', () => {
    const g = gradeTrueFalse(q6, { value: true });
    expect(g.score).toBe(0);
    expect(g.diagnoses.map((d) => d.code)).toEqual(['identity-for-hadamard', 'wrong-truth-value']);
    const m = /A counterexample: with A = (\[\[.*?\]\]), A is (\[\[.*?\]\]) but A ⊙ I is (\[\[.*?\]\])\.$/.exec(g.diagnoses[1]?.message ?? '');
    expect(m, g.diagnoses[1]?.message).not.toBeNull();
    const [a, right, left] = (m ?? []).slice(1).map((t) => JSON.parse(t) as number[][]);
    // Independently: A ⊙ I keeps the diagonal of A, and differs from A.
    expect(right).toEqual(a);
    expect(left).toEqual(a!.map((row, i) => row.map((x, j) => (i === j ? x : 0))));
    expect(left).not.toEqual(a);
    expect(gradeTrueFalse(q6, { value: 'F' }).score).toBe(1);
  });

  it('rejects an unreadable verdict', () => {
    expect(gradeTrueFalse(q6, { value: 'maybe' }).diagnoses[0]?.code).toBe('unreadable-answer');
  });
});
