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
  isOpenDim,
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
import { createRng, evaluate, randomInstance, valuesEqual } from '@odot/numeric';
import { afterAll, describe, expect, it } from 'vitest';
import { exprToTerm } from './convert.ts';
import { decidePsd } from './decide-psd.ts';
import { equivalent } from './equivalent.ts';
import { simplify } from './simplify.ts';
import type { Term } from './term.ts';
import { termToExpr } from './term-to-expr.ts';
import { RANDOM_SQUARE_GIVENS, givensOfText, randomSquareExpr } from './test-support.ts';

// exprToTerm and termToExpr are iterative. Both are checked against computations independent of
// them: the expression and its converted-and-printed form have the same exact value on random
// instances (numeric's evaluator), a term printed and read back is the same interned term, and
// deep nestings convert without a stack overflow.

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

/** Whether a term has a size nothing fixed (`?1`, as in `tr(0)`): printed, it reads back with other names for them. */
function hasOpenSize(t: Term): boolean {
  return (t.shape.kind === 'matrix' && (isOpenDim(t.shape.rows) || isOpenDim(t.shape.cols))) || t.args.some(hasOpenSize);
}

describe('conversion keeps the value and round-trips', () => {
  let valued = 0;
  afterAll(() => {
    // Most random inputs have a value to compare (the rest lack a size or are singular).
    expect(valued).toBeGreaterThan(100);
  });

  test.prop([wide, fc.integer({ min: 1, max: 2 ** 30 })], { numRuns: 200, seed: 1501 })(
    'termToExpr(exprToTerm(e)), sized and free, has the exact value of e on a random instance; the printed term reads back as itself',
    (e, seed) => {
      const t = termOf(e);
      const instance = randomInstance(GIVENS, createRng(seed));
      if (!instance.ok) throw new Error(instance.error.message);
      const valueOf = (x: Expr) => evaluate(x, instance.value.bindings, { givens: GIVENS, mode: 'exact' });
      const before = valueOf(e);
      // An input without a value (a singular inverse, `tr(J)` whose size nothing fixes) has nothing to keep.
      if (before.ok) {
        valued++;
        for (const sized of [true, false]) {
          const printed = termToExpr(t, sized);
          const after = valueOf(printed);
          expect(after.ok && valuesEqual(after.value, before.value), `${printPlain(e)} ↦ ${printPlain(printed)}`).toBe(true);
        }
      }
      const again = termOf(termToExpr(t));
      if (hasOpenSize(t)) expect(printPlain(termToExpr(again))).toBe(printPlain(termToExpr(t)));
      else expect(again).toBe(t);
    },
  );

  it('a hand-worked example: subtraction, coefficients and sizes print as before', () => {
    const t = termOf(matMul(identifier('A'), hadamard(identifier('B'), neg(scalarMul(numberLiteral('2'), identifier('C'))))));
    // The minus stays inside ⊙ (pulling it out is the law hadamard_smul), the product keeps its order.
    expect(printPlain(termToExpr(t))).toBe('A (B ⊙ (-(2C)))');
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
