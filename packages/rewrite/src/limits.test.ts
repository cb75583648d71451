import { fc, test } from '@fast-check/vitest';
import { add, hadamard, hadamardPower, identifier, inferShape, numberLiteral, transpose, type Expr, type Limit } from '@odot/core';
import { parseExpr } from '@odot/parser';
import { describe, expect, it } from 'vitest';
import { decidePsd } from './decide-psd.ts';
import { canonicallyEqual } from './canonical.ts';
import { equivalent } from './equivalent.ts';
import { applyLaw } from './rewrite.ts';
import { decideIndexNormalForm, indexNormalFormText } from './inf/public.ts';
import { simplify } from './simplify.ts';
import { chain, clockReads, withTickingClock } from '@odot/core/testing';
import { givensOfText } from './test-support.ts';

// Issue 15: every search stops within its budget (checked inside its loops) and says which limit
// stopped it as {kind, value}; no API function throws on huge input. Budgets are asserted with
// step, node and memory limits, and time with a mocked clock: no wall-clock assertions here (speed
// is measured by `pnpm bench`).


/** `A ⊙ (A ⊙ (… ⊙ A))` with n factors, nested to the right (the factor at `bAt` is B). */
function rightChain(n: number, bAt = -1): Expr {
  const name = (i: number): string => (i === bAt ? 'B' : 'A');
  let e: Expr = identifier(name(n - 1));
  for (let i = n - 2; i >= 0; i--) e = hadamard(identifier(name(i)), e);
  return e;
}

/** A time budget as a backstop: the step, node and memory limits are what these tests assert. */
const BACKSTOP = 3000;

