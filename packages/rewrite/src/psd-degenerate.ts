import type { Dim, Expr, Givens, Property, SymbolInfo } from '@odot/core';
import { dimFactors, isOpenDim, tick } from '@odot/core';
import { evaluate, exactMatrix, isMatrix, rational, scalarValue, toExact, type ExactMatrix, type Value } from '@odot/numeric';
import { numericPropertyEvidence } from './infer-property.ts';

/** A counterexample to a psd/pd claim among degenerate instances. */
export interface DegenerateCounterexample {
  readonly bindings: ReadonlyMap<string, Value>;
  readonly sizes: ReadonlyMap<string, number>;
  /** The exact reason the value is not psd/pd (from the LDLᵀ certificate check). */
  readonly evidence: string;
  /** Which degenerate values were used (`P = 0`, `Q = vvᵀ (rank 1)`, …). */
  readonly description: string;
}

interface Candidate {
  readonly value: Value;
  readonly label: string;
}

function fromRows(rows: number, cols: number, at: (i: number, j: number) => number): ExactMatrix {
  const data: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => at(i, j)));
  return exactMatrix(data.map((r) => r.map((x) => rational(BigInt(x)))));
}

/** Vectors for rank-one matrices v vᵀ: all ones, alternating signs, zeros in between, increasing. */
function vectors(n: number): [string, number[]][] {
  return [
    ['(1,1,…)', Array.from({ length: n }, () => 1)],
    ['(1,−1,…)', Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 1 : -1))],
    ['(1,0,…)', Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 1 : 0))],
    ['(0,1,…)', Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 0 : 1))],
    ['(1,2,…)', Array.from({ length: n }, (_, i) => i + 1)],
  ];
}

/** Degenerate square matrices: zero, identity, all ones, rank one (with zero or repeated diagonal entries), 2I − J, singular diagonals, nilpotent, and I + rank one. */
function squareCandidates(n: number): Candidate[] {
  const out: Candidate[] = [
    { label: '0', value: fromRows(n, n, () => 0) },
    { label: 'I', value: fromRows(n, n, (i, j) => (i === j ? 1 : 0)) },
    { label: 'J', value: fromRows(n, n, () => 1) },
    { label: '2I − J', value: fromRows(n, n, (i, j) => (i === j ? 1 : -1)) },
    { label: 'diag(0,1,…)', value: fromRows(n, n, (i, j) => (i === j ? i : 0)) },
    { label: 'diag(1,…,1,0)', value: fromRows(n, n, (i, j) => (i === j && i < n - 1 ? 1 : 0)) },
    { label: 'E₁₂ (nilpotent)', value: fromRows(n, n, (i, j) => (i === 0 && j === 1 ? 1 : 0)) },
    { label: '−I', value: fromRows(n, n, (i, j) => (i === j ? -1 : 0)) },
  ];
  for (const [name, v] of vectors(n)) {
    out.push({ label: `vvᵀ, v = ${name} (rank 1)`, value: fromRows(n, n, (i, j) => (v[i] as number) * (v[j] as number)) });
    out.push({ label: `I + vvᵀ, v = ${name}`, value: fromRows(n, n, (i, j) => (i === j ? 1 : 0) + (v[i] as number) * (v[j] as number)) });
  }
  return out;
}

function rectangularCandidates(rows: number, cols: number): Candidate[] {
  return [
    { label: '0', value: fromRows(rows, cols, () => 0) },
    { label: 'J', value: fromRows(rows, cols, () => 1) },
    { label: 'E₁₁', value: fromRows(rows, cols, (i, j) => (i === 0 && j === 0 ? 1 : 0)) },
    { label: 'alternating', value: fromRows(rows, cols, (i, j) => ((i + j) % 2 === 0 ? 1 : -1)) },
  ];
}

const SCALARS: Candidate[] = [0, 1, -1, 2].map((x) => ({ label: String(x), value: scalarValue(BigInt(x)) }));

