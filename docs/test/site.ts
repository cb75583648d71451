import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
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

/** What a browser test file adds to the shared set-up of `useSite`. */
export interface SiteOptions {
  /** The default timeout of each test's page (milliseconds). */
  readonly pageTimeoutMs: number;
  /** Runs on each test's new page before the test (listeners, request holds). */
  readonly setUp?: (page: Page, browser: BrowserContext) => void | Promise<void>;
  /** Runs after each test, before its page is closed (a screenshot); `name` is the test's name. */
  readonly tearDown?: (page: Page, name: string) => Promise<void>;
}

/** The site and browser of a test file, and the current test's page (each valid inside a test or hook). */
export interface SiteSession {
  /** The served site's origin (`http://127.0.0.1:PORT`). */
  readonly origin: () => string;
  readonly browser: () => BrowserContext;
  /** The current test's page. */
  readonly page: () => Page;
  /** The text of the first element of the page with this test id, or '' while it does not exist (for polling). */
  readonly textOf: (testId: string) => Promise<string>;
}

/**
 * Registers a browser test file's hooks: before all, serve the built site and launch Chromium
 * (allowing for apt-get on a fresh machine); before each test, a new page that records its
 * uncaught errors (then `setUp`); after each, `tearDown`, every request hold lifted, the page
 * closed, and no uncaught error expected; after all, the browser and server closed.
 */
export function useSite(options: SiteOptions): SiteSession {
  let site: SiteBrowser | undefined;
  let current: { readonly page: Page; readonly errors: string[] } | undefined;
  const opened = (): SiteBrowser => site ?? fail('the site is opened in beforeAll');
  const page = (): Page => current?.page ?? fail('a page is opened for each test');
  beforeAll(async () => {
    site = await openSiteBrowser();
  }, 900_000);
  afterAll(async () => {
    await site?.close();
  });
  beforeEach(async () => {
    current = await watchedPage(opened().browser, options.pageTimeoutMs);
    await options.setUp?.(current.page, opened().browser);
  });
  afterEach(async (context) => {
    const { page: done, errors } = current ?? fail('a page is opened for each test');
    current = undefined;
    await options.tearDown?.(done, context.task.name);
    await opened().browser.unrouteAll({ behavior: 'ignoreErrors' });
    await done.close();
    expect(errors).toEqual([]);
  });
  return {
    origin: () => opened().server.url,
    browser: () => opened().browser,
    page,
    textOf: (testId) =>
      page()
        .getByTestId(testId)
        .first()
        .textContent({ timeout: 250 })
        .then((text) => text ?? '')
        .catch(() => ''),
  };
}

/** Throws: a session accessor was used outside the hooks' lifetime (a bug in the test file). */
function fail(what: string): never {
  throw new Error(`used too early: ${what}`);
}
