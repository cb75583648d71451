import { formatCounterexample } from '@odot/numeric';
import { entry, givensFrom, printExpr, type Expr, type Span } from '@odot/core';
import { equivalent, simplify } from '@odot/rewrite';
import { checkContext, checkProof, checkTransition, type CheckContext, type CheckOptions } from './check-proof.ts';
import { changedSubterm } from './definition.ts';
import { defaultBackend } from './default-backend.ts';
import { exprKey, isEntrywise } from './expr-tools.ts';
import { entrywiseEngine } from './law-engine.ts';
import { parseProof } from './parse-proof.ts';
import { readableBound } from './readable-bound.ts';
import { readBlockIndex } from './block-index.ts';
import { DEFINITIONS, unfoldSteps } from './unfold.ts';
import { reverseStep, type AppliedStep } from './applied-step.ts';
import type { ProofDocument, ProofLine, Theorem } from './proof-ast.ts';
import type { StepReport, TheoremReport } from './report.ts';
import { searchBothWays, type SearchLimits } from './search.ts';
import { theoremLaw, withTheorems, type TheoremLaw } from './theorem-laws.ts';
import { orWhenStopped } from './stopped.ts';
import { MAX_LINE_DEPTH, tooDeepForChecking } from './guard.ts';

/** The next step of an unfinished or failing proof: one law, where it applies, and the line it gives. */
export interface ProofHint {
  /** 1-based index of the theorem the hint is for, and its goal as written. */
  readonly theorem: number;
  readonly goal: string;
  /** The line of the last expression that holds (the hint continues from it); the `prove` line when the chain must start afresh. */
  readonly afterLine: number;
  /** The expression the hint starts from. */
  readonly from: string;
  /** The law to cite (`ext` to close an entrywise chain, the claim's law for a claim). */
  readonly law: string;
  /** Its statement, when the catalogue has one. */
  readonly statement?: string;
  /** `forward` (left to right as the law is stated) or `backward`. */
  readonly direction: 'forward' | 'backward';
  /** The sub-expression of `from` the law rewrites, and its child path (`[]`: the whole line). */
  readonly subterm: string;
  readonly path: readonly number[];
  /** The expression after the step, and the proof line to write. */
  readonly result: string;
  readonly line: string;
  /** Why this is the hint: what fails in the proof, and how the law moves toward the goal. */
  readonly reason: string;
}

/** What `hintProof` finds: the proof is already done, a hint, or no law found. */
export type HintResult =
  | { readonly kind: 'proved' }
  | { readonly kind: 'hint'; readonly hint: ProofHint }
  | { readonly kind: 'none'; readonly theorem: number; readonly goal: string; readonly reason: string };

/** Search limits of the hint's own search (kept below the checker's: a hint is asked for interactively). */
const HINT_LIMITS: SearchLimits = { maxApplications: 4, maxNodes: 4000, timeLimitMs: 1000 };

const show = (expr: Expr): string => printExpr(expr, 'plain');

/** Where a theorem's proof stops holding: the last good expression, the chain's start, and the failing report. */
interface Position {
  readonly from: Expr;
  /** Every expression of the chain so far: a hint never goes back to one of them. */
  readonly earlier: readonly Expr[];
  /** The laws the last good step cited (tried last, so the hint does not undo that step). */
  readonly lastLaws: readonly string[];
  readonly afterLine: number;
  readonly chainStart?: Expr;
  readonly failing?: StepReport;
  readonly failingLine?: ProofLine;
  /** The chain must (re)start at the goal's left side: it is missing or starts elsewhere. */
  readonly restart?: boolean;
}

