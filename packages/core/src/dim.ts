/**
 * A product of dimensions with at least one symbolic factor, from the Kronecker product
 * ((m×n) ⊗ (p×q) is (m·p)×(n·q)): a numeric coefficient times symbols. Factors are sorted,
 * symbols before open sizes (`?3`); a product is never a bare number or a single symbol.
 */
export interface DimProduct {
  readonly kind: 'product';
  readonly coef: number;
  readonly factors: readonly string[];
}

/**
 * A dimension: a natural number, a symbol (`m`, `n`), a product of those (`m·p`, `2·n`), or an
 * open size (a string starting with `?`, e.g. `?3`, for the size of a bare `J`, `0` or `I` that
 * nothing fixed). This is the one representation; `formatDim` is the one printer and `parseDim`
 * the one reader of its text.
 */
export type Dim = number | string | DimProduct;

/** True for an open size (`?3`) or a product with an open factor. */
export function isOpenDim(d: Dim): boolean {
  if (typeof d === 'number') return false;
  if (typeof d === 'string') return d.startsWith('?');
  return d.factors.some((f) => f.startsWith('?'));
}

/** A dimension's coefficient and symbolic factors: `6` is 6·(), `n` is 1·(n), `2·m·p` is 2·(m, p). */
export function dimFactors(d: Dim): { readonly coef: number; readonly factors: readonly string[] } {
  if (typeof d === 'number') return { coef: d, factors: [] };
  if (typeof d === 'string') return { coef: 1, factors: [d] };
  return d;
}

function compareFactors(x: string, y: string): number {
  const ox = x.startsWith('?');
  const oy = y.startsWith('?');
  if (ox !== oy) return ox ? 1 : -1;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The product of dimensions, normalised: numbers multiplied, factors sorted; `dimProduct([])` is 1. */
export function dimProduct(dims: readonly Dim[]): Dim {
  let coef = 1;
  const factors: string[] = [];
  for (const d of dims) {
    const parts = dimFactors(d);
    coef *= parts.coef;
    factors.push(...parts.factors);
  }
  if (coef === 0 || factors.length === 0) return coef;
  if (coef === 1 && factors.length === 1) return factors[0] as string;
  return { kind: 'product', coef, factors: factors.sort(compareFactors) };
}

/** Structural equality of two dimensions. */
export function dimEquals(a: Dim, b: Dim): boolean {
  if (typeof a !== 'object' || typeof b !== 'object') return a === b;
  return a.coef === b.coef && a.factors.length === b.factors.length && a.factors.every((f, i) => f === b.factors[i]);
}

/** The names a dimension mentions, symbols and open sizes (not numbers): `m·p` gives m and p, `2·?3` gives ?3. */
export function dimSymbols(d: Dim): string[] {
  return [...dimFactors(d).factors];
}

/** The number a dimension stands for, given the sizes of its symbols; undefined when one is unknown or open. */
export function dimSize(d: Dim, sizes: ReadonlyMap<string, number>): number | undefined {
  const { coef, factors } = dimFactors(d);
  let out = coef;
  for (const f of factors) {
    const v = sizes.get(f);
    if (v === undefined) return undefined;
    out *= v;
  }
  return out;
}

/** The one printer of a dimension: `3`, `n`, `m·p`, `2·n`, `?3`. */
export function formatDim(d: Dim): string {
  if (typeof d !== 'object') return String(d);
  return [...(d.coef === 1 ? [] : [String(d.coef)]), ...d.factors].join('·');
}

/** The one reader of a dimension's text (declarations, answers, `formatDim` output): `3`, `n`, `m·p`, `2·n`. */
export function parseDim(text: string): Dim {
  const parts = text.split(/[·⋅*]/).map((p) => p.trim());
  if (parts.length === 1) return /^\d+$/.test(text.trim()) ? Number(text.trim()) : text.trim();
  return dimProduct(parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p)));
}
