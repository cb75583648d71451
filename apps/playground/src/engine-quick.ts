import { assertNever } from '@odot/core';
import { runAnalyzeTask, type AnalyzeTask } from './engine-analyze.ts';
import { runEvaluateTask, type EvaluateTask } from './engine-value.ts';
import type { Task, TaskKind, TaskResult } from './protocol.ts';

/**
 * The tasks the worker answers with the parser, the shape inference and the evaluator alone: the
 * first answers of a page (the analysis and the value). In the worker the value is the first
 * chunk (`engine-value.ts`), the analysis a small chunk loaded right after it
 * (`engine-analyze.ts`); the rewrite engine, the law catalogue and the proof checker are a third
 * (`engine-rewrite.ts`). This module joins the first two for `runTask`, outside the worker.
 */
export type QuickTask = AnalyzeTask | EvaluateTask;

/** The kinds of the quick tasks. */
export const QUICK_KINDS: readonly TaskKind[] = ['analyze', 'evaluate'];

/** Whether the worker answers `task` without loading the rewrite engine. */
export function isQuickTask(task: Task): task is QuickTask {
  return QUICK_KINDS.includes(task.kind);
}

/** Runs a quick task synchronously. Never throws on bad input. */
export function runQuickTask(task: QuickTask): TaskResult {
  switch (task.kind) {
    case 'analyze':
      return runAnalyzeTask(task);
    case 'evaluate':
      return runEvaluateTask(task);
    default:
      return assertNever(task);
  }
}
