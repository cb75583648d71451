import { editDistance } from '@odot/core';
import { findLaw, LAWS } from '../catalogue.ts';

/**
 * How a law name written by a student or author was understood:
 * `exact` (a name as it is), `alias` (an alias, or the name in another case or spacing, or with a
 * `by ` prefix), `typo` (the one law within one edit of it; `note` says so), or `unknown` (with the
 * closest names for "did you mean").
 */
export type LawResolution =
  | { readonly kind: 'exact'; readonly name: string }
  | { readonly kind: 'alias'; readonly name: string; readonly written: string }
  | { readonly kind: 'typo'; readonly name: string; readonly written: string; readonly note: string }
  | { readonly kind: 'unknown'; readonly written: string; readonly suggestions: readonly string[] };

/** Where names are looked up: every known name (and alias), and the name each stands for. */
export interface LawNames {
  readonly names: readonly string[];
  /** The name a known name or alias stands for (the catalogue name); undefined when unknown. */
  readonly canonical: (name: string) => string | undefined;
}

/** The rewrite catalogue's names and aliases. */
export const CATALOGUE_NAMES: LawNames = {
  names: LAWS.flatMap((law) => [law.name, ...law.aliases]),
  canonical: (name) => findLaw(name)?.name,
};

/** `By Hadamard-Comm.` → `hadamard_comm`: no `by `, no trailing dots, lower case, spaces and dashes as `_`. */
function normalise(name: string): string {
  return name.trim().replace(/^by\s+/i, '').replace(/[.\s]+$/, '').toLowerCase().replace(/[\s-]+/g, '_');
}

/** Shortest written name a one-edit typo is read for (shorter words are too easily another law). */
const MIN_TYPO_LENGTH = 5;

/** Known names within `limit` edits of `word` (normalised), closest first, as the names they stand for. */
function nearest(word: string, known: LawNames, limit: number): { name: string; distance: number }[] {
  const out = new Map<string, number>();
  for (const candidate of known.names) {
    const d = editDistance(word, normalise(candidate));
    const name = known.canonical(candidate) ?? candidate;
    if (d <= limit && d < (out.get(name) ?? Infinity)) out.set(name, d);
  }
  return [...out].map(([name, distance]) => ({ name, distance })).sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name));
}

/**
 * Resolves a law name: exactly, as an alias, ignoring case, spacing, dashes and a `by ` prefix, then
 * as a one-letter typo when exactly one law is within one edit (`hadamard_com` → hadamard_comm, with
 * a note), else unknown with up to three "did you mean" names (within a third of its length).
 * `known` defaults to the rewrite catalogue; the proof checker passes its own (catalogue + entrywise laws).
 */
export function resolveLawName(written: string, known: LawNames = CATALOGUE_NAMES): LawResolution {
  const trimmed = written.trim();
  const direct = known.canonical(trimmed);
  if (direct !== undefined) return direct === trimmed ? { kind: 'exact', name: direct } : { kind: 'alias', name: direct, written };
  const word = normalise(trimmed);
  const loose = known.names.find((candidate) => normalise(candidate) === word);
  const looseName = loose === undefined ? undefined : known.canonical(loose);
  if (looseName !== undefined) return { kind: 'alias', name: looseName, written };
  const close = nearest(word, known, 1);
  const only = close.length === 1 ? close[0] : undefined;
  if (only && word.length >= MIN_TYPO_LENGTH) {
    return { kind: 'typo', name: only.name, written, note: `read '${trimmed}' as ${only.name} (a one-letter typo)` };
  }
  const near = nearest(word, known, Math.max(2, Math.floor(word.length / 3)));
  const best = near[0]?.distance ?? 0;
  const suggestions = near.filter((c) => c.distance <= best + 1).slice(0, 3).map((c) => c.name);
  return { kind: 'unknown', written, suggestions };
}
