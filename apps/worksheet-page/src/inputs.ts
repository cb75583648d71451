import { replaceBackslashNames } from './backslash.ts';
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
    const atStart = input.selectionStart === 0 && input.selectionEnd === 0;
    const atEnd = input.selectionStart === input.value.length && input.selectionEnd === input.value.length;
    let target: [number, number] | undefined;
    if (event.key === 'ArrowUp' && i > 0) target = [i - 1, j];
    else if (event.key === 'ArrowDown' && i < rows - 1) target = [i + 1, j];
    else if (event.key === 'ArrowLeft' && atStart && j > 0) target = [i, j - 1];
    else if (event.key === 'ArrowRight' && atEnd && j < cols - 1) target = [i, j + 1];
    else if (event.key === 'Enter' && !event.shiftKey) target = i < rows - 1 ? [i + 1, j] : j < cols - 1 ? [0, j + 1] : undefined;
    else if (event.key === 'Enter' && event.shiftKey && i > 0) target = [i - 1, j];
    if (target) {
      event.preventDefault();
      focusCell(target[0], target[1]);
    }
  };
  const onPaste = (event: ClipboardEvent, i: number, j: number): void => {
    const text = event.clipboardData?.getData('text/plain') ?? '';
    const grid = parsePastedGrid(text);
    if (!grid || (grid.length === 1 && grid[0]?.length === 1)) return;
    event.preventDefault();
    const whole = /^\s*(\[|(np\.|numpy\.)?(array|matrix)\s*\()/.test(text);
    const current = options.get();
    const top = whole ? 0 : i;
    const left = whole ? 0 : j;
    const rows = Math.min(MAX_GRID, whole ? grid.length : Math.max(current.length, top + grid.length));
    const cols = Math.min(MAX_GRID, whole ? (grid[0]?.length ?? 1) : Math.max(current[0]?.length ?? 0, left + (grid[0]?.length ?? 0)));
    const next = resized(whole ? [] : current, rows, cols);
    grid.forEach((row, r) => row.forEach((value, c) => {
      if (top + r < rows && left + c < cols) (next[top + r] as string[])[left + c] = value;
    }));
    options.set(next);
    draw();
    focusCell(Math.min(rows, top + grid.length) - 1, Math.min(cols, left + (grid[0]?.length ?? 1)) - 1);
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
