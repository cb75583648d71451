import { describe, expect, it } from 'vitest';
import { normaliseIdentity, variantKey } from './identity.ts';

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
