import type { Expr, Givens, OdotError, Property, Result } from '@odot/core';
import { LimitReached, OdotException, fail, formatShape, odotError, ok } from '@odot/core';
import type { Dense } from './dense.ts';
import type { ConcreteShape, GValue, GenericContext } from './evaluate-generic.ts';
import { evaluateGeneric } from './evaluate-generic.ts';
import type { Field } from './field.ts';
import { FLOAT_FIELD, RATIONAL_FIELD } from './field.ts';
import type { Matrix } from './matrix.ts';
import { toFloat } from './matrix.ts';
import { floatPsdVerdict, exactPsdVerdict } from './psd.ts';
import type { Rational } from './rational.ts';
import { rationalFromNumber, rationalToNumber, rsign } from './rational.ts';
import { shapeOracle } from './shape-context.ts';
import type { Value } from './value.ts';
import { isMatrix } from './value.ts';

/** Values for symbols: a `Map` or a plain record from name to `Value`. */
export type Bindings = ReadonlyMap<string, Value> | Readonly<Record<string, Value>>;

/** A name → number table, as a `Map` or a record. */
export type NumberTable = ReadonlyMap<string, number> | Readonly<Record<string, number>>;

/** Options for `evaluate`. */
export interface EvaluateOptions {
  /** `'exact'` (rationals; the default when every binding is exact) or `'float'` (the default when some binding is float). */
  readonly mode?: 'exact' | 'float';
  /** Declarations: give symbolic sizes (`I_n` with `A: n×n` bound) and are checked against the bindings. */
  readonly givens?: Givens;
  /** Values of index symbols in entries, `A[i,j]` (1-based). */
  readonly indices?: NumberTable;
  /** Ranges of summation indices, when no entry in the body tells (`Σ_k` over 1..n). */
  readonly sumRanges?: NumberTable;
  /** Sizes of symbolic dimensions, in addition to those read off the bindings. */
  readonly dims?: NumberTable;
  /** Largest |k| in `A^k` and `A^⊙k` (default 4096). */
  readonly maxExponent?: number;
  /** Relative tolerance of `=` in float mode (default 1e-9): |a − b| ≤ tol · max(1, max |entry|). */
  readonly floatTolerance?: number;
}

/** Default relative tolerance of float equality. */
export const FLOAT_EQUAL_TOLERANCE = 1e-9;

/** Turns a `Map` or a record into a `Map`. */
export function toMap<V>(table: ReadonlyMap<string, V> | Readonly<Record<string, V>> | undefined): Map<string, V> {
  if (table === undefined) return new Map();
  if (table instanceof Map) return new Map(table as ReadonlyMap<string, V>);
  return new Map(Object.entries(table as Readonly<Record<string, V>>));
}

/** The concrete shape of a value. */
export function shapeOfValue(v: Value): ConcreteShape {
  return isMatrix(v) ? { rows: v.rows, cols: v.cols } : 'scalar';
}

/**
 * Reads symbolic dimension sizes off the bindings (`A: m×n` bound to a 2×3 matrix gives m = 2,
 * n = 3) and checks each binding against its declaration.
 */
export function dimsFromBindings(
  givens: Givens | undefined,
  bindings: ReadonlyMap<string, Value>,
  extra: ReadonlyMap<string, number> = new Map(),
): Result<Map<string, number>> {
  const out = new Map(extra);
  for (const [name, value] of bindings) {
    const info = givens?.get(name);
    if (!info) continue;
    const declared = info.shape;
    if (declared.kind === 'scalar') {
      if (isMatrix(value)) return fail(odotError('binding-shape', `${name} is declared scalar but bound to a ${value.rows}×${value.cols} matrix`));
      continue;
    }
    if (!isMatrix(value)) return fail(odotError('binding-shape', `${name} is declared ${formatShape(declared)} but bound to a ${value.kind}`));
    const pairs: [typeof declared.rows, number][] = [
      [declared.rows, value.rows],
      [declared.cols, value.cols],
    ];
    for (const [d, actual] of pairs) {
      if (typeof d === 'number') {
        if (d !== actual) {
          return fail(odotError('binding-shape', `${name} is declared ${formatShape(declared)} but bound to a ${value.rows}×${value.cols} matrix`));
        }
        continue;
      }
      if (typeof d !== 'string') continue; // a product m·p: checked through its factors' sizes
      const before = out.get(d);
      if (before !== undefined && before !== actual) {
        return fail(odotError('binding-shape', `${name} is declared ${formatShape(declared)}, so ${d} = ${actual}, but ${d} = ${before} elsewhere`));
      }
      out.set(d, actual);
    }
  }
  return ok(out);
}

