// The engine client's moving parts: the queue of waiting tasks, the one running task with its
// timer, the worker that runs it, and the answers a worker pushed unasked. `createEngineClient`
// (worker-client.ts) owns one `EngineQueue` and calls these functions; each changes only it.
import { isPrecomputedMessage, isWorkerResponse, taskKey, type TaskOutcome, type TaskResult, type WorkerRequest } from './protocol.ts';
import type { Timers, WorkerLike } from './worker-client.ts';

/** A task waiting for (or running in) a worker, and how to answer it. */
export interface Pending {
  readonly request: WorkerRequest;
  readonly timeoutMs: number;
  readonly keep: boolean;
  readonly resolve: (outcome: TaskOutcome) => void;
}

/** The state of one engine client. */
export interface EngineQueue {
  readonly makeWorker: () => WorkerLike;
  readonly timers: Timers;
  /** The live worker, if one is started and not terminated. */
  worker: WorkerLike | undefined;
  /** How many workers were started so far. */
  started: number;
  /** The tasks not started yet, oldest first. */
  readonly queue: Pending[];
  /** The running task and its time-limit timer. */
  current: { readonly pending: Pending; readonly timer: unknown } | undefined;
  /** Answers pushed by a worker, by task key. */
  readonly known: Map<string, TaskResult>;
}

/** A client state with no worker and nothing queued. */
export function emptyQueue(makeWorker: () => WorkerLike, timers: Timers): EngineQueue {
  return { makeWorker, timers, worker: undefined, started: 0, queue: [], current: undefined, known: new Map() };
}

/** Answers the running task with `outcome` (if there is one) and starts the next. */
export function finish(state: EngineQueue, outcome: TaskOutcome): void {
  if (!state.current) return;
  const { pending, timer } = state.current;
  state.timers.clear(timer);
  state.current = undefined;
  pending.resolve(outcome);
  pump(state);
}

/** Starts the oldest queued task, unless one is running: posts it to the worker under its time limit. */
export function pump(state: EngineQueue): void {
  if (state.current) return;
  const pending = state.queue.shift();
  if (!pending) return;
  const target = ensureWorker(state);
  const timer = state.timers.set(() => {
    kill(state);
    finish(state, { status: 'timeout', ms: pending.timeoutMs });
  }, pending.timeoutMs);
  state.current = { pending, timer };
  target.postMessage(pending.request);
}

/** Terminates the worker (the next task starts a fresh one). */
export function kill(state: EngineQueue): void {
  state.worker?.terminate();
  state.worker = undefined;
}

/** The live worker, or a fresh one listening for its answers, pushed answers and failure. */
function ensureWorker(state: EngineQueue): WorkerLike {
  if (state.worker) return state.worker;
  const fresh = state.makeWorker();
  state.started += 1;
  fresh.onmessage = (event) => {
    const data = event.data;
    if (isPrecomputedMessage(data)) return learn(state, data.results);
    const current = state.current;
    if (fresh !== state.worker || !current || !isWorkerResponse(data) || data.id !== current.pending.request.id) return;
    finish(state, data.status === 'done' ? { status: 'done', result: data.result } : { status: 'crashed', message: data.message });
  };
  fresh.onerror = (event) => {
    if (fresh !== state.worker) return;
    kill(state);
    finish(state, { status: 'crashed', message: event.message ?? 'the engine worker failed' });
  };
  state.worker = fresh;
  return fresh;
}

/** Keeps pushed answers, and answers the waiting tasks they answer (the one running too: its worker's answer is then ignored). */
export function learn(state: EngineQueue, results: readonly (readonly [string, TaskResult])[]): void {
  const { queue, known } = state;
  for (const [key, result] of results) known.set(key, result);
  const waiting = queue.map((pending) => ({ pending, result: known.get(taskKey(pending.request.task)) }));
  queue.splice(0, queue.length, ...waiting.filter(({ result }) => result === undefined).map(({ pending }) => pending));
  for (const { pending, result } of waiting) if (result !== undefined) pending.resolve({ status: 'done', result });
  const running = state.current && known.get(taskKey(state.current.pending.request.task));
  if (running) finish(state, { status: 'done', result: running });
}

/** Resolves the queued tasks as superseded: all of them, or those not kept. */
export function drop(state: EngineQueue, all: boolean): void {
  const { queue } = state;
  const dropped = queue.filter((pending) => all || !pending.keep);
  const kept = queue.filter((pending) => !all && pending.keep);
  queue.splice(0, queue.length, ...kept);
  for (const pending of dropped) pending.resolve({ status: 'superseded' });
}
