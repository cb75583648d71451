import {
  add,
  entry,
  hadamard,
  identifier,
  identity,
  matMul,
  neg,
  numberLiteral,
  ones,
  scalarMul,
  sub,
  sum,
  transpose,
  zero,
  type Expr,
} from '@odot/core';
import type { PatternCondition, PatternRule } from './pattern.ts';

/** A law of the entrywise calculus: definitions of the operators on entries and the laws of real numbers. */
export interface EntrywiseLaw {
  readonly name: string;
  /**
   * `definition`: an operator on entries; `number`: a law of real numbers, for scalars only;
   * `structural`: commutativity/associativity as written (any shapes) — the rewrite engine keeps
   * these in its representation, so the checker applies them to the written expressions itself.
   */
  readonly family: 'definition' | 'number' | 'structural';
  /** The statement, as shown in messages and the README. */
  readonly statement: string;
  readonly description: string;
  readonly rules: readonly PatternRule[];
}

const v = (name: string): Expr => identifier(name);
const X = v('X');
const Y = v('Y');
const r = v('r');
const c = v('c');
const a = v('a');
const b = v('b');
const d = v('d');

function rule(lhs: Expr, rhs: Expr, variables: readonly string[], conditions: readonly PatternCondition[] = [], scalarOnly = false): PatternRule {
  return { lhs, rhs, variables: new Set(variables), conditions, scalarOnly };
}

const scalars = (...names: string[]): PatternCondition[] => names.map((variable) => ({ kind: 'scalar', variable }));

function scalarRule(lhs: Expr, rhs: Expr, variables: readonly string[], extra: readonly PatternCondition[] = []): PatternRule {
  const values = variables.filter((name) => name !== 'k' && name !== 'l');
  return rule(lhs, rhs, variables, [...scalars(...values), ...extra], true);
}

