import { assertNever } from './assert-never.ts';
import type { Givens } from './declaration.ts';
import { type DimTerm, dimFromLiteral, dimKey, dimToPublic, hasVar, product } from './dim-term.ts';
import { OdotException, type OdotError, type Result, fail, odotError, ok } from './error.ts';
import type { DimLiteral, Expr } from './expr.ts';
import { printPlain } from './print-text.ts';
import { SCALAR, type Shape, matrixShape } from './shape.ts';
import { shapeByRule } from './shape-rules.ts';
import { childrenOf } from './visitor-keys.ts';
import { indexNames } from './index-names.ts';
import { foldTree, type FoldStep } from './fold-tree.ts';
import { tick } from './budget.ts';
import { formatDim } from './dim.ts';

/** The shape of every node of a tree, with inference variables resolved. */
export interface ShapeTable {
  /** The shape of the root. */
  readonly shape: Shape;
  /** The shape of any node of the tree (by object identity; a shared subtree reports its first occurrence). */
  shapeOf(node: Expr): Shape;
}

type ShapeTerm =
  | { readonly k: 'scalar' }
  | { readonly k: 'matrix'; readonly rows: DimTerm; readonly cols: DimTerm }
  | { readonly k: 'svar'; readonly id: number };

type MatrixTerm = Extract<ShapeTerm, { k: 'matrix' }>;

const SCALAR_T: ShapeTerm = { k: 'scalar' };
const ONE: DimTerm = { k: 'num', n: 1 };
const MAX_TEXT = 60;

function describe(node: Expr): string {
  const text = printPlain(node);
  return text.length <= MAX_TEXT ? text : `${text.slice(0, MAX_TEXT - 1)}…`;
}

class Inference {
  private nextId = 1;
  private readonly dims = new Map<number, DimTerm>();
  private readonly shapes = new Map<number, ShapeTerm>();
  private readonly named = new Map<string, ShapeTerm>();
  private readonly deferred: { a: DimTerm; b: DimTerm; error: () => OdotError }[] = [];
  private readonly squareChecks: { shape: ShapeTerm; error: () => OdotError }[] = [];
  readonly table = new Map<Expr, ShapeTerm>();

  constructor(
    private readonly givens: Givens,
    private readonly indexNames: ReadonlySet<string>,
  ) {}

  freshDim(): DimTerm {
    return { k: 'var', id: this.nextId++ };
  }

  /** A shape that is not yet known to be a scalar or a matrix (the bare `0`). */
  freshShape(): ShapeTerm {
    return { k: 'svar', id: this.nextId++ };
  }

  /** A fresh n×n matrix shape (the bare `I`). */
  square(): MatrixTerm {
    const d = this.freshDim();
    return { k: 'matrix', rows: d, cols: d };
  }

  /** True for a scalar or a matrix already known to be 1×1 (the usual identification of the two). */
  isScalarLike(s0: ShapeTerm): boolean {
    const s = this.shape(s0);
    if (s.k === 'scalar') return true;
    if (s.k !== 'matrix') return false;
    const rows = this.dim(s.rows);
    const cols = this.dim(s.cols);
    return rows.k === 'num' && rows.n === 1 && cols.k === 'num' && cols.n === 1;
  }

  freshMatrix(): MatrixTerm {
    return { k: 'matrix', rows: this.freshDim(), cols: this.freshDim() };
  }

  dim(t: DimTerm): DimTerm {
    switch (t.k) {
      case 'num':
      case 'sym':
        return t;
      case 'var': {
        // Iterative, with path compression: chains of thousands of variables (long sums of
        // undeclared names) neither overflow the stack nor cost quadratic time.
        const chain: number[] = [];
        let end: DimTerm = t;
        for (let next = this.dims.get(t.id); next !== undefined; next = end.k === 'var' ? this.dims.get(end.id) : undefined) {
          chain.push((end as { id: number }).id);
          end = next;
        }
        for (const id of chain.slice(0, -1)) this.dims.set(id, end);
        return end.k === 'prod' ? this.dim(end) : end;
      }
      case 'prod':
        return product(t.factors.map((f) => this.dim(f)).concat([{ k: 'num', n: t.coef }]));
    }
  }

