import { childrenOf, identifier, tick, type Expr } from '@odot/core';
import { boundTo, type AppliedStep } from './applied-step.ts';
import type { LawRule } from './backend.ts';
import { exprKey, freeNames, replaceAt, subtermAt, withChildren } from './expr-tools.ts';

/** A recorded law application to re-verify (the parts of the one step type it reads): the law's rule, direction, position and substitution. */
export type RecordedStep = Pick<AppliedStep, 'law' | 'direction' | 'path' | 'substitution' | 'before' | 'after'>;

/** The outcome of a replay: `ok`, or the first thing that does not fit. */
export type ReplayVerdict = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/**
 * Builds `pattern` with the substitution applied; a variable the substitution lacks is an error,
 * except a bound summation index of the target side, which gets a name fresh in `avoid`.
 */
function substitute(pattern: Expr, rule: LawRule, substitution: RecordedStep['substitution'], avoid: ReadonlySet<string>, allowFresh: boolean): Expr | string {
  const fresh = new Map<string, string>();
  const missing: string[] = [];
  const nameFor = (variable: string): string => {
    const bound = boundTo(substitution, variable);
    if (bound?.type === 'Identifier') return bound.name;
    if (!allowFresh) {
      missing.push(variable);
      return variable;
    }
    let name = fresh.get(variable);
    if (name === undefined) {
      let i = 0;
      do name = `k${i++ === 0 ? '' : i}`;
      while (avoid.has(name));
      fresh.set(variable, name);
    }
    return name;
  };
  const build = (node: Expr): Expr => {
    if (node.type === 'Identifier' && rule.variables.has(node.name)) {
      const bound = boundTo(substitution, node.name);
      if (bound) return bound;
      return identifier(nameFor(node.name));
    }
    if (node.type === 'Sum') {
      const index = rule.variables.has(node.index) ? nameFor(node.index) : node.index;
      return { type: 'Sum', index, body: build(node.body) };
    }
    const children = childrenOf(node);
    return children.length === 0 ? node : withChildren(node, children.map(build));
  };
  const built = build(pattern);
  return missing.length > 0 ? `the substitution does not bind ${missing.join(', ')}` : built;
}

/**
 * Re-verifies one recorded law application with none of the search code: instantiates the rule's
 * source side with the substitution, checks it is the sub-expression at `path` of `before`, puts the
 * instantiated target side there and checks the result is `after` (up to spans and bound index names).
 * Accepts when one of the law's rules fits.
 */
export function replayStep(step: RecordedStep, rules: readonly LawRule[]): ReplayVerdict {
  if (rules.length === 0) return { ok: false, reason: `no rule is known for ${step.law}` };
  const at = subtermAt(step.before, step.path);
  if (!at) return { ok: false, reason: `path [${step.path.join(', ')}] is not in the expression` };
  let reason = `${step.law} does not fit`;
  const avoid = freeNames(step.before);
  for (const rule of rules) {
    tick();
    const from = step.direction === 'forward' ? rule.lhs : rule.rhs;
    const to = step.direction === 'forward' ? rule.rhs : rule.lhs;
    const source = substitute(from, rule, step.substitution, avoid, false);
    if (typeof source === 'string') {
      reason = source;
      continue;
    }
    // The rule's J, 0 and I stand for any size (as the matcher reads them): sizes are compared by the rebuild.
    if (exprKey(source, { ignoreSizes: true }) !== exprKey(at, { ignoreSizes: true })) {
      reason = `the sub-expression at [${step.path.join(', ')}] is not the ${step.direction === 'forward' ? 'left' : 'right'} side of ${step.law} under the substitution`;
      continue;
    }
    const target = substitute(to, rule, step.substitution, avoid, true);
    if (typeof target === 'string') {
      reason = target;
      continue;
    }
    const rebuilt = replaceAt(step.before, step.path, target);
    if (rebuilt && exprKey(rebuilt) === exprKey(step.after)) return { ok: true };
    reason = `putting the ${step.direction === 'forward' ? 'right' : 'left'} side of ${step.law} at [${step.path.join(', ')}] does not give the recorded result`;
  }
  return { ok: false, reason };
}
