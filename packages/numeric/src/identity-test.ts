import type { Expr, Givens, Limit, OdotError } from '@odot/core';
import { OdotException, formatLimit, odotError } from '@odot/core';
import { checkEvaluationDepth } from './evaluate-generic.ts';
import { isTooLarge, toMap } from './evaluate.ts';
import { MERSENNE_61, modularField } from './field.ts';
import type { Rng } from './identity-exact.ts';
import type { SymbolPlan } from './identity-symbols.ts';
import { planSymbols } from './identity-symbols.ts';
import type { TrialRun } from './identity-trials.ts';
import { testAssignment } from './identity-trials.ts';
import type { IdentityTestOptions, IdentityVerdict } from './identity-types.ts';
import { assignSizes } from './random-instance.ts';
import { createRng } from './rng.ts';

export type { Counterexample } from './counterexample.ts';
export type { IdentityTestOptions, IdentityVerdict } from './identity-types.ts';

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
  const rng = createRng(options.seed ?? 1);
  try {
    checkEvaluationDepth(a, 'identityTest');
    checkEvaluationDepth(b, 'identityTest');
    const plan = planSymbols(a, b, givens);
    if (!plan.ok) return verdictError(plan.error);
    const p = options.prime ?? MERSENNE_61;
    const run: TrialRun = {
      a,
      b,
      plan: plan.value,
      p,
      rng,
      modular: modularField(p),
      started,
      timeLimit: options.timeLimitMs ?? 5000,
      trialsPerSet: Math.max(options.trials ?? 4, plan.value.binary ? 64 : 1),
      exactTrials: options.exactTrials ?? 3,
      sumRanges: toMap(options.sumRanges),
    };
    return testAssignments(run, sizePlan(plan.value, rng, options));
  } catch (e) {
    if (e instanceof OdotException) return verdictError(e.error);
    if (isTooLarge(e)) return verdictError(odotError('too-large', `the expressions are too large to test: ${e.message}`));
    throw e;
  }
}

/**
 * The size assignments to try: every symbolic size at larger distinct values and at 1 and 2
 * (where identities such as det(J) = 0 fail), the declared naturals given small values.
 */
function sizePlan(plan: SymbolPlan, rng: Rng, options: IdentityTestOptions): Map<string, number>[] {
  const sizeSets = Math.max(1, options.sizeSets ?? 3);
  const assignments = sizeAssignments(plan.dimNames, rng, sizeSets, toMap(options.sizes), options.smallSizes ?? true);
  return withNaturals(assignments, plan.naturals);
}

/** What the size assignments tested so far add up to. */
interface Tally {
  readonly testedSizes: ReadonlyMap<string, number>[];
  worst: number;
  totalTrials: number;
  maxDegree: number;
  limit: Limit | undefined;
  skippedAll: number;
  exactCut: number;
}

/** Tests each size assignment in turn until a difference, an error or the time limit. */
function testAssignments(run: TrialRun, plan: readonly Map<string, number>[]): IdentityVerdict {
  const tally: Tally = { testedSizes: [], worst: 0, totalTrials: 0, maxDegree: 0, limit: undefined, skippedAll: 0, exactCut: 0 };
  for (let set = 0; set < plan.length && tally.limit === undefined; set++) {
    const sizes = plan[set] as Map<string, number>;
    const outcome = testAssignment(run, sizes, plan.length - set);
    if (outcome.kind === 'verdict') return outcome.verdict;
    tally.limit = outcome.limit;
    if (outcome.kind === 'skipped') {
      tally.skippedAll++;
      continue;
    }
    tally.totalTrials += outcome.passed;
    if (outcome.exactCut) tally.exactCut++;
    tally.maxDegree = Math.max(tally.maxDegree, outcome.degree);
    tally.worst = Math.max(tally.worst, outcome.bound);
    tally.testedSizes.push(sizes);
  }
  if (tally.testedSizes.length === 0) {
    const { limit, skippedAll } = tally;
    return {
      verdict: 'unknown',
      reason: limit ? `stopped by the ${formatLimit(limit)} before a trial ran` : skippedAll > 0 ? 'every random draw made a matrix singular or an entry zero' : 'no trial ran',
    };
  }
  return equalVerdict(run, tally);
}

/** The verdict when every trial at every tested size assignment agreed. */
function equalVerdict(run: TrialRun, tally: Tally): IdentityVerdict {
  const { testedSizes, worst, totalTrials, maxDegree, limit, exactCut } = tally;
  const symbolicSizes = run.plan.dimNames.length > 0;
  return {
    verdict: 'equal',
    errorBound: worst,
    trials: totalTrials,
    sizes: testedSizes,
    prime: run.p,
    degree: maxDegree,
    untestedSizes: symbolicSizes,
    explanation:
      `${totalTrials} random trials modulo p = ${run.p} agreed (sizes: ${testedSizesText(testedSizes)}); degree ≤ ${maxDegree}, so a false identity at these sizes passes with probability ≤ ${worst.toExponential(2)}` +
      (run.plan.binary ? ' (binary symbols: per-trial bound 1 − 2^−d + d/p)' : '') +
      (symbolicSizes ? '; the bound covers only the sizes tried: at other sizes the test proves nothing' : '') +
      (exactCut > 0 ? `; the exact check with small integers was cut short by the time limit at ${exactCut} of the ${testedSizes.length} size assignments` : '') +
      (limit ? `; stopped by the ${formatLimit(limit)} after ${totalTrials} trials` : ''),
    ...(limit ? { limit } : {}),
  };
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
function sizeAssignments(dimNames: readonly string[], rng: Rng, sets: number, fixed: ReadonlyMap<string, number>, withSmall: boolean): Map<string, number>[] {
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
