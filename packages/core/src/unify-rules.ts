import type { Givens } from './declaration.ts';
import { dimToPublic, product } from './dim-term.ts';
import { formatDim } from './dim.ts';
import { OdotException, type OdotError, odotError } from './error.ts';
import type { Expr, ExprOf, ExprType } from './expr.ts';
import { type Inference, type MatrixTerm, ONE, SCALAR_T, type ShapeTerm, describe, mismatch } from './shape-inference.ts';
import { childrenOf } from './visitor-keys.ts';

/**
 * What a unification rule reads: the node, its children's shape terms (in `childrenOf` order), the
 * summation indices in scope, and helpers that constrain a child and word the error when it cannot.
 */
export class RuleInput<N extends Expr = Expr> {
  constructor(
    readonly inf: Inference,
    readonly node: N,
    readonly kids: readonly ShapeTerm[],
    readonly bound: ReadonlySet<string>,
    private readonly givens: Givens,
  ) {}

  /** The first child's shape (a scalar when there is none). */
  get first(): ShapeTerm {
    return this.kids[0] ?? SCALAR_T;
  }

  /** The second child's shape (a scalar when there is none). */
  get second(): ShapeTerm {
    return this.kids[1] ?? SCALAR_T;
  }

  /** A hint naming child `i` and its shape, and whether it was declared. */
  origin(i: number): string {
    const child = childrenOf(this.node)[i];
    if (child === undefined) return '';
    const given = child.type === 'Identifier' && !this.bound.has(child.name) ? this.givens.get(child.name) : undefined;
    const from = given !== undefined ? ' (declared)' : child.type === 'Identifier' ? ' (undeclared)' : '';
    return `${describe(child)} is ${this.inf.text(this.kids[i] ?? SCALAR_T)}${from}`;
  }

  /** The hints naming both operands. */
  bothSides(): string[] {
    return [`left: ${this.origin(0)}`, `right: ${this.origin(1)}`];
  }

  /** The error naming both sides' shapes as they are now (before a unification that may bind some variables). */
  sidesError(): () => OdotError {
    const l = this.inf.text(this.first);
    const r = this.inf.text(this.second);
    return () => mismatch(this.node, `left is ${l}, right is ${r}`, this.bothSides());
  }

  /** `s` as a square matrix (the operand of `what`), or a `shape-mismatch`. */
  square(s: ShapeTerm, what: string): MatrixTerm {
    const m = this.inf.asMatrix(s);
    const err = (): OdotError => mismatch(this.node, `${what} needs a square matrix, got ${this.inf.text(s)}`, [this.origin(0)]);
    if (m === undefined || !this.inf.unifyDim(m.rows, m.cols, err)) throw new OdotException(err());
    return m;
  }

  /** Constrains child `i` (`what`) to a scalar, or throws a `shape-mismatch`. */
  scalarOnly(i: number, what: string): void {
    const s = this.kids[i] ?? SCALAR_T;
    const err = (): OdotError => mismatch(this.node, `${what} must be a scalar, got ${this.inf.text(s)}`, [this.origin(i)]);
    if (!this.inf.unify(s, SCALAR_T, err)) throw new OdotException(err());
  }
}

/** The unification rule of one node type: the node's shape term, after constraining its children's. */
type UnifyRule<T extends ExprType> = (r: RuleInput<ExprOf<T>>) => ShapeTerm;

function matrixLiteral(r: RuleInput<ExprOf<'MatrixLiteral'>>): ShapeTerm {
  const { node } = r;
  const width = node.rows[0]?.length ?? 0;
  if (node.rows.length === 0 || width === 0) {
    throw new OdotException(odotError('ragged-matrix', 'a matrix literal needs at least one entry', node.span ? { span: node.span } : {}));
  }
  node.rows.forEach((row, i) => {
    if (row.length !== width) {
      const message = `matrix literal rows differ in length: row 1 has ${width} entries, row ${i + 1} has ${row.length}`;
      throw new OdotException(odotError('ragged-matrix', message, node.span ? { span: node.span } : {}));
    }
  });
  r.kids.forEach((_, i) => r.scalarOnly(i, 'a matrix entry'));
  return { k: 'matrix', rows: { k: 'num', n: node.rows.length }, cols: { k: 'num', n: width } };
}

