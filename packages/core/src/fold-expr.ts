import type { Expr } from './expr.ts';
import { foldTree } from './fold-tree.ts';
import { childrenOf } from './visitor-keys.ts';

/**
 * Bottom-up fold without recursion: `combine(node, results of its children)` is called once per
 * occurrence, children first (`foldTree` over the `childrenOf` keys). Safe on trees of any depth
 * (long left-deep chains included). Each node ticks against the active budgets (`tick`), so a fold
 * inside a budgeted call stops with it.
 */
export function foldExpr<T>(root: Expr, combine: (node: Expr, children: readonly T[]) => T): T {
  return foldTree<Expr, T>(root, (node) => ({ children: childrenOf(node), combine: (results) => combine(node, results) }));
}
