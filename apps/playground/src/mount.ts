import 'katex/dist/katex.min.css';
import './style.css';
import { append, h, replaceChildren, svg } from './dom.ts';
import { renderMath } from './katex-render.ts';
import {
  tasksFor,
  type AnalyzeView,
  type DiagnosticView,
  type EquivView,
  type EvalView,
  type MatrixView,
  type ProofView,
  type PsdView,
  type SimplifyView,
  type StepView,
  type TaskKind,
  type TaskOutcome,
  type TreeView,
} from './protocol.ts';
import { DEFAULT_LIMIT_MS, MAX_LIMIT_MS, MIN_LIMIT_MS, PLAYGROUND_DIALECTS, SEED_STATE, clampLimit, isDialect, type PlaygroundState } from './state.ts';
import { EXAMPLE_GROUPS } from './examples.ts';
import { decodeState, encodeState, isStateHash, shareHash } from './url-state.ts';
import { eigenBarChart, equivVerdictText, fillMissingBindings, outcomeStatus, parseBindings, proofLines, psdVerdictText, setBindingCell, traceWindow } from './view-models.ts';
import { createEngineClient, type EngineClient, type WorkerLike } from './worker-client.ts';

/** Options of `mountPlayground`. */
export interface MountOptions {
  /** Keep the state in `location.hash` (default true). */
  readonly useHash?: boolean;
  /** The state shown when the URL carries none (default: the seed example). */
  readonly initial?: PlaygroundState;
  /** Makes the engine worker (tests and embedders may replace it). */
  readonly makeWorker?: () => WorkerLike;
  /** The URL of a law's card (`/laws.html#hadamard_comm` in the docs); without it law names are plain text. */
  readonly lawLink?: (law: string) => string;
}

/** A mounted playground. */
export interface PlaygroundHandle {
  /** The current state. */
  readonly state: () => PlaygroundState;
  /** Replaces the state (inputs, hash and results follow). */
  readonly setState: (state: PlaygroundState) => void;
  /** Stops the worker and removes the playground from the page. */
  readonly destroy: () => void;
}

const defaultWorker = (): WorkerLike =>
  new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'odot-engine' }) as unknown as WorkerLike;

/** Largest matrix shown as an editable grid (a 100×100 grid is 10,000 inputs). */
const MAX_GRID = 50;

const PANES: readonly { readonly kind: TaskKind; readonly title: string }[] = [
  { kind: 'analyze', title: 'Expression' },
  { kind: 'evaluate', title: 'Evaluation' },
  { kind: 'psd', title: 'Positive semidefinite?' },
  { kind: 'simplify', title: 'Simplify' },
  { kind: 'equiv', title: 'Equivalence' },
  { kind: 'proof', title: 'Proof check' },
];

/**
 * Mounts the playground into `root`. All user text reaches the page through `textContent`
 * or KaTeX in safe mode; the engine runs in a Web Worker with a time limit per task.
 */
