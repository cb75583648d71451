// Student page benchmark: the size of the page's JS (gzip) beside the playground's, and the time
// from opening the practice page of WS_Math_Foundations_1 (file://, Debian's Chromium) to a checked
// first answer (id typed, the seed grid filled, Check pressed, the score shown). Median of 3 runs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { median } from './timing.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';

function gzipBytes(files: readonly string[]): number {
  return files.reduce((sum, file) => sum + gzipSync(readFileSync(file), { level: 9 }).length, 0);
}

function jsFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js')).map((f) => join(dir, f));
}

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

async function timeToCheckedAnswer(url: string): Promise<number> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const t0 = performance.now();
    await page.goto(url);
    await page.getByTestId('student-id').fill('bench');
    await page.getByTestId('start').click();
    for (const [i, v] of ['7', '16', '27', '40', '55', '72'].entries()) await page.getByTestId(`cell-q1-${Math.floor(i / 3) + 1}-${(i % 3) + 1}`).fill(v);
    await page.getByTestId('check-q1').click();
    await page.getByTestId('score-q1').filter({ hasText: '3 / 3' }).waitFor();
    return performance.now() - t0;
  } finally {
    await browser.close();
  }
}

/** Prints the page's bundle sizes beside the playground's and the load-to-checked-answer time. */
export async function run(): Promise<void> {
  const pageDist = join(ROOT, 'apps/worksheet-page/dist');
  const practice = gzipBytes([join(pageDist, 'practice.js')]);
  const exam = gzipBytes([join(pageDist, 'exam.js')]);
  const playgroundJs = jsFiles(join(ROOT, 'apps/playground/dist'));
  console.log(`page JS (gzip): practice ${kib(practice)}, exam ${kib(exam)}; playground JS ${playgroundJs.length === 0 ? 'not built' : kib(gzipBytes(playgroundJs))}`);
  if (!existsSync(CHROMIUM)) {
    console.log(`load → checked first answer: not measured (${CHROMIUM} is missing)`);
    return;
  }
  const out = mkdtempSync(join(tmpdir(), 'odot-bench-page-'));
  try {
    const built = spawnSync(process.execPath, [join(ROOT, 'apps/cli/dist/bin.js'), 'worksheet', 'page', join(ROOT, 'examples/WS_Math_Foundations_1.md'), '--out', out], { encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`odot worksheet page failed: ${built.stderr}`);
    const url = pathToFileURL(join(out, 'index.html')).href;
    const times: number[] = [];
    for (let i = 0; i < 3; i++) times.push(await timeToCheckedAnswer(url));
    console.log(`load → checked first answer (Chromium, file://, 390 px): median ${median(times).toFixed(0)} ms of ${times.length}`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
