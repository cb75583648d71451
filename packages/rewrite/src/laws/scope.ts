import { childrenOf, sumIndices, type Expr } from '@odot/core';

/**
 * For each name in `names` that occurs in `e`: the summation indices whose sum encloses every one
 * of its occurrences (`a Σ_k(b)`: a ↦ {}, b ↦ {k}).
 */
export function enclosingSums(e: Expr, names: ReadonlySet<string>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const stack: { node: Expr; scope: readonly string[] }[] = [{ node: e, scope: [] }];
  while (stack.length > 0) {
    const { node, scope } = stack.pop() as { node: Expr; scope: readonly string[] };
    if (node.type === 'Identifier' && names.has(node.name)) {
      const before = out.get(node.name);
      out.set(node.name, before === undefined ? new Set(scope) : new Set(scope.filter((k) => before.has(k))));
    }
    const inner = node.type === 'Sum' ? [...scope, node.index] : scope;
    for (const child of childrenOf(node)) stack.push({ node: child, scope: inner });
  }
  return out;
}

/**
 * The pairs (summation index k, variable v) where v must not contain k: v stands outside the sum
 * over k on one side of `lhs = rhs` (so a k inside v would be captured or freed by the law).
 */
export function notFreePairs(lhs: Expr, rhs: Expr, variables: ReadonlySet<string>): { index: string; variable: string }[] {
  const binders = sumIndices(rhs, sumIndices(lhs));
  if (binders.size === 0) return [];
  const left = enclosingSums(lhs, variables);
  const right = enclosingSums(rhs, variables);
  const out: { index: string; variable: string }[] = [];
  for (const variable of variables) {
    const sides = [left.get(variable), right.get(variable)].filter((s): s is Set<string> => s !== undefined);
    if (sides.length === 0) continue;
    for (const index of binders) if (!sides.every((s) => s.has(index))) out.push({ index, variable });
  }
  return out;
}
