import { readFileSync } from 'node:fs';
import nearley from 'nearley';
import { OdotException } from '@odot/core';
import { describe, expect, it } from 'vitest';
import type { Dialect } from './dialect.ts';
import { NoParse, runEarley } from './earley.ts';
import { compileEarley } from './earley-grammar.ts';
import { adjustEarleyStates } from './earley-states.ts';
import { grammarOf } from './grammars.ts';
import { tokenize } from './token-stream.ts';
import { TokenStream } from './tokens.ts';
import type { Tok } from './tokens.ts';

// The parser's Earley loop (earley.ts) against nearley's own `feed` on the same grammar and
// tokens: the same results in the same order, the same postprocessor calls in the same order (with
// the same children and origins), and failure on the same token.

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
  /** What a postprocessor threw (a builder's error). */
  readonly thrown?: unknown;
  readonly log: unknown[];
}

/** The outcome of nearley's `feed` on `tokens`. */
function byNearley(grammar: nearley.Grammar, tokens: readonly unknown[]): Outcome {
  const log: unknown[] = [];
  const parser = new nearley.Parser(traced(grammar, log), { lexer: new TokenStream(tokens as Tok[]) });
  try {
    parser.feed('');
    return { results: parser.results, log };
  } catch (error) {
    const offset = (error as { offset?: number }).offset;
    return offset === undefined ? { thrown: error, log } : { offset, log };
  }
}

/** The outcome of the Earley loop on `tokens` (lending its postprocessors their data arrays, as the parser does, when `lend`). */
function byLoop(grammar: nearley.Grammar, tokens: readonly unknown[], lend = false): Outcome {
  const log: unknown[] = [];
  try {
    const compiled = compileEarley(traced(grammar, log), { postprocessorsKeepNoData: lend });
    return { results: runEarley(compiled, new TokenStream(tokens as Tok[])), log };
  } catch (error) {
    return error instanceof NoParse ? { offset: error.offset, log } : { thrown: error, log };
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

describe('the Earley loop against nearley’s feed', () => {
  adjustEarleyStates(grammarOf('plain'));

  it('gives the same results and postprocessor calls on every fixture of every dialect, and fails on the same token', () => {
    const seen = { results: 0, offset: 0, thrown: 0 };
    for (const dialect of DIALECTS) {
      const grammar = grammarOf(dialect);
      const more = dialect === 'plain' ? MORE.map((input) => ({ input, tokens: tokenize(input, dialect).tokens })) : [];
      for (const { input, tokens } of [...fixtureTokens('valid', dialect), ...fixtureTokens('invalid', dialect), ...more]) {
        const ours = byLoop(grammar, tokens, true);
        expect(ours, `${dialect}: ${input}`).toEqual(byNearley(grammar, tokens));
        for (const key of ['results', 'offset', 'thrown'] as const) if (ours[key] !== undefined) seen[key]++;
      }
    }
    // Parses, syntax errors and builder errors (`[1 2; 3]`) are all among them.
    expect(seen.results).toBeGreaterThan(200);
    expect(seen.offset).toBeGreaterThan(10);
    expect(seen.thrown).toBeGreaterThan(2);
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
    const ours = byLoop(grammar, tokens);
    const theirs = byNearley(grammar, tokens);
    expect(ours.results).toHaveLength(14); // the Catalan number C4: every bracketing of five operands
    expect(ours).toEqual(theirs);
    expect(byLoop(grammar, tokens.slice(0, 2))).toEqual(byNearley(grammar, tokens.slice(0, 2))); // `a +`: no parse, no error
    expect(byLoop(grammar, tokens.slice(0, 2)).results).toEqual([]);
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
    let error: unknown;
    try {
      runEarley(compileEarley(grammarOf('plain')), new TokenStream(tokens));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(NoParse);
    expect((error as NoParse).offset).toBe(2);
    expect((error as NoParse).token).toBe(tokens[2]);
  });
});

describe('adjusted Earley states', () => {
  it('have one shape (the same fields in the same order) and an array of data only when complete', () => {
    const grammar = grammarOf('plain');
    expect(adjustEarleyStates(grammar)).toBe(true);
    const parser = new nearley.Parser(grammar, { lexer: new TokenStream(tokenize("(A1 - B1)' .* C1^2 + 2A[1, 2] ⊙ diag(v)", 'plain').tokens), keepHistory: true });
    parser.feed(''); // nearley's feed keeps every column with keepHistory
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
