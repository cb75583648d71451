// The matrix answer's grid editor: one input per cell, keys between cells, a pasted matrix
// filling it, and buttons that add or remove rows and columns.
import { h } from './dom.ts';
import { parsePastedGrid } from './grid-paste.ts';

/** The largest grid the page offers (rows and columns). */
export const MAX_GRID = 12;

/**
 * Where a key moves the focus in a grid of `size` from cell `at` (0-based): arrows (left/right
 * only from the ends of the text), Enter down the column then on to the next column, Shift+Enter up.
 * Undefined when the key does not move (Tab is left to the browser: it walks the cells in order).
 */
export function gridKeyTarget(key: string, shift: boolean, caret: { atStart: boolean; atEnd: boolean }, at: readonly [number, number], size: readonly [number, number]): [number, number] | undefined {
  const [i, j] = at;
  const [rows, cols] = size;
  if (key === 'ArrowUp' && i > 0) return [i - 1, j];
  if (key === 'ArrowDown' && i < rows - 1) return [i + 1, j];
  if (key === 'ArrowLeft' && caret.atStart && j > 0) return [i, j - 1];
  if (key === 'ArrowRight' && caret.atEnd && j < cols - 1) return [i, j + 1];
  if (key === 'Enter' && !shift) return i < rows - 1 ? [i + 1, j] : j < cols - 1 ? [0, j + 1] : undefined;
  if (key === 'Enter' && shift && i > 0) return [i - 1, j];
  return undefined;
}

/**
 * The grid after pasting `text` into cell (i, j): a whole matrix (`[[…]]`, `[a b; c d]`, a NumPy
 * array) replaces the grid; spreadsheet cells fill from (i, j), growing the grid (at most
 * MAX_GRID). Undefined when the text is a single value (an ordinary paste into one cell).
 */
export function pasteIntoGrid(current: readonly (readonly string[])[], text: string, i: number, j: number): { cells: string[][]; last: [number, number] } | undefined {
  const grid = parsePastedGrid(text);
  if (!grid || (grid.length === 1 && grid[0]?.length === 1)) return undefined;
  const whole = /^\s*(\[|(np\.|numpy\.)?(array|matrix)\s*\()/.test(text);
  const top = whole ? 0 : i;
  const left = whole ? 0 : j;
  const width = grid[0]?.length ?? 1;
  const rows = Math.min(MAX_GRID, whole ? grid.length : Math.max(current.length, top + grid.length));
  const cols = Math.min(MAX_GRID, whole ? width : Math.max(current[0]?.length ?? 0, left + width));
  const cells = resized(whole ? [] : current, rows, cols);
  grid.forEach((row, r) =>
    row.forEach((value, c) => {
      if (top + r < rows && left + c < cols) (cells[top + r] as string[])[left + c] = value;
    }),
  );
  return { cells, last: [Math.min(rows, top + grid.length) - 1, Math.min(cols, left + width) - 1] };
}

/** The grid editor of a matrix answer; `cells` is read and replaced through the callbacks. */
export interface GridOptions {
  readonly qid: string;
  readonly label: string;
  readonly get: () => readonly (readonly string[])[];
  readonly set: (cells: string[][]) => void;
}

/** `cells` cut or padded with empty cells to `rows`×`cols`. */
function resized(cells: readonly (readonly string[])[], rows: number, cols: number): string[][] {
  return Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => cells[i]?.[j] ?? ''));
}

/** A grid being edited: its options and the element holding its cells. */
interface Grid {
  readonly options: GridOptions;
  readonly table: HTMLElement;
}

/** Focuses cell (r, c) (0-based) and selects its text. */
function focusCell(grid: Grid, r: number, c: number): void {
  const cell = grid.table.querySelector<HTMLInputElement>(`[data-r="${r}"][data-c="${c}"]`);
  cell?.focus();
  cell?.select();
}

