import type { Matrix } from './matrix.ts';
import { formatMatrix, matrixRows, toExact } from './matrix.ts';
import type { Rational } from './rational.ts';
import { formatRational, rational, rationalFromNumber, decimalOf, requals } from './rational.ts';

/** A scalar: an exact `Rational`, or a `number` when it came from float evaluation. */
export interface ScalarValue {
  readonly kind: 'scalar';
  readonly value: Rational | number;
}

/** The truth value of a relation (`=`, `≠`) or a property claim (`X ⪰ 0`, `diagonal(X)`). */
export interface BooleanValue {
  readonly kind: 'boolean';
  readonly value: boolean;
}

/**
 * What evaluation produces and bindings hold: a scalar, a matrix (`kind: 'exact' | 'float'`),
 * or a boolean for statements. A column vector is an n×1 matrix.
 */
export type Value = ScalarValue | Matrix | BooleanValue;

/** An exact scalar value. */
export function scalarValue(x: Rational | number | bigint): ScalarValue {
  return { kind: 'scalar', value: typeof x === 'bigint' ? rational(x) : x };
}

/** True for matrix values. */
export function isMatrix(v: Value): v is Matrix {
  return v.kind === 'exact' || v.kind === 'float';
}

/** The JSON shape: `[m, n]` for a matrix, `[]` for scalars and booleans. */
export function valueShape(v: Value): number[] {
  return isMatrix(v) ? [v.rows, v.cols] : [];
}

/** Prints a value for people: a matrix as aligned rows, a scalar as `7`, `-1/2` or a float. */
export function formatValue(v: Value): string {
  switch (v.kind) {
    case 'scalar':
      return typeof v.value === 'number' ? String(v.value) : formatRational(v.value);
    case 'boolean':
      return v.value ? 'true' : 'false';
    case 'exact':
    case 'float':
      return formatMatrix(v);
  }
}

/** JSON form `{"shape":[m,n],"value":[[…]]}`: entries as strings (`"7"`, `"-1/2"`) when `exact`, else numbers. */
export function valueToJson(v: Value, exact: boolean): { shape: number[]; value: unknown } {
  const shape = valueShape(v);
  switch (v.kind) {
    case 'boolean':
      return { shape, value: v.value };
    case 'scalar': {
      if (exact) return { shape, value: typeof v.value === 'number' ? formatRational(rationalFromNumber(v.value)) : formatRational(v.value) };
      return { shape, value: typeof v.value === 'number' ? v.value : decimalOf(v.value) };
    }
    case 'exact':
    case 'float': {
      if (exact) return { shape, value: matrixRows(toExact(v)) };
      // An exact entry outside the range of doubles is a string in scientific notation, never Infinity or 0.
      const rows: (number | string)[][] = [];
      for (let i = 0; i < v.rows; i++) {
        const row: (number | string)[] = [];
        for (let j = 0; j < v.cols; j++) {
          const x = v.data[i * v.cols + j] as Rational | number;
          row.push(typeof x === 'number' ? x : decimalOf(x));
        }
        rows.push(row);
      }
      return { shape, value: rows };
    }
  }
}

/** Exact equality of two values (floats compared by their exact values; a float never equals an exact value unless numerically identical). */
export function valuesEqual(a: Value, b: Value): boolean {
  if (a.kind === 'boolean' || b.kind === 'boolean') return a.kind === 'boolean' && b.kind === 'boolean' && a.value === b.value;
  if (a.kind === 'scalar' || b.kind === 'scalar') {
    if (a.kind !== 'scalar' || b.kind !== 'scalar') return false;
    const x = typeof a.value === 'number' ? rationalFromNumber(a.value) : a.value;
    const y = typeof b.value === 'number' ? rationalFromNumber(b.value) : b.value;
    return requals(x, y);
  }
  if (a.rows !== b.rows || a.cols !== b.cols) return false;
  const x = toExact(a);
  const y = toExact(b);
  return x.data.every((r, k) => requals(r, y.data[k] as Rational));
}
