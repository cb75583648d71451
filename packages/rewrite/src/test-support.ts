import { givensFrom, type Givens } from '@odot/core';
import { parseDeclarations } from '@odot/parser';

/** Givens from declaration text (`A, B: 2×3; P: n×n psd`); throws on a bad declaration (tests, bench). */
export function givensOfText(text: string): Givens {
  if (text.trim() === '') return new Map();
  const r = parseDeclarations(text);
  if (!r.ok) throw new Error(r.error.message);
  return givensFrom(r.value);
}
