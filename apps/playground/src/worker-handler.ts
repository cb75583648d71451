import { isQuickTask, runQuickTask } from './engine-quick.ts';
import type { RewriteTask } from './engine-rewrite.ts';
import { isWorkerRequest, taskKey, type TaskResult, type WorkerRequest, type WorkerResponse } from './protocol.ts';

/** The rewrite half of the engine, as its chunk exports it. */
export interface RewriteEngine {
  readonly runRewriteTask: (task: RewriteTask) => TaskResult;
}

/** Loads the rewrite half of the engine (the worker: `import('./engine-rewrite.ts')`, a chunk of its own). */
export type LoadRewrite = () => Promise<RewriteEngine>;

/**
 * The engine worker's message handler. Each well-formed request is answered through `post`, in
 * the order the requests came; anything else is ignored. The quick tasks (analysis, value: the
 * page's first answers) run on the worker's first chunk; the others wait for `load`, called by the
 * first of them (once; a failed load answers `crashed` and the next such task tries again). It is
 * not loaded ahead of need: the page asks for the value right after the analysis, and compiling
 * the rewrite half in between would delay it. A request equal
 * to one of `precomputed` (by `taskKey`) is answered with that result.
 * Returns the function to call with each message's data; its promise settles once that message is answered.
 */
export function createRequestHandler(
  post: (response: WorkerResponse) => void,
  load: LoadRewrite,
  precomputed: ReadonlyMap<string, TaskResult> = new Map(),
): (data: unknown) => Promise<void> {
  let rewrite: Promise<RewriteEngine> | undefined;
  const loadOnce = (): Promise<RewriteEngine> =>
    (rewrite ??= load().catch((error: unknown) => {
      rewrite = undefined;
      throw error;
    }));
  const answer = async (request: WorkerRequest): Promise<WorkerResponse> => {
    try {
      const task = request.task;
      const result = precomputed.get(taskKey(task)) ?? (isQuickTask(task) ? runQuickTask(task) : (await loadOnce()).runRewriteTask(task));
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
