import type { Budget, Givens } from '@odot/core';
import type { CheckerBackend } from './backend.ts';
import { defaultBackend } from './default-backend.ts';
import type { ParseProofOptions } from './parse-proof.ts';
import type { Goal } from './proof-ast.ts';
import { DEFAULT_LIMITS, type SearchLimits } from './search.ts';

/** An exercise's policy: how laws are matched and which ones a step may cite (the grader's proof questions carry it). */
export interface ExercisePolicy {
  /**
   * Laws as stated: no matching up to the order and grouping of ⊙ and + (a law still applies in
   * either direction), and one law application per step unless `limits.maxApplications` says otherwise.
   */
  readonly strict: boolean;
  /** When set, the only laws a step may cite (names or aliases); citing another is `circular` (forbidden here). */
  readonly allow?: readonly string[];
  /** Laws a step may not cite in this exercise (names or aliases): citing one is `circular`. */
  readonly forbid: readonly string[];
}

/** Options of the checker: the exercise's policy (default: not strict, nothing forbidden), limits and engines. */
export interface CheckOptions extends ParseProofOptions, Partial<ExercisePolicy> {
  /** Whether `by algebra` (the engine justifies the step itself) is accepted; default true. */
  readonly allowAlgebra?: boolean;
  /**
   * Search limits per step (defaults: 4 applications, 5000 expressions, 2000 ms). `maxApplications`
   * is the most law applications one step may take; a true step that needs more is `too-big`.
   */
  readonly limits?: Partial<SearchLimits>;
  /** The engines used; tests may replace them. Default: rewrite's catalogue + the entrywise calculus + numeric. */
  readonly backend?: CheckerBackend;
  /**
   * A running budget for the whole check (the grader's per-answer time budget): each line's search
   * gets at most the time it has left, and once it runs out no further line is checked:
   * `checkProofAgainst` answers with its `limit`; `checkProof` and `checkTheorem` let its
   * `LimitReached` go to the caller that opened the budget, as every budgeted engine does.
   */
  readonly budget?: Budget;
}

/** Everything a line check needs: the givens, the engines, the limits and the exercise's policy. */
export interface CheckContext extends ExercisePolicy {
  readonly givens: Givens;
  readonly backend: CheckerBackend;
  readonly limits: SearchLimits;
  readonly allowAlgebra: boolean;
  /** The statement being proved (set by `checkLines`): citing it is circular. */
  readonly goal?: Goal;
  /** The whole check's running budget (`CheckOptions.budget`), when there is one. */
  readonly budget?: Budget;
}

/** The context `checkLines` needs, built from givens and options. */
export function checkContext(givens: Givens, options: CheckOptions = {}): CheckContext {
  const strict = options.strict ?? false;
  return {
    givens,
    backend: options.backend ?? defaultBackend(),
    limits: { ...DEFAULT_LIMITS, ...(strict ? { maxApplications: 1 } : {}), ...options.limits },
    allowAlgebra: options.allowAlgebra ?? true,
    strict,
    ...(options.allow === undefined ? {} : { allow: options.allow }),
    forbid: options.forbid ?? [],
    ...(options.budget === undefined ? {} : { budget: options.budget }),
  };
}
