import { readFileSync } from 'node:fs';
import nearley from 'nearley';
import { describe, expect, test } from 'vitest';
import { chainEnd } from './chain.ts';
import type { Chain } from './chain.ts';
import { DIALECTS } from './dialect.ts';
import { FULL_GRAMMAR, grammarFor } from './grammars.ts';
import { TokenStream } from './tokens.ts';
import { parseAll } from './parse.ts';
import { prepareTokens } from './token-pass.ts';

// `parseAll` parses with the grammar reduced to the input's token types; it must find exactly
// the parses (trees and spans included) of the full grammar.

function validInputs(dialect: string): string[] {
  const text = readFileSync(new URL(`../test/fixtures/valid/${dialect}.txt`, import.meta.url), 'utf8');
  return text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#') && !line.startsWith('=> '))
    .map((line) => line.replace(/⏎/g, '\n'));
}

describe.each(DIALECTS)('%s', (dialect) => {
  test('the reduced grammars find the same parses as the full grammar', () => {
    for (const input of validInputs(dialect)) {
      const { tokens } = prepareTokens(input, dialect);
      const full = new nearley.Parser(FULL_GRAMMAR, { lexer: new TokenStream(tokens) });
      full.feed(input);
      expect(parseAll(input, dialect).results, input).toEqual((full.results as Chain[]).map(chainEnd));
    }
  });
});

test('an input with every token type uses the full grammar', () => {
  const { tokens } = prepareTokens("X = -(A_{ij}^2)' + [1, 2; 3, 4]^(k) - A_{1,2}", 'plain');
  expect(new Set(tokens.map((t) => t.type))).toEqual(new Set(['relop', 'prefix', 'pow', 'top', 'lidx', 'rb', 'comma', 'semi', 'lp', 'rp', 'leaf', 'binop']));
  expect(grammarFor(tokens)).toBe(FULL_GRAMMAR);
  expect(grammarFor(prepareTokens('A ⊙ B', 'plain').tokens)).not.toBe(FULL_GRAMMAR);
});
