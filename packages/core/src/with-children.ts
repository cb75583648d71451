import type { Expr } from './expr.ts';
import { VISITOR_KEYS, childrenOf } from './visitor-keys.ts';

/**
 * A copy of `node` whose children (in `childrenOf` order) are replaced by `children`; returns
 * `node` itself when every child is the same object. The span and other fields are kept.
 */
export function withChildren(node: Expr, children: readonly Expr[]): Expr {
  const old = childrenOf(node);
  if (old.length !== children.length) {
    throw new Error(`withChildren: ${node.type} has ${old.length} children, got ${children.length}`);
  }
  if (old.every((c, i) => c === children[i])) return node;
  const copy: Record<string, unknown> = { ...node };
  const record = node as unknown as Record<string, unknown>;
  let at = 0;
  for (const key of VISITOR_KEYS[node.type]) {
    if (key === 'rows') {
      const rows = record[key] as readonly (readonly Expr[])[];
      copy[key] = rows.map((row) => row.map(() => children[at++] as Expr));
    } else {
      copy[key] = children[at++];
    }
  }
  return copy as unknown as Expr;
}
