import { formatShape, inferShape, inferShapes, odotError, printLatex, printPlain, printSexpr, assertNever } from '@odot/core';
import { evaluate } from '@odot/numeric';
import { readBindings, readSource, givensWithValues, failed } from './engine-read.ts';
import { diagnosticView, freeSymbols, sizedSymbols, treeView } from './expr-view.ts';
import { matrixView, valueLatex } from './engine-values.ts';
import { taskKey, tasksFor, type Task, type TaskKind, type TaskResult } from './protocol.ts';
import { SEED_STATE } from './state.ts';
import { matrixText } from './view-models.ts';

/**
 * The tasks the worker answers with the parser and the evaluator alone: the first answers of a page
 * (the analysis and the value). The worker's first chunk holds only these; the rewrite engine, the
 * law catalogue and the proof checker load in a second chunk (`engine-rewrite.ts`).
 */
export type QuickTask = Extract<Task, { readonly kind: 'analyze' | 'evaluate' }>;

/** The kinds of the quick tasks. */
export const QUICK_KINDS: readonly TaskKind[] = ['analyze', 'evaluate'];

/** Whether the worker answers `task` without loading the rewrite engine. */
export function isQuickTask(task: Task): task is QuickTask {
  return QUICK_KINDS.includes(task.kind);
}

/** Runs a quick task synchronously. Never throws on bad input. */
export function runQuickTask(task: QuickTask): TaskResult {
  switch (task.kind) {
    case 'analyze': {
      const source = readSource(task.expr, task.dialect, task.givens);
      if (!source.ok) return { kind: 'analyze', ok: false, diagnostics: source.diagnostics };
      // Values that do not read are the evaluation pane's to report; here they just add no shapes.
      const values = task.bindings === undefined ? undefined : readBindings(task.bindings);
      const { expr, notes } = source.value;
      const givens = values?.ok ? givensWithValues(source.value.givens, values.value.values) : source.value.givens;
      const shape = inferShape(expr, givens);
      const table = inferShapes(expr, givens);
      const base = {
        plain: printPlain(expr),
        latex: printLatex(expr),
        sexpr: printSexpr(expr),
        tree: treeView(expr),
        notes,
        symbols: freeSymbols(expr),
        sized: table.ok ? sizedSymbols(expr, table.value) : [],
      };
      return {
        kind: 'analyze',
        ok: true,
        view: shape.ok ? { ...base, shape: formatShape(shape.value) } : { ...base, shapeError: diagnosticView(shape.error, task.expr) },
      };
    }
    case 'evaluate': {
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
    default:
      return assertNever(task);
  }
}

/**
 * Runs the seed example's quick tasks (the page opens on the seed unless its link says otherwise)
 * and returns their results by `taskKey`. The worker calls it as it starts, while the page is
 * still loading: V8 compiles the parser, the shape inference, the printers and the evaluator then,
 * not during the page's first request (a cold analysis took ~100 ms, a warm one a few), and the
 * worker pushes them to the page unasked (a `PrecomputedMessage`) and answers the page's requests
 * for the seed from them too.
 */
export function precomputeSeed(): ReadonlyMap<string, TaskResult> {
  return new Map(tasksFor(SEED_STATE).filter(isQuickTask).map((task) => [taskKey(task), runQuickTask(task)]));
}
