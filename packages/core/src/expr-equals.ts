import type { Expr } from './expr.ts';
import { nodeLabel } from './node-label.ts';
import { childrenOf } from './visitor-keys.ts';

/** Structural equality of two expressions, ignoring spans; iterative, so deep trees are fine. */
export function exprEquals(a: Expr, b: Expr): boolean {
  const stack: [Expr, Expr][] = [[a, b]];
  while (stack.length > 0) {
    const [x, y] = stack.pop() as [Expr, Expr];
    if (x === y) continue;
    if (x.type !== y.type || nodeLabel(x) !== nodeLabel(y)) return false;
    const xs = childrenOf(x);
    const ys = childrenOf(y);
    if (xs.length !== ys.length) return false;
    for (let i = 0; i < xs.length; i++) stack.push([xs[i] as Expr, ys[i] as Expr]);
  }
  return true;
}
