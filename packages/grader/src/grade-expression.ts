import { formatShape, inferShape, printExpr, shapeEquals, type Budget, type Expr, type Shape } from '@odot/core';
import { DIALECTS, parse, type Dialect } from '@odot/parser';
import type { StudentAnswer } from './answer-input.ts';
import { decideEquivalence, equalByTesting } from './engine.ts';
import { misconceptionMessage, mutantsOf } from './mutants.ts';
import { formViolations } from './form-check.ts';
import { predictedByTree } from './predicted.ts';
import type { Diagnosis, QuestionGrade } from './result.ts';
import type { ExpressionQuestion } from './worksheet.ts';

const DIALECT_NAMES: Readonly<Record<Dialect, string>> = { plain: 'plain', latex: 'LaTeX', numpy: 'NumPy', matlab: 'MATLAB' };

/** What each dialect's operators mean, for notes and for answers written in a dialect the question does not allow. */
const DIALECT_RULES: Readonly<Record<Dialect, string>> = {
  plain: '⊙ is the Hadamard product and juxtaposition the matrix product',
  latex: '\\odot is ⊙ and juxtaposition is the matrix product',
  numpy: '`*` is the Hadamard product ⊙, `@` the matrix product and `.T` the transpose',
  matlab: "`.*` is the Hadamard product ⊙, `*` the matrix product and `'` the transpose",
};

/**
 * For an answer no allowed dialect reads: the first other dialect that does, said in words
 * ("NumPy reads it: `*` is ⊙ … it means u ⊙ vᵀ"), or undefined.
 */
function otherDialectReading(text: string, allowed: readonly Dialect[], budget?: Budget): Diagnosis | undefined {
  for (const dialect of DIALECTS.filter((d) => !allowed.includes(d))) {
    const parsed = parse(text, budget === undefined ? { dialect } : { dialect, budget });
    if (!parsed.ok) continue;
    const meaning = printExpr(parsed.value.expr, 'plain');
    return {
      code: 'other-dialect',
      message: `Your answer '${text}' is ${DIALECT_NAMES[dialect]} notation, where ${DIALECT_RULES[dialect]}: it means ${meaning}. This question asks for ${allowed.map((d) => DIALECT_NAMES[d]).join(' or ')} notation: write ${meaning}.`,
    };
  }
  return undefined;
}


interface Reading {
  readonly dialect: Dialect;
  readonly expr: Expr;
  readonly shape?: Shape;
  readonly shapeError?: string;
}

/** The student's text read in each allowed dialect that parses it (plain first). */
function readings(text: string, dialects: readonly Dialect[], question: ExpressionQuestion, budget?: Budget): { list: Reading[]; parseError?: string } {
  const list: Reading[] = [];
  let parseError: string | undefined;
  for (const dialect of dialects) {
    const parsed = parse(text, budget === undefined ? { dialect } : { dialect, budget });
    if (!parsed.ok) {
      parseError ??= parsed.error.message;
      continue;
    }
    const shape = inferShape(parsed.value.expr, question.given.givens);
    list.push(shape.ok ? { dialect, expr: parsed.value.expr, shape: shape.value } : { dialect, expr: parsed.value.expr, shapeError: shape.error.message });
  }
  return parseError === undefined ? { list } : { list, parseError };
}

/** Predicted mistakes that match the student's expression (by the engine's equivalence). */
function predictedMatches(question: ExpressionQuestion, student: Expr): Diagnosis[] {
  const out: Diagnosis[] = [];
  for (const predicted of question.feedback) {
    if (typeof predicted.answer !== 'string') continue;
    const parsed = parse(predicted.answer, { dialect: 'plain' });
    if (!parsed.ok) continue;
    const shape = inferShape(parsed.value.expr, question.given.givens);
    const mine = inferShape(student, question.given.givens);
    if (!shape.ok || !mine.ok || !shapeEquals(shape.value, mine.value)) continue;
    if (equalByTesting(parsed.value.expr, student, question.given.givens)) out.push({ code: predicted.code, message: predicted.text });
  }
  return out;
}

function misconception(question: ExpressionQuestion, student: Expr, studentShape: Shape, written: string): Diagnosis | undefined {
  for (const mutant of mutantsOf(question.answer)) {
    const shape = inferShape(mutant.expr, question.given.givens);
    if (!shape.ok || !shapeEquals(shape.value, studentShape)) continue;
    if (equalByTesting(mutant.expr, student, question.given.givens)) {
      return { code: mutant.code, message: misconceptionMessage(mutant, undefined, written) };
    }
  }
  return undefined;
}

/**
 * Grades an expression answer: any expression the engine shows equivalent to the model answer
 * under the givens earns full marks (proved, or equal by randomised testing). Other dialects are
 * tried when the worksheet allows them, with a note. A parse or shape error in the answer is
 * feedback; a wrong answer is classified (known misconceptions, predicted mistakes) and gets the
 * engine's counterexample. Reading the answer, the equivalence decisions and the form check count
 * against `budget` (the answer's time budget), when given.
 */
