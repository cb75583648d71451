import { normaliseIdentity, variantKey } from './identity.ts';
import { applyOverrides, type Override } from './overrides.ts';
import type { GradeWarning, StudentGrade } from './result.ts';
import type { Roster, RosterRow } from './roster.ts';
import type { Worksheet } from './worksheet.ts';

/** Options of `finishClass`. */
export interface ClassOptions {
  readonly roster?: Roster;
  readonly overrides?: readonly Override[];
}

/** The class's grades (one row per student) and every warning about them. */
export interface ClassGrades {
  readonly grades: readonly StudentGrade[];
  readonly warnings: readonly GradeWarning[];
}

/** Who a grade belongs to, for finding duplicates: the id, else the normalised name. */
function identityKey(grade: StudentGrade): string {
  return variantKey({ id: grade.id, student: grade.student });
}

function fileOf(grade: StudentGrade): string {
  return grade.source ?? '';
}

/** Per-submission warnings: wrong worksheet, unknown answer keys, not on the roster. */
function submissionWarnings(worksheet: Worksheet, grade: StudentGrade): GradeWarning[] {
  const out: GradeWarning[] = [];
  const who = { student: grade.student, file: fileOf(grade) };
  if (grade.error?.code === 'wrong-worksheet') out.push({ code: 'wrong-worksheet', ...who, message: grade.error.message });
  for (const key of grade.unknownKeys ?? []) {
    const ids = worksheet.questions.map((q) => q.id).join(', ');
    out.push({ code: 'unknown-answer-key', ...who, message: `the answer key '${key}' matches no question (${ids}); it was not graded` });
  }
  if (grade.unknownStudent !== undefined) out.push({ code: 'unknown-student', ...who, message: `${grade.unknownStudent}; graded under the name '${grade.student}'` });
  return out;
}

/** Rows that stand for a student: graded ones, and those for another worksheet (which rank lower). */
function rank(grade: StudentGrade): number | undefined {
  if (grade.error === undefined) return 1;
  return grade.error.code === 'wrong-worksheet' ? 0 : undefined;
}

/** Whether `a` beats `b` as a student's row: a graded row beats another worksheet's, then the later one wins. */
function beats(a: StudentGrade, b: StudentGrade): boolean {
  const ra = rank(a) ?? -1;
  const rb = rank(b) ?? -1;
  return ra !== rb ? ra > rb : (a.submittedAt ?? -Infinity) >= (b.submittedAt ?? -Infinity);
}

/**
 * Keeps one row per student: the latest graded submission by `submittedAt` (the file's timestamp,
 * else its modification time; the later file in input order on a tie or when neither is known),
 * or, when none was graded, the latest file for another worksheet. Rows that name nobody
 * (unreadable, malformed) are all kept. Every dropped file is a `duplicate-submission` warning.
 */
export function dropDuplicates(grades: readonly StudentGrade[]): { grades: StudentGrade[]; warnings: GradeWarning[] } {
  const best = new Map<string, number>();
  grades.forEach((g, k) => {
    if (rank(g) === undefined) return;
    const key = identityKey(g);
    const current = best.get(key);
    const other = current === undefined ? undefined : grades[current];
    if (other === undefined || beats(g, other)) best.set(key, k);
  });
  const warnings: GradeWarning[] = [];
  const kept = grades.filter((g, k) => {
    if (rank(g) === undefined) return true;
    const winner = best.get(identityKey(g));
    if (winner === k) return true;
    const chosen = winner === undefined ? undefined : grades[winner];
    warnings.push({
      code: 'duplicate-submission',
      student: g.student,
      file: fileOf(g),
      message: `another submission by '${g.student}' is kept instead (${chosen ? fileOf(chosen) : '?'}); this one is not graded`,
    });
    return false;
  });
  return { grades: kept, warnings };
}

function missingRow(worksheet: Worksheet, row: RosterRow): StudentGrade {
  return {
    student: row.name,
    id: row.id,
    ...(row.email === undefined ? {} : { email: row.email }),
    ...(row.section === undefined ? {} : { section: row.section }),
    ...(row.lmsId === undefined ? {} : { lmsId: row.lmsId }),
    worksheet: worksheet.id,
    total: 0,
    max: worksheet.maxScore,
    questions: [],
    error: { code: 'no-submission', message: 'no submission was found for this student' },
  };
}

/** Roster rows with no graded submission: a score-0 row and a `no-submission` warning each. */
function missingStudents(worksheet: Worksheet, grades: readonly StudentGrade[], roster: Roster): { rows: StudentGrade[]; warnings: GradeWarning[] } {
  const present = new Set(grades.filter((g) => g.id !== undefined).map((g) => normaliseIdentity(g.id ?? '')));
  const rows = roster.rows.filter((r) => !present.has(normaliseIdentity(r.id))).map((r) => missingRow(worksheet, r));
  const warnings = rows.map((r) => ({ code: 'no-submission', student: r.student, file: '', message: `${r.student} (${r.id}) is on the roster but handed nothing in; scored 0` }));
  return { rows, warnings };
}

/**
 * Turns the graded submissions into the class's grades: warnings for wrong worksheets, unknown
 * answer keys and students not on the roster; one row per student (duplicates dropped, see
 * `dropDuplicates`); a score-0 row for every roster student with no submission; then the
 * teacher's overrides. Warnings come in that order.
 */
export function finishClass(worksheet: Worksheet, graded: readonly StudentGrade[], options: ClassOptions = {}): ClassGrades {
  const warnings = graded.flatMap((g) => submissionWarnings(worksheet, g));
  const deduped = dropDuplicates(graded);
  warnings.push(...deduped.warnings);
  let grades = deduped.grades;
  if (options.roster) {
    const missing = missingStudents(worksheet, grades, options.roster);
    grades = [...grades, ...missing.rows];
    warnings.push(...missing.warnings);
  }
  if (options.overrides && options.overrides.length > 0) {
    const applied = applyOverrides(worksheet, grades, options.overrides);
    grades = applied.grades;
    warnings.push(...applied.warnings);
  }
  return { grades, warnings };
}
