import { isQuickTask, runQuickTask } from './engine-quick.ts';
import { runRewriteTask } from './engine-rewrite.ts';
import type { Task, TaskResult } from './protocol.ts';

/**
 * Runs one task synchronously, quick or not (tests call this; the worker loads the rewrite half
 * of the engine only when a task needs it: `worker-handler.ts`). Never throws on bad input.
 */
export function runTask(task: Task): TaskResult {
  return isQuickTask(task) ? runQuickTask(task) : runRewriteTask(task);
}
