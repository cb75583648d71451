import type { Expr, Givens, Limit, Property, SymbolInfo } from '@odot/core';
import { Budget, LimitReached, dimFactors, parseDim, tick, withBudget } from '@odot/core';
import {
  createRng,
  evaluate,
  isMatrix,
  randomInstance,
  rational,
  scalarValue,
  toExact,
  valuesEqual,
  type Counterexample,
  type Rng,
  type Value,
} from '@odot/numeric';
import { evaluable } from '../term-to-expr.ts';
import { sizeNames, type Term } from '../term.ts';
import { INDEX_FORM_TIME_MS, indexNormalFormWithin, printForm, sameForm, stoppedBy, type IndexForm, type IndexFormOptions } from './normal-form.ts';

/** Options of `decideByIndexForm` (`timeLimitMs` bounds both normal forms and the counterexample search together). */
export interface IndexDecisionOptions extends IndexFormOptions {
  /** Seed of the counterexample search (default 1). */
  readonly seed?: number;
  /** Random instances per size in the counterexample search (default 6). */
  readonly drawsPerSize?: number;
  /** Search for a counterexample when the forms differ (default true; false gives `undecided`). */
  readonly refute?: boolean;
}

/**
 * The verdict of the index-normal-form layer. `equal`: the normal forms agree (a proof for every
 * size and every value). `different`: they differ and `counterexample` is an exact instance where
 * the sides differ. `undecided`: they differ but no counterexample was found at the sizes tried
 * (for fixed sizes a polynomial identity such as Cayley–Hamilton can hold), or the time limit
 * stopped the search (`limit`). `outside`: not in the fragment, or a limit stopped the expansion
 * (`limit`: the expansion limit as `steps`, or `time`); `reason` says why.
 */
export type IndexDecision =
  | { readonly kind: 'equal'; readonly forms: readonly [string, string] }
  | { readonly kind: 'different'; readonly forms: readonly [string, string]; readonly counterexample: Counterexample; readonly sizesTried: readonly number[] }
  | { readonly kind: 'undecided'; readonly forms: readonly [string, string]; readonly sizesTried: readonly number[]; readonly limit?: Limit }
  | { readonly kind: 'outside'; readonly reason: string; readonly limit?: Limit };

/** The symbol leaves of a term (values, not indices) with their shapes and declared properties. */
function symbolLeaves(t: Term, out: Map<string, SymbolInfo>): Map<string, SymbolInfo> {
  if (t.op === 'sym' && !out.has(t.data)) out.set(t.data, { shape: t.shape, properties: new Set<Property>(t.declared) });
  if (t.op === 'entry') symbolLeaves(t.args[0], out);
  else for (const a of t.args) symbolLeaves(a, out);
  return out;
}

/** Most indices in one monomial of either form (free and summed): sizes up to this separate the networks. */
function indexCount(forms: readonly IndexForm[]): number {
  let most = 1;
  for (const f of forms) {
    for (const m of f.terms.values()) {
      const names = new Set<string>([...m.sums.keys()]);
      for (const x of m.f) for (const i of x.ix) if (!i.startsWith('#')) names.add(i);
      for (const [a, b] of m.d) [a, b].filter((i) => !i.startsWith('#')).forEach((i) => names.add(i));
      most = Math.max(most, names.size);
    }
  }
  return most;
}

function sameValue(a: Value, b: Value): boolean {
  const unwrap = (v: Value): Value => (isMatrix(v) && v.rows === 1 && v.cols === 1 ? { kind: 'scalar', value: toExact(v).data[0] as never } : v);
  return valuesEqual(unwrap(a), unwrap(b));
}

/** Every assignment of the free entry indices (1-based), at most 64. */
function indexTuples(ranges: ReadonlyMap<string, string>, sizes: ReadonlyMap<string, number>): Map<string, number>[] {
  let tuples: Map<string, number>[] = [new Map<string, number>()];
  for (const [name, range] of ranges) {
    if (!name.startsWith('$')) continue;
    const { coef, factors } = dimFactors(parseDim(range));
    const n = factors.reduce((p, name) => p * (sizes.get(name) ?? 1), coef);
    const next: Map<string, number>[] = [];
    for (const t of tuples) for (let v = 1; v <= n && next.length < 64; v++) next.push(new Map([...t, [name.slice(1), v]]));
    tuples = next;
  }
  return tuples;
}

