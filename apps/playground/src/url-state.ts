import { Inflate, deflateSync, strFromU8, strToU8 } from 'fflate';
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

/** Longest text field accepted from a readable hash (a hand-written link is not a place for megabytes). */
export const MAX_FIELD_LENGTH = 20_000;

/** Longest text field accepted from a compressed hash (a 100×100 matrix of values is ~40 000). */
export const MAX_COMPRESSED_FIELD_LENGTH = 500_000;

/** Readable hashes up to this length stay readable; longer states are deflated (`#v=1&z=…`). */
export const READABLE_HASH_LENGTH = 2_000;

/** Longest link hash the playground writes or reads (compressed, in characters). */
export const MAX_LINK_LENGTH = 100_000;

/** Most bytes a compressed hash may inflate to (against deflate bombs). */
const MAX_INFLATED_BYTES = 4 * MAX_COMPRESSED_FIELD_LENGTH;

function readableParams(state: PlaygroundState): URLSearchParams {
  const params = new URLSearchParams();
  for (const field of Object.keys(KEYS) as (keyof PlaygroundState)[]) {
    const value = state[field];
    if (value !== EMPTY_STATE[field]) params.set(KEYS[field], String(value));
  }
  return params;
}

/** Bytes as base64url (RFC 4648 §5, no padding). */
export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** base64url text as bytes, or undefined when it is not base64url. */
export function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Raised inside the inflater when the output passes `MAX_INFLATED_BYTES`. */
class TooLarge extends Error {}

/** Inflates raw deflate data, or undefined when it is corrupt or inflates past the bound. */
function inflateBounded(data: Uint8Array): string | undefined {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > MAX_INFLATED_BYTES) throw new TooLarge('inflated state too large');
    chunks.push(chunk);
  });
  try {
    inflater.push(data, true);
  } catch (error) {
    if (error instanceof TooLarge || (error instanceof Error && 'code' in error)) return undefined;
    throw error;
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return strFromU8(out);
}

/**
 * Encodes a state as a URL hash (with the leading `#`). Fields equal to the empty state's
 * are left out. A short state stays readable (`#v=1&e=A+%E2%8A%99+B`); a longer one is
 * deflated and base64url-encoded (`#v=1&z=…`), so a 100×100 matrix fits in a link.
 */
export function encodeState(state: PlaygroundState): string {
  const inner = readableParams(state).toString();
  const readable = `#v=${STATE_VERSION}${inner === '' ? '' : `&${inner}`}`;
  if (readable.length <= READABLE_HASH_LENGTH) return readable;
  return `#v=${STATE_VERSION}&z=${toBase64Url(deflateSync(strToU8(inner), { level: 9 }))}`;
}

/** A share link for a state, or why there is none. */
export type ShareHash = { readonly ok: true; readonly hash: string } | { readonly ok: false; readonly length: number; readonly message: string };

/** The hash of a state as a share link, refusing (with a message) states too large even compressed. */
export function shareHash(state: PlaygroundState): ShareHash {
  const hash = encodeState(state);
  if (hash.length <= MAX_LINK_LENGTH) return { ok: true, hash };
  return {
    ok: false,
    length: hash.length,
    message: `This view is too large for a link: ${hash.length.toLocaleString('en-US')} characters even compressed (the limit is ${MAX_LINK_LENGTH.toLocaleString('en-US')}). Shorten the values or the proof to share it.`,
  };
}

/**
 * Decodes a URL hash (with or without `#`) into a state. Anything unknown, malformed or too
 * long falls back to the empty state's field: a hostile link can never produce an invalid state.
 */
export function decodeState(hash: string): PlaygroundState {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (text === '' || text.length > MAX_LINK_LENGTH + 16) return EMPTY_STATE;
  const params = new URLSearchParams(text);
  if (params.get('v') !== STATE_VERSION) return EMPTY_STATE;
  const packed = params.get('z');
  if (packed === null) return stateFrom(params, MAX_FIELD_LENGTH);
  const bytes = fromBase64Url(packed);
  const inner = bytes === undefined ? undefined : inflateBounded(bytes);
  return inner === undefined ? EMPTY_STATE : stateFrom(new URLSearchParams(inner), MAX_COMPRESSED_FIELD_LENGTH);
}

function stateFrom(params: URLSearchParams, maxField: number): PlaygroundState {
  const field = (name: keyof PlaygroundState): string | undefined => {
    const value = params.get(KEYS[name]);
    return value === null || value.length > maxField ? undefined : value;
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