export function mountPlayground(root: HTMLElement, options: MountOptions = {}): PlaygroundHandle {
  const useHash = options.useHash ?? true;
  const client: EngineClient = createEngineClient(options.makeWorker ?? defaultWorker, { timeoutMs: DEFAULT_LIMIT_MS });
  let state: PlaygroundState =
    useHash && isStateHash(location.hash) ? decodeState(location.hash) : (options.initial ?? SEED_STATE);
  let generation = 0;
  /** The formatted parse/givens errors of the current generation's analysis (shown once, not per pane). */
  let inputErrors: string | undefined;
  let debounce: ReturnType<typeof setTimeout> | undefined;

  // ---- inputs -------------------------------------------------------------------------------
  const dialect = h('select', { 'data-testid': 'dialect', 'aria-label': 'dialect' });
  for (const d of PLAYGROUND_DIALECTS) append(dialect, h('option', { value: d }, d));
  const mode = h('select', { 'data-testid': 'mode', 'aria-label': 'numeric mode' }, h('option', { value: 'exact' }, 'exact'), h('option', { value: 'float' }, 'float'));
  const limit = h('input', { type: 'number', min: String(MIN_LIMIT_MS / 1000), max: String(MAX_LIMIT_MS / 1000), step: '0.1', 'data-testid': 'time-limit', 'aria-label': 'time limit in seconds' });
  const expr = h('input', { type: 'text', 'data-testid': 'expr', 'aria-label': 'expression', spellcheck: 'false', autocomplete: 'off', class: 'odot-mono' });
  const givens = h('textarea', { 'data-testid': 'givens', 'aria-label': 'givens', rows: '2', spellcheck: 'false', class: 'odot-mono' });
  const bindings = h('textarea', { 'data-testid': 'bindings', 'aria-label': 'bindings', rows: '3', spellcheck: 'false', class: 'odot-mono' });
  const matrixEditors = h('div', { class: 'odot-editors', 'data-testid': 'matrix-editors' });
  const other = h('input', { type: 'text', 'data-testid': 'other', 'aria-label': 'compare with', spellcheck: 'false', autocomplete: 'off', class: 'odot-mono' });
  const proof = h('textarea', { 'data-testid': 'proof', 'aria-label': 'proof', rows: '8', spellcheck: 'false', class: 'odot-mono' });
  const shareLink = h('input', { type: 'text', readonly: '', 'data-testid': 'share-link', 'aria-label': 'link to this view', class: 'odot-mono' });
  const shareStatus = h('p', { class: 'odot-share-status', 'data-testid': 'share-status', role: 'status' });
  const copyLink = h('button', { type: 'button', class: 'odot-chip', 'data-testid': 'copy-link' }, 'Copy link');
  copyLink.addEventListener('click', () => {
    if (shareLink.value === '') return;
    void navigator.clipboard?.writeText(shareLink.value).then(
      () => (shareStatus.textContent = 'Link copied.'),
      (error: unknown) => (shareStatus.textContent = `Could not copy: ${error instanceof Error ? error.message : String(error)}; select the link and copy it.`),
    );
  });
  const symbols = h('div', { class: 'odot-symbols' });
  for (const symbol of ['⊙', '⊗', 'ᵀ', '·', '⪰', '∘', '^⊙2', '⁻¹']) {
    const button = h('button', { type: 'button', class: 'odot-chip', title: `insert ${symbol}` }, symbol);
    button.addEventListener('click', () => insertAtCursor(expr, symbol));
    append(symbols, button);
  }
  const examples = h('div', { class: 'odot-examples', 'data-testid': 'examples' });
  for (const group of EXAMPLE_GROUPS) {
    const row = h('div', { class: 'odot-example-group', role: 'group', 'aria-label': group.title }, h('span', { class: 'odot-example-title' }, group.title));
    for (const example of group.examples) {
      const button = h('button', { type: 'button', class: 'odot-chip' }, example.label);
      button.addEventListener('click', () => setState(example.state));
      append(row, button);
    }
    append(examples, row);
  }

  const label = (text: string, control: HTMLElement, hint?: string): HTMLElement =>
    h('label', { class: 'odot-field' }, h('span', { class: 'odot-label' }, text), control, hint ? h('small', { class: 'odot-hint' }, hint) : null);

  const inputs = h(
    'section',
    { class: 'odot-inputs', 'aria-label': 'inputs' },
    examples,
    h('div', { class: 'odot-row' }, label('Dialect', dialect), label('Numbers', mode), label('Time limit (s)', limit)),
    label('Expression', expr, 'e.g. A ⊙ B, (A ⊙ B)ᵀ, P ⊙ Q ⪰ 0'),
    symbols,
    label('Givens', givens, 'one declaration per line: A, B: 2×3 · D: n×n diagonal · P: n×n psd · u: 3 · c: scalar'),
    label('Values', bindings, 'one per line: A = [[1,2,3],[4,5,6]] or A = [1 2 3; 4 5 6]'),
    matrixEditors,
    label('Compare with', other, 'an expression to test for equivalence'),
    label('Proof', proof, 'given … / prove … / proof / = EXPR by LAW / qed'),
    label('Link to this view', h('div', { class: 'odot-share' }, shareLink, copyLink)),
    shareStatus,
  );

  // ---- output panes -------------------------------------------------------------------------
  const panes = new Map<TaskKind, { readonly body: HTMLElement; readonly status: HTMLElement; readonly section: HTMLElement }>();
  const outputs = h('section', { class: 'odot-outputs', 'aria-label': 'results' });
  for (const pane of PANES) {
    const status = h('div', { class: 'odot-status', 'data-testid': `status-${pane.kind}`, role: 'status' });
    const body = h('div', { class: 'odot-body', 'data-testid': `pane-${pane.kind}` });
    const section = h('section', { class: 'odot-pane', 'data-pane': pane.kind }, h('h3', {}, pane.title), status, body);
    panes.set(pane.kind, { body, status, section });
    append(outputs, section);
  }

  const container = h('div', { class: 'odot-playground', 'data-testid': 'playground' }, inputs, outputs);
  replaceChildren(root, container);

  // ---- wiring -------------------------------------------------------------------------------
  const readInputs = (): PlaygroundState => ({
    expr: expr.value,
    dialect: isDialect(dialect.value) ? dialect.value : 'plain',
    givens: givens.value,
    bindings: bindings.value,
    mode: mode.value === 'float' ? 'float' : 'exact',
    other: other.value,
    proof: proof.value,
    limitMs: clampLimit(Number(limit.value) * 1000),
  });

  const writeInputs = (s: PlaygroundState): void => {
    if (expr.value !== s.expr) expr.value = s.expr;
    dialect.value = s.dialect;
    mode.value = s.mode;
    if (givens.value !== s.givens) givens.value = s.givens;
    if (bindings.value !== s.bindings) bindings.value = s.bindings;
    if (other.value !== s.other) other.value = s.other;
    if (proof.value !== s.proof) proof.value = s.proof;
    if (clampLimit(Number(limit.value) * 1000) !== s.limitMs) limit.value = String(s.limitMs / 1000);
  };

  const onInput = (): void => {
    state = readInputs();
    schedule();
  };
  for (const control of [expr, givens, bindings, other, proof]) control.addEventListener('input', onInput);
  for (const control of [dialect, mode, limit]) control.addEventListener('change', onInput);

  const onHashChange = (): void => {
    if (!isStateHash(location.hash)) return;
    const next = decodeState(location.hash);
    if (encodeState(next) === encodeState(state)) return;
    state = next;
    writeInputs(state);
    run();
  };
  if (useHash) window.addEventListener('hashchange', onHashChange);

  function schedule(): void {
    if (debounce !== undefined) clearTimeout(debounce);
    debounce = setTimeout(run, 150);
  }

  function setState(next: PlaygroundState): void {
    state = next;
    writeInputs(state);
    run();
  }

  function run(): void {
    debounce = undefined;
    updateLink();
    renderEditors();
    const mine = ++generation;
    inputErrors = undefined;
    client.supersede();
    const tasks = tasksFor(state);
    const wanted = new Set(tasks.map((t) => t.kind));
    for (const [kind, pane] of panes) {
      pane.section.hidden = !wanted.has(kind);
      pane.status.textContent = wanted.has(kind) ? 'working…' : '';
      pane.section.setAttribute('aria-busy', wanted.has(kind) ? 'true' : 'false');
    }
    for (const task of tasks) {
      void client.run(task, state.limitMs).then((outcome) => {
        if (mine !== generation || outcome.status === 'superseded') return;
        renderOutcome(task.kind, outcome);
      });
    }
  }

  /** Writes the state into the hash and the link field, or says why it does not fit in a link. */
  function updateLink(): void {
    const share = shareHash(state);
    if (share.ok) {
      if (useHash && location.hash !== share.hash) history.replaceState(history.state, '', share.hash);
      shareLink.value = useHash ? location.href : share.hash;
      shareStatus.textContent = '';
      return;
    }
    // A stale hash would restore a different view: drop it and say why there is no link.
    if (useHash && location.hash !== '') history.replaceState(history.state, '', location.pathname + location.search);
    shareLink.value = '';
    shareStatus.textContent = share.message;
  }

  function renderEditors(): void {
    const lines = parseBindings(state.bindings);
    replaceChildren(matrixEditors);
    for (const line of lines) {
      if (!line.cells) continue;
      const cols = Math.max(0, ...line.cells.map((row) => row.length));
      if (line.cells.length > MAX_GRID || cols > MAX_GRID) {
        append(matrixEditors, h('p', { class: 'odot-hint', 'data-testid': `matrix-editor-${line.name}` }, `${line.name} is ${line.cells.length}×${cols}: edit it as text above (grids go up to ${MAX_GRID}×${MAX_GRID}).`));
        continue;
      }
      const table = h('table', { class: 'odot-grid', 'data-testid': `matrix-editor-${line.name}` });
      line.cells.forEach((row, i) => {
        const tr = h('tr');
        row.forEach((cell, j) => {
          const input = h('input', {
            type: 'text',
            value: cell,
            size: '4',
            'aria-label': `${line.name}[${i + 1},${j + 1}]`,
            'data-testid': `cell-${line.name}-${i}-${j}`,
          });
          input.addEventListener('change', () => {
            const text = setBindingCell(bindings.value, line.name, i, j, input.value);
            bindings.value = text;
            onInput();
          });
          append(tr, h('td', {}, input));
        });
        append(table, tr);
      });
      append(matrixEditors, h('div', { class: 'odot-editor' }, h('span', { class: 'odot-mono' }, `${line.name} =`), h('div', { class: 'odot-scroll' }, table)));
    }
  }

  /** The latest analysis (for the "fill in values" button). */
  let lastAnalysis: AnalyzeView | undefined;

  function fillButton(): HTMLElement | null {
    const sized = lastAnalysis?.sized ?? [];
    const next = fillMissingBindings(bindings.value, sized);
    if (next === bindings.value) return null;
    const button = h('button', { type: 'button', class: 'odot-chip', 'data-testid': 'fill-values' }, 'fill in example values');
    button.addEventListener('click', () => {
      bindings.value = next;
      onInput();
    });
    return button;
  }

  function renderOutcome(kind: TaskKind, outcome: TaskOutcome): void {
    const pane = panes.get(kind);
    if (!pane) return;
    pane.section.setAttribute('aria-busy', 'false');
    pane.status.textContent = outcomeStatus(outcome);
    pane.status.classList.toggle('odot-timeout', outcome.status === 'timeout');
    if (outcome.status !== 'done') {
      replaceChildren(pane.body);
      return;
    }
    const result = outcome.result;
    if (result.kind === 'analyze') lastAnalysis = result.ok ? result.view : undefined;
    if (!result.ok && result.kind === 'evaluate' && result.diagnostics.every((d) => d.code === 'unbound')) {
      replaceChildren(pane.body, diagnosticsBlock(result.diagnostics), fillButton());
      return;
    }
    if (!result.ok) {
      const formatted = result.diagnostics.map((d) => d.formatted).join('\n');
      if (result.kind === 'analyze') inputErrors = formatted;
      else if (formatted === inputErrors) {
        // The same input error as the Expression pane: it is shown once, there; this pane waits.
        replaceChildren(pane.body);
        pane.section.hidden = true;
        return;
      }
      replaceChildren(pane.body, diagnosticsBlock(result.diagnostics));
      return;
    }
    switch (result.kind) {
      case 'analyze':
        return replaceChildren(pane.body, analyzeBlock(result.view));
      case 'evaluate':
        return replaceChildren(pane.body, evalBlock(result.view));
      case 'psd':
        return replaceChildren(pane.body, psdBlock(result.view));
      case 'simplify':
        return replaceChildren(pane.body, simplifyBlock(result.view, options.lawLink));
      case 'equiv':
        return replaceChildren(pane.body, equivBlock(result.view, options.lawLink));
      case 'proof':
        return replaceChildren(pane.body, proofBlock(state.proof, result.view, requestHint));
      case 'hint':
        return; // shown by the proof pane's Hint button, which asked for it
    }
  }

  /** The Hint button's request: the next step of the current proof, written into `show`. */
  function requestHint(show: (text: string) => void): void {
    show('thinking…');
    void client.run({ kind: 'hint', proof: state.proof }, state.limitMs).then((outcome) => {
      if (outcome.status !== 'done') return show(outcomeStatus(outcome));
      const result = outcome.result;
      if (result.kind !== 'hint') return;
      show(result.ok ? result.view.text : result.diagnostics.map((d) => d.formatted).join('\n'));
    });
  }

  writeInputs(state);
  run();

  return {
    state: () => state,
    setState,
    destroy: () => {
      if (debounce !== undefined) clearTimeout(debounce);
      if (useHash) window.removeEventListener('hashchange', onHashChange);
      client.dispose();
      root.replaceChildren();
    },
  };
}