interface SearchInput {
  readonly symbols: readonly string[];
  /** The sides as the evaluator reads them (`evaluable`). */
  readonly sides: readonly [Expr, Expr];
  readonly givens: Givens;
  readonly dims: readonly string[];
  readonly ranges: ReadonlyMap<string, string>;
  readonly maxSize: number;
  /** Declared natural symbols used as exponents: each try binds them to small naturals (see `naturalAssignments`). */
  readonly naturals: readonly string[];
}

/**
 * Values for the declared naturals of symbolic exponents: four assignments with distinct values
 * for distinct symbols (k = 0, 1, 2, 3 for one; (0, 2), (1, 3), (2, 4), (3, 0) for two, …), so
 * x^(k l) against x^(k + l) or x^k ⊙ x^l against x^(2k) separate. One empty assignment without naturals.
 */
function naturalAssignments(naturals: readonly string[]): Map<string, Value>[] {
  if (naturals.length === 0) return [new Map<string, Value>()];
  return [0, 1, 2, 3].map((t) => new Map<string, Value>(naturals.map((name, i): [string, Value] => [name, scalarValue(rational(BigInt((t + 2 * i) % 5)))])));
}

/**
 * The size assignments tried at `size`: every symbolic size equal to it, then (with two or more
 * sizes) the i-th set to size + i, which separates sizes used as numbers (`m J` against `n J`).
 */
function assignmentsAt(dims: readonly string[], size: number): Map<string, number>[] {
  const uniform = new Map(dims.map((d) => [d, size]));
  return dims.length < 2 ? [uniform] : [uniform, new Map(dims.map((d, i) => [d, size + i]))];
}

/** Tries one size assignment: random exact instances, every free-index tuple. */
function tryAtSize(input: SearchInput, fixed: ReadonlyMap<string, number>, rng: Rng, draws: number, exponents: ReadonlyMap<string, Value>): Counterexample | undefined {
  const symbols = input.symbols.filter((name) => !exponents.has(name));
  for (let draw = 0; draw < draws; draw++) {
    const inst = randomInstance(input.givens, rng, { sizes: fixed, entryRange: 3 + draw, symbols });
    if (!inst.ok) return undefined;
    const bindings = exponents.size === 0 ? inst.value.bindings : new Map([...inst.value.bindings, ...exponents]);
    for (const indices of indexTuples(input.ranges, inst.value.sizes)) {
      tick();
      const opts = { givens: input.givens, dims: inst.value.sizes, indices, mode: 'exact' as const };
      const left = evaluate(input.sides[0], bindings, opts);
      const right = evaluate(input.sides[1], bindings, opts);
      if (!left.ok || !right.ok) break;
      if (!sameValue(left.value, right.value)) {
        return { bindings, sizes: inst.value.sizes, indices, left: left.value, right: right.value };
      }
    }
  }
  return undefined;
}

/** Searches sizes 1, 2, … for a counterexample; `tried` (the caller's, so a limit can report it) lists the sizes tried. */
function search(input: SearchInput, options: IndexDecisionOptions, tried: number[]): Counterexample | undefined {
  const rng = createRng(options.seed ?? 1);
  const draws = options.drawsPerSize ?? 6;
  const sizes = input.dims.length === 0 ? [0] : Array.from({ length: input.maxSize }, (_, i) => i + 1);
  for (const size of sizes) {
    tried.push(size);
    for (const fixed of assignmentsAt(input.dims, size)) {
      for (const exponents of naturalAssignments(input.naturals)) {
        const cx = tryAtSize(input, fixed, rng, draws, exponents);
        if (cx) return cx;
      }
    }
  }
  return undefined;
}

/** How far a decision got: the printed forms once both are computed, the sizes searched so far. */
interface Progress {
  forms?: readonly [string, string];
  readonly tried: number[];
}

