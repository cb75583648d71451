import type { Expr } from '@odot/core';
import { OdotException, odotError } from '@odot/core';
import { denseEquals } from './dense.ts';
import type { Counterexample } from './counterexample.ts';
import type { ConcreteShape, GValue, GenericContext } from './evaluate-generic.ts';
import { evaluateGeneric } from './evaluate-generic.ts';
import { exactFromGeneric } from './evaluate.ts';
import type { Field } from './field.ts';
import { RATIONAL_FIELD } from './field.ts';
import type { Drawer, DrawKind } from './random-instance.ts';
import { randomSymbolValue, smallIntegerDrawer } from './random-instance.ts';
import type { Rational } from './rational.ts';
import type { createRng } from './rng.ts';
import type { SymbolSpec } from './identity-symbols.ts';
import type { Value } from './value.ts';

/** The generator the identity test draws from. */
export type Rng = ReturnType<typeof createRng>;

/** Evaluation errors that make a draw unusable (skipped, not reported). */
export const SKIPPABLE: ReadonlySet<string> = new Set(['singular', 'zero-entry', 'division-by-zero']);

/** Every draw of one modular trial, so the instance can be replayed over ℚ. */
export interface Recording {
  readonly draws: bigint[];
  readonly picks: number[];
}

/** A drawer over ℤ/p that records every draw in `rec`. */
export function recordingDrawer(rng: Rng, p: bigint, rec: Recording): Drawer<bigint> {
  return {
    draw: (kind: DrawKind) => {
      const v = kind === 'binary' ? BigInt(rng.int(0, 1)) : kind === 'positive' ? 1n + rng.bigintBelow(p - 1n) : rng.bigintBelow(p);
      rec.draws.push(v);
      return v;
    },
    pick: (n) => {
      const v = rng.int(0, n - 1);
      rec.picks.push(v);
      return v;
    },
  };
}

/** Replays a recording's draws as integers over ℚ (0 once they run out). */
function replayDrawer(rec: Recording): Drawer<Rational> {
  let i = 0;
  let j = 0;
  return {
    draw: () => ({ num: rec.draws[i++] ?? 0n, den: 1n }),
    pick: () => rec.picks[j++] ?? 0,
  };
}

/** Both sides' values at one assignment of the free entry indices, and whether they differ. */
export interface PairOutcome<T> {
  readonly differ: boolean;
  readonly left: GValue<T>;
  readonly right: GValue<T>;
  readonly indices: Map<string, number>;
}

function valuesEqualIn<T>(f: Field<T>, a: GValue<T>, b: GValue<T>): boolean {
  if (a.k === 'scalar' && b.k === 'scalar') return f.equals(a.v, b.v);
  // A 1×1 matrix equals the scalar it holds (xᵀAy = tr(…)).
  if (a.k === 'scalar' && b.k === 'matrix') return b.m.rows === 1 && b.m.cols === 1 && f.equals(a.v, b.m.data[0] as T);
  if (a.k === 'matrix' && b.k === 'scalar') return a.m.rows === 1 && a.m.cols === 1 && f.equals(a.m.data[0] as T, b.v);
  if (a.k === 'matrix' && b.k === 'matrix') return denseEquals(f, a.m, b.m);
  if (a.k === 'bool' && b.k === 'bool') return a.v === b.v;
  return false;
}

/**
 * Evaluates both sides for every assignment of the free entry indices (odometer over their
 * ranges, at most `maxTuples`); returns the first assignment where they differ, else the last.
 */
