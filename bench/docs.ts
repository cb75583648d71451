// Docs benchmarks, against the built site (docs/.vitepress/dist; `pnpm docs:build` first), in
// Debian's Chromium (never a downloaded browser):
// - the JavaScript of the playground page (gzip; the engine worker's chunks included), in three
//   parts: what had arrived when the engine's first answer showed; what the page loads once it
//   has settled, nobody touching it; and what the first interaction adds (a pointer over the
//   form, then an edit: the code editor, KaTeX for a formula not rendered at build, …);
// - the CSS that holds back the playground page's first paint (gzip): inline (the first frame's
//   rules) and linked render-blocking;
// - time to first answer: from navigation to the first frame with the seed example's value on the
//   page (goal ≤ 300 ms), cold (each load in a fresh browser: the median of several) beside the
//   FLOOR (fresh browsers too, the same server, a minimal page with one line of text: what the
//   machine takes at all), and warm (the median of 5 loads): the value the page's HTML holds
//   (computed by the engine at build), then the engine's own answer in the browser (the worker's,
//   which the head script writes over it), and the playground's value pane; beside the first
//   answer's frame, when that frame was painted (Paint Timing's first contentful paint: after its
//   style, layout and raster), cold and warm;
// - the largest page's HTML in bytes (goal ≤ 300 KB, read as 300 000 bytes).
import { readFileSync, existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page, Request } from 'playwright-core';
import { launchChromium } from '../docs/test/chromium.ts';
import { serveStatic } from '../docs/test/static-server.ts';
import { median } from './timing.ts';

/** The built site: docs/.vitepress/dist, or `DOCS_DIST` (another build, to compare). */
export const dist = process.env['DOCS_DIST'] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', '.vitepress', 'dist');
const SEED_ANSWER = '[[7,16,27],[40,55,72]]';
/** The minimal page of the cold floor: the seed's value in one line, nothing else. */
export const FLOOR_PATH = '/bench-floor.html';
export const FLOOR_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>floor</title></head><body><p>A ⊙ B = <code data-testid="seed-value">${SEED_ANSWER}</code></p></body></html>`;
/** Fresh-browser loads for each cold figure (`COLD_RUNS`, default 5). */
const COLD_RUNS = Math.max(1, Number(process.env['COLD_RUNS'] ?? 5));

/** The largest HTML page of the built site: its path and size in bytes. */
function largestPage(): { readonly file: string; readonly bytes: number } {
  const pages = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
  return pages.map((file) => ({ file, bytes: statSync(join(dist, file)).size })).reduce((a, b) => (b.bytes > a.bytes ? b : a));
}

/**
 * The CSS that holds back the playground page's first paint, gzip bytes: its inline styles (the
 * first frame's rules) and the stylesheets it links render-blocking (not those with a media no
 * screen matches until they have loaded, nor those inside `<noscript>`).
 */
function blockingCss(): { readonly inline: number; readonly linked: number } {
  const html = readFileSync(join(dist, 'playground.html'), 'utf8').replace(/<noscript>[\s\S]*?<\/noscript>/g, '');
  const inline = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1] ?? '').join('');
  const links = [...html.matchAll(/<link rel="(?:preload )?stylesheet" href="([^"]+)"([^>]*)>/g)].filter((m) => !/ media="print"/.test(m[2] ?? ''));
  const linked = links.reduce((sum, m) => sum + gzipSync(readFileSync(join(dist, m[1] ?? ''))).length, 0);
  return { inline: gzipSync(inline).length, linked };
}

const row = (figure: string, value: string, goal = ''): string => `${figure.padEnd(66)} ${value.padStart(10)}   ${goal === '' ? '' : `goal ${goal}`}`;
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KB`;
const ms = (x: number): string => `${x.toFixed(0)} ms`;
const spread = (xs: readonly number[]): string => `median of ${xs.length}, ${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)} ms`;

