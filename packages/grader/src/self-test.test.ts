import { describe, expect, it } from 'vitest';
import { parseWorksheet } from './parse-worksheet.ts';
import { selfTest } from './self-test.ts';
import { BUNDLED_TEXT, bundled } from './test-fixtures.ts';

describe('selfTest', () => {
  it('passes on the bundled worksheet, every variant', () => {
    const report = selfTest(bundled(), { variants: 6 });
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.ok).toBe(true);
    // randomised questions are tried on every variant
    expect(new Set(report.checks.filter((c) => c.question === 'q2').map((c) => c.variant)).size).toBe(6);
    // every predicted mistake is checked
    expect(report.checks.filter((c) => c.what.startsWith('predicted mistake')).length).toBeGreaterThanOrEqual(7);
  });

  const broken = (from: string, to: string) => {
    const ws = parseWorksheet(BUNDLED_TEXT.replace(from, to));
    if (!ws.ok) throw new Error(ws.error.message);
    return selfTest(ws.value, { variants: 2 }).checks.filter((c) => !c.ok);
  };

  it('catches a wrong model shape', () => {
    expect(broken('expr: A B\nanswer: undefined', 'expr: A B\nanswer: 2×2').map((c) => [c.question, c.what])).toContainEqual(['q3', 'model shape']);
  });

  it('catches a wrong psd verdict', () => {
    expect(broken('matrix: P ⊙ Q\nanswer: yes', 'matrix: P ⊙ Q\nanswer: no').map((c) => c.what)).toContain('model verdict');
  });

  it('catches a true/false statement the engine refutes', () => {
    const failed = broken('statement: (A ⊙ B) ⊙ C = A ⊙ (B ⊙ C)', 'statement: (A ⊙ B) ⊙ C = A ⊙ (B + C)');
    expect(failed.map((c) => [c.question, c.what])).toContainEqual(['q4', 'statement']);
  });

  it('catches a predicted mistake that does not get its feedback (it is the right answer)', () => {
    const failed = broken('  - answer: B\n    code: copied-operand', '  - answer: A ⊙ B\n    code: copied-operand');
    expect(failed.map((c) => [c.question, c.what])).toContainEqual(['q1', 'predicted mistake 1']);
  });

  it('catches a wrong model proof and an unknown reason', () => {
    const failed = broken('= E D      by diagonal_mul_diagonal', '= E D      by hadamard_comm');
    expect(failed.map((c) => [c.question, c.what])).toContainEqual(['q8', 'model answer']);
    expect(broken('reason: hadamard_assoc', 'reason: hadamard_associativity_law').map((c) => c.what)).toContain('reason');
  });
});
