import { findLaw, resolveLawName, type LawResolution } from '@odot/rewrite';

/** The catalogue name of a law written by a student or author (aliases, case, spacing and `by ` prefixes accepted; typos not), or undefined. */
export function canonicalLaw(name: string): string | undefined {
  const resolved = resolveLawName(name);
  return resolved.kind === 'exact' || resolved.kind === 'alias' ? resolved.name : undefined;
}

/** How a law name a student wrote is read (see `resolveLawName` in @odot/rewrite): also one-letter typos, with a note. */
export function readLawName(name: string): LawResolution {
  return resolveLawName(name);
}

/** The statement of a catalogue law, for feedback (`A ⊙ B = B ⊙ A`). */
export function lawStatement(name: string): string | undefined {
  return findLaw(name)?.statement;
}
