import type { Dim } from './dim.ts';
import { dimEquals, formatDim } from './dim.ts';

export type { Dim } from './dim.ts';

/** A scalar (shape `[]` in JSON). */
export interface ScalarShape {
  readonly kind: 'scalar';
}

/** An m×n matrix; a column vector `u: n` is n×1. */
export interface MatrixShape {
  readonly kind: 'matrix';
  readonly rows: Dim;
  readonly cols: Dim;
}

/** The shape of an expression. There is no broadcasting: shapes must agree exactly. */
export type Shape = ScalarShape | MatrixShape;

/** The scalar shape. */
export const SCALAR: ScalarShape = { kind: 'scalar' };

/** An m×n matrix shape. */
export function matrixShape(rows: Dim, cols: Dim): MatrixShape {
  return { kind: 'matrix', rows, cols };
}

/** Prints a shape as `2×3`, `m×n` or `scalar`. */
export function formatShape(shape: Shape): string {
  return shape.kind === 'scalar' ? 'scalar' : `${formatDim(shape.rows)}×${formatDim(shape.cols)}`;
}

/** Structural equality of two shapes (dimensions compared with `dimEquals`). */
export function shapeEquals(a: Shape, b: Shape): boolean {
  if (a.kind === 'scalar' || b.kind === 'scalar') return a.kind === b.kind;
  return dimEquals(a.rows, b.rows) && dimEquals(a.cols, b.cols);
}
