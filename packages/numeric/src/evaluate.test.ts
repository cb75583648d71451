import { describe, expect, it } from 'vitest';
import { Budget, LimitReached, hadamard, identifier, matMul, withBudget, type Expr } from '@odot/core';
import { parseExpr } from '@odot/parser';
import { ev, evError, ex, givens, randomInts, refDet, refMatmul, rowsOf, scalarOf, toNum } from '../test/helpers.ts';
import type { Num } from '../test/helpers.ts';
import { evaluate } from './evaluate.ts';
import { exactMatrix, floatMatrix } from './matrix.ts';
import { createRng } from './rng.ts';
import { formatValue, scalarValue } from './value.ts';

const A = exactMatrix([
  [1, 2, 3],
  [4, 5, 6],
]);
const B = exactMatrix([
  [7, 8, 9],
  [10, 11, 12],
]);
const S = exactMatrix([
  [2, 1],
  [1, 3],
]);

describe('seed example', () => {
  it('A ⊙ B = [[7,16,27],[40,55,72]] exactly', () => {
    const r = evaluate(hadamard(identifier('A'), identifier('B')), { A, B });
    expect(r.ok && r.value.kind).toBe('exact');
    if (!r.ok) return;
    expect(rowsOf(r.value)).toEqual([
      ['7', '16', '27'],
      ['40', '55', '72'],
    ]);
    expect(formatValue(r.value)).toBe('[  7  16  27 ]\n[ 40  55  72 ]');
  });
  it('A B is the core shape error with the operator span', () => {
    const r = evaluate(parseExpr('A B'), { A, B });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('shape-mismatch');
    expect(r.error.message).toContain('2×3');
    expect(r.error.span?.start.column).toBe(1);
    expect(r.error.span?.end.column).toBe(4);
  });
  it('the same error without the core precheck (builders, no spans) is still shape-mismatch', () => {
    const r = evaluate(matMul(identifier('A'), identifier('B')), { A, B });
    expect(!r.ok && r.error.code).toBe('shape-mismatch');
  });
});

