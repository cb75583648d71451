import { resolveName, type NameResolution, type NameTable } from '@odot/core';
import { findLaw, LAWS } from '../catalogue.ts';

/** How a law name written by a student or author was understood (core's `NameResolution`). */
export type LawResolution = NameResolution;

/**
 * Which names a caller may cite: the catalogue's laws it can use (`usable`, asked with a law's
 * catalogue name; all by default) and names of its own that are not catalogue laws (`extra`: a
 * proof file's theorems, the proof format's words `algebra` and `ext`).
 */
export interface LawScope {
  readonly usable?: (name: string) => boolean;
  readonly extra?: readonly string[];
}

/** The catalogue's names and aliases, and the law each stands for. */
const CATALOGUE: NameTable = {
  names: LAWS.flatMap((law) => [law.name, ...law.aliases]),
  canonical: (name) => findLaw(name)?.name,
};

/** The name table of a scope: the usable catalogue laws with their aliases, then the extra names. */
function tableOf(scope: LawScope): NameTable {
  const { usable, extra = [] } = scope;
  if (usable === undefined && extra.length === 0) return CATALOGUE;
  const own = new Set(extra);
  const canonical = (name: string): string | undefined => {
    const law = CATALOGUE.canonical(name);
    if (law !== undefined && (usable === undefined || usable(law))) return law;
    return own.has(name) ? name : undefined;
  };
  return { names: [...CATALOGUE.names.filter((name) => canonical(name) !== undefined), ...own], canonical };
}

/**
 * The one resolver of law names, core's `resolveName` over the catalogue: exactly, as an alias,
 * ignoring case, spacing, dashes and a `by ` prefix, then as a one-letter typo (with a note), else
 * unknown with "did you mean" names. `scope` narrows the catalogue to the laws a caller can use and
 * adds its own names (the proof checker: its engines' laws, the file's theorems, `algebra`, `ext`).
 */
export function resolveLawName(written: string, scope: LawScope = {}): LawResolution {
  return resolveName(written, tableOf(scope));
}

/** The catalogue name a written law name stands for (exactly, as an alias, in another case or spacing; not a typo), else undefined. */
export function canonicalLawName(written: string): string | undefined {
  const resolved = resolveLawName(written);
  return resolved.kind === 'exact' || resolved.kind === 'alias' ? resolved.name : undefined;
}
