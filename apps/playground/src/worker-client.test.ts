import { describe, expect, it } from 'vitest';
import { taskKey, type Task, type TaskResult, type WorkerRequest } from './protocol.ts';
import { createEngineClient, type Timers, type WorkerLike } from './worker-client.ts';

/** A fake worker that records requests; the test answers them by hand. */
class FakeWorker implements WorkerLike {
  readonly received: WorkerRequest[] = [];
  terminated = false;
  onmessage: ((event: { readonly data: unknown }) => void) | null = null;
  onerror: ((event: { readonly message?: string }) => void) | null = null;
  postMessage(message: WorkerRequest): void {
    this.received.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  answer(index = this.received.length - 1): void {
    const request = this.received[index]!;
    this.onmessage?.({ data: { id: request.id, status: 'done', result: { kind: request.task.kind, ok: false, diagnostics: [] } } });
  }
}

/** Manual timers: `fire()` runs every pending callback. */
function manualTimers(): Timers & { fire(): void; pending(): number } {
  const callbacks = new Map<number, () => void>();
  let next = 0;
  return {
    set: (callback) => {
      callbacks.set(++next, callback);
      return next;
    },
    clear: (handle) => void callbacks.delete(handle as number),
    fire: () => {
      const all = [...callbacks.values()];
      callbacks.clear();
      for (const callback of all) callback();
    },
    pending: () => callbacks.size,
  };
}

const task = (expr: string): Task => ({ kind: 'analyze', expr, dialect: 'plain', givens: '' });

describe('engine client', () => {
  it('runs tasks one at a time and resolves each with its result', async () => {
    const workers: FakeWorker[] = [];
    const timers = manualTimers();
    const client = createEngineClient(() => (workers.push(new FakeWorker()), workers.at(-1)!), { timeoutMs: 100, timers });
    const a = client.run(task('A'));
    const b = client.run(task('B'));
    expect(workers).toHaveLength(1);
    expect(workers[0]!.received.map((r) => (r.task as { expr: string }).expr)).toEqual(['A']);
    workers[0]!.answer();
    await expect(a).resolves.toMatchObject({ status: 'done', result: { kind: 'analyze' } });
    expect(workers[0]!.received).toHaveLength(2);
    workers[0]!.answer();
    await expect(b).resolves.toMatchObject({ status: 'done' });
    expect(timers.pending()).toBe(0);
  });

  it('terminates a worker that exceeds the time limit and restarts for the next task', async () => {
    const workers: FakeWorker[] = [];
    const timers = manualTimers();
    const client = createEngineClient(() => (workers.push(new FakeWorker()), workers.at(-1)!), { timeoutMs: 250, timers });
    const slow = client.run(task('slow'));
    const next = client.run(task('next'));
    timers.fire();
    await expect(slow).resolves.toEqual({ status: 'timeout', ms: 250 });
    expect(workers[0]!.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(client.workersStarted).toBe(2);
    expect(workers[1]!.received.map((r) => (r.task as { expr: string }).expr)).toEqual(['next']);
    // A late answer from the dead worker is ignored.
    workers[0]!.answer(0);
    workers[1]!.answer();
    await expect(next).resolves.toMatchObject({ status: 'done' });
  });

  it('uses the time limit given with the task', async () => {
    const delays: number[] = [];
    const timers: Timers = { set: (_callback, ms) => delays.push(ms), clear: () => undefined };
    const worker = new FakeWorker();
    const client = createEngineClient(() => worker, { timeoutMs: 100, timers });
    void client.run(task('A'), 2500);
    expect(delays).toEqual([2500]);
  });

  it('ignores responses with a stale id or a bad shape', async () => {
    const worker = new FakeWorker();
    const timers = manualTimers();
    const client = createEngineClient(() => worker, { timeoutMs: 100, timers });
    let settled = false;
    const run = client.run(task('A')).then((o) => ((settled = true), o));
    worker.onmessage?.({ data: { id: 999, status: 'done', result: { kind: 'analyze', ok: false, diagnostics: [] } } });
    worker.onmessage?.({ data: 'garbage' });
    await Promise.resolve();
    expect(settled).toBe(false);
    worker.answer();
    await expect(run).resolves.toMatchObject({ status: 'done' });
  });

  it('resolves queued tasks as superseded', async () => {
    const worker = new FakeWorker();
    const client = createEngineClient(() => worker, { timeoutMs: 100, timers: manualTimers() });
    const first = client.run(task('A'));
    const second = client.run(task('B'));
    client.supersede();
    await expect(second).resolves.toEqual({ status: 'superseded' });
    worker.answer();
    await expect(first).resolves.toMatchObject({ status: 'done' });
  });

  it('keeps a task run with keep when newer inputs supersede the queue, but drops it on dispose', async () => {
    const worker = new FakeWorker();
    const client = createEngineClient(() => worker, { timeoutMs: 100, timers: manualTimers() });
    const first = client.run(task('A'));
    const laws = client.run({ kind: 'laws' }, undefined, { keep: true });
    const stale = client.run(task('B'));
    client.supersede();
    await expect(stale).resolves.toEqual({ status: 'superseded' });
    worker.answer();
    await expect(first).resolves.toMatchObject({ status: 'done' });
    expect(worker.received.map((r) => r.task.kind)).toEqual(['analyze', 'laws']);
    worker.answer();
    await expect(laws).resolves.toMatchObject({ status: 'done', result: { kind: 'laws' } });
    const busy = client.run(task('C'));
    const kept = client.run({ kind: 'laws' }, undefined, { keep: true });
    client.dispose();
    await expect(kept).resolves.toEqual({ status: 'superseded' });
    await expect(busy).resolves.toEqual({ status: 'superseded' });
  });

  it('reports a worker error as a crash and recovers with a new worker', async () => {
    const workers: FakeWorker[] = [];
    const client = createEngineClient(() => (workers.push(new FakeWorker()), workers.at(-1)!), { timeoutMs: 100, timers: manualTimers() });
    const run = client.run(task('A'));
    workers[0]!.onerror?.({ message: 'out of memory' });
    await expect(run).resolves.toEqual({ status: 'crashed', message: 'out of memory' });
    const again = client.run(task('B'));
    expect(workers).toHaveLength(2);
    workers[1]!.answer();
    await expect(again).resolves.toMatchObject({ status: 'done' });
  });

  it('passes crash responses through', async () => {
    const worker = new FakeWorker();
    const client = createEngineClient(() => worker, { timeoutMs: 100, timers: manualTimers() });
    const run = client.run(task('A'));
    worker.onmessage?.({ data: { id: worker.received[0]!.id, status: 'crashed', message: 'bug' } });
    await expect(run).resolves.toEqual({ status: 'crashed', message: 'bug' });
  });

  const pushed = (...tasks: Task[]): { kind: 'precomputed'; results: [string, TaskResult][] } => ({
    kind: 'precomputed',
    results: tasks.map((t) => [taskKey(t), { kind: t.kind, ok: false, diagnostics: [{ formatted: `pushed ${(t as { expr: string }).expr}` }] } as unknown as TaskResult]),
  });

  it('answers tasks from answers the worker pushed, without asking it', async () => {
    const worker = new FakeWorker();
    const timers = manualTimers();
    const client = createEngineClient(() => worker, { timeoutMs: 100, timers });
    client.receive(pushed(task('A')));
    await expect(client.run(task('A'))).resolves.toMatchObject({ status: 'done', result: { diagnostics: [{ formatted: 'pushed A' }] } });
    expect(worker.received).toHaveLength(0);
    expect(timers.pending()).toBe(0);
    // Other tasks still go to the worker; anything else received is ignored.
    client.receive({ kind: 'precomputed', results: [['x', { kind: 'nope' }]] });
    const b = client.run(task('B'));
    expect(worker.received.map((r) => (r.task as { expr: string }).expr)).toEqual(['B']);
    worker.answer();
    await expect(b).resolves.toMatchObject({ status: 'done', result: { diagnostics: [] } });
  });

  it('answers the running and the queued tasks a push arriving later answers, and ignores the worker’s late answer', async () => {
    const worker = new FakeWorker();
    const timers = manualTimers();
    const client = createEngineClient(() => worker, { timeoutMs: 100, timers });
    const a = client.run(task('A'));
    const b = client.run(task('B'));
    const c = client.run(task('C'));
    expect(worker.received).toHaveLength(1);
    worker.onmessage?.({ data: pushed(task('A'), task('B')) });
    await expect(a).resolves.toMatchObject({ result: { diagnostics: [{ formatted: 'pushed A' }] } });
    await expect(b).resolves.toMatchObject({ result: { diagnostics: [{ formatted: 'pushed B' }] } });
    // C went out as soon as A and B were answered; the worker's own answer to A is ignored.
    expect(worker.received.map((r) => (r.task as { expr: string }).expr)).toEqual(['A', 'C']);
    worker.answer(0);
    worker.answer(1);
    await expect(c).resolves.toMatchObject({ status: 'done', result: { diagnostics: [] } });
    expect(timers.pending()).toBe(0);
  });
});
