import { OdotException, odotError, tick } from '@odot/core';
import type { OdotError, Span } from '@odot/core';
import type moo from 'moo';
import type { Dialect } from './dialect.ts';
import { lexerFor } from './lexer.ts';
import { MAX_TOKENS } from './limits.ts';
import { tokenSpan } from './span.ts';
import { Tok } from './tokens.ts';

// Runs a dialect's moo lexer and normalises what it saw: whitespace is dropped (each lexeme
// records whether whitespace came before it), the second spellings of a type are folded into the
// first, values are normalised (`\frac{1}{2}` → `1/2`, `\lambda` → `λ`, `D_{12}` → `D₁₂`,
// `\operatorname{diag}` → `diag`), and the characters no rule matched become errors with hints.

/** A token of the dialect lexer after normalisation, before `token-stream.ts` gives it a grammar type. */
export interface Lexeme {
  /** The normalised lexer type: `ident`, `num`, `constant`, `plus`, `minus`, `had`, `mm`, `kron`, `lp`, … */
  readonly kind: string;
  readonly value: string;
  readonly text: string;
  readonly offset: number;
  readonly line: number;
  readonly col: number;
  /** Whitespace came before this lexeme. */
  readonly ws: boolean;
}

const GREEK: Readonly<Record<string, string>> = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', zeta: 'ζ', eta: 'η',
  theta: 'θ', vartheta: 'θ', iota: 'ι', kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π',
  rho: 'ρ', sigma: 'σ', tau: 'τ', upsilon: 'υ', phi: 'φ', varphi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω',
  Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ', Lambda: 'Λ', Xi: 'Ξ', Pi: 'Π', Sigma: 'Σ', Upsilon: 'Υ', Phi: 'Φ',
  Psi: 'Ψ', Omega: 'Ω',
};
const SUBSCRIPT = '₀₁₂₃₄₅₆₇₈₉';

/** The second token types of the lexers (see `lexer.ts`), folded into the first. */
const FOLD: Readonly<Record<string, string>> = { hadDot: 'had', postSup: 'post', neqAscii: 'neq', geAscii: 'ge', amp: 'comma', rowsep: 'semi' };

const STAR_NOTE = 'A*B in plain means the matrix product; use ⊙ or .* for Hadamard';

function fail(code: string, message: string, span: Span, extra: Partial<Pick<OdotError, 'expected' | 'hints'>> = {}): never {
  throw new OdotException(odotError(code, message, { span, ...extra }));
}

/** `D_1`, `D_{12}`, numpy `x_1` → `D₁`, `D₁₂`, `x₁` (the ASCII printer's spelling of subscript digits). */
function subscriptDigits(name: string): string {
  return name.includes('_') ? name.replace(/_\{?(\d+)\}?$/, toSubscript) : name;
}

/** The `replace` callback of `subscriptDigits` (module-level: no closure per name on the lexer's hot path). */
function toSubscript(_: string, digits: string): string {
  return [...digits].map((d) => SUBSCRIPT[Number(d)]).join('');
}

function latexIdent(v: string): [string, string] {
  // The digits of `D_1`, `D_{12}`; never the escaped `\_2` inside `\mathrm{J\_2}` (the name `J_2`).
  const [base = v, digits = ''] = /^(.*?)((?<!\\)_(?:\{\d+\}|\d+))?$/.exec(v)?.slice(1) ?? [];
  const greek = /^\\([A-Za-z]+)$/.exec(base);
  if (greek?.[1] !== undefined) return ['ident', subscriptDigits((GREEK[greek[1]] ?? greek[1]) + digits)];
  // `\mathrm{μI}` too: the LaTeX printer writes multi-letter names with Greek letters this way.
  const styled = /^\\([A-Za-z]+)\{([A-Za-z\u0391-\u03a9\u03b1-\u03c9](?:[A-Za-z0-9\u0391-\u03a9\u03b1-\u03c9]|\\_)*)\}$/.exec(base);
  if (styled?.[1] !== undefined && styled[2] !== undefined) {
    // `\mathbf{J}`, `\mathbf{I}` are the constants; `\mathit{J}` is a name J; `\mathrm{x\_max}` is `x_max`.
    const constant = styled[1] !== 'mathit' && (styled[2] === 'J' || styled[2] === 'I');
    // Only the digits outside the braces are a subscript: `\mathrm{J\_2}` is the name `J_2`, `\mathrm{AB}_{2}` is `AB₂`.
    return [constant ? 'constant' : 'ident', styled[2].replace(/\\_/g, '_') + subscriptDigits(digits)];
  }
  return ['ident', subscriptDigits(v)];
}

