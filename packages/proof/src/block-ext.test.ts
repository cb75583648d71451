import { describe, expect, it } from 'vitest';
import { parseExpr } from '@odot/parser';
import { evaluate, exactMatrix, type Value } from '@odot/numeric';
import { dimQuotient, sizeDim, sizeExpr } from './size-dim.ts';
import { blockIndexExpr, readBlockIndex } from './block-index.ts';
import { checkProof } from './check-proof.ts';
import { exprKey } from './expr-tools.ts';

// `by ext` at block indices: a chain from L[(i - 1) p + k, (j - 1) q + l] to R[…] proves L = R when
// p divides L's rows and q its columns (every row r is (i - 1) p + k for one i ≤ rows / p, k ≤ p).

/** The steps of the first theorem: [code, message]. */
function steps(text: string): [string, string][] {
  const report = checkProof(text);
  expect(report.errors.map((e) => e.message)).toEqual([]);
  return (report.theorems[0]?.steps ?? []).map((step) => [step.code, step.message]);
}

const TRANSPOSE_KRON = (given: string, row: string, col: string): string => `given ${given}
prove (A ⊗ B)ᵀ = Aᵀ ⊗ Bᵀ
proof
    ((A ⊗ B)ᵀ)[${row}, ${col}]
  = (A ⊗ B)[${col}, ${row}]   by def_transpose
  = A[j,i] B[l,k]   by def_kron
  = Aᵀ[i,j] Bᵀ[k,l]   by def_transpose
  = (Aᵀ ⊗ Bᵀ)[${row}, ${col}]   by def_kron
  (A ⊗ B)ᵀ = Aᵀ ⊗ Bᵀ   by ext
qed
`;

describe('ext at block indices', () => {
  it('accepts the transpose of a Kronecker product proved at blocks of q rows and p columns', () => {
    const text = TRANSPOSE_KRON('A: m×n; B: p×q; p, q: natural', '(i - 1) q + k', '(j - 1) p + l');
    expect(steps(text).map(([code]) => code)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
    expect(steps(text).at(-1)?.[1]).toBe('by ext: equal at every entry ((i - 1) q + k, (j - 1) p + l)');
  });

  it('refuses block sizes that do not divide the size (rows of (A ⊗ B)ᵀ are n·q, not a multiple of p)', () => {
    const text = TRANSPOSE_KRON('A: m×n; B: p×q; p, q: natural', '(i - 1) p + k', '(j - 1) q + l');
    const last = steps(text).at(-1);
    expect(last?.[0]).toBe('bad-ext');
    expect(last?.[1]).toContain('the block index (i - 1) p + k covers the rows only when p divides their number, here n·q');
  });

  it('accepts numeric block sizes that divide the size, and refuses those that do not', () => {
    const proof = (given: string, size: string): string => `given ${given}
prove A ⊗ (B + C) = A ⊗ B + A ⊗ C
proof
    (A ⊗ (B + C))[(i - 1) ${size} + k, (j - 1) ${size} + l]
  = A[i,j] (B + C)[k,l]   by def_kron
  = A[i,j] (B[k,l] + C[k,l])   by def_add
  = A[i,j] B[k,l] + A[i,j] C[k,l]   by mul_add
  = (A ⊗ B)[(i - 1) ${size} + k, (j - 1) ${size} + l] + (A ⊗ C)[(i - 1) ${size} + k, (j - 1) ${size} + l]   by def_kron
  = (A ⊗ B + A ⊗ C)[(i - 1) ${size} + k, (j - 1) ${size} + l]   by def_add
  A ⊗ (B + C) = A ⊗ B + A ⊗ C   by ext
qed
`;
    expect(steps(proof('A: 2×2; B, C: 2×2', '(2)')).map(([code]) => code)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'ok']);
    // 4 rows in blocks of 3 leave row 4 out (and def_kron refuses the size too).
    expect(steps(proof('A: 2×2; B, C: 2×2', '(3)')).at(-1)?.[0]).toBe('bad-ext');
  });
  it('refuses index names that repeat, are declared, or occur in the equation', () => {
    const repeated = TRANSPOSE_KRON('A: m×n; B: p×q; p, q: natural', '(i - 1) q + i', '(j - 1) p + l');
    expect(steps(repeated).at(-1)?.[1]).toMatch(/different names \(i is used twice\)/);
    const declared = TRANSPOSE_KRON('A: m×n; B: p×q; p, q: natural; k: scalar', '(i - 1) q + k', '(j - 1) p + l');
    expect(steps(declared).at(-1)?.[1]).toMatch(/k is a declared symbol/);
  });

  it('def_kron no longer accepts a block size other than the factor\'s: row (i − 1)·2 + k of A ⊗ B is not A[i,j] B[k,l] for a 3×3 B', () => {
    const text = `given A: 2×2; B: 3×3
prove (A ⊗ B)[(i - 1) (2) + k, (j - 1) (3) + l] = A[i,j] B[k,l]
proof
    (A ⊗ B)[(i - 1) (2) + k, (j - 1) (3) + l]
  = A[i,j] B[k,l]    by def_kron
qed
`;
    // A tutor names the size the index must have.
    expect(steps(text)[0]).toEqual(['side-condition', 'def_kron needs 2 to be the number of rows of B, which is 3']);
    expect(checkProof(text).valid).toBe(false);
    // The independent computation: with i = 2, k = 1, j = l = 1 the two sides differ.
    const A = exactMatrix([[1, 2], [3, 4]]);
    const B = exactMatrix([[1, 0, 0], [0, 1, 0], [5, 0, 1]]);
    const value = (t: string): Value => {
      const v = evaluate(parseExpr(t), { A, B }, { indices: { i: 2, k: 1, j: 1, l: 1 } });
      if (!v.ok) throw new Error(v.error.message);
      return v.value;
    };
    expect(value('(A ⊗ B)[(i - 1) (2) + k, (j - 1) (3) + l]')).not.toEqual(value('A[i,j] B[k,l]'));
    expect(value('(A ⊗ B)[(i - 1) (3) + k, (j - 1) (3) + l]')).toEqual(value('A[i,j] B[k,l]'));
  });

  it('refuses a false statement whose chain would need a wrong block size', () => {
    // (A ⊗ B)ᵀ = Bᵀ ⊗ Aᵀ is false: its entries are read with the block sizes of the other factor.
    const text = `given A: m×n; B: p×q; p, q: natural
prove (A ⊗ B)ᵀ = Bᵀ ⊗ Aᵀ
proof
    ((A ⊗ B)ᵀ)[(i - 1) q + k, (j - 1) p + l]
  = (A ⊗ B)[(j - 1) p + l, (i - 1) q + k]   by def_transpose
  = A[j,i] B[l,k]   by def_kron
  = B[l,k] A[j,i]   by mul_comm
  = (Bᵀ ⊗ Aᵀ)[(i - 1) q + k, (j - 1) p + l]   by def_kron
  (A ⊗ B)ᵀ = Bᵀ ⊗ Aᵀ   by ext
qed
`;
    expect(checkProof(text).valid).toBe(false);
    expect(steps(text)[3]?.[0]).not.toBe('ok');
  });
});

