import { inferShape } from '@odot/core';
import type { StudentAnswer } from './answer-input.ts';
import { roundScore, type Diagnosis, type QuestionGrade } from './result.ts';
import { formatShapeAnswer, readShapeAnswer, sameShapeAnswer, shapeAnswerOf } from './shape-answer.ts';
import type { ShapeAnswer, ShapeQuestion } from './worksheet.ts';

/** The shape of the question's expression as the engine infers it (`undefined` on a shape error), with the reason. */
export function inferredShapeAnswer(question: ShapeQuestion): { answer: ShapeAnswer; reason?: string } {
  const shape = inferShape(question.expr, question.given.givens);
  return shape.ok ? { answer: shapeAnswerOf(shape.value) } : { answer: { kind: 'undefined' }, reason: shape.error.message };
}

/** Grades a shape answer (`2×3`, `2x3`, `(2, 3)`, `scalar`, `undefined`) against the shape the engine infers. */
export function gradeShape(question: ShapeQuestion, answer: StudentAnswer): QuestionGrade {
  const max = question.points;
  const got = readShapeAnswer(answer.value);
  if (!got) {
    return { id: question.id, score: 0, max, diagnoses: [{ code: 'unreadable-answer', message: `'${String(answer.value)}' cannot be read as a shape: write it as rows×columns, e.g. 2×3, or 'scalar', or 'undefined'.` }] };
  }
  const inferred = inferredShapeAnswer(question);
  if (sameShapeAnswer(got, inferred.answer)) return { id: question.id, score: roundScore(max), max, diagnoses: [{ code: 'correct', message: 'Correct.' }] };
  const diagnoses: Diagnosis[] = [];
  for (const predicted of question.feedback) {
    const p = readShapeAnswer(predicted.answer);
    if (p && sameShapeAnswer(p, got)) diagnoses.push({ code: predicted.code, message: predicted.text });
  }
  const why = inferred.reason ? ` ${inferred.reason}.` : '';
  diagnoses.push({
    code: 'wrong-shape',
    message:
      inferred.answer.kind === 'undefined'
        ? `Your answer ${formatShapeAnswer(got)} is the wrong shape: ${question.exprText} is not defined.${why}`
        : got.kind === 'undefined'
          ? `${question.exprText} is defined: it is ${formatShapeAnswer(inferred.answer)}.`
          : `Your answer ${formatShapeAnswer(got)} is the wrong shape: ${question.exprText} is ${formatShapeAnswer(inferred.answer)}, not ${formatShapeAnswer(got)}.`,
  });
  return { id: question.id, score: 0, max, diagnoses };
}
