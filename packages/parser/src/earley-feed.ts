import type nearley from 'nearley';

// nearley 2.20's `Parser.feed`, for the parser's one streaming feed per input (README,
// "Performance"). It computes exactly what nearley's computes, over nearley's own columns and
// states, with two differences in how it keeps them:
//
// 1. nearley drops the column before the current one with `delete table[i]` (`keepHistory: false`).
//    Deleting elements one by one turns the table into a dictionary (V8's slow elements), and every
//    later `table[i]` and `push` is a hash lookup; after 1 000 terms the table of a parse is one.
//    Here the dropped column's slot is set to `undefined`: the same columns are released, and the
//    table stays a plain array.
// 2. When no state takes a token, nearley writes a report of every state that could have (a
//    message of several lines, string work proportional to the grammar). The parser never reads it
//    (`syntax-error.ts` reports the error from the expected tokens), so the error thrown here
//    carries only the token and the offset, as nearley's does.
//
// Everything else is nearley's: the scan of the column's scannable states from the last one
// (which decides the order of ambiguous parses), `Column.process`, `finish`, `save` of the lexer
// state, and a parser left on its last good column when a token fails (`expected.ts` relies on it).

/** The parts of nearley's Parser and Column that the feed reads and writes. */
interface EarleyState {
  readonly rule: { readonly symbols: readonly unknown[] };
  readonly dot: number;
  nextState(child: unknown): unknown;
}
interface EarleyColumn {
  readonly states: unknown[];
  readonly scannable: readonly EarleyState[];
  process(): void;
}
type ColumnClass = new (grammar: nearley.Grammar, index: number) => EarleyColumn;
interface ParserInternals {
  readonly grammar: nearley.Grammar;
  readonly lexer: nearley.Lexer;
  lexerState: unknown;
  table: (EarleyColumn | undefined)[];
  current: number;
  results: unknown[];
  finish(): unknown[];
}

/** A token as the feed reads it: its grammar type (the grammar's symbols are `{ type }` tests). */
interface TypedToken {
  readonly type?: string | undefined;
}

/** Whether the grammar symbol `expect` takes `token` (nearley's test: a tester, a type, or a literal). */
function takes(expect: unknown, token: TypedToken & { readonly text?: string; readonly value?: string }): boolean {
  const symbol = expect as { test?: (v: unknown) => boolean; type?: string; literal?: string };
  if (symbol.test !== undefined) return symbol.test(token);
  if (symbol.type !== undefined) return symbol.type === token.type;
  return symbol.literal === (token.text !== undefined ? token.text : token.value);
}

/** The error of a token no state takes: nearley's `offset` and `token`, without its report. */
function noParse(token: unknown, offset: number): Error {
  const error = new Error('the parser cannot take this token') as Error & { offset?: number; token?: unknown };
  error.offset = offset;
  error.token = token;
  return error;
}

/**
 * Feeds every token of the parser's lexer into `parser` (nearley's `feed`, see above, as with its
 * default `keepHistory: false`: earlier columns are always released), leaving
 * `parser.results` set. Throws, as nearley does, where no state takes a token; the parser then
 * stays on its last good column.
 */
export function feedAll(parser: nearley.Parser): void {
  const p = parser as unknown as ParserInternals;
  const lexer = p.lexer;
  lexer.reset('', p.lexerState as nearley.LexerState);
  const table = p.table;
  const Column = (table[p.current] as EarleyColumn).constructor as ColumnClass;
  let fed = false;
  for (let token = lexer.next() as (nearley.Token & TypedToken) | undefined; token; token = lexer.next() as (nearley.Token & TypedToken) | undefined) {
    fed = true;
    const column = table[p.current] as EarleyColumn;
    if (p.current > 0) table[p.current - 1] = undefined;
    const n = p.current + 1;
    const nextColumn = new Column(p.grammar, n);
    table.push(nextColumn);
    const scannable = column.scannable;
    for (let w = scannable.length; w--; ) {
      const state = scannable[w] as EarleyState;
      if (takes(state.rule.symbols[state.dot], token)) {
        nextColumn.states.push(state.nextState({ data: token, token, isToken: true, reference: n - 1 }));
      }
    }
    nextColumn.process();
    if (nextColumn.states.length === 0) throw noParse(token, p.current);
    p.current++;
  }
  if (fed) p.lexerState = lexer.save();
  p.results = p.finish();
}
