import { OdotException, odotError } from '@odot/core';

/**
 * The time one answer may take to grade when nothing sets it: 10 s (STACK's CAS timeout is of this
 * order). Reading the answer, the engines (equivalence, simplification, the proof checker's
 * searches) and the feedback all count against it.
 */
export const DEFAULT_ANSWER_TIME_MS = 10_000;

/** The largest time limit a worksheet may set: 10 minutes. */
const MAX_TIME_LIMIT_MS = 600_000;

/**
 * Reads a `time_limit:` setting (a worksheet's frontmatter or a question): a positive number of
 * milliseconds, or text with a unit (`500 ms`, `2.5 s`, `2s`). Undefined when absent; a bad value
 * is a `code` error (default `bad-question`) naming `field`.
 */
export function readTimeLimit(value: unknown, field: string, code = 'bad-question'): number | undefined {
  if (value === undefined || value === null) return undefined;
  const match = typeof value === 'number' ? [String(value), String(value), 'ms'] : typeof value === 'string' ? /^\s*(\d+(?:\.\d+)?)\s*(ms|s)?\s*$/i.exec(value) : null;
  const amount = match ? Number(match[1]) * ((match[2] ?? 'ms').toLowerCase() === 's' ? 1000 : 1) : NaN;
  if (!Number.isFinite(amount) || amount < 1 || amount > MAX_TIME_LIMIT_MS) {
    throw new OdotException(
      odotError(code, `\`${field}\` must be a time from 1 ms to 600 s (a number of milliseconds, or text such as '500 ms' or '5 s'); got '${typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value)}'`),
    );
  }
  return Math.round(amount);
}
