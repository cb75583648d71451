import type { EarleyRun } from './earley.ts';
import { TOKEN_TYPES } from './tokens.ts';
import type { TokenType } from './tokens.ts';

/**
 * The token types the parser could take next: those a state of the Earley run's current column
 * takes (after a failed `feed` the run stays on its last good column; after a complete one it is
 * the end of the input). This is the one place the parser asks what it expected. It is the set
 * nearley's public API gives (`save()` that column, then for each type `restore` it and `feed`
 * one token of the type: a type is expected when the feed takes it), which `earley.test.ts`
 * checks on every failing input of the fixtures, without feeding anything.
 */
export function expectedTypes(run: EarleyRun): Set<TokenType> {
  return new Set(TOKEN_TYPES.filter((type) => run.takes({ type })));
}
