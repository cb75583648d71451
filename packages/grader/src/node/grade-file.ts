import { readFile } from 'node:fs/promises';
import { gradeSubmission, unreadableGrade } from '../grade.ts';
import { matchRoster, type Roster } from '../roster.ts';
import type { StudentGrade } from '../result.ts';
import { parseSubmission, studentFromFileName, type Submission } from '../submission.ts';
import type { Worksheet } from '../worksheet.ts';
import { MAX_SUBMISSION_BYTES, type SubmissionInput } from './collect.ts';

/** Options of `gradeInput`. */
export interface InputOptions {
  /** The class list: a submission's id, email or name (or LMS user id) picks its row, whose id keys the variant. */
  readonly roster?: Roster;
  /** How long grading one answer may take (ms), over the worksheet's `time_limit:` (see `GradeOptions.timeLimitMs`). */
  readonly timeLimitMs?: number;
}

async function bytesOf(input: SubmissionInput): Promise<Uint8Array | string> {
  switch (input.kind) {
    case 'missing':
      return input.reason;
    case 'data':
      return input.bytes;
    case 'file':
      try {
        return new Uint8Array(await readFile(input.path));
      } catch (error) {
        return `cannot read ${input.path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
      }
  }
}

function textOf(bytes: Uint8Array): string | { reason: string } {
  if (bytes.length > MAX_SUBMISSION_BYTES) return { reason: `the file is larger than ${MAX_SUBMISSION_BYTES} bytes` };
  if (bytes.includes(0)) return { reason: 'the file is not text (it contains NUL bytes)' };
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}

/** The submission as its roster row names it, and what the grade should say about its identity. */
function identify(submission: Submission, input: SubmissionInput, roster: Roster | undefined): { submission: Submission; extra: Partial<StudentGrade> } {
  const lmsId = input.kind === 'missing' ? undefined : input.lms?.userId;
  const base: Partial<StudentGrade> = lmsId === undefined ? {} : { lmsId };
  if (!roster) return { submission, extra: base };
  const match = matchRoster(roster, { id: submission.id, student: submission.student, email: submission.email, lmsId });
  if (match.kind === 'none') return { submission, extra: { ...base, unknownStudent: match.reason } };
  const row = match.row;
  return {
    submission: { ...submission, id: row.id, student: row.name },
    extra: { ...base, ...(row.email === undefined ? {} : { email: row.email }), ...(row.section === undefined ? {} : { section: row.section }), ...(row.lmsId === undefined ? {} : { lmsId: row.lmsId }) },
  };
}

/** Reads and grades one submission input; never throws (unreadable files get a score-0 row). */
export async function gradeInput(worksheet: Worksheet, input: SubmissionInput, options: InputOptions = {}): Promise<StudentGrade> {
  const bytes = await bytesOf(input);
  if (typeof bytes === 'string') return unreadableGrade(worksheet, input.path, bytes);
  const text = textOf(bytes);
  if (typeof text !== 'string') return unreadableGrade(worksheet, input.path, text.reason);
  const hint = input.kind === 'missing' ? undefined : input.lms;
  const parsed = parseSubmission(text, input.path, hint?.name ?? '');
  if (!parsed.ok) {
    const grade = unreadableGrade(worksheet, input.path, parsed.error.message);
    return { ...grade, student: hint?.name ?? studentFromFileName(input.path), error: { code: parsed.error.code, message: parsed.error.message } };
  }
  const { submission, extra } = identify(parsed.value, input, options.roster);
  const mtime = input.kind === 'file' && input.mtime !== undefined ? { submittedAt: input.mtime } : {};
  try {
    return { ...mtime, ...gradeSubmission(worksheet, submission, { source: input.path, ...(options.timeLimitMs === undefined ? {} : { timeLimitMs: options.timeLimitMs }) }), ...extra };
  } catch (error) {
    return unreadableGrade(worksheet, input.path, `internal error while grading: ${(error as Error).message}`);
  }
}
