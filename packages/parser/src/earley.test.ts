import { readFileSync } from 'node:fs';
import nearley from 'nearley';
import { OdotException } from '@odot/core';
import { describe, expect, it } from 'vitest';
import type { Dialect } from './dialect.ts';
import { EarleyRun, NoParse } from './earley.ts';
import { compileEarley } from './earley-grammar.ts';
import { grammarOf } from './grammars.ts';
import { tokenize } from './token-stream.ts';
import { expectedTypes } from './expected.ts';
import { TOKEN_TYPES, Tok, TokenStream } from './tokens.ts';
import type { TokenType } from './tokens.ts';

// The parser's Earley loop (earley.ts) against nearley's own `feed` on the same grammar and
// tokens: the same results in the same order, the same postprocessor calls in the same order (with
// the same children and origins), failure on the same token, and the same expected tokens there.

/** A copy of `grammar` whose postprocessors also log each call (rule number, origin, children) into `log`. */
function traced(grammar: nearley.Grammar, log: unknown[]): nearley.Grammar {
  const ParserRules = grammar.rules.map((rule, n) => ({
    name: rule.name,
    symbols: rule.symbols,
    postprocess: (data: unknown[], reference?: number, reject?: object): unknown => {
      log.push([n, reference, data.length, ...data]);
      const postprocess = rule.postprocess as ((d: unknown[], reference?: number, reject?: object) => unknown) | undefined;
      return postprocess === undefined ? data : postprocess(data, reference, reject);
    },
  }));
  return nearley.Grammar.fromCompiled({ ParserRules, ParserStart: grammar.start });
}

interface Outcome {
  readonly results?: unknown[];
  /** Where no state took a token. */
  readonly offset?: number;
  /** The token types expected where no state took a token, or at the end when there is no parse. */
  readonly expected?: readonly TokenType[];
  /** What a postprocessor threw (a builder's error). */
  readonly thrown?: unknown;
  readonly log: unknown[];
}

/**
 * The token types nearley's parser takes next, by its public API only (the parser's previous way
 * to find them): `save()` gives the parser's last good column; for each token type, `restore` it
 * and `feed` one token of the type; a builder's error means the grammar took the token.
 */
function nearleyExpected(parser: nearley.Parser, stream: TokenStream): TokenType[] {
  const column = parser.save();
  return TOKEN_TYPES.filter((type) => {
    parser.restore(column);
    stream.load([new Tok(type, type === 'leaf' ? 'num' : type, type === 'leaf' ? '0' : type, '', 0, 1, 1, false)]);
    try {
      parser.feed('');
      return true;
    } catch (error) {
      return error instanceof OdotException;
    }
  });
}

/** The outcome of nearley's `feed` on `tokens`. */
function byNearley(grammar: nearley.Grammar, tokens: readonly unknown[], typed = true): Outcome {
  const log: unknown[] = [];
  const stream = new TokenStream(tokens as Tok[]);
  const parser = new nearley.Parser(traced(grammar, log), { lexer: stream });
  try {
    parser.feed('');
    if (parser.results.length > 0 || !typed) return { results: parser.results, log };
    return { results: parser.results, log: [...log], expected: nearleyExpected(parser, stream) }; // the probes log calls too
  } catch (error) {
    const offset = (error as { offset?: number }).offset;
    if (offset === undefined) return { thrown: error, log };
    return typed ? { offset, log: [...log], expected: nearleyExpected(parser, stream) } : { offset, log };
  }
}

/**
 * The outcome of the Earley loop on `tokens` (lending its postprocessors their data arrays, as the
 * parser does, when `lend`; with the expected token types, of `expected.ts`, when the tokens are
 * the grammar's `typed` ones).
 */
function byLoop(grammar: nearley.Grammar, tokens: readonly unknown[], lend = false, typed = true): Outcome {
  const log: unknown[] = [];
  const run = new EarleyRun(compileEarley(traced(grammar, log), { postprocessorsKeepNoData: lend }));
  const expected = (): TokenType[] => [...expectedTypes(run)];
  try {
    const results = run.feed(new TokenStream(tokens as Tok[])).results();
    return results.length > 0 || !typed ? { results, log } : { results, expected: expected(), log };
  } catch (error) {
    if (!(error instanceof NoParse)) return { thrown: error, log };
    return typed ? { offset: error.offset, expected: expected(), log } : { offset: error.offset, log };
  }
}

