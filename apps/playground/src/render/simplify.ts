import { h } from '../dom.ts';
import type { SimplifyView } from '../protocol.ts';
import { math } from './math.ts';
import { stepsList, type LawLink } from './trace.ts';

/**
 * The Simplify pane. A limit is said first and the result is then labelled "Not simplified
 * (stopped)", never "Simplified"; the trace starts from the input.
 */
export function simplifyBlock(view: SimplifyView, lawLink: LawLink): HTMLElement {
  const stopped = view.limit !== undefined;
  const warning = `Stopped by a limit (${view.limit}) after ${view.steps.length} steps: the result below is where it stopped, not a simplified form.`;
  const label = stopped ? 'Not simplified (stopped):' : view.steps.length === 0 ? 'Already in normal form:' : 'Simplified:';
  const trace =
    view.steps.length === 0
      ? null
      : h('details', { class: 'odot-trace', open: stopped ? undefined : '' }, h('summary', {}, `${view.steps.length} steps`), stepsList(view.inputLatex, view.steps, 'simplify-steps', lawLink));
  return h(
    'div',
    { 'data-stopped': stopped ? 'true' : 'false' },
    stopped ? h('p', { class: 'odot-warning', role: 'alert', 'data-testid': 'simplify-limit' }, warning) : null,
    h('p', { class: 'odot-label' }, label),
    math(view.resultLatex, 'simplified'),
    h('p', { class: 'odot-mono', 'data-testid': 'simplify-result' }, view.result),
    trace,
  );
}
