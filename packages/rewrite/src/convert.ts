import {
  MAX_DEPTH,
  OdotException,
  assertNever,
  equal,
  fail,
  formatShape,
  inferShapes,
  inferShapesByUnification,
  odotError,
  ok,
  tooDeep,
  type Expr,
  type ExprOf,
  type Givens,
  type Property,
  type Result,
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
import { HADAMARD_CHAIN, operandsOf, summands } from './chains.ts';

/** How identifiers become terms: symbols of the givens, or pattern variables of a law. */
export interface ToTermOptions {
  /** Identifiers become pattern variables (law statements). */
  readonly patterns?: boolean;
  /** False: skip core's fast path on known shapes and infer shapes by unification alone (tests compare the two). */
  readonly quick?: boolean;
}

/**
 * Converts an expression to its canonical term: shapes come from core's `inferShapes` (a shape
 * error is a failure), declared properties from the givens. Every walk is iterative (any depth),
 * and each node visited ticks against the active budgets (core's `tick`; new terms also count as
 * built, `termBuilt`), so a conversion inside a budgeted call stops with it.
 */
export function exprToTerm(expr: Expr, givens: Givens = new Map(), options: ToTermOptions = {}): Result<Term> {
  const table = options.quick === false ? inferShapesByUnification(expr, givens) : inferShapes(expr, givens);
  if (!table.ok) return table;
  try {
    return ok(convert(expr, table.value, givens, options.patterns === true));
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

type Plan = FoldStep<Expr, Term>;

/** The children of a node and the term they make (`termAt(k, i)` reads the i-th child's term). */
function build(children: readonly Expr[], combine: (kids: readonly Term[]) => Term): Plan {
  return { children, combine };
}

/** The expression as a term, folded bottom-up without recursion. */
function convert(root: Expr, table: Pick<ShapeTable, 'shapeOf'>, givens: Givens, patterns: boolean): Term {
  return foldTree<Expr, Term>(root, (e) => (isLeaf(e) ? leafPlan(e, table, givens, patterns) : operatorPlan(e)));
}

/** The nodes without children whose term reads the shape table, the givens or the number text. */
type Leaf = ExprOf<'Identifier' | 'NumberLiteral' | 'Ones' | 'Zero' | 'Identity'>;

const LEAF_TYPES: ReadonlySet<Expr['type']> = new Set(['Identifier', 'NumberLiteral', 'Ones', 'Zero', 'Identity']);

const isLeaf = (e: Expr): e is Leaf => LEAF_TYPES.has(e.type);

/** A symbol (or a law's pattern variable) with its shape and declared properties, a number, or a constant sized by the table. */
function leafPlan(e: Leaf, table: Pick<ShapeTable, 'shapeOf'>, givens: Givens, patterns: boolean): Plan {
  const leaf = (make: () => Term): Plan => build([], make);
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
    default:
      return assertNever(e);
  }
}

/** An operator node: its children and the term they make (⊙ and +/− chains flattened). */
function operatorPlan(e: Exclude<Expr, Leaf>): Plan {
  switch (e.type) {
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
