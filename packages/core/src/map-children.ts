import type { Expr } from './expr.ts';
import { childrenOf } from './visitor-keys.ts';
import { withChildren } from './with-children.ts';

/**
 * Applies `f` to each direct child and rebuilds the node; returns the same object when `f`
 * returned every child unchanged (so a walker that changes nothing allocates nothing).
 */
export function mapChildren(e: Expr, f: (child: Expr, index: number) => Expr): Expr {
  const children = childrenOf(e);
  if (children.length === 0) return e;
  return withChildren(
    e,
    children.map((c, i) => f(c, i)),
  );
}
