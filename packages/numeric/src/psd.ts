import type { Result } from '@odot/core';
import { fail, odotError, ok } from '@odot/core';
import { swapRows } from './dense.ts';
import { eigenvaluesOfSymmetricData, symmetricData } from './eigen.ts';
import type { ExactMatrix, FloatMatrix, Matrix } from './matrix.ts';
import { toExact, toFloat } from './matrix.ts';
import type { Rational } from './rational.ts';
import { ONE, ZERO, radd, rcmp, rdiv, requals, rmul, rneg, rsign, rsub } from './rational.ts';

/** Which property is tested: positive semidefinite or positive definite. */
export type Definiteness = 'psd' | 'pd';

/** How `psdTest` decides. */
export type PsdMethod = 'float' | 'exact' | 'certificate';

/** Options of `psdTest`. */
export interface PsdOptions {
  readonly method: PsdMethod;
  /** `'psd'` (default) or `'pd'`. */
  readonly property?: Definiteness;
  /** Float method: replaces the default tolerance `16 · n · 2⁻⁵² · ‖A‖_F`. */
  readonly tolerance?: number;
}

/**
 * An exact certificate. `factorization`: PᵀAP = L·diag(D)·Lᵀ with L unit lower triangular and
 * D ≥ 0 (D > 0 for pd); `permutation[a]` is the row of A that becomes row a of PᵀAP.
 * `vector`: a rational x with xᵀAx < 0 (≤ 0 and x ≠ 0 for pd). `asymmetry`: Aᵢⱼ ≠ Aⱼᵢ (1-based),
 * so A is not psd (psd matrices are symmetric by definition here).
 */
export type PsdCertificate =
  | {
      readonly kind: 'factorization';
      readonly permutation: readonly number[];
      readonly L: ExactMatrix;
      readonly D: readonly Rational[];
    }
  | { readonly kind: 'vector'; readonly x: readonly Rational[]; readonly value: Rational }
  | { readonly kind: 'asymmetry'; readonly row: number; readonly col: number };

/** The outcome of a PSD/PD test, with what it used. */
export interface PsdReport {
  readonly property: Definiteness;
  readonly holds: boolean;
  readonly method: PsdMethod;
  /** A sentence saying how the verdict was reached. */
  readonly explanation: string;
  /** Float method: all eigenvalues, ascending. */
  readonly eigenvalues?: Float64Array;
  /** Float method: the tolerance λmin was compared against. */
  readonly tolerance?: number;
  /** Exact methods: the pivots D of the pivoted LDLᵀ (as far as the elimination went). */
  readonly pivots?: readonly Rational[];
  /** Certificate method (and exact method when available): the exact, verified certificate. */
  readonly certificate?: PsdCertificate;
}

const EPS = 2 ** -52;

/** The float tolerance for λmin: `16 · n · 2⁻⁵² · ‖A‖_F` (a backward-stable solver's eigenvalue error is O(n·u·‖A‖₂) ≤ O(n·u·‖A‖_F)). */
export function psdTolerance(m: FloatMatrix): number {
  let s = 0;
  for (let k = 0; k < m.data.length; k++) s += (m.data[k] as number) ** 2;
  return 16 * Math.max(1, m.rows) * EPS * Math.sqrt(s);
}

/** The outcome of exact pivoted LDLᵀ: a factorization (psd) or a vector with xᵀAx < 0 or = 0. */
export interface LdlResult {
  readonly permutation: number[];
  readonly L: Rational[];
  readonly D: Rational[];
  /** Set when the elimination stopped on a witness: y (in permuted coordinates) with yᵀMy < 0. */
  readonly negative?: { readonly x: Rational[]; readonly value: Rational };
}

/** Solves Lᵀz = y (L unit lower triangular, n×n) and scatters z back through the permutation. */
function pullBack(L: readonly Rational[], n: number, perm: readonly number[], y: readonly Rational[]): Rational[] {
  const z = y.slice();
  for (let i = n - 1; i >= 0; i--) {
    let s = z[i] as Rational;
    for (let j = i + 1; j < n; j++) {
      const lji = L[j * n + i] as Rational;
      if (lji.num !== 0n) s = rsub(s, rmul(lji, z[j] as Rational));
    }
    z[i] = s;
  }
  const x = new Array<Rational>(n).fill(ZERO);
  for (let a = 0; a < n; a++) x[perm[a] as number] = z[a] as Rational;
  return x;
}

