/**
 * A dimension: a natural number, a symbol (`m`, `n`), or an unresolved inference variable
 * (a string starting with `?`, e.g. `?3`, for the size of a bare `J`, `0` or `I` that nothing fixed).
 */
export type Dim = number | string;

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
  return shape.kind === 'scalar' ? 'scalar' : `${shape.rows}×${shape.cols}`;
}
