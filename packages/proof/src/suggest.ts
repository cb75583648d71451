import { editDistance } from '@odot/core';

/**
 * The names closest to `word` by edit distance (case-insensitive), best first: those within a third
 * of the word's length (at least 2) and at most one worse than the best, at most `limit`; a name
 * that contains the word also counts.
 */
export function closestNames(word: string, names: readonly string[], limit = 3): string[] {
  const lower = word.toLowerCase();
  const threshold = Math.max(2, Math.floor(word.length / 3));
  const close = [...new Set(names)]
    .map((name) => ({ name, distance: editDistance(lower, name.toLowerCase()) }))
    .filter(({ name, distance }) => distance <= threshold || (lower.length >= 4 && name.toLowerCase().includes(lower)))
    .sort((x, y) => x.distance - y.distance || x.name.localeCompare(y.name));
  const best = close[0]?.distance ?? 0;
  // Keep the best and those nearly as good, so one clear winner is not drowned by far candidates.
  return close
    .filter(({ distance }) => distance <= best + 1)
    .slice(0, limit)
    .map(({ name }) => name);
}