export function comparePair<T>(ctx: GenericContext<T>, a: Expr, b: Expr, maxTuples = 4096): PairOutcome<T> {
  const assignment = new Map<string, number>();
  const ranges = new Map<string, number>();
  const freeIndex = (name: string, range: number): number => {
    if (!ranges.has(name)) ranges.set(name, range);
    const v = assignment.get(name) ?? 1;
    assignment.set(name, v);
    return Math.min(v, range);
  };
  const c = { ...ctx, freeIndex };
  for (let tuple = 0; ; tuple++) {
    const left = evaluateGeneric(c, a);
    const right = evaluateGeneric(c, b);
    if (!valuesEqualIn(ctx.field, left, right)) return { differ: true, left, right, indices: new Map(assignment) };
    let advanced = false;
    for (const [name, range] of ranges) {
      const v = assignment.get(name) ?? 1;
      if (v < range) {
        assignment.set(name, v + 1);
        advanced = true;
        break;
      }
      assignment.set(name, 1);
    }
    if (!advanced || tuple + 1 >= maxTuples) return { differ: false, left, right, indices: new Map(assignment) };
  }
}

/** One pair at one size assignment: everything a trial needs besides its drawer and field. */
export interface ExactInstance {
  readonly a: Expr;
  readonly b: Expr;
  readonly specs: readonly SymbolSpec[];
  readonly shapes: ReadonlyMap<string, ConcreteShape>;
  readonly sizes: ReadonlyMap<string, number>;
  readonly sumRanges: ReadonlyMap<string, number>;
  readonly oracle: (node: Expr) => ConcreteShape | undefined;
}

/**
 * The evaluation context of one trial of `inst` over `field`: property claims are refused with
 * `claimMessage`; `observe` (if any) sees every node's value.
 */
export function trialContext<T>(
  inst: ExactInstance,
  field: Field<T>,
  env: Map<string, GValue<T>>,
  claimMessage: string,
  observe?: GenericContext<T>['observe'],
): GenericContext<T> {
  return {
    field,
    env,
    shapeOf: inst.oracle,
    dims: inst.sizes,
    indices: new Map(),
    sumRanges: inst.sumRanges,
    claim: () => {
      throw new OdotException(odotError('not-polynomial', claimMessage));
    },
    maxExponent: 4096,
    ...(observe ? { observe } : {}),
  };
}

/** A random value of every symbol of `inst` over `field`, drawn in the order of its specs. */
export function drawEnv<T>(inst: ExactInstance, field: Field<T>, drawer: Drawer<T>): Map<string, GValue<T>> {
  const env = new Map<string, GValue<T>>();
  for (const s of inst.specs) env.set(s.name, randomSymbolValue(field, s.name, inst.shapes.get(s.name) as ConcreteShape, s.properties, drawer));
  return env;
}

function tryExact(inst: ExactInstance, drawer: Drawer<Rational>): Counterexample | undefined {
  const env = drawEnv(inst, RATIONAL_FIELD, drawer);
  try {
    const out = comparePair(trialContext(inst, RATIONAL_FIELD, env, 'property claims cannot be identity-tested'), inst.a, inst.b);
    if (!out.differ) return undefined;
    const bindings = new Map<string, Value>();
    for (const [name, v] of env) bindings.set(name, exactFromGeneric(v));
    return { bindings, sizes: new Map(inst.sizes), indices: out.indices, left: exactFromGeneric(out.left), right: exactFromGeneric(out.right) };
  } catch (e) {
    if (e instanceof OdotException && SKIPPABLE.has(e.error.code)) return undefined;
    throw e;
  }
}

/** Up to `attempts` exact trials with small integer entries (range 3); the first difference found. */
export function exactTrial(inst: ExactInstance, rng: Rng, attempts: number): Counterexample | undefined {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const cx = tryExact(inst, smallIntegerDrawer(rng, 3));
    if (cx) return cx;
  }
  return undefined;
}

/** Searches small integer instances first (ranges 1, 2, 3, 5, 10, 100), then lifts the modular draws to ℚ. */
export function findCounterexample(inst: ExactInstance, rng: Rng, rec: Recording, started: number, timeLimit: number): Counterexample | undefined {
  for (const range of [1, 2, 3, 5, 10, 100]) {
    for (let attempt = 0; attempt < 8; attempt++) {
      if (Date.now() - started > timeLimit) break;
      const cx = tryExact(inst, smallIntegerDrawer(rng, range));
      if (cx) return cx;
    }
  }
  return tryExact(inst, replayDrawer(rec));
}
