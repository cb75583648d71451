import { exprEquals, type Expr } from '@odot/core';
import { parse } from '@odot/parser';
import { exactMatrix, type ExactMatrix } from '@odot/numeric';
import { evaluateMatrix } from './exact.ts';
import { rowsFromText, rowsFromYaml } from './givens.ts';
import { roundScore, type Diagnosis, type QuestionGrade } from './result.ts';
import type { Bindings } from './variant.ts';
import type { PredictedMistake } from './worksheet.ts';

/**
 * The matrix an author-predicted mistake stands for in one variant: a literal (`[[8,10,12],…]`)
 * or an expression over the question's matrices (`A + B`), evaluated exactly.
 */
export function readPredictedMatrix(answer: unknown, bindings: Bindings): ExactMatrix | undefined {
  if (typeof answer !== 'string') {
    const rows = rowsFromYaml(answer);
    return rows ? exactMatrix(rows) : undefined;
  }
  const rows = rowsFromText(answer);
  if (rows) return exactMatrix(rows);
  const parsed = parse(answer, { dialect: 'plain' });
  return parsed.ok ? evaluateMatrix(parsed.value.expr, bindings) : undefined;
}

/** The expression a predicted answer is written as (plain dialect), or undefined when it is not an expression. */
export function predictedExpr(predicted: PredictedMistake): Expr | undefined {
  if (typeof predicted.answer !== 'string') return undefined;
  const parsed = parse(predicted.answer, { dialect: 'plain' });
  return parsed.ok ? parsed.value.expr : undefined;
}

/**
 * The predicted mistakes written as exactly this expression tree (spans ignored): how an answer
 * that is undefined for the shapes (`Aᵀ Bᵀ` for 2×3 operands) is recognised.
 */
export function predictedByTree(feedback: readonly PredictedMistake[], student: Expr): Diagnosis[] {
  return feedback.filter((p) => {
    const tree = predictedExpr(p);
    return tree !== undefined && exprEquals(tree, student);
  }).map(predictedDiagnosis);
}

/** The diagnosis an author-predicted mistake reports. */
export function predictedDiagnosis(predicted: PredictedMistake): Diagnosis {
  return { code: predicted.code, message: predicted.text };
}

/**
 * Applies the `score` of the predicted mistakes the grade reports (the highest when several match;
 * clamped to 0..max): an author's score replaces the grader's usual credit.
 */
export function withPredictedScore(grade: QuestionGrade, feedback: readonly PredictedMistake[]): QuestionGrade {
  const scores = feedback
    .filter((p) => p.score !== undefined && grade.diagnoses.some((d) => d.code === p.code && d.message.startsWith(p.text)))
    .map((p) => p.score as number);
  if (scores.length === 0) return grade;
  return { ...grade, score: roundScore(Math.min(grade.max, Math.max(0, ...scores))) };
}