describe('hand-worked operators', () => {
  const M = exactMatrix([
    [1, 2],
    [3, 4],
  ]);
  it('+ − neg, scalar multiples', () => {
    expect(rowsOf(ev('M + M', { M }))).toEqual([['2', '4'], ['6', '8']]);
    expect(rowsOf(ev('M - 2M', { M }))).toEqual([['-1', '-2'], ['-3', '-4']]);
    expect(rowsOf(ev('-M', { M }))).toEqual([['-1', '-2'], ['-3', '-4']]);
    expect(rowsOf(ev('1/2 M', { M }))).toEqual([['1/2', '1'], ['3/2', '2']]);
    expect(rowsOf(ev('c M', { M, c: scalarValue(3n) }))).toEqual([['3', '6'], ['9', '12']]);
    expect(rowsOf(ev('M c', { M, c: scalarValue(-1n) }))).toEqual([['-1', '-2'], ['-3', '-4']]);
  });
  it('decimal literals are exact', () => {
    expect(scalarOf(ev('0.1 + 0.2'))).toBe('3/10');
    expect(rowsOf(ev('[[0.5, 0.25]]'))).toEqual([['1/2', '1/4']]);
  });
  it('matrix product and transpose', () => {
    expect(rowsOf(ev('M M', { M }))).toEqual([['7', '10'], ['15', '22']]);
    expect(rowsOf(ev('Mᵀ', { M }))).toEqual([['1', '3'], ['2', '4']]);
    expect(rowsOf(ev('A Bᵀ', { A, B }))).toEqual([['50', '68'], ['122', '167']]);
  });
  it('Kronecker product', () => {
    expect(rowsOf(ev('M ⊗ [[1,-1]]', { M }))).toEqual([
      ['1', '-1', '2', '-2'],
      ['3', '-3', '4', '-4'],
    ]);
  });
  it('Hadamard powers, including the Hadamard inverse', () => {
    expect(rowsOf(ev('M^⊙2', { M }))).toEqual([['1', '4'], ['9', '16']]);
    expect(rowsOf(ev('M^⊙-1', { M }))).toEqual([['1', '1/2'], ['1/3', '1/4']]);
    expect(rowsOf(ev('M^⊙0', { M }))).toEqual([['1', '1'], ['1', '1']]);
  });
  it('a zero entry under a negative Hadamard power is named', () => {
    const e = evError('Z^⊙-1', { Z: exactMatrix([[1, 0], [2, 3]]) });
    expect(e.code).toBe('zero-entry');
    expect(e.message).toContain('(1,2)');
    expect(e.span).toBeDefined();
  });
  it('matrix powers and the inverse', () => {
    expect(rowsOf(ev('M^3', { M }))).toEqual([['37', '54'], ['81', '118']]);
    expect(rowsOf(ev('M^0', { M }))).toEqual([['1', '0'], ['0', '1']]);
    expect(rowsOf(ev('M^-1', { M }))).toEqual([['-2', '1'], ['3/2', '-1/2']]);
    expect(rowsOf(ev('inv(M)', { M }))).toEqual([['-2', '1'], ['3/2', '-1/2']]);
    expect(rowsOf(ev('M^-2', { M }))).toEqual(rowsOf(ev('inv(M) inv(M)', { M })));
  });
  it('a singular inverse fails with code singular and the span', () => {
    const e = evError('inv(N)', { N: exactMatrix([[1, 2], [2, 4]]) });
    expect(e.code).toBe('singular');
    expect(e.span?.start.column).toBe(1);
    expect(evError('N^-2', { N: exactMatrix([[1, 2], [2, 4]]) }).code).toBe('singular');
  });
  it('J, 0, I sized from the shapes', () => {
    expect(rowsOf(ev('A ⊙ J', { A }))).toEqual(rowsOf(A as never));
    expect(rowsOf(ev('J ⊙ A', { A }))).toEqual(rowsOf(A as never));
    expect(rowsOf(ev('A + 0', { A }))).toEqual(rowsOf(A as never));
    expect(rowsOf(ev('0 + A', { A }))).toEqual(rowsOf(A as never));
    expect(rowsOf(ev('0 ⊙ A', { A }))).toEqual([['0', '0', '0'], ['0', '0', '0']]);
    expect(rowsOf(ev('A I', { A }))).toEqual(rowsOf(A as never));
    expect(rowsOf(ev('I A', { A }))).toEqual(rowsOf(A as never));
    expect(rowsOf(ev('(J A) ⊙ A', { A: S }))).toEqual([['6', '4'], ['3', '12']]);
    expect(evError('J A', { A: S }).code).toBe('unknown-size');
    expect(rowsOf(ev('(A J) ⊙ A', { A }))).toEqual([['6', '12', '18'], ['60', '75', '90']]);
    expect(rowsOf(ev('J_{2×3}'))).toEqual([['1', '1', '1'], ['1', '1', '1']]);
    expect(rowsOf(ev('O_2'))).toEqual([['0', '0'], ['0', '0']]);
    expect(rowsOf(ev('I_n', { A: S }, { givens: givens('A: n×n') }))).toEqual([['1', '0'], ['0', '1']]);
    expect(scalarOf(ev('tr(A) + 0', { A: S }))).toBe('5');
  });
  it('a bare J with nothing to size it is an error with its span', () => {
    const e = evError('tr(J)');
    expect(e.code).toBe('unknown-size');
    expect(e.span?.start.column).toBe(4);
  });
  it('diag, diagvec, tr, det', () => {
    const u = exactMatrix([[1], [-2], [3]]);
    expect(rowsOf(ev('diag(u)', { u }))).toEqual([['1', '0', '0'], ['0', '-2', '0'], ['0', '0', '3']]);
    expect(rowsOf(ev('diagvec(M)', { M }))).toEqual([['1'], ['4']]);
    expect(scalarOf(ev('tr(M)', { M }))).toBe('5');
    expect(scalarOf(ev('det(M)', { M }))).toBe('-2');
    expect(scalarOf(ev('det([[0,1,2],[3,4,5],[6,7,9]])'))).toBe('-3');
  });
  it('entries are 1-based; indices can be bound', () => {
    expect(scalarOf(ev('A[2,3]', { A }))).toBe('6');
    expect(scalarOf(ev('A[i,j]', { A }, { indices: { i: 1, j: 2 } }))).toBe('2');
    expect(evError('A[3,1]', { A }).code).toBe('index-out-of-range');
    expect(evError('A[i,1]', { A }).message).toContain('i');
  });
  it('sums run over the range the body indexes', () => {
    expect(scalarOf(ev('Σ_k(A[i,k] B[k,j])', { A: S, B: S }, { indices: { i: 1, j: 2 } }))).toBe(
      scalarOf(ev('(A B)[1,2]', { A: S, B: S })),
    );
    expect(scalarOf(ev('sum_k(M[k,k])', { M }))).toBe('5');
    expect(scalarOf(ev('sum_k(k)', {}, { sumRanges: { k: 4 } }))).toBe('10');
  });
  it('a sum over the outer or inner index of a block position (u - 1) q + v runs over size / q or q', () => {
    // A: 1×6, read in blocks of q = 2 (u = 1..3) or q = 3 (u = 1..2): every entry once, hand-summed 1+…+6 = 21.
    const row = exactMatrix([[1, 2, 3, 4, 5, 6]]);
    expect(scalarOf(ev('Σ_u(Σ_v(A[1,(u - 1) q + v]))', { A: row }, { dims: { q: 2 } }))).toBe('21');
    expect(scalarOf(ev('Σ_u(Σ_v(A[1,(u - 1) (3) + v]))', { A: row }))).toBe('21');
    // Only the first block of 2 (v = 1, 2 with u = 1): 1 + 2; only the first of each block of 3: 1 + 4.
    expect(scalarOf(ev('Σ_v(A[1,(u - 1) (2) + v])', { A: row }, { indices: { u: 1 } }))).toBe('3');
    expect(scalarOf(ev('Σ_u(A[1,(u - 1) (3) + v])', { A: row }, { indices: { v: 1 } }))).toBe('5');
    // The block product (A ⊗ B)(C ⊗ D) entry as a split sum, against the matrix product (hand-checked shapes 2×2 ⊗ 1×2).
    const k = ev('Σ_u(Σ_v(X[1,(u - 1) (2) + v] Y[(u - 1) (2) + v,1]))', { X: exactMatrix([[1, 2, 3, 4]]), Y: exactMatrix([[1], [1], [2], [2]]) });
    expect(scalarOf(k)).toBe('17');
    // A block size that depends on an outer sum's index changes the inner range each time: 1 + (1 + 2) + (1 + 2 + 3).
    expect(scalarOf(ev('Σ_k(Σ_v(A[1,(u - 1) k + v]))', { A: row }, { indices: { u: 1 }, sumRanges: { k: 3 } }))).toBe('10');
    // A block size that does not divide the size is an error, not a silent partial sum.
    expect(evError('Σ_u(Σ_v(A[1,(u - 1) (4) + v]))', { A: row }).code).toBe('shape-mismatch');
  });
  it('relations and claims are booleans', () => {
    expect(ev('(A ⊙ B)ᵀ = Aᵀ ⊙ Bᵀ', { A, B })).toEqual({ kind: 'boolean', value: true });
    expect(ev('A ⊙ B = B', { A, B })).toEqual({ kind: 'boolean', value: false });
    expect(ev('A ≠ B', { A, B })).toEqual({ kind: 'boolean', value: true });
    expect(ev('S ⪰ 0', { S })).toEqual({ kind: 'boolean', value: true });
    expect(ev('pd(S)', { S })).toEqual({ kind: 'boolean', value: true });
    expect(ev('psd(Q)', { Q: exactMatrix([[0, 1], [1, 0]]) })).toEqual({ kind: 'boolean', value: false });
    expect(ev('symmetric(S)', { S })).toEqual({ kind: 'boolean', value: true });
    expect(ev('diagonal(S)', { S })).toEqual({ kind: 'boolean', value: false });
    expect(ev('nonnegative(S)', { S })).toEqual({ kind: 'boolean', value: true });
    expect(ev('binary(S)', { S })).toEqual({ kind: 'boolean', value: false });
  });
  it('an unbound symbol is named', () => {
    const e = evError('A ⊙ Q', { A });
    expect(e.code).toBe('unbound-symbol');
    expect(e.message).toContain('Q');
    expect(e.span?.start.column).toBe(5);
  });
  it('bindings are checked against declarations', () => {
    expect(evaluate(parseExpr('A'), { A }, { givens: givens('A: 3×3') }).ok).toBe(false);
    expect(evaluate(parseExpr('A ⊙ B'), { A, B: S }, { givens: givens('A, B: m×n') }).ok).toBe(false);
  });
  it('float mode computes with doubles', () => {
    const F = floatMatrix([
      [1, 2],
      [3, 4],
    ]);
    const v = ev('F^-1', { F });
    expect(v.kind).toBe('float');
    if (v.kind !== 'float') return;
    [-2, 1, 1.5, -0.5].forEach((x, k) => expect(v.data[k]).toBeCloseTo(x, 14));
    expect(ev('M ⊙ M', { M }, { mode: 'float' }).kind).toBe('float');
    expect(ev('F F^-1 = I', { F })).toEqual({ kind: 'boolean', value: true });
    // Numerically singular in float mode (a pivot below n·u·max|a|), exactly singular in exact mode.
    const G = floatMatrix([[0.1, 0.2, 0.3], [0.4, 0.5, 0.6], [0.7, 0.8, 0.9]]);
    expect(evError('G^-1', { G }).code).toBe('singular');
    expect(evError('G^-1', { G: exactMatrix([['0.1', '0.2', '0.3'], ['0.4', '0.5', '0.6'], ['0.7', '0.8', '0.9']]) }).code).toBe('singular');
  });
});