describe('huge inputs return values, never throw', () => {
  it("10 000-term 'A ⊙ A ⊙ …': simplify and decidePsd answer (no stack overflow); a limit is reported as {kind, value}", () => {
    const e = parseExpr(chain(10_000, () => 'A', '⊙'));
    const g = givensOfText('A: n×n');
    const s = simplify(e, g, { maxSteps: 20, timeLimitMs: 1500 });
    expect(s.ok).toBe(true);
    if (s.ok) expect(s.value.steps.length).toBeLessThanOrEqual(20);
    if (s.ok && s.value.limit) expect(oneOf(s.value.limit, [{ kind: 'steps', value: 20 }, { kind: 'time', value: 1500 }])).toBe(true);
    const d = decidePsd(e, g, undefined, { timeLimitMs: 1500 });
    expect(d.ok).toBe(true);
    expect(indexNormalFormText(e, g).ok).toBe(true);
  });

  it("10 000 undeclared 'A{i} ⊙ B{i}' summands: shape inference is iterative; simplify answers", () => {
    const e = parseExpr(chain(10_000, (i) => `A${i} ⊙ B${i}`, '+'));
    expect(inferShape(e).ok).toBe(true);
    const s = simplify(e, new Map(), { maxSteps: 3, timeLimitMs: 1000 });
    expect(s.ok).toBe(true);
    if (s.ok) expect(s.value.steps.length).toBeLessThanOrEqual(3);
  });

  it('20 000 nested transposes: every API function answers with a value (too-deep), never a stack overflow', () => {
    let deep: Expr = identifier('A');
    for (let i = 0; i < 20_000; i++) deep = transpose(deep);
    const g = givensOfText('A: n×n');
    const calls: (() => { ok: boolean; error?: { code: string } })[] = [
      () => simplify(deep, g, { maxSteps: 10, timeLimitMs: 1000 }),
      () => decidePsd(deep, g, undefined, { timeLimitMs: 1000 }),
      () => equivalent(deep, identifier('A'), g, { simplify: { maxSteps: 10, timeLimitMs: 1000 }, searchNodes: 5, testTimeMs: 1000 }),
      () => indexNormalFormText(deep, g),
      () => decideIndexNormalForm(deep, identifier('A'), g),
    ];
    for (const call of calls) {
      const r = call();
      if (!r.ok) expect(r.error?.code).toBe('too-deep');
    }
  });

  it('a 10 000-deep right-nested ⊙: the index normal form answers', () => {
    let right: Expr = identifier('A');
    for (let i = 0; i < 10_000; i++) right = hadamard(identifier('A'), right);
    expect(indexNormalFormText(right, givensOfText('A: n×n')).ok).toBe(true);
  });

  it('a 10 000-deep right-nested ⊙ chain against itself minus one factor: refuted, the index-normal-form layer stopped by its time budget (clock advancing 1 ms a read)', () => {
    const g = givensOfText('A, B: n×n');
    const v = withTickingClock(() => equivalent(rightChain(10_000), rightChain(9_999), g, { simplify: { maxSteps: 20, timeLimitMs: 200 } }));
    expect(v.ok && [v.value.equivalent, v.value.method, v.value.layer]).toEqual([false, 'refuted', 'numeric']);
    if (!v.ok) return;
    expect(v.value.fragment).toBe('outside the index-normal-form fragment: stopped by the time: limit of 1000 ms');
    expect(v.value.counterexample).toBeDefined();
  });

  it('with certificate: true the index normal form of a 10 000-deep chain is not attempted a second time once its budget stopped it', () => {
    const g = givensOfText('A: n×n');
    const [a, b] = [rightChain(10_000), rightChain(9_999)];
    const options = { simplify: { maxSteps: 20, timeLimitMs: 200 }, indexFormTimeMs: 300, testTimeMs: 300, noSearch: true };
    const plain = clockReads(() => equivalent(a, b, g, options));
    const certified = clockReads(() => {
      const v = equivalent(a, b, g, { ...options, certificate: true });
      expect(v.ok && v.value.fragment).toBe('stopped by the time: limit of 300 ms');
    });
    expect(Math.abs(certified - plain)).toBeLessThan(100);
  });

  it('a 10 000-deep right-nested ⊙ chain against the same chain with one factor B: never equivalent; the time budgets stop their layers', () => {
    const g = givensOfText('A, B: n×n');
    const other = rightChain(10_000, 5_000);
    const v = withTickingClock(() => equivalent(rightChain(10_000), other, g, { simplify: { maxSteps: 20, timeLimitMs: 200 }, indexFormTimeMs: 300 }));
    expect(v.ok && [v.value.equivalent, v.value.method]).toEqual([false, 'refuted']);
    if (v.ok) expect(v.value.fragment).toMatch(/stopped by the time: limit of 300 ms/);
    const d = withTickingClock(() => decideIndexNormalForm(rightChain(10_000), other, g, { timeLimitMs: 300 }));
    expect(d.ok && d.value).toEqual({ kind: 'outside', reason: 'stopped by the time: limit of 300 ms', limit: { kind: 'time', value: 300 } });
  });

  it('a 2 000-deep right-nested ⊙ chain against itself minus one factor: the index normal form refutes it (deep sides are evaluated through their canonical terms)', () => {
    const d = decideIndexNormalForm(rightChain(2_000), rightChain(1_999), givensOfText('A: n×n'), { maxTerms: 1_000_000, timeLimitMs: 60_000 });
    expect(d.ok && d.value.kind).toBe('different');
  });

  it('a 10 000-deep ⊙ chain against an equal chain written with A^⊙2: equal-by-testing (or proved), never refuted', () => {
    const g = givensOfText('A: n×n');
    let squared: Expr = hadamardPower(identifier('A'), numberLiteral('2'));
    for (let i = 0; i < 9_998; i++) squared = hadamard(identifier('A'), squared);
    const v = withTickingClock(() => equivalent(rightChain(10_000), squared, g, { simplify: { maxSteps: 20, timeLimitMs: 200 } }));
    expect(v.ok && v.value.equivalent).toBe(true);
    if (v.ok) expect(['equal-by-testing', 'proved']).toContain(v.value.method);
  });

  it('the counterexample search of the index normal form stops at its time budget and reports the sizes tried (clock advancing 1 ms a read)', () => {
    // Cayley–Hamilton at 2×2: the forms differ but no instance separates the sides, so the search
    // runs to its end; a budget between the cost of the forms and the whole run stops the search.
    const g = givensOfText('A: 2×2');
    const [a, b] = [parseExpr('A A'), parseExpr('tr(A) A - 1/2 (tr(A) tr(A) - tr(A A)) I')];
    const decide = (options: { refute?: boolean; timeLimitMs?: number }) => decideIndexNormalForm(a, b, g, { drawsPerSize: 100, ...options });
    const full = decide({});
    expect(full.ok && full.value).toMatchObject({ kind: 'undecided', sizesTried: [0] });
    expect(full.ok && 'limit' in full.value).toBe(false);
    // The forms are shared on the terms from here on, so each run below costs the same to reach the search.
    const forms = clockReads(() => decide({ refute: false }));
    const whole = clockReads(() => decide({ timeLimitMs: 1e9 }));
    expect(whole - forms).toBeGreaterThan(20);
    const budget = Math.floor((forms + whole) / 2);
    const stopped = withTickingClock(() => decide({ timeLimitMs: budget }));
    expect(stopped.ok && stopped.value).toMatchObject({ kind: 'undecided', sizesTried: [0], limit: { kind: 'time', value: budget } });
  });

  it('(A1 + B1) ⊙ … ⊙ (A12 + B12): the time limit is read inside the loops (clock advancing 1 ms a read)', () => {
    const e = parseExpr(chain(12, (i) => `(A${i} + B${i})`, '⊙'));
    const g = givensOfText(`${chain(12, (i) => `A${i}, B${i}`, ',')}: n×n`);
    const s = withTickingClock(() => simplify(e, g, { timeLimitMs: 1000, maxMemory: 10_000_000 }));
    expect(s.ok && s.value.limit).toEqual({ kind: 'time', value: 1000 });
  });

  it('a memory budget (term cells built) stops the distribution of a long product', () => {
    const e = parseExpr(chain(12, (i) => `(A${i} + B${i})`, '⊙'));
    const g = givensOfText(`${chain(12, (i) => `A${i}, B${i}`, ',')}: n×n`);
    const s = simplify(e, g, { maxMemory: 2000, timeLimitMs: BACKSTOP });
    expect(s.ok && s.value.limit).toEqual({ kind: 'memory', value: 2000 });
  });

  it('equiv of a 10-factor product against its first factor distributed ends within its budgets, and is right', () => {
    const factors = Array.from({ length: 10 }, (_, i) => `(A${i} + B${i})`);
    const rest = factors.slice(1).join(' ⊙ ');
    const g = givensOfText(`${chain(10, (i) => `A${i}, B${i}`, ',')}: n×n`);
    const v = equivalent(parseExpr(factors.join(' ⊙ ')), parseExpr(`A0 ⊙ ${rest} + B0 ⊙ ${rest}`), g, {
      simplify: { timeLimitMs: 500 },
      searchTimeMs: 300,
      testTimeMs: 1000,
    });
    expect(v.ok && v.value.equivalent).toBe(true);
  });
});