function latexFunctionName(value: string): string {
  const named = /\{([A-Za-z]+)\}$/.exec(value);
  if (named?.[1] !== undefined) return named[1];
  const command = /^\\([A-Za-z]+)$/.exec(value);
  if (command?.[1] !== undefined) return command[1] === 'Tr' ? 'tr' : command[1];
  return value;
}

function normaliseNumber(value: string): string {
  const frac = /^\\[dt]?frac\s*\{\s*(\d+)\s*\}\s*\{\s*(\d+)\s*\}$/.exec(value);
  return frac ? `${frac[1]}/${frac[2]}` : value;
}

/** The value of a lexeme of `kind`, normalised (see the top of this file); LaTeX names go through `latexIdent`. */
function normaliseValue(kind: string, value: string, dialect: Dialect): string {
  switch (kind) {
    case 'minus':
      return '-';
    case 'num':
      return value.charCodeAt(0) === 92 ? normaliseNumber(value) : value;
    case 'ident':
      return value.startsWith('"') ? value.slice(1, -1) : subscriptDigits(value);
    case 'fn':
      return dialect === 'latex' ? latexFunctionName(value) : value;
    case 'sum':
      return value.slice(value.indexOf('_') + 1).replace(/\\[A-Za-z]+\{([^{}]*)\}/g, '$1').replace(/[{}\s]/g, '');
    default:
      return value;
  }
}

function unexpectedCharacter(text: string, at: Lexeme, dialect: Dialect): never {
  const ch = String.fromCodePoint(text.codePointAt(0) ?? 0);
  const hints: string[] = [];
  if (ch === '/') hints.push('there is no division; write a fraction with digits, like `1/2 A`, or use `inv(A)`');
  if (ch === '\\' && dialect !== 'latex') hints.push('LaTeX commands need the latex dialect');
  if (ch === '\\' && dialect === 'latex') hints.push(`unknown LaTeX command \`${/^\\[A-Za-z]*/.exec(text)?.[0] ?? '\\'}\``);
  if (ch === '*' && dialect === 'latex') hints.push('write `\\cdot` for the matrix product or `\\odot` for the Hadamard product');
  fail('unexpected-character', `unexpected character \`${ch}\``, tokenSpan({ ...at, text: ch }), hints.length > 0 ? { hints } : {});
}

/** A streaming `Lexemes` drops its old lexemes in batches of at least this many. */
const DROP_BATCH = 256;

/**
 * The normalised lexemes of `text` (whitespace dropped), lexed with the dialect's moo lexer on
 * demand: `at(i)` lexes up to lexeme i. Adds the `star-is-matmul` note to `notes` for plain `*`,
 * counts each token against the active budgets, and throws `OdotException` for an unexpected
 * character, `≥`, or more than `MAX_TOKENS` tokens, when lexing reaches it. A streaming instance
 * (the parser's) drops the lexemes its reader is done with (`forget`), so memory during a parse
 * does not grow with the input's tokens (README, "Performance").
 */
export class Lexemes {
  private readonly lexer: moo.Lexer;
  private readonly buffer: Tok[] = [];
  /** The index of `buffer[0]`. */
  private base = 0;
  private done = false;
  private ws = false;

  constructor(
    text: string,
    private readonly dialect: Dialect,
    private readonly notes: OdotError[],
    private readonly streaming: boolean,
  ) {
    // A clone (moo's `clone`, missing from its types): a streaming lexer is read between the parser's
    // steps, so it must not be the shared one.
    const shared = lexerFor(dialect) as moo.Lexer & { clone(): moo.Lexer };
    this.lexer = streaming ? shared.clone() : shared;
    this.lexer.reset(text);
  }

