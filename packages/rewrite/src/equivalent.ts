import { Budget, LimitReached, fail, formatLimit, odotError, ok, stripSpans, withBudget, type Expr, type Givens, type Limit, type Result } from '@odot/core';
import { identityTest, type Counterexample } from '@odot/numeric';
import { compiledLaw } from './catalogue.ts';
import { bothTerms, guardDepth } from './convert.ts';
import { evaluable, termToExpr } from './term-to-expr.ts';
import { UnsoundStep, crossCheck } from './cross-check.ts';
import type { CompiledLaw } from './law.ts';
import {
  equationLaws,
  positions,
  replaceAt,
  rewriteOnceTerm,
  rewritesAt,
  toRewriteStep,
  type Direction,
  type RewriteStep,
  type TermStep,
} from './rewrite.ts';
import { SIMPLIFY_LIMITS, normalize, reorderLaw, type SimplifyOptions } from './simplify.ts';
import { EMPTY_SUBST, type Subst } from './match.ts';
import { termAt, type Term } from './term.ts';
import { decideByIndexForm, type IndexDecision } from './inf/decide.ts';
import { INDEX_FORM_TIME_MS } from './inf/normal-form.ts';

/** Limits and switches of `equivalent`. */
export interface EquivalenceOptions {
  /** Options of the simplifier used for the normal forms. */
  readonly simplify?: SimplifyOptions;
  /** Most distinct normal forms the bounded search visits, both sides together (default 200). */
  readonly searchNodes?: number;
  /** Most non-simplifying law applications on a path from either side (default 2). */
  readonly searchDepth?: number;
  /** Wall-clock budget of the search in milliseconds (default 500). */
  readonly searchTimeMs?: number;
  /** Skip the bounded search. */
  readonly noSearch?: boolean;
  /** Only the symbolic layers (canonical form, normal form, search): no numeric testing. */
  readonly symbolicOnly?: boolean;
  /** Seed and budget of the numeric identity test. */
  readonly seed?: number;
  readonly testTimeMs?: number;
  /** Debug mode: cross-check every emitted step numerically. */
  readonly check?: boolean;
  /** Skip the index-normal-form layer. */
  readonly noIndexForm?: boolean;
  /** Most monomial products of the index normal form before falling back to testing (default 200 000; reported as a `steps` limit). */
  readonly indexFormTerms?: number;
  /**
   * Wall-clock budget in milliseconds of the index-normal-form layer: both normal forms and its
   * counterexample search, read inside their loops (default 1000). When it runs out the layer
   * reports the `time` limit and the next layers decide.
   */
  readonly indexFormTimeMs?: number;
  /** Attach the index normal forms of both sides to every verdict in the fragment (the certificate). */
  readonly certificate?: boolean;
  /**
   * Wall-clock budget in milliseconds of the whole call: each layer's own budget (simplifier,
   * index normal form, tester, search) is cut to the time left when the layer starts, and a verdict
   * stopped by the clock after the deadline reports this limit. Default none: at most the sum of
   * the layers' budgets.
   */
  readonly timeLimitMs?: number;
  /**
   * A running budget the whole call adopts as its own (its time limit is then `timeLimitMs`): a
   * caller that parsed both sides within it (`parse(text, { budget })`) keeps one clock for the task.
   */
  readonly budget?: Budget;
}

/** The layer a call is in, for the verdict of a call its time limit stopped. */
interface Progress {
  layer: EquivalenceVerdict['layer'];
}

/** The options with the deadline of the whole call (`timeLimitMs`) and where the call is, when there is one. */
type Timed = EquivalenceOptions & { readonly deadline?: number; readonly progress?: Progress };

/** Notes the layer the call enters (read when the call's time limit stops it). */
function enter(options: Timed, layer: EquivalenceVerdict['layer']): void {
  if (options.progress) options.progress.layer = layer;
}

