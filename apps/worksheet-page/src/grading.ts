import { gradeAnswer, modelSubmissionAnswer, parseWorksheet, type Question } from '@odot/grader';
import type { PageGrader, WorkedAnswer } from './app.ts';
import type { PageData, PageQuestion } from './page-types.ts';

function rowsLatex(rows: readonly (readonly string[])[]): string {
  return `\\begin{pmatrix}${rows.map((r) => r.join(' & ')).join(' \\\\ ')}\\end{pmatrix}`;
}

/** A model answer as the page shows it: matrices in KaTeX, everything else as text. */
export function workedAnswerView(answer: unknown): WorkedAnswer | undefined {
  if (answer === undefined) return undefined;
  if (Array.isArray(answer) && answer.every((r) => Array.isArray(r))) return { text: JSON.stringify(answer), latex: rowsLatex(answer as string[][]) };
  if (typeof answer === 'object' && answer !== null) {
    const a = answer as Record<string, unknown>;
    const extra = a['reason'] ?? a['certificate'];
    return { text: `${String(a['answer'])}${extra === undefined ? '' : `, because: ${Array.isArray(extra) ? `[${extra.join(', ')}]` : typeof extra === 'string' ? extra : JSON.stringify(extra)}`}` };
  }
  return { text: typeof answer === 'string' ? answer : JSON.stringify(answer) };
}

/**
 * The practice grader: parses the embedded worksheet source with the same `parseWorksheet` and
 * grades with the same `gradeAnswer` as `odot grade`. A source that does not parse is a message.
 */
export function practiceGrader(data: PageData): PageGrader | string {
  if (data.source === undefined) return 'the practice page carries no worksheet';
  const parsed = parseWorksheet(data.source);
  if (!parsed.ok) return `the worksheet does not parse: ${parsed.error.message}`;
  const worksheet = parsed.value;
  const byId = new Map<string, Question>(worksheet.questions.map((q) => [q.id, q]));
  const find = (q: PageQuestion): Question => {
    const found = byId.get(q.id);
    if (!found) throw new Error(`question ${q.id} is not in the worksheet`);
    return found;
  };
  return {
    grade: (q, key, value) => gradeAnswer(worksheet, find(q), key, value),
    workedAnswer: (q, key) => workedAnswerView(modelSubmissionAnswer(worksheet, find(q), key)),
  };
}