/** The inputs of a fixture file (valid or invalid) that tokenize. */
function fixtureTokens(kind: 'valid' | 'invalid', dialect: Dialect): { input: string; tokens: readonly Tok[] }[] {
  const lines = readFileSync(new URL(`../test/fixtures/${kind}/${dialect}.txt`, import.meta.url), 'utf8').split('\n');
  const inputs = lines.filter((l) => l !== '' && !l.startsWith('#') && !l.startsWith('=> ') && !l.startsWith('!! ')).map((l) => l.replace(/⏎/g, '\n'));
  return inputs.flatMap((input) => {
    try {
      return [{ input, tokens: tokenize(input, dialect).tokens }];
    } catch (error) {
      if (!(error instanceof OdotException)) throw error;
      return []; // a lexical or token error: the grammar never sees these inputs
    }
  });
}

const DIALECTS: readonly Dialect[] = ['plain', 'latex', 'numpy', 'matlab'];

/** Syntax errors and early ends beyond the fixtures' (plain). */
const MORE = ['A ⊙ ⊙ B', '(A + ) B', 'A = B = C', 'A +', 'A ⊙', 'diag(A, )', 'A^', '[1, 2; ]', "(A1 - B1)' .* C1^2 + A2 .* B2", 'A[1, 2] + Σ_k(A_{kk})'];

/** Compares the loop with nearley on every input of `dialect` (fixtures, and `MORE` for plain); answers how many outcomes of each kind. */
function compareOn(dialect: Dialect): Record<'results' | 'offset' | 'expected' | 'thrown', number> {
  const seen = { results: 0, offset: 0, expected: 0, thrown: 0 };
  const grammar = grammarOf(dialect);
  const more = dialect === 'plain' ? MORE.map((input) => ({ input, tokens: tokenize(input, dialect).tokens })) : [];
  for (const { input, tokens } of [...fixtureTokens('valid', dialect), ...fixtureTokens('invalid', dialect), ...more]) {
    const ours = byLoop(grammar, tokens, true);
    expect(ours, `${dialect}: ${input}`).toEqual(byNearley(grammar, tokens));
    for (const key of ['results', 'offset', 'expected', 'thrown'] as const) if (ours[key] !== undefined) seen[key]++;
  }
  return seen;
}

