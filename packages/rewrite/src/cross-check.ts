import type { Givens, Property, SymbolInfo } from '@odot/core';
import { identityTest } from '@odot/numeric';
import { termToExpr } from './term-to-expr.ts';
import type { Term } from './term.ts';

/** The givens implied by the symbols of some terms (their shapes and declared properties). */
export function givensOfTerms(terms: readonly Term[]): Map<string, SymbolInfo> {
  const out = new Map<string, SymbolInfo>();
  const walk = (t: Term): void => {
    if (t.op === 'sym' && !out.has(t.data)) out.set(t.data, { shape: t.shape, properties: new Set<Property>(t.declared) });
    for (const a of t.args) walk(a);
  };
  for (const t of terms) walk(t);
  return out;
}

/** Thrown in debug mode when a step changes the value of the expression (an engine bug). */
export class UnsoundStep extends Error {}

/**
 * Debug mode: checks numerically (exact arithmetic modulo a prime on random instances, through
 * `@odot/numeric`'s identity test) that a step preserved the value; throws `UnsoundStep` if not.
 */
export function crossCheck(law: string, before: Term, after: Term, givens: Givens, seed = 1): void {
  if (before === after) return;
  const merged = new Map(givensOfTerms([before, after]));
  for (const [k, v] of givens) merged.set(k, v);
  const verdict = identityTest(termToExpr(before), termToExpr(after), merged, { seed, trials: 2, sizeSets: 1, timeLimitMs: 2000 });
  if (verdict.verdict === 'different') {
    throw new UnsoundStep(`step by ${law} changed the value: ${verdict.explanation}`);
  }
}
