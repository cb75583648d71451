import {
  MAX_DEPTH,
  OdotException,
  assertNever,
  childrenOf,
  dimEquals,
  equal,
  fail,
  formatShape,
  inferShapes,
  matrixShape,
  odotError,
  ok,
  shapeEquals,
  shapeByRule,
  tooDeep,
  type Dim,
  type Expr,
  type Givens,
  type Property,
  type Result,
  type Shape,
  type ShapeTable,
  foldTree,
  type FoldStep,
} from '@odot/core';
import { parseRational } from '@odot/numeric';

import {
  isNum,
  mkAdd,
  mkBinary,
  mkClaim,
  mkEntry,
  mkHad,
  mkIdentity,
  mkInt,
  mkLit,
  mkMul,
  mkNeg,
  mkNum,
  mkOnes,
  mkPvar,
  mkSmul,
  mkSum,
  mkSym,
  mkUnary,
  mkZero,
  termAt,
  type Term,
} from './term.ts';

/** How identifiers become terms: symbols of the givens, or pattern variables of a law. */
export interface ToTermOptions {
  /** Identifiers become pattern variables (law statements). */
  readonly patterns?: boolean;
  /** False: skip the fast path and always infer shapes by unification (tests compare the two). */
  readonly quick?: boolean;
}

/**
 * Converts an expression to its canonical term: shapes come from core's `inferShapes` (a shape
 * error is a failure), declared properties from the givens. Every walk is iterative (any depth),
 * and each node visited ticks against the active budgets (core's `tick`; new terms also count as
 * built, `termBuilt`), so a conversion inside a budgeted call stops with it.
 */
export function exprToTerm(expr: Expr, givens: Givens = new Map(), options: ToTermOptions = {}): Result<Term> {
  let table: Pick<ShapeTable, 'shapeOf'> | undefined = options.quick === false ? undefined : quickShapes(expr, givens);
  if (!table) {
    const inferred = inferShapes(expr, givens);
    if (!inferred.ok) return inferred;
    table = inferred.value;
  }
  try {
    return ok(convert(expr, table, givens, options.patterns === true));
  } catch (error) {
    if (error instanceof OdotException) return fail(error.error);
    throw error;
  }
}

/** The two sides as terms, their shapes inferred together (1×1 and scalar count as equal). */
export function bothTerms(a: Expr, b: Expr, givens: Givens): Result<readonly [Term, Term]> {
  const joint = exprToTerm(equal(a, b), givens);
  if (joint.ok) return ok([termAt(joint.value.args, 0), termAt(joint.value.args, 1)]);
  const ta = exprToTerm(a, givens);
  if (!ta.ok) return ta;
  const tb = exprToTerm(b, givens);
  if (!tb.ok) return tb;
  const oneByOne = (t: Term) => t.shape.kind === 'scalar' || (t.shape.rows === 1 && t.shape.cols === 1);
  if (oneByOne(ta.value) && oneByOne(tb.value)) return ok([ta.value, tb.value]);
  return fail(
    odotError('shape-mismatch', `the two sides have different shapes: ${formatShape(ta.value.shape)} and ${formatShape(tb.value.shape)}`, {
      hints: [joint.error.message],
    }),
  );
}

/**
 * The deepest term the engine takes: matching, property proofs, normal forms and the index normal
 * form recurse over terms, so a deeper input is answered with `too-deep` (`guardDepth`) before
 * any of them starts. Chains of ⊙, + and the matrix product are one level however long (their
 * terms are n-ary), so only true nesting counts.
 */
export const MAX_TERM_DEPTH = MAX_DEPTH;

/** The terms, or the `too-deep` error of `what` when one of them nests deeper than `MAX_TERM_DEPTH`. */
export function guardDepth<T extends Term | readonly Term[]>(terms: Result<T>, what: string): Result<T> {
  if (!terms.ok) return terms;
  const value: Term | readonly Term[] = terms.value;
  const list: readonly Term[] = 'op' in value ? [value] : value;
  return list.some((t) => t.depth > MAX_TERM_DEPTH) ? fail(tooDeep(what, MAX_TERM_DEPTH)) : terms;
}

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
 * shapes computed bottom-up by core's `SHAPE_RULES`, long ⊙, +/− and product chains folded in a
 * loop. Anything the rules cannot decide without unification (undeclared names, J/0/I elsewhere or
 * beside a scalar or 1×1 matrix, indices), and any mismatch, returns undefined and core's
 * `inferShapes` does the work (and reports errors with spans).
 */
