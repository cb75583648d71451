import { formatLimit, printExpr, type Expr } from '@odot/core';
import type { AppliedStep } from './applied-step.ts';
import type { CheckContext } from './check-options.ts';
import { scalarProductsAsProducts } from './pattern.ts';
import type { SplitStep } from './report.ts';
import { searchBothWays, type SearchLimits, type SearchResult } from './search.ts';
import { orWhenStopped } from './stopped.ts';

/** What a step search found, with the trail read from the previous line to this one. */
export type StepSearch = SearchResult & { readonly replayable?: readonly AppliedStep[] };

/** Searches for `from` → `to` by the laws `names` within `limits`, both ways, comparing catalogue results up to canonical form. */
export function searchStep(from: Expr, to: Expr, names: readonly string[], context: CheckContext, limits: SearchLimits = context.limits): StepSearch {
  const { backend, givens } = context;
  const same = (a: Expr, b: Expr): boolean => backend.canonicallyEqual(a, b, givens);
  const found: StepSearch = searchBothWays(scalarProductsAsProducts(from, givens), scalarProductsAsProducts(to, givens), names, backend.engine, givens, limits, same);
  if (!found.steps || !isDetour(found.steps) || !same(from, to)) return found;
  const { steps: _detour, replayable: _replay, ...rest } = found;
  return rest;
}

/**
 * A trail that applies a law and later undoes it (the same law in both directions): when the two
 * ends are equal up to order and grouping anyway, such a trail only hides a reordering behind the
 * law (`a c (b d) = a b (c d) by mul_one` via a · 1), so it does not count as doing the step.
 */
function isDetour(steps: readonly AppliedStep[]): boolean {
  const seen = new Map<string, string>();
  for (const step of steps) {
    const before = seen.get(step.law);
    if (before !== undefined && before !== step.direction) return true;
    seen.set(step.law, step.direction);
  }
  return false;
}

/** The applications of one law, or none when the engine cannot apply it to the expression. */
export function safeApply(context: CheckContext, expr: Expr, name: string): readonly AppliedStep[] {
  // Inside a caller's budget the engines' matching may stop at its limit: no applications then.
  return orWhenStopped(() => context.backend.engine.apply(expr, name, context.givens), []);
}

/** `transpose_hadamard, hadamard_comm (2 applications)`. */
export function describeApplications(trace: readonly AppliedStep[]): string {
  if (trace.length === 0) return 'the two sides are already the same';
  const names = [...new Set(trace.map((step) => step.law))];
  return `${names.join(', ')} (${trace.length} application${trace.length === 1 ? '' : 's'})`;
}

/** A trail as the lines a student would write: one law application each, ending at `to` as written. */
export function splitOf(trace: readonly AppliedStep[], to: Expr): SplitStep[] {
  return trace.map((step, k) => ({ expr: printExpr(k === trace.length - 1 ? to : step.after, 'plain'), law: step.law }));
}

/** `= X by law₁, then = Y by law₂`: a split in words. */
export function describeSplit(split: readonly SplitStep[]): string {
  return split.map((step) => `= ${step.expr} by ${step.law}`).join(', then ');
}

/** A search's limit in words, when one stopped it. */
export function limitText(search: StepSearch): string | undefined {
  return search.limit ? `search stopped at its limit (${formatLimit(search.limit)})` : undefined;
}
