import { mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { launchChromium } from '../../../docs/test/chromium.ts';
import { finishClass } from '../src/class.ts';
import type { ReportJson } from '../src/report.ts';
import { parseRoster } from '../src/roster.ts';
import { bundled, BUNDLED_TEXT } from '../src/test-fixtures.ts';
import { collectSubmissions } from '../src/node/collect.ts';
import { gradeBatch } from '../src/node/grade-batch.ts';
import { writeReports } from '../src/node/write-reports.ts';

const examples = fileURLToPath(new URL('../../../examples/', import.meta.url));

describe('report.html in Chromium', () => {
  let browser: BrowserContext;
  let out = '';
  let report: ReportJson;

  beforeAll(async () => {
    const ws = bundled();
    const roster = parseRoster(await readFile(join(examples, 'roster.csv'), 'utf8'));
    if (!roster.ok) throw new Error(roster.error.message);
    const graded = await gradeBatch(ws, BUNDLED_TEXT, await collectSubmissions([join(examples, 'submissions')]), { roster: roster.value });
    const { grades, warnings } = finishClass(ws, graded, { roster: roster.value });
    out = mkdtempSync(join(tmpdir(), 'odot-report-html-'));
    const written = await writeReports(out, ws, grades, { warnings });
    report = JSON.parse(await readFile(written.json, 'utf8')) as ReportJson;
    browser = await launchChromium();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('renders offline; its numbers are report.json’s; student links open the feedback pages', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(join(out, 'report.html')).href);
    expect(requests.every((u) => u.startsWith('file:'))).toBe(true);
    const svg = await page.getByTestId('histogram').boundingBox();
    expect(svg?.width).toBeGreaterThan(100);
    const bins = await page.getByTestId('histogram-bin').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-count'))));
    expect(bins).toEqual(report.distribution.bins.map((b) => b.count));
    const rows = await page.getByTestId('question-row').evaluateAll((els) =>
      els.map((e) => {
        const value = (id: string): string => e.querySelector(`[data-testid="${id}"]`)?.getAttribute('data-value') ?? '?';
        const text = (id: string): string => e.querySelector(`[data-testid="${id}"]`)?.textContent ?? '?';
        return { id: e.getAttribute('data-id'), mean: Number(value('mean')), facility: value('facility'), discrimination: value('discrimination'), facilityText: text('facility') };
      }),
    );
    expect(rows.map((r) => r.id)).toEqual(report.questions.map((q) => q.id));
    for (const [k, q] of report.questions.entries()) {
      expect(rows[k]?.mean).toBe(q.mean);
      expect(rows[k]?.facility).toBe(q.facility === null ? '' : String(q.facility));
      expect(rows[k]?.discrimination).toBe(q.discrimination === null ? '' : String(q.discrimination));
      expect(rows[k]?.facilityText).toBe(q.facility === null ? '–' : q.facility.toFixed(2));
    }
    expect(await page.getByTestId('alpha').getAttribute('data-value')).toBe(String(report.alpha));
    expect(await page.getByTestId('warning').count()).toBe(report.warnings.length);
    const totals = await page.getByTestId('student-row').evaluateAll((els) => els.map((e) => Number(e.querySelector('[data-testid="total"]')?.getAttribute('data-value'))));
    expect(totals).toEqual(report.students.map((s) => s.total));
    await page.getByRole('link', { name: 'Carl Gauss' }).click();
    await expect.poll(() => page.url()).toMatch(/feedback\/S1004\.html$/);
    expect(await page.getByTestId('score').textContent()).toBe(`${report.students.find((s) => s.id === 'S1004')?.total} / 24`);
    expect(await page.getByTestId('answer-matrix').count()).toBeGreaterThan(0);
    await page.close();
  }, 120_000);
});
