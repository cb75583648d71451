import type { CheckerBackend } from './backend.ts';
import { catalogueBackend } from './catalogue.ts';
import { entrywiseRules } from './entrywise-rules.ts';
import { replayStep } from './replay.ts';
import { combineEngines, entrywiseEngine } from './law-engine.ts';
import { numericCompare } from './numeric-check.ts';

let cached: CheckerBackend | undefined;

/** The lighter identity test for steps already accepted by the search and the replay. */
const CROSS_CHECK = { trials: 1, sizeSets: 1 } as const;

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
    missingConditions: catalogue.missingConditions,
    relaxGivens: catalogue.relaxGivens,
    lawRule: catalogue.lawRule,
  };
  return cached;
}
