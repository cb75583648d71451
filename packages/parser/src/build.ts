import { OdotException, claim, identity, matrixLiteral, odotError, ones, zero } from '@odot/core';
import type { DimLiteral, Expr, Identifier, OdotError, Property, Span } from '@odot/core';
import { neg as negNode, numberLiteral, scalarMul } from './nodes.ts';
import type { Tok } from './tokens.ts';
import { spanFromTo, spanFromToken, tokenSpan, tokensSpan } from './span.ts';

// Typed adapters from tokens and sub-results to @odot/core builders: atoms, lists, matrix
// literals and operators here; postfix operators and entries in `build-postfix.ts`; calls in
// `build-call.ts`. The grammar's postprocessors are one-liners calling these. They must be cheap and free of side effects
// (Earley runs them for partial parses too); the few that detect a semantic error throw an
// OdotException, which `parse` turns into a diagnostic.

const NO_POINT = { line: 1, column: 1, offset: 0 };
const NO_SPAN: Span = { start: NO_POINT, end: NO_POINT };

/** Zero nodes made from the digit `0` (not from `O_n` or `\mathbf{0}`): inside matrix literals and indices they are numbers. */
const digitZeros = new WeakSet<Expr>();

/** The span of a parsed node (every parsed node has one). */
export function spanOf(e: Expr): Span {
  return e.span ?? NO_SPAN;
}

/** Throws the diagnostic as an `OdotException` (builders run inside the Earley loop; `parse` catches it). */
export function fail(code: string, message: string, span: Span, extra: Partial<Pick<OdotError, 'expected' | 'hints'>> = {}): never {
  throw new OdotException(odotError(code, message, { span, ...extra }));
}

/** The number `0` read as a number (in a matrix literal, an index, an exponent), not as the zero matrix. */
export function asNumber(e: Expr): Expr {
  if (e.type === 'Zero' && digitZeros.has(e)) return numberLiteral('0', spanOf(e));
  if (e.type === 'Neg' && e.operand.type === 'Zero' && digitZeros.has(e.operand)) {
    return negNode(numberLiteral('0', spanOf(e.operand)), spanOf(e));
  }
  return e;
}

// ---- atoms -------------------------------------------------------------------------------

/** `A`, `D₁`, `λ`. */
export function ident(t: Tok): Expr {
  const node: Identifier = { type: 'Identifier', name: t.value, span: tokenSpan(t) };
  return node;
}

/** A name, a number or a constant. */
export function leaf(t: Tok): Expr {
  return t.kind === 'ident' ? ident(t) : t.kind === 'num' ? number(t) : constant(t);
}

/** A number operand: `0` is the zero matrix (or scalar zero), anything else a NumberLiteral. */
export function number(t: Tok): Expr {
  if (/^0+$/.test(t.value)) {
    const z = zero(undefined, undefined, tokenSpan(t));
    digitZeros.add(z);
    return z;
  }
  return numberLiteral(t.value, tokenSpan(t));
}

function dim(text: string, t: Tok): DimLiteral {
  const s = text.trim();
  if (/^\d+$/.test(s)) {
    const n = Number(s);
    if (n === 0) fail('bad-size', `size 0 in \`${t.text}\`: sizes are positive`, tokenSpan(t));
    // Sizes stay exact: one past 2⁵³ would silently round (and print as 1e+21).
    if (!Number.isSafeInteger(n)) {
      fail('size-too-large', `the size ${s} in \`${t.text}\` is larger than ${Number.MAX_SAFE_INTEGER} (2⁵³ − 1), the largest size odot keeps exactly`, tokenSpan(t));
    }
    return n;
  }
  if (/^[A-Za-z][A-Za-z0-9]*$/.test(s)) return s;
  return fail('bad-size', `cannot read the size \`${s}\` in \`${t.text}\``, tokenSpan(t), {
    expected: ['a number or a name, like `3` or `n`'],
  });
}

/** The size written after `_` in `J_{m×n}`, `I_n`, `O_{3 x 2}`, `\mathbf{J}_{m \times n}`. */
function sizeOf(t: Tok): readonly DimLiteral[] | undefined {
  const at = t.text.indexOf('_');
  if (at < 0) return undefined;
  const inner = t.text
    .slice(at + 1)
    .replace(/^\{([\s\S]*)\}$/, '$1')
    .replace(/\\mathrm\{([^}]*)\}/g, '$1');
  const parts = inner.split(/\s*(?:×|\\times|\s[xX]\s)\s*/);
  if (parts.length === 1) {
    const compact = /^\s*([A-Za-z]|\d+)\s*[xX]\s*([A-Za-z]|\d+)\s*$/.exec(inner);
    if (compact?.[1] !== undefined && compact[2] !== undefined) return [dim(compact[1], t), dim(compact[2], t)];
  }
  if (parts.length > 2) fail('bad-size', `too many sizes in \`${t.text}\``, tokenSpan(t), { expected: ['`m×n` or `n`'] });
  return parts.map((p) => dim(p, t));
}