/** `⊙`: no broadcasting and no scalars; both sides are matrices of one shape. */
function hadamard(r: RuleInput<ExprOf<'Hadamard'>>): ShapeTerm {
  const { inf } = r;
  const sidesError = r.sidesError();
  const lm = inf.asMatrix(r.first);
  const rm = inf.asMatrix(r.second);
  if (lm === undefined || rm === undefined || !inf.unify(lm, rm, sidesError)) throw new OdotException(sidesError());
  return inf.moreKnown(lm, rm);
}

/** `+`, `−`, `=`, `≠`: one shape on both sides; a known 1×1 matrix (such as xᵀAy) stands for its scalar beside a scalar: xᵀAy = tr(…). */
function sameShape(r: RuleInput<ExprOf<'Add' | 'Sub' | 'Equal' | 'NotEqual'>>): ShapeTerm {
  const { inf, first, second } = r;
  const sidesError = r.sidesError();
  if (inf.isScalarLike(first) && inf.isScalarLike(second) && (inf.shape(first).k === 'scalar' || inf.shape(second).k === 'scalar')) {
    return SCALAR_T;
  }
  if (!inf.unify(first, second, sidesError)) throw new OdotException(sidesError());
  return inf.moreKnown(first, second);
}

/** The matrix product (a scalar on either side scales the other). */
function matMul(r: RuleInput<ExprOf<'MatMul'>>): ShapeTerm {
  const { inf } = r;
  const left = inf.shape(r.first);
  const right = inf.shape(r.second);
  if (left.k === 'scalar') return r.second;
  if (right.k === 'scalar') return r.first;
  const lm = inf.asMatrix(left) as MatrixTerm;
  const rm = inf.asMatrix(right) as MatrixTerm;
  const message = `cannot multiply ${inf.text(lm)} by ${inf.text(rm)}: inner dimensions ${formatDim(dimToPublic(inf.dim(lm.cols)))} and ${formatDim(dimToPublic(inf.dim(rm.rows)))} differ`;
  const err = (): OdotError => mismatch(r.node, message, r.bothSides());
  if (!inf.unifyDim(lm.cols, rm.rows, err)) throw new OdotException(err());
  return { k: 'matrix', rows: lm.rows, cols: rm.cols };
}

function kronecker(r: RuleInput<ExprOf<'Kronecker'>>): ShapeTerm {
  const { inf } = r;
  const lm = inf.asMatrix(r.first);
  const rm = inf.asMatrix(r.second);
  if (lm === undefined || rm === undefined) {
    throw new OdotException(mismatch(r.node, `the Kronecker product needs matrices: left is ${inf.text(r.first)}, right is ${inf.text(r.second)}`, r.bothSides()));
  }
  return { k: 'matrix', rows: product([lm.rows, rm.rows]), cols: product([lm.cols, rm.cols]) };
}

function transpose(r: RuleInput<ExprOf<'Transpose'>>): ShapeTerm {
  if (r.inf.shape(r.first).k === 'scalar') return SCALAR_T;
  const m = r.inf.asMatrix(r.first) as MatrixTerm;
  return { k: 'matrix', rows: m.cols, cols: m.rows };
}

/** A power or an inverse (`what`): a scalar, a square matrix, or an open shape checked square at the end. */
function squareOrScalar(r: RuleInput<ExprOf<'MatrixPower' | 'Inverse'>>, what: string): ShapeTerm {
  const s = r.inf.shape(r.first);
  if (s.k === 'svar') {
    r.inf.deferSquare(s, () => mismatch(r.node, `${what} needs a square matrix, got ${r.inf.text(s)}`, [r.origin(0)]));
    return s;
  }
  if (s.k === 'scalar') return s;
  return r.square(s, what);
}

