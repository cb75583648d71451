import type { ExprOf } from '@odot/core';
import { detDense, diagDense, diagvecDense, inverseDense, negDense, traceDense, transposeDense } from '../dense.ts';
import type { EvalState, Want } from './state.ts';
import { NONE, asMatrix, at, matrix, scalar } from './state.ts';
import { powerScalar } from './eval-power.ts';
import type { GValue } from './types.ts';

/** Negation and transpose: the operand has the node's shape (transposed). */
export function evalNegTranspose<T>(s: EvalState<T>, node: ExprOf<'Neg' | 'Transpose'>, want: Want): GValue<T> {
  if (node.type === 'Neg') {
    const v = s.ev(node.operand, want);
    if (v.k === 'scalar') return scalar(s.f.neg(v.v));
    return matrix(negDense(s.f, asMatrix(v, node, 'negation')));
  }
  const v = s.ev(node.operand, {
    ...(want.scalar ? { scalar: true } : {}),
    ...(want.cols !== undefined ? { rows: want.cols } : {}),
    ...(want.rows !== undefined ? { cols: want.rows } : {}),
  });
  if (v.k === 'scalar') return v;
  return matrix(transposeDense(asMatrix(v, node, 'transpose')));
}

/** The inverse of a square matrix or a nonzero scalar. */
export function evalInverse<T>(s: EvalState<T>, node: ExprOf<'Inverse'>, want: Want): GValue<T> {
  const n = want.rows ?? want.cols;
  const v = s.ev(node.operand, want.scalar ? want : n !== undefined ? { rows: n, cols: n } : NONE);
  if (v.k === 'scalar') return scalar(at(node, () => powerScalar(s.f, v.v, -1, 'singular')));
  return matrix(at(node, () => inverseDense(s.f, asMatrix(v, node, 'inverse'))));
}

/** `diag(v)` (a diagonal matrix of a column vector) and `diagvec(A)` (the diagonal of a square matrix). */
export function evalDiag<T>(s: EvalState<T>, node: ExprOf<'Diag' | 'DiagVec'>, want: Want): GValue<T> {
  if (node.type === 'Diag') {
    const n = want.rows ?? want.cols;
    const v = s.ev(node.operand, n !== undefined ? { rows: n, cols: 1 } : NONE);
    return matrix(at(node, () => diagDense(s.f, asMatrix(v, node, 'diag'))));
  }
  const v = s.ev(node.operand, want.rows !== undefined ? { rows: want.rows, cols: want.rows } : NONE);
  return matrix(at(node, () => diagvecDense(asMatrix(v, node, 'diagvec'))));
}

/** Trace and determinant: a scalar operand is its own trace and determinant. */
export function evalTraceDet<T>(s: EvalState<T>, node: ExprOf<'Trace' | 'Det'>): GValue<T> {
  const v = s.ev(node.operand, NONE);
  if (v.k === 'scalar') return v;
  if (node.type === 'Trace') return scalar(at(node, () => traceDense(s.f, asMatrix(v, node, 'tr'))));
  return scalar(at(node, () => detDense(s.f, asMatrix(v, node, 'det'))));
}
