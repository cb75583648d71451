import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundled, BUNDLED_TEXT } from '../test-fixtures.ts';
import { collectSubmissions } from './collect.ts';
import { gradeBatch, jobsFor } from './grade-batch.ts';
import { writeReports } from './write-reports.ts';

const ws = bundled();
const samples = fileURLToPath(new URL('../../../../examples/submissions/', import.meta.url));

describe('the node entry', () => {
  it('collects .yaml/.yml/.json files of directories, sorted, and keeps missing paths', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'odot-collect-'));
    writeFileSync(join(tmp, 'b.yml'), 'x');
    writeFileSync(join(tmp, 'a.json'), '{}');
    writeFileSync(join(tmp, 'notes.txt'), 'ignored');
    const inputs = await collectSubmissions([tmp, join(tmp, 'nope.yaml')]);
    expect(inputs.map((i) => [i.kind, i.path.slice(tmp.length + 1)])).toEqual([
      ['file', 'a.json'],
      ['file', 'b.yml'],
      ['missing', 'nope.yaml'],
    ]);
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
    const written = await writeReports(out, ws, grades);
    const csv = readFileSync(written.csv, 'utf8').trimEnd().split('\n');
    expect(csv).toHaveLength(inputs.length + 1);
    const report = JSON.parse(readFileSync(written.json, 'utf8')) as { students: unknown[] };
    expect(report.students).toHaveLength(inputs.length);
    expect(readdirSync(written.feedbackDir)).toHaveLength(inputs.length);
  });
});
