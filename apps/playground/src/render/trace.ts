import { append, h } from '../dom.ts';
import { renderMath } from '../katex-render.ts';
import { stepFormula, traceInputFormula } from '../math-formulas.ts';
import type { StepView } from '../protocol.ts';
import { traceWindow } from '../view-models.ts';

/** How a law name is shown: a link to its card when the embedder knows where cards live. */
export type LawLink = ((law: string) => string) | undefined;

/** Hidden steps revealed per click of "show more". */
const TRACE_CHUNK = 50;

/** One step: `= term by law` (the term in KaTeX unless huge; the law a link to its card). */
function stepItem(step: StepView, lawLink: LawLink): HTMLElement {
  const name = h('code', { 'data-testid': 'step-law' }, step.law);
  const formula = stepFormula(step);
  let term: HTMLElement;
  if (formula === undefined) term = h('span', { class: 'odot-mono odot-step-text' }, `= ${step.after}`);
  else {
    term = h('div', { class: 'odot-math odot-step-math' });
    renderMath(term, formula);
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
export function stepsList(inputLatex: string | undefined, steps: readonly StepView[], testid: string, lawLink: LawLink): HTMLElement {
  const list = h('ol', { class: 'odot-steps', 'data-testid': testid });
  if (inputLatex !== undefined) {
    const start = h('div', { class: 'odot-math odot-step-math', 'data-testid': 'trace-input' });
    renderMath(start, traceInputFormula(inputLatex));
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
