import { assertNever } from '@odot/core';
import { csvLine } from './csv.ts';
import { gradesCsv, num } from './report.ts';
import type { StudentGrade } from './result.ts';
import type { Worksheet } from './worksheet.ts';

/** The grade file formats of `odot grade --format`. */
export const GRADE_FORMATS = ['csv', 'moodle', 'canvas'] as const;

/** A grade file format: odot's own CSV, Moodle's grade import CSV or Canvas's gradebook import CSV. */
export type GradeFormat = (typeof GRADE_FORMATS)[number];

/** Options of `gradesFile`. */
export interface GradesFileOptions {
  /** The Canvas assignment column's header (default: the worksheet title). */
  readonly assignment?: string;
}

/**
 * Moodle's "Import grades from CSV": one identifier column, then one column per question and the
 * total (`Total`). The identifier is `Email address` when every identified student (one with an
 * id) has an email, else `ID number`; the teacher maps it in "Identify user by" and the other
 * columns to grade items. Rows without the identifier (an unreadable file naming nobody) cannot be
 * imported and are left out; the summary and report.json list them.
 */
export function moodleCsv(worksheet: Worksheet, grades: readonly StudentGrade[]): string {
  const known = grades.filter((g) => g.id !== undefined || g.email !== undefined);
  const byEmail = known.length > 0 && known.every((g) => g.email !== undefined && g.email !== '');
  const header = [byEmail ? 'Email address' : 'ID number', ...worksheet.questions.map((q) => q.id), 'Total'];
  const rows = grades.filter((g) => (byEmail ? g.email : g.id) !== undefined).map((g) => {
    const byId = new Map(g.questions.map((q) => [q.id, q.score]));
    return csvLine([(byEmail ? g.email : g.id) ?? '', ...worksheet.questions.map((q) => num(byId.get(q.id) ?? 0)), num(g.total)]);
  });
  return `${[csvLine(header), ...rows].join('\n')}\n`;
}

/**
 * Canvas's gradebook import: `Student`, `ID` (Canvas's user id), `SIS User ID`, `Section`, then one
 * assignment column holding the total, headed by the assignment's name. Canvas matches rows by
 * `ID`, else `SIS User ID`; unknown cells stay empty, and rows with neither id (an unreadable
 * file naming nobody) are left out, as Canvas could not place them.
 */
export function canvasCsv(worksheet: Worksheet, grades: readonly StudentGrade[], assignment = worksheet.title): string {
  const header = ['Student', 'ID', 'SIS User ID', 'Section', assignment];
  const rows = grades.filter((g) => g.lmsId !== undefined || g.id !== undefined).map((g) => csvLine([g.student, g.lmsId ?? '', g.id ?? '', g.section ?? '', num(g.total)]));
  return `${[csvLine(header), ...rows].join('\n')}\n`;
}

/** The grades file in the chosen format. */
export function gradesFile(format: GradeFormat, worksheet: Worksheet, grades: readonly StudentGrade[], options: GradesFileOptions = {}): string {
  switch (format) {
    case 'csv':
      return gradesCsv(worksheet, grades);
    case 'moodle':
      return moodleCsv(worksheet, grades);
    case 'canvas':
      return canvasCsv(worksheet, grades, options.assignment);
    default:
      return assertNever(format);
  }
}
