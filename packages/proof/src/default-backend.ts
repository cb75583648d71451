import type { Expr, Givens } from '@odot/core';
import { lawsDoingStep } from '@odot/rewrite';
import type { CheckerBackend } from './backend.ts';
import { catalogueBackend } from './catalogue.ts';
import { entrywiseRules } from './entrywise-rules.ts';
import { replayStep } from './replay.ts';
import { orWhenStopped } from './stopped.ts';
import { exprKey } from './expr-tools.ts';
import { combineEngines, entrywiseEngine } from './law-engine.ts';
import { numericCompare } from './numeric-check.ts';

let cached: CheckerBackend | undefined;

/** Whether an entrywise law turns `from` into `to` as written (a caller's budget running out means no). */
function entrywiseDoes(from: Expr, to: Expr, name: string, givens: Givens): boolean {
  if (!entrywiseEngine.knows(name)) return false;
  const target = exprKey(to);
  return orWhenStopped(() => entrywiseEngine.apply(from, name, givens).some((step) => exprKey(step.after) === target), false);
}

/** `CheckerBackend.stepDoers`: catalogue laws by rewrite's `lawsDoingStep`, entrywise laws by applying them. */
function stepDoers(from: Expr, to: Expr, names: readonly string[], givens: Givens): readonly string[] | undefined {
  const catalogue = lawsDoingStep(from, to, names, givens);
  if (catalogue === undefined) return undefined;
  const doers = new Set(catalogue);
  return names.filter((name) => doers.has(name) || entrywiseDoes(from, to, name, givens));
}

/**
 * The lighter identity test for steps already accepted by the search and the replay: one trial
 * modulo p at one generic size assignment (sizes ≥ 3). The law itself was tested at every size, 1
 * and 2 included, by rewrite's law tests; what this catches is a matcher or search bug, which shows
 * at a generic size. Exact arithmetic runs only on a disagreement (the counterexample is confirmed
 * over ℚ before the step is rejected).
 */
const CROSS_CHECK = { trials: 1, sizeSets: 1, smallSizes: false, exactTrials: 0 } as const;

/**
 * The checker's standard backend: rewrite's law catalogue plus this package's entrywise calculus
 * for citations, numeric identity testing for cross-checks and counterexamples, rewrite's property
 * inference for claims and its `equivalent` for `by algebra`.
 */
export function defaultBackend(): CheckerBackend {
  if (cached) return cached;
  const catalogue = catalogueBackend();
  cached = {
    engine: combineEngines([catalogue.engine, entrywiseEngine]),
    numeric: (a, b, givens, purpose) => numericCompare(a, b, givens, purpose === 'cross-check' ? CROSS_CHECK : {}),
    claims: catalogue.claims,
    algebra: catalogue.algebra,
    replay: (step, givens) => (step.origin === 'entrywise' ? replayStep(step, entrywiseRules(step.law)) : catalogue.replay(step, givens)),
    canonicallyEqual: catalogue.canonicallyEqual,
    stepDoers,
    missingConditions: catalogue.missingConditions,
    relaxGivens: catalogue.relaxGivens,
    lawRule: catalogue.lawRule,
  };
  return cached;
}
