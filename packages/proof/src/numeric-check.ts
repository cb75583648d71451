import type { Expr, Givens } from '@odot/core';
import { identityTest, testedSizesText } from '@odot/numeric';
import type { NumericVerdict } from './backend.ts';

/** Options of the numeric cross-check. */
export interface NumericCheckOptions {
  /** Seed of the random instances (default 1): checking is deterministic. */
  readonly seed?: number;
  /** Time budget in milliseconds per comparison (default 3000). */
  readonly timeLimitMs?: number;
  /** Trials per size assignment (identityTest's default when absent). */
  readonly trials?: number;
  /** Size assignments with sizes ≥ 3 (identityTest's default when absent). */
  readonly sizeSets?: number;
  /** Whether symbolic sizes are also tried at 1 and 2 (identityTest's default, true, when absent). */
  readonly smallSizes?: boolean;
  /** Exact trials with small integers per size assignment (identityTest's default when absent). */
  readonly exactTrials?: number;
}

/**
 * Compares two expressions by numeric identity testing (`@odot/numeric`'s `identityTest`: exact
 * evaluation modulo a large prime on random instances of the givens, free entry indices drawn too);
 * a difference comes back as a small exact counterexample.
 */
export function numericCompare(a: Expr, b: Expr, givens: Givens, options: NumericCheckOptions = {}): NumericVerdict {
  // identityTest returns its errors as values (`verdict: 'error'`); a throw is a bug and propagates.
  const verdict = identityTest(a, b, givens, {
    seed: options.seed ?? 1,
    timeLimitMs: options.timeLimitMs ?? 3000,
    ...(options.trials === undefined ? {} : { trials: options.trials }),
    ...(options.sizeSets === undefined ? {} : { sizeSets: options.sizeSets }),
    ...(options.smallSizes === undefined ? {} : { smallSizes: options.smallSizes }),
    ...(options.exactTrials === undefined ? {} : { exactTrials: options.exactTrials }),
  });
  switch (verdict.verdict) {
    case 'equal':
      return {
        verdict: 'equal',
        detail: verdict.untestedSizes
          ? `equal on ${verdict.trials} random instances at the sizes ${testedSizesText(verdict.sizes)} (error probability ≤ ${verdict.errorBound.toPrecision(2)} there; other sizes untested)`
          : `equal on ${verdict.trials} random instances, error probability ≤ ${verdict.errorBound.toPrecision(2)}`,
      };
    case 'different':
      return { verdict: 'different', counterexample: verdict.counterexample };
    case 'unknown':
      return { verdict: 'unknown', reason: verdict.reason };
    case 'error':
      return { verdict: 'unknown', reason: verdict.error.message };
  }
}
