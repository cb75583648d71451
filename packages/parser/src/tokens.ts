import { tick } from '@odot/core';

// The tokens the grammar reads, and the stream that feeds them to the parser. Kept apart from the
// moo lexers (lexer.ts) so the published declarations never import moo's or nearley's types.

/**
 * The token types the grammar (`grammar/*.ne`) refers to. Every dialect's spellings map onto
 * these (see `token-stream.ts`). They are few on purpose: Earley pays for every rule it predicts,
 * so the spellings of one syntactic role share a type and the builders read the token's `kind`.
 */
export const TOKEN_TYPES = [
  'leaf', // a name, a number or a constant (`A`, `2`, `J_{m×n}`)
  'coef', // a number written as a coefficient: `2A`, numpy `2 * A`
  'neg', // a prefix minus
  'addop', // `+`, a binary `-`
  'mulop', // `⊙ ∘ .* · @ * ⊗`, and juxtaposition (a zero-width token between touching operands)
  'rel', // `= ≠ ⪰ ≻`
  'post', // `ᵀ ' .T .' ⁻¹ ²`
  'pow', // `^ ^⊙ .^ **`, followed by an exponent
  'top', // LaTeX `\top`
  'lp', // `(`, `{`, `\left(`
  'rp',
  'lb', // `[`, `\begin{pmatrix}`
  'rb',
  'lrows', // the outer `[` of `[[1, 2], [3, 4]]`
  'lidx', // a bracket after an operand: `[` touching it in plain (`A[i, j]`), `_{`, LaTeX `^{\circ`; closed by `rb`
  'fn', // a function name or `Σ_k`, `\sum_{k}` (its `(` follows)
  'comma', // `,` and LaTeX `&`
  'semi', // `;` and LaTeX `\\`
  'sep', // whitespace between the entries of `[1 2]` (plain, matlab)
] as const;

/** A grammar token type. */
export type TokenType = (typeof TOKEN_TYPES)[number];

const TYPE_SET: ReadonlySet<string> = new Set(TOKEN_TYPES);

/**
 * A token as the grammar sees it: `type` is its grammar type, `kind` what the dialect lexer saw
 * after normalisation (`ident`, `num`, `constant`, `had`, `mm`, `minus`, `juxt`, …), `value` the
 * normalised value (`1/2` for `\frac{1}{2}`, `D₁` for `D_1`, `diag` for `\operatorname{diag}`).
 */
export class Tok {
  constructor(
    readonly type: TokenType,
    readonly kind: string,
    readonly value: string,
    /** The source text ('' for the zero-width tokens `juxt` and `sep`). */
    readonly text: string,
    readonly offset: number,
    readonly line: number,
    readonly col: number,
    /** Whitespace came before this token. */
    readonly ws: boolean,
  ) {}

  /**
   * Gives a lexeme its grammar type, in place: the lexer makes each lexeme a `Tok` (typed `leaf`
   * until then) and the token pass types it once, before anything reads its type, so a token is
   * one object, not a lexeme and a copy (README, "Performance").
   */
  static typed(tok: Tok, type: TokenType): Tok {
    (tok as { type: TokenType }).type = type;
    return tok;
  }

  /** The same token with another grammar type. */
  as(type: TokenType): Tok {
    return new Tok(type, this.kind, this.value, this.text, this.offset, this.line, this.col, this.ws);
  }
}

/** Where a `TokenStream` takes its tokens from: the parser's `TokenPass`, or a list. */
export interface TokenSource {
  /** The next token, or undefined at the end. */
  next(): Tok | undefined;
}

/** A list of tokens as a source. */
class ListSource implements TokenSource {
  private index = 0;

  constructor(private readonly tokens: readonly Tok[]) {}

  next(): Tok | undefined {
    return this.tokens[this.index++];
  }
}

/**
 * The lexer the parser's Earley loop reads (`earley.ts`; it has nearley's lexer interface, so
 * nearley's own parser reads it in the tests and the state counts): hands out the tokens of a
 * source, counting each against the active budgets (`tick` from `@odot/core`), so a parse inside
 * `withBudget` stops when the budget runs out. nearley turns anything its lexer throws into a
 * generic error, so the stream catches the source's errors (a token pass's `OdotException`, a
 * budget's `LimitReached`), ends the input there and keeps the error in `failure` for the caller.
 * `load` sets the tokens the next `feed` reads (nearley passes its chunk to `reset`, unused: the
 * stream keeps its place).
 */
export class TokenStream {
  private source: TokenSource;
  /** What the source threw, if it did (the input ended there). */
  failure: unknown = undefined;

  constructor(source: TokenSource | readonly Tok[] = []) {
    this.source = Array.isArray(source) ? new ListSource(source) : (source as TokenSource);
  }

  /** The tokens the next `feed` reads. */
  load(tokens: readonly Tok[]): void {
    this.source = new ListSource(tokens);
    this.failure = undefined;
  }

  /** Called by nearley at each `feed`; the stream keeps its place (`load` starts a new list). */
  reset(): void {
    // Nothing to do: the source knows its place.
  }

  /** The next token, or undefined at the end of the input (or where the source failed). */
  next(): Tok | undefined {
    if (this.failure !== undefined) return undefined;
    try {
      tick();
      return this.source.next();
    } catch (error) {
      this.failure = error;
      return undefined;
    }
  }

  /** Lexer state for nearley (none needed). */
  save(): Record<string, never> {
    return {};
  }

  /** nearley's message for a token it cannot take (ours is built in `syntax-error.ts`). */
  formatError(token: Tok): string {
    return `unexpected ${token.type}`;
  }

  /** True for the token types the grammar uses. */
  has(type: string): boolean {
    return TYPE_SET.has(type);
  }
}

/** The lexer object named by `@lexer` in `grammar/expr.ne` (only its `has` is used there). */
export const lexer = new TokenStream();