/** A layer's time budget: its own, cut to the time left before the call's deadline (at least 1 ms). */
function layerTime(options: Timed, own: number): number {
  return options.deadline === undefined ? own : Math.max(1, Math.min(own, options.deadline - Date.now()));
}

/**
 * Which layer decided and how: `proved` (steps form a chain of law applications from `a` to `b`),
 * `refuted` (an exact counterexample), `equal-by-testing` (no proof found; random exact instances
 * agree at the sizes in `sizesTested`, `errorBound` bounds the chance of an identity false at one
 * of them passing; with symbolic sizes `untestedSizes` is true: other sizes were never tried),
 * `unknown` (no proof, and the test could not run, e.g. every draw singular).
 */
export interface EquivalenceVerdict {
  readonly equivalent: boolean;
  readonly method: 'proved' | 'refuted' | 'equal-by-testing' | 'unknown';
  readonly layer: 'canonical' | 'normal-form' | 'index-normal-form' | 'search' | 'numeric';
  readonly steps: readonly RewriteStep[];
  readonly counterexample?: Counterexample;
  /**
   * `equal-by-testing`: the probability that an identity false at one of the sizes in
   * `sizesTested` passed every trial. It says nothing about sizes never tried (`untestedSizes`).
   */
  readonly errorBound?: number;
  /** `equal-by-testing`: the assignments of the symbolic sizes the identity test tried (one map each; empty maps when no size is symbolic). */
  readonly sizesTested?: readonly ReadonlyMap<string, number>[];
  /**
   * `equal-by-testing` with symbolic sizes: true, since the test tried finitely many sizes and the
   * verdict holds only there (`equivalent` then means "equal at every size tried").
   */
  readonly untestedSizes?: boolean;
  /**
   * Set when a limit of the simplifier, the index normal form (its expansion as `steps`, its
   * `time`), the identity test (`equal-by-testing` stopped early) or the search was hit: the first
   * one, in that order, its kind and value.
   */
  readonly limit?: Limit;
  readonly explanation: string;
  /** The normal forms of both sides (when the normal-form layer ran). */
  readonly normalForms?: readonly [Expr, Expr];
  /** The index normal forms of both sides printed as explicit Einstein sums (when the sides are in the fragment). */
  readonly indexNormalForms?: readonly [string, string];
  /** Why the index normal form did not decide (outside the fragment, over the expansion limit, no counterexample found). */
  readonly fragment?: string;
}

/** Terms up to this size are searched at every position and every match; larger ones only where they differ. */
const FULL_SCAN_SIZE = 300;

/**
 * Finds the step that applies `law` in `direction` somewhere in `from` and gives `to`. Matching
 * starts from `expected` (the substitution of the step being reversed), then, for a small term,
 * from nothing. A large term is tried only where `from` and `to` differ (`changedPositions`) and
 * only from `expected`: trying every match at every position of a 10 000-node sum rebuilt the
 * whole term each time, and ran out of memory.
 */
export function findStep(from: Term, to: Term, law: CompiledLaw, direction: Direction, expected: Subst = EMPTY_SUBST): TermStep | undefined {
  const small = from.size <= FULL_SCAN_SIZE;
  const candidates = small ? positions(from) : changedPositions(from, to);
  const starts = small && expected !== EMPTY_SUBST ? [expected, EMPTY_SUBST] : [expected];
  for (const start of starts) {
    for (const [path, node] of candidates) {
      for (const r of rewritesAt(law, direction, node, 512, start)) {
        if (replaceAt(from, path, r.replacement) === to) {
          return { law: law.law.name, direction, path, ext: r.match.ext, subst: r.match.subst, before: from, after: to, conditions: r.conditions };
        }
      }
    }
  }
  return undefined;
}

/**
 * The positions of `from` where one rewrite can turn it into `to`: the nodes on the way down to
 * the one child that differs (children compared as multisets, since AC nodes re-sort), then, where
 * more than one child differs, that node and its children missing from `to` (a rewritten child
 * may have been flattened into its parent).
 */