  shape(s: ShapeTerm): ShapeTerm {
    if (s.k === 'svar') {
      const chain: number[] = [];
      let end: ShapeTerm = s;
      for (let next = this.shapes.get(s.id); next !== undefined; next = end.k === 'svar' ? this.shapes.get(end.id) : undefined) {
        chain.push((end as { id: number }).id);
        end = next;
      }
      for (const id of chain.slice(0, -1)) this.shapes.set(id, end);
      return end.k === 'matrix' ? this.shape(end) : end;
    }
    if (s.k === 'matrix') return { k: 'matrix', rows: this.dim(s.rows), cols: this.dim(s.cols) };
    return s;
  }

  /** Public form for messages and results (open shape variables read as scalar). */
  publicShape(s: ShapeTerm): Shape {
    const r = this.shape(s);
    return r.k === 'matrix' ? matrixShape(dimToPublic(r.rows), dimToPublic(r.cols)) : SCALAR;
  }

  text(s: ShapeTerm): string {
    const r = this.shape(s);
    if (r.k === 'svar') return 'scalar or matrix';
    if (r.k === 'scalar') return 'scalar';
    return `${formatDim(dimToPublic(r.rows))}×${formatDim(dimToPublic(r.cols))}`;
  }

  /** Unifies two dimensions; false on a definite clash. Products with open variables wait until the end. */
  unifyDim(a0: DimTerm, b0: DimTerm, error: () => OdotError): boolean {
    const a = this.dim(a0);
    const b = this.dim(b0);
    if (dimKey(a) === dimKey(b)) return true;
    if (a.k === 'var') return this.bindVar(a.id, b);
    if (b.k === 'var') return this.bindVar(b.id, a);
    const solved = this.solveProduct(a, b) ?? this.solveProduct(b, a);
    if (solved !== undefined) return solved;
    if (hasVar(a) || hasVar(b)) {
      this.deferred.push({ a, b, error });
      return true;
    }
    return false;
  }

  /** Binds `?id = t`; when `t` mentions `?id` (`?1 = ?1·?2`) the rest of `t` must be 1. */
  private bindVar(id: number, t: DimTerm): boolean {
    if (!this.occurs(id, t)) {
      this.dims.set(id, t);
      return true;
    }
    if (t.k !== 'prod' || t.coef !== 1) return false;
    const others = [...t.factors];
    others.splice(
      others.findIndex((f) => f.k === 'var' && f.id === id),
      1,
    );
    if (others.some((f) => f.k !== 'var')) return false;
    for (const f of others) if (f.k === 'var') this.dims.set(f.id, ONE);
    return true;
  }

  private occurs(id: number, t: DimTerm): boolean {
    return (t.k === 'var' && t.id === id) || (t.k === 'prod' && t.factors.some((f) => this.occurs(id, f)));
  }

  /**
   * Solves `p = n` where `p` has open variables and `n` has none, treating distinct symbols as
   * independent: `2·?1 = 6` gives `?1 = 3`, `n·?1 = n` gives `?1 = 1`, `?1·?2 = 1` gives both 1,
   * `?1 = m·p` binds; `m·?1 = n` and `2·?1 = 3` are clashes (false). Undefined: wait for more
   * information (several variables and a remainder other than 1).
   */
  private solveProduct(p: DimTerm, n: DimTerm): boolean | undefined {
    if (p.k !== 'prod' || hasVar(n)) return undefined;
    const ground = n.k === 'num' ? { coef: n.n, syms: [] as string[] } : n.k === 'sym' ? { coef: 1, syms: [n.s] } : n.k === 'prod' ? { coef: n.coef, syms: n.factors.map(dimKey) } : undefined;
    if (ground === undefined) return undefined;
    const vars = p.factors.filter((f): f is Extract<DimTerm, { k: 'var' }> => f.k === 'var');
    const rest = [...ground.syms];
    for (const f of p.factors) {
      if (f.k === 'var') continue;
      const at = rest.indexOf(dimKey(f));
      if (at < 0) return false;
      rest.splice(at, 1);
    }
    if (ground.coef % p.coef !== 0) return false;
    const coef = ground.coef / p.coef;
    const remainder = product([{ k: 'num', n: coef }, ...rest.map((s): DimTerm => ({ k: 'sym', s }))]);
    if (vars.length === 1) {
      this.dims.set((vars[0] as { id: number }).id, remainder);
      return true;
    }
    if (remainder.k === 'num' && remainder.n === 1) {
      for (const v of vars) this.dims.set(v.id, ONE);
      return true;
    }
    return undefined;
  }

