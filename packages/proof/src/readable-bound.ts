import { identifier, mapChildren, type Expr } from '@odot/core';
import { freeNames } from './expr-tools.ts';
import { freshName } from './pattern.ts';

/**
 * `expr` with the search's internal bound-index names (`%0`, …, from `normalizeBound`) replaced by
 * readable fresh ones (`k`, `l`, …) that avoid its free names and the `reserved` ones (the declared
 * symbols and sizes: `Σ_q` beside a size q would read as the size), so the expression can be
 * printed as proof text.
 */
export function readableBound(expr: Expr, reserved: ReadonlySet<string> = new Set()): Expr {
  const avoid = new Set([...freeNames(expr), ...reserved]);
  const names = new Map<string, string>();
  const rename = (name: string): string => {
    if (!name.startsWith('%')) return name;
    let fresh = names.get(name);
    if (fresh === undefined) {
      fresh = freshName(new Set([...avoid, ...names.values()]));
      names.set(name, fresh);
    }
    return fresh;
  };
  const visit = (node: Expr): Expr => {
    if (node.type === 'Identifier') return node.name.startsWith('%') ? identifier(rename(node.name)) : node;
    if (node.type === 'Sum') return { ...node, index: rename(node.index), body: visit(node.body) };
    return mapChildren(node, visit);
  };
  return visit(expr);
}