function insertAtCursor(input: HTMLInputElement, text: string): void {
  const start = input.selectionStart ?? input.value.length;
  const end = input.selectionEnd ?? start;
  input.value = input.value.slice(0, start) + text + input.value.slice(end);
  input.selectionStart = input.selectionEnd = start + text.length;
  input.focus();
  input.dispatchEvent(new Event('input'));
}

function math(latex: string, testid: string): HTMLElement {
  const element = h('div', { class: 'odot-math', 'data-testid': testid });
  renderMath(element, latex);
  return element;
}

function diagnosticsBlock(diagnostics: readonly DiagnosticView[]): HTMLElement {
  return h(
    'div',
    { class: 'odot-diagnostics', 'data-testid': 'diagnostics' },
    ...diagnostics.map((d) => h('pre', { class: `odot-diagnostic odot-${d.severity}`, 'data-code': d.code }, d.formatted)),
  );
}

function treeBlock(tree: TreeView): HTMLElement {
  const item = (node: TreeView): HTMLElement =>
    h('li', {}, h('span', { class: 'odot-node' }, node.label), node.children.length > 0 ? h('ul', {}, ...node.children.map(item)) : null);
  return h('ul', { class: 'odot-tree', 'data-testid': 'tree' }, item(tree));
}

function analyzeBlock(view: AnalyzeView): HTMLElement {
  return h(
    'div',
    {},
    math(view.latex, 'rendered'),
    h(
      'dl',
      { class: 'odot-facts' },
      h('dt', {}, 'shape'),
      h('dd', { 'data-testid': 'shape', class: 'odot-mono' }, view.shape ?? 'shape error'),
      h('dt', {}, 'plain'),
      h('dd', { 'data-testid': 'plain', class: 'odot-mono' }, view.plain),
      h('dt', {}, 'S-expression'),
      h('dd', { 'data-testid': 'sexpr', class: 'odot-mono' }, view.sexpr),
    ),
    view.shapeError ? diagnosticsBlock([view.shapeError]) : null,
    view.notes.length > 0 ? h('div', { 'data-testid': 'notes' }, diagnosticsBlock(view.notes)) : null,
    h('details', { class: 'odot-tree-box' }, h('summary', {}, 'parse tree'), treeBlock(view.tree)),
  );
}

