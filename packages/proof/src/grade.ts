import { LimitReached, formatLimit, givensFrom, odotError, printExpr, withBudget, type Declaration, type Givens, type Limit, type OdotError, type Span } from '@odot/core';
import { parse, parseDeclarations } from '@odot/parser';
import { checkContext, checkLines, type CheckOptions } from './check-proof.ts';
import { exprKey } from './expr-tools.ts';
import { parseProof, parseProofBody } from './parse-proof.ts';
import type { Goal } from './proof-ast.ts';
import type { StepCode, StepReport, TheoremReport } from './report.ts';

/** What the grader passes: the statement to prove, the givens, and the worksheet's policy. */
export interface ProofTask extends CheckOptions {
  /** The statement, as text in the plain language (`A ⊙ B = B ⊙ A`, `P ⊙ Q ⪰ 0`) or parsed. */
  readonly goal: string | Goal;
  /** Declarations as text (`A, B: m×n; D: n×n diagonal`, lines or `;`), a list of texts, parsed declarations, or givens. */
  readonly givens?: string | readonly string[] | readonly Declaration[] | Givens;
}

/** The first line that fails, and why. */
export interface ProofFailure {
  readonly line: number;
  readonly column: number;
  readonly law: string;
  readonly code: StepCode | 'input-error' | 'wrong-goal' | 'limit';
  readonly message: string;
}

/** A score-ready verdict on one proof answer. */
export interface ProofGrade {
  /** Every step holds and the proof ends at the goal. */
  readonly proved: boolean;
  /**
   * Justified lines that earn credit (`credit`): `ok` lines, and `unchecked` lines that hold against
   * the student's own previous line after a failed one. `no-change` earns nothing.
   */
  readonly stepsRight: number;
  /** Justified lines in total (structural checks such as "ends at the goal" are not counted as steps). */
  readonly stepsTotal: number;
  /** `stepsRight / stepsTotal` (0 when there are no steps); the grader decides how to weigh `proved`. */
  readonly fraction: number;
  /** The first failing check in line order, structural ones included; absent when proved. */
  readonly firstFailure?: ProofFailure;
  /** Every check, in line order. */
  readonly steps: readonly StepReport[];
  /** Input errors: the task's goal or givens could not be read, or the answer is not a proof. */
  readonly errors: readonly OdotError[];
  /** The limit of the task's `budget` that stopped the check before every line was checked (then nothing is credited). */
  readonly limit?: Limit;
}

function failedGrade(error: OdotError, code: ProofFailure['code'] = 'input-error'): ProofGrade {
  return {
    proved: false,
    stepsRight: 0,
    stepsTotal: 0,
    fraction: 0,
    firstFailure: { line: error.span?.start.line ?? 1, column: error.span?.start.column ?? 1, law: '', code, message: error.message },
    steps: [],
    errors: [error],
  };
}

function readGivens(input: ProofTask['givens']): { ok: true; givens: Givens } | { ok: false; error: OdotError } {
  if (input === undefined) return { ok: true, givens: new Map() };
  if (input instanceof Map) return { ok: true, givens: input };
  const texts: string[] = [];
  const declarations: Declaration[] = [];
  if (typeof input === 'string') texts.push(input);
  else {
    for (const item of input as readonly (string | Declaration)[]) {
      if (typeof item === 'string') texts.push(item);
      else declarations.push(item);
    }
  }
  for (const text of texts) {
    if (text.trim() === '') continue;
    const result = parseDeclarations(text);
    if (!result.ok) return { ok: false, error: { ...result.error, message: `in the givens: ${result.error.message}` } };
    declarations.push(...result.value);
  }
  return { ok: true, givens: givensFrom(declarations) };
}

/** Goals read so far, by text: a worksheet grades many answers against one goal (bounded; parsed expressions are immutable). */
const GOALS = new Map<string, ReturnType<typeof readGoal>>();
const MAX_GOALS = 256;

function readGoal(goal: ProofTask['goal']): { ok: true; goal: Goal } | { ok: false; error: OdotError } {
  if (typeof goal !== 'string') return { ok: true, goal };
  const known = GOALS.get(goal);
  if (known) return known;
  if (GOALS.size >= MAX_GOALS) GOALS.clear();
  const read = parseGoal(goal);
  GOALS.set(goal, read);
  return read;
}

