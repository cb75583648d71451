import { displayWidth, formatLimit, type Limit } from '@odot/core';
import { csvField } from './csv.ts';
import { itemAnalysis, topMisconception, type Distribution, type QuestionStats } from './item-analysis.ts';
import { hashString } from './rng.ts';
import type { AppliedOverride, GradeWarning, StudentGrade } from './result.ts';
import type { SkippedEntry } from './lms-zip.ts';
import type { Worksheet } from './worksheet.ts';

/** Formats a score for reports: at most two decimals. */
export function num(x: number): string {
  return String(Math.round(x * 100) / 100);
}

/** `grades.csv`: a header `student,id,q1,…,total,max`, then one row per student (unusable submissions score 0). */
export function gradesCsv(worksheet: Worksheet, grades: readonly StudentGrade[]): string {
  const header = ['student', 'id', ...worksheet.questions.map((q) => q.id), 'total', 'max'];
  const rows = grades.map((g) => {
    const byId = new Map(g.questions.map((q) => [q.id, q.score]));
    return [csvField(g.student), csvField(g.id ?? ''), ...worksheet.questions.map((q) => num(byId.get(q.id) ?? 0)), num(g.total), num(g.max)].join(',');
  });
  return `${[header.join(','), ...rows].join('\n')}\n`;
}

/** The JSON report of one question's grade. */
export interface QuestionReportJson {
  readonly score: number;
  readonly max: number;
  readonly diagnoses: readonly string[];
  readonly feedback: readonly string[];
  readonly cells?: readonly { readonly row: number; readonly col: number; readonly expected: string; readonly got: string }[];
  /** The limit that stopped grading this answer (`{kind: 'time', value}` in ms), when one did. */
  readonly limit?: Limit;
}

/** The JSON report of one student. */
export interface StudentReportJson {
  readonly student: string;
  readonly id?: string;
  readonly email?: string;
  readonly section?: string;
  readonly file?: string;
  /** The student's feedback note, relative to the report (`feedback/<id>.md`; `.html` beside it). */
  readonly feedback: string;
  readonly total: number;
  readonly max: number;
  readonly error?: { readonly code: string; readonly message: string };
  readonly unknownKeys?: readonly string[];
  readonly overrides?: readonly AppliedOverride[];
  readonly questions: Readonly<Record<string, QuestionReportJson>>;
}

/** One question of `report.json`: the worksheet's facts and the item analysis. */
export interface QuestionSummaryJson extends QuestionStats {
  readonly points: number;
}

/** `report.json`: the worksheet, the item analysis, the warnings, then per student and question the score, diagnoses and feedback. */
export interface ReportJson {
  readonly worksheet: string;
  readonly title: string;
  readonly seed: string;
  readonly max: number;
  readonly questions: readonly QuestionSummaryJson[];
  readonly distribution: Distribution;
  readonly alpha: number | null;
  readonly warnings: readonly GradeWarning[];
  /** Files found but not graded (not submissions), with the reason. */
  readonly ignored: readonly SkippedEntry[];
  readonly students: readonly StudentReportJson[];
}

/** What the class run adds to the reports besides the grades. */
export interface ReportExtras {
  readonly warnings?: readonly GradeWarning[];
  readonly ignored?: readonly SkippedEntry[];
}

const MAX_NAME = 60;

/**
 * File names (without extension) for the students' feedback notes, in order: the id when there is
 * one, else the name, made safe (`Ann O'Neil` → `Ann_O_Neil`), at most 60 characters (a longer one
 * is cut and given a hash) and unique case-insensitively.
 */
export function feedbackNames(grades: readonly StudentGrade[]): string[] {
  const taken = new Set<string>();
  return grades.map((g) => feedbackFileName(g.id ?? g.student, taken).replace(/\.md$/, ''));
}

