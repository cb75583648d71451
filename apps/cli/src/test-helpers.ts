import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The built CLI entry point (`pnpm build` produces it). */
export const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

/** What one run of the built `odot` command did. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built `odot` with `args` (and optional stdin), as a user would. */
export function runOdot(args: readonly string[], options: { input?: string; cwd?: string } = {}): CliRun {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    input: options.input ?? '',
    cwd: options.cwd,
    timeout: 60_000,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
