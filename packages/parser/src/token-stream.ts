import { OdotException, closest, odotError } from '@odot/core';
import type { OdotError, Span } from '@odot/core';
import { checkBrackets } from './brackets.ts';
import type { Dialect } from './dialect.ts';
import { FUNCTIONS, lookupFunction } from './functions.ts';
import { Lexemes } from './lex.ts';
import type { Lexeme } from './lex.ts';
import { tokenSpan } from './span.ts';
import { Tok } from './tokens.ts';
import type { TokenType } from './tokens.ts';

// Maps a dialect's lexemes onto the grammar's token types (`tokens.ts`). Each mapping looks at
// most one lexeme back and one ahead; the grammar does the rest. The lexical rules, in order:
//   - a name directly before `(` that the dialect knows as a function is `fn` (plain: an unknown
//     word of two or more letters there is an `unknown-function` error with did-you-mean hints);
//   - a `-` after an operand is `addop`, anywhere else `neg`;
//   - a number is `coef` when it is written as a coefficient: before an operand in plain/LaTeX
//     (`2A`, `2 (A + B)`), before `*`/`.*`/`@` in numpy/MATLAB (`2 * A`); never in an exponent;
//   - the brackets that follow an operand are `lidx`, closed by `rb`: `[` touching an operand in
//     plain (`A[i,j]`; `A [1 2]` is a product), `_{` (`A_{ij}`), LaTeX `^{\circ` (`A^{\circ 2}`);
//   - a `[` directly before `[` is `lrows` (`[[1, 2], [3, 4]]`);
//   - plain/LaTeX: two touching operands get a zero-width `mulop` between them (juxtaposition);
//   - plain/MATLAB: inside `[…]`, whitespace between entries is a zero-width `sep`, so `[1 -2]`
//     has two entries and `[1 - 2]` one, as in MATLAB.
// Brackets and nesting depth are checked in `brackets.ts`.

/** The grammar tokens of an input and the notes found on the way (`A*B` in plain, `A o B`). */
export interface PreparedTokens {
  readonly tokens: readonly Tok[];
  readonly notes: readonly OdotError[];
}

const SIMPLE: Readonly<Record<string, TokenType>> = {
  constant: 'leaf',
  plus: 'addop',
  had: 'mulop',
  mm: 'mulop',
  kron: 'mulop',
  eq: 'rel',
  neq: 'rel',
  succeq: 'rel',
  succ: 'rel',
  caret: 'pow',
  hpow: 'pow',
  hpowl: 'lidx',
  post: 'post',
  top: 'top',
  lp: 'lp',
  rp: 'rp',
  lbrace: 'lp',
  rbrace: 'rp',
  rb: 'rb',
  lenv: 'lb',
  renv: 'rb',
  comma: 'comma',
  semi: 'semi',
  sub: 'lidx',
};

/** Grammar types that end an operand. */
const ENDS: ReadonlySet<TokenType> = new Set(['leaf', 'rp', 'rb', 'post', 'top']);
/** Grammar types that start an operand a juxtaposition can take (not a bare number: `A 2` is an error). */
const STARTS: ReadonlySet<TokenType> = new Set(['coef', 'lp', 'lb', 'lrows', 'fn']);
/** Lexer kinds that open an operand (for coefficients and matrix separators). */
const OPERAND_KINDS: ReadonlySet<string> = new Set(['ident', 'num', 'constant', 'lp', 'lb', 'fn', 'sum', 'lenv', 'lbrace']);
const EXPONENT_OPENERS: ReadonlySet<string> = new Set(['caret', 'hpow', 'hpowl']);

function fail(code: string, message: string, span: Span, extra: Partial<Pick<OdotError, 'expected' | 'hints'>> = {}): never {
  throw new OdotException(odotError(code, message, { span, ...extra }));
}

