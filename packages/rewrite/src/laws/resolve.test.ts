import { describe, expect, it } from 'vitest';
import { LAWS } from '../catalogue.ts';
import { editDistance } from '@odot/core';
import { canonicalLawName, resolveLawName } from './resolve.ts';

describe('resolveLawName', () => {
  it('finds a name exactly', () => {
    expect(resolveLawName('hadamard_comm')).toEqual({ kind: 'exact', name: 'hadamard_comm' });
  });
  it('reads case, spacing, dashes and a by prefix as the same law', () => {
    for (const written of ['Hadamard_Comm', 'hadamard comm', 'by hadamard-comm', ' HADAMARD_COMM. ']) {
      expect(resolveLawName(written)).toMatchObject({ kind: 'alias', name: 'hadamard_comm' });
    }
  });
  it('reads an alias as its law', () => {
    const law = LAWS.find((l) => l.aliases.length > 0);
    if (!law) throw new Error('the catalogue has no alias');
    expect(resolveLawName(law.aliases[0] as string)).toMatchObject({ kind: 'alias', name: law.name });
  });
  it('accepts a one-letter typo when exactly one law is that close, with a note', () => {
    expect(resolveLawName('hadamard_com')).toEqual({ kind: 'typo', name: 'hadamard_comm', written: 'hadamard_com', note: "read 'hadamard_com' as hadamard_comm (a one-letter typo)" });
    expect(resolveLawName('hadamard_asoc')).toMatchObject({ kind: 'typo', name: 'hadamard_assoc' });
    expect(resolveLawName('hadamrd_ones')).toMatchObject({ kind: 'typo', name: 'hadamard_ones' });
  });
  it('does not guess when two laws are one edit away, or the typo is larger', () => {
    // Every written word with two catalogue names within one edit stays unknown.
    const names = LAWS.map((l) => l.name);
    let checked = 0;
    for (const a of names) {
      for (const b of names) {
        if (a >= b || editDistance(a, b) !== 2) continue;
        // A word one edit from both: drop one differing character of a, if that is one edit from b too.
        for (let k = 0; k < a.length; k++) {
          const w = a.slice(0, k) + a.slice(k + 1);
          if (editDistance(w, b) !== 1 || names.includes(w)) continue;
          expect(resolveLawName(w).kind, `${w}: ${a} or ${b}`).toBe('unknown');
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
    const far = resolveLawName('hadamrd_cmm');
    expect(far.kind).toBe('unknown');
    if (far.kind === 'unknown') expect(far.suggestions).toContain('hadamard_comm');
  });
  it('reads within a scope: the catalogue laws a caller uses, plus names of its own (the proof checker)', () => {
    const scope = { usable: (n: string) => ['def_hadamard', 'mul_comm'].includes(n), extra: ['my_lemma', 'algebra'] };
    expect(resolveLawName('def_hadamrd', scope)).toMatchObject({ kind: 'typo', name: 'def_hadamard' });
    expect(resolveLawName('mul_com', scope)).toMatchObject({ kind: 'typo', name: 'mul_comm' });
    expect(resolveLawName('hadamard_comm', scope).kind).toBe('unknown');
    expect(resolveLawName('My Lemma', scope)).toMatchObject({ kind: 'alias', name: 'my_lemma' });
    expect(resolveLawName('my_lema', scope)).toMatchObject({ kind: 'typo', name: 'my_lemma' });
    // Without a scope, only the catalogue: a name of the caller's own is unknown.
    expect(resolveLawName('my_lemma').kind).toBe('unknown');
  });
  it('gives the catalogue name of an exact name or alias, never of a typo', () => {
    const law = LAWS.find((l) => l.aliases.length > 0);
    if (!law) throw new Error('the catalogue has no alias');
    expect(canonicalLawName(law.aliases[0] as string)).toBe(law.name);
    expect(canonicalLawName('By Hadamard-Comm')).toBe('hadamard_comm');
    expect(canonicalLawName('hadamard_com')).toBeUndefined();
  });
  it('measures edit distance by hand-worked examples', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('hadamard_com', 'hadamard_comm')).toBe(1);
  });
});
