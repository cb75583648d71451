import type { LawSpec } from '../law.ts';

/**
 * Laws of numbers (entries, sums, traces are numbers) that have no matrix counterpart of the same
 * name. Laws that hold for matrices and numbers alike (`mul_add`, `mul_one`, `zero_add`, …) are the
 * matrix laws, marked `scalars`; commutativity and associativity are the structural laws.
 * A variable under `Σ_k` may depend on k unless the other side has it outside the sum.
 */
export const NUMBER_LAWS: readonly LawSpec[] = [
  {
    name: 'mul_comm',
    statement: 'a b = b a',
    given: 'a, b: scalar',
    description: 'Multiplication of numbers is commutative (numbers, not matrices).',
  },
  {
    name: 'sum_add',
    aliases: ['sum_add_distrib'],
    statement: 'Σ_k(a + b) = Σ_k(a) + Σ_k(b)',
    given: 'a, b: scalar',
    description: 'A sum of sums splits (Mathlib: Finset.sum_add_distrib).',
  },
  {
    name: 'mul_sum',
    statement: 'a Σ_k(b) = Σ_k(a b)',
    given: 'a, b: scalar',
    description: 'A factor that does not depend on k moves into the sum (k must not occur in a; Mathlib: Finset.mul_sum).',
  },
  {
    name: 'sum_mul',
    statement: 'Σ_k(a) b = Σ_k(a b)',
    given: 'a, b: scalar',
    description: 'A factor that does not depend on k moves into the sum (k must not occur in b; Mathlib: Finset.sum_mul).',
  },
  {
    name: 'sum_mul_sum',
    statement: 'Σ_u(a) Σ_v(b) = Σ_u(Σ_v(a b))',
    given: 'a, b: scalar',
    description: 'A product of two sums is the double sum of the products (u must not occur in b, nor v in a; Mathlib: Finset.sum_mul_sum, same sides).',
  },
  {
    name: 'sum_comm',
    statement: 'Σ_k(Σ_l(a)) = Σ_l(Σ_k(a))',
    given: 'a: scalar',
    description: 'Two sums can be exchanged (Mathlib: Finset.sum_comm).',
  },
];
