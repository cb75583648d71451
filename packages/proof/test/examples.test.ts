import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkProof } from '../src/index.ts';

// Drives the example proofs under examples/proofs at the repo root: every proof there must be
// accepted, and every wrong proof must get the diagnosis written in its `# expect:` comment
// (`# expect: LINE CODE /message regex/`; `# expect-no-algebra:` applies with `by algebra` forbidden).

const ROOT = fileURLToPath(new URL('../../../examples/proofs/', import.meta.url));
const proofs = (dir: string): string[] => readdirSync(dir).filter((name) => name.endsWith('.proof')).sort();

interface Expectation {
  readonly line: number;
  readonly code: string;
  readonly message: RegExp;
  readonly noAlgebra: boolean;
}

function expectations(text: string): Expectation[] {
  const out: Expectation[] = [];
  for (const match of text.matchAll(/^# expect(-no-algebra)?: (\d+) ([\w-]+) \/(.*)\/$/gm)) {
    out.push({ noAlgebra: match[1] !== undefined, line: Number(match[2]), code: match[3] as string, message: new RegExp(match[4] as string) });
  }
  return out;
}

describe('examples/proofs', () => {
  const good = proofs(ROOT);
  it('has one proof file per seed property', () => {
    for (const name of ['hadamard-comm', 'hadamard-assoc', 'hadamard-distrib', 'hadamard-ones', 'hadamard-zero', 'diagonal-product', 'schur']) {
      expect(good).toContain(`${name}.proof`);
    }
  });

  it.each(good)('%s is accepted, every step', (name) => {
    const text = readFileSync(`${ROOT}${name}`, 'utf8');
    const report = checkProof(text);
    expect(report.errors).toEqual([]);
    expect(report.theorems.length).toBeGreaterThan(0);
    for (const theorem of report.theorems) {
      const failures = theorem.steps.filter((step) => !step.ok).map((step) => `${step.line}: ${step.message}`);
      expect(failures, theorem.goal).toEqual([]);
      expect(theorem.valid).toBe(true);
    }
    expect(report.valid).toBe(true);
  });

  it('has entrywise proofs among them', () => {
    const entrywise = good.filter((name) => /\bby ext\b/.test(readFileSync(`${ROOT}${name}`, 'utf8')));
    expect(entrywise.length).toBeGreaterThanOrEqual(5);
  });

  it('checks the ```proof blocks of the Markdown example', () => {
    const text = readFileSync(`${ROOT}seed-note.md`, 'utf8');
    const report = checkProof(text);
    expect(report.errors).toEqual([]);
    expect(report.theorems.map((theorem) => [theorem.line, theorem.valid])).toEqual([
      [10, true],
      [24, true],
    ]);
  });

  const wrong = proofs(`${ROOT}wrong/`);
  it('has wrong proofs for every diagnosis', () => {
    const codes = wrong.flatMap((name) => expectations(readFileSync(`${ROOT}wrong/${name}`, 'utf8')).map((e) => e.code));
    for (const code of ['false', 'buggy-rule', 'circular', 'too-big', 'wrong-law', 'unknown-law', 'side-condition', 'wrong-end', 'wrong-start', 'parse-error', 'shape-error', 'bad-ext', 'algebra-forbidden']) {
      expect(codes).toContain(code);
    }
  });

  it.each(wrong)('wrong/%s gets its diagnosis', (name) => {
    const text = readFileSync(`${ROOT}wrong/${name}`, 'utf8');
    const expected = expectations(text);
    expect(expected.length).toBeGreaterThan(0);
    for (const expectation of expected) {
      const report = checkProof(text, { allowAlgebra: !expectation.noAlgebra });
      expect(report.errors).toEqual([]);
      expect(report.valid).toBe(false);
      const steps = report.theorems.flatMap((theorem) => theorem.steps);
      const hit = steps.find((step) => !step.ok && step.line === expectation.line && step.code === expectation.code);
      expect(hit, `${name}: ${JSON.stringify(steps.map((s) => [s.line, s.code, s.message]))}`).toBeDefined();
      expect(hit?.message).toMatch(expectation.message);
      if (expectation.noAlgebra) expect(checkProof(text, { allowAlgebra: true }).valid).toBe(true);
    }
  });
});
