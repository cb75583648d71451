import type { Expr, Result } from '@odot/core';
import { fail, odotError } from '@odot/core';
import { evaluate } from './evaluate.ts';
import type { ExactMatrix } from './matrix.ts';
import type { Value } from './value.ts';

/**
 * The exact value of a constant expression such as `[[1,2],[3,4]]`, `[1 2; 3 4]`, `-1/2` or
 * `2 [[1,0],[0,1]]` (no symbols). Used for `--let NAME=MATRIX`.
 */
export function valueFromLiteral(expr: Expr): Result<Value> {
  return evaluate(expr, new Map(), { mode: 'exact' });
}

/** The exact matrix of a constant matrix expression; a scalar or a symbol is an error. */
export function matrixFromLiteral(expr: Expr): Result<ExactMatrix> {
  const v = valueFromLiteral(expr);
  if (!v.ok) return v;
  if (v.value.kind !== 'exact') {
    return fail(odotError('not-a-matrix', `expected a matrix literal such as [[1,2],[3,4]], got a ${v.value.kind}`, expr.span ? { span: expr.span } : {}));
  }
  return { ok: true, value: v.value };
}