function matrixTable(view: MatrixView, testid?: string): HTMLElement {
  return h(
    'div',
    { class: 'odot-scroll' },
    h('table', { class: 'odot-matrix', ...(testid ? { 'data-testid': testid } : {}) }, ...view.rows.map((row) => h('tr', {}, ...row.map((cell) => h('td', {}, cell))))),
  );
}

function evalBlock(view: EvalView): HTMLElement {
  return h(
    'div',
    {},
    math(view.latex, 'eval-latex'),
    h('dl', { class: 'odot-facts' }, h('dt', {}, 'value'), h('dd', { class: 'odot-mono', 'data-testid': 'eval-result' }, view.text), h('dt', {}, 'shape'), h('dd', { class: 'odot-mono', 'data-testid': 'eval-shape' }, view.shape)),
  );
}

function psdBlock(view: PsdView): HTMLElement {
  const chart = eigenBarChart(view.eigenvalues);
  const chartSvg = svg('svg', { width: chart.width, height: chart.height + 4, viewBox: `0 0 ${chart.width} ${chart.height + 4}`, role: 'img', 'aria-label': 'eigenvalues', 'data-testid': 'eigen-chart', class: 'odot-chart' });
  for (const bar of chart.bars) {
    append(
      chartSvg,
      svg('rect', { x: bar.x, y: bar.y, width: bar.width, height: Math.max(bar.height, 0.5), class: bar.negative ? 'odot-bar odot-bar-negative' : 'odot-bar' }, svg('title', {}, bar.label)),
    );
  }
  append(chartSvg, svg('line', { x1: 0, x2: chart.width, y1: chart.zeroY, y2: chart.zeroY, class: 'odot-axis' }));
  return h(
    'div',
    {},
    h('p', { class: `odot-verdict odot-verdict-${view.verdict}`, 'data-testid': 'psd-verdict' }, psdVerdictText(view), h('small', {}, ` (${view.method})`)),
    view.eigenvalues.length > 0 ? chartSvg : null,
    view.eigenvalues.length > 0 ? h('p', { class: 'odot-mono', 'data-testid': 'eigenvalues' }, chart.bars.map((b) => b.label).join('   ')) : null,
    view.evidence.length > 0 ? h('ul', { class: 'odot-evidence' }, ...view.evidence.map((e) => h('li', { class: 'odot-mono' }, e))) : null,
  );
}

