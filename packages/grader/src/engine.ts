import { LimitReached, type Budget, type Expr, type Givens } from '@odot/core';
import { counterexampleBindings, formatValueInline, identityTest, type Counterexample } from '@odot/numeric';
import { exprEquals } from '@odot/core';
import { equivalent } from '@odot/rewrite';

/** What the engine decided about two expressions. */
export type Equivalence =
  | { readonly kind: 'equal'; readonly method: 'proved' | 'equal-by-testing' | 'identical' }
  | { readonly kind: 'different'; readonly counterexample?: string }
  | { readonly kind: 'error'; readonly message: string };

/**
 * An exact counterexample as one clause of feedback: `with A = [[1, 0], [2, 1]], your answer is …
 * but the expected answer is …` (numeric's one rendering of the bindings and values; the student's
 * side is the counterexample's right side).
 */
export function describeCounterexample(cx: Counterexample, modelLabel = 'the expected answer', studentLabel = 'your answer'): string {
  const bindings = counterexampleBindings(cx);
  const where = bindings.length > 0 ? `with ${bindings.join(', ')}, ` : 'on a concrete instance, ';
  return `${where}${studentLabel} is ${formatValueInline(cx.right)} but ${modelLabel} is ${formatValueInline(cx.left)}`;
}

/** Whether two expressions agree on random exact instances (numeric identity testing only; used to classify mistakes). */
export function equalByTesting(a: Expr, b: Expr, givens: Givens): boolean {
  if (exprEquals(a, b)) return true;
  // identityTest returns its errors as values: anything it throws is a bug, for the caller's boundary to report.
  return identityTest(a, b, givens).verdict === 'equal';
}

/**
 * Asks the rewrite engine whether `model` and `student` are equal for all values of the givens
 * (`equivalent`: canonical form, normal form, bounded search, then numeric identity testing;
 * `student` second, so the counterexample's right value is the student's). When the engine cannot
 * decide, numeric identity testing decides. Errors come back as values (`kind: 'error'`); both
 * engines return theirs as values, so anything thrown here is a bug for `gradeAnswer` to report —
 * except the `LimitReached` of `budget` (the answer's time budget, which `equivalent` runs within):
 * once it has stopped, no verdict is given and the stop goes up to `gradeAnswer`.
 */
export function decideEquivalence(
  model: Expr,
  student: Expr,
  givens: Givens,
  labels: readonly [string, string] = ['the expected answer', 'your answer'],
  budget?: Budget,
): Equivalence {
  if (exprEquals(model, student)) return { kind: 'equal', method: 'identical' };
  const result = equivalent(model, student, givens, budget === undefined ? {} : { budget });
  if (budget?.stopped) throw new LimitReached(budget.stopped, budget);
  if (!result.ok) return { kind: 'error', message: result.error.message };
  const verdict = result.value;
  if (verdict.equivalent) return { kind: 'equal', method: verdict.method === 'proved' ? 'proved' : 'equal-by-testing' };
  if (verdict.method === 'refuted') {
    return verdict.counterexample === undefined ? { kind: 'different' } : { kind: 'different', counterexample: describeCounterexample(verdict.counterexample, labels[0], labels[1]) };
  }
  const tested = identityTest(model, student, givens);
  if (tested.verdict === 'equal') return { kind: 'equal', method: 'equal-by-testing' };
  return tested.verdict === 'different' ? { kind: 'different', counterexample: describeCounterexample(tested.counterexample, labels[0], labels[1]) } : { kind: 'different' };
}