describe('proof chains of large normal forms', () => {
  it('an 8-factor product against its first factor distributed, default limits: the chain is built, and its reversed steps replay at their positions', () => {
    // Reversing the 255 steps of one side tried every match at every position of a 2 000-node sum,
    // rebuilding the sum each time (17 s and 1.6 GB at 8 factors; out of memory at 10).
    const factors = Array.from({ length: 8 }, (_, i) => `(A${i} + B${i})`);
    const rest = factors.slice(1).join(' ⊙ ');
    const g = givensOfText(`${chain(8, (i) => `A${i}, B${i}`, ',')}: n×n`);
    const v = equivalent(parseExpr(factors.join(' ⊙ ')), parseExpr(`A0 ⊙ ${rest} + B0 ⊙ ${rest}`), g);
    expect(v.ok && [v.value.method, v.value.layer]).toEqual(['proved', 'normal-form']);
    if (!v.ok) return;
    const steps = v.value.steps;
    expect(steps.length).toBeGreaterThan(400);
    const reversed = steps.slice(Math.ceil(steps.length / 2), -1).filter((s) => s.direction === 'backward');
    expect(reversed.length).toBeGreaterThan(100);
    for (const s of reversed.filter((_, k) => k % 25 === 0)) {
      const replay = applyLaw(s.before, s.law, s.direction, s.path, s.substitution, g, s.children);
      expect(replay.ok, `${s.law} at ${JSON.stringify(s.path)}`).toBe(true);
      if (replay.ok) expect(canonicallyEqual(replay.value, s.after, g)).toEqual({ ok: true, value: true });
    }
  });
});