/** How a law name is shown: a link to its card when the embedder knows where cards live. */
type LawLink = ((law: string) => string) | undefined;

/** Terms longer than this (LaTeX characters) are shown as text: KaTeX of a huge sum helps no one and costs seconds. */
const MAX_STEP_LATEX = 600;
/** Hidden steps revealed per click of "show more". */
const TRACE_CHUNK = 50;

function stepItem(step: StepView, lawLink: LawLink): HTMLElement {
  const name = h('code', { 'data-testid': 'step-law' }, step.law);
  let term: HTMLElement;
  if (step.afterLatex.length > MAX_STEP_LATEX) term = h('span', { class: 'odot-mono odot-step-text' }, `= ${step.after}`);
  else {
    term = h('div', { class: 'odot-math odot-step-math' });
    renderMath(term, `= ${step.afterLatex}`, false);
  }
  return h(
    'li',
    { class: 'odot-step' },
    term,
    h('span', { class: 'odot-by' }, ' by '),
    lawLink ? h('a', { href: lawLink(step.law) }, name) : name,
    step.direction === 'backward' ? h('small', {}, ' (right to left)') : null,
  );
}

/** The "show more" row of a long trace: each click renders the next hidden chunk in place. */
function revealer(hidden: readonly StepView[], lawLink: LawLink): HTMLElement {
  let shown = 0;
  const more = h('button', { type: 'button', class: 'odot-chip', 'data-testid': 'trace-expand' });
  const gap = h('li', { class: 'odot-step odot-step-gap' }, more);
  const label = (): void => {
    const left = hidden.length - shown;
    more.textContent = `${left} more steps: show ${Math.min(TRACE_CHUNK, left)}`;
  };
  label();
  more.addEventListener('click', () => {
    const next = hidden.slice(shown, shown + TRACE_CHUNK).map((step) => stepItem(step, lawLink));
    shown += next.length;
    gap.before(...next);
    if (shown >= hidden.length) gap.remove();
    else label();
  });
  return gap;
}

