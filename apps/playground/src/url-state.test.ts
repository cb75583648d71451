import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { EMPTY_STATE, MAX_LIMIT_MS, MIN_LIMIT_MS, PLAYGROUND_DIALECTS, SEED_STATE, clampLimit, type PlaygroundState } from './state.ts';
import { deflateSync, strToU8 } from 'fflate';
import { MAX_FIELD_LENGTH, MAX_LINK_LENGTH, decodeState, encodeState, fromBase64Url, isStateHash, shareHash, toBase64Url } from './url-state.ts';

const stateArb: fc.Arbitrary<PlaygroundState> = fc.record({
  expr: fc.string({ unit: 'grapheme', maxLength: 40 }),
  dialect: fc.constantFrom(...PLAYGROUND_DIALECTS),
  givens: fc.string({ maxLength: 40 }),
  bindings: fc.string({ maxLength: 40 }),
  mode: fc.constantFrom('exact' as const, 'float' as const),
  other: fc.string({ maxLength: 20 }),
  proof: fc.string({ maxLength: 80 }),
  limitMs: fc.integer({ min: MIN_LIMIT_MS, max: MAX_LIMIT_MS }),
});

describe('URL state codec', () => {
  test.prop([stateArb])('decode(encode(s)) = s for any state', (state) => {
    expect(decodeState(encodeState(state))).toEqual(state);
  });

  it('round-trips the seed example and keeps the hash readable', () => {
    const hash = encodeState(SEED_STATE);
    expect(hash.startsWith('#v=1&')).toBe(true);
    expect(decodeState(hash)).toEqual(SEED_STATE);
    expect(hash).toContain('e=A+%E2%8A%99+B');
    expect(encodeState({ ...SEED_STATE, dialect: 'numpy' })).toContain('d=numpy');
  });

  it('leaves out fields equal to the empty state', () => {
    expect(encodeState(EMPTY_STATE)).toBe('#v=1');
    expect(encodeState({ ...EMPTY_STATE, expr: 'A' })).toBe('#v=1&e=A');
  });

  it('falls back field by field on hostile or malformed hashes', () => {
    expect(decodeState('')).toEqual(EMPTY_STATE);
    expect(decodeState('#intro')).toEqual(EMPTY_STATE);
    expect(decodeState('#v=2&e=A')).toEqual(EMPTY_STATE);
    expect(decodeState('#v=1&e=A&d=<script>&m=fast')).toEqual({ ...EMPTY_STATE, expr: 'A' });
    expect(decodeState(`#v=1&e=${'A'.repeat(MAX_FIELD_LENGTH + 1)}&g=B: 2×2`)).toEqual({ ...EMPTY_STATE, givens: 'B: 2×2' });
    expect(decodeState('#v=1&e=%E0%A4%A').expr).toBe('\uFFFD%A');
  });

  it('keeps the time limit only when it is a whole number of ms in range', () => {
    expect(encodeState({ ...EMPTY_STATE, limitMs: 250 })).toBe('#v=1&t=250');
    expect(decodeState('#v=1&t=250').limitMs).toBe(250);
    for (const bad of ['50', '999999', '1e3', '-100', 'abc', '']) expect(decodeState(`#v=1&t=${bad}`).limitMs).toBe(EMPTY_STATE.limitMs);
    expect([clampLimit(1), clampLimit(1e9), clampLimit(Number.NaN), clampLimit(1234.4)]).toEqual([MIN_LIMIT_MS, MAX_LIMIT_MS, EMPTY_STATE.limitMs, 1234]);
  });

  it('tells state hashes from heading anchors', () => {
    expect(isStateHash('#v=1&e=A')).toBe(true);
    expect(isStateHash('#the-law-reference')).toBe(false);
    expect(isStateHash('')).toBe(false);
  });

  it('keeps user text verbatim, markup included', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    expect(decodeState(encodeState({ ...EMPTY_STATE, expr: hostile })).expr).toBe(hostile);
  });
});

describe('compressed links', () => {
  const big = (n: number): string => `A = [${Array.from({ length: n }, (_, i) => `[${Array.from({ length: n }, (_, j) => String((i * 7 + j * 13) % 101)).join(',')}]`).join(',')}]`;

  it('deflates a 100×100 matrix into a link that restores it exactly', () => {
    const state = { ...SEED_STATE, bindings: big(100) };
    expect(state.bindings.length).toBeGreaterThan(MAX_FIELD_LENGTH);
    const link = shareHash(state);
    expect(link.ok).toBe(true);
    if (!link.ok) return;
    expect(link.hash).toMatch(/^#v=1&z=[A-Za-z0-9_-]+$/);
    expect(link.hash.length).toBeLessThan(MAX_LINK_LENGTH);
    expect(decodeState(link.hash)).toEqual(state);
  });

  it('says so when a state does not fit even compressed', () => {
    let seed = 12345;
    const noise = Array.from({ length: 250_000 }, () => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return String.fromCharCode(33 + ((seed >>> 0) % 90));
    }).join('');
    const link = shareHash({ ...EMPTY_STATE, proof: noise });
    expect(link.ok).toBe(false);
    if (!link.ok) expect(link.message).toMatch(/too large for a link: [\d,]+ characters even compressed \(the limit is 100,000\)/);
  });

  it('rejects corrupt or bomb-like compressed hashes with the empty state', () => {
    expect(decodeState('#v=1&z=***')).toEqual(EMPTY_STATE);
    expect(decodeState('#v=1&z=AAAA')).toEqual(EMPTY_STATE);
    const bomb = toBase64Url(deflateSync(strToU8(`p=${'x'.repeat(3_000_000)}`)));
    expect(decodeState(`#v=1&z=${bomb}`)).toEqual(EMPTY_STATE);
    expect(fromBase64Url(toBase64Url(new Uint8Array([0, 255, 62, 63])))).toEqual(new Uint8Array([0, 255, 62, 63]));
  });
});
