import {
  OdotException,
  claim,
  det,
  diag,
  diagVec,
  entry,
  hadamard,
  identity,
  matMul,
  kronecker,
  matrixLiteral,
  odotError,
  ones,
  sum as sumNode,
  trace,
  zero,
} from '@odot/core';
import type { DimLiteral, Expr, Identifier, OdotError, Property, Span } from '@odot/core';
import { lookupFunction } from './functions.ts';
import { hadamardPower, identifier, inverse, matrixPower, neg as negNode, numberLiteral, scalarMul, transpose } from './nodes.ts';
import type { Dialect } from './dialect.ts';
import type { Tok } from './tokens.ts';
import { spanFromTo, spanFromToken, spanToToken, tokenSpan, tokensSpan } from './span.ts';

// Typed adapters from tokens and sub-results to @odot/core builders. The grammar's
// postprocessors are one-liners calling these. They must be cheap and free of side effects
// (Earley runs them for partial parses too); the few that detect a semantic error throw an
// OdotException, which `parse` turns into a diagnostic.

const NO_POINT = { line: 1, column: 1, offset: 0 };
const NO_SPAN: Span = { start: NO_POINT, end: NO_POINT };

/** Zero nodes made from the digit `0` (not from `O_n` or `\mathbf{0}`): inside matrix literals and indices they are numbers. */
const digitZeros = new WeakSet<Expr>();

function spanOf(e: Expr): Span {
  return e.span ?? NO_SPAN;
}

function fail(code: string, message: string, span: Span, extra: Partial<Pick<OdotError, 'expected' | 'hints'>> = {}): never {
  throw new OdotException(odotError(code, message, { span, ...extra }));
}

