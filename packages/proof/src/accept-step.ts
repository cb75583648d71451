import { printExpr, type Expr } from '@odot/core';
import { asStated, statedDoers } from './as-stated.ts';
import { stepCounterexample } from './check-algebra.ts';
import type { CheckContext } from './check-options.ts';
import { canonicalLaw, citable } from './citations.ts';
import type { LawCitation } from './proof-ast.ts';
import type { StepReport } from './report.ts';
import { report, type LineRef } from './step-report.ts';
import { describeApplications, describeSplit, type StepSearch } from './step-search.ts';

const show = (expr: Expr): string => printExpr(expr, 'plain');

/**
 * A step the search found: cross-checked by numbers and by an independent replay of every
 * application, then judged for how the law was used — as stated, or only up to the order and
 * grouping of ⊙ and + (accepted with a note by default, rejected under `strict`).
 */
export function acceptFound(from: Expr, to: Expr, laws: readonly LawCitation[], line: LineRef, kind: 'step' | 'equation', context: CheckContext, search: StepSearch): StepReport {
  const { backend, givens } = context;
  const steps = search.steps ?? [];
  const numeric = backend.numeric(from, to, givens, 'cross-check');
  if (numeric.verdict === 'different') {
    return report(line, kind, laws, 'engine-mismatch', `internal cross-check failed, step rejected: the laws seemed to apply, but ${stepCounterexample(numeric.counterexample)}`, {
      counterexample: numeric.counterexample,
    });
  }
  for (const step of search.replayable ?? steps) {
    const replay = backend.replay(step, givens);
    if (replay && !replay.ok) return report(line, kind, laws, 'engine-mismatch', `internal replay of ${step.law} failed, step rejected: ${replay.reason}`);
  }
  const numericText = numeric.verdict === 'equal' ? numeric.detail : `not checked numerically: ${numeric.reason}`;
  const used = asStated(from, to, steps, context);
  if (used.kind === 'stated') return report(line, kind, laws, 'ok', `by ${describeApplications(steps)}`, { trace: steps, numeric: numericText });
  const law = steps[0]?.law ?? '';
  const how = used.kind === 'via' ? `after ${used.via.join(', ')}` : 'up to the order and grouping of ⊙ and +';
  if (!context.strict) {
    return report(line, kind, laws, 'ok', `by ${law} ${how} (1 application): ${law} as stated is ${backend.engine.statement(law) ?? law}`, {
      trace: steps,
      numeric: numericText,
      ...(used.kind === 'via' ? { via: used.via } : {}),
    });
  }
  const cited = laws.map((l) => l.name);
  if (used.kind === 'via' && used.via.every((name) => cited.includes(name))) {
    const split = used.route.map((r) => ({ expr: show(r.expr), law: r.law }));
    const message = `the step is true, but it takes ${split.length} law applications as stated and strict mode allows ${context.limits.maxApplications} in one step: split it: ${describeSplit(split)}`;
    return report(line, kind, laws, 'too-big', message, { split, numeric: numericText });
  }
  const others = [...new Set(backend.engine.names.map(canonicalLaw))].filter((name) => name !== canonicalLaw(law) && citable(name, context));
  const doers = statedDoers(from, to, others, context, 3);
  const instead = doers.length > 0 ? `; ${doers.join(' or ')} does it as stated` : `; reorder first (${used.kind === 'via' ? used.via.join(', ') : 'hadamard_comm, add_comm, …'}) in a step of its own`;
  return report(line, kind, laws, 'wrong-law', `${law} as stated (${backend.engine.statement(law) ?? law}) does not turn ${show(from)} into ${show(to)}: it applies only ${how}, and strict mode requires the law as stated${instead}`, {
    ...(doers.length > 0 ? { hints: doers.map((name) => `${name}: ${backend.engine.statement(name) ?? ''}`.trim()) } : {}),
    numeric: numericText,
  });
}
