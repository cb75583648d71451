import { fc, test } from '@fast-check/vitest';
import {
  det,
  diag,
  diagVec,
  exprEquals,
  hadamard,
  hadamardPower,
  identifier,
  inverse,
  kronecker,
  ones,
  sub,
  add,
  matMul,
  matrixPower,
  neg,
  numberLiteral,
  printPlain,
  scalarMul,
  trace,
  transpose,
  type Expr,
  type Result,
} from '@odot/core';
import { describe, expect, it } from 'vitest';
import { recursiveExprToTerm, recursiveTermToExpr } from '../test/convert-reference.ts';
import { exprToTerm } from './convert.ts';
import { decidePsd } from './decide-psd.ts';
import { equivalent } from './equivalent.ts';
import { simplify } from './simplify.ts';
import type { Term } from './term.ts';
import { termToExpr } from './term-to-expr.ts';
import { RANDOM_SQUARE_GIVENS, givensOfText, randomSquareExpr } from './test-support.ts';

// Issue 15: exprToTerm and termToExpr are iterative. Their output is compared with the recursive
// versions they replaced (kept verbatim in test/convert-reference.ts), and deep nestings convert
// without a stack overflow.

const GIVENS = givensOfText(`${RANDOM_SQUARE_GIVENS}; u: n; K: 2×3`);

/** Random square expressions with the other operators too: Kronecker, inverse, powers, diag, trace, det, numbers. */
const wide: fc.Arbitrary<Expr> = fc
  .tuple(randomSquareExpr({ traces: true }), fc.constantFrom('2', '1/3', '-1', '0'), fc.nat(7))
  .map(([e, q, kind]): Expr => {
    switch (kind) {
      case 0:
        return kronecker(e, identifier('K'));
      case 1:
        return inverse(hadamard(e, identifier('A')));
      case 2:
        return hadamardPower(e, numberLiteral('3'));
      case 3:
        return matrixPower(e, numberLiteral('2'));
      case 4:
        return matMul(diag(diagVec(e)), diag(identifier('u')));
      case 5:
        return scalarMul(numberLiteral(q.replace('-', '')), matMul(trace(e), det(e)));
      case 6:
        return neg(scalarMul(numberLiteral(q.replace('-', '')), e));
      default:
        return e;
    }
  });

/** The term of `e` (the test fails on a shape error). */
function termOf(e: Expr): Term {
  const t = exprToTerm(e, GIVENS);
  if (!t.ok) throw new Error(t.error.message);
  return t.value;
}

describe('iterative conversion agrees with the recursive one it replaced', () => {
  test.prop([wide], { numRuns: 300, seed: 1501 })('exprToTerm builds the same term; termToExpr prints the same expression, sized and free', (e) => {
    const reference = recursiveExprToTerm(e, GIVENS);
    const t = exprToTerm(e, GIVENS);
    expect(t.ok).toBe(reference.ok);
    if (!t.ok || !reference.ok) return;
    expect(t.value).toBe(reference.value);
    for (const sized of [true, false]) {
      const printed = termToExpr(t.value, sized);
      expect(printPlain(printed)).toBe(printPlain(recursiveTermToExpr(t.value, sized)));
      expect(exprEquals(printed, recursiveTermToExpr(t.value, sized))).toBe(true);
    }
    // And the printed form reads back as the same term (up to the names of open sizes, as in `tr(0)`).
    const printed = termToExpr(t.value);
    expect(printPlain(termToExpr(termOf(printed)))).toBe(printPlain(printed));
  });

  it('a hand-worked example: subtraction, coefficients and sizes print as before', () => {
    const t = termOf(matMul(identifier('A'), hadamard(identifier('B'), neg(scalarMul(numberLiteral('2'), identifier('C'))))));
    // The minus stays inside ⊙ (pulling it out is the law hadamard_smul), the product keeps its order.
    expect(printPlain(termToExpr(t))).toBe('A (B ⊙ (-(2C)))');
    expect(printPlain(recursiveTermToExpr(t))).toBe('A (B ⊙ (-(2C)))');
    // A difference with a coefficient, and J sized by nothing but itself beside a sized symbol.
    const d = termOf(sub(add(identifier('A'), ones()), scalarMul(numberLiteral('3'), identifier('B'))));
    expect(printPlain(termToExpr(d))).toBe('A - 3B + J');
    expect(printPlain(termToExpr(termOf(hadamard(ones(2, 3), ones(2, 3)))))).toBe('J_{2×3} ⊙ J_{2×3}');
  });
});

/** `A` under `depth` unary layers, the layer at level i made by `layer(i, inner)`. */
function nested(depth: number, layer: (i: number, inner: Expr) => Expr): Expr {
  let e: Expr = identifier('A');
  for (let i = 0; i < depth; i++) e = layer(i, e);
  return e;
}

/** Transposes between negations and the scalar multiple 2, in turn: no two scalar multiples meet, so none merges. */
const alternating = (i: number, inner: Expr): Expr => (i % 2 === 0 ? transpose(inner) : i % 4 === 1 ? neg(inner) : scalarMul(numberLiteral('2'), inner));

describe('deep nesting (no stack overflow)', () => {
  it('100 000 alternating transposes, negations and scalar multiples convert to a term and print back unchanged', () => {
    const e = nested(100_000, alternating);
    const t = termOf(e);
    // 50 000 transposes, 50 000 scalar multiples (each a number and its operand), and A.
    expect(t.size).toBe(150_001);
    expect(exprEquals(termToExpr(t), e)).toBe(true);
    expect(exprEquals(termToExpr(t, false), e)).toBe(true);
  });

  it('100 000 nested transposes ((Aᵀ)ᵀ)ᵀ… convert and print back unchanged', () => {
    const e = nested(100_000, (_, inner) => transpose(inner));
    const t = termOf(e);
    expect(t.size).toBe(100_001);
    expect(exprEquals(termToExpr(t), e)).toBe(true);
  });

  it('100 000 nested undeclared transposes: shape inference takes over (no fast path) and the term is the same shape', () => {
    const e = nested(100_000, (_, inner) => transpose(inner));
    const t = exprToTerm(e);
    expect(t.ok && t.value.size).toBe(100_001);
  });

  it('simplify, equivalent and decidePsd on a 100 000-deep nesting answer with a value (a result or too-deep), never throw', () => {
    const e = nested(100_000, alternating);
    const s = simplify(e, GIVENS, { maxSteps: 5, timeLimitMs: 1000 });
    if (s.ok) expect(s.value.steps.length).toBeLessThanOrEqual(5);
    else expect(s.error.code).toBe('too-deep');
    const calls: (() => Result<unknown>)[] = [
      () => equivalent(e, e, GIVENS, { timeLimitMs: 1000 }),
      () => equivalent(e, identifier('A'), GIVENS, { timeLimitMs: 1000 }),
      () => decidePsd(e, GIVENS, undefined, { timeLimitMs: 1000 }),
    ];
    for (const call of calls) {
      const r = call();
      if (!r.ok) expect(r.error.code).toBe('too-deep');
    }
  });
});
