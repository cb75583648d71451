// Docs benchmarks, against the built site (docs/.vitepress/dist; `pnpm docs:build` first): the
// playground page's JavaScript (gzip, as the browser fetched it, engine worker included; goal
// ≤ 200 KB), the time from navigation to the seed example's first answer in Debian's Chromium
// (cold, then the median of warm loads; goal ≤ 300 ms), and the largest page's HTML (goal ≤ 300 KB).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Response } from 'playwright-core';
import { launchChromium } from '../docs/test/chromium.ts';
import { serveStatic } from '../docs/test/static-server.ts';
import { median } from './timing.ts';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', '.vitepress', 'dist');
const SEED_ANSWER = '[[7,16,27],[40,55,72]]';

/** The largest HTML page of the built site: its path and size in bytes. */
function largestPage(): { readonly file: string; readonly bytes: number } {
  const pages = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
  return pages.map((file) => ({ file, bytes: statSync(join(dist, file)).size })).reduce((a, b) => (b.bytes > a.bytes ? b : a));
}

const row = (figure: string, value: string, goal: string): string => `${figure.padEnd(52)} ${value.padStart(10)}   goal ${goal}`;

/** Runs the docs area of `pnpm bench`. */
export async function run(): Promise<void> {
  if (!existsSync(join(dist, 'playground.html'))) {
    console.log(`no built site at ${dist}: run \`pnpm docs:build\` first (the docs figures need it)`);
    return;
  }
  const server = await serveStatic(dist);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    // Every script of the cold load (the context sees the worker's requests too), read before navigating on.
    const scripts = new Map<string, number>();
    const reads: Promise<void>[] = [];
    const onResponse = (response: Response): void => {
      const url = response.url();
      if (url.endsWith('.js')) reads.push(response.body().then((body) => void scripts.set(url, gzipSync(body).length)));
    };
    browser.on('response', onResponse);
    const answer = async (): Promise<number> => {
      await page.goto(`${server.url}/playground.html`);
      const handle = await page.waitForFunction((seed) => (document.querySelector('[data-testid=eval-result]')?.textContent === seed ? performance.now() : 0), SEED_ANSWER, { polling: 'raf', timeout: 30_000 });
      return await handle.jsonValue();
    };
    const cold = await answer();
    await Promise.all(reads);
    browser.off('response', onResponse);
    const warm: number[] = [];
    for (let i = 0; i < 5; i++) warm.push(await answer());
    const js = [...scripts.values()].reduce((a, b) => a + b, 0);
    const worker = [...scripts].filter(([url]) => /worker/i.test(url)).reduce((a, [, bytes]) => a + bytes, 0);
    const largest = largestPage();
    console.log(row('playground page JavaScript, gzip (worker included)', `${(js / 1024).toFixed(0)} KB`, '≤ 200 KB'));
    console.log(row('  of which the engine worker', `${(worker / 1024).toFixed(0)} KB`, ''));
    console.log(row('first answer to the seed example, cold', `${cold.toFixed(0)} ms`, '≤ 300 ms'));
    console.log(row('first answer to the seed example, warm (median of 5)', `${median(warm).toFixed(0)} ms`, '≤ 300 ms'));
    console.log(row(`largest page HTML (${largest.file})`, `${(largest.bytes / 1024).toFixed(0)} KB`, '≤ 300 KB'));
  } finally {
    await browser.close();
    await server.close();
  }
}
