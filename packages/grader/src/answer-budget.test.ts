import { timed, within } from '@odot/core/testing';
import { describe, expect, it } from 'vitest';
import { answerTimeLimit, gradeAnswer, gradeSubmission } from './grade.ts';
import { parseWorksheet } from './parse-worksheet.ts';
import { reportJson, summaryTable } from './report.ts';
import { BUNDLED_TEXT, bundled, questionOf } from './test-fixtures.ts';
import { DEFAULT_ANSWER_TIME_MS } from './time-limit.ts';

const ws = bundled();
const q7 = questionOf(ws, 'q7', 'proof');
const q9 = ws.questions.find((q) => q.kind === 'expression');

/** A proof of q7 padded with `n` pairs of true steps (A ⊙ B ⇄ B ⊙ A) before its model steps. */
function longProof(n: number): string {
  const [start = '', ...rest] = q7.answerText.trim().split('\n');
  const pad = Array.from({ length: n }, () => ['= (J ⊙ A) ⊙ (B + C)   by hadamard_comm', '= (A ⊙ J) ⊙ (B + C)   by hadamard_comm']).flat();
  return [start, ...pad, ...rest].join('\n');
}

describe('one time budget per answer', () => {
  it('stops a proof of many steps within its time limit and says which limit stopped it', () => {
    const budget = 300;
    const { value: grade, elapsed } = timed(() => gradeAnswer(ws, q7, 'ada', longProof(200), { timeLimitMs: budget, memo: false }));
    expect(grade.limit).toEqual({ kind: 'time', value: budget });
    expect(grade.score).toBe(0);
    expect(grade.diagnoses).toEqual([{ code: 'limit', message: expect.stringContaining('time: limit of 300 ms per answer') }]);
    expect(elapsed).toBeLessThanOrEqual(within(budget));
  });

  it('grades the same proof in full when the limit allows it (no limit reported)', () => {
    const grade = gradeAnswer(ws, q7, 'ada', longProof(2), { timeLimitMs: 600_000, memo: false });
    expect(grade.limit).toBeUndefined();
    expect(grade.score).toBe(3);
  });

  it('stops an expression answer (parse and equivalence) within its time limit', () => {
    if (!q9 || q9.kind !== 'expression') throw new Error('the bundled worksheet has an expression question');
    const answer = Array.from({ length: 400 }, (_, i) => (i % 2 === 0 ? 'A ⊙ (B + C)' : '- A ⊙ (C + B)')).join(' + ') + ' + A ⊙ (B + C)';
    for (const budget of [50, 400]) {
      const { value: grade, elapsed } = timed(() => gradeAnswer(ws, q9, 'ada', answer, { timeLimitMs: budget, memo: false }));
      expect(grade.limit).toEqual({ kind: 'time', value: budget });
      expect(grade.diagnoses[0]?.code).toBe('limit');
      expect(elapsed).toBeLessThanOrEqual(within(budget));
    }
  });

  it('shows the limit in the report: JSON `limit` and the summary note', () => {
    const submission = { student: 'Ada', worksheet: ws.id, answers: { q7: longProof(200) } };
    const grade = timed(() => gradeSubmission(ws, submission, { timeLimitMs: 200, memo: false })).value;
    const json = reportJson(ws, [grade]);
    expect(json.students[0]?.questions['q7']).toMatchObject({ score: 0, diagnoses: ['limit'], limit: { kind: 'time', value: 200 } });
    expect(summaryTable(ws, [grade])).toContain('limit: q7 stopped (time: limit of 200 ms)');
  });
});

describe('time_limit settings', () => {
  const withLimits = (front: string, question: string): string =>
    BUNDLED_TEXT.replace(/^---\n/, `---\n${front}`).replace('id: q7\n', `id: q7\n${question}`);

  it('reads the worksheet and question settings; the caller overrides both', () => {
    const parsed = parseWorksheet(withLimits('time_limit: 500\n', 'time_limit: 2.5 s\n'));
    if (!parsed.ok) throw new Error(parsed.error.message);
    const w = parsed.value;
    expect(w.timeLimitMs).toBe(500);
    const q = questionOf(w, 'q7', 'proof');
    expect(q.timeLimitMs).toBe(2500);
    expect(answerTimeLimit(w, q)).toBe(2500);
    expect(answerTimeLimit(w, questionOf(w, 'q8', 'proof'))).toBe(500);
    expect(answerTimeLimit(w, q, { timeLimitMs: 40 })).toBe(40);
    expect(answerTimeLimit(ws, q7)).toBe(DEFAULT_ANSWER_TIME_MS);
  });

  it('refuses a bad time limit with the field named', () => {
    for (const bad of ['0', '-5', 'soon', '"10 minutes"', '700 s']) {
      const parsed = parseWorksheet(withLimits('', `time_limit: ${bad}\n`));
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.error.message).toMatch(/question q7: `time_limit` must be a time from 1 ms to 600 s/);
    }
    const front = parseWorksheet(withLimits('time_limit: never\n', ''));
    expect(front.ok ? undefined : front.error.code).toBe('bad-worksheet');
  });
});
