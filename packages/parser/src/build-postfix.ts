import { assertNever, entry } from '@odot/core';
import type { Expr, Span } from '@odot/core';
import { asNumber, fail, ident, spanOf, toArray } from './build.ts';
import type { List } from './build.ts';
import { hadamardPower, identifier, inverse, matrixPower, neg as negNode, numberLiteral, transpose } from './nodes.ts';
import { spanFromTo, spanToToken, tokenSpan, tokensSpan } from './span.ts';
import type { Tok } from './tokens.ts';

// The builders of postfix operators (`ᵀ`, powers, `⁻¹`) and entries (`A[i, j]`, `A_{ij}`,
// numpy's 0-based `A[0, 1]`, MATLAB's `A(i, j)`), called by the grammar's `PostOp` rules.

/** What follows `^` (or `^⊙`, `.^`, `**`): a transpose mark or a value. */
export type Exponent = { readonly kind: 'transpose'; readonly span: Span } | { readonly kind: 'value'; readonly expr: Expr; readonly span: Span };

/** How the indices of an entry are written: `A[i, j]`, numpy's 0-based `A[0, 1]`, `A_{ij}`. */
export type IndexBase = 'one-based' | 'zero-based' | 'subscript';

/** A postfix operator (the grammar's `PostOp`), applied to its operand by `postfix`. */
export type PostOp =
  | { readonly kind: 'mark'; readonly tok: Tok }
  | { readonly kind: 'raise'; readonly op: Tok; readonly exp: Exponent }
  | { readonly kind: 'index'; readonly open: Tok; readonly args: List<Expr>; readonly close: Tok; readonly base: IndexBase };

/** `ᵀ`, `'`, `.T`, `.'`, `⁻¹`, `²`. */
export function mark(tok: Tok): PostOp {
  return { kind: 'mark', tok };
}

/** `^k`, `^⊙k`, `.^k`, `** k`. */
export function raise(op: Tok, exp: Exponent): PostOp {
  return { kind: 'raise', op, exp };
}

/** A bracketed postfix operator: `[i, j]` (plain), `_{ij}`, LaTeX `^{\\circ k}` (a Hadamard power). */
export function bracketed(open: Tok, args: List<Expr>, close: Tok): PostOp {
  if (open.kind !== 'hpowl') return { kind: 'index', open, args, close, base: open.kind === 'sub' ? 'subscript' : 'one-based' };
  if (args.tail !== undefined) return fail('expected-exponent', `expected one exponent after \`${open.text}\``, tokensSpan(open, close), { expected: ['a number'] });
  return { kind: 'raise', op: open, exp: { kind: 'value', expr: asNumber(args.head), span: tokensSpan(open, close) } };
}

/** numpy's `[i, j]`, 0-based. */
export function zeroBasedIndex(open: Tok, args: List<Expr>, close: Tok): PostOp {
  return { kind: 'index', open, args, close, base: 'zero-based' };
}

/** A postfix operator applied to its operand. */
export function postfix(e: Expr, op: PostOp): Expr {
  switch (op.kind) {
    case 'mark':
      return postMark(e, op.tok);
    case 'raise':
      return power(e, op.op, op.exp);
    case 'index':
      return indexEntry(e, op.open, op.args, op.close, op.base);
    default:
      return assertNever(op);
  }
}

/** `^2`, `^k`, `^T`. */
export function expLeaf(t: Tok): Exponent {
  if (t.kind === 'constant') {
    return fail('expected-exponent', `expected an exponent, found \`${t.text}\``, tokenSpan(t), { expected: ['a number', 'a name', '`T`'] });
  }
  const span = tokenSpan(t);
  if (t.kind === 'ident' && t.value === 'T') return { kind: 'transpose', span };
  const e = t.kind === 'ident' ? identifier(t.value, span) : numberLiteral(t.value, span);
  return { kind: 'value', expr: e, span };
}

/** `^-1`. */
export function expNeg(minus: Tok, t: Tok): Exponent {
  const span = tokensSpan(minus, t);
  if (t.kind !== 'num') return fail('expected-exponent', 'expected a number after `-` in an exponent', span, { expected: ['a number'] });
  return { kind: 'value', expr: negNode(numberLiteral(t.value, tokenSpan(t)), span), span };
}

/** `^(k+1)`, `^{-1}`, `^{T}`. */
export function expGroup(open: Tok, e: Expr, close: Tok): Exponent {
  const span = tokensSpan(open, close);
  if (e.type === 'Identifier' && e.name === 'T') return { kind: 'transpose', span };
  return { kind: 'value', expr: asNumber(e), span };
}

