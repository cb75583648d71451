import { odotError } from '@odot/core';
import { evaluate } from '@odot/numeric';
import { readBindings, readSource, failed } from './engine-read.ts';
import { diagnosticView, freeSymbols } from './expr-view.ts';
import { matrixView, valueLatex } from './engine-values.ts';
import { taskKey, tasksFor, type Task, type TaskResult } from './protocol.ts';
import { SEED_STATE } from './state.ts';
import { matrixText } from './view-models.ts';

/** The value task: the page's first answer, and all the worker's first chunk computes. */
export type EvaluateTask = Extract<Task, { readonly kind: 'evaluate' }>;

/**
 * Evaluates a task's expression with its values (parser, evaluator, printers: the worker's first
 * chunk holds this and little else; the analysis and the rewrite engine are chunks loaded after).
 * Never throws on bad input.
 */
export function runEvaluateTask(task: EvaluateTask): TaskResult {
  const source = readSource(task.expr, task.dialect, task.givens);
  if (!source.ok) return { kind: 'evaluate', ok: false, diagnostics: source.diagnostics };
  const bindings = readBindings(task.bindings);
  if (!bindings.ok) return { kind: 'evaluate', ok: false, diagnostics: bindings.diagnostics };
  const missing = freeSymbols(source.value.expr).filter((name) => !bindings.value.values.has(name));
  if (missing.length > 0) {
    const error = odotError('unbound', `give a value for ${missing.join(', ')} to evaluate (e.g. ${missing[0]} = [[1,2],[3,4]])`, { severity: 'note' });
    return { kind: 'evaluate', ok: false, diagnostics: [diagnosticView(error)] };
  }
  const value = evaluate(source.value.expr, bindings.value.values, { mode: task.mode, givens: source.value.givens });
  if (!value.ok) return { kind: 'evaluate', ok: false, diagnostics: failed(value.error, task.expr) };
  const view = matrixView(value.value);
  return {
    kind: 'evaluate',
    ok: true,
    view: {
      shape: view.scalar ? 'scalar' : `${view.rows.length}×${view.rows[0]?.length ?? 0}`,
      value: view,
      text: matrixText(view),
      latex: valueLatex(value.value),
      inputs: bindings.value.inputs,
    },
  };
}

/** Whether `task` is the value task. */
export const isEvaluateTask = (task: Task): task is EvaluateTask => task.kind === 'evaluate';

/**
 * The seed example's value (the page opens on the seed unless its link says otherwise), by
 * `taskKey`: the first thing the worker computes and pushes to the page unasked (a
 * `PrecomputedMessage`), before it loads the analysis.
 */
export function precomputeSeedValue(): ReadonlyMap<string, TaskResult> {
  return new Map(tasksFor(SEED_STATE).filter(isEvaluateTask).map((task) => [taskKey(task), runEvaluateTask(task)]));
}
