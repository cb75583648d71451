import { dimFactors, entry, identifier, inferShape, printPlain, walkExpr, type Expr, type Span } from '@odot/core';
import { checkTransition } from './check-transition.ts';
import { findLaw } from '@odot/rewrite';
import type { CheckerBackend } from './backend.ts';
import { chainLines, type ChainStep } from './chain-text.ts';
import type { CheckContext } from './check-options.ts';
import { restatesGoal } from './circular.ts';
import { exprKey, freeNames } from './expr-tools.ts';
import { entrywiseEngine } from './law-engine.ts';
import type { Goal } from './proof-ast.ts';
import { readableBound } from './readable-bound.ts';
import { isReordering } from './reordering.ts';
import { searchBothWays, type SearchLimits } from './search.ts';
import { unfoldSteps } from './unfold.ts';
import { reverseStep, type AppliedStep } from './applied-step.ts';

// Proof bodies for a goal the engine's own proof would prove circularly (its one step cites the
// goal itself, `hadamard_comm` for A ⊙ B = B ⊙ A): an entrywise chain, or a chain of other laws.

/** Limits of each of a certificate's own searches (the entrywise chain's middle, the chain of other laws). */
export const CERTIFICATE_LIMITS: SearchLimits = { maxApplications: 4, maxNodes: 3000, timeLimitMs: 1500 };

/** Most definitions unfolded on each side of an entrywise chain. */
const UNFOLD_ROUNDS = 12;

/** Laws tried, in order, for one step of matrices that only reorders: the structural laws. */
const REORDERINGS = ['hadamard_comm', 'add_comm', 'hadamard_assoc', 'add_assoc', 'mul_assoc', 'smul_smul', 'neg_neg'];

/** The same for numbers (entries of an entrywise chain): `mul_comm`, which the checker accepts for a reordering of a product, first. */
const NUMBER_REORDERINGS = ['mul_comm', 'add_comm', 'mul_assoc', 'add_assoc', 'neg_neg'];

const NO_SPAN: Span = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 2, offset: 1 } };

/**
 * The first of `laws` (default `REORDERINGS`; none of `avoid`) with which the checker accepts the one step
 * `from` → `to` (`checkTransition`, within the context's limits), or undefined.
 */
export function reorderingLaw(from: Expr, to: Expr, avoid: ReadonlySet<string>, context: CheckContext, laws: readonly string[] = REORDERINGS): string | undefined {
  return laws.filter((law) => !avoid.has(law)).find(
    (law) => checkTransition(from, to, [{ name: law, span: NO_SPAN }], { line: 1, span: NO_SPAN }, 'step', context).code === 'ok',
  );
}

/** Index names tried, in order, for the entry `(L)[i,j]` of an entrywise chain. */
const INDEX_NAMES = ['i', 'j', 'p', 'q', 'r', 's', 'u', 'v'];

/** The laws among `names` that state `goal` itself, by the checker's own rule (`restatesGoal`): citing one is circular. */
export function circularLaws(names: readonly string[], goal: Goal, backend: CheckerBackend): string[] {
  return names.filter((name) => restatesGoal(name, goal, backend));
}

/** Two index names for `(L)[i,j]`: not declared, not in the equation, and different (`i`, `j` when free). */
function indexPair(left: Expr, right: Expr, context: CheckContext): readonly [string, string] | undefined {
  const taken = new Set([...freeNames(left), ...freeNames(right), ...context.givens.keys()]);
  const free = INDEX_NAMES.filter((name) => !taken.has(name));
  const [row, col] = free;
  return row !== undefined && col !== undefined ? [row, col] : undefined;
}

/** The declared symbols and their symbolic sizes: names a printed summation index must not take. */
function declaredNames(context: CheckContext): Set<string> {
  const out = new Set(context.givens.keys());
  for (const info of context.givens.values()) {
    if (info.shape.kind === 'matrix') for (const dim of [info.shape.rows, info.shape.cols]) for (const f of dimFactors(dim).factors) out.add(f);
  }
  return out;
}

/**
 * The steps as printable chain steps from `from` to `to`: bound indices readable, the last line
 * exactly `to` as written, and any detour that returns to an earlier line cut out.
 */
