import { dimFactors, parseDim, tick } from '@odot/core';
import { ONE, formatRational, rmul, rational, type Rational } from '@odot/numeric';
import { addExponents, exponentConstant, exponentSuffix, type Exponent } from './exponent.ts';

/**
 * One factor of an index monomial: an entry `A[i,j]` of a symbol (its slots are index names), a
 * scalar symbol `c` (no slots) or a dimension symbol `n` (no slots, `dim` set, from a sum over an
 * index that no factor uses: tr(J_n) = n).
 */
export interface Factor {
  readonly name: string;
  readonly ix: readonly string[];
  /** Symmetric symbols: the two slots are unordered (S[i,j] = S[j,i]). */
  readonly symmetric: boolean;
  /** Binary symbols: x² = x, so a repeated factor counts once. */
  readonly idempotent: boolean;
  /** A dimension symbol (printed as the size it stands for). */
  readonly dim: boolean;
  /**
   * A symbolic natural exponent (`A[i,j]^k` from `A^⊙k` with `k: natural`, `A[i,j]^(k + l)`).
   * Equal factors of a monomial with a symbolic exponent among them are merged into one (their
   * exponents added); without one, a repeated factor is kept repeated.
   */
  readonly pow?: Exponent;
}

/** `^k`, `^(k + 1)`, or '' for a factor without a symbolic exponent. */
export function powerSuffix(x: Factor): string {
  return x.pow === undefined ? '' : exponentSuffix(x.pow);
}

/** The name of a factor with its symbolic exponent, as the wiring sees it. */
export function factorName(x: Factor): string {
  return `${x.name}${powerSuffix(x)}`;
}

/**
 * A monomial of the index normal form: coefficient × product of factors × Kronecker deltas, summed
 * over the indices in `sums` (index → range). Index names: constants start with `#` (`#1` is the
 * entry index 1), summed indices are the keys of `sums`, every other name is free (the open slots
 * `r0`, `c0`, … of a matrix and the free entry indices `$i`, `$j`).
 */
export interface Mono {
  readonly c: Rational;
  readonly f: readonly Factor[];
  readonly d: readonly (readonly [string, string])[];
  readonly sums: ReadonlyMap<string, string>;
}

/** A monomial after normalisation: its canonical key (without the coefficient) and itself. */
export interface KeyedMono {
  readonly key: string;
  readonly mono: Mono;
}

/** The monomial 1 (the all-ones entry). */
export const UNIT: Mono = { c: ONE, f: [], d: [], sums: new Map() };

let fresh = 0;

/** A fresh summation index name, never produced by the canonical labelling (`s0`, `s1`, …). */
export function freshIndex(): string {
  fresh += 1;
  return `k${fresh}`;
}

/** True for a constant index (`#1`, `#2`, …). */
export function isConst(name: string): boolean {
  return name.startsWith('#');
}

/** Renames index names (free and summed alike) by `map`; names not in it stay. */
export function renameMono(m: Mono, map: ReadonlyMap<string, string>): Mono {
  if (map.size === 0) return m;
  const r = (x: string): string => map.get(x) ?? x;
  const sums = new Map<string, string>();
  for (const [k, range] of m.sums) sums.set(r(k), range);
  return {
    c: m.c,
    f: m.f.map((x) => (x.ix.length === 0 ? x : { ...x, ix: x.ix.map(r) })),
    d: m.d.map(([a, b]) => [r(a), r(b)] as const),
    sums,
  };
}

/** The monomial with its summed indices renamed to fresh names (so two monomials can be multiplied). */
export function apart(m: Mono): Mono {
  if (m.sums.size === 0) return m;
  const map = new Map<string, string>();
  for (const k of m.sums.keys()) map.set(k, freshIndex());
  return renameMono(m, map);
}

