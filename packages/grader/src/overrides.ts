import { fail, ok, type Result } from '@odot/core';
import { answerKeyForm } from './answer-keys.ts';
import { normaliseIdentity } from './identity.ts';
import { readData, readPlace } from './read-data.ts';
import { roundScore, type AppliedOverride, type GradeWarning, type QuestionGrade, type StudentGrade } from './result.ts';
import type { Worksheet } from './worksheet.ts';

/** A teacher's decision about one answer: `{student, question, score, comment}`. */
export interface Override {
  /** The student's id, name or email (compared normalised). */
  readonly student: string;
  /** The question id (case and spaces ignored). */
  readonly question: string;
  readonly score: number;
  readonly comment: string;
}

function bad(file: string, where: string, message: string): Result<Override[]> {
  return fail({ code: 'bad-overrides', severity: 'error', message: `${file}: ${where}${message}` });
}

/**
 * Reads an overrides file: a YAML list of `{student, question, score, comment}`. The question must
 * exist and the score lie between 0 and its points; any problem is an error naming the entry.
 */
export function parseOverrides(text: string, worksheet: Pick<Worksheet, 'questions'>, file = 'overrides'): Result<Override[]> {
  const read = readData(text, 'yaml');
  if (!read.ok && read.code !== undefined) return fail({ code: read.code, severity: 'error', message: `${readPlace(read, file)}${read.reason}` });
  if (!read.ok) return bad(file, '', `not YAML: ${read.reason}`);
  const data = read.value;
  if (data === null || data === undefined) return ok([]);
  if (!Array.isArray(data)) return bad(file, '', 'expected a list of {student, question, score, comment}');
  const out: Override[] = [];
  for (const [k, item] of data.entries()) {
    const where = `entry ${k + 1}: `;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return bad(file, where, 'expected a map {student, question, score, comment}');
    const r = item as Record<string, unknown>;
    const text = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v).trim() : '');
    const student = text(r['student']);
    if (student === '') return bad(file, where, 'no `student`');
    const question = worksheet.questions.find((q) => answerKeyForm(q.id) === answerKeyForm(text(r['question'])));
    if (!question) return bad(file, where, `no question '${text(r['question'])}' in the worksheet`);
    const score = r['score'];
    if (typeof score !== 'number' || !Number.isFinite(score) || score < 0 || score > question.points) {
      return bad(file, where, `\`score\` must be a number from 0 to ${question.points} (${question.id}'s points), got ${JSON.stringify(score) ?? 'nothing'}`);
    }
    out.push({ student, question: question.id, score, comment: text(r['comment']) });
  }
  return ok(out);
}

function names(grade: StudentGrade): string[] {
  return [grade.id, grade.student, grade.email].filter((x): x is string => x !== undefined).map(normaliseIdentity);
}

function overrideQuestion(q: QuestionGrade, o: Override): QuestionGrade {
  const message = `Your teacher set this score to ${o.score} / ${q.max} (the grader gave ${q.score})${o.comment === '' ? '.' : `: ${o.comment}`}`;
  return { ...q, score: o.score, diagnoses: [...q.diagnoses, { code: 'teacher-override', message }] };
}

function applyTo(worksheet: Worksheet, grade: StudentGrade, mine: readonly Override[]): StudentGrade {
  const byId = new Map(grade.questions.map((q) => [q.id, q]));
  const applied: AppliedOverride[] = [];
  const questions = worksheet.questions.map((question) => {
    const q = byId.get(question.id) ?? { id: question.id, score: 0, max: question.points, diagnoses: [] };
    const o = mine.filter((x) => x.question === question.id).at(-1);
    if (!o) return q;
    applied.push({ question: question.id, from: q.score, to: o.score, comment: o.comment });
    return overrideQuestion(q, o);
  });
  return { ...grade, questions, total: roundScore(questions.reduce((s, q) => s + q.score, 0)), overrides: applied };
}

/**
 * Applies the teacher's overrides after grading (so a regrade keeps them): the question's score is
 * replaced, a `teacher-override` diagnosis says so, the total is recomputed and the grade lists the
 * override. An override naming no student is an `unknown-override` warning.
 */
export function applyOverrides(worksheet: Worksheet, grades: readonly StudentGrade[], overrides: readonly Override[]): { grades: StudentGrade[]; warnings: GradeWarning[] } {
  const used = new Set<Override>();
  const out = grades.map((grade) => {
    const keys = names(grade);
    const mine = overrides.filter((o) => keys.includes(normaliseIdentity(o.student)));
    mine.forEach((o) => used.add(o));
    return mine.length === 0 ? grade : applyTo(worksheet, grade, mine);
  });
  const warnings = overrides
    .filter((o) => !used.has(o))
    .map((o) => ({ code: 'unknown-override', student: o.student, file: 'overrides', message: `the override of ${o.question} for '${o.student}' matches no student; not applied` }));
  return { grades: out, warnings };
}
