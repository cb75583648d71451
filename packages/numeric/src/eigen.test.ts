import { describe, expect, it } from 'vitest';
import { symmetricEigen, symmetricEigenvalues } from './eigen.ts';
import type { FloatMatrix } from './matrix.ts';
import { exactMatrix, floatMatrix } from './matrix.ts';
import { createRng } from './rng.ts';

function randomSymmetric(n: number, seed: number): FloatMatrix {
  const rng = createRng(seed);
  const data = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      const x = rng.normal();
      data[i * n + j] = x;
      data[j * n + i] = x;
    }
  }
  return { kind: 'float', rows: n, cols: n, data };
}

function frobenius(m: FloatMatrix): number {
  let s = 0;
  for (const x of m.data) s += x * x;
  return Math.sqrt(s);
}

/** max_k ‖A v_k − λ_k v_k‖ and max |VᵀV − I|. */
function residuals(a: FloatMatrix, values: Float64Array, v: FloatMatrix): { residual: number; orthogonality: number } {
  const n = a.rows;
  let residual = 0;
  for (let k = 0; k < n; k++) {
    let s = 0;
    for (let i = 0; i < n; i++) {
      let av = 0;
      for (let j = 0; j < n; j++) av += (a.data[i * n + j] as number) * (v.data[j * n + k] as number);
      s += (av - (values[k] as number) * (v.data[i * n + k] as number)) ** 2;
    }
    residual = Math.max(residual, Math.sqrt(s));
  }
  let orthogonality = 0;
  for (let k = 0; k < n; k++) {
    for (let l = 0; l <= k; l++) {
      let dot = 0;
      for (let i = 0; i < n; i++) dot += (v.data[i * n + k] as number) * (v.data[i * n + l] as number);
      orthogonality = Math.max(orthogonality, Math.abs(dot - (k === l ? 1 : 0)));
    }
  }
  return { residual, orthogonality };
}

describe('symmetric eigenvalues', () => {
  it('hand-worked 2×2 and 3×3', () => {
    const r = symmetricEigenvalues(exactMatrix([[2, 1], [1, 2]]));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value[0]).toBeCloseTo(1, 14);
    expect(r.value[1]).toBeCloseTo(3, 14);
    // [[2,-1,0],[-1,2,-1],[0,-1,2]] has eigenvalues 2 − √2, 2, 2 + √2.
    const t = symmetricEigenvalues(exactMatrix([[2, -1, 0], [-1, 2, -1], [0, -1, 2]]));
    if (!t.ok) throw new Error(t.error.message);
    [2 - Math.SQRT2, 2, 2 + Math.SQRT2].forEach((x, k) => expect(t.value[k]).toBeCloseTo(x, 13));
  });
  it('sizes 0 and 1, and the zero matrix', () => {
    expect(symmetricEigenvalues(floatMatrix([])).ok).toBe(true);
    const one = symmetricEigenvalues(floatMatrix([[-4]]));
    expect(one.ok && Array.from(one.value)).toEqual([-4]);
    const z = symmetricEigen(floatMatrix([[0, 0], [0, 0]]));
    expect(z.ok && Array.from(z.value.values)).toEqual([0, 0]);
  });
  it('refuses a non-symmetric input (exact: exactly; float: beyond the tolerance)', () => {
    const e = symmetricEigenvalues(exactMatrix([[1, 2], [3, 1]]));
    expect(!e.ok && e.error.code).toBe('not-symmetric');
    const almost = symmetricEigenvalues(exactMatrix([[1, '2'], ['2.000000000001', 1]]));
    expect(!almost.ok && almost.error.code).toBe('not-symmetric');
    const f = symmetricEigenvalues(floatMatrix([[1, 2], [2 + 1e-6, 1]]));
    expect(!f.ok && f.error.code).toBe('not-symmetric');
    const rounding = symmetricEigenvalues(floatMatrix([[1, 0.1 + 0.2], [0.3, 1]]));
    expect(rounding.ok).toBe(true);
    expect(symmetricEigen(floatMatrix([[1, 2, 3]])).ok).toBe(false);
  });
  it('a known spectrum: Q diag(λ) Qᵀ with a Householder Q', () => {
    const n = 30;
    const rng = createRng(3);
    const u = Array.from({ length: n }, () => rng.normal());
    const uu = u.reduce((s, x) => s + x * x, 0);
    const lambda = Array.from({ length: n }, (_, k) => k - 10 + 0.5 * (k % 3));
    const data = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let k = 0; k < n; k++) {
          const qik = (i === k ? 1 : 0) - (2 * (u[i] as number) * (u[k] as number)) / uu;
          const qjk = (j === k ? 1 : 0) - (2 * (u[j] as number) * (u[k] as number)) / uu;
          s += qik * (lambda[k] as number) * qjk;
        }
        data[i * n + j] = s;
      }
    }
    for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) data[j * n + i] = data[i * n + j] as number;
    const r = symmetricEigenvalues({ kind: 'float', rows: n, cols: n, data });
    if (!r.ok) throw new Error(r.error.message);
    const expected = [...lambda].sort((x, y) => x - y);
    expected.forEach((x, k) => expect(Math.abs((r.value[k] as number) - x)).toBeLessThan(1e-12 * 20));
  });
  it.each([5, 50, 200, 400])('random n = %i: residual ≤ 1e-12‖A‖, orthonormal vectors, values-only agrees', (n) => {
    const a = randomSymmetric(n, 1000 + n);
    const full = symmetricEigen(a);
    if (!full.ok) throw new Error(full.error.message);
    const norm = frobenius(a);
    const { residual, orthogonality } = residuals(a, full.value.values, full.value.vectors);
    expect(residual).toBeLessThanOrEqual(1e-12 * norm);
    expect(orthogonality).toBeLessThan(1e-12);
    const only = symmetricEigenvalues(a);
    if (!only.ok) throw new Error(only.error.message);
    for (let k = 0; k < n; k++) expect(Math.abs((only.value[k] as number) - (full.value.values[k] as number))).toBeLessThan(1e-12 * norm);
    // Trace and Frobenius norm are preserved by the spectrum.
    let trace = 0;
    for (let i = 0; i < n; i++) trace += a.data[i * n + i] as number;
    expect(Math.abs(only.value.reduce((s, x) => s + x, 0) - trace)).toBeLessThan(1e-10 * norm);
    expect(Math.abs(Math.sqrt(only.value.reduce((s, x) => s + x * x, 0)) - norm)).toBeLessThan(1e-10 * norm);
    for (let k = 1; k < n; k++) expect(only.value[k]).toBeGreaterThanOrEqual(only.value[k - 1] as number);
  });
  it('repeated eigenvalues and a diagonal input', () => {
    const r = symmetricEigen(floatMatrix([[3, 0, 0], [0, 1, 0], [0, 0, 3]]));
    if (!r.ok) throw new Error(r.error.message);
    expect(Array.from(r.value.values)).toEqual([1, 3, 3]);
    const j = symmetricEigenvalues(floatMatrix([[1, 1, 1], [1, 1, 1], [1, 1, 1]]));
    if (!j.ok) throw new Error(j.error.message);
    expect(j.value[0]).toBeCloseTo(0, 14);
    expect(j.value[1]).toBeCloseTo(0, 14);
    expect(j.value[2]).toBeCloseTo(3, 14);
  });
});