/** xᵀAx, exactly. */
export function quadraticForm(m: ExactMatrix, x: readonly Rational[]): Rational {
  const n = m.rows;
  let total = ZERO;
  for (let i = 0; i < n; i++) {
    const xi = x[i] as Rational;
    if (xi.num === 0n) continue;
    let row = ZERO;
    for (let j = 0; j < n; j++) {
      const xj = x[j] as Rational;
      if (xj.num !== 0n) row = radd(row, rmul(m.data[i * n + j] as Rational, xj));
    }
    total = radd(total, rmul(xi, row));
  }
  return total;
}

/** The working state of a pivoted LDLᵀ of an n×n matrix: the Schur complement S, L, the permutation and D so far. */
interface LdlState {
  readonly n: number;
  readonly S: Rational[];
  readonly L: Rational[];
  readonly perm: number[];
  readonly D: Rational[];
}

/** The unit vector eⱼ of length n. */
function unitVector(n: number, j: number): Rational[] {
  const y = new Array<Rational>(n).fill(ZERO);
  y[j] = ONE;
  return y;
}

/**
 * The pivot of step k: the largest positive diagonal entry from k on (-1 when all are zero), or a
 * witness direction in permuted coordinates when one is negative.
 */
function choosePivot(st: LdlState, k: number): number | { readonly witness: Rational[] } {
  const { n, S } = st;
  let best = -1;
  for (let j = k; j < n; j++) {
    const djj = S[j * n + j] as Rational;
    if (rsign(djj) < 0) return { witness: unitVector(n, j) };
    if (rsign(djj) > 0 && (best < 0 || rcmp(djj, S[best * n + best] as Rational) > 0)) best = j;
  }
  return best;
}

/** With every remaining diagonal entry 0, a witness eᵢ ∓ eⱼ for the first nonzero entry of the block (undefined: the block is 0, psd). */
function zeroBlockWitness(st: LdlState, k: number): Rational[] | undefined {
  const { n, S } = st;
  for (let i = k; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const sij = S[i * n + j] as Rational;
      if (sij.num === 0n) continue;
      const y = unitVector(n, i);
      y[j] = rsign(sij) > 0 ? rneg(ONE) : ONE;
      return y;
    }
  }
  return undefined;
}

/** Swaps rows and columns a and b of S, the first k columns of rows a and b of L, and the permutation. */
function swapPivot(st: LdlState, a: number, b: number, k: number): void {
  if (a === b) return;
  const { n, S, L, perm } = st;
  swapRows(S, n, a, b);
  for (let i = 0; i < n; i++) {
    const t = S[i * n + a] as Rational;
    S[i * n + a] = S[i * n + b] as Rational;
    S[i * n + b] = t;
  }
  swapRows(L, n, a, b, k);
  const t = perm[a] as number;
  perm[a] = perm[b] as number;
  perm[b] = t;
}

/** Eliminates column k below the pivot S[k][k]: column k of L, and the Schur complement in S. */
function eliminate(st: LdlState, k: number): void {
  const { n, S, L } = st;
  const pivot = S[k * n + k] as Rational;
  st.D.push(pivot);
  for (let i = k + 1; i < n; i++) L[i * n + k] = rdiv(S[i * n + k] as Rational, pivot);
  for (let i = k + 1; i < n; i++) {
    const lik = L[i * n + k] as Rational;
    if (lik.num === 0n) continue;
    for (let j = k + 1; j <= i; j++) {
      const v = rsub(S[i * n + j] as Rational, rmul(lik, S[k * n + j] as Rational));
      S[i * n + j] = v;
      S[j * n + i] = v;
    }
  }
  for (let i = k + 1; i < n; i++) {
    S[i * n + k] = ZERO;
    S[k * n + i] = ZERO;
  }
}

/**
 * Exact LDLᵀ with symmetric (diagonal) pivoting over the rationals, largest diagonal first.
 * A negative diagonal, or a zero diagonal with a nonzero entry in its row, stops it with a
 * witness x (xᵀAx < 0). Never uses leading principal minors. Input must be exactly symmetric.
 */
