import { OdotException, odotError } from '@odot/core';
import type { Rational } from './rational.ts';
import { formatRational, parseRational, rational, rationalFromNumber, rationalToNumber } from './rational.ts';

/** A dense matrix of exact rationals, row-major: entry (i, j) (0-based) is `data[i * cols + j]`. */
export interface ExactMatrix {
  readonly kind: 'exact';
  readonly rows: number;
  readonly cols: number;
  readonly data: readonly Rational[];
}

/** A dense matrix of doubles, row-major in a `Float64Array`. */
export interface FloatMatrix {
  readonly kind: 'float';
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

/** A dense matrix: exact or float, with one API (the operations accept either and mix to float). */
export type Matrix = ExactMatrix | FloatMatrix;

/** An entry given to a constructor: a number (must be an integer or is taken exactly), a bigint, a `Rational`, or text such as `"-1/2"` or `"0.25"`. */
export type EntryInput = number | bigint | string | Rational;

function toRational(x: EntryInput): Rational {
  if (typeof x === 'bigint') return { num: x, den: 1n };
  if (typeof x === 'number') return rationalFromNumber(x);
  if (typeof x === 'string') {
    const r = parseRational(x);
    if (!r) throw new OdotException(odotError('bad-number', `not a number: ${JSON.stringify(x)}`));
    return r;
  }
  return rational(x.num, x.den);
}

/** An exact matrix from rows of entries; doubles are converted exactly (0.1 becomes its dyadic value, so prefer strings such as "0.1"). */
export function exactMatrix(rows: readonly (readonly EntryInput[])[]): ExactMatrix {
  const r = rows.length;
  const c = rows[0]?.length ?? 0;
  const data: Rational[] = [];
  for (const row of rows) {
    if (row.length !== c) throw new OdotException(odotError('ragged-matrix', 'every row must have the same length'));
    for (const x of row) data.push(toRational(x));
  }
  return { kind: 'exact', rows: r, cols: c, data };
}

/** A float matrix from rows of numbers. */
export function floatMatrix(rows: readonly (readonly number[])[]): FloatMatrix {
  const r = rows.length;
  const c = rows[0]?.length ?? 0;
  const data = new Float64Array(r * c);
  rows.forEach((row, i) => {
    if (row.length !== c) throw new OdotException(odotError('ragged-matrix', 'every row must have the same length'));
    data.set(row, i * c);
  });
  return { kind: 'float', rows: r, cols: c, data };
}

/** An exact matrix from its row-major data. */
export function exactFromData(rows: number, cols: number, data: readonly Rational[]): ExactMatrix {
  return { kind: 'exact', rows, cols, data };
}

/** A float matrix from its row-major data. */
export function floatFromData(rows: number, cols: number, data: Float64Array | readonly number[]): FloatMatrix {
  return { kind: 'float', rows, cols, data: data instanceof Float64Array ? data : Float64Array.from(data) };
}

/** The float version of a matrix (nearest doubles). */
export function toFloat(m: Matrix): FloatMatrix {
  if (m.kind === 'float') return m;
  const data = new Float64Array(m.data.length);
  for (let k = 0; k < data.length; k++) data[k] = rationalToNumber(m.data[k] as Rational);
  return { kind: 'float', rows: m.rows, cols: m.cols, data };
}

/** The exact version of a matrix (every double is converted to its exact dyadic value). */
export function toExact(m: Matrix): ExactMatrix {
  if (m.kind === 'exact') return m;
  return { kind: 'exact', rows: m.rows, cols: m.cols, data: Array.from(m.data, rationalFromNumber) };
}

/** Entry (i, j), 0-based, as a double. */
export function entryAsNumber(m: Matrix, i: number, j: number): number {
  const x = m.data[i * m.cols + j];
  if (x === undefined) throw new RangeError(`entry (${i},${j}) outside ${m.rows}×${m.cols}`);
  return typeof x === 'number' ? x : rationalToNumber(x);
}

/** The rows as nested arrays of entry strings (`"7"`, `"-1/2"`; floats as JS number text). */
export function matrixRows(m: Matrix): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < m.rows; i++) {
    const row: string[] = [];
    for (let j = 0; j < m.cols; j++) {
      const x = m.data[i * m.cols + j] as Rational | number;
      row.push(typeof x === 'number' ? String(x) : formatRational(x));
    }
    out.push(row);
  }
  return out;
}

/** Prints a matrix with aligned columns, one row per line: `[ 7  16  27 ]`. */
export function formatMatrix(m: Matrix): string {
  const rows = matrixRows(m);
  const widths: number[] = [];
  for (const row of rows) row.forEach((s, j) => (widths[j] = Math.max(widths[j] ?? 0, s.length)));
  return rows.map((row) => `[ ${row.map((s, j) => s.padStart(widths[j] ?? 0)).join('  ')} ]`).join('\n');
}
