import './style.css';
import { h, replaceChildren } from './dom.ts';
import { createForm } from './form.ts';
import { addRenderedFormulas, loadMath } from './katex-render.ts';
import { loadMathStyle, useMathStylesheet } from './katex-style.ts';
import { renderMatrixEditors } from './matrix-editors.ts';
import { createPanes } from './panes.ts';
import { applyMarks, editorLoader } from './enhance.ts';
import type { TaskResult } from './protocol.ts';
import { createTaskRunner, watchHash, type StartedTask } from './task-runner.ts';
import { createResults } from './results.ts';
import { createShareLink } from './share-link.ts';
import { DEFAULT_LIMIT_MS, SEED_STATE, type PlaygroundState } from './state.ts';
import { decodeState, encodeState, isStateHash } from './url-state.ts';
import { outcomeStatus, setBindingCell } from './view-models.ts';
import { createEngineClient, type EngineClient, type WorkerLike } from './worker-client.ts';
import { createLawList, type LawList } from './law-list.ts';

/** Options of `mountPlayground`. */
export interface MountOptions {
  /** Keep the state in `location.hash` (default true). */
  readonly useHash?: boolean;
  /** The state shown when the URL carries none (default: the seed example). */
  readonly initial?: PlaygroundState;
  /** Makes the engine worker (tests and embedders may replace it). */
  readonly makeWorker?: () => WorkerLike;
  /**
   * An engine worker already started for this page (the docs page starts one from its head, in
   * parallel with the page's own scripts): the first tasks run on it; a restart (after a timeout)
   * makes a new one.
   */
  readonly firstWorker?: WorkerLike;
  /** Messages `firstWorker` sent before the playground took it (its pushed answers, kept by whoever started it). */
  readonly firstMessages?: readonly unknown[];
  /** The URL of a law's card (`/laws.html#hadamard_comm` in the docs); without it law names are plain text. */
  readonly lawLink?: (law: string) => string;
  /**
   * Formulas KaTeX rendered ahead of time, by `formulaKey` (the docs page's HTML holds the seed
   * example's, rendered at build): shown without loading KaTeX, which loads only for a formula
   * not among them (or once someone starts to edit).
   */
  readonly formulas?: ReadonlyMap<string, Node>;
  /** KaTeX's stylesheet, loaded when the playground first shows a formula (the docs site's pages have it out of their CSS); without it the page is taken to have it (the standalone playground bundles it). */
  readonly mathStylesheet?: string;
}

/** A mounted playground. */
export interface PlaygroundHandle {
  /** The current state. */
  readonly state: () => PlaygroundState;
  /** Replaces the state (inputs, hash and results follow). */
  readonly setState: (state: PlaygroundState) => void;
  /**
   * Resolves once the first state's analysis and value (its first answers, which the docs page
   * lets the browser paint before it hydrates) are shown; at once when it asks for neither.
   */
  readonly firstAnswer: Promise<void>;
  /** Stops the worker and removes the playground from the page. */
  readonly destroy: () => void;
}

const defaultWorker = (): WorkerLike =>
  new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'odot-engine' }) as unknown as WorkerLike;

/** Makes workers: `first` (when given) the first time, then `make`. */
function firstThen(first: WorkerLike | undefined, make: () => WorkerLike): () => WorkerLike {
  let waiting = first;
  return () => {
    const worker = waiting ?? make();
    waiting = undefined;
    return worker;
  };
}

/**
 * The law list of the proof editor's completions, asked of the worker (the catalogue lives there,
 * not in the page's bundle). The request is kept when typing supersedes the queue.
 */
function workerLawList(client: EngineClient): LawList {
  return createLawList(async () => {
    const outcome = await client.run({ kind: 'laws' }, undefined, { keep: true });
    return outcome.status === 'done' && outcome.result.kind === 'laws' && outcome.result.ok ? outcome.result.view.laws : undefined;
  });
}

/** The engine client of a mounted playground: its first worker (if given) with the answers it already pushed. */
function engineClient(options: MountOptions): EngineClient {
  const client = createEngineClient(firstThen(options.firstWorker, options.makeWorker ?? defaultWorker), { timeoutMs: DEFAULT_LIMIT_MS });
  for (const message of options.firstMessages ?? []) client.receive(message);
  return client;
}

