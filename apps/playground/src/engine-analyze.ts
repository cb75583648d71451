import { childrenOf, formatShape, inferShape, inferShapes, nodeCaption, printLatex, printPlain, printSexpr, walkExpr, type Expr, type ShapeTable } from '@odot/core';
import { readBindings, readSource, givensWithValues } from './engine-read.ts';
import { diagnosticView, freeSymbols } from './expr-view.ts';
import { taskKey, tasksFor, type SizedSymbol, type Task, type TaskResult, type TreeView } from './protocol.ts';
import { SEED_STATE } from './state.ts';

/**
 * The analysis (printed forms, tree, shape, the symbols' sizes): a chunk of the worker's own,
 * loaded right after the worker has pushed the seed's value, so the first chunk holds only what
 * the value needs.
 */
export type AnalyzeTask = Extract<Task, { readonly kind: 'analyze' }>;

/** How deep the tree view goes (deeper nodes show as `…`). */
export const TREE_DEPTH_LIMIT = 60;

/** The parse tree as nested labels. */
export function treeView(expr: Expr, depth = 0): TreeView {
  if (depth >= TREE_DEPTH_LIMIT) return { label: '…', children: [] };
  return { label: nodeCaption(expr), children: childrenOf(expr).map((child) => treeView(child, depth + 1)) };
}

/** The free symbols whose shape the table fixes: scalars, or matrices with numeric sizes. */
export function sizedSymbols(expr: Expr, table: ShapeTable): SizedSymbol[] {
  const free = new Set(freeSymbols(expr));
  const out = new Map<string, SizedSymbol>();
  walkExpr(expr, (node) => {
    if (node.type !== 'Identifier' || !free.has(node.name) || out.has(node.name)) return;
    const shape = table.shapeOf(node);
    if (shape.kind === 'scalar') out.set(node.name, { name: node.name, scalar: true, rows: 1, cols: 1 });
    else if (typeof shape.rows === 'number' && typeof shape.cols === 'number') out.set(node.name, { name: node.name, scalar: false, rows: shape.rows, cols: shape.cols });
  });
  return [...out.values()];
}

/** Analyses a task's expression. Never throws on bad input. */
export function runAnalyzeTask(task: AnalyzeTask): TaskResult {
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

/** Whether `task` is the analysis. */
export const isAnalyzeTask = (task: Task): task is AnalyzeTask => task.kind === 'analyze';

/** The seed example's analysis by `taskKey`: the worker's second push, once this chunk has loaded. */
export function precomputeSeedAnalysis(): ReadonlyMap<string, TaskResult> {
  return new Map(tasksFor(SEED_STATE).filter(isAnalyzeTask).map((task) => [taskKey(task), runAnalyzeTask(task)]));
}
