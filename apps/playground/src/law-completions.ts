// Which law names the proof editor offers after `by`: pure functions over the catalogue's list
// (fetched from the worker, see `law-list.ts`), so they are tested without a browser and the page
// never bundles the catalogue itself.
import { normaliseName } from '@odot/core';
import type { LawEntry } from './protocol.ts';

/** Where a law name is being typed in a line: `from` is the offset of the partial name, `typed` the partial name (maybe empty). */
export interface CompletionSite {
  readonly from: number;
  readonly typed: string;
}

/** `by` as a word, then names separated by commas, then the partial name the caret ends. */
const SITE = /(?:^|\s)by\s+(?:[A-Za-z_][\w-]*\s*,\s*)*([A-Za-z_][\w-]*)?$/;

/**
 * The completion site of a line's text before the caret: after `by ` (`= B ⊙ A   by hadamard_c`)
 * or after a comma in `by a, b`; undefined anywhere else.
 */
export function completionSite(before: string): CompletionSite | undefined {
  const match = SITE.exec(before);
  if (!match) return undefined;
  const typed = match[1] ?? '';
  return { from: before.length - typed.length, typed };
}

/** How a law matched what was typed, best first: its name or an alias starts with it, or contains it. */
export type MatchKind = 'name-prefix' | 'alias-prefix' | 'name-contains' | 'alias-contains';

const RANK: Readonly<Record<MatchKind, number>> = { 'name-prefix': 0, 'alias-prefix': 1, 'name-contains': 2, 'alias-contains': 3 };

/** A law offered for what was typed: it completes to `name` (the canonical name, also for an alias). */
export interface LawMatch {
  readonly name: string;
  readonly statement: string;
  readonly kind: MatchKind;
  /** The alias that matched, when the name itself did not. */
  readonly alias?: string;
}

/** How one law matches the normalised typed text, or undefined when it does not. */
function matchOne(word: string, law: LawEntry): LawMatch | undefined {
  const name = normaliseName(law.name);
  const base = { name: law.name, statement: law.statement };
  if (name.startsWith(word)) return { ...base, kind: 'name-prefix' };
  const aliasPrefix = law.aliases.find((alias) => normaliseName(alias).startsWith(word));
  if (aliasPrefix !== undefined) return { ...base, kind: 'alias-prefix', alias: aliasPrefix };
  if (name.includes(word)) return { ...base, kind: 'name-contains' };
  const aliasContains = law.aliases.find((alias) => normaliseName(alias).includes(word));
  return aliasContains === undefined ? undefined : { ...base, kind: 'alias-contains', alias: aliasContains };
}

/**
 * The laws matching a partial name, as the resolver reads names (case, dashes and spaces do not
 * matter): names starting with it first, then aliases starting with it, then names and aliases
 * containing it; alphabetical within each group. Each law appears once, under its canonical name.
 */
export function matchLaws(typed: string, laws: readonly LawEntry[]): LawMatch[] {
  const word = normaliseName(typed);
  const matches = laws.flatMap((law) => matchOne(word, law) ?? []);
  return matches.sort((a, b) => RANK[a.kind] - RANK[b.kind] || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