export function changedPositions(from: Term, to: Term): [readonly number[], Term][] {
  const out: [readonly number[], Term][] = [];
  let f = from;
  let t = to;
  let path: number[] = [];
  while (f !== t) {
    out.push([path, f]);
    const gone = missingFrom(f.args, t.args);
    const added = missingFrom(t.args, f.args).map(([a]) => a);
    const single = f.op === t.op && f.data === t.data && f.args.length === t.args.length && gone.length === 1 && added.length === 1;
    if (!single) {
      for (const [a, i] of gone) out.push([[...path, i], a]);
      break;
    }
    const [[child, i]] = gone as [readonly [Term, number]];
    path = [...path, i];
    f = child;
    t = termAt(added, 0);
  }
  return out;
}

/** The children of `xs` (with their index) that `ys` does not have, counted as multisets. */
function missingFrom(xs: readonly Term[], ys: readonly Term[]): (readonly [Term, number])[] {
  const count = new Map<Term, number>();
  for (const y of ys) count.set(y, (count.get(y) ?? 0) + 1);
  const out: (readonly [Term, number])[] = [];
  xs.forEach((x, i) => {
    const n = count.get(x) ?? 0;
    if (n > 0) count.set(x, n - 1);
    else out.push([x, i]);
  });
  return out;
}

/** The same step read backwards (other direction, position found in the old `after`). */
export function reverseStep(step: TermStep): TermStep {
  const law = compiledLaw(step.law);
  const flipped: Direction = step.direction === 'forward' ? 'backward' : 'forward';
  const found = law ? findStep(step.after, step.before, law, flipped, step.subst) : undefined;
  return found ?? { ...step, direction: flipped, path: [], ext: { kind: 'whole' }, before: step.after, after: step.before };
}

interface Edge {
  readonly from: Term;
  readonly steps: readonly TermStep[];
}

interface SearchResult {
  readonly steps?: readonly TermStep[];
  readonly limit?: Limit;
}

/**
 * Bounded bidirectional search between two normal forms: a node's neighbours are the normal forms
 * reached by one application of any equation (either direction, any position; directions that
 * would rewrite a bare variable into something bigger are skipped) followed by simplification.
 */
function search(na: Term, nb: Term, givens: Givens, options: Timed): SearchResult {
  const budget = new Budget({ timeLimitMs: layerTime(options, options.searchTimeMs ?? 500), maxMemory: options.simplify?.maxMemory ?? SIMPLIFY_LIMITS.maxMemory });
  try {
    return withBudget(budget, () => searchWithin(na, nb, givens, options, budget));
  } catch (error) {
    if (error instanceof LimitReached && error.budget === budget) return { limit: error.limit };
    throw error;
  }
}

function searchWithin(na: Term, nb: Term, givens: Givens, options: EquivalenceOptions, budget: Budget): SearchResult {
  const maxNodes = options.searchNodes ?? 200;
  const maxDepth = options.searchDepth ?? 2;
  const laws = equationLaws();
  const parents: [Map<Term, Edge | null>, Map<Term, Edge | null>] = [new Map([[na, null]]), new Map([[nb, null]])];
  let frontiers: [Term[], Term[]] = [[na], [nb]];
  const chain = (side: 0 | 1, t: Term): TermStep[] => {
    const out: TermStep[] = [];
    let cur = t;
    for (;;) {
      const e = parents[side].get(cur);
      if (!e) break;
      out.unshift(...e.steps);
      cur = e.from;
    }
    return out;
  };
  const meet = (t: Term): TermStep[] => {
    const left = chain(0, t);
    const right = chain(1, t).reverse().map(reverseStep);
    return [...left, ...right];
  };
  for (let depth = 0; depth < maxDepth; depth++) {
    for (const side of [0, 1] as const) {
      const other = parents[side === 0 ? 1 : 0];
      const next: Term[] = [];
      for (const t of frontiers[side]) {
        for (const law of laws) {
          budget.tick();
          for (const step of rewriteOnceTerm(t, law, { skipExpanding: true })) {
            const nf = normalize(step.after, givens, { maxSteps: 200, timeLimitMs: Math.min(100, Math.max(1, budget.remainingMs())) });
            if (parents[side].has(nf.term)) continue;
            parents[side].set(nf.term, { from: t, steps: [step, ...nf.steps] });
            if (other.has(nf.term)) return { steps: meet(nf.term) };
            next.push(nf.term);
            budget.check(parents[0].size + parents[1].size <= maxNodes, { kind: 'nodes', value: maxNodes });
          }
        }
      }
      frontiers = side === 0 ? [next, frontiers[1]] : [frontiers[0], next];
    }
  }
  return { limit: { kind: 'depth', value: maxDepth } };
}

