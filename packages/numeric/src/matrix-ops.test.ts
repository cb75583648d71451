import { describe, expect, it } from 'vitest';
import { exactMatrix, floatMatrix, toExact } from './matrix.ts';
import type { Matrix } from './matrix.ts';
import {
  addMatrices,
  exactRank,
  determinant,
  hadamardProduct,
  inverseOf,
  kroneckerProduct,
  matricesEqual,
  matrixProduct,
  scaleMatrix,
  subtractMatrices,
  transposeMatrix,
} from './matrix-ops.ts';
import { createRng } from './rng.ts';
import { formatRational, rational } from './rational.ts';

function unwrap<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function randomFloat(rows: number, cols: number, seed: number): Matrix {
  const rng = createRng(seed);
  return { kind: 'float', rows, cols, data: Float64Array.from({ length: rows * cols }, () => rng.int(-9, 9)) };
}

describe('one matrix API for exact and float', () => {
  it('exact stays exact, anything with a float is float', () => {
    const e = exactMatrix([[1, 2], [3, 4]]);
    const f = floatMatrix([[1, 2], [3, 4]]);
    expect(unwrap(hadamardProduct(e, e)).kind).toBe('exact');
    expect(unwrap(hadamardProduct(e, f)).kind).toBe('float');
    expect(matricesEqual(unwrap(hadamardProduct(e, e)), unwrap(hadamardProduct(f, f)))).toBe(true);
    expect(scaleMatrix(rational(1n, 2n), e).kind).toBe('exact');
    expect(scaleMatrix(0.5, e).kind).toBe('float');
  });
  it('the blocked float matmul equals the exact product on integer matrices (any shape)', () => {
    for (const [n, m, p] of [[1, 1, 1], [3, 5, 2], [70, 130, 65], [129, 3, 300]] as const) {
      const a = randomFloat(n, m, n + m);
      const b = randomFloat(m, p, m + p);
      const fast = unwrap(matrixProduct(a, b));
      const slow = unwrap(matrixProduct(toExact(a), toExact(b)));
      expect(fast.kind).toBe('float');
      expect(matricesEqual(fast, slow)).toBe(true);
    }
  });
  it('float ⊙, +, − agree with the exact routes', () => {
    const a = randomFloat(40, 30, 1);
    const b = randomFloat(40, 30, 2);
    expect(matricesEqual(unwrap(hadamardProduct(a, b)), unwrap(hadamardProduct(toExact(a), toExact(b))))).toBe(true);
    expect(matricesEqual(unwrap(addMatrices(a, b)), unwrap(addMatrices(toExact(a), toExact(b))))).toBe(true);
    expect(matricesEqual(unwrap(subtractMatrices(a, b)), unwrap(subtractMatrices(toExact(a), toExact(b))))).toBe(true);
    expect(matricesEqual(transposeMatrix(transposeMatrix(a)), a)).toBe(true);
    expect(kroneckerProduct(a, b).rows).toBe(1600);
  });
  it('shape errors, exact det and inverse', () => {
    const r = hadamardProduct(exactMatrix([[1, 2, 3]]), exactMatrix([[1], [2], [3]]));
    expect(!r.ok && r.error.message).toBe('⊙: left is 1×3, right is 3×1');
    expect(!matrixProduct(exactMatrix([[1, 2]]), exactMatrix([[1, 2]])).ok).toBe(true);
    const d = unwrap(determinant(exactMatrix([['1/2', 1], [1, 3]])));
    expect(typeof d !== 'number' && formatRational(d)).toBe('1/2');
    const inv = inverseOf(exactMatrix([[1, 1], [1, 1]]));
    expect(!inv.ok && inv.error.code).toBe('singular');
  });
});

describe('exactRank', () => {
  it('counts independent rows exactly (hand-worked examples)', () => {
    expect(exactRank(exactMatrix([[1, 2, 3], [4, 5, 6]]))).toBe(2);
    expect(exactRank(exactMatrix([[1, 2], [2, 4], [3, 6]]))).toBe(1);
    expect(exactRank(exactMatrix([[0, 0], [0, 0]]))).toBe(0);
    expect(exactRank(exactMatrix([[0, 1, 0], [0, 0, 1], [0, 1, 1]]))).toBe(2);
    expect(exactRank(exactMatrix([['1/3', '1/2'], ['2/3', 1]]))).toBe(1);
  });
  it('agrees with det ≠ 0 on random square integer matrices', () => {
    for (let k = 0; k < 50; k++) {
      const rows = Array.from({ length: 3 }, (_, i) => Array.from({ length: 3 }, (_, j) => ((k * 7 + i * 3 + j * 5) % 5) - 2));
      const m = exactMatrix(rows);
      const d = determinant(m);
      if (!d.ok || typeof d.value === 'number') throw new Error('det');
      expect(exactRank(m) === 3).toBe(d.value.num !== 0n);
    }
  });
});
