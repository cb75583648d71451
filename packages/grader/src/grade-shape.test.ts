import { describe, expect, it } from 'vitest';
import { gradeShape } from './grade-shape.ts';
import { parseWorksheet } from './parse-worksheet.ts';
import { bundled, questionOf } from './test-fixtures.ts';

const q3 = questionOf(bundled(), 'q3', 'shape'); // A B with A, B: 2×3 → undefined

describe('gradeShape', () => {
  it('accepts "undefined" in several words', () => {
    for (const a of ['undefined', 'not defined', 'Not defined.', 'none']) expect(gradeShape(q3, { value: a }).score, a).toBe(1);
  });

  it("gives the author's feedback for the Hadamard shape, plus the reason", () => {
    const g = gradeShape(q3, { value: '2×3' });
    expect(g.score).toBe(0);
    expect(g.diagnoses.map((d) => d.code)).toEqual(['hadamard-shape-for-matmul', 'wrong-shape']);
    expect(g.diagnoses[1]?.message).toMatch(/A B is not defined/);
  });

  it('grades symbolic shapes', () => {
    const text = '---\nworksheet: T\n---\n```question\nid: s\nkind: shape\ngiven:\n  A: m×n\n  B: n×p\nexpr: (A B) ⊙ (A B)\nanswer: m×p\n```\n';
    const ws = parseWorksheet(text);
    if (!ws.ok || ws.value.questions[0]?.kind !== 'shape') throw new Error(ws.ok ? 'kind' : ws.error.message);
    const q = ws.value.questions[0];
    expect(gradeShape(q, { value: 'm x p' }).score).toBe(1);
    expect(gradeShape(q, { value: 'm×n' }).diagnoses[0]?.message).toContain('is m×p, not m×n');
    expect(gradeShape(q, { value: 'huge' }).diagnoses[0]?.code).toBe('unreadable-answer');
  });
});
