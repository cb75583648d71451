import { describe, expect, it } from 'vitest';
import { only } from './authoring-fixtures.ts';
import { gradeAnswer } from './grade.ts';
import { parseWorksheet } from './parse-worksheet.ts';
import { selfTest } from './self-test.ts';
import { sheetText } from './authoring-fixtures.ts';

const EXPRESSION = `
id: e1
kind: expression
points: 4
given:
  "A, B": 2×3
answer: Bᵀ ⊙ Aᵀ
feedback:
  - answer: Aᵀ Bᵀ
    code: matmul-of-transposes
    score: 1
    feedback: "Aᵀ Bᵀ is not even defined: 3×2 times 3×2."
  - answer: A ⊙ B
    code: forgot-transpose
    score: 2
    text: You forgot to transpose.
`;

const MATRIX = `
id: m1
kind: matrix
points: 3
given:
  A: [[1, 2, 3], [4, 5, 6]]
  B: [[7, 8, 9], [10, 11, 12]]
answer: A ⊙ B
feedback:
  - answer: Aᵀ Bᵀ
    code: matmul-of-transposes
    score: 0.5
    text: Aᵀ Bᵀ is undefined here.
  - answer: B
    code: copied-operand
    score: 1
    text: You copied B.
`;

describe('predicted mistakes with their own score', () => {
  const { ws, q } = only(EXPRESSION, 'expression');
  it('matches an answer undefined for the shapes by its tree, with its feedback and score', () => {
    const g = gradeAnswer(ws, q, 's', 'Aᵀ Bᵀ');
    expect(g.score).toBe(1);
    expect(g.diagnoses.map((d) => d.code)).toEqual(['matmul-of-transposes', 'shape-error']);
    expect(g.diagnoses[0]?.message).toBe('Aᵀ Bᵀ is not even defined: 3×2 times 3×2.');
  });
  it('does not match another undefined answer', () => {
    const g = gradeAnswer(ws, q, 's', 'Bᵀ Aᵀ');
    expect(g.score).toBe(0);
    expect(g.diagnoses.map((d) => d.code)).toEqual(['shape-error']);
  });
  it('gives a defined predicted mistake its absolute score', () => {
    const g = gradeAnswer(ws, q, 's', 'B ⊙ A');
    expect(g.score).toBe(2);
    expect(g.diagnoses[0]?.code).toBe('forgot-transpose');
  });
  it('leaves the model answer at full marks', () => {
    expect(gradeAnswer(ws, q, 's', 'Aᵀ ⊙ Bᵀ').score).toBe(4);
  });
  it('self-tests each predicted mistake against its score', () => {
    const report = selfTest(ws);
    expect(report.ok).toBe(true);
    expect(report.checks.filter((c) => c.what.startsWith('predicted')).map((c) => c.message)).toEqual(['gets its feedback (1/4)', 'gets its feedback (2/4)']);
  });
});

describe('predicted mistakes on matrix questions', () => {
  const { ws, q } = only(MATRIX, 'matrix');
  it('recognises an undefined expression written instead of a matrix', () => {
    const g = gradeAnswer(ws, q, 's', 'Aᵀ Bᵀ');
    expect(g.score).toBe(0.5);
    expect(g.diagnoses[0]?.code).toBe('matmul-of-transposes');
  });
  it('replaces per-cell credit by the predicted score', () => {
    // B shares no entry with A ⊙ B, so per-cell credit would be 0; the author says 1.
    const g = gradeAnswer(ws, q, 's', [[7, 8, 9], [10, 11, 12]]);
    expect(g.score).toBe(1);
    expect(g.diagnoses[0]?.code).toBe('copied-operand');
  });
  it('passes its self-test', () => {
    expect(selfTest(ws).ok).toBe(true);
  });
});

describe('reading predicted mistakes', () => {
  it('refuses a score above the points, naming the item', () => {
    const bad = parseWorksheet(sheetText(MATRIX.replace('score: 1\n', 'score: 4\n')));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toContain('feedback item 2: `score` must be a number from 0 to the question\'s points (3)');
  });
  it('refuses an unknown field in a feedback item', () => {
    const bad = parseWorksheet(sheetText(MATRIX.replace('score: 1\n', 'scroe: 1\n')));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toContain("unknown field 'scroe'");
  });
  it('flags a self-test whose predicted score the grader cannot give', () => {
    // A "mistake" equal to the model answer is never classified as a mistake: the self-test says so.
    const { ws } = only(MATRIX.replace('answer: B\n', 'answer: A ⊙ B\n'), 'matrix');
    const report = selfTest(ws);
    expect(report.ok).toBe(false);
    expect(report.checks.find((c) => c.what === 'predicted mistake 2')?.message).toMatch(/does not get its feedback/);
  });
});

describe('transposed answers on expression questions', () => {
  const { ws, q } = only(`
id: t1
kind: expression
given:
  "A, B": n×n
answer: (A ⊙ B)ᵀ
`, 'expression');
  it('says what the student wrote, and nothing about rows of a matrix', () => {
    const g = gradeAnswer(ws, q, 's', 'A ⊙ B');
    expect(g.score).toBe(0);
    expect(g.diagnoses[0]?.code).toBe('transposed');
    expect(g.diagnoses[0]?.message).toBe('Your answer A ⊙ B is the transpose of the expected expression (A ⊙ B)ᵀ.');
    expect(g.diagnoses.map((d) => d.message).join(' ')).not.toMatch(/row|Aᵀ ⊙ Bᵀ/);
  });
});
