import { assertNever } from '@odot/core';
import { matrixRows } from '@odot/numeric';
import { questionProse } from './feedback.ts';
import { htmlPage, markdownToHtml } from './html.ts';
import { variantKey } from './identity.ts';
import { isRandomised, questionBindings } from './variant.ts';
import type { Question, Worksheet } from './worksheet.ts';

/** Who a handout is for: a roster row, or nobody in particular (the class version). */
export interface HandoutStudent {
  readonly id?: string;
  readonly name?: string;
}

/** How to write the answer to a question of this kind (no hint of the answer itself). */
export function answerInstructions(question: Question): string {
  switch (question.kind) {
    case 'matrix':
      return 'Answer with a matrix, written as rows: `[[1, 2], [3, 4]]`.';
    case 'expression':
      return 'Answer with an expression.';
    case 'truefalse':
      return question.reasonPoints > 0 ? 'Answer true or false, and name the law that decides it.' : 'Answer true or false.';
    case 'psd':
      return question.certificatePoints > 0 ? 'Answer yes or no, with a certificate (a factor, a vector or a law).' : 'Answer yes or no.';
    case 'proof':
      return 'Write the proof as a chain of equalities, one step a line, each justified `by LAW`.';
    case 'shape':
      return 'Answer with a shape such as `2×3`, or `undefined`.';
    default:
      return assertNever(question);
  }
}

function matricesMarkdown(worksheet: Worksheet, question: Question, key: string): string[] {
  const bindings = questionBindings(worksheet, question, key);
  if (bindings.size === 0) return [];
  const lines = [isRandomised(question) ? 'Your matrices:' : 'The matrices:', '', '```text'];
  for (const [name, m] of bindings) {
    const rows = matrixRows(m);
    const width = Math.max(1, ...rows.flat().map((c) => c.length));
    rows.forEach((r, i) => lines.push(`${i === 0 ? `${name} =` : ' '.repeat(name.length + 2)} [ ${r.map((c) => c.padStart(width)).join('  ')} ]`));
  }
  lines.push('```', '');
  return lines;
}

/**
 * A student's handout as Markdown: the worksheet title, who it is for, then per question its
 * prose, the student's own matrices (drawn with the same variant key as grading), how to answer
 * and room for the answer. No model answer, predicted mistake or feedback is included.
 */
export function handoutMarkdown(worksheet: Worksheet, student: HandoutStudent = {}): string {
  const key = variantKey({ id: student.id, student: student.name });
  const who = student.name === undefined ? 'the class' : `${student.name}${student.id === undefined ? '' : ` (${student.id})`}`;
  const lines = [`# ${worksheet.title}`, '', `Worksheet \`${worksheet.id}\` for ${who}.`, ''];
  if (student.id !== undefined) lines.push(`Hand in your answers with \`id: ${student.id}\` so they are graded on these matrices.`, '');
  for (const question of worksheet.questions) {
    lines.push(`## ${question.title} (${question.id}, ${question.points} point${question.points === 1 ? '' : 's'})`, '');
    const prose = questionProse(question);
    if (prose !== '') lines.push(prose, '');
    lines.push(...matricesMarkdown(worksheet, question, key));
    lines.push(answerInstructions(question), '', 'Answer:', '', '');
  }
  return lines.join('\n');
}

/** The same handout as a self-contained HTML page (printable). */
export function handoutHtml(worksheet: Worksheet, student: HandoutStudent = {}): string {
  const title = `${worksheet.title}${student.name === undefined ? '' : `: ${student.name}`}`;
  return htmlPage(title, markdownToHtml(handoutMarkdown(worksheet, student)), 'pre { font-size: 1.1rem; } p:last-of-type { min-height: 4rem; }');
}
