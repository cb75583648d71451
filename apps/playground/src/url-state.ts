import { EMPTY_STATE, MAX_LIMIT_MS, MIN_LIMIT_MS, isDialect, type PlaygroundState } from './state.ts';

/** Short, stable keys of the hash parameters (`#v=1&e=A%20%E2%8A%99%20B&d=plain…`). */
const KEYS = {
  expr: 'e',
  dialect: 'd',
  givens: 'g',
  bindings: 'b',
  mode: 'm',
  other: 'o',
  proof: 'p',
  limitMs: 't',
} as const satisfies Record<keyof PlaygroundState, string>;

/** The codec version written into every hash; unknown versions decode to the empty state. */
export const STATE_VERSION = '1';

/** Longest text field accepted from a hash (a link is not a place for megabytes). */
export const MAX_FIELD_LENGTH = 20_000;

/**
 * Encodes a state as a URL hash (with the leading `#`). Fields equal to the empty state's
 * are left out, so links stay short; the result is readable (`URLSearchParams` escaping).
 */
export function encodeState(state: PlaygroundState): string {
  const params = new URLSearchParams();
  params.set('v', STATE_VERSION);
  for (const field of Object.keys(KEYS) as (keyof PlaygroundState)[]) {
    const value = state[field];
    if (value !== EMPTY_STATE[field]) params.set(KEYS[field], String(value));
  }
  return `#${params.toString()}`;
}

/**
 * Decodes a URL hash (with or without `#`) into a state. Anything unknown, malformed or too
 * long falls back to the empty state's field: a hostile link can never produce an invalid state.
 */
export function decodeState(hash: string): PlaygroundState {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (text === '') return EMPTY_STATE;
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(text);
  } catch {
    return EMPTY_STATE;
  }
  if (params.get('v') !== STATE_VERSION) return EMPTY_STATE;
  const field = (name: keyof PlaygroundState): string | undefined => {
    const value = params.get(KEYS[name]);
    return value === null || value.length > MAX_FIELD_LENGTH ? undefined : value;
  };
  const dialect = field('dialect');
  const mode = field('mode');
  const limit = field('limitMs');
  const limitMs = limit !== undefined && /^\d{1,6}$/.test(limit) ? Number(limit) : NaN;
  return {
    expr: field('expr') ?? EMPTY_STATE.expr,
    dialect: dialect !== undefined && isDialect(dialect) ? dialect : EMPTY_STATE.dialect,
    givens: field('givens') ?? EMPTY_STATE.givens,
    bindings: field('bindings') ?? EMPTY_STATE.bindings,
    mode: mode === 'exact' || mode === 'float' ? mode : EMPTY_STATE.mode,
    other: field('other') ?? EMPTY_STATE.other,
    proof: field('proof') ?? EMPTY_STATE.proof,
    limitMs: limitMs >= MIN_LIMIT_MS && limitMs <= MAX_LIMIT_MS ? limitMs : EMPTY_STATE.limitMs,
  };
}

/** Whether a hash carries playground state (as opposed to an ordinary heading anchor). */
export function isStateHash(hash: string): boolean {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  return new URLSearchParams(text).get('v') !== null;
}