/** `J`, `J_{m×n}`, `J_n` (n×n), `I`, `I_n`, `O_n`, `O_{m×n}`, `\mathbf{J}`, `\mathbf{0}_{m \times n}`, the ones vector `𝟏`, `1_n`, `\mathbf{1}`. */
export function constant(t: Tok): Expr {
  const span = tokenSpan(t);
  const size = sizeOf(t);
  if (/^(?:𝟏|1_|\\mathb[fb]\{1\})/.test(t.text)) {
    // The all-ones column vector `𝟏`, `1_n`, `\mathbf{1}_n`: n×1, n from context when not written.
    if (size !== undefined && size.length > 1) fail('bad-size', `the ones vector has one size: \`${t.text}\``, span, { expected: ['`1_n`'] });
    return ones(size?.[0], 1, span);
  }
  const kind = t.text.startsWith('\\mathbf{0}') ? 'O' : t.text.startsWith('\\mathbf{J}') ? 'J' : t.value.charAt(0);
  const [rows, cols] = size === undefined ? [undefined, undefined] : [size[0], size[1] ?? size[0]];
  if (kind === 'I') {
    if (size !== undefined && size.length > 1 && size[0] !== size[1]) {
      fail('bad-size', `the identity is square: \`${t.text}\` has two different sizes`, span, { expected: ['`I_n`'] });
    }
    return identity(rows, span);
  }
  if (kind === 'J') return ones(rows, cols, span);
  const z = zero(rows, cols, span);
  // `X \succeq \mathbf{0}` is the psd claim, like `X ⪰ 0`.
  if (size === undefined && kind === 'O' && t.text.startsWith('\\mathbf')) digitZeros.add(z);
  return z;
}

/** `( e )`: the same node, its span widened to the brackets (that is how the lint pass sees brackets). */
export function paren(open: Tok, e: Expr, close: Tok): Expr {
  const out = { ...e, span: tokensSpan(open, close) };
  // Only a scalar operand's brackets change what `product` builds; marking only those keeps the
  // weak set (an ephemeron table the collector walks at every scavenge) out of the common parse.
  if (scalarOperand(e)) parenthesized.add(out);
  // `[[(0), 1]]`: a bracketed digit 0 is still the number 0 in an entry, an index or an exponent.
  if (digitZeros.has(e)) digitZeros.add(out);
  return out;
}

/** Nodes written in brackets: `(a) * (b)` stays element-wise even between scalars (printers bracket operands). */
const parenthesized = new WeakSet<Expr>();

// ---- lists (persistent, so partial parses never share mutable arrays) ----------------------

/** A cons list of items, newest first. */
export interface List<T> {
  readonly head: T;
  readonly tail: List<T> | undefined;
}

/** A one-item list. */
export function list<T>(item: T): List<T> {
  return { head: item, tail: undefined };
}

/** `items , item`. */
export function cons<T>(items: List<T>, item: T): List<T> {
  return { head: item, tail: items };
}

/** The items of a list, oldest first. */
export function toArray<T>(items: List<T>): T[] {
  const out: T[] = [];
  for (let l: List<T> | undefined = items; l !== undefined; l = l.tail) out.push(l.head);
  return out.reverse();
}

/**
 * A row of a matrix literal as the grammar reads it: its entries (a list, newest first) and, in
 * `[[1, 2], [3, 4]]`, its brackets. Made in O(1): the grammar makes one each time a row grows (for
 * partial parses too), and the array of entries is built once, by `matrix`.
 */
export interface Row {
  readonly entries: List<Expr>;
  readonly brackets: readonly [Tok, Tok] | undefined;
}

/** A row's entries, oldest first, and its span: its brackets' in `[[1, 2], [3, 4]]`, else its entries' (for the ragged-matrix error). */
function rowEntries(r: Row): { readonly items: Expr[]; readonly span: Span } {
  const items = toArray(r.entries);
  const span = r.brackets !== undefined ? tokensSpan(r.brackets[0], r.brackets[1]) : spanFromTo(spanOf(items[0] as Expr), spanOf(items[items.length - 1] as Expr));
  return { items, span };
}

