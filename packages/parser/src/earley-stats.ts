import nearley from 'nearley';
import type { Dialect } from './dialect.ts';
import { grammarOf } from './grammars.ts';
import { adjustEarleyStates } from './earley-states.ts';
import { tokenize } from './token-stream.ts';
import { TokenStream } from './tokens.ts';
import type { Tok } from './tokens.ts';

// Counts of the Earley parser's work and memory on an input, for the tests that keep parsing
// linear (README, "Performance") without timing anything: how many states each column (token
// position) holds, and how many states a finished parse still keeps reachable. Both read nearley's
// parse table, which its documentation exposes as `parser.table` ("Accessing the internal parse
// table"; `keepHistory: true` keeps every column).

/** A nearley State as far as these counts look at it. */
interface StateLinks {
  readonly left?: unknown;
  readonly right?: unknown;
  readonly wantedBy?: readonly unknown[];
}

/** A nearley table column as far as these counts look at it. */
interface ColumnLike {
  readonly states: readonly StateLinks[];
}

/** The table columns a parse of `tokens` with `grammar` leaves (all of them with `keepHistory`). */
function feed(grammar: nearley.Grammar, tokens: readonly Tok[], keepHistory: boolean): readonly ColumnLike[] {
  adjustEarleyStates(grammar);
  const parser = new nearley.Parser(grammar, { lexer: new TokenStream(tokens), keepHistory });
  parser.feed('');
  if (parser.results.length !== 1) throw new Error(`expected one parse, found ${parser.results.length}`);
  return (parser as nearley.Parser & { table: readonly (ColumnLike | undefined)[] }).table.filter((c): c is ColumnLike => c !== undefined);
}

/** The number of Earley states in each column of the parse of `tokens` with `grammar` (see `earleyColumnSizes`). */
export function columnSizes(grammar: nearley.Grammar, tokens: readonly Tok[]): number[] {
  return feed(grammar, tokens, true).map((c) => c.states.length);
}

/**
 * The number of Earley states in each column of the parse of valid `text` (column i holds the
 * states after i tokens). Linear parsing means these stay bounded as the input grows: a
 * right-recursive or ambiguous rule shows as columns that grow with the input.
 */
export function earleyColumnSizes(text: string, dialect: Dialect = 'plain'): number[] {
  return columnSizes(grammarOf(dialect), tokenize(text, dialect).tokens);
}

function isState(x: unknown): x is StateLinks {
  return typeof x === 'object' && x !== null && 'wantedBy' in x;
}

/**
 * The number of distinct Earley states still reachable, through their back-pointers (`left`,
 * `right`, `wantedBy`), from the columns a finished parse of valid `text` keeps (nearley's default
 * `keepHistory: false`). Bounded when memory during a parse is bounded by the tree being built;
 * growing with the input when the parse history stays alive (README, "Performance").
 */
export function retainedStates(text: string, dialect: Dialect = 'plain'): number {
  const seen = new Set<StateLinks>();
  const stack: StateLinks[] = feed(grammarOf(dialect), tokenize(text, dialect).tokens, false).flatMap((c) => c.states);
  for (let s = stack.pop(); s !== undefined; s = stack.pop()) {
    if (seen.has(s)) continue;
    seen.add(s);
    for (const next of [s.left, s.right, ...(s.wantedBy ?? [])]) if (isState(next) && !seen.has(next)) stack.push(next);
  }
  return seen.size;
}
