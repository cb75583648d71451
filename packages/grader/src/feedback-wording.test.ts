import { describe, expect, it } from 'vitest';
import { only } from './authoring-fixtures.ts';
import { gradeAnswer } from './grade.ts';
import { gradeProof } from './grade-proof.ts';
import { readShapeAnswer } from './shape-answer.ts';
import { bundled, questionOf } from './test-fixtures.ts';

describe('feedback wording found wrong in the trial', () => {
  it('explains NumPy notation on a plain-only question: `*` is ⊙ and `.T` the transpose', () => {
    const { ws, q } = only('id: n\nkind: expression\ngiven:\n  "u, v": 3×1\nanswer: u ⊙ v\n', 'expression');
    const g = gradeAnswer(ws, q, 's', 'u * v.T');
    expect(g.score).toBe(0);
    expect(g.diagnoses[0]?.code).toBe('other-dialect');
    expect(g.diagnoses[0]?.message).toBe(
      "Your answer 'u * v.T' is NumPy notation, where `*` is the Hadamard product ⊙, `@` the matrix product and `.T` the transpose: it means u ⊙ vᵀ. This question asks for plain notation: write u ⊙ vᵀ.",
    );
    expect(g.diagnoses[0]?.message).not.toContain('unexpected character');
    // Text no dialect reads is still a parse error.
    expect(gradeAnswer(ws, q, 's', 'u ⊙ ⊙ v').diagnoses[0]?.code).toBe('parse-error');
  });

  it('says a wrong shape is the wrong shape, whatever words surround it', () => {
    const q3 = questionOf(bundled(), 'q3', 'shape'); // A B for 2×3 operands: undefined
    for (const answer of ['3×2', 'a 3x2 matrix', 'it is 3×2', '3 by 2']) {
      const g = gradeAnswer(bundled(), q3, 's', answer);
      expect(g.diagnoses.at(-1)?.code, answer).toBe('wrong-shape');
      expect(g.diagnoses.at(-1)?.message, answer).toMatch(/^Your answer 3×2 is the wrong shape: A B is not defined\./);
    }
    const { ws, q } = only('id: s\nkind: shape\ngiven:\n  A: 2×3\nexpr: Aᵀ\nanswer: 3×2\n', 'shape');
    expect(gradeAnswer(ws, q, 's', 'a 2×3 matrix').diagnoses[0]?.message).toBe('Your answer 2×3 is the wrong shape: Aᵀ is 3×2, not 2×3.');
    expect(gradeAnswer(ws, q, 's', 'undefined').diagnoses[0]?.message).toBe('Aᵀ is defined: it is 3×2.');
    expect(readShapeAnswer('The shape is 3×2.')).toEqual({ kind: 'matrix', rows: '3', cols: '2' });
  });

  it('says the `by LAW` is missing on a proof line without `by`', () => {
    const q7 = questionOf(bundled(), 'q7', 'proof');
    const g = gradeProof(q7, { value: q7.answerText.replace('by hadamard_add', 'hadamard_add') });
    expect(g.diagnoses[0]?.message).toContain('the `by` before hadamard_add is missing: write `by hadamard_add`');
    expect(g.diagnoses[0]?.message).not.toMatch(/unexpected|expected an operator/);
  });
});
