import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runOdot } from '../test-helpers.ts';
import { gradeCommand } from './grade.ts';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const WORKSHEET = join(ROOT, 'examples/WS_Math_Foundations_1.md');
const SUBMISSIONS = join(ROOT, 'examples/submissions');

interface Report {
  worksheet: string;
  max: number;
  students: { student: string; total: number; error?: { code: string }; questions: Record<string, { score: number; max: number; diagnoses: string[]; feedback: string[] }> }[];
}

describe('odot grade (built command)', () => {
  const out = mkdtempSync(join(tmpdir(), 'odot-grade-'));
  const run = runOdot(['grade', WORKSHEET, SUBMISSIONS, '--out', out]);
  const files = readdirSync(SUBMISSIONS).filter((f) => /\.(ya?ml|json)$/.test(f));

  it('grades the bundled submissions, exit 0, summary table on stdout, plain progress lines when piped', () => {
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^student\s+q1\s+q2/);
    expect(run.stdout).toContain(`${files.length} submission(s)`);
    expect(run.stderr.trim().split('\n')).toHaveLength(files.length);
    expect(run.stderr).toMatch(/^graded 1\/\d+: /);
    expect(run.stderr).not.toContain('\r');
  });

  it('writes grades.csv with a row per submission', () => {
    const csv = readFileSync(join(out, 'grades.csv'), 'utf8').trimEnd().split('\n');
    expect(csv[0]).toBe('student,id,q1,q2,q3,q4,q5,q6,q7,q8,q9,q10,q11,q12,total,max');
    expect(csv).toHaveLength(files.length + 1);
    expect(csv).toContain('Ada Lovelace,S1001,3,2,1,2,2,1,3,2,2,2,2,2,24,24');
    expect(csv).toContain('zz-broken-upload,,0,0,0,0,0,0,0,0,0,0,0,0,0,24');
  });

  it('writes report.json with scores, diagnosis codes and feedback', () => {
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;
    expect(report.worksheet).toBe('WS_Math_Foundations_1');
    expect(report.students).toHaveLength(files.length);
    const gauss = report.students.find((s) => s.student === 'Carl Gauss');
    expect(gauss?.questions['q1']).toMatchObject({ score: 0, max: 3, diagnoses: ['matmul-instead-of-hadamard'] });
    expect(gauss?.questions['q1']?.feedback[0]).toContain('You computed the matrix product A Bᵀ; the Hadamard product A ⊙ B multiplies entry by entry');
    const hadamard = report.students.find((s) => s.student === 'Jacques Hadamard');
    expect(hadamard?.questions['q1']).toMatchObject({ score: 2.5, diagnoses: ['entry-errors'] });
    expect(report.students.find((s) => s.student === 'zz-broken-upload')?.error?.code).toBe('malformed-submission');
    expect(report.students.find((s) => s.student === 'Georg Cantor')?.error?.code).toBe('wrong-worksheet');
  });

  it('writes one feedback note (Markdown and HTML) per submission, named by the id', () => {
    const feedback = readdirSync(join(out, 'feedback'));
    expect(feedback).toHaveLength(2 * files.length);
    expect(readFileSync(join(out, 'feedback', 'S1004.md'), 'utf8')).toContain('_(matmul-instead-of-hadamard)_');
    expect(readFileSync(join(out, 'feedback', 'S1004.html'), 'utf8')).toContain('<h1>');
  });

  it('is deterministic across runs and worker threads', () => {
    const again = mkdtempSync(join(tmpdir(), 'odot-grade-'));
    const threaded = runOdot(['grade', WORKSHEET, SUBMISSIONS, '--out', again, '--jobs', '3']);
    expect(threaded.code).toBe(0);
    expect(readFileSync(join(again, 'grades.csv'), 'utf8')).toBe(readFileSync(join(out, 'grades.csv'), 'utf8'));
    expect(readFileSync(join(again, 'report.json'), 'utf8')).toBe(readFileSync(join(out, 'report.json'), 'utf8'));
  });

  it('prints the JSON report with --json', () => {
    const json = runOdot(['grade', WORKSHEET, join(SUBMISSIONS, 'ada-lovelace.yaml'), join(SUBMISSIONS, 'zz-broken-upload.yaml'), '--json']);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as Report;
    expect(report.students.map((s) => [s.student, s.total])).toEqual([
      ['Ada Lovelace', 24],
      ['zz-broken-upload', 0],
    ]);
  });

  it('exits 2 with a clear message for a SUBMISSIONS path that does not exist', () => {
    const r = runOdot(['grade', WORKSHEET, join(SUBMISSIONS, 'nobody.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: cannot read .*nobody\.yaml: no such file or directory/);
    expect(runOdot(['grade', WORKSHEET, '/nonexistent']).code).toBe(2);
  });

  it('exits 2 with a located diagnostic on a bad worksheet', () => {
    const dir = mkdtempSync(join(tmpdir(), 'odot-ws-'));
    const bad = join(dir, 'bad.md');
    writeFileSync(bad, '---\nworksheet: X\n---\n```question\nid: q1\nkind: expression\nanswer: A ⊙ (B\n```\n');
    const r = runOdot(['grade', bad, SUBMISSIONS]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: question q1: answer: cannot parse/);
    expect(r.stderr).toContain(`  --> ${bad}:7:1`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(runOdot(['grade', join(dir, 'missing.md'), SUBMISSIONS]).code).toBe(2);
    expect(runOdot(['grade', WORKSHEET, SUBMISSIONS, '--jobs', 'many']).code).toBe(2);
  });
});

describe('odot worksheet (built command)', () => {
  it('self-tests the bundled worksheet: exit 0, every question passes', () => {
    const r = runOdot(['worksheet', 'test', WORKSHEET, '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { ok: boolean; questions: number; checks: { ok: boolean }[] };
    expect(report.ok).toBe(true);
    expect(report.questions).toBe(12);
    expect(report.checks.length).toBeGreaterThan(24);
  });

  it('fails (exit 1) when a model answer is wrong, and names the check', () => {
    const dir = mkdtempSync(join(tmpdir(), 'odot-ws-'));
    const file = join(dir, 'ws.md');
    writeFileSync(file, readFileSync(WORKSHEET, 'utf8').replace('matrix: P ⊙ Q\nanswer: yes', 'matrix: P ⊙ Q\nanswer: no'));
    const r = runOdot(['worksheet', 'test', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✗ q10');
    expect(r.stdout).toContain('model verdict');
  });

  it("shows a student's personal matrices", () => {
    const r = runOdot(['worksheet', 'show', WORKSHEET, '--student', 'Ada Lovelace']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('q1: A = [[1, 2, 3], [4, 5, 6]]; B = [[7, 8, 9], [10, 11, 12]]');
    expect(r.stdout).toContain('q2 (personal): u = ');
    expect(runOdot(['worksheet', 'frobnicate', WORKSHEET]).code).toBe(2);
  });
});

describe('odot grade progress on a terminal', () => {
  it('draws a progress bar on stderr and keeps stdout for the table', async () => {
    let stdout = '';
    let stderr = '';
    const code = await gradeCommand.run(
      { positionals: [WORKSHEET, join(SUBMISSIONS, 'ada-lovelace.yaml'), join(SUBMISSIONS, 'carl-gauss.yaml')], strings: new Map(), lists: new Map(), flags: new Set() },
      { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readStdin: async () => '', isTTY: true, cwd: ROOT },
    );
    expect(code).toBe(0);
    expect(stderr).toBe(`\r[${'#'.repeat(15)}${'.'.repeat(15)}] 1/2\r[${'#'.repeat(30)}] 2/2\n`);
    expect(stdout).toMatch(/^student\s+q1/);
    expect(stdout).toContain('Carl Gauss');
  });
});

describe('odot grade --time-limit (built command)', () => {
  const ada = join(SUBMISSIONS, 'ada-lovelace.yaml');

  it('bounds each answer: an answer stopped by it scores 0 with the limit in the JSON and the reason in its feedback', () => {
    const run = runOdot(['grade', WORKSHEET, ada, '--json', '--time-limit', '1']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as Report & { students: { questions: Record<string, { limit?: { kind: string; value: number } }> }[] };
    const q7 = report.students[0]?.questions['q7'];
    expect(q7).toMatchObject({ score: 0, diagnoses: ['limit'], limit: { kind: 'time', value: 1 } });
    expect(q7?.feedback[0]).toContain('time: limit of 1 ms per answer');
  });

  it('grades in full with a generous limit, and refuses a limit that is not a positive whole number', () => {
    const run = runOdot(['grade', WORKSHEET, ada, '--json', '--time-limit', '600000']);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.students[0]?.total).toBe(24);
    const bad = runOdot(['grade', WORKSHEET, ada, '--time-limit', '0']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--time-limit needs a positive whole number of milliseconds');
  });
});

describe('odot grade on deeply nested YAML (built command)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'odot-deep-'));

  it('a submission nested 100 000 deep gets a too-deep row with file:line:col, never a stack overflow', () => {
    const file = join(dir, 'deep.yaml');
    writeFileSync(file, `student: Deep\nworksheet: WS_Math_Foundations_1\nanswers:\n  q1: ${'['.repeat(100_000)}\n`);
    const run = runOdot(['grade', WORKSHEET, file, '--json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as Report & { students: { error?: { code: string; message: string } }[] };
    expect(report.students[0]?.error).toEqual({ code: 'too-deep', message: expect.stringMatching(/deep\.yaml:4:105: cannot read the file as YAML: nested more than 100 levels deep/) });
  });

  it('a worksheet question block nested 100 000 deep is exit 2 with a located, clipped diagnostic', () => {
    const file = join(dir, 'deep.md');
    writeFileSync(file, readFileSync(WORKSHEET, 'utf8').replace('id: q7\n', `id: q7\ndeep: ${'{a: '.repeat(100_000)}\n`));
    const run = runOdot(['grade', file, join(SUBMISSIONS, 'ada-lovelace.yaml')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: question block: nested more than 100 levels deep/);
    expect(run.stderr).toMatch(/deep\.md:\d+:403\n/);
    expect(run.stderr.length).toBeLessThan(1000);
  });
});

