import { describe, expect, it } from 'vitest';
import { hashString } from './rng.ts';
import { normaliseIdentity, rosterIdHash, variantKey } from './identity.ts';

describe('normaliseIdentity', () => {
  it('trims, collapses whitespace and case-folds', () => {
    expect(normaliseIdentity('  Ada   LOVELACE \t')).toBe('ada lovelace');
    expect(normaliseIdentity('ada lovelace')).toBe(normaliseIdentity('Ada Lovelace'));
  });
  it('composes to NFC, so a decomposed accent matches the composed one', () => {
    const decomposed = 'E\u0301variste Galois';
    const composed = '\u00c9variste Galois';
    expect(decomposed).not.toBe(composed);
    expect(normaliseIdentity(decomposed)).toBe(normaliseIdentity(composed));
    expect(normaliseIdentity(composed)).toBe('\u00e9variste galois');
  });
});

describe('variantKey', () => {
  it('prefers the id, normalised, over the name', () => {
    expect(variantKey({ id: ' S123 ', student: 'Ada' })).toBe('s123');
    expect(variantKey({ id: 's123' })).toBe(variantKey({ id: 'S123', student: 'Someone else' }));
  });
  it('falls back to the normalised name when the id is missing or blank', () => {
    expect(variantKey({ student: 'Ada  Lovelace' })).toBe('ada lovelace');
    expect(variantKey({ id: '   ', student: 'Ada Lovelace' })).toBe('ada lovelace');
    expect(variantKey({})).toBe('');
  });
});

describe('rosterIdHash', () => {
  it('hashes the normalised id, so spacing and case do not matter, and different ids differ', () => {
    expect(rosterIdHash(' S1001 ')).toBe(rosterIdHash('s1001'));
    expect(rosterIdHash('S1001')).not.toBe(rosterIdHash('S1002'));
    expect(rosterIdHash('S1001')).toBe(hashString('s1001', 0x0d07).toString(16));
    expect(rosterIdHash('S1001')).not.toContain('1001');
  });
});
