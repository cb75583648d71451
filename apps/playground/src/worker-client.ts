import { drop, emptyQueue, finish, kill, learn, pump } from './engine-queue.ts';
import { isPrecomputedMessage, taskKey, type Task, type TaskOutcome, type WorkerRequest } from './protocol.ts';

/** The part of `Worker` the client uses; tests pass a fake. */
export interface WorkerLike {
  postMessage(message: WorkerRequest): void;
  terminate(): void;
  onmessage: ((event: { readonly data: unknown }) => void) | null;
  onerror: ((event: { readonly message?: string }) => void) | null;
}

/** Timer functions, injectable so tests can drive time by hand. */
export interface Timers {
  readonly set: (callback: () => void, ms: number) => unknown;
  readonly clear: (handle: unknown) => void;
}

/** Options of the engine client. */
export interface EngineClientOptions {
  /** Milliseconds a task may run before the worker is terminated and restarted. */
  readonly timeoutMs: number;
  readonly timers?: Timers;
}

/** Options of one task run. */
export interface RunOptions {
  /**
   * Not superseded by newer inputs: the task is the page's own request (the law list of the
   * completions), not a result of the inputs that typing replaces. `dispose` still drops it.
   */
  readonly keep?: boolean;
}

/**
 * Runs tasks in a worker, one at a time, each with a time limit. A task whose answer a worker
 * pushed unasked (a `PrecomputedMessage`) is answered from it, without a request.
 */
export interface EngineClient {
  /** Queues a task (with its own time limit, default `timeoutMs`); resolves with its outcome, never rejects. */
  run(task: Task, timeoutMs?: number, options?: RunOptions): Promise<TaskOutcome>;
  /**
   * Takes a message a worker sent before this client listened to it (the page's head started the
   * worker and kept its messages): pushed answers are kept; anything else is ignored.
   */
  receive(message: unknown): void;
  /** Resolves every queued (not yet started) task as `superseded`, except those run with `keep`. */
  supersede(): void;
  /** How many workers were started so far (1 + restarts). */
  readonly workersStarted: number;
  /** Terminates the worker; later `run` calls start a new one. */
  dispose(): void;
}

const defaultTimers: Timers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Creates a client that runs tasks serially in a worker made by `makeWorker`. A task that
 * exceeds the time limit resolves as `timeout`; its worker is terminated and a fresh one
 * takes the next task, so a hostile input never freezes the page.
 */
export function createEngineClient(makeWorker: () => WorkerLike, options: EngineClientOptions): EngineClient {
  const state = emptyQueue(makeWorker, options.timers ?? defaultTimers);
  let nextId = 1;
  return {
    run(task, timeoutMs = options.timeoutMs, runOptions = {}) {
      const result = state.known.get(taskKey(task));
      if (result) return Promise.resolve({ status: 'done', result });
      return new Promise<TaskOutcome>((resolve) => {
        state.queue.push({ request: { id: nextId++, task }, timeoutMs, keep: runOptions.keep ?? false, resolve });
        pump(state);
      });
    },
    receive(message) {
      if (isPrecomputedMessage(message)) learn(state, message.results);
    },
    supersede() {
      drop(state, false);
    },
    get workersStarted() {
      return state.started;
    },
    dispose() {
      drop(state, true);
      kill(state);
      finish(state, { status: 'superseded' });
    },
  };
}