function quickShapes(expr: Expr, givens: Givens): Pick<ShapeTable, 'shapeOf'> | undefined {
  const leaves = new Map<Expr, Shape>();
  /** Gives the bare constants `pending` the matrix shape `shape`; false when unification might decide otherwise. */
  const settle = (pending: readonly Expr[], shape: Shape): boolean => {
    if (pending.length === 0) return true;
    // Beside a scalar only a bare 0 is sized (it is the number 0); beside a 1×1 matrix nothing is.
    if (shape.kind === 'matrix' ? shape.rows === 1 && shape.cols === 1 : pending.some((e) => e.type !== 'Zero')) return false;
    for (const e of pending) {
      if (e.type === 'Identity' && (shape.kind !== 'matrix' || !dimEquals(shape.rows, shape.cols))) return false;
      const before = leaves.get(e);
      if (before && !shapeEquals(before, shape)) return false; // one node object at two places
      leaves.set(e, shape);
    }
    return true;
  };
  /**
   * A product chain: a bare `I` takes its size from the matrix before it (its columns) or, at the
   * start, from the first matrix after it (its rows); any other bare constant is left to unification.
   */
  const product = (e: Expr, parts: readonly Expr[], quick: readonly Quick[]): Quick => {
    let acc: Shape | undefined;
    let waiting: Expr[] = [];
    const size = (ids: readonly Expr[], n: Dim): boolean => n !== 1 && settle(ids, matrixShape(n, n));
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
  };
  /** Known parts combined by the chain's rule; bare constants take the result. */
  const combine = (e: Expr, quick: readonly Quick[]): Quick => {
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
    return settle(pending, acc) ? acc : undefined;
  };
  const chain = (e: Expr, parts: readonly Expr[]): FoldStep<Expr, Quick> => ({ children: parts, combine: (quick) => combine(e, quick) });
  const expand = (e: Expr): FoldStep<Expr, Quick> => {
    switch (e.type) {
      case 'Hadamard':
        return chain(e, operandsOf(e, HADAMARD_CHAIN));
      case 'Add':
      case 'Sub':
        return chain(e, operandsOf(e, SUM_CHAIN));
      case 'Equal':
      case 'NotEqual':
        return chain(e, [e.left, e.right]);
      case 'MatMul': {
        const parts = operandsOf(e, MATMUL_CHAIN);
        return { children: parts, combine: (quick) => product(e, parts, quick) };
      }
      case 'Identifier':
      case 'Ones':
      case 'Zero':
      case 'Identity': {
        const s = shapeByRule(e, [], givens);
        if (s) leaves.set(e, s);
        const q: Quick = s ?? (bareConstant(e) ? { pending: [e] } : undefined);
        return { children: [], combine: () => q };
      }
      default:
        return {
          children: childrenOf(e),
          combine: (kids) => (kids.every((k): k is Shape => k !== undefined && !isPending(k)) ? shapeByRule(e, kids, givens) : undefined),
        };
    }
  };
  // A child without a shape ends the walk at once: `inferShapes` takes over.
  const root = foldTree<Expr, Quick>(expr, expand, { aborts: (q) => q === undefined });
  if (!root || isPending(root)) return undefined;
  return {
    shapeOf: (node: Expr): Shape => {
      const s = leaves.get(node);
      if (!s) throw new OdotException(odotError('unknown-node', 'internal: a leaf without a shape'));
      return s;
    },
  };
}

const HADAMARD_CHAIN: ReadonlySet<Expr['type']> = new Set(['Hadamard']);
const SUM_CHAIN: ReadonlySet<Expr['type']> = new Set(['Add', 'Sub']);
const MATMUL_CHAIN: ReadonlySet<Expr['type']> = new Set(['MatMul']);

/** The operands of a chain of binary operators of the given types (`a ⊙ b ⊙ c` → [a, b, c]), iteratively. */
function operandsOf(e: Expr, types: ReadonlySet<Expr['type']>): Expr[] {
  const out: Expr[] = [];
  const stack: Expr[] = [e];
  while (stack.length > 0) {
    const x = stack.pop() as Expr;
    if (types.has(x.type) && 'left' in x && 'right' in x) {
      stack.push(x.right, x.left);
    } else out.push(x);
  }
  return out;
}

/** The summands of a chain of + and −, each with its sign (a − b gives [a, +], [b, −]; a − (b + c) gives [b + c, −]). */
function summands(e: Expr): [Expr, boolean][] {
  const out: [Expr, boolean][] = [];
  const stack: [Expr, boolean][] = [[e, false]];
  while (stack.length > 0) {
    const [x, negative] = stack.pop() as [Expr, boolean];
    // A negated sum stays one summand −(b + c): distributing the minus is a law (smul_add).
    if (x.type === 'Add' && !negative) stack.push([x.right, false], [x.left, false]);
    else if (x.type === 'Sub' && !negative) stack.push([x.right, true], [x.left, false]);
    else out.push([x, negative]);
  }
  return out;
}