function reorderRewrite(from: Expr, to: Expr): RewriteStep[] {
  const law = reorderLaw(from, to);
  return law ? [{ law, direction: 'forward', path: [], substitution: {}, before: from, after: to }] : [];
}

/** Debug mode: every step of a proof is checked numerically (throws `UnsoundStep`). */
function checked(steps: readonly TermStep[], givens: Givens, options: EquivalenceOptions): readonly TermStep[] {
  if (options.check) steps.forEach((s, i) => crossCheck(s.law, s.before, s.after, givens, i + 1));
  return steps;
}

/** The proof chain from `a` to `b` through the given term steps, with the reordering steps at both ends. */
function chainFrom(a: Expr, ta: Term, steps: readonly TermStep[], tb: Term, b: Expr): RewriteStep[] {
  const ca = termToExpr(ta);
  const cb = termToExpr(tb);
  return [...reorderRewrite(stripSpans(a), ca), ...steps.map(toRewriteStep), ...reorderRewrite(cb, stripSpans(b))];
}

/**
 * Decides whether `a = b` for all values of the symbols under `givens`, in layers: the same
 * canonical term (commutativity/associativity in the representation); the same normal form (the
 * simplifier's steps on both sides are the proof); a refutation by exact random testing when the
 * sides differ; a bounded search for a proof (node, depth and time limits reported when hit); else
 * `equal-by-testing` with the test's error bound. A shape error (either side ill-shaped, or the
 * sides of different shapes) is a failure, not `false`.
 */
export function equivalent(a: Expr, b: Expr, givens: Givens = new Map(), given: EquivalenceOptions = {}): Result<EquivalenceVerdict> {
  if (given.timeLimitMs === undefined && given.budget === undefined) return verdictWithin(a, b, givens, given);
  // One clock for the whole call: reading both sides, every layer and printing the verdict count.
  const budget = given.budget ?? new Budget({ timeLimitMs: given.timeLimitMs ?? Infinity });
  const timeLimitMs = budget.limits.timeLimitMs ?? Infinity;
  const progress: Progress = { layer: 'canonical' };
  const options: Timed = { ...given, timeLimitMs, deadline: budget.deadline, progress };
  try {
    const verdict = withBudget(budget, () => verdictWithin(a, b, givens, options));
    return verdict.ok ? ok(overallLimit(verdict.value, options)) : verdict;
  } catch (error) {
    if (!(error instanceof LimitReached && error.budget === budget)) throw error;
    const limit: Limit = { kind: 'time', value: timeLimitMs };
    return ok({
      equivalent: false,
      method: 'unknown',
      layer: progress.layer,
      steps: [],
      explanation: `no verdict: stopped by the ${formatLimit(limit)} (in the ${progress.layer} layer)`,
      limit,
    });
  }
}

/** A verdict stopped by the clock once the call's deadline has passed reports the call's own limit. */
function overallLimit(v: EquivalenceVerdict, options: Timed): EquivalenceVerdict {
  if (options.deadline === undefined || options.timeLimitMs === undefined || v.limit?.kind !== 'time' || Date.now() < options.deadline) return v;
  return { ...v, limit: { kind: 'time', value: options.timeLimitMs } };
}

