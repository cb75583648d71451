import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runOdot } from '../test-helpers.ts';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const WORKSHEET = join(ROOT, 'examples/WS_Math_Foundations_1.md');
const SUBMISSIONS = join(ROOT, 'examples/submissions');
const ROSTER = join(ROOT, 'examples/roster.csv');
const sample = (name: string): string => readFileSync(join(SUBMISSIONS, name), 'utf8');

interface Report {
  warnings: { code: string; student?: string; file: string; message: string }[];
  ignored: { path: string; reason: string }[];
  questions: { id: string; mean: number; facility: number | null; discrimination: number | null; diagnoses: Record<string, number> }[];
  students: { student: string; id?: string; total: number; feedback: string; error?: { code: string; message: string }; overrides?: unknown[] }[];
}

describe('odot grade with a roster (the bundled class, as pnpm start runs it)', () => {
  const out = mkdtempSync(join(tmpdir(), 'odot-class-'));
  const run = runOdot(['grade', WORKSHEET, SUBMISSIONS, '--roster', ROSTER, '--out', out]);
  const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;

  it('grades every roster student once and says who handed nothing in', () => {
    expect(run.code).toBe(0);
    const roster = readFileSync(ROSTER, 'utf8').trim().split('\n').length - 1;
    expect(report.students.filter((s) => s.id !== undefined)).toHaveLength(roster);
    expect(report.warnings.map((w) => [w.code, w.student])).toEqual([
      ['wrong-worksheet', 'Georg Cantor'],
      ['no-submission', 'Emilie du Chatelet'],
    ]);
    expect(report.students.find((s) => s.student === 'Ada Byron King')?.id).toBe('S2001');
    expect(run.stdout).toContain('no-submission: Emilie du Chatelet (S2003) is on the roster but handed nothing in; scored 0');
    expect(run.stdout).toMatch(/\n {2}q1 +mean [\d.]+\/3 +facility \d+% +discrimination -?[\d.]+ +most common: [a-z-]+ \(\d+\)\n/);
    expect(run.stdout).toContain('out/report.html'.slice(4));
  });

  it('writes Moodle and Canvas grade imports', () => {
    const moodle = runOdot(['grade', WORKSHEET, SUBMISSIONS, '--roster', ROSTER, '--format', 'moodle']);
    const lines = moodle.stdout.trim().split('\n');
    expect(lines[0]).toBe('Email address,q1,q2,q3,q4,q5,q6,q7,q8,q9,q10,q11,q12,Total');
    expect(lines).toContain('ada.lovelace@school.example,3,2,1,2,2,1,3,2,2,2,2,2,24');
    expect(lines).toContain('emilie.du.chatelet@school.example,0,0,0,0,0,0,0,0,0,0,0,0,0');
    expect(moodle.stdout).not.toContain('zz-broken-upload');
    const canvas = runOdot(['grade', WORKSHEET, SUBMISSIONS, '--roster', ROSTER, '--format', 'canvas', '--assignment', 'Hadamard sheet 1']);
    const rows = canvas.stdout.trim().split('\n');
    expect(rows[0]).toBe('Student,ID,SIS User ID,Section,Hadamard sheet 1');
    expect(rows).toContain('Ada Lovelace,,S1001,A,24');
    expect(runOdot(['grade', WORKSHEET, SUBMISSIONS, '--format', 'excel']).code).toBe(2);
  });

  it('applies overrides after grading, in every report', () => {
    const dir = mkdtempSync(join(tmpdir(), 'odot-over-'));
    writeFileSync(join(dir, 'o.yaml'), '- student: S1004\n  question: q1\n  score: 2\n  comment: the method was right\n');
    const r = runOdot(['grade', WORKSHEET, join(SUBMISSIONS, 'carl-gauss.yaml'), '--overrides', join(dir, 'o.yaml'), '--out', dir]);
    expect(r.code).toBe(0);
    const rep = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as Report;
    expect(rep.students[0]?.overrides).toEqual([{ question: 'q1', from: 0, to: 2, comment: 'the method was right' }]);
    expect(readFileSync(join(dir, 'grades.csv'), 'utf8').split('\n')[1]).toMatch(/^Carl Gauss,S1004,2,/);
    expect(readFileSync(join(dir, 'feedback', 'S1004.md'), 'utf8')).toContain('Override: q1 set to 2 by your teacher (was 0): the method was right.');
    expect(r.stdout).toContain('(1 override)');
    writeFileSync(join(dir, 'bad.yaml'), '- {student: S1004, question: q1, score: 9}\n');
    expect(runOdot(['grade', WORKSHEET, SUBMISSIONS, '--overrides', join(dir, 'bad.yaml')]).code).toBe(2);
  });
});

