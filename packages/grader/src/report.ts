import stringWidth from 'string-width';
import type { StudentGrade } from './result.ts';
import type { Worksheet } from './worksheet.ts';

function csvField(text: string): string {
  return /[",\n\r]/.test(text) || /^[=+\-@]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function num(x: number): string {
  return String(Math.round(x * 100) / 100);
}

/** `grades.csv`: a header `student,q1,…,total,max`, then one row per submission (unusable ones score 0). */
export function gradesCsv(worksheet: Worksheet, grades: readonly StudentGrade[]): string {
  const header = ['student', ...worksheet.questions.map((q) => q.id), 'total', 'max'];
  const rows = grades.map((g) => {
    const byId = new Map(g.questions.map((q) => [q.id, q.score]));
    return [csvField(g.student), ...worksheet.questions.map((q) => num(byId.get(q.id) ?? 0)), num(g.total), num(g.max)].join(',');
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
}

/** The JSON report of one student. */
export interface StudentReportJson {
  readonly student: string;
  readonly file?: string;
  readonly total: number;
  readonly max: number;
  readonly error?: { readonly code: string; readonly message: string };
  readonly questions: Readonly<Record<string, QuestionReportJson>>;
}

/** `report.json`: the worksheet, then per student and per question the score, max, diagnosis codes and feedback. */
export interface ReportJson {
  readonly worksheet: string;
  readonly title: string;
  readonly seed: string;
  readonly max: number;
  readonly questions: readonly { readonly id: string; readonly kind: string; readonly points: number; readonly title: string }[];
  readonly students: readonly StudentReportJson[];
}

/** Builds the JSON report (a plain object; `JSON.stringify` it). */
export function reportJson(worksheet: Worksheet, grades: readonly StudentGrade[]): ReportJson {
  return {
    worksheet: worksheet.id,
    title: worksheet.title,
    seed: worksheet.seed,
    max: worksheet.maxScore,
    questions: worksheet.questions.map((q) => ({ id: q.id, kind: q.kind, points: q.points, title: q.title })),
    students: grades.map((g) => {
      const questions: Record<string, QuestionReportJson> = {};
      for (const q of g.questions) {
        const cells = q.diagnoses.flatMap((d) => d.cells ?? []);
        questions[q.id] = {
          score: q.score,
          max: q.max,
          diagnoses: q.diagnoses.map((d) => d.code),
          feedback: q.diagnoses.map((d) => d.message),
          ...(cells.length > 0 ? { cells } : {}),
        };
      }
      return {
        student: g.student,
        ...(g.source === undefined ? {} : { file: g.source }),
        total: g.total,
        max: g.max,
        ...(g.error ? { error: g.error } : {}),
        questions,
      };
    }),
  };
}

/** One student's feedback as Markdown: the score, then each question with its score and the feedback sentences. */
export function feedbackMarkdown(worksheet: Worksheet, grade: StudentGrade): string {
  const lines = [`# ${worksheet.title}: feedback for ${grade.student}`, '', `Score: **${num(grade.total)} / ${num(grade.max)}**`, ''];
  if (grade.error) {
    lines.push(`Your submission could not be graded: ${grade.error.message}.`, '');
    return `${lines.join('\n')}`;
  }
  const byId = new Map(grade.questions.map((q) => [q.id, q]));
  for (const question of worksheet.questions) {
    const q = byId.get(question.id);
    if (!q) continue;
    const mark = q.score === q.max ? '✓' : q.score === 0 ? '✗' : '½';
    lines.push(`## ${mark} ${question.title} (${question.id}: ${num(q.score)} / ${num(q.max)})`, '');
    for (const d of q.diagnoses) lines.push(`- ${d.message}${d.code === 'correct' ? '' : ` _(${d.code})_`}`);
    lines.push('');
  }
  return lines.join('\n');
}

/** A file name for a student's feedback: the name made safe (`Ann O'Neil` → `Ann_O_Neil.md`), unique within `taken`. */
export function feedbackFileName(student: string, taken: Set<string>): string {
  const base = student.normalize('NFKD').replace(/[^\w.-]+/g, '_').replace(/^[._]+|_+$/g, '') || 'student';
  let name = `${base}.md`;
  for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${base}-${k}.md`;
  taken.add(name.toLowerCase());
  return name;
}

/** The summary table printed after grading: one row per student with each question's score, total and a note. */
export function summaryTable(worksheet: Worksheet, grades: readonly StudentGrade[]): string {
  const header = ['student', ...worksheet.questions.map((q) => q.id), 'total', 'note'];
  const rows = grades.map((g) => {
    const byId = new Map(g.questions.map((q) => [q.id, q.score]));
    const note = g.error ? `${g.error.code}: ${g.error.message}` : '';
    return [
      g.student,
      ...worksheet.questions.map((q) => (g.error ? '-' : num(byId.get(q.id) ?? 0))),
      `${num(g.total)}/${num(g.max)}`,
      note.length > 60 ? `${note.slice(0, 57)}...` : note,
    ];
  });
  // Columns in terminal cells, not UTF-16 units: `李雷` takes four cells, a combining accent none.
  const widths = header.map((h, k) => Math.max(stringWidth(h), ...rows.map((r) => stringWidth(r[k] ?? ''))));
  const pad = (c: string, k: number): string => ' '.repeat(Math.max(0, (widths[k] ?? 0) - stringWidth(c)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, k) => (k === 0 || k === cells.length - 1 ? `${c}${pad(c, k)}` : `${pad(c, k)}${c}`))
      .join('  ')
      .trimEnd();
  const graded = grades.filter((g) => !g.error);
  const mean = graded.length === 0 ? 0 : graded.reduce((s, g) => s + g.total, 0) / graded.length;
  return [
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
    `${grades.length} submission(s), ${graded.length} graded, ${grades.length - graded.length} unusable; mean ${num(mean)} / ${num(worksheet.maxScore)}`,
  ].join('\n');
}