function tidy(from: Expr, to: Expr, steps: readonly ChainStep[], context: CheckContext): ChainStep[] {
  const out: ChainStep[] = [];
  const keys = [exprKey(from)];
  const reserved = declaredNames(context);
  for (const [index, step] of steps.entries()) {
    const after = index === steps.length - 1 ? to : readableBound(step.after, reserved);
    const key = exprKey(after);
    const earlier = keys.indexOf(key);
    if (earlier >= 0) {
      out.splice(earlier);
      keys.splice(earlier + 1);
      continue;
    }
    out.push({ ...step, after });
    keys.push(key);
  }
  return out;
}

/**
 * A chain from `from` to `to` by the entrywise laws and the laws of numbers, none of `avoid`: the
 * definitions unfolded on both sides, and between the two unfolded forms the bounded search
 * (`searchBothWays`, its limits checked inside its loops). Undefined when the search finds none.
 */
export function entrywiseChain(
  from: Expr,
  to: Expr,
  avoid: ReadonlySet<string>,
  context: CheckContext,
  limits: SearchLimits,
  split?: (expr: Expr) => AppliedStep | undefined,
): ChainStep[] | undefined {
  const forward = unfoldWithSplits(from, context, avoid, split);
  const backward = unfoldWithSplits(to, context, avoid, split);
  const start = forward.at(-1)?.after ?? from;
  const end = backward.at(-1)?.after ?? to;
  const laws = entrywiseEngine.names.filter((name) => !avoid.has(name));
  const middle = reorderingMeet(start, end, laws, avoid, { ...context, limits }) ?? searchBothWays(start, end, laws, entrywiseEngine, context.givens, limits).steps;
  if (!middle) return undefined;
  const steps = [...forward, ...middle, ...[...backward].reverse().map(reverseStep)];
  return steps.length === 0 ? undefined : tidy(from, to, steps, context);
}

/**
 * The definitions unfolded greedily from `expr`; when they stop, one `split` step (a sum split into
 * blocks so def_kron applies) and the definitions again, at most `UNFOLD_ROUNDS` splits.
 */
function unfoldWithSplits(expr: Expr, context: CheckContext, avoid: ReadonlySet<string>, split?: (expr: Expr) => AppliedStep | undefined): AppliedStep[] {
  const steps = unfoldSteps(expr, context, UNFOLD_ROUNDS, avoid);
  for (let round = 0; split && round < UNFOLD_ROUNDS; round++) {
    const current = steps.at(-1)?.after ?? expr;
    const step = split(current);
    if (!step) break;
    steps.push(step, ...unfoldSteps(step.after, context, UNFOLD_ROUNDS, avoid));
  }
  return steps;
}

/**
 * Unfolded forms that are the same numbers in another order (`A[i,j] B[k,l] (C[i,j] D[k,l])` against
 * `A[i,j] C[i,j] (B[k,l] D[k,l])`) meet in one reordering step citing mul_comm, as the proofs guide
 * writes it (the search may need more swaps than its applications allow); so do forms one law
 * application and a reordering apart (`Σ_u(Σ_v(A[i,u] B[k,v] (C[u,j] D[v,l])))` against
 * `Σ_u(A[i,u] C[u,j]) Σ_v(B[k,v] D[v,l])`, by mul_comm and sum_mul_sum). Undefined when none fits.
 */
function reorderingMeet(start: Expr, end: Expr, laws: readonly string[], avoid: ReadonlySet<string>, context: CheckContext): ChainStep[] | undefined {
  if (exprKey(start) === exprKey(end)) return undefined;
  const reorder = (from: Expr, to: Expr): string | undefined => (isReordering(from, to) ? reorderingLaw(from, to, avoid, context, NUMBER_REORDERINGS) : undefined);
  const direct = reorder(start, end);
  if (direct) return [{ after: end, law: direct, direction: 'forward' }];
  // Each expression one application away counts as a node of the search's limit (the start is the first).
  let nodes = 1;
  for (const law of laws) {
    // The law at the end (reorder, then the law) or at the start (the law, then reorder).
    for (const step of entrywiseEngine.apply(end, law, context.givens)) {
      if (nodes++ >= context.limits.maxNodes) return undefined;
      const first = reorder(start, step.after);
      if (first) return [{ after: step.after, law: first, direction: 'forward' }, reverseStep(step)];
    }
    for (const step of entrywiseEngine.apply(start, law, context.givens)) {
      if (nodes++ >= context.limits.maxNodes) return undefined;
      const last = reorder(step.after, end);
      if (last) return [step, { after: end, law: last, direction: 'forward' }];
    }
  }
  return undefined;
}

