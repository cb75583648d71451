import { determinant, exactMatrix, exactRank, formatRational, quadraticForm, radd, requals, rmul, rsign, rsub, verifyFactorization, ONE, ZERO, type ExactMatrix, type Rational } from '@odot/numeric';
import { rowsFromText, rowsFromYaml } from './givens.ts';

/**
 * A certificate as a student submits it (see the grader README): a vector x (xᵀMx < 0, for "not
 * psd"); a factor L with L Lᵀ = M; a unit lower triangular L with a diagonal D ≥ 0, L D Lᵀ = M;
 * a Gram factor B with M = B Bᵀ (the rows of B are the vectors whose inner products are M); the
 * eigenvalues of M with multiplicities; or a law name (`schur`).
 */
export type PsdCertificateInput =
  | { readonly kind: 'vector'; readonly x: readonly Rational[] }
  | { readonly kind: 'factor'; readonly L: ExactMatrix }
  | { readonly kind: 'ldl'; readonly L: ExactMatrix; readonly D: readonly Rational[] }
  | { readonly kind: 'gram'; readonly B: ExactMatrix }
  | { readonly kind: 'eigenvalues'; readonly values: readonly Rational[] }
  | { readonly kind: 'law'; readonly name: string };

/** A certificate read, or why it could not be. */
export type CertificateReading = { readonly ok: true; readonly value: PsdCertificateInput } | { readonly ok: false; readonly message: string };

function rowsOf(value: unknown): string[][] | undefined {
  return typeof value === 'string' ? rowsFromText(value) : rowsFromYaml(value);
}

