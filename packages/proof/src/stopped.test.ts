import { LimitReached, OdotException, odotError } from '@odot/core';
import { describe, expect, it } from 'vitest';
import { orWhenStopped } from './stopped.ts';

describe('orWhenStopped', () => {
  it('gives the value, or the fallback for a budget stop; input errors only when asked; bugs propagate', () => {
    expect(orWhenStopped(() => 7, 0)).toBe(7);
    const stop = (): number => {
      throw new LimitReached({ kind: 'steps', value: 1 });
    };
    expect(orWhenStopped(stop, 0)).toBe(0);
    const refuse = (): number => {
      throw new OdotException(odotError('syntax', 'bad'));
    };
    expect(() => orWhenStopped(refuse, 0)).toThrow(OdotException);
    expect(orWhenStopped(refuse, 0, true)).toBe(0);
    const bug = (): number => {
      throw new TypeError('a bug');
    };
    expect(() => orWhenStopped(bug, 0, true)).toThrow(TypeError);
  });
});
