import type { Expr, Givens } from '@odot/core';
import { formatValue, identityTest, isMatrix, matrixRows, testedSizesText, type Value } from '@odot/numeric';
import type { NumericVerdict } from './backend.ts';
import type { Counterexample } from './report.ts';

/** A value on one line: `[[1, 2], [3, 4]]` for a matrix, `7` or `-1/2` for a scalar. */
export function formatValueInline(value: Value): string {
  if (isMatrix(value)) return `[${matrixRows(value).map((row) => `[${row.join(', ')}]`).join(', ')}]`;
  return formatValue(value);
}

/** Options of the numeric cross-check. */
export interface NumericCheckOptions {
  /** Seed of the random instances (default 1): checking is deterministic. */
  readonly seed?: number;
  /** Time budget in milliseconds per comparison (default 3000). */
  readonly timeLimitMs?: number;
}

/**
 * Compares two expressions by numeric identity testing (`@odot/numeric`'s `identityTest`: exact
 * evaluation modulo a large prime on random instances of the givens, free entry indices drawn too);
 * a difference comes back as a small exact counterexample.
 */
export function numericCompare(a: Expr, b: Expr, givens: Givens, options: NumericCheckOptions = {}): NumericVerdict {
  let verdict;
  try {
    verdict = identityTest(a, b, givens, { seed: options.seed ?? 1, timeLimitMs: options.timeLimitMs ?? 3000 });
  } catch (error) {
    return { verdict: 'unknown', reason: (error as Error).message };
  }
  switch (verdict.verdict) {
    case 'equal':
      return {
        verdict: 'equal',
        detail: verdict.untestedSizes
          ? `equal on ${verdict.trials} random instances at the sizes ${testedSizesText(verdict.sizes)} (error probability ≤ ${verdict.errorBound.toPrecision(2)} there; other sizes untested)`
          : `equal on ${verdict.trials} random instances, error probability ≤ ${verdict.errorBound.toPrecision(2)}`,
      };
    case 'different': {
      const cx = verdict.counterexample;
      const bindings = [...cx.bindings].map(([name, value]) => `${name} = ${formatValueInline(value)}`);
      const indices = [...cx.indices].map(([name, value]) => `${name} = ${value}`);
      const counterexample: Counterexample = {
        bindings: [...bindings, ...indices],
        left: formatValueInline(cx.left),
        right: formatValueInline(cx.right),
      };
      return { verdict: 'different', counterexample };
    }
    case 'unknown':
      return { verdict: 'unknown', reason: verdict.reason };
    case 'error':
      return { verdict: 'unknown', reason: verdict.error.message };
  }
}
