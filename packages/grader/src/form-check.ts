import { printExpr, walkExpr, type Budget, type Expr, type Givens } from '@odot/core';
import { SIMPLIFY_LIMITS, canonicallyEqual, findLaw, simplify } from '@odot/rewrite';
import type { Diagnosis } from './result.ts';
import type { ExpressionQuestion, ForbiddenExpr } from './worksheet.ts';

function sameUpToCanonical(a: Expr, b: Expr, givens: Givens): boolean {
  const result = canonicallyEqual(a, b, givens);
  return result.ok && result.value;
}

/** The first sub-expression of `student` (a node of its tree) canonically equal to a forbidden one, with that one's text. */
function forbiddenPart(question: ExpressionQuestion, student: Expr): { part: Expr; forbidden: ForbiddenExpr } | undefined {
  let found: { part: Expr; forbidden: ForbiddenExpr } | undefined;
  walkExpr(student, (node) => {
    if (found) return false;
    const hit = question.forbid.find((f) => sameUpToCanonical(node, f.expr, question.given.givens));
    if (hit) found = { part: node, forbidden: hit };
    return found === undefined;
  });
  return found;
}

/**
 * Whether `student` is in the engine's normal form up to order and grouping: `simplify` rewrites it,
 * and the result must be canonically equal to it. Else the first law that still applies. The
 * simplifier keeps its own time limit, cut to the time `budget` (the answer's) has left.
 */
function simplifiable(student: Expr, givens: Givens, budget?: Budget): { law: string; result: Expr } | undefined {
  const own = SIMPLIFY_LIMITS.timeLimitMs;
  const simplified = simplify(student, givens, { timeLimitMs: budget === undefined ? own : Math.max(1, Math.min(own, Math.floor(budget.remainingMs()))) });
  if (!simplified.ok) return undefined;
  const { result, steps } = simplified.value;
  if (sameUpToCanonical(student, result, givens)) return undefined;
  const law = steps.map((s) => s.law).find((name) => findLaw(name)?.structural === undefined) ?? steps[0]?.law ?? 'the simplifier';
  return { law, result };
}

/**
 * The form rules an (equivalent) expression answer breaks, in words: a `forbid`den sub-expression
 * (code `forbidden-subexpression`) or, for `form: simplified`, a law that still simplifies it
 * (code `not-simplified`). Empty when the answer satisfies every rule. The simplifier's time is cut
 * to what `budget` (the answer's time budget) has left.
 */
export function formViolations(question: ExpressionQuestion, student: Expr, written: string, budget?: Budget): Diagnosis[] {
  const out: Diagnosis[] = [];
  const part = forbiddenPart(question, student);
  if (part) {
    const [mine, theirs] = [printExpr(part.part, 'plain'), printExpr(part.forbidden.expr, 'plain')];
    const same = mine === theirs ? '' : ` (${mine} is ${theirs} up to order and grouping)`;
    out.push({
      code: 'forbidden-subexpression',
      message: `Your answer ${written} is equal to the expected one, but it contains ${theirs}${same}, which this question asks you to rewrite.`,
    });
  }
  if (question.form === 'simplified') {
    const left = simplifiable(student, question.given.givens, budget);
    if (left) {
      out.push({
        code: 'not-simplified',
        message: `Your answer ${written} is equal to the expected one, but not simplified: ${left.law} still applies (the simplified form is ${printExpr(left.result, 'plain')}).`,
      });
    }
  }
  return out;
}
