import { readFileSync } from 'node:fs';
import { parseWorksheet } from './parse-worksheet.ts';
import type { Question, Worksheet } from './worksheet.ts';

/** The text of the bundled worksheet (tests only). */
export const BUNDLED_TEXT = readFileSync(new URL('../../../examples/WS_Math_Foundations_1.md', import.meta.url), 'utf8');

/** The bundled worksheet, parsed (tests only). */
export function bundled(): Worksheet {
  const parsed = parseWorksheet(BUNDLED_TEXT);
  if (!parsed.ok) throw new Error(`the bundled worksheet does not load: ${parsed.error.message}`);
  return parsed.value;
}

/** A question of a worksheet by id, narrowed to its kind (tests only). */
export function questionOf<K extends Question['kind']>(ws: Worksheet, id: string, kind: K): Extract<Question, { kind: K }> {
  const q = ws.questions.find((x) => x.id === id);
  if (!q || q.kind !== kind) throw new Error(`no ${kind} question ${id}`);
  return q as Extract<Question, { kind: K }>;
}
