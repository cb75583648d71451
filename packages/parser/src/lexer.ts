import moo from 'moo';
import type { Dialect } from './dialect.ts';

// One moo lexer per dialect. Every lexer ends in an `error` rule, so lexing never throws: an
// unexpected character becomes an `error` token that the token pass reports with its position.
// The token types are shared by all dialects (the grammar is one grammar); `src/token-pass.ts`
// then retypes some of them (function names, `[` for indexing, scalar coefficients) and inserts
// the implicit `juxt` (juxtaposition) and row-separator tokens.

const WS = { match: /[ \t\r\n\f\v\u00a0\u2009\u200a\u202f]+/, lineBreaks: true };
const SUBSCRIPT_DIGITS = '\u2080-\u2089';
const GREEK = '\u03b1-\u03c9\u0391-\u03a9';

// moo matches single-character literals listed before the first regex rule with a table lookup
// instead of its combined RegExp, so the common one-character tokens (a space, `+`, brackets,
// `⊙`) come first. Types whose other spellings are longer get a second type (`hadDot`, `wsRun`,
// …) that `token-pass.ts` folds back.
const plainRules: moo.Rules = {
  ws: ' ',
  plus: '+',
  minus: ['-', '−'],
  had: ['⊙', '∘'],
  mm: ['·', '⋅', '@'],
  star: '*',
  kron: '⊗',
  post: ['ᵀ', "'"],
  neq: '≠',
  succeq: ['⪰', '≽'],
  succ: '≻',
  ge: '≥',
  lp: '(',
  rp: ')',
  lb: '[',
  rb: ']',
  lbrace: '{',
  rbrace: '}',
  comma: ',',
  semi: ';',
  sub: '_',
  wsRun: WS,
  num: /\d+\/\d+|\d+(?:\.\d+)?[eE][+-]?\d+|\d+\.\d+|\d+/,
  constant: new RegExp(`(?:J|I|O)_(?:\\{[^{},\\n]*\\}|[A-Za-z0-9]+)|[JI](?![A-Za-z0-9${SUBSCRIPT_DIGITS}])`),
  sum: /(?:Σ|∑|sum)_(?:\{[ \t]*[A-Za-z][A-Za-z0-9]*[ \t]*\}|[A-Za-z][A-Za-z0-9]*)/,
  ident: new RegExp(`[A-Za-z${GREEK}][A-Za-z0-9]*[${SUBSCRIPT_DIGITS}]*`),
  hpow: /\^[ \t]*[⊙∘]|\.\^/,
  hadDot: '.*',
  caret: '^',
  postSup: /⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]+/,
  neqAscii: '!=',
  eq: ['==', '='],
  geAscii: '>=',
  error: moo.error,
};

const GREEK_NAMES =
  'alpha|beta|gamma|delta|epsilon|varepsilon|zeta|eta|theta|vartheta|iota|kappa|lambda|mu|nu|xi|pi|rho|sigma|tau|upsilon|phi|varphi|chi|psi|omega|Gamma|Delta|Theta|Lambda|Xi|Pi|Sigma|Upsilon|Phi|Psi|Omega';
const LATEX_FUNCTION_WORDS = 'diagvec|diagonal|diag|trace|tr|det|inv|kron|psd|pd|symmetric|nonnegative|binary';
const LATEX_SIZE = '(?:_(?:\\{[^{},\\n]*(?:\\{[^{},\\n]*\\}[^{},\\n]*)*\\}|[A-Za-z0-9]))?';

