import type { Givens } from './declaration.ts';
import { OdotException, type Result, fail, odotError, ok } from './error.ts';
import type { Expr } from './expr.ts';
import type { Shape } from './shape.ts';
import { shapeByRule } from './shape-rules.ts';
import { Inference, SCALAR_T, type ShapeTerm, describe } from './shape-inference.ts';
import { unifyRule } from './unify-rules.ts';
import { childrenOf } from './visitor-keys.ts';
import { indexNames } from './index-names.ts';
import { foldTree, type FoldStep } from './fold-tree.ts';
import { tick } from './budget.ts';

/** The shape of every node of a tree, with inference variables resolved. */
export interface ShapeTable {
  /** The shape of the root. */
  readonly shape: Shape;
  /** The shape of any node of the tree (by object identity; a shared subtree reports its first occurrence). */
  shapeOf(node: Expr): Shape;
  /** Whether a node of the tree is a scalar, a matrix, or still open (a bare `0` nothing decided; `shapeOf` reads it as a scalar). */
  kindOf(node: Expr): ShapeKind;
}

/** What inference knows of a node's shape: a scalar, a matrix, or open (either, nothing decided it). */
export type ShapeKind = 'scalar' | 'matrix' | 'open';

/** Node types whose shape needs unification even when every child's is known (indices, scopes, a scalar beside a 1×1 matrix). */
const UNIFIED: ReadonlySet<Expr['type']> = new Set(['Entry', 'Sum']);
const SAME_SHAPE: ReadonlySet<Expr['type']> = new Set(['Add', 'Sub', 'Equal', 'NotEqual']);

/**
 * The fast path of `inferShapes`: every node's shape bottom-up by core's `SHAPE_RULES`, when each
 * is known (every symbol declared, every J, 0, I sized) and nothing needs unification (no entries
 * or sums; no scalar beside a matrix in +, − or =). On such trees the rules and unification agree
 * (`infer-shape.test.ts` compares every node); anything else is undefined and unification decides.
 * Iterative, ticking the active budgets once per node as unification does.
 */
function knownShapes(expr: Expr, givens: Givens): ShapeTable | undefined {
  const table = new Map<Expr, Shape>();
  const expand = (node: Expr): FoldStep<Expr, Shape | undefined> => {
    if (UNIFIED.has(node.type)) return { children: [], combine: () => undefined };
    return {
      children: childrenOf(node),
      combine: (kids) => {
        const shapes = kids as Shape[]; // a child without a shape has ended the fold already
        if (SAME_SHAPE.has(node.type) && shapes.some((s) => s.kind !== shapes[0]?.kind)) return undefined;
        const shape = shapeByRule(node, shapes, givens);
        if (shape && !table.has(node)) table.set(node, shape);
        return shape;
      },
    };
  };
  // The first node without a known shape ends the walk: unification decides then.
  const root = foldTree<Expr, Shape | undefined>(expr, expand, { aborts: (s) => s === undefined });
  if (!root) return undefined;
  const shapeOf = (node: Expr): Shape => {
    const shape = table.get(node);
    if (shape === undefined) throw new OdotException(odotError('unknown-node', `shapeOf: the node ${describe(node)} is not part of this tree`));
    return shape;
  };
  return { shape: root, shapeOf, kindOf: (node) => shapeOf(node).kind };
}

function run(expr: Expr, givens: Givens): Result<{ inf: Inference; root: ShapeTerm }> {
  const inf = new Inference(givens, indexNames(expr));
  interface Frame {
    readonly node: Expr;
    readonly children: readonly Expr[];
    readonly results: ShapeTerm[];
    readonly bound: ReadonlySet<string>;
  }
  const none: ReadonlySet<string> = new Set();
  const stack: Frame[] = [{ node: expr, children: childrenOf(expr), results: [], bound: none }];
  let root: ShapeTerm = SCALAR_T;
  try {
    while (stack.length > 0) {
      tick();
      const top = stack[stack.length - 1] as Frame;
      if (top.results.length < top.children.length) {
        const child = top.children[top.results.length] as Expr;
        const bound = top.node.type === 'Sum' ? new Set([...top.bound, top.node.index]) : top.bound;
        stack.push({ node: child, children: childrenOf(child), results: [], bound });
        continue;
      }
      stack.pop();
      const shape = unifyRule(inf, top.node, top.results, top.bound, givens);
      if (!inf.table.has(top.node)) inf.table.set(top.node, shape);
      const parent = stack[stack.length - 1];
      if (parent) parent.results.push(shape);
      else root = shape;
    }
    inf.finish();
  } catch (e) {
    if (e instanceof OdotException) return fail(e.error);
    throw e;
  }
  return ok({ inf, root });
}

/**
 * Infers the shape of every node by unification with symbolic dimensions. Declared symbols take
 * their shape from `givens`; undeclared ones are matrices of unknown size (indices are scalars);
 * `J`, `0` and `I` without a size take it from context. Mismatches fail with code `shape-mismatch`.
 */
export function inferShapes(expr: Expr, givens: Givens = new Map()): Result<ShapeTable> {
  const known = knownShapes(expr, givens);
  return known ? ok(known) : inferShapesByUnification(expr, givens);
}

/** `inferShapes` by unification alone, without the fast path for known shapes (the tests compare the two). */
export function inferShapesByUnification(expr: Expr, givens: Givens = new Map()): Result<ShapeTable> {
  const outcome = run(expr, givens);
  if (!outcome.ok) return outcome;
  const { inf, root } = outcome.value;
  const cache = new Map<Expr, Shape>();
  const termOf = (node: Expr): ShapeTerm => {
    const term = inf.table.get(node);
    if (term === undefined) {
      throw new OdotException(odotError('unknown-node', `shapeOf: the node ${describe(node)} is not part of this tree`));
    }
    return term;
  };
  const shapeOf = (node: Expr): Shape => {
    const known = cache.get(node);
    if (known !== undefined) return known;
    const shape = inf.publicShape(termOf(node));
    cache.set(node, shape);
    return shape;
  };
  const kindOf = (node: Expr): ShapeKind => {
    const k = inf.shape(termOf(node)).k;
    return k === 'svar' ? 'open' : k;
  };
  return ok({ shape: inf.publicShape(root), shapeOf, kindOf });
}

/** The shape of an expression (see `inferShapes`): `A ⊙ J` with `A: m×n` is m×n; `A B` with both 2×3 fails. */
export function inferShape(expr: Expr, givens: Givens = new Map()): Result<Shape> {
  const known = knownShapes(expr, givens);
  if (known) return ok(known.shape);
  const outcome = run(expr, givens);
  return outcome.ok ? ok(outcome.value.inf.publicShape(outcome.value.root)) : outcome;
}