/** NumPy functions that odot writes as operators, with the operator form. */
const OPERATOR_FUNCTIONS: Readonly<Partial<Record<Dialect, Readonly<Record<string, string>>>>> = {
  numpy: { 'np.add': 'A + B', 'np.subtract': 'A - B' },
};

function unknownFunction(at: Lexeme, name: string, dialect: Dialect): never {
  const suggestions = closest(name, Object.keys(FUNCTIONS[dialect]));
  const hints = suggestions.map((s) => `did you mean \`${s}\`?`);
  const operator = OPERATOR_FUNCTIONS[dialect]?.[name.replace(/^numpy\./, 'np.')];
  if (operator !== undefined) hints.unshift(`odot writes \`${name}\` as an operator: \`${operator}\``);
  if (dialect === 'plain') {
    hints.push('a word of two or more letters directly followed by `(` is a function call; write `name (…)` with a space for a product');
  }
  fail('unknown-function', `unknown function \`${name}\``, tokenSpan(at), { hints, expected: suggestions });
}

/** Counts the top-level arguments of the call whose `(` is at `raw.at(open)`. */
function argumentCount(raw: Lexemes, open: number): number {
  let depth = 0;
  let args = 1;
  for (let i = open, t = raw.at(i); t !== undefined; t = raw.at(++i)) {
    if (t.kind === 'lp' || t.kind === 'lb') depth++;
    else if (t.kind === 'rp' || t.kind === 'rb') {
      depth--;
      if (depth === 0) return args;
    } else if (t.kind === 'comma' && depth === 1) args++;
  }
  return args;
}

/** A name: `fn` when it calls a function the dialect knows, else a `leaf` (or an unknown-function error). */
function nameType(raw: Lexemes, i: number, dialect: Dialect): TokenType {
  const at = raw.at(i) as Lexeme;
  const next = raw.at(i + 1);
  if (next?.kind !== 'lp') return 'leaf';
  if (dialect === 'numpy') {
    if (lookupFunction('numpy', `np.${at.value}`) !== undefined) {
      fail('unknown-function', `unknown function \`${at.value}\``, tokenSpan(at), { hints: [`did you mean \`np.${at.value}\`?`] });
    }
    return 'leaf';
  }
  if (lookupFunction(dialect, at.value) !== undefined) return 'fn';
  if (dialect === 'matlab') {
    // `A(i, j)` indexes; a one-argument call of a near-miss of a function name is a typo.
    const typo = /^[A-Za-z]{2,}$/.test(at.value) && closest(at.value, Object.keys(FUNCTIONS.matlab)).length > 0;
    if (typo && argumentCount(raw, i + 1) === 1) unknownFunction(at, at.value, dialect);
  } else if (!next.ws && /^[A-Za-z]{2,}$/.test(at.value)) unknownFunction(at, at.value, dialect);
  return 'leaf';
}

/** A function name or `Σ_k` written as such: it must be known and followed by `(`. */
function callType(raw: Lexemes, i: number, dialect: Dialect): TokenType {
  const at = raw.at(i) as Lexeme;
  if (at.kind === 'fn' && lookupFunction(dialect, at.value) === undefined) unknownFunction(at, at.value, dialect);
  const next = raw.at(i + 1);
  if (next?.kind !== 'lp') fail('expected-token', `expected \`(\` after \`${at.text}\``, tokenSpan(next ?? at), { expected: ['('] });
  return 'fn';
}

/** A number: a coefficient (`2A`, `2 * A`) or a leaf. */
function numberType(raw: Lexemes, i: number, dialect: Dialect, inMatrix: boolean): TokenType {
  const before = raw.at(i - 1);
  const exponent = before !== undefined && (EXPONENT_OPENERS.has(before.kind) || (before.kind === 'minus' && EXPONENT_OPENERS.has(raw.at(i - 2)?.kind ?? '')));
  const next = raw.at(i + 1);
  if (exponent || next === undefined) return 'leaf';
  if (dialect === 'numpy' || dialect === 'matlab') return next.kind === 'had' || next.kind === 'mm' ? 'coef' : 'leaf';
  // `1[i, j]` indexes the number (a `[` touching an operand is an index bracket).
  const indexes = dialect === 'plain' && next.kind === 'lb' && !next.ws;
  return OPERAND_KINDS.has(next.kind) && next.kind !== 'num' && !indexes && !(inMatrix && next.ws) ? 'coef' : 'leaf';
}

