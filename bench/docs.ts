// Docs benchmarks, against the built site (docs/.vitepress/dist; `pnpm docs:build` first), in
// Debian's Chromium (never a downloaded browser):
// - the JavaScript the playground page needs for its first answer (gzip: the page's scripts
//   fetched before the seed example's answer is shown, plus the engine worker; goal ≤ 200 KB),
//   and all the JavaScript once the page has settled (the code editor and KaTeX load after the
//   first answer);
// - time to first answer: from navigation to the first frame with the seed example's value on the
//   page (cold, then the median of warm loads; goal ≤ 300 ms): the value the page's HTML holds
//   (computed by the engine at build), then the engine's own answer in the browser (the worker's,
//   which the head script writes over it), and the playground's value pane; and to the code
//   editor being ready;
// - the largest page's HTML (goal ≤ 300 KB).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Page, Response } from 'playwright-core';
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

const row = (figure: string, value: string, goal = ''): string => `${figure.padEnd(60)} ${value.padStart(10)}   ${goal === '' ? '' : `goal ${goal}`}`;
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KB`;

/** One load of the playground: when the seed answer showed, which page scripts had arrived by then, when the editor was ready. */
interface Load {
  /** The first frame with the seed's value on the page (the page's HTML holds it, computed at build). */
  readonly shownMs: number;
  /** The first frame with the engine's answer, computed in the browser (the worker's). */
  readonly answerMs: number;
  /** When the playground's own value pane showed it (the same as `answerMs` when nothing showed it earlier). */
  readonly paneMs: number;
  readonly scriptsBeforeAnswer: readonly string[];
  readonly editorMs: number;
}

/**
 * The page-side probe, installed before any of the page's scripts: from the first animation frame
 * on, it looks for the seed's answer in every frame, and in the first frame that has it (painted
 * right after) records the time and the scripts that had arrived by then; then likewise for the
 * first frame with the answer in the playground's own value pane (not the first-answer line the
 * page's head script fills before the playground mounts). Measured in the page, not by polling
 * after `goto`, which returns only after the load event (that waits for the chunks loaded after
 * the first answer, the editor and KaTeX).
 */
function answerProbe(seed: string): string {
  // Plain JavaScript, not a serialized function: the bench runs under tsx, whose name helpers the page lacks.
  return `(() => {
    const has = (selector) => document.querySelector(selector)?.textContent === ${JSON.stringify(seed)};
    const look = () => {
      if (!window.odotShown && (has('[data-testid=seed-value]') || has('[data-testid=eval-result]'))) window.odotShown = performance.now();
      if (!window.odotFirstAnswer && has('[data-testid=eval-result]')) {
        const at = performance.now();
        const scripts = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.js') && e.responseEnd <= at);
        window.odotFirstAnswer = { at, scripts: scripts.map((e) => e.name) };
      }
      if (has('[data-testid=eval-result]:not([data-preview])')) window.odotPaneAnswer = performance.now();
      else requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  })();`;
}

/** Loads the playground page and waits for the seed example's answer, then for the code editor and KaTeX. */
async function load(page: Page, url: string): Promise<Load> {
  await page.goto(url, { waitUntil: 'commit' });
  const answer = await page.waitForFunction(() => (window as unknown as { odotFirstAnswer?: unknown }).odotFirstAnswer, undefined, { polling: 50, timeout: 30_000 });
  const { at, scripts } = (await answer.jsonValue()) as { at: number; scripts: string[] };
  const shown = (await page.evaluate(() => (window as unknown as { odotShown?: number }).odotShown)) ?? at;
  const pane = await page.waitForFunction(() => (window as unknown as { odotPaneAnswer?: number }).odotPaneAnswer, undefined, { polling: 50, timeout: 30_000 });
  const editor = await page.waitForFunction(() => (document.querySelector('[data-editor=ready]') && document.querySelector('[data-testid=rendered] .katex') ? performance.now() : 0), undefined, { polling: 'raf', timeout: 30_000 });
  return { shownMs: shown, answerMs: at, paneMs: (await pane.jsonValue()) as number, scriptsBeforeAnswer: scripts, editorMs: (await editor.jsonValue()) };
}

/** Runs the docs area of `pnpm bench`. */
export async function run(): Promise<void> {
  if (!existsSync(join(dist, 'playground.html'))) {
    console.log(`no built site at ${dist}: run \`pnpm docs:build\` first (the docs figures need it)`);
    return;
  }
  const server = await serveStatic(dist);
  const browser = await launchChromium();
  try {
    await browser.addInitScript({ content: answerProbe(SEED_ANSWER) });
    const page = await browser.newPage();
    // Every script of the cold load, the worker's too (the context sees its requests), gzip-sized.
    const scripts = new Map<string, number>();
    const reads: Promise<void>[] = [];
    const onResponse = (response: Response): void => {
      const url = response.url();
      if (url.endsWith('.js')) reads.push(response.body().then((body) => void scripts.set(url, gzipSync(body).length)));
    };
    browser.on('response', onResponse);
    const cold = await load(page, `${server.url}/playground.html`);
    await Promise.all(reads);
    browser.off('response', onResponse);
    const warm: Load[] = [];
    for (let i = 0; i < 5; i++) warm.push(await load(page, `${server.url}/playground.html`));
    const size = (urls: Iterable<string>): number => [...new Set(urls)].reduce((sum, url) => sum + (scripts.get(url) ?? 0), 0);
    const chunk = (pattern: RegExp): number => size([...scripts.keys()].filter((url) => pattern.test(url)));
    const worker = [...scripts.keys()].filter((url) => /worker/i.test(url));
    const firstAnswer = size([...cold.scriptsBeforeAnswer, ...worker]);
    const largest = largestPage();
    console.log(row('playground JavaScript for the first answer, gzip (worker incl.)', kb(firstAnswer), '≤ 200 KB'));
    console.log(row('playground JavaScript once settled, gzip (editor, KaTeX incl.)', kb(size(scripts.keys()))));
    console.log(row('  of which the engine worker', kb(size(worker))));
    console.log(row('    its first chunk (the value; analysis, rewrite load after)', kb(chunk(/\/worker\.[\w-]+\.js$/))));
    console.log(row('    its analysis chunk (loaded once the value is pushed)', kb(chunk(/\/worker-engine-analyze\.[\w-]+\.js$/))));
    console.log(row('  of which the code editor (CodeMirror, lexer)', kb(chunk(/\/editor[.-]/))));
    console.log(row('  of which KaTeX', kb(chunk(/\/katex[.-]/))));
    console.log(row('time to first answer (seed example; in the HTML, computed at build), cold', `${cold.shownMs.toFixed(0)} ms`, '≤ 300 ms'));
    console.log(row('  warm (median of 5)', `${median(warm.map((w) => w.shownMs)).toFixed(0)} ms`, '≤ 300 ms'));
    console.log(row("time to the engine's answer in the browser (worker), cold", `${cold.answerMs.toFixed(0)} ms`));
    console.log(row('  warm (median of 5)', `${median(warm.map((w) => w.answerMs)).toFixed(0)} ms`));
    console.log(row("  in the playground's own value pane, warm (median of 5)", `${median(warm.map((w) => w.paneMs)).toFixed(0)} ms`));
    console.log(row('code editor and KaTeX ready, warm (median of 5)', `${median(warm.map((w) => w.editorMs)).toFixed(0)} ms`));
    console.log(row(`largest page HTML (${largest.file})`, kb(largest.bytes), '≤ 300 KB'));
  } finally {
    await browser.close();
    await server.close();
  }
}