/** Walks the lines with their reports (one per line; a start line only when its shape fails) to the first failure. */
function locate(theorem: Theorem, report: TheoremReport): Position {
  const goal = theorem.goal;
  const left = goal.type === 'Equal' ? goal.left : goal;
  if (report.steps.some((step) => step.code === 'wrong-start')) return { from: left, earlier: [], lastLaws: [], afterLine: theorem.line, chainStart: left, restart: true };
  const earlier: Expr[] = [];
  let lastLaws: readonly string[] = [];
  let current: Expr | undefined;
  let chainStart: Expr | undefined;
  let afterLine = theorem.line;
  let next = 0;
  for (const line of theorem.lines) {
    const steps = report.steps;
    const own = line.kind !== 'start' || (steps[next]?.code === 'shape-error' && steps[next]?.kind === 'structure') ? steps[next++] : undefined;
    if (own && !own.ok) {
      const from = line.kind === 'start' || current === undefined ? left : current;
      return { from, earlier: earlier.filter((e) => e !== from), lastLaws, afterLine, ...(chainStart ? { chainStart } : {}), failing: own, failingLine: line };
    }
    afterLine = line.line;
    lastLaws = line.kind === 'start' ? [] : line.laws.map((law) => law.name);
    if (line.kind === 'start') [current, chainStart] = [line.expr, line.expr];
    else if (line.kind === 'step') current = line.expr;
    else if (line.kind === 'equation') [current, chainStart] = [line.statement.right, line.statement.left];
    else current = undefined;
    if (current) earlier.push(current);
  }
  const from = current ?? left;
  if (current === undefined && goal.type === 'Equal') return { from, earlier: [], lastLaws: [], afterLine, chainStart: left, restart: true };
  return { from, earlier: earlier.filter((e) => e !== from), lastLaws, afterLine, ...(chainStart ? { chainStart } : {}) };
}

/** For an entrywise chain from `X[i,j]` (or block indices `X[(i - 1) p + k, …]`): the same entry of the goal's right side, which it must reach. */
function entryTarget(chainStart: Expr | undefined, right: Expr): Expr | undefined {
  if (chainStart?.type !== 'Entry') return undefined;
  const plain = (position: Expr): boolean => position.type === 'Identifier' || readBlockIndex(position) !== undefined;
  if (!plain(chainStart.row) || !plain(chainStart.col)) return undefined;
  return entry(right, chainStart.row, chainStart.col);
}

/** A candidate next step. */
interface Candidate {
  readonly law: string;
  readonly direction: 'forward' | 'backward';
  readonly after: Expr;
  readonly how: string;
}

/** Candidate first steps from `from` toward `target`, best first, computed lazily (the searches are the cost). */
function* candidates(from: Expr, target: Expr, lastLaws: readonly string[], context: CheckContext): Generator<Candidate> {
  const { engine } = context.backend;
  const search = (to: Expr, names: readonly string[], how: (n: number) => string): Candidate | undefined => {
    const found = searchBothWays(from, to, names, engine, context.givens, HINT_LIMITS, (a, b) => context.backend.canonicallyEqual(a, b, context.givens));
    const first = found.steps?.[0];
    return first ? { law: first.law, direction: first.direction, after: first.after, how: how(found.steps?.length ?? 0) } : undefined;
  };
  const found = (c: Candidate | undefined): Candidate[] => (c ? [c] : []);
  if (isEntrywise(from) || isEntrywise(target)) {
    // Untried laws first, the last step's laws last (so the hint does not undo that step).
    const names = [...entrywiseEngine.names.filter((n) => !lastLaws.includes(n)), ...lastLaws.filter((n) => entrywiseEngine.knows(n))];
    const unfolding = unfoldSteps(target, context, 8);
    const back = foldBack(from, unfolding, context);
    if (back) yield back;
    const unfolded = unfolding.at(-1)?.after ?? target;
    if (exprKey(unfolded) !== exprKey(target)) {
      yield* found(search(unfolded, names, () => `toward ${show(readableBound(unfolded))}, the goal's side with its definitions unfolded`));
    }
    yield* found(search(target, names, (n) => `step 1 of ${n} to ${show(target)}`));
    // Unfolding a definition at the outermost place moves an entrywise chain toward entries of symbols.
    for (const name of DEFINITIONS) {
      for (const step of engine.apply(from, name, context.givens)) {
        if (step.direction === 'forward') yield { law: name, direction: 'forward', after: step.after, how: 'unfold a definition' };
      }
    }
    return;
  }
  const verdict = orWhenStopped(() => equivalent(from, target, context.givens), undefined, true);
  if (verdict?.ok && verdict.value.method === 'proved') {
    const first = verdict.value.steps[0];
    if (first) yield { law: first.law, direction: first.direction, after: first.after, how: `step 1 of ${verdict.value.steps.length} of the engine's proof` };
    else yield* found(search(target, engine.names.filter((name) => engine.isStructural(name)), () => 'a reordering'));
  }
  const simplified = orWhenStopped(() => simplify(from, context.givens), undefined, true);
  const step = simplified?.ok ? simplified.value.steps[0] : undefined;
  if (step) yield { law: step.law, direction: step.direction, after: step.after, how: 'a simplification' };
}

