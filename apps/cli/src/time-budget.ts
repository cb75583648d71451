import { Budget, LimitReached, formatLimit, odotError, withBudget, type OdotError } from '@odot/core';
import type { OptionSpec, ParsedArgs } from './command.ts';
import { InputError } from './input.ts';

// One clock for a whole command (issue 15): reading the input, parsing it, inferring its shape,
// the search and printing the answer all count against the command's time limit, so a 100 ms
// limit on a megabyte of input ends near 100 ms, with `limit: {kind: 'time', value}`.

/** `--time-limit MS`: the time limit of the whole command. */
export function timeLimitOption(description: string): OptionSpec {
  return { name: 'time-limit', type: 'string', value: 'MS', description };
}

/** `--time-limit MS`: a positive whole number of milliseconds, or undefined when absent. */
export function timeLimitOf(args: ParsedArgs): number | undefined {
  const text = args.strings.get('time-limit');
  if (text === undefined) return undefined;
  const ms = Number(text);
  if (!Number.isInteger(ms) || ms <= 0) throw new InputError({ code: 'bad-option', severity: 'error', message: `--time-limit needs a positive whole number of milliseconds, got '${text}'` });
  return ms;
}

/** The budget of the whole command: `--time-limit MS`, else `defaultMs` (undefined: no budget). */
export function commandBudget(args: ParsedArgs, defaultMs?: number): Budget | undefined {
  const ms = timeLimitOf(args) ?? defaultMs;
  return ms === undefined ? undefined : new Budget({ timeLimitMs: ms });
}

/** The `limit` error of a command stopped before it had an answer (exit 3, like any `limit` error). */
export function stoppedError(what: string, error: LimitReached): OdotError {
  return { ...odotError('limit', `${what} stopped at its limit (${formatLimit(error.limit)})`, { hints: ['allow more time (--time-limit MS), or give a smaller input'] }), limit: error.limit };
}

/**
 * Runs `f` (reading work such as shape inference) against `budget`: past its limit an `InputError`
 * with the `limit` error. Without a budget, `f` simply runs.
 */
export function withinBudget<T>(budget: Budget | undefined, what: string, f: () => T): T {
  if (budget === undefined) return f();
  try {
    return withBudget(budget, f);
  } catch (error) {
    if (error instanceof LimitReached && error.budget === budget) throw new InputError(stoppedError(what, error));
    throw error;
  }
}
