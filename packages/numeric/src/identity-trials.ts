import type { Expr, Limit, Result } from '@odot/core';
import { Budget, LimitReached, OdotException, fail, odotError, ok, withBudget } from '@odot/core';
import type { DegreeBound } from './degree.ts';
import { degreeBound } from './degree.ts';
import type { ConcreteShape, GValue } from './evaluate-generic.ts';
import type { Field } from './field.ts';
import type { ExactInstance, PairOutcome, Recording, Rng } from './identity-exact.ts';
import { SKIPPABLE, comparePair, drawEnv, exactTrial, findCounterexample, recordingDrawer, trialContext } from './identity-exact.ts';
import type { SymbolPlan } from './identity-symbols.ts';
import type { IdentityVerdict } from './identity-types.ts';
import { symbolDegree } from './random-instance.ts';
import { concreteShape } from './shape-context.ts';

/** The settings and clock of one identity test, shared by its size assignments. */
export interface TrialRun {
  readonly a: Expr;
  readonly b: Expr;
  readonly plan: SymbolPlan;
  readonly p: bigint;
  readonly rng: Rng;
  readonly modular: Field<bigint>;
  readonly started: number;
  readonly timeLimit: number;
  readonly trialsPerSet: number;
  readonly exactTrials: number;
  readonly sumRanges: ReadonlyMap<string, number>;
}

/**
 * The outcome of one size assignment: a verdict that ends the test (a difference, or an error),
 * no passing trial (every draw singular, or out of time), or the trials passed and their bound.
 */
export type AssignmentOutcome =
  | { readonly kind: 'verdict'; readonly verdict: IdentityVerdict }
  | { readonly kind: 'skipped'; readonly limit: Limit | undefined }
  | {
      readonly kind: 'passed';
      readonly passed: number;
      readonly degree: number;
      /** Probability that an identity false at these sizes passes all the trials. */
      readonly bound: number;
      /** Whether the time limit cut the exact trials short. */
      readonly exactCut: boolean;
      readonly limit: Limit | undefined;
    };

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

function timeLeft(run: TrialRun): number {
  return run.timeLimit - (Date.now() - run.started);
}

/**
 * Tests `run`'s pair at one size assignment: modular trials, then exact trials with small
 * integers within `1/remaining` of the time left (exact entries of a 10 000-fold product grow to
 * thousands of digits; the later assignments, sizes 1 and 2 among them, keep their share).
 */
export function testAssignment(run: TrialRun, sizes: ReadonlyMap<string, number>, remaining: number): AssignmentOutcome {
  const inst = instanceAt(run, sizes);
  if (!inst.ok) return { kind: 'verdict', verdict: { verdict: 'error', error: inst.error } };
  const trials = modularTrials(run, inst.value);
  if (trials.kind === 'verdict') return trials;
  const { passed, limit } = trials;
  if (passed === 0) return { kind: 'skipped', limit };
  // Exact confirmation run with small integers (also catches a difference that p divides).
  const exact = run.exactTrials === 0 ? { value: undefined } : within(timeLeft(run) / remaining, () => exactTrial(inst.value, run.rng, run.exactTrials));
  if (exact?.value) {
    return { kind: 'verdict', verdict: { verdict: 'different', counterexample: exact.value, explanation: 'an exact trial with small integer entries found a difference' } };
  }
  const degree = trials.degree as DegreeBound;
  return { kind: 'passed', passed, degree: degree.num, bound: trialsBound(run, degree, passed), exactCut: !exact, limit };
}

/** The symbols' concrete shapes and the node shape oracle at one size assignment. */
function instanceAt(run: TrialRun, sizes: ReadonlyMap<string, number>): Result<ExactInstance> {
  const shapes = new Map<string, ConcreteShape>();
  for (const s of run.plan.specs) {
    const c = concreteShape(s.shape, sizes);
    if (c === undefined) return fail(odotError('unknown-size', `cannot size ${s.name}`));
    shapes.set(s.name, c);
  }
  const oracle = (node: Expr): ConcreteShape | undefined => {
    const shape = run.plan.shapeOfNode(node);
    return shape ? concreteShape(shape, sizes) : undefined;
  };
  return ok({ a: run.a, b: run.b, specs: run.plan.specs, shapes, sizes, sumRanges: run.sumRanges, oracle });
}

type TrialsOutcome =
  | { readonly kind: 'verdict'; readonly verdict: IdentityVerdict }
  | { readonly kind: 'trials'; readonly passed: number; readonly degree: DegreeBound | undefined; readonly limit: Limit | undefined };

