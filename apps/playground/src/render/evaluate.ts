import { h } from '../dom.ts';
import type { EvalView } from '../protocol.ts';
import { math } from './math.ts';

/** The Evaluation pane: the value as math and as compact text, and its shape. */
export function evalBlock(view: EvalView): HTMLElement {
  return h(
    'div',
    {},
    math(view.latex, 'eval-latex'),
    h(
      'dl',
      { class: 'odot-facts' },
      h('dt', {}, 'value'),
      h('dd', { class: 'odot-mono', 'data-testid': 'eval-result' }, view.text),
      h('dt', {}, 'shape'),
      h('dd', { class: 'odot-mono', 'data-testid': 'eval-shape' }, view.shape),
    ),
  );
}