describe('the time limit of a whole equivalent call', () => {
  it('timeLimitMs cuts every layer to the time left: the call ends within 10% of it and reports it (clock advancing 1 ms a read)', () => {
    const factors = (last: string): string => [...Array.from({ length: 11 }, (_, i) => `(A${i} + B${i})`), last].join(' ⊙ ');
    const g = givensOfText(`${chain(12, (i) => `A${i}, B${i}`, ',')}, C: n×n`);
    const [a, b] = [parseExpr(factors('(A11 + B11)')), parseExpr(factors('(A11 + C)'))];
    const timed = (options: Parameters<typeof equivalent>[3]) =>
      withTickingClock(() => {
        const start = Date.now();
        const v = equivalent(a, b, g, options);
        return { v, elapsed: Date.now() - start };
      });
    const whole = timed({ timeLimitMs: 400 });
    expect(whole.v.ok).toBe(true);
    if (!whole.v.ok) return;
    expect(whole.v.value.equivalent).toBe(false);
    expect(whole.elapsed).toBeLessThanOrEqual(440);
    expect(whole.v.value.limit).toEqual({ kind: 'time', value: 400 });
    // Without it, the layers' own budgets add up to far more.
    expect(timed({}).elapsed).toBeGreaterThan(1000);
  });
});

describe('maxSteps and limit values', () => {
  it('maxSteps: N records N steps, the reordering step included, and reports {kind: steps, value: N}', () => {
    const g = givensOfText('A, B, C: n×n');
    for (const n of [1, 2, 5]) {
      const r = simplify(parseExpr('(C + B) ⊙ (A + C) ⊙ (B + C) ⊙ (A + B + C)'), g, { maxSteps: n });
      expect(r.ok && r.value.steps.length).toBe(n);
      expect(r.ok && r.value.limit).toEqual({ kind: 'steps', value: n });
    }
  });

  it("a tested verdict cut short by the tester's time limit reports it before the search's (clock advancing 1 ms a read)", () => {
    const [a, b, g] = [parseExpr('inv(A B)'), parseExpr('inv(B) inv(A)'), givensOfText('A, B: n×n')];
    const cut = withTickingClock(() => equivalent(a, b, g, { testTimeMs: 10 }));
    expect(cut.ok && [cut.value.method, cut.value.limit]).toEqual(['equal-by-testing', { kind: 'time', value: 10 }]);
    const whole = withTickingClock(() => equivalent(a, b, g, { testTimeMs: 1000 }));
    expect(whole.ok && [whole.value.method, whole.value.limit]).toEqual(['equal-by-testing', { kind: 'depth', value: 2 }]);
  });

  it('a normal form reached within the limits reports no limit', () => {
    const r = simplify(parseExpr('(A ⊙ B)ᵀ'), givensOfText('A, B: 2×3'));
    expect(r.ok && r.value.limit).toBeUndefined();
  });

  it('the search of equivalent reports its node limit as {kind: nodes, value}', () => {
    const v = equivalent(parseExpr('det(A B C)'), parseExpr('det(C) det(B A)'), givensOfText('A, B, C: n×n'), { searchNodes: 1, searchTimeMs: BACKSTOP, noIndexForm: true });
    expect(v.ok && v.value.limit).toEqual({ kind: 'nodes', value: 1 });
  });
});

