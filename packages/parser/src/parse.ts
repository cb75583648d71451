import nearley from 'nearley';
import { OdotException, fail, odotError, ok } from '@odot/core';
import type { Expr, OdotError, Result } from '@odot/core';
import type { Dialect } from './dialect.ts';
import { isDialect } from './dialect.ts';
import { chainEnd } from './chain.ts';
import { FULL_GRAMMAR, grammarFor } from './grammars.ts';
import type { Chain } from './chain.ts';
import { TokenStream } from './tokens.ts';
import type { Tok } from './tokens.ts';
import { lintNotes } from './lint.ts';
import { syntaxError } from './syntax-error.ts';
import { prepareTokens } from './token-pass.ts';

/** A parsed expression and its lint notes (e.g. `mixed-products`, `star-is-matmul`). */
export interface Parsed {
  readonly expr: Expr;
  readonly notes: readonly OdotError[];
}

/** Options of `parse`. */
export interface ParseOptions {
  /** The input dialect; `plain` by default. */
  readonly dialect?: Dialect;
}

/** The parts of nearley's parser state that error reporting reads (not in its type definitions). */
interface ParserInternals {
  table: ({ scannable: { rule: { symbols: unknown[] }; dot: number }[] } | undefined)[];
  current: number;
  reportError: (token: unknown) => string;
  reportLexerError: (error: unknown) => string;
}

function expectedAt(parser: nearley.Parser): Set<string> {
  const internals = parser as unknown as ParserInternals;
  const column = internals.table[internals.current];
  const types = new Set<string>();
  for (const state of column?.scannable ?? []) {
    const symbol = state.rule.symbols[state.dot];
    if (typeof symbol === 'object' && symbol !== null && 'type' in symbol && typeof symbol.type === 'string') types.add(symbol.type);
  }
  return types;
}

/** A nearley parser over prepared tokens, with nearley's own (long, unused) error reports switched off. */
function parserFor(grammar: nearley.Grammar, tokens: readonly Tok[]): nearley.Parser {
  const parser = new nearley.Parser(grammar, { lexer: new TokenStream(tokens) });
  const internals = parser as unknown as ParserInternals;
  // nearley builds a long textual report on failure; ours is built from the state instead.
  internals.reportError = () => 'syntax error';
  internals.reportLexerError = () => 'syntax error';
  return parser;
}

/**
 * Whether nearley threw this because the grammar cannot go on at a token: nearley's only error
 * for bad input, a plain `Error` carrying the `offset` and `token` where it stopped.
 */
function isNearleySyntaxError(error: unknown): boolean {
  return error instanceof Error && typeof (error as { offset?: unknown }).offset === 'number' && 'token' in error;
}

/**
 * The parses of the tokens with the grammar reduced to their token types (see `grammars.ts`), or
 * undefined when that grammar rejects them (a syntax error, or a builder's diagnostic): the caller
 * then parses again with the full grammar, which reports the error. Anything else is a bug and
 * propagates.
 */
function parseReduced(text: string, tokens: readonly Tok[]): Expr[] | undefined {
  const grammar = grammarFor(tokens);
  if (grammar === FULL_GRAMMAR) return undefined;
  try {
    const parser = parserFor(grammar, tokens);
    parser.feed(text);
    const results = parser.results as Chain[];
    return results.length > 0 ? results.map(chainEnd) : undefined;
  } catch (error) {
    if (isNearleySyntaxError(error) || error instanceof OdotException) return undefined;
    throw error;
  }
}

/** Every parse of the prepared tokens (exactly one for valid input; used by the tests to catch ambiguity). */
export function parseAll(text: string, dialect: Dialect = 'plain'): { readonly results: readonly Expr[]; readonly tokens: readonly Tok[]; readonly notes: readonly OdotError[] } {
  const { tokens, notes } = prepareTokens(text, dialect);
  const fast = parseReduced(text, tokens);
  if (fast !== undefined) return { results: fast, tokens, notes };
  const parser = parserFor(FULL_GRAMMAR, tokens);
  const internals = parser as unknown as ParserInternals;
  try {
    parser.feed(text);
  } catch (error) {
    if (!isNearleySyntaxError(error)) throw error;
    throw new OdotException(syntaxError(tokens, internals.current, expectedAt(parser), text, dialect));
  }
  const results = (parser.results as Chain[]).map(chainEnd);
  if (results.length === 0) {
    throw new OdotException(syntaxError(tokens, tokens.length, expectedAt(parser), text, dialect));
  }
  return { results, tokens, notes };
}

/** Whether the input has both a Hadamard and a matrix product (only then can the lint pass find something). */
function mixesProducts(tokens: readonly Tok[]): boolean {
  let hadamard = false;
  let matrix = false;
  for (const t of tokens) {
    if (t.type !== 'binop' || t.kind === 'plus' || t.kind === 'minus') continue;
    if (t.kind === 'had') hadamard = true;
    else if (t.kind !== 'kron') matrix = true;
    if (hadamard && matrix) return true;
  }
  return false;
}

function internalError(error: unknown): OdotError {
  if (error instanceof RangeError) {
    return odotError('too-deep', 'the expression is too deeply nested to parse', {
      hints: ['split it into smaller parts'],
    });
  }
  return odotError('internal', `internal parser error: ${error instanceof Error ? error.message : String(error)}`);
}

/**
 * Parses an expression in a dialect (default `plain`). Returns the tree with spans and lint
 * notes, or a diagnostic with code, span, message, expected tokens and hints. Never throws.
 */
export function parse(text: string, options: ParseOptions = {}): Result<Parsed> {
  const dialect = options.dialect ?? 'plain';
  if (!isDialect(dialect)) {
    return fail(odotError('unknown-dialect', `unknown dialect \`${String(dialect)}\``, { expected: ['plain', 'latex', 'numpy', 'matlab'] }));
  }
  try {
    const { results, notes, tokens } = parseAll(text, dialect);
    if (results.length > 1) {
      return fail(odotError('ambiguous', `internal error: the input has ${results.length} parses`));
    }
    const expr = results[0] as Expr;
    return ok({ expr, notes: mixesProducts(tokens) ? [...notes, ...lintNotes(expr)] : notes });
  } catch (error) {
    return fail(error instanceof OdotException ? error.error : internalError(error));
  }
}

/** Parses trusted text (the law catalogue, tests); throws `OdotException` on bad input. */
export function parseExpr(text: string, dialect: Dialect = 'plain'): Expr {
  const result = parse(text, { dialect });
  if (!result.ok) throw new OdotException(result.error);
  return result.value.expr;
}
