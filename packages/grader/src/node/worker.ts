import { parentPort, workerData } from 'node:worker_threads';
import { parseWorksheet } from '../parse-worksheet.ts';
import type { StudentGrade } from '../result.ts';
import type { SubmissionInput } from './collect.ts';
import { gradeInput, type InputOptions } from './grade-file.ts';

/** The data a grading worker starts with. */
export interface WorkerData {
  readonly worksheetText: string;
  readonly inputs: readonly { readonly index: number; readonly input: SubmissionInput }[];
  readonly options: InputOptions;
}

/** What a grading worker posts back: one message per graded submission. */
export interface WorkerMessage {
  readonly index: number;
  readonly grade: StudentGrade;
}

const data = workerData as WorkerData;
const parsed = parseWorksheet(data.worksheetText);
if (!parsed.ok) throw new Error(`the worksheet failed to load in a worker: ${parsed.error.message}`);
for (const { index, input } of data.inputs) {
  const grade = await gradeInput(parsed.value, input, data.options);
  parentPort?.postMessage({ index, grade } satisfies WorkerMessage);
}
