import { resolveName, type NameResolution, type NameTable } from '@odot/core';
import { findLaw, LAWS } from '../catalogue.ts';

/** How a law name written by a student or author was understood (core's `NameResolution`). */
export type LawResolution = NameResolution;

/** Where law names are looked up (core's `NameTable`). */
export type LawNames = NameTable;

/** The rewrite catalogue's names and aliases. */
export const CATALOGUE_NAMES: LawNames = {
  names: LAWS.flatMap((law) => [law.name, ...law.aliases]),
  canonical: (name) => findLaw(name)?.name,
};

/**
 * Resolves a law name with core's `resolveName`: exactly, as an alias, ignoring case, spacing,
 * dashes and a `by ` prefix, then as a one-letter typo (with a note), else unknown with "did you
 * mean" names. `known` defaults to the rewrite catalogue; the proof checker passes its own
 * (catalogue + entrywise laws + the words of the format).
 */
export function resolveLawName(written: string, known: LawNames = CATALOGUE_NAMES): LawResolution {
  return resolveName(written, known);
}
