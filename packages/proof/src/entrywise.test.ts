import { describe, expect, it } from 'vitest';
import { givensFrom, printExpr, type Expr, type Givens } from '@odot/core';
import { parseDeclarations, parseExpr } from '@odot/parser';
import { evaluate, exactMatrix, scalarValue, type Value } from '@odot/numeric';
import { applyEntrywiseLaw } from './entrywise.ts';
import { ENTRYWISE_LAWS } from './entrywise-laws.ts';
import { exprKey, renameApart } from './expr-tools.ts';
import { kindOf } from './pattern.ts';

function givens(text: string): Givens {
  const result = parseDeclarations(text);
  if (!result.ok) throw new Error(result.error.message);
  return givensFrom(result.value);
}

/** Bound indices come back as `%0`, `%1`, …; rename them to `q0`, `q1`, … to print and evaluate. */
const readable = (expr: Expr): Expr => JSON.parse(JSON.stringify(expr).replaceAll('%', 'q')) as Expr;

const afters = (text: string, law: string, g: Givens = new Map()): string[] =>
  applyEntrywiseLaw(parseExpr(text), law, { givens: g }).map((step) => printExpr(readable(step.after)));

describe('the entrywise calculus', () => {
  it('reads a sub-expression as a scalar or a matrix by core\'s shape inference (hand-worked)', () => {
    const context = { givens: givens('c: scalar; D: n×n'), indices: new Set(['i', 'j']) };
    const kind = (text: string): string => kindOf(parseExpr(text), context);
    expect(kind('A[i,j] B[i,j]')).toBe('scalar');
    expect(kind('i')).toBe('scalar'); // an index of the line, though alone here
    expect(kind('A')).toBe('matrix'); // undeclared: a matrix of unknown size
    expect(kind('c D')).toBe('matrix');
    expect(kind('tr(D) + c')).toBe('scalar');
    expect(kind('0')).toBe('open');
    expect(kind('c · 0')).toBe('open');
    expect(kind('A[i,j] + D')).toBe('ill-shaped');
  });

  it('unfolds and folds the Hadamard product on entries', () => {
    expect(afters('(A ⊙ B)[i,j]', 'def_hadamard')).toEqual(['A[i,j] B[i,j]']);
    expect(afters('A[i,j] B[i,j]', 'def_hadamard')).toEqual(['(A ⊙ B)[i,j]']);
    // Different indices are not an entry of a Hadamard product.
    expect(afters('A[i,j] B[j,i]', 'def_hadamard')).toEqual([]);
  });

  it('introduces a fresh summation index for the matrix product, and folds it back', () => {
    const [unfolded] = afters('(A B)[i,j]', 'def_matmul');
    expect(exprKey(parseExpr(unfolded!))).toBe(exprKey(parseExpr('Σ_k(A[i,k] B[k,j])')));
    expect(afters('Σ_k(A[i,k] B[k,j])', 'def_matmul')).toEqual(['(A B)[i,j]']);
    // k must not escape: A[k,k] B[k,j] summed over k is not an entry of A B.
    expect(afters('Σ_k(A[k,k] B[k,j])', 'def_matmul')).toEqual([]);
    // A scalar factor is not a matrix product.
    expect(afters('(c A)[i,j]', 'def_matmul', givens('c: scalar; A: n×n'))).toEqual([]);
  });

  it('tells sibling sums over the same name apart before a law nests them (the same expression up to bound names)', () => {
    const apart = parseExpr('Σ_k(A[i,k]) Σ_l(B[l,j])');
    expect(renameApart(apart)).toBe(apart);
    const same = parseExpr('Σ_k(A[i,k]) Σ_k(B[k,j])');
    const renamed = renameApart(same);
    expect(printExpr(readable(renamed))).toBe('Σ_{qs0}(A[i,qs0]) Σ_{qs1}(B[qs1,j])');
    expect(exprKey(renamed)).toBe(exprKey(same));
    // A sum inside a sum over the same name: the inner one binds its own occurrences.
    expect(printExpr(readable(renameApart(parseExpr('Σ_k(A[i,k] Σ_k(B[k,j]))'))))).toBe('Σ_{qs0}(A[i,qs0] Σ_{qs1}(B[qs1,j]))');
    expect(afters('Σ_k(A[i,k]) Σ_k(B[k,j])', 'sum_mul_sum')).toEqual(['Σ_{q0}(Σ_{q1}(A[i,q0] B[q1,j]))']);
  });

  it('applies laws of numbers to scalars only', () => {
    expect(afters('A[i,j] B[i,j]', 'mul_comm')).toEqual(['B[i,j] A[i,j]']);
    expect(afters('A B', 'mul_comm', givens('A, B: n×n'))).toEqual([]);
    expect(afters('c d', 'mul_comm', givens('c, d: scalar'))).toEqual(['d c']);
    expect(afters('A[i,j] · 1', 'mul_one')).toEqual(['A[i,j]']);
    expect(afters('A[i,j] · 0', 'mul_zero')).toEqual(['0']);
    expect(afters('A[i,j] (B[i,j] + C[i,j])', 'mul_add')).toEqual(['A[i,j] B[i,j] + A[i,j] C[i,j]']);
  });

  it('moves factors in and out of sums only when that captures nothing', () => {
    expect(afters('A[i,j] Σ_k(B[i,k])', 'mul_sum').map((t) => exprKey(parseExpr(t)))).toEqual([exprKey(parseExpr('Σ_k(A[i,j] B[i,k])'))]);
    expect(afters('Σ_k(A[i,k] B[k,j])', 'mul_sum')).toEqual([]);
    expect(afters('Σ_k(A[i,j] B[k,j])', 'mul_sum').map((t) => exprKey(parseExpr(t)))).toEqual([exprKey(parseExpr('A[i,j] Σ_k(B[k,j])'))]);
  });

  it('def_kron applies only when the block size is the size of the second factor (hand-worked)', () => {
    const g = givens('A: 2×2; B: 3×2; p, q: natural; X: m×n; Y: p×q');
    expect(afters('(A ⊗ B)[(i - 1) · 3 + k, (j - 1) · 2 + l]', 'def_kron', g)).toEqual(['A[i,j] B[k,l]']);
    // Row (i − 1)·2 + k of A ⊗ B is not A[i,j] B[k,l] when B has 3 rows (row 3 is B's third row).
    expect(afters('(A ⊗ B)[(i - 1) · 2 + k, (j - 1) · 2 + l]', 'def_kron', g)).toEqual([]);
    expect(afters('(X ⊗ Y)[(i - 1) p + k, (j - 1) q + l]', 'def_kron', g)).toEqual(['X[i,j] Y[k,l]']);
    expect(afters('(X ⊗ Y)[(i - 1) q + k, (j - 1) q + l]', 'def_kron', g)).toEqual([]);
    // An undeclared factor may have any size: the block index says nothing about it.
    expect(afters('(A ⊗ Z)[(i - 1) · 3 + k, (j - 1) · 2 + l]', 'def_kron', g)).toEqual([]);
    // Folding back would have to invent the sizes: the checker matches such a step from the other end.
    expect(afters('A[i,j] B[k,l]', 'def_kron', g)).toEqual([]);
  });

  it('applies the structural laws to the written form, any shapes', () => {
    expect(afters('A ⊙ B', 'hadamard_comm')).toEqual(['B ⊙ A']);
    expect(afters('(A ⊙ B) ⊙ C', 'hadamard_assoc')).toEqual(['A ⊙ (B ⊙ C)']);
    expect(afters('A + B + C', 'add_assoc')).toEqual(['A + (B + C)']);
  });

  // Every application of every entrywise law preserves the value: checked by exact evaluation of
  // both sides on integer matrices, at every index value (an independent computation).
  const samples: Record<string, string[]> = {
    def_hadamard: ['(A ⊙ B)[i,j]', 'A[i,j] B[i,j] + C[i,j]'],
    def_matmul: ['(A B)[i,j]', 'Σ_k(A[i,k] B[k,j])'],
    def_transpose: ['(Aᵀ)[i,j]', 'A[j,i]'],
    def_add: ['(A + B)[i,j]'],
    def_sub: ['(A - B)[i,j]'],
    def_neg: ['(-A)[i,j]'],
    def_smul: ['(2 A)[i,j]'],
    def_ones: ['J_{3×3}[i,j] A[i,j]'],
    def_zero: ['O_3[i,j] + A[i,j]'],
    def_identity: ['I_3[i,i] A[i,j]'],
    def_diag: ['diag(u)[i,i] A[i,j]', 'u[i,1] + A[i,j]'],
    def_diagvec: ['diagvec(A)[i,1] B[i,j]'],
    def_trace: ['tr(A) B[i,j]', 'Σ_k(A[k,k])'],
    def_kron: ['(A ⊗ B)[(i - 1) · 3 + 2, (j - 1) · 3 + 1]', '(B ⊗ C)[(i - 1) · 3 + 3, (j - 1) · 3 + 3] + A[i,j]'],
    sum_hadamard_eq: ['Σ_p(Σ_q((A ⊙ B)[p,q]))', 'tr(A Bᵀ) + A[i,j]'],
    neg_neg: ['-(-A[i,j])', '-(-A)'],
    smul_smul: ['A[i,j] (B[i,j] C[i,j])'],
    mul_comm: ['A[i,j] B[i,j] C[i,j]'],
    mul_assoc: ['A[i,j] B[i,j] C[i,j]', '(A B) C'],
    add_comm: ['A[i,j] + B[i,j] C[i,j]', 'A + B'],
    add_assoc: ['A[i,j] + B[i,j] + C[i,j]'],
    mul_add: ['A[i,j] (B[i,j] + C[i,j])'],
    add_mul: ['(A[i,j] + B[i,j]) C[i,j]'],
    mul_one: ['A[i,j] · 1'],
    one_mul: ['1 · A[i,j]'],
    mul_zero: ['A[i,j] · 0'],
    zero_mul: ['0 · A[i,j]'],
    add_zero: ['A[i,j] + 0'],
    zero_add: ['0 + A[i,j]'],
    neg_mul: ['(-A[i,j]) B[i,j]'],
    mul_neg: ['A[i,j] (-B[i,j])'],
    sum_add: ['Σ_k(A[i,k] + B[k,j])'],
    mul_sum: ['A[i,j] Σ_k(B[i,k])'],
    sum_mul: ['Σ_k(A[i,k]) B[i,j]'],
    sum_comm: ['Σ_k(Σ_l(A[k,l] B[l,i]))'],
    // Sibling sums over the same name are told apart before one is nested in the other.
    sum_mul_sum: ['Σ_k(A[i,k]) Σ_l(B[l,j])', 'Σ_k(A[i,k]) Σ_k(B[k,j])', 'Σ_k(Σ_l(A[i,k] B[l,j]))'],
    // Blocks of 3 and of 1 of the 3 columns of A (the block size must divide it).
    sum_block: ['Σ_k(Σ_l(A[i,(k - 1) (3) + l] B[(k - 1) (3) + l,j]))', 'Σ_k(Σ_l(A[i,(k - 1) (1) + l] B[(k - 1) (1) + l,j]))'],
    hadamard_comm: ['A ⊙ B'],
    hadamard_assoc: ['(A ⊙ B) ⊙ C'],
  };
  // def_kron's block size must be the factor's size (sum_block's must divide it), so their samples need the 3×3 shapes declared.
  const SAMPLE_GIVENS: Record<string, Givens> = { def_kron: givens('A, B, C: 3×3'), sum_block: givens('A, B: 3×3') };
  const matrices: Record<string, Value> = {
    A: exactMatrix([[1, -2, 3], [0, 5, -1], [4, 2, 7]]),
    B: exactMatrix([[2, 0, -3], [1, 1, 6], [-5, 3, 2]]),
    C: exactMatrix([[-1, 4, 2], [3, -2, 0], [1, 1, -4]]),
    u: exactMatrix([[3], [-1], [2]]),
  };
  const value = (expr: Expr, i: number, j: number): string => {
    const result = evaluate(expr, matrices, { indices: { i, j } });
    if (!result.ok) throw new Error(`${printExpr(expr)}: ${result.error.message}`);
    return JSON.stringify(result.value, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  };

  it('covers every law with a sample', () => {
    expect(Object.keys(samples).sort()).toEqual(ENTRYWISE_LAWS.map((law) => law.name).sort());
  });

  it.each(Object.entries(samples))('%s preserves the value of every application', (law, texts) => {
    let applications = 0;
    for (const text of texts) {
      const before = parseExpr(text);
      for (const step of applyEntrywiseLaw(before, law, { givens: SAMPLE_GIVENS[law] ?? new Map() })) {
        applications += 1;
        const after = readable(step.after);
        for (let i = 1; i <= 3; i++) for (let j = 1; j <= 3; j++) expect(value(after, i, j), `${text} → ${printExpr(step.after)}`).toBe(value(before, i, j));
      }
    }
    expect(applications).toBeGreaterThan(0);
  });

  it('scalar values are compared exactly', () => {
    expect(scalarValue(3n)).toEqual(scalarValue(3n));
  });
});
