import { childrenOf, sumIndices, indexNames, tick, type Expr } from '@odot/core';
import type { AppliedStep } from './applied-step.ts';
import { exprKey, freeNames, normalizeBound, renameApart, replaceAt } from './expr-tools.ts';
import { findEntrywiseLaw } from './entrywise-laws.ts';
import { conditionsHold, failingSizes, instantiate, kindOf, matchPattern, type KindContext, type SizeCondition, type ValueKind } from './pattern.ts';

const SCALAR_ENOUGH: ReadonlySet<ValueKind> = new Set(['scalar', 'open']);

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
  return applications(expr, name, context, false).map((found) => found.step);
}

/**
 * The applications of `name` to `expr` that only a `size` condition forbids (def_kron at a block
 * index whose size is not the factor's), each with the conditions it fails: for the diagnosis.
 */
export function sizeRelaxedApplications(expr: Expr, name: string, context: Omit<KindContext, 'indices'>): { step: AppliedStep; failing: SizeCondition[] }[] {
  return applications(expr, name, context, true).filter((found) => found.failing.length > 0);
}

/** The loop of `applyEntrywiseLaw`; with `relaxSizes`, `size` conditions are reported instead of enforced. */
function applications(expr: Expr, name: string, context: Omit<KindContext, 'indices'>, relaxSizes: boolean): { step: AppliedStep; failing: SizeCondition[] }[] {
  const law = findEntrywiseLaw(name);
  if (!law) return [];
  // Sibling sums get their own index names first (the results are normalised again below).
  const source = renameApart(expr);
  const indices = indexNames(expr);
  const kinds: KindContext = { givens: context.givens, indices };
  const avoid = new Set([...freeNames(expr), ...indices]);
  const out: { step: AppliedStep; failing: SizeCondition[] }[] = [];
  const seen = new Set<string>();
  for (const { path, node } of positions(source)) {
    // A unit of work for the enclosing search's budget (core's `withBudget`): its time limit is read here.
    tick();
    for (const rule of law.rules) {
      if (relaxSizes && !rule.conditions.some((c) => c.kind === 'size')) continue;
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
        if ([...freeNames(to)].some((name) => rule.variables.has(name) && !binding.has(name) && !sumIndices(to).has(name))) continue;
        // A law of numbers applies to a number, or to what is built of bare 0s and numbers (open: a zero matrix obeys it too).
        if (rule.scalarOnly && !SCALAR_ENOUGH.has(kindOf(node, kinds))) continue;
        const built = instantiate(to, rule.variables, binding, avoid);
        if (!conditionsHold(rule, binding, kinds, relaxSizes)) continue;
        const replaced = replaceAt(source, path, built);
        if (!replaced) continue;
        const after = normalizeBound(replaced);
        const key = exprKey(after);
        if (seen.has(key)) continue;
        seen.add(key);
        const failing = relaxSizes ? failingSizes(rule, binding, kinds) : [];
        // `before` is the expression with its sums renamed apart, as the substitution reads it (the same up to bound names).
        out.push({ step: { law: name, direction, path, substitution: Object.fromEntries(binding), before: source, after, origin: 'entrywise' }, failing });
      }
    }
  }
  return out;
}
