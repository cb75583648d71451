import type { Result } from '@odot/core';
import { fail, odotError, ok } from '@odot/core';
import type { FloatMatrix, Matrix } from './matrix.ts';
import { toFloat } from './matrix.ts';

/** Options of the symmetric eigensolvers. */
export interface SymmetricEigenOptions {
  /**
   * Float inputs count as symmetric when |aᵢⱼ − aⱼᵢ| ≤ tol · max|aₖₗ| (default 1e-12); the solver
   * then reads the lower triangle. Exact inputs must be exactly symmetric.
   */
  readonly symmetryTolerance?: number;
}

/** Eigenvalues (ascending) and orthonormal eigenvectors (column k belongs to `values[k]`). */
export interface SymmetricEigen {
  readonly values: Float64Array;
  readonly vectors: FloatMatrix;
}

const EPS = 2 ** -52;

/** Default symmetry tolerance for float inputs, relative to the largest entry. */
export const SYMMETRY_TOLERANCE = 1e-12;

function hypot(a: number, b: number): number {
  const x = Math.abs(a);
  const y = Math.abs(b);
  if (x > y) {
    const r = y / x;
    return x * Math.sqrt(1 + r * r);
  }
  if (y === 0) return 0;
  const r = x / y;
  return y * Math.sqrt(1 + r * r);
}

/** Checks that `m` is square and symmetric (exactly for exact matrices) and returns its float data. */
export function symmetricData(m: Matrix, options: SymmetricEigenOptions = {}): Result<Float64Array> {
  if (m.rows !== m.cols) return fail(odotError('not-square', `the symmetric eigensolver needs a square matrix, got ${m.rows}×${m.cols}`));
  const n = m.rows;
  if (m.kind === 'exact') {
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < i; j++) {
        const a = m.data[i * n + j];
        const b = m.data[j * n + i];
        if (!a || !b || a.num !== b.num || a.den !== b.den) {
          return fail(odotError('not-symmetric', `the matrix is not symmetric: entry (${i + 1},${j + 1}) differs from (${j + 1},${i + 1})`));
        }
      }
    }
    return ok(toFloat(m).data);
  }
  const tol = options.symmetryTolerance ?? SYMMETRY_TOLERANCE;
  const a = m.data;
  let scale = 0;
  for (let k = 0; k < a.length; k++) {
    const v = a[k] as number;
    if (!Number.isFinite(v)) return fail(odotError('not-finite', 'the matrix has a non-finite entry'));
    scale = Math.max(scale, Math.abs(v));
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      if (Math.abs((a[i * n + j] as number) - (a[j * n + i] as number)) > tol * scale) {
        return fail(
          odotError(
            'not-symmetric',
            `the matrix is not symmetric: entries (${i + 1},${j + 1}) and (${j + 1},${i + 1}) differ by more than ${tol} × the largest entry`,
          ),
        );
      }
    }
  }
  return ok(a);
}

/**
 * Householder reduction of the symmetric matrix (lower triangle of `a`, n×n row-major, overwritten)
 * to tridiagonal form: diagonal in `d`, subdiagonal in `e[1..n-1]` (e[0] = 0). Values only.
 */
function tridiagonalize(a: Float64Array, n: number, d: Float64Array, e: Float64Array): void {
  const p = new Float64Array(n);
  for (let i = n - 1; i > 0; i--) {
    const l = i - 1;
    const row = i * n;
    if (l > 0) {
      let scale = 0;
      for (let k = 0; k < i; k++) scale += Math.abs(a[row + k] as number);
      if (scale === 0) {
        e[i] = a[row + l] as number;
        continue;
      }
      let h = 0;
      for (let k = 0; k < i; k++) {
        const v = (a[row + k] as number) / scale;
        a[row + k] = v;
        h += v * v;
      }
      const f = a[row + l] as number;
      const g = f >= 0 ? -Math.sqrt(h) : Math.sqrt(h);
      e[i] = scale * g;
      h -= f * g;
      a[row + l] = f - g;
      // p = A u over the leading i×i block, read from the lower triangle with contiguous rows.
      p.fill(0, 0, i);
      for (let j = 0; j < i; j++) {
        const rj = j * n;
        const uj = a[row + j] as number;
        let s = 0;
        for (let k = 0; k < j; k++) {
          const ajk = a[rj + k] as number;
          s += ajk * (a[row + k] as number);
          p[k] = (p[k] as number) + ajk * uj;
        }
        p[j] = (p[j] as number) + s + (a[rj + j] as number) * uj;
      }
      let ff = 0;
      for (let j = 0; j < i; j++) {
        const v = (p[j] as number) / h;
        e[j] = v;
        ff += v * (a[row + j] as number);
      }
      const hh = ff / (h + h);
      for (let j = 0; j < i; j++) e[j] = (e[j] as number) - hh * (a[row + j] as number);
      for (let j = 0; j < i; j++) {
        const fj = a[row + j] as number;
        const gj = e[j] as number;
        const rj = j * n;
        for (let k = 0; k <= j; k++) a[rj + k] = (a[rj + k] as number) - (fj * (e[k] as number) + gj * (a[row + k] as number));
      }
    } else {
      e[i] = a[row + l] as number;
    }
  }
  for (let i = 0; i < n; i++) d[i] = a[i * n + i] as number;
  e[0] = 0;
}

