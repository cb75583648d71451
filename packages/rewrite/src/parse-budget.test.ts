import { fc, test } from '@fast-check/vitest';
import { Budget, add, identifier, type Expr, type Givens, type Limit, type Result } from '@odot/core';
import { parse } from '@odot/parser';
import { describe, expect, it } from 'vitest';
import { decidePsd } from './decide-psd.ts';
import { equivalent } from './equivalent.ts';
import { simplify } from './simplify.ts';
import { chain, timed, within } from '@odot/core/testing';
import { givensOfText } from './test-support.ts';

// Issue 15: a call given text and a time budget counts parsing against that budget. The caller
// opens one `Budget`, parses with `parse(text, { budget })` and hands the same budget to the call
// (`{ budget }`): reading a megabyte and the search after it share one clock, so the whole task
// ends within 10% of its limit. Time is a clock advancing 1 ms at every read (no wall-clock test).


/** About a megabyte of text: 52 000 undeclared `Ai ⊙ Bi` summands. */
const MEGABYTE = chain(52_000, (i) => `A${i} ⊙ B${i}`, '+');



type Task = 'simplify' | 'equivalent' | 'decidePsd';

/** The limit a task reported, from its error (stopped while parsing) or its value (stopped in the call). */
function limitOf(r: Result<{ readonly limit?: Limit }>): Limit | undefined {
  return r.ok ? r.value.limit : r.error.limit;
}

/** Parses `text` within one budget of `ms`, then runs the task with the same budget. */
function task(name: Task, text: string, givens: Givens, ms: number): Result<{ readonly limit?: Limit }> {
  const budget = new Budget({ timeLimitMs: ms });
  const parsed = parse(text, { budget });
  if (!parsed.ok) return parsed;
  return call(name, parsed.value.expr, givens, budget);
}

/** The task's call on a parsed expression, within `budget`. */
function call(name: Task, e: Expr, givens: Givens, budget: Budget): Result<{ readonly limit?: Limit }> {
  switch (name) {
    case 'simplify':
      return simplify(e, givens, { budget });
    case 'equivalent':
      // Against itself plus a symbol: no proof, so the layers run until the clock stops them.
      return equivalent(e, add(e, identifier('Z')), givens, { budget });
    case 'decidePsd':
      return decidePsd(e, givens, undefined, { budget });
  }
}

describe('parsing counts against the budget of the call', () => {
  it('a megabyte parsed with a 100 ms budget stops within 10%: a limit error with {kind: time, value: 100}', () => {
    for (const budget of [20, 100, 300]) {
      const { value: r, elapsed } = timed(() => parse(MEGABYTE, { budget: new Budget({ timeLimitMs: budget }) }));
      expect(elapsed, `budget ${budget}`).toBeLessThanOrEqual(within(budget));
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect([r.error.code, r.error.limit]).toEqual(['limit', { kind: 'time', value: budget }]);
    }
  });

  for (const name of ['simplify', 'equivalent', 'decidePsd'] as const) {
    it(`${name}: a megabyte of text and 100 ms end within 10% of 100 ms, with limit {kind: time, value: 100}`, () => {
      const { value: r, elapsed } = timed(() => task(name, MEGABYTE, new Map(), 100));
      expect(elapsed).toBeLessThanOrEqual(within(100));
      expect(limitOf(r)).toEqual({ kind: 'time', value: 100 });
    });

    it(`${name}: text that parses within the budget leaves the call only the time left (the whole task within 10%)`, () => {
      // 120 summands: parsing reads the clock about 75 times and succeeds; the call then stops at the same deadline.
      const text = chain(120, (i) => `(A${i} + B${i}) ⊙ (A${i} - B${i})`, '+');
      const { value: r, elapsed } = timed(() => task(name, text, givensOfText('A0: n×n'), 100));
      expect(elapsed).toBeLessThanOrEqual(within(100));
      expect(r.ok).toBe(true);
      expect(limitOf(r)).toEqual({ kind: 'time', value: 100 });
      // The call alone needs all of a fresh 100 ms: had it started a clock of its own after the parse, the task would have taken about 175.
      const parsed = parse(text, { givens: givensOfText('A0: n×n') });
      if (!parsed.ok) throw new Error(parsed.error.message);
      const alone = timed(() => call(name, parsed.value.expr, givensOfText('A0: n×n'), new Budget({ timeLimitMs: 100 })));
      expect(alone.elapsed).toBeGreaterThanOrEqual(100);
    });
  }

  it('a budget the task fits in: the answer, no limit', () => {
    const r = task('simplify', '(A ⊙ B)ᵀ', givensOfText('A, B: 2×3'), 1000);
    expect(r.ok && r.value.limit).toBe(undefined);
  });
});

describe('property: random large inputs end within their budget (parsing included)', () => {
  const sizes = fc.integer({ min: 50, max: 20_000 });
  const budgets = fc.integer({ min: 10, max: 400 });
  const tasks = fc.constantFrom<Task>('simplify', 'equivalent', 'decidePsd');
  const shapes = fc.constantFrom(
    (i: number) => `A${i} ⊙ B${i}`,
    (i: number) => `(A${i % 7} + B${i % 5})`,
    (i: number) => `C${i}ᵀ`,
    (i: number) => `2 D${i % 3}`,
  );
  const ops = fc.constantFrom('+', '⊙', '-');
  test.prop([tasks, sizes, shapes, ops, budgets], { numRuns: 12, seed: 1515 })('the whole task ends within 10% of its time budget, and a stop reports {kind: time, value}', (name, n, term, op, ms) => {
    const text = chain(n, term, op);
    const { value: r, elapsed } = timed(() => task(name, text, new Map(), ms));
    expect(elapsed).toBeLessThanOrEqual(within(ms) + 1);
    const limit = limitOf(r);
    if (limit !== undefined && limit.kind === 'time') expect(limit.value).toBe(ms);
    if (!r.ok && r.error.code === 'limit') expect(r.error.limit).toEqual({ kind: 'time', value: ms });
  });
});
