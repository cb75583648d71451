import { printExpr, type Budget } from '@odot/core';
import { formatRational, rsign, type ExactMatrix, type Rational } from '@odot/numeric';
import { readStudentMatrix, type StudentAnswer } from './answer-input.ts';
import { cellOf, evaluateMatrix, reorientVector, sameEntry, sameMatrix } from './exact.ts';
import { parse } from '@odot/parser';
import { predictedByTree, readPredictedMatrix } from './predicted.ts';
import { misconceptionMessage, mutantsOf } from './mutants.ts';
import { roundScore, type Cell, type Diagnosis, type QuestionGrade } from './result.ts';
import type { Bindings } from './variant.ts';
import type { MatrixQuestion } from './worksheet.ts';

function dims(m: ExactMatrix): string {
  return `${m.rows}×${m.cols}`;
}

function cellList(cells: readonly Cell[], limit = 6): string {
  const shown = cells.slice(0, limit).map((c) => `(${c.row},${c.col}) should be ${c.expected}, you wrote ${c.got}`);
  return `${shown.join('; ')}${cells.length > limit ? `; and ${cells.length - limit} more` : ''}`;
}

/** How a correct entry is computed, for a question whose answer is `X ⊙ Y` of two given matrices. */
function entryRecipe(question: MatrixQuestion, bindings: Bindings, i: number, j: number): string | undefined {
  const a = question.answer;
  if (a.type !== 'Hadamard' || a.left.type !== 'Identifier' || a.right.type !== 'Identifier') return undefined;
  const x = bindings.get(a.left.name);
  const y = bindings.get(a.right.name);
  if (!x || !y || x.rows <= i || x.cols <= j) return undefined;
  const show = (r: Rational): string => (rsign(r) < 0 ? `(${formatRational(r)})` : formatRational(r));
  return `${show(cellOf(x, i, j))}·${show(cellOf(y, i, j))}`;
}

/** Predicted mistakes written as the same expression tree as the student's text (e.g. `Aᵀ Bᵀ`, undefined for the shapes). */
function predictedExpressions(question: MatrixQuestion, text: string): Diagnosis[] {
  for (const dialect of question.accept.dialects) {
    const parsed = parse(text, { dialect });
    if (parsed.ok) return predictedByTree(question.feedback, parsed.value.expr);
  }
  return [];
}

/** The model answer of a matrix question for one variant (undefined if the worksheet's answer is not defined there). */
export function expectedMatrix(question: MatrixQuestion, bindings: Bindings): ExactMatrix | undefined {
  return evaluateMatrix(question.answer, bindings);
}

/**
 * Grades a concrete matrix answer: credit per correct cell (when the shape is right), the wrong
 * cells named, and the whole answer classified against the author's predicted mistakes and the
 * known misconceptions (matrix product for ⊙ in either order, ⊗, +, ⊙ for a matrix product,
 * swapped operands, transpose), else `shape-mismatch` or `entry-errors` with the cells. Reading the
 * answer counts against `budget` (the answer's time budget), when given.
 */
export function gradeMatrix(question: MatrixQuestion, bindings: Bindings, answer: StudentAnswer, budget?: Budget): QuestionGrade {
  const max = question.points;
  const expected = expectedMatrix(question, bindings);
  if (!expected) {
    return { id: question.id, score: 0, max, diagnoses: [{ code: 'internal-error', message: `The model answer ${question.answerText} is not defined for these matrices.` }] };
  }
  const reading = readStudentMatrix(answer.value, question.accept.dialects, budget);
  if (!reading.ok) {
    const predicted = typeof answer.value === 'string' ? predictedExpressions(question, answer.value) : [];
    return { id: question.id, score: 0, max, diagnoses: [...predicted, { code: reading.code, message: reading.message }] };
  }
  const got = oriented(reading.matrix, expected);
  const tolerance = question.accept.tolerance;
  const diagnoses: Diagnosis[] = predictedMatrices(question, bindings, got);
  const sameShape = got.rows === expected.rows && got.cols === expected.cols;
  const wrong = sameShape ? wrongCells(expected, got, tolerance) : [];
  if (sameShape && wrong.length === 0) return { id: question.id, score: max, max, diagnoses: [{ code: 'correct', message: 'Correct.' }] };
  const total = expected.rows * expected.cols;
  const score = sameShape ? roundScore((max * (total - wrong.length)) / total) : 0;
  if (diagnoses.length === 0) {
    const known = misconceptionMatrix(question, bindings, expected, got);
    if (known) diagnoses.push(known);
  }
  if (!sameShape && !diagnoses.some((d) => d.code !== 'predicted-mistake' && d.code !== 'correct')) {
    const hadamard = question.answer.type === 'Hadamard' ? ' The Hadamard product has the shape of its operands.' : '';
    diagnoses.push({
      code: 'shape-mismatch',
      message: `Your matrix is ${dims(got)} but ${printExpr(question.answer, 'plain')} is ${dims(expected)}.${hadamard}`,
    });
  }
  if (sameShape && wrong.length > 0) addEntryErrors(diagnoses, question, bindings, wrong, total);
  return { id: question.id, score, max, diagnoses };
}