  /** Unifies two shapes; false on a clash. */
  unify(a0: ShapeTerm, b0: ShapeTerm, error: () => OdotError): boolean {
    const a = this.shape(a0);
    const b = this.shape(b0);
    if (a.k === 'svar') {
      if (!(b.k === 'svar' && b.id === a.id)) this.shapes.set(a.id, b);
      return true;
    }
    if (b.k === 'svar') {
      this.shapes.set(b.id, a);
      return true;
    }
    if (a.k === 'scalar' || b.k === 'scalar') return a.k === b.k;
    return this.unifyDim(a.rows, b.rows, error) && this.unifyDim(a.cols, b.cols, error);
  }

  /** The shape as a matrix, binding an open scalar-or-matrix variable to a fresh matrix; undefined for a scalar. */
  asMatrix(s0: ShapeTerm): MatrixTerm | undefined {
    const s = this.shape(s0);
    if (s.k === 'matrix') return s;
    if (s.k === 'scalar') return undefined;
    const m = this.freshMatrix();
    this.shapes.set(s.id, m);
    return m;
  }

  identifier(name: string, bound: ReadonlySet<string>): ShapeTerm {
    if (bound.has(name)) return SCALAR_T;
    const given = this.givens.get(name);
    if (given !== undefined) {
      const s = given.shape;
      return s.kind === 'scalar' ? SCALAR_T : { k: 'matrix', rows: dimFromLiteral(s.rows), cols: dimFromLiteral(s.cols) };
    }
    if (this.indexNames.has(name)) return SCALAR_T;
    let known = this.named.get(name);
    if (known === undefined) {
      known = this.freshMatrix();
      this.named.set(name, known);
    }
    return known;
  }

  sized(rows: DimLiteral | undefined, cols: DimLiteral | undefined): MatrixTerm {
    const r = rows === undefined ? this.freshDim() : dimFromLiteral(rows);
    const c = cols === undefined ? (rows === undefined ? this.freshDim() : r) : dimFromLiteral(cols);
    return { k: 'matrix', rows: r, cols: c };
  }

  /** Runs the checks that had to wait for all constraints. */
  finish(): void {
    // Each pass either binds a variable (there are finitely many) or changes nothing and stops.
    let progress = true;
    while (progress && this.deferred.length > 0) {
      const bound = this.dims.size;
      const pending = this.deferred.splice(0);
      for (const item of pending) {
        if (!this.unifyDim(item.a, item.b, item.error)) throw new OdotException(item.error());
      }
      progress = this.dims.size > bound;
    }
    for (const check of this.squareChecks) {
      const s = this.shape(check.shape);
      if (s.k === 'matrix' && !this.unifyDim(s.rows, s.cols, check.error)) throw new OdotException(check.error());
    }
  }

  /** Of two unified shapes, the one with fewer open variables (a product `?1·?2` may equal a plain 3). */
  moreKnown(a0: ShapeTerm, b0: ShapeTerm): ShapeTerm {
    const open = (s: ShapeTerm): number => {
      const r = this.shape(s);
      return r.k === 'svar' ? 3 : r.k === 'scalar' ? 0 : Number(hasVar(r.rows)) + Number(hasVar(r.cols));
    };
    return open(b0) < open(a0) ? b0 : a0;
  }

  deferSquare(shape: ShapeTerm, error: () => OdotError): void {
    this.squareChecks.push({ shape, error });
  }
}

