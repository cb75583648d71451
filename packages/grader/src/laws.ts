import { findLaw } from '@odot/rewrite';

/** The statement of a catalogue law, for feedback (`A ⊙ B = B ⊙ A`). Law names are read by @odot/rewrite's `resolveLawName`. */
export function lawStatement(name: string): string | undefined {
  return findLaw(name)?.statement;
}
