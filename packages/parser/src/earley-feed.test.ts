import nearley from 'nearley';
import { describe, expect, it } from 'vitest';
import { feedAll } from './earley-feed.ts';
import { adjustEarleyStates } from './earley-states.ts';
import { grammarOf } from './grammars.ts';
import { tokenize } from './token-stream.ts';
import { TokenStream } from './tokens.ts';

interface Internals {
  readonly table: readonly unknown[];
  readonly current: number;
}

/** A parser over the tokens of `text` (plain), fed by nearley's own `feed` or by `feedAll`. */
function fed(text: string, how: 'nearley' | 'feedAll'): { parser: nearley.Parser; error: unknown } {
  const grammar = grammarOf('plain');
  adjustEarleyStates(grammar);
  const parser = new nearley.Parser(grammar, { lexer: new TokenStream(tokenize(text, 'plain').tokens) });
  let error: unknown;
  try {
    if (how === 'nearley') parser.feed('');
    else feedAll(parser);
  } catch (e) {
    error = e;
  }
  return { parser, error };
}

describe('feedAll (nearley’s feed with a plain table)', () => {
  const valid = ['A ⊙ B', "(A1 - B1)' .* C1^2 + A2 .* B2", '[1 2; 3 4] ⊙ diag(v)ᵀ', '2A B + -C ⪰ 0', 'A[1, 2] + Σ_k(A_{kk})'];
  it.each(valid)('gives nearley’s results: %s', (text) => {
    const ours = fed(text, 'feedAll');
    const theirs = fed(text, 'nearley');
    expect(ours.error).toBeUndefined();
    expect(ours.parser.results).toEqual(theirs.parser.results);
    expect(ours.parser.results).toHaveLength(1);
  });

  it('releases every column but the last two (as nearley does), keeping the table a plain array with one slot per token', () => {
    const text = Array.from({ length: 50 }, (_, i) => `A${i} .* B${i}`).join(' + ');
    const { parser } = fed(text, 'feedAll');
    const { table, current } = parser as unknown as Internals;
    expect(current).toBe(tokenize(text, 'plain').tokens.length);
    expect(table).toHaveLength(current + 1);
    expect(table.slice(0, -2).every((c) => c === undefined)).toBe(true);
    expect(Object.keys(table)).toHaveLength(current + 1); // no holes: the slots are set to undefined, not deleted
    expect(table[current]).toBeDefined();
  });

  it.each(['A ⊙ ⊙ B', '(A + ) B', 'A = B = C'])('fails where nearley fails, on the same token, staying on the last good column: %s', (text) => {
    const ours = fed(text, 'feedAll');
    const theirs = fed(text, 'nearley');
    expect(ours.error).toBeInstanceOf(Error);
    expect(theirs.error).toBeInstanceOf(Error);
    const [o, t] = [ours.error, theirs.error] as { offset: number; token: unknown }[];
    expect(o?.offset).toBe(t?.offset);
    expect(o?.token).toEqual(t?.token);
    expect((ours.parser as unknown as Internals).current).toBe((theirs.parser as unknown as Internals).current);
    expect(ours.parser.save()).toBeDefined();
  });
});

describe('adjusted Earley states', () => {
  it('have one shape (the same fields in the same order) and an array of data only when complete', () => {
    const grammar = grammarOf('plain');
    expect(adjustEarleyStates(grammar)).toBe(true);
    const parser = new nearley.Parser(grammar, { lexer: new TokenStream(tokenize("(A1 - B1)' .* C1^2 + 2A[1, 2] ⊙ diag(v)", 'plain').tokens), keepHistory: true });
    parser.feed(''); // nearley's feed keeps every column with keepHistory (feedAll never does)
    const states = (parser as unknown as { table: readonly { states: readonly Record<string, unknown>[] }[] }).table.flatMap((c) => c.states);
    expect(states.length).toBeGreaterThan(100);
    const shapes = new Set(states.map((s) => Object.keys(s).join(',')));
    expect([...shapes]).toEqual(['rule,dot,reference,data,wantedBy,isComplete,left,right']);
    for (const s of states) {
      if (s['isComplete'] === true) expect(s['left']).toBeUndefined();
      else expect(s['data']).toBeUndefined();
    }
  });
});
