import type { DimLiteral, Expr, OdotError, Property, Span } from '@odot/core';
import { OdotException, assertNever, odotError, tick } from '@odot/core';
import type { Dense } from './dense.ts';
import {
  addDense,
  denseEquals,
  detDense,
  diagDense,
  diagvecDense,
  dims,
  filled,
  hadamardDense,
  hadamardPowerDense,
  identityOf,
  inverseDense,
  kroneckerDense,
  matmulDense,
  matrixPowerDense,
  negDense,
  scalarPow,
  scaleDense,
  subDense,
  traceDense,
  transposeDense,
} from './dense.ts';
import type { Field } from './field.ts';
import { parseRational } from './rational.ts';

/** A value during generic evaluation over a field `T`. */
export type GValue<T> =
  | { readonly k: 'scalar'; readonly v: T }
  | { readonly k: 'matrix'; readonly m: Dense<T> }
  | { readonly k: 'bool'; readonly v: boolean };

/** A concrete shape: `'scalar'` or numeric rows×cols. */
export type ConcreteShape = 'scalar' | { readonly rows: number; readonly cols: number };

/** Everything the generic evaluator needs besides the expression. */
export interface GenericContext<T> {
  readonly field: Field<T>;
  /** Values of the bound symbols. */
  readonly env: ReadonlyMap<string, GValue<T>>;
  /** Sizes of symbolic dimensions (`n` in `I_n`). */
  readonly dims: ReadonlyMap<string, number>;
  /** Values of free index symbols (`i` in `A[i,j]`). */
  readonly indices: ReadonlyMap<string, number>;
  /** Ranges of summation indices (`k` in `Σ_k`), when the body does not tell. */
  readonly sumRanges: ReadonlyMap<string, number>;
  /** Picks a value for an unbound index in 1..range (identity testing); without it an unbound index is an error. */
  readonly freeIndex?: (name: string, range: number) => number;
  /** The concrete shape of a node from shape inference, used to size a bare `J`, `0`, `I`. */
  readonly shapeOf?: (node: Expr) => ConcreteShape | undefined;
  /** Decides a property claim on a matrix (field specific); throws for fields that cannot. */
  readonly claim: (property: Property, m: Dense<T>, span: Span | undefined) => boolean;
  /** Equality of two entries (exact, or within a tolerance for floats). */
  readonly equalValues?: (a: Dense<T>, b: Dense<T>) => boolean;
  /** Largest |exponent| allowed in powers (guards runaway exact arithmetic). */
  readonly maxExponent: number;
  /** Called with every node's value as it is computed (identity testing records shapes with it). */
  readonly observe?: (node: Expr, value: GValue<T>) => void;
}

/** What the parent knows about a node's shape. */
interface Want {
  readonly scalar?: boolean;
  readonly rows?: number;
  readonly cols?: number;
}

const NONE: Want = {};

/** Chains at least this long are evaluated iteratively. */
const CHAIN = 64;

function isChain(node: Expr): boolean {
  let n: Expr = node;
  for (let depth = 0; depth < CHAIN; depth++) {
    if (n.type !== 'Add' && n.type !== 'Sub' && n.type !== 'Hadamard') return false;
    n = n.left;
  }
  return true;
}

/** Thrown by a bare `J`, `0`, `I` when nothing in its context fixes its size. */
class NeedsContext extends Error {
  readonly node: Expr;
  constructor(node: Expr) {
    super('needs context');
    this.node = node;
  }
}

function fail(code: string, message: string, node: Expr, extra: Partial<OdotError> = {}): never {
  const e = odotError(code, message, node.span ? { span: node.span, ...extra } : extra);
  throw new OdotException(e);
}

/** Runs `fn`; span-less diagnostics from the linear algebra get the operator node's span. */
function at<R>(node: Expr, fn: () => R): R {
  try {
    return fn();
  } catch (e) {
    if (e instanceof OdotException && !e.error.span && node.span) {
      throw new OdotException({ ...e.error, span: node.span });
    }
    throw e;
  }
}

