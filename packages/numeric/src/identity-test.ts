import type { Expr, Givens, Limit, OdotError, Property, Result, Shape, ShapeTable } from '@odot/core';
import { Budget, LimitReached, OdotException, childrenOf, equal, formatLimit, inferShapes, odotError, ok, withBudget } from '@odot/core';
import { denseEquals } from './dense.ts';
import type { DegreeBound } from './degree.ts';
import { allNodes, degreeBound } from './degree.ts';
import type { ConcreteShape, GValue, GenericContext } from './evaluate-generic.ts';
import { checkEvaluationDepth, evaluateGeneric } from './evaluate-generic.ts';
import { exactFromGeneric, isTooLarge, toMap } from './evaluate.ts';
import type { NumberTable } from './evaluate.ts';
import type { Field } from './field.ts';
import { MERSENNE_61, RATIONAL_FIELD, modularField } from './field.ts';
import type { Drawer, DrawKind } from './random-instance.ts';
import { assignSizes, randomSymbolValue, smallIntegerDrawer, symbolDegree, symbolicDims } from './random-instance.ts';
import type { Rational } from './rational.ts';
import { createRng } from './rng.ts';
import { concreteShape } from './shape-context.ts';
import type { Value } from './value.ts';
import type { Counterexample } from './counterexample.ts';

export type { Counterexample } from './counterexample.ts';

/** Options of `identityTest`. */
export interface IdentityTestOptions {
  /** Seed of the random draws (default 1); the test is deterministic for a seed. */
  readonly seed?: number;
  /** Trials modulo p per size assignment (default 4; at least 64 when a symbol is binary). */
  readonly trials?: number;
  /** How many size assignments of distinct sizes ≥ 3 for the symbolic dimensions (default 3); then every symbolic size 1, and every one 2. */
  readonly sizeSets?: number;
  /** Sizes to use for some symbolic dimensions in every assignment. */
  readonly sizes?: NumberTable;
  /** The prime (default 2⁶¹ − 1). */
  readonly prime?: bigint;
  /** Ranges of summation indices that no entry tells. */
  readonly sumRanges?: NumberTable;
  /** Wall-clock limit in milliseconds (default 5000). */
  readonly timeLimitMs?: number;
  /**
   * Whether every symbolic size is also tried at 1 and at 2 (default true). A cross-check of a step
   * already verified symbolically may skip them: one generic size assignment then.
   */
  readonly smallSizes?: boolean;
  /**
   * Exact trials over ℚ with small integer entries after each size assignment's modular trials
   * (default 3; they also catch a difference that p divides). 0 leaves exact arithmetic to a
   * difference found modulo p, which is still confirmed over ℚ before it is reported.
   */
  readonly exactTrials?: number;
}

/**
 * The outcome of `identityTest`. `equal`: every trial agreed; `errorBound` is the probability
 * that an identity false at one of the tested size assignments passes all its trials
 * (Schwartz–Zippel: degree bound / p per trial, compounded over independent trials).
 * `different`: an exact counterexample. `unknown`: no trial could run (every draw singular, or
 * the time limit). `error`: the expressions are ill-formed (shape errors with spans).
 */
export type IdentityVerdict =
  | {
      readonly verdict: 'equal';
      readonly errorBound: number;
      readonly trials: number;
      readonly sizes: readonly ReadonlyMap<string, number>[];
      readonly prime: bigint;
      readonly degree: number;
      /**
       * True when the expressions have symbolic sizes: `errorBound` covers the size assignments
       * tried (every size at 1 and 2, then larger ones); at sizes never tried the test proves nothing.
       */
      readonly untestedSizes: boolean;
      readonly explanation: string;
      /** Set when the time limit stopped the trials early (`{kind: 'time', value}`); the bound covers the trials run. */
      readonly limit?: Limit;
    }
  | { readonly verdict: 'different'; readonly counterexample: Counterexample; readonly explanation: string }
  | { readonly verdict: 'unknown'; readonly reason: string }
  | { readonly verdict: 'error'; readonly error: OdotError };

