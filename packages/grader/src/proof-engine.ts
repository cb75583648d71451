import type { Budget } from '@odot/core';
import { checkProofAgainst, type StepCode } from '@odot/proof';
import type { ProofQuestion } from './worksheet.ts';

/** What the proof checker made of a student's proof. */
export type ProofCheck =
  | { readonly kind: 'unreadable'; readonly message: string }
  | {
      readonly kind: 'checked';
      readonly right: number;
      readonly total: number;
      /** Every step holds and the chain reaches the goal. */
      readonly complete: boolean;
      /** The first failing check, in words, with its line. */
      readonly failure?: string;
      /** Law names read leniently (one-letter typos), with their lines. */
      readonly notes: readonly string[];
      /** Every line that is not plainly right, with the checker's code (`false`, `circular`, `no-change`, `unchecked`, …). */
      readonly lines: readonly { readonly line: number; readonly law: string; readonly code: StepCode; readonly message: string }[];
    };

/**
 * Checks a student's proof text against the question's goal and givens with @odot/proof
 * (`by algebra` only when the worksheet allows it), within `budget` (the answer's time budget) when
 * given. Never throws.
 */
export function checkProofAnswer(question: ProofQuestion, text: string, budget?: Budget): ProofCheck {
  const grade = checkProofAgainst(text, {
    goal: question.goalText,
    givens: question.given.givens,
    allowAlgebra: question.accept.byAlgebra,
    dialect: question.accept.dialects[0] ?? 'plain',
    strict: question.strict,
    forbid: question.forbid,
    ...(question.allow === undefined ? {} : { allow: question.allow }),
    ...(budget === undefined ? {} : { budget }),
  });
  const failure = grade.firstFailure;
  const where = failure ? `Line ${failure.line}${failure.law ? ` (by ${failure.law})` : ''}: ${failure.message}` : undefined;
  if (grade.stepsTotal === 0 && !grade.proved) {
    return { kind: 'unreadable', message: `Your proof could not be checked. ${where ?? 'Write a chain: the left side, then `= EXPR by LAW` lines.'}` };
  }
  return {
    kind: 'checked',
    right: grade.stepsRight,
    total: grade.stepsTotal,
    complete: grade.proved,
    notes: grade.steps.flatMap((step) => (step.note === undefined ? [] : [`Line ${step.line}: ${step.note}.`])),
    lines: grade.steps.filter((step) => step.code !== 'ok').map((step) => ({ line: step.line, law: step.law, code: step.code, message: step.message })),
    ...(where === undefined ? {} : { failure: where }),
  };
}
