import { describe, expect, it } from 'vitest';
import type { ExactMatrix } from './matrix.ts';
import { exactMatrix, floatMatrix, toFloat } from './matrix.ts';
import type { PsdCertificate, PsdReport } from './psd.ts';
import { ldlExact, psdTest, quadraticForm, unpivotedLdl, verifyFactorization } from './psd.ts';
import type { Rational } from './rational.ts';
import { formatRational, rsign } from './rational.ts';
import { createRng } from './rng.ts';
import type { Rng } from './rng.ts';
import { symmetricEigenvalues } from './eigen.ts';

function report(m: ExactMatrix, method: 'float' | 'exact' | 'certificate', property: 'psd' | 'pd' = 'psd'): PsdReport {
  const r = psdTest(m, { method, property });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** Checks a certificate from scratch: the factor reproduces PᵀAP with D ≥ 0, or xᵀAx < 0 (≤ 0 for pd). */
function checkCertificate(m: ExactMatrix, c: PsdCertificate | undefined, holds: boolean, property: 'psd' | 'pd'): void {
  expect(c).toBeDefined();
  if (!c) return;
  if (holds) {
    expect(c.kind).toBe('factorization');
    if (c.kind !== 'factorization') return;
    expect([...c.permutation].sort((a, b) => a - b)).toEqual(m.data.slice(0, m.rows).map((_, i) => i));
    expect(verifyFactorization(m, c.permutation, c.L.data, c.D)).toBe(true);
    for (const d of c.D) expect(rsign(d)).toBeGreaterThanOrEqual(property === 'pd' ? 1 : 0);
    for (let i = 0; i < m.rows; i++) {
      expect(formatRational(c.L.data[i * m.rows + i] as Rational)).toBe('1');
      for (let j = i + 1; j < m.rows; j++) expect(formatRational(c.L.data[i * m.rows + j] as Rational)).toBe('0');
    }
  } else if (c.kind === 'vector') {
    const value = quadraticForm(m, c.x);
    expect(formatRational(value)).toBe(formatRational(c.value));
    expect(c.x.some((x) => x.num !== 0n)).toBe(true);
    if (property === 'psd') expect(rsign(value)).toBe(-1);
    else expect(rsign(value)).toBeLessThanOrEqual(0);
  } else if (c.kind === 'asymmetry') {
    expect(formatRational(m.data[(c.row - 1) * m.rows + c.col - 1] as Rational)).not.toBe(
      formatRational(m.data[(c.col - 1) * m.rows + c.row - 1] as Rational),
    );
  } else {
    throw new Error('a "no" needs a vector or an asymmetry');
  }
}

function allMethods(m: ExactMatrix, property: 'psd' | 'pd' = 'psd'): boolean {
  const exact = report(m, 'exact', property);
  const cert = report(m, 'certificate', property);
  expect(cert.holds).toBe(exact.holds);
  checkCertificate(m, cert.certificate, cert.holds, property);
  expect(cert.method).toBe('certificate');
  expect(exact.method).toBe('exact');
  return exact.holds;
}

function randomInt(rng: Rng, rows: number, cols: number, r: number): number[][] {
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => rng.int(-r, r)));
}

function bbt(b: number[][], shift = 0): ExactMatrix {
  const n = b.length;
  return exactMatrix(
    Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => (b[i] ?? []).reduce((s, x, k) => s + x * (b[j]?.[k] ?? 0), 0) + (i === j ? shift : 0)),
    ),
  );
}

