import { expect, test } from 'vitest';
import { DIALECTS } from './dialect.ts';
import { grammarOf } from './grammars.ts';
import { TOKEN_TYPES } from './tokens.ts';

// The token types of tokens.ts and the grammar files stay in step: every type is read by some
// dialect's grammar, and no grammar names a type the token stream never produces.

function typesOf(dialect: (typeof DIALECTS)[number]): Set<string> {
  const out = new Set<string>();
  for (const rule of grammarOf(dialect).rules) {
    for (const s of rule.symbols as unknown[]) {
      if (typeof s === 'object' && s !== null && 'type' in s && typeof s.type === 'string') out.add(s.type);
    }
  }
  return out;
}

test('every token type is read by a grammar, and every grammar reads only token types', () => {
  const used = new Set(DIALECTS.flatMap((d) => [...typesOf(d)]));
  expect([...used].sort()).toEqual([...TOKEN_TYPES].sort());
});

test('plain and LaTeX share one grammar; numpy and MATLAB add their own rules to it', () => {
  expect(grammarOf('latex')).toBe(grammarOf('plain'));
  const indexes = (d: (typeof DIALECTS)[number]): boolean =>
    grammarOf(d).rules.some((r) => r.name === 'PostOp' && (r.symbols[0] as { type?: string }).type === 'lb');
  expect([indexes('plain'), indexes('numpy'), indexes('matlab')]).toEqual([false, true, false]);
  expect(grammarOf('numpy').start).toBe('Statement');
  expect(grammarOf('matlab').start).toBe('Statement');
});
