export type { CollectOptions, CollectedClass, SubmissionInput } from './collect.ts';
export { MAX_ARCHIVE_BYTES, MAX_SUBMISSION_BYTES, collectClass, collectSubmissions, readStream } from './collect.ts';
export type { InputOptions } from './grade-file.ts';
export { gradeInput } from './grade-file.ts';
export type { BatchOptions } from './grade-batch.ts';
export { gradeBatch, jobsFor } from './grade-batch.ts';
export type { WriteOptions, WrittenReports } from './write-reports.ts';
export { writeReports } from './write-reports.ts';
