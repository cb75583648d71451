import { Budget, LimitReached, dimEquals, fail, formatLimit, formatShape, isOpenDim, ok, tick, withBudget, type Expr, type Givens, type Limit, type Result } from '@odot/core';
import {
  createRng,
  evaluate,
  isMatrix,
  randomInstance,
  toExact,
  type Bindings,
  type ExactMatrix,
  type Value,
} from '@odot/numeric';
import { exprToTerm, guardDepth } from './convert.ts';
import { termToExpr } from './term-to-expr.ts';
import { givensOfTerms } from './cross-check.ts';
import { numericPropertyEvidence, proveProperty, toJustification, type Justification } from './infer-property.ts';
import { degenerateCounterexample } from './psd-degenerate.ts';
import { normalize } from './simplify.ts';
import { freeNames, sizeNames, type Term } from './term.ts';

/** Options of `decidePsd`. */
export interface PsdDecisionOptions {
  /** `psd` (default) or `pd`. */
  readonly property?: 'psd' | 'pd';
  /** Random instances tried when no law applies (default 24). */
  readonly trials?: number;
  readonly seed?: number;
  /** Wall-clock budget in milliseconds for the whole decision (default 4000). */
  readonly timeLimitMs?: number;
  /**
   * A running budget the decision adopts as its own (its time limit is then `timeLimitMs`): a
   * caller that parsed the input within it (`parse(text, { budget })`) keeps one clock for the task.
   */
  readonly budget?: Budget;
}

/**
 * A verdict on `X ⪰ 0` (or `X ≻ 0`): `psd` with a justification tree (a law) or exact numeric
 * evidence (concrete matrices); `not-psd` with the reason (not square, an exact certificate for the
 * bound values, or a counterexample instance satisfying the givens); `unknown` when neither a law
 * nor the numbers decide.
 */
export interface PsdDecision {
  readonly verdict: 'psd' | 'not-psd' | 'unknown';
  readonly property: 'psd' | 'pd';
  readonly method: 'law' | 'numeric' | 'counterexample' | 'shape' | 'none';
  readonly justification?: Justification;
  /** The numeric check's explanation (certificate, pivots or eigenvalues). */
  readonly evidence?: string;
  /** For `counterexample`: values honouring the givens for which the expression is not psd. */
  readonly counterexample?: ReadonlyMap<string, Value>;
  /** For `counterexample`: the sizes of its symbolic dimensions (`n = 2`). */
  readonly sizes?: ReadonlyMap<string, number>;
  readonly explanation: string;
  /** Set when a limit stopped the decision (the verdict is then `unknown`). */
  readonly limit?: Limit;
}

/** An exact value as a matrix: a scalar is the 1×1 matrix of it (psd iff ≥ 0); floats are not decided here. */
function asExactMatrix(v: Value): ExactMatrix | undefined {
  if (isMatrix(v)) return toExact(v);
  if (v.kind === 'scalar' && typeof v.value !== 'number') return { kind: 'exact', rows: 1, cols: 1, data: [v.value] };
  return undefined;
}

function boundAll(names: ReadonlySet<string>, bindings: Bindings | undefined): boolean {
  if (names.size === 0) return true;
  if (!bindings) return false;
  const has = (n: string) => (bindings instanceof Map ? bindings.has(n) : Object.prototype.hasOwnProperty.call(bindings, n));
  return [...names].every(has);
}

/**
 * Decides whether an expression is psd (or pd) under givens: by the property-inference table (on
 * the expression and on its normal form), exactly for concrete values (`bindings`, or no symbols),
 * or refuted by a random instance honouring the givens; otherwise `unknown`. A shape error fails.
 */
export function decidePsd(expr: Expr, givens: Givens = new Map(), bindings?: Bindings, options: PsdDecisionOptions = {}): Result<PsdDecision> {
  const property = options.property ?? 'psd';
  const budget = options.budget ?? new Budget({ timeLimitMs: options.timeLimitMs ?? 4000 });
  try {
    return withBudget(budget, () => decideUnguarded(expr, givens, bindings, options));
  } catch (error) {
    if (error instanceof LimitReached && error.budget === budget) {
      return ok({ verdict: 'unknown', property, method: 'none', limit: error.limit, explanation: `stopped before a decision (${formatLimit(error.limit)})` });
    }
    throw error;
  }
}

function decideUnguarded(expr: Expr, givens: Givens, bindings: Bindings | undefined, options: PsdDecisionOptions): Result<PsdDecision> {
  const property = options.property ?? 'psd';
  const t = guardDepth(exprToTerm(expr, givens), 'psd');
  if (!t.ok) return t;
  const term = t.value;
  const notSquare = shapeVerdict(term, property);
  if (notSquare) return ok(notSquare);
  const names = freeNames(term);
  if (boundAll(names, bindings)) {
    const concrete = decideConcrete(expr, givens, bindings, names, property);
    if (concrete) return concrete;
  }
  const direct = proveProperty(term, property) ?? proveProperty(normalize(term, givens, { maxSteps: 500, timeLimitMs: 300 }).term, property);
  if (direct) {
    return ok({
      verdict: 'psd',
      property,
      method: 'law',
      justification: toJustification(direct),
      explanation: `${property} by ${direct.rule}`,
    });
  }
  return ok(searchCounterexample(term, names, givens, property, options));
}

