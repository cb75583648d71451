import type { Span } from '@odot/core';
import type { LawCitation } from './proof-ast.ts';
import { statusOf, type StepCode, type StepReport } from './report.ts';

/** Where a report points: a line number and a span. */
export interface LineRef {
  readonly line: number;
  readonly span: Span;
}

/** The optional fields of a report. */
export type ReportExtra = Partial<Omit<StepReport, 'line' | 'column' | 'ok' | 'status' | 'law' | 'message' | 'code' | 'kind'>>;

/** The cited law names, comma-separated. */
export function lawText(laws: readonly LawCitation[]): string {
  return laws.map((law) => law.name).join(', ');
}

/**
 * Builds the report of one line; `ok` and `status` follow from the code, `credit` defaults to
 * `code === 'ok'`, the position to `extra.span` or the line's span.
 */
export function report(line: LineRef, kind: StepReport['kind'], laws: readonly LawCitation[], code: StepCode, message: string, extra: ReportExtra = {}): StepReport {
  const span = extra.span ?? line.span;
  const status = statusOf(code);
  return {
    line: span.start.line,
    column: span.start.column,
    ok: status !== 'failed',
    status,
    credit: code === 'ok',
    law: lawText(laws),
    message,
    code,
    kind,
    ...extra,
    span,
  };
}
