import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

const SUBMISSION = /\.(ya?ml|json)$/i;

/** One input: a submission file to grade, or a path that cannot be read (it still gets a row). */
export type SubmissionInput = { readonly kind: 'file'; readonly path: string } | { readonly kind: 'missing'; readonly path: string; readonly reason: string };

/**
 * Expands the paths given on the command line: a directory contributes its `.yaml`, `.yml` and
 * `.json` files (not recursive, sorted by name); a file is taken as is; a missing path is kept
 * as `missing` so that it still gets a row.
 */
export async function collectSubmissions(paths: readonly string[]): Promise<SubmissionInput[]> {
  const out: SubmissionInput[] = [];
  for (const path of paths) {
    try {
      const info = await stat(path);
      if (info.isDirectory()) {
        const names = (await readdir(path)).filter((n) => SUBMISSION.test(n)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        for (const name of names) out.push({ kind: 'file', path: join(path, name) });
      } else {
        out.push({ kind: 'file', path });
      }
    } catch (error) {
      out.push({ kind: 'missing', path, reason: `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` });
    }
  }
  return out;
}
