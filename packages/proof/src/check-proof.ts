import { givensFrom } from '@odot/core';
import { checkContext, type CheckOptions } from './check-options.ts';
import { defaultBackend } from './default-backend.ts';
import { theoremLaw, withTheorems, type TheoremLaw } from './theorem-laws.ts';
import { checkLines } from './check-lines.ts';
import { parseProof } from './parse-proof.ts';
import type { ProofDocument, Theorem } from './proof-ast.ts';
import type { ProofReport, TheoremReport } from './report.ts';

// The checker's entry points. The work is split by concern: `check-lines.ts` walks a theorem's
// lines (chains, equations, claims, follow-through after a failed line), `check-transition.ts`
// checks one step, `accept-step.ts` / `diagnose-step.ts` judge what the search found or did not,
// `citations.ts` reads the cited names and the exercise's policy, `chain-end.ts` the conclusion.

export type { CheckContext, CheckOptions, ExercisePolicy } from './check-options.ts';
export { checkContext } from './check-options.ts';
export { checkLines } from './check-lines.ts';
export { checkTransition } from './check-transition.ts';
export { SPECIAL_LAWS } from './citations.ts';

/** Checks one theorem of a parsed document. */
export function checkTheorem(theorem: Theorem, options: CheckOptions = {}): TheoremReport {
  const context = checkContext(givensFrom(theorem.declarations), options);
  const checked = checkLines(theorem.goal, theorem.lines, theorem.index, theorem.line, context, theorem.qedLine);
  return theorem.goalText ? { ...checked, goal: theorem.goalText } : checked;
}

/** Parses (when given text) and checks every theorem of a proof file. */
export function checkProof(input: string | ProofDocument, options: CheckOptions = {}): ProofReport {
  const document = typeof input === 'string' ? parseProof(input, options) : input;
  const theorems: TheoremReport[] = [];
  const proved: TheoremLaw[] = []; // earlier named theorems, citable by name once proved
  for (const theorem of document.theorems) {
    const backend = withTheorems(options.backend ?? defaultBackend(), proved);
    const checked = checkTheorem(theorem, { ...options, backend });
    theorems.push(checked);
    const law = checked.valid ? theoremLaw(theorem) : undefined;
    if (law) proved.push(law);
  }
  return {
    valid: document.errors.length === 0 && theorems.length > 0 && theorems.every((theorem) => theorem.valid),
    theorems,
    errors: document.errors,
  };
}
