import { editDistance } from './suggest.ts';

/**
 * How a name written by a student or author was understood against a table of names:
 * `exact` (a name as it is), `alias` (an alias, or the name in another case or spacing, or with a
 * `by ` prefix), `typo` (the one name within one edit of it; `note` says so), or `unknown` (with the
 * closest names for "did you mean").
 */
export type NameResolution =
  | { readonly kind: 'exact'; readonly name: string }
  | { readonly kind: 'alias'; readonly name: string; readonly written: string }
  | { readonly kind: 'typo'; readonly name: string; readonly written: string; readonly note: string }
  | { readonly kind: 'unknown'; readonly written: string; readonly suggestions: readonly string[] };

/** Where names are looked up: every known name (and alias), and the name each stands for. */
export interface NameTable {
  readonly names: readonly string[];
  /** The name a known name or alias stands for; undefined when unknown. */
  readonly canonical: (name: string) => string | undefined;
}

/** A table of names and aliases (`aliases` maps an alias to the name it stands for). */
export function nameTable(names: readonly string[], aliases: Readonly<Record<string, string>> = {}): NameTable {
  const known = new Map<string, string>(names.map((n) => [n, n]));
  for (const [alias, name] of Object.entries(aliases)) if (known.has(name)) known.set(alias, name);
  return { names: [...known.keys()], canonical: (name) => known.get(name) };
}

/**
 * A name as the resolver compares it: `By Hadamard-Comm.` → `hadamard_comm` (no `by `, no
 * trailing dots, lower case, spaces and dashes as `_`). The playground's law completions match
 * what is typed with it.
 */
export function normaliseName(name: string): string {
  return name.trim().replace(/^by\s+/i, '').replace(/[.\s]+$/, '').toLowerCase().replace(/[\s-]+/g, '_');
}

/** Shortest written name a one-edit typo is read for (shorter words are too easily another name). */
const MIN_TYPO_LENGTH = 5;

/** Known names within `limit` edits of `word` (normalised), closest first, as the names they stand for. */
function nearest(word: string, known: NameTable, limit: number): { name: string; distance: number }[] {
  const out = new Map<string, number>();
  for (const candidate of known.names) {
    const d = editDistance(word, normaliseName(candidate));
    const name = known.canonical(candidate) ?? candidate;
    if (d <= limit && d < (out.get(name) ?? Infinity)) out.set(name, d);
  }
  return [...out].map(([name, distance]) => ({ name, distance })).sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name));
}

/** The names a resolution points the writer to: the one a typo is read as, or an unknown name's closest ones (none for a resolved name). */
export function suggestedNames(r: NameResolution): readonly string[] {
  switch (r.kind) {
    case 'exact':
    case 'alias':
      return [];
    case 'typo':
      return [r.name];
    case 'unknown':
      return r.suggestions;
  }
}

/** `did you mean A or B?` for the names a resolution suggests, or undefined when it suggests none. */
export function didYouMean(r: NameResolution): string | undefined {
  const names = suggestedNames(r);
  return names.length > 0 ? `did you mean ${names.join(' or ')}?` : undefined;
}

/**
 * Resolves a written name: exactly, as an alias, ignoring case, spacing, dashes and a `by ` prefix,
 * then as a one-letter typo when exactly one name is within one edit (`hadamard_com` →
 * hadamard_comm, with a note), else unknown with up to three "did you mean" names (within a third
 * of its length). The one resolver of law names: @odot/rewrite's `resolveLawName` is this against
 * the catalogue, and the worksheet page runs it against the names written into the page.
 */
export function resolveName(written: string, known: NameTable): NameResolution {
  const trimmed = written.trim();
  const direct = known.canonical(trimmed);
  if (direct !== undefined) return direct === trimmed ? { kind: 'exact', name: direct } : { kind: 'alias', name: direct, written };
  const word = normaliseName(trimmed);
  const loose = known.names.find((candidate) => normaliseName(candidate) === word);
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