const latexRules: moo.Rules = {
  ws: { match: /(?:[ \t\r\n\f\v~]|\\[,;:! ]|\\q?quad(?![A-Za-z]))+/, lineBreaks: true },
  num: /\\[dt]?frac[ \t]*\{[ \t]*\d+[ \t]*\}[ \t]*\{[ \t]*\d+[ \t]*\}|\d+\/\d+|\d+\.\d+|\d+/,
  constant: new RegExp(`\\\\mathbf\\{[J0]\\}${LATEX_SIZE}|(?:J|I|O(?=_))${LATEX_SIZE}`),
  sum: /\\sum_(?:\{[^{}\n]*(?:\{[^{}\n]*\}[^{}\n]*)?\}|[A-Za-z])/,
  fn: new RegExp(
    `\\\\(?:operatorname|text|mathop)\\{[A-Za-z]+\\}|\\\\mathrm\\{(?:${LATEX_FUNCTION_WORDS})\\}(?=[ \\t]*(?:\\(|\\\\left))|\\\\(?:det|tr|diag|Tr)(?![A-Za-z])|(?:${LATEX_FUNCTION_WORDS})(?=[ \\t]*(?:\\(|\\\\left))`,
  ),
  lenv: /\\begin\{[pbvBV]?matrix\}/,
  renv: /\\end\{[pbvBV]?matrix\}/,
  hpowl: /\^[ \t]*\{[ \t]*(?:\\circ|\\odot|⊙|∘)(?![A-Za-z])/,
  top: /\\top(?![A-Za-z])|\\intercal(?![A-Za-z])|\\(?:mathsf|mathrm|mathbf)\{T\}/,
  had: [
    { match: /\\odot(?![A-Za-z])|\\circ(?![A-Za-z])/ },
    { match: ['⊙', '∘'] },
  ],
  mm: [{ match: /\\cdot(?![A-Za-z])/ }, { match: ['·', '⋅'] }],
  kron: [{ match: /\\otimes(?![A-Za-z])/ }, { match: '⊗' }],
  neq: /\\neq?(?![A-Za-z])|≠|!=/,
  succeq: /\\succeq(?![A-Za-z])|⪰|≽/,
  succ: /\\succ(?![A-Za-z])|≻/,
  ge: /\\geq?(?![A-Za-z])|≥|>=/,
  lp: /\\left[ \t]*(?:\(|\[)|\(|\[/,
  rp: /\\right[ \t]*(?:\)|\])|\)|\]/,
  ident: new RegExp(
    `\\\\(?:${GREEK_NAMES})(?![A-Za-z])|\\\\(?:mathbf|boldsymbol|mathit|mathrm)\\{[A-Za-z][A-Za-z0-9]*\\}|[A-Za-z][${SUBSCRIPT_DIGITS}]*|[${GREEK}]`,
  ),
  rowsep: '\\\\',
  caret: '^',
  post: /ᵀ|⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]+/,
  plus: '+',
  minus: ['-', '−'],
  eq: '=',
  lbrace: '{',
  rbrace: '}',
  amp: '&',
  comma: ',',
  semi: ';',
  sub: '_',
  error: moo.error,
};

const numpyRules: moo.Rules = {
  ws: ' ',
  plus: '+',
  minus: '-',
  mm: '@',
  lp: '(',
  rp: ')',
  lb: '[',
  rb: ']',
  comma: ',',
  wsRun: WS,
  num: /\d+(?:\.\d+)?[eE][+-]?\d+|\d+\.\d+|\d+/,
  fn: /(?:np|numpy)\.(?:linalg\.)?[A-Za-z_][A-Za-z0-9_]*/,
  post: /\.T(?![A-Za-z0-9_])/,
  hpow: '**',
  had: '*',
  ident: /[A-Za-z_][A-Za-z0-9_]*/,
  eq: '==',
  neq: '!=',
  ge: '>=',
  error: moo.error,
};

const matlabRules: moo.Rules = {
  ws: ' ',
  plus: '+',
  minus: '-',
  mm: '*',
  lp: '(',
  rp: ')',
  lb: '[',
  rb: ']',
  comma: ',',
  semi: ';',
  wsRun: { match: /(?:[ \t\r\f\v]|\.\.\.[^\n]*\n|\n)+/, lineBreaks: true },
  num: /\d+(?:\.\d+)?[eE][+-]?\d+|\d+\.\d+|\d+/,
  had: '.*',
  hpow: '.^',
  post: ["'", ".'"],
  caret: '^',
  ident: /[A-Za-z][A-Za-z0-9_]*/,
  eq: '==',
  neq: '~=',
  ge: '>=',
  error: moo.error,
};

const RULES: Readonly<Record<Dialect, moo.Rules>> = {
  plain: plainRules,
  latex: latexRules,
  numpy: numpyRules,
  matlab: matlabRules,
};

const lexers = new Map<Dialect, moo.Lexer>();

/** The moo lexer of a dialect (compiled once, reset before each use). */
export function lexerFor(dialect: Dialect): moo.Lexer {
  let lexer = lexers.get(dialect);
  if (lexer === undefined) {
    lexer = moo.compile(RULES[dialect]);
    lexers.set(dialect, lexer);
  }
  return lexer;
}

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
