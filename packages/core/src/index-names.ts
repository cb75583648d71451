import type { Expr } from './expr.ts';
import { childrenOf } from './visitor-keys.ts';
import { walkExpr } from './walk-expr.ts';

/**
 * Every name used as an index: the names in the row or column of an entry (`i` of `A[i,j]`, and
 * `i`, `k` of `(A ⊗ B)[(i - 1) p + k, j]`: index arithmetic) and the index of a sum. An index is
 * an integer scalar; a declared name (`p: natural`) keeps its declaration wherever it is used.
 */
export function indexNames(expr: Expr, out: Set<string> = new Set()): Set<string> {
  walkExpr(expr, (node) => {
    if (node.type === 'Entry') {
      for (const position of [node.row, node.col]) {
        walkExpr(position, (inner) => {
          if (inner.type === 'Identifier') out.add(inner.name);
          return inner.type !== 'Entry'; // an entry inside an index is visited by the outer walk
        });
      }
    } else if (node.type === 'Sum') out.add(node.index);
  });
  return out;
}

/**
 * The summation indices bound anywhere in `expr` (`k` of `Σ_k(…)`), added to `out` parents before
 * children, children in source order (an outer sum's index before an inner one's). Without
 * recursion.
 */
export function sumIndices(expr: Expr, out: Set<string> = new Set()): Set<string> {
  const stack = [expr];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.type === 'Sum') out.add(node.index);
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Expr);
  }
  return out;
}
