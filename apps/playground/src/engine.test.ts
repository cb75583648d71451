import { fc, test } from '@fast-check/vitest';
import { parseExpr } from '@odot/parser';
import { evaluate, exactMatrix, valuesEqual, type Value } from '@odot/numeric';
import { describe, expect, it } from 'vitest';
import { runTask } from './engine.ts';
import { readBindings } from './engine-read.ts';
import type { Task, TaskResult, ViewOf } from './protocol.ts';
import { SEED_STATE } from './state.ts';
import { literalCells } from './view-models.ts';

/** Runs a task and returns its view, failing the test with the diagnostics if there is none. */
function view<K extends Task['kind']>(task: Extract<Task, { kind: K }>): ViewOf[K] {
  const result = runTask(task) as Extract<TaskResult, { kind: K }>;
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.formatted).join('\n'));
  return result.view as ViewOf[K];
}

function diagnostics(task: Task): string {
  const result = runTask(task);
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.diagnostics.map((d) => d.formatted).join('\n');
}

const src = (expr: string, givens = '', dialect: 'plain' | 'latex' | 'numpy' | 'matlab' = 'plain') => ({ expr, givens, dialect });

describe('analyze', () => {
  it('renders, types and draws the seed expression', () => {
    const v = view({ kind: 'analyze', ...src('A ⊙ B', 'A, B: 2×3') });
    expect(v.shape).toBe('2×3');
    expect(v.plain).toBe('A ⊙ B');
    expect(v.latex).toContain('\\odot');
    expect(v.tree).toEqual({ label: 'Hadamard', children: [{ label: 'Identifier A', children: [] }, { label: 'Identifier B', children: [] }] });
    expect(v.symbols).toEqual(['A', 'B']);
    expect(v.sized).toEqual([
      { name: 'A', scalar: false, rows: 2, cols: 3 },
      { name: 'B', scalar: false, rows: 2, cols: 3 },
    ]);
  });

  it('sizes symbols from context where the givens leave them open, and skips symbolic ones', () => {
    expect(view({ kind: 'analyze', ...src('A ⊙ B + c C', 'A: 2×2; c: scalar') }).sized).toEqual([
      { name: 'A', scalar: false, rows: 2, cols: 2 },
      { name: 'B', scalar: false, rows: 2, cols: 2 },
      { name: 'c', scalar: true, rows: 1, cols: 1 },
      { name: 'C', scalar: false, rows: 2, cols: 2 },
    ]);
    expect(view({ kind: 'analyze', ...src('A ⊙ B', 'A, B: m×n') }).sized).toEqual([]);
  });

  it('reads every dialect to the same plain form', () => {
    const forms = [src('A ⊙ Bᵀ'), src('A \\odot B^\\top', '', 'latex'), src('A * B.T', '', 'numpy'), src("A .* B'", '', 'matlab')].map((s) => view({ kind: 'analyze', ...s }).plain);
    expect(new Set(forms)).toEqual(new Set(['A ⊙ Bᵀ']));
  });

  it('reports a parse error with line, column and caret', () => {
    const text = diagnostics({ kind: 'analyze', ...src('A ⊙ ⊙ B') });
    expect(text).toMatch(/^error: /);
    expect(text).toContain('--> 1:5');
    expect(text).toContain('1 | A ⊙ ⊙ B');
    expect(text).toMatch(/\n\s+\| {5}\^/);
  });

  it('reports the seed shape error A B naming both shapes', () => {
    const v = view({ kind: 'analyze', ...src('A B', 'A, B: 2×3') });
    expect(v.shape).toBeUndefined();
    expect(v.shapeError?.formatted).toMatch(/2×3.*2×3/);
  });

  it('reports bad givens as givens errors', () => {
    expect(diagnostics({ kind: 'analyze', ...src('A', 'A: 2×') })).toContain('givens');
  });

  it('keeps hostile text as plain text in diagnostics', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    expect(diagnostics({ kind: 'analyze', ...src(hostile) })).toContain(hostile);
  });

  test.prop([fc.string({ maxLength: 30 }), fc.constantFrom('plain', 'latex', 'numpy', 'matlab' as const)])('never throws, whatever the input', (text, dialect) => {
    const result = runTask({ kind: 'analyze', expr: text, dialect, givens: '' });
    expect(['analyze']).toContain(result.kind);
  });

  test.prop([fc.string({ maxLength: 20 }), fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 })], { numRuns: 40 })(
    'no task throws on arbitrary expressions, givens and values',
    (text, givens, bindings) => {
      const base = { expr: text, dialect: 'plain' as const, givens };
      const tasks: Task[] = [
        { kind: 'evaluate', ...base, bindings, mode: 'exact' },
        { kind: 'psd', ...base, bindings },
        { kind: 'simplify', ...base },
        { kind: 'equiv', ...base, other: text },
        { kind: 'proof', proof: `${givens}\n${text}` },
      ];
      for (const task of tasks) expect(runTask(task).kind).toBe(task.kind);
    },
  );
});