function matrixFrom(rows: readonly Row[], span: Span): Expr {
  const read = rows.map(rowEntries);
  const entries = read.map((r) => r.items.map(asNumber));
  const width = entries[0]?.length ?? 0;
  entries.forEach((r, i) => {
    if (r.length !== width) {
      fail(
        'ragged-matrix',
        `row ${i + 1} of the matrix has ${r.length} ${r.length === 1 ? 'entry' : 'entries'}, but row 1 has ${width}`,
        read[i]?.span ?? span,
        { hints: ['every row of a matrix literal needs the same number of entries'] },
      );
    }
  });
  return matrixLiteral(entries, span);
}

/** `[1 2; 3 4]`, `[1, 2; 3, 4]`, `\begin{pmatrix}1&2\\3&4\end{pmatrix}`, and `[[1, 2], [3, 4]]`. */
export function matrix(open: Tok, rows: List<Row>, close: Tok): Expr {
  return matrixFrom(toArray(rows), tokensSpan(open, close));
}

/** A row of a matrix literal, with its brackets in `[[1, 2], [3, 4]]`. */
export function row(entries: List<Expr>, open?: Tok, close?: Tok): Row {
  return { entries, brackets: open !== undefined && close !== undefined ? [open, close] : undefined };
}

// ---- operators ---------------------------------------------------------------------------

type BinaryType = 'Hadamard' | 'MatMul' | 'Kronecker' | 'Add' | 'Sub' | 'Equal' | 'NotEqual';

function binary(type: BinaryType, left: Expr, right: Expr): Expr {
  // Built as a literal (not through the core builder's spread): this is the hot path.
  const l = spanOf(left);
  const r = spanOf(right);
  const node = { type, left, right, span: { start: l.start, end: r.end } } as const;
  return node;
}

/** `A + B`, `A - B`. */
export function addOrSub(l: Expr, op: Tok, r: Expr): Expr {
  return binary(op.kind === 'plus' ? 'Add' : 'Sub', l, r);
}

/** Operands that are scalars whatever the declarations: numbers, traces, determinants, entries, sums, and products of these. */
function scalarOperand(e: Expr): boolean {
  switch (e.type) {
    case 'NumberLiteral':
    case 'Trace':
    case 'Det':
    case 'Entry':
    case 'Sum':
      return true;
    case 'Neg':
      return scalarOperand(e.operand);
    case 'MatMul':
      return scalarOperand(e.left) && scalarOperand(e.right);
    default:
      return false;
  }
}

/**
 * `A ⊙ B` (`.*`, numpy `*`), `A B` (`·`, `@`, matlab `*`), `A ⊗ B`. NumPy's `*` between two
 * unbracketed scalars (`np.trace(A) * np.trace(B)`, `A[0,0] * B[0,0]`) is the scalar product.
 */
export function product(l: Expr, op: Tok, r: Expr): Expr {
  if (op.kind === 'had' && op.text === '*' && scalarOperand(l) && scalarOperand(r) && !parenthesized.has(l) && !parenthesized.has(r)) {
    return binary('MatMul', l, r);
  }
  return binary(op.kind === 'had' ? 'Hadamard' : op.kind === 'kron' ? 'Kronecker' : 'MatMul', l, r);
}

/** `L = R`, `L ≠ R`, `X ⪰ 0` (psd claim), `X ≻ 0` (pd claim). */
export function relation(l: Expr, op: Tok, r: Expr): Expr {
  if (op.kind === 'succeq' || op.kind === 'succ') return definite(l, op, r);
  return binary(op.kind === 'eq' ? 'Equal' : 'NotEqual', l, r);
}

/** `-A`. */
export function neg(op: Tok, e: Expr): Expr {
  return negNode(e, spanFromToken(op, spanOf(e)));
}

/** `2A`, `1/2 A`, `\frac{1}{2} A`, numpy `2 * A`. */
export function scaled(t: Tok, e: Expr): Expr {
  return scalarMul(numberLiteral(t.value, tokenSpan(t)), e, spanFromToken(t, spanOf(e)));
}

/** `X ⪰ 0` (psd) and `X ≻ 0` (pd); anything but `0` on the right is an error. */
function definite(l: Expr, op: Tok, r: Expr): Expr {
  if (r.type !== 'Zero' || !digitZeros.has(r)) {
    fail('expected-zero', `expected \`0\` after \`${op.text}\``, spanOf(r), {
      expected: ['0'],
      hints: ['the Loewner order A ⪰ B is written `A - B ⪰ 0`'],
    });
  }
  const property: Property = op.kind === 'succ' ? 'pd' : 'psd';
  return claim(property, l, spanFromTo(spanOf(l), spanOf(r)));
}