export function ldlExact(m: ExactMatrix): LdlResult {
  const n = m.rows;
  const L = new Array<Rational>(n * n).fill(ZERO);
  for (let i = 0; i < n; i++) L[i * n + i] = ONE;
  const st: LdlState = { n, S: m.data.slice(), L, perm: Array.from({ length: n }, (_, i) => i), D: [] };
  const result = (): LdlResult => ({ permutation: st.perm, L, D: st.D });
  const witness = (y: Rational[]): LdlResult => {
    const x = pullBack(L, n, st.perm, y);
    return { ...result(), negative: { x, value: quadraticForm(m, x) } };
  };
  for (let k = 0; k < n; k++) {
    const best = choosePivot(st, k);
    if (typeof best !== 'number') return witness(best.witness);
    if (best < 0) {
      // Every remaining diagonal entry is 0: psd only if the whole remaining block is 0.
      const y = zeroBlockWitness(st, k);
      if (y) return witness(y);
      for (let i = k; i < n; i++) st.D.push(ZERO);
      return result();
    }
    swapPivot(st, k, best, k);
    eliminate(st, k);
  }
  return result();
}

/**
 * M = L·diag(D)·Lᵀ without pivoting (L unit lower triangular), exactly; it exists for every psd
 * matrix, since a zero pivot of a psd matrix has a zero column below it. Undefined when a pivot is
 * negative, or zero above a nonzero entry (then M is not psd). Input must be exactly symmetric.
 */
export function unpivotedLdl(m: ExactMatrix): { readonly L: ExactMatrix; readonly D: readonly Rational[] } | undefined {
  const n = m.rows;
  const S = m.data.slice();
  const L = new Array<Rational>(n * n).fill(ZERO);
  const D: Rational[] = [];
  for (let k = 0; k < n; k++) {
    L[k * n + k] = ONE;
    const pivot = S[k * n + k] as Rational;
    if (rsign(pivot) < 0) return undefined;
    if (rsign(pivot) === 0) {
      for (let i = k + 1; i < n; i++) if ((S[i * n + k] as Rational).num !== 0n) return undefined;
      D.push(ZERO);
      continue;
    }
    D.push(pivot);
    for (let i = k + 1; i < n; i++) L[i * n + k] = rdiv(S[i * n + k] as Rational, pivot);
    for (let i = k + 1; i < n; i++) {
      for (let j = k + 1; j < n; j++) S[i * n + j] = rsub(S[i * n + j] as Rational, rmul(L[i * n + k] as Rational, S[k * n + j] as Rational));
    }
  }
  return { L: { kind: 'exact', rows: n, cols: n, data: L }, D };
}

/** Verifies PᵀAP = L·diag(D)·Lᵀ exactly. */
export function verifyFactorization(m: ExactMatrix, perm: readonly number[], L: readonly Rational[], D: readonly Rational[]): boolean {
  const n = m.rows;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let v = ZERO;
      for (let k = 0; k <= j; k++) {
        const lik = L[i * n + k] as Rational;
        const ljk = L[j * n + k] as Rational;
        if (lik.num === 0n || ljk.num === 0n) continue;
        v = radd(v, rmul(rmul(lik, D[k] ?? ZERO), ljk));
      }
      const a = m.data[(perm[i] as number) * n + (perm[j] as number)] as Rational;
      if (!requals(a, v)) return false;
    }
  }
  return true;
}

function firstAsymmetry(m: ExactMatrix): { row: number; col: number } | undefined {
  const n = m.rows;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      if (!requals(m.data[i * n + j] as Rational, m.data[j * n + i] as Rational)) return { row: i + 1, col: j + 1 };
    }
  }
  return undefined;
}

