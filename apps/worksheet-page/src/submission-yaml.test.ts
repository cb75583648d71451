import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gradeSubmission, parseSubmission, parseWorksheet, type Worksheet } from '@odot/grader';
import { submissionFileName, submissionYaml } from './submission-yaml.ts';

function worksheet(): Worksheet {
  const parsed = parseWorksheet(readFileSync(new URL('../../../examples/WS_Math_Foundations_1.md', import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

const ANSWERS = {
  q1: [['7', '16', '27'], ['40', '55', '72']],
  q3: 'undefined',
  q4: { answer: true, reason: 'hadamard_assoc' },
  q7: '(A ⊙ J) ⊙ (B + C)\n= A ⊙ (B + C)      by hadamard_ones\n= A ⊙ B + A ⊙ C    by hadamard_add\n= A ⊙ B + C ⊙ A    by hadamard_comm',
  q9: 'A * (B + C)',
  q10: { answer: 'yes', certificate: 'schur' },
  q11: [['1/2', '0.5'], ['-3', '4']],
  q12: undefined,
};

describe('submissionYaml', () => {
  const text = submissionYaml({ id: ' S 007 ', worksheet: 'WS_Math_Foundations_1', answers: ANSWERS, pageVersion: '0.1.0', timestamp: '2026-12-06T05:00:00.000Z' });

  it('is read back by the grader with every field and answer intact', () => {
    const parsed = parseSubmission(text, 's007.odot.yaml');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.id).toBe('S 007');
    expect(parsed.value.worksheet).toBe('WS_Math_Foundations_1');
    expect(parsed.value.answers['q1']).toEqual([[7, 16, 27], [40, 55, 72]]);
    expect(parsed.value.answers['q7']).toBe(ANSWERS.q7);
    expect(parsed.value.answers['q11']).toEqual([['1/2', 0.5], [-3, 4]]);
    expect(parsed.value.answers['q4']).toEqual({ answer: true, reason: 'hadamard_assoc' });
    expect('q12' in parsed.value.answers).toBe(false);
    expect(text).toContain('page_version: "0.1.0"');
    expect(text).toContain('submitted_at: "2026-12-06T05:00:00.000Z"');
  });

  it('grades to full marks on the model answers it carries', () => {
    const parsed = parseSubmission(text);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const grade = gradeSubmission(worksheet(), parsed.value);
    const score = (id: string): number | undefined => grade.questions.find((q) => q.id === id)?.score;
    expect([score('q1'), score('q3'), score('q4'), score('q7'), score('q9'), score('q10')]).toEqual([3, 1, 2, 3, 2, 2]);
  });

  it('quotes awkward ids and writes an empty map when nothing is answered', () => {
    const empty = submissionYaml({ id: 'a: b', worksheet: 'W', answers: { 'q 1': undefined }, pageVersion: '1', timestamp: 't' });
    const parsed = parseSubmission(empty);
    expect(parsed.ok && parsed.value.answers).toEqual({});
    expect(parsed.ok && parsed.value.id).toBe('a: b');
  });
});

describe('submissionFileName', () => {
  it('keeps letters and digits and replaces the rest', () => {
    expect(submissionFileName('s007')).toBe('s007.odot.yaml');
    expect(submissionFileName(' Ada Lovelace/../x ')).toBe('Ada_Lovelace_.._x.odot.yaml');
    expect(submissionFileName('...')).toBe('student.odot.yaml');
  });
});