/** The Hint button's request: the next step of the current proof (or why there is none), written into `show`. */
function hintRequest(client: EngineClient, current: () => PlaygroundState): (show: (text: string) => void) => void {
  return (show) => {
    const state = current();
    show('thinking…');
    void client.run({ kind: 'hint', proof: state.proof }, state.limitMs).then((outcome) => {
      if (outcome.status !== 'done') return show(outcomeStatus(outcome));
      const result = outcome.result;
      if (result.kind !== 'hint') return;
      show(result.ok ? result.view.text : result.diagnostics.map((d) => d.formatted).join('\n'));
    });
  };
}

/** The state a new hash carries, unless it is no state or the one shown already. */
function changedState(hash: string, shown: PlaygroundState): PlaygroundState | undefined {
  return isStateHash(hash) && encodeState(decodeState(hash)) !== encodeState(shown) ? decodeState(hash) : undefined;
}

/** Resolves once the started analysis and value tasks (the first answers) are handled. */
function firstAnswerOf(started: readonly StartedTask[]): Promise<void> {
  const first = started.filter((task) => task.kind === 'analyze' || task.kind === 'evaluate');
  return Promise.all(first.map((task) => task.handled)).then(() => undefined);
}

/**
 * Mounts the playground into `root`. All user text reaches the page through `textContent`
 * or KaTeX in safe mode; the engine runs in a Web Worker with a time limit per task.
 */
export function mountPlayground(root: HTMLElement, options: MountOptions = {}): PlaygroundHandle {
  const useHash = options.useHash ?? true;
  const client = engineClient(options);
  let state: PlaygroundState = useHash && isStateHash(location.hash) ? decodeState(location.hash) : (options.initial ?? SEED_STATE);
  let debounce: ReturnType<typeof setTimeout> | undefined;
  const onInput = (): void => {
    state = form.read();
    if (debounce !== undefined) clearTimeout(debounce);
    debounce = setTimeout(run, 150);
  };
  const setState = (next: PlaygroundState): void => {
    state = next;
    form.write(state);
    run();
  };
  const share = createShareLink(useHash);
  const form = createForm(onInput, setState, share, workerLawList(client));
  const bindings = form.fields.bindings;
  const setBindings = (text: string): void => {
    bindings.current().setValue(text);
    onInput();
  };
  addRenderedFormulas(options.formulas ?? new Map());
  if (options.mathStylesheet !== undefined) useMathStylesheet(options.mathStylesheet);
  void loadMathStyle();
  // The code editor loads when someone reaches for the form (or a result has marks to show), and
  // KaTeX then too (a formula not rendered ahead of time loads it as well): the page as it opens
  // needs neither.
  const editors = editorLoader(form, () => void loadMath());
  const onResult = (result: TaskResult): void => {
    if (applyMarks(form, result, state.proof)) void editors.load();
  };
  const requestHint = hintRequest(client, () => state);
  const panes = createPanes();
  const results = createResults(panes, { lawLink: options.lawLink, proofText: () => state.proof, bindings: () => bindings.current().value(), setBindings, requestHint, onResult });
  const runTasks = createTaskRunner(client, panes, results, form);
  replaceChildren(root, h('div', { class: 'odot-playground', 'data-testid': 'playground' }, form.element, panes.element));

  function run(): readonly StartedTask[] {
    debounce = undefined;
    share.update(state);
    renderMatrixEditors(form.matrixEditors, state.bindings, (name, i, j, text) => setBindings(setBindingCell(bindings.current().value(), name, i, j, text)));
    return runTasks(state);
  }

  const unwatch = useHash ? watchHash(setState, (hash) => changedState(hash, state)) : undefined;
  form.write(state);
  const firstAnswer = firstAnswerOf(run());

  return {
    state: () => state,
    firstAnswer,
    setState,
    destroy: () => {
      if (debounce !== undefined) clearTimeout(debounce);
      unwatch?.();
      client.dispose();
      root.replaceChildren();
    },
  };
}