function claimOverRationals(property: Property, m: Dense<Rational>): boolean {
  const { rows, cols, data } = m;
  const at = (i: number, j: number): Rational => data[i * cols + j] as Rational;
  switch (property) {
    case 'diagonal':
      if (rows !== cols) return false;
      for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) if (i !== j && at(i, j).num !== 0n) return false;
      return true;
    case 'symmetric':
      if (rows !== cols) return false;
      for (let i = 0; i < rows; i++) {
        for (let j = 0; j < i; j++) if (at(i, j).num !== at(j, i).num || at(i, j).den !== at(j, i).den) return false;
      }
      return true;
    case 'nonnegative':
      return Array.from(data).every((x) => rsign(x) >= 0);
    case 'binary':
      return Array.from(data).every((x) => x.den === 1n && (x.num === 0n || x.num === 1n));
    case 'psd':
    case 'pd':
      return exactPsdVerdict({ kind: 'exact', rows, cols, data: Array.from(data) }, property);
  }
}

function claimOverFloats(property: Property, m: Dense<number>, tol: number): boolean {
  const { rows, cols, data } = m;
  const at = (i: number, j: number): number => data[i * cols + j] as number;
  let scale = 1;
  for (let k = 0; k < data.length; k++) scale = Math.max(scale, Math.abs(data[k] as number));
  switch (property) {
    case 'diagonal':
      if (rows !== cols) return false;
      for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) if (i !== j && at(i, j) !== 0) return false;
      return true;
    case 'symmetric':
      if (rows !== cols) return false;
      for (let i = 0; i < rows; i++) for (let j = 0; j < i; j++) if (Math.abs(at(i, j) - at(j, i)) > tol * scale) return false;
      return true;
    case 'nonnegative':
      return Array.from(data).every((x) => x >= 0);
    case 'binary':
      return Array.from(data).every((x) => x === 0 || x === 1);
    case 'psd':
    case 'pd':
      return floatPsdVerdict({ kind: 'float', rows, cols, data: Float64Array.from(data) }, property);
  }
}

function floatClose(tol: number): (a: Dense<number>, b: Dense<number>) => boolean {
  return (a, b) => {
    let scale = 1;
    for (let k = 0; k < a.data.length; k++) scale = Math.max(scale, Math.abs(a.data[k] as number), Math.abs(b.data[k] as number));
    for (let k = 0; k < a.data.length; k++) if (!(Math.abs((a.data[k] as number) - (b.data[k] as number)) <= tol * scale)) return false;
    return true;
  };
}

function exactToGeneric(v: Value): GValue<Rational> {
  switch (v.kind) {
    case 'scalar':
      return { k: 'scalar', v: typeof v.value === 'number' ? rationalFromNumber(v.value) : v.value };
    case 'boolean':
      return { k: 'bool', v: v.value };
    case 'exact':
      return { k: 'matrix', m: v };
    case 'float':
      return { k: 'matrix', m: { rows: v.rows, cols: v.cols, data: Array.from(v.data, rationalFromNumber) } };
  }
}

function floatToGeneric(v: Value): GValue<number> {
  switch (v.kind) {
    case 'scalar':
      return { k: 'scalar', v: typeof v.value === 'number' ? v.value : rationalToNumber(v.value) };
    case 'boolean':
      return { k: 'bool', v: v.value };
    case 'exact':
    case 'float':
      return { k: 'matrix', m: toFloat(v) };
  }
}

/** Converts a generic result back to a public `Value`. */
export function exactFromGeneric(v: GValue<Rational>): Value {
  if (v.k === 'scalar') return { kind: 'scalar', value: v.v };
  if (v.k === 'bool') return { kind: 'boolean', value: v.v };
  return { kind: 'exact', rows: v.m.rows, cols: v.m.cols, data: Array.from(v.m.data) };
}

function floatFromGeneric(v: GValue<number>): Value {
  if (v.k === 'scalar') return { kind: 'scalar', value: v.v };
  if (v.k === 'bool') return { kind: 'boolean', value: v.v };
  return { kind: 'float', rows: v.m.rows, cols: v.m.cols, data: Float64Array.from(v.m.data) };
}