describe('psd: hand-worked cases', () => {
  it('[[1,1],[1,1]] is psd (singular) but not pd', () => {
    const m = exactMatrix([[1, 1], [1, 1]]);
    expect(allMethods(m, 'psd')).toBe(true);
    expect(allMethods(m, 'pd')).toBe(false);
    expect(report(m, 'float').holds).toBe(true);
    expect(report(m, 'float', 'pd').holds).toBe(false);
    const pd = report(m, 'certificate', 'pd');
    expect(pd.certificate?.kind === 'vector' && formatRational(pd.certificate.value)).toBe('0');
  });
  it('[[0,1],[1,0]] is not psd: zero diagonal with a nonzero in its row', () => {
    const m = exactMatrix([[0, 1], [1, 0]]);
    expect(allMethods(m)).toBe(false);
    const c = report(m, 'certificate').certificate;
    expect(c?.kind === 'vector' && formatRational(c.value)).toBe('-2');
    const f = report(m, 'float');
    expect(f.holds).toBe(false);
    expect(f.eigenvalues?.[0]).toBeCloseTo(-1, 14);
    expect(f.eigenvalues?.[1]).toBeCloseTo(1, 14);
  });
  it('[[0,0],[0,1]] is psd (a zero pivot with a zero row)', () => {
    expect(allMethods(exactMatrix([[0, 0], [0, 1]]))).toBe(true);
    expect(allMethods(exactMatrix([[0, 0], [0, 1]]), 'pd')).toBe(false);
  });
  it('[[2,-1],[-1,2]] is pd; [[1,2],[2,1]] is not psd (leading minor 1 > 0 is no evidence)', () => {
    expect(allMethods(exactMatrix([[2, -1], [-1, 2]]), 'pd')).toBe(true);
    expect(allMethods(exactMatrix([[1, 2], [2, 1]]))).toBe(false);
  });
  it('3×3: [[1,1,0],[1,1,0],[0,0,0]] psd; [[1,0,0],[0,0,1],[0,1,0]] not psd; [[2,1,1],[1,2,1],[1,1,2]] pd', () => {
    expect(allMethods(exactMatrix([[1, 1, 0], [1, 1, 0], [0, 0, 0]]))).toBe(true);
    expect(allMethods(exactMatrix([[1, 0, 0], [0, 0, 1], [0, 1, 0]]))).toBe(false);
    expect(allMethods(exactMatrix([[2, 1, 1], [1, 2, 1], [1, 1, 2]]), 'pd')).toBe(true);
    // Leading principal minors 0, 0, 0 but not psd (the minors only test pd).
    expect(allMethods(exactMatrix([[0, 0, 0], [0, 0, 1], [0, 1, 0]]))).toBe(false);
    // Leading minors 1, 0, 0 but a negative diagonal further down.
    expect(allMethods(exactMatrix([[1, 1, 0], [1, 1, 0], [0, 0, -1]]))).toBe(false);
  });
  it('fractions: [[1/2, 1/3],[1/3, 1/4]] is pd (det 1/72)', () => {
    expect(allMethods(exactMatrix([['1/2', '1/3'], ['1/3', '1/4']]), 'pd')).toBe(true);
    expect(allMethods(exactMatrix([['1/2', '1/3'], ['1/3', '2/9']]), 'pd')).toBe(false);
    expect(allMethods(exactMatrix([['1/2', '1/3'], ['1/3', '2/9']]), 'psd')).toBe(true);
  });
  it('a non-symmetric matrix is not psd, with the asymmetric pair as certificate', () => {
    const m = exactMatrix([[1, 2], [0, 1]]);
    expect(allMethods(m)).toBe(false);
    expect(report(m, 'certificate').certificate).toEqual({ kind: 'asymmetry', row: 2, col: 1 });
    expect(report(m, 'float').holds).toBe(false);
    expect(psdTest(exactMatrix([[1, 2]]), { method: 'exact' }).ok).toBe(false);
  });
  it('the float tolerance scales with ‖A‖ and n', () => {
    // A tiny indefinite matrix stays indefinite: the tolerance shrinks with the norm.
    const tiny = psdTest(floatMatrix([[0, 1e-20], [1e-20, 0]]), { method: 'float' });
    expect(tiny.ok && tiny.value.holds).toBe(false);
    // A huge rank-one Gram matrix is psd although rounding makes λmin slightly nonzero.
    const rng = createRng(4);
    const n = 60;
    const v = Array.from({ length: n }, () => rng.normal() * 1e8);
    const data = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) data[i * n + j] = (v[i] as number) * (v[j] as number);
    const big = psdTest({ kind: 'float', rows: n, cols: n, data }, { method: 'float' });
    if (!big.ok) throw new Error(big.error.message);
    expect(big.value.holds).toBe(true);
    const frob = Math.sqrt(data.reduce((acc, x) => acc + x * x, 0));
    expect(big.value.tolerance).toBeCloseTo(16 * n * 2 ** -52 * frob, 0);
    expect(Math.abs(big.value.eigenvalues?.[0] ?? 1)).toBeLessThanOrEqual(big.value.tolerance ?? 0);
  });
  it('the float method reports its eigenvalues and tolerance', () => {
    const r = report(exactMatrix([[2, 1], [1, 2]]), 'float');
    expect(r.method).toBe('float');
    expect(r.eigenvalues?.length).toBe(2);
    expect(r.tolerance).toBeGreaterThan(0);
    expect(r.explanation).toContain('λmin');
  });
});

