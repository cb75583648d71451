import type { LawSpec } from '../law.ts';

/** Laws of the transpose; the simplifier pushes transposes down to the leaves. */
export const TRANSPOSE_LAWS: readonly LawSpec[] = [
  {
    name: 'transpose_hadamard',
    statement: '(A ⊙ B)ᵀ = Aᵀ ⊙ Bᵀ',
    given: 'A, B: m×n',
    simplify: true,
    description: 'The transpose of a Hadamard product is the Hadamard product of the transposes (same order).',
  },
  {
    name: 'transpose_mul',
    statement: '(A B)ᵀ = Bᵀ Aᵀ',
    given: 'A: m×n; B: n×p',
    simplify: true,
    description: 'The transpose of a matrix product reverses the order.',
  },
  {
    name: 'transpose_transpose',
    statement: '(Aᵀ)ᵀ = A',
    given: 'A: m×n',
    simplify: true,
    description: 'Transposing twice gives the matrix back.',
  },
  {
    name: 'transpose_add',
    statement: '(A + B)ᵀ = Aᵀ + Bᵀ',
    given: 'A, B: m×n',
    simplify: true,
    description: 'The transpose of a sum is the sum of the transposes.',
  },
  {
    name: 'transpose_smul',
    statement: '(c A)ᵀ = c Aᵀ',
    given: 'c: scalar; A: m×n',
    simplify: true,
    description: 'Scalars move out of a transpose.',
  },
  {
    name: 'transpose_symmetric',
    statement: 'Sᵀ = S',
    given: 'S: n×n symmetric',
    simplify: true,
    description: 'A matrix that is provably symmetric (declared, diagonal, psd, I, diag(v), …) is its own transpose.',
  },
  {
    name: 'transpose_ones',
    statement: '(J_{m×n})ᵀ = J_{n×m}',
    given: '',
    simplify: true,
    description: 'The transpose of an all-ones matrix is the all-ones matrix of the transposed shape.',
  },
  {
    name: 'transpose_zero',
    statement: '(O_{m×n})ᵀ = O_{n×m}',
    given: '',
    simplify: true,
    description: 'The transpose of a zero matrix is the zero matrix of the transposed shape.',
  },
  {
    name: 'transpose_hadamard_power',
    statement: '(A^⊙k)ᵀ = (Aᵀ)^⊙k',
    given: 'A: m×n; k: scalar',
    integers: ['k'],
    simplify: true,
    description: 'Transpose commutes with Hadamard powers.',
  },
];
