import { Budget, identifier, inferShapes, printPlain, stripSpans, withBudget, type Expr, type Givens } from '@odot/core';
import { parseExpr } from '@odot/parser';
import { describe, expect, it } from 'vitest';
import { canonicallyEqual } from './canonical.ts';
import { decidePsd } from './decide-psd.ts';
import { exprToTerm } from './convert.ts';
import { equivalent } from './equivalent.ts';
import { simplify } from './simplify.ts';
import type { Term } from './term.ts';
import { termToExpr } from './term-to-expr.ts';
import { chain, clockReads, timed, within } from '@odot/core/testing';
import { givensOfText } from './test-support.ts';

// Issue 15: a time budget covers the whole call — reading the input (conversion to a term, shape
// inference), naming the reordering, the search, and printing the result — so a call with budget
// B stops within 10% of it. Time is a clock advancing 1 ms at every read (no wall-clock
// assertions): each stage must read it (through core's `tick`), or its work would be free here.


/** 20 000-node inputs of the issue: 10 000 undeclared `Ai ⊙ Bi` summands, a 20 000-factor ⊙ chain of a declared A. */
const SUM = parseExpr(chain(10_000, (i) => `A${i} ⊙ B${i}`, '+'));
const SUM_PLUS_C = parseExpr(`${chain(10_000, (i) => `A${i} ⊙ B${i}`, '+')} + C`);
const HAD = parseExpr(chain(20_000, () => 'A', '⊙'));
const HAD_SHORTER = parseExpr(chain(19_999, () => 'A', '⊙'));
const NO_GIVENS: Givens = new Map();
const A_GIVEN = givensOfText('A: n×n');



describe('simplify: the budget covers the whole call (clock advancing 1 ms a read)', () => {
  const cases: [string, Expr, Givens][] = [
    ['10 000 undeclared Ai ⊙ Bi summands', SUM, NO_GIVENS],
    ['a 20 000-factor ⊙ chain', HAD, A_GIVEN],
  ];
  for (const [name, e, g] of cases) {
    it(`${name}: budgets of 20, 100 and 300 ms stop within 10%, reporting {kind: time, value}; the result is the input, never a half-converted term`, () => {
      for (const budget of [20, 100, 300]) {
        const { value: s, elapsed } = timed(() => simplify(e, g, { timeLimitMs: budget }));
        expect(elapsed, `budget ${budget}`).toBeLessThanOrEqual(within(budget));
        expect(s.ok && s.value.limit).toEqual({ kind: 'time', value: budget });
        // Reading 20 000 nodes takes more than 300 reads: the call stops before the input is a term.
        expect(s.ok && s.value.result).toBe(e);
        expect(s.ok && s.value.steps).toEqual([]);
      }
    });
  }

  it('a product of 12 sums distributed: stopped within 10% of each budget; the result is the last form its steps reach', () => {
    const e = parseExpr(chain(12, (i) => `(A${i} + B${i})`, '⊙'));
    const g = givensOfText(`${chain(12, (i) => `A${i}, B${i}`, ',')}: n×n`);
    for (const budget of [50, 200, 600]) {
      const { value: s, elapsed } = timed(() => simplify(e, g, { timeLimitMs: budget, maxMemory: 10_000_000 }));
      expect(elapsed, `budget ${budget}`).toBeLessThanOrEqual(within(budget));
      expect(s.ok && s.value.limit).toEqual({ kind: 'time', value: budget });
      if (!s.ok) return;
      // Time was kept to print the result: the rewriting's steps are kept, not thrown away.
      if (budget >= 200) expect(s.value.steps.length, `budget ${budget}`).toBeGreaterThan(10);
      const last = s.value.steps.at(-1);
      // Either no step at all (the input back) or the result is exactly where the last step arrived.
      if (last === undefined) expect(s.value.result).toBe(e);
      else expect(printPlain(s.value.result)).toBe(printPlain(last.after));
      expect(canonicallyEqual(s.value.result, s.value.result, g)).toEqual({ ok: true, value: true });
    }
  });

  it('a budget the input fits in: a normal form within the budget, no limit reported', () => {
    const { value: s, elapsed } = timed(() => simplify(parseExpr('(A ⊙ B)ᵀ'), givensOfText('A, B: 2×3'), { timeLimitMs: 100 }));
    expect(elapsed).toBeLessThanOrEqual(100);
    expect(s.ok && [printPlain(s.value.result), s.value.limit]).toEqual(['Aᵀ ⊙ Bᵀ', undefined]);
  });
});

