import nearley from 'nearley';
import type { Dialect } from './dialect.ts';
import { EarleyRun } from './earley.ts';
import { earleyGrammarOf, grammarOf } from './grammars.ts';
import { tokenize } from './token-stream.ts';
import { TokenStream } from './tokens.ts';
import type { Tok } from './tokens.ts';

// Counts of the Earley parser's work and memory on an input, for the tests that keep parsing
// linear (README, "Performance") without timing anything: how many states each column (token
// position) holds, read from nearley's parse table (its documentation exposes it as
// `parser.table`, "Accessing the internal parse table"; `keepHistory: true` keeps every column),
// whose states the parser's own loop (`earley.ts`) reproduces; and how many of that loop's objects
// a finished parse still keeps reachable.

/** A nearley table column as far as these counts look at it. */
interface ColumnLike {
  readonly states: readonly unknown[];
}

/** Every table column of nearley's parse of `tokens` with `grammar` (`keepHistory`). */
function feed(grammar: nearley.Grammar, tokens: readonly Tok[]): readonly ColumnLike[] {
  const parser = new nearley.Parser(grammar, { lexer: new TokenStream(tokens), keepHistory: true });
  parser.feed('');
  if (parser.results.length !== 1) throw new Error(`expected one parse, found ${parser.results.length}`);
  return (parser as nearley.Parser & { table: readonly (ColumnLike | undefined)[] }).table.filter((c): c is ColumnLike => c !== undefined);
}

/** The number of Earley states in each column of the parse of `tokens` with `grammar` (see `earleyColumnSizes`). */
export function columnSizes(grammar: nearley.Grammar, tokens: readonly Tok[]): number[] {
  return feed(grammar, tokens).map((c) => c.states.length);
}

/**
 * The number of Earley states in each column of the parse of valid `text` (column i holds the
 * states after i tokens). Linear parsing means these stay bounded as the input grows: a
 * right-recursive or ambiguous rule shows as columns that grow with the input.
 */
export function earleyColumnSizes(text: string, dialect: Dialect = 'plain'): number[] {
  return columnSizes(grammarOf(dialect), tokenize(text, dialect).tokens);
}

/** The classes of the Earley loop's own objects (`earley.ts`): its states, columns and waiters lists. */
const LOOP_CLASSES: ReadonlySet<string> = new Set(['Item', 'Column', 'Waiters', 'Waiting']);

/**
 * The number of distinct objects of the Earley loop (`earley.ts`: states, columns, waiters lists)
 * still reachable from a finished run over valid `text`, through their own fields and the run's
 * (its queue, scannable list and column; not into the tree's values). Bounded when memory during
 * a parse is bounded by the tree being built; growing with the input when the parse history stays
 * alive (README, "Performance").
 */
export function retainedStates(text: string, dialect: Dialect = 'plain'): number {
  const run = new EarleyRun(earleyGrammarOf(dialect)).feed(new TokenStream(tokenize(text, dialect).tokens));
  if (run.results().length !== 1) throw new Error(`expected one parse, found ${run.results().length}`);
  const seen = new Set<object>();
  const { grammar: _grammar, lent: _lent, ...fields } = run as unknown as Record<string, unknown>;
  const stack: unknown[] = Object.values(fields);
  while (stack.length > 0) {
    const x = stack.pop();
    if (Array.isArray(x)) stack.push(...(x as unknown[]));
    else if (typeof x === 'object' && x !== null && LOOP_CLASSES.has(x.constructor.name) && !seen.has(x)) {
      seen.add(x);
      stack.push(...(Object.values(x) as unknown[]));
    }
  }
  return seen.size;
}
