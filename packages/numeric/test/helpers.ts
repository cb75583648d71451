import type { Givens } from '@odot/core';
import { givensFrom } from '@odot/core';
import { parseDeclarations, parseExpr } from '@odot/parser';
import type { Bindings, EvaluateOptions } from '../src/evaluate.ts';
import { evaluate } from '../src/evaluate.ts';
import type { ExactMatrix, Matrix } from '../src/matrix.ts';
import { exactMatrix } from '../src/matrix.ts';
import type { Rational } from '../src/rational.ts';
import { formatRational } from '../src/rational.ts';
import type { Rng } from '../src/rng.ts';
import type { Value } from '../src/value.ts';

/** Parses and evaluates; throws with the error message on failure (tests assert on values). */
export function ev(text: string, bindings: Bindings = {}, options: EvaluateOptions = {}): Value {
  const r = evaluate(parseExpr(text), bindings, options);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

/** Parses and evaluates, expecting a failure; returns the error. */
export function evError(text: string, bindings: Bindings = {}, options: EvaluateOptions = {}) {
  const r = evaluate(parseExpr(text), bindings, options);
  if (r.ok) throw new Error(`expected an error, got ${JSON.stringify(r.value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v))}`);
  return r.error;
}

/** Givens from declaration text. */
export function givens(text: string): Givens {
  const r = parseDeclarations(text);
  if (!r.ok) throw new Error(r.error.message);
  return givensFrom(r.value);
}

/** A matrix as rows of strings ("7", "-1/2"), for toEqual. */
export function rowsOf(v: Value): string[][] {
  if (v.kind !== 'exact') throw new Error(`expected an exact matrix, got ${v.kind}`);
  const out: string[][] = [];
  for (let i = 0; i < v.rows; i++) out.push(v.data.slice(i * v.cols, (i + 1) * v.cols).map(formatRational));
  return out;
}

/** A scalar as a string. */
export function scalarOf(v: Value): string {
  if (v.kind !== 'scalar') throw new Error(`expected a scalar, got ${v.kind}`);
  return typeof v.value === 'number' ? String(v.value) : formatRational(v.value);
}

/** Integer matrix as plain numbers (the independent reference arithmetic: exact for small integers). */
export type Num = number[][];

/** A random integer matrix with entries in [−r, r]. */
export function randomInts(rng: Rng, rows: number, cols: number, r = 4): Num {
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => rng.int(-r, r)));
}

/** Plain-number matrix → exact matrix. */
export function ex(m: Num): ExactMatrix {
  return exactMatrix(m);
}

/** Exact matrix of integers → plain numbers (throws on a fraction). */
export function toNum(v: Value | Matrix): Num {
  if (v.kind !== 'exact') throw new Error('expected an exact matrix');
  return rowsOf(v).map((row) => row.map((s) => {
    if (s.includes('/')) throw new Error(`not an integer: ${s}`);
    return Number(s);
  }));
}

/** Reference product by the definition. */
export function refMatmul(a: Num, b: Num): Num {
  return a.map((row) => (b[0] ?? []).map((_, j) => row.reduce((s, x, k) => s + x * (b[k]?.[j] ?? 0), 0)));
}

/** Reference determinant by cofactor expansion along the first row. */
export function refDet(a: Num): number {
  const n = a.length;
  if (n === 0) return 1;
  if (n === 1) return a[0]?.[0] ?? 0;
  let s = 0;
  for (let j = 0; j < n; j++) {
    const minor = a.slice(1).map((row) => row.filter((_, c) => c !== j));
    s += (j % 2 === 0 ? 1 : -1) * (a[0]?.[j] ?? 0) * refDet(minor);
  }
  return s;
}

/** Rational to text. */
export const fr = (r: Rational): string => formatRational(r);
