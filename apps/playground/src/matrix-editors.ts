import { append, h, replaceChildren } from './dom.ts';
import { parseBindings } from './view-models.ts';

/** Largest matrix shown as an editable grid (a 100×100 grid is 10,000 inputs). */
export const MAX_GRID = 50;

/** One grid: a text input per entry; `onCell(name, i, j, text)` runs when an entry is changed. */
function grid(name: string, cells: readonly (readonly string[])[], onCell: (name: string, i: number, j: number, text: string) => void): HTMLElement {
  const table = h('table', { class: 'odot-grid', 'data-testid': `matrix-editor-${name}` });
  cells.forEach((row, i) => {
    const tr = h('tr');
    row.forEach((cell, j) => {
      const input = h('input', { type: 'text', value: cell, size: '4', 'aria-label': `${name}[${i + 1},${j + 1}]`, 'data-testid': `cell-${name}-${i}-${j}` });
      input.addEventListener('change', () => onCell(name, i, j, input.value));
      append(tr, h('td', {}, input));
    });
    append(table, tr);
  });
  return h('div', { class: 'odot-editor' }, h('span', { class: 'odot-mono' }, `${name} =`), h('div', { class: 'odot-scroll' }, table));
}

/** Renders a grid per literal matrix of the values text (larger ones get a note to edit the text). */
export function renderMatrixEditors(container: HTMLElement, bindings: string, onCell: (name: string, i: number, j: number, text: string) => void): void {
  replaceChildren(container);
  for (const line of parseBindings(bindings)) {
    if (!line.cells) continue;
    const cols = Math.max(0, ...line.cells.map((row) => row.length));
    if (line.cells.length > MAX_GRID || cols > MAX_GRID) {
      const note = `${line.name} is ${line.cells.length}×${cols}: edit it as text above (grids go up to ${MAX_GRID}×${MAX_GRID}).`;
      append(container, h('p', { class: 'odot-hint', 'data-testid': `matrix-editor-${line.name}` }, note));
    } else append(container, grid(line.name, line.cells, onCell));
  }
}