/** A drawer over ℤ/p that records every draw, so the instance can be replayed over ℚ. */
interface Recording {
  readonly draws: bigint[];
  readonly picks: number[];
}

function recordingDrawer(rng: ReturnType<typeof createRng>, p: bigint, rec: Recording): Drawer<bigint> {
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

function replayDrawer(rec: Recording): Drawer<Rational> {
  let i = 0;
  let j = 0;
  return {
    draw: () => ({ num: rec.draws[i++] ?? 0n, den: 1n }),
    pick: () => rec.picks[j++] ?? 0,
  };
}

interface SymbolSpec {
  readonly name: string;
  readonly shape: Shape;
  readonly properties: ReadonlySet<Property>;
}

/** Identifiers that stand for values (not entry indices, not summation variables); iterative. */
function valueSymbols(exprs: readonly Expr[]): { values: Set<string>; indexOnly: Set<string> } {
  const values = new Set<string>();
  const indexNames = new Set<string>();
  const none: ReadonlySet<string> = new Set();
  const stack: { e: Expr; bound: ReadonlySet<string>; inIndex: boolean }[] = exprs.map((e) => ({ e, bound: none, inIndex: false }));
  while (stack.length > 0) {
    const { e, bound, inIndex } = stack.pop() as { e: Expr; bound: ReadonlySet<string>; inIndex: boolean };
    switch (e.type) {
      case 'Identifier':
        if (!bound.has(e.name)) (inIndex ? indexNames : values).add(e.name);
        break;
      case 'Entry':
        stack.push({ e: e.matrix, bound, inIndex }, { e: e.row, bound, inIndex: true }, { e: e.col, bound, inIndex: true });
        break;
      case 'Sum':
        stack.push({ e: e.body, bound: new Set([...bound, e.index]), inIndex });
        break;
      case 'HadamardPower':
      case 'MatrixPower':
        stack.push({ e: e.base, bound, inIndex }, { e: e.exponent, bound, inIndex: true });
        break;
      default:
        for (const child of childrenOf(e)) stack.push({ e: child, bound, inIndex });
    }
  }
  const indexOnly = new Set([...indexNames].filter((n) => !values.has(n)));
  return { values, indexOnly };
}

const SKIPPABLE = new Set(['singular', 'zero-entry', 'division-by-zero']);

interface PairOutcome<T> {
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
function comparePair<T>(ctx: GenericContext<T>, a: Expr, b: Expr, maxTuples = 4096): PairOutcome<T> {
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

/**
 * Shape tables for the two sides: one table for `a = b` (so a bare `0`, `J`, `I` on one side is
 * sized by the other), or, when that fails only because one side is 1×1 and the other a scalar,
 * one table per side.
 */
function sideShapes(a: Expr, b: Expr, givens: Givens): Result<ShapeTable[]> {
  const joint = inferShapes(equal(a, b), givens);
  if (joint.ok) return ok([joint.value]);
  const left = inferShapes(a, givens);
  const right = inferShapes(b, givens);
  if (!left.ok) return left;
  if (!right.ok) return right;
  const isOneByOne = (s: Shape): boolean => s.kind === 'scalar' || (s.kind === 'matrix' && s.rows === 1 && s.cols === 1);
  if (isOneByOne(left.value.shape) && isOneByOne(right.value.shape)) return ok([left.value, right.value]);
  return joint;
}

/**
 * Runs `f` within `ms` milliseconds (a core `Budget`: the evaluator ticks it, so one long
 * evaluation stops too); `undefined` when the time runs out first.
 */
function within<T>(ms: number, f: () => T): { readonly value: T } | undefined {
  const budget = new Budget({ timeLimitMs: Math.max(0, ms) });
  try {
    return { value: withBudget(budget, f) };
  } catch (e) {
    if (e instanceof LimitReached && e.budget === budget) return undefined;
    throw e;
  }
}

function verdictError(error: OdotError): IdentityVerdict {
  return { verdict: 'error', error };
}

/**
 * Decides whether `a = b` for all values of the symbols (honouring `givens`) by exact
 * evaluation modulo a large prime on random instances (Schwartz–Zippel), over several trials and
 * size assignments. Inverses and negative Hadamard powers use modular inverses; draws that make
 * something singular are skipped (the bound accounts for it). A difference is confirmed over the
 * exact rationals with small integer entries when one is found (else with the lifted draws), and
 * returned as a counterexample. Floats are never used.
 */
export function identityTest(a: Expr, b: Expr, givens: Givens = new Map(), options: IdentityTestOptions = {}): IdentityVerdict {
  const started = Date.now();
  const timeLimit = options.timeLimitMs ?? 5000;
  const p = options.prime ?? MERSENNE_61;
  const rng = createRng(options.seed ?? 1);
  const modular = modularField(p);
  try {
    checkEvaluationDepth(a, 'identityTest');
    checkEvaluationDepth(b, 'identityTest');
    const tables = sideShapes(a, b, givens);
    if (!tables.ok) return verdictError(tables.error);
    const shapeOfNode = (node: Expr): Shape | undefined => {
      for (const t of tables.value) {
        try {
          return t.shapeOf(node);
        } catch (error) {
          // Not in this side's table: try the other side's.
          if (!(error instanceof OdotException && error.error.code === 'unknown-node')) throw error;
        }
      }
      return undefined;
    };
    const { values, indexOnly } = valueSymbols([a, b]);
    const declared: SymbolSpec[] = [];
    const nodes = [...allNodes(a), ...allNodes(b)];
    // The first occurrence of each name, found in one pass (a lookup per name was quadratic).
    const firstIdentifier = new Map<string, Expr>();
    for (const n of nodes) if (n.type === 'Identifier' && !firstIdentifier.has(n.name)) firstIdentifier.set(n.name, n);
    for (const name of values) {
      const node = firstIdentifier.get(name);
      const info = givens.get(name);
      const shape = info?.shape ?? (node ? shapeOfNode(node) : undefined);
      if (!shape) continue;
      declared.push({ name, shape, properties: info?.properties ?? new Set() });
    }
    const dimNames: string[] = [];
    const addDim = (d: string): void => {
      if (!dimNames.includes(d)) dimNames.push(d);
    };
    for (const s of declared) symbolicDims(s.shape).forEach(addDim);
    for (const n of nodes) {
      const shape = shapeOfNode(n);
      if (shape) symbolicDims(shape).forEach(addDim);
    }
    // A scalar named like a size is that size (the evaluator reads it from the sizes): no draw.
    // A declared natural (`k: natural`, an exponent) is a parameter like a size: each assignment
    // gives it a small natural value (0, 1, 2, …), never a random field element.
    const naturals = [...values, ...indexOnly].filter((name) => givens.get(name)?.domain === 'natural' && !dimNames.includes(name));
    const specs = declared.filter((s) => !(s.shape.kind === 'scalar' && (dimNames.includes(s.name) || naturals.includes(s.name))));
    const binary = specs.some((s) => s.properties.has('binary'));
    const trialsPerSet = Math.max(options.trials ?? 4, binary ? 64 : 1);
    const sizeSets = Math.max(1, options.sizeSets ?? 3);
    const fixed = toMap(options.sizes);
    const sumRanges = toMap(options.sumRanges);
    const testedSizes: Map<string, number>[] = [];
    let worst = 0;
    let totalTrials = 0;
    let maxDegree = 0;
    let limit: Limit | undefined;
    let skippedAll = 0;
    let exactCut = 0;
    const timeLeft = (): number => timeLimit - (Date.now() - started);

    // Every symbolic size is tried at larger distinct values and at 1 and 2 (where identities such
    // as det(J) = 0 fail).
    const sizePlan = withNaturals(sizeAssignments(dimNames, rng, sizeSets, fixed, options.smallSizes ?? true), naturals);
    const exactTrials = options.exactTrials ?? 3;
    for (let set = 0; set < sizePlan.length && limit === undefined; set++) {
      const sizes = sizePlan[set] as Map<string, number>;
      const shapes = new Map<string, ConcreteShape>();
      for (const s of specs) {
        const c = concreteShape(s.shape, sizes);
        if (c === undefined) return verdictError(odotError('unknown-size', `cannot size ${s.name}`));
        shapes.set(s.name, c);
      }
      const observed = new Map<Expr, ConcreteShape>();
      const claim = (): boolean => {
        throw new OdotException(odotError('not-polynomial', 'property claims cannot be identity-tested modulo p'));
      };
      const oracle = (node: Expr): ConcreteShape | undefined => {
        const shape = shapeOfNode(node);
        return shape ? concreteShape(shape, sizes) : undefined;
      };
      const baseCtx = (field: Field<unknown>, env: Map<string, GValue<unknown>>, observe?: GenericContext<unknown>['observe']): GenericContext<unknown> => ({
        field,
        env,
        shapeOf: oracle,
        dims: sizes,
        indices: new Map(),
        sumRanges,
        claim,
        maxExponent: 4096,
        ...(observe ? { observe } : {}),
      });
      let passed = 0;
      let skipped = 0;
      let degree: DegreeBound | undefined;
      while (passed < trialsPerSet) {
        if (Date.now() - started > timeLimit) {
          limit = { kind: 'time', value: timeLimit };
          break;
        }
        if (skipped > 20 + 4 * passed) break;
        const rec: Recording = { draws: [], picks: [] };
        const drawer = recordingDrawer(rng, p, rec);
        const env = new Map<string, GValue<unknown>>();
        for (const s of specs) env.set(s.name, randomSymbolValue(modular, s.name, shapes.get(s.name) as ConcreteShape, s.properties, drawer));
        let outcome: PairOutcome<unknown>;
        try {
          const compared = within(timeLeft(), () =>
            comparePair(
              baseCtx(modular as Field<unknown>, env, degree ? undefined : (node, v) => {
                if (!observed.has(node)) observed.set(node, v.k === 'matrix' ? { rows: v.m.rows, cols: v.m.cols } : 'scalar');
              }),
              a,
              b,
            ),
          );
          if (!compared) {
            limit = { kind: 'time', value: timeLimit };
            break;
          }
          outcome = compared.value;
        } catch (e) {
          if (e instanceof OdotException && SKIPPABLE.has(e.error.code)) {
            skipped++;
            continue;
          }
          throw e;
        }
        if (outcome.differ) {
          const cx = within(timeLeft(), () => findCounterexample({ a, b, specs, shapes, sizes, sumRanges, oracle }, rng, rec, started, timeLimit))?.value;
          if (cx) {
            return {
              verdict: 'different',
              counterexample: cx,
              explanation: `the sides differ modulo p = ${p}; confirmed over the exact rationals on the instance shown`,
            };
          }
          return { verdict: 'unknown', reason: 'the sides differ modulo p but no exact counterexample was confirmed' };
        }
        passed++;
        totalTrials++;
        if (!degree) {
          const maxRange = Math.max(1, ...[...observed.values()].map((s) => (s === 'scalar' ? 1 : Math.max(s.rows, s.cols))));
          const degCtx = {
            symbolDegree: (name: string) => {
              const spec = specs.find((s) => s.name === name);
              if (!spec || indexOnly.has(name)) return undefined;
              return symbolDegree(spec.properties, shapes.get(name) as ConcreteShape);
            },
            shapeOf: (node: Expr) => observed.get(node),
            maxRange,
            dims: sizes,
          };
          const l = degreeBound(a, degCtx);
          const r = degreeBound(b, degCtx);
          degree = { num: Math.max(l.num + r.den, r.num + l.den), den: l.den + r.den };
        }
      }
      if (passed === 0) {
        skippedAll++;
        continue;
      }
      // Exact confirmation run with small integers (also catches a difference that p divides), within
      // this assignment's share of the time left (exact entries of a 10 000-fold product grow to
      // thousands of digits; the later assignments, sizes 1 and 2 among them, keep their share).
      const exact = exactTrials === 0 ? { value: undefined } : within(timeLeft() / (sizePlan.length - set), () => exactTrial({ a, b, specs, shapes, sizes, sumRanges, oracle }, rng, exactTrials));
      if (exact?.value) {
        return { verdict: 'different', counterexample: exact.value, explanation: 'an exact trial with small integer entries found a difference' };
      }
      if (!exact) exactCut++;
      const deg = degree as DegreeBound;
      maxDegree = Math.max(maxDegree, deg.num);
      const pn = Number(p);
      const sz = Math.min(1, deg.num / pn / Math.max(1e-300, 1 - deg.den / pn));
      const perTrial = binary ? Math.min(1, 1 - 2 ** -deg.num + sz) : sz;
      worst = Math.max(worst, perTrial ** passed);
      testedSizes.push(sizes);
    }
    if (testedSizes.length === 0) {
      return {
        verdict: 'unknown',
        reason: limit ? `stopped by the ${formatLimit(limit)} before a trial ran` : skippedAll > 0 ? 'every random draw made a matrix singular or an entry zero' : 'no trial ran',
      };
    }
    const sizeText = testedSizesText(testedSizes);
    return {
      verdict: 'equal',
      errorBound: worst,
      trials: totalTrials,
      sizes: testedSizes,
      prime: p,
      degree: maxDegree,
      untestedSizes: dimNames.length > 0,
      explanation:
        `${totalTrials} random trials modulo p = ${p} agreed (sizes: ${sizeText}); degree ≤ ${maxDegree}, so a false identity at these sizes passes with probability ≤ ${worst.toExponential(2)}` +
        (binary ? ' (binary symbols: per-trial bound 1 − 2^−d + d/p)' : '') +
        (dimNames.length > 0 ? '; the bound covers only the sizes tried: at other sizes the test proves nothing' : '') +
        (exactCut > 0 ? `; the exact check with small integers was cut short by the time limit at ${exactCut} of the ${testedSizes.length} size assignments` : '') +
        (limit ? `; stopped by the ${formatLimit(limit)} after ${totalTrials} trials` : ''),
      ...(limit ? { limit } : {}),
    };
  } catch (e) {
    if (e instanceof OdotException) return verdictError(e.error);
    if (isTooLarge(e)) return verdictError(odotError('too-large', `the expressions are too large to test: ${e.message}`));
    throw e;
  }
}

/**
 * The size assignments tried, for people: `n=3; n=5; n=1` (one assignment per `;`), or
 * `no symbolic sizes`.
 */
export function testedSizesText(sizes: readonly ReadonlyMap<string, number>[]): string {
  return sizes.map((s) => (s.size === 0 ? 'no symbolic sizes' : [...s].map(([k, v]) => `${k}=${v}`).join(', '))).join('; ');
}

/**
 * The size assignments tried: one assignment of larger distinct sizes (3…), every free symbolic
 * size at 1 and at 2, then `sets − 1` more larger ones (5…, 7…). A large size comes first so a
 * counterexample is shown at a generic size when there is one; the small ones catch identities
 * false only there (det(J_n) = 0 at n = 1); `withSmall` false leaves them out. Sizes fixed
 * by the caller stay fixed.
 */
function sizeAssignments(dimNames: readonly string[], rng: ReturnType<typeof createRng>, sets: number, fixed: ReadonlyMap<string, number>, withSmall: boolean): Map<string, number>[] {
  const free = dimNames.filter((d) => !fixed.has(d));
  const small = free.length === 0 || !withSmall ? [] : [1, 2].map((n) => new Map([...fixed, ...free.map((d): [string, number] => [d, n])]));
  const large = Array.from({ length: sets }, (_, set) => assignSizes(dimNames, rng, 3, set * 2, fixed));
  // One generic assignment first (counterexamples read best there), then the small sizes, so a time
  // limit never skips 1 and 2.
  return [...large.slice(0, 1), ...small, ...large.slice(1)];
}

/**
 * Gives the declared naturals small values in each size assignment: assignment t sets the i-th to
 * (t + 2i) mod 5, so over the five default assignments each takes 0…4 and two naturals differ.
 */
function withNaturals(plan: readonly Map<string, number>[], naturals: readonly string[]): Map<string, number>[] {
  if (naturals.length === 0) return [...plan];
  return plan.map((sizes, t) => new Map([...sizes, ...naturals.map((name, i): [string, number] => [name, (t + 2 * i) % 5])]));
}

function exactEnv(
  specs: readonly SymbolSpec[],
  shapes: ReadonlyMap<string, ConcreteShape>,
  drawer: Drawer<Rational>,
): Map<string, GValue<Rational>> {
  const env = new Map<string, GValue<Rational>>();
  for (const s of specs) env.set(s.name, randomSymbolValue(RATIONAL_FIELD, s.name, shapes.get(s.name) as ConcreteShape, s.properties, drawer));
  return env;
}

function exactContext(
  env: Map<string, GValue<Rational>>,
  sizes: ReadonlyMap<string, number>,
  sumRanges: ReadonlyMap<string, number>,
  oracle: (node: Expr) => ConcreteShape | undefined,
): GenericContext<Rational> {
  return {
    field: RATIONAL_FIELD,
    shapeOf: oracle,
    env,
    dims: sizes,
    indices: new Map(),
    sumRanges,
    claim: () => {
      throw new OdotException(odotError('not-polynomial', 'property claims cannot be identity-tested'));
    },
    maxExponent: 4096,
  };
}

/** One pair at one size assignment: everything an exact trial needs besides its drawer. */
interface ExactInstance {
  readonly a: Expr;
  readonly b: Expr;
  readonly specs: readonly SymbolSpec[];
  readonly shapes: ReadonlyMap<string, ConcreteShape>;
  readonly sizes: ReadonlyMap<string, number>;
  readonly sumRanges: ReadonlyMap<string, number>;
  readonly oracle: (node: Expr) => ConcreteShape | undefined;
}

function tryExact(inst: ExactInstance, drawer: Drawer<Rational>): Counterexample | undefined {
  const env = exactEnv(inst.specs, inst.shapes, drawer);
  try {
    const out = comparePair(exactContext(env, inst.sizes, inst.sumRanges, inst.oracle), inst.a, inst.b);
    if (!out.differ) return undefined;
    const bindings = new Map<string, Value>();
    for (const [name, v] of env) bindings.set(name, exactFromGeneric(v));
    return { bindings, sizes: new Map(inst.sizes), indices: out.indices, left: exactFromGeneric(out.left), right: exactFromGeneric(out.right) };
  } catch (e) {
    if (e instanceof OdotException && SKIPPABLE.has(e.error.code)) return undefined;
    throw e;
  }
}

function exactTrial(inst: ExactInstance, rng: ReturnType<typeof createRng>, attempts: number): Counterexample | undefined {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const cx = tryExact(inst, smallIntegerDrawer(rng, 3));
    if (cx) return cx;
  }
  return undefined;
}

/** Searches small integer instances first (ranges 1, 2, 3, 5, 10, 100), then lifts the modular draws to ℚ. */
function findCounterexample(
  inst: ExactInstance,
  rng: ReturnType<typeof createRng>,
  rec: Recording,
  started: number,
  timeLimit: number,
): Counterexample | undefined {
  for (const range of [1, 2, 3, 5, 10, 100]) {
    for (let attempt = 0; attempt < 8; attempt++) {
      if (Date.now() - started > timeLimit) break;
      const cx = tryExact(inst, smallIntegerDrawer(rng, range));
      if (cx) return cx;
    }
  }
  return tryExact(inst, replayDrawer(rec));
}
