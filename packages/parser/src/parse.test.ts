import { OdotException, formatError, givensFrom, inferShape, printSexpr } from '@odot/core';
import { describe, expect, test } from 'vitest';
import { DIALECTS, MAX_NESTING, MAX_TOKENS, parse, parseDeclarations, parseExpr } from './index.ts';

describe('parse', () => {
  test('the seed example: A ⊙ B is 2×3, A B is a shape error naming 2×3 and 2×3', () => {
    const decls = parseDeclarations('A, B: 2×3');
    expect(decls.ok).toBe(true);
    if (!decls.ok) return;
    const givens = givensFrom(decls.value);
    const had = parse('A ⊙ B');
    expect(had.ok).toBe(true);
    if (!had.ok) return;
    expect(printSexpr(had.value.expr)).toBe('(hadamard A B)');
    expect(had.value.notes).toEqual([]);
    expect(inferShape(had.value.expr, givens)).toEqual({ ok: true, value: { kind: 'matrix', rows: 2, cols: 3 } });
    const product = inferShape(parseExpr('A B'), givens);
    expect(product.ok).toBe(false);
    if (!product.ok) {
      expect(product.error.code).toBe('shape-mismatch');
      expect(product.error.message.match(/2×3/g)?.length).toBe(2);
    }
  });

  test('defaults to the plain dialect and accepts every dialect by name', () => {
    expect(DIALECTS).toEqual(['plain', 'latex', 'numpy', 'matlab']);
    expect(parse('A * B').ok && parse('A * B', { dialect: 'plain' }).ok).toBe(true);
    const spelled = { plain: 'A ⊙ B', latex: 'A \\odot B', numpy: 'A * B', matlab: 'A .* B' } as const;
    for (const dialect of DIALECTS) {
      const r = parse(spelled[dialect], { dialect });
      expect(r.ok && printSexpr(r.value.expr)).toBe('(hadamard A B)');
    }
  });

  test('an unknown dialect is an error value, not an exception', () => {
    const r = parse('A', { dialect: 'fortran' as 'plain' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('unknown-dialect');
  });

  test('spans are 1-based line/column and 0-based offsets', () => {
    const r = parse('A ⊙\n  B');
    expect(r.ok).toBe(true);
    if (!r.ok || r.value.expr.type !== 'Hadamard') return;
    expect(r.value.expr.span).toEqual({ start: { line: 1, column: 1, offset: 0 }, end: { line: 2, column: 4, offset: 7 } });
    expect(r.value.expr.right.span).toEqual({ start: { line: 2, column: 3, offset: 6 }, end: { line: 2, column: 4, offset: 7 } });
  });

  test('a bracketed node spans its brackets', () => {
    const e = parseExpr('(A B) ⊙ C');
    expect(e.type === 'Hadamard' && e.left.span?.start.offset === 0 && e.left.span.end.offset === 5).toBe(true);
  });

  test('mixing ⊙ and the matrix product without brackets earns one note', () => {
    const r = parse('A B ⊙ C D ⊙ E');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.notes.map((n) => [n.code, n.severity])).toEqual([['mixed-products', 'note']]);
    expect(r.value.notes[0]?.hints?.[0]).toContain('(A B) ⊙ C');
    for (const ok of ['(A B) ⊙ C', 'A (B ⊙ C)', 'A ⊙ B ⊙ C', 'A B C', 'A ⊗ B ⊙ C']) {
      const clean = parse(ok);
      expect(clean.ok && clean.value.notes).toEqual([]);
    }
  });

  test('`*` in plain is the matrix product, with the note said once', () => {
    const r = parse('A*B*C');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(printSexpr(r.value.expr)).toBe('(matmul (matmul A B) C)');
    expect(r.value.notes.map((n) => n.message)).toEqual(['A*B in plain means the matrix product; use ⊙ or .* for Hadamard']);
  });

  test('`A o B` parses but warns that ⊙ was probably meant', () => {
    const r = parse('A o B');
    expect(r.ok && r.value.notes[0]?.code).toBe('o-for-odot');
    expect(r.ok && r.value.notes[0]?.hints?.[0]).toContain('⊙');
  });

  test('errors say what was expected, where, with a caret', () => {
    const r = parse('A ⊙ ');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toBe('expected an operand after `⊙`, found the end of the input');
    expect(r.error.expected).toEqual(['an operand']);
    expect(formatError(r.error, 'A ⊙ ')).toBe(
      ['error: expected an operand after `⊙`, found the end of the input', '  --> 1:5', '  |', '1 | A ⊙ ', '  |     ^', '  = expected an operand'].join('\n'),
    );
  });

  test('did-you-mean hints for unknown functions', () => {
    const r = parse('dag(v)');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('unknown-function');
    expect(r.error.hints?.[0]).toBe('did you mean `diag`?');
    const np = parse('np.tarce(A)', { dialect: 'numpy' });
    expect(!np.ok && np.error.hints?.[0]).toBe('did you mean `np.trace`?');
  });

  test('a failing plain parse with `*` or `o` repeats the hint', () => {
    const star = parse('A*');
    expect(!star.ok && star.error.hints).toContain('A*B in plain means the matrix product; use ⊙ or .* for Hadamard');
    const o = parse('A o');
    expect(o.ok).toBe(true);
    const bad = parse('A o ⊙');
    expect(!bad.ok && bad.error.hints?.some((h) => h.includes('⊙'))).toBe(true);
  });

  test('ragged matrix literals name the row', () => {
    const r = parse('[1 2;\n 3 4 5]');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('ragged-matrix');
    expect(r.error.message).toBe('row 2 of the matrix has 3 entries, but row 1 has 2');
    expect(r.error.span?.start).toEqual({ line: 2, column: 2, offset: 7 });
  });

  test('numbers inside matrix literals are numbers, a bare 0 is the zero matrix', () => {
    expect(printSexpr(parseExpr('[0 1; 1 0]'))).toBe('(matrix (0 1) (1 0))');
    const m = parseExpr('[0 1; 1 0]');
    expect(m.type === 'MatrixLiteral' && m.rows[0]?.[0]?.type).toBe('NumberLiteral');
    expect(parseExpr('0').type).toBe('Zero');
    expect(parseExpr('A + 0').type === 'Add').toBe(true);
  });

  test('parseExpr throws OdotException with the diagnostic', () => {
    expect(() => parseExpr('A ⊙')).toThrow(OdotException);
    try {
      parseExpr('(A');
    } catch (e) {
      expect(e instanceof OdotException && e.error.code).toBe('unbalanced');
    }
    expect(printSexpr(parseExpr('A \\odot B', 'latex'))).toBe('(hadamard A B)');
  });

  test('empty and blank input', () => {
    for (const text of ['', '   ', '\n\t']) {
      const r = parse(text);
      expect(!r.ok && r.error.code).toBe('empty-input');
    }
  });

  test(`nesting up to ${MAX_NESTING} parses, deeper is rejected with too-deep`, () => {
    const ok = parse(`${'('.repeat(MAX_NESTING)}A${')'.repeat(MAX_NESTING)}`);
    expect(ok.ok && printSexpr(ok.value.expr)).toBe('A');
    for (const text of [
      `${'('.repeat(MAX_NESTING + 1)}A${')'.repeat(MAX_NESTING + 1)}`,
      `${'('.repeat(100_000)}A${')'.repeat(100_000)}`,
      '('.repeat(100_000),
      `${'-'.repeat(100_000)}A`,
      `A${"'".repeat(100_000)}`,
      `A${'^2'.repeat(100_000)}`,
      `${'diag('.repeat(90_000)}v${')'.repeat(90_000)}`,
      `${'['.repeat(100_000)}1${']'.repeat(100_000)}`,
    ]) {
      const r = parse(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('too-deep');
    }
  });

  test('a 1 MB input is answered with a tree or a diagnostic, never an exception', () => {
    const big = Array.from({ length: 70_000 }, (_, i) => `A${i} ⊙ B${i}`).join(' + ');
    expect(big.length).toBeGreaterThan(1_000_000);
    const r = parse(big);
    expect(r.ok).toBe(true);
    const broken = `${big} +`;
    const e = parse(broken);
    expect(!e.ok && e.error.code).toBe('syntax');
    expect(!e.ok && e.error.span?.start.offset).toBe(broken.length);
    const garbage = parse('§'.repeat(1 << 20));
    expect(!garbage.ok && garbage.error.code).toBe('unexpected-character');
    // Dense input (one-character tokens) passes the token limit: a clear error, not a long wait.
    const dense = parse(`[${'1 '.repeat(1 << 19)}]`);
    expect(!dense.ok && [dense.error.code, dense.error.message]).toEqual(['too-long', `the input has more than ${MAX_TOKENS} tokens`]);
    const deep = parse(`${'('.repeat(1 << 19)}A${')'.repeat(1 << 19)}`);
    expect(!deep.ok && deep.error.code).toBe('too-long');
  }, 120_000); // several 1 MB parses: generous on a loaded 2-core CI machine (correctness, not speed)

  test('a long chain is parsed left to right', () => {
    const e = parseExpr(Array.from({ length: 5000 }, (_, i) => `A${i}`).join(' - '));
    let depth = 0;
    let node = e;
    while (node.type === 'Sub') {
      expect(node.right.type).toBe('Identifier');
      node = node.left;
      depth++;
    }
    expect(depth).toBe(4999);
  });
});

describe('numbers in scientific notation', () => {
  test('`1e-3` is one number in plain, NumPy and MATLAB (not 1·e − 3)', () => {
    for (const dialect of ['plain', 'numpy', 'matlab'] as const) {
      const parsed = parse('[[1e-3, 2.5E2, 3e+1]]', { dialect });
      expect(parsed.ok, dialect).toBe(true);
      if (!parsed.ok) continue;
      expect(printSexpr(parsed.value.expr), dialect).toBe('(matrix (1e-3 2.5E2 3e+1))');
    }
    const scalar = parse('2 ⊙ 1e-3');
    expect(scalar.ok && scalar.value.expr.type === 'Hadamard' && scalar.value.expr.right.type === 'NumberLiteral' && scalar.value.expr.right.kind).toBe('decimal');
    // A name after a number is still a product: `2e` is 2·e, `2e - 3` a difference.
    const product = parse('2e - 3');
    expect(product.ok && printSexpr(product.value.expr)).toBe('(sub (smul 2 e) 3)');
  });
});

describe('operator functions', () => {
  test('np.multiply is read as ⊙; NumPy functions odot writes as operators get a hint', () => {
    const numpy = parse('np.multiply(A, B)', { dialect: 'numpy' });
    expect(numpy.ok && numpy.value.expr.type).toBe('Hadamard');
    const add = parse('np.add(A, B)', { dialect: 'numpy' });
    expect(add.ok).toBe(false);
    if (!add.ok) expect(formatError(add.error, 'np.add(A, B)')).toContain('odot writes `np.add` as an operator: `A + B`');
  });
});