/**
 * Implicit QL with Wilkinson-type shifts on a symmetric tridiagonal matrix (`d` diagonal,
 * `e[1..n-1]` subdiagonal, as from `tridiagonalize`/`tred2`). With `v` (n×n row-major, the
 * accumulated Householder transform) the rotations are applied to it, so its columns become
 * eigenvectors. Returns false when an eigenvalue does not converge in 30n sweeps.
 */
function tql(d: Float64Array, e: Float64Array, n: number, v: Float64Array | undefined): boolean {
  for (let i = 1; i < n; i++) e[i - 1] = e[i] as number;
  e[n - 1] = 0;
  let f = 0;
  let tst1 = 0;
  for (let l = 0; l < n; l++) {
    tst1 = Math.max(tst1, Math.abs(d[l] as number) + Math.abs(e[l] as number));
    let m = l;
    while (m < n) {
      if (Math.abs(e[m] as number) <= EPS * tst1) break;
      m++;
    }
    if (m > l) {
      let iter = 0;
      do {
        if (++iter > 30 * Math.max(n, 10)) return false;
        f += qlStep(d, e, n, v, l, m);
      } while (Math.abs(e[l] as number) > EPS * tst1);
    }
    d[l] = (d[l] as number) + f;
    e[l] = 0;
  }
  return true;
}

/**
 * One implicit QL step on rows l..m (the block whose subdiagonal has not yet vanished): the shift
 * from the leading 2×2, then the plane rotations from m − 1 up to l (also applied to `v`).
 * Returns the shift, which the caller accumulates.
 */
function qlStep(d: Float64Array, e: Float64Array, n: number, v: Float64Array | undefined, l: number, m: number): number {
  let g = d[l] as number;
  let p = ((d[l + 1] as number) - g) / (2 * (e[l] as number));
  let r = hypot(p, 1);
  if (p < 0) r = -r;
  d[l] = (e[l] as number) / (p + r);
  d[l + 1] = (e[l] as number) * (p + r);
  const dl1 = d[l + 1] as number;
  let h = g - d[l];
  for (let i = l + 2; i < n; i++) d[i] = (d[i] as number) - h;
  const shift = h;
  p = d[m] as number;
  let c = 1;
  let c2 = c;
  let c3 = c;
  const el1 = e[l + 1] as number;
  let s = 0;
  let s2 = 0;
  for (let i = m - 1; i >= l; i--) {
    c3 = c2;
    c2 = c;
    s2 = s;
    const ei = e[i] as number;
    const di = d[i] as number;
    g = c * ei;
    h = c * p;
    r = hypot(p, ei);
    e[i + 1] = s * r;
    s = ei / r;
    c = p / r;
    p = c * di - s * g;
    d[i + 1] = h + s * (c * g + s * di);
    if (v) rotateColumns(v, n, i, c, s);
  }
  p = (-s * s2 * c3 * el1 * (e[l] as number)) / dl1;
  e[l] = s * p;
  d[l] = c * p;
  return shift;
}

/** Applies the plane rotation (c, s) to columns i and i + 1 of the n×n row-major `v`. */
function rotateColumns(v: Float64Array, n: number, i: number, c: number, s: number): void {
  for (let k = 0; k < n; k++) {
    const row = k * n;
    const hk = v[row + i + 1] as number;
    const vk = v[row + i] as number;
    v[row + i + 1] = s * vk + c * hk;
    v[row + i] = c * vk - s * hk;
  }
}

/** Householder tridiagonalisation with the transform accumulated in `v` (EISPACK tred2, as in JAMA). */
function tred2(v: Float64Array, n: number, d: Float64Array, e: Float64Array): void {
  for (let j = 0; j < n; j++) d[j] = v[(n - 1) * n + j] as number;
  for (let i = n - 1; i > 0; i--) tred2Reduce(v, n, d, e, i);
  tred2Accumulate(v, n, d, e);
}

