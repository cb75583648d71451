import type { Givens } from './declaration.ts';
import { type DimTerm, dimFromLiteral, dimKey, dimToPublic, hasVar, product } from './dim-term.ts';
import { OdotException, type OdotError, odotError } from './error.ts';
import type { DimLiteral, Expr } from './expr.ts';
import { printPlain } from './print-text.ts';
import { SCALAR, type Shape, matrixShape } from './shape.ts';
import { formatDim } from './dim.ts';
import type { ShapeKind } from './shape-domain.ts';

/** A shape during inference: a scalar, a matrix of dimension terms, or an open scalar-or-matrix variable. */
export type ShapeTerm =
  | { readonly k: 'scalar' }
  | { readonly k: 'matrix'; readonly rows: DimTerm; readonly cols: DimTerm }
  | { readonly k: 'svar'; readonly id: number };

/** A matrix shape term. */
export type MatrixTerm = Extract<ShapeTerm, { k: 'matrix' }>;

/** The scalar shape term. */
export const SCALAR_T: ShapeTerm = { k: 'scalar' };
/** The dimension 1. */
export const ONE: DimTerm = { k: 'num', n: 1 };
const MAX_TEXT = 60;

/**
 * The term at the end of the chain of bindings that starts at `start` (a variable when `varId`
 * gives its number), each variable on the way bound straight to it (path compression). Iterative:
 * chains of thousands of variables (long sums of undeclared names) neither overflow the stack nor
 * cost quadratic time.
 */
function chainEnd<T>(bindings: Map<number, T>, start: T, varId: (t: T) => number | undefined): T {
  const chain: number[] = [];
  let end = start;
  for (let id = varId(end); id !== undefined; id = varId(end)) {
    const next = bindings.get(id);
    if (next === undefined) break;
    chain.push(id);
    end = next;
  }
  for (const id of chain.slice(0, -1)) bindings.set(id, end);
  return end;
}

const dimVarId = (t: DimTerm): number | undefined => (t.k === 'var' ? t.id : undefined);
const shapeVarId = (s: ShapeTerm): number | undefined => (s.k === 'svar' ? s.id : undefined);

/** A node as text for messages, cut at 60 characters. */
export function describe(node: Expr): string {
  const text = printPlain(node);
  return text.length <= MAX_TEXT ? text : `${text.slice(0, MAX_TEXT - 1)}…`;
}

/**
 * The state of one shape inference: dimension and shape variables with their bindings (union-find
 * with path compression), the shape term of each node, and the checks that wait for the end.
 */
export class Inference {
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
        const end = chainEnd(this.dims, t, dimVarId);
        return end.k === 'prod' ? this.dim(end) : end;
      }
      case 'prod':
        return product(t.factors.map((f) => this.dim(f)).concat([{ k: 'num', n: t.coef }]));
    }
  }

  shape(s: ShapeTerm): ShapeTerm {
    if (s.k === 'svar') {
      const end = chainEnd(this.shapes, s, shapeVarId);
      return end.k === 'matrix' ? this.shape(end) : end;
    }
    if (s.k === 'matrix') return { k: 'matrix', rows: this.dim(s.rows), cols: this.dim(s.cols) };
    return s;
  }

  /** What is known of a shape: a scalar, a matrix, or open (a shape variable nothing has bound). */
  kind(s: ShapeTerm): ShapeKind {
    const k = this.shape(s).k;
    return k === 'svar' ? 'open' : k;
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

/** The error of a shape table asked for a node that is not part of its tree. */
export function notInTree(node: Expr): OdotException {
  return new OdotException(odotError('unknown-node', `shapeOf: the node ${describe(node)} is not part of this tree`));
}

/** A `shape-mismatch` error at `node`: its text, the message and hints naming the operands. */
export function mismatch(node: Expr, message: string, hints: readonly string[] = []): OdotError {
  const extra: { span?: NonNullable<Expr['span']>; hints?: readonly string[] } = {};
  if (node.span !== undefined) extra.span = node.span;
  if (hints.length > 0) extra.hints = hints;
  return odotError('shape-mismatch', `${describe(node)}: ${message}`, extra);
}
