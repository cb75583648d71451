import { formatLimit, inferShape, printLatex, printPlain, assertNever } from '@odot/core';
import { equivalent, simplify } from '@odot/rewrite';
import { failed, labelled, readBindings, readSource } from './engine-read.ts';
import { lawsView } from './engine-laws.ts';
import { checkProofView, hintView } from './engine-proof.ts';
import { psdView } from './engine-psd.ts';
import { countermodelView, matrixView, stepView } from './engine-values.ts';
import type { Task, TaskResult } from './protocol.ts';
import type { QuickTask } from './engine-quick.ts';
import { formatNumber } from './view-models.ts';

/** The tasks that need the rewrite engine, the law catalogue or the proof checker (the worker's second chunk). */
export type RewriteTask = Exclude<Task, QuickTask>;

/**
 * Most simplification steps the playground takes (the CLI's default is 2000): every step is printed
 * as text and LaTeX and sent to the page, so 1 600 steps over a 4 096-term sum took 12 s and 49 MB
 * (past the task's time limit); 200 steps show any trace a reader follows, and a longer one stops
 * with the limit shown first.
 */
export const PLAYGROUND_MAX_STEPS = 200;

type PsdTask = Extract<Task, { readonly kind: 'psd' }>;
type SimplifyTask = Extract<Task, { readonly kind: 'simplify' }>;
type EquivTask = Extract<Task, { readonly kind: 'equiv' }>;

/** Runs a task that needs the rewrite engine, synchronously. Never throws on bad input. */
export function runRewriteTask(task: RewriteTask): TaskResult {
  switch (task.kind) {
    case 'psd':
      return runPsdTask(task);
    case 'simplify':
      return runSimplifyTask(task);
    case 'equiv':
      return runEquivTask(task);
    case 'proof':
      return checkProofView(task.proof);
    case 'hint':
      return hintView(task.proof);
    case 'laws':
      return lawsView();
    default:
      return assertNever(task);
  }
}

/** Whether the expression is positive semidefinite under the bindings' values. */
function runPsdTask(task: PsdTask): TaskResult {
  const source = readSource(task.expr, task.dialect, task.givens);
  if (!source.ok) return { kind: 'psd', ok: false, diagnostics: source.diagnostics };
  const bindings = readBindings(task.bindings);
  if (!bindings.ok) return { kind: 'psd', ok: false, diagnostics: bindings.diagnostics };
  return psdView(source.value, bindings.value.values, task.expr);
}

/** The expression simplified (at most `PLAYGROUND_MAX_STEPS` steps), with its trace and the limit that stopped it, if any. */
function runSimplifyTask(task: SimplifyTask): TaskResult {
  const source = readSource(task.expr, task.dialect, task.givens);
  if (!source.ok) return { kind: 'simplify', ok: false, diagnostics: source.diagnostics };
  const shape = inferShape(source.value.expr, source.value.givens);
  if (!shape.ok) return { kind: 'simplify', ok: false, diagnostics: failed(shape.error, task.expr) };
  const simplified = simplify(source.value.expr, source.value.givens, { maxSteps: PLAYGROUND_MAX_STEPS });
  if (!simplified.ok) return { kind: 'simplify', ok: false, diagnostics: failed(simplified.error, task.expr) };
  const result = simplified.value;
  const base = {
    input: printPlain(source.value.expr),
    inputLatex: printLatex(source.value.expr),
    result: printPlain(result.result),
    resultLatex: printLatex(result.result),
    steps: result.steps.map(stepView),
  };
  const limit = result.limit === undefined ? undefined : formatLimit(result.limit);
  return { kind: 'simplify', ok: true, view: limit === undefined ? base : { ...base, limit } };
}

/** Whether the two expressions are equivalent: the verdict, how it was reached, and a counterexample when they differ. */
function runEquivTask(task: EquivTask): TaskResult {
  const left = readSource(task.expr, task.dialect, task.givens);
  if (!left.ok) return { kind: 'equiv', ok: false, diagnostics: left.diagnostics };
  const right = readSource(task.other, task.dialect, task.givens);
  if (!right.ok) return { kind: 'equiv', ok: false, diagnostics: right.diagnostics.map((d) => (d.field === undefined ? labelled(d, 'compare with', 'other') : d)) };
  const decided = equivalent(left.value.expr, right.value.expr, left.value.givens);
  if (!decided.ok) return { kind: 'equiv', ok: false, diagnostics: failed(decided.error, `${task.expr} = ${task.other}`) };
  const verdict = decided.value;
  const counterexample = verdict.counterexample;
  const limit = verdict.limit === undefined ? undefined : formatLimit(verdict.limit);
  return {
    kind: 'equiv',
    ok: true,
    view: {
      equivalent: verdict.equivalent,
      method: verdict.method,
      explanation: verdict.explanation,
      steps: verdict.steps.map(stepView),
      ...(counterexample === undefined
        ? {}
        : { counterexample: countermodelView(counterexample.bindings), sides: { left: matrixView(counterexample.left), right: matrixView(counterexample.right) } }),
      ...(verdict.errorBound === undefined ? {} : { errorBound: formatNumber(verdict.errorBound) }),
      ...(limit === undefined ? {} : { limit }),
    },
  };
}
