import type { ExprOf } from '@odot/core';
import { OdotException, odotError } from '@odot/core';
import { hadamardPowerDense, matrixPowerDense, scalarPow } from '../dense.ts';
import type { Field } from '../field.ts';
import type { EvalState, Want } from './state.ts';
import { NONE, asMatrix, at, fail, matrix, scalar } from './state.ts';
import { intOf } from './eval-index.ts';
import type { GValue } from './types.ts';

/** `x^k` for an integer `k`; a negative power of 0 throws `zeroCode`. */
export function powerScalar<T>(f: Field<T>, x: T, k: number, zeroCode: string): T {
  if (k >= 0) return scalarPow(f, x, k);
  if (f.isZero(x)) throw new OdotException(odotError(zeroCode, `0 has no inverse (power ${k})`));
  return scalarPow(f, f.inv(x), -k);
}

/** Hadamard and matrix powers with an integer exponent at most `maxExponent` in size. */
export function evalPower<T>(s: EvalState<T>, node: ExprOf<'HadamardPower' | 'MatrixPower'>, want: Want): GValue<T> {
  const k = intOf(s, node.exponent, 'exponent');
  const max = s.ctx.maxExponent;
  if (Math.abs(k) > max) fail('exponent-too-large', `the exponent ${k} is larger than ${max}`, node);
  if (node.type === 'HadamardPower') {
    const v = s.ev(node.base, want);
    if (v.k === 'scalar') return scalar(at(node, () => powerScalar(s.f, v.v, k, 'zero-entry')));
    return matrix(at(node, () => hadamardPowerDense(s.f, asMatrix(v, node, 'Hadamard power'), k)));
  }
  const n = want.rows ?? want.cols;
  const v = s.ev(node.base, want.scalar ? want : n !== undefined ? { rows: n, cols: n } : NONE);
  if (v.k === 'scalar') return scalar(at(node, () => powerScalar(s.f, v.v, k, 'singular')));
  return matrix(at(node, () => matrixPowerDense(s.f, asMatrix(v, node, 'matrix power'), k)));
}