describe('block indices and sizes (hand-worked)', () => {
  it('reads (i - 1) p + k and writes it back', () => {
    const block = readBlockIndex(parseExpr('(i - 1) p + k'));
    expect(block && { outer: block.outer, inner: block.inner }).toEqual({ outer: 'i', inner: 'k' });
    expect(readBlockIndex(parseExpr('(i - 2) p + k'))).toBeUndefined();
    expect(readBlockIndex(parseExpr('i p + k'))).toBeUndefined();
    const back = block && blockIndexExpr(block);
    expect(back && exprKey(back)).toBe(exprKey(parseExpr('(i - 1) p + k')));
  });

  it('sizes: numbers, symbols and products; division of dimensions', () => {
    expect(sizeDim(parseExpr('3'))).toBe(3);
    expect(sizeDim(parseExpr('p'))).toBe('p');
    expect(sizeDim(parseExpr('p r'))).toEqual({ kind: 'product', coef: 1, factors: ['p', 'r'] });
    expect(sizeDim(parseExpr('0'))).toBeUndefined();
    const twoP = sizeExpr({ kind: 'product', coef: 2, factors: ['p'] });
    expect(twoP && exprKey(twoP)).toBe(exprKey(parseExpr('2 · p')));
    expect(sizeExpr('?3')).toBeUndefined();
    expect(dimQuotient({ kind: 'product', coef: 1, factors: ['n', 'q'] }, 'q')).toBe('n');
    expect(dimQuotient({ kind: 'product', coef: 1, factors: ['n', 'q'] }, 'p')).toBeUndefined();
    expect(dimQuotient(6, 3)).toBe(2);
    expect(dimQuotient(4, 3)).toBeUndefined();
    expect(dimQuotient('?3', 'p')).toBeUndefined();
  });
});

