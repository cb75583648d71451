import { OdotException, odotError } from '@odot/core';
import type { Field } from './field.ts';

/**
 * A dense row-major matrix over any field: the representation the generic algorithms share.
 * `ExactMatrix` is a `Dense<Rational>`; float data may be a `Float64Array`.
 */
export interface Dense<T> {
  readonly rows: number;
  readonly cols: number;
  readonly data: ArrayLike<T>;
}

/** Throws a span-less diagnostic; the evaluator attaches the operator's span. */
export function linalgError(code: string, message: string): never {
  throw new OdotException(odotError(code, message));
}

/** Swaps the first `count` entries of rows a and b of a row-major array `width` wide. */
export function swapRows(data: unknown[], width: number, a: number, b: number, count: number = width): void {
  for (let j = 0; j < count; j++) {
    const t = data[a * width + j];
    data[a * width + j] = data[b * width + j];
    data[b * width + j] = t;
  }
}

/** `r×c`. */
export function dims(m: { rows: number; cols: number }): string {
  return `${m.rows}×${m.cols}`;
}

/** An r×c matrix filled with `value`. */
export function filled<T>(rows: number, cols: number, value: T): Dense<T> {
  return { rows, cols, data: new Array<T>(rows * cols).fill(value) };
}

/** The n×n identity. */
export function identityOf<T>(f: Field<T>, n: number): Dense<T> {
  const data = new Array<T>(n * n).fill(f.zero);
  for (let i = 0; i < n; i++) data[i * n + i] = f.one;
  return { rows: n, cols: n, data };
}

/** Applies `fn` to every entry. */
export function mapDense<T, U>(m: Dense<T>, fn: (x: T, i: number, j: number) => U): Dense<U> {
  const out = new Array<U>(m.rows * m.cols);
  for (let i = 0; i < m.rows; i++) {
    for (let j = 0; j < m.cols; j++) out[i * m.cols + j] = fn(m.data[i * m.cols + j] as T, i, j);
  }
  return { rows: m.rows, cols: m.cols, data: out };
}

function sameShape<T>(op: string, a: Dense<T>, b: Dense<T>): void {
  if (a.rows !== b.rows || a.cols !== b.cols) {
    linalgError('shape-mismatch', `${op}: left is ${dims(a)}, right is ${dims(b)}`);
  }
}

/** Entrywise combination of two equally shaped matrices. */
export function zipDense<T>(op: string, a: Dense<T>, b: Dense<T>, fn: (x: T, y: T) => T): Dense<T> {
  sameShape(op, a, b);
  const n = a.rows * a.cols;
  const out = new Array<T>(n);
  for (let k = 0; k < n; k++) out[k] = fn(a.data[k] as T, b.data[k] as T);
  return { rows: a.rows, cols: a.cols, data: out };
}

/** `A + B`. */
export const addDense = <T>(f: Field<T>, a: Dense<T>, b: Dense<T>): Dense<T> => zipDense('+', a, b, (x, y) => f.add(x, y));
/** `A − B`. */
export const subDense = <T>(f: Field<T>, a: Dense<T>, b: Dense<T>): Dense<T> => zipDense('−', a, b, (x, y) => f.sub(x, y));
/** `A ⊙ B`. */
export const hadamardDense = <T>(f: Field<T>, a: Dense<T>, b: Dense<T>): Dense<T> => zipDense('⊙', a, b, (x, y) => f.mul(x, y));
/** `−A`. */
export const negDense = <T>(f: Field<T>, a: Dense<T>): Dense<T> => mapDense(a, (x) => f.neg(x));
/** `cA`. */
export const scaleDense = <T>(f: Field<T>, c: T, a: Dense<T>): Dense<T> => mapDense(a, (x) => f.mul(c, x));

/** `Aᵀ`. */
export function transposeDense<T>(a: Dense<T>): Dense<T> {
  const out = new Array<T>(a.rows * a.cols);
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < a.cols; j++) out[j * a.rows + i] = a.data[i * a.cols + j] as T;
  }
  return { rows: a.cols, cols: a.rows, data: out };
}

