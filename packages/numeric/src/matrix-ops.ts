import type { Result } from '@odot/core';
import type { Dense } from './dense.ts';
import {
  rankDense,
  addDense,
  denseEquals,
  detDense,
  diagDense,
  diagvecDense,
  hadamardDense,
  hadamardPowerDense,
  inverseDense,
  kroneckerDense,
  matmulDense,
  matrixPowerDense,
  negDense,
  scaleDense,
  subDense,
  traceDense,
  transposeDense,
  linalgError,
  dims,
} from './dense.ts';
import { catchOdot } from './evaluate.ts';
import { FLOAT_FIELD, RATIONAL_FIELD } from './field.ts';
import { axpyF64, hadamardF64, matmulF64 } from './float-kernels.ts';
import type { ExactMatrix, FloatMatrix, Matrix } from './matrix.ts';
import { toFloat } from './matrix.ts';
import type { Rational } from './rational.ts';
import { rationalFromNumber, rationalToNumber } from './rational.ts';

// One API for both kinds: exact with exact stays exact; anything with a float is float.

const exact = (m: Dense<Rational>): ExactMatrix => ({ kind: 'exact', rows: m.rows, cols: m.cols, data: Array.from(m.data) });
const float = (m: Dense<number>): FloatMatrix => ({
  kind: 'float',
  rows: m.rows,
  cols: m.cols,
  data: m.data instanceof Float64Array ? m.data : Float64Array.from(m.data),
});

function unary(m: Matrix, onExact: (d: Dense<Rational>) => Dense<Rational>, onFloat: (d: Dense<number>) => Dense<number>): Matrix {
  return m.kind === 'exact' ? exact(onExact(m)) : float(onFloat(m));
}

function binary(
  a: Matrix,
  b: Matrix,
  onExact: (x: Dense<Rational>, y: Dense<Rational>) => Dense<Rational>,
  onFloat: (x: Dense<number>, y: Dense<number>) => Dense<number>,
): Matrix {
  if (a.kind === 'exact' && b.kind === 'exact') return exact(onExact(a, b));
  return float(onFloat(toFloat(a), toFloat(b)));
}

function sameShape(op: string, a: Matrix, b: Matrix): void {
  if (a.rows !== b.rows || a.cols !== b.cols) linalgError('shape-mismatch', `${op}: left is ${dims(a)}, right is ${dims(b)}`);
}

/** `A + B`. */
export function addMatrices(a: Matrix, b: Matrix): Result<Matrix> {
  return catchOdot(() => {
    sameShape('+', a, b);
    return binary(a, b, (x, y) => addDense(RATIONAL_FIELD, x, y), (x, y) => ({ rows: x.rows, cols: x.cols, data: axpyF64(x.data as Float64Array, 1, y.data as Float64Array) }));
  });
}

/** `A − B`. */
export function subtractMatrices(a: Matrix, b: Matrix): Result<Matrix> {
  return catchOdot(() => {
    sameShape('−', a, b);
    return binary(a, b, (x, y) => subDense(RATIONAL_FIELD, x, y), (x, y) => ({ rows: x.rows, cols: x.cols, data: axpyF64(x.data as Float64Array, -1, y.data as Float64Array) }));
  });
}

/** `−A`. */
export function negateMatrix(a: Matrix): Matrix {
  return unary(a, (x) => negDense(RATIONAL_FIELD, x), (x) => negDense(FLOAT_FIELD, x));
}

/** `cA` (an exact `c` keeps an exact matrix exact). */
export function scaleMatrix(c: Rational | number, a: Matrix): Matrix {
  if (a.kind === 'exact' && typeof c !== 'number') return exact(scaleDense(RATIONAL_FIELD, c, a));
  const s = typeof c === 'number' ? c : rationalToNumber(c);
  return float(scaleDense(FLOAT_FIELD, s, toFloat(a)));
}

/** The Hadamard product `A ⊙ B` (shapes must agree exactly). */
export function hadamardProduct(a: Matrix, b: Matrix): Result<Matrix> {
  return catchOdot(() => {
    sameShape('⊙', a, b);
    return binary(a, b, (x, y) => hadamardDense(RATIONAL_FIELD, x, y), (x, y) => ({ rows: x.rows, cols: x.cols, data: hadamardF64(x.data as Float64Array, y.data as Float64Array) }));
  });
}

