import { indexNames, inferShape, sumIndices, type Expr } from '@odot/core';
import type { AppliedStep } from './applied-step.ts';
import type { CheckContext } from './check-options.ts';
import { findEntrywiseLaw } from './entrywise-laws.ts';
import { positions } from './entrywise.ts';
import { freeNames, replaceAt } from './expr-tools.ts';
import { conditionsHold, instantiate, matchPattern, type PatternRule } from './pattern.ts';
import { sizeExpr } from './size-dim.ts';

// The block split of a certificate: a sum over the columns of a Kronecker product X ⊗ Y (p×q
// factor Y) — or the rows of one — taken in blocks of q, `Σ_t(…[r,t] …[t,c]) = Σ_u(Σ_v(…[r,(u - 1) q + v] …))`
// by sum_block, so def_kron can unfold both factors. The law cannot be applied forward blindly (q
// is only on its right side): the block size is read from the Kronecker factor.

/** The catalogue law the split cites. */
export const BLOCK_SPLIT_LAW = 'sum_block';

/** The block size of the summed axis: q of X ⊗ Y (p×q Y) when X is the Kronecker product, p of Y's rows when the right factor is. */
function blockSize(binding: ReadonlyMap<string, Expr>, left: string, right: string, context: CheckContext): Expr | undefined {
  const [x, y] = [binding.get(left), binding.get(right)];
  const factor = x?.type === 'Kronecker' ? { of: x.right, axis: 'cols' as const } : y?.type === 'Kronecker' ? { of: y.right, axis: 'rows' as const } : undefined;
  if (!factor) return undefined;
  const shape = inferShape(factor.of, context.givens);
  return shape.ok && shape.value.kind === 'matrix' ? sizeExpr(shape.value[factor.axis]) : undefined;
}

/** The split at one position, when the rule matches there with a Kronecker factor. */
function splitAt(expr: Expr, path: number[], node: Expr, rule: PatternRule, context: CheckContext): AppliedStep | undefined {
  if (rule.lhs.type !== 'Sum' || rule.lhs.body.type !== 'MatMul') return undefined;
  const binding = new Map<string, Expr>();
  if (!matchPattern(rule.lhs, node, rule.variables, binding)) return undefined;
  const [left, right] = [rule.lhs.body.left, rule.lhs.body.right];
  if (left.type !== 'Entry' || right.type !== 'Entry' || left.matrix.type !== 'Identifier' || right.matrix.type !== 'Identifier') return undefined;
  const size = blockSize(binding, left.matrix.name, right.matrix.name, context);
  const sizeName = [...rule.variables].find((name) => !binding.has(name) && !sumIndices(rule.rhs).has(name));
  if (!size || !sizeName) return undefined;
  binding.set(sizeName, size);
  // Internal names (`%b0`, `%b1`: the parser never makes them), which the printed chain renames readably.
  for (const [k, name] of [...sumIndices(rule.rhs)].entries()) binding.set(name, { type: 'Identifier', name: `%b${k}` });
  if (!conditionsHold(rule, binding, { givens: context.givens, indices: indexNames(expr) })) return undefined;
  const after = replaceAt(expr, path, instantiate(rule.rhs, rule.variables, binding, freeNames(expr)));
  return after && { law: BLOCK_SPLIT_LAW, direction: 'forward', path, substitution: Object.fromEntries(binding), before: expr, after, origin: 'entrywise' };
}

/**
 * The first sum of `expr` over an axis of a Kronecker product, split into blocks of the factor's
 * size by sum_block (internal names `%b0`, `%b1` for the new indices, as the search's normalised
 * sums have), or undefined when there is none.
 */
export function blockSplitStep(expr: Expr, context: CheckContext): AppliedStep | undefined {
  const law = findEntrywiseLaw(BLOCK_SPLIT_LAW);
  if (!law) return undefined;
  for (const { path, node } of positions(expr)) {
    if (node.type !== 'Sum') continue;
    for (const rule of law.rules) {
      const step = splitAt(expr, path, node, rule, context);
      if (step) return step;
    }
  }
  return undefined;
}
