import { Budget, LimitReached, withBudget, type Expr, type Givens, type Limit } from '@odot/core';
import { reverseStep, type AppliedStep } from './applied-step.ts';
import { exprKey, normalizeBound } from './expr-tools.ts';
import type { LawEngine } from './law-engine.ts';

/** Limits of the bounded search for a step. */
export interface SearchLimits {
  /** Most law applications accepted for one step (default 4). */
  readonly maxApplications: number;
  /** Most distinct expressions visited (default 5000). */
  readonly maxNodes: number;
  /** Wall-clock budget in milliseconds (default 2000). */
  readonly timeLimitMs: number;
}

/** The default search limits. */
export const DEFAULT_LIMITS: SearchLimits = { maxApplications: 4, maxNodes: 5000, timeLimitMs: 2000 };

/** What a bounded search found. */
export interface SearchResult {
  /** The applications leading from the start to the target, when found. */
  readonly steps?: readonly AppliedStep[];
  /** Distinct expressions visited. */
  readonly explored: number;
  /** Which limit stopped the search before it was exhausted, if any: `{kind: 'nodes' | 'time', value}`. */
  readonly limit?: Limit;
}

/** One expression reached by the search, with the application that reached it. */
interface Visit {
  readonly expr: Expr;
  readonly via?: AppliedStep;
  readonly parent?: Visit;
  readonly depth: number;
  /** True once a catalogue law was used on the way. */
  readonly catalogue: boolean;
}

/** The applications from the start to `visit`, in order. */
function trail(visit: Visit): AppliedStep[] {
  const out: AppliedStep[] = [];
  for (let at: Visit | undefined = visit; at?.via; at = at.parent) out.push(at.via);
  return out.reverse();
}

/**
 * Breadth-first search from `from` to `to` using only the laws `laws` (each application in either
 * direction at any position), up to `limits.maxApplications` applications. Expressions are compared
 * up to spans and the names of summation indices. The node and time limits (core's `Budget`) are
 * checked inside the loops, the engines' matching included; the one that stopped the search is
 * returned as `limit: {kind, value}`.
 */
export function searchSteps(
  from: Expr,
  to: Expr,
  laws: readonly string[],
  engine: LawEngine,
  givens: Givens,
  limits: SearchLimits = DEFAULT_LIMITS,
  sameCanonical?: (a: Expr, b: Expr) => boolean,
): SearchResult {
  const start = normalizeBound(from);
  const goalKey = exprKey(to);
  if (exprKey(start) === goalKey) return { steps: [], explored: 1 };
  const seen = new Set<string>([exprKey(start)]);
  // Time is read inside the loops (here and, through `withBudget`, in the engines' matching loops).
  const budget = new Budget({ timeLimitMs: limits.timeLimitMs });
  try {
    return withBudget(budget, () => breadthFirst({ start, to, goalKey, laws, engine, givens, limits, seen, budget, sameCanonical }));
  } catch (error) {
    if (error instanceof LimitReached) return { explored: seen.size, limit: error.limit };
    throw error;
  }
}

interface SearchState {
  readonly start: Expr;
  readonly to: Expr;
  readonly goalKey: string;
  readonly laws: readonly string[];
  readonly engine: LawEngine;
  readonly givens: Givens;
  readonly limits: SearchLimits;
  /** Keys of the expressions visited (the node limit counts them). */
  readonly seen: Set<string>;
  readonly budget: Budget;
  readonly sameCanonical: ((a: Expr, b: Expr) => boolean) | undefined;
}

/** The applications of one law, or none when the engine fails on this expression (a limit still stops the search). */
function applicationsOf(state: SearchState, expr: Expr, law: string): readonly AppliedStep[] {
  // An engine says "does not apply" with no applications; a throw (a bug, or the budget's
  // LimitReached, which the caller turns into `limit`) propagates.
  return state.engine.apply(expr, law, state.givens);
}

/** The breadth-first loop of `searchSteps`; throws `LimitReached` when the node or time limit is hit. */
function breadthFirst(state: SearchState): SearchResult {
  const { seen, limits, budget } = state;
  // A catalogue law works on canonical forms: once one was applied, the canonical form of the result counts.
  const reached = (visit: Visit, key: string): boolean =>
    key === state.goalKey || (visit.catalogue && state.sameCanonical !== undefined && state.sameCanonical(visit.expr, state.to));
  let frontier: Visit[] = [{ expr: state.start, depth: 0, catalogue: false }];
  while (frontier.length > 0) {
    const next: Visit[] = [];
    for (const visit of frontier) {
      if (visit.depth >= limits.maxApplications) continue;
      for (const law of state.laws) {
        budget.tick();
        for (const step of applicationsOf(state, visit.expr, law)) {
          budget.tick();
          const key = exprKey(step.after);
          if (seen.has(key)) continue;
          budget.check(seen.size < limits.maxNodes, { kind: 'nodes', value: limits.maxNodes });
          seen.add(key);
          const child: Visit = {
            expr: normalizeBound(step.after),
            via: step,
            parent: visit,
            depth: visit.depth + 1,
            catalogue: visit.catalogue || step.origin === 'catalogue',
          };
          if (reached(child, key)) return { steps: trail(child), explored: seen.size };
          next.push(child);
        }
      }
    }
    frontier = next;
  }
  return { explored: seen.size };
}

/**
 * `searchSteps` from `from` to `to`, then, if that fails, from `to` back to `from` (laws apply in both
 * directions, and a law that introduces names, like `0 = 0[i,j]` by `def_zero`, is only matched the
 * other way). The returned trail reads from `from` to `to`; `replayable` holds the steps as found.
 * The two directions share one time limit; the node limit holds for each.
 */
export function searchBothWays(
  from: Expr,
  to: Expr,
  laws: readonly string[],
  engine: LawEngine,
  givens: Givens,
  limits: SearchLimits = DEFAULT_LIMITS,
  sameCanonical?: (a: Expr, b: Expr) => boolean,
): SearchResult & { readonly replayable?: readonly AppliedStep[] } {
  const started = Date.now();
  const forward = searchSteps(from, to, laws, engine, givens, limits, sameCanonical);
  if (forward.steps) return { ...forward, replayable: forward.steps };
  if (forward.limit?.kind === 'time') return forward;
  // One time limit for both directions (the node limit holds per direction).
  const remaining = Math.max(0, limits.timeLimitMs - (Date.now() - started));
  const backward = searchSteps(to, from, laws, engine, givens, { ...limits, timeLimitMs: remaining }, sameCanonical);
  const explored = forward.explored + backward.explored;
  const limit = backward.limit?.kind === 'time' ? { kind: 'time' as const, value: limits.timeLimitMs } : (forward.limit ?? backward.limit);
  if (!backward.steps) return { explored, ...(limit ? { limit } : {}) };
  return { steps: [...backward.steps].reverse().map(reverseStep), replayable: backward.steps, explored };
}
