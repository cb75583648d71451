import type { Expr } from '@odot/core';
import type { AppliedStep } from './applied-step.ts';
import type { CheckContext } from './check-options.ts';
import { entrywiseEngine } from './law-engine.ts';

/** The entrywise definitions (`def_hadamard`, `def_matmul`, `def_trace`, …): the catalogue's `def_` laws as the checker applies them. */
export const DEFINITIONS: readonly string[] = entrywiseEngine.names.filter((name) => name.startsWith('def_'));

/**
 * The definitions unfolded greedily from `expr`: the first forward application of a `def_` law
 * (not among `exclude`), repeated at most `rounds` times — where an entrywise chain heads. Each
 * application is returned in order; the last one's `after` is the unfolded expression.
 */
export function unfoldSteps(expr: Expr, context: CheckContext, rounds: number, exclude: ReadonlySet<string> = new Set()): AppliedStep[] {
  const definitions = DEFINITIONS.filter((name) => !exclude.has(name));
  const steps: AppliedStep[] = [];
  let current = expr;
  for (let round = 0; round < rounds; round++) {
    const step = definitions.flatMap((name) => context.backend.engine.apply(current, name, context.givens)).find((s) => s.direction === 'forward');
    if (!step) break;
    steps.push(step);
    current = step.after;
  }
  return steps;
}