describe('psd: random instances against independent constructions', () => {
  const rng = createRng(99);
  it('BBᵀ is psd (full and low rank), BBᵀ + I is pd', () => {
    for (let t = 0; t < 40; t++) {
      const n = rng.int(1, 6);
      const k = rng.int(1, n);
      const b = randomInt(rng, n, k, 3);
      const m = bbt(b);
      expect(allMethods(m)).toBe(true);
      expect(report(m, 'float').holds).toBe(true);
      expect(allMethods(bbt(b, 1), 'pd')).toBe(true);
      if (k < n) expect(allMethods(m, 'pd')).toBe(false);
    }
  });
  it('BBᵀ − εI with B of low rank is not psd (exact catches ε = 1/1000)', () => {
    for (let t = 0; t < 20; t++) {
      const n = rng.int(2, 6);
      const b = randomInt(rng, n, n - 1, 3);
      const m0 = bbt(b);
      const m: ExactMatrix = {
        ...m0,
        data: m0.data.map((x, idx) => (idx % (n + 1) === 0 ? { num: x.num * 1000n - 1n, den: 1000n } : x)),
      };
      expect(allMethods(m)).toBe(false);
    }
  });
  it('exact verdicts agree with the sign of the float eigenvalues on random symmetric integer matrices', () => {
    let yes = 0;
    let no = 0;
    for (let t = 0; t < 150; t++) {
      const n = rng.int(1, 5);
      const data: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
      // Mix generic symmetric matrices with shifted Gram matrices so both verdicts occur.
      const b = randomInt(rng, n, n, 2);
      const shift = rng.int(-2, 1);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j <= i; j++) {
          const gram = (b[i] ?? []).reduce((s, x, k) => s + x * (b[j]?.[k] ?? 0), 0);
          const v = t % 2 === 0 ? rng.int(-3, 3) : gram + (i === j ? shift : 0);
          (data[i] as number[])[j] = v;
          (data[j] as number[])[i] = v;
        }
      }
      const m = exactMatrix(data);
      const eig = symmetricEigenvalues(toFloat(m));
      if (!eig.ok) throw new Error(eig.error.message);
      const min = eig.value[0] as number;
      if (Math.abs(min) < 1e-9) continue; // too close to the boundary for floats to be an independent judge
      const holds = allMethods(m);
      expect(holds).toBe(min > 0);
      if (holds) yes++;
      else no++;
    }
    expect(yes).toBeGreaterThan(10);
    expect(no).toBeGreaterThan(10);
  });
  it('ldlExact on a psd matrix reproduces PᵀAP exactly', () => {
    const m = bbt(randomInt(rng, 5, 3, 4));
    const r = ldlExact(m);
    expect(r.negative).toBeUndefined();
    expect(verifyFactorization(m, r.permutation, r.L, r.D)).toBe(true);
    expect(r.D.filter((d) => d.num === 0n).length).toBeGreaterThanOrEqual(2);
  });
});

describe('unpivotedLdl', () => {
  it('factors a hand-worked psd matrix, zero pivot included', () => {
    // [[4,2,0],[2,1,0],[0,0,3]]: L = [[1,0,0],[1/2,1,0],[0,0,1]], D = [4, 0, 3].
    const r = unpivotedLdl(exactMatrix([[4, 2, 0], [2, 1, 0], [0, 0, 3]]));
    expect(r?.D.map(formatRational)).toEqual(['4', '0', '3']);
    expect(r?.L.data.map(formatRational)).toEqual(['1', '0', '0', '1/2', '1', '0', '0', '0', '1']);
  });
  it('exists exactly for the psd matrices (B Bᵀ yes; a negative eigenvalue no), and verifies', () => {
    const rng = createRng(11);
    for (let t = 0; t < 60; t++) {
      const b = Array.from({ length: 3 }, () => Array.from({ length: 2 }, () => rng.int(-3, 3)));
      const m = exactMatrix(b.map((r) => b.map((s) => (r[0] ?? 0) * (s[0] ?? 0) + (r[1] ?? 0) * (s[1] ?? 0))));
      const r = unpivotedLdl(m);
      expect(r).toBeDefined();
      if (r) expect(verifyFactorization(m, [0, 1, 2], r.L.data, r.D)).toBe(true);
    }
    expect(unpivotedLdl(exactMatrix([[1, 2], [2, 1]]))).toBeUndefined();
    expect(unpivotedLdl(exactMatrix([[0, 1], [1, 0]]))).toBeUndefined();
  });
});