/** The matrix product `A B` (i-k-j loop order). */
export function matmulDense<T>(f: Field<T>, a: Dense<T>, b: Dense<T>): Dense<T> {
  if (a.cols !== b.rows) linalgError('shape-mismatch', `matrix product: left is ${dims(a)}, right is ${dims(b)}`);
  const n = a.rows;
  const m = b.cols;
  const inner = a.cols;
  const out = new Array<T>(n * m).fill(f.zero);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < inner; k++) {
      const aik = a.data[i * inner + k] as T;
      if (f.isZero(aik)) continue;
      for (let j = 0; j < m; j++) {
        const idx = i * m + j;
        out[idx] = f.add(out[idx] as T, f.mul(aik, b.data[k * m + j] as T));
      }
    }
  }
  return { rows: n, cols: m, data: out };
}

/** The Kronecker product `A ⊗ B`. */
export function kroneckerDense<T>(f: Field<T>, a: Dense<T>, b: Dense<T>): Dense<T> {
  const rows = a.rows * b.rows;
  const cols = a.cols * b.cols;
  const out = new Array<T>(rows * cols);
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < a.cols; j++) {
      const aij = a.data[i * a.cols + j] as T;
      for (let k = 0; k < b.rows; k++) {
        for (let l = 0; l < b.cols; l++) {
          out[(i * b.rows + k) * cols + j * b.cols + l] = f.mul(aij, b.data[k * b.cols + l] as T);
        }
      }
    }
  }
  return { rows, cols, data: out };
}

/** `x^k` for an integer `k ≥ 0` by repeated squaring. */
export function scalarPow<T>(f: Field<T>, x: T, k: number): T {
  let result = f.one;
  let base = x;
  let e = k;
  while (e > 0) {
    if (e & 1) result = f.mul(result, base);
    base = f.mul(base, base);
    e = Math.floor(e / 2);
  }
  return result;
}

/** The Hadamard power `A^⊙k`; a negative `k` inverts every entry and needs every entry nonzero. */
export function hadamardPowerDense<T>(f: Field<T>, a: Dense<T>, k: number): Dense<T> {
  return mapDense(a, (x, i, j) => {
    if (k >= 0) return scalarPow(f, x, k);
    if (f.isZero(x)) {
      linalgError(
        'zero-entry',
        `Hadamard power ${k} needs nonzero entries, but entry (${i + 1},${j + 1}) is 0`,
      );
    }
    return scalarPow(f, f.inv(x), -k);
  });
}

function requireSquare(op: string, a: { rows: number; cols: number }): void {
  if (a.rows !== a.cols) linalgError('not-square', `${op} needs a square matrix, got ${dims(a)}`);
}

/**
 * Gaussian elimination with row pivoting (largest `magnitude`): returns the determinant and,
 * when `rhs` is given, the solution of `A X = rhs` (undefined when singular).
 */
function eliminate<T>(f: Field<T>, a: Dense<T>, rhs?: Dense<T>): { det: T; solution?: Dense<T> } {
  const n = a.rows;
  const m = Array.from(a.data);
  const w = rhs ? rhs.cols : 0;
  const r = rhs ? Array.from(rhs.data) : [];
  let det = f.one;
  // Solving (inverse) treats a negligible float pivot as zero; the determinant keeps it.
  let largest = 0;
  if (rhs && f.name === 'float') for (let k = 0; k < n * n; k++) largest = Math.max(largest, f.magnitude(m[k] as T));
  const tiny = rhs ? f.negligible(n, largest) : 0;
  for (let col = 0; col < n; col++) {
    let best = -1;
    let bestMag = tiny;
    for (let row = col; row < n; row++) {
      const mag = f.magnitude(m[row * n + col] as T);
      if (mag > bestMag) {
        bestMag = mag;
        best = row;
      }
    }
    if (best < 0) return { det: f.zero };
    if (best !== col) {
      swapRows(m, n, col, best);
      swapRows(r, w, col, best);
      det = f.neg(det);
    }
    const pivot = m[col * n + col] as T;
    det = f.mul(det, pivot);
    const pinv = f.inv(pivot);
    for (let row = col + 1; row < n; row++) {
      const factor = f.mul(m[row * n + col] as T, pinv);
      if (f.isZero(factor)) continue;
      for (let j = col; j < n; j++) m[row * n + j] = f.sub(m[row * n + j] as T, f.mul(factor, m[col * n + j] as T));
      for (let j = 0; j < w; j++) r[row * w + j] = f.sub(r[row * w + j] as T, f.mul(factor, r[col * w + j] as T));
    }
  }
  if (!rhs) return { det };
  // Back substitution.
  for (let col = n - 1; col >= 0; col--) {
    const pinv = f.inv(m[col * n + col] as T);
    for (let j = 0; j < w; j++) r[col * w + j] = f.mul(r[col * w + j] as T, pinv);
    for (let row = 0; row < col; row++) {
      const factor = m[row * n + col] as T;
      if (f.isZero(factor)) continue;
      for (let j = 0; j < w; j++) r[row * w + j] = f.sub(r[row * w + j] as T, f.mul(factor, r[col * w + j] as T));
    }
  }
  return { det, solution: { rows: n, cols: w, data: r } };
}

