import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { lmsHintOf, readArchive } from './lms-zip.ts';
import { canvasCsv, moodleCsv } from './formats.ts';
import { parseCsv } from './csv.ts';
import type { StudentGrade } from './result.ts';
import { bundled } from './test-fixtures.ts';

describe('LMS archive paths', () => {
  it('reads Moodle folders (and the older flat names) and Canvas names, LATE included', () => {
    expect(lmsHintOf('Ada Lovelace_12345_assignsubmission_file_/answers.yaml')).toEqual({ lms: 'moodle', name: 'Ada Lovelace', userId: '12345' });
    expect(lmsHintOf('Ada Lovelace_12345_assignsubmission_file_answers.yaml')).toEqual({ lms: 'moodle', name: 'Ada Lovelace', userId: '12345' });
    expect(lmsHintOf('lovelaceada_12345_67890_answers.yaml')).toEqual({ lms: 'canvas', name: 'lovelaceada', userId: '12345' });
    expect(lmsHintOf('lovelaceada_LATE_12345_67890_answers-1.yaml')).toEqual({ lms: 'canvas', name: 'lovelaceada', userId: '12345', late: true });
    expect(lmsHintOf('ada-lovelace.yaml')).toBeUndefined();
  });

  it('reads submission files at any depth and in nested zips, listing everything else', () => {
    const inner = zipSync({ 'b/two.json': strToU8('{}') });
    const bytes = zipSync({ 'a/one.yaml': strToU8('x: 1'), 'a/readme.txt': strToU8('hi'), 'nested.zip': inner, '__MACOSX/a/._one.yaml': strToU8('junk') });
    const contents = readArchive(bytes, 'class.zip');
    if (typeof contents === 'string') throw new Error(contents);
    expect(contents.entries.map((e) => e.path)).toEqual(['class.zip!a/one.yaml', 'class.zip!nested.zip!b/two.json']);
    expect(contents.skipped).toEqual([
      { path: 'class.zip!a/readme.txt', reason: 'not a submission (.yaml, .yml, .json)' },
      { path: 'class.zip!__MACOSX/a/._one.yaml', reason: 'macOS metadata, not a submission' },
    ]);
  });

  it('refuses oversized entries and non-zips with a reason', () => {
    const bytes = zipSync({ 'big.yaml': new Uint8Array(100) });
    const contents = readArchive(bytes, 'c.zip', { maxFileBytes: 10, maxTotalBytes: 1000, maxDepth: 1 });
    expect(typeof contents !== 'string' && contents.skipped).toEqual([{ path: 'c.zip!big.yaml', reason: 'larger than 10 bytes' }]);
    expect(readArchive(strToU8('not a zip'), 'x.zip')).toMatch(/^cannot read x\.zip as a zip archive/);
  });
});

describe('grade imports', () => {
  const ws = bundled();
  const row = (g: Partial<StudentGrade>): StudentGrade => ({
    student: 'Ada Lovelace',
    worksheet: ws.id,
    total: 5,
    max: ws.maxScore,
    questions: ws.questions.map((q, k) => ({ id: q.id, score: k < 2 ? 2.5 : 0, max: q.points, diagnoses: [] })),
    ...g,
  });

  it("Moodle: the identifier column, one column per question, then the total (Moodle's import layout)", () => {
    const byEmail = parseCsv(moodleCsv(ws, [row({ id: 's1', email: 'ada@x.org' })]));
    expect(byEmail.ok && byEmail.value).toEqual([
      ['Email address', ...ws.questions.map((q) => q.id), 'Total'],
      ['ada@x.org', '2.5', '2.5', ...Array(ws.questions.length - 2).fill('0'), '5'],
    ]);
    const byId = parseCsv(moodleCsv(ws, [row({ id: 's1', email: 'ada@x.org' }), row({ id: 's2', student: 'Alan' }), row({ student: 'nobody' })]));
    expect(byId.ok && byId.value.map((r) => r[0])).toEqual(['ID number', 's1', 's2']);
  });

  it('Canvas: Student, ID, SIS User ID, Section, then the assignment column with the total', () => {
    const csv = parseCsv(canvasCsv(ws, [row({ id: 'S1', lmsId: '501', section: 'Math 1', student: 'Lovelace, Ada' }), row({ student: 'x' })], 'Sheet 1'));
    expect(csv.ok && csv.value).toEqual([
      ['Student', 'ID', 'SIS User ID', 'Section', 'Sheet 1'],
      ['Lovelace, Ada', '501', 'S1', 'Math 1', '5'],
    ]);
  });
});