/** The product of two monomials (not normalised; the second one's summed indices are renamed apart). */
export function mulMono(a: Mono, b: Mono): Mono {
  const bb = apart(b);
  return {
    c: rmul(a.c, bb.c),
    f: [...a.f, ...bb.f],
    d: [...a.d, ...bb.d],
    sums: bb.sums.size === 0 ? a.sums : new Map([...a.sums, ...bb.sums]),
  };
}

/** The monomial with extra summed indices and deltas (not normalised). */
export function extendMono(m: Mono, sums: ReadonlyMap<string, string>, deltas: readonly (readonly [string, string])[]): Mono {
  return {
    c: m.c,
    f: m.f,
    d: deltas.length === 0 ? m.d : [...m.d, ...deltas],
    sums: sums.size === 0 ? m.sums : new Map([...m.sums, ...sums]),
  };
}

// ---------------------------------------------------------------- delta contraction

/** Preference of a class representative: constants, then free indices, then summed ones. */
function rank(name: string, sums: ReadonlyMap<string, string>): number {
  return isConst(name) ? 0 : sums.has(name) ? 2 : 1;
}

/** Row slots before column slots before entry indices, so `diag` prints as `d[i] δ(i,j)`. */
function freeOrder(name: string): string {
  const group = name.startsWith('r') ? '0' : name.startsWith('c') ? '1' : '2';
  return `${group}${name}`;
}

/**
 * Contracts the Kronecker deltas: a summed index tied to another index is replaced by it; two
 * different constants tied together make the monomial zero (undefined is returned); deltas left
 * between free indices and constants are kept as (representative, other) pairs.
 */
function contract(m: Mono): Mono | undefined {
  if (m.d.length === 0) return m;
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.has(r)) r = parent.get(r) as string;
    return r;
  };
  for (const [a, b] of m.d) {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) continue;
    if (isConst(ra) && isConst(rb)) return undefined;
    const ka = rank(ra, m.sums);
    const kb = rank(rb, m.sums);
    const aWins = ka < kb || (ka === kb && freeOrder(ra) < freeOrder(rb));
    if (aWins) parent.set(rb, ra);
    else parent.set(ra, rb);
  }
  const sums = new Map(m.sums);
  const deltas: [string, string][] = [];
  for (const x of parent.keys()) {
    const root = find(x);
    if (sums.has(x)) sums.delete(x);
    else deltas.push([root, x]);
  }
  const r = (x: string): string => (parent.has(x) ? find(x) : x);
  return { c: m.c, f: m.f.map((x) => (x.ix.length === 0 ? x : { ...x, ix: x.ix.map(r) })), d: deltas, sums };
}

/** Sums over indices no factor uses become their range: a number in the coefficient, a symbol as a `dim` factor. */
function countUnused(m: Mono): Mono {
  const used = new Set<string>();
  for (const x of m.f) for (const i of x.ix) used.add(i);
  let c = m.c;
  const extra: Factor[] = [];
  let sums: Map<string, string> | undefined;
  for (const [k, range] of m.sums) {
    if (used.has(k)) continue;
    sums ??= new Map(m.sums);
    sums.delete(k);
    const { coef, factors } = dimFactors(parseDim(range));
    if (coef !== 1) c = rmul(c, rational(BigInt(coef)));
    for (const name of factors) extra.push({ name, ix: [], symmetric: false, idempotent: false, dim: true });
  }
  if (!sums) return m;
  return { c, f: extra.length === 0 ? m.f : [...m.f, ...extra], d: m.d, sums };
}

function factorText(x: Factor, label: (i: string) => string): string {
  if (x.ix.length === 0) return x.dim ? `#${factorName(x)}` : factorName(x);
  const ix = x.ix.map(label);
  if (x.symmetric) ix.sort();
  return `${x.name}[${ix.join(',')}]${powerSuffix(x)}`;
}

/**
 * x^a · x^b = x^(a+b) for equal factors (same symbol, same indices) when one of them has a
 * symbolic exponent (a plain factor counts as x^1). Applied after delta contraction, so factors
 * that became equal there merge too.
 */