/**
 * A `RangeError` of a computation too large to hold (a BigInt past its size, an array too long):
 * not a stack overflow, which the depth guards (`MAX_DEPTH`) rule out and which stays a bug.
 */
export function isTooLarge(e: unknown): e is RangeError {
  return e instanceof RangeError && !/call stack/i.test(e.message);
}

/**
 * Runs `fn`, turning thrown diagnostics into a failed result (never a raw stack trace). A budget's
 * `LimitReached` (evaluation ticks against the caller's `withBudget`) is the caller's to catch: it
 * propagates.
 */
export function catchOdot<R>(fn: () => R): Result<R> {
  try {
    return ok(fn());
  } catch (e) {
    if (e instanceof LimitReached) throw e;
    if (e instanceof OdotException) return fail(e.error);
    if (isTooLarge(e)) return fail(odotError('too-large', `the computation is too large: ${e.message}`));
    const message = e instanceof Error ? e.message : String(e);
    return fail(odotError('internal', `internal error: ${message}`));
  }
}

/** The common part of every evaluation: bindings, sizes, indices, the shape oracle. */
export function prepareContext<T>(
  field: Field<T>,
  env: ReadonlyMap<string, GValue<T>>,
  expr: Expr,
  bindings: ReadonlyMap<string, Value>,
  options: EvaluateOptions,
  claim: GenericContext<T>['claim'],
): Result<GenericContext<T>> {
  const dimsResult = dimsFromBindings(options.givens, bindings, toMap(options.dims));
  if (!dimsResult.ok) return dimsResult;
  const known = new Map<string, ConcreteShape>();
  for (const [name, v] of bindings) known.set(name, shapeOfValue(v));
  const oracle = shapeOracle(expr, options.givens, known, dimsResult.value);
  if (!oracle.ok) return oracle;
  const ctx: GenericContext<T> = {
    field,
    env,
    dims: dimsResult.value,
    indices: toMap(options.indices),
    sumRanges: toMap(options.sumRanges),
    claim,
    maxExponent: options.maxExponent ?? 4096,
    shapeOf: oracle.value,
  };
  return ok(ctx);
}

/**
 * Evaluates an expression with symbols bound to values. Exact mode (the default for exact
 * bindings) computes over bigint rationals; float mode over doubles. Relations (`=`, `≠`) and
 * claims (`X ⪰ 0`, `diagonal(X)`) evaluate to `{kind:'boolean'}`. Errors (unbound symbol,
 * shape mismatch with the operator's span, `singular`, `zero-entry`, …) come back as values.
 */
export function evaluate(expr: Expr, bindings: Bindings = new Map(), options: EvaluateOptions = {}): Result<Value> {
  const bound = toMap(bindings);
  const anyFloat = [...bound.values()].some((v) => v.kind === 'float' || (v.kind === 'scalar' && typeof v.value === 'number'));
  const mode = options.mode ?? (anyFloat ? 'float' : 'exact');
  const result = catchOdot((): Value => {
    if (mode === 'exact') {
      const env = new Map([...bound].map(([k, v]) => [k, exactToGeneric(v)] as const));
      const ctx = prepareContext(RATIONAL_FIELD, env, expr, bound, options, (p, m) => claimOverRationals(p, m));
      if (!ctx.ok) throw new OdotException(ctx.error);
      return exactFromGeneric(evaluateGeneric(ctx.value, expr));
    }
    const tol = options.floatTolerance ?? FLOAT_EQUAL_TOLERANCE;
    const env = new Map([...bound].map(([k, v]) => [k, floatToGeneric(v)] as const));
    const ctx = prepareContext(FLOAT_FIELD, env, expr, bound, options, (p, m) => claimOverFloats(p, m, tol));
    if (!ctx.ok) throw new OdotException(ctx.error);
    return floatFromGeneric(evaluateGeneric({ ...ctx.value, equalValues: floatClose(tol) }, expr));
  });
  return result;
}

/** Evaluates and requires a matrix (for `matrixFromLiteral` and the CLI's `--let`). */
export function expectMatrix(v: Value, what: string): Result<Matrix> {
  if (isMatrix(v)) return ok(v);
  const error: OdotError = odotError('not-a-matrix', `${what} is a ${v.kind}, not a matrix`);
  return fail(error);
}
