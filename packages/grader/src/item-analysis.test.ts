import { describe, expect, it } from 'vitest';
import { cronbachAlpha, distributionOf, itemAnalysis, pearson, topMisconception } from './item-analysis.ts';
import type { QuestionGrade, StudentGrade } from './result.ts';
import { bundled } from './test-fixtures.ts';
import type { Worksheet } from './worksheet.ts';

const full = bundled();
// q1 (3 points, matrix) and q2 (2 points, matrix) of the bundled sheet.
const ws: Worksheet = { ...full, questions: full.questions.slice(0, 2), maxScore: 5 };

function q(id: string, score: number, max: number, code: string): QuestionGrade {
  return { id, score, max, diagnoses: [{ code, message: code }] };
}
function student(name: string, s1: number, c1: string, s2: number, c2: string): StudentGrade {
  return { student: name, worksheet: ws.id, total: s1 + s2, max: 5, questions: [q('q1', s1, 3, c1), q('q2', s2, 2, c2)] };
}

// Hand-worked class: q1 = (3, 3, 0, 0), q2 = (2, 0, 2, 1), totals (5, 3, 2, 1).
const grades: StudentGrade[] = [
  student('A', 3, 'correct', 2, 'correct'),
  student('B', 3, 'correct', 0, 'missing-answer'),
  student('C', 0, 'transposed', 2, 'correct'),
  student('D', 0, 'transposed', 1, 'entry-errors'),
  { student: 'E', worksheet: ws.id, total: 0, max: 5, questions: [], error: { code: 'no-submission', message: 'none' } },
];

describe('item analysis (hand-computed)', () => {
  const analysis = itemAnalysis(ws, grades);
  const [q1, q2] = analysis.questions;

  it('mean, facility, answered, blank and diagnosis counts, leaving out rows with an error', () => {
    expect(q1).toMatchObject({ id: 'q1', kind: 'matrix', max: 3, mean: 1.5, facility: 0.5, answered: 4, blank: 0, diagnoses: { correct: 2, transposed: 2 } });
    expect(q2).toMatchObject({ id: 'q2', max: 2, mean: 1.25, facility: 0.625, answered: 3, blank: 1, diagnoses: { correct: 2, 'missing-answer': 1, 'entry-errors': 1 } });
    expect(topMisconception(q1 as NonNullable<typeof q1>)).toEqual({ code: 'transposed', count: 2 });
    expect(topMisconception(q2 as NonNullable<typeof q2>)).toEqual({ code: 'entry-errors', count: 1 });
  });

  it('discrimination is the correlation with the rest of the total: here −1/√11 for both', () => {
    // Deviations of q1: ±1.5; of the rest (q2): (0.75, −1.25, 0.75, −0.25): Σxy = −1.5, Σx² = 9, Σy² = 2.75.
    expect(q1?.discrimination).toBeCloseTo(-1 / Math.sqrt(11), 12);
    expect(q2?.discrimination).toBeCloseTo(-1 / Math.sqrt(11), 12);
    expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNull();
    expect(pearson([1], [1])).toBeNull();
  });

  it("Cronbach's alpha: 2 · (1 − (9/4 + 11/16) / (35/16)) = −24/35", () => {
    expect(analysis.alpha).toBeCloseTo(-24 / 35, 12);
    // Two identical items: alpha = 2 (1 − 2v / 4v) = 1.
    expect(cronbachAlpha([[0, 1, 2], [0, 1, 2]])).toBeCloseTo(1, 12);
    expect(cronbachAlpha([[1, 2, 3]])).toBeNull();
    expect(cronbachAlpha([[1, 1], [2, 2]])).toBeNull();
  });

  it('the distribution of totals: unit bars up to 10 points, median and population sd', () => {
    expect(analysis.distribution).toEqual({
      n: 4,
      mean: 2.75,
      median: 2.5,
      sd: Math.sqrt(35 / 16),
      min: 1,
      max: 5,
      bins: [
        { from: 0, to: 1, count: 0 },
        { from: 1, to: 2, count: 1 },
        { from: 2, to: 3, count: 1 },
        { from: 3, to: 4, count: 1 },
        { from: 4, to: 5, count: 1 },
      ],
    });
    expect(distributionOf([0, 12, 23.9, 24], 24).bins.map((b) => b.count)).toEqual([1, 0, 0, 0, 0, 1, 0, 0, 0, 2]);
  });

  it('nobody graded: facility and discrimination null, no crash', () => {
    const none = itemAnalysis(ws, []);
    expect(none.questions[0]).toMatchObject({ mean: 0, facility: null, discrimination: null, answered: 0, blank: 0 });
    expect(none.alpha).toBeNull();
  });
});
