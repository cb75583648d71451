import { OdotException, odotError } from '@odot/core';
import { determinant, exactMatrix, psdTest, radd, rational, requals, rmul, rsign, ZERO, type ExactMatrix, type Rational } from '@odot/numeric';
import type { Rng } from './rng.ts';
import type { RandomConstraint, RandomMatrixGiven } from './worksheet.ts';

/** How many draws a constrained random matrix gets before the worksheet is reported as impossible. */
export const MAX_DRAWS = 1000;

/** An integer uniform in `min..max`, skipping 0 when `nonzero` (one draw from the stream either way). */
function drawInteger(rng: Rng, min: number, max: number, nonzero: boolean): number {
  if (!nonzero || min > 0 || max < 0) return rng.int(min, max);
  const v = rng.int(min, max - 1);
  return v >= 0 ? v + 1 : v;
}

/** One entry: an integer in min..max, or a rational p/q with q in 1..6 and p/q in min..max. */
function drawEntry(spec: RandomMatrixGiven, rng: Rng): Rational {
  const nonzero = spec.constraints.includes('nonzero');
  if (spec.numbers === 'integers') return rational(drawInteger(rng, spec.min, spec.max, nonzero));
  const q = rng.int(1, 6);
  return rational(drawInteger(rng, spec.min * q, spec.max * q, nonzero), q);
}

function grid(r: number, c: number, f: (i: number, j: number) => Rational): Rational[][] {
  return Array.from({ length: r }, (_, i) => Array.from({ length: c }, (_, j) => f(i, j)));
}

/** One draw of the spec's structure (the original forms draw exactly as they always did). */
function drawOnce(spec: RandomMatrixGiven, rng: Rng): Rational[][] {
  const { rows, cols } = spec;
  const draw = (): Rational => drawEntry(spec, rng);
  const symmetric = spec.constraints.some((c) => c === 'symmetric' || c === 'psd' || c === 'pd');
  const structure = spec.structure === 'general' && symmetric ? 'symmetric' : spec.structure;
  switch (structure) {
    case 'general':
    case 'binary':
      return grid(rows, cols, draw);
    case 'diagonal':
      return grid(rows, cols, (i, j) => (i === j ? draw() : ZERO));
    case 'symmetric': {
      const upper = grid(rows, cols, draw);
      return grid(rows, cols, (i, j) => (i <= j ? (upper[i]?.[j] ?? ZERO) : (upper[j]?.[i] ?? ZERO)));
    }
    case 'psd': {
      // B Bᵀ for a random B: positive semidefinite by construction.
      const b = grid(rows, cols, draw);
      return grid(rows, cols, (i, j) => (b[i] ?? []).reduce((s, x, k) => radd(s, rmul(x, b[j]?.[k] ?? ZERO)), ZERO));
    }
  }
}

/** Whether `m` satisfies one constraint, decided exactly (det over the rationals, psd/pd by exact LDLᵀ). */
export function satisfies(m: ExactMatrix, constraint: RandomConstraint, structure: RandomMatrixGiven['structure']): boolean {
  const at = (i: number, j: number): Rational => m.data[i * m.cols + j] ?? ZERO;
  switch (constraint) {
    case 'nonzero':
      return m.data.every((x, k) => rsign(x) !== 0 || (structure === 'diagonal' && Math.floor(k / m.cols) !== k % m.cols));
    case 'invertible': {
      const det = determinant(m);
      return det.ok && typeof det.value !== 'number' && rsign(det.value) !== 0;
    }
    case 'symmetric':
      return m.data.every((x, k) => requals(x, at(k % m.cols, Math.floor(k / m.cols))));
    case 'psd':
    case 'pd': {
      const report = psdTest(m, { method: 'exact', property: constraint });
      return report.ok && report.value.holds;
    }
  }
}

/**
 * Draws the matrix of a random spec from `rng`: the structure as written, then (when the spec has
 * constraints) drawn again until every constraint holds exactly, at most `MAX_DRAWS` times.
 * Deterministic for a given stream. Throws an `OdotException` (`bad-given`) when no draw satisfies them.
 */
export function drawRandomMatrix(spec: RandomMatrixGiven, rng: Rng): ExactMatrix {
  for (let attempt = 0; attempt < MAX_DRAWS; attempt++) {
    const m = exactMatrix(drawOnce(spec, rng));
    if (spec.constraints.every((c) => satisfies(m, c, spec.structure))) return m;
  }
  throw new OdotException(
    odotError('bad-given', `${spec.name}: no matrix for '${spec.spec}' satisfied ${spec.constraints.join(', ')} in ${MAX_DRAWS} draws`, {
      hints: ['widen the range, drop a constraint, or use a structure that guarantees it (e.g. `random 3×3 psd integers -2..2` draws B Bᵀ)'],
    }),
  );
}
