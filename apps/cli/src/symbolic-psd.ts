import { ok, type Budget, type Expr, type Givens, type Limit, type Result } from '@odot/core';
import { decidePsd, type PsdDecision } from '@odot/rewrite';
import { bindingLines, justificationJson, justificationLines, sizeLines } from './rewrite-format.ts';

/** A verdict about a symbolic expression (no concrete matrices). */
export interface SymbolicPsdVerdict {
  readonly verdict: 'psd' | 'not psd' | 'unknown';
  /** Why: the justification tree, the counterexample, or what is missing. */
  readonly explanation: string;
  /** The justification tree or counterexample as JSON, when there is one. */
  readonly details?: unknown;
  /** The limit that stopped the decision (then the verdict is `unknown`). */
  readonly limit?: Limit;
}

/**
 * Symbolic PSD reasoning used by `odot psd` when the expression has unbound symbols: the rewrite
 * engine's `decidePsd` (property inference backed by named laws such as `schur`; a refutation by a
 * random instance honouring the givens; otherwise unknown). It never guesses. The CLI and the
 * API share this one path: an input the API rejects (a shape error) is an input error here too.
 * With `budget` (the command's, which parsing already counted against) the decision keeps its clock.
 */
export function decideSymbolicPsd(expr: Expr, givens: Givens, property: 'psd' | 'pd', budget?: Budget): Result<SymbolicPsdVerdict> {
  const result = decidePsd(expr, givens, undefined, { property, ...(budget === undefined ? {} : { budget }) });
  if (!result.ok) return result;
  return ok(verdictOf(result.value));
}

function verdictOf(d: PsdDecision): SymbolicPsdVerdict {
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
        explanation: [d.explanation, ...sizeLines(d.sizes), ...(d.counterexample ? bindingLines(d.counterexample) : []), ...(d.evidence ? [d.evidence] : [])].join('\n'),
      };
    case 'unknown':
      return { verdict: 'unknown', explanation: d.explanation, ...(d.limit === undefined ? {} : { limit: d.limit }) };
  }
}
