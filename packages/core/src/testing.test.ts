import { describe, expect, it } from 'vitest';
import { Budget, LimitReached, tick, withBudget } from './budget.ts';
import { chain, clockReads, timed, withSlowClock, withTickingClock, within } from './testing.ts';

describe('@odot/core/testing', () => {
  it('the ticking clock advances 1 ms per read and is restored, also after a throw', () => {
    const real = Date.now;
    expect(withTickingClock(() => [Date.now(), Date.now()]).reduce((a, b) => b - a)).toBe(1);
    expect(() => withTickingClock(() => {
      throw new Error('boom');
    })).toThrow('boom');
    expect(Date.now).toBe(real);
  });

  it('a 100 ms budget under the ticking clock stops within 10% of it, and timed reports the reads', () => {
    const { value, elapsed } = timed(() => {
      try {
        withBudget(new Budget({ timeLimitMs: 100 }), () => {
          for (;;) tick();
        });
        return undefined;
      } catch (error) {
        return error;
      }
    });
    expect(value).toBeInstanceOf(LimitReached);
    expect(elapsed).toBeGreaterThanOrEqual(100);
    expect(elapsed).toBeLessThanOrEqual(within(100));
    expect(clockReads(() => [Date.now(), Date.now(), Date.now()])).toBe(3);
  });

  it('the slow clock runs 10 times slower and is restored', () => {
    const real = Date.now;
    const [before, after, wall] = withSlowClock(() => {
      const t0 = Date.now();
      const w0 = real();
      while (real() - w0 < 50) {
        // wait 50 real milliseconds
      }
      return [t0, Date.now(), real() - w0];
    });
    expect(after - before).toBeLessThanOrEqual(Math.ceil(wall / 10) + 1);
    expect(Date.now).toBe(real);
  });

  it('chain joins n terms with an operator', () => {
    expect(chain(3, (i) => `A${i}`, '⊙')).toBe('A0 ⊙ A1 ⊙ A2');
    expect(chain(0, () => 'A', '+')).toBe('');
  });
});