function mergePowers(m: Mono): Mono {
  if (!m.f.some((x) => x.pow !== undefined)) return m;
  const groups = new Map<string, Factor[]>();
  for (const x of m.f) {
    const { pow: _pow, ...plain } = x;
    const key = `${x.dim ? '#' : ''}${factorText(plain, (i) => i)}`;
    const group = groups.get(key);
    if (group) group.push(x);
    else groups.set(key, [x]);
  }
  const f: Factor[] = [];
  for (const group of groups.values()) {
    if (group.length === 1 || !group.some((x) => x.pow !== undefined)) {
      f.push(...group);
      continue;
    }
    const pow = group.reduce<Exponent>((sum, x) => addExponents(sum, x.pow ?? exponentConstant(1n)), new Map());
    f.push({ ...(group[0] as Factor), pow });
  }
  return { ...m, f };
}

/** Binary symbols: drops repeated factors (x² = x for x ∈ {0, 1}). */
function collapseIdempotent(m: Mono): Mono {
  if (!m.f.some((x) => x.idempotent)) return m;
  const seen = new Set<string>();
  const f = m.f.filter((x) => {
    if (!x.idempotent) return true;
    const t = factorText(x, (i) => i);
    if (seen.has(t)) return false;
    seen.add(t);
    return true;
  });
  return { ...m, f };
}

// ---------------------------------------------------------------- canonical labelling

/** Most leaves of the individualisation tree explored before the first branch is taken alone. */
const LEAF_BUDGET = 64;

interface Labelling {
  readonly text: string;
  readonly names: ReadonlyMap<string, string>;
}

/** Ranks strings: equal strings get equal numbers, in sorted order. */
function rankOf(sigs: readonly string[]): number[] {
  const sorted = [...new Set(sigs)].sort();
  const index = new Map(sorted.map((s, i) => [s, i]));
  return sigs.map((s) => index.get(s) as number);
}

/** Colour refinement of the summed indices by their occurrences (1-dimensional Weisfeiler–Leman). */
function refine(m: Mono, vars: readonly string[], start: readonly number[]): number[] {
  if (vars.length === 0) return [];
  let colour = [...start];
  const pos = new Map(vars.map((v, i) => [v, i]));
  for (let round = 0; round <= vars.length; round++) {
    const label = (i: string): string => {
      const p = pos.get(i);
      return p === undefined ? i : `@${colour[p]}`;
    };
    const occ: string[][] = vars.map(() => []);
    for (const x of m.f) {
      tick();
      x.ix.forEach((i, slot) => {
        const p = pos.get(i);
        if (p === undefined) return;
        const ix = x.ix.map((j) => (j === i ? '*' : label(j)));
        if (x.symmetric) ix.sort();
        (occ[p] as string[]).push(`${factorName(x)}/${x.symmetric ? 's' : slot}/${ix.join(',')}`);
      });
    }
    const next = rankOf(vars.map((v, i) => `${colour[i]}|${(occ[i] as string[]).sort().join(';')}`));
    const classes = (c: readonly number[]): number => new Set(c).size;
    const stable = classes(next) === classes(colour);
    colour = next;
    if (stable) break;
  }
  return colour;
}

function leafText(m: Mono, vars: readonly string[], colour: readonly number[]): Labelling {
  const names = new Map<string, string>();
  vars.forEach((v, i) => names.set(v, `s${colour[i]}`));
  const label = (i: string): string => names.get(i) ?? i;
  const factors = m.f.map((x) => {
    tick();
    return factorText(x, label);
  }).sort();
  const deltas = m.d.map(([a, b]) => (a < b ? `δ(${a},${b})` : `δ(${b},${a})`)).sort();
  const sumText = vars
    .map((v, i) => [colour[i] as number, m.sums.get(v) as string] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([c, r]) => `s${c}:${r}`)
    .join(',');
  return { text: `Σ{${sumText}} ${[...factors, ...deltas].join(' ')}`, names };
}

