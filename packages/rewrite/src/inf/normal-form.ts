import type { Dim, Limit, Shape } from '@odot/core';
import { Budget, LimitReached, formatDim, formatLimit, isOpenDim, tick, withBudget } from '@odot/core';
import { ONE, radd, rmul, rneg, type Rational } from '@odot/numeric';
import { freeNames, sizeNames, type Term } from '../term.ts';
import {
  UNIT,
  extendMono,
  freshIndex,
  isConst,
  mulMono,
  normalizeMono,
  printMono,
  renameMono,
  type Factor,
  type Mono,
} from './mono.ts';
import { exponentOf, exponentText, isSymbolic, mulExponents, type Exponent } from './exponent.ts';

/**
 * The index normal form of a matrix or scalar: for every entry (row multi-index `rows`, column
 * multi-index `cols`, one atomic range per component; components of size 1 are dropped) a sum of
 * canonical monomials keyed by their wiring. Free slots are named `r0, r1, …` and `c0, c1, …`.
 */
export interface IndexForm {
  readonly rows: readonly string[];
  readonly cols: readonly string[];
  readonly terms: ReadonlyMap<string, Mono>;
}

/** Why an expression is outside the fragment (or too big to expand: `limit`): a value, caught by the caller. */
export class OutsideFragment extends Error {
  constructor(
    readonly reason: string,
    readonly limit?: Limit,
  ) {
    super(reason);
    this.name = 'OutsideFragment';
  }
}

/** Limits of the normal form. */
export interface IndexFormOptions {
  /** Most monomial products formed in one normalisation, each weighted by 1 + its factors / 8 (default 200 000). */
  readonly maxTerms?: number;
  /** Scalar symbols declared `natural`: allowed as symbolic exponents of Hadamard powers. */
  readonly naturals?: ReadonlySet<string>;
  /**
   * The symbolic sizes in force (`n` of `A: n×n`, of `J_n`): a scalar symbol with one of these
   * names is that size, a dimension factor like the n of tr(J_n). Default: the sizes of the term's
   * own subterms (see `sizeNames`).
   */
  readonly sizes?: ReadonlySet<string>;
  /** Wall-clock budget in milliseconds, read inside the loops of the expansion (default 1000). */
  readonly timeLimitMs?: number;
}

/** The default time budget of the index normal form (and of `decideByIndexForm`, counterexample search included). */
export const INDEX_FORM_TIME_MS = 1000;

/** Per-run state: the expansion budget, the scope of summation indices, the ranges of index names. */
interface Ctx {
  budget: number;
  readonly maxTerms: number;
  readonly scope: Map<string, string>;
  readonly ranges: Map<string, string>;
  readonly indexNames: ReadonlySet<string>;
  readonly naturals: ReadonlySet<string>;
  readonly sizes: ReadonlySet<string>;
}

const rowName = (k: number): string => `r${k}`;
const colName = (k: number): string => `c${k}`;

function atomic(d: Dim): string[] {
  const s = formatDim(d);
  if (isOpenDim(d)) throw new OutsideFragment(`a size is not determined (${s})`);
  return s === '1' ? [] : [s];
}

function shapeRanges(shape: Shape): { rows: string[]; cols: string[] } {
  return shape.kind === 'scalar' ? { rows: [], cols: [] } : { rows: atomic(shape.rows), cols: atomic(shape.cols) };
}

function sameRanges(a: readonly string[], b: readonly string[], what: string): void {
  if (a.length !== b.length || a.some((x, i) => x !== b[i])) {
    throw new OutsideFragment(`${what}: index structures ${a.join('·') || '1'} and ${b.join('·') || '1'} differ (Kronecker factors against an unsplit size)`);
  }
}

/** Adds a normalised monomial into a sum (coefficients of equal wirings are added). */
function addInto(out: Map<string, Mono>, m: Mono): void {
  tick();
  const n = normalizeMono(m);
  if (!n) return;
  const before = out.get(n.key);
  if (!before) {
    out.set(n.key, n.mono);
    return;
  }
  const c = radd(before.c, n.mono.c);
  if (c.num === 0n) out.delete(n.key);
  else out.set(n.key, { ...before, c });
}

function form(rows: readonly string[], cols: readonly string[], monos: Iterable<Mono>): IndexForm {
  const terms = new Map<string, Mono>();
  for (const m of monos) addInto(terms, m);
  return { rows, cols, terms };
}

