import type { Expr } from './expr.ts';
import { tick } from './budget.ts';
import { childrenOf } from './visitor-keys.ts';

/**
 * Bottom-up fold without recursion: `combine(node, results of its children)` is called once per
 * occurrence, children first. Safe on trees of any depth (long left-deep chains included). Each
 * node ticks against the active budgets (`tick`), so a fold inside a budgeted call stops with it.
 */
export function foldExpr<T>(root: Expr, combine: (node: Expr, children: readonly T[]) => T): T {
  interface Frame {
    readonly node: Expr;
    readonly children: readonly Expr[];
    readonly results: T[];
  }
  const stack: Frame[] = [{ node: root, children: childrenOf(root), results: [] }];
  let last: T | undefined;
  while (stack.length > 0) {
    tick();
    const top = stack[stack.length - 1] as Frame;
    if (top.results.length < top.children.length) {
      const child = top.children[top.results.length] as Expr;
      stack.push({ node: child, children: childrenOf(child), results: [] });
      continue;
    }
    stack.pop();
    const value = combine(top.node, top.results);
    const parent = stack[stack.length - 1];
    if (parent) parent.results.push(value);
    else last = value;
  }
  return last as T;
}