describe('the Earley loop against nearley’s feed', () => {
  it.each(DIALECTS)('gives the same results, postprocessor calls, failing token and expected tokens on every %s fixture', (dialect) => {
    const seen = compareOn(dialect);
    expect(seen.results).toBeGreaterThan(30);
    // Every failing input of the grammar has its expected tokens (LaTeX's invalid fixtures all fail in the lexer).
    expect(seen.expected).toBeGreaterThanOrEqual(seen.offset);
  });

  it('covers parses, syntax errors, early ends and builder errors (`[1 2; 3]`) among those inputs', () => {
    const seen = DIALECTS.map(compareOn);
    const total = (key: keyof (typeof seen)[number]): number => seen.reduce((n, s) => n + s[key], 0);
    expect(total('results')).toBeGreaterThan(200);
    expect(total('offset')).toBeGreaterThan(10);
    expect(total('expected')).toBeGreaterThan(total('offset'));
    expect(total('thrown')).toBeGreaterThan(2);
  });

  it('gives the same results in the same order on an ambiguous grammar', () => {
    const grammar = nearley.Grammar.fromCompiled({
      ParserRules: [
        { name: 'E', symbols: ['E', { type: 'op' }, 'E'], postprocess: (d: unknown[]) => `(${String(d[0])}${(d[1] as Tok).value}${String(d[2])})` },
        { name: 'E', symbols: [{ type: 'leaf' }], postprocess: (d: unknown[]) => (d[0] as Tok).value },
        { name: 'E', symbols: [{ literal: '[' }, 'E', { test: (t: Tok) => t.value === ']' }] },
      ],
      ParserStart: 'E',
    });
    const tokens = tokenize('a + b * c - [d] + e', 'plain').tokens.map((t) => ({ text: t.text, value: t.value, type: t.type === 'leaf' ? 'leaf' : t.value === '[' || t.value === ']' ? 'br' : 'op' }));
    const ours = byLoop(grammar, tokens, false, false);
    const theirs = byNearley(grammar, tokens, false);
    expect(ours.results).toHaveLength(14); // the Catalan number C4: every bracketing of five operands
    expect(ours).toEqual(theirs);
    expect(byLoop(grammar, tokens.slice(0, 2), false, false)).toEqual(byNearley(grammar, tokens.slice(0, 2), false)); // `a +`: no parse, no error
    expect(byLoop(grammar, tokens.slice(0, 2), false, false).results).toEqual([]);
  });

  it('drops a state whose postprocessor rejects it, as nearley does (the reject argument)', () => {
    // `E -> E op E` rejects a right operand that is itself an `E op E`: only the left-nested parse is left.
    const grammar = nearley.Grammar.fromCompiled({
      ParserRules: [
        { name: 'E', symbols: ['E', { type: 'op' }, 'E'], postprocess: (d: unknown[], _ref?: number, reject?: object) => (typeof d[2] === 'string' && d[2].length > 1 ? reject : `(${String(d[0])}${String(d[2])})`) },
        { name: 'E', symbols: [{ type: 'leaf' }], postprocess: (d: unknown[]) => (d[0] as { value: string }).value },
      ],
      ParserStart: 'E',
    });
    const tokens = ['a', '+', 'b', '+', 'c', '+', 'd'].map((v) => ({ type: v === '+' ? 'op' : 'leaf', value: v, text: v }));
    const ours = byLoop(grammar, tokens, false, false);
    expect(ours.results).toEqual(['(((ab)c)d)']);
    expect(ours).toEqual(byNearley(grammar, tokens, false));
  });

  it('gives a rule without a postprocessor its own data array, also when it lends the others theirs', () => {
    const grammar = nearley.Grammar.fromCompiled({
      ParserRules: [
        { name: 'S', symbols: ['P', { type: 'op' }, 'P'], postprocess: (d: unknown[]) => [d[0], d[2]] },
        { name: 'P', symbols: [{ type: 'leaf' }, { type: 'leaf' }] },
      ],
      ParserStart: 'S',
    });
    const tokens = ['a', 'b', '+', 'c', 'd'].map((v) => ({ type: v === '+' ? 'op' : 'leaf', value: v, text: v }));
    const results = new EarleyRun(compileEarley(grammar, { postprocessorsKeepNoData: true })).feed(new TokenStream(tokens as unknown as Tok[])).results();
    expect(results).toEqual([[[tokens[0], tokens[1]], [tokens[3], tokens[4]]]]);
  });

  it('expects what may follow a complete input at its end', () => {
    const run = new EarleyRun(compileEarley(grammarOf('plain'))).feed(new TokenStream(tokenize('A ⊙ B', 'plain').tokens));
    expect(run.results()).toHaveLength(1);
    expect([...expectedTypes(run)].sort()).toEqual(['addop', 'lidx', 'mulop', 'post', 'pow', 'rel']);
  });

  it('may lend the dialect grammars’ postprocessors their data arrays: each reads elements of it only (`id`, `(d) => f(d[0], d[2])`)', () => {
    const sources = DIALECTS.flatMap((dialect) => grammarOf(dialect).rules.map((rule) => String(rule.postprocess)));
    expect(sources.length).toBeGreaterThan(90);
    for (const source of sources) {
      const body = /^(?:function id\(d\)\s*\{\s*return (.*);\s*\}|\(d\) => (.*))$/s.exec(source);
      expect(body, source).not.toBeNull();
      expect((body?.[1] ?? body?.[2] ?? '').replace(/\bd\[\d+\]/g, ''), source).not.toMatch(/\bd\b/);
    }
  });

  it('refuses a grammar with an empty rule (it leaves out nearley’s nullable handling)', () => {
    const grammar = nearley.Grammar.fromCompiled({ ParserRules: [{ name: 'E', symbols: [] }], ParserStart: 'E' });
    expect(() => compileEarley(grammar)).toThrow(/empty rules/);
  });

  it('reports the token no state takes and its index', () => {
    const tokens = tokenize('A ⊙ ⊙ B', 'plain').tokens;
    const run = new EarleyRun(compileEarley(grammarOf('plain')));
    let error: unknown;
    try {
      run.feed(new TokenStream(tokens));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(NoParse);
    expect((error as NoParse).offset).toBe(2);
    expect((error as NoParse).token).toBe(tokens[2]);
    // Left on the column after `A ⊙`, which takes an operand, not another `⊙`.
    expect([...expectedTypes(run)].sort()).toEqual(['coef', 'fn', 'lb', 'leaf', 'lp', 'lrows', 'neg']);
  });
});
