import { childrenOf, type Expr } from '@odot/core';
import { findLaw } from '@odot/rewrite';
import type { CheckerBackend } from './backend.ts';
import { stepCounterexample } from './check-algebra.ts';
import type { CheckContext } from './check-options.ts';
import { exprKey } from './expr-tools.ts';
import type { LawCitation } from './proof-ast.ts';
import type { StepReport } from './report.ts';
import { report, type LineRef } from './step-report.ts';
import { safeApply } from './step-search.ts';

/**
 * A step that only reorders or regroups (the rewrite engine's canonical forms agree) and cites a
 * structural law, but needs more swaps than the search allows or mixes several of them (as the
 * engine's own reordering steps do): accepted as a reordering, unless another single structural
 * law does it in one application (then the citation is wrong, and the caller diagnoses it).
 * Not used under `strict`, where a reordering of more than one application is `too-big`.
 */
export function reorderingVerdict(from: Expr, to: Expr, laws: readonly LawCitation[], line: LineRef, kind: 'step' | 'equation', context: CheckContext): StepReport | undefined {
  const { backend, givens } = context;
  const names = laws.map((law) => law.name);
  const structural = names.filter((name) => reorders(name, backend));
  if (context.strict || structural.length === 0 || symbolsKey(from) !== symbolsKey(to) || !backend.canonicallyEqual(from, to, givens)) return undefined;
  const single = backend.engine.names.filter(
    (name) => backend.engine.isStructural(name) && !names.includes(name) && safeApply(context, from, name).some((step) => exprKey(step.after) === exprKey(to)),
  );
  if (single.length > 0) return undefined;
  const numeric = backend.numeric(from, to, givens);
  if (numeric.verdict === 'different') {
    return report(line, kind, laws, 'engine-mismatch', `internal cross-check failed, step rejected: ${stepCounterexample(numeric.counterexample)}`, { counterexample: numeric.counterexample });
  }
  return report(line, kind, laws, 'ok', `by ${structural.join(', ')}: a reordering (equal up to the order and grouping of ⊙, + and scalar factors)`, {
    numeric: numeric.verdict === 'equal' ? numeric.detail : `not checked numerically: ${numeric.reason}`,
  });
}

const REORDERS = new Map<string, boolean>();

/**
 * Whether citing the law lets a step reorder: a structural law (hadamard_comm, add_assoc, …) or an
 * equation whose two sides are the same factors in another order or grouping (mul_comm,
 * `a b = b a`). Decided once per law.
 */
function reorders(name: string, backend: CheckerBackend): boolean {
  if (backend.engine.isStructural(name)) return true;
  let known = REORDERS.get(name);
  if (known === undefined) {
    const law = findLaw(name);
    known = law?.kind === 'equation' && orderFreeKey(law.lhs) === orderFreeKey(law.rhs);
    REORDERS.set(name, known);
  }
  return known;
}

/**
 * The symbols and constants of an expression, numbers left out, as a sorted key. A step accepted
 * as a reordering keeps them all: numbers may be multiplied out on the way (`2 (2A)` is `4A`, as
 * the engine's canonical forms do), but nothing is folded away (`A[i,j] · 0 = 0` is mul_zero).
 */
function symbolsKey(e: Expr): string {
  const leaves: string[] = [];
  const pending: Expr[] = [e];
  for (let x = pending.pop(); x !== undefined; x = pending.pop()) {
    const kids = childrenOf(x);
    if (kids.length > 0) pending.push(...kids);
    else if (x.type !== 'NumberLiteral') leaves.push(x.type === 'Identifier' ? x.name : orderFreeKey(x));
  }
  return leaves.sort().join(',');
}

/**
 * Whether `to` is `from` with its ⊙, + and product operands in another order or grouping: the same
 * factors, nothing folded or multiplied out (what a certificate's one-step reordering may claim).
 */
export function isReordering(from: Expr, to: Expr): boolean {
  return orderFreeKey(from) === orderFreeKey(to);
}

const ORDER_FREE: ReadonlySet<Expr['type']> = new Set(['Hadamard', 'Add', 'MatMul']);

/**
 * A key of an expression that ignores the order and grouping of ⊙, + and products (a law's sides
 * are small, and a proof line's nesting is bounded by the parser's MAX_DEPTH: recursion is fine).
 */
export function orderFreeKey(e: Expr): string {
  if (!ORDER_FREE.has(e.type)) return `${e.type}:${e.type === 'Identifier' ? e.name : ''}(${childrenOf(e).map(orderFreeKey).join(',')})`;
  const operands: Expr[] = [];
  const pending: Expr[] = [e];
  for (let x = pending.pop(); x !== undefined; x = pending.pop()) {
    if (x.type === e.type) pending.push(...childrenOf(x));
    else operands.push(x);
  }
  return `${e.type}[${operands.map(orderFreeKey).sort().join(',')}]`;
}
