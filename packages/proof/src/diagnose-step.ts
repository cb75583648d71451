import { formatDim, formatShape, inferShape, isOpenDim, printExpr, type Expr, type Givens } from '@odot/core';
import { boundTo } from './applied-step.ts';
import { sizeRelaxedApplications } from './entrywise.ts';
import { misconception, mutantsOf } from '@odot/rewrite';
import { statedDoers } from './as-stated.ts';
import type { MissingCondition, NumericVerdict } from './backend.ts';
import { stepCounterexample } from './check-algebra.ts';
import type { CheckContext } from './check-options.ts';
import { canonicalLaw, citable } from './citations.ts';
import { exprKey, normalizeBound } from './expr-tools.ts';
import type { LawCitation } from './proof-ast.ts';
import type { StepReport } from './report.ts';
import { report, type LineRef } from './step-report.ts';
import { describeSplit, limitText, safeApply, searchStep, splitOf, type StepSearch } from './step-search.ts';
import { searchBothWays } from './search.ts';

const show = (expr: Expr): string => printExpr(expr, 'plain');

/** What the failure diagnoses share. */
interface Failing {
  readonly from: Expr;
  readonly to: Expr;
  readonly laws: readonly LawCitation[];
  readonly line: LineRef;
  readonly kind: 'step' | 'equation';
  readonly context: CheckContext;
}

/** `diagonal_mul_diagonal needs D diagonal; …`, each condition once. */
export function describeMissing(missing: readonly MissingCondition[]): string {
  return [...new Set(missing.map((m) => `${m.law} needs ${show(m.subject)} ${m.property}`))].join('; ');
}

/** How to supply the missing properties: a `given` line for a declared symbol, else a general hint. */
export function missingHints(missing: readonly MissingCondition[], givens: Givens): string[] {
  const hints = missing.map((m) => {
    const info = m.subject.type === 'Identifier' ? givens.get(m.subject.name) : undefined;
    return info && m.subject.type === 'Identifier'
      ? `if ${m.subject.name} is ${m.property}, declare it: \`given ${m.subject.name}: ${formatShape(info.shape)} ${m.property}\``
      : `${m.law} applies only when ${show(m.subject)} is ${m.property}`;
  });
  return [...new Set(hints)];
}

/** The cited laws would do it if the givens had more properties: `side-condition`, naming the one that fails. */
function sideCondition(f: Failing, numeric: NumericVerdict): StepReport | undefined {
  const { backend, givens } = f.context;
  const relaxedGivens = backend.relaxGivens(givens);
  const names = f.laws.map((law) => law.name);
  const relaxed = searchBothWays(f.from, f.to, names, backend.engine, relaxedGivens, f.context.limits, (a, b) => backend.canonicallyEqual(a, b, relaxedGivens));
  const missing = relaxed.steps ? (relaxed.replayable ?? relaxed.steps).flatMap((step) => backend.missingConditions(step, givens)) : [];
  if (missing.length === 0) return undefined;
  const falsity = numeric.verdict === 'different' ? `, and without it the step is false: ${stepCounterexample(numeric.counterexample)}` : '';
  return report(f.line, f.kind, f.laws, 'side-condition', `${describeMissing(missing)}${falsity}`, {
    hints: missingHints(missing, givens),
    ...(numeric.verdict === 'different' ? { counterexample: numeric.counterexample } : {}),
  });
}

/** Hints for a block size that is not the factor's, and for a block split whose size does not divide. */
const BLOCK_SIZE_HINT = "row (i - 1) p + k of X ⊗ Y is row k of block row i only when Y has p rows (and column (j - 1) q + l needs q columns): write the factor's size in the index, and declare the factor's shape";
const BLOCK_SPLIT_HINT = 'a sum over t = 1..n splits as t = (u - 1) q + v only when the block size q divides n: for the columns of X ⊗ Y (p×q factor Y) the block size is q';

