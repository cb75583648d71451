import type { Expr } from '@odot/core';
import type { RewriteStep } from '@odot/rewrite';

/**
 * One application of a law, as the checker records it: rewrite's `RewriteStep` (the one step type
 * of odot: law, direction, path, children, before, after), with the substitution as a map and the
 * rule set that produced it. `path` holds child indices from the root to the rewritten
 * sub-expression (`childrenOf` order; for catalogue steps, in the canonical term of `before`).
 */
export interface AppliedStep extends Omit<RewriteStep, 'substitution' | 'conditions'> {
  /** The law's variables bound to sub-expressions. */
  readonly substitution: ReadonlyMap<string, Expr>;
  /** Which rule set produced it: the entrywise calculus of this package, or rewrite's catalogue. */
  readonly origin: 'entrywise' | 'catalogue';
}

/** A recorded application read the other way round (a trail found from the target back to the start, an unfolding walked back). */
export function reverseStep(step: AppliedStep): AppliedStep {
  return { ...step, direction: step.direction === 'forward' ? 'backward' : 'forward', before: step.after, after: step.before };
}
