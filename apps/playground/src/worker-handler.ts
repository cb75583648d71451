import { assertNever } from '@odot/core';
import type { AnalyzeTask } from './engine-analyze.ts';
import type { RewriteTask } from './engine-rewrite.ts';
import { runEvaluateTask } from './engine-value.ts';
import { isWorkerRequest, taskKey, type Task, type TaskResult, type WorkerRequest, type WorkerResponse } from './protocol.ts';

/** The analysis, as its chunk (`engine-analyze.ts`) exports it. */
export interface AnalysisEngine {
  readonly runAnalyzeTask: (task: AnalyzeTask) => TaskResult;
}

/** The rewrite half of the engine, as its chunk (`engine-rewrite.ts`) exports it. */
export interface RewriteEngine {
  readonly runRewriteTask: (task: RewriteTask) => TaskResult;
}

/** Loads one of the worker's later chunks (the worker: `import('./engine-….ts')`, a chunk of its own). */
export type LoadChunk<T> = () => Promise<T>;

/** The worker's later chunks: the analysis (loaded as soon as the value is pushed) and the rewrite engine (loaded when a task needs it). */
export interface EngineChunks {
  readonly analysis: LoadChunk<AnalysisEngine>;
  readonly rewrite: LoadChunk<RewriteEngine>;
}

/**
 * `load`, called at most once at a time and once successfully: later calls share its promise; a
 * failed load is forgotten, so the next call tries again.
 */
export function loadOnce<T>(load: LoadChunk<T>): LoadChunk<T> {
  let loaded: Promise<T> | undefined;
  return () =>
    (loaded ??= load().catch((error: unknown) => {
      loaded = undefined;
      throw error;
    }));
}

/** Runs a task on the chunk it needs: the value on the first chunk, synchronously; the others once their chunk has loaded. */
async function runOnChunks(task: Task, chunks: EngineChunks): Promise<TaskResult> {
  switch (task.kind) {
    case 'evaluate':
      return runEvaluateTask(task);
    case 'analyze':
      return (await chunks.analysis()).runAnalyzeTask(task);
    case 'psd':
    case 'simplify':
    case 'equiv':
    case 'proof':
    case 'hint':
    case 'laws':
      return (await chunks.rewrite()).runRewriteTask(task);
    default:
      return assertNever(task);
  }
}

/**
 * The engine worker's message handler. Each well-formed request is answered through `post`, in
 * the order the requests came; anything else is ignored. The value (the page's first answer) runs
 * on the worker's first chunk; the analysis waits for its chunk, the other tasks for the rewrite
 * engine's, each loaded by the first task that needs it (once; a failed load answers `crashed`
 * and the next such task tries again). The rewrite engine is not loaded ahead of need: compiling
 * it while the page's first requests wait would delay them. A request equal to one of
 * `precomputed` (by `taskKey`, read when the request is answered: the worker adds to it) is
 * answered with that result.
 * Returns the function to call with each message's data; its promise settles once that message is answered.
 */
export function createRequestHandler(
  post: (response: WorkerResponse) => void,
  chunks: EngineChunks,
  precomputed: ReadonlyMap<string, TaskResult> = new Map(),
): (data: unknown) => Promise<void> {
  const once: EngineChunks = { analysis: loadOnce(chunks.analysis), rewrite: loadOnce(chunks.rewrite) };
  const answer = async (request: WorkerRequest): Promise<WorkerResponse> => {
    try {
      const result = precomputed.get(taskKey(request.task)) ?? (await runOnChunks(request.task, once));
      return { id: request.id, status: 'done', result };
    } catch (error) {
      return { id: request.id, status: 'crashed', message: error instanceof Error ? error.message : String(error) };
    }
  };
  let queue: Promise<void> = Promise.resolve();
  return (data) => {
    if (!isWorkerRequest(data)) return queue;
    queue = queue.then(async () => post(await answer(data)));
    return queue;
  };
}
