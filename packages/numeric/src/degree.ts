import type { Expr, ExprOf } from '@odot/core';
import { assertNever, childrenOf } from '@odot/core';
import type { ConcreteShape } from './evaluate-generic.ts';

/**
 * A degree bound for a rational function of the random draws: every entry is N/D with a
 * denominator D shared by the whole value, deg N ≤ `num`, deg D ≤ `den`.
 */
export interface DegreeBound {
  readonly num: number;
  readonly den: number;
}

const CONST: DegreeBound = { num: 0, den: 0 };

/** Brings values to a common denominator: den = Σ denᵢ, num = max(numᵢ + den − denᵢ). */
function common(parts: readonly DegreeBound[]): DegreeBound {
  const den = parts.reduce((s, p) => s + p.den, 0);
  const num = parts.reduce((m, p) => Math.max(m, p.num + den - p.den), 0);
  return { num, den };
}

function times(a: DegreeBound, b: DegreeBound): DegreeBound {
  return { num: a.num + b.num, den: a.den + b.den };
}

function scale(a: DegreeBound, k: number): DegreeBound {
  return { num: a.num * k, den: a.den * k };
}

/** Everything `degreeBound` needs to know about the evaluated tree. */
export interface DegreeContext {
  /** The degree of a bound symbol's entries in the draws (2 for psd BBᵀ, 1 otherwise), undefined for indices. */
  symbolDegree(name: string): number | undefined;
  /** The concrete shape each node evaluated to (recorded during evaluation). */
  shapeOf(node: Expr): ConcreteShape | undefined;
  /** An upper bound for any summation range. */
  readonly maxRange: number;
  /** The values of symbolic sizes and declared naturals (constant exponents such as `n` in `A^n`). */
  readonly dims?: ReadonlyMap<string, number>;
}

function entriesOf(s: ConcreteShape | undefined): number {
  return s === undefined || s === 'scalar' ? 1 : s.rows * s.cols;
}

function sizeOf(s: ConcreteShape | undefined): number {
  return s === undefined || s === 'scalar' ? 1 : s.rows;
}

/** The value of a constant exponent: numbers, sizes and declared naturals (`n`, `k + 1`, `2 n`), else NaN. */
function exponentOf(e: Expr, dims: ReadonlyMap<string, number>): number {
  switch (e.type) {
    case 'NumberLiteral':
      return Number(e.value);
    case 'Identifier':
      return dims.get(e.name) ?? Number.NaN;
    case 'Neg':
      return -exponentOf(e.operand, dims);
    case 'Add':
      return exponentOf(e.left, dims) + exponentOf(e.right, dims);
    case 'Sub':
      return exponentOf(e.left, dims) - exponentOf(e.right, dims);
    case 'MatMul':
      return exponentOf(e.left, dims) * exponentOf(e.right, dims);
    case 'ScalarMul':
      return exponentOf(e.scalar, dims) * exponentOf(e.operand, dims);
    default:
      return Number.NaN;
  }
}

/** The inverse of an m-entry (k×k) value N/D: entries adj(N)·D/det(N), or D/Nᵢⱼ for the Hadamard inverse. */
function inverseBound(a: DegreeBound, k: number): DegreeBound {
  return { num: a.den + (k - 1) * a.num, den: k * a.num };
}

/** The bound of a child node (the recursion `degreeBound` runs). */
type Bound = (e: Expr) => DegreeBound;

/** Binary nodes folded as chains: products add degrees, sums take a common denominator. */
type ChainNode = ExprOf<'Add' | 'Sub' | 'Hadamard' | 'MatMul'>;

const isChain = (e: Expr): e is ChainNode => e.type === 'Add' || e.type === 'Sub' || e.type === 'Hadamard' || e.type === 'MatMul';

/** An unbounded degree (an exponent that is not a constant). */
const UNBOUNDED: DegreeBound = { num: Number.POSITIVE_INFINITY, den: Number.POSITIVE_INFINITY };

/**
 * An upper bound on the degree (numerator, shared denominator) of an expression's entries as
 * rational functions of the random draws, by structural recursion: products add degrees, sums
 * take a common denominator, `det` of a k×k multiplies by k, the inverse of a k×k is
 * adj/det, the Hadamard inverse of an m-entry matrix has the product of all m entries below.
 */