  /** Lexeme `i` (0-based), or undefined past the end (or before what `forget` dropped); a `Tok` the token pass types (`Tok.typed`). */
  at(i: number): Tok | undefined {
    while (!this.done && i >= this.base + this.buffer.length) this.pull();
    // No negative index (the token pass looks back from lexeme 0): V8 reads one as a named property, its slow path.
    const j = i - this.base;
    return j < 0 ? undefined : this.buffer[j];
  }

  /** A streaming instance may drop the lexemes before `i` (in batches); the others keep all. */
  forget(i: number): void {
    if (!this.streaming || i - this.base < DROP_BATCH) return;
    this.buffer.splice(0, i - this.base);
    this.base = i;
  }

  /** Every lexeme (a non-streaming instance). */
  all(): Tok[] {
    while (!this.done) this.pull();
    return this.buffer;
  }

  /** Lexes the next non-whitespace lexeme into the buffer, or marks the end. */
  private pull(): void {
    for (let t = this.lexer.next(); t !== undefined; t = this.lexer.next()) {
      tick();
      const raw = FOLD[t.type ?? 'error'] ?? t.type ?? 'error';
      if (raw === 'ws' || raw === 'wsRun') {
        this.ws = true;
        continue;
      }
      const ws = this.ws;
      if (raw === 'error' || raw === 'ge' || raw === 'star') special(raw, { kind: raw, value: t.value, text: t.text, offset: t.offset, line: t.line, col: t.col, ws }, this.dialect, this.notes);
      // Only a LaTeX name can change its kind (`\mathbf{J}` is a constant): no pair allocated per lexeme otherwise.
      let kind = raw === 'star' ? 'mm' : raw;
      let value: string;
      if (kind === 'ident' && this.dialect === 'latex') [kind, value] = latexIdent(t.value);
      else value = normaliseValue(kind, t.value, this.dialect);
      const at = new Tok('leaf', kind, value, t.text, t.offset, t.line, t.col, ws);
      this.buffer.push(at);
      this.ws = false;
      if (this.base + this.buffer.length > MAX_TOKENS) {
        fail('too-long', `the input has more than ${MAX_TOKENS} tokens`, tokenSpan(at), {
          hints: [`the parser accepts at most ${MAX_TOKENS} tokens (names, numbers, operators, brackets); split the input`],
        });
      }
      return;
    }
    this.done = true;
  }
}

/** An unexpected character or `≥` (errors), or plain `*` (a note). */
function special(raw: string, at: Lexeme, dialect: Dialect, notes: OdotError[]): void {
  if (raw === 'error') unexpectedCharacter(at.text, at, dialect);
  if (raw === 'ge') {
    fail('ambiguous-relation', `\`${at.text}\` is ambiguous for matrices`, tokenSpan(at), {
      hints: ['write `X ⪰ 0` for positive semidefinite, or `nonnegative(X)` for entrywise nonnegative'],
    });
  }
  if (raw === 'star') starNote(at, notes);
}

function starNote(at: Lexeme, notes: OdotError[]): void {
  if (notes.some((n) => n.code === 'star-is-matmul')) return;
  notes.push(
    odotError('star-is-matmul', STAR_NOTE, {
      severity: 'note',
      span: tokenSpan(at),
      hints: ['write `A B`, `A·B` or `A @ B` for the matrix product, `A ⊙ B` or `A .* B` for the Hadamard product'],
    }),
  );
}

/**
 * Throws `too-long` (or the first lexical error) when `text` has more than `MAX_TOKENS` lexemes,
 * lexing it without keeping them, so an over-long input is refused before the parser starts on it
 * (the parser's own pass lexes on demand). A lexeme is at least one character, so an input of at
 * most `MAX_TOKENS` characters needs no check.
 */
export function checkLength(text: string, dialect: Dialect): void {
  if (text.length <= MAX_TOKENS) return;
  const lexemes = new Lexemes(text, dialect, [], true);
  for (let i = 0; lexemes.at(i) !== undefined; i++) lexemes.forget(i);
}
