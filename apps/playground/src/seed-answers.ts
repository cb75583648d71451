// The seed example's answers that need the rewrite engine (PSD, simplification, equivalence,
// proof), computed at build by the engine's own functions: the docs page's HTML holds them, and
// the playground is handed them as answers pushed before it asked (a `PrecomputedMessage`), so the
// page as it opens never loads the worker's rewrite chunk (~70 KB gzip) for the seed. The worker
// still computes and pushes the value and the analysis itself. Build time only.
import { isQuickTask } from './engine-quick.ts';
import { runTask } from './engine.ts';
import { taskKey, tasksFor, type PrecomputedMessage } from './protocol.ts';
import { SEED_STATE, type PlaygroundState } from './state.ts';

/** The answers of `state`'s (the seed's by default) tasks that need the rewrite engine, by `taskKey`. */
export function precomputeRewriteAnswers(state: PlaygroundState = SEED_STATE): PrecomputedMessage {
  const tasks = tasksFor(state).filter((task) => !isQuickTask(task));
  return { kind: 'precomputed', results: tasks.map((task) => [taskKey(task), runTask(task)] as const) };
}
