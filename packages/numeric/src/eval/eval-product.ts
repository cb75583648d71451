import type { ExprOf } from '@odot/core';
import { kroneckerDense, matmulDense, scaleDense } from '../dense.ts';
import type { EvalState, Want } from './state.ts';
import { NONE, NeedsContext, binaryShapeError, matrix, scalar } from './state.ts';
import type { GValue } from './types.ts';

/** Multiplies two values: scalars scale, matrices need inner sizes that agree (`node` names the product in errors). */
export function times<T>(s: EvalState<T>, node: ExprOf<'MatMul' | 'ScalarMul'>, l: GValue<T>, r: GValue<T>): GValue<T> {
  const f = s.f;
  if (l.k === 'scalar' && r.k === 'scalar') return scalar(f.mul(l.v, r.v));
  if (l.k === 'scalar' && r.k === 'matrix') return matrix(scaleDense(f, l.v, r.m));
  if (l.k === 'matrix' && r.k === 'scalar') return matrix(scaleDense(f, r.v, l.m));
  if (node.type === 'ScalarMul' || l.k !== 'matrix' || r.k !== 'matrix' || l.m.cols !== r.m.rows) return binaryShapeError(node, l, r);
  return matrix(matmulDense(f, l.m, r.m));
}

/** Evaluates the operands of a matrix product left first; a context-sized left side is sized by the right. */
function operands<T>(s: EvalState<T>, node: ExprOf<'MatMul'>, want: Want): [GValue<T>, GValue<T>] {
  try {
    const l = s.ev(node.left, want.rows !== undefined ? { rows: want.rows } : NONE);
    if (l.k === 'scalar') return [l, s.ev(node.right, want)];
    if (l.k === 'bool') return [l, s.ev(node.right, NONE)];
    return [l, s.ev(node.right, want.cols !== undefined ? { rows: l.m.cols, cols: want.cols } : { rows: l.m.cols })];
  } catch (e) {
    if (!(e instanceof NeedsContext)) throw e;
    const r = s.ev(node.right, want.cols !== undefined ? { cols: want.cols } : NONE);
    if (r.k === 'scalar') return [s.ev(node.left, want), r];
    if (r.k === 'bool') return [s.ev(node.left, NONE), r];
    return [s.ev(node.left, want.rows !== undefined ? { rows: want.rows, cols: r.m.rows } : { cols: r.m.rows }), r];
  }
}

/** A matrix product (a scalar factor scales). */
export function evalMatMul<T>(s: EvalState<T>, node: ExprOf<'MatMul'>, want: Want): GValue<T> {
  const [l, r] = operands(s, node, want);
  return times(s, node, l, r);
}

/** A scalar multiple `c·A`. */
export function evalScalarMul<T>(s: EvalState<T>, node: ExprOf<'ScalarMul'>, want: Want): GValue<T> {
  const c = s.ev(node.scalar, { scalar: true });
  const v = s.ev(node.operand, want);
  return times(s, node, c, v);
}

/** A Kronecker product (a scalar factor scales). */
export function evalKronecker<T>(s: EvalState<T>, node: ExprOf<'Kronecker'>): GValue<T> {
  const l = s.ev(node.left, NONE);
  const r = s.ev(node.right, NONE);
  if (l.k === 'scalar' && r.k === 'matrix') return matrix(scaleDense(s.f, l.v, r.m));
  if (l.k === 'matrix' && r.k === 'scalar') return matrix(scaleDense(s.f, r.v, l.m));
  if (l.k === 'scalar' && r.k === 'scalar') return scalar(s.f.mul(l.v, r.v));
  if (l.k !== 'matrix' || r.k !== 'matrix') return binaryShapeError(node, l, r);
  return matrix(kroneckerDense(s.f, l.m, r.m));
}
