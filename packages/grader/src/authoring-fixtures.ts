import { parseWorksheet } from './parse-worksheet.ts';
import type { Question, Worksheet } from './worksheet.ts';

/** A one-worksheet text around question blocks (tests only). */
export function sheetText(...blocks: readonly string[]): string {
  return ['---', 'worksheet: WS_T', 'seed: 7', '---', ...blocks.map((b) => `## Q\n\n\`\`\`question\n${b.trim()}\n\`\`\`\n`)].join('\n');
}

/** Parses a worksheet made of these question blocks, throwing on an error (tests only). */
export function sheet(...blocks: readonly string[]): Worksheet {
  const parsed = parseWorksheet(sheetText(...blocks));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

/** The only question of a worksheet made of one block, narrowed to its kind (tests only). */
export function only<K extends Question['kind']>(block: string, kind: K): { ws: Worksheet; q: Extract<Question, { kind: K }> } {
  const ws = sheet(block);
  const q = ws.questions[0];
  if (!q || q.kind !== kind) throw new Error(`not a ${kind} question`);
  return { ws, q: q as Extract<Question, { kind: K }> };
}