/** `^\top`, `^{\top}`. */
export function expTop(first: Tok, last: Tok): Exponent {
  return { kind: 'transpose', span: tokensSpan(first, last) };
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** `Aᵀ`, `A'`, `A.T`, `A.'`, `A⁻¹`, `A²`. */
function postMark(e: Expr, t: Tok): Expr {
  const span = spanToToken(spanOf(e), t);
  const v = t.value;
  if (v === 'ᵀ' || v === "'" || v === '.T' || v === ".'") return transpose(e, span);
  if (v === '⁻¹') return inverse(e, span);
  const digits = [...v.replace('⁻', '')].map((c) => SUPERSCRIPT.indexOf(c)).join('');
  const k = numberLiteral(digits, tokenSpan(t));
  return matrixPower(e, v.startsWith('⁻') ? negNode(k, tokenSpan(t)) : k, span);
}

/** `-1` (the exponent of `A^-1`, an inverse). */
export function isMinusOne(e: Expr): boolean {
  return e.type === 'Neg' && e.operand.type === 'NumberLiteral' && e.operand.kind === 'integer' && /^0*1$/.test(e.operand.value);
}

/** `A^T` (transpose), `A^-1` (inverse), `A^k` (matrix power); `A^⊙k`, `A.^k`, `A ** k`, `A^{\circ k}` (Hadamard power). */
function power(base: Expr, op: Tok, exp: Exponent): Expr {
  const span = spanFromTo(spanOf(base), exp.span);
  if (op.kind === 'hpow' || op.kind === 'hpowl') {
    if (exp.kind !== 'value') return fail('expected-exponent', `expected an exponent after \`${op.text}\``, exp.span, { expected: ['a number'] });
    return hadamardPower(base, exp.expr, span);
  }
  if (exp.kind === 'transpose') return transpose(base, span);
  return isMinusOne(exp.expr) ? inverse(base, span) : matrixPower(base, exp.expr, span);
}

// ---- entries -----------------------------------------------------------------------------

function indexValue(e: Expr, zeroBased: boolean): Expr {
  const n = asNumber(e);
  if (zeroBased && n.type === 'NumberLiteral' && n.kind === 'integer') {
    return numberLiteral(String(BigInt(n.value) + 1n), spanOf(n));
  }
  return n;
}

/** `_{ij}`, `_{i1}`, `_{12}` (two one-character indices), `_{i j}`, `_{2k}` (two juxtaposed indices). */
function splitIndices(e: Expr, at: Span): readonly [Expr, Expr] {
  const single = (c: string, s: Span): Expr => (/\d/.test(c) ? numberLiteral(c, s) : identifier(c, s));
  const n = asNumber(e);
  const text = n.type === 'Identifier' ? n.name : n.type === 'NumberLiteral' && n.kind === 'integer' ? n.value : '';
  if (/^[A-Za-z0-9][A-Za-z0-9]$/.test(text)) {
    const s = spanOf(n);
    const mid = { line: s.start.line, column: s.start.column + 1, offset: s.start.offset + 1 };
    return [single(text.charAt(0), { start: s.start, end: mid }), single(text.charAt(1), { start: mid, end: s.end })];
  }
  if (n.type === 'MatMul' || n.type === 'ScalarMul') {
    const [a, b] = n.type === 'MatMul' ? [n.left, n.right] : [n.scalar, n.operand];
    const atomic = (x: Expr): boolean => x.type === 'Identifier' || x.type === 'NumberLiteral' || x.type === 'Zero';
    if (atomic(a) && atomic(b)) return [asNumber(a), asNumber(b)];
  }
  return fail('expected-indices', 'expected two indices in the subscript, like `A_{ij}` or `A_{i,j}`', at, {
    expected: ['`{ij}`', '`{i,j}`'],
  });
}

/**
 * An entry: `A[i, j]` (plain; numpy, whose integer indices are 0-based and shifted to odot's
 * 1-based ones), `A_{ij}`, `A_{i,j}`, `A_{i j}`, `(A B)_{12}` (subscripts; digits after a name,
 * `D_{12}`, are part of the name), MATLAB `A(i, j)`.
 */
function indexEntry(m: Expr, open: Tok, args: List<Expr>, close: Tok, base: IndexBase): Expr {
  const span = spanToToken(spanOf(m), close);
  // The indices' brackets: for `_{ij}` from the brace.
  const brace = open.text.length - 1;
  // eslint-disable-next-line @typescript-eslint/no-misused-spread -- tokensSpan reads only the copied position fields
  const inner = base === 'subscript' ? tokensSpan({ ...open, text: '{', offset: open.offset + brace, col: open.col + brace }, close) : tokensSpan(open, close);
  const items = toArray(args);
  const zeroBased = base === 'zero-based';
  if (items.length === 2) return entry(m, indexValue(items[0] as Expr, zeroBased), indexValue(items[1] as Expr, zeroBased), span);
  if (items.length === 1 && base === 'subscript') {
    const [row, col] = splitIndices(items[0] as Expr, inner);
    return entry(m, row, col, span);
  }
  return fail('expected-indices', `expected two indices, got ${items.length}`, inner, {
    expected: base === 'subscript' ? ['`{ij}`', '`{i,j}`'] : ['`i, j`'],
  });
}

/** MATLAB `A(i, j)`: only a name can be indexed this way. */
export function callIndex(name: Tok, open: Tok, args: List<Expr>, close: Tok): Expr {
  if (name.kind !== 'ident') return fail('syntax', 'only a name can be indexed with `( , )`', tokensSpan(open, close));
  return indexEntry(ident(name), open, args, close, 'one-based');
}
