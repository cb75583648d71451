import { describe, expect, it } from 'vitest';
import { didYouMean, nameTable, normaliseName, resolveName } from './resolve-name.ts';

const TABLE = nameTable(['hadamard_comm', 'hadamard_add', 'mul_comm'], { hadamard_distrib: 'hadamard_add', stray: 'not_a_name' });

describe('resolveName', () => {
  it('exact names, aliases, and names in other case, spacing or with a by prefix', () => {
    expect(resolveName('hadamard_comm', TABLE)).toEqual({ kind: 'exact', name: 'hadamard_comm' });
    expect(resolveName('hadamard_distrib', TABLE)).toEqual({ kind: 'alias', name: 'hadamard_add', written: 'hadamard_distrib' });
    expect(resolveName('By Hadamard-Distrib.', TABLE)).toMatchObject({ kind: 'alias', name: 'hadamard_add' });
  });
  it('a one-letter typo is read as the one name that close, with a note; otherwise did-you-mean suggestions', () => {
    expect(resolveName('hadamard_ad', TABLE)).toMatchObject({ kind: 'typo', name: 'hadamard_add', note: "read 'hadamard_ad' as hadamard_add (a one-letter typo)" });
    // Two names within one edit: not a typo of either.
    expect(resolveName('hadamard_comx', nameTable(['hadamard_comm', 'hadamard_comp']))).toMatchObject({ kind: 'unknown', suggestions: ['hadamard_comm', 'hadamard_comp'] });
    expect(resolveName('zzz', TABLE)).toEqual({ kind: 'unknown', written: 'zzz', suggestions: [] });
  });
  it('an alias of a name the table does not hold is ignored', () => {
    expect(TABLE.canonical('stray')).toBeUndefined();
    expect(TABLE.names).toEqual(['hadamard_comm', 'hadamard_add', 'mul_comm', 'hadamard_distrib']);
  });

  it('compares names normalised: no by prefix, no trailing dots, lower case, spaces and dashes as _', () => {
    expect(normaliseName('  By Hadamard-Comm. ')).toBe('hadamard_comm');
    expect(normaliseName('hadamard  comm')).toBe('hadamard_comm');
    expect(normaliseName('Hadamard_c')).toBe('hadamard_c');
    expect(normaliseName('')).toBe('');
  });
  it('didYouMean: the law a typo is read as, or the closest names of an unknown one, none for a resolved name', () => {
    expect(didYouMean(resolveName('hadamard_ad', TABLE))).toBe('did you mean hadamard_add?');
    expect(didYouMean(resolveName('hadamard_comx', nameTable(['hadamard_comm', 'hadamard_comp'])))).toBe('did you mean hadamard_comm or hadamard_comp?');
    expect(didYouMean(resolveName('hadamard_distrib', TABLE))).toBeUndefined();
    expect(didYouMean(resolveName('zzz', TABLE))).toBeUndefined();
  });
});