function mismatch(node: Expr, message: string, hints: readonly string[] = []): OdotError {
  const extra: { span?: NonNullable<Expr['span']>; hints?: readonly string[] } = {};
  if (node.span !== undefined) extra.span = node.span;
  if (hints.length > 0) extra.hints = hints;
  return odotError('shape-mismatch', `${describe(node)}: ${message}`, extra);
}

function rule(inf: Inference, node: Expr, kids: readonly ShapeTerm[], bound: ReadonlySet<string>, givens: Givens): ShapeTerm {
  const [first = SCALAR_T, second = SCALAR_T] = kids;
  const children = childrenOf(node);
  const origin = (i: number): string => {
    const child = children[i];
    if (child === undefined) return '';
    const given = child.type === 'Identifier' && !bound.has(child.name) ? givens.get(child.name) : undefined;
    const from = given !== undefined ? ' (declared)' : child.type === 'Identifier' ? ' (undeclared)' : '';
    return `${describe(child)} is ${inf.text(kids[i] ?? SCALAR_T)}${from}`;
  };
  const bothSides = (): string[] => [`left: ${origin(0)}`, `right: ${origin(1)}`];
  // Shapes as they were before unification started (a failed unification may have bound some variables).
  const sidesError = ((l: string, r: string) => (): OdotError =>
    mismatch(node, `left is ${l}, right is ${r}`, bothSides()))(inf.text(first), inf.text(second));
  const square = (s: ShapeTerm, what: string): MatrixTerm => {
    const m = inf.asMatrix(s);
    const err = (): OdotError => mismatch(node, `${what} needs a square matrix, got ${inf.text(s)}`, [origin(0)]);
    if (m === undefined || !inf.unifyDim(m.rows, m.cols, err)) throw new OdotException(err());
    return m;
  };
  const scalarOnly = (i: number, what: string): void => {
    const s = kids[i] ?? SCALAR_T;
    const err = (): OdotError => mismatch(node, `${what} must be a scalar, got ${inf.text(s)}`, [origin(i)]);
    if (!inf.unify(s, SCALAR_T, err)) throw new OdotException(err());
  };

  switch (node.type) {
    case 'Identifier':
      return inf.identifier(node.name, bound);
    case 'NumberLiteral':
      return SCALAR_T;
    case 'MatrixLiteral': {
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
      kids.forEach((_, i) => scalarOnly(i, 'a matrix entry'));
      return { k: 'matrix', rows: { k: 'num', n: node.rows.length }, cols: { k: 'num', n: width } };
    }
    case 'Hadamard': {
      // No broadcasting and no scalars: both sides are matrices of one shape.
      const lm = inf.asMatrix(first);
      const rm = inf.asMatrix(second);
      if (lm === undefined || rm === undefined || !inf.unify(lm, rm, sidesError)) throw new OdotException(sidesError());
      return inf.moreKnown(lm, rm);
    }
    case 'Add':
    case 'Sub':
    case 'Equal':
    case 'NotEqual':
      // A known 1×1 matrix (such as xᵀAy) stands for its scalar beside a scalar: xᵀAy = tr(…).
      if (inf.isScalarLike(first) && inf.isScalarLike(second) && (inf.shape(first).k === 'scalar' || inf.shape(second).k === 'scalar')) {
        return SCALAR_T;
      }
      if (!inf.unify(first, second, sidesError)) throw new OdotException(sidesError());
      return inf.moreKnown(first, second);
    case 'MatMul': {
      const l = inf.shape(first);
      const r = inf.shape(second);
      if (l.k === 'scalar') return second;
      if (r.k === 'scalar') return first;
      const lm = inf.asMatrix(l) as MatrixTerm;
      const rm = inf.asMatrix(r) as MatrixTerm;
      const message = `cannot multiply ${inf.text(lm)} by ${inf.text(rm)}: inner dimensions ${formatDim(dimToPublic(inf.dim(lm.cols)))} and ${formatDim(dimToPublic(inf.dim(rm.rows)))} differ`;
      const err = (): OdotError => mismatch(node, message, bothSides());
      if (!inf.unifyDim(lm.cols, rm.rows, err)) throw new OdotException(err());
      return { k: 'matrix', rows: lm.rows, cols: rm.cols };
    }
    case 'Kronecker': {
      const lm = inf.asMatrix(first);
      const rm = inf.asMatrix(second);
      if (lm === undefined || rm === undefined) {
        throw new OdotException(mismatch(node, `the Kronecker product needs matrices: left is ${inf.text(first)}, right is ${inf.text(second)}`, bothSides()));
      }
      return { k: 'matrix', rows: product([lm.rows, rm.rows]), cols: product([lm.cols, rm.cols]) };
    }
    case 'Neg':
    case 'Sum':
      return first;
    case 'ScalarMul':
      scalarOnly(0, 'the scalar factor');
      return second;
    case 'Transpose': {
      if (inf.shape(first).k === 'scalar') return SCALAR_T;
      const m = inf.asMatrix(first) as MatrixTerm;
      return { k: 'matrix', rows: m.cols, cols: m.rows };
    }
    case 'HadamardPower':
      scalarOnly(1, 'the exponent');
      return first;
    case 'MatrixPower':
    case 'Inverse': {
      if (node.type === 'MatrixPower') scalarOnly(1, 'the exponent');
      const s = inf.shape(first);
      const what = node.type === 'Inverse' ? 'the inverse' : 'a matrix power';
      if (s.k === 'svar') {
        inf.deferSquare(s, () => mismatch(node, `${what} needs a square matrix, got ${inf.text(s)}`, [origin(0)]));
        return s;
      }
      if (s.k === 'scalar') return s;
      return square(s, what);
    }
    case 'Ones':
    case 'Zero':
      if (node.type === 'Zero' && node.rows === undefined && node.cols === undefined) return inf.freshShape();
      return inf.sized(node.rows, node.cols);
    case 'Identity':
      if (node.size !== undefined) return inf.sized(node.size, node.size);
      return inf.square();
    case 'Diag': {
      const m = inf.asMatrix(first);
      const err = (): OdotError => mismatch(node, `diag needs a column vector n×1, got ${inf.text(first)}`, [origin(0)]);
      if (m === undefined || !inf.unifyDim(m.cols, ONE, err)) throw new OdotException(err());
      return { k: 'matrix', rows: m.rows, cols: m.rows };
    }
    case 'DiagVec': {
      const m = square(first, 'diagvec');
      return { k: 'matrix', rows: m.rows, cols: ONE };
    }
    case 'Trace':
      square(first, 'the trace');
      return SCALAR_T;
    case 'Det':
      square(first, 'the determinant');
      return SCALAR_T;
    case 'Entry': {
      if (inf.asMatrix(first) === undefined) {
        throw new OdotException(mismatch(node, `an entry needs a matrix, got ${inf.text(first)}`, [origin(0)]));
      }
      scalarOnly(1, 'the row index');
      scalarOnly(2, 'the column index');
      return SCALAR_T;
    }
    case 'Claim': {
      if (node.property === 'nonnegative' || node.property === 'binary') return first;
      if (inf.shape(first).k === 'scalar') return first;
      square(first, `the claim ${node.property}`);
      return first;
    }
    default:
      return assertNever(node);
  }
}

