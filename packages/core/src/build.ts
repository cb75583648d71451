import type {
  Add,
  Claim,
  Det,
  Diag,
  DiagVec,
  DimLiteral,
  Entry,
  Equal,
  Expr,
  Hadamard,
  HadamardPower,
  Identifier,
  Identity,
  Inverse,
  Kronecker,
  MatMul,
  MatrixLiteral,
  MatrixPower,
  Neg,
  NotEqual,
  NumberLiteral,
  Ones,
  ScalarMul,
  Sub,
  Sum,
  Trace,
  Transpose,
  Zero,
} from './expr.ts';
import type { Property } from './property.ts';
import type { Span } from './span.ts';

// Typed builders. Each takes an optional span last; nodes made by rewrites pass none.
// With exactOptionalPropertyTypes a missing span is left out, never set to undefined.

function spanned<T extends object>(node: T, span: Span | undefined): T {
  return span === undefined ? node : { ...node, span };
}

/** `A`, `D₁`, `i`. */
export const identifier = (name: string, span?: Span): Identifier => spanned({ type: 'Identifier', name }, span);

/** An exact number from its text: `"7"`, `"0.25"`, `"1/2"`. */
export function numberLiteral(value: string, span?: Span): NumberLiteral {
  const kind = value.includes('/') ? 'fraction' : value.includes('.') ? 'decimal' : 'integer';
  return spanned({ type: 'NumberLiteral', kind, value }, span);
}

/** `[[1,2],[3,4]]`. */
export const matrixLiteral = (rows: readonly (readonly Expr[])[], span?: Span): MatrixLiteral =>
  spanned({ type: 'MatrixLiteral', rows }, span);

/** `A ⊙ B`. */
export const hadamard = (left: Expr, right: Expr, span?: Span): Hadamard => spanned({ type: 'Hadamard', left, right }, span);

/** `A B`. */
export const matMul = (left: Expr, right: Expr, span?: Span): MatMul => spanned({ type: 'MatMul', left, right }, span);

/** `A ⊗ B`. */
export const kronecker = (left: Expr, right: Expr, span?: Span): Kronecker =>
  spanned({ type: 'Kronecker', left, right }, span);

/** `A + B`. */
export const add = (left: Expr, right: Expr, span?: Span): Add => spanned({ type: 'Add', left, right }, span);

/** `A - B`. */
export const sub = (left: Expr, right: Expr, span?: Span): Sub => spanned({ type: 'Sub', left, right }, span);

/** `-A`. */
export const neg = (operand: Expr, span?: Span): Neg => spanned({ type: 'Neg', operand }, span);

/** `2A`. */
export const scalarMul = (scalar: Expr, operand: Expr, span?: Span): ScalarMul =>
  spanned({ type: 'ScalarMul', scalar, operand }, span);

/** `Aᵀ`. */
export const transpose = (operand: Expr, span?: Span): Transpose => spanned({ type: 'Transpose', operand }, span);

/** `A^⊙k`. */
export const hadamardPower = (base: Expr, exponent: Expr, span?: Span): HadamardPower =>
  spanned({ type: 'HadamardPower', base, exponent }, span);

/** `A^k`. */
export const matrixPower = (base: Expr, exponent: Expr, span?: Span): MatrixPower =>
  spanned({ type: 'MatrixPower', base, exponent }, span);

/** `A⁻¹`. */
export const inverse = (operand: Expr, span?: Span): Inverse => spanned({ type: 'Inverse', operand }, span);

/** `J` or `J_{m×n}`. */
export function ones(rows?: DimLiteral, cols?: DimLiteral, span?: Span): Ones {
  const node: { type: 'Ones'; rows?: DimLiteral; cols?: DimLiteral } = { type: 'Ones' };
  if (rows !== undefined) node.rows = rows;
  if (cols !== undefined) node.cols = cols;
  return spanned(node, span);
}

/** `0`, `O_n` or `O_{m×n}`. */
export function zero(rows?: DimLiteral, cols?: DimLiteral, span?: Span): Zero {
  const node: { type: 'Zero'; rows?: DimLiteral; cols?: DimLiteral } = { type: 'Zero' };
  if (rows !== undefined) node.rows = rows;
  if (cols !== undefined) node.cols = cols;
  return spanned(node, span);
}

/** `I` or `I_n`. */
export function identity(size?: DimLiteral, span?: Span): Identity {
  return spanned(size === undefined ? { type: 'Identity' as const } : { type: 'Identity' as const, size }, span);
}

/** `diag(v)`. */
export const diag = (operand: Expr, span?: Span): Diag => spanned({ type: 'Diag', operand }, span);

/** `diagvec(A)`. */
export const diagVec = (operand: Expr, span?: Span): DiagVec => spanned({ type: 'DiagVec', operand }, span);

/** `tr(A)`. */
export const trace = (operand: Expr, span?: Span): Trace => spanned({ type: 'Trace', operand }, span);

/** `det(A)`. */
export const det = (operand: Expr, span?: Span): Det => spanned({ type: 'Det', operand }, span);

/** `A[i,j]`. */
export const entry = (matrix: Expr, row: Expr, col: Expr, span?: Span): Entry =>
  spanned({ type: 'Entry', matrix, row, col }, span);

/** `Σ_k(body)`. */
export const sum = (index: string, body: Expr, span?: Span): Sum => spanned({ type: 'Sum', index, body }, span);

/** `L = R`. */
export const equal = (left: Expr, right: Expr, span?: Span): Equal => spanned({ type: 'Equal', left, right }, span);

/** `L ≠ R`. */
export const notEqual = (left: Expr, right: Expr, span?: Span): NotEqual =>
  spanned({ type: 'NotEqual', left, right }, span);

/** `X ⪰ 0`, `psd(X)`, `diagonal(X)`, …. */
export const claim = (property: Property, operand: Expr, span?: Span): Claim =>
  spanned({ type: 'Claim', property, operand }, span);