/**
 * A rewrite trace: the input, then one KaTeX line per step with its law. Long traces show the
 * first and last steps; the rest are rendered only when asked for (a 1,000-step trace stays cheap).
 */
function stepsList(inputLatex: string | undefined, steps: readonly StepView[], testid: string, lawLink: LawLink): HTMLElement {
  const list = h('ol', { class: 'odot-steps', 'data-testid': testid });
  if (inputLatex !== undefined) {
    const start = h('div', { class: 'odot-math odot-step-math', 'data-testid': 'trace-input' });
    renderMath(start, inputLatex, false);
    append(list, h('li', { class: 'odot-step odot-step-input' }, start));
  }
  const window = traceWindow(steps.length);
  for (const step of steps.slice(0, window.first)) append(list, stepItem(step, lawLink));
  if (window.hidden > 0) {
    append(list, revealer(steps.slice(window.first, steps.length - window.last), lawLink));
    for (const step of steps.slice(steps.length - window.last)) append(list, stepItem(step, lawLink));
  }
  return list;
}

function simplifyBlock(view: SimplifyView, lawLink: LawLink): HTMLElement {
  const stopped = view.limit !== undefined;
  return h(
    'div',
    { 'data-stopped': stopped ? 'true' : 'false' },
    stopped
      ? h('p', { class: 'odot-warning', role: 'alert', 'data-testid': 'simplify-limit' }, `Stopped by a limit (${view.limit}) after ${view.steps.length} steps: the result below is where it stopped, not a simplified form.`)
      : null,
    h('p', { class: 'odot-label' }, stopped ? 'Not simplified (stopped):' : view.steps.length === 0 ? 'Already in normal form:' : 'Simplified:'),
    math(view.resultLatex, 'simplified'),
    h('p', { class: 'odot-mono', 'data-testid': 'simplify-result' }, view.result),
    view.steps.length === 0 ? null : h('details', { class: 'odot-trace', open: stopped ? undefined : '' }, h('summary', {}, `${view.steps.length} steps`), stepsList(view.inputLatex, view.steps, 'simplify-steps', lawLink)),
  );
}