describe('no false answers through the API (the issue\'s reproducers)', () => {
  it("equivalent('det(J_{n×n})', '0') is refuted at n = 1 (it was 'equivalent, error bound 0')", () => {
    const v = equivalent(parseExpr('det(J_{n×n})'), parseExpr('0'));
    expect(v.ok && [v.value.equivalent, v.value.method]).toEqual([false, 'refuted']);
    if (v.ok) expect(v.value.counterexample?.sizes.get('n')).toBe(1);
  });

  it('a tested verdict with symbolic sizes lists the sizes tried (1 and 2 among them) and flags the untested ones', () => {
    const v = equivalent(parseExpr('inv(A B)'), parseExpr('inv(B) inv(A)'), givensOfText('A, B: n×n'));
    expect(v.ok && v.value.method).toBe('equal-by-testing');
    if (!v.ok) return;
    expect(v.value.untestedSizes).toBe(true);
    expect(v.value.sizesTested?.map((s) => s.get('n'))).toEqual(expect.arrayContaining([1, 2, 3]));
    const fixed = equivalent(parseExpr('inv(A B)'), parseExpr('inv(B) inv(A)'), givensOfText('A, B: 3×3'));
    expect(fixed.ok && [fixed.value.method, fixed.value.untestedSizes]).toEqual(['equal-by-testing', false]);
  });
});

// Random large sums and products of sums: every call ends within its step, node and memory budgets.
const leaf = fc.constantFrom('A', 'B', 'C', 'D');
const factor: fc.Arbitrary<Expr> = fc.array(leaf, { minLength: 1, maxLength: 4 }).map((names) => names.map((n) => identifier(n) as Expr).reduce((l, r) => add(l, r)));
const big: fc.Arbitrary<Expr> = fc.array(factor, { minLength: 6, maxLength: 14 }).map((fs) => fs.reduce((l, r) => hadamard(l, r)));
const GIVENS = givensOfText('A, B, C, D: n×n');

/** True when `limit` is one of the budgets given (`{kind, value}` exactly). */
function oneOf(limit: Limit | undefined, budgets: readonly Limit[]): boolean {
  return limit === undefined || budgets.some((b) => b.kind === limit.kind && b.value === limit.value);
}

describe('property: random large inputs end within their budget', () => {
  test.prop([big, fc.integer({ min: 1, max: 60 }), fc.integer({ min: 500, max: 5000 })], { numRuns: 8, seed: 15 })('simplify', (e, maxSteps, maxMemory) => {
    const r = simplify(e, GIVENS, { maxSteps, maxMemory, timeLimitMs: BACKSTOP });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.steps.length).toBeLessThanOrEqual(maxSteps);
    expect(oneOf(r.value.limit, [{ kind: 'steps', value: maxSteps }, { kind: 'memory', value: maxMemory }, { kind: 'nodes', value: 50_000 }, { kind: 'time', value: BACKSTOP }])).toBe(true);
  });

  test.prop([big, big, fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 20 })], { numRuns: 5, seed: 16 })('equivalent', (a, b, maxSteps, searchNodes) => {
    const v = equivalent(a, b, GIVENS, {
      simplify: { maxSteps, maxMemory: 5000, timeLimitMs: BACKSTOP },
      searchNodes,
      searchTimeMs: BACKSTOP,
      indexFormTerms: 5000,
      indexFormTimeMs: BACKSTOP,
      testTimeMs: BACKSTOP,
    });
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    const budgets: Limit[] = [
      { kind: 'steps', value: maxSteps },
      { kind: 'memory', value: 5000 },
      { kind: 'steps', value: 5000 },
      { kind: 'nodes', value: searchNodes },
      { kind: 'depth', value: 2 },
      { kind: 'nodes', value: 50_000 },
      { kind: 'time', value: BACKSTOP },
    ];
    expect(oneOf(v.value.limit, budgets)).toBe(true);
    // A proof chain never holds more steps than the two normal forms and the search allow.
    if (v.value.method === 'proved') expect(v.value.steps.length).toBeLessThanOrEqual(2 * maxSteps + 2 * 2 * (200 + 1) + 2);
  });

  test.prop([big], { numRuns: 4, seed: 17 })('decidePsd answers (a verdict or a reported limit)', (e) => {
    const r = decidePsd(e, GIVENS, undefined, { timeLimitMs: BACKSTOP, trials: 4 });
    expect(r.ok).toBe(true);
    if (r.ok && r.value.limit) expect(r.value.verdict).toBe('unknown');
  });
});
