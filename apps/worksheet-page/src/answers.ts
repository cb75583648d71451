import { assertNever } from '@odot/core';
import type { PageQuestion } from './page-types.ts';

/** What a student has entered for one question, per kind. */
export type AnswerState =
  | { readonly kind: 'matrix'; readonly cells: readonly (readonly string[])[] }
  | { readonly kind: 'expression' | 'shape' | 'proof'; readonly text: string }
  | { readonly kind: 'truefalse'; readonly value: string; readonly reason: string }
  | { readonly kind: 'psd'; readonly value: string; readonly certificate: string };

/** A typed true/false answer read as a boolean (`true`, `false`, `t`, `f`, any case), else undefined. */
export function readTruth(text: string): boolean | undefined {
  const t = text.trim().toLowerCase();
  return t === 'true' || t === 't' ? true : t === 'false' || t === 'f' ? false : undefined;
}

/** A typed psd verdict read as `yes`/`no` (`y`, `n`, any case), else undefined. */
export function readVerdict(text: string): 'yes' | 'no' | undefined {
  const t = text.trim().toLowerCase();
  return t === 'yes' || t === 'y' ? 'yes' : t === 'no' || t === 'n' ? 'no' : undefined;
}

const VERDICT_FIRST = /^\s*(true|false|t|f|yes|no|y|n)\b[\s,;:.]*(?:(?:by|because|since)\b\s*)?(.*)$/is;

/**
 * A typed verdict and what follows it: `true by hadamard_assoc`, `yes, schur` → the verdict and
 * the reason; the separate reason (or certificate) input wins when it is filled.
 */
export function verdictParts(value: string, separate: string): { value: string; extra: string } {
  const m = VERDICT_FIRST.exec(value);
  const extra = separate.trim() !== '' ? separate.trim() : (m?.[2] ?? '').trim();
  return { value: m ? (m[1] ?? '') : value.trim(), extra };
}

/** The starting grid size: the expected shape when it is concrete, else 2×2. */
export function initialGridSize(question: PageQuestion): { rows: number; cols: number } {
  const m = /^(\d+)×(\d+)$/.exec(question.expectedShape ?? '');
  const rows = Number(m?.[1] ?? 2);
  const cols = Number(m?.[2] ?? 2);
  return { rows: Math.min(Math.max(rows, 1), 12), cols: Math.min(Math.max(cols, 1), 12) };
}

/** An empty answer for a question. */
export function emptyAnswer(question: PageQuestion): AnswerState {
  switch (question.kind) {
    case 'matrix': {
      const { rows, cols } = initialGridSize(question);
      return { kind: 'matrix', cells: Array.from({ length: rows }, () => Array.from({ length: cols }, () => '')) };
    }
    case 'expression':
    case 'shape':
    case 'proof':
      return { kind: question.kind, text: '' };
    case 'truefalse':
      return { kind: 'truefalse', value: '', reason: '' };
    case 'psd':
      return { kind: 'psd', value: '', certificate: '' };
    default:
      return assertNever(question.kind);
  }
}

/**
 * The answer as a submission holds it (what `odot grade` reads), or undefined when nothing is
 * entered: rows of cell text, a string, a boolean, or `{answer, reason}` / `{answer, certificate}`.
 */
export function submissionValue(state: AnswerState): unknown {
  switch (state.kind) {
    case 'matrix':
      return state.cells.every((row) => row.every((c) => c.trim() === '')) ? undefined : state.cells.map((row) => row.map((c) => c.trim()));
    case 'expression':
    case 'shape':
    case 'proof': {
      const text = state.kind === 'proof' ? state.text.replace(/\s+$/, '') : state.text.trim();
      return text === '' ? undefined : text;
    }
    case 'truefalse': {
      if (state.value.trim() === '') return undefined;
      const parts = verdictParts(state.value, state.reason);
      const answer = readTruth(parts.value) ?? state.value.trim();
      return parts.extra === '' ? answer : { answer, reason: parts.extra };
    }
    case 'psd': {
      if (state.value.trim() === '') return undefined;
      const parts = verdictParts(state.value, state.certificate);
      const answer = readVerdict(parts.value) ?? state.value.trim();
      return parts.extra === '' ? answer : { answer, certificate: parts.extra };
    }
    default:
      return assertNever(state);
  }
}

/** Restores a saved answer when it fits the question's kind; anything else gives an empty answer. */
export function restoreAnswer(question: PageQuestion, saved: unknown): AnswerState {
  const empty = emptyAnswer(question);
  if (typeof saved !== 'object' || saved === null || (saved as { kind?: unknown }).kind !== question.kind) return empty;
  const s = saved as Record<string, unknown>;
  const str = (v: unknown): string => (typeof v === 'string' ? v : '');
  switch (empty.kind) {
    case 'matrix': {
      const cells = s['cells'];
      const ok = Array.isArray(cells) && cells.length > 0 && cells.every((r) => Array.isArray(r) && r.length === (cells[0] as unknown[]).length && r.every((c) => typeof c === 'string'));
      return ok ? { kind: 'matrix', cells: cells as string[][] } : empty;
    }
    case 'expression':
    case 'shape':
    case 'proof':
      return { kind: empty.kind, text: str(s['text']) };
    case 'truefalse':
      return { kind: 'truefalse', value: str(s['value']), reason: str(s['reason']) };
    case 'psd':
      return { kind: 'psd', value: str(s['value']), certificate: str(s['certificate']) };
    default:
      return assertNever(empty);
  }
}

/** The answer as one line of text, for a SCORM `student_response` (at most 255 characters). */
export function responseText(state: AnswerState): string {
  const value = submissionValue(state);
  let text: string;
  if (value === undefined) text = '';
  else if (state.kind === 'matrix') text = `[${(value as string[][]).map((r) => `[${r.join(',')}]`).join(',')}]`;
  else if (state.kind === 'truefalse') {
    const truth = readTruth(verdictParts(state.value, state.reason).value);
    text = truth === undefined ? state.value.trim() : truth ? 't' : 'f';
  } else if (state.kind === 'psd') {
    const parts = verdictParts(state.value, state.certificate);
    text = parts.extra === '' ? parts.value : `${parts.value}; ${parts.extra}`;
  }
  else text = (typeof value === 'string' ? value : JSON.stringify(value)).replace(/\s*\n\s*/g, ' ');
  return text.length > 255 ? text.slice(0, 255) : text;
}
