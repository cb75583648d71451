import {
  add,
  assertNever,
  childrenOf,
  claim,
  det,
  diag,
  diagVec,
  entry,
  equal,
  hadamard,
  hadamardPower,
  identifier,
  identity,
  inverse,
  isOpenDim,
  kronecker,
  matMul,
  matrixLiteral,
  matrixPower,
  neg,
  notEqual,
  numberLiteral,
  ones,
  scalarMul,
  sub,
  sum,
  trace,
  transpose,
  zero,
  type Dim,
  type DimLiteral,
  type Expr,
  type Property,
  foldTree,
  type FoldStep,
} from '@odot/core';
import { formatRational, rational, rneg, type Rational } from '@odot/numeric';

import { splitCoefficient, type LeafTerm, type Term } from './term.ts';

/** A term to print and whether a constant (`J`, `0`, `I`) there must carry its size. */
type Task = readonly [Term, boolean];
type Plan = FoldStep<Task, Expr>;

/**
 * Converts a term back to an expression (no spans). Sums with negative coefficients print as
 * differences; `J`, `0` and `I` carry their size only where the context does not fix it. Iterative
 * (any depth), and each node ticks against the active budgets, so printing inside a budgeted call
 * stops with it.
 */
export function termToExpr(t: Term, sized = true): Expr {
  // Terms are shared, so is their printed form: converting the steps of a long simplification
  // re-uses every unchanged subterm (expressions are immutable). Leaves are not shared: an
  // unsized `J` takes its shape from where it stands, and shape tables are keyed by node.
  return foldTree<Task, Expr>([t, sized], planOf, {
    known: ([x, s]) => (x.args.length === 0 ? undefined : (x.memo.get(memoKey(s)) as Expr | undefined)),
    done: ([x, s], e) => {
      if (x.args.length > 0) x.memo.set(memoKey(s), e);
    },
  });
}

function memoKey(sized: boolean): string {
  return sized ? 'expr:sized' : 'expr:free';
}

/** A plan with no children: the expression is built at once. */
function leaf(e: () => Expr): Plan {
  return { children: [], combine: e };
}

/** Every child printed sized (the default of `termToExpr`), combined by `build`. */
function sizedChildren(t: Term, build: (kids: readonly Expr[]) => Expr): Plan {
  return { children: t.args.map((a): Task => [a, true]), combine: build };
}

/** Reads the `i`-th result of a plan's children (present by construction). */
function kid(kids: readonly Expr[], i: number): Expr {
  return kids[i] as Expr;
}

/** The expression of each operator whose children all print sized, from their expressions. */
const SIZED_BUILDERS = {
  kron: (k) => kronecker(kid(k, 0), kid(k, 1)),
  transpose: (k) => transpose(kid(k, 0)),
  inverse: (k) => inverse(kid(k, 0)),
  diag: (k) => diag(kid(k, 0)),
  diagvec: (k) => diagVec(kid(k, 0)),
  trace: (k) => trace(kid(k, 0)),
  det: (k) => det(kid(k, 0)),
  hpow: (k) => hadamardPower(kid(k, 0), kid(k, 1)),
  mpow: (k) => matrixPower(kid(k, 0), kid(k, 1)),
  entry: (k) => entry(kid(k, 0), kid(k, 1), kid(k, 2)),
  eq: (k) => equal(kid(k, 0), kid(k, 1)),
  ne: (k) => notEqual(kid(k, 0), kid(k, 1)),
} satisfies Partial<Record<Term['op'], (kids: readonly Expr[]) => Expr>>;

function planOf([t, sized]: Task): Plan {
  switch (t.op) {
    case 'sym':
    case 'pvar':
    case 'num':
    case 'ones':
    case 'zero':
    case 'identity':
      return leafPlan(t, sized);
    case 'lit': {
      const [r, c] = t.data.split('×').map(Number) as [number, number];
      return sizedChildren(t, (kids) => matrixLiteral(Array.from({ length: r }, (_, i) => kids.slice(i * c, (i + 1) * c))));
    }
    case 'had': {
      // Constants take their size from a sibling that mentions a symbol; otherwise they print sized.
      const free = t.args.some((a) => a.symbolic);
      return { children: t.args.map((a): Task => [a, !free]), combine: (kids) => kids.reduce((l, r) => hadamard(l, r)) };
    }
    case 'add':
      return sumPlan(t);
    case 'mul':
      return t.shape.kind === 'scalar' ? scalarProductPlan(t) : productPlan(t);
    case 'smul':
      return scalarMultiplePlan(t);
    case 'sum':
      return sizedChildren(t, (k) => sum(t.data, kid(k, 0)));
    case 'claim':
      return sizedChildren(t, (k) => claim(t.data as Property, kid(k, 0)));
    case 'kron':
    case 'transpose':
    case 'inverse':
    case 'diag':
    case 'diagvec':
    case 'trace':
    case 'det':
    case 'hpow':
    case 'mpow':
    case 'entry':
    case 'eq':
    case 'ne':
      return sizedChildren(t, SIZED_BUILDERS[t.op]);
  }
}

