import nearley from 'nearley';
import { describe, expect, it } from 'vitest';
import { columnSizes, earleyColumnSizes, retainedStates } from './earley-stats.ts';
import { cons, list, row } from './build.ts';
import { parseExpr } from './parse.ts';
import { tokenize } from './token-stream.ts';

// Parsing stays linear in the input, checked by counting the Earley parser's states rather than by
// timing it (README, "Performance"): the states per column stay bounded, and a finished parse keeps
// a bounded number of states alive whatever the input's length.

/** `term(1) join term(2) join … term(n)`. */
function chain(n: number, term: (i: number) => string, join = ' + '): string {
  return Array.from({ length: n }, (_, i) => term(i + 1)).join(join);
}

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

const WORKLOADS: readonly (readonly [string, (i: number) => string, string])[] = [
  ['A1 .* B1 + …', (i) => `A${i} .* B${i}`, ' + '],
  ["(A1 - B1)' .* C1^2 + …", (i) => `(A${i} - B${i})' .* C${i}^2`, ' + '],
  ['A1 B1 ⊗ C1 - …', (i) => `A${i} B${i} ⊗ C${i}`, ' - '],
  ['tr(A1) + …', (i) => `tr(A${i}ᵀ)`, ' + '],
];

describe('Earley states per column', () => {
  for (const [name, term, join] of WORKLOADS) {
    it(`stay bounded from 1 000 to 10 000 terms: ${name}`, () => {
      const small = earleyColumnSizes(chain(1000, term, join));
      const large = earleyColumnSizes(chain(10_000, term, join));
      expect(large.length).toBeGreaterThan(9 * small.length);
      expect(Math.max(...large)).toBe(Math.max(...small));
      expect(Math.max(...large)).toBeLessThanOrEqual(20);
      expect(Math.abs(mean(large) - mean(small))).toBeLessThan(0.05);
    });
  }

  it('stay bounded on nested brackets and matrix literals in every dialect', () => {
    const inputs = [
      ['plain', (n: number) => `${'('.repeat(n)}A${')'.repeat(n)}`],
      ['plain', (n: number) => `[${chain(n, (i) => String(i), ' ')}]`],
      ['latex', (n: number) => chain(n, (i) => `A_{${i}}^\\top`, ' \\odot ')],
      ['numpy', (n: number) => chain(n, (i) => `A${i}.T @ B${i}[0, 1]`, ' + ')],
      ['matlab', (n: number) => chain(n, (i) => `2 * A${i}(1, 2)'`, ' - ')],
    ] as const;
    for (const [dialect, text] of inputs) {
      const small = earleyColumnSizes(text(100), dialect);
      const large = earleyColumnSizes(text(1000), dialect);
      expect(Math.max(...large), `${dialect}: ${text(2)}`).toBe(Math.max(...small));
    }
  });

  it('grow with the input for a right-recursive rule (what the bound above catches)', () => {
    // `S -> %leaf | %leaf %addop S`: plain Earley (nearley has no Leo items) completes every
    // pending `S` at each end of a term, so the columns grow with the input and the parse is quadratic.
    const rules: nearley.CompiledRules = {
      Lexer: undefined,
      ParserStart: 'S',
      ParserRules: [
        { name: 'S', symbols: [{ type: 'leaf' }] },
        { name: 'S', symbols: [{ type: 'leaf' }, { type: 'addop' }, 'S'] },
      ],
    };
    const rightRecursive = nearley.Grammar.fromCompiled(rules);
    const sizes = (n: number): number[] => columnSizes(rightRecursive, tokenize(chain(n, (i) => `A${i}`), 'plain').tokens);
    expect(Math.max(...sizes(1000))).toBeGreaterThan(5 * Math.max(...sizes(100)));
  });
});

describe('states a finished parse keeps alive', () => {
  for (const [name, term, join] of WORKLOADS) {
    it(`do not grow with the input: ${name}`, () => {
      const small = retainedStates(chain(100, term, join));
      expect(retainedStates(chain(10_000, term, join))).toBe(small);
      expect(small).toBeLessThan(80);
      expect(small).toBeGreaterThan(5);
    });
  }

  it('are what the parse tree needs: the tree is the same with the states released', () => {
    const text = chain(50, (i) => `(A${i} - B${i})' .* C${i}^2`);
    const tree = parseExpr(text);
    expect(tree.type).toBe('Add');
    // Fifty terms, joined left to right: the left spine is 49 `Add` nodes deep.
    let depth = 0;
    for (let e = tree; e.type === 'Add'; e = e.left) depth++;
    expect(depth).toBe(49);
  });
});

describe('builders the grammar calls on every partial parse', () => {
  it('make a matrix row in O(1): the entries list is kept, not copied (`[1 2 … n]` stays linear)', () => {
    const entries = cons(cons(list(parseExpr('1')), parseExpr('2')), parseExpr('3'));
    expect(row(entries).entries).toBe(entries);
    const m = parseExpr(`[${chain(2000, String, ' ')}]`);
    expect(m.type === 'MatrixLiteral' && m.rows[0]?.length).toBe(2000);
  });
});
