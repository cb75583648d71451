import { dimEquals, tick, type Dim, type Shape } from '@odot/core';
import { isNum, mkAdd, mkHad, mkIdentity, mkMul, mkOnes, mkZero, rebuild, sole, termAt, type Term } from './term.ts';

/** Bindings of pattern variables to terms and of dimension variables to dimensions. */
export interface Subst {
  readonly vars: ReadonlyMap<string, Term>;
  readonly dims: ReadonlyMap<string, Dim>;
}

/** The empty substitution. */
export const EMPTY_SUBST: Subst = { vars: new Map(), dims: new Map() };

/**
 * Where a root match sits inside an n-ary node: for ⊙ and + the indices of the children it used
 * (the others stay beside the result); for a product the half-open range of factors.
 */
export type Extension =
  | { readonly kind: 'whole' }
  | { readonly kind: 'ac'; readonly used: readonly number[] }
  | { readonly kind: 'range'; readonly start: number; readonly end: number };

/** One way a pattern matches at a node. */
export interface Match {
  readonly subst: Subst;
  readonly ext: Extension;
}

/** A single symbolic size in a law's pattern binds; a number must match; a product is implied by its factors. */
function isDimVar(d: Dim): d is string {
  return typeof d === 'string';
}

function bindDim(p: Dim, t: Dim, s: Subst): Subst | undefined {
  if (typeof p === 'number') return dimEquals(p, t) ? s : undefined;
  if (!isDimVar(p)) return s; // a product dimension: implied by its factors
  const bound = s.dims.get(p);
  if (bound !== undefined) return dimEquals(bound, t) ? s : undefined;
  const dims = new Map(s.dims);
  dims.set(p, t);
  return { vars: s.vars, dims };
}

function bindShape(p: Shape, t: Shape, s: Subst): Subst | undefined {
  if (p.kind === 'scalar') return t.kind === 'scalar' ? s : undefined;
  if (t.kind !== 'matrix') return undefined;
  const r = bindDim(p.rows, t.rows, s);
  return r && bindDim(p.cols, t.cols, r);
}

function bindVar(name: string, t: Term, s: Subst): Subst {
  const vars = new Map(s.vars);
  vars.set(name, t);
  return { vars, dims: s.dims };
}

/** Matches a pattern against a whole term (no extension), yielding every substitution. */
export function* matchTerm(p: Term, t: Term, s: Subst): Generator<Subst> {
  if (!p.hasVars && p.op !== 'ones' && p.op !== 'zero' && p.op !== 'identity' && p.args.length === 0) {
    if (p === t) yield s;
    return;
  }
  switch (p.op) {
    case 'pvar': {
      const bound = s.vars.get(p.data);
      if (bound !== undefined) {
        if (bound === t) yield s;
        return;
      }
      if (t.op === 'eq' || t.op === 'ne' || t.op === 'claim') return;
      const s1 = bindShape(p.shape, t.shape, s);
      if (s1) yield bindVar(p.data, t, s1);
      return;
    }
    case 'ones':
    case 'zero':
    case 'identity': {
      if (t.op !== p.op) return;
      const s1 = bindShape(p.shape, t.shape, s);
      if (s1) yield s1;
      return;
    }
    case 'had':
    case 'add':
      if (t.op !== p.op) return;
      for (const r of matchAC(p, t, s, false)) yield r.subst;
      return;
    case 'mul':
      if (t.op !== 'mul') return;
      if (p.shape.kind === 'scalar' || t.shape.kind === 'scalar') {
        if (p.shape.kind !== t.shape.kind) return;
        for (const r of matchAC(p, t, s, false)) yield r.subst;
        return;
      }
      for (const r of matchSeq(p.args, t.args, 0, 0, s, true)) yield r.subst;
      return;
    default: {
      if (t.op !== p.op || t.data !== p.data || t.args.length !== p.args.length) return;
      yield* matchArgs(p.args, t.args, 0, s);
    }
  }
}

function* matchArgs(ps: readonly Term[], ts: readonly Term[], i: number, s: Subst): Generator<Subst> {
  const p = ps[i];
  if (p === undefined) {
    yield s;
    return;
  }
  for (const s1 of matchTerm(p, termAt(ts, i), s)) yield* matchArgs(ps, ts, i + 1, s1);
}

function acOf(op: Term['op'], args: readonly Term[]): Term {
  if (op === 'had') return mkHad(args);
  if (op === 'add') return mkAdd(args);
  return mkMul(args);
}

interface AcResult {
  readonly subst: Subst;
  readonly used: readonly number[];
}

/**
 * Matching modulo associativity and commutativity: each pattern child takes one child of the term;
 * at the root the unused children stay beside the result, below the root the last pattern
 * variable takes all of them.
 */
