import type { LawSpec } from '../law.ts';

/** Laws of the Kronecker product with ⊙. */
export const KRONECKER_LAWS: readonly LawSpec[] = [
  {
    name: 'kronecker_hadamard',
    priority: 360,
    statement: '(A ⊗ B) ⊙ (C ⊗ D) = (A ⊙ C) ⊗ (B ⊙ D)',
    given: 'A, C: m×n; B, D: p×q',
    simplify: true,
    description: 'The mixed-product property of ⊗ and ⊙ (the factors must have matching shapes).',
  },
  {
    name: 'kron_add',
    aliases: ['kronecker_add'],
    priority: 410,
    statement: 'A ⊗ (B + C) = A ⊗ B + A ⊗ C',
    given: 'A: m×n; B, C: p×q',
    simplify: true,
    description: 'The Kronecker product distributes over addition on the right.',
  },
  {
    name: 'add_kron',
    aliases: ['add_kronecker'],
    priority: 420,
    statement: '(A + B) ⊗ C = A ⊗ C + B ⊗ C',
    given: 'A, B: m×n; C: p×q',
    simplify: true,
    description: 'The Kronecker product distributes over addition on the left.',
  },
  {
    name: 'kron_smul',
    aliases: ['kronecker_smul'],
    priority: 260,
    statement: 'A ⊗ (c B) = c (A ⊗ B)',
    given: 'c: scalar; A: m×n; B: p×q',
    simplify: true,
    description: 'A scalar factor of the right operand moves out of the Kronecker product.',
  },
  {
    name: 'smul_kron',
    aliases: ['smul_kronecker'],
    priority: 270,
    statement: '(c A) ⊗ B = c (A ⊗ B)',
    given: 'c: scalar; A: m×n; B: p×q',
    simplify: true,
    description: 'A scalar factor of the left operand moves out of the Kronecker product.',
  },
  {
    name: 'transpose_kron',
    priority: 190,
    statement: '(A ⊗ B)ᵀ = Aᵀ ⊗ Bᵀ',
    given: 'A: m×n; B: p×q',
    simplify: true,
    description: 'The transpose of a Kronecker product is the Kronecker product of the transposes.',
  },
];