/**
 * Decides `a = b` by the index normal form (`ta`, `tb` are the sides as terms). Equal forms prove
 * the identity for every size; different forms are refuted by an exact counterexample searched at
 * sizes 1, 2, … up to the number of indices of the largest monomial (random exact instances from
 * `@odot/numeric`, every free entry index tuple; declared naturals in exponents at small values).
 * One time budget (`timeLimitMs`, default 1000 ms) covers the forms and the search, read inside
 * their loops: when it runs out the answer is `outside` (forms unfinished) or `undecided` (search
 * unfinished), with `limit`.
 */
export function decideByIndexForm(a: Expr, b: Expr, ta: Term, tb: Term, givens: Givens, options: IndexDecisionOptions = {}): IndexDecision {
  const budget = new Budget({ timeLimitMs: options.timeLimitMs ?? INDEX_FORM_TIME_MS });
  const progress: Progress = { tried: [] };
  try {
    return withBudget(budget, () => decideWithin(a, b, ta, tb, givens, options, progress));
  } catch (error) {
    if (!(error instanceof LimitReached) || error.budget !== budget) throw error;
    const limit = error.limit;
    if (progress.forms) return { kind: 'undecided', forms: progress.forms, sizesTried: progress.tried, limit };
    return { kind: 'outside', reason: stoppedBy(limit), limit };
  }
}

function decideWithin(a: Expr, b: Expr, ta: Term, tb: Term, givens: Givens, options: IndexDecisionOptions, progress: Progress): IndexDecision {
  const naturals = new Set([...givens].filter(([, info]) => info.domain === 'natural').map(([name]) => name));
  const sizes = sizeNames([ta, tb], givens);
  const formOptions = { ...options, naturals, sizes };
  const fa = indexNormalFormWithin(ta, formOptions);
  if (!fa.ok) return outside(fa);
  const fb = indexNormalFormWithin(tb, formOptions);
  if (!fb.ok) return outside(fb);
  const { form: x } = fa;
  const { form: y } = fb;
  const structure = (f: IndexForm): string => `${f.rows.join('·')}|${f.cols.join('·')}`;
  if (structure(x) !== structure(y)) return { kind: 'outside', reason: 'the sides split their indices differently (Kronecker factors against an unsplit size)' };
  const ranges = new Map(fa.ranges);
  for (const [k, r] of fb.ranges) {
    if (k.startsWith('$') && ranges.has(k) && ranges.get(k) !== r) return { kind: 'outside', reason: `the index ${k.slice(1)} ranges over ${ranges.get(k)} on one side and ${r} on the other` };
    ranges.set(k, r);
  }
  const forms = [printForm(x), printForm(y)] as const;
  if (sameForm(x, y)) return { kind: 'equal', forms };
  progress.forms = forms;
  if (options.refute === false) return { kind: 'undecided', forms, sizesTried: [] };
  const leaves = symbolLeaves(tb, symbolLeaves(ta, new Map()));
  const all = new Map(givens);
  for (const [name, info] of leaves) if (!all.has(name)) all.set(name, info);
  // Every index range is a size of some subterm, so `sizes` (every subterm's and declaration's) has its symbols.
  const dims = [...sizes];
  const maxSize = Math.max(2, indexCount([x, y]));
  // Symbolic exponents (`k: natural`) get small natural values in the search, never random entries.
  const exponentNaturals = [...leaves.keys()].filter((name) => naturals.has(name) && !sizes.has(name));
  const sides = [evaluable(a, ta), evaluable(b, tb)] as const;
  const cx = search({ symbols: [...leaves.keys()], sides, givens: all, dims, ranges, maxSize, naturals: exponentNaturals }, options, progress.tried);
  if (cx) return { kind: 'different', forms, counterexample: cx, sizesTried: progress.tried };
  return { kind: 'undecided', forms, sizesTried: progress.tried };
}

/** The `outside` decision of a form that was not computed (with the limit that stopped it, if any). */
function outside(r: { readonly reason: string; readonly limit?: Limit }): IndexDecision {
  return { kind: 'outside', reason: r.reason, ...(r.limit ? { limit: r.limit } : {}) };
}
