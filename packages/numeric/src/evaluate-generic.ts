import type { Expr } from '@odot/core';
import { MAX_DEPTH, OdotException, assertNever, nestingDepth, tick, tooDeep } from '@odot/core';
import { evalConstant, evalIdentifier, evalMatrixLiteral, evalNumber } from './eval/eval-leaf.ts';
import { evalEntry, evalSum } from './eval/eval-index.ts';
import { evalPower } from './eval/eval-power.ts';
import { evalKronecker, evalMatMul, evalScalarMul } from './eval/eval-product.ts';
import { evalClaim, evalRelation } from './eval/eval-relation.ts';
import { evalChain, evalEntrywise, isChain } from './eval/eval-sum.ts';
import { evalMatMulChain, isMatMulChain } from './eval/eval-matmul-chain.ts';
import { evalDiag, evalInverse, evalNegTranspose, evalTraceDet } from './eval/eval-unary.ts';
import type { EvalState, Want } from './eval/state.ts';
import { NONE, NeedsContext, fail } from './eval/state.ts';
import type { GValue, GenericContext } from './eval/types.ts';

export type { ConcreteShape, GValue, GenericContext } from './eval/types.ts';

/** One node's value: dispatches on the node type to the family's evaluator in `eval/`. */
function evalNode<T>(s: EvalState<T>, node: Expr, want: Want): GValue<T> {
  switch (node.type) {
    case 'Identifier':
      return evalIdentifier(s, node);
    case 'NumberLiteral':
      return evalNumber(s, node);
    case 'MatrixLiteral':
      return evalMatrixLiteral(s, node);
    case 'Ones':
    case 'Zero':
    case 'Identity':
      return evalConstant(s, node, want);
    case 'Hadamard':
    case 'Add':
    case 'Sub':
      return evalEntrywise(s, node, want);
    case 'MatMul':
      return evalMatMul(s, node, want);
    case 'ScalarMul':
      return evalScalarMul(s, node, want);
    case 'Kronecker':
      return evalKronecker(s, node);
    case 'Neg':
    case 'Transpose':
      return evalNegTranspose(s, node, want);
    case 'HadamardPower':
    case 'MatrixPower':
      return evalPower(s, node, want);
    case 'Inverse':
      return evalInverse(s, node, want);
    case 'Diag':
    case 'DiagVec':
      return evalDiag(s, node, want);
    case 'Trace':
    case 'Det':
      return evalTraceDet(s, node);
    case 'Entry':
      return evalEntry(s, node);
    case 'Sum':
      return evalSum(s, node, want);
    case 'Equal':
    case 'NotEqual':
      return evalRelation(s, node);
    case 'Claim':
      return evalClaim(s, node);
    default:
      return assertNever(node);
  }
}

/** A fresh evaluation state over the context; its `ev` counts budget ticks and reports values to `observe`. */
function startEvaluation<T>(ctx: GenericContext<T>): EvalState<T> {
  const s: EvalState<T> = {
    ctx,
    f: ctx.field,
    indices: new Map(ctx.indices),
    zeroIsScalar: false,
    sumRangeCache: new Map(),
    ev: (node, want) => {
      tick(); // counts against the caller's budget, if any (decidePsd's random trials)
      const v = isChain(node) ? evalChain(s, node, want) : node.type === 'MatMul' && isMatMulChain(node) ? evalMatMulChain(s, node, want) : evalNode(s, node, want);
      ctx.observe?.(node, v);
      return v;
    },
  };
  return s;
}

/**
 * The left-to-right chains the evaluator (and the degree bound) walk in a loop: `+`, `−`, `⊙` and
 * the matrix product (`A A … A`, 10 000 factors, is a flat chain, not nesting). Other operators
 * recurse, so their nesting counts towards `MAX_DEPTH`.
 */
export const EVALUATION_CHAINS: ReadonlySet<Expr['type']> = new Set(['Add', 'Sub', 'Hadamard', 'MatMul']);

/** Throws the `too-deep` error when `expr` nests deeper than the evaluator's recursion takes (`MAX_DEPTH`). */
export function checkEvaluationDepth(expr: Expr, what: string): void {
  if (nestingDepth(expr, EVALUATION_CHAINS) > MAX_DEPTH) throw new OdotException(tooDeep(what));
}

/**
 * Evaluates `expr` over the context's field. Throws `OdotException` with spans on errors
 * (unbound symbols, shape mismatches, singular matrices, zero entries under a negative Hadamard
 * power, `too-deep` for nesting deeper than `MAX_DEPTH` outside `+ − ⊙` and matrix-product chains).
 */
export function evaluateGeneric<T>(ctx: GenericContext<T>, expr: Expr): GValue<T> {
  checkEvaluationDepth(expr, 'evaluate');
  const s = startEvaluation(ctx);
  try {
    try {
      return s.ev(expr, NONE);
    } catch (e) {
      // A bare `0` that nothing sizes is the scalar 0 (`0 A`, `tr(A) + 0`): evaluate again with that reading.
      if (!(e instanceof NeedsContext) || e.node.type !== 'Zero') throw e;
      s.zeroIsScalar = true;
      return s.ev(expr, NONE);
    }
  } catch (e) {
    if (e instanceof NeedsContext) {
      const what = e.node.type === 'Ones' ? 'J' : e.node.type === 'Identity' ? 'I' : '0';
      fail('unknown-size', `cannot tell the size of ${what} here: give it a size (${what}_n) or use it next to a sized matrix`, e.node);
    }
    throw e;
  }
}
