import type { Givens, Property, Result, Shape } from '@odot/core';
import { OdotException, dimSymbols, fail, formatShape, odotError, ok, tick } from '@odot/core';
import type { Dense } from './dense.ts';
import { addDense, identityOf, matmulDense, transposeDense } from './dense.ts';
import type { ConcreteShape, GValue } from './evaluate-generic.ts';
import { exactFromGeneric, toMap } from './evaluate.ts';
import type { NumberTable } from './evaluate.ts';
import type { Field } from './field.ts';
import { FLOAT_FIELD, RATIONAL_FIELD } from './field.ts';
import type { Rational } from './rational.ts';
import type { Rng } from './rng.ts';
import { concreteShape } from './shape-context.ts';
import type { Value } from './value.ts';

/** What one random scalar draw must satisfy. */
export type DrawKind = 'any' | 'nonnegative' | 'positive' | 'binary';

/** A source of random scalars in some field, plus small integers for structure (group labels). */
export interface Drawer<T> {
  draw(kind: DrawKind): T;
  pick(n: number): number;
}

/** The symbolic dimension names in a shape (`m·p` gives m and p). */
export function symbolicDims(shape: Shape): string[] {
  if (shape.kind === 'scalar') return [];
  return [...new Set([...dimSymbols(shape.rows), ...dimSymbols(shape.cols)])];
}

/**
 * Sizes for symbolic dimensions: distinct, at least `minSize`, in an order shuffled by `rng`
 * (`variant` shifts the range so repeated calls try other sizes). Fixed sizes are kept.
 */
export function assignSizes(
  names: readonly string[],
  rng: Rng,
  minSize = 3,
  variant = 0,
  fixed: ReadonlyMap<string, number> = new Map(),
): Map<string, number> {
  const out = new Map(fixed);
  const free = names.filter((n) => !out.has(n));
  const used = new Set(out.values());
  const pool: number[] = [];
  for (let s = minSize + variant; pool.length < free.length; s++) if (!used.has(s)) pool.push(s);
  for (let i = pool.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    const t = pool[i] as number;
    pool[i] = pool[j] as number;
    pool[j] = t;
  }
  free.forEach((name, i) => out.set(name, pool[i] as number));
  return out;
}

/** Degree of a symbol's entries as polynomials in the independent draws (BBᵀ is quadratic). */
export function symbolDegree(properties: ReadonlySet<Property>, shape: ConcreteShape): number {
  if (shape === 'scalar' || properties.has('binary') || properties.has('diagonal')) return 1;
  return properties.has('psd') || properties.has('pd') ? 2 : 1;
}

function badDeclaration(name: string, message: string): never {
  throw new OdotException(odotError('bad-declaration', `${name}: ${message}`));
}

/**
 * A random value honouring a declaration, over any field: diagonal, symmetric, psd (BBᵀ),
 * pd (BBᵀ + I), nonnegative and binary (0/1; binary psd is a sum of disjoint all-ones blocks,
 * binary pd is I).
 */
export function randomSymbolValue<T>(
  f: Field<T>,
  name: string,
  shape: ConcreteShape,
  properties: ReadonlySet<Property>,
  d: Drawer<T>,
): GValue<T> {
  const has = (p: Property): boolean => properties.has(p);
  const entryKind: DrawKind = has('binary') ? 'binary' : has('nonnegative') ? 'nonnegative' : 'any';
  if (shape === 'scalar') {
    const kind: DrawKind = has('binary') ? 'binary' : has('pd') ? 'positive' : has('psd') || has('nonnegative') ? 'nonnegative' : 'any';
    return { k: 'scalar', v: d.draw(kind) };
  }
  const { rows, cols } = shape;
  for (const p of ['diagonal', 'symmetric', 'psd', 'pd'] as const) {
    if (has(p) && rows !== cols) badDeclaration(name, `a ${p} matrix must be square, not ${rows}×${cols}`);
  }
  if (has('binary')) return { k: 'matrix', m: randomBinaryMatrix(f, rows, cols, has, d) };
  const data = new Array<T>(rows * cols).fill(f.zero);
  const n = rows;
  if (has('diagonal')) {
    const kind: DrawKind = has('pd') ? 'positive' : has('psd') || has('nonnegative') ? 'nonnegative' : 'any';
    for (let i = 0; i < n; i++) data[i * n + i] = d.draw(kind);
  } else if (has('psd') || has('pd')) {
    const b: Dense<T> = { rows: n, cols: n, data: Array.from({ length: n * n }, () => d.draw(entryKind)) };
    const bbt = matmulDense(f, b, transposeDense(b));
    return { k: 'matrix', m: has('pd') ? addDense(f, bbt, identityOf(f, n)) : bbt };
  } else if (has('symmetric')) {
    fillSymmetric(data, n, () => d.draw(entryKind));
  } else {
    for (let k = 0; k < rows * cols; k++) data[k] = d.draw(entryKind);
  }
  return { k: 'matrix', m: { rows, cols, data } };
}

/** Fills the n×n `data` symmetrically, drawing the lower triangle row by row. */
function fillSymmetric<T>(data: T[], n: number, draw: () => T): void {
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      const v = draw();
      data[i * n + j] = v;
      data[j * n + i] = v;
    }
  }
}

