import type { LawSpec } from '../law.ts';

/**
 * Definitions of the operators on entries (`i`, `j` are entry indices, `k` a summation index) and
 * the laws stated with entries and sums. The proof checker applies them to written expressions;
 * `laws.test.ts` checks each on random exact instances at random index values.
 */
export const ENTRYWISE_LAWS: readonly LawSpec[] = [
  {
    name: 'def_hadamard',
    aliases: ['hadamard_apply'],
    statement: '(X ⊙ Y)[i,j] = X[i,j] Y[i,j]',
    given: 'X, Y: m×n',
    indices: ['i', 'j'],
    description: 'Definition of the Hadamard product on entries (Mathlib: hadamard_apply).',
  },
  {
    name: 'def_matmul',
    aliases: ['mul_apply'],
    statement: '(X Y)[i,j] = Σ_k(X[i,k] Y[k,j])',
    given: 'X: m×n; Y: n×p',
    indices: ['i', 'j'],
    description: 'Definition of the matrix product on entries: a sum over k (Mathlib: mul_apply).',
  },
  {
    name: 'def_transpose',
    aliases: ['transpose_apply'],
    statement: 'Xᵀ[i,j] = X[j,i]',
    given: 'X: m×n',
    indices: ['i', 'j'],
    description: 'Definition of the transpose on entries (Mathlib: transpose_apply).',
  },
  {
    name: 'def_add',
    aliases: ['add_apply'],
    statement: '(X + Y)[i,j] = X[i,j] + Y[i,j]',
    given: 'X, Y: m×n',
    indices: ['i', 'j'],
    description: 'Definition of the matrix sum on entries (Mathlib: add_apply).',
  },
  {
    name: 'def_sub',
    aliases: ['sub_apply'],
    statement: '(X - Y)[i,j] = X[i,j] - Y[i,j]',
    given: 'X, Y: m×n',
    indices: ['i', 'j'],
    description: 'Definition of the matrix difference on entries (Mathlib: sub_apply).',
  },
  {
    name: 'def_neg',
    aliases: ['neg_apply'],
    statement: '(-X)[i,j] = -X[i,j]',
    given: 'X: m×n',
    indices: ['i', 'j'],
    description: 'Definition of the negation on entries (Mathlib: neg_apply).',
  },
  {
    name: 'def_smul',
    aliases: ['smul_apply'],
    statement: '(s X)[i,j] = s X[i,j]',
    given: 's: scalar; X: m×n',
    indices: ['i', 'j'],
    description: 'Definition of a scalar multiple on entries (`2 X` and `s X` alike; Mathlib: smul_apply).',
  },
  {
    name: 'def_ones',
    statement: 'J_{m×n}[i,j] = 1',
    given: '',
    indices: ['i', 'j'],
    description: 'Every entry of the all-ones matrix J is 1.',
  },
  {
    name: 'def_zero',
    aliases: ['zero_apply'],
    statement: 'O_{m×n}[i,j] = 0',
    given: '',
    indices: ['i', 'j'],
    description: 'Every entry of the zero matrix is 0 (Mathlib: zero_apply).',
  },
  {
    name: 'def_identity',
    aliases: ['one_apply_eq'],
    statement: 'I_n[i,i] = 1',
    given: '',
    indices: ['i'],
    description: 'The diagonal entries of the identity are 1 (Mathlib: one_apply_eq); the others are 0.',
  },
  {
    name: 'def_diag',
    aliases: ['diagonal_apply_eq'],
    statement: 'diag(u)[i,i] = u[i,1]',
    given: 'u: n',
    indices: ['i'],
    description: 'The diagonal entries of diag(u) are the entries of u (Mathlib: diagonal_apply_eq); the others are 0.',
  },
  {
    name: 'def_diagvec',
    aliases: ['diag_apply'],
    statement: 'diagvec(X)[i,1] = X[i,i]',
    given: 'X: n×n',
    indices: ['i'],
    description: 'The entries of diagvec(X) are the diagonal entries of X (Mathlib: diag_apply).',
  },
  {
    name: 'def_kron',
    aliases: ['kronecker_apply', 'kroneckerMap_apply'],
    statement: '(X ⊗ Y)[(i - 1) p + k, (j - 1) q + l] = X[i,j] Y[k,l]',
    given: 'X: m×n; Y: p×q; p, q: natural',
    indices: ['i', 'j', 'k', 'l'],
    description:
      'Definition of the Kronecker product on entries: row (i − 1)p + k of X ⊗ Y is row k of block row i (Mathlib: kroneckerMap_apply, with the pair (i, k) as the row index). The sizes p, q are declared natural to be used as numbers.',
  },
  {
    name: 'sum_block',
    statement: 'Σ_t(X[i,t] Y[t,j]) = Σ_u(Σ_v(X[i,(u - 1) q + v] Y[(u - 1) q + v,j]))',
    given: 'X: m×n; Y: n×p; q: natural',
    indices: ['i', 'j'],
    divides: [['q', 'n']],
    description:
      'A sum over the n columns of X (rows of Y) taken in blocks of q, when q divides n: t = (u − 1)q + v with u = 1..n/q and v = 1..q, as the entries of a Kronecker factor are indexed (def_kron). Mathlib reindexes by finProdFinEquiv and splits with Fintype.sum_prod_type.',
  },
  {
    name: 'def_trace',
    aliases: ['trace_def'],
    statement: 'tr(X) = Σ_k(X[k,k])',
    given: 'X: n×n',
    description: 'Definition of the trace: the sum of the diagonal entries.',
  },
  {
    name: 'sum_hadamard_eq',
    statement: 'Σ_i(Σ_j((A ⊙ B)[i,j])) = tr(A Bᵀ)',
    given: 'A, B: m×n',
    description: 'The sum of the entries of A ⊙ B is tr(A Bᵀ) (Mathlib: sum_hadamard_eq, same sides).',
  },
  {
    name: 'ext',
    aliases: ['ext_iff'],
    statement: 'X = Y',
    premise: 'X[i,j] = Y[i,j]',
    given: 'X, Y: m×n',
    indices: ['i', 'j'],
    description: 'Extensionality: matrices equal at every entry (i, j) are equal. Cite it as `X = Y by ext` after an entrywise chain from X[i,j] to Y[i,j].',
  },
];
