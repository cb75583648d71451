import type { Givens } from './declaration.ts';
import { dimEquals } from './dim.ts';
import type { Expr } from './expr.ts';
import { type FoldStep, foldTree } from './fold-tree.ts';
import type { ShapeKind } from './shape-domain.ts';
import { notInTree } from './shape-inference.ts';
import { shapeByRule } from './shape-rules.ts';
import { type Shape, matrixShape, shapeEquals } from './shape.ts';
import { childrenOf } from './visitor-keys.ts';

/** The shape of every node of a tree (`inferShapes`' result). */
export interface ShapeTable {
  /** The shape of the root. */
  readonly shape: Shape;
  /** The shape of any node of the tree (by object identity; a shared subtree reports its first occurrence). */
  shapeOf(node: Expr): Shape;
  /** Whether a node of the tree is a scalar, a matrix, or still open (a bare `0` nothing decided; `shapeOf` reads it as a scalar). */
  kindOf(node: Expr): ShapeKind;
}

/**
 * Bare `J`, `0` and `I` (no size written) and the nodes that have their shape (`−J`, `c I`, `J ⊙ J`),
 * waiting for the chain they stand in to give them one shape: under unification they share one
 * shape term that nothing else constrains, so the first known shape they meet is theirs.
 */
interface Pending {
  readonly kind: 'pending';
  readonly members: Expr[];
  /** A `J` or `I` is among them, or a `⊙` took them: they are matrices (a bare `0` alone may be a scalar). */
  matrix: boolean;
  /** An `I` is among them: they are square. */
  square: boolean;
}

/** What the fast path knows of a node: its shape, its pending group, or nothing (undefined: unification decides). */
type Known = Shape | Pending | undefined;

/** Node types whose shape needs unification even when every child's is known (indices, scopes). */
const UNIFIED: ReadonlySet<Expr['type']> = new Set(['Entry', 'Sum']);
const UNKNOWN: FoldStep<Expr, Known> = { children: [], combine: () => undefined };

/** A `J`, `0` or `I` written without any size, as a pending group of its own; undefined otherwise. */
function bareConstant(e: Expr): Pending | undefined {
  const bare = e.type === 'Ones' || e.type === 'Zero' ? e.rows === undefined && e.cols === undefined : e.type === 'Identity' && e.size === undefined;
  return bare ? { kind: 'pending', members: [e], matrix: e.type !== 'Zero', square: e.type === 'Identity' } : undefined;
}

/**
 * The fast path of `inferShapes`: every node's shape bottom-up by core's `SHAPE_RULES` in the
 * ground domain, when each is known: every symbol declared, every `J`, `0`, `I` sized or bare
 * where its chain decides its size (in ⊙, +/−, =, ≠ beside a known shape, through −, c·, and a
 * bare `I` in a product beside a matrix), no entries or sums. On such trees it agrees with
 * unification on every node (`shape-rules.test.ts`); anything else, and any mismatch, is
 * undefined and unification decides (and words the error). Iterative (core's `foldTree`), any
 * chain length, ticking the active budgets once per node as unification does.
 */
export function knownShapes(expr: Expr, givens: Givens): ShapeTable | undefined {
  const walk = new KnownWalk(givens);
  // The first node without a known shape ends the walk: unification decides then.
  const root = foldTree<Expr, Known>(expr, (node) => walk.expand(node), { aborts: (k) => k === undefined });
  if (root === undefined || root.kind === 'pending') return undefined;
  const { table } = walk;
  const shapeOf = (node: Expr): Shape => {
    const shape = table.get(node);
    if (shape === undefined) throw notInTree(node);
    return shape;
  };
  return { shape: root, shapeOf, kindOf: (node) => shapeOf(node).kind };
}

/** One fast-path walk: the shapes found so far. */
class KnownWalk {
  readonly table = new Map<Expr, Shape>();

  constructor(private readonly givens: Givens) {}

  /** The children of `node` and how their shapes combine. */
  expand(node: Expr): FoldStep<Expr, Known> {
    if (UNIFIED.has(node.type)) return UNKNOWN;
    const bare = bareConstant(node);
    if (bare !== undefined) return { children: [], combine: constant(bare) };
    return { children: childrenOf(node), combine: combiner(this, node) };
  }

