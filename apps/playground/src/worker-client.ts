import { isPrecomputedMessage, isWorkerResponse, taskKey, type Task, type TaskOutcome, type TaskResult, type WorkerRequest } from './protocol.ts';

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

interface Pending {
  readonly request: WorkerRequest;
  readonly timeoutMs: number;
  readonly keep: boolean;
  readonly resolve: (outcome: TaskOutcome) => void;
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
  const timers = options.timers ?? defaultTimers;
  let worker: WorkerLike | undefined;
  let started = 0;
  let nextId = 1;
  const queue: Pending[] = [];
  let current: { readonly pending: Pending; readonly timer: unknown } | undefined;
  /** Answers pushed by a worker, by task key. */
  const known = new Map<string, TaskResult>();

  const finish = (outcome: TaskOutcome): void => {
    if (!current) return;
    const { pending, timer } = current;
    timers.clear(timer);
    current = undefined;
    pending.resolve(outcome);
    pump();
  };

  const ensureWorker = (): WorkerLike => {
    if (worker) return worker;
    const fresh = makeWorker();
    started += 1;
    fresh.onmessage = (event) => {
      const data = event.data;
      if (isPrecomputedMessage(data)) return learn(data.results);
      if (fresh !== worker || !current || !isWorkerResponse(data) || data.id !== current.pending.request.id) return;
      finish(data.status === 'done' ? { status: 'done', result: data.result } : { status: 'crashed', message: data.message });
    };
    fresh.onerror = (event) => {
      if (fresh !== worker) return;
      kill();
      finish({ status: 'crashed', message: event.message ?? 'the engine worker failed' });
    };
    worker = fresh;
    return fresh;
  };

  /** Keeps pushed answers, and answers the waiting tasks they answer (the one running too: its worker's answer is then ignored). */
  const learn = (results: readonly (readonly [string, TaskResult])[]): void => {
    for (const [key, result] of results) known.set(key, result);
    const waiting = queue.map((pending) => ({ pending, result: known.get(taskKey(pending.request.task)) }));
    queue.splice(0, queue.length, ...waiting.filter(({ result }) => result === undefined).map(({ pending }) => pending));
    for (const { pending, result } of waiting) if (result !== undefined) pending.resolve({ status: 'done', result });
    const running = current && known.get(taskKey(current.pending.request.task));
    if (running) finish({ status: 'done', result: running });
  };

  /** Resolves the queued tasks as superseded: all of them, or those not kept. */
  const drop = (all: boolean): void => {
    const dropped = queue.filter((pending) => all || !pending.keep);
    const kept = queue.filter((pending) => !all && pending.keep);
    queue.splice(0, queue.length, ...kept);
    for (const pending of dropped) pending.resolve({ status: 'superseded' });
  };

  const kill = (): void => {
    worker?.terminate();
    worker = undefined;
  };

  const pump = (): void => {
    if (current) return;
    const pending = queue.shift();
    if (!pending) return;
    const target = ensureWorker();
    const timer = timers.set(() => {
      kill();
      finish({ status: 'timeout', ms: pending.timeoutMs });
    }, pending.timeoutMs);
    current = { pending, timer };
    target.postMessage(pending.request);
  };

  return {
    run(task, timeoutMs = options.timeoutMs, runOptions = {}) {
      const result = known.get(taskKey(task));
      if (result) return Promise.resolve({ status: 'done', result });
      return new Promise<TaskOutcome>((resolve) => {
        queue.push({ request: { id: nextId++, task }, timeoutMs, keep: runOptions.keep ?? false, resolve });
        pump();
      });
    },
    receive(message) {
      if (isPrecomputedMessage(message)) learn(message.results);
    },
    supersede() {
      drop(false);
    },
    get workersStarted() {
      return started;
    },
    dispose() {
      drop(true);
      kill();
      finish({ status: 'superseded' });
    },
  };
}
