import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runTask } from './engine.ts';
import * as rewriteChunk from './engine-rewrite.ts';
import { taskKey, tasksFor, type Task, type TaskResult, type WorkerResponse } from './protocol.ts';
import { SEED_STATE } from './state.ts';
import * as analysisChunk from './engine-analyze.ts';
import { precomputeSeedValue } from './engine-value.ts';
import { createRequestHandler, type RewriteEngine } from './worker-handler.ts';

const seedTasks = tasksFor(SEED_STATE);
const task = (kind: Task['kind']): Task => seedTasks.find((t) => t.kind === kind) ?? { kind: 'laws' };

/**
 * A handler whose rewrite chunk loads only when the test says so (the analysis chunk loads at
 * once); records the responses and the loads of each.
 */
function harness(fail = 0, precomputed = new Map<string, TaskResult>()) {
  const posted: WorkerResponse[] = [];
  const releases: (() => void)[] = [];
  let loads = 0;
  let analysisLoads = 0;
  const rewrite = (): Promise<RewriteEngine> => {
    loads += 1;
    const attempt = loads;
    return new Promise((resolve, reject) => releases.push(() => (attempt <= fail ? reject(new Error('chunk failed to load')) : resolve(rewriteChunk))));
  };
  const analysis = (): Promise<typeof analysisChunk> => {
    analysisLoads += 1;
    return Promise.resolve(analysisChunk);
  };
  const handle = createRequestHandler((response) => posted.push(response), { analysis, rewrite }, precomputed);
  return { posted, handle, release: () => releases.shift()?.(), loads: () => loads, analysisLoads: () => analysisLoads };
}

describe('the engine worker’s request handler', () => {
  it('answers the analysis and the value before the rewrite chunk has loaded, as runTask does', async () => {
    const h = harness();
    await h.handle({ id: 1, task: task('analyze') });
    await h.handle({ id: 2, task: task('evaluate') });
    expect(h.posted).toEqual([
      { id: 1, status: 'done', result: runTask(task('analyze')) },
      { id: 2, status: 'done', result: runTask(task('evaluate')) },
    ]);
    // Nothing asked for the rewrite chunk yet; the analysis chunk was loaded once.
    expect(h.loads()).toBe(0);
    expect(h.analysisLoads()).toBe(1);
  });

  it('answers the value without loading any chunk (the first chunk computes it)', async () => {
    const h = harness();
    await h.handle({ id: 1, task: task('evaluate') });
    await h.handle({ id: 2, task: { ...task('evaluate'), expr: 'A + B' } as Task });
    expect(h.posted).toEqual([
      { id: 1, status: 'done', result: runTask(task('evaluate')) },
      { id: 2, status: 'done', result: runTask({ ...task('evaluate'), expr: 'A + B' } as Task) },
    ]);
    expect(h.posted[1]).toMatchObject({ result: { kind: 'evaluate', ok: true, view: { text: '[[8,10,12],[14,16,18]]' } } });
    expect([h.loads(), h.analysisLoads()]).toEqual([0, 0]);
  });

  it('runs the other tasks on the rewrite chunk, loaded once, and answers in the order of the requests', async () => {
    const h = harness();
    const simplify = h.handle({ id: 1, task: task('simplify') });
    const evaluate = h.handle({ id: 2, task: task('evaluate') });
    const proof = h.handle({ id: 3, task: task('proof') });
    await Promise.resolve();
    expect(h.posted).toEqual([]);
    h.release();
    await Promise.all([simplify, evaluate, proof]);
    expect(h.posted.map((r) => r.id)).toEqual([1, 2, 3]);
    expect(h.posted).toEqual([1, 2, 3].map((id) => ({ id, status: 'done', result: runTask(seedTasks.find((t) => t.kind === ['simplify', 'evaluate', 'proof'][id - 1])!) })));
    expect(h.loads()).toBe(1);
  });

  it('answers crashed when the rewrite chunk does not load, and loads it again for the next task', async () => {
    const h = harness(1);
    const first = h.handle({ id: 1, task: task('psd') });
    await Promise.resolve();
    h.release();
    await first;
    expect(h.posted).toEqual([{ id: 1, status: 'crashed', message: 'chunk failed to load' }]);
    expect(h.loads()).toBe(1);
    const second = h.handle({ id: 2, task: { kind: 'laws' } });
    await expect.poll(() => h.loads()).toBe(2);
    h.release();
    await second;
    expect(h.posted[1]).toEqual({ id: 2, status: 'done', result: runTask({ kind: 'laws' }) });
    // The second load succeeded and is kept.
    await h.handle({ id: 3, task: task('simplify') });
    expect(h.posted[2]).toEqual({ id: 3, status: 'done', result: runTask(task('simplify')) });
    expect(h.loads()).toBe(2);
  });

  it('precomputes the seed example’s value (first chunk), then its analysis (second chunk), as runTask computes them, and answers those requests with them', async () => {
    const value = precomputeSeedValue();
    expect([...value.keys()]).toEqual([taskKey(task('evaluate'))]);
    expect(value.get(taskKey(task('evaluate')))).toEqual(runTask(task('evaluate')));
    const analysis = analysisChunk.precomputeSeedAnalysis();
    expect([...analysis.keys()]).toEqual([taskKey(task('analyze'))]);
    expect(analysis.get(taskKey(task('analyze')))).toEqual(runTask(task('analyze')));
    // A marked result shows the answer came from the precomputed map, not from a new run.
    const marked = { kind: 'analyze', ok: false, diagnostics: [] } as const satisfies TaskResult;
    const h = harness(0, new Map([[taskKey(task('analyze')), marked]]));
    await h.handle({ id: 1, task: task('analyze') });
    await h.handle({ id: 2, task: { ...task('analyze'), expr: 'A ⊙ Bᵀ' } as Task });
    expect(h.posted[0]).toEqual({ id: 1, status: 'done', result: marked });
    expect(h.posted[1]).toMatchObject({ id: 2, status: 'done', result: { kind: 'analyze', ok: true } });
  });

  it('ignores messages that are not requests', async () => {
    const h = harness();
    await h.handle({ id: 1, task: { kind: 'shell', cmd: 'rm -rf /' } });
    await h.handle('analyze');
    expect(h.posted).toEqual([]);
    expect(h.loads()).toBe(0);
  });
});

describe('the worker’s first chunk', () => {
  const here = dirname(fileURLToPath(import.meta.url));
  /** The modules `file` imports for their values (not `import type`), followed through relative imports. */
  function valueImports(file: string, seen = new Set<string>()): Set<string> {
    for (const [, what, from] of readFileSync(join(here, file), 'utf8').matchAll(/^import\s+(type\s+)?[^;]*?from\s+'([^']+)'/gms)) {
      if (what !== undefined || from === undefined || seen.has(from)) continue;
      seen.add(from);
      if (from.startsWith('./')) valueImports(from.slice(2), seen);
    }
    return seen;
  }

  it('loads neither the analysis nor the rewrite engine nor the proof checker (they are later chunks)', () => {
    const imports = valueImports('worker.ts');
    expect(imports).toContain('./engine-value.ts');
    expect(imports).toContain('@odot/parser');
    expect(imports).toContain('@odot/numeric');
    const later = ['@odot/rewrite', '@odot/proof', './engine-rewrite.ts', './engine-analyze.ts', './engine-quick.ts', './engine.ts'];
    expect([...imports].filter((m) => later.includes(m))).toEqual([]);
  });
});