/** Node types whose shape needs unification even when every child's is known (indices, scopes, a scalar beside a 1×1 matrix). */
const UNIFIED: ReadonlySet<Expr['type']> = new Set(['Entry', 'Sum']);
const SAME_SHAPE: ReadonlySet<Expr['type']> = new Set(['Add', 'Sub', 'Equal', 'NotEqual']);

/**
 * The fast path of `inferShapes`: every node's shape bottom-up by core's `SHAPE_RULES`, when each
 * is known (every symbol declared, every J, 0, I sized) and nothing needs unification (no entries
 * or sums; no scalar beside a matrix in +, − or =). On such trees the rules and unification agree
 * (`infer-shape.test.ts` compares every node); anything else is undefined and unification decides.
 * Iterative, ticking the active budgets once per node as unification does.
 */
function knownShapes(expr: Expr, givens: Givens): ShapeTable | undefined {
  const table = new Map<Expr, Shape>();
  const expand = (node: Expr): FoldStep<Expr, Shape | undefined> => {
    if (UNIFIED.has(node.type)) return { children: [], combine: () => undefined };
    return {
      children: childrenOf(node),
      combine: (kids) => {
        const shapes = kids as Shape[]; // a child without a shape has ended the fold already
        if (SAME_SHAPE.has(node.type) && shapes.some((s) => s.kind !== shapes[0]?.kind)) return undefined;
        const shape = shapeByRule(node, shapes, givens);
        if (shape && !table.has(node)) table.set(node, shape);
        return shape;
      },
    };
  };
  // The first node without a known shape ends the walk: unification decides then.
  const root = foldTree<Expr, Shape | undefined>(expr, expand, { aborts: (s) => s === undefined });
  if (!root) return undefined;
  return {
    shape: root,
    shapeOf: (node: Expr): Shape => {
      const shape = table.get(node);
      if (shape === undefined) throw new OdotException(odotError('unknown-node', `shapeOf: the node ${describe(node)} is not part of this tree`));
      return shape;
    },
  };
}