function scale(x: IndexForm, q: Rational): IndexForm {
  if (q.num === 0n) return { ...x, terms: new Map() };
  const terms = new Map<string, Mono>();
  for (const [k, m] of x.terms) terms.set(k, { ...m, c: rmul(m.c, q) });
  return { ...x, terms };
}

function spend(ctx: Ctx, n: number): void {
  ctx.budget += n;
  if (ctx.budget > ctx.maxTerms) throw new OutsideFragment(`expansion limit: more than ${ctx.maxTerms} monomial products`, { kind: 'steps', value: ctx.maxTerms });
}

function factorCount(x: IndexForm): number {
  let n = 0;
  for (const m of x.terms.values()) n += m.f.length;
  return n;
}

/** Pointwise product of two forms with the same free slots (⊙, and scalar times anything). */
function times(ctx: Ctx, a: IndexForm, b: IndexForm, rows: readonly string[], cols: readonly string[], map?: ReadonlyMap<string, string>, sums?: ReadonlyMap<string, string>): IndexForm {
  // Each product costs one unit plus one per 8 factors it holds (normalising a long product is
  // work too: a 10 000-factor ⊙ chain must hit the limit, not take minutes).
  spend(ctx, a.terms.size * b.terms.size + Math.ceil((b.terms.size * factorCount(a) + a.terms.size * factorCount(b)) / 8));
  const out: Mono[] = [];
  for (const x of a.terms.values()) {
    for (const y of b.terms.values()) {
      tick();
      const p = mulMono(x, map ? renameMono(y, map) : y);
      out.push(sums ? extendMono(p, sums, []) : p);
    }
  }
  return form(rows, cols, out);
}

function isScalarForm(x: IndexForm): boolean {
  return x.rows.length === 0 && x.cols.length === 0;
}

function hadamard(ctx: Ctx, a: IndexForm, b: IndexForm): IndexForm {
  sameRanges(a.rows, b.rows, '⊙');
  sameRanges(a.cols, b.cols, '⊙');
  return times(ctx, a, b, a.rows, a.cols);
}

/** A scalar times a matrix (either side may be the scalar). */
function scalarTimes(ctx: Ctx, s: IndexForm, x: IndexForm): IndexForm {
  return times(ctx, x, s, x.rows, x.cols);
}

/** The matrix product: the columns of `a` and the rows of `b` become fresh summed indices. */
function matmul(ctx: Ctx, a: IndexForm, b: IndexForm): IndexForm {
  if (isScalarForm(a) && !isScalarForm(b)) return scalarTimes(ctx, a, b);
  if (isScalarForm(b) && !isScalarForm(a)) return scalarTimes(ctx, b, a);
  sameRanges(a.cols, b.rows, 'matrix product');
  const left = new Map<string, string>();
  const right = new Map<string, string>();
  const sums = new Map<string, string>();
  a.cols.forEach((range, k) => {
    const f = freshIndex();
    left.set(colName(k), f);
    right.set(rowName(k), f);
    sums.set(f, range);
  });
  const renamedA: IndexForm = { ...a, terms: new Map([...a.terms].map(([key, m]) => [key, renameMono(m, left)])) };
  return times(ctx, renamedA, b, a.rows, b.cols, right, sums);
}

function add(parts: readonly IndexForm[]): IndexForm {
  const [first, ...rest] = parts as [IndexForm, ...IndexForm[]];
  const terms = new Map(first.terms);
  for (const p of rest) {
    sameRanges(first.rows, p.rows, '+');
    sameRanges(first.cols, p.cols, '+');
    for (const [k, m] of p.terms) {
      tick();
      const before = terms.get(k);
      if (!before) terms.set(k, m);
      else {
        const c = radd(before.c, m.c);
        if (c.num === 0n) terms.delete(k);
        else terms.set(k, { ...before, c });
      }
    }
  }
  return { rows: first.rows, cols: first.cols, terms };
}

/** Renames the free slots of every monomial and renormalises (used by ᵀ, diagvec, tr, entries). */
function relabel(x: IndexForm, rows: readonly string[], cols: readonly string[], map: ReadonlyMap<string, string>, sums?: ReadonlyMap<string, string>, deltas?: readonly (readonly [string, string])[]): IndexForm {
  return form(
    rows,
    cols,
    [...x.terms.values()].map((m) => extendMono(renameMono(m, map), sums ?? new Map(), deltas ?? [])),
  );
}

