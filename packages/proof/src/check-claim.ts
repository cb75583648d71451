import { printExpr } from '@odot/core';
import type { CheckContext } from './check-options.ts';
import { policyProblem, unknownLaws } from './citations.ts';
import { describeMissing, missingHints } from './diagnose-step.ts';
import { shapeProblem } from './guard.ts';
import type { ClaimLine } from './proof-ast.ts';
import type { StepReport } from './report.ts';
import { report } from './step-report.ts';

/** Checks `CLAIM by LAW`: property inference proves the claim from the givens, with the cited law in its justification. */
export function checkClaimLine(line: ClaimLine, context: CheckContext): StepReport {
  const early =
    unknownLaws(line, 'claim', line.laws, context, ['algebra']) ?? policyProblem(line, 'claim', line.laws, context) ?? shapeProblem(line, 'claim', line.laws, line.statement.operand, context);
  if (early) return early;
  const names = line.laws.map((law) => law.name);
  if (names.includes('algebra') && !context.allowAlgebra) {
    return report(line, 'claim', line.laws, 'algebra-forbidden', '`by algebra` is not allowed here: cite the law that proves the claim');
  }
  const verdict = context.backend.claims(line.statement, context.givens, names);
  if (!verdict.holds) {
    if (verdict.missing && verdict.missing.length > 0) {
      return report(line, 'claim', line.laws, 'side-condition', describeMissing(verdict.missing), { hints: missingHints(verdict.missing, context.givens) });
    }
    const why = verdict.explanation ? `: ${verdict.explanation}` : '';
    return report(line, 'claim', line.laws, 'claim-unproved', `${printExpr(line.statement, 'plain')} does not follow from the givens${why}`);
  }
  if (names.includes('algebra') || names.some((name) => verdict.laws.includes(name))) return report(line, 'claim', line.laws, 'ok', verdict.explanation);
  return report(line, 'claim', line.laws, 'wrong-law', `the claim is true, but by ${verdict.laws.join(', ') || 'the givens'}, not by ${names.join(', ')}`, { hints: [verdict.explanation] });
}
