import { num } from './report.ts';
import type { StudentGrade } from './result.ts';
import type { Question, Worksheet } from './worksheet.ts';

/** A question's own prose: its prompt after the last heading (the worksheet's introduction and the heading dropped). */
export function questionProse(question: Question): string {
  const lines = question.prompt.split('\n');
  let last = -1;
  lines.forEach((l, k) => {
    if (/^#{1,6}\s/.test(l)) last = k;
  });
  return lines.slice(last + 1).join('\n').trim();
}

/** Whether a value is a matrix written as rows (a list of lists of scalars). */
export function isRows(value: unknown): value is readonly (readonly unknown[])[] {
  return Array.isArray(value) && value.length > 0 && value.every((r) => Array.isArray(r) && r.every((x) => typeof x !== 'object' || x === null));
}

function scalarText(x: unknown): string {
  return typeof x === 'string' ? x : (JSON.stringify(x) ?? String(x));
}

/**
 * A student's answer as plain text: a matrix as aligned rows in brackets, a list as `(a, b, c)`, a
 * map as `key: value` lines, text as written. Blank for no answer.
 */
export function answerText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (isRows(value)) {
    const cells = value.map((r) => r.map(scalarText));
    const width = Math.max(...cells.flat().map((c) => c.length), 1);
    return cells.map((r) => `[ ${r.map((c) => c.padStart(width)).join('  ')} ]`).join('\n');
  }
  if (Array.isArray(value)) return `(${value.map(scalarText).join(', ')})`;
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${answerText(v).includes('\n') ? `\n${answerText(v)}` : answerText(v)}`)
      .join('\n');
  }
  return scalarText(value);
}

/** ✓, ✗ or ½ for a score. */
export function scoreMark(score: number, max: number): string {
  return score === max ? '✓' : score === 0 ? '✗' : '½';
}

/**
 * One student's feedback as Markdown: the score, warnings about the submission (unknown answer
 * keys, overrides), then per question its prose, the student's own answer, the score and the feedback.
 */
export function feedbackMarkdown(worksheet: Worksheet, grade: StudentGrade): string {
  const who = grade.id !== undefined && grade.id !== grade.student ? `${grade.student} (${grade.id})` : grade.student;
  const lines = [`# ${worksheet.title}: feedback for ${who}`, '', `Score: **${num(grade.total)} / ${num(grade.max)}**`, ''];
  if (grade.error) lines.push(`Your submission could not be graded: ${grade.error.message}.`, '');
  if (grade.unknownKeys && grade.unknownKeys.length > 0) {
    lines.push(`These answer keys match no question and were not graded: ${grade.unknownKeys.map((k) => `\`${k}\``).join(', ')} (the questions are ${worksheet.questions.map((q) => q.id).join(', ')}).`, '');
  }
  for (const o of grade.overrides ?? []) lines.push(`Override: ${o.question} set to ${num(o.to)} by your teacher (was ${num(o.from)})${o.comment === '' ? '' : `: ${o.comment}`}.`, '');
  const byId = new Map(grade.questions.map((q) => [q.id, q]));
  for (const question of worksheet.questions) {
    const q = byId.get(question.id);
    if (!q) continue;
    lines.push(`## ${scoreMark(q.score, q.max)} ${question.title} (${question.id}: ${num(q.score)} / ${num(q.max)})`, '');
    const prose = questionProse(question);
    if (prose !== '') lines.push(prose, '');
    const answer = answerText(grade.answers?.[question.id]);
    lines.push('Your answer:', '', ...(answer === '' ? ['_(none)_'] : ['```text', answer, '```']), '');
    lines.push(`Score: ${num(q.score)} / ${num(q.max)}`, '');
    for (const d of q.diagnoses) lines.push(`- ${d.message}${d.code === 'correct' ? '' : ` _(${d.code})_`}`);
    lines.push('');
  }
  return lines.join('\n');
}