function honours(v: Value, properties: ReadonlySet<Property>): boolean {
  if (!isMatrix(v)) {
    const x = v.kind === 'scalar' && typeof v.value !== 'number' ? v.value : undefined;
    if (!x) return false;
    if (properties.has('pd')) return x.num > 0n;
    if (properties.has('psd') || properties.has('nonnegative')) return x.num >= 0n;
    if (properties.has('binary')) return x.num === 0n || x.num === 1n;
    return true;
  }
  const m = toExact(v);
  return [...properties].every((p) => numericPropertyEvidence(m, p).holds);
}

/** The size of `d` with every symbolic dimension set to `size` (undefined for an open size). */
function sizeOf(d: Dim, size: number): number | undefined {
  if (isOpenDim(d)) return undefined;
  const { coef, factors } = dimFactors(d);
  return coef * size ** factors.length;
}

/** The degenerate values of one symbol at `size` (every symbolic dimension set to it) that honour its declaration. */
function candidatesFor(info: SymbolInfo, size: number): Candidate[] | undefined {
  if (info.shape.kind === 'scalar') return SCALARS.filter((c) => honours(c.value, info.properties));
  const rows = sizeOf(info.shape.rows, size);
  const cols = sizeOf(info.shape.cols, size);
  if (rows === undefined || cols === undefined) return undefined;
  const pool = rows === cols ? squareCandidates(rows) : rectangularCandidates(rows, cols);
  return pool.filter((c) => honours(c.value, info.properties));
}

/** Most combinations of degenerate values tried per size. */
const MAX_COMBINATIONS = 400;

/**
 * Refutation before "unknown": searches degenerate instances that satisfy the givens (zero,
 * rank-one psd with zero or repeated diagonal entries, singular diagonals, J, 2I − J, …) at sizes
 * 1, 2, 3 for every symbolic dimension in `dims` (rewrite's `sizeNames` of the expression and its givens:
 * the symbols' sizes and those of constants such as J_{n×n}), and returns the first for which `expr` is not psd (pd),
 * checked exactly.
 */
export function degenerateCounterexample(expr: Expr, names: ReadonlySet<string>, givens: Givens, property: 'psd' | 'pd', dims: ReadonlySet<string>): DegenerateCounterexample | undefined {
  const symbols = [...names].filter((n) => givens.has(n));
  if (symbols.length !== names.size) return undefined;
  for (const size of [1, 2, 3]) {
    const pools: Candidate[][] = [];
    for (const name of symbols) {
      const c = candidatesFor(givens.get(name) as SymbolInfo, size);
      if (!c || c.length === 0) return undefined;
      pools.push(c);
    }
    const sizes = new Map<string, number>([...dims].map((d) => [d, size]));
    const total = pools.reduce((p, c) => p * c.length, 1);
    for (let k = 0; k < Math.min(total, MAX_COMBINATIONS); k++) {
      tick(); // decidePsd's budget: its time limit is read here too
      const bindings = new Map<string, Value>();
      const labels: string[] = [];
      let rest = k;
      pools.forEach((pool, i) => {
        const c = pool[rest % pool.length] as Candidate;
        rest = Math.floor(rest / pool.length);
        bindings.set(symbols[i] as string, c.value);
        labels.push(`${symbols[i]} = ${c.label}`);
      });
      const value = evaluate(expr, bindings, { mode: 'exact', givens, dims: sizes });
      if (!value.ok || !isMatrix(value.value)) continue;
      const r = numericPropertyEvidence(toExact(value.value), property);
      if (!r.holds) {
        const sizeText = sizes.size > 0 ? ` at ${[...sizes].map(([d, n]) => `${d} = ${n}`).join(', ')}` : '';
        return { bindings, sizes, evidence: r.evidence, description: `${labels.join(', ')}${sizeText}` };
      }
    }
  }
  return undefined;
}