  /** The shape of `node` from its children's (`kids`). */
  combine(node: Expr, kids: readonly Known[]): Known {
    for (const k of kids) if ((k as Shape | Pending).kind === 'pending') return this.pending(node, kids as readonly (Shape | Pending)[]);
    // Every child has a shape (a child without one has ended the fold already).
    const shape = shapeByRule(node, kids as readonly Shape[], this.givens);
    return shape === undefined ? undefined : this.settled(node, shape);
  }

  /** A node with a pending child: the group grows, meets a known shape and takes it, or unification decides. */
  private pending(node: Expr, kids: readonly (Shape | Pending)[]): Known {
    const [a, b] = kids as [Shape | Pending, Shape | Pending];
    switch (node.type) {
      case 'Neg':
        return grow(a as Pending, node);
      case 'ScalarMul':
        return a.kind === 'scalar' ? grow(b as Pending, node) : undefined;
      case 'Hadamard':
      case 'Add':
      case 'Sub':
      case 'Equal':
      case 'NotEqual': {
        if (a.kind === 'pending' && b.kind === 'pending') return merge(a, b, node, node.type === 'Hadamard');
        const [group, shape] = a.kind === 'pending' ? [a, b as Shape] : [b as Pending, a];
        if (node.type === 'Hadamard' && shape.kind !== 'matrix') return undefined;
        return this.settle(group, shape) ? this.settled(node, shape) : undefined;
      }
      case 'MatMul':
        return this.product(node, a, b);
      default:
        return undefined;
    }
  }

  /** A product with a pending side: a scalar scales it; a bare `I` (or its group) takes its size from the matrix beside it. */
  private product(node: Expr, a: Shape | Pending, b: Shape | Pending): Known {
    if (a.kind === 'pending' && b.kind === 'pending') return a.square && b.square ? merge(a, b, node, true) : undefined;
    const [group, shape] = a.kind === 'pending' ? [a, b as Shape] : [b as Pending, a];
    if (shape.kind === 'scalar') return grow(group, node);
    const size = group === a ? shape.rows : shape.cols;
    if (!group.square || !this.settle(group, matrixShape(size, size))) return undefined;
    return this.settled(node, shape);
  }

  /** Gives every member of `group` the shape `shape`; false when unification would not (a scalar for a matrix, a non-square size for `I`, one node object given two shapes). */
  private settle(group: Pending, shape: Shape): boolean {
    if (shape.kind === 'scalar' ? group.matrix : group.square && !dimEquals(shape.rows, shape.cols)) return false;
    for (const member of group.members) {
      const before = this.table.get(member);
      if (before !== undefined && !shapeEquals(before, shape)) return false;
      this.table.set(member, shape);
    }
    return true;
  }

  /** Records `shape` as `node`'s (its first occurrence's, for a shared subtree) and answers it. */
  private settled(node: Expr, shape: Shape): Shape {
    if (!this.table.has(node)) this.table.set(node, shape);
    return shape;
  }
}

// The fold's closures come from these factories, unnamed: an arrow bound to a name (a property
// `combine: (kids) => …` included) costs a `__name` call per node when the source runs under tsx.
/** A leaf's combine: its known shape or group. */
function constant(known: Known): (kids: readonly Known[]) => Known {
  return () => known;
}

/** A node's combine: `walk.combine` of its children's shapes. */
function combiner(walk: KnownWalk, node: Expr): (kids: readonly Known[]) => Known {
  return (kids) => walk.combine(node, kids);
}

/** The group with `node` in it (a node whose shape term is its child's: `−J`, `c J`). */
function grow(group: Pending, node: Expr): Pending {
  group.members.push(node);
  return group;
}

/** Two groups unified into one at `node` (`J ⊙ 0`, `I + I`, `I I`); the larger takes the smaller's members. */
function merge(a: Pending, b: Pending, node: Expr, matrix: boolean): Pending {
  const [big, small] = a.members.length >= b.members.length ? [a, b] : [b, a];
  for (const member of small.members) big.members.push(member);
  big.matrix = big.matrix || small.matrix || matrix;
  big.square = big.square || small.square;
  return grow(big, node);
}