/** A vector written the other way round (a row for a column) turned to the expected orientation. */
function oriented(got: ExactMatrix, expected: ExactMatrix): ExactMatrix {
  if ((got.rows !== expected.rows || got.cols !== expected.cols) && (expected.rows === 1 || expected.cols === 1)) {
    const turned = reorientVector(got);
    if (turned && turned.rows === expected.rows && turned.cols === expected.cols) return turned;
  }
  return got;
}

/** The author's predicted mistakes whose value (for these bindings) is the student's matrix. */
function predictedMatrices(question: MatrixQuestion, bindings: Bindings, got: ExactMatrix): Diagnosis[] {
  const out: Diagnosis[] = [];
  for (const predicted of question.feedback) {
    const m = readPredictedMatrix(predicted.answer, bindings);
    if (m && sameMatrix(m, got, question.accept.tolerance)) out.push({ code: predicted.code, message: predicted.text });
  }
  return out;
}

/** The cells (1-based) where the student's matrix differs from the expected one of the same shape. */
function wrongCells(expected: ExactMatrix, got: ExactMatrix, tolerance: number): Cell[] {
  const wrong: Cell[] = [];
  for (let i = 0; i < expected.rows; i++) {
    for (let j = 0; j < expected.cols; j++) {
      const e = cellOf(expected, i, j);
      const g = cellOf(got, i, j);
      if (!sameEntry(e, g, tolerance)) wrong.push({ row: i + 1, col: j + 1, expected: formatRational(e), got: formatRational(g) });
    }
  }
  return wrong;
}

/** The first known misconception of the answer (a mutant of it) whose value is the student's matrix. */
function misconceptionMatrix(question: MatrixQuestion, bindings: Bindings, expected: ExactMatrix, got: ExactMatrix): Diagnosis | undefined {
  for (const mutant of mutantsOf(question.answer)) {
    const value = evaluateMatrix(mutant.expr, bindings);
    if (!value || sameMatrix(value, expected, 0)) continue;
    if (sameMatrix(value, got, question.accept.tolerance)) return { code: mutant.code, message: misconceptionMessage(mutant, { got: value, expected }) };
  }
  return undefined;
}

/** Names the wrong cells: an `entry-errors` diagnosis (with how a right entry is computed), or a count added to the last diagnosis. */
function addEntryErrors(diagnoses: Diagnosis[], question: MatrixQuestion, bindings: Bindings, wrong: readonly Cell[], total: number): void {
  const recipe = wrong
    .slice(0, 3)
    .map((c) => ({ c, r: entryRecipe(question, bindings, c.row - 1, c.col - 1) }))
    .filter((x) => x.r !== undefined)
    .map((x) => `(${x.c.row},${x.c.col}) is ${x.r ?? ''} = ${x.c.expected}`);
  const counted = `${wrong.length} of ${total} entries ${wrong.length === 1 ? 'is' : 'are'} wrong: ${cellList(wrong)}.`;
  if (diagnoses.length === 0) {
    diagnoses.push({ code: 'entry-errors', message: `${counted}${recipe.length > 0 ? ` Entry by entry: ${recipe.join(', ')}.` : ''}`, cells: wrong });
  } else {
    const last = diagnoses.length - 1;
    const first = diagnoses[last];
    if (first) diagnoses[last] = { ...first, message: `${first.message} ${wrong.length} of ${total} entries are wrong.`, cells: wrong };
  }
}
