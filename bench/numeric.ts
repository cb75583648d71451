// Numeric benchmarks: odot's Float64 kernels against a raw loop, math.js and ml-matrix, in one process.
import type { FloatMatrix, Matrix } from '@odot/numeric';
import { createRng, hadamardProduct, matrixProduct, symmetricEigen, symmetricEigenvalues } from '@odot/numeric';
import { dotMultiply, matrix as mathMatrix } from 'mathjs';
import { EigenvalueDecomposition, Matrix as MlMatrix } from 'ml-matrix';
import { compare as compareWith } from './timing.ts';

/** `compare` with this area's defaults: at least 7 rounds, at most 200. */
const compare = (ours: () => unknown, peer: () => unknown, budgetMs = 1500) =>
  compareWith(ours, peer, { budgetMs, minRounds: 7, maxRounds: 200 });

function randomFloat(rows: number, cols: number, seed: number): FloatMatrix {
  const rng = createRng(seed);
  return { kind: 'float', rows, cols, data: Float64Array.from({ length: rows * cols }, () => rng.normal()) };
}

function symmetric(n: number, seed: number): FloatMatrix {
  const m = randomFloat(n, n, seed);
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) m.data[j * n + i] = m.data[i * n + j] as number;
  return m;
}

function rows2d(m: FloatMatrix): number[][] {
  return Array.from({ length: m.rows }, (_, i) => Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)));
}

function unwrap(r: { ok: true; value: Matrix } | { ok: false; error: { message: string } }): Matrix {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

interface Row {
  readonly task: string;
  readonly peer: string;
  readonly odotMs: number;
  readonly peerMs: number;
  readonly target: string;
}

function report(rows: readonly Row[]): void {
  const lines = rows.map((r) => {
    const ratio = r.odotMs / r.peerMs;
    return [
      r.task.padEnd(30),
      r.peer.padEnd(34),
      `${r.odotMs.toFixed(3)} ms`.padStart(11),
      `${r.peerMs.toFixed(3)} ms`.padStart(11),
      `odot/peer ${ratio.toFixed(3)}`.padStart(17),
      `(${ratio < 1 ? `${(1 / ratio).toFixed(1)}× faster` : `${ratio.toFixed(2)}× slower`})`.padStart(16),
      `  target: ${r.target}`,
    ].join(' ');
  });
  console.log(['task'.padEnd(30), 'peer'.padEnd(34), 'odot'.padStart(11), 'peer'.padStart(11)].join(' '));
  for (const line of lines) console.log(line);
}

/** Runs the numeric benchmarks and prints side-by-side timings with ratios. */
export async function run(): Promise<void> {
  const rows: Row[] = [];

  // Hadamard product of two 1000×1000 float matrices (each call allocates its result, like the peers).
  const a = randomFloat(1000, 1000, 1);
  const b = randomFloat(1000, 1000, 2);
  const ours = (): Matrix => unwrap(hadamardProduct(a, b));
  const raw = (): Float64Array => {
    const x = a.data;
    const y = b.data;
    const out = new Float64Array(x.length);
    for (let k = 0; k < x.length; k++) out[k] = (x[k] as number) * (y[k] as number);
    return out;
  };
  const ma = mathMatrix(rows2d(a));
  const mb = mathMatrix(rows2d(b));
  const mla = new MlMatrix(rows2d(a));
  const mlb = new MlMatrix(rows2d(b));
  rows.push({ task: '⊙ 1000×1000', peer: 'raw Float64Array loop', ...compare(ours, raw), target: '≤ 1.25' });
  rows.push({ task: '⊙ 1000×1000', peer: 'math.js dotMultiply', ...compare(ours, () => dotMultiply(ma, mb), 3000), target: '≤ 0.05 (20× faster)' });
  rows.push({ task: '⊙ 1000×1000', peer: 'ml-matrix Matrix.mul', ...compare(ours, () => MlMatrix.mul(mla, mlb)), target: '—' });

  // Matrix product 300×300.
  const c = randomFloat(300, 300, 3);
  const d = randomFloat(300, 300, 4);
  const mlc = new MlMatrix(rows2d(c));
  const mld = new MlMatrix(rows2d(d));
  rows.push({
    task: 'matmul 300×300',
    peer: 'ml-matrix mmul',
    ...compare(() => unwrap(matrixProduct(c, d)), () => mlc.mmul(mld), 3000),
    target: '≤ 0.5 (2× faster)',
  });

  // Symmetric eigenvalues 200×200 (ml-matrix always computes vectors too; it has no values-only mode).
  const s = symmetric(200, 5);
  const mls = new MlMatrix(rows2d(s));
  const peerEig = (): number[] => new EigenvalueDecomposition(mls, { assumeSymmetric: true }).realEigenvalues;
  rows.push({ task: 'sym. eigenvalues 200×200', peer: 'ml-matrix EigenvalueDecomposition', ...compare(() => symmetricEigenvalues(s), peerEig, 3000), target: '≤ 0.5' });
  rows.push({ task: 'sym. eigen + vectors 200×200', peer: 'ml-matrix EigenvalueDecomposition', ...compare(() => symmetricEigen(s), peerEig, 3000), target: '—' });

  report(rows);
}
