/// <reference lib="webworker" />
import { precomputeSeed } from './engine-quick.ts';
import { createRequestHandler } from './worker-handler.ts';

/**
 * The engine worker: answers each well-formed request with its result; ignores anything else. Its
 * first chunk answers the analysis and the value; the rewrite engine, the law catalogue and the
 * proof checker are a second chunk, loaded by the first task that needs it (the PSD pane's, asked
 * for right after the value).
 * As it starts it computes the seed example's analysis and value, which the page asks for first
 * unless its link holds another state.
 */
const handle = createRequestHandler(
  (response) => self.postMessage(response),
  () => import('./engine-rewrite.ts'),
  precomputeSeed(),
);

self.onmessage = (event: MessageEvent<unknown>): void => void handle(event.data);
