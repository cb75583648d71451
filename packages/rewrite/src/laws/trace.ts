import type { LawSpec } from '../law.ts';

/** Laws of the trace and bilinear forms with ⊙. */
export const TRACE_LAWS: readonly LawSpec[] = [
  {
    name: 'trace_hadamard',
    statement: 'tr(A ⊙ B) = tr(diag(diagvec(A)) B)',
    given: 'A, B: n×n',
    description: 'The trace of a Hadamard product only sees the diagonals.',
  },
  {
    name: 'sum_hadamard',
    statement: 'tr(J (A ⊙ B)) = tr(Aᵀ B)',
    given: 'A, B: m×n',
    description: 'The sum of all entries of A ⊙ B (tr(J(A ⊙ B)) with J n×m) is the Frobenius product tr(AᵀB).',
  },
  {
    name: 'bilinear_hadamard',
    statement: 'xᵀ (A ⊙ B) y = tr(diag(x) A diag(y) Bᵀ)',
    given: 'x: m; y: n; A, B: m×n',
    description: 'A bilinear form of a Hadamard product as a trace (the left side is 1×1).',
  },
  {
    name: 'trace_add',
    statement: 'tr(A + B) = tr(A) + tr(B)',
    given: 'A, B: n×n',
    simplify: true,
    description: 'The trace is additive.',
  },
  {
    name: 'trace_smul',
    statement: 'tr(c A) = c tr(A)',
    given: 'c: scalar; A: n×n',
    simplify: true,
    description: 'Scalars move out of a trace.',
  },
  {
    name: 'trace_transpose',
    statement: 'tr(Aᵀ) = tr(A)',
    given: 'A: n×n',
    simplify: true,
    description: 'A matrix and its transpose have the same trace.',
  },
  {
    name: 'trace_cyclic',
    statement: 'tr(A B) = tr(B A)',
    given: 'A: m×n; B: n×m',
    description: 'The trace is invariant under cyclic shifts of a product.',
  },
  {
    name: 'det_transpose',
    statement: 'det(Aᵀ) = det(A)',
    given: 'A: n×n',
    simplify: true,
    description: 'A matrix and its transpose have the same determinant.',
  },
  {
    name: 'det_mul',
    statement: 'det(A B) = det(A) det(B)',
    given: 'A, B: n×n',
    description: 'The determinant is multiplicative for the matrix product (not for ⊙).',
  },
];