/**
 * The page-side probe, installed before any of the page's scripts: from the first animation frame
 * on, it looks for the seed's answer in every frame and records the first frame with it (painted
 * right after): in the page's HTML (`seed-value`, the floor page's too) or the engine's
 * (`eval-result`, the worker's), and then in the playground's own value pane. Measured in the
 * page as it happens, and read once it has loaded (`navigate`).
 */
function answerProbe(seed: string): string {
  // Plain JavaScript, not a serialized function: the bench runs under tsx, whose name helpers the page lacks.
  return `(() => {
    const has = (selector) => document.querySelector(selector)?.textContent === ${JSON.stringify(seed)};
    const look = () => {
      if (!window.odotShown && (has('[data-testid=seed-value]') || has('[data-testid=eval-result]'))) window.odotShown = performance.now();
      if (!window.odotFirstAnswer && has('[data-testid=eval-result]')) {
        window.odotFirstAnswer = performance.now();
        window.odotAnswered?.();
      }
      if (has('[data-testid=eval-result]:not([data-preview])')) window.odotPaneAnswer = performance.now();
      else requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  })();`;
}

/**
 * Navigates `page` to `url` and returns once the page has loaded: nothing of Playwright's runs in
 * the page before then. (An evaluation right after the navigation's commit installs Playwright's
 * injected script in the page, 20–30 ms of its main thread before the first paint of a cold load
 * in a trace, and each poll is one more task: the bench slowed what it measured.) The times are the
 * page-side probe's and Paint Timing's, recorded as they happen, read afterwards.
 */
export async function navigate(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'load' });
}

/** Waits for a number the probe sets on `window`, and returns it. */
async function probed(page: Page, name: 'odotShown' | 'odotFirstAnswer' | 'odotPaneAnswer'): Promise<number> {
  const handle = await page.waitForFunction((key) => (window as unknown as Record<string, number | undefined>)[key], name, { polling: 50, timeout: 30_000 });
  return (await handle.jsonValue()) as number;
}

/** One load of the playground: when the seed's value showed, the engine's answer, the value pane; the first contentful paint. */
interface Load {
  readonly shownMs: number;
  readonly answerMs: number;
  readonly paneMs: number;
  /** Paint Timing's first contentful paint: when its rendering update ended (`paintTime`, Chromium 139 on). */
  readonly paintMs: number;
}

/** Loads the playground page and waits for the seed example's answers. */
async function load(page: Page, url: string): Promise<Load> {
  await navigate(page, url);
  const answerMs = await probed(page, 'odotFirstAnswer');
  const shownMs = await probed(page, 'odotShown');
  const paneMs = await probed(page, 'odotPaneAnswer');
  return { shownMs, answerMs, paneMs, paintMs: await firstContentfulPaint(page) };
}

/** Paint Timing's first contentful paint of `page` in ms from navigation (`paintTime`, Chromium 139 on, else `startTime`), once the page has one. */
export async function firstContentfulPaint(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    () => {
      const entry = performance.getEntriesByName('first-contentful-paint')[0] as (PerformanceEntry & { paintTime?: number }) | undefined;
      return entry === undefined ? undefined : (entry.paintTime ?? entry.startTime);
    },
    undefined,
    { polling: 10, timeout: 30_000 },
  );
  return (await handle.jsonValue()) as number;
}

/** Every script a browser context fetched (the worker's too), with its gzip size and when it finished (wall clock). */
function scriptLog(browser: BrowserContext): { readonly scripts: Map<string, { bytes: number; at: number }>; readonly lastRequestAt: () => number; readonly settled: () => Promise<void> } {
  const scripts = new Map<string, { bytes: number; at: number }>();
  const reads: Promise<void>[] = [];
  let last = Date.now();
  browser.on('request', () => void (last = Date.now()));
  browser.on('requestfinished', (request: Request) => {
    last = Date.now();
    const at = Date.now();
    if (request.url().endsWith('.js')) reads.push(request.response().then(async (response) => void scripts.set(request.url(), { bytes: response ? gzipSync(await response.body()).length : 0, at })));
  });
  return { scripts, lastRequestAt: () => last, settled: () => Promise.all(reads).then(() => undefined) };
}

