import {
  OdotException,
  add,
  assertNever,
  claim,
  det,
  diag,
  diagVec,
  entry,
  equal,
  fail,
  hadamard,
  hadamardPower,
  identifier,
  identity,
  inferShapes,
  inverse,
  kronecker,
  matMul,
  matrixLiteral,
  matrixPower,
  neg,
  notEqual,
  numberLiteral,
  ok,
  ones,
  scalarMul,
  sub,
  sum,
  trace,
  transpose,
  zero,
  odotError,
  type Dim,
  type DimLiteral,
  childrenOf,
  dimEquals,
  matrixShape,
  isOpenDim,
  shapeEquals,
  shapeByRule,
  tick,
  type Expr,
  type Givens,
  type Property,
  type Result,
  type Shape,
  type ShapeTable,
} from '@odot/core';
import { formatRational, parseRational, rational, rneg, type Rational } from '@odot/numeric';
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
  splitCoefficient,
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
 * error is a failure), declared properties from the givens. The fast path's shape walk ticks
 * against the active budgets (core's `tick`) and every new term counts as built (`termBuilt`), so a
 * conversion inside a budgeted call stops with it.
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
 * shapes computed bottom-up by core's `SHAPE_RULES`, long ⊙, +/− and product chains in a loop.
 * Anything the rules cannot decide without unification (undeclared names, J/0/I elsewhere or
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
  const product = (e: Expr): Quick => {
    let acc: Shape | undefined;
    let waiting: Expr[] = [];
    const size = (ids: readonly Expr[], n: Dim): boolean => n !== 1 && settle(ids, matrixShape(n, n));
    for (const part of operandsOf(e, MATMUL_CHAIN)) {
      const q = go(part);
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
  const combine = (e: Expr, parts: readonly Expr[]): Quick => {
    let acc: Shape | undefined;
    const pending: Expr[] = [];
    for (const part of parts) {
      const q = go(part);
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
  // The walk recurses into non-chain nodes; past QUICK_DEPTH levels (20,000 nested transposes)
  // it gives up and core's iterative `inferShapes` does the work.
  let depth = 0;
  const go = (e: Expr): Quick => {
    if (depth >= QUICK_DEPTH) return undefined;
    depth += 1;
    try {
      return visit(e);
    } finally {
      depth -= 1;
    }
  };
  const visit = (e: Expr): Quick => {
    tick();
    switch (e.type) {
      case 'Hadamard':
        return combine(e, operandsOf(e, HADAMARD_CHAIN));
      case 'Add':
      case 'Sub':
        return combine(e, operandsOf(e, SUM_CHAIN));
      case 'MatMul':
        return product(e);
      case 'Equal':
      case 'NotEqual':
        return combine(e, [e.left, e.right]);
      case 'Identifier':
      case 'Ones':
      case 'Zero':
      case 'Identity': {
        const s = shapeByRule(e, [], givens);
        if (s) leaves.set(e, s);
        return s ?? (bareConstant(e) ? { pending: [e] } : undefined);
      }
      default: {
        const kids: Shape[] = [];
        for (const child of childrenOf(e)) {
          const s = go(child);
          if (!s || isPending(s)) return undefined;
          kids.push(s);
        }
        return shapeByRule(e, kids, givens);
      }
    }
  };
  const root = go(expr);
  if (!root || isPending(root)) return undefined;
  return {
    shapeOf: (node: Expr): Shape => {
      const s = leaves.get(node);
      if (!s) throw new OdotException(odotError('unknown-node', 'internal: a leaf without a shape'));
      return s;
    },
  };
}

/** How deep the fast path's recursive walk goes before leaving the tree to `inferShapes`. */
const QUICK_DEPTH = 1000;

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

/** The summands of a chain of + and − (a − b contributes −b; a − (b + c) contributes −(b + c)). */
function summands(e: Expr, go: (x: Expr) => Term): Term[] {
  const out: Term[] = [];
  const stack: [Expr, boolean][] = [[e, false]];
  while (stack.length > 0) {
    const [x, negative] = stack.pop() as [Expr, boolean];
    // A negated sum stays one summand −(b + c): distributing the minus is a law (smul_add).
    if (x.type === 'Add' && !negative) stack.push([x.right, false], [x.left, false]);
    else if (x.type === 'Sub' && !negative) stack.push([x.right, true], [x.left, false]);
    else out.push(negative ? mkNeg(go(x)) : go(x));
  }
  return out;
}

function convert(e: Expr, table: Pick<ShapeTable, 'shapeOf'>, givens: Givens, patterns: boolean): Term {
  const go = (x: Expr): Term => convert(x, table, givens, patterns);
  switch (e.type) {
    case 'Identifier': {
      const shape = table.shapeOf(e);
      const declared: readonly Property[] = [...(givens.get(e.name)?.properties ?? [])];
      return patterns ? mkPvar(e.name, shape, declared) : mkSym(e.name, shape, declared);
    }
    case 'NumberLiteral': {
      const q = parseRational(e.value);
      if (!q) throw new OdotException(odotError('bad-number', `cannot read the number '${e.value}'`));
      return mkNum(q);
    }
    case 'MatrixLiteral': {
      const rows = e.rows.length;
      const cols = e.rows[0]?.length ?? 0;
      return mkLit(rows, cols, e.rows.flatMap((row) => row.map(go)));
    }
    case 'Hadamard':
      return mkHad(operandsOf(e, HADAMARD_CHAIN).map(go));
    case 'MatMul':
      // Not flattened here: `A (c B)` must stay a product with a scalar multiple inside (mul_smul).
      return mkMul([go(e.left), go(e.right)]);
    case 'Kronecker':
      return mkBinary('kron', go(e.left), go(e.right));
    case 'Add':
    case 'Sub':
      return mkAdd(summands(e, go));
    case 'Neg':
      return mkNeg(go(e.operand));
    case 'ScalarMul':
      return mkSmul(go(e.scalar), go(e.operand));
    case 'Transpose':
      return mkUnary('transpose', go(e.operand));
    case 'Inverse':
      return mkUnary('inverse', go(e.operand));
    case 'Diag':
      return mkUnary('diag', go(e.operand));
    case 'DiagVec':
      return mkUnary('diagvec', go(e.operand));
    case 'Trace':
      return mkUnary('trace', go(e.operand));
    case 'Det':
      return mkUnary('det', go(e.operand));
    case 'HadamardPower':
      return mkBinary('hpow', go(e.base), go(e.exponent));
    case 'MatrixPower':
      return mkBinary('mpow', go(e.base), go(e.exponent));
    case 'Ones': {
      const s = table.shapeOf(e);
      return s.kind === 'matrix' ? mkOnes(s.rows, s.cols) : mkInt(1);
    }
    case 'Zero':
      return mkZero(table.shapeOf(e));
    case 'Identity': {
      const s = table.shapeOf(e);
      return s.kind === 'matrix' ? mkIdentity(s.rows) : mkInt(1);
    }
    case 'Entry':
      return mkEntry(go(e.matrix), go(e.row), go(e.col));
    case 'Sum':
      return mkSum(e.index, go(e.body));
    case 'Equal':
      return mkBinary('eq', go(e.left), go(e.right));
    case 'NotEqual':
      return mkBinary('ne', go(e.left), go(e.right));
    case 'Claim':
      return mkClaim(e.property, go(e.operand));
    default:
      return assertNever(e);
  }
}

// ---------------------------------------------------------------- back to Expr

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

/**
 * Converts a term back to an expression (no spans). Sums with negative coefficients print as
 * differences; `J`, `0` and `I` carry their size only where the context does not fix it.
 */
export function termToExpr(t: Term, sized = true): Expr {
  // Terms are shared, so is their printed form: converting the steps of a long simplification
  // re-uses every unchanged subterm (expressions are immutable). Leaves are not shared: an
  // unsized `J` takes its shape from where it stands, and shape tables are keyed by node.
  if (t.args.length === 0) return termToExprOnce(t, sized);
  const key = sized ? 'expr:sized' : 'expr:free';
  const known = t.memo.get(key);
  if (known !== undefined) return known as Expr;
  const e = termToExprOnce(t, sized);
  t.memo.set(key, e);
  return e;
}

function termToExprOnce(t: Term, sized: boolean): Expr {
  switch (t.op) {
    case 'sym':
    case 'pvar':
      return identifier(t.data);
    case 'num':
      return numberExpr(t.value ?? rational(0n));
    case 'ones':
    case 'zero': {
      const s = t.shape;
      const make = t.op === 'ones' ? ones : zero;
      if (s.kind === 'matrix' && sized && known(s.rows) && known(s.cols)) return make(s.rows, s.cols);
      return make();
    }
    case 'identity': {
      const s = t.shape;
      return s.kind === 'matrix' && sized && known(s.rows) ? identity(s.rows) : identity();
    }
    case 'lit': {
      const [r, c] = t.data.split('×').map(Number) as [number, number];
      const rows: Expr[][] = [];
      for (let i = 0; i < r; i++) rows.push(t.args.slice(i * c, (i + 1) * c).map((x) => termToExpr(x)));
      return matrixLiteral(rows);
    }
    case 'had': {
      // Constants take their size from a sibling that mentions a symbol; otherwise they print sized.
      const free = t.args.some(mentionsSymbol);
      return t.args.map((a) => termToExpr(a, !free)).reduce((l, r) => hadamard(l, r));
    }
    case 'add': {
      const free = t.args.some(mentionsSymbol);
      let out: Expr | undefined;
      for (const a of t.args) {
        const [q, rest] = splitCoefficient(a);
        if (out === undefined) {
          out = termToExpr(a, !free);
        } else if (q.num < 0n) {
          out = sub(out, scaled(rneg(q), termToExpr(rest, !free)));
        } else {
          out = add(out, termToExpr(a, !free));
        }
      }
      return out ?? numberLiteral('0');
    }
    case 'mul': {
      if (t.shape.kind === 'scalar') {
        const nums = t.args.filter((a) => a.op === 'num');
        const rest = t.args.filter((a) => a.op !== 'num');
        const body = rest.map((a) => termToExpr(a)).reduce((l, r) => matMul(l, r));
        const q = nums[0]?.value;
        return q ? scaled(q, body) : body;
      }
      const n = t.args.length;
      const isConstant = (a: Term | undefined): boolean => a !== undefined && (a.op === 'ones' || a.op === 'zero' || a.op === 'identity');
      return t.args
        .map((a, i) => {
          // A neighbouring constant fixes nothing: beside one, J, 0 and I keep their size (`0 0` alone leaves the inner size open).
          const besideConstant = isConstant(t.args[i - 1]) || isConstant(t.args[i + 1]);
          if (a.op === 'identity') return termToExpr(a, besideConstant);
          // J or 0 inside a product: its inner side is fixed by its neighbour, the outer one only at the ends.
          if (a.op === 'ones' || a.op === 'zero') return termToExpr(a, i === 0 || i === n - 1 || besideConstant);
          return termToExpr(a);
        })
        .reduce((l, r) => matMul(l, r));
    }
    case 'smul': {
      const [q, rest] = splitCoefficient(t);
      if (rest === t) {
        const s = t.args[0];
        const x = t.args[1];
        return matMul(termToExpr(s), termToExpr(x));
      }
      if (rest.op === 'smul') {
        return scaled(q, matMul(termToExpr(rest.args[0]), termToExpr(rest.args[1])));
      }
      return scaled(q, termToExpr(rest));
    }
    case 'kron':
      return kronecker(termToExpr(t.args[0]), termToExpr(t.args[1]));
    case 'transpose':
      return transpose(termToExpr(t.args[0]));
    case 'inverse':
      return inverse(termToExpr(t.args[0]));
    case 'diag':
      return diag(termToExpr(t.args[0]));
    case 'diagvec':
      return diagVec(termToExpr(t.args[0]));
    case 'trace':
      return trace(termToExpr(t.args[0]));
    case 'det':
      return det(termToExpr(t.args[0]));
    case 'hpow':
      return hadamardPower(termToExpr(t.args[0]), termToExpr(t.args[1]));
    case 'mpow':
      return matrixPower(termToExpr(t.args[0]), termToExpr(t.args[1]));
    case 'entry':
      return entry(termToExpr(t.args[0]), termToExpr(t.args[1]), termToExpr(t.args[2]));
    case 'sum':
      return sum(t.data, termToExpr(t.args[0]));
    case 'eq':
      return equal(termToExpr(t.args[0]), termToExpr(t.args[1]));
    case 'ne':
      return notEqual(termToExpr(t.args[0]), termToExpr(t.args[1]));
    case 'claim':
      return claim(t.data as Property, termToExpr(t.args[0]));
  }
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

function mentionsSymbol(t: Term): boolean {
  const known = t.memo.get('mentionsSymbol');
  if (typeof known === 'boolean') return known;
  const answer = t.op === 'sym' || t.op === 'pvar' || t.args.some(mentionsSymbol);
  t.memo.set('mentionsSymbol', answer);
  return answer;
}

/** True when the term is the number 0 or a zero matrix. */
export function isZeroTerm(t: Term): boolean {
  return t.op === 'zero' || isNum(t, 0);
}