/** The grammar type of `raw.at(i)`, given the type of the token before it. */
function typeOf(raw: Lexemes, i: number, dialect: Dialect, prev: Tok | undefined, inMatrix: boolean): TokenType {
  const at = raw.at(i) as Lexeme;
  const afterOperand = prev !== undefined && ENDS.has(prev.type);
  switch (at.kind) {
    case 'ident':
      return nameType(raw, i, dialect);
    case 'fn':
    case 'sum':
      return callType(raw, i, dialect);
    case 'num':
      return numberType(raw, i, dialect, inMatrix);
    case 'minus':
      return afterOperand && !(inMatrix && separatesEntries(raw, i, dialect)) ? 'addop' : 'neg';
    case 'lb':
      if (dialect === 'plain' && afterOperand && !at.ws) return 'lidx';
      return raw.at(i + 1)?.kind === 'lb' && !afterOperand ? 'lrows' : 'lb';
    default: {
      const type = SIMPLE[at.kind];
      if (type === undefined) return fail('unexpected-character', `unexpected \`${at.text}\``, tokenSpan(at));
      return type;
    }
  }
}

/** Inside `[…]` (plain, MATLAB): `[1 -2]`: a sign after whitespace and touching its operand starts an entry. */
function separatesEntries(raw: Lexemes, i: number, dialect: Dialect): boolean {
  const at = raw.at(i) as Lexeme;
  const next = raw.at(i + 1);
  return (dialect === 'plain' || dialect === 'matlab') && at.ws && next !== undefined && !next.ws && OPERAND_KINDS.has(next.kind);
}

/** A zero-width token of a type and kind just before `tok` (juxtaposition, an entry separator). */
function zeroWidth(type: TokenType, kind: string, tok: Tok): Tok {
  return new Tok(type, kind, kind, '', tok.offset, tok.line, tok.col, false);
}

/** The zero-width token between `prev` and `tok`, if any: juxtaposition or an entry separator. */
function implicitToken(prev: Tok | undefined, tok: Tok, dialect: Dialect, inMatrix: boolean, raw: Lexemes, i: number): Tok | undefined {
  if (prev === undefined || !ENDS.has(prev.type)) return undefined;
  const starts = STARTS.has(tok.type) || (tok.type === 'leaf' && tok.kind !== 'num');
  if (inMatrix && tok.ws && (dialect === 'plain' || dialect === 'matlab')) {
    if (starts || tok.kind === 'num' || (tok.kind === 'minus' && separatesEntries(raw, i, dialect))) return zeroWidth('sep', 'sep', tok);
  }
  if (starts && (dialect === 'plain' || dialect === 'latex')) return zeroWidth('mulop', 'juxt', tok);
  return undefined;
}

/** The `o-for-odot` warning: `A o B` in plain/LaTeX multiplies by a matrix named `o`; `⊙` was probably meant. */
function oForOdot(o: Tok): OdotError {
  return odotError('o-for-odot', '`A o B` multiplies by a matrix named `o`', {
    severity: 'warning',
    span: tokenSpan(o),
    hints: ['did you mean `⊙` (the Hadamard product)? type `⊙`, `∘` or `.*`'],
  });
}

/**
 * The grammar tokens of an input, one at a time (see the rules at the top of this file): the
 * parser reads them as its Earley loop asks (`next`), so only the tokens near the current one are alive
 * during a parse; `tokenize` reads them all. Throws `OdotException` on bad input when it reaches
 * it: an unexpected character, an unknown function, unbalanced or too deeply nested brackets, too
 * many tokens, an empty input.
 */