/**
 * The step is what a cited law does at a block index whose size is not the Kronecker factor's
 * (`(A ⊗ B)[(i - 1) (2) + k, …] = A[i,j] B[k,l]` for a B with 3 rows): `side-condition`, naming
 * the size the index must have. Tried from either end, as the search is.
 */
function blockSizeCondition(f: Failing): StepReport | undefined {
  const { givens } = f.context;
  const [source, target] = [exprKey(normalizeBound(f.from)), exprKey(normalizeBound(f.to))];
  for (const law of f.laws) {
    const found =
      sizeRelaxedApplications(f.from, law.name, { givens }).find((a) => exprKey(a.step.after) === target) ??
      sizeRelaxedApplications(f.to, law.name, { givens }).find((a) => exprKey(a.step.after) === source);
    if (!found) continue;
    const needs = found.failing.map((c) => {
      const size = boundTo(found.step.substitution, c.size);
      const matrix = boundTo(found.step.substitution, c.matrix);
      const shape = matrix && inferShape(matrix, givens);
      const actual = shape?.ok && shape.value.kind === 'matrix' && !isOpenDim(shape.value[c.axis]) ? `, which is ${formatDim(shape.value[c.axis])}` : ', which the declarations do not tell';
      return `${law.name} needs ${size ? show(size) : c.size} to ${c.divides ? 'divide' : 'be'} the number of ${c.axis === 'rows' ? 'rows' : 'columns'} of ${matrix ? show(matrix) : c.matrix}${actual}`;
    });
    const divides = found.failing.some((c) => c.divides);
    return report(f.line, f.kind, f.laws, 'side-condition', [...new Set(needs)].join('; '), {
      hints: [divides ? BLOCK_SPLIT_HINT : BLOCK_SIZE_HINT],
    });
  }
  return undefined;
}

/** Mutants compared up to canonical form (the rest by their text key only), to bound the cost. */
const CANONICAL_MUTANTS = 40;

/** A false step: `buggy-rule` when a named misconception turns the previous line into this one, else `false`. */
function falseStep(f: Failing, numeric: NumericVerdict & { readonly verdict: 'different' }): StepReport {
  const { backend, givens } = f.context;
  const cx = stepCounterexample(numeric.counterexample);
  const target = exprKey(f.to);
  const mutant = mutantsOf(f.from).find((m, k) => exprKey(m.expr) === target || (k < CANONICAL_MUTANTS && backend.canonicallyEqual(m.expr, f.to, givens)));
  if (mutant) {
    const known = misconception(mutant.code);
    const message = `this step is false: it uses the buggy rule ${known.rule} (${show(mutant.right)} became ${show(mutant.wrong)}), but ${known.lesson}; ${cx}`;
    return report(f.line, f.kind, f.laws, 'buggy-rule', message, { counterexample: numeric.counterexample, misconception: mutant.code });
  }
  return report(f.line, f.kind, f.laws, 'false', `this step is false: ${cx}`, { counterexample: numeric.counterexample });
}

/**
 * Extra applications tried beyond the limit to tell a step that is too big from one the cited laws
 * cannot do, and the bounds of that search. The node bound decides (the same diagnosis on any
 * machine); the time bound is only a safety net, well above what the node bound takes even with
 * cold code on a loaded machine (it was 250 ms, and a cold first check at load 11 ran out of it,
 * so a too-big step read as one no law does).
 */
const EXTRA_APPLICATIONS = 3;
const TOO_BIG_NODES = 500;
const TOO_BIG_MS = 2000;

/** The cited laws do it, but in more applications than allowed: `too-big`, with the split. */
function tooBig(f: Failing): StepReport | undefined {
  const limits = f.context.limits;
  const wider = {
    maxApplications: limits.maxApplications + EXTRA_APPLICATIONS,
    maxNodes: Math.min(limits.maxNodes, TOO_BIG_NODES),
    timeLimitMs: Math.min(limits.timeLimitMs, TOO_BIG_MS),
  };
  const search = searchStep(f.from, f.to, f.laws.map((law) => law.name), f.context, wider);
  if (!search.steps || search.steps.length <= limits.maxApplications) return undefined;
  const split = splitOf(search.steps, f.to);
  const message = `the step is true, but it takes ${search.steps.length} law applications and at most ${limits.maxApplications} are allowed in one step: split it: ${describeSplit(split)}`;
  return report(f.line, f.kind, f.laws, 'too-big', message, { split, trace: search.steps });
}