/** The laws this package applies to written expressions: entrywise definitions (`def_…`), laws of numbers, and the structural laws. */
export const ENTRYWISE_LAWS: readonly EntrywiseLaw[] = [
  {
    name: 'def_hadamard',
    family: 'definition',
    statement: '(X ⊙ Y)[i,j] = X[i,j] Y[i,j]',
    description: 'definition of the Hadamard product on entries',
    rules: [rule(entry(hadamard(X, Y), r, c), matMul(entry(X, r, c), entry(Y, r, c)), ['X', 'Y', 'r', 'c'])],
  },
  {
    name: 'def_matmul',
    family: 'definition',
    statement: '(X Y)[i,j] = Σ_k(X[i,k] Y[k,j])',
    description: 'definition of the matrix product on entries (a sum over k)',
    rules: [
      rule(
        entry(matMul(X, Y), r, c),
        sum('k', matMul(entry(X, r, v('k')), entry(Y, v('k'), c))),
        ['X', 'Y', 'r', 'c', 'k'],
        [
          { kind: 'matrix', variable: 'X' },
          { kind: 'matrix', variable: 'Y' },
          { kind: 'not-free', index: 'k', in: ['X', 'Y', 'r', 'c'] },
        ],
      ),
    ],
  },
  {
    name: 'def_transpose',
    family: 'definition',
    statement: 'Xᵀ[i,j] = X[j,i]',
    description: 'definition of the transpose on entries',
    rules: [rule(entry(transpose(X), r, c), entry(X, c, r), ['X', 'r', 'c'])],
  },
  {
    name: 'def_add',
    family: 'definition',
    statement: '(X + Y)[i,j] = X[i,j] + Y[i,j]',
    description: 'definition of the matrix sum on entries',
    rules: [rule(entry(add(X, Y), r, c), add(entry(X, r, c), entry(Y, r, c)), ['X', 'Y', 'r', 'c'], [{ kind: 'matrix', variable: 'X' }])],
  },
  {
    name: 'def_sub',
    family: 'definition',
    statement: '(X - Y)[i,j] = X[i,j] - Y[i,j]',
    description: 'definition of the matrix difference on entries',
    rules: [rule(entry(sub(X, Y), r, c), sub(entry(X, r, c), entry(Y, r, c)), ['X', 'Y', 'r', 'c'], [{ kind: 'matrix', variable: 'X' }])],
  },
  {
    name: 'def_neg',
    family: 'definition',
    statement: '(-X)[i,j] = -X[i,j]',
    description: 'definition of the negation on entries',
    rules: [rule(entry(neg(X), r, c), neg(entry(X, r, c)), ['X', 'r', 'c'])],
  },
  {
    name: 'def_smul',
    family: 'definition',
    statement: '(s X)[i,j] = s X[i,j]',
    description: 'definition of a scalar multiple on entries',
    rules: [
      // `2 A[i,j]` is read as the product `2 · A[i,j]` (see scalarProductsAsProducts).
      rule(entry(scalarMul(v('s'), X), r, c), matMul(v('s'), entry(X, r, c)), ['s', 'X', 'r', 'c']),
      rule(entry(matMul(v('s'), X), r, c), matMul(v('s'), entry(X, r, c)), ['s', 'X', 'r', 'c'], [
        { kind: 'scalar', variable: 's' },
        { kind: 'matrix', variable: 'X' },
      ]),
    ],
  },
  {
    name: 'def_ones',
    family: 'definition',
    statement: 'J[i,j] = 1',
    description: 'every entry of the all-ones matrix J is 1',
    rules: [rule(entry(ones(), r, c), numberLiteral('1'), ['r', 'c'])],
  },
  {
    name: 'def_zero',
    family: 'definition',
    statement: '0[i,j] = 0',
    description: 'every entry of the zero matrix is 0',
    rules: [rule(entry(zero(), r, c), zero(), ['r', 'c'])],
  },
  {
    name: 'def_identity',
    family: 'definition',
    statement: 'I[i,i] = 1',
    description: 'the diagonal entries of the identity are 1',
    rules: [rule(entry(identity(), r, r), numberLiteral('1'), ['r'])],
  },
  {
    name: 'hadamard_comm',
    family: 'structural',
    statement: 'X ⊙ Y = Y ⊙ X',
    description: 'the Hadamard product is commutative (one swap, as written)',
    rules: [rule(hadamard(X, Y), hadamard(Y, X), ['X', 'Y'])],
  },
  {
    name: 'hadamard_assoc',
    family: 'structural',
    statement: '(X ⊙ Y) ⊙ Z = X ⊙ (Y ⊙ Z)',
    description: 'the Hadamard product is associative (one regrouping, as written)',
    rules: [rule(hadamard(hadamard(X, Y), v('Z')), hadamard(X, hadamard(Y, v('Z'))), ['X', 'Y', 'Z'])],
  },
  {
    name: 'mul_comm',
    family: 'number',
    statement: 'a b = b a',
    description: 'multiplication of numbers is commutative (entries, not matrices)',
    rules: [scalarRule(matMul(a, b), matMul(b, a), ['a', 'b'])],
  },
  {
    name: 'mul_assoc',
    family: 'structural',
    statement: '(a b) d = a (b d)',
    description: 'the product is associative (numbers and matrices alike)',
    rules: [rule(matMul(matMul(a, b), d), matMul(a, matMul(b, d)), ['a', 'b', 'd'])],
  },
  {
    name: 'add_comm',
    family: 'structural',
    statement: 'a + b = b + a',
    description: 'addition is commutative (numbers and matrices alike)',
    rules: [rule(add(a, b), add(b, a), ['a', 'b'])],
  },
  {
    name: 'add_assoc',
    family: 'structural',
    statement: '(a + b) + d = a + (b + d)',
    description: 'addition is associative (numbers and matrices alike)',
    rules: [rule(add(add(a, b), d), add(a, add(b, d)), ['a', 'b', 'd'])],
  },
  {
    name: 'mul_add',
    family: 'number',
    statement: 'a (b + d) = a b + a d',
    description: 'multiplication distributes over addition (left)',
    rules: [scalarRule(matMul(a, add(b, d)), add(matMul(a, b), matMul(a, d)), ['a', 'b', 'd'])],
  },
  {
    name: 'add_mul',
    family: 'number',
    statement: '(a + b) d = a d + b d',
    description: 'multiplication distributes over addition (right)',
    rules: [scalarRule(matMul(add(a, b), d), add(matMul(a, d), matMul(b, d)), ['a', 'b', 'd'])],
  },
  {
    name: 'mul_one',
    family: 'number',
    statement: 'a 1 = a',
    description: '1 is the identity of multiplication (right)',
    rules: [scalarRule(matMul(a, numberLiteral('1')), a, ['a'])],
  },
  {
    name: 'one_mul',
    family: 'number',
    statement: '1 a = a',
    description: '1 is the identity of multiplication (left)',
    rules: [scalarRule(matMul(numberLiteral('1'), a), a, ['a'])],
  },
  {
    name: 'mul_zero',
    family: 'number',
    statement: 'a 0 = 0',
    description: '0 absorbs multiplication (right)',
    rules: [scalarRule(matMul(a, zero()), zero(), ['a'])],
  },
  {
    name: 'zero_mul',
    family: 'number',
    statement: '0 a = 0',
    description: '0 absorbs multiplication (left)',
    rules: [scalarRule(matMul(zero(), a), zero(), ['a'])],
  },
  {
    name: 'add_zero',
    family: 'number',
    statement: 'a + 0 = a',
    description: '0 is the identity of addition (right)',
    rules: [scalarRule(add(a, zero()), a, ['a'])],
  },
  {
    name: 'zero_add',
    family: 'number',
    statement: '0 + a = a',
    description: '0 is the identity of addition (left)',
    rules: [scalarRule(add(zero(), a), a, ['a'])],
  },
  {
    name: 'neg_mul',
    family: 'number',
    statement: '(-a) b = -(a b)',
    description: 'a sign moves out of a product (left)',
    rules: [scalarRule(matMul(neg(a), b), neg(matMul(a, b)), ['a', 'b'])],
  },
  {
    name: 'mul_neg',
    family: 'number',
    statement: 'a (-b) = -(a b)',
    description: 'a sign moves out of a product (right)',
    rules: [scalarRule(matMul(a, neg(b)), neg(matMul(a, b)), ['a', 'b'])],
  },
  {
    name: 'sum_add',
    family: 'number',
    statement: 'Σ_k(a + b) = Σ_k(a) + Σ_k(b)',
    description: 'a sum of sums splits',
    rules: [scalarRule(sum('k', add(a, b)), add(sum('k', a), sum('k', b)), ['a', 'b', 'k'])],
  },
  {
    name: 'mul_sum',
    family: 'number',
    statement: 'a Σ_k(b) = Σ_k(a b)   (k not in a)',
    description: 'a factor that does not depend on k moves into the sum',
    rules: [scalarRule(matMul(a, sum('k', b)), sum('k', matMul(a, b)), ['a', 'b', 'k'], [{ kind: 'not-free', index: 'k', in: ['a'] }])],
  },
  {
    name: 'sum_mul',
    family: 'number',
    statement: 'Σ_k(a) b = Σ_k(a b)   (k not in b)',
    description: 'a factor that does not depend on k moves into the sum',
    rules: [scalarRule(matMul(sum('k', a), b), sum('k', matMul(a, b)), ['a', 'b', 'k'], [{ kind: 'not-free', index: 'k', in: ['b'] }])],
  },
  {
    name: 'sum_comm',
    family: 'number',
    statement: 'Σ_k(Σ_l(a)) = Σ_l(Σ_k(a))',
    description: 'two sums can be exchanged',
    rules: [scalarRule(sum('k', sum('l', a)), sum('l', sum('k', a)), ['a', 'k', 'l'])],
  },
];

/** The entrywise law of that name, if any. */
export function findEntrywiseLaw(name: string): EntrywiseLaw | undefined {
  return ENTRYWISE_LAWS.find((law) => law.name === name);
}