/**
 * Up to `trialsPerSet` passing trials modulo p (singular draws skipped, at most 20 + 4 per pass);
 * the degree bound is read off the shapes observed until the first pass.
 */
function modularTrials(run: TrialRun, inst: ExactInstance): TrialsOutcome {
  const observed = new Map<Expr, ConcreteShape>();
  let passed = 0;
  let skipped = 0;
  let degree: DegreeBound | undefined;
  const timeUp = (): TrialsOutcome => ({ kind: 'trials', passed, degree, limit: { kind: 'time', value: run.timeLimit } });
  while (passed < run.trialsPerSet) {
    if (Date.now() - run.started > run.timeLimit) return timeUp();
    if (skipped > 20 + 4 * passed) break;
    const rec: Recording = { draws: [], picks: [] };
    const outcome = modularTrial(run, inst, rec, degree ? undefined : observed);
    if (outcome === 'skipped') {
      skipped++;
      continue;
    }
    if (outcome === 'time') return timeUp();
    if (outcome.differ) return { kind: 'verdict', verdict: differenceVerdict(run, inst, rec) };
    passed++;
    degree ??= pairDegree(run, inst, observed);
  }
  return { kind: 'trials', passed, degree, limit: undefined };
}

/** One trial modulo p on a fresh recorded draw; `observed` (if given) records each node's shape. */
function modularTrial(run: TrialRun, inst: ExactInstance, rec: Recording, observed: Map<Expr, ConcreteShape> | undefined): PairOutcome<bigint> | 'skipped' | 'time' {
  const env = drawEnv(inst, run.modular, recordingDrawer(run.rng, run.p, rec));
  const observe = observed
    ? (node: Expr, v: GValue<bigint>): void => {
        if (!observed.has(node)) observed.set(node, v.k === 'matrix' ? { rows: v.m.rows, cols: v.m.cols } : 'scalar');
      }
    : undefined;
  try {
    const ctx = trialContext(inst, run.modular, env, 'property claims cannot be identity-tested modulo p', observe);
    const compared = within(timeLeft(run), () => comparePair(ctx, inst.a, inst.b));
    return compared ? compared.value : 'time';
  } catch (e) {
    if (e instanceof OdotException && SKIPPABLE.has(e.error.code)) return 'skipped';
    throw e;
  }
}

/** The verdict on a difference found modulo p: confirmed over ℚ, or unknown. */
function differenceVerdict(run: TrialRun, inst: ExactInstance, rec: Recording): IdentityVerdict {
  const cx = within(timeLeft(run), () => findCounterexample(inst, run.rng, rec, run.started, run.timeLimit))?.value;
  if (cx) {
    return {
      verdict: 'different',
      counterexample: cx,
      explanation: `the sides differ modulo p = ${run.p}; confirmed over the exact rationals on the instance shown`,
    };
  }
  return { verdict: 'unknown', reason: 'the sides differ modulo p but no exact counterexample was confirmed' };
}

/** A bound on the degree of `a − b` in the drawn entries, from the shapes observed in a trial. */
function pairDegree(run: TrialRun, inst: ExactInstance, observed: ReadonlyMap<Expr, ConcreteShape>): DegreeBound {
  const maxRange = Math.max(1, ...[...observed.values()].map((s) => (s === 'scalar' ? 1 : Math.max(s.rows, s.cols))));
  const degCtx = {
    symbolDegree: (name: string) => {
      const spec = inst.specs.find((s) => s.name === name);
      if (!spec || run.plan.indexOnly.has(name)) return undefined;
      return symbolDegree(spec.properties, inst.shapes.get(name) as ConcreteShape);
    },
    shapeOf: (node: Expr) => observed.get(node),
    maxRange,
    dims: inst.sizes,
  };
  const l = degreeBound(run.a, degCtx);
  const r = degreeBound(run.b, degCtx);
  return { num: Math.max(l.num + r.den, r.num + l.den), den: l.den + r.den };
}

/**
 * Schwartz–Zippel: the probability that a false identity of degree `deg` passes `passed`
 * independent trials modulo p (binary symbols: per-trial bound 1 − 2^−d + d/p).
 */
function trialsBound(run: TrialRun, deg: DegreeBound, passed: number): number {
  const pn = Number(run.p);
  const sz = Math.min(1, deg.num / pn / Math.max(1e-300, 1 - deg.den / pn));
  const perTrial = run.plan.binary ? Math.min(1, 1 - 2 ** -deg.num + sz) : sz;
  return perTrial ** passed;
}
