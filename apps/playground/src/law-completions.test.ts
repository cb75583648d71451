import { CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { EditorState } from '@codemirror/state';
import { LAWS } from '@odot/rewrite';
import { describe, expect, it } from 'vitest';
import { runTask } from './engine.ts';
import { completionSite, matchLaws } from './law-completions.ts';
import { createLawList } from './law-list.ts';
import { fieldCompletionSource } from './editor-completions.ts';
import type { LawList } from './law-list.ts';
import { isWorkerRequest, isWorkerResponse, type LawEntry } from './protocol.ts';

// The proof editor offers the catalogue's law names after `by`; the list comes from the worker's
// `laws` task, so the page's bundle never holds the catalogue.

/** The list as the worker sends it. */
function workerLaws(): readonly LawEntry[] {
  const result = runTask({ kind: 'laws' });
  if (result.kind !== 'laws' || !result.ok) throw new Error('the laws task failed');
  return result.view.laws;
}

const HAND: readonly LawEntry[] = [
  { name: 'mul_comm', aliases: [], statement: 'a b = b a' },
  { name: 'hadamard_comm', aliases: ['schur_comm'], statement: 'A ⊙ B = B ⊙ A' },
  { name: 'hadamard_assoc', aliases: [], statement: '(A ⊙ B) ⊙ C = A ⊙ (B ⊙ C)' },
  { name: 'trace_cyclic', aliases: ['trace_mul_comm'], statement: 'tr(A B) = tr(B A)' },
  { name: 'schur', aliases: ['schur_product_theorem'], statement: 'psd(P ⊙ Q)' },
];

describe('where a law name is being typed', () => {
  it('is after `by ` and after each comma of `by a, b`, at the partial name', () => {
    expect(completionSite('  = B ⊙ A   by hadamard_c')).toEqual({ from: 15, typed: 'hadamard_c' });
    expect(completionSite('  = B ⊙ A   by ')).toEqual({ from: 15, typed: '' });
    expect(completionSite('by mul_comm, hadamard-a')).toEqual({ from: 13, typed: 'hadamard-a' });
    expect(completionSite('by mul_comm,')).toEqual({ from: 12, typed: '' });
  });

  it('is nowhere else: not in the expression, not after `by` without a space, not in a word ending in by', () => {
    expect(completionSite('  = B ⊙ A')).toBeUndefined();
    expect(completionSite('  = B ⊙ A   by')).toBeUndefined();
    expect(completionSite('  = baby hadamard')).toBeUndefined();
    expect(completionSite('by hadamard_comm ')).toBeUndefined();
  });
});

describe('matching law names', () => {
  it('ranks names starting with the text first, then aliases starting with it, then names and aliases containing it', () => {
    expect(matchLaws('comm', HAND).map((m) => [m.name, m.kind])).toEqual([
      ['hadamard_comm', 'name-contains'],
      ['mul_comm', 'name-contains'],
      ['trace_cyclic', 'alias-contains'],
    ]);
    expect(matchLaws('schur', HAND).map((m) => [m.name, m.kind, m.alias])).toEqual([
      ['schur', 'name-prefix', undefined],
      ['hadamard_comm', 'alias-prefix', 'schur_comm'],
    ]);
    expect(matchLaws('hadamard_', HAND).map((m) => m.name)).toEqual(['hadamard_assoc', 'hadamard_comm']);
  });

  it('reads the text as the resolver does (case, dashes, spaces) and completes an alias to its canonical name, once per law', () => {
    expect(matchLaws('Hadamard-C', HAND).map((m) => m.name)).toEqual(['hadamard_comm']);
    expect(matchLaws('schur_c', HAND)).toEqual([{ name: 'hadamard_comm', statement: 'A ⊙ B = B ⊙ A', kind: 'alias-prefix', alias: 'schur_comm' }]);
    expect(matchLaws('zzz', HAND)).toEqual([]);
    expect(matchLaws('', HAND).map((m) => m.name)).toEqual(['hadamard_assoc', 'hadamard_comm', 'mul_comm', 'schur', 'trace_cyclic']);
  });

  it('offers hadamard_comm first for hadamard_c in the real catalogue, with its statement', () => {
    const laws = workerLaws();
    expect(matchLaws('hadamard_c', laws)[0]).toEqual({ name: 'hadamard_comm', statement: 'A ⊙ B = B ⊙ A', kind: 'name-prefix' });
    expect(matchLaws('trace_mul_c', laws)[0]).toMatchObject({ name: 'trace_cyclic', alias: 'trace_mul_comm' });
    // Every law is offered after a bare `by `, and only once.
    expect(matchLaws('', laws).map((m) => m.name).sort()).toEqual(LAWS.map((law) => law.name).sort());
  });
});

describe('the laws task', () => {
  it("lists every law of @odot/rewrite's catalogue with its aliases and statement", () => {
    const laws = workerLaws();
    expect(laws).toHaveLength(LAWS.length);
    expect(laws.find((law) => law.name === 'hadamard_comm')).toEqual({ name: 'hadamard_comm', aliases: ['schur_comm'], statement: 'A ⊙ B = B ⊙ A' });
    expect(laws.find((law) => law.name === 'hadamard_add')?.aliases).toContain('hadamard_distrib');
  });

  it('is a well-formed request and response of the worker protocol', () => {
    expect(isWorkerRequest({ id: 1, task: { kind: 'laws' } })).toBe(true);
    expect(isWorkerResponse({ id: 1, status: 'done', result: runTask({ kind: 'laws' }) })).toBe(true);
    // The response is plain data: it survives structured cloning as it is.
    expect(structuredClone(runTask({ kind: 'laws' }))).toEqual(runTask({ kind: 'laws' }));
  });
});

describe('the law list on the page', () => {
  it('asks once, shares a request in flight and keeps the list', async () => {
    let asked = 0;
    const list = createLawList(() => (asked++, Promise.resolve(HAND)));
    expect(list.loaded()).toBeUndefined();
    const [a, b] = await Promise.all([list.load(), list.load()]);
    expect(a).toBe(HAND);
    expect(b).toBe(HAND);
    expect(await list.load()).toBe(HAND);
    expect(list.loaded()).toBe(HAND);
    expect(asked).toBe(1);
  });

  it('asks again after a failed request', async () => {
    const answers: (readonly LawEntry[] | undefined)[] = [undefined, HAND];
    const list = createLawList(() => Promise.resolve(answers.shift()));
    expect(await list.load()).toBeUndefined();
    expect(list.loaded()).toBeUndefined();
    expect(await list.load()).toBe(HAND);
    expect(answers).toEqual([]);
  });
});

describe('the completion source of the proof editor', () => {
  const doc = 'proof\n    A ⊙ B\n  = B ⊙ A   by hadamard_c';
  const at = (text: string, pos = text.length): CompletionContext => new CompletionContext(EditorState.create({ doc: text }), pos, false);
  const lawCompletionSource = (laws: LawList) => fieldCompletionSource('proof', { dialect: () => 'plain', onInput: () => undefined, laws });

  it('offers the matching laws from the typed name on, with the statement as detail', async () => {
    const source = lawCompletionSource(createLawList(() => Promise.resolve(HAND)));
    // Before the list has arrived the source waits for it; then it answers at once.
    const first = (await source(at(doc))) as CompletionResult;
    expect(first.from).toBe(doc.length - 'hadamard_c'.length);
    expect(first.to).toBe(doc.length);
    expect(first.options.map((o) => [o.label, o.detail, o.apply])).toEqual([['hadamard_comm', 'A ⊙ B = B ⊙ A', 'hadamard_comm']]);
    const second = source(at(doc.replace('hadamard_c', 'schur_c'))) as CompletionResult;
    expect(second.options.map((o) => [o.label, o.info])).toEqual([['hadamard_comm', 'matched the alias schur_comm']]);
  });

  it('offers nothing outside a law name, nor when the list cannot be had', async () => {
    const source = lawCompletionSource(createLawList(() => Promise.resolve(undefined)));
    expect(source(at(doc, doc.indexOf('B ⊙ A')))).toBeNull();
    expect(await source(at(doc))).toBeNull();
  });
});