function run(expr: Expr, givens: Givens): Result<{ inf: Inference; root: ShapeTerm }> {
  const inf = new Inference(givens, indexNames(expr));
  interface Frame {
    readonly node: Expr;
    readonly children: readonly Expr[];
    readonly results: ShapeTerm[];
    readonly bound: ReadonlySet<string>;
  }
  const none: ReadonlySet<string> = new Set();
  const stack: Frame[] = [{ node: expr, children: childrenOf(expr), results: [], bound: none }];
  let root: ShapeTerm = SCALAR_T;
  try {
    while (stack.length > 0) {
      tick();
      const top = stack[stack.length - 1] as Frame;
      if (top.results.length < top.children.length) {
        const child = top.children[top.results.length] as Expr;
        const bound = top.node.type === 'Sum' ? new Set([...top.bound, top.node.index]) : top.bound;
        stack.push({ node: child, children: childrenOf(child), results: [], bound });
        continue;
      }
      stack.pop();
      const shape = rule(inf, top.node, top.results, top.bound, givens);
      if (!inf.table.has(top.node)) inf.table.set(top.node, shape);
      const parent = stack[stack.length - 1];
      if (parent) parent.results.push(shape);
      else root = shape;
    }
    inf.finish();
  } catch (e) {
    if (e instanceof OdotException) return fail(e.error);
    throw e;
  }
  return ok({ inf, root });
}

/**
 * Infers the shape of every node by unification with symbolic dimensions. Declared symbols take
 * their shape from `givens`; undeclared ones are matrices of unknown size (indices are scalars);
 * `J`, `0` and `I` without a size take it from context. Mismatches fail with code `shape-mismatch`.
 */
export function inferShapes(expr: Expr, givens: Givens = new Map()): Result<ShapeTable> {
  const known = knownShapes(expr, givens);
  return known ? ok(known) : inferShapesByUnification(expr, givens);
}

/** `inferShapes` by unification alone, without the fast path for known shapes (the tests compare the two). */
export function inferShapesByUnification(expr: Expr, givens: Givens = new Map()): Result<ShapeTable> {
  const outcome = run(expr, givens);
  if (!outcome.ok) return outcome;
  const { inf, root } = outcome.value;
  const cache = new Map<Expr, Shape>();
  const shapeOf = (node: Expr): Shape => {
    const known = cache.get(node);
    if (known !== undefined) return known;
    const term = inf.table.get(node);
    if (term === undefined) {
      throw new OdotException(odotError('unknown-node', `shapeOf: the node ${describe(node)} is not part of this tree`));
    }
    const shape = inf.publicShape(term);
    cache.set(node, shape);
    return shape;
  };
  return ok({ shape: inf.publicShape(root), shapeOf });
}

/** The shape of an expression (see `inferShapes`): `A ⊙ J` with `A: m×n` is m×n; `A B` with both 2×3 fails. */
export function inferShape(expr: Expr, givens: Givens = new Map()): Result<Shape> {
  const known = knownShapes(expr, givens);
  if (known) return ok(known.shape);
  const outcome = run(expr, givens);
  return outcome.ok ? ok(outcome.value.inf.publicShape(outcome.value.root)) : outcome;
}
