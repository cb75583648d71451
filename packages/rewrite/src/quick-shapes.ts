import {
  OdotException,
  childrenOf,
  dimEquals,
  foldTree,
  matrixShape,
  odotError,
  shapeByRule,
  shapeEquals,
  type Dim,
  type Expr,
  type FoldStep,
  type Givens,
  type Shape,
  type ShapeTable,
} from '@odot/core';
import { HADAMARD_CHAIN, MATMUL_CHAIN, SUM_CHAIN, operandsOf } from './chains.ts';

/** Bare `J`, `0` and `I` (no size written) in a chain, waiting for the size of the chain they stand in. */
interface Pending {
  readonly pending: readonly Expr[];
}

/** What the fast path knows of a node: its shape, the bare constants still to size, or nothing (undefined: `inferShapes` decides). */
type Quick = Shape | Pending | undefined;

const isPending = (q: Quick): q is Pending => q !== undefined && 'pending' in q;

/** True for `J`, `0`, `I` written without any size. */
function bareConstant(e: Expr): boolean {
  return (e.type === 'Ones' || e.type === 'Zero') ? e.rows === undefined && e.cols === undefined : e.type === 'Identity' && e.size === undefined;
}

/**
 * A fast path for the common case (every symbol declared, every J/0/I sized, or bare in a ⊙, +/−
 * or = chain beside a sized matrix, where unification can only give it that matrix's shape):
 * shapes computed bottom-up by core's `SHAPE_RULES` (the one table of shape rules; nothing here
 * restates a rule), long ⊙, +/− and product chains folded in a loop. Anything the rules cannot
 * decide without unification (undeclared names, J/0/I elsewhere or beside a scalar or 1×1 matrix,
 * indices), and any mismatch, returns undefined and core's `inferShapes` does the work (and
 * reports errors with spans).
 */
export function quickShapes(expr: Expr, givens: Givens): Pick<ShapeTable, 'shapeOf'> | undefined {
  const walk = new QuickWalk(givens);
  // A child without a shape ends the walk at once: `inferShapes` takes over.
  const root = foldTree<Expr, Quick>(expr, (e) => walk.expand(e), { aborts: (q) => q === undefined });
  if (!root || isPending(root)) return undefined;
  return {
    shapeOf: (node: Expr): Shape => {
      const s = walk.leaves.get(node);
      if (!s) throw new OdotException(odotError('unknown-node', 'internal: a leaf without a shape'));
      return s;
    },
  };
}

/** One fast-path walk: the shapes of the leaves (symbols and constants) found so far. */
class QuickWalk {
  readonly leaves = new Map<Expr, Shape>();

  constructor(private readonly givens: Givens) {}

  /** The children of `e` and how their quick shapes combine: chains by their rule, leaves by the declarations. */
  expand(e: Expr): FoldStep<Expr, Quick> {
    switch (e.type) {
      case 'Hadamard':
        return this.chain(e, operandsOf(e, HADAMARD_CHAIN));
      case 'Add':
      case 'Sub':
        return this.chain(e, operandsOf(e, SUM_CHAIN));
      case 'Equal':
      case 'NotEqual':
        return this.chain(e, [e.left, e.right]);
      case 'MatMul': {
        const parts = operandsOf(e, MATMUL_CHAIN);
        return { children: parts, combine: (quick) => this.product(e, parts, quick) };
      }
      case 'Identifier':
      case 'Ones':
      case 'Zero':
      case 'Identity': {
        const q = this.leaf(e);
        return { children: [], combine: () => q };
      }
      default:
        return {
          children: childrenOf(e),
          combine: (kids) => (kids.every((k): k is Shape => k !== undefined && !isPending(k)) ? shapeByRule(e, kids, this.givens) : undefined),
        };
    }
  }

  /** A symbol or constant: its declared or written shape, or pending when it is a bare constant. */
  private leaf(e: Expr): Quick {
    const s = shapeByRule(e, [], this.givens);
    if (s) this.leaves.set(e, s);
    return s ?? (bareConstant(e) ? { pending: [e] } : undefined);
  }

  private chain(e: Expr, parts: readonly Expr[]): FoldStep<Expr, Quick> {
    return { children: parts, combine: (quick) => this.combine(e, quick) };
  }

  /** Gives the bare constants `pending` the matrix shape `shape`; false when unification might decide otherwise. */
  private settle(pending: readonly Expr[], shape: Shape): boolean {
    if (pending.length === 0) return true;
    // Beside a scalar only a bare 0 is sized (it is the number 0); beside a 1×1 matrix nothing is.
    if (shape.kind === 'matrix' ? shape.rows === 1 && shape.cols === 1 : pending.some((e) => e.type !== 'Zero')) return false;
    for (const e of pending) {
      if (e.type === 'Identity' && (shape.kind !== 'matrix' || !dimEquals(shape.rows, shape.cols))) return false;
      const before = this.leaves.get(e);
      if (before && !shapeEquals(before, shape)) return false; // one node object at two places
      this.leaves.set(e, shape);
    }
    return true;
  }

  /** Known parts combined by the chain's rule; bare constants take the result. */
  private combine(e: Expr, quick: readonly Quick[]): Quick {
    let acc: Shape | undefined;
    const pending: Expr[] = [];
    for (const q of quick) {
      if (q === undefined) return undefined;
      if (isPending(q)) {
        pending.push(...q.pending);
        continue;
      }
      acc = acc ? shapeByRule(e, [acc, q]) : q;
      if (!acc) return undefined;
    }
    if (!acc) return pending.length > 0 ? { pending } : undefined;
    return this.settle(pending, acc) ? acc : undefined;
  }

  /**
   * A product chain: a bare `I` takes its size from the matrix before it (its columns) or, at the
   * start, from the first matrix after it (its rows); any other bare constant is left to unification.
   */
  private product(e: Expr, parts: readonly Expr[], quick: readonly Quick[]): Quick {
    let acc: Shape | undefined;
    let waiting: Expr[] = [];
    const size = (ids: readonly Expr[], n: Dim): boolean => n !== 1 && this.settle(ids, matrixShape(n, n));
    for (const [k, part] of parts.entries()) {
      const q = quick[k];
      if (q === undefined) return undefined;
      if (isPending(q)) {
        if (q.pending.length !== 1 || q.pending[0] !== part || part.type !== 'Identity') return undefined;
        if (acc?.kind === 'matrix') {
          if (!size([part], acc.cols)) return undefined;
        } else waiting.push(part);
        continue;
      }
      if (waiting.length > 0) {
        if (q.kind !== 'matrix' || !size(waiting, q.rows)) return undefined;
        // The identities stood before this factor: the product so far is theirs, then this factor.
        acc = acc ? shapeByRule(e, [acc, matrixShape(q.rows, q.rows)]) : matrixShape(q.rows, q.rows);
        if (!acc) return undefined;
        waiting = [];
      }
      acc = acc ? shapeByRule(e, [acc, q]) : q;
      if (!acc) return undefined;
    }
    return waiting.length > 0 ? undefined : acc;
  }
}
