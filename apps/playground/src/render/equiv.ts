import { h } from '../dom.ts';
import type { EquivView } from '../protocol.ts';
import { equivVerdictText } from '../view-models.ts';
import { namedMatrix } from './matrix-table.ts';
import { stepsList, type LawLink } from './trace.ts';

/** The counterexample of a refuted equivalence: the values, then both sides evaluated there. */
function counterexampleBlock(view: EquivView): HTMLElement | null {
  if (!view.counterexample) return null;
  const sides = view.sides ? h('div', { class: 'odot-editors' }, namedMatrix('left', view.sides.left), namedMatrix('right', view.sides.right)) : null;
  return h('div', { 'data-testid': 'counterexample' }, h('p', {}, 'counterexample:'), ...view.counterexample.map((m) => namedMatrix(m.name, m.value)), sides);
}

/** The Equivalence pane: `equivalent`, `not equivalent` (refuted) or `unknown`, never "not equivalent" when undecided. */
export function equivBlock(view: EquivView, lawLink: LawLink): HTMLElement {
  const verdict = view.equivalent ? 'yes' : view.method === 'unknown' ? 'unknown' : 'no';
  return h(
    'div',
    { 'data-testid': 'equiv-result' },
    h('p', { class: `odot-verdict odot-verdict-${verdict}`, 'data-testid': 'equiv-verdict' }, equivVerdictText(view), h('small', {}, ` (${view.method})`)),
    h('p', { class: 'odot-explanation' }, view.explanation),
    view.steps.length > 0 ? stepsList(undefined, view.steps, 'equiv-steps', lawLink) : null,
    counterexampleBlock(view),
    view.errorBound ? h('p', {}, `error probability ≤ ${view.errorBound}`) : null,
    view.limit ? h('p', { class: 'odot-warning' }, `stopped: ${view.limit}`) : null,
  );
}