/** A file name for a student's feedback: the id or name made safe and bounded (see `feedbackNames`), unique within `taken`. */
export function feedbackFileName(student: string, taken: Set<string>): string {
  let base = student.normalize('NFKD').replace(/[^\w.-]+/g, '_').replace(/^[._]+|_+$/g, '') || 'student';
  if (base.length > MAX_NAME) base = `${base.slice(0, MAX_NAME - 9)}-${hashString(student).toString(16).padStart(8, '0').slice(0, 8)}`;
  let name = `${base}.md`;
  for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${base}-${k}.md`;
  taken.add(name.toLowerCase());
  return name;
}

function studentJson(g: StudentGrade, feedback: string): StudentReportJson {
  const questions: Record<string, QuestionReportJson> = {};
  for (const q of g.questions) {
    const cells = q.diagnoses.flatMap((d) => d.cells ?? []);
    questions[q.id] = { score: q.score, max: q.max, diagnoses: q.diagnoses.map((d) => d.code), feedback: q.diagnoses.map((d) => d.message), ...(cells.length > 0 ? { cells } : {}), ...(q.limit ? { limit: q.limit } : {}) };
  }
  const opt = <K extends keyof StudentGrade>(k: K): Partial<Pick<StudentGrade, K>> => (g[k] === undefined ? {} : ({ [k]: g[k] } as Partial<Pick<StudentGrade, K>>));
  return {
    student: g.student,
    ...opt('id'),
    ...opt('email'),
    ...opt('section'),
    ...(g.source === undefined ? {} : { file: g.source }),
    feedback: `feedback/${feedback}.md`,
    total: g.total,
    max: g.max,
    ...opt('error'),
    ...opt('unknownKeys'),
    ...(g.overrides && g.overrides.length > 0 ? { overrides: g.overrides } : {}),
    questions,
  };
}

/** Builds the JSON report (a plain object; `JSON.stringify` it). */
export function reportJson(worksheet: Worksheet, grades: readonly StudentGrade[], extras: ReportExtras = {}): ReportJson {
  const analysis = itemAnalysis(worksheet, grades);
  const names = feedbackNames(grades);
  return {
    worksheet: worksheet.id,
    title: worksheet.title,
    seed: worksheet.seed,
    max: worksheet.maxScore,
    questions: analysis.questions.map((q) => ({ ...q, points: q.max })),
    distribution: analysis.distribution,
    alpha: analysis.alpha,
    warnings: extras.warnings ?? [],
    ignored: extras.ignored ?? [],
    students: grades.map((g, k) => studentJson(g, names[k] ?? 'student')),
  };
}

function pct(x: number | null): string {
  return x === null ? '-' : `${Math.round(x * 100)}%`;
}

function fixed(x: number | null): string {
  return x === null ? '-' : x.toFixed(2);
}

/** One line per question: mean, facility, discrimination and the most common misconception with how many had it. */
export function questionLines(worksheet: Worksheet, grades: readonly StudentGrade[]): string[] {
  const { questions, alpha } = itemAnalysis(worksheet, grades);
  const width = Math.max(...questions.map((q) => q.id.length), 2);
  const lines = questions.map((q) => {
    const top = topMisconception(q);
    const common = top ? `most common: ${top.code} (${top.count})` : 'no misconception';
    return `${q.id.padEnd(width)}  mean ${num(q.mean)}/${num(q.max)}  facility ${pct(q.facility)}  discrimination ${fixed(q.discrimination)}  ${common}`;
  });
  return [...lines, `Cronbach's alpha ${fixed(alpha)}`];
}

/** The summary table printed after grading: one row per student, per-question statistics, then the warnings. */
export function summaryTable(worksheet: Worksheet, grades: readonly StudentGrade[], extras: ReportExtras = {}): string {
  const header = ['student', ...worksheet.questions.map((q) => q.id), 'total', 'note'];
  const rows = grades.map((g) => {
    const byId = new Map(g.questions.map((q) => [q.id, q.score]));
    const overridden = g.overrides && g.overrides.length > 0 ? ` (${g.overrides.length} override${g.overrides.length === 1 ? '' : 's'})` : '';
    const stopped = g.questions.filter((q) => q.limit !== undefined);
    const limited = stopped.length === 0 ? '' : ` limit: ${stopped.map((q) => q.id).join(', ')} stopped (${formatLimit(stopped[0]?.limit as Limit)})`;
    const note = `${g.error ? `${g.error.code}: ${g.error.message}` : ''}${limited}${overridden}`.trim();
    return [
      g.student.length > 40 ? `${g.student.slice(0, 37)}...` : g.student,
      ...worksheet.questions.map((q) => (g.questions.length === 0 ? '-' : num(byId.get(q.id) ?? 0))),
      `${num(g.total)}/${num(g.max)}`,
      note.length > 60 ? `${note.slice(0, 57)}...` : note,
    ];
  });
  // Columns in terminal cells, not UTF-16 units: `李雷` takes four cells, a combining accent none.
  const widths = header.map((h, k) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[k] ?? ''))));
  const pad = (c: string, k: number): string => ' '.repeat(Math.max(0, (widths[k] ?? 0) - displayWidth(c)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, k) => (k === 0 || k === cells.length - 1 ? `${c}${pad(c, k)}` : `${pad(c, k)}${c}`))
      .join('  ')
      .trimEnd();
  const graded = grades.filter((g) => !g.error);
  const mean = graded.length === 0 ? 0 : graded.reduce((s, g) => s + g.total, 0) / graded.length;
  const warnings = extras.warnings ?? [];
  const ignored = extras.ignored ?? [];
  return [
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
    `${grades.length} submission(s), ${graded.length} graded, ${grades.length - graded.length} unusable; mean ${num(mean)} / ${num(worksheet.maxScore)}`,
    '',
    'Per question:',
    ...questionLines(worksheet, grades).map((l) => `  ${l}`),
    ...(warnings.length === 0 ? [] : ['', `${warnings.length} warning(s):`, ...warnings.map((w) => `  ${w.code}: ${w.file === '' ? '' : `${w.file}: `}${w.message}`)]),
    ...(ignored.length === 0 ? [] : ['', `${ignored.length} file(s) not graded:`, ...ignored.map((s) => `  ${s.path}: ${s.reason}`)]),
  ].join('\n');
}
