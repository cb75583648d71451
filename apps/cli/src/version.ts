import { readFileSync } from 'node:fs';

/**
 * The version in @odot/cli's package.json, read when asked (never a copy in the code). This module
 * sits one folder below package.json in `src/`, in tsc's `dist/` and in the bundle's `dist/bin.js`.
 */
export function cliVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : 'unknown';
}
