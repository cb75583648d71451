import { h } from '../dom.ts';
import { renderMath } from '../katex-render.ts';
import { blockFormula } from '../math-formulas.ts';

/** A block of display math with a test id (KaTeX in safe mode, see `katex-render.ts`). */
export function math(latex: string, testid: string): HTMLElement {
  const element = h('div', { class: 'odot-math', 'data-testid': testid });
  renderMath(element, blockFormula(latex));
  return element;
}