/** Step i of tred2: the Householder reflection that zeroes row i left of the subdiagonal (d holds row i, then row i − 1). */
function tred2Reduce(v: Float64Array, n: number, d: Float64Array, e: Float64Array, i: number): void {
  const V = (r: number, c: number): number => v[r * n + c] as number;
  let scale = 0;
  let h = 0;
  for (let k = 0; k < i; k++) scale += Math.abs(d[k] as number);
  if (scale === 0) {
    e[i] = d[i - 1] as number;
    for (let j = 0; j < i; j++) {
      d[j] = V(i - 1, j);
      v[i * n + j] = 0;
      v[j * n + i] = 0;
    }
  } else {
    for (let k = 0; k < i; k++) {
      d[k] = (d[k] as number) / scale;
      h += (d[k] as number) * (d[k] as number);
    }
    let f = d[i - 1] as number;
    let g = Math.sqrt(h);
    if (f > 0) g = -g;
    e[i] = scale * g;
    h -= f * g;
    d[i - 1] = f - g;
    for (let j = 0; j < i; j++) e[j] = 0;
    for (let j = 0; j < i; j++) {
      f = d[j] as number;
      v[j * n + i] = f;
      g = (e[j] as number) + V(j, j) * f;
      for (let k = j + 1; k <= i - 1; k++) {
        const vkj = V(k, j);
        g += vkj * (d[k] as number);
        e[k] = (e[k] as number) + vkj * f;
      }
      e[j] = g;
    }
    f = 0;
    for (let j = 0; j < i; j++) {
      e[j] = (e[j] as number) / h;
      f += (e[j] as number) * (d[j] as number);
    }
    const hh = f / (h + h);
    for (let j = 0; j < i; j++) e[j] = (e[j] as number) - hh * (d[j] as number);
    for (let j = 0; j < i; j++) {
      f = d[j] as number;
      g = e[j] as number;
      for (let k = j; k <= i - 1; k++) v[k * n + j] = V(k, j) - (f * (e[k] as number) + g * (d[k] as number));
      d[j] = V(i - 1, j);
      v[i * n + j] = 0;
    }
  }
  d[i] = h;
}

/** The end of tred2: the reflections accumulated into `v`, the diagonal read into `d`. */
function tred2Accumulate(v: Float64Array, n: number, d: Float64Array, e: Float64Array): void {
  const V = (r: number, c: number): number => v[r * n + c] as number;
  for (let i = 0; i < n - 1; i++) {
    v[(n - 1) * n + i] = V(i, i);
    v[i * n + i] = 1;
    const h = d[i + 1] as number;
    if (h !== 0) {
      for (let k = 0; k <= i; k++) d[k] = V(k, i + 1) / h;
      for (let j = 0; j <= i; j++) {
        let g = 0;
        for (let k = 0; k <= i; k++) g += V(k, i + 1) * V(k, j);
        for (let k = 0; k <= i; k++) v[k * n + j] = V(k, j) - g * (d[k] as number);
      }
    }
    for (let k = 0; k <= i; k++) v[k * n + i + 1] = 0;
  }
  for (let j = 0; j < n; j++) {
    d[j] = V(n - 1, j);
    v[(n - 1) * n + j] = 0;
  }
  v[(n - 1) * n + (n - 1)] = 1;
  e[0] = 0;
}

/** Symmetric eigenvalues in ascending order, from the lower triangle of a checked symmetric n×n array. */
export function eigenvaluesOfSymmetricData(data: Float64Array, n: number): Float64Array | undefined {
  if (n === 0) return new Float64Array(0);
  const a = Float64Array.from(data);
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  tridiagonalize(a, n, d, e);
  if (!tql(d, e, n, undefined)) return undefined;
  return d.sort();
}

/**
 * Eigenvalues of a symmetric matrix, ascending: Householder tridiagonalisation and implicit QL
 * with shifts (values only, O(n³) with a small constant). A non-symmetric input is an error
 * (`not-symmetric`), never silently symmetrised.
 */
export function symmetricEigenvalues(m: Matrix, options: SymmetricEigenOptions = {}): Result<Float64Array> {
  const data = symmetricData(m, options);
  if (!data.ok) return data;
  const values = eigenvaluesOfSymmetricData(data.value, m.rows);
  if (!values) return fail(odotError('no-convergence', 'the QL iteration did not converge'));
  return ok(values);
}

/**
 * Eigenvalues (ascending) and orthonormal eigenvectors of a symmetric matrix (EISPACK tred2 +
 * tql2): `A · vectors[:,k] = values[k] · vectors[:,k]`.
 */
export function symmetricEigen(m: Matrix, options: SymmetricEigenOptions = {}): Result<SymmetricEigen> {
  const data = symmetricData(m, options);
  if (!data.ok) return data;
  const n = m.rows;
  const v = new Float64Array(n * n);
  // tred2 reads the lower triangle; mirror it so both triangles agree.
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      const x = data.value[i * n + j] as number;
      v[i * n + j] = x;
      v[j * n + i] = x;
    }
  }
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  if (n > 0) {
    tred2(v, n, d, e);
    if (!tql(d, e, n, v)) return fail(odotError('no-convergence', 'the QL iteration did not converge'));
  }
  // Sort ascending, permuting the columns with the values.
  const order = Array.from({ length: n }, (_, k) => k).sort((x, y) => (d[x] as number) - (d[y] as number));
  const values = Float64Array.from(order, (k) => d[k] as number);
  const vectors = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < n; c++) vectors[i * n + c] = v[i * n + (order[c] as number)] as number;
  }
  return ok({ values, vectors: { kind: 'float', rows: n, cols: n, data: vectors } });
}
