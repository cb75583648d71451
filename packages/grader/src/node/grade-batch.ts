import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { StudentGrade } from '../result.ts';
import type { Worksheet } from '../worksheet.ts';
import type { SubmissionInput } from './collect.ts';
import { gradeInput, type InputOptions } from './grade-file.ts';
import type { Roster } from '../roster.ts';
import type { WorkerData, WorkerMessage } from './worker.ts';

/** Options of `gradeBatch`. */
export interface BatchOptions {
  /**
   * Worker threads to use. Default: 1 (in-process) below `workerThreshold` submissions, else the
   * number of CPUs (at most 8). Workers need the built package (`dist/`); from source the batch runs in-process.
   */
  readonly jobs?: number;
  /** Batches at least this large use workers when `jobs` is not given (default 200). */
  readonly workerThreshold?: number;
  /** Called after each submission is graded (in completion order). */
  readonly onProgress?: (done: number, total: number, grade: StudentGrade) => void;
  /** The class list used to identify students (see `gradeInput`). */
  readonly roster?: Roster;
  /** How long grading one answer may take (ms), over the worksheet's `time_limit:` (`odot grade --time-limit`). */
  readonly timeLimitMs?: number;
}

const WORKER_URL = new URL('./worker.js', import.meta.url);
const CAN_USE_WORKERS = import.meta.url.endsWith('.js');

async function inProcess(
  worksheet: Worksheet,
  items: readonly { index: number; input: SubmissionInput }[],
  results: StudentGrade[],
  report: (index: number, grade: StudentGrade) => void,
  options: InputOptions,
): Promise<void> {
  for (const { index, input } of items) {
    if (results[index] !== undefined) continue;
    report(index, await gradeInput(worksheet, input, options));
  }
}

function runWorker(
  worksheetText: string,
  items: readonly { index: number; input: SubmissionInput }[],
  report: (index: number, grade: StudentGrade) => void,
  options: InputOptions,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, { workerData: { worksheetText, inputs: items, options } satisfies WorkerData });
    worker.on('message', (message: WorkerMessage) => report(message.index, message.grade));
    worker.on('error', reject);
    worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`grading worker exited with code ${code}`))));
  });
}

/** How many workers a batch of `count` submissions gets. */
export function jobsFor(count: number, options: Pick<BatchOptions, 'jobs' | 'workerThreshold'> = {}): number {
  if (!CAN_USE_WORKERS) return 1;
  if (options.jobs !== undefined) return Math.max(1, Math.min(options.jobs, count));
  return count >= (options.workerThreshold ?? 200) ? Math.max(1, Math.min(availableParallelism(), 8, count)) : 1;
}

/**
 * Grades submission files, in worker threads for large batches. Results come back in input order
 * whatever the completion order; a worker that dies hands its remaining files to the main thread,
 * so every input gets a row.
 */
export async function gradeBatch(worksheet: Worksheet, worksheetText: string, inputs: readonly SubmissionInput[], options: BatchOptions = {}): Promise<StudentGrade[]> {
  const results: StudentGrade[] = new Array<StudentGrade>(inputs.length);
  let done = 0;
  const report = (index: number, grade: StudentGrade): void => {
    if (results[index] !== undefined) return;
    results[index] = grade;
    done += 1;
    options.onProgress?.(done, inputs.length, grade);
  };
  const items = inputs.map((input, index) => ({ index, input }));
  const inputOptions: InputOptions = {
    ...(options.roster === undefined ? {} : { roster: options.roster }),
    ...(options.timeLimitMs === undefined ? {} : { timeLimitMs: options.timeLimitMs }),
  };
  const jobs = jobsFor(inputs.length, options);
  if (jobs <= 1) {
    await inProcess(worksheet, items, results, report, inputOptions);
  } else {
    const chunks: { index: number; input: SubmissionInput }[][] = Array.from({ length: jobs }, () => []);
    items.forEach((item, k) => chunks[k % jobs]?.push(item));
    await Promise.all(
      chunks.map((chunk) => runWorker(worksheetText, chunk, report, inputOptions).catch(() => inProcess(worksheet, chunk, results, report, inputOptions))),
    );
  }
  return results;
}
