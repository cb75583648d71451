import type { Givens } from './declaration.ts';
import type { Dim } from './dim.ts';
import type { ExprOf, ExprType } from './expr.ts';
import { GROUND } from './ground-domain.ts';
import type { LazyError, ShapeDomain } from './shape-domain.ts';
import type { MatrixShape, Shape } from './shape.ts';
import type { VISITOR_KEYS } from './visitor-keys.ts';

/**
 * What a shape rule reads of a node: its own data without its children (the children's shapes come
 * separately), so a tree other than `Expr` (rewrite's terms) asks the same rules by passing
 * `{ type: 'Hadamard' }` or `{ type: 'Claim', property }`. A matrix literal keeps its rows, whose
 * lengths its rule checks; an `Expr` node is always a valid `ShapeNode` of its type.
 */
export type ShapeNode<T extends ExprType = ExprType> = T extends 'MatrixLiteral'
  ? Pick<ExprOf<'MatrixLiteral'>, 'type' | 'rows'>
  : { readonly [K in keyof ExprOf<T> as K extends (typeof VISITOR_KEYS)[T][number] | 'span' ? never : K]: ExprOf<T>[K] };

/**
 * One shape rule: the node's shape from its children's shapes (in `childrenOf` order), written
 * once against a `ShapeDomain`. In the ground domain (known shapes) it gives the shape, or
 * undefined when the children do not fit or a size must come from context; in the unification
 * domain (`inferShapes`) it constrains the children's shape terms and words the error of a clash.
 */
export type ShapeRule<T extends ExprType> = <S, M extends S, D>(d: ShapeDomain<S, M, D>, node: ShapeNode<T>, kids: readonly S[], givens: Givens) => S | undefined;

/**
 * A `shape-mismatch` error, built only when reported: `message` (read then, unless fixed by
 * `d.now`) with hints naming child `at`, or both operands. Every error closure of a rule comes from
 * here or is an argument: a closure bound to a name costs a `__name` call per rule under tsx.
 */
function lazyMismatch<S, M extends S, D>(d: ShapeDomain<S, M, D>, message: () => string, at?: number): LazyError {
  return () => d.mismatch(message(), at === undefined ? d.bothSides() : [d.origin(at)]);
}

/** `s` as a square matrix (the operand of `what`), or the rule fails. */
function square<S, M extends S, D>(d: ShapeDomain<S, M, D>, s: S, what: string): M | undefined {
  const m = d.asMatrix(s);
  const error = lazyMismatch(d, () => `${what} needs a square matrix, got ${d.text(s)}`, 0);
  if (m !== undefined && d.unifyDim(d.rows(m), d.cols(m), error)) return m;
  d.fail(error);
  return undefined;
}

/** Child `i` (`what`) must be a scalar; false when the rule fails. */
function scalarOnly<S, M extends S, D>(d: ShapeDomain<S, M, D>, kids: readonly S[], i: number, what: string): boolean {
  const s = kids[i] ?? d.scalar;
  const error = lazyMismatch(d, () => `${what} must be a scalar, got ${d.text(s)}`, i);
  if (d.unify(s, d.scalar, error)) return true;
  d.fail(error);
  return false;
}

/** The error naming both sides' shapes as they are now (before a unification that may bind some sizes). */
function sidesError<S, M extends S, D>(d: ShapeDomain<S, M, D>, l: S, r: S): LazyError {
  return lazyMismatch(d, d.now(() => `left is ${d.text(l)}, right is ${d.text(r)}`));
}

const matrixLiteral: ShapeRule<'MatrixLiteral'> = (d, node, kids) => {
  const width = node.rows[0]?.length ?? 0;
  if (node.rows.length === 0 || width === 0) return d.fail(() => d.ragged('a matrix literal needs at least one entry'));
  for (const [i, row] of node.rows.entries()) {
    if (row.length !== width) return d.fail(() => d.ragged(`matrix literal rows differ in length: row 1 has ${width} entries, row ${i + 1} has ${row.length}`));
  }
  for (let i = 0; i < kids.length; i++) if (!scalarOnly(d, kids, i, 'a matrix entry')) return undefined;
  return d.matrix(d.count(node.rows.length), d.count(width));
};

