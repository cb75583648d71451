import { describe, expect, it } from 'vitest';
import { feedbackMarkdown } from './feedback.ts';
import { feedbackFileName, gradesCsv, reportJson, summaryTable } from './report.ts';
import type { StudentGrade } from './result.ts';
import { bundled } from './test-fixtures.ts';

const ws = bundled();
const graded: StudentGrade = {
  student: 'Ada, "the first"',
  source: 'ada.yaml',
  worksheet: ws.id,
  total: 3.5,
  max: ws.maxScore,
  questions: ws.questions.map((q, k) => ({
    id: q.id,
    score: k === 0 ? 2.5 : k === 1 ? 1 : 0,
    max: q.points,
    diagnoses:
      k === 0
        ? [{ code: 'entry-errors', message: '1 of 6 entries is wrong', cells: [{ row: 2, col: 3, expected: '72', got: '71' }] }]
        : [{ code: 'missing-answer', message: 'No answer given.' }],
  })),
};
const broken: StudentGrade = { student: 'broken', source: 'b.yaml', worksheet: ws.id, total: 0, max: ws.maxScore, questions: [], error: { code: 'malformed-submission', message: 'cannot read the file as YAML' } };

describe('reports', () => {
  it('grades.csv: a column per question, total and max; CSV quoting', () => {
    const lines = gradesCsv(ws, [graded, broken]).trimEnd().split('\n');
    expect(lines[0]).toBe(`student,id,${ws.questions.map((q) => q.id).join(',')},total,max`);
    expect(lines[1]).toBe(`"Ada, ""the first""",,2.5,1,${Array(ws.questions.length - 2).fill(0).join(',')},3.5,${ws.maxScore}`);
    expect(lines[2]).toBe(`broken,,${Array(ws.questions.length).fill(0).join(',')},0,${ws.maxScore}`);
    expect(gradesCsv(ws, [{ ...broken, id: '=cmd', student: '-x' }]).split('\n')[1]).toMatch(/^"-x","=cmd",/);
  });

  it('report.json: per student and question the score, max, codes and feedback', () => {
    const json = reportJson(ws, [graded, broken]);
    expect(json.worksheet).toBe('WS_Math_Foundations_1');
    expect(json.students[0]?.questions['q1']).toEqual({
      score: 2.5,
      max: 3,
      diagnoses: ['entry-errors'],
      feedback: ['1 of 6 entries is wrong'],
      cells: [{ row: 2, col: 3, expected: '72', got: '71' }],
    });
    expect(json.students[1]?.error?.code).toBe('malformed-submission');
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('feedback Markdown says everything in words', () => {
    const md = feedbackMarkdown(ws, graded);
    expect(md).toContain('Score: **3.5 / 24**'.replace('24', String(ws.maxScore)));
    expect(md).toContain('## ½ 1. The seed example (q1: 2.5 / 3)');
    expect(md).toContain('- 1 of 6 entries is wrong _(entry-errors)_');
    expect(md).toContain('Compute $\\mathbf{A} \\odot \\mathbf{B}$.');
    expect(md).not.toContain('The **Hadamard product**');
    const withAnswer = feedbackMarkdown(ws, { ...graded, answers: { q1: [[7, 16, 27], [40, 55, 71]], q2: 'A ⊙ B' } });
    expect(withAnswer).toContain('Your answer:\n\n```text\n[  7  16  27 ]\n[ 40  55  71 ]\n```');
    expect(withAnswer).toContain('```text\nA ⊙ B\n```');
    expect(feedbackMarkdown(ws, broken)).toContain('could not be graded: cannot read the file as YAML');
  });

  it('feedback file names are safe and unique', () => {
    const taken = new Set<string>();
    expect(feedbackFileName("Ann O'Neil", taken)).toBe('Ann_O_Neil.md');
    expect(feedbackFileName("Ann O'Neil", taken)).toBe('Ann_O_Neil-2.md');
    expect(feedbackFileName('../../etc/passwd', taken)).toBe('etc_passwd.md');
    expect(feedbackFileName('', taken)).toBe('student.md');
    const long = feedbackFileName('x'.repeat(300), taken);
    expect(long.length).toBeLessThanOrEqual(63);
    expect(feedbackFileName('x'.repeat(300), taken)).not.toBe(long);
  });

  it('summary table has a row per submission and a footer', () => {
    const table = summaryTable(ws, [graded, broken]).split('\n');
    expect(table[0]).toMatch(/^student\s+q1\s+q2/);
    expect(table[3]).toMatch(/^broken\s+-\s+-/);
    expect(table[5]).toBe(`2 submission(s), 1 graded, 1 unusable; mean 3.5 / ${ws.maxScore}`);
    expect(table[7]).toBe('Per question:');
    expect(table[8]).toMatch(/^ {2}q1 +mean 2\.5\/3 +facility 83% +discrimination - +most common: entry-errors \(1\)$/);
    expect(table).toHaveLength(8 + ws.questions.length + 1);
  });

  it('aligns wide characters by terminal cells (李雷 takes four)', () => {
    const wide: StudentGrade = { ...graded, student: '李雷' };
    const accent: StudentGrade = { ...graded, student: 'Zoe\u0301' };
    const table = summaryTable(ws, [wide, accent, graded]).split('\n');
    // The student column is as wide as the longest name, in cells (an ASCII name: its length);
    // two spaces separate columns, so the next cell starts after (width - cells + 2) spaces.
    const column = graded.student.length;
    expect(table[2]).toMatch(new RegExp(`^李雷 {${column - 4 + 2}}\\S`));
    expect(table[3]).toMatch(new RegExp(`^Zoe\u0301 {${column - 3 + 2}}\\S`));
    // Every data row then has the same text after the name.
    const rest = (row: string | undefined, name: string) => row?.slice(name.length).trimStart();
    expect(rest(table[2], '李雷')).toBe(rest(table[4], graded.student));
    expect(rest(table[3], 'Zoe\u0301')).toBe(rest(table[4], graded.student));
  });
});