export function degreeBound(expr: Expr, ctx: DegreeContext): DegreeBound {
  const go: Bound = (e) => (isChain(e) ? chainBound(e, go) : nodeBound(e, ctx, go));
  return go(expr);
}

/** A left-nested chain of +, −, ⊙ and products, folded iteratively (long sums and products must not exhaust the stack). */
function chainBound(e: ChainNode, go: Bound): DegreeBound {
  const spine: ChainNode[] = [];
  let n: Expr = e;
  while (isChain(n)) {
    spine.push(n);
    n = n.left;
  }
  let acc = go(n);
  for (let i = spine.length - 1; i >= 0; i--) {
    const node = spine[i] as ChainNode;
    const r = go(node.right);
    acc = node.type === 'Hadamard' || node.type === 'MatMul' ? times(acc, r) : common([acc, r]);
  }
  return acc;
}

/** The bound of any other node from its children's (`go`). */
function nodeBound(e: Exclude<Expr, ChainNode>, ctx: DegreeContext, go: Bound): DegreeBound {
  switch (e.type) {
    case 'Identifier': {
      const d = ctx.symbolDegree(e.name);
      return d === undefined ? CONST : { num: d, den: 0 };
    }
    case 'NumberLiteral':
    case 'Ones':
    case 'Zero':
    case 'Identity':
      return CONST;
    case 'MatrixLiteral':
      return common(e.rows.flat().map(go));
    case 'Equal':
    case 'NotEqual':
      return common([go(e.left), go(e.right)]);
    case 'Kronecker':
      return times(go(e.left), go(e.right));
    case 'ScalarMul':
      return times(go(e.scalar), go(e.operand));
    case 'Neg':
    case 'Transpose':
    case 'Diag':
    case 'DiagVec':
    case 'Trace':
    case 'Claim':
      return go(e.operand);
    case 'Entry':
      return go(e.matrix);
    case 'Det':
      return scale(go(e.operand), sizeOf(ctx.shapeOf(e.operand)));
    case 'Inverse':
      return inverseBound(go(e.operand), sizeOf(ctx.shapeOf(e.operand)));
    case 'MatrixPower':
      return matrixPowerBound(e, ctx, go);
    case 'HadamardPower':
      return hadamardPowerBound(e, ctx, go);
    case 'Sum': {
      const body = go(e.body);
      const r = ctx.maxRange;
      return body.den === 0 ? body : { num: body.num + (r - 1) * body.den, den: r * body.den };
    }
    default:
      return assertNever(e);
  }
}

/** `A^k` for a constant k: k times the base, of its inverse when k < 0. */
function matrixPowerBound(e: ExprOf<'MatrixPower'>, ctx: DegreeContext, go: Bound): DegreeBound {
  const k = exponentOf(e.exponent, ctx.dims ?? new Map());
  const base = go(e.base);
  if (!Number.isFinite(k)) return UNBOUNDED;
  const b = k < 0 ? inverseBound(base, sizeOf(ctx.shapeOf(e.base))) : base;
  return scale(b, Math.abs(k));
}

/** `A^∘k` for a constant k: k times the base, of its Hadamard inverse (all m entries below) when k < 0. */
function hadamardPowerBound(e: ExprOf<'HadamardPower'>, ctx: DegreeContext, go: Bound): DegreeBound {
  const k = exponentOf(e.exponent, ctx.dims ?? new Map());
  const base = go(e.base);
  if (!Number.isFinite(k)) return UNBOUNDED;
  if (k >= 0) return scale(base, k);
  const m = entriesOf(ctx.shapeOf(e.base));
  return scale({ num: base.den + (m - 1) * base.num, den: m * base.num }, -k);
}

/** Every node of a tree (iterative, so deep trees do not overflow). */
export function allNodes(expr: Expr): Expr[] {
  const out: Expr[] = [];
  const stack = [expr];
  while (stack.length > 0) {
    const e = stack.pop() as Expr;
    out.push(e);
    stack.push(...childrenOf(e));
  }
  return out;
}
