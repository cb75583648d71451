import { describe, expect, it } from 'vitest';
import { Budget, LimitReached, tick, withBudget } from './budget.ts';
import { withTickingClock } from './testing.ts';

/** How many ticks run before the budget stops them (or `cap`). */
function ticksUntilStopped(budget: Budget, cap = 1_000_000): number {
  let n = 0;
  try {
    withBudget(budget, () => {
      for (; n < cap; n++) tick();
    });
  } catch (error) {
    if (!(error instanceof LimitReached)) throw error;
    expect(error.limit).toEqual({ kind: 'time', value: budget.limits.timeLimitMs });
    expect(error.budget).toBe(budget);
  }
  return n;
}

describe('Budget', () => {
  it('reads the clock every 64 ticks and stops once past its time limit', () => {
    // 100 ms are 100 reads, one every 64 ticks: the 101st read is past the limit.
    const n = withTickingClock(() => ticksUntilStopped(new Budget({ timeLimitMs: 100 })));
    expect(n).toBe(101 * 64 - 1);
  });

  it('reserve(ms) stops the loops that much before the end; the limit reported is still the whole one', () => {
    const n = withTickingClock(() => {
      const budget = new Budget({ timeLimitMs: 100 });
      budget.reserve(40);
      expect(budget.deadline).toBe(budget.end - 40);
      return ticksUntilStopped(budget);
    });
    expect(n).toBe(61 * 64 - 1);
  });

  it('each reserve replaces the last; a negative one reserves nothing', () => {
    withTickingClock(() => {
      const budget = new Budget({ timeLimitMs: 100 });
      budget.reserve(40);
      budget.reserve(10);
      expect(budget.deadline).toBe(budget.end - 10);
      budget.reserve(-5);
      expect(budget.deadline).toBe(budget.end);
    });
  });

  it('without a time limit nothing stops and nothing is due', () => {
    const budget = new Budget({});
    expect([budget.end, budget.deadline, budget.remainingMs()]).toEqual([Infinity, Infinity, Infinity]);
    expect(ticksUntilStopped(budget, 10_000)).toBe(10_000);
  });

  it('remembers where it stopped, even when the stop was caught and dropped', () => {
    withTickingClock(() => {
      const budget = new Budget({ timeLimitMs: 5 });
      expect(budget.stopped).toBeUndefined();
      try {
        withBudget(budget, () => {
          for (;;) tick();
        });
      } catch (error) {
        if (!(error instanceof LimitReached)) throw error;
      }
      expect(budget.stopped).toEqual({ kind: 'time', value: 5 });
      expect(() => budget.checkTime()).toThrow(LimitReached);
    });
    const memory = new Budget({ maxMemory: 3 });
    expect(() => memory.built(4)).toThrow(LimitReached);
    expect(memory.stopped).toEqual({ kind: 'memory', value: 3 });
  });
});
