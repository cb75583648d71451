import { Budget, LimitReached, OdotException, fail, formatLimit, nestingDepth, odotError, ok, withBudget } from '@odot/core';
import type { Expr, Givens, Limit, OdotError, Result } from '@odot/core';
import type { Dialect } from './dialect.ts';
import { isDialect } from './dialect.ts';
import { expectedTypes } from './expected.ts';
import { earleyGrammarOf } from './grammars.ts';
import { checkLength } from './lex.ts';
import { MAX_NESTING } from './limits.ts';
import { lintNotes } from './lint.ts';
import { EarleyRun, NoParse } from './earley.ts';
import { resolveWithGivens } from './resolve.ts';
import { syntaxError } from './syntax-error.ts';
import { TokenPass, tokenize } from './token-stream.ts';
import { TokenStream } from './tokens.ts';

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

/** The parses of an input, its notes, and whether it mixes Hadamard and matrix products. */
export interface Parses {
  /** Every parse of the tokens (exactly one for valid input; the tests use it to catch ambiguity). */
  readonly results: readonly Expr[];
  readonly notes: readonly OdotError[];
  /** Whether the input has both a Hadamard and a matrix product (only then can the lint pass find something). */
  readonly mixesProducts: boolean;
}

/**
 * Every parse of the input. The tokens stream into the Earley loop (`earley.ts`) as it asks for
 * them (so memory during a parse is the tree being built, README "Performance"); when anything
 * fails, the input is tokenized whole first, so the error reported is the one it always was: a
 * lexical or token error anywhere before a grammar or builder error, and the syntax error with the
 * whole token list.
 */
export function parseAll(text: string, dialect: Dialect = 'plain'): Parses {
  let pass: TokenPass;
  try {
    checkLength(text, dialect);
    pass = new TokenPass(text, dialect, true);
  } catch (error) {
    return failWith(error, text, dialect, undefined);
  }
  const stream = new TokenStream(pass);
  const run = new EarleyRun(earleyGrammarOf(dialect));
  try {
    run.feed(stream);
  } catch (error) {
    return failWith(stream.failure ?? error, text, dialect, run);
  }
  if (stream.failure !== undefined) return failWith(stream.failure, text, dialect, run);
  const results = run.results() as Expr[];
  if (results.length === 0) return failWith(undefined, text, dialect, run);
  return { results, notes: pass.notes(), mixesProducts: pass.mixesProducts() };
}

/**
 * Throws the error a failed parse reports: a budget's `LimitReached` as it is; else the whole
 * input's tokenizer error if there is one; else a builder's `OdotException`, or the syntax error at
 * the token no state takes (`error` a `NoParse`) or at the end of the input (`error` undefined:
 * the input ended early), with the tokens the run expected there.
 */
function failWith(error: unknown, text: string, dialect: Dialect, run: EarleyRun | undefined): never {
  if (error instanceof LimitReached) throw error;
  const { tokens } = tokenize(text, dialect);
  if (run === undefined || !(error === undefined || error instanceof NoParse)) throw error;
  const position = error instanceof NoParse ? error.offset : tokens.length;
  throw new OdotException(syntaxError(tokens, position, expectedTypes(run), text, dialect));
}

function internalError(error: unknown): OdotError {
  return odotError('internal', `internal parser error: ${error instanceof Error ? error.message : String(error)}`);
}

function limitError(limit: Limit): OdotError {
  return {
    ...odotError('limit', `parsing stopped at its limit (${formatLimit(limit)})`, { hints: ['split the input, or allow more time'] }),
    limit,
  };
}

function tooDeepTree(): OdotError {
  return odotError('too-deep', `the expression is nested more than ${MAX_NESTING} levels deep`, {
    hints: [`the parser accepts at most ${MAX_NESTING} levels of nesting (long chains such as A + B + … are one level); split the expression`],
  });
}

function parseWithin(text: string, dialect: Dialect, options: ParseOptions): Result<Parsed> {
  const { results, notes, mixesProducts } = parseAll(text, dialect);
  if (results.length > 1) {
    return fail(odotError('ambiguous', `internal error: the input has ${results.length} parses`));
  }
  const parsed = results[0] as Expr;
  // Brackets, sign runs and postfix runs are each limited while lexing, but nested in one another
  // (`((Aᵀᵀ…)ᵀᵀ…)ᵀᵀ…`) they still multiply: the tree itself is held to MAX_NESTING levels above its leaves.
  if (nestingDepth(parsed) > MAX_NESTING + 1) return fail(tooDeepTree());
  const expr = options.givens === undefined ? parsed : resolveWithGivens(parsed, options.givens, dialect);
  return ok({ expr, notes: mixesProducts ? [...notes, ...lintNotes(expr)] : notes });
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
