import type { Givens } from './declaration.ts';
import { dimEquals, dimProduct } from './dim.ts';
import type { ExprOf, ExprType } from './expr.ts';
import { SCALAR, type MatrixShape, type Shape, matrixShape, shapeEquals } from './shape.ts';
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
 * One shape rule: the node's shape from its children's shapes (in `childrenOf` order) when they
 * are known, or undefined when they do not fit or a size must come from context. Leaves read
 * the declarations. Core's unification (`inferShapes`) decides the cases with open sizes and
 * words the errors; on known shapes both agree (`shape-rules.test.ts` checks it).
 */
type ShapeRule<T extends ExprType> = (node: ShapeNode<T>, kids: readonly Shape[], givens: Givens) => Shape | undefined;

const isScalarLike = (s: Shape): boolean => s.kind === 'scalar' || (s.rows === 1 && s.cols === 1);
const matrixOf = (s: Shape | undefined): MatrixShape | undefined => (s?.kind === 'matrix' ? s : undefined);
const squareOf = (s: Shape | undefined): MatrixShape | undefined => {
  const m = matrixOf(s);
  return m && dimEquals(m.rows, m.cols) ? m : undefined;
};

/** `+`, `−`, `=`, `≠`: one shape on both sides; a known 1×1 matrix beside a scalar stands for it. */
const sameShape = (_: unknown, [l, r]: readonly Shape[]): Shape | undefined => {
  if (!l || !r) return undefined;
  if (isScalarLike(l) && isScalarLike(r) && (l.kind === 'scalar' || r.kind === 'scalar')) return SCALAR;
  return shapeEquals(l, r) ? l : undefined;
};

/** A sized `J` or `0` (`J_n` is n×n); unsized ones take their size from context. */
const sized = (node: ShapeNode<'Ones' | 'Zero'>): Shape | undefined =>
  node.rows === undefined ? undefined : matrixShape(node.rows, node.cols ?? node.rows);

/** For each node type, its shape rule (the `satisfies` check makes a new node type need one). */
export const SHAPE_RULES = {
  Identifier: (node, _, givens) => givens.get(node.name)?.shape,
  NumberLiteral: () => SCALAR,
  MatrixLiteral: (node, kids) => {
    const width = node.rows[0]?.length ?? 0;
    if (width === 0 || node.rows.some((row) => row.length !== width) || kids.some((k) => k.kind !== 'scalar')) return undefined;
    return matrixShape(node.rows.length, width);
  },
  Hadamard: (_, [l, r]) => (matrixOf(l) && r && shapeEquals(l as Shape, r) ? l : undefined),
  Add: sameShape,
  Sub: sameShape,
  Equal: sameShape,
  NotEqual: sameShape,
  MatMul: (_, [l, r]) => {
    if (l?.kind === 'scalar') return r;
    if (r?.kind === 'scalar') return l;
    const lm = matrixOf(l);
    const rm = matrixOf(r);
    return lm && rm && dimEquals(lm.cols, rm.rows) ? matrixShape(lm.rows, rm.cols) : undefined;
  },
  Kronecker: (_, [l, r]) => {
    const lm = matrixOf(l);
    const rm = matrixOf(r);
    return lm && rm ? matrixShape(dimProduct([lm.rows, rm.rows]), dimProduct([lm.cols, rm.cols])) : undefined;
  },
  Neg: (_, [x]) => x,
  Sum: (_, [x]) => x,
  ScalarMul: (_, [c, x]) => (c?.kind === 'scalar' ? x : undefined),
  Transpose: (_, [x]) => (x?.kind === 'matrix' ? matrixShape(x.cols, x.rows) : x),
  HadamardPower: (_, [x, k]) => (k?.kind === 'scalar' ? x : undefined),
  MatrixPower: (_, [x, k]) => (k?.kind === 'scalar' && (x?.kind === 'scalar' || squareOf(x)) ? x : undefined),
  Inverse: (_, [x]) => (x?.kind === 'scalar' || squareOf(x) ? x : undefined),
  Ones: (node) => sized(node),
  Zero: (node) => sized(node),
  Identity: (node) => (node.size === undefined ? undefined : matrixShape(node.size, node.size)),
  Diag: (_, [v]) => {
    const m = matrixOf(v);
    return m && dimEquals(m.cols, 1) ? matrixShape(m.rows, m.rows) : undefined;
  },
  DiagVec: (_, [x]) => {
    const m = squareOf(x);
    return m ? matrixShape(m.rows, 1) : undefined;
  },
  Trace: (_, [x]) => (squareOf(x) ? SCALAR : undefined),
  Det: (_, [x]) => (squareOf(x) ? SCALAR : undefined),
  Entry: (_, [m, i, j]) => (matrixOf(m) && i?.kind === 'scalar' && j?.kind === 'scalar' ? SCALAR : undefined),
  Claim: (node, [x]) => (node.property === 'nonnegative' || node.property === 'binary' || x?.kind === 'scalar' || squareOf(x) ? x : undefined),
} satisfies { readonly [T in ExprType]: ShapeRule<T> };

/**
 * The shape of `node` by its type's rule in `SHAPE_RULES`, given its children's known shapes (in
 * `childrenOf` order); undefined when they do not fit or a size must come from context.
 */
export function shapeByRule(node: ShapeNode, kids: readonly Shape[], givens: Givens = new Map()): Shape | undefined {
  const rule = SHAPE_RULES[node.type] as ShapeRule<typeof node.type>;
  return rule(node, kids, givens);
}
