/// <reference types="node" />
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Vitest global setup: gives the test run its own temporary directory (TMPDIR, and TEMP and TMP
 * for Windows, which the test workers and the commands they spawn inherit) and removes it, with
 * everything the tests wrote there, when the run ends.
 */
export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'odot-test-run-'));
  for (const name of ['TMPDIR', 'TEMP', 'TMP']) process.env[name] = dir;
  return () => rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
}
