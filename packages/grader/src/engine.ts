import type { Expr, Givens } from '@odot/core';
import { formatRational, formatValue, identityTest, isMatrix, toExact, type Value } from '@odot/numeric';
import { matrixText } from './exact.ts';
import { exprEquals } from '@odot/core';
import { equivalent } from '@odot/rewrite';

/** What the engine decided about two expressions. */
export type Equivalence =
  | { readonly kind: 'equal'; readonly method: 'proved' | 'equal-by-testing' | 'identical' }
  | { readonly kind: 'different'; readonly counterexample?: string }
  | { readonly kind: 'error'; readonly message: string };

function describeValue(value: unknown): string {
  if (typeof value === 'object' && value !== null && 'kind' in value) {
    const v = value as Value;
    if (isMatrix(v)) return matrixText(toExact(v));
    if (v.kind === 'scalar' && typeof v.value !== 'number') return formatRational(v.value);
    return formatValue(v);
  }
  return String(value);
}

/** Renders an engine counterexample (bindings and the two values) as one sentence. */
export function describeCounterexample(counterexample: unknown, modelLabel = 'the expected answer', studentLabel = 'your answer'): string | undefined {
  if (typeof counterexample !== 'object' || counterexample === null) return undefined;
  const record = counterexample as Record<string, unknown>;
  const bindings = record['bindings'] ?? record['values'] ?? record['instance'];
  const parts: string[] = [];
  const entries: [string, unknown][] =
    bindings instanceof Map ? [...(bindings as Map<string, unknown>)] : typeof bindings === 'object' && bindings !== null ? Object.entries(bindings) : [];
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [name, value] of entries) parts.push(`${name} = ${describeValue(value)}`);
  const left = record['left'] ?? record['lhs'] ?? record['leftValue'];
  const right = record['right'] ?? record['rhs'] ?? record['rightValue'];
  const values = left !== undefined && right !== undefined ? `, ${studentLabel} is ${describeValue(right)} but ${modelLabel} is ${describeValue(left)}` : '';
  if (parts.length === 0 && values === '') return undefined;
  return `with ${parts.join(', ')}${values}`;
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
 * engines return theirs as values, so anything thrown here is a bug for `gradeAnswer` to report.
 */
export function decideEquivalence(model: Expr, student: Expr, givens: Givens, labels: readonly [string, string] = ['the expected answer', 'your answer']): Equivalence {
  if (exprEquals(model, student)) return { kind: 'equal', method: 'identical' };
  const result = equivalent(model, student, givens);
  if (!result.ok) return { kind: 'error', message: result.error.message };
  const verdict = result.value;
  if (verdict.equivalent) return { kind: 'equal', method: verdict.method === 'proved' ? 'proved' : 'equal-by-testing' };
  if (verdict.method === 'refuted') {
    const text = describeCounterexample(verdict.counterexample, labels[0], labels[1]);
    return text === undefined ? { kind: 'different' } : { kind: 'different', counterexample: text };
  }
  const tested = identityTest(model, student, givens);
  if (tested.verdict === 'equal') return { kind: 'equal', method: 'equal-by-testing' };
  const text = tested.verdict === 'different' ? describeCounterexample(tested.counterexample, labels[0], labels[1]) : undefined;
  return text === undefined ? { kind: 'different' } : { kind: 'different', counterexample: text };
}