/** The Hadamard product computed by hand from literal cells (an independent route). */
function handHadamard(a: string, b: string): string {
  const x = literalCells(a)!;
  const y = literalCells(b)!;
  return `[${x.map((row, i) => `[${row.map((cell, j) => Number(cell) * Number(y[i]![j])).join(',')}]`).join(',')}]`;
}

describe('evaluate', () => {
  it('evaluates the seed example exactly to [[7,16,27],[40,55,72]]', () => {
    const v = view({ kind: 'evaluate', ...src(SEED_STATE.expr, SEED_STATE.givens), bindings: SEED_STATE.bindings, mode: 'exact' });
    expect(v.text).toBe('[[7,16,27],[40,55,72]]');
    expect(v.text).toBe(handHadamard('[[1,2,3],[4,5,6]]', '[[7,8,9],[10,11,12]]'));
    expect(v.shape).toBe('2×3');
    expect(v.latex).toBe('\\begin{pmatrix}7 & 16 & 27 \\\\ 40 & 55 & 72\\end{pmatrix}');
    expect(v.inputs.map((m) => m.name)).toEqual(['A', 'B']);
  });

  it('keeps fractions exact and prints floats in float mode', () => {
    const exact = view({ kind: 'evaluate', ...src('A ⊙ A'), bindings: 'A = [[1/2, 2]]', mode: 'exact' });
    expect(exact.text).toBe('[[1/4,4]]');
    expect(exact.latex).toContain('\\tfrac{1}{4}');
    const float = view({ kind: 'evaluate', ...src('A ⊙ A'), bindings: 'A = [[1/2, 2]]', mode: 'float' });
    expect(float.text).toBe('[[0.25,4]]');
  });

  it('evaluates scalars', () => {
    expect(view({ kind: 'evaluate', ...src('tr(A)'), bindings: 'A = [[1,2],[3,4]]', mode: 'exact' }).text).toBe('5');
  });

  it('asks for missing values and reports bad ones', () => {
    expect(diagnostics({ kind: 'evaluate', ...src('A ⊙ B'), bindings: 'A = [[1]]', mode: 'exact' })).toContain('give a value for B');
    expect(diagnostics({ kind: 'evaluate', ...src('A'), bindings: 'A = [[1,2],[3]]', mode: 'exact' })).toContain('value of A');
    expect(diagnostics({ kind: 'evaluate', ...src('A'), bindings: 'nonsense', mode: 'exact' })).toContain('NAME = VALUE');
    expect(diagnostics({ kind: 'evaluate', ...src('A B', 'A, B: 2×3'), bindings: SEED_STATE.bindings, mode: 'exact' })).toContain('2×3');
  });

  it('reads bindings in both literal notations', () => {
    const read = readBindings('A = [1 2; 3 4]\n# comment\n\nB = [[1,2],[3,4]]');
    expect(read.ok).toBe(true);
    if (read.ok) expect(read.value.inputs.map((m) => m.value)).toEqual([
      { scalar: false, rows: [['1', '2'], ['3', '4']] },
      { scalar: false, rows: [['1', '2'], ['3', '4']] },
    ]);
  });
});

describe('psd', () => {
  it('decides a concrete psd matrix with eigenvalues and a certificate', () => {
    const v = view({ kind: 'psd', ...src('P'), bindings: 'P = [[2,1],[1,2]]' });
    expect(v.verdict).toBe('yes');
    // Independent: the eigenvalues of [[a,b],[b,a]] are a - b and a + b.
    expect(v.eigenvalues[0]).toBeCloseTo(1, 12);
    expect(v.eigenvalues[1]).toBeCloseTo(3, 12);
    expect(v.evidence.join('\n')).toContain('certificate');
  });

  it('refutes a matrix with a negative eigenvalue, with a vector certificate', () => {
    const v = view({ kind: 'psd', ...src('P ⪰ 0'), bindings: 'P = [[1,2],[2,1]]' });
    expect(v.verdict).toBe('no');
    expect(v.eigenvalues[0]).toBeCloseTo(-1, 12);
    expect(v.evidence.join('\n')).toMatch(/x = \[.*\] gives xᵀAx = -/);
  });

  it('answers no for a non-square value, saying why', () => {
    const v = view({ kind: 'psd', ...src(SEED_STATE.expr, SEED_STATE.givens), bindings: SEED_STATE.bindings });
    expect(v.verdict).toBe('no');
    expect(v.evidence[0]).toContain('2×3 matrix is not square');
  });

  it('applies the Schur product theorem symbolically', () => {
    const v = view({ kind: 'psd', ...src('P ⊙ Q', 'P, Q: n×n psd'), bindings: '' });
    expect(v.verdict).toBe('yes');
    expect(v.evidence.join('\n')).toContain('schur');
  });

  it('refutes a symbolic claim with a random instance honouring the givens', () => {
    const v = view({ kind: 'psd', ...src('A ⊙ B', 'A, B: n×n'), bindings: '' });
    expect(v.verdict).toBe('no');
    expect(v.evidence.join('\n')).toContain('counterexample');
  });
});

