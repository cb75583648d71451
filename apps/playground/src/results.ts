import { h, replaceChildren } from './dom.ts';
import type { Pane, Panes } from './panes.ts';
import type { AnalyzeView, TaskKind, TaskOutcome, TaskResult } from './protocol.ts';
import { analyzeBlock } from './render/analyze.ts';
import { diagnosticsBlock } from './render/diagnostics.ts';
import { equivBlock } from './render/equiv.ts';
import { evalBlock } from './render/evaluate.ts';
import { proofBlock, type RequestHint } from './render/proof.ts';
import { psdBlock } from './render/psd.ts';
import { simplifyBlock } from './render/simplify.ts';
import type { LawLink } from './render/trace.ts';
import { fillMissingBindings, outcomeStatus } from './view-models.ts';

/** What the result renderer reads from the rest of the playground. */
export interface ResultsContext {
  readonly lawLink: LawLink;
  /** The proof text the proof result belongs to. */
  readonly proofText: () => string;
  /** The values text, for the "fill in example values" button. */
  readonly bindings: () => string;
  /** Replaces the values text (the button's action). */
  readonly setBindings: (text: string) => void;
  /** The proof pane's Hint button (absent: no button). */
  readonly requestHint?: RequestHint;
  /** Runs after each finished task's result is shown. */
  readonly onResult?: (result: TaskResult) => void;
}

/** Renders task outcomes into the panes. */
export interface Results {
  /** Starts a new run: forgets the previous run's input errors. */
  readonly reset: () => void;
  readonly render: (kind: TaskKind, outcome: TaskOutcome) => void;
}

/** A result some pane shows: not a hint (shown by the Hint button that asked for it) nor the law list (the proof editor's completions). */
type PaneResult = Exclude<TaskResult, { readonly kind: 'hint' | 'laws' }>;

/** A successful result's view, rendered by its pane's block. */
function resultBlock(result: PaneResult & { readonly ok: true }, context: ResultsContext): HTMLElement {
  switch (result.kind) {
    case 'analyze':
      return analyzeBlock(result.view);
    case 'evaluate':
      return evalBlock(result.view);
    case 'psd':
      return psdBlock(result.view);
    case 'simplify':
      return simplifyBlock(result.view, context.lawLink);
    case 'equiv':
      return equivBlock(result.view, context.lawLink);
    case 'proof':
      return proofBlock(context.proofText(), result.view, context.requestHint);
  }
}

/** Creates the renderer. A parse or givens error is shown once (under Expression); panes that would repeat it are hidden. */
export function createResults(panes: Panes, context: ResultsContext): Results {
  /** The formatted input errors of the current run's analysis. */
  let inputErrors: string | undefined;
  /** The latest analysis (for the "fill in values" button). */
  let lastAnalysis: AnalyzeView | undefined;

  const fillButton = (): HTMLElement | null => {
    const next = fillMissingBindings(context.bindings(), lastAnalysis?.sized ?? []);
    if (next === context.bindings()) return null;
    const button = h('button', { type: 'button', class: 'odot-chip', 'data-testid': 'fill-values' }, 'fill in example values');
    button.addEventListener('click', () => context.setBindings(next));
    return button;
  };

  const renderFailure = (pane: Pane, result: TaskResult & { readonly ok: false }): void => {
    if (result.kind === 'evaluate' && result.diagnostics.every((d) => d.code === 'unbound')) {
      replaceChildren(pane.body, diagnosticsBlock(result.diagnostics), fillButton());
      return;
    }
    const formatted = result.diagnostics.map((d) => d.formatted).join('\n');
    if (result.kind === 'analyze') inputErrors = formatted;
    else if (formatted === inputErrors) {
      // The same input error as the Expression pane: it is shown once, there; this pane waits.
      replaceChildren(pane.body);
      pane.section.hidden = true;
      return;
    }
    replaceChildren(pane.body, diagnosticsBlock(result.diagnostics));
  };

  const render = (kind: TaskKind, outcome: TaskOutcome): void => {
    const pane = panes.byKind.get(kind);
    if (!pane) return;
    pane.section.setAttribute('aria-busy', 'false');
    pane.status.textContent = outcomeStatus(outcome);
    pane.status.classList.toggle('odot-timeout', outcome.status === 'timeout');
    if (outcome.status !== 'done') return replaceChildren(pane.body);
    const result = outcome.result;
    if (result.kind === 'hint' || result.kind === 'laws') return; // shown by the Hint button, used by the completions
    if (result.kind === 'analyze') lastAnalysis = result.ok ? result.view : undefined;
    if (result.ok) replaceChildren(pane.body, resultBlock(result, context));
    else renderFailure(pane, result);
    context.onResult?.(result);
  };

  return { reset: () => (inputErrors = undefined), render };
}
