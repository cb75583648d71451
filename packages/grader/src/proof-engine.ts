import { Budget } from '@odot/core';
import { checkProofAgainst, type StepCode } from '@odot/proof';
import type { ProofQuestion, Worksheet } from './worksheet.ts';

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

/** The time a model proof may take when its worksheet is loaded. */
const PREPARE_MS = 2000;

/**
 * Prepares a proof question before a grading run, as STACK compiles a question when it is saved: checks the question's model proof once, which reads its goal into the checker's goal
 * cache and, the first time in a process, builds the law catalogue's compiled form and the matcher
 * and runs every code path of a correct answer, so the first student's answer is not the one that
 * pays for them. Within a time limit; never throws; the verdict is not kept (`odot worksheet test`
 * and the self-test report a model proof that fails).
 */
export function prepareProofQuestion(question: ProofQuestion): void {
  checkProofAnswer(question, question.answerText, new Budget({ timeLimitMs: PREPARE_MS }));
}

/**
 * Prepares every proof question of a worksheet (`prepareProofQuestion`) before a batch is graded.
 * Kept out of `parseWorksheet`: a page or command that only reads the worksheet does not pay for it.
 */
export function prepareWorksheet(worksheet: Worksheet): void {
  for (const question of worksheet.questions) if (question.kind === 'proof') prepareProofQuestion(question);
}