function diag(r: RuleInput<ExprOf<'Diag'>>): ShapeTerm {
  const m = r.inf.asMatrix(r.first);
  const err = (): OdotError => mismatch(r.node, `diag needs a column vector n×1, got ${r.inf.text(r.first)}`, [r.origin(0)]);
  if (m === undefined || !r.inf.unifyDim(m.cols, ONE, err)) throw new OdotException(err());
  return { k: 'matrix', rows: m.rows, cols: m.rows };
}

function entry(r: RuleInput<ExprOf<'Entry'>>): ShapeTerm {
  if (r.inf.asMatrix(r.first) === undefined) {
    throw new OdotException(mismatch(r.node, `an entry needs a matrix, got ${r.inf.text(r.first)}`, [r.origin(0)]));
  }
  r.scalarOnly(1, 'the row index');
  r.scalarOnly(2, 'the column index');
  return SCALAR_T;
}

function claim(r: RuleInput<ExprOf<'Claim'>>): ShapeTerm {
  const { node, first } = r;
  if (node.property === 'nonnegative' || node.property === 'binary') return first;
  if (r.inf.shape(first).k === 'scalar') return first;
  r.square(first, `the claim ${node.property}`);
  return first;
}

/**
 * For each node type, its unification rule (the `satisfies` check makes a new node type need
 * one). The known-shape rules are `SHAPE_RULES` (shape-rules.ts); on known shapes both agree.
 */
export const UNIFY_RULES = {
  Identifier: (r) => r.inf.identifier(r.node.name, r.bound),
  NumberLiteral: () => SCALAR_T,
  MatrixLiteral: matrixLiteral,
  Hadamard: hadamard,
  Add: sameShape,
  Sub: sameShape,
  Equal: sameShape,
  NotEqual: sameShape,
  MatMul: matMul,
  Kronecker: kronecker,
  Neg: (r) => r.first,
  Sum: (r) => r.first,
  ScalarMul: (r) => {
    r.scalarOnly(0, 'the scalar factor');
    return r.second;
  },
  Transpose: transpose,
  HadamardPower: (r) => {
    r.scalarOnly(1, 'the exponent');
    return r.first;
  },
  MatrixPower: (r) => {
    r.scalarOnly(1, 'the exponent');
    return squareOrScalar(r, 'a matrix power');
  },
  Inverse: (r) => squareOrScalar(r, 'the inverse'),
  Ones: (r) => r.inf.sized(r.node.rows, r.node.cols),
  Zero: (r) => (r.node.rows === undefined && r.node.cols === undefined ? r.inf.freshShape() : r.inf.sized(r.node.rows, r.node.cols)),
  Identity: (r) => (r.node.size !== undefined ? r.inf.sized(r.node.size, r.node.size) : r.inf.square()),
  Diag: diag,
  DiagVec: (r) => ({ k: 'matrix', rows: r.square(r.first, 'diagvec').rows, cols: ONE }),
  Trace: (r) => {
    r.square(r.first, 'the trace');
    return SCALAR_T;
  },
  Det: (r) => {
    r.square(r.first, 'the determinant');
    return SCALAR_T;
  },
  Entry: entry,
  Claim: claim,
} satisfies { readonly [T in ExprType]: UnifyRule<T> };

/** The shape term of `node` by its type's rule in `UNIFY_RULES`, from its children's (`kids`). */
export function unifyRule(inf: Inference, node: Expr, kids: readonly ShapeTerm[], bound: ReadonlySet<string>, givens: Givens): ShapeTerm {
  const rule = UNIFY_RULES[node.type] as UnifyRule<typeof node.type>;
  return rule(new RuleInput(inf, node, kids, bound, givens));
}
