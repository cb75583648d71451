import type { Givens } from './declaration.ts';
import { OdotException, type Result, fail, odotError, ok } from './error.ts';
import type { Expr } from './expr.ts';
import type { Shape } from './shape.ts';
import type { ShapeKind } from './shape-domain.ts';
import { SHAPE_RULES, type ShapeRule } from './shape-rules.ts';
import { Inference, SCALAR_T, type ShapeTerm, describe, notInTree } from './shape-inference.ts';
import { UnifyDomain } from './unify-domain.ts';
import { childrenOf } from './visitor-keys.ts';
import { indexNames } from './index-names.ts';
import { type ShapeTable, knownShapes } from './known-shapes.ts';
import { tick } from './budget.ts';

export type { ShapeTable } from './known-shapes.ts';
export type { ShapeKind } from './shape-domain.ts';

/** The shape term of `node` by its type's rule in `SHAPE_RULES` (the unification domain), from its children's (`kids`). */
function unifyRule(inf: Inference, node: Expr, kids: readonly ShapeTerm[], bound: ReadonlySet<string>, givens: Givens): ShapeTerm {
  const rule = SHAPE_RULES[node.type] as ShapeRule<Expr['type']>;
  const shape = rule(new UnifyDomain(inf, givens, node, kids, bound), node, kids, givens);
  // The unification domain throws where a rule fails and has every size it asks for.
  if (shape === undefined) throw new OdotException(odotError('internal-error', `no shape term for ${describe(node)}`));
  return shape;
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
 * Both steps run the one table `SHAPE_RULES`: first on known shapes (the fast path, which also
 * sizes a bare `J`, `0`, `I` by the chain it stands in), then by unification when a size is open.
 */
export function inferShapes(expr: Expr, givens: Givens = new Map()): Result<ShapeTable> {
  const known = knownShapes(expr, givens);
  return known ? ok(known) : inferShapesByUnification(expr, givens);
}

/**
 * `inferShapes` by unification alone, without the fast path on known shapes: the reference the
 * fast path is tested against (core's and rewrite's tests compare the two on every node).
 */
export function inferShapesByUnification(expr: Expr, givens: Givens = new Map()): Result<ShapeTable> {
  const outcome = run(expr, givens);
  if (!outcome.ok) return outcome;
  const { inf, root } = outcome.value;
  const cache = new Map<Expr, Shape>();
  const termOf = (node: Expr): ShapeTerm => {
    const term = inf.table.get(node);
    if (term === undefined) throw notInTree(node);
    return term;
  };
  const shapeOf = (node: Expr): Shape => {
    const known = cache.get(node);
    if (known !== undefined) return known;
    const shape = inf.publicShape(termOf(node));
    cache.set(node, shape);
    return shape;
  };
  return ok({ shape: inf.publicShape(root), shapeOf, kindOf: (node: Expr): ShapeKind => inf.kind(termOf(node)) });
}

/** The shape of an expression (see `inferShapes`): `A ⊙ J` with `A: m×n` is m×n; `A B` with both 2×3 fails. */
export function inferShape(expr: Expr, givens: Givens = new Map()): Result<Shape> {
  const known = knownShapes(expr, givens);
  if (known) return ok(known.shape);
  const outcome = run(expr, givens);
  return outcome.ok ? ok(outcome.value.inf.publicShape(outcome.value.root)) : outcome;
}
