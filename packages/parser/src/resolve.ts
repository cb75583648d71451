import type { Expr, Givens } from '@odot/core';
import type { Dialect } from './dialect.ts';

/** Placeholder. */
export function resolveWithGivens(expr: Expr, _givens: Givens, _dialect: Dialect): Expr {
  return expr;
}