/** Limits of the search over the whole catalogue for a split the student could write: the node bound decides, the time bound is a safety net (as `TOO_BIG_MS`). */
const SPLIT_LIMITS = { maxApplications: 2, maxNodes: 400, timeLimitMs: 2000 } as const;

/**
 * A step that only reorders or regroups (equal up to the order and grouping of ⊙, + and products
 * of numbers) but does not cite a law that reorders (`wrong-law`, naming them), or under `strict`
 * moves more than one factor (`too-big`, naming the laws that write it one swap at a time). A search for a
 * split would only find detours (a law applied and undone), which a tutor would never suggest.
 */
function reorderOnly(f: Failing): StepReport | undefined {
  const { backend, givens } = f.context;
  if (!backend.canonicallyEqual(f.from, f.to, givens)) return undefined;
  if (!f.context.strict) {
    const message = 'the step is true, but it only reorders or regroups factors, which the cited law does not do: cite mul_comm (products of numbers), hadamard_comm (⊙) or add_comm (+)';
    return report(f.line, f.kind, f.laws, 'wrong-law', message, { hints: ['one step citing mul_comm, hadamard_comm or add_comm may reorder freely'] });
  }
  const message =
    'the step is true, but it only reorders or regroups factors and no single law application does it: ' +
    'write it one swap or regrouping at a time, by mul_comm / mul_assoc (products of numbers), hadamard_comm / hadamard_assoc (⊙) or add_comm / add_assoc (+)';
  return report(f.line, f.kind, f.laws, 'too-big', message, { hints: ['without --strict, one step citing mul_comm, hadamard_comm or add_comm may reorder freely'] });
}

/** True, but no cited or single law does it: a split over the whole catalogue, when a short one exists. */
function splitAnywhere(f: Failing): StepReport | undefined {
  const reorder = reorderOnly(f);
  if (reorder) return reorder;
  const engine = f.context.backend.engine;
  const cited = f.laws.map((law) => law.name);
  const names = [...cited, ...[...new Set(engine.names.map(canonicalLaw))].filter((name) => !cited.includes(name) && engine.knows(name) && citable(name, f.context))];
  const search = searchStep(f.from, f.to, names, f.context, { ...SPLIT_LIMITS, maxApplications: Math.max(2, f.context.limits.maxApplications + 1) });
  if (!search.steps || search.steps.length <= 1) return undefined;
  const split = splitOf(search.steps, f.to);
  return report(f.line, f.kind, f.laws, 'too-big', `the step is true, but no single law does it: split it: ${describeSplit(split)}`, { split, trace: search.steps });
}

/** The laws a failing step may be told to cite instead: citable catalogue laws other than the cited ones. */
function otherLaws(f: Failing): string[] {
  const { backend } = f.context;
  const cited = f.laws.map((law) => canonicalLaw(law.name));
  return [...new Set(backend.engine.names.map(canonicalLaw))].filter((name) => !cited.includes(name) && backend.engine.knows(name) && citable(name, f.context));
}

/** The laws that do the step in one application: as stated under `strict`, else up to canonical form (at most 3). */
const doersOf = (f: Failing): string[] => (f.context.strict ? statedDoers(f.from, f.to, otherLaws(f), f.context, 3) : canonicalDoers(f, otherLaws(f)));