function one(rows: readonly string[], cols: readonly string[], deltas: readonly (readonly [string, string])[] = []): IndexForm {
  return form(rows, cols, [extendMono(UNIT, new Map(), deltas)]);
}

function symbolForm(t: Term, ctx: Ctx): IndexForm {
  if (ctx.indexNames.has(t.data)) throw new OutsideFragment(`the index ${t.data} is used as a value`);
  const { rows, cols } = shapeRanges(t.shape);
  const flags = {
    symmetric: t.declared.some((p) => p === 'symmetric' || p === 'psd' || p === 'pd'),
    idempotent: t.declared.includes('binary'),
    dim: false,
  };
  if (t.shape.kind === 'scalar') return form([], [], [{ ...UNIT, f: [{ name: t.data, ix: [], ...flags, dim: ctx.sizes.has(t.data) }] }]);
  const r = rows.length > 0 ? rowName(0) : '#1';
  const c = cols.length > 0 ? colName(0) : '#1';
  if (t.declared.includes('diagonal')) {
    const f: Factor = { name: t.data, ix: [r], ...flags, symmetric: false };
    return form(rows, cols, [{ ...UNIT, f: [f], d: [[r, c]] }]);
  }
  return form(rows, cols, [{ ...UNIT, f: [{ name: t.data, ix: [r, c], ...flags }] }]);
}

/** The value of an exponent that is a constant natural number (`3`, `k + 1` with k replaced), or an error naming it. */
function natural(t: Term, what: string, ctx: Ctx): number {
  const x = t.shape.kind === 'scalar' ? go(t, ctx) : undefined;
  const only = x && x.terms.size <= 1 ? [...x.terms.values()][0] : undefined;
  const v = x && x.terms.size === 0 ? { num: 0n, den: 1n } : only && only.f.length === 0 && only.sums.size === 0 ? only.c : undefined;
  if (!v || v.den !== 1n || v.num < 0n || v.num > 64n) throw new OutsideFragment(`${what} with an exponent that is not a literal natural number (at most 64)`);
  return Number(v.num);
}

function power(k: number, unit: IndexForm, base: IndexForm, mul: (a: IndexForm, b: IndexForm) => IndexForm): IndexForm {
  let result = unit;
  let sq = base;
  for (let e = k; e > 0; e >>= 1) {
    if (e & 1) result = result === unit ? sq : mul(result, sq);
    if (e > 1) sq = mul(sq, sq);
  }
  return result;
}

/** The exponent of a power when it is symbolic in declared naturals (`k`, `k + l`, `2 k`), else undefined. */
function symbolicExponent(t: Term, ctx: Ctx): Exponent | undefined {
  if (t.shape.kind !== 'scalar' || ctx.naturals.size === 0) return undefined;
  const e = exponentOf(t, ctx.naturals);
  return e && isSymbolic(e) ? e : undefined;
}

/**
 * x^⊙e for a symbolic natural exponent e, entry by entry: a single monomial with coefficient 1, no
 * sums, no deltas and no binary factors becomes the product of its factors to the e (true for
 * e = 0 too; a factor already raised to a symbolic power p gets p·e). Anything else (a sum, 0, a
 * delta: 0⁰ and δ⁰ are 1) is outside the fragment.
 */
function symbolicPower(base: IndexForm, e: Exponent): IndexForm {
  const only = base.terms.size === 1 ? ([...base.terms.values()][0] as Mono) : undefined;
  const simple = only && only.c.num === 1n && only.c.den === 1n && only.sums.size === 0 && only.d.length === 0;
  if (!only || !simple || only.f.some((x) => x.idempotent)) {
    throw new OutsideFragment(`a power with the symbolic exponent ${exponentText(e)} of something other than one product of entries`);
  }
  return form(base.rows, base.cols, [{ ...only, f: only.f.map((x) => ({ ...x, pow: x.pow ? mulExponents(x.pow, e) : e })) }]);
}

function identityForm(ranges: readonly string[]): IndexForm {
  return one(ranges, ranges, ranges.map((_, k) => [rowName(k), colName(k)] as const));
}

function kron(a: IndexForm, b: IndexForm, ctx: Ctx): IndexForm {
  const map = new Map<string, string>();
  b.rows.forEach((_, k) => map.set(rowName(k), rowName(k + a.rows.length)));
  b.cols.forEach((_, k) => map.set(colName(k), colName(k + a.cols.length)));
  return times(ctx, a, b, [...a.rows, ...b.rows], [...a.cols, ...b.cols], map);
}

