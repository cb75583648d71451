import type { Expr, Givens } from '@odot/core';
import type { AppliedStep } from './applied-step.ts';
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
  /** Which limit stopped the search before it was exhausted, if any. */
  readonly limit?: 'nodes' | 'time';
}

/**
 * Breadth-first search from `from` to `to` using only the laws `laws` (each application in either
 * direction at any position), up to `limits.maxApplications` applications. Expressions are compared
 * up to spans and the names of summation indices.
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
  // A catalogue law works on canonical forms: once one was applied, the canonical form of the result counts.
  const reached = (visit: { readonly expr: Expr; readonly catalogue: boolean }, key: string): boolean =>
    key === goalKey || (visit.catalogue && sameCanonical !== undefined && sameCanonical(visit.expr, to));
  const started = Date.now();
  interface Visit {
    readonly expr: Expr;
    readonly via?: AppliedStep;
    readonly parent?: Visit;
    readonly depth: number;
    /** True once a catalogue law was used on the way. */
    readonly catalogue: boolean;
  }
  const seen = new Set<string>([exprKey(start)]);
  const trail = (visit: Visit): AppliedStep[] => {
    const out: AppliedStep[] = [];
    for (let at: Visit | undefined = visit; at?.via; at = at.parent) out.unshift(at.via);
    return out;
  };
  if (exprKey(start) === goalKey) return { steps: [], explored: 1 };
  let frontier: Visit[] = [{ expr: start, depth: 0, catalogue: false }];
  while (frontier.length > 0) {
    const next: Visit[] = [];
    for (const visit of frontier) {
      if (visit.depth >= limits.maxApplications) continue;
      for (const law of laws) {
        if (Date.now() - started > limits.timeLimitMs) return { explored: seen.size, limit: 'time' };
        // An engine says "does not apply" with no applications; a throw is a bug and propagates.
        for (const step of engine.apply(visit.expr, law, givens)) {
          const key = exprKey(step.after);
          if (seen.has(key)) continue;
          seen.add(key);
          const child: Visit = {
            expr: normalizeBound(step.after),
            via: step,
            parent: visit,
            depth: visit.depth + 1,
            catalogue: visit.catalogue || step.origin === 'catalogue',
          };
          if (reached(child, key)) return { steps: trail(child), explored: seen.size };
          if (seen.size >= limits.maxNodes) return { explored: seen.size, limit: 'nodes' };
          next.push(child);
        }
      }
    }
    frontier = next;
  }
  return { explored: seen.size };
}

/** A recorded application read the other way round (for a trail found from the target back to the start). */
function reverseStep(step: AppliedStep): AppliedStep {
  return { ...step, direction: step.direction === 'forward' ? 'backward' : 'forward', before: step.after, after: step.before };
}

/**
 * `searchSteps` from `from` to `to`, then, if that fails, from `to` back to `from` (laws apply in both
 * directions, and a law that introduces names, like `0 = 0[i,j]` by `def_zero`, is only matched the
 * other way). The returned trail reads from `from` to `to`; `replayable` holds the steps as found.
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
  const forward = searchSteps(from, to, laws, engine, givens, limits, sameCanonical);
  if (forward.steps) return { ...forward, replayable: forward.steps };
  const backward = searchSteps(to, from, laws, engine, givens, limits, sameCanonical);
  const explored = forward.explored + backward.explored;
  const limit = forward.limit ?? backward.limit;
  if (!backward.steps) return { explored, ...(limit ? { limit } : {}) };
  return { steps: [...backward.steps].reverse().map(reverseStep), replayable: backward.steps, explored };
}
