/// <reference lib="webworker" />
import { precomputeSeedValue } from './engine-value.ts';
import type { PrecomputedMessage, TaskResult } from './protocol.ts';
import { createRequestHandler, loadOnce } from './worker-handler.ts';

/**
 * The engine worker: answers each well-formed request with its result; ignores anything else. Its
 * first chunk is the parser, the evaluator and the printers (the value); the analysis is a second
 * chunk, and the rewrite engine, the law catalogue and the proof checker a third, loaded by the
 * first task that needs it (the PSD pane's, asked for right after the page mounts, unless the
 * page has that answer already: the docs page's HTML holds the seed's, computed at build).
 * As it starts it computes the seed example's value and pushes it to the page unasked (a
 * `PrecomputedMessage`): the page's head script shows it before any of the page's modules has
 * run. Then it loads the analysis and pushes the seed's analysis likewise. Requests for them are
 * answered from them too.
 */
const known = new Map<string, TaskResult>(precomputeSeedValue());
const push = (results: ReadonlyMap<string, TaskResult>): void => self.postMessage({ kind: 'precomputed', results: [...results] } satisfies PrecomputedMessage);
const analysis = loadOnce(() => import('./engine-analyze.ts'));
const handle = createRequestHandler((response) => self.postMessage(response), { analysis, rewrite: () => import('./engine-rewrite.ts') }, known);
self.onmessage = (event: MessageEvent<unknown>): void => void handle(event.data);
push(known);
analysis().then(
  (chunk) => {
    const results = chunk.precomputeSeedAnalysis();
    for (const [key, result] of results) known.set(key, result);
    push(results);
  },
  // Not loaded: the page asks for the analysis, and the handler loads the chunk again.
  () => undefined,
);
