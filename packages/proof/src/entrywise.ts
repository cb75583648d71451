import { childrenOf, indexNames, tick, type Expr } from '@odot/core';
import type { AppliedStep } from './applied-step.ts';
import { exprKey, freeNames, normalizeBound, replaceAt } from './expr-tools.ts';
import { findEntrywiseLaw } from './entrywise-laws.ts';
import { conditionsHold, instantiate, kindOf, matchPattern, type KindContext } from './pattern.ts';

/** The names bound by sums inside a pattern. */
function binders(pattern: Expr, out: Set<string> = new Set()): Set<string> {
  if (pattern.type === 'Sum') out.add(pattern.index);
  for (const child of childrenOf(pattern)) binders(child, out);
  return out;
}

/**
 * Every position of `expr` where a law may apply, as a path with its sub-expression, root first.
 * The row and column of an entry are indices, not values: laws never rewrite inside them.
 */
export function positions(expr: Expr): { path: number[]; node: Expr }[] {
  const out: { path: number[]; node: Expr }[] = [];
  const stack: { path: number[]; node: Expr }[] = [{ path: [], node: expr }];
  while (stack.length > 0) {
    const item = stack.pop() as { path: number[]; node: Expr };
    out.push(item);
    const children = item.node.type === 'Entry' ? [item.node.matrix] : childrenOf(item.node);
    for (let i = children.length - 1; i >= 0; i--) stack.push({ path: [...item.path, i], node: children[i] as Expr });
  }
  return out;
}

/**
 * Every single application of the entrywise law `name` to `expr`, in both directions (except the
 * expanding direction of a law whose side is a bare variable, like `a = a · 1`) and at every
 * position, honouring its side conditions. Results have their summation indices normalised.
 * Each position counts against the active budget (`tick`), so a search over a huge expression stops
 * at its time limit.
 */
export function applyEntrywiseLaw(expr: Expr, name: string, context: Omit<KindContext, 'indices'>): AppliedStep[] {
  const law = findEntrywiseLaw(name);
  if (!law) return [];
  const indices = indexNames(expr);
  const kinds: KindContext = { givens: context.givens, indices };
  const avoid = new Set([...freeNames(expr), ...indices]);
  const out: AppliedStep[] = [];
  const seen = new Set<string>();
  for (const { path, node } of positions(expr)) {
    // A unit of work for the enclosing search's budget (core's `withBudget`): its time limit is read here.
    tick();
    for (const rule of law.rules) {
      for (const direction of ['forward', 'backward'] as const) {
        const from = direction === 'forward' ? rule.lhs : rule.rhs;
        const to = direction === 'forward' ? rule.rhs : rule.lhs;
        // A bare variable matches everything (`a` → `a · 1` anywhere): such expanding directions are
        // not searched; the checker searches from the other end too, where the law collapses.
        if (from.type === 'Identifier' && rule.variables.has(from.name)) continue;
        const binding = new Map<string, Expr>();
        if (!matchPattern(from, node, rule.variables, binding)) continue;
        // A side that would need a name it cannot know (`0 → 0[r,c]`) is not applied this way round:
        // only summation indices may be invented (fresh).
        if ([...freeNames(to)].some((name) => rule.variables.has(name) && !binding.has(name) && !binders(to).has(name))) continue;
        if (rule.scalarOnly && kindOf(node, kinds) !== 'scalar') continue;
        const built = instantiate(to, rule.variables, binding, avoid);
        if (!conditionsHold(rule, binding, kinds)) continue;
        const replaced = replaceAt(expr, path, built);
        if (!replaced) continue;
        const after = normalizeBound(replaced);
        const key = exprKey(after);
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ law: name, direction, path, substitution: binding, before: expr, after, origin: 'entrywise' });
      }
    }
  }
  return out;
}
