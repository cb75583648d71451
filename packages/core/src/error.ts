import type { Limit } from './budget.ts';
import { sourceWindow } from './source-window.ts';
import type { Span } from './span.ts';

/** How serious a diagnostic is: an `error` stops the work, a `note` (lint) does not. */
export type Severity = 'error' | 'warning' | 'note';

/**
 * A diagnostic as data (errors are values): a stable code, a message, where it happened,
 * and for parse errors what was expected and hints ("did you mean …").
 */
export interface OdotError {
  readonly code: string;
  readonly message: string;
  readonly severity: Severity;
  readonly span?: Span;
  readonly expected?: readonly string[];
  readonly hints?: readonly string[];
  /** For code `limit`: the limit that stopped the computation (`{ kind: 'time', value: 2000 }`). */
  readonly limit?: Limit;
}

/** An exception that carries an `OdotError`; thrown inside a package, caught at its public edge. */
export class OdotException extends Error {
  readonly error: OdotError;

  constructor(error: OdotError) {
    super(error.message);
    this.name = 'OdotException';
    this.error = error;
  }
}

/** Builds an error-severity diagnostic; `extra` adds a span, expected tokens or hints. */
export function odotError(
  code: string,
  message: string,
  extra: Partial<Pick<OdotError, 'span' | 'expected' | 'hints' | 'severity'>> = {},
): OdotError {
  return { code, message, severity: 'error', ...extra };
}

/** The outcome of an operation that can fail with a diagnostic. */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: OdotError };

/** Wraps a value as a successful result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Wraps a diagnostic as a failed result. */
export function fail<T = never>(error: OdotError): Result<T> {
  return { ok: false, error };
}

/**
 * Renders a diagnostic like a compiler: `error: message`, `  --> line:col` (`  --> file:line:col`
 * when `file` names where the source came from), the source line and a caret. A line longer than
 * `SOURCE_WINDOW` columns is clipped to a window around the caret (`sourceWindow`).
 */
export function formatError(error: OdotError, source?: string, file?: string): string {
  const lines = [`${error.severity}: ${error.message}`];
  if (!error.span && file !== undefined) lines.push(`  --> ${file}`);
  if (error.span) {
    const { line, column } = error.span.start;
    lines.push(`  --> ${file === undefined ? '' : `${file}:`}${line}:${column}`);
    if (source !== undefined) {
      const text = source.split(/\r?\n/)[line - 1] ?? '';
      const to = error.span.end.line === line ? Math.max(column, error.span.end.column - 1) : text.length;
      // A long line (a 2 MB one-liner) shows a window around the caret, `…` at the cuts.
      const shown = sourceWindow(text, column - 1, to);
      const gutter = String(line).length;
      lines.push(`${' '.repeat(gutter)} |`);
      lines.push(`${line} | ${shown.text}`);
      lines.push(`${' '.repeat(gutter)} | ${' '.repeat(shown.caretColumn)}${'^'.repeat(shown.caretWidth)}`);
    }
  }
  if (error.expected && error.expected.length > 0) lines.push(`  = expected ${error.expected.join(', ')}`);
  for (const hint of error.hints ?? []) lines.push(`  = help: ${hint}`);
  return lines.join('\n');
}
