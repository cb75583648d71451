import type { Expr } from '@odot/core';
import type { RewriteStep } from '@odot/rewrite';

/**
 * One application of a law, as the checker records it: rewrite's `RewriteStep` (the one step type
 * of odot: law, direction, path, children, substitution as a plain record, before, after), with
 * the rule set that produced it. `path` holds child indices from the root to the rewritten
 * sub-expression (`childrenOf` order; for catalogue steps, in the canonical term of `before`).
 * Plain data: it serialises to JSON and compares structurally.
 */
export interface AppliedStep extends Omit<RewriteStep, 'conditions'> {
  /** Which rule set produced it: the entrywise calculus of this package, or rewrite's catalogue. */
  readonly origin: 'entrywise' | 'catalogue';
}

/** What a step's substitution binds `variable` to (own keys only: a variable named `constructor` is not Object's). */
export function boundTo(substitution: AppliedStep['substitution'], variable: string): Expr | undefined {
  return Object.hasOwn(substitution, variable) ? substitution[variable] : undefined;
}

/** A recorded application read the other way round (a trail found from the target back to the start, an unfolding walked back). */
export function reverseStep(step: AppliedStep): AppliedStep {
  return { ...step, direction: step.direction === 'forward' ? 'backward' : 'forward', before: step.after, after: step.before };
}
