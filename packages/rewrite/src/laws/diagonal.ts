import type { LawSpec } from '../law.ts';

/** Laws linking ⊙ with diagonal matrices, diag and diagvec. */
export const DIAGONAL_LAWS: readonly LawSpec[] = [
  {
    name: 'diagonal_mul_diagonal',
    statement: 'D₁ D₂ = D₁ ⊙ D₂',
    given: 'D₁, D₂: n×n diagonal',
    simplify: true,
    description: 'For diagonal matrices the matrix product is the Hadamard product (seed note).',
  },
  {
    name: 'diag_hadamard_diag',
    statement: 'diag(u) ⊙ diag(v) = diag(u ⊙ v)',
    given: 'u, v: n',
    simplify: true,
    description: 'The Hadamard product of diagonal matrices is the diagonal matrix of the Hadamard product.',
  },
  {
    name: 'hadamard_vec',
    statement: 'u ⊙ v = diag(u) v',
    given: 'u, v: n',
    description: 'The Hadamard product of vectors is a diagonal matrix times a vector.',
  },
  {
    name: 'identity_hadamard',
    statement: 'I ⊙ A = diag(diagvec(A))',
    given: 'A: n×n',
    simplify: true,
    description: 'The identity masks the diagonal: I ⊙ A keeps only the diagonal of A (it is not A).',
  },
  {
    name: 'diag_scaling',
    statement: 'diag(x) A diag(y) = (x yᵀ) ⊙ A',
    given: 'x: m; A: m×n; y: n',
    description: 'Scaling rows by x and columns by y is the Hadamard product with the rank-one matrix x yᵀ.',
  },
  {
    name: 'diagonal_hadamard_mul',
    aliases: ['diagonal_hadamard_mul_left'],
    statement: '(D A) ⊙ B = D (A ⊙ B)',
    given: 'D: m×m diagonal; A, B: m×n',
    simplify: true,
    description: 'A diagonal left factor moves out of a Hadamard product (right-hand version: hadamard_mul_diagonal).',
  },
  {
    name: 'hadamard_mul_diagonal',
    aliases: ['diagonal_hadamard_mul_right'],
    statement: '(A D) ⊙ B = (A ⊙ B) D',
    given: 'D: n×n diagonal; A, B: m×n',
    simplify: true,
    description: 'A diagonal right factor moves out of a Hadamard product (the right-hand diagonal_hadamard_mul).',
  },
  {
    name: 'diag_diagvec_diagonal',
    statement: 'diag(diagvec(D)) = D',
    given: 'D: n×n diagonal',
    simplify: true,
    description: 'A diagonal matrix is rebuilt from its diagonal.',
  },
  {
    name: 'diagvec_diag',
    statement: 'diagvec(diag(u)) = u',
    given: 'u: n',
    simplify: true,
    description: 'The diagonal of diag(u) is u.',
  },
];