function exactReport(m: ExactMatrix, property: Definiteness, method: PsdMethod): Result<PsdReport> {
  const asym = firstAsymmetry(m);
  if (asym) {
    return ok({
      property,
      holds: false,
      method,
      explanation: `not symmetric: entry (${asym.row},${asym.col}) differs from (${asym.col},${asym.row})`,
      certificate: { kind: 'asymmetry', ...asym },
    });
  }
  const r = ldlExact(m);
  const n = m.rows;
  const L: ExactMatrix = { kind: 'exact', rows: n, cols: n, data: r.L };
  if (r.negative) {
    if (rsign(r.negative.value) >= 0) throw new Error('LDLᵀ witness failed exact verification');
    return ok({
      property,
      holds: false,
      method,
      explanation: `exact LDLᵀ with symmetric pivoting found x with xᵀAx = ${fmt(r.negative.value)} < 0 (verified exactly)`,
      pivots: r.D,
      certificate: { kind: 'vector', x: r.negative.x, value: r.negative.value },
    });
  }
  if (!verifyFactorization(m, r.permutation, r.L, r.D)) throw new Error('LDLᵀ factorization failed exact verification');
  const zeroAt = r.D.findIndex((d) => d.num === 0n);
  if (property === 'pd' && zeroAt >= 0) {
    const y = new Array<Rational>(n).fill(ZERO);
    y[zeroAt] = ONE;
    const x = pullBack(r.L, n, r.permutation, y);
    const value = quadraticForm(m, x);
    if (value.num !== 0n) throw new Error('null-vector witness failed exact verification');
    return ok({
      property,
      holds: false,
      method,
      explanation: `psd but singular: pivot ${zeroAt + 1} of the exact LDLᵀ is 0, so x ≠ 0 has xᵀAx = 0 (verified exactly)`,
      pivots: r.D,
      certificate: { kind: 'vector', x, value },
    });
  }
  return ok({
    property,
    holds: true,
    method,
    explanation: `exact LDLᵀ with symmetric pivoting: PᵀAP = LDLᵀ with every pivot ${property === 'pd' ? '> 0' : '≥ 0'} (verified exactly)`,
    pivots: r.D,
    certificate: { kind: 'factorization', permutation: r.permutation, L, D: r.D },
  });
}

function fmt(r: Rational): string {
  return r.den === 1n ? r.num.toString() : `${r.num}/${r.den}`;
}

function floatReport(m: FloatMatrix, property: Definiteness, tolerance: number | undefined): Result<PsdReport> {
  const data = symmetricData(m);
  if (!data.ok) {
    if (data.error.code !== 'not-symmetric') return data;
    return ok({ property, holds: false, method: 'float', explanation: data.error.message });
  }
  const values = eigenvaluesOfSymmetricData(data.value, m.rows);
  if (!values) return fail(odotError('no-convergence', 'the QL iteration did not converge'));
  const tol = tolerance ?? psdTolerance(m);
  const min = values.length > 0 ? (values[0] as number) : 0;
  const holds = property === 'psd' ? min >= -tol : min > tol;
  const relation = property === 'psd' ? (holds ? '≥' : '<') : holds ? '>' : '≤';
  const bound = property === 'psd' ? `−${tol.toExponential(2)}` : tol.toExponential(2);
  return ok({
    property,
    holds,
    method: 'float',
    explanation: `float eigenvalues (Householder + implicit QL): λmin = ${min.toExponential(6)} ${relation} ${bound} (tolerance 16·n·u·‖A‖_F)`,
    eigenvalues: values,
    tolerance: tol,
  });
}

/**
 * Tests positive semidefiniteness (or definiteness) three ways: `float` (smallest eigenvalue
 * against a tolerance scaled by ‖A‖ and n; reports the eigenvalues), `exact` (LDLᵀ with
 * symmetric pivoting over the rationals) and `certificate` (the exact LDLᵀ plus its verified
 * certificate: the factor PᵀAP = LDLᵀ for yes, a vector x with xᵀAx < 0 for no). Float
 * inputs to the exact methods are taken at their exact binary values.
 */
export function psdTest(m: Matrix, options: PsdOptions): Result<PsdReport> {
  const property = options.property ?? 'psd';
  if (m.rows !== m.cols) return fail(odotError('not-square', `psd needs a square matrix, got ${m.rows}×${m.cols}`));
  if (options.method === 'float') return floatReport(toFloat(m), property, options.tolerance);
  return exactReport(toExact(m), property, options.method);
}

/** Exact psd/pd verdict (used by claims in exact evaluation). */
export function exactPsdVerdict(m: ExactMatrix, property: Definiteness): boolean {
  if (m.rows !== m.cols) return false;
  const r = exactReport(m, property, 'exact');
  return r.ok && r.value.holds;
}

/** Float psd/pd verdict (used by claims in float evaluation). */
export function floatPsdVerdict(m: FloatMatrix, property: Definiteness): boolean {
  if (m.rows !== m.cols) return false;
  const r = floatReport(m, property, undefined);
  return r.ok && r.value.holds;
}