export class TokenPass {
  private readonly brackets = checkBrackets();
  private readonly lexNotes: OdotError[] = [];
  private readonly oNotes: OdotError[] = [];
  /** The token after a zero-width one, returned by the next `next`. */
  private pending: Tok | undefined;
  private prev: Tok | undefined;
  private beforePrev: Tok | undefined;
  private index = 0;
  private ended = false;
  private hadamard = false;
  private matrix = false;
  private readonly raw: Lexemes;

  /** `streaming`: the parser's pass, which drops the lexemes it is done with. */
  constructor(
    text: string,
    private readonly dialect: Dialect,
    streaming: boolean,
  ) {
    this.raw = new Lexemes(text, dialect, this.lexNotes, streaming);
    if (!streaming) this.raw.all();
    if (this.raw.at(0) === undefined) {
      const at = { line: 1, column: 1, offset: 0 };
      fail('empty-input', 'empty input: expected an expression', { start: at, end: at }, { expected: ['an expression'] });
    }
  }

  /** The next grammar token, or undefined at the end (after checking that every bracket was closed). */
  next(): Tok | undefined {
    const pending = this.pending;
    if (pending !== undefined) {
      this.pending = undefined;
      return this.emit(pending);
    }
    const { raw, brackets, dialect, index: i } = this;
    const at = raw.at(i);
    if (at === undefined) {
      if (!this.ended) brackets.end();
      this.ended = true;
      return undefined;
    }
    const inMatrix = brackets.inMatrix();
    const closesIndex = (at.kind === 'rb' || at.kind === 'rbrace') && brackets.innermost()?.type === 'lidx';
    const type = closesIndex ? 'rb' : typeOf(raw, i, dialect, this.prev, inMatrix);
    const tok = Tok.typed(at, type);
    const implicit = implicitToken(this.prev, tok, dialect, inMatrix, raw, i);
    brackets.visit(tok);
    this.index = i + 1;
    raw.forget(i - 2);
    if (implicit === undefined) return this.emit(tok);
    this.pending = tok;
    return this.emit(implicit);
  }

  /** The notes found so far: the lexer's (`star-is-matmul`), then `o-for-odot`. */
  notes(): OdotError[] {
    return [...this.lexNotes, ...this.oNotes];
  }

  /** Whether the tokens so far have both a Hadamard and a matrix product (only then can the lint pass find something). */
  mixesProducts(): boolean {
    return this.hadamard && this.matrix;
  }

  /** Records what the notes and `mixesProducts` need from the token handed out. */
  private emit(tok: Tok): Tok {
    if (tok.type === 'mulop') {
      if (tok.kind === 'had') this.hadamard = true;
      else if (tok.kind !== 'kron') this.matrix = true;
    }
    const o = this.prev;
    if (tok.kind === 'juxt' && o?.kind === 'ident' && o.value === 'o' && this.beforePrev?.kind === 'juxt' && (this.dialect === 'plain' || this.dialect === 'latex')) {
      this.oNotes.push(oForOdot(o));
    }
    this.beforePrev = this.prev;
    this.prev = tok;
    return tok;
  }
}

/**
 * Turns text into the tokens the dialect's grammar reads (see the rules at the top of this file),
 * with the notes found on the way. Lexes the whole input first, so a lexical error anywhere comes
 * before the others. Throws `OdotException` on bad input: an unexpected character, an unknown
 * function, unbalanced or too deeply nested brackets, too many tokens.
 */
export function tokenize(text: string, dialect: Dialect): PreparedTokens {
  const pass = new TokenPass(text, dialect, false);
  const tokens: Tok[] = [];
  for (let tok = pass.next(); tok !== undefined; tok = pass.next()) tokens.push(tok);
  return { tokens, notes: pass.notes() };
}
