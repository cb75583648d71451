/** The input dialects: `plain` (Unicode maths, the default), `latex`, `numpy` and `matlab`. */
export const DIALECTS = ['plain', 'latex', 'numpy', 'matlab'] as const;

/** One of the input dialects. */
export type Dialect = (typeof DIALECTS)[number];

/** True when `name` names a dialect. */
export function isDialect(name: string): name is Dialect {
  return (DIALECTS as readonly string[]).includes(name);
}