/** The rank of a matrix over an exact field, by row echelon form (any shape). */
export function rankDense<T>(f: Field<T>, a: Dense<T>): number {
  const m = Array.from(a.data);
  const { rows, cols } = a;
  let rank = 0;
  for (let col = 0; col < cols && rank < rows; col++) {
    let pivotRow = -1;
    for (let row = rank; row < rows; row++) if (!f.isZero(m[row * cols + col] as T)) pivotRow = pivotRow < 0 ? row : pivotRow;
    if (pivotRow < 0) continue;
    swapRows(m, cols, rank, pivotRow);
    const pinv = f.inv(m[rank * cols + col] as T);
    for (let row = rank + 1; row < rows; row++) {
      const factor = f.mul(m[row * cols + col] as T, pinv);
      if (f.isZero(factor)) continue;
      for (let j = col; j < cols; j++) m[row * cols + j] = f.sub(m[row * cols + j] as T, f.mul(factor, m[rank * cols + j] as T));
    }
    rank++;
  }
  return rank;
}

/** `det(A)` by Gaussian elimination over the field (exact over rationals and modulo p). */
export function detDense<T>(f: Field<T>, a: Dense<T>): T {
  requireSquare('det', a);
  return eliminate(f, a).det;
}

/** `A⁻¹`; a singular matrix throws code `singular`. */
export function inverseDense<T>(f: Field<T>, a: Dense<T>): Dense<T> {
  requireSquare('inverse', a);
  const { solution } = eliminate(f, a, identityOf(f, a.rows));
  if (!solution) linalgError('singular', `the ${dims(a)} matrix is singular and has no inverse`);
  return solution;
}

/** The matrix power `A^k` (negative `k` inverts first). */
export function matrixPowerDense<T>(f: Field<T>, a: Dense<T>, k: number): Dense<T> {
  requireSquare('matrix power', a);
  let base = k < 0 ? inverseDense(f, a) : a;
  let e = Math.abs(k);
  let result = identityOf(f, a.rows);
  while (e > 0) {
    if (e & 1) result = matmulDense(f, result, base);
    e = Math.floor(e / 2);
    if (e > 0) base = matmulDense(f, base, base);
  }
  return result;
}

/** `tr(A)`. */
export function traceDense<T>(f: Field<T>, a: Dense<T>): T {
  requireSquare('tr', a);
  let s = f.zero;
  for (let i = 0; i < a.rows; i++) s = f.add(s, a.data[i * a.cols + i] as T);
  return s;
}

/** `diag(v)` for a column (or row) vector `v`. */
export function diagDense<T>(f: Field<T>, v: Dense<T>): Dense<T> {
  if (v.cols !== 1 && v.rows !== 1) linalgError('shape-mismatch', `diag needs a vector, got ${dims(v)}`);
  const n = v.rows * v.cols;
  const out = new Array<T>(n * n).fill(f.zero);
  for (let i = 0; i < n; i++) out[i * n + i] = v.data[i] as T;
  return { rows: n, cols: n, data: out };
}

/** `diagvec(A)`: the diagonal of a square matrix as a column vector. */
export function diagvecDense<T>(a: Dense<T>): Dense<T> {
  requireSquare('diagvec', a);
  const out = new Array<T>(a.rows);
  for (let i = 0; i < a.rows; i++) out[i] = a.data[i * a.cols + i] as T;
  return { rows: a.rows, cols: 1, data: out };
}

/** True when the matrices have the same shape and equal entries. */
export function denseEquals<T>(f: Field<T>, a: Dense<T>, b: Dense<T>): boolean {
  if (a.rows !== b.rows || a.cols !== b.cols) return false;
  for (let k = 0; k < a.rows * a.cols; k++) if (!f.equals(a.data[k] as T, b.data[k] as T)) return false;
  return true;
}
