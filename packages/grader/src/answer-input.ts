import { formatError, type Budget } from '@odot/core';
import { parse, type Dialect } from '@odot/parser';
import { evaluate, exactMatrix, type ExactMatrix } from '@odot/numeric';
import { rowsFromText, rowsFromYaml } from './givens.ts';
import { asExactMatrix } from './exact.ts';

/** A student's answer to one question, unwrapped from the submission. */
export interface StudentAnswer {
  /** The answer itself (a list of rows, a string, a boolean, a number). */
  readonly value: unknown;
  /** The dialect the student says the answer is written in. */
  readonly dialect?: string;
  /** A law name given as the reason (true/false questions). */
  readonly reason?: string;
  /** A certificate (psd questions): a vector, a factor, or a law name. */
  readonly certificate?: unknown;
}

/**
 * Unwraps a submission entry: either the bare answer (`q1: [[…]]`, `q5: true`) or a map
 * `{answer, dialect?, reason?, certificate?}`; a psd answer may be a certificate alone
 * (`{certificate: {gram: …}}`), its verdict implied.
 */
export function unwrapAnswer(raw: unknown): StudentAnswer {
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw) && ('answer' in raw || 'certificate' in raw)) {
    const r = raw as Record<string, unknown>;
    const reason = r['reason'] ?? r['law'] ?? r['by'];
    return {
      value: r['answer'],
      ...(typeof r['dialect'] === 'string' ? { dialect: r['dialect'] } : {}),
      ...(typeof reason === 'string' ? { reason } : {}),
      ...(r['certificate'] !== undefined ? { certificate: r['certificate'] } : {}),
    };
  }
  return { value: raw };
}

/** Whether an answer is absent (missing key, null, empty string). */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/**
 * The text of a matrix a student wrote unquoted in YAML, which YAML split oddly:
 * `[7 16 27; 40 55 72]` arrives as `["7 16 27; 40 55 72"]`, `[[7 16], [40 55]]` as `[["7 16"], ["40 55"]]`.
 */
function unquotedText(value: readonly unknown[]): string {
  if (value.every((row) => Array.isArray(row))) return `[${(value as unknown[][]).map((row) => row.map(String).join(' ')).join('; ')}]`;
  return `[${value.map(String).join(', ')}]`;
}

/** A concrete matrix read from a student's answer, or why it could not be read. */
export type MatrixReading = { readonly ok: true; readonly matrix: ExactMatrix } | { readonly ok: false; readonly code: string; readonly message: string };

/**
 * Reads a concrete matrix from a student: YAML rows `[[7,16],[40,55]]`, a flat list (a column
 * vector), a number (1×1), or text: `[[7,16],[40,55]]`, `[7 16; 40 55]`, or any literal the allowed
 * dialects parse (`\begin{pmatrix}…\end{pmatrix}`, `np.array([[…]])`). Entries are exact. The
 * parse counts against `budget` (the answer's), when given.
 */
export function readStudentMatrix(value: unknown, dialects: readonly Dialect[], budget?: Budget): MatrixReading {
  if (typeof value !== 'string') {
    const rows = rowsFromYaml(value) ?? (Array.isArray(value) ? rowsFromText(unquotedText(value)) : undefined);
    if (rows) return { ok: true, matrix: exactMatrix(rows) };
    return { ok: false, code: 'unreadable-answer', message: 'Your answer is not a matrix: write it as rows of numbers, e.g. [[1, 2], [3, 4]].' };
  }
  const rows = rowsFromText(value);
  if (rows) return { ok: true, matrix: exactMatrix(rows) };
  let firstError = '';
  for (const dialect of dialects) {
    const parsed = parse(value, budget === undefined ? { dialect } : { dialect, budget });
    if (!parsed.ok) {
      if (firstError === '') firstError = formatError(parsed.error, value).split('\n')[0] ?? parsed.error.message;
      continue;
    }
    const evaluated = evaluate(parsed.value.expr, new Map(), { mode: 'exact' });
    if (evaluated.ok) {
      const m = asExactMatrix(evaluated.value);
      if (m) return { ok: true, matrix: m };
    }
    return {
      ok: false,
      code: 'not-a-matrix',
      message: `Your answer '${value}' is not a concrete matrix: compute the entries and write them as rows of numbers.`,
    };
  }
  return { ok: false, code: 'unreadable-answer', message: `Your answer '${value}' cannot be read as a matrix (${firstError}).` };
}