function shapeText<T>(v: GValue<T>): string {
  return v.k === 'matrix' ? dims(v.m) : v.k === 'scalar' ? 'scalar' : 'boolean';
}

const OPS: Partial<Record<Expr['type'], string>> = {
  Hadamard: '⊙',
  MatMul: 'matrix product',
  Kronecker: '⊗',
  Add: '+',
  Sub: '−',
  Equal: '=',
  NotEqual: '≠',
};

/**
 * Evaluates `expr` over the context's field. Throws `OdotException` with spans on errors
 * (unbound symbols, shape mismatches, singular matrices, zero entries under a negative Hadamard power).
 */
export function evaluateGeneric<T>(ctx: GenericContext<T>, expr: Expr): GValue<T> {
  const f = ctx.field;
  const indices = new Map(ctx.indices);
  let zeroIsScalar = false;

  const scalar = (v: T): GValue<T> => ({ k: 'scalar', v });
  const matrix = (m: Dense<T>): GValue<T> => ({ k: 'matrix', m });

  const dimValue = (d: DimLiteral, node: Expr): number => {
    if (typeof d === 'number') return d;
    const n = ctx.dims.get(d) ?? (/^\d+$/.test(d) ? Number(d) : undefined);
    if (n === undefined) fail('unknown-size', `the size ${d} is not known: declare a matrix of size ${d} and bind it`, node);
    return n;
  };

  const oracle = (node: Expr): Want => {
    const s = ctx.shapeOf?.(node);
    if (s === undefined) return NONE;
    return s === 'scalar' ? { scalar: true } : { rows: s.rows, cols: s.cols };
  };

  const merge = (want: Want, node: Expr): Want => {
    const o = oracle(node);
    return {
      ...(want.scalar || o.scalar ? { scalar: true } : {}),
      ...(want.rows !== undefined ? { rows: want.rows } : o.rows !== undefined ? { rows: o.rows } : {}),
      ...(want.cols !== undefined ? { cols: want.cols } : o.cols !== undefined ? { cols: o.cols } : {}),
    };
  };

  const asMatrix = (v: GValue<T>, node: Expr, what: string): Dense<T> => {
    if (v.k !== 'matrix') fail('shape-mismatch', `${what} needs a matrix, got a ${shapeText(v)}`, node);
    return v.m;
  };

  const asScalar = (v: GValue<T>, node: Expr, what: string): T => {
    if (v.k !== 'scalar') fail('shape-mismatch', `${what} needs a scalar, got a ${shapeText(v)}`, node);
    return v.v;
  };

  const wantOf = (v: GValue<T>): Want => (v.k === 'matrix' ? { rows: v.m.rows, cols: v.m.cols } : v.k === 'scalar' ? { scalar: true } : NONE);

  /** Evaluates two operands that must agree in shape; a context-sized side takes the other's shape. */
  const pair = (left: Expr, right: Expr, want: Want): [GValue<T>, GValue<T>] => {
    try {
      const l = ev(left, want);
      return [l, ev(right, want.rows !== undefined || want.scalar ? want : wantOf(l))];
    } catch (e) {
      if (!(e instanceof NeedsContext)) throw e;
      const r = ev(right, want);
      return [ev(left, wantOf(r)), r];
    }
  };

  const intOf = (node: Expr, purpose: 'exponent' | 'index', range?: number): number => {
    switch (node.type) {
      case 'NumberLiteral': {
        const r = parseRational(node.value);
        if (!r || r.den !== 1n) fail('not-integer', `the ${purpose} must be an integer, got ${node.value}`, node);
        return Number(r.num);
      }
      case 'Neg':
        return -intOf(node.operand, purpose, range);
      case 'Add':
        return intOf(node.left, purpose) + intOf(node.right, purpose);
      case 'Sub':
        return intOf(node.left, purpose) - intOf(node.right, purpose);
      case 'MatMul':
      case 'ScalarMul': {
        const [a, b] = node.type === 'MatMul' ? [node.left, node.right] : [node.scalar, node.operand];
        return intOf(a, purpose) * intOf(b, purpose);
      }
      case 'Zero':
        return 0;
      case 'Identifier': {
        const bound = indices.get(node.name);
        if (bound !== undefined) return bound;
        const v = ctx.env.get(node.name);
        if (v && v.k === 'scalar') {
          const x = f.toInteger(v.v);
          if (x !== undefined) return x;
        }
        if (purpose === 'index' && range !== undefined && ctx.freeIndex) {
          const picked = ctx.freeIndex(node.name, range);
          indices.set(node.name, picked);
          return picked;
        }
        return fail(
          purpose === 'index' ? 'unbound-index' : 'unbound-symbol',
          `unbound ${purpose} ${node.name}: give it an integer value`,
          node,
        );
      }
      default:
        return fail('not-integer', `the ${purpose} must be an integer expression`, node);
    }
  };

  const sumRange = (node: Expr & { type: 'Sum' }): number => {
    const given = ctx.sumRanges.get(node.index);
    if (given !== undefined) return given;
    const found: number[] = [];
    const scan = (e: Expr): void => {
      if (e.type === 'Sum' && e.index === node.index) return; // shadowed
      if (e.type === 'Entry') {
        const hitsRow = e.row.type === 'Identifier' && e.row.name === node.index;
        const hitsCol = e.col.type === 'Identifier' && e.col.name === node.index;
        if (hitsRow || hitsCol) {
          try {
            const m = ev(e.matrix, NONE);
            if (m.k === 'matrix') {
              if (hitsRow) found.push(m.m.rows);
              if (hitsCol) found.push(m.m.cols);
            }
          } catch (error) {
            // The matrix depends on other indices; other entries may still tell the range.
            if (!(error instanceof OdotException || error instanceof NeedsContext)) throw error;
          }
        }
      }
      for (const child of childExprs(e)) scan(child);
    };
    scan(node.body);
    const first = found[0];
    if (first === undefined) {
      fail('unknown-range', `cannot tell the range of ${node.index} in the sum: index a matrix with it, or give its range`, node);
    }
    if (found.some((n) => n !== first)) {
      fail('shape-mismatch', `the sum index ${node.index} ranges over different sizes (${[...new Set(found)].join(', ')})`, node);
    }
    return first;
  };

  const sized = (node: Expr, want: Want, rows: DimLiteral | undefined, cols: DimLiteral | undefined): { rows: number; cols: number } => {
    const w = merge(want, node);
    const r = rows !== undefined ? dimValue(rows, node) : w.rows;
    const c = cols !== undefined ? dimValue(cols, node) : rows !== undefined ? r : w.cols;
    if (r === undefined || c === undefined) throw new NeedsContext(node);
    return { rows: r, cols: c };
  };

  const binaryShapeError = (node: Expr, l: GValue<T>, r: GValue<T>): never =>
    fail('shape-mismatch', `${OPS[node.type] ?? node.type}: left is ${shapeText(l)}, right is ${shapeText(r)}`, node);

  function ev(node: Expr, want: Want): GValue<T> {
    tick(); // counts against the caller's budget, if any (decidePsd's random trials)
    const v = isChain(node) ? chain(node, want) : ev0(node, want);
    ctx.observe?.(node, v);
    return v;
  }

  /** Combines two values of one `+`, `−`, `⊙` node. */
  function combine(node: Expr, l: GValue<T>, r: GValue<T>): GValue<T> {
    if (node.type !== 'Hadamard' && l.k === 'scalar' && r.k === 'scalar') return scalar(node.type === 'Add' ? f.add(l.v, r.v) : f.sub(l.v, r.v));
    if (l.k !== 'matrix' || r.k !== 'matrix') return binaryShapeError(node, l, r);
    if (l.m.rows !== r.m.rows || l.m.cols !== r.m.cols) return binaryShapeError(node, l, r);
    if (node.type === 'Hadamard') return matrix(hadamardDense(f, l.m, r.m));
    return matrix(node.type === 'Add' ? addDense(f, l.m, r.m) : subDense(f, l.m, r.m));
  }

  /**
   * A long left-nested chain of `+`, `−`, `⊙` (`A + A + … + A`, thousands of terms) is evaluated
   * iteratively, so long sums do not exhaust the stack. Every operand has the chain's shape.
   */
  function chain(top: Expr, want: Want): GValue<T> {
    const spine: Expr[] = [];
    let node: Expr = top;
    while ((node.type === 'Add' || node.type === 'Sub' || node.type === 'Hadamard') && node.left) {
      spine.push(node);
      node = node.left;
    }
    spine.reverse();
    const operands: Expr[] = [node, ...spine.map((n) => (n as { right: Expr }).right)];
    let shared: Want = want;
    if (shared.rows === undefined && !shared.scalar) {
      for (const operand of operands) {
        try {
          shared = wantOf(ev(operand, NONE));
          break;
        } catch (e) {
          if (!(e instanceof NeedsContext)) throw e;
        }
      }
    }
    let acc = ev(operands[0] as Expr, shared);
    spine.forEach((n, i) => {
      acc = combine(n, acc, ev(operands[i + 1] as Expr, shared));
      if (n !== top) ctx.observe?.(n, acc);
    });
    return acc;
  }

  function ev0(node: Expr, want: Want): GValue<T> {
    switch (node.type) {
      case 'Identifier': {
        const v = ctx.env.get(node.name);
        if (v) return v;
        const i = indices.get(node.name);
        if (i !== undefined) return scalar(f.fromRational({ num: BigInt(i), den: 1n }) as T);
        return fail('unbound-symbol', `unbound symbol ${node.name}: give it a value`, node, {
          hints: [`bind it, e.g. --let ${node.name}=[[1,2],[3,4]]`],
        });
      }
      case 'NumberLiteral': {
        const r = parseRational(node.value);
        if (!r) fail('bad-number', `not a number: ${node.value}`, node);
        const x = f.fromRational(r);
        if (x === undefined) fail('not-representable', `${node.value} has no value modulo the prime`, node);
        return scalar(x);
      }
      case 'MatrixLiteral': {
        const rows = node.rows.length;
        const cols = node.rows[0]?.length ?? 0;
        const data: T[] = [];
        for (const row of node.rows) {
          if (row.length !== cols) fail('ragged-matrix', `every row of a matrix literal needs ${cols} entries`, node);
          for (const cell of row) data.push(asScalar(ev(cell, { scalar: true }), cell, 'a matrix literal entry'));
        }
        return matrix({ rows, cols, data });
      }
      case 'Hadamard': {
        const [l, r] = pair(node.left, node.right, want);
        if (l.k !== 'matrix' || r.k !== 'matrix') return binaryShapeError(node, l, r);
        if (l.m.rows !== r.m.rows || l.m.cols !== r.m.cols) return binaryShapeError(node, l, r);
        return matrix(hadamardDense(f, l.m, r.m));
      }
      case 'Add':
      case 'Sub': {
        const [l, r] = pair(node.left, node.right, want);
        if (l.k === 'scalar' && r.k === 'scalar') return scalar(node.type === 'Add' ? f.add(l.v, r.v) : f.sub(l.v, r.v));
        if (l.k !== 'matrix' || r.k !== 'matrix') return binaryShapeError(node, l, r);
        if (l.m.rows !== r.m.rows || l.m.cols !== r.m.cols) return binaryShapeError(node, l, r);
        return matrix(node.type === 'Add' ? addDense(f, l.m, r.m) : subDense(f, l.m, r.m));
      }
      case 'MatMul': {
        let l: GValue<T>;
        let r: GValue<T>;
        try {
          l = ev(node.left, want.rows !== undefined ? { rows: want.rows } : NONE);
          if (l.k === 'scalar') r = ev(node.right, want);
          else if (l.k === 'matrix') r = ev(node.right, want.cols !== undefined ? { rows: l.m.cols, cols: want.cols } : { rows: l.m.cols });
          else r = ev(node.right, NONE);
        } catch (e) {
          if (!(e instanceof NeedsContext)) throw e;
          r = ev(node.right, want.cols !== undefined ? { cols: want.cols } : NONE);
          if (r.k === 'scalar') l = ev(node.left, want);
          else if (r.k === 'matrix') l = ev(node.left, want.rows !== undefined ? { rows: want.rows, cols: r.m.rows } : { cols: r.m.rows });
          else l = ev(node.left, NONE);
        }
        if (l.k === 'scalar' && r.k === 'scalar') return scalar(f.mul(l.v, r.v));
        if (l.k === 'scalar' && r.k === 'matrix') return matrix(scaleDense(f, l.v, r.m));
        if (l.k === 'matrix' && r.k === 'scalar') return matrix(scaleDense(f, r.v, l.m));
        if (l.k !== 'matrix' || r.k !== 'matrix' || l.m.cols !== r.m.rows) return binaryShapeError(node, l, r);
        return matrix(matmulDense(f, l.m, r.m));
      }
      case 'Kronecker': {
        const l = ev(node.left, NONE);
        const r = ev(node.right, NONE);
        if (l.k === 'scalar' && r.k === 'matrix') return matrix(scaleDense(f, l.v, r.m));
        if (l.k === 'matrix' && r.k === 'scalar') return matrix(scaleDense(f, r.v, l.m));
        if (l.k === 'scalar' && r.k === 'scalar') return scalar(f.mul(l.v, r.v));
        if (l.k !== 'matrix' || r.k !== 'matrix') return binaryShapeError(node, l, r);
        return matrix(kroneckerDense(f, l.m, r.m));
      }
      case 'Neg': {
        const v = ev(node.operand, want);
        if (v.k === 'scalar') return scalar(f.neg(v.v));
        return matrix(negDense(f, asMatrix(v, node, 'negation')));
      }
      case 'ScalarMul': {
        const c = ev(node.scalar, { scalar: true });
        const v = ev(node.operand, want);
        if (c.k === 'scalar' && v.k === 'scalar') return scalar(f.mul(c.v, v.v));
        if (c.k === 'scalar' && v.k === 'matrix') return matrix(scaleDense(f, c.v, v.m));
        if (c.k === 'matrix' && v.k === 'scalar') return matrix(scaleDense(f, v.v, c.m));
        return binaryShapeError(node, c, v);
      }
      case 'Transpose': {
        const v = ev(node.operand, {
          ...(want.scalar ? { scalar: true } : {}),
          ...(want.cols !== undefined ? { rows: want.cols } : {}),
          ...(want.rows !== undefined ? { cols: want.rows } : {}),
        });
        if (v.k === 'scalar') return v;
        return matrix(transposeDense(asMatrix(v, node, 'transpose')));
      }
      case 'HadamardPower': {
        const k = intOf(node.exponent, 'exponent');
        if (Math.abs(k) > ctx.maxExponent) fail('exponent-too-large', `the exponent ${k} is larger than ${ctx.maxExponent}`, node);
        const v = ev(node.base, want);
        if (v.k === 'scalar') return scalar(at(node, () => powerScalar(f, v.v, k, 'zero-entry')));
        return matrix(at(node, () => hadamardPowerDense(f, asMatrix(v, node, 'Hadamard power'), k)));
      }
      case 'MatrixPower': {
        const k = intOf(node.exponent, 'exponent');
        if (Math.abs(k) > ctx.maxExponent) fail('exponent-too-large', `the exponent ${k} is larger than ${ctx.maxExponent}`, node);
        const n = want.rows ?? want.cols;
        const v = ev(node.base, want.scalar ? want : n !== undefined ? { rows: n, cols: n } : NONE);
        if (v.k === 'scalar') return scalar(at(node, () => powerScalar(f, v.v, k, 'singular')));
        return matrix(at(node, () => matrixPowerDense(f, asMatrix(v, node, 'matrix power'), k)));
      }
      case 'Inverse': {
        const n = want.rows ?? want.cols;
        const v = ev(node.operand, want.scalar ? want : n !== undefined ? { rows: n, cols: n } : NONE);
        if (v.k === 'scalar') return scalar(at(node, () => powerScalar(f, v.v, -1, 'singular')));
        return matrix(at(node, () => inverseDense(f, asMatrix(v, node, 'inverse'))));
      }
      case 'Ones': {
        const s = sized(node, want, node.rows, node.cols);
        return matrix(filled(s.rows, s.cols, f.one));
      }
      case 'Zero': {
        if (node.rows === undefined && node.cols === undefined) {
          const w = merge(want, node);
          if (w.scalar) return scalar(f.zero);
          if (w.rows === undefined || w.cols === undefined) {
            if (zeroIsScalar) return scalar(f.zero);
            throw new NeedsContext(node);
          }
        }
        const s = sized(node, want, node.rows, node.cols);
        return matrix(filled(s.rows, s.cols, f.zero));
      }
      case 'Identity': {
        const w = merge(want, node);
        const n = node.size !== undefined ? dimValue(node.size, node) : (w.rows ?? w.cols);
        if (n === undefined) throw new NeedsContext(node);
        return matrix(identityOf(f, n));
      }
      case 'Diag': {
        const n = want.rows ?? want.cols;
        const v = ev(node.operand, n !== undefined ? { rows: n, cols: 1 } : NONE);
        return matrix(at(node, () => diagDense(f, asMatrix(v, node, 'diag'))));
      }
      case 'DiagVec': {
        const v = ev(node.operand, want.rows !== undefined ? { rows: want.rows, cols: want.rows } : NONE);
        return matrix(at(node, () => diagvecDense(asMatrix(v, node, 'diagvec'))));
      }
      case 'Trace': {
        const v = ev(node.operand, NONE);
        if (v.k === 'scalar') return v;
        return scalar(at(node, () => traceDense(f, asMatrix(v, node, 'tr'))));
      }
      case 'Det': {
        const v = ev(node.operand, NONE);
        if (v.k === 'scalar') return v;
        return scalar(at(node, () => detDense(f, asMatrix(v, node, 'det'))));
      }
      case 'Entry': {
        const v = ev(node.matrix, NONE);
        if (v.k === 'scalar') {
          const i = intOf(node.row, 'index', 1);
          const j = intOf(node.col, 'index', 1);
          if (i !== 1 || j !== 1) fail('index-out-of-range', `entry (${i},${j}) of a scalar`, node);
          return v;
        }
        const m = asMatrix(v, node, 'an entry');
        const i = intOf(node.row, 'index', m.rows);
        const j = intOf(node.col, 'index', m.cols);
        if (i < 1 || i > m.rows || j < 1 || j > m.cols) {
          fail('index-out-of-range', `entry (${i},${j}) is outside the ${dims(m)} matrix (indices are 1-based)`, node);
        }
        return scalar(m.data[(i - 1) * m.cols + (j - 1)] as T);
      }
      case 'Sum': {
        const n = sumRange(node);
        const before = indices.get(node.index);
        let acc: GValue<T> | undefined;
        try {
          for (let k = 1; k <= n; k++) {
            indices.set(node.index, k);
            const term = ev(node.body, want);
            if (acc === undefined) acc = term;
            else if (acc.k === 'scalar' && term.k === 'scalar') acc = scalar(f.add(acc.v, term.v));
            else if (acc.k === 'matrix' && term.k === 'matrix') acc = matrix(at(node, () => addDense(f, (acc as { m: Dense<T> }).m, term.m)));
            else binaryShapeError(node, acc, term);
          }
        } finally {
          if (before === undefined) indices.delete(node.index);
          else indices.set(node.index, before);
        }
        return acc ?? scalar(f.zero);
      }
      case 'Equal':
      case 'NotEqual': {
        const [l, r] = pair(node.left, node.right, NONE);
        let same: boolean;
        if (l.k === 'scalar' && r.k === 'scalar') {
          const a: Dense<T> = { rows: 1, cols: 1, data: [l.v] };
          const b: Dense<T> = { rows: 1, cols: 1, data: [r.v] };
          same = ctx.equalValues ? ctx.equalValues(a, b) : f.equals(l.v, r.v);
        } else if (l.k === 'matrix' && r.k === 'matrix') {
          if (l.m.rows !== r.m.rows || l.m.cols !== r.m.cols) return binaryShapeError(node, l, r);
          same = ctx.equalValues ? ctx.equalValues(l.m, r.m) : denseEquals(f, l.m, r.m);
        } else if (l.k === 'bool' && r.k === 'bool') {
          same = l.v === r.v;
        } else {
          return binaryShapeError(node, l, r);
        }
        return { k: 'bool', v: node.type === 'Equal' ? same : !same };
      }
      case 'Claim': {
        const v = ev(node.operand, NONE);
        const m: Dense<T> = v.k === 'scalar' ? { rows: 1, cols: 1, data: [v.v] } : asMatrix(v, node, node.property);
        return { k: 'bool', v: at(node, () => ctx.claim(node.property, m, node.span)) };
      }
      default:
        return assertNever(node);
    }
  }

  try {
    try {
      return ev(expr, NONE);
    } catch (e) {
      // A bare `0` that nothing sizes is the scalar 0 (`0 A`, `tr(A) + 0`): evaluate again with that reading.
      if (!(e instanceof NeedsContext) || e.node.type !== 'Zero') throw e;
      zeroIsScalar = true;
      return ev(expr, NONE);
    }
  } catch (e) {
    if (e instanceof NeedsContext) {
      const what = e.node.type === 'Ones' ? 'J' : e.node.type === 'Identity' ? 'I' : '0';
      fail('unknown-size', `cannot tell the size of ${what} here: give it a size (${what}_n) or use it next to a sized matrix`, e.node);
    }
    throw e;
  }
}