function verdictWithin(a: Expr, b: Expr, givens: Givens, options: Timed): Result<EquivalenceVerdict> {
  const terms = guardDepth(bothTerms(a, b, givens), 'equivalent');
  if (!terms.ok) return terms;
  const [ta, tb] = terms.value;
  try {
    const v = decide(a, b, ta, tb, givens, options);
    if (!options.certificate || v.indexNormalForms || options.noIndexForm) return ok(v);
    // The layer ran and was outside (or stopped by a limit): running it again would only repeat that.
    if (v.fragment?.startsWith(OUTSIDE)) return ok({ ...v, fragment: v.fragment.slice(OUTSIDE.length) });
    const d = decideByIndexForm(a, b, ta, tb, givens, { refute: false, ...indexFormLimits(options) });
    return ok(d.kind === 'outside' ? { ...v, fragment: d.reason } : { ...v, indexNormalForms: d.forms });
  } catch (error) {
    if (error instanceof UnsoundStep) return fail(odotError('unsound-step', error.message));
    throw error;
  }
}

/** What the layers after the normal forms share: the sides, both as terms and simplified, and the limits met so far. */
interface Layers {
  readonly a: Expr;
  readonly b: Expr;
  readonly ta: Term;
  readonly tb: Term;
  readonly givens: Givens;
  readonly options: Timed;
  readonly na: Normalized;
  readonly nb: Normalized;
  readonly normalForms: readonly [Expr, Expr];
  /** The simplifier's limit, if it stopped. */
  readonly nfLimit: Limit | undefined;
}

type Normalized = ReturnType<typeof normalize>;

/** The search between the two normal forms: a proved verdict, or the limit met and a note on why not. */
type Searched = { readonly proved: EquivalenceVerdict } | { readonly limit?: Limit; readonly note: string };

/**
 * The layers in order, each deciding when it can: the canonical forms, the normal forms, the index
 * normal form (proves or refutes within its fragment), then numeric identity testing with a
 * bounded search between the normal forms for a chain of laws.
 */
function decide(a: Expr, b: Expr, ta: Term, tb: Term, givens: Givens, options: Timed): EquivalenceVerdict {
  if (ta === tb) {
    return {
      equivalent: true,
      method: 'proved',
      layer: 'canonical',
      steps: reorderRewrite(stripSpans(a), stripSpans(b)),
      explanation: 'both sides have the same canonical form (they differ at most by commutativity and associativity)',
    };
  }
  const simplifyOptions: SimplifyOptions = { ...options.simplify, ...(options.check ? { check: true } : {}) };
  enter(options, 'normal-form');
  const side = (): SimplifyOptions => ({ ...simplifyOptions, timeLimitMs: layerTime(options, simplifyOptions.timeLimitMs ?? SIMPLIFY_LIMITS.timeLimitMs) });
  const na = normalize(ta, givens, side());
  const nb = normalize(tb, givens, side());
  const layers: Layers = { a, b, ta, tb, givens, options, na, nb, normalForms: [termToExpr(na.term), termToExpr(nb.term)], nfLimit: na.limit ?? nb.limit };
  if (na.term === nb.term) {
    return {
      equivalent: true,
      method: 'proved',
      layer: 'normal-form',
      steps: chainBetween(layers, []),
      explanation: 'both sides simplify to the same normal form',
      normalForms: layers.normalForms,
      ...(layers.nfLimit ? { limit: layers.nfLimit } : {}),
    };
  }
  enter(options, 'index-normal-form');
  const inf: IndexDecision = options.noIndexForm
    ? { kind: 'outside', reason: 'the index-normal-form layer was switched off' }
    : decideByIndexForm(a, b, ta, tb, givens, { refute: !options.symbolicOnly, ...indexFormLimits(options) });
  const infFields: InfFields = inf.kind === 'outside' ? { fragment: `${OUTSIDE}${inf.reason}` } : { indexNormalForms: inf.forms };
  // The first limit hit before the search: the simplifier's, else the index normal form's.
  const layerLimit = layers.nfLimit ?? ('limit' in inf ? inf.limit : undefined);
  const searched = (): Searched => searchNormalForms(layers, layerLimit);
  const decided = indexFormVerdict(inf, layers.normalForms, infFields, searched);
  if (decided) return decided;
  if (options.symbolicOnly) return symbolicVerdict(searched(), layers, infFields);
  return numericVerdict(layers, infFields, layerLimit, searched);
}

