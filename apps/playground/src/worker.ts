/// <reference lib="webworker" />
import { precomputeSeed } from './engine-quick.ts';
import type { PrecomputedMessage } from './protocol.ts';
import { createRequestHandler } from './worker-handler.ts';

/**
 * The engine worker: answers each well-formed request with its result; ignores anything else. Its
 * first chunk answers the analysis and the value; the rewrite engine, the law catalogue and the
 * proof checker are a second chunk, loaded by the first task that needs it (the PSD pane's, asked
 * for right after the value).
 * As it starts it computes the seed example's analysis and value and pushes them to the page
 * unasked (a `PrecomputedMessage`): the page shows them without a request and answer, each of
 * which waits for the page's busy main thread while it loads. Requests for them are answered from
 * them too.
 */
const seed = precomputeSeed();
const handle = createRequestHandler((response) => self.postMessage(response), () => import('./engine-rewrite.ts'), seed);
self.onmessage = (event: MessageEvent<unknown>): void => void handle(event.data);
self.postMessage({ kind: 'precomputed', results: [...seed] } satisfies PrecomputedMessage);
