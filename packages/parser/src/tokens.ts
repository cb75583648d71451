// The tokens the grammar reads, and the stream that feeds them to nearley. Kept apart from the
// moo lexers (lexer.ts) so the published declarations never import moo's or nearley's types.

/**
 * The token types the grammar refers to (after the token pass). They are few on purpose: every
 * alternative Earley predicts costs time, so e.g. `+`, `-` and all product operators share `binop`
 * (the grammar reads sums and products as one flat chain, see `chain.ts`).
 * `leaf` is a name, number or constant; `prefix` a prefix minus or a number used as a
 * coefficient (`2A`); `pow` any postfix operator (`^`, `^⊙`, and `ᵀ`, `'`, `⁻¹` followed by an
 * inserted `top`); `lp` an opening bracket or a function name with its bracket (`diag(`, `Σ_k(`);
 * `lidx` an indexing bracket (`A[i,j]`, `A_{ij}`, MATLAB `A(i, j)`).
 */
export const TOKEN_TYPES: ReadonlySet<string> = new Set([
  'leaf',
  'prefix',
  'binop',
  'relop',
  'post',
  'pow',
  'top',
  'lp',
  'rp',
  'lb',
  'rb',
  'lidx',
  'comma',
  'semi',
  'sub',
]);

/**
 * A token as the grammar sees it. `kind` is what the dialect lexer saw (`ident`, `num`,
 * `had`, `minus`, …), `type` the grammar's class of it (`leaf`, `binop`, `prefix`, …).
 */
export class Tok {
  /** The grammar token type (one of TOKEN_TYPES). */
  type: string;
  /** The lexer's token type, after normalisation. */
  kind: string;
  /** The normalised value (`1/2` for `\frac{1}{2}`, `diag` for `\operatorname{diag}`, `0-based` on numpy's `[`). */
  value: string;
  /** The source text ('' for tokens the token pass inserts; `D_{1}` when a subscript is merged into a name). */
  text: string;
  readonly offset: number;
  readonly line: number;
  readonly col: number;
  /** Whitespace came before this token. */
  readonly ws: boolean;
  /** A number in exponent position (`A^2`), never a coefficient. */
  exponent = false;
  /** Set by the token pass: `rows` on the outer `[` of `[[1,2],[3,4]]`, `tuple` on `np.ones((m, n))`. */
  flag = '';

  constructor(kind: string, value: string, text: string, offset: number, line: number, col: number, ws: boolean) {
    this.type = kind;
    this.kind = kind;
    this.value = value;
    this.text = text;
    this.offset = offset;
    this.line = line;
    this.col = col;
    this.ws = ws;
  }
}

/**
 * A nearley lexer that replays a prepared token array. The grammar file only uses its `has`;
 * `parse` creates one per input.
 */
export class TokenStream {
  private readonly tokens: readonly Tok[];
  private index = 0;

  constructor(tokens: readonly Tok[] = []) {
    this.tokens = tokens;
  }

  /** Starts again from the first token (nearley calls this with the chunk, which is ignored). */
  reset(): void {
    this.index = 0;
  }

  /** The next token, or undefined at the end. */
  next(): Tok | undefined {
    return this.tokens[this.index++];
  }

  /** Lexer state for nearley (none needed). */
  save(): Record<string, never> {
    return {};
  }

  /** Not used: parse errors are built from the parser state in `syntax-error.ts`. */
  formatError(): string {
    return 'syntax error';
  }

  /** True for the token types the grammar uses. */
  has(type: string): boolean {
    return TOKEN_TYPES.has(type);
  }
}

/** The lexer object named by `@lexer` in `grammar/odot.ne` (only its `has` is used there). */
export const lexer = new TokenStream();
