import type { Expr } from '@odot/core';
import {
  evaluate,
  exactFromData,
  isMatrix,
  rationalFromNumber,
  rationalToNumber,
  requals,
  toExact,
  type ExactMatrix,
  type Rational,
  type Value,
} from '@odot/numeric';
import type { Bindings } from './variant.ts';

/** A value as an exact matrix: a scalar becomes 1×1; a boolean is not a matrix (undefined). */
export function asExactMatrix(value: Value): ExactMatrix | undefined {
  if (isMatrix(value)) return toExact(value);
  if (value.kind === 'scalar') {
    const v = value.value;
    return exactFromData(1, 1, [typeof v === 'number' ? rationalFromNumber(v) : v]);
  }
  return undefined;
}

/** Evaluates `expr` exactly with the question's matrices bound; undefined when it is not defined (shape error, unbound symbol…). */
export function evaluateMatrix(expr: Expr, bindings: Bindings): ExactMatrix | undefined {
  const result = evaluate(expr, bindings, { mode: 'exact' });
  return result.ok ? asExactMatrix(result.value) : undefined;
}

/** Entry (i, j), 0-based. */
export function cellOf(m: ExactMatrix, i: number, j: number): Rational {
  return m.data[i * m.cols + j] as Rational;
}

/** Whether two entries agree: exactly, or within `tolerance` when it is positive. */
export function sameEntry(a: Rational, b: Rational, tolerance: number): boolean {
  if (requals(a, b)) return true;
  return tolerance > 0 && Math.abs(rationalToNumber(a) - rationalToNumber(b)) <= tolerance;
}

/** Whether two matrices have the same shape and agree entry by entry. */
export function sameMatrix(a: ExactMatrix, b: ExactMatrix, tolerance: number): boolean {
  if (a.rows !== b.rows || a.cols !== b.cols) return false;
  return a.data.every((x, k) => sameEntry(x, b.data[k] as Rational, tolerance));
}

/** The same entries as a column if `m` is a row vector, as a row if it is a column; undefined otherwise. */
export function reorientVector(m: ExactMatrix): ExactMatrix | undefined {
  if (m.rows !== 1 && m.cols !== 1) return undefined;
  return exactFromData(m.cols, m.rows, m.data);
}
