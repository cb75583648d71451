import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page, Route } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

// The shared setup of the docs site's browser tests: the built site served over HTTP, one
// Chromium context per test file, and pages that record their uncaught errors.

/** The built docs site (`pnpm build` in docs makes it). */
export const SITE_DIST = join(dirname(fileURLToPath(import.meta.url)), '..', '.vitepress', 'dist');

/** The served site and the browser a test file drives; `close` ends both. */
export interface SiteBrowser {
  readonly server: StaticServer;
  readonly browser: BrowserContext;
  readonly close: () => Promise<void>;
}

/**
 * Serves the built site and launches Debian's Chromium (on a fresh machine `launchChromium`
 * first installs it with apt-get: give the calling `beforeAll` a generous timeout). Fails with a
 * clear message when the site is not built.
 */
export async function openSiteBrowser(): Promise<SiteBrowser> {
  if (!existsSync(join(SITE_DIST, 'playground.html'))) throw new Error(`no built site at ${SITE_DIST}: run \`pnpm build\` in docs first`);
  const server = await serveStatic(SITE_DIST);
  const browser = await launchChromium();
  return {
    server,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** A new page with a default timeout, whose uncaught errors are collected in `errors` (the tests expect none). */
export async function watchedPage(browser: BrowserContext, timeoutMs: number): Promise<{ readonly page: Page; readonly errors: string[] }> {
  const page = await browser.newPage();
  page.setDefaultTimeout(timeoutMs);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, errors };
}

/** A hold on requests: how many are waiting, and the function that lets them (and later ones) through. */
export interface HeldRequests {
  readonly held: () => number;
  readonly release: () => void;
}

/** Holds back every request matching `pattern` (page or worker) until `release` is called. */
export async function holdBack(browser: BrowserContext, pattern: RegExp): Promise<HeldRequests> {
  const waiting: Route[] = [];
  let released = false;
  await browser.route(pattern, (route) => (released ? route.continue() : void waiting.push(route)));
  return {
    held: () => waiting.length,
    release: () => {
      released = true;
      for (const route of waiting.splice(0)) void route.continue();
    },
  };
}
