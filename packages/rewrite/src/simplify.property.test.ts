import { type fc, test } from '@fast-check/vitest';
import { printPlain, type Expr } from '@odot/core';
import { identityTest } from '@odot/numeric';
import { expect } from 'vitest';
import { canonicallyEqual } from './canonical.ts';
import { exprToTerm } from './convert.ts';
import type { Term } from './term.ts';
import { equivalent } from './equivalent.ts';
import { applyLaw } from './rewrite.ts';
import { simplify } from './simplify.ts';
import { RANDOM_SQUARE_GIVENS, givensOfText, randomSquareExpr } from './test-support.ts';

// Random expressions over square matrices (with a diagonal, a psd and a symmetric symbol, the
// constants J, I, 0, and a symbolic scalar): the simplifier in debug mode cross-checks every step
// numerically; its result must equal the input exactly on random instances; every step replays
// with applyLaw; equivalent() proves input = result.

const GIVENS = givensOfText(RANDOM_SQUARE_GIVENS);
const STRUCTURAL = new Set(['hadamard_comm', 'hadamard_assoc', 'add_comm', 'add_assoc', 'mul_assoc', 'smul_smul', 'neg_neg']);

const expr: fc.Arbitrary<Expr> = randomSquareExpr({ traces: false });

function unresolved(t: Term): boolean {
  if (t.shape.kind === 'matrix' && [t.shape.rows, t.shape.cols].some((d) => typeof d === 'string' && d.includes('?'))) return true;
  if (t.op === 'had' && t.shape.kind === 'scalar') return true; // `0 ⊙ 0` read as scalars
  return t.args.some(unresolved);
}

/** Expressions whose every constant gets its size from a symbol (in `J J A` the inner size is free; `0 ⊙ 0` has none). */
function sized(e: Expr): boolean {
  const t = exprToTerm(e, GIVENS);
  return t.ok && !unresolved(t.value);
}

test.prop([expr.filter(sized)], { numRuns: 100 })('simplify preserves the value, steps replay, equivalent proves it', (e) => {
  const r = simplify(e, GIVENS, { check: true, maxSteps: 300 });
  expect(r.ok, printPlain(e)).toBe(true);
  if (!r.ok) return;
  const verdict = identityTest(e, r.value.result, GIVENS, { seed: 3 });
  expect(verdict.verdict, `${printPlain(e)} ↦ ${printPlain(r.value.result)}`).toBe('equal');
  for (const s of r.value.steps) {
    if (s.law.split(', ').every((law) => STRUCTURAL.has(law))) {
      expect(canonicallyEqual(s.before, s.after, GIVENS)).toEqual({ ok: true, value: true });
      continue;
    }
    const replay = applyLaw(s.before, s.law, s.direction, s.path, s.substitution, GIVENS, s.children);
    expect(replay.ok, `${s.law} on ${printPlain(s.before)}`).toBe(true);
    if (replay.ok) expect(canonicallyEqual(replay.value, s.after, GIVENS)).toEqual({ ok: true, value: true });
  }
  const eq = equivalent(e, r.value.result, GIVENS, { noSearch: true, check: true });
  expect(eq.ok && eq.value.method, printPlain(e)).toBe('proved');
});
