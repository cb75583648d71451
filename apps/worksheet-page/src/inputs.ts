import { replaceBackslashNames } from '@odot/core';
import { h } from './dom.ts';
import { parsePastedGrid } from './grid-paste.ts';

/** The largest grid the page offers (rows and columns). */
export const MAX_GRID = 12;

/** A text box that turns `\odot` and other backslash names into symbols as the student types. */
export function symbolInput(attrs: Record<string, string>, value: string, onChange: (text: string) => void, multiline = false): HTMLInputElement | HTMLTextAreaElement {
  const el = multiline ? h('textarea', { rows: '5', spellcheck: 'false', autocapitalize: 'off', ...attrs }) : h('input', { type: 'text', spellcheck: 'false', autocomplete: 'off', autocapitalize: 'off', ...attrs });
  el.value = value;
  const apply = (atEnd: boolean): void => {
    const caret = el.selectionStart ?? el.value.length;
    const replaced = replaceBackslashNames(el.value, caret, atEnd);
    if (replaced.text !== el.value) {
      el.value = replaced.text;
      if (document.activeElement === el) el.setSelectionRange(replaced.caret, replaced.caret);
    }
    onChange(el.value);
  };
  el.addEventListener('input', () => apply(false));
  el.addEventListener('blur', () => apply(true));
  return el;
}

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

function resized(cells: readonly (readonly string[])[], rows: number, cols: number): string[][] {
  return Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => cells[i]?.[j] ?? ''));
}

/**
 * A matrix grid: one labelled `<input>` per cell (`cell-<qid>-<r>-<c>`, 1-based), rows and columns
 * added or removed with buttons, Tab/Enter/arrow keys between cells, and a paste of a whole matrix
 * (`[[…]]`, a NumPy array, spreadsheet cells) filling it.
 */
export function matrixGrid(options: GridOptions): HTMLElement {
  const container = h('div', { class: 'grid', 'data-testid': `answer-${options.qid}`, role: 'group', 'aria-label': options.label });
  const table = h('div', { class: 'grid-cells' });
  const controls = h('div', { class: 'grid-controls' });
  const focusCell = (r: number, c: number): void => {
    const cell = table.querySelector<HTMLInputElement>(`[data-r="${r}"][data-c="${c}"]`);
    cell?.focus();
    cell?.select();
  };
  const draw = (): void => {
    const cells = options.get();
    const rows = cells.length;
    const cols = cells[0]?.length ?? 0;
    table.replaceChildren();
    table.style.setProperty('--cols', String(cols));
    cells.forEach((row, i) =>
      row.forEach((value, j) => {
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
        input.addEventListener('keydown', (event) => onKey(event, input, i, j, rows, cols));
        input.addEventListener('paste', (event) => onPaste(event, i, j));
        table.append(input);
      }),
    );
  };
  const onKey = (event: KeyboardEvent, input: HTMLInputElement, i: number, j: number, rows: number, cols: number): void => {
    const caret = { atStart: input.selectionStart === 0 && input.selectionEnd === 0, atEnd: input.selectionStart === input.value.length && input.selectionEnd === input.value.length };
    const target = gridKeyTarget(event.key, event.shiftKey, caret, [i, j], [rows, cols]);
    if (target) {
      event.preventDefault();
      focusCell(target[0], target[1]);
    }
  };
  const onPaste = (event: ClipboardEvent, i: number, j: number): void => {
    const text = event.clipboardData?.getData('text/plain') ?? '';
    const next = pasteIntoGrid(options.get(), text, i, j);
    if (!next) return;
    event.preventDefault();
    options.set(next.cells);
    draw();
    focusCell(next.last[0], next.last[1]);
  };
  const button = (text: string, label: string, change: (rows: number, cols: number) => [number, number]): HTMLButtonElement => {
    const b = h('button', { type: 'button', class: 'small', 'aria-label': `${label} (${options.label})` }, text);
    b.addEventListener('click', () => {
      const cells = options.get();
      const [rows, cols] = change(cells.length, cells[0]?.length ?? 0);
      if (rows < 1 || cols < 1 || rows > MAX_GRID || cols > MAX_GRID) return;
      options.set(resized(cells, rows, cols));
      draw();
    });
    return b;
  };
  controls.append(
    button('+ row', 'add a row', (r, c) => [r + 1, c]),
    button('− row', 'remove the last row', (r, c) => [r - 1, c]),
    button('+ column', 'add a column', (r, c) => [r, c + 1]),
    button('− column', 'remove the last column', (r, c) => [r, c - 1]),
  );
  container.append(table, controls);
  draw();
  return container;
}

/** A line-numbered editor for proofs: a textarea with a gutter that follows its lines and scrolling. */
export function proofEditor(attrs: Record<string, string>, value: string, onChange: (text: string) => void): { root: HTMLElement; textarea: HTMLTextAreaElement; mark: (lines: readonly number[]) => void } {
  const gutter = h('div', { class: 'gutter', 'aria-hidden': 'true' });
  const textarea = symbolInput({ ...attrs, rows: '6', wrap: 'off' }, value, (text) => {
    number();
    onChange(text);
  }, true) as HTMLTextAreaElement;
  let flagged = new Set<number>();
  const number = (): void => {
    const count = Math.max(1, textarea.value.split('\n').length);
    gutter.replaceChildren(...Array.from({ length: count }, (_, i) => h('div', flagged.has(i + 1) ? { class: 'flagged' } : {}, String(i + 1))));
  };
  textarea.addEventListener('scroll', () => {
    gutter.scrollTop = textarea.scrollTop;
  });
  number();
  return {
    root: h('div', { class: 'proof-editor' }, gutter, textarea),
    textarea,
    mark: (lines) => {
      flagged = new Set(lines);
      number();
    },
  };
}
