import type { Givens } from './declaration.ts';
import { type DimTerm, dimToPublic, product } from './dim-term.ts';
import { formatDim } from './dim.ts';
import { OdotException, type OdotError, odotError } from './error.ts';
import type { DimLiteral, Expr } from './expr.ts';
import type { LazyError, ShapeDomain, ShapeKind } from './shape-domain.ts';
import { type Inference, type MatrixTerm, ONE, SCALAR_T, type ShapeTerm, describe, mismatch } from './shape-inference.ts';
import { childrenOf } from './visitor-keys.ts';

/**
 * The unification domain of the shape rules: shape terms with open sizes over one `Inference`.
 * One per node asked (its errors may be built at the end of the inference, so they keep their node):
 * a failing rule throws its `shape-mismatch` (or `ragged-matrix`) error, worded with the node, its
 * operands' shapes and whether they were declared.
 */
export class UnifyDomain implements ShapeDomain<ShapeTerm, MatrixTerm, DimTerm> {
  readonly scalar = SCALAR_T;
  readonly one = ONE;

  /** The domain of one node's rule: the node, its children's shape terms (in `childrenOf` order) and the indices in scope. */
  constructor(
    readonly inf: Inference,
    private readonly givens: Givens,
    private readonly node: Expr,
    private readonly kids: readonly ShapeTerm[],
    private readonly bound: ReadonlySet<string>,
  ) {}

  kind(s: ShapeTerm): ShapeKind {
    return this.inf.kind(s);
  }

  isScalarLike(s: ShapeTerm): boolean {
    return this.inf.isScalarLike(s);
  }

  asMatrix(s: ShapeTerm): MatrixTerm | undefined {
    return this.inf.asMatrix(s);
  }

  rows(m: MatrixTerm): DimTerm {
    return m.rows;
  }

  cols(m: MatrixTerm): DimTerm {
    return m.cols;
  }

  matrix(rows: DimTerm, cols: DimTerm): MatrixTerm {
    return { k: 'matrix', rows, cols };
  }

  count(n: number): DimTerm {
    return { k: 'num', n };
  }

  product(a: DimTerm, b: DimTerm): DimTerm {
    return product([a, b]);
  }

  unify(a: ShapeTerm, b: ShapeTerm, error: LazyError): boolean {
    return this.inf.unify(a, b, error);
  }

  unifyDim(a: DimTerm, b: DimTerm, error: LazyError): boolean {
    return this.inf.unifyDim(a, b, error);
  }

  moreKnown(a: ShapeTerm, b: ShapeTerm): ShapeTerm {
    return this.inf.moreKnown(a, b);
  }

  identifier(name: string): ShapeTerm {
    return this.inf.identifier(name, this.bound);
  }

  sized(rows: DimLiteral | undefined, cols: DimLiteral | undefined): MatrixTerm {
    return this.inf.sized(rows, cols);
  }

  freshShape(): ShapeTerm {
    return this.inf.freshShape();
  }

  freshSquare(): MatrixTerm {
    return this.inf.square();
  }

  deferSquare(s: ShapeTerm, error: LazyError): void {
    this.inf.deferSquare(s, error);
  }

  fail(error: LazyError): never {
    throw new OdotException(error());
  }

  now(text: () => string): () => string {
    const fixed = text();
    return () => fixed;
  }

  text(s: ShapeTerm): string {
    return this.inf.text(s);
  }

  dimText(d: DimTerm): string {
    return formatDim(dimToPublic(this.inf.dim(d)));
  }

  origin(i: number): string {
    const child = childrenOf(this.node)[i];
    if (child === undefined) return '';
    const given = child.type === 'Identifier' && !this.bound.has(child.name) ? this.givens.get(child.name) : undefined;
    const from = given !== undefined ? ' (declared)' : child.type === 'Identifier' ? ' (undeclared)' : '';
    return `${describe(child)} is ${this.inf.text(this.kids[i] ?? SCALAR_T)}${from}`;
  }

  bothSides(): string[] {
    return [`left: ${this.origin(0)}`, `right: ${this.origin(1)}`];
  }

  mismatch(message: string, hints: readonly string[]): OdotError {
    return mismatch(this.node, message, hints);
  }

  ragged(message: string): OdotError {
    return odotError('ragged-matrix', message, this.node.span ? { span: this.node.span } : {});
  }
}
