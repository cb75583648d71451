import type { TextFieldName } from './form.ts';
import type { DiagnosticView, TaskResult } from './protocol.ts';
import type { FieldMark } from './text-field.ts';

/** The marks one result sets, by field: each field it owns gets its full list (possibly empty, clearing old marks). */
export type FieldMarks = Partial<Record<TextFieldName, readonly FieldMark[]>>;

/** A mark for a diagnostic with a range. */
function mark(d: DiagnosticView): FieldMark | undefined {
  if (d.from === undefined || d.to === undefined) return undefined;
  return { from: d.from, to: d.to, severity: d.severity, message: d.message };
}

/** The marks of diagnostics about `field` (`undefined` is the task's own text). */
function marksOf(diagnostics: readonly DiagnosticView[], field: DiagnosticView['field']): FieldMark[] {
  return diagnostics.filter((d) => d.field === field).flatMap((d) => mark(d) ?? []);
}

/** The `[from, to)` range of 1-based line `line` in `text` (without its line break). */
export function lineRange(text: string, line: number): { readonly from: number; readonly to: number } | undefined {
  const lines = text.split('\n');
  if (line < 1 || line > lines.length) return undefined;
  const from = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
  return { from, to: from + (lines[line - 1]?.length ?? 0) };
}

/** Proof marks: each failed step's line, and each error with a range (or a line) of its own. */
function proofMarks(result: TaskResult & { readonly kind: 'proof' }, proof: string): FieldMark[] {
  if (!result.ok) return marksOf(result.diagnostics, undefined);
  const steps = result.view.theorems.flatMap((t) => t.steps.filter((s) => !s.ok));
  const lineMark = (line: number, message: string): FieldMark[] => {
    const range = lineRange(proof, line);
    return range ? [{ ...range, severity: 'error', message }] : [];
  };
  const errors = result.view.diagnostics.flatMap((d) => mark(d) ?? (d.line === undefined ? [] : lineMark(d.line, d.message)));
  return merged([...steps.flatMap((s) => lineMark(s.line, s.message)), ...errors]);
}

/** One mark per range: marks of the same range (two reports on one proof line) share it, messages joined. */
function merged(marks: readonly FieldMark[]): FieldMark[] {
  const byRange = new Map<string, FieldMark>();
  for (const m of marks) {
    const key = `${m.from}:${m.to}`;
    const seen = byRange.get(key);
    byRange.set(key, seen ? { ...seen, message: `${seen.message}\n${m.message}` } : m);
  }
  return [...byRange.values()];
}

/**
 * The editor marks a task result sets: the analysis owns the expression and the givens (parse
 * errors, shape errors, lint notes), the equivalence check the "compare with" field, the proof
 * check the proof. Other results set none.
 */
export function fieldMarks(result: TaskResult, proof: string): FieldMarks {
  switch (result.kind) {
    case 'analyze': {
      if (!result.ok) return { expr: marksOf(result.diagnostics, undefined), givens: marksOf(result.diagnostics, 'givens') };
      const view = result.view;
      const all = [...(view.shapeError ? [view.shapeError] : []), ...view.notes];
      return { expr: all.flatMap((d) => mark(d) ?? []), givens: [] };
    }
    case 'equiv':
      return { other: result.ok ? [] : marksOf(result.diagnostics, 'other') };
    case 'proof':
      return { proof: proofMarks(result, proof) };
    case 'evaluate':
    case 'psd':
    case 'simplify':
    case 'hint':
    case 'laws':
      return {};
  }
}
