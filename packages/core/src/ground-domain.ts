import { type Dim, dimEquals, dimProduct, formatDim } from './dim.ts';
import { odotError } from './error.ts';
import { SCALAR, type MatrixShape, type Shape, formatShape, matrixShape, shapeEquals } from './shape.ts';
import type { ShapeDomain } from './shape-domain.ts';

/**
 * The ground domain of the shape rules: known shapes and dimensions. Unifying is comparing;
 * what needs a fresh size (an unsized `J`, `0`, `I`) or does not fit gives undefined, and
 * unification decides. One stateless object: a rule asked here allocates only its result.
 */
export const GROUND: ShapeDomain<Shape, MatrixShape, Dim> = {
  scalar: SCALAR,
  one: 1,
  kind: (s) => s.kind,
  isScalarLike: (s) => s.kind === 'scalar' || (s.rows === 1 && s.cols === 1),
  asMatrix: (s) => (s.kind === 'matrix' ? s : undefined),
  rows: (m) => m.rows,
  cols: (m) => m.cols,
  matrix: matrixShape,
  count: (n) => n,
  product: (a, b) => dimProduct([a, b]),
  unify: (a, b) => shapeEquals(a, b),
  unifyDim: (a, b) => dimEquals(a, b),
  moreKnown: (a) => a,
  identifier: (name, givens) => givens.get(name)?.shape,
  sized: (rows, cols) => (rows === undefined ? undefined : matrixShape(rows, cols ?? rows)),
  freshShape: () => undefined,
  freshSquare: () => undefined,
  // Every ground shape is a scalar or a matrix: no check waits for more constraints.
  deferSquare: () => undefined,
  fail: () => undefined,
  now: (text) => text,
  text: formatShape,
  dimText: formatDim,
  origin: () => '',
  bothSides: () => [],
  mismatch: (message, hints) => odotError('shape-mismatch', message, hints.length > 0 ? { hints } : {}),
  ragged: (message) => odotError('ragged-matrix', message),
};