describe('simplify and equivalence', () => {
  it('names the laws of every simplification step', () => {
    const v = view({ kind: 'simplify', ...src('(A ⊙ J)ᵀ', 'A: m×n') });
    expect(v.result).toBe('Aᵀ');
    expect(v.steps.map((s) => s.law)).toContain('hadamard_ones');
  });

  it('proves B ⊙ A = A ⊙ B by hadamard_comm', () => {
    const v = view({ kind: 'equiv', ...src('B ⊙ A', 'A, B: m×n'), other: 'A ⊙ B' });
    expect(v.equivalent).toBe(true);
    expect(v.method).toBe('proved');
    expect(v.steps.map((s) => s.law)).toContain('hadamard_comm');
  });

  it('refutes A B = B A with a counterexample that really separates them', () => {
    const v = view({ kind: 'equiv', ...src('A B', 'A, B: n×n'), other: 'B A' });
    expect(v.equivalent).toBe(false);
    expect(v.method).toBe('refuted');
    const bindings = new Map<string, Value>(v.counterexample!.map((m) => [m.name, exactMatrix(m.value.rows)]));
    const left = evaluate(parseExpr('A B'), bindings);
    const right = evaluate(parseExpr('B A'), bindings);
    expect(left.ok && right.ok).toBe(true);
    if (left.ok && right.ok) expect(valuesEqual(left.value, right.value)).toBe(false);
  });

  it('reports a shape error instead of a verdict', () => {
    expect(diagnostics({ kind: 'equiv', ...src('A ⊙ B', 'A: 2×3; B: 3×2'), other: 'B ⊙ A' })).toMatch(/2×3/);
  });
});

describe('proof', () => {
  it('accepts the seed proof step by step', () => {
    const v = view({ kind: 'proof', proof: SEED_STATE.proof });
    expect(v.valid).toBe(true);
    expect(v.theorems[0]?.steps.filter((s) => s.line === 5 || s.line === 6).every((s) => s.ok)).toBe(true);
  });

  it('marks the wrong step on its own line', () => {
    const proof = SEED_STATE.proof.replace('= Bᵀ ⊙ Aᵀ    by hadamard_comm', '= Aᵀ Bᵀ      by hadamard_comm');
    const v = view({ kind: 'proof', proof });
    expect(v.valid).toBe(false);
    const bad = v.theorems[0]!.steps.filter((s) => !s.ok);
    expect(bad.map((s) => s.line)).toContain(6);
    expect(v.theorems[0]!.steps.find((s) => s.line === 5)?.ok).toBe(true);
  });

  it('reports unreadable proofs as diagnostics', () => {
    const v = view({ kind: 'proof', proof: 'prove A ⊙ = B\nproof\nqed' });
    expect(v.valid).toBe(false);
  });
});

describe('values in scientific notation', () => {
  it('reads 1e-3 as one exact number, 1/1000', () => {
    const result = runTask({ kind: 'evaluate', expr: '1000 A', dialect: 'plain', givens: '', bindings: 'A = [[1e-3, 2.5e1]]', mode: 'exact' });
    expect(result.ok && result.kind === 'evaluate' && result.view.text).toBe('[[1,25000]]');
  });
});

describe('simplify results', () => {
  it('start the trace from the input and name no limit when simplify finishes', () => {
    const result = runTask({ kind: 'simplify', expr: 'B ⊙ A', dialect: 'plain', givens: 'A, B: m×n' });
    expect(result.ok && result.kind === 'simplify' && [result.view.input, result.view.result, result.view.limit]).toEqual(['B ⊙ A', 'A ⊙ B', undefined]);
  });
});

describe('analysis with values', () => {
  it('takes the shape of an undeclared symbol from its value: 2×3, not ?3×?4', () => {
    const bindings = 'A = [[1,2,3],[4,5,6]]\nB = [[7,8,9],[10,11,12]]';
    const result = runTask({ kind: 'analyze', expr: 'A ⊙ B', dialect: 'plain', givens: '', bindings });
    expect(result.ok && result.kind === 'analyze' && result.view.shape).toBe('2×3');
    const product = runTask({ kind: 'analyze', expr: 'A B', dialect: 'plain', givens: '', bindings });
    expect(product.ok && product.kind === 'analyze' && product.view.shapeError?.code).toBe('shape-mismatch');
    const without = runTask({ kind: 'analyze', expr: 'A ⊙ B', dialect: 'plain', givens: '' });
    expect(without.ok && without.kind === 'analyze' && without.view.shape).not.toBe('2×3');
  });
});
