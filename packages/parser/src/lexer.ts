import moo from 'moo';
import type { Dialect } from './dialect.ts';

// One moo lexer per dialect. Every lexer ends in an `error` rule, so lexing never throws: an
// unexpected character becomes an `error` token that the token pass reports with its position.
// The lexer types are shared by all dialects; `src/lex.ts` normalises their values and
// `src/token-stream.ts` maps them onto the grammar's token types.

const WS = { match: /[ \t\r\n\f\v\u00a0\u2009\u200a\u202f]+/, lineBreaks: true };
const SUBSCRIPT_DIGITS = '\u2080-\u2089';
const GREEK = '\u03b1-\u03c9\u0391-\u03a9';
/** `D_1`, `D_{12}`: subscript digits written after `_` are part of a name (`D₁`, `D₁₂`). */
const DIGITS_SUFFIX = '(?:_(?:\\{[0-9]+\\}|[0-9]+))?';

// moo matches single-character literals listed before the first regex rule with a table lookup
// instead of its combined RegExp, so the common one-character tokens (a space, `+`, brackets,
// `⊙`) come first. Types whose other spellings are longer get a second type (`hadDot`, `wsRun`,
// …) that `lex.ts` folds back.
/** The all-ones column vector: `𝟏`, `𝟏_n`, `1_n`, `1_{n}` (a bare `1` stays the number). */
const ONES_VECTOR = '𝟏(?:_(?:\\{[^{},\\n]*\\}|[A-Za-z0-9]+))?|1_(?:\\{[^{},\\n]*\\}|[A-Za-z0-9]+)';

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
  wsRun: WS,
  // `_{` opens subscript indices (`A_{ij}`); `_` before digits is part of a name (`D_1`).
  sub: /_[ \t]*\{/,
  // Before `num`: the ones vector `1_n` starts with a digit. `𝟏` and `1_n` are the all-ones column vector.
  constant: new RegExp(`(?:J|I|O)_(?:\\{[^{},\\n]*\\}|[A-Za-z0-9]+)|[JI](?![A-Za-z0-9${SUBSCRIPT_DIGITS}])|${ONES_VECTOR}`),
  num: /\d+\/\d+|\d+(?:\.\d+)?[eE][+-]?\d+|\d+\.\d+|\d+/,
  sum: /(?:Σ|∑|sum)_(?:\{[ \t]*[A-Za-z][A-Za-z0-9]*[ \t]*\}|[A-Za-z][A-Za-z0-9]*)/,
  // A name in double quotes is any name: `"J"` is a name J, not the all-ones constant, and
  // `"x_max"` one name (unquoted, `_` and letters after a name are not part of it, so a proof line
  // `… hadamard_add` missing its `by` stays an error). The plain printers quote names so.
  ident: new RegExp(`[A-Za-z${GREEK}][A-Za-z0-9]*[${SUBSCRIPT_DIGITS}]*${DIGITS_SUFFIX}|"[A-Za-z${GREEK}][A-Za-z0-9_${GREEK}${SUBSCRIPT_DIGITS}]*"`),
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
  constant: new RegExp(`\\\\(?:mathbf|mathbb)\\{1\\}${LATEX_SIZE}|\\\\mathbf\\{[J0]\\}${LATEX_SIZE}|(?:J|I|O(?=_))${LATEX_SIZE}|${ONES_VECTOR}`),
  num: /\\[dt]?frac[ \t]*\{[ \t]*\d+[ \t]*\}[ \t]*\{[ \t]*\d+[ \t]*\}|\d+\/\d+|\d+(?:\.\d+)?[eE][+-]?\d+|\d+\.\d+|\d+/,
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
    `(?:\\\\(?:${GREEK_NAMES})(?![A-Za-z])|\\\\(?:mathbf|boldsymbol|mathit|mathrm)\\{[A-Za-z${GREEK}](?:[A-Za-z0-9${GREEK}]|\\\\_)*\\}|[A-Za-z][${SUBSCRIPT_DIGITS}]*|[${GREEK}])${DIGITS_SUFFIX}`,
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
  sub: /_[ \t]*\{/,
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