function powerScalar<T>(f: Field<T>, x: T, k: number, zeroCode: string): T {
  if (k >= 0) return scalarPow(f, x, k);
  if (f.isZero(x)) throw new OdotException(odotError(zeroCode, `0 has no inverse (power ${k})`));
  return scalarPow(f, f.inv(x), -k);
}

/** The direct child expressions of a node (matrix literal cells included). */
export function childExprs(e: Expr): Expr[] {
  switch (e.type) {
    case 'Identifier':
    case 'NumberLiteral':
    case 'Ones':
    case 'Zero':
    case 'Identity':
      return [];
    case 'MatrixLiteral':
      return e.rows.flat();
    case 'Hadamard':
    case 'MatMul':
    case 'Kronecker':
    case 'Add':
    case 'Sub':
    case 'Equal':
    case 'NotEqual':
      return [e.left, e.right];
    case 'Neg':
    case 'Transpose':
    case 'Inverse':
    case 'Diag':
    case 'DiagVec':
    case 'Trace':
    case 'Det':
    case 'Claim':
      return [e.operand];
    case 'ScalarMul':
      return [e.scalar, e.operand];
    case 'HadamardPower':
    case 'MatrixPower':
      return [e.base, e.exponent];
    case 'Entry':
      return [e.matrix, e.row, e.col];
    case 'Sum':
      return [e.body];
    default:
      return assertNever(e);
  }
}
