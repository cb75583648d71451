import { clearUnowned } from './enhance.ts';
import type { Form } from './form.ts';
import type { Panes } from './panes.ts';
import { tasksFor, type TaskKind } from './protocol.ts';
import type { Results } from './results.ts';
import type { PlaygroundState } from './state.ts';
import type { EngineClient } from './worker-client.ts';

/** A task a run started: its kind, and when its outcome has been handled (rendered, or dropped as superseded). */
export interface StartedTask {
  readonly kind: TaskKind;
  readonly handled: Promise<void>;
}

/**
 * Runs a state's tasks on the engine, one pane each: the panes show "working…", and each outcome
 * is rendered unless a newer run has superseded it. Returns the tasks started.
 */
export function createTaskRunner(client: EngineClient, panes: Panes, results: Results, form: Form): (state: PlaygroundState) => readonly StartedTask[] {
  let generation = 0;
  return (state) => {
    const mine = ++generation;
    results.reset();
    client.supersede();
    const tasks = tasksFor(state);
    const wanted = new Set(tasks.map((t) => t.kind));
    panes.begin(wanted);
    clearUnowned(form, wanted);
    return tasks.map((task) => ({
      kind: task.kind,
      handled: client.run(task, state.limitMs).then((outcome) => {
        if (mine === generation && outcome.status !== 'superseded') results.render(task.kind, outcome);
      }),
    }));
  };
}

/**
 * Follows `location.hash` (a pasted link, back/forward): `apply` gets the state `decode` reads from
 * each new hash (undefined: not a state, or the one shown). Returns the unsubscribe.
 */
export function watchHash(apply: (state: PlaygroundState) => void, decode: (hash: string) => PlaygroundState | undefined): () => void {
  const onHashChange = (): void => {
    const next = decode(location.hash);
    if (next !== undefined) apply(next);
  };
  window.addEventListener('hashchange', onHashChange);
  return () => window.removeEventListener('hashchange', onHashChange);
}
