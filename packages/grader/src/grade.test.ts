import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gradeAnswer, gradeSubmission, gradeSubmissionText } from './grade.ts';
import { variantKey } from './identity.ts';
import { modelSubmissionAnswer } from './self-test.ts';
import type { Submission } from './submission.ts';
import { bundled } from './test-fixtures.ts';

const ws = bundled();
const SAMPLES = new URL('../../../examples/submissions/', import.meta.url);
const sampleFiles = readdirSync(SAMPLES).sort();
const gradeFile = (name: string, memo = true) => gradeSubmissionText(ws, readFileSync(new URL(name, SAMPLES), 'utf8'), name, { memo });

function model(student: string): Submission {
  const answers: Record<string, unknown> = {};
  for (const q of ws.questions) answers[q.id] = modelSubmissionAnswer(ws, q, variantKey({ student }));
  return { student, worksheet: ws.id, answers };
}

describe('gradeSubmission', () => {
  it('gives full marks to the model answers of any student', () => {
    for (const student of ['Ada', 'Bob', 'Chen Wei', 'Zoë']) {
      const g = gradeSubmission(ws, model(student));
      expect(g.total, student).toBe(ws.maxScore);
      expect(g.questions).toHaveLength(ws.questions.length);
    }
  });

  it('is deterministic: same worksheet, seed and submission → same grade, with or without the memo', () => {
    for (const name of sampleFiles) {
      const a = gradeFile(name, false);
      const b = gradeFile(name, false);
      const c = gradeFile(name, true);
      expect(b).toEqual(a);
      expect(c).toEqual(a);
    }
  });

  it("grades a student's randomised question against that student's matrices only", () => {
    const ada = model('Ada');
    const asBob = gradeSubmission(ws, { ...ada, student: 'Bob' });
    expect(asBob.questions.find((q) => q.id === 'q2')?.score).toBeLessThan(2);
    expect(asBob.questions.find((q) => q.id === 'q1')?.score).toBe(3);
  });

  it('keys the variant on the normalised name, or on the id when there is one', () => {
    const ada = model('Ada Lovelace');
    expect(gradeSubmission(ws, { ...ada, student: '  ada   LOVELACE ' }).total).toBe(ws.maxScore);
    const byId = (id: string, student: string): Submission => {
      const answers: Record<string, unknown> = {};
      for (const q of ws.questions) answers[q.id] = modelSubmissionAnswer(ws, q, variantKey({ id }));
      return { student, id, worksheet: ws.id, answers };
    };
    expect(gradeSubmission(ws, { ...byId('S-1042', 'Ada'), id: 's-1042' }).total).toBe(ws.maxScore);
    expect(gradeSubmission(ws, { ...byId('S-1042', 'Ada'), id: 'S-1043' }).total).toBeLessThan(ws.maxScore);
  });

  it('scores a missing answer 0', () => {
    const g = gradeSubmission(ws, { student: 'E', worksheet: ws.id, answers: {} });
    expect(g.total).toBe(0);
    expect(g.questions.every((q) => q.diagnoses[0]?.code === 'missing-answer')).toBe(true);
  });

  it('scores a submission for another worksheet 0 with the reason', () => {
    const g = gradeSubmission(ws, { student: 'F', worksheet: 'WS_Other', answers: {} });
    expect(g.error?.code).toBe('wrong-worksheet');
    expect(g.total).toBe(0);
  });

  it('isolates a crash in one answer: internal-error there, the rest graded', () => {
    const q1 = ws.questions[0]!;
    const broken = { ...ws, questions: ws.questions.map((q) => (q === q1 ? { ...q1, answer: { type: 'Bogus' } } : q)) } as unknown as typeof ws;
    const g = gradeSubmission(broken, model('Ada'), { memo: false });
    expect(g.questions[0]).toMatchObject({ score: 0, diagnoses: [{ code: 'internal-error' }] });
    expect(g.total).toBe(ws.maxScore - q1.points);
  });

  it('never throws on hostile answers: each becomes feedback', () => {
    const hostile: unknown[] = [null, {}, [], [[]], [[1, 2], [3]], 'x'.repeat(5000), { answer: { answer: 1 } }, 0.5, 1e308, '[[1e400]]', Symbol.for('x').toString(), '((((((((((A))))))))))'];
    for (const q of ws.questions) {
      for (const raw of hostile) {
        const g = gradeAnswer(ws, q, 'h', raw, { memo: false });
        expect(g.score).toBeGreaterThanOrEqual(0);
        expect(g.score).toBeLessThan(g.max);
        expect(g.diagnoses.length).toBeGreaterThan(0);
      }
    }
  });
});

describe('the memo', () => {
  it('grades an answer it cannot key (a BigInt, a cycle: JSON.stringify throws a TypeError) without memoising it', () => {
    const cycle: Record<string, unknown> = {};
    cycle['self'] = cycle;
    const q = ws.questions[0]!;
    for (const raw of [10n, cycle]) {
      const g = gradeAnswer(ws, q, 'h', raw);
      expect(g.score).toBe(0);
      expect(g.diagnoses.length).toBeGreaterThan(0);
      expect(gradeAnswer(ws, q, 'h', raw)).not.toBe(g); // not served from the memo
    }
  });
});

describe('the bundled sample submissions', () => {
  const grades = sampleFiles.map((name) => gradeFile(name));
  const codes = new Set(grades.flatMap((g) => [...(g.error ? [g.error.code] : []), ...g.questions.flatMap((q) => q.diagnoses.map((d) => d.code))]));

  it('are at least 20 students', () => {
    expect(new Set(grades.map((g) => g.student)).size).toBeGreaterThanOrEqual(20);
  });

  it('cover every diagnosis', () => {
    for (const code of [
      'correct',
      'matmul-instead-of-hadamard',
      'hadamard-instead-of-matmul',
      'transposed',
      'kronecker-instead-of-hadamard',
      'sum-instead-of-product',
      'swapped-operands',
      'shape-mismatch',
      'entry-errors',
      'not-equivalent',
      'shape-error',
      'parse-error',
      'other-dialect',
      'wrong-truth-value',
      'missing-reason',
      'wrong-reason',
      'unknown-law',
      'wrong-psd-verdict',
      'missing-certificate',
      'bad-certificate',
      'proof-step-failed',
      'proof-incomplete',
      'wrong-shape',
      'missing-answer',
      'unreadable-answer',
      'malformed-submission',
      'wrong-worksheet',
      'copied-operand',
      'inverted-mask',
      'missing-brackets',
      'identity-for-hadamard',
      'hadamard-shape-for-matmul',
      'negative-entries-not-psd',
    ]) {
      expect(codes, code).toContain(code);
    }
  });

  it('give the malformed file a zero row with the reason', () => {
    const broken = grades.find((g) => g.source === 'zz-broken-upload.yaml');
    expect(broken?.error?.code).toBe('malformed-submission');
    expect(broken?.error?.message).toMatch(/cannot read the file as YAML/);
    expect(broken?.total).toBe(0);
  });

  it('include a perfect score', () => {
    expect(grades.find((g) => g.student === 'Ada Lovelace')?.total).toBe(ws.maxScore);
  });
});
