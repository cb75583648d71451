import { exactMatrix, type ExactMatrix, type Rng } from '@odot/numeric';
import { rngFor } from './rng.ts';
import type { MatrixGiven, Question, RandomMatrixGiven, Worksheet } from './worksheet.ts';

/** The concrete matrices of one question for one student. */
export type Bindings = ReadonlyMap<string, ExactMatrix>;

function randomRows(spec: RandomMatrixGiven, rng: Rng): number[][] {
  const { rows, cols, min, max } = spec;
  const draw = (): number => rng.int(min, max);
  const grid = (r: number, c: number, f: (i: number, j: number) => number): number[][] =>
    Array.from({ length: r }, (_, i) => Array.from({ length: c }, (_, j) => f(i, j)));
  switch (spec.structure) {
    case 'general':
    case 'binary':
      return grid(rows, cols, draw);
    case 'diagonal':
      return grid(rows, cols, (i, j) => (i === j ? draw() : 0));
    case 'symmetric': {
      const upper = grid(rows, cols, draw);
      return grid(rows, cols, (i, j) => (i <= j ? (upper[i]?.[j] ?? 0) : (upper[j]?.[i] ?? 0)));
    }
    case 'psd': {
      // B Bᵀ for a random integer B: positive semidefinite by construction.
      const b = grid(rows, cols, draw);
      return grid(rows, cols, (i, j) => (b[i] ?? []).reduce((s, x, k) => s + x * (b[j]?.[k] ?? 0), 0));
    }
  }
}

/** The matrix a given stands for, for this student (`seed` and `student` key the random stream). */
export function instantiateMatrix(given: MatrixGiven, seed: string, student: string, questionId: string): ExactMatrix {
  if (given.type === 'literal') return exactMatrix(given.rows);
  return exactMatrix(randomRows(given, rngFor(seed, student, questionId, given.name)));
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
