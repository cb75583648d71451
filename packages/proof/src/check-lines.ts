import { LimitReached, printExpr, type OdotError } from '@odot/core';
import { newChain, type Chain, type Conclusion } from './chain.ts';
import { endChecks } from './chain-end.ts';
import { checkClaimLine } from './check-claim.ts';
import { checkExt } from './check-ext.ts';
import type { CheckContext } from './check-options.ts';
import { checkTransition } from './check-transition.ts';
import { resolveCitations } from './citations.ts';
import { exprKey } from './expr-tools.ts';
import { guarded, shapeProblem } from './guard.ts';
import type { ClaimLine, EquationLine, Goal, InvalidLine, ProofLine, StartLine, StepLine } from './proof-ast.ts';
import type { StepCode, StepReport, TheoremReport } from './report.ts';
import { report } from './step-report.ts';

/** The state of the walk over a theorem's lines. */
interface Walk {
  readonly steps: StepReport[];
  chain?: Chain | undefined;
  conclusion?: Conclusion;
}

/**
 * The context for the next line under the whole check's budget: the line's search limit cut to
 * the time the budget has left; once it has none (or has stopped), its `LimitReached` ends the check.
 */
function withinBudget(context: CheckContext): CheckContext {
  const budget = context.budget;
  if (budget === undefined) return context;
  if (budget.stopped) throw new LimitReached(budget.stopped, budget);
  budget.checkTime();
  const left = Math.max(1, Math.floor(budget.remainingMs()));
  return left >= context.limits.timeLimitMs ? context : { ...context, limits: { ...context.limits, timeLimitMs: left } };
}

/**
 * A line checked against a line that is not established (an earlier line of its chain failed):
 * when it holds from the student's own previous line it is `unchecked` — not ✓, never ✗ for the
 * earlier error, and it earns credit (follow-through); a line that fails on its own keeps its code.
 */
function followThrough(result: StepReport, chain: Chain | undefined): StepReport {
  if (chain?.failedAt === undefined || result.code !== 'ok') return result;
  const message = `${result.message}; judged against the line before as written, since line ${chain.failedAt} failed (not established, not marked wrong)`;
  return { ...result, code: 'unchecked', status: 'unchecked', ok: true, credit: true, message };
}

/** Records a line's verdict: the chain remembers its first failure. */
function record(walk: Walk, result: StepReport): void {
  walk.steps.push(result);
  if (walk.chain && result.status === 'failed' && walk.chain.failedAt === undefined) walk.chain.failedAt = result.line;
}

function onStart(walk: Walk, line: StartLine, context: CheckContext): void {
  walk.chain = newChain(line.expr, line, line.expr, 0, exprKey);
  walk.conclusion = { kind: 'chain', chain: walk.chain };
  const shape = shapeProblem(line, 'structure', [], line.expr, context);
  if (shape) walk.steps.push(shape);
}

/** The verdict on a chain step that changes nothing: it repeats the line before or returns to an earlier line. */
function noChange(line: StepLine, chain: Chain): StepReport | undefined {
  const key = exprKey(line.expr);
  const earlier = chain.current !== undefined && exprKey(chain.current) === key ? chain.last.line : chain.seen.get(key);
  if (earlier === undefined) return undefined;
  const what = earlier === chain.last.line ? 'it repeats the line before' : `it returns to line ${earlier}`;
  return report({ line: line.line, span: line.exprSpan }, 'step', line.laws, 'no-change', `this step changes nothing (${what}), so it earns no credit`);
}