/** The lexicographically least labelling over the individualisation tree (within the budget). */
function bestLabelling(m: Mono, vars: readonly string[], colour: readonly number[], budget: { left: number }): Labelling {
  const counts = new Map<number, number>();
  for (const c of colour) counts.set(c, (counts.get(c) ?? 0) + 1);
  const tied = [...counts].filter(([, n]) => n > 1).map(([c]) => c);
  if (tied.length === 0) {
    budget.left -= 1;
    return leafText(m, vars, colour);
  }
  const target = Math.min(...tied);
  let best: Labelling | undefined;
  for (let i = 0; i < vars.length; i++) {
    if (colour[i] !== target) continue;
    if (best && budget.left <= 0) break;
    // Individualise vars[i]: it keeps its colour, the rest of its class moves just above it.
    const split = colour.map((c, j) => 2 * c + (c === target && j !== i ? 1 : 0));
    const refined = refine(m, vars, rankOf(split.map((x) => String(x).padStart(8, '0'))));
    const candidate = bestLabelling(m, vars, refined, budget);
    if (!best || candidate.text < best.text) best = candidate;
  }
  return best as Labelling;
}

/**
 * Normalises a monomial: contracts deltas, counts unused sums, collapses binary repeats, and
 * renames the summed indices canonically (`s0`, `s1`, …: the least labelling of the wiring up to
 * renaming). Undefined when the monomial is zero.
 */
export function normalizeMono(m: Mono): KeyedMono | undefined {
  if (m.c.num === 0n) return undefined;
  const contracted = contract(m);
  if (!contracted) return undefined;
  const n = mergePowers(collapseIdempotent(countUnused(contracted)));
  const vars = [...n.sums.keys()];
  const start = rankOf(vars.map((v) => n.sums.get(v) as string));
  const colour = refine(n, vars, start);
  const best = bestLabelling(n, vars, colour, { left: LEAF_BUDGET });
  const mono = renameMono(n, best.names);
  return { key: best.text, mono };
}

// ---------------------------------------------------------------- printing

const SUMMED = ['k', 'l', 'p', 'q'];

/** Prints an index name for people: `r0` → `i`, `c0` → `j`, `s0` → `k`, `$i` → `i`, `#2` → `2`. */
export function indexLabel(name: string): string {
  if (isConst(name)) return name.slice(1);
  if (name.startsWith('$')) return name.slice(1);
  const m = /^([rcs])(\d+)$/.exec(name);
  if (!m) return name;
  const base = m[1] === 'r' ? 'i' : m[1] === 'c' ? 'j' : 'k';
  const n = Number(m[2]);
  if (m[1] === 's') return n < SUMMED.length ? (SUMMED[n] as string) : `k${n}`;
  return n === 0 ? base : `${base}${n + 1}`;
}

/** Prints a monomial as an explicit Einstein sum: `2 c n Σ_{k∈n} A[i,k] B[k,j] δ(i,j)`. */
export function printMono(m: Mono): string {
  const parts: string[] = [];
  const power = powerSuffix;
  const scalars = m.f.filter((x) => x.ix.length === 0).map((x) => `${x.name}${power(x)}`).sort();
  const entries = m.f
    .filter((x) => x.ix.length > 0)
    .map((x) => `${x.name}[${x.ix.map(indexLabel).join(',')}]${power(x)}`)
    .sort();
  const deltas = m.d.map((pair) => `δ(${pair.map(indexLabel).sort().join(',')})`).sort();
  const sums = [...m.sums].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, r]) => `${indexLabel(k)}∈${r}`);
  if (sums.length > 0) parts.push(`Σ_{${sums.join(',')}}`);
  parts.push(...scalars, ...entries, ...deltas);
  const body = parts.join(' ');
  const c = m.c;
  if (body === '') return formatRational(c);
  if (c.num === 1n && c.den === 1n) return body;
  if (c.num === -1n && c.den === 1n) return `-${body}`;
  return `${formatRational(c)} ${body}`;
}
