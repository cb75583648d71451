import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundled, BUNDLED_TEXT } from '../test-fixtures.ts';
import { execFileSync } from 'node:child_process';
import { Readable } from 'node:stream';
import { mkdirSync, utimesSync } from 'node:fs';
import { finishClass } from '../class.ts';
import { readTimestamp } from '../submission.ts';
import { parseRoster } from '../roster.ts';
import type { StudentGrade } from '../result.ts';
import { collectClass, collectSubmissions, MAX_SUBMISSION_BYTES, readStream } from './collect.ts';
import { gradeInput } from './grade-file.ts';
import { gradeBatch, jobsFor } from './grade-batch.ts';
import { writeReports } from './write-reports.ts';

const ws = bundled();
const samples = fileURLToPath(new URL('../../../../examples/submissions/', import.meta.url));

describe('the node entry', () => {
  it('collects .yaml/.yml/.json files of directories at any depth, sorted, lists the rest and keeps missing paths', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'odot-collect-'));
    writeFileSync(join(tmp, 'b.yml'), 'x');
    writeFileSync(join(tmp, 'a.json'), '{}');
    writeFileSync(join(tmp, 'notes.txt'), 'ignored');
    mkdirSync(join(tmp, 'Ada Lovelace_123_assignsubmission_file_'));
    writeFileSync(join(tmp, 'Ada Lovelace_123_assignsubmission_file_', 'sheet.yaml'), 'x');
    const { inputs, ignored } = await collectClass([tmp, join(tmp, 'nope.yaml')]);
    expect(inputs.map((i) => [i.kind, i.path.slice(tmp.length + 1)])).toEqual([
      ['file', 'Ada Lovelace_123_assignsubmission_file_/sheet.yaml'],
      ['file', 'a.json'],
      ['file', 'b.yml'],
      ['missing', 'nope.yaml'],
    ]);
    expect(inputs[0]?.kind === 'file' && inputs[0].lms).toEqual({ lms: 'moodle', name: 'Ada Lovelace', userId: '123' });
    expect(ignored).toEqual([{ path: join(tmp, 'notes.txt'), reason: 'not a submission (.yaml, .yml, .json)' }]);
  });

  it('reads only regular files: a named pipe does not block, an oversized file is refused, with reasons', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'odot-fifo-'));
    execFileSync('mkfifo', [join(tmp, 'x.yaml')]);
    writeFileSync(join(tmp, 'big.yaml'), Buffer.alloc(MAX_SUBMISSION_BYTES + 1, 32));
    const inputs = await collectSubmissions([tmp, join(tmp, 'x.yaml')]);
    expect(inputs.map((i) => (i.kind === 'missing' ? i.reason.replace(tmp, 'T') : i.kind))).toEqual([
      `T/big.yaml is larger than ${MAX_SUBMISSION_BYTES} bytes (${MAX_SUBMISSION_BYTES + 1}); not read`,
      'cannot read T/x.yaml: it is a named pipe, not a regular file',
      'cannot read T/x.yaml: it is a named pipe, not a regular file',
    ]);
    const grades = await gradeBatch(ws, BUNDLED_TEXT, inputs);
    expect(grades.map((g) => g.error?.code)).toEqual(['unreadable-file', 'unreadable-file', 'unreadable-file']);
  });

  it('keeps the latest of duplicates: by the timestamp field, else by modification time', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'odot-dup-'));
    const text = (extra: string): string => `student: Ada Lovelace\nworksheet: WS_Math_Foundations_1\n${extra}answers: {}\n`;
    writeFileSync(join(tmp, 'a.yaml'), text(''));
    writeFileSync(join(tmp, 'b.yaml'), text(''));
    utimesSync(join(tmp, 'a.yaml'), new Date('2026-01-02T00:00:00Z'), new Date('2026-01-02T00:00:00Z'));
    utimesSync(join(tmp, 'b.yaml'), new Date('2026-01-01T00:00:00Z'), new Date('2026-01-01T00:00:00Z'));
    const byMtime = finishClass(ws, await gradeBatch(ws, BUNDLED_TEXT, await collectSubmissions([tmp])));
    expect(byMtime.grades.map((g) => g.source?.slice(tmp.length + 1))).toEqual(['a.yaml']);
    expect(byMtime.warnings.map((w) => [w.code, w.file.slice(tmp.length + 1)])).toEqual([['duplicate-submission', 'b.yaml']]);
    writeFileSync(join(tmp, 'b.yaml'), text('timestamp: 2026-03-01T10:00:00Z\n'));
    utimesSync(join(tmp, 'b.yaml'), new Date('2026-01-01T00:00:00Z'), new Date('2026-01-01T00:00:00Z'));
    const byStamp = finishClass(ws, await gradeBatch(ws, BUNDLED_TEXT, await collectSubmissions([tmp])));
    expect(byStamp.grades.map((g) => [g.source?.slice(tmp.length + 1), g.submittedAt])).toEqual([['b.yaml', Date.parse('2026-03-01T10:00:00Z')]]);
    expect(readTimestamp('1767225600')).toBe(1767225600000);
    expect(readTimestamp(1767225600000)).toBe(1767225600000);
    expect(readTimestamp('yesterday')).toBeUndefined();
  });

  it('reads one submission from standard input for -', async () => {
    const text = 'student: Ada\nworksheet: WS_Math_Foundations_1\nanswers: {q1: [[7, 16, 27], [40, 55, 72]]}\n';
    const inputs = await collectSubmissions(['-'], { stdin: () => readStream(Readable.from([Buffer.from(text)])) });
    const [grade] = await gradeBatch(ws, BUNDLED_TEXT, inputs);
    expect([grade?.student, grade?.source, grade?.total]).toEqual(['Ada', '-', 3]);
  });

  it('identifies students through the roster: the row id keys the variant, an unknown student is flagged', async () => {
    const roster = parseRoster('id,name,user id\nS1004,Carl Gauss,\nS9,Nobody Else,555\n');
    if (!roster.ok) throw new Error(roster.error.message);
    const withId = await gradeInput(ws, { kind: 'file', path: join(samples, 'carl-gauss.yaml') });
    const nameOnly = Buffer.from(readFileSync(join(samples, 'carl-gauss.yaml'), 'utf8').replace(/^id: .*\n/m, ''));
    const gauss = await gradeInput(ws, { kind: 'data', path: 'g.yaml', bytes: nameOnly }, { roster: roster.value });
    expect([gauss.id, gauss.total]).toEqual(['S1004', withId.total]);
    const keyedByName = await gradeInput(ws, { kind: 'data', path: 'g.yaml', bytes: nameOnly });
    expect(keyedByName.total).not.toBe(withId.total);
    const text = 'worksheet: WS_Math_Foundations_1\nanswers: {}\n';
    const byPath = await gradeInput(ws, { kind: 'data', path: 'z.zip!x_555_assignsubmission_file_/a.yaml', bytes: Buffer.from(text), lms: { lms: 'moodle', name: 'N E', userId: '555' } }, { roster: roster.value });
    expect([byPath.student, byPath.id, byPath.lmsId]).toEqual(['Nobody Else', 'S9', '555']);
    const stranger = await gradeInput(ws, { kind: 'data', path: 's.yaml', bytes: Buffer.from(`student: Stranger\n${text}`) }, { roster: roster.value });
    expect(stranger.unknownStudent).toBe("no roster row matches 'Stranger'");
  });

  it('grades every input in order, unreadable ones included, and reports progress', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'odot-batch-'));
    writeFileSync(join(tmp, 'binary.yaml'), Buffer.from([0, 1, 2, 3]));
    const inputs = await collectSubmissions([samples, tmp, join(tmp, 'missing.yaml')]);
    const seen: number[] = [];
    const grades = await gradeBatch(ws, BUNDLED_TEXT, inputs, { onProgress: (done) => seen.push(done) });
    expect(grades).toHaveLength(inputs.length);
    expect(seen).toEqual(inputs.map((_, k) => k + 1));
    expect(grades.at(-2)?.error?.message).toMatch(/not text/);
    expect(grades.at(-1)?.error?.code).toBe('unreadable-file');
    expect(grades.map((g) => g.source)).toEqual(inputs.map((i) => i.path));
    // From source, workers are not used (they need the built package).
    expect(jobsFor(10_000, { jobs: 4 })).toBe(1);
  });

  it('writes grades.csv, report.json and one feedback file per submission', async () => {
    const out = mkdtempSync(join(tmpdir(), 'odot-out-'));
    const inputs = await collectSubmissions([samples]);
    const grades = await gradeBatch(ws, BUNDLED_TEXT, inputs);
    const { id: _id, ...first } = grades[0] as StudentGrade;
    const long: StudentGrade = { ...first, student: 'Ä'.repeat(300) };
    const written = await writeReports(out, ws, [...grades, long]);
    const csv = readFileSync(written.csv, 'utf8').trimEnd().split('\n');
    expect(csv).toHaveLength(inputs.length + 2);
    const report = JSON.parse(readFileSync(written.json, 'utf8')) as { students: { feedback: string }[] };
    expect(report.students).toHaveLength(inputs.length + 1);
    expect(readdirSync(written.feedbackDir)).toHaveLength(2 * (inputs.length + 1));
    for (const s of report.students) expect(readFileSync(join(out, s.feedback), 'utf8')).toMatch(/^# /);
    expect(report.students.map((s) => s.feedback)).toContain('feedback/S1004.md');
    expect(readFileSync(written.html, 'utf8')).toContain('<svg data-testid="histogram"');
  });
});
