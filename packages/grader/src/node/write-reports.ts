import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { feedbackFileName, feedbackMarkdown, gradesCsv, reportJson } from '../report.ts';
import type { StudentGrade } from '../result.ts';
import type { Worksheet } from '../worksheet.ts';

/** Where `writeReports` put things. */
export interface WrittenReports {
  readonly csv: string;
  readonly json: string;
  readonly feedbackDir: string;
  readonly feedbackFiles: readonly string[];
}

/** Writes `DIR/grades.csv`, `DIR/report.json` and `DIR/feedback/<student>.md` (one per submission). */
export async function writeReports(dir: string, worksheet: Worksheet, grades: readonly StudentGrade[]): Promise<WrittenReports> {
  const feedbackDir = join(dir, 'feedback');
  await mkdir(feedbackDir, { recursive: true });
  const csv = join(dir, 'grades.csv');
  const json = join(dir, 'report.json');
  await writeFile(csv, gradesCsv(worksheet, grades));
  await writeFile(json, `${JSON.stringify(reportJson(worksheet, grades), null, 2)}\n`);
  const taken = new Set<string>();
  const feedbackFiles: string[] = [];
  for (const grade of grades) {
    const file = join(feedbackDir, feedbackFileName(grade.student, taken));
    await writeFile(file, feedbackMarkdown(worksheet, grade));
    feedbackFiles.push(file);
  }
  return { csv, json, feedbackDir, feedbackFiles };
}
