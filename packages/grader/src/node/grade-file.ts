import { readFile } from 'node:fs/promises';
import { gradeSubmissionText, unreadableGrade } from '../grade.ts';
import type { StudentGrade } from '../result.ts';
import type { Worksheet } from '../worksheet.ts';
import type { SubmissionInput } from './collect.ts';

const MAX_BYTES = 1 << 20;

/** Reads and grades one submission input; never throws (unreadable files get a score-0 row). */
export async function gradeInput(worksheet: Worksheet, input: SubmissionInput): Promise<StudentGrade> {
  if (input.kind === 'missing') return unreadableGrade(worksheet, input.path, input.reason);
  let buffer: Buffer;
  try {
    buffer = await readFile(input.path);
  } catch (error) {
    return unreadableGrade(worksheet, input.path, `cannot read ${input.path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (buffer.length > MAX_BYTES) return unreadableGrade(worksheet, input.path, `the file is larger than ${MAX_BYTES} bytes`);
  if (buffer.includes(0)) return unreadableGrade(worksheet, input.path, 'the file is not text (it contains NUL bytes)');
  const text = new TextDecoder('utf-8', { fatal: false }).decode(buffer);
  try {
    return gradeSubmissionText(worksheet, text, input.path);
  } catch (error) {
    return unreadableGrade(worksheet, input.path, `internal error while grading: ${(error as Error).message}`);
  }
}