function transpose(x: IndexForm): IndexForm {
  const map = new Map<string, string>();
  x.rows.forEach((_, k) => map.set(rowName(k), colName(k)));
  x.cols.forEach((_, k) => map.set(colName(k), rowName(k)));
  return relabel(x, x.cols, x.rows, map);
}

function diag(x: IndexForm): IndexForm {
  if (x.cols.length > 0) throw new OutsideFragment('diag of a matrix that is not a column vector');
  return relabel(x, x.rows, x.rows, new Map(), new Map(), x.rows.map((_, k) => [rowName(k), colName(k)] as const));
}

function diagvec(x: IndexForm): IndexForm {
  sameRanges(x.rows, x.cols, 'diagvec');
  return relabel(x, x.rows, [], new Map(x.cols.map((_, k) => [colName(k), rowName(k)])));
}

function trace(x: IndexForm): IndexForm {
  sameRanges(x.rows, x.cols, 'tr');
  const map = new Map<string, string>();
  const sums = new Map<string, string>();
  x.rows.forEach((range, k) => {
    const f = freshIndex();
    map.set(rowName(k), f);
    map.set(colName(k), f);
    sums.set(f, range);
  });
  return relabel(x, [], [], map, sums);
}

/** The index an entry position names: a constant `#k`, a summation index in scope, or a free index `$i`. */
function indexName(t: Term, ctx: Ctx): string {
  if (t.op === 'num' && t.value && t.value.den === 1n && t.value.num >= 1n) return `#${t.value.num}`;
  if (t.op === 'sym') return ctx.scope.get(t.data) ?? `$${t.data}`;
  throw new OutsideFragment('an entry index that is not a symbol or a positive integer');
}

function bindRange(ctx: Ctx, name: string, range: string): void {
  if (isConst(name)) {
    if (/^\d+$/.test(range) && BigInt(name.slice(1)) > BigInt(range)) throw new OutsideFragment(`entry index ${name.slice(1)} is out of range 1..${range}`);
    return;
  }
  const before = ctx.ranges.get(name);
  if (before !== undefined && before !== range) throw new OutsideFragment(`the index ${name.replace('$', '')} ranges over both ${before} and ${range}`);
  ctx.ranges.set(name, range);
}

/**
 * The pair (a, b) of an index into a Kronecker product's split size written `(a − 1) r + b`, where
 * r is the second factor's size (def_kron's `(i − 1) p + k`), as the canonical term has it:
 * `add(b, mul(r, add(−1, a)))`; undefined for any other spelling.
 */
function blockPair(t: Term, r: string): readonly [Term, Term] | undefined {
  const leaf = (x: Term): boolean => x.op === 'sym' || x.op === 'num';
  if (t.op !== 'add' || t.args.length !== 2) return undefined;
  const block = t.args.find((x) => x.op === 'mul' && x.args.length === 2);
  const within = t.args.find((x) => x !== block && leaf(x));
  const size = block?.args.find((x) => leaf(x) && x.data === r);
  const shifted = block?.args.find((x) => x !== size && x.op === 'add' && x.args.length === 2);
  const minusOne = shifted?.args.find((x) => x.op === 'num' && x.data === '-1');
  const outer = shifted?.args.find((x) => x !== minusOne && leaf(x));
  return within && size && minusOne && outer ? [outer, within] : undefined;
}

/**
 * An entry: each position names one index per slot of the form's rows (columns); a Kronecker
 * product's two slots are read from `(a − 1) r + b` (see `blockPair`).
 */
function entry(t: Term, ctx: Ctx): IndexForm {
  const [m, i, j] = t.args as [Term, Term, Term];
  const x = go(m, ctx);
  const map = new Map<string, string>();
  const deltas: [string, string][] = [];
  const place = (slots: readonly string[], name: (k: number) => string, position: Term): void => {
    if (slots.length === 0) {
      const target = indexName(position, ctx);
      bindRange(ctx, target, '1');
      if (target !== '#1') deltas.push([target, '#1']);
      return;
    }
    const parts = slots.length === 1 ? [position] : slots.length === 2 ? blockPair(position, slots[1] as string) : undefined;
    if (!parts) throw new OutsideFragment('an entry of a Kronecker product whose index is not written (a - 1) p + b');
    parts.forEach((part, k) => {
      const target = indexName(part, ctx);
      bindRange(ctx, target, slots[k] as string);
      map.set(name(k), target);
    });
  };
  place(x.rows, rowName, i);
  place(x.cols, colName, j);
  return relabel(x, [], [], map, new Map(), deltas);
}