function* matchAC(p: Term, t: Term, s: Subst, root: boolean): Generator<AcResult> {
  const pargs = [...p.args].sort((a, b) => Number(a.op === 'pvar') - Number(b.op === 'pvar'));
  if (pargs.length > t.args.length) return;
  yield* new AcMatch(pargs, t, root).assign(0, s);
}

/** One AC match in progress: which children of the term the pattern children have taken so far. */
class AcMatch {
  private readonly n: number;
  private readonly used: boolean[];
  private readonly chosen: number[] = [];

  constructor(
    private readonly pargs: readonly Term[],
    private readonly t: Term,
    private readonly root: boolean,
  ) {
    this.n = t.args.length;
    this.used = new Array<boolean>(this.n).fill(false);
  }

  /** Every way pattern children i, i+1, … take children of the term under `s1`. */
  *assign(i: number, s1: Subst): Generator<AcResult> {
    tick();
    if (i === this.pargs.length) {
      const rest = this.n - this.chosen.length;
      if (rest === 0 || this.root) yield { subst: s1, used: [...this.chosen].sort((a, b) => a - b) };
      return;
    }
    const pi = termAt(this.pargs, i);
    if (i === this.pargs.length - 1 && pi.op === 'pvar') {
      const goOn = yield* this.takeRemaining(pi, s1);
      if (!goOn || !this.root) return;
    }
    // A variable bound to a chain of this operator takes the same children again (several at once).
    const chainBound = pi.op === 'pvar' ? s1.vars.get(pi.data) : undefined;
    if (chainBound !== undefined && chainBound.op === this.t.op) {
      yield* this.takeChain(i, chainBound, s1);
      return;
    }
    yield* this.takeOne(i, pi, s1);
  }

  /**
   * The last pattern variable takes all the remaining children at once (below the root it must);
   * returns false when none remain (nothing more to try).
   */
  private *takeRemaining(pi: Term, s1: Subst): Generator<AcResult, boolean> {
    const remaining: number[] = [];
    for (let j = 0; j < this.n; j++) if (!this.used[j]) remaining.push(j);
    if (remaining.length === 0) return false;
    // Already bound: only the same chain can match, so do not build one (that is quadratic on long sums).
    const bound = s1.vars.get(pi.data);
    const fits = bound === undefined || remaining.length === 1 || (bound.op === this.t.op && bound.args.length === remaining.length);
    if (fits && (!this.root || remaining.length >= 2)) {
      const kids = remaining.map((j) => termAt(this.t.args, j));
      const target = sole(kids) ?? acOf(this.t.op, kids);
      for (const s2 of matchTerm(pi, target, s1)) yield { subst: s2, used: [...this.chosen, ...remaining].sort((a, b) => a - b) };
    }
    return true;
  }

  /** Pattern child i, a variable bound to a chain of this operator, takes the same children again. */
  private *takeChain(i: number, chainBound: Term, s1: Subst): Generator<AcResult> {
    const take = takeChildren(chainBound.args, this.t.args, this.used);
    if (take === undefined) return;
    for (const j of take) this.used[j] = true;
    this.chosen.push(...take);
    yield* this.assign(i + 1, s1);
    this.chosen.splice(this.chosen.length - take.length, take.length);
    for (const j of take) this.used[j] = false;
  }

  /**
   * Pattern child i takes one unused child of the term. A pattern child whose variables are all
   * bound can only match its own instance: look it up instead of trying every child (reversing a
   * step on a 1 000-term sum starts fully bound).
   */
  private *takeOne(i: number, pi: Term, s1: Subst): Generator<AcResult> {
    const known = boundInstance(pi, s1);
    const tried = new Set<Term>();
    for (const [j, tj] of this.t.args.entries()) {
      if (this.used[j]) continue;
      tick();
      if (tried.has(tj) || (known !== undefined && tj !== known)) continue;
      tried.add(tj);
      for (const s2 of matchTerm(pi, tj, s1)) {
        this.used[j] = true;
        this.chosen.push(j);
        yield* this.assign(i + 1, s2);
        this.chosen.pop();
        this.used[j] = false;
      }
    }
  }
}

interface SeqResult {
  readonly subst: Subst;
  readonly end: number;
}

/** Matching modulo associativity (matrix products): a pattern variable takes a run of one or more factors. */
function* matchSeq(
  ps: readonly Term[],
  ts: readonly Term[],
  i: number,
  j: number,
  s: Subst,
  mustEnd: boolean,
): Generator<SeqResult> {
  tick();
  const p = ps[i];
  if (p === undefined) {
    if (!mustEnd || j === ts.length) yield { subst: s, end: j };
    return;
  }
  const after = ps.length - i - 1;
  if (p.op === 'pvar' && p.shape.kind === 'matrix') {
    const bound = s.vars.get(p.data);
    const maxLen = ts.length - j - after;
    for (let len = 1; len <= maxLen; len++) {
      if (mustEnd && i === ps.length - 1 && j + len !== ts.length) continue;
      const seg = ts.slice(j, j + len);
      const target = sole(seg) ?? mkMul(seg);
      if (bound !== undefined && bound !== target) continue;
      for (const s1 of matchTerm(p, target, s)) yield* matchSeq(ps, ts, i + 1, j + len, s1, mustEnd);
    }
    return;
  }
  const tj = ts[j];
  if (tj === undefined) return;
  for (const s1 of matchTerm(p, tj, s)) yield* matchSeq(ps, ts, i + 1, j + 1, s1, mustEnd);
}