describe('large inputs', () => {
  it('a sum of 20000 terms evaluates without exhausting the stack, and J in it is sized', () => {
    const text = ['J', ...Array.from({ length: 19999 }, () => 'A')].join(' + ');
    const v = ev(text, { A: exactMatrix([[1, 2]]) });
    expect(rowsOf(v)).toEqual([['20000', '39999']]);
  });
});

describe('random exact instances against a second route', () => {
  const rng = createRng(20261125);
  const sizes = (): [number, number] => [rng.int(1, 5), rng.int(1, 5)];
  const elementwise = (a: Num, b: Num, f: (x: number, y: number) => number): Num => a.map((row, i) => row.map((x, j) => f(x, b[i]?.[j] ?? 0) + 0));

  it('⊙ entry by entry, and (A⊙B)ᵀ = Aᵀ⊙Bᵀ', () => {
    for (let t = 0; t < 40; t++) {
      const [m, n] = sizes();
      const a = randomInts(rng, m, n);
      const b = randomInts(rng, m, n);
      const had = toNum(ev('A ⊙ B', { A: ex(a), B: ex(b) }));
      expect(had).toEqual(elementwise(a, b, (x, y) => x * y));
      expect(rowsOf(ev('(A ⊙ B)ᵀ', { A: ex(a), B: ex(b) }))).toEqual(rowsOf(ev('Aᵀ ⊙ Bᵀ', { A: ex(a), B: ex(b) })));
      expect(toNum(ev('A + B', { A: ex(a), B: ex(b) }))).toEqual(elementwise(a, b, (x, y) => x + y));
      expect(toNum(ev('A - B', { A: ex(a), B: ex(b) }))).toEqual(elementwise(a, b, (x, y) => x - y));
    }
  });
  it('matrix product against the definition', () => {
    for (let t = 0; t < 40; t++) {
      const [m, k] = sizes();
      const n = rng.int(1, 5);
      const a = randomInts(rng, m, k);
      const b = randomInts(rng, k, n);
      expect(toNum(ev('A B', { A: ex(a), B: ex(b) }))).toEqual(refMatmul(a, b));
    }
  });
  it('Kronecker product against the index formula, and the mixed-product law', () => {
    for (let t = 0; t < 20; t++) {
      const [m, n] = sizes();
      const [p, q] = sizes();
      const a = randomInts(rng, m, n);
      const b = randomInts(rng, p, q);
      const k = toNum(ev('A ⊗ B', { A: ex(a), B: ex(b) }));
      for (let i = 0; i < m; i++)
        for (let j = 0; j < n; j++)
          for (let r = 0; r < p; r++)
            for (let s = 0; s < q; s++) expect(k[i * p + r]?.[j * q + s]).toBe((a[i]?.[j] ?? 0) * (b[r]?.[s] ?? 0) + 0);
      const c = randomInts(rng, m, n);
      const d = randomInts(rng, p, q);
      const bind = { A: ex(a), B: ex(b), C: ex(c), D: ex(d) };
      expect(rowsOf(ev('(A ⊗ B) ⊙ (C ⊗ D)', bind))).toEqual(rowsOf(ev('(A ⊙ C) ⊗ (B ⊙ D)', bind)));
    }
  });
  it('det against cofactor expansion', () => {
    for (let t = 0; t < 40; t++) {
      const n = rng.int(1, 5);
      const a = randomInts(rng, n, n, 6);
      expect(scalarOf(ev('det(A)', { A: ex(a) }))).toBe(String(refDet(a)));
    }
  });
  it('inverse · A = I, and A^⊙-1 ⊙ A = J', () => {
    for (let t = 0; t < 30; t++) {
      const n = rng.int(1, 5);
      const a = randomInts(rng, n, n, 5);
      if (refDet(a) === 0) continue;
      expect(ev('A^-1 A = I', { A: ex(a) })).toEqual({ kind: 'boolean', value: true });
      expect(ev('A A^-1 = I', { A: ex(a) })).toEqual({ kind: 'boolean', value: true });
      if (a.flat().every((x) => x !== 0)) expect(ev('A^⊙-1 ⊙ A = J', { A: ex(a) })).toEqual({ kind: 'boolean', value: true });
    }
  });
  it('matrix power by repeated products; trace and diagonal by their definitions', () => {
    for (let t = 0; t < 20; t++) {
      const n = rng.int(1, 4);
      const a = randomInts(rng, n, n, 3);
      const bind = { A: ex(a) };
      expect(toNum(ev('A^4', bind))).toEqual(refMatmul(refMatmul(a, a), refMatmul(a, a)));
      expect(scalarOf(ev('tr(A)', bind))).toBe(String(a.reduce((s, row, i) => s + (row[i] ?? 0), 0)));
      expect(toNum(ev('diagvec(A)', bind))).toEqual(a.map((row, i) => [row[i] ?? 0]));
      expect(rowsOf(ev('I ⊙ A', bind))).toEqual(rowsOf(ev('diag(diagvec(A))', bind)));
      expect(scalarOf(ev('Σ_k(A[k,k])', bind))).toBe(scalarOf(ev('tr(A)', bind)));
      expect(scalarOf(ev('det(A^3)', bind))).toBe(String(refDet(a) ** 3));
    }
  });
  it('float mode agrees with exact mode on random integer instances', () => {
    for (let t = 0; t < 20; t++) {
      const n = rng.int(2, 5);
      const a = randomInts(rng, n, n, 5);
      const b = randomInts(rng, n, n, 5);
      const exact = toNum(ev('A B ⊙ A + 2B', { A: ex(a), B: ex(b) }));
      const fl = ev('A B ⊙ A + 2B', { A: ex(a), B: ex(b) }, { mode: 'float' });
      if (fl.kind !== 'float') throw new Error('expected float');
      expect(Array.from(fl.data)).toEqual(exact.flat());
    }
  });
});

describe('budgets', () => {
  it("a budget's LimitReached raised inside evaluation reaches the caller that opened the budget (not an 'internal' failure)", () => {
    // A 0 ms budget: the clock is read at the 64th tick and is already past the deadline.
    let e: Expr = identifier('A');
    for (let i = 0; i < 200; i++) e = hadamard(e, identifier('A'));
    const budget = new Budget({ timeLimitMs: -1 });
    const bindings = new Map([['A', ex([[2]])]]);
    expect(() => withBudget(budget, () => evaluate(e, bindings))).toThrow(LimitReached);
    expect(evaluate(e, bindings).ok).toBe(true);
  });
});