describe('equivalent: timeLimitMs covers the whole call (clock advancing 1 ms a read)', () => {
  const cases: [string, Expr, Expr, Givens, boolean][] = [
    ['a 10 000-summand sum against itself', SUM, SUM, NO_GIVENS, true],
    ['a 10 000-summand sum against it plus C', SUM, SUM_PLUS_C, NO_GIVENS, false],
    ['a 20 000-factor ⊙ chain against itself', HAD, HAD, A_GIVEN, true],
    ['a 20 000-factor ⊙ chain against one factor fewer', HAD, HAD_SHORTER, A_GIVEN, false],
  ];
  for (const [name, a, b, g, truth] of cases) {
    it(`${name}: budgets of 20, 100 and 300 ms stop within 10%; too short to read both sides, the verdict is unknown with {kind: time, value}`, () => {
      for (const budget of [20, 100, 300]) {
        const { value: v, elapsed } = timed(() => equivalent(a, b, g, { timeLimitMs: budget }));
        expect(elapsed, `budget ${budget}`).toBeLessThanOrEqual(within(budget));
        expect(v.ok).toBe(true);
        if (!v.ok) return;
        expect([v.value.method, v.value.layer, v.value.limit]).toEqual(['unknown', 'canonical', { kind: 'time', value: budget }]);
        expect(v.value.explanation).toBe(`no verdict: stopped by the time: limit of ${budget} ms (in the canonical layer)`);
        // Never a verdict against the truth.
        if (v.value.method !== 'unknown') expect(v.value.equivalent).toBe(truth);
      }
    });
  }

  it('a budget long enough: the verdict, and the call still ends within 10% of its budget', () => {
    const [a, b] = [parseExpr(chain(200, (i) => `A${i}`, '⊙')), parseExpr(chain(200, (i) => `A${199 - i}`, '⊙'))];
    const { value: v, elapsed } = timed(() => equivalent(a, b, NO_GIVENS, { timeLimitMs: 2000 }));
    expect(elapsed).toBeLessThanOrEqual(within(2000));
    expect(v.ok && [v.value.equivalent, v.value.method, v.value.layer]).toEqual([true, 'proved', 'canonical']);
  });
});

describe('decidePsd: timeLimitMs covers the whole call (clock advancing 1 ms a read)', () => {
  it('20 000-node inputs: budgets of 20, 100 and 300 ms stop within 10%, unknown with {kind: time, value}', () => {
    const cases: [Expr, Givens][] = [
      [SUM, NO_GIVENS],
      [HAD, A_GIVEN],
      [parseExpr(chain(20_000, () => 'P', '⊙')), givensOfText('P: n×n psd')],
    ];
    for (const [e, g] of cases) {
      for (const budget of [20, 100, 300]) {
        const { value: d, elapsed } = timed(() => decidePsd(e, g, undefined, { timeLimitMs: budget }));
        expect(elapsed, `budget ${budget}`).toBeLessThanOrEqual(within(budget));
        expect(d.ok && [d.value.verdict, d.value.limit]).toEqual(['unknown', { kind: 'time', value: budget }]);
      }
    }
  });
});

describe('every stage of a call reads the clock (so a budget sees its work)', () => {
  /** Clock reads of `f` inside a budget that never runs out. */
  const readsInBudget = (f: () => unknown): number => clockReads(() => withBudget(new Budget({ timeLimitMs: 1e12 }), f));
  const n = 20_000;

  it('shape inference, conversion to a term, printing it back, stripping spans and printing text each read the clock at least every 256 nodes', () => {
    const t = exprToTerm(HAD, A_GIVEN);
    expect(t.ok).toBe(true);
    if (!t.ok) return;
    const stages: [string, () => unknown][] = [
      ['inferShapes', () => inferShapes(SUM)],
      ['exprToTerm (fast path)', () => exprToTerm(HAD, A_GIVEN)],
      ['exprToTerm (undeclared)', () => exprToTerm(SUM)],
      // A fresh 20 000-node term each time: the printed form of a term is memoised on it.
      ['termToExpr', () => termToExpr(freshChainTerm(n))],
      ['stripSpans', () => stripSpans(SUM)],
      ['printPlain', () => printPlain(SUM)],
    ];
    for (const [name, stage] of stages) expect(readsInBudget(stage), name).toBeGreaterThanOrEqual(n / 256);
  });

  it('outside any budget nothing reads the clock', () => {
    expect(clockReads(() => exprToTerm(HAD, A_GIVEN))).toBe(0);
    expect(clockReads(() => printPlain(SUM))).toBe(0);
  });
});

let fresh = 0;

/** A term of a ⊙ chain of `n` distinct symbols never printed before (new names each call). */
function freshChainTerm(n: number): Term {
  fresh += 1;
  let e: Expr = identifier(`X${fresh}i0`);
  for (let i = 1; i < n; i++) e = { type: 'Hadamard', left: e, right: identifier(`X${fresh}i${i}`) };
  const t = exprToTerm(e, givensOfText(`X${fresh}i0: 2×2`));
  if (!t.ok) throw new Error(t.error.message);
  return t.value;
}
