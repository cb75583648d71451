import type { LawSpec } from '../law.ts';

/** Laws of the matrix product. */
export const MATMUL_LAWS: readonly LawSpec[] = [
  {
    name: 'mul_assoc',
    statement: '(A B) C = A (B C)',
    given: 'A: m×n; B: n×p; C: p×q',
    structural: 'mul',
    description: 'The matrix product is associative (kept flat by the representation, order kept).',
  },
  {
    name: 'mul_add',
    statement: 'A (B + C) = A B + A C',
    given: 'A: m×n; B, C: n×p',
    simplify: true,
    description: 'The matrix product distributes over addition from the left.',
  },
  {
    name: 'add_mul',
    statement: '(A + B) C = A C + B C',
    given: 'A, B: m×n; C: n×p',
    simplify: true,
    description: 'The matrix product distributes over addition from the right.',
  },
  {
    name: 'one_mul',
    statement: 'I A = A',
    given: 'A: m×n',
    simplify: true,
    description: 'The identity matrix I is a left identity of the matrix product.',
  },
  {
    name: 'mul_one',
    statement: 'A I = A',
    given: 'A: m×n',
    simplify: true,
    description: 'The identity matrix I is a right identity of the matrix product.',
  },
  {
    name: 'zero_mul',
    statement: 'O_{p×m} A = O_{p×n}',
    given: 'A: m×n',
    simplify: true,
    description: 'A zero left factor gives a zero product.',
  },
  {
    name: 'mul_zero',
    statement: 'A O_{n×p} = O_{m×p}',
    given: 'A: m×n',
    simplify: true,
    description: 'A zero right factor gives a zero product.',
  },
  {
    name: 'smul_mul',
    statement: '(c A) B = c (A B)',
    given: 'c: scalar; A: m×n; B: n×p',
    simplify: true,
    description: 'A scalar factor of the left operand moves out of the matrix product.',
  },
  {
    name: 'mul_smul',
    statement: 'A (c B) = c (A B)',
    given: 'c: scalar; A: m×n; B: n×p',
    simplify: true,
    description: 'A scalar factor of the right operand moves out of the matrix product.',
  },
];
