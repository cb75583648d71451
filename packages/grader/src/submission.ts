import { fail, ok, type Result } from '@odot/core';
import { readData, readPlace } from './read-data.ts';

/** One student's answers to one worksheet. */
export interface Submission {
  /** The name the student typed (`student:`); the id when the file names only an id. */
  readonly student: string;
  /** The student's id (`id:`, what the student page writes); keys the variant when present. */
  readonly id?: string;
  readonly worksheet: string;
  /** The student's email (`email:`), matched against a roster. */
  readonly email?: string;
  /** When the student submitted (`timestamp:`, ISO 8601 text or Unix seconds), in milliseconds since 1970. */
  readonly timestamp?: number;
  /** Answers by question id, as read from YAML/JSON (matrices as nested lists, expressions and proofs as strings). */
  readonly answers: Readonly<Record<string, unknown>>;
}

function malformed(message: string): Result<Submission> {
  return fail({ code: 'malformed-submission', severity: 'error', message });
}

/**
 * Reads a submission file (YAML or JSON; JSON is read as JSON when `name` ends in `.json`):
 * `student`, `worksheet`, `answers: {q1: …}`, optional `id`, `email`, `timestamp`. A malformed file is
 * an error value saying why. `fallbackStudent` names the student when the file names none (the
 * name an LMS archive path gives).
 */
export function parseSubmission(text: string, name = '', fallbackStudent = ''): Result<Submission> {
  const format = name.toLowerCase().endsWith('.json') ? 'json' : 'yaml';
  const read = readData(text, format);
  if (!read.ok && read.code !== undefined) {
    // Refused before parsing (nested too deep, an alias bomb): odot's own code, with file:line:col.
    return fail({ code: read.code, severity: 'error', message: `${readPlace(read, name)}cannot read the file as ${format.toUpperCase()}: ${read.reason}` });
  }
  if (!read.ok) return malformed(`cannot read the file as ${format.toUpperCase()}: ${read.reason}`);
  const data = read.value;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return malformed('a submission must be a map with `student`, `worksheet` and `answers`');
  }
  const record = data as Record<string, unknown>;
  const field = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v).trim() : '');
  const id = field(record['id']);
  const student = field(record['student']) || id || fallbackStudent.trim();
  if (student === '') return malformed('the submission has no `student` (or `id`)');
  const worksheet = record['worksheet'];
  if (typeof worksheet !== 'string' || worksheet.trim() === '') return malformed('the submission has no `worksheet`');
  const answers = record['answers'];
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
    return malformed('`answers` must be a map from question ids to answers (q1: …)');
  }
  const email = field(record['email']);
  const timestamp = readTimestamp(record['timestamp']);
  return ok({
    student,
    ...(id === '' ? {} : { id }),
    ...(email === '' ? {} : { email }),
    ...(timestamp === undefined ? {} : { timestamp }),
    worksheet: worksheet.trim(),
    answers: answers as Record<string, unknown>,
  });
}

/** A `timestamp:` as milliseconds: ISO 8601 text, a Date, or Unix time (seconds; milliseconds above 10¹¹). */
export function readTimestamp(value: unknown): number | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getTime();
  if (typeof value === 'number' && Number.isFinite(value)) return value > 1e11 ? value : value * 1000;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return readTimestamp(Number(value));
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** A student name from a file name, for rows of files that cannot be read (`alice.yaml` → `alice`). */
export function studentFromFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  return base.replace(/\.(ya?ml|json)$/i, '') || base;
}