/** The whole chain from `a` to `b`: `a`'s simplification, the `middle` steps, `b`'s simplification walked back (each step checked). */
function chainBetween(layers: Layers, middle: readonly TermStep[]): RewriteStep[] {
  const { a, b, ta, tb, givens, options, na, nb } = layers;
  const back = [...nb.steps].reverse().map(reverseStep);
  return chainFrom(a, ta, checked([...na.steps, ...middle, ...back], givens, options), tb, b);
}

/** The bounded search between the two normal forms: a proved verdict, or the combined limit note. */
function searchNormalForms(layers: Layers, layerLimit: Limit | undefined): Searched {
  const { givens, options, na, nb, normalForms, nfLimit } = layers;
  enter(options, 'search');
  const found = options.noSearch ? {} : search(na.term, nb.term, givens, options);
  if (found.steps) {
    const steps = chainBetween(layers, found.steps);
    return { proved: { equivalent: true, method: 'proved', layer: 'search', steps, explanation: 'a bounded search connected the two normal forms', normalForms } };
  }
  const limit = layerLimit ?? found.limit;
  const notes = [nfLimit, found.limit].filter((x) => x !== undefined).map((x) => `stopped by the ${formatLimit(x)}`);
  return { ...(limit ? { limit } : {}), note: options.noSearch ? [...notes, 'search skipped'].join('; ') : notes.join('; ') };
}

/** With numeric testing switched off: the search's proof, else unknown with its note. */
function symbolicVerdict(searched: Searched, layers: Layers, infFields: InfFields): EquivalenceVerdict {
  if ('proved' in searched) return { ...searched.proved, ...infFields };
  const { limit, note } = searched;
  return {
    equivalent: false,
    method: 'unknown',
    layer: 'search',
    steps: [],
    explanation: `no proof found (${note}); numeric testing was switched off`,
    normalForms: layers.normalForms,
    ...infFields,
    ...(limit ? { limit } : {}),
  };
}

/**
 * Identity testing, then the search: refuted with a counterexample, proved by the search, equal by
 * testing (with the sizes tried), or unknown. Deeply nested sides are tested through their
 * canonical terms (same value; see `evaluable`).
 */
function numericVerdict(layers: Layers, infFields: InfFields, layerLimit: Limit | undefined, searched: () => Searched): EquivalenceVerdict {
  const { a, b, ta, tb, givens, options, normalForms } = layers;
  enter(options, 'numeric');
  const verdict = identityTest(evaluable(a, ta), evaluable(b, tb), givens, {
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    timeLimitMs: layerTime(options, options.testTimeMs ?? 2000),
  });
  const unknown = (explanation: string, limit: Limit | undefined): EquivalenceVerdict => ({
    equivalent: false,
    method: 'unknown',
    layer: 'numeric',
    steps: [],
    explanation,
    normalForms,
    ...infFields,
    ...(limit ? { limit } : {}),
  });
  switch (verdict.verdict) {
    case 'error':
      // Shapes were checked above; anything else the evaluator rejects is reported as untestable.
      return unknown(`no proof found and the expressions cannot be tested: ${verdict.error.message}`, layerLimit);
    case 'different':
      return { equivalent: false, method: 'refuted', layer: 'numeric', steps: [], counterexample: verdict.counterexample, explanation: verdict.explanation, normalForms, ...infFields };
    case 'equal':
    case 'unknown':
      break;
  }
  const found = searched();
  if ('proved' in found) return { ...found.proved, ...infFields };
  const { limit, note } = found;
  if (verdict.verdict === 'unknown') return unknown(`no proof found (${note}) and testing was inconclusive: ${verdict.reason}`, limit);
  // The first limit hit: before the test (simplifier, index normal form), the test's own, the search's.
  const first = layerLimit ?? verdict.limit ?? limit;
  return {
    equivalent: true,
    method: 'equal-by-testing',
    layer: 'numeric',
    steps: [],
    errorBound: verdict.errorBound,
    sizesTested: verdict.sizes,
    untestedSizes: verdict.untestedSizes,
    explanation: `no proof found (${note}); ${infFields.fragment ? `${infFields.fragment}; ` : ''}identity testing: ${verdict.explanation}`,
    normalForms,
    ...infFields,
    ...(first ? { limit: first } : {}),
  };
}

