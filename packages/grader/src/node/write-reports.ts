import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { feedbackMarkdown } from '../feedback.ts';
import { gradesFile, type GradeFormat } from '../formats.ts';
import { feedbackHtml, reportHtml } from '../report-html.ts';
import { feedbackNames, reportJson, type ReportExtras } from '../report.ts';
import type { StudentGrade } from '../result.ts';
import type { Worksheet } from '../worksheet.ts';

/** Where `writeReports` put things. */
export interface WrittenReports {
  readonly csv: string;
  readonly json: string;
  readonly html: string;
  readonly feedbackDir: string;
  /** The Markdown notes (an HTML page sits beside each). */
  readonly feedbackFiles: readonly string[];
}

/** Options of `writeReports`. */
export interface WriteOptions extends ReportExtras {
  /** The format of `grades.csv` (default `csv`). */
  readonly format?: GradeFormat;
  /** The Canvas assignment column's name (default the worksheet title). */
  readonly assignment?: string;
}

/**
 * Writes `DIR/grades.csv` (in the chosen format), `DIR/report.json`, `DIR/report.html` and per
 * student `DIR/feedback/<id>.md` and `.html` (named by the id, else the name, bounded and unique).
 */
export async function writeReports(dir: string, worksheet: Worksheet, grades: readonly StudentGrade[], options: WriteOptions = {}): Promise<WrittenReports> {
  const feedbackDir = join(dir, 'feedback');
  await mkdir(feedbackDir, { recursive: true });
  const csv = join(dir, 'grades.csv');
  const json = join(dir, 'report.json');
  const html = join(dir, 'report.html');
  const report = reportJson(worksheet, grades, options);
  await writeFile(csv, gradesFile(options.format ?? 'csv', worksheet, grades, options.assignment === undefined ? {} : { assignment: options.assignment }));
  await writeFile(json, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(html, reportHtml(report));
  const names = feedbackNames(grades);
  const feedbackFiles: string[] = [];
  for (const [k, grade] of grades.entries()) {
    const base = join(feedbackDir, names[k] ?? `student-${k + 1}`);
    await writeFile(`${base}.md`, feedbackMarkdown(worksheet, grade));
    await writeFile(`${base}.html`, feedbackHtml(worksheet, grade));
    feedbackFiles.push(`${base}.md`);
  }
  return { csv, json, html, feedbackDir, feedbackFiles };
}
