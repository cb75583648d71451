import type { MatrixView, ProofView, SizedSymbol, TaskOutcome } from './protocol.ts';

/** One bar of the eigenvalue chart, in SVG user units. */
export interface Bar {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly value: number;
  readonly negative: boolean;
  readonly label: string;
}

/** The eigenvalue bar chart: bars grow up from the zero line for λ ≥ 0 and down for λ < 0. */
export interface BarChart {
  readonly width: number;
  readonly height: number;
  /** The y coordinate of λ = 0. */
  readonly zeroY: number;
  readonly bars: readonly Bar[];
}

/** Formats a float for display: 6 significant digits, `0` for tiny magnitudes, no `-0`. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) < 1e-12) return '0';
  return String(Number(value.toPrecision(6)));
}

/**
 * Lays out eigenvalues as bars in a `width`×`height` box (sorted ascending as given).
 * The scale is shared by positive and negative values, so bar heights compare directly.
 */
export function eigenBarChart(eigenvalues: readonly number[], width = 240, height = 120, gap = 4): BarChart {
  const max = Math.max(0, ...eigenvalues.filter(Number.isFinite));
  const min = Math.min(0, ...eigenvalues.filter(Number.isFinite));
  const span = max - min || 1;
  const zeroY = (max / span) * height;
  const n = eigenvalues.length;
  const barWidth = n === 0 ? 0 : Math.max(1, (width - gap * (n + 1)) / n);
  const bars = eigenvalues.map((value, i): Bar => {
    const size = (Math.abs(Number.isFinite(value) ? value : 0) / span) * height;
    const negative = value < 0;
    return {
      x: gap + i * (barWidth + gap),
      y: negative ? zeroY : zeroY - size,
      width: barWidth,
      height: size,
      value,
      negative,
      label: `λ${i + 1} = ${formatNumber(value)}`,
    };
  });
  return { width, height, zeroY, bars };
}

/** Prints a matrix view compactly: `[[7,16,27],[40,55,72]]`; a scalar prints as its value. */
export function matrixText(view: MatrixView): string {
  if (view.scalar) return view.rows[0]?.[0] ?? '';
  return `[${view.rows.map((row) => `[${row.join(',')}]`).join(',')}]`;
}

/** One line of the bindings text: `NAME = VALUE`, with the cells when VALUE is a plain literal. */
export interface BindingLine {
  readonly name: string;
  readonly value: string;
  /** The cells of a literal `[[…],[…]]` or `[a b; c d]` matrix (absent for other values). */
  readonly cells?: readonly (readonly string[])[];
}

const NAME = /^[A-Za-z][A-Za-z0-9_₀-₉]*$/u;

/** Splits a simple literal matrix into its cells, or returns undefined if it is not one. */
export function literalCells(value: string): string[][] | undefined {
  const text = value.trim();
  if (/^\[\s*\[/.test(text)) {
    if (!/\]\s*\]$/.test(text)) return undefined;
    const inner = text.replace(/^\[\s*\[/, '').replace(/\]\s*\]$/, '');
    const rows = inner.split(/\]\s*,\s*\[/).map((row) => row.split(',').map((cell) => cell.trim()));
    return validCells(rows);
  }
  if (text.startsWith('[') && text.endsWith(']')) {
    const rows = text
      .slice(1, -1)
      .split(';')
      .map((row) => row.trim().split(/[\s,]+/).filter((cell) => cell !== ''));
    return validCells(rows);
  }
  return undefined;
}

function validCells(rows: string[][]): string[][] | undefined {
  const width = rows[0]?.length ?? 0;
  if (width === 0 || rows.some((row) => row.length !== width)) return undefined;
  const numeric = /^-?(\d+(\.\d+)?|\d+\/\d+)$/;
  return rows.every((row) => row.every((cell) => numeric.test(cell))) ? rows : undefined;
}

/** Reads the bindings text (`A = [[1,2],[3,4]]` per line); lines that are not bindings are skipped. */
export function parseBindings(text: string): BindingLine[] {
  const out: BindingLine[] = [];
  for (const line of text.split(/\r?\n/)) {
    const eq = line.indexOf('=');
    if (eq < 0) continue;
    const name = line.slice(0, eq).trim();
    const value = line.slice(eq + 1).trim();
    if (!NAME.test(name) || value === '') continue;
    const cells = literalCells(value);
    out.push(cells ? { name, value, cells } : { name, value });
  }
  return out;
}

/** Prints cells as a literal in the `[[…],[…]]` form. */
export function cellsText(cells: readonly (readonly string[])[]): string {
  return `[${cells.map((row) => `[${row.join(',')}]`).join(',')}]`;
}

/**
 * Returns the bindings text with one cell of `name` replaced: the matrix editors write
 * through this, so the text (and the URL) stays the single source of truth.
 */