/** The mixed product (A ⊗ B)(C ⊗ D) = (A C) ⊗ (B D) by hand, the sum over t split at `split` (blocks of q are right). */
const MIXED = (given: string, split: string): string => `given ${given}
prove (A ⊗ B)(C ⊗ D) = (A C) ⊗ (B D)
proof
    ((A ⊗ B)(C ⊗ D))[(i - 1) p + k, (j - 1) s + l]
  = Σ_t((A ⊗ B)[(i - 1) p + k, t] (C ⊗ D)[t, (j - 1) s + l])   by def_matmul
  = Σ_u(Σ_v((A ⊗ B)[(i - 1) p + k, ${split}] (C ⊗ D)[${split}, (j - 1) s + l]))   by sum_block
  = Σ_u(Σ_v(A[i,u] B[k,v] (C ⊗ D)[${split}, (j - 1) s + l]))   by def_kron
  = Σ_u(Σ_v(A[i,u] B[k,v] (C[u,j] D[v,l])))   by def_kron
  = Σ_u(Σ_v(A[i,u] C[u,j] (B[k,v] D[v,l])))   by mul_comm
  = Σ_u(A[i,u] C[u,j]) Σ_v(B[k,v] D[v,l])   by sum_mul_sum
  = (A C)[i,j] (B D)[k,l]   by def_matmul
  = ((A C) ⊗ (B D))[(i - 1) p + k, (j - 1) s + l]   by def_kron
  (A ⊗ B)(C ⊗ D) = (A C) ⊗ (B D)   by ext
qed
`;

describe('the block split of a sum (sum_block)', () => {
  const given = 'A: m×n; B: p×q; C: n×r; D: q×s; p, q, s: natural';

  it('accepts the mixed product of ⊗ and the matrix product with the sum over the n·q columns of A ⊗ B in blocks of q', () => {
    expect(steps(MIXED(given, '(u - 1) q + v')).map(([code]) => code)).toEqual(Array(9).fill('ok'));
    expect(checkProof(MIXED(given, '(u - 1) q + v')).valid).toBe(true);
  });

  it('refuses a split in blocks of p, which does not divide the n·q columns of A ⊗ B: side-condition, naming the size', () => {
    const found = steps(MIXED(given, '(u - 1) p + v'));
    expect(found[1]).toEqual(['side-condition', 'sum_block needs p to divide the number of columns of A ⊗ B, which is n·q']);
    expect(checkProof(MIXED(given, '(u - 1) p + v')).valid).toBe(false);
  });

  it('with numbers, blocks of 2 split 4 columns (the independent computation agrees) and blocks of 3 do not', () => {
    const numeric = 'A: 2×2; B: 2×2; C: 2×2; D: 2×2';
    const split = (size: string): string => `given ${numeric}
prove Σ_t((A ⊗ B)[1, t] (C ⊗ D)[t, 1]) = Σ_u(Σ_v((A ⊗ B)[1, (u - 1) (${size}) + v] (C ⊗ D)[(u - 1) (${size}) + v, 1]))
proof
    Σ_t((A ⊗ B)[1, t] (C ⊗ D)[t, 1])
  = Σ_u(Σ_v((A ⊗ B)[1, (u - 1) (${size}) + v] (C ⊗ D)[(u - 1) (${size}) + v, 1]))   by sum_block
qed
`;
    expect(steps(split('2'))).toEqual([['ok', 'by sum_block (1 application)']]);
    expect(steps(split('3'))[0]?.[0]).toBe('side-condition');
    // Exact values: the split sum is the (1,1) entry of the product, and blocks of 3 are not a sum over 1..4.
    const bindings: Record<string, Value> = {
      A: exactMatrix([[1, 2], [3, 4]]),
      B: exactMatrix([[0, 1], [1, 1]]),
      C: exactMatrix([[2, 0], [1, 5]]),
      D: exactMatrix([[1, 3], [2, 2]]),
    };
    const value = (text: string): Value => {
      const r = evaluate(parseExpr(text), bindings);
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    };
    expect(value('Σ_u(Σ_v((A ⊗ B)[1, (u - 1) (2) + v] (C ⊗ D)[(u - 1) (2) + v, 1]))')).toEqual(value('((A ⊗ B)(C ⊗ D))[1,1]'));
    expect(evaluate(parseExpr('Σ_u(Σ_v((A ⊗ B)[1, (u - 1) (3) + v] (C ⊗ D)[(u - 1) (3) + v, 1]))'), bindings).ok).toBe(false);
  });

  it('does not read Σ_k(Σ_k(…)) as a split: the inner k hides the outer one', () => {
    const text = `given X: m×n; Y: n×r; q: natural
prove Σ_k(Σ_k(X[i, (k - 1) q + k] Y[(k - 1) q + k, j])) = Σ_t(X[i, t] Y[t, j])
proof
    Σ_k(Σ_k(X[i, (k - 1) q + k] Y[(k - 1) q + k, j]))
  = Σ_t(X[i, t] Y[t, j])   by sum_block
qed
`;
    expect(steps(text)[0]?.[0]).not.toBe('ok');
    expect(checkProof(text).valid).toBe(false);
  });
});