/** `⊙`: no broadcasting and no scalars; both sides are matrices of one shape. */
const hadamard: ShapeRule<'Hadamard'> = (d, _, [l = d.scalar, r = d.scalar]) => {
  const error = sidesError(d, l, r);
  const lm = d.asMatrix(l);
  const rm = d.asMatrix(r);
  if (lm === undefined || rm === undefined || !d.unify(lm, rm, error)) return d.fail(error);
  return d.moreKnown(lm, rm);
};

/** `+`, `−`, `=`, `≠`: one shape on both sides; a known 1×1 matrix (such as xᵀAy) stands for its scalar beside a scalar: xᵀAy = tr(…). */
const sameShape: ShapeRule<'Add' | 'Sub' | 'Equal' | 'NotEqual'> = (d, _, [l = d.scalar, r = d.scalar]) => {
  const error = sidesError(d, l, r);
  if (d.isScalarLike(l) && d.isScalarLike(r) && (d.kind(l) === 'scalar' || d.kind(r) === 'scalar')) return d.scalar;
  if (!d.unify(l, r, error)) return d.fail(error);
  return d.moreKnown(l, r);
};

/** The matrix product (a scalar on either side scales the other). */
function matMul<S, M extends S, D>(d: ShapeDomain<S, M, D>, [l = d.scalar, r = d.scalar]: readonly S[]): S | undefined {
  if (d.kind(l) === 'scalar') return r;
  if (d.kind(r) === 'scalar') return l;
  const lm = d.asMatrix(l) as M;
  const rm = d.asMatrix(r) as M;
  const error = lazyMismatch(
    d,
    d.now(() => `cannot multiply ${d.text(lm)} by ${d.text(rm)}: inner dimensions ${d.dimText(d.cols(lm))} and ${d.dimText(d.rows(rm))} differ`),
  );
  if (!d.unifyDim(d.cols(lm), d.rows(rm), error)) return d.fail(error);
  return d.matrix(d.rows(lm), d.cols(rm));
}

const kronecker: ShapeRule<'Kronecker'> = (d, _, [l = d.scalar, r = d.scalar]) => {
  const lm = d.asMatrix(l);
  const rm = d.asMatrix(r);
  if (lm === undefined || rm === undefined) {
    return d.fail(lazyMismatch(d, () => `the Kronecker product needs matrices: left is ${d.text(l)}, right is ${d.text(r)}`));
  }
  return d.matrix(d.product(d.rows(lm), d.rows(rm)), d.product(d.cols(lm), d.cols(rm)));
};

function transpose<S, M extends S, D>(d: ShapeDomain<S, M, D>, [x = d.scalar]: readonly S[]): S | undefined {
  if (d.kind(x) === 'scalar') return d.scalar;
  const m = d.asMatrix(x) as M; // not a scalar: a matrix, or open and now a matrix
  return d.matrix(d.cols(m), d.rows(m));
}

/** A power or an inverse (`what`): a scalar, a square matrix, or an open shape checked square at the end. */
function squareOrScalar<S, M extends S, D>(d: ShapeDomain<S, M, D>, x: S, what: string): S | undefined {
  const kind = d.kind(x);
  if (kind === 'open') {
    d.deferSquare(x, lazyMismatch(d, () => `${what} needs a square matrix, got ${d.text(x)}`, 0));
    return x;
  }
  return kind === 'scalar' ? x : square(d, x, what);
}

const diag: ShapeRule<'Diag'> = (d, _, [v = d.scalar]) => {
  const m = d.asMatrix(v);
  const error = lazyMismatch(d, () => `diag needs a column vector n×1, got ${d.text(v)}`, 0);
  if (m === undefined || !d.unifyDim(d.cols(m), d.one, error)) return d.fail(error);
  return d.matrix(d.rows(m), d.rows(m));
};