/** How `fragment` begins when the index normal form was outside the fragment or stopped by a limit. */
const OUTSIDE = 'outside the index-normal-form fragment: ';

type InfFields = { fragment?: string; indexNormalForms?: readonly [string, string] };

/**
 * The verdict of the index-normal-form layer: proved (`layer: 'index-normal-form'`, with the chain
 * of laws as steps when the bounded search finds one), refuted by its counterexample, or undefined (and a note in `infFields.fragment`) when
 * the next layers must decide.
 */
function indexFormVerdict(
  inf: IndexDecision,
  normalForms: readonly [Expr, Expr],
  infFields: InfFields,
  searchNormalForms: () => { proved: EquivalenceVerdict } | { limit?: Limit; note: string },
): EquivalenceVerdict | undefined {
  if (inf.kind === 'equal') {
    // The normal form is the judge; the bounded search only looks for a chain of laws to show.
    const searched = searchNormalForms();
    if ('proved' in searched) {
      const explanation = `both sides have the same index normal form ${inf.forms[0]}; a bounded search found the chain of laws shown`;
      return { ...searched.proved, layer: 'index-normal-form', explanation, ...infFields };
    }
    return {
      equivalent: true,
      method: 'proved',
      layer: 'index-normal-form',
      steps: [],
      explanation: `both sides have the same index normal form ${inf.forms[0]} (no chain of laws found: ${searched.note || 'none within the search limits'})`,
      normalForms,
      ...infFields,
    };
  }
  if (inf.kind === 'different') {
    const sizes = [...inf.counterexample.sizes].map(([k, v]) => `${k} = ${v}`).join(', ');
    return {
      equivalent: false,
      method: 'refuted',
      layer: 'index-normal-form',
      steps: [],
      counterexample: inf.counterexample,
      explanation: `the index normal forms differ (${inf.forms[0]} against ${inf.forms[1]}); an exact instance${sizes ? ` at ${sizes}` : ''} separates the sides`,
      normalForms,
      ...infFields,
    };
  }
  if (inf.kind === 'undecided') {
    const stopped = inf.limit ? ` (the search was stopped by the ${formatLimit(inf.limit)})` : '';
    infFields.fragment =
      inf.sizesTried.length > 0
        ? `the index normal forms differ but no counterexample was found at sizes ${inf.sizesTried.join(', ')}${stopped}`
        : `the index normal forms differ (no counterexample searched)${stopped}`;
  }
  return undefined;
}

function indexFormLimits(options: Timed): { maxTerms?: number; seed?: number; timeLimitMs?: number } {
  return {
    ...(options.indexFormTerms === undefined ? {} : { maxTerms: options.indexFormTerms }),
    ...(options.indexFormTimeMs === undefined && options.deadline === undefined ? {} : { timeLimitMs: layerTime(options, options.indexFormTimeMs ?? INDEX_FORM_TIME_MS) }),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
  };
}
