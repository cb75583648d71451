import { findLaw, LAWS } from '@odot/rewrite';

/** The catalogue name of a law written by a student or author (aliases and `by ` prefixes accepted), or undefined. */
export function canonicalLaw(name: string): string | undefined {
  const cleaned = name.trim().replace(/^by\s+/i, '').replace(/[.\s]+$/, '');
  return findLaw(cleaned)?.name ?? findLaw(cleaned.toLowerCase().replace(/[\s-]+/g, '_'))?.name;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j] ?? 0;
      row[j] = Math.min(cur + 1, (row[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length] ?? 0;
}

/** The catalogue law whose name is closest to `name` (for "did you mean"), if reasonably close. */
export function closestLaw(name: string): string | undefined {
  let best: { name: string; d: number } | undefined;
  for (const law of LAWS) {
    for (const candidate of [law.name, ...law.aliases]) {
      const d = distance(name.toLowerCase(), candidate.toLowerCase());
      if (!best || d < best.d) best = { name: law.name, d };
    }
  }
  return best && best.d <= Math.max(3, Math.floor(name.length / 3)) ? best.name : undefined;
}

/** The statement of a catalogue law, for feedback (`A ⊙ B = B ⊙ A`). */
export function lawStatement(name: string): string | undefined {
  return findLaw(name)?.statement;
}
