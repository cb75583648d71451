import { LimitReached, OdotException } from '@odot/core';

/**
 * `f()`, or `fallback` when an engine stopped at the caller's budget (`LimitReached`) or, with
 * `inputErrors`, refused its input (`OdotException`): "no candidate from it". Anything else is a
 * bug and propagates. The one place the checker turns an engine's stop into an empty answer.
 */
export function orWhenStopped<T>(f: () => T, fallback: T, inputErrors = false): T {
  try {
    return f();
  } catch (error) {
    if (error instanceof LimitReached || (inputErrors && error instanceof OdotException)) return fallback;
    throw error;
  }
}
