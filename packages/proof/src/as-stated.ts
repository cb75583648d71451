import type { Expr } from '@odot/core';
import type { AppliedStep } from './applied-step.ts';
import type { CheckContext } from './check-options.ts';
import { exprKey } from './expr-tools.ts';
import { literalStep } from './law-match.ts';
import { safeApply } from './step-search.ts';

/**
 * How a one-application step used its law: `stated` (as written in the catalogue, in either
 * direction), `via` (after reordering or regrouping ⊙ or + with the structural laws named, before
 * and/or after the law), or `reordered` (only up to a larger reordering).
 */
export type AsStated =
  | { readonly kind: 'stated' }
  | { readonly kind: 'via'; readonly via: readonly string[]; readonly route: readonly { readonly expr: Expr; readonly law: string }[] }
  | { readonly kind: 'reordered' };

/** The expressions one structural law application away (and the expression itself, by no law). */
function nearby(expr: Expr, context: CheckContext): { expr: Expr; law?: string }[] {
  const engine = context.backend.engine;
  const out: { expr: Expr; law?: string }[] = [{ expr }];
  for (const name of engine.names) {
    if (!engine.isStructural(name)) continue;
    for (const step of safeApply(context, expr, name)) out.push({ expr: step.after, law: name });
  }
  return out;
}

/** Whether the one catalogue application of `trace` matched the law as stated, and if not, what reordering it needed. */
export function asStated(from: Expr, to: Expr, trace: readonly AppliedStep[], context: CheckContext): AsStated {
  const step = trace[0];
  if (trace.length !== 1 || !step || step.origin !== 'catalogue') return { kind: 'stated' };
  const rule = context.backend.lawRule?.(step.law);
  if (!rule || literalStep(from, to, rule)) return { kind: 'stated' };
  const befores = nearby(from, context);
  const afters = nearby(to, context);
  for (const before of befores) {
    for (const after of afters) {
      if (exprKey(before.expr) === exprKey(after.expr)) continue;
      if (!literalStep(before.expr, after.expr, rule)) continue;
      const via = [...new Set([before.law, after.law].filter((law): law is string => law !== undefined))];
      const route = [
        ...(before.law ? [{ expr: before.expr, law: before.law }] : []),
        { expr: after.expr, law: step.law },
        ...(after.law ? [{ expr: to, law: after.law }] : []),
      ];
      return { kind: 'via', via, route };
    }
  }
  return { kind: 'reordered' };
}

/**
 * The laws among `names` that, as stated, turn `from` into `to` in one application (at most `max`):
 * the statement matches as written, and the engine applies the law here (shapes and side conditions hold).
 */
export function statedDoers(from: Expr, to: Expr, names: readonly string[], context: CheckContext, max: number): string[] {
  const out: string[] = [];
  const target = exprKey(to);
  const { backend, givens } = context;
  for (const name of names) {
    const rule = backend.lawRule?.(name);
    if (rule && !literalStep(from, to, rule)) continue;
    const applications = safeApply(context, from, name);
    const does = rule
      ? applications.some((step) => exprKey(step.after) === target || backend.canonicallyEqual(step.after, to, givens))
      : applications.some((step) => step.origin === 'entrywise' && exprKey(step.after) === target);
    if (does) out.push(name);
    if (out.length >= max) break;
  }
  return out;
}
