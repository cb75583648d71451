import nearley from 'nearley';
import { Budget, LimitReached, OdotException, fail, formatLimit, nestingDepth, odotError, ok, withBudget } from '@odot/core';
import type { Expr, Givens, Limit, OdotError, Result } from '@odot/core';
import type { Dialect } from './dialect.ts';
import { isDialect } from './dialect.ts';
import { expectedTypes } from './expected.ts';
import { grammarOf } from './grammars.ts';
import { MAX_NESTING } from './limits.ts';
import { lintNotes } from './lint.ts';
import { resolveWithGivens } from './resolve.ts';
import { syntaxError } from './syntax-error.ts';
import { tokenize } from './token-stream.ts';
import { TokenStream } from './tokens.ts';
import type { Tok } from './tokens.ts';

/** A parsed expression and its lint notes (e.g. `mixed-products`, `star-is-matmul`). */
export interface Parsed {
  readonly expr: Expr;
  readonly notes: readonly OdotError[];
}

/** Options of `parse`. */
export interface ParseOptions {
  /** The input dialect; `plain` by default. */
  readonly dialect?: Dialect;
  /**
   * The declarations in force, when known. They decide what only shapes can: LaTeX `X_{11}` of a
   * declared matrix X (and no declared name `X₁₁`) is its entry (1, 1); numpy's `np.diag` of a
   * matrix is its diagonal (`diagvec`), of a vector the diagonal matrix (`diag`).
   */
  readonly givens?: Givens;
  /**
   * Wall-clock milliseconds the parse may take; past it the answer is a `limit` error with
   * `limit: { kind: 'time', value }`. A parse inside an enclosing `withBudget` also counts its
   * tokens against that budget (and stops with the enclosing budget's `LimitReached`).
   */
  readonly timeLimitMs?: number;
  /**
   * A running budget the parse counts against, instead of a budget of its own (`timeLimitMs` is
   * then ignored): a caller's budget for a whole call, so reading the input and the work after it
   * share one clock. Past its limit the answer is the same `limit` error.
   */
  readonly budget?: Budget;
}

/** Every parse of the tokens (exactly one for valid input; the tests use it to catch ambiguity). */
export function parseAll(text: string, dialect: Dialect = 'plain'): { readonly results: readonly Expr[]; readonly tokens: readonly Tok[]; readonly notes: readonly OdotError[] } {
  const { tokens, notes } = tokenize(text, dialect);
  const stream = new TokenStream(tokens);
  // nearley wraps whatever the lexer throws in a plain Error (its "lexer error"): a budget's
  // LimitReached thrown by the stream's tick would read as a syntax error. It is kept here and
  // rethrown as itself.
  let thrown: unknown;
  const next = stream.next.bind(stream);
  stream.next = () => {
    try {
      return next();
    } catch (error) {
      thrown = error;
      throw error;
    }
  };
  const parser = new nearley.Parser(grammarOf(dialect), { lexer: stream });
  try {
    parser.feed(text);
  } catch (error) {
    if (thrown instanceof OdotException || thrown instanceof LimitReached) throw thrown;
    if (error instanceof OdotException || error instanceof LimitReached) throw error;
    throw new OdotException(syntaxError(tokens, parser.current, expectedTypes(parser, stream), text, dialect));
  }
  const results = parser.results as Expr[];
  if (results.length === 0) {
    throw new OdotException(syntaxError(tokens, tokens.length, expectedTypes(parser, stream), text, dialect));
  }
  return { results, tokens, notes };
}

/** Whether the input has both a Hadamard and a matrix product (only then can the lint pass find something). */
function mixesProducts(tokens: readonly Tok[]): boolean {
  let hadamard = false;
  let matrix = false;
  for (const t of tokens) {
    if (t.type !== 'mulop') continue;
    if (t.kind === 'had') hadamard = true;
    else if (t.kind !== 'kron') matrix = true;
    if (hadamard && matrix) return true;
  }
  return false;
}

function internalError(error: unknown): OdotError {
  return odotError('internal', `internal parser error: ${error instanceof Error ? error.message : String(error)}`);
}

function tooDeepTree(): OdotError {
  return odotError('too-deep', `the expression is nested more than ${MAX_NESTING} levels deep`, {
    hints: [`the parser accepts at most ${MAX_NESTING} levels of nesting (long chains such as A + B + … are one level); split the expression`],
  });
}

function limitError(limit: Limit): OdotError {
  return {
    ...odotError('limit', `parsing stopped at its limit (${formatLimit(limit)})`, { hints: ['split the input, or allow more time'] }),
    limit,
  };
}

function parseWithin(text: string, dialect: Dialect, options: ParseOptions): Result<Parsed> {
  const { results, notes, tokens } = parseAll(text, dialect);
  if (results.length > 1) {
    return fail(odotError('ambiguous', `internal error: the input has ${results.length} parses`));
  }
  const parsed = results[0] as Expr;
  // Brackets, sign runs and postfix runs are each limited while lexing, but nested in one another
  // (`((Aᵀᵀ…)ᵀᵀ…)ᵀᵀ…`) they still multiply: the tree itself is held to MAX_NESTING levels above its leaves.
  if (nestingDepth(parsed) > MAX_NESTING + 1) return fail(tooDeepTree());
  const expr = options.givens === undefined ? parsed : resolveWithGivens(parsed, options.givens, dialect);
  return ok({ expr, notes: mixesProducts(tokens) ? [...notes, ...lintNotes(expr)] : notes });
}

/**
 * Parses an expression in a dialect (default `plain`). Returns the tree with spans and lint
 * notes, or a diagnostic with code, span, message, expected tokens and hints. Never throws
 * (except an enclosing budget's `LimitReached`, which belongs to the caller).
 */
export function parse(text: string, options: ParseOptions = {}): Result<Parsed> {
  const dialect = options.dialect ?? 'plain';
  if (!isDialect(dialect)) {
    return fail(odotError('unknown-dialect', `unknown dialect \`${String(dialect)}\``, { expected: ['plain', 'latex', 'numpy', 'matlab'] }));
  }
  const budget = options.budget ?? (options.timeLimitMs === undefined ? undefined : new Budget({ timeLimitMs: options.timeLimitMs }));
  try {
    return budget === undefined ? parseWithin(text, dialect, options) : withBudget(budget, () => parseWithin(text, dialect, options));
  } catch (error) {
    if (error instanceof LimitReached && error.budget === budget) return fail(limitError(error.limit));
    if (error instanceof LimitReached) throw error;
    return fail(error instanceof OdotException ? error.error : internalError(error));
  }
}

/** Parses trusted text (the law catalogue, tests); throws `OdotException` on bad input. */
export function parseExpr(text: string, dialect: Dialect = 'plain'): Expr {
  const result = parse(text, { dialect });
  if (!result.ok) throw new OdotException(result.error);
  return result.value.expr;
}
