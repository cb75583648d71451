import { h } from '../dom.ts';
import type { MatrixView } from '../protocol.ts';

/** A matrix as a table of its entries, in a box that scrolls sideways when wide. */
export function matrixTable(view: MatrixView, testid?: string): HTMLElement {
  const rows = view.rows.map((row) => h('tr', {}, ...row.map((cell) => h('td', {}, cell))));
  return h('div', { class: 'odot-scroll' }, h('table', { class: 'odot-matrix', ...(testid ? { 'data-testid': testid } : {}) }, ...rows));
}

/** `NAME =` followed by a matrix table (counterexample values and sides). */
export function namedMatrix(name: string, view: MatrixView): HTMLElement {
  return h('div', { class: 'odot-editor' }, h('span', { class: 'odot-mono' }, `${name} =`), matrixTable(view));
}