/** Resolves once nothing was requested for `quietMs` (at most `maxMs`). */
async function networkQuiet(lastRequestAt: () => number, quietMs = 1500, maxMs = 20_000): Promise<void> {
  const start = Date.now();
  while (Date.now() - lastRequestAt() < quietMs && Date.now() - start < maxMs) await new Promise((done) => setTimeout(done, 100));
}

/** The playground's JavaScript in its three parts (gzip bytes), and how long the code editor took after the first reach. */
interface Weight {
  readonly firstAnswer: number;
  readonly settled: number;
  readonly interaction: number;
  readonly worker: number;
  readonly editor: number;
  readonly katex: number;
  readonly editorAfterReachMs: number;
}

/**
 * One cold load in a fresh browser: the scripts that had arrived when the engine's answer showed
 * (the page's own and the worker's, by Node's clock: the probe calls back when it sees the answer), those once the page is quiet, nobody touching
 * it, and those the first interaction adds (a pointer over the expression field, which loads the
 * code editor; then an edit, whose new formula needs KaTeX).
 */
async function weigh(url: string): Promise<Weight> {
  const browser = await launchChromium();
  try {
    await browser.addInitScript({ content: answerProbe(SEED_ANSWER) });
    const log = scriptLog(browser);
    // When the engine's answer showed, on the clock the script log uses (the page's own clock is not Node's).
    let answerAt = Infinity;
    await browser.exposeFunction('odotAnswered', () => void (answerAt = Math.min(answerAt, Date.now())));
    const page = await browser.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    await probed(page, 'odotFirstAnswer');
    await probed(page, 'odotPaneAnswer');
    await networkQuiet(log.lastRequestAt);
    await log.settled();
    const settledUrls = new Set(log.scripts.keys());
    const reachAt = await page.evaluate(() => performance.now());
    await page.getByTestId('expr').hover();
    const ready = await page.waitForFunction(() => (document.querySelector('[data-editor=ready]') ? performance.now() : 0), undefined, { polling: 'raf', timeout: 30_000 });
    const editorAfterReachMs = (await ready.jsonValue()) - reachAt;
    await page.locator('.cm-editor:has([data-testid=expr]) .cm-content').click();
    await page.keyboard.press('End');
    await page.keyboard.type(' + A');
    await page.waitForFunction(() => document.querySelector('[data-testid=rendered] .katex-mathml')?.textContent?.includes('+'), undefined, { polling: 50, timeout: 30_000 });
    await networkQuiet(log.lastRequestAt);
    await log.settled();
    const size = (urls: Iterable<string>): number => [...urls].reduce((sum, u) => sum + (log.scripts.get(u)?.bytes ?? 0), 0);
    const all = [...log.scripts.keys()];
    const named = (pattern: RegExp): number => size(all.filter((u) => pattern.test(u)));
    return {
      firstAnswer: size(all.filter((u) => (log.scripts.get(u)?.at ?? Infinity) <= answerAt)),
      settled: size(settledUrls),
      interaction: size(all.filter((u) => !settledUrls.has(u))),
      worker: named(/\/worker[\w.-]*\.js$/),
      editor: named(/\/editor[.-][\w-]+\.js$/),
      katex: named(/\/katex[.-][\w-]+\.js$/),
      editorAfterReachMs,
    };
  } finally {
    await browser.close();
  }
}

/** Cold loads' figures (ms from navigation): the floor page's and the playground's first answers, and their first contentful paints. */
interface ColdFigures {
  readonly floor: number[];
  readonly floorPaint: number[];
  readonly shown: number[];
  readonly paint: number[];
  readonly answer: number[];
}