/** A vector written `x = (1, -1)`, `(1, -1)`, `[1, -1]`, `[1 -1]`, `(1, -1)ᵀ`, or as a YAML list / one-row or one-column matrix. */
export function readVector(value: unknown): Rational[] | undefined {
  const text = typeof value === 'string' ? value.trim().replace(/^[a-z]\s*=\s*/i, '').replace(/(ᵀ|\^T|')$/, '').trim() : undefined;
  const bracketed =
    text === undefined ? undefined : text.startsWith('(') && text.endsWith(')') ? `[${text.slice(1, -1)}]` : /^[-\d]/.test(text) ? `[${text}]` : text;
  const rows = bracketed === undefined ? rowsOf(value) : rowsFromText(bracketed);
  if (!rows || !(rows.length === 1 || rows.every((r) => r.length === 1))) return undefined;
  return exactMatrix(rows.flat().map((e) => [e])).data.slice();
}

function matrixOf(value: unknown): ExactMatrix | undefined {
  const rows = rowsOf(value);
  return rows ? exactMatrix(rows) : undefined;
}

/** A list of exact numbers (`[0, 2, "1/2"]`); a matrix is read by its diagonal (for D). */
function numbersOf(value: unknown, diagonal = false): Rational[] | undefined {
  const rows = rowsOf(value);
  if (!rows) return undefined;
  const square = rows.length > 1 && rows.every((r) => r.length === rows.length);
  const flat = diagonal && square ? rows.map((r, i) => r[i] as string) : rows.length === 1 || rows.every((r) => r.length === 1) ? rows.flat() : undefined;
  return flat?.map((e) => exactMatrix([[e]]).data[0] as Rational);
}

function readMap(record: Record<string, unknown>): CertificateReading {
  const key = (...names: string[]): unknown => names.map((n) => record[n]).find((v) => v !== undefined);
  const eigen = key('eigenvalues', 'eigenvalue', 'spectrum');
  if (eigen !== undefined) {
    const values = numbersOf(eigen);
    return values ? { ok: true, value: { kind: 'eigenvalues', values } } : { ok: false, message: 'write the eigenvalues as a list of numbers, each repeated by its multiplicity, e.g. {eigenvalues: [0, 2]}' };
  }
  const gram = key('gram', 'B');
  if (gram !== undefined) {
    const B = matrixOf(gram);
    return B ? { ok: true, value: { kind: 'gram', B } } : { ok: false, message: 'write the Gram factor as rows, e.g. {gram: [[1, 0], [1, 1]]} (M = B Bᵀ)' };
  }
  const l = key('L', 'l', 'factor');
  const d = key('D', 'd');
  if (l !== undefined && d !== undefined) {
    const [L, D] = [matrixOf(l), numbersOf(d, true)];
    return L && D ? { ok: true, value: { kind: 'ldl', L, D } } : { ok: false, message: 'write an LDLᵀ certificate as {L: [[1, 0], [l21, 1]], D: [d1, d2]}' };
  }
  if (l !== undefined) {
    const L = matrixOf(l);
    return L ? { ok: true, value: { kind: 'factor', L } } : { ok: false, message: 'write the factor as rows, e.g. {L: [[1, 0], [1, 1]]}' };
  }
  const x = key('x', 'vector');
  if (x !== undefined) {
    const v = readVector(x);
    return v ? { ok: true, value: { kind: 'vector', x: v } } : { ok: false, message: 'write the vector as a list, e.g. {x: [1, -1]}' };
  }
  const law = key('law', 'by');
  if (typeof law === 'string') return { ok: true, value: { kind: 'law', name: law } };
  return { ok: false, message: `unknown certificate fields ${Object.keys(record).join(', ')}: use L (and D), gram, eigenvalues, x or law` };
}

/**
 * Reads a submitted certificate. A bare list or matrix is a vector x for "not psd" and a factor L
 * (L Lᵀ = M) for "psd"; text `x = (…)` or `(…)` is always a vector; a map names its kind (`{L, D}`, `{gram}`, `{eigenvalues}`, `{x}`, `{law}`);
 * other text is a law name.
 */
export function readCertificate(value: unknown, verdict: boolean): CertificateReading {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return readMap(value as Record<string, unknown>);
  const vectorText = typeof value === 'string' && /^\s*(?:[a-z]\s*=|\()/i.test(value);
  if (!verdict || vectorText) {
    const x = readVector(value);
    if (x) return { ok: true, value: { kind: 'vector', x } };
  } else {
    const L = matrixOf(value);
    if (L) return { ok: true, value: { kind: 'factor', L } };
  }
  if (typeof value === 'string' && !/^[[(]|^[a-z]\s*=/i.test(value.trim())) return { ok: true, value: { kind: 'law', name: value } };
  return { ok: false, message: verdict ? 'write the factor as rows, e.g. [[1, 0], [1, 1]]' : 'write the vector as a list, e.g. [1, -1] or x = (1, -1)' };
}

/** A diag(d) Bᵀ (d all ones when absent), exactly; undefined when the inner sizes differ. */
function productT(a: ExactMatrix, b: ExactMatrix, d?: readonly Rational[]): ExactMatrix | undefined {
  if (a.cols !== b.cols || (d !== undefined && d.length !== a.cols)) return undefined;
  const rows = Array.from({ length: a.rows }, (_, i) =>
    Array.from({ length: b.rows }, (_, j) => {
      let s: Rational = ZERO;
      for (let k = 0; k < a.cols; k++) s = radd(s, rmul(rmul(a.data[i * a.cols + k] ?? ZERO, d?.[k] ?? ONE), b.data[j * b.cols + k] ?? ZERO));
      return s;
    }),
  );
  return exactMatrix(rows);
}

/** Why `product` is not M (shape or the first differing entry), or undefined when equal. */
function mismatch(product: ExactMatrix | undefined, m: ExactMatrix, what: string): string | undefined {
  if (!product) return `${what} is not defined: the sizes do not fit`;
  if (product.rows !== m.rows || product.cols !== m.cols) return `${what} is ${product.rows}×${product.cols}, but M is ${m.rows}×${m.cols}`;
  const k = product.data.findIndex((x, idx) => !requals(x, m.data[idx] ?? ZERO));
  if (k < 0) return undefined;
  return `${what} ≠ M: entry (${Math.floor(k / m.cols) + 1},${(k % m.cols) + 1}) is ${formatRational(product.data[k] ?? ZERO)}, but M has ${formatRational(m.data[k] ?? ZERO)}`;
}

/** Checks L D Lᵀ = M with L unit lower triangular and D ≥ 0; undefined when valid, else why not. */
export function checkLdl(m: ExactMatrix, L: ExactMatrix, D: readonly Rational[]): string | undefined {
  const n = m.rows;
  if (L.rows !== n || L.cols !== n) return `L must be ${n}×${n}, like M (yours is ${L.rows}×${L.cols})`;
  if (D.length !== n) return `D must have ${n} diagonal entries (yours has ${D.length})`;
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const want = i === j ? ONE : ZERO;
      const got = L.data[i * n + j] ?? ZERO;
      if (!requals(got, want)) return `L must be unit lower triangular: entry (${i + 1},${j + 1}) is ${formatRational(got)}, not ${formatRational(want)}`;
    }
  }
  const negative = D.findIndex((d) => rsign(d) < 0);
  if (negative >= 0) return `D must be ≥ 0: its entry ${negative + 1} is ${formatRational(D[negative] ?? ZERO)}`;
  if (verifyFactorization(m, Array.from({ length: n }, (_, i) => i), L.data, D)) return undefined;
  return mismatch(productT(L, L, D), m, 'L D Lᵀ') ?? 'L D Lᵀ ≠ M';
}

/** Checks M = B Bᵀ (a Gram factor, or a factor L with L Lᵀ = M); undefined when valid. */
export function checkGram(m: ExactMatrix, B: ExactMatrix, name: 'B Bᵀ' | 'L Lᵀ'): string | undefined {
  return mismatch(productT(B, B), m, name);
}

/** M − λI. */
function shifted(m: ExactMatrix, lambda: Rational): ExactMatrix {
  return { ...m, data: m.data.map((x, k) => (Math.floor(k / m.cols) === k % m.cols ? rsub(x, lambda) : x)) };
}

/**
 * Checks claimed eigenvalues of a symmetric M exactly: each distinct λ has det(M − λI) = 0 and is
 * listed as often as its multiplicity n − rank(M − λI) (for a symmetric matrix, the algebraic
 * multiplicity); `complete` (for "psd") also needs all n of them, `partial` (for "not psd", one
 * negative eigenvalue suffices) at most that often. Undefined when all hold, else why not.
 */
export function checkEigenvalues(m: ExactMatrix, values: readonly Rational[], mode: 'complete' | 'partial'): string | undefined {
  const n = m.rows;
  const distinct = values.filter((v, k) => values.findIndex((w) => requals(v, w)) === k);
  for (const lambda of distinct) {
    const a = shifted(m, lambda);
    const det = determinant(a);
    const l = formatRational(lambda);
    if (det.ok && typeof det.value !== 'number' && rsign(det.value) !== 0) return `${l} is not an eigenvalue of M: det(M − ${l}I) = ${formatRational(det.value)} ≠ 0`;
    const claimed = values.filter((v) => requals(v, lambda)).length;
    const actual = n - exactRank(a);
    if (mode === 'complete' ? claimed !== actual : claimed > actual) return `the eigenvalue ${l} has multiplicity ${actual} (n − rank(M − ${l}I)), not ${claimed}`;
  }
  if (mode === 'complete' && values.length !== n) return `list all ${n} eigenvalues, each repeated by its multiplicity (you gave ${values.length})`;
  return undefined;
}

/** Checks x ≠ 0 has n entries and xᵀMx < 0; undefined when valid. */
export function checkVector(m: ExactMatrix, x: readonly Rational[]): string | undefined {
  if (x.length !== m.rows) return `x must have ${m.rows} entries, like M has rows (yours has ${x.length})`;
  const q = quadraticForm(m, x);
  return rsign(q) < 0 ? undefined : `your vector x = [${x.map(formatRational).join(', ')}] gives xᵀMx = ${formatRational(q)}, which is not negative`;
}

/**
 * The verdict a certificate submitted without yes/no stands for: a vector (or a negative
 * eigenvalue) says "not psd", a factor, LDLᵀ, Gram factor, law or non-negative eigenvalues "psd";
 * undefined when it cannot be read.
 */
export function impliedVerdict(value: unknown): boolean | undefined {
  const asNo = readCertificate(value, false);
  if (asNo.ok && asNo.value.kind === 'vector') return false;
  const asYes = readCertificate(value, true);
  if (!asYes.ok) return undefined;
  if (asYes.value.kind === 'eigenvalues') return asYes.value.values.every((v) => rsign(v) >= 0);
  return asYes.value.kind !== 'vector';
}