function sum(t: Term, ctx: Ctx): IndexForm {
  const body = t.args[0] as Term;
  const f = freshIndex();
  const before = ctx.scope.get(t.data);
  ctx.scope.set(t.data, f);
  const x = go(body, ctx);
  if (before === undefined) ctx.scope.delete(t.data);
  else ctx.scope.set(t.data, before);
  if (!isScalarForm(x)) throw new OutsideFragment('a sum over an index of a matrix');
  const range = ctx.ranges.get(f);
  if (range === undefined) throw new OutsideFragment(`the range of the summation index ${t.data} is not determined by an entry`);
  if (range === '1') return relabel(x, [], [], new Map([[f, '#1']]));
  return relabel(x, [], [], new Map(), new Map([[f, range]]));
}

function numberForm(q: Rational): IndexForm {
  return form([], [], [{ ...UNIT, c: q }]);
}

/** Terms without entries or sums do not depend on the index scope, so their forms are shared on the term. */
function closed(t: Term): boolean {
  const memo = t.memo.get('inf-closed');
  if (typeof memo === 'boolean') return memo;
  // Powers with a symbol in the exponent depend on the declarations (`k: natural`), not only on the term.
  const symbolicPow = (t.op === 'hpow' || t.op === 'mpow') && freeNames(t.args[1]).size > 0;
  const value = t.op !== 'entry' && t.op !== 'sum' && !symbolicPow && t.args.every(closed);
  t.memo.set('inf-closed', value);
  return value;
}

function go(t: Term, ctx: Ctx): IndexForm {
  const share = closed(t);
  if (share) {
    const hit = t.memo.get('inf');
    if (hit) return hit as IndexForm;
  }
  const x = build(t, ctx);
  if (share) t.memo.set('inf', x);
  return x;
}

function build(t: Term, ctx: Ctx): IndexForm {
  const { rows, cols } = t.op === 'entry' || t.op === 'sum' ? { rows: [], cols: [] } : shapeRanges(t.shape);
  switch (t.op) {
    case 'sym':
      return symbolForm(t, ctx);
    case 'num':
      return numberForm(t.value ?? ONE);
    case 'ones':
      return one(rows, cols);
    case 'zero':
      return form(rows, cols, []);
    case 'identity':
      return identityForm(rows);
    case 'had':
      return t.args.map((a) => go(a, ctx)).reduce((a, b) => hadamard(ctx, a, b));
    case 'add':
      return add(t.args.map((a) => go(a, ctx)));
    case 'mul':
      return t.args.map((a) => go(a, ctx)).reduce((a, b) => matmul(ctx, a, b));
    case 'smul':
      return matmul(ctx, go(t.args[0], ctx), go(t.args[1], ctx));
    case 'kron':
      return kron(go(t.args[0], ctx), go(t.args[1], ctx), ctx);
    case 'transpose':
      return transpose(go(t.args[0], ctx));
    case 'diag':
      return diag(go(t.args[0], ctx));
    case 'diagvec':
      return diagvec(go(t.args[0], ctx));
    case 'trace':
      return trace(go(t.args[0], ctx));
    case 'hpow': {
      const base = go(t.args[0], ctx);
      const symbolic = symbolicExponent(t.args[1], ctx);
      if (symbolic !== undefined) return symbolicPower(base, symbolic);
      const k = natural(t.args[1], 'a Hadamard power', ctx);
      return power(k, one(base.rows, base.cols), base, (a, b) => hadamard(ctx, a, b));
    }
    case 'mpow': {
      const base = go(t.args[0], ctx);
      const symbolic = symbolicExponent(t.args[1], ctx);
      if (symbolic !== undefined && isScalarForm(base)) return symbolicPower(base, symbolic);
      sameRanges(base.rows, base.cols, 'a matrix power');
      const k = natural(t.args[1], 'a matrix power', ctx);
      return power(k, identityForm(base.rows), base, (a, b) => matmul(ctx, a, b));
    }
    case 'entry':
      return entry(t, ctx);
    case 'sum':
      return sum(t, ctx);
    case 'pvar':
    case 'lit':
    case 'inverse':
    case 'det':
    case 'eq':
    case 'ne':
    case 'claim':
      throw new OutsideFragment(`${opName(t.op)} is outside the polynomial fragment`);
  }
}

