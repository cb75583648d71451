export type { SubmissionInput } from './collect.ts';
export { collectSubmissions } from './collect.ts';
export { gradeInput } from './grade-file.ts';
export type { BatchOptions } from './grade-batch.ts';
export { gradeBatch, jobsFor } from './grade-batch.ts';
export type { WrittenReports } from './write-reports.ts';
export { writeReports } from './write-reports.ts';
