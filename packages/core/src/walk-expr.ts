import type { Expr } from './expr.ts';
import { tick } from './budget.ts';
import { childrenOf } from './visitor-keys.ts';

/**
 * Visits every node depth-first, parents before children, children in source order, without
 * recursion. `visit` gets the node, its parent and the path of child indices from the root
 * (one array reused across calls: copy it to keep it); returning `false` skips the node's children.
 * Each node ticks against the active budgets (`tick`), so a walk inside a budgeted call stops with it.
 */
export function walkExpr(
  e: Expr,
  // A visitor returns `false` to skip the children, or nothing at all to go on.
  // eslint-disable-next-line @typescript-eslint/no-invalid-void-type
  visit: (node: Expr, parent: Expr | undefined, path: readonly number[]) => boolean | void,
): void {
  const path: number[] = [];
  const stack: { node: Expr; parent: Expr | undefined; depth: number; index: number }[] = [
    { node: e, parent: undefined, depth: 0, index: 0 },
  ];
  while (stack.length > 0) {
    tick();
    const { node, parent, depth, index } = stack.pop() as (typeof stack)[number];
    path.length = depth;
    if (depth > 0) path[depth - 1] = index;
    if (visit(node, parent, path) === false) continue;
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) {
      stack.push({ node: children[i] as Expr, parent: node, depth: depth + 1, index: i });
    }
  }
}
