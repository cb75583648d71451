import { describe, expect, it } from 'vitest';
import { finishClass } from './class.ts';
import { gradeSubmission } from './grade.ts';
import { feedbackMarkdown } from './feedback.ts';
import { parseOverrides } from './overrides.ts';
import { reportJson } from './report.ts';
import type { StudentGrade } from './result.ts';
import { parseRoster, type Roster } from './roster.ts';
import { bundled } from './test-fixtures.ts';

const ws = bundled();
const roster = ((): Roster => {
  const r = parseRoster('id,name,email\ns1,Ada Lovelace,ada@x.org\ns2,Alan Turing,\ns3,Emmy Noether,\n');
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
})();
const grade = (student: string, extra: Partial<StudentGrade> = {}, answers: Record<string, unknown> = { q1: [[7, 16, 27], [40, 55, 72]] }): StudentGrade => ({
  ...gradeSubmission(ws, { student, worksheet: ws.id, answers }, { source: `${student}.yaml` }),
  ...extra,
});

describe('the class', () => {
  it('keeps the latest of duplicate submissions (timestamp, else mtime) and lists the others', () => {
    const early = grade('Ada Lovelace', { id: 's1', submittedAt: 1000, source: 'early.yaml' });
    const late = grade('Ada Lovelace', { id: 's1', submittedAt: 2000, source: 'late.yaml' });
    const { grades, warnings } = finishClass(ws, [late, early]);
    expect(grades.map((g) => g.source)).toEqual(['late.yaml']);
    expect(warnings).toEqual([{ code: 'duplicate-submission', student: 'Ada Lovelace', file: 'early.yaml', message: "another submission by 'Ada Lovelace' is kept instead (late.yaml); this one is not graded" }]);
    // A file for another worksheet gives way to a graded one, even a later one.
    const wrong = { ...gradeSubmission(ws, { student: 'Ada Lovelace', id: 's1', worksheet: 'WS_Other', answers: {} }, { source: 'other.yaml' }), submittedAt: 3000 };
    const mixed = finishClass(ws, [wrong, early]);
    expect(mixed.grades.map((g) => g.source)).toEqual(['early.yaml']);
    expect(mixed.warnings.map((w) => [w.code, w.file])).toEqual([
      ['wrong-worksheet', 'other.yaml'],
      ['duplicate-submission', 'other.yaml'],
    ]);
    // Without an id, the normalised name decides who it is.
    expect(finishClass(ws, [grade('ada lovelace'), grade(' Ada  Lovelace')]).grades).toHaveLength(1);
  });

  it('gives roster students without a submission a score-0 row and warns', () => {
    const { grades, warnings } = finishClass(ws, [grade('Ada Lovelace', { id: 's1' })], { roster });
    expect(grades.map((g) => [g.student, g.id, g.total, g.error?.code])).toEqual([
      ['Ada Lovelace', 's1', 3, undefined],
      ['Alan Turing', 's2', 0, 'no-submission'],
      ['Emmy Noether', 's3', 0, 'no-submission'],
    ]);
    expect(warnings.map((w) => [w.code, w.student])).toEqual([
      ['no-submission', 'Alan Turing'],
      ['no-submission', 'Emmy Noether'],
    ]);
  });

  it('warns about wrong worksheets (with the id found), unknown students and unknown answer keys', () => {
    const wrong = gradeSubmission(ws, { student: 'X', worksheet: 'WS_Other', answers: {} }, { source: 'x.yaml' });
    const keys = grade('Y', { unknownStudent: "no roster row matches 'Y'" }, { Q1: [[7, 16, 27], [40, 55, 72]], q13: 1 });
    const { warnings } = finishClass(ws, [wrong, keys]);
    expect(warnings.map((w) => w.code)).toEqual(['wrong-worksheet', 'unknown-answer-key', 'unknown-student']);
    expect(warnings[0]?.message).toContain("'WS_Other'");
    expect(warnings[1]).toMatchObject({ student: 'Y', file: 'Y.yaml' });
    expect(warnings[1]?.message).toMatch(/^the answer key 'q13' matches no question/);
    expect(keys.questions[0]?.score).toBe(3);
    expect(feedbackMarkdown(ws, keys)).toContain('These answer keys match no question and were not graded: `q13`');
    expect(reportJson(ws, [keys], { warnings }).warnings).toHaveLength(3);
  });

  it('applies overrides after grading, in every report, and again on a regrade', () => {
    const parsed = parseOverrides('- {student: s1, question: Q2, score: 1.5, comment: "partial credit for the method"}\n- {student: nobody, question: q1, score: 0}\n', ws);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const run = (): StudentGrade[] => [...finishClass(ws, [grade('Ada Lovelace', { id: 's1' })], { overrides: parsed.value }).grades];
    const [ada] = run();
    expect(ada?.total).toBe(4.5);
    expect(ada?.overrides).toEqual([{ question: 'q2', from: 0, to: 1.5, comment: 'partial credit for the method' }]);
    expect(ada?.questions[1]?.diagnoses.at(-1)?.code).toBe('teacher-override');
    expect(feedbackMarkdown(ws, ada as StudentGrade)).toContain('Override: q2 set to 1.5 by your teacher (was 0): partial credit for the method.');
    expect(reportJson(ws, run()).students[0]?.overrides).toEqual(ada?.overrides);
    expect(run()).toEqual(run());
    expect(finishClass(ws, [grade('Ada Lovelace', { id: 's1' })], { overrides: parsed.value }).warnings.map((w) => w.code)).toEqual(['unknown-override']);
  });

  it('rejects overrides for unknown questions or out-of-range scores, naming the entry', () => {
    const q = parseOverrides('- {student: a, question: q77, score: 1}\n', ws);
    expect(!q.ok && q.error.message).toBe("overrides: entry 1: no question 'q77' in the worksheet");
    const s = parseOverrides('- {student: a, question: q1, score: 1}\n- {student: a, question: q1, score: 4}\n', ws, 'o.yaml');
    expect(!s.ok && s.error.message).toBe("o.yaml: entry 2: `score` must be a number from 0 to 3 (q1's points), got 4");
  });
});
