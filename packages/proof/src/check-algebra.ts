import { formatCounterexample, type Counterexample } from '@odot/numeric';
import type { Expr } from '@odot/core';
import type { CheckContext } from './check-options.ts';
import type { LawCitation } from './proof-ast.ts';
import type { StepReport } from './report.ts';
import { report, type LineRef } from './step-report.ts';

/** A counterexample to a step, in words: `with A = …: the previous line is … but this line is …`. */
export function stepCounterexample(cx: Counterexample): string {
  return formatCounterexample(cx, { left: 'the previous line', right: 'this line' });
}

/** Checks a step cited `by algebra`: the engine decides it by itself (or numbers do, and the message says so). */
export function checkAlgebraStep(from: Expr, to: Expr, laws: readonly LawCitation[], line: LineRef, kind: 'step' | 'equation', context: CheckContext): StepReport {
  const { backend, givens } = context;
  if (!context.allowAlgebra) {
    const law = laws.find((l) => l.name === 'algebra') as LawCitation;
    return report(line, kind, laws, 'algebra-forbidden', '`by algebra` is not allowed here: cite the laws that justify the step', { span: law.span });
  }
  const verdict = backend.algebra(from, to, givens);
  switch (verdict.verdict) {
    case 'proved': {
      const numeric = backend.numeric(from, to, givens);
      if (numeric.verdict === 'different') {
        return report(line, kind, laws, 'engine-mismatch', `internal cross-check failed, step rejected: the engine claims a proof, but ${stepCounterexample(numeric.counterexample)}`, {
          counterexample: numeric.counterexample,
        });
      }
      const used = verdict.laws.length > 0 ? ` (${[...new Set(verdict.laws)].join(', ')})` : '';
      return report(line, kind, laws, 'ok', `by algebra: the engine proves it${used}`, {
        numeric: numeric.verdict === 'equal' ? numeric.detail : `not checked numerically: ${numeric.reason}`,
      });
    }
    case 'equal-by-testing':
      return report(line, kind, laws, 'ok', `by algebra: equal by numeric identity testing (${verdict.detail}); no symbolic proof was found`, { numeric: verdict.detail });
    case 'refuted':
      return verdict.counterexample
        ? report(line, kind, laws, 'false', `this step is false: ${stepCounterexample(verdict.counterexample)}`, { counterexample: verdict.counterexample })
        : report(line, kind, laws, 'false', 'this step is false');
    case 'unknown':
      return report(line, kind, laws, 'wrong-law', `by algebra: the engine could not decide this step (${verdict.reason})`);
  }
}