/**
 * Where the goal's side, its definitions unfolded, passes through the line itself (canonically),
 * the way on is that unfolding walked back: the latest such step reversed. A tutor's "now fold
 * A[j,i] back into (Aᵀ)[i,j]", which a forward search rarely finds among the many ways back.
 */
function foldBack(from: Expr, unfolding: readonly AppliedStep[], context: CheckContext): Candidate | undefined {
  for (const [k, step] of [...unfolding.entries()].reverse()) {
    if (!context.backend.canonicallyEqual(from, step.after, context.givens)) continue;
    const back = reverseStep(step);
    return { law: back.law, direction: back.direction, after: back.after, how: `the goal's side unfolds to this line: fold it back (${k + 1} step${k === 0 ? '' : 's'} to go)` };
  }
  return undefined;
}

/** The first candidate the checker accepts as a step citing its law alone. */
function verified(from: Expr, earlier: readonly Expr[], list: Iterable<Candidate>, context: CheckContext, at: { line: number; span: Span }): Candidate | undefined {
  const seen = new Set([from, ...earlier].map((e) => exprKey(e)));
  for (const c of list) {
    if (seen.has(exprKey(c.after))) continue;
    if (checkTransition(from, c.after, [{ name: c.law, span: at.span }], at, 'step', context).code === 'ok') return c;
  }
  return undefined;
}

/** What went wrong, in words, for the hint's reason. */
function problem(position: Position): string {
  if (position.restart) return `the chain starts at the goal's left side: write ${show(position.from)} first`;
  const failing = position.failing;
  if (!failing) return 'the proof stops before the goal';
  return `line ${failing.line} does not hold (${failing.code})`;
}

