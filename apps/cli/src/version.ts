import { readFileSync } from 'node:fs';

/**
 * The version in @odot/cli's package.json, read when asked (never a copy in the code): the first
 * package.json named @odot/cli above this module, which finds it from `src/`, `dist/` and the
 * bundle's `dist/chunks/` alike.
 */
export function cliVersion(): string {
  for (const up of ['../package.json', '../../package.json', '../../../package.json']) {
    let text: string;
    try {
      text = readFileSync(new URL(up, import.meta.url), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    const pkg = JSON.parse(text) as { name?: unknown; version?: unknown };
    if (pkg.name === '@odot/cli' && typeof pkg.version === 'string') return pkg.version;
  }
  return 'unknown';
}
