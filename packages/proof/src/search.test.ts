import { fc, test } from '@fast-check/vitest';
import { add, hadamard, identifier, LimitReached, numberLiteral, printExpr, scalarMul, type Expr } from '@odot/core';
import { parseExpr } from '@odot/parser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppliedStep } from './applied-step.ts';
import { checkProof } from './check-proof.ts';
import { entrywiseEngine, type LawEngine } from './law-engine.ts';
import { DEFAULT_LIMITS, searchBothWays, searchSteps } from './search.ts';

// Issue 15: the proof search uses core's Budget; its limits are checked inside its loops and
// reported as {kind, value}. Time is tested with a mocked clock, never with wall-clock assertions.

/** An engine whose every application yields `fanout` new expressions (c + 1, c + 2, …), advancing the mocked clock by `msPerApply`. */
function endlessEngine(fanout: number, msPerApply = 0): LawEngine & { calls: number } {
  let counter = 0;
  const engine = {
    calls: 0,
    names: ['grow'],
    knows: (name: string) => name === 'grow',
    statement: () => 'x = x + 1',
    isStructural: () => false,
    apply: (expr: Expr): readonly AppliedStep[] => {
      engine.calls++;
      if (msPerApply > 0) vi.setSystemTime(Date.now() + msPerApply);
      return Array.from({ length: fanout }, (): AppliedStep => {
        counter++;
        return { law: 'grow', direction: 'forward', path: [], substitution: {}, before: expr, after: add(expr, numberLiteral(String(counter))), origin: 'entrywise' };
      });
    },
  };
  return engine;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('proof search limits', () => {
  it('the node limit stops the search with limit {kind: nodes, value}, never visiting more than the limit', () => {
    for (const maxNodes of [1, 2, 10, 137]) {
      const r = searchSteps(identifier('x'), identifier('goal'), ['grow'], endlessEngine(3), new Map(), { ...DEFAULT_LIMITS, maxApplications: 50, maxNodes });
      expect(r.steps).toBeUndefined();
      expect(r.limit).toEqual({ kind: 'nodes', value: maxNodes });
      expect(r.explored).toBeLessThanOrEqual(maxNodes);
    }
  });

  it('the time limit is read inside the loop (mocked clock): 10 ms per application, 100 ms budget', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const engine = endlessEngine(2, 10);
    const r = searchSteps(identifier('x'), identifier('goal'), ['grow'], engine, new Map(), { maxApplications: 1000, maxNodes: 1_000_000, timeLimitMs: 100 });
    expect(r.limit).toEqual({ kind: 'time', value: 100 });
    // The clock is read every 64 ticks (core's Budget), two ticks per application at least:
    // the search stops within 64 applications of its deadline, not at the end of a search level.
    expect(engine.calls).toBeLessThanOrEqual(10 + 64);
  });

  it('searching both ways shares one time limit', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const engine = endlessEngine(2, 10);
    const r = searchBothWays(identifier('x'), identifier('goal'), ['grow'], engine, new Map(), { maxApplications: 1000, maxNodes: 1_000_000, timeLimitMs: 100 });
    expect(r.limit).toEqual({ kind: 'time', value: 100 });
    expect(engine.calls).toBeLessThanOrEqual(10 + 64);
  });

  it('maxApplications: N finds chains of N applications and no longer ones', () => {
    const from = parseExpr('a + b + c');
    for (const n of [1, 2, 3]) {
      const goal = parseExpr(['a + b + c', 'b + a + c', 'b + c + a', 'c + b + a'][n] as string);
      const found = searchSteps(from, goal, ['add_comm', 'add_assoc'], entrywiseEngine, new Map(), { ...DEFAULT_LIMITS, maxApplications: 4 });
      expect(found.steps?.length).toBeLessThanOrEqual(4);
      const bounded = searchSteps(from, goal, ['add_comm', 'add_assoc'], entrywiseEngine, new Map(), { ...DEFAULT_LIMITS, maxApplications: (found.steps?.length ?? 1) - 1 });
      expect(bounded.steps).toBeUndefined();
    }
  });

  it('a LimitReached from inside an engine is not swallowed as "no application"', () => {
    const engine: LawEngine = {
      ...endlessEngine(1),
      apply: () => {
        throw new LimitReached({ kind: 'memory', value: 7 });
      },
    };
    const r = searchSteps(identifier('x'), identifier('goal'), ['grow'], engine, new Map());
    expect(r.limit).toEqual({ kind: 'memory', value: 7 });
  });
});

// Property: random large proof steps end within their node budget (explored ≤ maxNodes), and the
// checker answers every one with a report (no throw), reporting a limit as {kind, value}.
const name = fc.constantFrom('a', 'b', 'c', 'd');
const term: fc.Arbitrary<Expr> = fc.array(name, { minLength: 1, maxLength: 3 }).map((ns) => ns.map((n) => identifier(n) as Expr).reduce((l, r) => hadamard(l, r)));
const bigSum: fc.Arbitrary<Expr> = fc.array(term, { minLength: 8, maxLength: 24 }).map((ts) => ts.reduce((l, r) => add(l, r)));

describe('property: random large searches stay within their node budget', () => {
  test.prop([bigSum, bigSum, fc.integer({ min: 5, max: 300 })], { numRuns: 12, seed: 15 })('searchBothWays', (from, to, maxNodes) => {
    const limits = { maxApplications: 3, maxNodes, timeLimitMs: 60_000 };
    const r = searchBothWays(from, to, ['add_comm', 'mul_comm', 'add_assoc'], entrywiseEngine, new Map(), limits);
    // Each direction visits at most maxNodes expressions.
    expect(r.explored).toBeLessThanOrEqual(2 * maxNodes);
    if (r.limit) expect(r.limit).toEqual({ kind: 'nodes', value: maxNodes });
  });

  test.prop([bigSum, fc.integer({ min: 5, max: 200 })], { numRuns: 6, seed: 16 })('checkProof reports the node limit as {kind, value}', (e, maxNodes) => {
    const [left, right] = [printExpr(e), printExpr(scalarMul(numberLiteral('2'), e))];
    const text = `given a, b, c, d: scalar\nprove ${left} = ${right}\nproof\n  ${left}\n  = ${right} by add_comm\nqed`;
    const report = checkProof(text, { limits: { maxNodes, timeLimitMs: 60_000 } });
    for (const step of report.theorems.flatMap((t) => t.steps)) {
      if (step.limit) expect(step.limit).toEqual({ kind: 'nodes', value: maxNodes });
    }
  });
});
