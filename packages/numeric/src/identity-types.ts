import type { Limit, OdotError } from '@odot/core';
import type { NumberTable } from './evaluate.ts';
import type { Counterexample } from './counterexample.ts';

/** Options of `identityTest`. */
export interface IdentityTestOptions {
  /** Seed of the random draws (default 1); the test is deterministic for a seed. */
  readonly seed?: number;
  /** Trials modulo p per size assignment (default 4; at least 64 when a symbol is binary). */
  readonly trials?: number;
  /** How many size assignments of distinct sizes ≥ 3 for the symbolic dimensions (default 3); then every symbolic size 1, and every one 2. */
  readonly sizeSets?: number;
  /** Sizes to use for some symbolic dimensions in every assignment. */
  readonly sizes?: NumberTable;
  /** The prime (default 2⁶¹ − 1). */
  readonly prime?: bigint;
  /** Ranges of summation indices that no entry tells. */
  readonly sumRanges?: NumberTable;
  /** Wall-clock limit in milliseconds (default 5000). */
  readonly timeLimitMs?: number;
  /**
   * Whether every symbolic size is also tried at 1 and at 2 (default true). A cross-check of a step
   * already verified symbolically may skip them: one generic size assignment then.
   */
  readonly smallSizes?: boolean;
  /**
   * Exact trials over ℚ with small integer entries after each size assignment's modular trials
   * (default 3; they also catch a difference that p divides). 0 leaves exact arithmetic to a
   * difference found modulo p, which is still confirmed over ℚ before it is reported.
   */
  readonly exactTrials?: number;
}

/**
 * The outcome of `identityTest`. `equal`: every trial agreed; `errorBound` is the probability
 * that an identity false at one of the tested size assignments passes all its trials
 * (Schwartz–Zippel: degree bound / p per trial, compounded over independent trials).
 * `different`: an exact counterexample. `unknown`: no trial could run (every draw singular, or
 * the time limit). `error`: the expressions are ill-formed (shape errors with spans).
 */
export type IdentityVerdict =
  | {
      readonly verdict: 'equal';
      readonly errorBound: number;
      readonly trials: number;
      readonly sizes: readonly ReadonlyMap<string, number>[];
      readonly prime: bigint;
      readonly degree: number;
      /**
       * True when the expressions have symbolic sizes: `errorBound` covers the size assignments
       * tried (every size at 1 and 2, then larger ones); at sizes never tried the test proves nothing.
       */
      readonly untestedSizes: boolean;
      readonly explanation: string;
      /** Set when the time limit stopped the trials early (`{kind: 'time', value}`); the bound covers the trials run. */
      readonly limit?: Limit;
    }
  | { readonly verdict: 'different'; readonly counterexample: Counterexample; readonly explanation: string }
  | { readonly verdict: 'unknown'; readonly reason: string }
  | { readonly verdict: 'error'; readonly error: OdotError };
