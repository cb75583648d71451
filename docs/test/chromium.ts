import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's Chromium; never a downloaded browser. */
export const CHROMIUM = '/usr/bin/chromium';

/** Flags for a closed network and a root user (see the machine notes). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

/** Installs Debian's chromium with apt-get when it is missing. */
export function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  execSync('apt-get update && apt-get install -y chromium', { stdio: 'inherit', timeout: 600_000 });
  if (!existsSync(CHROMIUM)) throw new Error(`apt-get did not install ${CHROMIUM}`);
}

/**
 * Launches Debian's Chromium headless with a fresh, empty user-data-dir and returns its browser
 * context. The directory is Playwright's own temporary one (an empty path asks for it), removed
 * when the browser closes: a profile is about 3 MB, and a test run launches hundreds.
 */
export async function launchChromium(viewport = { width: 1400, height: 1000 }): Promise<BrowserContext> {
  ensureChromium();
  return chromium.launchPersistentContext('', {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS],
    viewport,
  });
}