/** The hint for one theorem that is not proved. */
function hintTheorem(theorem: Theorem, report: TheoremReport, context: CheckContext): HintResult {
  const goalText = report.goal;
  const none = (reason: string): HintResult => ({ kind: 'none', theorem: theorem.index, goal: goalText, reason });
  const position = locate(theorem, report);
  // The hint's helpers recurse like the checker's: a goal or line past the checker's depth gets no hint.
  if (tooDeepForChecking(theorem.goal, position.from)) return none(`the goal or the line to continue from is nested more than ${MAX_LINE_DEPTH} levels deep (a sum or product of thousands of terms): split it into smaller steps`);
  const base = { theorem: theorem.index, goal: goalText, afterLine: position.afterLine, from: show(position.from) };
  const goal = theorem.goal;
  if (goal.type === 'Claim') {
    const verdict = context.backend.claims(goal, context.givens, []);
    if (!verdict.holds) return none(`${show(goal)} does not follow from the givens by the laws of the catalogue`);
    const law = verdict.laws.join(', ');
    return { kind: 'hint', hint: { ...base, from: show(goal.operand), law, ...statementOf(verdict.laws[0], context), direction: 'forward', subterm: show(goal.operand), path: [], result: goalText, line: `${goalText}   by ${law}`, reason: `${problem(position)}; the claim follows by ${law}` } };
  }
  const target = isEntrywise(position.from) ? entryTarget(position.chainStart, goal.right) : goal.right;
  if (!target) return none(`the chain at ${show(position.from)} is entrywise but does not start at an entry X[i,j]`);
  if (exprKey(position.from) === exprKey(target) && target !== goal.right) {
    return { kind: 'hint', hint: { ...base, law: 'ext', direction: 'forward', subterm: show(position.from), path: [], result: goalText, line: `${goalText}   by ext`, reason: `${problem(position)}; the chain reached ${show(target)}: close it with ext` } };
  }
  const at = { line: position.afterLine, span: theorem.goalSpan };
  const targets = position.failing?.code === 'wrong-law' && position.failingLine?.kind === 'step' ? [position.failingLine.expr, target] : [target];
  for (const aim of targets) {
    const found = verified(position.from, position.earlier, candidates(position.from, aim, position.lastLaws, context), context, at);
    if (!found) continue;
    const after = readableBound(found.after);
    const where = changedSubterm(position.from, after);
    return {
      kind: 'hint',
      hint: {
        ...base,
        law: found.law,
        ...statementOf(found.law, context),
        direction: found.direction,
        subterm: show(where.node),
        path: where.path,
        result: show(after),
        line: `= ${show(after)}   by ${found.law}`,
        reason: `${problem(position)}; ${found.how}`,
      },
    };
  }
  const numeric = context.backend.numeric(position.from, target, context.givens);
  if (numeric.verdict === 'different') {
    const where = ` (${formatCounterexample(numeric.counterexample)})`;
    return none(`${show(position.from)} and ${show(target)} are not equal${where}, so no law leads there: check the goal and the givens`);
  }
  return none(`no law of the catalogue was found that moves ${show(position.from)} toward ${show(target)}`);
}

function statementOf(law: string | undefined, context: CheckContext): { statement?: string } {
  const statement = law === undefined ? undefined : context.backend.engine.statement(law);
  return statement === undefined ? {} : { statement };
}

/**
 * The next step for the first theorem of a proof file that is not proved: from the last line that
 * holds, one law that moves toward the goal, where it applies and the line it gives, checked by
 * the checker itself — not the rest of the proof. `proved` when every theorem is proved; `none`
 * when no law is found (the goal may be false, or need more than the hint's bounded search).
 */
export function hintProof(input: string | ProofDocument, options: CheckOptions = {}): HintResult {
  const document = typeof input === 'string' ? parseProof(input, options) : input;
  const report = checkProof(document, options);
  const proved: TheoremLaw[] = [];
  for (const [i, theorem] of document.theorems.entries()) {
    const checked = report.theorems[i] as TheoremReport;
    if (!checked.valid) {
      const backend = withTheorems(options.backend ?? defaultBackend(), proved);
      // The goal is in the context, so a law that restates it (circular) is never hinted.
      return hintTheorem(theorem, checked, { ...checkContext(givensFrom(theorem.declarations), { ...options, backend }), goal: theorem.goal });
    }
    const law = theoremLaw(theorem);
    if (law) proved.push(law);
  }
  return { kind: 'proved' };
}

/** The hint as text for people (what `odot hint` prints). */
export function formatHint(result: HintResult): string {
  switch (result.kind) {
    case 'proved':
      return 'nothing to hint: every theorem is proved';
    case 'none':
      return `theorem ${result.theorem}: ${result.goal}\nno hint: ${result.reason}`;
    case 'hint': {
      const h = result.hint;
      const where = h.path.length === 0 ? `${h.subterm} (the whole line)` : h.subterm;
      return [
        `theorem ${h.theorem}: ${h.goal}`,
        `after line ${h.afterLine} (${h.from}):`,
        `  apply ${h.law}${h.direction === 'backward' ? ' (right to left)' : ''} to ${where}`,
        ...(h.statement ? [`  ${h.law}: ${h.statement}`] : []),
        `  ${h.line}`,
        `(${h.reason})`,
      ].join('\n');
    }
  }
}