describe('odot grade with LMS archives, stdin and odd files', () => {
  it('grades a Moodle "download all submissions" zip, with a nested zip and a non-submission file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'odot-zip-'));
    const noName = sample('carl-gauss.yaml').replace(/^(student|id): .*\n/gm, '');
    const inner = zipSync({ 'Alan Turing_102_assignsubmission_file_/turing.yaml': strToU8(sample('alan-turing.yaml')) });
    const zip = zipSync({
      'Carl Gauss_101_assignsubmission_file_/sheet.yaml': strToU8(noName),
      'Ada Lovelace_100_assignsubmission_onlinetext_/onlinetext.html': strToU8('<p>hi</p>'),
      'more.zip': inner,
    });
    writeFileSync(join(dir, 'moodle.zip'), zip);
    writeFileSync(join(dir, 'roster.csv'), 'ID number,First name,Surname,Email address,user id\nS1004,Carl,Gauss,cg@x,101\nS1002,Alan,Turing,at@x,102\n');
    const r = runOdot(['grade', WORKSHEET, join(dir, 'moodle.zip'), '--roster', join(dir, 'roster.csv'), '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.students.map((s) => [s.student, s.id])).toEqual([
      ['Carl Gauss', 'S1004'],
      ['Alan Turing', 'S1002'],
    ]);
    const direct = JSON.parse(runOdot(['grade', WORKSHEET, join(SUBMISSIONS, 'carl-gauss.yaml'), '--json']).stdout) as Report;
    expect(report.students[0]?.total).toBe(direct.students[0]?.total);
    expect(report.ignored).toEqual([{ path: `${join(dir, 'moodle.zip')}!Ada Lovelace_100_assignsubmission_onlinetext_/onlinetext.html`, reason: 'not a submission (.yaml, .yml, .json)' }]);
  });

  it('grades a Canvas zip (name_LATE_userid_attachmentid_file at the top)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'odot-canvas-'));
    const noName = sample('ada-lovelace.yaml').replace(/^(student|id): .*\n/gm, '');
    writeFileSync(join(dir, 'submissions.zip'), zipSync({ 'lovelaceada_LATE_5001_90001_sheet.yaml': strToU8(noName) }));
    writeFileSync(join(dir, 'roster.csv'), 'Student,ID,SIS User ID,SIS Login ID,Section\n"Lovelace, Ada",5001,S1001,ada,A\n');
    const r = runOdot(['grade', WORKSHEET, join(dir, 'submissions.zip'), '--roster', join(dir, 'roster.csv'), '--format', 'canvas']);
    expect(r.stdout.trim().split('\n')).toEqual([`Student,ID,SIS User ID,Section,Math Foundations 1: the Hadamard product`, '"Lovelace, Ada",5001,S1001,A,24']);
  });

  it('exits 2 naming the line of a bad roster', () => {
    const dir = mkdtempSync(join(tmpdir(), 'odot-badroster-'));
    writeFileSync(join(dir, 'r.csv'), 'id,name\nS1,Ada\nS1,Alan\n');
    const r = runOdot(['grade', WORKSHEET, SUBMISSIONS, '--roster', join(dir, 'r.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("line 3: the id 'S1' is already used on line 2");
  });

  it('reads one submission from stdin with -', () => {
    const r = runOdot(['grade', WORKSHEET, '-', '--json'], { input: sample('ada-lovelace.yaml') });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Report).students.map((s) => [s.student, s.total])).toEqual([['Ada Lovelace', 24]]);
  });

  it('does not block on a named pipe, and survives a 300-character name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'odot-odd-'));
    execFileSync('mkfifo', [join(dir, 'x.yaml')]);
    writeFileSync(join(dir, 'long.yaml'), `student: ${'W'.repeat(300)}\nworksheet: WS_Math_Foundations_1\nanswers: {Q1: [[7, 16, 27], [40, 55, 72]], q99: 1}\n`);
    const out = join(dir, 'out');
    const r = runOdot(['grade', WORKSHEET, dir, '--out', out]);
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;
    expect(report.students.find((s) => s.error)?.error?.message).toContain('named pipe');
    const long = report.students.find((s) => s.student.length === 300);
    expect(long?.total).toBe(3);
    expect(readFileSync(join(out, long?.feedback ?? ''), 'utf8')).toContain("`q99`");
    expect(report.warnings.map((w) => w.code)).toEqual(['unknown-answer-key']);
  });
});

describe('odot worksheet handout', () => {
  it('writes one Markdown and HTML handout per roster student, with their own matrices and no answers', () => {
    const dir = mkdtempSync(join(tmpdir(), 'odot-handout-'));
    const r = runOdot(['worksheet', 'handout', WORKSHEET, '--roster', ROSTER, '--out', dir]);
    expect(r.code).toBe(0);
    const roster = readFileSync(ROSTER, 'utf8').trim().split('\n').length - 1;
    expect(r.stdout).toBe(`wrote ${roster} handout(s) (.md and .html) in ${dir}\n`);
    const gauss = readFileSync(join(dir, 'S1004.md'), 'utf8');
    expect(gauss).toContain('for Carl Gauss (S1004)');
    const shown = JSON.parse(runOdot(['worksheet', 'show', WORKSHEET, '--student', 'Carl Gauss', '--id', 'S1004', '--json']).stdout) as { matrices: Record<string, Record<string, string[][]>> };
    const u = shown.matrices['q2']?.['u'] ?? [];
    const width = Math.max(...u.flat().map((c) => c.length));
    expect(gauss).toContain(`u = [ ${(u[0]?.[0] ?? '').padStart(width)} ]`);
    expect(gauss).not.toContain('answer: ');
    expect(readFileSync(join(dir, 'S1004.html'), 'utf8')).toContain('<h1>Math Foundations 1: the Hadamard product</h1>');
    expect(runOdot(['worksheet', 'handout', WORKSHEET]).code).toBe(2);
  });
});
