// What the playground page's first contentful paint is made of: the built page beside copies of
// it with one part changed (the site's stylesheet render-blocking, as VitePress links it, instead
// of the first frame's CSS inline) or taken out (the head script that starts the engine's worker
// after the first frame, every script, the CSS too) and a one-line page (the floor), all from one
// static server, loaded in turn round after round in Chromium (Paint Timing's
// `first-contentful-paint`; medians). The seed's value is in the page's HTML, so its first
// contentful paint is its first answer. The copies are for measuring only: a page without its
// scripts is not a playground.
//
//   pnpm --filter @odot/bench exec tsx docs-fcp-parts.ts [rounds]
//
// The site is `pnpm bench docs`' (docs/.vitepress/dist after `pnpm docs:build`, or `DOCS_DIST`), and
// so is the floor page; `rounds` defaults to 5; `COLD=1` opens each page in a fresh browser (a cold
// load), otherwise in a new tab of one browser (warm).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { launchChromium } from '../docs/test/chromium.ts';
import { serveStatic } from '../docs/test/static-server.ts';
import { FLOOR_HTML, FLOOR_PATH, dist, firstContentfulPaint, navigate } from './docs.ts';
import { median } from './timing.ts';

const HEAD_WORKER = /<script>\(function\(\)\{if\(location\.hash\)[\s\S]*?<\/script>/;
const SCRIPTS = /<script[\s\S]*?<\/script>/g;
/** The first frame's CSS, inlined at build (the page's own one-rule style is short). */
const FIRST_FRAME_CSS = /<style>[^<]{1000,}<\/style>/;
/** The site's stylesheet, loaded without holding back the first paint, and its `<noscript>` twin. */
const DEFERRED_SHEET = /<link rel="stylesheet" href="([^"]+)" media="print" onload="[^"]*">/;
const NOSCRIPT_SHEET = /<noscript><link rel="stylesheet"[^>]*><\/noscript>/;

/** `html` with the site's stylesheet linked render-blocking, as VitePress links it, instead of the first frame's CSS inline. */
function blockingStylesheet(html: string): string {
  const href = DEFERRED_SHEET.exec(html)?.[1];
  if (href === undefined) throw new Error('no deferred stylesheet in the playground page');
  return html.replace(FIRST_FRAME_CSS, '').replace(NOSCRIPT_SHEET, '').replace(DEFERRED_SHEET, `<link rel="preload stylesheet" href="${href}" as="style">`);
}

/** The copies measured, by the path they are served at, from the built playground page `html`. */
function variants(html: string): Record<string, string> {
  const noScripts = html.replace(SCRIPTS, '');
  return {
    [FLOOR_PATH]: FLOOR_HTML,
    '/x-blocking-css.html': blockingStylesheet(html),
    '/x-no-worker.html': html.replace(HEAD_WORKER, ''),
    '/x-no-scripts.html': noScripts,
    '/x-no-scripts-no-css.html': noScripts.replace(FIRST_FRAME_CSS, '').replace(NOSCRIPT_SHEET, '').replace(DEFERRED_SHEET, ''),
  };
}

/** The first contentful paint of `url` in a new tab of `browser` (a browser context), in ms from navigation. */
async function firstPaint(browser: BrowserContext, url: string): Promise<number> {
  const page = await browser.newPage();
  try {
    await navigate(page, url);
    return await firstContentfulPaint(page);
  } finally {
    await page.close();
  }
}

/** Prints each page's median first contentful paint (and its spread) over `rounds` rounds. */
async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 5);
  const cold = process.env['COLD'] === '1';
  const copies = variants(readFileSync(join(dist, 'playground.html'), 'utf8'));
  const server = await serveStatic(dist, copies);
  const paths = ['/playground.html', ...Object.keys(copies)];
  const times = new Map<string, number[]>(paths.map((p) => [p, []]));
  const shared = cold ? undefined : await launchChromium();
  try {
    for (let r = 0; r < rounds; r++) {
      for (const path of paths) {
        const browser = shared ?? (await launchChromium());
        times.get(path)?.push(await firstPaint(browser, server.url + path));
        if (!shared) await browser.close();
      }
    }
  } finally {
    await shared?.close();
    await server.close();
  }
  console.log(`first contentful paint, ${cold ? 'cold (a fresh browser each)' : 'warm (a new tab)'}, median of ${rounds} (min–max):`);
  for (const [path, xs] of times) console.log(`  ${path.padEnd(28)} ${median(xs).toFixed(0).padStart(5)} ms  (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`);
}

await main();