type Plan = FoldStep<Expr, Term>;

/** The children of a node and the term they make (`termAt(k, i)` reads the i-th child's term). */
function build(children: readonly Expr[], combine: (kids: readonly Term[]) => Term): Plan {
  return { children, combine };
}

/** The expression as a term, folded bottom-up without recursion. */
function convert(root: Expr, table: Pick<ShapeTable, 'shapeOf'>, givens: Givens, patterns: boolean): Term {
  const leaf = (make: () => Term): Plan => build([], make);
  const expand = (e: Expr): Plan => {
    switch (e.type) {
      case 'Identifier':
        return leaf(() => {
          const shape = table.shapeOf(e);
          const declared: readonly Property[] = [...(givens.get(e.name)?.properties ?? [])];
          return patterns ? mkPvar(e.name, shape, declared) : mkSym(e.name, shape, declared);
        });
      case 'NumberLiteral':
        return leaf(() => {
          const q = parseRational(e.value);
          if (!q) throw new OdotException(odotError('bad-number', `cannot read the number '${e.value}'`));
          return mkNum(q);
        });
      case 'Ones':
        return leaf(() => {
          const s = table.shapeOf(e);
          return s.kind === 'matrix' ? mkOnes(s.rows, s.cols) : mkInt(1);
        });
      case 'Zero':
        return leaf(() => mkZero(table.shapeOf(e)));
      case 'Identity':
        return leaf(() => {
          const s = table.shapeOf(e);
          return s.kind === 'matrix' ? mkIdentity(s.rows) : mkInt(1);
        });
      case 'MatrixLiteral':
        return build(e.rows.flat(), (kids) => mkLit(e.rows.length, e.rows[0]?.length ?? 0, kids));
      case 'Hadamard':
        return build(operandsOf(e, HADAMARD_CHAIN), mkHad);
      case 'Add':
      case 'Sub': {
        const parts = summands(e);
        return build(
          parts.map(([x]) => x),
          (kids) => mkAdd(kids.map((k, i) => (parts[i]?.[1] ? mkNeg(k) : k))),
        );
      }
      // Not flattened here: `A (c B)` must stay a product with a scalar multiple inside (mul_smul).
      case 'MatMul':
        return build([e.left, e.right], (k) => mkMul(k));
      case 'Kronecker':
        return build([e.left, e.right], (k) => mkBinary('kron', termAt(k, 0), termAt(k, 1)));
      case 'Equal':
        return build([e.left, e.right], (k) => mkBinary('eq', termAt(k, 0), termAt(k, 1)));
      case 'NotEqual':
        return build([e.left, e.right], (k) => mkBinary('ne', termAt(k, 0), termAt(k, 1)));
      case 'HadamardPower':
        return build([e.base, e.exponent], (k) => mkBinary('hpow', termAt(k, 0), termAt(k, 1)));
      case 'MatrixPower':
        return build([e.base, e.exponent], (k) => mkBinary('mpow', termAt(k, 0), termAt(k, 1)));
      case 'ScalarMul':
        return build([e.scalar, e.operand], (k) => mkSmul(termAt(k, 0), termAt(k, 1)));
      case 'Neg':
        return build([e.operand], (k) => mkNeg(termAt(k, 0)));
      case 'Transpose':
      case 'Inverse':
      case 'Diag':
      case 'DiagVec':
      case 'Trace':
      case 'Det': {
        const op = UNARY_OPS[e.type];
        return build([e.operand], (k) => mkUnary(op, termAt(k, 0)));
      }
      case 'Entry':
        return build([e.matrix, e.row, e.col], (k) => mkEntry(termAt(k, 0), termAt(k, 1), termAt(k, 2)));
      case 'Sum':
        return build([e.body], (k) => mkSum(e.index, termAt(k, 0)));
      case 'Claim':
        return build([e.operand], (k) => mkClaim(e.property, termAt(k, 0)));
      default:
        return assertNever(e);
    }
  };
  return foldTree<Expr, Term>(root, expand);
}

/** The term operator of each unary expression node. */
const UNARY_OPS = {
  Transpose: 'transpose',
  Inverse: 'inverse',
  Diag: 'diag',
  DiagVec: 'diagvec',
  Trace: 'trace',
  Det: 'det',
} as const satisfies Partial<Record<Expr['type'], Parameters<typeof mkUnary>[0]>>;

/** True when the term is the number 0 or a zero matrix. */
export function isZeroTerm(t: Term): boolean {
  return t.op === 'zero' || isNum(t, 0);
}