function opName(op: Term['op']): string {
  const names: Partial<Record<Term['op'], string>> = { inverse: 'the inverse', det: 'the determinant', lit: 'a matrix literal', pvar: 'a pattern variable' };
  return names[op] ?? `'${op}'`;
}

/** Names used as entry indices or summation indices (never values). */
function collectIndexNames(t: Term, out: Set<string>): Set<string> {
  if (t.op === 'entry') {
    for (const a of t.args.slice(1)) if (a.op === 'sym') out.add(a.data);
  }
  if (t.op === 'sum') out.add(t.data);
  for (const a of t.args) collectIndexNames(a, out);
  return out;
}

/**
 * The outcome of `indexNormalForm`: the form, or the reason the term is outside the fragment
 * (`limit` when the expansion or time limit stopped it).
 */
export type IndexFormResult =
  | { readonly ok: true; readonly form: IndexForm; readonly ranges: ReadonlyMap<string, string> }
  | { readonly ok: false; readonly reason: string; readonly limit?: Limit };

/**
 * The index normal form of a term of the polynomial fragment (symbols, ⊙, products, +, −, scalar
 * multiples, ᵀ, J, I, 0, diag, diagvec, tr, entries, Σ, natural Hadamard and matrix powers, ⊗).
 * Sub-results are shared on the hash-consed terms; `maxTerms` bounds the expansion and
 * `timeLimitMs` its time (read inside the loops).
 */
export function indexNormalForm(t: Term, options: IndexFormOptions = {}): IndexFormResult {
  const budget = new Budget({ timeLimitMs: options.timeLimitMs ?? INDEX_FORM_TIME_MS });
  try {
    return withBudget(budget, () => indexNormalFormWithin(t, options));
  } catch (error) {
    if (error instanceof LimitReached && error.budget === budget) return { ok: false, reason: stoppedBy(error.limit), limit: error.limit };
    throw error;
  }
}

/** Why a budget stopped the layer: `stopped by the time: limit of 1000 ms`. */
export function stoppedBy(limit: Limit): string {
  return `stopped by the ${formatLimit(limit)}`;
}

/**
 * `indexNormalForm` without a budget of its own: its loops tick against the active budgets (the
 * caller's `withBudget`), whose `LimitReached` propagates.
 */
export function indexNormalFormWithin(t: Term, options: IndexFormOptions = {}): IndexFormResult {
  const ctx: Ctx = {
    budget: 0,
    maxTerms: options.maxTerms ?? 200_000,
    scope: new Map(),
    ranges: new Map(),
    indexNames: collectIndexNames(t, new Set()),
    naturals: options.naturals ?? new Set(),
    sizes: options.sizes ?? sizeNames([t]),
  };
  try {
    return { ok: true, form: go(t, ctx), ranges: ctx.ranges };
  } catch (error) {
    if (error instanceof OutsideFragment) return { ok: false, reason: error.reason, ...(error.limit ? { limit: error.limit } : {}) };
    throw error;
  }
}

/** True when two forms are the same polynomial (same free slots, same monomials with the same coefficients). */
export function sameForm(a: IndexForm, b: IndexForm): boolean {
  if (a.rows.join('·') !== b.rows.join('·') || a.cols.join('·') !== b.cols.join('·')) return false;
  if (a.terms.size !== b.terms.size) return false;
  for (const [k, m] of a.terms) {
    const other = b.terms.get(k);
    if (!other || other.c.num !== m.c.num || other.c.den !== m.c.den) return false;
  }
  return true;
}

/** Prints a form as an explicit Einstein sum, `[i,j] ↦ Σ_{k∈n} A[i,k] B[k,j] + …` (`0` for the empty sum). */
export function printForm(x: IndexForm): string {
  const free = [...x.rows.map((_, k) => (k === 0 ? 'i' : `i${k + 1}`)), ...x.cols.map((_, k) => (k === 0 ? 'j' : `j${k + 1}`))];
  const monos = [...x.terms.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, m]) => {
      tick();
      return printMono(m);
    });
  let body = '';
  for (const m of monos) body += body === '' ? m : m.startsWith('-') ? ` - ${m.slice(1)}` : ` + ${m}`;
  if (body === '') body = '0';
  return free.length === 0 ? body : `[${free.join(',')}] ↦ ${body}`;
}

/** −x (used for differences). */
export function negateForm(x: IndexForm): IndexForm {
  return scale(x, rneg(ONE));
}