function parseGoal(goal: string): { ok: true; goal: Goal } | { ok: false; error: OdotError } {
  const result = parse(goal);
  if (!result.ok) return { ok: false, error: { ...result.error, message: `in the goal: ${result.error.message}` } };
  const expr = result.value.expr;
  if (expr.type !== 'Equal' && expr.type !== 'Claim') {
    return { ok: false, error: odotError('proof-goal', 'the goal must be an equation `L = R` or a claim such as `P ⊙ Q ⪰ 0`') };
  }
  return { ok: true, goal: expr };
}

/** Summarises a checked theorem into a grade. */
export function gradeFromReport(report: TheoremReport, errors: readonly OdotError[] = []): ProofGrade {
  const counted = report.steps.filter((step) => step.kind !== 'structure');
  // A step that changes nothing is not false, but it earns nothing: padding cannot buy credit.
  const stepsRight = counted.filter((step) => step.credit).length;
  const ordered = [...report.steps].sort((a, b) => a.line - b.line || a.column - b.column);
  const first = ordered.find((step) => !step.ok);
  const proved = report.valid && errors.length === 0;
  const firstError = errors[0];
  return {
    proved,
    stepsRight,
    stepsTotal: counted.length,
    fraction: counted.length === 0 ? 0 : stepsRight / counted.length,
    ...(first
      ? { firstFailure: { line: first.line, column: first.column, law: first.law, code: first.code, message: first.message } }
      : firstError
        ? { firstFailure: { line: firstError.span?.start.line ?? 1, column: firstError.span?.start.column ?? 1, law: '', code: 'input-error' as const, message: firstError.message } }
        : {}),
    steps: report.steps,
    errors,
  };
}

/**
 * Checks a proof answer against a task's goal and givens and returns a score-ready grade. The answer
 * may be a full theorem (`prove …`, `proof`, …, `qed`; its `prove` must state the task's goal, and
 * its own `given` lines are ignored: the task's givens rule) or just the proof lines (the chain,
 * optionally between `proof` and `qed`). Never throws. With `task.budget` the whole check (reading
 * the answer included) runs within it; stopped, the grade has `limit` and credits nothing.
 */
export function checkProofAgainst(proofText: string, task: ProofTask): ProofGrade {
  const budget = task.budget;
  if (budget === undefined) return checkAgainst(proofText, task);
  try {
    const grade = withBudget(budget, () => checkAgainst(proofText, task));
    return budget.stopped ? stoppedGrade(budget.stopped) : grade;
  } catch (error) {
    if (error instanceof LimitReached && error.budget === budget) return stoppedGrade(error.limit);
    throw error;
  }
}

/** The grade of a check its budget stopped: no credit, the limit, and the reason as the first failure. */
function stoppedGrade(limit: Limit): ProofGrade {
  const error = { ...odotError('limit', `checking stopped at its limit (${formatLimit(limit)}) before every line was checked`), limit };
  return { ...failedGrade(error, 'limit'), limit };
}

function checkAgainst(proofText: string, task: ProofTask): ProofGrade {
  try {
    const givens = readGivens(task.givens);
    if (!givens.ok) return failedGrade(givens.error);
    const goal = readGoal(task.goal);
    if (!goal.ok) return failedGrade(goal.error);
    const context = checkContext(givens.givens, task);
    if (/^\s*prove(?![\w'])/m.test(proofText)) {
      const document = parseProof(proofText, { ...task, format: 'proof' });
      const theorem = document.theorems[0];
      if (!theorem) return failedGrade(document.errors[0] ?? odotError('proof-empty', 'no proof found in the answer'));
      if (exprKey(theorem.goal) !== exprKey(goal.goal)) {
        const span: Span = theorem.goalSpan;
        return failedGrade(
          odotError('proof-wrong-goal', `this proves ${printExpr(theorem.goal)}, but the task is ${printExpr(goal.goal)}`, { span }),
          'wrong-goal',
        );
      }
      const report = checkLines(goal.goal, theorem.lines, 1, theorem.line, context, theorem.qedLine);
      return gradeFromReport(report, document.errors);
    }
    const body = parseProofBody(proofText, task);
    const report = checkLines(goal.goal, body.lines, 1, 1, context);
    return gradeFromReport(report, body.errors);
  } catch (error) {
    // The task budget's stop belongs to `checkProofAgainst`.
    if (error instanceof LimitReached && error.budget === task.budget) throw error;
    return failedGrade(odotError('proof-internal', `internal error while checking the proof: ${(error as Error).message}`));
  }
}