const entry: ShapeRule<'Entry'> = (d, _, kids) => {
  const m = kids[0] ?? d.scalar;
  if (d.asMatrix(m) === undefined) return d.fail(lazyMismatch(d, () => `an entry needs a matrix, got ${d.text(m)}`, 0));
  return scalarOnly(d, kids, 1, 'the row index') && scalarOnly(d, kids, 2, 'the column index') ? d.scalar : undefined;
};

const claim: ShapeRule<'Claim'> = (d, node, [x = d.scalar]) => {
  if (node.property === 'nonnegative' || node.property === 'binary' || d.kind(x) === 'scalar') return x;
  return square(d, x, `the claim ${node.property}`) === undefined ? undefined : x;
};

/**
 * For each node type, its one shape rule (the `satisfies` check makes a new node type need one):
 * core's unification (`inferShapes`) and every known-shape path (`shapeByRule`: inference's fast
 * path, rewrite's terms) run this table, so they agree by construction.
 */
export const SHAPE_RULES = {
  Identifier: (d, node, _, givens) => d.identifier(node.name, givens),
  NumberLiteral: (d) => d.scalar,
  MatrixLiteral: matrixLiteral,
  Hadamard: hadamard,
  Add: sameShape,
  Sub: sameShape,
  Equal: sameShape,
  NotEqual: sameShape,
  MatMul: (d, _, kids) => matMul(d, kids),
  Kronecker: kronecker,
  Neg: (d, _, [x = d.scalar]) => x,
  Sum: (d, _, [x = d.scalar]) => x,
  ScalarMul: (d, _, kids) => (scalarOnly(d, kids, 0, 'the scalar factor') ? (kids[1] ?? d.scalar) : undefined),
  Transpose: (d, _, kids) => transpose(d, kids),
  HadamardPower: (d, _, kids) => (scalarOnly(d, kids, 1, 'the exponent') ? (kids[0] ?? d.scalar) : undefined),
  MatrixPower: (d, _, kids) => (scalarOnly(d, kids, 1, 'the exponent') ? squareOrScalar(d, kids[0] ?? d.scalar, 'a matrix power') : undefined),
  Inverse: (d, _, [x = d.scalar]) => squareOrScalar(d, x, 'the inverse'),
  Ones: (d, node) => d.sized(node.rows, node.cols),
  Zero: (d, node) => (node.rows === undefined && node.cols === undefined ? d.freshShape() : d.sized(node.rows, node.cols)),
  Identity: (d, node) => (node.size !== undefined ? d.sized(node.size, node.size) : d.freshSquare()),
  Diag: diag,
  DiagVec: (d, _, [x = d.scalar]) => {
    const m = square(d, x, 'diagvec');
    return m === undefined ? undefined : d.matrix(d.rows(m), d.one);
  },
  Trace: (d, _, [x = d.scalar]) => (square(d, x, 'the trace') === undefined ? undefined : d.scalar),
  Det: (d, _, [x = d.scalar]) => (square(d, x, 'the determinant') === undefined ? undefined : d.scalar),
  Entry: entry,
  Claim: claim,
} satisfies { readonly [T in ExprType]: ShapeRule<T> };

const NO_GIVENS: Givens = new Map();

/**
 * The shape of `node` by its type's rule in `SHAPE_RULES` on known shapes (the ground domain),
 * given its children's shapes (in `childrenOf` order); undefined when they do not fit or a size
 * must come from context (unification decides those).
 */
export function shapeByRule(node: ShapeNode, kids: readonly Shape[], givens: Givens = NO_GIVENS): Shape | undefined {
  const rule = SHAPE_RULES[node.type] as ShapeRule<ExprType>;
  return rule<Shape, MatrixShape, Dim>(GROUND, node, kids, givens);
}
