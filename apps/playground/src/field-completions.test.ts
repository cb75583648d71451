import { CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { EditorState } from '@codemirror/state';
import { BACKSLASH_SYMBOLS, replaceBackslashNames } from '@odot/core';
import { describe, expect, it } from 'vitest';
import { fieldCompletionSource } from './editor-completions.ts';
import { backslashCompletions, completionsAt, type CompletionQuery, type Completions } from './field-completions.ts';
import { createLawList } from './law-list.ts';
import type { LawEntry } from './protocol.ts';

// One completion source for the plain fields and the code editor: backslash names with their
// symbols, and law names after `by` in a proof.

const HAND: readonly LawEntry[] = [
  { name: 'hadamard_comm', aliases: ['schur_comm'], statement: 'A ⊙ B = B ⊙ A' },
  { name: 'hadamard_assoc', aliases: [], statement: '(A ⊙ B) ⊙ C = A ⊙ (B ⊙ C)' },
];

const query = (text: string, over: Partial<CompletionQuery> = {}): CompletionQuery => ({ language: 'expr', dialect: 'plain', text, caret: text.length, ...over });
const neverAsked = createLawList(() => Promise.reject(new Error('the law list was asked for')));
const now = (answer: ReturnType<typeof completionsAt>): Completions | undefined => {
  if (answer instanceof Promise) throw new Error('expected an answer at once');
  return answer;
};

describe('backslash names', () => {
  it('lists the names starting with what follows the backslash, the exact name first, each with its symbol', () => {
    const answer = backslashCompletions('A \\o', 0);
    expect(answer?.from).toBe(2);
    expect(answer?.to).toBe(4);
    expect(answer?.options.map((o) => [o.label, o.insert])).toEqual([
      ['\\odot', '⊙'],
      ['\\oplus', '⊕'],
      ['\\otimes', '⊗'],
    ]);
    expect(backslashCompletions('B\\t', 0)?.options.map((o) => o.label)).toEqual(['\\times', '\\top', '\\transpose']);
    expect(backslashCompletions('\\le', 0)?.options.map((o) => o.label)).toEqual(['\\le', '\\leq']);
    expect(backslashCompletions('\\zz', 0)).toBeUndefined();
    expect(backslashCompletions('A ⊙ B', 0)).toBeUndefined();
  });

  it('offers every name of the one table after a lone backslash, and accepting one gives what typing the name does', () => {
    const all = backslashCompletions('\\', 0)!;
    expect(all.options.map((o) => o.label.slice(1)).sort()).toEqual(Object.keys(BACKSLASH_SYMBOLS).sort());
    for (const option of all.options) {
      // Independently: the name typed out and ended by a space becomes the same symbol.
      expect(replaceBackslashNames(`${option.label} `, option.label.length + 1).text).toBe(`${option.insert} `);
      expect(option.detail).toBe(option.insert);
    }
  });
});

describe('completionsAt', () => {
  it('reads the line up to the caret: offsets are of the whole text', () => {
    const text = 'A, B: 2×3\nC: n\\tim';
    expect(now(completionsAt(query(text, { language: 'givens' }), neverAsked))).toMatchObject({ from: text.indexOf('\\tim'), to: text.length });
    // With the caret before the backslash there is nothing to complete.
    expect(now(completionsAt(query(text, { language: 'givens', caret: 12 }), neverAsked))).toBeUndefined();
  });

  it('offers no backslash names in the LaTeX dialect (the parser reads them) nor in the values', () => {
    expect(now(completionsAt(query('A \\od', { dialect: 'latex' }), neverAsked))).toBeUndefined();
    expect(now(completionsAt(query('A = \\od', { language: 'text' }), neverAsked))).toBeUndefined();
    expect(now(completionsAt(query('A \\od', { dialect: 'numpy' }), neverAsked))?.options[0]?.insert).toBe('⊙');
  });

  it('offers law names after `by` in a proof only, asking for the list once', async () => {
    let asked = 0;
    const laws = createLawList(() => (asked++, Promise.resolve(HAND)));
    const line = 'proof\n  = B ⊙ A   by hadamard_c';
    expect(now(completionsAt(query(line, { language: 'expr' }), laws))).toBeUndefined();
    const later = completionsAt(query(line, { language: 'proof' }), laws);
    expect(later).toBeInstanceOf(Promise);
    const answer = await later;
    expect(answer).toEqual({ from: line.length - 'hadamard_c'.length, to: line.length, options: [{ label: 'hadamard_comm', insert: 'hadamard_comm', detail: 'A ⊙ B = B ⊙ A' }] });
    // Now the list is kept: the answer comes at once.
    expect(now(completionsAt(query(line.replace('hadamard_c', 'schur'), { language: 'proof' }), laws))?.options).toEqual([
      { label: 'hadamard_comm', insert: 'hadamard_comm', detail: 'A ⊙ B = B ⊙ A', info: 'matched the alias schur_comm' },
    ]);
    expect(asked).toBe(1);
  });

  it('is what the code editor lists, option for option', async () => {
    const laws = createLawList(() => Promise.resolve(HAND));
    for (const [language, text] of [['expr', 'A \\o'], ['proof', 'proof\n  = B ⊙ A   by hadamard_'], ['givens', 'P: n×n \\s']] as const) {
      const source = fieldCompletionSource(language, { dialect: () => 'plain', onInput: () => undefined, laws });
      const cm = (await source(new CompletionContext(EditorState.create({ doc: text }), text.length, false))) as CompletionResult;
      const ours = (await completionsAt(query(text, { language }), laws))!;
      expect([cm.from, cm.to]).toEqual([ours.from, ours.to]);
      expect(cm.options.map((o) => [o.label, o.apply, o.detail])).toEqual(ours.options.map((o) => [o.label, o.insert, o.detail]));
      expect(cm.filter).toBe(false);
    }
  });
});