/** A symbol, a number, or a constant that carries its size when `sized` and its size is known. */
function leafPlan(t: LeafTerm, sized: boolean): Plan {
  const s = t.shape;
  switch (t.op) {
    case 'sym':
    case 'pvar':
      return leaf(() => identifier(t.data));
    case 'num':
      return leaf(() => numberExpr(t.value ?? rational(0n)));
    case 'ones':
    case 'zero': {
      const make = t.op === 'ones' ? ones : zero;
      return leaf(() => (s.kind === 'matrix' && sized && known(s.rows) && known(s.cols) ? make(s.rows, s.cols) : make()));
    }
    case 'identity':
      return leaf(() => (s.kind === 'matrix' && sized && known(s.rows) ? identity(s.rows) : identity()));
    default:
      return assertNever(t.op);
  }
}

/** A sum: a summand with a negative coefficient after the first prints as a difference. */
function sumPlan(t: Term): Plan {
  const free = t.args.some((a) => a.symbolic);
  // For each summand after the first: the coefficient it is subtracted with, or undefined (added).
  const subtracted: (Rational | undefined)[] = [];
  const children = t.args.map((a, i): Task => {
    if (i === 0) return [a, !free];
    const [q, rest] = splitCoefficient(a);
    if (q.num < 0n) {
      subtracted[i] = rneg(q);
      return [rest, !free];
    }
    return [a, !free];
  });
  return {
    children,
    combine: (kids) => {
      let out: Expr | undefined;
      kids.forEach((k, i) => {
        const q = subtracted[i];
        out = out === undefined ? k : q === undefined ? add(out, k) : sub(out, scaled(q, k));
      });
      return out ?? numberLiteral('0');
    },
  };
}

/** A product of scalars: its number first, as a coefficient. */
function scalarProductPlan(t: Term): Plan {
  const q = t.args.find((a) => a.op === 'num')?.value;
  const rest = t.args.filter((a) => a.op !== 'num');
  return {
    children: rest.map((a): Task => [a, true]),
    combine: (kids) => {
      const body = kids.reduce((l, r) => matMul(l, r));
      return q ? scaled(q, body) : body;
    },
  };
}

/** A matrix product: a neighbouring matrix fixes the inner sizes of `J`, `0` and `I`. */
function productPlan(t: Term): Plan {
  const n = t.args.length;
  const isConstant = (a: Term | undefined): boolean => a !== undefined && (a.op === 'ones' || a.op === 'zero' || a.op === 'identity');
  const children = t.args.map((a, i): Task => {
    // A neighbouring constant fixes nothing: beside one, J, 0 and I keep their size (`0 0` alone leaves the inner size open).
    const besideConstant = isConstant(t.args[i - 1]) || isConstant(t.args[i + 1]);
    if (a.op === 'identity') return [a, besideConstant];
    // J or 0 inside a product: its inner side is fixed by its neighbour, the outer one only at the ends.
    if (a.op === 'ones' || a.op === 'zero') return [a, i === 0 || i === n - 1 || besideConstant];
    return [a, true];
  });
  return { children, combine: (kids) => kids.reduce((l, r) => matMul(l, r)) };
}

/** A scalar multiple: a number coefficient prints as `-x`, `2x`, `1/2 x`; any other scalar as a product. */
function scalarMultiplePlan(t: Term): Plan {
  const [q, rest] = splitCoefficient(t);
  if (rest === t) return sizedChildren(t, (k) => matMul(kid(k, 0), kid(k, 1)));
  if (rest.op === 'smul') return sizedChildren(rest, (k) => scaled(q, matMul(kid(k, 0), kid(k, 1))));
  return { children: [[rest, true]], combine: (k) => scaled(q, kid(k, 0)) };
}

/** A size an `Expr` can carry as written: a number or one symbol (a product `m·p` or an open `?3` is left to context). */
function known(d: Dim): d is DimLiteral {
  return typeof d === 'number' || (typeof d === 'string' && !isOpenDim(d));
}

function numberExpr(q: Rational): Expr {
  if (q.num < 0n) return neg(numberExpr(rneg(q)));
  return numberLiteral(formatRational(q));
}

/** `q·x` printed the way the parser reads it back: `-x`, `-2x`, `2x`, `1/2 x`. */
function scaled(q: Rational, x: Expr): Expr {
  if (q.num < 0n) {
    const abs = rneg(q);
    return neg(abs.num === 1n && abs.den === 1n ? x : scalarMul(numberLiteral(formatRational(abs)), x));
  }
  return q.num === 1n && q.den === 1n ? x : scalarMul(numberLiteral(formatRational(q)), x);
}

/** Written expressions nested deeper than this are evaluated through their canonical terms (see `evaluable`). */
const EVALUABLE_DEPTH = 256;

/**
 * The expression to hand to `@odot/numeric`'s evaluator for `e` (whose term is `t`): `e` itself,
 * or, when `e` is nested more than 256 levels deep, `t` printed back. Both have the same value; the
 * evaluator recurses into nesting (`A ⊙ (A ⊙ (…))` 10 000 deep exhausts the stack) but evaluates
 * the left-nested ⊙ and + chains of a printed term in a loop.
 */
export function evaluable(e: Expr, t: Term): Expr {
  return deeperThan(e, EVALUABLE_DEPTH) ? termToExpr(t) : e;
}

/** True when `e` has a path longer than `limit` nodes (an iterative walk that stops there). */
function deeperThan(e: Expr, limit: number): boolean {
  const stack: [Expr, number][] = [[e, 1]];
  while (stack.length > 0) {
    const [x, depth] = stack.pop() as [Expr, number];
    if (depth > limit) return true;
    for (const child of childrenOf(x)) stack.push([child, depth + 1]);
  }
  return false;
}
