import { mapChildren, numberLiteral, printPlain, type Expr } from '@odot/core';
import { fc, test } from '@fast-check/vitest';
import { identityTest } from '@odot/numeric';
import { describe, expect, it } from 'vitest';
import { LAWS, compiledLaw } from '../catalogue.ts';
import { exprToTerm } from '../convert.ts';
import { bothTerms } from '../convert.ts';
import { rewriteOnce } from '../rewrite.ts';
import { RANDOM_SQUARE_GIVENS, givensOfText, randomSquareExpr } from '../test-support.ts';
import { decideByIndexForm } from './decide.ts';
import { indexNormalForm, sameForm } from './normal-form.ts';

// Every equation of the catalogue whose sides are in the fragment is proved by the index normal
// form; random fragment expressions agree with their rewrites; equal normal forms mean equal values.

/** Exponent variables replaced by a literal natural number. */
function withExponent(e: Expr, ints: readonly string[], k: number): Expr {
  if (e.type === 'Identifier' && ints.includes(e.name)) return numberLiteral(String(k + ints.indexOf(e.name)));
  return mapChildren(e, (c) => withExponent(c, ints, k));
}

// Determinants, sums of bare numbers (the fragment reads Σ over entries of matrices only), and
// entries at block indices `(u - 1) q + v` (the fragment's indices are names).
const OUTSIDE = new Set(['det_transpose', 'det_mul', 'sum_add', 'mul_sum', 'sum_mul', 'sum_comm', 'sum_mul_sum', 'sum_block']);

describe('the catalogue under the index normal form', () => {
  const equations = LAWS.filter((l) => l.kind === 'equation');
  it.each(equations.map((l) => [l.name, l] as const))('%s', (name, law) => {
    const ints = [...(compiledLaw(name)?.integers ?? [])];
    const given = givensOfText(law.given);
    const givens = new Map([...given].filter(([k]) => !ints.includes(k)));
    for (const k of ints.length > 0 ? [1, 2, 3] : [0]) {
      const a = withExponent(law.lhs, ints, k);
      const b = withExponent(law.rhs, ints, k);
      const t = bothTerms(a, b, givens);
      if (!t.ok) throw new Error(`${name}: ${t.error.message}`);
      const d = decideByIndexForm(a, b, t.value[0], t.value[1], givens);
      expect(d.kind, `${name} (${printPlain(a)} = ${printPlain(b)})`).toBe(OUTSIDE.has(name) ? 'outside' : 'equal');
    }
  });
});

const GIVENS = givensOfText(`${RANDOM_SQUARE_GIVENS}; u: n`);

const expr: fc.Arbitrary<Expr> = randomSquareExpr({ traces: true });

function formOf(e: Expr) {
  const t = exprToTerm(e, GIVENS);
  if (!t.ok) return undefined;
  const f = indexNormalForm(t.value);
  return f.ok ? f.form : undefined;
}

const STEP_LAWS = LAWS.filter((l) => l.kind === 'equation' && !OUTSIDE.has(l.name)).map((l) => l.name);

test.prop([expr, fc.nat(), fc.nat()], { numRuns: 150 })('a random rewrite of a fragment expression has the same normal form', (e, pickLaw, pickStep) => {
  const fe = formOf(e);
  if (!fe) return;
  const law = STEP_LAWS[pickLaw % STEP_LAWS.length] as string;
  const steps = rewriteOnce(e, law, GIVENS);
  if (steps.length === 0) return;
  const after = (steps[pickStep % steps.length] as (typeof steps)[number]).after;
  const fa = formOf(after);
  expect(fa, `${law}: ${printPlain(after)}`).toBeDefined();
  if (fa) expect(sameForm(fe, fa), `${printPlain(e)} → ${law} → ${printPlain(after)}`).toBe(true);
});

test.prop([expr, expr], { numRuns: 150 })('equal normal forms mean equal values on random exact instances', (x, y) => {
  const fx = formOf(x);
  const fy = formOf(y);
  if (!fx || !fy || !sameForm(fx, fy)) return;
  const v = identityTest(x, y, GIVENS, { seed: 5 });
  expect(v.verdict, `${printPlain(x)} = ${printPlain(y)}`).toBe('equal');
});

it('random pairs do meet: the property above is not vacuous', () => {
  const pairs: [string, string][] = [['A ⊙ J', 'A'], ['(A + B)ᵀ', 'Bᵀ + Aᵀ'], ['tr(D A)', 'tr(D ⊙ A)']];
  for (const [a, b] of pairs) {
    const fa = formOf(parse(a));
    const fb = formOf(parse(b));
    expect(fa && fb && sameForm(fa, fb)).toBe(true);
  }
});

import { parseExpr as parse } from '@odot/parser';
