import { parseExpr } from '@odot/parser';
import { createRng, evaluate, isMatrix, randomInstance, toExact, type Value } from '@odot/numeric';
import { describe, expect, it } from 'vitest';
import { decidePsd } from './decide-psd.ts';
import { inferProperty, numericPropertyEvidence, type Justification } from './infer-property.ts';
import { givensOfText } from './test-support.ts';

const rules = (j: Justification | undefined): string[] => (j ? [j.rule, ...j.premises.flatMap(rules)] : []);

/** Checks `property` of `text` on exact random instances of the givens (full rank and rank-deficient psd). */
function holdsOnInstances(text: string, property: 'psd' | 'pd', decl: string, n = 60): void {
  const g = givensOfText(decl);
  const rng = createRng(42);
  for (let i = 0; i < n; i++) {
    const inst = randomInstance(g, rng, { sizes: { n: 1 + (i % 4) }, entryRange: 3 });
    if (!inst.ok) throw new Error(inst.error.message);
    const v = evaluate(parseExpr(text), inst.value.bindings, { mode: 'exact', givens: g });
    if (!v.ok || !isMatrix(v.value)) throw new Error('cannot evaluate');
    expect(numericPropertyEvidence(toExact(v.value), property).holds, text).toBe(true);
  }
}

describe('pd and psd-with-positive-diagonal laws', () => {
  it("Schur's strengthening: P pd and Q psd with a positive diagonal give P ⊙ Q pd", () => {
    const j = inferProperty(parseExpr('P ⊙ (J + R)'), 'pd', givensOfText('P: n×n pd; R: n×n psd'));
    expect(j?.rule).toBe('schur_pd_positive_diagonal');
    expect(rules(j)).toContain('ones_psd');
    expect(j?.evidence).toBe('R + J has a positive diagonal: a psd sum with a summand of positive diagonal');
    holdsOnInstances('P ⊙ (J + R)', 'pd', 'P: n×n pd; R: n×n psd');
    // A rank-one R keeps the hypothesis (J + R has diagonal ≥ 1): checked on exact instances.
    holdsOnInstances('P ⊙ (J + R R)', 'pd', 'P: n×n pd; R: n×n psd');
    expect(inferProperty(parseExpr('P ⊙ Q'), 'pd', givensOfText('P, Q: n×n pd'))?.rule).toBe('schur_pd');
  });

  it('P ⊗ Q pd, P^⊙k pd, diag(diagvec(P)) psd and pd', () => {
    expect(inferProperty(parseExpr('P ⊗ Q'), 'pd', givensOfText('P: m×m pd; Q: n×n pd'))?.rule).toBe('kronecker_pd');
    expect(inferProperty(parseExpr('P^⊙3'), 'pd', givensOfText('P: n×n pd'))?.rule).toBe('hadamard_power_pd');
    expect(inferProperty(parseExpr('diag(diagvec(P))'), 'psd', givensOfText('P: n×n psd'))?.rule).toBe('diag_diagvec_psd');
    expect(inferProperty(parseExpr('diag(diagvec(P))'), 'pd', givensOfText('P: n×n pd'))?.rule).toBe('diag_diagvec_pd');
    const d = decidePsd(parseExpr('diag(diagvec(P))'), givensOfText('P: n×n psd'));
    expect(d.ok && d.value.verdict).toBe('psd');
    expect(inferProperty(parseExpr('Xᵀ P X + Q'), 'psd', givensOfText('P: m×m psd; X: m×n; Q: n×n psd'))).toBeDefined();
  });
});

describe('refutation before "unknown": degenerate instances honouring the givens', () => {
  const cases: [string, 'psd' | 'pd', string][] = [
    ['P ⊙ Q', 'pd', 'P: n×n pd; Q: n×n psd'],
    ['A ⊙ B', 'pd', 'A: n×n psd; B: n×n pd'],
    ['P ⊙ (2I - J)', 'psd', 'P: n×n psd'],
  ];
  it.each(cases)('%s is not %s in general (%s)', (text, property, decl) => {
    const g = givensOfText(decl);
    const d = decidePsd(parseExpr(text), g, undefined, { property });
    if (!d.ok) throw new Error(d.error.message);
    expect([d.value.verdict, d.value.method]).toEqual(['not-psd', 'counterexample']);
    expect(d.value.explanation).toContain('degenerate instance');
    const bindings = d.value.counterexample as ReadonlyMap<string, Value>;
    // Independent check: the instance honours the givens and the value fails the claim exactly.
    for (const [name, v] of bindings) {
      const info = g.get(name);
      if (!info || !isMatrix(v)) continue;
      for (const p of info.properties) expect(numericPropertyEvidence(toExact(v), p).holds, `${name} ${p}`).toBe(true);
    }
    const v = evaluate(parseExpr(text), bindings, { mode: 'exact', givens: g });
    expect(v.ok && isMatrix(v.value) && numericPropertyEvidence(toExact(v.value), property).holds).toBe(false);
  });

  it('sizes of the expression itself are searched too, and a size used as a number is that size (J_n − n I_n, n: natural)', () => {
    const g = givensOfText('n: natural');
    // Each with a witness xᵀ X x < 0 at every n ≥ 2: x = e₁ (the entry X[1,1] = 1 − n), x = 1 (n − n²).
    for (const [text, witness] of [['J_{n×n} - n I_n', '(J_{n×n} - n I_n)[1,1]'], ['I_n - J_{n×n}', 'J_{1×n} (I_n - J_{n×n}) J_{n×1}']] as const) {
      const d = decidePsd(parseExpr(text), g);
      if (!d.ok) throw new Error(d.error.message);
      expect([d.value.verdict, d.value.method], text).toEqual(['not-psd', 'counterexample']);
      const sizes = d.value.sizes as ReadonlyMap<string, number>;
      expect(sizes.get('n')).toBeGreaterThanOrEqual(2);
      const v = evaluate(parseExpr(witness), new Map(), { mode: 'exact', givens: g, dims: sizes });
      const x = v.ok ? (isMatrix(v.value) ? toExact(v.value).data[0] : v.value.kind === 'scalar' ? v.value.value : undefined) : undefined;
      expect(typeof x === 'object' && x.num < 0n, text).toBe(true);
    }
  });

  it('true claims are not refuted by the degenerate search', () => {
    const d = decidePsd(parseExpr('P ⊙ (J + R)'), givensOfText('P: n×n pd; R: n×n psd'), undefined, { property: 'pd' });
    expect(d.ok && d.value.verdict).toBe('psd');
  });
});