/** Cold first answers: each load in a fresh browser, the floor page and the playground page in turn (so the machine's load weighs on both alike). */
async function coldLoads(origin: string): Promise<ColdFigures> {
  const cold: ColdFigures = { floor: [], floorPaint: [], shown: [], paint: [], answer: [] };
  for (let i = 0; i < COLD_RUNS; i++) {
    for (const path of [FLOOR_PATH, '/playground.html']) {
      const browser = await launchChromium();
      try {
        await browser.addInitScript({ content: answerProbe(SEED_ANSWER) });
        const page = await browser.newPage();
        if (path === FLOOR_PATH) {
          await navigate(page, `${origin}${path}`);
          cold.floor.push(await probed(page, 'odotShown'));
          cold.floorPaint.push(await firstContentfulPaint(page));
        } else {
          const loaded = await load(page, `${origin}${path}`);
          cold.shown.push(loaded.shownMs);
          cold.paint.push(loaded.paintMs);
          cold.answer.push(loaded.answerMs);
        }
      } finally {
        await browser.close();
      }
    }
  }
  return cold;
}

/** Runs the docs area of `pnpm bench`. */
export async function run(): Promise<void> {
  if (!existsSync(join(dist, 'playground.html'))) {
    console.log(`no built site at ${dist}: run \`pnpm docs:build\` first (the docs figures need it)`);
    return;
  }
  const server = await serveStatic(dist, { [FLOOR_PATH]: FLOOR_HTML });
  try {
    const url = `${server.url}/playground.html`;
    const weight = await weigh(url);
    console.log(row('playground JavaScript at the first answer, gzip (worker incl.)', kb(weight.firstAnswer)));
    console.log(row('playground JavaScript once settled, untouched, gzip (worker incl.)', kb(weight.settled), '≤ 200 KB'));
    console.log(row('  added by the first interaction (pointer over a field, an edit)', kb(weight.interaction)));
    console.log(row('  all of it', kb(weight.settled + weight.interaction)));
    console.log(row('  of which the engine worker (all its chunks)', kb(weight.worker)));
    console.log(row('  of which the code editor (CodeMirror, lexer; on interaction)', kb(weight.editor)));
    console.log(row('  of which KaTeX (on interaction: the seed’s math is in the HTML)', kb(weight.katex)));
    const css = blockingCss();
    console.log(row('playground CSS holding back its first paint, gzip: inline', kb(css.inline)));
    console.log(row('  linked render-blocking', kb(css.linked)));
    console.log(row('code editor ready after the first pointer over the form, cold', ms(weight.editorAfterReachMs)));
    const cold = await coldLoads(server.url);
    console.log(row(`cold FLOOR: a one-line page in a fresh browser (${spread(cold.floor)})`, ms(median(cold.floor))));
    console.log(row(`time to first answer (seed; in the HTML), cold (${spread(cold.shown)})`, ms(median(cold.shown)), '≤ 300 ms'));
    console.log(row('  above the floor (medians)', ms(median(cold.shown) - median(cold.floor))));
    console.log(row(`  its first contentful paint, painted (Paint Timing), cold (${spread(cold.paint)})`, ms(median(cold.paint))));
    console.log(row(`  the FLOOR's, painted (${spread(cold.floorPaint)})`, ms(median(cold.floorPaint))));
    console.log(row(`time to the engine's answer (worker), cold (${spread(cold.answer)})`, ms(median(cold.answer))));
    const browser = await launchChromium();
    try {
      await browser.addInitScript({ content: answerProbe(SEED_ANSWER) });
      const page = await browser.newPage();
      await load(page, url);
      const warm: Load[] = [];
      for (let i = 0; i < 5; i++) warm.push(await load(page, url));
      console.log(row('time to first answer (seed; in the HTML), warm (median of 5)', ms(median(warm.map((w) => w.shownMs))), '≤ 300 ms'));
      console.log(row('  its first contentful paint, painted (Paint Timing), warm', ms(median(warm.map((w) => w.paintMs)))));
      console.log(row("  the engine's answer in the browser (worker), warm", ms(median(warm.map((w) => w.answerMs)))));
      console.log(row("  in the playground's own value pane, warm", ms(median(warm.map((w) => w.paneMs)))));
    } finally {
      await browser.close();
    }
    const largest = largestPage();
    console.log(row(`largest page HTML (${largest.file}), bytes`, largest.bytes.toLocaleString('en-US'), '≤ 300,000'));
  } finally {
    await server.close();
  }
}