function equivBlock(view: EquivView, lawLink: LawLink): HTMLElement {
  const verdict = view.equivalent ? 'yes' : view.method === 'unknown' ? 'unknown' : 'no';
  return h(
    'div',
    { 'data-testid': 'equiv-result' },
    h('p', { class: `odot-verdict odot-verdict-${verdict}`, 'data-testid': 'equiv-verdict' }, equivVerdictText(view), h('small', {}, ` (${view.method})`)),
    h('p', { class: 'odot-explanation' }, view.explanation),
    view.steps.length > 0 ? stepsList(undefined, view.steps, 'equiv-steps', lawLink) : null,
    view.counterexample
      ? h(
          'div',
          { 'data-testid': 'counterexample' },
          h('p', {}, 'counterexample:'),
          ...view.counterexample.map((m) => h('div', { class: 'odot-editor' }, h('span', { class: 'odot-mono' }, `${m.name} =`), matrixTable(m.value))),
          view.sides
            ? h('div', { class: 'odot-editors' }, h('div', { class: 'odot-editor' }, h('span', {}, 'left ='), matrixTable(view.sides.left)), h('div', { class: 'odot-editor' }, h('span', {}, 'right ='), matrixTable(view.sides.right)))
            : null,
        )
      : null,
    view.errorBound ? h('p', {}, `error probability ≤ ${view.errorBound}`) : null,
    view.limit ? h('p', { class: 'odot-warning' }, `stopped: ${view.limit}`) : null,
  );
}

/** The Hint button of an unfinished proof and the box its answer goes to. */
function hintBlock(requestHint: (show: (text: string) => void) => void): HTMLElement {
  const output = h('pre', { class: 'odot-mono', 'data-testid': 'proof-hint', hidden: '' });
  const button = h('button', { type: 'button', class: 'odot-chip', 'data-testid': 'proof-hint-button' }, 'Hint');
  button.addEventListener('click', () =>
    requestHint((text) => {
      output.hidden = false;
      output.textContent = text;
    }),
  );
  return h('div', {}, button, output);
}

function proofBlock(text: string, view: ProofView, requestHint: (show: (text: string) => void) => void): HTMLElement {
  const lines = proofLines(text, view);
  return h(
    'div',
    {},
    h('p', { class: `odot-verdict ${view.valid ? 'odot-verdict-yes' : 'odot-verdict-no'}`, 'data-testid': 'proof-verdict' }, view.valid ? 'proof checked ✓' : 'proof has errors ✗'),
    view.valid ? null : hintBlock(requestHint),
    h(
      'div',
      { class: 'odot-scroll' },
      h(
      'table',
      { class: 'odot-proof', 'data-testid': 'proof-lines' },
      ...lines.map((line) =>
        h(
          'tr',
          { 'data-testid': `proof-line-${line.line}`, class: line.mark === '✗' ? 'odot-bad' : line.mark === '✓' ? 'odot-good' : '' },
          h('td', { class: 'odot-lineno' }, String(line.line)),
          h('td', { class: 'odot-mark', 'data-testid': `proof-mark-${line.line}` }, line.mark),
          h('td', { class: 'odot-mono' }, line.text),
          h('td', { class: 'odot-message' }, line.message),
        ),
      ),
      ),
    ),
    diagnosticsBlock(view.diagnostics.filter((d) => d.line === undefined)),
  );
}