/** `not-psd` for a matrix that is not square (unresolved sizes such as `?3`, from undeclared names, may still be equal). */
function shapeVerdict(term: Term, property: 'psd' | 'pd'): PsdDecision | undefined {
  if (term.shape.kind === 'matrix' && !dimEquals(term.shape.rows, term.shape.cols) && !isOpenDim(term.shape.rows) && !isOpenDim(term.shape.cols)) {
    const shape = formatShape(term.shape);
    return { verdict: 'not-psd', property, method: 'shape', explanation: `${property} needs a square matrix; this is ${shape}` };
  }
  return undefined;
}

/**
 * Concrete values, decided exactly; undefined when the value cannot be computed (an unsized `I`
 * standing alone: the laws still apply), an evaluation error when bound symbols were given.
 */
function decideConcrete(expr: Expr, givens: Givens, bindings: Bindings | undefined, names: ReadonlySet<string>, property: 'psd' | 'pd'): Result<PsdDecision> | undefined {
  const value = evaluate(expr, bindings ?? new Map(), { mode: 'exact', givens });
  const m = value.ok ? asExactMatrix(value.value) : undefined;
  if (m) {
    const r = numericPropertyEvidence(m, property);
    return ok({
      verdict: r.holds ? 'psd' : 'not-psd',
      property,
      method: 'numeric',
      evidence: r.evidence,
      explanation: r.holds ? `the value is ${property} (exact check)` : `the value is not ${property} (exact check)`,
    });
  }
  if (value.ok) return ok({ verdict: 'not-psd', property, method: 'shape', explanation: `${property} needs a square matrix` });
  if (bindings !== undefined && names.size > 0) return fail(value.error);
  return undefined;
}

/** No law applies: random instances honouring the givens, then the degenerate ones, look for a counterexample. */
function searchCounterexample(term: Term, names: ReadonlySet<string>, givens: Givens, property: 'psd' | 'pd', options: PsdDecisionOptions): PsdDecision {
  const merged = new Map(givensOfTerms([term]));
  for (const [k, v] of givens) merged.set(k, v);
  const dims = sizeNames([term], merged);
  const random = randomCounterexample(term, names, merged, dims, property, options);
  if (random.decision) return random.decision;
  const degenerate = degenerateCounterexample(termToExpr(term), names, merged, property, dims);
  if (degenerate) {
    return {
      verdict: 'not-psd',
      property,
      method: 'counterexample',
      counterexample: degenerate.bindings,
      sizes: degenerate.sizes,
      evidence: degenerate.evidence,
      explanation: `not ${property} in general: the degenerate instance ${degenerate.description} satisfies the givens and gives a matrix that is not ${property}`,
    };
  }
  return {
    verdict: 'unknown',
    property,
    method: 'none',
    explanation: `no law shows ${property} and no counterexample was found in ${random.tried} random instances nor among the degenerate ones (zero, rank one, singular, J, 2I − J; sizes 1–3)`,
  };
}

/** Up to `options.trials` random instances (sizes ≥ 2): the first whose value is not psd, and how many were evaluated. */
function randomCounterexample(
  term: Term,
  names: ReadonlySet<string>,
  merged: Givens,
  dims: ReturnType<typeof sizeNames>,
  property: 'psd' | 'pd',
  options: PsdDecisionOptions,
): { readonly decision?: PsdDecision; readonly tried: number } {
  const rng = createRng(options.seed ?? 20261125);
  const trials = options.trials ?? 24;
  let tried = 0;
  for (let i = 0; i < trials; i++) {
    tick();
    const inst = randomInstance(merged, rng, { minSize: 2, symbols: names, dims });
    if (!inst.ok) break;
    const value = evaluate(termToExpr(term), inst.value.bindings, { mode: 'exact', givens: merged, dims: inst.value.sizes });
    const m = value.ok ? asExactMatrix(value.value) : undefined;
    if (!m) continue;
    tried++;
    const r = numericPropertyEvidence(m, property);
    if (!r.holds) {
      const explanation = `not ${property} in general: a random instance satisfying the givens gives a matrix that is not ${property}`;
      const decision: PsdDecision = { verdict: 'not-psd', property, method: 'counterexample', counterexample: inst.value.bindings, sizes: inst.value.sizes, evidence: r.evidence, explanation };
      return { decision, tried };
    }
  }
  return { tried };
}
