import { equal, type Expr } from '@odot/core';
import type { CheckerBackend } from './backend.ts';
import { renamedKey } from './law-match.ts';
import type { Goal } from './proof-ast.ts';

/**
 * True when the equation law `name` states the goal itself, up to renaming its variables and in
 * either direction (`hadamard_comm` for `X ⊙ Y = Y ⊙ X`). Claims are closed by citing a theorem by
 * design (`P ⊙ Q ⪰ 0 by schur`), so only equation goals are compared; an exercise that must not
 * use a theorem forbids it (`forbid`).
 */
export function restatesGoal(name: string, goal: Goal, backend: CheckerBackend): boolean {
  if (goal.type !== 'Equal' || !backend.lawRule) return false;
  const rule = backend.lawRule(name);
  if (!rule) return false;
  const target = renamedKey(goal);
  return sidesKey(rule.lhs, rule.rhs) === target || sidesKey(rule.rhs, rule.lhs) === target;
}

/** `left = right` keyed up to renaming, once per pair of side objects (a law's sides are the same objects for every step). */
function sidesKey(left: Expr, right: Expr): string {
  let byRight = SIDES.get(left);
  if (!byRight) {
    byRight = new WeakMap();
    SIDES.set(left, byRight);
  }
  let key = byRight.get(right);
  if (key === undefined) {
    key = renamedKey(equal(left, right));
    byRight.set(right, key);
  }
  return key;
}

const SIDES = new WeakMap<Expr, WeakMap<Expr, string>>();
