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
    priority: 530,
    statement: 'tr(A + B) = tr(A) + tr(B)',
    given: 'A, B: n×n',
    simplify: true,
    description: 'The trace is additive.',
  },
  {
    name: 'trace_smul',
    priority: 540,
    statement: 'tr(c A) = c tr(A)',
    given: 'c: scalar; A: n×n',
    simplify: true,
    description: 'Scalars move out of a trace.',
  },
  {
    name: 'trace_transpose',
    priority: 550,
    statement: 'tr(Aᵀ) = tr(A)',
    given: 'A: n×n',
    simplify: true,
    description: 'A matrix and its transpose have the same trace.',
  },
  {
    name: 'trace_cyclic',
    aliases: ['trace_mul_comm'],
    statement: 'tr(A B) = tr(B A)',
    given: 'A: m×n; B: n×m',
    description: 'The trace is invariant under cyclic shifts of a product.',
  },
  {
    name: 'det_transpose',
    priority: 560,
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
  {
    name: 'dotProduct_vecMul_hadamard',
    statement: 'vᵀ (A ⊙ B) w = tr(diag(v) A (B diag(w))ᵀ)',
    given: 'v: m; w: n; A, B: m×n',
    description: 'A bilinear form of a Hadamard product as a trace, with Mathlib\'s sides (dotProduct_vecMul_hadamard; the left side is 1×1).',
  },
  {
    name: 'trace_zero',
    statement: 'tr(O_{n×n}) = 0',
    given: '',
    description: 'The trace of the zero matrix is 0 (Mathlib: trace_zero).',
  },
  {
    name: 'trace_identity_hadamard',
    statement: 'tr(I ⊙ A) = tr(A)',
    given: 'A: n×n',
    description: 'Masking with the identity keeps the diagonal, hence the trace.',
  },
];
