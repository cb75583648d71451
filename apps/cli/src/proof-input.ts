import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { odotError } from '@odot/core';
import type { CommandContext } from './command.ts';
import { InputError } from './input.ts';

/** The text of a proof file argument (`-` reads standard input) and the format to read it in. */
export async function readProofSource(file: string, context: CommandContext): Promise<{ source: string; format: 'markdown' | 'auto' }> {
  let source: string;
  try {
    source = file === '-' ? await context.readStdin() : readFileSync(resolve(context.cwd, file), 'utf8');
  } catch (error) {
    throw new InputError(odotError('unreadable-file', `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`), undefined, file);
  }
  return { source, format: /\.(md|markdown)$/i.test(file) ? 'markdown' : 'auto' };
}