/** The number `0` read as a number (in a matrix literal, an index, an exponent), not as the zero matrix. */
function asNumber(e: Expr): Expr {
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
  parenthesized.add(out);
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

function toArray<T>(items: List<T>): T[] {
  const out: T[] = [];
  for (let l: List<T> | undefined = items; l !== undefined; l = l.tail) out.push(l.head);
  return out.reverse();
}

/** The separator `;` between the rows of `[1 2; 3 4]`, kept in the argument list as a marker. */
export const ROW_BREAK: Expr = Object.freeze({ type: 'Identifier', name: ';' });

interface Row {
  readonly entries: readonly Expr[];
  readonly span: Span;
}

function matrixFrom(rowArray: readonly Row[], span: Span): Expr {
  const entries = rowArray.map((r) => r.entries.map(asNumber));
  const width = entries[0]?.length ?? 0;
  entries.forEach((r, i) => {
    if (r.length !== width) {
      fail(
        'ragged-matrix',
        `row ${i + 1} of the matrix has ${r.length} ${r.length === 1 ? 'entry' : 'entries'}, but row 1 has ${width}`,
        rowArray[i]?.span ?? span,
        { hints: ['every row of a matrix literal needs the same number of entries'] },
      );
    }
  });
  return matrixLiteral(entries, span);
}

function splitRows(items: readonly Expr[]): Row[] {
  const rows: Row[] = [];
  let current: Expr[] = [];
  const close = (): void => {
    const first = current[0];
    const last = current[current.length - 1];
    if (first !== undefined && last !== undefined) rows.push({ entries: current, span: spanFromTo(spanOf(first), spanOf(last)) });
    current = [];
  };
  for (const item of items) {
    if (item === ROW_BREAK) close();
    else current.push(item);
  }
  close();
  return rows;
}

/** `[1 2; 3 4]`, `[1, 2; 3, 4]`, `\begin{pmatrix}1&2\\3&4\end{pmatrix}`, and `[[1, 2], [3, 4]]`. */
function matrix(open: Tok, args: List<Expr>, close: Tok): Expr {
  const span = tokensSpan(open, close);
  const items = toArray(args);
  if (open.flag !== 'rows') return matrixFrom(splitRows(items), span);
  // `[[1, 2], [3, 4]]` arrives as one row of one-row literals: each becomes a row.
  const rows: Row[] = [];
  for (const e of items) {
    if (e === ROW_BREAK) {
      return fail('syntax', 'a list of rows `[[…], […]]` separates its rows with commas, not `;`', span, { expected: ['`,`'] });
    }
    const row = e.type === 'MatrixLiteral' && e.rows.length === 1 ? e.rows[0] : undefined;
    if (row === undefined) return fail('expected-row', 'expected a row like `[1, 2]` in the list of rows', spanOf(e), { expected: ['`[`'] });
    rows.push({ entries: row, span: spanOf(e) });
  }
  return matrixFrom(rows, span);
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

/** `-A` or a coefficient `2A`. */
export function prefix(op: Tok, e: Expr): Expr {
  return op.kind === 'minus' ? neg(op, e) : scaled(op, e);
}

// ---- postfix -----------------------------------------------------------------------------

/** What follows a postfix operator: a transpose mark, a value, or the indices of `A[i,j]`. */
export type Exponent =
  | { readonly kind: 'transpose'; readonly span: Span }
  | { readonly kind: 'value'; readonly expr: Expr; readonly span: Span }
  | { readonly kind: 'index'; readonly open: Tok; readonly args: List<Expr>; readonly close: Tok; readonly span: Span };

/** The brackets of `A[i,j]`, `A_{ij}`, MATLAB `A(i,j)` (the grammar reads an index as a postfix operator). */
export function expIndex(open: Tok, args: List<Expr>, close: Tok): Exponent {
  return { kind: 'index', open, args, close, span: tokensSpan(open, close) };
}

/** `^2`, `^k`, `^T`. */
export function expValue(t: Tok): Exponent {
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
  if (open.kind !== 'lp' && open.kind !== 'lbrace') {
    return fail('expected-exponent', `expected a number or a bracketed exponent, found \`${open.text}\``, span, { hints: ['write the exponent in brackets: `A^(tr(B))`'] });
  }
  if (e.type === 'Identifier' && e.name === 'T') return { kind: 'transpose', span };
  return { kind: 'value', expr: asNumber(e), span };
}

/** `^\top`, `^{\top}`. */
export function expTop(first: Tok, last: Tok): Exponent {
  return { kind: 'transpose', span: tokensSpan(first, last) };
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** `Aᵀ`, `A'`, `A.T`, `A.'`, `A⁻¹`, `A²`. */
function postfix(e: Expr, t: Tok): Expr {
  const span = spanToToken(spanOf(e), t);
  const v = t.value;
  if (v === 'ᵀ' || v === "'" || v === '.T' || v === ".'") return transpose(e, span);
  if (v === '⁻¹') return inverse(e, span);
  const digits = [...v.replace('⁻', '')].map((c) => SUPERSCRIPT.indexOf(c)).join('');
  const k = numberLiteral(digits, tokenSpan(t));
  return matrixPower(e, v.startsWith('⁻') ? negNode(k, tokenSpan(t)) : k, span);
}

function isMinusOne(e: Expr): boolean {
  return e.type === 'Neg' && e.operand.type === 'NumberLiteral' && e.operand.kind === 'integer' && /^0*1$/.test(e.operand.value);
}

/** `A^T` (transpose), `A^-1` (inverse), `A^k` (matrix power); `A^⊙k`, `A.^k`, `A ** k` (Hadamard power). */
export function power(base: Expr, op: Tok, exp: Exponent): Expr {
  if (op.kind === 'post') return postfix(base, op);
  if (exp.kind === 'index') return indexEntry(base, exp.open, exp.args, exp.close);
  if (op.kind === 'hpow' || op.kind === 'hpowl') return hpower(base, op, exp);
  const span = spanFromTo(spanOf(base), exp.span);
  if (exp.kind === 'transpose') return transpose(base, span);
  return isMinusOne(exp.expr) ? inverse(base, span) : matrixPower(base, exp.expr, span);
}

/** `A^⊙k`, `A.^k`, `A ** k`, `A^{\circ k}`. */
function hpower(base: Expr, op: Tok, exp: Exponent): Expr {
  if (exp.kind !== 'value') {
    return fail('expected-exponent', `expected an exponent after \`${op.text}\``, exp.span, { expected: ['a number'] });
  }
  return hadamardPower(base, exp.expr, spanFromTo(spanOf(base), exp.span));
}

// ---- entries, sums, calls ----------------------------------------------------------------

function index(e: Expr, zeroBased: boolean): Expr {
  const n = asNumber(e);
  if (zeroBased && n.type === 'NumberLiteral' && n.kind === 'integer') {
    return numberLiteral(String(BigInt(n.value) + 1n), spanOf(n));
  }
  return n;
}

function splitIndices(e: Expr, at: Span): readonly [Expr, Expr] {
  const single = (c: string, s: Span): Expr => (/\d/.test(c) ? numberLiteral(c, s) : identifier(c, s));
  const n = asNumber(e);
  if (n.type === 'Identifier' && /^[A-Za-z][A-Za-z0-9]$/.test(n.name)) {
    const text = n.name;
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
 * 1-based ones), `A_{ij}`, `A_{i,j}`, `A_{i j}`, `A_{1,2}` (subscripts; digits alone, `D_{12}`, are part of a name), MATLAB `A(i, j)`.
 */
function indexEntry(m: Expr, open: Tok, args: List<Expr>, close: Tok): Expr {
  const span = spanToToken(spanOf(m), close);
  const inner = tokensSpan(open, close);
  if (open.value === 'call' && m.type !== 'Identifier') return fail('syntax', 'only a name can be indexed with `( , )`', inner);
  const items = toArray(args);
  if (items.includes(ROW_BREAK)) return fail('syntax', 'unexpected `;` in an index', inner, { expected: ['`,`'] });
  const zeroBased = open.value === '0-based';
  if (items.length === 2) return entry(m, index(items[0] as Expr, zeroBased), index(items[1] as Expr, zeroBased), span);
  if (items.length === 1 && open.value === 'subscript') {
    const [row, col] = splitIndices(items[0] as Expr, inner);
    return entry(m, row, col, span);
  }
  return fail('expected-indices', `expected two indices, got ${items.length}`, inner, {
    expected: open.value === 'subscript' ? ['`{ij}`', '`{i,j}`'] : ['`i, j`'],
  });
}

/** `Σ_k(body)`, `sum_k(body)`, `\sum_{k}\left(body\right)`. */
export function sum(t: Tok, body: Expr, close: Tok): Expr {
  return sumNode(t.value, body, tokensSpan(t, close));
}

const CLAIMS: Readonly<Record<string, Property>> = {
  psd: 'psd',
  pd: 'pd',
  diagonal: 'diagonal',
  symmetric: 'symmetric',
  nonnegative: 'nonnegative',
  binary: 'binary',
};

function arity(fn: Tok, args: readonly Expr[], counts: readonly number[], span: Span): void {
  if (!counts.includes(args.length)) {
    const want = counts.map((c) => `${c} argument${c === 1 ? '' : 's'}`).join(' or ');
    fail('wrong-arity', `\`${fn.text}\` takes ${want}, got ${args.length}`, span, { expected: [want] });
  }
}

function dimArg(e: Expr, fn: Tok): DimLiteral {
  if (e.type === 'Identifier') return e.name;
  if (e.type === 'NumberLiteral' && e.kind === 'integer' && !/^0+$/.test(e.value)) return Number(e.value);
  return fail('bad-size', `\`${fn.text}\` needs sizes that are positive integers or names`, spanOf(e), {
    expected: ['a number or a name'],
  });
}

function dialectOf(fn: Tok): Dialect {
  return fn.value.startsWith('np.') || fn.value.startsWith('numpy.') ? 'numpy' : lookupFunction('plain', fn.value) ? 'plain' : 'matlab';
}

function build(fn: Tok, args: readonly Expr[], span: Span, tuple: boolean): Expr {
  const dialect = dialectOf(fn);
  const op = lookupFunction(dialect, fn.value) ?? lookupFunction('matlab', fn.value);
  if (op === undefined) return fail('unknown-function', `unknown function \`${fn.text}\``, tokenSpan(fn));
  const [a, b] = [args[0], args[1]];
  if (tuple && op !== 'ones' && op !== 'zeros') {
    fail('wrong-arity', `\`${fn.text}\` does not take a shape tuple`, span);
  }
  switch (op) {
    case 'kron':
      arity(fn, args, [2], span);
      return kronecker(a as Expr, b as Expr, span);
    case 'multiply':
      arity(fn, args, [2], span);
      return hadamard(a as Expr, b as Expr, span);
    case 'matmul':
      arity(fn, args, [2], span);
      return matMul(a as Expr, b as Expr, span);
    case 'matrix_power': {
      arity(fn, args, [2], span);
      const k = asNumber(b as Expr);
      return isMinusOne(k) ? inverse(a as Expr, span) : matrixPower(a as Expr, k, span);
    }
    case 'ones':
    case 'zeros': {
      arity(fn, args, dialect === 'numpy' && !tuple ? [1] : [1, 2], span);
      const rows = dimArg(a as Expr, fn);
      const cols = b === undefined ? (dialect === 'numpy' ? 1 : rows) : dimArg(b, fn);
      return op === 'ones' ? ones(rows, cols, span) : zero(rows, cols, span);
    }
    case 'eye':
      arity(fn, args, [1], span);
      return identity(dimArg(a as Expr, fn), span);
    case 'array':
      arity(fn, args, [1], span);
      if (a?.type !== 'MatrixLiteral') {
        return fail('expected-matrix', '`np.array` takes a nested list like `[[1, 2], [3, 4]]`', spanOf(a as Expr), {
          expected: ['[[…], […]]'],
        });
      }
      return { ...a, span };
    default:
      break;
  }
  arity(fn, args, [1], span);
  const x = a as Expr;
  switch (op) {
    case 'diag':
      return diag(x, span);
    case 'diagvec':
      return diagVec(x, span);
    case 'tr':
      return trace(x, span);
    case 'det':
      return det(x, span);
    case 'inv':
      return inverse(x, span);
    case 'transpose':
      return transpose(x, span);
    default:
      return claim(CLAIMS[op] ?? 'psd', x, span);
  }
}

/**
 * A bracketed group `(e)` / `{e}` / `\left(e\right)`, a matrix literal `[1 2; 3 4]` /
 * `\begin{pmatrix}…\end{pmatrix}`, or a call whose name token opens it:
 * `diag(v)`, `tr(A)`, `kron(A, B)`, `np.linalg.inv(A)`, `ones(m, n)`, `np.ones((m, n))`, `psd(X)`, `Σ_k(…)`.
 */
export function group(fn: Tok, args: List<Expr>, close: Tok): Expr {
  if (fn.kind === 'lb' || fn.kind === 'lenv') return matrix(fn, args, close);
  for (let l: List<Expr> | undefined = args; l !== undefined; l = l.tail) {
    if (l.head === ROW_BREAK) return fail('syntax', 'unexpected `;`: rows are only separated inside a matrix literal `[1 2; 3 4]`', tokensSpan(fn, close));
  }
  if (fn.kind !== 'fn' && fn.kind !== 'sum') {
    if (args.tail !== undefined) {
      return fail('syntax', 'unexpected `,` in brackets', tokensSpan(fn, close), {
        hints: ['a list of arguments needs a function, like `kron(A, B)`'],
      });
    }
    return paren(fn, args.head, close);
  }
  if (fn.kind === 'sum') {
    if (args.tail !== undefined) return fail('wrong-arity', `\`${fn.text}(…)\` takes one expression`, tokensSpan(fn, close));
    return sum(fn, args.head, close);
  }
  return build(fn, toArray(args), tokensSpan(fn, close), fn.flag === 'tuple');
}
