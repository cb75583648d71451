import type { Expr } from '@odot/core';
import { acceptFound } from './accept-step.ts';
import { checkAlgebraStep } from './check-algebra.ts';
import type { CheckContext } from './check-options.ts';
import { circularCitation, policyProblem, unknownLaws } from './citations.ts';
import { resolveDefinition } from './definition.ts';
import { diagnoseFailure } from './diagnose-step.ts';
import { shapeProblem } from './guard.ts';
import type { LawCitation } from './proof-ast.ts';
import { reorderingVerdict } from './reordering.ts';
import type { StepReport } from './report.ts';
import type { LineRef } from './step-report.ts';
import { searchStep } from './step-search.ts';

/**
 * Checks that `from` becomes `to` by the cited laws; the heart of the checker. In order: the cited
 * names (unknown or forbidden), the shape of `to`, `by algebra`, a bounded search by the
 * cited laws (accepted after cross-checks, unless the law restates the goal: circular), a pure reordering, and else the diagnosis of why not.
 */
export function checkTransition(from: Expr, to: Expr, cited: readonly LawCitation[], line: LineRef, kind: 'step' | 'equation', context: CheckContext): StepReport {
  const laws = resolveDefinition(from, to, cited, context.backend.engine);
  const early = unknownLaws(line, kind, laws, context, ['algebra']) ?? policyProblem(line, kind, laws, context) ?? shapeProblem(line, kind, laws, to, context);
  if (early) return early;
  const names = laws.map((law) => law.name);
  if (names.includes('algebra')) return checkAlgebraStep(from, to, laws, line, kind, context);
  const search = searchStep(from, to, names, context);
  if (search.steps) return circularCitation(line, kind, laws, context) ?? acceptFound(from, to, laws, line, kind, context, search);
  return reorderingVerdict(from, to, laws, line, kind, context) ?? diagnoseFailure(from, to, laws, line, kind, context, search);
}
