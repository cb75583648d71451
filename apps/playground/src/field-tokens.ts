import { isProperty } from '@odot/core';
import { highlightTokens, type HighlightToken } from '@odot/parser';
import type { PlaygroundDialect } from './state.ts';
import type { FieldSpec } from './text-field.ts';

/** A token class the editor colours: the parser's classes, plus proof keywords and law names. */
export type FieldTokenClass = HighlightToken['class'] | 'keyword' | 'law' | 'property';

/** A coloured range of a field's text. */
export interface FieldToken {
  readonly from: number;
  readonly to: number;
  readonly class: FieldTokenClass;
}

/** Texts longer than this are not highlighted (the editor stays responsive on a 100×100 matrix). */
export const MAX_HIGHLIGHT = 20_000;

const shift = (tokens: readonly FieldToken[], by: number): FieldToken[] => tokens.map((t) => ({ ...t, from: t.from + by, to: t.to + by }));

/** One line of a proof: a leading keyword (`given`, `prove`, `proof`, `qed`), `by LAW` at the end, the rest an expression. */
function proofLine(line: string): FieldToken[] {
  const head = /^(\s*)(given|prove|proof|qed|assume|let)\b/.exec(line);
  const by = /\s(by)\s+([A-Za-z_][\w-]*(?:\s*,\s*[A-Za-z_][\w-]*)*)\s*$/.exec(line);
  const start = head ? head[0].length : 0;
  const end = by ? by.index : line.length;
  const out: FieldToken[] = head ? [{ from: head[1]?.length ?? 0, to: head[0].length, class: 'keyword' }] : [];
  if (head?.[2] === 'given') out.push(...givensLine(line.slice(start)).map((t) => ({ ...t, from: t.from + start, to: t.to + start })));
  else if (end > start) out.push(...shift(highlightTokens(line.slice(start, end), 'plain'), start));
  if (by) {
    const byAt = by.index + by[0].indexOf('by');
    const lawAt = by.index + by[0].indexOf(by[2] ?? '', 3);
    out.push({ from: byAt, to: byAt + 2, class: 'keyword' }, { from: lawAt, to: lawAt + (by[2]?.length ?? 0), class: 'law' });
  }
  return out;
}

/** One line of givens: `A, B: 2×3 psd` — names, then dimensions and property words. */
function givensLine(line: string): FieldToken[] {
  const out: FieldToken[] = [];
  const colon = line.indexOf(':');
  const pattern = /[A-Za-z][A-Za-z0-9_]*|\d+|[×·,:;]/g;
  for (let m = pattern.exec(line); m !== null; m = pattern.exec(line)) {
    out.push({ from: m.index, to: m.index + m[0].length, class: givensClass(m[0], colon >= 0 && m.index > colon) });
  }
  return out;
}

/** A word of a declaration: before the colon a name; after it a dimension, a number, or a property (`psd`, `scalar`). */
function givensClass(text: string, afterColon: boolean): FieldTokenClass {
  if (/^\d/.test(text)) return 'number';
  if (/^[×·,:;]$/.test(text)) return 'punctuation';
  if (!afterColon) return 'name';
  return isProperty(text) || text === 'scalar' ? 'property' : 'constant';
}

/** Applies a line tokenizer to every line of `text`. */
function byLine(text: string, line: (text: string) => FieldToken[]): FieldToken[] {
  const out: FieldToken[] = [];
  let offset = 0;
  for (const part of text.split('\n')) {
    out.push(...shift(line(part), offset));
    offset += part.length + 1;
  }
  return out;
}

/** The coloured ranges of a field's text in its language (expressions in the chosen dialect). */
export function fieldTokens(language: FieldSpec['language'], text: string, dialect: PlaygroundDialect): FieldToken[] {
  if (text.length > MAX_HIGHLIGHT) return [];
  switch (language) {
    case 'expr':
      return highlightTokens(text, dialect);
    case 'givens':
      return byLine(text, givensLine);
    case 'proof':
      return byLine(text, proofLine);
    case 'text':
      return [];
  }
}