/** The input of cell (i, j) of a grid of `rows`×`cols`, writing its text into the grid as it is typed. */
function cellInput(grid: Grid, value: string, i: number, j: number, rows: number, cols: number): HTMLInputElement {
  const { options } = grid;
  const input = h('input', {
    type: 'text',
    inputmode: 'decimal',
    autocomplete: 'off',
    spellcheck: 'false',
    class: 'cell',
    'data-testid': `cell-${options.qid}-${i + 1}-${j + 1}`,
    'data-r': String(i),
    'data-c': String(j),
    'aria-label': `${options.label}: row ${i + 1}, column ${j + 1}`,
  });
  input.value = value;
  input.addEventListener('input', () => {
    const next = resized(options.get(), rows, cols);
    (next[i] as string[])[j] = input.value;
    options.set(next);
  });
  input.addEventListener('keydown', (event) => onCellKey(grid, event, input, [i, j], [rows, cols]));
  input.addEventListener('paste', (event) => onCellPaste(grid, event, i, j));
  return input;
}

/** Draws the grid's cells afresh from its current value. */
function drawGrid(grid: Grid): void {
  const cells = grid.options.get();
  const rows = cells.length;
  const cols = cells[0]?.length ?? 0;
  grid.table.replaceChildren();
  grid.table.style.setProperty('--cols', String(cols));
  cells.forEach((row, i) => row.forEach((value, j) => grid.table.append(cellInput(grid, value, i, j, rows, cols))));
}

/** Moves the focus as `gridKeyTarget` says for the key pressed in cell `at`. */
function onCellKey(grid: Grid, event: KeyboardEvent, input: HTMLInputElement, at: readonly [number, number], size: readonly [number, number]): void {
  const caret = { atStart: input.selectionStart === 0 && input.selectionEnd === 0, atEnd: input.selectionStart === input.value.length && input.selectionEnd === input.value.length };
  const target = gridKeyTarget(event.key, event.shiftKey, caret, at, size);
  if (target) {
    event.preventDefault();
    focusCell(grid, target[0], target[1]);
  }
}

/** Fills the grid from a pasted matrix or cells (an ordinary paste of one value is left to the input). */
function onCellPaste(grid: Grid, event: ClipboardEvent, i: number, j: number): void {
  const text = event.clipboardData?.getData('text/plain') ?? '';
  const next = pasteIntoGrid(grid.options.get(), text, i, j);
  if (!next) return;
  event.preventDefault();
  grid.options.set(next.cells);
  drawGrid(grid);
  focusCell(grid, next.last[0], next.last[1]);
}

/** A button that resizes the grid by `change` (never below 1 nor above MAX_GRID). */
function resizeButton(grid: Grid, text: string, label: string, change: (rows: number, cols: number) => [number, number]): HTMLButtonElement {
  const { options } = grid;
  const b = h('button', { type: 'button', class: 'small', 'aria-label': `${label} (${options.label})` }, text);
  b.addEventListener('click', () => {
    const cells = options.get();
    const [rows, cols] = change(cells.length, cells[0]?.length ?? 0);
    if (rows < 1 || cols < 1 || rows > MAX_GRID || cols > MAX_GRID) return;
    options.set(resized(cells, rows, cols));
    drawGrid(grid);
  });
  return b;
}

/**
 * A matrix grid: one labelled `<input>` per cell (`cell-<qid>-<r>-<c>`, 1-based), rows and columns
 * added or removed with buttons, Tab/Enter/arrow keys between cells, and a paste of a whole matrix
 * (`[[…]]`, a NumPy array, spreadsheet cells) filling it.
 */
export function matrixGrid(options: GridOptions): HTMLElement {
  const container = h('div', { class: 'grid', 'data-testid': `answer-${options.qid}`, role: 'group', 'aria-label': options.label });
  const grid: Grid = { options, table: h('div', { class: 'grid-cells' }) };
  const controls = h('div', { class: 'grid-controls' });
  controls.append(
    resizeButton(grid, '+ row', 'add a row', (r, c) => [r + 1, c]),
    resizeButton(grid, '− row', 'remove the last row', (r, c) => [r - 1, c]),
    resizeButton(grid, '+ column', 'add a column', (r, c) => [r, c + 1]),
    resizeButton(grid, '− column', 'remove the last column', (r, c) => [r, c - 1]),
  );
  container.append(grid.table, controls);
  drawGrid(grid);
  return container;
}