export function setBindingCell(text: string, name: string, row: number, col: number, value: string): string {
  const cell = value.trim() === '' ? '0' : value.trim();
  return text
    .split(/\r?\n/)
    .map((line) => {
      const eq = line.indexOf('=');
      if (eq < 0 || line.slice(0, eq).trim() !== name) return line;
      const cells = literalCells(line.slice(eq + 1));
      const target = cells?.[row];
      if (!cells || !target || col >= target.length) return line;
      target[col] = cell;
      return `${name} = ${cellsText(cells)}`;
    })
    .join('\n');
}

/** Adds or replaces the binding of `name` with the given cells. */
export function upsertBinding(text: string, name: string, cells: readonly (readonly string[])[]): string {
  const lines = text === '' ? [] : text.split(/\r?\n/);
  const line = `${name} = ${cellsText(cells)}`;
  const index = lines.findIndex((l) => l.indexOf('=') >= 0 && l.slice(0, l.indexOf('=')).trim() === name);
  if (index >= 0) lines[index] = line;
  else lines.push(line);
  return lines.join('\n');
}

/** A line of the proof pane: the source text and, for checked steps, the mark and message. */
export interface ProofLineView {
  readonly line: number;
  readonly text: string;
  readonly mark: '✓' | '✗' | '';
  readonly message: string;
}

/** Pairs every line of the proof text with the checker's verdict on it (by 1-based line number). */
export function proofLines(text: string, view: ProofView | undefined): ProofLineView[] {
  const verdicts = new Map<number, { ok: boolean; messages: string[] }>();
  const add = (line: number, ok: boolean, message: string): void => {
    const verdict = verdicts.get(line) ?? { ok: true, messages: [] };
    verdict.ok &&= ok;
    if (message !== '' && !verdict.messages.includes(message)) verdict.messages.push(message);
    verdicts.set(line, verdict);
  };
  for (const theorem of view?.theorems ?? []) {
    for (const step of theorem.steps) add(step.line, step.ok, step.message);
    for (const d of theorem.diagnostics) if (d.line !== undefined) add(d.line, false, d.message);
  }
  for (const d of view?.diagnostics ?? []) if (d.line !== undefined) add(d.line, false, d.message);
  return text.split(/\r?\n/).map((lineText, i) => {
    const verdict = verdicts.get(i + 1);
    return {
      line: i + 1,
      text: lineText,
      mark: verdict === undefined ? '' : verdict.ok ? '✓' : '✗',
      message: verdict?.messages.join(' · ') ?? '',
    };
  });
}

/** A one-line status for a pane: empty when done, otherwise what happened. */
export function outcomeStatus(outcome: TaskOutcome): string {
  switch (outcome.status) {
    case 'done':
      return '';
    case 'timeout':
      return `timed out after ${outcome.ms} ms (the engine was restarted)`;
    case 'crashed':
      return `internal error: ${outcome.message}`;
    case 'superseded':
      return '';
  }
}

/** The PSD verdict in words: `psd`, `not psd`, `pd`, `not pd` or `unknown`. */
export function psdVerdictText(view: { readonly property: 'psd' | 'pd'; readonly verdict: 'yes' | 'no' | 'unknown' }): string {
  return view.verdict === 'unknown' ? 'unknown' : view.verdict === 'yes' ? view.property : `not ${view.property}`;
}

/**
 * Starter values for symbols that have a concrete shape but no value yet: small integers
 * 1, 2, 3, … row by row (a scalar gets `2`), appended to the bindings text.
 */
export function fillMissingBindings(text: string, sized: readonly SizedSymbol[]): string {
  const bound = new Set(parseBindings(text).map((b) => b.name));
  let out = text;
  for (const symbol of sized) {
    if (bound.has(symbol.name) || symbol.rows > 12 || symbol.cols > 12) continue;
    const cells = Array.from({ length: symbol.rows }, (_, i) => Array.from({ length: symbol.cols }, (_, j) => String(i * symbol.cols + j + 1)));
    out = symbol.scalar ? `${out === '' ? '' : `${out}\n`}${symbol.name} = 2` : upsertBinding(out, symbol.name, cells);
  }
  return out;
}


/** Steps shown before "show all" in a long trace: the first `head` and the last `tail`. */
export const TRACE_HEAD = 5;
export const TRACE_TAIL = 5;

/**
 * Which steps of an `n`-step trace are rendered at first: all of them when short, else the
 * first `head` and the last `tail`, with the count hidden between them.
 */
export function traceWindow(n: number, head = TRACE_HEAD, tail = TRACE_TAIL): { readonly first: number; readonly last: number; readonly hidden: number } {
  if (n <= head + tail + 2) return { first: n, last: 0, hidden: 0 };
  return { first: head, last: tail, hidden: n - head - tail };
}

/** The equivalence verdict in words: an undecided check is `unknown`, never `not equivalent`. */
export function equivVerdictText(view: { readonly equivalent: boolean; readonly method: string }): string {
  if (view.equivalent) return 'equivalent';
  return view.method === 'unknown' ? 'unknown (neither proved nor refuted)' : 'not equivalent';
}
