import {
  OdotException,
  assertNever,
  childrenOf,
  fail,
  inferShapes,
  odotError,
  ok,
  shapeByRule,
  type Expr,
  type Givens,
  type Property,
  type Result,
  type Shape,
  type ShapeTable,
} from '@odot/core';
import { parseRational } from '@odot/numeric';
import { foldTree, type FoldStep } from './fold-tree.ts';
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
  type Term,
} from './term.ts';

/** How identifiers become terms: symbols of the givens, or pattern variables of a law. */
export interface ToTermOptions {
  /** Identifiers become pattern variables (law statements). */
  readonly patterns?: boolean;
}

/**
 * Converts an expression to its canonical term: shapes come from core's `inferShapes` (a shape
 * error is a failure), declared properties from the givens. Every walk is iterative (any depth),
 * and each node visited ticks against the active budgets (core's `tick`; new terms also count as
 * built, `termBuilt`), so a conversion inside a budgeted call stops with it.
 */
export function exprToTerm(expr: Expr, givens: Givens = new Map(), options: ToTermOptions = {}): Result<Term> {
  let table: Pick<ShapeTable, 'shapeOf'> | undefined = quickShapes(expr, givens);
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

/**
 * A fast path for the common case (every symbol declared, every J/0/I sized): shapes computed
 * bottom-up by core's `SHAPE_RULES`, long ⊙, +/− and product chains folded in a loop. Anything the
 * rules cannot decide without unification (undeclared names, unsized J/0/I, indices), and any
 * mismatch, returns undefined and core's `inferShapes` does the work (and reports errors with spans).
 */
function quickShapes(expr: Expr, givens: Givens): Pick<ShapeTable, 'shapeOf'> | undefined {
  const leaves = new Map<Expr, Shape>();
  const chain = (e: Expr, types: ReadonlySet<Expr['type']>): FoldStep<Expr, Shape | undefined> => ({
    children: operandsOf(e, types),
    combine: (shapes) => {
      let acc: Shape | undefined;
      for (const s of shapes) {
        acc = s && (acc ? shapeByRule(e, [acc, s]) : s);
        if (!acc) return undefined;
      }
      return acc;
    },
  });
  const expand = (e: Expr): FoldStep<Expr, Shape | undefined> => {
    switch (e.type) {
      case 'Hadamard':
        return chain(e, HADAMARD_CHAIN);
      case 'Add':
      case 'Sub':
        return chain(e, SUM_CHAIN);
      case 'MatMul':
        return chain(e, MATMUL_CHAIN);
      case 'Identifier':
      case 'Ones':
      case 'Zero':
      case 'Identity': {
        const s = shapeByRule(e, [], givens);
        if (s) leaves.set(e, s);
        return { children: [], combine: () => s };
      }
      default:
        return { children: childrenOf(e), combine: (kids) => shapeByRule(e, kids as Shape[], givens) };
    }
  };
  // A child without a shape ends the walk at once: `inferShapes` takes over.
  const shape = foldTree<Expr, Shape | undefined>(expr, expand, { aborts: (s) => s === undefined });
  if (!shape) return undefined;
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

/** The children of a node and the term they make (`arg(k, i)` reads the i-th child's term). */
function build(children: readonly Expr[], combine: (kids: readonly Term[]) => Term): Plan {
  return { children, combine };
}

function arg(kids: readonly Term[], i: number): Term {
  return kids[i] as Term;
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
        return build([e.left, e.right], (k) => mkBinary('kron', arg(k, 0), arg(k, 1)));
      case 'Equal':
        return build([e.left, e.right], (k) => mkBinary('eq', arg(k, 0), arg(k, 1)));
      case 'NotEqual':
        return build([e.left, e.right], (k) => mkBinary('ne', arg(k, 0), arg(k, 1)));
      case 'HadamardPower':
        return build([e.base, e.exponent], (k) => mkBinary('hpow', arg(k, 0), arg(k, 1)));
      case 'MatrixPower':
        return build([e.base, e.exponent], (k) => mkBinary('mpow', arg(k, 0), arg(k, 1)));
      case 'ScalarMul':
        return build([e.scalar, e.operand], (k) => mkSmul(arg(k, 0), arg(k, 1)));
      case 'Neg':
        return build([e.operand], (k) => mkNeg(arg(k, 0)));
      case 'Transpose':
      case 'Inverse':
      case 'Diag':
      case 'DiagVec':
      case 'Trace':
      case 'Det': {
        const op = UNARY_OPS[e.type];
        return build([e.operand], (k) => mkUnary(op, arg(k, 0)));
      }
      case 'Entry':
        return build([e.matrix, e.row, e.col], (k) => mkEntry(arg(k, 0), arg(k, 1), arg(k, 2)));
      case 'Sum':
        return build([e.body], (k) => mkSum(e.index, arg(k, 0)));
      case 'Claim':
        return build([e.operand], (k) => mkClaim(e.property, arg(k, 0)));
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
