/** The matrix properties a declaration may state and inference may derive. */
export const PROPERTIES = ['diagonal', 'symmetric', 'psd', 'pd', 'nonnegative', 'binary'] as const;

/** A matrix property: `diagonal`, `symmetric`, `psd` (positive semidefinite), `pd`, `nonnegative`, `binary` (0/1 entries). */
export type Property = (typeof PROPERTIES)[number];

/** True when `word` names a property. */
export function isProperty(word: string): word is Property {
  return (PROPERTIES as readonly string[]).includes(word);
}