/** Every match of a pattern at a node, including partial matches of n-ary ⊙, + and products. */
export function* matchAt(p: Term, t: Term, s: Subst = EMPTY_SUBST): Generator<Match> {
  if ((p.op === 'had' || p.op === 'add') && t.op === p.op) {
    for (const r of matchAC(p, t, s, true)) {
      yield r.used.length === t.args.length ? { subst: r.subst, ext: { kind: 'whole' } } : { subst: r.subst, ext: { kind: 'ac', used: r.used } };
    }
    return;
  }
  if (p.op === 'mul' && t.op === 'mul' && p.shape.kind === 'matrix' && t.shape.kind === 'matrix') {
    for (let start = 0; start < t.args.length; start++) {
      for (const r of matchSeq(p.args, t.args, 0, start, s, false)) {
        yield start === 0 && r.end === t.args.length
          ? { subst: r.subst, ext: { kind: 'whole' } }
          : { subst: r.subst, ext: { kind: 'range', start, end: r.end } };
      }
    }
    return;
  }
  for (const s1 of matchTerm(p, t, s)) yield { subst: s1, ext: { kind: 'whole' } };
}

/** Thrown by `instantiate` when the other side mentions a variable the match did not bind. */
export class UnboundVariable extends Error {}

function substDim(d: Dim, s: Subst): Dim {
  if (!isDimVar(d)) return d;
  const v = s.dims.get(d);
  if (v === undefined) throw new UnboundVariable(`dimension ${d}`);
  return v;
}

/** Indices of unused children of `ts` equal to `wanted` (as a multiset), or undefined when one is missing. */
function takeChildren(wanted: readonly Term[], ts: readonly Term[], used: readonly boolean[]): number[] | undefined {
  const take: number[] = [];
  for (const w of wanted) {
    const j = ts.findIndex((t, k) => t === w && !used[k] && !take.includes(k));
    if (j < 0) return undefined;
    take.push(j);
  }
  return take;
}

/** The instance of pattern `p` under `s` when every variable of `p` is bound (undefined otherwise). */
function boundInstance(p: Term, s: Subst): Term | undefined {
  if (!p.hasVars || !allBound(p, s)) return undefined;
  try {
    return instantiate(p, s);
  } catch (error) {
    if (error instanceof UnboundVariable) return undefined;
    throw error;
  }
}

function allBound(p: Term, s: Subst): boolean {
  if (p.op === 'pvar') return s.vars.has(p.data);
  return p.args.every((a) => allBound(a, s));
}

/** Builds the other side of a law from a substitution (canonical constructors re-sort and flatten). */
export function instantiate(p: Term, s: Subst): Term {
  switch (p.op) {
    case 'pvar': {
      const v = s.vars.get(p.data);
      if (v === undefined) throw new UnboundVariable(p.data);
      return v;
    }
    case 'ones':
      return p.shape.kind === 'matrix' ? mkOnes(substDim(p.shape.rows, s), substDim(p.shape.cols, s)) : p;
    case 'zero':
      return mkZero(p.shape.kind === 'matrix' ? { kind: 'matrix', rows: substDim(p.shape.rows, s), cols: substDim(p.shape.cols, s) } : p.shape);
    case 'identity':
      return p.shape.kind === 'matrix' ? mkIdentity(substDim(p.shape.rows, s)) : p;
    default:
      if (p.args.length === 0) return p;
      return rebuild(p, p.args.map((a) => instantiate(a, s)));
  }
}

/** Puts the instantiated side back into the node it replaced part of. */
export function applyExtension(node: Term, ext: Extension, replacement: Term): Term {
  switch (ext.kind) {
    case 'whole':
      return replacement;
    case 'ac': {
      const keep = node.args.filter((_, i) => !ext.used.includes(i));
      return acOf(node.op, [...keep, replacement]);
    }
    case 'range':
      return mkMul([...node.args.slice(0, ext.start), replacement, ...node.args.slice(ext.end)]);
  }
}

/** True when a term is a positive integer number. */
export function isPositiveInteger(t: Term): boolean {
  return t.op === 'num' && t.value !== undefined && t.value.den === 1n && t.value.num > 0n && !isNum(t, 0);
}