export function gradeExpression(question: ExpressionQuestion, answer: StudentAnswer, budget?: Budget): QuestionGrade {
  const max = question.points;
  const text = typeof answer.value === 'number' ? String(answer.value) : answer.value;
  if (typeof text !== 'string') {
    return { id: question.id, score: 0, max, diagnoses: [{ code: 'unreadable-answer', message: 'Write your answer as an expression, e.g. A ⊙ B.' }] };
  }
  const chosen = answerDialects(question, answer.dialect);
  if ('grade' in chosen) return chosen.grade;
  const { dialects, notes } = chosen;
  const { list, parseError } = readings(text, dialects, question, budget);
  if (list.length === 0) {
    const elsewhere = otherDialectReading(text.trim(), dialects, budget);
    if (elsewhere) return { id: question.id, score: 0, max, diagnoses: [elsewhere, ...notes] };
    return { id: question.id, score: 0, max, diagnoses: [{ code: 'parse-error', message: `Your answer '${text}' cannot be read: ${parseError ?? 'syntax error'}.` }] };
  }
  const expectedShape = inferShape(question.answer, question.given.givens);
  const expected = expectedShape.ok ? expectedShape.value : undefined;
  const correct = gradeCorrect(question, list, text, expected, notes, budget);
  if (correct) return correct;
  return gradeWrong(question, list[0] as Reading, text, expected, notes, budget);
}

/**
 * The dialects to read the answer in: the worksheet's, or the one the answer names (an unknown
 * name is a note; one the question does not allow is graded 0 at once).
 */
function answerDialects(question: ExpressionQuestion, named: string | undefined): { readonly dialects: readonly Dialect[]; readonly notes: Diagnosis[] } | { readonly grade: QuestionGrade } {
  const dialects = question.accept.dialects;
  const notes: Diagnosis[] = [];
  if (named === undefined) return { dialects, notes };
  if (!(DIALECTS as readonly string[]).includes(named)) {
    notes.push({ code: 'other-dialect', message: `Unknown dialect '${named}'; read in the worksheet's notation.` });
    return { dialects, notes };
  }
  if (!dialects.includes(named as Dialect)) {
    const message = `This question asks for ${dialects.join(' or ')} notation, not ${named}.`;
    return { grade: { id: question.id, score: 0, max: question.points, diagnoses: [{ code: 'other-dialect', message }] } };
  }
  return { dialects: [named as Dialect], notes };
}

/** The grade of the first reading of the expected shape that equals the answer (full marks, or the form score), else undefined. */
function gradeCorrect(
  question: ExpressionQuestion,
  list: readonly Reading[],
  text: string,
  expected: Shape | undefined,
  notes: readonly Diagnosis[],
  budget: Budget | undefined,
): QuestionGrade | undefined {
  const max = question.points;
  for (const reading of list) {
    if (!reading.shape || (expected !== undefined && !shapeEquals(reading.shape, expected))) continue;
    const verdict = decideEquivalence(question.answer, reading.expr, question.given.givens, undefined, budget);
    if (verdict.kind !== 'equal') continue;
    const diagnoses: Diagnosis[] = [{ code: 'correct', message: verdict.method === 'equal-by-testing' ? 'Correct (checked on random instances).' : 'Correct.' }];
    const plainFirst = list[0];
    if (reading.dialect !== 'plain') {
      const differs = plainFirst && plainFirst.dialect === 'plain' ? ` (in plain notation it would mean ${printExpr(plainFirst.expr, 'plain')})` : '';
      diagnoses.push({ code: 'other-dialect', message: `Read as ${DIALECT_NAMES[reading.dialect]}: ${DIALECT_RULES[reading.dialect]}. Your answer reads as ${printExpr(reading.expr, 'plain')}${differs}.` });
    }
    const broken = formViolations(question, reading.expr, text.trim(), budget);
    if (broken.length > 0) return { id: question.id, score: Math.min(question.formScore, max), max, diagnoses: [...broken, ...diagnoses.slice(1), ...notes] };
    return { id: question.id, score: max, max, diagnoses: [...diagnoses, ...notes] };
  }
  return undefined;
}

/** A wrong answer (its first reading), classified: a shape error, a known misconception, a shape mismatch, or not equal with a counterexample. */
function gradeWrong(question: ExpressionQuestion, first: Reading, text: string, expected: Shape | undefined, notes: readonly Diagnosis[], budget: Budget | undefined): QuestionGrade {
  const wrong = (diagnoses: Diagnosis[]): QuestionGrade => ({ id: question.id, score: 0, max: question.points, diagnoses });
  const diagnoses: Diagnosis[] = [...notes];
  if (!first.shape) {
    diagnoses.push(...predictedByTree(question.feedback, first.expr));
    diagnoses.push({ code: 'shape-error', message: `Your answer ${printExpr(first.expr, 'plain')} is not defined: ${first.shapeError ?? 'the shapes do not fit'}.` });
    return wrong(diagnoses);
  }
  diagnoses.push(...predictedMatches(question, first.expr));
  const known = misconception(question, first.expr, first.shape, text.trim());
  if (known) return wrong([...diagnoses, known]);
  if (expected !== undefined && !shapeEquals(first.shape, expected)) {
    const message = `Your answer ${printExpr(first.expr, 'plain')} is ${formatShape(first.shape)}, but the answer is ${formatShape(expected)}.`;
    return wrong([...diagnoses, { code: 'shape-mismatch', message }]);
  }
  const verdict = decideEquivalence(question.answer, first.expr, question.given.givens, [printExpr(question.answer, 'plain'), 'your answer'], budget);
  const why =
    verdict.kind === 'different' && verdict.counterexample !== undefined
      ? ` For example, ${verdict.counterexample}.`
      : verdict.kind === 'error'
        ? ` (${verdict.message})`
        : '';
  diagnoses.push({ code: 'not-equivalent', message: `Your answer ${printExpr(first.expr, 'plain')} is not equal to the expected expression in general.${why}` });
  return wrong(diagnoses);
}
