import type { Expr, Givens } from '@odot/core';
import { decidePsd } from '@odot/rewrite';
import { bindingLines, justificationJson, justificationLines } from './rewrite-format.ts';

/** A verdict about a symbolic expression (no concrete matrices). */
export interface SymbolicPsdVerdict {
  readonly verdict: 'psd' | 'not psd' | 'unknown';
  /** Why: the justification tree, the counterexample, or what is missing. */
  readonly explanation: string;
  /** The justification tree or counterexample as JSON, when there is one. */
  readonly details?: unknown;
}

/**
 * Symbolic PSD reasoning used by `odot psd` when the expression has unbound symbols: the rewrite
 * engine's `decidePsd` (property inference backed by named laws such as `schur`; a refutation by a
 * random instance honouring the givens; otherwise unknown). It never guesses.
 */
export function decideSymbolicPsd(expr: Expr, givens: Givens, property: 'psd' | 'pd'): SymbolicPsdVerdict {
  const result = decidePsd(expr, givens, undefined, { property });
  if (!result.ok) return { verdict: 'unknown', explanation: result.error.message };
  const d = result.value;
  switch (d.verdict) {
    case 'psd':
      return {
        verdict: 'psd',
        explanation: d.justification ? justificationLines(d.justification).join('\n') : d.explanation,
        ...(d.justification ? { details: justificationJson(d.justification) } : {}),
      };
    case 'not-psd':
      return {
        verdict: 'not psd',
        explanation: [d.explanation, ...(d.counterexample ? bindingLines(d.counterexample) : []), ...(d.evidence ? [d.evidence] : [])].join('\n'),
      };
    case 'unknown':
      return { verdict: 'unknown', explanation: d.explanation };
  }
}