/** A random 0/1 matrix honouring the other properties: pd is I, psd a sum of disjoint all-ones blocks. */
function randomBinaryMatrix<T>(f: Field<T>, rows: number, cols: number, has: (p: Property) => boolean, d: Drawer<T>): Dense<T> {
  const n = rows;
  if (has('pd')) return identityOf(f, n);
  const data = new Array<T>(rows * cols).fill(f.zero);
  if (has('diagonal')) {
    for (let i = 0; i < n; i++) data[i * n + i] = d.draw('binary');
  } else if (has('psd')) {
    const label = Array.from({ length: n }, () => d.pick(n + 1));
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (label[i] !== 0 && label[i] === label[j]) data[i * n + j] = f.one;
  } else if (has('symmetric')) {
    fillSymmetric(data, n, () => d.draw('binary'));
  } else {
    for (let k = 0; k < rows * cols; k++) data[k] = d.draw('binary');
  }
  return { rows, cols, data };
}

/** Small random integers in [−range, range] (exact), honouring the draw kind. */
export function smallIntegerDrawer(rng: Rng, range: number): Drawer<Rational> {
  return {
    draw: (kind) => {
      const lo = kind === 'any' ? -range : kind === 'positive' ? 1 : 0;
      const hi = kind === 'binary' ? 1 : range;
      return { num: BigInt(rng.int(lo, hi)), den: 1n };
    },
    pick: (n) => rng.int(0, n - 1),
  };
}

/** Standard normal doubles (|x| for nonnegative, 0.1 + |x| for positive). */
export function floatDrawer(rng: Rng): Drawer<number> {
  return {
    draw: (kind) => {
      if (kind === 'binary') return rng.int(0, 1);
      const x = rng.normal();
      return kind === 'any' ? x : kind === 'nonnegative' ? Math.abs(x) : 0.1 + Math.abs(x);
    },
    pick: (n) => rng.int(0, n - 1),
  };
}

/** Options of `randomInstance`. */
export interface RandomInstanceOptions {
  /** Sizes for some symbolic dimensions; the rest get distinct sizes ≥ `minSize`. */
  readonly sizes?: NumberTable;
  /** Smallest size for a symbolic dimension (default 3). */
  readonly minSize?: number;
  /** `'exact'` (default): integers in [−entryRange, entryRange]; `'float'`: standard normal entries. */
  readonly mode?: 'exact' | 'float';
  /** Bound of the exact integer entries (default 5). */
  readonly entryRange?: number;
  /** The symbols to draw (default: every declared symbol). */
  readonly symbols?: Iterable<string>;
  /** More symbolic dimensions to size besides the drawn symbols' (those of `J_{n×n}` in an expression). */
  readonly dims?: Iterable<string>;
}

/** Random values for declared symbols, and the sizes chosen for their symbolic dimensions. */
export interface RandomInstance {
  readonly bindings: Map<string, Value>;
  readonly sizes: Map<string, number>;
}

/**
 * Random values for the declared symbols honouring their shapes and properties: symbolic
 * dimensions get distinct sizes ≥ 3; diagonal, symmetric, psd (BBᵀ), pd (BBᵀ + I),
 * nonnegative and binary are respected. Deterministic for a seeded `rng` (see `createRng`).
 */
export function randomInstance(givens: Givens, rng: Rng, options: RandomInstanceOptions = {}): Result<RandomInstance> {
  try {
    const names = options.symbols ? [...options.symbols] : [...givens.keys()];
    const dimNames = new Set<string>(); // a set keeps insertion order and stays linear on huge inputs
    for (const name of names) {
      tick();
      const info = givens.get(name);
      if (!info) return fail(odotError('undeclared', `${name} is not declared`));
      for (const d of symbolicDims(info.shape)) dimNames.add(d);
    }
    for (const d of options.dims ?? []) dimNames.add(d);
    const sizes = assignSizes([...dimNames], rng, options.minSize ?? 3, 0, toMap(options.sizes));
    const bindings = new Map<string, Value>();
    const exact = (options.mode ?? 'exact') === 'exact';
    const drawer = exact ? smallIntegerDrawer(rng, options.entryRange ?? 5) : floatDrawer(rng);
    for (const name of names) {
      tick();
      const info = givens.get(name);
      // A scalar named like a size is that size (the evaluator reads it from the sizes): no draw.
      if (!info || (info.shape.kind === 'scalar' && sizes.has(name))) continue;
      const shape = concreteShape(info.shape, sizes);
      if (shape === undefined) return fail(odotError('unknown-size', `cannot size ${name}: ${formatShape(info.shape)}`));
      if (exact) {
        bindings.set(name, exactFromGeneric(randomSymbolValue(RATIONAL_FIELD, name, shape, info.properties, drawer as Drawer<Rational>)));
      } else {
        const g = randomSymbolValue(FLOAT_FIELD, name, shape, info.properties, drawer as Drawer<number>);
        bindings.set(
          name,
          g.k === 'scalar'
            ? { kind: 'scalar', value: g.v }
            : g.k === 'matrix'
              ? { kind: 'float', rows: g.m.rows, cols: g.m.cols, data: Float64Array.from(g.m.data) }
              : { kind: 'boolean', value: g.v },
        );
      }
    }
    return ok({ bindings, sizes });
  } catch (e) {
    if (e instanceof OdotException) return fail(e.error);
    throw e;
  }
}
