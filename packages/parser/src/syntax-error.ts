import { odotError } from '@odot/core';
import type { OdotError, Span } from '@odot/core';
import type { Dialect } from './dialect.ts';
import type { Tok, TokenType } from './tokens.ts';
import { tokenSpan } from './span.ts';

const OPERAND_STARTS: ReadonlySet<string> = new Set(['leaf', 'coef', 'neg', 'lp', 'lb', 'lrows', 'fn']);
const OPERATORS: ReadonlySet<string> = new Set(['addop', 'mulop', 'rel', 'post', 'pow', 'hpowl', 'lidx']);
/** Token types after which an operand must come. */
const AFTER_OPERAND: ReadonlySet<string> = new Set(['addop', 'mulop', 'neg', 'coef', 'rel', 'pow', 'hpowl', 'lidx', 'comma', 'semi', 'sep', 'lp', 'lb', 'lrows']);
/** Token types that end an operand. */
const OPERAND_ENDS: ReadonlySet<string> = new Set(['leaf', 'rp', 'rb', 'post', 'top']);
const LITERAL: Readonly<Record<string, string>> = {
  rp: 'a closing bracket',
  rb: '`]`',
  rbrace: '`}`',
  renv: '`\\end{pmatrix}`',
  comma: '`,`',
  semi: '`;`',
  top: '`\\top`',
};

/** The expected-token list shown to users, from the terminal types the parser could accept. */
export function describeExpected(types: ReadonlySet<string>, afterOperand = false): string[] {
  const out: string[] = [];
  // After an operand a bracket can only index it (numpy `A[i, j]`, MATLAB `A(i, j)`): an operator.
  if (afterOperand) types = new Set([...types].map((t) => (t === 'lb' || t === 'lp' ? 'lidx' : t)));
  // A juxtaposition, an entry separator and an index bracket are inserted by the token stream,
  // never typed, so after an operand they do not make an operand "expected".
  if ([...types].some((t) => OPERAND_STARTS.has(t))) out.push('an operand');
  if ([...types].some((t) => OPERATORS.has(t) && (t !== 'lidx' || afterOperand))) out.push('an operator');
  for (const t of types) {
    const literal = LITERAL[t];
    if (literal !== undefined && !out.includes(literal)) out.push(literal);
  }
  return out;
}

function show(tok: Tok): string {
  return `\`${tok.text}\``;
}

/**
 * The diagnostic for a token the grammar cannot take (or the end of the input when `at` is
 * undefined): "expected an operand after `⊙`, found `)`", with the expected tokens and hints.
 */
export function syntaxError(
  tokens: readonly Tok[],
  index: number,
  expectedTypes: ReadonlySet<TokenType>,
  source: string,
  dialect: Dialect,
): OdotError {
  const found = tokens.slice(index).find((t) => t.text !== '');
  const prev = tokens.slice(0, index).reverse().find((t) => t.text !== '');
  const usable = new Set<string>([...expectedTypes].filter((t) => t !== 'sep' && (t !== 'top' || dialect === 'latex')));
  const expected = describeExpected(usable, prev !== undefined && OPERAND_ENDS.has(prev.type));
  const wantsOperand = expected.includes('an operand');
  const foundText = found === undefined ? 'the end of the input' : show(found);
  let message: string;
  if (wantsOperand && prev !== undefined && AFTER_OPERAND.has(prev.type)) {
    message = `expected an operand after ${show(prev)}, found ${foundText}`;
  } else if (found === undefined) {
    message = `unexpected end of the input: expected ${expected.join(' or ') || 'more'}`;
  } else {
    message = `unexpected ${foundText}${expected.length > 0 ? `: expected ${expected.join(' or ')}` : ''}`;
  }
  const end = source.length;
  const lines = source.split('\n');
  const lastLine = lines.length;
  const endPoint = { line: lastLine, column: (lines[lastLine - 1] ?? '').length + 1, offset: end };
  const span: Span = found === undefined ? { start: endPoint, end: endPoint } : tokenSpan(found);
  const hints: string[] = [];
  if (dialect === 'plain' && tokens.some((t) => t.kind === 'ident' && t.value === 'o')) {
    hints.push('did you mean `⊙` (the Hadamard product)? `o` is read as a name');
  }
  if (dialect === 'plain' && tokens.some((t) => t.kind === 'mm' && t.text === '*')) {
    hints.push('A*B in plain means the matrix product; use ⊙ or .* for Hadamard');
  }
  if (found?.type === 'rel' && tokens.some((t) => t.type === 'rel' && t !== found)) {
    hints.push('an expression holds one relation; write a chain `A = B = C` as two statements');
  }
  if (found !== undefined && prev !== undefined && found.kind === 'num' && (prev.kind === 'ident' || prev.kind === 'rp')) {
    hints.push('a coefficient goes in front: write `2A`, not `A 2`');
  }
  if ((found !== undefined && (dialect === 'numpy' || dialect === 'matlab') && OPERAND_STARTS.has(found.type) && prev !== undefined)) {
    hints.push(dialect === 'numpy' ? 'numpy needs an explicit operator: `@` (matrix product) or `*` (Hadamard)' : dialect === 'matlab' ? 'matlab needs an explicit operator: `*` (matrix product) or `.*` (Hadamard)' : '');
  }
  return odotError('syntax', message, { span, expected, ...(hints.filter(Boolean).length > 0 ? { hints: hints.filter(Boolean) } : {}) });
}