/** True (or undecided) but not by the cited laws: `wrong-law`, naming the law that does it in one application (`known`: found already). */
function wrongLaw(f: Failing, numeric: NumericVerdict, search: StepSearch, known?: readonly string[]): StepReport {
  const { backend } = f.context;
  const names = f.laws.map((law) => law.name);
  const doers = known ?? doersOf(f);
  const cited = names.length === 1 ? `${names[0]} does` : `${names.join(', ')} do`;
  const truth = numeric.verdict === 'equal' ? 'the step is true, but ' : '';
  const stopped = limitText(search);
  const instead = doers.length > 0 ? `; ${doers.join(' or ')} does it in one step` : numeric.verdict === 'equal' ? '; no single law of the catalogue does it either: split it into smaller steps' : '';
  const message = `${truth}${cited} not turn ${show(f.from)} into ${show(f.to)}${instead}${stopped ? ` (${stopped})` : ''}`;
  return report(f.line, f.kind, f.laws, 'wrong-law', message, {
    ...(doers.length > 0 ? { hints: doers.map((name) => `${name}: ${backend.engine.statement(name) ?? ''}`.trim()) } : {}),
    ...(search.limit ? { limit: search.limit } : {}),
    numeric: numeric.verdict === 'equal' ? numeric.detail : numeric.verdict === 'unknown' ? `not decided numerically: ${numeric.reason}` : 'different',
  });
}

/** Laws among `names` that do the step in one application, catalogue results compared up to canonical form (at most 3). */
function canonicalDoers(f: Failing, names: readonly string[]): string[] {
  const { backend, givens } = f.context;
  const fast = backend.stepDoers?.(f.from, f.to, names, givens);
  if (fast !== undefined) return fast.slice(0, 3);
  const target = exprKey(f.to);
  const out: string[] = [];
  for (const name of names) {
    const does = safeApply(f.context, f.from, name).some((step) => exprKey(step.after) === target || (step.origin === 'catalogue' && backend.canonicallyEqual(step.after, f.to, givens)));
    if (does) out.push(name);
    if (out.length >= 3) break;
  }
  return out;
}

/**
 * Whether the step is true, as cheaply as it can be told: when the light cross-check (one trial
 * modulo p at a generic size) finds it equal and another law of the catalogue does it in one
 * application, it is true by that law (every catalogue law is tested at every size, 1 and 2
 * included), and those laws come back with the light verdict. Otherwise the full identity test
 * decides, whose counterexample a false step reports (with the empty list of doers, when they
 * were looked for).
 */
function stepTruth(f: Failing): { readonly numeric: NumericVerdict; readonly doers?: readonly string[] } {
  const { backend, givens } = f.context;
  const light = backend.numeric(f.from, f.to, givens, 'cross-check');
  if (light.verdict !== 'equal') return { numeric: backend.numeric(f.from, f.to, givens) };
  const doers = doersOf(f);
  // The doers found (none, too) are kept either way: the diagnosis would otherwise look for them again.
  return { numeric: doers.length > 0 ? light : backend.numeric(f.from, f.to, givens), doers };
}

/**
 * Why the cited laws do not give this step, as a tutor would say it: a side condition that fails,
 * a named misconception (`buggy-rule`) or a counterexample (`false`), a step too big for one line
 * (`too-big`, with the split), or a true step by another law (`wrong-law`, naming it).
 */
export function diagnoseFailure(from: Expr, to: Expr, laws: readonly LawCitation[], line: LineRef, kind: 'step' | 'equation', context: CheckContext, search: StepSearch): StepReport {
  const f: Failing = { from, to, laws, line, kind, context };
  const block = blockSizeCondition(f);
  if (block) return block;
  const { numeric, doers } = stepTruth(f);
  const side = sideCondition(f, numeric);
  if (side) return side;
  if (numeric.verdict === 'different') return falseStep(f, numeric);
  // A search stopped by a limit proves nothing: say so, rather than guess at a bigger search.
  if (search.limit) return wrongLaw(f, numeric, search, doers);
  const big = tooBig(f);
  if (big) return big;
  const wrong = wrongLaw(f, numeric, search, doers);
  if (wrong.hints !== undefined || numeric.verdict !== 'equal') return wrong;
  return splitAnywhere(f) ?? wrong;
}
