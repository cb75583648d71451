import { describe, expect, it } from 'vitest';
import { runTask } from './engine.ts';
import { MAX_STEP_LATEX, blockFormula, formulaKey, resultFormulas, stepFormula, traceInputFormula } from './math-formulas.ts';
import { tasksFor, type StepView } from './protocol.ts';
import { renderStateFormulas } from './seed-math.ts';
import { SEED_STATE } from './state.ts';

const step = (afterLatex: string): StepView => ({ law: 'hadamard_comm', direction: 'forward', path: [], before: 'A ⊙ B', after: 'B ⊙ A', afterLatex });

describe('the formulas a result shows', () => {
  it('keys a formula by its LaTeX and whether it is a block', () => {
    expect(formulaKey(blockFormula('A'))).not.toBe(formulaKey(traceInputFormula('A')));
    expect(formulaKey(blockFormula('A'))).not.toBe(formulaKey(blockFormula('B')));
    expect(formulaKey(blockFormula('A'))).toBe(formulaKey({ latex: 'A', displayMode: true }));
  });

  it('shows a trace step as `= term` in a line, and a term over the limit as text (no formula)', () => {
    expect(stepFormula(step('B \\odot A'))).toEqual({ latex: '= B \\odot A', displayMode: false });
    expect(stepFormula(step('x'.repeat(MAX_STEP_LATEX)))).toBeDefined();
    expect(stepFormula(step('x'.repeat(MAX_STEP_LATEX + 1)))).toBeUndefined();
  });

  it('lists the simplified form, the trace input and every step of a simplification', () => {
    const result = runTask({ kind: 'simplify', expr: '(A ⊙ B) ⊙ C + 0', dialect: 'plain', givens: 'A, B, C: 2×2' });
    if (result.kind !== 'simplify' || !result.ok) throw new Error('no simplification');
    expect(result.view.steps.length).toBeGreaterThan(0);
    const latex = resultFormulas(result).map((f) => f.latex);
    expect(latex[0]).toBe(result.view.resultLatex);
    expect(latex[1]).toBe(result.view.inputLatex);
    expect(latex.slice(2)).toEqual(result.view.steps.map((s) => `= ${s.afterLatex}`));
  });

  it('lists none for a failed result', () => {
    expect(resultFormulas(runTask({ kind: 'analyze', expr: 'A ⊙', dialect: 'plain', givens: '' }))).toEqual([]);
  });
});

describe('the seed example’s formulas rendered ahead of time', () => {
  it('holds every formula of the seed’s results, each KaTeX HTML with MathML for screen readers', () => {
    const rendered = renderStateFormulas(SEED_STATE);
    const expected = tasksFor(SEED_STATE).flatMap((task) => resultFormulas(runTask(task))).map(formulaKey);
    expect(expected.length).toBeGreaterThanOrEqual(3);
    expect([...rendered.keys()].sort()).toEqual([...new Set(expected)].sort());
    for (const html of rendered.values()) {
      expect(html).toContain('class="katex');
      expect(html).toContain('<math');
    }
    // The value's matrix (7, 16, 27 / 40, 55, 72) is among them, as KaTeX renders its entries.
    const value = [...rendered.values()].find((html) => html.includes('<mn>16</mn>') && html.includes('<mn>72</mn>'));
    expect(value).toBeDefined();
  });
});
