import { exactMatrix, type ExactMatrix } from '@odot/numeric';
import { drawRandomMatrix } from './random-matrix.ts';
import { rngFor } from './rng.ts';
import type { MatrixGiven, Question, Worksheet } from './worksheet.ts';

/** The concrete matrices of one question for one student. */
export type Bindings = ReadonlyMap<string, ExactMatrix>;

/** The matrix a given stands for, for this student (`seed` and `student` key the random stream). */
export function instantiateMatrix(given: MatrixGiven, seed: string, student: string, questionId: string): ExactMatrix {
  if (given.type === 'literal') return exactMatrix(given.rows);
  return drawRandomMatrix(given, rngFor(seed, student, questionId, given.name));
}

/**
 * The concrete matrices of `question` for `student`: fixed literals as written, random ones drawn
 * from the stream keyed by (worksheet seed, student, question id, matrix name). Deterministic.
 */
export function questionBindings(worksheet: Pick<Worksheet, 'seed'>, question: Question, student: string): Bindings {
  const out = new Map<string, ExactMatrix>();
  for (const given of question.given.matrices) out.set(given.name, instantiateMatrix(given, worksheet.seed, student, question.id));
  return out;
}

/** True when some given of the question is drawn at random (the question has variants). */
export function isRandomised(question: Question): boolean {
  return question.given.matrices.some((m) => m.type === 'random');
}