function onStep(walk: Walk, line: StepLine, context: CheckContext): void {
  const chain = walk.chain;
  if (!chain) {
    walk.steps.push(report(line, 'step', line.laws, 'structure', 'a step continues a chain: write the starting expression on the line before'));
    walk.chain = newChain(line.expr, line, line.expr, 1, exprKey);
    walk.conclusion = { kind: 'chain', chain: walk.chain };
    return;
  }
  const from = chain.current;
  if (from === undefined) {
    walk.steps.push(report(line, 'step', line.laws, 'unchecked', 'not checked: the line before could not be read'));
  } else {
    const same = noChange(line, chain);
    const checked = same ?? guarded(line, 'step', () => checkTransition(from, line.expr, line.laws, { line: line.line, span: line.exprSpan }, 'step', context));
    record(walk, followThrough(checked, chain));
  }
  if (!chain.seen.has(exprKey(line.expr))) chain.seen.set(exprKey(line.expr), line.line);
  chain.current = line.expr;
  chain.last = line;
  chain.steps += 1;
  walk.conclusion = { kind: 'chain', chain };
}

function onEquation(walk: Walk, line: EquationLine, context: CheckContext): void {
  if (line.laws.some((law) => law.name === 'ext')) {
    const before = walk.chain;
    walk.steps.push(followThrough(guarded(line, 'ext', () => checkExt(line, before, context)), before));
  } else {
    walk.steps.push(guarded(line, 'equation', () => checkTransition(line.statement.left, line.statement.right, line.laws, line, 'equation', context)));
  }
  walk.conclusion = { kind: 'equation', statement: line.statement, line };
  // Steps may continue from the equation's right side: `L = M by …` then `= R by …`.
  walk.chain = newChain(line.statement.left, line, line.statement.right, 1, exprKey);
  const verdict = walk.steps.at(-1);
  if (verdict && verdict.status === 'failed') walk.chain.failedAt = verdict.line;
}

function onClaim(walk: Walk, line: ClaimLine, context: CheckContext): void {
  walk.steps.push(guarded(line, 'claim', () => checkClaimLine(line, context)));
  walk.conclusion = { kind: 'claim', statement: line.statement, line };
  walk.chain = undefined;
}

function onInvalid(walk: Walk, line: InvalidLine): void {
  const error: OdotError = line.error;
  const code: StepCode = error.code === 'proof-missing-law' ? 'structure' : 'parse-error';
  record(walk, report(line, 'step', line.laws, code, error.message, { ...(error.span ? { span: error.span } : {}), ...(error.hints ? { hints: error.hints } : {}) }));
  if (walk.chain) {
    walk.chain.current = undefined;
    walk.chain.last = line;
    walk.chain.steps += 1;
  }
}

/** Checks one line (its law names resolved first; a typo's note goes on the line's first report). */
function checkLine(walk: Walk, written: ProofLine, context: CheckContext): void {
  const { line, note } = resolveCitations(written, context);
  const before = walk.steps.length;
  switch (line.kind) {
    case 'start':
      onStart(walk, line, context);
      break;
    case 'step':
      onStep(walk, line, context);
      break;
    case 'equation':
      onEquation(walk, line, context);
      break;
    case 'claim':
      onClaim(walk, line, context);
      break;
    case 'invalid':
      onInvalid(walk, line);
      break;
  }
  const first = walk.steps[before];
  if (note !== undefined && first) walk.steps[before] = { ...first, message: `${first.message} (${note})`, note };
}

/** The goal as plain text, printed once per goal object (a worksheet's goal is read once and checked against every answer). */
function goalText(goal: Goal): string {
  const known = GOAL_TEXTS.get(goal);
  if (known !== undefined) return known;
  const text = printExpr(goal, 'plain');
  GOAL_TEXTS.set(goal, text);
  return text;
}

const GOAL_TEXTS = new WeakMap<Goal, string>();

/** Checks proof lines against a goal under givens (shared by files and the grader's bare proof bodies). */
export function checkLines(goal: Goal, lines: readonly ProofLine[], index: number, goalLine: number, context: CheckContext, qedLine?: number): TheoremReport {
  const walk: Walk = { steps: [] };
  const withGoal: CheckContext = { ...context, goal };
  for (const line of lines) checkLine(walk, line, withinBudget(withGoal));
  walk.steps.push(...endChecks(goal, walk.conclusion, lines, goalLine, qedLine));
  return {
    index,
    goal: goalText(goal),
    line: goalLine,
    valid: walk.steps.every((step) => step.ok) && walk.steps.length > 0,
    steps: walk.steps,
  };
}