/**
 * An entrywise proof body of `left = right` citing none of `avoid`: for matrices the chain from
 * `(left)[i,j]` to `(right)[i,j]` and `left = right   by ext`; for scalars (a trace, …) the chain
 * from `left` to `right` through the definitions. Undefined when none is found within `limits`.
 */
export function entrywiseBody(left: Expr, right: Expr, avoid: ReadonlySet<string>, context: CheckContext, limits: SearchLimits = CERTIFICATE_LIMITS): string[] | undefined {
  const shape = inferShape(left, context.givens);
  if (!shape.ok) return undefined;
  if (shape.value.kind === 'scalar') {
    const chain = entrywiseChain(left, right, avoid, context, limits);
    return chain && chainLines(left, chain);
  }
  const indices = indexPair(left, right, context);
  if (!indices) return undefined;
  const [row, col] = indices.map((name) => identifier(name));
  if (!row || !col) return undefined;
  const from = entry(left, row, col);
  const chain = entrywiseChain(from, entry(right, row, col), avoid, context, limits);
  return chain && [...chainLines(from, chain), `  ${printPlain(left)} = ${printPlain(right)}   by ext`];
}

/** Node types that are not operators: symbols and constants. */
const LEAVES: ReadonlySet<Expr['type']> = new Set(['Identifier', 'NumberLiteral', 'Identity', 'Ones', 'Zero']);

/** The operators (node types other than symbols and constants) of the expressions. */
function operatorsOf(exprs: readonly Expr[]): Set<Expr['type']> {
  const out = new Set<Expr['type']>();
  for (const expr of exprs) {
    walkExpr(expr, (node) => {
      if (!LEAVES.has(node.type)) out.add(node.type);
    });
  }
  return out;
}

/**
 * The catalogue laws, none of `avoid`, whose statements use only operators of the goal
 * (`identity_hadamard_diagonal`, `hadamard_mul_diagonal`, `one_mul` for D₁ D₂ = D₁ ⊙ D₂): a law
 * over another operator would have to bring it in and take it out again, which rarely fits in the
 * search's few applications, and leaving those laws out keeps the search small.
 */
function lawsOverOperators(goal: readonly Expr[], avoid: ReadonlySet<string>, context: CheckContext): string[] {
  const allowed = operatorsOf(goal);
  return context.backend.engine.names.filter((name) => {
    const law = findLaw(name);
    return law !== undefined && !avoid.has(name) && [...operatorsOf([law.lhs, law.rhs])].every((type) => allowed.has(type));
  });
}

/**
 * A proof body of `left = right` as a chain of other catalogue laws (none of `avoid`), found by the
 * bounded search with results compared up to the engine's canonical order, as the checker compares
 * them: first with the laws over the goal's operators only (a small search), then with all of them.
 * Undefined when none is found within `limits` (for each search).
 */
export function otherLawsBody(left: Expr, right: Expr, avoid: ReadonlySet<string>, context: CheckContext, limits: SearchLimits = CERTIFICATE_LIMITS): string[] | undefined {
  const { engine, canonicallyEqual } = context.backend;
  const local = lawsOverOperators([left, right], avoid, context);
  const all = engine.names.filter((name) => !avoid.has(name));
  for (const laws of all.length > local.length ? [local, all] : [local]) {
    const found = searchBothWays(left, right, laws, engine, context.givens, limits, (a, b) => canonicallyEqual(a, b, context.givens));
    const steps = found.steps && tidy(left, right, found.steps, context);
    if (steps && steps.length > 0) return chainLines(left, steps);
  }
  return undefined;
}