/** The matrix product `A B` (blocked i-k-j kernel for floats). */
export function matrixProduct(a: Matrix, b: Matrix): Result<Matrix> {
  return catchOdot(() => {
    if (a.cols !== b.rows) linalgError('shape-mismatch', `matrix product: left is ${dims(a)}, right is ${dims(b)}`);
    return binary(a, b, (x, y) => matmulDense(RATIONAL_FIELD, x, y), (x, y) => ({
      rows: x.rows,
      cols: y.cols,
      data: matmulF64(x.data as Float64Array, y.data as Float64Array, x.rows, x.cols, y.cols),
    }));
  });
}

/** The Kronecker product `A ⊗ B`. */
export function kroneckerProduct(a: Matrix, b: Matrix): Matrix {
  return binary(a, b, (x, y) => kroneckerDense(RATIONAL_FIELD, x, y), (x, y) => kroneckerDense(FLOAT_FIELD, x, y));
}

/** `Aᵀ`. */
export function transposeMatrix(a: Matrix): Matrix {
  return unary(a, transposeDense, transposeDense);
}

/** The Hadamard power `A^⊙k` (negative k: every entry must be nonzero, error `zero-entry`). */
export function hadamardPowerOf(a: Matrix, k: number): Result<Matrix> {
  return catchOdot(() => unary(a, (x) => hadamardPowerDense(RATIONAL_FIELD, x, k), (x) => hadamardPowerDense(FLOAT_FIELD, x, k)));
}

/** The matrix power `A^k` (negative k inverts first; error `singular`). */
export function matrixPowerOf(a: Matrix, k: number): Result<Matrix> {
  return catchOdot(() => unary(a, (x) => matrixPowerDense(RATIONAL_FIELD, x, k), (x) => matrixPowerDense(FLOAT_FIELD, x, k)));
}

/** `A⁻¹` (error `singular`; exact for exact matrices, partial pivoting for floats). */
export function inverseOf(a: Matrix): Result<Matrix> {
  return catchOdot(() => unary(a, (x) => inverseDense(RATIONAL_FIELD, x), (x) => inverseDense(FLOAT_FIELD, x)));
}

/** The rank of an exact matrix (exact row echelon form over the rationals). */
export function exactRank(a: ExactMatrix): number {
  return rankDense(RATIONAL_FIELD, a);
}

/** `det(A)`: exact by rational elimination for exact matrices. */
export function determinant(a: Matrix): Result<Rational | number> {
  return catchOdot(() => (a.kind === 'exact' ? detDense(RATIONAL_FIELD, a) : detDense(FLOAT_FIELD, a)));
}

/** `tr(A)`. */
export function traceOf(a: Matrix): Result<Rational | number> {
  return catchOdot(() => (a.kind === 'exact' ? traceDense(RATIONAL_FIELD, a) : traceDense(FLOAT_FIELD, a)));
}

/** `diag(v)` of a vector. */
export function diagOf(v: Matrix): Result<Matrix> {
  return catchOdot(() => unary(v, (x) => diagDense(RATIONAL_FIELD, x), (x) => diagDense(FLOAT_FIELD, x)));
}

/** `diagvec(A)` of a square matrix. */
export function diagvecOf(a: Matrix): Result<Matrix> {
  return catchOdot(() => unary(a, diagvecDense, diagvecDense));
}

/** Exact equality (floats by their exact values). */
export function matricesEqual(a: Matrix, b: Matrix): boolean {
  if (a.kind === 'exact' && b.kind === 'exact') return denseEquals(RATIONAL_FIELD, a, b);
  const x = a.kind === 'exact' ? a : { rows: a.rows, cols: a.cols, data: Array.from(a.data, rationalFromNumber) };
  const y = b.kind === 'exact' ? b : { rows: b.rows, cols: b.cols, data: Array.from(b.data, rationalFromNumber) };
  return denseEquals(RATIONAL_FIELD, x, y);
}
